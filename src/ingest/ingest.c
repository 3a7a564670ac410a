/* SPDX-License-Identifier: MIT */
/*
 * ingest.c — reading documents: the reader walks its paths (directories in
 * name order, "-" for JSON lines on stdin) and hands each file to the first
 * input format that claims it (formats.c: JSON lines, web archives, web
 * pages, text). Exports at_reader_open/next/free, at_doc_from_text,
 * at_doc_free and at_doc_prepare (aidtrace.h), and the helpers the formats
 * share (ingest_int.h).
 *
 * Memory stays bounded: a text file larger than AT_MAX_DOC_BYTES and a JSONL
 * line longer than AT_MAX_LINE_BYTES are refused with a diagnostic (the
 * oversized line is skipped without being held in memory). Every bad unit —
 * an unreadable or empty file, binary junk, invalid UTF-8, a malformed JSON
 * line — yields a diagnostic naming the file and the line or byte, and the
 * reader goes on with the next unit.
 *
 * The formats: jsonl.c (JSON lines, with the fast path of jsonl_fast.c),
 * warc.c (WARC and ARC archives, record by record), text.c (text files and
 * web pages, html.c reading the pages).
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "aidtrace.h"
#include "ingest_int.h"
#include "../lexicon/lexicon.h"
#include "../util/date.h"
#include "../util/utf8.h"

typedef struct pending {
	char *path;
	struct pending *next;
} pending;

struct at_reader {
	pending *queue;       /* paths still to read, in order */
	const at_format *fmt; /* the format of the file being read, or NULL */
	void *st;             /* its state */
	uint64_t st_seen;     /* its bytes already counted in consumed */
	char published[17];   /* override, or "" */
	int defer;            /* defer_pages */
	uint64_t consumed;    /* bytes read so far, for at_reader_bytes */
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

void at__set_diag(at_diag *d, const char *file, uint64_t line, uint64_t byte,
		     const char *fmt, ...) __attribute__((format(printf, 5, 6)));

void at__set_diag(at_diag *d, const char *file, uint64_t line, uint64_t byte,
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
	if (r->fmt)
		r->fmt->close(r->st);
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

int at__has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && strcmp(s + n - m, suf) == 0;
}

int at__html_name(const char *path)
{
	return at__has_suffix(path, ".html") || at__has_suffix(path, ".htm") || at__has_suffix(path, ".xhtml") ||
	       at__has_suffix(path, ".HTML") || at__has_suffix(path, ".HTM");
}

const char *at__base_name(const char *path)
{
	const char *b = strrchr(path, '/');
	return b ? b + 1 : path;
}

/*
 * A text may start with a header line " date YYYY-MM-DD[ hh:mm]" (the month
 * and day may be missing). Returns the offset where the article starts and
 * writes the date into `date` (or leaves it "").
 */
size_t at__date_header(const char *s, size_t n, char date[17])
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
int at__check_text(const char *s, size_t n, const char *file, uint64_t line, uint64_t base,
		   const char *record, at_diag *diag)
{
	const char *nul = memchr(s, '\0', n);
	size_t bad = nul ? (size_t)(nul - s) : at_utf8_check(s, n);
	if (bad >= n)
		return 0;
	const char *what = nul ? "binary data (NUL byte), not a text document; skipped"
			       : "invalid UTF-8 (read as spaces)";
	if (record)
		at__set_diag(diag, file, line, base,
			     "the record of %s: %s, at byte %llu of its text", record, what,
			     (unsigned long long)bad);
	else
		at__set_diag(diag, file, line, base + bad, "%s", what);
	return nul ? AT_EENCODING : 1; /* invalid UTF-8 is a warning: the text is read */
}

at_doc *at__new_doc(const char *id, const char *source, char *bytes, size_t len)
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

void at__apply_dates(at_doc *d, const char *header_date, const char *override)
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
	at_doc *d = at__new_doc(id ? id : "doc", "-", bytes, len);
	if (!d) {
		free(bytes);
		return AT_ENOMEM;
	}
	char hdr[17] = "";
	d->body_off = at__date_header(bytes, len, hdr);
	at_date pd;
	if (published && at_date_parse(&pd, published) == 0)
		at_date_format(&pd, d->published);
	at__apply_dates(d, hdr, NULL);
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
int at__page_doc(at_doc *d, const char *charset, const char *fallback, const char *override,
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
		return at__page_doc(doc, charset, fallback, override, defer, diag);
	int chk = at__check_text(doc->bytes, doc->len, doc->source, 0, doc->record_off,
				 doc->url ? doc->url : doc->id, diag);
	if (chk >= 0)
		page_dates(doc, fallback, override);
	return chk;
}

/* The file names a directory walk reads: those of a format (documents and
 * archives; a README or a notes file beside the articles is not news). */
static int is_document_name(const char *name)
{
	for (int i = 0; at__formats[i]; i++)
		if (at__formats[i]->walk_name(name))
			return 1;
	return 0;
}

/* The first format that claims the file (the last claims any file). */
static const at_format *format_of(const char *path)
{
	for (int i = 0; at__formats[i]; i++)
		if (!at__formats[i]->claims || at__formats[i]->claims(path))
			return at__formats[i];
	return NULL;
}

/* The next unit of the file being read; at its end the format is closed. */
static int next_unit(at_reader *r, at_doc **out, at_diag *diag)
{
	int rc = r->fmt->next(r->st, out, diag);
	uint64_t b = r->fmt->bytes(r->st);
	r->consumed += b - r->st_seen;
	r->st_seen = b;
	if (rc == 0) {
		r->fmt->close(r->st);
		r->fmt = NULL;
		r->st = NULL;
	}
	return rc;
}

/* Start reading path with format f. */
static int start(at_reader *r, const at_format *f, const char *path, at_diag *diag)
{
	at_read_opts o = {r->published, r->defer};
	int rc = f->open(&r->st, path, &o, diag);
	if (rc)
		return rc;
	r->fmt = f;
	r->st_seen = 0;
	return 0;
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
		at__set_diag(diag, path, 0, 0, "cannot open directory: %s", strerror(errno));
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
		snprintf(full, len, "%s%s%s", path, at__has_suffix(path, "/") ? "" : "/", names[i]);
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

int at_reader_next(at_reader *r, at_doc **out, at_diag *diag)
{
	*out = NULL;
	if (diag)
		memset(diag, 0, sizeof(*diag));
	for (;;) {
		if (r->fmt) {
			int rc = next_unit(r, out, diag);
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
		if (strcmp(path, "-") == 0) { /* JSON lines on stdin */
			rc = start(r, &at__jsonl_format, path, diag);
			free(path);
			if (rc)
				return rc;
			continue;
		}
		if (stat(path, &st) != 0) {
			at__set_diag(diag, path, 0, 0, "cannot read: %s", strerror(errno));
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
		rc = start(r, format_of(path), path, diag);
		free(path);
		if (rc)
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
		return top || is_document_name(at__base_name(path)) ? (uint64_t)st.st_size : 0;
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
