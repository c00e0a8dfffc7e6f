#!/usr/bin/env bash
# Load and soak test on loopback: starts kidl-server (release build, a free port, a short session timeout),
# runs kidl-load against it, stops the server, and prints the figures. Bounded in rounds and time.
#
#   scripts/load.sh [kidl-load options…]      e.g. scripts/load.sh --clients 64 --rounds 50 --duration 120
#
# Environment: SESSION_TIMEOUT (seconds, default 3), LOAD_SCRATCH (default .build-load).
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${LOAD_SCRATCH:-.build-load}
TIMEOUT=${SESSION_TIMEOUT:-3}
log=$(mktemp)
for product in kidl-server kidl-load; do
    swift build -c release --scratch-path "$SCRATCH" --product "$product" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
done
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)

"$BIN/kidl-server" --port 0 --session-timeout "$TIMEOUT" --log-level warning >"$log" 2>&1 &
server=$!
stop() {
    kill "$server" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server" 2>/dev/null || true
    rm -f "$log"
}
trap stop EXIT
url=""
for _ in $(seq 100); do
    url=$(sed -n 's/^kidl-server listening on \(ws:[^ ]*\)$/\1/p' "$log")
    [ -n "$url" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
done
[ -n "$url" ] || { echo "kidl-server did not start" >&2; cat "$log" >&2; exit 1; }

status=0
"$BIN/kidl-load" --url "$url" --session-timeout "$TIMEOUT" "$@" || status=$?
# The server's own view of its memory: the peak of its resident set over the whole run.
echo "kidl-server peak RSS (VmHWM): $(awk '/VmHWM/ {print $2, $3}' "/proc/$server/status")"
exit "$status"
