#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench-watch.sh — `aidtrace watch` over a loopback site: 200 article pages in
# 10 RSS feeds, served by tests/watch/server.py on 127.0.0.1 (it logs every
# request). Measures a --once pass with --delay 0 (wall time, pages/s, peak
# RSS through /usr/bin/time -v, archive size against the pages' bytes), then
# a second pass (requests made, how many conditional, pages fetched).
#
#   scripts/bench-watch.sh [PATH/TO/aidtrace] [PAGES] [FEEDS]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/aidtrace}
PAGES=${2:-200}
FEEDS=${3:-10}
export AIDTRACE_DATA=${AIDTRACE_DATA:-$PWD/data}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/aidtrace-watch.XXXXXX")
server_pid=
trap '[[ -n $server_pid ]] && kill $server_pid 2>/dev/null; rm -rf "$tmp"' EXIT
site=$tmp/site
mkdir -p "$site/news" "$site/feeds"

python3 - "$site" "$PAGES" "$FEEDS" <<'PY'
import os, sys, random
site, pages, feeds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(7)
givers = ["Germany", "France", "Poland", "Turkey", "Japan", "Norway", "Canada", "Italy"]
takers = ["Ukraine", "Lithuania", "Somalia", "Latvia", "Estonia", "Moldova", "Georgia", "Tunisia"]
things = ["armoured vehicles", "howitzers", "patrol boats", "air defence systems",
          "trucks", "drones", "rifles", "radar stations"]
filler = ("The ministry gave no further details about the schedule. Officials said the "
          "equipment would be inspected on arrival and that crews had been trained abroad. "
          "Opposition lawmakers asked for a debate on the cost of the programme, which the "
          "government said was covered by this year's budget. ")
for i in range(pages):
    g, t, th = random.choice(givers), random.choice(takers), random.choice(things)
    n = random.randint(2, 60)
    paras = ["%s delivered %d %s to %s on Monday, the %s defence ministry said." % (g, n, th, t, t)]
    paras += [filler * random.randint(1, 3) for _ in range(random.randint(3, 8))]
    body = "".join("<p>%s</p>\n" % p for p in paras)
    html = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>%s sends %s to %s"
            "</title><meta property='article:published_time' content='2024-%02d-%02dT08:00:00Z'>"
            "</head><body><nav class='menu'><a href='/'>Home</a></nav><article><h1>%s sends %s "
            "to %s</h1>\n%s</article><footer>Newsletter</footer></body></html>\n"
            % (g, th, t, 1 + i % 12, 1 + i % 28, g, th, t, body))
    open(os.path.join(site, "news", "p%03d.html" % i), "w").write(html)
per = pages // feeds
for f in range(feeds):
    items = "".join("<item><title>p%d</title><link>/news/p%03d.html</link>"
                    "<pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate></item>\n" % (i, i)
                    for i in range(f * per, (f + 1) * per))
    open(os.path.join(site, "feeds", "f%02d.xml" % f), "w").write(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>feed %d</title>\n%s"
        "</channel></rss>\n" % (f, items))
open(os.path.join(site, "robots.txt"), "w").write("User-agent: *\nDisallow: /admin/\n")
PY

python3 tests/watch/server.py "$site" "$tmp/requests.log" "$tmp/port" &
server_pid=$!
for _ in $(seq 50); do [[ -s $tmp/port ]] && break; sleep 0.1; done
port=$(cat "$tmp/port")
for f in $(seq 0 $((FEEDS - 1))); do printf 'http://127.0.0.1:%s/feeds/f%02d.xml\n' "$port" "$f"; done >"$tmp/feeds.txt"

W=("$BIN" watch --feeds "$tmp/feeds.txt" --archive "$tmp/arch" --db "$tmp/w.db" --delay 0 --once)
${PREFIX:-} /usr/bin/time -v "${W[@]}" 2>"$tmp/pass1.err" || true
grep 'watch pass' "$tmp/pass1.err"
cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$tmp/pass1.err")
wall=$(grep 'Elapsed (wall clock)' "$tmp/pass1.err" | awk '{print $NF}')
rss=$(grep 'Maximum resident set size' "$tmp/pass1.err" | awk '{print $NF}')
secs=$(awk -v w="$wall" 'BEGIN { n = split(w, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }')
page_bytes=$(cat "$site"/news/*.html | wc -c)
arch_bytes=$(cat "$tmp"/arch/*.warc.gz | wc -c)
gz_pages=0
for f in "$site"/news/*.html; do gz_pages=$((gz_pages + $(gzip -c "$f" | wc -c))); done
fetched=$(grep -c ' /news/' "$tmp/requests.log")
echo "pass 1: $fetched pages fetched in ${secs} s wall ($(awk -v p="$fetched" -v s="$secs" 'BEGIN { printf "%.1f", p / s }') pages/s), peak RSS ${rss} KB, CPU ${cpu} s (user + system)"
echo "        pages ${page_bytes} bytes (${gz_pages} gzip'd one by one), archive ${arch_bytes} bytes ($(awk -v a="$arch_bytes" -v p="$page_bytes" 'BEGIN { printf "%.2f", a / p }') of the pages; feeds, requests and headers included)"
before=$(wc -l <"$tmp/requests.log")
"${W[@]}" 2>"$tmp/pass2.err" || true
grep 'watch pass' "$tmp/pass2.err"
tail -n +$((before + 1)) "$tmp/requests.log" >"$tmp/pass2.log"
echo "pass 2: $(wc -l <"$tmp/pass2.log") requests, $(grep -c 'cond=1' "$tmp/pass2.log") conditional, $(grep -c ' 304 ' "$tmp/pass2.log") answered 304, $(grep -c ' /news/' "$tmp/pass2.log") pages fetched"
