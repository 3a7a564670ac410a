/* SPDX-License-Identifier: MIT */
/*
 * fuzz_feed.c — libFuzzer target for what the watcher reads from the
 * network before any page: RSS/Atom feeds (src/watch/feed.c, libxml2) and
 * robots.txt (src/watch/robots.c). The bytes are parsed as a feed (every
 * item URL must be an absolute http(s) URL) and as robots.txt, whose rules
 * are matched against fixed paths and against the bytes themselves as a
 * path (the matcher must stay fast with many wildcards).
 *
 * Build and run: make fuzz-smoke (or build-fuzz/fuzz/fuzz_feed CORPUS_DIR).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "watch/watch_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	at_feed_item *items = NULL;
	size_t n = 0;
	char err[512];
	if (at_feed_parse((const char *)data, size, "http://127.0.0.1:8/feeds/f.xml", &items,
			  &n, err, sizeof(err)) == 0) {
		for (size_t i = 0; i < n; i++)
			if (strncmp(items[i].url, "http://", 7) &&
			    strncmp(items[i].url, "https://", 8))
				abort(); /* only http(s) links become pages */
		at_feed_items_free(items, n);
	}
	at_robots *r = at_robots_parse((const char *)data, size, "aidtrace");
	if (!r)
		return 0;
	static const char *const PATHS[] = {"/", "/news/a.html", "/private/x?y=1", "/a*b$", ""};
	for (int i = 0; i < 5; i++)
		at_robots_allowed(r, PATHS[i]);
	char *path = malloc(size + 1);
	if (path) {
		memcpy(path, data, size);
		path[size] = '\0';
		at_robots_allowed(r, path);
		free(path);
	}
	at_robots_free(r);
	return 0;
}
