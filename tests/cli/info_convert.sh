#!/usr/bin/env bash
# Golden runs of `solyte info` and `solyte convert` on files written here (a two-column pattern
# with a title and point count, a NETZSCH-style DSC export), their error paths (exit codes, no
# output file left), and — when ../shared/data is present — info on every corpus pattern and
# spectrum and a converted pair compared value by value.
# Regenerate the golden files deliberately (and say why in the commit) by running this script
# with SOLYTE_REGENERATE=1.
# Usage: info_convert.sh SOLYTE ROOT
set -u
solyte=$1
root=$2
golden=$root/tests/cli/golden
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail=0

{
  printf 'synthetic pattern\n 25\n'
  for i in $(seq 0 24); do
    printf ' %s  %d\n' "$(awk -v i="$i" 'BEGIN { printf "%.2f", 20 + 0.05 * i }')" $((100 + i * i))
  done
} > pattern.xrd
printf '%s\n' '#EXPORTTYPE:   ;DATA SINGLE' '#DECIMAL:     ;COMMA' '#SEPARATOR:   ;SEMICOLON' \
  '#MTYPE:       ;DSC' '#SAMPLE:      ;S-1' '#SAMPLE MASS /mg: ;5,21' '#EXO:         ;+1' \
  '#SEGMENT:     ;S1/1' '#SEG. 1:      ;-50°C/10,0(K/min)/100°C' '' \
  '##Temp./°C;Time/min;DSC/(mW/mg)' '-50,0;0,0;0,10' '-49,0;0,1;0,11' '-48,0;0,2;0,13' > dsc.csv

check() {  # check NAME -- command... : stdout must equal golden/NAME
  local name=$1
  shift 2
  "$@" > "$name.out" 2> "$name.err"
  local got=$?
  if [ "$got" -ne 0 ]; then
    echo "FAIL: $* exited $got"; cat "$name.err"; fail=1; return
  fi
  if [ "${SOLYTE_REGENERATE:-0}" = 1 ]; then cp "$name.out" "$golden/$name"; fi
  if ! diff -u "$golden/$name" "$name.out"; then echo "FAIL: $name differs"; fail=1; return; fi
  echo "ok: $name"
}

check info_pattern.txt -- "$solyte" info pattern.xrd
check info_dsc.json -- "$solyte" info dsc.csv -f json
check info_two_files.csv -- "$solyte" info pattern.xrd dsc.csv -f csv
check convert_dsc.tsv -- "$solyte" convert dsc.csv -f tsv
"$solyte" convert pattern.xrd -o converted.csv || { echo "FAIL: convert -o"; fail=1; }
check convert_pattern.csv -- cat converted.csv
"$solyte" info --formats > formats.txt || fail=1
for f in bruker-raw stoe-raw bruker-brml panalytical-xrdml panalytical-csv gsas-powder \
         bruker-uxd xy-pattern opus-dpt xy-spectrum netzsch-csv; do
  grep -q "^$f " formats.txt || { echo "FAIL: --formats lacks $f"; fail=1; }
done
"$solyte" info --formats -f json | grep -q '"name": "xy-pattern"' || { echo "FAIL: --formats json"; fail=1; }

expect() {  # expect CODE PATTERN -- command...
  local code=$1 pattern=$2
  shift 3
  "$@" > out 2> err
  local got=$?
  if [ "$got" -ne "$code" ] || ! grep -q -- "$pattern" err; then
    echo "FAIL: '$*' exited $got (expected $code), stderr:"; cat err; fail=1; return
  fi
  echo "ok: $* -> $got"
}
head -c 200 pattern.xrd > cut.xrd
expect 3 "cut.xrd:2" -- "$solyte" convert cut.xrd -o cut.csv
expect 2 "impedance spectra only" -- "$solyte" convert pattern.xrd --to sigma -o sigma.csv
expect 2 "no-such" -- "$solyte" info no-such.raw
printf 'RAW1.01\0\1\0\0\0\1\0\0\0' > short.raw
expect 3 "short.raw: byte" -- "$solyte" info short.raw -o info.json
for f in cut.csv sigma.csv info.json; do
  if [ -e "$f" ]; then echo "FAIL: $f written despite the error"; fail=1; fi
done
if ls ./*.tmp.* > /dev/null 2>&1; then echo "FAIL: temporary files left behind"; fail=1; fi

shared=$root/../shared/data
if [ -d "$shared/xrd" ]; then
  corpus_fail=0
  for f in "$shared"/xrd/*/* "$shared"/raman_ir_dsc/*/*; do
    case $(basename "$f") in SbI3.metadata | SCH-179-3.ngb-odg) continue ;; esac
    if ! "$solyte" info "$f" -f json > one.json 2> one.err; then
      echo "FAIL: info $f"; cat one.err; corpus_fail=1
    fi
  done
  [ $corpus_fail -eq 0 ] && echo "ok: info on every corpus pattern and spectrum" || fail=1
  # The RAW4.00 and the .xye of SbI3 hold the same counts: converted, they agree line by line.
  if ! "$solyte" convert "$shared/xrd/xrdconversion_SbI3/SbI3.raw" -o raw.csv ||
     ! "$solyte" convert "$shared/xrd/xrdconversion_SbI3/SbI3.xye" -o xye.csv ||
     [ "$(wc -l < raw.csv)" -ne 1400 ] || [ "$(wc -l < xye.csv)" -ne 1400 ]; then
    echo "FAIL: convert SbI3.raw / SbI3.xye"; fail=1
  elif ! paste -d, raw.csv xye.csv | awk -F, 'NR == 1 { next }
      { d = $1 - $3; if (d < 0) d = -d; if (d > 5e-5 || $2 != $4) { print "line " NR ": " $0; bad = 1 } }
      END { exit bad }'; then
    echo "FAIL: SbI3.raw and SbI3.xye converted differ"; fail=1
  else
    echo "ok: SbI3.raw and SbI3.xye convert to the same counts"
  fi
else
  echo "skip: ../shared/data absent; corpus part not run"
fi
exit $fail
