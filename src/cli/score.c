/* SPDX-License-Identifier: MIT */
/*
 * score.c — `aidtrace score GOLD PRED [--docs DOCS] [--format table|json]
 * [--errors]`: a thin client of at_score (src/score/score.c). Unreadable
 * lines are named on stderr with file and line (exit 1); the figures go to
 * stdout.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aidtrace.h"
#include "cli.h"

static void report_diag(void *user, const at_diag *d)
{
	(void)user;
	cli_report(d);
}

int cmd_score(int argc, char **argv)
{
	const char *files[2] = {NULL, NULL}, *docs = NULL, *format = "table";
	int nfiles = 0, errors = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			cli_help(stdout, "score");
			return 0;
		} else if ((!strcmp(a, "--docs") || !strcmp(a, "--format")) && i + 1 < argc) {
			if (!strcmp(a, "--docs"))
				docs = argv[++i];
			else
				format = argv[++i];
		} else if (!strcmp(a, "--errors")) {
			errors = 1;
		} else if ((a[0] == '-' && a[1]) || nfiles == 2) {
			fprintf(stderr, "aidtrace: score: %s %s\n",
				a[0] == '-' && a[1] ? "unknown or incomplete option"
						    : "one file too many:",
				a);
			cli_usage("score");
			return 2;
		} else {
			files[nfiles++] = a;
		}
	}
	if (nfiles != 2 || (strcmp(format, "table") && strcmp(format, "json"))) {
		if (nfiles != 2)
			fprintf(stderr, "aidtrace: score: give GOLD.jsonl and PRED.jsonl\n");
		else
			fprintf(stderr, "aidtrace: score: unknown format %s\n", format);
		cli_usage("score");
		return 2;
	}
	const char *names[3] = {files[0], files[1], docs};
	at_text t[3];
	int stdin_used = 0, rc = 2;
	memset(t, 0, sizeof(t));
	for (int k = 0; k < 3; k++) {
		if (!names[k])
			continue;
		if (!strcmp(names[k], "-") && stdin_used++) {
			fprintf(stderr, "aidtrace: score: only one of the files can be -\n");
			goto out;
		}
		t[k].name = names[k];
		t[k].data = cli_slurp(names[k], &t[k].len);
		if (!t[k].data) {
			fprintf(stderr, "aidtrace: %s: cannot read: %s\n", names[k], strerror(errno));
			goto out;
		}
	}
	char *text = NULL;
	size_t len = 0;
	unsigned flags = (!strcmp(format, "json") ? AT_SCORE_JSON : 0) |
			 (errors ? AT_SCORE_ERRORS : 0);
	int r = at_score(&t[0], &t[1], docs ? &t[2] : NULL, flags, &text, &len, report_diag, NULL);
	if (text)
		fwrite(text, 1, len, stdout);
	free(text);
	if (r && r != AT_EPARSE)
		fprintf(stderr, "aidtrace: score: out of memory\n");
	else if (fflush(stdout) != 0)
		perror("aidtrace: stdout");
	else
		rc = r ? 1 : 0;
out:
	for (int k = 0; k < 3; k++)
		free((char *)t[k].data);
	return rc;
}
