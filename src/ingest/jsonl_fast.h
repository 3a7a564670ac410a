/* SPDX-License-Identifier: MIT */
/*
 * jsonl_fast.h — the fast path for common JSONL lines (jsonl_fast.c), used
 * by ingest.c before jansson.
 */
#ifndef AT_INGEST_JSONL_FAST_H
#define AT_INGEST_JSONL_FAST_H

#include <stddef.h>

#include "aidtrace.h"

/* The strings of a line aidtrace reads: decoded, malloc'd, NUL-terminated,
 * or NULL when the line has no such key. */
typedef struct at_jsonl_fields {
	char *text;
	size_t tlen;
	char *id, *url, *title, *published, *outlet;
} at_jsonl_fields;

/*
 * Parse `line` (n bytes) when it is an object of string values in valid
 * UTF-8 with a "text" key. Returns 1 with *f filled (free it with
 * at_ingest__jsonl_fields_free), 0 when the line must go to jansson (*f is
 * empty), or AT_ENOMEM.
 */
int at_ingest__jsonl_fast(const char *line, size_t n, at_jsonl_fields *f);
void at_ingest__jsonl_fields_free(at_jsonl_fields *f);

#endif
