/*
 * main.c — the aidtrace command line, a thin client of include/aidtrace.h.
 *
 *   aidtrace extract [--published YYYY-MM-DD] [--format jsonl|table|geojson]
 *                    [--data DIR] [--rates FILE] PATH...|-
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
	fputs("usage: aidtrace extract [--published YYYY-MM-DD] [--format jsonl|table|geojson]\n"
	      "                        [--data DIR] [--rates FILE] PATH...|-\n"
	      "       aidtrace --version\n"
	      "\n"
	      "extract reads news articles and writes the events they report (aid,\n"
	      "exercises, deployments) as JSON lines on stdout.\n"
	      "  PATH         a .txt file (one article; an optional first line\n"
	      "               \" date YYYY-MM-DD\" gives its date), a .jsonl file (one\n"
	      "               {\"id\",\"url\",\"published\",\"title\",\"text\"} a line), a\n"
	      "               directory (walked), or - for JSON lines on stdin\n"
	      "  --published  publication date for every document (overrides)\n"
	      "  --format     jsonl (default), table, or geojson (one FeatureCollection:\n"
	      "               aid as provider->recipient lines, the rest as points)\n"
	      "  --data DIR   lexicon folder (default: $AIDTRACE_DATA or the built-in)\n"
	      "  --rates FILE daily exchange rates, a CSV in the ECB reference-rate\n"
	      "               layout (Date,USD,JPY,...); used before the annual table\n",
	      f);
}

static int term_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col)
		return ws.ws_col;
	const char *c = getenv("COLUMNS");
	long n = c ? strtol(c, NULL, 10) : 0;
	return n > 0 && n < 10000 ? (int)n : 120;
}

static void report(const at_diag *d)
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

static int cmd_extract(int argc, char **argv)
{
	const char *published = NULL, *format = "jsonl", *data = getenv("AIDTRACE_DATA");
	const char *rates = NULL;
	int npaths = 0;
	char **paths = calloc((size_t)argc + 1, sizeof(char *));
	if (!paths)
		return 2;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if ((!strcmp(a, "--published") || !strcmp(a, "--format") || !strcmp(a, "--data") ||
		     !strcmp(a, "--rates")) &&
		    i + 1 < argc) {
			const char *v = argv[++i];
			if (!strcmp(a, "--rates"))
				rates = v;
			else if (!strcmp(a, "--published"))
				published = v;
			else if (!strcmp(a, "--format"))
				format = v;
			else
				data = v;
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
	if (!npaths || (strcmp(format, "jsonl") && strcmp(format, "table") &&
			strcmp(format, "geojson"))) {
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
	if (rates && at_ctx_load_rates(ctx, rates, err, sizeof(err)) != 0) {
		fprintf(stderr, "aidtrace: --rates %s\n", err);
		at_ctx_free(ctx);
		free(paths);
		return 2;
	}
	int errors = 0, header = 1;
	int table = !strcmp(format, "table");
	int geojson = !strcmp(format, "geojson");
	char *all = NULL; /* geojson: every event line, drawn at the end */
	size_t all_len = 0, all_cap = 0;
	int width = table ? term_width() : 0;
	at_reader_opts opts = {published};
	at_worker *worker;
	if (at_worker_new(&worker, ctx) != 0) {
		fprintf(stderr, "aidtrace: out of memory\n");
		at_ctx_free(ctx);
		free(paths);
		return 2;
	}
	for (int p = 0; p < npaths; p++) {
		at_reader *r;
		int rc = at_reader_open(&r, paths[p], &opts);
		if (rc == AT_EINVAL) {
			fprintf(stderr, "aidtrace: --published %s: not a date (YYYY-MM-DD)\n",
				published);
			at_worker_free(worker);
			at_ctx_free(ctx);
			free(paths);
			return 2;
		}
		if (rc) {
			fprintf(stderr, "aidtrace: %s: cannot read\n", paths[p]);
			errors++;
			continue;
		}
		for (;;) {
			at_doc *doc;
			at_diag diag;
			rc = at_reader_next(r, &doc, &diag);
			if (diag.msg[0]) {
				report(&diag);
				errors++;
			}
			if (rc == 0)
				break;
			if (rc < 0) {
				if (rc == AT_ENOMEM)
					break;
				continue;
			}
			at_events *ev;
			rc = at_worker_extract(worker, doc, &ev);
			if (rc) {
				fprintf(stderr, "aidtrace: %s: %s: cannot analyse (error %d)\n",
					doc->source, doc->id, rc);
				errors++;
			} else {
				size_t len;
				char *out = table ? at_events_table(ev, width, header, &len)
						  : at_events_jsonl(ev, &len);
				if (out && len && geojson) {
					if (all_len + len + 1 > all_cap) {
						size_t cap = (all_len + len + 1) * 2;
						char *q = realloc(all, cap);
						if (!q) {
							fprintf(stderr, "aidtrace: out of memory\n");
							free(out);
							at_events_free(ev);
							at_doc_free(doc);
							break;
						}
						all = q;
						all_cap = cap;
					}
					memcpy(all + all_len, out, len);
					all_len += len;
				} else if (out && len) {
					fwrite(out, 1, len, stdout);
					header = 0;
				}
				free(out);
				at_events_free(ev);
			}
			at_doc_free(doc);
		}
		at_reader_free(r);
	}
	if (geojson) {
		size_t glen;
		char *g = at_geojson_from_jsonl(ctx, all ? all : "", all_len, &glen);
		if (g)
			fwrite(g, 1, glen, stdout);
		else
			errors++;
		free(g);
		free(all);
	}
	at_worker_free(worker);
	at_ctx_free(ctx);
	free(paths);
	if (fflush(stdout) != 0) {
		perror("aidtrace: stdout");
		return 2;
	}
	return errors ? 1 : 0;
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
