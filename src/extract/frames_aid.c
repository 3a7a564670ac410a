/* SPDX-License-Identifier: MIT */
/*
 * frames_aid.c — the aid frame: a verb or noun of giving, its provider and
 * recipients (active, passive, "receive", nouns, lists), what is given, and
 * the filters that keep sales, relief and cancelled aid out.
 */
#include "frames_int.h"

/* "the country's army", "the island nation's navy", "to the country" in
 * [lo, hi): the state named last before it (in this sentence or the two
 * before) that is not `not`; LX_NONE when there is no such phrase or state. */
static uint32_t nation_anaphor(const docx *d, uint32_t sidx, uint32_t lo, uint32_t hi,
			       uint32_t not )
{
	static const char *const N[] = {"country", "nation", "kingdom", "republic", NULL};
	uint32_t at = 0;
	for (uint32_t k = lo; k + 1 < hi && !at; k++) {
		if (in_list(d->toks[k].norm, N) && eq(&d->toks[k + 1], "'s") && k > lo &&
		    k + 2 < hi && d->role[k + 2] == 1 && /* "the nation's navy" */
		    (eq(&d->toks[k - 1], "the") || (k > lo + 1 && eq(&d->toks[k - 2], "the") &&
						    eq(&d->toks[k - 1], "island"))))
			at = k;
		/* "brought arms to the country" */
		if (in_list(d->toks[k].norm, N) && !eq(&d->toks[k + 1], "'s") && k > lo + 1 &&
		    eq(&d->toks[k - 1], "the") && eq(&d->toks[k - 2], "to"))
			at = k;
	}
	if (!at)
		return LX_NONE;
	for (uint32_t s = sidx + 1; s-- > 0 && sidx - s <= 2;) {
		const sent_info *ss = &d->sents[s];
		for (uint32_t a = ss->nactors; a-- > 0;) {
			const actor_m *am = &ss->actors[a];
			if ((s == sidx && am->t0 >= at) || !actor_usable(am) ||
			    d->ctx->keys[am->key].cls != LX_STATE || am->key == not )
				continue;
			return am->key;
		}
	}
	return LX_NONE;
}

/* The phrase an actor of trigger t stands in: "subject", "to-phrase", ... */
static const char *phrase(const actor_m *am, uint32_t t)
{
	if (am->flags & AF_COMPOUND)
		return "compound";
	if (am->flags & AF_BY)
		return "by-phrase";
	if (am->flags & AF_FROM)
		return "from-phrase";
	if (am->flags & AF_TO)
		return "to-phrase";
	if (am->flags & AF_FOR)
		return "for-phrase";
	if (am->flags & AF_WITH)
		return "with-phrase";
	if (am->flags & AF_OF)
		return "of-phrase";
	if (am->flags & AF_POSS)
		return "possessive";
	if (am->flags & AF_ADJ)
		return "adjective";
	return am->t1 <= t ? "subject" : "object";
}

/* Is token k a combat formation rather than materiel: a word for units that
 * is no item ("battalion", "strike group") or names warships or warplanes
 * ("destroyers", "fighter jets")? Tanks and equipment sent can be gifts. */
int fr_combat_unit(const docx *d, const sent_info *si, uint32_t k)
{
	if (d->claimed[k] != 3)
		return 1;
	for (uint32_t i = 0; i < si->nitems; i++)
		if (k >= si->items[i].t0 && k < si->items[i].t1)
			return !strcmp(AT_ITEM_CATS[si->items[i].cat], "aircraft") ||
			       !strcmp(AT_ITEM_CATS[si->items[i].cat], "ship");
	return 0;
}

/* "Since 1973 the U.S. has given Israel $25 billion": a sum of all aid since
 * a year, in the perfect, is a running total (optional in the schema's
 * terms), not an act. */
static int running_total(const docx *d, const sent_info *si, uint32_t t, uint32_t c0,
			 uint32_t c1)
{
	int since = 0, perfect = 0, money = 0;
	for (uint32_t k = c0; k + 1 < c1; k++)
		if (eq(&d->toks[k], "since") && d->toks[k + 1].type == AT_TOK_NUM &&
		    d->toks[k + 1].nlen == 4)
			since = 1;
	for (uint32_t k = t; k > c0 && t - k < 3; k--)
		if (eq(&d->toks[k - 1], "has") || eq(&d->toks[k - 1], "have"))
			perfect = 1;
	for (uint32_t m = 0; m < si->nmoney; m++)
		if (si->money[m].t0 >= c0 && si->money[m].t1 <= c1)
			money = 1;
	return since && perfect && money;
}


/* Is the giver of the frame at t named by a common word: the subject just
 * before the verb ("allies have provided", "partners will send") or a word
 * before an aid noun ("Western arms shipments", "foreign aid")? */
static int unnamed_giver(const docx *d, uint32_t c0, uint32_t t)
{
	static const char *const GIVERS[] = {"allies",    "partners", "donors", "countries",
					     "nations",   "governments", "members", "others",
					     "backers",   "supporters", NULL};
	static const char *const WHOSE[] = {"western", "foreign", "international", "allied",
					    "other",   NULL};
	uint32_t k = t;
	while (k > c0 && (eq(&d->toks[k - 1], "have") || eq(&d->toks[k - 1], "has") ||
			  eq(&d->toks[k - 1], "had") || eq(&d->toks[k - 1], "will") ||
			  eq(&d->toks[k - 1], "would") || eq(&d->toks[k - 1], "also") ||
			  eq(&d->toks[k - 1], "already") || eq(&d->toks[k - 1], "together")))
		k--;
	if (k > c0 && in_list(d->toks[k - 1].norm, GIVERS) && d->actor_at[k - 1] < 0)
		return 1;
	/* "Western arms shipments": the noun's own modifiers */
	if (d->trig[t] & TR_AIDN)
		for (uint32_t q = t; q > c0 && t - q < 3; q--)
			if (in_list(d->toks[q - 1].norm, WHOSE))
				return 1;
	return 0;
}

/* "was", "were", "been", "be", "is", "are", "has", "have", "had": the
 * participle after it is a verb's, not a noun's modifier. */
static int is_be_word(const at_tok *w)
{
	static const char *const AUX[] = {"is",  "are", "was", "were", "be", "been", "being",
					  "has", "have", "had", "'s",  NULL};
	return in_list(w->norm, AUX);
}

/* "Ukraine's minister thanked Denmark for ...", with "for" at f - 1: the
 * thanked (*giver) gives, the one who thanks (*taker) receives; 0 when
 * "for" is not there or no "thank" comes shortly before it. */
static int thanked_for(const docx *d, const sent_info *si, uint32_t c0, uint32_t f, int *giver,
		       int *taker)
{
	if (f <= c0 || !eq(&d->toks[f - 1], "for"))
		return 0;
	for (uint32_t k = f - 1; k > c0 && f - 1 - k < 6; k--) {
		if (strncmp(d->toks[k - 1].norm, "thank", 5))
			continue;
		*giver = fr_right_actor(si, k, f - 1, 0, OBLIQUE);
		*taker = fr_left_subject(d, si, c0, k - 1, 1);
		return *giver >= 0 && *taker >= 0 && *giver != *taker;
	}
	return 0;
}

int fr_aid_frame(docx *d, at_events *out, uint32_t sidx, uint32_t t, int cls)
{
	sent_info *si = &d->sents[sidx];
	uint32_t c0, c1;
	fr_clause_of(d, si, t, &c0, &c1);
	const at_tok *tt = &d->toks[t];
	uint32_t tend = t + (d->trig_len[t] ? d->trig_len[t] : 1);
	/* "hand over" / "turn over" need their particle; "handed a batch of
	 * rifles to the army" its "to" */
	if ((!strncmp(tt->norm, "hand", 4) || !strncmp(tt->norm, "turn", 4)) &&
	    !(cls & TR_AIDN)) {
		int over = 0;
		for (uint32_t k = tend; k < c1 && k < tend + 4; k++)
			if (eq(&d->toks[k], "over"))
				over = 1;
		if (!strncmp(tt->norm, "hand", 4))
			for (uint32_t k = tend; k < c1 && k < tend + 12 && !over; k++)
				if (eq(&d->toks[k], "to") && k + 1 < c1 &&
				    (d->actor_at[k + 1] >= 0 ||
				     (k + 2 < c1 && eq(&d->toks[k + 1], "the") &&
				      (d->actor_at[k + 2] >= 0 || d->role[k + 2]))))
					over = 1;
		/* "handed the Philippine Air Force two planes": the receiver
		 * right after, then what is given */
		uint32_t r = tend < c1 && eq(&d->toks[tend], "the") ? tend + 1 : tend;
		if (!over && !strncmp(tt->norm, "hand", 4) && r < c1 && d->actor_at[r] >= 0 &&
		    !(si->actors[d->actor_at[r]].flags & AF_PLACE))
			for (uint32_t i = 0; i < si->nitems && !over; i++)
				over = si->items[i].t0 > r && si->items[i].t0 < r + 8 &&
				       si->items[i].t1 <= c1;
		if (!over)
			return 0;
	}
	/* "provide the army with weapons paid for by Riyadh", "funded three
	 * border posts built by the Jordanian army": a participle on the
	 * things another verb gives tells who paid or made them, no act of
	 * its own (but "The boats, paid for by Japan, were handed over") */
	if ((d->trig_form[t] == LF_PAST || d->trig_form[t] == LF_PASTPART) && t > si->t0 &&
	    !(cls & TR_AIDN) && d->toks[t - 1].type == AT_TOK_WORD && !is_be_word(&d->toks[t - 1]) &&
	    has_word(d, tend, tend + 2 < si->t1 ? tend + 2 : si->t1, "by") &&
	    has_trig(d, si->t0, t, TR_VERBS))
		return 0;
	/* "will deploy Patriot batteries to the UAE to help defend it": a
	 * purpose of forces moved is no act of its own */
	if ((cls & TR_HELP) && d->trig_form[t] == LF_BASE && t > c0 && eq(&d->toks[t - 1], "to") &&
	    has_trig(d, c0, t - 1, TR_MOVES))
		return 0;
	if (tend < si->t1 && (eq(&d->toks[tend], "itself") || eq(&d->toks[tend], "themselves")))
		return 0;
	/* "approved sending up to 200 soldiers", "agreed providing": the verb
	 * after is the act, read by its own frame */
	if (!(cls & TR_AIDN) && tend < si->t1 && (d->trig[tend] & (TR_GIVE | TR_MOVES)) &&
	    d->trig_form[tend] == LF_ING)
		return 0; /* (not "builds training centre": a noun) */
	/* "we commit that we will use ...": a verb of giving before a
	 * complementiser is a speech act, its clause is another frame */
	if (!(cls & TR_AIDN) && tend < si->t1 && eq(&d->toks[tend], "that"))
		return 0;
	/* "will allow each side's forces to train on the other's territory":
	 * forces training with no one to train train themselves */
	if ((cls & TR_TRAIN) && d->trig_form[t] == LF_BASE && t > si->t0 &&
	    eq(&d->toks[t - 1], "to") && tend < si->t1 &&
	    (eq(&d->toks[tend], "on") || eq(&d->toks[tend], "in") || eq(&d->toks[tend], "at") ||
	     eq(&d->toks[tend], "together") || eq(&d->toks[tend], "jointly") ||
	     eq(&d->toks[tend], "alongside")))
		return 0;
	/* "Kyrgyz and Uzbek troops train together": whatever the form */
	if ((cls & TR_TRAIN) && tend < si->t1 &&
	    (eq(&d->toks[tend], "together") || eq(&d->toks[tend], "jointly")))
		return 0;
	/* "joint training", "joint training exercise": drills, not aid */
	if ((cls & (TR_AIDN | TR_TRAIN)) && t > si->t0 && eq(&d->toks[t - 1], "joint"))
		return 0;
	/* "The equipment will be used to train troops": the purpose of the
	 * things given, no act of its own */
	if (d->trig_form[t] == LF_BASE && t > si->t0 + 2 && eq(&d->toks[t - 1], "to") &&
	    eq(&d->toks[t - 2], "used") && is_be_word(&d->toks[t - 3]))
		return 0;
	/* "the largest training activity between X and Y": drills too */
	static const char *const DRILLNOUN[] = {
		"activity", "activities", "exercise", "exercises", "event",
		"events",   "drills",     "ground",   "range",     NULL};
	if ((cls & (TR_AIDN | TR_TRAIN)) && tend < si->t1 &&
	    in_list(d->toks[tend].norm, DRILLNOUN))
		return 0;
	/* aid that is not military: "economic aid", "humanitarian assistance" */
	static const char *const CIVIL[] = {"economic",  "humanitarian",
					    "food",      "development",
					    "disaster",  "medical",
					    "flood",     "famine",
					    "farm",      "agricultural",
					    "trade",     "relief",
					    "emergency", "financial",
					    "budget",    "budgetary",
					    "health",    "aids",
					    "refugee",   "earthquake",
					    "technical", NULL};
	if ((cls & TR_AIDN) && t > si->t0 && in_list(d->toks[t - 1].norm, CIVIL) &&
	    !(t > si->t0 + 1 && !strncmp(d->toks[t - 2].norm, "military", 8)))
		return 0;
	/* "a second batch of pictures", "a package of reforms": what the noun
	 * counts must be materiel, money or a number of them */
	if ((cls & TR_AIDN) && tend + 1 < si->t1 && eq(&d->toks[tend], "of")) {
		uint32_t k = tend + 1;
		while (k < si->t1 && k < tend + 4 && d->toks[k].type == AT_TOK_WORD &&
		       !d->claimed[k] && !(d->cue[k] & CU_MILITARY) && !d->trig[k] &&
		       d->actor_at[k] < 0 && !(d->toks[k].flags & AT_TF_CAP))
			k++;
		if (k == tend + 4 || (k < si->t1 && d->toks[k].type == AT_TOK_PUNCT))
			return 0;
	}
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
	/* "send a flotilla with relief supplies": what is given is not military */
	static const char *const RELIEF[] = {
		"relief", "humanitarian", "food",   "medical", "disaster",
		"flood",  "earthquake",   "famine", "refugee", "cross" /* Red Cross */,
		NULL};
	if (t > si->t0 && in_list(d->toks[t - 1].norm, RELIEF))
		return 0; /* "relief supplies", "food aid" */
	if (!(cls & TR_AIDN))
		for (uint32_t k = tend; k < c1 && k < tend + 12; k++)
			if (in_list(d->toks[k].norm, RELIEF) && k + 1 < c1 &&
			    !(d->cue_start[k + 1] & CU_MILITARY) &&
			    (eq(&d->toks[k + 1], "supplies") || eq(&d->toks[k + 1], "aid") ||
			     eq(&d->toks[k + 1], "goods") || eq(&d->toks[k + 1], "assistance")))
				return 0;
	int soft;
	int status = fr_status_of(d, si, c0, c1, t, (cls & TR_AIDN) != 0, &soft);
	if (status == DROP || fr_ended_before(d, si, si->t0, c1) || running_total(d, si, t, c0, c1))
		return 0;
	/* "announced a new $325 million package": a package announced is
	 * promised, not yet delivered */
	int announced = 0;
	for (uint32_t k = t; (cls & TR_AIDN) && k > si->t0 && t - k < 9 && !announced; k--)
		announced = !strncmp(d->toks[k - 1].norm, "announc", 7) ||
			    !strncmp(d->toks[k - 1].norm, "unveil", 6);
	if (announced && (status == ST_COMPLETED || status == ST_NONE)) {
		status = ST_COMMITTED;
		soft = 1;
	}
	int passive = (cls & TR_AIDN) ? 0 : fr_is_passive(d, si, t);
	int prov = -1, rec = -1, by_list = 0, by_rec = -1, thanked = -1, thanker = -1;
	uint32_t things_from = t; /* where what is given may begin */
	char why[128];
	const char *how = "active";
	/* a compound at the trigger: "UAE-funded" */
	if (d->actor_at[t] >= 0 && (si->actors[d->actor_at[t]].flags & AF_COMPOUND))
		prov = d->actor_at[t];
	int passive_rec = -1;
	if ((cls & TR_RECEIVE) && fr_is_passive(d, si, t)) {
		passive_rec = fr_right_actor(si, tend, c1, AF_BY, 0);
		if (passive_rec < 0)
			passive_rec =
				fr_right_actor(si, tend, c1, 0, AF_FROM | AF_WITH | AF_PLACE);
	}
	if (passive_rec >= 0) {
		/* "the frigate, donated by Australia, was commissioned into the
		 * Philippine Navy", "was received by the army from Japan": the
		 * navy or army after the verb receives; a from- or by-phrase
		 * gives */
		rec = passive_rec;
		prov = fr_right_actor(si, tend, si->t1, AF_FROM, 0);
		for (uint32_t a = 0; a < si->nactors && prov < 0; a++)
			if (si->actors[a].t1 <= t && (si->actors[a].flags & (AF_BY | AF_FROM)) &&
			    actor_usable(&si->actors[a]) && (int)a != rec)
				prov = (int)a;
		how = "receive";
	} else if (cls & TR_RECEIVE) {
		rec = fr_left_subject(d, si, c0, t, 1);
		prov = fr_right_actor(si, tend, si->t1, AF_FROM, 0);
		if (prov < 0)
			prov = fr_right_actor(si, tend, si->t1, AF_BY, 0);
		how = "receive";
	} else if (cls & TR_AIDN) {
		/* "the Saudi grant", "Russia's military aid", "aid from X to Y" */
		for (uint32_t a = si->nactors; a-- > 0 && prov < 0;) {
			const actor_m *am = &si->actors[a];
			if (am->t1 <= t && am->t1 + 3 >= t &&
			    (am->flags & (AF_ADJ | AF_POSS)) &&
			    !(am->flags & (AF_PLACE | AF_LOC)))
				prov = (int)a;
		}
		/* "aid worth $5 billion to Sudan, after a cut of aid from
		 * Lebanon": the noun's own from- and by-phrases are near it */
		uint32_t near_end = tend + 10 < c1 ? tend + 10 : c1;
		if (prov < 0)
			prov = fr_right_actor(si, tend, near_end, AF_FROM, 0);
		if (prov < 0)
			prov = fr_right_actor(si, tend, near_end, AF_BY, 0);
		/* "a second batch of Russian arms": the maker's adjective in the
		 * noun's of-phrase names the giver */
		uint32_t rec_from = tend;
		if (prov < 0 && tend + 1 < c1 && eq(&d->toks[tend], "of") &&
		    !(d->trig[t] & TR_TRAIN)) /* "our training of 72,000 Iraqi forces" */
			for (uint32_t a = 0; a < si->nactors && prov < 0; a++) {
				const actor_m *am = &si->actors[a];
				if (am->t0 > tend && am->t0 <= tend + 3 && (am->flags & AF_ADJ) &&
				    actor_usable(am) && am->t1 < c1 &&
				    (d->claimed[am->t1] == 3 || (d->cue[am->t1] & CU_MILITARY))) {
					prov = (int)a;
					rec_from = am->t1;
				}
			}
		rec = fr_right_actor(si, rec_from, rec_from + 8 < c1 ? rec_from + 8 : c1, 0,
				     AF_LOC | AF_FROM | AF_BY | AF_WITH | AF_PLACE);
		/* "Russia signed a military aid protocol with Laos worth $20
		 * million": the partner of an aid agreement receives */
		static const char *const PACT[] = {"protocol", "agreement", "accord", "deal",
						   "memorandum", "pact", NULL};
		uint32_t pw = tend < c1 && in_list(d->toks[tend].norm, PACT) ? tend + 1 : tend;
		if (rec < 0 && pw + 1 < c1 && in_list(d->toks[pw - 1].norm, PACT) &&
		    eq(&d->toks[pw], "with"))
			rec = fr_right_actor(si, pw, pw + 4 < c1 ? pw + 4 : c1, AF_WITH, AF_PLACE);
		/* "Ukraine's minister thanked Denmark for the delivery of 19
		 * jets": the thanked gives, the one who thanks receives */
		uint32_t f = t;
		while (f > c0 && t - f < 3 && !eq(&d->toks[f - 1], "for"))
			f--;
		int giver, taker;
		if (f > c0 && t - f < 3 && thanked_for(d, si, c0, f, &giver, &taker)) {
			prov = thanked = giver;
			if (rec < 0 || rec == prov)
				rec = thanker = taker;
		}
		/* "a donation of ten boats from the Netherlands to the Benin Navy",
		 * "the handover of 20 trucks by the US Embassy to the army" */
		uint32_t pe = prov >= 0 ? si->actors[prov].t1 : 0;
		while (prov >= 0 && pe < c1 && pe < si->actors[prov].t1 + 2 && d->role[pe])
			pe++; /* "the US Embassy" */
		if ((rec < 0 || rec == prov) && prov >= 0 &&
		    (si->actors[prov].flags & (AF_FROM | AF_BY)) && pe < c1 &&
		    eq(&d->toks[pe], "to"))
			rec = fr_right_actor(si, pe, pe + 3 < c1 ? pe + 3 : c1, AF_TO, 0);
		/* "The donation by the Netherlands includes 50 trucks for the
		 * Jordanian Armed Forces", "The donation, made by the Japanese
		 * embassy, includes": the for- or to-phrase of what the noun
		 * includes */
		for (uint32_t k = tend; (rec < 0 || rec == prov) && k < c1 && k < tend + 10 &&
				       !(k > tend && (d->trig[k] & (TR_VERBS | TR_MOVES)));
		     k++)
			if (eq(&d->toks[k], "includes") || eq(&d->toks[k], "included") ||
			    eq(&d->toks[k], "comprises") || eq(&d->toks[k], "comprised"))
				rec = fr_right_actor(si, k, c1, AF_FOR | AF_TO, AF_LOC | AF_PLACE);
		if (rec == prov)
			rec = -1;
		/* "the handover of a border post repaired by the US to the border
		 * troops of the State Committee of Tajikistan": a to-phrase of
		 * forces names their owner further on */
		for (uint32_t k = tend; rec < 0 && k < c1 && k < tend + 16; k++) {
			if (!eq(&d->toks[k], "to") || k + 2 >= c1)
				continue;
			uint32_t h = k + 1;
			while (h < c1 && h < k + 4 && !d->role[h] && d->actor_at[h] < 0)
				h++;
			if (h < c1 && d->role[h] == 1)
				for (uint32_t a = 0; a < si->nactors && rec < 0; a++)
					if (si->actors[a].t0 > h && si->actors[a].t0 < h + 12 &&
					    (si->actors[a].flags & AF_OF) && (int)a != prov &&
					    actor_usable(&si->actors[a]))
						rec = (int)a;
			break;
		}
		/* "A consignment of equipment from Russia arrived in Mali": the
		 * place a noun of things given arrives at receives them */
		for (uint32_t k = tend; rec < 0 && prov >= 0 && k < c1 && k < tend + 12; k++) {
			if (!(d->trig[k] & TR_MOVE))
				continue;
			int dest = fr_right_actor(si, k + 1, c1, 0, AF_FROM | AF_BY | AF_WITH);
			if (dest >= 0 && si->actors[dest].key != si->actors[prov].key &&
			    d->ctx->keys[si->actors[dest].key].cls == LX_STATE)
				rec = dest;
			break;
		}
		if (rec < 0 && prov >= 0 &&
		    ((si->actors[prov].flags & (AF_FROM | AF_BY)) || rec_from > tend))
			rec = fr_left_subject(d, si, c0, t, 1);
		if (prov < 0) {
			int subj = fr_left_subject(d, si, c0, t, 0);
			if (subj >= 0 && subj != rec)
				prov = subj;
		}
		how = "noun";
	} else {
		/* "thanked Britain for the 20 armoured vehicles delivered this
		 * month": a participle after the things thanked for */
		if (prov < 0 && t > c0 + 3 && d->claimed[t - 1] == 3 &&
		    (d->trig_form[t] == LF_PAST || d->trig_form[t] == LF_PASTPART)) {
			uint32_t f = t - 1;
			while (f > c0 && t - f < 8 && !eq(&d->toks[f - 1], "for") &&
			       (d->claimed[f - 1] == 3 || d->toks[f - 1].type == AT_TOK_NUM ||
				eq(&d->toks[f - 1], "the") || (d->cue_start[f - 1] & CU_NUMW)))
				f--;
			int giver, taker;
			if (thanked_for(d, si, c0, f, &giver, &taker)) {
				prov = thanked = giver;
				rec = thanker = taker;
				things_from = f; /* the things before the verb */
			}
		}
		if (prov < 0 && !passive) {
			/* "The UK gifted Ukraine 14 tanks and will send more": a
			 * verb after "and" shares the subject of the verb before */
			prov = fr_shared_subject(d, si, c0, t);
			/* "supported the Philippines with radars, alongside
			 * assistance provided to Malaysia": a participle right
			 * after what is given shares the main verb's subject,
			 * not that verb's object */
			int after_aid = prov < 0 && t > c0 &&
					(d->trig_form[t] == LF_PAST || d->trig_form[t] == LF_PASTPART) &&
					(d->trig[t - 1] & TR_AIDN);
			if (after_aid) {
				uint32_t v0 = c0;
				while (v0 < t - 1 && !(d->trig[v0] & TR_VERBS))
					v0++;
				if (v0 < t - 1)
					prov = fr_left_subject(d, si, c0, v0, 0);
			}
			/* (else a by- or from-phrase below, never the object) */
			if (prov < 0 && !after_aid)
				prov = fr_left_subject(d, si, c0, t, 0);
		}
		if (passive) {
			uint32_t by = tend;
			while (by < c1 && by < tend + 2 && !eq(&d->toks[by], "by"))
				by++;
			if (by < c1 && eq(&d->toks[by], "by") && by + 1 < si->t1) {
				uint32_t ag = by + 1;
				while (ag < si->t1 &&
				       (eq(&d->toks[ag], "the") || eq(&d->toks[ag], "a")))
					ag++;
				if (ag < si->t1 && d->actor_at[ag] < 0 && d->claimed[ag] == 3)
					return 0;
			}
			prov = fr_right_actor(si, tend, si->t1, AF_BY, 0);
			if (prov < 0)
				prov = fr_right_actor(si, tend, c1, AF_FROM, 0);
			/* "The vehicles, a gift from the people of Japan, were
			 * handed over": the giver in an aid noun's aside */
			for (uint32_t a = 0; a < si->nactors && prov < 0; a++) {
				const actor_m *am = &si->actors[a];
				if (am->t1 <= t && (am->flags & AF_FROM) && actor_usable(am) &&
				    has_trig(d, am->t0 > si->t0 + 5 ? am->t0 - 5 : si->t0, am->t0,
					     TR_AIDN))
					prov = (int)a;
			}
			rec = fr_right_actor(si, tend, c1, AF_TO, 0);
			if (rec < 0)
				rec = fr_right_actor(si, tend, c1, AF_FOR, 0);
			if (rec < 0)
				rec = fr_left_subject(d, si, c0, t, 1);
			/* "supplies would be provided to bolster Tajikistan's army" */
			if (rec < 0)
				rec = fr_right_actor(si, tend, c1, 0,
						     AF_LOC | AF_FROM | AF_BY | AF_WITH |
							     AF_PLACE | AF_OF);
			how = "passive";
		} else {
			if (prov < 0 &&
			    (d->trig_form[t] == LF_PAST || d->trig_form[t] == LF_PASTPART)) {
				/* "facilities, presented to Tajikistan as a gift from
				 * the U.S.": a participle names its giver after it */
				prov = fr_right_actor(si, tend, c1, AF_FROM, 0);
				if (prov < 0)
					prov = fr_right_actor(si, tend, c1, AF_BY, 0);
			}
			/* "the forces of Chad, trained and armed by Paris and
			 * Washington": a participle after a comma takes its givers
			 * after "by" and the forces before it */
			if ((d->trig_form[t] == LF_PAST || d->trig_form[t] == LF_PASTPART) &&
			    t > c0 + 1 && (eq(&d->toks[t - 1], ",") || eq(&d->toks[t - 1], "and"))) {
				int by = fr_right_actor(si, tend, c1, AF_BY, 0);
				int subj = by >= 0 ? fr_left_subject(d, si, c0, t, 1) : -1;
				if (subj >= 0 && subj != by) {
					prov = by;
					by_rec = subj;
					by_list = 1;
					how = "participle";
				}
			}
			uint32_t lim = c1;
			/* bolster/strengthen/support take their object at once */
			static const char *const NEAR[] = {"bolster", "strengthen", "boost",
							   "support", "modernize",  "modernise",
							   "assist",  NULL};
			uint16_t bad = AF_LOC | AF_FROM | AF_BY | AF_WITH | AF_PLACE;
			if (cls & TR_FUND)
				bad &= (uint16_t)~AF_LOC; /* "invested in PNG's ..." */
			if (!strncmp(tt->norm, "shar", 4))
				bad &= (uint16_t)~AF_WITH; /* "shares intelligence with" */
			int near = 0;
			for (int i = 0; NEAR[i]; i++)
				if (!strncmp(tt->norm, NEAR[i], strlen(NEAR[i]))) {
					lim = tend + 5 < c1 ? tend + 5 : c1;
					bad |= AF_OF;
					near = 1;
				}
			/* "send jets to Romania to bolster NATO's flank": a purpose
			 * infinitive after another verb of the clause is no act */
			if (near && t > c0 && eq(&d->toks[t - 1], "to") &&
			    has_verb_between(d, c0, t - 1))
				return 0;
			rec = fr_right_actor(si, tend, lim, 0, bad);
			/* "funded three border posts built by the Jordanian army":
			 * who builds what another funds receives the funds */
			for (uint32_t k = tend; rec < 0 && (cls & TR_FUND) && k + 1 < lim; k++)
				if ((d->trig[k] & TR_BUILD) && eq(&d->toks[k + 1], "by") &&
				    (d->trig_form[k] == LF_PAST || d->trig_form[k] == LF_PASTPART))
					rec = fr_right_actor(si, k + 1, lim, AF_BY, 0);
			/* "weapons bought with a Saudi grant to the Lebanese army":
			 * an adjective of the things given yields to a to-phrase */
			/* ("other SDF equipment to Ukraine": a name before the
			 * things too) */
			if (rec >= 0 && !(si->actors[rec].flags & AF_TO) &&
			    ((si->actors[rec].flags & AF_ADJ) ||
			     (si->actors[rec].t1 < lim && d->claimed[si->actors[rec].t1] == 3))) {
				/* (not the to-phrase of another noun: "400 Kenyan
				 * soldiers before their deployment to Somalia") */
				uint32_t tl = si->actors[rec].t1;
				while (tl < lim && !(d->trig[tl] & (TR_DEPLOYN | TR_MOVES)))
					tl++;
				int to = fr_right_actor(si, si->actors[rec].t1, tl, AF_TO, bad);
				if (to >= 0)
					rec = to;
			}
			/* "to support the armed forces of Georgia": the owner of
			 * the forces is the object */
			if (rec < 0 && near) {
				/* ("of Bosnia and Herzegovina": a long name may
				 * end past the near object's bound) */
				int of = fr_right_actor(si, tend, lim + 4 < c1 ? lim + 4 : c1, AF_OF,
							bad & (uint16_t)~AF_OF);
				if (of >= 0 && si->actors[of].t0 >= lim)
					of = -1;
				if (of >= 0 && si->actors[of].t0 >= 2 &&
				    d->role[si->actors[of].t0 - 2] == 1)
					rec = of;
			}
			/* "the EU approved measures under the European Peace
			 * Facility for the armed forces of Georgia": past a name of
			 * the giver itself */
			while (rec >= 0 && prov >= 0 && rec != prov &&
			       si->actors[rec].key == si->actors[prov].key)
				rec = fr_right_actor(si, si->actors[rec].t1, lim, 0, bad);
			if (rec >= 0 && rec == prov)
				rec = -1;
			/* "sending troops to Saudi Arabia to bolster its defenses":
			 * without its own object, "bolster" is the purpose of the
			 * other verb, not an act of its own */
			if (rec < 0 && near)
				return 0;
			if (rec < 0) {
				/* "an agreement with the Nepal Army pledging assistance";
				 * not "along the border with Cambodia, sending tanks" */
				static const char *const EDGE[] = {"border",   "borders", "frontier",
								   "boundary", "line",    NULL};
				for (uint32_t a = si->nactors; a-- > 0;) {
					const actor_m *am = &si->actors[a];
					uint32_t w = am->t0;
					while (w > si->t0 && (eq(&d->toks[w - 1], "the") ||
							      eq(&d->toks[w - 1], "with")))
						w--;
					if ((am->flags & AF_WITH) && w > si->t0 &&
					    in_list(d->toks[w - 1].norm, EDGE))
						continue;
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
	if (by_list)
		rec = by_rec; /* not an object after the verb */
	if (thanked >= 0 && thanker >= 0) {
		prov = thanked; /* "thanked Britain for the vehicles delivered" */
		rec = thanker;
	}
	/* "The Mauritanian army has built three border posts with support from
	 * the EU", "trained 200 officers with US funding": the supporter
	 * gives, the subject receives */
	static const char *const BACKING[] = {"support", "funding", "help", "assistance",
					      "financing", "backing", "funds", NULL};
	for (uint32_t k = tend; !passive && (cls & (TR_BUILD | TR_TRAIN)) && k + 2 < c1; k++) {
		if (!eq(&d->toks[k], "with"))
			continue;
		uint32_t w = k + 1, e = k + 6 < c1 ? k + 6 : c1;
		while (w < e && !in_list(d->toks[w].norm, BACKING))
			w++;
		if (w == e)
			break;
		int giver = fr_right_actor(si, k + 1, w + 5 < c1 ? w + 5 : c1, 0, AF_PLACE);
		int subj = fr_left_subject(d, si, c0, t, 1);
		if (giver >= 0 && subj >= 0 && si->actors[giver].key != si->actors[subj].key) {
			prov = giver;
			rec = subj;
		}
		break;
	}
	/* evidence: what is given */
	uint32_t lo = passive || (cls & TR_RECEIVE) ? c0 : things_from, hi = c1;
	if ((cls & TR_AIDN) && lo > c0)
		lo = t - c0 > 5 ? t - 5 : c0; /* "a $350 million package of ..." */
	const money_m *mm = fr_pick_money(si, lo, hi);
	/* "adopted a 20 million euro measure to strengthen the Mauritanian
	 * armed forces": the sum of the noun the purpose infinitive follows */
	if (!mm && (cls & (TR_GIVE | TR_HELP | TR_FUND)) && d->trig_form[t] == LF_BASE && t > c0 + 2 &&
	    eq(&d->toks[t - 1], "to") && !has_trig(d, c0, t - 1, TR_VERBS | TR_MOVES)) {
		uint32_t m0 = t - 1 > c0 + 6 ? t - 7 : c0;
		mm = fr_pick_money(si, m0, t - 1);
	}
	int items = 0;
	uint32_t near_hi = tend + 16 < hi ? tend + 16 : hi;
	/* "The equipment, which was handed over ...": the relative pronoun's
	 * antecedent is what is given */
	uint32_t near_lo = c0;
	if (c0 > si->t0 && (eq(&d->toks[c0 - 1], "which") || eq(&d->toks[c0 - 1], "that")))
		near_lo = c0 - 1 > si->t0 + 5 ? c0 - 6 : si->t0;
	for (uint32_t i = 0; i < si->nitems; i++)
		if (si->items[i].t0 >= near_lo && si->items[i].t0 < near_hi &&
		    si->items[i].t1 <= hi && !fr_false_item(d, si, &si->items[i]))
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
	/* "is providing intelligence to", "shared intelligence with": what
	 * is given is information, military when the sentence is */
	int intel = 0;
	for (uint32_t k = t + 1; k < hi && k < tend + 3 && (cls & TR_GIVE); k++)
		intel |= eq(&d->toks[k], "intelligence") && !eq(&d->toks[k - 1], "artificial");
	/* "handed over two border posts to the Tajik border guards": a
	 * facility given is the object itself (not "at the base") */
	int facility_given = 0;
	for (uint32_t k = tend; (cls & TR_GIVE) && k < hi && k < tend + 5 && !facility_given; k++) {
		if ((d->cue_start[k] & CU_LOCPREP) || d->trig[k] || eq(&d->toks[k], "to") ||
		    eq(&d->toks[k], "into") || eq(&d->toks[k], "for"))
			break; /* ("transferred to the base": where, not what) */
		facility_given = (d->cue[k] & CU_FACILITY) != 0;
	}
	/* "released $1.17 billion in military financing", not "released 50
	 * soldiers in a prisoner swap": released money only */
	if (!strncmp(tt->norm, "releas", 6) &&
	    (!mm || passive || mm->t0 < tend || mm->t0 > tend + 3 ||
	     d->trig_form[t] == LF_PASTPART))
		return 0; /* (nor "a report released by ...": the sum is the object) */
	int evidence = items || mm || aidnoun || (cls & TR_TRAIN) || intel || facility_given ||
		       fr_head_anaphor(d, out, sidx, passive ? c0 : tend, passive ? t : hi) ||
		       ((cls & (TR_FUND | TR_HELP)) && mil_object) ||
		       ((cls & (TR_BUILD | TR_FUND | TR_HELP)) && facility) ||
		       ((cls & TR_HELP) && has_trig(d, tend, hi, TR_BUILD | TR_TRAIN));
	if (!evidence)
		return 0;
	int mil = fr_military_context(d, si);
	/* commercial sales are not aid */
	if (fr_sale_context(d, si) && !(cls & TR_AIDN) && !has_trig(d, c0, t, TR_AIDN) &&
	    !has_trig(d, tend, c1, TR_AIDN)) {
		int free_ = 0;
		for (uint32_t k = si->t0; k < si->t1; k++)
			if (eq(&d->toks[k], "free") || !strncmp(d->toks[k].norm, "donat", 5) ||
			    !strncmp(d->toks[k].norm, "gift", 4))
				free_ = 1;
		/* "will finance the purchase of drones for the Ukrainian army":
		 * paying for another's purchase is aid */
		for (uint32_t k = tend; (cls & TR_FUND) && k < c1 && k < tend + 3; k++)
			if (d->cue_start[k] & CU_SALE)
				free_ = 1;
		if (!free_)
			return 0;
	}
	/* "send troops" is a deployment, handled by the deployment frame */
	if ((cls & TR_GIVE) &&
	    (!strncmp(tt->norm, "sen", 3) || !strncmp(tt->norm, "dispatch", 8))) {
		int force = si->npers > 0;
		for (uint32_t k = tend; k < c1 && k < tend + 4; k++)
			if ((d->cue[k] & CU_PEOPLE) && d->claimed[k] != 3)
				force = 1;
		/* "send 14 fighter jets to Bulgaria", "dispatched two
		 * destroyers": warships and combat formations sent are a
		 * deployment unless the text gives them away */
		int gift = has_trig(d, si->t0, si->t1, TR_AIDN);
		for (uint32_t k = si->t0; k < si->t1 && !gift; k++)
			gift = !strncmp(d->toks[k].norm, "donat", 5) ||
			       !strncmp(d->toks[k].norm, "gift", 4) || eq(&d->toks[k], "free");
		/* "sent four MiG-29 fighter jets to the Ukrainian air force":
		 * arms sent to another state's armed forces are given (not
		 * when people are sent) */
		for (uint32_t k = tend; k + 2 < c1 && !gift && !si->npers; k++) {
			if (!eq(&d->toks[k], "to"))
				continue;
			uint32_t q = eq(&d->toks[k + 1], "the") ? k + 2 : k + 1;
			if (q < c1 && d->actor_at[q] >= 0 && !(si->actors[d->actor_at[q]].flags & AF_PLACE))
				for (uint32_t r = si->actors[d->actor_at[q]].t1;
				     r < c1 && r < si->actors[d->actor_at[q]].t1 + 3 && !gift; r++)
					/* (not "to the Japanese navy base at") */
					gift = d->role[r] == 1 &&
					       !(r + 1 < c1 && (d->cue_start[r + 1] & CU_FACILITY));
			break;
		}
		for (uint32_t k = tend; k < c1 && k < tend + 5 && !gift; k++) {
			if (eq(&d->toks[k], "to") || eq(&d->toks[k], "for"))
				break;
			/* "sending previously promised F-16s": things pledged */
			if ((eq(&d->toks[k], "promised") || eq(&d->toks[k], "pledged")) &&
			    !(k + 1 < c1 && eq(&d->toks[k + 1], "to"))) {
				gift = 1;
				break;
			}
			if ((d->cue[k] & CU_UNITS) && (d->cue[k] & CU_MILITARY) &&
			    fr_combat_unit(d, si, k))
				force = 1;
			/* "sent 12 of its aircraft": its own jets or ships move */
			if (eq(&d->toks[k], "its") || eq(&d->toks[k], "their"))
				for (uint32_t i = 0; i < si->nitems; i++) {
					int c = si->items[i].cat;
					if (si->items[i].t1 > k && si->items[i].t0 <= k + 2 &&
					    (c == 0 || c == 1 || c == 13 || c == 14))
						force = 1;
				}
		}

		/* "sends Typhoons to Qatar for joint squadron training", "sent
		 * jets for the exercise": arms sent for drills move */
		if (fr_for_drills(d, tend, c1))
			return 0;
		if (force)
			return 0; /* "dispatched its troops and frigates" */
	}
	/* "X will help Y build ...": the build verb is not a frame of its own */
	if ((cls & TR_BUILD) && has_trig(d, c0, t, TR_HELP))
		return 0;
	/* "a submarine designed mainly for NATO": the for-phrase of a
	 * participle is a purpose, not a recipient */
	if (rec >= 0 && (si->actors[rec].flags & AF_FOR) && si->actors[rec].t0 > si->t0 + 2) {
		uint32_t k = si->actors[rec].t0 - 1;
		while (k > si->t0 && !eq(&d->toks[k], "for"))
			k--;
		for (uint32_t q = k; q > si->t0 && k - q < 3; q--) {
			const at_tok *w = &d->toks[q - 1];
			if (w->type == AT_TOK_WORD && w->nlen > 4 && !d->trig[q - 1] &&
			    !strcmp(w->norm + w->nlen - 2, "ed")) {
				rec = -1;
				break;
			}
		}
	}
	/* "handed small arms to the army and sent instructors to train it":
	 * a verb's kinds end where a coordinated verb of giving starts */
	uint32_t khi = hi;
	if (!passive && !(cls & (TR_RECEIVE | TR_AIDN)) && d->trig_form[t] != LF_NOUN)
		for (uint32_t q = tend; q + 1 < hi && khi == hi; q++) {
			uint32_t v = q + 1 + (q + 2 < hi && eq(&d->toks[q + 1], "also"));
			if (eq(&d->toks[q], "and") && (d->trig[v] & (TR_VERBS | TR_MOVES)) &&
			    d->trig_form[v] == d->trig_form[t])
				khi = q;
			/* "gifted 14 tanks last year and will send more", "will
			 * train the navy and will deploy vessels" */
			if (eq(&d->toks[q], "and") && q + 2 < hi &&
			    (d->cue_start[q + 1] & (CU_COMMITTED | CU_INTENT)) &&
			    (d->trig[q + 2] & (TR_VERBS | TR_MOVES)) && d->trig_form[q + 2] != LF_NOUN)
				khi = q;
			/* "..., which has given Ukraine 100 tanks, will also supply
			 * shells": a comma and the main clause's verb */
			if (eq(&d->toks[q], ",") && q + 1 < hi &&
			    (d->cue_start[q + 1] & (CU_COMMITTED | CU_INTENT)))
				for (uint32_t w = q + 2; w < hi && w < q + 4 && khi == hi; w++)
					if ((d->trig[w] & TR_VERBS) && d->trig_form[w] != LF_NOUN)
						khi = q;
		}
	int kinds = fr_kinds_for(d, si, cls, lo, khi, mm);
	if (facility_given && (kinds == K_GENERAL || !kinds))
		kinds = K_CONSTRUCTION; /* border posts, barracks, a base handed over */
	uint32_t pkey = prov >= 0 ? si->actors[prov].key : LX_NONE;
	uint32_t rkey = rec >= 0 ? si->actors[rec].key : LX_NONE;
	const char *src = "sentence";
	/* "handed over training aids to the island nation's navy": the state
	 * the text named last, other than the giver */
	const char *rec_src = NULL;
	if (rkey == LX_NONE && (rkey = nation_anaphor(d, sidx, tend, c1, pkey)) != LX_NONE)
		rec_src = "the country named before";
	/* "MALE - The country's coast guard received a craft from India" */
	if (rkey == LX_NONE && (cls & TR_RECEIVE) && !passive &&
	    (rkey = nation_anaphor(d, sidx, c0, t, pkey)) != LX_NONE)
		rec_src = "the country named before";
	/* "Mali's junta said it had received helicopters from Russia": the
	 * speaker receives */
	if (rkey == LX_NONE && (cls & TR_RECEIVE) && passive_rec < 0) {
		int sp = fr_speaker(d, si, t);
		if (sp >= 0 && si->actors[sp].key != pkey) {
			rkey = si->actors[sp].key;
			rec_src = "speaker";
		}
	}
	/* "allies have provided Ukraine with", "Western arms shipments": a
	 * giver named by a common word is no one the text names, neither the
	 * speaker nor the giver before */
	if (pkey == LX_NONE && unnamed_giver(d, c0, t))
		return 0;
	if (pkey == LX_NONE) {
		int sp = fr_speaker(d, si, t);
		if (sp >= 0 && si->actors[sp].key != rkey) {
			pkey = si->actors[sp].key;
			src = "speaker";
		}
	}
	/* "Last week, it handed over a third boat": "it" is the state the
	 * sentence before began with */
	if (pkey == LX_NONE && !passive && !(cls & (TR_AIDN | TR_RECEIVE)) && sidx > 0) {
		uint32_t k = t;
		while (k > c0 && (d->toks[k - 1].type != AT_TOK_WORD || d->cue_start[k - 1] ||
				  eq(&d->toks[k - 1], "also") || eq(&d->toks[k - 1], "has") ||
				  eq(&d->toks[k - 1], "have") || eq(&d->toks[k - 1], "had")))
			k--;
		if (k > c0 && eq(&d->toks[k - 1], "it")) {
			const sent_info *ps = &d->sents[sidx - 1];
			for (uint32_t a = 0; a < ps->nactors; a++) {
				const actor_m *am = &ps->actors[a];
				if (!actor_usable(am) || (am->flags & OBLIQUE) ||
				    d->ctx->keys[am->key].cls != LX_STATE)
					continue;
				if (am->key != rkey) {
					pkey = am->key;
					src = "it, the state before";
				}
				break;
			}
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
				fr_attach(d, out, si, sidx, EV_AID, lo, hi, kinds, LX_NONE,
					  rkey, status, t);
				return 0;
			}
			pkey = out->ev[idx].provider;
			src = "previous event";
		}
	}
	/* construction with no recipient: the country where it is built */
	if (rkey == LX_NONE && (kinds & K_CONSTRUCTION) && pkey != LX_NONE) {
		at_event_rec tmp;
		fr_init_event(si, sidx, &tmp, EV_AID, status, "");
		fr_set_place(d, si, &tmp, tend, si->t1, LX_NONE);
		if (tmp.has_place && tmp.place_country != LX_NONE && tmp.place_country != pkey)
			rkey = tmp.place_country;
	}
	/* "Four MiG-29s donated by Belarus landed at an air base near
	 * Niamey": things given that arrive go to the state they arrive in */
	for (uint32_t k = tend; rkey == LX_NONE && pkey != LX_NONE && (kinds & K_EQUIPMENT) &&
				k < si->t1;
	     k++) {
		if (!(d->trig[k] & TR_MOVE))
			continue;
		at_event_rec tmp;
		fr_init_event(si, sidx, &tmp, EV_AID, status, "");
		fr_set_place(d, si, &tmp, k + 1, si->t1, LX_NONE);
		if (tmp.has_place && tmp.place_country != LX_NONE && tmp.place_country != pkey) {
			rkey = tmp.place_country;
			rec_src = "where the things arrived";
		}
		break;
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
		} else if (idx >= 0 && sidx - m->last_sent[EV_AID] <= 2 && concrete &&
			   out->ev[idx].recipient != pkey && t > c0 &&
			   has_word(d, t > c0 + 3 ? t - 3 : c0, t, "also")) {
			/* "Germany delivered tanks to Ukraine. The Netherlands also
			 * sent 20 armoured vehicles": another giver, the same
			 * receiver */
			rkey = out->ev[idx].recipient;
			src = "parallel clause";
		}
	}
	/* military context: the sentence's own, or the same provider's military
	 * aid story going on ("Japan also plans to provide six more vessels") */
	if (!mil) {
		/* or the same recipient's ("Chad has also received drones from
		 * Turkey" after armoured vehicles from the UAE) */
		int idx = m->last[EV_AID];
		if (!(idx >= 0 && sidx - m->last_sent[EV_AID] <= 2 &&
		      (pkey == LX_NONE || out->ev[idx].provider == pkey ||
		       (rkey != LX_NONE && out->ev[idx].recipient == rkey))))
			return 0;
	}
	if (pkey == LX_NONE || rkey == LX_NONE || pkey == rkey) {
		fr_attach(d, out, si, sidx, EV_AID, lo, hi, kinds, pkey,
			  rkey == pkey ? LX_NONE : rkey, status, t);
		return 0;
	}
	int recs[8], provs[4];
	int nrec = 1, nprov = 1;
	recs[0] = rec;
	if (rec >= 0)
		nrec += fr_coordinated(d, si, rec, recs + 1, 7, 0);
	/* "The forces of Belize, Guatemala and Panama received": a subject
	 * found is the last of its list */
	if (rec >= 0 && (how[0] == 'r' || how[0] == 'p') && rec < (int)si->nactors)
		nrec += fr_list_before(d, si, rec, recs + nrec, 8 - nrec);
	/* providers joined to the subject: "The Netherlands and Denmark will
	 * train ...": the subject found is the last of the list */
	provs[0] = prov;
	if (prov >= 0 && how[0] == 'a')
		nprov += fr_list_before(d, si, prov, provs + 1, 3);
	/* "by Paris and Washington", "from the US, Britain and France" */
	if (prov >= 0 && (by_list || (si->actors[prov].flags & (AF_FROM | AF_BY))) && nprov < 4)
		nprov += fr_coordinated(d, si, prov, provs + nprov, 4 - nprov, 0);
	for (int pv = 0; pv < nprov; pv++)
		for (int r = 0; r < nrec; r++) {
			uint32_t pk = pv == 0 ? pkey : si->actors[provs[pv]].key;
			uint32_t rk = r == 0 ? rkey : si->actors[recs[r]].key;
			if (rk == pk)
				continue;
			at_event_rec ev;
			/* which phrase gave each role, for --explain */
			const actor_m *pa = pv == 0 ? (prov >= 0 ? &si->actors[prov] : NULL)
						    : &si->actors[provs[pv]];
			const actor_m *ra = r == 0 ? (rec >= 0 ? &si->actors[rec] : NULL)
						   : &si->actors[recs[r]];
			int prov_borrowed = !strcmp(src, "speaker") ||
					    !strcmp(src, "previous event") || !strncmp(src, "it,", 3);
			int rec_borrowed = !strcmp(src, "parallel clause") ||
					   !strcmp(src, "previous recipient");
			snprintf(why, sizeof(why), "aid:%s:%s:%s;provider=%s;recipient=%s", how,
				 tt->norm, src,
				 prov_borrowed                     ? src
				 : pv > 0 && pa && !(pa->flags & (AF_BY | AF_FROM)) &&
						 (si->actors[prov].flags & (AF_BY | AF_FROM))
					 ? (si->actors[prov].flags & AF_BY ? "by-phrase list"
									    : "from-phrase list")
				 : pv == 0 && prov == thanked && pa ? "the one thanked"
				 : pa                              ? phrase(pa, t)
								   : "subject",
				 rec_borrowed                      ? src
				 : r == 0 && rec == thanker && ra ? "the one who thanks"
				 : ra                              ? phrase(ra, t)
				 : rec_src                         ? rec_src
								   : "place of construction");
			fr_init_event(si, sidx, &ev, EV_AID, status, why);
			ev.provider = pk;
			ev.recipient = rk;
			ev.soft_status = soft;
			ev.kinds = (uint8_t)kinds;
			fr_add_items(d, si, &ev, lo, khi);
			fr_gapped_items(d, si, &ev, t, tend, khi);
			/* a lump sum for several recipients goes on none of them */
			if (nrec == 1)
				fr_set_value(d, si, &ev, mm);
			const date_m *dm = NULL;
			if (!fr_vague_time(d, c0, c1)) {
				dm = fr_pick_date(d, si, t, c0, c1, fr_is_speech_act(tt));
				fr_set_when(d, si, &ev, dm, ev.status);
			}
			if (kinds & K_CONSTRUCTION)
				fr_set_place(d, si, &ev, tend, c1, rk);
			fr_default_status(d, &ev);
			ev.confidence = 0.55 + (prov >= 0 ? 0.15 : 0) + (rec >= 0 ? 0.1 : 0) +
					((items || mm) ? 0.1 : 0) +
					(!(cls & TR_AIDN) ? 0.05 : 0);
			at_event_rec again = ev;
			int idx = at_extract__add_event(d, out, &ev);
			if (idx == AT_ENOMEM)
				return AT_ENOMEM;
			fr_remember(d, EV_AID, idx, sidx);
			/* "gave six vessels in 2020 and four more in 2022", "donations
			 * in 2012 and 2014": one act a year */
			if (fr_act_per_date(d, out, si, &again, dm, c1, 1) == AT_ENOMEM)
				return AT_ENOMEM;
		}
	return 0;
}
