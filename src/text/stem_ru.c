/* SPDX-License-Identifier: MIT */
/*
 * stem_ru.c — Russian word forms (see lang.h): yo/ye folding and Snowball's
 * Russian stemmer (libstemmer, UTF-8). A stemmer instance holds its own
 * buffers, so each document (or the lexicon loader) uses its own.
 */
#include <stdlib.h>
#include <string.h>
#include <libstemmer.h>

#include "lang.h"

struct at_ru {
	struct sb_stemmer *sb;
};

at_ru *at_ru_new(void)
{
	at_ru *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->sb = sb_stemmer_new("russian", "UTF_8");
	if (!r->sb) {
		free(r);
		return NULL;
	}
	return r;
}

void at_ru_free(at_ru *r)
{
	if (!r)
		return;
	sb_stemmer_delete(r->sb);
	free(r);
}

int at_ru_cyrillic(const char *w, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c >= 0xD0 && c <= 0xD3)
			return 1;
	}
	return 0;
}

size_t at_ru_fold_yo(char *w, size_t n)
{
	/* ё = D1 91, Ё = D0 81 -> е = D0 B5, Е = D0 95 */
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned char c = (unsigned char)w[i], c2 = (unsigned char)w[i + 1];
		if (c == 0xD1 && c2 == 0x91) {
			w[i] = (char)0xD0;
			w[i + 1] = (char)0xB5;
		} else if (c == 0xD0 && c2 == 0x81) {
			w[i + 1] = (char)0x95;
		}
	}
	return n;
}

static int has_digit(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (w[i] >= '0' && w[i] <= '9')
			return 1;
	return 0;
}

const char *at_ru_norm(at_ru *r, at_arena *a, const char *w, size_t n, uint16_t *len)
{
	char tmp[256];
	if (n >= sizeof(tmp)) {
		*len = (uint16_t)(n > 65535 ? 65535 : n);
		return w;
	}
	memcpy(tmp, w, n);
	at_ru_fold_yo(tmp, n);
	const char *out = tmp;
	size_t m = n;
	char joined[512];
	if (r && at_ru_cyrillic(tmp, n) && !has_digit(tmp, n)) {
		/* each part of a compound: "российско-таджикском" -> "российск-таджикск" */
		size_t k = 0, i = 0;
		while (i <= n) {
			size_t l = 0;
			while (i + l < n && tmp[i + l] != '-')
				l++;
			const sb_symbol *st =
				l ? sb_stemmer_stem(r->sb, (const sb_symbol *)tmp + i, (int)l)
				  : NULL;
			const char *part = st ? (const char *)st : tmp + i;
			size_t pl = st ? (size_t)sb_stemmer_length(r->sb) : l;
			if (k + pl + 1 >= sizeof(joined))
				break;
			memcpy(joined + k, part, pl);
			k += pl;
			i += l;
			if (i < n)
				joined[k++] = '-';
			i++;
		}
		out = joined;
		m = k;
	}
	char *p = at_arena_strndup(a, out, m);
	if (!p)
		return NULL;
	*len = (uint16_t)m;
	return p;
}

int at_ru_restem(at_ru *r, at_arena *a, at_tok *toks, size_t t0, size_t t1)
{
	for (size_t i = t0; i < t1; i++) {
		at_tok *t = &toks[i];
		if (t->type == AT_TOK_PUNCT || !at_ru_cyrillic(t->norm, t->nlen))
			continue;
		const char *p = at_ru_norm(r, a, t->norm, t->nlen, &t->nlen);
		if (!p)
			return -1;
		t->norm = p;
	}
	return 0;
}

size_t at_ru_surface(const char *s, const at_tok *t, char *buf, size_t cap)
{
	/* lower case by hand: Cyrillic and ASCII are all Russian text needs, and
	 * this runs on many words (utf8proc's full folding costs a malloc each) */
	size_t m = 0;
	if (!cap)
		return 0;
	for (uint32_t i = t->start; i < t->end && m + 2 < cap;) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xD0 && i + 1 < t->end) {
			unsigned char c2 = (unsigned char)s[i + 1];
			if (c2 >= 0x90 && c2 <= 0x9F) { /* А..П */
				buf[m++] = (char)0xD0;
				buf[m++] = (char)(c2 + 0x20);
			} else if (c2 >= 0xA0 && c2 <= 0xAF) { /* Р..Я */
				buf[m++] = (char)0xD1;
				buf[m++] = (char)(c2 - 0x20);
			} else if (c2 == 0x81) { /* Ё */
				buf[m++] = (char)0xD0;
				buf[m++] = (char)0xB5;
			} else {
				buf[m++] = (char)c;
				buf[m++] = (char)c2;
			}
			i += 2;
		} else if (c == 0xD1 && i + 1 < t->end &&
			   (unsigned char)s[i + 1] == 0x91) { /* ё */
			buf[m++] = (char)0xD0;
			buf[m++] = (char)0xB5;
			i += 2;
		} else {
			buf[m++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
		}
	}
	/* never end inside a character */
	while (m > 0 && ((unsigned char)buf[m - 1] & 0xC0) == 0xC0)
		m--;
	buf[m] = '\0';
	return m;
}
