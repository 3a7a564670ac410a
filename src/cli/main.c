/*
 * main.c — the aidtrace command line, a thin client of include/aidtrace.h.
 *
 *   aidtrace extract [--published YYYY-MM-DD] [--format jsonl|table]
 *                    [--data DIR] [--threads N] [--quiet] PATH...|-
 *
 * The work is at_run's (documents in parallel, results in input order); the
 * CLI writes events to stdout, diagnostics and the progress line to stderr.
 *
 * Exit status: 0 all good; 1 some inputs had errors (each reported on stderr
 * with file and position, the rest processed); 2 usage or set-up error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "aidtrace.h"

static void usage(FILE *f)
{
	fputs("usage: aidtrace extract [--published YYYY-MM-DD] [--format jsonl|table]\n"
	      "                        [--data DIR] [--threads N] [--quiet] PATH...|-\n"
	      "       aidtrace --version\n"
	      "\n"
	      "extract reads news articles and writes the events they report (aid,\n"
	      "exercises, deployments) as JSON lines on stdout.\n"
	      "  PATH         a .txt file (one article; an optional first line\n"
	      "               \" date YYYY-MM-DD\" gives its date), a .jsonl file (one\n"
	      "               {\"id\",\"url\",\"published\",\"title\",\"text\"} a line), a\n"
	      "               directory (walked), or - for JSON lines on stdin\n"
	      "  --published  publication date for every document (overrides)\n"
	      "  --format     jsonl (default) or table\n"
	      "  --data DIR   lexicon folder (default: $AIDTRACE_DATA or the built-in)\n"
	      "  --threads N  documents analysed in parallel (default: the number of\n"
	      "               cores); the output is the same for every N\n"
	      "  --quiet      no progress line on stderr (shown only when stderr is a\n"
	      "               terminal and the run takes more than a second)\n",
	      f);
}

static int term_width(int fd)
{
	struct winsize ws;
	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col)
		return ws.ws_col;
	const char *c = getenv("COLUMNS");
	long n = c ? strtol(c, NULL, 10) : 0;
	return n > 0 && n < 10000 ? (int)n : 120;
}

/* What the sinks of one `extract` run share. */
typedef struct extract_out {
	int table, width, header;
	int progress_shown; /* a progress line is on stderr and must be erased */
	int progress_width;
} extract_out;

static void erase_progress(extract_out *o)
{
	if (o->progress_shown) {
		fputs("\r\033[K", stderr);
		o->progress_shown = 0;
	}
}

static void report(void *user, const at_diag *d)
{
	erase_progress(user);
	if (d->line)
		fprintf(stderr, "aidtrace: %s:%llu: %s\n", d->file, (unsigned long long)d->line,
			d->msg);
	else if (d->byte)
		fprintf(stderr, "aidtrace: %s: byte %llu: %s\n", d->file,
			(unsigned long long)d->byte, d->msg);
	else
		fprintf(stderr, "aidtrace: %s: %s\n", d->file, d->msg);
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
	if (out && len) {
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
	if (st->seconds < 1.0)
		return; /* short runs stay silent */
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
	if (n > o->progress_width - 1)
		n = o->progress_width - 1; /* one line: never wrap */
	if (n < 0)
		n = 0;
	fprintf(stderr, "\r%.*s\033[K", n, line);
	fflush(stderr);
	o->progress_shown = 1;
}

static int cmd_extract(int argc, char **argv)
{
	const char *published = NULL, *format = "jsonl", *data = getenv("AIDTRACE_DATA");
	const char *threads_arg = NULL;
	int npaths = 0, quiet = 0;
	const char **paths = calloc((size_t)argc + 1, sizeof(char *));
	if (!paths)
		return 2;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if ((!strcmp(a, "--published") || !strcmp(a, "--format") ||
		     !strcmp(a, "--data") || !strcmp(a, "--threads")) &&
		    i + 1 < argc) {
			const char *v = argv[++i];
			if (!strcmp(a, "--published"))
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
			usage(stdout);
			free(paths);
			return 0;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "aidtrace: unknown option %s\n", a);
			usage(stderr);
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
	if (!npaths || (strcmp(format, "jsonl") && strcmp(format, "table"))) {
		usage(stderr);
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
	extract_out o = {0};
	o.table = !strcmp(format, "table");
	o.width = o.table ? term_width(STDOUT_FILENO) : 0;
	o.header = 1;
	at_reader_opts ropts = {published};
	at_run_opts opts = {0};
	opts.threads = threads;
	if (!quiet && isatty(STDERR_FILENO)) {
		opts.progress = show_progress;
		o.progress_width = term_width(STDERR_FILENO);
	}
	at_run_stats st;
	int rc = at_run(ctx, paths, (size_t)npaths, &ropts, &opts, write_events, report, &o,
			&st);
	erase_progress(&o);
	at_ctx_free(ctx);
	free(paths);
	if (rc == AT_EINVAL) {
		fprintf(stderr, "aidtrace: --published %s: not a date (YYYY-MM-DD)\n",
			published);
		return 2;
	}
	if (rc) {
		fprintf(stderr, "aidtrace: out of memory\n");
		return 2;
	}
	if (fflush(stdout) != 0) {
		perror("aidtrace: stdout");
		return 2;
	}
	return st.diags ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
		printf("aidtrace %s\n", AT_VERSION);
		return 0;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "extract"))
		return cmd_extract(argc - 2, argv + 2);
	fprintf(stderr, "aidtrace: unknown command %s\n", argv[1]);
	usage(stderr);
	return 2;
}
