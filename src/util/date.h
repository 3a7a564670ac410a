/* SPDX-License-Identifier: MIT */
/*
 * date.h — civil calendar arithmetic (proleptic Gregorian), no libc time zone
 * involvement: days from civil, civil from days, weekday, month lengths, and
 * parsing/formatting of ISO dates that may be partial ("2014", "2013-09").
 */
#ifndef AT_UTIL_DATE_H
#define AT_UTIL_DATE_H

#include <stdint.h>

typedef struct at_date {
	int y, m, d; /* m, d = 0 when unknown (partial date) */
} at_date;

/* Days since 1970-01-01 of a full date. */
int64_t at_days_from_civil(int y, int m, int d);
void at_civil_from_days(int64_t z, int *y, int *m, int *d);
/* 0 = Monday ... 6 = Sunday */
int at_weekday(int y, int m, int d);
int at_days_in_month(int y, int m);
int at_is_leap(int y);
/* Parse "YYYY", "YYYY-MM", "YYYY-MM-DD" (rest ignored). 0 on success. */
int at_date_parse(at_date *out, const char *s);
/* Format as ISO (partial when m or d is 0) into out[11]. */
void at_date_format(const at_date *d, char out[11]);

#endif
