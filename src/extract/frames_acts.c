/* SPDX-License-Identifier: MIT */
/*
 * frames_acts.c — acts, not documents: the discourse memory (the last event
 * of each type) and attach(), which adds what a frame without actors says to
 * the act just before it, or makes it an act of its own with that act's
 * parties.
 */
#include "frames_int.h"

void fr_remember(docx *d, int type, int idx, uint32_t sidx)
{
	memo *m = M(d);
	if (idx >= 0) {
		m->last[type] = idx;
		m->last_sent[type] = sidx;
	}
}

/* "the donation", "this extra funding": a definite aid noun, not "a second
 * batch" or "another package". */
static int definite_noun(const docx *d, const sent_info *si, uint32_t t)
{
	static const char *const DEF[] = {"the", "this", "that", "these", "those", NULL};
	static const char *const NEW[] = {"second",  "third", "new",        "another",
					  "further", "next",  "additional", "latest",
					  "first",   "a",     "an",         NULL};
	if (!(d->trig[t] & TR_AIDN))
		return 0;
	for (uint32_t k = t; k > si->t0 && t - k < 4; k--) {
		const at_tok *p = &d->toks[k - 1];
		/* ("the delivery follows a shipment": not through another noun) */
		if (in_list(p->norm, NEW) || p->type != AT_TOK_WORD || d->trig[k - 1])
			return 0;
		if (in_list(p->norm, DEF))
			return 1;
	}
	return 0;
}

/* "two NASAMS air defence systems ... A third system will be delivered":
 * the head noun of an item of the aid just reported (two sentences back at
 * most), singular or plural, names the same things. */
int fr_head_anaphor(docx *d, const at_events *out, uint32_t sidx, uint32_t lo,
			uint32_t hi)
{
	int idx = M(d)->last[EV_AID];
	if (idx < 0 || sidx - M(d)->last_sent[EV_AID] > 2)
		return 0;
	const at_event_rec *ev = &out->ev[idx];
	for (int i = 0; i < ev->nitems; i++) {
		uint32_t e = ev->items[i].end, w = e;
		while (w > ev->items[i].start && d->s[w - 1] != ' ' && d->s[w - 1] != '-')
			w--;
		size_t n = e - w;
		if (n > 4 && (d->s[e - 1] == 's' || d->s[e - 1] == 'S'))
			n--; /* "systems": "system" */
		if (n < 4)
			continue;
		for (uint32_t k = lo; k < hi; k++) {
			const at_tok *tk = &d->toks[k];
			if (tk->type == AT_TOK_WORD && (tk->nlen == n || (tk->nlen == n + 1 &&
								  tk->norm[n] == 's')) &&
			    !strncasecmp(tk->norm, d->s + w, n))
				return 1;
		}
	}
	return 0;
}

/*
 * A frame without actors speaks of the act just before it (the text goes
 * on: "The vehicles were handed over on Monday"). It adds its items and
 * amount to that event, unless it is another act of the same parties: another
 * stage ("the remaining four will be delivered" after a handover), other
 * materiel ("two patrol boats" after trucks) or another date ("in 2012"
 * after today's news). Then it becomes an event of its own with the previous
 * event's parties ("why" says "continued"). t is the frame's trigger.
 */
void fr_attach(docx *d, at_events *out, const sent_info *si, uint32_t sidx, int type,
	       uint32_t lo, uint32_t hi, int kinds, uint32_t provider, uint32_t recipient,
	       int status, uint32_t t)
{
	memo *m = M(d);
	int idx = m->last[type];
	/* drills are the article's topic longer than one handover is */
	if (idx < 0 || sidx - m->last_sent[type] > (type == EV_EXERCISE ? 8u : 4u))
		return;
	at_event_rec *ev = &out->ev[idx];
	if (provider != LX_NONE && ev->provider != provider)
		return;
	if (recipient != LX_NONE && ev->recipient != recipient)
		return;
	at_event_rec add;
	fr_init_event(si, sidx, &add, type, status, "");
	fr_add_items(d, si, &add, lo, hi);
	const money_m *mm = fr_pick_money(si, lo, hi);
	uint32_t c0, c1;
	fr_clause_of(d, si, t, &c0, &c1);
	/* its own date: after its verb or noun first ("its delivery of trucks
	 * in 2007"), else anywhere in its clause */
	const date_m *own = fr_pick_date(d, si, t, t, c1, 0);
	if (!fr_vague_time(d, c0, c1))
		fr_set_when(d, si, &add, own ? own : fr_pick_date(d, si, t, c0, c1, 0), status);
	int pledge = status == ST_INTENT || status == ST_COMMITTED;
	int done = ev->status == ST_UNDERWAY || ev->status == ST_COMPLETED;
	int other_stage = status != ST_NONE && pledge == done;
	int other_date = add.has_when == 1 && ev->has_when == 1 &&
			 (add.w1.y < ev->w0.y || add.w0.y > ev->w1.y);
	int other_items = !ev->headline_only && at_extract__items_differ(d, ev, &add);
	/* "Japan will also fund the construction of facilities" after boats, a
	 * course of training after a donation of equipment: another kind of aid */
	int new_kind = kinds & (K_CONSTRUCTION | K_TRAINING);
	int other_kind =
		type == EV_AID && new_kind && !ev->headline_only &&
		!(kinds & ev->kinds & (K_EQUIPMENT | K_FUNDING | K_CONSTRUCTION | K_TRAINING));
	/* "The donation also included ...", "the extra funding will pay for":
	 * a definite aid noun is the act just reported, whatever it adds */
	if (definite_noun(d, si, t)) {
		if (other_stage)
			return;
		other_date = other_items = other_kind = 0;
		/* "The delivery follows a shipment of trucks in January": what
		 * the noun adds ends where another act's noun begins, after a
		 * word of sequence */
		static const char *const SEQ[] = {"follows", "followed", "following", "after",
						  "before",  "precedes", "preceded", NULL};
		uint32_t nt = t + 1;
		int seq = 0;
		while (nt < hi && !(seq && (d->trig[nt] & TR_AIDN) && !definite_noun(d, si, nt))) {
			seq |= in_list(d->toks[nt].norm, SEQ);
			nt++;
		}
		if (nt < hi) {
			hi = nt;
			add.nitems = 0;
			fr_add_items(d, si, &add, lo, hi);
			mm = fr_pick_money(si, lo, hi);
		}
	}
	/* "the four countries have been selected as recipients of grant aid
	 * worth 5 billion yen": a sum for several recipients is no act, nor a
	 * value, of the last one's */
	static const char *const MANY[] = {"countries", "nations", "states", "recipients", NULL};
	for (uint32_t k = lo; k < hi; k++)
		if (in_list(d->toks[k].norm, MANY) && d->actor_at[k] < 0 &&
		    !(k > lo && (eq(&d->toks[k - 1], "two") || eq(&d->toks[k - 1], "both"))))
			return; /* "the two countries" are the giver and the receiver */
	/* "The corvette was commissioned in 1983": history, not an act */
	if (add.has_when == 1 && d->pub.y && add.w1.y && add.w1.y + 10 < d->pub.y)
		return;
	/* "last year", "two years ago": past drills even when the report has no
	 * date to count years from */
	int past = type == EV_EXERCISE && add.old && !ev->old && !fr_vague_time(d, si->t0, si->t1);
	/* "In March, another 2,000 soldiers arrived": other forces than the
	 * move before, by their count */
	int64_t people = type == EV_DEPLOYMENT ? fr_pick_people(si, t, lo, hi) : -1;
	int other_people = people > 0 && ev->personnel > 0 && people != ev->personnel;
	/* "A separate shipment of munitions arrived last week", "The first
	 * batch arrived in March" after the second: the text says it is
	 * another act */
	static const char *const APART[] = {"separate", "earlier", "previous", "first",
					    "already",  "former",  NULL};
	int apart = 0;
	for (uint32_t k = lo; type == EV_AID && k < hi && k < t + 1 && !apart; k++)
		apart = in_list(d->toks[k].norm, APART);
	/* "a second consignment of goggles arrived": a batch counted after
	 * another */
	static const char *const NTH[] = {"second", "third", "fourth", "fifth", "another", NULL};
	for (uint32_t k = t > lo + 3 ? t - 3 : lo; type == EV_AID && k <= t && !apart; k++)
		apart = in_list(d->toks[k].norm, NTH);
	apart &= !definite_noun(d, si, t) &&
		 (add.has_when == 1 || at_extract__named_items(d, &add));
	if (apart)
		other_stage = 1;
	if (other_stage || other_date || other_items || other_kind || past || other_people) {
		/* "we will also consider offering vessels" after a handover:
		 * another act only when it says what or how much */
		/* "Its fifth edition was held in 2015": drills of another year */
		if (type == EV_EXERCISE) {
			/* only an earlier year than the report's: dates of
			 * planned drills move, past editions do not */
			if (!past &&
			    (!other_date || !d->pub.y || add.w1.y >= d->pub.y ||
			     add.w1.y >= ev->w0.y || fr_vague_time(d, si->t0, si->t1)))
				return;
			for (int i = 0; i < ev->npart; i++)
				add.part[add.npart++] = ev->part[i];
			fr_default_status(d, &add);
			snprintf(add.why, sizeof(add.why),
				 "exercise:continued:%s;participants=previous exercise",
				 d->toks[t].norm);
			add.confidence = 0.6;
			int n = at_extract__add_event(d, out, &add);
			if (n >= 0)
				fr_remember(d, type, n, sidx);
			return;
		}
		/* "The remaining units will be delivered in 2026": another batch
		 * of the same things says what as well as a name would */
		static const char *const MORE[] = {"remaining", "rest",      "further",
						   "more",      "additional", "another",
						   "next",      "second",    "third",
						   "fourth",    "fifth",     NULL};
		int more = 0;
		for (uint32_t k = lo; k < hi && !more; k++)
			more = in_list(d->toks[k].norm, MORE);
		if (!at_extract__named_items(d, &add) && !mm && !new_kind && !(more && other_stage) &&
		    !other_people && !apart)
			return;
		/* the new act's own materiel: from its verb to the next one */
		uint32_t nt = t + 1;
		while (nt < hi && !(d->trig[nt] & (TR_VERBS | TR_MOVES | TR_AIDN)))
			nt++;
		add.nitems = 0;
		fr_add_items(d, si, &add, lo, nt);
		if (!at_extract__named_items(d, &add) && !mm && !new_kind && !(more && other_stage) &&
		    !other_people && !apart)
			return;
		add.provider = ev->provider;
		add.recipient = ev->recipient;
		add.actor = ev->actor;
		/* "a third system will be delivered": more of the same kind,
		 * named by the head noun alone */
		int same_kind = 0;
		for (uint32_t k = lo; k + 1 < hi && !same_kind; k++)
			same_kind = in_list(d->toks[k].norm, MORE) &&
				    fr_head_anaphor(d, out, sidx, k + 1, k + 2);
		same_kind &= !add.nitems && !(kinds & ~K_GENERAL);
		add.kinds = (uint8_t)(type == EV_AID ? (kinds && !same_kind ? kinds : ev->kinds) : 0);
		fr_set_value(d, si, &add, mm);
		if (type != EV_AID)
			add.personnel = fr_pick_people(si, t, lo, hi);
		fr_default_status(d, &add);
		add.listed = (uint8_t)apart; /* joins no act of another sentence */
		snprintf(add.why, sizeof(add.why), "%s:continued:%s;parties=previous event",
			 type == EV_AID ? "aid" : "deployment", d->toks[t].norm);
		add.confidence = 0.6;
		int n = at_extract__add_event(d, out, &add);
		if (n >= 0)
			fr_remember(d, type, n, sidx);
		return;
	}
	for (int i = 0; i < add.nitems && ev->nitems < 12; i++)
		if (!fr_dup_item(d, ev, add.items[i].cat, add.items[i].qty, add.items[i].start,
				 add.items[i].end))
			ev->items[ev->nitems++] = add.items[i];
	if (!ev->has_value && mm)
		fr_set_value(d, si, ev, mm);
	/* what a continuation adds is materiel: its own verbs ("soldiers were
	 * trained there") are background, not new kinds of this act */
	if (type == EV_AID && (kinds & K_EQUIPMENT) && add.nitems)
		ev->kinds |= K_EQUIPMENT;
	if (type != EV_AID && ev->personnel < 0)
		ev->personnel = fr_pick_people(si, lo, lo, hi);
	if (ev->nsrc < 8 && ev->src[ev->nsrc - 1].start != si->start) {
		ev->src[ev->nsrc].start = si->start;
		ev->src[ev->nsrc].end = si->end;
		ev->nsrc++;
	}
	m->last_sent[type] = sidx;
	d->made = 1;
}

/* ---- aid ------------------------------------------------------------------ */
