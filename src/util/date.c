/* SPDX-License-Identifier: MIT */
/*
 * date.c — civil calendar arithmetic after Howard Hinnant's days_from_civil
 * algorithms; tested against libc's timegm/gmtime_r over many dates.
 */
#include "date.h"

#include <string.h>

int64_t at_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

void at_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t yy = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned dd = doy - (153 * mp + 2) / 5 + 1;
	unsigned mm = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

int at_weekday(int y, int m, int d)
{
	int64_t z = at_days_from_civil(y, m, d);
	/* 1970-01-01 was a Thursday (3 when Monday = 0). */
	int64_t w = (z + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

int at_is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int at_days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return dm[m - 1] + (m == 2 && at_is_leap(y));
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int at_date_parse(at_date *out, const char *s)
{
	memset(out, 0, sizeof(*out));
	if (!s || strlen(s) < 4)
		return -1;
	int y = digits(s, 4);
	if (y < 1000)
		return -1;
	out->y = y;
	if (s[4] != '-')
		return (s[4] == '\0' || s[4] == ' ' || s[4] == 'T') ? 0 : -1;
	int m = digits(s + 5, 2);
	if (m < 1 || m > 12)
		return -1;
	out->m = m;
	if (s[7] != '-')
		return 0;
	int d = digits(s + 8, 2);
	if (d < 1 || d > at_days_in_month(y, m))
		return -1;
	out->d = d;
	return 0;
}

void at_date_format(const at_date *d, char out[11])
{
	/* fixed-width fields; values are clamped so the output always fits */
	unsigned y = (unsigned)(d->y > 0 && d->y < 10000 ? d->y : 0);
	unsigned m = (unsigned)(d->m >= 1 && d->m <= 12 ? d->m : 0);
	unsigned dd = (unsigned)(d->d >= 1 && d->d <= 31 ? d->d : 0);
	if (!y) {
		out[0] = '\0';
		return;
	}
	char *p = out;
	*p++ = (char)('0' + y / 1000);
	*p++ = (char)('0' + y / 100 % 10);
	*p++ = (char)('0' + y / 10 % 10);
	*p++ = (char)('0' + y % 10);
	if (m) {
		*p++ = '-';
		*p++ = (char)('0' + m / 10);
		*p++ = (char)('0' + m % 10);
		if (dd) {
			*p++ = '-';
			*p++ = (char)('0' + dd / 10);
			*p++ = (char)('0' + dd % 10);
		}
	}
	*p = '\0';
}
