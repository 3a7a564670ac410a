/*
 * frames_ru.c — Russian frames: roles from case and prepositions.
 */
#include "extract.h"

int at_extract__frames_ru(docx *d, at_events *out, uint32_t sidx)
{
	(void)d;
	(void)out;
	(void)sidx;
	return 0;
}
