/* SPDX-License-Identifier: MIT */
/*
 * assemble.c — the events of one document: frames that describe the same act
 * (the headline and the body, a sentence and the one that continues it)
 * merge into one event; the finished events get ids, source sentences and
 * texts copied out of the document. Exports at_extract__add_event and
 * at_extract__finish.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "extract.h"

static int64_t days(const at_date *x, int end)
{
	int m = x->m ? x->m : (end ? 12 : 1);
	int d = x->d ? x->d : (end ? at_days_in_month(x->y, m) : 1);
	return at_days_from_civil(x->y, m, d);
}

static int overlap(const at_event_rec *a, const at_event_rec *b)
{
	return days(&a->w0, 0) <= days(&b->w1, 1) && days(&b->w0, 0) <= days(&a->w1, 1);
}

/* An event dated well before the report is another act than an undated one. */
static int old_date(const docx *d, const at_event_rec *e)
{
	if (e->old)
		return 1;
	if (e->has_when != 1 || !d->pub.y)
		return 0;
	at_date p = d->pub;
	return days(&e->w1, 1) < days(&p, 0) - 30;
}

static int dates_ok(const docx *d, const at_event_rec *a, const at_event_rec *b)
{
	if (a->old != b->old)
		return 0;
	int da = a->has_when == 1, db = b->has_when == 1;
	if (da && db)
		return overlap(a, b);
	if (!da && !db)
		return 1;
	const at_event_rec *dated = da ? a : b;
	return !old_date(d, dated);
}

/* 1: compatible, 0: different amounts, 2: same figure in other currencies */
static int values_ok(const at_event_rec *a, const at_event_rec *b)
{
	if (!a->has_value || !b->has_value)
		return 1;
	double x = a->amount, y = b->amount;
	if (strcmp(a->cur, b->cur) == 0)
		return fabs(x - y) <= 0.05 * fmax(x, y);
	if (fabs(x - y) <= 0.01 * fmax(x, y))
		return 2;
	if (a->usd > 0 && b->usd > 0)
		return fabs(a->usd - b->usd) <= 0.1 * fmax(a->usd, b->usd);
	return 1; /* cannot compare without rates */
}

static int same_set(const at_event_rec *a, const at_event_rec *b, int *subset)
{
	int ab = 1, ba = 1;
	for (int i = 0; i < a->npart; i++) {
		int f = 0;
		for (int j = 0; j < b->npart; j++)
			f |= a->part[i] == b->part[j];
		ab &= f;
	}
	for (int j = 0; j < b->npart; j++) {
		int f = 0;
		for (int i = 0; i < a->npart; i++)
			f |= a->part[i] == b->part[j];
		ba &= f;
	}
	*subset = ab || ba;
	return ab && ba;
}

/* pledged, being delivered, delivered: three stages of one lifecycle */
static int pledge_like(int st) { return st == ST_INTENT || st == ST_COMMITTED ? 0 : st; }

static int lifecycle_ok(const at_event_rec *a, const at_event_rec *b)
{
	if (a->headline_only || b->headline_only)
		return 1;
	if (a->kinds == K_GENERAL || b->kinds == K_GENERAL)
		return 1;
	if (pledge_like(a->status) == pledge_like(b->status))
		return 1;
	/* a pledge stated by a cue ("will", "agreed to") stays apart from a
	 * delivery; "offered its corvette" at a handover does not */
	const at_event_rec *pledge = pledge_like(a->status) ? b : a;
	return pledge->soft_status;
}

static int umbrella(const docx *d, const at_item_rec *it);

/*
 * Do two mentions name different materiel, so that they are two acts ("two
 * patrol boats in 2019" and "four trucks now")? Only items that name
 * something count (not "equipment", "weapons"); a mention with none of them
 * is an anaphor or a summary and differs from nothing. Different when no
 * category is shared, or when a shared category has two different counts.
 */
int at_extract__named_items(const docx *d, const at_event_rec *e)
{
	int n = 0;
	for (int i = 0; i < e->nitems; i++)
		n += !umbrella(d, &e->items[i]) && e->items[i].cat != AT_N_ITEM_CATS - 1;
	return n;
}

static int vehicles(int cat)
{
	return !strcmp(AT_ITEM_CATS[cat], "vehicle") ||
	       !strcmp(AT_ITEM_CATS[cat], "armored_vehicle");
}

/* Is category `gen` a wider word for `cat`: "vehicle" for tanks and armored
 * vehicles, "aircraft" for helicopters and drones? */
static int wider_cat(int gen, int cat)
{
	const char *g = AT_ITEM_CATS[gen], *c = AT_ITEM_CATS[cat];
	if (!strcmp(g, "vehicle"))
		return !strcmp(c, "armored_vehicle") || !strcmp(c, "tank");
	if (!strcmp(g, "aircraft"))
		return !strcmp(c, "helicopter") || !strcmp(c, "drone");
	return 0;
}

static size_t tok_at(const docx *d, uint32_t at);

/* Is item x a bare definite re-mention in a wider word of item y: "20
 * armoured vehicles ... The vehicles were handed over", "a helicopter ...
 * the aircraft"? */
static int wider_remention(const docx *d, const at_item_rec *x, const at_item_rec *y)
{
	if (x->qty >= 0 || !wider_cat(x->cat, y->cat))
		return 0;
	size_t t = tok_at(d, x->start);
	if (t == 0 || t + 1 > d->ntoks || d->toks[t].end != x->end)
		return 0; /* one word: "the vehicles", not "the new patrol vehicles" */
	const at_tok *p = &d->toks[t - 1];
	return !strcmp(p->norm, "the") || !strcmp(p->norm, "these") || !strcmp(p->norm, "those");
}

int at_extract__same_drill_name(const char *s, uint32_t a0, uint32_t a1, uint32_t b0,
				uint32_t b1)
{
	uint32_t la = a1 - a0, lb = b1 - b0;
	if (la > lb) {
		uint32_t t0 = a0, tl = la;
		a0 = b0;
		la = lb;
		b0 = t0;
		lb = tl;
	}
	/* a (the shorter) begins b, and b goes on with an edition only */
	if (strncasecmp(s + a0, s + b0, la))
		return 0;
	int digit = la == lb;
	for (uint32_t k = la; k < lb; k++) {
		char c = s[b0 + k];
		if (c >= '0' && c <= '9')
			digit = 1;
		else if (c != ' ' && c != '-')
			return 0;
	}
	return digit;
}

/* Does byte offset `at` lie in a headline sentence? */
static int in_headline(const docx *d, uint32_t at)
{
	for (size_t i = 0; i < d->nsents; i++)
		if (at >= d->sents[i].start && at < d->sents[i].end)
			return d->sents[i].role == AT_ROLE_HEADLINE;
	return 0;
}

/* Is item i of e the headline's word for what the body names ("vehicles"
 * above "60 armoured vehicles")? Such a word compares with nothing. */
static int headline_word(const docx *d, const at_event_rec *e, int i)
{
	if (e->items[i].qty >= 0 || !in_headline(d, e->items[i].start))
		return 0;
	for (int k = 0; k < e->nitems; k++)
		if (!in_headline(d, e->items[k].start))
			return 1;
	return 0;
}

int at_extract__items_differ(const docx *d, const at_event_rec *a, const at_event_rec *b)
{
	int shared = 0;
	if (!at_extract__named_items(d, a) || !at_extract__named_items(d, b))
		return 0;
	for (int i = 0; i < a->nitems; i++)
		for (int j = 0; j < b->nitems; j++) {
			const at_item_rec *x = &a->items[i], *y = &b->items[j];
			if (x->cat == AT_N_ITEM_CATS - 1 || headline_word(d, a, i) ||
			    headline_word(d, b, j))
				continue;
			/* "security vehicles" and "armored vehicles" may be one lot */
			if (x->cat != y->cat) {
				shared |= (x->qty < 0 && y->qty < 0 && vehicles(x->cat) &&
					   vehicles(y->cat)) ||
					  wider_remention(d, x, y) || wider_remention(d, y, x);
				continue;
			}
			if (x->qty >= 0 && y->qty >= 0 && x->qty != y->qty)
				return 1;
			shared = 1;
		}
	return !shared;
}

static size_t tok_at(const docx *d, uint32_t at);

/* Does the event's place name nothing ("the capital", "the region"), or
 * only its state ("Haiti")? 1 generic, 2 the state, 0 else. */
static int place_kind(const docx *d, const at_event_rec *e)
{
	size_t t = tok_at(d, e->place_start);
	int named = 0;
	for (size_t k = t; k < d->ntoks && d->toks[k].end <= e->place_end && !named; k++)
		named = (d->toks[k].flags & AT_TF_CAP) != 0;
	if (!named)
		return 1;
	lx_hit hits[8];
	size_t nh = lx_match(d->ctx, d->s, d->toks, t, d->ntoks, hits, 8);
	for (size_t h = 0; h < nh; h++)
		if (hits[h].e->cls == LX_STATE && hits[h].e->key == e->place_country &&
		    d->toks[t + hits[h].ntok - 1].end == e->place_end)
			return 2;
	return 0;
}

/* Do both events name a place, neither naming the other's last word ("Leh"
 * and "forward locations in Punjab")? */
static int places_differ(const docx *d, const at_event_rec *a, const at_event_rec *b)
{
	if (!a->has_place || !b->has_place)
		return 0;
	/* "the capital" names no other place; "Haiti" holds "Port-au-Prince" */
	int ka = place_kind(d, a), kb = place_kind(d, b);
	if (ka == 1 || kb == 1 ||
	    ((ka == 2 || kb == 2) && a->place_country == b->place_country))
		return 0;
	const char *sa = d->s + a->place_start, *sb = d->s + b->place_start;
	size_t la = a->place_end - a->place_start, lb = b->place_end - b->place_start;
	/* the last word of each */
	size_t wa = la, wb = lb;
	while (wa > 0 && sa[wa - 1] != ' ')
		wa--;
	while (wb > 0 && sb[wb - 1] != ' ')
		wb--;
	size_t na = la - wa, nb = lb - wb;
	for (size_t i = 0; i + nb <= la; i++)
		if (!strncasecmp(sa + i, sb + wb, nb))
			return 0;
	for (size_t i = 0; i + na <= lb; i++)
		if (!strncasecmp(sb + i, sa + wa, na))
			return 0;
	return 1;
}

static int compatible(const docx *d, const at_event_rec *a, const at_event_rec *b)
{
	if (a->type != b->type)
		return 0;
	if (!dates_ok(d, a, b))
		return 0;
	/* other materiel in another sentence is another act */
	if (a->type != EV_EXERCISE && a->sent0 != b->sent0 && !a->headline_only &&
	    !b->headline_only && at_extract__items_differ(d, a, b))
		return 0;
	switch (a->type) {
	case EV_AID: {
		if (a->provider != b->provider || a->recipient != b->recipient)
			return 0;
		/* "a separate shipment", "the first batch": said to be another act */
		if ((a->listed || b->listed) && a->sent0 != b->sent0)
			return 0;
		/* a pledge and a delivery are two acts of one lifecycle (two verbs
		 * of one sentence are one act) */
		if (a->sent0 != b->sent0 && !lifecycle_ok(a, b))
			return 0;
		int v = values_ok(a, b);
		if (!v)
			return 0;
		/* "X, which has given Ukraine 100 tanks, will also supply
		 * shells": another stage of other materiel in one sentence */
		if (a->sent0 == b->sent0 && !a->headline_only && !b->headline_only &&
		    !pledge_like(a->status) != !pledge_like(b->status) &&
		    at_extract__items_differ(d, a, b))
			return 0;
		/* "handed rifles ... and sent instructors to train": two verbs
		 * of one sentence giving other kinds of aid are two acts */
		if (a->sent0 == b->sent0 && !a->headline_only && !(a->kinds & b->kinds) &&
		    !((a->kinds | b->kinds) & K_GENERAL))
			return 0;
		if (v == 2 || (a->has_value && b->has_value) || a->sent0 == b->sent0)
			return 1;
		if ((a->kinds & b->kinds) || a->kinds == K_GENERAL || b->kinds == K_GENERAL ||
		    a->headline_only || b->headline_only)
			return 1;
		return 0;
	}
	case EV_EXERCISE: {
		/* "Kaseh 1" and "al-Rieck 2" are two exercises */
		if (a->name_end && b->name_end &&
		    !at_extract__same_drill_name(d->s, a->name_start, a->name_end, b->name_start,
						 b->name_end))
			return 0;
		/* "among them Red Flag and Anatolian Eagle", "another exercise":
		 * each its own (two names are compared just above) */
		if ((a->listed || b->listed) && !(a->name_end && b->name_end))
			return 0;
		int subset;
		if (same_set(a, b, &subset) || b->anaphor)
			return 1;
		if (!subset)
			return 0;
		const at_event_rec *small = a->npart < b->npart ? a : b;
		return small->has_when != 1 && small->personnel < 0;
	}
	default:
		if (a->actor != b->actor)
			return 0;
		/* "a second contingent arrived": another move than one not so
		 * counted (the headline's and the body's "second" may be one) */
		if (a->listed != b->listed && !a->headline_only && !b->headline_only)
			return 0;
		/* "will deploy two more jets" and "has already deployed jets":
		 * a move announced by a cue and one done are two moves */
		if (a->sent0 != b->sent0 && !a->headline_only && !b->headline_only &&
		    (!pledge_like(a->status) != !pledge_like(b->status))) {
			const at_event_rec *plan = pledge_like(a->status) ? b : a;
			if (!plan->soft_status)
				return 0;
		}
		/* "X will be replaced by Y" swaps two units: two such sentences
		 * are two rotations */
		if (a->sent0 != b->sent0 && !strncmp(a->why, "deployment:replac", 17) &&
		    !strncmp(b->why, "deployment:replac", 17))
			return 0;
		/* forces moved to two different places are two moves */
		if (a->sent0 != b->sent0 && !a->headline_only && !b->headline_only &&
		    !a->anaphor && !b->anaphor && places_differ(d, a, b))
			return 0;
		/* "Over 1,000 British troops" in the headline, "about 1,100" in
		 * the body: round counts a tenth apart are one move */
		if (a->personnel < 0 || b->personnel < 0)
			return 1;
		int64_t lo = a->personnel < b->personnel ? a->personnel : b->personnel;
		int64_t hi = a->personnel < b->personnel ? b->personnel : a->personnel;
		return hi * 10 <= lo * 11;
	}
}

static void merge_into(at_event_rec *t, const at_event_rec *e, int conflict)
{
	int general_only = e->type == EV_AID && e->kinds == K_GENERAL && t->kinds != K_GENERAL;
	if (t->headline_only && !e->headline_only) {
		/* a headline's present tense ("unveils") yields to the body */
		t->status = e->status;
		t->soft_status = e->soft_status;
	} else if (!general_only && !(e->headline_only && !t->headline_only) &&
		   e->status > t->status /* intent < committed < underway < completed */) {
		t->status = e->status;
		t->soft_status = e->soft_status;
	}
	if (t->headline_only && !e->headline_only)
		t->kinds = e->kinds; /* the body says what the headline sums up */
	else if (!e->headline_only || t->headline_only)
		t->kinds |= e->kinds;
	if (t->kinds != K_GENERAL)
		t->kinds &= (uint8_t)~K_GENERAL;
	for (int i = 0; i < e->nitems && t->nitems < 12; i++) {
		int dup = 0;
		for (int j = 0; j < t->nitems; j++)
			dup |= t->items[j].start == e->items[i].start ||
				(t->items[j].cat == e->items[i].cat && e->items[i].qty < 0 &&
				 t->items[j].end - t->items[j].start ==
					 e->items[i].end - e->items[i].start);
		if (!dup)
			t->items[t->nitems++] = e->items[i];
	}
	if (e->has_value) {
		int take = !t->has_value ||
			   (t->val_headline && !e->val_headline) ||
			   (t->usd < 0 && e->usd >= 0 && t->val_headline == e->val_headline &&
			    strcmp(t->cur, "USD") != 0 && strcmp(t->cur, e->cur) == 0);
		if (conflict && t->nconf < 4) {
			t->conf[t->nconf].field = "value";
			t->conf[t->nconf].a0 = t->val_start;
			t->conf[t->nconf].a1 = t->val_end;
			t->conf[t->nconf].b0 = e->val_start;
			t->conf[t->nconf].b1 = e->val_end;
			t->nconf++;
		}
		if (take) {
			t->has_value = 1;
			t->amount = e->amount;
			t->usd = e->usd;
			memcpy(t->cur, e->cur, sizeof(t->cur));
			t->cur_bare = e->cur_bare;
			t->val_start = e->val_start;
			t->val_end = e->val_end;
			t->val_headline = e->val_headline;
		}
	}
	if (e->has_when == 1 && (t->has_when != 1 || (days(&e->w1, 1) - days(&e->w0, 0) <
						      days(&t->w1, 1) - days(&t->w0, 0)))) {
		t->has_when = 1;
		t->w0 = e->w0;
		t->w1 = e->w1;
		t->when_start = e->when_start;
		t->when_end = e->when_end;
	} else if (!t->has_when && e->has_when) {
		t->has_when = e->has_when;
		t->when_start = e->when_start;
		t->when_end = e->when_end;
	}
	if (t->personnel < 0)
		t->personnel = e->personnel;
	if (!t->name_end && e->name_end) {
		t->name_start = e->name_start;
		t->name_end = e->name_end;
	}
	if (!t->has_place && e->has_place) {
		t->has_place = 1;
		t->place_start = e->place_start;
		t->place_end = e->place_end;
		t->place_country = e->place_country;
	}
	for (int i = 0; i < e->npart && t->npart < AT_MAX_PART; i++) {
		int dup = 0;
		for (int j = 0; j < t->npart; j++)
			dup |= t->part[j] == e->part[i];
		if (!dup)
			t->part[t->npart++] = e->part[i];
	}
	for (int i = 0; i < e->nsrc; i++) {
		int dup = 0;
		for (int j = 0; j < t->nsrc; j++)
			dup |= t->src[j].start == e->src[i].start;
		if (!dup && t->nsrc < 8)
			t->src[t->nsrc++] = e->src[i];
	}
	if (!e->headline_only)
		t->headline_only = 0;
	t->old |= e->old;
	t->confidence = fmin(0.95, fmax(t->confidence, e->confidence) + 0.05);
	if (e->sent > t->sent)
		t->sent = e->sent;
}

int at_extract__add_event(docx *d, at_events *out, at_event_rec *ev)
{
	d->made = 1;
#ifdef AT_TRACE
	/* development builds only (-DAT_TRACE): each mention as it joins */
	fprintf(stderr, "  + %s k=%d st=%d sent=%u items=%d when=%d:%d-%d %s\n",
		ev->type == EV_AID ? "aid" : ev->type == EV_EXERCISE ? "ex" : "dep", ev->kinds,
		ev->status, ev->sent0, ev->nitems, ev->has_when, ev->w0.y, ev->w0.m, ev->why);
#endif
	for (size_t i = out->n; i-- > 0;) {
		at_event_rec *t = &out->ev[i];
		if (!compatible(d, t, ev))
			continue;
		merge_into(t, ev, ev->type == EV_AID && values_ok(t, ev) == 2);
#ifdef AT_TRACE
		fprintf(stderr, "    = joins event %zu\n", i);
#endif
		return (int)i;
	}
	if (at_arena_grow(&out->mem, (void **)&out->ev, out->n, &out->cap, sizeof(*out->ev), 16))
		return AT_ENOMEM;
	out->ev[out->n] = *ev;
	return (int)out->n++;
}

/* Copy bytes [s, e) of the document, folding runs of white space. */
static const char *copy_text(at_events *out, const docx *d, uint32_t s, uint32_t e)
{
	if (e <= s || e > d->doc->len)
		return NULL;
	char *p = at_arena_alloc(&out->mem, (size_t)(e - s) + 1);
	if (!p)
		return NULL;
	size_t k = 0;
	int space = 0;
	for (uint32_t i = s; i < e; i++) {
		char c = d->s[i];
		if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
			space = 1;
			continue;
		}
		if (space && k)
			p[k++] = ' ';
		space = 0;
		p[k++] = c;
	}
	p[k] = '\0';
	return p;
}

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;
	for (size_t i = 0; i < n; i++) {
		h ^= c[i];
		h *= 1099511628211ull;
	}
	return h;
}

/* Umbrella words for materiel: dropped when the event names specific items. */
static int umbrella(const docx *d, const at_item_rec *it)
{
	static const char *const U[] = {"weapons", "weaponry", "arms", "equipment",
					"military equipment", "hardware", "military hardware",
					"materiel", "military materiel", "weapons and equipment",
					"military-technical equipment", "armaments", NULL};
	size_t n = it->end - it->start;
	for (int i = 0; U[i]; i++)
		if (strlen(U[i]) == n && !strncasecmp(d->s + it->start, U[i], n))
			return 1;
	return 0;
}

static void drop_umbrellas(const docx *d, at_event_rec *ev)
{
	int specific = 0;
	for (int k = 0; k < ev->nitems; k++)
		if (ev->items[k].cat != AT_N_ITEM_CATS - 1)
			specific = 1;
	if (!specific)
		return;
	int w = 0;
	for (int k = 0; k < ev->nitems; k++)
		if (!(ev->items[k].qty < 0 && umbrella(d, &ev->items[k])))
			ev->items[w++] = ev->items[k];
	ev->nitems = w;
}

/* The last word of an item's text ("vessels" of "two large Interceptor vessels"),
 * without a plural s, as [*w, *w + *n). */
static void head_word(const docx *d, const at_item_rec *it, const char **w, size_t *n)
{
	const char *s = d->s + it->start;
	size_t len = it->end - it->start, b = len;
	while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '-')
		b--;
	*w = s + b;
	*n = len - b;
	if (*n > 3 && (s[len - 1] == 's' || s[len - 1] == 'S'))
		(*n)--;
}

/* One entry per distinct item: a re-mention ("the vessels", "radar", or a
 * wider word: "the aircraft" of a helicopter) of an item listed with its
 * count or a fuller name ("two large Interceptor vessels") is dropped,
 * keeping the most specific text and its count. */
static void drop_rementions(const docx *d, at_event_rec *ev)
{
	int w = 0;
	for (int k = 0; k < ev->nitems; k++) {
		const at_item_rec *a = &ev->items[k];
		const char *ha;
		size_t na;
		head_word(d, a, &ha, &na);
		int dup = 0;
		for (int j = 0; j < ev->nitems && !dup; j++) {
			const at_item_rec *b = &ev->items[j];
			/* "a helicopter ... the aircraft" */
			if (j != k && wider_remention(d, a, b)) {
				dup = 1;
				continue;
			}
			if (j == k || b->cat != a->cat)
				continue;
			/* "patrol boats" in the headline, "two 97-metre patrol
			 * vessels" in the body: the body names them */
			int ha_ = in_headline(d, a->start), hb_ = in_headline(d, b->start);
			if (a->qty < 0 && ha_ && !hb_) {
				dup = 1;
				continue;
			}
			if (hb_ && !ha_)
				continue; /* a body item never yields to the headline's */
			const char *hb;
			size_t nb;
			head_word(d, b, &hb, &nb);
			if (na != nb || strncasecmp(ha, hb, na))
				continue;
			size_t la = a->end - a->start, lb = b->end - b->start;
			/* a is the weaker mention: no count where b has one, or
			 * the same count and a shorter text (the earlier on a tie) */
			if ((a->qty < 0 && b->qty >= 0) ||
			    (a->qty == b->qty && (la < lb || (la == lb && j < k))))
				dup = 1;
		}
		if (!dup)
			ev->items[w++] = *a;
	}
	ev->nitems = w;
}

/* The date whose rate converts the event's amount: the act's own date, else
 * the report's, as precise as the text is (a one-day act: that day; within
 * one month: the month; else the year of its start). 0 when there is none. */
static int rate_date(const docx *d, const at_event_rec *ev, at_date *when)
{
	if (ev->has_when == 1 && ev->w0.y) {
		*when = ev->w0;
		if (ev->w1.y != ev->w0.y || ev->w1.m != ev->w0.m)
			when->m = 0;
		if (!when->m || ev->w1.d != ev->w0.d)
			when->d = 0;
		return 1;
	}
	*when = d->pub;
	return d->pub.y != 0;
}

/* A figure for people: "1.13 billion" */
static void short_usd(char *out, size_t n, double v)
{
	if (v >= 1e9)
		snprintf(out, n, "$%.2f billion", v / 1e9);
	else if (v >= 1e6)
		snprintf(out, n, "$%.2f million", v / 1e6);
	else
		snprintf(out, n, "$%.0f", v);
}

/* The dollar of a state that has one of its own, or NULL. */
static const char *own_dollar(const char *alpha3)
{
	static const char *const D[][2] = {
		{"CAN", "CAD"}, {"AUS", "AUD"}, {"NZL", "NZD"}, {"SGP", "SGD"}, {"TWN", "TWD"},
		{"HKG", "HKD"}, {"BRN", "BND"}, {"FJI", "FJD"}, {"JAM", "JMD"}, {"TTO", "TTD"},
		{"BHS", "BSD"}, {"BRB", "BBD"}, {"BLZ", "BZD"}, {"GUY", "GYD"}, {"LBR", "LRD"},
		{"NAM", "NAD"}, {"SLB", "SBD"}};
	for (size_t i = 0; i < sizeof(D) / sizeof(D[0]); i++)
		if (strcmp(alpha3, D[i][0]) == 0)
			return D[i][1];
	return NULL;
}

/*
 * USD for the event's value: the article's own conversion when it gives one
 * (checked against the table: more than 30% apart is a conflict), else the
 * rate table at the act's or the report's date.
 */
static int convert_value(at_events *out, const docx *d, at_event_rec *ev)
{
	ev->usd_basis = AT_BASIS_NONE;
	/* "Canada will give $340 million": a bare "$" of a provider that pays
	 * in dollars of its own is that dollar (a US figure given beside it,
	 * "($268 million U.S.)", is then the article's conversion) */
	const char *own = ev->cur_bare && ev->provider != LX_NONE
				  ? own_dollar(d->ctx->keys[ev->provider].code)
				  : NULL;
	if (own) {
		memcpy(ev->cur, own, 4);
		ev->cur_of_provider = 1;
	} else if (ev->cur_bare) {
		ev->usd = ev->amount;
	}
	if (strcmp(ev->cur, "USD") == 0) {
		ev->usd = ev->amount;
		ev->usd_basis = AT_BASIS_TEXT;
		return 0;
	}
	at_date when, used;
	double rate = 0;
	int basis = rate_date(d, ev, &when)
			    ? at_money__rate(&d->ctx->rates, ev->cur, &when, &rate, &used)
			    : AT_BASIS_NONE;
	if (ev->usd >= 0) {
		ev->usd_basis = AT_BASIS_TEXT;
		double table = basis ? ev->amount / rate : -1;
		if (table > 0 && fabs(ev->usd - table) > 0.3 * table && ev->nconf < 4) {
			char txt[160], fig[48], ds[11];
			short_usd(fig, sizeof(fig), table);
			at_date_format(&used, ds);
			snprintf(txt, sizeof(txt), "%s at the %s rate of %s", fig,
				 AT_BASIS_NAMES[basis], ds);
			int c = ev->nconf++;
			memset(&ev->conf[c], 0, sizeof(ev->conf[c]));
			ev->conf[c].field = "usd";
			ev->conf[c].a = ev->val_text;
			ev->conf[c].b = at_arena_strndup(&out->mem, txt, strlen(txt));
			if (!ev->conf[c].b)
				return AT_ENOMEM;
		}
		return 0;
	}
	if (basis) {
		ev->usd = floor(ev->amount / rate + 0.5);
		ev->usd_basis = (uint8_t)basis;
		ev->usd_date = used;
	}
	return 0;
}

/* First token starting at or after byte `at`. */
static size_t tok_at(const docx *d, uint32_t at)
{
	size_t lo = 0, hi = d->ntoks;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->toks[mid].start < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void add_state(const docx *d, uint32_t key, const char **codes, int *n)
{
	if (key == LX_NONE || d->ctx->keys[key].cls != LX_STATE || *n >= 8)
		return;
	const char *c = d->ctx->keys[key].code;
	for (int i = 0; i < *n; i++)
		if (strcmp(codes[i], c) == 0)
			return;
	codes[(*n)++] = c;
}

/* Coordinates for the event's place from the gazetteer: the states its text
 * names (names, adjectives, parts of "Tajik-Afghan"), the place's own state
 * first, then the longest known name. */
static void place_coords(const docx *d, at_event_rec *ev)
{
	const char *codes[8];
	int n = 0;
	add_state(d, ev->place_country, codes, &n);
	lx_hit hits[8];
	for (size_t t = tok_at(d, ev->place_start); t < d->ntoks && d->toks[t].end <= ev->place_end;
	     t++) {
		const at_tok *k = &d->toks[t];
		size_t nh = lx_match(d->ctx, d->s, d->toks, t, d->ntoks, hits, 8);
		for (size_t h = 0; h < nh; h++)
			if (hits[h].e->cls == LX_STATE)
				add_state(d, hits[h].e->key, codes, &n);
		if (!(k->flags & AT_TF_HYPHEN) || nh)
			continue;
		/* "Tajik-Afghan": each part on its own */
		const char *w = k->norm;
		/* the original bytes line up with the folded ones only when as long */
		const char *o = k->end - k->start == k->nlen ? d->s + k->start : w;
		size_t len = k->nlen;
		for (size_t a = 0; a < len;) {
			size_t b = a;
			while (b < len && w[b] != '-')
				b++;
			size_t np = lx_word(d->ctx, w + a, b - a, o + a, hits, 8);
			for (size_t h = 0; h < np; h++)
				if (hits[h].e->cls == LX_STATE)
					add_state(d, hits[h].e->key, codes, &n);
			a = b + 1;
		}
	}
	/* "the border with Afghanistan": the other side is the event's own state */
	int named = n;
	add_state(d, ev->actor, codes, &n);
	add_state(d, ev->recipient, codes, &n);
	add_state(d, ev->provider, codes, &n);
	for (int i = 0; i < ev->npart; i++)
		add_state(d, ev->part[i], codes, &n);
	ev->has_fix = at_places__resolve(&d->ctx->places, ev->place_text, codes, n, &ev->place_fix);
	if (ev->has_fix && ev->place_fix.kind == PK_CENTROID && !named)
		ev->has_fix = 0; /* "at its base": the text does not say which state */
}

int at_extract__finish(docx *d, at_events *out)
{
	for (size_t i = 0; i < out->n; i++) {
		at_event_rec *ev = &out->ev[i];
		drop_umbrellas(d, ev);
		drop_rementions(d, ev);
		/* order sources by position */
		for (int a = 1; a < ev->nsrc; a++)
			for (int b = a; b > 0 && ev->src[b].start < ev->src[b - 1].start; b--) {
				__typeof__(ev->src[0]) tmp = ev->src[b];
				ev->src[b] = ev->src[b - 1];
				ev->src[b - 1] = tmp;
			}
		for (int s = 0; s < ev->nsrc; s++) {
			ev->src[s].sentence = copy_text(out, d, ev->src[s].start, ev->src[s].end);
			if (!ev->src[s].sentence)
				return AT_ENOMEM;
		}
		for (int k = 0; k < ev->nitems; k++)
			ev->items[k].text = copy_text(out, d, ev->items[k].start, ev->items[k].end);
		if (ev->has_value) {
			ev->val_text = copy_text(out, d, ev->val_start, ev->val_end);
		}
		if (ev->has_when)
			ev->when_text = copy_text(out, d, ev->when_start, ev->when_end);
		if (ev->has_place)
			ev->place_text = copy_text(out, d, ev->place_start, ev->place_end);
		if (ev->has_place && ev->place_text)
			place_coords(d, ev);
		for (int c = 0; c < ev->nconf; c++) {
			ev->conf[c].a = copy_text(out, d, ev->conf[c].a0, ev->conf[c].a1);
			ev->conf[c].b = copy_text(out, d, ev->conf[c].b0, ev->conf[c].b1);
		}
		if (ev->has_when == 2)
			ev->has_when = 0; /* an expression we could not resolve */
		if (ev->has_value && convert_value(out, d, ev))
			return AT_ENOMEM;
		if (!ev->status)
			ev->status = ST_COMMITTED;
		uint64_t h = 1469598103934665603ull;
		h = fnv(h, out->doc_id, strlen(out->doc_id));
		h = fnv(h, &ev->type, 1);
		h = fnv(h, &ev->src[0].start, sizeof(ev->src[0].start));
		/* (codes, not key numbers: an id stays when the tables grow) */
		const uint32_t who[3] = {ev->provider, ev->recipient, ev->actor};
		for (int w = 0; w < 3; w++) {
			const char *code = who[w] == LX_NONE ? "-" : d->ctx->keys[who[w]].code;
			h = fnv(h, code, strlen(code) + 1);
		}
		ev->id = h;
		/* an HTML page's text: offsets go back to the page's bytes */
		for (int s = 0; d->doc->map && s < ev->nsrc; s++)
			at_offset_map_span(d->doc->map, ev->src[s].start, ev->src[s].end,
					   &ev->src[s].start, &ev->src[s].end);
		ev->confidence = floor(ev->confidence * 100 + 0.5) / 100;
	}
	return 0;
}
