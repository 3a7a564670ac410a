/* SPDX-License-Identifier: MIT */
/*
 * events.c — reading SCHEMA.md events (see events.h): JSON lines through
 * jansson, one object a line, with a message naming what is wrong with a
 * bad line; string fields, actor codes, and partial dates as day ranges.
 * Exports at_ev_str, at_ev_code, at_ev_days, at_ev_lines.
 */
#include "events.h"

#include <stdio.h>
#include <string.h>

#include "aidtrace.h"
#include "util/date.h"

const char *at_ev_str(const json_t *o, const char *key)
{
	const json_t *v = json_is_object(o) ? json_object_get(o, key) : NULL;
	return json_is_string(v) ? json_string_value(v) : NULL;
}

const char *at_ev_code(const json_t *ev, const char *key)
{
	const json_t *a = json_is_object(ev) ? json_object_get(ev, key) : NULL;
	return json_is_object(a) ? at_ev_str(a, "code") : NULL;
}

int at_ev_days(const char *iso, int64_t *first, int64_t *last)
{
	at_date d;
	if (!iso || !iso[0] || at_date_parse(&d, iso) != 0)
		return -1;
	if (d.y < 1 || d.y > 9999 || d.m < 0 || d.m > 12)
		return -1;
	if (d.m && (d.d < 0 || d.d > at_days_in_month(d.y, d.m)))
		return -1;
	int m0 = d.m ? d.m : 1, m1 = d.m ? d.m : 12;
	int d0 = d.d ? d.d : 1, d1 = d.d ? d.d : at_days_in_month(d.y, m1);
	*first = at_days_from_civil(d.y, m0, d0);
	*last = at_days_from_civil(d.y, m1, d1);
	return 0;
}

const char *at_ev_json_error(const json_error_t *je, char *buf, size_t n)
{
	const char *what;
	switch (json_error_code(je)) {
	case json_error_invalid_utf8: what = "invalid UTF-8"; break;
	case json_error_null_character: what = "a \\u0000 (NUL) in a string"; break;
	case json_error_null_byte_in_key: what = "a NUL in a key"; break;
	case json_error_premature_end_of_input: what = "the line ends inside the JSON value"; break;
	case json_error_end_of_input_expected: what = "more after the JSON value"; break;
	case json_error_stack_overflow: what = "nested too deeply"; break;
	case json_error_numeric_overflow: what = "a number too large"; break;
	case json_error_duplicate_key: what = "a key given twice"; break;
	case json_error_out_of_memory: what = "out of memory"; break;
	default: what = NULL;
	}
	if (what)
		snprintf(buf, n, "column %d: %s", je->column, what);
	else
		snprintf(buf, n, "column %d: %s", je->column, je->text);
	return buf;
}

int at_ev_lines(const char *text, size_t len, unsigned flags, at_ev_line_fn fn, void *user)
{
	size_t line = 0;
	for (size_t pos = 0; text && pos < len;) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		line++;
		size_t a = pos, z = end;
		pos = end + 1;
		while (a < z && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r'))
			a++;
		while (z > a && (text[z - 1] == ' ' || text[z - 1] == '\t' || text[z - 1] == '\r'))
			z--;
		if (a == z)
			continue;
		json_error_t je;
		char msg[200];
		const char *err = NULL;
		json_t *j = NULL;
		if (z - a > AT_MAX_LINE_BYTES) {
			err = "line too long";
		} else if (!(j = json_loadb(text + a, z - a, 0, &je))) {
			err = at_ev_json_error(&je, msg, sizeof(msg));
		} else if (!json_is_object(j)) {
			err = "not a JSON object";
		} else if ((flags & AT_EV_NEED_TYPE) && !at_ev_str(j, "type")) {
			err = "not an event (an object with a \"type\")";
		}
		if (err) {
			json_decref(j);
			j = NULL;
		}
		int rc = fn(user, line, j, err);
		if (rc)
			return rc;
	}
	return 0;
}
