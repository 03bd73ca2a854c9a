#!/usr/bin/env bash
# The reference study of `make demo` (examples/ncb-milling): every "paper vs this run" row within
# its tolerance, every output written, and the full report loaded in headless Chromium with
# every figure drawn and no console message.
set -euo pipefail
solyte=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
source "$src/tests/cli/lib/checks.bash"

out=$("$solyte" study "$src/examples/ncb-milling/study.toml" -o "$work/out" -q)
rows=$(echo "$out" | grep -o '[0-9]* of [0-9]* published values reproduced' || true)
[ -n "$rows" ] || fail "no paper comparison in the output: $out"
read -r got _ total _ <<< "$rows"
[ "$total" -ge 27 ] || fail "only $total paper rows in the manifest"
[ "$got" = "$total" ] || fail "$rows: $(echo "$out" | grep ' no ' || true)"
for f in results.json results.sqlite report.html tables/paper_comparison.csv \
         figures/arrhenius.svg figures/arrhenius.png; do
  [ -s "$work/out/$f" ] || fail "missing out/$f"
done
# A figure per technique of the paper.
for kind in nyquist sigma-bode modulus diffraction infrared nmr cv ccd dsc; do
  ls "$work/out/figures/" | grep -q -- "$kind" || fail "no $kind figure in out/figures"
done
echo "$rows"
report_renders "$work/out/report.html" "$work"
