/* SPDX-License-Identifier: MIT */
/*
 * tests/money/rates.c — the exchange-rate table: the annual TSV and the ECB
 * daily CSV loaders (cross rates through the euro, gaps, errors with line and
 * byte), and the look-up's choice of precision (day > month > year > the
 * nearest year). The CSV is tests/data/ecb-small.csv, written for this test.
 */
#include <math.h>

#include "../test_util.h"
#include "aidtrace.h"
#include "money/money.h"

#ifndef AT_TEST_SRCDIR
#define AT_TEST_SRCDIR "."
#endif

static const char TABLE[] = "# a comment\n"
			    "year\tUSD\tRUB\tEUR\n"
			    "2014\t1\t38.4\t0.75\n"
			    "2015\t1\t61.3\t\n"
			    "2016\t1\t\t0.90\n";

static at_date D(int y, int m, int d)
{
	at_date x = {y, m, d};
	return x;
}

static void table__annual_rates_and_empty_cells(void **state)
{
	(void)state;
	at_rates r = {0};
	char err[256] = "";
	assert_int_equal(
		at_money__parse_table(&r, "t.tsv", TABLE, strlen(TABLE), err, sizeof(err)), 0);
	double rate;
	at_date used, w = D(2015, 6, 1);
	assert_int_equal(at_money__rate(&r, "RUB", &w, &rate, &used), AT_BASIS_ANNUAL);
	assert_true(fabs(rate - 61.3) < 1e-9);
	assert_int_equal(used.y, 2015);
	assert_int_equal(used.m, 0);
	/* 2016 is empty for RUB: the nearest year that has one, and it says so */
	w = D(2016, 0, 0);
	assert_int_equal(at_money__rate(&r, "RUB", &w, &rate, &used), AT_BASIS_NEAREST);
	assert_int_equal(used.y, 2015);
	w = D(2030, 1, 1);
	assert_int_equal(at_money__rate(&r, "EUR", &w, &rate, &used), AT_BASIS_NEAREST);
	assert_int_equal(used.y, 2016);
	assert_true(fabs(rate - 0.90) < 1e-9);
	/* unknown currency, or no date at all: nothing */
	assert_int_equal(at_money__rate(&r, "XYZ", &w, &rate, &used), AT_BASIS_NONE);
	w = D(0, 0, 0);
	assert_int_equal(at_money__rate(&r, "RUB", &w, &rate, &used), AT_BASIS_NONE);
	at_money__free(&r);
}

static void table__a_second_table_fills_and_overrides_cells(void **state)
{
	(void)state;
	at_rates r = {0};
	char err[256] = "";
	const char local[] = "year\tRUB\tTJS\n2016\t67.0\t7.8\n2015\t\t6.2\n";
	assert_int_equal(at_money__parse_table(&r, "t.tsv", TABLE, strlen(TABLE), err,
					       sizeof(err)),
			 0);
	assert_int_equal(at_money__parse_table(&r, "local.tsv", local, strlen(local), err,
					       sizeof(err)),
			 0);
	double rate;
	at_date used, w = D(2016, 0, 0);
	assert_int_equal(at_money__rate(&r, "RUB", &w, &rate, &used), AT_BASIS_ANNUAL);
	assert_true(fabs(rate - 67.0) < 1e-9);
	w = D(2015, 0, 0);
	assert_int_equal(at_money__rate(&r, "RUB", &w, &rate, &used), AT_BASIS_ANNUAL);
	assert_true(fabs(rate - 61.3) < 1e-9); /* an empty cell keeps the first table's */
	assert_int_equal(at_money__rate(&r, "TJS", &w, &rate, &used), AT_BASIS_ANNUAL);
	at_money__free(&r);
}

static void table__bad_rate_names_line_and_byte(void **state)
{
	(void)state;
	const char bad[] = "year\tUSD\tRUB\n2015\t1\t6x.3\n";
	at_rates r = {0};
	char err[256] = "";
	assert_int_equal(
		at_money__parse_table(&r, "bad.tsv", bad, strlen(bad), err, sizeof(err)),
		AT_EPARSE);
	assert_non_null(strstr(err, "bad.tsv: line 2, byte 20"));
	at_money__free(&r);
	const char neg[] = "year\tUSD\n2015\t-1\n";
	at_rates r2 = {0};
	assert_int_equal(
		at_money__parse_table(&r2, "neg.tsv", neg, strlen(neg), err, sizeof(err)),
		AT_EPARSE);
	at_money__free(&r2);
	const char nohead[] = "2015\t1\n";
	at_rates r3 = {0};
	assert_int_equal(
		at_money__parse_table(&r3, "h.tsv", nohead, strlen(nohead), err, sizeof(err)),
		AT_EPARSE);
	assert_non_null(strstr(err, "line 1, byte 0"));
	at_money__free(&r3);
}

static void ecb__cross_rates_through_the_euro(void **state)
{
	(void)state;
	at_rates r = {0};
	char err[256] = "";
	assert_int_equal(at_money__load(&r, AT_TEST_SRCDIR "/tests/data/ecb-small.csv", 1, err,
					sizeof(err)),
			 0);
	double rate;
	at_date used, w = D(2023, 3, 3);
	assert_int_equal(at_money__rate(&r, "JPY", &w, &rate, &used), AT_BASIS_DAILY);
	assert_true(fabs(rate - 145.0 / 1.06) < 1e-9);
	assert_int_equal(at_money__rate(&r, "EUR", &w, &rate, &used), AT_BASIS_DAILY);
	assert_true(fabs(rate - 1.0 / 1.06) < 1e-12);
	/* a Sunday takes Friday's rate */
	w = D(2023, 3, 5);
	assert_int_equal(at_money__rate(&r, "GBP", &w, &rate, &used), AT_BASIS_DAILY);
	assert_int_equal(used.d, 3);
	assert_true(fabs(rate - 0.88 / 1.06) < 1e-12);
	/* N/A on 2023-03-06: the RUB look-up goes back to Friday */
	w = D(2023, 3, 6);
	assert_int_equal(at_money__rate(&r, "RUB", &w, &rate, &used), AT_BASIS_DAILY);
	assert_int_equal(used.d, 3);
	/* a month: the mean of its days */
	w = D(2023, 3, 0);
	assert_int_equal(at_money__rate(&r, "JPY", &w, &rate, &used), AT_BASIS_MONTHLY);
	double mean = (144.0 / 1.05 + 145.0 / 1.06 + 142.0 / 1.04) / 3;
	assert_true(fabs(rate - mean) < 1e-9);
	assert_int_equal(used.m, 3);
	/* a day far from any observation falls to the month, then nothing */
	w = D(2023, 3, 20);
	assert_int_equal(at_money__rate(&r, "JPY", &w, &rate, &used), AT_BASIS_MONTHLY);
	w = D(2023, 4, 20);
	assert_int_equal(at_money__rate(&r, "JPY", &w, &rate, &used), AT_BASIS_NONE);
	at_money__free(&r);
}

static void ecb__errors_name_file_line_and_byte(void **state)
{
	(void)state;
	char err[256] = "";
	at_rates r = {0};
	const char nousd[] = "Date,JPY,\n2023-03-03,145.0,\n";
	assert_int_equal(
		at_money__parse_ecb(&r, "x.csv", nousd, strlen(nousd), err, sizeof(err)),
		AT_EPARSE);
	assert_non_null(strstr(err, "no USD column"));
	at_money__free(&r);
	const char baddate[] = "Date,USD\n2023-02-30,1.1\n";
	assert_int_equal(
		at_money__parse_ecb(&r, "y.csv", baddate, strlen(baddate), err, sizeof(err)),
		AT_EPARSE);
	assert_non_null(strstr(err, "y.csv: line 2, byte 9"));
	at_money__free(&r);
	const char badcell[] = "Date,USD,JPY\n2023-03-03,1.1,abc\n";
	assert_int_equal(
		at_money__parse_ecb(&r, "z.csv", badcell, strlen(badcell), err, sizeof(err)),
		AT_EPARSE);
	assert_non_null(strstr(err, "z.csv: line 2, byte 28"));
	at_money__free(&r);
	assert_int_equal(at_money__load(&r, "/nonexistent/rates.csv", 1, err, sizeof(err)),
			 AT_EIO);
	assert_non_null(strstr(err, "/nonexistent/rates.csv"));
	at_money__free(&r);
}

static void ctx_load_rates__public_api(void **state)
{
	(void)state;
	at_ctx *ctx;
	char err[512] = "";
	const char *dir = AT_TEST_DATADIR ? AT_TEST_DATADIR : at_default_datadir();
	assert_int_equal(at_ctx_new(&ctx, dir, err, sizeof(err)), 0);
	assert_int_equal(at_ctx_load_rates(ctx, AT_TEST_SRCDIR "/tests/data/ecb-small.csv", err,
					   sizeof(err)),
			 0);
	assert_int_equal(at_ctx_load_rates(ctx, "/nonexistent.csv", err, sizeof(err)), AT_EIO);
	assert_int_equal(at_ctx_load_rates(NULL, "x", err, sizeof(err)), AT_EINVAL);
	at_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table__annual_rates_and_empty_cells),
		cmocka_unit_test(table__a_second_table_fills_and_overrides_cells),
		cmocka_unit_test(table__bad_rate_names_line_and_byte),
		cmocka_unit_test(ecb__cross_rates_through_the_euro),
		cmocka_unit_test(ecb__errors_name_file_line_and_byte),
		cmocka_unit_test(ctx_load_rates__public_api),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
