/* SPDX-License-Identifier: MIT */
/*
 * lang.h — languages of documents and Russian word forms. Exports
 * at_langid (a document's language from its script and function words) and
 * the Russian normaliser (Snowball's Russian stemmer from libstemmer, with
 * yo/ye folding), used by the tokenizer's callers on Russian documents and by
 * the lexicon on Russian rows.
 *
 * A Russian token's norm is the Snowball stem of its folded form ("россией" ->
 * "росс"); numbers and designations with digits ("ми-8мт", "бтр-80") keep
 * their folded form. Lexicon rows in Russian are stemmed the same way, so
 * one row covers the case forms that share a stem; where stems differ
 * ("таджикистан" / "таджикистану") the data lists the forms.
 */
#ifndef AT_LANG_H
#define AT_LANG_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"
#include "../util/arena.h"

enum at_lang { AT_LANG_EN = 0, AT_LANG_RU = 1 };

/* "en", "ru" */
const char *at_lang_code(int lang);

/* The language of bytes [start, end): Russian when Cyrillic letters
 * outnumber Latin ones and Russian function words are at least as common as
 * English ones (or Cyrillic letters dominate); English otherwise. */
int at_langid(const char *s, size_t start, size_t end);

typedef struct at_ru at_ru;

/* A Russian stemmer (not shared between threads). NULL when out of memory. */
at_ru *at_ru_new(void);
void at_ru_free(at_ru *r);

/* Does the folded word contain a Cyrillic letter? */
int at_ru_cyrillic(const char *w, size_t n);

/* Fold "ё" to "е" in place (both cases); returns the new length. */
size_t at_ru_fold_yo(char *w, size_t n);

/*
 * The norm of a folded token w[0..n): its yo-folded Snowball stem when it
 * is a Cyrillic word without digits, else the yo-folded form. Returns a
 * string in the arena (NUL-terminated, length in *len), or NULL when memory
 * runs out.
 */
const char *at_ru_norm(at_ru *r, at_arena *a, const char *w, size_t n, uint16_t *len);

/* Re-norm Cyrillic tokens toks[t0, t1) with at_ru_norm. -1 when memory runs out. */
int at_ru_restem(at_ru *r, at_arena *a, at_tok *toks, size_t t0, size_t t1);

/* The lower-case surface form of a token (Cyrillic and ASCII folded by
 * hand, yo as ye), for endings and grammar words:
 * written to buf (size cap), NUL-terminated. Returns its length. */
size_t at_ru_surface(const char *s, const at_tok *t, char *buf, size_t cap);

#endif
