/* SPDX-License-Identifier: MIT */
/*
 * escape.c — the report's escaping and scales: HTML text safe between tags and in
 * quoted attributes (at_report__esc), the URL check, partial dates as day
 * ranges and the flow squares' sizes. Exports the at_report__ helpers of
 * report.h, rep_esc and rep_esc_trunc.
 */
#include "report_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "events/events.h"
#include "util/utf8.h"

/* ---- escaping and URLs -------------------------------------------------- */

static int is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static uint32_t decode(const unsigned char *p, size_t n)
{
	if (n == 1)
		return p[0];
	if (n == 2)
		return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	if (n == 3)
		return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
		       (p[2] & 0x3F);
	return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
	       ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

int at_report__esc(at_buf *b, const char *s, size_t n)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	size_t i = 0;
	while (i < n && !b->err) {
		/* A run of plain ASCII goes in one piece. */
		size_t run = i;
		while (run < n && (unsigned char)s[run] >= 0x20 &&
		       (unsigned char)s[run] < 0x7F && !strchr("&<>\"'", s[run]))
			run++;
		if (run > i) {
			at_buf_add(b, s + i, run - i);
			i = run;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		size_t k = at_utf8_valid_len(s + i, n - i);
		if (!k) {
			at_buf_adds(b, fffd);
			i++;
			continue;
		}
		if (k == 1) {
			switch (c) {
			case '&': at_buf_adds(b, "&amp;"); break;
			case '<': at_buf_adds(b, "&lt;"); break;
			case '>': at_buf_adds(b, "&gt;"); break;
			case '"': at_buf_adds(b, "&quot;"); break;
			case '\'': at_buf_adds(b, "&#39;"); break;
			default:
				if (c == '\t' || c == '\n')
					at_buf_addc(b, ' ');
				else if (c >= 0x20 && c != 0x7F)
					at_buf_addc(b, (char)c);
			}
			i++;
			continue;
		}
		uint32_t cp = decode((const unsigned char *)s + i, k);
		if (cp >= 0x80 && cp <= 0x9F)
			; /* C1 control: dropped */
		else if (is_bidi_control(cp))
			at_buf_adds(b, fffd);
		else
			at_buf_add(b, s + i, k);
		i += k;
	}
	return b->err;
}

int rep_esc(at_buf *b, const char *s)
{
	return s ? at_report__esc(b, s, strlen(s)) : b->err;
}

/* Escape at most `max` code points of s, then "…" if it was longer: labels
 * in the SVGs have a fixed room (the full text is in their <title>). */
void rep_esc_trunc(at_buf *b, const char *s, size_t max)
{
	size_t len = strlen(s), i = 0, cps = 0;
	while (i < len && cps < max) {
		size_t k = at_utf8_valid_len(s + i, len - i);
		i += k ? k : 1;
		cps++;
	}
	at_report__esc(b, s, i);
	if (i < len)
		at_buf_adds(b, "\xE2\x80\xA6");
}

int at_report__url_ok(const char *url)
{
	if (!url)
		return 0;
	size_t skip;
	if (!strncasecmp(url, "http://", 7))
		skip = 7;
	else if (!strncasecmp(url, "https://", 8))
		skip = 8;
	else
		return 0;
	if (!url[skip])
		return 0;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p == 0x7F)
			return 0;
	return 1;
}

/* ---- dates and sizes ---------------------------------------------------- */

int at_report__days(const char *iso, int64_t *first, int64_t *last)
{
	return at_ev_days(iso, first, last);
}

double at_report__flow_side(double usd, double max_usd, int count, int max_count,
			    double max_side, int *by_usd)
{
	*by_usd = 0;
	if (count <= 0 || max_side <= 0)
		return 0;
	double side;
	if (usd > 0 && max_usd > 0) {
		*by_usd = 1;
		side = max_side * sqrt(usd / max_usd);
	} else {
		side = max_count > 0 ? max_side * sqrt((double)count / max_count) : max_side;
	}
	if (side > max_side)
		side = max_side;
	return side < 3 ? 3 : side;
}
