#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# watch.sh — end-to-end: `aidtrace watch` against a real HTTP server on
# 127.0.0.1 (tests/watch/server.py, which logs every request) serving feeds
# and pages written here, a robots.txt forbidding /private/, a slow page, a
# broken feed, a 404, a PDF and a page over the size cap. It proves:
#   - the first pass archives and ingests every allowed page, and each bad
#     URL gets exactly one diagnostic naming it, the pass going on;
#   - the forbidden path is never requested;
#   - the archive passes the digest check (test_archive_verify) and reads
#     back through `aidtrace extract`; events point into it (--explain);
#   - a second pass (a restart) fetches no stored page again and polls the
#     feeds conditionally (304);
#   - a changed page (new date in its feed, new content) replaces its document;
#   - SIGTERM ends a running watch cleanly after the page in hand, and the
#     next run finishes the rest without fetching a stored page twice;
#     SIGINT during a slow page lets that page finish and be stored;
#   - requests to the host are --delay apart (server clock), the User-Agent
#     names aidtrace, gzip is asked for and archived as sent;
#   - into PostgreSQL (a throwaway cluster, when the server is installed):
#     the seen state works there too (a second pass fetches no page), and
#     the ledger equals the SQLite one of the same site, archive aside;
#   - usage and set-up errors exit 2.
# Nothing outside 127.0.0.1 is contacted.
#
#   tests/e2e/watch.sh PATH/TO/aidtrace DATADIR PATH/TO/test_archive_verify
set -uo pipefail
BIN=$1
DATA=$2
VERIFY=$3
export AIDTRACE_DATA=$DATA
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/aidtrace-watch.XXXXXX")
server_pid=
cleanup() {
	[[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null
	declare -F pg_stop >/dev/null && pg_stop
	rm -rf "$tmp"
}
trap cleanup EXIT
# shellcheck source=tests/e2e/lib.sh
source "$HERE/lib.sh"
command -v python3 >/dev/null || { echo "skip: no python3"; exit 77; }

site=$tmp/site
mkdir -p "$site"/{news,feeds,private,slow,gz,docs}

# ---- the site: articles written for this test -------------------------------
page() { # page FILE TITLE DATE BODY...
	local f=$1 t=$2 d=$3
	shift 3
	{
		printf '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
		printf '<title>%s | Example Defence Wire</title>\n' "$t"
		printf '<meta property="og:site_name" content="Example Defence Wire">\n'
		printf '<meta property="article:published_time" content="%sT09:00:00Z">\n' "$d"
		printf '</head><body><nav class="menu"><a href="/">Home</a> <a href="/world">World</a></nav>\n'
		printf '<article><h1>%s</h1>\n' "$t"
		for p in "$@"; do printf '<p>%s</p>\n' "$p"; done
		printf '</article><footer>Subscribe to our newsletter.</footer></body></html>\n'
	} >"$f"
}
page "$site/news/a1.html" "Germany hands over howitzers to Lithuania" 2024-03-04 \
	"Germany handed over 12 self-propelled howitzers to Lithuania on Monday, the Lithuanian defence ministry said." \
	"The guns arrived at a base near Rukla, officials said."
page "$site/news/a2.html" "Turkey delivers armoured vehicles to Somalia" 2024-05-13 \
	"Turkey delivered 20 armoured vehicles to Somalia on Monday, the Somali defence ministry said." \
	"The vehicles will be used by a brigade trained by Turkish officers."
page "$site/news/a3.html" "Japan and Australia hold air drills" 2024-07-08 \
	"Japan and Australia held joint air force drills over the Coral Sea on Monday, the Japanese defence ministry said."
page "$site/news/a4.html" "Poland sends tanks to Ukraine" 2024-02-05 \
	"Poland delivered 14 Leopard 2 tanks to Ukraine on Monday, the Polish defence minister said."
page "$site/gz/a5.html" "Norway gives air defence systems to Ukraine" 2024-09-02 \
	"Norway handed over two air defence systems to Ukraine on Monday, the Norwegian defence ministry said."
page "$site/news/a6.html" "Canada trains soldiers in Latvia" 2024-10-07 \
	"Canada deployed 300 soldiers to Latvia on Monday to train with the Latvian army, the Canadian defence department said."
page "$site/private/secret.html" "Not for robots" 2024-01-01 \
	"France delivered 6 Caesar howitzers to Armenia on Monday, the ministry said."
page "$site/slow/s1.html" "A slow page" 2024-01-02 \
	"Italy delivered 4 patrol boats to Tunisia on Monday, the ministry said."
head -c 200000 /dev/zero | tr '\0' 'x' | sed 's/^/<html><body><p>/' >"$site/news/big.html"
printf '%%PDF-1.4 not really a pdf\n' >"$site/docs/report.pdf"
printf 'User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n' >"$site/robots.txt"

rss() { # rss FILE ITEM-URL...  (an item date per URL: the second word)
	local f=$1
	shift
	{
		printf '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>\n'
		printf '<title>Example Defence Wire</title><link>http://127.0.0.1/</link>\n'
		while (($#)); do
			printf '<item><title>x</title><link>%s</link><pubDate>%s</pubDate></item>\n' "$1" "$2"
			shift 2
		done
		printf '</channel></rss>\n'
	} >"$f"
}
rss "$site/feeds/main.xml" \
	/news/a1.html "Mon, 04 Mar 2024 09:00:00 GMT" \
	/news/a2.html "Mon, 13 May 2024 09:00:00 GMT" \
	/private/secret.html "Mon, 01 Jan 2024 09:00:00 GMT" \
	/news/missing.html "Mon, 01 Jan 2024 09:00:00 GMT" \
	/docs/report.pdf "Mon, 01 Jan 2024 09:00:00 GMT" \
	/news/big.html "Mon, 01 Jan 2024 09:00:00 GMT"
cat >"$site/feeds/more.atom" <<'ATOM'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>More defence news</title>
  <entry><title>a</title><link rel="alternate" href="../news/a3.html"/><id>tag:x,1</id>
    <updated>2024-07-08T09:00:00Z</updated></entry>
  <entry><title>b</title><link href="/news/a4.html"/><id>tag:x,2</id>
    <updated>2024-02-05T09:00:00Z</updated></entry>
  <entry><title>c</title><link rel="alternate" href="/gz/a5.html"/><id>tag:x,3</id>
    <updated>2024-09-02T09:00:00Z</updated></entry>
  <entry><title>d</title><link rel="alternate" href="/moved/a6.html"/><id>tag:x,4</id>
    <updated>2024-10-07T09:00:00Z</updated></entry>
</feed>
ATOM
rss "$site/feeds/slow.xml" /slow/s1.html "Tue, 02 Jan 2024 09:00:00 GMT"
printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><item><link>/news/a1.html</link>\n</channel>\n' \
	>"$site/feeds/broken.xml"

python3 "$HERE/../watch/server.py" "$site" "$tmp/requests.log" "$tmp/port" &
server_pid=$!
for _ in $(seq 50); do [[ -s $tmp/port ]] && break; sleep 0.1; done
port=$(cat "$tmp/port")
base=http://127.0.0.1:$port
cat >"$tmp/feeds.txt" <<EOF2
# feeds for the test (comments and blank lines are skipped)

$base/feeds/main.xml
$base/feeds/more.atom   # an Atom feed
$base/feeds/broken.xml
$base/feeds/slow.xml
$base/feeds/gone.xml
EOF2

W=("$BIN" watch --feeds "$tmp/feeds.txt" --archive "$tmp/arch" --db "$tmp/w.db" --delay 0
	--timeout 1 --max-page 64K --once)

# ---- pass 1 -------------------------------------------------------------------
"${W[@]}" 2>"$tmp/pass1.err"
rc=$?
cat "$tmp/pass1.err"
check "pass 1 exits 1 (some URLs failed, the pass went on)" test $rc -eq 1
ones() { # the URL has exactly one diagnostic line
	[[ $(grep -c "^aidtrace: $1: " "$tmp/pass1.err") -eq 1 ]]
}
check "broken feed: one diagnostic" ones "$base/feeds/broken.xml"
check "404 feed: one diagnostic" ones "$base/feeds/gone.xml"
check "404 page: one diagnostic" ones "$base/news/missing.html"
check "slow page: one diagnostic (timed out)" \
	bash -c "ones() { :; }; grep -q '^aidtrace: $base/slow/s1.html: timed out' '$tmp/pass1.err'"
check "non-HTML page: one diagnostic" ones "$base/docs/report.pdf"
check "page over the cap: one diagnostic" ones "$base/news/big.html"
check "forbidden page: one diagnostic (robots.txt)" ones "$base/private/secret.html"
check "summary line: 5 feeds, 6 new pages" grep -q "watch pass 1: 5 feeds (0 not modified), 6 new pages" "$tmp/pass1.err"
check "the forbidden path is never requested" bash -c "! grep -q ' /private/' '$tmp/requests.log'"
check "robots.txt asked once" test "$(grep -c ' /robots.txt ' "$tmp/requests.log")" -eq 1
for p in /news/a1.html /news/a2.html /news/a3.html /news/a4.html /gz/a5.html /news/a6.html; do
	check "pass 1 fetched $p once" test "$(grep -c " $p " "$tmp/requests.log")" -eq 1
done
check "every archive record's digests match" "$VERIFY" "$tmp"/arch/*.warc.gz
"$VERIFY" "$tmp"/arch/*.warc.gz
"$BIN" events --db "$tmp/w.db" --format jsonl >"$tmp/ledger.jsonl"
check "the ledger has events of the pages" test "$(wc -l <"$tmp/ledger.jsonl")" -ge 4
check "ledger sources name the archive file and offset" \
	grep -q '"archive":{"file":"[^"]*\.warc\.gz","offset":[0-9]*}' "$tmp/ledger.jsonl"
id=$(grep -m1 'Leopard\|howitzers' "$tmp/ledger.jsonl" | cut -d'"' -f4)
"$BIN" events --db "$tmp/w.db" --id "$id" --explain >"$tmp/explain.txt"
check "--explain says where the page is kept" grep -q "kept in $tmp/arch/.*\.warc\.gz, record at byte [0-9]" "$tmp/explain.txt"
# the archive read back by extract: the same pages give the same events
"$BIN" extract "$tmp"/arch/*.warc.gz >"$tmp/extract.jsonl" 2>"$tmp/extract.err"
check "extract reads the archive back" test "$(cut -d'"' -f4 "$tmp/extract.jsonl" | sort -u | wc -l)" -ge 4
check "extract finds the events the ledger has (by document)" bash -c \
	"grep -o '\"doc\":\"[^\"]*\"' '$tmp/extract.jsonl' | sort -u >'$tmp/d1'; grep -o '\"doc\":\"[^\"]*\"' '$tmp/ledger.jsonl' | sort -u >'$tmp/d2'; cmp -s '$tmp/d1' '$tmp/d2'"

check "gzip asked for, archived as sent, read back" bash -c \
	"zcat '$tmp'/arch/*.warc.gz | grep -qa '^Content-Encoding: gzip' &&
	 zcat '$tmp'/arch/*.warc.gz | grep -qa '^Accept-Encoding: .*gzip' &&
	 grep -q '/gz/a5.html' '$tmp/extract.jsonl'"

# ---- pass 2: a restart ---------------------------------------------------------
before=$(wc -l <"$tmp/requests.log")
"${W[@]}" 2>"$tmp/pass2.err"
cat "$tmp/pass2.err"
tail -n +$((before + 1)) "$tmp/requests.log" >"$tmp/pass2.log"
cat "$tmp/pass2.log"
for p in /news/a1.html /news/a2.html /news/a3.html /news/a4.html /gz/a5.html /news/a6.html \
	/news/missing.html /docs/report.pdf /news/big.html /moved/a6.html; do
	check "pass 2 does not fetch $p again" bash -c "! grep -q ' $p ' '$tmp/pass2.log'"
done
check "pass 2: the settled feeds are asked conditionally and are not modified" bash -c \
	"grep ' /feeds/main.xml ' '$tmp/pass2.log' | grep -q 'cond=1 304' && grep ' /feeds/more.atom ' '$tmp/pass2.log' | grep -q 'cond=1 304'"
check "pass 2: the timed-out page is tried again (its feed polled in full)" bash -c \
	"grep -q ' /feeds/slow.xml cond=0 200' '$tmp/pass2.log' && grep -q '/slow/s1.html: timed out' '$tmp/pass2.err'"
check "pass 2: robots.txt is not asked again (kept a day)" bash -c "! grep -q ' /robots.txt ' '$tmp/pass2.log'"
check "pass 2: no new pages" grep -q "0 new pages, 0 changed" "$tmp/pass2.err"
check "the forbidden path is still never requested" bash -c "! grep -q ' /private/' '$tmp/requests.log'"

# ---- the feeds re-served in full (new bytes, same items): the seen state decides ----
printf '<!-- re-published -->\n' >>"$site/feeds/main.xml"
printf '<!-- re-published -->\n' >>"$site/feeds/more.atom"
before=$(wc -l <"$tmp/requests.log")
"${W[@]}" 2>"$tmp/pass2b.err"
tail -n +$((before + 1)) "$tmp/requests.log" >"$tmp/pass2b.log"
check "feeds changed, items not: both feeds fetched in full" \
	test "$(grep -cE ' /feeds/(main.xml|more.atom) cond=1 200' "$tmp/pass2b.log")" -eq 2
check "feeds changed, items not: no page fetched again" \
	bash -c "! grep -qE ' /(news|gz|moved|docs)/' '$tmp/pass2b.log'"

# ---- a changed page --------------------------------------------------------------
page "$site/news/a1.html" "Germany hands over howitzers to Lithuania" 2024-03-04 \
	"Germany handed over 18 self-propelled howitzers to Lithuania on Monday, the Lithuanian defence ministry said." \
	"The guns arrived at a base near Rukla, officials said."
rss "$site/feeds/main.xml" \
	/news/a1.html "Tue, 05 Mar 2024 10:00:00 GMT" \
	/news/a2.html "Mon, 13 May 2024 09:00:00 GMT" \
	/private/secret.html "Mon, 01 Jan 2024 09:00:00 GMT" \
	/news/missing.html "Mon, 01 Jan 2024 09:00:00 GMT" \
	/docs/report.pdf "Mon, 01 Jan 2024 09:00:00 GMT" \
	/news/big.html "Mon, 01 Jan 2024 09:00:00 GMT"
touch -d '+1 minute' "$site/feeds/main.xml" "$site/news/a1.html"
before=$(wc -l <"$tmp/requests.log")
"${W[@]}" 2>"$tmp/pass3.err"
cat "$tmp/pass3.err"
tail -n +$((before + 1)) "$tmp/requests.log" >"$tmp/pass3.log"
check "pass 3: the changed page is fetched (conditionally) once" \
	test "$(grep -c ' /news/a1.html cond=1 200' "$tmp/pass3.log")" -eq 1
check "pass 3: no other page is fetched" bash -c "! grep -E ' /(news|gz|moved)/' '$tmp/pass3.log' | grep -qv a1.html"
check "pass 3: one changed page" grep -q "0 new pages, 1 changed" "$tmp/pass3.err"
"$BIN" events --db "$tmp/w.db" --format jsonl >"$tmp/ledger3.jsonl"
check "the replaced document's events are the new ones (18, not 12)" bash -c \
	"grep -q '\"quantity\":18' '$tmp/ledger3.jsonl' && ! grep -q '\"quantity\":12' '$tmp/ledger3.jsonl'"
check "the archive still verifies" "$VERIFY" "$tmp"/arch/*.warc.gz

signal_and_wait() { # PID SIGNAL: its exit status, or 124 when it had to be killed after 15 s
	kill -"$2" "$1"
	for _ in $(seq 150); do
		kill -0 "$1" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$1" 2>/dev/null; then
		kill -KILL "$1"
		wait "$1"
		return 124
	fi
	wait "$1"
}

# ---- SIGTERM in the middle, then a restart ------------------------------------------
: >"$tmp/requests.log"
"$BIN" watch --feeds "$tmp/feeds.txt" --archive "$tmp/arch2" --db "$tmp/w2.db" --delay 0.5 \
	--timeout 1 --max-page 64K --interval 1h 2>"$tmp/term.err" &
wpid=$!
for _ in $(seq 300); do grep -q ' /news/a2.html ' "$tmp/requests.log" 2>/dev/null && break; sleep 0.1; done
t0=$SECONDS
signal_and_wait $wpid TERM
rc=$?
cat "$tmp/term.err"
check "SIGTERM: the watcher exits by itself, promptly ($((SECONDS - t0)) s)" test $((SECONDS - t0)) -le 5
check "SIGTERM: exit status 0 or 1, pass marked interrupted" bash -c \
	"[[ $rc -le 1 ]] && grep -q 'interrupted' '$tmp/term.err'"
apart() { # arrival times (the log is in answer order: sort them) at least $1 s apart
	grep -o ' t=[0-9.]*' "$tmp/requests.log" | cut -c4- | sort -n |
		awk -v d="$1" 'NR > 1 && $1 - last < d { bad = 1; print "too soon: " last " " $1 }
			{ last = $1 } END { exit bad }'
}
check "--delay 0.5: requests to the host at least 0.5 s apart" apart 0.49
check "the User-Agent names aidtrace and its version" bash -c \
	"! grep -v 'ua=aidtrace/[0-9][0-9.]*_' '$tmp/requests.log' | grep -q ."
check "SIGTERM: the archive so far verifies" "$VERIFY" "$tmp"/arch2/*.warc.gz
stored=$(sqlite3 "$tmp/w2.db" "SELECT count(*) FROM seen_pages WHERE archive IS NOT NULL")
check "SIGTERM: the pages fetched before are stored ($stored)" test "$stored" -ge 1
cp "$tmp/requests.log" "$tmp/term1.log"
"$BIN" watch --feeds "$tmp/feeds.txt" --archive "$tmp/arch2" --db "$tmp/w2.db" --delay 0 \
	--timeout 1 --max-page 64K --once 2>"$tmp/term2.err"
cat "$tmp/term2.err"
for p in /news/a1.html /news/a2.html /news/a3.html /news/a4.html /gz/a5.html /news/a6.html; do
	check "after the restart $p was fetched once in all" test "$(grep -c " $p " "$tmp/requests.log")" -eq 1
done
check "after the restart all 6 pages are stored" test \
	"$(sqlite3 "$tmp/w2.db" "SELECT count(*) FROM seen_pages WHERE archive IS NOT NULL")" -eq 6

# ---- SIGINT while a slow page is in flight: that page is finished and stored ----------
echo "$base/feeds/slow.xml" >"$tmp/slow-feeds.txt"
: >"$tmp/requests.log"
"$BIN" watch --feeds "$tmp/slow-feeds.txt" --archive "$tmp/arch4" --db "$tmp/w4.db" --delay 0 \
	--timeout 10 --interval 1h 2>"$tmp/int.err" &
wpid=$!
for _ in $(seq 300); do grep -q "^START /slow/s1.html" "$tmp/requests.log" && break; sleep 0.1; done
sleep 0.5 # the page is in flight (it takes 3 s)
signal_and_wait $wpid INT
rc=$?
cat "$tmp/int.err"
check "SIGINT during a page: exit 0 after finishing it" test $rc -eq 0
check "SIGINT during a page: the page in hand is stored" test \
	"$(sqlite3 "$tmp/w4.db" "SELECT count(*) FROM seen_pages WHERE url LIKE '%/slow/s1.html' AND archive IS NOT NULL")" -eq 1
check "SIGINT during a page: its archive verifies" "$VERIFY" "$tmp"/arch4/*.warc.gz

# ---- PostgreSQL: the same watch into a ledger on a throwaway server ------------------
# shellcheck source=tests/e2e/pg_lib.sh
source "$HERE/pg_lib.sh"
if why=$(pg_available); then
	pg_start "$tmp/pg" || fail_pg=1
	check "PostgreSQL: a throwaway server started" test -z "${fail_pg:-}"
	WP=("$BIN" watch --feeds "$tmp/feeds.txt" --delay 0 --timeout 1 --max-page 64K --once)
	: >"$tmp/requests.log"
	"${WP[@]}" --archive "$tmp/arch-pg" --db "$PG_URI" 2>"$tmp/pg1.err"
	rc=$?
	cat "$tmp/pg1.err"
	check "PostgreSQL pass 1: exit 1, 6 new pages" bash -c \
		"[[ $rc -eq 1 ]] && grep -q 'watch pass 1: 5 feeds (0 not modified), 6 new pages' '$tmp/pg1.err'"
	check "PostgreSQL: the forbidden path is never requested" bash -c "! grep -q ' /private/' '$tmp/requests.log'"
	check "PostgreSQL: the seen pages are in the server's tables" test \
		"$(pg_psql aidtrace -tAc "SELECT count(*) FROM seen_pages WHERE archive IS NOT NULL")" -eq 6
	: >"$tmp/requests.log"
	"${WP[@]}" --archive "$tmp/arch-pg" --db "$PG_URI" 2>"$tmp/pg2.err"
	cat "$tmp/pg2.err"
	check "PostgreSQL pass 2: no page fetched again" bash -c \
		"! grep -qE ' /(news|gz|moved|docs)/' '$tmp/requests.log' && grep -q '0 new pages, 0 changed' '$tmp/pg2.err'"
	check "PostgreSQL pass 2: robots.txt kept (not asked again)" bash -c "! grep -q ' /robots.txt ' '$tmp/requests.log'"
	check "PostgreSQL pass 2: the feeds asked conditionally, not modified" bash -c \
		"grep ' /feeds/main.xml ' '$tmp/requests.log' | grep -q 'cond=1 304'"
	"${WP[@]}" --archive "$tmp/arch-sq" --db "$tmp/w5.db" 2>/dev/null
	"$BIN" events --db "$PG_URI" --format jsonl >"$tmp/ledger-pg.jsonl"
	"$BIN" events --db "$tmp/w5.db" --format jsonl >"$tmp/ledger-sq.jsonl"
	check "PostgreSQL: the ledger's sources name the archive" \
		grep -q "\"archive\":{\"file\":\"$tmp/arch-pg/[^\"]*\.warc\.gz\",\"offset\":[0-9]*}" "$tmp/ledger-pg.jsonl"
	check "PostgreSQL: the same ledger as SQLite's (archive names aside)" bash -c \
		"[[ -s '$tmp/ledger-pg.jsonl' ]] && cmp <(sed 's/\"archive\":{[^}]*}//g' '$tmp/ledger-pg.jsonl') <(sed 's/\"archive\":{[^}]*}//g' '$tmp/ledger-sq.jsonl')"
	id=$(head -1 "$tmp/ledger-pg.jsonl" | cut -d'"' -f4)
	check "PostgreSQL: --explain says where the page is kept" bash -c \
		"'$BIN' events --db '$PG_URI' --id '$id' --explain | grep -q 'kept in $tmp/arch-pg/.*\.warc\.gz, record at byte [0-9]'"
	pg_stop
elif [[ ${CI:-} == true ]]; then
	check "PostgreSQL is required under CI=true: $why" false
else
	echo "skip the PostgreSQL part: $why"
fi

# ---- usage and set-up errors: exit 2 with a message ------------------------------------
usage2() { # the command exits 2 and says something on stderr
	"$@" >/dev/null 2>"$tmp/usage.err"
	[[ $? -eq 2 && -s $tmp/usage.err ]]
}
check "no --feeds: exit 2" usage2 "$BIN" watch --archive "$tmp/a3" --once
check "bad --interval: exit 2" usage2 "$BIN" watch --feeds "$tmp/feeds.txt" --archive "$tmp/a3" --interval soon
check "bad --delay: exit 2" usage2 "$BIN" watch --feeds "$tmp/feeds.txt" --archive "$tmp/a3" --delay -1
check "missing feeds file: exit 2" usage2 "$BIN" watch --feeds "$tmp/none.txt" --archive "$tmp/a3" --db "$tmp/w3.db" --once
check "archive is a file: exit 2, names it" bash -c \
	"'$BIN' watch --feeds '$tmp/feeds.txt' --archive '$tmp/feeds.txt' --db '$tmp/w3.db' --once 2>&1 >/dev/null | grep -q 'feeds.txt: not a folder'"
check "watch --help: exit 0" "$BIN" watch --help

echo "watch: $pass passed, $fail failed"
((fail == 0))
