/* SPDX-License-Identifier: MIT */
/*
 * buf.h — a growable byte buffer with a size cap (curl's dynbuf): appends fail
 * with AT_ETOOBIG past the cap instead of growing without bound.
 * Exports at_buf_*, the JSON string writer at_buf_json_str and the table
 * cell writer at_buf_cell.
 */
#ifndef AT_UTIL_BUF_H
#define AT_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct at_buf {
	char *data; /* NUL-terminated when non-NULL */
	size_t len, alloc, cap;
	int err;    /* first error (AT_ENOMEM / AT_ETOOBIG), sticky */
} at_buf;

void at_buf_init(at_buf *b, size_t cap);
int at_buf_add(at_buf *b, const void *p, size_t n);
int at_buf_adds(at_buf *b, const char *s);
int at_buf_addc(at_buf *b, char c);
int at_buf_printf(at_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Append `s` (n bytes) as a JSON string literal with quotes; invalid UTF-8
 * bytes become U+FFFD so the output is always valid JSON. */
int at_buf_json_str(at_buf *b, const char *s, size_t n);
/* Append s as a table cell: cut to w display columns (UTF-8 aware) with an
 * ellipsis, control characters as spaces, padded, and one space after. */
void at_buf_cell(at_buf *b, const char *s, int w);
/* Make room in a malloc'd array *arr of *cap elements of `elem` bytes for
 * one more after n: doubles the capacity (first: `first`). 0, or AT_ENOMEM
 * with the array left as it was. */
int at_grow(void **arr, size_t *cap, size_t n, size_t elem, size_t first);
/* Hand the data to the caller (who frees it) and reset the buffer. */
char *at_buf_take(at_buf *b, size_t *len);
void at_buf_free(at_buf *b);

#endif
