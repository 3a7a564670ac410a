/* SPDX-License-Identifier: MIT */
/*
 * http.c — a polite HTTP client on libcurl for the watcher.
 *
 * One easy handle, reused (keep-alive), one request at a time: so at most one
 * request is ever open to a host. Before each request the client waits until
 * `delay` seconds have passed since the end of the last request to that
 * host (scheme, host and port). Redirects are not followed here: the watcher
 * archives every hop and checks robots.txt for each. gzip and deflate are
 * asked for and the body is kept as it came (the archive holds what the
 * server sent); at_http_decoded decodes it. curl de-chunks the body, so the
 * Transfer-Encoding header is renamed in the kept headers. A body over
 * max_bytes stops the transfer.
 */
#define _POSIX_C_SOURCE 200809L
#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <zlib.h>

#include "curl_dl.h"
#include "watch_int.h"

#define MAX_HOSTS 256

typedef struct host_time {
	char origin[256];
	double last;  /* monotonic seconds at the end of its last request */
	double delay; /* its robots.txt Crawl-delay, when longer than ours */
} host_time;

struct at_http {
	CURL *c;
	at_http_opts o;
	char *ua;
	host_time hosts[MAX_HOSTS];
	size_t nhosts;
	long requests, conditional;
	at_http_resp *cur; /* the response being received */
};

static double mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int at_http_load(char *err, size_t errlen) { return at_curl_load(err, errlen); }

int at_http_new(at_http **out, const at_http_opts *o)
{
	*out = NULL;
	if (at_curl_load(NULL, 0) != 0)
		return AT_EIO; /* at_http_load says why */
	static int inited;
	if (!inited) { /* the process's first client (the CLI makes one) */
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
			return AT_ENOMEM;
		inited = 1;
	}
	at_http *h = calloc(1, sizeof(*h));
	if (!h)
		return AT_ENOMEM;
	h->o = *o;
	h->ua = strdup(o->user_agent ? o->user_agent : "aidtrace/" AT_VERSION);
	h->c = curl_easy_init();
	if (!h->ua || !h->c) {
		at_http_free(h);
		return AT_ENOMEM;
	}
	*out = h;
	return 0;
}

void at_http_free(at_http *h)
{
	if (!h)
		return;
	if (h->c)
		curl_easy_cleanup(h->c);
	free(h->ua);
	free(h);
}

void at_http_counts(const at_http *h, long *requests, long *conditional)
{
	*requests = h->requests;
	*conditional = h->conditional;
}

void at_http_resp_free(at_http_resp *r)
{
	at_buf_free(&r->req);
	at_buf_free(&r->head);
	at_buf_free(&r->body);
	memset(r, 0, sizeof(*r));
}

/* ---- URLs (curl's parser) ---------------------------------------------- */

static int part(CURLU *u, CURLUPart what, char *out, size_t n)
{
	char *v = NULL;
	if (curl_url_get(u, what, &v, 0) != CURLUE_OK) {
		if (n)
			out[0] = '\0';
		return -1;
	}
	snprintf(out, n, "%s", v);
	curl_free(v);
	return 0;
}

static CURLU *parse(const char *url)
{
	if (at_curl_load(NULL, 0) != 0)
		return NULL;
	CURLU *u = curl_url();
	if (u && curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK) {
		curl_url_cleanup(u);
		return NULL;
	}
	char scheme[16];
	if (u && (part(u, CURLUPART_SCHEME, scheme, sizeof(scheme)) ||
		  (strcasecmp(scheme, "http") && strcasecmp(scheme, "https")))) {
		curl_url_cleanup(u);
		return NULL;
	}
	return u;
}

int at_http_origin(const char *url, char *out, size_t n)
{
	CURLU *u = parse(url);
	if (!u)
		return -1;
	char scheme[16], host[200], port[16];
	int bad = part(u, CURLUPART_SCHEME, scheme, sizeof(scheme)) ||
		  part(u, CURLUPART_HOST, host, sizeof(host));
	char *p = NULL;
	if (curl_url_get(u, CURLUPART_PORT, &p, CURLU_DEFAULT_PORT) == CURLUE_OK) {
		snprintf(port, sizeof(port), "%s", p);
		curl_free(p);
	} else {
		bad = 1;
	}
	curl_url_cleanup(u);
	if (bad)
		return -1;
	for (char *c = host; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c + 32);
	snprintf(out, n, "%s://%s:%s", scheme, host, port);
	return 0;
}

int at_http_path(const char *url, char *out, size_t n)
{
	CURLU *u = parse(url);
	if (!u)
		return -1;
	char path[4096], query[4096];
	part(u, CURLUPART_PATH, path, sizeof(path));
	int q = part(u, CURLUPART_QUERY, query, sizeof(query)) == 0;
	curl_url_cleanup(u);
	snprintf(out, n, "%s%s%s", path[0] ? path : "/", q ? "?" : "", q ? query : "");
	return 0;
}

char *at_http_resolve(const char *base, const char *ref)
{
	if (at_curl_load(NULL, 0) != 0)
		return NULL;
	CURLU *u = curl_url();
	if (!u)
		return NULL;
	char *out = NULL;
	while (*ref == ' ' || *ref == '\t' || *ref == '\n' || *ref == '\r')
		ref++;
	if ((!base || curl_url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK) &&
	    curl_url_set(u, CURLUPART_URL, ref, CURLU_URLENCODE) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_FRAGMENT, NULL, 0) == CURLUE_OK) {
		char scheme[16];
		if (part(u, CURLUPART_SCHEME, scheme, sizeof(scheme)) == 0 &&
		    (!strcasecmp(scheme, "http") || !strcasecmp(scheme, "https"))) {
			char *v = NULL;
			if (curl_url_get(u, CURLUPART_URL, &v, 0) == CURLUE_OK) {
				out = strdup(v);
				curl_free(v);
			}
		}
	}
	curl_url_cleanup(u);
	return out;
}

/* ---- the transfer ------------------------------------------------------- */

static size_t on_body(char *p, size_t size, size_t n, void *user)
{
	at_http *h = user;
	at_http_resp *r = h->cur;
	size_t len = size * n;
	if (r->body.len + len > h->o.max_bytes) {
		r->too_big = 1;
		return 0; /* stops the transfer */
	}
	return at_buf_add(&r->body, p, len) ? 0 : len;
}

/* The value of a "Name: value" line into out, trimmed. */
static void value(const char *line, size_t len, size_t name, char *out, size_t n)
{
	size_t i = name + 1;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	size_t e = len;
	while (e > i && (line[e - 1] == '\r' || line[e - 1] == '\n' || line[e - 1] == ' '))
		e--;
	size_t m = e - i < n - 1 ? e - i : n - 1;
	memcpy(out, line + i, m);
	out[m] = '\0';
}

static int is_field(const char *line, size_t len, const char *name)
{
	size_t k = strlen(name);
	return len > k && line[k] == ':' && strncasecmp(line, name, k) == 0;
}

static size_t on_header(char *line, size_t size, size_t n, void *user)
{
	at_http *h = user;
	at_http_resp *r = h->cur;
	size_t len = size * n;
	if (len >= 5 && memcmp(line, "HTTP/", 5) == 0) { /* a (new) status line */
		r->head.len = 0;
		r->ctype[0] = r->etag[0] = r->last_modified[0] = r->encoding[0] = '\0';
		r->location[0] = '\0';
	}
	if (is_field(line, len, "Transfer-Encoding")) {
		at_buf_adds(&r->head, "X-Archive-Orig-");
	} else if (is_field(line, len, "Content-Type"))
		value(line, len, 12, r->ctype, sizeof(r->ctype));
	else if (is_field(line, len, "ETag"))
		value(line, len, 4, r->etag, sizeof(r->etag));
	else if (is_field(line, len, "Last-Modified"))
		value(line, len, 13, r->last_modified, sizeof(r->last_modified));
	else if (is_field(line, len, "Content-Encoding"))
		value(line, len, 16, r->encoding, sizeof(r->encoding));
	else if (is_field(line, len, "Location"))
		value(line, len, 8, r->location, sizeof(r->location));
	return at_buf_add(&r->head, line, len) ? 0 : len;
}

static int on_debug(CURL *c, curl_infotype type, char *data, size_t size, void *user)
{
	(void)c;
	at_http *h = user;
	if (type == CURLINFO_HEADER_OUT && h->cur)
		at_buf_add(&h->cur->req, data, size);
	return 0;
}

static host_time *find_host(at_http *h, const char *origin);

void at_http_host_delay(at_http *h, const char *origin, double delay)
{
	host_time *t = find_host(h, origin);
	if (t)
		t->delay = delay;
}

/* Sleep until the host's delay has passed (or stop is set): 0, or -1 stopped. */
static int wait_host(at_http *h, const char *origin, host_time **slot)
{
	host_time *t = find_host(h, origin);
	*slot = t;
	for (;;) {
		if (h->o.stop && *h->o.stop)
			return -1;
		double d = t->delay > h->o.delay ? t->delay : h->o.delay;
		double left = t->last + d - mono();
		if (left <= 0)
			return 0;
		if (left > 0.25)
			left = 0.25; /* look at stop four times a second */
		struct timespec ts = {(time_t)left,
				      (long)((left - (double)(time_t)left) * 1e9)};
		nanosleep(&ts, NULL);
	}
}

/* The host's slot (made, or the longest idle one reused). */
static host_time *find_host(at_http *h, const char *origin)
{
	host_time *t = NULL;
	for (size_t i = 0; i < h->nhosts; i++)
		if (!strcmp(h->hosts[i].origin, origin))
			t = &h->hosts[i];
	if (!t) {
		if (h->nhosts == MAX_HOSTS) { /* forget the longest idle one */
			size_t old = 0;
			for (size_t i = 1; i < h->nhosts; i++)
				if (h->hosts[i].last < h->hosts[old].last)
					old = i;
			t = &h->hosts[old];
		} else {
			t = &h->hosts[h->nhosts++];
		}
		snprintf(t->origin, sizeof(t->origin), "%s", origin);
		t->last = -1e18;
		t->delay = 0;
	}
	return t;
}

int at_http_get(at_http *h, const char *url, const char *etag, const char *last_modified,
		at_http_resp *r, char *err, size_t errlen)
{
	memset(r, 0, sizeof(*r));
	at_buf_init(&r->req, 1u << 20);
	at_buf_init(&r->head, 1u << 20);
	at_buf_init(&r->body, 0);
	char origin[256];
	if (at_http_origin(url, origin, sizeof(origin)) != 0) {
		snprintf(err, errlen, "not an http(s) URL");
		return AT_EINVAL;
	}
	host_time *slot;
	if (wait_host(h, origin, &slot) != 0) {
		snprintf(err, errlen, "interrupted");
		return AT_EINVAL;
	}
	CURL *c = h->c;
	curl_easy_reset(c);
	struct curl_slist *hdrs = NULL;
	char line[400];
	int cond = 0;
	if (etag && *etag) {
		snprintf(line, sizeof(line), "If-None-Match: %s", etag);
		hdrs = curl_slist_append(hdrs, line);
		cond = 1;
	}
	if (last_modified && *last_modified) {
		snprintf(line, sizeof(line), "If-Modified-Since: %s", last_modified);
		hdrs = curl_slist_append(hdrs, line);
		cond = 1;
	}
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_USERAGENT, h->ua);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
	curl_easy_setopt(c, CURLOPT_HTTP_CONTENT_DECODING, 0L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, h->o.timeout_ms);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
			 h->o.timeout_ms < 10000 ? h->o.timeout_ms : 10000L);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)h->o.max_bytes);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, h);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, h);
	curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, on_debug);
	curl_easy_setopt(c, CURLOPT_DEBUGDATA, h);
	curl_easy_setopt(c, CURLOPT_VERBOSE, 1L); /* for on_debug: the request sent */
	h->cur = r;
	h->requests++;
	h->conditional += cond;
	CURLcode rc = curl_easy_perform(c);
	h->cur = NULL;
	slot->last = mono();
	curl_slist_free_all(hdrs);
	r->date = time(NULL);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	char *ip = NULL;
	if (curl_easy_getinfo(c, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip)
		snprintf(r->ip, sizeof(r->ip), "%s", ip);
	if (rc == CURLE_FILESIZE_EXCEEDED || r->too_big) {
		r->too_big = 1;
		snprintf(err, errlen, "larger than %llu bytes; not kept",
			 (unsigned long long)h->o.max_bytes);
		return AT_ETOOBIG;
	}
	if (rc != CURLE_OK) {
		snprintf(err, errlen, "%s",
			 rc == CURLE_OPERATION_TIMEDOUT ? "timed out" : curl_easy_strerror(rc));
		if (rc == CURLE_OPERATION_TIMEDOUT)
			snprintf(err, errlen, "timed out after %.1f s",
				 (double)h->o.timeout_ms / 1000.0);
		r->status = 0;
		return AT_EIO;
	}
	if (r->head.err || r->req.err || r->body.err) {
		snprintf(err, errlen, "out of memory");
		return AT_ENOMEM;
	}
	return 0;
}

/* Does s contain word, in any case? */
static int ci_has(const char *s, const char *word)
{
	size_t k = strlen(word);
	for (; *s; s++)
		if (strncasecmp(s, word, k) == 0)
			return 1;
	return 0;
}

char *at_http_decoded(const at_http_resp *r, size_t cap, size_t *len)
{
	const unsigned char *in = (const unsigned char *)r->body.data;
	size_t n = r->body.len;
	int gz = ci_has(r->encoding, "gzip");
	int df = !gz && ci_has(r->encoding, "deflate");
	if (!gz && !df) {
		char *p = malloc(n + 1);
		if (!p)
			return NULL;
		if (n)
			memcpy(p, in, n);
		p[n] = '\0';
		*len = n;
		return p;
	}
	for (int attempt = 0; attempt < 2; attempt++) {
		z_stream z;
		memset(&z, 0, sizeof(z));
		if (inflateInit2(&z, gz ? 15 + 16 : attempt == 0 ? 15 : -15) != Z_OK)
			return NULL;
		at_buf out;
		at_buf_init(&out, cap);
		z.next_in = (unsigned char *)in;
		z.avail_in = (uInt)n;
		int zr = Z_OK;
		unsigned char chunk[16384];
		while (zr == Z_OK) {
			z.next_out = chunk;
			z.avail_out = sizeof(chunk);
			zr = inflate(&z, Z_NO_FLUSH);
			if (at_buf_add(&out, chunk, sizeof(chunk) - z.avail_out))
				break;
			if (zr == Z_BUF_ERROR && z.avail_in == 0)
				break;
		}
		inflateEnd(&z);
		if (zr == Z_STREAM_END && !out.err) {
			if (!out.data && at_buf_adds(&out, "")) {
				at_buf_free(&out);
				return NULL;
			}
			return at_buf_take(&out, len);
		}
		at_buf_free(&out);
		if (gz)
			break;
	}
	return NULL;
}
