/* SPDX-License-Identifier: MIT */
/*
 * store.c — the CLI's ledger commands, thin clients of at_store_*:
 *
 * --db is a SQLite file, or a PostgreSQL URI (postgresql://, postgres://);
 * its default is $AIDTRACE_DB, else ./aidtrace.db.
 *
 *   aidtrace ingest [--db FILE] [--published D] [--data DIR] [--rates FILE] [--batch N]
 *                   [--wait S] [--verbose] [--quiet] PATH...|-
 *   aidtrace events [--db FILE] [--type T] [--provider C] [--recipient C]
 *                   [--participant C] [--since D] [--until D] [--status S]
 *                   [--min-sources N] [--limit N] [--format table|jsonl|csv|geojson]
 *                   [--id ID [--explain]]
 *
 * Exit status: 0 all good; 1 some inputs had errors (the rest is stored);
 * 2 usage, or the database could not be opened or written.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "aidtrace.h"
#include "cli.h"

#define DEFAULT_DB "aidtrace.db"

/* --db's default: $AIDTRACE_DB, else ./aidtrace.db */
const char *cli_default_db(void)
{
	const char *e = getenv("AIDTRACE_DB");
	return e && *e ? e : DEFAULT_DB;
}

/* "--name value" options: the value, or NULL when argv[*i] is not `name`. */
static const char *opt(int argc, char **argv, int *i, const char *name)
{
	if (strcmp(argv[*i], name) != 0)
		return NULL;
	if (*i + 1 >= argc) {
		fprintf(stderr, "aidtrace: %s needs a value\n", name);
		exit(2);
	}
	return argv[++*i];
}

static int positive(const char *name, const char *v, long *out)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (*v == 0 || *end || n <= 0 || n > 100000000) {
		fprintf(stderr, "aidtrace: %s %s: not a positive number\n", name, v);
		return 0;
	}
	*out = n;
	return 1;
}

typedef struct ingest_stats {
	long long docs, same, replaced, fresh, events, errors;
	/* the progress line (a terminal, not --quiet) */
	int progress, shown, width;
	double start, last;
	uint64_t read_before, total; /* bytes of earlier paths, of all */
} ingest_stats;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void erase_line(ingest_stats *s)
{
	if (s->shown) {
		fputs("\r\033[K", stderr);
		s->shown = 0;
	}
}

/* About four times a second: documents/s, MB/s, events, the time left. */
static void progress(ingest_stats *s, const at_reader *r)
{
	double t = now_s();
	if (!s->progress || t - s->last < 0.25)
		return;
	s->last = t;
	at_run_stats st = {0};
	st.docs = (uint64_t)s->docs;
	st.events = (uint64_t)s->events;
	st.bytes = s->read_before + at_reader_bytes(r);
	st.bytes_total = s->total;
	st.seconds = t - s->start;
	if (cli_progress(&st, s->width))
		s->shown = 1;
}

static int commit(at_store *st, const char *db, ingest_stats *s, int verbose)
{
	char err[512];
	if (at_store_commit(st, err, sizeof(err)) != 0) {
		erase_line(s);
		fprintf(stderr, "aidtrace: %s\n", err);
		return -1;
	}
	if (verbose) {
		erase_line(s);
		fprintf(stderr, "aidtrace: %s: committed %lld documents\n", db, s->docs);
	}
	return 0;
}

int cmd_ingest(int argc, char **argv)
{
	const char *db = cli_default_db(), *published = NULL, *data = getenv("AIDTRACE_DATA"), *v;
	const char *rates = NULL;
	long batch = 500, wait = 600;
	int verbose = 0, quiet = 0, npaths = 0;
	char **paths = calloc((size_t)argc + 1, sizeof(char *));
	if (!paths)
		return 2;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if ((v = opt(argc, argv, &i, "--db")))
			db = v;
		else if ((v = opt(argc, argv, &i, "--published")))
			published = v;
		else if ((v = opt(argc, argv, &i, "--data")))
			data = v;
		else if ((v = opt(argc, argv, &i, "--rates")))
			rates = v;
		else if ((v = opt(argc, argv, &i, "--wait"))) {
			if (!positive("--wait", v, &wait)) {
				free(paths);
				return 2;
			}
		} else if ((v = opt(argc, argv, &i, "--batch"))) {
			if (!positive("--batch", v, &batch)) {
				free(paths);
				return 2;
			}
		} else if (!strcmp(a, "--verbose"))
			verbose = 1;
		else if (!strcmp(a, "--quiet") || !strcmp(a, "-q"))
			quiet = 1;
		else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			cli_help(stdout, "ingest");
			free(paths);
			return 0;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "aidtrace: unknown option %s\n", a);
			cli_usage("ingest");
			free(paths);
			return 2;
		} else
			paths[npaths++] = argv[i];
	}
	char err[512];
	at_ctx *ctx = NULL;
	at_store *st = NULL;
	at_worker *w = NULL;
	int status = 2;
	if (at_ctx_new(&ctx, data, err, sizeof(err)) != 0) {
		fprintf(stderr, "aidtrace: %s\n", err);
		goto out;
	}
	if (rates && at_ctx_load_rates(ctx, rates, err, sizeof(err)) != 0) {
		fprintf(stderr, "aidtrace: --rates %s\n", err);
		goto out;
	}
	if (at_store_open(&st, db, 0, err, sizeof(err)) != 0) {
		fprintf(stderr, "aidtrace: %s\n", err);
		goto out;
	}
	db = at_store_name(st); /* messages show a URI without its password */
	if (at_worker_new(&w, ctx) != 0) {
		fprintf(stderr, "aidtrace: out of memory\n");
		goto out;
	}
	at_store_wait(st, (int)wait);
	ingest_stats s = {0};
	if (!quiet && isatty(STDERR_FILENO)) {
		const char *c = getenv("COLUMNS");
		long cols = c ? strtol(c, NULL, 10) : 0;
		s.progress = 1;
		s.width = cols > 0 && cols < 10000 ? (int)cols : 80;
		s.start = s.last = now_s();
		for (int p = 0; p < npaths; p++)
			s.total += at_input_size(paths[p]);
	}
	at_reader_opts ropts = {published, 0};
	long in_batch = 0;
	for (int p = 0; p < npaths; p++) {
		at_reader *r;
		int rc = at_reader_open(&r, paths[p], &ropts);
		if (rc == AT_EINVAL) {
			fprintf(stderr, "aidtrace: --published %s: not a date (YYYY-MM-DD)\n",
				published);
			goto out;
		}
		if (rc) {
			fprintf(stderr, "aidtrace: %s: cannot read\n", paths[p]);
			s.errors++;
			continue;
		}
		for (;;) {
			at_doc *doc;
			at_diag diag;
			rc = at_reader_next(r, &doc, &diag);
			if (diag.msg[0]) {
				erase_line(&s);
				cli_report(&diag);
				s.errors++;
			}
			progress(&s, r);
			if (rc == 0 || rc == AT_ENOMEM)
				break;
			if (rc < 0)
				continue;
			at_events *ev = NULL;
			int outcome = 0, fatal = 0;
			if (at_store_has(st, doc)) { /* unchanged: nothing to extract */
				s.docs++;
				s.same++;
				at_doc_free(doc);
				continue;
			}
			rc = at_worker_extract(w, doc, &ev);
			if (rc)
				erase_line(&s);
			if (rc) {
				fprintf(stderr, "aidtrace: %s: %s: cannot analyse (error %d)\n",
					doc->source, doc->id, rc);
				s.errors++;
			} else if ((rc = at_store_put(st, doc, ev, &outcome, err,
						      sizeof(err)))) {
				erase_line(&s);
				fprintf(stderr, "aidtrace: %s\n", err);
				s.errors++;
				/* a document the store refuses is skipped; a failing
				 * database has rolled the batch back: stop */
				fatal = rc != AT_EINVAL;
			} else {
				s.docs++;
				s.same += outcome == AT_DOC_SAME;
				s.replaced += outcome == AT_DOC_REPLACED;
				s.fresh += outcome == AT_DOC_NEW;
				if (outcome != AT_DOC_SAME)
					s.events += (long long)at_events_count(ev);
			}
			at_events_free(ev);
			at_doc_free(doc);
			if (fatal) {
				at_reader_free(r);
				goto out;
			}
			if (++in_batch >= batch) {
				if (commit(st, db, &s, verbose))
					goto out;
				in_batch = 0;
			}
		}
		s.read_before += at_reader_bytes(r);
		at_reader_free(r);
	}
	erase_line(&s);
	if (commit(st, db, &s, verbose))
		goto out;
	long long merged = 0;
	if (at_store_merge(st, &merged, err, sizeof(err)) != 0) {
		fprintf(stderr, "aidtrace: %s\n", err);
		goto out;
	}
	if (verbose)
		fprintf(stderr, "aidtrace: %s: merged %lld ledger blocks\n", db, merged);
	if (!quiet) {
		long long nd = 0, ne = 0, nl = 0;
		at_store_counts(st, &nd, &ne, &nl);
		fprintf(stderr,
			"aidtrace: %s: %lld document%s read (%lld new, %lld replaced, %lld "
			"unchanged), %lld event%s; the store holds %lld document%s, %lld "
			"event%s, %lld in the ledger\n",
			db, s.docs, s.docs == 1 ? "" : "s", s.fresh, s.replaced, s.same, s.events,
			s.events == 1 ? "" : "s", nd, nd == 1 ? "" : "s", ne, ne == 1 ? "" : "s", nl);
	}
	status = s.errors ? 1 : 0;
out:
	at_worker_free(w);
	at_store_close(st);
	at_ctx_free(ctx);
	free(paths);
	return status;
}

/* ---- events -------------------------------------------------------------- */

typedef struct sink_state {
	int format; /* 't' table, 'j' jsonl, 'c' csv */
	int width;
	long n;
	int failed;
} sink_state;

static int print_event(void *user, const char *json, size_t len)
{
	sink_state *s = user;
	char *line = NULL;
	if (s->format == 'j') {
		fwrite(json, 1, len, stdout);
		putchar('\n');
	} else {
		line = s->format == 't' ? at_ledger_table_row(json, len, s->width)
					: at_ledger_csv_row(json, len);
		if (!line) {
			s->failed = 1;
			return 1;
		}
		fputs(line, stdout);
		free(line);
	}
	s->n++;
	return ferror(stdout) ? 1 : 0;
}

static int valid_date(const char *d)
{
	int y, m, day;
	char tail;
	return sscanf(d, "%4d-%2d-%2d%c", &y, &m, &day, &tail) == 3 && m >= 1 && m <= 12 &&
	       day >= 1 && day <= 31;
}

int cli_filter(int argc, char **argv, int *i, at_query *q, const char **db)
{
	const char *v;
	long n;
	if ((v = opt(argc, argv, i, "--db")))
		*db = v;
	else if ((v = opt(argc, argv, i, "--type")))
		q->type = v;
	else if ((v = opt(argc, argv, i, "--provider")))
		q->provider = v;
	else if ((v = opt(argc, argv, i, "--recipient")))
		q->recipient = v;
	else if ((v = opt(argc, argv, i, "--participant")))
		q->participant = v;
	else if ((v = opt(argc, argv, i, "--since")))
		q->since = v;
	else if ((v = opt(argc, argv, i, "--until")))
		q->until = v;
	else if ((v = opt(argc, argv, i, "--status")))
		q->status = v;
	else if ((v = opt(argc, argv, i, "--id")))
		q->id = v;
	else if ((v = opt(argc, argv, i, "--min-sources"))) {
		if (!positive("--min-sources", v, &n))
			return -1;
		q->min_sources = (int)n;
	} else if ((v = opt(argc, argv, i, "--limit"))) {
		if (!positive("--limit", v, &n))
			return -1;
		q->limit = n;
	} else
		return 0;
	return 1;
}

const char *cli_filter_check(const at_query *q)
{
	static const char *const TYPES[] = {"aid", "exercise", "deployment", NULL};
	static const char *const STATUSES[] = {"intent", "committed", "underway", "completed",
					       NULL};
	int ok_type = !q->type, ok_status = !q->status;
	for (int i = 0; TYPES[i]; i++)
		ok_type |= q->type && !strcmp(q->type, TYPES[i]);
	for (int i = 0; STATUSES[i]; i++)
		ok_status |= q->status && !strcmp(q->status, STATUSES[i]);
	if (!ok_type)
		return "--type";
	if (!ok_status)
		return "--status";
	if (q->since && !valid_date(q->since))
		return "--since";
	if (q->until && !valid_date(q->until))
		return "--until";
	return NULL;
}

static char *ledger_jsonl(at_store *st, const at_query *q, size_t *len, char *err,
			 size_t errlen);

/* The selected ledger events as one GeoJSON FeatureCollection on stdout. */
static int print_geojson(at_store *st, const at_query *q, const char *data, const char *db)
{
	char err[512];
	at_ctx *ctx;
	if (at_ctx_new(&ctx, data, err, sizeof(err)) != 0) {
		fprintf(stderr, "aidtrace: %s\n", err);
		return 2;
	}
	size_t len = 0, glen = 0;
	char *lines = ledger_jsonl(st, q, &len, err, sizeof(err));
	if (!lines) {
		fprintf(stderr, "aidtrace: %s: %s\n", db, err);
		at_ctx_free(ctx);
		return 2;
	}
	char *g = at_geojson_from_jsonl(ctx, lines, len, &glen);
	free(lines);
	at_ctx_free(ctx);
	if (!g) {
		fprintf(stderr, "aidtrace: out of memory\n");
		return 2;
	}
	fwrite(g, 1, glen, stdout);
	free(g);
	if (fflush(stdout) != 0) {
		perror("aidtrace: stdout");
		return 2;
	}
	return 0;
}

int cmd_events(int argc, char **argv)
{
	const char *db = cli_default_db(), *format = "table", *data = getenv("AIDTRACE_DATA"), *v;
	at_query q = {0};
	int explain = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		int f = cli_filter(argc, argv, &i, &q, &db);
		if (f < 0)
			return 2;
		if (f)
			continue;
		if ((v = opt(argc, argv, &i, "--format")))
			format = v;
		else if ((v = opt(argc, argv, &i, "--data")))
			data = v;
		else if (!strcmp(a, "--explain"))
			explain = 1;
		else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			cli_help(stdout, "events");
			return 0;
		} else {
			fprintf(stderr, "aidtrace: events: unexpected %s\n", a);
			cli_usage("events");
			return 2;
		}
	}
	const char *bad = cli_filter_check(&q);
	if (bad ||
	    (strcmp(format, "table") && strcmp(format, "jsonl") && strcmp(format, "csv") &&
	     strcmp(format, "geojson")) ||
	    (explain && !q.id)) {
		if (bad)
			fprintf(stderr, "aidtrace: events: bad value for %s\n", bad);
		else if (explain)
			fprintf(stderr, "aidtrace: events: --explain needs --id ID\n");
		else
			fprintf(stderr, "aidtrace: events: unknown format %s\n", format);
		cli_usage("events");
		return 2;
	}
	char err[512];
	at_store *st;
	if (at_store_open(&st, db, AT_STORE_READONLY, err, sizeof(err)) != 0) {
		fprintf(stderr, "aidtrace: %s\n", err);
		return 2;
	}
	db = at_store_name(st); /* messages show a URI without its password */
	int status = 0;
	long long pending = 0;
	if (at_store_pending(st, &pending) == 0 && pending)
		fprintf(stderr,
			"aidtrace: %s: %lld ledger block(s) wait for merging: an ingest is "
			"still running, or was interrupted before merging; if none runs, run "
			"`aidtrace ingest --db %s` (with no new input it only merges)\n",
			db, pending, db);
	if (explain) {
		char *text;
		int rc = at_store_explain(st, q.id, &text, err, sizeof(err));
		if (rc) {
			fprintf(stderr, "aidtrace: %s\n", err);
			status = rc == AT_EINVAL ? 1 : 2;
		} else {
			fputs(text, stdout);
			free(text);
		}
		at_store_close(st);
		return status;
	}
	if (!strcmp(format, "geojson")) {
		status = print_geojson(st, &q, data, db);
		at_store_close(st);
		return status;
	}
	sink_state s = {format[0], format[0] == 't' ? cli_term_width() : 0, 0, 0};
	char *head = s.format == 't'   ? at_ledger_table_header(s.width)
		     : s.format == 'c' ? at_ledger_csv_header()
				       : NULL;
	if (head) {
		fputs(head, stdout);
		free(head);
	}
	if (at_store_events(st, &q, print_event, &s, err, sizeof(err)) != 0) {
		fprintf(stderr, "aidtrace: %s\n", err);
		status = 2;
	} else if (s.failed) {
		fprintf(stderr, "aidtrace: %s: an event in the ledger is not valid JSON\n", db);
		status = 2;
	}
	at_store_close(st);
	if (fflush(stdout) != 0) {
		perror("aidtrace: stdout");
		return 2;
	}
	return status;
}

typedef struct jsonl_buf {
	char *p;
	size_t len, alloc;
	int failed;
} jsonl_buf;

static int append_line(void *user, const char *json, size_t len)
{
	jsonl_buf *b = user;
	if (b->len + len + 2 > b->alloc) {
		size_t alloc = b->alloc ? b->alloc : 65536;
		while (b->len + len + 2 > alloc)
			alloc *= 2;
		char *p = realloc(b->p, alloc);
		if (!p) {
			b->failed = 1;
			return 1;
		}
		b->p = p;
		b->alloc = alloc;
	}
	memcpy(b->p + b->len, json, len);
	b->len += len;
	b->p[b->len++] = '\n';
	b->p[b->len] = 0;
	return 0;
}

char *cli_ledger_jsonl(at_store *st, const at_query *q, size_t *len, char *err, size_t errlen)
{
	return ledger_jsonl(st, q, len, err, errlen);
}

static char *ledger_jsonl(at_store *st, const at_query *q, size_t *len, char *err,
			 size_t errlen)
{
	jsonl_buf b = {0};
	if (at_store_events(st, q, append_line, &b, err, errlen) != 0 || b.failed) {
		if (b.failed)
			snprintf(err, errlen, "out of memory reading the ledger");
		free(b.p);
		return NULL;
	}
	*len = b.len;
	return b.p ? b.p : calloc(1, 1);
}
