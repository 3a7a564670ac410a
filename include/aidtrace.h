/* SPDX-License-Identifier: MIT */
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
 *   at_report_html()      an HTML page of events (JSON lines in, HTML out).
 *
 * Ownership: every object returned through an `out` parameter is owned by the
 * caller and released with its `_free` function; `_free(NULL)` is a no-op.
 * Strings inside a returned object are borrowed until that object is freed.
 * A context is immutable after creation and may be shared by threads.
 */
#ifndef AIDTRACE_H
#define AIDTRACE_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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
	AT_EENCODING = -6, /* input is not text (binary, invalid UTF-8) */
	AT_EDB = -7,       /* the database failed (message in err) */
	AT_EBUSY = -8,     /* the database stayed locked by another process */
	AT_EVERSION = -9,  /* the database is from a newer aidtrace */
	AT_ENOTDB = -10,   /* the file is not an aidtrace database */
	AT_EFULL = -11     /* the disk is full */
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
/* The data folder used when none is given: PREFIX/share/aidtrace beside an
 * installed program (PREFIX/bin), else the source tree's data/, else the
 * share/aidtrace of the prefix the library was built for (may not exist). */
const char *at_default_datadir(void);

/* ---- documents and diagnostics ---------------------------------------- */

/* Where a document's text came from in its source bytes, when the text was
 * made from them (an HTML page's main text): at_offset_map_apply turns a
 * text offset (an end offset when `end`) into a source offset. */
typedef struct at_offset_map at_offset_map;
uint32_t at_offset_map_apply(const at_offset_map *m, uint32_t t, int end);
/* The source span [*s0, *s1) that text [t0, t1) came from: never empty,
 * covering every piece of the text even where the map runs backwards. */
void at_offset_map_span(const at_offset_map *m, uint32_t t0, uint32_t t1, uint32_t *s0,
			uint32_t *s1);
void at_offset_map_free(at_offset_map *m);

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
	char *outlet;    /* the publishing site, or NULL */
	char *content_type; /* the bytes' media type ("text/html"), or NULL for text */
	uint64_t record_off; /* byte offset of its record in an archive file (WARC) */
	at_offset_map *map;  /* text offsets -> source offsets (HTML), or NULL: the
				same; events' source offsets are mapped through it */
	struct at_doc_pending *pending; /* a page not read yet (defer_pages) */
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
	int defer_pages;       /* leave HTML pages to at_doc_prepare (so that a
				  worker thread, not the reader, parses them) */
} at_reader_opts;

/*
 * Finish a document the reader left pending (an HTML page, with
 * defer_pages): its main text, offset map and metadata. 0 when done (or
 * nothing was pending); 1 when done with a warning in `diag` (bytes not
 * valid in the page's charset); <0 with `diag` set: the document is
 * unusable.
 */
int at_doc_prepare(at_doc *doc, at_diag *diag);
/*
 * Leave a pending page unread when its raw bytes show that its text cannot
 * hold an event for ctx's lexicons (the screen's argument is in
 * src/lexicon/lexicon.c): 1 when it did (the document keeps no text, no
 * metadata from the page, and extracts to no event); 0: at_doc_prepare it.
 */
int at_doc_page_skip(const at_ctx *ctx, at_doc *doc);

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
/* Bytes of input the reader has consumed so far (files and lines read). */
uint64_t at_reader_bytes(const at_reader *r);
/*
 * The total size in bytes of what a reader opened on `path` would read: a
 * file's size, or the sum over the document files of a directory walk. 0 for
 * "-" (stdin) and for paths that cannot be read.
 */
uint64_t at_input_size(const char *path);

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

/* ---- the store: documents, their events and the merged ledger --------- */

/*
 * A database holding the documents read, their events, and the ledger: one
 * event per real-world act, merged across documents, with every source and
 * the conflicts between them. A SQLite file (WAL mode), or a PostgreSQL
 * database named by a URI (postgresql://... or postgres://...) that many
 * processes may write at once. src/store/store.h documents the schema and
 * its versions.
 */
typedef struct at_store at_store;

#define AT_STORE_READONLY 1 /* open an existing database for queries only */

/*
 * Open (and create or migrate, unless read-only) the database at `path` (a
 * file, or a PostgreSQL URI). Another process writing to it is waited for.
 * On failure returns a negative code (AT_ENOTDB, AT_EVERSION, AT_EBUSY,
 * AT_EIO, AT_EDB) with a message naming the file (the URI without its
 * password) in `err`; the database is left as it was. Opening a PostgreSQL
 * ledger for writing with a role that may only read it fails (AT_EIO).
 */
int at_store_open(at_store **out, const char *path, int flags, char *err, size_t errlen);
/* How long to wait for another process's write lock before giving up with
 * AT_EBUSY (default: 10 minutes). */
void at_store_wait(at_store *s, int seconds);
/* Close; an open batch is rolled back (at_store_commit it first). */
void at_store_close(at_store *s);
/* The database as messages name it: the path, or the URI without its
 * password (user:password@ and password=... are left out). */
const char *at_store_name(const at_store *s);

enum { AT_DOC_NEW = 1, AT_DOC_SAME = 2, AT_DOC_REPLACED = 3 };

/*
 * Store one document and its events in the current batch (a batch starts at
 * the first put after a commit; one transaction). The ledger is brought up
 * to date by at_store_merge. A document whose id is stored with the same
 * content changes nothing (AT_DOC_SAME); a new version replaces the old
 * one's events (AT_DOC_REPLACED). `outcome` may be NULL.
 */
int at_store_put(at_store *s, const at_doc *doc, const at_events *ev, int *outcome, char *err,
		 size_t errlen);
/* 1 when this version of the document is stored already (its extraction
 * can be skipped: at_store_put would change nothing), else 0. */
int at_store_has(at_store *s, const at_doc *doc);
/* Commit the batch: its documents and events are then durable. The ledger
 * events they touch are marked for merging (kept across crashes). */
int at_store_commit(at_store *s, char *err, size_t errlen);
/* Merge the marked ledger blocks from all their per-document events, in one
 * transaction (committing an open batch first); *merged: blocks merged. */
int at_store_merge(at_store *s, long long *merged, char *err, size_t errlen);
/* Ledger blocks waiting to be merged (non-zero after an interrupted ingest). */
int at_store_pending(at_store *s, long long *blocks);

/* Which ledger events to list; NULL or 0 fields do not filter. */
typedef struct at_query {
	const char *id;
	const char *type;        /* aid, exercise, deployment */
	const char *provider, *recipient, *participant; /* alpha-3 or organisation code */
	const char *since, *until; /* ISO dates: the act's start, else the report date */
	const char *status;
	int min_sources;
	long limit;              /* 0 = all */
} at_query;

/* Called once per ledger event (newest first) with its JSON line (SCHEMA.md
 * plus "why" and "lifecycle"); a non-zero return stops the listing. */
typedef int (*at_json_sink)(void *user, const char *json, size_t len);
int at_store_events(at_store *s, const at_query *q, at_json_sink sink, void *user, char *err,
		    size_t errlen);
/* Counts of what the store holds: documents, per-document events, ledger events. */
int at_store_counts(at_store *s, long long *docs, long long *doc_events, long long *events);

/*
 * An event explained for people: each field with the rule behind it and
 * each source with its sentence. *text is freed by the caller. AT_EINVAL
 * when there is no such event.
 */
int at_store_explain(at_store *s, const char *id, char **text, char *err, size_t errlen);

/* Ledger events (JSON lines as given to an at_json_sink) for people and
 * spreadsheets: a table row cut to `width` columns, an RFC 4180 CSV record.
 * Each returns a malloc'd string, or NULL for a line that is not an event. */
char *at_ledger_table_header(int width);
char *at_ledger_table_row(const char *json, size_t len, int width);
char *at_ledger_csv_header(void);
char *at_ledger_csv_row(const char *json, size_t len);

/* ---- watching news feeds ------------------------------------------------ */

/*
 * A watcher follows RSS and Atom feeds: each pass fetches every feed
 * (conditionally), the pages of the items it has not met, politely (robots.txt,
 * a delay per host, timeouts, a size cap), writes every request and response
 * to WARC files, and stores the new pages and their events in the store, whose
 * database also keeps what was met (src/store/seen.h). The ledger is merged
 * at the end of each pass.
 */
typedef struct at_watch at_watch;

/* One problem with one URL (a broken feed, a 404, a timeout, ...). */
typedef void (*at_watch_diag_fn)(void *user, const char *url, const char *msg);

typedef struct at_watch_opts {
	const char *feeds;        /* the file listing feed URLs, one a line, # comments */
	const char *archive;      /* the folder of WARC files */
	uint64_t archive_max;     /* rotate at this size; 0: 1 GB */
	double delay;             /* seconds between requests to one host */
	long timeout_ms;          /* per request; 0: 30 s */
	uint64_t max_bytes;       /* per page or feed as received; 0: AT_MAX_DOC_BYTES */
	int max_redirects;        /* 0: 5 */
	int max_tries;            /* attempts at a page that fails (timeout, 5xx); 0: 3 */
	volatile sig_atomic_t *stop; /* set (by a signal handler): finish the page in
				     hand and end the pass; may be NULL */
	at_watch_diag_fn diag;    /* may be NULL */
	void *user;
} at_watch_opts;

typedef struct at_watch_stats {
	long feeds;               /* listed */
	long feeds_unchanged;     /* answered 304 Not Modified */
	long pages_new, pages_changed, pages_unchanged; /* stored new, replaced, same */
	long events;              /* events of the new and replaced pages */
	long errors;              /* diagnostics given */
	long requests, conditional; /* HTTP requests made, of them conditional */
	long pages_fetched;       /* page requests made (not feeds or robots.txt) */
	uint64_t page_bytes;      /* bytes of page bodies received */
	uint64_t archive_bytes;   /* bytes added to the archive */
	double seconds;
	int stopped;              /* the pass ended early (stop) */
} at_watch_stats;

/* A watcher over `st` (opened for writing) with the lexicons of ctx. */
int at_watch_new(at_watch **out, const at_ctx *ctx, at_store *st, const at_watch_opts *o,
		 char *err, size_t errlen);
/* One pass. 0 when it ran (problems with single URLs are diagnostics, counted
 * in stats->errors); <0 when it could not go on (the feeds file, the archive
 * or the database failed) with err. */
int at_watch_pass(at_watch *w, at_watch_stats *stats, char *err, size_t errlen);
void at_watch_free(at_watch *w);

/* ---- report ------------------------------------------------------------ */

typedef struct at_report_opts {
	const char *title;     /* page title; NULL: "aidtrace report" */
	const char *generated; /* shown as "generated ..." (the caller's clock, so
				  that the same input gives the same page); may be NULL */
	const char *scope;     /* a line saying what was selected (filters); may be NULL */
} at_report_opts;

/*
 * Write one self-contained HTML page (inline CSS and SVG, one small inline
 * script for sorting; no network request) about the events in `jsonl`
 * (`len` bytes of SCHEMA.md JSON lines, e.g. at_events_jsonl() output or the
 * merged ledger): a summary, a timeline, the provider -> recipient flows, a
 * sortable table with each field's sentence, and the conflicts between
 * sources. Every string from the input is escaped. `opts` may be NULL.
 * The page is built in memory and written at the end.
 * Returns 0; AT_EPARSE when some lines were not events (they are skipped,
 * the page is still written, and `err` names the first); AT_EIO when
 * writing failed; AT_ENOMEM or AT_ETOOBIG (a page over 1 GB).
 */
int at_report_html(FILE *out, const char *jsonl, size_t len, const at_report_opts *opts,
		   char *err, size_t errlen);
/* ---- runs over many documents ------------------------------------------ */

/*
 * at_run reads every document of `paths` (as at_reader_open does, in order),
 * extracts each one and hands the results back in input order, on the
 * calling thread, whatever the number of threads:
 *
 *   reader thread ──▶ bounded queue (max_inflight units) ──▶ N workers
 *        (one at_worker each) ──▶ calling thread: dsink / sink in input order
 *
 * With threads == 1 everything runs on the calling thread (no threads are
 * started). The output of a run does not depend on the number of threads.
 * Memory stays bounded: at most max_inflight documents, and no more than
 * 32 MB of document text beyond one document, are held at a time.
 */
typedef struct at_run_stats {
	uint64_t docs;        /* documents handed to the sink */
	uint64_t events;      /* events in them */
	uint64_t diags;       /* diagnostics handed to the diagnostic sink */
	uint64_t bytes;       /* input bytes read up to the last document handed out */
	uint64_t bytes_total; /* at_input_size() summed over paths (0: unknown), when
				 a progress callback is set */
	double seconds;       /* since the run started */
} at_run_stats;

/* Called on the calling thread, in input order, once per document (events may
 * be empty). Both are borrowed until it returns. Non-zero stops the run. */
typedef int (*at_doc_sink)(void *user, const at_doc *doc, const at_events *ev);
/* Called on the calling thread, in input order, for each bad input unit (an
 * unreadable path, a bad line, a document that could not be analysed). */
typedef void (*at_diag_sink)(void *user, const at_diag *diag);
/* Called on the calling thread about every progress_ms with the stats so far. */
typedef void (*at_progress_fn)(void *user, const at_run_stats *stats);

typedef struct at_run_opts {
	int threads;          /* worker threads; 0 = the number of online cores */
	size_t max_inflight;  /* documents read but not yet handed out; 0 = 256 per thread */
	at_progress_fn progress; /* may be NULL */
	unsigned progress_ms; /* 0 = 250 */
	int skip_pages;       /* leave pages that cannot hold an event unread
				 (at_doc_page_skip): the sink gets them without
				 text or page metadata */
} at_run_opts;

/*
 * Run the extraction over `paths`. `ropts`, `opts`, `dsink` and `stats` may be
 * NULL. Returns 0 when every input was read (bad units are reported to dsink
 * and counted in stats->diags, they do not fail the run), the sink's non-zero
 * value when it stopped the run, AT_EINVAL for bad options (a --published
 * that is not a date) or AT_ENOMEM when the run could not be set up.
 */
int at_run(const at_ctx *ctx, const char *const *paths, size_t npaths,
	   const at_reader_opts *ropts, const at_run_opts *opts, at_doc_sink sink,
	   at_diag_sink dsink, void *user, at_run_stats *stats);
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

/* ---- scoring against gold annotations ------------------------------------ */

/* A text in memory and the name it is reported under (a file name). */
typedef struct at_text {
	const char *name;
	const char *data;
	size_t len;
} at_text;

#define AT_SCORE_JSON 1u   /* a JSON object instead of the table */
#define AT_SCORE_ERRORS 2u /* also list missed and false events, wrong slots */

/*
 * Score predicted events against gold annotations (SCHEMA.md, "Gold
 * annotations"): `gold` holds one line per event per document (with "doc",
 * "group", "optional", "evidence", "status_alt"), `pred` the program's JSON
 * lines (per-document or merged events; each counts once per document its
 * sources cite), `docs` (may be NULL) lines with a "doc" field that give the
 * documents in scope; otherwise the gold's documents are. In each document a
 * prediction is paired with a gold event of the same type and actors, best
 * slot score first; the result is event precision, recall and F1, the mean
 * score of each slot over the matched pairs, and the merge links (gold lines
 * of different documents sharing a group, found when both are matched to one
 * predicted event). *out (freed by the caller) is the table, or with
 * AT_SCORE_JSON an object {"events", "slots", "merge"[, "errors"]}.
 * Lines that cannot be read go to dsink (file and line) and are skipped.
 * Returns 0, AT_EPARSE when some lines were skipped, AT_ENOMEM.
 */
int at_score(const at_text *gold, const at_text *pred, const at_text *docs, unsigned flags,
	     char **out, size_t *outlen, at_diag_sink dsink, void *user);

#ifdef __cplusplus
}
#endif
#endif
