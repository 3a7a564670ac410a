/* SPDX-License-Identifier: MIT */
/*
 * mentions.c — what the words of a sentence refer to. Exports
 * at_extract__mentions (lexicon phrases, numbers, money, dates, counts of
 * people, items with quantities, actors with how they stand in the sentence),
 * at_extract__find_aliases (acronyms an article defines) and
 * at_extract__resolve_date (relative dates against the publication date).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"

const char *const AT_ITEM_CATS[] = {
	"aircraft", "helicopter", "tank", "armored_vehicle", "artillery", "rocket_artillery",
	"air_defense", "missile", "small_arms", "ammunition", "communications", "radar",
	"vehicle", "drone", "ship", "protective_gear", "equipment", NULL};
const int AT_N_ITEM_CATS = 17;

static int item_cat(const char *code)
{
	for (int i = 0; AT_ITEM_CATS[i]; i++)
		if (strcmp(AT_ITEM_CATS[i], code) == 0)
			return i;
	return AT_N_ITEM_CATS - 1;
}

static int eq(const at_tok *t, const char *w)
{
	return t->norm[0] == w[0] && strcmp(t->norm, w) == 0;
}

static int in_list(const char *w, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (w[0] == list[i][0] && strcmp(w, list[i]) == 0)
			return i + 1;
	return 0;
}

/* Words before an adjective that make it one: "its neighbouring Iraq". */
static const char *const DETERMINERS[] = {"the", "a",  "an",   "its",   "their", "his",
					  "her", "our", "with", "and", "or",    NULL};

/* ---- growable per-sentence arrays ------------------------------------- */

#define PUSH(arena, arr, n, cap, out)                                              \
	do {                                                                        \
		size_t cap_ = (cap);                                                \
		if (at_arena_grow((arena), (void **)&(arr), (n), &cap_, sizeof(*(arr)), 8)) \
			return AT_ENOMEM;                                           \
		(cap) = (uint32_t)cap_;                                             \
		(out) = &(arr)[(n)++];                                              \
		memset((out), 0, sizeof(*(out)));                                  \
	} while (0)

/* ---- numbers ---------------------------------------------------------- */

static const char *const UNITS_WORDS[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
	"seventeen", "eighteen", "nineteen", NULL};
static const char *const TENS_WORDS[] = {"twenty", "thirty", "forty", "fifty", "sixty",
					 "seventy", "eighty", "ninety", NULL};
static const char *const MEASURES[] = {
	"meter", "metre", "meters", "metres", "m", "ton", "tonne", "tons", "tonnes", "mm",
	"km", "kilometer", "kilometre", "kilometers", "kilometres", "foot", "feet", "ft",
	"inch", "year", "years", "day", "days", "month", "months", "week", "weeks", "hour",
	"hours", "member", "strong", "man", "seat", "seater", "kg", "kilogram", "mile",
	"miles", "nautical", "percent", "per", "cent", "%", "point", "minute", "minutes",
	"second", "calibre", "caliber", "millimetre", "millimeter", "litre", "liter",
	"storey", "story", "gallon", "barrel", "acre", "hectare", "lb", "x", "wheel",
	"degree", "degrees", "knot", "knots", "page", "bed", "room", "kw", "mw", "ghz",
	"mhz", "cm", "centimeter", "centimetre", NULL};

static double magnitude(const char *w)
{
	static const struct {
		const char *w;
		double v;
	} M[] = {{"thousand", 1e3},  {"k", 1e3},	{"million", 1e6}, {"millions", 1e6},
		 {"mln", 1e6},	     {"mn", 1e6},	{"mil", 1e6},	  {"m", 1e6},
		 {"billion", 1e9},   {"billions", 1e9}, {"bln", 1e9},	  {"bn", 1e9},
		 {"b", 1e9},	     {"trillion", 1e12}, {"tn", 1e12},	  {"trn", 1e12},
		 {"crore", 1e7},     {"crores", 1e7},	{"cr", 1e7},	  {"lakh", 1e5},
		 {"lakhs", 1e5},     {"lac", 1e5},	{"hundred", 1e2},
		 /* Russian: тыс., млн, млрд, трлн */
		 {"\xd1\x82\xd1\x8b\xd1\x81", 1e3},
		 {"\xd0\xbc\xd0\xbb\xd0\xbd", 1e6},
		 {"\xd0\xbc\xd0\xbb\xd1\x80\xd0\xb4", 1e9},
		 {"\xd1\x82\xd1\x80\xd0\xbb\xd0\xbd", 1e12},
		 {NULL, 0}};
	for (int i = 0; M[i].w; i++)
		if (w[0] == M[i].w[0] && strcmp(w, M[i].w) == 0)
			return M[i].v;
	return 0;
}

enum { NUM_MEASURE = 1, NUM_RANGE = 2, NUM_YEAR = 4, NUM_WORD = 8, NUM_MAG = 16,
       NUM_ODD = 32 };

/* A number starting at token i: value, tokens used, flags. 0 if none. */
static int parse_number(const docx *d, uint32_t i, uint32_t end, double *val,
			uint32_t *used, int *flags)
{
	const at_tok *t = &d->toks[i];
	*flags = 0;
	*used = 0;
	double v = 0;
	uint32_t j = i;
	if (t->type == AT_TOK_NUM) {
		const char *p = t->norm;
		char digits[64];
		size_t k = 0;
		int ndig = 0, comma = 0;
		while (*p && k + 1 < sizeof(digits)) {
			if (*p >= '0' && *p <= '9') {
				digits[k++] = *p;
				ndig++;
			} else if (*p == ',' && p[1] >= '0' && p[1] <= '9') {
				comma = 1;
			} else if (*p == '.' && p[1] >= '0' && p[1] <= '9') {
				digits[k++] = '.';
			} else {
				break;
			}
			p++;
		}
		digits[k] = '\0';
		v = strtod(digits, NULL);
		if (!*p && ndig == 4 && !comma && !strchr(digits, '.') && v >= 1900 && v <= 2100)
			*flags |= NUM_YEAR;
		if (*p) {
			/* a suffix: magnitude, measure, range or something else */
			const char *suf = p;
			if (*suf == '-')
				suf++;
			double m = magnitude(suf);
			if (m > 0 && (m >= 1e6 || *p == '-' || strcmp(suf, "k") == 0)) {
				v *= m;
				*flags |= NUM_MAG;
			} else if (*suf >= '0' && *suf <= '9') {
				*flags |= NUM_RANGE;
			} else {
				char word[32];
				size_t wl = strcspn(suf, "-");
				if (wl >= sizeof(word))
					wl = sizeof(word) - 1;
				memcpy(word, suf, wl);
				word[wl] = '\0';
				if (in_list(word, MEASURES))
					*flags |= NUM_MEASURE;
				else
					*flags |= NUM_ODD;
			}
		}
		j = i + 1;
	} else if (t->type == AT_TOK_WORD) {
		/* word numbers: "two", "twenty-five", "a dozen", "half a dozen" */
		if (eq(t, "half") && i + 2 < end && eq(&d->toks[i + 1], "a") &&
		    eq(&d->toks[i + 2], "dozen")) {
			v = 6;
			j = i + 3;
		} else if ((eq(t, "a") || eq(t, "one")) && i + 1 < end &&
			   eq(&d->toks[i + 1], "dozen")) {
			v = 12;
			j = i + 2;
		} else if (eq(t, "dozen")) {
			v = 12;
			j = i + 1;
		} else if (eq(t, "a") && i + 1 < end &&
			   (eq(&d->toks[i + 1], "hundred") || eq(&d->toks[i + 1], "thousand"))) {
			v = eq(&d->toks[i + 1], "hundred") ? 100 : 1000;
			j = i + 2;
		} else {
			int u = in_list(t->norm, UNITS_WORDS);
			int te = 0;
			if (!u) {
				char head[16];
				size_t hl = strcspn(t->norm, "-");
				if (hl < sizeof(head)) {
					memcpy(head, t->norm, hl);
					head[hl] = '\0';
					te = in_list(head, TENS_WORDS);
					if (te) {
						v = (te + 1) * 10;
						if (t->norm[hl] == '-') {
							int u2 = in_list(t->norm + hl + 1, UNITS_WORDS);
							if (!u2)
								return 0;
							v += u2 - 1;
						}
					}
				}
			} else {
				v = u - 1;
			}
			if (!u && !te)
				return 0;
			j = i + 1;
			*flags |= NUM_WORD;
			if (j < end && eq(&d->toks[j], "dozen")) {
				v *= 12;
				j++;
			}
		}
	} else {
		return 0;
	}
	/* magnitude words after: "70 billion", "1.2 bn", "two hundred" */
	while (j < end && !(*flags & (NUM_MEASURE | NUM_RANGE))) {
		double m = magnitude(d->toks[j].norm);
		if (m <= 0 || (strcmp(d->toks[j].norm, "m") == 0 && (d->toks[j].flags & AT_TF_SPACE)))
			break;
		if (strcmp(d->toks[j].norm, "b") == 0 && (d->toks[j].flags & AT_TF_SPACE))
			break;
		v *= m;
		*flags |= NUM_MAG;
		*flags &= ~NUM_YEAR;
		j++;
	}
	/* measure words after: "10 seven meter boats" -> "seven" is a measure */
	if (j < end && in_list(d->toks[j].norm, MEASURES) && !(*flags & NUM_MAG))
		*flags |= NUM_MEASURE;
	if (j < end && d->toks[j].norm[0] == '-' && d->toks[j].nlen == 1 && j + 1 < end &&
	    in_list(d->toks[j + 1].norm, MEASURES))
		*flags |= NUM_MEASURE;
	*val = v;
	*used = j - i;
	return 1;
}

/* ---- dates -------------------------------------------------------------- */

static const char *const MONTHS[] = {"january", "february", "march", "april", "may", "june",
				     "july", "august", "september", "october", "november",
				     "december", NULL};
static const char *const MONTHS3[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
				      "sep", "oct", "nov", "dec", "sept", NULL};
static const char *const WEEKDAYS[] = {"monday", "tuesday", "wednesday", "thursday",
				       "friday", "saturday", "sunday", NULL};

/* Month 1-12 named by token t (full or abbreviated, capitalised), else 0. */
static int month_of(const at_tok *t)
{
	int m = in_list(t->norm, MONTHS);
	if (m) {
		if (m == 5 && !(t->flags & AT_TF_CAP))
			return 0; /* "may" the modal */
		if ((m == 3) && !(t->flags & AT_TF_CAP))
			return 0; /* "march" the verb */
		return m;
	}
	if (!(t->flags & AT_TF_CAP))
		return 0;
	m = in_list(t->norm, MONTHS3);
	if (m == 13)
		return 9;
	return m;
}

/* A month name inside a joined token: "30-aug" -> 8 */
static int month_of_str(const char *w)
{
	int m = in_list(w, MONTHS);
	if (m)
		return m;
	m = in_list(w, MONTHS3);
	return m == 13 ? 9 : m;
}

static int small_int(const at_tok *t, int lo, int hi)
{
	if (t->type != AT_TOK_NUM)
		return -1;
	const char *p = t->norm;
	int v = 0, k = 0;
	while (*p >= '0' && *p <= '9' && k < 5) {
		v = v * 10 + (*p - '0');
		p++;
		k++;
	}
	/* ordinal suffixes: 6th, 1st, 2nd, 23rd */
	if (*p && strcmp(p, "th") && strcmp(p, "st") && strcmp(p, "nd") && strcmp(p, "rd"))
		return -1;
	return (k && v >= lo && v <= hi) ? v : -1;
}

static int year_tok(const at_tok *t)
{
	if (t->type != AT_TOK_NUM || t->nlen != 4)
		return -1;
	int v = (int)strtol(t->norm, NULL, 10);
	return (v >= 1900 && v <= 2100) ? v : -1;
}

/* skip a "." that follows an abbreviated month */
static uint32_t skip_dot(const docx *d, uint32_t j, uint32_t end)
{
	if (j < end && eq(&d->toks[j], ".") && !(d->toks[j].flags & AT_TF_SPACE))
		return j + 1;
	return j;
}

/*
 * Does the number at tokens [i, j) count people whose noun is left out?
 *   - after "and" or a comma, before to/in/into and a place or a date: "100
 *     troops to Estonia and 50 to Poland", "200 in April and a further 300
 *     in September";
 *   - right after a verb of giving or moving, at the clause's end: "Kampala
 *     will contribute 4,500 soldiers, while Burundi committed some 3,000."
 */
static int gapped_count(const docx *d, const sent_info *si, uint32_t i, uint32_t j, uint32_t end)
{
	uint32_t g = i;
	if (g > si->t0 + 1 && (eq(&d->toks[g - 1], "further") || eq(&d->toks[g - 1], "another") ||
			       eq(&d->toks[g - 1], "additional")))
		g -= eq(&d->toks[g - 2], "a") || eq(&d->toks[g - 2], "an") ? 2 : 1;
	if (g > si->t0 && (eq(&d->toks[g - 1], "and") || eq(&d->toks[g - 1], ",")) && j + 1 < end &&
	    (eq(&d->toks[j], "to") || eq(&d->toks[j], "in") || eq(&d->toks[j], "into")) &&
	    (d->actor_at[j + 1] >= 0 || eq(&d->toks[j + 1], "the") ||
	     (eq(&d->toks[j], "in") &&
	      (month_of(&d->toks[j + 1]) || year_tok(&d->toks[j + 1]) > 0))))
		return 1;
	uint32_t vb = i;
	while (vb > si->t0 && i - vb < 2 &&
	       (eq(&d->toks[vb - 1], "some") || eq(&d->toks[vb - 1], "about") ||
		eq(&d->toks[vb - 1], "around") || eq(&d->toks[vb - 1], "nearly") ||
		eq(&d->toks[vb - 1], "another")))
		vb--;
	return vb > si->t0 && (d->trig[vb - 1] & (TR_GIVE | TR_DEPLOY)) &&
	       (j >= end || d->toks[j].type == AT_TOK_PUNCT);
}

/*
 * A date expression starting at token i. Fills *dm and returns the number of
 * tokens it covers, or 0.
 */
static uint32_t parse_date(const docx *d, uint32_t i, uint32_t end, date_m *dm)
{
	const at_tok *t = &d->toks[i];
	memset(dm, 0, sizeof(*dm));
	dm->t0 = i;
	uint32_t j;
	int m = month_of(t);
	/* ISO 2021-09-11 */
	if (t->type == AT_TOK_NUM && t->nlen == 10 && t->norm[4] == '-' && t->norm[7] == '-') {
		at_date x;
		if (at_date_parse(&x, t->norm) == 0) {
			dm->kind = DS_ABS;
			dm->a = dm->b = x;
			return 1;
		}
	}
	if (m) {
		/* "Aug. 10", but not the full stop of "in August." */
		j = strcmp(t->norm, MONTHS[m - 1]) ? skip_dot(d, i + 1, end) : i + 1;
		dm->kind = DS_ABS;
		dm->a.m = dm->b.m = m;
		if (j < end && d->toks[j].type == AT_TOK_NUM) {
			const at_tok *dt = &d->toks[j];
			int day = small_int(dt, 1, 31);
			if (day > 0) {
				dm->a.d = dm->b.d = day;
				j++;
			} else {
				/* "5-10" or "30-aug" (cross-month range) */
				int d1 = (int)strtol(dt->norm, NULL, 10);
				const char *h = strchr(dt->norm, '-');
				if (d1 >= 1 && d1 <= 31 && h) {
					int d2 = (int)strtol(h + 1, NULL, 10);
					int m2 = month_of_str(h + 1);
					if (d2 >= 1 && d2 <= 31 && h[1] >= '0' && h[1] <= '9') {
						dm->a.d = d1;
						dm->b.d = d2;
						j++;
					} else if (m2) {
						uint32_t k = skip_dot(d, j + 1, end);
						int d3 = k < end ? small_int(&d->toks[k], 1, 31) : -1;
						if (d3 > 0) {
							dm->a.d = d1;
							dm->b.m = m2;
							dm->b.d = d3;
							j = k + 1;
						}
					} else if (year_tok(dt) > 0) {
						/* handled below */
					}
				}
			}
			/* a range to another month: "July 30 - Aug. 10" */
			if (dm->a.d && j + 1 < end && eq(&d->toks[j], "-")) {
				int m2 = month_of(&d->toks[j + 1]);
				if (m2) {
					uint32_t k = skip_dot(d, j + 2, end);
					int d3 = k < end ? small_int(&d->toks[k], 1, 31) : -1;
					if (d3 > 0) {
						dm->b.m = m2;
						dm->b.d = d3;
						j = k + 1;
					}
				}
			}
			if (j < end && eq(&d->toks[j], ","))
				j++;
			if (j < end && year_tok(&d->toks[j]) > 0) {
				dm->a.y = dm->b.y = year_tok(&d->toks[j]);
				j++;
			} else if (d->toks[j - 1].norm[0] == ',') {
				j--;
			}
			if (!dm->a.d && !dm->a.y)
				return 0;
			return j - i;
		}
		if (j < end && year_tok(&d->toks[j]) > 0) {
			dm->a.y = dm->b.y = year_tok(&d->toks[j]);
			return j + 1 - i;
		}
		/* "between February and April", "from March to May": a
		 * range of months in one year */
		if (i > 0 && (eq(&d->toks[i - 1], "between") || eq(&d->toks[i - 1], "from")) &&
		    j + 1 < end &&
		    (eq(&d->toks[j], "and") || eq(&d->toks[j], "to") || eq(&d->toks[j], "-"))) {
			int m2 = month_of(&d->toks[j + 1]);
			if (m2 > m) {
				dm->b.m = m2;
				j = skip_dot(d, j + 2, end);
				if (j < end && year_tok(&d->toks[j]) > 0) {
					dm->a.y = dm->b.y = year_tok(&d->toks[j]);
					j++;
				}
				return j - i;
			}
		}
		/* bare month: only after "in"/"since"/"late"/"early"... */
		if (i > 0 && (eq(&d->toks[i - 1], "in") || eq(&d->toks[i - 1], "since") ||
			      /* "planned for December", "scheduled for March" */
			      (eq(&d->toks[i - 1], "for") && i > 1 &&
			       (!strncmp(d->toks[i - 2].norm, "plan", 4) ||
				!strncmp(d->toks[i - 2].norm, "schedul", 7) ||
				eq(&d->toks[i - 2], "set") || eq(&d->toks[i - 2], "slated"))) ||
			      eq(&d->toks[i - 1], "late") || eq(&d->toks[i - 1], "early") ||
			      eq(&d->toks[i - 1], "mid") || eq(&d->toks[i - 1], "until") ||
			      eq(&d->toks[i - 1], "by") || eq(&d->toks[i - 1], "last") ||
			      eq(&d->toks[i - 1], "next") || eq(&d->toks[i - 1], "this")))
			return j - i;
		return 0;
	}
	/* "6 September [2020]" */
	int day = small_int(t, 1, 31);
	if (day > 0 && i + 1 < end) {
		int m2 = month_of(&d->toks[i + 1]);
		if (m2) {
			dm->kind = DS_ABS;
			dm->a.m = dm->b.m = m2;
			dm->a.d = dm->b.d = day;
			j = skip_dot(d, i + 2, end);
			if (j < end && year_tok(&d->toks[j]) > 0) {
				dm->a.y = dm->b.y = year_tok(&d->toks[j]);
				j++;
			}
			return j - i;
		}
	}
	/* years: "in 2013", "since 1992", "the 1950-53 war" */
	int y = year_tok(t);
	if (y > 0 && i > 0) {
		static const char *const YP[] = {"in", "since", "until", "till", "by", "of",
						 "during", "from", "early", "late", "mid",
						 "before", "after", "through", "throughout", NULL};
		if (in_list(d->toks[i - 1].norm, YP)) {
			dm->kind = DS_ABS;
			dm->a.y = dm->b.y = y;
			if (eq(&d->toks[i - 1], "by")) {
				dm->qual = 'b'; /* "by 2027": a deadline */
				dm->t0 = i - 1;
			}
			return 1;
		}
		/* "in 2012 and 2014", "in 2016, 2018 and 2020": a year listed after
		 * another */
		if (i > 1 && (eq(&d->toks[i - 1], "and") || eq(&d->toks[i - 1], ",") ||
			      eq(&d->toks[i - 1], "or")) &&
		    year_tok(&d->toks[i - 2]) > 0) {
			dm->kind = DS_ABS;
			dm->a.y = dm->b.y = y;
			return 1;
		}
	}
	if (t->type == AT_TOK_NUM && t->nlen == 7 && t->norm[4] == '-') {
		int y1 = (int)strtol(t->norm, NULL, 10), y2 = (int)strtol(t->norm + 5, NULL, 10);
		if (y1 >= 1900 && y1 <= 2100 && y2 >= 0 && y2 <= 99) {
			dm->kind = DS_ABS;
			dm->a.y = y1;
			dm->b.y = (y1 / 100) * 100 + y2;
			if (dm->b.y < y1)
				dm->b.y += 100;
			return 1;
		}
	}
	/* seasons: "the summer of 2014" */
	static const char *const SEASONS[] = {"spring", "summer", "autumn", "fall", "winter",
					      NULL};
	int se = in_list(t->norm, SEASONS);
	if (se && i + 2 < end && eq(&d->toks[i + 1], "of") && year_tok(&d->toks[i + 2]) > 0) {
		static const int SM[] = {3, 6, 9, 9, 12};
		dm->kind = DS_ABS;
		dm->a.y = dm->b.y = year_tok(&d->toks[i + 2]);
		dm->a.m = SM[se - 1];
		dm->b.m = SM[se - 1] + 2;
		if (dm->b.m > 12) {
			dm->b.m -= 12;
			dm->b.y++;
		}
		return 3;
	}
	/* weekdays, with an optional last/next/this before */
	int wd = in_list(t->norm, WEEKDAYS);
	if (wd) {
		dm->kind = DS_WEEKDAY;
		dm->weekday = wd - 1;
		if (i > 0 && eq(&d->toks[i - 1], "last"))
			dm->off = -1, dm->t0 = i - 1;
		else if (i > 0 && eq(&d->toks[i - 1], "next"))
			dm->off = 1, dm->t0 = i - 1;
		else
			dm->off = 0;
		return 1;
	}
	if (eq(t, "yesterday") || eq(t, "today") || eq(t, "tomorrow") || eq(t, "tonight")) {
		dm->kind = DS_REL;
		dm->unit = 'd';
		dm->off = eq(t, "yesterday") ? -1 : eq(t, "tomorrow") ? 1 : 0;
		return 1;
	}
	/* last/next/this/past week|month|year; earlier/later this X */
	static const char *const UNITW[] = {"week", "month", "year", NULL};
	if ((eq(t, "last") || eq(t, "next") || eq(t, "this") || eq(t, "past")) && i + 1 < end) {
		int u = in_list(d->toks[i + 1].norm, UNITW);
		if (u) {
			dm->kind = DS_REL;
			dm->unit = "wmy"[u - 1];
			dm->off = eq(t, "next") ? 1 : eq(t, "this") ? 0 : -1;
			if (i > 0 && (eq(&d->toks[i - 1], "earlier") || eq(&d->toks[i - 1], "later")))
				dm->t0 = i - 1;
			return 2;
		}
	}
	/* "the end of the year", "end of this month", "end of next year" */
	if (eq(t, "end") && i + 2 < end && eq(&d->toks[i + 1], "of")) {
		uint32_t k = i + 2;
		int off = 0;
		if (eq(&d->toks[k], "the") || eq(&d->toks[k], "this"))
			k++;
		else if (eq(&d->toks[k], "next"))
			k++, off = 1;
		if (k < end) {
			int u = in_list(d->toks[k].norm, UNITW);
			if (u >= 2) {
				dm->kind = DS_ENDOF;
				dm->unit = "wmy"[u - 1];
				dm->off = (int8_t)off;
				if (i > 1 && eq(&d->toks[i - 1], "the") && eq(&d->toks[i - 2], "by"))
					dm->t0 = i - 2;
				return k + 1 - i;
			}
			int yy = year_tok(&d->toks[k]);
			if (yy > 0) {
				dm->kind = DS_ABS;
				dm->a.y = dm->b.y = yy;
				dm->a.m = 10;
				dm->b.m = 12;
				/* "by the end of 2027": a deadline, from the report on */
				if (i > 1 && eq(&d->toks[i - 1], "the") && eq(&d->toks[i - 2], "by")) {
					dm->t0 = i - 2;
					dm->qual = 'b';
				}
				return k + 1 - i;
			}
		}
	}
	/* "in the coming days/weeks/months" */
	if (eq(t, "coming") && i + 1 < end) {
		static const char *const CU[] = {"days", "weeks", "months", NULL};
		int u = in_list(d->toks[i + 1].norm, CU);
		if (u) {
			dm->kind = DS_COMING;
			dm->unit = "dwm"[u - 1];
			return 2;
		}
	}
	/* "two weeks ago" */
	double v;
	uint32_t used;
	int fl;
	if (parse_number(d, i, end, &v, &used, &fl) && !(fl & (NUM_MAG | NUM_RANGE)) &&
	    v >= 1 && v < 1000 && i + used + 1 < end && eq(&d->toks[i + used + 1], "ago")) {
		static const char *const AU[] = {"day", "days", "week", "weeks", "month",
						 "months", "year", "years", NULL};
		int u = in_list(d->toks[i + used].norm, AU);
		if (u) {
			dm->kind = DS_AGO;
			dm->unit = "ddwwmmyy"[u - 1];
			dm->n = (int)v;
			return used + 2;
		}
	}
	return 0;
}

static void add_days(at_date *x, int64_t n)
{
	int64_t z = at_days_from_civil(x->y, x->m, x->d) + n;
	at_civil_from_days(z, &x->y, &x->m, &x->d);
}

static int64_t days_of(const at_date *x) { return at_days_from_civil(x->y, x->m, x->d); }

void at_extract__resolve_date(const docx *d, const date_m *dm, int future, at_date *a,
			      at_date *b, int *ok)
{
	const at_date *p = &d->pub;
	int full = p->y && p->m && p->d;
	*ok = 0;
	memset(a, 0, sizeof(*a));
	memset(b, 0, sizeof(*b));
	switch (dm->kind) {
	case DS_ABS: {
		*a = dm->a;
		*b = dm->b;
		if (!b->y)
			b->y = a->y;
		if (!a->y) {
			if (!p->y)
				return;
			a->y = p->y;
			b->y = p->y + (b->m && a->m && b->m < a->m);
			/* a report known to the month (its address's "/2003/07/")
			 * is taken at mid-month */
			at_date pm = *p;
			if (pm.m && !pm.d)
				pm.d = 15;
			if (pm.m && a->m) {
				at_date t = *a;
				if (!t.d)
					t.d = 1;
				int64_t diff = days_of(&t) - days_of(&pm);
				if (!future && diff > 14) {
					a->y--;
					b->y--;
				} else if (future && diff < -45) {
					a->y++;
					b->y++;
				}
			}
		}
		if (a->d && a->d > at_days_in_month(a->y, a->m))
			return;
		if (b->d && b->d > at_days_in_month(b->y, b->m))
			return;
		if (dm->qual == 'b' && full) {
			*a = *p;
			b->m = 12;
			b->d = 31;
		}
		*ok = 1;
		return;
	}
	case DS_WEEKDAY: {
		if (!full)
			return;
		int w = at_weekday(p->y, p->m, p->d);
		*a = *p;
		int delta;
		if (dm->off > 0 || (dm->off == 0 && future)) {
			delta = (dm->weekday - w + 7) % 7;
			if (delta == 0)
				delta = 7;
		} else {
			delta = -((w - dm->weekday + 7) % 7);
			if (dm->off < 0 && delta == 0)
				delta = -7;
		}
		add_days(a, delta);
		*b = *a;
		*ok = 1;
		return;
	}
	case DS_REL:
	case DS_AGO: {
		int off = dm->kind == DS_AGO ? -dm->n : dm->off;
		if (dm->unit == 'd') {
			if (!full)
				return;
			*a = *p;
			add_days(a, off);
			*b = *a;
		} else if (dm->unit == 'w') {
			if (!full)
				return;
			*a = *p;
			int w = at_weekday(p->y, p->m, p->d);
			add_days(a, -w + 7 * off);
			*b = *a;
			add_days(b, 6);
			if (dm->kind == DS_AGO) {
				*a = *p;
				add_days(a, 7 * off);
				*b = *a;
			}
		} else if (dm->unit == 'm') {
			if (!p->m)
				return;
			int mm = p->m - 1 + off, yy = p->y;
			while (mm < 0)
				mm += 12, yy--;
			while (mm > 11)
				mm -= 12, yy++;
			a->y = b->y = yy;
			a->m = b->m = mm + 1;
		} else {
			if (!p->y)
				return;
			a->y = b->y = p->y + off;
		}
		*ok = 1;
		return;
	}
	case DS_ENDOF:
		if (!full)
			return;
		*a = *p;
		if (dm->unit == 'y') {
			b->y = p->y + dm->off;
			b->m = 12;
			b->d = 31;
		} else {
			b->y = p->y;
			b->m = p->m;
			b->d = at_days_in_month(p->y, p->m);
		}
		*ok = 1;
		return;
	case DS_COMING:
		if (!full)
			return;
		*a = *b = *p;
		add_days(b, dm->unit == 'd' ? 7 : dm->unit == 'w' ? 30 : 180);
		*ok = 1;
		return;
	}
}

/* ---- lexicon pass ---------------------------------------------------------- */

static int role_kind_of(const at_ctx *ctx, const lx_entry *e)
{
	const char *k = ctx->keys[e->key].code;
	if (strcmp(k, "forces") == 0)
		return 1;
	if (strcmp(k, "minister") == 0)
		return 2;
	if (strcmp(k, "body") == 0)
		return 3;
	return 4;
}

static int trigger_bit(const char *code)
{
	static const char *const T[] = {"give", "receive", "equip", "fund", "train", "build",
					"help", "deploy", "aid_n", "exercise_n", "move", "deploy_n", NULL};
	int k = in_list(code, T);
	return k ? 1 << (k - 1) : 0;
}

static int cue_bit(const char *code)
{
	static const char *const C[] = {"neg", "hypo", "intent", "committed", "underway",
					"completed", "report", "military", "people", "units",
					"facility", "loc_prep", "place_noun", "vague_time", "sale",
					"agent", "dateword", "numword", "exverb", NULL};
	int k = in_list(code, C);
	return k ? 1 << (k - 1) : 0;
}

static int is_actor_class(int c) { return c == LX_STATE || c == LX_ORG || c == LX_GROUP; }

/* Does part w (length l) with the next token name an actor ("Sri" +
 * "Lankan" in "Indian-Sri Lankan")? Returns the key or LX_NONE. */
static uint32_t split_actor(const at_ctx *ctx, const char *w, size_t l, const at_tok *next)
{
	if (!next || l >= 64 || next->nlen >= 64)
		return LX_NONE;
	/* a two-token phrase made of copies: offsets point into `text`, so a
	 * case-sensitive entry compares against these bytes, not the document */
	char text[130];
	memcpy(text, w, l);
	text[l] = ' ';
	memcpy(text + l + 1, next->norm, next->nlen);
	text[l + 1 + next->nlen] = '\0';
	at_tok ft[2];
	memset(ft, 0, sizeof(ft));
	ft[0].norm = text;
	ft[0].nlen = (uint16_t)l;
	ft[0].end = (uint32_t)l;
	ft[1].norm = next->norm;
	ft[1].nlen = next->nlen;
	ft[1].start = (uint32_t)(l + 1);
	ft[1].end = (uint32_t)(l + 1 + next->nlen);
	ft[1].flags = AT_TF_SPACE;
	char part[64];
	memcpy(part, w, l);
	part[l] = '\0';
	ft[0].norm = part;
	lx_hit h[8];
	size_t nh = lx_match(ctx, text, ft, 0, 2, h, 8);
	for (size_t k = 0; k < nh; k++)
		if (h[k].ntok == 2 && is_actor_class(h[k].e->cls) && !(h[k].e->flags & LX_CASE))
			return h[k].e->key;
	return LX_NONE;
}

/* Is every part of a hyphenated word an actor or a known participle? */
static int compound_ok(const at_ctx *ctx, const char *doc, const at_tok *t, const at_tok *next)
{
	static const char *const SUFFIX[] = {"led", "backed", "funded", "financed", "built",
					     "made", "based", "owned", "supplied", "donated",
					     "sponsored", "trained", "brokered", "run", NULL};
	const char *w = t->norm;
	const char *o = doc + t->start; /* case-sensitive names: "China-Japan" */
	int actors = 0;
	while (*w) {
		size_t l = strcspn(w, "-");
		lx_hit h[8];
		size_t nh = lx_word(ctx, w, l, o, h, 8);
		int ok = 0;
		for (size_t k = 0; k < nh; k++)
			if (is_actor_class(h[k].e->cls))
				ok = 1, actors++;
		if (!ok) {
			int suf = 0;
			for (int k = 0; SUFFIX[k]; k++)
				if (strlen(SUFFIX[k]) == l && !strncmp(SUFFIX[k], w, l))
					suf = 1;
			if (!suf && !(w[l] == '\0' && split_actor(ctx, w, l, next) != LX_NONE))
				return 0;
		}
		w += l;
		o += l;
		if (*w == '-') {
			w++;
			o++;
		}
	}
	return actors > 0;
}

/* Is the unit name in [t0, t1) said without a state of its own: no name,
 * possessive or capitalised word before it ("South Korea's 3rd Infantry
 * Division", "the Bolivarian National Guard"), no "of" after it? */
static int unit_alone(const docx *d, const sent_info *si, uint32_t t0, uint32_t t1, uint32_t end)
{
	uint32_t b = t0;
	if (b > si->t0 && (eq(&d->toks[b - 1], "'s") || eq(&d->toks[b - 1], "’s")))
		b--;
	if (b > si->t0 && d->actor_at[b - 1] >= 0)
		return 0;
	if (b > si->t0 + 1 && (d->toks[b - 1].flags & AT_TF_CAP) && !eq(&d->toks[b - 1], "the"))
		return 0;
	return !(t1 < end && eq(&d->toks[t1], "of"));
}

static int add_actor(docx *d, sent_info *si, uint32_t *cap, uint32_t t0, uint32_t t1,
		     uint32_t key, int form)
{
	actor_m *am;
	PUSH(d->a, si->actors, si->nactors, *cap, am);
	am->t0 = t0;
	am->t1 = t1;
	am->key = key;
	if (form == LF_ADJ)
		am->flags |= AF_ADJ;
	if (form == LF_CAPITAL)
		am->flags |= AF_CAPITAL;
	for (uint32_t k = t0; k < t1; k++)
		d->actor_at[k] = (int16_t)(si->nactors - 1);
	return 0;
}

/* ---- currencies -------------------------------------------------------------- */

typedef struct cur_m {
	uint32_t t0, t1;
	uint32_t key;
	uint8_t form;
} cur_m;

/* The rupee of the country the article is about: Rs -> INR, NPR, PKR, LKR:
 * the nearest rupee country named before the amount in its sentence (the
 * one paying), else the one the document names most. */
static uint32_t rupee_for(const docx *d, const sent_info *si, uint32_t at, uint32_t key)
{
	static const char *const R[][2] = {{"NPL", "NPR"}, {"PAK", "PKR"}, {"LKA", "LKR"},
					   {"IND", "INR"}, {"MUS", "MUR"}, {"SYC", "SCR"}};
	if (strcmp(d->ctx->keys[key].code, "INR") != 0)
		return key;
	for (uint32_t a = si->nactors; a-- > 0;) {
		if (si->actors[a].t1 > at)
			continue;
		const char *code = d->ctx->keys[si->actors[a].key].code;
		for (int r = 0; r < 6; r++)
			if (!strcmp(code, R[r][0])) {
				uint32_t ck = lx_key_find(d->ctx, LX_CURRENCY, R[r][1]);
				return ck == LX_NONE ? key : ck;
			}
	}
	int best = -1, bestn = 0;
	for (int r = 0; r < 6; r++) {
		uint32_t sk = lx_key_find(d->ctx, LX_STATE, R[r][0]);
		int n = 0;
		for (size_t s = 0; s < d->nsents; s++)
			for (uint32_t a = 0; a < d->sents[s].nactors; a++)
				n += d->sents[s].actors[a].key == sk;
		if (n > bestn) {
			bestn = n;
			best = r;
		}
	}
	if (best < 0)
		return key;
	uint32_t ck = lx_key_find(d->ctx, LX_CURRENCY, R[best][1]);
	return ck == LX_NONE ? key : ck;
}

int at_extract__mentions(docx *d, sent_info *si)
{
	const at_ctx *ctx = d->ctx;
	uint32_t end = si->t1;
	uint32_t acap = 0, icap = 0, mcap = 0, dcap = 0, pcap = 0;
	cur_m curs[32];
	int ncur = 0;
	lx_hit hits[16];
	/* 1. lexicon phrases */
	for (uint32_t i = si->t0; i < end; i++) {
		d->actor_at[i] = -1;
		d->claimed[i] = 0;
	}
	for (uint32_t i = si->t0; i < end; i++) {
		const at_tok *t = &d->toks[i];
		if (t->type == AT_TOK_PUNCT && t->norm[0] != '$' && (unsigned char)t->norm[0] < 0x80)
			continue;
		size_t nh = lx_match(ctx, d->s, d->toks, i, end, hits, 16);
		int span_done = d->claimed[i];
		for (size_t h = 0; h < nh; h++) {
			const lx_entry *e = hits[h].e;
			uint32_t n = hits[h].ntok;
			switch (e->cls) {
			case LX_TRIGGER: {
				int bit = trigger_bit(ctx->keys[e->key].code);
				if (!(d->trig[i] & bit) || n > d->trig_len[i]) {
					d->trig[i] |= (uint16_t)bit;
					if (bit & (TR_VERBS | TR_MOVES))
						d->trig_form[i] = e->form;
					if (n > d->trig_len[i])
						d->trig_len[i] = (uint8_t)n;
				}
				break;
			}
			case LX_CUE: {
				int bit = cue_bit(ctx->keys[e->key].code);
				d->cue_start[i] |= (uint32_t)bit;
				if (n > d->cue_len[i])
					d->cue_len[i] = (uint8_t)n;
				for (uint32_t k = i; k < i + n; k++)
					d->cue[k] |= (uint32_t)bit;
				break;
			}
			case LX_ROLE:
				for (uint32_t k = i; k < i + n; k++)
					if (!d->role[k])
						d->role[k] = (uint8_t)role_kind_of(ctx, e);
				break;
			default:
				if (span_done)
					break;
				/* a unit characteristic of a state ("the Royal Navy
				 * sent", "Navy SEALs arrived") stands for it unless
				 * a state is named with it ("Russia's Northern
				 * Fleet", "the Bolivarian National Guard", "the
				 * National Guard of Ukraine"): frames_deploy.c
				 * reads those */
				if (e->form == LF_UNIT) {
					/* armed forces by name: "the 10th Mountain
					 * Division arrived" */
					for (uint32_t k = i; k < i + n; k++)
						d->cue[k] |= CU_MILITARY | CU_UNITS;
					if (!unit_alone(d, si, i, i + n, end))
						break;
				}
				if (is_actor_class(e->cls)) {
					if (add_actor(d, si, &acap, i, i + n, e->key, e->form))
						return AT_ENOMEM;
				} else if (e->cls == LX_ITEM) {
					item_m *im;
					PUSH(d->a, si->items, si->nitems, icap, im);
					im->t0 = i;
					im->t1 = i + n;
					im->cat = (uint8_t)item_cat(ctx->keys[e->key].code);
					im->qty = -1;
					im->model = e->form == LF_MODEL;
				} else if (e->cls == LX_CURRENCY && ncur < 32) {
					curs[ncur].t0 = i;
					curs[ncur].t1 = i + n;
					curs[ncur].key = e->key;
					curs[ncur].form = e->form;
					ncur++;
				}
				span_done = 1;
				for (uint32_t k = i; k < i + n; k++)
					d->claimed[k] = e->cls == LX_ITEM ? 3 :
							e->cls == LX_CURRENCY ? 4 : 1;
				break;
			}
		}
		/* acronyms the article defined */
		if (!span_done && (t->flags & AT_TF_ALLCAP)) {
			for (int k = 0; k < d->nalias; k++)
				if (strcmp(d->alias_text[k], t->norm) == 0) {
					if (add_actor(d, si, &acap, i, i + 1, d->alias_key[k], LF_ALIAS))
						return AT_ENOMEM;
					si->actors[si->nactors - 1].role_kind = d->alias_role[k];
					d->claimed[i] = 1;
					span_done = 1;
					break;
				}
		}
		/* parts of compounds: "Russian-Uzbek", "UAE-funded", "Moscow-led";
		 * not "Iran-contra", whose other part is neither an actor nor a
		 * participle of a kind we know */
		const at_tok *next = i + 1 < end ? &d->toks[i + 1] : NULL;
		if (!span_done && (t->flags & AT_TF_HYPHEN) && t->type == AT_TOK_WORD &&
		    compound_ok(ctx, d->s, t, next)) {
			const char *w = t->norm;
			const char *o = d->s + t->start;
			int first = 1;
			while (*w) {
				size_t l = strcspn(w, "-");
				size_t nh2 = lx_word(ctx, w, l, o, hits, 16);
				if (w[l] == '\0' && next) {
					uint32_t k2 = split_actor(ctx, w, l, next);
					if (k2 != LX_NONE) {
						/* "Indian-Sri Lankan": the last part and
						 * the next word are one actor */
						if (add_actor(d, si, &acap, i, i + 2, k2, LF_ADJ))
							return AT_ENOMEM;
						si->actors[si->nactors - 1].flags |= AF_COMPOUND;
						d->claimed[i + 1] = 1;
						nh2 = 0;
					}
				}
				for (size_t h = 0; h < nh2; h++) {
					const lx_entry *e = hits[h].e;
					if (is_actor_class(e->cls) && e->form != LF_UNIT) {
						if (add_actor(d, si, &acap, i, i + 1, e->key, LF_ADJ))
							return AT_ENOMEM;
						si->actors[si->nactors - 1].flags |= AF_COMPOUND;
						/* "Turkish-backed forces" are the backer's
						 * proxies, not its own */
						size_t nl = strlen(t->norm);
						/* nor is the maker of "German-made
						 * systems" the one who moves or gives them */
						if ((nl > 7 && !strcmp(t->norm + nl - 7, "-backed")) ||
						    (nl > 10 && !strcmp(t->norm + nl - 10, "-supported")) ||
						    (nl > 8 && !strcmp(t->norm + nl - 8, "-aligned")) ||
						    (nl > 5 && !strcmp(t->norm + nl - 5, "-made")) ||
						    (nl > 6 && !strcmp(t->norm + nl - 6, "-built")) ||
						    (nl > 9 && !strcmp(t->norm + nl - 9, "-produced")) ||
						    (nl > 13 && !strcmp(t->norm + nl - 13, "-manufactured")))
							si->actors[si->nactors - 1].flags |= AF_WEAK;
						break;
					}
					if (e->cls == LX_TRIGGER && !first &&
					    trigger_bit(ctx->keys[e->key].code) == TR_FUND) {
						d->trig[i] |= (uint16_t)trigger_bit(ctx->keys[e->key].code);
						d->trig_form[i] = LF_PASTPART;
						d->trig_len[i] = 1;
					}
				}
				w += l;
				o += l;
				if (*w == '-') {
					w++;
					o++;
				}
				first = 0;
			}
		}
	}
	/* a sentence without any trigger opens no frame: unless its dates may
	 * date the document, numbers and dates are not needed */
	int any = ncur > 0; /* an amount may be the value of the act before */
	for (uint32_t i = si->t0; i < end && !any; i++)
		any = d->trig[i] != 0;
	if (!any && !si->want_dates)
		return 0;
	for (uint32_t i = si->t0; i < end; i++)
		if (d->claimed[i] == 1 && d->actor_at[i] >= 0) {
			d->cue[i] &= ~(uint32_t)(CU_REPORT | CU_NEG | CU_HYPO | CU_INTENT |
						 CU_COMMITTED | CU_UNDERWAY | CU_COMPLETED);
			d->cue_start[i] &= ~(uint32_t)(CU_REPORT | CU_NEG | CU_HYPO | CU_INTENT |
						       CU_COMMITTED | CU_UNDERWAY |
						       CU_COMPLETED);
		}
	/* "with around 16,000 personnel": "around" a number is no place */
	for (uint32_t i = si->t0; i + 1 < end; i++)
		if ((d->cue_start[i] & CU_LOCPREP) && d->toks[i + 1].type == AT_TOK_NUM &&
		    (eq(&d->toks[i], "around") || eq(&d->toks[i], "about"))) {
			d->cue[i] &= ~(uint32_t)CU_LOCPREP;
			d->cue_start[i] &= ~(uint32_t)CU_LOCPREP;
		}
	/* 2. numbers, money, dates, counts of people, item quantities */
	for (uint32_t i = si->t0; i < end; i++) {
		if (d->claimed[i] == 2)
			continue;
		/* "from October 20 to November 2": the second date closes a range */
		if (si->ndates && i >= 1 && (eq(&d->toks[i - 1], "to") || eq(&d->toks[i - 1], "until") ||
					     eq(&d->toks[i - 1], "through") || eq(&d->toks[i - 1], "till"))) {
			date_m *prev = &si->dates[si->ndates - 1];
			date_m nx;
			uint32_t nn = (d->toks[i].type == AT_TOK_NUM || (d->cue_start[i] & CU_DATEW))
					      ? parse_date(d, i, end, &nx) : 0;
			if (nn && prev->t1 + 1 == i && prev->kind == DS_ABS && nx.kind == DS_ABS &&
			    prev->t0 >= 1 && eq(&d->toks[prev->t0 - 1], "from")) {
				prev->b = nx.b;
				if (!prev->b.y)
					prev->b.y = prev->a.y;
				prev->t1 = i + nn;
				for (uint32_t k = i; k < i + nn; k++)
					d->claimed[k] = 2;
				i += nn - 1;
				continue;
			}
		}
		/* only numbers and the words listed as date words start a date
		 * (and number words before "ago": "three days ago") */
		if (d->toks[i].type != AT_TOK_NUM && !(d->cue_start[i] & CU_DATEW) &&
		    !((d->cue_start[i] & CU_NUMW) && i + 2 < end && eq(&d->toks[i + 2], "ago")))
			continue;
		date_m dm;
		uint32_t dn = parse_date(d, i, end, &dm);
		if (dn) {
			date_m *out;
			dm.t1 = i + dn;
			PUSH(d->a, si->dates, si->ndates, dcap, out);
			*out = dm;
			for (uint32_t k = i; k < i + dn; k++) {
				d->claimed[k] = 2;
				/* "May 20" is a date, not the modal "may" */
				d->cue[k] &= ~(uint32_t)(CU_INTENT | CU_COMMITTED | CU_HYPO);
				d->cue_start[k] &= ~(uint32_t)(CU_INTENT | CU_COMMITTED | CU_HYPO);
			}
			i += dn - 1;
			continue;
		}
	}
	for (uint32_t i = si->t0; i < end; i++) {
		/* dates, money, and numbers inside names ("Leopard 2") are taken */
		if (d->claimed[i] == 2 || d->claimed[i] == 1 || d->claimed[i] == 3)
			continue;
		double v;
		uint32_t used;
		int fl;
		int cur_before = -1;
		for (int c = 0; c < ncur; c++)
			if (curs[c].t1 == i && curs[c].form != LF_NAME)
				cur_before = c;
		if (d->toks[i].type != AT_TOK_NUM && !(d->cue_start[i] & CU_NUMW) &&
		    !(d->toks[i].flags & AT_TF_HYPHEN))
			continue;
		if (!parse_number(d, i, end, &v, &used, &fl))
			continue;
		if (fl & (NUM_MEASURE))
			continue;
		/* "Dornier 228", "Type 054": a number after a name is its model
		 * (not the first word after a dateline: "KABUL - Around 200") */
		if (d->toks[i].type == AT_TOK_NUM && i > si->t0 + 1 &&
		    !(eq(&d->toks[i - 2], "-") || eq(&d->toks[i - 2], "—") ||
		      eq(&d->toks[i - 2], "–") || eq(&d->toks[i - 2], ":")) &&
		    d->toks[i - 1].type == AT_TOK_WORD && (d->toks[i - 1].flags & AT_TF_CAP) &&
		    d->actor_at[i - 1] < 0 && !(d->cue_start[i - 1] & (CU_DATEW | CU_NUMW)) &&
		    !(d->toks[i].flags & AT_TF_HYPHEN) && !(fl & NUM_MAG))
			continue;
		uint32_t j = i + used;
		/* money: "$1.2 billion", "70 billion rubles", "Rs. 1.42 billion" */
		int cur_after = -1;
		for (int c = 0; c < ncur; c++)
			if (curs[c].t0 == j && (curs[c].form == LF_NAME || curs[c].form == LF_CODE))
				cur_after = c;
		/* "$3B" / "€50m": magnitude glued to the number */
		if ((cur_before >= 0 || cur_after >= 0) && !(fl & NUM_RANGE)) {
			money_m *mm;
			PUSH(d->a, si->money, si->nmoney, mcap, mm);
			int c = cur_before >= 0 ? cur_before : cur_after;
			uint32_t key = rupee_for(d, si, i, curs[c].key);
			mm->t0 = cur_before >= 0 ? curs[c].t0 : i;
			mm->t1 = cur_after >= 0 ? curs[c].t1 : j;
			mm->amount = v;
			mm->usd = -1;
			/* "$340 million Canadian", "$268 million U.S." */
			if (cur_before >= 0 && strcmp(ctx->keys[key].code, "USD") == 0 && j < end &&
			    d->actor_at[j] >= 0) {
				const actor_m *am = &si->actors[d->actor_at[j]];
				char name[96];
				const char *adj = d->toks[j].norm;
				snprintf(name, sizeof(name), "%s dollars", adj);
				at_tok ft[2];
				memset(ft, 0, sizeof(ft));
				ft[0].norm = adj;
				ft[0].nlen = (uint16_t)strlen(adj);
				ft[1].norm = "dollars";
				ft[1].nlen = 7;
				lx_hit ch[4];
				size_t nch = lx_match(ctx, name, ft, 0, 2, ch, 4);
				for (size_t h = 0; h < nch; h++)
					if (ch[h].e->cls == LX_CURRENCY && ch[h].ntok == 2) {
						key = ch[h].e->key;
						mm->t1 = am->t1;
						break;
					}
				if (strcmp(ctx->keys[am->key].code, "USA") == 0)
					mm->t1 = am->t1;
			}
			snprintf(mm->cur, sizeof(mm->cur), "%s", ctx->keys[key].code);
			/* "$", "dollars" with nothing saying whose: the giver's, below */
			mm->bare = strcmp(mm->cur, "USD") == 0 && curs[c].t1 == curs[c].t0 + 1 &&
				   (eq(&d->toks[curs[c].t0], "$") || eq(&d->toks[curs[c].t0], "dollar") ||
				    eq(&d->toks[curs[c].t0], "dollars")) &&
				   mm->t1 == (cur_after >= 0 ? curs[c].t1 : j);
			if (mm->t1 < j)
				mm->t1 = j; /* the amount's end; never move backwards */
			for (uint32_t k = mm->t0; k < mm->t1; k++)
				d->claimed[k] = 2;
			i = mm->t1 - 1;
			continue;
		}
		if (fl & (NUM_YEAR | NUM_RANGE | NUM_ODD))
			continue;
		/* counts of people: "20,000 troops", "around 1,500 troops" */
		uint32_t k = j;
		int skipped = 0;
		while (k < end && skipped < 4 && !(d->cue[k] & CU_PEOPLE) &&
		       d->toks[k].type == AT_TOK_WORD && !d->trig[k] && d->claimed[k] != 2 &&
		       d->claimed[k] != 3) {
			if (!(eq(&d->toks[k], "more") || eq(&d->toks[k], "additional") ||
			      eq(&d->toks[k], "of") || eq(&d->toks[k], "its") ||
			      eq(&d->toks[k], "their") || eq(&d->toks[k], "the") ||
			      eq(&d->toks[k], "new") || eq(&d->toks[k], "extra") ||
			      d->actor_at[k] >= 0 || d->role[k] || (d->toks[k].flags & AT_TF_CAP) ||
			      eq(&d->toks[k], "military") || eq(&d->toks[k], "combat") ||
			      eq(&d->toks[k], "armed")))
				break;
			k++;
			skipped++;
		}
		/* (not "the two armed forces": a few forces are bodies, not people) */
		if (k < end && (d->cue[k] & CU_PEOPLE) && d->claimed[k] != 3 && v >= 2 && v < 5e6 &&
		    !(v < 10 && (eq(&d->toks[k], "forces") || eq(&d->toks[k], "force")))) {
			pers_m *pm;
			PUSH(d->a, si->pers, si->npers, pcap, pm);
			pm->t0 = i;
			pm->t1 = k + 1;
			pm->count = (int64_t)v;
			continue;
		}
		/* a count whose people noun is left out ("and 50 to Poland"):
		 * of the people counted before it */
		if (si->npers > 0 && v >= 2 && v < 5e6 && gapped_count(d, si, i, j, end)) {
			pers_m *pm;
			PUSH(d->a, si->pers, si->npers, pcap, pm);
			pm->t0 = i;
			pm->t1 = j;
			pm->count = (int64_t)v;
			pm->gapped = 1;
			continue;
		}
		/* item quantities: the next item within 5 tokens */
		for (uint32_t it = 0; it < si->nitems; it++) {
			item_m *im = &si->items[it];
			if (im->t0 >= j && im->t0 <= j + 5 && im->qty < 0 && v >= 1 && v < 1e7) {
				int ok = 1;
				for (uint32_t q = j; q < im->t0; q++)
					if ((d->toks[q].type != AT_TOK_WORD &&
					     !(d->toks[q].type == AT_TOK_NUM &&
					       (d->toks[q].flags & AT_TF_HYPHEN))) ||
					    d->trig[q] ||
					    eq(&d->toks[q], "and") || eq(&d->toks[q], "of") ||
					    /* "two Italian Eurofighters": a demonym
					     * may stand between */
					    (d->actor_at[q] >= 0 &&
					     !(si->actors[d->actor_at[q]].flags & AF_ADJ)))
						ok = eq(&d->toks[q], "of") && q == j ? ok : 0;
				if (ok) {
					im->qty = (int64_t)v;
					im->t0 = i;
				}
				break;
			}
		}
		i = j - 1;
	}
	/* a singular item after "a", "an", "one", "its": quantity 1 */
	for (uint32_t it = 0; it < si->nitems; it++) {
		item_m *im = &si->items[it];
		if (im->qty >= 0 || im->cat == AT_N_ITEM_CATS - 1)
			continue;
		const at_tok *head = &d->toks[im->t1 - 1];
		if (head->norm[head->nlen - 1] == 's')
			continue;
		uint32_t k = im->t0;
		int hops = 0;
		while (k > si->t0 && hops < 4 && d->toks[k - 1].type != AT_TOK_PUNCT &&
		       !eq(&d->toks[k - 1], "a") && !eq(&d->toks[k - 1], "an") &&
		       !eq(&d->toks[k - 1], "its") && !eq(&d->toks[k - 1], "one"))
			k--, hops++;
		if (k > si->t0 && (eq(&d->toks[k - 1], "a") || eq(&d->toks[k - 1], "an") ||
				   eq(&d->toks[k - 1], "its") || eq(&d->toks[k - 1], "one")))
			im->qty = 1;
	}
	/* conversions: "70 billion rubles ($1.2 billion)" and a later "(about $1.23
	 * billion at current exchange rate)" */
	for (uint32_t m = 0; m < si->nmoney; m++) {
		money_m *a = &si->money[m];
		if (strcmp(a->cur, "USD") == 0 || a->usd >= 0)
			continue;
		for (uint32_t n2 = m + 1; n2 < si->nmoney; n2++) {
			money_m *b = &si->money[n2];
			if (strcmp(b->cur, "USD") != 0)
				continue;
			int paren = 0;
			for (uint32_t k = a->t1; k < b->t0; k++)
				if (eq(&d->toks[k], "("))
					paren = 1;
			if (!paren)
				break;
			a->usd = b->amount;
			a->conv_t0 = b->t0;
			a->conv_t1 = b->t1;
			b->amount = -1; /* used up as a conversion */
			break;
		}
	}
	{
		uint32_t w = 0;
		for (uint32_t m = 0; m < si->nmoney; m++)
			if (si->money[m].amount >= 0)
				si->money[w++] = si->money[m];
		si->nmoney = w;
	}
	/* "the 540-member Araw Unit", "a 120-strong contingent": a count of
	 * people when a word for people or units follows */
	for (uint32_t i = si->t0; i < end; i++) {
		const char *w = d->toks[i].norm, *dash = strchr(w, '-');
		if (!dash || (strcmp(dash, "-member") && strcmp(dash, "-strong")) || dash == w)
			continue;
		int64_t v = 0;
		const char *c = w;
		for (; c < dash && v < 5000000; c++) {
			if (*c == ',')
				continue;
			if (*c < '0' || *c > '9')
				break;
			v = v * 10 + (*c - '0');
		}
		if (c < dash || v < 2 || v >= 5000000)
			continue;
		uint32_t k = i + 1;
		while (k < end && k < i + 5 && !(d->cue[k] & (CU_PEOPLE | CU_UNITS)) &&
		       (d->toks[k].type != AT_TOK_PUNCT || eq(&d->toks[k], "\"") ||
			eq(&d->toks[k], "“") || eq(&d->toks[k], "”")))
			k++; /* the 540-member "Araw Unit" */
		if (k < end && k < i + 5 && (d->cue[k] & (CU_PEOPLE | CU_UNITS))) {
			pers_m *pm;
			PUSH(d->a, si->pers, si->npers, pcap, pm);
			pm->t0 = i;
			pm->t1 = k + 1;
			pm->count = v;
		}
	}
	/* 3. how each actor stands: possessive, role, preposition before it */
	for (uint32_t a = 0; a < si->nactors; a++) {
		actor_m *am = &si->actors[a];
		/* "the Collective Security Treaty Organization (CSTO)": the acronym
		 * repeats the actor before it and is no second mention */
		if (a > 0 && am->t0 >= 1 && eq(&d->toks[am->t0 - 1], "(") &&
		    si->actors[a - 1].key == am->key && si->actors[a - 1].t1 + 1 >= am->t0 - 1) {
			am->flags |= AF_WEAK;
			continue;
		}
		uint32_t k = am->t1;
		if (k < end && eq(&d->toks[k], "'s")) {
			am->flags |= AF_POSS;
			k++;
		}
		if (am->role_kind)
			am->flags |= AF_ROLE;
		/* a role within two tokens after: "Russian Defence Minister" */
		for (uint32_t r = k; r < end && r < k + 3; r++) {
			if (d->role[r]) {
				am->flags |= AF_ROLE;
				am->role_kind = d->role[r];
				break;
			}
			if (d->toks[r].type == AT_TOK_PUNCT || d->actor_at[r] >= 0)
				break;
		}
		/* "Central American troops", "Latin American navies": a region's
		 * adjective, not the United States */
		if ((am->flags & AF_ADJ) && am->t0 > si->t0 &&
		    !strncmp(d->toks[am->t0].norm, "american", 8) &&
		    (eq(&d->toks[am->t0 - 1], "central") || eq(&d->toks[am->t0 - 1], "south") ||
		     eq(&d->toks[am->t0 - 1], "latin") || eq(&d->toks[am->t0 - 1], "north"))) {
			am->flags |= AF_WEAK;
			continue;
		}
		if (am->flags & AF_ADJ) {
			/* adjectives name an actor only before a role, a trigger noun,
			 * people, or as the plural noun ("the Saudis") */
			int strong = (am->flags & AF_ROLE) != 0;
			for (uint32_t r = am->t1; r < end && r < am->t1 + 3 && !strong; r++) {
				if (d->trig[r] & (TR_AIDN | TR_EXERN | TR_DEPLOYN))
					strong = 1;
				if (d->cue[r] & (CU_PEOPLE | CU_MILITARY | CU_AGENT | CU_UNITS))
					strong = 1;
				if (d->cue[r] & CU_PLACE)
					break;
			}
			if (am->flags & AF_COMPOUND)
				strong = 1;
			/* "300 Norwegians took part", "the Saudis": a plural
			 * demonym is a noun of its people (not "Swiss") */
			const at_tok *last = &d->toks[am->t1 - 1];
			if (am->t1 == am->t0 + 1 && last->nlen > 4 && last->norm[last->nlen - 1] == 's' &&
			    last->norm[last->nlen - 2] != 's')
				strong = 1;
			/* "Saudi and French special forces": the first adjective of a
			 * list shares the head of the last */
			for (uint32_t r = am->t1; !strong && r + 1 < end && r < am->t1 + 6;) {
				if (!eq(&d->toks[r], "and") && !eq(&d->toks[r], "or") &&
				    !eq(&d->toks[r], ","))
					break;
				int next = d->actor_at[r + 1];
				if (next < 0 || !(si->actors[next].flags & AF_ADJ))
					break;
				uint32_t e = si->actors[next].t1;
				for (uint32_t q = e; q < end && q < e + 3 && !strong; q++)
					strong = d->role[q] ||
						 (d->cue[q] & (CU_PEOPLE | CU_MILITARY | CU_UNITS)) ||
						 (d->trig[q] & (TR_AIDN | TR_EXERN | TR_DEPLOYN));
				r = e;
			}
			/* "Syrian rebel fighters", "Afghan insurgents": armed groups
			 * against a state do not stand for it */
			static const char *const NONSTATE[] = {
				"rebel",      "rebels",     "insurgent",  "insurgents", "militant",
				"militants",  "militia",    "militias",   "opposition", "separatist",
				"separatists", "guerrilla", "guerrillas", "jihadist",   "jihadists",
				"dissident",  "dissidents", "fighters",   NULL};
			for (uint32_t r = am->t1; r < end && r < am->t1 + 2; r++)
				if (in_list(d->toks[r].norm, NONSTATE))
					strong = 0;
			if (!strong)
				am->flags |= AF_WEAK;
			/* "Tajik-Afghan border", "Afghan territory" are places */
			for (uint32_t r = am->t1; r < end && r < am->t1 + 2; r++)
				if ((d->cue_start[r] & CU_PLACE) && !d->role[r])
					am->flags |= AF_PLACE;
		}
		/* the preposition governing the noun phrase */
		uint32_t p = am->t0;
		int hops = 0, beside = 0;
		while (p > si->t0 && hops < 4) {
			const at_tok *pt = &d->toks[p - 1];
			/* "states neighbouring South Africa": after a noun the
			 * participle is a preposition of place, not an adjective
			 * ("its neighbouring Afghanistan") */
			if ((eq(pt, "neighbouring") || eq(pt, "neighboring")) && p - 1 > si->t0 &&
			    d->toks[p - 2].type == AT_TOK_WORD &&
			    !(d->toks[p - 2].flags & AT_TF_CAP) && d->actor_at[p - 2] < 0 &&
			    !in_list(d->toks[p - 2].norm, DETERMINERS)) {
				beside = 1;
				break;
			}
			if (eq(pt, "the") || eq(pt, "its") || eq(pt, "their") || eq(pt, "his") ||
			    eq(pt, "her") || eq(pt, "our") || eq(pt, "neighbouring") ||
			    eq(pt, "neighboring") || eq(pt, "ally") || eq(pt, "allied") ||
			    eq(pt, "fellow") || eq(pt, "central") || eq(pt, "asian") ||
			    eq(pt, "northern") || eq(pt, "southern") || eq(pt, "eastern") ||
			    eq(pt, "western") ||
			    eq(pt, "a") || eq(pt, "[") || eq(pt, "(") || eq(pt, "\"") ||
			    (pt->flags & AT_TF_CAP && pt->type == AT_TOK_WORD &&
					    d->actor_at[p - 1] < 0 && !d->trig[p - 1])) {
				p--;
				hops++;
				continue;
			}
			break;
		}
		if (beside) {
			am->flags |= AF_LOC;
		} else if (p > si->t0) {
			const at_tok *pt = &d->toks[p - 1];
			if (eq(pt, "from"))
				am->flags |= AF_FROM;
			else if (eq(pt, "by"))
				am->flags |= AF_BY;
			else if (eq(pt, "with") || eq(pt, "between") || eq(pt, "involving") ||
				 eq(pt, "alongside"))
				am->flags |= AF_WITH;
			else if (eq(pt, "to"))
				am->flags |= AF_TO;
			else if (eq(pt, "for"))
				am->flags |= AF_FOR;
			else if (eq(pt, "of") && p >= si->t0 + 2 && eq(&d->toks[p - 2], "courtesy"))
				am->flags |= AF_FROM; /* "courtesy of the US government" */
			else if (eq(pt, "of")) {
				am->flags |= AF_OF;
				/* "from the people of Japan", "by the government of
				 * Japan": the of-phrase of a from- or by-phrase's head */
				for (uint32_t q = p - 1; q > si->t0 && p - 1 - q < 4; q--) {
					const at_tok *w = &d->toks[q - 1];
					if (eq(w, "from") || eq(w, "by")) {
						am->flags |= eq(w, "from") ? AF_FROM : AF_BY;
						break;
					}
					if (w->type != AT_TOK_WORD || d->trig[q - 1] ||
					    d->actor_at[q - 1] >= 0)
						break;
				}
			}
			else if (eq(pt, "including") || eq(pt, "like") || eq(pt, "unlike") ||
				 eq(pt, "than"))
				am->flags |= AF_WITH; /* an aside, not the subject */
			else if ((d->cue[p - 1] & CU_LOCPREP) || eq(pt, "against"))
				am->flags |= AF_LOC;
		}
		/* "Following a cut in funding to Lebanon, ...", "amid tension with
		 * X", "a battle against invading Russian forces": a name in such
		 * an aside fills no role in the clause */
		for (uint32_t q = am->t0; q > si->t0 && am->t0 - q < 10; q--) {
			const at_tok *pt = &d->toks[q - 1];
			if (eq(pt, ",") || eq(pt, ";") || d->trig[q - 1] & (TR_VERBS | TR_MOVES))
				break;
			if (eq(pt, "following") || eq(pt, "amid") || eq(pt, "despite") ||
			    eq(pt, "unlike") || (eq(pt, "compared") && q < am->t0) ||
			    (eq(pt, "against") && q < am->t0) || eq(pt, "battling") ||
			    eq(pt, "fighting") || eq(pt, "combating") || eq(pt, "combatting") ||
			    /* "help the army fight al-Shabaab": the target */
			    eq(pt, "fight") || eq(pt, "fights") || eq(pt, "combat") ||
			    eq(pt, "defeat") || eq(pt, "repel")) {
				am->flags |= AF_WEAK;
				break;
			}
		}
	}
	return 0;
}

/*
 * Acronyms an article defines: an actor phrase followed by "(ABC)", as in
 * "the Somali National Army (SNA)" or "the Philippine Coast Guard (PCG)".
 * Later mentions of ABC in the document then name the same actor.
 */
/* Do the capitalised words in [lo, hi) end with words whose initials spell
 * the acronym ac ("of", "the", "and", "for" skipped), none of them a word of
 * forces or units ("Official Security Assistance (OSA)", not "Ghana's
 * Special Boat Squadron (SBS)")? */
static int acronym_after(const docx *d, uint32_t lo, uint32_t hi, const at_tok *ac)
{
	size_t n = ac->nlen;
	uint32_t k = hi;
	while (n > 0 && k > lo) {
		const at_tok *w = &d->toks[--k];
		if (eq(w, "of") || eq(w, "the") || eq(w, "and") || eq(w, "for"))
			continue;
		if (w->type != AT_TOK_WORD || !(w->flags & AT_TF_CAP) ||
		    w->norm[0] != ac->norm[n - 1] || d->role[k] == 1 ||
		    (d->cue[k] & (CU_UNITS | CU_PEOPLE)))
			return 0;
		n--;
	}
	return n == 0;
}

int at_extract__find_aliases(docx *d, sent_info *si)
{
	for (uint32_t i = si->t0; i + 2 < si->t1; i++) {
		if (!eq(&d->toks[i], "(") || !eq(&d->toks[i + 2], ")"))
			continue;
		const at_tok *ac = &d->toks[i + 1];
		if (!(ac->flags & AT_TF_ALLCAP) || ac->nlen < 2 || ac->nlen > 6)
			continue;
		/* the nearest actor within the five tokens before "(" */
		for (uint32_t a = si->nactors; a-- > 0;) {
			actor_m *am = &si->actors[a];
			if (am->t1 + 5 < i || am->t1 > i)
				continue;
			if (d->actor_at[i + 1] >= 0)
				break; /* already a known name */
			if (acronym_after(d, am->t1, i, ac))
				break; /* "Djibouti under its Official Security
					* Assistance (OSA)": the name of a thing after */
			if (d->nalias < 16) {
				d->alias_text[d->nalias] = ac->norm;
				d->alias_key[d->nalias] = am->key;
				d->alias_role[d->nalias] = am->role_kind;
				d->nalias++;
			}
			break;
		}
	}
	return 0;
}
