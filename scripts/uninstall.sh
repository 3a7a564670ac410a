#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# uninstall.sh PREFIX — what `make uninstall PREFIX=...` runs: removes the
# files `make install` put under PREFIX (DESTDIR is honoured): bin/aidtrace,
# share/aidtrace/*.tsv, the man page, the header, the static library and its
# pkg-config file; then the folders that are left empty.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${DESTDIR:-}${1:?usage: scripts/uninstall.sh PREFIX}
files=(bin/aidtrace share/man/man1/aidtrace.1 include/aidtrace.h lib/libaidtrace.a
	lib/pkgconfig/aidtrace.pc)
for f in data/*.tsv; do
	files+=("share/aidtrace/${f#data/}")
done
for f in "${files[@]}"; do
	if [[ -e $prefix/$f || -L $prefix/$f ]]; then
		rm -f -- "$prefix/$f"
		echo "-- Removed: $prefix/$f"
	fi
done
for d in share/aidtrace share/man/man1 share/man lib/pkgconfig; do
	rmdir -- "$prefix/$d" 2>/dev/null || true
done
