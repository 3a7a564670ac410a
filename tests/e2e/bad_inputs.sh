#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bad_inputs.sh — end-to-end: the CLI on bad input reports each bad unit on
# stderr with its file and line or byte, keeps going with the good documents,
# and exits 1; usage errors exit 2.
#
#   tests/e2e/bad_inputs.sh PATH/TO/aidtrace DATADIR
set -uo pipefail
BIN=$1
DATA=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [[ -f $tmp/err ]] && sed 's/^/  stderr: /' "$tmp/err"; }
check() { # name, condition...
	local name=$1
	shift
	if "$@"; then ok "$name"; else bad "$name"; fi
}

run() { # args... → $rc, $tmp/out, $tmp/err
	rc=0
	"$BIN" extract --data "$DATA" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || rc=$?
}

# Inputs, written for this test.
GOOD1='{"id":"good-1","published":"2022-05-06","text":"Germany handed over 20 Leopard 2 tanks to Lithuania on Friday."}'
GOOD2='{"id":"good-2","published":"2021-03-02","text":"France delivered 10 armoured vehicles to Niger on Monday."}'
mkdir -p "$tmp/in/mixed"
printf '%s\n{"id": "broken", "text": "no closing brace"\n%s\n' "$GOOD1" "$GOOD2" >"$tmp/in/mixed.jsonl"
: >"$tmp/in/empty.txt"
printf 'ELF\0\1\2\3 junk \0\0 bytes' >"$tmp/in/junk.txt"
printf ' date 2022-05-06\nGermany handed over 20 Leopard 2 tanks to Lithuania on Friday.\n' >"$tmp/in/good.txt"
cp "$tmp/in/mixed.jsonl" "$tmp/in/empty.txt" "$tmp/in/junk.txt" "$tmp/in/good.txt" "$tmp/in/mixed/"

# 1. malformed JSONL line between two good ones
run "$tmp/in/mixed.jsonl"
check "malformed JSONL line: exit status 1" test "$rc" -eq 1
check "malformed JSONL line: stderr names file and line 2" grep -q "mixed.jsonl:2:" "$tmp/err"
check "malformed JSONL line: first good document still extracted" grep -q '"doc":"good-1"' "$tmp/out"
check "malformed JSONL line: document after the bad line still extracted" grep -q '"doc":"good-2"' "$tmp/out"

# 2. empty file
run "$tmp/in/empty.txt"
check "empty file: exit status 1" test "$rc" -eq 1
check "empty file: stderr names the file" grep -q "empty.txt" "$tmp/err"
check "empty file: no output" test ! -s "$tmp/out"

# 3. binary junk
run "$tmp/in/junk.txt"
check "binary file: exit status 1" test "$rc" -eq 1
check "binary file: stderr names file and byte of the NUL" grep -q "junk.txt: byte 3:" "$tmp/err"

# 4. a directory mixing them
run "$tmp/in/mixed"
check "directory: exit status 1" test "$rc" -eq 1
check "directory: three diagnostics" test "$(grep -c '^aidtrace: ' "$tmp/err")" -eq 3
check "directory: diagnostics in name order" \
	test "$(grep -o '[a-z]*\.\(txt\|jsonl\)' "$tmp/err" | tr '\n' ' ')" = "empty.txt junk.txt mixed.jsonl "
check "directory: good.txt still extracted" grep -q '"doc":"good.txt"' "$tmp/out"
check "directory: both good JSONL documents extracted" \
	test "$(grep -c '"doc":"good-[12]"' "$tmp/out")" -eq 2

# 5. a good input alone exits 0
run "$tmp/in/good.txt"
check "good file: exit status 0" test "$rc" -eq 0
check "good file: empty stderr" test ! -s "$tmp/err"

# 6. stdin
rc=0
printf '%s\n' "$GOOD1" | "$BIN" extract --data "$DATA" - >"$tmp/out" 2>"$tmp/err" || rc=$?
check "stdin: exit status 0 and output" test "$rc" -eq 0 -a -s "$tmp/out"

# 7. missing file
run "$tmp/in/does-not-exist.txt"
check "missing file: exit status 1" test "$rc" -eq 1
check "missing file: stderr names it" grep -q "does-not-exist.txt" "$tmp/err"

# 8. usage errors: exit status 2
usage() { # name, args...
	local name=$1
	shift
	rc=0
	"$BIN" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || rc=$?
	check "usage error, $name: exit status 2" test "$rc" -eq 2
	check "usage error, $name: usage on stderr" grep -q "usage:" "$tmp/err"
}
usage "no arguments"
usage "unknown command" frobnicate
usage "extract without a path" extract --data "$DATA"
usage "unknown option" extract --frob "$tmp/in/good.txt"
usage "bad format" extract --format xml "$tmp/in/good.txt"
rc=0
"$BIN" extract --data "$DATA" --published yesterday "$tmp/in/good.txt" >/dev/null 2>"$tmp/err" || rc=$?
check "usage error, bad --published: exit status 2" test "$rc" -eq 2
rc=0
"$BIN" extract --data "$tmp/no-such-dir" "$tmp/in/good.txt" >/dev/null 2>"$tmp/err" || rc=$?
check "set-up error, missing data folder: exit status 2" test "$rc" -eq 2

# 9. exchange rates: a bad --rates file is a set-up error naming file, line and byte
printf 'Date,USD,JPY,\n2023-03-03,1.06,145.0,\n2023-03-02,1.04,oops,\n' >"$tmp/in/rates.csv"
rc=0
"$BIN" extract --data "$DATA" --rates "$tmp/in/rates.csv" "$tmp/in/good.txt" >/dev/null 2>"$tmp/err" || rc=$?
check "bad --rates file: exit status 2" test "$rc" -eq 2
check "bad --rates file: stderr names file, line and byte" grep -q "rates.csv: line 3, byte 53" "$tmp/err"
printf 'Date,USD,JPY,\n2023-03-03,1.06,145.0,\n' >"$tmp/in/rates.csv"
run --rates "$tmp/in/rates.csv" "$tmp/in/good.txt"
check "good --rates file: exit status 0" test "$rc" -eq 0

# 10. GeoJSON: one FeatureCollection for all documents, even with a bad line among them
run --format geojson "$tmp/in/mixed.jsonl"
check "geojson: exit status 1 for the bad line" test "$rc" -eq 1
check "geojson: a FeatureCollection" grep -q '^{"type":"FeatureCollection","features":\[{"type":"Feature"' "$tmp/out"
check "geojson: one document in one output" test "$(wc -l <"$tmp/out")" -eq 1
check "geojson: both good documents drawn" test "$(grep -o '"LineString"' "$tmp/out" | wc -l)" -eq 2

# 11. one diagnostic per fault, each naming its place once, in our own words
printf 'Norway sent boats to Estonia.\nA stray \xff byte.\n' >"$tmp/in/latin.txt"
run "$tmp/in/latin.txt"
check "invalid UTF-8: exit status 1" test "$rc" -eq 1
check "invalid UTF-8: one diagnostic" test "$(wc -l <"$tmp/err")" -eq 1
check "invalid UTF-8: names file and byte" grep -q "latin.txt: byte 38: invalid UTF-8" "$tmp/err"
check "invalid UTF-8: the byte named once" test "$(grep -o '38' "$tmp/err" | wc -l)" -eq 1
printf '{"id":"n","text":"a\\u0000b"}\n{"id":"m","text":"cut\n' >"$tmp/in/nul.jsonl"
run "$tmp/in/nul.jsonl"
check "JSONL faults: one diagnostic each" test "$(wc -l <"$tmp/err")" -eq 2
check "JSONL faults: the line named once" test "$(grep -c 'line 1\|line 2' "$tmp/err")" -eq 0
check "JSONL faults: no library flag names" test "$(grep -c 'JSON_ALLOW_NUL' "$tmp/err")" -eq 0
check "JSONL faults: a NUL said so" grep -q "nul.jsonl:1: malformed JSON, column [0-9]*: a .u0000 (NUL)" "$tmp/err"
check "JSONL faults: a cut line said so" grep -q "nul.jsonl:2: .*the line ends inside" "$tmp/err"
printf '<html><head><meta charset="euc-jp"></head><body><p>Norway gave \xca\xc3\x8f\xc1 boats to Estonia.</p></body></html>' >"$tmp/in/cs.html"
for t in 1 2; do
	run --threads "$t" "$tmp/in/cs.html"
	check "a page's bytes not in its charset ($t threads): exit status 1" test "$rc" -eq 1
	check "... one diagnostic, ours" test "$(wc -l <"$tmp/err")" -eq 1
	check "... naming the page" grep -q "cs.html: bytes that are not valid in the page's charset" "$tmp/err"
done
head -c 3000 /dev/zero | tr '\0' 'x' >"$tmp/in/notes.db"
for cmd in ingest events; do
	rc=0
	"$BIN" "$cmd" --data "$DATA" --db "$tmp/in/notes.db" >/dev/null 2>"$tmp/err" </dev/null || rc=$?
	check "$cmd on a non-database: exit 2" test "$rc" -eq 2
	check "$cmd on a non-database: says it is not a SQLite database" \
		grep -q "notes.db: not an aidtrace database: the file is not a SQLite database" "$tmp/err"
	check "$cmd on a non-database: no library message" test "$(grep -c 'not an error' "$tmp/err")" -eq 0
done

echo "e2e: $pass passed, $fail failed"
((fail == 0))
