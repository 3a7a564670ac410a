/* SPDX-License-Identifier: MIT */
/*
 * timeline.c — the report's timeline: an SVG with a lane per event type, a dot at
 * the start date and a line to the end date; filled dots were delivered,
 * hollow ones pledged. An event whose act has no date sits at its report
 * date (`reported`), drawn dashed, and says so in its tooltip; only events
 * with neither date go to the "no date" column, never to a made-up date.
 */
#include "report_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events/events.h"
#include "util/date.h"

/* ---- timeline ----------------------------------------------------------- */

#define TL_W 1160.0
#define TL_LEFT 112.0
#define TL_UNDATED_W 120.0
#define TL_RIGHT 16.0
#define TL_ROW 15.0
#define TL_MAX_ROWS 10
#define TL_PAD 10.0

/* The marker of one event: a line over its span, a dot at its start. */
static void tl_mark(at_buf *b, const rep_ev *e, double x0, double x1, double y)
{
	const char *col = rep_type_colour[e->type];
	int filled = rep_delivered(e->status);
	at_buf_adds(b, "<a href=\"#");
	rep_add_anchor(b, e);
	at_buf_printf(b, "\" class=\"mk %s %s%s\">", rep_type_name[e->type],
		      filled ? "delivered" : "pledged", e->by_report ? " by-report" : "");
	at_buf_adds(b, "<title>");
	json_t *when = json_object_get(e->j, "when");
	const char *ws = at_ev_str(when, "start"), *we = at_ev_str(when, "end");
	if (e->by_report) {
		at_buf_adds(b, "reported ");
		rep_esc(b, at_ev_str(e->j, "reported"));
		at_buf_adds(b, " (the date of the act is not known: shown at its report "
			       "date)");
	} else if (e->dated) {
		rep_esc(b, ws);
		if (we && strcmp(ws, we)) {
			at_buf_adds(b, " to ");
			rep_esc(b, we);
		}
	} else {
		at_buf_adds(b, "date unknown");
	}
	at_buf_printf(b, " \xC2\xB7 %s \xC2\xB7 %s \xC2\xB7 ", rep_type_name[e->type],
		      rep_status_name[e->status]);
	rep_add_who(b, e);
	at_buf_adds(b, "</title>");
	if (x1 - x0 >= 2)
		at_buf_printf(
			b,
			"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
			"stroke-width=\"3\" stroke-opacity=\"0.55\"/>",
			x0, y, x1, y, col);
	if (e->by_report) /* hollow and dashed; a tint when delivered */
		at_buf_printf(b,
			      "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\" "
			      "fill-opacity=\"%s\" stroke=\"%s\" stroke-width=\"1.6\" "
			      "stroke-dasharray=\"2.2 1.6\"/>",
			      x0, y, filled ? col : "#fff", filled ? "0.3" : "1", col);
	else if (filled)
		at_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5.5\" fill=\"%s\"/>", x0,
			      y, col);
	else
		at_buf_printf(
			b,
			"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"#fff\" stroke=\"%s\" "
			"stroke-width=\"2.2\"/>",
			x0, y, col);
	at_buf_adds(b, "</a>");
}

static int cmp_start(const void *a, const void *b)
{
	const rep_ev *x = *(const rep_ev *const *)a, *y = *(const rep_ev *const *)b;
	if (x->p0 != y->p0)
		return x->p0 < y->p0 ? -1 : 1;
	return x->p1 < y->p1 ? -1 : x->p1 > y->p1;
}

int rep_render_timeline(at_buf *b, rep_ev *ev, size_t n)
{
	at_buf_adds(b, "<section id=\"timeline\"><h2>Timeline</h2>");
	int present[T_N] = {0};
	size_t dated = 0, by_report = 0; /* placed on the axis; of them at the report date */
	int64_t lo = 0, hi = 0;
	for (size_t i = 0; i < n; i++) {
		present[ev[i].type] = 1;
		if (ev[i].placed) {
			if (!dated++) {
				lo = ev[i].p0;
				hi = ev[i].p1;
			}
			if (ev[i].p0 < lo)
				lo = ev[i].p0;
			if (ev[i].p1 > hi)
				hi = ev[i].p1;
			by_report += ev[i].by_report;
		}
	}
	if (!n) {
		at_buf_adds(b, "<p class=\"unknown\">No events.</p></section>\n");
		return b->err;
	}
	at_buf_adds(
		b,
		"<p class=\"legend\">"
		"<svg width=\"14\" height=\"14\" aria-hidden=\"true\"><circle cx=\"7\" "
		"cy=\"7\" "
		"r=\"5\" fill=\"#333\"/></svg> delivered (underway or completed) "
		"<svg width=\"14\" height=\"14\" aria-hidden=\"true\"><circle cx=\"7\" "
		"cy=\"7\" "
		"r=\"4.5\" fill=\"#fff\" stroke=\"#333\" stroke-width=\"2\"/></svg> pledged "
		"(intent or committed) "
		"<svg width=\"14\" height=\"14\" aria-hidden=\"true\"><circle cx=\"7\" "
		"cy=\"7\" r=\"4.5\" fill=\"#fff\" stroke=\"#333\" stroke-width=\"1.6\" "
		"stroke-dasharray=\"2.2 1.6\"/></svg> date of the act unknown: at its report "
		"date &#160; a line runs from the start to the end date; a "
		"year or month alone covers the whole period. Hover a mark for details, click "
		"it for its row.</p>");

	/* Scale: whole years when the span is long, else whole months. */
	int y0, m0, d0, y1, m1, d1;
	at_civil_from_days(lo, &y0, &m0, &d0);
	at_civil_from_days(hi, &y1, &m1, &d1);
	int by_year = !dated || y1 - y0 >= 3;
	int64_t a, z;
	if (!dated) {
		a = 0;
		z = 1;
	} else if (by_year) {
		a = at_days_from_civil(y0, 1, 1);
		z = at_days_from_civil(y1 + 1, 1, 1);
	} else {
		a = at_days_from_civil(y0, m0, 1);
		z = m1 == 12 ? at_days_from_civil(y1 + 1, 1, 1)
			     : at_days_from_civil(y1, m1 + 1, 1);
	}
	double px0 = TL_LEFT + TL_PAD, px1 = TL_W - TL_RIGHT - TL_UNDATED_W - TL_PAD;
	double scale = (px1 - px0) / (double)(z - a);

	/* Lanes: types present, each with rows packed so marks do not overlap. */
	rep_ev **order = malloc((n ? n : 1) * sizeof(*order));
	double *row_end = calloc(TL_MAX_ROWS, sizeof(double));
	int *row_of = malloc((n ? n : 1) * sizeof(int));
	if (!order || !row_end || !row_of) {
		free(order);
		free(row_end);
		free(row_of);
		return AT_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		order[i] = &ev[i];
	qsort(order, n, sizeof(*order), cmp_start);
	double lane_y[T_N], lane_h[T_N], y = 8;
	int lane_rows[T_N] = {0};
	for (int t = 0; t < T_N; t++) {
		lane_y[t] = y;
		lane_h[t] = 0;
		if (!present[t])
			continue;
		int rows = 1;
		for (int r = 0; r < TL_MAX_ROWS; r++)
			row_end[r] = -1e9;
		size_t undated = 0;
		for (size_t i = 0; i < n; i++) {
			rep_ev *e = order[i];
			if (e->type != t)
				continue;
			if (!e->placed) {
				undated++;
				continue;
			}
			double x0 = px0 + (double)(e->p0 - a) * scale;
			double x1 = px0 + (double)(e->p1 + 1 - a) * scale;
			int r = 0;
			while (r < TL_MAX_ROWS && row_end[r] > x0 - 11)
				r++;
			if (r == TL_MAX_ROWS) { /* full: the row that frees up first */
				r = 0;
				for (int k = 1; k < TL_MAX_ROWS; k++)
					if (row_end[k] < row_end[r])
						r = k;
			}
			row_end[r] = x1 > x0 + 5 ? x1 : x0 + 5;
			row_of[e - ev] = r;
			if (r + 1 > rows)
				rows = r + 1;
		}
		/* Undated marks: a grid of up to 8 columns in the lane's rows. */
		int urows = (int)((undated + 7) / 8);
		if (urows > TL_MAX_ROWS)
			urows = TL_MAX_ROWS;
		if (urows > rows)
			rows = urows;
		lane_rows[t] = rows;
		lane_h[t] = rows * TL_ROW + 14;
		y += lane_h[t];
	}
	double axis_y = y + 4, height = axis_y + 44;
	at_buf_printf(
		b,
		"<svg id=\"timeline-svg\" class=\"chart\" viewBox=\"0 0 %.0f %.0f\" "
		"width=\"100%%\" role=\"img\" aria-labelledby=\"tl-desc\" "
		"font-size=\"12\"><desc id=\"tl-desc\">Events by date and type; filled dots "
		"delivered, hollow dots pledged; dashed dots at the report date of events "
		"whose act has no date; events with neither date in the right-hand column."
		"</desc>",
		TL_W, height);

	/* Grid and axis. */
	double ux = TL_W - TL_RIGHT - TL_UNDATED_W;
	at_buf_printf(
		b,
		"<rect x=\"%.1f\" y=\"4\" width=\"%.1f\" height=\"%.1f\" fill=\"#f3f3f3\"/>"
		"<line x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\" "
		"stroke-dasharray=\"3 3\"/>"
		"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"axis\">no date"
		"</text><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"axis\">"
		"(unknown)</text>",
		ux, TL_UNDATED_W, axis_y - 4, ux, ux, axis_y, ux + TL_UNDATED_W / 2,
		axis_y + 16, ux + TL_UNDATED_W / 2, axis_y + 30);
	at_buf_printf(b,
		      "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>",
		      px0 - TL_PAD, axis_y, px1 + TL_PAD, axis_y);
	if (dated) {
		/* Tick every year (or month), labelled so that labels do not crowd. */
		int nticks = by_year ? y1 - y0 + 2 : (y1 - y0) * 12 + m1 - m0 + 2;
		int every = 1;
		while (nticks / every > 14)
			every = every < 2 ? 2 : every < 3 ? 3 : every < 6 ? 6 : every * 2;
		for (int k = 0; k < nticks; k++) {
			int ty = by_year ? y0 + k : y0 + (m0 - 1 + k) / 12;
			int tm = by_year ? 1 : (m0 - 1 + k) % 12 + 1;
			double tx = px0 + (double)(at_days_from_civil(ty, tm, 1) - a) * scale;
			int label = k % every == 0;
			at_buf_printf(b,
				      "<line x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"%.1f\" "
				      "stroke=\"%s\"/>",
				      tx, tx, axis_y + (label ? 5 : 3),
				      label ? "#ccc" : "#eee");
			if (label && k < nticks - 1) {
				static const char *const mon[12] = {"Jan", "Feb", "Mar", "Apr",
								    "May", "Jun", "Jul", "Aug",
								    "Sep", "Oct", "Nov", "Dec"};
				double nx = px0 +
					    (double)((by_year ? at_days_from_civil(ty + 1, 1, 1)
							      : at_days_from_civil(
									ty + (tm == 12),
									tm % 12 + 1, 1)) -
						     a) *
						    scale;
				double lx = every == 1 ? (tx + nx) / 2 : tx;
				const char *anchor = every == 1 ? "middle" : "start";
				if (by_year)
					at_buf_printf(
						b,
						"<text x=\"%.1f\" y=\"%.1f\" "
						"text-anchor=\"%s\" class=\"axis\">%d</text>",
						lx, axis_y + 16, anchor, ty);
				else
					at_buf_printf(b,
						      "<text x=\"%.1f\" y=\"%.1f\" "
						      "text-anchor=\"%s\" class=\"axis\">%s "
						      "%d</text>",
						      lx, axis_y + 16, anchor, mon[tm - 1], ty);
			}
		}
		at_buf_printf(b,
			      "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
			      "class=\"axis-title\">Date of the act (calendar %s)</text>",
			      (px0 + px1) / 2, axis_y + 34, by_year ? "years" : "months");
	} else {
		at_buf_printf(b,
			      "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
			      "class=\"axis-title\">No event has a known date</text>",
			      (px0 + px1) / 2, axis_y - 20);
	}

	/* Lanes and marks. */
	for (int t = 0; t < T_N; t++) {
		if (!present[t])
			continue;
		at_buf_printf(
			b,
			"<g class=\"lane\" data-type=\"%s\"><line x1=\"%.1f\" y1=\"%.1f\" "
			"x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
			"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\" "
			"class=\"lane-label\">%s</text>",
			rep_type_name[t], TL_LEFT, lane_y[t] + lane_h[t], TL_W - TL_RIGHT,
			lane_y[t] + lane_h[t], TL_LEFT - 8, lane_y[t] + 16, rep_type_colour[t],
			rep_type_label[t]);
		at_buf_adds(b, "<g class=\"dated\">");
		for (size_t i = 0; i < n; i++) {
			rep_ev *e = order[i];
			if (e->type != t || !e->placed)
				continue;
			double x0 = px0 + (double)(e->p0 - a) * scale;
			double x1 = px0 + (double)(e->p1 + 1 - a) * scale;
			if (e->p1 == e->p0)
				x1 = x0;
			tl_mark(b, e, x0, x1, lane_y[t] + 12 + row_of[e - ev] * TL_ROW);
		}
		at_buf_adds(b, "</g><g class=\"undated\">");
		size_t u = 0;
		for (size_t i = 0; i < n; i++) {
			rep_ev *e = order[i];
			if (e->type != t || e->placed)
				continue;
			/* A grid in the "no date" column: never on the date axis. */
			int lr = lane_rows[t] > 0 ? lane_rows[t] : 1;
			double x = ux + 14 + (double)((u / (size_t)lr) % 8) * 13;
			tl_mark(b, e, x, x, lane_y[t] + 12 + (double)(u % (size_t)lr) * TL_ROW);
			u++;
		}
		at_buf_adds(b, "</g></g>");
	}
	at_buf_adds(b, "</svg>");
	if (by_report)
		at_buf_printf(b,
			      "<p class=\"note\">%zu event%s ha%s no date of the act and %s shown "
			      "at %s report date (dashed).</p>",
			      by_report, by_report == 1 ? "" : "s", by_report == 1 ? "s" : "ve",
			      by_report == 1 ? "is" : "are", by_report == 1 ? "its" : "their");
	if (dated < n)
		at_buf_printf(
			b,
			"<p class=\"note\">%zu event%s ha%s no known date (neither of the act "
			"nor of a report) and %s shown in "
			"the \xE2\x80\x9Cno date\xE2\x80\x9D column, not on the axis.</p>",
			n - dated, n - dated == 1 ? "" : "s", n - dated == 1 ? "s" : "ve",
			n - dated == 1 ? "is" : "are");
	at_buf_adds(b, "</section>\n");
	free(order);
	free(row_end);
	free(row_of);
	return b->err;
}
