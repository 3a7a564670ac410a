/* SPDX-License-Identifier: MIT */
/*
 * tests/text/russian.c — the Russian text layer: language identification
 * (src/text/langid.c), Snowball stems with yo/ye folding (stem_ru.c), case
 * from endings (extract/frames_ru.c), designations and abbreviations with
 * dots in the tokenizer and sentence splitter. Sentences written for these
 * tests.
 */
#include "../test_util.h"
#include "extract/extract.h"
#include "text/lang.h"
#include "text/text.h"
#include "util/arena.h"

static int lang_of(const char *s) { return at_langid(s, 0, strlen(s)); }

static void langid__script_and_function_words(void **state)
{
	(void)state;
	assert_int_equal(lang_of("Россия передала Таджикистану партию вертолетов и "
				 "бронемашин."),
			 AT_LANG_RU);
	assert_int_equal(lang_of("Russia handed a batch of helicopters to Tajikistan."),
			 AT_LANG_EN);
	/* an English story quoting a Russian name stays English */
	assert_int_equal(lang_of("The drills, called Zapad (Запад), were held in Belarus and "
				 "Russia with thousands of troops taking part in them."),
			 AT_LANG_EN);
	/* a Russian story with Latin model names stays Russian */
	assert_int_equal(lang_of("Украине передали системы IRIS-T SLM и Skynex, а также "
				 "боеприпасы для них."),
			 AT_LANG_RU);
	assert_int_equal(lang_of(""), AT_LANG_EN);
	/* the first Cyrillic letter is found wherever it stands (the bytes
	 * before it are read sixteen at a time) */
	for (size_t pad = 0; pad < 40; pad++) {
		char doc[128];
		memset(doc, ' ', pad);
		if (pad)
			doc[pad - 1] = '\n';
		snprintf(doc + pad, sizeof(doc) - pad, "%s",
			 "Россия передала партию: 2022-05-06, 12:00, 14:30.");
		assert_int_equal(lang_of(doc), AT_LANG_RU);
	}
	assert_string_equal(at_lang_code(AT_LANG_RU), "ru");
	assert_string_equal(at_lang_code(AT_LANG_EN), "en");
}

/* The norm at_ru_norm gives a folded word. */
static const char *norm(at_ru *r, at_arena *a, const char *w)
{
	uint16_t len;
	const char *p = at_ru_norm(r, a, w, strlen(w), &len);
	assert_non_null(p);
	assert_int_equal(strlen(p), len);
	return p;
}

static void stems__case_forms_share_one(void **state)
{
	(void)state;
	at_ru *r = at_ru_new();
	assert_non_null(r);
	at_arena a;
	at_arena_init(&a, 0);
	/* Россия, России, Россией: one stem */
	const char *s = norm(r, &a, "россия");
	assert_string_equal(norm(r, &a, "россии"), s);
	assert_string_equal(norm(r, &a, "россией"), s);
	/* adjectives in every gender and case */
	assert_string_equal(norm(r, &a, "таджикского"), norm(r, &a, "таджикский"));
	assert_string_equal(norm(r, &a, "таджикским"), norm(r, &a, "таджикская"));
	/* yo and ye: бронетранспортёров = бронетранспортеров */
	assert_string_equal(norm(r, &a, "бронетранспортёров"),
			    norm(r, &a, "бронетранспортеров"));
	assert_string_equal(norm(r, &a, "вертолёт"), norm(r, &a, "вертолет"));
	char w[] = "ёлка Ёж";
	at_ru_fold_yo(w, strlen(w));
	assert_string_equal(w, "елка Еж");
	/* designations keep their letters and digits */
	assert_string_equal(norm(r, &a, "ми-8мт"), "ми-8мт");
	assert_string_equal(norm(r, &a, "т-72б3"), "т-72б3");
	/* compounds are stemmed part by part */
	assert_string_equal(norm(r, &a, "российско-таджикском"), "российск-таджикск");
	/* Latin words are left alone */
	assert_string_equal(norm(r, &a, "skynex"), "skynex");
	at_arena_free(&a);
	at_ru_free(r);
}

static void cases__from_endings(void **state)
{
	(void)state;
	enum { N = 1, G = 2, D = 4, A = 8, I = 16, P = 32 };
#define CASES(w) at_ru__cases(w, strlen(w))
	assert_true(CASES("россия") & N);
	assert_false(CASES("россия") & D);
	assert_true(CASES("таджикистану") & D);
	assert_false(CASES("таджикистану") & N);
	assert_int_equal(CASES("силам"), D);
	assert_int_equal(CASES("китаем") & (N | D), 0);
	assert_true(CASES("китаем") & I);
	assert_true(CASES("казахстан") & N);
	assert_true(CASES("киргизии") & D);
	assert_true(CASES("киргизии") & P);
	assert_false(CASES("киргизии") & N);
	assert_int_equal(CASES("министерству"), D | A);
	assert_int_equal(CASES("генеральному"), D);
	assert_true(CASES("главком") & N); /* a shortened title, not an instrumental */
#undef CASES
}

typedef struct toks {
	at_arena arena;
	at_tok *t;
	size_t n, cap;
	at_sentence *s;
	size_t ns, scap;
} toks;

static void split(toks *k, const char *s)
{
	memset(k, 0, sizeof(*k));
	at_arena_init(&k->arena, 0);
	assert_true(at_tokenize(&k->arena, s, 0, strlen(s), &k->t, &k->n, &k->cap, 100000) >=
		    0);
	assert_int_equal(at_split_sentences(&k->arena, s, k->t, 0, (uint32_t)k->n, &k->s,
					    &k->ns, &k->scap),
			 0);
}

static int has_token(const toks *k, const char *src, const char *word)
{
	for (size_t i = 0; i < k->n; i++)
		if (k->t[i].end - k->t[i].start == strlen(word) &&
		    memcmp(src + k->t[i].start, word, strlen(word)) == 0)
			return 1;
	return 0;
}

static void tokens__designations_are_one_word(void **state)
{
	(void)state;
	const char *s = "Поставлены вертолеты Ми-8МТ, бронемашины БТР-80 и танки Т-72Б3.";
	toks k;
	split(&k, s);
	assert_true(has_token(&k, s, "Ми-8МТ"));
	assert_true(has_token(&k, s, "БТР-80"));
	assert_true(has_token(&k, s, "Т-72Б3"));
	at_arena_free(&k.arena);
}

static void sentences__abbreviations_with_dots(void **state)
{
	(void)state;
	const char *s = "Китай выделил 70 млрд. руб. на оснащение армии. Сумма составит "
			"5 млн. долл. США и ещё 2 тыс. руб. в 2015 г. Учения пройдут в г. Ош.";
	toks k;
	split(&k, s);
	/* three sentences: the dots after млрд, руб, млн, долл, тыс and "г." before
	 * a name end none; "г." after a year may */
	assert_int_equal(k.ns, 3);
	at_arena_free(&k.arena);
	const char *s2 = "Поставки начались в 2015 г. Россия передала технику.";
	split(&k, s2);
	assert_int_equal(k.ns, 2);
	at_arena_free(&k.arena);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(langid__script_and_function_words),
		cmocka_unit_test(stems__case_forms_share_one),
		cmocka_unit_test(cases__from_endings),
		cmocka_unit_test(tokens__designations_are_one_word),
		cmocka_unit_test(sentences__abbreviations_with_dots),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
