/* SPDX-License-Identifier: MIT */
/*
 * formats.c — the input formats the reader knows, in order of precedence: a
 * file goes to the first that claims it (JSON lines by name; web archives
 * by name or first bytes; web pages by name; any other file is text, which
 * still reads a page that starts like one). A new format is a reader file
 * with an at_format (ingest_int.h) and a line here.
 */
#include "ingest_int.h"

/* clang-format off */
const at_format *const at__formats[] = {
	&at__jsonl_format, /* .jsonl, .ndjson (and "-", stdin, by the reader) */
	&at__warc_format,  /* .warc, .warc.gz, .arc, .arc.gz, or WARC/ARC bytes */
	&at__page_format,  /* .html, .htm, .xhtml */
	&at__text_format,  /* any other file (.txt, .text in a directory walk) */
	NULL,
};
/* clang-format on */
