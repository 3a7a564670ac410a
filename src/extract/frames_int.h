/* SPDX-License-Identifier: MIT */
/*
 * frames_int.h — what the frame files share (src/extract/frames*.c): small
 * token tests, the discourse memory, and the functions one frame file calls in
 * another. Not part of the library's interface.
 */
#ifndef AT_FRAMES_INT_H
#define AT_FRAMES_INT_H

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "extract.h"

static inline int eq(const at_tok *t, const char *w)
{
	return t->norm[0] == w[0] && strcmp(t->norm, w) == 0;
}

static inline int in_list(const char *w, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (w[0] == list[i][0] && strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

/* Discourse memory: the last event of each type and its sentence. */
typedef struct at_memo memo;

static inline memo *M(docx *d) { return &d->memo; }

#define OBLIQUE (AF_LOC | AF_FROM | AF_BY | AF_WITH | AF_TO | AF_PLACE | AF_FOR | AF_OF)

static inline int actor_usable(const actor_m *am)
{
	return !(am->flags & (AF_WEAK | AF_PLACE));
}

static inline int has_verb_between(const docx *d, uint32_t lo, uint32_t hi)
{
	for (uint32_t k = lo; k < hi; k++)
		if (d->trig[k] & (TR_VERBS | TR_MOVES))
			return 1;
	return 0;
}

enum { DROP = -1 }; /* status_of: the frame is negated or hypothetical */

static inline int has_cue(const docx *d, uint32_t lo, uint32_t hi, uint32_t bits)
{
	for (uint32_t k = lo; k < hi; k++)
		if (d->cue[k] & bits)
			return 1;
	return 0;
}

static inline int has_trig(const docx *d, uint32_t lo, uint32_t hi, uint32_t bits)
{
	for (uint32_t k = lo; k < hi; k++)
		if (d->trig[k] & bits)
			return 1;
	return 0;
}

static inline int has_word(const docx *d, uint32_t lo, uint32_t hi, const char *w)
{
	for (uint32_t k = lo; k < hi; k++)
		if (eq(&d->toks[k], w))
			return 1;
	return 0;
}

/* frames_syntax.c */
void fr_clause_of(const docx *d, const sent_info *si, uint32_t t, uint32_t *c0, uint32_t *c1);
int fr_dateline(const docx *d, const sent_info *si, const actor_m *am);
int fr_left_subject(const docx *d, const sent_info *si, uint32_t c0, uint32_t t, int allow_of);
int fr_shared_subject(const docx *d, const sent_info *si, uint32_t c0, uint32_t t);
int fr_speaker(const docx *d, const sent_info *si, uint32_t t);
int fr_right_actor(const sent_info *si, uint32_t t, uint32_t c1, uint16_t need, uint16_t bad);
int fr_coordinated(const docx *d, const sent_info *si, int a, int *out, int max, int subj);
int fr_list_before(const docx *d, const sent_info *si, int a, int *out, int max);
int fr_is_speech_act(const at_tok *t);
int fr_is_passive(const docx *d, const sent_info *si, uint32_t t);
int fr_status_of(const docx *d, const sent_info *si, uint32_t c0, uint32_t c1, uint32_t t,
		 int noun /* 1 a noun, 2 a drill noun */, int *soft);

/* frames_slots.c */
const date_m *fr_other_date(const docx *d, const sent_info *si, const date_m *dm, uint32_t c1);
int fr_act_per_date(docx *d, at_events *out, const sent_info *si, at_event_rec *again,
		    const date_m *dm, uint32_t c1, int own_items);
int fr_vague_time(const docx *d, uint32_t c0, uint32_t c1);
int fr_ended_before(const docx *d, const sent_info *si, uint32_t c0, uint32_t c1);
const date_m *fr_pick_date(const docx *d, const sent_info *si, uint32_t t, uint32_t lo,
			   uint32_t hi, int speech);
void fr_set_when(docx *d, const sent_info *si, at_event_rec *ev, const date_m *dm, int status);
void fr_set_place(docx *d, const sent_info *si, at_event_rec *ev, uint32_t from, uint32_t to,
		  uint32_t own);
int64_t fr_pick_people(const sent_info *si, uint32_t t, uint32_t lo, uint32_t hi);
int fr_military_item(const item_m *im);
int fr_false_item(const docx *d, const sent_info *si, const item_m *im);
int fr_military_context(const docx *d, const sent_info *si);
int fr_dup_item(const docx *d, const at_event_rec *ev, uint8_t cat, int64_t qty, uint32_t start,
		uint32_t end);
void fr_add_items(docx *d, const sent_info *si, at_event_rec *ev, uint32_t lo, uint32_t hi);
/* "delivered 14 tanks and pledged 30 more": with no item of its own, a count
 * and "more" right after the verb (in [lo, hi)) count the things named
 * before t. */
void fr_gapped_items(docx *d, const sent_info *si, at_event_rec *ev, uint32_t t, uint32_t lo,
		     uint32_t hi);
const money_m *fr_pick_money(const sent_info *si, uint32_t lo, uint32_t hi);
void fr_set_value(docx *d, const sent_info *si, at_event_rec *ev, const money_m *mm);
int fr_sale_context(const docx *d, const sent_info *si);
void fr_default_status(const docx *d, at_event_rec *ev);
void fr_init_event(const sent_info *si, uint32_t sidx, at_event_rec *ev, int type, int status,
		   const char *why);
int fr_kinds_for(const docx *d, const sent_info *si, int cls, uint32_t lo, uint32_t hi,
		 const money_m *mm);

/* frames_acts.c */
void fr_remember(docx *d, int type, int idx, uint32_t sidx);
int fr_head_anaphor(docx *d, const at_events *out, uint32_t sidx, uint32_t lo, uint32_t hi);
void fr_attach(docx *d, at_events *out, const sent_info *si, uint32_t sidx, int type,
	       uint32_t lo, uint32_t hi, int kinds, uint32_t provider, uint32_t recipient,
	       int status, uint32_t t);

/* frames_aid.c */
int fr_combat_unit(const docx *d, const sent_info *si, uint32_t k);
int fr_aid_frame(docx *d, at_events *out, uint32_t sidx, uint32_t t, int cls);

/* frames_deploy.c */
int fr_ordered(const docx *d, uint32_t lo, uint32_t hi);
int fr_deploy_frame(docx *d, at_events *out, uint32_t sidx, uint32_t t, int cls);
/* "The contingent will also include troops from Belarus and Armenia": more
 * contributors to the deployment just reported (frames_deploy.c). */
int fr_included_forces(docx *d, at_events *out, uint32_t sidx);
/* "sent jets for the exercise", "for joint squadron training" (frames_deploy.c) */
int fr_for_drills(const docx *d, uint32_t lo, uint32_t hi);
int fr_equip_own(const docx *d, const sent_info *si, uint32_t t);

/* frames_exercise.c */
int fr_participants_after(docx *d, at_events *out, uint32_t sidx);
int fr_exercise_frame(docx *d, at_events *out, uint32_t sidx, uint32_t t);

#ifdef AT_TRACE
/* frames.c: a sentence's mentions on stderr (development builds) */
void fr_trace_mentions(const sent_info *si);
#endif

#endif
