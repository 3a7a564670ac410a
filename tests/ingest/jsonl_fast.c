/* SPDX-License-Identifier: MIT */
/*
 * tests/ingest/jsonl_fast.c — the JSONL fast path (src/ingest/jsonl_fast.c)
 * against jansson: on generated lines of every shape (escapes, \u0000 and
 * surrogates, nulls, numbers, nested values, repeated keys, raw control
 * bytes, invalid UTF-8, trailing bytes), every line the fast path accepts
 * must be a JSON object for jansson with the same "text", "id", "url",
 * "title" and "published" strings; the others it must leave to jansson.
 */
#include <jansson.h>

#include "../test_util.h"
#include "ingest/jsonl_fast.h"

static void fast__common_line(void **state)
{
	(void)state;
	const char *l = "{\"id\": \"r-1\", \"published\": null, \"title\": \"A \\\"B\\\"\", "
			"\"text\": \"One\\ntwo \\u00e9\\/\"}";
	at_jsonl_fields f;
	assert_int_equal(at_ingest__jsonl_fast(l, strlen(l), &f), 1);
	assert_string_equal(f.id, "r-1");
	assert_null(f.published);
	assert_string_equal(f.title, "A \"B\"");
	assert_string_equal(f.text, "One\ntwo \xC3\xA9/");
	assert_int_equal(f.tlen, strlen("One\ntwo \xC3\xA9/"));
	at_ingest__jsonl_fields_free(&f);
}

static void fast__leaves_the_rest_to_jansson(void **state)
{
	(void)state;
	static const char *const LINES[] = {
		"{\"id\": 7, \"text\": \"x\"}",         /* a number */
		"{\"text\": \"a\\u0000b\"}",            /* NUL escape */
		"{\"text\": \"\\ud83d\\ude00\"}",       /* a surrogate pair */
		"{\"text\": \"x\", \"text\": \"y\"}",   /* repeated key */
		"{\"text\": \"x\",}",                   /* trailing comma */
		"{\"text\": \"x\"} junk",               /* trailing bytes */
		"{\"text\": null}",                     /* no text string */
		"{\"te\\u0078t\": \"x\"}",              /* escape in a key */
		"{\"text\": \"tab\there\"}",            /* raw control byte */
		"{\"text\": \"\xC3\x28\"}",             /* invalid UTF-8 */
		"[\"text\"]",                           /* not an object */
		"{\"text\": \"x\", \"n\": {\"a\": 1}}", /* a nested value */
		"{\"text\": \"bad \\x escape\"}",
		"{\"text\": \"unterminated}",
	};
	for (size_t i = 0; i < sizeof(LINES) / sizeof(LINES[0]); i++) {
		at_jsonl_fields f;
		if (at_ingest__jsonl_fast(LINES[i], strlen(LINES[i]), &f) != 0)
			fail_msg("fast path accepted %s", LINES[i]);
		assert_null(f.text);
	}
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static size_t put(char *b, size_t o, const char *s)
{
	size_t l = strlen(s);
	memcpy(b + o, s, l);
	return o + l;
}

/* A JSON-ish string value: text, escapes good and bad, raw bytes. */
static size_t gen_string(char *b, size_t o)
{
	static const char *const PIECES[] = {"Germany",
					     " ",
					     "tanks",
					     " to the ministry in Vilnius on Friday,", /* > 16 bytes */
					     "\\n",
					     "\\\"",
					     "\\\\",
					     "\\/",
					     "\\t",
					     "\\u00e9",
					     "\\u20ac",
					     "\\u0041",
					     "\\u0000",
					     "\\ud800",
					     "\\udc00",
					     "\\q",
					     "\xC3\xA9",
					     "\xE2\x80\x99",
					     "\xC3",
					     "\t",
					     "\x01",
					     "\\u12",
					     "{",
					     "}",
					     ",",
					     ":",
					     "null"};
	o = put(b, o, "\"");
	int n = (int)(next_rand() % 8);
	for (int k = 0; k < n; k++) {
		uint64_t r = next_rand();
		/* mostly plain pieces, sometimes a risky one */
		size_t np = sizeof(PIECES) / sizeof(PIECES[0]);
		size_t pick = r % 4 ? (r >> 8) % 12 : (r >> 8) % np;
		o = put(b, o, PIECES[pick]);
	}
	if (next_rand() % 50)
		o = put(b, o, "\"");
	return o;
}

static size_t gen_value(char *b, size_t o)
{
	uint64_t r = next_rand() % 20;
	if (r < 14)
		return gen_string(b, o);
	static const char *const OTHER[] = {"null",           "12",     "true",
					    "{\"a\": \"b\"}", "[1, 2]", "nul"};
	return put(b, o, OTHER[r - 14]);
}

static void compare_key(json_t *o, const char *key, const char *fast)
{
	json_t *v = json_object_get(o, key);
	const char *js = json_is_string(v) ? json_string_value(v) : NULL;
	if (!js || !fast) {
		if (js || fast)
			fail_msg("\"%s\": jansson %s, fast path %s", key, js ? js : "(none)",
				 fast ? fast : "(none)");
		return;
	}
	assert_string_equal(fast, js);
}

static void fast__agrees_with_jansson_on_generated_lines(void **state)
{
	(void)state;
	static const char *const KEYS[] = {"text",      "id",   "url",  "title",
					   "published", "lang", "text", "text"};
	static const char *const WS[] = {"", " ", "  ", "\t", "\r"};
	char line[4096];
	int accepted = 0, declined = 0;
	for (int round = 0; round < 20000; round++) {
		size_t o = 0;
		o = put(line, o, WS[next_rand() % 5]);
		o = put(line, o, next_rand() % 40 ? "{" : "[");
		int nkeys = (int)(next_rand() % 6);
		for (int k = 0; k < nkeys; k++) {
			if (k)
				o = put(line, o, next_rand() % 40 ? ", " : " ");
			o = put(line, o, "\"");
			o = put(line, o, KEYS[next_rand() % 8]);
			o = put(line, o, "\"");
			o = put(line, o, WS[next_rand() % 5]);
			o = put(line, o, ":");
			o = put(line, o, WS[next_rand() % 5]);
			o = gen_value(line, o);
		}
		if (next_rand() % 40 == 0)
			o = put(line, o, ",");
		o = put(line, o, next_rand() % 40 ? "}" : "");
		o = put(line, o, next_rand() % 40 ? WS[next_rand() % 5] : " x");
		line[o] = '\0';

		at_jsonl_fields f;
		int fast = at_ingest__jsonl_fast(line, o, &f);
		assert_true(fast == 0 || fast == 1);
		if (!fast) {
			declined++;
			continue;
		}
		accepted++;
		json_error_t err;
		json_t *j = json_loadb(line, o, 0, &err);
		if (!j)
			fail_msg("fast path accepted a line jansson refuses (%s): %s", err.text,
				 line);
		assert_true(json_is_object(j));
		json_t *t = json_object_get(j, "text");
		assert_true(json_is_string(t));
		assert_int_equal(json_string_length(t), f.tlen);
		assert_memory_equal(json_string_value(t), f.text, f.tlen);
		compare_key(j, "id", f.id);
		compare_key(j, "url", f.url);
		compare_key(j, "title", f.title);
		compare_key(j, "published", f.published);
		json_decref(j);
		at_ingest__jsonl_fields_free(&f);
	}
	/* both paths were exercised */
	assert_true(accepted > 1000);
	assert_true(declined > 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fast__common_line),
		cmocka_unit_test(fast__leaves_the_rest_to_jansson),
		cmocka_unit_test(fast__agrees_with_jansson_on_generated_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
