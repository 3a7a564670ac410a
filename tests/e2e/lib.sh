# SPDX-License-Identifier: MIT
# lib.sh — what the end-to-end scripts share (sourced): pass/fail counts and
# check NAME COMMAND..., which runs the command and prints "ok" or "FAIL".
pass=0 fail=0

check() {
	local name=$1
	shift
	if "$@"; then
		pass=$((pass + 1))
		echo "ok   $name"
	else
		fail=$((fail + 1))
		echo "FAIL $name"
	fi
}
