/* SPDX-License-Identifier: MIT */
/*
 * fuzz_html.c — libFuzzer target for the HTML reader (src/ingest/html.c):
 * the raw bytes are written as an .html file, read with at_reader_open/next
 * (libxml2's parser, the main-content walk, the metadata, the offset map),
 * and extracted. Every event's source span must lie inside the page's bytes
 * and the text must hold no NUL; a page breaking either aborts.
 *
 * Build and run: make fuzz-smoke (or build-fuzz/fuzz/fuzz_html CORPUS_DIR).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aidtrace.h"
#include "fuzz_util.h"

static at_ctx *ctx;
static char path[256];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	ctx = fuzz_ctx("fuzz_html");
	fuzz_tmp_path(path, sizeof(path), "fuzz_html", ".html");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fuzz_write(path, data, size) != 0)
		return 0;
	at_reader *r = NULL;
	if (at_reader_open(&r, path, NULL) != 0)
		return 0;
	for (int n = 0; n < 100; n++) {
		at_doc *doc = NULL;
		at_diag diag;
		int rc = at_reader_next(r, &doc, &diag);
		if (rc == 0 || rc == AT_ENOMEM)
			break;
		if (rc < 0)
			continue;
		if (strlen(doc->bytes) != doc->len)
			abort(); /* a NUL inside the text */
		at_events *ev = NULL;
		if (at_extract_doc(&ev, ctx, doc) == 0) {
			size_t len;
			char *json = at_events_jsonl(ev, &len);
			/* "start":N,"end":M of every source lie inside the page */
			for (const char *p = json; p && (p = strstr(p, "\"start\":")) != NULL;) {
				unsigned long a = strtoul(p + 8, NULL, 10);
				const char *e = strstr(p, "\"end\":");
				unsigned long b = e ? strtoul(e + 6, NULL, 10) : 0;
				if (!e || a > b || b > size)
					abort();
				p = e + 6;
			}
			free(json);
			at_events_free(ev);
		}
		at_doc_free(doc);
	}
	at_reader_free(r);
	return 0;
}
