/* SPDX-License-Identifier: MIT */
/*
 * frames_exercise.c — the exercise frame: drills and readiness checks, their
 * participants (names in the noun phrase, subjects that hold or order them,
 * "with", "of", hosts), date, people and place.
 */
#include "frames_int.h"

static int is_quote(const at_tok *w)
{
	return eq(w, "\"") || eq(w, "\xe2\x80\x9c") || eq(w, "\xe2\x80\x9d") || eq(w, "'");
}

/* Words that describe drills rather than name them. */
static int generic_word(const at_tok *w)
{
	static const char *const G[] = {
		"joint",     "military",   "naval",         "air",
		"army",      "exercise",   "exercises",     "drill",
		"drills",    "command",    "staff",         "field",
		"tactical",  "annual",     "multinational", "international",
		"special",   "combined",   "the",           "a",
		"an",        "first",      "large-scale",   "live-fire",
		"bilateral", "trilateral", "regional",      NULL};
	return in_list(w->norm, G);
}

/* The exercise's name, if the text gives one: capitalised or quoted words
 * and an edition number just before the noun ("the Kaseh 1 exercise", "the
 * Unbreakable Brotherhood-2019 drills", "“al-Samsam 6”"), or after it
 * ("exercise Trident Juncture", "exercise, codenamed ASEAN Solidarity").
 * Two events with different names are two exercises (assemble.c). */
/* "Troops from Japan, Canada and Germany", "Marines from the US and the
 * Philippines", "vessels from A, B and C": is actor am in a list after
 * "from" (or "of") forces or units? Back over the list to its preposition. */
static int forces_from_list(const docx *d, const actor_m *am, uint32_t c0)
{
	uint32_t fp = am->t0;
	while (fp > c0 + 1 && am->t0 - fp < 12 &&
	       (eq(&d->toks[fp - 1], "the") || eq(&d->toks[fp - 1], "and") ||
		eq(&d->toks[fp - 1], ",") || d->actor_at[fp - 1] >= 0))
		fp--;
	return fp > c0 + 1 && (eq(&d->toks[fp - 1], "from") || eq(&d->toks[fp - 1], "of")) &&
	       ((d->cue[fp - 2] & (CU_PEOPLE | CU_UNITS)) || d->role[fp - 2] == 1);
}

/* "al-Samsam", "el-Nasr": a capital after a lower-case article and hyphen */
static int named_part(const docx *d, const at_tok *w)
{
	for (uint32_t i = w->start; i + 1 < w->end && i < w->start + 4; i++)
		if (d->s[i] == '-')
			return d->s[i + 1] >= 'A' && d->s[i + 1] <= 'Z';
	return 0;
}

static void exercise_name(const docx *d, const sent_info *si, uint32_t t, uint32_t tend,
			  at_event_rec *ev)
{
	uint32_t a = t, b = t;
	/* a quoted name: "the “Kaseh 1” exercise" */
	if (t > si->t0 + 2 && is_quote(&d->toks[t - 1])) {
		for (uint32_t q = t - 1; q > si->t0 && t - q < 8; q--)
			if (is_quote(&d->toks[q - 1]) && q < t - 1) {
				ev->name_start = d->toks[q].start;
				ev->name_end = d->toks[t - 2].end;
				return;
			}
	}
	/* "the Balikatan military exercise": past the words that describe */
	while (a > si->t0 && t - a < 3 && generic_word(&d->toks[a - 1]) &&
	       !(d->toks[a - 1].flags & AT_TF_CAP) && !eq(&d->toks[a - 1], "the") &&
	       !eq(&d->toks[a - 1], "a") && !eq(&d->toks[a - 1], "an"))
		a--;
	uint32_t e = a; /* the name ends here */
	while (a > si->t0 && t - a < 7) {
		const at_tok *w = &d->toks[a - 1];
		int cap = ((w->flags & AT_TF_CAP) || named_part(d, w)) && w->type == AT_TOK_WORD;
		if ((cap || w->type == AT_TOK_NUM || eq(w, "-")) && d->actor_at[a - 1] < 0 &&
		    !generic_word(w) && !d->role[a - 1] && !(d->cue_start[a - 1] & CU_DATEW))
			a--;
		else
			break;
	}
	while (a < e && (d->toks[a].type != AT_TOK_WORD ||
			 !((d->toks[a].flags & AT_TF_CAP) || named_part(d, &d->toks[a]))))
		a++; /* a name starts with a word */
	if (a == e) {
		/* after the noun: "exercise Trident Juncture", ", codenamed X" */
		uint32_t k = tend;
		if (k < si->t1 && eq(&d->toks[k], ","))
			k++;
		/* an apposition: "exercise (Desert Lion)", "exercise – i.e.
		 * “al-Samsam 6” –" */
		else if (k + 1 < si->t1 && (eq(&d->toks[k], "(") || eq(&d->toks[k], "-") ||
					    eq(&d->toks[k], "–") || eq(&d->toks[k], "—"))) {
			k++;
			static const char *const IE[] = {"i", ".", "e", "namely", NULL};
			while (k < si->t1 && k < tend + 6 && in_list(d->toks[k].norm, IE))
				k++;
		}
		/* "an exercise with the US military dubbed X": a few words on */
		for (uint32_t q = k; q < si->t1 && q < tend + 8; q++) {
			if (d->toks[q].type == AT_TOK_PUNCT && !eq(&d->toks[q], ","))
				break;
			if (eq(&d->toks[q], "codenamed") || eq(&d->toks[q], "dubbed")) {
				k = q;
				break;
			}
		}
		if (k < si->t1 && (eq(&d->toks[k], "codenamed") || eq(&d->toks[k], "dubbed") ||
				   eq(&d->toks[k], "called")))
			k++;
		if (k < si->t1 && is_quote(&d->toks[k]))
			k++; /* dubbed “African Lion 2018 */
		a = b = k;
		while (b < si->t1 && b < k + 4 &&
		       ((d->toks[b].flags & AT_TF_CAP) || named_part(d, &d->toks[b])) &&
		       d->toks[b].type == AT_TOK_WORD && d->actor_at[b] < 0 &&
		       !generic_word(&d->toks[b]) && !(d->cue_start[b] & CU_DATEW))
			b++;
		while (b > a && b < si->t1 && b < k + 6 &&
		       (d->toks[b].type == AT_TOK_NUM || eq(&d->toks[b], "-")))
			b++;
		if (b == a)
			return;
	} else {
		b = e;
	}
	/* "British troops head to Kenya for Laikipia exercise": in a
	 * headline's capitals one word before the noun may be a place, not a
	 * name ("Khaan Quest drills", "Vostok-2018" are names) */
	if (si->role == AT_ROLE_HEADLINE && b == a + 1 && b <= t &&
	    d->toks[a].type == AT_TOK_WORD && !strpbrk(d->toks[a].norm, "0123456789"))
		return;
	ev->name_start = d->toks[a].start;
	ev->name_end = d->toks[b - 1].end;
}

/* ---- exercises ------------------------------------------------------------ */

/* Drills without names of parties that are not the drills just reported:
 * "another exercise", "a separate exercise", "a second round of drills", or
 * drills with a name of their own ("the Cope India air exercise" after
 * "Yudh Abhyas"). */
static int other_drills(const docx *d, const at_events *out, const sent_info *si,
			uint32_t sidx, uint32_t t, uint32_t tend)
{
	static const char *const OTHER[] = {"another", "separate", "second", "third",
					    "new",     "similar",  "further", NULL};
	const memo *m = &d->memo;
	if (m->last[EV_EXERCISE] < 0 || sidx - m->last_sent[EV_EXERCISE] > 8)
		return 0;
	for (uint32_t k = t + 1; k > si->t0 && t + 1 - k < 4; k--) /* "a similar check" too */
		if (in_list(d->toks[k - 1].norm, OTHER))
			return 1;
	const at_event_rec *prev = &out->ev[m->last[EV_EXERCISE]];
	at_event_rec own;
	memset(&own, 0, sizeof(own));
	exercise_name(d, si, t, tend, &own);
	return own.name_end && prev->name_end &&
	       !at_extract__same_drill_name(d->s, own.name_start, own.name_end, prev->name_start,
					    prev->name_end);
}

int fr_exercise_frame(docx *d, at_events *out, uint32_t sidx, uint32_t t)
{
	sent_info *si = &d->sents[sidx];
	const at_tok *tt = &d->toks[t];
	uint32_t tend = t + (d->trig_len[t] ? d->trig_len[t] : 1);
	static const char *const NOT_AFTER[] = {
		"of",        "its",     "their",     "his",       "her",       "restraint",
		"caution",   "price",   "prices",    "option",    "options",   "rights",
		"right",     "power",   "control",   "authority", "influence", "judgment",
		"judgement", "bike",    "regime",    "routine",   "class",     "classes",
		"equipment", "program", "programme", "book",      "ball",      NULL};
	static const char *const NOT_BEFORE[] = {
		"oil",      "gas",      "fire",     "well", "rig", "earthquake", "evacuation",
		"physical", "drilling", "offshore", "the",  "an",  "to",         NULL};
	if (!strncmp(tt->norm, "exercise", 8) || !strncmp(tt->norm, "drill", 5)) {
		/* "exercise of restraint", but "drills of the CSTO" */
		uint32_t ow = tend + 1 < si->t1 && eq(&d->toks[tend + 1], "the") ? tend + 2
										 : tend + 1;
		/* "drills of its Northern Fleet": forces after "of its" */
		int of_forces = 0;
		if (tend < si->t1 && eq(&d->toks[tend], "of") && ow < si->t1 &&
		    (eq(&d->toks[tend + 1], "its") || eq(&d->toks[tend + 1], "their")))
			for (uint32_t k = tend + 2; k < si->t1 && k < tend + 5; k++)
				of_forces |= d->role[k] == 1 || (d->cue[k] & CU_MILITARY);
		if (tend < si->t1 && in_list(d->toks[tend].norm, NOT_AFTER) &&
		    !(eq(&d->toks[tend], "of") && ow < si->t1 && d->actor_at[ow] >= 0) && !of_forces)
			return 0;
		if (t > si->t0 && in_list(d->toks[t - 1].norm, NOT_BEFORE) &&
		    !(eq(&d->toks[t - 1], "the") &&
		      /* "the exercise", "took part in the drills", not "the
		       * drill" (a routine) */
		      (!strncmp(tt->norm, "exercise", 8) || eq(tt, "drills"))))
			return 0;
		if (t > si->t0 && eq(&d->toks[t - 1], "to"))
			return 0;
	}
	/* "the East Fuji Maneuver Training Area", "exercise grounds": a place */
	{
		static const char *const PLACE[] = {"area",   "areas",  "range", "ranges",
						    "ground", "grounds", "site", NULL};
		uint32_t k = tend;
		if (k < si->t1 && eq(&d->toks[k], "training"))
			k++;
		if (k < si->t1 && in_list(d->toks[k].norm, PLACE))
			return 0;
	}
	/* military context, or drills just reported ("the exercise was ...");
	 * or, in an article with three military cues or more, drills whose
	 * parties the clause itself names ("Egypt and Saudi Arabia concluded
	 * the Morgan joint exercise"); with none named, nothing recent
	 * takes them in (fr_attach) */
	int loose = !fr_military_context(d, si) &&
		    !(M(d)->last[EV_EXERCISE] >= 0 && sidx - M(d)->last_sent[EV_EXERCISE] <= 8);
	if (loose && d->military_doc < 3)
		return 0;
	uint32_t c0, c1;
	fr_clause_of(d, si, t, &c0, &c1);
	/* the frame's own span: up to the next exercise trigger */
	uint32_t nt = tend;
	while (nt < c1 && !(d->trig[nt] & TR_EXERN))
		nt++;
	uint32_t pt = t;
	while (pt > c0 && !(d->trig[pt - 1] & TR_EXERN))
		pt--;
	int soft;
	int status = fr_status_of(d, si, c0, c1, t, 2, &soft);
	if (status == DROP || fr_ended_before(d, si, si->t0, c1))
		return 0; /* "Until 2016 the two navies held drills" */
	/* "Egypt, Saudi Arabia to hold naval drills in January": a headline's
	 * "to" and a verb of holding are the future */
	for (uint32_t k = c0; status == ST_NONE && si->role == AT_ROLE_HEADLINE && k + 1 < t; k++)
		if (eq(&d->toks[k], "to") && (d->cue_start[k + 1] & CU_EXVERB))
			status = ST_COMMITTED;
	/* "have arrived in Norway to take part in Cold Response, an exercise
	 * scheduled for March": the arrival's stage is not the drills' */
	for (uint32_t k = c0; k < t && status != ST_NONE; k++)
		if (d->trig[k] & (TR_MOVES | TR_GIVE))
			for (uint32_t q = k + 1; q < t; q++)
				if (eq(&d->toks[q], "for") || !strncmp(d->toks[q].norm, "particip", 8) ||
				    (eq(&d->toks[q], "take") && q + 1 < t && eq(&d->toks[q + 1], "part"))) {
					status = fr_status_of(d, si, q, c1, t, 2, &soft);
					if (status == DROP)
						status = ST_NONE;
					break;
				}
	uint32_t part[AT_MAX_PART];
	int np = 0;
	/* adjectives and names just before: "joint Russian-Uzbek drills", "the
	 * India-Japan joint military exercise", "the first ASEAN exercise" */
	for (uint32_t a = 0; a < si->nactors && np < AT_MAX_PART; a++) {
		const actor_m *am = &si->actors[a];
		if (am->t1 <= t && am->t1 + 4 >= t && !(am->flags & AF_PLACE) && am->t0 >= pt &&
		    ((am->flags & AF_ADJ) || !(am->flags & ~(AF_OF | AF_COMPOUND | AF_ROLE)))) {
			int ok = 1;
			for (uint32_t k = am->t1; k < t; k++) {
				if (d->toks[k].type == AT_TOK_PUNCT || d->actor_at[k] >= 0 ||
				    (d->toks[k].type == AT_TOK_NUM))
					ok = (d->actor_at[k] >= 0 || eq(&d->toks[k], "-") ||
					      eq(&d->toks[k], "(") || eq(&d->toks[k], ")"))
						     ? ok
						     : 0; /* "the CSTO force (CRRF) exercise" */
				/* "the forces of Mali exercise": a name must be one
				 * of a compound, not an object */
				if (!(am->flags & AF_ADJ) && d->toks[k].type == AT_TOK_WORD &&
				    d->actor_at[k] < 0 && !(d->cue[k] & CU_MILITARY) &&
				    !eq(&d->toks[k], "joint") && !eq(&d->toks[k], "and") &&
				    !eq(&d->toks[k], "naval") &&
				    !eq(&d->toks[k], "bilateral") &&
				    !eq(&d->toks[k], "trilateral") &&
				    !eq(&d->toks[k], "annual"))
					ok = 0;
				/* "the Thai Army will hold exercise": a verb between */
				if (d->cue_start[k] &
				    (CU_EXVERB | CU_COMMITTED | CU_INTENT | CU_REPORT))
					ok = 0;
			}
			if (ok)
				part[np++] = am->key;
		}
	}
	int movers = 0; /* the parties are forces that moved for the drills */
	int during = 0; /* ... or during them */
	/* "Soldiers from Zambia and Botswana held a SADC exercise": an
	 * organisation named with the drills takes part with every state the
	 * clause names */
	int orgs_only = np > 0;
	for (int i = 0; i < np; i++)
		orgs_only &= d->ctx->keys[part[i]].cls != LX_STATE;
	if (np == 0 || orgs_only) {
		/* the subjects of the clause, when a verb makes them take part
		 * ("hold", "take part") or orders the drills ("ordered a snap
		 * check"): not "Russia's fleet shadows the exercise" */
		for (uint32_t a = 0; a < si->nactors && np < AT_MAX_PART; a++) {
			const actor_m *am = &si->actors[a];
			/* "Troops from A, B and C will take part", "The air forces of
			 * A and B held" */
			int troops_from = forces_from_list(d, am, c0);
			if (am->t1 > t || am->t0 < c0 || !actor_usable(am) || fr_dateline(d, si, am) ||
			    ((am->flags & OBLIQUE) && !troops_from))
				continue;
			/* "Russia's Pacific Fleet was placed on alert for a snap
			 * check": the forces a readiness check is of */
			int checked = 0;
			for (uint32_t k = t; k < tend && !checked; k++)
				checked = !strncmp(d->toks[k].norm, "check", 5) ||
					  !strncmp(d->toks[k].norm, "inspection", 10);
			uint32_t r = am->t1 < si->t1 && eq(&d->toks[am->t1], "'s") ? am->t1 + 1 : am->t1;
			while (checked && r < t && r < am->t1 + 4 && !d->role[r] &&
			       (d->toks[r].flags & AT_TF_CAP))
				r++; /* "Russia's Pacific Fleet" */
			checked &= r < t && (d->role[r] == 1 || am->role_kind == 1);
			/* "200 American soldiers landed in Ulaanbaatar for the
			 * Khaan Quest exercise": forces moved for the drills take
			 * part in them */
			/* (the sentence's last drill noun: "arrive for al-Samsam 6
			 * ... to participate in a joint exercise" says it once) */
			int moved_for = 0;
			for (uint32_t k = am->t1; k < t && !moved_for && !has_trig(d, tend, si->t1, TR_EXERN);
			     k++)
				if (d->trig[k] & TR_MOVE)
					for (uint32_t q = k + 1; q < t && !moved_for; q++)
						moved_for = (eq(&d->toks[q], "for") ||
							     /* "flew over the sea in a combined
							      * air drill", "landed during the
							      * exercise" */
							     ((eq(&d->toks[q], "in") ||
							       eq(&d->toks[q], "during")) &&
							      t - q <= 4)) &&
							    !has_trig(d, q, t, TR_VERBS | TR_MOVES);
			if (!has_cue(d, am->t1, t, CU_EXVERB) && !fr_ordered(d, am->t1, t) && !checked &&
			    !moved_for)
				continue;
			movers |= moved_for;
			/* ("landed during the exercise": the move's own stage) */
			for (uint32_t q = t > am->t1 + 4 ? t - 4 : am->t1; moved_for && q < t; q++)
				during |= (eq(&d->toks[q], "during") || eq(&d->toks[q], "in")) &&
					  !has_word(d, q, t, "for");
			part[np++] = am->key;
		}
		/* "Hosted by Indonesia, the exercise ...", "organised by NATO" */
		for (uint32_t a = 0; a < si->nactors && np < AT_MAX_PART; a++) {
			const actor_m *am = &si->actors[a];
			if (am->t0 < c0 + 2 || am->t1 > nt || !(am->flags & AF_BY) ||
			    !actor_usable(am))
				continue;
			const at_tok *v = &d->toks[am->t0 - 2];
			if (!strncmp(v->norm, "host", 4) || !strncmp(v->norm, "organi", 6) ||
			    !strncmp(v->norm, "led", 3) || !strncmp(v->norm, "conduct", 7))
				part[np++] = am->key;
		}
	}
	/* "with X and Y", "between X and Y", until a place begins */
	int mode = 0; /* 0 none, 1 with, 2 place */
	for (uint32_t k = tend; k < nt && np < AT_MAX_PART; k++) {
		const at_tok *p = &d->toks[k];
		/* "will bring together troops from A, B and C", "involves" */
		int together = eq(p, "together") && k > tend &&
			       !strncmp(d->toks[k - 1].norm, "br", 2);
		if (eq(p, "with") || eq(p, "between") || eq(p, "involving") ||
		    eq(p, "alongside") || eq(p, "involve") || eq(p, "involves") || together ||
		    (eq(p, "of") && k == tend)) { /* "drills of the CSTO" */
			/* "in Thailand with troops from ...", but "near the
			 * border with Ukraine" is a place */
			/* ("at the training area, will bring together troops
			 * from": a verb of taking part ends the place) */
			if (mode != 2 || (eq(p, "with") && !(d->cue[k - 1] & CU_PLACE)) || together ||
			    eq(p, "involving") || eq(p, "involve") || eq(p, "involves") ||
			    eq(p, "alongside"))
				mode = 1;
			/* "with A and B attending as observers": no participants */
			for (uint32_t q = k + 1; q < nt && q < k + 16; q++) {
				if (eq(&d->toks[q], "with") || eq(&d->toks[q], ";"))
					break;
				if (!strncmp(d->toks[q].norm, "observer", 8))
					mode = 2;
			}
			continue;
		}
		/* "with troops from the US", "along with ships from Chile":
		 * the forces' home, not a place */
		if ((d->cue_start[k] & CU_LOCPREP) || eq(p, "to") ||
		    (eq(p, "from") &&
		     !(mode == 1 &&
		       ((d->cue[k - 1] & (CU_PEOPLE | CU_UNITS)) || d->role[k - 1] == 1))))
			mode = 2;
		if (d->actor_at[k] >= 0 && mode == 1) {
			const actor_m *am = &si->actors[d->actor_at[k]];
			if (!(am->flags & AF_PLACE) && am->t0 == k)
				part[np++] = am->key;
		}
	}
	/* "150 Fijian soldiers landed in Port Moresby for the Puk Puk
	 * exercise", "were flown in for the drills in Thailand": the state
	 * the forces came to hosts the drills */
	for (uint32_t a = 0; movers && a < si->nactors && np < AT_MAX_PART; a++) {
		const actor_m *am = &si->actors[a];
		int dup = 0;
		for (int i = 0; i < np; i++)
			dup |= part[i] == am->key;
		if (!dup && am->t0 > c0 && am->t1 <= c1 && (am->flags & (AF_LOC | AF_TO)) &&
		    d->ctx->keys[am->key].cls == LX_STATE && has_trig(d, c0, am->t0, TR_MOVE)) {
			part[np++] = am->key;
			break;
		}
	}
	/* "Saudi troops have arrived in Pakistan to take part in a joint
	 * exercise", "sent 19 aircraft to an air base in China to participate
	 * in a bilateral exercise": the state the forces moved to hosts it */
	if (np == 1) {
		int joint = 0;
		for (uint32_t k = pt > c0 + 3 ? pt - 3 : c0; k < t && !joint; k++)
			joint = eq(&d->toks[k], "joint") || eq(&d->toks[k], "bilateral");
		uint32_t mv = c0;
		while (mv < t && !(d->trig[mv] & (TR_MOVES | TR_GIVE)))
			mv++;
		for (uint32_t a = 0; joint && mv < t && a < si->nactors && np < AT_MAX_PART; a++) {
			const actor_m *am = &si->actors[a];
			if (am->t0 > mv && am->t1 <= t && (am->flags & (AF_LOC | AF_TO)) &&
			    d->ctx->keys[am->key].cls == LX_STATE && am->key != part[0]) {
				part[np++] = am->key;
				break;
			}
		}
		/* "45 Indian soldiers arrived in Ulaanbaatar for Nomadic
		 * Elephant, a joint exercise with Mongolia": the forces that
		 * moved take part */
		int mover = joint && mv < t && np == 1 ? fr_left_subject(d, si, c0, mv, 0) : -1;
		if (mover >= 0 && si->actors[mover].key != part[0] &&
		    d->ctx->keys[si->actors[mover].key].cls == LX_STATE)
			part[np++] = si->actors[mover].key;
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
	const char *parts_from = NULL;
	int other = 0;
	/* "the two countries will hold the Cope India exercise", "both navies":
	 * the parties of the drills just reported */
	int two = 0;
	for (uint32_t k = c0; k + 1 < t && !two; k++)
		two = (eq(&d->toks[k], "two") && k > c0 && eq(&d->toks[k - 1], "the")) ||
		      eq(&d->toks[k], "both");
	if (two && M(d)->last[EV_EXERCISE] >= 0 && sidx - M(d)->last_sent[EV_EXERCISE] <= 8) {
		const at_event_rec *prev = &out->ev[M(d)->last[EV_EXERCISE]];
		for (int i = 0; i < prev->npart && np < AT_MAX_PART; i++) {
			int dup = 0;
			for (int j = 0; j < np; j++)
				dup |= part[j] == prev->part[i];
			if (!dup)
				part[np++] = prev->part[i];
		}
		if (np)
			parts_from = "the two named before";
	}
	/* "another exercise", "a similar check of the Baltic Fleet": other
	 * drills, with their parties named or those just reported */
	int apart = other_drills(d, out, si, sidx, t, tend);
	if (np > 0 && apart)
		other = 1;
	if (np == 0 && apart) {
		/* "the two navies held another exercise", "will also hold a
		 * separate exercise, Sama Sama": new drills of the same parties */
		const at_event_rec *prev = &out->ev[M(d)->last[EV_EXERCISE]];
		for (int i = 0; i < prev->npart && np < AT_MAX_PART; i++)
			part[np++] = prev->part[i];
		parts_from = "previous exercise";
		other = 1;
	}
	if (np == 0) {
		fr_attach(d, out, si, sidx, EV_EXERCISE, c0, c1, 0, LX_NONE, LX_NONE, status, t);
		return 0;
	}
	at_event_rec ev;
	char why[128];
	snprintf(why, sizeof(why), "exercise:%s%s%s", tt->norm,
		 parts_from ? ";participants=" : "", parts_from ? parts_from : "");
	fr_init_event(si, sidx, &ev, EV_EXERCISE, status, why);
	for (int i = 0; i < np; i++)
		ev.part[ev.npart++] = part[i];
	ev.personnel = fr_pick_people(si, t, tend, nt);
	if (ev.personnel < 0 && !movers)
		ev.personnel = fr_pick_people(si, t, pt, t);
	const date_m *dm = fr_pick_date(d, si, t, tend, nt, 0);
	if (!dm && !movers)
		dm = fr_pick_date(d, si, t, pt > c0 ? pt : c0, t, 0);
	/* "the drills, which run until May 31": when they end, not when
	 * they are */
	if (dm && dm->t0 > si->t0 &&
	    (eq(&d->toks[dm->t0 - 1], "until") || eq(&d->toks[dm->t0 - 1], "till")))
		dm = NULL;
	/* the count, date and stage before are the move's: drills that
	 * forces arrive for are to come, unless their own words say */
	if (movers && !during && ev.status == ST_NONE) {
		ev.status = ST_COMMITTED;
		ev.soft_status = 1;
	}
	if (!fr_vague_time(d, c0, c1))
		fr_set_when(d, si, &ev, dm, ev.status);
	fr_default_status(d, &ev);
	/* drills planned for fixed dates are committed */
	if (ev.status == ST_INTENT && ev.has_when == 1)
		ev.status = ST_COMMITTED;
	fr_set_place(d, si, &ev, tend, nt, part[0]);
	exercise_name(d, si, t, tend, &ev);
	/* "A, B and C are attending the exercise": the drills just reported,
	 * whose participants these are too */
	/* ("the two-week drills", "the annual exercise": a duration or a
	 * describing word between) */
	uint32_t det = t;
	while (det > si->t0 && t - det < 3 && !(d->toks[det - 1].flags & AT_TF_CAP) &&
	       (strstr(d->toks[det - 1].norm, "-day") || strstr(d->toks[det - 1].norm, "-week") ||
		strstr(d->toks[det - 1].norm, "-month") || eq(&d->toks[det - 1], "annual") ||
		eq(&d->toks[det - 1], "joint")))
		det--;
	if (!ev.name_end && det > si->t0 &&
	    (eq(&d->toks[det - 1], "the") || eq(&d->toks[det - 1], "this")) &&
	    M(d)->last[EV_EXERCISE] >= 0 && sidx - M(d)->last_sent[EV_EXERCISE] <= 3)
		ev.anaphor = 1;
	ev.confidence = 0.6 + (np > 1 ? 0.1 : 0) + (ev.has_when ? 0.1 : 0) +
			(ev.personnel > 0 ? 0.05 : 0);
	/* "several exercises, among them Red Flag and Anatolian Eagle": one
	 * exercise per name listed, instead of the noun's own */
	ev.listed = (uint8_t)other;
	at_event_rec each = ev;
	int idx = -1, named = 0;
	uint32_t k = tend;
	while (k < nt && !(eq(&d->toks[k], "including") || eq(&d->toks[k], "include") ||
			   (eq(&d->toks[k], "among") && k + 1 < nt && eq(&d->toks[k + 1], "them")) ||
			   (eq(&d->toks[k], "such") && k + 1 < nt && eq(&d->toks[k + 1], "as"))))
		k++;
	if (k < nt)
		k += eq(&d->toks[k], "among") || eq(&d->toks[k], "such") ? 2 : 1;
	while (k < nt) {
		uint32_t a = k;
		while (k < nt && (d->toks[k].flags & AT_TF_CAP) && d->toks[k].type == AT_TOK_WORD &&
		       d->actor_at[k] < 0 && !generic_word(&d->toks[k]))
			k++;
		if (k == a || k - a > 4)
			break;
		each.name_start = d->toks[a].start;
		each.name_end = d->toks[k - 1].end;
		each.listed = 1;
		idx = at_extract__add_event(d, out, &each);
		if (idx == AT_ENOMEM)
			return AT_ENOMEM;
		named = 1;
		if (k < nt && eq(&d->toks[k], ","))
			k++;
		if (k < nt && eq(&d->toks[k], "and"))
			k++;
	}
	if (!named)
		idx = at_extract__add_event(d, out, &ev);
	if (idx == AT_ENOMEM)
		return AT_ENOMEM;
	fr_remember(d, EV_EXERCISE, idx, sidx);
	return 0;
}

/* Add keys[0..n) to the exercise out->ev[idx] and the sentence to its
 * sources. */
static void add_participants(docx *d, at_events *out, int idx, uint32_t sidx,
			     const uint32_t *keys, int n)
{
	const sent_info *si = &d->sents[sidx];
	at_event_rec *ev = &out->ev[idx];
	for (int i = 0; i < n && ev->npart < AT_MAX_PART; i++) {
		int dup = 0;
		for (int j = 0; j < ev->npart; j++)
			dup |= ev->part[j] == keys[i];
		if (!dup)
			ev->part[ev->npart++] = keys[i];
	}
	if (ev->nsrc < 8 && ev->src[ev->nsrc - 1].start != si->start) {
		ev->src[ev->nsrc].start = si->start;
		ev->src[ev->nsrc].end = si->end;
		ev->nsrc++;
	}
	M(d)->last_sent[EV_EXERCISE] = sidx;
}

/* "Chinese and Mongolian units will also take part": the subjects of "take
 * part", "participate" or "join" in a sentence with no drill noun of its own,
 * right after drills were reported, are those drills' participants. */
static int joiners_after(docx *d, at_events *out, int idx, uint32_t sidx)
{
	const sent_info *si = &d->sents[sidx];
	if (has_trig(d, si->t0, si->t1, TR_EXERN))
		return 0;
	for (uint32_t v = si->t0; v < si->t1; v++) {
		const at_tok *w = &d->toks[v];
		if (!(d->cue_start[v] & CU_EXVERB) ||
		    !(!strncmp(w->norm, "tak", 3) || !strncmp(w->norm, "took", 4) ||
		      !strncmp(w->norm, "particip", 8)))
			continue;
		uint32_t c0, c1;
		fr_clause_of(d, si, v, &c0, &c1);
		if (has_cue(d, c0, v, CU_NEG))
			return 0;
		uint32_t keys[AT_MAX_PART];
		int n = 0;
		/* "Ships from 29 nations are taking part, including Australia,
		 * Canada and Japan": the states after "including" too */
		uint32_t inc = v;
		while (inc < c1 && !eq(&d->toks[inc], "including"))
			inc++;
		for (uint32_t a = 0; a < si->nactors && n < AT_MAX_PART; a++) {
			const actor_m *am = &si->actors[a];
			int listed = inc < c1 && am->t0 > inc && am->t1 <= c1;
			if ((!listed && (am->t0 < c0 || am->t1 > v)) || !actor_usable(am) ||
			    (!listed && (am->flags & OBLIQUE) && !forces_from_list(d, am, c0)) ||
			    d->ctx->keys[am->key].cls != LX_STATE)
				continue;
			keys[n++] = am->key;
		}
		if (n)
			add_participants(d, out, idx, sidx, keys, n);
		return n;
	}
	return 0;
}

/*
 * "They are Germany, Canada, Spain and Morocco.", "Participating nations
 * include A, B and C, with D and E joining as partners.": a sentence with no
 * trigger that lists three or more states after a copula or "include",
 * spoken of participants or starting with "they", right after drills were
 * reported, names those drills' participants. Observers are left out.
 */
/*
 * "... the al-Samsam 6 exercise ... Al-Samsam 5 was held in 2015": a sentence
 * with no drill noun that names another edition of drills named before (the
 * same words, another number) and holds it (a verb of holding) reports
 * those drills, with the same participants.
 */
static int edition_after(docx *d, at_events *out, uint32_t sidx)
{
	const sent_info *si = &d->sents[sidx];
	if (has_trig(d, si->t0, si->t1, TR_EXERN))
		return 0;
	uint32_t v = si->t0;
	while (v < si->t1 && !(d->cue_start[v] & CU_EXVERB))
		v++;
	if (v == si->t1)
		return 0;
	for (size_t i = 0; i < out->n; i++) {
		const at_event_rec *prev = &out->ev[i];
		if (prev->type != EV_EXERCISE || !prev->name_end || !prev->npart)
			continue;
		/* the name's words before its number: "al-Samsam" of "al-Samsam 6" */
		uint32_t ne = prev->name_end, nb = prev->name_start;
		uint32_t n = ne;
		while (n > nb && d->s[n - 1] >= '0' && d->s[n - 1] <= '9')
			n--;
		if (n == ne || n == nb)
			continue;
		uint32_t stem_end = n;
		while (stem_end > nb && (d->s[stem_end - 1] == ' ' || d->s[stem_end - 1] == '-'))
			stem_end--;
		size_t len = stem_end - nb;
		if (len < 3)
			continue;
		for (uint32_t k = si->t0; k < v; k++) {
			const at_tok *w = &d->toks[k];
			if (w->start + len > d->doc->len || strncasecmp(d->s + w->start, d->s + nb, len))
				continue;
			/* then a number other than the one named before */
			uint32_t q = k;
			while (q < v && d->toks[q].end < w->start + len)
				q++;
			uint32_t num = q + 1;
			if (num < v && eq(&d->toks[num], "-"))
				num++;
			if (num >= v || d->toks[num].type != AT_TOK_NUM ||
			    (d->toks[num].end - d->toks[num].start == ne - n &&
			     !strncmp(d->s + d->toks[num].start, d->s + n, ne - n)))
				break;
			int soft;
			uint32_t c0, c1;
			fr_clause_of(d, si, v, &c0, &c1);
			int status = fr_status_of(d, si, c0, c1, v, 2, &soft);
			if (status == DROP)
				return 0;
			at_event_rec ev;
			fr_init_event(si, sidx, &ev, EV_EXERCISE, status,
				      "exercise:edition;participants=the edition named before");
			for (int p = 0; p < prev->npart; p++)
				ev.part[ev.npart++] = prev->part[p];
			ev.name_start = w->start;
			ev.name_end = d->toks[num].end;
			if (!fr_vague_time(d, c0, c1))
				fr_set_when(d, si, &ev, fr_pick_date(d, si, v, v, c1, 0), ev.status);
			fr_default_status(d, &ev);
			fr_set_place(d, si, &ev, v, c1, ev.part[0]);
			ev.confidence = 0.6;
			int idx = at_extract__add_event(d, out, &ev);
			if (idx == AT_ENOMEM)
				return AT_ENOMEM;
			fr_remember(d, EV_EXERCISE, idx, sidx);
			return 1;
		}
	}
	return 0;
}

int fr_participants_after(docx *d, at_events *out, uint32_t sidx)
{
	const sent_info *si = &d->sents[sidx];
	memo *m = M(d);
	int ed = edition_after(d, out, sidx);
	if (ed)
		return ed < 0 ? ed : 0;
	int idx = m->last[EV_EXERCISE];
	if (idx >= 0 && sidx - m->last_sent[EV_EXERCISE] <= 4 && joiners_after(d, out, idx, sidx))
		return 0;
	/* a trigger makes a frame of its own; "joining as partners" does not */
	if (idx < 0 || sidx - m->last_sent[EV_EXERCISE] > 2 || si->nactors < 3 ||
	    has_trig(d, si->t0, si->t1, (uint32_t)~TR_MOVE & 0xFFFF))
		return 0;
	uint32_t verb = si->t1;
	for (uint32_t k = si->t0; k < si->t1 && k < si->t0 + 8 && verb == si->t1; k++)
		if (eq(&d->toks[k], "are") || eq(&d->toks[k], "were") ||
		    !strncmp(d->toks[k].norm, "includ", 6) || eq(&d->toks[k], ":"))
			verb = k;
	if (verb == si->t1)
		return 0;
	int who = eq(&d->toks[si->t0], "they") || eq(&d->toks[si->t0], "these");
	for (uint32_t k = si->t0; k < verb; k++)
		who |= !strncmp(d->toks[k].norm, "particip", 8);
	if (!who)
		return 0;
	uint32_t keys[AT_MAX_PART];
	int n = 0;
	for (uint32_t a = 0; a < si->nactors && n < AT_MAX_PART; a++) {
		const actor_m *am = &si->actors[a];
		if (am->t0 <= verb || !actor_usable(am))
			continue;
		/* "with D and E attending as observers" */
		int observer = 0;
		for (uint32_t q = am->t1; q < si->t1 && q < am->t1 + 12 && !observer; q++) {
			if (!strncmp(d->toks[q].norm, "observer", 8))
				for (uint32_t w = am->t0; w > verb && am->t0 - w < 12; w--)
					if (eq(&d->toks[w - 1], "with") ||
					    eq(&d->toks[w - 1], "while")) {
						observer = 1;
						break;
					}
		}
		if (observer)
			continue;
		int dup = 0;
		for (int i = 0; i < n; i++)
			dup |= keys[i] == am->key;
		if (!dup)
			keys[n++] = am->key;
	}
	if (n >= 3)
		add_participants(d, out, idx, sidx, keys, n);
	return 0;
}

/* ---- driver ---------------------------------------------------------------- */
