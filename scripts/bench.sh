#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench.sh — throughput and memory of `aidtrace extract` on the Reuters-21578
# corpus (../shared/corpus/reuters21578.jsonl, when present; it is not part of
# the repository, so the bench skips without it). In one run it reports, for
# each input form:
#
#   - MB/s on one core (--threads 1) and with --threads 2,
#   - the ratio to a floor for "just reading the bytes": `grep -c .` on the
#     same bytes (`zcat | grep -c .` for gzip input, `grep -rc .` for a
#     folder),
#   - peak RSS (`/usr/bin/time -v`), and the events and diagnostics of a run.
#
# Input forms: the JSONL file itself, and two generated from it with python3
# into a temp folder: (a) a WARC.gz file, one gzip member per record
# (WARC/1.0 response records with HTTP headers and an HTML page), and (b) a
# folder of HTML pages (each story in a page with navigation and footer
# furniture). (a) and (b) are timed only when the aidtrace under test reads
# them: a one-story probe of each form must give an event, otherwise the line
# says "skipped: reader not available".
#
# Wall times are the median of RUNS (default 3) runs, measured with
# EPOCHREALTIME around `/usr/bin/time -v` (which gives the peak RSS). MB are
# 2^20 bytes of the input as stored (compressed for .warc.gz).
#
# Then `aidtrace ingest` of the corpus and of four copies of it (other ids,
# the same texts) into SQLite and, when a server can be started
# (tests/e2e/pg_lib.sh: a throwaway cluster, fsync on), into PostgreSQL with
# one and with two concurrent ingesters (odd and even lines): wall time,
# documents per second and per core-hour (one ingest process is one core),
# ledger events, and peak RSS, which must not grow with the corpus.
#
#   scripts/bench.sh [PATH/TO/aidtrace] [CORPUS.jsonl]
set -euo pipefail
LC_ALL=C # a dot for decimals in EPOCHREALTIME and awk
export LC_ALL
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$ROOT/build/aidtrace}
CORPUS=${2:-$ROOT/../shared/corpus/reuters21578.jsonl}
RUNS=${RUNS:-3}

if [[ ! -f $CORPUS ]]; then
	echo "bench: skipped: no corpus at $CORPUS"
	exit 0
fi
[[ -x $BIN ]] || { echo "bench: no binary at $BIN (run make)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time missing (make deps installs 'time')" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'declare -F pg_stop >/dev/null && pg_stop; rm -rf "$tmp"' EXIT

# timed NAME CMD... : runs CMD under /usr/bin/time -v (stdout to /dev/null);
# sets WALL (seconds) and RSS (MB). Exit status 1 (some inputs had errors)
# is still a valid run.
timed() {
	local name=$1
	shift
	local rc=0 t0=$EPOCHREALTIME
	/usr/bin/time -v -o "$tmp/$name.time" "$@" >/dev/null 2>"$tmp/$name.err" || rc=$?
	local t1=$EPOCHREALTIME
	if ((rc > 1)); then
		echo "bench: $name exited $rc" >&2
		tail -5 "$tmp/$name.err" >&2
		exit 1
	fi
	WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
	RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$tmp/$name.time")
}

# median NAME CMD...: RUNS timed runs (machines are shared and noisy); sets
# WALL to the median wall time and RSS to the largest peak.
median() {
	local name=$1
	shift
	local walls=() rss=0
	for ((r = 0; r < RUNS; r++)); do
		timed "$name" "$@"
		walls+=("$WALL")
		rss=$(awk -v a="$rss" -v b="$RSS" 'BEGIN { print (b > a ? b : a) }')
	done
	WALL=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ w[NR] = $1 } END { print w[int((NR + 1) / 2)] }')
	RSS=$rss
}

row() { # label wall rss mb [ratio-to]
	awk -v l="$1" -v w="$2" -v r="$3" -v mb="$4" -v base="${5:-0}" 'BEGIN {
		ratio = base > 0 ? sprintf("%.1fx", w / base) : ""
		printf "  %-34s %8.3f %9.1f %9s %12.1f\n", l, w, (w > 0 ? mb / w : 0), ratio, r
	}'
}

# bench_form TITLE INPUT MB FLOOR-LABEL FLOOR-CMD...: the floor, then
# aidtrace with one and two threads, and the events and diagnostics of a run.
bench_form() {
	local title=$1 input=$2 mb=$3 flabel=$4
	shift 4
	echo
	echo "$title"
	printf "  %-34s %8s %9s %9s %12s\n" "" "wall s" "MB/s" "vs floor" "peak RSS MB"
	median floor "$@"
	local fw=$WALL
	row "$flabel" "$WALL" "$RSS" "$mb"
	median t1 "$BIN" extract --quiet --threads 1 "$input"
	row "aidtrace extract --threads 1" "$WALL" "$RSS" "$mb" "$fw"
	median t2 "$BIN" extract --quiet --threads 2 "$input"
	row "aidtrace extract --threads 2" "$WALL" "$RSS" "$mb" "$fw"
	local events diags
	events=$("$BIN" extract --quiet "$input" 2>"$tmp/diag.err" | wc -l || true)
	diags=$(grep -c '^aidtrace: ' "$tmp/diag.err" || true)
	echo "  events extracted: $events   input diagnostics: $diags"
}

mb_of() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

# ---- 1. JSON lines --------------------------------------------------------
bytes=$(stat -c %s "$CORPUS")
cat "$CORPUS" >/dev/null # warm the page cache
echo "bench: $CORPUS ($(mb_of "$bytes") MB, $(wc -l <"$CORPUS") lines), $(nproc) cores, median of $RUNS runs"
bench_form "JSONL ($(mb_of "$bytes") MB)" "$CORPUS" "$(mb_of "$bytes")" "grep -c ." grep -c . "$CORPUS"

# ---- 2. ingest into SQLite and PostgreSQL -----------------------------------
ingest_row() { # LABEL DB INPUT...: one timed ingest into DB, a fresh ledger
	local label=$1 db=$2
	shift 2
	local docs
	docs=$(cat "$@" | wc -l)
	timed ingest "$BIN" ingest --quiet --db "$db" "$@"
	local events
	events=$("$BIN" events --db "$db" --format jsonl | wc -l)
	awk -v l="$label" -v w="$WALL" -v d="$docs" -v e="$events" -v r="$RSS" 'BEGIN {
		printf "  %-34s %8.2f %9d %9.0f %14.0f %7d %12.1f\n", l, w, d, d / w, d / w * 3600, e, r
	}'
}
x4=$tmp/x4.jsonl
for k in 1 2 3 4; do sed "s/^{\"id\": *\"/{\"id\": \"x$k-/" "$CORPUS"; done >"$x4"
echo
echo "ingest (one process unless said; peak RSS must not grow with the corpus)"
printf "  %-34s %8s %9s %9s %14s %7s %12s\n" "" "wall s" "docs" "docs/s" "docs/core-hour" \
	"events" "peak RSS MB"
ingest_row "SQLite, corpus" "$tmp/s1.db" "$CORPUS"
ingest_row "SQLite, 4x corpus" "$tmp/s4.db" "$x4"
source "$ROOT/tests/e2e/pg_lib.sh"
if why=$(pg_available) && PG_FSYNC=on pg_start "$tmp/pg" >/dev/null; then
	ingest_row "PostgreSQL, corpus" "$PG_URI" "$CORPUS"
	pg_reset
	ingest_row "PostgreSQL, 4x corpus" "$PG_URI" "$x4"
	pg_reset
	awk 'NR % 2' "$CORPUS" >"$tmp/odd.jsonl"
	awk '!(NR % 2)' "$CORPUS" >"$tmp/even.jsonl"
	t0=$EPOCHREALTIME
	"$BIN" ingest --quiet --db "$PG_URI" "$tmp/odd.jsonl" &
	p1=$!
	"$BIN" ingest --quiet --db "$PG_URI" "$tmp/even.jsonl" &
	p2=$!
	wait $p1 $p2 || true
	t1=$EPOCHREALTIME
	awk -v w="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" -v d="$(wc -l <"$CORPUS")" \
		-v e="$("$BIN" events --db "$PG_URI" --format jsonl | wc -l)" 'BEGIN {
		printf "  %-34s %8.2f %9d %9.0f %14.0f %7d %12s\n", "PostgreSQL, 2 ingesters at once", w, d,
			d / w, d / w * 3600 / 2, e, "-"
	}'
	pg_stop
else
	echo "  PostgreSQL: skipped: ${why:-the server did not start}"
fi

# ---- 3. generated WARC.gz and HTML folder ---------------------------------
if ! command -v python3 >/dev/null; then
	echo
	echo "WARC.gz, HTML: skipped: python3 not installed"
	exit 0
fi

# gen.py JSONL OUTDIR [LIMIT]: OUTDIR/corpus.warc.gz and OUTDIR/html/*.html
cat >"$tmp/gen.py" <<'EOF'
import gzip, html, json, os, sys, uuid

src, out = sys.argv[1], sys.argv[2]
limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
os.makedirs(os.path.join(out, "html"), exist_ok=True)

def page(d):
    title = html.escape(d.get("title") or d["id"])
    pub = d.get("published") or ""
    paras = [p.strip() for p in d["text"].replace("\n    ", "\n\n").split("\n\n")]
    body = "\n".join("<p>%s</p>" % html.escape(p).replace("\n", " ") for p in paras if p)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Example Ledger</title>
<meta property="article:published_time" content="{pub}">
<link rel="stylesheet" href="/static/site.css"></head>
<body>
<header><nav><a href="/">Front page</a> | <a href="/world">World</a> |
<a href="/markets">Markets</a> | <a href="/opinion">Opinion</a> | <a href="/login">Log in</a></nav></header>
<main><article>
<h1>{title}</h1>
<p class="byline">By the Example Ledger desk, <time datetime="{pub}">{pub}</time></p>
{body}
</article>
<aside><h2>More from the desk</h2><ul><li><a href="/a/1">Port traffic slows in the north</a></li>
<li><a href="/a/2">Grain prices steady after the rains</a></li></ul></aside></main>
<footer><p>Get the morning briefing in your inbox: sign up for our newsletter.</p>
<p>Copyright The Example Ledger. All rights reserved. Privacy policy | Terms of use</p></footer>
<script src="/static/site.js"></script>
</body></html>
"""

def record(headers, payload):
    head = "".join(f"{k}: {v}\r\n" for k, v in headers)
    return (f"WARC/1.0\r\n{head}Content-Length: {len(payload)}\r\n\r\n").encode() + payload + b"\r\n\r\n"

with open(src, encoding="utf-8") as f, open(os.path.join(out, "corpus.warc.gz"), "wb") as w:
    info = b"software: aidtrace bench generator\r\nformat: WARC File Format 1.0\r\n"
    w.write(gzip.compress(record([("WARC-Type", "warcinfo"), ("WARC-Date", "2024-01-01T00:00:00Z"),
                                  ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid4()}>"),
                                  ("Content-Type", "application/warc-fields")], info)))
    for n, line in enumerate(f):
        if limit is not None and n >= limit:
            break
        d = json.loads(line)
        doc = page(d).encode("utf-8")
        with open(os.path.join(out, "html", f"{n:05d}.html"), "wb") as h:
            h.write(doc)
        http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                f"Content-Length: {len(doc)}\r\n\r\n").encode() + doc
        date = (d.get("published") or "2000-01-01") + "T12:00:00Z"
        w.write(gzip.compress(record([("WARC-Type", "response"),
                                      ("WARC-Target-URI", f"https://ledger.example.org/{d['id']}.html"),
                                      ("WARC-Date", date),
                                      ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid4()}>"),
                                      ("Content-Type", "application/http; msgtype=response")], http)))
EOF

# A probe in each form: one story of our own that yields an aid event.
printf '%s\n' '{"id":"probe-1","published":"2022-05-06","title":"Tanks for Lithuania","text":"Germany handed over 20 Leopard 2 tanks to Lithuania on Friday, the defence ministry said."}' >"$tmp/probe.jsonl"
python3 "$tmp/gen.py" "$tmp/probe.jsonl" "$tmp/probe"
python3 "$tmp/gen.py" "$CORPUS" "$tmp/gen"

reads() { # does aidtrace read this form? (the probe gives an event)
	local n rc=0
	n=$("$BIN" extract --quiet --threads 1 "$1" 2>/dev/null | grep -c '"type":"aid"') || rc=$?
	((rc <= 1 && n > 0))
}

warc=$tmp/gen/corpus.warc.gz
wbytes=$(stat -c %s "$warc")
ubytes=$(zcat "$warc" | wc -c)
title="WARC.gz ($(mb_of "$wbytes") MB gzip, $(mb_of "$ubytes") MB of records)"
if reads "$tmp/probe/corpus.warc.gz"; then
	bench_form "$title" "$warc" "$(mb_of "$wbytes")" "zcat | grep -c ." \
		bash -c "zcat '$warc' | grep -c ."
else
	echo
	echo "$title: skipped: reader not available"
fi

hbytes=$(du -sb "$tmp/gen/html" | cut -f1)
title="HTML folder ($(ls "$tmp/gen/html" | wc -l) pages, $(mb_of "$hbytes") MB)"
if reads "$tmp/probe/html"; then
	bench_form "$title" "$tmp/gen/html" "$(mb_of "$hbytes")" "grep -rc ." \
		grep -rc . "$tmp/gen/html"
else
	echo
	echo "$title: skipped: reader not available"
fi
