/* SPDX-License-Identifier: MIT */
/*
 * jsonl_fast.c — a fast path for the common JSONL line: one object whose
 * values are all strings, with no surrogate or NUL escapes, in valid UTF-8.
 * Exports at_ingest__jsonl_fast and at_ingest__jsonl_fields_free
 * (jsonl_fast.h).
 *
 * Why: jansson builds a tree for every line and copies every string; on a
 * news corpus that was about 30% of a run, for lines that are almost always
 * {"id": "...", "published": "...", "title": "...", "text": "..."}. This
 * path decodes the strings aidtrace reads straight into their final buffers
 * and skips the others.
 *
 * It is a fast path, not a second parser: whenever a line is anything but
 * the common case — a number, true/false, an array or object value, a null
 * "text" (null elsewhere reads as a missing key, as with jansson), an
 * escape in a key, a repeated key, \u0000 or a surrogate escape, a raw
 * control character, invalid UTF-8, trailing bytes, no "text" — it returns
 * 0 and the line goes to jansson, which gives the same fields or the
 * diagnostic. On the lines it accepts, JSON (RFC 8259) and jansson agree on
 * the value of every string; tests/ingest/jsonl_fast.c checks it against
 * jansson on generated lines.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "jsonl_fast.h"
#include "../util/utf8.h"

void at_ingest__jsonl_fields_free(at_jsonl_fields *f)
{
	free(f->text);
	free(f->id);
	free(f->url);
	free(f->title);
	free(f->published);
	free(f->outlet);
	memset(f, 0, sizeof(*f));
}

static size_t skip_ws(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

static int hex4(const char *s, unsigned *out)
{
	unsigned v = 0;
	for (int k = 0; k < 4; k++) {
		char c = s[k];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

#ifdef __SSE2__
/* The bytes of v that are '"', '\\' or a control byte (<= 0x1F), as bits. */
static inline int special_bits(__m128i v)
{
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'),
		      ctl = _mm_set1_epi8(0x1F);
	return _mm_movemask_epi8(_mm_or_si128(
		_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
		_mm_cmpeq_epi8(_mm_max_epu8(v, ctl), ctl)));
}
#endif

/* The first byte of s[i, n) that is '"', '\\' or a control byte, or n (or
 * more): eight bytes at a time, with the classic has-zero-byte test. */
static size_t special_at(const char *s, size_t i, size_t n)
{
#ifdef __SSE2__
	/* sixteen at a time where SSE2 is there (every x86-64) */
	while (i + 16 <= n) {
		int bits = special_bits(_mm_loadu_si128((const __m128i *)(const void *)(s + i)));
		if (bits)
			return i + (size_t)__builtin_ctz((unsigned)bits);
		i += 16;
	}
#endif
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	while (i + 8 <= n) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
		uint64_t hit = ((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w);
		if (hit & highs)
			break;
		i += 8;
	}
	while (i < n && s[i] != '"' && s[i] != '\\' && (unsigned char)s[i] >= 0x20)
		i++;
	return i;
}

/* Copies s[i, ...) to out up to the first byte of s[i, n) that is '"', '\\'
 * or a control byte, and returns its index (or n): special_at and a copy in
 * one pass. Stops early when `room` bytes are copied. */
static size_t copy_to_special(const char *s, size_t i, size_t n, char *out, size_t room)
{
	size_t i0 = i;
	if (room < n - i)
		n = i + room;
#ifdef __SSE2__
	while (i + 16 <= n) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		_mm_storeu_si128((__m128i *)(void *)(out + (i - i0)), v);
		int bits = special_bits(v);
		if (bits)
			return i + (size_t)__builtin_ctz((unsigned)bits);
		i += 16;
	}
#endif
	while (i < n && s[i] != '"' && s[i] != '\\' && (unsigned char)s[i] >= 0x20) {
		out[i - i0] = s[i];
		i++;
	}
	return i;
}

/*
 * The string whose opening quote is at s[*i]. Sets *i past the closing
 * quote, and, when `out` is not NULL, *out to its decoded value (malloc'd,
 * NUL-terminated) and *olen to its length. Returns 1, 0 for a string the
 * fast path leaves to jansson (with `out` NULL: any escape), or AT_ENOMEM.
 * A value is decoded in the same pass that looks for its end, into a buffer
 * of 128 bytes, grown when needed to the rest of the line (the decoded value
 * is never longer) and shrunk when much of that is left over.
 */
static int string_at(const char *s, size_t n, size_t *i, char **out, size_t *olen)
{
	size_t p = *i + 1, q = p;
	if (!out) { /* a key: escapes are left to jansson */
		q = special_at(s, q, n);
		if (q >= n || s[q] != '"')
			return 0;
		*i = q + 1;
		return 1;
	}
	size_t cap = n - p < 128 ? n - p : 128;
	char *b = malloc(cap + 1);
	if (!b)
		return AT_ENOMEM;
	size_t o = 0, k = p;
	for (;;) {
		size_t e = copy_to_special(s, k, n, b + o, cap - o);
		o += e - k;
		k = e;
		if (k < n && cap < n - p &&
		    (o == cap || (s[k] == '\\' && o + 3 > cap))) {
			/* out of room (an escape writes up to 3 bytes): as much as
			 * the rest of the line */
			char *c = realloc(b, n - p + 1);
			if (!c) {
				free(b);
				return AT_ENOMEM;
			}
			b = c;
			cap = n - p;
			continue;
		}
		if (k >= n || (unsigned char)s[k] < 0x20 || k + 1 >= n)
			goto decline;
		if (s[k] == '"')
			break;
		unsigned cp;
		switch (s[k + 1]) { /* a backslash and the byte it escapes */
		case '"':
		case '\\':
		case '/': b[o++] = s[k + 1]; break;
		case 'b': b[o++] = '\b'; break;
		case 'f': b[o++] = '\f'; break;
		case 'n': b[o++] = '\n'; break;
		case 'r': b[o++] = '\r'; break;
		case 't': b[o++] = '\t'; break;
		case 'u':
			/* four hex digits (a quote or control byte is none) */
			if (k + 6 > n || hex4(s + k + 2, &cp) != 0 || cp == 0 ||
			    (cp >= 0xD800 && cp <= 0xDFFF))
				goto decline;
			k += 4;
			/* "\uXXXX" is 6 bytes and its UTF-8 at most 3: b is big enough */
			if (cp < 0x80) {
				b[o++] = (char)cp;
			} else if (cp < 0x800) {
				b[o++] = (char)(0xC0 | (cp >> 6));
				b[o++] = (char)(0x80 | (cp & 0x3F));
			} else {
				b[o++] = (char)(0xE0 | (cp >> 12));
				b[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
				b[o++] = (char)(0x80 | (cp & 0x3F));
			}
			break;
		default: goto decline;
		}
		k += 2;
	}
	*i = k + 1;
	b[o] = '\0';
	if (cap - o > 256) { /* a short value early in a long line */
		char *c = realloc(b, o + 1);
		if (c)
			b = c;
	}
	*out = b;
	*olen = o;
	return 1;
decline:
	free(b);
	return 0;
}

/* The field a key names (and its bit in `seen`), or NULL for keys
 * aidtrace does not read. */
static char **field_of(at_jsonl_fields *f, const char *key, size_t n, size_t **lenp,
		       unsigned *bit)
{
	*lenp = NULL;
	*bit = 0;
	if (n == 4 && !memcmp(key, "text", 4)) {
		*lenp = &f->tlen;
		*bit = 1;
		return &f->text;
	}
	if (n == 2 && !memcmp(key, "id", 2))
		return *bit = 2, &f->id;
	if (n == 3 && !memcmp(key, "url", 3))
		return *bit = 4, &f->url;
	if (n == 5 && !memcmp(key, "title", 5))
		return *bit = 8, &f->title;
	if (n == 9 && !memcmp(key, "published", 9))
		return *bit = 16, &f->published;
	if (n == 6 && !memcmp(key, "outlet", 6))
		return *bit = 32, &f->outlet;
	return NULL;
}

int at_ingest__jsonl_fast(const char *s, size_t n, at_jsonl_fields *f)
{
	memset(f, 0, sizeof(*f));
	if (at_utf8_check(s, n) != n)
		return 0;
	size_t i = skip_ws(s, n, 0);
	if (i >= n || s[i] != '{')
		return 0;
	i = skip_ws(s, n, i + 1);
	int rc = 0;
	unsigned seen = 0;
	while (i < n && s[i] == '"') {
		size_t k0 = i + 1;
		if (string_at(s, n, &i, NULL, NULL) != 1)
			goto fallback; /* unterminated, or escapes in the key */
		const char *key = s + k0;
		size_t klen = i - 1 - k0;
		i = skip_ws(s, n, i);
		if (i >= n || s[i] != ':')
			goto fallback;
		i = skip_ws(s, n, i + 1);
		size_t *lenp, scratch;
		unsigned bit;
		char *other = NULL;
		char **dst = field_of(f, key, klen, &lenp, &bit);
		if (seen & bit)
			goto fallback; /* a repeated key: jansson decides */
		seen |= bit;
		if (i + 4 <= n && !memcmp(s + i, "null", 4) && bit != 1) {
			i += 4; /* null is no string: as if the key were missing */
		} else {
			if (i >= n || s[i] != '"')
				goto fallback; /* not a string value */
			/* the values of other keys are decoded too, to check them */
			rc = string_at(s, n, &i, dst ? dst : &other, lenp ? lenp : &scratch);
			free(other);
			if (rc != 1)
				goto fallback;
		}
		i = skip_ws(s, n, i);
		if (i < n && s[i] == ',') {
			i = skip_ws(s, n, i + 1);
			if (i >= n || s[i] != '"')
				goto fallback; /* a trailing comma */
			continue;
		}
		if (i < n && s[i] == '}')
			break;
		goto fallback;
	}
	if (i >= n || s[i] != '}' || skip_ws(s, n, i + 1) != n || !f->text)
		goto fallback;
	return 1;
fallback:
	at_ingest__jsonl_fields_free(f);
	return rc == AT_ENOMEM ? AT_ENOMEM : 0;
}
