/* SPDX-License-Identifier: MIT */
/*
 * report.h — helpers of the HTML report (the files of src/report) shared with its unit
 * tests, not public: HTML escaping, the URL check, the timeline's date
 * scale and the flow view's sizing. The public entry point is
 * at_report_html() in include/aidtrace.h.
 */
#ifndef AT_REPORT_REPORT_H
#define AT_REPORT_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "aidtrace.h"
#include "util/buf.h"

/*
 * Append `s` (n bytes) as HTML text that is safe both between tags and inside
 * a double- or single-quoted attribute: & < > " ' become entities, invalid
 * UTF-8 becomes U+FFFD, control characters (C0 but tab and newline, DEL, C1)
 * are dropped, and the bidi embedding, override and isolate controls
 * (U+202A..U+202E, U+2066..U+2069), which could reorder the text around
 * them, become U+FFFD. Returns the buffer's error state.
 */
int at_report__esc(at_buf *b, const char *s, size_t n);

/* 1 when `url` is an absolute http:// or https:// URL (any case) with no
 * whitespace or control character, else 0: only those become links. */
int at_report__url_ok(const char *url);

/*
 * The days (since 1970-01-01) covered by an ISO date that may be partial:
 * "2014" is 2014-01-01..2014-12-31, "2013-09" the whole month. Returns 0 and
 * sets *first and *last, or -1 (leaving them alone) when `iso` is NULL, empty
 * or not a date: an unknown date, which the timeline never places.
 */
int at_report__days(const char *iso, int64_t *first, int64_t *last);

/*
 * The side, in pixels, of a flow cell's square, whose area encodes the flow:
 * by known USD (`usd` of `max_usd`, the largest cell) when the cell has any
 * known value (`usd` > 0), else by the number of events (`count` of
 * `max_count`). The largest cell gets `max_side`; a non-empty cell gets at
 * least 3 pixels so that it stays visible. 0 for an empty cell.
 * *by_usd says which scale was used (the square is then filled; a cell sized
 * by count is drawn as a dashed outline: its value is unknown).
 */
double at_report__flow_side(double usd, double max_usd, int count, int max_count,
			    double max_side, int *by_usd);

/* Render the report into `b` (see at_report_html). *bad_lines counts the
 * input lines that were not events; err names the first. */
int at_report__render(at_buf *b, const char *jsonl, size_t len, const at_report_opts *opts,
		      int *bad_lines, char *err, size_t errlen);

#endif
