/* SPDX-License-Identifier: MIT */
/*
 * tests/util/buf.c — the capped buffer (src/util/buf.c): the cap is enforced
 * and sticky, printf grows past its small stack buffer, and JSON string
 * escaping always yields valid JSON (checked with jansson) even for control
 * characters and invalid UTF-8.
 */
#include <jansson.h>

#include "../test_util.h"
#include "aidtrace.h"
#include "util/buf.h"

static void buf__appends_and_stays_nul_terminated(void **state)
{
	(void)state;
	at_buf b;
	at_buf_init(&b, 0);
	assert_int_equal(at_buf_adds(&b, "tank"), 0);
	assert_int_equal(at_buf_addc(&b, 's'), 0);
	assert_int_equal(at_buf_printf(&b, " x%d", 20), 0);
	assert_int_equal(b.len, 9);
	assert_string_equal(b.data, "tanks x20");
	size_t len;
	char *p = at_buf_take(&b, &len);
	assert_int_equal(len, 9);
	assert_string_equal(p, "tanks x20");
	free(p);
	assert_null(b.data);
	at_buf_free(&b);
}

static void buf__take_of_an_empty_buffer_is_an_empty_string(void **state)
{
	(void)state;
	at_buf b;
	at_buf_init(&b, 16);
	size_t len = 99;
	char *p = at_buf_take(&b, &len);
	assert_non_null(p);
	assert_int_equal(len, 0);
	assert_string_equal(p, "");
	free(p);
}

static void buf__cap_refuses_and_the_error_is_sticky(void **state)
{
	(void)state;
	at_buf b;
	at_buf_init(&b, 10);
	assert_int_equal(at_buf_adds(&b, "0123456789"), 0); /* exactly the cap */
	assert_int_equal(at_buf_addc(&b, 'x'), AT_ETOOBIG);
	assert_int_equal(b.err, AT_ETOOBIG);
	assert_int_equal(b.len, 10);
	assert_string_equal(b.data, "0123456789");
	/* once failed, even an append that would fit fails */
	assert_int_equal(at_buf_add(&b, "", 0), AT_ETOOBIG);
	at_buf_free(&b);

	at_buf_init(&b, 10);
	assert_int_equal(at_buf_add(&b, "", (size_t)-1), AT_ETOOBIG); /* no overflow */
	at_buf_free(&b);
}

static void buf__printf_longer_than_its_stack_buffer(void **state)
{
	(void)state;
	char big[1000];
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	at_buf b;
	at_buf_init(&b, 0);
	at_buf_adds(&b, "<");
	assert_int_equal(at_buf_printf(&b, "%s|%s", big, big), 0);
	assert_int_equal(b.len, 1 + 999 * 2 + 1);
	assert_int_equal(b.data[b.len], '\0');
	assert_int_equal(b.data[1000], '|');
	at_buf_free(&b);

	at_buf_init(&b, 100);
	assert_int_equal(at_buf_printf(&b, "%s", big), AT_ETOOBIG);
	at_buf_free(&b);
}

/* Render s as a JSON string, parse it back with jansson, return the value. */
static char *json_round_trip(const char *s, size_t n, size_t *outlen)
{
	at_buf b;
	at_buf_init(&b, 0);
	assert_int_equal(at_buf_json_str(&b, s, n), 0);
	json_error_t err;
	json_t *v = json_loadb(b.data, b.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
	if (!v)
		fail_msg("invalid JSON %s: %s", b.data, err.text);
	assert_true(json_is_string(v));
	*outlen = json_string_length(v);
	char *copy = malloc(*outlen + 1);
	assert_non_null(copy);
	memcpy(copy, json_string_value(v), *outlen + 1);
	json_decref(v);
	at_buf_free(&b);
	return copy;
}

static void json_str__escapes_quotes_backslashes_and_control_chars(void **state)
{
	(void)state;
	char in[40];
	size_t n = 0;
	for (int c = 1; c < 0x20; c++)
		in[n++] = (char)c;
	in[n++] = '"';
	in[n++] = '\\';
	in[n++] = '/';
	in[n++] = 0x7f;
	size_t len;
	char *out = json_round_trip(in, n, &len);
	assert_int_equal(len, n);
	assert_memory_equal(out, in, n);
	free(out);

	at_buf b;
	at_buf_init(&b, 0);
	at_buf_json_str(&b, "a\"b\\c\nd\te\x01", 10);
	assert_string_equal(b.data, "\"a\\\"b\\\\c\\nd\\te\\u0001\"");
	at_buf_free(&b);
}

static void json_str__embedded_nul_is_escaped(void **state)
{
	(void)state;
	at_buf b;
	at_buf_init(&b, 0);
	at_buf_json_str(&b, "a\0b", 3);
	assert_string_equal(b.data, "\"a\\u0000b\"");
	at_buf_free(&b);
}

static void json_str__keeps_valid_utf8(void **state)
{
	(void)state;
	const char *s = "Kyiv \xE2\x80\x94 \xE2\x82\xAC"
			"12m, T\xC3\xBCrkiye, \xF0\x9F\x9A\x80";
	size_t len;
	char *out = json_round_trip(s, strlen(s), &len);
	assert_string_equal(out, s);
	free(out);
}

static void json_str__invalid_utf8_becomes_replacement_char(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		const char *want;
	} CASES[] = {
		{"a\xFF"
		 "b",
		 "a\xEF\xBF\xBD"
		 "b"},                                                    /* never valid */
		{"\xC3", "\xEF\xBF\xBD"},                                 /* truncated */
		{"\xE2\x82", "\xEF\xBF\xBD\xEF\xBF\xBD"},                 /* truncated 3-byte */
		{"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},                 /* overlong "/" */
		{"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"}, /* surrogate */
		{"\x80x", "\xEF\xBF\xBDx"}, /* lone continuation */
	};
	for (size_t i = 0; i < sizeof(CASES) / sizeof(CASES[0]); i++) {
		size_t len;
		char *out = json_round_trip(CASES[i].in, strlen(CASES[i].in), &len);
		if (strcmp(out, CASES[i].want) != 0)
			fail_msg("case %zu: got \"%s\"", i, out);
		free(out);
	}
}

static void json_str__every_byte_value_gives_valid_json(void **state)
{
	(void)state;
	char all[512];
	for (int i = 0; i < 512; i++)
		all[i] = (char)(i & 0xff);
	size_t len;
	char *out = json_round_trip(all, sizeof(all), &len);
	assert_true(len > 0);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buf__appends_and_stays_nul_terminated),
		cmocka_unit_test(buf__take_of_an_empty_buffer_is_an_empty_string),
		cmocka_unit_test(buf__cap_refuses_and_the_error_is_sticky),
		cmocka_unit_test(buf__printf_longer_than_its_stack_buffer),
		cmocka_unit_test(json_str__escapes_quotes_backslashes_and_control_chars),
		cmocka_unit_test(json_str__embedded_nul_is_escaped),
		cmocka_unit_test(json_str__keeps_valid_utf8),
		cmocka_unit_test(json_str__invalid_utf8_becomes_replacement_char),
		cmocka_unit_test(json_str__every_byte_value_gives_valid_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
