#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# slurm.sh — scripts/slurm/aidtrace-ingest.sbatch on a single-node Slurm and
# a throwaway PostgreSQL cluster, both started here (slurm_lib.sh,
# pg_lib.sh): a job array of 4 tasks over the input list gives the same
# `events --format jsonl` as one process into SQLite; a task killed with -9
# mid-run and then run again alone gives it too.
#
#   tests/e2e/slurm.sh path/to/aidtrace [repo root]
# Exit 77 (skip) when Slurm or PostgreSQL cannot be run, except under CI=true.
set -uo pipefail
bin=$(realpath "$1")
root=$(realpath "${2:-$(dirname "$0")/../..}")
here=$(dirname "$(realpath "$0")")
sbatch_script=$root/scripts/slurm/aidtrace-ingest.sbatch
source "$here/lib.sh"
source "$here/pg_lib.sh"
source "$here/slurm_lib.sh"
pg_require
if ! why=$(slurm_available); then
	if [[ "${CI:-}" == true ]]; then
		echo "FAIL Slurm is required under CI=true: $why"
		exit 1
	fi
	echo "skip: $why"
	exit 77
fi

tmp=$(mktemp -d /tmp/aidtrace-slurm.XXXXXX)
chmod 755 "$tmp"
trap 'slurm_stop; pg_stop; rm -rf "$tmp"' EXIT
pg_start "$tmp/pg" || {
	echo "FAIL could not start PostgreSQL"
	exit 1
}
slurm_start "$tmp/slurm" || {
	echo "FAIL could not start Slurm"
	exit 1
}
export -n AIDTRACE_DB

# the inputs: the example articles, and folders of renamed copies (other
# documents with the same texts, so that blocks merge many sources)
mapfile -t docs < <(ls "$root"/examples/*.txt "$root"/tests/data/ledger/*.txt)
copies() { # copies DIR N: N renamed copies of every article in DIR
	local c f
	for c in $(seq -w 1 "$2"); do
		for f in "${docs[@]}"; do
			mkdir -p "$1"
			cp "$f" "$1/$(basename "$1")$c-$(basename "$f")"
		done
	done
}
copies "$tmp/in/big" 16 # line 1, task 1's: long enough to be killed mid-run
{
	echo "${docs[0]}"
	echo "$tmp/in/big"
	printf '%s\n' "${docs[@]:1}"
	for c in 1 2 3 4; do
		copies "$tmp/in/c$c" 1
		echo "$tmp/in/c$c"
	done
	echo "# a comment line"
} >"$tmp/inputs.txt"
total=$(((1 + 16 + 4) * ${#docs[@]}))
ledger() { "$bin" events --db "$1" --format jsonl; }
count() { pg_psql aidtrace -tA -c "SELECT count(*) FROM $1" 2>/dev/null || echo 0; }

grep -v '^#' "$tmp/inputs.txt" | xargs "$bin" ingest --quiet --db "$tmp/one.db"
ledger "$tmp/one.db" >"$tmp/one.jsonl"
check "the reference ledger has events" test "$(wc -l <"$tmp/one.jsonl")" -ge 10

run_array() { # run_array ARRAY [VAR=VALUE...]: sbatch --wait in $tmp/out
	local array=$1
	shift
	mkdir -p "$tmp/out"
	(cd "$tmp/out" && env AIDTRACE_INPUTS="$tmp/inputs.txt" AIDTRACE_DB="$PG_URI" \
		AIDTRACE_BIN="$bin" "$@" sbatch --wait --array="$array" --quiet "$sbatch_script")
}

run_array 0-3
check "array of 4: every task succeeds" test $? -eq 0
check "array of 4: the same ledger as one process" cmp -s "$tmp/one.jsonl" <(ledger "$PG_URI")
echo "documents: $(count documents) of $total"
check "array of 4: every document once" test "$(count documents)" -eq "$total"
check "array of 4: nothing left to merge" test "$(count pending)" -eq 0
check "array of 4: each task read its share" \
	test "$(grep -h 'task [0-9] of 4' "$tmp"/out/*.log | awk '{s += $6} END {print s}')" -eq \
	"$(grep -vc '^#' "$tmp/inputs.txt")"

# kill -9 of task 1 while it runs, then that task again, alone
pg_reset
rm -rf "$tmp/out"
mkdir -p "$tmp/out"
job=$(cd "$tmp/out" && AIDTRACE_INPUTS="$tmp/inputs.txt" AIDTRACE_DB="$PG_URI" AIDTRACE_BIN="$bin" \
	AIDTRACE_OPTS="--batch 1" sbatch --parsable --array=0-3 "$sbatch_script")
killed=0
for _ in $(seq 1 500); do
	if grep -q 'task 1 of 4' "$tmp/out/aidtrace-ingest-${job}_1.log" 2>/dev/null &&
		(($(count documents) >= 40)); then
		scancel --signal=KILL "${job}_1" && killed=1
		break
	fi
	sleep 0.02
done
for _ in $(seq 1 300); do
	[[ -z "$(squeue -h -j "$job" 2>/dev/null)" ]] && break
	sleep 0.2
done
stored=$(count documents)
echo "task 1 killed (-9) with $stored of $total documents stored"
check "kill -9: task 1 was killed mid-run" test $killed -eq 1 -a "$stored" -lt "$total"
check "kill -9: the ledger is not complete yet" \
	bash -c "! cmp -s '$tmp/one.jsonl' <('$bin' events --db '$PG_URI' --format jsonl 2>/dev/null)"
run_array 1 AIDTRACE_TASKS=4
check "kill -9, task 1 run again: it succeeds" test $? -eq 0
check "kill -9, task 1 run again: the same ledger as one process" \
	cmp -s "$tmp/one.jsonl" <(ledger "$PG_URI")
check "kill -9, task 1 run again: every document once" test "$(count documents)" -eq "$total"

echo "slurm: $pass passed, $fail failed"
((fail == 0))
