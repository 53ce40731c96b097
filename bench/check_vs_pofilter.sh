#!/usr/bin/env bash
# bench/check_vs_pofilter.sh — `tolmach check` of a 14,000-word article
# pair against a general dictionary turned glossary (Müller's
# English–Russian dictionary, 42k concepts, from Debian's mueller7-dict),
# side by side with translate-toolkit's `pofilter` on the same pair.
#
#   bench/check_vs_pofilter.sh [WORDS]     # default 14000 source words
#
# Needs: go, hyperfine, mueller7-dict, translate-toolkit
# (apt-get install -y hyperfine mueller7-dict translate-toolkit) and the
# WMT news documents of ../shared/data/wmt_news_ru_en, concatenated here
# at run time (they are never copied into the repository). Everything
# lives in a temporary directory removed at exit.
#
# The pair: documents written in English with their Russian reference
# translation (en-ru/), taken in name order until the English side has
# WORDS words. tolmach reads the two articles (it aligns them itself);
# pofilter reads the same segments, paired by WMT, as one PO file and
# runs its default checks.
set -euo pipefail

cd "$(dirname "$0")/.."
WORDS=${1:-14000}
DATA=${TOLMACH_SHARED:-$(cd .. && pwd)/shared/data}/wmt_news_ru_en/en-ru
[[ -d $DATA ]] || DATA=/work/shared/data/wmt_news_ru_en/en-ru
[[ -d $DATA ]] || { echo "check_vs_pofilter: $DATA not found" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "check_vs_pofilter: hyperfine not installed" >&2; exit 2; }
command -v pofilter >/dev/null || { echo "check_vs_pofilter: pofilter (translate-toolkit) not installed" >&2; exit 2; }
[[ -f /usr/share/dictd/mueller7.dict.dz ]] || { echo "check_vs_pofilter: mueller7-dict not installed" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
go build -o "$WORK/tolmach" ./cmd/tolmach
go run ./bench/glossgen -n 0 -headwords -formats csv -o "$WORK" >"$WORK/files"
GLOSSARY=$(cat "$WORK/files")

# Concatenate whole documents until the English side has WORDS words.
: >"$WORK/pair.en.txt"
: >"$WORK/pair.ru.txt"
n=0
for en in "$DATA"/*.en.txt; do
	base=${en%.en.txt}
	cat "$en" >>"$WORK/pair.en.txt"
	printf '\n\n' >>"$WORK/pair.en.txt"
	cat "$base.ru.txt" >>"$WORK/pair.ru.txt"
	printf '\n\n' >>"$WORK/pair.ru.txt"
	tail -n +2 "$base.tsv" >>"$WORK/pair.tsv"
	n=$(wc -w <"$WORK/pair.en.txt")
	((n >= WORDS)) && break
done
# The same segments as a PO file for pofilter (msgid English, msgstr Russian).
awk -F'\t' 'function q(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
	{ printf "#: pair:%d\nmsgid %s\nmsgstr %s\n\n", NR, q($3), q($4) }' "$WORK/pair.tsv" >"$WORK/pair.po"
echo "pair: $n English words, $(wc -w <"$WORK/pair.ru.txt") Russian words, $(wc -l <"$WORK/pair.tsv") segments;" \
	"glossary: $(basename "$GLOSSARY")" >&2

export XDG_CACHE_HOME="$WORK/cache" NO_COLOR=1
T="$WORK/tolmach"
PAIR="$WORK/pair.en.txt $WORK/pair.ru.txt"
CHECK="$T check --fail-on never --glossary $GLOSSARY $PAIR"
$T check --fail-on never --glossary "$GLOSSARY" --format json $PAIR >"$WORK/findings.json"
echo "tolmach findings: $(grep -c '"rule":' "$WORK/findings.json")" >&2

hyperfine -N --warmup 1 --runs "${RUNS:-10}" -i \
	-n "tolmach check (glossary cached)" "$CHECK" \
	-n "pofilter" "pofilter --progress=none -i $WORK/pair.po -o $WORK/out.po"
# The first check after the glossary changes: parse, index, write the cache.
hyperfine -N --runs "${RUNS:-10}" -i --prepare "touch $GLOSSARY" \
	-n "tolmach check, first after the glossary changed" "$CHECK"
/usr/bin/time -f "tolmach check: %e s wall, %U s user, %S s sys, %M kB max RSS" $CHECK >/dev/null
/usr/bin/time -f "pofilter: %e s wall, %U s user, %S s sys, %M kB max RSS" \
	pofilter --progress=none -i "$WORK/pair.po" -o "$WORK/out.po"
