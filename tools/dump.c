/* SPDX-License-Identifier: MIT */
/*
 * dump.c — a developer's view of how aidtrace reads one document: paragraph
 * roles, sentences, and the mentions found in each (actors with flags,
 * triggers, items, money, dates, people). Not installed; links the library's
 * internals. Usage: aidtrace-dump FILE [DATADIR]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aidtrace.h"
#include "clean/clean.h"
#include "extract/extract.h"

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: aidtrace-dump FILE [DATADIR]\n");
		return 2;
	}
	char err[512];
	at_ctx *ctx;
	if (at_ctx_new(&ctx, argc > 2 ? argv[2] : NULL, err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	at_reader *r;
	if (at_reader_open(&r, argv[1], NULL))
		return 2;
	at_doc *doc;
	at_diag diag;
	while (at_reader_next(r, &doc, &diag) > 0) {
		printf("=== %s published=%s\n", doc->id, doc->published);
		at_arena a;
		at_arena_init(&a, 0);
		at_para *p;
		size_t n;
		at_clean(&a, doc->bytes, doc->body_off, doc->len, &p, &n);
		for (size_t i = 0; i < n; i++)
			printf("[%-9s %u] %.100s\n", at_role_name(p[i].role), p[i].why,
			       doc->bytes + p[i].start);
		at_arena_free(&a);
		at_events *ev;
		if (at_extract_doc(&ev, ctx, doc) == 0) {
			size_t len;
			char *t = at_events_table(ev, 160, 1, &len);
			fputs(t, stdout);
			free(t);
			at_events_free(ev);
		}
		at_doc_free(doc);
	}
	at_reader_free(r);
	at_ctx_free(ctx);
	return 0;
}
