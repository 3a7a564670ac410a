/* SPDX-License-Identifier: MIT */
/*
 * places.c — the gazetteer: loader for data/places.tsv and the resolution of
 * an event's place text into a point (border > named place > state centroid).
 * The loader runs once with the context; resolution is a pure function.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aidtrace.h"
#include "places.h"
#include "../util/buf.h"

const char *const AT_PLACE_KINDS[] = {"country", "capital", "city", "region", "base", "border"};
static const char *const KIND_NAMES[] = {"centroid", "capital", "city",
					 "region",   "base",    "border"};

static int alpha3(const char *p, size_t n)
{
	if (n != 3)
		return 0;
	for (size_t i = 0; i < 3; i++)
		if (p[i] < 'A' || p[i] > 'Z')
			return 0;
	return 1;
}

static int parse_coord(const char *p, double lim, double *v)
{
	char *end;
	errno = 0;
	double x = strtod(p, &end);
	if (end == p || *end || errno || x < -lim || x > lim)
		return -1;
	*v = x;
	return 0;
}

int at_places__parse(at_gazetteer *g, const char *name, char *text, size_t len, char *err,
		     size_t errlen)
{
	char **t = realloc(g->texts, (g->ntexts + 1) * sizeof(*t));
	if (!t) {
		free(text);
		return AT_ENOMEM;
	}
	g->texts = t;
	g->texts[g->ntexts++] = text;
	char *p = text, *end = text + len;
	for (unsigned line = 1; p < end; line++) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *e = nl ? nl : end;
		size_t off = (size_t)(p - text);
		if (e > p && e[-1] == '\r')
			e--;
		if (e > p && *p != '#') {
			char *f[6];
			int nf = 0;
			f[nf++] = p;
			for (char *q = p; q < e && nf < 6; q++)
				if (*q == '\t')
					f[nf++] = q + 1;
			/* NUL-terminate the fields in place */
			for (char *q = p; q < e; q++)
				if (*q == '\t')
					*q = '\0';
			*e = '\0';
			at_place_row row;
			memset(&row, 0, sizeof(row));
			int kind = -1;
			for (int k = 0; nf == 5 && k < PK_N; k++)
				if (strcmp(f[0], KIND_NAMES[k]) == 0)
					kind = k;
			const char *why = NULL;
			size_t cl = nf == 5 ? strlen(f[1]) : 0;
			if (nf != 5)
				why = "expected 5 tab-separated columns";
			else if (kind < 0)
				why = "unknown kind (centroid, capital, city, region, base, "
				      "border)";
			else if (kind == PK_BORDER
					 ? !(cl == 7 && f[1][3] == '-' && alpha3(f[1], 3) &&
					     alpha3(f[1] + 4, 3))
					 : !(alpha3(f[1], cl) || strcmp(f[1], "-") == 0))
				why = "bad country (alpha-3, '-', or AAA-BBB for a border)";
			else if (parse_coord(f[2], 90, &row.lat) ||
				 parse_coord(f[3], 180, &row.lon))
				why = "bad latitude or longitude";
			else if (!f[4][0])
				why = "empty name";
			if (why) {
				snprintf(err, errlen, "%s: line %u, byte %zu: %s", name, line,
					 off, why);
				return AT_EPARSE;
			}
			row.kind = (uint8_t)kind;
			if (cl >= 3)
				memcpy(row.country, f[1], 3);
			if (kind == PK_BORDER)
				memcpy(row.country2, f[1] + 4, 3);
			row.name = f[4];
			row.nlen = strlen(f[4]);
			if (at_grow((void **)&g->rows, &g->cap, g->n, sizeof(*g->rows), 512))
				return AT_ENOMEM;
			g->rows[g->n++] = row;
		}
		p = nl ? nl + 1 : end;
	}
	return 0;
}

int at_places__load(at_gazetteer *g, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		return AT_EIO;
	}
	size_t cap = 65536, len = 0;
	char *text = malloc(cap + 1);
	int rc = 0;
	while (text) {
		size_t got = fread(text + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
		if (len == cap) {
			if (cap >= 16u * 1024u * 1024u) {
				snprintf(err, errlen, "%s: byte %zu: larger than 16 MB", path,
					 len);
				rc = AT_ETOOBIG;
				break;
			}
			cap *= 2;
			char *q = realloc(text, cap + 1);
			if (!q) {
				free(text);
				text = NULL;
			} else {
				text = q;
			}
		}
	}
	if (!text) {
		fclose(f);
		return AT_ENOMEM;
	}
	if (!rc && ferror(f)) {
		snprintf(err, errlen, "%s: byte %zu: read error", path, len);
		rc = AT_EIO;
	}
	fclose(f);
	if (rc) {
		free(text);
		return rc;
	}
	text[len] = '\0';
	return at_places__parse(g, path, text, len, err, errlen);
}

void at_places__free(at_gazetteer *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->ntexts; i++)
		free(g->texts[i]);
	free(g->texts);
	free(g->rows);
	memset(g, 0, sizeof(*g));
}

const at_place_row *at_places__state(const at_gazetteer *g, const char *code, int capital)
{
	int want = capital ? PK_CAPITAL : PK_CENTROID;
	for (size_t i = 0; g && code && i < g->n; i++)
		if (g->rows[i].kind == want && strcmp(g->rows[i].country, code) == 0)
			return &g->rows[i];
	return NULL;
}

static int word_char(unsigned char c) { return isalnum(c) || c >= 0x80; }

/* Where `name` (n bytes) first is inside text as whole words, ASCII
 * case-insensitively, or -1. */
static long find_words(const char *text, size_t tl, const char *name, size_t n)
{
	for (size_t i = 0; i + n <= tl; i++) {
		if (i && word_char((unsigned char)text[i - 1]))
			continue;
		if (i + n < tl && word_char((unsigned char)text[i + n]))
			continue;
		size_t k = 0;
		while (k < n &&
		       tolower((unsigned char)text[i + k]) == tolower((unsigned char)name[k]))
			k++;
		if (k == n)
			return (long)i;
	}
	return -1;
}

static int contains_words(const char *text, size_t tl, const char *name, size_t n)
{
	return find_words(text, tl, name, n) >= 0;
}

static void fix_from(at_place_fix *out, const at_place_row *r)
{
	out->kind = r->kind;
	memcpy(out->country, r->country, 4);
	memcpy(out->country2, r->country2, 4);
	out->lat = r->lat;
	out->lon = r->lon;
	out->name = r->name;
}

const at_place_row *at_places__find(const at_gazetteer *g, const char *text, size_t len)
{
	const at_place_row *best = NULL;
	long best_at = -1;
	for (size_t i = 0; g && text && i < g->n; i++) {
		const at_place_row *r = &g->rows[i];
		if (r->kind == PK_CENTROID)
			continue;
		long at = find_words(text, len, r->name, r->nlen);
		if (at >= 0 &&
		    (!best || at < best_at || (at == best_at && r->nlen > best->nlen))) {
			best = r;
			best_at = at;
		}
	}
	return best;
}

int at_places__resolve(const at_gazetteer *g, const char *text, const char *const *states,
		       int n, at_place_fix *out)
{
	memset(out, 0, sizeof(*out));
	if (!g || !text)
		return 0;
	size_t tl = strlen(text);
	int border = contains_words(text, tl, "border", 6) ||
		     contains_words(text, tl, "borders", 7) ||
		     contains_words(text, tl, "frontier", 8);
	if (border && n >= 2) {
		const char *a = states[0], *b = NULL;
		for (int i = 1; i < n && !b; i++)
			if (strcmp(states[i], a) != 0)
				b = states[i];
		if (b) {
			const char *lo = strcmp(a, b) < 0 ? a : b, *hi = lo == a ? b : a;
			for (size_t i = 0; i < g->n; i++) {
				const at_place_row *r = &g->rows[i];
				if (r->kind == PK_BORDER && !strcmp(r->country, lo) &&
				    !strcmp(r->country2, hi)) {
					fix_from(out, r);
					return 1;
				}
			}
		}
	}
	/* the first named place in the text, the longest of those that start
	 * there ("Ream Naval Base on the Gulf of Thailand" is the base) */
	const at_place_row *best = at_places__find(g, text, tl);
	if (best) {
		fix_from(out, best);
		return 1;
	}
	const at_place_row *c = n ? at_places__state(g, states[0], 0) : NULL;
	if (c) {
		fix_from(out, c);
		return 1;
	}
	return 0;
}
