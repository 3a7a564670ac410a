/* SPDX-License-Identifier: MIT */
/*
 * token.c — the tokenizer (see text.h).
 *
 * A word is a run of letters and digits, joined across "-" (T-72, ex-Soviet,
 * Russian-Uzbek), "." between digits (1.2) or in dotted initials (U.S.),
 * "," before three digits (1,500), "/" (F/A-18) and an apostrophe inside a
 * name (d'Ivoire). A possessive "'s" and the "'t" of "doesn't" are tokens
 * of their own.
 * Punctuation is one token per character. Bytes that are not valid UTF-8
 * count as white space, so offsets stay true to the original bytes.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"
#include "../util/utf8.h"

/* Multi-byte punctuation and symbols, with their ASCII norm ("" = as is). */
static const struct {
	const char *utf8;
	const char *norm;
} PUNCT[] = {
	{"\xE2\x80\x99", "'"}, {"\xE2\x80\x98", "'"}, {"\xE2\x80\x9C", "\""},
	{"\xE2\x80\x9D", "\""}, {"\xE2\x80\x9E", "\""}, {"\xC2\xAB", "\""},
	{"\xC2\xBB", "\""}, {"\xE2\x80\x93", "-"}, {"\xE2\x80\x94", "-"},
	{"\xE2\x80\x92", "-"}, {"\xE2\x80\x95", "-"}, {"\xE2\x88\x92", "-"},
	{"\xE2\x80\xA6", "..."}, {"\xE2\x80\xA2", "*"}, {"\xC2\xB7", "*"},
	{"\xC3\x97", "x"}, {"\xE2\x82\xAC", ""}, {"\xC2\xA3", ""}, {"\xC2\xA5", ""},
	{"\xE2\x82\xBD", ""}, {"\xE2\x82\xB9", ""}, {"\xE2\x82\xB4", ""},
	{"\xE2\x82\xA9", ""}, {"\xE2\x82\xAA", ""}, {"\xE2\x82\xBA", ""},
	{"\xE2\x82\xB8", ""}, {"\xE2\x82\xA6", ""}, {"\xC2\xA9", ""}, {"\xC2\xAE", ""},
	{"\xE2\x84\xA2", ""}, {"\xC2\xB0", ""}, {"\xC2\xA7", ""},
};

/* Byte length of a multi-byte punctuation sequence at s, with its norm. */
static size_t mb_punct(const char *s, size_t n, const char **norm)
{
	/* every sequence above starts with C2, C3 or E2: Cyrillic and most other
	 * letters are ruled out at once (Russian text is all such bytes) */
	unsigned char c = (unsigned char)s[0];
	if (c != 0xC2 && c != 0xC3 && c != 0xE2)
		return 0;
	for (size_t i = 0; i < sizeof(PUNCT) / sizeof(PUNCT[0]); i++) {
		size_t l = strlen(PUNCT[i].utf8);
		if (l <= n && memcmp(s, PUNCT[i].utf8, l) == 0) {
			*norm = PUNCT[i].norm;
			return l;
		}
	}
	return 0;
}

static int is_space_at(const char *s, size_t n, size_t *len)
{
	unsigned char c = (unsigned char)s[0];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
		*len = 1;
		return 1;
	}
	if (c < 0x80) {
		*len = 1;
		return 0;
	}
	/* no-break space, zero-width and other Unicode spaces */
	if (n >= 2 && c == 0xC2 && (unsigned char)s[1] == 0xA0) {
		*len = 2;
		return 1;
	}
	if (n >= 3 && c == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] <= 0x8F || (unsigned char)s[2] == 0xAF ||
	     (unsigned char)s[2] == 0xA8 || (unsigned char)s[2] == 0xA9)) {
		*len = 3;
		return 1;
	}
	if (n >= 3 && c == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF) {
		*len = 3;
		return 1;
	}
	size_t l = at_utf8_valid_len(s, n);
	if (!l) {
		*len = 1;
		return 1; /* invalid byte: read as space */
	}
	*len = l;
	return 0;
}

static int is_alnum_ascii(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Is there a word character at s? (ASCII alnum or a non-punctuation letter) */
static int word_char_at(const char *s, size_t n, size_t *len)
{
	unsigned char c = (unsigned char)s[0];
	if (c < 0x80) {
		*len = 1;
		return is_alnum_ascii(c);
	}
	/* a two-byte character led by C4..DF (Cyrillic: D0, D1) is neither a
	 * space nor punctuation above (those start with C2, C3 or E2 and up) */
	if (c >= 0xC4 && c <= 0xDF && n >= 2 && ((unsigned char)s[1] & 0xC0) == 0x80) {
		*len = 2;
		return 1;
	}
	const char *norm;
	size_t sp;
	if (is_space_at(s, n, &sp))
		return 0;
	if (mb_punct(s, n, &norm))
		return 0;
	*len = sp;
	return 1;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int push(at_arena *a, at_tok **toks, size_t *n, size_t *cap, size_t max)
{
	if (*n >= max)
		return -1;
	return at_arena_grow(a, (void **)toks, *n, cap, sizeof(**toks), 256);
}

/* Fold a word to its norm: ASCII lower case; non-ASCII via utf8proc. */
static const char *fold(at_arena *a, const char *s, size_t n, uint16_t *nlen)
{
	/* ASCII (nearly every word): lower case in the same pass that checks */
	char *low = at_arena_alloc_raw(a, n + 1);
	if (!low)
		return NULL;
	size_t m = 0;
	for (; m < n; m++) {
		char c = s[m];
		if ((unsigned char)c >= 0x80)
			break;
		low[m] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	if (m == n) {
		low[n] = '\0';
		*nlen = (uint16_t)(n > 65535 ? 65535 : n);
		return low;
	}
	/* ASCII and basic Cyrillic (U+0400-U+045F, Russian words): case folding
	 * moves a capital by a fixed step and NFC leaves such text as it is
	 * (no combining marks), so utf8proc is not needed; the bytes keep
	 * their length */
	size_t c = m;
	while (c < n) {
		unsigned char b = (unsigned char)s[c];
		if (b < 0x80) {
			low[c] = (b >= 'A' && b <= 'Z') ? (char)(b + 32) : (char)b;
			c++;
			continue;
		}
		if (c + 1 >= n)
			break;
		unsigned char t = (unsigned char)s[c + 1];
		if (b == 0xD0 && t >= 0x80 && t <= 0x8F) { /* U+0400-040F -> U+0450-045F */
			low[c] = (char)0xD1;
			low[c + 1] = (char)(t + 0x10);
		} else if (b == 0xD0 && t >= 0x90 && t <= 0x9F) { /* U+0410-041F -> U+0430-043F */
			low[c] = (char)0xD0;
			low[c + 1] = (char)(t + 0x20);
		} else if (b == 0xD0 && t >= 0xA0 && t <= 0xAF) { /* U+0420-042F -> U+0440-044F */
			low[c] = (char)0xD1;
			low[c + 1] = (char)(t - 0x20);
		} else if ((b == 0xD0 && t >= 0xB0 && t <= 0xBF) ||
			   (b == 0xD1 && t >= 0x80 && t <= 0x9F)) { /* already small */
			low[c] = (char)b;
			low[c + 1] = (char)t;
		} else {
			break;
		}
		c += 2;
	}
	if (c == n) {
		low[n] = '\0';
		*nlen = (uint16_t)(n > 65535 ? 65535 : n);
		return low;
	}
	/* map typographic apostrophes first, then case-fold + NFC */
	char tmp[512];
	size_t k = 0;
	for (size_t i = 0; i < n && k + 4 < sizeof(tmp);) {
		const char *norm;
		size_t l = mb_punct(s + i, n - i, &norm);
		if (l && norm[0]) {
			size_t nl = strlen(norm);
			memcpy(tmp + k, norm, nl);
			k += nl;
			i += l;
		} else {
			tmp[k++] = s[i++];
		}
	}
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)tmp, (utf8proc_ssize_t)k,
					  &out, UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE |
						UTF8PROC_STABLE);
	if (r < 0) {
		char *p = at_arena_strndup(a, tmp, k);
		*nlen = (uint16_t)k;
		return p;
	}
	char *p = at_arena_strndup(a, (const char *)out, (size_t)r);
	free(out);
	*nlen = (uint16_t)r;
	return p;
}

long at_tokenize(at_arena *a, const char *s, size_t start, size_t end, at_tok **toks,
		 size_t *n, size_t *cap, size_t max_toks)
{
	size_t i = start, n0 = *n;
	uint8_t pending = 0;
	while (i < end) {
		size_t len;
		unsigned char c0 = (unsigned char)s[i];
		if (c0 == ' ' || c0 == '\n') { /* is_space_at's commonest case, inline */
			pending |= AT_TF_SPACE;
			if (c0 == '\n')
				pending |= AT_TF_NEWLINE;
			i++;
			continue;
		}
		if (is_space_at(s + i, end - i, &len)) {
			pending |= AT_TF_SPACE;
			if (s[i] == '\n')
				pending |= AT_TF_NEWLINE;
			i += len;
			continue;
		}
		if (push(a, toks, n, cap, max_toks) != 0)
			return -1;
		at_tok *t = &(*toks)[*n];
		memset(t, 0, sizeof(*t));
		t->flags = pending;
		pending = 0;
		t->start = (uint32_t)i;
		if (c0 < 0x80 ? is_alnum_ascii(c0) : word_char_at(s + i, end - i, &len)) {
			size_t j = i;
			int dotted = 0; /* U.S. style */
			for (;;) {
				size_t l;
				while (j < end) {
					unsigned char c = (unsigned char)s[j];
					if (c < 0x80) { /* word_char_at's ASCII case, inline */
						if (!is_alnum_ascii(c))
							break;
						j++;
					} else if (word_char_at(s + j, end - j, &l)) {
						j += l;
					} else {
						break;
					}
				}
				if (j >= end)
					break;
				char c = s[j];
				size_t l2 = 0;
				int next_word = j + 1 < end && word_char_at(s + j + 1, end - j - 1, &l2);
				if (c == '-' && next_word) {
					t->flags |= AT_TF_HYPHEN;
					j++;
					continue;
				}
				if (c == '.' && next_word && is_digit(s[j - 1]) && is_digit(s[j + 1])) {
					j++;
					continue;
				}
				if (c == ',' && j + 3 < end + 0 && is_digit(s[j - 1]) &&
				    is_digit(s[j + 1]) && j + 3 <= end - 0 && is_digit(s[j + 2]) &&
				    is_digit(s[j + 3]) && (j + 4 >= end || !is_digit(s[j + 4]))) {
					j++;
					continue;
				}
				if (c == '/' && next_word && is_alnum_ascii((unsigned char)s[j - 1])) {
					j++;
					continue;
				}
				/* dotted initials: U.S. U.N. U.S.A. (single letters) */
				if (c == '.' && (j - i == 1 || dotted) &&
				    ((s[j - 1] >= 'A' && s[j - 1] <= 'Z') ||
				     (s[j - 1] >= 'a' && s[j - 1] <= 'z')) &&
				    (j - i == 1 || s[j - 2] == '.')) {
					if (j + 2 < end && ((s[j + 1] >= 'A' && s[j + 1] <= 'Z')) &&
					    s[j + 2] == '.') {
						dotted = 1;
						j += 2;
						continue;
					}
					if (dotted) {
						j++; /* the final dot of U.S. */
						break;
					}
				}
				/* apostrophes: 's and n't split off; d'Ivoire joins */
				const char *pn;
				size_t al = (c == '\'') ? 1 : 0;
				if (!al && (unsigned char)c >= 0x80) {
					size_t ml = mb_punct(s + j, end - j, &pn);
					if (ml && strcmp(pn, "'") == 0)
						al = ml;
				}
				if (al && j + al < end) {
					size_t k = j + al;
					int s_poss = (s[k] == 's' || s[k] == 'S') &&
						     (k + 1 >= end || !word_char_at(s + k + 1, end - k - 1, &l));
					int nt = (s[k] == 't' || s[k] == 'T') && s[j - 1] == 'n' &&
						 (k + 1 >= end || !word_char_at(s + k + 1, end - k - 1, &l));
					if (!s_poss && !nt && word_char_at(s + k, end - k, &l) &&
					    s[k] >= 'A' && s[k] <= 'Z') {
						j = k; /* d'Ivoire, O'Brien */
						continue;
					}
				}
				break;
			}
			t->end = (uint32_t)j;
			t->type = is_digit(s[i]) ? AT_TOK_NUM : AT_TOK_WORD;
			t->norm = fold(a, s + i, j - i, &t->nlen);
			if (!t->norm)
				return -1;
			/* case flags from ASCII letters */
			int letters = 0, upper = 0;
			for (size_t k = i; k < j; k++) {
				char c = s[k];
				if (c >= 'A' && c <= 'Z') {
					letters++;
					upper++;
				} else if (c >= 'a' && c <= 'z') {
					letters++;
				}
			}
			if (s[i] >= 'A' && s[i] <= 'Z')
				t->flags |= AT_TF_CAP;
			else if ((unsigned char)s[i] >= 0x80) {
				/* non-ASCII initial: ask utf8proc */
				utf8proc_int32_t cp;
				utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						 (utf8proc_ssize_t)(j - i), &cp);
				if (cp > 0 && utf8proc_isupper(cp))
					t->flags |= AT_TF_CAP;
			}
			if (letters >= 2 && upper == letters)
				t->flags |= AT_TF_ALLCAP;
			(*n)++;
			i = j;
			continue;
		}
		/* punctuation */
		const char *pn;
		size_t ml = ((unsigned char)s[i] >= 0x80) ? mb_punct(s + i, end - i, &pn) : 0;
		t->type = AT_TOK_PUNCT;
		if (ml) {
			t->end = (uint32_t)(i + ml);
			t->norm = pn[0] ? pn : at_arena_strndup(a, s + i, ml);
			t->nlen = (uint16_t)strlen(t->norm);
			i += ml;
		} else if (s[i] == '\'' && i + 2 <= end && (s[i + 1] == 's' || s[i + 1] == 'S') &&
			   (i + 2 == end || !word_char_at(s + i + 2, end - i - 2, &len))) {
			t->end = (uint32_t)(i + 2);
			t->norm = "'s";
			t->nlen = 2;
			t->type = AT_TOK_WORD;
			i += 2;
		} else if (s[i] == '\'' && i + 2 <= end && (s[i + 1] == 't' || s[i + 1] == 'T')) {
			t->end = (uint32_t)(i + 2);
			t->norm = "'t";
			t->nlen = 2;
			t->type = AT_TOK_WORD;
			i += 2;
		} else {
			size_t l = 1;
			if ((unsigned char)s[i] >= 0x80) {
				l = at_utf8_valid_len(s + i, end - i);
				if (!l)
					l = 1;
			}
			t->end = (uint32_t)(i + l);
			t->norm = at_arena_strndup(a, s + i, l);
			t->nlen = (uint16_t)l;
			i += l;
		}
		if (!t->norm)
			return -1;
		/* a typographic apostrophe before s / t: possessive or negation */
		if (strcmp(t->norm, "'") == 0 && i < end &&
		    (s[i] == 's' || s[i] == 'S' || s[i] == 't' || s[i] == 'T') &&
		    (i + 1 == end || !word_char_at(s + i + 1, end - i - 1, &len))) {
			t->end = (uint32_t)(i + 1);
			t->norm = (s[i] == 's' || s[i] == 'S') ? "'s" : "'t";
			t->nlen = 2;
			t->type = AT_TOK_WORD;
			i += 1;
		}
		(*n)++;
	}
	return (long)(*n - n0);
}
