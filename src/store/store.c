/*
 * store.c — documents, their events and the merged ledger in SQLite.
 * Exports at_store_open/close/put/commit/events/counts/explain.
 *
 * Safety: WAL journal with synchronous=FULL, so a process killed at any
 * moment leaves every committed batch and nothing half-written; BEGIN
 * IMMEDIATE plus a long busy timeout, so two writers take turns instead of
 * failing. A database is only written after its application id and schema
 * version have been checked, so a foreign or newer file is left untouched.
 */
#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "aidtrace.h"
#include "store.h"
#include "seen.h"
#include "../clean/clean.h"
#include "../ingest/ingest_int.h"
#include "../merge/merge.h"
#include "../output/ledger.h"
#include "../util/arena.h"
#include "../util/buf.h"

#define BUSY_TIMEOUT_MS (10 * 60 * 1000) /* another ingest's batch, however slow */

/* The forward migration to each version: AT_MIGRATIONS[v - 1] takes a
 * database from version v - 1 to v. */
static const char *const AT_MIGRATIONS[AT_SCHEMA_VERSION] = {
	/* 1 */
	"CREATE TABLE documents ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL UNIQUE,"
	"  url TEXT, outlet TEXT, published TEXT, title TEXT, source TEXT,"
	"  content_hash TEXT NOT NULL,"
	"  bytes INTEGER NOT NULL,"
	"  spans TEXT NOT NULL,"
	"  simhash INTEGER NOT NULL,"
	"  band0 INTEGER NOT NULL, band1 INTEGER NOT NULL,"
	"  band2 INTEGER NOT NULL, band3 INTEGER NOT NULL,"
	"  dup_of INTEGER REFERENCES documents(id) ON DELETE SET NULL);"
	"CREATE INDEX documents_band0 ON documents(band0);"
	"CREATE INDEX documents_band1 ON documents(band1);"
	"CREATE INDEX documents_band2 ON documents(band2);"
	"CREATE INDEX documents_band3 ON documents(band3);"
	"CREATE TABLE doc_events ("
	"  id INTEGER PRIMARY KEY,"
	"  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  ord INTEGER NOT NULL,"
	"  block TEXT NOT NULL,"
	"  json TEXT NOT NULL,"
	"  UNIQUE (doc, ord));"
	"CREATE INDEX doc_events_block ON doc_events(block);"
	"CREATE TABLE events ("
	"  id TEXT PRIMARY KEY,"
	"  block TEXT NOT NULL,"
	"  type TEXT NOT NULL, status TEXT NOT NULL,"
	"  provider TEXT, recipient TEXT, actor TEXT,"
	"  participants TEXT NOT NULL,"
	"  date TEXT,"
	"  reported TEXT,"
	"  n_sources INTEGER NOT NULL,"
	"  anchor TEXT NOT NULL,"
	"  json TEXT NOT NULL);"
	"CREATE INDEX events_block ON events(block);"
	"CREATE INDEX events_date ON events(date);"
	"CREATE TABLE event_sources ("
	"  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
	"  doc_event INTEGER NOT NULL REFERENCES doc_events(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (event, doc_event)) WITHOUT ROWID;"
	"CREATE INDEX event_sources_doc_event ON event_sources(doc_event);"
	"CREATE TABLE pending (block TEXT PRIMARY KEY) WITHOUT ROWID;",
	/* 2: where an archived document is kept; the watcher's seen state (seen.c) */
	"ALTER TABLE documents ADD COLUMN record_off INTEGER;" AT_SEEN_SCHEMA,
};

enum {
	Q_DOC_FIND,
	Q_DOC_INSERT,
	Q_DOC_UPDATE,
	Q_DOC_BLOCKS,
	Q_DOC_EVENTS_DEL,
	Q_NEAR,
	Q_EV_INSERT,
	Q_TOUCH,
	Q_BLOCK_MEMBERS,
	Q_LEDGER_DEL,
	Q_LEDGER_INSERT,
	Q_LEDGER_SRC,
	Q_COUNT
};

static const char *const SQL[Q_COUNT] = {
	[Q_DOC_FIND] = "SELECT id, content_hash FROM documents WHERE key = ?1",
	[Q_DOC_INSERT] =
		"INSERT INTO documents (key, url, outlet, published, title, source,"
		" content_hash, bytes, spans, simhash, band0, band1, band2, band3, dup_of,"
		" record_off)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?17)",
	[Q_DOC_UPDATE] =
		"UPDATE documents SET url = ?2, outlet = ?3, published = ?4, title = ?5,"
		" source = ?6, content_hash = ?7, bytes = ?8, spans = ?9, simhash = ?10,"
		" band0 = ?11, band1 = ?12, band2 = ?13, band3 = ?14, dup_of = ?15,"
		" record_off = ?17 WHERE id = ?16",
	[Q_DOC_BLOCKS] = "SELECT DISTINCT block FROM doc_events WHERE doc = ?1",
	[Q_DOC_EVENTS_DEL] = "DELETE FROM doc_events WHERE doc = ?1",
	[Q_NEAR] = "SELECT id, simhash, dup_of FROM documents WHERE (band0 = ?1 OR band1 = ?2"
		   " OR band2 = ?3 OR band3 = ?4) AND key <> ?5 LIMIT 64",
	[Q_EV_INSERT] =
		"INSERT INTO doc_events (doc, ord, block, json) VALUES (?1, ?2, ?3, ?4)",
	[Q_TOUCH] = "INSERT OR IGNORE INTO pending (block) VALUES (?1)",
	[Q_BLOCK_MEMBERS] = "SELECT e.id, e.ord, e.json, d.key, d.published, d.url, d.outlet,"
			    " d.source, d.record_off"
			    " FROM doc_events e JOIN documents d ON d.id = e.doc"
			    " WHERE e.block = ?1",
	[Q_LEDGER_DEL] = "DELETE FROM events WHERE block = ?1",
	[Q_LEDGER_INSERT] = "INSERT INTO events (id, block, type, status, provider, recipient,"
			    " actor, participants, date, reported, n_sources, json, anchor)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
	[Q_LEDGER_SRC] =
		"INSERT OR IGNORE INTO event_sources (event, doc_event) VALUES (?1, ?2)",
};

struct at_store {
	sqlite3 *db;
	char *path;
	int readonly;
	int in_batch;
	sqlite3_stmt *q[Q_COUNT];
	at_arena arena; /* for the cleaner's paragraphs */
};

/* ---- errors ------------------------------------------------------------ */

static int code_of(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return AT_EBUSY;
	case SQLITE_NOTADB: return AT_ENOTDB;
	case SQLITE_FULL: return AT_EFULL;
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR:
	case SQLITE_READONLY:
	case SQLITE_PERM: return AT_EIO;
	case SQLITE_NOMEM: return AT_ENOMEM;
	default: return AT_EDB;
	}
}

static int fail(const char *path, int code, char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static int fail(const char *path, int code, char *err, size_t errlen, const char *fmt, ...)
{
	if (err && errlen) {
		int n = snprintf(err, errlen, "%s: ", path ? path : "database");
		if (n < 0 || (size_t)n >= errlen)
			n = 0;
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return code;
}

/* An SQLite failure as a message people can act on. */
static int db_fail(at_store *s, int rc, char *err, size_t errlen, const char *what)
{
	int saved = errno;
	int code = code_of(rc);
	const char *msg = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
	int sys = s->db ? sqlite3_system_errno(s->db) : 0;
	if (!sys && (rc & 0xff) == SQLITE_IOERR)
		sys = saved; /* the failed write's, when SQLite has forgotten it */
	if (sys == ENOSPC || sys == EFBIG || sys == EDQUOT)
		code = AT_EFULL; /* SQLite says "disk I/O error" for a size limit */
	else if (code == AT_EIO && sys)
		return fail(s->path, code, err, errlen, "%s: %s (%s)", what, msg,
			    strerror(sys));
	switch (code) {
	case AT_EBUSY:
		return fail(s->path, code, err, errlen,
			    "%s: the database stayed locked by another process (%s)", what,
			    msg);
	case AT_ENOTDB:
		return fail(s->path, code, err, errlen, "not an aidtrace database (%s)", msg);
	case AT_EFULL:
		return fail(
			s->path, code, err, errlen,
			"%s: no space left (the disk or a file size limit is full); the batch "
			"was rolled back, every batch committed before it is kept",
			what);
	default: return fail(s->path, code, err, errlen, "%s: %s", what, msg);
	}
}

static int exec(at_store *s, const char *sql, char *err, size_t errlen, const char *what)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : db_fail(s, rc, err, errlen, what);
}

static int pragma_int(at_store *s, const char *sql, long long *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* ---- opening ----------------------------------------------------------- */

/* The application id, schema version and table count, read in one transaction. */
static int read_header(at_store *s, long long *app, long long *ver, long long *tables)
{
	int rc = sqlite3_exec(s->db, "SAVEPOINT header", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = pragma_int(s, "PRAGMA application_id", app);
	if (rc == SQLITE_OK)
		rc = pragma_int(s, "PRAGMA user_version", ver);
	if (rc == SQLITE_OK)
		rc = pragma_int(s, "SELECT count(*) FROM sqlite_schema", tables);
	sqlite3_exec(s->db, "RELEASE header", NULL, NULL, NULL);
	return rc;
}

/* 0 when the header is ours at a version we can use or migrate from. */
static int check_header(at_store *s, long long app, long long ver, long long tables, char *err,
			size_t errlen)
{
	if (app != AT_APPLICATION_ID && (app != 0 || tables != 0))
		return fail(s->path, AT_ENOTDB, err, errlen,
			    "not an aidtrace database (a SQLite database of something else)");
	if (ver > AT_SCHEMA_VERSION)
		return fail(s->path, AT_EVERSION, err, errlen,
			    "the database has schema version %lld, newer than this aidtrace "
			    "understands (%d): use a newer aidtrace",
			    ver, AT_SCHEMA_VERSION);
	return 0;
}

static int check_and_migrate(at_store *s, char *err, size_t errlen)
{
	long long app = 0, ver = 0, tables = 0;
	int rc = read_header(s, &app, &ver, &tables);
	if (rc != SQLITE_OK)
		return db_fail(s, rc, err, errlen, "reading the schema");
	int r = check_header(s, app, ver, tables, err, errlen);
	if (r || ver == AT_SCHEMA_VERSION)
		return r;
	if (s->readonly)
		return fail(
			s->path, AT_EVERSION, err, errlen,
			"the database has schema version %lld and needs migrating to %d: run "
			"`aidtrace ingest` on it first",
			ver, AT_SCHEMA_VERSION);
	/* migrate under the write lock, reading again: another process may have */
	r = exec(s, "BEGIN IMMEDIATE", err, errlen, "locking for the schema");
	if (r)
		return r;
	rc = read_header(s, &app, &ver, &tables);
	if (rc != SQLITE_OK) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return db_fail(s, rc, err, errlen, "reading the schema");
	}
	r = check_header(s, app, ver, tables, err, errlen);
	for (long long v = ver; !r && v < AT_SCHEMA_VERSION; v++) {
		char what[64];
		snprintf(what, sizeof(what), "migrating to schema version %lld", v + 1);
		r = exec(s, AT_MIGRATIONS[v], err, errlen, what);
	}
	if (!r && ver < AT_SCHEMA_VERSION) {
		char sql[96];
		snprintf(sql, sizeof(sql),
			 "PRAGMA application_id = %d; PRAGMA user_version = %d",
			 AT_APPLICATION_ID, AT_SCHEMA_VERSION);
		r = exec(s, sql, err, errlen, "writing the schema version");
	}
	if (!r)
		r = exec(s, "COMMIT", err, errlen, "committing the schema");
	if (r)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return r;
}

int at_store_open(at_store **out, const char *path, int flags, char *err, size_t errlen)
{
	*out = NULL;
	if (!path || !*path)
		return fail("database", AT_EINVAL, err, errlen, "no database path given");
	struct stat st;
	int exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode))
		return fail(path, AT_EIO, err, errlen, "is a directory, not a database file");
	if (!exists && (flags & AT_STORE_READONLY))
		return fail(path, AT_EIO, err, errlen,
			    "no such database (create it with `aidtrace ingest --db %s`)",
			    path);
	at_store *s = calloc(1, sizeof(*s));
	if (!s || !(s->path = strdup(path))) {
		free(s);
		return fail(path, AT_ENOMEM, err, errlen, "out of memory");
	}
	s->readonly = flags & AT_STORE_READONLY;
	at_arena_init(&s->arena, 0);
	int oflags =
		s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	int rc = sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL);
	int r = 0;
	if (rc != SQLITE_OK) {
		r = rc == SQLITE_CANTOPEN ? fail(path, AT_EIO, err, errlen, "cannot open: %s",
						 errno ? strerror(errno) : sqlite3_errstr(rc))
					  : db_fail(s, rc, err, errlen, "opening");
		goto bad;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	if ((r = check_and_migrate(s, err, errlen)))
		goto bad;
	if (!s->readonly) {
		r = exec(s,
			 "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
			 " PRAGMA cache_size = -32768; PRAGMA foreign_keys = ON;",
			 err, errlen, "setting up");
		if (r)
			goto bad;
		for (int i = 0; i < Q_COUNT; i++) {
			rc = sqlite3_prepare_v3(s->db, SQL[i], -1, SQLITE_PREPARE_PERSISTENT,
						&s->q[i], NULL);
			if (rc != SQLITE_OK) {
				r = db_fail(s, rc, err, errlen, "preparing statements");
				goto bad;
			}
		}
	} else {
		r = exec(s, "PRAGMA query_only = ON", err, errlen, "setting up");
		if (r)
			goto bad;
	}
	*out = s;
	return 0;
bad:
	at_store_close(s);
	return r;
}

void at_store_wait(at_store *s, int seconds)
{
	sqlite3_busy_timeout(s->db, seconds > 0 ? seconds * 1000 : 0);
}

void at_store_close(at_store *s)
{
	if (!s)
		return;
	if (s->in_batch)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	for (int i = 0; i < Q_COUNT; i++)
		sqlite3_finalize(s->q[i]);
	sqlite3_close(s->db);
	at_arena_free(&s->arena);
	free(s->path);
	free(s);
}

/* ---- storing a document ------------------------------------------------ */

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;
	for (size_t i = 0; i < n; i++) {
		h ^= c[i];
		h *= 1099511628211ull;
	}
	return h;
}

static uint64_t fnv_str(uint64_t h, const char *s)
{
	return fnv(h, s ? s : "", s ? strlen(s) + 1 : 1);
}

/* What identifies a version of a document: its bytes and its metadata. */
static void content_hash(const at_doc *d, char out[33])
{
	uint64_t a = fnv(1469598103934665603ull, d->bytes, d->len);
	uint64_t b = fnv(0x84222325cbf29ce4ull ^ d->len, d->bytes, d->len);
	const char *meta[] = {d->published, d->url, d->title};
	for (int i = 0; i < 3; i++) {
		a = fnv_str(a, meta[i]);
		b = fnv_str(b, meta[i]);
	}
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)a, (unsigned long long)b);
}

static int popcount64(uint64_t x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static int step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static int touch(at_store *s, const char *block)
{
	sqlite3_bind_text(s->q[Q_TOUCH], 1, block, -1, SQLITE_TRANSIENT);
	return step_done(s->q[Q_TOUCH]);
}

/* The paragraphs read (headline and body) as JSON, and the SimHash of their text. */
static int read_spans(at_store *s, const at_doc *d, at_buf *spans, uint64_t *sim)
{
	at_para *p = NULL;
	size_t np = 0;
	at_arena_reset(&s->arena, 1u << 20);
	if (at_clean(&s->arena, d->bytes, d->body_off, d->len, &p, &np) != 0)
		return AT_ENOMEM;
	at_buf text;
	at_buf_init(&text, 0);
	at_buf_addc(spans, '[');
	int first = 1;
	for (size_t i = 0; i < np; i++) {
		if (p[i].role != AT_ROLE_BODY && p[i].role != AT_ROLE_HEADLINE)
			continue;
		at_buf_printf(spans, "%s[%u,%u]", first ? "" : ",", p[i].start, p[i].end);
		first = 0;
		at_buf_add(&text, d->bytes + p[i].start, p[i].end - p[i].start);
		at_buf_addc(&text, '\n');
	}
	at_buf_addc(spans, ']');
	*sim = at_simhash(text.data ? text.data : "", text.len);
	int rc = text.err || spans->err ? AT_ENOMEM : 0;
	at_buf_free(&text);
	return rc;
}

static int begin_batch(at_store *s, char *err, size_t errlen)
{
	if (s->in_batch)
		return 0;
	int r = exec(s, "BEGIN IMMEDIATE", err, errlen, "starting a batch");
	if (!r)
		s->in_batch = 1;
	return r;
}

int at__store_begin(at_store *s, char *err, size_t errlen)
{
	if (s->readonly)
		return fail(s->path, AT_EINVAL, err, errlen, "opened read-only");
	return begin_batch(s, err, errlen);
}

sqlite3 *at__store_sqlite(at_store *s) { return s->db; }

const char *at__store_path(const at_store *s) { return s->path; }

static int rollback(at_store *s, int r)
{
	if (s->in_batch) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		s->in_batch = 0;
	}
	return r;
}

/* The first earlier document within AT_NEAR_DUP_BITS of this SimHash, or 0. */
static int64_t near_duplicate(at_store *s, const char *key, uint64_t sim, int *rc)
{
	sqlite3_stmt *st = s->q[Q_NEAR];
	for (int b = 0; b < 4; b++)
		sqlite3_bind_int64(st, b + 1, (int64_t)((sim >> (16 * b)) & 0xffff));
	sqlite3_bind_text(st, 5, key, -1, SQLITE_TRANSIENT);
	int64_t found = 0;
	int r;
	/* the earliest (the cluster's first document) of at most 64 candidates:
	 * texts full of boilerplate share bands with many others */
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		uint64_t other = (uint64_t)sqlite3_column_int64(st, 1);
		if (popcount64(other ^ sim) <= AT_NEAR_DUP_BITS) {
			int64_t first = sqlite3_column_type(st, 2) == SQLITE_NULL
						? sqlite3_column_int64(st, 0)
						: sqlite3_column_int64(st, 2);
			if (!found || first < found)
				found = first;
		}
	}
	*rc = r == SQLITE_DONE ? SQLITE_OK : r;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return found;
}

/* Delete a replaced document's events, marking their blocks for re-merging. */
static int drop_events(at_store *s, int64_t doc)
{
	sqlite3_stmt *st = s->q[Q_DOC_BLOCKS];
	sqlite3_bind_int64(st, 1, doc);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int t = touch(s, (const char *)sqlite3_column_text(st, 0));
		if (t != SQLITE_OK) {
			rc = t;
			break;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(s->q[Q_DOC_EVENTS_DEL], 1, doc);
	return step_done(s->q[Q_DOC_EVENTS_DEL]);
}

static int put_events(at_store *s, int64_t doc, const at_events *ev)
{
	size_t len = 0;
	char *lines = at_events_jsonl(ev, &len);
	if (!lines)
		return SQLITE_NOMEM;
	int rc = SQLITE_OK, ord = 0;
	for (char *p = lines; rc == SQLITE_OK && *p;) {
		char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		json_t *j = json_loadb(p, n, 0, NULL);
		if (!j) {
			rc = SQLITE_NOMEM;
			break;
		}
		char block[128];
		at_merge_block_key(j, block, sizeof(block));
		json_decref(j);
		sqlite3_stmt *st = s->q[Q_EV_INSERT];
		sqlite3_bind_int64(st, 1, doc);
		sqlite3_bind_int(st, 2, ord++);
		sqlite3_bind_text(st, 3, block, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, p, (int)n, SQLITE_TRANSIENT);
		rc = step_done(st);
		if (rc == SQLITE_OK)
			rc = touch(s, block);
		p += n + (nl != NULL);
	}
	free(lines);
	return rc;
}

/* The stored content hash of the document `key`, or 0 when it is not stored. */
static int stored(at_store *s, const char *key, const char *hash, int64_t *id, int *same)
{
	sqlite3_stmt *st = s->q[Q_DOC_FIND];
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	*id = 0;
	*same = 0;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*same = !strcmp((const char *)sqlite3_column_text(st, 1), hash);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int at_store_has(at_store *s, const at_doc *doc)
{
	char hash[33];
	int64_t id;
	int same;
	if (s->readonly || !doc->id)
		return 0;
	content_hash(doc, hash);
	return stored(s, doc->id, hash, &id, &same) == SQLITE_OK && same;
}

int at_store_put(at_store *s, const at_doc *doc, const at_events *ev, int *outcome, char *err,
		 size_t errlen)
{
	if (outcome)
		*outcome = 0;
	if (s->readonly)
		return fail(s->path, AT_EINVAL, err, errlen, "opened read-only");
	if (!doc->id || !*doc->id)
		return fail(s->path, AT_EINVAL, err, errlen, "a document without an id");
	int r = begin_batch(s, err, errlen);
	if (r)
		return r;
	char hash[33];
	content_hash(doc, hash);
	int64_t old = 0;
	int same = 0, rc = stored(s, doc->id, hash, &old, &same);
	sqlite3_stmt *st;
	if (rc != SQLITE_OK)
		return rollback(s, db_fail(s, rc, err, errlen, "looking up a document"));
	if (same) {
		if (outcome)
			*outcome = AT_DOC_SAME;
		return 0;
	}
	at_buf spans;
	at_buf_init(&spans, 0);
	uint64_t sim = 0;
	if (read_spans(s, doc, &spans, &sim)) {
		at_buf_free(&spans);
		return rollback(s, fail(s->path, AT_ENOMEM, err, errlen, "out of memory"));
	}
	int64_t dup = near_duplicate(s, doc->id, sim, &rc);
	if (rc == SQLITE_OK && old)
		rc = drop_events(s, old);
	if (rc == SQLITE_OK) {
		st = s->q[old ? Q_DOC_UPDATE : Q_DOC_INSERT];
		sqlite3_bind_text(st, 1, doc->id, -1, SQLITE_TRANSIENT);
		bind_text(st, 2, doc->url);
		bind_text(st, 3, doc->outlet);
		bind_text(st, 4, doc->published);
		bind_text(st, 5, doc->title);
		bind_text(st, 6, doc->source);
		sqlite3_bind_text(st, 7, hash, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 8, (int64_t)doc->len);
		sqlite3_bind_text(st, 9, spans.data, (int)spans.len, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 10, (int64_t)sim);
		for (int b = 0; b < 4; b++)
			sqlite3_bind_int64(st, 11 + b, (int64_t)((sim >> (16 * b)) & 0xffff));
		if (dup)
			sqlite3_bind_int64(st, 15, dup);
		else
			sqlite3_bind_null(st, 15);
		if (old)
			sqlite3_bind_int64(st, 16, old);
		/* an archive record's offset (the first record of a file is at 0) */
		if (doc->record_off || (doc->source && at__warc_name(doc->source)))
			sqlite3_bind_int64(st, 17, (int64_t)doc->record_off);
		rc = step_done(st);
	}
	at_buf_free(&spans);
	if (rc == SQLITE_OK) {
		int64_t id = old ? old : sqlite3_last_insert_rowid(s->db);
		rc = put_events(s, id, ev);
	}
	if (rc != SQLITE_OK)
		return rollback(s, db_fail(s, rc, err, errlen, "storing a document"));
	if (outcome)
		*outcome = old ? AT_DOC_REPLACED : AT_DOC_NEW;
	return 0;
}

/* ---- merging the touched blocks ------------------------------------------ */

#define NSTR 5 /* strings per loaded member */

typedef struct loaded {
	at_member *m;
	json_t **ev;
	char **strs; /* doc, published, url, outlet, archive per member */
	size_t n, cap;
} loaded;

static void loaded_free(loaded *l)
{
	for (size_t i = 0; i < l->n; i++) {
		json_decref(l->ev[i]);
		for (int k = 0; k < NSTR; k++)
			free(l->strs[NSTR * i + k]);
	}
	free(l->m);
	free(l->ev);
	free(l->strs);
	memset(l, 0, sizeof(*l));
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? strdup((const char *)t) : NULL;
}

static int load_block(at_store *s, const char *block, loaded *l)
{
	sqlite3_stmt *st = s->q[Q_BLOCK_MEMBERS];
	sqlite3_bind_text(st, 1, block, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (l->n == l->cap) {
			size_t cap = l->cap ? 2 * l->cap : 16;
			at_member *m = realloc(l->m, cap * sizeof(*m));
			if (m)
				l->m = m;
			json_t **e = realloc(l->ev, cap * sizeof(*e));
			if (e)
				l->ev = e;
			char **t = realloc(l->strs, NSTR * cap * sizeof(*t));
			if (t)
				l->strs = t;
			if (!m || !e || !t) {
				rc = SQLITE_NOMEM;
				break;
			}
			l->cap = cap;
		}
		const char *js = (const char *)sqlite3_column_text(st, 2);
		json_t *j = js ? json_loads(js, 0, NULL) : NULL;
		if (!j) {
			rc = SQLITE_CORRUPT;
			break;
		}
		size_t i = l->n++;
		l->ev[i] = j;
		char **str = &l->strs[NSTR * i];
		for (int k = 0; k < NSTR; k++)
			str[k] = col_dup(st, 3 + k);
		int archived = sqlite3_column_type(st, 8) != SQLITE_NULL;
		l->m[i] = (at_member){.ev = j,
				      .doc = str[0] ? str[0] : "",
				      .reported = str[1],
				      .url = str[2],
				      .outlet = str[3],
				      .archive = archived ? str[4] : NULL,
				      .archive_off = archived ? sqlite3_column_int64(st, 8) : 0,
				      .row = sqlite3_column_int64(st, 0),
				      .ord = sqlite3_column_int(st, 1)};
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static const char *jstr(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static const char *jcode(const json_t *o, const char *key)
{
	const json_t *a = json_object_get(o, key);
	return json_is_object(a) ? jstr(a, "code") : NULL;
}

static int store_cluster(at_store *s, const char *block, const loaded *l, const at_cluster *c,
			 size_t nc, size_t ci)
{
	json_t *ev = at_merge_event(l->m, c, nc, ci);
	if (!ev)
		return SQLITE_NOMEM;
	char *js = json_dumps(ev, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (!js) {
		json_decref(ev);
		return SQLITE_NOMEM;
	}
	/* participants as " RUS TJK " so that a filter is a LIKE '% RUS %' */
	char parts[512] = " ";
	size_t i, used = 1;
	json_t *p;
	json_array_foreach (json_object_get(ev, "participants"), i, p) {
		const char *code = jstr(p, "code");
		int w = code ? snprintf(parts + used, sizeof(parts) - used, "%s ", code) : 0;
		if (w > 0 && used + (size_t)w < sizeof(parts))
			used += (size_t)w;
		else
			parts[used] = 0;
	}
	const json_t *w = json_object_get(ev, "when");
	const char *date = json_is_object(w) ? jstr(w, "start") : NULL;
	if (!date)
		date = jstr(ev, "reported");
	sqlite3_stmt *st = s->q[Q_LEDGER_INSERT];
	bind_text(st, 1, c[ci].id);
	bind_text(st, 2, block);
	bind_text(st, 3, jstr(ev, "type"));
	bind_text(st, 4, jstr(ev, "status"));
	bind_text(st, 5, jcode(ev, "provider"));
	bind_text(st, 6, jcode(ev, "recipient"));
	bind_text(st, 7, jcode(ev, "actor"));
	sqlite3_bind_text(st, 8, parts, -1, SQLITE_TRANSIENT);
	bind_text(st, 9, date);
	bind_text(st, 10, jstr(ev, "reported"));
	/* sources counts documents, not sentences */
	sqlite3_bind_int64(st, 11, (int64_t)c[ci].n);
	sqlite3_bind_text(st, 12, js, -1, SQLITE_TRANSIENT);
	/* ties in date are listed in the order of their first source */
	const at_member *first = &l->m[c[ci].m[0]];
	char anchor[600];
	snprintf(anchor, sizeof(anchor), "%s\x1f%06d", first->doc, first->ord);
	sqlite3_bind_text(st, 13, anchor, -1, SQLITE_TRANSIENT);
	int rc = step_done(st);
	free(js);
	json_decref(ev);
	for (size_t k = 0; rc == SQLITE_OK && k < c[ci].n; k++) {
		st = s->q[Q_LEDGER_SRC];
		bind_text(st, 1, c[ci].id);
		sqlite3_bind_int64(st, 2, l->m[c[ci].m[k]].row);
		rc = step_done(st);
	}
	return rc;
}

static int merge_block(at_store *s, const char *block)
{
	loaded l = {0};
	int rc = load_block(s, block, &l);
	at_cluster *c = NULL;
	size_t nc = 0;
	if (rc == SQLITE_OK && at_merge_block(l.m, l.n, &c, &nc) != 0)
		rc = SQLITE_NOMEM;
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(s->q[Q_LEDGER_DEL], 1, block, -1, SQLITE_TRANSIENT);
		rc = step_done(s->q[Q_LEDGER_DEL]);
	}
	for (size_t i = 0; rc == SQLITE_OK && i < nc; i++)
		rc = store_cluster(s, block, &l, c, nc, i);
	at_merge_free(c, nc);
	loaded_free(&l);
	return rc;
}

int at_store_commit(at_store *s, char *err, size_t errlen)
{
	if (!s->in_batch)
		return 0;
	int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return rollback(s, db_fail(s, rc, err, errlen, "committing"));
	s->in_batch = 0;
	return 0;
}

int at_store_merge(at_store *s, long long *merged, char *err, size_t errlen)
{
	if (merged)
		*merged = 0;
	if (s->readonly)
		return fail(s->path, AT_EINVAL, err, errlen, "opened read-only");
	int r = at_store_commit(s, err, errlen);
	if (!r)
		r = begin_batch(s, err, errlen);
	if (r)
		return r;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "SELECT block FROM pending ORDER BY block", -1, &st,
				    NULL);
	if (rc != SQLITE_OK)
		return rollback(s, db_fail(s, rc, err, errlen, "merging"));
	/* read the blocks first: merging writes to the tables the cursor reads */
	char **blocks = NULL;
	size_t nb = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char **b = realloc(blocks, (nb + 1) * sizeof(*b));
		if (!b || !(b[nb] = col_dup(st, 0))) {
			blocks = b ? b : blocks;
			rc = SQLITE_NOMEM;
			break;
		}
		blocks = b;
		nb++;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	for (size_t i = 0; rc == SQLITE_OK && i < nb; i++)
		rc = merge_block(s, blocks[i]);
	for (size_t i = 0; i < nb; i++)
		free(blocks[i]);
	free(blocks);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s->db, "DELETE FROM pending", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return rollback(s, db_fail(s, rc, err, errlen, "merging the ledger"));
	if (merged)
		*merged = (long long)nb;
	return at_store_commit(s, err, errlen);
}

/* ---- queries ------------------------------------------------------------ */

static int prepare_query(at_store *s, const at_query *q, sqlite3_stmt **out)
{
	at_buf sql;
	at_buf_init(&sql, 0);
	at_buf_adds(&sql, "SELECT json FROM events WHERE 1");
	const char *cols[] = {"id", "type", "provider", "recipient", "status"};
	const char *vals[] = {q->id, q->type, q->provider, q->recipient, q->status};
	int n = 0;
	for (int i = 0; i < 5; i++)
		if (vals[i])
			at_buf_printf(&sql, " AND %s = ?%d", cols[i], ++n);
	if (q->participant)
		at_buf_printf(&sql, " AND participants LIKE '%% ' || ?%d || ' %%'", ++n);
	if (q->since)
		at_buf_printf(&sql, " AND date >= ?%d", ++n);
	if (q->until)
		at_buf_printf(&sql, " AND date <= ?%d", ++n);
	if (q->min_sources > 0)
		at_buf_printf(&sql, " AND n_sources >= %d", q->min_sources);
	at_buf_adds(&sql, " ORDER BY date IS NULL, date DESC, reported DESC, anchor, id");
	if (q->limit > 0)
		at_buf_printf(&sql, " LIMIT %ld", q->limit);
	if (sql.err) {
		at_buf_free(&sql);
		return SQLITE_NOMEM;
	}
	int rc = sqlite3_prepare_v2(s->db, sql.data, -1, out, NULL);
	at_buf_free(&sql);
	if (rc != SQLITE_OK)
		return rc;
	n = 0;
	for (int i = 0; i < 5; i++)
		if (vals[i])
			sqlite3_bind_text(*out, ++n, vals[i], -1, SQLITE_TRANSIENT);
	const char *more[] = {q->participant, q->since, q->until};
	for (int i = 0; i < 3; i++)
		if (more[i])
			sqlite3_bind_text(*out, ++n, more[i], -1, SQLITE_TRANSIENT);
	return SQLITE_OK;
}

int at_store_events(at_store *s, const at_query *q, at_json_sink sink, void *user, char *err,
		    size_t errlen)
{
	static const at_query none;
	sqlite3_stmt *st;
	int rc = prepare_query(s, q ? q : &none, &st);
	if (rc != SQLITE_OK)
		return db_fail(s, rc, err, errlen, "querying");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *js = (const char *)sqlite3_column_text(st, 0);
		if (js && sink(user, js, (size_t)sqlite3_column_bytes(st, 0))) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(s, rc, err, errlen, "reading the ledger");
}

int at_store_pending(at_store *s, long long *blocks)
{
	int rc = pragma_int(s, "SELECT count(*) FROM pending", blocks);
	return rc == SQLITE_OK ? 0 : code_of(rc);
}

int at_store_counts(at_store *s, long long *docs, long long *doc_events, long long *events)
{
	int rc = pragma_int(s, "SELECT count(*) FROM documents", docs);
	if (rc == SQLITE_OK)
		rc = pragma_int(s, "SELECT count(*) FROM doc_events", doc_events);
	if (rc == SQLITE_OK)
		rc = pragma_int(s, "SELECT count(*) FROM events", events);
	return rc == SQLITE_OK ? 0 : code_of(rc);
}

int at_store_explain(at_store *s, const char *id, char **text, char *err, size_t errlen)
{
	*text = NULL;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, "SELECT json FROM events WHERE id = ?1", -1, &st,
				    NULL);
	json_t *ev = NULL;
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			ev = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL);
			rc = ev ? SQLITE_OK : SQLITE_CORRUPT;
		} else if (rc == SQLITE_DONE) {
			sqlite3_finalize(st);
			return fail(s->path, AT_EINVAL, err, errlen, "no event with id %s", id);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return db_fail(s, rc, err, errlen, "reading the event");
	rc = sqlite3_prepare_v2(
		s->db,
		"SELECT e.json, d.key, d.published, d.url, o.key, d.source, d.record_off"
		" FROM event_sources es JOIN doc_events e ON e.id = es.doc_event"
		" JOIN documents d ON d.id = e.doc"
		" LEFT JOIN documents o ON o.id = d.dup_of"
		" WHERE es.event = ?1 ORDER BY d.published, d.key, e.ord",
		-1, &st, NULL);
	at_explain_src *src = NULL;
	json_t **evs = NULL;
	char **strs = NULL;
	size_t n = 0;
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			at_explain_src *ns = realloc(src, (n + 1) * sizeof(*ns));
			src = ns ? ns : src;
			json_t **ne = realloc(evs, (n + 1) * sizeof(*ne));
			evs = ne ? ne : evs;
			char **nt = realloc(strs, 5 * (n + 1) * sizeof(*nt));
			strs = nt ? nt : strs;
			if (!ns || !ne || !nt) {
				rc = SQLITE_NOMEM;
				break;
			}
			evs[n] = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL);
			for (int k = 0; k < 5; k++)
				strs[5 * n + k] = col_dup(st, 1 + k);
			int archived = sqlite3_column_type(st, 6) != SQLITE_NULL;
			src[n] = (at_explain_src){evs[n] ? evs[n] : json_null(), strs[5 * n],
						  strs[5 * n + 1], strs[5 * n + 2],
						  strs[5 * n + 3],
						  archived ? strs[5 * n + 4] : NULL,
						  archived ? sqlite3_column_int64(st, 6) : 0};
			n++;
		}
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK) {
		*text = at_ledger_explain(ev, src, n);
		if (!*text)
			rc = SQLITE_NOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		json_decref(evs[i]);
		for (int k = 0; k < 5; k++)
			free(strs[5 * i + k]);
	}
	free(src);
	free(evs);
	free(strs);
	json_decref(ev);
	return rc == SQLITE_OK ? 0 : db_fail(s, rc, err, errlen, "explaining the event");
}
