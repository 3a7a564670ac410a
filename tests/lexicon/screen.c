/*
 * tests/lexicon/screen.c — the trigger screen (lx_may_trigger in
 * src/lexicon/lexicon.c), which lets extraction skip documents that cannot
 * yield an event. It must never say "no" when some token of the document, as
 * the pipeline reads it (paragraphs from at_clean, tokens from at_tokenize,
 * then lx_match and the hyphen parts through lx_word), starts a trigger: a
 * differential test over generated documents checks exactly that.
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

static int trigger_in(const lx_hit *hits, size_t n)
{
	for (size_t h = 0; h < n; h++)
		if (hits[h].e->cls == LX_TRIGGER)
			return 1;
	return 0;
}

/* The truth, the slow way: does any token (or hyphen part) start a trigger? */
static int has_trigger(const char *s, size_t body_off, size_t len)
{
	at_arena a;
	at_arena_init(&a, 0);
	at_para *paras;
	size_t npara;
	assert_int_equal(at_clean(&a, s, body_off, len, &paras, &npara), 0);
	int found = 0;
	for (size_t p = 0; p < npara && !found; p++) {
		at_tok *toks = NULL;
		size_t n = 0, cap = 0;
		assert_true(at_tokenize(&a, s, paras[p].start, paras[p].end, &toks, &n, &cap,
					1u << 20) >= 0);
		for (size_t i = 0; i < n && !found; i++) {
			lx_hit hits[16];
			found = trigger_in(hits, lx_match(ctx, s, toks, i, n, hits, 16));
			const char *w = toks[i].norm;
			const char *o = s + toks[i].start;
			while (!found && *w) {
				size_t l = strcspn(w, "-");
				found = trigger_in(hits, lx_word(ctx, w, l, o, hits, 16));
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
	return found;
}

static int screen(const char *s) { return lx_may_trigger(ctx, s, 0, strlen(s)); }

static void screen__plain_cases(void **state)
{
	(void)state;
	assert_false(screen("The council said it was pleased with the harbour.\n"));
	assert_true(screen("Germany provided 20 tanks to Lithuania.\n"));
	assert_true(screen("The UAE-funded clinic opened.\n"));
	assert_true(screen("DELIVERED: ten boats\n"));
	/* a non-ASCII byte: always analysed */
	assert_true(screen("The council met in K\xC3\xB6ln on Tuesday.\n"));
	/* from body_off on: a trigger in the date header part does not count */
	const char *s = "provided\nThe council met.\n";
	assert_false(lx_may_trigger(ctx, s, 9, strlen(s)));
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

static void screen__never_rules_out_a_document_with_a_trigger(void **state)
{
	(void)state;
	/* words: the trigger heads of the lexicon, near misses and filler */
	const char *heads[512];
	size_t nheads = 0;
	for (size_t k = 0; k < ctx->nentries && nheads < 512; k++)
		if (ctx->entries[k].cls == LX_TRIGGER)
			heads[nheads++] = ctx->entries[k].norms[0];
	assert_true(nheads > 50);
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
	for (int round = 0; round < 4000; round++) {
		size_t len = 0;
		int words = 1 + (int)(next_rand() % 12);
		for (int w = 0; w < words; w++) {
			const char *word;
			uint64_t r = next_rand();
			if (r % 9 == 0)
				word = heads[(r >> 8) % nheads];
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
		int truth = has_trigger(doc, 0, len);
		int says = screen(doc);
		if (truth && !says)
			fail_msg("the screen ruled out a document with a trigger: \"%s\"", doc);
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
		cmocka_unit_test(screen__never_rules_out_a_document_with_a_trigger),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
