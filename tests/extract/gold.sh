#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# gold.sh — extraction against the hand-written gold events of the bundled
# examples (tests/data/examples.gold.jsonl, written by a person, not by the
# engine): `aidtrace extract examples/*.txt` must score event F1 >= 0.90 by
# the matching rules of SCHEMA.md "Scoring" (tests/extract/gold.c, until
# `aidtrace score` exists). The golden snapshots (tests/golden) only say the
# output did not change; this says it is right. The scorer is checked first:
# the gold against itself scores 1, nothing scores 0 and fails.
#
#   tests/extract/gold.sh AIDTRACE_BIN SCORER SOURCE_DIR
set -uo pipefail
BIN=$1
SCORER=$2
SRC=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/e2e/lib.sh
source "$SRC/tests/e2e/lib.sh"
GOLD=$SRC/tests/data/examples.gold.jsonl
DOCS=$SRC/tests/data/examples.docs.jsonl

"$SCORER" "$GOLD" "$GOLD" --docs "$DOCS" --min-f1 1 >"$tmp/self" 2>&1
check "scorer: the gold against itself scores F1 1" grep -q 'F1=1.000' "$tmp/self"
: >"$tmp/empty.jsonl"
rc=0
"$SCORER" "$GOLD" "$tmp/empty.jsonl" --docs "$DOCS" --min-f1 0.9 >"$tmp/none" 2>&1 || rc=$?
check "scorer: no events score F1 0 and fail" test "$rc" -eq 1 -a -n "$(grep 'F1=0.000' "$tmp/none")"
# a wrong recipient is a miss and a false event
sed '0,/"code": "UKR"/s//"code": "POL"/' "$GOLD" >"$tmp/wrong.jsonl"
"$SCORER" "$GOLD" "$tmp/wrong.jsonl" --docs "$DOCS" >"$tmp/wrong" 2>&1
check "scorer: one wrong recipient is one miss and one false event" grep -q 'fp=1 fn=1' "$tmp/wrong"

rc=0
"$BIN" extract "$SRC"/examples/*.txt >"$tmp/pred.jsonl" 2>"$tmp/err" || rc=$?
check "extract examples/: exit 0" test "$rc" -eq 0
rc=0
"$SCORER" "$GOLD" "$tmp/pred.jsonl" --docs "$DOCS" --min-f1 0.90 --show-errors >"$tmp/score" 2>&1 || rc=$?
cat "$tmp/score"
check "examples/ against the hand-written gold: event F1 >= 0.90" test "$rc" -eq 0

echo "$pass passed, $fail failed"
((fail == 0))
