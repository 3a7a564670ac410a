#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# crash.sh — end-to-end: `aidtrace ingest` killed where a crash hurts keeps
# exactly the batches it reported committed, a sound database and, once
# resumed, the ledger of a clean run.
#
# Every round starts from a fresh copy of base.db (documents 0-299 ingested
# and merged: a known state) and ingests documents 0-1199 with --batch 100
# --verbose, so that the last "committed N documents" line on stderr says
# which batches the process reported committed. After the crash:
#   - PRAGMA integrity_check is ok;
#   - the stored documents are exactly the first S of the input, where S is
#     N (the crash came before the next COMMIT) or the next batch boundary
#     (it came after a COMMIT, before the line was written) as the round's
#     crash point allows; each stored document has the events a clean run
#     gives it, no more, no fewer;
#   - each block of the ledger (events table) is the base's or the clean
#     run's, never a mixture: a block is merged in one transaction (the merge
#     commits every 64 blocks, so blocks may differ in which they are);
#   - `aidtrace ingest` again exits 0 and `aidtrace events` prints the clean
#     run's ledger, byte for byte.
#
# Two kinds of round:
#   --faults (a build with -DAT_FAULTS=ON; make test's sanitizer build):
#     AIDTRACE_CRASH_AT=NAME:K sends SIGKILL the Kth time ingest reaches a
#     point of src/store/faults.h: batch-doc (a document row written, its
#     events not yet), batch-event (between event rows), commit (a batch
#     complete, before COMMIT), committed (after COMMIT, before the line),
#     merge-block (between two blocks of the merge), merge-end (the merge
#     done, before its COMMIT) and write (before SQLite's Kth write to the
#     database or WAL file: inside commits and checkpoints). K is drawn at
#     random below the count of a counting run (AIDTRACE_CRASH_AT=all:0), so
#     every round really crashes; a round that does not fails the test.
#     The points commit, committed, merge-end and write are also hit as a
#     power cut (AIDTRACE_POWER_CUT=1: the writes not yet fsync'ed are undone
#     before the kill), where a batch reported committed must survive too.
#   - always: SIGKILL at a random moment of the clean run's duration; at
#     least one round must land before the end.
# The random draws use SEED (printed; set it to replay a failure).
#
# Proof that the test works (done for the change that added it; rerun with
# scripts/mutate.sh, break "crash"): in src/store/store.c make the journal
# `PRAGMA journal_mode = OFF` (or make begin_batch start no transaction),
# build with -DAT_FAULTS=ON, and run this script with --faults: the "write"
# rounds (journal off) or the batch-doc/batch-event rounds (no transaction)
# fail "exactly the committed batches" or integrity_check. With
# `PRAGMA synchronous = OFF` the power-cut rounds fail: batches reported
# committed are lost (a plain kill loses nothing the kernel has, so only the
# power cut sees it).
#
#   tests/e2e/crash.sh PATH/TO/aidtrace DATADIR [--faults] [KILL_ROUNDS]
set -uo pipefail
shopt -s extglob
BIN=$1
DATA=$2
FAULTS=0
[[ ${3:-} == --faults ]] && FAULTS=1 && shift
ROUNDS=${3:-4}
SEED=${SEED:-$$}
RANDOM=$SEED
export AIDTRACE_DATA=$DATA
unset AIDTRACE_CRASH_AT
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
sql() { sqlite3 -batch "$@"; }
echo "SEED=$SEED"

TOTAL=1200 BASE=300 BATCH=100
gen "$TOTAL" 0 >"$tmp/all.jsonl"
head -n "$BASE" "$tmp/all.jsonl" >"$tmp/base.jsonl"

"$BIN" ingest --quiet --db "$tmp/base.db" "$tmp/base.jsonl" 2>"$tmp/err"
check "base: ingest exits 0" test $? -eq 0
check "base: $BASE documents, merged" test "$(sql "$tmp/base.db" \
	'SELECT count(*) FROM documents; SELECT count(*) FROM pending' | tr '\n' ' ')" = "$BASE 0 "
cp "$tmp/base.db" "$tmp/ref.db"
t0=$(date +%s%N)
"$BIN" ingest --quiet --batch "$BATCH" --db "$tmp/ref.db" "$tmp/all.jsonl" 2>"$tmp/err"
check "clean run: exits 0" test $? -eq 0
clean_ms=$((($(date +%s%N) - t0) / 1000000))
"$BIN" events --db "$tmp/ref.db" --format jsonl >"$tmp/ref.jsonl"
check "clean run: a ledger" test -s "$tmp/ref.jsonl"
ledger() { sql "$1" 'SELECT id, json FROM events ORDER BY id' | md5sum; }
base_ledger=$(ledger "$tmp/base.db")
ref_ledger=$(ledger "$tmp/ref.db")
check "clean run: the ledger grew" test "$base_ledger" != "$ref_ledger"
# The ledger by block: a line "BLOCK<TAB>its rows (id and JSON, by id)".
blocks() {
	sql -separator $'\t' "$1" "SELECT block, group_concat(id || ' ' || json, ' ')
		FROM (SELECT block, id, json FROM events ORDER BY block, id) GROUP BY block"
}
blocks "$tmp/base.db" >"$tmp/base.blocks"
blocks "$tmp/ref.db" >"$tmp/ref.blocks"
check "clean run: more blocks than one merge transaction takes (64)" \
	test "$(wc -l <"$tmp/ref.blocks")" -gt 64

# One round: $1 names it, $2 says which store counts are allowed ("exact":
# S = N; "next": S = the boundary after N; "either"; "all": S = TOTAL, the
# merge's; "either-or-done": either, and the run may also have ended well).
# The rest is the command that runs ingest into $tmp/r.db. Sets LAST_RC and
# LAST_S (documents stored after the crash).
round() {
	local name=$1 allow=$2
	shift 2
	local db=$tmp/r.db
	rm -f "$db" "$db-wal" "$db-shm"
	cp "$tmp/base.db" "$db"
	local rc=0
	"$@" >/dev/null 2>"$tmp/log" &
	wait $! 2>/dev/null || rc=$?
	local n s next problems=()
	n=$(grep -o 'committed [0-9]* documents' "$tmp/log" | tail -1 | cut -d' ' -f2)
	n=${n:-$BASE} # nothing new reported: the base is what was committed
	if [[ $allow == either-or-done ]]; then
		allow=either
		((rc == 137 || rc == 0)) || problems+=("exit $rc")
	else
		((rc == 137)) || problems+=("exit $rc, not killed")
	fi
	[[ "$(sql "$db" 'PRAGMA integrity_check' 2>&1)" == ok ]] || problems+=("integrity_check")
	s=$(sql "$db" 'SELECT count(*) FROM documents' 2>/dev/null)
	s=${s:-0}
	# the first S documents of the input, and no other
	local keys
	keys=$(sql "$db" "SELECT count(*) FROM documents WHERE key <= printf('doc-%06d', $s - 1)" 2>/dev/null)
	[[ $keys == "$s" ]] || problems+=("stored documents are not the first $s")
	next=$((n + BATCH > TOTAL ? TOTAL : n + BATCH))
	case $allow in
	exact) ((s == n)) || problems+=("reported $n committed, $s stored") ;;
	next) ((s == next)) || problems+=("reported $n committed, $s stored, not $next") ;;
	either) ((s == n || s == next)) || problems+=("reported $n committed, $s stored") ;;
	all) ((s == TOTAL)) || problems+=("$s stored, not all $TOTAL") ;;
	esac
	# each stored document's events are the clean run's
	local diff
	diff=$(sql "$db" "ATTACH '$tmp/ref.db' AS r;
		SELECT count(*) FROM (
		  SELECT d.key, e.ord, e.json FROM doc_events e JOIN documents d ON d.id = e.doc
		  EXCEPT SELECT d.key, e.ord, e.json FROM r.doc_events e JOIN r.documents d ON d.id = e.doc);
		SELECT count(*) FROM (
		  SELECT d.key, e.ord, e.json FROM r.doc_events e JOIN r.documents d ON d.id = e.doc
		  WHERE d.key IN (SELECT key FROM main.documents)
		  EXCEPT SELECT d.key, e.ord, e.json FROM doc_events e JOIN documents d ON d.id = e.doc)" \
		2>&1 | tr '\n' ' ')
	[[ $diff == "0 0 " ]] || problems+=("document events differ from the clean run's ($diff)")
	# every block is the base's or the clean run's (missing: no events)
	local mixed
	mixed=$(blocks "$db" | awk -F'\t' -v base="$tmp/base.blocks" -v ref="$tmp/ref.blocks" '
		BEGIN { while ((getline l < base) > 0) { split(l, f, "\t"); b[f[1]] = f[2]; all[f[1]] }
			while ((getline l < ref) > 0) { split(l, f, "\t"); r[f[1]] = f[2]; all[f[1]] } }
		{ c[$1] = $2; all[$1] }
		END { for (k in all) if (c[k] != b[k] && c[k] != r[k]) { n++; print k > "/dev/stderr" }
		      print n + 0 }' 2>"$tmp/mixed")
	((mixed == 0)) || problems+=("$mixed ledger blocks half merged: $(head -3 "$tmp/mixed" | tr '\n' ' ')")
	local rc2=0
	"$BIN" ingest --quiet --db "$db" "$tmp/all.jsonl" 2>"$tmp/err" || rc2=$?
	((rc2 == 0)) || problems+=("resumed ingest exit $rc2")
	"$BIN" events --db "$db" --format jsonl >"$tmp/resumed.jsonl" 2>"$tmp/err"
	cmp -s "$tmp/ref.jsonl" "$tmp/resumed.jsonl" || problems+=("resumed ledger differs from the clean run's")
	LAST_RC=$rc LAST_S=$s
	echo "  $name: exit $rc, reported $n committed, $s stored"
	if ((${#problems[@]})); then
		printf '    %s\n' "${problems[@]}"
		check "$name" false
	else
		check "$name" true
	fi
}

ingest_cmd=("$BIN" ingest --verbose --batch "$BATCH" --db "$tmp/r.db" "$tmp/all.jsonl")

# 1. fault points
if ((FAULTS)); then
	cp "$tmp/base.db" "$tmp/count.db"
	AIDTRACE_CRASH_AT=all:0 "$BIN" ingest --batch "$BATCH" --db "$tmp/count.db" \
		"$tmp/all.jsonl" 2>"$tmp/count" >/dev/null
	count() { sed -n "s/^aidtrace: fault $1 reached \([0-9]*\) times$/\1/p" "$tmp/count"; }
	for point in batch-doc batch-event commit committed merge-block merge-end write write write; do
		k=$(count "$point")
		if [[ -z $k ]] || ((k < 1)); then
			check "fault $point: reached by ingest (is this an -DAT_FAULTS=ON build?)" false
			continue
		fi
		case $point in
		batch-doc | batch-event | commit) allow=exact ;;
		committed) allow=next ;;
		merge-*) allow=all ;;
		*) allow=either ;;
		esac
		at=$(((RANDOM * 32768 + RANDOM) % k + 1))
		round "fault $point:$at (of $k)" "$allow" env AIDTRACE_CRASH_AT="$point:$at" "${ingest_cmd[@]}"
		# the same point as a power cut: the writes not yet synced are lost
		if [[ $point == @(commit|committed|merge-end|write) ]]; then
			at=$(((RANDOM * 32768 + RANDOM) % k + 1))
			round "power cut at $point:$at (of $k)" "$allow" env AIDTRACE_POWER_CUT=1 \
				AIDTRACE_CRASH_AT="$point:$at" "${ingest_cmd[@]}"
		fi
	done
fi

((FAULTS)) || echo "(the crash points need a build with -DAT_FAULTS=ON: make test's sanitizer build runs them)"

# 2. SIGKILL at random moments of a run as long as the clean one (a run
# that ends before its kill is allowed, but one at least must be cut short)
midway=0
kill_after() { # ms
	"${ingest_cmd[@]}" &
	local pid=$!
	sleep "$(($1 / 1000)).$(printf %03d $(($1 % 1000)))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid"
}
for r in $(seq 1 "$ROUNDS"); do
	ms=$((clean_ms / 10 + RANDOM % (clean_ms * 8 / 10 + 1)))
	round "kill -9 after $ms ms" either-or-done kill_after "$ms"
	((LAST_RC == 137 && LAST_S < TOTAL)) && midway=$((midway + 1))
	# a run that ended before its kill: this machine is faster now; aim earlier
	((LAST_RC == 0 && clean_ms > 20)) && clean_ms=$((clean_ms / 2))
done
check "kill -9: $midway of $ROUNDS rounds cut the run short" test "$midway" -gt 0

echo "$pass passed, $fail failed"
((fail == 0))
