#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# readme.sh — the README cannot drift: every command in a ```sh or
# ```console block of README.md is run, in order, in one shell, in a
# scratch folder that links the project's examples/, fuzz/ and tests/ and
# has build/aidtrace as the binary under test. A `make` command is run as a
# dry run (`make -n` in the source tree: the target must exist and expand).
# In a console block, the lines after a `$ command` are its output, checked
# line by line (trailing spaces aside) unless the command ends with a
# "# shortened" comment. Every command must exit 0.
#
#   tests/e2e/readme.sh PATH/TO/aidtrace SRCDIR
#   README_UPDATE=1 tests/e2e/readme.sh build/aidtrace .   (after a change of the
#       engine's output: writes the commands' output into README.md's blocks)
set -uo pipefail
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/box/build"
ln -s "$BIN" "$tmp/box/build/aidtrace"
for d in examples fuzz tests docs; do ln -s "$SRC/$d" "$tmp/box/$d"; done
export AIDTRACE_DATA=$SRC/data

python3 - "$SRC/README.md" "$tmp" "$SRC" <<'PY'
import os, re, shlex, subprocess, sys
readme, tmp, src = sys.argv[1:4]
steps = []  # (kind, command, expected lines or None)
lang, block = None, []
lines = open(readme, encoding="utf-8").read().split("\n")
where = {}  # step index -> (first, end) line numbers of its shown output
for ln, line in enumerate(lines):
    m = re.match(r"^```(\w*)\s*$", line)
    if m and lang is None:
        lang, block, start = m.group(1) or "-", [], ln + 1
        continue
    if m and lang is not None:
        if lang == "sh":
            cmd = ""
            for l in block:
                cmd += l[:-1] + " " if l.endswith("\\") else l
                if l.endswith("\\"):
                    continue
                if cmd.strip() and not cmd.strip().startswith("#"):
                    steps.append(("sh", cmd.strip(), None))
                cmd = ""
        elif lang == "console":
            i = 0
            while i < len(block):
                l = block[i]
                if not l.startswith("$ "):
                    print("README: output without a command: " + l)
                    sys.exit(1)
                cmd = l[2:]
                while cmd.endswith("\\") and i + 1 < len(block):
                    i += 1
                    cmd = cmd[:-1] + " " + block[i].strip()
                i += 1
                out, first = [], start + i
                while i < len(block) and not block[i].startswith("$ "):
                    out.append(block[i].rstrip())
                    i += 1
                where[len(steps)] = (first, start + i)
                steps.append(("console", cmd, None if "# shortened" in cmd else out))
        lang = None
        continue
    if lang is not None:
        block.append(line)

# one shell runs them all, each command's output and status in files
script = ["cd " + shlex.quote(tmp + "/box")]
for n, (kind, cmd, _) in enumerate(steps):
    if re.match(r"^make(\s|$)", cmd):
        cmd = "make --no-print-directory -n -C %s %s" % (shlex.quote(src), cmd[4:].strip())
    script.append("{ %s\n} > %s/%d.out 2>&1; echo $? > %s/%d.rc" % (cmd, tmp, n, tmp, n))
open(tmp + "/run.sh", "w").write("\n".join(script) + "\n")
subprocess.run(["bash", tmp + "/run.sh"])
fail = 0
for n, (kind, cmd, want) in enumerate(steps):
    rc = open("%s/%d.rc" % (tmp, n)).read().strip()
    got = [l.rstrip() for l in open("%s/%d.out" % (tmp, n), encoding="utf-8", errors="replace").read().rstrip("\n").split("\n")]
    if got == [""]:
        got = []
    ok = rc == "0" and (want is None or got == want)
    print("%s %s" % ("ok  " if ok else "FAIL", cmd[:110]))
    if not ok:
        fail += 1
        print("     exit status " + rc)
        if want is not None and got != want:
            print("     README says:")
            for l in want:
                print("       | " + l)
            print("     the command printed:")
            for l in got:
                print("       | " + l)
if os.environ.get("README_UPDATE"):
    for n in sorted(where, reverse=True):
        kind, cmd, want = steps[n]
        if want is None:
            continue
        got = [l.rstrip() for l in open("%s/%d.out" % (tmp, n), encoding="utf-8").read().rstrip("\n").split("\n")]
        a, z = where[n]
        lines[a:z] = [] if got == [""] else got
    open(readme, "w", encoding="utf-8").write("\n".join(lines))
    print("readme: outputs written into " + readme)
    sys.exit(0)
print("readme: %d commands, %d failed" % (len(steps), fail))
sys.exit(1 if fail or not steps else 0)
PY
