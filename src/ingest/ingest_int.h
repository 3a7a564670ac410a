/*
 * ingest_int.h — what the readers of src/ingest share (not public).
 */
#ifndef AT_INGEST_INT_H
#define AT_INGEST_INT_H

#include <stdint.h>

#include "aidtrace.h"

/* strdup (NULL for NULL, or when out of memory). */
char *at__strdup(const char *s);

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
 * Content-Type charset. Returns 0, or a negative AT_E* code with `diag` set
 * (the document is then unusable). */
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
