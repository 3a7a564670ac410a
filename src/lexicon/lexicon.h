/* SPDX-License-Identifier: MIT */
/*
 * lexicon.h — knowledge as data: the TSV files of data/ compiled at start-up
 * into a phrase matcher over tokens. Exports the at_ctx internals, lx_match
 * (all lexicon phrases that start at a token) and lx_word (single-word look-up,
 * used for the parts of hyphenated compounds).
 *
 * File format (every the data folder), one phrase a line, '#' comments:
 *
 *   | column | meaning                                                     |
 *   |--------|-------------------------------------------------------------|
 *   | key    | what the phrase stands for: ISO code, category, cue class   |
 *   | form   | its role: short, name, alias, adj, capital, metonym, role,   |
 *   |        | generic, model, symbol, prefix, code, base, 3sg, past, ...  |
 *   | lang   | language (en)                                               |
 *   | flags  | "-", or "c" to match case-sensitively ("US", "IS")          |
 *   | text   | the phrase, matched token by token on folded text           |
 *
 * A file's class comes from its name up to the first '-' or '.', so a user
 * can add "states-local.tsv" or "items-extra.tsv" without recompiling.
 */
#ifndef AT_LEXICON_H
#define AT_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "aidtrace.h"
#include "../money/money.h"
#include "../places/places.h"
#include "../text/text.h"
#include "../util/arena.h"

enum lx_class {
	LX_STATE, LX_ORG, LX_GROUP, LX_ROLE, LX_ITEM, LX_CURRENCY, LX_TRIGGER, LX_CUE,
	LX_NCLASS
};

enum lx_form {
	LF_SHORT, LF_NAME, LF_ALIAS, LF_ADJ, LF_CAPITAL, LF_METONYM, LF_ROLE,
	LF_GENERIC, LF_MODEL, LF_SYMBOL, LF_PREFIX, LF_CODE, LF_BASE, LF_3SG, LF_PAST,
	LF_PASTPART, LF_ING, LF_NOUN, LF_WORD, LF_UNIT, LF_NFORMS
};

#define LX_CASE 1 /* flag: match case-sensitively */
#define LX_NONE 0xFFFFFFFFu

typedef struct lx_key {
	const char *code;    /* "RUS", "tank", "give", "intent" */
	const char *display; /* first `short` text, or the code */
	uint8_t cls;
} lx_key;

typedef struct lx_entry {
	uint8_t cls, form, flags, ntok;
	uint32_t glued;      /* bit k: token k follows k-1 with no space ("A$") */
	uint32_t key;        /* index into ctx->keys */
	uint32_t next;       /* next entry with the same first token */
	const char **norms;  /* ntok folded tokens */
	const uint16_t *lens;/* their lengths */
	const char **orig;   /* ntok original tokens (case-sensitive match) */
	const char *text;    /* the phrase as written */
} lx_entry;

/* A head with punctuation inside ("f-16"), found by its first run's hash. */
typedef struct lx_punct_head {
	uint64_t hash;
	const char *head;
	uint8_t keys;
} lx_punct_head;

/* A phrase ending in a plain word, found by the hash of its longest plain
 * word (lx_may_yield checks the tokens around it on the bytes). */
typedef struct lx_screen_phrase {
	uint64_t hash;
	const lx_entry *e;
	uint8_t keys;
	uint8_t at; /* the token looked up: its longest plain word */
	uint8_t milcue; /* a military cue (counted when it stands there) */
	uint8_t before, after; /* the last byte of token at - 1, the first of at + 1 (0: none) */
} lx_screen_phrase;

#define LX_SCREEN_BLOOM_LOG 19 /* 2^19 bits: 64 KiB */

struct at_ctx {
	at_arena mem;
	lx_entry *entries;
	size_t nentries, entries_cap;
	lx_key *keys;
	size_t nkeys, keys_cap;
	uint32_t *key_index; /* open addressing: (class, code) -> key + 1, 0 empty */
	size_t key_index_size;
	uint32_t *table;     /* open addressing: first-token norm -> entry */
	uint32_t *table_hash;/* the hash of each slot's norm, checked first */
	size_t table_size;
	uint64_t head_bits[1024]; /* bit (hash >> 48) set for every first-token norm */
	/* the screen (lx_may_yield) */
	uint64_t *screen;         /* open addressing: hashes of runs of letters and digits */
	uint32_t *screen_mask;    /* each one's keys (LX_SCREEN_*) and marks (lexicon.c) */
	uint32_t *screen_milcue;  /* by slot: military cues' looked-up token (bit) */
	uint8_t screen_fold[256]; /* ASCII letters and digits in lower case, else 0 */
	size_t screen_size;
	lx_punct_head *screen_punct; /* ASCII heads with punctuation inside, by hash */
	uint64_t screen_punct_next[4]; /* the bytes after such a head's first run */
	size_t nscreen_punct;
	lx_screen_phrase *screen_phrase; /* phrases ending in a plain word, by hash */
	size_t nscreen_phrase;
	uint32_t *screen_punct_at;  /* by slot: its first head in screen_punct */
	uint32_t *screen_phrase_at; /* by slot: its first phrase in screen_phrase */
	uint64_t *screen_bloom;   /* filters before screen: 2 x LX_SCREEN_BLOOM_LOG bits */
	int screen_off;           /* a head the screen cannot rule out: no screening */
	at_rates rates;      /* exchange rates (data/rates.tsv, --rates FILE) */
	at_gazetteer places; /* coordinates (data/places.tsv, places-local.tsv) */
};

typedef struct lx_hit {
	const lx_entry *e;
	uint32_t ntok;
} lx_hit;

/*
 * All phrases that start at token i of toks[0..n) (original bytes `s`),
 * longest first, at most `max` of them. Returns how many were written.
 */
size_t lx_match(const at_ctx *ctx, const char *s, const at_tok *toks, size_t i, size_t n,
		lx_hit *out, size_t max);
/* Single-token phrases equal to `norm` (length len; `orig` is the same part
 * as written, for case-sensitive phrases), for the parts of compounds. */
size_t lx_word(const at_ctx *ctx, const char *norm, size_t len, const char *orig,
	       lx_hit *out, size_t max);
/*
 * The screen: 0 when the document s[start, len) cannot yield an event,
 * because no paragraph has a pair of keys that some frame needs: a trigger
 * and a phrase of military context (a military cue, a military item, the
 * role "forces"); a trigger that can open the deployment frame and a people
 * cue (forces moved); or a trigger that opens it for units moved and a units
 * cue (not a weak one: "group"); and the document has no trigger with three
 * military cues, or with two and an item in its paragraph, or with the role
 * "forces" and a '(' (an acronym); 1 when it may. It never says 0 wrongly; see lexicon.c for why.
 */
enum {
	LX_SCREEN_TRIGGER = 1,	 /* any trigger */
	LX_SCREEN_MILITARY = 2,	 /* military context (frames_slots.c) */
	LX_SCREEN_DEPLOY = 4,	 /* a trigger that may open fr_deploy_frame */
	LX_SCREEN_PEOPLE = 8,	 /* a people cue: forces it moves */
	LX_SCREEN_DEPLOY_UNITS = 16, /* a trigger whose frame may move units alone */
	LX_SCREEN_UNITS = 32,	 /* a units cue, not a weak one */
	LX_SCREEN_ROLE = 64,	 /* the role "forces" (an acronym may carry it on) */
	LX_SCREEN_ITEM = 128,	 /* any item (military context in a military story) */
	LX_SCREEN_KEYS = 255
};
/* The screen's keys of an entry (LX_SCREEN_*). */
unsigned lx_screen_keys(const at_ctx *ctx, const lx_entry *e);
/* Do keys seen in one document let it through? */
static inline int lx_screen_pass(unsigned k)
{
	return ((k & LX_SCREEN_TRIGGER) && (k & LX_SCREEN_MILITARY)) ||
	       ((k & LX_SCREEN_DEPLOY) && (k & LX_SCREEN_PEOPLE)) ||
	       ((k & LX_SCREEN_DEPLOY_UNITS) && (k & LX_SCREEN_UNITS));
}
int lx_may_yield(const at_ctx *ctx, const char *s, size_t start, size_t len);
/* The same screen on a web page's raw bytes (before libxml2 reads it), with
 * the caller's charset hint (NULL: none). 0: its text cannot hold an event. */
#define LX_PAGE_MAX (1024u * 1024u)
int lx_page_may_yield(const at_ctx *ctx, const char *s, size_t len, const char *charset);
/* Index of a key by class and code, or LX_NONE. */
uint32_t lx_key_find(const at_ctx *ctx, int cls, const char *code);

#endif
