/*
 * seen.c — the watcher's seen state in the ledger's database (see seen.h).
 * Kept apart from store.c: it only needs the SQLite handle and the batch.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "seen.h"
#include "store.h"

void at_seen_now(char out[24])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int db_err(at_store *s, int rc, char *err, size_t errlen, const char *what)
{
	if (err && errlen)
		snprintf(err, errlen, "%s: %s: %s", at__store_path(s), what,
			 sqlite3_errmsg(at__store_sqlite(s)));
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return AT_EBUSY;
	case SQLITE_FULL: return AT_EFULL;
	case SQLITE_NOMEM: return AT_ENOMEM;
	case SQLITE_IOERR: return AT_EIO;
	default: return AT_EDB;
	}
}

static void col(sqlite3_stmt *st, int i, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	snprintf(out, n, "%s", t ? (const char *)t : "");
}

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

int at_seen_page_get(at_store *s, const char *url, at_seen_page *p, char *err, size_t errlen)
{
	memset(p, 0, sizeof(*p));
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(
		at__store_sqlite(s),
		"SELECT item_date, digest, etag, last_modified, status, tries,"
		" archive, record_off, fetched FROM seen_pages WHERE url = ?1",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_err(s, rc, err, errlen, "reading the seen pages");
	sqlite3_bind_text(st, 1, url, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	int found = rc == SQLITE_ROW;
	if (found) {
		col(st, 0, p->item_date, sizeof(p->item_date));
		col(st, 1, p->digest, sizeof(p->digest));
		col(st, 2, p->etag, sizeof(p->etag));
		col(st, 3, p->last_modified, sizeof(p->last_modified));
		p->status = sqlite3_column_int(st, 4);
		p->tries = sqlite3_column_int(st, 5);
		col(st, 6, p->archive, sizeof(p->archive));
		p->record_off = sqlite3_column_int64(st, 7);
		col(st, 8, p->fetched, sizeof(p->fetched));
	}
	sqlite3_finalize(st);
	if (!found && rc != SQLITE_DONE)
		return db_err(s, rc, err, errlen, "reading the seen pages");
	return found;
}

int at_seen_page_put(at_store *s, const char *url, const at_seen_page *p, const char *error,
		     char *err, size_t errlen)
{
	char now[24];
	at_seen_now(now);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(
		at__store_sqlite(s),
		"INSERT INTO seen_pages (url, item_date, digest, etag, last_modified, status,"
		" error, tries, first_seen, fetched, archive, record_off)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
		" ON CONFLICT (url) DO UPDATE SET item_date = ?2, digest = ?3, etag = ?4,"
		" last_modified = ?5, status = ?6, error = ?7, tries = ?8, fetched = ?10,"
		" archive = ?11, record_off = ?12",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_err(s, rc, err, errlen, "writing the seen pages");
	sqlite3_bind_text(st, 1, url, -1, SQLITE_TRANSIENT);
	bind_opt(st, 2, p->item_date);
	bind_opt(st, 3, p->digest);
	bind_opt(st, 4, p->etag);
	bind_opt(st, 5, p->last_modified);
	sqlite3_bind_int(st, 6, p->status);
	bind_opt(st, 7, error);
	sqlite3_bind_int(st, 8, p->tries);
	sqlite3_bind_text(st, 9, now, -1, SQLITE_TRANSIENT);
	bind_opt(st, 10, p->fetched[0] ? p->fetched : now);
	bind_opt(st, 11, p->archive);
	if (p->archive[0])
		sqlite3_bind_int64(st, 12, p->record_off);
	else
		sqlite3_bind_null(st, 12);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_err(s, rc, err, errlen, "writing the seen pages");
}

int at_seen_feed_get(at_store *s, const char *url, at_seen_feed *f, char *err, size_t errlen)
{
	memset(f, 0, sizeof(*f));
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(
		at__store_sqlite(s),
		"SELECT etag, last_modified, status, fetched FROM seen_feeds WHERE url = ?1",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_err(s, rc, err, errlen, "reading the seen feeds");
	sqlite3_bind_text(st, 1, url, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	int found = rc == SQLITE_ROW;
	if (found) {
		col(st, 0, f->etag, sizeof(f->etag));
		col(st, 1, f->last_modified, sizeof(f->last_modified));
		f->status = sqlite3_column_int(st, 2);
		col(st, 3, f->fetched, sizeof(f->fetched));
	}
	sqlite3_finalize(st);
	if (!found && rc != SQLITE_DONE)
		return db_err(s, rc, err, errlen, "reading the seen feeds");
	return found;
}

int at_seen_feed_put(at_store *s, const char *url, const at_seen_feed *f, char *err,
		     size_t errlen)
{
	char now[24];
	at_seen_now(now);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(
		at__store_sqlite(s),
		"INSERT OR REPLACE INTO seen_feeds (url, etag, last_modified,"
		" status, fetched) VALUES (?1, ?2, ?3, ?4, ?5)",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_err(s, rc, err, errlen, "writing the seen feeds");
	sqlite3_bind_text(st, 1, url, -1, SQLITE_TRANSIENT);
	bind_opt(st, 2, f->etag);
	bind_opt(st, 3, f->last_modified);
	sqlite3_bind_int(st, 4, f->status);
	sqlite3_bind_text(st, 5, f->fetched[0] ? f->fetched : now, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_err(s, rc, err, errlen, "writing the seen feeds");
}

int at_seen_robots_get(at_store *s, const char *origin, long long since, int *status,
		       char **body, size_t *len, char *err, size_t errlen)
{
	*body = NULL;
	*len = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(at__store_sqlite(s),
				    "SELECT status, body FROM seen_robots WHERE origin = ?1"
				    " AND fetched >= ?2",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_err(s, rc, err, errlen, "reading robots.txt");
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, since);
	rc = sqlite3_step(st);
	int found = rc == SQLITE_ROW;
	if (found) {
		*status = sqlite3_column_int(st, 0);
		size_t n = (size_t)sqlite3_column_bytes(st, 1);
		const void *b = sqlite3_column_blob(st, 1);
		*body = malloc(n + 1);
		if (*body) {
			if (n)
				memcpy(*body, b, n);
			(*body)[n] = '\0';
			*len = n;
		} else {
			found = 0;
			rc = SQLITE_NOMEM;
		}
	}
	sqlite3_finalize(st);
	if (!found && rc != SQLITE_DONE)
		return db_err(s, rc, err, errlen, "reading robots.txt");
	return found;
}

int at_seen_robots_put(at_store *s, const char *origin, int status, const char *body,
		       size_t len, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(at__store_sqlite(s),
				    "INSERT OR REPLACE INTO seen_robots (origin, status, body,"
				    " fetched) VALUES (?1, ?2, ?3, ?4)",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_err(s, rc, err, errlen, "writing robots.txt");
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, status);
	sqlite3_bind_blob(st, 3, body ? body : "", (int)len, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, (long long)time(NULL));
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_err(s, rc, err, errlen, "writing robots.txt");
}

static long long count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	long long n = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return n;
}

int at_seen_counts(at_store *s, long long *pages, long long *stored, long long *feeds)
{
	sqlite3 *db = at__store_sqlite(s);
	*pages = count(db, "SELECT count(*) FROM seen_pages");
	*stored = count(db, "SELECT count(*) FROM seen_pages WHERE archive IS NOT NULL");
	*feeds = count(db, "SELECT count(*) FROM seen_feeds");
	return *pages < 0 || *stored < 0 || *feeds < 0 ? AT_EDB : 0;
}
