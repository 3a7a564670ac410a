/* SPDX-License-Identifier: MIT */
/*
 * tests/text/tokenize.c — the tokenizer (src/text/token.c): byte offsets into
 * the original bytes, words that hold dots, hyphens and commas, possessives,
 * typographic apostrophes, and invalid UTF-8 read as white space.
 */
#include "../test_util.h"
#include "text/text.h"
#include "util/arena.h"

#include <utf8proc.h>

typedef struct toks {
	at_arena arena;
	at_tok *t;
	size_t n, cap;
	const char *s;
} toks;

static void tokenize(toks *k, const char *s)
{
	memset(k, 0, sizeof(*k));
	at_arena_init(&k->arena, 0);
	k->s = s;
	long r = at_tokenize(&k->arena, s, 0, strlen(s), &k->t, &k->n, &k->cap, 100000);
	assert_true(r >= 0);
	assert_int_equal((size_t)r, k->n);
	/* every token's offsets lie within the input and in order */
	for (size_t i = 0; i < k->n; i++) {
		assert_true(k->t[i].start < k->t[i].end);
		assert_true(k->t[i].end <= strlen(s));
		if (i)
			assert_true(k->t[i - 1].end <= k->t[i].start);
	}
}

static void done(toks *k) { at_arena_free(&k->arena); }

/* The original bytes of token i. */
static const char *orig(const toks *k, size_t i)
{
	static char buf[256];
	size_t n = k->t[i].end - k->t[i].start;
	assert_true(n < sizeof(buf));
	memcpy(buf, k->s + k->t[i].start, n);
	buf[n] = '\0';
	return buf;
}

/* Assert the token norms, "|"-separated. */
static void expect_norms(const toks *k, const char *want)
{
	char got[1024] = "";
	size_t g = 0;
	for (size_t i = 0; i < k->n && g < sizeof(got) - 1; i++)
		g += (size_t)snprintf(got + g, sizeof(got) - g, "%s%s", i ? "|" : "",
				      k->t[i].norm);
	assert_string_equal(got, want);
}

static void tokenize__offsets_point_into_the_original(void **state)
{
	(void)state;
	toks k;
	const char *s = "  Kenya  received\ttwo\nhelicopters.";
	tokenize(&k, s);
	assert_int_equal(k.n, 5);
	assert_int_equal(k.t[0].start, 2);
	assert_int_equal(k.t[0].end, 7);
	assert_string_equal(orig(&k, 1), "received");
	assert_int_equal(k.t[2].start, 18);
	assert_string_equal(orig(&k, 3), "helicopters");
	assert_true(k.t[3].flags & AT_TF_NEWLINE);
	assert_false(k.t[2].flags & AT_TF_NEWLINE);
	assert_true(k.t[1].flags & AT_TF_SPACE);
	assert_false(k.t[4].flags & AT_TF_SPACE);
	assert_int_equal(k.t[4].type, AT_TOK_PUNCT);
	assert_true(k.t[0].flags & AT_TF_CAP);
	done(&k);
}

static void tokenize__norms_are_lower_case(void **state)
{
	(void)state;
	toks k;
	tokenize(&k, "NATO Drills BEGIN");
	expect_norms(&k, "nato|drills|begin");
	assert_true(k.t[0].flags & AT_TF_ALLCAP);
	assert_true(k.t[1].flags & AT_TF_CAP);
	assert_false(k.t[1].flags & AT_TF_ALLCAP);
	done(&k);
}

static void tokenize__dotted_initials_are_one_word(void **state)
{
	(void)state;
	toks k;
	tokenize(&k, "the U.S. and the U.N. agreed");
	expect_norms(&k, "the|u.s.|and|the|u.n.|agreed");
	assert_string_equal(orig(&k, 1), "U.S.");
	assert_int_equal(k.t[1].type, AT_TOK_WORD);
	done(&k);
}

static void tokenize__hyphenated_model_names_are_one_word(void **state)
{
	(void)state;
	toks k;
	tokenize(&k, "T-72 tanks and F/A-18 jets, a Russian-Uzbek drill");
	expect_norms(&k, "t-72|tanks|and|f/a-18|jets|,|a|russian-uzbek|drill");
	assert_true(k.t[0].flags & AT_TF_HYPHEN);
	assert_true(k.t[7].flags & AT_TF_HYPHEN);
	done(&k);
}

static void tokenize__thousands_and_decimals_are_one_number(void **state)
{
	(void)state;
	toks k;
	tokenize(&k, "1,500 troops, 2.5 billion, 12,34 and 1,2345");
	expect_norms(&k, "1,500|troops|,|2.5|billion|,|12|,|34|and|1|,|2345");
	assert_int_equal(k.t[0].type, AT_TOK_NUM);
	assert_int_equal(k.t[3].type, AT_TOK_NUM);
	done(&k);
}

static void tokenize__possessive_s_is_its_own_token(void **state)
{
	(void)state;
	toks k;
	tokenize(&k, "Russia's fleet");
	expect_norms(&k, "russia|'s|fleet");
	assert_string_equal(orig(&k, 0), "Russia");
	assert_string_equal(orig(&k, 1), "'s");
	assert_int_equal(k.t[1].start, 6);
	done(&k);
}

static void tokenize__curly_apostrophe_possessive(void **state)
{
	(void)state;
	toks k;
	const char *s = "Chad\xE2\x80\x99s army";
	tokenize(&k, s);
	expect_norms(&k, "chad|'s|army");
	assert_int_equal(k.t[1].start, 4);
	assert_int_equal(k.t[1].end, 8); /* 3-byte apostrophe + s */
	done(&k);
}

static void tokenize__negation_nt_splits_off(void **state)
{
	(void)state;
	toks k;
	tokenize(&k, "Berlin doesn't plan");
	expect_norms(&k, "berlin|doesn|'t|plan");
	done(&k);
	tokenize(&k, "Berlin doesn\xE2\x80\x99t plan");
	expect_norms(&k, "berlin|doesn|'t|plan");
	done(&k);
}

static void tokenize__apostrophe_inside_a_name_joins(void **state)
{
	(void)state;
	toks k;
	tokenize(&k, "C\xC3\xB4te d'Ivoire and O'Brien");
	expect_norms(&k, "c\xC3\xB4te|d'ivoire|and|o'brien");
	done(&k);
}

static void tokenize__typographic_quotes_and_dashes_map_to_ascii(void **state)
{
	(void)state;
	toks k;
	tokenize(&k, "\xE2\x80\x9CWe\xE2\x80\x9D \xE2\x80\x94 they");
	expect_norms(&k, "\"|we|\"|-|they");
	assert_int_equal(k.t[0].end - k.t[0].start, 3);
	done(&k);
}

static void tokenize__non_ascii_words_are_case_folded(void **state)
{
	(void)state;
	toks k;
	tokenize(&k, "T\xC3\x9CRK\xC4\xB0YE \xC3\x89tat");
	assert_int_equal(k.n, 2);
	assert_true(k.t[1].flags & AT_TF_CAP);
	assert_string_equal(k.t[1].norm, "\xC3\xA9tat");
	done(&k);
}

/* Russian words take a short way round utf8proc (token.c: fold): for every
 * letter of U+0400-U+045F, alone and beside ASCII letters and other
 * Cyrillic letters, the norm is what utf8proc's case folding and NFC give. */
static void tokenize__cyrillic_folds_as_utf8proc_does(void **state)
{
	(void)state;
	for (unsigned cp = 0x400; cp <= 0x45F; cp++) {
		unsigned other = 0x400 + (cp * 7 + 3) % 0x60;
		char word[32];
		snprintf(word, sizeof(word), "Q%c%c%c%cz", (char)(0xC0 | cp >> 6),
			 (char)(0x80 | (cp & 0x3F)), (char)(0xC0 | other >> 6),
			 (char)(0x80 | (other & 0x3F)));
		toks k;
		tokenize(&k, word);
		assert_int_equal(k.n, 1);
		utf8proc_uint8_t *want = NULL;
		utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)word,
						  (utf8proc_ssize_t)strlen(word), &want,
						  UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE);
		assert_true(r > 0);
		if ((size_t)r != k.t[0].nlen || memcmp(want, k.t[0].norm, (size_t)r) != 0)
			fail_msg("U+%04X: \"%s\" folds to \"%s\", utf8proc says \"%s\"", cp, word,
				 k.t[0].norm, (const char *)want);
		free(want);
		done(&k);
	}
}

static void tokenize__invalid_utf8_bytes_are_spaces(void **state)
{
	(void)state;
	toks k;
	const char *s = "tanks\xFF\xFEsent \xC3 now\x80";
	tokenize(&k, s);
	expect_norms(&k, "tanks|sent|now");
	assert_int_equal(k.t[1].start, 7);
	assert_int_equal(k.t[1].end, 11);
	assert_true(k.t[1].flags & AT_TF_SPACE);
	assert_int_equal(k.t[2].start, 14);
	done(&k);
}

static void tokenize__unicode_spaces_separate_words(void **state)
{
	(void)state;
	toks k;
	tokenize(&k, "20\xC2\xA0tanks\xE2\x80\x8B"
		     "arrived\xEF\xBB\xBF");
	expect_norms(&k, "20|tanks|arrived");
	done(&k);
}

static void tokenize__respects_the_range_and_token_cap(void **state)
{
	(void)state;
	at_arena a;
	at_arena_init(&a, 0);
	at_tok *t = NULL;
	size_t n = 0, cap = 0;
	const char *s = "one two three four";
	assert_int_equal(at_tokenize(&a, s, 4, 13, &t, &n, &cap, 100), 2);
	assert_int_equal(t[0].start, 4);
	assert_int_equal(t[1].end, 13);
	/* appending continues the array */
	assert_int_equal(at_tokenize(&a, s, 14, 18, &t, &n, &cap, 100), 1);
	assert_int_equal(n, 3);
	assert_string_equal(t[2].norm, "four");
	/* past the cap: -1 */
	assert_int_equal(at_tokenize(&a, s, 0, 18, &t, &n, &cap, 4), -1);
	at_arena_free(&a);
}

static void tokenize__empty_and_blank_input_give_no_tokens(void **state)
{
	(void)state;
	toks k;
	tokenize(&k, "");
	assert_int_equal(k.n, 0);
	done(&k);
	tokenize(&k, " \n\t\r ");
	assert_int_equal(k.n, 0);
	done(&k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tokenize__offsets_point_into_the_original),
		cmocka_unit_test(tokenize__norms_are_lower_case),
		cmocka_unit_test(tokenize__dotted_initials_are_one_word),
		cmocka_unit_test(tokenize__hyphenated_model_names_are_one_word),
		cmocka_unit_test(tokenize__thousands_and_decimals_are_one_number),
		cmocka_unit_test(tokenize__possessive_s_is_its_own_token),
		cmocka_unit_test(tokenize__curly_apostrophe_possessive),
		cmocka_unit_test(tokenize__negation_nt_splits_off),
		cmocka_unit_test(tokenize__apostrophe_inside_a_name_joins),
		cmocka_unit_test(tokenize__typographic_quotes_and_dashes_map_to_ascii),
		cmocka_unit_test(tokenize__non_ascii_words_are_case_folded),
		cmocka_unit_test(tokenize__cyrillic_folds_as_utf8proc_does),
		cmocka_unit_test(tokenize__invalid_utf8_bytes_are_spaces),
		cmocka_unit_test(tokenize__unicode_spaces_separate_words),
		cmocka_unit_test(tokenize__respects_the_range_and_token_cap),
		cmocka_unit_test(tokenize__empty_and_blank_input_give_no_tokens),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
