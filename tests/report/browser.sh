#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# browser.sh — the HTML report in a real browser (headless Chromium):
#   1. the demo report (the CLI on examples/*.txt): the DOM has the timeline,
#      the flow view and one table row per event; our inline script ran (so
#      the Content-Security-Policy hash matches it) and made the headings
#      sortable; then browser.mjs (playwright-core driving Debian's chromium)
#      uses the page as a person would: no console error, no network request,
#      a click on a heading reorders the rows, an event's sentences open, a
#      timeline mark's tooltip; its screenshot is compared loosely with
#      docs/report.png (and copied to SHOT when given);
#   2. a hostile page (tests/data/report/synthetic.jsonl plus a hostile
#      title): none of the injected scripts ran (the title and the body are
#      ours, no data-pwned attribute) and no injected element exists.
#
#   tests/report/browser.sh AIDTRACE_BIN SOURCE_DIR [SHOT.png]
#
# Exits 77 (ctest SKIP_RETURN_CODE) when Chromium, node or playwright-core
# is not installed; under CI (CI=true) that fails the test instead (1).
set -euo pipefail
BIN=$1
SRC=$2
SHOT=${3:-}

missing() { # what to install
	if [[ ${CI:-} == true ]]; then
		echo "FAIL: $1 (CI must run the browser test)"
		exit 1
	fi
	echo "SKIP: $1"
	exit 77
}
CHROME=$(command -v chromium || command -v chromium-browser || true)
[[ -n $CHROME ]] || missing "chromium is not installed: apt-get install chromium (make deps)"
command -v node >/dev/null || missing "node is not installed: apt-get install nodejs npm (make deps)"
[[ -f $SRC/tests/report/node_modules/playwright-core/package.json ]] ||
	missing "playwright-core is not installed: npm ci --prefix tests/report (make deps)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/aidtrace-browser-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # check DESCRIPTION COMMAND...
	local what=$1
	shift
	if "$@"; then
		echo "ok: $what"
	else
		echo "FAIL: $what"
		fail=1
	fi
}
# Few flags, few runs: the machine is small. A profile of our own so that
# parallel runs do not share one.
chrome() {
	timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu \
		--user-data-dir="$tmp/profile" --hide-scrollbars "$@" 2>>"$tmp/chrome.log"
}

# 1. The demo report.
"$BIN" ingest --quiet --db "$tmp/demo.db" "$SRC"/examples/*.txt
"$BIN" events --db "$tmp/demo.db" --format jsonl >"$tmp/demo.jsonl"
"$BIN" report --db "$tmp/demo.db" -o "$tmp/demo.html" \
	--title "aidtrace demo: the bundled example articles" --generated "(test run)"
chrome --dump-dom "file://$tmp/demo.html" >"$tmp/demo.dom"
events=$(grep -c . "$tmp/demo.jsonl")
rows=$(grep -o '<tr id="ev-' "$tmp/demo.dom" | wc -l)
check "the demo has events" test "$events" -gt 0
check "timeline present" grep -q '<svg id="timeline-svg"' "$tmp/demo.dom"
check "timeline marks, one per event" \
	test "$(grep -o '<a href="#ev-[^"]*" class="mk ' "$tmp/demo.dom" | wc -l)" -eq "$events"
check "flow view present" grep -q '<svg id="flow-svg"' "$tmp/demo.dom"
check "flow cells" grep -q '<g class="flow">' "$tmp/demo.dom"
check "table present" grep -q '<table id="event-table"' "$tmp/demo.dom"
check "one table row per event ($rows of $events)" test "$rows" -eq "$events"
check "conflicts section present" grep -q '<section id="conflicts">' "$tmp/demo.dom"
# [ru] the Russian examples' sentences come through as UTF-8 text
check "Russian sentences render as UTF-8" \
	grep -q 'безвозмездно передала Вооружённым силам Таджикистана' "$tmp/demo.dom"
check "our script ran (CSP hash matches)" grep -q '<html lang="en" data-script="ran">' "$tmp/demo.dom"
check "headings became sort buttons" grep -q '<th scope="col" data-type="num"><button type="button">Date</button>' "$tmp/demo.dom"

# As a person uses it (browser.mjs prints its own ok/FAIL lines).
check "the page in use (browser.mjs)" env CHROMIUM="$CHROME" timeout 300 node "$SRC/tests/report/browser.mjs" \
	"$tmp/demo.html" "$tmp/demo.jsonl" "$SRC/docs/report.png" "$tmp/demo.png"
check "screenshot is a PNG" bash -c "head -c 8 '$tmp/demo.png' | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a'"
if [[ -n $SHOT && -s $tmp/demo.png ]]; then
	cp "$tmp/demo.png" "$SHOT"
	echo "screenshot copied to $SHOT"
fi

# 2. A hostile page: every string of the input tries to break out or run.
title="Hostile <script>document.title='PWNED-title'</script>\"'><img src=x onerror=\"document.title='PWNED-t2'\">"
"$BIN" report --jsonl "$SRC/tests/data/report/synthetic.jsonl" -o "$tmp/hostile.html" \
	--title "$title" --generated "(test run)" 2>/dev/null || true
check "the hostile page was written" grep -q '</html>' "$tmp/hostile.html"
chrome --dump-dom "file://$tmp/hostile.html" >"$tmp/hostile.dom"
check "hostile: the DOM was dumped" grep -q '<table id="event-table"' "$tmp/hostile.dom"
check "hostile: document.title is ours" \
	grep -q '<title>Hostile &lt;script&gt;document.title=' "$tmp/hostile.dom"
check "hostile: no script changed the title" bash -c "! grep -q '<title>PWNED' '$tmp/hostile.dom'"
check "hostile: no script set data-pwned" bash -c "! grep -q 'data-pwned=\"' '$tmp/hostile.dom'"
check "hostile: one script element (ours)" test "$(grep -o '<script' "$tmp/hostile.dom" | wc -l)" -eq 1
for tag in img iframe svg\ onload style\>body b\>bold i\>value; do
	check "hostile: no injected <$tag" bash -c "! grep -q '<$tag' '$tmp/hostile.dom'"
done
check "hostile: no javascript: link" bash -c "! grep -qi 'href=\"javascript:' '$tmp/hostile.dom'"
check "hostile: our script still ran" grep -q 'data-script="ran"' "$tmp/hostile.dom"

if ((fail)); then
	echo "browser test FAILED; chromium's messages:"
	tail -20 "$tmp/chrome.log" || true
	exit 1
fi
echo "browser test: all checks passed"
