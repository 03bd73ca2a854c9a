#!/usr/bin/env bash
# solyte kww: the transform and the modulus peak through the CLI, every format, and bad input
# exiting 2 without an output file.
# References: ../shared/reference/kww/kww_reference.csv (mpmath; rows β = 0.66 at x = 1 and
# β = 0.30 at x = 1e-4, 20 digits) and METHODS.md §7 (β = 0.60: x_p = 0.78299,
# M''max/M∞ = 0.32300).
# Usage: kww_cli.sh SOLYTE ROOT
set -u
solyte=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# close GOT WANT RELTOL — |GOT/WANT − 1| ≤ RELTOL.
close() {
  if awk -v g="$1" -v w="$2" -v t="$3" 'BEGIN { d = g / w - 1; if (d < 0) d = -d; exit !(d <= t) }'
  then echo "ok: $4 = $1"; else echo "FAIL: $4 = $1, expected $2"; fail=1; fi
}

# CSV: header and values to 1e-12 (printed with 17 digits).
if "$solyte" kww --beta 0.66 --x 1,1e-4 -f csv >"$tmp/k.csv" 2>"$tmp/err"; then
  [ "$(head -1 "$tmp/k.csv")" = "x,C,S,xS,xC" ] || { echo "FAIL: csv header"; fail=1; }
  row=$(sed -n 2p "$tmp/k.csv")
  close "$(cut -d, -f2 <<<"$row")" 0.34861740199559239886 1e-12 "C(0.66, 1)"
  close "$(cut -d, -f3 <<<"$row")" 0.48683626927818390482 1e-12 "S(0.66, 1)"
  close "$(cut -d, -f4 <<<"$row")" 0.48683626927818390482 1e-12 "xS(0.66, 1)"
  close "$(cut -d, -f5 <<<"$row")" 0.34861740199559239886 1e-12 "xC(0.66, 1)"
  [ "$(wc -l <"$tmp/k.csv")" -eq 3 ] || { echo "FAIL: csv rows"; fail=1; }
else
  echo "FAIL: solyte kww -f csv exited non-zero"; cat "$tmp/err"; fail=1
fi
"$solyte" kww -b 0.3 --x 1e-4 -f tsv >"$tmp/k.tsv" || { echo "FAIL: tsv"; fail=1; }
close "$(sed -n 2p "$tmp/k.tsv" | cut -f2)" 9.2545839149899042588 1e-12 "C(0.30, 1e-4)"
close "$(sed -n 2p "$tmp/k.tsv" | cut -f3)" 0.12908604605470151568 1e-12 "S(0.30, 1e-4)"

# Peak, JSON, written with -o.
if "$solyte" kww --beta 0.6 --peak -f json -o "$tmp/p.json" 2>"$tmp/err"; then
  xp=$(sed -n 's/.*"x_peak": *\([0-9.eE+-]*\).*/\1/p' "$tmp/p.json")
  h=$(sed -n 's/.*"height": *\([0-9.eE+-]*\).*/\1/p' "$tmp/p.json")
  close "$xp" 0.78299 1e-5 "x_peak(0.60)"
  close "$h" 0.32300 2e-5 "height(0.60)"
else
  echo "FAIL: solyte kww --peak -f json exited non-zero"; cat "$tmp/err"; fail=1
fi
# Text: both tables.
"$solyte" kww --beta 0.66 --x 0.5 --peak >"$tmp/k.txt" || { echo "FAIL: text"; fail=1; }
grep -q "^beta  x_peak" "$tmp/k.txt" || { echo "FAIL: text peak table"; fail=1; }

# Bad input: exit 2, message, no file.
for args in "--beta 1.5 --x 1" "--beta 0 --x 1" "--beta 0.6 --x -1" "--beta 0.6 --x nan" \
            "--beta 0.6" "--beta abc --x 1"; do
  # shellcheck disable=SC2086
  "$solyte" kww $args -o "$tmp/bad.csv" 2>"$tmp/err"
  code=$?
  if [ "$code" -ne 2 ] || [ ! -s "$tmp/err" ] || [ -e "$tmp/bad.csv" ]; then
    echo "FAIL: solyte kww $args: exit $code (want 2, a message, no file)"; fail=1
  else
    echo "ok: solyte kww $args -> exit 2: $(head -1 "$tmp/err")"
  fi
done
exit $fail
