#!/usr/bin/env bash
# bench.sh — throughput of `aidtrace extract` on the Reuters-21578 corpus
# (../shared/corpus/reuters21578.jsonl, when present) against `grep -c .` on
# the same file as a floor for "just reading it": wall time, MB/s, the ratio,
# peak RSS, and the number of events extracted; wall times are the median of
# RUNS (default 5) runs. Skips when the corpus is
# missing (it is not part of the repository).
#
#   scripts/bench.sh [PATH/TO/aidtrace] [CORPUS.jsonl]
set -euo pipefail
LC_ALL=C # a dot for decimals in EPOCHREALTIME and awk
export LC_ALL
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$ROOT/build/aidtrace}
CORPUS=${2:-$ROOT/../shared/corpus/reuters21578.jsonl}

if [[ ! -f $CORPUS ]]; then
	echo "bench: skipped: no corpus at $CORPUS"
	exit 0
fi
[[ -x $BIN ]] || { echo "bench: no binary at $BIN (run make)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time missing (make deps installs 'time')" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bytes=$(stat -c %s "$CORPUS")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')

# timed NAME CMD... : runs CMD under /usr/bin/time -v (stdout to /dev/null);
# sets WALL (seconds) and RSS (MB).
timed() {
	local name=$1
	shift
	local rc=0 t0=$EPOCHREALTIME
	/usr/bin/time -v -o "$tmp/$name.time" "$@" >/dev/null 2>"$tmp/$name.err" || rc=$?
	local t1=$EPOCHREALTIME
	if ((rc > 1)); then # 1 = some inputs had errors: still a valid run
		echo "bench: $name exited $rc" >&2
		tail -5 "$tmp/$name.err" >&2
		exit 1
	fi
	# /usr/bin/time reports wall time in 1/100 s: measure it here instead
	WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
	RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$tmp/$name.time")
}

cat "$CORPUS" >/dev/null # warm the page cache for both runs
echo "bench: $CORPUS ($mb MB, $(wc -l <"$CORPUS") lines)"

# median NAME CMD...: RUNS timed runs (machines are shared and noisy); sets
# WALL to the median wall time and RSS to the largest peak.
RUNS=${RUNS:-5}
median() {
	local name=$1
	shift
	local walls=() rss=0
	for ((r = 0; r < RUNS; r++)); do
		timed "$name" "$@"
		walls+=("$WALL")
		rss=$(awk -v a="$rss" -v b="$RSS" 'BEGIN { print (b > a ? b : a) }')
	done
	WALL=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ w[NR] = $1 } END { print w[int((NR + 1) / 2)] }')
	RSS=$rss
}

median grep grep -c . "$CORPUS"
g_wall=$WALL g_rss=$RSS
median aidtrace "$BIN" extract "$CORPUS"
a_wall=$WALL a_rss=$RSS
diags=$(grep -c '^aidtrace: ' "$tmp/aidtrace.err" || true)
events=$("$BIN" extract "$CORPUS" 2>/dev/null | wc -l || true)

awk -v mb="$mb" -v gw="$g_wall" -v aw="$a_wall" -v gr="$g_rss" -v ar="$a_rss" \
	-v ev="$events" -v dg="$diags" 'BEGIN {
	gs = gw > 0 ? mb / gw : 0; as = aw > 0 ? mb / aw : 0
	printf "  %-22s %8s %10s %12s\n", "", "wall s", "MB/s", "peak RSS MB"
	printf "  %-22s %8.3f %10.1f %12.1f\n", "grep -c .", gw, gs, gr
	printf "  %-22s %8.3f %10.1f %12.1f\n", "aidtrace extract", aw, as, ar
	printf "  aidtrace is %.1fx slower than grep\n", (gw > 0 ? aw / gw : 0)
	printf "  events extracted: %d   input diagnostics: %d\n", ev, dg
}'
