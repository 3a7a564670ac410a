/* SPDX-License-Identifier: MIT */
/*
 * mentions_ru.c — what the words of a Russian sentence refer to. The
 * lexicon pass is shared with English (at_extract__mentions on stemmed
 * norms: actors, items, triggers, cues); the English reading of numbers,
 * money and dates is then replaced by the Russian one here:
 *
 *   numbers  "1,5" (decimal comma), "12 700" (spaced thousands), number
 *            words ("двенадцать", "трех"), magnitudes ("тыс.", "млн",
 *            "миллиарда"), "$1 млн. 650 тыс."
 *   money    a number and a currency ("70 млрд рублей", "$17,5 млн",
 *            "миллиард сомов"), with its conversion in brackets
 *   dates    "9 декабря", "2 апреля 2015 года", "5-10 августа", "с 14-го по
 *            20-е сентября", "23.07.2017", "в марте 2011 года", "в 2018
 *            году", "с 1998 по 2010 год", weekdays, "сегодня", "вчера", "на
 *            прошлой неделе", "в следующем году", "до конца года", "до
 *            Нового года", seasons
 *   people   a number before a people cue ("250 военнослужащих", "3 тыс.
 *            человек")
 *   items    a number (or number word) before an item; designations with a
 *            variant suffix ("Ми-8МТ", "Т-72Б3", "С-300ПС") by their family
 *
 * Words are compared on their surface form (folded, yo as ye), since the
 * norms of Russian tokens are stems.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "../text/lang.h"

#define PUSH(a, arr, n, cap, out)                                                       \
	do {                                                                            \
		size_t cap_ = (cap);                                                    \
		if (at_arena_grow((a), (void **)&(arr), (n), &cap_, sizeof(*(arr)), 8)) \
			return AT_ENOMEM;                                               \
		(cap) = (uint32_t)cap_;                                                 \
		(out) = &(arr)[(n)++];                                                  \
		memset((out), 0, sizeof(*(out)));                                       \
	} while (0)

/* the surface (folded) form of token i */
typedef struct surf {
	char w[64];
	size_t n;
} surf;

static void surf_of(const docx *d, uint32_t i, surf *s)
{
	s->n = at_ru_surface(d->s, &d->toks[i], s->w, sizeof(s->w));
}

static int is(const surf *s, const char *w) { return strcmp(s->w, w) == 0; }

static int in_list(const char *w, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(w, list[i]) == 0)
			return i + 1;
	return 0;
}

static int tok_is(const docx *d, uint32_t i, const char *w)
{
	surf s;
	surf_of(d, i, &s);
	return is(&s, w);
}

static int punct(const docx *d, uint32_t i, const char *p)
{
	return d->toks[i].type == AT_TOK_PUNCT && strcmp(d->toks[i].norm, p) == 0;
}

/* ---- number words ---------------------------------------------------------- */

static const struct {
	const char *w;
	int v;
} NUMW[] = {
	{"один", 1},          {"одна", 1},          {"одно", 1},          {"одного", 1},
	{"одной", 1},         {"одному", 1},        {"одним", 1},         {"одну", 1},
	{"два", 2},           {"две", 2},           {"двух", 2},          {"двум", 2},
	{"двумя", 2},         {"три", 3},           {"трех", 3},          {"трем", 3},
	{"тремя", 3},         {"четыре", 4},        {"четырех", 4},       {"четырем", 4},
	{"четырьмя", 4},      {"пять", 5},          {"пяти", 5},          {"пятью", 5},
	{"шесть", 6},         {"шести", 6},         {"шестью", 6},        {"семь", 7},
	{"семи", 7},          {"восемь", 8},        {"восьми", 8},        {"девять", 9},
	{"девяти", 9},        {"десять", 10},       {"десяти", 10},       {"одиннадцать", 11},
	{"одиннадцати", 11},  {"двенадцать", 12},   {"двенадцати", 12},   {"тринадцать", 13},
	{"тринадцати", 13},   {"четырнадцать", 14}, {"четырнадцати", 14}, {"пятнадцать", 15},
	{"пятнадцати", 15},   {"шестнадцать", 16},  {"шестнадцати", 16},  {"семнадцать", 17},
	{"семнадцати", 17},   {"восемнадцать", 18}, {"восемнадцати", 18}, {"девятнадцать", 19},
	{"девятнадцати", 19}, {"двадцать", 20},     {"двадцати", 20},     {"тридцать", 30},
	{"тридцати", 30},     {"сорок", 40},        {"сорока", 40},       {"пятьдесят", 50},
	{"пятидесяти", 50},   {"шестьдесят", 60},   {"шестидесяти", 60},  {"семьдесят", 70},
	{"семидесяти", 70},   {"восемьдесят", 80},  {"восьмидесяти", 80}, {"девяносто", 90},
	{"девяноста", 90},    {"сто", 100},         {"ста", 100},         {"двести", 200},
	{"двухсот", 200},     {"триста", 300},      {"трехсот", 300},     {"четыреста", 400},
	{"четырехсот", 400},  {"пятьсот", 500},     {"пятисот", 500},     {"шестьсот", 600},
	{"семьсот", 700},     {"восемьсот", 800},   {"девятьсот", 900},   {"полтора", -15},
	{"полторы", -15},     {"пара", 2},          {"пару", 2},          {"пары", 2},
	{"десяток", 10},      {"дюжина", 12},       {"дюжину", 12},       {NULL, 0}};

/* A number word's value (1.5 for "полтора"), or -1. */
static double numword(const surf *s)
{
	for (int i = 0; NUMW[i].w; i++)
		if (strcmp(s->w, NUMW[i].w) == 0)
			return NUMW[i].v < 0 ? 1.5 : NUMW[i].v;
	return -1;
}

/* "тыс", "тысяч", "млн", "миллионов", "млрд", "миллиард"... (0: none) */
static double at_ru__magnitude(const char *w)
{
	static const struct {
		const char *p;
		double v;
		int whole; /* must be the whole word */
	} M[] = {{"тыс", 1e3, 1},     {"тысяч", 1e3, 0},     {"млн", 1e6, 1},
		 {"миллион", 1e6, 0}, {"млрд", 1e9, 1},      {"миллиард", 1e9, 0},
		 {"трлн", 1e12, 1},   {"триллион", 1e12, 0}, {NULL, 0, 0}};
	for (int i = 0; M[i].p; i++) {
		size_t l = strlen(M[i].p);
		if (M[i].whole ? strcmp(w, M[i].p) == 0 : strncmp(w, M[i].p, l) == 0)
			return M[i].v;
	}
	return 0;
}

static int all_digits(const char *w)
{
	if (!*w)
		return 0;
	for (; *w; w++)
		if (*w < '0' || *w > '9')
			return 0;
	return 1;
}

/*
 * A number at token i: digits (with a decimal comma or spaced thousands) or
 * number words, then magnitudes ("1 млн. 650 тыс."). Returns tokens used (0:
 * none); *mag says whether a magnitude word was read.
 */
static uint32_t parse_num(const docx *d, uint32_t i, uint32_t end, double *val, int *mag)
{
	const at_tok *t = &d->toks[i];
	uint32_t j = i;
	double v = -1;
	*mag = 0;
	surf s;
	if (t->type == AT_TOK_NUM) {
		if (t->flags & AT_TF_HYPHEN)
			return 0; /* "2021-2022", "14-го": ranges and ordinals */
		char buf[64];
		size_t n = 0;
		for (const char *p = t->norm; *p && n + 1 < sizeof(buf); p++)
			if (*p != ',')
				buf[n++] = *p;
		buf[n] = '\0';
		/* "1,500" is English-style thousands; "1,5" (one or two digits
		 * after the comma, read as separate tokens) is a decimal */
		v = strtod(buf, NULL);
		if (!(v >= 0 && v < 1e15))
			return 0; /* "1e999", runs of digits: not an amount */
		j = i + 1;
		if (j + 1 < end && punct(d, j, ",") && !(d->toks[j].flags & AT_TF_SPACE) &&
		    d->toks[j + 1].type == AT_TOK_NUM &&
		    !(d->toks[j + 1].flags & AT_TF_SPACE) && strlen(d->toks[j + 1].norm) <= 2 &&
		    all_digits(d->toks[j + 1].norm)) {
			double f = strtod(d->toks[j + 1].norm, NULL);
			v += f / (strlen(d->toks[j + 1].norm) == 1 ? 10.0 : 100.0);
			j += 2;
		}
		/* "12 700", "500 000": a group of three digits after a space */
		while (j < end && d->toks[j].type == AT_TOK_NUM && all_digits(t->norm) &&
		       strlen(t->norm) <= 3 && all_digits(d->toks[j].norm) &&
		       strlen(d->toks[j].norm) == 3 && v < 1e12 && v == (double)(long)v) {
			v = v * 1000 + strtod(d->toks[j].norm, NULL);
			j++;
		}
	} else if (t->type == AT_TOK_WORD) {
		surf_of(d, i, &s);
		double w = numword(&s);
		if (w < 0) {
			double m = at_ru__magnitude(s.w);
			if (m <= 0 ||
			    !(is(&s, "тысяча") || is(&s, "миллион") || is(&s, "миллиард") ||
			      is(&s, "тысячу") || is(&s, "миллиона") || is(&s, "миллиарда")))
				return 0;
			/* "миллиард сомов": one of them */
			*val = m;
			*mag = 1;
			return 1;
		}
		v = w;
		j = i + 1;
		/* "двадцать пять", "сто двадцать" */
		while (j < end && d->toks[j].type == AT_TOK_WORD) {
			surf_of(d, j, &s);
			double w2 = numword(&s);
			if (w2 < 1 || w2 >= v || w2 == 2 * (w2 >= 2 && is(&s, "пара")))
				break;
			v += w2;
			j++;
		}
	} else {
		return 0;
	}
	/* magnitudes: "1,5 тыс.", "$1 млн. 650 тыс.", "трех миллионов" */
	if (j < end && d->toks[j].type == AT_TOK_WORD) {
		surf_of(d, j, &s);
		double m = at_ru__magnitude(s.w);
		if (m > 0) {
			v *= m;
			*mag = 1;
			j++;
			if (j < end && punct(d, j, ".") && !(d->toks[j].flags & AT_TF_SPACE))
				j++;
			/* a smaller part after it: "1 млн. 650 тыс." */
			if (j + 1 < end && d->toks[j].type == AT_TOK_NUM &&
			    !(d->toks[j].flags & AT_TF_HYPHEN)) {
				surf_of(d, j + 1, &s);
				double m2 = at_ru__magnitude(s.w);
				if (m2 > 0 && m2 < m) {
					v += strtod(d->toks[j].norm, NULL) * m2;
					j += 2;
					if (j < end && punct(d, j, ".") &&
					    !(d->toks[j].flags & AT_TF_SPACE))
						j++;
				}
			}
		}
	}
	*val = v;
	return j - i;
}

/* ---- dates ------------------------------------------------------------------ */

static const char *const MONTHS_GEN[] = {"января", "февраля", "марта",   "апреля",   "мая",
					 "июня",   "июля",    "августа", "сентября", "октября",
					 "ноября", "декабря", NULL};
static const char *const MONTHS_PREP[] = {"январе", "феврале", "марте",   "апреле",   "мае",
					  "июне",   "июле",    "августе", "сентябре", "октябре",
					  "ноябре", "декабре", NULL};
static const char *const MONTHS_NOM[] = {"январь", "февраль", "март",   "апрель",   "май",
					 "июнь",   "июль",    "август", "сентябрь", "октябрь",
					 "ноябрь", "декабрь", NULL};
static const char *const WEEKDAYS_ACC[] = {"понедельник", "вторник", "среду",       "четверг",
					   "пятницу",     "субботу", "воскресенье", NULL};
static const char *const WEEKDAYS_NOM[] = {"понедельник", "вторник", "среда",       "четверг",
					   "пятница",     "суббота", "воскресенье", NULL};

static int month_at(const docx *d, uint32_t i)
{
	if (d->toks[i].type != AT_TOK_WORD)
		return 0;
	surf s;
	surf_of(d, i, &s);
	int m = in_list(s.w, MONTHS_GEN);
	if (!m)
		m = in_list(s.w, MONTHS_PREP);
	if (!m)
		m = in_list(s.w, MONTHS_NOM);
	return m;
}

/* A day number: "9", "14-го", "20-ое" (1..31). */
static int day_at(const docx *d, uint32_t i)
{
	const at_tok *t = &d->toks[i];
	if (t->type != AT_TOK_NUM &&
	    !(t->type == AT_TOK_WORD && t->norm[0] >= '0' && t->norm[0] <= '9'))
		return 0;
	char *e;
	long v = strtol(t->norm, &e, 10);
	if (*e && *e != '-')
		return 0;
	return v >= 1 && v <= 31 ? (int)v : 0;
}

/* A year: "2015", "2017-го"; with "года"/"году"/"г."/"гг." after it taken too. */
static int year_at(const docx *d, uint32_t i)
{
	const at_tok *t = &d->toks[i];
	if (t->type != AT_TOK_NUM && t->type != AT_TOK_WORD)
		return 0;
	char *e;
	long v = strtol(t->norm, &e, 10);
	if (e == t->norm || (*e && *e != '-'))
		return 0;
	return v >= 1900 && v <= 2100 ? (int)v : 0;
}

/* "года", "году", "год", "г.", "гг.", "годах", "годов": tokens used */
static uint32_t year_word(const docx *d, uint32_t i, uint32_t end)
{
	if (i >= end || d->toks[i].type != AT_TOK_WORD)
		return 0;
	surf s;
	surf_of(d, i, &s);
	static const char *const YW[] = {"год",   "года", "году", "годом", "годах",
					 "годов", "годы", "гг",   "г",     NULL};
	if (!in_list(s.w, YW))
		return 0;
	if ((is(&s, "г") || is(&s, "гг")) && i + 1 < end && punct(d, i + 1, "."))
		return 2;
	return 1;
}

static void set_abs(date_m *dm, int y, int m, int d0, int y1, int m1, int d1)
{
	dm->kind = DS_ABS;
	dm->a.y = y;
	dm->a.m = m;
	dm->a.d = d0;
	dm->b.y = y1;
	dm->b.m = m1;
	dm->b.d = d1;
}

/* "2 апреля 2015 года", "5-10 августа", "14-го по 20-е сентября" after "с" */
static uint32_t parse_day_month(const docx *d, uint32_t i, uint32_t end, date_m *dm)
{
	int d0 = day_at(d, i);
	if (!d0)
		return 0;
	uint32_t j = i + 1;
	int d1 = d0;
	const at_tok *t = &d->toks[i];
	/* "5-10" read as one token "5-10" */
	const char *h = strchr(t->norm, '-');
	if (h && h[1] >= '0' && h[1] <= '9') {
		d1 = (int)strtol(h + 1, NULL, 10);
		if (d1 < d0 || d1 > 31)
			return 0;
	} else if (j + 1 < end && (punct(d, j, "-")) && day_at(d, j + 1)) {
		d1 = day_at(d, j + 1);
		j += 2;
	} else if (j + 1 < end && (tok_is(d, j, "по") || tok_is(d, j, "до")) &&
		   day_at(d, j + 1) && j + 2 < end && month_at(d, j + 2)) {
		d1 = day_at(d, j + 1);
		j += 2;
	}
	if (j >= end)
		return 0;
	int m0 = month_at(d, j);
	if (!m0)
		return 0;
	j++;
	int m1 = m0;
	/* "с 25 сентября по 4 ноября" */
	if (d1 == d0 && j + 2 < end && (tok_is(d, j, "по") || tok_is(d, j, "до")) &&
	    day_at(d, j + 1) && month_at(d, j + 2)) {
		d1 = day_at(d, j + 1);
		m1 = month_at(d, j + 2);
		j += 3;
	}
	int y = 0;
	if (j < end && (y = year_at(d, j)) != 0) {
		j++;
		j += year_word(d, j, end);
	}
	set_abs(dm, y, m0, d0, y, m1, d1);
	return j - i;
}

static uint32_t parse_date_ru(const docx *d, uint32_t i, uint32_t end, date_m *dm)
{
	memset(dm, 0, sizeof(*dm));
	dm->t0 = i;
	const at_tok *t = &d->toks[i];
	uint32_t n;
	/* "23.07.2017" is one number token "23.07.2017"? it is "23.07" "." "2017" */
	if (t->type == AT_TOK_NUM && strchr(t->norm, '.')) {
		int dd = 0, mm = 0, yy = 0;
		char c1, c2;
		if (sscanf(t->norm, "%d%c%d%c%d", &dd, &c1, &mm, &c2, &yy) == 5 && c1 == '.' &&
		    c2 == '.' && dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12 && yy > 1900) {
			set_abs(dm, yy, mm, dd, yy, mm, dd);
			return 1;
		}
		if (sscanf(t->norm, "%d%c%d", &dd, &c1, &mm) == 3 && c1 == '.' && dd >= 1 &&
		    dd <= 31 && mm >= 1 && mm <= 12 && i + 2 < end && punct(d, i + 1, ".") &&
		    year_at(d, i + 2)) {
			yy = year_at(d, i + 2);
			set_abs(dm, yy, mm, dd, yy, mm, dd);
			return 3;
		}
		return 0;
	}
	if ((n = parse_day_month(d, i, end, dm)) != 0)
		return n;
	surf s;
	surf_of(d, i, &s);
	/* a year: "в 2018 году", "с 1998 по 2010 год", "2021-2022 годах", "2002 г." */
	int y = year_at(d, i);
	if (y) {
		uint32_t j = i + 1;
		int y1 = y;
		const char *h = strchr(t->norm, '-');
		long y2 = h ? strtol(h + 1, NULL, 10) : 0;
		if (h && y2 >= y && y2 <= 2100)
			y1 = (int)y2;
		else if (j + 1 < end && (punct(d, j, "-") || tok_is(d, j, "по")) &&
			 year_at(d, j + 1)) {
			y1 = year_at(d, j + 1);
			j += 2;
		}
		uint32_t yw = year_word(d, j, end);
		/* a bare number is a year only with "год" or after a preposition */
		int prep = i > 0 && d->toks[i - 1].type == AT_TOK_WORD &&
			   (tok_is(d, i - 1, "в") || tok_is(d, i - 1, "с") ||
			    tok_is(d, i - 1, "до") || tok_is(d, i - 1, "к") ||
			    tok_is(d, i - 1, "по") || tok_is(d, i - 1, "осенью") ||
			    tok_is(d, i - 1, "весной") || tok_is(d, i - 1, "летом") ||
			    tok_is(d, i - 1, "зимой"));
		if (!yw && !prep)
			return 0;
		set_abs(dm, y, 0, 0, y1, 0, 0);
		/* "с 1998 по 2010 год": the year before "по" was the start */
		return j + yw - i;
	}
	/* "в марте 2011 года", "в сентябре" */
	int m = month_at(d, i);
	if (m && i > 0 &&
	    (tok_is(d, i - 1, "в") || tok_is(d, i - 1, "до") || tok_is(d, i - 1, "с") ||
	     tok_is(d, i - 1, "к") || in_list(s.w, MONTHS_PREP))) {
		uint32_t j = i + 1;
		int yy = 0;
		if (j < end && (yy = year_at(d, j)) != 0) {
			j++;
			j += year_word(d, j, end);
		}
		set_abs(dm, yy, m, 0, yy, m, 0);
		return j - i;
	}
	/* weekdays: "во вторник", "в минувшее воскресенье", "в прошлую пятницу" */
	int wd = in_list(s.w, WEEKDAYS_ACC);
	if (!wd)
		wd = in_list(s.w, WEEKDAYS_NOM);
	if (wd && i > 0) {
		surf p;
		surf_of(d, i - 1, &p);
		int off = 0;
		if (is(&p, "прошлую") || is(&p, "прошлый") || is(&p, "минувшую") ||
		    is(&p, "минувший") || is(&p, "минувшее") || is(&p, "прошлое"))
			off = -1;
		else if (is(&p, "следующую") || is(&p, "следующий") || is(&p, "следующее") ||
			 is(&p, "ближайшую") || is(&p, "ближайший"))
			off = 1;
		else if (!(is(&p, "в") || is(&p, "во")))
			return 0;
		dm->kind = DS_WEEKDAY;
		dm->weekday = wd - 1;
		dm->off = (int8_t)off;
		if (off)
			dm->t0 = i - 1;
		return 1;
	}
	/* "сегодня", "вчера", "завтра", "позавчера" */
	if (is(&s, "сегодня") || is(&s, "вчера") || is(&s, "завтра") || is(&s, "позавчера")) {
		dm->kind = DS_REL;
		dm->unit = 'd';
		dm->off = (int8_t)(is(&s, "вчера")       ? -1
				   : is(&s, "завтра")    ? 1
				   : is(&s, "позавчера") ? -2
							 : 0);
		return 1;
	}
	/* "на прошлой неделе", "в этом году", "в следующем месяце", "в будущем году" */
	static const char *const PAST[] = {"прошлой",  "прошлом",  "минувшем",
					   "минувшей", "прошлого", NULL};
	static const char *const THIS[] = {"этой",     "этом",     "текущем",
					   "текущей",  "нынешнем", "этого",
					   "текущего", "сем",      NULL};
	static const char *const NEXT[] = {"следующей",  "следующем", "будущем",     "будущей",
					   "следующего", "будущего",  "предстоящей", NULL};
	int off = in_list(s.w, PAST) ? -1 : in_list(s.w, THIS) ? 0 : in_list(s.w, NEXT) ? 1 : 9;
	if (off != 9 && i + 1 < end) {
		surf u;
		surf_of(d, i + 1, &u);
		char unit = 0;
		if (is(&u, "неделе") || is(&u, "недели"))
			unit = 'w';
		else if (is(&u, "месяце") || is(&u, "месяца"))
			unit = 'm';
		else if (is(&u, "году") || is(&u, "года"))
			unit = 'y';
		if (unit) {
			dm->kind = DS_REL;
			dm->unit = (uint8_t)unit;
			dm->off = (int8_t)off;
			if (i > 0 && (tok_is(d, i - 1, "на") || tok_is(d, i - 1, "в")))
				dm->t0 = i - 1;
			return 2;
		}
	}
	/* "до конца года", "до конца 2004 года", "до конца месяца", "до Нового года" */
	if (is(&s, "до") && i + 1 < end) {
		surf u;
		surf_of(d, i + 1, &u);
		if (is(&u, "конца") && i + 2 < end) {
			int yy = year_at(d, i + 2);
			if (yy) {
				uint32_t j = i + 3;
				j += year_word(d, j, end);
				set_abs(dm, yy, 0, 0, yy, 12, 31);
				dm->qual = 'b';
				return j - i;
			}
			surf v;
			surf_of(d, i + 2, &v);
			if (is(&v, "года") || is(&v, "месяца")) {
				dm->kind = DS_ENDOF;
				dm->unit = is(&v, "года") ? 'y' : 'm';
				return 3;
			}
			if ((is(&v, "этого") || is(&v, "текущего") || is(&v, "нынешнего")) &&
			    i + 3 < end && tok_is(d, i + 3, "года")) {
				dm->kind = DS_ENDOF;
				dm->unit = 'y';
				return 4;
			}
		}
		if (is(&u, "нового") && i + 2 < end && tok_is(d, i + 2, "года")) {
			dm->kind = DS_ENDOF;
			dm->unit = 'y';
			return 3;
		}
	}
	/* seasons: "осенью 2017 года" */
	static const char *const SEASONS[] = {"весной", "летом", "осенью", "зимой", NULL};
	int se = in_list(s.w, SEASONS);
	if (se && i + 1 < end && year_at(d, i + 1)) {
		int yy = year_at(d, i + 1);
		static const int M0[] = {3, 6, 9, 12}, M1[] = {5, 8, 11, 12};
		set_abs(dm, yy, M0[se - 1], 0, yy, M1[se - 1], 0);
		dm->qual = 's';
		uint32_t j = i + 2;
		j += year_word(d, j, end);
		return j - i;
	}
	return 0;
}

/* ---- the pass --------------------------------------------------------------- */

/* A designation with a variant suffix: "ми-8мт" -> "ми-8", "брдм-2м" -> "брдм-2",
 * "бтр-82ам" -> "бтр-82", else its family "бтр". */
static const lx_entry *model_family(const docx *d, uint32_t i)
{
	const at_tok *t = &d->toks[i];
	const char *w = t->norm;
	size_t n = t->nlen;
	const char *h = memchr(w, '-', n);
	if (!h || n < 3)
		return NULL;
	lx_hit hits[8];
	/* drop letters after the last digit */
	size_t k = n;
	while (k > 0 && !(w[k - 1] >= '0' && w[k - 1] <= '9'))
		k--;
	for (int pass = 0; pass < 2; pass++) {
		size_t len = pass == 0 ? k : (size_t)(h - w);
		if (!len || len == n)
			continue;
		/* case-sensitive rows compare the original bytes of the same length */
		size_t nh = lx_word(d->ctx, w, len, d->s + t->start, hits, 8);
		for (size_t x = 0; x < nh; x++)
			if (hits[x].e->cls == LX_ITEM)
				return hits[x].e;
	}
	return NULL;
}

static int item_cat_of(const docx *d, const lx_entry *e)
{
	const char *code = d->ctx->keys[e->key].code;
	for (int c = 0; c < AT_N_ITEM_CATS; c++)
		if (strcmp(AT_ITEM_CATS[c], code) == 0)
			return c;
	return AT_N_ITEM_CATS - 1;
}

static int currency_at(const docx *d, uint32_t i, uint32_t end, uint32_t *key, uint32_t *ntok)
{
	lx_hit hits[16];
	size_t nh = lx_match(d->ctx, d->s, d->toks, i, end, hits, 16);
	for (size_t h = 0; h < nh; h++)
		if (hits[h].e->cls == LX_CURRENCY) {
			*key = hits[h].e->key;
			*ntok = hits[h].ntok;
			/* "долл. США": the dot and the country */
			return 1;
		}
	return 0;
}

int at_extract__mentions_ru(docx *d, sent_info *si)
{
	if (at_extract__mentions(d, si) != 0)
		return AT_ENOMEM;
	const at_ctx *ctx = d->ctx;
	uint32_t end = si->t1;
	uint32_t icap = si->nitems, mcap = 0, dcap = 0, pcap = 0;
	/* the English reading of numbers is replaced */
	si->money = NULL;
	si->nmoney = 0;
	si->dates = NULL;
	si->ndates = 0;
	si->pers = NULL;
	si->npers = 0;
	for (uint32_t i = si->t0; i < end; i++)
		if (d->claimed[i] == 2)
			d->claimed[i] = 0;
	/* designations by their family; items copied so that they can grow */
	{
		item_m *copy = NULL;
		uint32_t n = 0;
		icap = 0;
		for (uint32_t k = 0; k < si->nitems; k++) {
			item_m *im;
			PUSH(d->a, copy, n, icap, im);
			*im = si->items[k];
			im->qty = -1;
			im->t0 = im->t0 < im->t1 ? im->t0 : im->t1 - 1;
		}
		/* the English pass may have widened an item over its number */
		for (uint32_t k = 0; k < n; k++)
			while (copy[k].t0 + 1 < copy[k].t1 && d->claimed[copy[k].t0] != 3)
				copy[k].t0++;
		for (uint32_t i = si->t0; i < end; i++) {
			if (d->claimed[i] || d->toks[i].type != AT_TOK_WORD ||
			    !(d->toks[i].flags & AT_TF_HYPHEN))
				continue;
			const lx_entry *e = model_family(d, i);
			if (!e)
				continue;
			item_m *im;
			PUSH(d->a, copy, n, icap, im);
			im->t0 = i;
			im->t1 = i + 1;
			im->cat = (uint8_t)item_cat_of(d, e);
			im->qty = -1;
			im->model = 1;
			d->claimed[i] = 3;
		}
		si->items = copy;
		si->nitems = n;
	}
	(void)ctx;
	/* dates first: their numbers are not amounts */
	for (uint32_t i = si->t0; i < end; i++) {
		/* only numbers and the date words of cues-ru.tsv start a date */
		if (d->toks[i].type != AT_TOK_NUM && !(d->cue_start[i] & CU_DATEW) &&
		    !(d->toks[i].norm[0] >= '0' && d->toks[i].norm[0] <= '9'))
			continue;
		date_m dm;
		uint32_t n = parse_date_ru(d, i, end, &dm);
		if (!n)
			continue;
		/* "с 1998 по 2010 год": a year range */
		date_m *out;
		PUSH(d->a, si->dates, si->ndates, dcap, out);
		*out = dm;
		out->t1 = i + n;
		for (uint32_t k = out->t0; k < out->t1; k++)
			if (d->claimed[k] != 1)
				d->claimed[k] = 2;
		i += n - 1;
	}
	/* numbers: money, people, quantities */
	for (uint32_t i = si->t0; i < end; i++) {
		if (d->claimed[i] == 2 || d->claimed[i] == 3 || d->claimed[i] == 1)
			continue;
		int dollar = punct(d, i, "$");
		/* only numbers, "$" and the number words of cues-ru.tsv start one */
		if (!dollar && d->toks[i].type != AT_TOK_NUM && !(d->cue_start[i] & CU_NUMW))
			continue;
		uint32_t s0 = i;
		if (dollar) {
			if (i + 1 >= end)
				continue;
			i++;
		}
		double v;
		int mag;
		uint32_t used = parse_num(d, i, end, &v, &mag);
		if (!used) {
			i = s0;
			continue;
		}
		uint32_t j = i + used;
		uint32_t key = LX_NONE, nc = 0;
		if (dollar) {
			key = lx_key_find(ctx, LX_CURRENCY, "USD");
		} else if (j < end && currency_at(d, j, end, &key, &nc)) {
			j += nc;
			/* "долл. США", "руб." */
			if (j < end && punct(d, j, ".") && !(d->toks[j].flags & AT_TF_SPACE) &&
			    j + 1 < end && tok_is(d, j + 1, "сша"))
				j += 2;
			else if (j < end && tok_is(d, j, "сша") &&
				 strcmp(ctx->keys[key].code, "USD") == 0)
				j++;
		}
		if (key != LX_NONE) {
			money_m *mm;
			PUSH(d->a, si->money, si->nmoney, mcap, mm);
			mm->t0 = s0;
			mm->t1 = j;
			mm->amount = v;
			mm->usd = -1;
			snprintf(mm->cur, sizeof(mm->cur), "%s", ctx->keys[key].code);
			for (uint32_t k = s0; k < j; k++)
				d->claimed[k] = 2;
			i = j - 1;
			continue;
		}
		/* counts of people: "250 военнослужащих", "3 тыс. человек", "более 110
		 * киргизстанцев", "2,5 тысячи военнослужащих из 15 стран" */
		uint32_t k = j;
		int hops = 0;
		while (k < end && hops < 3 && !(d->cue[k] & CU_PEOPLE) &&
		       d->toks[k].type == AT_TOK_WORD && d->claimed[k] != 3 && !d->trig[k]) {
			k++;
			hops++;
		}
		int demonym =
			k < end && d->actor_at[k] >= 0 && k == j; /* "110 киргизстанцев" */
		if (k < end && ((d->cue[k] & CU_PEOPLE) || demonym) && d->claimed[k] != 3 &&
		    v >= 2 && v < 5e6) {
			pers_m *pm;
			PUSH(d->a, si->pers, si->npers, pcap, pm);
			pm->t0 = s0;
			pm->t1 = k + 1;
			pm->count = (int64_t)v;
			i = j - 1;
			continue;
		}
		/* quantities: the item within 3 words ("9 автомобилей ГАЗ-66", "четыре
		 * боевых вертолета") */
		for (uint32_t it = 0; it < si->nitems; it++) {
			item_m *im = &si->items[it];
			if (im->t0 < j || im->t0 > j + 3 || im->qty >= 0)
				continue;
			int ok = v >= 1 && v < 1e7 && v == (double)(int64_t)v;
			for (uint32_t q = j; q < im->t0 && ok; q++)
				if (d->toks[q].type != AT_TOK_WORD || d->trig[q] ||
				    d->actor_at[q] >= 0 || d->claimed[q])
					ok = 0;
			if (ok) {
				im->qty = (int64_t)v;
				im->t0 = s0;
				/* "11 единиц ЗИЛ-131": the unit word joins */
			}
			break;
		}
		/* "11 единиц ЗИЛ-131" */
		if (j + 1 < end && v >= 1 && v < 1e7 && tok_is(d, j, "единиц"))
			for (uint32_t it = 0; it < si->nitems; it++) {
				item_m *im = &si->items[it];
				if (im->t0 >= j + 1 && im->t0 <= j + 3 && im->qty < 0) {
					im->qty = (int64_t)v;
					im->t0 = s0;
				}
			}
		i = j - 1;
	}
	/* conversions: "8 миллионов юаней (1 миллион долларов США)" */
	for (uint32_t m = 0; m + 1 < si->nmoney; m++) {
		money_m *a = &si->money[m], *b = &si->money[m + 1];
		if (a->amount < 0 || b->amount < 0)
			continue;
		int paren = 0;
		for (uint32_t k = a->t1; k < b->t0; k++)
			if (punct(d, k, "("))
				paren = 1;
		if (!paren || b->t0 > a->t1 + 2)
			continue;
		if (strcmp(b->cur, "USD") == 0 && strcmp(a->cur, "USD") != 0) {
			a->usd = b->amount;
			a->conv_t0 = b->t0;
			a->conv_t1 = b->t1;
			b->amount = -1;
		} else if (strcmp(a->cur, "USD") == 0) {
			b->amount = -1; /* "9 млн долларов США (603 млн рублей)" */
		}
	}
	uint32_t w = 0;
	for (uint32_t m = 0; m < si->nmoney; m++)
		if (si->money[m].amount >= 0)
			si->money[w++] = si->money[m];
	si->nmoney = w;
	return 0;
}
