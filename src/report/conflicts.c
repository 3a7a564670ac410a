/* SPDX-License-Identifier: MIT */
/*
 * conflicts.c — the report's conflicts: the fields on which sources disagree, values
 * side by side.
 */
#include "report_int.h"

#include <stdio.h>
#include <string.h>

#include "events/events.h"

/* ---- conflicts ---------------------------------------------------------- */

int rep_render_conflicts(at_buf *b, const rep_ev *ev, size_t n)
{
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += (size_t)ev[i].ncf;
	at_buf_printf(b,
		      "<section id=\"conflicts\"><h2>Where sources disagree <span "
		      "class=\"sub\">(%zu)</span></h2>",
		      total);
	if (!total) {
		at_buf_adds(b, "<p>No disagreements between sources.</p></section>\n");
		return b->err;
	}
	at_buf_adds(b, "<table class=\"conflicts\"><thead><tr><th scope=\"col\">Event</th>"
		       "<th scope=\"col\">Field</th><th scope=\"col\">What each source says"
		       "</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const rep_ev *e = &ev[i];
		if (!e->ncf)
			continue;
		size_t k;
		json_t *c;
		json_array_foreach (json_object_get(e->j, "conflicts"), k, c) {
			at_buf_adds(b, "<tr");
			if (k == 0)
				at_buf_printf(b, " id=\"cf-%zu\"", e->line);
			at_buf_adds(b, "><td><a href=\"#");
			rep_add_anchor(b, e);
			at_buf_adds(b, "\">");
			rep_add_who(b, e);
			at_buf_printf(b, "</a><br><span class=\"sub\">%s, %s</span></td><td>",
				      rep_type_name[e->type], rep_status_name[e->status]);
			rep_esc(b, at_ev_str(c, "field"));
			at_buf_adds(b, "</td><td><div class=\"sbs\">");
			json_t *vals = json_object_get(c, "values"),
			       *docs = json_object_get(c, "docs");
			size_t nv = json_is_array(vals) ? json_array_size(vals) : 0;
			size_t nd = json_is_array(docs) ? json_array_size(docs) : 0;
			for (size_t v = 0; v < nv; v++) {
				json_t *x = json_array_get(vals, v);
				at_buf_adds(b, "<div class=\"claim\"><bdi>");
				if (json_is_string(x)) {
					rep_esc(b, json_string_value(x));
				} else {
					char *dump =
						json_dumps(x, JSON_ENCODE_ANY | JSON_COMPACT);
					rep_esc(b, dump ? dump : "?");
					free(dump);
				}
				at_buf_adds(b, "</bdi>");
				/* docs parallel to values when merged; else all docs */
				if (nd == nv && json_is_string(json_array_get(docs, v))) {
					at_buf_adds(b, "<span class=\"sub\">");
					rep_esc(b, json_string_value(json_array_get(docs, v)));
					at_buf_adds(b, "</span>");
				}
				at_buf_adds(b, "</div>");
			}
			at_buf_adds(b, "</div>");
			if (nd && nd != nv) {
				at_buf_adds(b, "<span class=\"sub\">in ");
				for (size_t d = 0; d < nd; d++) {
					if (d)
						at_buf_adds(b, ", ");
					rep_esc(b, json_string_value(json_array_get(docs, d)));
				}
				at_buf_adds(b, "</span>");
			}
			at_buf_adds(b, "</td></tr>\n");
		}
	}
	at_buf_adds(b, "</tbody></table></section>\n");
	return b->err;
}
