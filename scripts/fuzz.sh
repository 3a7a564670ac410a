#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# fuzz.sh — run a libFuzzer target for a while on a scratch copy of its seed
# corpus (the seeds in fuzz/corpus/ stay as they are).
#
#   scripts/fuzz.sh BUILD-FUZZ/fuzz/fuzz_ingest [SECONDS] [extra libFuzzer flags]
#
# The inputs in fuzz/regressions/<target>/ (past crashes) run first.
# Crash reproducers go to build-fuzz/artifacts/; rerun one with
#   build-fuzz/fuzz/fuzz_ingest build-fuzz/artifacts/crash-...
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$1
SECS=${2:-20}
shift $(($# >= 2 ? 2 : 1))
name=$(basename "$BIN")
seeds=$ROOT/fuzz/corpus/${name#fuzz_}
regressions=$ROOT/fuzz/regressions/${name#fuzz_}
work=$(dirname "$(dirname "$BIN")")
mkdir -p "$work/corpus-$name" "$work/artifacts"
cp -n "$seeds"/* "$work/corpus-$name/" 2>/dev/null || true
echo "fuzz: $name for $SECS s (corpus $work/corpus-$name, artifacts $work/artifacts/)"
dirs=("$work/corpus-$name")
[[ -d $regressions ]] && dirs+=("$regressions")
exec "$BIN" -max_total_time="$SECS" -timeout=20 -rss_limit_mb=2560 -max_len=16384 \
	-print_final_stats=1 -artifact_prefix="$work/artifacts/" "$@" "${dirs[@]}"
