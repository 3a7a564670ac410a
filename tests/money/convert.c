/* SPDX-License-Identifier: MIT */
/*
 * tests/money/convert.c — amounts in their many written forms become a value
 * with an ISO currency and a USD figure: the article's own conversion first
 * (usd_basis "text"), else the rate of the act's date or the report's, as
 * precise as the table allows ("daily" from the ECB file given with
 * at_ctx_load_rates, "monthly", "annual", the nearest year). Sentences are
 * written for these tests; the annual rates are data/rates.tsv.
 */
#include <math.h>

#include "../extract/extract_util.h"

#ifndef AT_TEST_SRCDIR
#define AT_TEST_SRCDIR "."
#endif

static int setup(void **state)
{
	if (ctx_setup(state))
		return -1;
	char err[512] = "";
	if (at_ctx_load_rates(g_ctx, AT_TEST_SRCDIR "/tests/data/ecb-small.csv", err,
			      sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

/* The value of the only event of `text`, checked for amount and currency. */
static json_t *value_of(const char *text, const char *published, double amount,
			const char *currency)
{
	json_t *arr = extract(text, published);
	if (json_array_size(arr) != 1)
		fail_msg("%zu events in: %s", json_array_size(arr), text);
	json_t *v = json_object_get(json_array_get(arr, 0), "value");
	if (!json_is_object(v))
		fail_msg("no value in: %s", text);
	json_incref(v);
	json_decref(arr);
	double a = json_number_value(json_object_get(v, "amount"));
	if (fabs(a - amount) > 1e-6 * amount)
		fail_msg("amount %.0f, expected %.0f in: %s", a, amount, text);
	assert_string_equal(json_string_value(json_object_get(v, "currency")), currency);
	return v;
}

static const char *basis(json_t *v)
{
	return json_string_value(json_object_get(v, "usd_basis"));
}

static double usd(json_t *v)
{
	json_t *u = json_object_get(v, "usd");
	assert_true(json_is_number(u));
	return json_number_value(u);
}

static void check_form(const char *text, double amount, const char *currency)
{
	json_t *v = value_of(text, "2019-06-04", amount, currency);
	if (strcmp(currency, "USD") == 0) {
		assert_string_equal(basis(v), "text");
		assert_true(fabs(usd(v) - amount) < 1);
	} else {
		assert_string_equal(basis(v), "annual");
		assert_string_equal(json_string_value(json_object_get(v, "usd_rate_date")),
				    "2019");
		assert_true(usd(v) > 0);
	}
	json_decref(v);
}

static void currency_forms__rubles_roubles_sign_code_and_russian(void **state)
{
	(void)state;
	check_form("Russia will give Kyrgyzstan military equipment worth 2 billion rubles.",
		   2e9, "RUB");
	check_form("Russia will give Kyrgyzstan military equipment worth 2 billion roubles.",
		   2e9, "RUB");
	check_form("Russia will give Kyrgyzstan military equipment worth ₽2bn.", 2e9, "RUB");
	check_form("Russia will give Kyrgyzstan military equipment worth RUB 2 bln.", 2e9,
		   "RUB");
	check_form("Russia will give Kyrgyzstan military equipment worth 2 млрд руб.", 2e9,
		   "RUB");
}

static void currency_forms__dollars(void **state)
{
	(void)state;
	check_form("The United States will give Ukraine weapons worth $1.2 billion.", 1.2e9,
		   "USD");
	check_form("The United States will give Ukraine weapons worth US$300 mln.", 3e8, "USD");
	check_form("The United States will give Ukraine weapons worth USD 45m.", 4.5e7, "USD");
	check_form("The United States will give Ukraine weapons worth 80 million dollars.", 8e7,
		   "USD");
	check_form("The United States will give Ukraine ammunition worth $750k.", 7.5e5, "USD");
	check_form("Australia will give Ukraine armoured vehicles worth 60 million Australian "
		   "dollars.",
		   6e7, "AUD");
	/* a bare "$" of a provider with a dollar of its own is that dollar */
	check_form("Canada will give Ukraine armoured vehicles worth $340-million.", 3.4e8,
		   "CAD");
	check_form("Australia will give Ukraine ammunition worth $50 million.", 5e7, "AUD");
	/* unless the text says whose: "US$", or a US figure beside it */
	check_form("Canada will give Ukraine armoured vehicles worth US$30 million.", 3e7,
		   "USD");
	json_t *v = value_of("Canada will give Ukraine weapons worth $340 million Canadian ($268 "
			     "million U.S.).",
			     "2019-06-04", 3.4e8, "CAD");
	assert_string_equal(basis(v), "text");
	assert_true(fabs(usd(v) - 2.68e8) < 1);
	json_decref(v);
}

static void currency_forms__euro_pound_yuan_rupee_hryvnia(void **state)
{
	(void)state;
	check_form("Germany will give Lithuania tanks worth €500 million.", 5e8, "EUR");
	check_form("Germany will give Lithuania tanks worth 500 million euros.", 5e8, "EUR");
	check_form("Britain will give Ukraine missiles worth £2.3bn.", 2.3e9, "GBP");
	check_form("Britain will give Ukraine missiles worth 90 million pounds sterling.", 9e7,
		   "GBP");
	check_form("China will give Cambodia military equipment worth 50 million yuan.", 5e7,
		   "CNY");
	check_form("China will give Cambodia military equipment worth 20 million renminbi.",
		   2e7, "CNY");
	check_form("Poland will give Ukraine military equipment worth 2 billion hryvnias.", 2e9,
		   "UAH");
	check_form("Japan will give the Philippines military radars worth 1.5 trillion yen.",
		   1.5e12, "JPY");
	/* rupees of the paying country; lakh and crore */
	check_form("Pakistan will give Afghanistan military equipment worth 10 billion rupees.",
		   1e10, "PKR");
	check_form("India will give the Maldives military equipment worth Rs 50 lakh.", 5e6,
		   "INR");
	check_form("India will give Bhutan military equipment worth 30 crore rupees.", 3e8,
		   "INR");
}

static void article_conversion_wins__usd_basis_text(void **state)
{
	(void)state;
	json_t *v = value_of("Russia will give Tajikistan military aid worth 70 billion rubles "
			     "($1.2 billion) to buy weapons.",
			     "2015-03-10", 7e10, "RUB");
	assert_string_equal(basis(v), "text");
	assert_true(fabs(usd(v) - 1.2e9) < 1);
	json_decref(v);
}

static void conversion_far_from_the_table__conflict(void **state)
{
	(void)state;
	/* 70 billion rubles were about $1.1 billion in 2015, not $7 billion */
	json_t *arr =
		extract("Russia will give Tajikistan military aid worth 70 billion rubles "
			"($7 billion) to buy weapons.",
			"2015-03-10");
	assert_int_equal(json_array_size(arr), 1);
	json_t *conf = json_object_get(json_array_get(arr, 0), "conflicts");
	assert_int_equal(json_array_size(conf), 1);
	assert_string_equal(str_at(json_array_get(conf, 0), "field", NULL), "usd");
	json_decref(arr);
	/* within 30%: no conflict */
	arr = extract("Russia will give Tajikistan military aid worth 70 billion rubles "
		      "($1.2 billion) to buy weapons.",
		      "2015-03-10");
	conf = json_object_get(json_array_get(arr, 0), "conflicts");
	assert_int_equal(json_array_size(conf), 0);
	json_decref(arr);
}

static void precision__day_month_year_and_nearest(void **state)
{
	(void)state;
	/* the act's own day, which the ECB file has */
	json_t *v = value_of("Japan handed over military equipment worth 1.45 billion yen to "
			     "the Philippines "
			     "on March 3, 2023.",
			     "2023-03-20", 1.45e9, "JPY");
	assert_string_equal(basis(v), "daily");
	assert_string_equal(json_string_value(json_object_get(v, "usd_rate_date")),
			    "2023-03-03");
	assert_true(fabs(usd(v) - 1.45e9 / (145.0 / 1.06)) < 1.0);
	json_decref(v);
	/* a month: the month's mean */
	v = value_of("Japan handed over military equipment worth 1.45 billion yen to the "
		     "Philippines in "
		     "March 2023.",
		     "2023-04-20", 1.45e9, "JPY");
	assert_string_equal(basis(v), "monthly");
	assert_string_equal(json_string_value(json_object_get(v, "usd_rate_date")), "2023-03");
	json_decref(v);
	/* no date in the text: the report's date; no daily rate then: the year */
	v = value_of("Russia will give Kyrgyzstan military equipment worth 40 billion rubles.",
		     "2016-05-11", 4e10, "RUB");
	assert_string_equal(basis(v), "annual");
	assert_string_equal(json_string_value(json_object_get(v, "usd_rate_date")), "2016");
	assert_true(usd(v) > 4e10 / 100 && usd(v) < 4e10 / 40);
	json_decref(v);
	/* a year beyond the table: the nearest year's average, said so */
	v = value_of("Russia will give Kyrgyzstan military equipment worth 40 billion rubles.",
		     "2090-05-11", 4e10, "RUB");
	assert_string_equal(basis(v), "annual");
	assert_non_null(json_object_get(v, "usd_note"));
	assert_string_not_equal(json_string_value(json_object_get(v, "usd_rate_date")), "2090");
	json_decref(v);
	/* no date at all: no USD figure */
	v = value_of("Russia will give Kyrgyzstan military equipment worth 40 billion rubles.",
		     NULL, 4e10, "RUB");
	assert_true(json_is_null(json_object_get(v, "usd")));
	assert_true(json_is_null(json_object_get(v, "usd_basis")));
	json_decref(v);
}

static void headline_amount_disagreeing_with_body__conflict(void **state)
{
	(void)state;
	json_t *arr =
		extract("Russia to give Tajikistan $70 billion in military aid\n\n"
			"Russia will give Tajikistan military aid worth 70 billion rubles "
			"to buy weapons, the minister said.",
			"2015-03-10");
	assert_int_equal(json_array_size(arr), 1);
	json_t *e = json_array_get(arr, 0);
	assert_string_equal(str_at(e, "value", "currency"), "RUB");
	json_t *conf = json_object_get(e, "conflicts");
	assert_true(json_array_size(conf) >= 1);
	assert_string_equal(str_at(json_array_get(conf, 0), "field", NULL), "value");
	json_decref(arr);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(currency_forms__rubles_roubles_sign_code_and_russian),
		cmocka_unit_test(currency_forms__dollars),
		cmocka_unit_test(currency_forms__euro_pound_yuan_rupee_hryvnia),
		cmocka_unit_test(article_conversion_wins__usd_basis_text),
		cmocka_unit_test(conversion_far_from_the_table__conflict),
		cmocka_unit_test(precision__day_month_year_and_nearest),
		cmocka_unit_test(headline_amount_disagreeing_with_body__conflict),
	};
	return cmocka_run_group_tests(tests, setup, ctx_teardown);
}
