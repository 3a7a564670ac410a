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
#include "frames_int.h"

/* Does a date follow noun t in its clause ("delivery of 34 trucks in 2007")? */
static int has_own_date(const sent_info *si, uint32_t t, uint32_t c1)
{
	for (uint32_t k = 0; k < si->ndates; k++)
		if (si->dates[k].t0 > t && si->dates[k].t1 <= c1 && si->dates[k].kind == DS_ABS)
			return 1;
	return 0;
}

/* A contribution, commitment or batch of troops and no materiel or money. */
static int troops_given(const docx *d, const sent_info *si, uint32_t t, uint32_t c1)
{
	static const char *const N[] = {"contribution", "commitment", "batch", "contingent",
					NULL};
	if (!in_list(d->toks[t].norm, N))
		return 0;
	for (uint32_t m = 0; m < si->nmoney; m++)
		if (si->money[m].t0 > t && si->money[m].t1 <= c1)
			return 0;
	/* a number of troops: "at full strength of 380 troops" */
	int troops = 0;
	uint32_t end = c1;
	for (uint32_t p = 0; p < si->npers && !troops; p++)
		if (si->pers[p].t0 > t && si->pers[p].t1 <= c1)
			for (uint32_t k = si->pers[p].t0; k < si->pers[p].t1; k++)
				if ((d->cue[k] & CU_PEOPLE) && (d->cue[k] & CU_MILITARY)) {
					troops = 1;
					end = si->pers[p].t1;
				}
	/* materiel before the troops is what is given; after them
	 * ("..., with a field hospital in Bentiu") it is the troops' */
	for (uint32_t i = 0; i < si->nitems; i++)
		if (si->items[i].t0 > t && si->items[i].t1 <= end)
			return 0;
	return troops;
}

/* "entered Bahrain", "entered the town of X": a place or actor follows. */
static int enters_place(const docx *d, const sent_info *si, uint32_t t)
{
	uint32_t k = t + 1;
	if (k < si->t1 && eq(&d->toks[k], "the"))
		k++;
	return k < si->t1 &&
	       (d->actor_at[k] >= 0 || (d->cue[k] & CU_PLACE) ||
		((d->toks[k].flags & AT_TF_CAP) && d->toks[k].type == AT_TOK_WORD));
}

/* Verbs of giving that also send forces: "sent 300 troops", "offered a
 * battalion", "committed 4,000 troops"; not "support", "give", "help". */
static int gives_forces(const at_tok *t)
{
	static const char *const V[] = {"sen",       "dispatch", "offer",  "pledg",   "commit",
					"contribut", "promis",   "provid", "strength", NULL};
	for (int i = 0; V[i]; i++)
		if (!strncmp(t->norm, V[i], strlen(V[i])))
			return 1;
	return 0;
}

/* "presence", "troop levels": a standing state, not a move */
static int standing_noun(const at_tok *t)
{
	return eq(t, "presence") || eq(t, "numbers") || eq(t, "levels");
}

/* "will double its troop presence", "increasing troop levels": a verb of
 * change a few words before a standing noun makes it a move */
static int changed_before(const docx *d, const sent_info *si, uint32_t t)
{
	static const char *const CHANGE[] = {"increas", "boost",  "doubl",  "tripl",
					     "expand",  "beef",   "strength", "bolster",
					     "reinforc", "step",  "build",  "establish",
					     "rais",    "bump",   "enlarg", "augment", NULL};
	for (uint32_t k = t; k > si->t0 && t - k < 5; k--)
		for (int i = 0; CHANGE[i]; i++)
			if (!strncmp(d->toks[k - 1].norm, CHANGE[i], strlen(CHANGE[i])))
				return 1;
	return 0;
}

/* "will station", "to station", "would permanently station": a base form
 * after a modal or "to" (within two words) is a verb. */
static int modal_before(const docx *d, const sent_info *si, uint32_t t)
{
	static const char *const AUX[] = {"to",  "will",  "would", "shall", "should",
					  "can", "could", "may",   "might", "must",
					  "'ll", "not",   NULL};
	for (uint32_t k = t; k > si->t0 && t - k < 3; k--)
		if (in_list(d->toks[k - 1].norm, AUX))
			return 1;
	return 0;
}

/* "a major upgrade": a base-form verb after a determiner is a noun. */
static int verb_as_noun(const docx *d, const sent_info *si, uint32_t t)
{
	static const char *const DET[] = {"a",       "an",    "the",   "this", "that",
					  "its",     "their", "major", "new",  "further",
					  "planned", "$",     NULL};
	return t > si->t0 && in_list(d->toks[t - 1].norm, DET);
}

/* "the surprise $3 billion grant", "Saudi grant", "its support": a noun. */
static int noun_reading(const docx *d, const sent_info *si, uint32_t t)
{
	if (!(d->trig[t] & TR_AIDN) || t == si->t0)
		return 0;
	/* "a six-month training course", "the training programme": the head
	 * of a compound noun follows */
	static const char *const HEAD[] = {"course",   "courses", "programme", "programmes",
					   "program",  "programs", "session",  "sessions", NULL};
	if (t + 1 < si->t1 && in_list(d->toks[t + 1].norm, HEAD))
		return 1;
	const at_tok *p = &d->toks[t - 1];
	static const char *const DET[] = {
		"a",        "an",      "the",        "this",     "that",      "its",
		"their",    "his",     "her",        "our",      "'s",        "of",
		"new",      "more",    "additional", "military", "financial", "further",
		"surprise", "such",    "any",        "direct",   "for",       "with",
		"without",  "on",      "in",         "by",       "no",        "includes",
		"included", "include", "including",  "covers",   "involves",  "comprises",
		NULL};
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
	if (d->trig[t - 1] & (TR_VERBS | TR_MOVES))
		return 1;
	return 0;
}

#ifdef AT_TRACE
/* Development builds only (-DAT_TRACE): a sentence's items, money, dates and
 * people, after its tokens (the English and the Russian trace share it). */
void fr_trace_mentions(const sent_info *si)
{
	for (uint32_t i = 0; i < si->nitems; i++)
		fprintf(stderr, " {item %s q=%lld}", AT_ITEM_CATS[si->items[i].cat],
			(long long)si->items[i].qty);
	for (uint32_t i = 0; i < si->nmoney; i++)
		fprintf(stderr, " {money %g %s usd=%g}", si->money[i].amount, si->money[i].cur,
			si->money[i].usd);
	for (uint32_t i = 0; i < si->ndates; i++)
		fprintf(stderr, " {date k=%d %d-%d-%d..%d-%d-%d}", si->dates[i].kind,
			si->dates[i].a.y, si->dates[i].a.m, si->dates[i].a.d, si->dates[i].b.y,
			si->dates[i].b.m, si->dates[i].b.d);
	for (uint32_t i = 0; i < si->npers; i++)
		fprintf(stderr, " {pers %lld}", (long long)si->pers[i].count);
}

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
	fr_trace_mentions(si);
	fputc('\n', stderr);
}
#endif

/* "The navy will be the end user of the radars, amounting to JPY 600
 * million": a sentence that only says what the act just reported is worth
 * gives it its value. */
/* The state named right before money at m ("to Georgia 20 million euro",
 * "Lebanon: $6 million"), or LX_NONE. */
static uint32_t money_owner(const docx *d, const sent_info *si, const money_m *mm)
{
	uint32_t k = mm->t0;
	while (k > si->t0 && mm->t0 - k < 2 &&
	       (eq(&d->toks[k - 1], ",") || eq(&d->toks[k - 1], ":") || eq(&d->toks[k - 1], "(")))
		k--;
	if (k == si->t0 || d->actor_at[k - 1] < 0)
		return LX_NONE;
	uint32_t key = si->actors[d->actor_at[k - 1]].key;
	return d->ctx->keys[key].cls == LX_STATE ? key : LX_NONE;
}

/* "The aid to Bosnia is 10 million euro, to Georgia 20 million euro, to
 * Lebanon 6 million euro": two or more sums each right after a state are
 * the values of the aid just reported to each of them. */
static void values_by_recipient(docx *d, at_events *out, uint32_t sidx)
{
	const sent_info *si = &d->sents[sidx];
	int pairs = 0;
	for (uint32_t i = 0; i < si->nmoney; i++)
		pairs += money_owner(d, si, &si->money[i]) != LX_NONE;
	if (pairs < 2)
		return;
	for (uint32_t i = 0; i < si->nmoney; i++) {
		uint32_t key = money_owner(d, si, &si->money[i]);
		for (size_t e = out->n; key != LX_NONE && e-- > 0;) {
			at_event_rec *ev = &out->ev[e];
			if (ev->type != EV_AID || ev->recipient != key || ev->sent0 + 8 < sidx)
				continue;
			if (!ev->has_value)
				fr_set_value(d, si, ev, &si->money[i]);
			break;
		}
	}
}

static void value_after(docx *d, at_events *out, uint32_t sidx)
{
	static const char *const WORTH[] = {"worth",    "amounting", "amounts", "valued",
					    "value",    "cost",      "costing", "totalling",
					    "totaling", "total",     "spent",   "spend",
					    "spends",   NULL};
	values_by_recipient(d, out, sidx);
	const sent_info *si = &d->sents[sidx];
	const memo *m = M(d);
	int idx = m->last[EV_AID];
	if (!si->nmoney || idx < 0 || m->last_sent[EV_AID] + 1 != sidx ||
	    out->ev[idx].has_value || has_trig(d, si->t0, si->t1, TR_VERBS | TR_AIDN | TR_MOVES))
		return;
	for (uint32_t k = si->money[0].t0; k > si->t0 && si->money[0].t0 - k < 4; k--)
		if (in_list(d->toks[k - 1].norm, WORTH)) {
			fr_set_value(d, si, &out->ev[idx], &si->money[0]);
			return;
		}
}

/* "The main body of the rotation is some 1,700 Marines", "The 302-strong unit
 * operates a destroyer": a count of people in the sentence right after a
 * deployment or drills with none, and no act of its own, is theirs (not
 * the dead or wounded of a fight). */
static void people_after(docx *d, at_events *out, uint32_t sidx)
{
	static const char *const HARM[] = {"killed", "died",    "dead",     "wounded", "injured",
					   "casualties", "lost", "missing", "captured", "arrested",
					   NULL};
	const sent_info *si = &d->sents[sidx];
	if (!si->npers || has_trig(d, si->t0, si->t1, TR_VERBS | TR_AIDN | TR_MOVES | TR_DEPLOYN))
		return;
	for (uint32_t k = si->t0; k < si->t1; k++)
		if (in_list(d->toks[k].norm, HARM))
			return;
	const memo *m = M(d);
	for (int type = EV_EXERCISE; type <= EV_DEPLOYMENT; type++) {
		int idx = m->last[type];
		if (type == EV_AID || idx < 0 || m->last_sent[type] + 1 != sidx ||
		    out->ev[idx].personnel >= 0)
			continue;
		out->ev[idx].personnel = si->pers[0].count;
		return;
	}
}

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
		/* "hand grenades", "landing craft": a word of an item's name */
		if (d->claimed[t] == 3 && !(tr & (TR_AIDN | TR_EXERN | TR_DEPLOYN)))
			continue;
		/* "the British Army Training Unit Kenya": a word of a name; but
		 * a named exercise is drills ("Joint Military Exercise") */
		if (si->role != AT_ROLE_HEADLINE && t > si->t0 + 1 && !(tr & TR_EXERN) &&
		    (d->toks[t].flags & AT_TF_CAP) && (d->toks[t - 1].flags & AT_TF_CAP) &&
		    d->toks[t - 1].type == AT_TOK_WORD && d->actor_at[t - 1] < 0 &&
		    !(d->toks[t].flags & AT_TF_ALLCAP))
			continue;
		/* "a training center", "training facilities": the trigger
		 * starts the name of a place */
		if ((tr & TR_TRAIN) && !(tr & TR_EXERN) &&
		    ((d->cue_start[t] & CU_FACILITY) ||
		     (d->trig_form[t] != LF_BASE && t + 1 < si->t1 &&
		      (d->cue_start[t + 1] & CU_FACILITY))))
			continue;
		int rc = 0;
		if (tr & TR_EXERN)
			rc = fr_exercise_frame(d, out, sidx, t);
		else if ((tr & TR_DEPLOY) && d->trig_form[t] == LF_BASE &&
			 (verb_as_noun(d, si, t) ||
			  (eq(&d->toks[t], "station") && !modal_before(d, si, t))))
			continue; /* "the radar station", "an oil pumping station" */
		else if ((tr & TR_DEPLOY) && eq(&d->toks[t], "based") && !modal_before(d, si, t))
			continue; /* "will be based in", not "has been based there for decades" */
		else if (tr & TR_DEPLOY)
			rc = fr_deploy_frame(d, out, sidx, t, TR_DEPLOY);
		else if ((tr & TR_MOVE) && d->trig_form[t] == LF_BASE && verb_as_noun(d, si, t))
			continue; /* "in a move to enhance ties" */
		else if ((tr & TR_MOVE) && !strncmp(d->toks[t].norm, "enter", 5) &&
			 !enters_place(d, si, t))
			continue; /* "due to enter service", "entered into force" */
		else if (tr & TR_MOVE)
			rc = fr_deploy_frame(d, out, sidx, t, TR_MOVE);
		else if (tr & TR_DEPLOYN) {
			/* nouns make a frame only when no verb of moving governs them */
			uint32_t c0, c1;
			fr_clause_of(d, si, t, &c0, &c1);
			if (!has_trig(d, c0, t, TR_MOVES) && (!standing_noun(&d->toks[t]) ||
							       changed_before(d, si, t)))
				rc = fr_deploy_frame(d, out, sidx, t, TR_DEPLOYN);
		} else if ((tr & TR_EQUIP) && fr_equip_own(d, si, t))
			rc = fr_deploy_frame(d, out, sidx, t, TR_EQUIP);
		else if ((tr & TR_EQUIP) && fr_is_passive(d, si, t) &&
			 d->memo.last[EV_DEPLOYMENT] >= 0 &&
			 sidx - d->memo.last_sent[EV_DEPLOYMENT] <= 2 &&
			 fr_left_subject(d, si, si->t0, t, 1) < 0)
			rc = fr_deploy_frame(d, out, sidx, t, TR_EQUIP);
		else if ((tr & TR_GIVE) && !(tr & TR_AIDN && noun_reading(d, si, t)) &&
			 !(d->trig_form[t] == LF_BASE && verb_as_noun(d, si, t))) {
			/* "sent a convoy", "offered 1,500 troops": giving forces
			 * rather than materiel to a state is a deployment */
			d->made = 0;
			rc = fr_aid_frame(d, out, sidx, t, tr & TR_VERBS);
			if (rc == 0 && !d->made && gives_forces(&d->toks[t]))
				rc = fr_deploy_frame(d, out, sidx, t, TR_GIVE);
		} else if ((tr & TR_VERBS) && !(tr & TR_AIDN) && d->trig_form[t] == LF_BASE &&
			   verb_as_noun(d, si, t)) {
			continue; /* "a major upgrade", "the build" */
		} else if ((tr & TR_VERBS) && !noun_reading(d, si, t)) {
			/* a verb that governs an aid noun makes one frame: the verb's */
			rc = fr_aid_frame(d, out, sidx, t, tr & TR_VERBS);
		} else if ((tr & TR_AIDN) && t + 1 < si->t1 &&
			   (d->cue_start[t + 1] & CU_FACILITY)) {
			continue; /* "a training facility", "aid station" */
		} else if (tr & TR_AIDN) {
			/* nouns make a frame only when no aid verb governs them */
			uint32_t c0, c1;
			fr_clause_of(d, si, t, &c0, &c1);
			int governed = has_verb_between(d, c0, t);
			/* "donated two boats in 2009, after its previous delivery of
			 * 34 trucks in 2007": a noun after "after" is another act */
			for (uint32_t k = t; governed && k > c0 && t - k < 5; k--)
				if ((eq(&d->toks[k - 1], "after") ||
				     eq(&d->toks[k - 1], "before") ||
				     eq(&d->toks[k - 1], "following")) &&
				    has_own_date(si, t, c1))
					governed = 0;
			/* "the UK's contribution to the UN mission ... 380 troops":
			 * troops contributed are deployed */
			if (!governed && troops_given(d, si, t, c1))
				rc = fr_deploy_frame(d, out, sidx, t, TR_DEPLOYN);
			else if (!governed)
				rc = fr_aid_frame(d, out, sidx, t, TR_AIDN);
		}
		if (rc)
			return rc;
	}
	value_after(d, out, sidx);
	people_after(d, out, sidx);
	int rc = fr_included_forces(d, out, sidx);
	if (rc)
		return rc;
	return fr_participants_after(d, out, sidx);
}
