# SPDX-License-Identifier: MIT
# lib.sh — what the end-to-end scripts share (sourced): pass/fail counts and
# check NAME COMMAND..., which runs the command and prints "ok" or "FAIL";
# gen N OFFSET, documents for the ledger tests (store.sh, crash.sh).
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

# N documents as JSON lines, written for this test: deliveries, pledges and
# drills between varying states, with filler text (awk, so no Python needed).
gen() { # n offset
	awk -v n="$1" -v off="$2" 'BEGIN {
		split("Poland Germany France Turkey Japan India Brazil Canada Norway Spain", giver, " ")
		split("Ukraine Moldova Georgia Jordan Kenya Ghana Peru Chile Nepal Oman", taker, " ")
		split("tanks|armoured vehicles|howitzers|drones|helicopters|radars", item, "|")
		for (i = off; i < off + n; i++) {
			g = giver[i % 10 + 1]; t = taker[int(i / 10) % 10 + 1]; it = item[i % 6 + 1]
			m = i % 12 + 1; d = i % 27 + 1
			if (i % 3 == 0)
				s = g " delivered " (i % 40 + 2) " " it " to " t " on Monday, officials said."
			else if (i % 3 == 1)
				s = g " will send " (i % 40 + 2) " " it " to " t " next year, the ministry said."
			else
				s = "The central bank of " t " kept its main rate at " (i % 9) " percent on Monday."
			printf "{\"id\":\"doc-%06d\",\"published\":\"2022-%02d-%02d\",\"text\":\"Story %d\\n\\n%s Trade talks continued in the capital, where ministers discussed tariffs, ports and the grain harvest of the year.\"}\n", i, m, d, i, s
		}
	}'
}

