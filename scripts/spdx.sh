#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# spdx.sh — give every source file of the project its licence line,
# "SPDX-License-Identifier: MIT" (LICENSE), where it is missing; files that
# have one are left alone, so it can be re-run at any time (e.g. after
# merging branches that add files). The line goes first, in the file's own
# comment syntax: /* ... */ for C, # for shell, Python, CMake and make
# (after a #! line), .\" for roff. Source files are the tracked and new
# (not ignored) files: *.c *.h *.sh *.py *.cmake CMakeLists.txt Makefile
# *.1 *.pc.in.
#
#   scripts/spdx.sh           add the line where missing, name each file changed
#   scripts/spdx.sh --check   change nothing; list the files without it, exit 1 if any
set -euo pipefail
cd "$(dirname "$0")/.."
TAG='SPDX-License-Identifier: MIT'
check=0
[[ ${1:-} == --check ]] && check=1

mapfile -t files < <(git ls-files -co --exclude-standard -- '*.c' '*.h' '*.sh' '*.py' \
	'*.cmake' 'CMakeLists.txt' '*/CMakeLists.txt' 'Makefile' '*.1' '*.pc.in' | sort -u)
missing=0
for f in "${files[@]}"; do
	[[ -f $f ]] || continue
	head -n 3 -- "$f" | grep -q 'SPDX-License-Identifier:' && continue
	missing=$((missing + 1))
	if ((check)); then
		echo "$f: no SPDX-License-Identifier line (run scripts/spdx.sh)"
		continue
	fi
	case $f in
	*.c | *.h) line="/* $TAG */" ;;
	*.1) line=".\\\" $TAG" ;;
	*) line="# $TAG" ;;
	esac
	tmp=$(mktemp)
	if head -n 1 -- "$f" | grep -q '^#!'; then
		{ head -n 1 -- "$f"; printf '%s\n' "$line"; tail -n +2 -- "$f"; } >"$tmp"
	else
		{ printf '%s\n' "$line"; cat -- "$f"; } >"$tmp"
	fi
	cat "$tmp" >"$f" # keeps the file's mode
	rm -f "$tmp"
	echo "spdx: $f"
done
if ((check)); then
	((missing == 0)) || exit 1
	echo "spdx: ${#files[@]} files have their licence line"
fi
