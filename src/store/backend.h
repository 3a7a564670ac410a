/* SPDX-License-Identifier: MIT */
/*
 * backend.h — the storage interface under at_store_* (store.c): one vtable
 * per database engine, SQLite (sqlite.c) and PostgreSQL (pg.c). store.c holds
 * everything that is not engine-specific: the schema's versions and the
 * migration of each (one entry per version, in each engine's dialect), the
 * SQL of every statement, the document and near-duplicate logic, and the one
 * merge path (src/merge does the clustering).
 *
 * Statements are written once, with numbered parameters (?1, ?2, ...); the
 * PostgreSQL backend rewrites them to $1, $2. Every value is bound, never
 * pasted into the SQL. A backend reports failure by a non-zero return and
 * keeps the last error for `error`, which maps it to an AT_E* code.
 *
 * Adding a table: append its CREATE statements as the next entry of
 * AT_MIGRATIONS in store.c (a SQLite and a PostgreSQL text) and raise
 * AT_SCHEMA_VERSION in store.h; open() migrates old databases forward.
 */
#ifndef AT_STORE_BACKEND_H
#define AT_STORE_BACKEND_H

#include <stddef.h>
#include <stdint.h>

enum { AT_STEP_ROW = 1, AT_STEP_DONE = 2 }; /* step(); < 0 is a failure */

typedef struct at_db at_db;     /* a connection, the backend's own struct */
typedef struct at_stmt at_stmt; /* a prepared statement, likewise */

typedef struct at_backend {
	const char *name; /* "SQLite", "PostgreSQL" */
	int dialect;      /* index into the dialect texts of AT_MIGRATIONS */
	/* Connect to `target` (a file path, a URI); readonly: no writes ever.
	 * A failure writes a message (without the target's name) into err. */
	int (*open)(at_db **out, const char *target, int readonly, int *code, char *err,
		    size_t errlen);
	/* After the schema has been checked (and migrated): session settings */
	int (*setup)(at_db *db);
	void (*close)(at_db *db);
	void (*wait)(at_db *db, int seconds); /* how long to wait for other writers */
	/* application id (0 when unmarked), schema version, and whether the
	 * database holds any tables at all */
	int (*header)(at_db *db, long long *app, long long *version, long long *tables);
	int (*set_header)(at_db *db, long long app, long long version); /* in a write txn */
	/* Write transactions: begin takes the engine's write lock (SQLite) or
	 * nothing (PostgreSQL: row locks and upserts); `schema` also serialises
	 * against other processes migrating the schema. */
	int (*begin)(at_db *db, int schema);
	int (*commit)(at_db *db);
	void (*rollback)(at_db *db);
	int (*exec)(at_db *db, const char *sql); /* DDL and the like: no values, no rows */
	/* `persist`: kept for the life of the connection and run often */
	int (*prepare)(at_db *db, const char *sql, int persist, at_stmt **out);
	void (*bind_text)(at_stmt *st, int i, const char *s, size_t n); /* i from 1 */
	void (*bind_int64)(at_stmt *st, int i, int64_t v);
	void (*bind_null)(at_stmt *st, int i);
	int (*step)(at_stmt *st); /* AT_STEP_ROW, AT_STEP_DONE or < 0 */
	/* a column of the current row (from 0); text: NULL for SQL NULL */
	const char *(*text)(at_stmt *st, int col, size_t *len);
	int64_t (*int64)(at_stmt *st, int col);
	void (*reset)(at_stmt *st); /* ready to bind and run again */
	void (*finalize)(at_stmt *st);
	/* The last failure: an AT_E* code and the engine's message. */
	int (*error)(at_db *db, char *msg, size_t n);
	/* May this connection write the ledger? 0 yes, else a message in msg */
	int (*can_write)(at_db *db, char *msg, size_t n);
} at_backend;

extern const at_backend at_backend_sqlite;
extern const at_backend at_backend_pg;

/* 1 when `target` names a PostgreSQL database (postgresql:// or postgres://). */
int at_store_is_pg(const char *target);

#endif
