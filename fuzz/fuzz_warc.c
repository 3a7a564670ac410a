/* SPDX-License-Identifier: MIT */
/*
 * fuzz_warc.c — libFuzzer target for the web-archive reader (src/ingest/
 * warc.c): the raw bytes are written as a .warc file, and gzip'd (split into
 * two members at a byte the input chooses) as a .warc.gz file; both are read
 * with at_reader_open/next to the end, and every document is extracted.
 * Records, HTTP headers, chunked and gzip bodies, ARC lines and gzip members
 * all come from the fuzzer; the reader must end, never crash, and never hand
 * out a document larger than the cap.
 *
 * Build and run: make fuzz-smoke (or build-fuzz/fuzz/fuzz_warc CORPUS_DIR).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "aidtrace.h"
#include "fuzz_util.h"

static at_ctx *ctx;
static char plain_path[256], gz_path[256];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	ctx = fuzz_ctx("fuzz_warc");
	fuzz_tmp_path(plain_path, sizeof(plain_path), "fuzz_warc", ".warc");
	fuzz_tmp_path(gz_path, sizeof(gz_path), "fuzz_warc", ".warc.gz");
	return 0;
}

/* gzip n bytes as one member onto f. */
static void gz_member(FILE *f, const uint8_t *p, size_t n)
{
	z_stream z;
	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return;
	size_t cap = deflateBound(&z, (uLong)n) + 64;
	unsigned char *buf = malloc(cap);
	if (buf) {
		z.next_in = (unsigned char *)p;
		z.avail_in = (uInt)n;
		z.next_out = buf;
		z.avail_out = (uInt)cap;
		if (deflate(&z, Z_FINISH) == Z_STREAM_END)
			fwrite(buf, 1, cap - z.avail_out, f);
		free(buf);
	}
	deflateEnd(&z);
}

static void read_all(const char *path)
{
	at_reader *r = NULL;
	if (at_reader_open(&r, path, NULL) != 0)
		return;
	for (int n = 0; n < 10000; n++) {
		at_doc *doc = NULL;
		at_diag diag;
		int rc = at_reader_next(r, &doc, &diag);
		if (rc == 0 || rc == AT_ENOMEM)
			break;
		if (rc < 0)
			continue;
		if (doc->len > AT_MAX_DOC_BYTES || strlen(doc->bytes) != doc->len)
			abort(); /* over the cap, or a NUL inside a text */
		at_events *ev = NULL;
		if (at_extract_doc(&ev, ctx, doc) == 0) {
			size_t len;
			free(at_events_jsonl(ev, &len));
			at_events_free(ev);
		}
		at_doc_free(doc);
	}
	at_reader_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fuzz_write(plain_path, data, size) != 0)
		return 0;
	read_all(plain_path);

	FILE *f = fopen(gz_path, "wb");
	if (!f)
		return 0;
	size_t cut = size ? data[0] % (size + 1) : 0; /* two members, split here */
	gz_member(f, data, cut);
	gz_member(f, data + cut, size - cut);
	fclose(f);
	read_all(gz_path);
	return 0;
}
