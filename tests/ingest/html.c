/* SPDX-License-Identifier: MIT */
/*
 * tests/ingest/html.c — web pages (src/ingest/html.c) through the public
 * reader: the main text without the page's furniture, the headline first,
 * metadata by preference (JSON-LD, then Open Graph, <time>, <meta name=date>),
 * entities, a page in windows-1251, event offsets that point into the page,
 * JSONL lines carrying "html", and broken markup. Pages written for the test.
 */
#include <jansson.h>

#include "../test_util.h"
#include "aidtrace.h"

static at_ctx *ctx;

/* JSON lines as an array. */
static json_t *parse_lines(const char *s)
{
	json_t *arr = json_array();
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		json_t *o = json_loadb(s, n, 0, NULL);
		assert_non_null(o);
		json_array_append_new(arr, o);
		s += n + (nl ? 1 : 0);
	}
	return arr;
}

typedef at_test_dir fixture; /* a temp folder per test (test_util.h) */
#define setup at_test_dir_setup
#define teardown at_test_dir_teardown

/* The only document of the file `name` holding `text`. */
static at_doc *read_one(fixture *f, const char *name, const char *text)
{
	at_test_write(f->path, sizeof(f->path), f->dir, name, text, strlen(text));
	at_reader *r;
	assert_int_equal(at_reader_open(&r, f->path, NULL), 0);
	at_doc *d = NULL, *extra = NULL;
	at_diag g;
	assert_int_equal(at_reader_next(r, &d, &g), 1);
	assert_non_null(d);
	assert_int_equal(at_reader_next(r, &extra, &g), 0);
	at_reader_free(r);
	return d;
}

static const char PAGE[] =
	"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
	"<title>Estonia gets howitzers | Baltic Wire</title>\n"
	"<meta property=\"og:title\" content=\"OG headline\">\n"
	"<meta property=\"og:site_name\" content=\"Baltic Wire\">\n"
	"<meta property=\"article:published_time\" content=\"2023-06-02T10:00:00Z\">\n"
	"<meta name=\"date\" content=\"2023-06-03\">\n"
	"%s"
	"</head><body>\n"
	"<nav><a href=\"/\">Home</a> <a href=\"/world\">World news and analysis</a></nav>\n"
	"<div class=\"cookie-consent\">This site uses cookies to store your preferences.</div>\n"
	"<div class=\"content\"><article>\n"
	"<h1>Estonia gets howitzers</h1>\n"
	"<time datetime=\"2023-06-04\">4 June</time>\n"
	"<ul class=\"social-share\"><li><a href=\"#\">Share on a network</a></li></ul>\n"
	"<p>France delivered six howitzers to Estonia on Thursday, the ministry said, "
	"adding that crews had trained for weeks.</p>\n"
	"<aside class=\"donate\"><p>Please donate to keep this newsroom running for all "
	"readers.</p></aside>\n"
	"<p>The guns will join an artillery battalion in the south &amp; east, officials "
	"said.</p>\n"
	"<div class=\"related\"><h3>Read more</h3><a href=\"/a\">A story about ports</a></div>\n"
	"<div id=\"comments\"><p>A reader wrote that this was long overdue, in his view.</p></div>\n"
	"</article></div>\n"
	"<footer>All rights reserved by the publisher of this site.</footer>\n"
	"</body></html>\n";

static char *page_with(const char *head)
{
	size_t n = sizeof(PAGE) + strlen(head) + 1;
	char *p = malloc(n);
	assert_non_null(p);
	snprintf(p, n, PAGE, head);
	return p;
}

static void html__main_text_without_furniture(void **state)
{
	fixture *f = *state;
	char *page = page_with("");
	at_doc *d = read_one(f, "page.html", page);
	const char *t = d->bytes;
	/* the headline first, as its own paragraph */
	assert_int_equal(strncmp(t, "Estonia gets howitzers\n\n", 24), 0);
	const char *a = strstr(t, "France delivered six howitzers");
	const char *b = strstr(t, "The guns will join an artillery battalion in the south & east");
	assert_non_null(a);
	assert_non_null(b);
	assert_true(a < b);
	static const char *const GONE[] = {"cookies", "Share on", "donate", "ports",
					   "reader wrote", "rights reserved", "World news", NULL};
	for (int i = 0; GONE[i]; i++)
		if (strstr(t, GONE[i]))
			fail_msg("furniture kept: \"%s\" in:\n%s", GONE[i], t);
	assert_string_equal(d->content_type, "text/html");
	assert_string_equal(d->outlet, "Baltic Wire");
	at_doc_free(d);
	free(page);
}

static void html__metadata_by_preference(void **state)
{
	fixture *f = *state;
	/* JSON-LD (in a @graph) wins over Open Graph, <time> and <meta name=date> */
	char *page = page_with(
		"<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\","
		"\"name\":\"x\"},{\"@type\":\"NewsArticle\",\"headline\":\"LD headline\","
		"\"datePublished\":\"2023-06-01T09:00:00+02:00\",\"publisher\":{\"name\":"
		"\"LD Wire\"},\"mainEntityOfPage\":{\"@id\":\"https://wire.example/a\"}}]}"
		"</script>\n");
	at_doc *d = read_one(f, "ld.html", page);
	assert_string_equal(d->published, "2023-06-01");
	assert_string_equal(d->title, "LD headline");
	assert_string_equal(d->outlet, "LD Wire");
	assert_string_equal(d->url, "https://wire.example/a");
	at_doc_free(d);
	free(page);
	/* without it: Open Graph */
	page = page_with("");
	d = read_one(f, "og.html", page);
	assert_string_equal(d->published, "2023-06-02");
	assert_string_equal(d->title, "OG headline");
	at_doc_free(d);
	free(page);
	/* <time datetime> before <meta name=date> */
	d = read_one(f, "time.html",
		     "<html><head><meta name=\"date\" content=\"2022-01-09\"></head><body>"
		     "<p><time datetime=\"2022-01-08T10:00\">Jan 8</time></p>"
		     "<p>Chile received two frigates from the Netherlands, the navy said today."
		     "</p></body></html>");
	assert_string_equal(d->published, "2022-01-08");
	at_doc_free(d);
	d = read_one(f, "meta.html",
		     "<html><head><meta name=\"date\" content=\"2022-01-09\"><title>Frigates"
		     "</title></head><body><p>Chile received two frigates from the Netherlands, "
		     "the navy said today.</p></body></html>");
	assert_string_equal(d->published, "2022-01-09");
	assert_int_equal(strncmp(d->bytes, "Frigates\n\n", 10), 0); /* <title> as headline */
	at_doc_free(d);
}

static void html__charset_and_entities(void **state)
{
	fixture *f = *state;
	/* windows-1251: "Москва" is CC EE F1 EA E2 E0 */
	at_doc *d = read_one(f, "ru.htm",
			     "<html><head><meta charset=\"windows-1251\"></head><body>"
			     "<p>\xcc\xee\xf1\xea\xe2\xe0 &laquo;says&raquo; &#8212; caf&eacute; "
			     "&#x263A; &amp; more words here for the paragraph.</p></body></html>");
	assert_non_null(strstr(d->bytes, "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0"));
	assert_non_null(strstr(d->bytes, "\xc2\xab" "says\xc2\xbb \xe2\x80\x94 caf\xc3\xa9 "
					 "\xe2\x98\xba & more"));
	at_doc_free(d);
}

static void html__event_offsets_point_into_the_page(void **state)
{
	fixture *f = *state;
	char *page = page_with("");
	at_doc *d = read_one(f, "page.html", page);
	at_events *ev = NULL;
	assert_int_equal(at_extract_doc(&ev, ctx, d), 0);
	size_t len = 0;
	char *json = at_events_jsonl(ev, &len);
	assert_non_null(json);
	/* every source span, cut from the page, holds its sentence's words */
	json_t *arr = parse_lines(json);
	assert_true(json_array_size(arr) >= 1);
	size_t i, k;
	json_t *e, *s;
	int checked = 0;
	json_array_foreach (arr, i, e) {
		json_array_foreach (json_object_get(e, "sources"), k, s) {
			size_t a = (size_t)json_integer_value(json_object_get(s, "start"));
			size_t b = (size_t)json_integer_value(json_object_get(s, "end"));
			assert_true(a < b && b <= strlen(page));
			char span[1024];
			snprintf(span, sizeof(span), "%.*s", (int)(b - a), page + a);
			const char *sent = json_string_value(json_object_get(s, "sentence"));
			char first[32];
			sscanf(sent, "%31s", first);
			if (!strstr(span, first))
				fail_msg("span \"%s\" does not hold \"%s\"", span, first);
			if (strstr(sent, "howitzers to Estonia"))
				assert_non_null(strstr(span, "howitzers to Estonia"));
			checked++;
		}
	}
	assert_true(checked >= 1);
	json_decref(arr);
	free(json);
	at_events_free(ev);
	at_doc_free(d);
	free(page);
}

static void html__jsonl_lines_with_html(void **state)
{
	fixture *f = *state;
	const char *line =
		"{\"id\":\"p1\",\"url\":\"https://x.example/1\",\"outlet\":\"X Daily\",\"html\":"
		"\"<html><head><meta property=\\\"article:published_time\\\" "
		"content=\\\"2021-02-03\\\"></head><body><h1>Boats for Ghana</h1><p>Ghana "
		"received four patrol boats from the United States on Monday, officials said."
		"</p></body></html>\"}\n"
		"{\"id\":\"p2\",\"published\":\"2020-01-01\",\"text\":\"<!DOCTYPE html><p>Kenya "
		"received radios from Britain, the army said in a statement.</p>\"}\n";
	at_test_write(f->path, sizeof(f->path), f->dir, "pages.jsonl", line, strlen(line));
	at_reader *r;
	assert_int_equal(at_reader_open(&r, f->path, NULL), 0);
	at_doc *d;
	at_diag g;
	assert_int_equal(at_reader_next(r, &d, &g), 1);
	assert_string_equal(d->id, "p1");
	assert_string_equal(d->outlet, "X Daily");
	assert_string_equal(d->published, "2021-02-03");
	assert_int_equal(strncmp(d->bytes, "Boats for Ghana\n\nGhana received", 31), 0);
	at_doc_free(d);
	assert_int_equal(at_reader_next(r, &d, &g), 1);
	assert_string_equal(d->published, "2020-01-01"); /* the line's own date wins */
	assert_non_null(strstr(d->bytes, "Kenya received radios"));
	assert_null(strchr(d->bytes, '<'));
	at_doc_free(d);
	assert_int_equal(at_reader_next(r, &d, &g), 0);
	at_reader_free(r);
}

static void html__broken_markup_is_read_or_reported(void **state)
{
	fixture *f = *state;
	at_doc *d = read_one(f, "broken.html",
			     "<html><body><div><p>Peru received <b>two <i>radars</b> from "
			     "Spain, the air force said on Friday.<p>Unclosed <table><tr><td>cell"
			     "<script>var x = '<p>';</script>");
	assert_non_null(strstr(d->bytes, "Peru received two radars from Spain"));
	assert_null(strstr(d->bytes, "var x"));
	at_doc_free(d);
	/* bytes that are hardly a page: libxml2 recovers them as one document
	 * whose text is the junk's own characters (no NUL), with no events, and
	 * then the file ends */
	static const char junk[] = "<html>\x01\xff\xfe<<<>>>&&&;;<!--";
	at_test_write(f->path, sizeof(f->path), f->dir, "junk.html", junk, sizeof(junk) - 1);
	at_reader *r;
	assert_int_equal(at_reader_open(&r, f->path, NULL), 0);
	at_diag g;
	assert_int_equal(at_reader_next(r, &d, &g), 1);
	/* its bytes \xff\xfe are not UTF-8: one warning of ours, naming the page */
	assert_non_null(strstr(g.msg, "charset"));
	assert_non_null(strstr(g.file, "junk.html"));
	assert_true(d->len > 0);
	assert_null(memchr(d->bytes, 0, d->len));
	assert_non_null(strstr(d->bytes, "<<<>>>&&&;;"));
	at_events *ev = NULL;
	assert_int_equal(at_extract_doc(&ev, ctx, d), 0);
	assert_int_equal(at_events_count(ev), 0);
	at_events_free(ev);
	at_doc_free(d);
	assert_int_equal(at_reader_next(r, &d, &g), 0);
	at_reader_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(html__main_text_without_furniture, setup, teardown),
		cmocka_unit_test_setup_teardown(html__metadata_by_preference, setup, teardown),
		cmocka_unit_test_setup_teardown(html__charset_and_entities, setup, teardown),
		cmocka_unit_test_setup_teardown(html__event_offsets_point_into_the_page, setup,
						teardown),
		cmocka_unit_test_setup_teardown(html__jsonl_lines_with_html, setup, teardown),
		cmocka_unit_test_setup_teardown(html__broken_markup_is_read_or_reported, setup,
						teardown),
	};
	char err[512];
	if (at_ctx_new(&ctx, AT_TEST_DATADIR, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	at_ctx_free(ctx);
	return rc;
}
