/* SPDX-License-Identifier: MIT */
/*
 * watch.c — one pass of `aidtrace watch`:
 *
 *   feeds file ──▶ for each feed: robots.txt ──▶ conditional GET ──▶ WARC
 *        ──▶ RSS/Atom items ──▶ for each item not met (or whose feed date
 *        changed): robots.txt ──▶ GET (redirects followed hop by hop, each
 *        hop archived and checked against robots.txt) ──▶ WARC request +
 *        response records, synced ──▶ the response record read back through
 *        the WARC reader (src/ingest/warc.c, at its offset) ──▶ extraction
 *        ──▶ at_store_put + the seen row, one commit per page
 *   end of pass ──▶ at_store_merge (the ledger)
 *
 * So the document stored is the archived one: its source is the WARC file
 * and its record_off the response record's offset. A page is committed with
 * its seen row after its records are on the disk: a watcher killed at any
 * moment loses at most the page in hand, and a restart fetches nothing it
 * has stored. A feed's ETag and Last-Modified are saved only after all of its
 * items were handled, so an interrupted pass does not hide items behind a
 * 304 the next time.
 *
 * Errors with one URL (no answer, timeout, an HTTP error status, a page that
 * is not HTML or is too large, a broken feed, robots.txt forbidding it) give
 * one diagnostic naming the URL and the pass goes on. A page that failed for
 * a passing reason (no answer, 408, 429, 5xx) is tried again in later passes,
 * up to max_tries; other failures are not tried again until the feed gives
 * the item a new date.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "aidtrace.h"
#include "watch_int.h"
#include "../archive/warc_writer.h"
#include "../ingest/ingest_int.h"
#include "../store/seen.h"
#include "../store/store.h"

#define ROBOTS_TTL (24 * 3600)    /* robots.txt kept a day */
#define ROBOTS_MAX (512u * 1024u) /* bytes of robots.txt read (RFC 9309: 500 KiB) */
#define USER_AGENT "aidtrace/" AT_VERSION " (news archiver; obeys robots.txt)"

typedef struct robots_entry {
	char origin[256];
	at_robots *r;
	double until; /* monotonic time it is good until */
} robots_entry;

struct at_watch {
	const at_ctx *ctx;
	at_store *st;
	at_watch_opts o;
	at_http *http;
	at_warcw *arc;
	at_worker *worker;
	robots_entry *rob;
	size_t nrob, caprob;
	at_watch_stats *s;
	int retry; /* an item of the current feed is to be tried again */
};

static double mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int stopped(const at_watch *w) { return w->o.stop && *w->o.stop; }

static void diag(at_watch *w, const char *url, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void diag(at_watch *w, const char *url, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	w->s->errors++;
	if (w->o.diag)
		w->o.diag(w->o.user, url, msg);
}

int at_watch_new(at_watch **out, const at_ctx *ctx, at_store *st, const at_watch_opts *o,
		 char *err, size_t errlen)
{
	*out = NULL;
	at_watch *w = calloc(1, sizeof(*w));
	if (!w) {
		snprintf(err, errlen, "out of memory");
		return AT_ENOMEM;
	}
	w->ctx = ctx;
	w->st = st;
	w->o = *o;
	if (!w->o.timeout_ms)
		w->o.timeout_ms = 30000;
	if (!w->o.max_bytes)
		w->o.max_bytes = AT_MAX_DOC_BYTES;
	if (!w->o.max_redirects)
		w->o.max_redirects = 5;
	if (!w->o.max_tries)
		w->o.max_tries = 3;
	at_http_opts ho = {USER_AGENT, w->o.delay, w->o.timeout_ms, w->o.max_bytes, o->stop};
	at_warcw_opts ao = {.dir = o->archive,
			    .max_bytes = o->archive_max,
			    .software = "aidtrace/" AT_VERSION,
			    .user_agent = USER_AGENT,
			    .robots = "obey"};
	int rc = at_http_new(&w->http, &ho);
	if (rc) {
		if (at_http_load(err, errlen) == 0) /* else: why libcurl did not load */
			snprintf(err, errlen, "out of memory (HTTP client)");
		at_watch_free(w);
		return rc;
	}
	if ((rc = at_warcw_open(&w->arc, &ao, err, errlen))) {
		at_watch_free(w);
		return rc;
	}
	if ((rc = at_worker_new(&w->worker, ctx))) {
		snprintf(err, errlen, "out of memory");
		at_watch_free(w);
		return rc;
	}
	*out = w;
	return 0;
}

void at_watch_free(at_watch *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->nrob; i++)
		at_robots_free(w->rob[i].r);
	free(w->rob);
	at_http_free(w->http);
	at_warcw_close(w->arc);
	at_worker_free(w->worker);
	free(w);
}

/* ---- robots.txt ----------------------------------------------------------- */

/* The rules for origin: from this process's cache, the database (a day), or
 * fetched (not archived: it is no page). NULL when out of memory. */
static const at_robots *robots_for(at_watch *w, const char *origin, char *why, size_t whylen)
{
	robots_entry *e = NULL;
	for (size_t i = 0; i < w->nrob; i++)
		if (!strcmp(w->rob[i].origin, origin)) {
			if (mono() < w->rob[i].until)
				return w->rob[i].r;
			e = &w->rob[i]; /* too old: read again */
			at_robots_free(e->r);
			e->r = NULL;
		}
	why[0] = '\0';
	char err[512];
	int status = 0;
	char *body = NULL;
	size_t len = 0;
	int found = at_seen_robots_get(w->st, origin, (long long)time(NULL) - ROBOTS_TTL,
				       &status, &body, &len, err, sizeof(err));
	if (found <= 0) {
		char url[512];
		snprintf(url, sizeof(url), "%s/robots.txt", origin);
		char *cur = strdup(url);
		at_http_resp r;
		memset(&r, 0, sizeof(r));
		for (int hop = 0; cur && hop <= 5; hop++) {
			int rc = at_http_get(w->http, cur, NULL, NULL, &r, err, sizeof(err));
			w->s->requests++;
			if (rc == AT_EINVAL && stopped(w)) {
				free(cur);
				at_http_resp_free(&r);
				snprintf(why, whylen, "interrupted");
				return NULL;
			}
			status = rc == 0 ? (int)r.status : 0;
			if (rc == AT_ETOOBIG) /* the first 512 KB are read, as the RFC allows */
				status = 200;
			if ((status == 301 || status == 302 || status == 303 || status == 307 ||
			     status == 308) &&
			    r.location[0] && hop < 5) {
				char *next = at_http_resolve(cur, r.location);
				free(cur);
				cur = next;
				at_http_resp_free(&r);
				continue;
			}
			if (status == 0)
				if (snprintf(why, whylen, "robots.txt of %s: %s", origin, err) <
				    0)
					why[0] = '\0';
			break;
		}
		free(cur);
		if (status >= 200 && status < 300)
			body = at_http_decoded(&r, ROBOTS_MAX, &len);
		at_http_resp_free(&r);
		if (status >= 200 && status < 300 && !body)
			status = 500; /* undecodable: as unreachable */
		/* kept a day when it answered; unreachable ones are asked again
		 * next pass */
		if (status >= 200 && status < 500)
			at_seen_robots_put(w->st, origin, status, body, len, err, sizeof(err));
	}
	at_robots *rules = status >= 200 && status < 300
				   ? at_robots_parse(body, len, "aidtrace")
			   : status >= 400 && status < 500 ? at_robots_all(0) /* no rules */
							   : at_robots_all(1);
	free(body);
	if (!rules)
		return NULL;
	if (status == 0 || status >= 500)
		snprintf(why + strlen(why), whylen - strlen(why),
			 "%srobots.txt of %s unreachable", why[0] ? "; " : "", origin);
	if (at_robots_delay(rules) > w->o.delay)
		at_http_host_delay(w->http, origin, at_robots_delay(rules));
	if (!e && w->nrob == w->caprob) {
		size_t cap = w->caprob ? w->caprob * 2 : 8;
		robots_entry *p = realloc(w->rob, cap * sizeof(*p));
		if (!p) {
			at_robots_free(rules);
			return NULL;
		}
		w->rob = p;
		w->caprob = cap;
	}
	if (!e)
		e = &w->rob[w->nrob++];
	snprintf(e->origin, sizeof(e->origin), "%s", origin);
	e->r = rules;
	/* an unreachable robots.txt is asked again after a minute */
	e->until = mono() + (status == 0 || status >= 500 ? 60 : ROBOTS_TTL);
	return rules;
}

/* 1 when robots.txt lets us fetch url; 0 with the reason in why. */
static int allowed(at_watch *w, const char *url, char *why, size_t whylen)
{
	char origin[256], path[4096];
	if (at_http_origin(url, origin, sizeof(origin)) ||
	    at_http_path(url, path, sizeof(path))) {
		snprintf(why, whylen, "not an http(s) URL");
		return 0;
	}
	char reason[600] = "";
	const at_robots *r = robots_for(w, origin, reason, sizeof(reason));
	if (!r) {
		snprintf(why, whylen, "%s", reason[0] ? reason : "out of memory");
		return 0;
	}
	if (at_robots_allowed(r, path))
		return 1;
	if (reason[0])
		snprintf(why, whylen, "%s: not fetched", reason);
	else
		snprintf(why, whylen, "robots.txt of %s forbids it: not fetched", origin);
	return 0;
}

/* ---- fetching and archiving ---------------------------------------------- */

typedef struct fetched {
	at_http_resp r;  /* the last hop's answer */
	char *url;       /* its URL */
	char file[1024]; /* the archive file of its response record */
	uint64_t off;    /* the record's offset */
	int archived;
} fetched;

static void fetched_free(fetched *f)
{
	at_http_resp_free(&f->r);
	free(f->url);
	memset(f, 0, sizeof(*f));
}

/* Write a response and its request to the archive. */
static int archive(at_watch *w, const char *url, fetched *f, char *err, size_t errlen)
{
	at_http_resp *r = &f->r;
	/* the block is the response as received: headers, then the body */
	size_t n = r->head.len + r->body.len;
	char *block = malloc(n + 1);
	if (!block) {
		snprintf(err, errlen, "out of memory");
		return AT_ENOMEM;
	}
	if (r->head.len)
		memcpy(block, r->head.data, r->head.len);
	if (r->body.len)
		memcpy(block + r->head.len, r->body.data, r->body.len);
	char id[AT_WARC_ID_LEN];
	const char *file;
	uint64_t before = at_warcw_bytes(w->arc);
	at_warcw_rec rec = {.type = "response",
			    .uri = url,
			    .content_type = "application/http;msgtype=response",
			    .block = block,
			    .len = n,
			    .payload_off = r->head.len,
			    .ip = r->ip[0] ? r->ip : NULL,
			    .date = r->date};
	int rc = at_warcw_write(w->arc, &rec, id, &file, &f->off, err, errlen);
	free(block);
	if (rc)
		return rc;
	snprintf(f->file, sizeof(f->file), "%s", file);
	at_warcw_rec req = {.type = "request",
			    .uri = url,
			    .content_type = "application/http;msgtype=request",
			    .block = r->req.data ? r->req.data : "",
			    .len = r->req.len,
			    .payload_off = SIZE_MAX,
			    .concurrent_to = id,
			    .date = r->date};
	uint64_t qoff;
	rc = at_warcw_write(w->arc, &req, NULL, &file, &qoff, err, errlen);
	w->s->archive_bytes += at_warcw_bytes(w->arc) - before;
	f->archived = rc == 0;
	return rc;
}

enum { F_OK = 0, F_FAIL = 1, F_FATAL = 2, F_STOP = 3 };

/*
 * GET url, following redirects; every hop checked against robots.txt and
 * archived. F_OK with f (the last hop, whatever its status), F_FAIL with a
 * diagnostic given and *transient set when worth trying again, F_FATAL (the
 * archive failed) with err, F_STOP when interrupted before a request.
 */
static int fetch(at_watch *w, const char *url, const char *etag, const char *lm, int page,
		 fetched *f, int *transient, char *err, size_t errlen)
{
	memset(f, 0, sizeof(*f));
	*transient = 0;
	char *cur = strdup(url);
	if (!cur) {
		snprintf(err, errlen, "out of memory");
		return F_FATAL;
	}
	char why[1024];
	for (int hop = 0; hop <= w->o.max_redirects; hop++) {
		if (stopped(w)) {
			free(cur);
			return F_STOP;
		}
		if (!allowed(w, cur, why, sizeof(why))) {
			if (stopped(w)) {
				free(cur);
				return F_STOP;
			}
			*transient = strstr(why, "unreachable") != NULL;
			if (strcmp(cur, url))
				diag(w, url, "redirected to %s: %s", cur, why);
			else
				diag(w, url, "%s", why);
			free(cur);
			return F_FAIL;
		}
		at_http_resp_free(&f->r);
		int rc = at_http_get(w->http, cur, hop ? NULL : etag, hop ? NULL : lm, &f->r,
				     why, sizeof(why));
		w->s->requests++;
		w->s->conditional += !hop && ((etag && *etag) || (lm && *lm));
		w->s->pages_fetched += page;
		if (rc == AT_EINVAL && stopped(w)) {
			free(cur);
			return F_STOP;
		}
		if (rc) {
			*transient = rc == AT_EIO;
			diag(w, url, "%s%s%s", strcmp(cur, url) ? cur : "",
			     strcmp(cur, url) ? ": " : "", why);
			free(cur);
			return F_FAIL;
		}
		if (page)
			w->s->page_bytes += f->r.body.len;
		if ((rc = archive(w, cur, f, err, errlen))) {
			free(cur);
			return F_FATAL;
		}
		long st = f->r.status;
		if ((st == 301 || st == 302 || st == 303 || st == 307 || st == 308) &&
		    f->r.location[0]) {
			char *next = at_http_resolve(cur, f->r.location);
			if (!next) {
				diag(w, url, "HTTP %ld to an unusable location \"%s\"", st,
				     f->r.location);
				free(cur);
				return F_FAIL;
			}
			free(cur);
			cur = next;
			continue;
		}
		f->url = cur;
		return F_OK;
	}
	diag(w, url, "more than %d redirects; not followed", w->o.max_redirects);
	free(cur);
	return F_FAIL;
}

/* ---- pages ----------------------------------------------------------------- */

static int html_type(const at_http_resp *r, const char *body, size_t n)
{
	char t[64];
	size_t i = 0;
	while (r->ctype[i] && r->ctype[i] != ';' && r->ctype[i] != ' ' && i + 1 < sizeof(t)) {
		char c = r->ctype[i];
		t[i++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	t[i] = '\0';
	if (!t[0])
		return at__html_sniff(body, n);
	return !strcmp(t, "text/html") || !strcmp(t, "application/xhtml+xml");
}

/* Read the archived response back and store its document with the seen row,
 * in one commit. F_OK, F_FAIL (diagnostic given) or F_FATAL. */
static int ingest(at_watch *w, const char *item, const fetched *f, at_seen_page *seen,
		  char *err, size_t errlen)
{
	at_warc *rd = NULL;
	at_diag d;
	memset(&d, 0, sizeof(d));
	int rc = at__warc_open_at(&rd, f->file, f->off, &d);
	at_doc *doc = NULL;
	if (rc == 0) {
		do
			rc = at__warc_next(rd, NULL, 0, &doc, &d);
		while (rc < 0 && !d.msg[0]);
	}
	at__warc_free(rd);
	if (rc == 1 && doc->record_off != f->off) {
		at_doc_free(doc);
		doc = NULL;
		rc = 0;
	}
	if (rc != 1) {
		diag(w, item, "the archived page (%s at byte %llu) could not be read back: %s",
		     f->file, (unsigned long long)f->off, d.msg[0] ? d.msg : "no text in it");
		return F_FAIL;
	}
	if (d.msg[0] && w->o.diag) /* a warning about a page that was read */
		w->o.diag(w->o.user, item, d.msg);
	int outcome = AT_DOC_SAME;
	at_events *ev = NULL;
	if (!at_store_has(w->st, doc)) {
		rc = at_worker_extract(w->worker, doc, &ev);
		if (rc) {
			diag(w, item, "cannot analyse the page (error %d)", rc);
			at_doc_free(doc);
			return F_FAIL;
		}
		rc = at_store_put(w->st, doc, ev, &outcome, err, errlen);
		if (rc) {
			at_events_free(ev);
			at_doc_free(doc);
			if (rc == AT_EINVAL) {
				diag(w, item, "%s", err);
				return F_FAIL;
			}
			return F_FATAL;
		}
	}
	if (outcome == AT_DOC_NEW)
		w->s->pages_new++;
	else if (outcome == AT_DOC_REPLACED)
		w->s->pages_changed++;
	else
		w->s->pages_unchanged++;
	if (outcome != AT_DOC_SAME)
		w->s->events += (long)at_events_count(ev);
	at_events_free(ev);
	at_doc_free(doc);
	snprintf(seen->archive, sizeof(seen->archive), "%s", f->file);
	seen->record_off = (int64_t)f->off;
	seen->tries = 0;
	if ((rc = at__store_begin(w->st, err, errlen)) ||
	    (rc = at_seen_page_put(w->st, item, seen, NULL, err, errlen)) ||
	    (rc = at_store_commit(w->st, err, errlen)))
		return F_FATAL;
	return F_OK;
}

/* Remember a failure (not to be repeated each pass). */
static int failed(at_watch *w, const char *item, at_seen_page *seen, int transient, long status,
		  const char *what, char *err, size_t errlen)
{
	seen->status = (int)status;
	seen->tries = transient ? seen->tries + 1 : w->o.max_tries;
	/* to be tried again: until then its feed is polled in full (a 304
	 * would hide the item) */
	w->retry |= seen->tries < w->o.max_tries;
	at_seen_now(seen->fetched);
	return at_seen_page_put(w->st, item, seen, what, err, errlen) ? F_FATAL : F_FAIL;
}

static int transient_status(long st) { return st == 408 || st == 429 || st >= 500; }

static int page(at_watch *w, const at_feed_item *it, char *err, size_t errlen)
{
	at_seen_page seen;
	int known = at_seen_page_get(w->st, it->url, &seen, err, errlen);
	if (known < 0)
		return F_FATAL;
	const char *date = it->date ? it->date : "";
	int same_date = !strcmp(seen.item_date, date);
	if (known && same_date && (seen.archive[0] || seen.tries >= w->o.max_tries))
		return F_OK; /* met: stored, or given up */

	if (known && !same_date) /* the feed says it changed: try afresh */
		seen.tries = 0;
	snprintf(seen.item_date, sizeof(seen.item_date), "%s", date);
	fetched f;
	int transient;
	/* a stored page is asked for conditionally */
	int rc = fetch(w, it->url, seen.archive[0] ? seen.etag : NULL,
		       seen.archive[0] ? seen.last_modified : NULL, 1, &f, &transient, err,
		       errlen);
	if (rc == F_STOP || rc == F_FATAL)
		return rc;
	if (rc == F_FAIL) {
		rc = failed(w, it->url, &seen, transient, f.r.status, "not fetched", err,
			    errlen);
		fetched_free(&f);
		return rc;
	}
	if (at_warcw_sync(w->arc, err, errlen)) {
		fetched_free(&f);
		return F_FATAL;
	}
	long st = f.r.status;
	at_seen_now(seen.fetched);
	if (st == 304 && seen.archive[0]) {
		w->s->pages_unchanged++;
		fetched_free(&f);
		return at_seen_page_put(w->st, it->url, &seen, NULL, err, errlen) ? F_FATAL
										  : F_OK;
	}
	if (st < 200 || st > 299) {
		diag(w, it->url, "HTTP %ld%s%s", st, strcmp(f.url, it->url) ? " from " : "",
		     strcmp(f.url, it->url) ? f.url : "");
		rc = failed(w, it->url, &seen, transient_status(st), st, "HTTP error", err,
			    errlen);
		fetched_free(&f);
		return rc;
	}
	size_t n = 0;
	char *body = at_http_decoded(&f.r, AT_MAX_DOC_BYTES, &n);
	if (!body || !html_type(&f.r, body, n)) {
		if (body)
			diag(w, it->url, "not an HTML page (%s); archived, not read",
			     f.r.ctype[0] ? f.r.ctype : "no Content-Type");
		else
			diag(w, it->url, "the %s body does not decode; archived, not read",
			     f.r.encoding);
		free(body);
		rc = failed(w, it->url, &seen, 0, st, "not HTML", err, errlen);
		fetched_free(&f);
		return rc;
	}
	char digest[38];
	at_warc_sha1(f.r.body.data ? f.r.body.data : "", f.r.body.len, digest);
	free(body);
	seen.status = (int)st;
	snprintf(seen.etag, sizeof(seen.etag), "%s", f.r.etag);
	snprintf(seen.last_modified, sizeof(seen.last_modified), "%s", f.r.last_modified);
	snprintf(seen.digest, sizeof(seen.digest), "%s", digest);
	rc = ingest(w, it->url, &f, &seen, err, errlen);
	if (rc == F_FAIL)
		rc = failed(w, it->url, &seen, 0, st, "not read", err, errlen);
	fetched_free(&f);
	return rc;
}

/* ---- feeds ------------------------------------------------------------------ */

static int feed(at_watch *w, const char *url, char *err, size_t errlen)
{
	at_seen_feed sf;
	if (at_seen_feed_get(w->st, url, &sf, err, errlen) < 0)
		return F_FATAL;
	fetched f;
	int transient;
	int rc = fetch(w, url, sf.etag, sf.last_modified, 0, &f, &transient, err, errlen);
	if (rc != F_OK)
		return rc;
	long st = f.r.status;
	if (st == 304) {
		w->s->feeds_unchanged++;
		fetched_free(&f);
		return F_OK;
	}
	if (st < 200 || st > 299) {
		diag(w, url, "feed: HTTP %ld", st);
		fetched_free(&f);
		return F_FAIL;
	}
	size_t n = 0;
	char *body = at_http_decoded(&f.r, AT_MAX_DOC_BYTES, &n);
	at_feed_item *items = NULL;
	size_t ni = 0;
	char why[512];
	if (!body) {
		diag(w, url, "feed: the %s body does not decode", f.r.encoding);
		fetched_free(&f);
		return F_FAIL;
	}
	rc = at_feed_parse(body, n, f.url, &items, &ni, why, sizeof(why));
	free(body);
	if (rc) {
		diag(w, url, "feed: %s", why);
		fetched_free(&f);
		return rc == AT_ENOMEM ? F_FATAL : F_FAIL;
	}
	rc = F_OK;
	w->retry = 0;
	for (size_t i = 0; i < ni && rc != F_FATAL; i++) {
		if (stopped(w)) {
			rc = F_STOP;
			break;
		}
		int r = page(w, &items[i], err, errlen);
		if (r == F_FATAL || r == F_STOP)
			rc = r;
	}
	at_feed_items_free(items, ni);
	if (rc == F_OK) { /* every item handled: the next poll may be conditional */
		snprintf(sf.etag, sizeof(sf.etag), "%s", w->retry ? "" : f.r.etag);
		snprintf(sf.last_modified, sizeof(sf.last_modified), "%s",
			 w->retry ? "" : f.r.last_modified);
		sf.status = (int)st;
		sf.fetched[0] = '\0';
		if (at_seen_feed_put(w->st, url, &sf, err, errlen))
			rc = F_FATAL;
	}
	fetched_free(&f);
	return rc;
}

int at_watch_pass(at_watch *w, at_watch_stats *stats, char *err, size_t errlen)
{
	memset(stats, 0, sizeof(*stats));
	w->s = stats;
	double t0 = mono();
	FILE *fp = fopen(w->o.feeds, "r");
	if (!fp) {
		snprintf(err, errlen, "%s: cannot read the feeds: %s", w->o.feeds,
			 strerror(errno));
		return AT_EIO;
	}
	char line[8192];
	long lineno = 0;
	int rc = F_OK;
	while (rc != F_FATAL && rc != F_STOP && fgets(line, sizeof(line), fp)) {
		lineno++;
		char *s = line;
		while (*s == ' ' || *s == '\t')
			s++;
		size_t len = strcspn(s, " \t\r\n#");
		if (!len || *s == '#')
			continue;
		s[len] = '\0';
		char origin[256];
		if (at_http_origin(s, origin, sizeof(origin)) != 0) {
			char where[600];
			snprintf(where, sizeof(where), "%s:%ld", w->o.feeds, lineno);
			diag(w, where, "\"%s\" is not an http(s) URL", s);
			continue;
		}
		stats->feeds++;
		if (stopped(w)) {
			rc = F_STOP;
			break;
		}
		rc = feed(w, s, err, errlen);
	}
	fclose(fp);
	stats->stopped = rc == F_STOP || stopped(w);
	long long merged = 0;
	char merr[512];
	if (at_store_merge(w->st, &merged, merr, sizeof(merr)) != 0 && rc != F_FATAL) {
		snprintf(err, errlen, "%s", merr);
		rc = F_FATAL;
	}
	stats->seconds = mono() - t0;
	return rc == F_FATAL ? AT_EIO : 0;
}
