#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# warc.sh — end-to-end: the same article gives the same events whether it is
# a .txt file or a record of a web archive (a resource record, and an HTTP
# response with a chunked, gzip'd body, in a .warc.gz of a gzip member per
# record); the archive's documents carry their URL; and, when ../shared is
# beside the project, every archive in ../shared/corpus/warc (some broken on
# purpose) is read to the end with exit status 0 or 1, within a time limit.
# A 404 page, a PDF record and a broken record (a body that does not
# decompress) become no document: the first two silently, the third with one
# diagnostic naming the archive, the record's byte offset and its URL.
#
#   tests/e2e/warc.sh PATH/TO/aidtrace DATADIR [SHARED_WARC_DIR]
set -uo pipefail
BIN=$1
DATA=$2
SHARED=${3:-}
export AIDTRACE_DATA=$DATA
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# An article written for this test.
cat >"$tmp/story.txt" <<'TXT'
Germany hands over howitzers to Lithuania

Germany handed over 12 self-propelled howitzers to Lithuania on Monday, the
Lithuanian defence ministry said. The guns arrived at a base near Rukla.

Officials said training for the crews would start next month.
TXT

# The same article as a web page, with the furniture of a news site around it.
cat >"$tmp/story.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Germany hands over howitzers to Lithuania | Example Baltic News</title>
<meta property="og:site_name" content="Example Baltic News">
<meta property="article:published_time" content="2024-03-04T10:00:00Z">
</head><body>
<header><a href="/">Home</a> <a href="/defence">Defence</a> <a href="/world">World</a></header>
<nav class="menu"><a href="/a">Politics</a> <a href="/b">Business</a></nav>
<div class="cookie-notice">We use cookies. <a href="/privacy">Learn more</a></div>
<article>
<h1>Germany hands over howitzers to Lithuania</h1>
<div class="share-tools"><a href="#">Share</a> <a href="#">Email</a></div>
<p>Germany handed over 12 self-propelled howitzers to Lithuania on Monday, the
Lithuanian defence ministry said. The guns arrived at a base near Rukla.</p>
<div class="newsletter-signup"><p>Sign up for our newsletter and get the news every morning.</p></div>
<p>Officials said training for the crews would start next month.</p>
<aside class="related"><h2>More on this</h2><a href="/x">Latvia buys radars from France</a></aside>
</article>
<footer>Example Baltic News, all rights reserved.</footer>
</body></html>
HTML

record() { # type uri content-type file -> a WARC record on stdout
	local len
	len=$(wc -c <"$4")
	printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:test-%s>\r\n' "$1" "$RANDOM"
	printf 'WARC-Target-URI: %s\r\nWARC-Date: 2024-03-04T09:00:00Z\r\n' "$2"
	printf 'Content-Type: %s\r\nContent-Length: %s\r\n\r\n' "$3" "$len"
	cat "$4"
	printf '\r\n\r\n'
}

# an HTTP response: chunked (two chunks), gzip'd
gzip -9 -c "$tmp/story.txt" >"$tmp/body.gz"
size=$(wc -c <"$tmp/body.gz")
half=$((size / 2))
{
	printf 'HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n'
	printf 'Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n'
	printf '%x\r\n' "$half"
	head -c "$half" "$tmp/body.gz"
	printf '\r\n%x\r\n' $((size - half))
	tail -c $((size - half)) "$tmp/body.gz"
	printf '\r\n0\r\n\r\n'
} >"$tmp/http"
printf 'software: warc.sh\r\n' >"$tmp/info"
{
	record warcinfo "" application/warc-fields "$tmp/info" | gzip -c
	record resource "file:///story.txt" text/plain "$tmp/story.txt" | gzip -c
	record response "http://news.example/howitzers" "application/http; msgtype=response" \
		"$tmp/http" | gzip -c
} >"$tmp/crawl.warc.gz"
{
	printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'
	cat "$tmp/story.html"
} >"$tmp/http-html"
record response "http://news.example/howitzers.html" "application/http; msgtype=response" \
	"$tmp/http-html" | gzip -c >"$tmp/page.warc.gz"

"$BIN" extract --published 2024-03-04 "$tmp/story.txt" >"$tmp/txt.jsonl" 2>"$tmp/err"
check "txt: events found" test -s "$tmp/txt.jsonl"
rc=0
"$BIN" extract --published 2024-03-04 "$tmp/crawl.warc.gz" >"$tmp/warc.jsonl" 2>"$tmp/err" || rc=$?
check "warc.gz: exit 0, no diagnostics" test "$rc" -eq 0 -a ! -s "$tmp/err"

# the fields that must agree, one line per event
fields() {
	sqlite3 -batch :memory: "select json_extract(value, '\$.type') || ' ' ||
		ifnull(json_extract(value, '\$.provider.code'), '-') || ' ' ||
		ifnull(json_extract(value, '\$.recipient.code'), '-') || ' ' ||
		json_extract(value, '\$.status') || ' ' ||
		ifnull(json_extract(value, '\$.items'), '[]') || ' ' ||
		ifnull(json_extract(value, '\$.when'), '-')
		from json_each('[' || replace(trim(readfile('$1'), char(10)), char(10), ',') || ']')"
}
fields "$tmp/txt.jsonl" >"$tmp/txt.f"
fields "$tmp/warc.jsonl" >"$tmp/warc.f"
check "warc.gz: two records, each with the events of the .txt" \
	cmp -s <(cat "$tmp/txt.f" "$tmp/txt.f") "$tmp/warc.f"
check "warc.gz: events name their record's URL" \
	grep -q '"doc":"http://news.example/howitzers"' "$tmp/warc.jsonl"

# the page: as an .html file and as an archived response
"$BIN" extract "$tmp/story.html" >"$tmp/html.jsonl" 2>"$tmp/err"
fields "$tmp/html.jsonl" >"$tmp/html.f"
check "html: the events of the .txt, furniture ignored" cmp -s "$tmp/txt.f" "$tmp/html.f"
"$BIN" extract "$tmp/page.warc.gz" >"$tmp/pw.jsonl" 2>"$tmp/err"
fields "$tmp/pw.jsonl" >"$tmp/pw.f"
check "html in a warc.gz: the events of the .txt" cmp -s "$tmp/txt.f" "$tmp/pw.f"
# offsets point into the page: the first source's bytes hold its sentence's start
read -r s e < <(sqlite3 -batch -separator " " :memory: "select json_extract(value, '\$.sources[0].start'),
	json_extract(value, '\$.sources[0].end') from json_each('[' ||
	replace(trim(readfile('$tmp/html.jsonl'), char(10)), char(10), ',') || ']') limit 1")
check "html: offsets point into the page" \
	grep -q "howitzers" <(tail -c +$((s + 1)) "$tmp/story.html" | head -c $((e - s)))

# A broken archive beside a good file: the good one is read, the bad named.
head -c 700 "$tmp/crawl.warc.gz" >"$tmp/cut.warc.gz"
rc=0
"$BIN" extract "$tmp/cut.warc.gz" "$tmp/story.txt" >"$tmp/out" 2>"$tmp/err" || rc=$?
check "a cut archive: exit 1, named with a byte offset" \
	test "$rc" -eq 1 -a -n "$(grep 'cut.warc.gz: byte' "$tmp/err")"
check "a cut archive: the next file is still read" grep -q '"doc":"story.txt"' "$tmp/out"

# Records that must not become documents, each holding a sentence that
# would give an event if it were read: a 404 page, a non-text (PDF) record,
# and a broken record (a gzip body that does not decompress), between two
# good records. The 404 and the PDF are skipped without a word; the broken
# record gets one diagnostic with the archive, its byte offset and its URL.
decoy="Norway handed over 30 howitzers to Estonia on Tuesday, the ministry said."
{
	printf 'HTTP/1.1 404 Not Found\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'
	printf '<html><head><title>Not found</title></head><body><h1>Page not found</h1>'
	printf '<p>%s</p></body></html>' "$decoy"
} >"$tmp/http-404"
printf '%%PDF-1.4\n%s\n%%%%EOF\n' "$decoy" >"$tmp/doc.pdf"
{
	printf 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n\r\n'
	printf '\x1f\x8b\x08\x00garbage, not deflate data: %s' "$decoy"
} >"$tmp/http-broken"
sed 's/Lithuania/Latvia/g; s/Rukla/Adazi/g' "$tmp/story.txt" >"$tmp/story2.txt"
{
	record resource "file:///story.txt" text/plain "$tmp/story.txt"
	record response "http://news.example/missing" "application/http; msgtype=response" "$tmp/http-404"
	record resource "http://news.example/report.pdf" application/pdf "$tmp/doc.pdf"
} >"$tmp/mixed.warc"
broken_at=$(wc -c <"$tmp/mixed.warc")
{
	record response "http://news.example/broken" "application/http; msgtype=response" "$tmp/http-broken"
	record resource "file:///story2.txt" text/plain "$tmp/story2.txt"
} >>"$tmp/mixed.warc"
rc=0
"$BIN" extract --published 2024-03-04 "$tmp/mixed.warc" >"$tmp/mixed.jsonl" 2>"$tmp/err" || rc=$?
check "mixed archive: exit 1 (one broken record)" test "$rc" -eq 1
check "mixed archive: one diagnostic" test "$(wc -l <"$tmp/err")" -eq 1
check "mixed archive: it names the archive, the record's byte offset and URL" \
	grep -q "mixed.warc: byte $broken_at: .*http://news.example/broken" "$tmp/err"
check "mixed archive: it says the body does not decompress and was skipped" \
	grep -q "gzip body of http://news.example/broken does not decompress; skipped" "$tmp/err"
check "mixed archive: events only from the two good records" \
	test "$(grep -o '"doc":"[^"]*"' "$tmp/mixed.jsonl" | sort -u | tr '\n' ' ')" = \
	'"doc":"file:///story.txt" "doc":"file:///story2.txt" '
check "mixed archive: nothing from the 404, the PDF or the broken record" \
	bash -c "! grep -q 'Norway\|NOR\|Estonia' '$tmp/mixed.jsonl'"
check "mixed archive: the record after the broken one is read (LVA)" \
	grep -q '"recipient":{"name":"Latvia","code":"LVA"}' "$tmp/mixed.jsonl"
# the same records, each alone: the 404 and the PDF give no document at all
for what in 404:http-404 pdf:doc.pdf; do
	name=${what%%:*} file=${what#*:}
	if [[ $name == 404 ]]; then
		record response "http://news.example/missing" "application/http; msgtype=response" \
			"$tmp/$file" >"$tmp/only.warc"
	else
		record resource "http://news.example/report.pdf" application/pdf "$tmp/$file" >"$tmp/only.warc"
	fi
	rc=0
	"$BIN" ingest --db "$tmp/only-$name.db" "$tmp/only.warc" >/dev/null 2>"$tmp/err" || rc=$?
	check "the $name record alone: exit 0, no document stored" \
		test "$rc" -eq 0 -a "$(sqlite3 "$tmp/only-$name.db" 'SELECT count(*) FROM documents')" = 0
done

# The archives in ../shared (optional): read to the end, no crash, no hang.
if [[ -n $SHARED && -d $SHARED ]]; then
	for f in "$SHARED"/*; do
		rc=0
		timeout 60 "$BIN" extract --quiet "$f" >/dev/null 2>"$tmp/err" || rc=$?
		check "$(basename "$f"): exit 0 or 1 ($(wc -l <"$tmp/err") diagnostics)" \
			test "$rc" -le 1
	done
else
	echo "skip the shared archives (not beside the project)"
fi

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
