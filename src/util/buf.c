/* SPDX-License-Identifier: MIT */
/*
 * buf.c — capped growable buffer and JSON string escaping (see buf.h).
 */
#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aidtrace.h"
#include "utf8.h"

void at_buf_init(at_buf *b, size_t cap)
{
	memset(b, 0, sizeof(*b));
	b->cap = cap ? cap : (size_t)1 << 40;
}

static int grow(at_buf *b, size_t extra)
{
	if (b->err)
		return b->err;
	if (extra > b->cap || b->len > b->cap - extra)
		return b->err = AT_ETOOBIG;
	size_t need = b->len + extra + 1;
	if (need <= b->alloc)
		return 0;
	size_t n = b->alloc ? b->alloc : 256;
	while (n < need)
		n *= 2;
	char *p = realloc(b->data, n);
	if (!p)
		return b->err = AT_ENOMEM;
	b->data = p;
	b->alloc = n;
	return 0;
}

int at_buf_add(at_buf *b, const void *p, size_t n)
{
	int rc = grow(b, n);
	if (rc)
		return rc;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int at_buf_adds(at_buf *b, const char *s) { return at_buf_add(b, s, strlen(s)); }

int at_buf_addc(at_buf *b, char c) { return at_buf_add(b, &c, 1); }

int at_buf_printf(at_buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return b->err = AT_EINVAL;
	if ((size_t)n < sizeof(small))
		return at_buf_add(b, small, (size_t)n);
	int rc = grow(b, (size_t)n);
	if (rc)
		return rc;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

int at_buf_json_str(at_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	at_buf_addc(b, '"');
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			switch (c) {
			case '"': at_buf_add(b, "\\\"", 2); break;
			case '\\': at_buf_add(b, "\\\\", 2); break;
			case '\n': at_buf_add(b, "\\n", 2); break;
			case '\r': at_buf_add(b, "\\r", 2); break;
			case '\t': at_buf_add(b, "\\t", 2); break;
			default:
				if (c < 0x20) {
					char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
					at_buf_add(b, e, 6);
				} else {
					at_buf_addc(b, (char)c);
				}
			}
			i++;
			continue;
		}
		size_t len = at_utf8_valid_len(s + i, n - i);
		if (len == 0) {
			at_buf_add(b, "\xEF\xBF\xBD", 3);
			i++;
		} else {
			at_buf_add(b, s + i, len);
			i += len;
		}
	}
	return at_buf_addc(b, '"');
}

char *at_buf_take(at_buf *b, size_t *len)
{
	if (!b->data && !b->err)
		at_buf_add(b, "", 0);
	char *p = b->data;
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->alloc = 0;
	return p;
}

void at_buf_free(at_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->alloc = 0;
}

void at_buf_cell(at_buf *b, const char *s, int w)
{
	int cols = 0;
	size_t n = s ? strlen(s) : 0, k = 0, cut = n;
	int ellipsis = 0;
	while (k < n) {
		size_t l = 1;
		unsigned char c = (unsigned char)s[k];
		if (c >= 0xF0)
			l = 4;
		else if (c >= 0xE0)
			l = 3;
		else if (c >= 0xC0)
			l = 2;
		if (cols == w - 1 && k + l < n) {
			cut = k;
			ellipsis = 1;
			break;
		}
		cols++;
		k += l;
	}
	for (size_t i = 0; i < cut; i++) /* control characters would break the row */
		at_buf_addc(b, (unsigned char)s[i] < 0x20 ? ' ' : s[i]);
	if (ellipsis) {
		at_buf_adds(b, "\xE2\x80\xA6");
		cols = w;
	}
	for (; cols < w; cols++)
		at_buf_addc(b, ' ');
	at_buf_addc(b, ' ');
}

int at_grow(void **arr, size_t *cap, size_t n, size_t elem, size_t first)
{
	if (n < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : first;
	if (nc < *cap || nc > SIZE_MAX / elem)
		return AT_ENOMEM;
	void *p = realloc(*arr, nc * elem);
	if (!p)
		return AT_ENOMEM;
	*arr = p;
	*cap = nc;
	return 0;
}
