#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# golden.sh — golden tests of the whole engine: for each examples/NN-*.txt,
# `aidtrace extract` must print exactly tests/golden/examples-NN.expected.jsonl
# (byte for byte; nothing is ignored).
#
#   scripts/golden.sh [--bin PATH] [--update]
#
# --update rewrites the expected files from the current engine; review the diff
# (git diff tests/golden) before committing it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/build/aidtrace
UPDATE=0
while (($#)); do
	case $1 in
	--bin) BIN=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
	--update) UPDATE=1; shift ;;
	*) echo "usage: $0 [--bin PATH] [--update]" >&2; exit 2 ;;
	esac
done
[[ -x $BIN ]] || { echo "golden: no binary at $BIN (run make)" >&2; exit 2; }

cd "$ROOT"
GOLD=tests/golden
mkdir -p "$GOLD"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 updated=0
shopt -s nullglob
for ex in examples/[0-9][0-9]-*.txt; do
	nn=$(basename "$ex" | cut -c1-2)
	want=$GOLD/examples-$nn.expected.jsonl
	got=$tmp/examples-$nn.jsonl
	rc=0
	"$BIN" extract --data "$ROOT/data" "$ex" >"$got" 2>"$tmp/stderr" || rc=$?
	if ((rc != 0)); then
		echo "FAIL $ex: exit status $rc"
		sed 's/^/  stderr: /' "$tmp/stderr"
		fail=$((fail + 1))
		continue
	fi
	if ((UPDATE)); then
		if ! cmp -s "$got" "$want" 2>/dev/null; then
			cp "$got" "$want"
			echo "updated $want ($(wc -l <"$want") events)"
			updated=$((updated + 1))
		fi
		continue
	fi
	if [[ ! -f $want ]]; then
		echo "FAIL $ex: no expected file $want (run scripts/golden.sh --update)"
		fail=$((fail + 1))
	elif cmp -s "$got" "$want"; then
		pass=$((pass + 1))
	else
		echo "FAIL $ex: output differs from $want"
		diff -u "$want" "$got" | head -60 || true
		fail=$((fail + 1))
	fi
done
if ((UPDATE)); then
	echo "golden: $updated expected files updated"
	((fail == 0))
	exit
fi
# expected files whose example is gone
for want in "$GOLD"/examples-*.expected.jsonl; do
	nn=${want##*/examples-}
	nn=${nn%%.*}
	set -- examples/"$nn"-*.txt
	if (($# == 0)); then
		echo "FAIL $want: no examples/$nn-*.txt"
		fail=$((fail + 1))
	fi
done
echo "golden: $pass passed, $fail failed"
((fail == 0))
