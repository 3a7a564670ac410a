/* SPDX-License-Identifier: MIT */
/*
 * table.c — the report's events table: dates, type, status, who, items, value,
 * sources; each field's sentence is its tooltip, and "sentences" expands to
 * the source sentences with the fields marked.
 */
#include "report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events/events.h"
#include "util/utf8.h"

/* ---- table -------------------------------------------------------------- */

static int word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (unsigned char)c >= 0x80;
}

/* The source sentence with the fields' texts marked, as whole words
 * ("Russia" is not marked inside "Russian"). */
static void add_marked(at_buf *b, const char *s, const char *const *needle, size_t nn)
{
	size_t len = strlen(s), i = 0, run = 0;
	while (i < len) {
		size_t best = 0;
		for (size_t k = 0; k < nn; k++) {
			size_t l = strlen(needle[k]);
			if (l > best && l <= len - i && !memcmp(s + i, needle[k], l) &&
			    !(i > 0 && word_char(s[i - 1]) && word_char(s[i])) &&
			    !(i + l < len && word_char(s[i + l - 1]) && word_char(s[i + l])))
				best = l;
		}
		if (!best) {
			i++;
			continue;
		}
		at_report__esc(b, s + run, i - run);
		at_buf_adds(b, "<mark>");
		at_report__esc(b, s + i, best);
		at_buf_adds(b, "</mark>");
		i += best;
		run = i;
	}
	at_report__esc(b, s + run, len - run);
}

static void add_party_cell(at_buf *b, const json_t *j, const char *key)
{
	const json_t *p = json_object_get(j, key);
	const char *nm = rep_party_name(p);
	at_buf_adds(b, "<td data-sort=\"");
	rep_esc(b, nm ? nm : "");
	at_buf_adds(b, "\"");
	rep_add_title_for(b, j, at_ev_str(p, "name"));
	at_buf_adds(b, ">");
	if (nm)
		rep_esc(b, nm);
	else
		at_buf_adds(b, "<span class=\"unknown\">unknown</span>");
	at_buf_adds(b, "</td>");
}

static void add_sources(at_buf *b, const json_t *j)
{
	size_t i;
	json_t *s;
	json_t *src = json_object_get(j, "sources");
	/* One line per document, however many sentences it gave. */
	strmap seen = {0};
	at_buf_adds(b, "<ul class=\"src\">");
	json_array_foreach (src, i, s) {
		const char *doc = at_ev_str(s, "doc"), *url = at_ev_str(s, "url"),
			   *outlet = at_ev_str(s, "outlet");
		size_t before = seen.n;
		if (rep_keyset_add(&seen, doc ? doc : "?") != 0) {
			b->err = AT_ENOMEM;
			break;
		}
		if (seen.n == before)
			continue;
		at_buf_adds(b, "<li>");
		if (at_report__url_ok(url)) {
			at_buf_adds(b, "<a rel=\"noopener noreferrer nofollow\" href=\"");
			rep_esc(b, url);
			at_buf_adds(b, "\">");
		}
		at_buf_adds(b, "<bdi>");
		rep_esc(b, doc ? doc : "(document unnamed)");
		at_buf_adds(b, "</bdi>");
		if (at_report__url_ok(url))
			at_buf_adds(b, "</a>");
		if (outlet) {
			at_buf_adds(b, " <span class=\"sub\">");
			rep_esc(b, outlet);
			at_buf_adds(b, "</span>");
		}
		at_buf_adds(b, "</li>");
	}
	at_buf_adds(b, "</ul>");
	rep_strmap_free(&seen);
}

static void add_evidence(at_buf *b, const json_t *j)
{
	const char *needle[64];
	size_t nn = 0;
	size_t i;
	json_t *x;
	json_array_foreach (json_object_get(j, "items"), i, x)
		if (nn < 48 && at_ev_str(x, "text"))
			needle[nn++] = at_ev_str(x, "text");
	const char *fields[] = {at_ev_str(json_object_get(j, "value"), "text"),
				at_ev_str(json_object_get(j, "when"), "text"),
				at_ev_str(json_object_get(j, "provider"), "name"),
				at_ev_str(json_object_get(j, "recipient"), "name"),
				at_ev_str(json_object_get(j, "actor"), "name"),
				at_ev_str(json_object_get(j, "place"), "name")};
	for (size_t k = 0; k < sizeof(fields) / sizeof(fields[0]); k++)
		if (fields[k] && fields[k][0])
			needle[nn++] = fields[k];
	json_array_foreach (json_object_get(j, "participants"), i, x)
		if (nn < 64 && at_ev_str(x, "name"))
			needle[nn++] = at_ev_str(x, "name");
	for (size_t k = 0; k < nn;)
		if (!needle[k][0])
			needle[k] = needle[--nn];
		else
			k++;

	json_t *src = json_object_get(j, "sources");
	size_t ns = json_is_array(src) ? json_array_size(src) : 0;
	if (!ns) {
		at_buf_adds(b, "<span class=\"unknown\">no sentence</span>");
		return;
	}
	at_buf_printf(b, "<details><summary>%zu sentence%s</summary><ol class=\"ev\">", ns,
		      ns == 1 ? "" : "s");
	json_array_foreach (src, i, x) {
		const char *s = at_ev_str(x, "sentence");
		at_buf_adds(b, "<li><q><bdi>");
		if (s)
			add_marked(b, s, needle, nn);
		else
			at_buf_adds(b, "(no sentence)");
		at_buf_adds(b, "</bdi></q> <span class=\"sub\"><bdi>");
		rep_esc(b, at_ev_str(x, "doc"));
		at_buf_adds(b, "</bdi>");
		json_t *st = json_object_get(x, "start"), *en = json_object_get(x, "end");
		if (json_is_integer(st) && json_is_integer(en))
			at_buf_printf(b, ", bytes %lld\xE2\x80\x93%lld",
				      (long long)json_integer_value(st),
				      (long long)json_integer_value(en));
		at_buf_adds(b, "</span></li>");
	}
	at_buf_adds(b, "</ol>");
	const char *why = at_ev_str(j, "why");
	const json_t *wj = json_object_get(j, "why");
	if (why) {
		at_buf_adds(b, "<p class=\"sub\">rule: <code>");
		rep_esc(b, why);
		at_buf_adds(b, "</code></p>");
	} else if (json_is_object(wj)) { /* a ledger event: its sources' rules */
		size_t k;
		json_t *r;
		at_buf_adds(b, "<p class=\"sub\">rules: <code>");
		json_array_foreach(json_object_get(wj, "rules"), k, r)
		{
			if (k)
				at_buf_adds(b, "; ");
			rep_esc(b, json_string_value(r));
		}
		at_buf_adds(b, "</code></p>");
	}
	at_buf_adds(b, "</details>");
}

static void add_row(at_buf *b, const rep_ev *e)
{
	json_t *j = e->j;
	at_buf_adds(b, "<tr id=\"");
	rep_add_anchor(b, e);
	at_buf_printf(b, "\" class=\"%s %s\">", rep_type_name[e->type],
		      rep_delivered(e->status) ? "delivered" : "pledged");

	/* Date */
	json_t *when = json_object_get(j, "when");
	const char *ws = at_ev_str(when, "start"), *we = at_ev_str(when, "end");
	if (e->dated) {
		at_buf_printf(b, "<td data-sort=\"%lld\"", (long long)e->d0);
		rep_add_title_for(b, j, at_ev_str(when, "text"));
		at_buf_adds(b, " class=\"date\">");
		rep_esc(b, ws);
		if (we && strcmp(ws, we)) {
			at_buf_adds(b, "<br>\xE2\x80\x93\xC2\xA0");
			rep_esc(b, we);
		}
		at_buf_adds(b, "</td>");
	} else {
		at_buf_adds(b,
			    "<td data-sort=\"\" class=\"date\"><span class=\"unknown\">unknown"
			    "</span>");
		if (at_ev_str(when, "text")) {
			at_buf_adds(b, "<br><span class=\"sub\">");
			rep_esc(b, at_ev_str(when, "text"));
			at_buf_adds(b, "</span>");
		}
		at_buf_adds(b, "</td>");
	}
	/* Type, status */
	at_buf_printf(b, "<td class=\"kw\"><span class=\"tag t-%s\">%s</span>",
		      rep_type_name[e->type], rep_type_name[e->type]);
	json_t *kinds = json_object_get(j, "kinds");
	if (json_array_size(kinds)) {
		at_buf_adds(b, "<br><span class=\"sub\">");
		size_t i;
		json_t *k;
		json_array_foreach (kinds, i, k) {
			if (i)
				at_buf_adds(b, ", ");
			rep_esc(b, json_string_value(k));
		}
		at_buf_adds(b, "</span>");
	}
	at_buf_printf(
		b,
		"</td><td class=\"kw\" data-sort=\"%d\"><span class=\"st %s\">%s</span></td>",
		e->status, rep_delivered(e->status) ? "delivered" : "pledged",
		rep_status_name[e->status]);
	/* Who */
	if (e->type == T_AID) {
		add_party_cell(b, j, "provider");
		add_party_cell(b, j, "recipient");
	} else if (e->type == T_DEPLOYMENT) {
		add_party_cell(b, j, "actor");
		const json_t *pl = json_object_get(j, "place");
		at_buf_adds(b, "<td data-sort=\"");
		rep_esc(b, at_ev_str(pl, "name"));
		at_buf_adds(b, "\"");
		rep_add_title_for(b, j, at_ev_str(pl, "name"));
		at_buf_adds(b, ">");
		if (at_ev_str(pl, "name")) {
			rep_esc(b, at_ev_str(pl, "name"));
		} else {
			at_buf_adds(b, "<span class=\"unknown\">place unknown</span>");
		}
		at_buf_adds(b, "</td>");
	} else {
		at_buf_adds(b, "<td>");
		rep_add_who(b, e);
		at_buf_adds(b, "</td><td>");
		const json_t *pl = json_object_get(j, "place");
		if (at_ev_str(pl, "name"))
			rep_esc(b, at_ev_str(pl, "name"));
		at_buf_adds(b, "</td>");
	}
	/* Items and personnel */
	at_buf_adds(b, "<td><ul class=\"items\">");
	size_t i;
	json_t *it;
	json_array_foreach (json_object_get(j, "items"), i, it) {
		at_buf_adds(b, "<li");
		rep_add_title_for(b, j, at_ev_str(it, "text"));
		at_buf_adds(b, ">");
		const char *text = at_ev_str(it, "text"), *cat = at_ev_str(it, "category");
		rep_esc(b, text ? text : cat);
		/* The quantity when the text does not already show it in digits. */
		json_t *q = json_object_get(it, "quantity");
		if (json_is_integer(q)) {
			char digits[32];
			snprintf(digits, sizeof(digits), "%lld",
				 (long long)json_integer_value(q));
			if (!text || !strstr(text, digits))
				at_buf_printf(b, " <b class=\"qty\">\xC3\x97%s</b>", digits);
		}
		if (cat && (!text || strcmp(text, cat))) {
			at_buf_adds(b, " <span class=\"sub\">");
			rep_esc(b, cat);
			at_buf_adds(b, "</span>");
		}
		at_buf_adds(b, "</li>");
	}
	json_t *pers = json_object_get(j, "personnel");
	if (json_is_integer(pers))
		at_buf_printf(b, "<li><b>%lld</b> personnel</li>",
			      (long long)json_integer_value(pers));
	at_buf_adds(b, "</ul></td>");
	/* Value */
	json_t *val = json_object_get(j, "value");
	if (e->has_usd)
		at_buf_printf(b, "<td class=\"num\" data-sort=\"%.0f\"", e->usd);
	else
		at_buf_adds(b, "<td class=\"num\" data-sort=\"\"");
	rep_add_title_for(b, j, at_ev_str(val, "text"));
	at_buf_adds(b, ">");
	if (e->has_usd)
		rep_add_usd(b, e->usd);
	if (at_ev_str(val, "text") &&
	    (!e->has_usd || !at_ev_str(val, "currency") || strcmp(at_ev_str(val, "currency"), "USD"))) {
		at_buf_adds(b, e->has_usd ? "<br><span class=\"sub\">" : "<span>");
		rep_esc(b, at_ev_str(val, "text"));
		at_buf_adds(b, "</span>");
		if (!e->has_usd)
			at_buf_adds(b, "<br><span class=\"unknown\">USD unknown</span>");
	} else if (!e->has_usd) {
		at_buf_adds(b, "<span class=\"unknown\">unknown</span>");
	}
	at_buf_adds(b, "</td>");
	/* Sources and evidence */
	at_buf_printf(b, "<td data-sort=\"%d\">", e->nsrc);
	add_sources(b, j);
	if (e->ncf)
		at_buf_printf(b, "<a class=\"cf\" href=\"#cf-%zu\">%d conflict%s</a>", e->line,
			      e->ncf, e->ncf == 1 ? "" : "s");
	at_buf_adds(b, "</td><td>");
	add_evidence(b, j);
	at_buf_adds(b, "</td></tr>\n");
}

int rep_render_table(at_buf *b, const rep_ev *ev, size_t n)
{
	at_buf_printf(b,
		      "<section id=\"events\"><h2>Events <span class=\"sub\">(%zu)</span></h2>"
		      "<p class=\"note noprint\">Click a column heading to sort; hover a field "
		      "for the sentence it came from; open \xE2\x80\x9C"
		      "sentences\xE2\x80\x9D for all of them with the fields marked.</p>"
		      "<div class=\"tablewrap\"><table id=\"event-table\" class=\"events\">"
		      "<thead><tr>"
		      "<th scope=\"col\" data-type=\"num\">Date</th>"
		      "<th scope=\"col\" data-type=\"text\">Type</th>"
		      "<th scope=\"col\" data-type=\"num\">Status</th>"
		      "<th scope=\"col\" data-type=\"text\">Provider / actor</th>"
		      "<th scope=\"col\" data-type=\"text\">Recipient / place</th>"
		      "<th scope=\"col\">Items</th>"
		      "<th scope=\"col\" data-type=\"num\">Value (USD)</th>"
		      "<th scope=\"col\" data-type=\"num\">Sources</th>"
		      "<th scope=\"col\">Evidence</th>"
		      "</tr></thead><tbody>\n",
		      n);
	for (size_t i = 0; i < n && !b->err; i++)
		add_row(b, &ev[i]);
	at_buf_adds(b, "</tbody></table></div></section>\n");
	return b->err;
}
