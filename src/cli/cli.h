/* SPDX-License-Identifier: MIT */
/*
 * cli.h — what the command files of the CLI share: diagnostics on stderr,
 * the terminal width, and the commands themselves.
 */
#ifndef AT_CLI_H
#define AT_CLI_H

#include <stdio.h>

#include "aidtrace.h"

/* "aidtrace: FILE:LINE: message" (or byte offset) on stderr. */
void cli_report(const at_diag *d);
/* Columns of the terminal on stdout, else $COLUMNS, else 120. */
int cli_term_width(void);
/* The progress line on stderr (documents/s, MB/s, events, ETA), cut to
 * `width` columns; 1 when one was written (runs under a second stay quiet). */
int cli_progress(const at_run_stats *st, int width);

/* --db's default: $AIDTRACE_DB when set, else ./aidtrace.db. */
const char *cli_default_db(void);
/* The ledger's filters (--db, --type, --provider, ... --limit) at argv[*i]:
 * 1 consumed (and *i moved past its value), 0 not a filter, -1 bad value. */
int cli_filter(int argc, char **argv, int *i, at_query *q, const char **db);
/* The first filter with an invalid value ("--since"), or NULL. */
const char *cli_filter_check(const at_query *q);
/* The ledger events matching q as JSON lines, in one malloc'd buffer. */
char *cli_ledger_jsonl(at_store *st, const at_query *q, size_t *len, char *err, size_t errlen);

/* The help of a command (help.c): its text, NULL for an unknown command;
 * cli_help prints it (-1: unknown); cli_usage prints its usage lines on
 * stderr, after a usage error. */
const char *cli_help_text(const char *cmd);
int cli_help(FILE *f, const char *cmd);
void cli_usage(const char *cmd);

/* The whole of `path` ("-": stdin) in memory (capped at 1 GB), with a NUL
 * after it; NULL on error (errno set). */
char *cli_slurp(const char *path, size_t *len);

int cmd_ingest(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_watch(int argc, char **argv);

#endif
