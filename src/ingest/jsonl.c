/* SPDX-License-Identifier: MIT */
/*
 * jsonl.c — the JSON-lines reader: one document a line (a file, or stdin for
 * "-"), {"id","url","published","title","outlet","text"} or "html" instead
 * of "text" for a page. The stream is read in chunks; each line is capped
 * at AT_MAX_LINE_BYTES (a longer one is skipped without being held). Common
 * lines take the fast path (jsonl_fast.c), the rest jansson, which writes
 * every diagnostic (file, line, byte).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aidtrace.h"
#include "ingest_int.h"
#include "jsonl_fast.h"
#include "../events/events.h"
#include "../util/date.h"

#define AT_READ_CHUNK (64u * 1024u)

typedef struct jsonl_reader {
	FILE *f; /* the stream */
	int is_stdin;
	char *path;      /* for diagnostics ("-" for stdin) */
	uint64_t lineno; /* lines read */
	uint64_t byte;   /* offset of the current line */
	char *line;      /* line buffer, grows up to AT_MAX_LINE_BYTES */
	size_t line_alloc;
	char *rbuf; /* chunk of the stream read ahead */
	size_t rpos, rlen;
	char published[17]; /* override, or "" */
	int defer;          /* defer_pages */
	uint64_t consumed;  /* bytes of lines read */
} jsonl_reader;

static void jsonl_close(void *st)
{
	jsonl_reader *r = st;
	if (!r)
		return;
	if (r->f && !r->is_stdin)
		fclose(r->f);
	free(r->path);
	free(r->line);
	free(r->rbuf);
	free(r);
}

static int jsonl_open(void **out, const char *path, const at_read_opts *o, at_diag *diag)
{
	*out = NULL;
	jsonl_reader *r = calloc(1, sizeof(*r));
	if (!r || !(r->path = at__strdup(path))) {
		free(r);
		return AT_ENOMEM;
	}
	snprintf(r->published, sizeof(r->published), "%s", o->published);
	r->defer = o->defer;
	if (strcmp(path, "-") == 0) {
		r->f = stdin;
		r->is_stdin = 1;
	} else if (!(r->f = fopen(path, "rb"))) {
		at__set_diag(diag, path, 0, 0, "cannot open: %s", strerror(errno));
		jsonl_close(r);
		return AT_EIO;
	}
	*out = r;
	return 0;
}

static uint64_t jsonl_bytes(const void *st) { return ((const jsonl_reader *)st)->consumed; }

static int jsonl_name(const char *name)
{
	return at__has_suffix(name, ".jsonl") || at__has_suffix(name, ".ndjson");
}

/* Refill the read buffer from the JSONL stream: 0, or -1 at end of stream. */
static int refill(jsonl_reader *r)
{
	if (!r->rbuf) {
		r->rbuf = malloc(AT_READ_CHUNK);
		if (!r->rbuf)
			return -1;
	}
	/* read(), not fread(): a pipe's lines are handled as they arrive */
	ssize_t got;
	do
		got = read(fileno(r->f), r->rbuf, AT_READ_CHUNK);
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
static long long read_line(jsonl_reader *r)
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
 * its id, url, title and published strings (each may be NULL). `checked`:
 * the text is known to be valid UTF-8 with no NUL (the fast path's: a valid
 * line, no raw control byte, no \u0000 or surrogate escape). Returns 1, or
 * <0 with a diagnostic.
 */
static int jsonl_doc(jsonl_reader *r, const char *tv, size_t tlen, char *owned, const char *id,
		     const char *url, const char *title, const char *pub, const char *outlet,
		     int html, int checked, at_doc **out, at_diag *diag)
{
	const char *file = r->path;
	int rc;
	if (tlen > AT_MAX_DOC_BYTES) {
		at__set_diag(diag, file, r->lineno, r->byte,
			     "text larger than %u bytes; skipped", AT_MAX_DOC_BYTES);
		rc = AT_ETOOBIG;
		goto fail;
	}
	html = html || at__html_sniff(tv, tlen);
	int chk = html || checked ? 0 : at__check_text(tv, tlen, file, r->lineno, r->byte, NULL,
							 diag);
	if (chk < 0) {
		rc = chk;
		goto fail;
	}
	char idbuf[64];
	if (!id) {
		snprintf(idbuf, sizeof(idbuf), "%s:%llu", at__base_name(file),
			 (unsigned long long)r->lineno);
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
	at_doc *d = at__new_doc(id, file, bytes, tlen);
	if (!d) {
		free(bytes);
		return AT_ENOMEM;
	}
	d->line = r->lineno;
	d->url = at__strdup(url);
	d->title = at__strdup(title);
	d->outlet = at__strdup(outlet);
	at_date pd;
	if (pub && at_date_parse(&pd, pub) == 0)
		at_date_format(&pd, d->published);
	char hdr[17] = "";
	if (html) {
		/* the line's own fields win over the page's */
		int hrc = at__page_doc(d, NULL, NULL, r->published, r->defer, diag);
		if (hrc < 0) {
			at_doc_free(d);
			return hrc;
		}
	} else {
		d->body_off = at__date_header(bytes, tlen, hdr);
	}
	at__apply_dates(d, hdr, r->published);
	*out = d;
	return 1;
fail:
	free(owned);
	return rc;
}

/* Parse one JSONL line into a document. Returns 1, or <0 with a diagnostic. */
static int parse_jsonl_doc(jsonl_reader *r, const char *line, size_t len, at_doc **out,
			   at_diag *diag)
{
	/* the common line, without building a tree (jsonl_fast.c) */
	at_jsonl_fields f;
	int fast = at_ingest__jsonl_fast(line, len, &f);
	if (fast < 0)
		return fast;
	if (fast == 1) {
		int rc = jsonl_doc(r, f.text, f.tlen, f.text, f.id, f.url, f.title, f.published,
				   f.outlet, 0, 1, out, diag);
		f.text = NULL; /* taken over (or freed) by jsonl_doc */
		at_ingest__jsonl_fields_free(&f);
		return rc;
	}
	const char *file = r->path;
	json_error_t jerr;
	json_t *o = json_loadb(line, len, 0, &jerr);
	if (!o) {
		char why[200];
		at__set_diag(diag, file, r->lineno, r->byte + (uint64_t)jerr.position,
			     "malformed JSON, %s; line skipped",
			     at_ev_json_error(&jerr, why, sizeof(why)));
		return AT_EPARSE;
	}
	int rc = AT_EPARSE;
	if (!json_is_object(o)) {
		at__set_diag(diag, file, r->lineno, r->byte,
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
		at__set_diag(diag, file, r->lineno, r->byte,
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
		       jstr(o, "outlet"), html, 0, out, diag);
cleanup:
	json_decref(o);
	return rc;
}

static int next_lines(jsonl_reader *r, at_doc **out, at_diag *diag);

static int jsonl_next(void *st, at_doc **out, at_diag *diag)
{
	jsonl_reader *r = st;
	return next_lines(r, out, diag);
}

static int next_lines(jsonl_reader *r, at_doc **out, at_diag *diag)
{
	for (;;) {
		long long n = read_line(r);
		uint64_t start = r->byte;
		r->lineno++;
		if (n == -1)
			return 0; /* the end: the reader closes the stream */
		if (n == -3)
			return AT_ENOMEM;
		if (n == -2) {
			at__set_diag(diag, r->path, r->lineno, start,
				     "line longer than %u bytes; skipped", AT_MAX_LINE_BYTES);
			/* the byte count of a skipped line is unknown: report the line */
			return AT_ETOOBIG;
		}
		r->byte += (uint64_t)n + 1;
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
		r->byte = start;  /* positions in diagnostics are line starts */
		int rc = parse_jsonl_doc(r, s, len, out, diag);
		r->byte = start + (uint64_t)n + 1;
		return rc;
	}
}

const at_format at__jsonl_format = {"jsonl",    jsonl_name,  jsonl_name, jsonl_open,
				    jsonl_next, jsonl_bytes, jsonl_close};
