/* SPDX-License-Identifier: MIT */
/*
 * frames.c — triggers with their arguments become events. Exports
 * at_extract__frames, run once per sentence in document order.
 *
 * A trigger (a verb like "provide", "received", "relocated", or a noun like
 * "aid", "drills") opens a frame. Its clause is bounded by report verbs,
 * complementisers and conjunctions that start a new clause. Arguments come
 * from shallow syntax: the nearest actor left of the trigger that is not in a
 * prepositional phrase is the subject; "to X", "for X" and a direct object
 * are recipients; "from X" and "by X" are providers of "receive" and of
 * passives; "with X" and adjectives ("joint Russian-Uzbek drills") add
 * exercise participants; places follow locative prepositions. Status comes
 * from the nearest modality cue left of the trigger, then from the verb's
 * form. Negated and hypothetical frames are dropped. A frame that lacks its
 * provider takes it from the speaker of the sentence or from the previous
 * aid event (the text continues); a frame with no actors at all adds its
 * items and amounts to the event just before it.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "extract.h"

static int eq(const at_tok *t, const char *w)
{
	return t->norm[0] == w[0] && strcmp(t->norm, w) == 0;
}

static int in_list(const char *w, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (w[0] == list[i][0] && strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

/* Discourse memory: the last event of each type and its sentence. */
typedef struct at_memo memo;

static memo *M(docx *d) { return &d->memo; }

/* ---- clauses ------------------------------------------------------------- */

static const char *const LEFT_BOUND[] = {";", "that", "which", "who", "whom", "whose", "while",
					 "whereas", "but", "although", "though", "because",
					 "if", "when", "where", ":", NULL};
static const char *const RIGHT_BOUND[] = {";", "but", "while", "whereas", "although", "though",
					  "because", NULL};

static void clause_of(const docx *d, const sent_info *si, uint32_t t, uint32_t *c0,
		      uint32_t *c1)
{
	uint32_t i = t;
	*c0 = si->t0;
	while (i > si->t0) {
		const at_tok *p = &d->toks[i - 1];
		if (in_list(p->norm, LEFT_BOUND) || (d->cue_start[i - 1] & CU_REPORT)) {
			*c0 = i;
			break;
		}
		i--;
	}
	*c1 = si->t1;
	for (uint32_t k = t + 1; k < si->t1; k++) {
		const at_tok *p = &d->toks[k];
		if (in_list(p->norm, RIGHT_BOUND)) {
			*c1 = k;
			break;
		}
		/* "... to Ukraine and Germany deployed ...": a second clause */
		if (eq(p, "and") && k + 1 < si->t1 && d->actor_at[k + 1] >= 0) {
			uint32_t e = k + 1;
			while (e < si->t1 && (d->actor_at[e] >= 0 || d->role[e] ||
					      eq(&d->toks[e], "'s")))
				e++;
			if (e < si->t1 && (d->trig[e] & (TR_VERBS | TR_DEPLOY)) &&
			    d->trig_form[e] != LF_ING) {
				*c1 = k;
				break;
			}
		}
		/* ", Kommersant said", ", says the ministry", ", he said" */
		if ((d->cue_start[k] & CU_REPORT) && k >= 1) {
			uint32_t b = k;
			int comma = 0;
			for (uint32_t q = k; q > t && q + 7 > k; q--)
				if (eq(&d->toks[q - 1], ",") || eq(&d->toks[q - 1], "\"")) {
					comma = 1;
					b = q - 1;
					break;
				}
			if (comma) {
				*c1 = b;
				break;
			}
		}
	}
}

/* ---- actors -------------------------------------------------------------- */

#define OBLIQUE (AF_LOC | AF_FROM | AF_BY | AF_WITH | AF_TO | AF_PLACE | AF_FOR | AF_OF)

static int actor_usable(const actor_m *am) { return !(am->flags & (AF_WEAK | AF_PLACE)); }

static int has_verb_between(const docx *d, uint32_t lo, uint32_t hi)
{
	for (uint32_t k = lo; k < hi; k++)
		if (d->trig[k] & (TR_VERBS | TR_DEPLOY))
			return 1;
	return 0;
}

/* A "for X to VERB" subject: "for Paris to provide". */
static int for_subject(const docx *d, const sent_info *si, const actor_m *am)
{
	uint32_t k = am->t1;
	if (k < si->t1 && eq(&d->toks[k], "'s"))
		k++;
	return (am->flags & AF_FOR) && k < si->t1 && eq(&d->toks[k], "to");
}

/* The subject: nearest usable actor left of t in the clause. */
static int left_subject(const docx *d, const sent_info *si, uint32_t c0, uint32_t t,
			int allow_of)
{
	for (int pass = 0; pass < 3; pass++) {
		for (uint32_t a = si->nactors; a-- > 0;) {
			const actor_m *am = &si->actors[a];
			if (am->t1 > t || am->t0 < c0 || !actor_usable(am))
				continue;
			/* "the Government of Japan will provide": of-phrases after a
			 * body or role word name the subject */
			if (pass == 1 && (am->flags & AF_OF) && !(am->flags & ~(AF_OF | AF_ADJ | AF_POSS |
										 AF_ROLE | AF_CAPITAL))) {
				uint32_t p = am->t0;
				while (p > si->t0 && !eq(&d->toks[p - 1], "of"))
					p--;
				if (p > si->t0 + 1 && (d->role[p - 2] || (d->cue[p - 2] & CU_AGENT)))
					return (int)a;
				continue;
			}
			uint16_t bad = OBLIQUE;
			if (pass == 2 && allow_of)
				bad &= (uint16_t)~AF_OF;
			if ((am->flags & bad) && !for_subject(d, si, am))
				continue;
			/* first pass: not the object of another verb between them
			 * ("Russia will bolster Tajikistan's military with ...
			 * training": Tajikistan is bolster's object) */
			if (pass == 0 && (am->flags & AF_POSS) &&
			    has_verb_between(d, am->t1, t))
				continue;
			return (int)a;
		}
	}
	return -1;
}

/* The speaker of the sentence: the actor just before a report verb left of t. */
static int speaker(const docx *d, const sent_info *si, uint32_t t)
{
	for (uint32_t k = t; k-- > si->t0;) {
		if (!(d->cue_start[k] & CU_REPORT))
			continue;
		for (uint32_t a = si->nactors; a-- > 0;) {
			const actor_m *am = &si->actors[a];
			if (am->t1 <= k && am->t1 + 6 >= k && !(am->flags & (AF_PLACE | AF_LOC)))
				return (int)a;
		}
		return -1;
	}
	return -1;
}

/* The first actor after t (within [t, c1)) whose flags avoid `bad`. */
static int right_actor(const sent_info *si, uint32_t t, uint32_t c1, uint16_t need,
		       uint16_t bad)
{
	for (uint32_t a = 0; a < si->nactors; a++) {
		const actor_m *am = &si->actors[a];
		if (am->t0 < t || am->t1 > c1 || !actor_usable(am))
			continue;
		if (need && !(am->flags & need))
			continue;
		if (am->flags & bad)
			continue;
		return (int)a;
	}
	return -1;
}

/* Actors coordinated with actor a: "Tajikistan and Kyrgyzstan", "X, Y and Z". */
static int coordinated(const docx *d, const sent_info *si, int a, int *out, int max)
{
	int n = 0, closed = 0;
	uint32_t end = si->actors[a].t1;
	if (si->actors[a].flags & AF_POSS)
		return 0;
	for (uint32_t b = (uint32_t)a + 1; b < si->nactors && n < max; b++) {
		const actor_m *bm = &si->actors[b];
		if (bm->t0 < end)
			continue;
		int ok = 1, comma = 0, and_ = 0;
		for (uint32_t k = end; k < bm->t0; k++) {
			if (eq(&d->toks[k], "and") || eq(&d->toks[k], "or"))
				and_ = 1;
			else if (eq(&d->toks[k], ","))
				comma = 1;
			else if (!eq(&d->toks[k], "the"))
				ok = 0;
		}
		if (!ok || !(comma || and_) || (bm->flags & (AF_PLACE | AF_POSS)))
			break;
		uint32_t after = bm->t1;
		while (after < si->t1 && d->role[after])
			after++;
		if (after < si->t1 && (d->trig[after] & (TR_VERBS | TR_DEPLOY)))
			break; /* "... to Ukraine and Germany deployed ...": a new clause */
		out[n++] = (int)b;
		end = bm->t1;
		if (and_) {
			closed = 1;
			break;
		}
	}
	return closed ? n : 0;
}

/* ---- status -------------------------------------------------------------- */

enum { DROP = -1 };

static int lemma_status(const at_tok *t)
{
	if (!strncmp(t->norm, "pledg", 5) || !strncmp(t->norm, "promis", 6) ||
	    !strncmp(t->norm, "commit", 6))
		return ST_COMMITTED;
	if (!strncmp(t->norm, "offer", 5))
		return ST_INTENT;
	return ST_NONE;
}

static int is_speech_act(const at_tok *t)
{
	return !strncmp(t->norm, "pledg", 5) || !strncmp(t->norm, "promis", 6) ||
	       !strncmp(t->norm, "offer", 5) || !strncmp(t->norm, "commit", 6) ||
	       !strncmp(t->norm, "announc", 7);
}

static int is_be(const at_tok *t)
{
	static const char *const BE[] = {"is", "are", "was", "were", "be", "been", "being",
					 "'s", NULL};
	return in_list(t->norm, BE);
}

/* Passive: "was handed over", "were delivered", "vehicles donated by X". */
static int is_passive(const docx *d, const sent_info *si, uint32_t t)
{
	uint8_t f = d->trig_form[t];
	if (f != LF_PAST && f != LF_PASTPART)
		return 0;
	for (uint32_t k = t, hops = 0; k > si->t0 && hops < 3; k--, hops++) {
		const at_tok *p = &d->toks[k - 1];
		if (is_be(p))
			return 1;
		int adverb = p->nlen > 3 && p->norm[p->nlen - 2] == 'l' && p->norm[p->nlen - 1] == 'y';
		if (!(adverb || eq(p, "also") || eq(p, "already") || eq(p, "now") ||
		      eq(p, "being") || eq(p, "just") || eq(p, "soon") || eq(p, "still") ||
		      eq(p, "then") || eq(p, "not")))
			break;
	}
	uint32_t n = t + d->trig_len[t];
	if (n < si->t1 && eq(&d->toks[n], "over"))
		n++;
	return n < si->t1 && eq(&d->toks[n], "by");
}

/*
 * The status of a frame from its clause. *soft is set when no modality cue
 * decided it (only the verb's lemma or form did): such a status does not keep
 * a pledge apart from a delivery ("offered its corvette" at a handover).
 */
static int status_of(const docx *d, const sent_info *si, uint32_t c0, uint32_t c1,
		     uint32_t t, int noun, int *soft)
{
	*soft = 0;
	int found = ST_NONE;
	for (uint32_t k = t; k > c0 && (noun || t - k < 10); k--) {
		uint32_t c = d->cue_start[k - 1];
		if (!c)
			continue;
		if (c & CU_NEG)
			return DROP;
		if (c & CU_HYPO) {
			if (eq(&d->toks[k - 1], "should"))
				continue;
			return DROP;
		}
		if (found)
			continue;
		if (c & CU_INTENT)
			found = ST_INTENT;
		else if (c & CU_COMMITTED)
			found = ST_COMMITTED;
		else if (c & CU_UNDERWAY)
			found = ST_UNDERWAY;
		else if (c & CU_COMPLETED)
			found = ST_COMPLETED;
	}
	/* "The Pentagon announced a package": a report verb that commits */
	if (!found && noun && c0 > si->t0 && t - c0 < 7 &&
	    (d->cue_start[c0 - 1] & CU_COMMITTED) && (d->cue_start[c0 - 1] & CU_REPORT))
		found = ST_COMMITTED;
	/* "We deny that X is sending ...": a negative verb governs the clause */
	for (uint32_t k = c0; k > si->t0 && c0 - k < 4; k--)
		if (d->cue_start[k - 1] & CU_NEG)
			return DROP;
	/* "... if requested", "unless" after the trigger */
	for (uint32_t k = t + 1; k < c1; k++)
		if (eq(&d->toks[k], "if") || eq(&d->toks[k], "unless"))
			return DROP;
	/* a handover ceremony anywhere in the sentence settles it */
	for (uint32_t k = si->t0; k < si->t1; k++)
		if ((d->cue_start[k] & CU_COMPLETED) && d->cue_len[k] >= 2 &&
		    !strncmp(d->toks[k + d->cue_len[k] - 1].norm, "ceremon", 7))
			return ST_COMPLETED;
	/* "The Saudi grant will allow ...": a noun subject takes its verb's mood */
	for (uint32_t k = t + 1; !found && noun && k < c1 && k < t + 4; k++) {
		uint32_t c = d->cue_start[k];
		if (c & CU_NEG)
			return DROP;
		if (c & CU_INTENT)
			found = ST_INTENT;
		else if (c & CU_COMMITTED)
			found = ST_COMMITTED;
	}
	/* "This agreement, financed by X, will strengthen": the main clause's */
	if (!found && !noun && (d->trig_form[t] == LF_PAST || d->trig_form[t] == LF_PASTPART) &&
	    t + 1 < c1 && eq(&d->toks[t + 1], "by") && !(t > si->t0 && is_be(&d->toks[t - 1])))
		for (uint32_t k = t + 1; k < c1 && !found; k++) {
			uint32_t c = d->cue_start[k];
			if (c & CU_INTENT)
				found = ST_INTENT;
			else if (c & CU_COMMITTED)
				found = ST_COMMITTED;
		}
	int ls = noun ? ST_NONE : lemma_status(&d->toks[t]);
	*soft = !found && ls != ST_COMMITTED; /* "pledged" is explicit, "offered" is not */
	if (found) {
		if (ls == ST_COMMITTED && found == ST_COMPLETED)
			return ST_COMMITTED;
		return found;
	}
	if (ls)
		return ls;
	if (noun)
		return ST_NONE; /* decided from the date, if any, by the caller */
	switch (d->trig_form[t]) {
	case LF_PAST:
	case LF_PASTPART:
		return ST_COMPLETED;
	case LF_3SG:
		return si->role == AT_ROLE_HEADLINE ? ST_COMPLETED : ST_UNDERWAY;
	case LF_ING:
		return ST_UNDERWAY;
	default:
		if (t > si->t0 && eq(&d->toks[t - 1], "to"))
			return ST_COMMITTED;
		return si->role == AT_ROLE_HEADLINE ? ST_COMPLETED : ST_UNDERWAY;
	}
}

/* ---- dates, places, people ---------------------------------------------- */

/* Is the date a report's date ("said Friday", "on Friday said")? */
static int report_date(const docx *d, const sent_info *si, const date_m *dm)
{
	int short_rel = dm->kind == DS_WEEKDAY || (dm->kind == DS_REL && dm->unit == 'd');
	for (uint32_t k = dm->t0; k > si->t0 && dm->t0 - k < 5; k--) {
		if (d->cue_start[k - 1] & CU_REPORT)
			return short_rel || dm->t0 - k < 3 ? short_rel || dm->kind == DS_ABS : 0;
		if (d->trig[k - 1])
			break;
	}
	for (uint32_t k = dm->t1; k < si->t1 && k < dm->t1 + 2; k++)
		if (d->cue_start[k] & CU_REPORT)
			return 1;
	return 0;
}

static int vague_time(const docx *d, uint32_t c0, uint32_t c1)
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
		if (w->type == AT_TOK_WORD && w->nlen > 3 && !d->trig[k] &&
		    !strcmp(w->norm + w->nlen - 2, "ed"))
			return 1;
	}
	return 0;
}

/* "Until August 1993 Russian troops were stationed ...": a state of affairs
 * that ended before the report is background, not an event. */
static int ended_before(const docx *d, const sent_info *si, uint32_t c0, uint32_t c1)
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
static const date_m *pick_date(const docx *d, const sent_info *si, uint32_t t,
			       uint32_t lo, uint32_t hi, int speech)
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
	return best;
}

/* Does the clause speak of the future ("will", "plans to", "next")? */
static int future_marker(const docx *d, uint32_t c0, uint32_t c1)
{
	static const char *const F[] = {"will", "'ll", "shall", "plans", "plan", "planned",
					"planning", "scheduled", "set", "due", "going", "next",
					"upcoming", "expected", "intends", "would", "starts",
					"begins", "opens", NULL};
	for (uint32_t k = c0; k < c1; k++)
		if (in_list(d->toks[k].norm, F))
			return 1;
	return 0;
}

static void set_when(docx *d, const sent_info *si, at_event_rec *ev, const date_m *dm,
		     int status)
{
	if (!dm)
		return;
	at_date a, b;
	int ok;
	uint32_t c0, c1;
	clause_of(d, si, dm->t0, &c0, &c1);
	int future = (status == ST_COMMITTED || status == ST_INTENT) && future_marker(d, c0, c1) &&
		     !report_date(d, si, dm);
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
static void set_place(docx *d, const sent_info *si, at_event_rec *ev, uint32_t from,
		      uint32_t to, uint32_t own)
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
						 d->toks[e - 1].end - d->toks[k + 1].start) != NULL;
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
			int names = d->actor_at[last] >= 0 || (d->cue[last] & (CU_PLACE | CU_FACILITY)) ||
				    ((t->flags & AT_TF_CAP) && t->type == AT_TOK_WORD && !item &&
				     !(d->cue_start[last] & CU_DATEW));
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
static int64_t pick_people(const sent_info *si, uint32_t t, uint32_t lo, uint32_t hi)
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
static int military_item(const item_m *im)
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
static int false_item(const docx *d, const sent_info *si, const item_m *im)
{
	static const char *const NOT_BEFORE[] = {"fuel", "water", "storage", "oil", "septic",
						 "think", "gas", "petrol", "diesel", "fish",
						 "holding", "tanker", "shark", NULL};
	uint32_t h = im->t0;
	while (h < im->t1 && d->toks[h].type == AT_TOK_NUM)
		h++;
	if (h > si->t0 && in_list(d->toks[h - 1].norm, NOT_BEFORE))
		return 1;
	if (h < im->t1 && in_list(d->toks[h].norm, NOT_BEFORE))
		return 1;
	return 0;
}

static int military_context(const docx *d, const sent_info *si)
{
	if (si->role == AT_ROLE_HEADLINE && d->military_doc >= 3)
		return 1;
	for (uint32_t k = si->t0; k < si->t1; k++)
		if (d->cue[k] & CU_MILITARY)
			return 1;
	for (uint32_t a = 0; a < si->nactors; a++)
		if (si->actors[a].role_kind == 1)
			return 1;
	for (uint32_t i = 0; i < si->nitems; i++)
		if (military_item(&si->items[i]) && !false_item(d, si, &si->items[i]))
			return 1;
	return 0;
}

static int has_cue(const docx *d, uint32_t lo, uint32_t hi, uint32_t bits)
{
	for (uint32_t k = lo; k < hi; k++)
		if (d->cue[k] & bits)
			return 1;
	return 0;
}

static int has_trig(const docx *d, uint32_t lo, uint32_t hi, uint32_t bits)
{
	for (uint32_t k = lo; k < hi; k++)
		if (d->trig[k] & bits)
			return 1;
	return 0;
}

/* Is an item with the same category and words already listed unquantified? */
static int dup_item(const docx *d, const at_event_rec *ev, uint8_t cat, int64_t qty,
		    uint32_t start, uint32_t end)
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
	static const char *const DEF[] = {"the", "these", "those", "The", "These", "Those", NULL};
	for (int k = 0; DEF[k] && p > w; k++)
		if (p - w == strlen(DEF[k]) && !strncmp(d->s + w, DEF[k], p - w))
			for (int i = 0; i < ev->nitems; i++)
				if (ev->items[i].cat == cat && ev->items[i].qty >= 0)
					return 1;
	for (int i = 0; i < ev->nitems; i++) {
		const at_item_rec *r = &ev->items[i];
		if (r->cat != cat || r->end - r->start != end - start)
			continue;
		if (r->start == start || !strncasecmp(d->s + r->start, d->s + start, end - start))
			return 1;
	}
	return 0;
}

static void add_items(docx *d, const sent_info *si, at_event_rec *ev, uint32_t lo,
		      uint32_t hi)
{
	for (uint32_t i = 0; i < si->nitems && ev->nitems < 12; i++) {
		const item_m *im = &si->items[i];
		if (im->t0 < lo || im->t1 > hi || false_item(d, si, im))
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
		if (dup_item(d, ev, im->cat, im->qty, d->toks[im->t0].start,
			     d->toks[im->t1 - 1].end))
			continue;
		at_item_rec *r = &ev->items[ev->nitems++];
		r->cat = im->cat;
		r->qty = im->qty;
		r->start = d->toks[im->t0].start;
		r->end = d->toks[im->t1 - 1].end;
	}
}

static const money_m *pick_money(const sent_info *si, uint32_t lo, uint32_t hi)
{
	for (uint32_t m = 0; m < si->nmoney; m++)
		if (si->money[m].t0 >= lo && si->money[m].t1 <= hi)
			return &si->money[m];
	return NULL;
}

static void set_value(docx *d, const sent_info *si, at_event_rec *ev, const money_m *mm)
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
static int sale_context(const docx *d, const sent_info *si)
{
	for (uint32_t k = si->t0; k < si->t1; k++) {
		if (!(d->cue_start[k] & CU_SALE))
			continue;
		if (k > si->t0 && eq(&d->toks[k - 1], "to"))
			continue;
		return 1;
	}
	return 0;
}

/* ---- events ---------------------------------------------------------------- */

/* A frame with no modality cue: planned if its date is ahead of the report,
 * done if behind it or undated. */
static void default_status(const docx *d, at_event_rec *ev)
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

static void init_event(const sent_info *si, uint32_t sidx, at_event_rec *ev,
		       int type, int status, const char *why)
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

static int kinds_for(const docx *d, const sent_info *si, int cls, uint32_t lo, uint32_t hi,
		     const money_m *mm)
{
	int k = 0;
	int items = 0, item_first = -1;
	for (uint32_t i = 0; i < si->nitems; i++) {
		const item_m *im = &si->items[i];
		if (im->t0 >= lo && im->t1 <= hi && !false_item(d, si, im)) {
			/* "to buy weapons from France": what the money is for */
			int purpose = 0;
			for (uint32_t q = im->t0 > lo + 3 ? im->t0 - 3 : lo; q < im->t0; q++)
				if (!strncmp(d->toks[q].norm, "buy", 3) ||
				    !strncmp(d->toks[q].norm, "purchas", 7) ||
				    !strncmp(d->toks[q].norm, "procur", 6))
					purpose = 1;
			if (purpose)
				continue;
			items = 1;
			if (item_first < 0)
				item_first = (int)im->t0;
		}
	}
	static const char *const FUNDS[] = {"grant", "grants", "funding", "financing", "loan",
					    "loans", "credit", "credits", "funds", NULL};
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

/* Attach what a frame without actors says to the event just before it. */
static void attach(docx *d, at_events *out, const sent_info *si, uint32_t sidx, int type,
		   uint32_t lo, uint32_t hi, int kinds, uint32_t provider, uint32_t recipient,
		   int status)
{
	memo *m = M(d);
	int idx = m->last[type];
	if (idx < 0 || sidx - m->last_sent[type] > 4)
		return;
	at_event_rec *ev = &out->ev[idx];
	/* "we will also consider offering vessels" after a handover: another
	 * stage of another act, not more about the handover */
	int pledge = status == ST_INTENT || status == ST_COMMITTED;
	int done = ev->status == ST_UNDERWAY || ev->status == ST_COMPLETED;
	if (status != ST_NONE && pledge == done)
		return;
	if (provider != LX_NONE && ev->provider != provider)
		return;
	if (recipient != LX_NONE && ev->recipient != recipient)
		return;
	at_event_rec add;
	init_event(si, sidx, &add, type, ST_NONE, "");
	add_items(d, si, &add, lo, hi);
	for (int i = 0; i < add.nitems && ev->nitems < 12; i++)
		if (!dup_item(d, ev, add.items[i].cat, add.items[i].qty, add.items[i].start,
			      add.items[i].end))
			ev->items[ev->nitems++] = add.items[i];
	if (!ev->has_value) {
		const money_m *mm = pick_money(si, lo, hi);
		if (mm)
			set_value(d, si, ev, mm);
	}
	/* what a continuation adds is materiel: its own verbs ("soldiers were
	 * trained there") are background, not new kinds of this act */
	if (type == EV_AID && (kinds & K_EQUIPMENT) && add.nitems)
		ev->kinds |= K_EQUIPMENT;
	if (type != EV_AID && ev->personnel < 0)
		ev->personnel = pick_people(si, lo, lo, hi);
	if (ev->nsrc < 8 && ev->src[ev->nsrc - 1].start != si->start) {
		ev->src[ev->nsrc].start = si->start;
		ev->src[ev->nsrc].end = si->end;
		ev->nsrc++;
	}
	m->last_sent[type] = sidx;
}

static void remember(docx *d, int type, int idx, uint32_t sidx)
{
	memo *m = M(d);
	if (idx >= 0) {
		m->last[type] = idx;
		m->last_sent[type] = sidx;
	}
}

/* ---- aid ------------------------------------------------------------------ */

static int aid_frame(docx *d, at_events *out, uint32_t sidx, uint32_t t, int cls)
{
	sent_info *si = &d->sents[sidx];
	uint32_t c0, c1;
	clause_of(d, si, t, &c0, &c1);
	const at_tok *tt = &d->toks[t];
	uint32_t tend = t + (d->trig_len[t] ? d->trig_len[t] : 1);
	/* "hand over" / "turn over" need their particle */
	if ((!strncmp(tt->norm, "hand", 4) || !strncmp(tt->norm, "turn", 4)) && !(cls & TR_AIDN)) {
		int over = 0;
		for (uint32_t k = tend; k < c1 && k < tend + 4; k++)
			if (eq(&d->toks[k], "over"))
				over = 1;
		if (!over)
			return 0;
	}
	if (tend < si->t1 && (eq(&d->toks[tend], "itself") || eq(&d->toks[tend], "themselves")))
		return 0;
	/* aid that is not military: "economic aid", "humanitarian assistance" */
	static const char *const CIVIL[] = {"economic", "humanitarian", "food", "development",
					    "disaster", "medical", "flood", "famine", "farm",
					    "agricultural", "trade", "relief", "emergency",
					    "financial", "budget", "budgetary", "health", "aids",
					    "refugee", "earthquake", "technical", NULL};
	if ((cls & TR_AIDN) && t > si->t0 && in_list(d->toks[t - 1].norm, CIVIL) &&
	    !(t > si->t0 + 1 && !strncmp(d->toks[t - 2].norm, "military", 8)))
		return 0;
	/* "help" and "support" alone are any help: as nouns they need a military
	 * word before them or troops, an army, a ministry after them */
	if ((cls & TR_AIDN) && (eq(tt, "help") || eq(tt, "support"))) {
		int mil = t > si->t0 && (d->cue_start[t - 1] & CU_MILITARY);
		for (uint32_t a = 0; a < si->nactors && !mil; a++)
			if (si->actors[a].t0 > t && si->actors[a].t0 <= tend + 4 &&
			    si->actors[a].role_kind == 1)
				mil = 1;
		if (!mil)
			return 0;
	}
	int soft;
	int status = status_of(d, si, c0, c1, t, (cls & TR_AIDN) != 0, &soft);
	if (status == DROP || ended_before(d, si, si->t0, c1))
		return 0;
	int passive = (cls & TR_AIDN) ? 0 : is_passive(d, si, t);
	int prov = -1, rec = -1;
	char why[96];
	const char *how = "active";
	/* a compound at the trigger: "UAE-funded" */
	if (d->actor_at[t] >= 0 && (si->actors[d->actor_at[t]].flags & AF_COMPOUND))
		prov = d->actor_at[t];
	if (cls & TR_RECEIVE) {
		rec = left_subject(d, si, c0, t, 1);
		prov = right_actor(si, tend, si->t1, AF_FROM, 0);
		if (prov < 0)
			prov = right_actor(si, tend, si->t1, AF_BY, 0);
		how = "receive";
	} else if (cls & TR_AIDN) {
		/* "the Saudi grant", "Russia's military aid", "aid from X to Y" */
		for (uint32_t a = si->nactors; a-- > 0 && prov < 0;) {
			const actor_m *am = &si->actors[a];
			if (am->t1 <= t && am->t1 + 3 >= t && (am->flags & (AF_ADJ | AF_POSS)) &&
			    !(am->flags & (AF_PLACE | AF_LOC)))
				prov = (int)a;
		}
		if (prov < 0)
			prov = right_actor(si, tend, c1, AF_FROM, 0);
		if (prov < 0)
			prov = right_actor(si, tend, c1, AF_BY, 0);
		rec = right_actor(si, tend, tend + 8 < c1 ? tend + 8 : c1, 0,
				  AF_LOC | AF_FROM | AF_BY | AF_WITH | AF_PLACE);
		if (rec == prov)
			rec = -1;
		if (rec < 0 && prov >= 0 && (si->actors[prov].flags & (AF_FROM | AF_BY)))
			rec = left_subject(d, si, c0, t, 1);
		if (prov < 0) {
			int subj = left_subject(d, si, c0, t, 0);
			if (subj >= 0 && subj != rec)
				prov = subj;
		}
		how = "noun";
	} else {
		if (prov < 0 && !passive)
			prov = left_subject(d, si, c0, t, 0);
		if (passive) {
			uint32_t by = tend;
			while (by < c1 && by < tend + 2 && !eq(&d->toks[by], "by"))
				by++;
			if (by < c1 && eq(&d->toks[by], "by") && by + 1 < si->t1) {
				uint32_t ag = by + 1;
				while (ag < si->t1 && (eq(&d->toks[ag], "the") || eq(&d->toks[ag], "a")))
					ag++;
				if (ag < si->t1 && d->actor_at[ag] < 0 && d->claimed[ag] == 3)
					return 0;
			}
			prov = right_actor(si, tend, si->t1, AF_BY, 0);
			if (prov < 0)
				prov = right_actor(si, tend, c1, AF_FROM, 0);
			rec = right_actor(si, tend, c1, AF_TO, 0);
			if (rec < 0)
				rec = right_actor(si, tend, c1, AF_FOR, 0);
			if (rec < 0)
				rec = left_subject(d, si, c0, t, 1);
			/* "supplies would be provided to bolster Tajikistan's army" */
			if (rec < 0)
				rec = right_actor(si, tend, c1, 0,
						  AF_LOC | AF_FROM | AF_BY | AF_WITH | AF_PLACE |
							  AF_OF);
			how = "passive";
		} else {
			if (prov < 0 && (d->trig_form[t] == LF_PAST || d->trig_form[t] == LF_PASTPART)) {
				/* "facilities, presented to Tajikistan as a gift from
				 * the U.S.": a participle names its giver after it */
				prov = right_actor(si, tend, c1, AF_FROM, 0);
				if (prov < 0)
					prov = right_actor(si, tend, c1, AF_BY, 0);
			}
			uint32_t lim = c1;
			/* bolster/strengthen/support take their object at once */
			static const char *const NEAR[] = {"bolster", "strengthen", "boost",
							   "support", "modernize", "modernise",
							   "assist", NULL};
			uint16_t bad = AF_LOC | AF_FROM | AF_BY | AF_WITH | AF_PLACE;
			if (cls & TR_FUND)
				bad &= (uint16_t)~AF_LOC; /* "invested in PNG's ..." */
			int near = 0;
			for (int i = 0; NEAR[i]; i++)
				if (!strncmp(tt->norm, NEAR[i], strlen(NEAR[i]))) {
					lim = tend + 5 < c1 ? tend + 5 : c1;
					bad |= AF_OF;
					near = 1;
				}
			rec = right_actor(si, tend, lim, 0, bad);
			if (rec >= 0 && rec == prov)
				rec = -1;
			/* "sending troops to Saudi Arabia to bolster its defenses":
			 * without its own object, "bolster" is the purpose of the
			 * other verb, not an act of its own */
			if (rec < 0 && near)
				return 0;
			if (rec < 0) {
				/* "an agreement with the Nepal Army pledging assistance" */
				for (uint32_t a = si->nactors; a-- > 0;) {
					const actor_m *am = &si->actors[a];
					if (am->t1 <= t && am->t0 >= c0 && (int)a != prov &&
					    (am->flags & (AF_WITH | AF_TO | AF_FOR)) &&
					    actor_usable(am)) {
						rec = (int)a;
						break;
					}
				}
			}
		}
	}
	/* evidence: what is given */
	uint32_t lo = passive || (cls & TR_RECEIVE) ? c0 : t, hi = c1;
	if ((cls & TR_AIDN) && lo > c0)
		lo = t - c0 > 5 ? t - 5 : c0; /* "a $350 million package of ..." */
	const money_m *mm = pick_money(si, lo, hi);
	int items = 0;
	uint32_t near_hi = tend + 16 < hi ? tend + 16 : hi;
	/* "The equipment, which was handed over ...": the relative pronoun's
	 * antecedent is what is given */
	uint32_t near_lo = c0;
	if (c0 > si->t0 && (eq(&d->toks[c0 - 1], "which") || eq(&d->toks[c0 - 1], "that")))
		near_lo = c0 - 1 > si->t0 + 5 ? c0 - 6 : si->t0;
	for (uint32_t i = 0; i < si->nitems; i++)
		if (si->items[i].t0 >= near_lo && si->items[i].t0 < near_hi &&
		    si->items[i].t1 <= hi && !false_item(d, si, &si->items[i]))
			items = 1;
	int aidnoun = has_trig(d, c0, hi, TR_AIDN) || (cls & TR_AIDN);
	int facility = has_cue(d, c0, hi, CU_FACILITY);
	int mil_object = has_cue(d, tend, hi, CU_MILITARY);
	for (uint32_t a = 0; a < si->nactors && !mil_object; a++)
		if (si->actors[a].t0 >= tend && si->actors[a].t1 <= hi &&
		    si->actors[a].role_kind == 1)
			mil_object = 1;
	if ((cls & TR_BUILD) && !(cls & ~TR_BUILD) && !facility)
		return 0;
	if ((cls & TR_BUILD) && d->trig_form[t] == LF_ING && tend < si->t1 &&
	    (d->toks[tend].type == AT_TOK_PUNCT || d->cue_start[tend] & CU_LOCPREP ||
	     eq(&d->toks[tend], "of")))
		return 0; /* "a military building in Manila", "capacity building of" */
	int evidence = items || mm || aidnoun || (cls & TR_TRAIN) ||
		       ((cls & (TR_FUND | TR_HELP)) && mil_object) ||
		       ((cls & (TR_BUILD | TR_FUND | TR_HELP)) && facility) ||
		       ((cls & TR_HELP) && has_trig(d, tend, hi, TR_BUILD | TR_TRAIN));
	if (!evidence)
		return 0;
	int mil = military_context(d, si);
	/* commercial sales are not aid */
	if (sale_context(d, si) && !(cls & TR_AIDN) && !has_trig(d, c0, t, TR_AIDN) &&
	    !has_trig(d, tend, c1, TR_AIDN)) {
		int free_ = 0;
		for (uint32_t k = si->t0; k < si->t1; k++)
			if (eq(&d->toks[k], "free") || !strncmp(d->toks[k].norm, "donat", 5) ||
			    !strncmp(d->toks[k].norm, "gift", 4))
				free_ = 1;
		if (!free_)
			return 0;
	}
	/* "send troops" is a deployment, handled by the deployment frame */
	if ((cls & TR_GIVE) && (!strncmp(tt->norm, "sen", 3) || !strncmp(tt->norm, "dispatch", 8))) {
		int force = si->npers > 0;
		for (uint32_t k = tend; k < c1 && k < tend + 4; k++)
			if ((d->cue[k] & CU_PEOPLE) && d->claimed[k] != 3)
				force = 1;
		if (force)
			return 0; /* "dispatched its troops and frigates" */
	}
	/* "X will help Y build ...": the build verb is not a frame of its own */
	if ((cls & TR_BUILD) && has_trig(d, c0, t, TR_HELP))
		return 0;
	int kinds = kinds_for(d, si, cls, lo, hi, mm);
	uint32_t pkey = prov >= 0 ? si->actors[prov].key : LX_NONE;
	uint32_t rkey = rec >= 0 ? si->actors[rec].key : LX_NONE;
	const char *src = "sentence";
	if (pkey == LX_NONE) {
		int sp = speaker(d, si, t);
		if (sp >= 0 && si->actors[sp].key != rkey) {
			pkey = si->actors[sp].key;
			src = "speaker";
		}
	}
	memo *m = M(d);
	if (pkey == LX_NONE && rkey != LX_NONE) {
		int idx = m->last[EV_AID];
		if (idx >= 0 && sidx - m->last_sent[EV_AID] <= 4 &&
		    out->ev[idx].provider != rkey) {
			/* "The grant ... covers", "the second OSA grant to the
			 * Philippines": a noun with no giver of its own speaks of the
			 * act just reported */
			if ((cls & TR_AIDN) && out->ev[idx].recipient == rkey) {
				attach(d, out, si, sidx, EV_AID, lo, hi, kinds, LX_NONE, rkey, status);
				return 0;
			}
			pkey = out->ev[idx].provider;
			src = "previous event";
		}
	}
	/* construction with no recipient: the country where it is built */
	if (rkey == LX_NONE && (kinds & K_CONSTRUCTION) && pkey != LX_NONE) {
		at_event_rec tmp;
		init_event(si, sidx, &tmp, EV_AID, status, "");
		set_place(d, si, &tmp, tend, si->t1, LX_NONE);
		if (tmp.has_place && tmp.place_country != LX_NONE && tmp.place_country != pkey)
			rkey = tmp.place_country;
	}
	/* "Ankara also agreed to finance ... for the army": the recipient of
	 * the provider's last aid goes on */
	if (pkey != LX_NONE && rkey == LX_NONE && !(cls & TR_AIDN)) {
		int idx = m->last[EV_AID];
		int concrete = (kinds & (K_EQUIPMENT | K_FUNDING | K_CONSTRUCTION)) != 0;
		/* "Germany will send 14 tanks to Ukraine and the United States
		 * pledged 31": a parallel clause shares the recipient */
		if (idx >= 0 && m->last_sent[EV_AID] == sidx && concrete &&
		    out->ev[idx].recipient != pkey) {
			rkey = out->ev[idx].recipient;
			src = "parallel clause";
		} else if (idx >= 0 && sidx - m->last_sent[EV_AID] <= 4 &&
			   out->ev[idx].provider == pkey &&
			   (status == ST_COMMITTED || status == ST_INTENT) && concrete) {
			rkey = out->ev[idx].recipient;
			src = "previous recipient";
		}
	}
	/* military context: the sentence's own, or the same provider's military
	 * aid story going on ("Japan also plans to provide six more vessels") */
	if (!mil) {
		int idx = m->last[EV_AID];
		if (!(idx >= 0 && sidx - m->last_sent[EV_AID] <= 2 && pkey != LX_NONE &&
		      out->ev[idx].provider == pkey))
			return 0;
	}
	if (pkey == LX_NONE || rkey == LX_NONE || pkey == rkey) {
		attach(d, out, si, sidx, EV_AID, lo, hi, kinds, pkey,
		       rkey == pkey ? LX_NONE : rkey, status);
		return 0;
	}
	int recs[4], provs[4];
	int nrec = 1, nprov = 1;
	recs[0] = rec;
	if (rec >= 0)
		nrec += coordinated(d, si, rec, recs + 1, 3);
	/* providers joined to the subject: "The Netherlands and Denmark will
	 * train ...": the subject found is the last of the list */
	provs[0] = prov;
	if (prov >= 0 && how[0] == 'a')
		for (int a = prov - 1; a >= 0 && nprov < 4; a--) {
			int co[4];
			int nco = coordinated(d, si, a, co, 3);
			int reaches = 0;
			for (int k = 0; k < nco; k++)
				reaches |= co[k] == prov;
			if (!reaches || (si->actors[a].flags & OBLIQUE))
				break;
			provs[nprov++] = a;
		}
	for (int pv = 0; pv < nprov; pv++)
	for (int r = 0; r < nrec; r++) {
		uint32_t pk = pv == 0 ? pkey : si->actors[provs[pv]].key;
		uint32_t rk = r == 0 ? rkey : si->actors[recs[r]].key;
		if (rk == pk)
			continue;
		at_event_rec ev;
		snprintf(why, sizeof(why), "aid:%s:%s:%s", how, tt->norm, src);
		init_event(si, sidx, &ev, EV_AID, status, why);
		ev.provider = pk;
		ev.recipient = rk;
		ev.soft_status = soft;
		ev.kinds = (uint8_t)kinds;
		add_items(d, si, &ev, lo, hi);
		set_value(d, si, &ev, mm);
		if (!vague_time(d, c0, c1))
			set_when(d, si, &ev, pick_date(d, si, t, c0, c1, is_speech_act(tt)),
				 ev.status);
		if (kinds & K_CONSTRUCTION)
			set_place(d, si, &ev, tend, c1, rk);
		default_status(d, &ev);
		ev.confidence = 0.55 + (prov >= 0 ? 0.15 : 0) + (rec >= 0 ? 0.1 : 0) +
				((items || mm) ? 0.1 : 0) + (!(cls & TR_AIDN) ? 0.05 : 0);
		int idx = at_extract__add_event(d, out, &ev);
		if (idx == AT_ENOMEM)
			return AT_ENOMEM;
		remember(d, EV_AID, idx, sidx);
	}
	return 0;
}

/* ---- deployments ---------------------------------------------------------- */

static int deploy_frame(docx *d, at_events *out, uint32_t sidx, uint32_t t, int cls)
{
	sent_info *si = &d->sents[sidx];
	uint32_t c0, c1;
	clause_of(d, si, t, &c0, &c1);
	const at_tok *tt = &d->toks[t];
	uint32_t tend = t + 1;
	int passive = is_passive(d, si, t);
	/* what moves: people, units or military items */
	uint32_t lo = passive ? c0 : tend, hi = c1;
	int forces = 0;
	uint32_t force_bits = (cls & TR_GIVE) ? CU_PEOPLE : (CU_PEOPLE | CU_UNITS);
	for (uint32_t k = lo; k < hi; k++)
		if ((d->cue[k] & force_bits) && d->claimed[k] != 3 && k != t)
			forces = 1;
	for (uint32_t k = 0; k < si->npers; k++)
		if (si->pers[k].t0 >= lo && si->pers[k].t1 <= hi)
			forces = 1;
	int mil_items = 0;
	for (uint32_t i = 0; i < si->nitems; i++)
		if (si->items[i].t0 >= lo && si->items[i].t1 <= hi && military_item(&si->items[i]) &&
		    !false_item(d, si, &si->items[i]))
			mil_items = 1;
	if ((cls & TR_EQUIP) == 0 && !forces && !(mil_items && (cls & TR_DEPLOY)))
		return 0;
	if (!strncmp(tt->norm, "mov", 3) && !passive) {
		int near = 0;
		for (uint32_t k = tend; k < c1 && k < tend + 4; k++)
			if ((d->cue[k] & (CU_PEOPLE | CU_UNITS)) || d->claimed[k] == 3)
				near = 1;
		if (!near)
			return 0;
	}
	/* a purpose infinitive after another frame's verb: "relocated 20,000
	 * troops to reinforce its border" is one act */
	if (d->trig_form[t] == LF_BASE && t > si->t0 && eq(&d->toks[t - 1], "to") &&
	    has_verb_between(d, c0, t - 1))
		return 0;
	if (!military_context(d, si) && !forces)
		return 0;
	if (!has_cue(d, si->t0, si->t1, CU_MILITARY) && !mil_items && !si->npers) {
		/* "forces" alone is too weak: "market forces moved" */
		int strong = 0;
		for (uint32_t k = lo; k < hi; k++)
			if ((d->cue[k] & CU_PEOPLE) && !eq(&d->toks[k], "forces") &&
			    !eq(&d->toks[k], "staff") && !eq(&d->toks[k], "members"))
				strong = 1;
		if (!strong)
			return 0;
	}
	int soft;
	int status = status_of(d, si, c0, c1, t, 0, &soft);
	if (status == DROP || ended_before(d, si, si->t0, c1))
		return 0;
	int act = d->actor_at[t] >= 0 ? d->actor_at[t] : left_subject(d, si, c0, t, 0);
	/* "Washington said it would send 3,500 more soldiers": the pronoun
	 * subject of reported speech is its speaker */
	if (act < 0 && c0 > si->t0 && c0 < t) {
		static const char *const PRON[] = {"it", "they", "we", NULL};
		uint32_t k = c0;
		if (k < t && in_list(d->toks[k].norm, PRON))
			act = speaker(d, si, t);
	}
	if (act < 0) {
		/* "The unit will be equipped with Leopard tanks": more about the
		 * deployment just reported */
		attach(d, out, si, sidx, EV_DEPLOYMENT, c0, c1, 0, LX_NONE, LX_NONE, ST_NONE);
		return 0;
	}
	at_event_rec ev;
	char why[96];
	snprintf(why, sizeof(why), "deployment:%s%s", (cls & TR_EQUIP) ? "equip-own-base:" : "",
		 tt->norm);
	init_event(si, sidx, &ev, EV_DEPLOYMENT, status, why);
	ev.actor = si->actors[act].key;
	/* personnel: after the trigger up to the next trigger, else before it */
	uint32_t nt = tend;
	while (nt < c1 && !(d->trig[nt] & (TR_DEPLOY | TR_EXERN | TR_VERBS)))
		nt++;
	ev.personnel = pick_people(si, t, tend, nt);
	if (ev.personnel < 0) {
		uint32_t pt = t;
		while (pt > c0 && !(d->trig[pt - 1] & (TR_DEPLOY | TR_EXERN | TR_VERBS)))
			pt--;
		ev.personnel = pick_people(si, t, pt > c0 ? pt - 1 : c0, t);
	}
	add_items(d, si, &ev, lo, hi);
	if (!vague_time(d, c0, c1))
		set_when(d, si, &ev, pick_date(d, si, t, c0, c1, 0), ev.status);
	set_place(d, si, &ev, tend, c1, ev.actor);
	default_status(d, &ev);
	ev.confidence = 0.6 + (ev.personnel > 0 ? 0.15 : 0) + (ev.has_place ? 0.1 : 0);
	int idx = at_extract__add_event(d, out, &ev);
	if (idx == AT_ENOMEM)
		return AT_ENOMEM;
	remember(d, EV_DEPLOYMENT, idx, sidx);
	return 0;
}

/* "X equips its base in Y with Z" is a deployment; "X equips Y with Z" aid. */
static int equip_own(const docx *d, const sent_info *si, uint32_t t)
{
	uint32_t k = t + 1;
	if (k < si->t1 && (eq(&d->toks[k], "its") || eq(&d->toks[k], "their"))) {
		for (uint32_t q = k + 1; q < si->t1 && q < k + 5; q++)
			if (d->cue[q] & (CU_FACILITY | CU_UNITS | CU_PEOPLE))
				return 1;
	}
	return 0;
}

/* ---- exercises ------------------------------------------------------------ */

static int exercise_frame(docx *d, at_events *out, uint32_t sidx, uint32_t t)
{
	sent_info *si = &d->sents[sidx];
	const at_tok *tt = &d->toks[t];
	uint32_t tend = t + (d->trig_len[t] ? d->trig_len[t] : 1);
	static const char *const NOT_AFTER[] = {
		"of", "its", "their", "his", "her", "restraint", "caution", "price", "prices",
		"option", "options", "rights", "right", "power", "control", "authority",
		"influence", "judgment", "judgement", "bike", "regime", "routine", "class",
		"classes", "equipment", "program", "programme", "book", "ball", NULL};
	static const char *const NOT_BEFORE[] = {"oil", "gas", "fire", "well", "rig",
						 "earthquake", "evacuation", "physical",
						 "drilling", "offshore", "the", "an", "to", NULL};
	if (!strncmp(tt->norm, "exercise", 8) || !strncmp(tt->norm, "drill", 5)) {
		if (tend < si->t1 && in_list(d->toks[tend].norm, NOT_AFTER))
			return 0;
		if (t > si->t0 && in_list(d->toks[t - 1].norm, NOT_BEFORE) &&
		    !(eq(&d->toks[t - 1], "the") && !strncmp(tt->norm, "exercise", 8)))
			return 0;
		if (t > si->t0 && eq(&d->toks[t - 1], "to"))
			return 0;
	}
	if (!military_context(d, si))
		return 0;
	uint32_t c0, c1;
	clause_of(d, si, t, &c0, &c1);
	/* the frame's own span: up to the next exercise trigger */
	uint32_t nt = tend;
	while (nt < c1 && !(d->trig[nt] & TR_EXERN))
		nt++;
	uint32_t pt = t;
	while (pt > c0 && !(d->trig[pt - 1] & TR_EXERN))
		pt--;
	int soft;
	int status = status_of(d, si, c0, c1, t, 1, &soft);
	if (status == DROP)
		return 0;
	uint32_t part[8];
	int np = 0;
	/* adjectives just before: "joint Russian-Uzbek drills" */
	for (uint32_t a = 0; a < si->nactors && np < 8; a++) {
		const actor_m *am = &si->actors[a];
		if (am->t1 <= t && am->t1 + 3 >= t && (am->flags & AF_ADJ) &&
		    !(am->flags & AF_PLACE) && am->t0 >= pt) {
			int ok = 1;
			for (uint32_t k = am->t1; k < t; k++) {
				if (d->toks[k].type == AT_TOK_PUNCT || d->actor_at[k] >= 0 ||
				    (d->toks[k].type == AT_TOK_NUM))
					ok = (d->actor_at[k] >= 0) ? ok : 0;
				/* "the Thai Army will hold exercise": a verb between */
				if (d->role[k] || (d->cue_start[k] & (CU_EXVERB | CU_COMMITTED |
								      CU_INTENT | CU_REPORT)))
					ok = 0;
			}
			if (ok)
				part[np++] = am->key;
		}
	}
	if (np == 0) {
		/* the subjects of the clause, when a verb makes them take part
		 * ("hold", "take part"): not "Russia's fleet shadows the exercise" */
		for (uint32_t a = 0; a < si->nactors && np < 8; a++) {
			const actor_m *am = &si->actors[a];
			if (am->t1 > t || am->t0 < c0 || !actor_usable(am) || (am->flags & OBLIQUE))
				continue;
			if (!has_cue(d, am->t1, t, CU_EXVERB))
				continue;
			part[np++] = am->key;
		}
	}
	/* "with X and Y", "between X and Y", until a place begins */
	int mode = 0; /* 0 none, 1 with, 2 place */
	for (uint32_t k = tend; k < nt && np < 8; k++) {
		const at_tok *p = &d->toks[k];
		if (eq(p, "with") || eq(p, "between") || eq(p, "involving") ||
		    eq(p, "alongside")) {
			if (mode != 2)
				mode = 1;
			continue;
		}
		if ((d->cue_start[k] & CU_LOCPREP) || eq(p, "to") || eq(p, "from"))
			mode = 2;
		if (d->actor_at[k] >= 0 && mode == 1) {
			const actor_m *am = &si->actors[d->actor_at[k]];
			if (!(am->flags & AF_PLACE) && am->t0 == k)
				part[np++] = am->key;
		}
	}
	/* dedupe */
	int w = 0;
	for (int i = 0; i < np; i++) {
		int dup = 0;
		for (int j = 0; j < w; j++)
			if (part[j] == part[i])
				dup = 1;
		if (!dup)
			part[w++] = part[i];
	}
	np = w;
	if (np == 0) {
		attach(d, out, si, sidx, EV_EXERCISE, c0, c1, 0, LX_NONE, LX_NONE, ST_NONE);
		return 0;
	}
	at_event_rec ev;
	char why[96];
	snprintf(why, sizeof(why), "exercise:%s", tt->norm);
	init_event(si, sidx, &ev, EV_EXERCISE, status, why);
	for (int i = 0; i < np; i++)
		ev.part[ev.npart++] = part[i];
	ev.personnel = pick_people(si, t, tend, nt);
	if (ev.personnel < 0)
		ev.personnel = pick_people(si, t, pt, t);
	const date_m *dm = pick_date(d, si, t, tend, nt, 0);
	if (!dm)
		dm = pick_date(d, si, t, pt > c0 ? pt : c0, t, 0);
	if (!vague_time(d, c0, c1))
		set_when(d, si, &ev, dm, ev.status);
	default_status(d, &ev);
	/* drills planned for fixed dates are committed */
	if (ev.status == ST_INTENT && ev.has_when == 1)
		ev.status = ST_COMMITTED;
	set_place(d, si, &ev, tend, nt, part[0]);
	ev.confidence = 0.6 + (np > 1 ? 0.1 : 0) + (ev.has_when ? 0.1 : 0) +
			(ev.personnel > 0 ? 0.05 : 0);
	int idx = at_extract__add_event(d, out, &ev);
	if (idx == AT_ENOMEM)
		return AT_ENOMEM;
	remember(d, EV_EXERCISE, idx, sidx);
	return 0;
}

/* ---- driver ---------------------------------------------------------------- */

/* "a major upgrade": a base-form verb after a determiner is a noun. */
static int verb_as_noun(const docx *d, const sent_info *si, uint32_t t)
{
	static const char *const DET[] = {"a", "an", "the", "this", "that", "its", "their",
					  "major", "new", "further", "planned", "$", NULL};
	return t > si->t0 && in_list(d->toks[t - 1].norm, DET);
}

/* "the surprise $3 billion grant", "Saudi grant", "its support": a noun. */
static int noun_reading(const docx *d, const sent_info *si, uint32_t t)
{
	if (!(d->trig[t] & TR_AIDN) || t == si->t0)
		return 0;
	const at_tok *p = &d->toks[t - 1];
	static const char *const DET[] = {"a", "an", "the", "this", "that", "its", "their",
					  "his", "her", "our", "'s", "of", "new", "more",
					  "additional", "military", "financial", "further",
					  "surprise", "such", "any", "direct", "for", "with",
					  "without", "on", "in", "by", "no", "includes",
					  "included", "include", "including", "covers",
					  "involves", "comprises", NULL};
	if (in_list(p->norm, DET) || p->type == AT_TOK_NUM || d->claimed[t - 1] == 2)
		return 1;
	/* "equipment and training", "OSA grant": a noun in a list or after a name */
	if (eq(p, "and") || eq(p, "or") || eq(p, ",") ||
	    ((p->flags & AT_TF_CAP) && p->type == AT_TOK_WORD && t - 1 > si->t0 &&
	     si->role != AT_ROLE_HEADLINE))
		return 1;
	/* "missing funds": an -ing word before it is an adjective */
	if (p->nlen > 4 && !strcmp(p->norm + p->nlen - 3, "ing") && !d->trig[t - 1] &&
	    !(d->cue_start[t - 1] & (CU_COMMITTED | CU_INTENT | CU_UNDERWAY)))
		return 1;
	if (d->actor_at[t - 1] >= 0)
		return 1;
	/* the object of a verb: "receive funds", "provide support" */
	if (d->trig[t - 1] & (TR_VERBS | TR_DEPLOY))
		return 1;
	return 0;
}

#ifdef AT_TRACE
/* Development builds only (-DAT_TRACE): the sentence as the frames see it. */
static void trace(const docx *d, const sent_info *si)
{
	fprintf(stderr, "-- S%u role=%d:", si->t0, si->role);
	for (uint32_t t = si->t0; t < si->t1; t++) {
		fprintf(stderr, " %s", d->toks[t].norm);
		if (d->actor_at[t] >= 0) {
			const actor_m *am = &si->actors[d->actor_at[t]];
			fprintf(stderr, "[A:%s:%x]", d->ctx->keys[am->key].code, am->flags);
		}
		if (d->trig[t])
			fprintf(stderr, "[T:%x/%d]", d->trig[t], d->trig_form[t]);
		if (d->cue_start[t])
			fprintf(stderr, "[C:%x]", d->cue_start[t]);
		if (d->role[t])
			fprintf(stderr, "[R%d]", d->role[t]);
	}
	for (uint32_t i = 0; i < si->nitems; i++)
		fprintf(stderr, " {item %s q=%lld}", AT_ITEM_CATS[si->items[i].cat],
			(long long)si->items[i].qty);
	for (uint32_t i = 0; i < si->nmoney; i++)
		fprintf(stderr, " {money %g %s usd=%g}", si->money[i].amount, si->money[i].cur,
			si->money[i].usd);
	for (uint32_t i = 0; i < si->ndates; i++)
		fprintf(stderr, " {date k=%d %d-%d-%d}", si->dates[i].kind, si->dates[i].a.y,
			si->dates[i].a.m, si->dates[i].a.d);
	for (uint32_t i = 0; i < si->npers; i++)
		fprintf(stderr, " {pers %lld}", (long long)si->pers[i].count);
	fputc('\n', stderr);
}
#endif

int at_extract__frames(docx *d, at_events *out, uint32_t sidx)
{
	sent_info *si = &d->sents[sidx];
#ifdef AT_TRACE
	trace(d, si);
#endif
	for (uint32_t t = si->t0; t < si->t1; t++) {
		uint16_t tr = d->trig[t];
		if (!tr)
			continue;
		/* "the British Army Training Unit Kenya": a word of a name */
		if (si->role != AT_ROLE_HEADLINE && t > si->t0 + 1 &&
		    (d->toks[t].flags & AT_TF_CAP) && (d->toks[t - 1].flags & AT_TF_CAP) &&
		    d->toks[t - 1].type == AT_TOK_WORD && d->actor_at[t - 1] < 0 &&
		    !(d->toks[t].flags & AT_TF_ALLCAP))
			continue;
		int rc = 0;
		if (tr & TR_EXERN)
			rc = exercise_frame(d, out, sidx, t);
		else if ((tr & TR_DEPLOY) && d->trig_form[t] == LF_BASE && verb_as_noun(d, si, t))
			continue; /* "the radar station" */
		else if (tr & TR_DEPLOY)
			rc = deploy_frame(d, out, sidx, t, TR_DEPLOY);
		else if ((tr & TR_EQUIP) && equip_own(d, si, t))
			rc = deploy_frame(d, out, sidx, t, TR_EQUIP);
		else if ((tr & TR_EQUIP) && is_passive(d, si, t) && d->memo.last[EV_DEPLOYMENT] >= 0 &&
			 sidx - d->memo.last_sent[EV_DEPLOYMENT] <= 2 &&
			 left_subject(d, si, si->t0, t, 1) < 0)
			rc = deploy_frame(d, out, sidx, t, TR_EQUIP);
		else if ((tr & TR_GIVE) && (!strncmp(d->toks[t].norm, "sen", 3) ||
					    !strncmp(d->toks[t].norm, "dispatch", 8))) {
			rc = aid_frame(d, out, sidx, t, TR_GIVE);
			if (rc == 0)
				rc = deploy_frame(d, out, sidx, t, TR_GIVE);
		} else if ((tr & TR_VERBS) && !(tr & TR_AIDN) && d->trig_form[t] == LF_BASE &&
			   verb_as_noun(d, si, t)) {
			continue; /* "a major upgrade", "the build" */
		} else if ((tr & TR_VERBS) && !noun_reading(d, si, t)) {
			/* a verb that governs an aid noun makes one frame: the verb's */
			rc = aid_frame(d, out, sidx, t, tr & TR_VERBS);
		} else if ((tr & TR_AIDN) && t + 1 < si->t1 && (d->cue_start[t + 1] & CU_FACILITY)) {
			continue; /* "a training facility", "aid station" */
		} else if (tr & TR_AIDN) {
			/* nouns make a frame only when no aid verb governs them */
			uint32_t c0, c1;
			clause_of(d, si, t, &c0, &c1);
			int governed = has_verb_between(d, c0, t);
			if (!governed)
				rc = aid_frame(d, out, sidx, t, TR_AIDN);
		}
		if (rc)
			return rc;
	}
	return 0;
}
