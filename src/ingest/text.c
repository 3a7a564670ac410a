/* SPDX-License-Identifier: MIT */
/*
 * text.c — single-document files: a text file (an optional first line
 * " date YYYY-MM-DD" gives its date; NUL bytes refuse it, invalid UTF-8
 * warns) or a web page (.html, .htm, .xhtml, or a file that starts like one:
 * html.c reads it, now or at at_doc_prepare). A file over AT_MAX_DOC_BYTES
 * or an empty one is refused with a diagnostic.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aidtrace.h"
#include "ingest_int.h"

typedef struct text_reader {
	char *path;
	int done;           /* its document was handed out */
	char published[17]; /* override, or "" */
	int defer;
	uint64_t consumed;
} text_reader;

static int read_text_file(text_reader *r, const char *path, at_doc **out, at_diag *diag)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		at__set_diag(diag, path, 0, 0, "cannot open: %s", strerror(errno));
		return AT_EIO;
	}
	size_t alloc = 64 * 1024, len = 0;
	char *bytes = malloc(alloc + 1);
	int rc = 0;
	while (bytes) {
		if (len == alloc) {
			if (alloc >= AT_MAX_DOC_BYTES) {
				at__set_diag(diag, path, 0, len,
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
				at__set_diag(diag, path, 0, len, "read error: %s",
					     strerror(errno));
				rc = AT_EIO;
			}
			break;
		}
	}
	fclose(f);
	r->consumed += len;
	if (!bytes) {
		at__set_diag(diag, path, 0, len, "out of memory");
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
		at__set_diag(diag, path, 0, 0, "empty document; skipped");
		return AT_EPARSE;
	}
	if (at__html_name(path) || at__html_sniff(bytes, len)) {
		/* a web page: its charset is its own, its text its main content */
		at_doc *d = at__new_doc(at__base_name(path), path, bytes, len);
		if (!d) {
			free(bytes);
			return AT_ENOMEM;
		}
		int hrc = at__page_doc(d, NULL, NULL, r->published, r->defer, diag);
		if (hrc < 0) {
			at_doc_free(d);
			return hrc;
		}
		*out = d;
		return 1;
	}
	int chk = at__check_text(bytes, len, path, 0, 0, NULL, diag);
	if (chk < 0) {
		free(bytes);
		return chk;
	}
	at_doc *d = at__new_doc(at__base_name(path), path, bytes, len);
	if (!d) {
		free(bytes);
		return AT_ENOMEM;
	}
	char hdr[17] = "";
	d->body_off = at__date_header(bytes, len, hdr);
	at__apply_dates(d, hdr, r->published);
	*out = d;
	return 1;
}

static int text_open(void **out, const char *path, const at_read_opts *o, at_diag *diag)
{
	(void)diag;
	*out = NULL;
	text_reader *r = calloc(1, sizeof(*r));
	if (!r || !(r->path = at__strdup(path))) {
		free(r);
		return AT_ENOMEM;
	}
	snprintf(r->published, sizeof(r->published), "%s", o->published);
	r->defer = o->defer;
	*out = r;
	return 0;
}

/* The file's one document (or its diagnostic), then the end. */
static int text_next(void *st, at_doc **out, at_diag *diag)
{
	text_reader *r = st;
	if (r->done)
		return 0;
	r->done = 1;
	return read_text_file(r, r->path, out, diag);
}

static uint64_t text_bytes(const void *st) { return ((const text_reader *)st)->consumed; }

static void text_close(void *st)
{
	text_reader *r = st;
	if (r)
		free(r->path);
	free(r);
}

static int page_walk_name(const char *name)
{
	return at__has_suffix(name, ".html") || at__has_suffix(name, ".htm") ||
	       at__has_suffix(name, ".xhtml");
}

static int text_walk_name(const char *name)
{
	return at__has_suffix(name, ".txt") || at__has_suffix(name, ".text");
}

/* Pages and texts share the reader: a page is known by its name (also in
 * capitals) or its first bytes once the file is read. The text format
 * claims any file no other format claims. */
const at_format at__page_format = {"html",    page_walk_name, page_walk_name, text_open,
				   text_next, text_bytes,     text_close};
const at_format at__text_format = {"text",    text_walk_name, NULL,      text_open,
				   text_next, text_bytes,     text_close};
