#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# threads.sh — end-to-end: `aidtrace extract --threads N` writes the same
# bytes on stdout and stderr, with the same exit status, for N = 1 and N = 4,
# on a generated multi-document JSONL file (long and short documents, bad
# lines among them) and on the examples/ folder; stdout holds only events.
#
#   tests/e2e/threads.sh PATH/TO/aidtrace DATADIR EXAMPLES_DIR
set -uo pipefail
BIN=$1
DATA=$2
EXAMPLES=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# A corpus written for this test: 400 documents, every 9th long, a malformed
# line every 50.
awk 'BEGIN {
	s[0] = "Germany handed over 20 Leopard 2 tanks to Lithuania on Friday."
	s[1] = "France delivered 10 armoured vehicles to Niger on Monday."
	s[2] = "The harbour board met to discuss the price of fish."
	s[3] = "Japan will provide radar equipment to the Philippines, officials said."
	s[4] = "Troops from Poland and Estonia began joint drills near Tapa on Tuesday."
	for (i = 0; i < 400; i++) {
		if (i % 50 == 17) { printf "{\"id\": \"broken-%d\", \"text\": \n", i; continue }
		reps = i % 9 == 0 ? 300 : 1 + i % 4
		text = ""
		for (r = 0; r < reps; r++) text = text s[(i + r) % 5] "\\n\\n"
		printf "{\"id\":\"g%03d\",\"published\":\"2023-0%d-1%d\",\"text\":\"%s\"}\n", i, 1 + i % 9, i % 10, text
	}
}' >"$tmp/corpus.jsonl"

run() { # name, args... → $tmp/name.{out,err,rc}
	local name=$1
	shift
	local rc=0
	"$BIN" extract --data "$DATA" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" </dev/null || rc=$?
	echo "$rc" >"$tmp/$name.rc"
}

same() { # a b: identical stdout, stderr and exit status
	cmp -s "$tmp/$1.out" "$tmp/$2.out" && cmp -s "$tmp/$1.err" "$tmp/$2.err" &&
		cmp -s "$tmp/$1.rc" "$tmp/$2.rc"
}

run c1 --threads 1 "$tmp/corpus.jsonl"
run c4 --threads 4 "$tmp/corpus.jsonl"
run c2 --threads 2 --quiet "$tmp/corpus.jsonl"
check "generated JSONL: events found" test "$(wc -l <"$tmp/c1.out")" -gt 100
check "generated JSONL: bad lines reported (exit 1, 8 diagnostics)" \
	test "$(cat "$tmp/c1.rc")" -eq 1 -a "$(grep -c '^aidtrace: ' "$tmp/c1.err")" -eq 8
check "generated JSONL: --threads 4 output identical to --threads 1" same c1 c4
check "generated JSONL: --threads 2 --quiet output identical to --threads 1" same c1 c2
# input order, on every output (the same bytes should make this redundant;
# it is not when the comparison itself is what broke)
for n in 1 2 4; do
	check "generated JSONL: --threads $n: documents in input order" \
		bash -c "grep -o '\"doc\":\"g[0-9]*\"' '$tmp/c$n.out' | uniq | sort -c"
	check "generated JSONL: --threads $n: every document with a German, French or Polish act is there" \
		cmp -s <(grep -o '"doc":"g[0-9]*"' "$tmp/c$n.out" | uniq | cut -d'"' -f4) \
		<(grep 'Germany\|France\|Poland' "$tmp/corpus.jsonl" | grep -o '^{"id":"g[0-9]*"' | cut -d'"' -f4)
done
check "generated JSONL: stdout holds only JSON lines" \
	bash -c "! grep -v '^{\"id\":' '$tmp/c4.out'"
check "stderr not a terminal: no progress line" bash -c "! grep -q 'docs/s' '$tmp/c4.err'"

run e1 --threads 1 "$EXAMPLES"
run e4 --threads 4 "$EXAMPLES"
check "examples/: events found" test -s "$tmp/e1.out"
check "examples/: --threads 4 output identical to --threads 1" same e1 e4

# web pages: parsed by the worker threads, the same output
mkdir -p "$tmp/pages"
for i in $(seq 1 40); do
	{
		printf '<!DOCTYPE html><html><head><title>Page %d</title>' "$i"
		printf '<meta property="article:published_time" content="2023-05-%02dT08:00:00Z">' $((1 + i % 28))
		printf '</head><body><nav><a href="/">Home</a></nav><article><h1>Story %d</h1>' "$i"
		printf '<p>Germany handed over %d armoured vehicles to Lithuania &amp; Latvia on Friday.</p>' "$i"
		printf '<div class="share"><a href="#">Share</a></div>'
		printf '<p>Troops from Poland and Estonia began joint drills near Tapa on Tuesday.</p>'
		printf '</article></body></html>\n'
	} >"$tmp/pages/p$(printf %03d "$i").html"
done
printf '<html>\x01\xff<<<' >"$tmp/pages/p999.html"
run h1 --threads 1 "$tmp/pages"
run h4 --threads 4 "$tmp/pages"
check "HTML pages: events found" test "$(wc -l <"$tmp/h1.out")" -ge 40
check "HTML pages: --threads 4 output identical to --threads 1" same h1 h4

# the same corpus read from stdin
rc=0
"$BIN" extract --data "$DATA" --threads 3 - <"$tmp/corpus.jsonl" >"$tmp/s3.out" 2>"$tmp/s3.err" || rc=$?
check "stdin: --threads 3 output identical to the file with --threads 1" \
	cmp -s "$tmp/s3.out" "$tmp/c1.out"
check "stdin: exit 1 for the bad lines, as from the file" test "$rc" -eq "$(cat "$tmp/c1.rc")" -a "$rc" -eq 1
check "stdin: the same 8 diagnostics, with the same lines" \
	cmp -s <(grep -o 'line [0-9]*' "$tmp/s3.err") <(grep -o 'line [0-9]*' "$tmp/c1.err")
check "stdin: 8 diagnostics" test "$(grep -c '^aidtrace: ' "$tmp/s3.err")" -eq 8

rc=0
"$BIN" extract --data "$DATA" --threads 0 "$EXAMPLES" >/dev/null 2>"$tmp/err" || rc=$?
check "usage error, --threads 0: exit status 2" test "$rc" -eq 2

echo "e2e threads: $pass passed, $fail failed"
((fail == 0))
