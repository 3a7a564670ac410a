/* SPDX-License-Identifier: MIT */
/*
 * extract.h — internals of the extract stage shared by its files:
 * mentions.c (what the words of a sentence refer to), frames.c (triggers with
 * their arguments become events), assemble.c (events of one document merged,
 * finished and copied out of the document). Exports at_extract__* helpers
 * and the event record read by src/output.
 *
 * Record formats:
 *
 *   | struct      | holds                                                  |
 *   |-------------|--------------------------------------------------------|
 *   | sent_info   | one sentence: token range, role, per-token cue bits,   |
 *   |             | trigger bits and its mentions                          |
 *   | actor_m     | a state/organisation/group mention and how it stands   |
 *   | item_m      | an item family with its quantity                       |
 *   | money_m     | an amount, currency and the article's USD conversion    |
 *   | date_m      | a date expression, resolved against publication date   |
 *   | pers_m      | a count of people (troops, personnel)                  |
 *   | at_event_rec| one event (SCHEMA.md) with offsets into the document   |
 */
#ifndef AT_EXTRACT_H
#define AT_EXTRACT_H

/* exercise participants kept per event */
#define AT_MAX_PART 24

#include <stdint.h>

#include "aidtrace.h"
#include "../clean/clean.h"
#include "../lexicon/lexicon.h"
#include "../text/text.h"
#include "../util/arena.h"
#include "../util/date.h"

enum { EV_AID, EV_EXERCISE, EV_DEPLOYMENT };
enum { ST_NONE, ST_INTENT, ST_COMMITTED, ST_UNDERWAY, ST_COMPLETED };
enum { K_EQUIPMENT = 1, K_FUNDING = 2, K_TRAINING = 4, K_CONSTRUCTION = 8, K_GENERAL = 16 };

/* trigger classes (bits), from the key column of triggers.tsv */
enum {
	TR_GIVE = 1 << 0, TR_RECEIVE = 1 << 1, TR_EQUIP = 1 << 2, TR_FUND = 1 << 3,
	TR_TRAIN = 1 << 4, TR_BUILD = 1 << 5, TR_HELP = 1 << 6, TR_DEPLOY = 1 << 7,
	TR_AIDN = 1 << 8, TR_EXERN = 1 << 9, TR_MOVE = 1 << 10, TR_DEPLOYN = 1 << 11
};
#define TR_VERBS (TR_GIVE | TR_RECEIVE | TR_EQUIP | TR_FUND | TR_TRAIN | TR_BUILD | TR_HELP)
#define TR_MOVES (TR_DEPLOY | TR_MOVE) /* verbs of moving forces: transitive, and the mover itself */

/* cue classes (bits), from the key column of cues.tsv */
enum {
	CU_NEG = 1 << 0, CU_HYPO = 1 << 1, CU_INTENT = 1 << 2, CU_COMMITTED = 1 << 3,
	CU_UNDERWAY = 1 << 4, CU_COMPLETED = 1 << 5, CU_REPORT = 1 << 6,
	CU_MILITARY = 1 << 7, CU_PEOPLE = 1 << 8, CU_UNITS = 1 << 9, CU_FACILITY = 1 << 10,
	CU_LOCPREP = 1 << 11, CU_PLACE = 1 << 12, CU_VAGUE = 1 << 13, CU_SALE = 1 << 14,
	CU_AGENT = 1 << 15, CU_DATEW = 1 << 16, CU_NUMW = 1 << 17,
	CU_EXVERB = 1 << 18
};

/* actor mention flags */
enum {
	AF_ADJ = 1, AF_POSS = 2, AF_ROLE = 4, AF_LOC = 8, AF_FROM = 16, AF_BY = 32,
	AF_WITH = 64, AF_OF = 128, AF_COMPOUND = 256, AF_TO = 512, AF_PLACE = 1024,
	AF_FOR = 2048, AF_CAPITAL = 4096, AF_WEAK = 8192
};

typedef struct actor_m {
	uint32_t t0, t1;   /* tokens, sentence-absolute indexes */
	uint32_t key;      /* ctx key */
	uint16_t flags;
	uint8_t role_kind; /* 0 none, else the role (forces, minister...) */
} actor_m;

typedef struct item_m {
	uint32_t t0, t1;   /* the item phrase including its quantity */
	uint8_t cat;       /* index into AT_ITEM_CATS */
	int64_t qty;       /* -1 = unknown */
	uint8_t model;     /* a designation (T-72) rather than a generic noun */
} item_m;

typedef struct money_m {
	uint32_t t0, t1;
	double amount;
	double usd;        /* < 0: none from the text */
	char cur[4];
	uint8_t bare;      /* a bare "$" or "dollars": US unless the giver pays in its own */
	uint32_t conv_t0, conv_t1; /* the conversion's tokens, if any */
} money_m;

enum { DS_ABS, DS_WEEKDAY, DS_REL, DS_ENDOF, DS_COMING, DS_AGO };

typedef struct date_m {
	uint32_t t0, t1;
	uint8_t kind;
	int8_t off;        /* -1 last, 0 this, +1 next */
	uint8_t unit;      /* 'd' day, 'w' week, 'm' month, 'y' year */
	int weekday;       /* 0 = Monday */
	int n;             /* count for "ago" */
	at_date a, b;      /* absolute range; a.y == 0 when the year is unknown */
	uint8_t qual;      /* 'e' early, 'm' mid, 'l' late, 's' season */
} date_m;

typedef struct pers_m {
	uint32_t t0, t1;
	int64_t count;
	uint8_t gapped; /* "and 50 to Poland": the people noun left out */
} pers_m;

typedef struct sent_info {
	uint32_t t0, t1;
	uint32_t start, end;
	uint8_t role;
	uint8_t want_dates; /* read its dates even without a trigger */
	uint32_t para;
	actor_m *actors; uint32_t nactors;
	item_m *items; uint32_t nitems;
	money_m *money; uint32_t nmoney;
	date_m *dates; uint32_t ndates;
	pers_m *pers; uint32_t npers;
} sent_info;

/* A document being analysed. */
typedef struct docx {
	const at_ctx *ctx;
	const at_doc *doc;
	at_arena *a;
	const char *s;
	at_tok *toks; size_t ntoks;
	uint32_t *cue;     /* per token: cue bits of phrases covering it */
	uint32_t *cue_start; /* per token: cue bits of phrases starting at it */
	uint8_t *cue_len;  /* per token: longest cue phrase starting at it */
	uint16_t *trig;    /* per token: trigger class bits starting at it */
	uint8_t *trig_form;/* per token: verb form (LF_*) */
	uint8_t *trig_len; /* per token: trigger phrase length */
	uint8_t *role;     /* per token: role kind covering it (1 + key index) */
	int16_t *actor_at; /* per token: index into its sentence's actors, or -1 */
	uint8_t *claimed;  /* per token: part of an actor/item/money/date span */
	sent_info *sents; size_t nsents;
	at_date pub;       /* publication date (may be partial or empty) */
	int military_doc;  /* military cue words in the body: context for headlines */
	int made;          /* events added or merged since the driver last cleared it */
	uint32_t home;     /* the state the article is about (extract.c), or LX_NONE */
	uint32_t force_home; /* the state whose forces it names most, or LX_NONE */
	uint32_t home_lead; /* the state it names most, by any lead, or LX_NONE */
	int lang;          /* AT_LANG_* (text/lang.h) */
	/* acronyms the article defines: "Somali National Army (SNA)" */
	const char *alias_text[16]; uint32_t alias_key[16]; uint8_t alias_role[16]; int nalias;
	/* discourse memory: the last event of each type, and its sentence */
	struct at_memo {
		int last[3];
		uint32_t last_sent[3];
	} memo;
} docx;

/* One event. Offsets point into the document's bytes. */
typedef struct at_item_rec {
	uint8_t cat;
	int64_t qty;
	uint32_t start, end;
	const char *text;
} at_item_rec;

typedef struct at_event_rec {
	uint8_t type, status, kinds;
	uint8_t soft_status; /* status from the verb alone, no modality cue */
	uint32_t provider, recipient, actor; /* ctx keys or LX_NONE */
	uint32_t part[AT_MAX_PART]; int npart;
	at_item_rec items[12]; int nitems;
	int has_value;
	double amount, usd;
	char cur[4];
	uint8_t cur_bare;  /* from a bare "$": money_m.bare */
	uint8_t cur_of_provider; /* the bare "$" read as the provider's dollar */
	uint32_t val_start, val_end; int val_headline;
	const char *val_text;
	uint8_t usd_basis; /* AT_BASIS_*, set when finished */
	at_date usd_date;  /* the day, month or year of the rate used */
	int64_t personnel;
	int has_when;
	at_date w0, w1;
	uint32_t when_start, when_end;
	const char *when_text;
	int old;           /* dated well before the report ("last year") */
	int has_place;
	uint32_t place_start, place_end; uint32_t place_country;
	const char *place_text;
	int has_fix;       /* the gazetteer placed it: place_fix */
	at_place_fix place_fix;
	struct { uint32_t start, end; const char *sentence; } src[8]; int nsrc;
	struct {
		const char *field;
		uint32_t a0, a1, b0, b1; /* the two spans that disagree */
		const char *a, *b;
	} conf[4];
	int nconf;
	uint64_t id;
	double confidence;
	char why[128];
	uint32_t sent;     /* index of the last sentence that fed it */
	uint32_t sent0;    /* the sentence that created it */
	int headline_only;
	uint8_t anaphor;   /* its actor came from the act before ("the warships"); drills
			    * named by a definite noun ("the exercise") */
	uint32_t name_start, name_end; /* a named exercise's name ("Kaseh 1"), or 0, 0 */
	uint8_t listed; /* drills listed by name, or "another exercise": join only drills of
			 * their name; aid said to be another act ("a separate
			 * shipment"): joins no act of another sentence; forces
			 * counted after others ("a second contingent"): join no
			 * move not so counted */
} at_event_rec;

struct at_events {
	at_arena mem;
	const at_ctx *ctx;
	char *doc_id;
	char reported[17];
	int lang;          /* AT_LANG_* (text/lang.h): the document's language */
	at_event_rec *ev;
	size_t n, cap;
};

extern const char *const AT_ITEM_CATS[];
extern const int AT_N_ITEM_CATS;

/* mentions.c */
int at_extract__mentions(docx *d, sent_info *si);
int at_extract__find_aliases(docx *d, sent_info *si);
void at_extract__resolve_date(const docx *d, const date_m *dm, int future, at_date *a,
			      at_date *b, int *ok);

/* frames.c */
int at_extract__frames(docx *d, at_events *out, uint32_t sidx);
/* assemble.c (named_items: items that name something, not "equipment";
 * items_differ: do two mentions name different materiel?) */
int at_extract__named_items(const docx *d, const at_event_rec *e);
int at_extract__items_differ(const docx *d, const at_event_rec *a, const at_event_rec *b);
/* Do two drill names name the same drills: equal but for case, or one the
 * other with an edition number ("Sea Guardian" and "Sea Guardian-3")? */
int at_extract__same_drill_name(const char *s, uint32_t a0, uint32_t a1, uint32_t b0,
				uint32_t b1);
/* frames_ru.c, mentions_ru.c: Russian documents (lang == AT_LANG_RU) */
int at_extract__mentions_ru(docx *d, sent_info *si);
int at_extract__frames_ru(docx *d, at_events *out, uint32_t sidx);
/* the cases (bits: 1 nom, 2 gen, 4 dat, 8 acc, 16 ins, 32 prep) a folded
 * Russian form may be in, from its ending */
int at_ru__cases(const char *w, size_t n);
int at_extract__add_event(docx *d, at_events *out, at_event_rec *ev);
int at_extract__finish(docx *d, at_events *out);

#endif
