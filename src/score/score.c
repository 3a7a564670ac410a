/* SPDX-License-Identifier: MIT */
/*
 * score.c — predicted events against gold annotations (at_score), by the
 * rules of SCHEMA.md ("Gold annotations"):
 *
 *   scope      the documents of the docs file (else none) and those the
 *              gold names; a predicted event belongs to every document its
 *              sources (or its "doc") cite, once each; other documents are
 *              ignored, so a gold file can score a slice of a larger run;
 *   pairing    per document, a prediction and a gold line pair when their
 *              type is the same and so are their actors (provider and
 *              recipient for aid, the actor for a deployment, at least one
 *              shared participant for an exercise); pairs are taken best
 *              first by the gold line's mean slot score (an optional line
 *              loses half a point), each line and prediction once; equal
 *              scores go to the later gold line, then the later prediction;
 *   events     a paired gold line is a true positive (an optional one
 *              counts nothing), an unpaired one a miss, an unpaired
 *              prediction a false event;
 *   slots      for the slots a gold line fills: status (or one of its
 *              status_alt), kinds (aid) and participants (exercise) as set
 *              F1, item categories as set F1 and quantities per category,
 *              value (same currency, amount within 1%), when (the ranges
 *              overlap, partial dates widened), personnel (equal);
 *   merge      two non-optional gold lines of different documents form a
 *              link when they share a group; a predicted link is two of
 *              them paired with the same predicted event.
 *
 * Figures are rounded to three decimals. The events are read with the
 * engine's own reader (events/events.c).
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aidtrace.h"
#include "events/events.h"
#include "util/buf.h"

enum { SL_STATUS, SL_KINDS, SL_PARTS, SL_CATS, SL_QTYS, SL_VALUE, SL_WHEN, SL_PERS, SL_N };
/* In the order a pair's slot scores are added up. */
static const char *const slot_name[SL_N] = {"status",          "kinds",           "participants",
					    "item_categories", "item_quantities", "value",
					    "when",            "personnel"};

typedef struct slots {
	int has[SL_N];
	double v[SL_N];
	int n;
} slots;

/* ---- JSON values as the gold format compares them --------------------- */

/* Whether a value counts as given: not missing, null, false, zero, "",
 * [] or {}. */
static int given(const json_t *v)
{
	if (!v || json_is_null(v) || json_is_false(v))
		return 0;
	if (json_is_number(v))
		return json_number_value(v) != 0;
	if (json_is_string(v))
		return json_string_length(v) > 0;
	if (json_is_array(v))
		return json_array_size(v) > 0;
	if (json_is_object(v))
		return json_object_size(v) > 0;
	return 1;
}

/* Equality of two values, a missing one being null; 12 equals 12.0. */
static int same(const json_t *a, const json_t *b)
{
	if (!a || json_is_null(a))
		return !b || json_is_null(b);
	if (!b)
		return 0;
	if (json_is_number(a) && json_is_number(b))
		return json_number_value(a) == json_number_value(b);
	return json_equal((json_t *)a, (json_t *)b);
}

static const json_t *get(const json_t *o, const char *key)
{
	return json_is_object(o) ? json_object_get(o, key) : NULL;
}

/* An actor's code as given (any value), or NULL. */
static const json_t *code_of(const json_t *actor) { return get(actor, "code"); }

/* A small set of values (no two the same). */
typedef struct vset {
	const json_t *v[256]; /* more distinct values than that are not kept */
	size_t n;
} vset;

static void vset_add(vset *s, const json_t *v)
{
	for (size_t i = 0; i < s->n; i++)
		if (same(s->v[i], v))
			return;
	if (s->n < sizeof(s->v) / sizeof(s->v[0]))
		s->v[s->n++] = v;
}

static size_t vset_common(const vset *a, const vset *b)
{
	size_t n = 0;
	for (size_t i = 0; i < a->n; i++)
		for (size_t k = 0; k < b->n; k++)
			if (same(a->v[i], b->v[k])) {
				n++;
				break;
			}
	return n;
}

/* F1 of two sets: 1 when both are empty, 0 when one is. */
static double set_f1(const vset *a, const vset *b)
{
	if (!a->n && !b->n)
		return 1.0;
	if (!a->n || !b->n)
		return 0.0;
	return 2.0 * (double)vset_common(a, b) / (double)(a->n + b->n);
}

/* The codes of a list of actors (those with a code). */
static void codes(const json_t *actors, vset *s)
{
	memset(s, 0, sizeof(*s));
	size_t i;
	const json_t *a;
	json_array_foreach (actors, i, a)
		if (given(code_of(a)))
			vset_add(s, code_of(a));
}

/* A member of each element of an array (null when missing). */
static void members(const json_t *arr, const char *key, vset *s)
{
	memset(s, 0, sizeof(*s));
	size_t i;
	const json_t *x;
	json_array_foreach (arr, i, x) {
		const json_t *v = get(x, key);
		vset_add(s, v ? v : json_null()); /* a static singleton */
	}
}

/* ---- pairing ------------------------------------------------------------ */

static int actors_match(const json_t *g, const json_t *p)
{
	const char *t = at_ev_str(g, "type");
	if (!t || !same(get(g, "type"), get(p, "type")))
		return 0;
	if (!strcmp(t, "aid"))
		return same(code_of(get(g, "provider")), code_of(get(p, "provider"))) &&
		       same(code_of(get(g, "recipient")), code_of(get(p, "recipient")));
	if (!strcmp(t, "exercise")) {
		vset a, b;
		codes(get(g, "participants"), &a);
		codes(get(p, "participants"), &b);
		return vset_common(&a, &b) > 0;
	}
	if (!strcmp(t, "deployment"))
		return same(code_of(get(g, "actor")), code_of(get(p, "actor")));
	return 0;
}

/* A date of a "when" as a day range; -1 when missing or not a date. */
static int when_days(const json_t *v, int64_t *first, int64_t *last)
{
	char num[32];
	const char *s = NULL;
	if (json_is_string(v))
		s = json_string_value(v);
	else if (json_is_integer(v) && json_integer_value(v) > 0) {
		snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
		s = num;
	}
	return at_ev_days(s, first, last);
}

/* The gold range and the predicted one overlap (a missing end is the
 * start; partial dates cover their whole year or month). */
static int overlaps(const json_t *gw, const json_t *pw)
{
	if (!json_is_object(gw) || !json_is_object(pw))
		return 0;
	const json_t *gs = get(gw, "start"), *ps = get(pw, "start");
	if (!given(gs) || !given(ps))
		return 0;
	const json_t *ge = given(get(gw, "end")) ? get(gw, "end") : gs;
	const json_t *pe = given(get(pw, "end")) ? get(pw, "end") : ps;
	int64_t g0, g1, p0, p1, x;
	if (when_days(gs, &g0, &x) || when_days(ge, &x, &g1) || when_days(ps, &p0, &x) ||
	    when_days(pe, &x, &p1))
		return 0;
	return p0 <= g1 && g0 <= p1;
}

static void put(slots *s, int k, double v)
{
	s->has[k] = 1;
	s->v[k] = v;
	s->n++;
}

/* The scores of the slots the gold line fills, each in [0, 1]. */
static void score_slots(const json_t *g, const json_t *p, slots *s)
{
	memset(s, 0, sizeof(*s));
	const char *t = at_ev_str(g, "type");
	if (given(get(g, "status"))) {
		int ok = same(get(p, "status"), get(g, "status"));
		size_t i;
		const json_t *alt;
		json_array_foreach (get(g, "status_alt"), i, alt)
			ok = ok || same(get(p, "status"), alt);
		put(s, SL_STATUS, ok);
	}
	if (t && !strcmp(t, "aid") && given(get(g, "kinds"))) {
		vset a, b;
		memset(&a, 0, sizeof(a));
		size_t i;
		const json_t *k;
		json_array_foreach (get(g, "kinds"), i, k)
			vset_add(&a, k);
		memset(&b, 0, sizeof(b));
		json_array_foreach (get(p, "kinds"), i, k)
			vset_add(&b, k);
		put(s, SL_KINDS, set_f1(&a, &b));
	}
	if (t && !strcmp(t, "exercise")) {
		vset a, b;
		codes(get(g, "participants"), &a);
		codes(get(p, "participants"), &b);
		put(s, SL_PARTS, set_f1(&a, &b));
	}
	const json_t *gi = get(g, "items"), *pi = get(p, "items");
	if (given(gi)) {
		vset a, b;
		members(gi, "category", &a);
		members(pi, "category", &b);
		put(s, SL_CATS, set_f1(&a, &b));
		/* quantities: per gold category with a quantity (the last line of a
		 * category wins, in gold and prediction alike) */
		size_t nq = 0, ok = 0, i, k;
		const json_t *x, *y;
		json_array_foreach (gi, i, x) {
			const json_t *cat = get(x, "category");
			if (!given(get(x, "quantity")))
				continue;
			int later = 0; /* a later gold item of this category decides */
			for (k = i + 1; k < json_array_size(gi); k++)
				if (same(get(json_array_get(gi, k), "category"), cat) &&
				    given(get(json_array_get(gi, k), "quantity")))
					later = 1;
			if (later)
				continue;
			nq++;
			const json_t *pq = NULL;
			json_array_foreach (pi, k, y)
				if (same(get(y, "category"), cat))
					pq = get(y, "quantity");
			ok += same(pq, get(x, "quantity"));
		}
		if (nq)
			put(s, SL_QTYS, (double)ok / (double)nq);
	}
	const json_t *gv = get(g, "value");
	if (given(gv) && given(get(gv, "amount"))) {
		const json_t *pv = get(p, "value"), *ga = get(gv, "amount"),
			     *pa = get(pv, "amount");
		int ok = same(get(pv, "currency"), get(gv, "currency")) && given(pa) &&
			 json_is_number(pa) && json_is_number(ga) &&
			 fabs(json_number_value(pa) - json_number_value(ga)) <=
				 0.01 * json_number_value(ga);
		put(s, SL_VALUE, ok);
	}
	if (given(get(g, "when")))
		put(s, SL_WHEN, given(get(p, "when")) && overlaps(get(g, "when"), get(p, "when")));
	if (given(get(g, "personnel")))
		put(s, SL_PERS, same(get(p, "personnel"), get(g, "personnel")));
}

static double pair_score(const json_t *g, const slots *s)
{
	double sum = 0;
	for (int k = 0; k < SL_N; k++)
		if (s->has[k])
			sum += s->v[k];
	return sum / (s->n ? s->n : 1) - (given(get(g, "optional")) ? 0.5 : 0.0);
}

typedef struct pair {
	double score;
	size_t g, p;
} pair;

static int cmp_pair(const void *a, const void *b)
{
	const pair *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->g != y->g)
		return x->g > y->g ? -1 : 1;
	return x->p > y->p ? -1 : x->p < y->p;
}

/* ---- documents ------------------------------------------------------------ */

typedef struct doc {
	const char *name;
	size_t *gold, ngold, agold; /* indexes into the gold lines */
	size_t *pred, npred, apred; /* indexes into the predicted lines */
} doc;

typedef struct scorer {
	json_t **scope, **gold, **pred; /* the lines read, owned */
	size_t nscope, ngold, npred, ascope, agold, apred;
	doc *docs;
	size_t ndocs, adocs;
	size_t *slot_of; /* open addressing: doc index + 1, or 0 */
	size_t nslots;
	const at_text *in;
	at_diag_sink dsink;
	void *user;
	int bad;
	int err;
} scorer;

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ull;
	return h;
}

/* Put document i into the hash table (which has room). */
static void doc_slot(scorer *sc, size_t i)
{
	size_t h = hash_str(sc->docs[i].name) & (sc->nslots - 1);
	while (sc->slot_of[h])
		h = (h + 1) & (sc->nslots - 1);
	sc->slot_of[h] = i + 1;
}

/* The index of document `name`, added when `add`; (size_t)-1 when absent
 * (or out of memory: sc->err). */
static size_t doc_find(scorer *sc, const char *name, int add)
{
	for (size_t h = sc->nslots ? hash_str(name) & (sc->nslots - 1) : 0;
	     sc->nslots && sc->slot_of[h]; h = (h + 1) & (sc->nslots - 1))
		if (!strcmp(sc->docs[sc->slot_of[h] - 1].name, name))
			return sc->slot_of[h] - 1;
	if (!add)
		return (size_t)-1;
	if (at_grow((void **)&sc->docs, &sc->adocs, sc->ndocs, sizeof(doc), 64)) {
		sc->err = AT_ENOMEM;
		return (size_t)-1;
	}
	if ((sc->ndocs + 1) * 2 > sc->nslots) { /* keep the table at most half full */
		size_t n = sc->nslots ? sc->nslots * 2 : 128;
		size_t *t = calloc(n, sizeof(*t));
		if (!t) {
			sc->err = AT_ENOMEM;
			return (size_t)-1;
		}
		free(sc->slot_of);
		sc->slot_of = t;
		sc->nslots = n;
		for (size_t i = 0; i < sc->ndocs; i++)
			doc_slot(sc, i);
	}
	memset(&sc->docs[sc->ndocs], 0, sizeof(doc));
	sc->docs[sc->ndocs].name = name;
	doc_slot(sc, sc->ndocs);
	return sc->ndocs++;
}

static int push_idx(size_t **arr, size_t *n, size_t *alloc, size_t v)
{
	if (at_grow((void **)arr, alloc, *n, sizeof(size_t), 8))
		return AT_ENOMEM;
	(*arr)[(*n)++] = v;
	return 0;
}

static void diag(scorer *sc, size_t line, const char *msg)
{
	sc->bad++;
	if (!sc->dsink)
		return;
	at_diag d;
	memset(&d, 0, sizeof(d));
	snprintf(d.file, sizeof(d.file), "%s", sc->in && sc->in->name ? sc->in->name : "-");
	d.line = line;
	snprintf(d.msg, sizeof(d.msg), "%s", msg);
	sc->dsink(sc->user, &d);
}

/* The document a gold or scope line names; NULL (the line reported and
 * dropped) for a broken line or one with no "doc". */
static const char *line_doc(scorer *sc, size_t line, json_t *j, const char *err)
{
	if (!j) {
		diag(sc, line, err);
		return NULL;
	}
	const char *name = at_ev_str(j, "doc");
	if (!name || !name[0]) {
		diag(sc, line, "no \"doc\" (the document's file name)");
		json_decref(j);
		return NULL;
	}
	return name;
}

static int read_scope(void *user, size_t line, json_t *j, const char *err)
{
	scorer *sc = user;
	const char *name = line_doc(sc, line, j, err);
	if (!name)
		return 0;
	/* kept: the document's entry borrows its name */
	if (at_grow((void **)&sc->scope, &sc->ascope, sc->nscope, sizeof(json_t *), 64)) {
		json_decref(j);
		return sc->err = AT_ENOMEM;
	}
	sc->scope[sc->nscope++] = j;
	doc_find(sc, name, 1);
	return sc->err;
}

static int read_gold(void *user, size_t line, json_t *j, const char *err)
{
	scorer *sc = user;
	const char *name = line_doc(sc, line, j, err);
	if (!name)
		return 0;
	if (at_grow((void **)&sc->gold, &sc->agold, sc->ngold, sizeof(json_t *), 64)) {
		json_decref(j);
		return sc->err = AT_ENOMEM;
	}
	size_t gi = sc->ngold;
	sc->gold[sc->ngold++] = j;
	size_t d = doc_find(sc, name, 1);
	if (sc->err)
		return sc->err;
	doc *D = &sc->docs[d];
	return sc->err = push_idx(&D->gold, &D->ngold, &D->agold, gi);
}

static int read_pred(void *user, size_t line, json_t *j, const char *err)
{
	scorer *sc = user;
	if (!j) {
		diag(sc, line, err);
		return 0;
	}
	if (at_grow((void **)&sc->pred, &sc->apred, sc->npred, sizeof(json_t *), 64)) {
		json_decref(j);
		return sc->err = AT_ENOMEM;
	}
	size_t pi = sc->npred;
	sc->pred[sc->npred++] = j;
	/* every document it cites, once */
	const char *cited[64];
	size_t nc = 0, i;
	const json_t *s;
	const char *own = at_ev_str(j, "doc");
	json_array_foreach (json_object_get(j, "sources"), i, s) {
		const char *d = at_ev_str(s, "doc");
		if (d && d[0] && nc < 63)
			cited[nc++] = d;
	}
	if (own && own[0])
		cited[nc++] = own;
	for (i = 0; i < nc; i++) {
		int dup = 0;
		for (size_t k = 0; k < i; k++)
			dup = dup || !strcmp(cited[k], cited[i]);
		size_t d = dup ? (size_t)-1 : doc_find(sc, cited[i], 0);
		if (sc->err)
			return sc->err;
		if (d == (size_t)-1)
			continue;
		doc *D = &sc->docs[d];
		if ((sc->err = push_idx(&D->pred, &D->npred, &D->apred, pi)) != 0)
			return sc->err;
	}
	return 0;
}

/* ---- the result ------------------------------------------------------------ */

static double round3(double x)
{
	char s[64];
	snprintf(s, sizeof(s), "%.3f", x);
	return strtod(s, NULL);
}

/* "USA>UKR", "RUS", "GBR+KEN" */
static void who(const json_t *e, char *out, size_t n)
{
	const char *t = at_ev_str(e, "type");
	out[0] = '\0';
	if (t && !strcmp(t, "aid")) {
		const char *a = at_ev_code(e, "provider"), *b = at_ev_code(e, "recipient");
		snprintf(out, n, "%s>%s", a ? a : "?", b ? b : "?");
	} else if (t && !strcmp(t, "deployment")) {
		const char *a = at_ev_code(e, "actor");
		snprintf(out, n, "%s", a ? a : "?");
	} else {
		size_t i, used = 0;
		const json_t *a;
		json_array_foreach (get(e, "participants"), i, a) {
			const char *c = at_ev_str(a, "code");
			if (c && used < n)
				used += (size_t)snprintf(out + used, n - used, "%s%s",
							 used ? "+" : "", c);
		}
	}
}

/* The sentence of the prediction's source in document d. */
static const char *pred_sentence(const json_t *p, const char *d)
{
	size_t i;
	const json_t *s;
	json_array_foreach (get(p, "sources"), i, s) {
		const char *sd = at_ev_str(s, "doc");
		if (sd && !strcmp(sd, d))
			return at_ev_str(s, "sentence");
	}
	return NULL;
}

static json_t *error_entry(const char *kind, const char *d, const json_t *e, const char *group,
			   const char *sentence)
{
	char w[256];
	who(e, w, sizeof(w));
	const char *t = at_ev_str(e, "type");
	json_t *o = json_object();
	json_object_set_new(o, "kind", json_string(kind));
	json_object_set_new(o, "doc", json_string(d));
	json_object_set_new(o, "type", t ? json_string(t) : json_null());
	json_object_set_new(o, "who", json_string(w));
	if (group)
		json_object_set_new(o, "group", json_string(group));
	json_object_set_new(o, "sentence", sentence ? json_string(sentence) : json_null());
	return o;
}

static json_t *slot_value(const json_t *e, int k)
{
	static const char *const field[SL_N] = {"status", "kinds", "participants", "items",
						"items",  "value", "when",         "personnel"};
	const json_t *v = get(e, field[k]);
	return v ? json_deep_copy(v) : json_null();
}

static json_t *score_all(scorer *sc, unsigned flags)
{
	size_t tp = 0, fp = 0, fn = 0;
	double slot_sum[SL_N] = {0};
	size_t slot_n[SL_N] = {0};
	json_t *errors = json_array();
	/* the predicted event each gold line was paired with, + 1 (0: none) */
	size_t *paired = calloc(sc->ngold + 1, sizeof(size_t));
	if (!paired || !errors) {
		free(paired);
		json_decref(errors);
		return NULL;
	}
	for (size_t di = 0; di < sc->ndocs; di++) {
		doc *D = &sc->docs[di];
		size_t np = 0;
		pair *pairs = NULL;
		if (D->ngold && D->npred) {
			pairs = malloc(D->ngold * D->npred * sizeof(*pairs));
			if (!pairs)
				goto oom;
		}
		for (size_t g = 0; g < D->ngold; g++)
			for (size_t p = 0; p < D->npred; p++) {
				const json_t *G = sc->gold[D->gold[g]], *P = sc->pred[D->pred[p]];
				if (!actors_match(G, P))
					continue;
				slots s;
				score_slots(G, P, &s);
				pairs[np++] = (pair){pair_score(G, &s), g, p};
			}
		if (np)
			qsort(pairs, np, sizeof(*pairs), cmp_pair);
		char *gused = calloc(D->ngold + 1, 1), *pused = calloc(D->npred + 1, 1);
		if (!gused || !pused) {
			free(gused);
			free(pused);
			free(pairs);
			goto oom;
		}
		for (size_t k = 0; k < np; k++) {
			size_t g = pairs[k].g, p = pairs[k].p;
			if (gused[g] || pused[p])
				continue;
			gused[g] = pused[p] = 1;
			const json_t *G = sc->gold[D->gold[g]], *P = sc->pred[D->pred[p]];
			paired[D->gold[g]] = D->pred[p] + 1;
			if (given(get(G, "optional")))
				continue;
			tp++;
			slots s;
			score_slots(G, P, &s);
			for (int i = 0; i < SL_N; i++) {
				if (!s.has[i])
					continue;
				slot_sum[i] += s.v[i];
				slot_n[i]++;
				if (s.v[i] < 1 && (flags & AT_SCORE_ERRORS)) {
					json_t *o = json_object();
					json_object_set_new(o, "kind", json_string("slot"));
					json_object_set_new(o, "doc", json_string(D->name));
					json_object_set_new(o, "slot", json_string(slot_name[i]));
					json_object_set_new(o, "gold", slot_value(G, i));
					json_object_set_new(o, "pred", slot_value(P, i));
					json_array_append_new(errors, o);
				}
			}
		}
		for (size_t g = 0; g < D->ngold; g++) {
			const json_t *G = sc->gold[D->gold[g]];
			if (gused[g] || given(get(G, "optional")))
				continue;
			fn++;
			if (flags & AT_SCORE_ERRORS)
				json_array_append_new(errors,
						      error_entry("missed", D->name, G,
								  at_ev_str(G, "group"),
								  at_ev_str(G, "evidence")));
		}
		for (size_t p = 0; p < D->npred; p++) {
			if (pused[p])
				continue;
			fp++;
			const json_t *P = sc->pred[D->pred[p]];
			if (flags & AT_SCORE_ERRORS)
				json_array_append_new(errors,
						      error_entry("false", D->name, P, NULL,
								  pred_sentence(P, D->name)));
		}
		free(gused);
		free(pused);
		free(pairs);
	}
	double prec = tp + fp ? (double)tp / (double)(tp + fp) : 0.0;
	double rec = tp + fn ? (double)tp / (double)(tp + fn) : 0.0;
	double f1 = prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0.0;

	/* merge links between the non-optional gold lines of different documents */
	size_t gold_links = 0, found = 0, pred_links = 0, correct = 0;
	for (size_t a = 0; a < sc->ngold; a++) {
		const json_t *A = sc->gold[a];
		if (given(get(A, "optional")))
			continue;
		const char *da = at_ev_str(A, "doc");
		for (size_t b = a + 1; b < sc->ngold; b++) {
			const json_t *B = sc->gold[b];
			if (given(get(B, "optional")) ||
			    !strcmp(da, at_ev_str(B, "doc")))
				continue;
			int linked = paired[a] && paired[a] == paired[b];
			int same_group = same(get(A, "group"), get(B, "group"));
			gold_links += same_group;
			found += same_group && linked;
			pred_links += linked;
			correct += linked && same_group;
		}
	}
	free(paired);

	json_t *slots_o = json_object();
	/* by name */
	static const int by_name[SL_N] = {SL_CATS, SL_QTYS, SL_KINDS, SL_PARTS,
					  SL_PERS, SL_STATUS, SL_VALUE, SL_WHEN};
	for (int i = 0; i < SL_N; i++)
		if (slot_n[by_name[i]])
			json_object_set_new(slots_o, slot_name[by_name[i]],
					    json_real(round3(slot_sum[by_name[i]] /
							     (double)slot_n[by_name[i]])));
	json_t *r = json_pack(
		"{s:{s:I,s:I,s:I,s:f,s:f,s:f},s:o,s:{s:I,s:I,s:I,s:I,s:o,s:o}}", "events", "tp",
		(json_int_t)tp, "fp", (json_int_t)fp, "fn", (json_int_t)fn, "precision",
		round3(prec), "recall", round3(rec), "f1", round3(f1), "slots", slots_o, "merge",
		"gold_links", (json_int_t)gold_links, "found", (json_int_t)found,
		"predicted_links", (json_int_t)pred_links, "correct", (json_int_t)correct,
		"recall", gold_links ? json_real(round3((double)found / (double)gold_links)) : json_null(),
		"precision",
		pred_links ? json_real(round3((double)correct / (double)pred_links)) : json_null());
	if (r && (flags & AT_SCORE_ERRORS))
		json_object_set(r, "errors", errors);
	json_decref(errors);
	return r;
oom:
	free(paired);
	json_decref(errors);
	return NULL;
}

/* The figures for people. */
static void table(at_buf *b, const json_t *r)
{
	const json_t *e = get(r, "events"), *m = get(r, "merge");
#define NUM(o, k) json_number_value(get(o, k))
#define INT(o, k) (long long)json_integer_value(get(o, k))
	at_buf_printf(b,
		      "events  precision %.3f  recall %.3f  F1 %.3f   (tp %lld, fp %lld, fn "
		      "%lld)\n",
		      NUM(e, "precision"), NUM(e, "recall"), NUM(e, "f1"), INT(e, "tp"),
		      INT(e, "fp"), INT(e, "fn"));
	const char *k;
	const json_t *v;
	json_object_foreach ((json_t *)get(r, "slots"), k, v)
		at_buf_printf(b, "slot    %-16s %.3f\n", k, json_number_value(v));
	at_buf_printf(b, "merge   gold links found %lld of %lld", INT(m, "found"),
		      INT(m, "gold_links"));
	if (json_is_number(get(m, "recall")))
		at_buf_printf(b, " (recall %.3f)", NUM(m, "recall"));
	at_buf_printf(b, "; predicted links correct %lld of %lld", INT(m, "correct"),
		      INT(m, "predicted_links"));
	if (json_is_number(get(m, "precision")))
		at_buf_printf(b, " (precision %.3f)", NUM(m, "precision"));
	at_buf_adds(b, "\n");
	size_t i;
	json_array_foreach ((json_t *)get(r, "errors"), i, v) {
		const char *kind = at_ev_str(v, "kind");
		if (!strcmp(kind, "slot")) {
			char *g = json_dumps(get(v, "gold"), JSON_COMPACT | JSON_ENCODE_ANY);
			char *p = json_dumps(get(v, "pred"), JSON_COMPACT | JSON_ENCODE_ANY);
			at_buf_printf(b, "  slot %s %s: gold %.200s, predicted %.200s\n",
				      at_ev_str(v, "slot"), at_ev_str(v, "doc"), g ? g : "?",
				      p ? p : "?");
			free(g);
			free(p);
			continue;
		}
		const char *grp = at_ev_str(v, "group"), *s = at_ev_str(v, "sentence");
		at_buf_printf(b, "  %s %s: %s %s%s%s\n      %s\n", kind, at_ev_str(v, "doc"),
			      at_ev_str(v, "type") ? at_ev_str(v, "type") : "?",
			      at_ev_str(v, "who"), grp ? " " : "", grp ? grp : "",
			      s ? s : "(no sentence)");
	}
#undef NUM
#undef INT
}

int at_score(const at_text *gold, const at_text *pred, const at_text *docs, unsigned flags,
	     char **out, size_t *outlen, at_diag_sink dsink, void *user)
{
	if (!gold || !pred || !out)
		return AT_EINVAL;
	*out = NULL;
	if (outlen)
		*outlen = 0;
	scorer sc;
	memset(&sc, 0, sizeof(sc));
	sc.dsink = dsink;
	sc.user = user;
	int rc = 0;
	if (docs) {
		sc.in = docs;
		rc = at_ev_lines(docs->data, docs->len, 0, read_scope, &sc);
	}
	if (!rc) {
		sc.in = gold;
		rc = at_ev_lines(gold->data, gold->len, AT_EV_NEED_TYPE, read_gold, &sc);
	}
	if (!rc) {
		sc.in = pred;
		rc = at_ev_lines(pred->data, pred->len, AT_EV_NEED_TYPE, read_pred, &sc);
	}
	json_t *r = rc ? NULL : score_all(&sc, flags);
	if (!rc && !r)
		rc = AT_ENOMEM;
	if (r) {
		at_buf b;
		at_buf_init(&b, (size_t)1 << 30);
		if (flags & AT_SCORE_JSON) {
			char *s = json_dumps(r, JSON_INDENT(1) | JSON_REAL_PRECISION(15));
			if (s) {
				at_buf_adds(&b, s);
				at_buf_adds(&b, "\n");
			} else {
				b.err = AT_ENOMEM;
			}
			free(s);
		} else {
			table(&b, r);
		}
		if (b.err) {
			rc = b.err;
			at_buf_free(&b);
		} else {
			*out = at_buf_take(&b, outlen);
		}
		json_decref(r);
	}
	for (size_t i = 0; i < sc.ngold; i++)
		json_decref(sc.gold[i]);
	for (size_t i = 0; i < sc.npred; i++)
		json_decref(sc.pred[i]);
	for (size_t i = 0; i < sc.nscope; i++)
		json_decref(sc.scope[i]);
	free(sc.scope);
	for (size_t i = 0; i < sc.ndocs; i++) {
		free(sc.docs[i].gold);
		free(sc.docs[i].pred);
	}
	free(sc.gold);
	free(sc.pred);
	free(sc.docs);
	free(sc.slot_of);
	if (!rc && sc.bad)
		rc = AT_EPARSE;
	return rc;
}
