#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# install.sh — end-to-end: what `make install PREFIX=...` does (cmake
# --install BUILD --prefix PREFIX) into a temporary prefix: the binary, the
# lexicons, the man page, the header, the static library and its pkg-config
# file; the installed binary, run from / without AIDTRACE_DATA, finds its
# lexicons (also after the prefix is moved); the man page renders and names
# every option of the CLI; a program built with `pkg-config aidtrace` links
# and runs; `make uninstall` (scripts/uninstall.sh) removes every file.
#
#   tests/e2e/install.sh BUILD_DIR SRCDIR
set -uo pipefail
BUILD=$1
SRC=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
unset AIDTRACE_DATA
P=$tmp/prefix

cmake --install "$BUILD" --prefix "$P" >"$tmp/log" 2>&1
check "cmake --install" test $? -eq 0
for f in bin/aidtrace share/aidtrace/states.tsv share/aidtrace/places.tsv \
	share/aidtrace/rates.tsv share/man/man1/aidtrace.1 include/aidtrace.h lib/libaidtrace.a \
	lib/pkgconfig/aidtrace.pc; do
	check "installed $f" test -s "$P/$f"
done
check "every lexicon installed" test "$(ls "$SRC"/data/*.tsv | wc -l)" -eq "$(ls "$P"/share/aidtrace/*.tsv | wc -l)"

cp "$SRC/examples/03-turkey-somalia-vehicles.txt" "$tmp/article.txt"
(cd / && "$P/bin/aidtrace" extract "$tmp/article.txt" >"$tmp/out" 2>"$tmp/err")
check "installed binary from /: runs" test $? -eq 0
check "installed binary from /: finds its lexicons (events)" grep -q '"provider":{"name":"Turkey","code":"TUR"}' "$tmp/out"
check "installed binary: its data folder is the prefix's" \
	test "$(cd / && "$P/bin/aidtrace" version | sed -n 's/^data: //p')" = "$P/bin/../share/aidtrace"
mv "$P" "$tmp/moved"
(cd / && "$tmp/moved/bin/aidtrace" extract "$tmp/article.txt" >"$tmp/out2" 2>&1)
check "a moved prefix still finds its lexicons" cmp -s "$tmp/out" "$tmp/out2"
check "... in the moved prefix" test "$(cd / && "$tmp/moved/bin/aidtrace" version | sed -n 's/^data: //p')" = "$tmp/moved/bin/../share/aidtrace"
mv "$tmp/moved" "$P"

MANWIDTH=80 man -l "$P/share/man/man1/aidtrace.1" >"$tmp/man" 2>"$tmp/manerr"
check "man page renders" grep -q "aidtrace *- *a *ledger *of *military *aid" "$tmp/man"
check "man page: no roff warnings" test ! -s "$tmp/manerr"
missing=""
for o in $(grep -oh '"--[a-z-]*"' "$SRC"/src/cli/*.c | tr -d '"' | sort -u); do
	grep -qF -- "$o" "$tmp/man" || missing+=" $o"
done
check "man page names every option${missing:+ (missing:$missing)}" test -z "$missing"
for w in .warc.gz .arc .html .jsonl .ndjson "aidtrace help COMMAND"; do
	check "man page names $w" grep -qF -- "$w" "$tmp/man"
done

# a program built against the installed library (not for sanitizer builds,
# whose library needs the sanitizer runtime at link time)
if nm -A "$P/lib/libaidtrace.a" 2>/dev/null | grep '__asan\|__tsan' >/dev/null; then
	echo "skip pkg-config program (sanitizer build)"
else
	cat >"$tmp/prog.c" <<'C'
#include <aidtrace.h>
#include <stdio.h>
int main(void)
{
	at_ctx *ctx;
	char err[256];
	if (at_ctx_new(&ctx, at_default_datadir(), err, sizeof(err)) != 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	printf("aidtrace %s\n", AT_VERSION);
	at_ctx_free(ctx);
	return 0;
}
C
	# shellcheck disable=SC2046
	cc -std=c11 -o "$P/bin/prog" "$tmp/prog.c" \
		$(PKG_CONFIG_PATH=$P/lib/pkgconfig pkg-config --cflags --libs aidtrace) 2>"$tmp/ccerr"
	check "a program links with pkg-config aidtrace" test $? -eq 0
	check "... and runs from /, finding the lexicons" \
		test "$(cd / && "$P/bin/prog")" = "aidtrace $("$P/bin/aidtrace" version | head -1 | cut -d' ' -f2)"
	rm -f "$P/bin/prog"
fi

bash "$SRC/scripts/uninstall.sh" "$P" >/dev/null
left=$(find "$P" -type f | sed "s#^$P/##")
check "uninstall removes every file${left:+ (left: $left)}" test -z "$left"

echo "install: $pass passed, $fail failed"
((fail == 0))
