/* SPDX-License-Identifier: MIT */
/*
 * lexicon.c — loading the data folder and matching phrases over tokens (see
 * lexicon.h). Exports at_ctx_new, at_ctx_free, at_default_datadir, lx_match,
 * lx_word, lx_may_yield and lx_key_find.
 *
 * Phrases are tokenized with the document tokenizer, so "U.S.", "T-72" and
 * "Côte d'Ivoire" match exactly as they are read in articles. An open-address
 * hash on the first token's norm leads to a chain of candidate phrases.
 */
#define _POSIX_C_SOURCE 200809L
#include "lexicon.h"
#include "../text/lang.h"
#include "../util/buf.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#ifndef AT_DATADIR
#define AT_DATADIR "data" /* the source tree's data/ (set by CMakeLists.txt) */
#endif
#ifndef AT_INSTALL_DATADIR
#define AT_INSTALL_DATADIR "/usr/local/share/aidtrace" /* set by CMakeLists.txt */
#endif

/* A folder that holds the lexicons. */
static int has_lexicons(const char *dir)
{
	char p[2100];
	int n = snprintf(p, sizeof(p), "%s/states.tsv", dir);
	return n > 0 && (size_t)n < sizeof(p) && access(p, R_OK) == 0;
}

static char default_dir[2048]; /* room left for "/name.tsv" in 4096 */
static pthread_once_t default_once = PTHREAD_ONCE_INIT;

/*
 * The data folder when none is given: beside an installed program
 * (PREFIX/bin/x finds PREFIX/share/aidtrace, wherever PREFIX was moved),
 * else the source tree's data/ (a program of the build tree), else the
 * folder of the install prefix the library was configured with.
 */
static void find_default_dir(void)
{
	char exe[2000];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			int w = snprintf(default_dir, sizeof(default_dir), "%s/../share/aidtrace",
					 exe);
			if (w > 0 && (size_t)w < sizeof(default_dir) && has_lexicons(default_dir))
				return;
		}
	}
	snprintf(default_dir, sizeof(default_dir), "%s",
		 has_lexicons(AT_DATADIR) || !has_lexicons(AT_INSTALL_DATADIR) ? AT_DATADIR
										 : AT_INSTALL_DATADIR);
}

const char *at_default_datadir(void)
{
	pthread_once(&default_once, find_default_dir);
	return default_dir;
}

static const struct {
	const char *name;
	int cls;
} CLASSES[] = {{"states", LX_STATE},	{"orgs", LX_ORG},	{"groups", LX_GROUP},
	       {"roles", LX_ROLE},	{"items", LX_ITEM},	{"currencies", LX_CURRENCY},
	       {"triggers", LX_TRIGGER}, {"cues", LX_CUE}};

static const char *const FORMS[LF_NFORMS] = {
	"short", "name", "alias", "adj", "capital", "metonym", "role", "generic", "model",
	"symbol", "prefix", "code", "base", "3sg", "past", "pastpart", "ing", "noun", "word",
	"unit"};

static uint64_t hash_str(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

static size_t key_slot(const at_ctx *ctx, int cls, const char *code)
{
	size_t mask = ctx->key_index_size - 1;
	size_t slot = (size_t)(hash_str(code, strlen(code)) ^ (uint64_t)cls) & mask;
	for (;; slot = (slot + 1) & mask) {
		uint32_t k = ctx->key_index[slot];
		if (!k || (ctx->keys[k - 1].cls == cls && strcmp(ctx->keys[k - 1].code, code) == 0))
			return slot;
	}
}

uint32_t lx_key_find(const at_ctx *ctx, int cls, const char *code)
{
	if (!ctx->key_index_size)
		return LX_NONE;
	uint32_t k = ctx->key_index[key_slot(ctx, cls, code)];
	return k ? k - 1 : LX_NONE;
}

/* The key index at twice the keys' number at least (a hash of class and code). */
static int index_keys(at_ctx *ctx)
{
	size_t size = ctx->key_index_size ? ctx->key_index_size : 1024;
	while (size < (ctx->nkeys + 1) * 2)
		size *= 2;
	if (size == ctx->key_index_size)
		return 0;
	uint32_t *idx = calloc(size, sizeof(uint32_t));
	if (!idx)
		return AT_ENOMEM;
	free(ctx->key_index);
	ctx->key_index = idx;
	ctx->key_index_size = size;
	for (size_t k = 0; k < ctx->nkeys; k++)
		idx[key_slot(ctx, ctx->keys[k].cls, ctx->keys[k].code)] = (uint32_t)k + 1;
	return 0;
}

static int add_key(at_ctx *ctx, int cls, const char *code, uint32_t *out)
{
	/* the most recent key is checked first since files list keys in runs */
	if (ctx->nkeys && ctx->keys[ctx->nkeys - 1].cls == cls &&
	    strcmp(ctx->keys[ctx->nkeys - 1].code, code) == 0) {
		*out = (uint32_t)(ctx->nkeys - 1);
		return 0;
	}
	uint32_t k = lx_key_find(ctx, cls, code);
	if (k != LX_NONE) {
		*out = k;
		return 0;
	}
	if (index_keys(ctx) ||
	    at_grow((void **)&ctx->keys, &ctx->keys_cap, ctx->nkeys, sizeof(*ctx->keys), 256))
		return AT_ENOMEM;
	lx_key *key = &ctx->keys[ctx->nkeys];
	key->code = at_arena_strndup(&ctx->mem, code, strlen(code));
	key->display = NULL;
	key->cls = (uint8_t)cls;
	if (!key->code)
		return AT_ENOMEM;
	ctx->key_index[key_slot(ctx, cls, code)] = (uint32_t)ctx->nkeys + 1;
	*out = (uint32_t)ctx->nkeys++;
	return 0;
}

static int add_entry(at_ctx *ctx, int cls, uint32_t key, int form, int flags,
		     const char *text, char *err, size_t errlen, const char *file,
		     unsigned line, at_ru *ru)
{
	at_tok local[64];
	at_tok *toks = local; /* never grown: the cap equals its size */
	size_t n = 0, cap = 64;
	size_t len = strlen(text);
	if (at_tokenize(&ctx->mem, text, 0, len, &toks, &n, &cap, 64) < 0 || n == 0 ||
	    n > 255) {
		snprintf(err, errlen, "%s:%u: cannot read phrase \"%s\"", file, line, text);
		return AT_EPARSE;
	}
	/* [ru] Russian rows match on stems, as Russian documents are read; a
	 * case form whose stems repeat the row before it adds nothing */
	if (ru) {
		if (at_ru_restem(ru, &ctx->mem, toks, 0, n) != 0)
			return AT_ENOMEM;
		const lx_entry *p = ctx->nentries ? &ctx->entries[ctx->nentries - 1] : NULL;
		int same = p && p->cls == cls && p->key == key && p->form == form &&
			   p->flags == flags && !(flags & LX_CASE) && p->ntok == n;
		for (size_t i = 0; same && i < n; i++)
			same = strcmp(p->norms[i], toks[i].norm) == 0;
		if (same)
			return 0;
	}
	if (at_grow((void **)&ctx->entries, &ctx->entries_cap, ctx->nentries,
		    sizeof(*ctx->entries), 1024))
		return AT_ENOMEM;
	lx_entry *e = &ctx->entries[ctx->nentries++];
	memset(e, 0, sizeof(*e));
	e->cls = (uint8_t)cls;
	e->form = (uint8_t)form;
	e->flags = (uint8_t)flags;
	e->ntok = (uint8_t)n;
	e->key = key;
	e->next = LX_NONE;
	e->text = at_arena_strndup(&ctx->mem, text, len);
	e->norms = at_arena_alloc(&ctx->mem, n * sizeof(char *));
	uint16_t *lens = at_arena_alloc(&ctx->mem, n * sizeof(uint16_t));
	e->lens = lens;
	e->orig = at_arena_alloc(&ctx->mem, n * sizeof(char *));
	if (!e->text || !e->norms || !e->orig || !lens)
		return AT_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && i < 32 && !(toks[i].flags & AT_TF_SPACE))
			e->glued |= 1u << i;
		e->norms[i] = toks[i].norm;
		lens[i] = toks[i].nlen;
		e->orig[i] = at_arena_strndup(&ctx->mem, text + toks[i].start,
					      toks[i].end - toks[i].start);
		if (!e->orig[i])
			return AT_ENOMEM;
	}
	lx_key *k = &ctx->keys[key];
	if (!k->display && (form == LF_SHORT || cls == LX_ITEM || cls == LX_CURRENCY ||
			    cls == LX_TRIGGER || cls == LX_CUE || cls == LX_ROLE))
		k->display = e->text;
	return 0;
}

static int class_of(const char *path)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	size_t n = strcspn(b, "-.");
	for (size_t i = 0; i < sizeof(CLASSES) / sizeof(CLASSES[0]); i++)
		if (strlen(CLASSES[i].name) == n && strncmp(b, CLASSES[i].name, n) == 0)
			return CLASSES[i].cls;
	return -1;
}

static int load_file(at_ctx *ctx, const char *path, int cls, char *err, size_t errlen,
		     at_ru *ru)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		return AT_EIO;
	}
	char *line = NULL;
	size_t alloc = 0;
	ssize_t got;
	unsigned lineno = 0;
	int rc = 0;
	while (rc == 0 && (got = getline(&line, &alloc, f)) >= 0) {
		lineno++;
		while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
			line[--got] = '\0';
		if (got == 0 || line[0] == '#')
			continue;
		char *col[5];
		int nc = 0;
		char *p = line;
		while (nc < 5) {
			col[nc++] = p;
			char *tab = strchr(p, '\t');
			if (!tab)
				break;
			*tab = '\0';
			p = tab + 1;
		}
		if (nc != 5 || strchr(col[4], '\t') || !col[0][0] || !col[4][0]) {
			snprintf(err, errlen, "%s:%u: expected 5 tab-separated columns "
				 "(key, form, lang, flags, text)", path, lineno);
			rc = AT_EPARSE;
			break;
		}
		int form = -1;
		for (int i = 0; i < LF_NFORMS && form < 0; i++)
			if (strcmp(col[1], FORMS[i]) == 0)
				form = i;
		if (form < 0) {
			snprintf(err, errlen, "%s:%u: unknown form \"%s\"", path, lineno, col[1]);
			rc = AT_EPARSE;
			break;
		}
		int flags = strchr(col[3], 'c') ? LX_CASE : 0;
		uint32_t key;
		rc = add_key(ctx, cls, col[0], &key);
		if (rc == 0)
			rc = add_entry(ctx, cls, key, form, flags, col[4], err, errlen, path, lineno,
				       strcmp(col[2], "ru") == 0 ? ru : NULL);
		if (rc == AT_ENOMEM)
			snprintf(err, errlen, "%s:%u: out of memory", path, lineno);
	}
	free(line);
	fclose(f);
	return rc;
}

static int build_table(at_ctx *ctx)
{
	size_t size = 1024;
	while (size < ctx->nentries * 2)
		size *= 2;
	ctx->table = malloc(size * sizeof(uint32_t));
	ctx->table_hash = calloc(size, sizeof(uint32_t));
	if (!ctx->table || !ctx->table_hash)
		return AT_ENOMEM;
	memset(ctx->table, 0xFF, size * sizeof(uint32_t));
	ctx->table_size = size;
	/* insert in reverse so that chains keep file order */
	for (size_t k = ctx->nentries; k-- > 0;) {
		lx_entry *e = &ctx->entries[k];
		const char *w = e->norms[0];
		uint64_t hw = hash_str(w, strlen(w));
		ctx->head_bits[hw >> 54] |= 1ull << (hw >> 48 & 63);
		size_t slot = hw & (size - 1);
		for (;;) {
			uint32_t head = ctx->table[slot];
			if (head == LX_NONE) {
				ctx->table[slot] = (uint32_t)k;
				ctx->table_hash[slot] = (uint32_t)(hw >> 32);
				break;
			}
			if (ctx->table_hash[slot] == (uint32_t)(hw >> 32) &&
			    strcmp(ctx->entries[head].norms[0], w) == 0) {
				e->next = head;
				ctx->table[slot] = (uint32_t)k;
				break;
			}
			slot = (slot + 1) & (size - 1);
		}
	}
	return 0;
}

/*
 * The screen. Events come only from frames, and a frame opens only
 * at a token marked as a trigger (src/extract/frames.c), which happens in
 * two ways (mentions.c): lx_match finds a trigger phrase whose first token's
 * norm equals the token's norm (head_of), or lx_word finds a one-token
 * trigger equal to a hyphen-separated part of the token's norm. So a
 * document can yield an event only if some token's norm, or a part of it, is
 * the first norm ("head") of a trigger phrase.
 *
 * Second key: every frame also needs military context, or forces moved,
 * before it makes an event (events are made only by at_extract__add_event,
 * at the end of fr_aid_frame, fr_deploy_frame and fr_exercise_frame, and
 * by fr_attach, which needs an earlier event of the same type).
 * fr_exercise_frame requires fr_military_context() of the trigger's
 * sentence, an exercise event just before, or military_doc >= 3 (three
 * military cues: the screen's "trigger and three military cues", below);
 * fr_aid_frame requires it or an aid event just before; so the document's
 * first event had it (or the deployment frame's forces, below, or the
 * three cues) in its own sentence or document.
 * fr_military_context(si) is, in the sentence, a military cue (cue[] from
 * LX_CUE "military"), an actor of role kind 1 (the role "forces" by it), a
 * token of that role or a military item (fr_military_item(): an LX_ITEM
 * model, or a category from tank to ammunition) -- LX_SCREEN_MILITARY; or,
 * from beyond the sentence: a headline when military_doc >= 3, any item
 * (LX_SCREEN_ITEM) when military_doc >= 2, or an actor named by an acronym
 * the article defined after an actor of role kind 1 ("the Somali army
 * (SNA)": a '(' and LX_SCREEN_ROLE somewhere). military_doc counts the body
 * tokens where a military cue starts: see note_milcue for the bound the
 * screen counts.
 *
 * fr_deploy_frame requires fr_military_context() or `forces`: a token of
 * the trigger's sentence with a people or units cue, or a personnel count
 * (a number before a people cue, in the sentence). frames.c opens it only at
 * triggers of the codes give, move, deploy, deploy_n, equip
 * (LX_SCREEN_DEPLOY), and aid_n (troops_given: a count of troops with a
 * military cue, so military context). With give and move a token counts
 * only with a military cue or the role "forces" by it, so without military
 * context only a personnel count, a people cue (LX_SCREEN_PEOPLE), moves
 * them; with deploy, deploy_n and equip (LX_SCREEN_DEPLOY_UNITS) a units cue
 * also counts (LX_SCREEN_UNITS), unless it is one weak word ("group",
 * "equipment": the frame then wants a military cue or item, a personnel
 * count, or another people or units word).
 *
 * A sentence lies in one paragraph, and a line break followed by a blank,
 * indented or bulleted line always ends a paragraph (clean.c), so the
 * screen pairs keys within such stretches of bytes. A document can yield an
 * event only if one stretch has a trigger head and a military phrase, or a
 * deployment's trigger head and a people phrase (or one that moves units and
 * a units phrase) (lx_screen_keys(), lx_screen_pass()); or it has a trigger
 * and three military cues, or two and a trigger and an item in one stretch,
 * or the role "forces" and a '('. A change to those frame rules must keep
 * lx_screen_keys() and lx_may_yield() in step: tests/lexicon/screen.c checks
 * the screen against the tokenizer and lx_match on generated documents
 * (phrases wrapped and spaced out among them), and, through extraction
 * itself, that generated sentences and documents for each rule from beyond
 * the sentence give the same events with the screen and without it; the
 * corpora's outputs were compared with the screen on and off (the same
 * bytes on Reuters-21578, the annotated sets and the examples).
 *
 * In a document that is all ASCII (from the article's start) this can be
 * ruled out on the bytes, without cleaning or tokenizing:
 *   - an ASCII word token's norm is its bytes in lower case (token.c: fold);
 *   - a word token, or a part of one, starts at the article's start or after
 *     a byte that is not a letter or digit (a space, a punctuation mark, a
 *     '-'): words are runs of letters and digits, and paragraphs (clean.c)
 *     start and end at line breaks and blanks;
 *   - it ends at the end of the text or before such a byte, likewise.
 * So a head made of letters and digits only must be a whole maximal run of
 * ASCII letters and digits, in any case: the screen hashes every run and
 * looks it up among the heads' hashes (each with its keys) (a collision only costs a full
 * analysis). A head with punctuation inside ("f/a", "co-op") is compared at
 * each run start. A document with a non-ASCII byte is always analysed (a
 * non-ASCII letter or a typographic apostrophe may fold or join into a
 * head), and so is every document when a trigger head starts with
 * punctuation. A military phrase is looked up by the first run of letters
 * and digits of its first token that starts with one ("f-16": "f"; ".50
 * calibre": "50"): that run starts a token and ends at punctuation or the
 * token's end, so it is a whole run in the text too (weaker than the whole
 * head, never wrong).
 *
 * Phrases. A phrase of two or more tokens gives its key only where lx_match
 * finds all its tokens, one after another in a sentence (split_actor's
 * two-token look-up is such a match too: a part of a hyphenated token, then
 * the next token). Within a paragraph, and so within a sentence, only white
 * space stands between two tokens (every other ASCII byte is a word's or a
 * punctuation token's), and an ASCII token's norm is its bytes in lower case
 * (token.c: fold; "'s" and "'t" too). So an ASCII phrase whose last token is
 * a plain word ([a-z0-9]+, a whole run as above) is looked up by that word
 * and counts only when each earlier token's norm stands on the bytes before
 * it, case aside, with white space or nothing between (phrase_before: weaker
 * than lx_match, which also wants token boundaries, never wrong). That keeps
 * "system", "group" or "ministry" alone from passing for "air defense
 * system", "carrier strike group" or "defence ministry". A phrase is checked
 * only when it could add a key not yet seen (its keys are noted in its
 * slot). Other phrases keep the single-run look-ups above.
 *
 * Every proper start of a looked-up run ("defen" of "defence") is marked
 * (SCREEN_PREFIX), for the page screen (lx_page_may_yield, below), which
 * runs before a page is parsed; its own argument stands above it.
 */
static int is_alnum_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static unsigned char lower_byte(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

#define SCREEN_SEED 1469598103934665603ull
#define SCREEN_MUL 1099511628211ull

enum { SCREEN_KEYS = LX_SCREEN_KEYS, SCREEN_MILCUE = 256, SCREEN_PUNCT = 512,
       SCREEN_PREFIX = 1024,
       SCREEN_PHRASE = 2048, /* bits 12-19: the keys some phrase there may give */
       SCREEN_PHRASE_SHIFT = 12, SCREEN_MILPHRASE = 1 << 20 };

/* The keys of the head whose hash is h (0: no head). */
static unsigned screen_has(const at_ctx *ctx, uint64_t h)
{
	/* h has its low bit set: 0 marks an empty slot */
	size_t mask = ctx->screen_size - 1;
	for (size_t slot = (size_t)(h >> 7) & mask;; slot = (slot + 1) & mask) {
		if (ctx->screen[slot] == h)
			return ctx->screen_mask[slot];
		if (ctx->screen[slot] == 0)
			return 0;
	}
}

/* The slot of hash h (h is there: its mask is not 0). */
static size_t screen_slot(const at_ctx *ctx, uint64_t h)
{
	size_t mask = ctx->screen_size - 1, slot = (size_t)(h >> 7) & mask;
	while (ctx->screen[slot] != h)
		slot = (slot + 1) & mask;
	return slot;
}

/* Which screen keys an entry gives (LX_SCREEN_*). The military ones are those
 * frames_slots.c (fr_military_context) counts as military context: the cue
 * "military", the role "forces", and the items that fr_military_item()
 * accepts (a model, or a category from tank to ammunition). The deployment
 * frame (frames_deploy.c) can do without them when it moves forces: see
 * DEPLOY_CODES and WEAK_UNITS below and the argument above build_screen. */
unsigned lx_screen_keys(const at_ctx *ctx, const lx_entry *e)
{
	static const char *const MIL_ITEMS[] = {
		"tank",        "armored_vehicle", "artillery",  "rocket_artillery",
		"air_defense", "missile",         "small_arms", "ammunition",
		NULL};
	/* trigger codes (mentions.c: trigger_bit) whose bits frames.c sends to
	 * fr_deploy_frame with no military context required first: TR_GIVE
	 * and TR_MOVE (which move forces only: a people cue, or units with a
	 * military cue), TR_DEPLOY, TR_DEPLOYN and TR_EQUIP (which move units
	 * too). TR_AIDN opens it only for troops with a military cue
	 * (troops_given). */
	static const char *const DEPLOY_CODES[] = {"give", "move", "deploy", "deploy_n", "equip",
						   NULL};
	static const char *const UNITS_CODES[] = {"deploy", "deploy_n", "equip", NULL};
	/* units words that move nothing alone: frames_deploy.c wants a
	 * military cue or item, a personnel count (a people cue) or a people or
	 * units word not in its WEAK list */
	static const char *const WEAK_UNITS[] = {"forces", "force", "staff", "members", "group",
						 "groups", "team", "teams", "unit", "units",
						 "company", "equipment", "hardware", NULL};
	const char *code = ctx->keys[e->key].code;
	unsigned k = 0;
	if (e->cls == LX_TRIGGER) {
		k |= LX_SCREEN_TRIGGER;
		for (int i = 0; DEPLOY_CODES[i]; i++)
			if (!strcmp(code, DEPLOY_CODES[i]))
				k |= LX_SCREEN_DEPLOY;
		for (int i = 0; UNITS_CODES[i]; i++)
			if (!strcmp(code, UNITS_CODES[i]))
				k |= LX_SCREEN_DEPLOY_UNITS;
	}
	int mil = (e->cls == LX_CUE && !strcmp(code, "military")) ||
		  (e->cls == LX_ROLE && !strcmp(code, "forces"));
	if (e->cls == LX_ITEM) {
		mil = e->form == LF_MODEL;
		for (int i = 0; MIL_ITEMS[i] && !mil; i++)
			mil = !strcmp(code, MIL_ITEMS[i]);
	}
	if (mil)
		k |= LX_SCREEN_MILITARY;
	if (e->cls == LX_ROLE && !strcmp(code, "forces"))
		k |= LX_SCREEN_ROLE;
	if (e->cls == LX_ITEM)
		k |= LX_SCREEN_ITEM;
	if (e->cls == LX_CUE && !strcmp(code, "people"))
		k |= LX_SCREEN_PEOPLE;
	int weak = 0;
	for (int i = 0; WEAK_UNITS[i] && e->ntok == 1; i++)
		weak |= !strcmp(e->norms[0], WEAK_UNITS[i]);
	if (e->cls == LX_CUE && !strcmp(code, "units") && !weak)
		k |= LX_SCREEN_UNITS;
	return k;
}

static void screen_put(at_ctx *ctx, uint64_t h, unsigned keys)
{
	size_t mask = ctx->screen_size - 1, slot = (size_t)(h >> 7) & mask;
	while (ctx->screen[slot] && ctx->screen[slot] != h)
		slot = (slot + 1) & mask;
	ctx->screen[slot] = h;
	ctx->screen_mask[slot] |= (uint32_t)keys;
}

static uint64_t run_hash(const unsigned char *w, size_t n)
{
	uint64_t h = SCREEN_SEED;
	for (size_t c = 0; c < n; c++)
		h = (h ^ lower_byte(w[c])) * SCREEN_MUL;
	return h | 1;
}

/*
 * The filter in front of the hash table (lx_may_yield): one bit for each
 * looked-up run, from its length and its first and last eight bytes in lower
 * case (an ASCII letter or digit with 0x20 set). A run whose bit is clear is
 * not looked up (most runs: "the", "said", "1987"); one whose bit is set is
 * hashed and looked up as before. The first run of a punctuated head ("s"
 * of "S-300") has its bit in a second half, looked at only when the byte
 * after the run may follow it there (screen_punct_next), as screen_hit
 * would require: it is not looked up after "a" or "s" alone, unless it is
 * a military cue (counted wherever it stands: first half). The screen's
 * answers are those of the table alone.
 */
#define SCREEN_LOWER 0x2020202020202020ull
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define FIRST_BYTES(n) (~0ull << (64 - 8 * (n))) /* w[0..n) of load8(w), 0 < n < 8 */
#else
#define FIRST_BYTES(n) (~0ull >> (64 - 8 * (n)))
#endif

static uint64_t load8(const unsigned char *w)
{
	uint64_t x;
	memcpy(&x, w, 8);
	return x;
}

/* The filter's bit of the run w[0..n) (n > 0); `room`: w[0..8) may be read. */
static inline __attribute__((always_inline)) size_t run_bit(const unsigned char *w, size_t n,
								 int room)
{
	uint64_t a, b = n;
	if (n >= 8) {
		a = load8(w) | SCREEN_LOWER;
		b ^= load8(w + n - 8) | SCREEN_LOWER;
	} else {
		if (room) {
			a = load8(w);
		} else {
			unsigned char t[8] = {0};
			memcpy(t, w, n);
			a = load8(t);
		}
		a = (a | SCREEN_LOWER) & FIRST_BYTES(n);
	}
	return (size_t)((a * 0x9e3779b97f4a7c15ull + b * 0xc2b2ae3d27d4eb4full) >>
			(64 - LX_SCREEN_BLOOM_LOG));
}

/* Marks the run w[0..n) in the filter; `punct`: in its second half, for the
 * first run of a punctuated head (looked at only when the byte after the run
 * may continue such a head). */
static void bloom_put(at_ctx *ctx, const unsigned char *w, size_t n, int punct)
{
	size_t bit = run_bit(w, n, 0) + (punct ? (size_t)1 << LX_SCREEN_BLOOM_LOG : 0);
	ctx->screen_bloom[bit >> 6] |= 1ull << (bit & 63);
}

/* The page screen's marks: w[0..k) for k in [1, n) (and n itself when `whole`)
 * is the start of a looked-up run, which a tag may cut (lx_page_may_yield). */
static void screen_prefixes(at_ctx *ctx, const unsigned char *w, size_t n, int whole)
{
	for (size_t k = 1; k < n + (whole != 0); k++)
		screen_put(ctx, run_hash(w, k), SCREEN_PREFIX);
}

/* A military cue looked up by hash h, a single run that is its token `at`:
 * military_doc (extract.c) counts the tokens where one starts, and each
 * match has its looked-up run in the text, its start `at` tokens before it;
 * so the number of distinct `at` behind each run found (the phrases' among
 * them where they stand) bounds military_doc. */
static unsigned at_bit(unsigned at) { return at < 31 ? 1u << at : 1u << 31; }

static void note_milcue(at_ctx *ctx, const lx_entry *e, uint64_t h, unsigned at)
{
	if (e->cls != LX_CUE || strcmp(ctx->keys[e->key].code, "military") != 0)
		return;
	screen_put(ctx, h, SCREEN_MILCUE);
	ctx->screen_milcue[screen_slot(ctx, h)] |= at_bit(at);
}

static int cmp_punct(const void *a, const void *b)
{
	const lx_punct_head *x = a, *y = b;
	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return strcmp(x->head, y->head);
}

static int cmp_phrase(const void *a, const void *b)
{
	const lx_screen_phrase *x = a, *y = b;
	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return x->e < y->e ? -1 : x->e > y->e;
}

/* A plain word: [a-z0-9]+. */
static int plain_word(const char *w)
{
	const unsigned char *c = (const unsigned char *)w;
	if (!*c)
		return 0;
	for (; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')))
			return 0;
	return 1;
}

/* A phrase of two or more tokens (all ASCII: the caller checks) whose last
 * is a plain word? */
static int plain_phrase(const lx_entry *e)
{
	if (e->ntok < 2 || !plain_word(e->norms[e->ntok - 1]))
		return 0;
	for (unsigned t = 0; t < e->ntok; t++)
		if (!e->norms[t][0])
			return 0;
	return 1;
}

static int build_screen(at_ctx *ctx)
{
	size_t n = 0, slots = 0;
	uint8_t *ekeys = malloc(ctx->nentries ? ctx->nentries : 1); /* each entry's keys */
	if (!ekeys)
		return AT_ENOMEM;
	for (size_t k = 0; k < ctx->nentries; k++)
		if ((ekeys[k] = (uint8_t)lx_screen_keys(ctx, &ctx->entries[k])) != 0) {
			n++;
			/* a run and its prefixes (the page screen's marks) */
			for (unsigned t = 0; t < ctx->entries[k].ntok; t++)
				slots += 1 + strlen(ctx->entries[k].norms[t]);
		}
	size_t size = 64;
	while (size < slots * 2)
		size *= 2;
	ctx->screen = calloc(size, sizeof(uint64_t));
	ctx->screen_mask = calloc(size, sizeof(uint32_t));
	ctx->screen_milcue = calloc(size, sizeof(uint32_t));
	ctx->screen_punct = calloc(n ? n : 1, sizeof(lx_punct_head));
	ctx->screen_phrase = calloc(n ? n : 1, sizeof(lx_screen_phrase));
	ctx->screen_punct_at = calloc(size, sizeof(uint32_t));
	ctx->screen_phrase_at = calloc(size, sizeof(uint32_t));
	ctx->screen_bloom = calloc(((size_t)2 << LX_SCREEN_BLOOM_LOG) / 64, sizeof(uint64_t));
	if (!ctx->screen || !ctx->screen_mask || !ctx->screen_milcue || !ctx->screen_punct ||
	    !ctx->screen_phrase || !ctx->screen_punct_at || !ctx->screen_phrase_at ||
	    !ctx->screen_bloom) {
		free(ekeys);
		return AT_ENOMEM;
	}
	ctx->screen_size = size;
	for (int c = 0; c < 256; c++)
		ctx->screen_fold[c] = is_alnum_byte((unsigned char)c) ? lower_byte((unsigned char)c) : 0;
	for (size_t k = 0; k < ctx->nentries; k++) {
		const lx_entry *e = &ctx->entries[k];
		unsigned keys = ekeys[k];
		if (!keys)
			continue;
		int ascii = 1;
		for (unsigned t = 0; t < e->ntok; t++)
			for (const unsigned char *c = (const unsigned char *)e->norms[t]; *c;
			     c++)
				ascii &= *c < 0x80;
		if (!ascii)
			continue; /* only a document with a non-ASCII byte can match it */
		if (plain_phrase(e)) {
			/* a phrase ending in a plain word: its longest plain word
			 * (the rarest, as a rule: "head to" by "head", "carrier
			 * strike group" by "carrier"), a whole run, with the other
			 * tokens' bytes around it (lx_may_yield) */
			unsigned at = e->ntok - 1;
			for (unsigned t = 0; t + 1 < e->ntok; t++)
				if (e->lens[t] > e->lens[at] && plain_word(e->norms[t]))
					at = t;
			const unsigned char *last = (const unsigned char *)e->norms[at];
			size_t ln = e->lens[at];
			lx_screen_phrase *sp = &ctx->screen_phrase[ctx->nscreen_phrase++];
			sp->hash = run_hash(last, ln);
			sp->e = e;
			sp->keys = (uint8_t)keys;
			sp->at = (uint8_t)at;
			sp->before = at > 0 ? (uint8_t)e->norms[at - 1][e->lens[at - 1] - 1] : 0;
			sp->after = at + 1 < e->ntok ? (uint8_t)e->norms[at + 1][0] : 0;
			screen_put(ctx, sp->hash, SCREEN_PHRASE | keys << SCREEN_PHRASE_SHIFT);
			bloom_put(ctx, last, ln, 0);
			if (e->cls == LX_CUE && !strcmp(ctx->keys[e->key].code, "military")) {
				sp->milcue = 1; /* counted where it stands (milcue_phrases) */
				screen_put(ctx, sp->hash, SCREEN_MILPHRASE);
			}
			screen_prefixes(ctx, last, ln, 0);
			continue;
		}
		if (!(keys & LX_SCREEN_TRIGGER)) {
			/* a military phrase needs all its tokens: look for its last
			 * plain word, a whole run in the text ("ministry of defence":
			 * "defence", rarer than "ministry") */
			const unsigned char *last = NULL;
			unsigned last_t = 0;
			for (unsigned t = 0; t < e->ntok; t++) {
				const unsigned char *q = (const unsigned char *)e->norms[t];
				int word = q[0] >= 'a' && q[0] <= 'z';
				for (const unsigned char *c = q; *c && word; c++)
					word = is_alnum_byte(*c);
				if (word) {
					last = q;
					last_t = t;
				}
			}
			if (last) {
				size_t ln = strlen((const char *)last);
				screen_put(ctx, run_hash(last, ln), keys);
				bloom_put(ctx, last, ln, 0);
				note_milcue(ctx, e, run_hash(last, ln), last_t);
				screen_prefixes(ctx, last, ln, 0);
				continue;
			}
		}
		const unsigned char *w = (const unsigned char *)e->norms[0];
		if (!is_alnum_byte(w[0])) {
			/* ".50 calibre": the longest run of letters and digits of a
			 * word token of the phrase ("calibre"), a whole run in the text */
			const unsigned char *best = NULL;
			size_t best_n = 0;
			unsigned best_t = 0;
			for (unsigned t = 0; t < e->ntok; t++) {
				const unsigned char *q = (const unsigned char *)e->norms[t];
				if (!(q[0] >= 'a' && q[0] <= 'z'))
					continue;
				while (*q) {
					size_t r = 0;
					while (is_alnum_byte(q[r]))
						r++;
					if (r > best_n) {
						best = q;
						best_n = r;
						best_t = t;
					}
					q += r;
					while (*q && !is_alnum_byte(*q))
						q++;
				}
			}
			if (!best) {
				ctx->screen_off = 1;
				continue;
			}
			screen_put(ctx, run_hash(best, best_n), keys);
			bloom_put(ctx, best, best_n, 0);
			note_milcue(ctx, e, run_hash(best, best_n), best_t);
			screen_prefixes(ctx, best, best_n, 0);
			continue;
		}
		size_t run = 0;
		while (is_alnum_byte(w[run]))
			run++;
		if (w[run]) { /* punctuation inside: compared where its first run stands */
			lx_punct_head *ph = &ctx->screen_punct[ctx->nscreen_punct++];
			ph->hash = run_hash(w, run);
			ph->head = (const char *)w;
			ph->keys = (uint8_t)keys;
			ctx->screen_punct_next[w[run] >> 6] |= 1ull << (w[run] & 63);
			screen_put(ctx, ph->hash, SCREEN_PUNCT);
			/* a military cue's run counts (note_milcue) whatever follows it */
			bloom_put(ctx, w, run,
				  !(e->cls == LX_CUE && !strcmp(ctx->keys[e->key].code, "military")));
			note_milcue(ctx, e, ph->hash, 0);
			screen_prefixes(ctx, w, run, 1); /* the run is the head's prefix */
			continue;
		}
		screen_put(ctx, run_hash(w, run), keys);
		bloom_put(ctx, w, run, 0);
		note_milcue(ctx, e, run_hash(w, run), 0);
		screen_prefixes(ctx, w, run, 0);
	}
	free(ekeys);
	qsort(ctx->screen_punct, ctx->nscreen_punct, sizeof(lx_punct_head), cmp_punct);
	qsort(ctx->screen_phrase, ctx->nscreen_phrase, sizeof(lx_screen_phrase), cmp_phrase);
	/* where each hash's heads and phrases start */
	for (size_t k = ctx->nscreen_punct; k-- > 0;)
		ctx->screen_punct_at[screen_slot(ctx, ctx->screen_punct[k].hash)] = (uint32_t)k;
	for (size_t k = ctx->nscreen_phrase; k-- > 0;)
		ctx->screen_phrase_at[screen_slot(ctx, ctx->screen_phrase[k].hash)] = (uint32_t)k;
	return 0;
}

/* Does head h (with punctuation inside) stand at s[p..len) as a whole word? */
static int punct_head_at(const char *s, size_t p, size_t len, const char *h)
{
	size_t i = p;
	for (; *h; h++, i++)
		if (i >= len || lower_byte((unsigned char)s[i]) != (unsigned char)*h)
			return 0;
	return i == len || !is_alnum_byte((unsigned char)s[i]);
}

/* The keys of the punctuated heads whose first run (hash h) starts at s[p]. */
static unsigned punct_keys(const at_ctx *ctx, uint64_t h, const char *s, size_t p, size_t len)
{
	unsigned keys = 0;
	for (size_t k = ctx->screen_punct_at[screen_slot(ctx, h)];
	     k < ctx->nscreen_punct && ctx->screen_punct[k].hash == h; k++)
		if (punct_head_at(s, p, len, ctx->screen_punct[k].head))
			keys |= ctx->screen_punct[k].keys;
	return keys;
}

static int is_white(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Do e's tokens before token `at` stand before s[p], from s[lo] on, with
 * white space or nothing between? (An ASCII token's norm is its bytes in
 * lower case, token.c.) */
static int phrase_before(const char *s, size_t lo, size_t p, const lx_entry *e, unsigned at)
{
	for (unsigned t = at; t-- > 0;) {
		size_t q = p;
		while (q > lo && is_white((unsigned char)s[q - 1]))
			q--;
		size_t l = e->lens[t];
		if (q - lo < l)
			return 0;
		size_t b = q - l;
		for (size_t k = 0; k < l; k++)
			if (lower_byte((unsigned char)s[b + k]) != (unsigned char)e->norms[t][k])
				return 0;
		p = b;
	}
	return 1;
}

/* phrase_before on a page's bytes: where markup or an entity stands between
 * or inside the tokens (a '>' or ';' where a token's byte or white space was
 * due), the text may still hold the phrase: 1. */
static int page_phrase_before(const char *s, size_t p, const lx_entry *e, unsigned at)
{
	for (unsigned t = at; t-- > 0;) {
		size_t q = p;
		while (q > 0 && is_white((unsigned char)s[q - 1]))
			q--;
		size_t l = e->lens[t];
		for (size_t k = l; k-- > 0; q--) {
			if (q == 0)
				return 0;
			unsigned char c = (unsigned char)s[q - 1];
			if (lower_byte(c) == (unsigned char)e->norms[t][k])
				continue;
			return c == '>' || c == ';';
		}
		p = q;
	}
	return 1;
}

/* Do e's tokens after token `at` stand after s[i] (the run's end), up to
 * s[hi], with white space or nothing between? In a page (`page`), markup or
 * an entity where a token's byte or white space was due (a '<' or a '&')
 * counts as the phrase, as in page_phrase_before. */
static int phrase_after(const char *s, size_t i, size_t hi, const lx_entry *e, unsigned at,
			int page)
{
	for (unsigned t = at + 1; t < e->ntok; t++) {
		while (i < hi && is_white((unsigned char)s[i]))
			i++;
		for (size_t k = 0; k < e->lens[t]; k++, i++) {
			if (i >= hi)
				return 0;
			unsigned char c = (unsigned char)s[i];
			if (lower_byte(c) != (unsigned char)e->norms[t][k])
				return page && (c == '<' || c == '&');
		}
	}
	return 1;
}

/* The bytes next to the run s[p, i) across white space, in lower case, as
 * phrase_before and phrase_after first meet them (0: none): a phrase whose
 * neighbouring tokens do not end and start with them is not there. */
static void run_neighbours(const char *s, size_t lo, size_t p, size_t i, size_t hi,
			   uint8_t *before, uint8_t *after)
{
	while (p > lo && is_white((unsigned char)s[p - 1]))
		p--;
	while (i < hi && is_white((unsigned char)s[i]))
		i++;
	*before = p > lo ? lower_byte((unsigned char)s[p - 1]) : 0;
	*after = i < hi ? lower_byte((unsigned char)s[i]) : 0;
}

/* The keys of the phrases whose looked-up word (hash h) is the run s[p, i):
 * those whose other words stand around it (verify 1; 2: in a page), or all
 * (0); phrases that could only give keys already seen are not checked. */
static unsigned phrase_keys(const at_ctx *ctx, uint64_t h, const char *s, size_t lo, size_t p,
			    size_t i, size_t hi, int verify, unsigned seen)
{
	unsigned keys = 0;
	uint8_t before = 0, after = 0;
	if (verify == 1)
		run_neighbours(s, lo, p, i, hi, &before, &after);
	for (size_t k = ctx->screen_phrase_at[screen_slot(ctx, h)];
	     k < ctx->nscreen_phrase && ctx->screen_phrase[k].hash == h; k++) {
		const lx_screen_phrase *sp = &ctx->screen_phrase[k];
		if (!(sp->keys & ~(keys | seen)) ||
		    (verify == 1 && ((sp->before && sp->before != before) ||
				     (sp->after && sp->after != after))) ||
		    (verify == 1 && (!phrase_before(s, lo, p, sp->e, sp->at) ||
				     !phrase_after(s, i, hi, sp->e, sp->at, 0))) ||
		    (verify == 2 && (!page_phrase_before(s, p, sp->e, sp->at) ||
				     !phrase_after(s, i, hi, sp->e, sp->at, 1))))
			continue;
		keys |= sp->keys;
	}
	return keys;
}

/* A line break that always ends a paragraph (clean.c: the next line is blank,
 * indented or bulleted), s[i] being '\n'. */
static int para_break(const char *s, size_t i, size_t len)
{
	if (i + 1 >= len)
		return 0;
	char n = s[i + 1];
	return n == ' ' || n == '\t' || n == '\n' || n == '*' || n == '-';
}

/* How many distinct starts of the military-cue phrases whose looked-up word
 * (hash h) is the run s[p, i) and which stand around it. */
static unsigned milcue_phrases(const at_ctx *ctx, uint64_t h, const char *s, size_t lo,
			       size_t p, size_t i, size_t hi)
{
	unsigned ats = 0; /* distinct starts: see note_milcue */
	for (size_t k = ctx->screen_phrase_at[screen_slot(ctx, h)];
	     k < ctx->nscreen_phrase && ctx->screen_phrase[k].hash == h; k++) {
		const lx_screen_phrase *sp = &ctx->screen_phrase[k];
		if (sp->milcue && !(ats & at_bit(sp->at)) && phrase_before(s, lo, p, sp->e, sp->at) &&
		    phrase_after(s, i, hi, sp->e, sp->at, 0))
			ats |= at_bit(sp->at);
	}
	return (unsigned)__builtin_popcount(ats);
}

/* lx_may_yield's state as it reads a document: the keys of the paragraph,
 * and of the document (a trigger, the role "forces"); military cues in the
 * document (at most); item: a trigger and an item in one paragraph; `nl`:
 * paragraph breaks before it are taken into account. */
typedef struct screen_state {
	unsigned para, doc, milcues;
	int item;
	size_t nl;
} screen_state;

/* The run s[p, i) (a whole run of ASCII letters and digits) whose filter bit
 * is set: 1 when the document passes. Paragraph breaks only matter where a
 * key is added, so they are looked for there, since the last such place. */
static int screen_hit(const at_ctx *ctx, screen_state *st, const char *s, size_t start,
		      size_t p, size_t i, size_t len)
{
	uint64_t h = run_hash((const unsigned char *)s + p, i - p);
	unsigned m = screen_has(ctx, h);
	if (!m)
		return 0;
	if (m & SCREEN_MILCUE)
		st->milcues += (unsigned)__builtin_popcount(ctx->screen_milcue[screen_slot(ctx, h)]);
	if ((m & SCREEN_MILPHRASE) && st->milcues < 2)
		st->milcues += milcue_phrases(ctx, h, s, start, p, i, len);
	/* a punctuated head stands there only if its next byte does */
	if ((m & SCREEN_PUNCT) && i < len &&
	    (ctx->screen_punct_next[(unsigned char)s[i] >> 6] >> (s[i] & 63) & 1))
		m |= punct_keys(ctx, h, s, p, len);
	if (!(m & (SCREEN_KEYS | SCREEN_PHRASE)))
		return 0;
	for (const char *q = s + st->nl; (q = memchr(q, '\n', (size_t)(s + p - q))) != NULL; q++)
		if (para_break(s, (size_t)(q - s), len)) {
			st->para = 0;
			break;
		}
	st->nl = p;
	if ((m & SCREEN_PHRASE) && (m >> SCREEN_PHRASE_SHIFT & ~st->para & SCREEN_KEYS))
		m |= phrase_keys(ctx, h, s, start, p, i, len, 1, st->para); /* keys it could add */
	if (m & ~st->para & SCREEN_KEYS) {
		st->para |= m & SCREEN_KEYS;
		st->doc |= m & (LX_SCREEN_TRIGGER | LX_SCREEN_ROLE);
		st->item |= (st->para & (LX_SCREEN_TRIGGER | LX_SCREEN_ITEM)) ==
			    (LX_SCREEN_TRIGGER | LX_SCREEN_ITEM);
		if (lx_screen_pass(st->para))
			return 1;
	}
	return 0;
}

/* The run s[p, i) before a byte that may go on into a punctuated head: its
 * bit in the filter's second half. */
static int screen_punct_run(const at_ctx *ctx, screen_state *st, const char *s, size_t start,
			    size_t p, size_t i, size_t len, size_t bit)
{
	bit += (size_t)1 << LX_SCREEN_BLOOM_LOG;
	if (ctx->screen_bloom[bit >> 6] >> (bit & 63) & 1)
		return screen_hit(ctx, st, s, start, p, i, len);
	return 0;
}

/* The run s[p, i): its filter bit, then (rarely) the table. Inlined in the
 * block loop, where it runs for every run. */
static inline __attribute__((always_inline)) int screen_run(const at_ctx *ctx, screen_state *st, const char *s, size_t start,
			     size_t p, size_t i, size_t len)
{
	size_t bit = run_bit((const unsigned char *)s + p, i - p, p + 8 <= len);
	if (ctx->screen_bloom[bit >> 6] >> (bit & 63) & 1)
		return screen_hit(ctx, st, s, start, p, i, len);
	/* the first run of a punctuated head counts only before its next byte
	 * ("S-300", "A-10": not "a" or "s") */
	unsigned char c = i < len ? (unsigned char)s[i] : 0;
	if (ctx->screen_punct_next[c >> 6] >> (c & 63) & 1)
		return screen_punct_run(ctx, st, s, start, p, i, len, bit);
	return 0; /* most runs */
}

/* The ASCII letters and digits of w[0..64) as bits (bit k: w[k]); 1 when a
 * byte is not ASCII. */
static int alnum_bits(const at_ctx *ctx, const unsigned char *w, uint64_t *out)
{
#ifdef __SSE2__
	(void)ctx;
	uint64_t m = 0;
	int high = 0;
	for (int k = 0; k < 4; k++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(w + 16 * k));
		__m128i l = _mm_or_si128(v, _mm_set1_epi8(0x20)); /* letters in lower case */
		__m128i d = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
					  _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
		__m128i a = _mm_and_si128(_mm_cmpgt_epi8(l, _mm_set1_epi8('a' - 1)),
					  _mm_cmplt_epi8(l, _mm_set1_epi8('z' + 1)));
		high |= _mm_movemask_epi8(v); /* bytes >= 0x80 are negative: neither */
		m |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(d, a)) << (16 * k);
	}
	*out = m;
	return high != 0;
#else
	uint64_t m = 0;
	for (int k = 0; k < 64; k++) {
		if (w[k] >= 0x80)
			return 1;
		m |= (uint64_t)(ctx->screen_fold[w[k]] != 0) << k;
	}
	*out = m;
	return 0;
#endif
}

/* The document's runs of ASCII letters and digits, 64 bytes at a time (the
 * last ones copied, padded with zeros), in order; a byte outside ASCII sends
 * it through. */
int lx_may_yield(const at_ctx *ctx, const char *s, size_t start, size_t len)
{
	if (ctx->screen_off)
		return 1;
	screen_state st = {0, 0, 0, 0, start};
	size_t p = start;
	uint64_t prev = 0; /* the last block ended in a run */
	for (size_t base = start; base < len; base += 64) {
		const unsigned char *w = (const unsigned char *)s + base;
		unsigned char tail[64];
		if (len - base < 64) {
			memset(tail, 0, sizeof(tail));
			memcpy(tail, w, len - base);
			w = tail;
		}
		uint64_t m;
		if (alnum_bits(ctx, w, &m))
			return 1;
		uint64_t starts = m & ~(m << 1 | prev), ends = ~m & (m << 1 | prev);
		prev = m >> 63;
		while (ends) {
			unsigned b = (unsigned)__builtin_ctzll(ends);
			ends &= ends - 1;
			/* its run starts at the last start before it, or before the block */
			uint64_t below = starts & ((1ull << b) - 1);
			if (below)
				p = base + 63 - (unsigned)__builtin_clzll(below);
			if (screen_run(ctx, &st, s, start, p, base + b, len))
				return 1;
		}
		if (prev && starts) /* a run that starts here goes on into the next block */
			p = base + 63 - (unsigned)__builtin_clzll(starts);
	}
	if (prev && screen_run(ctx, &st, s, start, p, len, len))
		return 1;
	/* context from beyond the trigger's paragraph (fr_military_context):
	 * military_doc (three military cues for a headline, two for any item),
	 * an acronym for forces */
	return (st.doc & LX_SCREEN_TRIGGER) &&
	       (st.milcues >= 3 || (st.milcues >= 2 && st.item) ||
		((st.doc & LX_SCREEN_ROLE) && memchr(s + start, '(', len - start)));
}

/*
 * The page screen: lx_may_yield for a web page's raw bytes, before libxml2
 * reads it (html.c). The page's text is a sequence of its text nodes, each
 * decoded, in page order, some left out (furniture), with nothing, a space or
 * a paragraph break between two of them (html.c: write_node, add_text). So,
 * reading the page's bytes as text (tags and all: more runs only add keys;
 * but a tag's name and attributes, from '<' and a letter or '/' to '>', are
 * no text node's and are skipped, save <meta> for its charset, after a
 * check for the bytes that send a page the slow way):
 *   - a text node of an all-ASCII page is its bytes with entities decoded;
 *     an entity that decodes to a letter, a digit or a non-ASCII character,
 *     and one we do not know, sends the page the slow way (read, then
 *     screened); the known ones (&amp; &lt; &gt; &quot;, &#...; of other
 *     ASCII marks) stand for a byte that is not a letter or digit, as here;
 *   - a run that does not cross a node's end is a run of the page's bytes;
 *   - a run that crosses one starts with the last run of a node, which ends
 *     at a '<' (libxml2 2.9 ends text nodes only at markup; script and style,
 *     whose bodies are raw, are furniture and never in the text): when that
 *     run is a proper start of a looked-up run (SCREEN_PREFIX marks them all),
 *     or the first run of a punctuated head, the page goes the slow way;
 *   - a punctuated head is compared on the bytes, then through the plain
 *     entities as they read; at markup, or an entity standing for a letter,
 *     a digit or something unknown, the page goes the slow way;
 *   - a phrase (above) is checked on the bytes as in lx_may_yield, except
 *     that where a '>' or a ';' stands in place of white space or of a
 *     token's byte (markup or an entity between or inside its tokens, which
 *     dropped furniture may also hide), it counts (page_phrase_before); a
 *     run cut by markup and continued into a later node gives all its
 *     phrases' keys unchecked.
 * So when the page screen finds no trigger and military pair, neither would
 * lx_may_yield on the page's text. Bytes outside ASCII, control bytes, a
 * charset (the caller's, or one the page names) that is not an ASCII
 * superset, CDATA, no element at all (libxml2 may find no document, an
 * error) and pages of more than LX_PAGE_MAX bytes (the token cap) all go
 * the slow way, where the reader's diagnostics stay what they were.
 */
static int ascii_charset(const char *v, size_t n)
{
	static const char *const EXACT[] = {"utf-8", "utf8", "us-ascii", "ascii", "latin1",
					    "koi8-r", "koi8-u", NULL};
	static const char *const PREFIX[] = {"iso-8859-", "windows-125", "cp125", NULL};
	for (int k = 0; EXACT[k]; k++)
		if (n == strlen(EXACT[k]) && !strncasecmp(v, EXACT[k], n))
			return 1;
	for (int k = 0; PREFIX[k]; k++) {
		size_t l = strlen(PREFIX[k]);
		if (n > l && n <= l + 2 && !strncasecmp(v, PREFIX[k], l))
			return 1;
	}
	return 0;
}

/* The value after "charset" or "encoding" at s[i]: an ASCII superset? */
static int ascii_charset_at(const char *s, size_t i, size_t len)
{
	while (i < len && (s[i] == ' ' || s[i] == '=' || s[i] == '"' || s[i] == '\'' ||
			   s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	size_t v = i;
	while (i < len && (is_alnum_byte((unsigned char)s[i]) || s[i] == '-' || s[i] == '_' ||
			   s[i] == '.' || s[i] == ':'))
		i++;
	return ascii_charset(s + v, i - v);
}

/* The entity at s[i] == '&' in text: 1 when it stands for a byte that is not
 * a letter or digit (or is a plain '&'), *end set past it; 0: the slow way. */
static int plain_entity(const char *s, size_t i, size_t len, size_t *end, char *dec)
{
	size_t j = i + 1;
	if (j < len && s[j] == '#') {
		unsigned long v = 0;
		int hex = j + 1 < len && (s[j + 1] == 'x' || s[j + 1] == 'X');
		j += hex ? 2 : 1;
		size_t d = j;
		for (; j < len && j - d < 8; j++) {
			unsigned char c = (unsigned char)s[j];
			int x = c >= '0' && c <= '9'   ? c - '0'
				: hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
				: hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
							  : -1;
			if (x < 0)
				break;
			v = v * (hex ? 16 : 10) + (unsigned long)x;
		}
		if (j == d || v == 0 || v >= 0x80 || is_alnum_byte((unsigned char)v))
			return 0;
		*end = j < len && s[j] == ';' ? j + 1 : j;
		*dec = (char)v;
		return 1;
	}
	if (j >= len || !is_alnum_byte((unsigned char)s[j])) {
		*end = j; /* a plain '&' */
		*dec = '&';
		return 1;
	}
	static const char *const NAMED[] = {"amp;", "lt;", "gt;", "quot;", NULL};
	static const char CHAR[] = "&<>\"";
	for (int k = 0; NAMED[k]; k++) {
		size_t l = strlen(NAMED[k]);
		if (j + l <= len && !memcmp(s + j, NAMED[k], l)) {
			*end = j + l;
			*dec = CHAR[k];
			return 1;
		}
	}
	return 0;
}

/* Could a punctuated head whose first run (hash h) starts at s[p] stand there
 * in the page's text, the bytes matching it up to markup or an entity? */
static int punct_cut(const at_ctx *ctx, uint64_t h, const char *s, size_t p, size_t len)
{
	for (size_t k = ctx->screen_punct_at[screen_slot(ctx, h)];
	     k < ctx->nscreen_punct && ctx->screen_punct[k].hash == h; k++) {
		const char *hd = ctx->screen_punct[k].head;
		size_t i = p;
		while (*hd && i < len) {
			size_t end = i + 1;
			char c = s[i], dec;
			if (c == '&') { /* compared as it reads in the text */
				if (!plain_entity(s, i, len, &end, &dec))
					return 1;
				c = dec;
			} else if (c == '<') {
				return 1;
			}
			if (lower_byte((unsigned char)c) != (unsigned char)*hd)
				break;
			hd++;
			i = end;
		}
		if (!*hd)
			return 1; /* it stands there, through an entity */
	}
	return 0;
}

enum { PAGE_OPEN = 16 };

int lx_page_may_yield(const at_ctx *ctx, const char *s, size_t len, const char *charset)
{
	if (ctx->screen_off || len > LX_PAGE_MAX)
		return 1;
	if (charset && charset[0] && !ascii_charset(charset, strlen(charset)))
		return 1;
	const uint8_t *fold = ctx->screen_fold;
	unsigned seen = 0;
	int in_tag = 0, element = 0;
	uint64_t open[PAGE_OPEN]; /* hash states of runs that markup may continue */
	size_t nopen = 0, i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (fold[c]) {
			size_t p = i;
			uint64_t h = SCREEN_SEED;
			uint8_t f;
			while (i < len && (f = fold[(unsigned char)s[i]]) != 0) {
				h = (h ^ f) * SCREEN_MUL;
				i++;
			}
			uint64_t state = h;
			h |= 1;
			unsigned m = screen_has(ctx, h);
			if (m & SCREEN_PUNCT) {
				unsigned k = punct_keys(ctx, h, s, p, len);
				if (!k && punct_cut(ctx, h, s, p, len))
					return 1;
				m |= k;
			}
			if ((m & SCREEN_PHRASE) && (m >> SCREEN_PHRASE_SHIFT & ~seen & SCREEN_KEYS))
				m |= phrase_keys(ctx, h, s, 0, p, i, len, 2, seen);
			if (p > 0 && s[p - 1] == '>') {
				/* a node's first run: it may go on a run cut by markup before */
				for (size_t o = 0, n0 = nopen; o < n0; o++) {
					uint64_t g = open[o];
					for (size_t q = p; q < i; q++)
						g = (g ^ fold[(unsigned char)s[q]]) * SCREEN_MUL;
					unsigned j = screen_has(ctx, g | 1);
					if (j & SCREEN_PUNCT)
						return 1;
					if (j & SCREEN_PHRASE)
						j |= phrase_keys(ctx, g | 1, s, 0, p, i, len, 0, seen);
					m |= j & SCREEN_KEYS;
					if ((j & SCREEN_PREFIX) && i < len && s[i] == '<') {
						if (nopen == PAGE_OPEN)
							return 1;
						open[nopen++] = g;
					}
				}
			}
			if (i < len && s[i] == '<' && (m & (SCREEN_PREFIX | SCREEN_PUNCT))) {
				/* markup may join this run to a later node's first run */
				if ((m & SCREEN_PUNCT) || nopen == PAGE_OPEN)
					return 1;
				open[nopen++] = state;
			}
			if ((i - p == 7 && !strncasecmp(s + p, "charset", 7)) ||
			    (i - p == 8 && !strncasecmp(s + p, "encoding", 8)))
				if (!ascii_charset_at(s, i, len))
					return 1;
			seen |= m;
			if (lx_screen_pass(seen))
				return 1;
			continue;
		}
		if (c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'))
			return 1;
		if (c == '<' && i + 1 < len) {
			unsigned char n = (unsigned char)s[i + 1];
			/* a tag other than <meta>, where a charset may be named:
			 * its name and attributes are no text, so its runs are not
			 * read (only checked for bytes that send the page the slow
			 * way); its end '>' is read as before */
			if ((((n | 32) >= 'a' && (n | 32) <= 'z') || n == '/') &&
			    !(i + 5 < len && !strncasecmp(s + i + 1, "meta", 4))) {
				element |= n != '/';
				size_t q = i + 1;
				while (q < len && s[q] != '>') {
					unsigned char b = (unsigned char)s[q];
					if (b >= 0x80 ||
					    (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f'))
						return 1;
					q++;
				}
				i = q; /* the '>' (or the end) */
				continue;
			}
			if ((n | 32) >= 'a' && (n | 32) <= 'z')
				element = in_tag = 1;
			else if (n == '/' || n == '?')
				in_tag = 1;
			else if (n == '!') {
				if (i + 2 < len && s[i + 2] == '[')
					return 1; /* CDATA */
				in_tag = 1;
			}
		} else if (c == '>') {
			in_tag = 0;
		} else if (c == '&' && !in_tag) {
			size_t end;
			char dec;
			if (!plain_entity(s, i, len, &end, &dec))
				return 1;
			i = end;
			continue;
		}
		i++;
	}
	return !element;
}

/* [ru] files of another language ("states-ru.tsv") load after the English
 * ones, so that English keys, display names and phrase order stay as they are */
static int lang_file(const char *name) { return strstr(name, "-ru.") != NULL; }

static int cmp_names(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	if (lang_file(x) != lang_file(y))
		return lang_file(x) - lang_file(y);
	return strcmp(x, y);
}

int at_ctx_new(at_ctx **out, const char *datadir, char *err, size_t errlen)
{
	*out = NULL;
	if (errlen)
		err[0] = '\0';
	if (!datadir)
		datadir = at_default_datadir();
	at_ctx *ctx = calloc(1, sizeof(*ctx));
	if (!ctx)
		return AT_ENOMEM;
	at_arena_init(&ctx->mem, 0);
	int rc = 0;
	DIR *dir = opendir(datadir);
	if (!dir) {
		snprintf(err, errlen, "%s: cannot open data folder: %s", datadir, strerror(errno));
		at_ctx_free(ctx);
		return AT_EIO;
	}
	char *names[256];
	size_t nn = 0;
	struct dirent *de;
	while ((de = readdir(dir)) != NULL && nn < 256) {
		size_t l = strlen(de->d_name);
		if (l > 4 && strcmp(de->d_name + l - 4, ".tsv") == 0 && de->d_name[0] != '.')
			names[nn++] = strdup(de->d_name);
	}
	closedir(dir);
	qsort(names, nn, sizeof(char *), cmp_names);
	int loaded[LX_NCLASS] = {0};
	at_ru *ru = at_ru_new(); /* [ru] stems of Russian rows */
	if (!ru)
		rc = AT_ENOMEM;
	for (size_t i = 0; i < nn; i++) {
		if (!names[i]) {
			rc = AT_ENOMEM;
			continue;
		}
		int cls = class_of(names[i]);
		if (cls < 0 || rc)
			continue; /* other TSV files (rates, places) are not lexicons */
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", datadir, names[i]);
		rc = load_file(ctx, path, cls, err, errlen, ru);
		loaded[cls] = 1;
	}
	at_ru_free(ru);
	for (size_t i = 0; i < nn; i++)
		free(names[i]);
	for (int c = 0; rc == 0 && c < LX_NCLASS; c++)
		if (!loaded[c]) {
			snprintf(err, errlen, "%s: no %s.tsv lexicon", datadir, CLASSES[c].name);
			rc = AT_EIO;
		}
	if (rc == 0)
		rc = build_table(ctx);
	if (rc == 0)
		rc = build_screen(ctx);
	/* AIDTRACE_NO_SCREEN=1: every document analysed, every page read, to
	 * check that the screens change no output after a change of the frame
	 * rules (scripts/screen-check.sh) */
	const char *no_screen = getenv("AIDTRACE_NO_SCREEN");
	if (no_screen && no_screen[0] && strcmp(no_screen, "0") != 0)
		ctx->screen_off = 1;
	if (rc == 0) {
		/* the annual exchange-rate table is optional: without it no USD figures;
		 * a user's rates-local.tsv adds columns or fills (overrides) cells */
		char path[4096];
		static const char *const RATES[] = {"rates.tsv", "rates-local.tsv"};
		for (int f = 0; rc == 0 && f < 2; f++) {
			snprintf(path, sizeof(path), "%s/%s", datadir, RATES[f]);
			if (access(path, R_OK) == 0)
				rc = at_money__load(&ctx->rates, path, 0, err, errlen);
		}
		/* the gazetteer too: without it places have no coordinates */
		static const char *const GAZ[] = {"places.tsv", "places-local.tsv"};
		for (int g = 0; rc == 0 && g < 2; g++) {
			snprintf(path, sizeof(path), "%s/%s", datadir, GAZ[g]);
			if (access(path, R_OK) == 0)
				rc = at_places__load(&ctx->places, path, err, errlen);
		}
	}
	for (size_t k = 0; rc == 0 && k < ctx->nkeys; k++)
		if (!ctx->keys[k].display)
			ctx->keys[k].display = ctx->keys[k].code;
	if (rc) {
		at_ctx_free(ctx);
		return rc;
	}
	*out = ctx;
	return 0;
}

int at_ctx_load_rates(at_ctx *ctx, const char *path, char *err, size_t errlen)
{
	if (!ctx || !path)
		return AT_EINVAL;
	return at_money__load(&ctx->rates, path, 1, err, errlen);
}

void at_ctx_free(at_ctx *ctx)
{
	if (!ctx)
		return;
	at_arena_free(&ctx->mem);
	at_money__free(&ctx->rates);
	at_places__free(&ctx->places);
	free(ctx->entries);
	free(ctx->keys);
	free(ctx->key_index);
	free(ctx->table);
	free(ctx->table_hash);
	free(ctx->screen);
	free(ctx->screen_mask);
	free(ctx->screen_milcue);
	free(ctx->screen_punct);
	free(ctx->screen_phrase);
	free(ctx->screen_punct_at);
	free(ctx->screen_phrase_at);
	free(ctx->screen_bloom);
	free(ctx);
}

static uint32_t head_of(const at_ctx *ctx, const char *w, size_t n)
{
	size_t size = ctx->table_size;
	uint64_t hv = hash_str(w, n);
	/* most words start no phrase: a small bit set says so without
	 * touching the table */
	if (!(ctx->head_bits[hv >> 54] >> (hv >> 48 & 63) & 1))
		return LX_NONE;
	size_t slot = hv & (size - 1);
	for (;;) {
		uint32_t h = ctx->table[slot];
		if (h == LX_NONE)
			return LX_NONE;
		if (ctx->table_hash[slot] != (uint32_t)(hv >> 32)) {
			slot = (slot + 1) & (size - 1);
			continue;
		}
		const char *hw = ctx->entries[h].norms[0];
		if (hw[0] == w[0] && strncmp(hw, w, n) == 0 && hw[n] == '\0')
			return h;
		slot = (slot + 1) & (size - 1);
	}
}

static int tok_eq(const char *s, const at_tok *t, const lx_entry *e, size_t k)
{
	if (e->flags & LX_CASE) {
		size_t l = t->end - t->start;
		return strlen(e->orig[k]) == l && memcmp(s + t->start, e->orig[k], l) == 0;
	}
	return t->nlen == e->lens[k] && memcmp(t->norm, e->norms[k], t->nlen) == 0;
}

size_t lx_match(const at_ctx *ctx, const char *s, const at_tok *toks, size_t i, size_t n,
		lx_hit *out, size_t max)
{
	size_t got = 0;
	for (uint32_t h = head_of(ctx, toks[i].norm, toks[i].nlen); h != LX_NONE;
	     h = ctx->entries[h].next) {
		const lx_entry *e = &ctx->entries[h];
		if (i + e->ntok > n)
			continue;
		/* head_of found norms[0] equal to the token's norm, and a chain
		 * shares it: only a case-sensitive phrase compares token 0 */
		size_t k = (e->flags & LX_CASE) ? 0 : 1;
		while (k < e->ntok && tok_eq(s, &toks[i + k], e, k) &&
		       !(k < 32 && (e->glued >> k & 1) && (toks[i + k].flags & AT_TF_SPACE)))
			k++;
		if (k != e->ntok)
			continue;
		/* keep longest first: insertion into the small result array */
		size_t pos = got < max ? got : max;
		while (pos > 0 && out[pos - 1].ntok < e->ntok)
			pos--;
		if (pos >= max)
			continue;
		size_t last = got < max ? got : max - 1;
		for (size_t m = last; m > pos; m--)
			out[m] = out[m - 1];
		out[pos].e = e;
		out[pos].ntok = e->ntok;
		if (got < max)
			got++;
	}
	return got;
}

size_t lx_word(const at_ctx *ctx, const char *norm, size_t len, const char *orig,
	       lx_hit *out, size_t max)
{
	size_t got = 0;
	for (uint32_t h = head_of(ctx, norm, len); h != LX_NONE && got < max;
	     h = ctx->entries[h].next) {
		const lx_entry *e = &ctx->entries[h];
		if (e->ntok == 1 && (!(e->flags & LX_CASE) ||
				     (strlen(e->orig[0]) == len && memcmp(e->orig[0], orig, len) == 0))) {
			out[got].e = e;
			out[got].ntok = 1;
			got++;
		}
	}
	return got;
}
