#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# pg.sh — the ledger in PostgreSQL, against a throwaway cluster this script
# starts (pg_lib.sh): the same `events --format jsonl` (ids included) from
# SQLite in order, SQLite shuffled in small batches, PostgreSQL in one
# process, and two PostgreSQL ingesters at once each with half of the
# shuffled documents; nothing lost or doubled; a read-only role lists and
# reports but cannot ingest (and changes nothing); a writer role ingests;
# an ingester killed with -9 leaves a ledger that the next run completes;
# AIDTRACE_DB as the default --db.
#
#   tests/e2e/pg.sh path/to/aidtrace [repo root]
# Exit 77 (skip) when no PostgreSQL server can be run, except under CI=true.
set -uo pipefail
bin=$(realpath "$1")
root=$(realpath "${2:-$(dirname "$0")/../..}")
here=$(dirname "$(realpath "$0")")
source "$here/lib.sh"
source "$here/pg_lib.sh"
pg_require

tmp=$(mktemp -d /tmp/aidtrace-pg.XXXXXX)
trap 'pg_stop; rm -rf "$tmp"' EXIT
pg_start "$tmp/pg" || {
	echo "FAIL could not start PostgreSQL"
	exit 1
}
export -n AIDTRACE_DB

mapfile -t docs < <(ls "$root"/examples/*.txt "$root"/tests/data/ledger/*.txt)
mapfile -t shuffled < <(printf '%s\n' "${docs[@]}" | shuf --random-source=<(yes 7))
half_a=() half_b=()
for i in "${!shuffled[@]}"; do
	if ((i % 2)); then half_a+=("${shuffled[$i]}"); else half_b+=("${shuffled[$i]}"); fi
done
ledger() { "$bin" events --db "$1" --format jsonl; }
count() { pg_psql aidtrace -tA -c "SELECT count(*) FROM $1"; }

"$bin" ingest --quiet --db "$tmp/one.db" "${docs[@]}"
ledger "$tmp/one.db" >"$tmp/one.jsonl"
check "the reference ledger has events" test "$(wc -l <"$tmp/one.jsonl")" -ge 10

"$bin" ingest --quiet --batch 3 --db "$tmp/shuf.db" "${shuffled[@]}"
check "SQLite, shuffled, batches of 3: the same ledger" cmp -s "$tmp/one.jsonl" <(ledger "$tmp/shuf.db")

"$bin" ingest --quiet --db "$PG_URI" "${docs[@]}"
check "PostgreSQL, one process: the same ledger" cmp -s "$tmp/one.jsonl" <(ledger "$PG_URI")
"$bin" ingest --quiet --db "$PG_URI" "${docs[@]}"
check "PostgreSQL, ingested again: the same ledger" cmp -s "$tmp/one.jsonl" <(ledger "$PG_URI")
same_query() { # the same filtered listing from both engines
	cmp -s <("$bin" events --db "$tmp/one.db" "$@") <("$bin" events --db "$PG_URI" "$@")
}
check "filters: the same from both engines" \
	same_query --format jsonl --min-sources 2 --type aid --since 2014-01-01 --until 2030-01-01
check "filters: participant, status, limit" same_query --format csv --participant UKR --limit 3
check "filters: provider, recipient" same_query --format jsonl --provider USA --recipient UKR
check "filters select something" test -n "$("$bin" events --db "$PG_URI" --format jsonl --min-sources 2)"
check "AIDTRACE_DB is the default --db" \
	cmp -s "$tmp/one.jsonl" <(AIDTRACE_DB=$PG_URI "$bin" events --format jsonl)

pg_reset
"$bin" ingest --quiet --batch 1 --db "$PG_URI" "${half_a[@]}" 2>"$tmp/a.err" &
pa=$!
"$bin" ingest --quiet --batch 1 --db "$PG_URI" "${half_b[@]}" 2>"$tmp/b.err" &
pb=$!
reads=0 read_fail=0 # analysts list the ledger while it grows (once it exists)
while kill -0 $pa 2>/dev/null || kill -0 $pb 2>/dev/null; do
	if ! "$bin" events --db "$PG_URI" --format jsonl >/dev/null 2>"$tmp/read.err" &&
		! grep -q "schema version 0" "$tmp/read.err"; then
		read_fail=$((read_fail + 1))
		cat "$tmp/read.err" >>"$tmp/reads.err"
	fi
	reads=$((reads + 1))
done
wait $pa
ra=$?
wait $pb
rb=$?
echo "$reads listings during the ingest"
check "events while two ingesters write: never fails" test $read_fail -eq 0
cat "$tmp/reads.err" 2>/dev/null
check "two ingesters at once: both succeed" test $ra -eq 0 -a $rb -eq 0
cat "$tmp/a.err" "$tmp/b.err"
check "two ingesters at once, each half: the same ledger" \
	cmp -s "$tmp/one.jsonl" <(ledger "$PG_URI")
check "two ingesters: every document once" test "$(count documents)" -eq "${#docs[@]}"
nev=$(sqlite3 "$tmp/one.db" "SELECT count(*) FROM doc_events")
check "two ingesters: every per-document event once" test "$(count doc_events)" -eq "$nev"
check "two ingesters: nothing left to merge" test "$(count pending)" -eq 0

# ---- a database of something else is left alone ----
pg_psql postgres -c "CREATE DATABASE other" >/dev/null
pg_psql other -c "CREATE TABLE invoices (id int)" >/dev/null
other_uri="postgresql:///other?host=$PG_HOST&user=postgres"
"$bin" ingest --db "$other_uri" "${docs[0]}" 2>"$tmp/err"
rc=$?
cat "$tmp/err"
check "another application's database: exit 2, says so" \
	test $rc -eq 2 -a -n "$(grep 'not an aidtrace database' "$tmp/err")"
check "another application's database: untouched" \
	test "$(pg_psql other -tA -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" -eq 1

# ---- a password never shows in messages ----
secret_uri="postgresql://postgres:s3cr3t-a@/aidtrace?host=$PG_HOST&password=s3cr3t-b&application_name=t"
"$bin" ingest --verbose --db "$secret_uri" "${docs[0]}" 2>"$tmp/err"
"$bin" events --db "$secret_uri" --id e-none --explain 2>>"$tmp/err"
"$bin" events --db "postgresql://postgres:s3cr3t-c@/aidtrace?host=$tmp/nowhere&password=s3cr3t-d" \
	2>>"$tmp/err"
"$bin" ingest --db "$secret_uri" /no/such/file 2>>"$tmp/err"
cat "$tmp/err"
check "messages name the ledger" grep -q "postgresql://postgres@/aidtrace?host=.*&application_name=t" "$tmp/err"
check "messages never show the password" bash -c "! grep -q s3cr3t '$tmp/err'"

# ---- two roles, as the README sets them up: analysts read, ingesters write ----
pg_reset
pg_psql aidtrace -c "CREATE ROLE ingester LOGIN" \
	-c "GRANT CREATE, USAGE ON SCHEMA public TO ingester" \
	-c "CREATE ROLE analyst LOGIN" \
	-c "GRANT USAGE ON SCHEMA public TO analyst" \
	-c "ALTER DEFAULT PRIVILEGES FOR ROLE ingester IN SCHEMA public GRANT SELECT ON TABLES TO analyst" \
	>/dev/null
ro_uri="postgresql:///aidtrace?host=$PG_HOST&user=analyst"
rw_uri="postgresql:///aidtrace?host=$PG_HOST&user=ingester"
"$bin" ingest --quiet --db "$ro_uri" "${docs[@]}" 2>"$tmp/err"
check "read-only role on an empty database: ingest exits 2" test $? -eq 2
check "read-only role on an empty database: nothing created" \
	test "$(pg_psql aidtrace -tA -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" -eq 0
"$bin" ingest --quiet --db "$rw_uri" "${docs[@]}"
check "writer role: ingest creates the ledger" test $? -eq 0
check "writer role: the same ledger" cmp -s "$tmp/one.jsonl" <(ledger "$rw_uri")
check "read-only role: events" cmp -s "$tmp/one.jsonl" <(ledger "$ro_uri")
"$bin" report --db "$ro_uri" -o "$tmp/r.html" --generated test 2>"$tmp/err"
check "read-only role: report" grep -q "</html>" "$tmp/r.html"
snapshot() {
	pg_psql aidtrace -tA -c "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM doc_events),
		(SELECT count(*) FROM pending), md5(string_agg(id || json, '' ORDER BY id)) FROM events"
}
before=$(snapshot)
printf ' date 2024-05-01\nPoland sent 40 tanks to Ukraine, the Polish defence ministry said on Wednesday.\n' >"$tmp/new.txt"
"$bin" ingest --db "$ro_uri" "$tmp/new.txt" "${docs[0]}" 2>"$tmp/err"
rc=$?
cat "$tmp/err"
check "read-only role: ingest exits 2" test $rc -eq 2
check "read-only role: ingest says why" grep -q "role analyst may only read" "$tmp/err"
check "read-only role: ingest changed nothing" test "$before" = "$(snapshot)"
"$bin" ingest --quiet --db "$rw_uri" "$tmp/new.txt"
check "writer role: ingest of one more document" \
	test $? -eq 0 -a "$(count documents)" -eq $((${#docs[@]} + 1))

# ---- kill -9 mid-run, then run again ----
pg_reset
mkdir -p "$tmp/many"
for c in $(seq -w 1 12); do # copies under other names: other documents
	for f in "${docs[@]}"; do
		cp "$f" "$tmp/many/c$c-$(basename "$f")"
	done
done
total=$((12 * ${#docs[@]}))
"$bin" ingest --quiet --db "$tmp/many.db" "$tmp/many"
ledger "$tmp/many.db" >"$tmp/many.jsonl"
"$bin" ingest --quiet --batch 1 --db "$PG_URI" "$tmp/many" 2>/dev/null &
pk=$!
for _ in $(seq 1 600); do
	n=$(count documents 2>/dev/null || echo 0)
	((n >= 30)) && break
	sleep 0.02
done
kill -9 $pk 2>/dev/null
wait $pk 2>/dev/null
stored=$(count documents)
echo "killed with $stored of $total documents stored"
check "kill -9: killed mid-run" test "$stored" -lt "$total"
"$bin" events --db "$PG_URI" --format jsonl >/dev/null 2>"$tmp/err"
check "kill -9: events says the merge is unfinished" grep -q "interrupted before merging" "$tmp/err"
"$bin" ingest --quiet --db "$PG_URI" "$tmp/many"
check "kill -9, run again: the same ledger as one run" cmp -s "$tmp/many.jsonl" <(ledger "$PG_URI")
check "kill -9, run again: every document once" test "$(count documents)" -eq "$total"

echo "pg: $pass passed, $fail failed"
((fail == 0))
