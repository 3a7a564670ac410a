#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# mutate.sh — does the suite catch the bugs its tests are named after? Makes
# five deliberate small breaks (and two more of crash safety), one at a time, in a scratch copy of the tree
# (/tmp; the working tree is not touched), builds it and runs the tests that
# claim to guard each feature, then prints a table: break, caught or missed,
# and by which tests. Not part of `make test` (it takes a few minutes).
#
#   scripts/mutate.sh [NAME...]     (default: all seven)
#
#   crash    src/store/store.c: PRAGMA journal_mode = OFF instead of WAL
#   crash-tx src/store/store.c: no transaction around a batch (each statement
#            commits on its own)
#   crash-sync src/store/store.c: PRAGMA synchronous = OFF (seen only by the
#            power-cut rounds)
#   threads  src/run/run.c: a worker writes the first and the last document
#            of its batch into each other's slots (output order by thread)
#   warc     src/ingest/warc.c: the HTTP status filter removed (404 pages
#            become documents)
#   report   src/report/report.c: sorting never moves a row (the script's
#            Content-Security-Policy hash recomputed, so that it still runs)
#   gold     data/triggers.tsv: the exercise nouns ("drills", "exercise")
#            dropped, so that exercises are missed
#
# The scratch build has the crash points (-DAT_FAULTS=ON), like make test's
# sanitizer build, and first runs every test used here unbroken: a test that
# fails there makes the table meaningless, and the script says so.
# Exit status: 0 when every break was caught, 1 otherwise.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JOBS=${JOBS:-2}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/aidtrace-mutate-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
SRC=$WORK/src-tree
B=$WORK/build
mkdir -p "$SRC"
(cd "$ROOT" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$SRC")
# the browser test's driver (installed by make deps; not in git)
[[ -d $ROOT/tests/report/node_modules ]] && ln -s "$ROOT/tests/report/node_modules" "$SRC/tests/report/"

declare -A FILE TESTS WHAT
FILE[crash]=src/store/store.c
TESTS[crash]='^e2e/crash$'
WHAT[crash]="journal_mode = OFF"
FILE[crash-tx]=src/store/store.c
TESTS[crash-tx]='^e2e/crash$'
WHAT[crash-tx]="no batch transaction"
FILE[crash-sync]=src/store/store.c
TESTS[crash-sync]='^e2e/crash$'
WHAT[crash-sync]="synchronous = OFF"
FILE[threads]=src/run/run.c
TESTS[threads]='^(e2e/threads|run/order)$'
WHAT[threads]="a worker swaps two slots"
FILE[warc]=src/ingest/warc.c
TESTS[warc]='^(e2e/warc|ingest/warc)$'
WHAT[warc]="no HTTP status filter"
FILE[report]=src/report/report.c
TESTS[report]='^report/'
WHAT[report]="sorting never reorders"
FILE[gold]=data/triggers.tsv
TESTS[gold]='^(extract/gold|extract/basics|golden/examples)$'
WHAT[gold]="no exercise nouns"

# break NAME: edit the scratch copy (perl -0: whole-file substitutions)
break_it() {
	local f=$SRC/${FILE[$1]}
	case $1 in
	crash) perl -0pi -e 's/PRAGMA journal_mode = WAL/PRAGMA journal_mode = OFF/' "$f" ;;
	crash-sync) perl -0pi -e 's/PRAGMA synchronous = FULL/PRAGMA synchronous = OFF/' "$f" ;;
	crash-tx)
		perl -0pi -e 's/exec\(s, "BEGIN IMMEDIATE", err, errlen, "starting a batch"\)/exec(s, "SELECT 1", err, errlen, "starting a batch")/;
			s/sqlite3_exec\(s->db, "COMMIT", NULL, NULL, NULL\);/sqlite3_exec(s->db, "SELECT 1", NULL, NULL, NULL);/' "$f"
		;;
	threads)
		perl -0pi -e 's|(\t\t/\* only this worker touches a BUSY slot \*/\n)|$1\t\tif (nmine > 1) { unit t_ = mine[0]->u; mine[0]->u = mine[nmine - 1]->u; mine[nmine - 1]->u = t_; }\n|' "$f"
		;;
	warc) perl -0pi -e 's/if \(status < 200 \|\| status > 299\)/if (status < 0)/' "$f" ;;
	report) perl -0pi -e 's/"rows\.forEach\(function\(r\)\{body\.appendChild\(r\);\}\);\}"/"rows.forEach(function(r){});}"/' "$f" ;;
	gold) perl -0pi -e 's/^exercise_n\t.*\n//mg' "$f" ;;
	esac
}

# The report's script must keep a matching CSP hash, or the break would only
# be "the script does not run": take the script from a rendered page.
fix_csp() {
	cmake --build "$B" -j"$JOBS" --target aidtrace_cli >/dev/null || return 1
	printf '{"id":"e-1","type":"aid","status":"completed"}\n' |
		"$B/aidtrace" report --jsonl - -o "$WORK/p.html" --generated x 2>/dev/null
	local script hex hash
	script=$(sed -n 's|^<script>\(.*\)</script>$|\1|p' "$WORK/p.html")
	hex=$(printf '%s' "$script" | sha256sum | cut -c1-64)
	hash=$(printf "$(sed 's/../\\x&/g' <<<"$hex")" | base64 -w0)
	perl -pi -e "s|#define REPORT_SCRIPT_HASH \"sha256-[^\"]*\"|#define REPORT_SCRIPT_HASH \"sha256-$hash\"|" \
		"$SRC/src/report/report.c"
}

# run REGEX LOG: the failed tests' names on stdout
run_tests() {
	(cd "$B" && CI= ctest -R "$1" --output-on-failure -j"$JOBS" >"$2" 2>&1)
	sed -n 's/^[[:space:]]*[0-9]* - \([^ ]*\) (.*/\1/p' "$2" | sort -u | tr '\n' ' '
}

names=("$@")
((${#names[@]})) || names=(crash crash-tx crash-sync threads warc report gold)
for n in "${names[@]}"; do
	[[ -n ${FILE[$n]:-} ]] || { echo "mutate: no break named $n" >&2; exit 2; }
done

echo "mutate: scratch copy in $SRC"
cmake -S "$SRC" -B "$B" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAT_FAULTS=ON >/dev/null &&
	cmake --build "$B" -j"$JOBS" >"$WORK/build.log" 2>&1 || {
	echo "mutate: the unbroken copy does not build" >&2
	tail -20 "$WORK/build.log" >&2
	exit 2
}
all=$(for n in "${names[@]}"; do printf '%s|' "${TESTS[$n]}"; done)
baseline=$(run_tests "${all%|}" "$WORK/baseline.log")
if [[ -n $baseline ]]; then
	echo "mutate: these fail even unbroken: $baseline (see below); the table would mean nothing"
	tail -30 "$WORK/baseline.log"
	exit 2
fi
echo "mutate: unbroken, every test used here passes"

rows=() missed=0
for n in "${names[@]}"; do
	f=$SRC/${FILE[$n]}
	cp "$f" "$WORK/orig"
	break_it "$n"
	if cmp -s "$f" "$WORK/orig"; then
		rows+=("$n|${WHAT[$n]}|NOT APPLIED|the edit matched nothing")
		missed=$((missed + 1))
		continue
	fi
	[[ $n == report ]] && fix_csp
	echo "mutate: $n (${FILE[$n]}: ${WHAT[$n]}): building and testing"
	if ! cmake --build "$B" -j"$JOBS" >"$WORK/build.log" 2>&1; then
		rows+=("$n|${WHAT[$n]}|caught|the build")
	else
		failed=$(run_tests "${TESTS[$n]}" "$WORK/$n.log")
		if [[ -n $failed ]]; then
			rows+=("$n|${WHAT[$n]}|caught|$failed")
		else
			rows+=("$n|${WHAT[$n]}|MISSED|(ran: ${TESTS[$n]})")
			missed=$((missed + 1))
		fi
	fi
	cp "$WORK/orig" "$f"
	[[ $n == report ]] && cp "$WORK/orig" "$SRC/src/report/report.c"
done
cmake --build "$B" -j"$JOBS" >/dev/null 2>&1

echo
printf '%-10s %-26s %-8s %s\n' BREAK WHAT RESULT "BY (failed tests)"
for r in "${rows[@]}"; do
	IFS='|' read -r a b c d <<<"$r"
	printf '%-10s %-26s %-8s %s\n' "$a" "$b" "$c" "$d"
done
((missed == 0))
