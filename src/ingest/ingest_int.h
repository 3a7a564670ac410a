/* SPDX-License-Identifier: MIT */
/*
 * ingest_int.h — what the readers of src/ingest share (not public).
 */
#ifndef AT_INGEST_INT_H
#define AT_INGEST_INT_H

#include <stdint.h>

#include "aidtrace.h"

/* strdup (NULL for NULL, or when out of memory). */
char *at__strdup(const char *s);

/* ---- input formats (formats.c) ------------------------------------------- */

/* What a format's reader is told when it starts on a file. */
typedef struct at_read_opts {
	const char *published; /* the date that overrides every document's, or "" */
	int defer;             /* leave web pages to at_doc_prepare */
} at_read_opts;

/*
 * An input format. The reader hands each file to the first format of
 * at__formats that claims it (by its name or first bytes; a NULL `claims`
 * takes any file), and a directory walk reads the files whose names some
 * format's walk_name accepts. open makes the format's state for a path (0,
 * or <0 with diag); next gives its next document (1, diag may hold a
 * warning), 0 at its end, or <0 for one bad unit with diag (reading goes
 * on); bytes is how much of the file was read so far; close frees the state.
 */
typedef struct at_format {
	const char *name;
	int (*walk_name)(const char *name);
	int (*claims)(const char *path);
	int (*open)(void **st, const char *path, const at_read_opts *o, at_diag *diag);
	int (*next)(void *st, at_doc **out, at_diag *diag);
	uint64_t (*bytes)(const void *st);
	void (*close)(void *st);
} at_format;

/* The formats in order of precedence, NULL-terminated (formats.c). */
extern const at_format *const at__formats[];
extern const at_format at__jsonl_format; /* jsonl.c; also "-" (stdin) */
extern const at_format at__warc_format;  /* warc.c */
extern const at_format at__page_format;  /* text.c: web pages */
extern const at_format at__text_format;  /* text.c: any other file */

/* ---- helpers the formats share (ingest.c) --------------------------------- */

void at__set_diag(at_diag *d, const char *file, uint64_t line, uint64_t byte, const char *fmt,
		  ...) __attribute__((format(printf, 5, 6)));
int at__has_suffix(const char *s, const char *suf);
/* .html, .htm, .xhtml (also .HTML, .HTM) */
int at__html_name(const char *path);
const char *at__base_name(const char *path);
/* A first line " date YYYY-MM-DD[ hh:mm]": where the article starts (0 when
 * there is none), its date into `date` (or ""). */
size_t at__date_header(const char *s, size_t n, char date[17]);
/* NUL bytes refuse a text (<0), invalid UTF-8 warns (1), else 0; diag names
 * file, line and byte (base + offset), or, for an archive's record (`record`
 * its URL, base its offset; NULL otherwise), the record and the byte in its
 * text. */
int at__check_text(const char *s, size_t n, const char *file, uint64_t line, uint64_t base,
		   const char *record, at_diag *diag);
/* A document taking over `bytes`; NULL when out of memory (bytes not freed). */
at_doc *at__new_doc(const char *id, const char *source, char *bytes, size_t len);
/* The override date, else a header date where the document has none. */
void at__apply_dates(at_doc *d, const char *header_date, const char *override);
/* An HTML page's document: read now (html.c), or left for at_doc_prepare. */
int at__page_doc(at_doc *d, const char *charset, const char *fallback, const char *override,
		 int defer, at_diag *diag);

/* ---- web archives (warc.c) ------------------------------------------------ */

typedef struct at_warc at_warc;

/* Is this a web archive's name (.warc, .warc.gz, .arc, .arc.gz)? */
int at__warc_name(const char *path);
/* Do the file's first bytes start a WARC or ARC file (plain or gzip)? */
int at__warc_sniff(const char *path);
int at__warc_open(at_warc **out, const char *path, at_diag *diag);
/* The same, reading from byte `off` of the file: a record's offset (for .gz,
 * the start of its gzip member), as record_off gives it. */
int at__warc_open_at(at_warc **out, const char *path, uint64_t off, at_diag *diag);
/*
 * The next document of the archive: 1 with *out (diag may hold a warning
 * about it), 0 at the end, <0 with a diagnostic about a broken record (the
 * archive goes on: call again). `override` (or NULL/"") replaces every
 * document's date.
 */
int at__warc_next(at_warc *w, const char *override, int defer, at_doc **out, at_diag *diag);
/* Bytes of the archive file read so far. */
uint64_t at__warc_bytes(const at_warc *w);
void at__warc_free(at_warc *w);

/* ---- web pages (html.c) ---------------------------------------------------- */

/* Do these bytes start like an HTML page (after a BOM, spaces, comments)? */
int at__html_sniff(const char *s, size_t n);
/* doc->bytes holds an HTML page of doc->len bytes. Replace them by the page's
 * main text (paragraphs separated by blank lines), keeping the map from text
 * offsets back to the page's bytes; fill title/published/url/outlet where they
 * are empty. `charset` (may be NULL) is an outside hint such as an HTTP
 * Content-Type charset. Returns 0; 1 when the page was read but with a
 * warning in `diag` (bytes not valid in its charset); or a negative AT_E*
 * code with `diag` set (the document is then unusable). libxml2's own
 * messages never reach stderr. */
int at__html_doc(at_doc *doc, const char *charset, at_diag *diag);

/* ---- payloads (ingest.c) --------------------------------------------------- */

/*
 * A document made from a payload (an archive record): text is checked as a
 * text file is (NUL bytes refuse it, invalid UTF-8 warns); an HTML page goes
 * through the HTML reader (now, or at at_doc_prepare when `defer`).
 * `charset` (may be NULL) is the HTTP one; `fallback` the date for a page
 * that gives none; `override` the reader's date. Returns 0, 1 (read, with a
 * warning in diag) or <0 (diag set).
 */
int at__payload_doc(at_doc *doc, int html, const char *charset, const char *fallback,
		    const char *override, int defer, at_diag *diag);

#endif
