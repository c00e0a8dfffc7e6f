#!/usr/bin/env bash
# The runtime's in-process figures (README, Benchmarks): builds kidl-bench-runtime in release mode and runs it,
# then measures memory again with a single malloc arena (glibc otherwise keeps freed memory cached in one
# arena per thread, so RSS after releasing shows the allocator's caches, not objects still alive).
#   scripts/bench-runtime.sh [--cycles N] [--objects N] [--rounds N] [--tasks N] [--json]
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=(${KIDL_SCRATCH:+--scratch-path "$KIDL_SCRATCH"})
swift build -c release "${scratch[@]}" --product kidl-bench-runtime >&2
bin="$(swift build -c release "${scratch[@]}" --show-bin-path)/kidl-bench-runtime"
"$bin" "$@"
echo "--- the same memory rounds with MALLOC_ARENA_MAX=1:"
MALLOC_ARENA_MAX=1 "$bin" --cycles 0 "$@"
