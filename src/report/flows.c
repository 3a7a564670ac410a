/* SPDX-License-Identifier: MIT */
/*
 * flows.c — the report's flows: the largest provider -> recipient pairs in words,
 * and an SVG matrix of aid, provider rows by recipient columns, a square
 * per cell whose area is the known USD (filled) or, when no value is known,
 * the number of events (dashed outline).
 */
#include "report_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events/events.h"

/* ---- flows -------------------------------------------------------------- */

#define FLOW_MAX 12 /* providers or recipients shown; the rest are "others" */
#define FLOW_CELL 46.0

typedef struct party {
	const char *key, *name;
	double usd;
	size_t count;
} party;

typedef struct flow_cell {
	double usd;
	size_t count, valued;
} flow_cell;

/* One provider -> recipient pair, for the list of the largest flows. */
typedef struct flow_pair {
	const json_t *from, *to;
	double usd;
	size_t count, valued, delivered;
	size_t first; /* order of appearance: ties keep it, so pages are stable */
} flow_pair;

static int cmp_pair(const void *a, const void *b)
{
	const flow_pair *x = a, *y = b;
	if (x->usd != y->usd)
		return x->usd > y->usd ? -1 : 1;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* The largest flows in words: what a reader wants first. */
static int render_top_flows(at_buf *b, const rep_ev *ev, size_t n)
{
	flow_pair *pr = NULL;
	size_t np = 0, ap = 0;
	strmap index = {0};
	for (size_t i = 0; i < n; i++) {
		if (ev[i].type != T_AID)
			continue;
		const json_t *from = json_object_get(ev[i].j, "provider");
		const json_t *to = json_object_get(ev[i].j, "recipient");
		const char *fk = rep_party_key(from), *tk = rep_party_key(to);
		size_t k;
		int added;
		if (rep_strmap_put(&index, fk ? fk : "?", tk ? tk : "?", np, &k, &added) != 0) {
			free(pr);
			rep_strmap_free(&index);
			return AT_ENOMEM;
		}
		if (added) {
			if (np == ap) {
				size_t na = ap ? ap * 2 : 16;
				flow_pair *q = realloc(pr, na * sizeof(*q));
				if (!q) {
					free(pr);
					rep_strmap_free(&index);
					return AT_ENOMEM;
				}
				pr = q;
				ap = na;
			}
			pr[np] = (flow_pair){from, to, 0, 0, 0, 0, np};
			np++;
		}
		pr[k].count++;
		pr[k].delivered += (size_t)rep_delivered(ev[i].status);
		if (ev[i].has_usd && ev[i].usd > 0) {
			pr[k].usd += ev[i].usd;
			pr[k].valued++;
		}
	}
	if (np)
		qsort(pr, np, sizeof(*pr), cmp_pair);
	at_buf_adds(b, "<div class=\"top\"><h3>Largest flows</h3><ol>");
	for (size_t k = 0; k < np && k < 8; k++) {
		const char *f = rep_party_name(pr[k].from), *t = rep_party_name(pr[k].to);
		at_buf_adds(b, "<li><b><bdi>");
		rep_esc(b, f ? f : "unknown provider");
		at_buf_adds(b, "</bdi> \xE2\x86\x92 <bdi>");
		rep_esc(b, t ? t : "unknown recipient");
		at_buf_adds(b, "</bdi></b> ");
		if (pr[k].valued) {
			rep_add_usd(b, pr[k].usd);
			if (pr[k].valued < pr[k].count)
				at_buf_printf(b,
					      " <span class=\"sub\">(%zu of %zu valued)</span>",
					      pr[k].valued, pr[k].count);
		} else {
			at_buf_adds(b, "<span class=\"unknown\">value unknown</span>");
		}
		at_buf_printf(b,
			      "<br><span class=\"sub\">%zu event%s: %zu delivered, %zu pledged"
			      "</span></li>",
			      pr[k].count, pr[k].count == 1 ? "" : "s", pr[k].delivered,
			      pr[k].count - pr[k].delivered);
	}
	at_buf_adds(b, "</ol>");
	if (np > 8)
		at_buf_printf(b, "<p class=\"sub\">and %zu more pairs in the matrix</p>",
			      np - 8);
	at_buf_adds(b, "</div>");
	free(pr);
	rep_strmap_free(&index);
	return b->err;
}

static int party_add(party **ps, size_t *n, size_t *alloc, strmap *index, const json_t *p,
		     const rep_ev *e)
{
	const char *key = rep_party_key(p), *name = rep_party_name(p);
	if (!key)
		key = name = "?";
	size_t at;
	int added;
	if (rep_strmap_put(index, key, NULL, *n, &at, &added) != 0)
		return AT_ENOMEM;
	if (!added) {
		(*ps)[at].count++;
		(*ps)[at].usd += e->has_usd ? e->usd : 0;
		return 0;
	}
	if (*n == *alloc) {
		size_t na = *alloc ? *alloc * 2 : 16;
		party *q = realloc(*ps, na * sizeof(*q));
		if (!q)
			return AT_ENOMEM;
		*ps = q;
		*alloc = na;
	}
	(*ps)[(*n)++] = (party){key, name, e->has_usd ? e->usd : 0, 1};
	return 0;
}

static int cmp_party(const void *a, const void *b)
{
	const party *x = a, *y = b;
	if (x->usd != y->usd)
		return x->usd > y->usd ? -1 : 1;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* A party's row or column once sorted (`index` maps keys to positions). */
static size_t party_index(strmap *index, const json_t *p)
{
	const char *key = rep_party_key(p);
	size_t at = FLOW_MAX;
	int added;
	rep_strmap_put(index, key ? key : "?", NULL, FLOW_MAX, &at, &added);
	return at < FLOW_MAX ? at : FLOW_MAX;
}

/* Map each party's key to its position after sorting. */
static int party_positions(strmap *index, const party *ps, size_t n)
{
	rep_strmap_free(index);
	for (size_t i = 0; i < n; i++) {
		size_t v;
		int added;
		if (rep_strmap_put(index, ps[i].key, NULL, i, &v, &added) != 0)
			return AT_ENOMEM;
	}
	return 0;
}

static void add_party_label(at_buf *b, const party *p, size_t max)
{
	if (!strcmp(p->key, "?"))
		at_buf_adds(b, "(unknown)");
	else if (max)
		rep_esc_trunc(b, p->name ? p->name : p->key, max);
	else
		rep_esc(b, p->name ? p->name : p->key);
}

/* The names an "others" row or column sums, for its tooltip: parties
 * FLOW_MAX.. of ps (largest first), at most 40 named. */
static void add_others_title(at_buf *b, const party *ps, size_t n, const char *what)
{
	at_buf_printf(b, "<title>%zu other %s: ", n - FLOW_MAX, what);
	for (size_t k = FLOW_MAX; k < n && k < FLOW_MAX + 40; k++) {
		if (k > FLOW_MAX)
			at_buf_adds(b, ", ");
		add_party_label(b, &ps[k], 0);
	}
	if (n > FLOW_MAX + 40)
		at_buf_printf(b, " and %zu more", n - FLOW_MAX - 40);
	at_buf_adds(b, "</title>");
}

int rep_render_flows(at_buf *b, const rep_ev *ev, size_t n)
{
	party *pv = NULL, *rc = NULL;
	size_t npv = 0, apv = 0, nrc = 0, arc = 0;
	strmap ipv = {0}, irc = {0};
	int err = 0;
	for (size_t i = 0; i < n && !err; i++) {
		if (ev[i].type != T_AID)
			continue;
		err |= party_add(&pv, &npv, &apv, &ipv, json_object_get(ev[i].j, "provider"),
				 &ev[i]);
		err |= party_add(&rc, &nrc, &arc, &irc, json_object_get(ev[i].j, "recipient"),
				 &ev[i]);
	}
	at_buf_adds(
		b, "<section id=\"flows\"><h2>Aid flows: provider \xE2\x86\x92 recipient</h2>");
	if (!err && npv) {
		qsort(pv, npv, sizeof(*pv), cmp_party);
		qsort(rc, nrc, sizeof(*rc), cmp_party);
		err = party_positions(&ipv, pv, npv) | party_positions(&irc, rc, nrc);
	}
	if (err || !npv) {
		if (!err)
			at_buf_adds(b, "<p class=\"unknown\">No aid events.</p></section>\n");
		free(pv);
		free(rc);
		rep_strmap_free(&ipv);
		rep_strmap_free(&irc);
		return err;
	}
	size_t rows = npv > FLOW_MAX ? FLOW_MAX + 1 : npv;
	size_t cols = nrc > FLOW_MAX ? FLOW_MAX + 1 : nrc;
	flow_cell *cell = calloc(rows * cols, sizeof(*cell));
	if (!cell) {
		free(pv);
		free(rc);
		rep_strmap_free(&ipv);
		rep_strmap_free(&irc);
		return AT_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		if (ev[i].type != T_AID)
			continue;
		size_t r = party_index(&ipv, json_object_get(ev[i].j, "provider"));
		size_t c = party_index(&irc, json_object_get(ev[i].j, "recipient"));
		flow_cell *f = &cell[r * cols + c];
		f->count++;
		if (ev[i].has_usd && ev[i].usd > 0) {
			f->usd += ev[i].usd;
			f->valued++;
		}
	}
	double max_usd = 0;
	size_t max_count = 0;
	for (size_t k = 0; k < rows * cols; k++) {
		if (cell[k].usd > max_usd)
			max_usd = cell[k].usd;
		if (cell[k].count > max_count)
			max_count = cell[k].count;
	}
	at_buf_adds(
		b, "<p class=\"legend\"><svg width=\"14\" height=\"14\" aria-hidden=\"true\">"
		   "<rect x=\"1\" y=\"1\" width=\"12\" height=\"12\" fill=\"#0072B2\"/></svg> "
		   "area \xE2\x88\x9D known value in USD &#160; "
		   "<svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect x=\"1\" y=\"1\" "
		   "width=\"12\" height=\"12\" fill=\"none\" stroke=\"#555\" "
		   "stroke-dasharray=\"3 2\"/></svg> value unknown: area \xE2\x88\x9D number "
		   "of events. Rows give, columns receive.</p>");

	double left = 170, top = 92, max_side = FLOW_CELL - 16;
	/* Room on the right for the last column's slanted label. */
	double w = left + (double)cols * FLOW_CELL + 90, h = top + (double)rows * FLOW_CELL + 8;
	at_buf_adds(b, "<div class=\"flowrow\">");
	if (render_top_flows(b, ev, n) != 0) {
		free(cell);
		free(pv);
		free(rc);
		rep_strmap_free(&ipv);
		rep_strmap_free(&irc);
		return AT_ENOMEM;
	}
	at_buf_printf(
		b,
		"<div class=\"flowwrap\"><svg id=\"flow-svg\" class=\"chart\" "
		"viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" role=\"img\" "
		"aria-labelledby=\"fl-desc\" font-size=\"12\"><desc id=\"fl-desc\">Matrix "
		"of aid: providers in rows, recipients in columns.</desc>",
		w, h, w);
	at_buf_printf(
		b,
		"<text x=\"%.1f\" y=\"14\" class=\"axis-title\">recipient "
		"\xE2\x86\x92</text><text x=\"8\" y=\"%.1f\" class=\"axis-title\">provider "
		"\xE2\x86\x93</text>",
		left, top - 6);
	for (size_t c = 0; c < cols; c++) {
		double cx = left + (double)c * FLOW_CELL + FLOW_CELL / 2;
		at_buf_printf(b,
			      "<text transform=\"translate(%.1f %.1f) rotate(-40)\" "
			      "class=\"col-label\">",
			      cx, top - 6);
		if (c == FLOW_MAX) {
			add_others_title(b, rc, nrc, "recipients");
			at_buf_printf(b, "%zu others", nrc - FLOW_MAX);
		} else {
			at_buf_adds(b, "<title>");
			add_party_label(b, &rc[c], 0);
			at_buf_adds(b, "</title>");
			add_party_label(b, &rc[c], 16);
		}
		at_buf_adds(b, "</text>");
	}
	for (size_t r = 0; r < rows; r++) {
		double ry = top + (double)r * FLOW_CELL;
		at_buf_printf(b,
			      "<rect x=\"0\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
			      "fill=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" "
			      "class=\"row-label\">",
			      ry, w, FLOW_CELL, r % 2 ? "#fff" : "#f6f6f6", left - 8,
			      ry + FLOW_CELL / 2 + 4);
		if (r == FLOW_MAX) {
			add_others_title(b, pv, npv, "providers");
			at_buf_printf(b, "%zu others", npv - FLOW_MAX);
		} else {
			at_buf_adds(b, "<title>");
			add_party_label(b, &pv[r], 0);
			at_buf_adds(b, "</title>");
			add_party_label(b, &pv[r], 22);
		}
		at_buf_adds(b, "</text>");
		for (size_t c = 0; c < cols; c++) {
			const flow_cell *f = &cell[r * cols + c];
			if (!f->count)
				continue;
			int by_usd;
			double side = at_report__flow_side(f->usd, max_usd, (int)f->count,
							   (int)max_count, max_side, &by_usd);
			/* Counts are the fallback: kept smaller than the largest known
			 * value so that the eye goes to what is known. */
			if (!by_usd && max_usd > 0)
				side *= 0.6;
			double cx = left + (double)c * FLOW_CELL + FLOW_CELL / 2;
			double cy = ry + (FLOW_CELL - 12) / 2;
			at_buf_adds(b, "<g class=\"flow\"><title>");
			if (r == FLOW_MAX)
				at_buf_printf(b, "%zu other providers", npv - FLOW_MAX);
			else
				add_party_label(b, &pv[r], 0);
			at_buf_adds(b, " \xE2\x86\x92 ");
			if (c == FLOW_MAX)
				at_buf_printf(b, "%zu other recipients", nrc - FLOW_MAX);
			else
				add_party_label(b, &rc[c], 0);
			at_buf_printf(b, ": %zu event%s, ", f->count, f->count == 1 ? "" : "s");
			if (f->valued) {
				rep_add_usd(b, f->usd);
				at_buf_printf(b, " known from %zu", f->valued);
			} else {
				at_buf_adds(b, "value unknown");
			}
			at_buf_adds(b, "</title>");
			if (by_usd)
				at_buf_printf(
					b,
					"<rect class=\"usd\" x=\"%.1f\" y=\"%.1f\" "
					"width=\"%.1f\" height=\"%.1f\" fill=\"#0072B2\"/>",
					cx - side / 2, cy - side / 2, side, side);
			else
				at_buf_printf(b,
					      "<rect class=\"count\" x=\"%.1f\" y=\"%.1f\" "
					      "width=\"%.1f\" height=\"%.1f\" fill=\"none\" "
					      "stroke=\"#555\" stroke-width=\"1.5\" "
					      "stroke-dasharray=\"3 2\"/>",
					      cx - side / 2, cy - side / 2, side, side);
			at_buf lab;
			at_buf_init(&lab, 256);
			if (f->valued)
				rep_add_usd(&lab, f->usd);
			else
				at_buf_printf(&lab, "%zu ev.", f->count);
			if (f->valued && f->valued < f->count)
				at_buf_adds(&lab, "+?");
			/* a label wider than its cell (about 6 px a character) is
			 * squeezed into it, so that neighbours never run together */
			at_buf_printf(b,
				      "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
				      "class=\"cell-label\"",
				      cx, ry + FLOW_CELL - 3);
			if (lab.len * 6 > FLOW_CELL - 4)
				at_buf_printf(b,
					      " textLength=\"%d\" lengthAdjust=\"spacingAndGlyphs\"",
					      (int)FLOW_CELL - 4);
			at_buf_addc(b, '>');
			if (lab.data)
				at_buf_add(b, lab.data, lab.len);
			at_buf_free(&lab);
			at_buf_adds(b, "</text></g>");
		}
	}
	at_buf_adds(b, "</svg></div></div>");
	if (npv > FLOW_MAX || nrc > FLOW_MAX)
		at_buf_printf(
			b,
			"<p class=\"note\">The %d largest providers and recipients are "
			"shown; the rest are summed under \xE2\x80\x9Cothers\xE2\x80\x9D (hover it for "
			"their names).</p>",
			FLOW_MAX);
	at_buf_adds(b, "<p class=\"note\">A label ending in \xE2\x80\x9C+?\xE2\x80\x9D adds "
		       "up the known values only: some events of that cell have none.</p>");
	at_buf_adds(b, "</section>\n");
	free(cell);
	free(pv);
	free(rc);
	rep_strmap_free(&ipv);
	rep_strmap_free(&irc);
	return b->err;
}
