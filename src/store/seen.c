/* SPDX-License-Identifier: MIT */
/*
 * seen.c — the watcher's seen state in the ledger's database (see seen.h).
 * Kept apart from store.c: it needs only the store's backend (backend.h),
 * its connection and its batch, so the same statements serve SQLite and
 * PostgreSQL (numbered parameters, every value bound; the upserts are the
 * ON CONFLICT form both engines share).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "backend.h"
#include "seen.h"
#include "store.h"
#include "../util/utf8.h"

void at_seen_now(char out[24])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* A prepared statement on the store's connection (not kept: the watcher runs
 * these a few times per page, beside a fetch that takes far longer). */
typedef struct q {
	const at_backend *be;
	at_db *db;
	at_stmt *st;
} q;

static int prep(at_store *s, q *x, const char *sql, char *err, size_t errlen, const char *what)
{
	x->be = at__store_backend(s, &x->db);
	x->st = NULL;
	if (x->be->prepare(x->db, sql, 0, &x->st))
		return at__store_fail(s, err, errlen, what);
	return 0;
}

/* Run to its end; 0, or the backend's failure. */
static int done(at_store *s, q *x, char *err, size_t errlen, const char *what)
{
	int rc;
	while ((rc = x->be->step(x->st)) == AT_STEP_ROW)
		;
	int r = rc < 0 ? at__store_fail(s, err, errlen, what) : 0;
	x->be->finalize(x->st);
	return r;
}

/* Text that both engines keep as it is (valid UTF-8, no NUL), else NULL:
 * a header value in another charset is dropped rather than mangled. */
static void bind_opt(q *x, int i, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n && at_utf8_check(s, n) == n)
		x->be->bind_text(x->st, i, s, n);
	else
		x->be->bind_null(x->st, i);
}

static void col(q *x, int i, char *out, size_t n)
{
	const char *t = x->be->text(x->st, i, NULL);
	snprintf(out, n, "%s", t ? t : "");
}

int at_seen_page_get(at_store *s, const char *url, at_seen_page *p, char *err, size_t errlen)
{
	static const char what[] = "reading the seen pages";
	memset(p, 0, sizeof(*p));
	q x;
	int r = prep(s, &x,
		 "SELECT item_date, digest, etag, last_modified, status, tries,"
		 " archive, record_off, fetched FROM seen_pages WHERE url = ?1",
		 err, errlen, what);
	if (r)
		return r;
	x.be->bind_text(x.st, 1, url, (size_t)-1);
	int rc = x.be->step(x.st);
	int found = rc == AT_STEP_ROW;
	if (found) {
		col(&x, 0, p->item_date, sizeof(p->item_date));
		col(&x, 1, p->digest, sizeof(p->digest));
		col(&x, 2, p->etag, sizeof(p->etag));
		col(&x, 3, p->last_modified, sizeof(p->last_modified));
		p->status = (int)x.be->int64(x.st, 4);
		p->tries = (int)x.be->int64(x.st, 5);
		col(&x, 6, p->archive, sizeof(p->archive));
		p->record_off = x.be->int64(x.st, 7);
		col(&x, 8, p->fetched, sizeof(p->fetched));
	}
	r = rc < 0 ? at__store_fail(s, err, errlen, what) : found;
	x.be->finalize(x.st);
	return r;
}

int at_seen_page_put(at_store *s, const char *url, const at_seen_page *p, const char *error,
		     char *err, size_t errlen)
{
	static const char what[] = "writing the seen pages";
	char now[24];
	at_seen_now(now);
	q x;
	int r = prep(s, &x,
		 "INSERT INTO seen_pages (url, item_date, digest, etag, last_modified, status,"
		 " error, tries, first_seen, fetched, archive, record_off)"
		 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
		 " ON CONFLICT (url) DO UPDATE SET item_date = ?2, digest = ?3, etag = ?4,"
		 " last_modified = ?5, status = ?6, error = ?7, tries = ?8, fetched = ?10,"
		 " archive = ?11, record_off = ?12",
		 err, errlen, what);
	if (r)
		return r;
	x.be->bind_text(x.st, 1, url, (size_t)-1);
	bind_opt(&x, 2, p->item_date);
	bind_opt(&x, 3, p->digest);
	bind_opt(&x, 4, p->etag);
	bind_opt(&x, 5, p->last_modified);
	x.be->bind_int64(x.st, 6, p->status);
	bind_opt(&x, 7, error);
	x.be->bind_int64(x.st, 8, p->tries);
	x.be->bind_text(x.st, 9, now, (size_t)-1);
	bind_opt(&x, 10, p->fetched[0] ? p->fetched : now);
	bind_opt(&x, 11, p->archive);
	if (p->archive[0])
		x.be->bind_int64(x.st, 12, p->record_off);
	else
		x.be->bind_null(x.st, 12);
	return done(s, &x, err, errlen, what);
}

int at_seen_feed_get(at_store *s, const char *url, at_seen_feed *f, char *err, size_t errlen)
{
	static const char what[] = "reading the seen feeds";
	memset(f, 0, sizeof(*f));
	q x;
	int r = prep(s, &x,
		 "SELECT etag, last_modified, status, fetched FROM seen_feeds WHERE url = ?1",
		 err, errlen, what);
	if (r)
		return r;
	x.be->bind_text(x.st, 1, url, (size_t)-1);
	int rc = x.be->step(x.st);
	int found = rc == AT_STEP_ROW;
	if (found) {
		col(&x, 0, f->etag, sizeof(f->etag));
		col(&x, 1, f->last_modified, sizeof(f->last_modified));
		f->status = (int)x.be->int64(x.st, 2);
		col(&x, 3, f->fetched, sizeof(f->fetched));
	}
	r = rc < 0 ? at__store_fail(s, err, errlen, what) : found;
	x.be->finalize(x.st);
	return r;
}

int at_seen_feed_put(at_store *s, const char *url, const at_seen_feed *f, char *err,
		     size_t errlen)
{
	static const char what[] = "writing the seen feeds";
	char now[24];
	at_seen_now(now);
	q x;
	int r = prep(s, &x,
		 "INSERT INTO seen_feeds (url, etag, last_modified, status, fetched)"
		 " VALUES (?1, ?2, ?3, ?4, ?5)"
		 " ON CONFLICT (url) DO UPDATE SET etag = ?2, last_modified = ?3,"
		 " status = ?4, fetched = ?5",
		 err, errlen, what);
	if (r)
		return r;
	x.be->bind_text(x.st, 1, url, (size_t)-1);
	bind_opt(&x, 2, f->etag);
	bind_opt(&x, 3, f->last_modified);
	x.be->bind_int64(x.st, 4, f->status);
	x.be->bind_text(x.st, 5, f->fetched[0] ? f->fetched : now, (size_t)-1);
	return done(s, &x, err, errlen, what);
}

static int unhex(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int at_seen_robots_get(at_store *s, const char *origin, long long since, int *status,
		       char **body, size_t *len, char *err, size_t errlen)
{
	static const char what[] = "reading robots.txt";
	*body = NULL;
	*len = 0;
	q x;
	int r = prep(s, &x,
		 "SELECT status, body FROM seen_robots WHERE origin = ?1 AND fetched >= ?2", err,
		 errlen, what);
	if (r)
		return r;
	x.be->bind_text(x.st, 1, origin, (size_t)-1);
	x.be->bind_int64(x.st, 2, since);
	int rc = x.be->step(x.st);
	r = rc < 0 ? at__store_fail(s, err, errlen, what) : rc == AT_STEP_ROW;
	if (r == 1) {
		*status = (int)x.be->int64(x.st, 0);
		size_t hl = 0;
		const char *h = x.be->text(x.st, 1, &hl);
		size_t n = h ? hl / 2 : 0;
		if (!(*body = malloc(n + 1))) {
			r = AT_ENOMEM;
			snprintf(err, errlen, "%s: out of memory", what);
		} else {
			for (size_t i = 0; i < n; i++) {
				int hi = unhex(h[2 * i]), lo = unhex(h[2 * i + 1]);
				(*body)[i] = (char)(hi < 0 || lo < 0 ? ' ' : hi * 16 + lo);
			}
			(*body)[n] = '\0';
			*len = n;
		}
	}
	x.be->finalize(x.st);
	return r;
}

int at_seen_robots_put(at_store *s, const char *origin, int status, const char *body,
		       size_t len, char *err, size_t errlen)
{
	static const char what[] = "writing robots.txt";
	static const char digits[] = "0123456789abcdef";
	char *hex = malloc(2 * len + 1);
	if (!hex) {
		snprintf(err, errlen, "%s: out of memory", what);
		return AT_ENOMEM;
	}
	for (size_t i = 0; i < len; i++) {
		hex[2 * i] = digits[(unsigned char)body[i] >> 4];
		hex[2 * i + 1] = digits[(unsigned char)body[i] & 15];
	}
	hex[2 * len] = '\0';
	q x;
	int r = prep(s, &x,
		     "INSERT INTO seen_robots (origin, status, body, fetched)"
		     " VALUES (?1, ?2, ?3, ?4)"
		     " ON CONFLICT (origin) DO UPDATE SET status = ?2, body = ?3, fetched = ?4",
		     err, errlen, what);
	if (r) {
		free(hex);
		return r;
	}
	x.be->bind_text(x.st, 1, origin, (size_t)-1);
	x.be->bind_int64(x.st, 2, status);
	x.be->bind_text(x.st, 3, hex, 2 * len);
	x.be->bind_int64(x.st, 4, (long long)time(NULL));
	r = done(s, &x, err, errlen, what);
	free(hex);
	return r;
}

static long long count(at_store *s, const char *sql)
{
	q x;
	char err[8];
	long long n = -1;
	if (prep(s, &x, sql, err, sizeof(err), "counting"))
		return -1;
	if (x.be->step(x.st) == AT_STEP_ROW)
		n = x.be->int64(x.st, 0);
	x.be->finalize(x.st);
	return n;
}

int at_seen_counts(at_store *s, long long *pages, long long *stored, long long *feeds)
{
	*pages = count(s, "SELECT count(*) FROM seen_pages");
	*stored = count(s, "SELECT count(*) FROM seen_pages WHERE archive IS NOT NULL");
	*feeds = count(s, "SELECT count(*) FROM seen_feeds");
	return *pages < 0 || *stored < 0 || *feeds < 0 ? AT_EDB : 0;
}
