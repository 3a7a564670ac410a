/* SPDX-License-Identifier: MIT */
/*
 * tests/ingest/readers.c — reading documents (src/ingest/ingest.c): text
 * files with a date header, JSON lines good and bad, empty and binary files,
 * invalid UTF-8, directories in name order, and the line-length cap. Every
 * bad unit yields a diagnostic with file and line (or byte) and reading goes
 * on with the next unit.
 */
#include <sys/stat.h>

#include "../test_util.h"
#include "aidtrace.h"

typedef at_test_dir fixture; /* a temp folder per test (test_util.h) */
#define setup at_test_dir_setup
#define teardown at_test_dir_teardown

static void put(fixture *f, const char *name, const char *text)
{
	at_test_write(f->path, sizeof(f->path), f->dir, name, text, strlen(text));
}

static at_reader *open_reader(const char *path, const char *published)
{
	at_reader *r = NULL;
	at_reader_opts o = {published, 0};
	assert_int_equal(at_reader_open(&r, path, &o), 0);
	assert_non_null(r);
	return r;
}

static void text_file__date_header_gives_published_and_body_offset(void **state)
{
	fixture *f = *state;
	put(f, "army.txt", " date 2021-07-22\nThe army received ten trucks.\n");
	at_reader *r = open_reader(f->path, NULL);
	at_doc *d;
	at_diag g;
	assert_int_equal(at_reader_next(r, &d, &g), 1);
	assert_string_equal(g.msg, "");
	assert_string_equal(d->id, "army.txt");
	assert_string_equal(d->source, f->path);
	assert_string_equal(d->published, "2021-07-22");
	assert_int_equal(d->body_off, 17);
	assert_memory_equal(d->bytes + d->body_off, "The army", 8);
	assert_int_equal(d->line, 0);
	at_doc_free(d);
	assert_int_equal(at_reader_next(r, &d, &g), 0);
	assert_null(d);
	at_reader_free(r);
}

static void text_file__date_header_with_time_and_partial_dates(void **state)
{
	fixture *f = *state;
	put(f, "a.txt", " date 2019-11-11 08:30\nBody text here.\n");
	at_reader *r = open_reader(f->path, NULL);
	at_doc *d;
	at_diag g;
	assert_int_equal(at_reader_next(r, &d, &g), 1);
	assert_string_equal(d->published, "2019-11-11");
	assert_memory_equal(d->bytes + d->body_off, "Body", 4);
	at_doc_free(d);
	at_reader_free(r);

	put(f, "b.txt", " date 2013-09\nBody text here.\n");
	r = open_reader(f->path, NULL);
	assert_int_equal(at_reader_next(r, &d, &g), 1);
	assert_string_equal(d->published, "2013-09");
	at_doc_free(d);
	at_reader_free(r);
}

static void text_file__no_header_means_no_date(void **state)
{
	fixture *f = *state;
	put(f, "plain.txt", "The date 2021-07-22 is in the text.\n");
	at_reader *r = open_reader(f->path, NULL);
	at_doc *d;
	at_diag g;
	assert_int_equal(at_reader_next(r, &d, &g), 1);
	assert_string_equal(d->published, "");
	assert_int_equal(d->body_off, 0);
	at_doc_free(d);
	at_reader_free(r);
}

static void published_option_overrides_the_header(void **state)
{
	fixture *f = *state;
	put(f, "army.txt", " date 2021-07-22\nThe army received ten trucks.\n");
	at_reader *r = open_reader(f->path, "2020-01-02");
	at_doc *d;
	at_diag g;
	assert_int_equal(at_reader_next(r, &d, &g), 1);
	assert_string_equal(d->published, "2020-01-02");
	at_doc_free(d);
	at_reader_free(r);

	at_reader_opts o = {"not a date", 0};
	r = (at_reader *)1;
	assert_int_equal(at_reader_open(&r, f->path, &o), AT_EINVAL);
	assert_null(r);
}

static void jsonl__good_bad_and_blank_lines(void **state)
{
	fixture *f = *state;
	put(f, "feed.jsonl",
	    "{\"id\":\"one\",\"url\":\"http://example.org/1\",\"title\":\"T\","
	    "\"published\":\"2022-03-04T10:00:00Z\",\"text\":\"First text.\"}\n"
	    "\n"
	    "   \n"
	    "{\"id\":\"two\",\"text\":\"oops\"\n"
	    "{\"id\":\"three\",\"title\":\"no text here\"}\n"
	    "[1,2,3]\n"
	    "{\"id\":42,\"text\":\"Fourth text.\"}\n"
	    "{\"text\":\"Fifth text, no id.\"}\r\n");
	at_reader *r = open_reader(f->path, NULL);
	at_doc *d;
	at_diag g;

	assert_int_equal(at_reader_next(r, &d, &g), 1);
	assert_string_equal(d->id, "one");
	assert_string_equal(d->url, "http://example.org/1");
	assert_string_equal(d->title, "T");
	assert_string_equal(d->published, "2022-03-04");
	assert_string_equal(d->bytes, "First text.");
	assert_int_equal(d->len, 11);
	assert_int_equal(d->line, 1);
	at_doc_free(d);

	/* line 4: malformed JSON */
	assert_int_equal(at_reader_next(r, &d, &g), AT_EPARSE);
	assert_null(d);
	assert_string_equal(g.file, f->path);
	assert_int_equal(g.line, 4);
	assert_non_null(strstr(g.msg, "malformed JSON"));

	/* line 5: no text */
	assert_int_equal(at_reader_next(r, &d, &g), AT_EPARSE);
	assert_int_equal(g.line, 5);
	assert_non_null(strstr(g.msg, "text"));

	/* line 6: not an object */
	assert_int_equal(at_reader_next(r, &d, &g), AT_EPARSE);
	assert_int_equal(g.line, 6);

	/* line 7: integer id */
	assert_int_equal(at_reader_next(r, &d, &g), 1);
	assert_string_equal(g.msg, "");
	assert_string_equal(d->id, "42");
	assert_null(d->url);
	assert_int_equal(d->line, 7);
	at_doc_free(d);

	/* line 8: no id: file name and line; CRLF tolerated */
	assert_int_equal(at_reader_next(r, &d, &g), 1);
	assert_string_equal(d->id, "feed.jsonl:8");
	at_doc_free(d);

	assert_int_equal(at_reader_next(r, &d, &g), 0);
	at_reader_free(r);
}

static void jsonl__byte_offset_of_a_bad_line_is_its_start(void **state)
{
	fixture *f = *state;
	const char *l1 = "{\"id\":\"a\",\"text\":\"Some text.\"}\n";
	put(f, "x.jsonl", "{\"id\":\"a\",\"text\":\"Some text.\"}\n{bad\n");
	at_reader *r = open_reader(f->path, NULL);
	at_doc *d;
	at_diag g;
	assert_int_equal(at_reader_next(r, &d, &g), 1);
	at_doc_free(d);
	assert_int_equal(at_reader_next(r, &d, &g), AT_EPARSE);
	assert_int_equal(g.line, 2);
	assert_true(g.byte >= strlen(l1));
	assert_true(g.byte <= strlen(l1) + 5);
	at_reader_free(r);
}

static void empty_file__diagnostic_and_no_document(void **state)
{
	fixture *f = *state;
	put(f, "empty.txt", "");
	at_reader *r = open_reader(f->path, NULL);
	at_doc *d;
	at_diag g;
	assert_true(at_reader_next(r, &d, &g) < 0);
	assert_null(d);
	assert_string_equal(g.file, f->path);
	assert_non_null(strstr(g.msg, "empty"));
	assert_int_equal(at_reader_next(r, &d, &g), 0);
	at_reader_free(r);

	put(f, "blank.txt", "  \n\n\t\r\n");
	r = open_reader(f->path, NULL);
	assert_true(at_reader_next(r, &d, &g) < 0);
	at_reader_free(r);

	put(f, "empty.jsonl", "");
	r = open_reader(f->path, NULL);
	assert_int_equal(at_reader_next(r, &d, &g), 0);
	at_reader_free(r);
}

static void binary_file__refused_with_the_byte_of_the_nul(void **state)
{
	fixture *f = *state;
	static const char junk[] = "\x7f"
				   "ELF\x02\x01\x01\x00\x00\x00junk";
	at_test_write(f->path, sizeof(f->path), f->dir, "junk.bin", junk, sizeof(junk) - 1);
	at_reader *r = open_reader(f->path, NULL);
	at_doc *d;
	at_diag g;
	assert_int_equal(at_reader_next(r, &d, &g), AT_EENCODING);
	assert_null(d);
	assert_int_equal(g.byte, 7);
	assert_non_null(strstr(g.msg, "binary"));
	at_reader_free(r);
}

static void jsonl__text_with_a_nul_escape_is_refused(void **state)
{
	fixture *f = *state;
	put(f, "nul.jsonl", "{\"text\":\"a\\u0000b\"}\n{\"text\":\"fine.\"}\n");
	at_reader *r = open_reader(f->path, NULL);
	at_doc *d;
	at_diag g;
	int rc = at_reader_next(r, &d, &g);
	assert_true(rc < 0); /* json_loadb refuses \u0000 by default, or the NUL check */
	assert_int_equal(g.line, 1);
	assert_int_equal(at_reader_next(r, &d, &g), 1);
	assert_string_equal(d->bytes, "fine.");
	at_doc_free(d);
	at_reader_free(r);
}

static void invalid_utf8__warning_but_the_document_is_read(void **state)
{
	fixture *f = *state;
	put(f, "latin1.txt", "Caf\xE9 owners met the army.\n");
	at_reader *r = open_reader(f->path, NULL);
	at_doc *d;
	at_diag g;
	assert_int_equal(at_reader_next(r, &d, &g), 1);
	assert_non_null(d);
	assert_non_null(strstr(g.msg, "UTF-8"));
	assert_int_equal(g.byte, 3);
	assert_string_equal(g.file, f->path);
	assert_int_equal(d->len, 26);
	at_doc_free(d);
	at_reader_free(r);
}

static void directory__walked_in_name_order_skipping_hidden_files(void **state)
{
	fixture *f = *state;
	char sub[600];
	snprintf(sub, sizeof(sub), "%s/dir", f->dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	char p[1024];
	at_test_write(p, sizeof(p), sub, "b.txt", "Second.", 7);
	at_test_write(p, sizeof(p), sub, "a.txt", "First.", 6);
	at_test_write(p, sizeof(p), sub, "c.jsonl",
		      "{\"id\":\"c1\",\"text\":\"Third.\"}\n{x\n"
		      "{\"id\":\"c3\",\"text\":\"Fourth.\"}\n",
		      60);
	at_test_write(p, sizeof(p), sub, ".hidden.txt", "Hidden.", 7);
	at_test_write(p, sizeof(p), sub, "d.txt", "", 0);
	char sub2[700];
	snprintf(sub2, sizeof(sub2), "%s/e", sub);
	assert_int_equal(mkdir(sub2, 0700), 0);
	at_test_write(p, sizeof(p), sub2, "inner.txt", "Fifth.", 6);

	at_reader *r = open_reader(sub, NULL);
	const char *want[] = {"a.txt", "b.txt", "c1", "!", "c3", "!", "inner.txt", NULL};
	for (int i = 0; want[i]; i++) {
		at_doc *d;
		at_diag g;
		int rc = at_reader_next(r, &d, &g);
		if (want[i][0] == '!') {
			assert_true(rc < 0);
			assert_true(strstr(g.file, sub) == g.file);
			continue;
		}
		assert_int_equal(rc, 1);
		assert_string_equal(d->id, want[i]);
		at_doc_free(d);
	}
	at_doc *d;
	at_diag g;
	assert_int_equal(at_reader_next(r, &d, &g), 0);
	at_reader_free(r);
}

static void missing_path__io_error_names_it(void **state)
{
	fixture *f = *state;
	snprintf(f->path, sizeof(f->path), "%s/nope.txt", f->dir);
	at_reader *r = open_reader(f->path, NULL);
	at_doc *d;
	at_diag g;
	assert_int_equal(at_reader_next(r, &d, &g), AT_EIO);
	assert_string_equal(g.file, f->path);
	assert_int_equal(at_reader_next(r, &d, &g), 0);
	at_reader_free(r);
}

static void jsonl__line_over_the_cap_is_skipped_and_reading_goes_on(void **state)
{
	fixture *f = *state;
	snprintf(f->path, sizeof(f->path), "%s/huge.jsonl", f->dir);
	FILE *fp = fopen(f->path, "wb");
	assert_non_null(fp);
	fputs("{\"id\":\"before\",\"text\":\"Before.\"}\n", fp);
	fputs("{\"id\":\"huge\",\"text\":\"", fp);
	char chunk[65536];
	memset(chunk, 'a', sizeof(chunk));
	size_t total = 0;
	while (total < AT_MAX_LINE_BYTES + (1u << 20)) {
		assert_int_equal(fwrite(chunk, 1, sizeof(chunk), fp), sizeof(chunk));
		total += sizeof(chunk);
	}
	fputs("\"}\n{\"id\":\"after\",\"text\":\"After.\"}\n", fp);
	assert_int_equal(fclose(fp), 0);

	at_reader *r = open_reader(f->path, NULL);
	at_doc *d;
	at_diag g;
	assert_int_equal(at_reader_next(r, &d, &g), 1);
	assert_string_equal(d->id, "before");
	at_doc_free(d);
	assert_int_equal(at_reader_next(r, &d, &g), AT_ETOOBIG);
	assert_null(d);
	assert_int_equal(g.line, 2);
	assert_non_null(strstr(g.msg, "longer than"));
	assert_int_equal(at_reader_next(r, &d, &g), 1);
	assert_string_equal(d->id, "after");
	assert_int_equal(d->line, 3);
	at_doc_free(d);
	assert_int_equal(at_reader_next(r, &d, &g), 0);
	at_reader_free(r);
}

static void doc_from_text__copies_and_reads_the_header(void **state)
{
	(void)state;
	char text[] = " date 2024-04-09 headline on the date line\nBody.";
	at_doc *d;
	assert_int_equal(at_doc_from_text(&d, "mem", text, strlen(text), NULL), 0);
	text[1] = 'X'; /* the document owns a copy */
	assert_string_equal(d->id, "mem");
	assert_string_equal(d->published, "2024-04-09");
	assert_int_equal(d->bytes[1], 'd');
	assert_int_equal(d->bytes[d->len], '\0');
	at_doc_free(d);

	assert_int_equal(at_doc_from_text(&d, NULL, "x", 1, "2001-02-03"), 0);
	assert_string_equal(d->published, "2001-02-03");
	at_doc_free(d);
	at_doc_free(NULL);
	at_reader_free(NULL);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(text_file__date_header_gives_published_and_body_offset),
		T(text_file__date_header_with_time_and_partial_dates),
		T(text_file__no_header_means_no_date),
		T(published_option_overrides_the_header),
		T(jsonl__good_bad_and_blank_lines),
		T(jsonl__byte_offset_of_a_bad_line_is_its_start),
		T(empty_file__diagnostic_and_no_document),
		T(binary_file__refused_with_the_byte_of_the_nul),
		T(jsonl__text_with_a_nul_escape_is_refused),
		T(invalid_utf8__warning_but_the_document_is_read),
		T(directory__walked_in_name_order_skipping_hidden_files),
		T(missing_path__io_error_names_it),
		T(jsonl__line_over_the_cap_is_skipped_and_reading_goes_on),
		T(doc_from_text__copies_and_reads_the_header),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
