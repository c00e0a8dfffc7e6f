#!/usr/bin/env bash
# Builds and runs the libFuzzer targets (SwiftPM cannot build one product with -sanitize=fuzzer, so swiftc does).
#
#   Fuzz/fuzz.sh build kmd|protocol     build .build-fuzz/<target>-fuzzer
#   Fuzz/fuzz.sh run kmd|protocol       build, write the seeds, fuzz; exits non-zero on any crash, hang, leak
#                                       or sanitizer report (the input is left in .build-fuzz/artifacts/<target>/)
#
# Knobs (environment): FUZZ_SECONDS (default 60) or FUZZ_RUNS (executions per worker; wins over FUZZ_SECONDS),
# FUZZ_JOBS (parallel workers, default 1), FUZZ_CORPUS (default .build-fuzz/corpus-<target>, kept between runs),
# FUZZ_ARGS (more libFuzzer flags), SWIFTC. Inputs are at most 64 KiB; one input may take at most 10 s.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFTC=${SWIFTC:-swiftc}
CLANG=${CLANG:-$(dirname "$(readlink -f "$(command -v "$SWIFTC")")")/clang}
OUT=$PWD/.build-fuzz
FLAGS=(-sanitize=fuzzer,address -parse-as-library -O -wmo -g -swift-version 6 -use-ld=lld)

# swiftc in $OUT: the driver leaves the module it emits for the debugger (<name>-1.swiftmodule) in the working
# directory. Every path given to it is absolute.
swiftc_in_out() { (cd "$OUT" && "$SWIFTC" "${FLAGS[@]}" "$@"); }

# Absolute paths, so that #filePath finds the repository from any working directory.
sources() { local d; for d in "$@"; do find "$PWD/$d" -name '*.swift'; done | LC_ALL=C sort; }

# Swift modules and C module maps built so far.
includes() { local d; echo -I "$OUT/modules"; for d in "$OUT"/modules/*/; do [ -d "$d" ] && echo -I "$d"; done; }

# A library module of the protocol fuzzer: an object file and its .swiftmodule in $OUT/modules.
build_module() {
    local name=$1; shift
    swiftc_in_out -module-name "$name" $(includes) -emit-module -emit-module-path "$OUT/modules/$name.swiftmodule" \
        -c $(sources "$@") -o "$OUT/modules/$name.o"
}

# A C target (Sources/<name>/*.c, headers in include/): object files and a module map in $OUT/modules.
build_c_module() {
    local name=$1 dir=Sources/$1 c
    mkdir -p "$OUT/modules/$name"
    printf 'module %s {\n    umbrella "%s"\n    export *\n}\n' "$name" "$PWD/$dir/include" > "$OUT/modules/$name/module.modulemap"
    for c in "$dir"/*.c; do
        "$CLANG" -fsanitize=fuzzer-no-link,address -O1 -g -I "$dir/include" -c "$c" -o "$OUT/modules/$name-$(basename "$c" .c).o"
    done
}

# The protocol fuzzer links what KurentoServer depends on (Package.swift): the runtime, the platform modules,
# and the C-module bridge where the tree has one.
PROTOCOL_MODULES=(KurentoRuntime:Sources/KurentoRuntime KurentoPlatform:Generated/swift-server/KurentoPlatform)
[ -d Sources/KurentoCBridge ] && PROTOCOL_MODULES+=(CKidlBridge:c KurentoCBridge:Sources/KurentoCBridge)
PROTOCOL_MODULES+=(KurentoServer:Sources/KurentoServer)

build() {
    mkdir -p "$OUT/modules"
    case $1 in
    kmd)
        # The fuzz entry and the checks it shares with the tests are compiled into the KurentoIDL module itself,
        # so they reach the internal stages.
        swiftc_in_out -D KIDL_FUZZER -module-name KurentoIDL \
            $(sources Sources/KurentoIDL Fuzz/KmdFuzzer Tests/KurentoIDLTests/Fuzz) -o "$OUT/kmd-fuzzer" ;;
    protocol)
        local module
        rm -f "$OUT"/modules/*.o
        for module in "${PROTOCOL_MODULES[@]}"; do
            if [ "${module#*:}" = c ]; then build_c_module "${module%%:*}"; else build_module "${module%%:*}" "${module#*:}"; fi
        done
        swiftc_in_out -D KIDL_FUZZER -module-name ProtocolFuzzer $(includes) \
            $(sources Fuzz/ProtocolFuzzer Tests/KurentoServerTests/Fuzz) "$OUT"/modules/*.o -o "$OUT/protocol-fuzzer" ;;
    *) echo "unknown target '$1' (kmd or protocol)" >&2; exit 2 ;;
    esac
}

run() {
    local target=$1 dict
    build "$target"
    local seeds="$OUT/seeds-$target" corpus=${FUZZ_CORPUS:-$OUT/corpus-$target} artifacts="$OUT/artifacts/$target/"
    case $corpus in /*) ;; *) corpus=$PWD/$corpus ;; esac
    rm -rf "$seeds"; mkdir -p "$seeds" "$corpus" "$artifacts"
    python3 Fuzz/seeds.py "$target" "$seeds"
    # Leaks: the kmd target is checked after every input that did not free what it allocated; the protocol
    # target frees on other threads after each input (tasks), which would make libFuzzer scan for leaks after
    # nearly every input, so it is checked once at exit (a leak per input adds up to a report there).
    local leaks
    case $target in
    kmd) dict=Fuzz/KmdFuzzer/kmd.dict leaks=1 ;;
    protocol) dict=Fuzz/ProtocolFuzzer/protocol.dict leaks=0 ;;
    esac
    local limit=(-max_total_time="${FUZZ_SECONDS:-60}")
    [ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")
    local jobs=${FUZZ_JOBS:-1} parallel=()
    [ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
    local start=$SECONDS root=$PWD logs="$OUT/logs-$target"
    rm -rf "$logs"; mkdir -p "$logs"
    # Any sanitizer report (leaks included) fails the run, and so does an input over 10 s (-timeout). With
    # FUZZ_JOBS > 1 each worker logs to $logs/fuzz-<n>.log (one run of a target at a time: the folder is new).
    local status=0
    # The Swift backtracer reads its own stack in a way ASan reports; libFuzzer prints the stack instead.
    export SWIFT_BACKTRACE=enable=no
    (cd "$logs" && ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:quarantine_size_mb=64} "$OUT/$target-fuzzer" \
        -max_len=65536 -timeout=10 -rss_limit_mb=4096 -detect_leaks=$leaks -print_final_stats=1 -dict="$root/$dict" \
        -artifact_prefix="$artifacts" "${limit[@]}" "${parallel[@]}" ${FUZZ_ARGS:-} "$corpus" "$seeds") || status=$?
    if [ "$jobs" -gt 1 ]; then
        grep -h "stat::number_of_executed_units\|stat::average_exec_per_sec" "$logs"/fuzz-*.log || true
        if grep -l "ERROR: \|==ERROR\|SUMMARY: \|Test unit written" "$logs"/fuzz-*.log; then status=1; fi
    fi
    [ "$status" = 0 ] || { echo "fuzz $target: FAILED (see $artifacts and $logs)" >&2; exit 1; }
    echo "fuzz $target: passed in $((SECONDS - start)) s; corpus $(ls "$corpus" | wc -l) inputs in $corpus"
}

case ${1:-} in
build) build "${2:?target}" ;;
run) run "${2:?target}" ;;
*) sed -n '2,11p' "$0" >&2; exit 2 ;;
esac
