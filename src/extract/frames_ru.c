/* SPDX-License-Identifier: MIT */
/*
 * frames_ru.c — Russian frames: a trigger with its arguments becomes an
 * event. Russian word order is free, so roles come from case and
 * prepositions, read on the endings of the words (the norms are stems):
 *
 *   aid        provider: the subject (nominative, no preposition), or "от/из
 *              X" (genitive); recipient: the dative ("передала Таджикистану",
 *              "Вооруженным силам Киргизии" — a state after a role takes the
 *              role's case), "в/на X" with the accusative, "для/в адрес X";
 *              receiving verbs ("получила", "поступили") swap them
 *   exercise   participants: the adjectives ("российско-таджикское учение"),
 *              subjects, "с X" (instrumental), genitives of the noun
 *   deployment the subject, or "из X"; "в X" is where to, not who
 *   status     a modality cue before the trigger (готова, намерена: intent;
 *              будет, договорились: committed; продолжает: underway), else
 *              tense and aspect of the verb (передала: completed, передаст:
 *              committed, передает: underway, переданы: completed), else the
 *              date against the report; negation (не) drops the frame
 *
 * The lexicon pass (stems) and the Russian numbers and dates come from
 * mentions_ru.c; events are merged and finished by assemble.c as in English.
 */
#include <stdio.h>
#include <string.h>

#include "frames_int.h"
#include "../text/lang.h"

/* cases (bits) */
enum { C_NOM = 1, C_GEN = 2, C_DAT = 4, C_ACC = 8, C_INS = 16, C_PRE = 32, C_ALL = 63 };

/* how an actor stands */
enum { P_NONE, P_FROM, P_TO, P_LOC, P_WITH, P_OTHER };

typedef struct ru_actor {
	const actor_m *a;
	int cases;
	int prep;
	uint32_t head; /* the token whose case it takes (itself, or the role before it) */
	int weak;      /* an adjective not before a role, people or a trigger noun */
} ru_actor;

typedef struct surf {
	char w[64];
	size_t n;
} surf;

static void surf_of(const docx *d, uint32_t i, surf *s)
{
	s->n = at_ru_surface(d->s, &d->toks[i], s->w, sizeof(s->w));
}

/* The word cut to at most 40 bytes on a character boundary (for `why`). */
static const char *short_word(surf *s)
{
	size_t n = s->n < 40 ? s->n : 40;
	while (n > 0 && n < s->n && ((unsigned char)s->w[n] & 0xC0) == 0x80)
		n--;
	s->w[n] = '\0';
	s->n = n;
	return s->w;
}

static int ends(const surf *s, const char *e)
{
	size_t l = strlen(e);
	return s->n >= l && memcmp(s->w + s->n - l, e, l) == 0;
}

static int word_is(const docx *d, uint32_t i, const char *w)
{
	if (d->toks[i].type != AT_TOK_WORD)
		return 0;
	surf s;
	surf_of(d, i, &s);
	return strcmp(s.w, w) == 0;
}

static int punct(const docx *d, uint32_t i, const char *p)
{
	return d->toks[i].type == AT_TOK_PUNCT && strcmp(d->toks[i].norm, p) == 0;
}

/*
 * The cases a noun or adjective form may be in, from its ending. Coarse
 * but enough to tell a subject from a recipient: "Россия" N, "России"
 * G/D/P, "Таджикистану" D/A, "силам" D, "Китаем" I.
 */
int at_ru__cases(const char *w, size_t n)
{
	surf s;
	if (n >= sizeof(s.w))
		return C_ALL;
	memcpy(s.w, w, n);
	s.w[n] = '\0';
	s.n = n;
	static const struct {
		const char *e;
		int c;
	} E[] = {{"ому", C_DAT},
		 {"ему", C_DAT},
		 {"ами", C_INS},
		 {"ями", C_INS},
		 {"ией", C_INS},
		 {"ам", C_DAT},
		 {"ям", C_DAT},
		 {"ах", C_PRE},
		 {"ях", C_PRE},
		 {"ого", C_GEN | C_ACC},
		 {"его", C_GEN | C_ACC},
		 {"ой", C_GEN | C_DAT | C_INS | C_PRE},
		 {"ей", C_GEN | C_DAT | C_INS | C_PRE},
		 {"ом", C_INS | C_PRE},
		 {"ем", C_INS | C_PRE},
		 {"ым", C_DAT | C_INS},
		 {"им", C_DAT | C_INS},
		 {"ых", C_GEN | C_PRE | C_ACC},
		 {"их", C_GEN | C_PRE | C_ACC},
		 {"ую", C_ACC},
		 {"юю", C_ACC},
		 {"ая", C_NOM},
		 {"яя", C_NOM},
		 {"ое", C_NOM | C_ACC},
		 {"ее", C_NOM | C_ACC},
		 {"ые", C_NOM | C_ACC},
		 {"ие", C_NOM | C_ACC},
		 {"ый", C_NOM | C_ACC},
		 {"ий", C_NOM | C_ACC},
		 {"ия", C_NOM},
		 {"ии", C_GEN | C_DAT | C_PRE},
		 {"ию", C_ACC},
		 {"ов", C_GEN},
		 {"ев", C_GEN},
		 {"у", C_DAT | C_ACC},
		 {"ю", C_DAT | C_ACC},
		 {"а", C_GEN | C_NOM},
		 {"я", C_GEN | C_NOM},
		 {"ы", C_GEN | C_NOM},
		 {"и", C_GEN | C_NOM | C_DAT | C_PRE},
		 {"е", C_DAT | C_PRE},
		 {"о", C_ALL},
		 {NULL, 0}};
	/* shortened titles look instrumental: "главком" (главнокомандующий) */
	if (!strcmp(s.w, "главком") || !strcmp(s.w, "замглавком") || !strcmp(s.w, "командарм"))
		return C_NOM | C_ACC;
	for (int i = 0; E[i].e; i++)
		if (ends(&s, E[i].e))
			return E[i].c;
	/* a consonant, "й", "ь": the nominative or accusative of a masculine noun */
	return C_NOM | C_ACC;
}

/* Cyrillic capitals only, two or more ("США", "КНР"): the tokenizer's
 * ALLCAP flag counts ASCII letters. */
static int ru_allcap(const docx *d, uint32_t i)
{
	const at_tok *t = &d->toks[i];
	int up = 0;
	for (uint32_t k = t->start; k + 1 < t->end; k++) {
		unsigned char c = (unsigned char)d->s[k], c2 = (unsigned char)d->s[k + 1];
		if (c == 0xD0 && ((c2 >= 0x90 && c2 <= 0xAF) || c2 == 0x81))
			up++, k++;
		else if (c == 0xD0 || c == 0xD1)
			return 0;
	}
	return up >= 2;
}

static int cases_at(const docx *d, uint32_t i)
{
	const at_tok *t = &d->toks[i];
	if ((t->flags & AT_TF_ALLCAP) || t->type != AT_TOK_WORD ||
	    !at_ru_cyrillic(t->norm, t->nlen) || ru_allcap(d, i))
		return C_ALL; /* США, КНР, ОДКБ, Latin names: not declined */
	surf s;
	surf_of(d, i, &s);
	return at_ru__cases(s.w, s.n);
}

/* A preposition at token i: P_* (0: none). */
static int prep_at(const docx *d, uint32_t i, int cases)
{
	if (d->toks[i].type != AT_TOK_WORD)
		return P_NONE;
	surf s;
	surf_of(d, i, &s);
	const char *w = s.w;
	if (!strcmp(w, "от") || !strcmp(w, "из") || !strcmp(w, "изо"))
		return P_FROM;
	if (!strcmp(w, "для") || !strcmp(w, "к") || !strcmp(w, "ко"))
		return P_TO;
	if (!strcmp(w, "в") || !strcmp(w, "во") || !strcmp(w, "на")) {
		/* the accusative is where to, the prepositional where */
		if ((cases & C_ACC) && !(cases & C_PRE))
			return P_TO;
		if (cases == C_ALL)
			return P_OTHER;
		return P_LOC;
	}
	if (!strcmp(w, "у") || !strcmp(w, "около") || !strcmp(w, "близ") ||
	    !strcmp(w, "вблизи") || !strcmp(w, "возле") || !strcmp(w, "под") ||
	    !strcmp(w, "через") || !strcmp(w, "по") || !strcmp(w, "против") ||
	    !strcmp(w, "над") || !strcmp(w, "после") || !strcmp(w, "о") || !strcmp(w, "об") ||
	    !strcmp(w, "при") || !strcmp(w, "без") || !strcmp(w, "вокруг") ||
	    !strcmp(w, "до") || !strcmp(w, "кроме") || !strcmp(w, "среди"))
		return P_OTHER;
	/* "с базы" (genitive) is where from; "с Китаем" (instrumental) is with */
	if (!strcmp(w, "с") || !strcmp(w, "со"))
		return (cases & C_GEN) && !(cases & C_INS) ? P_FROM : P_WITH;
	if (!strcmp(w, "между"))
		return P_WITH;
	return P_NONE;
}

/* "в адрес X", "в пользу X", "со стороны X" */
static int prep2_at(const docx *d, uint32_t i)
{
	if (i < 1)
		return P_NONE;
	if ((word_is(d, i - 1, "в") && (word_is(d, i, "адрес") || word_is(d, i, "пользу"))))
		return P_TO;
	if ((word_is(d, i - 1, "со") || word_is(d, i - 1, "с")) && word_is(d, i, "стороны"))
		return P_FROM;
	return P_NONE;
}

static void read_actor(const docx *d, const sent_info *si, const actor_m *am, ru_actor *r)
{
	memset(r, 0, sizeof(*r));
	r->a = am;
	uint32_t head = am->t0;
	/* a multi-word name declines in its last word: "Российская Федерация" */
	uint32_t own = am->t1 - 1;
	r->cases = cases_at(d, own);
	if (am->flags & AF_ADJ) {
		/* an adjective agrees with the words after it up to its noun: "с
		 * российской объединенной базы" is genitive */
		for (uint32_t k = am->t1; k < si->t1 && k < am->t1 + 4; k++) {
			if (d->toks[k].type != AT_TOK_WORD || d->actor_at[k] >= 0)
				break;
			int c = cases_at(d, k);
			if (c & r->cases)
				r->cases &= c;
			surf s;
			surf_of(d, k, &s);
			int adj = ends(&s, "ой") || ends(&s, "ей") || ends(&s, "ый") ||
				  ends(&s, "ий") || ends(&s, "ая") || ends(&s, "ое") ||
				  ends(&s, "ые") || ends(&s, "ие") || ends(&s, "ых") ||
				  ends(&s, "их") || ends(&s, "ым") || ends(&s, "им") ||
				  ends(&s, "ую") || ends(&s, "ого") || ends(&s, "ому") ||
				  ends(&s, "ыми");
			if (!adj)
				break; /* the noun */
		}
	}
	/* a state after a role (or a chain of them) is its genitive: the case
	 * is the role's: "Вооруженным силам Киргизии", "Генеральному штабу
	 * Вооруженных сил Кыргызстана", "Министерство обороны Китая" */
	if (!(am->flags & AF_ADJ)) {
		uint32_t k = am->t0;
		while (k > si->t0 && d->role[k - 1])
			k--;
		/* adjectives of the role: "пограничным войскам" are in the role */
		if (k < am->t0) {
			head = k;
			r->cases = cases_at(d, k);
		}
	}
	r->head = head;
	/* the preposition before the phrase, over adjectives and the role */
	uint32_t p = head;
	int hops = 0;
	while (p > si->t0 && hops < 3 && d->toks[p - 1].type == AT_TOK_WORD &&
	       prep_at(d, p - 1, r->cases) == P_NONE && prep2_at(d, p - 1) == P_NONE &&
	       d->actor_at[p - 1] < 0 && !d->trig[p - 1] && !(d->cue[p - 1] & CU_REPORT)) {
		/* only adjectives stand between: "в соседний Таджикистан" */
		surf s;
		surf_of(d, p - 1, &s);
		int cs = at_ru__cases(s.w, s.n);
		int adj = ends(&s, "ий") || ends(&s, "ый") || ends(&s, "ой") ||
			  ends(&s, "ую") || ends(&s, "ую") || ends(&s, "ые") ||
			  ends(&s, "ие") || ends(&s, "ым") || ends(&s, "им") ||
			  ends(&s, "ых") || ends(&s, "их") || ends(&s, "ая") ||
			  ends(&s, "ому") || ends(&s, "ему") || ends(&s, "ого") ||
			  ends(&s, "ее") || ends(&s, "ое");
		if (!adj || !(cs & r->cases))
			break;
		p--;
		hops++;
	}
	if (p > si->t0) {
		int pp = prep2_at(d, p - 1);
		r->prep = pp ? pp : prep_at(d, p - 1, r->cases);
	}
	/* capitals after "в"/"на" are places; after nothing, metonyms */
	if (am->flags & AF_ADJ) {
		int strong = 0;
		/* over a list of adjectives: "российских, казахстанских и киргизских
		 * военных" */
		for (uint32_t k = am->t1, w = 0; k < si->t1 && w < 3 && !strong; k++) {
			if (d->role[k] || (d->cue[k] & (CU_PEOPLE | CU_UNITS)) ||
			    (d->trig[k] & (TR_AIDN | TR_EXERN)))
				strong = 1;
			if (!(punct(d, k, ",") || word_is(d, k, "и") || d->actor_at[k] >= 0))
				w++;
		}
		if (am->flags & AF_COMPOUND)
			strong = 1;
		r->weak = !strong;
	}
}

/* ---- clauses ---------------------------------------------------------------- */

static int clause_break(const docx *d, uint32_t k, uint32_t end)
{
	const at_tok *t = &d->toks[k];
	/* quotes are names as often as speech («Запад-2017»): they do not break */
	if (t->type == AT_TOK_PUNCT && (!strcmp(t->norm, ";") || !strcmp(t->norm, ":")))
		return 1;
	if (punct(d, k, ",") && k + 1 < end && d->toks[k + 1].type == AT_TOK_WORD) {
		surf s;
		surf_of(d, k + 1, &s);
		static const char *const W[] = {
			"что",     "который", "которая",  "которое", "которые", "которых",
			"которым", "которой", "которому", "где",     "когда",   "а",
			"но",      "однако",  "чтобы",    "хотя",    "так",     "поскольку",
			"пока",    "причем",  "при",      NULL};
		for (int i = 0; W[i]; i++)
			if (!strcmp(s.w, W[i]))
				return 1;
	}
	if (punct(d, k, "-") && (t->flags & AT_TF_SPACE)) /* " — заявил он" */
		return 1;
	return 0;
}

static void clause_of(const docx *d, const sent_info *si, uint32_t at, uint32_t *c0,
		      uint32_t *c1)
{
	uint32_t a = at, b = at + 1;
	while (a > si->t0 && !clause_break(d, a - 1, si->t1))
		a--;
	while (b < si->t1 && !clause_break(d, b, si->t1))
		b++;
	*c0 = a;
	*c1 = b;
}

/* ---- status ------------------------------------------------------------------ */

/* Tense of a verb form from its ending. */
enum { V_NONE, V_PAST, V_PRES, V_INF, V_PART };

static int verb_tense(const surf *s)
{
	if (ends(s, "ться") || ends(s, "ть") || ends(s, "ти") || ends(s, "чь"))
		return V_INF;
	if (ends(s, "лся") || ends(s, "лась") || ends(s, "лось") || ends(s, "лись") ||
	    ends(s, "л") || ends(s, "ла") || ends(s, "ло") || ends(s, "ли"))
		return V_PAST;
	if (ends(s, "ан") || ends(s, "ана") || ends(s, "ано") || ends(s, "аны") ||
	    ends(s, "ен") || ends(s, "ена") || ends(s, "ено") || ends(s, "ены") ||
	    ends(s, "ян") || ends(s, "яна") || ends(s, "яно") || ends(s, "яны") ||
	    ends(s, "ут") || ends(s, "ута") || ends(s, "уто") || ends(s, "уты") ||
	    ends(s, "ена") || ends(s, "ённые") || ends(s, "енные") || ends(s, "анные"))
		/* "-ут": a future plural ("развернут" = they will deploy) as often as a
		 * participle; "был развернут" is read by the caller */
		return ends(s, "ут") ? V_PRES : V_PART;
	if (ends(s, "ет") || ends(s, "ит") || ends(s, "ут") || ends(s, "ют") || ends(s, "ат") ||
	    ends(s, "ят") || ends(s, "ется") || ends(s, "ится") || ends(s, "утся") ||
	    ends(s, "ются") || ends(s, "атся") || ends(s, "ятся") || ends(s, "ст") ||
	    ends(s, "дут"))
		return V_PRES;
	return V_NONE;
}

/* A verb used as an adjective ("оказанную помощь", "прибывший", "переданные"):
 * not the clause's verb. */
static int participle(const docx *d, uint32_t i)
{
	surf s;
	surf_of(d, i, &s);
	static const char *const E[] = {
		"нная", "нную", "нный", "нные", "нных",  "нного", "нной",  "нным",
		"нное", "вший", "вшая", "вшие", "вших",  "вшего", "вшей",  "вшим",
		"ющий", "ющая", "ющие", "ющих", "ющего", "ющей",  "ющим",  "ящий",
		"ящие", "ящих", "емые", "емых", "шийся", "шиеся", "шихся", NULL};
	for (int k = 0; E[k]; k++)
		if (ends(&s, E[k]))
			return 1;
	return 0;
}

/* The nearest modality cue left of the trigger in its clause: ST_*; *neg
 * when negated or hypothetical. */
static int cue_status(const docx *d, uint32_t c0, uint32_t trig, int *neg)
{
	*neg = 0;
	int st = ST_NONE;
	uint32_t at = trig; /* the word a negation would stand before */
	for (uint32_t k = trig; k-- > c0;) {
		uint32_t c = d->cue_start[k];
		/* "не передала", "не планирует передавать", "не будет поставлять";
		 * not "не только", "не впервые", "не первый раз" */
		if ((c & CU_NEG) && at - k <= 2 &&
		    !(k + 1 < trig &&
		      (word_is(d, k + 1, "только") || word_is(d, k + 1, "впервые") ||
		       word_is(d, k + 1, "первый") || word_is(d, k + 1, "раз")))) {
			*neg = 1;
			return ST_NONE;
		}
		if ((c & CU_HYPO) && trig - k <= 4) {
			*neg = 1;
			return ST_NONE;
		}
		if (st)
			continue;
		st = c & CU_INTENT      ? ST_INTENT
		     : c & CU_COMMITTED ? ST_COMMITTED
		     : c & CU_UNDERWAY  ? ST_UNDERWAY
		     : c & CU_COMPLETED ? ST_COMPLETED
					: ST_NONE;
		if (st)
			at = k;
		if (trig - k > 6 && st)
			break;
	}
	return st;
}

/* Status from the trigger's own form: aspect (lexicon form: base =
 * perfective, ing = imperfective) and tense (the ending). */
static int verb_status(const docx *d, uint32_t c0, uint32_t trig)
{
	surf s;
	surf_of(d, trig, &s);
	int tense = verb_tense(&s);
	int perf = d->trig_form[trig] == LF_BASE;
	/* "будет передано", "будут поставлены", "будет передавать"; "был
	 * развернут" */
	int will = 0, was = 0;
	for (uint32_t k = trig; k-- > c0 && k + 3 >= trig;) {
		if (word_is(d, k, "будет") || word_is(d, k, "будут"))
			will = 1;
		if (word_is(d, k, "был") || word_is(d, k, "была") || word_is(d, k, "было") ||
		    word_is(d, k, "были"))
			was = 1;
	}
	if (will)
		return ST_COMMITTED;
	if (was)
		return ST_COMPLETED;
	switch (tense) {
	case V_PAST:
	case V_PART: return ST_COMPLETED;
	case V_PRES: return perf ? ST_COMMITTED : ST_UNDERWAY;
	case V_INF: return ST_COMMITTED;
	}
	return ST_NONE;
}

/* ---- shared helpers ---------------------------------------------------------- */

static int military_sentence(const docx *d, const sent_info *si)
{
	for (uint32_t k = si->t0; k < si->t1; k++)
		if ((d->cue[k] & (CU_MILITARY | CU_PEOPLE)) || d->role[k] == 1)
			return 1;
	for (uint32_t i = 0; i < si->nitems; i++)
		if (si->items[i].model || (si->items[i].cat >= 2 && si->items[i].cat <= 9))
			return 1;
	return 0;
}

static const date_m *pick_date(const sent_info *si, uint32_t c0, uint32_t c1, uint32_t at)
{
	const date_m *best = NULL;
	uint32_t bd = 0;
	for (uint32_t k = 0; k < si->ndates; k++) {
		const date_m *dm = &si->dates[k];
		if (dm->t0 < c0 || dm->t1 > c1)
			continue;
		uint32_t dist = dm->t0 > at ? dm->t0 - at : at - dm->t0;
		if (!best || dist < bd) {
			best = dm;
			bd = dist;
		}
	}
	if (!best && si->ndates == 1)
		best = &si->dates[0];
	return best;
}

static void set_when(docx *d, at_event_rec *ev, const date_m *dm, int status)
{
	if (!dm)
		return;
	at_date a, b;
	int ok;
	int future = status == ST_COMMITTED || status == ST_INTENT;
	at_extract__resolve_date(d, dm, future, &a, &b, &ok);
	ev->when_start = d->toks[dm->t0].start;
	ev->when_end = d->toks[dm->t1 - 1].end;
	ev->has_when = ok ? 1 : 2;
	if (dm->kind == DS_REL && dm->off < 0 && dm->unit == 'y')
		ev->old = 1;
	if (ok) {
		ev->w0 = a;
		ev->w1 = b;
	}
}

/* A status read off the date: ahead of the report committed, around it
 * underway ("с 10 по 20 февраля" reported on the 10th), behind it or undated
 * completed. */
static void default_status(const docx *d, at_event_rec *ev)
{
	if (ev->status)
		return;
	ev->status = ST_COMPLETED;
	if (ev->has_when == 1 && d->pub.y && d->pub.m && d->pub.d) {
		at_date w = ev->w0, e = ev->w1;
		if (!w.m)
			w.m = 12;
		if (!w.d)
			w.d = at_days_in_month(w.y, w.m);
		int64_t p = at_days_from_civil(d->pub.y, d->pub.m, d->pub.d);
		int64_t start = at_days_from_civil(ev->w0.y, ev->w0.m ? ev->w0.m : 1,
						   ev->w0.d ? ev->w0.d : 1);
		int64_t end = -1;
		if (e.y) {
			if (!e.m)
				e.m = 12;
			if (!e.d)
				e.d = at_days_in_month(e.y, e.m);
			end = at_days_from_civil(e.y, e.m, e.d);
		}
		if (at_days_from_civil(w.y, w.m, w.d) > p && start > p)
			ev->status = ST_COMMITTED;
		else if (start <= p && end > p && ev->w0.d && ev->w1.d)
			ev->status = ST_UNDERWAY;
	}
}

static void add_items(const docx *d, const sent_info *si, at_event_rec *ev, uint32_t c0,
		      uint32_t c1)
{
	for (uint32_t i = 0; i < si->nitems && ev->nitems < 12; i++) {
		const item_m *im = &si->items[i];
		if (im->t0 < c0 || im->t1 > c1)
			continue;
		int dup = 0;
		for (int k = 0; k < ev->nitems && !dup; k++) {
			at_item_rec *r = &ev->items[k];
			if (r->cat != im->cat)
				continue;
			if (r->qty == im->qty || im->qty < 0)
				dup = 1;
			else if (r->qty <
				 0) { /* "бронемашины" in the headline, "12 БТР-82А" below */
				r->qty = im->qty;
				r->start = d->toks[im->t0].start;
				r->end = d->toks[im->t1 - 1].end;
				dup = 1;
			}
		}
		if (dup)
			continue;
		/* a generic "техника" beside a named kind adds nothing */
		at_item_rec *r = &ev->items[ev->nitems++];
		r->cat = im->cat;
		r->qty = im->qty;
		r->start = d->toks[im->t0].start;
		r->end = d->toks[im->t1 - 1].end;
	}
	/* drop the umbrella "equipment" when a kind is named */
	int named = 0;
	for (int k = 0; k < ev->nitems; k++)
		named |= ev->items[k].cat != AT_N_ITEM_CATS - 1;
	if (named) {
		int w = 0;
		for (int k = 0; k < ev->nitems; k++)
			if (ev->items[k].cat != AT_N_ITEM_CATS - 1)
				ev->items[w++] = ev->items[k];
		ev->nitems = w;
	}
}

static void set_value(docx *d, const sent_info *si, at_event_rec *ev, const money_m *mm)
{
	ev->has_value = 1;
	ev->amount = mm->amount;
	ev->usd = mm->usd;
	memcpy(ev->cur, mm->cur, sizeof(ev->cur));
	ev->val_start = d->toks[mm->t0].start;
	ev->val_end = d->toks[(mm->conv_t1 > mm->t1 ? mm->conv_t1 : mm->t1) - 1].end;
	ev->val_headline = si->role == AT_ROLE_HEADLINE;
	if (strcmp(mm->cur, "USD") == 0)
		ev->usd = mm->amount;
}

static const money_m *pick_money(const sent_info *si, uint32_t c0, uint32_t c1)
{
	for (uint32_t m = 0; m < si->nmoney; m++)
		if (si->money[m].t0 >= c0 && si->money[m].t1 <= c1)
			return &si->money[m];
	return si->nmoney == 1 ? &si->money[0] : NULL;
}

static int64_t pick_people(const sent_info *si, uint32_t c0, uint32_t c1)
{
	for (uint32_t p = 0; p < si->npers; p++)
		if (si->pers[p].t0 >= c0 && si->pers[p].t1 <= c1)
			return si->pers[p].count;
	return -1;
}

/* the last event of a type in this document (for a provider left unsaid) */
static const at_event_rec *last_event(const at_events *out, int type)
{
	for (size_t i = out->n; i-- > 0;)
		if (out->ev[i].type == type)
			return &out->ev[i];
	return NULL;
}

static int is_state(const docx *d, uint32_t key) { return d->ctx->keys[key].cls == LX_STATE; }

/* states and organisations take part in drills and move forces (ОДКБ, НАТО, ООН) */
static int is_party(const docx *d, uint32_t key)
{
	return d->ctx->keys[key].cls == LX_STATE || d->ctx->keys[key].cls == LX_ORG;
}

/* A verb of stage between a subject and an aid noun ("завершил", "начал",
 * "продолжает", "планирует"): the subject gives. */
static int light_verb(const docx *d, uint32_t from, uint32_t to)
{
	for (uint32_t k = from; k < to && k < from + 4; k++)
		if (d->cue_start[k] & (CU_COMPLETED | CU_UNDERWAY | CU_COMMITTED | CU_INTENT))
			return d->toks[k].type == AT_TOK_WORD;
	return 0;
}

/* ---- aid ----------------------------------------------------------------- */

/* The actor k and those joined to it by "и" or a comma ("Россия и Китай",
 * "Бельгии, Дании, Норвегии"): their keys into keys[4], first `key`. */
static int conjuncts(const docx *d, const ru_actor *ra, uint32_t nra, int k, uint32_t key,
		     uint32_t *keys)
{
	int n = 0;
	keys[n++] = key;
	if (k < 0)
		return n;
	uint32_t lo = ra[k].a->t0, hi = ra[k].a->t1;
	int grew = 1;
	while (grew && n < 4) {
		grew = 0;
		for (uint32_t j = 0; j < nra && n < 4; j++) {
			const actor_m *b = ra[j].a;
			int after =
				b->t0 == hi + 1 && (punct(d, hi, ",") || word_is(d, hi, "и"));
			int before = b->t1 + 1 == lo &&
				     (punct(d, b->t1, ",") || word_is(d, b->t1, "и"));
			if (!after && !before)
				continue;
			if (d->ctx->keys[b->key].cls != d->ctx->keys[ra[k].a->key].cls ||
			    (ra[j].prep != ra[k].prep && ra[j].prep != P_NONE))
				continue;
			int dup = 0;
			for (int q = 0; q < n; q++)
				dup |= keys[q] == b->key;
			if (!dup)
				keys[n++] = b->key;
			if (after)
				hi = b->t1;
			else
				lo = b->t0;
			grew = 1;
		}
	}
	return n;
}

static int aid_frame(docx *d, at_events *out, uint32_t sidx, uint32_t trig, uint32_t c0,
		     uint32_t c1, ru_actor *ra, uint32_t nra, int receive)
{
	sent_info *si = &d->sents[sidx];
	uint16_t cls = d->trig[trig];
	/* a noun (or a participle) has no subject of its own: its giver is
	 * "от/из X", an adjective or genitive next to it, or the text before */
	int nounish = (cls & TR_AIDN) || d->trig_form[trig] == LF_NOUN || participle(d, trig);
	/* "обучаются", "выучились": no object */
	surf ts;
	surf_of(d, trig, &ts);
	int reflexive = ends(&ts, "ся") || ends(&ts, "сь");
	/* commercial deals are not aid */
	for (uint32_t k = c0; k < c1; k++)
		if (d->cue_start[k] & CU_SALE)
			return 0;
	/* "эта помощь", "данная партия": the act already told */
	if ((cls & TR_AIDN) && trig > si->t0) {
		static const char *const DEM[] = {"эта",    "этой",      "эту",       "это",
						  "этот",   "этого",     "данная",    "данной",
						  "данную", "указанная", "указанной", "такая",
						  "такой",  "эти",       "этих",      NULL};
		surf p;
		surf_of(d, trig - 1, &p);
		for (int k = 0; DEM[k]; k++)
			if (!strcmp(p.w, DEM[k]))
				return 0;
	}
	int prov = -1, rec = -1;
	uint32_t pd = 0, rd = 0;
	for (uint32_t k = 0; k < nra; k++) {
		const ru_actor *r = &ra[k];
		const actor_m *am = r->a;
		if (am->t0 < c0 || am->t1 > c1 ||
		    ((am->flags & AF_WEAK) && !(am->flags & AF_ADJ)) || r->prep == P_LOC ||
		    r->prep == P_OTHER || r->prep == P_WITH)
			continue;
		/* a weak adjective still names a recipient before a dative plural:
		 * "иракским курдам" */
		int dat_adj = r->weak && r->prep == P_NONE && am->t1 < c1 &&
			      r->cases == C_DAT && cases_at(d, am->t1) == C_DAT;
		if (r->weak && !dat_adj)
			continue;
		uint32_t dist = am->t0 > trig ? am->t0 - trig : trig - am->t1;
		int left = am->t1 <= trig;
		int giver = 0, taker = 0;
		if (r->prep == P_FROM)
			giver = 1;
		else if (r->prep == P_TO)
			taker = 1;
		else if (receive)
			taker = (r->cases & C_NOM) != 0 && !nounish;
		else if ((r->cases & C_DAT) && !(r->cases & C_NOM))
			taker = 1;
		else if ((cls & (TR_TRAIN | TR_EQUIP)) && !left && r->cases != C_ALL &&
			 !nounish && !reflexive &&
			 ((r->cases & C_ACC) ||
			  ((cls & TR_TRAIN) && (r->cases & C_GEN) && dist <= 4)))
			taker = 1; /* "обучили 120 сирийских военнослужащих", "оснастит армию" */
		else if ((r->cases & C_NOM) && !nounish)
			giver = 1;
		else if ((r->cases & C_NOM) && (cls & TR_AIDN) && left &&
			 light_verb(d, am->t1, trig))
			giver = 1; /* "Бундесвер завершил поставки", "Китай продолжает поставки" */
		else if ((r->cases & C_DAT) && !left)
			taker = 1;
		else if (nounish && (am->flags & AF_ADJ) && am->t1 <= trig &&
			 trig - am->t1 <= 2 && r->prep == P_NONE)
			giver = 1; /* "китайская помощь" */
		else if (nounish && (r->cases & C_GEN) && am->t0 == trig + d->trig_len[trig] &&
			 r->prep == P_NONE)
			giver = 1; /* "помощь России" (a genitive) */
		if (receive && r->prep == P_FROM)
			giver = 1;
		/* a subject stands left of its verb more often than not */
		uint32_t score = dist + (giver && !left && !receive ? 4 : 0);
		if (giver && (prov < 0 || score < pd)) {
			prov = (int)k;
			pd = score;
		} else if (taker && (rec < 0 || dist < rd)) {
			rec = (int)k;
			rd = dist;
		}
	}
	/* something given: items, money, an aid noun, training, building */
	int has_items = 0;
	for (uint32_t i = 0; i < si->nitems; i++)
		if (si->items[i].t0 >= c0 && si->items[i].t1 <= c1)
			has_items = 1;
	const money_m *mm = pick_money(si, c0, c1);
	int aidn = 0;
	for (uint32_t k = c0; k < c1; k++)
		if (d->trig[k] & TR_AIDN)
			aidn = 1;
	if (!has_items && !mm && !aidn && !(cls & (TR_TRAIN | TR_BUILD | TR_EQUIP | TR_FUND)))
		return 0;
	if (!military_sentence(d, si) && !(d->military_doc && (has_items || aidn)))
		return 0;
	/* humanitarian aid is not military aid, unless weapons go with it */
	int weapons = 0;
	for (uint32_t i = 0; i < si->nitems; i++)
		weapons |= si->items[i].t0 >= c0 && si->items[i].t1 <= c1 &&
			   (si->items[i].model ||
			    (si->items[i].cat >= 2 && si->items[i].cat <= 9));
	for (uint32_t k = c0; k < c1 && !weapons; k++) {
		surf hs;
		if (d->toks[k].type != AT_TOK_WORD)
			continue;
		surf_of(d, k, &hs);
		if (!strncmp(hs.w, "гуманитарн", strlen("гуманитарн")))
			return 0;
	}
	uint32_t pkey = prov >= 0 ? ra[prov].a->key : LX_NONE;
	uint32_t rkey = rec >= 0 ? ra[rec].a->key : LX_NONE;
	const char *pfrom = prov >= 0 ? "case" : "none";
	/* a weak adjective ("российской военной техники") names the giver when
	 * nothing else does */
	if (pkey == LX_NONE)
		for (uint32_t k = 0; k < nra; k++)
			if (ra[k].a->t0 >= c0 && ra[k].a->t1 <= c1 &&
			    (ra[k].a->flags & AF_ADJ) && ra[k].a->key != rkey &&
			    ra[k].prep == P_NONE && is_state(d, ra[k].a->key) &&
			    ra[k].a->t0 > trig) {
				pkey = ra[k].a->key;
				pfrom = "adj";
				break;
			}
	const at_event_rec *prev = last_event(out, EV_AID);
	/* the giver of the text before, if it is near ("Рособоронэкспорт
	 * поставил..." far below is someone else's sale) */
	if (pkey == LX_NONE && prev && prev->provider != LX_NONE && prev->sent + 8 >= sidx &&
	    (rkey == LX_NONE || rkey == prev->recipient)) {
		pkey = prev->provider;
		pfrom = "previous";
	}
	/* an article follows one recipient: "поставке из России шести МиГ-29" */
	if (rkey == LX_NONE && prev && prev->recipient != LX_NONE && prev->recipient != pkey)
		rkey = prev->recipient;
	if (pkey == LX_NONE || rkey == LX_NONE || pkey == rkey)
		return 0;
	at_event_rec ev;
	char why[96];
	surf s;
	surf_of(d, trig, &s);
	snprintf(why, sizeof(why), "ru:aid:%s:%s:%s", receive ? "receive" : "give",
		 short_word(&s), pfrom);
	fr_init_event(si, sidx, &ev, EV_AID, ST_NONE, why);
	ev.provider = pkey;
	ev.recipient = rkey;
	int neg;
	int st = cue_status(d, c0, trig, &neg);
	if (neg)
		return 0;
	int soft = 0;
	if (!nounish) {
		/* a finite verb says it itself: "выделила" after "в соответствии с
		 * соглашением" is done; an infinitive takes the cue ("планирует
		 * передать") */
		surf vs;
		surf_of(d, trig, &vs);
		int tense = verb_tense(&vs);
		if (!st || tense == V_PAST || tense == V_PRES || tense == V_PART) {
			int vst = verb_status(d, c0, trig);
			if (vst && !(st == ST_UNDERWAY && tense == V_INF))
				st = vst;
		}
	}
	/* Russian aspect is not ambiguous as the English verb is: a perfective
	 * future ("передаст") pledges as firmly as "will"; only a status read off
	 * the date (a noun, no cue) is soft */
	soft = st == ST_NONE;
	add_items(d, si, &ev, c0, c1);
	if (mm)
		set_value(d, si, &ev, mm);
	const date_m *dm = pick_date(si, c0, c1, trig);
	set_when(d, &ev, dm, st);
	if (st == ST_INTENT && ev.has_when == 1 && dm && dm->kind == DS_ABS && dm->a.d)
		st = ST_COMMITTED;
	ev.status = (uint8_t)st;
	ev.soft_status = (uint8_t)soft;
	default_status(d, &ev);
	/* kinds, from the clause's words: items are equipment, "строительство"
	 * construction, "обучить" training, "финансовая помощь" funding; money
	 * alone is an amount of aid of no named kind */
	uint16_t words = cls;
	for (uint32_t k = c0; k < c1; k++)
		words |= d->trig[k];
	int kinds = 0;
	if (ev.nitems)
		kinds |= K_EQUIPMENT;
	if (words & TR_TRAIN)
		kinds |= K_TRAINING;
	if (words & TR_BUILD)
		kinds |= K_CONSTRUCTION;
	if (words & TR_FUND)
		kinds |= K_FUNDING;
	if (!kinds)
		kinds = K_GENERAL;
	ev.kinds = (uint8_t)kinds;
	ev.confidence = 0.55 + (prov >= 0 ? 0.15 : 0) + (rec >= 0 ? 0.1 : 0) +
			(ev.nitems || ev.has_value ? 0.1 : 0);
	/* "Россия и Китай передали...", "передала Таджикистану и Киргизии":
	 * one event for each giver and each receiver */
	uint32_t gk[4], rk[4];
	int ng = conjuncts(d, ra, nra, prov, pkey, gk),
	    nr = conjuncts(d, ra, nra, rec, rkey, rk);
	int made = 0;
	for (int g = 0; g < ng; g++)
		for (int r = 0; r < nr; r++) {
			if (gk[g] == rk[r] || made >= 4)
				continue;
			ev.provider = gk[g];
			ev.recipient = rk[r];
			int rc = at_extract__add_event(d, out, &ev);
			if (rc < 0)
				return rc;
			made++;
		}
	return made > 0;
}

/* ---- exercises ------------------------------------------------------------ */

static int exercise_frame(docx *d, at_events *out, uint32_t sidx, uint32_t trig, uint32_t c0,
			  uint32_t c1, ru_actor *ra, uint32_t nra)
{
	sent_info *si = &d->sents[sidx];
	/* drills of the armed forces, not of rescuers or schools ("учения по
	 * гражданской обороне", "учения МЧС") */
	if (!military_sentence(d, si) && !d->military_doc)
		return 0;
	int armed = 0, civil = 0;
	for (uint32_t k = c0; k < c1; k++) {
		armed |= d->role[k] == 1;
		if (d->toks[k].type != AT_TOK_WORD)
			continue;
		surf cs;
		surf_of(d, k, &cs);
		civil |= !strncmp(cs.w, "гражданск", strlen("гражданск")) ||
			 !strcmp(cs.w, "мчс") || !strncmp(cs.w, "спасател", strlen("спасател"));
	}
	if (civil && !armed)
		return 0;
	at_event_rec ev;
	fr_init_event(si, sidx, &ev, EV_EXERCISE, ST_NONE, "ru:exercise");
	for (uint32_t k = 0; k < nra && ev.npart < AT_MAX_PART; k++) {
		const ru_actor *r = &ra[k];
		const actor_m *am = r->a;
		if (am->t0 < c0 || am->t1 > c1 || !is_party(d, am->key))
			continue;
		/* adjectives of the noun itself: "в российско-таджикском учении" */
		int own = (am->flags & AF_ADJ) && am->t1 <= trig && trig - am->t1 <= 2;
		/* "в Вооруженных силах России", "в Беларусь": the forces and the
		 * host take part */
		int forces = am->t0 > c0 && d->role[am->t0 - 1] == 1;
		if (!own && !forces && (r->prep == P_FROM || r->prep == P_OTHER))
			continue;
		/* a host is named near the drill ("учения в Таджикистане"), not in an
		 * aside ("базы, дислоцированной в Киргизии") */
		if (!own && !forces && (r->prep == P_LOC || r->prep == P_TO) &&
		    (am->t0 > trig ? am->t0 - trig : trig - am->t1) > 6)
			continue;
		/* adjectives count next to the noun or its people */
		if ((am->flags & AF_ADJ) && r->weak && !own)
			continue;
		int dup = 0;
		for (int p = 0; p < ev.npart; p++)
			dup |= ev.part[p] == am->key;
		if (!dup)
			ev.part[ev.npart++] = am->key;
	}
	if (!ev.npart)
		return 0;
	int neg;
	int st = cue_status(d, c0, trig, &neg);
	if (neg)
		return 0;
	/* the verb of the clause: "пройдут", "начались", "проводят" */
	if (!st)
		for (uint32_t k = c0; k < c1 && !st; k++) {
			if (!(d->cue_start[k] & CU_EXVERB) || d->toks[k].type != AT_TOK_WORD)
				continue;
			surf s;
			surf_of(d, k, &s);
			int t = verb_tense(&s);
			st = t == V_PAST   ? ST_COMPLETED
			     : t == V_PRES ? ST_COMMITTED
			     : t == V_INF  ? ST_COMMITTED
					   : ST_NONE;
			/* imperfective present ("проводят", "проходят"): going on */
			if (t == V_PRES &&
			    (ends(&s, "ят") || ends(&s, "ит") || ends(&s, "ют")) &&
			    !ends(&s, "дут") && !ends(&s, "ведут"))
				st = ST_UNDERWAY;
			/* "начались", "стартовали": begun, so going on */
			if (t == V_PAST && (!strncmp(s.w, "начал", strlen("начал")) ||
					    !strncmp(s.w, "стартова", strlen("стартова"))))
				st = ST_UNDERWAY;
		}
	/* "прибыли в Беларусь на учения": the drill is where forces go; the
	 * clause's date and tense are the move's, and the drill is still ahead */
	int goal = 0;
	for (uint32_t k = c0; k < trig; k++)
		goal |= (d->trig[k] & TR_DEPLOY) != 0;
	const date_m *dm = goal ? NULL : pick_date(si, c0, c1, trig);
	set_when(d, &ev, dm, st);
	if (st == ST_INTENT && ev.has_when == 1)
		st = ST_COMMITTED;
	if (goal && st != ST_INTENT)
		st = ST_NONE, ev.status = ST_COMMITTED;
	if (st)
		ev.status = (uint8_t)st;
	ev.soft_status = st == ST_NONE;
	default_status(d, &ev);
	ev.personnel = pick_people(si, si->t0, si->t1);
	ev.confidence = 0.6 + (ev.npart > 1 ? 0.1 : 0) + (ev.has_when ? 0.1 : 0);
	int rc = at_extract__add_event(d, out, &ev);
	return rc < 0 ? rc : 1;
}

/* ---- deployments ------------------------------------------------------------ */

static int deploy_frame(docx *d, at_events *out, uint32_t sidx, uint32_t trig, uint32_t c0,
			uint32_t c1, ru_actor *ra, uint32_t nra)
{
	sent_info *si = &d->sents[sidx];
	/* what moves: people, units, forces, aircraft */
	int movers = 0;
	for (uint32_t k = c0; k < c1; k++)
		if ((d->cue[k] & (CU_PEOPLE | CU_UNITS)) || d->role[k] == 1)
			movers = 1;
	for (uint32_t i = 0; i < si->nitems; i++)
		if (si->items[i].t0 >= c0 && si->items[i].t1 <= c1)
			movers = 1;
	if (!movers)
		return 0;
	int best = -1;
	uint32_t bd = 0;
	for (uint32_t k = 0; k < nra; k++) {
		const ru_actor *r = &ra[k];
		const actor_m *am = r->a;
		/* organisations move forces as subjects: "НАТО перебросит в Польшу..." */
		int org_subject = d->ctx->keys[am->key].cls == LX_ORG && r->prep == P_NONE &&
				  am->t1 <= trig && (r->cases & C_NOM);
		if (am->t0 < c0 || am->t1 > c1 || (!is_state(d, am->key) && !org_subject))
			continue;
		if (r->prep == P_LOC || r->prep == P_TO || r->prep == P_OTHER ||
		    r->prep == P_WITH)
			continue;
		if (r->prep == P_NONE && !(r->cases & C_NOM) && !(am->flags & AF_ADJ)) {
			/* a genitive names who moves only after what moves: "подразделения
			 * Вооруженных сил России" */
			uint32_t h = r->head;
			int of_mover = (r->cases & C_GEN) && h > c0 &&
				       ((d->cue[h - 1] & (CU_PEOPLE | CU_UNITS)) ||
					d->role[h - 1] == 1 || d->role[h] == 1);
			if (!of_mover)
				continue;
		}
		if ((am->flags & AF_ADJ) && r->weak)
			continue;
		/* a capital after a preposition is a place ("в 30 км от Душанбе") */
		if ((am->flags & AF_CAPITAL) && r->prep != P_NONE)
			continue;
		uint32_t dist = am->t0 > trig ? am->t0 - trig : trig - am->t1;
		/* a subject after its verb stands close to it ("прибыли российские
		 * военные"); "из США" anywhere */
		if (am->t0 > trig && r->prep != P_FROM && dist > 4 &&
		    !((am->flags & AF_ADJ) &&
		      !r->weak)) /* "прибыли 1,5 тыс. российских военных" */
			continue;
		if (best < 0 || dist < bd) {
			best = (int)k;
			bd = dist;
		}
	}
	uint32_t key = best >= 0 ? ra[best].a->key : LX_NONE;
	const char *from = "case";
	/* "Первая пара самолетов уже перелетела в Киргизию": the mover of the
	 * text before */
	if (key == LX_NONE) {
		const at_event_rec *prev = last_event(out, EV_DEPLOYMENT);
		if (!prev || prev->actor == LX_NONE)
			return 0;
		key = prev->actor;
		from = "previous";
		for (uint32_t k = 0; k < nra; k++)
			if (ra[k].a->key == key && ra[k].prep == P_TO)
				return 0; /* it moves to that state: someone else moves */
	}
	at_event_rec ev;
	surf s;
	surf_of(d, trig, &s);
	char why[96];
	snprintf(why, sizeof(why), "ru:deploy:%s:%s", short_word(&s), from);
	fr_init_event(si, sidx, &ev, EV_DEPLOYMENT, ST_NONE, why);
	ev.actor = key;
	int neg;
	int st = cue_status(d, c0, trig, &neg);
	if (neg)
		return 0;
	if (!st)
		st = verb_status(d, c0, trig);
	add_items(d, si, &ev, c0, c1);
	const date_m *dm = pick_date(si, c0, c1, trig);
	set_when(d, &ev, dm, st);
	ev.status = (uint8_t)st;
	default_status(d, &ev);
	ev.personnel = pick_people(si, c0, c1);
	ev.confidence = 0.6 + (ev.personnel > 0 ? 0.15 : 0);
	/* "приехали из США и Канады": each moves */
	uint32_t keys[4];
	int n = conjuncts(d, ra, nra, best, key, keys);
	for (int k = 0; k < n; k++) {
		if (k && !is_state(d, keys[k]))
			continue;
		ev.actor = keys[k];
		int rc = at_extract__add_event(d, out, &ev);
		if (rc < 0)
			return rc;
	}
	return 1;
}

/* ---- the sentence ------------------------------------------------------------ */

#ifdef AT_TRACE
/* Development builds only (-DAT_TRACE): the sentence as the frames see it. */
static void trace(const docx *d, const sent_info *si, const ru_actor *ra)
{
	fprintf(stderr, "-- S%u role=%d:", si->t0, si->role);
	for (uint32_t t = si->t0; t < si->t1; t++) {
		fprintf(stderr, " %s", d->toks[t].norm);
		if (d->actor_at[t] >= 0) {
			const ru_actor *r = &ra[d->actor_at[t]];
			fprintf(stderr, "[A:%s:%x c%d p%d%s]", d->ctx->keys[r->a->key].code,
				r->a->flags, r->cases, r->prep, r->weak ? " weak" : "");
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

/*
 * A sentence that goes on about the last aid event ("В партию вошли
 * двенадцать бронетранспортеров...", "Помощь включает беспилотники"): an aid
 * word, no actor of its own, items or money; they join the event of the
 * sentence or two before.
 */
/* The date and the head count of a sentence that goes on about the event
 * before ("Передача машин была завершена 12 июля", "Учения пройдут с 14 по 20
 * сентября"), when it has none. */
static void fill_when(docx *d, const sent_info *si, at_event_rec *ev)
{
	if (!ev->has_when && si->ndates == 1) {
		int st = ev->status;
		set_when(d, ev, &si->dates[0], st);
		/* a status that was only a guess is read again with the date */
		if (ev->soft_status && ev->type == EV_EXERCISE) {
			ev->status = ST_NONE;
			default_status(d, ev);
		}
	}
	if (ev->type != EV_AID && ev->personnel < 0)
		ev->personnel = pick_people(si, si->t0, si->t1);
}

/*
 * A finite verb with no actor of its own, right after an event of its kind,
 * tells another stage of the same flow: "Вооруженные силы начали получать
 * автомобили" after a plan of deliveries; "ещё пара будет переброшена" after
 * a first pair flew in. It becomes an event with the actors of the one
 * before, when its status differs (else the sentence just goes on about it).
 */
static int next_stage(docx *d, at_events *out, uint32_t sidx)
{
	sent_info *si = &d->sents[sidx];
	for (uint32_t k = si->t0; k < si->t1; k++) {
		uint16_t cls = d->trig[k];
		if (!(cls & (TR_GIVE | TR_RECEIVE | TR_DEPLOY)) || d->trig_form[k] == LF_NOUN ||
		    participle(d, k))
			continue;
		int type = (cls & TR_DEPLOY) && !(cls & (TR_GIVE | TR_RECEIVE)) ? EV_DEPLOYMENT
										: EV_AID;
		const at_event_rec *prev = last_event(out, type);
		if (!prev || prev->sent + 1 < sidx || (out->n && &out->ev[out->n - 1] != prev))
			return 0;
		uint32_t c0, c1;
		clause_of(d, si, k, &c0, &c1);
		int neg;
		int st = cue_status(d, c0, k, &neg);
		if (neg)
			return 0;
		surf vs;
		surf_of(d, k, &vs);
		int tense = verb_tense(&vs);
		if (tense == V_NONE)
			return 0;
		if (!st || tense != V_INF) {
			int vst = verb_status(d, c0, k);
			if (vst && !(st == ST_UNDERWAY && tense == V_INF))
				st = vst;
		}
		if (!st || st == prev->status)
			return 0;
		if (type == EV_AID && !si->nitems)
			return 0;
		for (uint32_t q = c0; q < c1; q++)
			if (d->cue_start[q] & CU_SALE)
				return 0;
		at_event_rec ev;
		char why[96];
		snprintf(why, sizeof(why), "ru:%s:%s:previous",
			 type == EV_AID ? "aid" : "deploy", short_word(&vs));
		fr_init_event(si, sidx, &ev, type, ST_NONE, why);
		ev.provider = prev->provider;
		ev.recipient = prev->recipient;
		ev.actor = prev->actor;
		add_items(d, si, &ev, c0, c1);
		set_when(d, &ev, pick_date(si, c0, c1, k), st);
		ev.status = (uint8_t)st;
		default_status(d, &ev);
		ev.kinds = type == EV_AID ? (uint8_t)(ev.nitems ? K_EQUIPMENT : K_GENERAL) : 0;
		if (type != EV_AID)
			ev.personnel = pick_people(si, c0, c1);
		ev.confidence = 0.5;
		int rc = at_extract__add_event(d, out, &ev);
		return rc < 0 ? rc : 1;
	}
	return 0;
}

static int continuation(docx *d, at_events *out, uint32_t sidx)
{
	sent_info *si = &d->sents[sidx];
	int aid = 0, drill = 0;
	for (uint32_t k = si->t0; k < si->t1; k++) {
		aid |= (d->trig[k] & (TR_AIDN | TR_GIVE | TR_RECEIVE)) != 0;
		drill |= (d->trig[k] & TR_EXERN) != 0;
	}
	if (drill && si->role == AT_ROLE_BODY) {
		for (size_t i = out->n; i-- > 0;)
			if (out->ev[i].type == EV_EXERCISE) {
				if (out->ev[i].sent + 3 >= sidx)
					fill_when(d, si, &out->ev[i]);
				break;
			}
		return 0;
	}
	if (si->role == AT_ROLE_BODY) {
		int rc = next_stage(d, out, sidx);
		if (rc)
			return rc < 0 ? rc : 0;
	}
	/* "Пакет включает системы ПВО", "В партию вошли БТР": what it holds */
	if (!aid && si->nitems)
		for (uint32_t k = si->t0; k < si->t1 && !aid; k++) {
			surf s;
			surf_of(d, k, &s);
			aid = !strncmp(s.w, "включ", strlen("включ")) ||
			      !strncmp(s.w, "содерж", strlen("содерж")) ||
			      !strncmp(s.w, "вошл", strlen("вошл")) || !strcmp(s.w, "входят") ||
			      !strncmp(s.w, "состоит", strlen("состоит"));
		}
	if (!aid || (!si->nitems && !si->nmoney && !si->ndates) || si->role != AT_ROLE_BODY)
		return 0;
	for (uint32_t k = si->t0; k < si->t1; k++)
		if ((d->cue_start[k] & (CU_NEG | CU_SALE)))
			return 0;
	at_event_rec *ev = NULL;
	for (size_t i = out->n; i-- > 0;)
		if (out->ev[i].type == EV_AID) {
			ev = &out->ev[i];
			break;
		}
	if (!ev || ev->sent + 2 < sidx)
		return 0;
	int before = ev->nitems;
	fill_when(d, si, ev);
	add_items(d, si, ev, si->t0, si->t1);
	if (!ev->has_value && si->nmoney)
		set_value(d, si, ev, &si->money[0]);
	if (ev->nitems != before)
		ev->kinds = (uint8_t)((ev->kinds & ~K_GENERAL) | K_EQUIPMENT);
	ev->sent = sidx;
	if (ev->nsrc < 8 && ev->src[ev->nsrc - 1].start != si->start) {
		ev->src[ev->nsrc].start = si->start;
		ev->src[ev->nsrc].end = si->end;
		ev->nsrc++;
	}
	return 0;
}

int at_extract__frames_ru(docx *d, at_events *out, uint32_t sidx)
{
	sent_info *si = &d->sents[sidx];
	if (!si->nactors)
		return continuation(d, out, sidx);
	ru_actor *ra = at_arena_alloc(d->a, si->nactors * sizeof(ru_actor));
	if (!ra)
		return AT_ENOMEM;
	for (uint32_t k = 0; k < si->nactors; k++)
		read_actor(d, si, &si->actors[k], &ra[k]);
#ifdef AT_TRACE
	trace(d, si, ra);
#endif
	uint32_t done_c1 = 0; /* a clause that made an aid event */
	for (uint32_t i = si->t0; i < si->t1; i++) {
		uint16_t cls = d->trig[i];
		if (!cls)
			continue;
		uint32_t c0, c1;
		clause_of(d, si, i, &c0, &c1);
		int rc = 0;
		if (cls & TR_EXERN) {
			rc = exercise_frame(d, out, sidx, i, c0, c1, ra, si->nactors);
		} else if ((cls & TR_DEPLOY) && participle(d, i)) {
			rc = 0; /* "прибывший в Душанбе": an aside about a person */
		} else if (cls & TR_DEPLOY) {
			/* "прибыл самолет с помощью от Канады": aid arriving; "отправила
			 * Сирии партию помощи": aid sent (a dative); else forces move */
			int aidn = 0, dat = 0;
			for (uint32_t k = c0; k < c1; k++)
				aidn |= (d->trig[k] & TR_AIDN) != 0;
			for (uint32_t k = 0; k < si->nactors; k++)
				dat |= ra[k].a->t0 >= c0 && ra[k].a->t1 <= c1 &&
				       ra[k].prep == P_NONE && ra[k].cases == C_DAT;
			if (aidn || ((cls & TR_GIVE) && dat))
				rc = aid_frame(d, out, sidx, i, c0, c1, ra, si->nactors,
					       !(cls & TR_GIVE));
			else
				rc = deploy_frame(d, out, sidx, i, c0, c1, ra, si->nactors);
		} else if ((cls & TR_VERBS) && done_c1 < c1) {
			/* one aid event a clause: "выделит ... на строительство" is one act */
			rc = aid_frame(d, out, sidx, i, c0, c1, ra, si->nactors,
				       (cls & TR_RECEIVE) != 0);
			if (rc > 0)
				done_c1 = c1;
		} else if ((cls & TR_AIDN) && done_c1 < c1) {
			rc = aid_frame(d, out, sidx, i, c0, c1, ra, si->nactors, 0);
			if (rc > 0)
				done_c1 = c1;
		}
		if (rc < 0)
			return rc;
		if (d->trig_len[i] > 1)
			i += d->trig_len[i] - 1;
	}
	return 0;
}
