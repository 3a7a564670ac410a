/* SPDX-License-Identifier: MIT */
/*
 * text.h — tokens and sentences with byte offsets into the original bytes.
 * Exports at_tokenize (one byte range into tokens) and at_split_sentences
 * (tokens into sentences that survive "Aug. 5-10", "U.S.", "Gen.", "No. 3",
 * initials, quotes and parentheses).
 *
 * Token norms are case-folded NFC (utf8proc) with typographic quotes and
 * dashes mapped to ASCII, so lexicon matching is a string compare.
 */
#ifndef AT_TEXT_H
#define AT_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"

enum at_tok_type { AT_TOK_WORD, AT_TOK_NUM, AT_TOK_PUNCT };

enum at_tok_flag {
	AT_TF_CAP = 1,       /* first letter upper case */
	AT_TF_ALLCAP = 2,    /* every letter upper case, at least two letters */
	AT_TF_SPACE = 4,     /* white space before the token */
	AT_TF_NEWLINE = 8,   /* a line break before the token */
	AT_TF_HYPHEN = 16    /* a word joined by hyphens ("Russian-Uzbek") */
};

typedef struct at_tok {
	uint32_t start, end; /* byte offsets into the document */
	const char *norm;    /* folded form, NUL-terminated, in the arena */
	uint16_t nlen;
	uint8_t type;
	uint8_t flags;
} at_tok;

typedef struct at_sentence {
	uint32_t t0, t1;     /* token range [t0, t1) */
	uint32_t start, end; /* byte range */
	uint8_t role;        /* paragraph role (clean.h) */
	uint32_t para;       /* paragraph index */
} at_sentence;

/*
 * Tokenize bytes [start, end) of `s`, appending to *toks (arena-grown array
 * of capacity *cap). Returns the number of tokens appended, or -1 when memory
 * or the cap `max_toks` runs out.
 */
long at_tokenize(at_arena *a, const char *s, size_t start, size_t end, at_tok **toks,
		 size_t *n, size_t *cap, size_t max_toks);

/*
 * Split tokens [t0, t1) into sentences, appending to *out. A line break that
 * ends a short title-like line also ends a sentence.
 */
int at_split_sentences(at_arena *a, const char *s, const at_tok *toks, uint32_t t0,
		       uint32_t t1, at_sentence **out, size_t *n, size_t *cap);

/* Is `norm` an abbreviation that does not end a sentence ("gen", "aug")? */
int at_is_abbrev(const char *norm);

#endif
