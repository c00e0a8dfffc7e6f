# kidl — the two commands of the README, set-up included, on a fresh Debian machine.
#   make idl    check (and, as features land, generate) the project's own idl/ modules
#   make test   build and run the whole test suite
SWIFT ?= swift
SWIFT_BUILD_FLAGS ?=
APT_PACKAGES := pkg-config gcc libjson-c-dev valgrind

.PHONY: setup idl test build bench clean classroom fuzz-kmd fuzz-protocol test-asan test-tsan load

# Installs missing system packages (as root, or through sudo when there is one).
setup:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "swift is not on PATH (Swift 6.0 or later is needed)"; exit 1; }

build: setup
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product kidlc

# Checks the project's own modules and regenerates Generated/ from them (review the diff before committing).
KIDLC = .build/debug/kidlc
PLATFORM = idl/core idl/elements idl/filters
idl: build
	$(KIDLC) check $(PLATFORM) idl/demo idl/classroom --warnings-as-errors
	$(KIDLC) generate $(PLATFORM) --target swift-server --output Generated/swift-server/KurentoPlatform
	$(KIDLC) generate idl/demo $(addprefix -I ,$(PLATFORM)) --target swift-server --output Generated/swift-server/KurentoDemo
	$(KIDLC) generate $(PLATFORM) --target c-shim --output Generated/c-shim/platform
	$(KIDLC) generate idl/demo $(addprefix -I ,$(PLATFORM)) --target c-shim --output Generated/c-shim/demo
	$(KIDLC) generate $(PLATFORM) --target swift-client --output Generated/swift-client/KurentoPlatformClient
	$(KIDLC) generate idl/demo $(addprefix -I ,$(PLATFORM)) --target swift-client --output Generated/swift-client/KurentoDemoClient
	$(KIDLC) generate idl/classroom $(addprefix -I ,$(PLATFORM)) --target swift-server --output Generated/swift-server/KurentoClassroom
	$(KIDLC) generate idl/classroom $(addprefix -I ,$(PLATFORM)) --target swift-client --output Generated/swift-client/KurentoClassroomClient
	$(KIDLC) generate $(PLATFORM) idl/demo idl/classroom --target docs --output Generated/docs --warnings-as-errors

# The live-classroom example (README, "Live classroom"): a class run with the generated client proxies against a
# server of its own on loopback. CLASSROOM_ARGS: kidl-classroom options, e.g. --students Ana,Bo,Chen --speaker Chen.
classroom: setup
	$(SWIFT) run $(SWIFT_BUILD_FLAGS) kidl-classroom $(CLASSROOM_ARGS)

test: setup
	$(SWIFT) test $(SWIFT_BUILD_FLAGS)

bench: setup
	python3 scripts/bench.py

# The runtime's tests (KurentoServerTests: dispatch, dlopen, many clients at once) under the thread sanitizer,
# in their own build folder; .ci/run runs it after `make test`.
.PHONY: test-runtime-tsan bench-runtime
TSAN_SUPPRESSIONS = TSAN_OPTIONS="suppressions=$(CURDIR)/Tests/tsan-suppressions.txt"
test-runtime-tsan: setup
	$(TSAN_SUPPRESSIONS) $(SWIFT) test --sanitize=thread --filter KurentoServerTests --scratch-path .build-tsan

# In-process figures of the runtime (README, Benchmarks).
bench-runtime: setup
	scripts/bench-runtime.sh

clean:
	rm -rf .build

# Reliability (README, "Reliability"): libFuzzer targets, the test suite under the sanitizers, load on loopback.
#   make fuzz-kmd [FUZZ_SECONDS=60 | FUZZ_RUNS=N] [FUZZ_JOBS=2]      make fuzz-protocol (the same knobs)
FUZZ_SECONDS ?= 60
fuzz-kmd fuzz-protocol: setup
	FUZZ_SECONDS="$(FUZZ_SECONDS)" FUZZ_RUNS="$(FUZZ_RUNS)" FUZZ_JOBS="$(or $(FUZZ_JOBS),1)" Fuzz/fuzz.sh run $(@:fuzz-%=%)

# LeakSanitizer runs at the exit of every process, the kidl-server and kidlc the tests start included; the
# suppressions file lists the leaks outside the project's control, each with its reason.
test-asan: setup
	LSAN_OPTIONS="suppressions=$(CURDIR)/Tests/lsan-suppressions.txt:print_suppressions=0" \
	  $(SWIFT) test --sanitize=address --scratch-path .build-asan

test-tsan: setup
	$(TSAN_SUPPRESSIONS) $(SWIFT) test --sanitize=thread --scratch-path .build-tsan

# LOAD_ARGS: kidl-load options, e.g. LOAD_ARGS="--clients 64 --rounds 50 --duration 120".
load: setup
	scripts/load.sh $(LOAD_ARGS)
