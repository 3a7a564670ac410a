/* SPDX-License-Identifier: MIT */
/*
 * ledger.c — ledger events (JSON lines from the store) for people and
 * spreadsheets. Exports at_ledger_table_header/row, at_ledger_csv_header/row
 * and at_ledger_explain.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aidtrace.h"
#include "ledger.h"
#include "../events/events.h"
#include "../util/buf.h"

/* "70 bn RUB", "1.2 m USD": an amount people can read at a glance. */
static void short_amount(at_buf *b, double v, const char *cur)
{
	static const struct {
		double div;
		const char *unit;
	} U[] = {{1e12, " tn"}, {1e9, " bn"}, {1e6, " m"}, {1e3, " k"}, {1, ""}};
	for (size_t i = 0; i < sizeof(U) / sizeof(U[0]); i++)
		if (fabs(v) >= U[i].div || U[i].div == 1) {
			double x = v / U[i].div;
			at_buf_printf(b, x == floor(x) ? "%.0f%s" : "%.3g%s", x, U[i].unit);
			break;
		}
	if (cur)
		at_buf_printf(b, " %s", cur);
}

static void who(at_buf *b, const json_t *ev)
{
	const char *t = at_ev_str(ev, "type");
	if (t && !strcmp(t, "aid")) {
		const char *p = at_ev_code(ev, "provider"), *r = at_ev_code(ev, "recipient");
		at_buf_printf(b, "%s \xE2\x86\x92 %s", p ? p : "?", r ? r : "?");
	} else if (t && !strcmp(t, "deployment")) {
		const char *a = at_ev_code(ev, "actor");
		const json_t *pl = json_object_get(ev, "place");
		const char *c = json_is_object(pl) ? at_ev_str(pl, "country") : NULL;
		at_buf_printf(b, "%s%s%s", a ? a : "?", c ? " @ " : "", c ? c : "");
	} else {
		size_t i;
		json_t *p;
		json_array_foreach (json_object_get(ev, "participants"), i, p)
			at_buf_printf(b, "%s%s", i ? ", " : "",
				      at_ev_str(p, "code") ? at_ev_str(p, "code") : "?");
	}
}

static void what(at_buf *b, const json_t *ev)
{
	size_t i;
	json_t *v;
	int n = 0;
	json_array_foreach (json_object_get(ev, "items"), i, v) {
		const json_t *q = json_object_get(v, "quantity");
		const char *c = at_ev_str(v, "category");
		if (json_is_integer(q))
			at_buf_printf(b, "%s%lld %s", n++ ? ", " : "",
				      (long long)json_integer_value(q), c ? c : "?");
		else
			at_buf_printf(b, "%s%s", n++ ? ", " : "", c ? c : "?");
	}
	if (!n)
		json_array_foreach (json_object_get(ev, "kinds"), i, v)
			at_buf_printf(b, "%s%s", n++ ? ", " : "", json_string_value(v));
	const json_t *p = json_object_get(ev, "personnel");
	if (json_is_integer(p))
		at_buf_printf(b, "%s%lld people", n++ ? ", " : "",
			      (long long)json_integer_value(p));
}

static void value(at_buf *b, const json_t *ev)
{
	const json_t *v = json_object_get(ev, "value");
	if (!json_is_object(v))
		return;
	const json_t *a = json_object_get(v, "amount"), *u = json_object_get(v, "usd");
	const char *cur = at_ev_str(v, "currency");
	if (json_is_number(u) && !(cur && !strcmp(cur, "USD")))
		short_amount(b, json_number_value(u), "USD");
	else if (json_is_number(a))
		short_amount(b, json_number_value(a), cur);
}

static size_t n_docs(const json_t *ev)
{
	const json_t *why = json_object_get(ev, "why");
	return json_is_object(why) ? json_array_size(json_object_get(why, "docs")) : 1;
}

static const char *date_of(const json_t *ev)
{
	const json_t *w = json_object_get(ev, "when");
	const char *d = json_is_object(w) ? at_ev_str(w, "start") : NULL;
	return d ? d : at_ev_str(ev, "reported");
}

/* Column widths for a terminal `width` wide: fixed ones, then WHO and WHAT share the rest. */
typedef struct cols {
	int date, type, status, who, what, value, src, id;
} cols;

static cols layout(int width)
{
	if (width < 80)
		width = 80;
	cols c = {10, 10, 9, 0, 0, 10, 4, 18};
	int rest = width - (c.date + c.type + c.status + c.value + c.src + c.id + 8);
	c.who = rest * 2 / 5;
	if (c.who > 30)
		c.who = 30;
	c.what = rest - c.who - 1;
	return c;
}

char *at_ledger_table_header(int width)
{
	cols c = layout(width);
	at_buf b;
	at_buf_init(&b, 0);
	at_buf_cell(&b, "DATE", c.date);
	at_buf_cell(&b, "TYPE", c.type);
	at_buf_cell(&b, "STATUS", c.status);
	at_buf_cell(&b, "WHO", c.who);
	at_buf_cell(&b, "WHAT", c.what);
	at_buf_cell(&b, "VALUE", c.value);
	at_buf_cell(&b, "SRC", c.src);
	at_buf_cell(&b, "ID", c.id);
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = 0;
	at_buf_addc(&b, '\n');
	return b.err ? (at_buf_free(&b), NULL) : at_buf_take(&b, NULL);
}

char *at_ledger_table_row(const char *json, size_t len, int width)
{
	json_t *ev = json_loadb(json, len, 0, NULL);
	if (!json_is_object(ev)) {
		json_decref(ev);
		return NULL;
	}
	cols c = layout(width);
	at_buf b, t;
	at_buf_init(&b, 0);
	at_buf_init(&t, 0);
	const char *d = date_of(ev);
	at_buf_cell(&b, d ? d : "unknown", c.date);
	at_buf_cell(&b, at_ev_str(ev, "type"), c.type);
	at_buf_cell(&b, at_ev_str(ev, "status"), c.status);
	who(&t, ev);
	at_buf_cell(&b, t.data, c.who);
	at_buf_free(&t);
	what(&t, ev);
	at_buf_cell(&b, t.data, c.what);
	at_buf_free(&t);
	value(&t, ev);
	at_buf_cell(&b, t.data, c.value);
	at_buf_free(&t);
	/* a "!" after the count: the sources disagree somewhere */
	at_buf_printf(&t, "%zu%s", n_docs(ev),
		      json_array_size(json_object_get(ev, "conflicts")) ? "!" : "");
	at_buf_cell(&b, t.data, c.src);
	at_buf_free(&t);
	at_buf_cell(&b, at_ev_str(ev, "id"), c.id);
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = 0;
	at_buf_addc(&b, '\n');
	json_decref(ev);
	return b.err ? (at_buf_free(&b), NULL) : at_buf_take(&b, NULL);
}

/* ---- CSV (RFC 4180: CRLF records, fields quoted when they need it) ------- */

static const char *const CSV_COLS[] = {
	"id",        "type",         "status",         "kinds",
	"provider",  "recipient",    "participants",   "actor",
	"items",     "value_amount", "value_currency", "value_usd",
	"usd_basis", "value_text",   "personnel",      "when_start",
	"when_end",  "place",        "place_country",  "reported",
	"n_sources", "docs",         "conflicts",      "confidence"};

static void csv_field(at_buf *b, const char *s, int first)
{
	if (!first)
		at_buf_addc(b, ',');
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		at_buf_adds(b, s);
		return;
	}
	at_buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			at_buf_addc(b, '"');
		at_buf_addc(b, *s);
	}
	at_buf_addc(b, '"');
}

char *at_ledger_csv_header(void)
{
	at_buf b;
	at_buf_init(&b, 0);
	for (size_t i = 0; i < sizeof(CSV_COLS) / sizeof(CSV_COLS[0]); i++)
		csv_field(&b, CSV_COLS[i], i == 0);
	at_buf_adds(&b, "\r\n");
	return b.err ? (at_buf_free(&b), NULL) : at_buf_take(&b, NULL);
}

static void num_str(const json_t *v, char *out, size_t n)
{
	out[0] = 0;
	if (json_is_integer(v))
		snprintf(out, n, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		snprintf(out, n, "%.15g", json_real_value(v));
}

/* Codes of an array of actors, or strings of an array, joined by ';'. */
static void joined(at_buf *b, const json_t *arr, const char *key)
{
	size_t i;
	json_t *v;
	json_array_foreach (arr, i, v) {
		const char *s = key ? at_ev_str(v, key) : json_string_value(v);
		at_buf_printf(b, "%s%s", i ? ";" : "", s ? s : "");
	}
}

char *at_ledger_csv_row(const char *json, size_t len)
{
	json_t *ev = json_loadb(json, len, 0, NULL);
	if (!json_is_object(ev)) {
		json_decref(ev);
		return NULL;
	}
	at_buf b, t;
	at_buf_init(&b, 0);
	at_buf_init(&t, 0);
	const json_t *v = json_object_get(ev, "value"), *w = json_object_get(ev, "when"),
		     *pl = json_object_get(ev, "place");
	char amount[40], usd[40], pers[40], conf[40], nsrc[24];
	num_str(json_object_get(v, "amount"), amount, sizeof(amount));
	num_str(json_object_get(v, "usd"), usd, sizeof(usd));
	num_str(json_object_get(ev, "personnel"), pers, sizeof(pers));
	num_str(json_object_get(ev, "confidence"), conf, sizeof(conf));
	snprintf(nsrc, sizeof(nsrc), "%zu", n_docs(ev));
	csv_field(&b, at_ev_str(ev, "id"), 1);
	csv_field(&b, at_ev_str(ev, "type"), 0);
	csv_field(&b, at_ev_str(ev, "status"), 0);
	joined(&t, json_object_get(ev, "kinds"), NULL);
	csv_field(&b, t.data ? t.data : "", 0);
	at_buf_free(&t);
	csv_field(&b, at_ev_code(ev, "provider"), 0);
	csv_field(&b, at_ev_code(ev, "recipient"), 0);
	joined(&t, json_object_get(ev, "participants"), "code");
	csv_field(&b, t.data ? t.data : "", 0);
	at_buf_free(&t);
	csv_field(&b, at_ev_code(ev, "actor"), 0);
	what(&t, ev);
	csv_field(&b, t.data ? t.data : "", 0);
	at_buf_free(&t);
	csv_field(&b, amount, 0);
	csv_field(&b, at_ev_str(v, "currency"), 0);
	csv_field(&b, usd, 0);
	csv_field(&b, at_ev_str(v, "usd_basis"), 0);
	csv_field(&b, at_ev_str(v, "text"), 0);
	csv_field(&b, pers, 0);
	csv_field(&b, at_ev_str(w, "start"), 0);
	csv_field(&b, at_ev_str(w, "end"), 0);
	csv_field(&b, at_ev_str(pl, "name"), 0);
	csv_field(&b, at_ev_str(pl, "country"), 0);
	csv_field(&b, at_ev_str(ev, "reported"), 0);
	csv_field(&b, nsrc, 0);
	const json_t *why = json_object_get(ev, "why");
	joined(&t, json_object_get(why, "docs"), NULL);
	csv_field(&b, t.data ? t.data : "", 0);
	at_buf_free(&t);
	size_t i;
	json_t *c;
	json_array_foreach (json_object_get(ev, "conflicts"), i, c) {
		at_buf_printf(&t, "%s%s: ", i ? "; " : "",
			      at_ev_str(c, "field") ? at_ev_str(c, "field") : "?");
		joined(&t, json_object_get(c, "values"), NULL);
	}
	csv_field(&b, t.data ? t.data : "", 0);
	at_buf_free(&t);
	csv_field(&b, conf, 0);
	at_buf_adds(&b, "\r\n");
	json_decref(ev);
	return b.err ? (at_buf_free(&b), NULL) : at_buf_take(&b, NULL);
}

/* ---- explanation --------------------------------------------------------- */

static void field_line(at_buf *b, const char *name, const char *val, const json_t *fields)
{
	const char *reason = at_ev_str(fields, name);
	at_buf_printf(b, "  %-12s %s", name, val && *val ? val : "unknown");
	if (reason)
		at_buf_printf(b, "\n  %-12s   \xE2\x86\xB3 %s", "", reason);
	at_buf_addc(b, '\n');
}

char *at_ledger_explain(const json_t *ev, const at_explain_src *src, size_t n)
{
	at_buf b, t;
	at_buf_init(&b, 0);
	at_buf_init(&t, 0);
	const json_t *why = json_object_get(ev, "why");
	const json_t *fields = json_object_get(why, "fields");
	at_buf_printf(&b, "event %s: %s, %s\n", at_ev_str(ev, "id"), at_ev_str(ev, "type"),
		      at_ev_str(ev, "status"));
	who(&t, ev);
	field_line(&b, "who", t.data, fields);
	at_buf_free(&t);
	field_line(&b, "status", at_ev_str(ev, "status"), fields);
	joined(&t, json_object_get(ev, "kinds"), NULL);
	field_line(&b, "kinds", t.data, fields);
	at_buf_free(&t);
	what(&t, ev);
	field_line(&b, "items", t.data, fields);
	at_buf_free(&t);
	const json_t *v = json_object_get(ev, "value");
	if (json_is_object(v)) {
		value(&t, ev);
		at_buf_printf(&t, " (\"%s\"%s%s)", at_ev_str(v, "text") ? at_ev_str(v, "text") : "",
			      at_ev_str(v, "usd_basis") ? ", USD basis: " : "",
			      at_ev_str(v, "usd_basis") ? at_ev_str(v, "usd_basis") : "");
	}
	field_line(&b, "value", t.data, fields);
	at_buf_free(&t);
	const json_t *w = json_object_get(ev, "when");
	if (json_is_object(w))
		at_buf_printf(&t, "%s..%s (\"%s\")", at_ev_str(w, "start") ? at_ev_str(w, "start") : "?",
			      at_ev_str(w, "end") ? at_ev_str(w, "end") : "?",
			      at_ev_str(w, "text") ? at_ev_str(w, "text") : "");
	field_line(&b, "when", t.data, fields);
	at_buf_free(&t);
	const json_t *pl = json_object_get(ev, "place");
	if (json_is_object(pl))
		at_buf_printf(&t, "%s (%s)", at_ev_str(pl, "name") ? at_ev_str(pl, "name") : "?",
			      at_ev_str(pl, "country") ? at_ev_str(pl, "country") : "?");
	field_line(&b, "place", t.data, fields);
	at_buf_free(&t);
	field_line(&b, "reported", at_ev_str(ev, "reported"), NULL);
	const json_t *lc = json_object_get(ev, "lifecycle");
	if (json_is_object(lc)) {
		at_buf_printf(&b, "  lifecycle    %s:", at_ev_str(lc, "id"));
		size_t i;
		json_t *h;
		json_array_foreach (json_object_get(lc, "history"), i, h)
			at_buf_printf(&b, " %s%s (%s, %s)", i ? "\xE2\x86\x92 " : "",
				      at_ev_str(h, "status"), at_ev_str(h, "event"),
				      at_ev_str(h, "reported") ? at_ev_str(h, "reported") : "undated");
		at_buf_addc(&b, '\n');
	}
	size_t i;
	json_t *c;
	json_array_foreach (json_object_get(ev, "conflicts"), i, c) {
		at_buf_printf(&b, "  conflict     %s: ", at_ev_str(c, "field"));
		size_t k;
		json_t *x;
		json_array_foreach (json_object_get(c, "values"), k, x)
			at_buf_printf(&b, "%s\"%s\"", k ? " vs " : "",
				      json_is_string(x) ? json_string_value(x) : "?");
		at_buf_adds(&b, " in ");
		joined(&b, json_object_get(c, "docs"), NULL);
		at_buf_addc(&b, '\n');
	}
	at_buf_printf(&b, "\nsources (%zu document%s):\n", n, n == 1 ? "" : "s");
	for (size_t k = 0; k < n; k++) {
		const json_t *m = src[k].ev;
		at_buf_printf(&b, "\n[%zu] %s", k + 1, src[k].doc);
		if (src[k].published)
			at_buf_printf(&b, ", published %s", src[k].published);
		if (at_ev_str(m, "lang")) /* the document's language, "en" or "ru" */
			at_buf_printf(&b, ", in %s", at_ev_str(m, "lang"));
		if (src[k].url)
			at_buf_printf(&b, "\n    %s", src[k].url);
		if (src[k].dup_of)
			at_buf_printf(&b, "\n    near duplicate of %s", src[k].dup_of);
		if (src[k].archive)
			at_buf_printf(&b, "\n    kept in %s, record at byte %lld", src[k].archive,
				      src[k].archive_off);
		at_buf_printf(&b, "\n    rule: %s, status %s\n",
			      at_ev_str(m, "why") ? at_ev_str(m, "why") : "?", at_ev_str(m, "status"));
		size_t s;
		json_t *sv;
		json_array_foreach (json_object_get(m, "sources"), s, sv) {
			const json_t *st = json_object_get(sv, "start"),
				     *en = json_object_get(sv, "end");
			at_buf_printf(&b, "    bytes %lld-%lld: %s\n",
				      (long long)json_integer_value(st),
				      (long long)json_integer_value(en),
				      at_ev_str(sv, "sentence") ? at_ev_str(sv, "sentence") : "");
		}
		const json_t *mv = json_object_get(m, "value");
		if (json_is_object(mv) && at_ev_str(mv, "text"))
			at_buf_printf(&b, "    value from \"%s\"\n", at_ev_str(mv, "text"));
		const json_t *mw = json_object_get(m, "when");
		if (json_is_object(mw) && at_ev_str(mw, "text"))
			at_buf_printf(&b, "    date from \"%s\"\n", at_ev_str(mw, "text"));
		json_array_foreach (json_object_get(m, "items"), s, sv)
			if (at_ev_str(sv, "text"))
				at_buf_printf(&b, "    item %s from \"%s\"\n",
					      at_ev_str(sv, "category"), at_ev_str(sv, "text"));
	}
	return b.err ? (at_buf_free(&b), NULL) : at_buf_take(&b, NULL);
}
