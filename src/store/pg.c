/* SPDX-License-Identifier: MIT */
/*
 * pg.c — the PostgreSQL backend of the store (backend.h), through libpq:
 * `--db postgresql://...` (or postgres://). Exports at_backend_pg.
 *
 * One connection per process, the server's default isolation (READ
 * COMMITTED). Statements are sent with the extended protocol, every value a
 * parameter in text form; results come one row at a time (single-row mode),
 * so listing a big ledger does not hold it in memory. The schema version
 * lives in the table aidtrace_schema (SQLite keeps it in the file header);
 * migrations run under a transaction-scoped advisory lock, so two ingesters
 * starting on an empty database do not both create the tables.
 */
#include <ctype.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aidtrace.h"
#include "backend.h"
#include "pq_dl.h"

#define SCHEMA_LOCK 0x41494454 /* "AIDT": the advisory lock of migrations */

typedef struct pg_db {
	PGconn *conn;
	int readonly;
	int code;       /* the last failure: AT_E* */
	char msg[512];  /* and its message */
	unsigned named; /* prepared statements so far (their names) */
} pg_db;

typedef struct pg_stmt {
	pg_db *db;
	char *sql;     /* rewritten to $1, $2 */
	char name[24]; /* a prepared statement's, or "" */
	int nparams;
	char **vals; /* bound values as text, NULL for SQL NULL */
	int *lens;
	int started, finished;
	PGresult *row; /* the current row (single-row mode) */
} pg_stmt;

/* ---- errors ------------------------------------------------------------ */

static void set_msg(pg_db *d, const char *m)
{
	snprintf(d->msg, sizeof(d->msg), "%s", m ? m : "unknown error");
	size_t n = strlen(d->msg);
	while (n && isspace((unsigned char)d->msg[n - 1]))
		d->msg[--n] = 0;
	char *o = d->msg; /* one line: libpq's hints come on lines of their own */
	for (const char *p = d->msg; *p; p++)
		if (!(isspace((unsigned char)*p) && o > d->msg && o[-1] == ' '))
			*o++ = isspace((unsigned char)*p) ? ' ' : *p;
	*o = 0;
}

/* Record a failed result (or the connection's error when res is NULL). */
static int failed(pg_db *d, const PGresult *res)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *m = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	set_msg(d, m ? m : PQerrorMessage(d->conn));
	d->code = AT_EDB;
	if (!state || PQstatus(d->conn) == CONNECTION_BAD)
		d->code = AT_EIO; /* the connection broke */
	else if (!strcmp(state, "40P01") || !strcmp(state, "40001") ||
		 !strcmp(state, "55P03") || !strcmp(state, "57014"))
		d->code = AT_EBUSY; /* deadlock, serialisation, lock_timeout */
	else if (!strcmp(state, "53100"))
		d->code = AT_EFULL;
	else if (!strncmp(state, "53", 2))
		d->code = AT_ENOMEM;
	return -1;
}

static int pg_error(at_db *db, char *msg, size_t n)
{
	pg_db *d = (pg_db *)db;
	snprintf(msg, n, "%s", d->msg);
	return d->code;
}

/* Run a result to completion: 0 when it is a success. */
static int check(pg_db *d, PGresult *res)
{
	ExecStatusType t = PQresultStatus(res);
	int r = 0;
	if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK)
		r = failed(d, res);
	PQclear(res);
	return r;
}

static void quiet(void *arg, const char *message)
{
	(void)arg; /* NOTICEs ("relation exists, skipping") are not for users */
	(void)message;
}

/* ---- connection ---------------------------------------------------------- */

static int pg_open(at_db **out, const char *uri, int readonly, int *code, char *err,
		   size_t errlen)
{
	*out = NULL;
	char why[256];
	if (at_pq_load(why, sizeof(why)) != 0) {
		*code = AT_EIO;
		snprintf(err, errlen, "cannot connect to PostgreSQL: %s", why);
		return -1;
	}
	pg_db *d = calloc(1, sizeof(*d));
	if (!d) {
		*code = AT_ENOMEM;
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	d->readonly = readonly;
	d->conn = PQconnectdb(uri);
	if (!d->conn || PQstatus(d->conn) != CONNECTION_OK) {
		if (d->conn)
			set_msg(d, PQerrorMessage(d->conn));
		else
			set_msg(d, "out of memory");
		*code = AT_EIO;
		snprintf(err, errlen, "cannot connect to PostgreSQL: %s", d->msg);
		PQfinish(d->conn);
		free(d);
		return -1;
	}
	PQsetNoticeProcessor(d->conn, quiet, NULL);
	if (PQsetClientEncoding(d->conn, "UTF8") != 0) {
		set_msg(d, PQerrorMessage(d->conn));
		*code = AT_EDB;
		snprintf(err, errlen, "setting the client encoding: %s", d->msg);
		PQfinish(d->conn);
		free(d);
		return -1;
	}
	*out = (at_db *)d;
	return 0;
}

static void pg_close(at_db *db)
{
	pg_db *d = (pg_db *)db;
	if (!d)
		return;
	PQfinish(d->conn);
	free(d);
}

static int pg_exec(at_db *db, const char *sql)
{
	pg_db *d = (pg_db *)db;
	return check(d, PQexec(d->conn, sql));
}

/* A one-off statement with text parameters. */
static int exec_params(pg_db *d, const char *sql, int n, const char *const *vals,
		       PGresult **keep)
{
	PGresult *res = PQexecParams(d->conn, sql, n, NULL, vals, NULL, NULL, 0);
	ExecStatusType t = PQresultStatus(res);
	if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK) {
		failed(d, res);
		PQclear(res);
		return -1;
	}
	if (keep)
		*keep = res;
	else
		PQclear(res);
	return 0;
}

static int set_config(pg_db *d, const char *name, const char *value)
{
	const char *v[2] = {name, value};
	return exec_params(d, "SELECT set_config($1, $2, false)", 2, v, NULL);
}

static int pg_setup(at_db *db)
{
	pg_db *d = (pg_db *)db;
	if (d->readonly)
		return set_config(d, "default_transaction_read_only", "on");
	/* plans for the values at hand: a generic plan made while the tables
	 * were small (no statistics yet) scans them whole when they are big */
	return set_config(d, "plan_cache_mode", "force_custom_plan");
}

static void pg_wait(at_db *db, int seconds)
{
	char v[32];
	snprintf(v, sizeof(v), "%ds", seconds > 0 ? seconds : 0);
	set_config((pg_db *)db, "lock_timeout", seconds > 0 ? v : "1ms");
}

static int pg_header(at_db *db, long long *app, long long *ver, long long *tables)
{
	pg_db *d = (pg_db *)db;
	PGresult *res = NULL;
	*app = *ver = *tables = 0;
	if (exec_params(d,
			"SELECT (SELECT count(*) FROM pg_catalog.pg_tables"
			"  WHERE schemaname = current_schema()),"
			" to_regclass('aidtrace_schema') IS NOT NULL",
			0, NULL, &res))
		return -1;
	*tables = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	int marked = PQgetvalue(res, 0, 1)[0] == 't';
	PQclear(res);
	if (!marked)
		return 0;
	if (exec_params(d, "SELECT application_id, version FROM aidtrace_schema", 0, NULL,
			&res))
		return -1;
	if (PQntuples(res) > 0) {
		*app = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		*ver = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	}
	PQclear(res);
	return 0;
}

static int pg_set_header(at_db *db, long long app, long long ver)
{
	pg_db *d = (pg_db *)db;
	char a[24], v[24];
	snprintf(a, sizeof(a), "%lld", app);
	snprintf(v, sizeof(v), "%lld", ver);
	const char *vals[2] = {a, v};
	if (pg_exec(db, "CREATE TABLE IF NOT EXISTS aidtrace_schema ("
			"  application_id BIGINT NOT NULL, version INTEGER NOT NULL);"
			"DELETE FROM aidtrace_schema"))
		return -1;
	return exec_params(d, "INSERT INTO aidtrace_schema VALUES ($1, $2)", 2, vals, NULL);
}

static int pg_begin(at_db *db, int schema)
{
	pg_db *d = (pg_db *)db;
	if (pg_exec(db, "BEGIN"))
		return -1;
	if (!schema)
		return 0;
	char k[24];
	snprintf(k, sizeof(k), "%d", SCHEMA_LOCK);
	const char *v[1] = {k};
	return exec_params(d, "SELECT pg_advisory_xact_lock($1)", 1, v, NULL);
}

static int pg_commit(at_db *db)
{
	pg_db *d = (pg_db *)db;
	PGresult *res = PQexec(d->conn, "COMMIT");
	if (PQresultStatus(res) == PGRES_COMMAND_OK && !strcmp(PQcmdStatus(res), "ROLLBACK")) {
		/* COMMIT of a failed transaction rolls it back */
		PQclear(res);
		d->code = AT_EDB;
		set_msg(d, "the transaction failed and was rolled back");
		return -1;
	}
	return check(d, res);
}

static void pg_rollback(at_db *db)
{
	pg_db *d = (pg_db *)db;
	PQclear(PQexec(d->conn, "ROLLBACK"));
}

static int pg_can_write(at_db *db, char *msg, size_t n)
{
	pg_db *d = (pg_db *)db;
	PGresult *res = NULL;
	if (exec_params(d,
			"SELECT current_user, t FROM unnest(ARRAY['documents', 'doc_events',"
			" 'events', 'event_sources', 'pending']) AS t"
			" WHERE NOT (has_table_privilege(t, 'INSERT')"
			" AND has_table_privilege(t, 'UPDATE')"
			" AND has_table_privilege(t, 'DELETE')) LIMIT 1",
			0, NULL, &res)) {
		snprintf(msg, n, "checking the role's privileges: %s", d->msg);
		return -1;
	}
	int r = 0;
	if (PQntuples(res) > 0) {
		snprintf(msg, n,
			 "the role %s may only read this ledger (no INSERT, UPDATE and DELETE on "
			 "table %s): ingest with a role that may write it; nothing was changed",
			 PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1));
		r = -1;
	}
	PQclear(res);
	return r;
}

/* ---- statements ---------------------------------------------------------- */

/* ?N to $N (the statements hold no string literal with a '?'). */
static char *rewrite(const char *sql, int *nparams)
{
	char *out = malloc(strlen(sql) + 1);
	if (!out)
		return NULL;
	char *o = out;
	int max = 0;
	for (const char *p = sql; *p; p++) {
		if (*p == '?' && isdigit((unsigned char)p[1])) {
			*o++ = '$';
			int v = (int)strtol(p + 1, NULL, 10);
			if (v > max)
				max = v;
		} else {
			*o++ = *p;
		}
	}
	*o = 0;
	*nparams = max;
	return out;
}

static void free_vals(pg_stmt *s)
{
	for (int i = 0; i < s->nparams; i++) {
		free(s->vals[i]);
		s->vals[i] = NULL;
	}
}

static void pg_finalize(at_stmt *st);

static int pg_prepare(at_db *db, const char *sql, int persist, at_stmt **out)
{
	pg_db *d = (pg_db *)db;
	*out = NULL;
	pg_stmt *s = calloc(1, sizeof(*s));
	if (!s || !(s->sql = rewrite(sql, &s->nparams))) {
		free(s);
		d->code = AT_ENOMEM;
		set_msg(d, "out of memory");
		return -1;
	}
	s->db = d;
	s->vals = calloc((size_t)s->nparams + 1, sizeof(*s->vals));
	s->lens = calloc((size_t)s->nparams + 1, sizeof(*s->lens));
	if (!s->vals || !s->lens) {
		pg_finalize((at_stmt *)s);
		d->code = AT_ENOMEM;
		set_msg(d, "out of memory");
		return -1;
	}
	if (persist) {
		snprintf(s->name, sizeof(s->name), "at_%u", d->named++);
		if (check(d, PQprepare(d->conn, s->name, s->sql, s->nparams, NULL))) {
			s->name[0] = 0;
			pg_finalize((at_stmt *)s);
			return -1;
		}
	}
	*out = (at_stmt *)s;
	return 0;
}

static void bind(at_stmt *st, int i, const char *v, size_t n)
{
	pg_stmt *s = (pg_stmt *)st;
	if (i < 1 || i > s->nparams)
		return;
	free(s->vals[i - 1]);
	s->vals[i - 1] = NULL;
	if (!v)
		return;
	char *c = malloc(n + 1);
	if (c) {
		memcpy(c, v, n);
		c[n] = 0;
	}
	s->vals[i - 1] = c;
	s->lens[i - 1] = (int)n;
}

static void pg_bind_text(at_stmt *st, int i, const char *v, size_t n)
{
	bind(st, i, v, n == (size_t)-1 ? strlen(v) : n);
}

static void pg_bind_int64(at_stmt *st, int i, int64_t v)
{
	char b[24];
	int n = snprintf(b, sizeof(b), "%lld", (long long)v);
	bind(st, i, b, (size_t)n);
}

static void pg_bind_null(at_stmt *st, int i) { bind(st, i, NULL, 0); }

/* Read what is left of a result, so that the connection is ready again. */
static void drain(pg_stmt *s)
{
	PGresult *res;
	PQclear(s->row);
	s->row = NULL;
	if (s->started && !s->finished)
		while ((res = PQgetResult(s->db->conn)))
			PQclear(res);
	s->finished = 1;
}

static int pg_step(at_stmt *st)
{
	pg_stmt *s = (pg_stmt *)st;
	pg_db *d = s->db;
	PQclear(s->row);
	s->row = NULL;
	if (s->finished)
		return AT_STEP_DONE;
	if (!s->started) {
		const char *const *vals = (const char *const *)s->vals;
		int ok = s->name[0] ? PQsendQueryPrepared(d->conn, s->name, s->nparams, vals,
							  s->lens, NULL, 0)
				    : PQsendQueryParams(d->conn, s->sql, s->nparams, NULL, vals,
							s->lens, NULL, 0);
		if (!ok) {
			s->finished = 1;
			return failed(d, NULL);
		}
		s->started = 1;
		PQsetSingleRowMode(d->conn);
	}
	PGresult *res = PQgetResult(d->conn);
	switch (PQresultStatus(res)) {
	case PGRES_SINGLE_TUPLE: s->row = res; return AT_STEP_ROW;
	case PGRES_TUPLES_OK:
	case PGRES_COMMAND_OK:
		PQclear(res);
		drain(s);
		return AT_STEP_DONE;
	default:
		failed(d, res);
		PQclear(res);
		drain(s);
		return -1;
	}
}

static const char *pg_text(at_stmt *st, int col, size_t *len)
{
	pg_stmt *s = (pg_stmt *)st;
	if (len)
		*len = 0;
	if (!s->row || col >= PQnfields(s->row) || PQgetisnull(s->row, 0, col))
		return NULL;
	if (len)
		*len = (size_t)PQgetlength(s->row, 0, col);
	return PQgetvalue(s->row, 0, col);
}

static int64_t pg_col_int64(at_stmt *st, int col)
{
	const char *t = pg_text(st, col, NULL);
	return t ? (int64_t)strtoll(t, NULL, 10) : 0;
}

static void pg_reset(at_stmt *st)
{
	pg_stmt *s = (pg_stmt *)st;
	drain(s);
	free_vals(s);
	s->started = s->finished = 0;
}

static void pg_finalize(at_stmt *st)
{
	pg_stmt *s = (pg_stmt *)st;
	if (!s)
		return;
	if (s->vals) {
		drain(s);
		free_vals(s);
	}
	/* named statements live as long as the connection */
	free(s->vals);
	free(s->lens);
	free(s->sql);
	free(s);
}

const at_backend at_backend_pg = {
	.name = "PostgreSQL",
	.dialect = 1,
	.open = pg_open,
	.setup = pg_setup,
	.close = pg_close,
	.wait = pg_wait,
	.header = pg_header,
	.set_header = pg_set_header,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.exec = pg_exec,
	.prepare = pg_prepare,
	.bind_text = pg_bind_text,
	.bind_int64 = pg_bind_int64,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.text = pg_text,
	.int64 = pg_col_int64,
	.reset = pg_reset,
	.finalize = pg_finalize,
	.error = pg_error,
	.can_write = pg_can_write,
};
