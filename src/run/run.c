/* SPDX-License-Identifier: MIT */
/*
 * run.c — at_run: the extraction of many documents, on several threads, with
 * the results handed back in input order. Exports at_run (aidtrace.h).
 *
 * A run moves *units* from the reader to the caller. A unit is what one call
 * of at_reader_next (or a failed at_reader_open) produced: a document, a
 * diagnostic, or both (a warning about a document that is still read).
 *
 *   reader thread        fills units in input order into a ring of
 *                        `max_inflight` slots, waiting while it is full;
 *   N worker threads     take the oldest unit not yet taken and extract its
 *                        document with their own at_worker;
 *   the calling thread   waits for the oldest unit to be done and hands it to
 *                        the sinks, then frees it: the ring moves on.
 *
 * Three counters, all increasing, say where each unit is: `head` (next to
 * hand out) ≤ `taken` (next for a worker) ≤ `tail` (next to fill); unit k
 * lives in slot k % cap. One mutex guards the counters and the slots' states;
 * a slot's contents belong to the thread whose stage it is in, so the
 * extraction itself runs unlocked. Since units leave only from `head`, in
 * order, the output is the same whatever the threads' timing — and the same
 * as a run with threads == 1, which does everything on the calling thread.
 *
 * Stopping (a sink returned non-zero): `stop` is set; the reader stops
 * reading, workers stop taking units, and the units left in the ring are
 * freed after the threads are joined.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "aidtrace.h"
#include "../util/date.h"

#define AT_RUN_MAX_THREADS 256
#define AT_RUN_PROGRESS_MS 250
/* Document bytes in the ring at most (the reader waits), besides the count. */
#define AT_RUN_MAX_BYTES (32u * 1024u * 1024u)
/* A worker takes up to this many units, or bytes, at a time: one lock and one
 * wake-up per batch instead of per document (news stories are small). */
#define AT_RUN_BATCH 64
#define AT_RUN_BATCH_BYTES (256u * 1024u)

typedef struct unit {
	at_doc *doc;   /* NULL for a diagnostic alone */
	at_events *ev; /* set by the extraction */
	int rc;        /* the extraction's error, 0 if none */
	int has_diag;  /* diag holds the reader's diagnostic */
	at_diag diag;
	uint64_t bytes; /* reader's byte count after this unit */
} unit;

enum { SLOT_FREE, SLOT_READY, SLOT_BUSY, SLOT_DONE };

typedef struct slot {
	unit u;
	int state;
} slot;

typedef struct run {
	const at_ctx *ctx;
	const char *const *paths;
	size_t npaths;
	at_reader_opts ropts; /* the caller's, with defer_pages: workers parse pages */
	at_doc_sink sink;
	at_diag_sink dsink;
	void *user;
	at_progress_fn progress;
	double progress_every; /* seconds */
	double t0, last_progress;
	at_run_stats st;
	int sink_rc; /* the sink's non-zero return, which stopped the run */
	int skip_pages; /* at_run_opts.skip_pages */

	/* threaded runs only */
	pthread_mutex_t mu;
	pthread_cond_t can_fill; /* a slot was freed, or stop */
	pthread_cond_t can_take; /* a unit was filled, the reader ended, or stop */
	pthread_cond_t can_hand; /* a unit is done, the reader ended */
	slot *ring;
	size_t cap;
	uint64_t head, taken, tail;
	size_t batch;          /* units a worker takes at a time */
	size_t bytes_inflight; /* document bytes in the ring */
	size_t pending_bytes;  /* filled since the reader last woke a worker */
	int reader_done, stop;
	int enomem; /* a worker could not be created */
} run;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void unit_free(unit *u)
{
	at_events_free(u->ev);
	at_doc_free(u->doc);
	memset(u, 0, sizeof(*u));
}

/* Hand one finished unit to the sinks (calling thread). Returns non-zero to stop. */
static int hand_out(run *R, unit *u)
{
	R->st.bytes = u->bytes;
	if (u->has_diag) {
		R->st.diags++;
		if (R->dsink)
			R->dsink(R->user, &u->diag);
	}
	int rc = 0;
	if (u->doc && u->rc) {
		at_diag d;
		memset(&d, 0, sizeof(d));
		snprintf(d.file, sizeof(d.file), "%s", u->doc->source ? u->doc->source : "-");
		d.line = u->doc->line;
		snprintf(d.msg, sizeof(d.msg), "%s: cannot analyse (error %d)",
			 u->doc->id ? u->doc->id : "", u->rc);
		R->st.diags++;
		if (R->dsink)
			R->dsink(R->user, &d);
	} else if (u->doc) {
		R->st.docs++;
		R->st.events += at_events_count(u->ev);
		rc = R->sink ? R->sink(R->user, u->doc, u->ev) : 0;
	}
	unit_free(u);
	if (R->progress) {
		double t = now_s();
		if (t - R->last_progress >= R->progress_every) {
			R->last_progress = t;
			R->st.seconds = t - R->t0;
			R->progress(R->user, &R->st);
		}
	}
	return rc;
}

/*
 * The reader: every unit of every path, in order, to `emit`, which owns the
 * unit afterwards. Stops when emit returns non-zero.
 */
static void read_all(run *R, int (*emit)(run *, unit *))
{
	uint64_t base = 0;
	for (size_t p = 0; p < R->npaths; p++) {
		at_reader *r;
		unit u;
		memset(&u, 0, sizeof(u));
		if (at_reader_open(&r, R->paths[p], &R->ropts) != 0) {
			u.has_diag = 1;
			snprintf(u.diag.file, sizeof(u.diag.file), "%s", R->paths[p]);
			snprintf(u.diag.msg, sizeof(u.diag.msg), "cannot read");
			u.bytes = base;
			if (emit(R, &u))
				return;
			continue;
		}
		int stopped = 0;
		for (;;) {
			memset(&u, 0, sizeof(u));
			int rc = at_reader_next(r, &u.doc, &u.diag);
			u.has_diag = u.diag.msg[0] != '\0';
			u.bytes = base + at_reader_bytes(r);
			if ((u.doc || u.has_diag) && emit(R, &u)) {
				stopped = 1;
				break;
			}
			if (rc == 0 || rc == AT_ENOMEM)
				break;
		}
		base += at_reader_bytes(r);
		at_reader_free(r);
		if (stopped)
			return;
	}
}

/* ---- one thread: read, extract, hand out, one unit at a time ------------- */

typedef struct inline_run {
	run r; /* first: emit gets a run * */
	at_worker *worker;
} inline_run;

/* A document's analysis: a pending page is read first (on this thread); a
 * page that cannot be read becomes a diagnostic in place of the document. */
static void analyse(const run *R, at_worker *w, unit *u)
{
	at_diag d;
	if (u->doc->pending && R->skip_pages)
		at_doc_page_skip(R->ctx, u->doc);
	int prc = u->doc->pending ? at_doc_prepare(u->doc, &d) : 0;
	if (prc != 0 && !u->has_diag) { /* an error, or a warning (1) */
		u->diag = d;
		u->has_diag = 1;
	}
	if (prc < 0) {
		at_doc_free(u->doc);
		u->doc = NULL;
		return;
	}
	u->rc = at_worker_extract(w, u->doc, &u->ev);
}

static int emit_inline(run *R, unit *u)
{
	inline_run *I = (inline_run *)R;
	if (u->doc)
		analyse(R, I->worker, u);
	int rc = hand_out(R, u);
	if (rc)
		R->sink_rc = rc;
	return rc;
}

/* ---- threads -------------------------------------------------------------- */

/* Wake-ups come a batch at a time: the reader wakes a worker when a batch of
 * units (or of bytes) waits, or before it waits itself; the calling thread
 * wakes the reader when a batch of slots is free (and the bytes allow), or
 * the ring is empty. Screened documents take a microsecond each: a wake-up
 * per document cost more than the work (thousands of context switches). */
static int emit_queued(run *R, unit *u)
{
	pthread_mutex_lock(&R->mu);
	while ((R->tail - R->head >= R->cap ||
		(R->bytes_inflight >= AT_RUN_MAX_BYTES && R->tail > R->head)) &&
	       !R->stop) {
		if (R->taken < R->tail)
			pthread_cond_broadcast(&R->can_take); /* what waits, before waiting */
		pthread_cond_wait(&R->can_fill, &R->mu);
	}
	if (R->stop) {
		pthread_mutex_unlock(&R->mu);
		unit_free(u);
		return 1;
	}
	slot *s = &R->ring[R->tail % R->cap];
	s->u = *u;
	s->state = u->doc ? SLOT_READY : SLOT_DONE;
	R->bytes_inflight += u->doc ? u->doc->len : 0;
	R->tail++;
	if (u->doc) {
		R->pending_bytes += u->doc->len;
		if (R->tail - R->taken >= R->batch || R->pending_bytes >= AT_RUN_BATCH_BYTES) {
			R->pending_bytes = 0;
			pthread_cond_signal(&R->can_take);
		}
	} else {
		pthread_cond_signal(&R->can_hand);
	}
	pthread_mutex_unlock(&R->mu);
	return 0;
}

static void *reader_main(void *arg)
{
	run *R = arg;
	read_all(R, emit_queued);
	pthread_mutex_lock(&R->mu);
	R->reader_done = 1;
	pthread_cond_broadcast(&R->can_take);
	pthread_cond_signal(&R->can_hand);
	pthread_mutex_unlock(&R->mu);
	return NULL;
}

typedef struct worker_arg {
	run *R;
	at_worker *worker;
} worker_arg;

static void *worker_main(void *arg)
{
	worker_arg *W = arg;
	run *R = W->R;
	pthread_mutex_lock(&R->mu);
	for (;;) {
		while (R->taken == R->tail && !R->reader_done && !R->stop)
			pthread_cond_wait(&R->can_take, &R->mu);
		if (R->stop || R->taken == R->tail)
			break;
		/* a batch of consecutive units; diagnostics alone are done already */
		uint64_t k0 = R->taken, k1 = k0;
		slot *mine[AT_RUN_BATCH];
		size_t nmine = 0, bytes = 0;
		while (k1 < R->tail && k1 - k0 < R->batch && bytes < AT_RUN_BATCH_BYTES) {
			slot *s = &R->ring[k1 % R->cap];
			if (s->state == SLOT_READY) {
				s->state = SLOT_BUSY;
				bytes += s->u.doc->len;
				mine[nmine++] = s;
			}
			k1++;
		}
		R->taken = k1;
		pthread_mutex_unlock(&R->mu);
		/* only this worker touches a BUSY slot */
		for (size_t m = 0; m < nmine; m++)
			analyse(R, W->worker, &mine[m]->u);
		pthread_mutex_lock(&R->mu);
		for (size_t m = 0; m < nmine; m++)
			mine[m]->state = SLOT_DONE;
		if (R->head >= k0 && R->head < k1)
			pthread_cond_signal(&R->can_hand);
	}
	pthread_mutex_unlock(&R->mu);
	return NULL;
}

/* The calling thread: hand out units in order until the reader is done and
 * the ring is empty, or a sink stops the run. */
static void hand_all(run *R)
{
	pthread_mutex_lock(&R->mu);
	for (;;) {
		slot *s = &R->ring[R->head % R->cap];
		if (R->head < R->tail && s->state == SLOT_DONE) {
			unit u = s->u;
			memset(s, 0, sizeof(*s));
			R->bytes_inflight -= u.doc ? u.doc->len : 0;
			if (R->taken == R->head)
				R->taken++; /* a diagnostic alone, not yet passed by a worker */
			R->head++;
			if ((R->tail - R->head + R->batch <= R->cap &&
			     R->bytes_inflight < AT_RUN_MAX_BYTES) ||
			    R->head == R->tail)
				pthread_cond_signal(&R->can_fill);
			pthread_mutex_unlock(&R->mu);
			int rc = hand_out(R, &u);
			pthread_mutex_lock(&R->mu);
			if (rc) {
				R->sink_rc = rc;
				R->stop = 1;
				pthread_cond_broadcast(&R->can_fill);
				pthread_cond_broadcast(&R->can_take);
				break;
			}
			continue;
		}
		if (R->head == R->tail && R->reader_done)
			break;
		if (R->progress) {
			/* wake up now and then to report progress on slow documents */
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			long ns = ts.tv_nsec + (long)(R->progress_every * 1e9);
			ts.tv_sec += ns / 1000000000L;
			ts.tv_nsec = ns % 1000000000L;
			pthread_cond_timedwait(&R->can_hand, &R->mu, &ts);
			double t = now_s();
			if (t - R->last_progress >= R->progress_every) {
				R->last_progress = t;
				R->st.seconds = t - R->t0;
				pthread_mutex_unlock(&R->mu);
				R->progress(R->user, &R->st);
				pthread_mutex_lock(&R->mu);
			}
		} else {
			pthread_cond_wait(&R->can_hand, &R->mu);
		}
	}
	pthread_mutex_unlock(&R->mu);
}

static int run_threads(run *R, int nthreads, size_t max_inflight)
{
	int rc = AT_ENOMEM;
	worker_arg *W = calloc((size_t)nthreads, sizeof(*W));
	pthread_t *tid = calloc((size_t)nthreads, sizeof(*tid));
	R->cap = max_inflight;
	R->batch = max_inflight / (4 * (size_t)nthreads);
	if (R->batch > AT_RUN_BATCH)
		R->batch = AT_RUN_BATCH;
	if (R->batch < 1)
		R->batch = 1;
	R->ring = calloc(R->cap, sizeof(*R->ring));
	if (!W || !tid || !R->ring)
		goto cleanup;
	for (int i = 0; i < nthreads; i++) {
		W[i].R = R;
		if (at_worker_new(&W[i].worker, R->ctx) != 0)
			goto cleanup;
	}
	pthread_mutex_init(&R->mu, NULL);
	pthread_cond_init(&R->can_fill, NULL);
	pthread_cond_init(&R->can_take, NULL);
	pthread_cond_init(&R->can_hand, NULL);
	int started = 0;
	for (; started < nthreads; started++)
		if (pthread_create(&tid[started], NULL, worker_main, &W[started]) != 0)
			break;
	pthread_t reader;
	int have_reader = started > 0 && pthread_create(&reader, NULL, reader_main, R) == 0;
	if (have_reader) {
		hand_all(R);
		rc = 0;
	} else {
		pthread_mutex_lock(&R->mu);
		R->stop = 1;
		pthread_cond_broadcast(&R->can_take);
		pthread_mutex_unlock(&R->mu);
	}
	if (have_reader)
		pthread_join(reader, NULL);
	for (int i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	/* after a stop: the units still in the ring */
	for (uint64_t k = R->head; k < R->tail; k++)
		unit_free(&R->ring[k % R->cap].u);
	pthread_cond_destroy(&R->can_hand);
	pthread_cond_destroy(&R->can_take);
	pthread_cond_destroy(&R->can_fill);
	pthread_mutex_destroy(&R->mu);
cleanup:
	for (int i = 0; W && i < nthreads; i++)
		at_worker_free(W[i].worker);
	free(W);
	free(tid);
	free(R->ring);
	return rc;
}

static int online_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

int at_run(const at_ctx *ctx, const char *const *paths, size_t npaths,
	   const at_reader_opts *ropts, const at_run_opts *opts, at_doc_sink sink,
	   at_diag_sink dsink, void *user, at_run_stats *stats)
{
	if (stats)
		memset(stats, 0, sizeof(*stats));
	if (!ctx || (npaths && !paths))
		return AT_EINVAL;
	if (ropts && ropts->published) {
		at_date d;
		if (at_date_parse(&d, ropts->published) != 0)
			return AT_EINVAL;
	}
	at_run_opts o = {0};
	if (opts)
		o = *opts;
	int nthreads = o.threads > 0 ? o.threads : online_cores();
	if (nthreads > AT_RUN_MAX_THREADS)
		nthreads = AT_RUN_MAX_THREADS;
	size_t max_inflight = o.max_inflight ? o.max_inflight : 256 * (size_t)nthreads;

	inline_run I;
	memset(&I, 0, sizeof(I));
	run *R = &I.r;
	R->ctx = ctx;
	R->paths = paths;
	R->npaths = npaths;
	if (ropts)
		R->ropts = *ropts;
	R->ropts.defer_pages = 1;
	R->sink = sink;
	R->dsink = dsink;
	R->user = user;
	R->progress = o.progress;
	R->skip_pages = o.skip_pages;
	R->progress_every = (o.progress_ms ? o.progress_ms : AT_RUN_PROGRESS_MS) / 1000.0;
	R->t0 = R->last_progress = now_s();
	if (R->progress)
		for (size_t p = 0; p < npaths; p++)
			R->st.bytes_total += at_input_size(paths[p]);

	int rc;
	if (nthreads == 1) {
		rc = at_worker_new(&I.worker, ctx);
		if (rc == 0) {
			read_all(R, emit_inline);
			at_worker_free(I.worker);
		}
	} else {
		rc = run_threads(R, nthreads, max_inflight);
	}
	R->st.seconds = now_s() - R->t0;
	if (stats)
		*stats = R->st;
	if (rc)
		return rc;
	return R->sink_rc;
}
