#!/usr/bin/env bash
# solyte study end to end on a small synthetic study: outputs, the cache, a run killed midway,
# a bad manifest, and the HTML report loaded in headless Chromium (every figure drawn, no
# console message).
set -euo pipefail
solyte=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cd "$work"
"$solyte" simulate series -o milled --prefix milled --temperatures=-100C:180C:20 --quiet
"$solyte" simulate series -o pristine --prefix pristine --ea 0.629,0.205 --crossover 40C \
  --jump 83C:2.5 --sigma-ref 2.6675e-7S/cm --temperatures=-20C:180C:10 --quiet
cat > study.toml <<'TOML'
[study]
title = "CLI study"
[[sample]]
name = "milled"
milling_min = 45
diameter = "10mm"
thickness = "0.5mm"
  [[sample.impedance]]
  files = "milled/*.csv"
  run = "heating"
[[sample]]
name = "pristine"
milling_min = 0
diameter = "10mm"
thickness = "0.5mm"
  [[sample.impedance]]
  files = "pristine/*.csv"
  run = "heating"
[[comparison]]
kind = "migration-entropy"
a = "milled"
b = "pristine"
[[paper]]
quantity = "sigma(25 C)"
result = "milled/arrhenius/sigma_25C_mS_per_cm"
value = 4.0
tolerance = "2%"
unit = "mS/cm"
TOML

out=$("$solyte" study study.toml -o out -q)
echo "$out" | grep -q "1 of 1 published values reproduced" || fail "paper row not reproduced: $out"
echo "$out" | grep -q "5 analyses: 5 computed, 0 reused" || fail "first run: $out"
for f in results.json results.sqlite report.html tables/conductivities.csv figures/arrhenius.svg \
         figures/arrhenius.png; do
  [ -s "out/$f" ] || fail "missing out/$f"
done
out=$("$solyte" study study.toml -o out -q)
echo "$out" | grep -q "0 computed, 5 reused" || fail "second run did not reuse the cache: $out"

# Killed midway: whatever moment the kill lands, the results are a complete earlier set.
cp out/results.json before.json
"$solyte" study study.toml -o out -q --no-cache > /dev/null 2>&1 &
pid=$!
sleep 0.3
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
if command -v python3 > /dev/null; then
  python3 -c "import json,sys; d=json.load(open('out/results.json')); assert d['tasks']" ||
    fail "results.json unreadable after a killed run"
fi
tail -c 2 out/results.json | grep -q "}" || fail "results.json truncated after a killed run"
[ -s out/results.sqlite ] || fail "results.sqlite gone after a killed run"

# A manifest error names the file and line, exit 3, and writes nothing.
printf '[[sample]]\nname = "x"\n  [[sample.impedance]]\n  files = "none/*.csv"\n' > bad.toml
set +e
msg=$("$solyte" study bad.toml -o badout 2>&1)
code=$?
set -e
[ "$code" -eq 3 ] || fail "bad manifest: exit $code, expected 3 ($msg)"
echo "$msg" | grep -q "bad.toml:4" || fail "bad manifest message lacks the line: $msg"
[ ! -e badout/results.json ] || fail "a failed run wrote results"

# The report in a real browser.
source "$2/tests/cli/lib/checks.bash"
report_renders "$work/out/report.html" "$work"
