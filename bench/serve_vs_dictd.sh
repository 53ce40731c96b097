#!/usr/bin/env bash
# bench/serve_vs_dictd.sh — per-lookup latency of a resident `tolmach serve`
# (HTTP keep-alive) beside dictd answering DEFINE for the same words over
# one TCP connection, both on 127.0.0.1, one query at a time
# (bench/lookupclient). The glossary is 50,000 concepts made by
# bench/glossgen from mueller7 (the dictionary dictd serves), and the words
# asked are headwords of it, so both servers look up the same words.
#
#   bench/serve_vs_dictd.sh            # markdown table on stdout
#   N=2000 ROUNDS=5 bench/serve_vs_dictd.sh
#
# Needs: go, dictd and mueller7-dict (apt-get install -y dictd mueller7-dict).
# Everything lives in a temporary directory removed at exit; both servers
# listen on 127.0.0.1 only and are stopped by their pids.
set -euo pipefail
. "$(dirname "$0")/dictd.sh"

cd "$(dirname "$0")/.."
N=${N:-1000}
ROUNDS=${ROUNDS:-3}
WORK=$(mktemp -d)
DICTD_DIR=$(mktemp -d) && chmod 1777 "$DICTD_DIR"
PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
	rm -rf "$WORK" "$DICTD_DIR"
}
trap cleanup EXIT

for f in /usr/share/dictd/mueller7.index /usr/share/dictd/mueller7.dict.dz; do
	[[ -f $f ]] || { echo "bench/serve_vs_dictd.sh: $f missing: apt-get install -y dictd mueller7-dict" >&2; exit 2; }
done
command -v dictd >/dev/null || { echo "bench/serve_vs_dictd.sh: dictd not installed" >&2; exit 2; }

echo "building tolmach, the client and the 50k-concept glossary…" >&2
go build -o "$WORK/tolmach" ./cmd/tolmach
go build -o "$WORK/lookupclient" ./bench/lookupclient
go run ./bench/glossgen -n 50000 -formats native -o "$WORK" >&2
G="$WORK/g50000.glossary"
# N headwords of the glossary (English terms, which mueller7 defines),
# spread over it, as the queries.
awk -v n="$N" '/^en: / { sub(/^en: /, ""); sub(/ \|.*/, ""); if (++k % 7 == 0 && !seen[$0]++ && c < n) { print; c++ } }' "$G" >"$WORK/words.txt"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

DPORT=$(free_port)
start_dictd "$DICTD_DIR" "$DPORT"
PIDS+=("$DICTD_PID")

TPORT=$(free_port)
export XDG_CACHE_HOME="$WORK/cache"
"$WORK/tolmach" serve --addr "127.0.0.1:$TPORT" --glossary "$G" --log-format none 2>"$WORK/serve.err" &
PIDS+=($!)
for _ in $(seq 600); do grep -q 'serving on' "$WORK/serve.err" 2>/dev/null && break; sleep 0.2; done
grep -q 'serving on' "$WORK/serve.err" || { cat "$WORK/serve.err" >&2; exit 1; }
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$DPORT") 2>/dev/null && break; sleep 0.1; done

echo "## per-lookup latency, $(wc -l <"$WORK/words.txt") words ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo
"$WORK/lookupclient" -words "$WORK/words.txt" -rounds "$ROUNDS" -tolmach "http://127.0.0.1:$TPORT" -dictd "127.0.0.1:$DPORT" -db mueller7
