/* SPDX-License-Identifier: MIT */
/*
 * tests/lexicon/screen.c — the screen (lx_may_yield in
 * src/lexicon/lexicon.c), which lets extraction skip documents that cannot
 * yield an event. It must never say "no" when the document, as the pipeline
 * reads it (paragraphs from at_clean, tokens from at_tokenize, then lx_match
 * and the hyphen parts through lx_word), has both a trigger and a phrase of
 * military context: a differential test over generated documents checks
 * exactly that.
 */
#include "../test_util.h"
#include "clean/clean.h"
#include "lexicon/lexicon.h"
#include "text/text.h"
#include "util/arena.h"

static at_ctx *ctx;

static int setup(void **state)
{
	(void)state;
	char err[256];
	assert_int_equal(at_ctx_new(&ctx, AT_TEST_DATADIR, err, sizeof(err)), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	at_ctx_free(ctx);
	return 0;
}

static unsigned keys_in(const lx_hit *hits, size_t n)
{
	unsigned keys = 0;
	for (size_t h = 0; h < n; h++)
		keys |= lx_screen_keys(ctx, hits[h].e);
	return keys;
}

/* The truth, the slow way: do some tokens (or hyphen parts) start a trigger
 * and a military phrase? */
static int has_both(const char *s, size_t body_off, size_t len)
{
	at_arena a;
	at_arena_init(&a, 0);
	at_para *paras;
	size_t npara;
	assert_int_equal(at_clean(&a, s, body_off, len, &paras, &npara), 0);
	unsigned found = 0;
	const unsigned both = LX_SCREEN_TRIGGER | LX_SCREEN_MILITARY;
	for (size_t p = 0; p < npara && found != both; p++) {
		at_tok *toks = NULL;
		size_t n = 0, cap = 0;
		assert_true(at_tokenize(&a, s, paras[p].start, paras[p].end, &toks, &n, &cap,
					1u << 20) >= 0);
		for (size_t i = 0; i < n && found != both; i++) {
			lx_hit hits[16];
			found |= keys_in(hits, lx_match(ctx, s, toks, i, n, hits, 16));
			const char *w = toks[i].norm;
			const char *o = s + toks[i].start;
			while (*w) {
				size_t l = strcspn(w, "-");
				found |= keys_in(hits, lx_word(ctx, w, l, o, hits, 16));
				w += l;
				o += l;
				if (*w == '-') {
					w++;
					o++;
				}
			}
		}
	}
	at_arena_free(&a);
	return found == both;
}

static int screen(const char *s) { return lx_may_yield(ctx, s, 0, strlen(s)); }

static void screen__plain_cases(void **state)
{
	(void)state;
	assert_false(screen("The council said it was pleased with the harbour.\n"));
	assert_true(screen("Germany provided 20 tanks to Lithuania.\n"));
	assert_true(screen("The UAE-funded clinic for the army opened.\n"));
	assert_true(screen("DELIVERED: ten boats for the navy\n"));
	assert_true(screen("Two F-16 jets were handed over.\n"));
	assert_true(screen("It sent .50 calibre machine guns.\n"));
	/* a trigger with no military phrase, a military phrase with no trigger */
	assert_false(screen("The UAE-funded clinic opened.\n"));
	assert_false(screen("DELIVERED: ten boxes\n"));
	assert_false(screen("The ministry said the tanks stood idle.\n"));
	/* the first word of a military phrase alone is not one */
	assert_false(screen("The national budget provided special funds.\n"));
	/* a non-ASCII byte: always analysed */
	assert_true(screen("The council met in K\xC3\xB6ln on Tuesday.\n"));
	/* from body_off on: a trigger in the date header part does not count */
	const char *s = "provided\nThe council met.\n";
	assert_false(lx_may_yield(ctx, s, 9, strlen(s)));
}

/* A small deterministic generator (xorshift). */
static uint64_t rng = 88172645463325252ull;
static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void screen__never_rules_out_a_document_that_could_yield(void **state)
{
	(void)state;
	/* words: the trigger heads of the lexicon, its military phrases as
	 * written and their first words (near misses), and filler */
	const char *heads[512], *mil[2048];
	size_t nheads = 0, nmil = 0;
	for (size_t k = 0; k < ctx->nentries; k++) {
		const lx_entry *e = &ctx->entries[k];
		if (e->cls == LX_TRIGGER && nheads < 512)
			heads[nheads++] = e->norms[0];
		if ((lx_screen_keys(ctx, e) & LX_SCREEN_MILITARY) && nmil + 2 <= 2048) {
			mil[nmil++] = e->text;
			mil[nmil++] = e->norms[0];
		}
	}
	assert_true(nheads > 50);
	assert_true(nmil > 200);
	static const char *const FILLER[] = {"the",  "council", "said",   "harbour",  "price",
					     "of",   "fish",    "rose",   "in",       "March",
					     "U.S.", "1,500",   "T-72",   "d'Ivoire", "it",
					     "was",  "aide",    "sender", "x",        "Q3",
					     "2024", "and",     "market", "forces",   "moved"};
	static const char *const SEP[] = {" ", " ",  " ",    "-",  ".",    ",",
					  "/", "'",  "'s ",  "\n", "\n\n", "  ",
					  "(", "\"", "\r\n", ": ", "\t"};
	char doc[2048];
	int with = 0, without = 0;
	for (int round = 0; round < 20000; round++) {
		size_t len = 0;
		int words = 1 + (int)(next_rand() % 12);
		for (int w = 0; w < words; w++) {
			const char *word;
			uint64_t r = next_rand();
			if (r % 9 == 0)
				word = heads[(r >> 8) % nheads];
			else if (r % 9 == 1)
				word = mil[(r >> 8) % nmil];
			else
				word = FILLER[(r >> 8) % (sizeof(FILLER) / sizeof(FILLER[0]))];
			size_t wl = strlen(word);
			if (len + wl + 8 >= sizeof(doc))
				break;
			int casing = (int)((r >> 20) % 4); /* as is, Capital, UPPER, a suffix */
			for (size_t i = 0; i < wl; i++) {
				char c = word[i];
				if ((casing == 2 || (casing == 1 && i == 0)) && c >= 'a' &&
				    c <= 'z')
					c = (char)(c - 32);
				doc[len++] = c;
			}
			if (casing == 3)
				doc[len++] = (char)('a' + (r >> 30) % 26);
			const char *sep = SEP[(r >> 40) % (sizeof(SEP) / sizeof(SEP[0]))];
			memcpy(doc + len, sep, strlen(sep));
			len += strlen(sep);
		}
		doc[len] = '\0';
		int truth = has_both(doc, 0, len);
		int says = screen(doc);
		if (truth && !says)
			fail_msg("the screen ruled out a document that could yield: \"%s\"",
				 doc);
		with += truth;
		without += !says;
	}
	/* both kinds were generated: the test compares something */
	assert_true(with > 200);
	assert_true(without > 200);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(screen__plain_cases),
		cmocka_unit_test(screen__never_rules_out_a_document_that_could_yield),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
