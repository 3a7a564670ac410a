/* SPDX-License-Identifier: MIT */
/*
 * merge.c — the same act reported by several documents becomes one ledger
 * event. Exports at_merge_block, at_merge_event, at_merge_block_key,
 * at_merge_free.
 *
 * Members of a block (same type and actors) are taken document by document
 * in canonical order (report date, document, position). Each document's
 * events are matched to the open clusters of the same stage (pledge or
 * delivery) by best score first; an event joins a cluster only when it is
 * compatible with every member already there (complete link) and the
 * cluster holds nothing yet from its document. Compatible means: report
 * dates within a window, overlapping or unknown dates of the act, no
 * disjoint kinds or specific item categories, no wildly different amounts,
 * overlapping participants for exercises, the same country for deployments.
 * Strong evidence (the same amount, the same counted items) lets events
 * with different dates merge, and the difference becomes a conflict.
 * Delivery clusters are then linked to the pledge they carry out.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aidtrace.h"
#include "merge.h"
#include "../extract/extract.h"
#include "../events/events.h"

#define WINDOW_DAYS 60      /* report dates of one act's sources */
#define LIFECYCLE_DAYS 1100 /* a pledge delivered up to three years later */
#define WHEN_SLACK_DAYS 3   /* "last week" resolved a few days apart */
#define NO_DAY INT64_MIN

static const char *const KIND_NAMES[] = {"equipment", "funding", "training", "construction",
					 "general"};
static const char *const STATUS_ORDER[] = {"intent", "committed", "underway", "completed"};

/* ---- reading per-document events --------------------------------------- */

static int status_rank(const char *s)
{
	for (int i = 0; s && i < 4; i++)
		if (!strcmp(s, STATUS_ORDER[i]))
			return i;
	return 1;
}

static int stage_of(const json_t *ev) { return status_rank(at_ev_str(ev, "status")) >= 2; }

/* A day number for the start (or end) of a possibly partial ISO date. */
static int64_t day_of(const char *s, int end)
{
	int64_t first, last;
	return at_ev_days(s, &first, &last) == 0 ? (end ? last : first) : NO_DAY;
}

typedef struct facts {
	int type;           /* 'a' aid, 'e' exercise, 'd' deployment */
	unsigned kinds;     /* bits of KIND_NAMES */
	uint32_t cats;      /* specific item categories (not "equipment") */
	int64_t reported;   /* day, or NO_DAY */
	int64_t w0, w1;     /* the act's date range, or NO_DAY */
	double amount, usd; /* < 0 unknown */
	const char *cur;
	int64_t personnel; /* -1 unknown */
	const char *place_country;
	const json_t *parts;
} facts;

static uint32_t cat_bit(const char *cat)
{
	for (int i = 0; i < AT_N_ITEM_CATS && i < 32; i++)
		if (!strcmp(cat, AT_ITEM_CATS[i]))
			return strcmp(cat, "equipment") ? 1u << i : 0;
	return 0;
}

static void read_facts(const at_member *m, facts *f)
{
	const json_t *ev = m->ev;
	const char *t = at_ev_str(ev, "type");
	f->type = t ? t[0] : 'a';
	f->kinds = 0;
	size_t i;
	json_t *v;
	json_array_foreach (json_object_get(ev, "kinds"), i, v) {
		for (int k = 0; k < 5; k++)
			if (json_is_string(v) && !strcmp(json_string_value(v), KIND_NAMES[k]))
				f->kinds |= 1u << k;
	}
	f->cats = 0;
	json_array_foreach (json_object_get(ev, "items"), i, v) {
		const char *c = at_ev_str(v, "category");
		if (c)
			f->cats |= cat_bit(c);
	}
	const char *rep = m->reported ? m->reported : at_ev_str(ev, "reported");
	f->reported = day_of(rep, 0);
	const json_t *w = json_object_get(ev, "when");
	f->w0 = json_is_object(w) ? day_of(at_ev_str(w, "start"), 0) : NO_DAY;
	f->w1 = json_is_object(w)
			? day_of(at_ev_str(w, "end") ? at_ev_str(w, "end") : at_ev_str(w, "start"), 1)
			: NO_DAY;
	if (f->w0 == NO_DAY || f->w1 == NO_DAY)
		f->w0 = f->w1 = NO_DAY;
	const json_t *val = json_object_get(ev, "value");
	f->amount = f->usd = -1;
	f->cur = NULL;
	if (json_is_object(val)) {
		const json_t *a = json_object_get(val, "amount"),
			     *u = json_object_get(val, "usd");
		if (json_is_number(a))
			f->amount = json_number_value(a);
		if (json_is_number(u))
			f->usd = json_number_value(u);
		f->cur = at_ev_str(val, "currency");
	}
	const json_t *p = json_object_get(ev, "personnel");
	f->personnel = json_is_integer(p) ? (int64_t)json_integer_value(p) : -1;
	const json_t *pl = json_object_get(ev, "place");
	f->place_country = json_is_object(pl) ? at_ev_str(pl, "country") : NULL;
	f->parts = json_object_get(ev, "participants");
}

static int close_enough(double a, double b, double tol)
{
	double m = fmax(fabs(a), fabs(b));
	return m == 0 || fabs(a - b) <= tol * m;
}

/* The same amount: equal in USD, or equal in the same currency. */
static int same_value(const facts *a, const facts *b)
{
	if (a->usd > 0 && b->usd > 0)
		return close_enough(a->usd, b->usd, 0.05);
	return a->amount > 0 && b->amount > 0 && a->cur && b->cur && !strcmp(a->cur, b->cur) &&
	       close_enough(a->amount, b->amount, 0.05);
}

/* Participant sets of exercises: one contains the other, or half is shared. */
static int parts_overlap(const json_t *a, const json_t *b)
{
	size_t na = json_array_size(a), nb = json_array_size(b), shared = 0, i, j;
	json_t *x, *y;
	json_array_foreach (a, i, x) {
		json_array_foreach (b, j, y) {
			const char *cx = at_ev_str(x, "code"), *cy = at_ev_str(y, "code");
			if (cx && cy && !strcmp(cx, cy)) {
				shared++;
				break;
			}
		}
	}
	if (!shared)
		return 0;
	size_t small = na < nb ? na : nb, uni = na + nb - shared;
	return shared == small || 2 * shared >= uni;
}

static int64_t absdiff(int64_t a, int64_t b) { return a > b ? a - b : b - a; }

/*
 * How well two per-document events fit as one act: -1 when they cannot be
 * one, else a score (higher is better). `lifecycle`: a pledge against its
 * delivery, where dates and report dates may lie further apart.
 */
static double fit(const facts *a, const facts *b, int lifecycle)
{
	double score = 1;
	if (a->type != b->type)
		return -1;
	if (a->type == 'e' && !parts_overlap(a->parts, b->parts))
		return -1;
	if (a->type == 'd' && a->place_country && b->place_country &&
	    strcmp(a->place_country, b->place_country))
		return -1;
	if (a->kinds && b->kinds && !(a->kinds & b->kinds) && !((a->kinds | b->kinds) & 16u))
		return -1;
	if (a->cats && b->cats && !(a->cats & b->cats))
		return -1;
	if (a->cats & b->cats)
		score += 2;
	if (a->kinds & b->kinds)
		score += 1;
	int strong = 0;
	if (a->usd > 0 && b->usd > 0 && !same_value(a, b) &&
	    !close_enough(a->amount, b->amount, 0.05) &&
	    fmax(a->usd, b->usd) > 3 * fmin(a->usd, b->usd))
		return -1; /* different sums, not a mistake in one currency */
	if (same_value(a, b)) {
		score += 3;
		strong = 1;
	}
	if (a->type != 'a' && a->personnel > 0 && b->personnel > 0 &&
	    close_enough((double)a->personnel, (double)b->personnel, 0.05)) {
		score += 2;
		strong = 1;
	}
	int64_t window = lifecycle ? LIFECYCLE_DAYS : WINDOW_DAYS;
	if (a->reported != NO_DAY && b->reported != NO_DAY) {
		int64_t d = absdiff(a->reported, b->reported);
		if (d > window)
			return -1;
		score += 1 - (double)d / (double)window;
	}
	if (!lifecycle && a->w0 != NO_DAY && b->w0 != NO_DAY) {
		int overlap =
			a->w0 <= b->w1 + WHEN_SLACK_DAYS && b->w0 <= a->w1 + WHEN_SLACK_DAYS;
		if (overlap)
			score += 2;
		else if (!strong)
			return -1;
	}
	return score;
}

/* ---- clustering -------------------------------------------------------- */

static int cmp_str_null_last(const char *a, const char *b)
{
	if (!a || !b)
		return !a - !b;
	return strcmp(a, b);
}

static int cmp_member(const void *pa, const void *pb)
{
	const at_member *a = pa, *b = pb;
	const char *ra = a->reported ? a->reported : at_ev_str(a->ev, "reported");
	const char *rb = b->reported ? b->reported : at_ev_str(b->ev, "reported");
	int c = cmp_str_null_last(ra, rb);
	if (!c)
		c = strcmp(a->doc, b->doc);
	if (!c)
		c = (a->ord > b->ord) - (a->ord < b->ord);
	return c;
}

typedef struct pair {
	double score;
	size_t member, cluster;
} pair;

static int cmp_pair(const void *pa, const void *pb)
{
	const pair *a = pa, *b = pb;
	if (a->score != b->score)
		return a->score < b->score ? 1 : -1;
	if (a->member != b->member)
		return a->member < b->member ? -1 : 1;
	return (a->cluster > b->cluster) - (a->cluster < b->cluster);
}

static int push_member(at_cluster *c, size_t idx)
{
	size_t *m = realloc(c->m, (c->n + 1) * sizeof(*m));
	if (!m)
		return -1;
	c->m = m;
	c->m[c->n++] = idx;
	return 0;
}

/* Score of member i joining cluster c: every member must fit; the best fit counts. */
static double fit_cluster(const at_member *m, const facts *f, const at_cluster *c, size_t i,
			  int lifecycle)
{
	double best = -1;
	for (size_t k = 0; k < c->n; k++) {
		const at_member *o = &m[c->m[k]];
		if (!lifecycle && !strcmp(o->doc, m[i].doc))
			return -1;
		double s = fit(&f[i], &f[c->m[k]], lifecycle);
		if (s < 0 && !lifecycle)
			return -1;
		if (s > best)
			best = s;
	}
	return best;
}

static void cluster_id(const at_member *m, at_cluster *c)
{
	const at_member *first = &m[c->m[0]];
	uint64_t h = 1469598103934665603ull;
	const char *parts[3] = {"ledger", first->doc, at_ev_str(first->ev, "id")};
	for (int p = 0; p < 3; p++)
		for (const char *s = parts[p] ? parts[p] : "";; s++) {
			h ^= (unsigned char)*s;
			h *= 1099511628211ull;
			if (!*s)
				break;
		}
	h ^= (uint64_t)(unsigned)first->ord;
	h *= 1099511628211ull;
	h ^= h >> 33; /* spread the last bytes over all digits */
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	snprintf(c->id, sizeof(c->id), "e-%016llx", (unsigned long long)h);
}

void at_merge_free(at_cluster *c, size_t n)
{
	for (size_t i = 0; c && i < n; i++)
		free(c[i].m);
	free(c);
}

int at_merge_block(at_member *m, size_t n, at_cluster **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	if (!n)
		return 0;
	qsort(m, n, sizeof(*m), cmp_member);
	facts *f = calloc(n, sizeof(*f));
	at_cluster *c = calloc(n, sizeof(*c));
	pair *pairs = NULL;
	size_t npairs_cap = 0, nc = 0;
	int rc = AT_ENOMEM;
	if (!f || !c)
		goto done;
	for (size_t i = 0; i < n; i++)
		read_facts(&m[i], &f[i]);
	size_t oldest = 0; /* clusters before this one are out of the window */
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && !strcmp(m[j].doc, m[i].doc))
			j++;
		/* the candidate pairs of this document's events */
		size_t np = 0;
		while (oldest < nc && f[i].reported != NO_DAY) {
			const facts *last = &f[c[oldest].m[c[oldest].n - 1]];
			if (last->reported == NO_DAY ||
			    f[i].reported - last->reported <= WINDOW_DAYS)
				break;
			oldest++;
		}
		for (size_t k = i; k < j; k++)
			for (size_t ci = oldest; ci < nc; ci++) {
				if (c[ci].stage != stage_of(m[k].ev))
					continue;
				double s = fit_cluster(m, f, &c[ci], k, 0);
				if (s < 0)
					continue;
				if (np == npairs_cap) {
					size_t cap = npairs_cap ? 2 * npairs_cap : 16;
					pair *p = realloc(pairs, cap * sizeof(*p));
					if (!p)
						goto done;
					pairs = p;
					npairs_cap = cap;
				}
				pairs[np++] = (pair){s, k, ci};
			}
		if (np)
			qsort(pairs, np, sizeof(*pairs), cmp_pair);
		size_t nc_before = nc;
		size_t *placed = calloc(j - i, sizeof(*placed)); /* 1 + cluster */
		unsigned char *taken = calloc(nc_before + 1, 1);
		if (!placed || !taken) {
			free(placed);
			free(taken);
			goto done;
		}
		for (size_t p = 0; p < np; p++)
			if (!placed[pairs[p].member - i] && !taken[pairs[p].cluster]) {
				placed[pairs[p].member - i] = pairs[p].cluster + 1;
				taken[pairs[p].cluster] = 1;
			}
		int bad = 0;
		for (size_t k = i; k < j && !bad; k++) {
			size_t ci = placed[k - i] ? placed[k - i] - 1 : nc;
			if (ci == nc) {
				c[nc].stage = stage_of(m[k].ev);
				c[nc].lifecycle = -1;
				nc++;
			}
			bad = push_member(&c[ci], k) != 0;
		}
		free(placed);
		free(taken);
		if (bad)
			goto done;
		i = j;
	}
	/* deliveries carry out the best-fitting earlier pledge */
	for (size_t ci = 0; ci < nc; ci++) {
		if (c[ci].stage != 1)
			continue;
		double best = -1;
		for (size_t pi = 0; pi < nc; pi++) {
			if (c[pi].stage != 0)
				continue;
			const facts *p0 = &f[c[pi].m[0]], *d0 = &f[c[ci].m[0]];
			if (p0->reported != NO_DAY && d0->reported != NO_DAY &&
			    p0->reported > d0->reported + WINDOW_DAYS)
				continue; /* a pledge reported after the delivery */
			double s = fit_cluster(m, f, &c[pi], c[ci].m[0], 1);
			if (s > best) {
				best = s;
				c[ci].lifecycle = (long)pi;
			}
		}
	}
	for (size_t ci = 0; ci < nc; ci++)
		cluster_id(m, &c[ci]);
	rc = 0;
done:
	free(f);
	free(pairs);
	if (rc) {
		at_merge_free(c, nc ? nc : n);
		return rc;
	}
	*out = c;
	*nout = nc;
	return 0;
}

/* ---- the merged event --------------------------------------------------- */

static void add_conflict(json_t *arr, const char *field, const char *va, const char *da,
			 const char *vb, const char *db)
{
	json_t *c = json_object();
	json_object_set_new(c, "field", json_string(field));
	json_object_set_new(c, "values", json_pack("[ss]", va, vb));
	json_t *docs = json_array();
	json_array_append_new(docs, json_string(da));
	if (strcmp(da, db))
		json_array_append_new(docs, json_string(db));
	json_object_set_new(c, "docs", docs);
	json_array_append_new(arr, c);
}

static const char *value_text(const json_t *ev)
{
	const json_t *v = json_object_get(ev, "value");
	const char *t = json_is_object(v) ? at_ev_str(v, "text") : NULL;
	return t ? t : "?";
}

static void when_text(const json_t *ev, char *out, size_t n)
{
	const json_t *w = json_object_get(ev, "when");
	const char *s = at_ev_str(w, "start"), *e = at_ev_str(w, "end"), *t = at_ev_str(w, "text");
	if (s && e && strcmp(s, e))
		snprintf(out, n, "%s..%s%s%s%s", s, e, t ? " (" : "", t ? t : "", t ? ")" : "");
	else
		snprintf(out, n, "%s%s%s%s", s ? s : "?", t ? " (" : "", t ? t : "",
			 t ? ")" : "");
}

/* Conflicts between the sources of one cluster (their own ones are kept too). */
static void cross_conflicts(const at_member *m, const at_cluster *c, json_t *out)
{
	facts fa, fb;
	for (size_t x = 0; x < c->n; x++)
		for (size_t y = x + 1; y < c->n; y++) {
			const at_member *a = &m[c->m[x]], *b = &m[c->m[y]];
			read_facts(a, &fa);
			read_facts(b, &fb);
			int differ = 0;
			if (fa.usd > 0 && fb.usd > 0)
				differ = !close_enough(fa.usd, fb.usd, 0.05);
			else if (fa.amount > 0 && fb.amount > 0 && fa.cur && fb.cur)
				differ = !strcmp(fa.cur, fb.cur)
						 ? !close_enough(fa.amount, fb.amount, 0.05)
						 : close_enough(fa.amount, fb.amount, 0.05);
			if (differ)
				add_conflict(out, "value", value_text(a->ev), a->doc,
					     value_text(b->ev), b->doc);
			if (fa.personnel > 0 && fb.personnel > 0 &&
			    !close_enough((double)fa.personnel, (double)fb.personnel, 0.05)) {
				char pa[32], pb[32];
				snprintf(pa, sizeof(pa), "%lld", (long long)fa.personnel);
				snprintf(pb, sizeof(pb), "%lld", (long long)fb.personnel);
				add_conflict(out, "personnel", pa, a->doc, pb, b->doc);
			}
			if (fa.w0 != NO_DAY && fb.w0 != NO_DAY &&
			    !(fa.w0 <= fb.w1 && fb.w0 <= fa.w1)) { /* merged within the slack */
				char wa[96], wb[96];
				when_text(a->ev, wa, sizeof(wa));
				when_text(b->ev, wb, sizeof(wb));
				add_conflict(out, "when", wa, a->doc, wb, b->doc);
			}
			size_t i, j;
			json_t *ia, *ib;
			json_array_foreach (json_object_get(a->ev, "items"), i, ia) {
				json_array_foreach (json_object_get(b->ev, "items"), j, ib) {
					const char *ca = at_ev_str(ia, "category"),
						   *cb = at_ev_str(ib, "category");
					json_t *qa = json_object_get(ia, "quantity"),
					       *qb = json_object_get(ib, "quantity");
					if (ca && cb && !strcmp(ca, cb) &&
					    json_is_integer(qa) && json_is_integer(qb) &&
					    json_integer_value(qa) != json_integer_value(qb)) {
						const char *ta = at_ev_str(ia, "text"),
							   *tb = at_ev_str(ib, "text");
						add_conflict(out, "items", ta ? ta : ca, a->doc,
							     tb ? tb : cb, b->doc);
					}
				}
			}
		}
}

static void set_reason(json_t *why, const char *field, const char *fmt, const char *doc)
{
	char buf[256];
	snprintf(buf, sizeof(buf), fmt, doc);
	json_object_set_new(why, field, json_string(buf));
}

/* Items: those of the source that lists the most, then the categories other
 * sources add; a known quantity beats an unknown one of the same category. */
static json_t *merge_items(const at_member *m, const at_cluster *c, json_t *why)
{
	size_t base = 0, most = 0;
	for (size_t k = 0; k < c->n; k++) {
		size_t n = json_array_size(json_object_get(m[c->m[k]].ev, "items"));
		if (n > most) {
			most = n;
			base = k;
		}
	}
	json_t *out = json_deep_copy(json_object_get(m[c->m[base]].ev, "items"));
	if (!json_is_array(out)) {
		json_decref(out);
		out = json_array();
	}
	const char *qdoc = NULL;
	for (size_t k = 0; k < c->n; k++) {
		if (k == base)
			continue;
		size_t i;
		json_t *it;
		json_array_foreach (json_object_get(m[c->m[k]].ev, "items"), i, it) {
			const char *cat = at_ev_str(it, "category");
			size_t j, same = 0, at = 0;
			json_t *have;
			json_array_foreach (out, j, have) {
				const char *hc = at_ev_str(have, "category");
				if (cat && hc && !strcmp(cat, hc)) {
					same++;
					at = j;
				}
			}
			if (!same) {
				json_array_append(out, it);
			} else if (same == 1 &&
				   !json_is_integer(json_object_get(json_array_get(out, at),
								    "quantity")) &&
				   json_is_integer(json_object_get(it, "quantity"))) {
				json_array_set(out, at, it);
				qdoc = m[c->m[k]].doc;
			}
		}
	}
	if (json_array_size(out)) {
		char fmt[160];
		snprintf(fmt, sizeof(fmt), "those of %%s%s%s",
			 c->n > 1 ? ", with the categories other sources add" : "",
			 qdoc ? "; a count from " : "");
		char reason[256];
		snprintf(reason, sizeof(reason), fmt, m[c->m[base]].doc);
		if (qdoc)
			strncat(reason, qdoc, sizeof(reason) - strlen(reason) - 1);
		json_object_set_new(why, "items", json_string(reason));
	}
	return out;
}

/* The most precise value: the article's own conversion, then any USD figure. */
static size_t pick_value(const at_member *m, const at_cluster *c)
{
	size_t best = SIZE_MAX;
	int best_rank = -1;
	for (size_t k = 0; k < c->n; k++) {
		const json_t *v = json_object_get(m[c->m[k]].ev, "value");
		if (!json_is_object(v))
			continue;
		const char *basis = at_ev_str(v, "usd_basis");
		int rank = 1 + json_is_number(json_object_get(v, "usd")) +
			   (basis && !strcmp(basis, "text"));
		if (rank > best_rank) {
			best_rank = rank;
			best = k;
		}
	}
	return best;
}

/* A date the text writes out ("31 July 2014") rather than one resolved
 * from a weekday or "next week". */
static int explicit_date(const json_t *ev)
{
	const char *t = at_ev_str(json_object_get(ev, "when"), "text");
	return t && strpbrk(t, "0123456789") != NULL;
}

/* The narrowest known date range; between equally narrow ones, a date the
 * text writes out. */
static size_t pick_when(const at_member *m, const at_cluster *c)
{
	size_t best = SIZE_MAX;
	int64_t width = INT64_MAX;
	int best_explicit = 0;
	facts f;
	for (size_t k = 0; k < c->n; k++) {
		read_facts(&m[c->m[k]], &f);
		if (f.w0 == NO_DAY)
			continue;
		int ex = explicit_date(m[c->m[k]].ev);
		if (f.w1 - f.w0 < width || (f.w1 - f.w0 == width && ex && !best_explicit)) {
			width = f.w1 - f.w0;
			best = k;
			best_explicit = ex;
		}
	}
	return best;
}

static void union_codes(json_t *dst, const json_t *src)
{
	size_t i, j;
	json_t *a, *b;
	json_array_foreach (src, i, a) {
		int seen = 0;
		json_array_foreach (dst, j, b) {
			const char *ca = at_ev_str(a, "code"), *cb = at_ev_str(b, "code");
			if (ca && cb && !strcmp(ca, cb))
				seen = 1;
		}
		if (!seen)
			json_array_append(dst, a);
	}
}

static json_t *lifecycle_of(const at_member *m, const at_cluster *c, size_t nc, size_t ci)
{
	size_t pledge =
		c[ci].stage ? (c[ci].lifecycle >= 0 ? (size_t)c[ci].lifecycle : SIZE_MAX) : ci;
	if (pledge == SIZE_MAX)
		return json_null();
	json_t *hist = json_array();
	for (size_t k = 0; k < nc; k++) {
		if (k != pledge && !(c[k].stage && c[k].lifecycle == (long)pledge))
			continue;
		const at_member *first = &m[c[k].m[0]];
		int top = 0;
		for (size_t j = 0; j < c[k].n; j++) {
			int r = status_rank(at_ev_str(m[c[k].m[j]].ev, "status"));
			if (r > top)
				top = r;
		}
		const char *rep =
			first->reported ? first->reported : at_ev_str(first->ev, "reported");
		json_array_append_new(hist,
				      json_pack("{s:s, s:s, s:o}", "status", STATUS_ORDER[top],
						"event", c[k].id, "reported",
						rep ? json_string(rep) : json_null()));
	}
	if (json_array_size(hist) < 2) {
		json_decref(hist);
		return json_null();
	}
	return json_pack("{s:s, s:o}", "id", c[pledge].id, "history", hist);
}

json_t *at_merge_event(const at_member *m, const at_cluster *c, size_t nc, size_t ci)
{
	const at_cluster *cl = &c[ci];
	const at_member *first = &m[cl->m[0]];
	json_t *ev = json_deep_copy(first->ev);
	json_t *why = json_object();
	if (!ev || !why) {
		json_decref(ev);
		json_decref(why);
		return NULL;
	}
	json_object_set_new(ev, "id", json_string(cl->id));
	/* kinds: the union; status: the most advanced any source states */
	unsigned kinds = 0;
	int top = -1;
	size_t top_k = 0;
	double keep = 1;
	json_t *parts = json_array(), *sources = json_array(), *confl = json_array(),
	       *rules = json_array();
	const char *earliest = NULL;
	for (size_t k = 0; k < cl->n; k++) {
		const at_member *x = &m[cl->m[k]];
		facts f;
		read_facts(x, &f);
		kinds |= f.kinds;
		int r = status_rank(at_ev_str(x->ev, "status"));
		if (r > top) {
			top = r;
			top_k = k;
		}
		union_codes(parts, json_object_get(x->ev, "participants"));
		const json_t *conf = json_object_get(x->ev, "confidence");
		keep *= 1 - (json_is_number(conf) ? json_number_value(conf) : 0.5);
		const char *rep = x->reported ? x->reported : at_ev_str(x->ev, "reported");
		if (rep && (!earliest || strcmp(rep, earliest) < 0))
			earliest = rep;
		size_t i;
		json_t *s;
		json_array_foreach (json_object_get(x->ev, "sources"), i, s) {
			json_t *src = json_deep_copy(s);
			if (x->url)
				json_object_set_new(src, "url", json_string(x->url));
			if (x->outlet)
				json_object_set_new(src, "outlet", json_string(x->outlet));
			if (x->archive)
				json_object_set_new(src, "archive",
						    json_pack("{s:s,s:I}", "file", x->archive,
							      "offset", (json_int_t)x->archive_off));
			if (rep)
				json_object_set_new(src, "published", json_string(rep));
			json_array_append_new(sources, src);
		}
		json_array_extend(confl, json_object_get(x->ev, "conflicts"));
		const char *w = at_ev_str(x->ev, "why");
		if (w) {
			int seen = 0;
			json_t *r2;
			json_array_foreach (rules, i, r2)
				seen |= !strcmp(json_string_value(r2), w);
			if (!seen)
				json_array_append_new(rules, json_string(w));
		}
	}
	json_t *karr = json_array();
	for (int k = 0; k < 5; k++)
		if (kinds & (1u << k))
			json_array_append_new(karr, json_string(KIND_NAMES[k]));
	json_object_set_new(ev, "kinds", karr);
	json_object_set_new(ev, "status", json_string(STATUS_ORDER[top]));
	set_reason(why, "status", "the most advanced stated, by %s", m[cl->m[top_k]].doc);
	json_object_set_new(ev, "participants", parts);
	json_object_set_new(ev, "items", merge_items(m, cl, why));
	size_t vk = pick_value(m, cl);
	if (vk != SIZE_MAX) {
		json_object_set(ev, "value", json_object_get(m[cl->m[vk]].ev, "value"));
		set_reason(why, "value", "the most precise (own conversion first), from %s",
			   m[cl->m[vk]].doc);
	}
	size_t wk = pick_when(m, cl);
	if (wk != SIZE_MAX) {
		json_object_set(ev, "when", json_object_get(m[cl->m[wk]].ev, "when"));
		set_reason(why, "when",
			   "the narrowest date range (a written-out date first), from %s",
			   m[cl->m[wk]].doc);
	}
	for (size_t k = 0; k < cl->n; k++) {
		const json_t *p = json_object_get(m[cl->m[k]].ev, "personnel");
		if (json_is_integer(p)) {
			json_object_set(ev, "personnel", (json_t *)p);
			set_reason(why, "personnel", "the first source that counts them, %s",
				   m[cl->m[k]].doc);
			break;
		}
	}
	for (size_t k = 0; k < cl->n; k++) {
		const json_t *p = json_object_get(m[cl->m[k]].ev, "place");
		if (json_is_object(p)) {
			json_object_set(ev, "place", (json_t *)p);
			set_reason(why, "place", "the first source that names it, %s",
				   m[cl->m[k]].doc);
			break;
		}
	}
	json_object_set_new(ev, "reported", earliest ? json_string(earliest) : json_null());
	json_object_set_new(ev, "sources", sources);
	cross_conflicts(m, cl, confl);
	json_object_set_new(ev, "conflicts", confl);
	double conf = 1 - keep;
	json_object_set_new(ev, "confidence",
			    json_real(floor(fmin(conf, 0.99) * 100 + 0.5) / 100));
	json_t *docs = json_array();
	for (size_t k = 0; k < cl->n; k++)
		json_array_append_new(docs, json_string(m[cl->m[k]].doc));
	json_object_set_new(
		ev, "why",
		json_pack("{s:o, s:o, s:o}", "rules", rules, "fields", why, "docs", docs));
	json_object_set_new(ev, "lifecycle", lifecycle_of(m, c, nc, ci));
	return ev;
}

void at_merge_block_key(json_t *ev, char *out, size_t n)
{
	const char *t = at_ev_str(ev, "type");
	if (!t)
		t = "?";
	if (!strcmp(t, "aid")) {
		const char *p = at_ev_code(ev, "provider"), *r = at_ev_code(ev, "recipient");
		snprintf(out, n, "aid|%s|%s", p ? p : "-", r ? r : "-");
	} else if (!strcmp(t, "deployment")) {
		const char *a = at_ev_code(ev, "actor");
		snprintf(out, n, "deployment|%s", a ? a : "-");
	} else {
		snprintf(out, n, "%s", t);
	}
}
