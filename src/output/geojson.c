/* SPDX-License-Identifier: MIT */
/*
 * geojson.c — events as a GeoJSON FeatureCollection (RFC 7946) for maps.
 * Exports at_geojson_from_jsonl, which reads SCHEMA JSON lines (the output of
 * at_events_jsonl, or events re-emitted by a store) so that any producer of
 * event lines can be drawn:
 *
 *   | event             | geometry                                          |
 *   |-------------------|---------------------------------------------------|
 *   | aid               | LineString provider -> recipient (their capitals, |
 *   |                   | else centroids, from the gazetteer); a Point at   |
 *   |                   | the place or the known end when one is missing    |
 *   | exercise,         | Point at the place's coordinates; else at the     |
 *   | deployment        | first participant's / the actor's capital         |
 *
 * properties.located_by says which ("route", "place", "recipient", "provider",
 * "actor"). Positions are [longitude, latitude] (RFC 7946 section 3.1.1).
 * Events with nothing to place and lines that are not JSON objects are
 * counted in the collection's foreign member "aidtrace" {"skipped", "bad_lines"}.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../events/events.h"
#include "../lexicon/lexicon.h"

static json_t *position(double lon, double lat)
{
	json_t *p = json_array();
	json_array_append_new(p, json_real(lon));
	json_array_append_new(p, json_real(lat));
	return p;
}

static json_t *point(double lon, double lat)
{
	return json_pack("{s:s,s:o}", "type", "Point", "coordinates", position(lon, lat));
}

static int valid(double lat, double lon)
{
	return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

/* A state's capital, else its centroid, for an actor object {"name","code"}. */
static const at_place_row *actor_row(const at_ctx *ctx, json_t *actor)
{
	const char *code = json_string_value(json_object_get(actor, "code"));
	if (!code)
		return NULL;
	const at_place_row *r = at_places__state(&ctx->places, code, 1);
	return r ? r : at_places__state(&ctx->places, code, 0);
}

/* The event's own place coordinates, if it has them. */
static int place_point(json_t *ev, double *lat, double *lon)
{
	json_t *pl = json_object_get(ev, "place");
	json_t *la = json_object_get(pl, "lat"), *lo = json_object_get(pl, "lon");
	if (!json_is_number(la) || !json_is_number(lo))
		return 0;
	*lat = json_number_value(la);
	*lon = json_number_value(lo);
	return valid(*lat, *lon);
}

static void copy_prop(json_t *props, json_t *ev, const char *key)
{
	json_t *v = json_object_get(ev, key);
	if (v)
		json_object_set(props, key, v);
}

static json_t *properties(json_t *ev, const char *located_by)
{
	json_t *props = json_object();
	static const char *const KEYS[] = {
		"id",           "type",     "kinds",     "status",    "provider",  "recipient",
		"participants", "actor",    "items",     "value",     "personnel", "when",
		"place",        "reported", "conflicts", "confidence"};
	for (size_t i = 0; i < sizeof(KEYS) / sizeof(KEYS[0]); i++)
		copy_prop(props, ev, KEYS[i]);
	json_t *docs = json_array();
	json_t *src;
	size_t i;
	json_array_foreach (json_object_get(ev, "sources"), i, src) {
		json_t *d = json_object_get(src, "doc");
		if (!json_is_string(d))
			continue;
		size_t j;
		json_t *seen;
		int dup = 0;
		json_array_foreach (docs, j, seen)
			dup |= json_equal(seen, d);
		if (!dup) /* a document with two sentences is one document */
			json_array_append(docs, d);
	}
	json_object_set_new(props, "docs", docs);
	json_object_set_new(props, "located_by", json_string(located_by));
	return props;
}

/* The feature for one event, or NULL when nothing places it. */
static json_t *feature(const at_ctx *ctx, json_t *ev)
{
	const char *type = json_string_value(json_object_get(ev, "type"));
	if (!type)
		return NULL;
	json_t *geom = NULL;
	const char *by = NULL;
	double lat, lon;
	if (strcmp(type, "aid") == 0) {
		const at_place_row *p = actor_row(ctx, json_object_get(ev, "provider"));
		const at_place_row *r = actor_row(ctx, json_object_get(ev, "recipient"));
		if (p && r && (p->lat != r->lat || p->lon != r->lon)) {
			json_t *coords = json_array();
			json_array_append_new(coords, position(p->lon, p->lat));
			json_array_append_new(coords, position(r->lon, r->lat));
			geom = json_pack("{s:s,s:o}", "type", "LineString", "coordinates",
					 coords);
			by = "route";
		} else if (place_point(ev, &lat, &lon)) {
			geom = point(lon, lat);
			by = "place";
		} else if (r || p) {
			geom = point(r ? r->lon : p->lon, r ? r->lat : p->lat);
			by = r ? "recipient" : "provider";
		}
	} else if (place_point(ev, &lat, &lon)) {
		geom = point(lon, lat);
		by = "place";
	} else {
		json_t *who = json_object_get(ev, "actor");
		if (!json_is_object(who))
			who = json_array_get(json_object_get(ev, "participants"), 0);
		const at_place_row *a = actor_row(ctx, who);
		if (a) {
			geom = point(a->lon, a->lat);
			by = "actor";
		}
	}
	if (!geom)
		return NULL;
	return json_pack("{s:s,s:o,s:o}", "type", "Feature", "geometry", geom, "properties",
			 properties(ev, by));
}

typedef struct gj_lines {
	const at_ctx *ctx;
	json_t *features;
	size_t skipped, bad;
} gj_lines;

static int gj_line(void *user, size_t line, json_t *ev, const char *err)
{
	gj_lines *g = user;
	(void)line;
	(void)err;
	json_t *f = ev ? feature(g->ctx, ev) : NULL;
	if (!ev)
		g->bad++;
	else if (!f)
		g->skipped++;
	else
		json_array_append_new(g->features, f);
	json_decref(ev);
	return 0;
}

char *at_geojson_from_jsonl(const at_ctx *ctx, const char *jsonl, size_t len, size_t *outlen)
{
	if (outlen)
		*outlen = 0;
	if (!ctx || (!jsonl && len))
		return NULL;
	json_t *features = json_array();
	gj_lines g = {ctx, features, 0, 0};
	at_ev_lines(jsonl, len, 0, gj_line, &g);
	size_t skipped = g.skipped, bad = g.bad;
	json_t *fc = json_pack("{s:s,s:o,s:{s:I,s:I}}", "type", "FeatureCollection", "features",
			       features, "aidtrace", "skipped", (json_int_t)skipped,
			       "bad_lines", (json_int_t)bad);
	if (!fc)
		return NULL;
	char *s = json_dumps(fc, JSON_COMPACT | JSON_REAL_PRECISION(7));
	json_decref(fc);
	if (!s)
		return NULL;
	size_t n = strlen(s);
	/* jansson's memory is released with free() by default; add the final newline */
	char *out = realloc(s, n + 2);
	if (!out) {
		free(s);
		return NULL;
	}
	out[n] = '\n';
	out[n + 1] = '\0';
	if (outlen)
		*outlen = n + 1;
	return out;
}
