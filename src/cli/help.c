/* SPDX-License-Identifier: MIT */
/*
 * help.c — the help text of every command, one place: `aidtrace COMMAND
 * --help` and `aidtrace help COMMAND` print the same text (cli_help), and a
 * usage error prints the command's usage lines (its text up to the first
 * blank line) on stderr. The table of commands is in main.c.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* The input forms extract and ingest read. */
#define INPUTS                                                                                \
	"PATH (any number, read in order) is one of:\n"                                       \
	"  a text file       one article (.txt, .text, or any name not below); an\n"          \
	"                    optional first line \" date YYYY-MM-DD\" gives its date\n"       \
	"  a JSON-lines file .jsonl or .ndjson: one document a line,\n"                       \
	"                    {\"id\",\"url\",\"published\",\"title\",\"outlet\",\"text\"},\n" \
	"                    or \"html\" instead of \"text\" for a web page\n"                \
	"  a web page        .html, .htm, .xhtml, or any file that starts like one: its\n"    \
	"                    article (menus, comments, boxes left out); date, title and\n"    \
	"                    outlet from JSON-LD, Open Graph, <time> or <meta name=date>\n"   \
	"  a web archive     .warc, .warc.gz, .arc, .arc.gz, or any file that starts\n"       \
	"                    like one: the text and HTML pages of its response and\n"         \
	"                    resource records, each with its URL as id\n"                     \
	"  a folder          walked in name order: the files with the endings above\n"        \
	"  -                 JSON lines on stdin\n"

#define DATA_OPT                                                                           \
	"  --data DIR        the lexicons and tables (default: $AIDTRACE_DATA, else the\n" \
	"                    installed share/aidtrace, else the source tree's data/)\n"

#define FILTERS                                                                           \
	"  --db FILE|URI     the database: a SQLite file, or a PostgreSQL URI\n"          \
	"                    (postgresql://user@host/db); default $AIDTRACE_DB, else\n"   \
	"                    ./aidtrace.db\n"                                             \
	"  --type T          aid, exercise or deployment\n"                               \
	"  --provider C      C: an ISO alpha-3 code (RUS) or an organisation's (NATO)\n"  \
	"  --recipient C\n"                                                               \
	"  --participant C   an exercise's participant, or a deployment's actor\n"        \
	"  --since D         the act's start date (else the report date) on or after D\n" \
	"  --until D         ... on or before D (D: YYYY-MM-DD)\n"                        \
	"  --status S        intent, committed, underway or completed\n"                  \
	"  --min-sources N   events with at least N source documents\n"                   \
	"  --limit N         at most N events (newest first)\n"                           \
	"  --id ID           the one event with this id\n"

static const char help_extract[] =
	"usage: aidtrace extract [--published YYYY-MM-DD] [--format jsonl|table|geojson]\n"
	"                        [--data DIR] [--rates FILE] [--threads N] [--quiet]\n"
	"                        PATH...|-\n"
	"\n"
	"extract reads news articles and writes the events they report (aid,\n"
	"exercises, deployments) on stdout, one JSON line each (SCHEMA.md plus \"why\").\n"
	"\n" INPUTS "\n"
	"options:\n"
	"  --published D     the publication date of every document (YYYY-MM-DD)\n"
	"  --format F        jsonl (default), table (for people), or geojson (one\n"
	"                    FeatureCollection: aid as provider->recipient lines,\n"
	"                    exercises and deployments as points)\n" DATA_OPT
	"  --rates FILE      daily exchange rates, a CSV in the ECB reference-rate\n"
	"                    layout (Date,USD,JPY,...); used before the annual table\n"
	"  --threads N       documents analysed at a time, 1 to 256 (default: the\n"
	"                    number of cores); the output is the same for every N\n"
	"  --quiet, -q       no progress line on stderr (shown only when stderr is a\n"
	"                    terminal and the run takes more than a second)\n"
	"  --help, -h        this text\n"
	"\n"
	"Exit status: 0 all good; 1 some inputs had errors (each named on stderr with\n"
	"file and line or byte; the rest processed); 2 usage or set-up error.\n";

static const char help_ingest[] =
	"usage: aidtrace ingest [--db FILE] [--published YYYY-MM-DD] [--data DIR]\n"
	"                       [--rates FILE] [--batch N] [--wait SECONDS] [--verbose]\n"
	"                       [--quiet] [PATH...|-]\n"
	"\n"
	"ingest extracts the events of the documents and stores documents, events\n"
	"and the merged ledger (one event per real-world act) in a SQLite database.\n"
	"Re-ingesting a stored document changes nothing; a new version of a document\n"
	"(same id) replaces its events. With no PATH it only finishes the merging of\n"
	"an interrupted run.\n"
	"\n" INPUTS "\n"
	"options:\n"
	"  --db FILE|URI     the database: a SQLite file (created if missing), or a\n"
	"                    PostgreSQL URI (postgresql://user@host/db: the tables\n"
	"                    are made); default $AIDTRACE_DB, else ./aidtrace.db\n"
	"  --published D     the publication date of every document (YYYY-MM-DD)\n" DATA_OPT
	"  --rates FILE      daily exchange rates, a CSV in the ECB reference-rate\n"
	"                    layout (Date,USD,JPY,...); used before the annual table\n"
	"  --batch N         documents per transaction (default 500)\n"
	"  --wait S          wait up to S seconds for another process writing to the\n"
	"                    database (default 600), then give up\n"
	"  --verbose         a line on stderr after each committed batch\n"
	"  --quiet, -q       no progress line and no summary on stderr\n"
	"  --help, -h        this text\n"
	"\n"
	"Exit status: 0 all good; 1 some inputs had errors (the rest is stored); 2\n"
	"usage, or the database could not be opened or written.\n";

static const char help_events[] =
	"usage: aidtrace events [--db FILE] [--type aid|exercise|deployment]\n"
	"                       [--provider C] [--recipient C] [--participant C]\n"
	"                       [--since YYYY-MM-DD] [--until YYYY-MM-DD]\n"
	"                       [--status intent|committed|underway|completed]\n"
	"                       [--min-sources N] [--limit N]\n"
	"                       [--format table|jsonl|csv|geojson] [--data DIR]\n"
	"                       [--id ID [--explain]]\n"
	"\n"
	"events lists the merged ledger of a database made by ingest, newest first.\n"
	"\n"
	"options:\n" FILTERS
	"  --explain         with --id: the event field by field, the reason for each\n"
	"                    value, every source sentence with its byte offsets\n"
	"  --format F        table (default; fits the terminal), jsonl (SCHEMA.md plus\n"
	"                    \"why\" and \"lifecycle\"), csv (RFC 4180), or geojson (one\n"
	"                    FeatureCollection, as extract draws it)\n" DATA_OPT
	"  --help, -h        this text\n"
	"\n"
	"Exit status: 0; 2 usage, or the database could not be read.\n";

static const char help_report[] =
	"usage: aidtrace report [--db FILE [filters] | --jsonl FILE|-] [-o report.html]\n"
	"                       [--title TEXT] [--generated TEXT]\n"
	"\n"
	"report writes one self-contained HTML page (no network request) about\n"
	"events: a summary, a timeline, the provider -> recipient flows, a table\n"
	"with each field's sentence, and the conflicts between sources.\n"
	"\n"
	"input (one of):\n"
	"  --db FILE         the ledger of a database made by ingest, with the\n"
	"                    filters of events:\n" FILTERS
	"  --jsonl FILE      events as JSON lines (extract's output; - for stdin)\n"
	"\n"
	"options:\n"
	"  -o FILE           the page (default: stdout)\n"
	"  --title TEXT      the page's title (default \"aidtrace report\")\n"
	"  --generated TEXT  the \"generated\" line (default: the UTC time, or\n"
	"                    $SOURCE_DATE_EPOCH when set, for reproducible pages)\n"
	"  --help, -h        this text\n"
	"\n"
	"Exit status: 0; 1 some input lines were not events (skipped, the first named\n"
	"on stderr; the page is still written); 2 usage or I/O error.\n";

static const char help_score[] =
	"usage: aidtrace score GOLD.jsonl PRED.jsonl [--docs DOCS.jsonl]\n"
	"                      [--format table|json] [--errors]\n"
	"\n"
	"score compares events (PRED: the JSON lines of extract, or of events --format\n"
	"jsonl) with annotations of the same documents (GOLD: one line per event per\n"
	"document, the event's fields plus \"doc\", \"group\", \"optional\", \"evidence\"\n"
	"and \"status_alt\"; see SCHEMA.md, \"Gold annotations\"), and prints event\n"
	"precision, recall and F1, a score per slot, and the merge links found.\n"
	"\n"
	"  GOLD.jsonl        the annotations (- for stdin)\n"
	"  PRED.jsonl        the events to score (- for stdin)\n"
	"  --docs FILE       the documents in scope, one {\"doc\": NAME, ...} a line;\n"
	"                    a document with no gold line is then a negative (default:\n"
	"                    the documents GOLD names; other documents are ignored)\n"
	"  --format F        table (default) or json (an object: \"events\" with tp, fp,\n"
	"                    fn, precision, recall, f1; \"slots\"; \"merge\")\n"
	"  --errors          also list the missed and false events, each with its\n"
	"                    sentence, and the slots a matched event got wrong\n"
	"  --help, -h        this text\n"
	"\n"
	"Exit status: 0; 1 some lines could not be read (named on stderr with file and\n"
	"line, skipped); 2 usage or I/O error.\n";

static const char help_watch[] =
	"usage: aidtrace watch --feeds FILE --archive DIR [--db FILE|URI] [--once]\n"
	"                      [--interval DURATION] [--delay S] [--timeout S]\n"
	"                      [--max-page BYTES] [--archive-max BYTES] [--data DIR]\n"
	"                      [--quiet]\n"
	"\n"
	"watch follows RSS and Atom feeds: each pass fetches every feed (conditional\n"
	"GET), fetches the pages of items not met before (robots.txt honoured, one\n"
	"request at a time, a delay per host), keeps every request and response in\n"
	"WARC files, and stores the new pages and their events in the ledger. One\n"
	"summary line per pass on stderr; SIGINT or SIGTERM finish the page in hand.\n"
	"\n"
	"options:\n"
	"  --feeds FILE      feed URLs, one a line; # starts a comment\n"
	"  --archive DIR     the folder of WARC files (created if missing)\n"
	"  --db FILE|URI     the database: a SQLite file (created if missing), or a\n"
	"                    PostgreSQL URI (postgresql://user@host/db); default\n"
	"                    $AIDTRACE_DB, else ./aidtrace.db\n"
	"  --once            one pass, then exit\n"
	"  --interval D      time between the starts of two passes: 90, 30s, 15m, 2h\n"
	"                    (default 15m)\n"
	"  --delay S         seconds between two requests to one host (default 2)\n"
	"  --timeout S       seconds for one request (default 30)\n"
	"  --max-page BYTES  largest page or feed kept (default 8M; K, M, G)\n"
	"  --archive-max B   start a new WARC file at this size (default 1G)\n" DATA_OPT
	"  --quiet, -q       no summary lines\n"
	"  --help, -h        this text\n"
	"\n"
	"Exit status: 0 all good; 1 the last pass had errors with some URLs (each\n"
	"named on stderr); 2 usage, or the database, the archive or the feeds file\n"
	"failed.\n";

static const char help_help[] =
	"usage: aidtrace help [COMMAND]\n"
	"\n"
	"The list of commands, or the help of one (as COMMAND --help).\n";

static const char help_version[] =
	"usage: aidtrace version   (or aidtrace --version)\n"
	"\n"
	"The version of aidtrace, and the data folder it reads when\n"
	"--data is not given.\n";

static const struct {
	const char *name, *text;
} helps[] = {{"extract", help_extract}, {"ingest", help_ingest}, {"events", help_events},
	     {"report", help_report},   {"watch", help_watch},   {"score", help_score},
	     {"help", help_help},       {"version", help_version}};

const char *cli_help_text(const char *cmd)
{
	for (size_t i = 0; i < sizeof(helps) / sizeof(helps[0]); i++)
		if (!strcmp(helps[i].name, cmd))
			return helps[i].text;
	return NULL;
}

int cli_help(FILE *f, const char *cmd)
{
	const char *t = cli_help_text(cmd);
	if (!t)
		return -1;
	fputs(t, f);
	return 0;
}

void cli_usage(const char *cmd)
{
	const char *t = cli_help_text(cmd);
	const char *end = t ? strstr(t, "\n\n") : NULL;
	if (!t)
		return;
	fprintf(stderr, "%.*s\n(aidtrace help %s for more)\n",
		(int)(end ? (size_t)(end - t) : strlen(t)), t, cmd);
}
