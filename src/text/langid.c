/* SPDX-License-Identifier: MIT */
/*
 * langid.c — the language of a document (see lang.h): letters of each
 * script, then function words of each language. Cheap: one pass over the
 * bytes, no allocation.
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lang.h"

const char *at_lang_code(int lang) { return lang == AT_LANG_RU ? "ru" : "en"; }

/* Cyrillic letters are U+0400..U+04FF: lead bytes 0xD0..0xD3. */
static int is_cyr_lead(unsigned char c) { return c >= 0xD0 && c <= 0xD3; }

static int is_latin(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whole words, compared on the bytes (lower case as written). */
static const char *const RU_FW[] = {"и",  "в",  "на", "не", "что", "с",   "по", "для",
				    "от", "из", "о",  "к",  "это", "как", NULL};
static const char *const EN_FW[] = {"the", "and",  "of",   "to", "in",  "a", "for",
				    "on",  "that", "with", "is", "was", NULL};

static int in(const char *w, size_t n, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
			return 1;
	return 0;
}

int at_langid(const char *s, size_t start, size_t end)
{
	/* most documents have no Cyrillic letter at all: English at once */
	const unsigned char *p = (const unsigned char *)s + start,
			    *e = (const unsigned char *)s + end;
#ifdef __SSE2__
	/* sixteen bytes at a time: c & 0xFC == 0xD0 */
	while (e - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i lead = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xFC)),
					      _mm_set1_epi8((char)0xD0));
		if (_mm_movemask_epi8(lead))
			break;
		p += 16;
	}
#endif
	while (p < e && !is_cyr_lead(*p))
		p++;
	if (p == e)
		return AT_LANG_EN;
	size_t cyr = 0, lat = 0, ru_fw = 0, en_fw = 0;
	size_t i = start;
	while (i < end) {
		unsigned char c = (unsigned char)s[i];
		if (!is_latin(c) && !(is_cyr_lead(c) && i + 1 < end)) {
			i++;
			continue;
		}
		/* a word: a run of Latin letters, or of Cyrillic letters */
		size_t w = i;
		if (is_latin(c)) {
			while (i < end && is_latin((unsigned char)s[i]))
				i++;
			lat += i - w;
			en_fw += in(s + w, i - w, EN_FW);
		} else {
			while (i + 1 < end && is_cyr_lead((unsigned char)s[i]))
				i += 2;
			cyr += (i - w) / 2;
			ru_fw += in(s + w, i - w, RU_FW);
		}
	}
	if (cyr > lat && (ru_fw >= en_fw || cyr > 4 * lat))
		return AT_LANG_RU;
	return AT_LANG_EN;
}
