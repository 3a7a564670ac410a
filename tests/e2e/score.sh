#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# score.sh — end-to-end: `aidtrace score` on the CLI (usage errors, a bad
# line named with file and line, the same figures from a file and from
# stdin, --errors), and, when ../shared is beside the project with its gold
# sets and score.py, on each gold set (seeds, dev, train, train-ru): the
# documents are extracted as the reference run does (one JSONL line per
# document with its id, url, published date and text), and `aidtrace score
# --format json` must print the same figures as `score.py --json`.
#
#   tests/e2e/score.sh PATH/TO/aidtrace DATADIR [SHARED_DIR]
set -uo pipefail
BIN=$1
DATA=$2
SHARED=${3:-}
export AIDTRACE_DATA=$DATA
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Gold lines and predictions written for this test.
cat >"$tmp/gold.jsonl" <<'J'
{"doc":"a.txt","type":"aid","group":"nor-est","provider":{"code":"NOR"},"recipient":{"code":"EST"},"status":"committed","evidence":"Norway will give Estonia two patrol boats."}
{"doc":"a.txt","type":"aid","group":"nor-lva","provider":{"code":"NOR"},"recipient":{"code":"LVA"},"evidence":"Latvia gets radios from Norway."}
J
cat >"$tmp/pred.jsonl" <<'J'
{"type":"aid","provider":{"code":"NOR"},"recipient":{"code":"EST"},"status":"committed","sources":[{"doc":"a.txt","sentence":"Norway will give Estonia two patrol boats."}]}
{"type":"aid","provider":{"code":"NOR"},"recipient":{"code":"FIN"},"sources":[{"doc":"a.txt","sentence":"Finland was mentioned."}]}
J

out=$("$BIN" score "$tmp/gold.jsonl" "$tmp/pred.jsonl" --format json)
check "score: json figures" python3 -c '
import json, sys
r = json.loads(sys.argv[1])
e = r["events"]
assert (e["tp"], e["fp"], e["fn"]) == (1, 1, 1), e
assert e["precision"] == 0.5 and e["recall"] == 0.5 and e["f1"] == 0.5, e
assert r["slots"] == {"status": 1.0}, r["slots"]
assert set(r) == {"events", "slots", "merge"}, r.keys()
' "$out"
check "score: stdin gives the same" \
	test "$("$BIN" score "$tmp/gold.jsonl" - --format json <"$tmp/pred.jsonl")" = "$out"
"$BIN" score "$tmp/gold.jsonl" "$tmp/pred.jsonl" --errors >"$tmp/table" 2>&1
check "score: table with errors" grep -q 'missed a.txt: aid NOR>LVA nor-lva' "$tmp/table"
check "score: a false event with its sentence" grep -q 'Finland was mentioned.' "$tmp/table"
printf '{"doc":"a.txt","type":"aid"\n' >>"$tmp/gold.jsonl"
"$BIN" score "$tmp/gold.jsonl" "$tmp/pred.jsonl" >/dev/null 2>"$tmp/err"
rc=$?
check "score: a bad line is exit 1" test "$rc" = 1
check "score: ... named with file and line" grep -q "gold.jsonl:3: column" "$tmp/err"
check "score: ... once" test "$(wc -l <"$tmp/err")" = 1
"$BIN" score "$tmp/gold.jsonl" >/dev/null 2>&1
check "score: one file is a usage error" test $? = 2
"$BIN" score "$tmp/gold.jsonl" "$tmp/nope.jsonl" 2>"$tmp/err" >/dev/null
check "score: a missing file is named" grep -q "nope.jsonl: cannot read" "$tmp/err"

# The gold sets of ../shared against score.py.
if [[ -n $SHARED && -f $SHARED/eval/score.py ]]; then
	for set in seeds dev train train-ru; do
		[[ -f $SHARED/gold/$set.jsonl ]] || continue
		python3 - "$SHARED" "$set" >"$tmp/$set.docs.jsonl" <<'PY'
import json, os, sys
shared, name = sys.argv[1], sys.argv[2]
for line in open(os.path.join(shared, "gold", name + ".docs.jsonl"), encoding="utf-8"):
    m = json.loads(line)
    path = os.path.join(shared, "corpus", name, m["doc"])
    text = open(path, encoding="utf-8").read()
    print(json.dumps({"id": m["doc"], "url": m.get("url"),
                      "published": m.get("published"), "text": text}))
PY
		"$BIN" extract --quiet "$tmp/$set.docs.jsonl" >"$tmp/$set.pred.jsonl" 2>/dev/null
		"$BIN" score "$SHARED/gold/$set.jsonl" "$tmp/$set.pred.jsonl" \
			--docs "$SHARED/gold/$set.docs.jsonl" --format json >"$tmp/$set.c.json"
		python3 "$SHARED/eval/score.py" "$SHARED/gold/$set.jsonl" "$tmp/$set.pred.jsonl" \
			--docs "$SHARED/gold/$set.docs.jsonl" --json >"$tmp/$set.py.json"
		check "score: $set, the same figures as score.py" python3 -c '
import json, sys
c, p = (json.load(open(f)) for f in sys.argv[1:3])
if c != p:
    print("aidtrace:", json.dumps(c, sort_keys=True))
    print("score.py:", json.dumps(p, sort_keys=True))
    sys.exit(1)
' "$tmp/$set.c.json" "$tmp/$set.py.json"
		# the merged ledger (merge links between documents), for the small sets
		if [[ $set == seeds || $set == dev ]]; then
			"$BIN" ingest --quiet --db "$tmp/$set.db" "$tmp/$set.docs.jsonl" 2>/dev/null
			"$BIN" events --db "$tmp/$set.db" --format jsonl >"$tmp/$set.ledger.jsonl"
			a=$("$BIN" score "$SHARED/gold/$set.jsonl" "$tmp/$set.ledger.jsonl" \
				--docs "$SHARED/gold/$set.docs.jsonl" --format json)
			b=$(python3 "$SHARED/eval/score.py" "$SHARED/gold/$set.jsonl" \
				"$tmp/$set.ledger.jsonl" --docs "$SHARED/gold/$set.docs.jsonl" --json)
			check "score: $set ledger (merge links), the same as score.py" python3 -c '
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
sys.exit(a != b or a["merge"]["predicted_links"] == 0)' "$a" "$b"
		fi
		# also without --docs (the gold's own documents)
		a=$("$BIN" score "$SHARED/gold/$set.jsonl" "$tmp/$set.pred.jsonl" --format json)
		b=$(python3 "$SHARED/eval/score.py" "$SHARED/gold/$set.jsonl" "$tmp/$set.pred.jsonl" --json)
		check "score: $set without --docs, the same" python3 -c '
import json, sys
sys.exit(json.loads(sys.argv[1]) != json.loads(sys.argv[2]))' "$a" "$b"
	done
else
	echo "skip ../shared (no gold sets or score.py beside the project)"
fi

echo "score: $pass passed, $fail failed"
((fail == 0))
