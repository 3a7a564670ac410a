/* SPDX-License-Identifier: MIT */
/*
 * main.c — the aidtrace command line, a thin client of include/aidtrace.h.
 *
 *   aidtrace extract [--published YYYY-MM-DD] [--format jsonl|table|geojson]
 *                    [--data DIR] [--rates FILE] [--threads N] [--quiet] PATH...|-
 *   aidtrace ingest ... / aidtrace events ...   (store.c)
 *   aidtrace report [--db FILE [filters] | --jsonl FILE|-] [-o report.html]
 *   aidtrace score GOLD PRED [--docs DOCS] [--format table|json] [--errors]  (score.c)
 *   aidtrace help [COMMAND] / aidtrace version
 *
 * The table of commands is at the end (main); their help texts are in
 * help.c, so that `COMMAND --help` and `help COMMAND` print the same.
 *
 * extract's work is at_run's (documents in parallel, results in input order);
 * the CLI writes events to stdout, diagnostics and the progress line to stderr.
 *
 * Exit status: 0 all good; 1 some inputs had errors (each reported on stderr
 * with file and position, the rest processed); 2 usage or set-up error.
 */
#define _DEFAULT_SOURCE /* gmtime_r */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "aidtrace.h"
#include "cli.h"

static int term_width(int fd)
{
	struct winsize ws;
	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col)
		return ws.ws_col;
	const char *c = getenv("COLUMNS");
	long n = c ? strtol(c, NULL, 10) : 0;
	return n > 0 && n < 10000 ? (int)n : 120;
}

int cli_term_width(void)
{
	return term_width(STDOUT_FILENO);
}

/* What the sinks of one `extract` run share. */
typedef struct extract_out {
	int table, width, header;
	int progress_shown; /* a progress line is on stderr and must be erased */
	int progress_width;
	int geojson;       /* collect every event line, drawn at the end */
	char *all;
	size_t all_len, all_cap;
	int all_failed;    /* out of memory while collecting */
} extract_out;

static void erase_progress(extract_out *o)
{
	if (o->progress_shown) {
		fputs("\r\033[K", stderr);
		o->progress_shown = 0;
	}
}

void cli_report(const at_diag *d)
{
	if (d->line)
		fprintf(stderr, "aidtrace: %s:%llu: %s\n", d->file, (unsigned long long)d->line,
			d->msg);
	else if (d->byte)
		fprintf(stderr, "aidtrace: %s: byte %llu: %s\n", d->file,
			(unsigned long long)d->byte, d->msg);
	else
		fprintf(stderr, "aidtrace: %s: %s\n", d->file, d->msg);
}

static void report(void *user, const at_diag *d)
{
	erase_progress(user);
	cli_report(d);
}

static int write_events(void *user, const at_doc *doc, const at_events *ev)
{
	extract_out *o = user;
	(void)doc;
	if (!at_events_count(ev))
		return 0;
	size_t len;
	char *out = o->table ? at_events_table(ev, o->width, o->header, &len)
			     : at_events_jsonl(ev, &len);
	if (out && len && o->geojson) {
		if (o->all_len + len + 1 > o->all_cap) {
			size_t cap = (o->all_len + len + 1) * 2;
			char *q = realloc(o->all, cap);
			if (!q) {
				o->all_failed = 1;
				free(out);
				return 1; /* stop the run */
			}
			o->all = q;
			o->all_cap = cap;
		}
		memcpy(o->all + o->all_len, out, len);
		o->all_len += len;
	} else if (out && len) {
		fwrite(out, 1, len, stdout);
		o->header = 0;
	}
	free(out);
	return 0;
}

/* One line on stderr, rewritten in place: rates, events and the time left. */
static void show_progress(void *user, const at_run_stats *st)
{
	extract_out *o = user;
	if (cli_progress(st, o->progress_width))
		o->progress_shown = 1;
}

int cli_progress(const at_run_stats *st, int width)
{
	if (st->seconds < 1.0)
		return 0; /* short runs stay silent */
	double mb = (double)st->bytes / 1048576.0; /* MB of 2^20 bytes, as in bench.sh */
	char eta[32] = "";
	if (st->bytes_total && st->bytes && st->bytes <= st->bytes_total) {
		double left =
			st->seconds * (double)(st->bytes_total - st->bytes) / (double)st->bytes;
		unsigned s = (unsigned)(left + 0.5);
		snprintf(eta, sizeof(eta), "  %3.0f%%  ETA %u:%02u:%02u",
			 100.0 * (double)st->bytes / (double)st->bytes_total, s / 3600,
			 s / 60 % 60, s % 60);
	}
	char line[256];
	int n = snprintf(line, sizeof(line), "%llu docs  %.0f docs/s  %.1f MB/s  %llu events%s",
			 (unsigned long long)st->docs, (double)st->docs / st->seconds,
			 mb / st->seconds, (unsigned long long)st->events, eta);
	if (n > width - 1)
		n = width - 1; /* one line: never wrap */
	if (n < 0)
		n = 0;
	fprintf(stderr, "\r%.*s\033[K", n, line);
	fflush(stderr);
	return 1;
}

static int cmd_extract(int argc, char **argv)
{
	const char *published = NULL, *format = "jsonl", *data = getenv("AIDTRACE_DATA");
	const char *threads_arg = NULL, *rates = NULL;
	int npaths = 0, quiet = 0;
	const char **paths = calloc((size_t)argc + 1, sizeof(char *));
	if (!paths)
		return 2;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if ((!strcmp(a, "--published") || !strcmp(a, "--format") ||
		     !strcmp(a, "--data") || !strcmp(a, "--threads") || !strcmp(a, "--rates")) &&
		    i + 1 < argc) {
			const char *v = argv[++i];
			if (!strcmp(a, "--rates"))
				rates = v;
			else if (!strcmp(a, "--published"))
				published = v;
			else if (!strcmp(a, "--format"))
				format = v;
			else if (!strcmp(a, "--threads"))
				threads_arg = v;
			else
				data = v;
		} else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
			quiet = 1;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			cli_help(stdout, "extract");
			free(paths);
			return 0;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "aidtrace: extract: unknown option %s\n", a);
			cli_usage("extract");
			free(paths);
			return 2;
		} else {
			paths[npaths++] = argv[i];
		}
	}
	int threads = 0;
	if (threads_arg) {
		char *end;
		long n = strtol(threads_arg, &end, 10);
		if (*end || n < 1 || n > 256) {
			fprintf(stderr, "aidtrace: --threads %s: not a number from 1 to 256\n",
				threads_arg);
			free(paths);
			return 2;
		}
		threads = (int)n;
	}
	if (!npaths || (strcmp(format, "jsonl") && strcmp(format, "table") &&
			strcmp(format, "geojson"))) {
		if (npaths)
			fprintf(stderr, "aidtrace: extract: unknown format %s\n", format);
		else
			fprintf(stderr, "aidtrace: extract: no PATH (give files, folders or -)\n");
		cli_usage("extract");
		free(paths);
		return 2;
	}
	char err[512];
	at_ctx *ctx;
	if (at_ctx_new(&ctx, data, err, sizeof(err)) != 0) {
		fprintf(stderr, "aidtrace: %s\n", err);
		free(paths);
		return 2;
	}
	if (rates && at_ctx_load_rates(ctx, rates, err, sizeof(err)) != 0) {
		fprintf(stderr, "aidtrace: --rates %s\n", err);
		at_ctx_free(ctx);
		free(paths);
		return 2;
	}
	extract_out o = {0};
	o.table = !strcmp(format, "table");
	o.width = o.table ? term_width(STDOUT_FILENO) : 0;
	o.header = 1;
	o.geojson = !strcmp(format, "geojson");
	at_reader_opts ropts = {published, 0};
	at_run_opts opts = {0};
	opts.threads = threads;
	opts.skip_pages = 1; /* only events are written: a page without any need not be read */
	if (!quiet && isatty(STDERR_FILENO)) {
		opts.progress = show_progress;
		o.progress_width = term_width(STDERR_FILENO);
	}
	at_run_stats st;
	int rc = at_run(ctx, paths, (size_t)npaths, &ropts, &opts, write_events, report, &o,
			&st);
	erase_progress(&o);
	int gfail = 0;
	if (o.geojson) {
		size_t glen;
		char *g = o.all_failed ? NULL
				       : at_geojson_from_jsonl(ctx, o.all ? o.all : "", o.all_len, &glen);
		if (g)
			fwrite(g, 1, glen, stdout);
		else
			gfail = 1;
		free(g);
		free(o.all);
	}
	at_ctx_free(ctx);
	free(paths);
	if (rc == AT_EINVAL) {
		fprintf(stderr, "aidtrace: --published %s: not a date (YYYY-MM-DD)\n",
			published);
		return 2;
	}
	if (rc || gfail) {
		fprintf(stderr, "aidtrace: out of memory\n");
		return 2;
	}
	if (fflush(stdout) != 0) {
		perror("aidtrace: stdout");
		return 2;
	}
	return st.diags ? 1 : 0;
}

char *cli_slurp(const char *path, size_t *len)
{
	const size_t cap = (size_t)1 << 30;
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f)
		return NULL;
	size_t n = 0, alloc = 1 << 16;
	char *p = malloc(alloc);
	while (p) {
		size_t got = fread(p + n, 1, alloc - n, f);
		n += got;
		if (n < alloc) {
			if (ferror(f)) {
				errno = EIO;
				free(p);
				p = NULL;
			}
			break;
		}
		char *q = alloc < cap ? realloc(p, alloc * 2) : NULL;
		if (!q) {
			errno = alloc < cap ? ENOMEM : EFBIG;
			free(p);
			p = NULL;
			break;
		}
		p = q;
		alloc *= 2;
	}
	if (p)
		p[n] = '\0'; /* n < alloc */
	if (f != stdin)
		fclose(f);
	*len = n;
	return p;
}

/* "aid from RUS since 2014-01-01": what the filters chose, for the page. */
static void describe(const at_query *q, char *out, size_t n)
{
	const char *names[] = {"type",   "provider", "recipient", "participant",
			       "status", "since",    "until",     "id"};
	const char *vals[] = {q->type,   q->provider, q->recipient, q->participant,
			      q->status, q->since,    q->until,     q->id};
	size_t used = 0;
	out[0] = 0;
	for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		if (!vals[i])
			continue;
		int w = snprintf(out + used, n - used, "%s%s %s", used ? ", " : "", names[i],
				 vals[i]);
		if (w < 0 || used + (size_t)w >= n)
			break;
		used += (size_t)w;
	}
	if (q->min_sources > 0 && used < n)
		snprintf(out + used, n - used, "%sat least %d sources", used ? ", " : "",
			 q->min_sources);
}

static int cmd_report(int argc, char **argv)
{
	const char *in = NULL, *outpath = NULL, *title = NULL, *generated = NULL, *db = NULL;
	at_query q = {0};
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			cli_help(stdout, "report");
			return 0;
		}
		int f = cli_filter(argc, argv, &i, &q, &db);
		if (f < 0)
			return 2;
		if (f)
			continue;
		if (i + 1 >= argc || (strcmp(a, "--jsonl") && strcmp(a, "-o") &&
				      strcmp(a, "--title") && strcmp(a, "--generated"))) {
			fprintf(stderr, "aidtrace: report: unknown or incomplete option %s\n",
				a);
			cli_usage("report");
			return 2;
		}
		const char *v = argv[++i];
		if (!strcmp(a, "--jsonl"))
			in = v;
		else if (!strcmp(a, "-o"))
			outpath = v;
		else if (!strcmp(a, "--title"))
			title = v;
		else
			generated = v;
	}
	const char *bad = cli_filter_check(&q);
	if (!in && !db && getenv("AIDTRACE_DB") && *getenv("AIDTRACE_DB"))
		db = cli_default_db();
	if ((in && db) || (!in && !db) || bad) {
		if (bad)
			fprintf(stderr, "aidtrace: report: bad value for %s\n", bad);
		else
			fprintf(stderr, "aidtrace: report: give --db FILE (the ledger) or "
					"--jsonl FILE (events as JSON lines)\n");
		cli_usage("report");
		return 2;
	}
	char when[64];
	if (!generated) {
		const char *sde = getenv("SOURCE_DATE_EPOCH");
		char *end = NULL;
		long long secs = sde && sde[0] ? strtoll(sde, &end, 10) : 0;
		time_t t = sde && sde[0] && end && !*end ? (time_t)secs : time(NULL);
		struct tm tm;
		if (gmtime_r(&t, &tm) &&
		    strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", &tm))
			generated = when;
	}
	size_t len = 0;
	char *text, err[512], scope[512] = "", dbname[1024];
	if (db) {
		at_store *st;
		if (at_store_open(&st, db, AT_STORE_READONLY, err, sizeof(err)) != 0) {
			fprintf(stderr, "aidtrace: %s\n", err);
			return 2;
		}
		text = cli_ledger_jsonl(st, &q, &len, err, sizeof(err));
		snprintf(dbname, sizeof(dbname), "%s", at_store_name(st));
		at_store_close(st);
		if (!text) {
			fprintf(stderr, "aidtrace: %s\n", err);
			return 2;
		}
		describe(&q, scope, sizeof(scope));
		in = dbname; /* a URI without its password */
	} else {
		text = cli_slurp(in, &len);
		if (!text) {
			fprintf(stderr, "aidtrace: %s: cannot read: %s\n", in, strerror(errno));
			return 2;
		}
	}
	FILE *out = outpath ? fopen(outpath, "wb") : stdout;
	if (!out) {
		perror(outpath);
		free(text);
		return 2;
	}
	at_report_opts opts = {title, generated, scope[0] ? scope : NULL};
	int rc = at_report_html(out, text, len, &opts, err, sizeof(err));
	free(text);
	int closed = out == stdout ? fflush(out) : fclose(out);
	if (rc == AT_EPARSE) {
		fprintf(stderr, "aidtrace: %s: %s (skipped)\n", in, err);
	} else if (rc) {
		fprintf(stderr, "aidtrace: report: %s\n", err);
		return 2;
	}
	if (closed != 0) {
		perror(outpath ? outpath : "stdout");
		return 2;
	}
	return rc ? 1 : 0;
}

static int cmd_version(int argc, char **argv)
{
	if (argc == 1 && (!strcmp(argv[0], "--help") || !strcmp(argv[0], "-h")))
		return cli_help(stdout, "version"), 0;
	if (argc) {
		cli_usage("version");
		return 2;
	}
	const char *data = getenv("AIDTRACE_DATA");
	printf("aidtrace %s\ndata: %s%s\n", AT_VERSION,
	       data && data[0] ? data : at_default_datadir(),
	       data && data[0] ? " ($AIDTRACE_DATA)" : "");
	return 0;
}

static int cmd_help(int argc, char **argv);

/* The commands, in the order the overview lists them; each one's help text
 * is in help.c under the same name. */
static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{"extract", cmd_extract, "the events of news articles, as JSON lines or a table"},
	{"ingest", cmd_ingest, "extract and store documents and events; merge the ledger"},
	{"events", cmd_events, "list or explain the ledger's events (table, JSONL, CSV, GeoJSON)"},
	{"report", cmd_report, "one self-contained HTML page about events"},
	{"watch", cmd_watch, "follow news feeds: fetch new pages politely, archive them, ingest"},
	{"score", cmd_score, "score events against your own annotations"},
	{"help", cmd_help, "this overview, or the help of one command"},
	{"version", cmd_version, "the version"},
};
#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void overview(FILE *f)
{
	fputs("usage: aidtrace COMMAND [OPTION...] [ARG...]\n"
	      "\n"
	      "aidtrace reads news (text, JSON lines, web pages, web archives) and\n"
	      "writes a ledger of military aid, exercises and deployments.\n"
	      "\n"
	      "commands:\n",
	      f);
	for (size_t i = 0; i < N_COMMANDS; i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fputs("\n"
	      "aidtrace help COMMAND (or aidtrace COMMAND --help) shows a command's\n"
	      "inputs and options; man aidtrace has them all.\n",
	      f);
}

static int cmd_help(int argc, char **argv)
{
	if (argc == 0) {
		overview(stdout);
		return 0;
	}
	if (argc == 1 && (!strcmp(argv[0], "--help") || !strcmp(argv[0], "-h")))
		return cli_help(stdout, "help"), 0;
	if (argc == 1 && cli_help(stdout, argv[0]) == 0)
		return 0;
	if (argc == 1)
		fprintf(stderr, "aidtrace: help: no command %s\n", argv[0]);
	cli_usage("help");
	return 2;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		overview(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--version"))
		cmd = "version";
	else if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help"))
		cmd = "help";
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (!strcmp(cmd, commands[i].name))
			return commands[i].run(argc - 2, argv + 2);
	fprintf(stderr, "aidtrace: unknown command %s\n", argv[1]);
	overview(stderr);
	return 2;
}
