/* SPDX-License-Identifier: MIT */
/*
 * report_int.h — what the files of the HTML report share (not public): the
 * event record (rep_ev, read by read.c), the type and status names, the
 * escaping and small renderers (escape.c, common.c), a string map, and the
 * section renderers. One concern per file:
 *
 *   escape.c     HTML escaping, the URL check, day ranges, square sizes
 *   read.c       the input's JSON lines as rep_ev records, in page order
 *   common.c     small renderers (USD, who, anchors, tooltips), a string map
 *   summary.c    the summary section
 *   timeline.c   the timeline (SVG)
 *   flows.c      the largest flows and the flow matrix (SVG)
 *   table.c      the events table
 *   conflicts.c  the conflicts section
 *   page.c       the page around them: head, CSS, the script and its
 *                Content-Security-Policy hash, at_report_html
 */
#ifndef AT_REPORT_REPORT_INT_H
#define AT_REPORT_REPORT_INT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "report.h"
#include "util/buf.h"

enum { T_AID, T_EXERCISE, T_DEPLOYMENT, T_OTHER, T_N };
enum { S_INTENT, S_COMMITTED, S_UNDERWAY, S_COMPLETED, S_UNKNOWN, S_N };

extern const char *const rep_type_name[T_N];
extern const char *const rep_type_label[T_N];
extern const char *const rep_type_colour[T_N];
extern const char *const rep_status_name[S_N];

typedef struct rep_ev {
	json_t *j;
	const char *id;
	int type, status;
	int dated;      /* the start date is known */
	int64_t d0, d1; /* first day of the start, last day of the end */
	int placed;     /* on the timeline's axis: dated, or at its report date */
	int by_report;  /* placed at its report date: the act's date is unknown */
	int64_t p0, p1; /* the days it covers there */
	int has_usd;
	double usd;
	int nsrc, ncf;
	size_t line; /* input line */
} rep_ev;

static inline int rep_delivered(int status) { return status == S_UNDERWAY || status == S_COMPLETED; }

/*
 * Open addressing from one or two borrowed strings to an index: counting
 * distinct documents, providers and provider -> recipient pairs stays linear
 * in the number of events (a ledger of a whole corpus has many thousands).
 */
typedef struct strmap_ent {
	const char *a, *b; /* a == NULL: empty slot; b may be NULL */
	size_t val;
} strmap_ent;

typedef struct strmap {
	strmap_ent *slot;
	size_t cap, n; /* cap a power of two, n < cap / 2 */
} strmap;

/* escape.c */
int rep_esc(at_buf *b, const char *s);
void rep_esc_trunc(at_buf *b, const char *s, size_t max);

/* read.c: the events of `jsonl` (lines that are not events counted in
 * *bad_lines, the first named in err), sorted for the page: dated first by
 * start, then by input line. *ev is freed with rep_free_events. */
int rep_read_events(const char *jsonl, size_t len, rep_ev **ev, size_t *n, int *bad_lines,
		    size_t *first_bad, char *err, size_t errlen);
void rep_free_events(rep_ev *ev, size_t n);
const char *rep_party_key(const json_t *p);
const char *rep_party_name(const json_t *p);

/* common.c */
void rep_add_anchor(at_buf *b, const rep_ev *e);
void rep_add_title_for(at_buf *b, const json_t *j, const char *needle);
void rep_add_usd(at_buf *b, double v);
void rep_add_who(at_buf *b, const rep_ev *e);
int rep_keyset_add(strmap *s, const char *k);
void rep_strmap_free(strmap *m);
int rep_strmap_put(strmap *m, const char *a, const char *b, size_t val, size_t *out,
		      int *added);

/* the sections, each in its file: 0 or the buffer's error */
int rep_render_summary(at_buf *b, const rep_ev *ev, size_t n);
int rep_render_timeline(at_buf *b, rep_ev *ev, size_t n);
int rep_render_flows(at_buf *b, const rep_ev *ev, size_t n);
int rep_render_table(at_buf *b, const rep_ev *ev, size_t n);
int rep_render_conflicts(at_buf *b, const rep_ev *ev, size_t n);

#endif
