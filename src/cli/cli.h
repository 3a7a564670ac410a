/*
 * cli.h — what the command files of the CLI share: diagnostics on stderr,
 * the terminal width, and the commands themselves.
 */
#ifndef AT_CLI_H
#define AT_CLI_H

#include "aidtrace.h"

/* "aidtrace: FILE:LINE: message" (or byte offset) on stderr. */
void cli_report(const at_diag *d);
/* Columns of the terminal on stdout, else $COLUMNS, else 120. */
int cli_term_width(void);

int cmd_ingest(int argc, char **argv);
int cmd_events(int argc, char **argv);

#endif
