/* SPDX-License-Identifier: MIT */
/*
 * tests/store/seen.c — schema version 2 and the watcher's seen state
 * (src/store/seen.c): a version 1 database is migrated with its documents
 * kept; seen pages, feeds and robots.txt round-trip (first_seen kept, the
 * robots.txt age respected, any bytes of a robots.txt kept); a seen row written in a batch is rolled back
 * with the batch's document; a document read from a web archive keeps its
 * record offset, which the ledger's sources and --explain show.
 */
#include <sqlite3.h>

#include "../test_util.h"
#include "aidtrace.h"
#include "archive/warc_writer.h"
#include "store/seen.h"
#include "store/store.h"

typedef at_test_dir fixture;
#define setup at_test_dir_setup
#define teardown at_test_dir_teardown

static void exec_sql(const char *db, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

static long long query(const char *db, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

static void put_text(at_store *st, const char *id, const char *text)
{
	at_doc *d;
	char err[256];
	assert_int_equal(at_doc_from_text(&d, id, text, strlen(text), "2024-03-04"), 0);
	assert_int_equal(at_store_put(st, d, NULL, NULL, err, sizeof(err)), 0);
	at_doc_free(d);
}

static void migrates_version_1(void **state)
{
	fixture *f = *state;
	char db[600], err[512];
	snprintf(db, sizeof(db), "%s/old.db", f->dir);
	at_store *st;
	assert_int_equal(at_store_open(&st, db, 0, err, sizeof(err)), 0);
	put_text(st, "kept", "Nothing military happened on Monday.");
	assert_int_equal(at_store_commit(st, err, sizeof(err)), 0);
	at_store_close(st);
	/* back to version 1, as an older aidtrace left it */
	exec_sql(db, "DROP TABLE seen_pages; DROP TABLE seen_feeds; DROP TABLE seen_robots;"
		     "ALTER TABLE documents DROP COLUMN record_off; PRAGMA user_version = 1");
	assert_int_equal(at_store_open(&st, db, AT_STORE_READONLY, err, sizeof(err)),
			 AT_EVERSION);
	assert_int_equal(at_store_open(&st, db, 0, err, sizeof(err)), 0);
	at_store_close(st);
	assert_int_equal(query(db, "PRAGMA user_version"), AT_SCHEMA_VERSION);
	assert_int_equal(query(db, "SELECT count(*) FROM documents WHERE key = 'kept'"), 1);
	assert_int_equal(query(db, "SELECT count(*) FROM seen_pages"), 0);
	assert_int_equal(query(db, "SELECT count(*) FROM documents WHERE record_off IS NULL"),
			 1);
}

static void round_trips(void **state)
{
	fixture *f = *state;
	char db[600], err[512];
	snprintf(db, sizeof(db), "%s/s.db", f->dir);
	at_store *st;
	assert_int_equal(at_store_open(&st, db, 0, err, sizeof(err)), 0);
	at_seen_page p, q;
	memset(&p, 0, sizeof(p));
	assert_int_equal(at_seen_page_get(st, "http://h.test/a", &q, err, sizeof(err)), 0);
	snprintf(p.item_date, sizeof(p.item_date), "Mon, 04 Mar 2024");
	snprintf(p.digest, sizeof(p.digest), "sha1:ABC");
	snprintf(p.etag, sizeof(p.etag), "\"e1\"");
	p.status = 200;
	snprintf(p.archive, sizeof(p.archive), "/arch/x.warc.gz");
	p.record_off = 1234;
	assert_int_equal(at_seen_page_put(st, "http://h.test/a", &p, NULL, err, sizeof(err)),
			 0);
	exec_sql(db, "UPDATE seen_pages SET first_seen = '2000-01-01T00:00:00Z'");
	p.tries = 2;
	p.status = 503;
	assert_int_equal(
		at_seen_page_put(st, "http://h.test/a", &p, "HTTP error", err, sizeof(err)), 0);
	assert_int_equal(at_seen_page_get(st, "http://h.test/a", &q, err, sizeof(err)), 1);
	assert_string_equal(q.item_date, "Mon, 04 Mar 2024");
	assert_string_equal(q.digest, "sha1:ABC");
	assert_string_equal(q.etag, "\"e1\"");
	assert_string_equal(q.archive, "/arch/x.warc.gz");
	assert_int_equal(q.record_off, 1234);
	assert_int_equal(q.tries, 2);
	assert_int_equal(q.status, 503);
	assert_int_equal(
		query(db, "SELECT first_seen = '2000-01-01T00:00:00Z' FROM seen_pages"), 1);
	at_seen_feed sf = {.status = 200}, sg;
	snprintf(sf.etag, sizeof(sf.etag), "\"f\"");
	snprintf(sf.last_modified, sizeof(sf.last_modified), "Mon, 04 Mar 2024 09:00:00 GMT");
	assert_int_equal(at_seen_feed_put(st, "http://h.test/feed", &sf, err, sizeof(err)), 0);
	assert_int_equal(at_seen_feed_get(st, "http://h.test/feed", &sg, err, sizeof(err)), 1);
	assert_string_equal(sg.etag, "\"f\"");
	assert_string_equal(sg.last_modified, "Mon, 04 Mar 2024 09:00:00 GMT");
	assert_int_equal(at_seen_feed_get(st, "http://h.test/other", &sg, err, sizeof(err)), 0);
	int status;
	char *body;
	size_t len;
	assert_int_equal(at_seen_robots_put(st, "http://h.test:80", 200, "User-agent: *\n", 14,
					    err, sizeof(err)),
			 0);
	assert_int_equal(at_seen_robots_get(st, "http://h.test:80", 0, &status, &body, &len,
					    err, sizeof(err)),
			 1);
	assert_int_equal(status, 200);
	assert_int_equal(len, 14);
	assert_string_equal(body, "User-agent: *\n");
	free(body);
	/* any bytes (a NUL, bytes that are not UTF-8) come back as they were:
	 * kept as hex text, which both engines store */
	static const char odd[] = "Disallow: /a\0b\xff\xfe\n";
	assert_int_equal(at_seen_robots_put(st, "http://h.test:81", 200, odd, sizeof(odd) - 1,
					    err, sizeof(err)),
			 0);
	assert_int_equal(at_seen_robots_get(st, "http://h.test:81", 0, &status, &body, &len,
					    err, sizeof(err)),
			 1);
	assert_int_equal(len, sizeof(odd) - 1);
	assert_memory_equal(body, odd, sizeof(odd) - 1);
	free(body);
	/* older than asked for: not used */
	assert_int_equal(at_seen_robots_get(st, "http://h.test:80", (long long)time(NULL) + 10,
					    &status, &body, &len, err, sizeof(err)),
			 0);
	long long pages, stored, feeds;
	assert_int_equal(at_seen_counts(st, &pages, &stored, &feeds), 0);
	assert_true(pages == 1 && stored == 1 && feeds == 1);
	at_store_close(st);
}

static void batch_rollback_takes_the_seen_row(void **state)
{
	fixture *f = *state;
	char db[600], err[512];
	snprintf(db, sizeof(db), "%s/b.db", f->dir);
	at_store *st;
	assert_int_equal(at_store_open(&st, db, 0, err, sizeof(err)), 0);
	put_text(st, "http://h.test/p", "A page.");
	at_seen_page p;
	memset(&p, 0, sizeof(p));
	p.status = 200;
	assert_int_equal(at_seen_page_put(st, "http://h.test/p", &p, NULL, err, sizeof(err)),
			 0);
	at_store_close(st); /* killed before the commit */
	assert_int_equal(query(db, "SELECT count(*) FROM documents"), 0);
	assert_int_equal(query(db, "SELECT count(*) FROM seen_pages"), 0);
}

static void archived_documents_keep_their_record(void **state)
{
	fixture *f = *state;
	char err[512];
	at_warcw *w;
	at_warcw_opts o = {.dir = f->dir};
	assert_int_equal(at_warcw_open(&w, &o, err, sizeof(err)), 0);
	const char *story = "Germany handed over 12 self-propelled howitzers to Lithuania on "
			    "Monday, the Lithuanian defence ministry said.\n";
	const char *file;
	uint64_t off;
	at_warcw_rec r = {.type = "resource",
			  .uri = "http://h.test/news/1",
			  .content_type = "text/plain",
			  .block = story,
			  .len = strlen(story),
			  .payload_off = 0};
	assert_int_equal(at_warcw_write(w, &r, NULL, &file, &off, err, sizeof(err)), 0);
	char path[1200];
	snprintf(path, sizeof(path), "%s", file);
	at_warcw_close(w);
	assert_true(off > 0); /* after the warcinfo */

	at_ctx *ctx;
	assert_int_equal(at_ctx_new(&ctx, AT_TEST_DATADIR, err, sizeof(err)), 0);
	char db[600];
	snprintf(db, sizeof(db), "%s/a.db", f->dir);
	at_store *st;
	assert_int_equal(at_store_open(&st, db, 0, err, sizeof(err)), 0);
	at_reader *rd;
	assert_int_equal(at_reader_open(&rd, path, NULL), 0);
	at_doc *d;
	at_diag diag;
	assert_int_equal(at_reader_next(rd, &d, &diag), 1);
	at_events *ev;
	assert_int_equal(at_extract_doc(&ev, ctx, d), 0);
	assert_true(at_events_count(ev) >= 1);
	assert_int_equal(at_store_put(st, d, ev, NULL, err, sizeof(err)), 0);
	at_events_free(ev);
	at_doc_free(d);
	at_reader_free(rd);
	assert_int_equal(at_store_merge(st, NULL, err, sizeof(err)), 0);
	char sql[200];
	snprintf(sql, sizeof(sql), "SELECT record_off FROM documents");
	assert_int_equal(query(db, sql), (long long)off);
	/* the ledger's source and --explain lead to the record */
	char line[8192] = "";
	sqlite3 *h;
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(
		sqlite3_prepare_v2(h, "SELECT id, json FROM events LIMIT 1", -1, &q, NULL),
		SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	char id[64];
	snprintf(id, sizeof(id), "%s", (const char *)sqlite3_column_text(q, 0));
	snprintf(line, sizeof(line), "%s", (const char *)sqlite3_column_text(q, 1));
	sqlite3_finalize(q);
	sqlite3_close(h);
	char want[1400];
	snprintf(want, sizeof(want), "\"archive\":{\"file\":\"%s\",\"offset\":%llu}", path,
		 (unsigned long long)off);
	assert_non_null(strstr(line, want));
	char *text;
	assert_int_equal(at_store_explain(st, id, &text, err, sizeof(err)), 0);
	snprintf(want, sizeof(want), "kept in %s, record at byte %llu", path,
		 (unsigned long long)off);
	assert_non_null(strstr(text, want));
	free(text);
	at_store_close(st);
	at_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(migrates_version_1, setup, teardown),
		cmocka_unit_test_setup_teardown(round_trips, setup, teardown),
		cmocka_unit_test_setup_teardown(batch_rollback_takes_the_seen_row, setup,
						teardown),
		cmocka_unit_test_setup_teardown(archived_documents_keep_their_record, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
