/* SPDX-License-Identifier: MIT */
/*
 * tests/output/geojson.c — at_geojson_from_jsonl: events extracted from short
 * texts written for this test are drawn as a FeatureCollection, parsed back
 * with jansson and checked against RFC 7946 (object types, positions as
 * [longitude, latitude] within range, LineStrings of at least two positions)
 * and against the gazetteer's points for the states involved.
 */
#include <math.h>

#include "../extract/extract_util.h"

/* The JSON lines of `text`, as the CLI writes them. */
static char *lines_of(const char *text, const char *published, size_t *len)
{
	at_doc *doc;
	assert_int_equal(at_doc_from_text(&doc, "g.txt", text, strlen(text), published), 0);
	at_events *ev;
	assert_int_equal(at_extract_doc(&ev, g_ctx, doc), 0);
	char *out = at_events_jsonl(ev, len);
	assert_non_null(out);
	at_events_free(ev);
	at_doc_free(doc);
	return out;
}

static void check_position(json_t *pos)
{
	assert_true(json_is_array(pos));
	assert_int_equal(json_array_size(pos), 2);
	json_t *lon = json_array_get(pos, 0), *lat = json_array_get(pos, 1);
	assert_true(json_is_number(lon) && json_is_number(lat));
	assert_true(fabs(json_number_value(lon)) <= 180.0);
	assert_true(fabs(json_number_value(lat)) <= 90.0);
}

/* Parse and check a FeatureCollection by RFC 7946's rules. */
static json_t *parse_collection(const char *s, size_t len)
{
	assert_int_equal(strlen(s), len);
	json_error_t err;
	json_t *fc = json_loadb(s, len, 0, &err);
	if (!fc)
		fail_msg("not JSON: %s at %d", err.text, err.position);
	assert_string_equal(str_at(fc, "type", NULL), "FeatureCollection");
	json_t *features = json_object_get(fc, "features");
	assert_true(json_is_array(features));
	size_t i;
	json_t *f;
	json_array_foreach (features, i, f) {
		assert_string_equal(str_at(f, "type", NULL), "Feature");
		assert_true(json_is_object(json_object_get(f, "properties")));
		json_t *g = json_object_get(f, "geometry");
		const char *gt = str_at(g, "type", NULL);
		assert_non_null(gt);
		json_t *c = json_object_get(g, "coordinates");
		if (strcmp(gt, "Point") == 0) {
			check_position(c);
		} else if (strcmp(gt, "LineString") == 0) {
			assert_true(json_array_size(c) >= 2);
			size_t k;
			json_t *pos;
			json_array_foreach (c, k, pos)
				check_position(pos);
		} else {
			fail_msg("unexpected geometry %s", gt);
		}
	}
	return fc;
}

static int near(json_t *pos, double lon, double lat)
{
	return fabs(json_number_value(json_array_get(pos, 0)) - lon) < 0.01 &&
	       fabs(json_number_value(json_array_get(pos, 1)) - lat) < 0.01;
}

static void aid__line_from_provider_capital_to_recipient_capital(void **state)
{
	(void)state;
	size_t len, glen;
	char *lines = lines_of("Germany handed over 20 Leopard 2 tanks to Lithuania on Friday.",
			       "2022-05-06", &len);
	char *g = at_geojson_from_jsonl(g_ctx, lines, len, &glen);
	assert_non_null(g);
	json_t *fc = parse_collection(g, glen);
	json_t *features = json_object_get(fc, "features");
	assert_int_equal(json_array_size(features), 1);
	json_t *f = json_array_get(features, 0);
	json_t *geom = json_object_get(f, "geometry");
	assert_string_equal(str_at(geom, "type", NULL), "LineString");
	json_t *c = json_object_get(geom, "coordinates");
	/* [longitude, latitude]: Berlin, then Vilnius */
	assert_true(near(json_array_get(c, 0), 13.40, 52.52));
	assert_true(near(json_array_get(c, 1), 25.28, 54.69));
	json_t *props = json_object_get(f, "properties");
	assert_string_equal(str_at(props, "type", NULL), "aid");
	assert_string_equal(str_at(props, "located_by", NULL), "route");
	assert_string_equal(
		json_string_value(json_array_get(json_object_get(props, "docs"), 0)), "g.txt");
	json_decref(fc);
	free(g);
	free(lines);
}

static void deployment__point_at_the_border(void **state)
{
	(void)state;
	size_t len, glen;
	char *lines = lines_of("Tajikistan deployed 2,000 troops along its border with "
			       "Afghanistan on Monday.",
			       "2021-07-06", &len);
	char *g = at_geojson_from_jsonl(g_ctx, lines, len, &glen);
	json_t *fc = parse_collection(g, glen);
	json_t *features = json_object_get(fc, "features");
	assert_int_equal(json_array_size(features), 1);
	json_t *f = json_array_get(features, 0);
	assert_string_equal(str_at(json_object_get(f, "geometry"), "type", NULL), "Point");
	json_t *props = json_object_get(f, "properties");
	assert_string_equal(str_at(props, "located_by", NULL), "place");
	json_t *place = json_object_get(props, "place");
	assert_string_equal(str_at(place, "kind", NULL), "border");
	json_t *cs = json_object_get(place, "countries");
	assert_string_equal(json_string_value(json_array_get(cs, 0)), "AFG");
	assert_string_equal(json_string_value(json_array_get(cs, 1)), "TJK");
	/* the point is the place's own lat/lon, in GeoJSON order */
	json_t *pos = json_object_get(json_object_get(f, "geometry"), "coordinates");
	assert_true(near(pos, json_number_value(json_object_get(place, "lon")),
			 json_number_value(json_object_get(place, "lat"))));
	json_decref(fc);
	free(g);
	free(lines);
}

static void bad_and_empty_input__valid_empty_collections(void **state)
{
	(void)state;
	size_t glen;
	char *g = at_geojson_from_jsonl(g_ctx, "", 0, &glen);
	json_t *fc = parse_collection(g, glen);
	assert_int_equal(json_array_size(json_object_get(fc, "features")), 0);
	json_decref(fc);
	free(g);
	const char junk[] = "not json\n{\"type\":\"aid\"}\n[1,2]\n\n";
	g = at_geojson_from_jsonl(g_ctx, junk, strlen(junk), &glen);
	fc = parse_collection(g, glen);
	assert_int_equal(json_array_size(json_object_get(fc, "features")), 0);
	json_t *meta = json_object_get(fc, "aidtrace");
	assert_int_equal(json_integer_value(json_object_get(meta, "bad_lines")), 2);
	assert_int_equal(json_integer_value(json_object_get(meta, "skipped")), 1);
	json_decref(fc);
	free(g);
	assert_null(at_geojson_from_jsonl(NULL, "", 0, &glen));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(aid__line_from_provider_capital_to_recipient_capital),
		cmocka_unit_test(deployment__point_at_the_border),
		cmocka_unit_test(bad_and_empty_input__valid_empty_collections),
	};
	return cmocka_run_group_tests(tests, ctx_setup, ctx_teardown);
}
