/* SPDX-License-Identifier: MIT */
/*
 * ledger.h — the explanation of a ledger event for people (ledger.c), used by
 * the store's at_store_explain. Exports at_ledger_explain.
 */
#ifndef AT_OUTPUT_LEDGER_H
#define AT_OUTPUT_LEDGER_H

#include <jansson.h>
#include <stddef.h>

/* One per-document event behind a ledger event, with its document. */
typedef struct at_explain_src {
	const json_t *ev;
	const char *doc, *published, *url;
	const char *dup_of; /* the document it nearly duplicates, or NULL */
	const char *archive; /* the web archive file keeping the page, or NULL */
	long long archive_off; /* the offset of its record there */
} at_explain_src;

/* The ledger event `ev` field by field with its reasons, then each source
 * with its sentences and rule. A malloc'd string, or NULL. */
char *at_ledger_explain(const json_t *ev, const at_explain_src *src, size_t n);

#endif
