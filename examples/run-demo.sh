#!/usr/bin/env bash
# make demo: impedance spectra → σ_DC(T) → Arrhenius regimes and transitions, on
#  (a) a real temperature series (examples/s04147, MIT licensed),
#  (b) a synthetic series shaped like the reference study's milled NaCB11H12,
#  (c) the 23-spectrum RelaxIS series of ../shared/data, when that folder is present.
# Usage: run-demo.sh PATH/TO/solyte OUTPUT_DIR
set -euo pipefail
solyte=${1:-build/solyte}
out=${2:-out/demo}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
mkdir -p "$out"

rule() { printf '\n== %s ==\n\n' "$*"; }

rule "(a) Real series: pellet s04147, 8 mm x 2.1 mm, 120-200 C (examples/s04147)"
"$solyte" conductivity "$here"/s04147/s04147-*deg.txt --diameter 8mm --thickness 2.1mm \
  --temperature-from-name --quiet -f csv -o "$out/s04147/conductivity.csv"
"$solyte" conductivity "$here"/s04147/s04147-*deg.txt --diameter 8mm --thickness 2.1mm \
  --temperature-from-name --quiet | cut -c1-200 > "$out/s04147/conductivity.txt"
cat "$out/s04147/conductivity.txt"
echo
"$solyte" arrhenius "$out/s04147/conductivity.csv" --quiet -f json -o "$out/s04147/arrhenius.json"
"$solyte" arrhenius "$out/s04147/conductivity.csv" --quiet | tee "$out/s04147/arrhenius.txt"
echo "Independent analysis of the same files (EISFitpython Example 3, circuit fit, 140-200 C):"
echo "  total sigma 1.936e-07 S/cm at 140 C ... 3.556e-06 S/cm at 200 C; Ea(total) = 0.8555 +/- 0.0006 eV"

rule "(b) Synthetic series shaped like the milled NaCB11H12 of the reference study"
echo "Made by the forward model: 4 mS/cm at 25 C, Ea = 671 meV below and 205 meV above 25 C,"
echo "10 mm x 0.5 mm pellet, bulk R||CPE, blocking electrode, 0.5 % noise, -100 ... 180 C."
"$solyte" simulate series -o "$out/ncb-synthetic/spectra" --prefix ncb_milled \
  --temperatures=-100C:180C:10 --quiet
"$solyte" conductivity "$out"/ncb-synthetic/spectra/ncb_milled_*.csv --diameter 10mm \
  --thickness 0.5mm --temperature-from-name --quiet -f csv -o "$out/ncb-synthetic/conductivity.csv"
"$solyte" arrhenius "$out/ncb-synthetic/conductivity.csv" --quiet -f json \
  -o "$out/ncb-synthetic/arrhenius.json"
"$solyte" arrhenius "$out/ncb-synthetic/conductivity.csv" --quiet | tee "$out/ncb-synthetic/arrhenius.txt"
echo "Truth: Ea = 0.671 eV below and 0.205 eV above 298.15 K, sigma(25 C) = 0.004 S/cm."

relaxis="$root/../shared/data/eis_software_fixtures/librelaxisloader_test_eis3/csv"
if [ -d "$relaxis" ]; then
  rule "(c) RelaxIS series: 23 spectra, +60 ... -120 C, pellet 10 mm x 2 mm (../shared/data)"
  "$solyte" conductivity "$relaxis"/spectrum_*C.csv --diameter 10mm --thickness 2mm \
    --temperature-from-name --quiet -f csv -o "$out/relaxis/conductivity.csv"
  "$solyte" arrhenius "$out/relaxis/conductivity.csv" --quiet -f json -o "$out/relaxis/arrhenius.json"
  "$solyte" arrhenius "$out/relaxis/conductivity.csv" --quiet | tee "$out/relaxis/arrhenius.txt"
else
  rule "(c) skipped: ../shared/data is not beside this checkout"
fi

rule "Results written under $out/"
find "$out" -maxdepth 2 -type f -name '*.csv' -o -maxdepth 2 -type f -name '*.json' | sort | sed 's/^/  /'
