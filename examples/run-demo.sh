#!/usr/bin/env bash
# make demo: the reference study end to end, then real data.
#  (1) examples/ncb-milling: the study of ball-milled NaCB11H12 (the virtual lab's synthetic
#      data of every technique, committed with its manifest) run by `solyte study`: results database, tables,
#      figures, the HTML report and the "paper vs this run" table;
#  (a) a real temperature series (examples/s04147, MIT licensed),
#  (c) the 23-spectrum RelaxIS series of ../shared/data, when that folder is present.
# Every result is written under OUTPUT_DIR (CSV and JSON); the screen gets a summary.
# Usage: run-demo.sh PATH/TO/solyte OUTPUT_DIR
set -euo pipefail
solyte=${1:-build/solyte}
out=${2:-out/demo}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
mkdir -p "$out"

rule() { printf '\n== %s ==\n\n' "$*"; }

# Columns T_C, sigma, plateau band and quality of a conductivity CSV, side by side with a
# reference column given as "T_C=value ..." (optional).
summarise() {
  awk -F, -v ref="${2:-}" '
    BEGIN { n = split(ref, r, " "); for (i = 1; i <= n; i++) { split(r[i], kv, "="); want[kv[1]] = kv[2] } }
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i
              printf "  %8s  %14s  %23s  %-7s%s\n", "T [C]", "sigma [S/cm]", "plateau [Hz]", "quality",
                     (n ? "  independent [S/cm]  ratio" : ""); next }
    { t = $col["T_C"] + 0; s = $col["sigma_dc_S_per_cm"]
      line = sprintf("  %8.1f  %14s  %10.3g – %10.3g  %-7s", t, (s == "" ? "none" : sprintf("%.4g", s)),
                     $col["plateau_low_Hz"], $col["plateau_high_Hz"], $col["quality"])
      key = sprintf("%d", t)
      if (n && (key in want)) line = line sprintf("  %18.4g  %5.3f", want[key], s / want[key])
      print line }' "$1"
}

rule "(1) The reference study: ball-milled NaCB11H12 (examples/ncb-milling, synthetic data)"
echo "8 samples milled 0-360 min: impedance series on heating and cooling (-100 ... 180 C), powder"
echo "patterns, IR and NMR spectra, a slow-scan CV, a Na|Na CCD record, DSC scans, and the structure"
echo "entries of the paper; model and parameters in examples/ncb-milling/PARAMETERS.md."
"$solyte" study "$here/ncb-milling/study.toml" -o "$out/ncb-milling" --quiet
echo "Report: $out/ncb-milling/report.html (figures in $out/ncb-milling/figures/)"

rule "(a) Real series: pellet s04147, 8 mm x 2.1 mm, 120-200 C (examples/s04147)"
"$solyte" conductivity "$here"/s04147/s04147-*deg.txt --diameter 8mm --thickness 2.1mm \
  --temperature-from-name --quiet -f csv -o "$out/s04147/conductivity.csv"
echo "sigma_DC from the sigma' plateau; 'independent' is the total conductivity of the"
echo "equivalent-circuit analysis published with the data (EISFitpython, Example 3):"
summarise "$out/s04147/conductivity.csv" \
  "140=1.936e-07 150=3.338e-07 160=5.594e-07 170=9.201e-07 180=1.477e-06 190=2.320e-06 200=3.556e-06"
"$solyte" arrhenius "$out/s04147/conductivity.csv" --quiet -f json -o "$out/s04147/arrhenius.json"
"$solyte" arrhenius "$out/s04147/conductivity.csv" --quiet -o "$out/s04147/arrhenius.txt"
echo
sed -n '/^Regimes/,/^$/p' "$out/s04147/arrhenius.txt"
echo "Independent analysis, 140-200 C as one line: Ea(total) = 0.8555 +/- 0.0006 eV. The same"
echo "range as one line here:"
awk -F, 'NR == 1 || ($4 + 0) >= 140' "$out/s04147/conductivity.csv" > "$out/s04147/conductivity_140-200C.csv"
"$solyte" arrhenius "$out/s04147/conductivity_140-200C.csv" --max-segments 1 --quiet -f csv |
  awk -F, '/^all,/ && NF > 10 { printf "  Ea = %.4f +/- %.4f eV over %s-%s K\n", $7, $8, $2, $3 }'

relaxis="$root/../shared/data/eis_software_fixtures/librelaxisloader_test_eis3/csv"
if [ -d "$relaxis" ]; then
  rule "(c) RelaxIS series: 23 spectra, +60 ... -120 C, pellet 10 mm x 2 mm (../shared/data)"
  "$solyte" conductivity "$relaxis"/spectrum_*C.csv --diameter 10mm --thickness 2mm \
    --temperature-from-name --quiet -f csv -o "$out/relaxis/conductivity.csv"
  echo "'independent': total conductivity K/(R1+R2) of the RelaxIS fits stored in the project"
  echo "(model R-(R)(P)-P). 'sloped' = depressed arcs: sigma' never flattens fully."
  summarise "$out/relaxis/conductivity.csv" \
    "60=0.004453 50=0.00295 40=0.001911 30=0.001214 25=0.0009582 20=0.0007564 10=0.0004602 0=0.0002732 -10=0.0001572 -20=8.822e-05 -30=4.801e-05"
  "$solyte" arrhenius "$out/relaxis/conductivity.csv" --quiet -f json -o "$out/relaxis/arrhenius.json"
  echo
  "$solyte" arrhenius "$out/relaxis/conductivity.csv" --quiet | tee "$out/relaxis/arrhenius.txt"
else
  rule "(c) skipped: ../shared/data is not beside this checkout"
fi

rule "Results written under $out/"
find "$out" -maxdepth 2 -type f \( -name '*.csv' -o -name '*.json' -o -name '*.txt' \) | sort | sed 's/^/  /'
