/* SPDX-License-Identifier: MIT */
/*
 * frames_syntax.c — clauses and roles: where a clause begins and ends, its
 * subject, the actors after the trigger, coordinated lists, passives, and
 * the status a clause's modality gives (status_of).
 */
#include "frames_int.h"

/* ---- clauses ------------------------------------------------------------- */

static int is_be(const at_tok *t)
{
	static const char *const BE[] = {"is",   "are",   "was", "were", "be",
					 "been", "being", "'s",  NULL};
	return in_list(t->norm, BE);
}

static const char *const LEFT_BOUND[] = {
	";",        "that",   "which",   "who", "whom", "whose", "while", "whereas", "but",
	"although", "though", "because", "if",  "when", "where", ":",     NULL};
static const char *const RIGHT_BOUND[] = {";",        "but",    "while",   "whereas",
					  "although", "though", "because", NULL};

/* a clause's own subject and auxiliaries: "and it has also delivered" */
static const char *const PRONOUN_SUBJ[] = {"it", "they", "we", "he", "she", NULL};
static const char *const CLAUSE_AUX[] = {"has",   "have", "had", "will", "would", "also", "then",
					 "later", "is",   "was", "are",  "were",  "been", NULL};

/* Does ", and" at k open a clause with a subject of its own and its verb:
 * "..., and a second consignment of goggles arrived", "..., and the trucks
 * were delivered", "..., and another shipment was sent" (the noun may be
 * an aid noun)? */
static int and_clause_at(const docx *d, const sent_info *si, uint32_t k)
{
	if (!eq(&d->toks[k], "and") || k <= si->t0 || !eq(&d->toks[k - 1], ",") ||
	    k + 2 >= si->t1 ||
	    !(eq(&d->toks[k + 1], "a") || eq(&d->toks[k + 1], "another") ||
	      eq(&d->toks[k + 1], "the")))
		return 0;
	uint32_t v = k + 2;
	while (v < si->t1 && v < k + 14 && d->toks[v].type != AT_TOK_PUNCT &&
	       !((d->trig[v] & (TR_VERBS | TR_MOVES)) && d->trig_form[v] != LF_NOUN))
		v++;
	return v < si->t1 && (d->trig[v] & (TR_VERBS | TR_MOVES)) && d->trig_form[v] != LF_ING &&
	       d->trig_form[v] != LF_NOUN && d->trig_form[v] != LF_BASE &&
	       !eq(&d->toks[v - 1], "to");
}

void fr_clause_of(const docx *d, const sent_info *si, uint32_t t, uint32_t *c0, uint32_t *c1)
{
	uint32_t i = t;
	*c0 = si->t0;
	while (i > si->t0) {
		const at_tok *p = &d->toks[i - 1];
		/* "The Czech Republic, which has given ..., will also supply": a
		 * relative clause closed before t is skipped */
		if ((eq(p, "which") || eq(p, "who")) && i >= si->t0 + 2 &&
		    eq(&d->toks[i - 2], ",")) {
			int closed = 0;
			for (uint32_t k = i; k < t && !closed; k++)
				closed = eq(&d->toks[k], ",");
			if (closed) {
				i -= 2;
				continue;
			}
		}
		if (in_list(p->norm, LEFT_BOUND) || (d->cue_start[i - 1] & CU_REPORT)) {
			*c0 = i;
			break;
		}
		/* "..., and a second consignment of goggles arrived" */
		if (i < t && and_clause_at(d, si, i - 1)) {
			*c0 = i;
			break;
		}
		/* "has shot down Russian missiles since the first battery
		 * arrived": a subordinate clause's own subject */
		if (i < t && d->trig_form[t] != LF_NOUN &&
		    (eq(p, "since") || eq(p, "after") || eq(p, "before") || eq(p, "until") ||
		     eq(p, "once")) &&
		    (eq(&d->toks[i], "the") || eq(&d->toks[i], "a") || eq(&d->toks[i], "its") ||
		     eq(&d->toks[i], "their") || d->actor_at[i] >= 0) &&
		    !has_verb_between(d, i, t) && !has_word(d, i, t, "and") &&
		    !has_word(d, i, t, ",")) {
			*c0 = i;
			break;
		}
		/* "..., and it delivered": a pronoun subject with its own verb
		 * (the right bound below, seen from the second clause) */
		if (eq(p, "and") && i < t && in_list(d->toks[i].norm, PRONOUN_SUBJ)) {
			uint32_t e = i + 1;
			while (e < t && in_list(d->toks[e].norm, CLAUSE_AUX))
				e++;
			if (e == t) {
				*c0 = i;
				break;
			}
		}
		i--;
	}
	/* "After Germany decided to send tanks, Poland handed ...": a
	 * subordinate clause that opens the sentence ends at its comma, and the
	 * main clause begins after it */
	static const char *const SUB[] = {"after",  "when",      "once",  "since",
					  "before", "although",  "though", "because",
					  "while",  "whereas",   NULL};
	uint32_t sub_end = si->t1;
	if (si->t1 > si->t0 + 3 && in_list(d->toks[si->t0].norm, SUB))
		for (uint32_t k = si->t0 + 2; k < si->t1 && sub_end == si->t1; k++)
			if (eq(&d->toks[k], ","))
				sub_end = k;
	/* a clause has a verb ("Since 2014, the US has ..." has none) */
	int verb = 0;
	for (uint32_t k = si->t0 + 1; k < sub_end && !verb; k++)
		verb = (d->trig[k] && d->trig_form[k] != LF_NOUN) ||
		       (d->cue_start[k] & (CU_REPORT | CU_COMMITTED | CU_INTENT | CU_EXVERB));
	if (!verb)
		sub_end = si->t1;
	if (sub_end < si->t1 && t > sub_end && *c0 <= sub_end)
		*c0 = sub_end + 1;
	*c1 = si->t1;
	if (sub_end < si->t1 && t < sub_end)
		*c1 = sub_end;
	for (uint32_t k = t + 1; k < *c1; k++) {
		const at_tok *p = &d->toks[k];
		if (in_list(p->norm, RIGHT_BOUND)) {
			*c1 = k;
			break;
		}
		/* "... to Ukraine and Germany deployed ...": a second clause */
		if (eq(p, "and") && k + 1 < si->t1 && d->actor_at[k + 1] >= 0) {
			uint32_t e = k + 1;
			while (e < si->t1 &&
			       (d->actor_at[e] >= 0 || d->role[e] || eq(&d->toks[e], "'s")))
				e++;
			if (e < si->t1 && (d->trig[e] & (TR_VERBS | TR_MOVES)) &&
			    d->trig_form[e] != LF_ING) {
				*c1 = k;
				break;
			}
		}
		/* "delivered two helicopters in March, and a second consignment
		 * of goggles arrived on Friday" */
		if (k > t + 1 && and_clause_at(d, si, k)) {
			*c1 = k;
			break;
		}
		/* "has been training soldiers since 2017, and it delivered 30
		 * vehicles in 2021": a pronoun subject and its own verb */
		if (eq(p, "and") && k + 2 < si->t1 && in_list(d->toks[k + 1].norm, PRONOUN_SUBJ)) {
			uint32_t e = k + 2;
			while (e < si->t1 && e < k + 5 && in_list(d->toks[e].norm, CLAUSE_AUX))
				e++;
			if (e < si->t1 && (d->trig[e] & (TR_VERBS | TR_MOVES)) &&
			    d->trig_form[e] != LF_ING) {
				*c1 = k;
				break;
			}
		}
		/* "comes a week after the United States delivered ...": a
		 * subordinate clause with its own subject and verb */
		if ((eq(p, "after") || eq(p, "before") || eq(p, "since") || eq(p, "when") ||
		     eq(p, "until") || eq(p, "as")) &&
		    k + 1 < si->t1) {
			uint32_t e = k + 1;
			while (e < si->t1 && e < k + 4 &&
			       (eq(&d->toks[e], "the") || d->actor_at[e] >= 0 || d->role[e]))
				e++;
			if (e > k + 1 && d->actor_at[e - 1] >= 0 && e < si->t1 &&
			    (d->trig[e] & (TR_VERBS | TR_MOVES)) && d->trig_form[e] != LF_ING) {
				*c1 = k;
				break;
			}
			/* "..., after its previous delivery of 34 trucks in 2007" */
			int noun = 0;
			for (uint32_t q = k + 1; q < si->t1 && q < k + 5 && !noun; q++)
				noun = (d->trig[q] & TR_AIDN) != 0;
			if (noun && k > t + 1 && eq(&d->toks[k - 1], ",")) {
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

/* A "for X to VERB" subject: "for Paris to provide". */
static int for_subject(const docx *d, const sent_info *si, const actor_m *am)
{
	uint32_t k = am->t1;
	if (k < si->t1 && eq(&d->toks[k], "'s"))
		k++;
	return (am->flags & AF_FOR) && k < si->t1 && eq(&d->toks[k], "to");
}

/* Is the actor inside ", which ... ," closed before t? */
static int in_closed_relative(const docx *d, const sent_info *si, const actor_m *am, uint32_t c0,
			      uint32_t t)
{
	for (uint32_t k = am->t0; k > c0 + 1 && k > si->t0 + 1; k--) {
		if (eq(&d->toks[k - 1], ",") && !(eq(&d->toks[k], "which") || eq(&d->toks[k], "who")))
			return 0;
		if ((eq(&d->toks[k - 1], "which") || eq(&d->toks[k - 1], "who")) &&
		    eq(&d->toks[k - 2], ",")) {
			for (uint32_t q = am->t1; q < t; q++)
				if (eq(&d->toks[q], ","))
					return 1;
			return 0;
		}
	}
	return 0;
}

/* Is the actor a dateline ("OSLO (Wire) - Some 20,000 soldiers ...",
 * "KABUL, May 3 -"): the sentence's first words, then a dash before any
 * verb? A dateline names where the report was filed, never a party. */
int fr_dateline(const docx *d, const sent_info *si, const actor_m *am)
{
	if (am->t0 != si->t0)
		return 0;
	for (uint32_t k = am->t1; k < si->t1 && k < am->t1 + 8; k++) {
		const at_tok *w = &d->toks[k];
		if (eq(w, "-") || eq(w, "—") || eq(w, "–"))
			return 1;
		if (d->trig[k] || (w->type == AT_TOK_WORD && !(w->flags & AT_TF_CAP) &&
				   !(d->cue_start[k] & CU_DATEW)))
			return 0;
	}
	return 0;
}

/* The subject: nearest usable actor left of t in the clause. */
int fr_left_subject(const docx *d, const sent_info *si, uint32_t c0, uint32_t t, int allow_of)
{
	for (int pass = 0; pass < 3; pass++) {
		for (uint32_t a = si->nactors; a-- > 0;) {
			const actor_m *am = &si->actors[a];
			if (am->t1 > t || am->t0 < c0 || !actor_usable(am) ||
			    in_closed_relative(d, si, am, c0, t) || fr_dateline(d, si, am))
				continue;
			/* "the Government of Japan will provide": of-phrases after a
			 * body or role word name the subject */
			if (pass == 1 && (am->flags & AF_OF) &&
			    !(am->flags & ~(AF_OF | AF_ADJ | AF_POSS | AF_ROLE | AF_CAPITAL))) {
				uint32_t p = am->t0;
				while (p > si->t0 && !eq(&d->toks[p - 1], "of"))
					p--;
				/* "a squadron of Spanish jets arrived": and after
				 * a word of units or people */
				/* "On behalf of the Japanese government, the
				 * ambassador handed over": the one acted for */
				if (p > si->t0 + 1 &&
				    (d->role[p - 2] || (d->cue[p - 2] & CU_AGENT) ||
				     eq(&d->toks[p - 2], "behalf") ||
				     ((d->cue[p - 2] & (CU_UNITS | CU_PEOPLE)) &&
				      (d->cue[p - 2] & CU_MILITARY))))
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
	/* "The Czech Republic, which has given Ukraine 100 tanks", "brokered
	 * by Rwanda, which reinforced its garrison": a relative clause's
	 * subject is the name it follows, whatever its own phrase */
	if (c0 >= si->t0 + 3 && (eq(&d->toks[c0 - 1], "which") || eq(&d->toks[c0 - 1], "who")) &&
	    eq(&d->toks[c0 - 2], ",") && d->actor_at[c0 - 3] >= 0) {
		int a = d->actor_at[c0 - 3];
		if (actor_usable(&si->actors[a]))
			return a;
	}
	return -1;
}

/* "The UK gifted Ukraine 14 tanks and will send more", "Turkey will train the
 * Somali navy and will deploy vessels": a verb after "and" shares the
 * subject of the verb of giving or moving before it; that subject, or -1. */
int fr_shared_subject(const docx *d, const sent_info *si, uint32_t c0, uint32_t t)
{
	uint32_t k = t;
	while (k > c0 && (eq(&d->toks[k - 1], "will") || eq(&d->toks[k - 1], "would") ||
			  eq(&d->toks[k - 1], "also") || eq(&d->toks[k - 1], "has") ||
			  eq(&d->toks[k - 1], "then") || eq(&d->toks[k - 1], "plans") ||
			  eq(&d->toks[k - 1], "to")))
		k--;
	uint32_t v = k > c0 && eq(&d->toks[k - 1], "and") ? k - 1 : c0;
	while (v > c0 && !(d->trig[v - 1] & (TR_VERBS | TR_MOVES)))
		v--;
	if (v <= c0 || v >= k)
		return -1;
	/* the first verb of the chain ("will help Somalia build and train its
	 * navy and will deploy vessels": Turkey helps, trains and deploys) */
	uint32_t f = c0;
	while (f < v - 1 && !((d->trig[f] & (TR_VERBS | TR_MOVES)) && d->trig_form[f] != LF_NOUN))
		f++;
	return fr_left_subject(d, si, c0, f, 0);
}

/* The speaker of the sentence: the actor just before a report verb left of t. */
int fr_speaker(const docx *d, const sent_info *si, uint32_t t)
{
	for (uint32_t k = t; k-- > si->t0;) {
		if (!(d->cue_start[k] & CU_REPORT))
			continue;
		for (uint32_t a = si->nactors; a-- > 0;) {
			const actor_m *am = &si->actors[a];
			if (am->t1 <= k && am->t1 + 6 >= k &&
			    !(am->flags & (AF_PLACE | AF_LOC)))
				return (int)a;
		}
		return -1;
	}
	return -1;
}

/* The first actor after t (within [t, c1)) whose flags avoid `bad`. */
int fr_right_actor(const sent_info *si, uint32_t t, uint32_t c1, uint16_t need, uint16_t bad)
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
int fr_coordinated(const docx *d, const sent_info *si, int a, int *out, int max, int subj)
{
	int n = 0, closed = 0, commas = 0;
	uint32_t end = si->actors[a].t1;
	if (si->actors[a].flags & AF_POSS)
		return 0;
	for (uint32_t b = (uint32_t)a + 1; b < si->nactors && n < max; b++) {
		const actor_m *bm = &si->actors[b];
		if (bm->t0 < end)
			continue;
		int ok = 1, comma = 0, and_ = 0;
		/* "the armed forces of A, B, C and the deployment of the Rwanda
		 * Defence Force": a last member named by its forces' mission */
		static const char *const OF_FORCES[] = {"deployment", "mission", "contingent", "of",
							NULL};
		for (uint32_t k = end; k < bm->t0; k++) {
			if (eq(&d->toks[k], "and") || eq(&d->toks[k], "or"))
				and_ = 1;
			else if (eq(&d->toks[k], ","))
				comma = 1;
			else if (!eq(&d->toks[k], "the") &&
				 !(and_ && commas >= 2 && in_list(d->toks[k].norm, OF_FORCES)))
				ok = 0;
		}
		if (!ok || !(comma || and_) || (bm->flags & (AF_PLACE | AF_POSS)))
			break;
		commas += comma && !and_;
		uint32_t after = bm->t1;
		while (after < si->t1 && d->role[after])
			after++;
		if (!subj && after < si->t1 && (d->trig[after] & (TR_VERBS | TR_MOVES)))
			break; /* "... to Ukraine and Germany deployed ...": a new clause */
		out[n++] = (int)b;
		end = bm->t1;
		if (and_) {
			closed = 1;
			break;
		}
	}
	/* "A, B, C, D and the deployment of ...": three names in commas are
	 * a list even when its last member is no actor */
	return closed || commas >= 2 ? n : 0;
}

/* The actors listed before actor a in its coordination ("A, B and a"). */
int fr_list_before(const docx *d, const sent_info *si, int a, int *out, int max)
{
	int n = 0;
	uint32_t next = si->actors[a].t0; /* where the member after b starts */
	for (int b = a - 1; b >= 0 && n < max; b--) {
		int co[8];
		int nco = fr_coordinated(d, si, b, co, 7, 1);
		int reaches = 0;
		for (int k = 0; k < nco; k++)
			reaches |= co[k] == a;
		const actor_m *bm = &si->actors[b];
		/* a headline lists with commas alone: "Burundi, Uganda pledge
		 * troops" */
		reaches |= si->role == AT_ROLE_HEADLINE && bm->t1 + 1 == next &&
			   eq(&d->toks[bm->t1], ",");
		next = bm->t0;
		/* "the forces of Belize, Guatemala and a": the list's owner */
		int of_forces =
			(bm->flags & AF_OF) && bm->t0 >= si->t0 + 2 && d->role[bm->t0 - 2] == 1;
		/* "Instructors from Sweden, Norway and a": forces from the list */
		uint32_t fp = bm->t0 > si->t0 && eq(&d->toks[bm->t0 - 1], "the") ? bm->t0 - 1 : bm->t0;
		int from_forces = (bm->flags & AF_FROM) && fp >= si->t0 + 2 &&
				  ((d->cue[fp - 2] & CU_PEOPLE) || d->role[fp - 2] == 1);
		if (!reaches || ((bm->flags & OBLIQUE) && !(si->actors[a].flags & AF_OF) &&
				 !of_forces && !from_forces))
			break;
		out[n++] = b;
	}
	return n;
}

static int lemma_status(const at_tok *t)
{
	if (!strncmp(t->norm, "pledg", 5) || !strncmp(t->norm, "promis", 6) ||
	    !strncmp(t->norm, "commit", 6) || !strncmp(t->norm, "approv", 6) ||
	    !strncmp(t->norm, "earmark", 7) || !strncmp(t->norm, "allocat", 7) ||
	    !strncmp(t->norm, "set", 3) || !strncmp(t->norm, "sets", 4))
		return ST_COMMITTED; /* money promised or set aside is not yet spent */
	if (!strncmp(t->norm, "offer", 5))
		return ST_INTENT;
	return ST_NONE;
}

int fr_is_speech_act(const at_tok *t)
{
	return !strncmp(t->norm, "pledg", 5) || !strncmp(t->norm, "promis", 6) ||
	       !strncmp(t->norm, "offer", 5) || !strncmp(t->norm, "commit", 6) ||
	       !strncmp(t->norm, "announc", 7);
}

/* Does [c0, comma) open with an aside: "Following ...", "Amid ...", "Despite ..."? */
static int aside_before(const docx *d, uint32_t c0, uint32_t comma)
{
	static const char *const ASIDE[] = {"following", "amid",   "despite", "unlike",
					    "after",     "before", NULL};
	for (uint32_t k = comma; k > c0; k--)
		if (eq(&d->toks[k - 1], ","))
			return 0;
	return comma > c0 && in_list(d->toks[c0].norm, ASIDE);
}

/* Passive: "was handed over", "were delivered", "vehicles donated by X". */
int fr_is_passive(const docx *d, const sent_info *si, uint32_t t)
{
	uint8_t f = d->trig_form[t];
	if (f != LF_PAST && f != LF_PASTPART)
		return 0;
	for (uint32_t k = t, hops = 0; k > si->t0 && hops < 3; k--, hops++) {
		const at_tok *p = &d->toks[k - 1];
		if (is_be(p))
			return 1;
		int adverb = p->nlen > 3 && p->norm[p->nlen - 2] == 'l' &&
			     p->norm[p->nlen - 1] == 'y';
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

/* "this isn't the first time X transferred", "not for the first time", "is
 * not the navy's first": it happened before, and again */
static int not_the_first(const docx *d, const sent_info *si, uint32_t k)
{
	uint32_t q = k + d->cue_len[k];
	if (q < si->t1 && eq(&d->toks[q], "for"))
		q++;
	if (q >= si->t1 || !eq(&d->toks[q], "the"))
		return 0;
	/* "the first", "the coast guard's first time" */
	for (uint32_t e = q + 1; e < si->t1 && e < q + 6; e++) {
		if (eq(&d->toks[e], "first"))
			return 1;
		if (d->toks[e].type == AT_TOK_PUNCT && !eq(&d->toks[e], "'s"))
			return 0;
	}
	return 0;
}

/*
 * The status of a frame from its clause. *soft is set when no modality cue
 * decided it (only the verb's lemma or form did): such a status does not keep
 * a pledge apart from a delivery ("offered its corvette" at a handover).
 */

int fr_status_of(const docx *d, const sent_info *si, uint32_t c0, uint32_t c1, uint32_t t,
		 int noun /* 1 a noun, 2 a drill noun */, int *soft)
{
	*soft = 0;
	int found = ST_NONE;
	for (uint32_t k = t; k > c0 && (noun || t - k < 10); k--) {
		/* "Following a cut in aid to X, Y pledged": the aside's words
		 * are not the clause's mood */
		if (eq(&d->toks[k - 1], ",") && aside_before(d, c0, k - 1))
			break;
		uint32_t c = d->cue_start[k - 1];
		if (!c)
			continue;
		/* "the Eager Lion exercise": a capitalised word inside a
		 * sentence is a name's, not a mood (headlines capitalise all) */
		if ((d->toks[k - 1].flags & AT_TF_CAP) && k - 1 > si->t0 &&
		    si->role != AT_ROLE_HEADLINE && !(c & (CU_DATEW | CU_REPORT)) &&
		    d->toks[k - 1].type == AT_TOK_WORD && !eq(&d->toks[k - 2], "."))
			continue;
		/* "ended two weeks of jungle drills": drills ended were held */
		if ((c & CU_NEG) && (c & CU_EXVERB) && noun == 2) {
			found = found ? found : ST_COMPLETED;
			continue;
		}
		if ((c & CU_NEG) && !not_the_first(d, si, k - 1))
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
	/* "urged the United States to provide more helicopters", "called on
	 * Germany to send tanks", "asked to send troops": an appeal is no act
	 * of the one appealed to */
	if (t >= si->t0 + 3 && eq(&d->toks[t - 1], "to") && d->trig_form[t] == LF_BASE) {
		static const char *const APPEAL[] = {
			"urged",   "urges",   "urge",     "urging",   "asked",    "asks",
			"ask",     "asking",  "called",   "calls",    "calling",  "appealed",
			"appeals", "pleaded", "begged",   "requested", "requests", "pressed",
			"pressing", "lobbied", "lobbying", "implored", "demanded", NULL};
		/* (the one appealed to named or not: "urged international
		 * partners to provide") */
		for (uint32_t k = t - 1; k > si->t0 && t - k < 10; k--) {
			if (d->trig[k - 1] & (TR_VERBS | TR_MOVES))
				break;
			if (in_list(d->toks[k - 1].norm, APPEAL))
				return DROP;
		}
	}
	/* "if Berlin were to send more air defences": the clause of "if" */
	if (c0 > si->t0 && (eq(&d->toks[c0 - 1], "if") || eq(&d->toks[c0 - 1], "unless")))
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
	/* "The Saudi grant will allow ...": a noun subject takes its verb's mood
	 * (past a relative clause: "The drills, which open on Saturday, will
	 * bring together") */
	uint32_t nv = t + 1;
	if (noun && nv + 1 < c1 && eq(&d->toks[nv], ",") &&
	    (eq(&d->toks[nv + 1], "which") || eq(&d->toks[nv + 1], "who"))) {
		uint32_t e = nv + 2;
		while (e < c1 && e < nv + 16 && !eq(&d->toks[e], ","))
			e++;
		if (e < c1 && eq(&d->toks[e], ","))
			nv = e + 1;
	}
	/* past the noun's own phrase ("The exercise between South Korea and
	 * the United States has been cancelled"): its verb's words */
	if (noun) {
		uint32_t v = nv;
		while (v < c1 && v < nv + 10 && !is_be(&d->toks[v]) && !eq(&d->toks[v], "has") &&
		       !eq(&d->toks[v], "have") && !eq(&d->toks[v], "will") &&
		       !(d->trig[v] & (TR_VERBS | TR_MOVES)) && !eq(&d->toks[v], ","))
			v++;
		if (v < c1 && v < nv + 10 && v > nv + 1 && !eq(&d->toks[v], ","))
			for (uint32_t k = v; k < c1 && k < v + 4; k++) {
				uint32_t c = d->cue_start[k];
				if ((c & CU_NEG) && noun == 2 && (c & CU_EXVERB))
					break; /* drills that "ended" were held */
				if (c & CU_NEG)
					return DROP;
			}
	}
	for (uint32_t k = nv; !found && noun && k < c1 && k < nv + 3; k++) {
		uint32_t c = d->cue_start[k];
		/* drills that "ended" were held; aid that "ended" was not */
		if ((c & CU_NEG) && noun == 2 && (c & CU_EXVERB))
			return ST_COMPLETED;
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
	/* "small arms to be delivered over several years", "are to be built" */
	if (t >= si->t0 + 2 && eq(&d->toks[t - 1], "be") && eq(&d->toks[t - 2], "to"))
		return ST_COMMITTED;
	switch (d->trig_form[t]) {
	case LF_PAST:
	case LF_PASTPART: return ST_COMPLETED;
	case LF_3SG: return si->role == AT_ROLE_HEADLINE ? ST_COMPLETED : ST_UNDERWAY;
	case LF_ING: return ST_UNDERWAY;
	default:
		if (t > si->t0 && eq(&d->toks[t - 1], "to"))
			return ST_COMMITTED;
		return si->role == AT_ROLE_HEADLINE ? ST_COMPLETED : ST_UNDERWAY;
	}
}

/* ---- dates, places, people ---------------------------------------------- */
