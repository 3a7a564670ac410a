/* SPDX-License-Identifier: MIT */
/*
 * watch_int.h — the pieces of `aidtrace watch` (src/watch/): a polite HTTP
 * client on libcurl (http.c), robots.txt rules (robots.c), RSS and Atom
 * feeds on libxml2 (feed.c). watch.c puts them together with the WARC
 * writer, the store and the extraction; include/aidtrace.h exports it.
 */
#ifndef AT_WATCH_INT_H
#define AT_WATCH_INT_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "aidtrace.h"
#include "../util/buf.h"

/* ---- http.c ------------------------------------------------------------- */

typedef struct at_http at_http;

typedef struct at_http_opts {
	const char *user_agent;
	double delay;                /* seconds between two requests to one host */
	long timeout_ms;             /* for a whole transfer */
	uint64_t max_bytes;          /* of a body as received */
	volatile sig_atomic_t *stop; /* set: sleeps end early (may be NULL) */
} at_http_opts;

typedef struct at_http_resp {
	long status; /* 0 when no answer came */
	at_buf req;  /* the request line and headers as sent */
	at_buf head; /* status line and headers as received, ending in a
				 blank line (a Transfer-Encoding line is renamed
				 X-Archive-Orig-Transfer-Encoding: the body is
				 kept de-chunked) */
	at_buf body; /* the body as received (content coding kept) */
	char ctype[256], etag[256], last_modified[64], encoding[64];
	char location[2048];
	char ip[64];
	time_t date; /* when the answer came */
	int too_big; /* the body passed max_bytes (the transfer stopped) */
} at_http_resp;

/* libcurl is opened on first use (curl_dl.c): 0, or -1 with why in err.
 * at_http_new gives AT_EIO when it cannot be. */
int at_http_load(char *err, size_t errlen);
int at_http_new(at_http **out, const at_http_opts *o);
void at_http_free(at_http *h);
/*
 * GET url (no redirect followed), conditional when etag / last_modified are
 * given (may be NULL or ""). Waits first until `delay` has passed since the
 * host's last request. 0 when an HTTP answer came (whatever its status), else
 * AT_ETOOBIG (over max_bytes), AT_EIO (no answer: DNS, connection, timeout)
 * or AT_EINVAL (interrupted by stop before the request), with err. *r is
 * reset first; free it with at_http_resp_free.
 */
int at_http_get(at_http *h, const char *url, const char *etag, const char *last_modified,
		at_http_resp *r, char *err, size_t errlen);
void at_http_resp_free(at_http_resp *r);
/* The body decoded (Content-Encoding gzip or deflate, else a copy), capped at
 * cap bytes; NULL when it does not decode. */
char *at_http_decoded(const at_http_resp *r, size_t cap, size_t *len);
/* A longer delay for one origin (its robots.txt Crawl-delay). */
void at_http_host_delay(at_http *h, const char *origin, double delay);
/* Requests made so far, and those that were conditional. */
void at_http_counts(const at_http *h, long *requests, long *conditional);
/* "scheme://host:port" of url into out; 0, or -1 when it is not an http(s) URL. */
int at_http_origin(const char *url, char *out, size_t n);
/* The path and query of url ("/a/b?c"), for robots.txt. */
int at_http_path(const char *url, char *out, size_t n);
/* ref resolved against base, without its fragment: a malloc'd http(s) URL,
 * or NULL. */
char *at_http_resolve(const char *base, const char *ref);

/* ---- robots.c ----------------------------------------------------------- */

typedef struct at_robots at_robots;

/* The rules of robots.txt (n bytes) for the product token `agent`: the
 * groups naming it, else those of "*". Never NULL unless out of memory. */
at_robots *at_robots_parse(const char *txt, size_t n, const char *agent);
/* Rules that allow (all = 0) or forbid (all = 1) everything. */
at_robots *at_robots_all(int disallow);
/* 1 when path (with its query) may be fetched: the longest matching rule
 * wins, allow on a tie (RFC 9309). */
int at_robots_allowed(const at_robots *r, const char *path);
/* The group's Crawl-delay in seconds, or 0. */
double at_robots_delay(const at_robots *r);
void at_robots_free(at_robots *r);

/* ---- feed.c ------------------------------------------------------------- */

typedef struct at_feed_item {
	char *url;  /* absolute http(s) URL of the article */
	char *date; /* the feed's date for it (RSS pubDate, Atom updated), or NULL */
} at_feed_item;

/*
 * The items of an RSS 2.0 (or 0.9x/1.0) or Atom feed of n bytes fetched from
 * base (relative links are resolved against it, or xml:base). 0 with
 * *items (at_feed_items_free), or AT_EPARSE with a message naming the line
 * in err when it is not a well-formed RSS or Atom document.
 */
int at_feed_parse(const char *bytes, size_t n, const char *base, at_feed_item **items,
		  size_t *nitems, char *err, size_t errlen);
void at_feed_items_free(at_feed_item *items, size_t n);

#endif
