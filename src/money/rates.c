/* SPDX-License-Identifier: MIT */
/*
 * rates.c — the exchange-rate table: loaders for data/rates.tsv (annual
 * averages per currency) and for daily rates in the ECB reference-rate CSV
 * layout, and the look-up at_money__rate (day > month > year > nearest year).
 * All rates are stored as currency units per 1 USD.
 *
 * The loaders run once, when the context is built (at_ctx_new,
 * at_ctx_load_rates); the look-up is a pure function of the table.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aidtrace.h"
#include "money.h"
#include "../util/buf.h"

const char *const AT_BASIS_NAMES[] = {NULL, "text", "daily", "monthly", "annual", "annual"};

static at_rate_cur *find_cur(const at_rates *r, const char *code)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->cur[i].code, code) == 0)
			return &r->cur[i];
	return NULL;
}

static at_rate_cur *get_cur(at_rates *r, const char *code)
{
	at_rate_cur *c = find_cur(r, code);
	if (c)
		return c;
	if (at_grow((void **)&r->cur, &r->cap, r->n, sizeof(*r->cur), 64))
		return NULL;
	c = &r->cur[r->n++];
	memset(c, 0, sizeof(*c));
	memcpy(c->code, code, 3);
	return c;
}

/* A field [p, e): "" or "N/A" is a gap (returns 0); a positive finite number
 * is stored in *v (returns 1); anything else is an error (-1). */
static int parse_rate(const char *p, const char *e, double *v)
{
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	if (p == e || (e - p == 3 && strncmp(p, "N/A", 3) == 0))
		return 0;
	char tmp[64];
	if ((size_t)(e - p) >= sizeof(tmp))
		return -1;
	memcpy(tmp, p, (size_t)(e - p));
	tmp[e - p] = '\0';
	char *end;
	errno = 0;
	double x = strtod(tmp, &end);
	if (*end || errno || !(x > 0) || x > 1e15)
		return -1;
	*v = x;
	return 1;
}

static int is_code(const char *p, const char *e)
{
	if (e - p != 3)
		return 0;
	for (int i = 0; i < 3; i++)
		if (p[i] < 'A' || p[i] > 'Z')
			return 0;
	return 1;
}

/* Split [p, e) at `sep` into at most `max` fields; returns the count. */
static size_t split(const char *p, const char *e, char sep, const char **f0, const char **f1,
		    size_t max)
{
	size_t n = 0;
	while (n < max) {
		const char *q = memchr(p, sep, (size_t)(e - p));
		f0[n] = p;
		f1[n] = q ? q : e;
		n++;
		if (!q)
			break;
		p = q + 1;
	}
	return n;
}

#define MAXCOLS 256

int at_money__parse_table(at_rates *r, const char *name, const char *text, size_t len,
			  char *err, size_t errlen)
{
	const char *p = text, *end = text + len;
	size_t cols[MAXCOLS]; /* indexes into r->cur (pointers move when it grows) */
	size_t ncols = 0;
	int have_header = 0;
	for (unsigned line = 1; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		const char *f0[MAXCOLS + 1], *f1[MAXCOLS + 1];
		size_t off = (size_t)(p - text);
		if (e > p && *p != '#' && !(e - p == 1 && *p == '\r')) {
			size_t nf = split(p, e, '\t', f0, f1, MAXCOLS + 1);
			if (!have_header) {
				if (nf > MAXCOLS || f1[0] - f0[0] != 4 ||
				    strncmp(f0[0], "year", 4) != 0) {
					snprintf(err, errlen,
						 "%s: line %u, byte %zu: expected a header "
						 "'year<TAB>CODE...' of at most %d columns",
						 name, line, off, MAXCOLS);
					return AT_EPARSE;
				}
				for (size_t i = 1; i < nf; i++) {
					const char *ce = f1[i];
					if (ce > f0[i] && ce[-1] == '\r')
						ce--;
					if (!is_code(f0[i], ce)) {
						snprintf(err, errlen,
							 "%s: line %u, byte %zu: '%.*s' is not "
							 "an ISO 4217 code",
							 name, line, (size_t)(f0[i] - text),
							 (int)(ce - f0[i] > 16 ? 16
									       : ce - f0[i]),
							 f0[i]);
						return AT_EPARSE;
					}
					char code[4] = {f0[i][0], f0[i][1], f0[i][2], 0};
					at_rate_cur *c = get_cur(r, code);
					if (!c)
						return AT_ENOMEM;
					cols[ncols++] = (size_t)(c - r->cur);
				}
				have_header = 1;
			} else {
				double y;
				if (nf > ncols + 1 || parse_rate(f0[0], f1[0], &y) != 1 ||
				    y < AT_RATE_Y0 || y > AT_RATE_Y1 || y != (int)y) {
					snprintf(err, errlen,
						 "%s: line %u, byte %zu: expected a year %d-%d "
						 "and at most %zu rates",
						 name, line, off, AT_RATE_Y0, AT_RATE_Y1,
						 ncols);
					return AT_EPARSE;
				}
				for (size_t i = 1; i < nf; i++) {
					double v;
					int ok = parse_rate(f0[i], f1[i], &v);
					if (ok < 0) {
						snprintf(err, errlen,
							 "%s: line %u, byte %zu: bad rate for "
							 "%s",
							 name, line, (size_t)(f0[i] - text),
							 r->cur[cols[i - 1]].code);
						return AT_EPARSE;
					}
					if (ok)
						r->cur[cols[i - 1]]
							.annual[(int)y - AT_RATE_Y0] = v;
				}
			}
		}
		p = nl ? nl + 1 : end;
	}
	if (!have_header) {
		snprintf(err, errlen, "%s: byte %zu: no header row", name, len);
		return AT_EPARSE;
	}
	return 0;
}

static int cmp_pt(const void *a, const void *b)
{
	const at_rate_pt *x = a, *y = b;
	return (x->t > y->t) - (x->t < y->t);
}

static int add_daily(at_rate_cur *c, int32_t day, double v)
{
	if (at_grow((void **)&c->daily, &c->daily_cap, c->ndaily, sizeof(*c->daily), 256))
		return AT_ENOMEM;
	c->daily[c->ndaily].t = day;
	c->daily[c->ndaily].v = v;
	c->ndaily++;
	return 0;
}

/* Sort the daily points (a later duplicate day wins) and rebuild the monthly means. */
static int finish_daily(at_rate_cur *c)
{
	if (!c->ndaily)
		return 0;
	qsort(c->daily, c->ndaily, sizeof(*c->daily), cmp_pt);
	size_t w = 0;
	for (size_t i = 0; i < c->ndaily; i++) {
		if (w && c->daily[w - 1].t == c->daily[i].t)
			w--;
		c->daily[w++] = c->daily[i];
	}
	c->ndaily = w;
	free(c->monthly);
	c->monthly = malloc(c->ndaily * sizeof(*c->monthly));
	if (!c->monthly)
		return AT_ENOMEM;
	c->nmonthly = 0;
	double sum = 0;
	int cnt = 0;
	int32_t cur = -1;
	for (size_t i = 0; i <= c->ndaily; i++) {
		int32_t mon = -1;
		if (i < c->ndaily) {
			int y, m, d;
			at_civil_from_days(c->daily[i].t, &y, &m, &d);
			mon = y * 12 + m - 1;
		}
		if (mon != cur && cnt) {
			c->monthly[c->nmonthly].t = cur;
			c->monthly[c->nmonthly].v = sum / cnt;
			c->nmonthly++;
			sum = 0;
			cnt = 0;
		}
		if (i < c->ndaily) {
			cur = mon;
			sum += c->daily[i].v;
			cnt++;
		}
	}
	return 0;
}

int at_money__parse_ecb(at_rates *r, const char *name, const char *text, size_t len, char *err,
			size_t errlen)
{
	const char *p = text, *end = text + len;
	char codes[MAXCOLS][4];
	size_t ncols = 0, usd_col = 0;
	int have_header = 0;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (unsigned line = 1; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		if (e > p && e[-1] == '\r')
			e--;
		size_t off = (size_t)(p - text);
		if (e > p) {
			const char *f0[MAXCOLS + 1], *f1[MAXCOLS + 1];
			size_t nf = split(p, e, ',', f0, f1, MAXCOLS + 1);
			if (nf > 1 && f0[nf - 1] == f1[nf - 1])
				nf--; /* the ECB file ends each line with a comma */
			if (!have_header) {
				if (nf > MAXCOLS || f1[0] - f0[0] != 4 ||
				    strncmp(f0[0], "Date", 4) != 0) {
					snprintf(err, errlen,
						 "%s: line %u, byte %zu: expected the ECB "
						 "header "
						 "'Date,USD,JPY,...'",
						 name, line, off);
					return AT_EPARSE;
				}
				for (size_t i = 1; i < nf; i++) {
					const char *a = f0[i], *b = f1[i];
					while (a < b && *a == ' ')
						a++;
					if (!is_code(a, b)) {
						snprintf(err, errlen,
							 "%s: line %u, byte %zu: '%.*s' is not "
							 "an ISO 4217 code",
							 name, line, (size_t)(f0[i] - text),
							 (int)(b - a > 16 ? 16 : b - a), a);
						return AT_EPARSE;
					}
					memcpy(codes[i - 1], a, 3);
					codes[i - 1][3] = '\0';
					if (strcmp(codes[i - 1], "USD") == 0)
						usd_col = i;
				}
				ncols = nf - 1;
				if (!usd_col) {
					snprintf(
						err, errlen,
						"%s: line %u, byte %zu: no USD column to cross "
						"the euro rates with",
						name, line, off);
					return AT_EPARSE;
				}
				have_header = 1;
			} else {
				char ds[16];
				at_date d;
				size_t dl = (size_t)(f1[0] - f0[0]);
				if (dl != 10 || nf > ncols + 1)
					goto bad_row;
				memcpy(ds, f0[0], dl);
				ds[dl] = '\0';
				if (at_date_parse(&d, ds) || !d.d || d.y < AT_RATE_Y0 ||
				    d.y > AT_RATE_Y1 || d.d > at_days_in_month(d.y, d.m))
					goto bad_row;
				double usd;
				int ok = usd_col < nf
						 ? parse_rate(f0[usd_col], f1[usd_col], &usd)
						 : 0;
				if (ok < 0)
					goto bad_cell;
				if (!ok) {
					p = nl ? nl + 1 : end;
					continue; /* no USD that day: nothing to cross */
				}
				int32_t day = (int32_t)at_days_from_civil(d.y, d.m, d.d);
				at_rate_cur *eur = get_cur(r, "EUR");
				if (!eur || add_daily(eur, day, 1.0 / usd))
					return AT_ENOMEM;
				for (size_t i = 1; i < nf; i++) {
					double v;
					if (i == usd_col)
						continue;
					int k = parse_rate(f0[i], f1[i], &v);
					if (k < 0) {
						off = (size_t)(f0[i] - text);
						goto bad_cell;
					}
					at_rate_cur *c = k ? get_cur(r, codes[i - 1]) : NULL;
					if (k && (!c || add_daily(c, day, v / usd)))
						return AT_ENOMEM;
				}
			}
		}
		p = nl ? nl + 1 : end;
		continue;
	bad_row:
		snprintf(err, errlen,
			 "%s: line %u, byte %zu: expected a date YYYY-MM-DD and at most %zu "
			 "rates",
			 name, line, off, ncols);
		return AT_EPARSE;
	bad_cell:
		snprintf(err, errlen, "%s: line %u, byte %zu: bad rate (a number or N/A)", name,
			 line, off);
		return AT_EPARSE;
	}
	if (!have_header) {
		snprintf(err, errlen, "%s: byte %zu: no header row", name, len);
		return AT_EPARSE;
	}
	for (size_t i = 0; i < r->n; i++)
		if (finish_daily(&r->cur[i]))
			return AT_ENOMEM;
	return 0;
}

int at_money__load(at_rates *r, const char *path, int ecb, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		return AT_EIO;
	}
	char *text = NULL;
	size_t len = 0, cap = 0;
	int rc = 0;
	for (;;) {
		if (len + 65536 > cap) {
			if (cap >= 64u * 1024u * 1024u) {
				snprintf(err, errlen, "%s: byte %zu: larger than 64 MB", path,
					 len);
				rc = AT_ETOOBIG;
				goto cleanup;
			}
			cap = cap ? cap * 2 : 131072;
			char *q = realloc(text, cap);
			if (!q) {
				rc = AT_ENOMEM;
				goto cleanup;
			}
			text = q;
		}
		size_t got = fread(text + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		snprintf(err, errlen, "%s: byte %zu: read error", path, len);
		rc = AT_EIO;
		goto cleanup;
	}
	rc = ecb ? at_money__parse_ecb(r, path, text, len, err, errlen)
		 : at_money__parse_table(r, path, text, len, err, errlen);
cleanup:
	free(text);
	fclose(f);
	return rc;
}

void at_money__free(at_rates *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free(r->cur[i].daily);
		free(r->cur[i].monthly);
	}
	free(r->cur);
	r->cur = NULL;
	r->n = r->cap = 0;
}

/* The last point with t <= key, or NULL. */
static const at_rate_pt *at_or_before(const at_rate_pt *a, size_t n, int32_t key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a[mid].t <= key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? &a[lo - 1] : NULL;
}

int at_money__rate(const at_rates *r, const char *cur, const at_date *when, double *rate,
		   at_date *used)
{
	const at_rate_cur *c = r ? find_cur(r, cur) : NULL;
	if (!c)
		return AT_BASIS_NONE;
	if (strcmp(cur, "USD") == 0) {
		*rate = 1.0;
		*used = *when;
		return when->d ? AT_BASIS_DAILY : when->m ? AT_BASIS_MONTHLY : AT_BASIS_ANNUAL;
	}
	if (when->y && when->m && when->d && c->ndaily) {
		/* the day, or the last business day before it (weekends, holidays) */
		int32_t day = (int32_t)at_days_from_civil(when->y, when->m, when->d);
		const at_rate_pt *pt = at_or_before(c->daily, c->ndaily, day);
		if (pt && day - pt->t <= 4) {
			*rate = pt->v;
			at_civil_from_days(pt->t, &used->y, &used->m, &used->d);
			return AT_BASIS_DAILY;
		}
	}
	if (when->y && when->m && c->nmonthly) {
		int32_t mon = when->y * 12 + when->m - 1;
		const at_rate_pt *pt = at_or_before(c->monthly, c->nmonthly, mon);
		if (pt && pt->t == mon) {
			*rate = pt->v;
			used->y = when->y;
			used->m = when->m;
			used->d = 0;
			return AT_BASIS_MONTHLY;
		}
	}
	if (when->y >= AT_RATE_Y0 && when->y <= AT_RATE_Y1 &&
	    c->annual[when->y - AT_RATE_Y0] > 0) {
		*rate = c->annual[when->y - AT_RATE_Y0];
		used->y = when->y;
		used->m = used->d = 0;
		return AT_BASIS_ANNUAL;
	}
	/* the nearest year the table has (the earlier one on a tie) */
	int best = -1;
	for (int y = AT_RATE_Y0; y <= AT_RATE_Y1; y++)
		if (c->annual[y - AT_RATE_Y0] > 0 &&
		    (best < 0 || abs(y - when->y) < abs(best - when->y)))
			best = y;
	if (best < 0 || !when->y)
		return AT_BASIS_NONE;
	*rate = c->annual[best - AT_RATE_Y0];
	used->y = best;
	used->m = used->d = 0;
	return AT_BASIS_NEAREST;
}
