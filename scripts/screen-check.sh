#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# screen-check.sh — do the screens (src/lexicon/lexicon.c: lx_may_yield,
# lx_page_may_yield) change any output? Runs `aidtrace extract` on each
# input with the screens and without them (AIDTRACE_NO_SCREEN=1) and
# compares the outputs byte for byte. Run it after a change of the frame
# rules (src/extract/frames*.c, mentions.c, data/*.tsv): the screen mirrors
# what a frame needs (the argument above build_screen), and a new way to
# make an event must be given to it too.
#
#   scripts/screen-check.sh [-b PATH/TO/aidtrace] INPUT...
#
# INPUT: anything `extract` reads (files, folders). Without inputs: the
# examples, and ../shared/corpus/reuters21578.jsonl when present.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/build/aidtrace
if [[ ${1:-} == -b ]]; then
	BIN=$2
	shift 2
fi
[[ -x $BIN ]] || { echo "screen-check: no binary at $BIN (run make)" >&2; exit 2; }
inputs=("$@")
if ((${#inputs[@]} == 0)); then
	inputs=("$ROOT/examples")
	[[ -f $ROOT/../shared/corpus/reuters21578.jsonl ]] &&
		inputs+=("$ROOT/../shared/corpus/reuters21578.jsonl")
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=0
for in in "${inputs[@]}"; do
	"$BIN" extract --threads 1 "$in" >"$tmp/on" 2>"$tmp/on.err" || true
	AIDTRACE_NO_SCREEN=1 "$BIN" extract --threads 1 "$in" >"$tmp/off" 2>"$tmp/off.err" || true
	if cmp -s "$tmp/on" "$tmp/off" && cmp -s "$tmp/on.err" "$tmp/off.err"; then
		echo "same: $in ($(wc -l <"$tmp/on") lines)"
	else
		echo "DIFFERENT: $in: the screen changed the output:" >&2
		diff "$tmp/on" "$tmp/off" | head -20 >&2 || true
		bad=1
	fi
done
exit $bad
