/* SPDX-License-Identifier: MIT */
/*
 * tests/archive/writer.c — the WARC writer (src/archive/warc_writer.c):
 * SHA-1 base32 digests against known values; records written across
 * rotated files, each file checked by warc_verify.h (one gzip member per
 * record, warcinfo first, every block and payload digest recomputed); the
 * offsets the writer returns are member starts; the project's reader reads
 * the pages back with those offsets; names sort by time; nothing is
 * overwritten.
 */
#include <dirent.h>

#include "../test_util.h"
#include "aidtrace.h"
#include "archive/warc_writer.h"
#include "warc_verify.h"

typedef at_test_dir fixture;
#define setup at_test_dir_setup
#define teardown at_test_dir_teardown

static void digests(void **state)
{
	(void)state;
	char d[38];
	at_warc_sha1("", 0, d);
	assert_string_equal(d, "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
	at_warc_sha1("abc", 3, d);
	assert_string_equal(d, "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
	char id[AT_WARC_ID_LEN], id2[AT_WARC_ID_LEN];
	at_warcw_new_id(id);
	at_warcw_new_id(id2);
	assert_int_equal(strlen(id), 47);
	assert_memory_equal(id, "<urn:uuid:", 10);
	assert_int_equal(id[24], '4'); /* version 4 */
	assert_string_not_equal(id, id2);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .warc.gz files of dir, sorted; their count. */
static int list(const char *dir, char names[][1200], int max)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	char *tmp[64];
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < max && n < 64)
		if (strstr(e->d_name, ".warc.gz"))
			tmp[n++] = strdup(e->d_name);
	closedir(d);
	qsort(tmp, (size_t)n, sizeof(tmp[0]), by_name);
	for (int i = 0; i < n; i++) {
		snprintf(names[i], 1200, "%s/%s", dir, tmp[i]);
		free(tmp[i]);
	}
	return n;
}

static const char BODY[] =
	"<html><head><title>Port news %d</title></head><body><h1>Pier %d opened</h1>"
	"<p>The harbour board opened pier number %d on a windy Tuesday morning, the "
	"town's paper wrote.</p></body></html>";

static void rotation_and_readback(void **state)
{
	fixture *f = *state;
	char dir[600];
	snprintf(dir, sizeof(dir), "%s/arch", f->dir);
	at_warcw *w;
	char err[512];
	at_warcw_opts o = {.dir = dir,
			   .max_bytes = 1500,
			   .software = "aidtrace-test/1",
			   .robots = "obey",
			   .user_agent = "aidtrace/test"};
	assert_int_equal(at_warcw_open(&w, &o, err, sizeof(err)), 0);
	char files[8][600];
	uint64_t offs[8];
	for (int i = 0; i < 8; i++) {
		char body[512], block[1024], uri[128], req[256];
		int bn = snprintf(body, sizeof(body), BODY, i, i, i);
		int n = snprintf(block, sizeof(block),
				 "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
				 "Content-Length: %d\r\n\r\n%s",
				 bn, body);
		snprintf(uri, sizeof(uri), "http://127.0.0.1:8/news/%d.html", i);
		char rid[AT_WARC_ID_LEN];
		const char *file;
		at_warcw_rec r = {.type = "response",
				  .uri = uri,
				  .content_type = "application/http;msgtype=response",
				  .block = block,
				  .len = (size_t)n,
				  .payload_off = (size_t)(n - bn),
				  .ip = "127.0.0.1"};
		assert_int_equal(at_warcw_write(w, &r, rid, &file, &offs[i], err, sizeof(err)),
				 0);
		snprintf(files[i], sizeof(files[i]), "%s", file);
		int qn = snprintf(req, sizeof(req),
				  "GET /news/%d.html HTTP/1.1\r\nHost: 127.0.0.1:8\r\n\r\n", i);
		at_warcw_rec q = {.type = "request",
				  .uri = uri,
				  .content_type = "application/http;msgtype=request",
				  .block = req,
				  .len = (size_t)qn,
				  .payload_off = SIZE_MAX,
				  .concurrent_to = rid};
		const char *qfile;
		uint64_t qoff;
		assert_int_equal(at_warcw_write(w, &q, NULL, &qfile, &qoff, err, sizeof(err)),
				 0);
		assert_string_equal(qfile, files[i]); /* a pair stays in one file */
		assert_true(qoff > offs[i]);
	}
	assert_int_equal(at_warcw_sync(w, err, sizeof(err)), 0);
	unsigned nfiles = at_warcw_files(w);
	assert_true(nfiles >= 3); /* rotated at 1500 bytes */
	at_warcw_close(w);

	char names[16][1200];
	int n = list(dir, names, 16);
	assert_int_equal(n, (int)nfiles);
	static wv_result r;
	long records = 0;
	for (int i = 0; i < n; i++) {
		if (wv_check(names[i], &r) != 0)
			fail_msg("%s", r.msg);
		records += r.records;
		assert_true(r.digests >= 1);
		/* each response's offset, as the writer gave it, starts a member */
		for (int k = 0; k < 8; k++) {
			if (strcmp(files[k], names[i]))
				continue;
			int found = 0;
			for (long m = 0; m < r.records; m++)
				found |= r.offs[m] == offs[k];
			assert_true(found);
		}
	}
	assert_int_equal(records, 16 + n); /* pairs plus a warcinfo per file */
	/* files come in the order written: the first record's file sorts first */
	assert_string_equal(names[0], files[0]);
	assert_string_equal(names[n - 1], files[7]);

	/* the project's reader: every page, with the offset the writer gave */
	int seen = 0;
	for (int i = 0; i < n; i++) {
		at_reader *rd;
		assert_int_equal(at_reader_open(&rd, names[i], NULL), 0);
		at_doc *d;
		at_diag diag;
		int rc;
		while ((rc = at_reader_next(rd, &d, &diag)) != 0) {
			assert_int_equal(rc, 1);
			assert_int_equal(diag.msg[0], 0);
			int k = -1;
			sscanf(d->id, "http://127.0.0.1:8/news/%d.html", &k);
			assert_true(k >= 0 && k < 8);
			assert_int_equal(d->record_off, offs[k]);
			assert_string_equal(d->source, files[k]);
			assert_non_null(strstr(d->bytes, "harbour board opened pier"));
			seen |= 1 << k;
			at_doc_free(d);
		}
		at_reader_free(rd);
	}
	assert_int_equal(seen, 0xff);
}

/* A digest that does not match is found (the check is not a rubber stamp). */
static void tampering_is_caught(void **state)
{
	fixture *f = *state;
	at_warcw *w;
	char err[512];
	at_warcw_opts o = {.dir = f->dir};
	assert_int_equal(at_warcw_open(&w, &o, err, sizeof(err)), 0);
	const char *file;
	uint64_t off;
	at_warcw_rec r = {.type = "resource",
			  .uri = "urn:x-test:1",
			  .content_type = "text/plain",
			  .block = "Twelve howitzers.",
			  .len = 17,
			  .payload_off = 0};
	assert_int_equal(at_warcw_write(w, &r, NULL, &file, &off, err, sizeof(err)), 0);
	char path[600];
	snprintf(path, sizeof(path), "%s", file);
	at_warcw_close(w);
	static wv_result v;
	assert_int_equal(wv_check(path, &v), 0);
	assert_int_equal(v.digests, 3); /* warcinfo block; resource block and payload */
	/* rewrite the record with one byte of the block changed, digests kept */
	FILE *fp = fopen(path, "rb");
	unsigned char in[4096], out[8192];
	size_t n = fread(in, 1, sizeof(in), fp);
	fclose(fp);
	uLongf on = sizeof(out);
	z_stream z;
	memset(&z, 0, sizeof(z));
	inflateInit2(&z, 31);
	z.next_in = in;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = (uInt)on;
	assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END); /* the warcinfo */
	size_t first = n - z.avail_in;
	inflateEnd(&z);
	memset(&z, 0, sizeof(z));
	inflateInit2(&z, 31);
	z.next_in = in + first;
	z.avail_in = (uInt)(n - first);
	z.next_out = out;
	z.avail_out = (uInt)on;
	assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
	size_t rn = on - z.avail_out;
	inflateEnd(&z);
	unsigned char *t = (unsigned char *)strstr((char *)out, "Twelve");
	assert_non_null(t);
	t[0] = 'T' + 1;
	unsigned char gz[8192];
	memset(&z, 0, sizeof(z));
	deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
	z.next_in = out;
	z.avail_in = (uInt)rn;
	z.next_out = gz;
	z.avail_out = sizeof(gz);
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	size_t gn = sizeof(gz) - z.avail_out;
	deflateEnd(&z);
	fp = fopen(path, "wb");
	fwrite(in, 1, first, fp);
	fwrite(gz, 1, gn, fp);
	fclose(fp);
	assert_int_equal(wv_check(path, &v), -1);
	assert_non_null(strstr(v.msg, "Block-Digest"));
}

static void bad_folder(void **state)
{
	fixture *f = *state;
	char path[600], err[512];
	at_test_write(path, sizeof(path), f->dir, "plain-file", "x", 1);
	at_warcw *w = NULL;
	at_warcw_opts o = {.dir = path};
	assert_int_equal(at_warcw_open(&w, &o, err, sizeof(err)), AT_EIO);
	assert_null(w);
	assert_non_null(strstr(err, "plain-file"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(digests),
		cmocka_unit_test_setup_teardown(rotation_and_readback, setup, teardown),
		cmocka_unit_test_setup_teardown(tampering_is_caught, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_folder, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
