/* SPDX-License-Identifier: MIT */
/*
 * sqlite.c — the SQLite backend of the store (backend.h): a file on this
 * machine, the default. Exports at_backend_sqlite.
 *
 * Safety: WAL journal with synchronous=FULL, so a process killed at any
 * moment leaves every committed transaction and nothing half-written; BEGIN
 * IMMEDIATE plus a long busy timeout, so two writers take turns instead of
 * failing. The journal mode is set only after store.c has checked the
 * application id and schema version, so a foreign file is left untouched.
 */
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "aidtrace.h"
#include "backend.h"

#define BUSY_TIMEOUT_MS (10 * 60 * 1000) /* another ingest's batch, however slow */

typedef struct sq_db {
	sqlite3 *db;
	int readonly;
	int rc;  /* the last failure's result code */
	int sys; /* and the errno behind it, when known */
} sq_db;

typedef struct sq_stmt {
	sqlite3_stmt *st;
	sq_db *db;
} sq_stmt;

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

/* Remember a failure (and the errno of a failed write) for sq_error. */
static int failed(sq_db *d, int rc)
{
	int saved = errno;
	if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
		return 0;
	d->rc = rc;
	d->sys = d->db ? sqlite3_system_errno(d->db) : 0;
	if (!d->sys && (rc & 0xff) == SQLITE_IOERR)
		d->sys = saved; /* the failed write's, when SQLite has forgotten it */
	return -1;
}

static int sq_error(at_db *db, char *msg, size_t n)
{
	sq_db *d = (sq_db *)db;
	int code = code_of(d->rc);
	/* the connection's message, unless a later call (a RELEASE, a ROLLBACK)
	 * has reset it to "not an error": then the one of the code */
	const char *m = d->db && sqlite3_errcode(d->db) != SQLITE_OK ? sqlite3_errmsg(d->db)
								     : sqlite3_errstr(d->rc);
	if (d->sys == ENOSPC || d->sys == EFBIG || d->sys == EDQUOT)
		code = AT_EFULL; /* SQLite says "disk I/O error" for a size limit */
	if (code == AT_EIO && d->sys)
		snprintf(msg, n, "%s (%s)", m, strerror(d->sys));
	else
		snprintf(msg, n, "%s", m);
	return code;
}

static int sq_exec(at_db *db, const char *sql)
{
	sq_db *d = (sq_db *)db;
	return failed(d, sqlite3_exec(d->db, sql, NULL, NULL, NULL));
}

static int pragma_int(sq_db *d, const char *sql, long long *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(d->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return failed(d, rc);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return failed(d, rc);
}

/* The application id, schema version and table count, read in one transaction. */
static int sq_header(at_db *db, long long *app, long long *ver, long long *tables)
{
	sq_db *d = (sq_db *)db;
	int r = sq_exec(db, "SAVEPOINT header");
	if (!r)
		r = pragma_int(d, "PRAGMA application_id", app);
	if (!r)
		r = pragma_int(d, "PRAGMA user_version", ver);
	if (!r)
		r = pragma_int(d, "SELECT count(*) FROM sqlite_schema", tables);
	sqlite3_exec(d->db, "RELEASE header", NULL, NULL, NULL);
	return r;
}

static int sq_set_header(at_db *db, long long app, long long ver)
{
	/* PRAGMAs take no parameters: both numbers are this program's constants */
	char sql[96];
	snprintf(sql, sizeof(sql), "PRAGMA application_id = %lld; PRAGMA user_version = %lld",
		 app, ver);
	return sq_exec(db, sql);
}

static int sq_begin(at_db *db, int schema)
{
	(void)schema; /* the write lock covers the schema too */
	return sq_exec(db, "BEGIN IMMEDIATE");
}

static int sq_commit(at_db *db) { return sq_exec(db, "COMMIT"); }

static void sq_rollback(at_db *db)
{
	sqlite3_exec(((sq_db *)db)->db, "ROLLBACK", NULL, NULL, NULL);
}

static int sq_open(at_db **out, const char *path, int readonly, int *code, char *err,
		   size_t errlen)
{
	*out = NULL;
	struct stat st;
	int exists = stat(path, &st) == 0;
	*code = AT_EIO;
	if (exists && S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "is a directory, not a database file");
		return -1;
	}
	if (!exists && readonly) {
		snprintf(err, errlen, "no such database (create it with `aidtrace ingest --db %s`)",
			 path);
		return -1;
	}
	sq_db *d = calloc(1, sizeof(*d));
	if (!d) {
		*code = AT_ENOMEM;
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	d->readonly = readonly;
	int oflags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	int rc = sqlite3_open_v2(path, &d->db, oflags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		if (rc == SQLITE_CANTOPEN) {
			snprintf(err, errlen, "cannot open: %s",
				 errno ? strerror(errno) : sqlite3_errstr(rc));
		} else {
			char m[400];
			failed(d, rc);
			*code = sq_error((at_db *)d, m, sizeof(m));
			snprintf(err, errlen, "opening: %s", m);
		}
		sqlite3_close(d->db);
		free(d);
		return -1;
	}
	sqlite3_extended_result_codes(d->db, 1);
	sqlite3_busy_timeout(d->db, BUSY_TIMEOUT_MS);
	*out = (at_db *)d;
	return 0;
}

/* After the schema check: the journal, the cache, read-only for queries. */
static int sq_setup(at_db *db)
{
	sq_db *d = (sq_db *)db;
	if (d->readonly)
		return sq_exec(db, "PRAGMA query_only = ON");
	/* a small page cache: the process stays small however big the file */
	return sq_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
			   " PRAGMA cache_size = -8192; PRAGMA foreign_keys = ON;");
}

static void sq_close(at_db *db)
{
	sq_db *d = (sq_db *)db;
	if (!d)
		return;
	sqlite3_close(d->db);
	free(d);
}

static void sq_wait(at_db *db, int seconds)
{
	sqlite3_busy_timeout(((sq_db *)db)->db, seconds > 0 ? seconds * 1000 : 0);
}

static int sq_prepare(at_db *db, const char *sql, int persist, at_stmt **out)
{
	sq_db *d = (sq_db *)db;
	sq_stmt *s = calloc(1, sizeof(*s));
	*out = NULL;
	if (!s)
		return failed(d, SQLITE_NOMEM);
	s->db = d;
	int rc = sqlite3_prepare_v3(d->db, sql, -1, persist ? SQLITE_PREPARE_PERSISTENT : 0,
				    &s->st, NULL);
	if (rc != SQLITE_OK) {
		free(s);
		return failed(d, rc);
	}
	*out = (at_stmt *)s;
	return 0;
}

static void sq_bind_text(at_stmt *st, int i, const char *v, size_t n)
{
	sqlite3_bind_text(((sq_stmt *)st)->st, i, v, n == (size_t)-1 ? -1 : (int)n,
			  SQLITE_TRANSIENT);
}

static void sq_bind_int64(at_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(((sq_stmt *)st)->st, i, v);
}

static void sq_bind_null(at_stmt *st, int i) { sqlite3_bind_null(((sq_stmt *)st)->st, i); }

static int sq_step(at_stmt *st)
{
	sq_stmt *s = (sq_stmt *)st;
	int rc = sqlite3_step(s->st);
	if (rc == SQLITE_ROW)
		return AT_STEP_ROW;
	if (rc == SQLITE_DONE)
		return AT_STEP_DONE;
	failed(s->db, rc);
	return -1;
}

static const char *sq_text(at_stmt *st, int col, size_t *len)
{
	sqlite3_stmt *q = ((sq_stmt *)st)->st;
	const char *t = (const char *)sqlite3_column_text(q, col);
	if (len)
		*len = t ? (size_t)sqlite3_column_bytes(q, col) : 0;
	return t;
}

static int64_t sq_int64(at_stmt *st, int col)
{
	return sqlite3_column_int64(((sq_stmt *)st)->st, col);
}

static void sq_reset(at_stmt *st)
{
	sqlite3_reset(((sq_stmt *)st)->st);
	sqlite3_clear_bindings(((sq_stmt *)st)->st);
}

static void sq_finalize(at_stmt *st)
{
	if (!st)
		return;
	sqlite3_finalize(((sq_stmt *)st)->st);
	free(st);
}

static int sq_can_write(at_db *db, char *msg, size_t n)
{
	(void)db; /* opened read-write: the file's permissions allowed it */
	(void)msg;
	(void)n;
	return 0;
}

const at_backend at_backend_sqlite = {
	.name = "SQLite",
	.dialect = 0,
	.open = sq_open,
	.setup = sq_setup,
	.close = sq_close,
	.wait = sq_wait,
	.header = sq_header,
	.set_header = sq_set_header,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.exec = sq_exec,
	.prepare = sq_prepare,
	.bind_text = sq_bind_text,
	.bind_int64 = sq_bind_int64,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.text = sq_text,
	.int64 = sq_int64,
	.reset = sq_reset,
	.finalize = sq_finalize,
	.error = sq_error,
	.can_write = sq_can_write,
};
