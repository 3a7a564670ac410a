#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# checksrc.sh — bans C library calls that are easy to misuse (after curl's
# checksrc): unbounded string writes (strcpy, strcat, sprintf, vsprintf, gets),
# atoi/atol/atoll (no error detection: use strtol), and the non-reentrant
# gmtime/localtime/ctime/asctime/strtok (use the _r forms). snprintf and
# gmtime_r etc. are fine. Comments are not checked.
#
#   scripts/checksrc.sh [FILE...]    (default: every .c/.h under src/ include/ tools/ tests/ fuzz/ bench/)
#
# Prints file:line: call for each hit; exits 1 if there is any.
set -euo pipefail
cd "$(dirname "$0")/.."
BANNED='strcpy|strcat|sprintf|vsprintf|gets|atoi|atol|atoll|gmtime|localtime|ctime|asctime|strtok'

if (($#)); then
	files=("$@")
else
	mapfile -t files < <(find src include tools tests fuzz bench -name '*.[ch]' 2>/dev/null | sort)
fi

hits=0
for f in "${files[@]}"; do
	# Strip /* */ and // comments and string literals (line count preserved),
	# then look for a banned name used as a call.
	out=$(awk -v banned="$BANNED" '
	BEGIN { inc = 0 }
	{
		line = $0; res = ""
		i = 1
		while (i <= length(line)) {
			c = substr(line, i, 1); c2 = substr(line, i, 2)
			if (inc) {
				if (c2 == "*/") { inc = 0; i += 2 } else i++
				continue
			}
			if (c2 == "/*") { inc = 1; i += 2; continue }
			if (c2 == "//") break
			if (c == "\"" || c == "\047") {
				q = c; i++
				while (i <= length(line) && substr(line, i, 1) != q) {
					if (substr(line, i, 1) == "\\") i++
					i++
				}
				i++; res = res q q
				continue
			}
			res = res c; i++
		}
		re = "(^|[^A-Za-z0-9_])(" banned ")[ \t]*\\("
		if (match(res, re)) {
			call = substr(res, RSTART, RLENGTH)
			sub(/^[^A-Za-z_]/, "", call); sub(/[ \t]*\($/, "", call)
			printf "%s:%d: banned call %s(): %s\n", FILENAME, FNR, call, $0
		}
	}' "$f")
	if [[ -n $out ]]; then
		echo "$out"
		hits=$((hits + $(wc -l <<<"$out")))
	fi
done
if ((hits)); then
	echo "checksrc: $hits banned call(s) (see the list at the top of scripts/checksrc.sh)"
	exit 1
fi
echo "checksrc: ${#files[@]} files clean"
