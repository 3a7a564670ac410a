/*
 * aidtrace.h — the public API of libaidtrace.
 *
 * aidtrace turns news articles into events of military assistance (aid),
 * exercises and deployments, as specified by SCHEMA.md. The library is used
 * in three steps:
 *
 *   at_ctx_new()          load the lexicons (the data folder of TSV files) once per process;
 *   at_reader_open() +    read documents one at a time from .txt, .jsonl,
 *   at_reader_next()      directories or stdin, with diagnostics for bad input;
 *   at_extract_doc()      a pure function of (ctx, doc): the document's events;
 *   at_events_jsonl() /   render events as JSON lines (SCHEMA.md) or a table.
 *   at_events_table()
 *
 * Ownership: every object returned through an `out` parameter is owned by the
 * caller and released with its `_free` function; `_free(NULL)` is a no-op.
 * Strings inside a returned object are borrowed until that object is freed.
 * A context is immutable after creation and may be shared by threads.
 */
#ifndef AIDTRACE_H
#define AIDTRACE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AT_VERSION "0.1.0"

/* Error codes: functions return 0 on success or one of these. */
enum {
	AT_OK = 0,
	AT_ENOMEM = -1,  /* allocation failed */
	AT_EIO = -2,     /* a file could not be read */
	AT_EPARSE = -3,  /* malformed input (bad JSON, bad TSV row) */
	AT_ETOOBIG = -4, /* a cap was exceeded (document size, line length) */
	AT_EINVAL = -5,  /* bad argument */
	AT_EENCODING = -6 /* input is not text (binary, invalid UTF-8) */
};

/* Caps on input, so that memory stays bounded whatever the input. */
#define AT_MAX_DOC_BYTES (8u * 1024u * 1024u)   /* one document */
#define AT_MAX_LINE_BYTES (16u * 1024u * 1024u) /* one JSONL line */

/* ---- context: lexicons and options ------------------------------------ */

typedef struct at_ctx at_ctx;

/*
 * Load the lexicons from `datadir` (a folder of TSV files). On failure
 * returns a negative code, *out = NULL, and writes a message naming the file
 * and line into `err` (size `errlen`).
 */
int at_ctx_new(at_ctx **out, const char *datadir, char *err, size_t errlen);
void at_ctx_free(at_ctx *ctx);
/*
 * Add daily exchange rates from `path`, a CSV in the European Central Bank's
 * reference-rate layout ("Date,USD,JPY,..." rows of units per euro, "N/A"
 * for gaps); they are crossed to US dollars through the day's USD rate and
 * take precedence over the annual table (data/rates.tsv) for the days and
 * months they cover. Call it after at_ctx_new and before any extraction (it
 * changes the context). On failure returns a negative code and writes a
 * message naming the file, line and byte into `err`.
 */
int at_ctx_load_rates(at_ctx *ctx, const char *path, char *err, size_t errlen);
/* The default data folder compiled into the library (may not exist). */
const char *at_default_datadir(void);

/* ---- documents and diagnostics ---------------------------------------- */

typedef struct at_doc {
	char *id;        /* document id: JSONL "id", or a file's base name */
	char *url;       /* may be NULL */
	char *title;     /* may be NULL (JSONL "title") */
	char published[17]; /* "YYYY-MM-DD", "YYYY-MM", "YYYY" or "" */
	char *bytes;     /* the text; event offsets are byte offsets into it */
	size_t len;
	size_t body_off; /* where the article text starts (after a date header) */
	char *source;    /* the file it came from (for messages) */
	uint64_t line;   /* 1-based line in a JSONL file, 0 otherwise */
} at_doc;

void at_doc_free(at_doc *doc);

/* A diagnostic about bad input: file, place, message. */
typedef struct at_diag {
	char file[512];
	uint64_t line;   /* 1-based line, or 0 */
	uint64_t byte;   /* byte offset into the file */
	char msg[256];
} at_diag;

/* ---- reading documents ------------------------------------------------- */

typedef struct at_reader at_reader;

typedef struct at_reader_opts {
	const char *published; /* overrides every document's date, or NULL */
} at_reader_opts;

/*
 * Open `path` for reading: a .txt/.text/other file (one document), a .jsonl
 * file (one document a line), a directory (walked in name order) or "-"
 * (JSON lines on stdin). `opts` may be NULL.
 */
int at_reader_open(at_reader **out, const char *path, const at_reader_opts *opts);

/*
 * Read the next document. Returns 1 with *out set to a new document, 0 at the
 * end, or a negative code for one bad input unit (a bad line, an unreadable
 * file) with `diag` filled in; reading may continue after an error.
 */
int at_reader_next(at_reader *r, at_doc **out, at_diag *diag);
void at_reader_free(at_reader *r);

/* Build a document from memory (for tests and embedding). Copies its inputs. */
int at_doc_from_text(at_doc **out, const char *id, const char *text, size_t len,
		     const char *published);

/* ---- events ------------------------------------------------------------ */

typedef struct at_events at_events; /* the events of one document */

/*
 * Extract the events of one document. A pure function: no I/O, no state but
 * the immutable context. On success *out holds the events (possibly none).
 */
int at_extract_doc(at_events **out, const at_ctx *ctx, const at_doc *doc);

/*
 * A worker is at_extract_doc with memory kept between documents: one per
 * thread, for runs over many documents. The results are the same.
 */
typedef struct at_worker at_worker;
int at_worker_new(at_worker **out, const at_ctx *ctx);
int at_worker_extract(at_worker *w, const at_doc *doc, at_events **out);
void at_worker_free(at_worker *w);
size_t at_events_count(const at_events *ev);
void at_events_free(at_events *ev);

/*
 * Render events. Each returns a NUL-terminated string the caller frees with
 * free(), and its length in *len (may be NULL). JSON lines follow SCHEMA.md
 * plus a "why" field; the table is for people, `width` columns wide.
 */
char *at_events_jsonl(const at_events *ev, size_t *len);
char *at_events_table(const at_events *ev, int width, int with_header, size_t *len);

/*
 * Draw events as a GeoJSON FeatureCollection (RFC 7946): `jsonl` holds SCHEMA
 * JSON lines (from at_events_jsonl, or re-emitted by a store), `len` bytes.
 * Aid becomes a LineString from the provider's capital to the recipient's
 * (else a Point), exercises and deployments a Point at their place (else at
 * the actor's capital); coordinates come from the context's gazetteer.
 * Lines that are not JSON objects and events with nothing to place are
 * counted in the collection's "aidtrace" member, not fatal. Returns a
 * NUL-terminated string ending in a newline that the caller frees with
 * free(), its length in *outlen (may be NULL); NULL when out of memory.
 */
char *at_geojson_from_jsonl(const at_ctx *ctx, const char *jsonl, size_t len, size_t *outlen);

#ifdef __cplusplus
}
#endif
#endif
