/* SPDX-License-Identifier: MIT */
/*
 * sentence.c — the sentence splitter (see text.h). ICU's breaker splits
 * "U.S. Army" and "Gen. X" wrongly on news text, so this one works on our
 * tokens with an abbreviation list: a sentence ends at . ! ? (and any closing
 * quotes or brackets after it) when the next token opens a sentence and the
 * word before the stop is not an abbreviation or an initial. " ~ " and " | "
 * (headline separators) end a sentence too. Very long runs are cut at
 * AT_MAX_SENT_TOKS tokens so that later stages do bounded work.
 */
#include <string.h>

#include "text.h"

#define AT_MAX_SENT_TOKS 160

/* Abbreviations that are not sentence ends when followed by a dot. */
static const char *const ABBREV[] = {
	"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt",
	"cpl", "pvt", "adm", "cmdr", "cdr", "brig", "rear", "vice", "gov", "sen", "rep",
	"rev", "st", "sr", "jr", "hon", "pres", "amb", "insp", "supt", "jan", "feb", "mar",
	"apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
	"tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "no", "nos", "vol",
	"fig", "art", "para", "inc", "corp", "co", "ltd", "llc", "plc", "bros", "vs", "etc",
	"approx", "est", "dept", "div", "bn", "mln", "bln", "mn", "rs", "ala", "ariz", "ark",
	"calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md",
	"mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
	"tenn", "tex", "va", "vt", "wash", "wis", "wyo", "e.g", "i.e", "al", "cf", "ft",
	"mt", "op", "pp", "sq", "km", "kg", NULL};

int at_is_abbrev(const char *norm)
{
	const char *p = strrchr(norm, '-'); /* "30-aug" */
	if (p && p[1])
		norm = p + 1;
	for (int i = 0; ABBREV[i]; i++)
		if (norm[0] == ABBREV[i][0] && strcmp(norm, ABBREV[i]) == 0)
			return 1;
	return 0;
}

/* [ru] Russian abbreviations: "млрд. руб.", "5 млн. долл. США", "ген.
 * Иванов", "в г. Айни" ("г." after a number is a year and may end one). */
static const char *const RU_ABBREV[] = {
	"млрд", "млн", "тыс", "трлн", "руб", "долл", "дол", "коп", "ген", "им", "ул", "обл",
	"пос", "проф", "акад", "т", "д", "др", "пр", "см", "напр", "гр", "тов", "ст", "св",
	"нач", "зам", "ред", "рис", "табл", "гос", "кв", "км", "чел", "шт", "ед", NULL};

static int ru_abbrev(const at_tok *p, const at_tok *before)
{
	if (strcmp(p->norm, "г") == 0 || strcmp(p->norm, "гг") == 0)
		return !before || before->type != AT_TOK_NUM;
	for (int i = 0; RU_ABBREV[i]; i++)
		if (strcmp(p->norm, RU_ABBREV[i]) == 0)
			return 1;
	return 0;
}

/* Words that open a sentence after "U.S." style tokens ("the U.S. The ..."). */
static int is_starter(const char *norm)
{
	static const char *const W[] = {"the", "it", "he", "she", "they", "we", "this",
					"that", "but", "in", "a", "an", "on", "its", "his",
					"their", "there", "i", "last", "earlier", NULL};
	for (int i = 0; W[i]; i++)
		if (strcmp(norm, W[i]) == 0)
			return 1;
	return 0;
}

static int is_closer(const at_tok *t)
{
	return t->type == AT_TOK_PUNCT &&
	       (strcmp(t->norm, "\"") == 0 || strcmp(t->norm, "'") == 0 ||
		strcmp(t->norm, ")") == 0 || strcmp(t->norm, "]") == 0);
}

static int opens_sentence(const at_tok *t)
{
	if (t->flags & AT_TF_CAP)
		return 1;
	if (t->type == AT_TOK_NUM)
		return 1;
	if (t->type == AT_TOK_PUNCT &&
	    (strcmp(t->norm, "\"") == 0 || strcmp(t->norm, "(") == 0 ||
	     strcmp(t->norm, "'") == 0 || strcmp(t->norm, "[") == 0 ||
	     strcmp(t->norm, "-") == 0 || strcmp(t->norm, "*") == 0))
		return 1;
	return 0;
}

static int add(at_arena *a, at_sentence **out, size_t *n, size_t *cap,
	       const at_tok *toks, uint32_t t0, uint32_t t1)
{
	if (t1 <= t0)
		return 0;
	if (at_arena_grow(a, (void **)out, *n, cap, sizeof(**out), 64) != 0)
		return -1;
	at_sentence *s = &(*out)[(*n)++];
	memset(s, 0, sizeof(*s));
	s->t0 = t0;
	s->t1 = t1;
	s->start = toks[t0].start;
	s->end = toks[t1 - 1].end;
	return 0;
}

int at_split_sentences(at_arena *a, const char *s, const at_tok *toks, uint32_t t0,
		       uint32_t t1, at_sentence **out, size_t *n, size_t *cap)
{
	(void)s;
	uint32_t begin = t0;
	for (uint32_t i = t0; i < t1; i++) {
		const at_tok *t = &toks[i];
		int end_here = 0;
		uint32_t cut = i + 1;
		if (t->type == AT_TOK_PUNCT &&
		    (strcmp(t->norm, ".") == 0 || strcmp(t->norm, "!") == 0 ||
		     strcmp(t->norm, "?") == 0 || strcmp(t->norm, "...") == 0)) {
			while (cut < t1 && is_closer(&toks[cut]))
				cut++;
			if (cut >= t1) {
				end_here = 1;
			} else if (opens_sentence(&toks[cut]) &&
				   (toks[cut].flags & AT_TF_SPACE || cut > i + 1)) {
				end_here = 1;
				if (strcmp(t->norm, ".") == 0 && i > begin) {
					const at_tok *p = &toks[i - 1];
					int glued = !(t->flags & AT_TF_SPACE);
					if (glued && p->type == AT_TOK_WORD && at_is_abbrev(p->norm))
						end_here = 0;
					if (glued && p->type == AT_TOK_WORD && (unsigned char)p->norm[0] >= 0xD0 &&
					    ru_abbrev(p, i > begin + 1 ? &toks[i - 2] : NULL))
						end_here = 0; /* [ru] */
					/* an initial: "J. Smith" (but not "... in Q. It") */
					if (glued && p->type == AT_TOK_WORD && p->nlen == 1 &&
					    (p->flags & AT_TF_CAP))
						end_here = 0;
					/* "No. 3" */
					if (glued && strcmp(p->norm, "no") == 0 &&
					    toks[cut].type == AT_TOK_NUM)
						end_here = 0;
				}
			}
		} else if (t->type == AT_TOK_WORD && t->nlen >= 3 && t->norm[t->nlen - 1] == '.' &&
			   i + 1 < t1 && (toks[i + 1].flags & AT_TF_CAP) &&
			   is_starter(toks[i + 1].norm)) {
			end_here = 1; /* "... the U.S. The next ..." */
		} else if (t->type == AT_TOK_PUNCT && (strcmp(t->norm, "~") == 0 ||
						       strcmp(t->norm, "|") == 0) &&
			   (t->flags & AT_TF_SPACE)) {
			if (add(a, out, n, cap, toks, begin, i) != 0)
				return -1;
			begin = i + 1;
			continue;
		}
		if (!end_here && i + 1 - begin >= AT_MAX_SENT_TOKS)
			end_here = 1;
		if (end_here) {
			if (add(a, out, n, cap, toks, begin, cut) != 0)
				return -1;
			begin = cut;
			i = cut - 1;
		}
	}
	return add(a, out, n, cap, toks, begin, t1);
}
