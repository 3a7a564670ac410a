/* SPDX-License-Identifier: MIT */
/*
 * fuzz_tables.c — libFuzzer target for the data parsers the context loads
 * and the GeoJSON renderer: the bytes are parsed as an annual rate table, as
 * an ECB daily CSV, as gazetteer rows (then resolved as place text), and
 * drawn as event lines with at_geojson_from_jsonl. None may crash or leak;
 * errors are expected.
 *
 * Build and run: make fuzz-smoke (or build-fuzz/fuzz/fuzz_tables CORPUS_DIR).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aidtrace.h"
#include "money/money.h"
#include "places/places.h"

#ifndef AT_FUZZ_DATADIR
#define AT_FUZZ_DATADIR NULL
#endif

static at_ctx *ctx;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	char err[512];
	const char *dir = getenv("AIDTRACE_DATA");
	if (!dir)
		dir = AT_FUZZ_DATADIR ? AT_FUZZ_DATADIR : at_default_datadir();
	if (at_ctx_new(&ctx, dir, err, sizeof(err)) != 0) {
		fprintf(stderr, "fuzz_tables: cannot load the data folder: %s\n", err);
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	char err[256];
	at_date days[] = {
		{2023, 3, 3}, {2023, 3, 0}, {2015, 0, 0}, {1950, 1, 1}, {2100, 12, 31}};
	static const char *const CODES[] = {"USD", "EUR", "JPY", "RUB", "XYZ"};

	at_rates r = {0};
	at_money__parse_table(&r, "fuzz.tsv", s, size, err, sizeof(err));
	at_money__parse_ecb(&r, "fuzz.csv", s, size, err, sizeof(err));
	for (size_t c = 0; c < 5; c++)
		for (size_t d = 0; d < sizeof(days) / sizeof(days[0]); d++) {
			double rate;
			at_date used;
			at_money__rate(&r, CODES[c], &days[d], &rate, &used);
		}
	at_money__free(&r);

	at_gazetteer g = {0};
	char *copy = malloc(size + 1);
	if (copy) {
		memcpy(copy, data, size);
		copy[size] = '\0';
		at_places__parse(&g, "fuzz-places.tsv", copy, size, err, sizeof(err));
		/* and the bytes as place text, against the real gazetteer */
		char *text = malloc(size + 1);
		if (text) {
			memcpy(text, data, size);
			text[size] = '\0';
			const char *states[] = {"TJK", "AFG"};
			at_place_fix f;
			at_places__resolve(&g, text, states, 2, &f);
			free(text);
		}
	}
	at_places__free(&g);

	size_t len;
	free(at_geojson_from_jsonl(ctx, s, size, &len));
	return 0;
}
