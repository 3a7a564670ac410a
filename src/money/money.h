/* SPDX-License-Identifier: MIT */
/*
 * money.h — exchange rates and the conversion of amounts to US dollars.
 * Exports the rate table held by the context (at_rates), its loaders
 * (data/rates.tsv, annual averages; a CSV of daily rates in the European
 * Central Bank's reference-rate layout) and the look-up at_money__rate, which
 * picks the best precision the table has for a date (day > month > year >
 * the nearest year).
 *
 * Record formats:
 *
 *   | struct      | holds                                                   |
 *   |-------------|---------------------------------------------------------|
 *   | at_rate_pt  | one observation: t (days since 1970, or y*12+m-1 for a  |
 *   |             | month) and v, currency units per 1 USD                  |
 *   | at_rate_cur | one currency: annual[year - AT_RATE_Y0] (0 = none),     |
 *   |             | daily points sorted by day, monthly means of the daily  |
 *   | at_rates    | the currencies, in load order                           |
 */
#ifndef AT_MONEY_H
#define AT_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "../util/date.h"

#define AT_RATE_Y0 1950
#define AT_RATE_Y1 2100

typedef struct at_rate_pt {
	int32_t t;
	double v;
} at_rate_pt;

typedef struct at_rate_cur {
	char code[4];
	double annual[AT_RATE_Y1 - AT_RATE_Y0 + 1];
	at_rate_pt *daily;
	size_t ndaily, daily_cap;
	at_rate_pt *monthly;
	size_t nmonthly;
} at_rate_cur;

typedef struct at_rates {
	at_rate_cur *cur;
	size_t n, cap;
} at_rates;

/* How a USD figure was obtained (the "usd_basis" of SCHEMA's value). */
enum {
	AT_BASIS_NONE,
	AT_BASIS_TEXT,    /* the article's own conversion */
	AT_BASIS_DAILY,   /* the rate of that day (or the last business day) */
	AT_BASIS_MONTHLY, /* the month's mean of daily rates */
	AT_BASIS_ANNUAL,  /* the year's average */
	AT_BASIS_NEAREST  /* the average of the nearest year the table has */
};
extern const char *const AT_BASIS_NAMES[];

/*
 * Parse an annual table (data/rates.tsv layout: '#' comments, a header row
 * "year<TAB>USD<TAB>EUR...", then one row per year of units per USD, empty
 * cells allowed) from memory. `name` is used in messages. On error returns
 * AT_EPARSE (or AT_ENOMEM) with "name: line L, byte B: why" in err.
 */
int at_money__parse_table(at_rates *r, const char *name, const char *text, size_t len,
			  char *err, size_t errlen);
/*
 * Parse daily rates in the ECB reference-rate CSV layout ("Date,USD,JPY,...",
 * one row a day of units per EUR, "N/A" or empty for gaps, rows in any
 * order, an optional trailing comma) and add them as units per USD, crossed
 * through the day's USD rate; EUR itself is 1 / USD. Then the monthly means.
 */
int at_money__parse_ecb(at_rates *r, const char *name, const char *text, size_t len, char *err,
			size_t errlen);
/* Read a whole file and parse it with one of the above. AT_EIO if unreadable. */
int at_money__load(at_rates *r, const char *path, int ecb, char *err, size_t errlen);
void at_money__free(at_rates *r);

/*
 * Units of `cur` per USD at `when` (a full or partial date). Returns the
 * basis (AT_BASIS_DAILY ... AT_BASIS_NEAREST) with *rate and *used (the day,
 * month or year of the figure), or AT_BASIS_NONE when the table has nothing
 * for the currency.
 */
int at_money__rate(const at_rates *r, const char *cur, const at_date *when, double *rate,
		   at_date *used);

#endif
