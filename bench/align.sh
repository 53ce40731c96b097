#!/bin/sh
# Time and peak memory of `tolmach align` on a long article pair: N
# (default 10,000) Russian sentences from the real FLORES-200, UD PUD and
# TICO-19 pairs in shared/data, the English side damaged (bench/aligngen).
# The target is ≤ 2 s and ≤ 200 MB for 10,000 sentences.
# Skips (exit 0) when the shared data is missing.
#
# usage: bench/align.sh [N]
set -eu
N=${1:-10000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${TOLMACH_SHARED_DATA:-$ROOT/../shared/data}
if [ ! -d "$DATA/flores200_ru_en" ]; then
	echo "skip: shared data not found at $DATA" >&2
	exit 0
fi
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cd "$ROOT"
if [ -n "${TOLMACH_BIN:-}" ]; then cp "$TOLMACH_BIN" "$W/tolmach"; else go build -o "$W/tolmach" ./cmd/tolmach; fi
go run ./bench/aligngen -data "$DATA" -n "$N" -o "$W"
export XDG_CACHE_HOME="$W/cache"
echo "pair: $(wc -c <"$W/pair.ru.txt") + $(wc -c <"$W/pair.en.txt") bytes" >&2
for opt in --no-glossary ""; do
	/usr/bin/time -v "$W/tolmach" align $opt --format json "$W/pair.ru.txt" "$W/pair.en.txt" >"$W/out.json" 2>"$W/time.txt" || { cat "$W/time.txt" >&2; exit 1; }
	echo "tolmach align ${opt:-(built-in glossary)} --format json: $(grep -E 'Elapsed \(wall' "$W/time.txt" | sed 's/.*: //') wall, $(grep 'User time' "$W/time.txt" | sed 's/.*: //') s user, $(grep 'System time' "$W/time.txt" | sed 's/.*: //') s sys, $(grep 'Maximum resident' "$W/time.txt" | sed 's/.*: //') KB max RSS; $(grep '^tolmach:' "$W/time.txt")"
done
