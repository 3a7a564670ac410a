/*
 * formats.c — the input formats the reader knows, in order of precedence: a
 * file goes to the first that claims it (JSON lines by name; web archives
 * by name or first bytes; web pages by name; any other file is text, which
 * still reads a page that starts like one). A new format is a reader file
 * with an at_format (ingest_int.h) and a line here.
 */
#include "ingest_int.h"

const at_format *const at__formats[] = {
	&at__jsonl_format,
	&at__warc_format,
	&at__page_format,
	&at__text_format,
	NULL,
};
