/* SPDX-License-Identifier: MIT */
/*
 * tests/lexicon/screen.c — the screen (lx_may_yield in
 * src/lexicon/lexicon.c), which lets extraction skip documents that cannot
 * yield an event. It must never say "no" when the document, as the pipeline
 * reads it (paragraphs from at_clean, tokens from at_tokenize, then lx_match
 * and the hyphen parts through lx_word), has both a trigger and a phrase of
 * military context: a differential test over generated documents checks
 * exactly that. The page screen (lx_page_may_yield, on a web page's raw
 * bytes) must never say "no" when the page's text, as html.c reads it, passes
 * lx_may_yield: generated pages, words cut by markup and entities, check it.
 */
#include "../test_util.h"
#include "aidtrace.h"
#include "clean/clean.h"
#include "ingest/ingest_int.h"
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

/* The truth, the slow way, as the frames need it (lexicon.c): do some tokens
 * (or hyphen parts) of one paragraph (at_clean's: a sentence is never
 * longer) start a pair of phrases that lx_screen_pass() lets through, or
 * does the document have a trigger and three military cues, two and an item
 * with a trigger in one paragraph, or the role "forces" and a '('? */
static int is_milcue(const lx_entry *e)
{
	return e->cls == LX_CUE && !strcmp(ctx->keys[e->key].code, "military");
}

static int has_both(const char *s, size_t body_off, size_t len)
{
	at_arena a;
	at_arena_init(&a, 0);
	at_para *paras;
	size_t npara;
	assert_int_equal(at_clean(&a, s, body_off, len, &paras, &npara), 0);
	unsigned doc = 0, milcues = 0;
	int pass = 0, item = 0;
	for (size_t p = 0; p < npara && !pass; p++) {
		at_tok *toks = NULL;
		size_t n = 0, cap = 0;
		assert_true(at_tokenize(&a, s, paras[p].start, paras[p].end, &toks, &n, &cap,
					1u << 20) >= 0);
		unsigned found = 0; /* a new paragraph */
		for (size_t i = 0; i < n; i++) {
			lx_hit hits[16];
			size_t nh = lx_match(ctx, s, toks, i, n, hits, 16);
			found |= keys_in(hits, nh);
			for (size_t h = 0; h < nh; h++)
				milcues += is_milcue(hits[h].e);
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
		pass = lx_screen_pass(found);
		doc |= found;
		item |= (found & (LX_SCREEN_TRIGGER | LX_SCREEN_ITEM)) ==
			(LX_SCREEN_TRIGGER | LX_SCREEN_ITEM);
	}
	at_arena_free(&a);
	return pass || ((doc & LX_SCREEN_TRIGGER) &&
			(milcues >= 3 || (milcues >= 2 && item) ||
			 ((doc & LX_SCREEN_ROLE) && memchr(s + body_off, '(', len - body_off))));
}

static int screen(const char *s) { return lx_may_yield(ctx, s, 0, strlen(s)); }

static int page(const char *s) { return lx_page_may_yield(ctx, s, strlen(s), NULL); }

static void screen__plain_pages(void **state)
{
	(void)state;
	assert_false(page("<html><body><p>The council said it was pleased.</p></body></html>"));
	assert_true(page("<html><body><p>Germany provided 20 tanks.</p></body></html>"));
	/* words cut by markup or written with entities */
	assert_true(page("<html><body><p>Germany pro<b>vided</b> 20 tanks.</p></body></html>"));
	assert_true(page("<p>Germany pro<i>vi</i><b>ded</b> 20 <nav>x</nav>tanks.</p>"));
	assert_true(page("<html><body><p>Germany provided 20 tan&#107;s.</p></body></html>"));
	assert_true(page("<html><body><p>Germany pro&#118;ided 20 tanks.</p></body></html>"));
	assert_true(page("<html><body><p>Germany provided 20 t&aring;nks.</p></body></html>"));
	assert_true(page("<html><body><p>Two F-<b>16</b> jets were handed over.</p></body></html>"));
	assert_false(page("<p>Gifts &amp; &#39;quiet&#39; &lt;goods&gt; &quot;given&quot;</p>"));
	/* a phrase counts whole: apart by markup it may still be one */
	assert_false(page("<p>Germany provided a grant to the ministry.</p>"));
	assert_true(page("<p>Germany provided a defence ministry grant.</p>"));
	assert_true(page("<p>Germany provided a defence<br>ministry grant.</p>"));
	assert_true(page("<p>Germany provided a defence <!-- x --> ministry grant.</p>"));
	/* charsets that are not ASCII's, non-ASCII and control bytes, no element */
	assert_true(page("<meta charset=\"utf-16\"><p>The council met.</p>"));
	assert_false(page("<meta charset=\"utf-8\"><p>The council met.</p>"));
	assert_true(lx_page_may_yield(ctx, "<p>The council met.</p>", 23, "utf-16"));
	assert_true(page("<p>The council met in K\xC3\xB6ln.</p>"));
	assert_true(page("<p>The council\x01met.</p>"));
	assert_true(page("The council met."));
	/* a tag's name and attributes are no text: words there pass no page,
	 * but a non-ASCII or control byte there still sends it the slow way,
	 * and <meta> and <?xml> are read for the charset they name */
	assert_false(page("<p class=\"troops deployed tanks\">The council met.</p>"));
	assert_false(page("<a href=\"/army/provided-tanks\">The council met.</a>"));
	assert_true(page("<p title=\"K\xC3\xB6ln\">The council met.</p>"));
	assert_true(page("<p title=\"a\x01b\">The council met.</p>"));
	assert_true(page("<?xml version=\"1.0\" encoding=\"utf-16\"?><p>The council met.</p>"));
}

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
	/* a deployment's trigger and the units it moves: in one paragraph */
	assert_true(screen("The deployment of a convoy from Russia was completed.\n"));
	assert_true(screen("The deployment of a\nconvoy from Russia was completed.\n"));
	assert_false(screen("The deployment was completed.\n\nA convoy left.\n"));
	assert_false(screen("The deployment was completed.\n  A convoy left.\n"));
	/* a trigger and military context: in one paragraph, unless the context
	 * may come from beyond it (military_doc, an acronym) */
	assert_true(screen("Germany provided aid to the army.\n"));
	assert_false(screen("Germany provided aid.\n\nThe army said so.\n"));
	assert_true(screen("Germany provided aid.\n\nThe army (SNA) said so.\n"));
	assert_true(screen("Germany provided aid.\n\nThe army said so.\n\nThe military, the military.\n"));
}

/* The screen reads 64 bytes at a time: a key word cut by a block's end, or
 * ending the document at one, counts as well. */
static void screen__words_across_blocks(void **state)
{
	(void)state;
	static const char *const ENDS[] = {"Germany provided 20 tanks", "The army, provided"};
	char doc[256];
	for (size_t e = 0; e < sizeof(ENDS) / sizeof(ENDS[0]); e++)
		for (size_t pad = 0; pad < 140; pad++) {
			for (size_t k = 0; k < pad; k++)
				doc[k] = k % 5 == 4 ? ' ' : (char)('a' + k % 3);
			size_t n = strlen(ENDS[e]);
			memcpy(doc + pad, ENDS[e], n);
			doc[pad + n] = '\0';
			if (!screen(doc))
				fail_msg("ruled out at pad %zu: \"%s\"", pad, doc);
			/* and a trigger alone stays ruled out */
			memcpy(doc + pad, "Germany provided 20 boxes", 26);
			assert_false(screen(doc));
		}
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
		if ((lx_screen_keys(ctx, e) & (LX_SCREEN_MILITARY | LX_SCREEN_PEOPLE | LX_SCREEN_UNITS)) &&
		    nmil + 2 <= 2048) {
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
				if (c == ' ' && (r >> 50) % 3 == 1) /* a phrase wrapped at its space */
					c = '\n';
				if (c == ' ' && (r >> 50) % 3 == 2) /* or spaced out */
					doc[len++] = '\t';
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

/* The frames themselves: generated news sentences (states, trigger words,
 * people, units, military and other cues, items, numbers) give the same
 * events with the screen as without it (a second context with screen_off).
 * This checks lx_screen_keys() against the frame rules, which the
 * differential test above takes as given. */
static void screen__same_events_as_without_the_screen(void **state)
{
	(void)state;
	at_ctx *off;
	char err[256];
	assert_int_equal(at_ctx_new(&off, AT_TEST_DATADIR, err, sizeof(err)), 0);
	off->screen_off = 1;
	enum { ACTOR, TRIG, PEOPLE, UNITS, MIL, OTHER, NPOOL };
	const char *pool[NPOOL][1024];
	size_t np[NPOOL] = {0};
	for (size_t k = 0; k < ctx->nentries; k++) {
		const lx_entry *e = &ctx->entries[k];
		int ascii = 1;
		for (const unsigned char *c = (const unsigned char *)e->text; *c; c++)
			ascii &= *c < 0x80;
		if (!ascii)
			continue;
		const char *code = ctx->keys[e->key].code;
		int p = -1;
		if (e->cls == LX_STATE && (e->form == LF_SHORT || e->form == LF_NAME))
			p = ACTOR;
		else if (e->cls == LX_TRIGGER)
			p = TRIG;
		else if (e->cls == LX_CUE && !strcmp(code, "people"))
			p = PEOPLE;
		else if (e->cls == LX_CUE && !strcmp(code, "units"))
			p = UNITS;
		else if (e->cls == LX_CUE && !strcmp(code, "military"))
			p = MIL;
		else if (e->cls == LX_ITEM || e->cls == LX_ROLE ||
			 (e->cls == LX_CUE && !strcmp(code, "facility")))
			p = OTHER;
		if (p >= 0 && np[p] < 1024)
			pool[p][np[p]++] = e->text;
	}
	for (int p = 0; p < NPOOL; p++)
		assert_true(np[p] > 10);
	static const char *const FILLER[] = {"the", "new", "two", "500", "of", "its", "and",
					     "a", "more", "their", "20,000", "free", "worth $5 million"};
	static const char *const WHEN[] = {" on Monday", " in March 2024", "", " last week"};
	char doc[4096];
	int docs_with = 0, skipped = 0;
	/* context from beyond the trigger's paragraph: two military cues and an
	 * item, three and a headline, an acronym for forces (each yields an
	 * event) */
	static const char *const FIXED[] = {
		"Japan handed over five coastal radars to the Philippines on Monday.\n\n"
		"Military officials said the military would use them.\n",
		"Japan hands over radars to Philippines\n\nThe military said the defence "
		"ministry and the armed forces and military officials were pleased.\n",
		"The Somali army (SNA) met on Monday.\n\nTurkey handed over two boats to the "
		"SNA on Monday.\n",
		NULL};
	for (int k = 0; FIXED[k]; k++) {
		at_doc d;
		memset(&d, 0, sizeof(d));
		d.id = "fixed";
		d.bytes = (char *)FIXED[k];
		d.len = strlen(FIXED[k]);
		memcpy(d.published, "2024-03-06", 11);
		at_events *on = NULL, *all = NULL;
		assert_int_equal(at_extract_doc(&on, ctx, &d), 0);
		assert_int_equal(at_extract_doc(&all, off, &d), 0);
		if (at_events_count(all) == 0 || at_events_count(on) != at_events_count(all))
			fail_msg("fixed document %d: %zu events, %zu without the screen", k,
				 at_events_count(on), at_events_count(all));
		at_events_free(on);
		at_events_free(all);
	}
	for (int round = 0; round < 3000; round++) {
		size_t len = 0;
		uint64_t first = next_rand();
		if (first % 4 == 0) /* a headline: a title line before the body */
			len = (size_t)snprintf(doc, sizeof(doc), "%s %s %s\n\n",
					       pool[ACTOR][(first >> 8) % np[ACTOR]],
					       pool[TRIG][(first >> 20) % np[TRIG]],
					       pool[OTHER][(first >> 36) % np[OTHER]]);
		int sents = 1 + (int)(next_rand() % 3);
		for (int k = 0; k < sents; k++) {
			uint64_t r = next_rand();
			const char *a = pool[ACTOR][(r >> 4) % np[ACTOR]];
			const char *b = pool[ACTOR][(r >> 14) % np[ACTOR]];
			const char *t = pool[TRIG][(r >> 24) % np[TRIG]];
			char obj[512];
			size_t ol = 0;
			/* what is given or moved: words of one kind, or filler */
			int kind = PEOPLE + (int)((r >> 34) % (OTHER - PEOPLE + 2));
			int nw = 1 + (int)((r >> 38) % 2);
			for (int w = 0; w < nw; w++) {
				uint64_t q = next_rand();
				const char *word = kind <= OTHER && (w == nw - 1 || q % 2)
							   ? pool[kind][(q >> 8) % np[kind]]
							   : FILLER[(q >> 8) % (sizeof(FILLER) /
										sizeof(FILLER[0]))];
				ol += (size_t)snprintf(obj + ol, sizeof(obj) - ol, "%s%s", w ? " " : "",
						       word);
				if (ol >= sizeof(obj))
					ol = sizeof(obj) - 1;
			}
			int shape = (int)((r >> 40) % 3);
			int n = shape == 0   ? snprintf(doc + len, sizeof(doc) - len, "%s %s %s to %s%s.",
							a, t, obj, b, WHEN[(r >> 50) % 4])
				: shape == 1 ? snprintf(doc + len, sizeof(doc) - len,
							"The %s of %s from %s to %s was %s%s.", t, obj, a,
							b, "completed", WHEN[(r >> 50) % 4])
					     : snprintf(doc + len, sizeof(doc) - len, "%s %s were %s to %s%s.",
							obj, a, t, b, WHEN[(r >> 50) % 4]);
			if (n < 0 || len + (size_t)n + 4 >= sizeof(doc))
				break;
			len += (size_t)n;
			const char *sep = (r >> 56) % 2 ? "\n\n" : " ";
			memcpy(doc + len, sep, strlen(sep) + 1);
			len += strlen(sep);
		}
		at_doc d;
		memset(&d, 0, sizeof(d));
		d.id = "gen";
		d.bytes = doc;
		d.len = len;
		memcpy(d.published, "2024-03-06", 11);
		at_events *on = NULL, *all = NULL;
		assert_int_equal(at_extract_doc(&on, ctx, &d), 0);
		assert_int_equal(at_extract_doc(&all, off, &d), 0);
		size_t l1 = 0, l2 = 0;
		char *j1 = at_events_jsonl(on, &l1), *j2 = at_events_jsonl(all, &l2);
		assert_non_null(j1);
		assert_non_null(j2);
		if (l1 != l2 || memcmp(j1, j2, l1) != 0)
			fail_msg("the screen changed the events of \"%s\": %zu events, %zu without it",
				 doc, at_events_count(on), at_events_count(all));
		docs_with += at_events_count(all) > 0;
		skipped += !lx_may_yield(ctx, doc, 0, len);
		free(j1);
		free(j2);
		at_events_free(on);
		at_events_free(all);
	}
	print_message("generated documents: %d of 3000 with events, %d skipped\n", docs_with,
		      skipped);
	assert_true(docs_with > 100);
	assert_true(skipped > 100);
	at_ctx_free(off);
}

/* Pages: the generator's words with markup between them and inside them. */
static void screen__pages_never_rule_out_a_page_that_could_yield(void **state)
{
	(void)state;
	const char *words[1024];
	size_t nwords = 0;
	for (size_t k = 0; k < ctx->nentries && nwords < 1024; k++) {
		const lx_entry *e = &ctx->entries[k];
		if ((unsigned char)e->norms[0][0] >= 0x80)
			continue;
		if (e->cls == LX_TRIGGER ||
		    (lx_screen_keys(ctx, e) & (LX_SCREEN_MILITARY | LX_SCREEN_PEOPLE | LX_SCREEN_UNITS)))
			words[nwords++] = e->text;
	}
	static const char *const FILLER[] = {"the", "in", "said", "Log", "page", "of", "U.S.",
					     "T-72", "market", "aide", "a", "s"};
	static const char *const MARK[] = {" ", " ", "</p><p>", "<b>", "</b>", "<a href=\"/x\">",
					   "</a>", "<nav>in</nav>", "<!-- c -->", "&amp;", "&#39;", "&#110;",
					   "&lt;", "<br>", "\n", "<span>", "</span>"};
	char page[4096];
	int skipped = 0, read = 0;
	for (int round = 0; round < 8000; round++) {
		size_t len = 0;
		len += (size_t)snprintf(page, sizeof(page), "<html><body><article><h1>News</h1><p>");
		int n = 1 + (int)(next_rand() % 16);
		for (int w = 0; w < n; w++) {
			uint64_t r = next_rand();
			const char *word = r % 2 == 0 ? words[(r >> 8) % nwords]
						      : FILLER[(r >> 8) % (sizeof(FILLER) / sizeof(FILLER[0]))];
			char split[256]; /* a phrase with markup between its words */
			const char *sp = strchr(word, ' ');
			if (sp && (r >> 52) % 2 && strlen(word) < 128) {
				const char *m = MARK[(r >> 56) % (sizeof(MARK) / sizeof(MARK[0]))];
				snprintf(split, sizeof(split), "%.*s%s%s", (int)(sp - word), word, m,
					 sp + 1);
				word = split;
			}
			size_t wl = strlen(word), cut = (r >> 24) % 4 == 0 ? (r >> 28) % (wl + 1) : wl;
			const char *in = MARK[(r >> 36) % (sizeof(MARK) / sizeof(MARK[0]))];
			const char *sep = MARK[(r >> 44) % (sizeof(MARK) / sizeof(MARK[0]))];
			if (len + wl + strlen(in) + strlen(sep) + 64 >= sizeof(page))
				break;
			memcpy(page + len, word, cut); /* a word cut by markup: "ta<b>nk" */
			len += cut;
			if (cut < wl) {
				memcpy(page + len, in, strlen(in));
				len += strlen(in);
				memcpy(page + len, word + cut, wl - cut);
				len += wl - cut;
			}
			memcpy(page + len, sep, strlen(sep));
			len += strlen(sep);
		}
		len += (size_t)snprintf(page + len, sizeof(page) - len, "</p></article></body></html>");
		int says = lx_page_may_yield(ctx, page, len, NULL);
		at_doc d;
		memset(&d, 0, sizeof(d));
		d.bytes = malloc(len + 1);
		assert_non_null(d.bytes);
		memcpy(d.bytes, page, len + 1);
		d.len = len;
		at_diag diag;
		assert_true(at__html_doc(&d, NULL, &diag) >= 0);
		int truth = lx_may_yield(ctx, d.bytes, 0, d.len);
		if (truth && !says)
			fail_msg("the page screen ruled out a page that could yield: \"%s\"", page);
		skipped += !says;
		read += truth;
		free(d.bytes);
		free(d.title);
		free(d.content_type);
		at_offset_map_free(d.map);
	}
	print_message("pages: %d skipped, %d with both keys\n", skipped, read);
	assert_true(skipped > 200);
	assert_true(read > 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(screen__plain_cases),
		cmocka_unit_test(screen__words_across_blocks),
		cmocka_unit_test(screen__plain_pages),
		cmocka_unit_test(screen__never_rules_out_a_document_that_could_yield),
		cmocka_unit_test(screen__pages_never_rule_out_a_page_that_could_yield),
		cmocka_unit_test(screen__same_events_as_without_the_screen),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
