#!/usr/bin/env bash
# Zahner .ism through the CLI front door (the MIT example in tests/data), and a truncated copy:
# exit 3 with a message naming the file and the byte offset, nothing written.
# Usage: vendor_binary_formats.sh SOLYTE ROOT
set -u
solyte=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ism="$root/tests/data/io/zahner/rc-data.ism"

# 55 points of the main sweep (100 kHz … 0.2 Hz); the first row holds |Z| = 10869.44005 Ω.
"$solyte" convert "$ism" -f csv -o "$tmp/rc.csv" || { echo "FAIL: convert exited $?"; fail=1; }
rows=$(($(wc -l < "$tmp/rc.csv") - 1))
[ "$rows" -eq 55 ] || { echo "FAIL: $rows rows, expected 55"; fail=1; }
first=$(sed -n 2p "$tmp/rc.csv")
case "$first" in
  100000,*,10869.44005,*) echo "ok: first row $first" ;;
  *) echo "FAIL: first row '$first'"; fail=1 ;;
esac

head -c 2600 "$ism" > "$tmp/cut.ism"
"$solyte" convert "$tmp/cut.ism" -o "$tmp/cut.csv" 2> "$tmp/err"
code=$?
[ "$code" -eq 3 ] || { echo "FAIL: truncated file exited $code, expected 3"; fail=1; }
grep -q "cut.ism: at byte 2599: .*file ends at byte 2600 (truncated?)" "$tmp/err" ||
  { echo "FAIL: message:"; cat "$tmp/err"; fail=1; }
[ ! -e "$tmp/cut.csv" ] || { echo "FAIL: output written despite the error"; fail=1; }
exit $fail
