#!/bin/sh
# Side by side: tolmach tm match and translate-toolkit's matcher on the
# same generated 25k-unit TM (from the real FLORES-200, TICO-19 and UD PUD
# pairs in shared/data) and the same perturbed Russian queries. Reports the
# time per query of each and how often both pick the same top-1 unit.
# Skips (exit 0) when translate-toolkit or the shared data is missing.
#
# usage: bench/tm_vs_translate_toolkit.sh [UNITS] [QUERIES]
set -eu
UNITS=${1:-25000}
NQ=${2:-200}
MIN=50
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${TOLMACH_SHARED_DATA:-$ROOT/../shared/data}
if ! /usr/bin/python3 -c 'import translate.search.match' 2>/dev/null; then
	echo "skip: translate-toolkit not installed (apt-get install translate-toolkit)" >&2
	exit 0
fi
if [ ! -d "$DATA/flores200_ru_en" ]; then
	echo "skip: shared data not found at $DATA" >&2
	exit 0
fi
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cd "$ROOT"
if [ -n "${TOLMACH_BIN:-}" ]; then cp "$TOLMACH_BIN" "$W/tolmach"; else go build -o "$W/tolmach" ./cmd/tolmach; fi
go build -o "$W/tmgen" ./bench/tmgen && "$W/tmgen" -data "$DATA" -n "$UNITS" -o "$W/tm.tmx" -queries "$W/q.txt" -nq "$NQ" -qlang ru
export XDG_CACHE_HOME="$W/cache"
"$W/tolmach" tm stats --tm "$W/tm.tmx" >/dev/null # build the cached index once, as a user's first run would

echo "== tolmach (whole process, $NQ queries, index cached)"
s=$(date +%s.%N)
"$W/tolmach" tm match --tm "$W/tm.tmx" --min $MIN --limit 1 --format json <"$W/q.txt" >"$W/tolmach.jsonl"
e=$(date +%s.%N)
TOL=$(echo "($e - $s) * 1000 / $NQ" | bc -l)
printf 'tolmach: %.2f ms per query (whole process incl. start-up)\n' "$TOL"

echo "== translate-toolkit"
/usr/bin/python3 "$ROOT/bench/tm_tt_driver.py" "$W/tm.tmx" "$W/q.txt" ru en $MIN >"$W/tt.jsonl"

/usr/bin/python3 - "$W/tolmach.jsonl" "$W/tt.jsonl" <<'PY'
import json, sys
a = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
b = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert len(a) == len(b), (len(a), len(b))
same = sum(1 for x, y in zip(a, b) if (x["matches"][0]["source"] if x["matches"] else "") == y["source"])
print(f"same top-1 unit: {same} of {len(a)} queries ({100 * same / len(a):.1f}%)")
PY
