#!/usr/bin/env bash
# The curve commands (peaks, cv, ccd, ccd-protocol, dsc and their simulators) end to end:
# synthetic round trips through the CLI (closed forms stated in docs/methods.md §10–12 and in
# the header of every simulated file), the paper's numbers (METHODS.md §10–11), bad input
# (exit 2 or 3, a message, no output file), and the real records of ../shared/data when present.
# Usage: curves_cli.sh SOLYTE ROOT
set -u
solyte=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fail=0

# near GOT WANT ABSTOL NAME
near() {
  if awk -v g="$1" -v w="$2" -v t="$3" 'BEGIN { d = g - w; if (d < 0) d = -d; exit !(g != "" && d <= t) }'
  then echo "ok: $4 = $1"; else echo "FAIL: $4 = $1, expected $2 ± $3"; fail=1; fi
}
# json_num FILE KEY — first numeric value of "KEY": in a JSON file.
json_num() { sed -n "s/.*\"$2\": *\(-\{0,1\}[0-9.eE+-]*\).*/\1/p" "$1" | head -1; }

for cmd in peaks cv ccd ccd-protocol dsc "simulate cv" "simulate cycling" "simulate dsc" "simulate spectrum"; do
  # shellcheck disable=SC2086
  out=$("$solyte" $cmd --help 2>&1) || { echo "FAIL: solyte $cmd --help exited non-zero"; fail=1; continue; }
  grep -q "Examples\?:" <<<"$out" || { echo "FAIL: solyte $cmd --help has no example"; fail=1; }
done

# CV: tangent edge E½ − 2b = 4.14 V, threshold 1 µA/cm² at E½ − b ln(i_lim/(I − Cν) − 1).
"$solyte" simulate cv -o cv.csv || { echo "FAIL: simulate cv"; fail=1; }
if "$solyte" cv cv.csv --area 0.785cm2 --edge tangent,threshold --threshold 1uA/cm2 -f json -o cv.json; then
  grep -q '"baseline_window_v"' cv.json || { echo "FAIL: cv JSON lacks the baseline window"; fail=1; }
  grep -q '"steepest_slope_a_per_v"' cv.json || { echo "FAIL: cv JSON lacks the steepest point"; fail=1; }
  grep -q '"reading": "irreversible"' cv.json || { echo "FAIL: cv: the oxidation should read irreversible"; fail=1; }
else
  echo "FAIL: solyte cv exited non-zero"; fail=1
fi
"$solyte" cv cv.csv --area 0.785cm2 --edge tangent -f csv >cv_tan.csv
near "$(awk -F, '$2 == "tangent" { print $3; exit }' cv_tan.csv)" 4.14 0.002 "cv tangent E_e"
"$solyte" cv cv.csv --area 0.785cm2 --edge threshold --threshold 1uA/cm2 -f csv >cv_thr.csv
thr=$(awk -F, '$2 == "threshold" { print $3; exit }' cv_thr.csv)
near "$thr" 4.2008 0.002 "cv threshold E_e"

# CCD: penetration at 0.12 mA/cm², short at 0.3 mA/cm² (the paper's values, METHODS §11).
"$solyte" simulate cycling -o cycling.csv --noise 1mV || { echo "FAIL: simulate cycling"; fail=1; }
if "$solyte" ccd cycling.csv --area 0.785cm2 -f json -o ccd.json; then
  near "$(json_num ccd.json penetration_a_per_m2)" 1.2 1e-9 "CCD_penetration (A/m2)"
  near "$(json_num ccd.json short_a_per_m2)" 3.0 1e-9 "CCD_short (A/m2)"
  near "$(json_num ccd.json last_stable_a_per_m2)" 0.8 1e-9 "last stable (A/m2)"
  grep -q '"drop_fraction_f": 0.3' ccd.json || { echo "FAIL: ccd JSON lacks the drop threshold"; fail=1; }
else
  echo "FAIL: solyte ccd exited non-zero"; fail=1
fi
"$solyte" simulate cycling -o healthy.csv --no-events --noise 1mV
"$solyte" ccd healthy.csv --area 0.785cm2 -q -f csv >healthy_ccd.csv
grep -q '^CCD_short,not reached' healthy_ccd.csv || { echo "FAIL: a healthy cell reports a short"; fail=1; }

# CCD schedule: 120 mAh/g × 2 mg/cm² → 1C = 0.24 mA/cm², C/2 = 0.12 mA/cm² in 2 h sweeps.
"$solyte" ccd-protocol --capacity 120mAh/g --loading 2mg/cm2 --c-rates C/2,1C -f csv >protocol.csv
near "$(awk -F, 'NR == 2 { print $2 }' protocol.csv)" 0.12 1e-12 "C/2 current density (mA/cm2)"
near "$(awk -F, 'NR == 2 { print $5 }' protocol.csv)" 2 1e-12 "C/2 sweep time (h)"
near "$(awk -F, 'NR == 3 { print $2 }' protocol.csv)" 0.24 1e-12 "1C current density (mA/cm2)"

# DSC: onset 83 °C and 30 J/g on heating; onset 70 °C and −25 J/g on cooling.
"$solyte" simulate dsc -o scan.csv --cool --cool-transition 70C:-25 || { echo "FAIL: simulate dsc"; fail=1; }
"$solyte" dsc scan.csv --exo down -f csv >dsc.csv
near "$(awk -F, '$3 == "endothermic" { print $5; exit }' dsc.csv)" 83 0.05 "DSC heating onset (C)"
near "$(awk -F, '$3 == "endothermic" { print $10; exit }' dsc.csv)" 30 0.6 "DSC heating enthalpy (J/g)"
near "$(awk -F, '$3 == "exothermic" { print $5; exit }' dsc.csv)" 70 0.05 "DSC cooling onset (C)"
near "$(awk -F, '$3 == "exothermic" { print $10; exit }' dsc.csv)" -25 0.5 "DSC cooling enthalpy (J/g)"

# Peaks: ²³Na lines at 5.2 and −11.4 ppm with area ratio 0.09; B–H bond lengths of 2525 → 2489.
"$solyte" simulate spectrum --kind nmr -o nmr.csv
"$solyte" peaks nmr.csv --peaks 5.2,-11.4 --tie-widths --model voigt --baseline poly:0 \
  --anchors 40:60,-80:-60 --ratio 0:20/-30:-1 --ratio-from fit -f csv >nmr_out.csv
near "$(awk -F, '$9 == "fit" { print $7 }' nmr_out.csv)" 0.09 0.005 "NMR area ratio"
"$solyte" simulate spectrum --kind ir -o ir.csv --band 2489:900:14:8 --band 3050:330:10:6 --noise 0
"$solyte" peaks ir.csv --range 2300:2700 --background 2 --model voigt --bond-length --reference 2525 -f json -o ir.json
near "$(json_num ir.json bh_bond_length_angstrom)" 1.2136858 1e-6 "r(B-H) at 2489 cm-1 (A)"
near "$(json_num ir.json bh_bond_length_change_pct)" 0.32078 1e-4 "r change 2525 -> 2489 (%)"

# Bad input: exit 2 (argument) or 3 (file), a message, no output file.
printf 'hello\nworld\n' >garbage.txt
printf 'time/s,Ewe/V,I/A\n0,1,2\n1,abc,3\n' >broken.csv
check() {   # WANT_EXIT ARGS...
  local want=$1; shift
  "$solyte" "$@" -o out.json 2>err.txt
  local code=$?
  if [ "$code" -ne "$want" ] || [ ! -s err.txt ] || [ -e out.json ]; then
    echo "FAIL: solyte $*: exit $code (want $want, a message, no file)"; fail=1; rm -f out.json
  else
    echo "ok: solyte $* -> exit $code: $(head -1 err.txt)"
  fi
}
check 3 cv garbage.txt --area 1cm2
check 3 cv broken.csv --area 1cm2
check 2 cv cv.csv --area 1furlong
check 2 cv cv.csv --cycle 7
check 2 ccd cycling.csv
check 2 ccd cycling.csv --area 1cm2 --drop 1.5
check 2 dsc scan.csv
check 2 dsc scan.csv --exo down --rate fast
check 2 peaks ir.csv --range 5000:6000
check 2 peaks ir.csv --ratio 1:2
check 2 peaks nmr.csv --bond-length
check 2 ccd-protocol --capacity 120mAh/g --loading 2mg/cm2 --c-rates C/0
check 2 ccd-protocol --capacity 120 --loading 2mg/cm2

# Real records (skipped when ../shared/data is absent).
data="$root/../shared/data"
if [ -d "$data" ]; then
  "$solyte" cv "$data/cv_lsv_gcpl/yadg_eclab/cv.mpt" --area 1cm2 --cycle 1 -f csv >real_cv.csv \
    || { echo "FAIL: cv on cv.mpt"; fail=1; }
  near "$(awk -F, '$2 == "tangent" { print $3; exit }' real_cv.csv)" 5.04 0.05 "cv.mpt tangent E_e (V)"
  lili="$data/cv_lsv_gcpl/datalab_LiLi_symmetric/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA_03_GCPL_C05.txt"
  "$solyte" ccd "$lili" --area 1cm2 --current 0.4mA --sweep-time 1h -q -f csv >real_ccd.csv \
    || { echo "FAIL: ccd on the Li|Li record"; fail=1; }
  grep -q '^CCD_short,not reached' real_ccd.csv || { echo "FAIL: the healthy Li|Li cell reports a short"; fail=1; }
  [ "$(grep -c '^[0-9]*,1,' real_ccd.csv)" -ge 45 ] || { echo "FAIL: Li|Li: 45 sweeps of one step expected"; fail=1; }
  "$solyte" dsc "$data/raman_ir_dsc/chemotion_dsc_netzsch/ExpDat_SCH-179-3.csv" --exo up --rate 10K/min -f csv >real_dsc.csv \
    || { echo "FAIL: dsc on SCH-179"; fail=1; }
  near "$(awk -F, '$3 == "endothermic" && $9 > 1 { print $5; exit }' real_dsc.csv)" 48.0 0.3 "SCH-179 melting onset (C)"
  "$solyte" peaks "$data/raman_ir_dsc/chemotion_ir_bruker/SCH-176.0.dpt" --y-transform absorbance \
    --range 2800:3200 --baseline als:1e5:0.01 -q -f json -o real_ir.json || { echo "FAIL: peaks on the .dpt"; fail=1; }
else
  echo "skip: $data absent, real records not run"
fi
exit $fail
