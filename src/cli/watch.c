/* SPDX-License-Identifier: MIT */
/*
 * watch.c — `aidtrace watch`: follow news feeds into the archive and the
 * ledger (the engine is src/watch/watch.c):
 *
 *   aidtrace watch --feeds FILE --archive DIR [--db FILE|URI] [--interval DURATION]
 *                  [--once] [--delay S] [--timeout S] [--max-page BYTES]
 *                  [--archive-max BYTES] [--data DIR] [--quiet]
 *
 * The help text is in help.c. --db is a SQLite file or a PostgreSQL URI
 * (default $AIDTRACE_DB, else ./aidtrace.db).
 * One summary line per pass on stderr; one diagnostic per problem URL.
 * SIGINT and SIGTERM let the page in hand finish, then the pass ends (the
 * ledger merged) and the command exits 0 (1 if the pass had errors).
 * Exit status: 0 all good; 1 the last pass had errors with some URLs;
 * 2 usage, or the database, the archive or the feeds file failed.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aidtrace.h"
#include "cli.h"

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

/* "90", "30s", "15m", "2h", "1d" in seconds; -1 when bad. */
static double duration(const char *v)
{
	char *end;
	errno = 0;
	double d = strtod(v, &end);
	if (end == v || errno || d < 0)
		return -1;
	double mul = 1;
	if (*end == 's')
		end++;
	else if (*end == 'm')
		mul = 60, end++;
	else if (*end == 'h')
		mul = 3600, end++;
	else if (*end == 'd')
		mul = 86400, end++;
	if (*end || d * mul > 366 * 86400.0)
		return -1;
	return d * mul;
}

/* "8M", "1G", "500K", "1000" in bytes; 0 when bad. */
static uint64_t size_arg(const char *v)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(v, &end, 10);
	if (end == v || errno || v[0] == '-')
		return 0;
	unsigned long long mul = 1;
	if (*end == 'K' || *end == 'k')
		mul = 1024, end++;
	else if (*end == 'M' || *end == 'm')
		mul = 1024 * 1024, end++;
	else if (*end == 'G' || *end == 'g')
		mul = 1024ull * 1024 * 1024, end++;
	if (*end || n > (1ull << 50) / mul)
		return 0;
	return n * mul;
}

static void print_diag(void *user, const char *url, const char *msg)
{
	(void)user;
	fprintf(stderr, "aidtrace: %s: %s\n", url, msg);
}

static const char *need(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc) {
		fprintf(stderr, "aidtrace: watch: %s needs a value\n", argv[*i]);
		return NULL;
	}
	return argv[++*i];
}

/* Sleep until `until` (monotonic) or a signal. */
static void sleep_until(double until)
{
	for (;;) {
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		double now = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
		if (stop_flag || now >= until)
			return;
		double left = until - now > 1 ? 1 : until - now;
		struct timespec d = {(time_t)left, (long)((left - (double)(time_t)left) * 1e9)};
		nanosleep(&d, NULL);
	}
}

int cmd_watch(int argc, char **argv)
{
	const char *db = cli_default_db(), *data = getenv("AIDTRACE_DATA");
	at_watch_opts o = {0};
	o.delay = 2;
	double interval = 15 * 60;
	int once = 0, quiet = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i], *v = NULL;
		int bad = 0;
		if (!strcmp(a, "--once"))
			once = 1;
		else if (!strcmp(a, "--quiet") || !strcmp(a, "-q"))
			quiet = 1;
		else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			cli_help(stdout, "watch");
			return 0;
		} else if (!strcmp(a, "--feeds") || !strcmp(a, "--archive") ||
			   !strcmp(a, "--db") || !strcmp(a, "--interval") ||
			   !strcmp(a, "--delay") || !strcmp(a, "--timeout") ||
			   !strcmp(a, "--max-page") || !strcmp(a, "--archive-max") ||
			   !strcmp(a, "--data")) {
			if (!(v = need(argc, argv, &i)))
				return 2;
			if (!strcmp(a, "--feeds"))
				o.feeds = v;
			else if (!strcmp(a, "--archive"))
				o.archive = v;
			else if (!strcmp(a, "--db"))
				db = v;
			else if (!strcmp(a, "--data"))
				data = v;
			else if (!strcmp(a, "--interval"))
				bad = (interval = duration(v)) < 1;
			else if (!strcmp(a, "--delay"))
				bad = (o.delay = duration(v)) < 0;
			else if (!strcmp(a, "--timeout")) {
				double t = duration(v);
				bad = t <= 0;
				o.timeout_ms = (long)(t * 1000);
			} else if (!strcmp(a, "--max-page"))
				bad = !(o.max_bytes = size_arg(v)) ||
				      o.max_bytes > AT_MAX_DOC_BYTES;
			else
				bad = !(o.archive_max = size_arg(v));
		} else {
			fprintf(stderr, "aidtrace: watch: unexpected %s\n", a);
			cli_usage("watch");
			return 2;
		}
		if (bad) {
			fprintf(stderr, "aidtrace: watch: bad value for %s: %s\n", a, v);
			return 2;
		}
	}
	if (!o.feeds || !o.archive) {
		fprintf(stderr, "aidtrace: watch: --feeds FILE and --archive DIR are needed\n");
		cli_usage("watch");
		return 2;
	}
	o.stop = &stop_flag;
	o.diag = print_diag;
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	char err[512];
	at_ctx *ctx = NULL;
	at_store *st = NULL;
	at_watch *w = NULL;
	int status = 2;
	if (at_ctx_new(&ctx, data, err, sizeof(err)) != 0 ||
	    at_store_open(&st, db, 0, err, sizeof(err)) != 0 ||
	    at_watch_new(&w, ctx, st, &o, err, sizeof(err)) != 0) {
		fprintf(stderr, "aidtrace: %s\n", err);
		goto out;
	}
	for (long pass = 1;; pass++) {
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		double start = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
		at_watch_stats s;
		if (at_watch_pass(w, &s, err, sizeof(err)) != 0) {
			fprintf(stderr, "aidtrace: %s\n", err);
			status = 2;
			break;
		}
		if (!quiet)
			fprintf(stderr,
				"aidtrace: watch pass %ld: %ld feeds (%ld not modified), %ld "
				"new "
				"pages, %ld changed, %ld events, %ld errors; %ld requests "
				"(%ld conditional), %.1f s%s\n",
				pass, s.feeds, s.feeds_unchanged, s.pages_new, s.pages_changed,
				s.events, s.errors, s.requests, s.conditional, s.seconds,
				s.stopped ? "; interrupted" : "");
		status = s.errors ? 1 : 0;
		if (once || stop_flag)
			break;
		sleep_until(start + interval);
		if (stop_flag)
			break;
	}
out:
	at_watch_free(w);
	at_store_close(st);
	at_ctx_free(ctx);
	return status;
}
