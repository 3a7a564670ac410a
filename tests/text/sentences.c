/* SPDX-License-Identifier: MIT */
/*
 * tests/text/sentences.c — the sentence splitter (src/text/sentence.c) on
 * abbreviations, dotted initials, ranks, numbers, quotes and parentheses.
 */
#include "../test_util.h"
#include "text/text.h"
#include "util/arena.h"

/* Split s and return its sentences' original text, joined by " || ". */
static const char *split(const char *s)
{
	static char out[2048];
	at_arena a;
	at_arena_init(&a, 0);
	at_tok *t = NULL;
	size_t n = 0, cap = 0;
	assert_true(at_tokenize(&a, s, 0, strlen(s), &t, &n, &cap, 100000) >= 0);
	at_sentence *sent = NULL;
	size_t ns = 0, scap = 0;
	assert_int_equal(at_split_sentences(&a, s, t, 0, (uint32_t)n, &sent, &ns, &scap), 0);
	size_t k = 0;
	out[0] = '\0';
	uint32_t next_tok = 0;
	for (size_t i = 0; i < ns; i++) {
		/* sentences cover the tokens in order without overlaps; only a
		 * headline separator (" | ", " ~ ") between two is dropped */
		if (sent[i].t0 == next_tok + 1)
			assert_true(!strcmp(t[next_tok].norm, "|") ||
				    !strcmp(t[next_tok].norm, "~"));
		else
			assert_int_equal(sent[i].t0, next_tok);
		assert_true(sent[i].t1 > sent[i].t0);
		next_tok = sent[i].t1;
		assert_int_equal(sent[i].start, t[sent[i].t0].start);
		assert_int_equal(sent[i].end, t[sent[i].t1 - 1].end);
		k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%.*s", i ? " || " : "",
				      (int)(sent[i].end - sent[i].start), s + sent[i].start);
	}
	assert_int_equal(next_tok, n);
	at_arena_free(&a);
	return out;
}

static void sentences__plain_stops_split(void **state)
{
	(void)state;
	assert_string_equal(split("Tanks arrived. Troops followed! Why? Nobody said."),
			    "Tanks arrived. || Troops followed! || Why? || Nobody said.");
}

static void sentences__month_abbreviation_with_a_day_range(void **state)
{
	(void)state;
	assert_string_equal(split("The drills run Aug. 5-10 near the coast. They end then."),
			    "The drills run Aug. 5-10 near the coast. || They end then.");
}

static void sentences__us_army_is_not_a_break(void **state)
{
	(void)state;
	assert_string_equal(split("The U.S. Army sent trainers. The U.K. Navy did too."),
			    "The U.S. Army sent trainers. || The U.K. Navy did too.");
}

static void sentences__us_at_the_end_of_a_sentence_before_a_starter(void **state)
{
	(void)state;
	assert_string_equal(split("Radars came from the U.S. The first one is working."),
			    "Radars came from the U.S. || The first one is working.");
}

static void sentences__ranks_are_not_breaks(void **state)
{
	(void)state;
	assert_string_equal(split("Gen. Smith met Lt. Col. Ortiz and Dr. Weiss on Monday."),
			    "Gen. Smith met Lt. Col. Ortiz and Dr. Weiss on Monday.");
}

static void sentences__number_sign_is_not_a_break(void **state)
{
	(void)state;
	assert_string_equal(split("Base No. 3 will host the unit. It opens soon."),
			    "Base No. 3 will host the unit. || It opens soon.");
}

static void sentences__initials_are_not_breaks(void **state)
{
	(void)state;
	assert_string_equal(split("The minister, J. Smith, signed it. A. B. Jones agreed."),
			    "The minister, J. Smith, signed it. || A. B. Jones agreed.");
}

static void sentences__closing_quote_stays_with_its_sentence(void **state)
{
	(void)state;
	assert_string_equal(split("\"We will help.\" The envoy left."),
			    "\"We will help.\" || The envoy left.");
	assert_string_equal(split("He said: \xE2\x80\x9CIt is done.\xE2\x80\x9D Then he left."),
			    "He said: \xE2\x80\x9CIt is done.\xE2\x80\x9D || Then he left.");
}

static void sentences__closing_parenthesis_stays_with_its_sentence(void **state)
{
	(void)state;
	assert_string_equal(split("Ten trucks arrived (all of them new.) More are due."),
			    "Ten trucks arrived (all of them new.) || More are due.");
	assert_string_equal(split("It was delivered. (Officials confirmed it.) Done."),
			    "It was delivered. || (Officials confirmed it.) || Done.");
}

static void sentences__lower_case_after_a_stop_does_not_split(void **state)
{
	(void)state;
	assert_string_equal(split("Costs rose to 1.2 bn. in total last year."),
			    "Costs rose to 1.2 bn. in total last year.");
}

static void sentences__headline_separators_split(void **state)
{
	(void)state;
	assert_string_equal(split("Army gets trucks | Defence News"),
			    "Army gets trucks || Defence News");
}

static void sentences__text_without_a_final_stop_is_one_sentence(void **state)
{
	(void)state;
	assert_string_equal(split("Kenya hosts a joint exercise"),
			    "Kenya hosts a joint exercise");
	assert_string_equal(split(""), "");
}

static void sentences__very_long_runs_are_cut(void **state)
{
	(void)state;
	char s[4000];
	size_t k = 0;
	for (int i = 0; i < 500; i++)
		k += (size_t)snprintf(s + k, sizeof(s) - k, "w%d ", i % 10);
	s[k] = '\0';
	at_arena a;
	at_arena_init(&a, 0);
	at_tok *t = NULL;
	size_t n = 0, cap = 0;
	assert_true(at_tokenize(&a, s, 0, k, &t, &n, &cap, 100000) >= 0);
	at_sentence *sent = NULL;
	size_t ns = 0, scap = 0;
	assert_int_equal(at_split_sentences(&a, s, t, 0, (uint32_t)n, &sent, &ns, &scap), 0);
	assert_true(ns >= 3);
	for (size_t i = 0; i < ns; i++)
		assert_true(sent[i].t1 - sent[i].t0 <= 160);
	at_arena_free(&a);
}

static void abbrev__known_words(void **state)
{
	(void)state;
	assert_true(at_is_abbrev("gen"));
	assert_true(at_is_abbrev("aug"));
	assert_true(at_is_abbrev("30-aug"));
	assert_false(at_is_abbrev("tanks"));
	assert_false(at_is_abbrev(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sentences__plain_stops_split),
		cmocka_unit_test(sentences__month_abbreviation_with_a_day_range),
		cmocka_unit_test(sentences__us_army_is_not_a_break),
		cmocka_unit_test(sentences__us_at_the_end_of_a_sentence_before_a_starter),
		cmocka_unit_test(sentences__ranks_are_not_breaks),
		cmocka_unit_test(sentences__number_sign_is_not_a_break),
		cmocka_unit_test(sentences__initials_are_not_breaks),
		cmocka_unit_test(sentences__closing_quote_stays_with_its_sentence),
		cmocka_unit_test(sentences__closing_parenthesis_stays_with_its_sentence),
		cmocka_unit_test(sentences__lower_case_after_a_stop_does_not_split),
		cmocka_unit_test(sentences__headline_separators_split),
		cmocka_unit_test(sentences__text_without_a_final_stop_is_one_sentence),
		cmocka_unit_test(sentences__very_long_runs_are_cut),
		cmocka_unit_test(abbrev__known_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
