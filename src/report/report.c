/*
 * report.c — the HTML report: SCHEMA.md JSON lines in, one self-contained
 * page out (at_report_html). The page has five parts, in reading order:
 *
 *   summary    events by type, providers, recipients, sources, and known
 *              USD by status (pledged = intent + committed, delivered =
 *              underway + completed), with how many values are unknown;
 *   timeline   an SVG: one lane per event type, a dot at the start date and
 *              a line to the end date; filled dots were delivered, hollow
 *              ones pledged; events with no date sit in a "no date" column,
 *              never at an invented date;
 *   flows      an SVG matrix of aid, provider rows by recipient columns, a
 *              square per cell whose area is the known USD (filled) or, when
 *              no value is known, the number of events (dashed outline);
 *   table      every event with items, value, status and sources; each
 *              field's sentence is its tooltip, and "evidence" expands to the
 *              source sentences with the fields marked; sortable by a small
 *              inline script, fully readable without it;
 *   conflicts  the fields on which sources disagree, values side by side.
 *
 * Safety: every input string goes through at_report__esc; only http(s)
 * URLs become links; a Content-Security-Policy allows no network request
 * and no script but ours (by its hash), so even a missed escape could not
 * run code. Exports at_report_html and the at_report__ helpers (report.h).
 * The input's JSON is read with jansson; the page is built in memory and
 * written at the end, so rendering does no I/O.
 */
#include "report.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events/events.h"
#include "util/date.h"
#include "util/utf8.h"

/* The page's cap: far above any ledger we expect, far below trouble. */
#define REPORT_MAX_BYTES ((size_t)1 << 30)

/* ---- escaping and URLs -------------------------------------------------- */

static int is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static uint32_t decode(const unsigned char *p, size_t n)
{
	if (n == 1)
		return p[0];
	if (n == 2)
		return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	if (n == 3)
		return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
		       (p[2] & 0x3F);
	return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
	       ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

int at_report__esc(at_buf *b, const char *s, size_t n)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	size_t i = 0;
	while (i < n && !b->err) {
		/* A run of plain ASCII goes in one piece. */
		size_t run = i;
		while (run < n && (unsigned char)s[run] >= 0x20 &&
		       (unsigned char)s[run] < 0x7F && !strchr("&<>\"'", s[run]))
			run++;
		if (run > i) {
			at_buf_add(b, s + i, run - i);
			i = run;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		size_t k = at_utf8_valid_len(s + i, n - i);
		if (!k) {
			at_buf_adds(b, fffd);
			i++;
			continue;
		}
		if (k == 1) {
			switch (c) {
			case '&': at_buf_adds(b, "&amp;"); break;
			case '<': at_buf_adds(b, "&lt;"); break;
			case '>': at_buf_adds(b, "&gt;"); break;
			case '"': at_buf_adds(b, "&quot;"); break;
			case '\'': at_buf_adds(b, "&#39;"); break;
			default:
				if (c == '\t' || c == '\n')
					at_buf_addc(b, ' ');
				else if (c >= 0x20 && c != 0x7F)
					at_buf_addc(b, (char)c);
			}
			i++;
			continue;
		}
		uint32_t cp = decode((const unsigned char *)s + i, k);
		if (cp >= 0x80 && cp <= 0x9F)
			; /* C1 control: dropped */
		else if (is_bidi_control(cp))
			at_buf_adds(b, fffd);
		else
			at_buf_add(b, s + i, k);
		i += k;
	}
	return b->err;
}

static int esc(at_buf *b, const char *s)
{
	return s ? at_report__esc(b, s, strlen(s)) : b->err;
}

/* Escape at most `max` code points of s, then "…" if it was longer: labels
 * in the SVGs have a fixed room (the full text is in their <title>). */
static void esc_trunc(at_buf *b, const char *s, size_t max)
{
	size_t len = strlen(s), i = 0, cps = 0;
	while (i < len && cps < max) {
		size_t k = at_utf8_valid_len(s + i, len - i);
		i += k ? k : 1;
		cps++;
	}
	at_report__esc(b, s, i);
	if (i < len)
		at_buf_adds(b, "\xE2\x80\xA6");
}

int at_report__url_ok(const char *url)
{
	if (!url)
		return 0;
	size_t skip;
	if (!strncasecmp(url, "http://", 7))
		skip = 7;
	else if (!strncasecmp(url, "https://", 8))
		skip = 8;
	else
		return 0;
	if (!url[skip])
		return 0;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p == 0x7F)
			return 0;
	return 1;
}

/* ---- dates and sizes ---------------------------------------------------- */

int at_report__days(const char *iso, int64_t *first, int64_t *last)
{
	return at_ev_days(iso, first, last);
}

double at_report__flow_side(double usd, double max_usd, int count, int max_count,
			    double max_side, int *by_usd)
{
	*by_usd = 0;
	if (count <= 0 || max_side <= 0)
		return 0;
	double side;
	if (usd > 0 && max_usd > 0) {
		*by_usd = 1;
		side = max_side * sqrt(usd / max_usd);
	} else {
		side = max_count > 0 ? max_side * sqrt((double)count / max_count) : max_side;
	}
	if (side > max_side)
		side = max_side;
	return side < 3 ? 3 : side;
}

/* ---- the events --------------------------------------------------------- */

enum { T_AID, T_EXERCISE, T_DEPLOYMENT, T_OTHER, T_N };
enum { S_INTENT, S_COMMITTED, S_UNDERWAY, S_COMPLETED, S_UNKNOWN, S_N };

static const char *const type_name[T_N] = {"aid", "exercise", "deployment", "other"};
static const char *const type_label[T_N] = {"Aid", "Exercises", "Deployments", "Other"};
/* Okabe–Ito colours: told apart with every common colour-vision deficiency. */
static const char *const type_colour[T_N] = {"#0072B2", "#D55E00", "#009E73", "#666666"};
static const char *const status_name[S_N] = {"intent", "committed", "underway", "completed",
					     "unknown"};

typedef struct rep_ev {
	json_t *j;
	const char *id;
	int type, status;
	int dated;      /* the start date is known */
	int64_t d0, d1; /* first day of the start, last day of the end */
	int has_usd;
	double usd;
	int nsrc, ncf;
	size_t line; /* input line */
} rep_ev;


static int lookup(const char *s, const char *const *names, int n, int other)
{
	for (int i = 0; s && i < n; i++)
		if (!strcmp(s, names[i]))
			return i;
	return other;
}

static int delivered(int status) { return status == S_UNDERWAY || status == S_COMPLETED; }

/* A party's label: its name, else its code, else NULL. */
static const char *party_name(const json_t *p)
{
	const char *n = at_ev_str(p, "name");
	return n && n[0] ? n : at_ev_str(p, "code");
}

/* A party's key for grouping: its code, else its name. */
static const char *party_key(const json_t *p)
{
	const char *c = at_ev_str(p, "code");
	return c && c[0] ? c : at_ev_str(p, "name");
}

static void ev_init(rep_ev *e, json_t *j, size_t line)
{
	memset(e, 0, sizeof(*e));
	e->j = j;
	e->line = line;
	e->id = at_ev_str(j, "id");
	e->type = lookup(at_ev_str(j, "type"), type_name, T_OTHER, T_OTHER);
	e->status = lookup(at_ev_str(j, "status"), status_name, S_UNKNOWN, S_UNKNOWN);
	json_t *when = json_object_get(j, "when");
	int64_t a0, a1, b0, b1;
	if (at_report__days(at_ev_str(when, "start"), &a0, &a1) == 0) {
		e->dated = 1;
		e->d0 = a0;
		e->d1 = a1;
		if (at_report__days(at_ev_str(when, "end"), &b0, &b1) == 0 && b1 > a1)
			e->d1 = b1;
	}
	json_t *usd = json_object_get(json_object_get(j, "value"), "usd");
	if (json_is_number(usd) && json_number_value(usd) >= 0 &&
	    isfinite(json_number_value(usd))) {
		e->has_usd = 1;
		e->usd = json_number_value(usd);
	}
	json_t *src = json_object_get(j, "sources");
	e->nsrc = json_is_array(src) ? (int)json_array_size(src) : 0;
	json_t *cf = json_object_get(j, "conflicts");
	e->ncf = json_is_array(cf) ? (int)json_array_size(cf) : 0;
}

/* ---- small renderers ---------------------------------------------------- */

/* "$400 m", "$1.23 bn", "$850 k", "$120": three significant digits. */
static void fmt_usd(char *out, size_t n, double v)
{
	static const struct {
		double unit;
		const char *name;
	} scale[] = {{1e12, " tn"}, {1e9, " bn"}, {1e6, " m"}, {1e3, " k"}};
	for (size_t i = 0; i < sizeof(scale) / sizeof(scale[0]); i++) {
		if (v >= scale[i].unit) {
			double x = v / scale[i].unit;
			snprintf(out, n, x >= 100 ? "$%.0f%s" : "$%.3g%s", x, scale[i].name);
			return;
		}
	}
	snprintf(out, n, "$%.0f", v);
}

static void add_usd(at_buf *b, double v)
{
	char s[48];
	fmt_usd(s, sizeof(s), v);
	at_buf_adds(b, s);
}

/* The id attribute of an event's table row. */
static void add_anchor(at_buf *b, const rep_ev *e)
{
	at_buf_adds(b, "ev-");
	if (e->id)
		esc(b, e->id);
	else
		at_buf_printf(b, "line-%zu", e->line);
}

/* "USA → UKR", "DEU at LTU", "NATO + EST" — who, in a few words. */
static void add_who(at_buf *b, const rep_ev *e)
{
	json_t *j = e->j;
	if (e->type == T_AID) {
		const char *p = party_name(json_object_get(j, "provider"));
		const char *r = party_name(json_object_get(j, "recipient"));
		esc(b, p ? p : "unknown provider");
		at_buf_adds(b, " \xE2\x86\x92 ");
		esc(b, r ? r : "unknown recipient");
		return;
	}
	if (e->type == T_EXERCISE) {
		json_t *ps = json_object_get(j, "participants");
		size_t i;
		json_t *p;
		int any = 0;
		json_array_foreach (ps, i, p) {
			const char *nm = party_name(p);
			if (!nm)
				continue;
			if (any++)
				at_buf_adds(b, ", ");
			esc(b, nm);
		}
		if (!any)
			at_buf_adds(b, "participants unknown");
		return;
	}
	const char *a = party_name(json_object_get(j, "actor"));
	esc(b, a ? a : "actor unknown");
}

/* The first source sentence that contains `needle`, or NULL. */
static const char *sentence_of(const json_t *j, const char *needle)
{
	if (!needle || !needle[0])
		return NULL;
	json_t *src = json_object_get(j, "sources");
	size_t i;
	json_t *s;
	json_array_foreach (src, i, s) {
		const char *t = at_ev_str(s, "sentence");
		if (t && strstr(t, needle))
			return t;
	}
	return NULL;
}

/* title="…the sentence…" for a field whose text is `needle`. */
static void add_title_for(at_buf *b, const json_t *j, const char *needle)
{
	const char *s = sentence_of(j, needle);
	if (!s)
		return;
	at_buf_adds(b, " title=\"");
	esc(b, s);
	at_buf_adds(b, "\"");
}

/* ---- a string map ------------------------------------------------------- */

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

static uint64_t str_hash(uint64_t h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL; /* FNV-1a */
	return (h ^ 0xFF) * 0x100000001b3ULL;
}

static int str_same(const char *x, const char *y)
{
	return x == y || (x && y && !strcmp(x, y));
}

/*
 * Find (a, b); when absent add it with value `val`. *out gets the stored
 * value, *added whether it was new. `a` must not be NULL.
 */
static int strmap_put(strmap *m, const char *a, const char *b, size_t val, size_t *out,
		      int *added)
{
	if (2 * (m->n + 1) > m->cap) {
		size_t nc = m->cap ? m->cap * 2 : 64;
		strmap_ent *ns = calloc(nc, sizeof(*ns));
		if (!ns)
			return AT_ENOMEM;
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->slot[i].a)
				continue;
			size_t k = str_hash(str_hash(0xcbf29ce484222325ULL, m->slot[i].a),
					    m->slot[i].b) &
				   (nc - 1);
			while (ns[k].a)
				k = (k + 1) & (nc - 1);
			ns[k] = m->slot[i];
		}
		free(m->slot);
		m->slot = ns;
		m->cap = nc;
	}
	size_t k = str_hash(str_hash(0xcbf29ce484222325ULL, a), b) & (m->cap - 1);
	while (m->slot[k].a) {
		if (str_same(m->slot[k].a, a) && str_same(m->slot[k].b, b)) {
			*out = m->slot[k].val;
			*added = 0;
			return 0;
		}
		k = (k + 1) & (m->cap - 1);
	}
	m->slot[k] = (strmap_ent){a, b, val};
	m->n++;
	*out = val;
	*added = 1;
	return 0;
}

static void strmap_free(strmap *m)
{
	free(m->slot);
	m->slot = NULL;
	m->cap = m->n = 0;
}

/* ---- summary ------------------------------------------------------------ */

/* Add k (NULL: nothing) to a set of strings; s->n counts them. */
static int keyset_add(strmap *s, const char *k)
{
	size_t v;
	int added;
	return k ? strmap_put(s, k, NULL, 0, &v, &added) : 0;
}

static int render_summary(at_buf *b, const rep_ev *ev, size_t n)
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
			rc |= keyset_add(&prov, party_key(json_object_get(e->j, "provider")));
			rc |= keyset_add(&recip, party_key(json_object_get(e->j, "recipient")));
			if (e->has_usd) {
				usd[e->status] += e->usd;
				valued[e->status]++;
			}
		}
		size_t k;
		json_t *s;
		json_array_foreach (json_object_get(e->j, "sources"), k, s)
			rc |= keyset_add(&docs, at_ev_str(s, "doc"));
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
				add_usd(b, pledged);
				at_buf_adds(b, "</b> pledged, ");
			} else {
				at_buf_adds(b,
					    "pledged <span class=\"unknown\">unknown</span>, ");
			}
			if (valued[S_UNDERWAY] + valued[S_COMPLETED]) {
				at_buf_adds(b, "<b>");
				add_usd(b, done);
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
			at_buf_printf(b, "<span class=\"t-%s\">%zu %s</span> ", type_name[t],
				      by_type[t], type_name[t]);
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
		at_buf_printf(b, "%s%zu with no date", dated ? "; " : "", n - dated);
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
			if (delivered(s) == g) {
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
			add_usd(b, sum);
		else
			at_buf_adds(b, "<span class=\"unknown\">unknown</span>");
		at_buf_printf(b, "</td><td class=\"num\">%zu of %zu</td></tr>", nv, na);
		for (int s = 0; s < S_UNKNOWN; s++) {
			if (delivered(s) != g)
				continue;
			at_buf_printf(b,
				      "<tr class=\"detail\"><th scope=\"row\">%s</th>"
				      "<td class=\"num\">",
				      status_name[s]);
			if (valued[s])
				add_usd(b, usd[s]);
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
	strmap_free(&prov);
	strmap_free(&recip);
	strmap_free(&docs);
	return rc;
}

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
	const char *col = type_colour[e->type];
	int filled = delivered(e->status);
	at_buf_adds(b, "<a href=\"#");
	add_anchor(b, e);
	at_buf_printf(b, "\" class=\"mk %s %s\">", type_name[e->type],
		      filled ? "delivered" : "pledged");
	at_buf_adds(b, "<title>");
	json_t *when = json_object_get(e->j, "when");
	const char *ws = at_ev_str(when, "start"), *we = at_ev_str(when, "end");
	if (e->dated) {
		esc(b, ws);
		if (we && strcmp(ws, we)) {
			at_buf_adds(b, " to ");
			esc(b, we);
		}
	} else {
		at_buf_adds(b, "date unknown");
	}
	at_buf_printf(b, " \xC2\xB7 %s \xC2\xB7 %s \xC2\xB7 ", type_name[e->type],
		      status_name[e->status]);
	add_who(b, e);
	at_buf_adds(b, "</title>");
	if (x1 - x0 >= 2)
		at_buf_printf(
			b,
			"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
			"stroke-width=\"3\" stroke-opacity=\"0.55\"/>",
			x0, y, x1, y, col);
	if (filled)
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
	if (x->d0 != y->d0)
		return x->d0 < y->d0 ? -1 : 1;
	return x->d1 < y->d1 ? -1 : x->d1 > y->d1;
}

static int render_timeline(at_buf *b, rep_ev *ev, size_t n)
{
	at_buf_adds(b, "<section id=\"timeline\"><h2>Timeline</h2>");
	int present[T_N] = {0};
	size_t dated = 0;
	int64_t lo = 0, hi = 0;
	for (size_t i = 0; i < n; i++) {
		present[ev[i].type] = 1;
		if (ev[i].dated) {
			if (!dated++) {
				lo = ev[i].d0;
				hi = ev[i].d1;
			}
			if (ev[i].d0 < lo)
				lo = ev[i].d0;
			if (ev[i].d1 > hi)
				hi = ev[i].d1;
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
		"(intent or committed) &#160; a line runs from the start to the end date; a "
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
			if (!e->dated) {
				undated++;
				continue;
			}
			double x0 = px0 + (double)(e->d0 - a) * scale;
			double x1 = px0 + (double)(e->d1 + 1 - a) * scale;
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
		"delivered, hollow dots pledged; undated events in the right-hand column."
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
			type_name[t], TL_LEFT, lane_y[t] + lane_h[t], TL_W - TL_RIGHT,
			lane_y[t] + lane_h[t], TL_LEFT - 8, lane_y[t] + 16, type_colour[t],
			type_label[t]);
		at_buf_adds(b, "<g class=\"dated\">");
		for (size_t i = 0; i < n; i++) {
			rep_ev *e = order[i];
			if (e->type != t || !e->dated)
				continue;
			double x0 = px0 + (double)(e->d0 - a) * scale;
			double x1 = px0 + (double)(e->d1 + 1 - a) * scale;
			if (e->d1 == e->d0)
				x1 = x0;
			tl_mark(b, e, x0, x1, lane_y[t] + 12 + row_of[e - ev] * TL_ROW);
		}
		at_buf_adds(b, "</g><g class=\"undated\">");
		size_t u = 0;
		for (size_t i = 0; i < n; i++) {
			rep_ev *e = order[i];
			if (e->type != t || e->dated)
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
	if (dated < n)
		at_buf_printf(
			b,
			"<p class=\"note\">%zu event%s ha%s no known date and %s shown in "
			"the \xE2\x80\x9Cno date\xE2\x80\x9D column, not on the axis.</p>",
			n - dated, n - dated == 1 ? "" : "s", n - dated == 1 ? "s" : "ve",
			n - dated == 1 ? "is" : "are");
	at_buf_adds(b, "</section>\n");
	free(order);
	free(row_end);
	free(row_of);
	return b->err;
}

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
		const char *fk = party_key(from), *tk = party_key(to);
		size_t k;
		int added;
		if (strmap_put(&index, fk ? fk : "?", tk ? tk : "?", np, &k, &added) != 0) {
			free(pr);
			strmap_free(&index);
			return AT_ENOMEM;
		}
		if (added) {
			if (np == ap) {
				size_t na = ap ? ap * 2 : 16;
				flow_pair *q = realloc(pr, na * sizeof(*q));
				if (!q) {
					free(pr);
					strmap_free(&index);
					return AT_ENOMEM;
				}
				pr = q;
				ap = na;
			}
			pr[np] = (flow_pair){from, to, 0, 0, 0, 0, np};
			np++;
		}
		pr[k].count++;
		pr[k].delivered += (size_t)delivered(ev[i].status);
		if (ev[i].has_usd && ev[i].usd > 0) {
			pr[k].usd += ev[i].usd;
			pr[k].valued++;
		}
	}
	if (np)
		qsort(pr, np, sizeof(*pr), cmp_pair);
	at_buf_adds(b, "<div class=\"top\"><h3>Largest flows</h3><ol>");
	for (size_t k = 0; k < np && k < 8; k++) {
		const char *f = party_name(pr[k].from), *t = party_name(pr[k].to);
		at_buf_adds(b, "<li><b><bdi>");
		esc(b, f ? f : "unknown provider");
		at_buf_adds(b, "</bdi> \xE2\x86\x92 <bdi>");
		esc(b, t ? t : "unknown recipient");
		at_buf_adds(b, "</bdi></b> ");
		if (pr[k].valued) {
			add_usd(b, pr[k].usd);
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
	strmap_free(&index);
	return b->err;
}

static int party_add(party **ps, size_t *n, size_t *alloc, strmap *index, const json_t *p,
		     const rep_ev *e)
{
	const char *key = party_key(p), *name = party_name(p);
	if (!key)
		key = name = "?";
	size_t at;
	int added;
	if (strmap_put(index, key, NULL, *n, &at, &added) != 0)
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
	const char *key = party_key(p);
	size_t at = FLOW_MAX;
	int added;
	strmap_put(index, key ? key : "?", NULL, FLOW_MAX, &at, &added);
	return at < FLOW_MAX ? at : FLOW_MAX;
}

/* Map each party's key to its position after sorting. */
static int party_positions(strmap *index, const party *ps, size_t n)
{
	strmap_free(index);
	for (size_t i = 0; i < n; i++) {
		size_t v;
		int added;
		if (strmap_put(index, ps[i].key, NULL, i, &v, &added) != 0)
			return AT_ENOMEM;
	}
	return 0;
}

static void add_party_label(at_buf *b, const party *p, size_t max)
{
	if (!strcmp(p->key, "?"))
		at_buf_adds(b, "(unknown)");
	else if (max)
		esc_trunc(b, p->name ? p->name : p->key, max);
	else
		esc(b, p->name ? p->name : p->key);
}

static int render_flows(at_buf *b, const rep_ev *ev, size_t n)
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
		strmap_free(&ipv);
		strmap_free(&irc);
		return err;
	}
	size_t rows = npv > FLOW_MAX ? FLOW_MAX + 1 : npv;
	size_t cols = nrc > FLOW_MAX ? FLOW_MAX + 1 : nrc;
	flow_cell *cell = calloc(rows * cols, sizeof(*cell));
	if (!cell) {
		free(pv);
		free(rc);
		strmap_free(&ipv);
		strmap_free(&irc);
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
		strmap_free(&ipv);
		strmap_free(&irc);
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
				at_buf_adds(b, "others");
			else
				add_party_label(b, &pv[r], 0);
			at_buf_adds(b, " \xE2\x86\x92 ");
			if (c == FLOW_MAX)
				at_buf_adds(b, "others");
			else
				add_party_label(b, &rc[c], 0);
			at_buf_printf(b, ": %zu event%s, ", f->count, f->count == 1 ? "" : "s");
			if (f->valued) {
				add_usd(b, f->usd);
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
				add_usd(&lab, f->usd);
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
			"shown; the rest are summed under \xE2\x80\x9Cothers\xE2\x80\x9D.</p>",
			FLOW_MAX);
	at_buf_adds(b, "<p class=\"note\">A label ending in \xE2\x80\x9C+?\xE2\x80\x9D adds "
		       "up the known values only: some events of that cell have none.</p>");
	at_buf_adds(b, "</section>\n");
	free(cell);
	free(pv);
	free(rc);
	strmap_free(&ipv);
	strmap_free(&irc);
	return b->err;
}

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
	const char *nm = party_name(p);
	at_buf_adds(b, "<td data-sort=\"");
	esc(b, nm ? nm : "");
	at_buf_adds(b, "\"");
	add_title_for(b, j, at_ev_str(p, "name"));
	at_buf_adds(b, ">");
	if (nm)
		esc(b, nm);
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
		if (keyset_add(&seen, doc ? doc : "?") != 0) {
			b->err = AT_ENOMEM;
			break;
		}
		if (seen.n == before)
			continue;
		at_buf_adds(b, "<li>");
		if (at_report__url_ok(url)) {
			at_buf_adds(b, "<a rel=\"noopener noreferrer nofollow\" href=\"");
			esc(b, url);
			at_buf_adds(b, "\">");
		}
		at_buf_adds(b, "<bdi>");
		esc(b, doc ? doc : "(document unnamed)");
		at_buf_adds(b, "</bdi>");
		if (at_report__url_ok(url))
			at_buf_adds(b, "</a>");
		if (outlet) {
			at_buf_adds(b, " <span class=\"sub\">");
			esc(b, outlet);
			at_buf_adds(b, "</span>");
		}
		at_buf_adds(b, "</li>");
	}
	at_buf_adds(b, "</ul>");
	strmap_free(&seen);
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
		esc(b, at_ev_str(x, "doc"));
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
		esc(b, why);
		at_buf_adds(b, "</code></p>");
	} else if (json_is_object(wj)) { /* a ledger event: its sources' rules */
		size_t k;
		json_t *r;
		at_buf_adds(b, "<p class=\"sub\">rules: <code>");
		json_array_foreach(json_object_get(wj, "rules"), k, r)
		{
			if (k)
				at_buf_adds(b, "; ");
			esc(b, json_string_value(r));
		}
		at_buf_adds(b, "</code></p>");
	}
	at_buf_adds(b, "</details>");
}

static void add_row(at_buf *b, const rep_ev *e)
{
	json_t *j = e->j;
	at_buf_adds(b, "<tr id=\"");
	add_anchor(b, e);
	at_buf_printf(b, "\" class=\"%s %s\">", type_name[e->type],
		      delivered(e->status) ? "delivered" : "pledged");

	/* Date */
	json_t *when = json_object_get(j, "when");
	const char *ws = at_ev_str(when, "start"), *we = at_ev_str(when, "end");
	if (e->dated) {
		at_buf_printf(b, "<td data-sort=\"%lld\"", (long long)e->d0);
		add_title_for(b, j, at_ev_str(when, "text"));
		at_buf_adds(b, " class=\"date\">");
		esc(b, ws);
		if (we && strcmp(ws, we)) {
			at_buf_adds(b, "<br>\xE2\x80\x93\xC2\xA0");
			esc(b, we);
		}
		at_buf_adds(b, "</td>");
	} else {
		at_buf_adds(b,
			    "<td data-sort=\"\" class=\"date\"><span class=\"unknown\">unknown"
			    "</span>");
		if (at_ev_str(when, "text")) {
			at_buf_adds(b, "<br><span class=\"sub\">");
			esc(b, at_ev_str(when, "text"));
			at_buf_adds(b, "</span>");
		}
		at_buf_adds(b, "</td>");
	}
	/* Type, status */
	at_buf_printf(b, "<td class=\"kw\"><span class=\"tag t-%s\">%s</span>",
		      type_name[e->type], type_name[e->type]);
	json_t *kinds = json_object_get(j, "kinds");
	if (json_array_size(kinds)) {
		at_buf_adds(b, "<br><span class=\"sub\">");
		size_t i;
		json_t *k;
		json_array_foreach (kinds, i, k) {
			if (i)
				at_buf_adds(b, ", ");
			esc(b, json_string_value(k));
		}
		at_buf_adds(b, "</span>");
	}
	at_buf_printf(
		b,
		"</td><td class=\"kw\" data-sort=\"%d\"><span class=\"st %s\">%s</span></td>",
		e->status, delivered(e->status) ? "delivered" : "pledged",
		status_name[e->status]);
	/* Who */
	if (e->type == T_AID) {
		add_party_cell(b, j, "provider");
		add_party_cell(b, j, "recipient");
	} else if (e->type == T_DEPLOYMENT) {
		add_party_cell(b, j, "actor");
		const json_t *pl = json_object_get(j, "place");
		at_buf_adds(b, "<td data-sort=\"");
		esc(b, at_ev_str(pl, "name"));
		at_buf_adds(b, "\"");
		add_title_for(b, j, at_ev_str(pl, "name"));
		at_buf_adds(b, ">");
		if (at_ev_str(pl, "name")) {
			esc(b, at_ev_str(pl, "name"));
		} else {
			at_buf_adds(b, "<span class=\"unknown\">place unknown</span>");
		}
		at_buf_adds(b, "</td>");
	} else {
		at_buf_adds(b, "<td>");
		add_who(b, e);
		at_buf_adds(b, "</td><td>");
		const json_t *pl = json_object_get(j, "place");
		if (at_ev_str(pl, "name"))
			esc(b, at_ev_str(pl, "name"));
		at_buf_adds(b, "</td>");
	}
	/* Items and personnel */
	at_buf_adds(b, "<td><ul class=\"items\">");
	size_t i;
	json_t *it;
	json_array_foreach (json_object_get(j, "items"), i, it) {
		at_buf_adds(b, "<li");
		add_title_for(b, j, at_ev_str(it, "text"));
		at_buf_adds(b, ">");
		const char *text = at_ev_str(it, "text"), *cat = at_ev_str(it, "category");
		esc(b, text ? text : cat);
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
			esc(b, cat);
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
	add_title_for(b, j, at_ev_str(val, "text"));
	at_buf_adds(b, ">");
	if (e->has_usd)
		add_usd(b, e->usd);
	if (at_ev_str(val, "text") &&
	    (!e->has_usd || !at_ev_str(val, "currency") || strcmp(at_ev_str(val, "currency"), "USD"))) {
		at_buf_adds(b, e->has_usd ? "<br><span class=\"sub\">" : "<span>");
		esc(b, at_ev_str(val, "text"));
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

static int render_table(at_buf *b, const rep_ev *ev, size_t n)
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

/* ---- conflicts ---------------------------------------------------------- */

static int render_conflicts(at_buf *b, const rep_ev *ev, size_t n)
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
			add_anchor(b, e);
			at_buf_adds(b, "\">");
			add_who(b, e);
			at_buf_printf(b, "</a><br><span class=\"sub\">%s, %s</span></td><td>",
				      type_name[e->type], status_name[e->status]);
			esc(b, at_ev_str(c, "field"));
			at_buf_adds(b, "</td><td><div class=\"sbs\">");
			json_t *vals = json_object_get(c, "values"),
			       *docs = json_object_get(c, "docs");
			size_t nv = json_is_array(vals) ? json_array_size(vals) : 0;
			size_t nd = json_is_array(docs) ? json_array_size(docs) : 0;
			for (size_t v = 0; v < nv; v++) {
				json_t *x = json_array_get(vals, v);
				at_buf_adds(b, "<div class=\"claim\"><bdi>");
				if (json_is_string(x)) {
					esc(b, json_string_value(x));
				} else {
					char *dump =
						json_dumps(x, JSON_ENCODE_ANY | JSON_COMPACT);
					esc(b, dump ? dump : "?");
					free(dump);
				}
				at_buf_adds(b, "</bdi>");
				/* docs parallel to values when merged; else all docs */
				if (nd == nv && json_is_string(json_array_get(docs, v))) {
					at_buf_adds(b, "<span class=\"sub\">");
					esc(b, json_string_value(json_array_get(docs, v)));
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
					esc(b, json_string_value(json_array_get(docs, d)));
				}
				at_buf_adds(b, "</span>");
			}
			at_buf_adds(b, "</td></tr>\n");
		}
	}
	at_buf_adds(b, "</tbody></table></section>\n");
	return b->err;
}

/* ---- the page ----------------------------------------------------------- */

static const char css[] =
	"*{box-sizing:border-box}"
	"body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu "
	"Sans',sans-serif;"
	"color:#1a1a1a;background:#fff;margin:0 auto;padding:16px 24px;max-width:1240px}"
	"h1{font-size:24px;margin:0 0 2px}h2{font-size:18px;margin:28px 0 6px;"
	"border-bottom:2px solid #222;padding-bottom:2px}"
	".meta,.sub,.note{color:#555}.sub{font-size:12px}.note{font-size:12.5px;margin:4px 0}"
	".unknown{color:#666;font-style:italic}.lead{font-size:17px;margin:10px 0 0}"
	".cards{display:flex;flex-wrap:wrap;gap:10px;margin-top:12px}"
	".card{border:1px solid #ccc;border-radius:6px;padding:8px 14px;min-width:150px}"
	".card.wide{flex:1 1 "
	"380px;max-width:640px}.big{font-size:28px;font-weight:700;line-height:1.1}"
	".cards .sub span{white-space:nowrap}"
	"table{border-collapse:collapse}"
	".money{width:100%}.money caption{text-align:left;font-weight:600;padding-bottom:2px}"
	".money th,.money td{padding:1px 8px 1px 0;text-align:left;font-weight:400}"
	".money .grp th,.money .grp td{font-weight:700;border-top:1px solid #ddd}"
	".money .detail th{padding-left:14px;color:#555}"
	".num{text-align:right;font-variant-numeric:tabular-nums}"
	".money td.num{text-align:right}"
	".legend{font-size:12.5px;margin:4px 0}.legend svg{vertical-align:-2px}"
	".chart{display:block;max-width:100%;height:auto}"
	".chart .axis{fill:#333;font-size:11px}.chart .axis-title{fill:#333;font-size:12px;"
	"font-weight:600}.chart .lane-label{font-weight:700;font-size:13px}"
	".chart .row-label,.chart .col-label{fill:#222;font-size:12px}"
	".chart .cell-label{fill:#222;font-size:10.5px}"
	".mk:hover circle,.mk:focus circle{stroke:#000;stroke-width:2}"
	".flowrow{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}"
	".flowwrap{overflow-x:auto;flex:1 1 520px}.top{flex:0 1 330px}"
	".top h3{font-size:14px;margin:4px 0}.top ol{margin:0;padding-left:22px}"
	".top li{margin-bottom:5px}"
	".tablewrap{overflow-x:auto}"
	"table.events{width:100%;font-size:13px}"
	".events th,.events td{border-bottom:1px solid #ddd;padding:5px 6px;vertical-align:top;"
	"text-align:left;unicode-bidi:isolate;overflow-wrap:anywhere}"
	".events thead th{position:sticky;top:0;background:#eee;border-bottom:2px solid #999;"
	"white-space:nowrap}"
	".events th button{font:inherit;font-weight:700;border:0;background:none;padding:0;"
	"cursor:pointer;color:inherit}"
	".events th[aria-sort=ascending] button::after{content:' \\25B2'}"
	".events th[aria-sort=descending] button::after{content:' \\25BC'}"
	".events td.kw{overflow-wrap:normal}.events "
	"td.date{white-space:nowrap;font-variant-numeric:tabular-nums}"
	".events [title]{text-decoration:underline dotted #999;text-underline-offset:3px}"
	"ul.items,ul.src{margin:0;padding:0;list-style:none}"
	"ul.items li{margin:0 0 1px}ol.ev{margin:4px 0;padding-left:18px;max-width:520px}"
	"ol.ev{min-width:300px}ol.ev "
	"li{margin-bottom:4px}mark{background:#ffe58a;color:inherit}"
	"summary{cursor:pointer;color:#0b57a4;white-space:nowrap}"
	".tag{font-weight:700}.t-aid{color:#0072B2}.t-exercise{color:#B84A00}"
	".t-deployment{color:#00795A}.t-other{color:#555}"
	".st{border-radius:3px;padding:0 4px;white-space:nowrap}"
	".st.delivered{background:#333;color:#fff}"
	".st.pledged{border:1.5px solid #333}"
	"a{color:#0b57a4}a.cf{display:inline-block;margin-top:3px;color:#a0004a}"
	".conflicts{width:100%;font-size:13px}"
	".conflicts th,.conflicts td{border-bottom:1px solid #ddd;padding:5px 6px;"
	"text-align:left;vertical-align:top;overflow-wrap:anywhere}"
	".sbs{display:flex;flex-wrap:wrap;gap:8px}.claim{border:1px solid #bbb;"
	"border-left:4px solid #a0004a;padding:3px 8px;min-width:140px}"
	".claim .sub{display:block}"
	"footer{margin-top:28px;font-size:12px;color:#555}"
	"@page{size:A4 landscape;margin:12mm}"
	"@media print{body{max-width:none;padding:0;font-size:11px}"
	".events th:last-child,.events td:last-child{display:none}"
	".noprint,summary{display:none}h2{break-after:avoid}"
	"section{break-inside:auto}tr,.card,.chart{break-inside:avoid}"
	".events thead th{position:static}.tablewrap,.flowwrap{overflow:visible}"
	"a{color:inherit;text-decoration:none}.events [title]{text-decoration:none}}";

/*
 * The one script: sortable headings. Its SHA-256 is in the page's
 * Content-Security-Policy: change one byte here and update REPORT_SCRIPT_HASH (printf '%s' "$script" |
 * openssl dgst -sha256 -binary | base64), or the browser will not run it —
 * tests/report/browser.sh checks that it ran.
 */
static const char script[] =
	"(function(){'use strict';"
	"document.documentElement.setAttribute('data-script','ran');"
	"var t=document.getElementById('event-table');if(!t)return;"
	"var hs=t.tHead.rows[0].cells;"
	"function key(td,num){var v=td.getAttribute('data-sort');"
	"if(v===null)v=td.textContent;if(num)return v===''?null:parseFloat(v);"
	"return v===''?null:v.toLowerCase();}"
	"function sort(i){var h=hs[i],asc=h.getAttribute('aria-sort')!=='ascending',"
	"num=h.getAttribute('data-type')==='num',body=t.tBodies[0],"
	"rows=Array.prototype.slice.call(body.rows);"
	"for(var k=0;k<hs.length;k++)hs[k].removeAttribute('aria-sort');"
	"h.setAttribute('aria-sort',asc?'ascending':'descending');"
	"rows.sort(function(a,b){var x=key(a.cells[i],num),y=key(b.cells[i],num);"
	"if(x===null||y===null)return x===y?0:x===null?1:-1;"
	"return (x<y?-1:x>y?1:0)*(asc?1:-1);});"
	"rows.forEach(function(r){body.appendChild(r);});}"
	"Array.prototype.forEach.call(hs,function(h,i){if(!h.hasAttribute('data-type'))return;"
	"var b=document.createElement('button');b.type='button';b.textContent=h.textContent;"
	"h.textContent='';h.appendChild(b);b.addEventListener('click',function(){sort(i);});});"
	"})();";

#define REPORT_SCRIPT_HASH "sha256-dLrhDkFVNrM+8GYF0ZmG55ocV2gO2X/gwUPthmoNQe4="

static int cmp_events(const void *a, const void *b)
{
	const rep_ev *x = a, *y = b;
	if (x->dated != y->dated)
		return x->dated ? -1 : 1;
	if (x->dated && x->d0 != y->d0)
		return x->d0 < y->d0 ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* The events of the input, each with its line; bad lines counted, the
 * first one named in err. */
typedef struct read_ctx {
	rep_ev **ev;
	size_t *n, *alloc;
	int *bad;
	size_t *first_bad;
	char *err;
	size_t errlen;
} read_ctx;

static int read_line(void *user, size_t line, json_t *j, const char *why)
{
	read_ctx *c = user;
	if (!j) {
		if (!(*c->bad)++) {
			*c->first_bad = line;
			if (c->err && c->errlen)
				snprintf(c->err, c->errlen, "line %zu: %s", line, why);
		}
		return 0;
	}
	if (*c->n == *c->alloc) {
		size_t na = *c->alloc ? *c->alloc * 2 : 64;
		rep_ev *p = realloc(*c->ev, na * sizeof(*p));
		if (!p) {
			json_decref(j);
			return AT_ENOMEM;
		}
		*c->ev = p;
		*c->alloc = na;
	}
	ev_init(&(*c->ev)[(*c->n)++], j, line);
	return 0;
}

int at_report__render(at_buf *b, const char *jsonl, size_t len, const at_report_opts *opts,
		      int *bad_lines, char *err, size_t errlen)
{
	rep_ev *ev = NULL;
	size_t n = 0, alloc = 0, first_bad = 0;
	int rc = 0;
	*bad_lines = 0;
	if (err && errlen)
		err[0] = '\0';
	const char *title =
		opts && opts->title && opts->title[0] ? opts->title : "aidtrace report";
	read_ctx rc_ = {&ev, &n, &alloc, bad_lines, &first_bad, err, errlen};
	if ((rc = at_ev_lines(jsonl, len, AT_EV_NEED_TYPE, read_line, &rc_)) != 0)
		goto cleanup;
	if (n)
		qsort(ev, n, sizeof(*ev), cmp_events);

	at_buf_adds(
		b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		   "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
		   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		   "style-src 'unsafe-inline'; img-src data:; script-src '" REPORT_SCRIPT_HASH
		   "'; base-uri 'none'; form-action 'none'\">"
		   "<meta name=\"referrer\" content=\"no-referrer\">"
		   "<meta name=\"generator\" content=\"aidtrace " AT_VERSION "\"><title>");
	esc(b, title);
	at_buf_adds(b, "</title><style>");
	at_buf_adds(b, css);
	at_buf_adds(b, "</style></head>\n<body><header><h1><bdi>");
	esc(b, title);
	at_buf_adds(b, "</bdi></h1><p class=\"meta\">");
	if (opts && opts->scope && opts->scope[0]) {
		at_buf_adds(b, "<bdi>");
		esc(b, opts->scope);
		at_buf_adds(b, "</bdi> \xC2\xB7 ");
	}
	at_buf_printf(b, "%zu event%s", n, n == 1 ? "" : "s");
	if (opts && opts->generated && opts->generated[0]) {
		at_buf_adds(b, " \xC2\xB7 generated <bdi>");
		esc(b, opts->generated);
		at_buf_adds(b, "</bdi>");
	}
	at_buf_adds(b, " \xC2\xB7 <a href=\"#timeline\">timeline</a> \xC2\xB7 <a "
		       "href=\"#flows\">flows</a> \xC2\xB7 <a href=\"#events\">events</a> "
		       "\xC2\xB7 <a href=\"#conflicts\">conflicts</a></p>");
	if (*bad_lines)
		at_buf_printf(b,
			      "<p class=\"note\">%d input line%s skipped: not events "
			      "(first: line %zu).</p>",
			      *bad_lines, *bad_lines == 1 ? " was" : "s were", first_bad);
	at_buf_adds(b, "</header>\n");
	if ((rc = render_summary(b, ev, n)) != 0)
		goto cleanup;
	if ((rc = render_timeline(b, ev, n)) != 0)
		goto cleanup;
	if ((rc = render_flows(b, ev, n)) != 0)
		goto cleanup;
	if ((rc = render_table(b, ev, n)) != 0)
		goto cleanup;
	if ((rc = render_conflicts(b, ev, n)) != 0)
		goto cleanup;
	at_buf_adds(b,
		    "<footer>Made by aidtrace " AT_VERSION " from news text. Each event "
		    "is what its sources say, read by rules (the \xE2\x80\x9Crule\xE2\x80\x9D "
		    "under its sentences); check the sentences before quoting a figure. "
		    "USD values are the articles' own figures or conversions.</footer>\n");
	at_buf_adds(b, "<script>");
	at_buf_adds(b, script);
	at_buf_adds(b, "</script>\n</body></html>\n");
	rc = b->err;
cleanup:
	for (size_t i = 0; i < n; i++)
		json_decref(ev[i].j);
	free(ev);
	return rc;
}

int at_report_html(FILE *out, const char *jsonl, size_t len, const at_report_opts *opts,
		   char *err, size_t errlen)
{
	if (!out || (!jsonl && len))
		return AT_EINVAL;
	at_buf b;
	at_buf_init(&b, REPORT_MAX_BYTES);
	int bad = 0;
	int rc = at_report__render(&b, jsonl ? jsonl : "", len, opts, &bad, err, errlen);
	if (rc == 0 && b.len && fwrite(b.data, 1, b.len, out) != b.len)
		rc = AT_EIO;
	if (rc == 0 && bad)
		rc = AT_EPARSE;
	else if (rc && rc != AT_EPARSE && err && errlen)
		snprintf(err, errlen, "%s",
			 rc == AT_EIO ? "cannot write the page"
				      : "out of memory or page too big");
	at_buf_free(&b);
	return rc;
}
