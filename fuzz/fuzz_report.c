/* SPDX-License-Identifier: MIT */
/*
 * fuzz_report.c — libFuzzer target for the HTML report: the raw bytes are
 * read as JSON lines of events by at_report_html, and the page must keep
 * its safety properties whatever the input: it ends, it holds exactly one
 * <script (ours), no link to a javascript: URL (the words may stand in
 * escaped text), and no bidi override or isolate control. A page that breaks one aborts, so the fuzzer reports it.
 *
 * Build and run: make fuzz-smoke (or build-fuzz/fuzz/fuzz_report CORPUS_DIR).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aidtrace.h"

static size_t count(const char *hay, size_t n, const char *needle)
{
	size_t c = 0, k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(hay + i, needle, k))
			c++;
	return c;
}

/* Links whose URL, after spaces, starts with "javascript:" in any case. */
static size_t js_links(const char *page, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i + 6 <= n; i++) {
		if (memcmp(page + i, "href=", 5) != 0)
			continue;
		size_t j = i + 5;
		if (j < n && (page[j] == '"' || page[j] == '\''))
			j++;
		while (j < n && (page[j] == ' ' || page[j] == '\t' || page[j] == '\n'))
			j++;
		if (j + 11 <= n && !strncasecmp(page + j, "javascript:", 11))
			c++;
	}
	return c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *page = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&page, &len);
	if (!f)
		return 0;
	char err[256];
	at_report_opts opts = {"fuzz", "fuzz", NULL};
	int rc = at_report_html(f, (const char *)data, size, &opts, err, sizeof(err));
	fclose(f);
	if (rc == 0 || rc == AT_EPARSE) {
		if (len < 8 || memcmp(page + len - 8, "</html>\n", 8) != 0)
			abort();
		if (count(page, len, "<script") != 1 || js_links(page, len) ||
		    count(page, len, "\xE2\x80\xAE") || count(page, len, "\xE2\x80\xAD") ||
		    count(page, len, "\xE2\x81\xA6") || count(page, len, "\xE2\x81\xA7"))
			abort();
	}
	free(page);
	return 0;
}
