#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# gold.sh — extraction against the hand-written gold events of the bundled
# examples (tests/data/examples.gold.jsonl, written by a person, not by the
# engine): `aidtrace extract examples/*.txt` must score event F1 >= 0.90 by
# `aidtrace score` (the rules of SCHEMA.md "Scoring"). The golden snapshots
# (tests/golden) only say the output did not change; this says it is right.
# The scorer is checked first: the gold against itself scores 1, nothing
# scores 0, and one wrong recipient is one miss and one false event.
#
#   tests/extract/gold.sh AIDTRACE_BIN SOURCE_DIR
set -uo pipefail
BIN=$1
SRC=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/e2e/lib.sh
source "$SRC/tests/e2e/lib.sh"
GOLD=$SRC/tests/data/examples.gold.jsonl
DOCS=$SRC/tests/data/examples.docs.jsonl

# the event line's F1 ("events  precision P  recall R  F1 F   (tp T, fp P, fn N)")
f1() { awk '$1 == "events" { for (i = 1; i < NF; i++) if ($i == "F1") print $(i + 1) }' "$1"; }
at_least() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; }

"$BIN" score "$GOLD" "$GOLD" --docs "$DOCS" >"$tmp/self" 2>&1
check "scorer: the gold against itself scores F1 1" test "$(f1 "$tmp/self")" = 1.000
: >"$tmp/empty.jsonl"
"$BIN" score "$GOLD" "$tmp/empty.jsonl" --docs "$DOCS" >"$tmp/none" 2>&1
check "scorer: no events score F1 0" test "$(f1 "$tmp/none")" = 0.000
# a wrong recipient is a miss and a false event
sed '0,/"code": "UKR"/s//"code": "POL"/' "$GOLD" >"$tmp/wrong.jsonl"
"$BIN" score "$GOLD" "$tmp/wrong.jsonl" --docs "$DOCS" >"$tmp/wrong" 2>&1
check "scorer: one wrong recipient is one miss and one false event" grep -q 'fp 1, fn 1' "$tmp/wrong"

rc=0
"$BIN" extract "$SRC"/examples/*.txt >"$tmp/pred.jsonl" 2>"$tmp/err" || rc=$?
check "extract examples/: exit 0" test "$rc" -eq 0
"$BIN" score "$GOLD" "$tmp/pred.jsonl" --docs "$DOCS" --errors >"$tmp/score" 2>&1
cat "$tmp/score"
check "examples/ against the hand-written gold: event F1 >= 0.90" at_least "$(f1 "$tmp/score")" 0.90
echo "$pass passed, $fail failed"
((fail == 0))
