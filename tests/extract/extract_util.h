/* SPDX-License-Identifier: MIT */
/*
 * extract_util.h — run the public pipeline on a short text and parse its JSON
 * lines with jansson (shared by basics.c and known_bugs.c).
 */
#ifndef AT_TEST_EXTRACT_UTIL_H
#define AT_TEST_EXTRACT_UTIL_H

#include <jansson.h>

#include "../test_util.h"
#include "aidtrace.h"

static at_ctx *g_ctx;

static inline int ctx_setup(void **state)
{
	(void)state;
	char err[512] = "";
	const char *dir = AT_TEST_DATADIR ? AT_TEST_DATADIR : at_default_datadir();
	if (at_ctx_new(&g_ctx, dir, err, sizeof(err)) != 0) {
		fprintf(stderr, "cannot load lexicons from %s: %s\n", dir, err);
		return -1;
	}
	return 0;
}

static inline int ctx_teardown(void **state)
{
	(void)state;
	at_ctx_free(g_ctx);
	g_ctx = NULL;
	return 0;
}

/* The events of `text` (from the page at `url`, or NULL) as a JSON array
 * (caller json_decref's it). Each line must be one valid JSON object. */
static inline json_t *extract_url(const char *text, const char *published, const char *url)
{
	at_doc *doc;
	assert_int_equal(at_doc_from_text(&doc, "t", text, strlen(text), published), 0);
	if (url) {
		doc->url = strdup(url);
		assert_non_null(doc->url);
	}
	at_events *ev;
	assert_int_equal(at_extract_doc(&ev, g_ctx, doc), 0);
	size_t len;
	char *out = at_events_jsonl(ev, &len);
	assert_non_null(out);
	assert_int_equal(strlen(out), len);
	json_t *arr = json_array();
	size_t lines = 0;
	for (char *p = out; *p;) {
		char *nl = strchr(p, '\n');
		assert_non_null(nl); /* every event ends with a newline */
		json_error_t err;
		json_t *o = json_loadb(p, (size_t)(nl - p), 0, &err);
		if (!o)
			fail_msg("invalid JSON line: %s: %.*s", err.text, (int)(nl - p), p);
		assert_true(json_is_object(o));
		json_array_append_new(arr, o);
		lines++;
		p = nl + 1;
	}
	assert_int_equal(lines, at_events_count(ev));
	free(out);
	at_events_free(ev);
	at_doc_free(doc);
	return arr;
}

static inline json_t *extract(const char *text, const char *published)
{
	return extract_url(text, published, NULL);
}

static inline const char *str_at(json_t *o, const char *k1, const char *k2)
{
	json_t *v = json_object_get(o, k1);
	if (k2)
		v = json_object_get(v, k2);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Is there an item of `category` with `qty` (-1: any) in event e? */
static inline int has_item(json_t *e, const char *category, long long qty)
{
	size_t i;
	json_t *it;
	json_array_foreach (json_object_get(e, "items"), i, it) {
		const char *c = str_at(it, "category", NULL);
		json_t *q = json_object_get(it, "quantity");
		if (c && !strcmp(c, category) &&
		    (qty < 0 || (json_is_integer(q) && json_integer_value(q) == qty)))
			return 1;
	}
	return 0;
}

/* Number of events of `type` in arr. */
static inline size_t count_type(json_t *arr, const char *type)
{
	size_t n = 0, i;
	json_t *e;
	json_array_foreach (arr, i, e) {
		const char *t = str_at(e, "type", NULL);
		if (t && !strcmp(t, type))
			n++;
	}
	return n;
}

#endif
