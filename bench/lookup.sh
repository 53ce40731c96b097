#!/usr/bin/env bash
# bench/lookup.sh — whole-process timing of `tolmach lookup`, side by side
# with `dict` against a local dictd serving mueller7 (skipped if absent).
#
#   bench/lookup.sh            # hyperfine tables on stdout (markdown)
#   RUNS=100 bench/lookup.sh   # more runs
#
# Needs: go, hyperfine; optional: dictd, dict, mueller7-dict.
# Everything lives in a temporary directory removed at exit; the dictd
# started here listens on 127.0.0.1 only and is stopped by its pid.
set -euo pipefail
. "$(dirname "$0")/dictd.sh"

cd "$(dirname "$0")/.."
RUNS=${RUNS:-50}
WORK=$(mktemp -d)
DICTD_PID=""
DICTD_DIR=""
cleanup() {
	if [[ -n "$DICTD_PID" ]]; then kill "$DICTD_PID" 2>/dev/null || true; wait "$DICTD_PID" 2>/dev/null || true; fi
	rm -rf "$WORK" ${DICTD_DIR:+"$DICTD_DIR"}
}
trap cleanup EXIT

command -v hyperfine >/dev/null || { echo "bench/lookup.sh: hyperfine not installed" >&2; exit 2; }

echo "building tolmach and the generated 50k-concept glossary…" >&2
go build -o "$WORK/tolmach" ./cmd/tolmach
TOLMACH_GEN="$WORK/gen50k.glossary" go test -count=1 -run TestWriteGenerated ./index >/dev/null
export XDG_CACHE_HOME="$WORK/cache" NO_COLOR=1
T="$WORK/tolmach"
G="$WORK/gen50k.glossary"

# The first lookup with the built-in glossary builds its index (target ≤ 1 s).
echo "## first run (index build included)"
hyperfine -N --runs 10 --export-markdown "$WORK/first.md" \
	--prepare "$T index clean" \
	"$T lookup Шанхайской организации" >/dev/null
cat "$WORK/first.md"

# Build once, then time lookups against the cached indexes.
/usr/bin/time -f "index build 50k: %e s wall, %U s user, %S s sys, %M kB max RSS" "$T" index build --glossary "$G" >&2
"$T" index build >/dev/null

cmds=(
	"$T --version"
	"$T lookup Шанхайской организации"
	"$T lookup шос"
	"$T lookup суверинитет"
	"$T lookup --glossary $G Шанхайской организации"
	"$T lookup --glossary $G sovereignty"
	"$T lookup --glossary $G суверинитет"
)

if command -v dictd >/dev/null && command -v dict >/dev/null && [[ -f /usr/share/dictd/mueller7.index ]]; then
	PORT=$((20000 + RANDOM % 20000))
	# dictd drops its privileges: its files go in a directory of their
	# own that it can reach and write.
	DICTD_DIR=$(mktemp -d) && chmod 1777 "$DICTD_DIR"
	start_dictd "$DICTD_DIR" "$PORT"
	for _ in $(seq 50); do dict -h 127.0.0.1 -p "$PORT" -d mueller7 sovereignty >/dev/null 2>&1 && break; sleep 0.1; done
	cmds+=("dict -h 127.0.0.1 -p $PORT -d mueller7 sovereignty")
else
	echo "bench/lookup.sh: dictd, dict or mueller7-dict not installed; skipping the dict comparison" >&2
fi

echo
echo "## lookups with a fresh cached index ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
hyperfine -N --warmup 5 --runs "$RUNS" --export-markdown "$WORK/lookup.md" "${cmds[@]}" >/dev/null
cat "$WORK/lookup.md"
