/* SPDX-License-Identifier: MIT */
/*
 * seen.h — what `aidtrace watch` has met, kept in the ledger's database so
 * that a restart never fetches a page twice (schema version 2, store.h).
 *
 * | table      | one row per                    | columns                          |
 * |------------|--------------------------------|----------------------------------|
 * | seen_pages | item URL met in a feed         | url PRIMARY KEY, item_date (the  |
 * |            |                                | feed's date for it), digest      |
 * |            |                                | (sha1 base32 of the payload),    |
 * |            |                                | etag, last_modified, status      |
 * |            |                                | (last HTTP status; 0 no answer), |
 * |            |                                | error, tries, first_seen,        |
 * |            |                                | fetched, archive, record_off     |
 * | seen_feeds | feed URL polled                | url PRIMARY KEY, etag,           |
 * |            |                                | last_modified, status, fetched   |
 * | seen_robots| site (scheme://host:port)      | origin PRIMARY KEY, status, body |
 * |            |                                | (robots.txt in hex), fetched     |
 * |            |                                | (Unix seconds)                   |
 *
 * The tables live in SQLite or PostgreSQL alike: seen.c goes through the
 * store's backend (backend.h), with the same statements for both.
 * A put runs in the store's current batch when one is open (so a page's row
 * commits with its document), else on its own.
 */
#ifndef AT_STORE_SEEN_H
#define AT_STORE_SEEN_H

#include <stdint.h>

#include "aidtrace.h"

/* Schema version 2's seen tables, in each engine's dialect (store.c appends
 * them to the migration). robots.txt bodies are kept as hex text, so that
 * any bytes fit both engines' text columns. */
#define AT_SEEN_SCHEMA_SQLITE                                                      \
	"CREATE TABLE seen_pages ("                                                \
	"  url TEXT PRIMARY KEY,"                                                  \
	"  item_date TEXT, digest TEXT, etag TEXT, last_modified TEXT,"            \
	"  status INTEGER NOT NULL, error TEXT, tries INTEGER NOT NULL DEFAULT 0," \
	"  first_seen TEXT NOT NULL, fetched TEXT,"                                \
	"  archive TEXT, record_off INTEGER) WITHOUT ROWID;"                       \
	"CREATE TABLE seen_feeds ("                                                \
	"  url TEXT PRIMARY KEY,"                                                  \
	"  etag TEXT, last_modified TEXT, status INTEGER NOT NULL, fetched TEXT)"  \
	"  WITHOUT ROWID;"                                                         \
	"CREATE TABLE seen_robots ("                                               \
	"  origin TEXT PRIMARY KEY, status INTEGER NOT NULL, body TEXT NOT NULL,"  \
	"  fetched INTEGER NOT NULL) WITHOUT ROWID;"
#define AT_SEEN_SCHEMA_PG                                                          \
	"CREATE TABLE seen_pages ("                                                \
	"  url TEXT COLLATE \"C\" PRIMARY KEY,"                                    \
	"  item_date TEXT, digest TEXT, etag TEXT, last_modified TEXT,"            \
	"  status INTEGER NOT NULL, error TEXT, tries INTEGER NOT NULL DEFAULT 0," \
	"  first_seen TEXT NOT NULL, fetched TEXT,"                                \
	"  archive TEXT, record_off BIGINT);"                                      \
	"CREATE TABLE seen_feeds ("                                                \
	"  url TEXT COLLATE \"C\" PRIMARY KEY,"                                    \
	"  etag TEXT, last_modified TEXT, status INTEGER NOT NULL, fetched TEXT);" \
	"CREATE TABLE seen_robots ("                                               \
	"  origin TEXT COLLATE \"C\" PRIMARY KEY, status INTEGER NOT NULL,"        \
	"  body TEXT NOT NULL, fetched BIGINT NOT NULL);"

typedef struct at_seen_page {
	char item_date[64]; /* the feed's date for the item when last fetched */
	char digest[40];    /* "sha1:..." of the page's payload, or "" */
	char etag[256], last_modified[64];
	int status;         /* last HTTP status; 0: no answer */
	int tries;          /* failed attempts since the last page stored */
	char archive[1024]; /* where the page is kept, or "" */
	int64_t record_off;
	char fetched[24]; /* when it was last fetched (UTC), or "" */
} at_seen_page;

typedef struct at_seen_feed {
	char etag[256], last_modified[64];
	int status;
	char fetched[24];
} at_seen_feed;

/* 1 found (*p filled), 0 not met yet, <0 an AT_E* code with err. */
int at_seen_page_get(at_store *s, const char *url, at_seen_page *p, char *err, size_t errlen);
/* Insert or replace the row of url (first_seen is kept); `error` may be NULL. */
int at_seen_page_put(at_store *s, const char *url, const at_seen_page *p, const char *error,
		     char *err, size_t errlen);
int at_seen_feed_get(at_store *s, const char *url, at_seen_feed *f, char *err, size_t errlen);
int at_seen_feed_put(at_store *s, const char *url, const at_seen_feed *f, char *err,
		     size_t errlen);
/* The robots.txt of origin kept since `since` (Unix seconds): 1 found with
 * *status and a malloc'd *body (*len bytes), 0 none, <0 error. */
int at_seen_robots_get(at_store *s, const char *origin, long long since, int *status,
		       char **body, size_t *len, char *err, size_t errlen);
int at_seen_robots_put(at_store *s, const char *origin, int status, const char *body,
		       size_t len, char *err, size_t errlen);
/* Rows of seen_pages (all, and those with a page stored) and of seen_feeds. */
int at_seen_counts(at_store *s, long long *pages, long long *stored, long long *feeds);
/* The current time as "YYYY-MM-DDThh:mm:ssZ". */
void at_seen_now(char out[24]);

#endif
