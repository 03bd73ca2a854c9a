#!/usr/bin/env bash
# make bench: runs every benchmark program built in the given build folder on one core
# (taskset pins it when available) and prints the results; docs/performance.md keeps the
# figures with this command.
set -euo pipefail
build=${1:-build-bench}
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
for b in "$build"/bench/*_bench; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "${pin[@]}" "$b" --benchmark_counters_tabular=true
done
