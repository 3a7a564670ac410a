#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# test.sh — what `make test` runs, step by step, after `make deps`:
#   0. the style check (banned calls) and the licence line of every source
#      file (scripts/spdx.sh --check; scripts/spdx.sh adds missing ones);
#   1. a sanitizer build (ASan + UBSan, arena on malloc, the crash points of
#      src/store/faults.h) in build-asan and its ctest suite (unit, golden,
#      e2e; e2e/crash with --faults);
#   2. the plain RelWithDebInfo build in build and its ctest suite;
#   3. valgrind on the CLI over the example articles (examples/*.txt): extract
#      with threads and with one thread, ingest into a temporary database,
#      events as table, CSV and --explain, the report of the ledger and of the
#      hostile report fixture, score of the ledger against tests/data's
#      gold, extract over the web-archive and HTML fuzz seeds; then ingest,
#      events, explain and report into a throwaway PostgreSQL; and the watch
#      end-to-end test (tests/e2e/watch.sh) with the CLI under valgrind;
#   4. a ThreadSanitizer build (build-tsan: the library, the CLI and the run
#      test) running the threaded tests (run/order, e2e/threads.sh);
#   5. short libFuzzer runs (every target) when clang is installed.
# Every step runs even if an earlier one failed; the last line reads
# "make test: N passed, N failed" and the exit status is 1 if any failed.
# A step whose tool is missing (valgrind, clang; chromium and playwright-core
# for the browser test) is skipped with a line naming what to install, and
# under CI (CI=true, as the project's CI sets) it fails instead: CI must run
# everything. `make deps` installs all of them.
set -uo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
ASAN_BUILD=${ASAN_BUILD:-build-asan}
TSAN_BUILD=${TSAN_BUILD:-build-tsan}
JOBS=${JOBS:-2}
FUZZ_SECS=${FUZZ_SECS:-20}
passed=0 failed=0 failures=() skipped=()
start=$SECONDS

step() {
	local name=$1
	shift
	echo
	echo "==== $name ===="
	local t0=$SECONDS
	if "$@"; then
		passed=$((passed + 1))
		echo "---- $name: ok ($((SECONDS - t0)) s)"
	else
		failed=$((failed + 1))
		failures+=("$name")
		echo "---- $name: FAILED ($((SECONDS - t0)) s)"
	fi
}

asan_suite() {
	cmake -S . -B "$ASAN_BUILD" -DCMAKE_BUILD_TYPE=Debug -DAT_SANITIZE=ON -DAT_FAULTS=ON &&
		cmake --build "$ASAN_BUILD" -j"$JOBS" &&
		(cd "$ASAN_BUILD" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
			UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
			ctest --output-on-failure -j"$JOBS")
}

plain_suite() {
	cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo &&
		cmake --build "$BUILD" -j"$JOBS" &&
		(cd "$BUILD" && ctest --output-on-failure -j"$JOBS")
}

valgrind_cli() {
	local db vg=(valgrind -q --error-exitcode=1 --leak-check=full)
	db=$(mktemp -d)/v.db
	"${vg[@]}" "$BUILD/aidtrace" extract --threads 3 examples/*.txt >/dev/null &&
		"${vg[@]}" "$BUILD/aidtrace" extract --threads 1 examples/*.txt >/dev/null &&
		"${vg[@]}" "$BUILD/aidtrace" ingest --quiet --db "$db" examples/*.txt &&
		"${vg[@]}" "$BUILD/aidtrace" events --db "$db" >/dev/null &&
		"${vg[@]}" "$BUILD/aidtrace" events --db "$db" --format csv >/dev/null &&
		"${vg[@]}" "$BUILD/aidtrace" events --db "$db" --id "$("$BUILD/aidtrace" events \
			--db "$db" --format jsonl --limit 1 | cut -d'"' -f4)" --explain >/dev/null &&
		"${vg[@]}" "$BUILD/aidtrace" report --db "$db" -o /dev/null --generated valgrind &&
		"$BUILD/aidtrace" events --db "$db" --format jsonl >"$(dirname "$db")/ledger.jsonl" &&
		"${vg[@]}" "$BUILD/aidtrace" score tests/data/examples.gold.jsonl \
			"$(dirname "$db")/ledger.jsonl" --docs tests/data/examples.docs.jsonl \
			--errors --format json >/dev/null &&
		{ "$BUILD/aidtrace" extract examples/*.txt && head -n 6 tests/data/report/synthetic.jsonl; } |
		"${vg[@]}" "$BUILD/aidtrace" report --jsonl - -o /dev/null --generated valgrind
	local rc=$?
	rm -rf "$(dirname "$db")"
	[[ $rc -ne 0 ]] && return $rc
	# the web-archive and HTML seeds (one has junk between records: exit 1, not 3)
	valgrind -q --error-exitcode=3 --leak-check=full "$BUILD/aidtrace" extract \
		fuzz/corpus/warc/* fuzz/corpus/html/* >/dev/null 2>&1
	rc=$?
	[[ $rc -le 1 ]]
}

# ingest, events, explain and report against a throwaway PostgreSQL cluster
valgrind_pg() {
	local vg=(valgrind -q --error-exitcode=1 --leak-check=full) why rc
	# shellcheck source=tests/e2e/pg_lib.sh
	source tests/e2e/pg_lib.sh
	if ! why=$(pg_available); then
		echo "valgrind on PostgreSQL: $why"
		[[ "${CI:-}" != true ]]
		return
	fi
	local dir
	dir=$(mktemp -d)
	pg_start "$dir/pg" || return 1
	"${vg[@]}" "$BUILD/aidtrace" ingest --quiet --db "$PG_URI" examples/*.txt &&
		"${vg[@]}" "$BUILD/aidtrace" events --db "$PG_URI" >/dev/null &&
		"${vg[@]}" "$BUILD/aidtrace" events --db "$PG_URI" --id "$("$BUILD/aidtrace" events \
			--db "$PG_URI" --format jsonl --limit 1 | cut -d'"' -f4)" --explain >/dev/null &&
		"${vg[@]}" "$BUILD/aidtrace" report --db "$PG_URI" -o /dev/null --generated valgrind
	rc=$?
	pg_stop
	rm -rf "$dir"
	return $rc
}

valgrind_watch() {
	local wrap="$PWD/$BUILD/aidtrace-valgrind.sh" rc
	printf '#!/bin/sh\nexec valgrind -q --error-exitcode=9 --leak-check=full "%s" "$@"\n' \
		"$PWD/$BUILD/aidtrace" >"$wrap"
	chmod +x "$wrap"
	bash tests/e2e/watch.sh "$wrap" data "$BUILD/tests/test_archive_verify"
	rc=$?
	rm -f "$wrap"
	return $rc
}

tsan_threads() {
	cmake -S . -B "$TSAN_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAT_TSAN=ON &&
		cmake --build "$TSAN_BUILD" -j"$JOBS" --target aidtrace_cli test_run_order &&
		TSAN_OPTIONS=halt_on_error=1 "$TSAN_BUILD/tests/test_run_order" &&
		TSAN_OPTIONS=halt_on_error=1 bash tests/e2e/threads.sh "$TSAN_BUILD/aidtrace" data examples
}

fuzz_smoke() {
	make --no-print-directory fuzz-smoke FUZZ_SECS="$FUZZ_SECS"
}

step "style check (scripts/checksrc.sh)" bash scripts/checksrc.sh
step "licence lines (scripts/spdx.sh --check)" bash scripts/spdx.sh --check
step "sanitizer build + ctest ($ASAN_BUILD)" asan_suite
step "plain build + ctest ($BUILD)" plain_suite
# A step that needs TOOL (from Debian package PKG): run it, or skip it with a
# message, or, under CI, fail it with that message.
needs() { # TOOL PKG NAME FUNCTION
	local tool=$1 pkg=$2 name=$3
	shift 3
	if command -v "$tool" >/dev/null 2>&1; then
		step "$name" "$@"
	elif [[ ${CI:-} == true ]]; then
		step "$name" missing "$tool" "$pkg"
	else
		echo
		echo "==== $name: SKIPPED: $tool is not installed (apt-get install $pkg, or make deps) ===="
		skipped+=("$name (no $tool)")
	fi
}
missing() {
	echo "$1 is not installed: CI must run this step; install the Debian package $2 (make deps)"
	return 1
}

needs valgrind valgrind "valgrind: extract, ingest, events, report on examples/*.txt" valgrind_cli
needs valgrind valgrind "valgrind: ingest, events, report into PostgreSQL" valgrind_pg
needs valgrind valgrind "valgrind: watch against a loopback server (tests/e2e/watch.sh)" valgrind_watch
step "thread sanitizer: run/order, e2e/threads ($TSAN_BUILD)" tsan_threads
needs clang "clang libclang-rt-dev" "fuzz smoke (${FUZZ_SECS} s)" fuzz_smoke

echo
for f in "${failures[@]}"; do
	echo "FAILED: $f"
done
for s in "${skipped[@]}"; do
	echo "SKIPPED: $s"
done
echo "make test: $passed passed, $failed failed ($((SECONDS - start)) s)"
((failed == 0))
