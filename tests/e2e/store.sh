#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# store.sh — end-to-end: `aidtrace ingest` and `aidtrace events` on a real
# SQLite file. Two writers take turns; re-ingesting changes nothing; bad
# database files give a clear message and stay as they were; the query
# formats and filters. (Crashes and resuming: crash.sh.)
#
#   tests/e2e/store.sh PATH/TO/aidtrace DATADIR
set -uo pipefail
BIN=$1
DATA=$2
export AIDTRACE_DATA=$DATA
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
# gen N OFFSET: documents written for these tests (lib.sh)
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
pass=0 fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [[ -f $tmp/err ]] && sed 's/^/  stderr: /' "$tmp/err" | head -5; }
check() { # name, condition...
	local name=$1
	shift
	if "$@"; then ok "$name"; else bad "$name"; fi
}
sql() { sqlite3 -batch "$@"; }

gen 10000 0 >"$tmp/big.jsonl"
gen 3000 0 >"$tmp/half1.jsonl"
gen 3000 3000 >"$tmp/half2.jsonl"
gen 50 9000 >"$tmp/more.jsonl"

# 1. one clean run: the reference ledger
"$BIN" ingest --quiet --db "$tmp/ref.db" "$tmp/big.jsonl" 2>"$tmp/err"
check "clean ingest exits 0" test $? -eq 0
"$BIN" events --db "$tmp/ref.db" --format jsonl >"$tmp/ref.jsonl" 2>"$tmp/err"
check "the reference ledger is not empty" test -s "$tmp/ref.jsonl"

# 2. crashes: tests/e2e/crash.sh

# 3. idempotent: the same input again changes no row
before=$(sql "$tmp/ref.db" 'SELECT count(*), sum(length(json)) FROM doc_events; SELECT group_concat(id) FROM (SELECT id FROM events ORDER BY id)' | md5sum)
"$BIN" ingest --quiet --db "$tmp/ref.db" "$tmp/big.jsonl" 2>"$tmp/err"
after=$(sql "$tmp/ref.db" 'SELECT count(*), sum(length(json)) FROM doc_events; SELECT group_concat(id) FROM (SELECT id FROM events ORDER BY id)' | md5sum)
check "re-ingest keeps every row and id" test "$before" = "$after"
"$BIN" events --db "$tmp/ref.db" --format jsonl >"$tmp/again.jsonl"
check "re-ingest: the same events output" cmp -s "$tmp/ref.jsonl" "$tmp/again.jsonl"

# 4. two writers on one database take turns
"$BIN" ingest --quiet --batch 100 --db "$tmp/two.db" "$tmp/half1.jsonl" 2>"$tmp/err1" &
p1=$!
"$BIN" ingest --quiet --batch 100 --db "$tmp/two.db" "$tmp/half2.jsonl" 2>"$tmp/err2" &
p2=$!
wait $p1
r1=$?
wait $p2
r2=$?
check "two writers: both exit 0" test "$r1$r2" = 00
check "two writers: every document stored" test "$(sql "$tmp/two.db" 'SELECT count(*) FROM documents')" = 6000
"$BIN" ingest --quiet --db "$tmp/one.db" "$tmp/half1.jsonl" "$tmp/half2.jsonl" 2>"$tmp/err"
"$BIN" events --db "$tmp/two.db" --format jsonl >"$tmp/two.jsonl"
"$BIN" events --db "$tmp/one.db" --format jsonl >"$tmp/one.jsonl"
check "two writers: the same ledger as one run" cmp -s "$tmp/one.jsonl" "$tmp/two.jsonl"

# 5. a writer that holds the lock too long: a clear message, exit 2
sql "$tmp/two.db" 'BEGIN IMMEDIATE; DELETE FROM events WHERE 0;' '.shell sleep 4' 'COMMIT;' &
holder=$!
sleep 1
rc=0
"$BIN" ingest --quiet --wait 1 --db "$tmp/two.db" "$tmp/more.jsonl" >/dev/null 2>"$tmp/err" || rc=$?
check "locked database: exit 2" test "$rc" -eq 2
check "locked database: says locked" grep -q "locked by another process" "$tmp/err"
wait $holder

# 6. bad database files
printf 'meeting notes, not a database\n' >"$tmp/notes.db"
cp "$tmp/notes.db" "$tmp/notes.orig"
for cmd in ingest events; do
	rc=0
	if [[ $cmd == ingest ]]; then
		"$BIN" ingest --db "$tmp/notes.db" "$tmp/half1.jsonl" >/dev/null 2>"$tmp/err" || rc=$?
	else
		"$BIN" events --db "$tmp/notes.db" >/dev/null 2>"$tmp/err" || rc=$?
	fi
	check "$cmd on a text file: exit 2" test "$rc" -eq 2
	check "$cmd on a text file: names it" grep -q "notes.db: not an aidtrace database" "$tmp/err"
	check "$cmd on a text file: left as it was" cmp -s "$tmp/notes.db" "$tmp/notes.orig"
done
cp "$tmp/one.db" "$tmp/newer.db"
sql "$tmp/newer.db" 'PRAGMA user_version = 7'
cp "$tmp/newer.db" "$tmp/newer.orig"
rc=0
"$BIN" ingest --db "$tmp/newer.db" "$tmp/half1.jsonl" >/dev/null 2>"$tmp/err" || rc=$?
check "newer schema: exit 2 with the version" test "$rc" -eq 2 -a -n "$(grep 'schema version 7' "$tmp/err")"
check "newer schema: left as it was" cmp -s "$tmp/newer.db" "$tmp/newer.orig"
rc=0
"$BIN" events --db "$tmp/missing.db" >/dev/null 2>"$tmp/err" || rc=$?
check "events on a missing database: exit 2, not created" test "$rc" -eq 2 -a ! -e "$tmp/missing.db"
rc=0
"$BIN" ingest --db "$tmp/no/such/dir/x.db" "$tmp/half1.jsonl" >/dev/null 2>"$tmp/err" || rc=$?
check "ingest into a missing folder: exit 2" test "$rc" -eq 2
check "ingest into a missing folder: names the file" grep -q "no/such/dir/x.db" "$tmp/err"

# 7. query formats
"$BIN" events --db "$tmp/one.db" --format csv --limit 3 >"$tmp/csv" 2>"$tmp/err"
check "csv: a header and 3 CRLF records" test "$(grep -c $'\r$' "$tmp/csv")" -eq 4
COLUMNS=100 "$BIN" events --db "$tmp/one.db" --limit 20 >"$tmp/table" 2>"$tmp/err"
width=$(awk '{ if (length($0) > w) w = length($0) } END { print w }' "$tmp/table")
check "table: rows fit 100 columns" test "$width" -le 100
"$BIN" events --db "$tmp/one.db" --type aid --provider POL --status completed --format jsonl >"$tmp/f"
"$BIN" events --db "$tmp/one.db" --format jsonl >"$tmp/all"
# the events of a JSON-lines file that are (1) or are not (0) POL's completed aid
pol() {
	sql :memory: "select count(*) from json_each('[' || replace(trim(readfile('$1'), char(10)),
		char(10), ',') || ']') where (json_extract(value, '\$.type') = 'aid' and
		json_extract(value, '\$.provider.code') = 'POL' and
		json_extract(value, '\$.status') = 'completed') = $2"
}
check "filters: some POL completed aid" test "$(pol "$tmp/f" 1)" -gt 0
check "filters: only POL completed aid" test "$(pol "$tmp/f" 0)" -eq 0
check "filters: every POL completed aid of the ledger" test "$(pol "$tmp/f" 1)" -eq "$(pol "$tmp/all" 1)"
id=$(head -1 "$tmp/f" | grep -o '"id":"e-[0-9a-f]*"' | head -1 | cut -d'"' -f4)
"$BIN" events --db "$tmp/one.db" --id "$id" --explain >"$tmp/x" 2>"$tmp/err"
check "explain: the sources and their sentences" grep -q "Poland delivered" "$tmp/x"
"$BIN" events --db "$tmp/one.db" --format geojson >"$tmp/geo" 2>"$tmp/err"
check "geojson: valid JSON, a FeatureCollection" test "$(sql :memory: \
	"select json_valid(readfile('$tmp/geo')) and json_extract(readfile('$tmp/geo'), '\$.type') = 'FeatureCollection'")" = 1
check "geojson: one feature per placed ledger event, no more" test "$(sql :memory: \
	"select json_array_length(readfile('$tmp/geo'), '\$.features')")" -gt 0 -a "$(sql :memory: \
	"select json_array_length(readfile('$tmp/geo'), '\$.features')")" -le "$(wc -l <"$tmp/all")"
"$BIN" events --db "$tmp/one.db" --type aid --provider POL --format geojson >"$tmp/geo2"
check "geojson: filters apply" test "$(sql :memory: \
	"select count(*) from json_each(readfile('$tmp/geo2'), '\$.features') where json_extract(value, '\$.properties.provider.code') != 'POL'")" = 0
rc=0
"$BIN" events --db "$tmp/one.db" --explain >/dev/null 2>"$tmp/err" || rc=$?
check "explain without --id: usage error" test "$rc" -eq 2

echo "$pass passed, $fail failed"
((fail == 0))
