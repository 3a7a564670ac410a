#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# help.sh — end-to-end: every command of `aidtrace help` has a help text;
# `aidtrace COMMAND --help` and `aidtrace help COMMAND` print the same one;
# every option the CLI's sources parse ("--name" literals in src/cli/*.c)
# is in the help of some command, and each command's help names its own
# options; extract's and ingest's name every input form.
#
#   tests/e2e/help.sh PATH/TO/aidtrace SRCDIR
set -uo pipefail
BIN=$1
SRC=$2
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cmds=$("$BIN" help | awk '/^commands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}')
check "help lists commands" test -n "$cmds"
all=""
for c in $cmds; do
	a=$("$BIN" "$c" --help)
	b=$("$BIN" help "$c")
	check "$c: --help and help $c are the same" test "$a" = "$b"
	check "$c: help starts with its usage" test "${a:0:16}" = "usage: aidtrace "
	all+="$a"$'\n'
done

# each command's own options (what its parser accepts)
has() { # command, words...
	local c=$1 t w
	shift
	t=$("$BIN" help "$c")
	for w in "$@"; do
		grep -qF -- "$w" <<<"$t" || { echo "  $c: no $w"; return 1; }
	done
}
inputs=(.txt .jsonl .ndjson '"html"' .html .htm .xhtml .warc .warc.gz .arc .arc.gz folder "stdin")
check "extract: options and input forms" has extract --published --format jsonl table geojson \
	--data --rates --threads --quiet "${inputs[@]}"
check "ingest: options and input forms" has ingest --db --published --data --rates --batch \
	--wait --verbose --quiet "${inputs[@]}"
filters=(--db --type --provider --recipient --participant --since --until --status
	--min-sources --limit --id)
check "events: options" has events "${filters[@]}" --explain --format csv geojson --data
check "report: options" has report "${filters[@]}" --jsonl -o --title --generated
check "watch: options" has watch --feeds --archive --db --once --interval --delay --timeout \
	--max-page --archive-max --data --quiet
check "score: options" has score GOLD PRED --docs --format json --errors

# every option literal in the CLI's sources is documented somewhere
missing=""
for o in $(grep -oh '"--[a-z-]*"' "$SRC"/src/cli/*.c | tr -d '"' | sort -u); do
	grep -qF -- "$o" <<<"$all" || missing+=" $o"
done
check "every option in the sources is in a help text${missing:+ (missing:$missing)}" test -z "$missing"

"$BIN" help frobnicate >/dev/null 2>&1
check "help of an unknown command: exit 2" test $? -eq 2
echo "help: $pass passed, $fail failed"
((fail == 0))
