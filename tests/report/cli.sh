#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# cli.sh — `aidtrace report` as a command: usage errors exit 2, a page from
# a file or from stdin, bad lines skipped with exit 1 and a message naming
# the line, --generated and SOURCE_DATE_EPOCH make the page reproducible,
# the Content-Security-Policy's hash is the script's.
#
#   tests/report/cli.sh AIDTRACE_BIN SOURCE_DIR
set -uo pipefail
BIN=$1
SRC=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/aidtrace-report-cli-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() { # expect WHAT WANTED_RC COMMAND...
	local what=$1 want=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	local rc=$?
	if [[ $rc == "$want" ]]; then
		echo "ok: $what"
	else
		echo "FAIL: $what: exit $rc, wanted $want"
		cat "$tmp/err"
		fail=1
	fi
}
ok() { # ok WHAT COMMAND...
	local what=$1
	shift
	if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fail=1; fi
}

expect "no --jsonl is a usage error" 2 "$BIN" report -o "$tmp/x.html"
expect "an unknown option is a usage error" 2 "$BIN" report --jsonl - --bogus
expect "a missing input file" 2 "$BIN" report --jsonl "$tmp/none.jsonl" -o "$tmp/x.html"

"$BIN" extract "$SRC"/examples/*.txt >"$tmp/ev.jsonl"
expect "a page from a file" 0 "$BIN" report --jsonl "$tmp/ev.jsonl" -o "$tmp/a.html" \
	--generated fixed
expect "the same page from stdin" 0 bash -c "'$BIN' report --jsonl - --generated fixed \
	<'$tmp/ev.jsonl' >'$tmp/b.html'"
ok "file and stdin give the same bytes" cmp -s "$tmp/a.html" "$tmp/b.html"
ok "the page ends" grep -q '</html>' "$tmp/a.html"
ok "the generated line is the caller's" grep -q 'generated <bdi>fixed</bdi>' "$tmp/a.html"
SOURCE_DATE_EPOCH=86400 "$BIN" report --jsonl "$tmp/ev.jsonl" -o "$tmp/c.html"
ok "SOURCE_DATE_EPOCH sets the generated time" grep -q 'generated <bdi>1970-01-02 00:00 UTC' \
	"$tmp/c.html"

# The page's one script must match the hash in its Content-Security-Policy,
# or browsers will not run it (the browser test sees that too, when chromium
# is installed; this check needs only coreutils).
script=$(sed -n 's|^<script>\(.*\)</script>$|\1|p' "$tmp/a.html")
hex=$(printf '%s' "$script" | sha256sum | cut -c1-64)
hash=$(printf "$(sed 's/../\\x&/g' <<<"$hex")" | base64 -w0)
ok "the script is on its own line" test -n "$script"
ok "the CSP names the script's sha256 ($hash)" grep -qF "script-src 'sha256-$hash'" "$tmp/a.html"

expect "bad lines: exit 1, page still written" 1 "$BIN" report \
	--jsonl "$SRC/tests/data/report/synthetic.jsonl" -o "$tmp/s.html"
ok "bad lines: the message names the first" grep -q 'synthetic.jsonl: line 7:' "$tmp/err"
ok "bad lines: the page has the good events" \
	test "$(grep -o '<tr id="ev-' "$tmp/s.html" | wc -l)" -eq 6

expect "an unwritable output" 2 "$BIN" report --jsonl "$tmp/ev.jsonl" -o "$tmp/no/such/dir.html"
exit $fail
