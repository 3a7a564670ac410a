/* SPDX-License-Identifier: MIT */
/*
 * frames_deploy.c — the deployment frame: forces moved, stationed, sent,
 * arriving or contributed; the mover from the clause, a "from" list, a
 * passive's agent, the act before, or the article's state; rotations and
 * deployment nouns.
 */
#include "frames_int.h"

/* "ordered", "launched", "began", "staged" between a subject and its drills. */
int fr_ordered(const docx *d, uint32_t lo, uint32_t hi)
{
	static const char *const V[] = {
		"ordered",   "orders",     "order",      "launched",  "launches",   "launch",
		"began",     "begins",     "begin",      "started",   "starts",     "staged",
		"stages",    "stage",      "kicked",     "kicks",     "kicked-off", "kick-off",
		"completed", "concluded",  "wrapped",    "carried",   "carries",    "organised",
		"organized", "organises",  "organizes",  "announced", "announces",  "renewed",
		"approved",  "authorized", "authorised", "closed",    "opened",     NULL};
	for (uint32_t k = lo; k < hi; k++)
		if (in_list(d->toks[k].norm, V))
			return 1;
	return 0;
}

/* ---- deployments ---------------------------------------------------------- */

/* "troops from Sri Lanka, Spain and Guatemala", "265 soldiers from Pakistan":
 * the states after "from" that follows a word for forces, in [c0, hi); with
 * several such phrases ("200 troops from Spain and 70 officers from
 * Guatemala") the states of each, and in pers[] each one's own count (-1
 * for members of a list). */
static int forces_from(const docx *d, const sent_info *si, uint32_t c0, uint32_t hi, int *out,
		       int64_t *pers, int max)
{
	int n = 0;
	uint32_t done = c0;
	for (uint32_t a = 0; a < si->nactors && n < max; a++) {
		const actor_m *am = &si->actors[a];
		if (am->t0 < done + 2 || am->t1 > hi || !(am->flags & AF_FROM) ||
		    !actor_usable(am))
			continue;
		uint32_t f = am->t0 - 1;
		while (f > c0 && eq(&d->toks[f], "the"))
			f--;
		if (!eq(&d->toks[f], "from") || f == c0 ||
		    !(d->cue[f - 1] & (CU_PEOPLE | CU_UNITS)))
			continue;
		/* the count of "265 soldiers from" */
		int64_t count = -1;
		for (uint32_t p = 0; p < si->npers; p++)
			if (si->pers[p].t1 + 2 >= f && si->pers[p].t1 <= f && si->pers[p].t0 >= done)
				count = si->pers[p].count;
		int n0 = n;
		out[n++] = (int)a;
		n += fr_coordinated(d, si, (int)a, out + n, max - n, 1);
		for (int i = n0; i < n; i++)
			pers[i] = n - n0 > 1 ? -1 : count;
		done = si->actors[out[n - 1]].t1;
		a = (uint32_t)out[n - 1];
	}
	return n;
}

/* "Of them, 850 will go to South Sudan and the rest to Mali": the total of
 * the last deployment of an earlier sentence less the counts of this one
 * before c0, or -1. */
static int64_t rest_of(const docx *d, const at_events *out, const sent_info *si, uint32_t c0)
{
	int64_t part = 0;
	for (uint32_t k = 0; k < si->npers; k++)
		if (si->pers[k].t1 <= c0)
			part += si->pers[k].count;
	uint32_t sidx = (uint32_t)(si - d->sents);
	for (size_t i = out->n; i-- > 0;) {
		const at_event_rec *e = &out->ev[i];
		if (e->type != EV_DEPLOYMENT || e->sent0 >= sidx)
			continue;
		return e->personnel > part ? e->personnel - part : -1;
	}
	return -1;
}

/* The country of the place in [lo, hi) ("to Ladakh", "in Haiti"), or LX_NONE. */
static uint32_t dest_country(docx *d, const sent_info *si, uint32_t lo, uint32_t hi)
{
	at_event_rec tmp;
	memset(&tmp, 0, sizeof(tmp));
	tmp.place_country = LX_NONE;
	fr_set_place(d, si, &tmp, lo, hi, LX_NONE);
	return tmp.has_place && tmp.place_country != LX_NONE ? tmp.place_country : LX_NONE;
}

/* The state of a unit or service characteristic of it (states.tsv rows of
 * form `unit`: "the 82nd Airborne Division", "the Royal Marines") in [lo, hi),
 * or of the state named with it ("South Korea's 3rd Infantry Division", "the
 * National Guard of Ukraine"); LX_NONE when there is none. */
static uint32_t unit_state(const docx *d, const sent_info *si, uint32_t lo, uint32_t hi)
{
	lx_hit hits[8];
	for (uint32_t k = lo; k < hi; k++) {
		size_t nh = lx_match(d->ctx, d->s, d->toks, k, hi, hits, 8);
		for (size_t h = 0; h < nh; h++) {
			const lx_entry *e = hits[h].e;
			if (e->cls != LX_STATE || e->form != LF_UNIT)
				continue;
			/* a state before it: "Russia's 76th", "the Korean" */
			for (uint32_t b = k, n = 0; b > lo && n < 4; n++) {
				const at_tok *w = &d->toks[--b];
				if (d->actor_at[b] >= 0)
					return si->actors[d->actor_at[b]].key;
				if (!eq(w, "'s") && !eq(w, "’s") && !(w->flags & AT_TF_CAP) &&
				    !(w->norm[0] >= '0' && w->norm[0] <= '9'))
					break;
			}
			uint32_t r = k + hits[h].ntok;
			if (r + 2 < hi && eq(&d->toks[r], "of") && eq(&d->toks[r + 1], "the") &&
			    d->actor_at[r + 2] >= 0)
				r++;
			if (r + 1 < hi && eq(&d->toks[r], "of") && d->actor_at[r + 1] >= 0)
				return si->actors[d->actor_at[r + 1]].key;
			return e->key;
		}
	}
	return LX_NONE;
}

/* Is the subject left of t a word for forces or units with no nation: 2 for
 * "the Army" (capitalised: a state's own service), 1 for "the carrier strike
 * group", "a contingent", else 0. */
static int force_subject(const docx *d, uint32_t c0, uint32_t t)
{
	for (uint32_t k = c0; k < t; k++) {
		if (d->actor_at[k] >= 0)
			return 0;
		if (d->cue_start[k] & (CU_LOCPREP | CU_REPORT))
			return 0;
		/* 2: "the Army", "the Navy": the article's own forces */
		if (d->role[k] == 1 && k > c0 && eq(&d->toks[k - 1], "the") &&
		    (d->toks[k].flags & AT_TF_CAP))
			return 2;
		/* "the other two battalions": a word for armed forces */
		if ((d->role[k] == 1 && !(d->toks[k].flags & AT_TF_CAP)) ||
		    ((d->cue[k] & (CU_PEOPLE | CU_UNITS)) && (d->cue[k] & CU_MILITARY)))
			return 1;
	}
	return 0;
}

/* "Uganda has offered 1,500 troops while smaller numbers are expected from
 * Nigeria and Burundi": more contributors to the move of `tmpl`, after its
 * clause (from c1): a word for more forces, "expected/due/coming/pledged
 * from" and the states; one event each, like the first but for the count. */
static int more_from(docx *d, at_events *out, const sent_info *si, uint32_t sidx, uint32_t c1,
		     const at_event_rec *tmpl)
{
	static const char *const MORE[] = {"numbers", "more",	     "others", "rest",
					   "remainder", "contingents", "units", NULL};
	static const char *const EXP[] = {"expected", "due", "coming", "pledged", "promised", NULL};
	int more = 0;
	for (uint32_t k = c1; k + 2 < si->t1; k++) {
		if (d->trig[k] & (TR_VERBS | TR_MOVES))
			return 0; /* another act's clause */
		if (in_list(d->toks[k].norm, MORE) || (d->cue[k] & CU_PEOPLE))
			more = 1;
		if (!more || !in_list(d->toks[k].norm, EXP))
			continue;
		uint32_t f = k + 1;
		if (!eq(&d->toks[f], "from"))
			return 0;
		int a = d->actor_at[f + 1];
		if (a < 0 || !actor_usable(&si->actors[a]) ||
		    d->ctx->keys[si->actors[a].key].cls != LX_STATE)
			return 0;
		int list[6], n = 1;
		list[0] = a;
		n += fr_coordinated(d, si, a, list + 1, 5, 1);
		for (int i = 0; i < n; i++) {
			at_event_rec ev = *tmpl;
			ev.actor = si->actors[list[i]].key;
			ev.personnel = -1;
			ev.anaphor = 0;
			snprintf(ev.why, sizeof(ev.why), "deployment:%s:more forces from",
				 d->toks[k].norm);
			int idx = at_extract__add_event(d, out, &ev);
			if (idx == AT_ENOMEM)
				return AT_ENOMEM;
			fr_remember(d, EV_DEPLOYMENT, idx, sidx);
		}
		return 0;
	}
	return 0;
}

/* "the howitzers which were recently inducted into the Army have been
 * stationed", "149 Blue Helmets of a battalion that is expected to total
 * 750 arrived": a relative clause with its own verb inside the subject; the
 * trigger's subject is before the pronoun. Returns the clause's new start,
 * or c0. */
static uint32_t outer_subject(const docx *d, const sent_info *si, uint32_t c0, uint32_t t)
{
	static const char *const REL[] = {"which", "that", "who", NULL};
	static const char *const BE[] = {"is", "are", "was", "were", NULL};
	if (c0 < si->t0 + 2 || c0 >= t || !in_list(d->toks[c0 - 1].norm, REL))
		return c0;
	/* the pronoun follows a noun, not "said that" */
	uint32_t n = c0 - 2;
	if (!(d->cue[n] & (CU_PEOPLE | CU_UNITS)) && d->claimed[n] != 3 && d->actor_at[n] < 0 &&
	    d->role[n] == 0)
		return c0;
	/* the relative clause's own verb, and no mover of its own */
	int verb = 0;
	for (uint32_t k = c0; k < t; k++) {
		if (d->cue[k] & (CU_PEOPLE | CU_UNITS) || d->actor_at[k] >= 0 || d->claimed[k] == 3)
			return c0;
		const at_tok *w = &d->toks[k];
		verb |= in_list(w->norm, BE) ||
			(w->nlen > 3 && !strcmp(w->norm + w->nlen - 2, "ed") && k + 1 < t);
	}
	if (!verb)
		return c0;
	uint32_t p0, p1;
	fr_clause_of(d, si, c0 - 1, &p0, &p1);
	return p0 < c0 - 1 ? p0 : c0;
}

/* A combat formation at k, which a verb of giving sends as forces: 1 for
 * "will send a brigade" (not "jet parts from Air Force bases"), 2 for a
 * group that a military word before makes one ("dispatched a naval escort
 * task force", "sent a carrier strike group"; not "a task force on
 * housing"). */
static int formation_at(const docx *d, const sent_info *si, uint32_t k)
{
	static const char *const FORMATION[] = {
		"brigade",   "brigades",  "battalion",   "battalions",   "regiment", "regiments",
		"division",  "divisions", "squadron",    "squadrons",    "platoon",  "platoons",
		"battlegroup", "battlegroups", "contingent", "contingents", "detachment",
		"detachments", NULL};
	static const char *const GROUP_HEAD[] = {"task", "strike", "battle", NULL};
	if (in_list(d->toks[k].norm, FORMATION))
		return 1;
	if (!(eq(&d->toks[k], "force") || eq(&d->toks[k], "group")) || k < si->t0 + 2 ||
	    !in_list(d->toks[k - 1].norm, GROUP_HEAD))
		return 0;
	for (uint32_t q = k - 1; q > si->t0 && k - q < 5; q--)
		if ((d->cue[q - 1] & CU_MILITARY) || d->claimed[q - 1] == 3)
			return 2;
	return 0;
}

int fr_deploy_frame(docx *d, at_events *out, uint32_t sidx, uint32_t t, int cls)
{
	sent_info *si = &d->sents[sidx];
	uint32_t c0, c1;
	fr_clause_of(d, si, t, &c0, &c1);
	c0 = outer_subject(d, si, c0, t);
	const at_tok *tt = &d->toks[t];
	uint32_t tend = t + 1;
	int passive = fr_is_passive(d, si, t);
	const at_tok *tt0 = &d->toks[t];
	/* "has 2,500 troops stationed in Iraq": a participle right after the
	 * forces it moved */
	if (!passive && (cls & TR_DEPLOY) && t > si->t0 &&
	    (eq(tt0, "stationed") || eq(tt0, "positioned")) &&
	    (d->cue[t - 1] & (CU_PEOPLE | CU_UNITS)) && d->actor_at[t - 1] < 0)
		passive = 1;
	/* "troops arrived", "the ship docked": the mover is the subject */
	int intrans = (cls & TR_MOVE) != 0;
	/* "the 101st Airborne Division is deploying to Romania", "troops
	 * redeployed into the north": a verb of deploying with no object */
	if (!intrans && (cls & TR_DEPLOY) && !passive && tend < c1 &&
	    (eq(&d->toks[tend], "to") || eq(&d->toks[tend], "into") ||
	     eq(&d->toks[tend], "near") || eq(&d->toks[tend], "along")) &&
	    (tend + 1 >= c1 || !d->trig[tend + 1]) && has_cue(d, c0, t, CU_PEOPLE | CU_UNITS))
		intrans = 1;
	/* "sent a convoy", "dispatched two warships": units and weapons move */
	int sends = (cls & TR_GIVE) &&
		    (!strncmp(tt->norm, "sen", 3) || !strncmp(tt->norm, "dispatch", 8));
	/* "the deployment of 2,100 personnel", "troop deployments" */
	int noun = (cls & TR_DEPLOYN) != 0;
	/* what moves: people, units or military items */
	uint32_t lo = passive || intrans ? c0 : tend, hi = intrans && !passive ? t : c1;
	if (noun)
		lo = t > c0 + 2 ? t - 2 : c0;
	int forces = 0;
	uint32_t force_bits = (cls & TR_GIVE) && !sends ? CU_PEOPLE : (CU_PEOPLE | CU_UNITS);
	/* a verb of giving moves forces only as its direct object: "offered
	 * 1,500 troops", "sent a convoy of commandos", not "to the forces" */
	uint32_t obj_hi = (cls & TR_GIVE) && tend + 8 < hi ? tend + 8 : hi;
	/* "the equipment was flown to Pakistan by military aircraft": a
	 * passive's agent is not what moves (but "will be joined by 200
	 * soldiers", "replaced by a division": there it is) */
	for (uint32_t k = tend; passive && strncmp(tt->norm, "join", 4) &&
				strncmp(tt->norm, "replac", 6) && k < obj_hi;
	     k++)
		if (eq(&d->toks[k], "by"))
			obj_hi = k;
	for (uint32_t k = lo; k < obj_hi; k++) {
		/* "pledged to train 300 soldiers": the object ends at "to" (not
		 * "send up to 200 soldiers") */
		if ((cls & TR_GIVE) && (eq(&d->toks[k], "to") || eq(&d->toks[k], "for")) &&
		    !(k > lo && eq(&d->toks[k - 1], "up"))) {
			obj_hi = k;
			break;
		}
		/* "sent several hundred soldiers retreating": a causative */
		const at_tok *w = &d->toks[k];
		if ((cls & TR_GIVE) && forces && w->nlen > 5 && !d->trig[k] &&
		    !strcmp(w->norm + w->nlen - 3, "ing") && d->claimed[k] != 3)
			return 0;
		/* "fighter jets" are forces and an item; a giving verb moves
		 * units only when they are combat formations, not "jet parts from
		 * Air Force bases" */
		int unit_only = !(d->cue[k] & CU_PEOPLE);
		/* a mover or what is sent is armed forces: "troops arrived",
		 * "sent 500 police", not "advisers arrived", "sent participants" */
		if ((intrans || (cls & TR_GIVE)) && !(d->cue[k] & CU_MILITARY) &&
		    d->role[k] != 1 && !(k > lo && (d->cue[k - 1] & CU_MILITARY)))
			continue; /* "anti-terrorism squads" are military too */
		/* "will contribute an infantry battalion": a formation is
		 * given as forces are */
		int formation = (cls & TR_GIVE) && (d->cue[k] & CU_UNITS) &&
				formation_at(d, si, k) && has_word(d, k, c1, "to");
		if (((d->cue[k] & force_bits) || formation) && k != t &&
		    (d->claimed[k] != 3 || (d->cue[k] & CU_MILITARY)) &&
		    !((cls & TR_GIVE) && unit_only &&
		      ((d->role[k] && !formation_at(d, si, k)) ||
		       (!(d->cue[k] & CU_MILITARY) && formation_at(d, si, k) != 2) ||
		       !fr_combat_unit(d, si, k))))
			forces = 1;
	}
	for (uint32_t k = 0; k < si->npers; k++)
		if (si->pers[k].t0 >= lo && si->pers[k].t1 <= obj_hi)
			forces = 1;
	/* "troop numbers", "troop levels": the noun names the forces */
	if (noun && (d->cue[t] & CU_PEOPLE) && (d->cue[t] & CU_MILITARY))
		forces = 1;
	/* "850 personnel will go to South Sudan and the rest will be deployed
	 * in Mali": the rest of forces counted before, in the sentence */
	int partitive = 0;
	uint32_t rest = t;
	for (uint32_t k = c0 + 1; k < t && rest == t; k++)
		if (eq(&d->toks[k - 1], "the") &&
		    (eq(&d->toks[k], "rest") || eq(&d->toks[k], "remainder")))
			rest = k - 1;
	if (rest < t) {
		static const char *const AUX[] = {"will", "would", "be", "are", "were", "is",
						  "was", "have", "has", "been", "to", NULL};
		int aux = 1;
		for (uint32_t k = rest + 2; k < t && aux; k++)
			aux = in_list(d->toks[k].norm, AUX);
		for (uint32_t k = 0; k < si->npers && aux && !partitive; k++)
			partitive = si->pers[k].t1 <= rest;
		forces |= partitive;
	}
	int mil_items = 0;
	for (uint32_t i = 0; i < si->nitems; i++)
		if (si->items[i].t0 >= lo && si->items[i].t1 <= obj_hi &&
		    fr_military_item(&si->items[i]) && !fr_false_item(d, si, &si->items[i]) &&
		    /* "the ammunition was flown into Erbil": supplies that
		     * move are no forces */
		    !((intrans || passive) && (!strcmp(AT_ITEM_CATS[si->items[i].cat], "ammunition") ||
					       !strcmp(AT_ITEM_CATS[si->items[i].cat], "small_arms"))))
			mil_items = 1;
	/* "deployed drones to", "stationed F-35s in": aircraft, drones and
	 * ships a state deploys or stations are its armed forces' (not those
	 * it sends, which may be relief flights, unless its own); "two
	 * Eurofighters were deployed to Romania" too */
	for (uint32_t i = 0;
	     i < si->nitems && ((cls & TR_DEPLOY) || (sends && !passive)) && !intrans; i++) {
		int c = si->items[i].cat;
		/* ("sent 19 of its aircraft": a state sends its own) */
		int own = 0;
		for (uint32_t k = si->items[i].t0 > lo + 2 ? si->items[i].t0 - 2 : lo;
		     k < si->items[i].t1 && !own; k++)
			own = eq(&d->toks[k], "its") || eq(&d->toks[k], "their");
		/* ("sent 100 aircraft to Germany for the exercise": for drills) */
		own |= sends && fr_for_drills(d, tend, c1);
		if (si->items[i].t0 >= lo && si->items[i].t1 <= obj_hi &&
		    (c == 0 || c == 1 || c == 13 || c == 14) && ((cls & TR_DEPLOY) || own) &&
		    !fr_false_item(d, si, &si->items[i]))
			mil_items = 1;
	}
	if ((cls & TR_EQUIP) == 0 && !forces && !(mil_items && ((cls & TR_MOVES) || sends)))
		return 0;
	/* "decided to send Leopard tanks": weapons sent to no place are no
	 * move of forces */
	if (sends && !forces && !has_word(d, tend, c1, "to") && !has_word(d, tend, c1, "into") &&
	    !has_word(d, tend, c1, "its") && !has_word(d, tend, c1, "their"))
		return 0; /* (but "is sending its patrol vessel": its own forces) */
	/* "troops join a mission", "join the coalition": what one joins is a
	 * force or operation, not "joined schoolchildren in a march", and
	 * being joined in drills is taking part in them */
	if (!strncmp(tt->norm, "join", 4)) {
		if (has_trig(d, si->t0, si->t1, TR_EXERN) ||
		    (M(d)->last[EV_EXERCISE] >= 0 && sidx - M(d)->last_sent[EV_EXERCISE] <= 1))
			return 0;
		/* "the battalion will be joined next week by 160 Moroccan
		 * soldiers": the forces after "by" move */
		int by_forces = 0;
		for (uint32_t k = tend; passive && k < c1 && k < tend + 5 && !by_forces; k++) {
			if (!eq(&d->toks[k], "by"))
				continue;
			for (uint32_t q = k + 1; q < c1 && q < k + 5 && !by_forces; q++)
				by_forces = (d->cue[q] & CU_PEOPLE) && (d->cue[q] & CU_MILITARY);
			break;
		}
		if (passive && !by_forces)
			return 0;
		static const char *const JOINED[] = {
			"mission",    "missions",  "force",        "forces",    "operation",
			"operations", "coalition", "contingent",   "battalion", "brigade",
			"unit",       "troops",    "peacekeepers", NULL};
		int ok = passive;
		for (uint32_t k = tend; k < c1 && k < tend + 6 && !ok; k++)
			ok = in_list(d->toks[k].norm, JOINED);
		if (!ok)
			return 0;
	}
	/* "The consignment, which arrived by rail": aid arriving is the aid's */
	if (intrans && has_trig(d, c0 > si->t0 + 3 ? c0 - 4 : si->t0, t, TR_AIDN))
		return 0;
	/* "the ammunition was flown into Erbil", "The helicopter, flown in
	 * by a navy crew": the things of the aid just reported moving are
	 * its delivery */
	if ((intrans || passive) && !forces && mil_items && fr_head_anaphor(d, out, sidx, c0, t))
		return 0;
	/* "U.S. military equipment for Ecuador's army arrived": things for
	 * another state's forces arriving are their delivery */
	for (uint32_t k = c0 + 1; intrans && k + 2 < t; k++)
		if (eq(&d->toks[k], "for") && d->claimed[k - 1] == 3 && d->actor_at[k + 1] >= 0) {
			const actor_m *am = &si->actors[d->actor_at[k + 1]];
			for (uint32_t r = am->t1; r < t && r < am->t1 + 3; r++)
				if (d->role[r] == 1)
					return 0;
		}
	/* "Six MiG-29s donated by Russia landed at Batajnica": things given
	 * arriving are the gift's delivery */
	for (uint32_t k = c0; intrans && k + 1 < t; k++)
		if ((d->trig[k] & TR_GIVE) &&
		    (d->trig_form[k] == LF_PAST || d->trig_form[k] == LF_PASTPART) &&
		    eq(&d->toks[k + 1], "by"))
			return 0;
	/* "Korean K2 tanks arrive in Poland": weapons arriving in another
	 * state are a delivery, not a deployment */
	if (intrans && !forces && mil_items) {
		uint32_t dest = dest_country(d, si, tend, c1);
		int origin = -1;
		for (uint32_t a = 0; a < si->nactors && origin < 0; a++)
			if (si->actors[a].t1 <= t && (si->actors[a].flags & AF_ADJ))
				origin = (int)a;
		if (dest != LX_NONE && d->ctx->keys[dest].cls == LX_STATE && origin >= 0 &&
		    si->actors[origin].key != dest)
			return 0;
	}
	/* "ordered the carrier to the eastern Mediterranean": ordering forces
	 * somewhere moves them; not "ordered 50 jets" (a purchase) nor
	 * "ordered troops to withdraw" */
	if (eq(tt, "ordered")) {
		int dest = 0;
		for (uint32_t k = tend; k + 1 < c1 && !dest; k++)
			if (eq(&d->toks[k], "to") || eq(&d->toks[k], "into")) {
				/* a name within three words: "to the eastern
				 * Mediterranean", not "to the value of" */
				for (uint32_t q = k + 1; q < c1 && q < k + 4 && !dest; q++)
					dest = d->actor_at[q] >= 0
						       ? !(si->actors[d->actor_at[q]].flags & AF_ADJ)
						       : ((d->toks[q].flags & AT_TF_CAP) &&
							  d->toks[q].type == AT_TOK_WORD);
				dest &= !d->trig[k + 1];
			}
		int sale = 0; /* a sale word other than "ordered" itself */
		for (uint32_t k = si->t0; k < si->t1 && !sale; k++)
			sale = k != t && (d->cue_start[k] & CU_SALE);
		if (!dest || passive || sale)
			return 0;
	}
	/* "the division will redeploy in February, after a year in the
	 * region, to be replaced": forces redeploying to no place go home
	 * (but "Kuwait redeployed air defences" moves them at home) */
	int object = 0;
	for (uint32_t k = tend; k < c1 && k < tend + 4 && !object && !d->trig[k] &&
				!(d->cue_start[k] & CU_LOCPREP);
	     k++)
		object = (d->cue[k] & (CU_PEOPLE | CU_UNITS)) || d->claimed[k] == 3;
	if (!strncmp(tt->norm, "redeploy", 8) && !object) {
		int to = 0;
		for (uint32_t k = tend; k + 1 < c1 && !to; k++)
			to = (eq(&d->toks[k], "to") || eq(&d->toks[k], "into")) &&
			     (eq(&d->toks[k + 1], "the") || d->actor_at[k + 1] >= 0 ||
			      (d->toks[k + 1].flags & AT_TF_CAP));
		if (!to)
			return 0;
	}
	/* "Italy will keep its 250 troops in Latvia", "maintains 300 soldiers
	 * in Iraq": forces kept in a state (not "keep the peace", "kept on
	 * alert") */
	if (!strncmp(tt->norm, "keep", 4) || !strncmp(tt->norm, "kept", 4) ||
	    !strncmp(tt->norm, "maintain", 8)) {
		int in_state = 0;
		for (uint32_t k = tend; k + 1 < c1 && !in_state; k++)
			if (eq(&d->toks[k], "in") && d->actor_at[k + 1] >= 0)
				in_state = d->ctx->keys[si->actors[d->actor_at[k + 1]].key].cls == LX_STATE;
		if (!in_state || !forces || passive)
			return 0;
	}
	/* "the bombers returned to Guam after the drill": forces coming back
	 * from drills or a mission go home, no move out */
	if (!strncmp(tt->norm, "return", 6)) {
		static const char *const DUTY[] = {"mission", "missions", "deployment", "tour",
						   "rotation", "operation", "operations", NULL};
		for (uint32_t k = tend; k + 1 < c1; k++)
			if (eq(&d->toks[k], "after"))
				for (uint32_t q = k + 1; q < c1 && q < k + 5; q++)
					if ((d->trig[q] & TR_EXERN) || in_list(d->toks[q].norm, DUTY))
						return 0;
	}
	/* "rotated a contingent into South Sudan", not "rotated back home" */
	if (!strncmp(tt->norm, "rotat", 5) && tend < c1 &&
	    (eq(&d->toks[tend], "back") || eq(&d->toks[tend], "home") ||
	     eq(&d->toks[tend], "out")))
		return 0;
	int rotation = !strncmp(tt->norm, "replac", 6);
	/* a unit of one state among the forces: "will be replaced by the 1st
	 * Cavalry Division" (the one after the verb moves), "the Royal Marines
	 * arrived" */
	uint32_t ukey = unit_state(d, si, rotation && passive ? tend : c0,
				   rotation && !passive ? t : c1);
	/* movers and rotations are armed forces by name: "troops arrived",
	 * "replaced by a Polish division"; not "13 members reached" or
	 * "replace its ageing helicopters" */
	if ((intrans || rotation) && !mil_items) {
		int named = ukey != LX_NONE;
		for (uint32_t k = lo; k < hi && !named; k++)
			named = ((d->cue[k] & CU_MILITARY) || d->role[k] == 1) &&
				(d->cue[k] & (CU_PEOPLE | CU_UNITS));
		if (!named)
			return 0;
	}
	if (!strncmp(tt->norm, "replac", 6) && !passive) {
		int troops = 0; /* "will replace the Kenyan peacekeepers" */
		for (uint32_t k = tend; k < c1 && k < tend + 5 && !troops; k++)
			troops = (d->cue[k] & CU_PEOPLE) && (d->cue[k] & CU_MILITARY);
		if (!troops)
			return 0;
	}
	if (!strncmp(tt->norm, "mov", 3) && !passive && !intrans) {
		int near = 0;
		for (uint32_t k = tend; k < c1 && k < tend + 4; k++)
			if ((d->cue[k] & (CU_PEOPLE | CU_UNITS)) || d->claimed[k] == 3)
				near = 1;
		if (!near)
			return 0;
	}
	/* "with Brunei and Singapore deploying warships" in drills: ships that
	 * only take part stay inside the exercise (but "with Beijing sending
	 * 3,000 troops" moves a count of forces to it) */
	int sent_count = 0;
	for (uint32_t k = 0; sends && k < si->npers; k++)
		sent_count |= si->pers[k].t0 >= tend && si->pers[k].t0 < tend + 4;
	/* "launched drills around Taiwan, sending warships and fighter jets
	 * to practise ...": a participle after the drills is what they do */
	if (d->trig_form[t] == LF_ING && !sent_count && t > si->t0 &&
	    eq(&d->toks[t - 1], ",") && has_trig(d, si->t0, t, TR_EXERN))
		return 0;
	if (d->trig_form[t] == LF_ING && !sent_count &&
	    (has_word(d, si->t0, t, "with") || has_trig(d, si->t0, si->t1, TR_EXERN) ||
	     (M(d)->last[EV_EXERCISE] >= 0 && sidx - M(d)->last_sent[EV_EXERCISE] <= 1)) &&
	    has_word(d, si->t0, t, "with"))
		return 0;
	/* a purpose infinitive after another frame's verb: "relocated 20,000
	 * troops to reinforce its border" is one act */
	if (d->trig_form[t] == LF_BASE && t > si->t0 && eq(&d->toks[t - 1], "to") &&
	    has_verb_between(d, c0, t - 1) &&
	    /* "has offered to send 1,000 troops": the verb before is no act */
	    !(t >= si->t0 + 2 && (d->trig[t - 2] & (TR_VERBS | TR_MOVES))))
		return 0;
	if (!fr_military_context(d, si) && !forces)
		return 0;
	if (!has_cue(d, si->t0, si->t1, CU_MILITARY) && !mil_items && !si->npers) {
		/* "forces" alone is too weak: "market forces moved" */
		int strong = 0;
		static const char *const WEAK[] = {
			"forces", "force", "staff", "members", "group",     "groups",   "team",
			"teams",  "unit",  "units", "company", "equipment", "hardware", NULL};
		for (uint32_t k = lo; k < hi; k++)
			if ((d->cue[k] & (CU_PEOPLE | CU_UNITS)) &&
			    (!in_list(d->toks[k].norm, WEAK) ||
			     /* "its forces", "the country's forces": a
			      * state's own armed forces, not "market forces" */
			     (d->role[k] == 1 && k > si->t0 &&
			      (eq(&d->toks[k - 1], "its") || eq(&d->toks[k - 1], "their") ||
			       eq(&d->toks[k - 1], "'s")))))
				strong = 1;
		if (!strong)
			return 0;
	}
	int soft;
	int status = fr_status_of(d, si, c0, c1, t, noun, &soft);
	if (status == DROP || fr_ended_before(d, si, si->t0, c1))
		return 0;
	int acts[6], nact = 0;
	int act = d->actor_at[t] >= 0 ? d->actor_at[t] : -1;
	/* where the actor comes from, for "why" and --explain */
	const char *src = act >= 0 ? "compound with the verb" : "";
	/* "Britain's deployment", "the Russian troop build-up", "the
	 * deployment of Soviet submarines", "Moscow ordered the deployment" */
	for (uint32_t a = si->nactors; noun && act < 0 && a-- > 0;) {
		const actor_m *am = &si->actors[a];
		/* not "the South Sudanese government accepted the deployment":
		 * an official or a body between is what the adjective names */
		int other = 0;
		for (uint32_t k = am->t1; k < t && !other; k++)
			other = d->role[k] >= 2;
		if (am->t1 <= t && am->t1 + 3 >= t && (am->flags & (AF_ADJ | AF_POSS)) &&
		    !(am->flags & (AF_PLACE | AF_LOC)) && !other) {
			act = (int)a;
			src = "adjective or possessive of the noun";
		}
	}
	if (noun && act < 0 && tend < c1 && eq(&d->toks[tend], "of")) {
		for (uint32_t k = tend + 1; k < c1 && k < tend + 5 && act < 0; k++)
			if (d->actor_at[k] >= 0 && actor_usable(&si->actors[d->actor_at[k]]) &&
			    /* ("the deployment of its troops in Latvia": where,
			     * not whose) */
			    !(si->actors[d->actor_at[k]].flags & (AF_LOC | AF_TO))) {
				act = d->actor_at[k];
				src = "of-phrase of the noun";
			}
	}
	if (noun && act < 0) {
		int subj = fr_left_subject(d, si, c0, t, 0);
		if (subj >= 0 && fr_ordered(d, si->actors[subj].t1, t)) {
			act = subj;
			src = "subject that ordered it";
		}
		/* "Britain extended its troop deployment in Estonia", "the
		 * deployment of its troops": the subject's own deployment */
		int its = 0;
		for (uint32_t k = t; k > c0 && t - k < 3 && !its; k--)
			its = eq(&d->toks[k - 1], "its") || eq(&d->toks[k - 1], "their");
		its |= tend + 1 < c1 && eq(&d->toks[tend], "of") &&
		       (eq(&d->toks[tend + 1], "its") || eq(&d->toks[tend + 1], "their"));
		if (act < 0 && subj >= 0 && its && si->actors[subj].t1 < t) {
			act = subj;
			src = "subject whose deployment it is";
		}
	}
	/* "troops were deployed by Russia", "will be replaced by a Polish
	 * division": a passive's agent moves */
	if (act < 0 && passive) {
		uint32_t by = tend;
		while (by < c1 && !eq(&d->toks[by], "by"))
			by++;
		for (uint32_t k = by + 1; k < c1 && k < by + 5 && act < 0; k++)
			if (d->actor_at[k] >= 0 &&
			    (actor_usable(&si->actors[d->actor_at[k]]) ||
			     (k + 1 < c1 && (d->cue[k + 1] & (CU_PEOPLE | CU_UNITS)))))
				act = d->actor_at[k]; /* "by a Polish division" */
		if (act >= 0)
			src = "agent after by";
	}
	/* "has been ordered by the Army": the article's own forces */
	int by_army = 0;
	for (uint32_t k = t; (passive || noun) && act < 0 && k + 2 < c1 && k < t + 10 && !by_army;
	     k++)
		by_army = eq(&d->toks[k], "by") && eq(&d->toks[k + 1], "the") &&
			  d->role[k + 2] == 1 && (d->toks[k + 2].flags & AT_TF_CAP) &&
			  d->actor_at[k + 2] < 0;
	int64_t from_pers[6];
	if (act < 0 && !noun && (intrans || passive || !(cls & TR_GIVE)))
		nact = forces_from(d, si, c0, intrans || passive ? t : c1, acts, from_pers, 6);
	if (nact) {
		act = acts[0];
		src = "forces from the list";
	} else if (act < 0 && !noun) {
		act = fr_shared_subject(d, si, c0, t);
		if (act < 0)
			act = fr_left_subject(d, si, c0, t, 0);
		if (act >= 0) {
			src = "subject";
			/* "India and Pakistan are dispatching squads": each of
			 * the subjects */
			nact = fr_list_before(d, si, act, acts + 1, 5);
			if (nact) {
				acts[0] = act;
				nact++;
			}
		}
	}
	/* "Two Italian Eurofighters were deployed to Romania": the adjective
	 * of the military items that move (not a maker's "German-made") */
	for (uint32_t a = 0; act < 0 && mil_items && (passive || intrans) && a < si->nactors; a++) {
		const actor_m *am = &si->actors[a];
		if (am->t0 < c0 || am->t1 >= t || !(am->flags & AF_ADJ) ||
		    (am->flags & (AF_COMPOUND | AF_PLACE)) ||
		    d->ctx->keys[am->key].cls != LX_STATE)
			continue;
		for (uint32_t i = 0; i < si->nitems && act < 0; i++) {
			if (si->items[i].t1 <= am->t1 || si->items[i].t0 > am->t1 ||
			    si->items[i].t1 > t || !fr_military_item(&si->items[i]))
				continue;
			/* the weapons are the subject: only auxiliaries between
			 * ("were", "have been"), not "shot down Russian missiles
			 * since the first unit arrived" */
			static const char *const AUX[] = {"is",   "are",  "was",     "were", "be",
							  "been", "have", "has",     "had",  "will",
							  "also", "now",  "recently", NULL};
			int subj = 1;
			for (uint32_t k = si->items[i].t1; k < t && subj; k++)
				subj = in_list(d->toks[k].norm, AUX);
			if (subj) {
				act = (int)a;
				src = "adjective of the weapons";
			}
		}
	}
	/* "Washington said it would send 3,500 more soldiers": the pronoun
	 * subject of reported speech is its speaker */
	if (act < 0 && c0 > si->t0 && c0 < t) {
		static const char *const PRON[] = {"it", "they", "we", NULL};
		uint32_t k = c0;
		if (k < t && in_list(d->toks[k].norm, PRON) &&
		    (act = fr_speaker(d, si, t)) >= 0)
			src = "speaker";
	}
	if (rotation && passive && act >= 0 && si->actors[act].t1 <= t)
		act = -1; /* the unit replaced goes home: the one after "by" moves */
	uint32_t akey = act >= 0 ? si->actors[act].key : LX_NONE;
	int fs = act < 0 && !rotation ? (noun ? forces : force_subject(d, c0, t)) : 0;
	if (act < 0 && partitive)
		fs = 1;
	if (by_army && !rotation)
		fs = 2;
	/* "will be replaced by soldiers from the 82nd Airborne Division" */
	if (act < 0 && rotation && passive && forces)
		fs = 1;
	if (act < 0 && !rotation && !fs && (intrans || passive) && mil_items)
		fs = 1; /* "the howitzers have been stationed in Ladakh" */
	if (act < 0 && ukey != LX_NONE) {
		/* "the 82nd Airborne Division": the state the unit is of */
		akey = ukey;
		src = "state of the unit";
		fs = 0;
	}
	if (fs) {
		/* "The carrier group arrived", "the Army has moved": forces with
		 * no nation of their own are the last deployment's, else the
		 * article's state's */
		const memo *m = M(d);
		uint32_t own = d->home != LX_NONE ? d->home : d->home_lead;
		if (fs == 2 && own != LX_NONE) {
			/* "the Army": the article's own state's, whoever moved
			 * before */
			akey = own;
			src = "article's state";
		} else if (!rotation && m->last[EV_DEPLOYMENT] >= 0 &&
		    sidx - m->last_sent[EV_DEPLOYMENT] <= 6) {
			akey = out->ev[m->last[EV_DEPLOYMENT]].actor;
			src = "previous deployment";
		} else if (fs == 1 && d->force_home != LX_NONE &&
			   (!noun || has_cue(d, tend, c1, CU_MILITARY)) &&
			   dest_country(d, si, tend, c1) != d->force_home) {
			/* "87 tanks have arrived in Poland" in a story of US
			 * troops: the state whose forces the article names */
			akey = d->force_home;
			src = "state whose forces the article names";
		} else if (d->home != LX_NONE &&
			   (fs == 2 || dest_country(d, si, tend, c1) != d->home ||
			    has_word(d, tend, c1, "border") || has_word(d, tend, c1, "'s"))) {
			/* "the Army", or forces whose destination is elsewhere:
			 * "a contingent arrived in Haiti" is no Haitian's */
			akey = d->home;
			src = "article's state";
		} else {
			/* "set off for Brazil's northern border": forces sent to a
			 * state's own border are that state's */
			for (uint32_t k = tend; k + 1 < c1 && akey == LX_NONE; k++)
				if (d->actor_at[k] >= 0 && k + 1 < c1 &&
				    eq(&d->toks[k + 1], "'s") &&
				    has_word(d, k + 2, k + 5 < c1 ? k + 5 : c1, "border")) {
					akey = si->actors[d->actor_at[k]].key;
					src = "owner of the border";
				}
		}
	}
	if (akey == LX_NONE) {
		/* "The unit will be equipped with Leopard tanks": more about the
		 * deployment just reported */
		fr_attach(d, out, si, sidx, EV_DEPLOYMENT, c0, c1, 0, LX_NONE, LX_NONE, status,
			  t);
		return 0;
	}
	if (!nact)
		nact = 1;
	for (int ai = 0; ai < nact; ai++) {
		at_event_rec ev;
		char why[128];
		snprintf(why, sizeof(why), "deployment:%s%s:%s",
			 (cls & TR_EQUIP) ? "equip-own-base:" : "", tt->norm,
			 ai ? "coordinated" : src);
		fr_init_event(si, sidx, &ev, EV_DEPLOYMENT, status, why);
		ev.actor = ai ? si->actors[acts[ai]].key : akey;
		ev.soft_status = (uint8_t)soft;
		ev.anaphor = !strcmp(src, "previous deployment");
		/* "a second contingent of 300 arrived", "another 2,000 soldiers
		 * were sent": forces counted after others are another move */
		static const char *const NTH[] = {"second", "third", "fourth", "fifth", "another",
						  NULL};
		for (uint32_t k = lo; k < hi && !ev.listed; k++)
			if (in_list(d->toks[k].norm, NTH))
				for (uint32_t q = k + 1; q < hi && q < k + 4 && !ev.listed; q++)
					ev.listed = (d->cue[q] & (CU_PEOPLE | CU_UNITS)) ||
						    d->role[q] == 1;
		if (ev.listed)
			ev.anaphor = 0;
		/* personnel: after the trigger up to the next trigger, else before it */
		uint32_t nt = tend;
		while (nt < c1 && !(d->trig[nt] & (TR_MOVES | TR_EXERN | TR_VERBS)))
			nt++;
		ev.personnel = fr_pick_people(si, t, tend, nt);
		if (ev.personnel < 0) {
			uint32_t pt = t;
			while (pt > c0 && !(d->trig[pt - 1] & (TR_MOVES | TR_EXERN | TR_VERBS)))
				pt--;
			ev.personnel = fr_pick_people(si, t, pt > c0 ? pt - 1 : c0, t);
		}
		fr_add_items(d, si, &ev, lo, hi);
		const date_m *dm = NULL;
		if (!fr_vague_time(d, c0, c1)) {
			dm = fr_pick_date(d, si, t, c0, c1, 0);
			fr_set_when(d, si, &ev, dm, ev.status);
		}
		/* the place ends where a count after "and" begins another move */
		uint32_t place_hi = c1;
		for (uint32_t p = 0; p < si->npers && nact == 1; p++)
			if (si->pers[p].gapped && si->pers[p].t0 > tend && si->pers[p].t0 - 1 < place_hi)
				place_hi = si->pers[p].t0 - 1;
		fr_set_place(d, si, &ev, tend, place_hi, ev.actor);
		fr_default_status(d, &ev);
		ev.confidence = 0.6 + (ev.personnel > 0 ? 0.15 : 0) + (ev.has_place ? 0.1 : 0);
		if (partitive)
			ev.personnel = rest_of(d, out, si, rest);
		if (nact > 1) /* "troops from A, B and C": not each one's count */
			ev.personnel = !strcmp(src, "forces from the list") ? from_pers[ai] : -1;
		at_event_rec again = ev;
		/* "200 soldiers in April and a further 300 in September": the
		 * later date's own count */
		for (uint32_t p = 0; p < si->npers && dm; p++)
			if (si->pers[p].gapped && si->pers[p].t0 > dm->t1 && si->pers[p].t1 + 1 < c1 &&
			    !(si->pers[p].t1 + 1 < si->t1 && d->actor_at[si->pers[p].t1 + 1] >= 0) &&
			    !eq(&d->toks[si->pers[p].t1 + 1], "the")) {
				again.personnel = si->pers[p].count;
				break;
			}
		int idx = at_extract__add_event(d, out, &ev);
		if (idx == AT_ENOMEM)
			return AT_ENOMEM;
		fr_remember(d, EV_DEPLOYMENT, idx, sidx);
		/* "arrived in January and two more in September": one move a date */
		if (fr_act_per_date(d, out, si, &again, dm, c1, 0) == AT_ENOMEM)
			return AT_ENOMEM;
		/* "will send 100 troops to Estonia and 50 to Poland": one move a
		 * place, each with its count */
		for (uint32_t p = 0; p < si->npers && nact == 1; p++) {
			const pers_m *pm = &si->pers[p];
			if (!pm->gapped || pm->t0 < tend || pm->t1 >= c1)
				continue;
			at_event_rec gap = again;
			gap.personnel = pm->count;
			gap.has_place = 0;
			uint32_t gap_hi = c1; /* "1,000 to Romania and 500 to Lithuania" */
			for (uint32_t q = p + 1; q < si->npers; q++)
				if (si->pers[q].gapped && si->pers[q].t0 > pm->t1 && si->pers[q].t0 - 1 < gap_hi)
					gap_hi = si->pers[q].t0 - 1;
			fr_set_place(d, si, &gap, pm->t1, gap_hi, gap.actor);
			if (!gap.has_place)
				continue;
			snprintf(gap.why, sizeof(gap.why), "deployment:%s:%s;count and place=after and",
				 tt->norm, src);
			if (at_extract__add_event(d, out, &gap) == AT_ENOMEM)
				return AT_ENOMEM;
		}
		if (ai == nact - 1)
			return more_from(d, out, si, sidx, c1, &ev);
	}
	return 0;
}

/* "X equips its base in Y with Z" is a deployment; "X equips Y with Z" aid. */
int fr_equip_own(const docx *d, const sent_info *si, uint32_t t)
{
	uint32_t k = t + 1;
	if (k < si->t1 && (eq(&d->toks[k], "its") || eq(&d->toks[k], "their"))) {
		for (uint32_t q = k + 1; q < si->t1 && q < k + 5; q++)
			if (d->cue[q] & (CU_FACILITY | CU_UNITS | CU_PEOPLE))
				return 1;
	}
	return 0;
}

/* "The contingent will also include troops from Belarus and Armenia": a
 * sentence with no trigger whose force ("the contingent", "the force",
 * "the mission") includes forces from states, right after a deployment was
 * reported (within two sentences), names more contributors: one move each,
 * at the stage the sentence's own words give. */
int fr_included_forces(docx *d, at_events *out, uint32_t sidx)
{
	static const char *const INCL[] = {"include", "includes", "included", "including",
					   "comprise", "comprises", "comprised", NULL};
	const sent_info *si = &d->sents[sidx];
	const memo *m = M(d);
	int last = m->last[EV_DEPLOYMENT];
	if (last < 0 || sidx - m->last_sent[EV_DEPLOYMENT] > 2 || sidx == m->last_sent[EV_DEPLOYMENT] ||
	    has_trig(d, si->t0, si->t1, TR_VERBS | TR_AIDN | TR_MOVES | TR_DEPLOYN | TR_EXERN))
		return 0;
	for (uint32_t v = si->t0 + 1; v + 3 < si->t1; v++) {
		if (!in_list(d->toks[v].norm, INCL))
			continue;
		/* the force before the verb, forces from states after it */
		static const char *const BODY[] = {"mission", "operation", "coalition", NULL};
		int force = 0;
		for (uint32_t k = si->t0; k < v && !force; k++)
			force = ((d->cue[k] & CU_UNITS) || d->role[k] == 1 ||
				 in_list(d->toks[k].norm, BODY)) &&
				d->actor_at[k] < 0;
		uint32_t f = v + 1;
		while (f < si->t1 && f < v + 4 && !eq(&d->toks[f], "from"))
			f++;
		if (!force || f >= si->t1 || !eq(&d->toks[f], "from") ||
		    !(d->cue[f - 1] & (CU_PEOPLE | CU_UNITS)) || d->actor_at[f + 1] < 0)
			return 0;
		int list[8], n = 1;
		list[0] = d->actor_at[f + 1];
		n += fr_coordinated(d, si, list[0], list + 1, 7, 1);
		int soft;
		int status = fr_status_of(d, si, si->t0, si->t1, v, 0, &soft);
		if (status == DROP)
			return 0;
		if (status == ST_NONE || status == ST_COMPLETED)
			status = ST_UNDERWAY; /* "includes troops from": there now */
		for (int i = 0; i < n; i++) {
			const actor_m *am = &si->actors[list[i]];
			if (!actor_usable(am) || d->ctx->keys[am->key].cls != LX_STATE ||
			    am->key == out->ev[last].actor)
				continue;
			at_event_rec ev;
			fr_init_event(si, sidx, &ev, EV_DEPLOYMENT, status,
				      "deployment:include:forces from the list");
			ev.actor = am->key;
			ev.soft_status = (uint8_t)soft;
			ev.confidence = 0.6;
			if (at_extract__add_event(d, out, &ev) == AT_ENOMEM)
				return AT_ENOMEM;
		}
		return 0;
	}
	return 0;
}

/* Is what is sent in [lo, hi) sent for drills: "for the Air Defender
 * exercise", "for joint squadron training"? */
int fr_for_drills(const docx *d, uint32_t lo, uint32_t hi)
{
	for (uint32_t k = lo; k + 1 < hi; k++)
		if (eq(&d->toks[k], "for"))
			for (uint32_t q = k + 1; q < hi && q < k + 5; q++)
				if ((d->trig[q] & TR_EXERN) || eq(&d->toks[q], "joint"))
					return 1;
	return 0;
}
