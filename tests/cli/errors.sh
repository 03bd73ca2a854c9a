#!/usr/bin/env bash
# Bad input through the CLI: the exit code of DESIGN.md, a message naming the file (and line
# where there is one), and no output file left behind.
# Usage: errors.sh SOLYTE ROOT
set -u
solyte=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

expect() {  # expect CODE PATTERN -- command...
  local code=$1 pattern=$2
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$code" ]; then
    echo "FAIL: '$*' exited $got, expected $code"; cat "$tmp/err"; fail=1; return
  fi
  if ! grep -q -- "$pattern" "$tmp/err"; then
    echo "FAIL: '$*' stderr lacks '$pattern':"; cat "$tmp/err"; fail=1; return
  fi
  echo "ok: $* -> $got"
}

printf 'freq,zre,zim\n1000,1,-1\n100,2,-1\nabc,3,-1\n10,4,-1\n' > "$tmp/bad.csv"
printf '1000,1,-1\n100,2,-1\n10,3\n' > "$tmp/short.csv"
printf '1000,1,-1\n-100,2,-1\n10,3,-1\n1,4,-1\n' > "$tmp/negative.csv"
printf '1000,1,-1\n100,2,-1\n1000,3,-1\n10,4,-1\n' > "$tmp/nonmono.csv"
printf '1000,1,-1\n100,nan,-1\n10,3,-1\n1,4,-1\n' > "$tmp/nan.csv"
: > "$tmp/empty.csv"
printf '1e6,1e3,-1e4\n1e5,2e3,-1e3\n1e4,2.1e3,-1e2\n1e3,2.2e3,-1e2\n' > "$tmp/good_+25C.csv"

expect 3 "bad.csv:4" -- "$solyte" conductivity "$tmp/bad.csv" -d 10mm -L 1mm -o "$tmp/o1.csv"
expect 3 "short.csv:3" -- "$solyte" conductivity "$tmp/short.csv" -d 10mm -L 1mm -o "$tmp/o2.csv"
expect 3 "negative.csv:2" -- "$solyte" conductivity "$tmp/negative.csv" -d 10mm -L 1mm -o "$tmp/o3.csv"
expect 3 "nonmono.csv:3" -- "$solyte" conductivity "$tmp/nonmono.csv" -d 10mm -L 1mm -o "$tmp/o4.csv"
expect 3 "nan.csv:2" -- "$solyte" conductivity "$tmp/nan.csv" -d 10mm -L 1mm -o "$tmp/o5.csv"
expect 3 "empty.csv" -- "$solyte" conductivity "$tmp/empty.csv" -d 10mm -L 1mm -o "$tmp/o6.csv"
expect 2 "has no unit" -- "$solyte" conductivity "$tmp/good_+25C.csv" -d 10 -L 1mm -o "$tmp/o7.csv"
expect 2 "geometry" -- "$solyte" conductivity "$tmp/good_+25C.csv" -o "$tmp/o8.csv"
expect 2 "thickness" -- "$solyte" conductivity "$tmp/good_+25C.csv" -d 10mm -o "$tmp/o9.csv"
expect 2 "no-such-file" -- "$solyte" conductivity "$tmp/no-such-file.csv" -d 10mm -L 1mm
expect 2 "unknown" -- "$solyte" frobnicate
expect 2 "temperature" -- "$solyte" conductivity "$tmp/good_+25C.csv" -d 10mm -L 1mm -T 25
expect 3 "nan.csv:2" -- "$solyte" arrhenius "$tmp/nan.csv" -d 10mm -L 1mm
printf 'T_K,sigma_dc_S_per_cm\n300,1e-3\n310,x\n' > "$tmp/table.csv"
expect 3 "table.csv:3:2" -- "$solyte" arrhenius "$tmp/table.csv" -o "$tmp/o10.txt"
printf 'T_K,sigma_dc_S_per_cm\n300,1e-3\n' > "$tmp/one.csv"
expect 4 "temperature" -- "$solyte" arrhenius "$tmp/one.csv" -o "$tmp/o11.txt"

for i in 1 2 3 4 5 6 7 8 9 10 11; do
  if ls "$tmp"/o$i.* >/dev/null 2>&1; then echo "FAIL: output o$i written despite the error"; fail=1; fi
done
if ls "$tmp"/*.tmp.* >/dev/null 2>&1; then echo "FAIL: temporary files left behind"; fail=1; fi
exit $fail
