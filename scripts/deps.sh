#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# deps.sh — install the Debian packages aidtrace needs to build, test, fuzz
# and benchmark (chromium: the report's browser test renders the page;
# valgrind and clang: make test's valgrind and fuzz steps, which CI must
# run; postgresql, slurm-wlm and munge: the servers tests/e2e/pg.sh and
# slurm.sh start for themselves). This is the one list of packages; `make deps` runs it.
# Only missing packages are installed (apt-get as root, or through sudo).
# Then the browser test's driver, playwright-core, from npm (the version in
# tests/report/package-lock.json; Debian's nodejs and npm are installed first
# when there is no npm).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)

PACKAGES=(
	gcc libc6-dev make cmake pkg-config
	libjansson-dev libutf8proc-dev libcmocka-dev libsqlite3-dev sqlite3 zlib1g-dev libxml2-dev libstemmer-dev
	libpq-dev postgresql slurm-wlm munge
	nettle-dev libcurl4-openssl-dev python3
	valgrind time man-db
	clang libclang-rt-dev clang-format
	chromium
)

missing=()
for p in "${PACKAGES[@]}"; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	[[ "$status" == "install ok installed" ]] || missing+=("$p")
done

# npm: Debian's, unless the machine has one (a nodejs package that bundles it)
command -v npm >/dev/null || missing+=(nodejs npm)

playwright() {
	local dir=$ROOT/tests/report
	if [[ -f $dir/node_modules/playwright-core/package.json &&
		$dir/node_modules/.package-lock.json -nt $dir/package-lock.json ]]; then
		return 0
	fi
	echo "deps: npm ci in tests/report (playwright-core)"
	npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
}

if ((${#missing[@]} == 0)); then
	echo "deps: all ${#PACKAGES[@]} packages present"
	playwright
	exit 0
fi

echo "deps: installing ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
	SUDO=()
elif command -v sudo >/dev/null; then
	SUDO=(sudo)
else
	echo "deps: missing ${missing[*]}, and not root and no sudo" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q "${missing[@]}"
playwright
