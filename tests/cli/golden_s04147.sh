#!/usr/bin/env bash
# Golden run: conductivity and arrhenius on the s04147 example series must reproduce the
# stored tables (tests/cli/golden/): text fields exactly, numbers to a relative 1e-6.
# Regenerate deliberately (and say why in the commit) with:
#   build/solyte conductivity examples/s04147/s04147-*deg.txt -d 8mm -L 2.1mm \
#     --temperature-from-name -q -f csv > tests/cli/golden/s04147_conductivity.csv
#   build/solyte arrhenius tests/cli/golden/s04147_conductivity.csv -q -f csv \
#     > tests/cli/golden/s04147_arrhenius.csv
# Usage: golden_s04147.sh SOLYTE ROOT
set -u
solyte=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root" || exit 1

compare() {  # compare EXPECTED ACTUAL
  awk -F, -v OFS=, '
    NR == FNR { want[FNR] = $0; n = FNR; next }
    {
      got[FNR] = $0; m = FNR
      split(want[FNR], w, ","); k = split($0, g, ",")
      for (i = 1; i <= k; i++) {
        if (w[i] == g[i]) continue
        if (w[i] ~ /^-?[0-9.]+([eE][-+]?[0-9]+)?$/ && g[i] ~ /^-?[0-9.]+([eE][-+]?[0-9]+)?$/) {
          d = w[i] - g[i]; if (d < 0) d = -d
          s = w[i] < 0 ? -w[i] : w[i]
          if (d <= 1e-6 * s + 1e-300) continue
        }
        printf "line %d field %d: expected %s, got %s\n", FNR, i, w[i], g[i]; bad = 1
      }
    }
    END { if (n != m) { printf "expected %d lines, got %d\n", n, m; bad = 1 } exit bad }
  ' "$1" "$2"
}

fail=0
"$solyte" conductivity examples/s04147/s04147-*deg.txt -d 8mm -L 2.1mm --temperature-from-name \
  -q -f csv > "$work/c.csv" || fail=1
compare tests/cli/golden/s04147_conductivity.csv "$work/c.csv" || { echo "FAIL: conductivity"; fail=1; }
"$solyte" arrhenius "$work/c.csv" -q -f csv | sed "s|$work/c.csv|tests/cli/golden/s04147_conductivity.csv|g" \
  > "$work/a.csv" || fail=1
compare tests/cli/golden/s04147_arrhenius.csv "$work/a.csv" || { echo "FAIL: arrhenius"; fail=1; }
[ $fail -eq 0 ] && echo "golden s04147: identical within 1e-6"
exit $fail
