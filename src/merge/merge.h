/* SPDX-License-Identifier: MIT */
/*
 * merge.h — one ledger event per real-world act. Exports at_merge_block,
 * at_merge_event, at_merge_block_key and the SimHash of a document.
 *
 * The store hands over the per-document events of one block (same type and
 * actors: "aid|RUS|TJK", "deployment|TJK", or "exercise") and gets back
 * clusters: per-document events from different documents that describe the
 * same act. A pledge and its later delivery are different clusters linked
 * as one lifecycle. Everything here is a pure function of its input (no I/O,
 * no SQLite): the same events in any order give the same clusters.
 */
#ifndef AT_MERGE_H
#define AT_MERGE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

typedef struct at_member {
	json_t *ev;               /* the per-document event (SCHEMA JSON), borrowed */
	const char *doc;          /* the document's key (sources[].doc) */
	const char *reported;     /* the document's publication date, or NULL */
	const char *url, *outlet; /* of the document, or NULL */
	const char *archive;      /* the web archive file keeping it, or NULL */
	int64_t archive_off;      /* its record's offset there */
	int64_t row;              /* the store's row of this per-document event */
	int ord;                  /* its position in the document's events */
} at_member;

typedef struct at_cluster {
	size_t *m; /* indexes into the (sorted) members */
	size_t n;
	int stage;      /* 0 pledge (intent, committed), 1 delivery */
	long lifecycle; /* delivery: index of the pledge cluster it carries out, or -1 */
	char id[19];    /* "e-" and 16 hex digits */
} at_cluster;

/* The block of a per-document event: the part of it that must be equal for
 * two events to be merged. Writes into out (size n). */
void at_merge_block_key(json_t *ev, char *out, size_t n);

/*
 * Cluster the n members of one block. Sorts `m` into a canonical order
 * first. On success *out holds *nout clusters (free with at_merge_free).
 * 0, or AT_ENOMEM.
 */
int at_merge_block(at_member *m, size_t n, at_cluster **out, size_t *nout);
void at_merge_free(at_cluster *c, size_t n);

/* The ledger event (SCHEMA JSON plus "why" and "lifecycle") of cluster ci. */
json_t *at_merge_event(const at_member *m, const at_cluster *c, size_t nc, size_t ci);

/* SimHash (64 bits) of a text over word 3-shingles, case-folded. */
uint64_t at_simhash(const char *s, size_t n);
/* Near duplicates: SimHashes at most this many bits apart. */
#define AT_NEAR_DUP_BITS 3

#endif
