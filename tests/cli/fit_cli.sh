#!/usr/bin/env bash
# solyte fit, kk and simulate --circuit through the CLI: a simulated spectrum fitted back (the
# parameters it was made with are the reference), the JSON fields, a temperature series whose
# conductivity table `solyte arrhenius` reads (s04147: the total conductivity and activation
# energy of EISFitpython's analysis, examples/s04147/README.md), Lin-KK, and bad input
# (exit codes of DESIGN.md, nothing written).
# Usage: fit_cli.sh SOLYTE ROOT
set -u
solyte=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

close() {  # close GOT WANT RELTOL NAME
  if awk -v g="$1" -v w="$2" -v t="$3" 'BEGIN { d = g / w - 1; if (d < 0) d = -d; exit !(d <= t) }'
  then echo "ok: $4 = $1"; else echo "FAIL: $4 = $1, expected $2"; fail=1; fi
}
json_number() {  # json_number FILE KEY — first numeric value of "KEY"
  sed -n "s/.*\"$2\": *\([0-9.eE+-]*\).*/\1/p" "$1" | head -1
}
expect() {  # expect CODE PATTERN -- command...
  local code=$1 pattern=$2
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$code" ]; then echo "FAIL: '$*' exited $got, expected $code"; cat "$tmp/err"; fail=1; return; fi
  if ! grep -q -- "$pattern" "$tmp/err"; then echo "FAIL: '$*' stderr lacks '$pattern'"; cat "$tmp/err"; fail=1; return; fi
  echo "ok: $* -> $got"
}

# A clean simulated spectrum is fitted back to its parameters.
"$solyte" simulate --circuit 'R0-p(R1,CPE1)' --params R0=20,R1=1e4,CPE1_Q=3e-9,CPE1_alpha=0.85 \
  --fmin 0.1Hz --fmax 10MHz --per-decade 7 -o "$tmp/sim.csv" || { echo "FAIL: simulate"; fail=1; }
head -1 "$tmp/sim.csv" | grep -q SYNTHETIC || { echo "FAIL: simulated file not marked"; fail=1; }
if "$solyte" fit "$tmp/sim.csv" --circuit 'R0-p(R1,CPE1)' -f json -o "$tmp/fit.json"; then
  grep -q '"status": "converged"' "$tmp/fit.json" || { echo "FAIL: status"; fail=1; }
  for key in covariance correlation chi2 reduced_chi2 stderr unit method; do
    grep -q "\"$key\"" "$tmp/fit.json" || { echo "FAIL: json lacks $key"; fail=1; }
  done
  r1=$(sed -n '/"name": "R1"/,/}/p' "$tmp/fit.json" | sed -n 's/.*"value": *\([0-9.eE+-]*\).*/\1/p')
  close "$r1" 1e4 1e-6 "R1 (Ohm)"
  a=$(sed -n '/"name": "CPE1_alpha"/,/}/p' "$tmp/fit.json" | sed -n 's/.*"value": *\([0-9.eE+-]*\).*/\1/p')
  close "$a" 0.85 1e-6 "CPE1_alpha"
else
  echo "FAIL: solyte fit -f json"; fail=1
fi
# Same from starts ten times off, RelaxIS syntax, text and csv.
"$solyte" fit "$tmp/sim.csv" -c 'R-(R)(P)' --guess R1=200,R2=1e5,P1_Q=3e-8 -f csv -o "$tmp/fit.csv" ||
  { echo "FAIL: relaxis syntax"; fail=1; }
head -1 "$tmp/fit.csv" | grep -q '^file,index,T_K,R1_Ohm,R1_err_Ohm,R2_Ohm' || { echo "FAIL: csv header"; fail=1; }
close "$(sed -n 2p "$tmp/fit.csv" | cut -d, -f6)" 1e4 1e-6 "R2 from RelaxIS syntax"
"$solyte" fit "$tmp/sim.csv" -c 'R0-p(R1,CPE1)' --fix R0=20 --residuals >"$tmp/fit.txt" || { echo "FAIL: text"; fail=1; }
grep -q "fixed" "$tmp/fit.txt" && grep -q "^Fit quality" "$tmp/fit.txt" && grep -q "res_re_pct" "$tmp/fit.txt" ||
  { echo "FAIL: text output"; fail=1; }

# Temperature series to Arrhenius: sigma = (L/A)/(R1 + R2).
s=$root/examples/s04147
if "$solyte" fit "$s"/s04147-1[4-9]0deg.txt "$s"/s04147-200deg.txt -c 'p(R1,CPE1)-p(R2,CPE2)-CPE3' \
    --series --sigma R1+R2 -d 8mm -L 2.1mm --temperature-from-name --threads 2 -f csv -o "$tmp/series.csv"; then
  col=$(head -1 "$tmp/series.csv" | tr ',' '\n' | grep -n '^sigma_dc_S_per_cm$' | cut -d: -f1)
  close "$(sed -n 2p "$tmp/series.csv" | cut -d, -f"$col")" 1.936e-07 1e-3 "sigma(140 C) S/cm"
  close "$(sed -n 8p "$tmp/series.csv" | cut -d, -f"$col")" 3.556e-06 1e-3 "sigma(200 C) S/cm"
  "$solyte" arrhenius "$tmp/series.csv" --max-segments 1 -f csv >"$tmp/arr.csv" || { echo "FAIL: arrhenius"; fail=1; }
  close "$(grep '^all,' "$tmp/arr.csv" | head -1 | cut -d, -f7)" 0.8555 2e-3 "Ea (eV)"
  # One thread gives the same table.
  "$solyte" fit "$s"/s04147-1[4-9]0deg.txt "$s"/s04147-200deg.txt -c 'p(R1,CPE1)-p(R2,CPE2)-CPE3' \
    --series --sigma R1+R2 -d 8mm -L 2.1mm --temperature-from-name --threads 1 -f csv -o "$tmp/series1.csv"
  cmp -s "$tmp/series.csv" "$tmp/series1.csv" && echo "ok: 1 and 2 threads agree" ||
    { echo "FAIL: 1 and 2 threads differ"; fail=1; }
else
  echo "FAIL: solyte fit --series"; fail=1
fi

# Lin-KK.
"$solyte" kk "$tmp/sim.csv" -f json -o "$tmp/kk.json" || { echo "FAIL: kk"; fail=1; }
grep -q '"verdict": "valid"' "$tmp/kk.json" || { echo "FAIL: kk verdict"; fail=1; }
"$solyte" kk "$s/s04147-140deg.txt" --capacitance --residuals >"$tmp/kk.txt" || { echo "FAIL: kk text"; fail=1; }
grep -q "res_im_pct" "$tmp/kk.txt" || { echo "FAIL: kk residual table"; fail=1; }

# Bad input: exit 2 (argument) or 3 (file), the column of a circuit error, nothing written.
expect 2 "column 9: expected an element" -- "$solyte" fit "$tmp/sim.csv" -c 'R0-p(R1,,C1)' -o "$tmp/x.csv"
expect 2 "has no parameter 'R5'" -- "$solyte" fit "$tmp/sim.csv" -c 'R0-p(R1,C1)' --guess R5=1 -o "$tmp/x.csv"
expect 2 "NAME=VALUE" -- "$solyte" fit "$tmp/sim.csv" -c 'R0-p(R1,C1)' --guess R1 -o "$tmp/x.csv"
expect 2 "not a resistance" -- "$solyte" fit "$tmp/sim.csv" -c 'R0-p(R1,C1)' --sigma C1 -d 8mm -L 2mm -o "$tmp/x.csv"
expect 2 "carries none" -- "$solyte" fit "$tmp/sim.csv" -c 'R0-p(R1,C1)' --weight sigma -o "$tmp/x.csv"
[ -e "$tmp/x.csv" ] && { echo "FAIL: --weight sigma wrote an output"; fail=1; }
expect 2 "weight" -- "$solyte" fit "$tmp/sim.csv" -c 'R0-p(R1,C1)' --weight sigmas -o "$tmp/x.csv"
expect 2 "geometry" -- "$solyte" fit "$tmp/sim.csv" -c 'R0-p(R1,C1)' --sigma R1 -o "$tmp/x.csv"
expect 2 "takes 4 values" -- "$solyte" simulate -c 'R0-p(R1,CPE1)' -p 1,2,3 -o "$tmp/x.csv"
expect 2 "no value for CPE1_alpha" -- "$solyte" simulate -c 'R0-p(R1,CPE1)' -p R0=1,R1=2,CPE1_Q=3 -o "$tmp/x.csv"
printf 'f,zre,zim\n1000,1,-1\nabc,2,-1\n10,3,-1\n' >"$tmp/bad.csv"
expect 3 "bad.csv" -- "$solyte" fit "$tmp/bad.csv" -c 'R0-p(R1,C1)' -o "$tmp/x.csv"
[ -e "$tmp/x.csv" ] && { echo "FAIL: an output file was left behind"; fail=1; }
# The series subcommand is still there.
"$solyte" simulate series -o "$tmp/series" --temperatures=20C:40C:10 --quiet || { echo "FAIL: simulate series"; fail=1; }
[ "$(ls "$tmp/series"/*.csv | wc -l)" -eq 3 ] || { echo "FAIL: simulate series files"; fail=1; }
exit $fail
