/* SPDX-License-Identifier: MIT */
/*
 * events.h — reading SCHEMA.md events: the one place where the engine's
 * consumers of event JSON (the merge, the report, GeoJSON, the scorer) get
 * the lines of a JSONL text, the string fields, the actors' codes and the
 * day ranges of partial dates. Not public: the library's modules include it.
 */
#ifndef AT_EVENTS_EVENTS_H
#define AT_EVENTS_EVENTS_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

/* The string member `key` of `o`, or NULL (also when `o` is not an object). */
const char *at_ev_str(const json_t *o, const char *key);

/* The code of the actor `key` ("provider", "recipient", "actor") of an
 * event, or NULL when the actor or its code is missing or not a string. */
const char *at_ev_code(const json_t *ev, const char *key);

/*
 * The days (since 1970-01-01) covered by an ISO date that may be partial:
 * "2014" is 2014-01-01..2014-12-31, "2013-09" the whole month. Returns 0 and
 * sets *first and *last, or -1 (leaving them alone) when `iso` is NULL, empty
 * or not a date (a year outside 1..9999, a month or day that does not exist).
 */
int at_ev_days(const char *iso, int64_t *first, int64_t *last);

/*
 * A JSON parse error for people: "column C: " and what is wrong, in our
 * words for the faults a line of data can have (invalid UTF-8, a NUL, the
 * line ending early, more after the value), else jansson's syntax message
 * ("'[' or '{' expected near 'x'"). Writes into buf (n bytes), returns it.
 */
const char *at_ev_json_error(const json_error_t *je, char *buf, size_t n);

/*
 * Called for each non-blank line of a JSON-lines text: `ev` is the line's
 * object (owned by the callee, which must json_decref it) and `err` NULL,
 * or `ev` NULL and `err` says what is wrong with the line ("line too long",
 * jansson's parse message with its column, "not a JSON object", or, with
 * AT_EV_NEED_TYPE, "not an event (an object with a \"type\")"). `line` is
 * 1-based. A non-zero return stops the walk and is returned by at_ev_lines.
 */
typedef int (*at_ev_line_fn)(void *user, size_t line, json_t *ev, const char *err);

#define AT_EV_NEED_TYPE 1u /* an object without a string "type" is an error */

/* Walk the lines of `text` (len bytes; lines end with \n, \r\n accepted).
 * Returns 0 or the callback's non-zero value. */
int at_ev_lines(const char *text, size_t len, unsigned flags, at_ev_line_fn fn, void *user);

#endif
