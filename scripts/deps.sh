#!/usr/bin/env bash
# deps.sh — install the Debian packages aidtrace needs to build, test, fuzz
# and benchmark (chromium: the report's browser test renders the page). This is the one list of packages; `make deps` runs it.
# Only missing packages are installed (apt-get as root, or through sudo).
set -euo pipefail

PACKAGES=(
	gcc libc6-dev make cmake pkg-config
	libjansson-dev libutf8proc-dev libcmocka-dev libsqlite3-dev sqlite3 zlib1g-dev libxml2-dev libstemmer-dev
	nettle-dev libcurl4-openssl-dev python3
	valgrind time
	clang libclang-rt-dev clang-format
	chromium
)

missing=()
for p in "${PACKAGES[@]}"; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	[[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
	echo "deps: all ${#PACKAGES[@]} packages present"
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
