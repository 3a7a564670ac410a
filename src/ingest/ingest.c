/* SPDX-License-Identifier: MIT */
/*
 * ingest.c — reading documents: single text files, JSON-lines files,
 * directories (walked in name order) and stdin. Exports at_reader_open/next/
 * free, at_doc_from_text and at_doc_free (aidtrace.h).
 *
 * Memory stays bounded: a text file larger than AT_MAX_DOC_BYTES and a JSONL
 * line longer than AT_MAX_LINE_BYTES are refused with a diagnostic (the
 * oversized line is skipped without being held in memory). Every bad unit —
 * an unreadable or empty file, binary junk, invalid UTF-8, a malformed JSON
 * line — yields a diagnostic naming the file and the line or byte, and the
 * reader goes on with the next unit.
 *
 * JSONL lines go through a fast path for the common case (jsonl_fast.c)
 * and to jansson otherwise. Web archives (WARC, ARC) are read record by
 * record by warc.c.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aidtrace.h"
#include "ingest_int.h"
#include "jsonl_fast.h"
#include "../events/events.h"
#include "../lexicon/lexicon.h"
#include "../util/date.h"
#include "../util/utf8.h"

#define AT_READ_CHUNK (64u * 1024u)

typedef struct pending {
	char *path;
	struct pending *next;
} pending;

struct at_reader {
	pending *queue;       /* paths still to read, in order */
	FILE *jsonl;          /* the JSONL stream being read, or NULL */
	int jsonl_is_stdin;
	char *jsonl_path;
	uint64_t jsonl_line;
	uint64_t jsonl_byte;
	char *line;           /* line buffer, grows up to AT_MAX_LINE_BYTES */
	size_t line_alloc;
	char *rbuf;           /* chunk of the JSONL stream read ahead */
	size_t rpos, rlen;
	char published[17];   /* override, or "" */
	int defer;            /* defer_pages */
	uint64_t consumed;    /* bytes read so far, for at_reader_bytes */
	at_warc *warc;        /* the web archive being read, or NULL */
	uint64_t warc_seen;   /* its bytes already counted in consumed */
};

char *at__strdup(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	char *p = malloc(n + 1);
	if (p)
		memcpy(p, s, n + 1);
	return p;
}

static void set_diag(at_diag *d, const char *file, uint64_t line, uint64_t byte,
		     const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void set_diag(at_diag *d, const char *file, uint64_t line, uint64_t byte,
		     const char *fmt, ...)
{
	if (!d)
		return;
	snprintf(d->file, sizeof(d->file), "%s", file ? file : "-");
	d->line = line;
	d->byte = byte;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	va_end(ap);
}

static int push_back(at_reader *r, const char *path)
{
	pending *p = calloc(1, sizeof(*p));
	if (!p || !(p->path = at__strdup(path))) {
		free(p);
		return AT_ENOMEM;
	}
	pending **tail = &r->queue;
	while (*tail)
		tail = &(*tail)->next;
	*tail = p;
	return 0;
}

int at_reader_open(at_reader **out, const char *path, const at_reader_opts *opts)
{
	*out = NULL;
	if (!path)
		return AT_EINVAL;
	at_reader *r = calloc(1, sizeof(*r));
	if (!r)
		return AT_ENOMEM;
	if (opts && opts->published) {
		at_date d;
		if (at_date_parse(&d, opts->published) != 0) {
			free(r);
			return AT_EINVAL;
		}
		at_date_format(&d, r->published);
	}
	r->defer = opts && opts->defer_pages;
	if (push_back(r, path) != 0) {
		free(r);
		return AT_ENOMEM;
	}
	*out = r;
	return 0;
}

void at_reader_free(at_reader *r)
{
	if (!r)
		return;
	while (r->queue) {
		pending *p = r->queue;
		r->queue = p->next;
		free(p->path);
		free(p);
	}
	if (r->jsonl && !r->jsonl_is_stdin)
		fclose(r->jsonl);
	at__warc_free(r->warc);
	free(r->jsonl_path);
	free(r->line);
	free(r->rbuf);
	free(r);
}

void at_doc_free(at_doc *doc)
{
	if (!doc)
		return;
	free(doc->id);
	free(doc->url);
	free(doc->title);
	free(doc->bytes);
	free(doc->source);
	free(doc->outlet);
	free(doc->content_type);
	at_offset_map_free(doc->map);
	free(doc->pending);
	free(doc);
}

static int has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && strcmp(s + n - m, suf) == 0;
}

static int html_name(const char *path)
{
	return has_suffix(path, ".html") || has_suffix(path, ".htm") || has_suffix(path, ".xhtml") ||
	       has_suffix(path, ".HTML") || has_suffix(path, ".HTM");
}

static const char *base_name(const char *path)
{
	const char *b = strrchr(path, '/');
	return b ? b + 1 : path;
}

/*
 * A text may start with a header line " date YYYY-MM-DD[ hh:mm]" (the month
 * and day may be missing). Returns the offset where the article starts and
 * writes the date into `date` (or leaves it "").
 */
static size_t date_header(const char *s, size_t n, char date[17])
{
	static const char tag[] = " date ";
	size_t t = sizeof(tag) - 1;
	if (n < t + 4 || memcmp(s, tag, t) != 0)
		return 0;
	char buf[16] = {0};
	size_t i = t, k = 0;
	while (i < n && k < 10 && ((s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
		buf[k++] = s[i++];
	at_date d;
	if (at_date_parse(&d, buf) != 0 || (k != 4 && k != 7 && k != 10))
		return 0;
	/* optional " hh:mm" */
	if (i + 6 <= n && s[i] == ' ' && s[i + 1] >= '0' && s[i + 1] <= '2' &&
	    s[i + 3] == ':')
		i += 6;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < n && s[i] == '\r')
		i++;
	if (i < n && s[i] == '\n')
		i++;
	at_date_format(&d, date);
	return i;
}

/*
 * Checks shared by every text: NUL bytes (binary) and UTF-8 validity. The
 * place is the file's byte (base: where the text starts), or, for a record
 * of an archive (`record` its URL, base its offset), the record and the
 * byte in its text. One diagnostic per text, at its first fault.
 */
static int check_text(const char *s, size_t n, const char *file, uint64_t line,
		      uint64_t base, const char *record, at_diag *diag)
{
	const char *nul = memchr(s, '\0', n);
	size_t bad = nul ? (size_t)(nul - s) : at_utf8_check(s, n);
	if (bad >= n)
		return 0;
	const char *what = nul ? "binary data (NUL byte), not a text document; skipped"
			       : "invalid UTF-8 (read as spaces)";
	if (record)
		set_diag(diag, file, line, base, "the record of %s: %s, at byte %llu of its text",
			 record, what, (unsigned long long)bad);
	else
		set_diag(diag, file, line, base + bad, "%s", what);
	return nul ? AT_EENCODING : 1; /* invalid UTF-8 is a warning: the text is read */
}

static at_doc *new_doc(const char *id, const char *source, char *bytes, size_t len)
{
	at_doc *d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->id = at__strdup(id);
	d->source = at__strdup(source);
	d->bytes = bytes;
	d->len = len;
	if (!d->id || !d->source) {
		d->bytes = NULL;
		at_doc_free(d);
		return NULL;
	}
	return d;
}

static void apply_dates(at_doc *d, const char *header_date, const char *override)
{
	if (override && override[0])
		snprintf(d->published, sizeof(d->published), "%s", override);
	else if (!d->published[0] && header_date[0])
		snprintf(d->published, sizeof(d->published), "%s", header_date);
}

int at_doc_from_text(at_doc **out, const char *id, const char *text, size_t len,
		     const char *published)
{
	*out = NULL;
	char *bytes = malloc(len + 1);
	if (!bytes)
		return AT_ENOMEM;
	memcpy(bytes, text, len);
	bytes[len] = '\0';
	at_doc *d = new_doc(id ? id : "doc", "-", bytes, len);
	if (!d) {
		free(bytes);
		return AT_ENOMEM;
	}
	char hdr[17] = "";
	d->body_off = date_header(bytes, len, hdr);
	at_date pd;
	if (published && at_date_parse(&pd, published) == 0)
		at_date_format(&pd, d->published);
	apply_dates(d, hdr, NULL);
	*out = d;
	return 0;
}

/* What a deferred page still needs. */
struct at_doc_pending {
	char charset[64];
	char fallback[17]; /* a date for a page that gives none (WARC-Date) */
	char override[17]; /* the reader's --published */
};

static void page_dates(at_doc *d, const char *fallback, const char *override)
{
	if (!d->published[0] && fallback && fallback[0])
		snprintf(d->published, sizeof(d->published), "%s", fallback);
	if (override && override[0])
		snprintf(d->published, sizeof(d->published), "%s", override);
}

/* An HTML page: read now, or left pending for at_doc_prepare. */
static int page_doc(at_doc *d, const char *charset, const char *fallback, const char *override,
		    int defer, at_diag *diag)
{
	if (defer) {
		struct at_doc_pending *p = calloc(1, sizeof(*p));
		if (!p || (!d->content_type && !(d->content_type = at__strdup("text/html")))) {
			free(p);
			return AT_ENOMEM;
		}
		snprintf(p->charset, sizeof(p->charset), "%s", charset ? charset : "");
		snprintf(p->fallback, sizeof(p->fallback), "%s", fallback ? fallback : "");
		snprintf(p->override, sizeof(p->override), "%s", override ? override : "");
		free(d->pending);
		d->pending = p;
		return 0;
	}
	int rc = at__html_doc(d, charset, diag);
	if (rc < 0)
		return rc;
	page_dates(d, fallback, override);
	return rc; /* 1: read, with a warning in diag */
}

int at_doc_prepare(at_doc *doc, at_diag *diag)
{
	if (diag)
		memset(diag, 0, sizeof(*diag));
	if (!doc || !doc->pending)
		return 0;
	struct at_doc_pending *p = doc->pending;
	doc->pending = NULL;
	at_diag local;
	int rc = at__html_doc(doc, p->charset[0] ? p->charset : NULL, diag ? diag : &local);
	if (rc >= 0)
		page_dates(doc, p->fallback, p->override);
	free(p);
	return rc;
}

int at_doc_page_skip(const at_ctx *ctx, at_doc *doc)
{
	if (!ctx || !doc || !doc->pending ||
	    lx_page_may_yield(ctx, doc->bytes, doc->len, doc->pending->charset))
		return 0;
	/* no event can come from it (lexicon.c: the page screen): left unread */
	free(doc->pending);
	doc->pending = NULL;
	doc->len = 0;
	doc->body_off = 0;
	return 1;
}

int at__payload_doc(at_doc *doc, int html, const char *charset, const char *fallback,
		    const char *override, int defer, at_diag *diag)
{
	if (html || at__html_sniff(doc->bytes, doc->len))
		return page_doc(doc, charset, fallback, override, defer, diag);
	int chk = check_text(doc->bytes, doc->len, doc->source, 0, doc->record_off,
			     doc->url ? doc->url : doc->id, diag);
	if (chk >= 0)
		page_dates(doc, fallback, override);
	return chk;
}

static int read_text_file(at_reader *r, const char *path, at_doc **out, at_diag *diag)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		set_diag(diag, path, 0, 0, "cannot open: %s", strerror(errno));
		return AT_EIO;
	}
	size_t alloc = 64 * 1024, len = 0;
	char *bytes = malloc(alloc + 1);
	int rc = 0;
	while (bytes) {
		if (len == alloc) {
			if (alloc >= AT_MAX_DOC_BYTES) {
				set_diag(diag, path, 0, len,
					 "document larger than %u bytes; skipped",
					 AT_MAX_DOC_BYTES);
				rc = AT_ETOOBIG;
				break;
			}
			alloc *= 2;
			if (alloc > AT_MAX_DOC_BYTES)
				alloc = AT_MAX_DOC_BYTES;
			char *p = realloc(bytes, alloc + 1);
			if (!p)
				break;
			bytes = p;
		}
		size_t got = fread(bytes + len, 1, alloc - len, f);
		len += got;
		if (got == 0) {
			if (ferror(f)) {
				set_diag(diag, path, 0, len, "read error: %s", strerror(errno));
				rc = AT_EIO;
			}
			break;
		}
	}
	fclose(f);
	r->consumed += len;
	if (!bytes) {
		set_diag(diag, path, 0, len, "out of memory");
		return AT_ENOMEM;
	}
	if (rc) {
		free(bytes);
		return rc;
	}
	bytes[len] = '\0';
	size_t n = len;
	while (n && (bytes[n - 1] == ' ' || bytes[n - 1] == '\n' || bytes[n - 1] == '\r' ||
		     bytes[n - 1] == '\t'))
		n--;
	if (n == 0) {
		free(bytes);
		set_diag(diag, path, 0, 0, "empty document; skipped");
		return AT_EPARSE;
	}
	if (html_name(path) || at__html_sniff(bytes, len)) {
		/* a web page: its charset is its own, its text its main content */
		at_doc *d = new_doc(base_name(path), path, bytes, len);
		if (!d) {
			free(bytes);
			return AT_ENOMEM;
		}
		int hrc = page_doc(d, NULL, NULL, r->published, r->defer, diag);
		if (hrc < 0) {
			at_doc_free(d);
			return hrc;
		}
		*out = d;
		return 1;
	}
	int chk = check_text(bytes, len, path, 0, 0, NULL, diag);
	if (chk < 0) {
		free(bytes);
		return chk;
	}
	at_doc *d = new_doc(base_name(path), path, bytes, len);
	if (!d) {
		free(bytes);
		return AT_ENOMEM;
	}
	char hdr[17] = "";
	d->body_off = date_header(bytes, len, hdr);
	apply_dates(d, hdr, r->published);
	*out = d;
	return 1;
}

/* The file names a directory walk reads: text and JSON-lines documents,
 * web archives. */
static int is_document_name(const char *name)
{
	static const char *const EXT[] = {".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm",
					  ".xhtml", NULL};
	for (int i = 0; EXT[i]; i++)
		if (has_suffix(name, EXT[i]))
			return 1;
	return at__warc_name(name);
}


/* The next document of the web archive being read (see at_reader_next). */
static int next_warc(at_reader *r, at_doc **out, at_diag *diag)
{
	int rc = at__warc_next(r->warc, r->published, r->defer, out, diag);
	uint64_t b = at__warc_bytes(r->warc);
	r->consumed += b - r->warc_seen;
	r->warc_seen = b;
	if (rc == 0) {
		at__warc_free(r->warc);
		r->warc = NULL;
	}
	return rc;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Expand a directory into its entries (sorted), placed at the queue's head. */
static int expand_dir(at_reader *r, const char *path, at_diag *diag)
{
	DIR *dir = opendir(path);
	if (!dir) {
		set_diag(diag, path, 0, 0, "cannot open directory: %s", strerror(errno));
		return AT_EIO;
	}
	char **names = NULL;
	size_t n = 0, alloc = 0;
	struct dirent *e;
	int rc = 0;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue; /* ., .. and hidden files */
		/* inside a directory only documents are read: a README or a
		 * notes file beside the articles is not news */
		if (e->d_type == DT_REG && !is_document_name(e->d_name))
			continue;
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 64;
			char **p = realloc(names, alloc * sizeof(*p));
			if (!p) {
				rc = AT_ENOMEM;
				break;
			}
			names = p;
		}
		names[n] = at__strdup(e->d_name);
		if (!names[n]) {
			rc = AT_ENOMEM;
			break;
		}
		n++;
	}
	closedir(dir);
	/* strcmp order (a folder of 18,000 pages: an insertion sort took
	 * longer than reading them) */
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_name);
	pending *head = NULL, **tail = &head;
	for (size_t i = 0; i < n && rc == 0; i++) {
		size_t len = strlen(path) + strlen(names[i]) + 2;
		pending *p = calloc(1, sizeof(*p));
		char *full = malloc(len);
		if (!p || !full) {
			free(p);
			free(full);
			rc = AT_ENOMEM;
			break;
		}
		snprintf(full, len, "%s%s%s", path, has_suffix(path, "/") ? "" : "/", names[i]);
		p->path = full;
		*tail = p;
		tail = &p->next;
	}
	*tail = r->queue;
	r->queue = head;
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

/* Refill the read buffer from the JSONL stream: 0, or -1 at end of stream. */
static int refill(at_reader *r)
{
	if (!r->rbuf) {
		r->rbuf = malloc(AT_READ_CHUNK);
		if (!r->rbuf)
			return -1;
	}
	/* read(), not fread(): a pipe's lines are handled as they arrive */
	ssize_t got;
	do
		got = read(fileno(r->jsonl), r->rbuf, AT_READ_CHUNK);
	while (got < 0 && errno == EINTR);
	r->rpos = 0;
	r->rlen = got > 0 ? (size_t)got : 0;
	return r->rlen ? 0 : -1; /* a read error ends the stream, as EOF does */
}

/*
 * Read one line of the JSONL stream into r->line. Returns its length, -1 at
 * end of stream, -2 when the line exceeded the cap (it is consumed), or -3
 * when memory ran out. The stream is read in chunks; a line is found with
 * memchr and copied out of the chunk.
 */
static long long read_line(at_reader *r)
{
	size_t len = 0;
	int toolong = 0, any = 0;
	if (!r->line) {
		r->line_alloc = 4096;
		r->line = malloc(r->line_alloc);
		if (!r->line)
			return -3;
	}
	for (;;) {
		if (r->rpos == r->rlen && refill(r) != 0)
			break;
		any = 1;
		const char *p = r->rbuf + r->rpos;
		size_t avail = r->rlen - r->rpos;
		const char *nl = memchr(p, '\n', avail);
		size_t take = nl ? (size_t)(nl - p) : avail;
		r->rpos += take + (nl ? 1 : 0);
		if (!toolong && len + take + 1 > r->line_alloc) {
			size_t na = r->line_alloc;
			while (na < len + take + 1 && na < AT_MAX_LINE_BYTES)
				na *= 2;
			char *q = na >= len + take + 1 ? realloc(r->line, na) : NULL;
			if (!q)
				toolong = 1;
			else {
				r->line = q;
				r->line_alloc = na;
			}
		}
		if (!toolong) {
			memcpy(r->line + len, p, take);
			len += take;
		}
		if (nl)
			break;
	}
	if (!any)
		return -1;
	if (toolong) {
		/* keep memory bounded: shrink the buffer back after a huge line */
		free(r->line);
		r->line = NULL;
		return -2;
	}
	r->line[len] = '\0';
	return (long long)len;
}

static const char *jstr(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/*
 * The document of a parsed JSONL line: its text `tv` (tlen bytes; `owned`,
 * when not NULL, is a malloc'd copy of it that the document takes over) and
 * its id, url, title and published strings (each may be NULL). Returns 1, or
 * <0 with a diagnostic.
 */
static int jsonl_doc(at_reader *r, const char *tv, size_t tlen, char *owned, const char *id,
		     const char *url, const char *title, const char *pub, const char *outlet,
		     int html, at_doc **out, at_diag *diag)
{
	const char *file = r->jsonl_path;
	int rc;
	if (tlen > AT_MAX_DOC_BYTES) {
		set_diag(diag, file, r->jsonl_line, r->jsonl_byte,
			 "text larger than %u bytes; skipped", AT_MAX_DOC_BYTES);
		rc = AT_ETOOBIG;
		goto fail;
	}
	html = html || at__html_sniff(tv, tlen);
	int chk = html ? 0 : check_text(tv, tlen, file, r->jsonl_line, r->jsonl_byte, NULL, diag);
	if (chk < 0) {
		rc = chk;
		goto fail;
	}
	char idbuf[64];
	if (!id) {
		snprintf(idbuf, sizeof(idbuf), "%s:%llu", base_name(file),
			 (unsigned long long)r->jsonl_line);
		id = idbuf;
	}
	char *bytes = owned;
	if (!bytes) {
		bytes = malloc(tlen + 1);
		if (!bytes)
			return AT_ENOMEM;
		memcpy(bytes, tv, tlen);
		bytes[tlen] = '\0';
	}
	at_doc *d = new_doc(id, file, bytes, tlen);
	if (!d) {
		free(bytes);
		return AT_ENOMEM;
	}
	d->line = r->jsonl_line;
	d->url = at__strdup(url);
	d->title = at__strdup(title);
	d->outlet = at__strdup(outlet);
	at_date pd;
	if (pub && at_date_parse(&pd, pub) == 0)
		at_date_format(&pd, d->published);
	char hdr[17] = "";
	if (html) {
		/* the line's own fields win over the page's */
		int hrc = page_doc(d, NULL, NULL, r->published, r->defer, diag);
		if (hrc < 0) {
			at_doc_free(d);
			return hrc;
		}
	} else {
		d->body_off = date_header(bytes, tlen, hdr);
	}
	apply_dates(d, hdr, r->published);
	*out = d;
	return 1;
fail:
	free(owned);
	return rc;
}

/* Parse one JSONL line into a document. Returns 1, or <0 with a diagnostic. */
static int parse_jsonl_doc(at_reader *r, const char *line, size_t len, at_doc **out,
			   at_diag *diag)
{
	/* the common line, without building a tree (jsonl_fast.c) */
	at_jsonl_fields f;
	int fast = at_ingest__jsonl_fast(line, len, &f);
	if (fast < 0)
		return fast;
	if (fast == 1) {
		int rc = jsonl_doc(r, f.text, f.tlen, f.text, f.id, f.url, f.title, f.published,
				   f.outlet, 0, out, diag);
		f.text = NULL; /* taken over (or freed) by jsonl_doc */
		at_ingest__jsonl_fields_free(&f);
		return rc;
	}
	const char *file = r->jsonl_path;
	json_error_t jerr;
	json_t *o = json_loadb(line, len, 0, &jerr);
	if (!o) {
		char why[200];
		set_diag(diag, file, r->jsonl_line, r->jsonl_byte + (uint64_t)jerr.position,
			 "malformed JSON, %s; line skipped",
			 at_ev_json_error(&jerr, why, sizeof(why)));
		return AT_EPARSE;
	}
	int rc = AT_EPARSE;
	if (!json_is_object(o)) {
		set_diag(diag, file, r->jsonl_line, r->jsonl_byte,
			 "not a JSON object; line skipped");
		goto cleanup;
	}
	json_t *text = json_object_get(o, "text");
	int html = 0;
	if (!json_is_string(text)) { /* a page: {"url": ..., "html": "<!doctype ..."} */
		text = json_object_get(o, "html");
		html = 1;
	}
	if (!json_is_string(text)) {
		set_diag(diag, file, r->jsonl_line, r->jsonl_byte,
			 "no \"text\" or \"html\" string; line skipped");
		goto cleanup;
	}
	char idbuf[64];
	const char *id = jstr(o, "id");
	json_t *idv = json_object_get(o, "id");
	if (!id && json_is_integer(idv)) {
		snprintf(idbuf, sizeof(idbuf), "%lld", (long long)json_integer_value(idv));
		id = idbuf;
	}
	rc = jsonl_doc(r, json_string_value(text), json_string_length(text), NULL, id,
		       jstr(o, "url"), jstr(o, "title"), jstr(o, "published"),
		       jstr(o, "outlet"), html, out, diag);
cleanup:
	json_decref(o);
	return rc;
}

static int next_jsonl(at_reader *r, at_doc **out, at_diag *diag)
{
	for (;;) {
		long long n = read_line(r);
		uint64_t start = r->jsonl_byte;
		r->jsonl_line++;
		if (n == -1) {
			if (!r->jsonl_is_stdin)
				fclose(r->jsonl);
			r->jsonl = NULL;
			return 0;
		}
		if (n == -3)
			return AT_ENOMEM;
		if (n == -2) {
			set_diag(diag, r->jsonl_path, r->jsonl_line, start,
				 "line longer than %u bytes; skipped", AT_MAX_LINE_BYTES);
			/* the byte count of a skipped line is unknown: report the line */
			return AT_ETOOBIG;
		}
		r->jsonl_byte += (uint64_t)n + 1;
		r->consumed += (uint64_t)n + 1;
		const char *s = r->line;
		size_t len = (size_t)n;
		while (len && (s[len - 1] == '\r' || s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		size_t i = 0;
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i == len)
			continue; /* blank line */
		r->jsonl_byte = start; /* positions in diagnostics are line starts */
		int rc = parse_jsonl_doc(r, s, len, out, diag);
		r->jsonl_byte = start + (uint64_t)n + 1;
		return rc;
	}
}

int at_reader_next(at_reader *r, at_doc **out, at_diag *diag)
{
	*out = NULL;
	if (diag)
		memset(diag, 0, sizeof(*diag));
	for (;;) {
		if (r->jsonl) {
			int rc = next_jsonl(r, out, diag);
			if (rc != 0)
				return rc;
			continue;
		}
		if (r->warc) {
			int rc = next_warc(r, out, diag);
			if (rc != 0)
				return rc;
			continue;
		}
		pending *p = r->queue;
		if (!p)
			return 0;
		r->queue = p->next;
		char *path = p->path;
		free(p);
		int rc = 0;
		struct stat st;
		if (strcmp(path, "-") == 0) {
			free(r->jsonl_path);
			r->jsonl_path = path;
			r->jsonl = stdin;
			r->jsonl_is_stdin = 1;
			r->jsonl_line = r->jsonl_byte = 0;
			continue;
		}
		if (stat(path, &st) != 0) {
			set_diag(diag, path, 0, 0, "cannot read: %s", strerror(errno));
			free(path);
			return AT_EIO;
		}
		if (S_ISDIR(st.st_mode)) {
			rc = expand_dir(r, path, diag);
			free(path);
			if (rc)
				return rc;
			continue;
		}
		if (has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson")) {
			FILE *f = fopen(path, "rb");
			if (!f) {
				set_diag(diag, path, 0, 0, "cannot open: %s", strerror(errno));
				free(path);
				return AT_EIO;
			}
			free(r->jsonl_path);
			r->jsonl_path = path;
			r->jsonl = f;
			r->jsonl_is_stdin = 0;
			r->jsonl_line = r->jsonl_byte = 0;
			continue;
		}
		if (at__warc_name(path) || at__warc_sniff(path)) {
			rc = at__warc_open(&r->warc, path, diag);
			free(path);
			if (rc)
				return rc;
			r->warc_seen = 0;
			continue;
		}
		rc = read_text_file(r, path, out, diag);
		free(path);
		return rc;
	}
}

uint64_t at_reader_bytes(const at_reader *r) { return r ? r->consumed : 0; }

/* The sizes of the files a walk of `path` reads; `depth` bounds symlink loops. */
static uint64_t input_size(const char *path, int top, int depth)
{
	struct stat st;
	if (depth > 32 || stat(path, &st) != 0)
		return 0;
	if (S_ISREG(st.st_mode))
		return top || is_document_name(base_name(path)) ? (uint64_t)st.st_size : 0;
	if (!S_ISDIR(st.st_mode))
		return 0;
	DIR *dir = opendir(path);
	if (!dir)
		return 0;
	uint64_t sum = 0;
	struct dirent *e;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		size_t len = strlen(path) + strlen(e->d_name) + 2;
		char *full = malloc(len);
		if (!full)
			break;
		snprintf(full, len, "%s/%s", path, e->d_name);
		sum += input_size(full, 0, depth + 1);
		free(full);
	}
	closedir(dir);
	return sum;
}

uint64_t at_input_size(const char *path)
{
	if (!path || strcmp(path, "-") == 0)
		return 0;
	return input_size(path, 1, 0);
}
