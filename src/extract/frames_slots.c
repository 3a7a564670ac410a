/* SPDX-License-Identifier: MIT */
/*
 * frames_slots.c — what fills a frame's slots: its date (report dates and
 * background left out), place, people counted, items and money, whether the
 * sentence is military, commercial context, the kinds of aid, a new event
 * record.
 */
#include "frames_int.h"

/* Is the date a report's date ("said Friday", "on Friday said")? */
static int report_date(const docx *d, const sent_info *si, const date_m *dm)
{
	int short_rel = dm->kind == DS_WEEKDAY || (dm->kind == DS_REL && dm->unit == 'd');
	for (uint32_t k = dm->t0; k > si->t0 && dm->t0 - k < 5; k--) {
		if (d->cue_start[k - 1] & CU_REPORT)
			return short_rel || dm->t0 - k < 3 ? short_rel || dm->kind == DS_ABS
							   : 0;
		if (d->trig[k - 1])
			break;
	}
	for (uint32_t k = dm->t1; k < si->t1 && k < dm->t1 + 2; k++)
		if (d->cue_start[k] & CU_REPORT)
			return 1;
	return 0;
}

int fr_vague_time(const docx *d, uint32_t c0, uint32_t c1)
{
	for (uint32_t k = c0; k < c1; k++)
		if (d->cue_start[k] & CU_VAGUE)
			return 1;
	return 0;
}

/* Is the date inside a comma phrase of another verb, before the trigger:
 * "Decommissioned in 2011 after 28 years, the corvette was offered ..."? */
static int other_verbs_date(const docx *d, const sent_info *si, const date_m *dm, uint32_t t)
{
	if (dm->t1 > t)
		return 0;
	/* "sent tanks in April and delivered howitzers in June": a date
	 * before "and" is the verb's before it */
	uint32_t v = t;
	while (v > dm->t1 && (eq(&d->toks[v - 1], "also") || eq(&d->toks[v - 1], "then") ||
			      eq(&d->toks[v - 1], "later") || eq(&d->toks[v - 1], "subsequently")))
		v--;
	if (v > dm->t1 && eq(&d->toks[v - 1], "and") && (d->trig[t] & (TR_VERBS | TR_MOVES)))
		for (uint32_t k = dm->t0; k-- > si->t0;)
			if ((d->trig[k] & (TR_VERBS | TR_MOVES)) && d->trig_form[k] == d->trig_form[t])
				return 1;
	uint32_t a = dm->t0, b = dm->t1;
	while (a > si->t0 && !eq(&d->toks[a - 1], ","))
		a--;
	while (b < t && !eq(&d->toks[b], ","))
		b++;
	if (b >= t)
		return 0; /* no comma between the date and the trigger */
	for (uint32_t k = a; k < b; k++) {
		if (k >= dm->t0 && k < dm->t1)
			continue;
		const at_tok *w = &d->toks[k];
		/* "Having just joined the SCO in September last year, India
		 * is dispatching": another verb's date, a trigger's too */
		if (w->type == AT_TOK_WORD && w->nlen > 3 && !strcmp(w->norm + w->nlen - 2, "ed"))
			return 1;
	}
	return 0;
}

/* "Until August 1993 Russian troops were stationed ...": a state of affairs
 * that ended before the report is background, not an event. */
int fr_ended_before(const docx *d, const sent_info *si, uint32_t c0, uint32_t c1)
{
	for (uint32_t k = 0; k < si->ndates; k++) {
		const date_m *dm = &si->dates[k];
		if (dm->t0 < c0 || dm->t1 > c1 || dm->t0 == si->t0)
			continue;
		const at_tok *p = &d->toks[dm->t0 - 1];
		if (!eq(p, "until") && !eq(p, "till"))
			continue;
		if (dm->kind != DS_ABS || !dm->b.y)
			continue;
		if (!d->pub.y || dm->b.y < d->pub.y)
			return 1;
	}
	return 0;
}

/* The date nearest to the trigger in [lo, hi), skipping report dates. */
const date_m *fr_pick_date(const docx *d, const sent_info *si, uint32_t t, uint32_t lo,
			   uint32_t hi, int speech)
{
	const date_m *best = NULL;
	uint32_t bestdist = 0xFFFFFFFF;
	for (uint32_t k = 0; k < si->ndates; k++) {
		const date_m *dm = &si->dates[k];
		if (dm->t0 < lo || dm->t1 > hi)
			continue;
		if (!speech && report_date(d, si, dm))
			continue;
		if (other_verbs_date(d, si, dm, t))
			continue;
		uint32_t dist = dm->t0 > t ? dm->t0 - t : t - dm->t1;
		if (dist < bestdist) {
			bestdist = dist;
			best = dm;
		}
	}
	/* "arrived this year, in January": the month narrows the year */
	for (uint32_t k = 0; best && best->kind == DS_REL && best->off == 0 && best->unit == 'y' &&
			     k < si->ndates;
	     k++) {
		const date_m *dm = &si->dates[k];
		if (dm->kind == DS_ABS && !dm->a.y && dm->a.m && dm->t0 > best->t1 &&
		    dm->t0 <= best->t1 + 3 && dm->t1 <= hi) {
			best = dm;
			break;
		}
	}
	return best;
}

/* A second date right after the act's, joined by "and" ("in 2012 and 2014",
 * "six in 2020 and four more in 2022", "in May and another six in June"):
 * the date of another act. Years must differ, or months of one year. */
const date_m *fr_other_date(const docx *d, const sent_info *si, const date_m *dm, uint32_t c1)
{
	if (dm->kind != DS_ABS || dm->a.y != dm->b.y || dm->a.m != dm->b.m)
		return NULL;
	for (uint32_t k = 0; k < si->ndates; k++) {
		const date_m *o = &si->dates[k];
		if (o->t0 <= dm->t1 || o->t1 > c1 || o->t0 > dm->t1 + 6 || o->kind != DS_ABS ||
		    o->a.y != o->b.y || o->a.m != o->b.m)
			continue;
		int other = (o->a.y && dm->a.y && o->a.y != dm->a.y) ||
			    (o->a.m && dm->a.m && o->a.m != dm->a.m && !o->a.d && !dm->a.d &&
			     (o->a.y == dm->a.y || !o->a.y));
		if (!other)
			continue;
		/* not "commissioned in 1983 and retired in 2011": no verb of
		 * its own between */
		int and_ = 0, verb = 0;
		for (uint32_t q = dm->t1; q < o->t0; q++) {
			const at_tok *w = &d->toks[q];
			and_ |= eq(w, "and");
			verb |= d->trig[q] || (w->type == AT_TOK_WORD && w->nlen > 3 &&
					       !strcmp(w->norm + w->nlen - 2, "ed"));
		}
		if (and_ && !verb)
			return o;
	}
	return NULL;
}

/* Does the clause speak of the future ("will", "plans to", "next")? */
static int future_marker(const docx *d, uint32_t c0, uint32_t c1)
{
	static const char *const F[] = {
		"will",      "'ll",   "shall",  "plans",  "plan",  "planned",  "planning",
		"scheduled", "set",   "due",    "going",  "next",  "upcoming", "expected",
		"intends",   "would", "starts", "begins", "opens", NULL};
	for (uint32_t k = c0; k < c1; k++)
		if (in_list(d->toks[k].norm, F))
			return 1;
	return 0;
}

void fr_set_when(docx *d, const sent_info *si, at_event_rec *ev, const date_m *dm, int status)
{
	if (!dm)
		return;
	at_date a, b;
	int ok;
	uint32_t c0, c1;
	fr_clause_of(d, si, dm->t0, &c0, &c1);
	/* (a headline's "to hold drills in January", "to send troops": the
	 * future too) */
	int headline_to = 0;
	for (uint32_t k = c0; si->role == AT_ROLE_HEADLINE && k + 1 < c1 && !headline_to; k++)
		headline_to = eq(&d->toks[k], "to") &&
			      ((d->cue_start[k + 1] & CU_EXVERB) ||
			       (d->trig[k + 1] & (TR_VERBS | TR_MOVES)));
	int future = (status == ST_COMMITTED || status == ST_INTENT) &&
		     (future_marker(d, c0, c1) || headline_to) && !report_date(d, si, dm);
	at_extract__resolve_date(d, dm, future, &a, &b, &ok);
	ev->when_start = d->toks[dm->t0].start;
	ev->when_end = d->toks[dm->t1 - 1].end;
	ev->has_when = ok ? 1 : 2; /* 2: a date expression we could not resolve */
	/* "last year", "two years ago": another act than today's news */
	if ((dm->kind == DS_REL && dm->off < 0 && dm->unit == 'y') ||
	    (dm->kind == DS_AGO && (dm->unit == 'y' || dm->unit == 'm')))
		ev->old = 1;
	if (ok) {
		ev->w0 = a;
		ev->w1 = b;
	}
}

/* A place after a locative preposition: "near Tajikistan's border with
 * Afghanistan", "in Mogadishu", "at its base in Tajikistan". */
void fr_set_place(docx *d, const sent_info *si, at_event_rec *ev, uint32_t from, uint32_t to,
		  uint32_t own)
{
	for (uint32_t k = from; k < to; k++) {
		if (!(d->cue_start[k] & CU_LOCPREP) && !eq(&d->toks[k], "to"))
			continue;
		uint32_t e = k + 1;
		uint32_t country = LX_NONE;
		int possessive_own = 0;
		if (eq(&d->toks[k], "to") && k + 1 < to && d->trig[k + 1])
			continue; /* "to reinforce its border": an infinitive */
		while (e < to && e < k + 9) {
			const at_tok *t = &d->toks[e];
			if (t->type == AT_TOK_PUNCT && !eq(t, "-") && !eq(t, "'"))
				break;
			if (d->trig[e] && e > k + 1)
				break;
			/* "into Ladakh from peace time locations": where they
			 * came from is no place of the act */
			if ((eq(t, "from") || eq(t, "as")) && e > k + 1)
				break; /* "... as Israel prepares": a new clause */
			if (eq(t, "its") || eq(t, "their"))
				possessive_own = 1;
			if (d->actor_at[e] >= 0 && country == LX_NONE) {
				const actor_m *am = &si->actors[d->actor_at[e]];
				if (d->ctx->keys[am->key].cls == LX_STATE)
					country = am->key;
			}
			e++;
		}
		if (e == k + 1)
			continue;
		int placey = country != LX_NONE;
		for (uint32_t q = k + 1; q < e && !placey; q++)
			if (d->cue[q] & (CU_PLACE | CU_FACILITY))
				placey = 1;
		if (!placey) /* a city, region or base the gazetteer knows: "off Liepaja" */
			placey = at_places__find(&d->ctx->places, d->s + d->toks[k + 1].start,
						 d->toks[e - 1].end - d->toks[k + 1].start) !=
				 NULL;
		if (!placey)
			continue;
		/* the place ends at its last word that names one: "Tajikistan"
		 * of "Tajikistan with 30 new tanks by the end", "the border with
		 * Afghanistan" of "... with Afghanistan and expanded hardware at" */
		uint32_t last = e - 1;
		while (last > k + 1) {
			const at_tok *t = &d->toks[last];
			int item = 0; /* "Kant with four more Su-25": a model, no place */
			for (uint32_t i = 0; i < si->nitems && !item; i++)
				item = last >= si->items[i].t0 && last < si->items[i].t1;
			int names = d->actor_at[last] >= 0 ||
				    (d->cue[last] & (CU_PLACE | CU_FACILITY)) ||
				    ((t->flags & AT_TF_CAP) && t->type == AT_TOK_WORD &&
				     !item && !(d->cue_start[last] & CU_DATEW));
			if (names)
				break;
			last--;
		}
		if (!(last == k + 1 && d->actor_at[last] < 0 &&
		      !(d->cue[last] & (CU_PLACE | CU_FACILITY)) &&
		      !(d->toks[last].flags & AT_TF_CAP)))
			e = last + 1; /* else nothing names it: keep the gazetteer's span */
		if (possessive_own && own != LX_NONE) {
			/* "its border with Afghanistan": the actor's own border */
			int base = 0;
			for (uint32_t q = k + 1; q < e; q++)
				if (d->cue[q] & CU_FACILITY)
					base = 1;
			if (!base || country == LX_NONE)
				country = own;
		}
		ev->has_place = 1;
		ev->place_start = d->toks[k + 1].start;
		ev->place_end = d->toks[e - 1].end;
		ev->place_country = country;
		return;
	}
}

/* Count of people in [lo, hi), nearest to t. */
int64_t fr_pick_people(const sent_info *si, uint32_t t, uint32_t lo, uint32_t hi)
{
	int64_t best = -1;
	uint32_t bestdist = 0xFFFFFFFF;
	for (uint32_t k = 0; k < si->npers; k++) {
		const pers_m *pm = &si->pers[k];
		if (pm->t0 < lo || pm->t1 > hi)
			continue;
		uint32_t dist = pm->t0 > t ? pm->t0 - t : t - pm->t1;
		if (dist < bestdist) {
			bestdist = dist;
			best = pm->count;
		}
	}
	return best;
}

/* ---- evidence ------------------------------------------------------------ */

/* Item categories that are military whatever the context. */
int fr_military_item(const item_m *im)
{
	static const int MIL[] = {2, 3, 4, 5, 6, 7, 8, 9, -1}; /* tank .. ammunition */
	if (im->model)
		return 1;
	for (int i = 0; MIL[i] >= 0; i++)
		if (im->cat == MIL[i])
			return 1;
	return 0;
}

/* Is this item mention a false friend: "fuel tanks", "think tank"? */
int fr_false_item(const docx *d, const sent_info *si, const item_m *im)
{
	static const char *const NOT_BEFORE[] = {
		"fuel",  "water",  "storage",   "oil",        "septic",  "think",
		"gas",   "petrol", "diesel",    "fish",       "holding", "tanker",
		"shark", "fresh",  "political", "rhetorical", NULL};
	uint32_t h = im->t0;
	while (h < im->t1 && d->toks[h].type == AT_TOK_NUM)
		h++;
	if (h > si->t0 && in_list(d->toks[h - 1].norm, NOT_BEFORE))
		return 1;
	if (h < im->t1 && in_list(d->toks[h].norm, NOT_BEFORE))
		return 1;
	return 0;
}

int fr_military_context(const docx *d, const sent_info *si)
{
	if (si->role == AT_ROLE_HEADLINE && d->military_doc >= 3)
		return 1;
	for (uint32_t k = si->t0; k < si->t1; k++)
		if (d->cue[k] & CU_MILITARY)
			return 1;
	for (uint32_t a = 0; a < si->nactors; a++)
		if (si->actors[a].role_kind == 1)
			return 1;
	/* "to strengthen their respective militaries": forces named without
	 * a state */
	for (uint32_t k = si->t0; k < si->t1; k++)
		if (d->role[k] == 1 && !eq(&d->toks[k], "forces") &&
		    !eq(&d->toks[k], "force") && !eq(&d->toks[k], "police"))
			return 1;
	for (uint32_t i = 0; i < si->nitems; i++)
		if (fr_military_item(&si->items[i]) && !fr_false_item(d, si, &si->items[i]))
			return 1;
	/* "turned over five coastal radars" in an article about the navy:
	 * materiel of any kind in a military story */
	if (d->military_doc >= 2)
		for (uint32_t i = 0; i < si->nitems; i++)
			if (!fr_false_item(d, si, &si->items[i]) &&
			    si->items[i].cat != AT_N_ITEM_CATS - 1)
				return 1;
	return 0;
}

/* Is an item with the same category and words already listed unquantified? */
int fr_dup_item(const docx *d, const at_event_rec *ev, uint8_t cat, int64_t qty, uint32_t start,
		uint32_t end)
{
	if (qty >= 0)
		return 0;
	/* "the vehicles", "these boats": a re-mention of items already counted */
	uint32_t p = start;
	while (p > 0 && (d->s[p - 1] == ' ' || d->s[p - 1] == '\n'))
		p--;
	uint32_t w = p;
	while (w > 0 && d->s[w - 1] != ' ' && d->s[w - 1] != '\n')
		w--;
	static const char *const DEF[] = {"the",   "these", "those", "The",
					  "These", "Those", NULL};
	for (int k = 0; DEF[k] && p > w; k++)
		if (p - w == strlen(DEF[k]) && !strncmp(d->s + w, DEF[k], p - w))
			for (int i = 0; i < ev->nitems; i++)
				if (ev->items[i].cat == cat && ev->items[i].qty >= 0)
					return 1;
	for (int i = 0; i < ev->nitems; i++) {
		const at_item_rec *r = &ev->items[i];
		if (r->cat != cat || r->end - r->start != end - start)
			continue;
		if (r->start == start ||
		    !strncasecmp(d->s + r->start, d->s + start, end - start))
			return 1;
	}
	return 0;
}

/* The count a token states: "30", "1,500", "two" .. "twelve"; -1 else. */
static int64_t count_of(const at_tok *w)
{
	static const char *const WORDS[] = {"one",   "two",  "three",  "four", "five",
					    "six",   "seven", "eight", "nine", "ten",
					    "eleven", "twelve", NULL};
	for (int i = 0; WORDS[i]; i++)
		if (!strcmp(w->norm, WORDS[i]))
			return i + 1;
	if (w->type != AT_TOK_NUM)
		return -1;
	int64_t v = 0;
	for (const char *c = w->norm; *c; c++) {
		if (*c == ',')
			continue;
		if (*c < '0' || *c > '9' || v > 100000000)
			return -1;
		v = v * 10 + (*c - '0');
	}
	return v > 0 ? v : -1;
}

void fr_gapped_items(docx *d, const sent_info *si, at_event_rec *ev, uint32_t t, uint32_t lo,
		     uint32_t hi)
{
	if (ev->nitems)
		return;
	for (uint32_t k = lo; k + 1 < hi && k < lo + 4; k++) {
		int64_t n = count_of(&d->toks[k]);
		uint32_t e = k + 1;
		if (n < 0 || !(eq(&d->toks[e], "more") || eq(&d->toks[e], "additional")))
			continue;
		for (uint32_t i = 0; i < si->nitems; i++)
			if (si->items[i].t0 >= k && si->items[i].t0 <= e + 2)
				return; /* "30 more tanks": an item of its own */
		const item_m *prev = NULL;
		for (uint32_t i = 0; i < si->nitems; i++)
			if (si->items[i].t1 <= t && !fr_false_item(d, si, &si->items[i]))
				prev = &si->items[i];
		if (!prev)
			return;
		at_item_rec *r = &ev->items[ev->nitems++];
		r->cat = prev->cat;
		r->qty = n;
		r->start = d->toks[k].start;
		r->end = d->toks[e].end;
		return;
	}
}

void fr_add_items(docx *d, const sent_info *si, at_event_rec *ev, uint32_t lo, uint32_t hi)
{
	for (uint32_t i = 0; i < si->nitems && ev->nitems < 12; i++) {
		const item_m *im = &si->items[i];
		if (im->t0 < lo || im->t1 > hi || fr_false_item(d, si, im))
			continue;
		/* "Land Cruiser light patrol vehicles": one item, the head noun's */
		if (i + 1 < si->nitems) {
			const item_m *nx = &si->items[i + 1];
			int joined = nx->t0 >= im->t1 && nx->t1 <= hi &&
				     (nx->t0 == im->t1 || (im->model && nx->t0 <= im->t1 + 2));
			for (uint32_t k = im->t1; joined && k < nx->t0; k++)
				if (d->toks[k].type != AT_TOK_WORD || eq(&d->toks[k], "and") ||
				    eq(&d->toks[k], "or") || eq(&d->toks[k], "of") ||
				    eq(&d->toks[k], "to") || eq(&d->toks[k], "with") ||
				    eq(&d->toks[k], "for"))
					joined = 0;
			if (joined && nx->qty < 0) {
				at_item_rec *r = &ev->items[ev->nitems++];
				r->cat = nx->cat == AT_N_ITEM_CATS - 1 ? im->cat : nx->cat;
				r->qty = im->qty;
				r->start = d->toks[im->t0].start;
				r->end = d->toks[nx->t1 - 1].end;
				i++;
				continue;
			}
		}
		if (fr_dup_item(d, ev, im->cat, im->qty, d->toks[im->t0].start,
				d->toks[im->t1 - 1].end))
			continue;
		at_item_rec *r = &ev->items[ev->nitems++];
		r->cat = im->cat;
		r->qty = im->qty;
		r->start = d->toks[im->t0].start;
		r->end = d->toks[im->t1 - 1].end;
	}
}

const money_m *fr_pick_money(const sent_info *si, uint32_t lo, uint32_t hi)
{
	for (uint32_t m = 0; m < si->nmoney; m++)
		if (si->money[m].t0 >= lo && si->money[m].t1 <= hi)
			return &si->money[m];
	return NULL;
}

void fr_set_value(docx *d, const sent_info *si, at_event_rec *ev, const money_m *mm)
{
	if (!mm)
		return;
	ev->has_value = 1;
	ev->amount = mm->amount;
	ev->usd = mm->usd;
	memcpy(ev->cur, mm->cur, sizeof(ev->cur));
	ev->cur_bare = mm->bare;
	ev->val_start = d->toks[mm->t0].start;
	ev->val_end = d->toks[mm->t1 - 1].end;
	ev->val_headline = si->role == AT_ROLE_HEADLINE;
	if (strcmp(mm->cur, "USD") == 0 && !mm->bare)
		ev->usd = mm->amount; /* a bare "$" waits for the provider (assemble.c) */
}

/* Commercial context: sales, contracts, orders ("to buy" is a purpose). */
int fr_sale_context(const docx *d, const sent_info *si)
{
	for (uint32_t k = si->t0; k < si->t1; k++) {
		if (!(d->cue_start[k] & CU_SALE))
			continue;
		if (k > si->t0 && eq(&d->toks[k - 1], "to"))
			continue;
		/* "in order to": a purpose, not an order placed */
		if (k > si->t0 && eq(&d->toks[k - 1], "in") && eq(&d->toks[k], "order"))
			continue;
		return 1;
	}
	return 0;
}

/* ---- events ---------------------------------------------------------------- */

/* A frame with no modality cue: planned if its date is ahead of the report,
 * done if behind it or undated. */
void fr_default_status(const docx *d, at_event_rec *ev)
{
	if (ev->status)
		return;
	ev->status = ST_COMPLETED;
	if (ev->has_when == 1 && d->pub.y && d->pub.m && d->pub.d) {
		at_date p = d->pub;
		at_date w = ev->w0;
		if (!w.m)
			w.m = 12;
		if (!w.d)
			w.d = at_days_in_month(w.y, w.m);
		if (at_days_from_civil(w.y, w.m, w.d) > at_days_from_civil(p.y, p.m, p.d))
			ev->status = ST_COMMITTED;
	}
}

void fr_init_event(const sent_info *si, uint32_t sidx, at_event_rec *ev, int type, int status,
		   const char *why)
{
	memset(ev, 0, sizeof(*ev));
	ev->type = (uint8_t)type;
	ev->status = (uint8_t)status;
	ev->provider = ev->recipient = ev->actor = LX_NONE;
	ev->personnel = -1;
	ev->usd = -1;
	ev->src[0].start = si->start;
	ev->src[0].end = si->end;
	ev->nsrc = 1;
	ev->sent = ev->sent0 = sidx;
	ev->headline_only = si->role == AT_ROLE_HEADLINE;
	snprintf(ev->why, sizeof(ev->why), "%s", why);
}

int fr_kinds_for(const docx *d, const sent_info *si, int cls, uint32_t lo, uint32_t hi,
		 const money_m *mm)
{
	int k = 0;
	int items = 0, item_first = -1;
	for (uint32_t i = 0; i < si->nitems; i++) {
		const item_m *im = &si->items[i];
		if (im->t0 >= lo && im->t1 <= hi && !fr_false_item(d, si, im)) {
			/* "to buy weapons from France": what the money is for */
			int purpose = 0;
			for (uint32_t q = im->t0 > lo + 3 ? im->t0 - 3 : lo; q < im->t0; q++)
				if (!strncmp(d->toks[q].norm, "buy", 3) ||
				    !strncmp(d->toks[q].norm, "purchas", 7) ||
				    !strncmp(d->toks[q].norm, "procur", 6))
					purpose = 1;
			/* "facilities for these boats": what a building serves */
			for (uint32_t q = im->t0 > lo + 3 ? im->t0 - 3 : lo; q < im->t0 && !purpose;
			     q++)
				if (eq(&d->toks[q], "for") && q > lo &&
				    has_cue(d, q > lo + 3 ? q - 3 : lo, q, CU_FACILITY))
					purpose = 1;
			if (purpose)
				continue;
			items = 1;
			if (item_first < 0)
				item_first = (int)im->t0;
		}
	}
	static const char *const FUNDS[] = {"grant", "grants", "funding", "financing", "loan",
					    "loans", "credit", "credits", "funds",     NULL};
	for (uint32_t q = lo; q < hi; q++)
		if ((d->trig[q] & TR_AIDN) && in_list(d->toks[q].norm, FUNDS))
			k |= K_FUNDING;
	int worth = 0;
	uint32_t mend = mm ? (mm->conv_t1 > mm->t1 ? mm->conv_t1 + 1 : mm->t1) : 0;
	if (mm)
		for (uint32_t q = mm->t0 > 3 ? mm->t0 - 3 : 0; q < mend + 3 && q < hi; q++)
			if (eq(&d->toks[q], "worth") || eq(&d->toks[q], "amount") ||
			    eq(&d->toks[q], "value") || eq(&d->toks[q], "valued"))
				worth = 1;
	int mt = 0; /* "military-technical" */
	for (uint32_t q = lo; q < hi; q++)
		if (!strncmp(d->toks[q].norm, "military-technical", 18))
			mt = 1;
	if (items || mt)
		k |= K_EQUIPMENT;
	if (cls & TR_FUND) {
		k |= K_FUNDING;
	} else if (mm && (items || mt) && worth) {
		/* "hardware worth 70 billion rubles": valued equipment */
	} else if (mm && !items && has_cue(d, mm->t1, hi, CU_FACILITY)) {
		k |= K_CONSTRUCTION; /* "US$25 million for a new facility" */
	} else if (mm && worth && !items) {
		/* "assistance worth Rs 1.42 billion": the value of aid in kind */
	} else if (mm && !items) {
		k |= K_FUNDING; /* money itself: "pledged $3 billion to buy weapons" */
	}
	if (cls & TR_TRAIN)
		k |= K_TRAINING;
	/* "training" given, not a "training base" or "training areas" */
	for (uint32_t q = lo; q < hi; q++)
		if ((d->trig[q] & TR_TRAIN) &&
		    !(q + 1 < hi && (d->cue_start[q + 1] & (CU_FACILITY | CU_PLACE))))
			k |= K_TRAINING;
	int facility = has_cue(d, lo, hi, CU_FACILITY);
	if (facility && ((cls & (TR_BUILD | TR_FUND)) || has_trig(d, lo, hi, TR_BUILD)))
		k |= K_CONSTRUCTION;
	for (uint32_t q = lo; q < hi; q++)
		if (!strncmp(d->toks[q].norm, "construction", 12) &&
		    !(q + 1 < hi && d->claimed[q + 1] == 3))
			k |= K_CONSTRUCTION;
	if ((k & K_CONSTRUCTION) && (cls & TR_FUND))
		k &= ~K_FUNDING;
	if (!k)
		k = K_GENERAL;
	return k;
}

/* The act `again` (a copy of one just added, dated by dm) once more at the
 * other date joined to dm (fr_other_date), if there is one; with own_items,
 * its items are those between the two dates ("six in 2020 and four more in
 * 2022"). AT_ENOMEM or 0. */
int fr_act_per_date(docx *d, at_events *out, const sent_info *si, at_event_rec *again,
		    const date_m *dm, uint32_t c1, int own_items)
{
	const date_m *dm2 = dm ? fr_other_date(d, si, dm, c1) : NULL;
	if (!dm2)
		return 0;
	fr_set_when(d, si, again, dm2, ST_NONE);
	again->status = ST_NONE;
	fr_default_status(d, again);
	if (own_items) {
		again->nitems = 0;
		fr_add_items(d, si, again, dm->t1, dm2->t0);
	}
	return at_extract__add_event(d, out, again) == AT_ENOMEM ? AT_ENOMEM : 0;
}
