/* SPDX-License-Identifier: MIT */
/*
 * places.h — the gazetteer (data/places.tsv): states' centroids and capitals,
 * cities, regions, bases and borders with coordinates. Exports its loader and
 * at_places__resolve, which turns an event's place text ("the Tajik-Afghan
 * border", "its base in Tajikistan", "near Dushanbe") into a named point.
 *
 * Record formats:
 *
 *   | struct       | holds                                                  |
 *   |--------------|--------------------------------------------------------|
 *   | at_place_row | one gazetteer row: kind, country (alpha-3, "" for      |
 *   |              | international waters), country2 (the other state of a  |
 *   |              | border), lat, lon, name (points into the loaded text)  |
 *   | at_gazetteer | the rows and the text they point into                  |
 *   | at_place_fix | a resolved place: kind, countries, lat, lon, the row's  |
 *   |              | name                                                   |
 */
#ifndef AT_PLACES_H
#define AT_PLACES_H

#include <stddef.h>
#include <stdint.h>

enum { PK_CENTROID, PK_CAPITAL, PK_CITY, PK_REGION, PK_BASE, PK_BORDER, PK_N };
extern const char *const AT_PLACE_KINDS[];

typedef struct at_place_row {
	uint8_t kind;
	char country[4], country2[4];
	double lat, lon;
	const char *name;
	size_t nlen;
} at_place_row;

typedef struct at_gazetteer {
	at_place_row *rows;
	size_t n, cap;
	char **texts; /* the loaded files, which rows point into */
	size_t ntexts;
} at_gazetteer;

typedef struct at_place_fix {
	uint8_t kind;
	char country[4], country2[4];
	double lat, lon;
	const char *name;
} at_place_fix;

/*
 * Parse gazetteer rows (the data/places.tsv layout) from `text`, which the
 * gazetteer takes over (it frees it). `name` is used in messages. On error
 * returns AT_EPARSE with "name: line L, byte B: why" in err.
 */
int at_places__parse(at_gazetteer *g, const char *name, char *text, size_t len, char *err,
		     size_t errlen);
/* Read and parse a file. AT_EIO if unreadable. */
int at_places__load(at_gazetteer *g, const char *path, char *err, size_t errlen);
void at_places__free(at_gazetteer *g);

/* A state's capital (capital != 0) or centroid row by alpha-3, or NULL. */
const at_place_row *at_places__state(const at_gazetteer *g, const char *alpha3, int capital);

/* The first gazetteer place (not a state's centroid) named inside text[0,
 * len) as whole words, or NULL: tells a place from other words after "in". */
const at_place_row *at_places__find(const at_gazetteer *g, const char *text, size_t len);

/*
 * Resolve place text. `states` are the alpha-3 codes of the states the text
 * names, in order (the caller reads them with the lexicon), `n` of them.
 * Border phrases with two states give the border; else the first gazetteer
 * name in the text (the longest of those starting there); else the first
 * state's centroid. Returns 1 with *out filled, 0 when nothing fits.
 */
int at_places__resolve(const at_gazetteer *g, const char *text, const char *const *states,
		       int n, at_place_fix *out);

#endif
