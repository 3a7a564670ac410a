/* SPDX-License-Identifier: MIT */
/*
 * summary.c — the report's summary: one sentence first, then events by type,
 * providers, recipients, source documents, and the known USD value of aid
 * pledged against delivered.
 */
#include "report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events/events.h"
#include "util/date.h"

/* ---- summary ------------------------------------------------------------ */

/* Add k (NULL: nothing) to a set of strings; s->n counts them. */

int rep_render_summary(at_buf *b, const rep_ev *ev, size_t n)
{
	size_t by_type[T_N] = {0};
	double usd[S_N] = {0};
	size_t valued[S_N] = {0}, aid_by_status[S_N] = {0};
	int64_t lo = 0, hi = 0;
	size_t dated = 0;
	strmap prov = {0}, recip = {0}, docs = {0};
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		const rep_ev *e = &ev[i];
		by_type[e->type]++;
		if (e->dated) {
			if (!dated++ || e->d0 < lo)
				lo = e->d0;
			if (dated == 1 || e->d1 > hi)
				hi = e->d1;
		}
		if (e->type == T_AID) {
			aid_by_status[e->status]++;
			rc |= rep_keyset_add(&prov, rep_party_key(json_object_get(e->j, "provider")));
			rc |= rep_keyset_add(&recip, rep_party_key(json_object_get(e->j, "recipient")));
			if (e->has_usd) {
				usd[e->status] += e->usd;
				valued[e->status]++;
			}
		}
		size_t k;
		json_t *s;
		json_array_foreach (json_object_get(e->j, "sources"), k, s)
			rc |= rep_keyset_add(&docs, at_ev_str(s, "doc"));
	}
	at_buf_adds(b, "<section id=\"summary\" aria-label=\"Summary\">");
	/* The answer in one sentence, before any chart. */
	if (by_type[T_AID]) {
		double pledged = usd[S_INTENT] + usd[S_COMMITTED];
		double done = usd[S_UNDERWAY] + usd[S_COMPLETED];
		size_t valued_all = 0;
		for (int s = 0; s < S_N; s++)
			valued_all += valued[s];
		at_buf_printf(b,
			      "<p class=\"lead\"><b>%zu</b> aid event%s, %zu provider%s to %zu "
			      "recipient%s: ",
			      by_type[T_AID], by_type[T_AID] == 1 ? "" : "s", prov.n,
			      prov.n == 1 ? "" : "s", recip.n, recip.n == 1 ? "" : "s");
		if (valued_all) {
			/* A group with no known value is unknown, not $0. */
			if (valued[S_INTENT] + valued[S_COMMITTED]) {
				at_buf_adds(b, "<b>");
				rep_add_usd(b, pledged);
				at_buf_adds(b, "</b> pledged, ");
			} else {
				at_buf_adds(b,
					    "pledged <span class=\"unknown\">unknown</span>, ");
			}
			if (valued[S_UNDERWAY] + valued[S_COMPLETED]) {
				at_buf_adds(b, "<b>");
				rep_add_usd(b, done);
				at_buf_adds(b, "</b> delivered");
			} else {
				at_buf_adds(b,
					    "delivered <span class=\"unknown\">unknown</span>");
			}
			at_buf_printf(b, " (the known values of %zu event%s", valued_all,
				      valued_all == 1 ? "" : "s");
			if (valued_all < by_type[T_AID])
				at_buf_printf(b, "; %zu ha%s none", by_type[T_AID] - valued_all,
					      by_type[T_AID] - valued_all == 1 ? "s" : "ve");
			at_buf_adds(b, ")");
		} else {
			at_buf_adds(b, "no value is known");
		}
		at_buf_adds(b, ".</p>");
	}
	at_buf_adds(b, "<div class=\"cards\">");
	at_buf_printf(b,
		      "<div class=\"card\"><div class=\"big\">%zu</div><div>events</div>"
		      "<div class=\"sub\">",
		      n);
	for (int t = 0; t < T_N; t++)
		if (by_type[t] || t < T_OTHER)
			at_buf_printf(b, "<span class=\"t-%s\">%zu %s</span> ", rep_type_name[t],
				      by_type[t], rep_type_name[t]);
	at_buf_adds(b, "</div></div>");
	at_buf_printf(
		b,
		"<div class=\"card\"><div class=\"big\">%zu</div><div>providers</div>"
		"<div class=\"sub\">of aid</div></div>"
		"<div class=\"card\"><div class=\"big\">%zu</div><div>recipients</div>"
		"<div class=\"sub\">of aid</div></div>"
		"<div class=\"card\"><div class=\"big\">%zu</div><div>source documents</div>"
		"<div class=\"sub\">",
		prov.n, recip.n, docs.n);
	if (dated) {
		int y, m, d, y2, m2, d2;
		at_civil_from_days(lo, &y, &m, &d);
		at_civil_from_days(hi, &y2, &m2, &d2);
		at_buf_printf(b, "events dated %04d-%02d-%02d to %04d-%02d-%02d", y, m, d, y2,
			      m2, d2);
	}
	if (dated < n)
		at_buf_printf(b, "%s%zu with no date of the act", dated ? "; " : "", n - dated);
	at_buf_adds(b, "</div></div>");

	/* Known USD of aid, pledged against delivered. */
	at_buf_adds(b, "<div class=\"card wide\"><table class=\"money\"><caption>Aid value, "
		       "USD (known values only)</caption><thead><tr><th scope=\"col\">Status"
		       "</th><th scope=\"col\">Known value</th><th scope=\"col\">Events valued"
		       "</th></tr></thead><tbody>");
	static const char *const group_name[2] = {"Pledged", "Delivered"};
	for (int g = 0; g < 2; g++) {
		double sum = 0;
		size_t nv = 0, na = 0;
		for (int s = 0; s < S_UNKNOWN; s++)
			if (rep_delivered(s) == g) {
				sum += usd[s];
				nv += valued[s];
				na += aid_by_status[s];
			}
		at_buf_printf(b,
			      "<tr class=\"grp %s\"><th scope=\"row\">%s <span class=\"sub\">(",
			      g ? "delivered" : "pledged", group_name[g]);
		at_buf_adds(b, g ? "underway, completed" : "intent, committed");
		at_buf_adds(b, ")</span></th><td class=\"num\">");
		if (nv)
			rep_add_usd(b, sum);
		else
			at_buf_adds(b, "<span class=\"unknown\">unknown</span>");
		at_buf_printf(b, "</td><td class=\"num\">%zu of %zu</td></tr>", nv, na);
		for (int s = 0; s < S_UNKNOWN; s++) {
			if (rep_delivered(s) != g)
				continue;
			at_buf_printf(b,
				      "<tr class=\"detail\"><th scope=\"row\">%s</th>"
				      "<td class=\"num\">",
				      rep_status_name[s]);
			if (valued[s])
				rep_add_usd(b, usd[s]);
			else if (aid_by_status[s])
				at_buf_adds(b, "<span class=\"unknown\">unknown</span>");
			else
				at_buf_adds(b, "\xE2\x80\x94");
			at_buf_printf(b, "</td><td class=\"num\">%zu of %zu</td></tr>",
				      valued[s], aid_by_status[s]);
		}
	}
	if (aid_by_status[S_UNKNOWN])
		at_buf_printf(b,
			      "<tr><th scope=\"row\">status unknown</th><td></td>"
			      "<td class=\"num\">%zu</td></tr>",
			      aid_by_status[S_UNKNOWN]);
	at_buf_adds(b, "</tbody></table></div></div></section>\n");
	rep_strmap_free(&prov);
	rep_strmap_free(&recip);
	rep_strmap_free(&docs);
	return rc;
}
