/* SPDX-License-Identifier: MIT */
/*
 * tests/store/ledger.c — the SQLite store through the public API, on the
 * articles in tests/data/ledger (written for these tests): one ledger event
 * per act across outlets, lifecycles, conflicts, near duplicates,
 * idempotent re-ingest, new versions, queries, bad database files, and
 * the same ledger from the same documents in any order and batching.
 */
#include <jansson.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "../test_util.h"
#include "aidtrace.h"

#ifndef AT_TEST_FIXTURES
#define AT_TEST_FIXTURES "tests/data"
#endif

static at_ctx *ctx;

static int setup(void **state)
{
	(void)state;
	char err[256];
	return at_ctx_new(&ctx, AT_TEST_DATADIR, err, sizeof(err));
}

static int teardown(void **state)
{
	(void)state;
	at_ctx_free(ctx);
	return 0;
}

/* Ingest a path (file or folder) into the store and commit. */
static void ingest(at_store *st, const char *path, int *outcomes)
{
	at_reader *r;
	assert_int_equal(at_reader_open(&r, path, NULL), 0);
	at_doc *doc;
	at_diag diag;
	int n = 0;
	char err[256];
	while (at_reader_next(r, &doc, &diag) == 1) {
		at_events *ev;
		assert_int_equal(at_extract_doc(&ev, ctx, doc), 0);
		int outcome;
		assert_int_equal(at_store_put(st, doc, ev, &outcome, err, sizeof(err)), 0);
		if (outcomes)
			outcomes[n++] = outcome;
		at_events_free(ev);
		at_doc_free(doc);
	}
	at_reader_free(r);
	assert_int_equal(at_store_commit(st, err, sizeof(err)), 0);
	assert_int_equal(at_store_merge(st, NULL, err, sizeof(err)), 0);
}

typedef struct lines {
	json_t *arr;
	char *text;
	size_t len;
} lines;

static int collect(void *user, const char *json, size_t len)
{
	lines *l = user;
	json_t *j = json_loadb(json, len, 0, NULL);
	assert_non_null(j);
	json_array_append_new(l->arr, j);
	char *t = realloc(l->text, l->len + len + 2);
	assert_non_null(t);
	memcpy(t + l->len, json, len);
	l->len += len;
	t[l->len++] = '\n';
	t[l->len] = 0;
	l->text = t;
	return 0;
}

static lines query(at_store *st, const at_query *q)
{
	lines l = {json_array(), NULL, 0};
	char err[256];
	assert_int_equal(at_store_events(st, q, collect, &l, err, sizeof(err)), 0);
	return l;
}

static void lines_free(lines *l)
{
	json_decref(l->arr);
	free(l->text);
}

static json_t *find_status(json_t *arr, const char *status)
{
	size_t i;
	json_t *e;
	json_array_foreach (arr, i, e)
		if (!strcmp(json_string_value(json_object_get(e, "status")), status))
			return e;
	return NULL;
}

static void open_db(at_store **st, char *dir, char *db, size_t n)
{
	at_test_tmpdir(dir, 256);
	snprintf(db, n, "%s/t.db", dir);
	char err[256];
	assert_int_equal(at_store_open(st, db, 0, err, sizeof(err)), 0);
}

static void three_outlets__one_delivery_with_conflict_and_a_linked_pledge(void **state)
{
	(void)state;
	char dir[256], db[300];
	at_store *st;
	open_db(&st, dir, db, sizeof(db));
	ingest(st, AT_TEST_FIXTURES "/ledger", NULL);
	at_query q = {.provider = "POL", .recipient = "UKR"};
	lines l = query(st, &q);
	assert_int_equal(json_array_size(l.arr), 2);
	json_t *del = find_status(l.arr, "completed"), *pl = find_status(l.arr, "committed");
	assert_non_null(del);
	assert_non_null(pl);
	/* delivery-a, its copy and delivery-b are the same handover */
	json_t *docs = json_object_get(json_object_get(del, "why"), "docs");
	assert_int_equal(json_array_size(docs), 3);
	json_t *conf = json_object_get(del, "conflicts");
	assert_true(json_array_size(conf) >= 1);
	assert_string_equal(
		json_string_value(json_object_get(json_array_get(conf, 0), "field")), "items");
	/* the pledge and the delivery are one lifecycle */
	json_t *lc = json_object_get(del, "lifecycle");
	assert_true(json_is_object(lc));
	assert_string_equal(json_string_value(json_object_get(lc, "id")),
			    json_string_value(json_object_get(pl, "id")));
	/* newest first */
	assert_ptr_equal(json_array_get(l.arr, 0), del);
	lines_free(&l);

	/* filters */
	at_query ex = {.type = "exercise", .participant = "KAZ"};
	l = query(st, &ex);
	assert_int_equal(json_array_size(l.arr), 1);
	lines_free(&l);
	at_query many = {.min_sources = 3};
	l = query(st, &many);
	assert_int_equal(json_array_size(l.arr), 1);
	lines_free(&l);
	at_query range = {.since = "2023-01-01", .until = "2023-01-31"};
	l = query(st, &range);
	assert_int_equal(json_array_size(l.arr), 1);
	lines_free(&l);

	/* explain names the sources and the reasons: the pledge, with its one
	 * source and the lifecycle that links it to the delivery */
	char *text, err[256];
	l = query(st, &q);
	pl = find_status(l.arr, "committed");
	del = find_status(l.arr, "completed");
	const char *pl_id = json_string_value(json_object_get(pl, "id"));
	const char *del_id = json_string_value(json_object_get(del, "id"));
	assert_int_equal(at_store_explain(st, pl_id, &text, err, sizeof(err)), 0);
	char head[64];
	snprintf(head, sizeof(head), "event %s: aid, committed\n", pl_id);
	assert_true(!strncmp(text, head, strlen(head)));
	assert_non_null(strstr(text, "POL \xE2\x86\x92 UKR"));
	assert_non_null(strstr(text, "sources (1 document):"));
	assert_non_null(strstr(text, "[1] pledge.txt, published 2023-01-11"));
	assert_non_null(strstr(text, "Poland will send 14 Leopard 2 tanks to Ukraine"));
	assert_non_null(strstr(text, "date from \"Jan 11\""));
	assert_non_null(strstr(text, del_id)); /* the lifecycle's delivery */
	assert_null(strstr(text, "delivery-b.txt"));
	assert_null(strstr(text, "conflict"));
	free(text);
	/* the delivery: three documents, the conflict between them */
	assert_int_equal(at_store_explain(st, del_id, &text, err, sizeof(err)), 0);
	assert_non_null(strstr(text, "sources (3 documents):"));
	assert_non_null(strstr(text, "delivery-a.txt"));
	assert_non_null(strstr(text, "delivery-a-copy.txt"));
	assert_non_null(strstr(text, "delivery-b.txt"));
	assert_non_null(strstr(text, "conflict     items: \"14 Leopard 2 tanks\" vs \"12 Leopard 2 tanks\""));
	assert_null(strstr(text, "pledge.txt"));
	free(text);
	lines_free(&l);
	/* a made-up id: an error naming it, no text */
	text = (char *)1;
	assert_int_equal(at_store_explain(st, "e-0000000000000000", &text, err, sizeof(err)),
			 AT_EINVAL);
	assert_null(text);
	assert_non_null(strstr(err, "no event with id e-0000000000000000"));
	at_store_close(st);
	at_test_rmdir(dir);
}

static void explain__every_source_sentence(void **state)
{
	(void)state;
	char dir[256], db[300], err[256];
	at_store *st;
	open_db(&st, dir, db, sizeof(db));
	ingest(st, AT_TEST_FIXTURES "/ledger", NULL);
	at_query q = {.status = "completed", .type = "aid"};
	lines l = query(st, &q);
	assert_int_equal(json_array_size(l.arr), 1);
	const char *id = json_string_value(json_object_get(json_array_get(l.arr, 0), "id"));
	char *text;
	assert_int_equal(at_store_explain(st, id, &text, err, sizeof(err)), 0);
	assert_non_null(strstr(text, "delivery-a.txt"));
	assert_non_null(strstr(text, "delivery-b.txt"));
	assert_non_null(strstr(text, "near duplicate of delivery-a"));
	assert_non_null(strstr(text, "Poland has handed over 12 Leopard 2 tanks"));
	assert_non_null(strstr(text, "conflict"));
	free(text);
	lines_free(&l);
	at_store_close(st);
	at_test_rmdir(dir);
}

static void reingest__changes_nothing(void **state)
{
	(void)state;
	char dir[256], db[300];
	at_store *st;
	open_db(&st, dir, db, sizeof(db));
	int out[8] = {0};
	ingest(st, AT_TEST_FIXTURES "/ledger", out);
	assert_int_equal(out[0], AT_DOC_NEW);
	lines a = query(st, NULL);
	long long d1, e1, l1, d2, e2, l2;
	assert_int_equal(at_store_counts(st, &d1, &e1, &l1), 0);
	ingest(st, AT_TEST_FIXTURES "/ledger", out);
	for (int i = 0; i < 5; i++)
		assert_int_equal(out[i], AT_DOC_SAME);
	lines b = query(st, NULL);
	assert_int_equal(at_store_counts(st, &d2, &e2, &l2), 0);
	assert_true(d1 == d2 && e1 == e2 && l1 == l2);
	assert_int_equal(d1, 5);
	assert_string_equal(a.text, b.text);
	lines_free(&a);
	lines_free(&b);
	at_store_close(st);
	at_test_rmdir(dir);
}

static void new_version__replaces_the_events(void **state)
{
	(void)state;
	char dir[256], db[300], err[256];
	at_store *st;
	open_db(&st, dir, db, sizeof(db));
	const char *v1 = "Germany handed over 20 Leopard 2 tanks to Lithuania on Friday.";
	const char *v2 = "Germany will send 5 IRIS-T air defence systems to Latvia next year.";
	const char *texts[2] = {v1, v2};
	for (int v = 0; v < 2; v++) {
		at_doc *doc;
		assert_int_equal(at_doc_from_text(&doc, "story-1", texts[v], strlen(texts[v]),
						  "2022-05-06"),
				 0);
		at_events *ev;
		assert_int_equal(at_extract_doc(&ev, ctx, doc), 0);
		int outcome;
		assert_int_equal(at_store_put(st, doc, ev, &outcome, err, sizeof(err)), 0);
		assert_int_equal(outcome, v ? AT_DOC_REPLACED : AT_DOC_NEW);
		assert_int_equal(at_store_commit(st, err, sizeof(err)), 0);
		assert_int_equal(at_store_merge(st, NULL, err, sizeof(err)), 0);
		at_events_free(ev);
		at_doc_free(doc);
	}
	lines l = query(st, NULL);
	assert_int_equal(json_array_size(l.arr), 1);
	json_t *e = json_array_get(l.arr, 0);
	assert_string_equal(
		json_string_value(json_object_get(json_object_get(e, "recipient"), "code")),
		"LVA");
	lines_free(&l);
	at_store_close(st);
	at_test_rmdir(dir);
}

static void exec_sql(const char *db, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char buf[1 << 16];
	*n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	char *c = malloc(*n + 1);
	memcpy(c, buf, *n);
	return c;
}

static void bad_databases__clear_errors_and_untouched_files(void **state)
{
	(void)state;
	char dir[256], path[300], err[256];
	at_test_tmpdir(dir, sizeof(dir));
	at_store *st = NULL;

	/* a text file */
	const char *text = "this is not a database, just notes\n";
	at_test_write(path, sizeof(path), dir, "notes.db", text, strlen(text));
	assert_int_equal(at_store_open(&st, path, 0, err, sizeof(err)), AT_ENOTDB);
	assert_null(st);
	assert_non_null(strstr(err, "notes.db"));
	size_t n;
	char *after = slurp(path, &n);
	assert_int_equal(n, strlen(text));
	assert_memory_equal(after, text, n);
	free(after);

	/* somebody else's SQLite database */
	snprintf(path, sizeof(path), "%s/other.db", dir);
	exec_sql(path, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
	assert_int_equal(at_store_open(&st, path, 0, err, sizeof(err)), AT_ENOTDB);
	assert_non_null(strstr(err, "something else"));

	/* a newer aidtrace's database */
	snprintf(path, sizeof(path), "%s/newer.db", dir);
	assert_int_equal(at_store_open(&st, path, 0, err, sizeof(err)), 0);
	at_store_close(st);
	exec_sql(path, "PRAGMA user_version = 99");
	assert_int_equal(at_store_open(&st, path, 0, err, sizeof(err)), AT_EVERSION);
	assert_non_null(strstr(err, "99"));
	assert_int_equal(at_store_open(&st, path, AT_STORE_READONLY, err, sizeof(err)),
			 AT_EVERSION);

	/* missing, for reading; a directory */
	snprintf(path, sizeof(path), "%s/missing.db", dir);
	assert_int_equal(at_store_open(&st, path, AT_STORE_READONLY, err, sizeof(err)), AT_EIO);
	struct stat sb;
	assert_int_not_equal(stat(path, &sb), 0); /* not created */
	assert_int_equal(at_store_open(&st, dir, 0, err, sizeof(err)), AT_EIO);
	assert_non_null(strstr(err, "directory"));
	at_test_rmdir(dir);
}

static void table_and_csv_rows(void **state)
{
	(void)state;
	const char *ev =
		"{\"id\":\"e-1\",\"type\":\"aid\",\"status\":\"completed\","
		"\"kinds\":[\"equipment\"],\"provider\":{\"code\":\"POL\"},"
		"\"recipient\":{\"code\":\"UKR\"},\"participants\":[],"
		"\"items\":[{\"category\":\"tank\",\"quantity\":14,\"text\":\"14 tanks, "
		"\\\"Leopard\\\"\"}],"
		"\"value\":{\"amount\":7e10,\"currency\":\"RUB\",\"usd\":1.2e9,"
		"\"text\":\"70 billion rubles, \\\"about\\\" $1.2bn\"},"
		"\"when\":null,\"reported\":\"2023-02-24\",\"conflicts\":[],"
		"\"why\":{\"docs\":[\"a\",\"b\"]}}";
	char *row = at_ledger_csv_row(ev, strlen(ev));
	assert_non_null(row);
	/* quoted field with doubled quotes; CRLF */
	assert_non_null(strstr(row, "\"70 billion rubles, \"\"about\"\" $1.2bn\""));
	assert_non_null(strstr(row, ",2023-02-24,2,a;b,"));
	assert_int_equal(row[strlen(row) - 2], '\r');
	free(row);
	row = at_ledger_table_row(ev, strlen(ev), 120);
	assert_non_null(row);
	assert_non_null(strstr(row, "POL \xE2\x86\x92 UKR"));
	assert_non_null(strstr(row, "1.2 bn USD"));
	free(row);
	assert_null(at_ledger_csv_row("not json", 8));
}


/* The documents of a folder with their events, kept for several stores. */
typedef struct corpus {
	at_doc *doc[64];
	at_events *ev[64];
	size_t n;
} corpus;

static void corpus_read(corpus *c, const char *path)
{
	at_reader *r;
	assert_int_equal(at_reader_open(&r, path, NULL), 0);
	at_doc *doc;
	at_diag diag;
	while (at_reader_next(r, &doc, &diag) == 1) {
		assert_true(c->n < 64);
		assert_int_equal(at_extract_doc(&c->ev[c->n], ctx, doc), 0);
		c->doc[c->n++] = doc;
	}
	at_reader_free(r);
}

/* The ledger (events --format jsonl) after storing c in the order `perm`,
 * `batch` documents a transaction, merging also after the first `mid`. */
static char *ledger_of(const corpus *c, const size_t *perm, int batch, size_t mid)
{
	char dir[256], db[300], err[256];
	at_store *st;
	open_db(&st, dir, db, sizeof(db));
	for (size_t i = 0; i < c->n; i++) {
		size_t k = perm[i];
		assert_int_equal(at_store_put(st, c->doc[k], c->ev[k], NULL, err, sizeof(err)), 0);
		if ((i + 1) % (size_t)batch == 0)
			assert_int_equal(at_store_commit(st, err, sizeof(err)), 0);
		if (i + 1 == mid)
			assert_int_equal(at_store_merge(st, NULL, err, sizeof(err)), 0);
	}
	assert_int_equal(at_store_merge(st, NULL, err, sizeof(err)), 0);
	long long pending = -1;
	assert_int_equal(at_store_pending(st, &pending), 0);
	assert_int_equal(pending, 0);
	lines l = query(st, NULL);
	at_store_close(st);
	char *text = l.text;
	l.text = NULL;
	lines_free(&l);
	at_test_rmdir(dir);
	return text;
}

static void any_order_and_batching__the_same_ledger(void **state)
{
	(void)state;
	static corpus c;
	corpus_read(&c, AT_TEST_FIXTURES "/ledger");
	corpus_read(&c, AT_TEST_SRCDIR "/examples");
	size_t perm[64];
	for (size_t i = 0; i < c.n; i++)
		perm[i] = i;
	char *ref = ledger_of(&c, perm, 1000, 0);
	assert_non_null(ref);
	assert_true(strlen(ref) > 1000);
	uint64_t x = 0x9e3779b97f4a7c15ull;
	for (int trial = 0; trial < 6; trial++) {
		for (size_t i = c.n - 1; i > 0; i--) { /* Fisher-Yates, xorshift64 */
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			size_t j = (size_t)(x % (i + 1)), t = perm[i];
			perm[i] = perm[j];
			perm[j] = t;
		}
		char *got = ledger_of(&c, perm, 1 + trial, trial % 2 ? c.n / 2 : 0);
		assert_string_equal(got, ref);
		free(got);
	}
	free(ref);
	for (size_t i = 0; i < c.n; i++) {
		at_events_free(c.ev[i]);
		at_doc_free(c.doc[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(three_outlets__one_delivery_with_conflict_and_a_linked_pledge),
		cmocka_unit_test(explain__every_source_sentence),
		cmocka_unit_test(reingest__changes_nothing),
		cmocka_unit_test(new_version__replaces_the_events),
		cmocka_unit_test(bad_databases__clear_errors_and_untouched_files),
		cmocka_unit_test(table_and_csv_rows),
		cmocka_unit_test(any_order_and_batching__the_same_ledger),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
