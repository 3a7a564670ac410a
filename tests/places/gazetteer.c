/* SPDX-License-Identifier: MIT */
/*
 * tests/places/gazetteer.c — the gazetteer loader (rows, errors with line and
 * byte), resolution of place text (border of two states, the longest known
 * name, a state's centroid) and the coordinates events get through the
 * public API, on sentences written for this test.
 */
#include <math.h>

#include "../extract/extract_util.h"
#include "places/places.h"

static const char ROWS[] = "# test rows\n"
			   "centroid\tTJK\t38.9\t71.3\tTajikistan\n"
			   "centroid\tAFG\t33.9\t67.7\tAfghanistan\n"
			   "capital\tTJK\t38.56\t68.79\tDushanbe\n"
			   "base\tTJK\t38.56\t68.77\t201st military base\n"
			   "base\tTJK\t38.0\t69.0\tmilitary base\n"
			   "region\t-\t43.0\t35.0\tBlack Sea\n"
			   "border\tAFG-TJK\t37.2\t68.8\tTajik-Afghan border\n";

static at_gazetteer load_rows(void)
{
	at_gazetteer g = {0};
	char err[256] = "";
	char *copy = strdup(ROWS);
	assert_int_equal(at_places__parse(&g, "rows.tsv", copy, strlen(copy), err, sizeof(err)),
			 0);
	return g;
}

static void parse__rows_and_state_lookups(void **state)
{
	(void)state;
	at_gazetteer g = load_rows();
	assert_int_equal(g.n, 7);
	const at_place_row *c = at_places__state(&g, "TJK", 1);
	assert_non_null(c);
	assert_string_equal(c->name, "Dushanbe");
	assert_non_null(at_places__state(&g, "AFG", 0));
	assert_null(at_places__state(&g, "AFG", 1));
	assert_null(at_places__state(&g, "XYZ", 0));
	at_places__free(&g);
	at_places__free(NULL);
}

static void parse__bad_rows_name_line_and_byte(void **state)
{
	(void)state;
	static const struct {
		const char *text, *want;
	} BAD[] = {
		{"city\tTJK\t38.5\n", "rows.tsv: line 1, byte 0: expected 5"},
		{"# c\nvillage\tTJK\t1\t2\tX\n", "line 2, byte 4: unknown kind"},
		{"city\tTJ\t1\t2\tX\n", "bad country"},
		{"border\tTJK\t1\t2\tX\n", "bad country"},
		{"city\tTJK\t91\t2\tX\n", "bad latitude"},
		{"city\tTJK\t1\t181\tX\n", "bad latitude or longitude"},
		{"city\tTJK\t1\t2x\tX\n", "bad latitude"},
		{"city\tTJK\t1\t2\t\n", "empty name"},
	};
	for (size_t i = 0; i < sizeof(BAD) / sizeof(BAD[0]); i++) {
		at_gazetteer g = {0};
		char err[256] = "";
		char *copy = strdup(BAD[i].text);
		assert_int_equal(
			at_places__parse(&g, "rows.tsv", copy, strlen(copy), err, sizeof(err)),
			AT_EPARSE);
		if (!strstr(err, BAD[i].want))
			fail_msg("%s: got '%s'", BAD[i].text, err);
		at_places__free(&g);
	}
}

static void resolve__border_name_and_centroid(void **state)
{
	(void)state;
	at_gazetteer g = load_rows();
	at_place_fix f;
	const char *ta[] = {"TJK", "AFG"}, *at[] = {"AFG", "TJK"}, *t[] = {"TJK"};
	/* either order of the two states gives the same border */
	assert_int_equal(at_places__resolve(&g, "its border with Afghanistan", ta, 2, &f), 1);
	assert_int_equal(f.kind, PK_BORDER);
	assert_string_equal(f.country, "AFG");
	assert_string_equal(f.country2, "TJK");
	assert_int_equal(at_places__resolve(&g, "the frontier", at, 2, &f), 1);
	assert_int_equal(f.kind, PK_BORDER);
	/* not a border phrase: the first name in the text, the longest starting there */
	assert_int_equal(
		at_places__resolve(&g, "the 201st Military Base near Dushanbe", t, 1, &f), 1);
	assert_string_equal(f.name, "201st military base");
	assert_int_equal(at_places__resolve(&g, "Dushanbe on the Black Sea", NULL, 0, &f), 1);
	assert_string_equal(f.name, "Dushanbe");
	assert_int_equal(at_places__resolve(&g, "the Black Sea", NULL, 0, &f), 1);
	assert_string_equal(f.country, "");
	/* names match whole words only: "Dushanbes" is not "Dushanbe" */
	assert_int_equal(at_places__resolve(&g, "Dushanbes", NULL, 0, &f), 0);
	/* nothing named: the state's centroid */
	assert_int_equal(at_places__resolve(&g, "the south of the country", t, 1, &f), 1);
	assert_int_equal(f.kind, PK_CENTROID);
	assert_true(fabs(f.lat - 38.9) < 1e-9 && fabs(f.lon - 71.3) < 1e-9);
	at_places__free(&g);
}

static json_t *place_of(const char *text)
{
	json_t *arr = extract(text, "2021-07-06");
	if (json_array_size(arr) != 1)
		fail_msg("%zu events in: %s", json_array_size(arr), text);
	json_t *p = json_object_get(json_array_get(arr, 0), "place");
	if (!json_is_object(p))
		fail_msg("no place in: %s", text);
	json_incref(p);
	json_decref(arr);
	return p;
}

static void events__border_phrases_and_named_places_get_coordinates(void **state)
{
	(void)state;
	const char *border[] = {
		"Russia will deploy 3,000 troops near the Tajik-Afghan border next month.",
		"Russia will deploy 3,000 troops to Tajikistan's border with Afghanistan.",
		"Tajikistan deployed 2,000 troops along its border with Afghanistan on Monday.",
	};
	for (size_t i = 0; i < 3; i++) {
		json_t *p = place_of(border[i]);
		if (!str_at(p, "kind", NULL) || strcmp(str_at(p, "kind", NULL), "border") != 0)
			fail_msg("not a border: %s", border[i]);
		json_t *cs = json_object_get(p, "countries");
		assert_string_equal(json_string_value(json_array_get(cs, 0)), "AFG");
		assert_string_equal(json_string_value(json_array_get(cs, 1)), "TJK");
		assert_true(json_is_number(json_object_get(p, "lat")));
		assert_true(json_is_number(json_object_get(p, "lon")));
		json_decref(p);
	}
	/* a town the gazetteer knows is a place even with no state named */
	json_t *p = place_of("Estonia and Latvia will hold a joint naval exercise off Liepaja "
			     "next week.");
	assert_string_equal(str_at(p, "country", NULL), "LVA");
	assert_string_equal(str_at(p, "gazetteer", NULL), "Liepaja");
	json_decref(p);
	p = place_of("France deployed 300 troops to Niamey on Monday.");
	assert_string_equal(str_at(p, "kind", NULL), "capital");
	assert_string_equal(str_at(p, "country", NULL), "NER");
	assert_true(fabs(json_number_value(json_object_get(p, "lat")) - 13.51) < 0.01);
	assert_true(fabs(json_number_value(json_object_get(p, "lon")) - 2.11) < 0.01);
	json_decref(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse__rows_and_state_lookups),
		cmocka_unit_test(parse__bad_rows_name_line_and_byte),
		cmocka_unit_test(resolve__border_name_and_centroid),
		cmocka_unit_test(events__border_phrases_and_named_places_get_coordinates),
	};
	return cmocka_run_group_tests(tests, ctx_setup, ctx_teardown);
}
