/* SPDX-License-Identifier: MIT */
/*
 * tests/ingest/warc.c — web archives (src/ingest/warc.c) through the public
 * reader: WARC records of every type, plain and gzip (a member per record,
 * and one stream), HTTP chunked and gzip bodies, ARC files, and broken input
 * (a bad Content-Length, junk between records, a corrupt gzip member, a file
 * cut short) with the byte offsets of the diagnostics. The archives are made
 * here, with zlib, from records written for the test.
 */
#include <zlib.h>

#include "../test_util.h"
#include "aidtrace.h"

typedef at_test_dir fixture; /* a temp folder per test (test_util.h) */
#define setup at_test_dir_setup
#define teardown at_test_dir_teardown

/* A growable byte string. */
typedef struct bytes {
	unsigned char *p;
	size_t n, cap;
} bytes;

static void add(bytes *b, const void *p, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		assert_non_null(b->p);
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
	b->p[b->n] = 0;
}

static void adds(bytes *b, const char *s) { add(b, s, strlen(s)); }

/* gzip (one member) of n bytes, appended to out. */
static void gzip_member(bytes *out, const void *p, size_t n)
{
	z_stream z;
	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
	size_t cap = deflateBound(&z, (uLong)n) + 64;
	unsigned char *buf = malloc(cap);
	assert_non_null(buf);
	z.next_in = (unsigned char *)p;
	z.avail_in = (uInt)n;
	z.next_out = buf;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	add(out, buf, cap - z.avail_out);
	deflateEnd(&z);
	free(buf);
}

/* One WARC record: the named fields, then the block. */
static void record(bytes *out, const char *type, const char *uri, const char *date,
		   const char *ctype, const char *block, size_t blen)
{
	char head[1024];
	snprintf(head, sizeof(head),
		 "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s-%zu>\r\n%s%s%s"
		 "WARC-Date: %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n\r\n",
		 type, type, blen, uri ? "WARC-Target-URI: " : "", uri ? uri : "",
		 uri ? "\r\n" : "", date, ctype, blen);
	adds(out, head);
	add(out, block, blen);
	adds(out, "\r\n\r\n");
}

static const char PAGE[] =
	"<html><head><title>Harbour news</title></head><body><p>The port authority "
	"opened a new pier on Tuesday.</p></body></html>";
static const char STORY[] = "Lithuania received 12 howitzers from Germany on Monday.\n";

/* An HTTP response record's block: status, headers, body. */
static void http(bytes *out, int status, const char *ctype, const char *extra, const void *body,
		 size_t n)
{
	char head[512];
	snprintf(head, sizeof(head), "HTTP/1.1 %d X\r\nContent-Type: %s\r\n%s\r\n", status, ctype,
		 extra);
	adds(out, head);
	add(out, body, n);
}

/* The records of a small crawl, each appended to recs[i] (9 records). */
static int crawl(bytes recs[16])
{
	int n = 0;
	record(&recs[n++], "warcinfo", NULL, "2024-05-06T10:00:00Z", "application/warc-fields",
	       "software: test\r\n", 16);
	record(&recs[n++], "request", "http://news.example/a", "2024-05-06T10:00:01Z",
	       "application/http; msgtype=request", "GET /a HTTP/1.1\r\n\r\n", 19);
	bytes b = {0};
	http(&b, 200, "text/html; charset=utf-8", "", PAGE, strlen(PAGE));
	record(&recs[n++], "response", "http://news.example/a", "2024-05-06T10:00:02Z",
	       "application/http; msgtype=response", (const char *)b.p, b.n);
	b.n = 0;
	/* chunked text: "Lithuania received 12 howitzers " + the rest */
	const char *cut = strstr(STORY, "from");
	char chunked[512];
	snprintf(chunked, sizeof(chunked), "%zx;ext=1\r\n%.*s\r\n%zx\r\n%s\r\n0\r\n\r\n",
		 (size_t)(cut - STORY), (int)(cut - STORY), STORY, strlen(cut), cut);
	http(&b, 200, "text/plain", "Transfer-Encoding: chunked\r\n", chunked, strlen(chunked));
	record(&recs[n++], "response", "http://news.example/b", "2024-05-07T08:00:00Z",
	       "application/http; msgtype=response", (const char *)b.p, b.n);
	b.n = 0;
	/* a gzip body */
	bytes gz = {0};
	gzip_member(&gz, STORY, strlen(STORY));
	http(&b, 200, "text/plain", "Content-Encoding: gzip\r\n", gz.p, gz.n);
	record(&recs[n++], "response", "<http://news.example/c>", "2024-05-08T08:00:00Z",
	       "application/http; msgtype=response", (const char *)b.p, b.n);
	free(gz.p);
	b.n = 0;
	http(&b, 404, "text/html", "", PAGE, strlen(PAGE));
	record(&recs[n++], "response", "http://news.example/gone", "2024-05-08T08:00:01Z",
	       "application/http; msgtype=response", (const char *)b.p, b.n);
	b.n = 0;
	http(&b, 200, "image/png", "", "\x89PNG\r\n\x1a\n", 8);
	record(&recs[n++], "response", "http://news.example/logo.png", "2024-05-08T08:00:02Z",
	       "application/http; msgtype=response", (const char *)b.p, b.n);
	free(b.p);
	record(&recs[n++], "metadata", "http://news.example/a", "2024-05-08T08:00:03Z",
	       "application/warc-fields", "outlinks: x\r\n", 13);
	record(&recs[n++], "resource", "file:///notes/story.txt", "2024-05-09T09:00:00Z",
	       "text/plain", STORY, strlen(STORY));
	return n;
}

typedef struct got {
	int docs, diags;
	char ids[16][128], types[16][32], pub[16][17];
	uint64_t offs[16], dbytes[16];
	char msgs[16][256];
	size_t lens[16];
	char first[16][64];
} got;

static void read_all(const char *path, got *g)
{
	memset(g, 0, sizeof(*g));
	at_reader *r;
	assert_int_equal(at_reader_open(&r, path, NULL), 0);
	for (;;) {
		at_doc *d;
		at_diag dg;
		int rc = at_reader_next(r, &d, &dg);
		if (dg.msg[0] && g->diags < 16) {
			g->dbytes[g->diags] = dg.byte;
			snprintf(g->msgs[g->diags], sizeof(g->msgs[0]), "%s", dg.msg);
			g->diags++;
		}
		if (rc == 0)
			break;
		if (rc < 0)
			continue;
		assert_int_equal(rc, 1);
		if (g->docs < 16) {
			int i = g->docs;
			snprintf(g->ids[i], sizeof(g->ids[0]), "%s", d->id);
			snprintf(g->types[i], sizeof(g->types[0]), "%s",
				 d->content_type ? d->content_type : "");
			snprintf(g->pub[i], sizeof(g->pub[0]), "%s", d->published);
			snprintf(g->first[i], sizeof(g->first[0]), "%.*s",
				 (int)(d->len < 63 ? d->len : 63), d->bytes);
			g->offs[i] = d->record_off;
			g->lens[i] = d->len;
		}
		g->docs++;
		at_doc_free(d);
	}
	at_reader_free(r);
}

/* What the crawl's records give, whatever the container. */
static void check_crawl(const got *g)
{
	assert_int_equal(g->docs, 4);
	assert_string_equal(g->ids[0], "http://news.example/a");
	assert_string_equal(g->types[0], "text/html");
	assert_string_equal(g->pub[0], "2024-05-06");
	assert_string_equal(g->ids[1], "http://news.example/b");
	assert_string_equal(g->types[1], "text/plain");
	assert_string_equal(g->first[1], "Lithuania received 12 howitzers from Germany on Monday.\n");
	assert_string_equal(g->ids[2], "http://news.example/c"); /* <> taken off */
	assert_string_equal(g->first[2], "Lithuania received 12 howitzers from Germany on Monday.\n");
	assert_string_equal(g->pub[2], "2024-05-08");
	assert_string_equal(g->ids[3], "file:///notes/story.txt");
	assert_int_equal(g->lens[3], strlen(STORY));
}

static void warc_plain__records_and_offsets(void **state)
{
	fixture *f = *state;
	bytes recs[16] = {{0}}, all = {0};
	int n = crawl(recs);
	uint64_t offs[16];
	for (int i = 0; i < n; i++) {
		offs[i] = all.n;
		add(&all, recs[i].p, recs[i].n);
	}
	at_test_write(f->path, sizeof(f->path), f->dir, "crawl.warc", all.p, all.n);
	got g;
	read_all(f->path, &g);
	check_crawl(&g);
	assert_int_equal(g.diags, 0);
	/* the documents come from records 2, 3, 4 and 8 */
	assert_int_equal(g.offs[0], offs[2]);
	assert_int_equal(g.offs[1], offs[3]);
	assert_int_equal(g.offs[3], offs[8]);
	for (int i = 0; i < n; i++)
		free(recs[i].p);
	free(all.p);
}

static void warc_gz__a_member_per_record_and_one_stream(void **state)
{
	fixture *f = *state;
	bytes recs[16] = {{0}}, members = {0}, whole = {0}, stream = {0};
	int n = crawl(recs);
	uint64_t offs[16];
	for (int i = 0; i < n; i++) {
		offs[i] = members.n;
		gzip_member(&members, recs[i].p, recs[i].n);
		add(&whole, recs[i].p, recs[i].n);
	}
	gzip_member(&stream, whole.p, whole.n);
	at_test_write(f->path, sizeof(f->path), f->dir, "crawl.warc.gz", members.p, members.n);
	got g;
	read_all(f->path, &g);
	check_crawl(&g);
	assert_int_equal(g.diags, 0);
	/* record offsets are those of the gzip members */
	assert_int_equal(g.offs[0], offs[2]);
	assert_int_equal(g.offs[1], offs[3]);
	assert_int_equal(g.offs[2], offs[4]);
	assert_int_equal(g.offs[3], offs[8]);
	/* one stream, and a name that does not say what it is: sniffed */
	at_test_write(f->path, sizeof(f->path), f->dir, "crawl.data", stream.p, stream.n);
	read_all(f->path, &g);
	check_crawl(&g);
	assert_int_equal(g.diags, 0);
	for (int i = 0; i < n; i++)
		free(recs[i].p);
	free(members.p);
	free(whole.p);
	free(stream.p);
}

static void warc_broken__diagnostics_with_offsets_and_the_rest_read(void **state)
{
	fixture *f = *state;
	bytes recs[16] = {{0}}, all = {0};
	crawl(recs);
	/* record 3 (the chunked story), junk, a bad length, record 8, a cut record */
	add(&all, recs[3].p, recs[3].n);
	uint64_t junk = all.n;
	adds(&all, "this line is not a record header\r\n\r\n");
	uint64_t bad = all.n;
	adds(&all, "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://x.example/\r\n"
		   "Content-Type: text/plain\r\nContent-Length: twelve\r\n\r\nsome text\r\n\r\n");
	add(&all, recs[8].p, recs[8].n);
	uint64_t cut = all.n;
	add(&all, recs[2].p, recs[2].n - 40); /* the page, cut inside its body */
	at_test_write(f->path, sizeof(f->path), f->dir, "broken.warc", all.p, all.n);
	got g;
	read_all(f->path, &g);
	assert_int_equal(g.docs, 3); /* the story, the resource, what there is of the page */
	assert_string_equal(g.ids[0], "http://news.example/b");
	assert_string_equal(g.ids[1], "file:///notes/story.txt");
	assert_string_equal(g.ids[2], "http://news.example/a");
	int saw_junk = 0, saw_bad = 0, saw_cut = 0;
	for (int i = 0; i < g.diags; i++) {
		if (strstr(g.msgs[i], "not a WARC record header"))
			saw_junk |= g.dbytes[i] == junk;
		if (strstr(g.msgs[i], "bad Content-Length"))
			saw_bad |= g.dbytes[i] == bad;
		if (strstr(g.msgs[i], "cut short"))
			saw_cut |= g.dbytes[i] == cut;
	}
	assert_int_equal(g.diags, 3); /* the bad record's block is not junk again */
	assert_true(saw_junk);
	assert_true(saw_bad);
	assert_true(saw_cut);
	for (int i = 0; i < 16; i++)
		free(recs[i].p);
	free(all.p);
}

static void warc_gz__a_corrupt_member_is_reported_and_skipped(void **state)
{
	fixture *f = *state;
	bytes recs[16] = {{0}}, all = {0};
	crawl(recs);
	gzip_member(&all, recs[3].p, recs[3].n);
	uint64_t broken = all.n;
	bytes m = {0};
	gzip_member(&m, recs[2].p, recs[2].n);
	for (size_t i = 20; i < m.n - 8; i += 7)
		m.p[i] ^= 0x5a; /* damage the deflate data */
	add(&all, m.p, m.n);
	gzip_member(&all, recs[8].p, recs[8].n);
	at_test_write(f->path, sizeof(f->path), f->dir, "damaged.warc.gz", all.p, all.n);
	got g;
	read_all(f->path, &g);
	assert_int_equal(g.docs, 2);
	assert_string_equal(g.ids[0], "http://news.example/b");
	assert_string_equal(g.ids[1], "file:///notes/story.txt");
	assert_true(g.diags >= 1);
	assert_non_null(strstr(g.msgs[0], "gzip"));
	assert_int_equal(g.dbytes[0], broken);
	/* a file cut inside a member */
	at_test_write(f->path, sizeof(f->path), f->dir, "cut.warc.gz", all.p, broken + m.n / 2);
	read_all(f->path, &g);
	assert_int_equal(g.docs, 1);
	assert_true(g.diags >= 1);
	for (int i = 0; i < 16; i++)
		free(recs[i].p);
	free(m.p);
	free(all.p);
}

static void arc__version_block_skipped_and_http_records_read(void **state)
{
	fixture *f = *state;
	bytes a = {0}, body = {0}, gz = {0};
	const char *ver = "1 0 Test Crawl\nURL IP-address Archive-date Content-type Archive-length\n";
	char line[256];
	snprintf(line, sizeof(line), "filedesc://test.arc 0.0.0.0 20240506100000 text/plain %zu\n",
		 strlen(ver));
	adds(&a, line);
	adds(&a, ver);
	adds(&a, "\n");
	http(&body, 200, "text/plain", "", STORY, strlen(STORY));
	uint64_t off = a.n;
	snprintf(line, sizeof(line), "http://news.example/b 192.0.2.1 20240507080000 text/plain %zu\n",
		 body.n);
	adds(&a, line);
	add(&a, body.p, body.n);
	adds(&a, "\n");
	at_test_write(f->path, sizeof(f->path), f->dir, "crawl.arc", a.p, a.n);
	got g;
	read_all(f->path, &g);
	assert_int_equal(g.docs, 1);
	assert_int_equal(g.diags, 0);
	assert_string_equal(g.ids[0], "http://news.example/b");
	assert_string_equal(g.pub[0], "2024-05-07");
	assert_string_equal(g.first[0], STORY);
	assert_int_equal(g.offs[0], off);
	gzip_member(&gz, a.p, off);
	gzip_member(&gz, a.p + off, a.n - off);
	at_test_write(f->path, sizeof(f->path), f->dir, "crawl.arc.gz", gz.p, gz.n);
	read_all(f->path, &g);
	assert_int_equal(g.docs, 1);
	assert_string_equal(g.first[0], STORY);
	assert_true(g.offs[0] > 0 && g.offs[0] < gz.n);
	free(a.p);
	free(body.p);
	free(gz.p);
}

static void warc__published_override_and_events(void **state)
{
	fixture *f = *state;
	bytes recs[16] = {{0}}, all = {0};
	int n = crawl(recs);
	for (int i = 0; i < n; i++)
		add(&all, recs[i].p, recs[i].n);
	at_test_write(f->path, sizeof(f->path), f->dir, "crawl.warc", all.p, all.n);
	at_reader *r;
	at_reader_opts o = {"2020-01-02", 0};
	assert_int_equal(at_reader_open(&r, f->path, &o), 0);
	at_doc *d;
	at_diag dg;
	int docs = 0;
	int rc;
	while ((rc = at_reader_next(r, &d, &dg)) != 0) {
		if (rc < 0)
			continue;
		assert_string_equal(d->published, "2020-01-02");
		docs++;
		at_doc_free(d);
	}
	assert_int_equal(docs, 4);
	at_reader_free(r);
	for (int i = 0; i < n; i++)
		free(recs[i].p);
	free(all.p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(warc_plain__records_and_offsets, setup, teardown),
		cmocka_unit_test_setup_teardown(warc_gz__a_member_per_record_and_one_stream, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			warc_broken__diagnostics_with_offsets_and_the_rest_read, setup, teardown),
		cmocka_unit_test_setup_teardown(warc_gz__a_corrupt_member_is_reported_and_skipped,
						setup, teardown),
		cmocka_unit_test_setup_teardown(arc__version_block_skipped_and_http_records_read,
						setup, teardown),
		cmocka_unit_test_setup_teardown(warc__published_override_and_events, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
