/* SPDX-License-Identifier: MIT */
/*
 * tests/run/order.c — at_run (src/run/run.c): documents and diagnostics reach
 * the sinks in input order, on the calling thread, with the same results for
 * one thread and for several (with a small queue and documents of very
 * different lengths, so that workers finish out of order); a sink's non-zero
 * return stops the run cleanly; the stats add up.
 */
#include <pthread.h>
#include <unistd.h>

#include "../test_util.h"
#include "aidtrace.h"

#define NDOCS 240

typedef struct fixture {
	char dir[512];
	char jsonl[1024];
	char txt[1024];
	char missing[1024];
	char expected[64 * 1024]; /* the transcript a run must produce, minus event counts */
	size_t jsonl_size, txt_size;
	at_ctx *ctx;
} fixture;

/* What a run hands out, as text: one line per sink call. */
typedef struct transcript {
	char buf[128 * 1024];
	size_t len;
	size_t ndocs;
	size_t stop_after; /* return 1 from the sink after this many documents; 0 = never */
	pthread_t caller;
	int wrong_thread;
	unsigned slow_us;  /* the sink sleeps this long per document */
	size_t nprogress;  /* progress calls */
	int progress_bad;  /* a call whose stats did not match what was handed out */
	at_run_stats last; /* the stats of the last progress call */
} transcript;

static void add(transcript *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(t->buf + t->len, sizeof(t->buf) - t->len, fmt, ap);
	va_end(ap);
	assert_true(n > 0 && (size_t)n < sizeof(t->buf) - t->len);
	t->len += (size_t)n;
}

static int doc_sink(void *user, const at_doc *doc, const at_events *ev)
{
	transcript *t = user;
	if (!pthread_equal(pthread_self(), t->caller))
		t->wrong_thread = 1;
	add(t, "doc %s %zu\n", doc->id, at_events_count(ev));
	t->ndocs++;
	if (t->slow_us)
		usleep(t->slow_us);
	return t->stop_after && t->ndocs >= t->stop_after ? 1 : 0;
}

static void diag_sink(void *user, const at_diag *d)
{
	transcript *t = user;
	if (!pthread_equal(pthread_self(), t->caller))
		t->wrong_thread = 1;
	const char *base = strrchr(d->file, '/');
	add(t, "diag %s %llu\n", base ? base + 1 : d->file, (unsigned long long)d->line);
}

/* Sentences written for this test. */
static const char *const SENTENCES[] = {
	"Germany handed over 20 Leopard 2 tanks to Lithuania on Friday.",
	"France delivered 10 armoured vehicles to Niger on Monday.",
	"The city council approved a new budget for the harbour.",
	"Japan will provide radar equipment to the Philippines, officials said.",
};

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	assert_non_null(f);
	at_test_tmpdir(f->dir, sizeof(f->dir));
	char err[256];
	assert_int_equal(at_ctx_new(&f->ctx, AT_TEST_DATADIR, err, sizeof(err)), 0);

	/* a JSONL file: short and long documents, a malformed line every 37 */
	size_t cap = 4 * 1024 * 1024, len = 0;
	char *jl = malloc(cap);
	assert_non_null(jl);
	size_t elen = 0;
	for (int i = 0; i < NDOCS; i++) {
		if (i % 37 == 5) {
			len += (size_t)snprintf(jl + len, cap - len, "{\"id\": \"broken-%d\"\n",
						i);
			elen += (size_t)snprintf(f->expected + elen, sizeof(f->expected) - elen,
						 "diag run.jsonl %d\n", i + 1);
			continue;
		}
		len += (size_t)snprintf(
			jl + len, cap - len,
			"{\"id\":\"d%03d\",\"published\":\"2022-05-%02d\",\"text\":\"", i,
			1 + i % 28);
		int reps = i % 7 == 0 ? 400 : 1 + i % 3; /* every 7th is long */
		for (int r = 0; r < reps; r++)
			len += (size_t)snprintf(jl + len, cap - len, "%s\\n\\n",
						SENTENCES[(i + r) % 4]);
		len += (size_t)snprintf(jl + len, cap - len, "\"}\n");
		assert_true(len < cap - 64 * 1024);
		elen += (size_t)snprintf(f->expected + elen, sizeof(f->expected) - elen,
					 "doc d%03d\n", i);
	}
	at_test_write(f->jsonl, sizeof(f->jsonl), f->dir, "run.jsonl", jl, len);
	f->jsonl_size = len;
	free(jl);
	const char *txt = " date 2021-03-02\nFrance delivered 10 armoured vehicles to Niger.\n";
	at_test_write(f->txt, sizeof(f->txt), f->dir, "one.txt", txt, strlen(txt));
	f->txt_size = strlen(txt);
	snprintf(f->missing, sizeof(f->missing), "%s/no-such-file.txt", f->dir);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	at_ctx_free(f->ctx);
	at_test_rmdir(f->dir);
	free(f);
	return 0;
}

/* The transcript with event counts removed ("doc d001 2" → "doc d001"). */
static void strip_counts(const char *in, char *out, size_t n)
{
	size_t o = 0;
	for (const char *line = in; *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		size_t keep = len;
		if (!strncmp(line, "doc ", 4)) {
			const char *sp = memchr(line + 4, ' ', len - 4);
			if (sp)
				keep = (size_t)(sp - line);
		}
		assert_true(o + keep + 2 < n);
		memcpy(out + o, line, keep);
		o += keep;
		out[o++] = '\n';
		line += len + (nl ? 1 : 0);
	}
	out[o] = '\0';
}

static int run_with(fixture *f, int threads, size_t inflight, transcript *t, at_run_stats *st)
{
	const char *paths[] = {f->txt, f->jsonl, f->missing, f->txt};
	at_run_opts o = {0};
	o.threads = threads;
	o.max_inflight = inflight;
	t->caller = pthread_self();
	return at_run(f->ctx, paths, 4, NULL, &o, doc_sink, diag_sink, t, st);
}

static void run__output_in_input_order_whatever_the_threads(void **state)
{
	fixture *f = *state;
	static transcript one, four, two_big;
	memset(&one, 0, sizeof(one));
	memset(&four, 0, sizeof(four));
	memset(&two_big, 0, sizeof(two_big));
	at_run_stats st1, st4, st2;
	assert_int_equal(run_with(f, 1, 0, &one, &st1), 0);
	assert_int_equal(run_with(f, 4, 3, &four, &st4), 0);
	assert_int_equal(run_with(f, 2, 64, &two_big, &st2), 0);

	/* input order: the text file, the JSONL lines, the missing file, the text again */
	static char want[80 * 1024], got[128 * 1024];
	snprintf(want, sizeof(want), "doc one.txt\n%sdiag no-such-file.txt 0\ndoc one.txt\n",
		 f->expected);
	strip_counts(one.buf, got, sizeof(got));
	assert_string_equal(got, want);
	/* the same results, events included, with threads */
	assert_string_equal(four.buf, one.buf);
	assert_string_equal(two_big.buf, one.buf);
	assert_false(one.wrong_thread);
	assert_false(four.wrong_thread);
	assert_false(two_big.wrong_thread);
	/* and the sentences did yield events (the comparison is not of empty runs) */
	assert_true(st1.events > 50);
}

static void run__stats_add_up(void **state)
{
	fixture *f = *state;
	static transcript t;
	memset(&t, 0, sizeof(t));
	at_run_stats st;
	assert_int_equal(run_with(f, 3, 0, &t, &st), 0);
	uint64_t broken = 0;
	for (int i = 0; i < NDOCS; i++)
		broken += i % 37 == 5;
	assert_int_equal(st.docs, NDOCS - broken + 2);
	assert_int_equal(st.diags, broken + 1);
	assert_int_equal(st.docs, t.ndocs);
	assert_int_equal(st.bytes, f->jsonl_size + 2 * f->txt_size);
	/* the events are the sum of those handed out */
	uint64_t sum = 0;
	for (const char *p = t.buf; (p = strstr(p, "doc ")) != NULL;) {
		p = strchr(p + 4, ' ') + 1;
		sum += strtoull(p, NULL, 10);
	}
	assert_int_equal(st.events, sum);
}

static void run__sink_stops_the_run(void **state)
{
	fixture *f = *state;
	for (int threads = 1; threads <= 4; threads += 3) {
		static transcript t;
		memset(&t, 0, sizeof(t));
		t.stop_after = 25;
		at_run_stats st;
		assert_int_equal(run_with(f, threads, 5, &t, &st), 1);
		assert_int_equal(t.ndocs, 25);
		assert_int_equal(st.docs, 25);
	}
}

static void run__bad_published_date_is_einval(void **state)
{
	fixture *f = *state;
	const char *paths[] = {f->txt};
	at_reader_opts ro = {"yesterday", 0};
	static transcript t;
	memset(&t, 0, sizeof(t));
	t.caller = pthread_self();
	assert_int_equal(at_run(f->ctx, paths, 1, &ro, NULL, doc_sink, diag_sink, &t, NULL),
			 AT_EINVAL);
	assert_int_equal(t.ndocs, 0);
}

static void progress(void *user, const at_run_stats *st)
{
	transcript *t = user;
	if (!pthread_equal(pthread_self(), t->caller))
		t->wrong_thread = 1;
	assert_true(st->bytes <= st->bytes_total);
	/* the documents handed out so far, and never fewer than before */
	if (st->docs != t->ndocs || st->docs < t->last.docs || st->bytes < t->last.bytes ||
	    st->seconds < t->last.seconds)
		t->progress_bad = 1;
	if (t->nprogress && st->bytes_total != t->last.bytes_total)
		t->progress_bad = 1;
	t->last = *st;
	t->nprogress++;
}

static void run__progress_on_the_calling_thread_with_a_known_total(void **state)
{
	fixture *f = *state;
	const char *paths[] = {f->jsonl};
	static transcript t;
	memset(&t, 0, sizeof(t));
	t.caller = pthread_self();
	t.slow_us = 200; /* NDOCS * 0.2 ms: the run lasts longer than progress_ms */
	at_run_opts o = {0};
	o.threads = 2;
	o.progress = progress;
	o.progress_ms = 5;
	at_run_stats st;
	assert_int_equal(at_run(f->ctx, paths, 1, NULL, &o, doc_sink, diag_sink, &t, &st), 0);
	assert_int_equal(st.bytes_total, f->jsonl_size);
	assert_int_equal(st.bytes, f->jsonl_size);
	assert_false(t.wrong_thread);
	/* called, more than once (a run of 48 ms or more), with stats that add
	 * up, and never twice within 5 ms */
	assert_true(t.nprogress >= 2);
	assert_true((double)t.nprogress * 0.005 <= t.last.seconds + 1e-6);
	assert_false(t.progress_bad);
	assert_true(t.last.docs > 0 && t.last.docs <= st.docs);
	assert_int_equal(t.last.bytes_total, f->jsonl_size);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(run__output_in_input_order_whatever_the_threads),
		cmocka_unit_test(run__stats_add_up),
		cmocka_unit_test(run__sink_stops_the_run),
		cmocka_unit_test(run__bad_published_date_is_einval),
		cmocka_unit_test(run__progress_on_the_calling_thread_with_a_known_total),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
