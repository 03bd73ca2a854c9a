# solyte — the two commands a new user runs are `make demo` and `make test`.
# Both install missing Debian packages first (scripts/install-deps.sh), then build.

BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
SOLYTE := $(BUILD_DIR)/solyte

.PHONY: all deps configure build test test-sanitize demo bench clean

all: build

deps:
	@bash scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) > /dev/null

build: configure
	@cmake --build $(BUILD_DIR) --parallel $(JOBS) -- --no-print-directory

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure --parallel $(JOBS)

# The whole suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer.
test-sanitize: deps
	@cmake -S . -B $(BUILD_DIR)-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOLYTE_SANITIZE=ON > /dev/null
	@cmake --build $(BUILD_DIR)-sanitize --parallel $(JOBS) -- --no-print-directory
	@cd $(BUILD_DIR)-sanitize && \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure --parallel $(JOBS)

demo: build
	@bash examples/run-demo.sh $(SOLYTE) out/demo

bench: deps
	@cmake -S . -B $(BUILD_DIR)-bench -DCMAKE_BUILD_TYPE=Release -DSOLYTE_BUILD_BENCH=ON -DSOLYTE_BUILD_TESTS=OFF > /dev/null
	@cmake --build $(BUILD_DIR)-bench --parallel $(JOBS)
	@bash bench/run.sh $(BUILD_DIR)-bench

clean:
	rm -rf $(BUILD_DIR) $(BUILD_DIR)-bench $(BUILD_DIR)-sanitize out
