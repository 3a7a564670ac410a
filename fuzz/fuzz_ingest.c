/* SPDX-License-Identifier: MIT */
/*
 * fuzz_ingest.c — libFuzzer target for the input side of aidtrace: the raw
 * bytes go (1) through at_doc_from_text + at_extract_doc + both renderers,
 * and (2) into a temp .jsonl file read with at_reader_open/next, extracting
 * every document it yields. The lexicons are loaded once.
 *
 * Build and run: make fuzz-smoke (or build-fuzz/fuzz/fuzz_ingest CORPUS_DIR).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aidtrace.h"
#include "fuzz_util.h"

static at_ctx *ctx;
static char jsonl_path[256];

static void extract_and_render(const at_doc *doc)
{
	at_events *ev = NULL;
	if (at_extract_doc(&ev, ctx, doc) != 0)
		return;
	size_t len;
	free(at_events_jsonl(ev, &len));
	free(at_events_table(ev, 100, 1, &len));
	at_events_free(ev);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	ctx = fuzz_ctx("fuzz_ingest");
	fuzz_tmp_path(jsonl_path, sizeof(jsonl_path), "fuzz_ingest", ".jsonl");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* 1. the bytes as one document, with and without a publication date */
	at_doc *doc = NULL;
	if (at_doc_from_text(&doc, "fuzz", (const char *)data, size,
			     size && (data[0] & 1) ? "2022-05-06" : NULL) == 0) {
		extract_and_render(doc);
		at_doc_free(doc);
	}

	/* 2. the bytes as a JSONL file */
	FILE *f = fopen(jsonl_path, "wb");
	if (!f)
		return 0;
	if (size)
		fwrite(data, 1, size, f);
	fclose(f);
	at_reader *r = NULL;
	if (at_reader_open(&r, jsonl_path, NULL) == 0) {
		for (int n = 0; n < 10000; n++) {
			at_diag diag;
			doc = NULL;
			int rc = at_reader_next(r, &doc, &diag);
			if (rc == 0 || rc == AT_ENOMEM)
				break;
			if (rc > 0) {
				extract_and_render(doc);
				at_doc_free(doc);
			}
		}
		at_reader_free(r);
	}
	unlink(jsonl_path);
	return 0;
}
