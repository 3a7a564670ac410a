/* SPDX-License-Identifier: MIT */
/*
 * tests/util/date.c — civil calendar arithmetic (src/util/date.c), compared
 * with libc's timegm/gmtime_r on every day from 1900 to 2100, and parsing and
 * formatting of full and partial ISO dates.
 */
#include <time.h>

#include "../test_util.h"
#include "util/date.h"

static void days_from_civil__matches_timegm_every_day_1900_to_2100(void **state)
{
	(void)state;
	long checked = 0;
	for (int y = 1900; y <= 2100; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= at_days_in_month(y, m); d++) {
				struct tm tm = {0};
				tm.tm_year = y - 1900;
				tm.tm_mon = m - 1;
				tm.tm_mday = d;
				time_t t = timegm(&tm);
				int64_t want = (int64_t)t / 86400;
				int64_t got = at_days_from_civil(y, m, d);
				if (got != want)
					fail_msg("%04d-%02d-%02d: %lld days, libc says %lld", y,
						 m, d, (long long)got, (long long)want);
				checked++;
			}
	assert_int_equal(checked, 201 * 365 + 49); /* 1900 and 2100 are not leap years */
}

static void civil_from_days__matches_gmtime_r_every_day_1900_to_2100(void **state)
{
	(void)state;
	int64_t z0 = at_days_from_civil(1900, 1, 1), z1 = at_days_from_civil(2100, 12, 31);
	for (int64_t z = z0; z <= z1; z++) {
		time_t t = (time_t)(z * 86400);
		struct tm tm;
		assert_non_null(gmtime_r(&t, &tm));
		int y, m, d;
		at_civil_from_days(z, &y, &m, &d);
		if (y != tm.tm_year + 1900 || m != tm.tm_mon + 1 || d != tm.tm_mday)
			fail_msg("day %lld: %04d-%02d-%02d, libc says %04d-%02d-%02d",
				 (long long)z, y, m, d, tm.tm_year + 1900, tm.tm_mon + 1,
				 tm.tm_mday);
		/* tm_wday: 0 = Sunday; at_weekday: 0 = Monday */
		int want_wd = (tm.tm_wday + 6) % 7;
		if (at_weekday(y, m, d) != want_wd)
			fail_msg("%04d-%02d-%02d: weekday %d, libc says %d", y, m, d,
				 at_weekday(y, m, d), want_wd);
	}
}

static void civil_from_days__round_trips_far_from_the_epoch(void **state)
{
	(void)state;
	static const int Y[] = {1, 399, 400, 401, 1582, 1600, 1700, 2400, 9999};
	for (size_t i = 0; i < sizeof(Y) / sizeof(Y[0]); i++)
		for (int m = 1; m <= 12; m++) {
			int d = at_days_in_month(Y[i], m);
			int y2, m2, d2;
			at_civil_from_days(at_days_from_civil(Y[i], m, d), &y2, &m2, &d2);
			assert_int_equal(y2, Y[i]);
			assert_int_equal(m2, m);
			assert_int_equal(d2, d);
		}
	assert_int_equal(at_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(at_days_from_civil(1969, 12, 31), -1);
}

static void weekday__known_days(void **state)
{
	(void)state;
	assert_int_equal(at_weekday(1970, 1, 1), 3);  /* Thursday */
	assert_int_equal(at_weekday(2000, 1, 1), 5);  /* Saturday */
	assert_int_equal(at_weekday(2024, 2, 29), 3); /* Thursday */
	assert_int_equal(at_weekday(1900, 1, 1), 0);  /* Monday */
}

static void leap_years__century_rule(void **state)
{
	(void)state;
	assert_true(at_is_leap(2000));
	assert_false(at_is_leap(1900));
	assert_false(at_is_leap(2100));
	assert_true(at_is_leap(2024));
	assert_false(at_is_leap(2023));
	assert_int_equal(at_days_in_month(2024, 2), 29);
	assert_int_equal(at_days_in_month(2023, 2), 28);
	assert_int_equal(at_days_in_month(2023, 0), 0);
	assert_int_equal(at_days_in_month(2023, 13), 0);
}

static void date_parse__full_and_partial_dates(void **state)
{
	(void)state;
	at_date d;
	assert_int_equal(at_date_parse(&d, "2021-07-22"), 0);
	assert_int_equal(d.y, 2021);
	assert_int_equal(d.m, 7);
	assert_int_equal(d.d, 22);
	assert_int_equal(at_date_parse(&d, "2013-09"), 0);
	assert_int_equal(d.y, 2013);
	assert_int_equal(d.m, 9);
	assert_int_equal(d.d, 0);
	assert_int_equal(at_date_parse(&d, "2014"), 0);
	assert_int_equal(d.y, 2014);
	assert_int_equal(d.m, 0);
	assert_int_equal(d.d, 0);
	/* a time part is ignored */
	assert_int_equal(at_date_parse(&d, "2019-11-11T08:30:00Z"), 0);
	assert_int_equal(d.d, 11);
	assert_int_equal(at_date_parse(&d, "2014 spring"), 0);
	assert_int_equal(d.y, 2014);
	assert_int_equal(d.m, 0);
}

static void date_parse__rejects_impossible_dates(void **state)
{
	(void)state;
	at_date d;
	static const char *const BAD[] = {"",          "202",        "999",        "abcd",
					  "2021-13",   "2021-00",    "2021-02-29", "2023-04-31",
					  "2021-7-22", "2021/07/22", "20210722",   "2021-07-00",
					  "2021-07-3x"};
	for (size_t i = 0; i < sizeof(BAD) / sizeof(BAD[0]); i++)
		if (at_date_parse(&d, BAD[i]) == 0)
			fail_msg("\"%s\" parsed as %d-%d-%d", BAD[i], d.y, d.m, d.d);
	assert_int_not_equal(at_date_parse(&d, NULL), 0);
	assert_int_equal(at_date_parse(&d, "2024-02-29"), 0);
}

static void date_format__partial_and_out_of_range(void **state)
{
	(void)state;
	char out[11];
	at_date d = {2021, 7, 22};
	at_date_format(&d, out);
	assert_string_equal(out, "2021-07-22");
	d = (at_date){2013, 9, 0};
	at_date_format(&d, out);
	assert_string_equal(out, "2013-09");
	d = (at_date){2014, 0, 0};
	at_date_format(&d, out);
	assert_string_equal(out, "2014");
	d = (at_date){2014, 0, 5}; /* a day without a month is dropped */
	at_date_format(&d, out);
	assert_string_equal(out, "2014");
	d = (at_date){0, 1, 1};
	at_date_format(&d, out);
	assert_string_equal(out, "");
	d = (at_date){123456, 1, 1};
	at_date_format(&d, out);
	assert_string_equal(out, "");
	d = (at_date){2020, 14, 40};
	at_date_format(&d, out);
	assert_string_equal(out, "2020");
}

static void date_parse_then_format__round_trips(void **state)
{
	(void)state;
	static const char *const S[] = {"1999", "2000-02", "2024-02-29", "1900-01-01",
					"2100-12-31"};
	for (size_t i = 0; i < sizeof(S) / sizeof(S[0]); i++) {
		at_date d;
		char out[11];
		assert_int_equal(at_date_parse(&d, S[i]), 0);
		at_date_format(&d, out);
		assert_string_equal(out, S[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(days_from_civil__matches_timegm_every_day_1900_to_2100),
		cmocka_unit_test(civil_from_days__matches_gmtime_r_every_day_1900_to_2100),
		cmocka_unit_test(civil_from_days__round_trips_far_from_the_epoch),
		cmocka_unit_test(weekday__known_days),
		cmocka_unit_test(leap_years__century_rule),
		cmocka_unit_test(date_parse__full_and_partial_dates),
		cmocka_unit_test(date_parse__rejects_impossible_dates),
		cmocka_unit_test(date_format__partial_and_out_of_range),
		cmocka_unit_test(date_parse_then_format__round_trips),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
