#!/usr/bin/env bash
# Performance of tolmach check, whole process: a 10,000-word pair against a
# 10,000-concept glossary (target ≤ 100 ms), and 100 article pairs with
# --pairs (target ≤ 10 s on 2 cores). The inputs are generated here, from
# the evaluation articles and the built-in glossary, by a Go test.
#
#   check/bench/bench.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-$(mktemp -d)}
go test ./check -run '^TestWriteBenchData$' -benchdata "$out" -count=1 >/dev/null
go build -o "$out/tolmach" ./cmd/tolmach
cd "$out"
words=$(wc -w < big.ru.txt)
echo "big pair: $words words (source), $(grep -c '^\[' big.glossary) concepts"
# The glossary cache lives in the output directory; the warm-up runs write
# it, so the first two benchmarks are of a cached glossary (every check after
# the first with an unchanged glossary), the third of a parse every time.
export XDG_CACHE_HOME="$PWD/cache"
# 100 runs: this 2-core VM's timings drift by ±15% from minute to minute.
hyperfine --warmup 5 --runs 100 -N -i \
  "./tolmach check --fail-on never --glossary big.glossary big.ru.txt big.en.txt" \
  "./tolmach check --fail-on never --format json --glossary big.glossary big.ru.txt big.en.txt"
if command -v perf >/dev/null; then
  perf stat -r 50 ./tolmach check --fail-on never --glossary big.glossary big.ru.txt big.en.txt 2>&1 >/dev/null |
    grep -E 'task-clock|page-faults|elapsed'
fi
hyperfine --warmup 1 --runs 10 -N -i --prepare "rm -rf $XDG_CACHE_HOME" \
  "./tolmach check --fail-on never --glossary big.glossary big.ru.txt big.en.txt"
hyperfine --warmup 1 --runs 5 -N -i \
  "./tolmach check --fail-on never --glossary big.glossary --pairs pairs"
/usr/bin/time -v ./tolmach check --fail-on never --glossary big.glossary big.ru.txt big.en.txt 2>&1 >/dev/null |
  grep -E 'Maximum resident|Elapsed'
echo "inputs in $out"
