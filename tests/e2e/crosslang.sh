#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# crosslang.sh — end-to-end: an English and a Russian report of the same
# handover (tests/data/crosslang, written for this test) become one ledger
# event with two sources; names stay English, the Russian source keeps its
# Russian sentence, and `extract` marks the events with their language ("lang":"ru", "en").
#
#   tests/e2e/crosslang.sh PATH/TO/aidtrace DATADIR FIXTURES
set -uo pipefail
BIN=$1
export AIDTRACE_DATA=$2
FIX=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "$0")/lib.sh"

"$BIN" extract "$FIX/en.txt" >"$tmp/en.jsonl" 2>"$tmp/err"
"$BIN" extract "$FIX/ru.txt" >"$tmp/ru.jsonl" 2>>"$tmp/err"
check "the English report gives an aid event" grep -q '"type":"aid"' "$tmp/en.jsonl"
check "the Russian report gives an aid event" grep -q '"type":"aid"' "$tmp/ru.jsonl"
check "Russian events say lang ru" grep -q '"lang":"ru"' "$tmp/ru.jsonl"
check "English events say lang en" grep -q '"lang":"en"' "$tmp/en.jsonl"
check "Russian provider and recipient names stay English" \
	grep -q '"provider":{"name":"Russia","code":"RUS"},"recipient":{"name":"Kyrgyzstan","code":"KGZ"}' \
	"$tmp/ru.jsonl"

"$BIN" ingest --quiet --db "$tmp/t.db" "$FIX/en.txt" "$FIX/ru.txt" 2>"$tmp/err"
check "ingest exits 0" test $? -eq 0
"$BIN" events --db "$tmp/t.db" --format jsonl >"$tmp/ledger.jsonl" 2>"$tmp/err"
check "one ledger event" test "$(wc -l <"$tmp/ledger.jsonl")" -eq 1
check "its sources are both documents" bash -c \
	"grep -q '\"doc\":\"en.txt\"' '$tmp/ledger.jsonl' && grep -q '\"doc\":\"ru.txt\"' '$tmp/ledger.jsonl'"
check "the Russian source keeps its Russian sentence" \
	grep -q 'Россия в пятницу безвозмездно передала Киргизии' "$tmp/ledger.jsonl"
check "the English source keeps its English sentence" \
	grep -q 'Russia handed over 12 BTR-82A' "$tmp/ledger.jsonl"
id=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$tmp/ledger.jsonl" | head -1)
"$BIN" events --db "$tmp/t.db" --id "$id" --explain >"$tmp/explain" 2>"$tmp/err"
check "explain names each source document's language" bash -c \
	"grep -q '^\[.\] en.txt.*, in en' '$tmp/explain' && grep -q '^\[.\] ru.txt.*, in ru' '$tmp/explain'"

echo "crosslang: $pass passed, $fail failed"
((fail == 0))
