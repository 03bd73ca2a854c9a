#!/usr/bin/env bash
# solyte xrd through the CLI: powder lines of NaCl (examples/xtal/NaCl.cif) against pymatgen's
# reference numbers, bcc positions of METHODS.md §9, the size/strain test vectors of
# ../shared/reference/xrd/size_strain_examples.txt, a simulated LaB6 pattern fitted and indexed
# back to its cell, a broadened W pattern corrected with it; bad input exits 2 or 3 with a
# message and no output file.
# Reference values: ../shared/reference/xrd/nacl_pymatgen.csv (pymatgen; 2θ exact, I_rel within
# 0.5): 27.3672 8.077, 31.7043 100, 45.4491 65.636, 56.4740 21.227, 75.2941 24.746.
# Usage: xrd_cli.sh SOLYTE ROOT
set -u
solyte=$1
root=$2
ex="$root/examples/xtal"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# shellcheck source=lib/checks.bash
source "$root/tests/cli/lib/checks.bash"

# --- lines ------------------------------------------------------------------------------
run "$tmp/nacl.csv" -- "$solyte" xrd lines --cif "$ex/NaCl.cif" -f csv
within "$tmp/nacl.csv" 27.3672 I_rel 8.077 0.5
within "$tmp/nacl.csv" 31.7043 I_rel 100 0.5
within "$tmp/nacl.csv" 45.4491 I_rel 65.636 0.5
within "$tmp/nacl.csv" 56.4740 I_rel 21.227 0.5
within "$tmp/nacl.csv" 75.2941 I_rel 24.746 0.5
within "$tmp/nacl.csv" 31.7043 multiplicity 6 0
run "$tmp/bcc.csv" -- "$solyte" xrd lines --cell 7.882 --spacegroup Im-3m --range 10:40 -f csv
within "$tmp/bcc.csv" first two_theta_deg 15.8885 0.00005
within "$tmp/bcc.csv" 22.5430 d_A 3.941 0.0001
run "$tmp/lines.json" -- "$solyte" xrd lines --cif "$ex/NaCl.cif" -f json
grep -q '"form_factors": "xraylib FF_Rayl' "$tmp/lines.json" || { echo "FAIL: json lacks the method"; fail=1; }

# --- size-strain numbers (size_strain_examples.txt) --------------------------------------
run "$tmp/sch.csv" -- "$solyte" xrd size-strain --two-theta 15.8885 --beta 0.20 -f csv
within "$tmp/sch.csv" 15.8885 L_scherrer_A 401.06 0.005
run "$tmp/g.csv" -- "$solyte" xrd size-strain --two-theta 15.8885 --beta 0.25 --instrumental 0.08 \
  --correction gaussian -f csv
within "$tmp/g.csv" 15.8885 beta_sample_deg 0.2369 0.00005
run "$tmp/gm.csv" -- "$solyte" xrd size-strain --two-theta 15.8885 --beta 0.25 --instrumental 0.08 \
  --correction geometric-mean -f csv
within "$tmp/gm.csv" 15.8885 beta_sample_deg 0.2007 0.00005
# WH: bcc 110, 200, 211, 310, 222, 321, 411/330, 332 with the file's breadths → 300 Å, 0.002.
run "$tmp/wh.csv" -- "$solyte" xrd size-strain \
  --two-theta 15.8885,22.5430,27.7006,36.0035,39.5763,42.8975,48.9919,54.5665 \
  --beta 0.33134,0.36137,0.38575,0.42739,0.44634,0.4646,0.49985,0.53437 -f csv
within "$tmp/wh.csv" first L_A 300.0 1.5
within "$tmp/wh.csv" first strain 0.00200 0.000005

# --- pattern → peaks → index → size-strain ------------------------------------------------
run "$tmp/lab6.csv" -- "$solyte" xrd pattern --cif "$ex/LaB6.cif" --range 15:125 --step 0.013 \
  --scale 3e-3 --zero -0.05 --noise --seed 3 -f csv
run "$tmp/peaks.csv" -- "$solyte" xrd peaks "$tmp/lab6.csv" -f csv
n=$(grep -c converged "$tmp/peaks.csv")
[ "$n" -eq 20 ] && echo "ok: 20 LaB6 peaks fitted" || { echo "FAIL: $n LaB6 peaks fitted, expected 20"; fail=1; }
run "$tmp/index.csv" -- "$solyte" xrd index "$tmp/lab6.csv" --cell 4.16 --spacegroup Pm-3m -f csv
within "$tmp/index.csv" 4.1569 zero_deg -0.05 0.002
awk -F, '/^a_A/ { getline; if ($1 < 4.15679 || $1 > 4.15699) exit 1 }' "$tmp/index.csv" \
  && echo "ok: refined a within 1e-4 A of 4.15689" || { echo "FAIL: refined a"; fail=1; }
run "$tmp/w.csv" -- "$solyte" xrd pattern --cif "$ex/W.cif" --range 15:125 --step 0.01 \
  --x 0.465 --y 0.296 --scale 2e-3 --background 200,-50 --noise --seed 5 -f csv
run "$tmp/ss.csv" -- "$solyte" xrd size-strain "$tmp/w.csv" --standard "$tmp/lab6.csv" \
  --background-width 4 -f csv
# X = (180/π)·4e and Y = (180/π)·Kλ/L above the instrument: L = 300 Å, e = 0.002.
awk -F, '/^L_A/ { getline; if ($1 < 270 || $1 > 330 || $3 < 0.0019 || $3 > 0.0021) exit 1; f = 1 }
         END { exit !f }' "$tmp/ss.csv" \
  && echo "ok: W size and strain recovered" || { echo "FAIL: W size/strain"; cat "$tmp/ss.csv"; fail=1; }

# --- bad input ------------------------------------------------------------------------------
printf 'data_x\n_cell_length_a 5\n_cell_length_b 5\n_cell_length_c 5\n_space_group_IT_number 225\nloop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\nNa 0 zero 0\n' > "$tmp/bad.cif"
expect 3 "bad.cif:11:6" e1 -- "$solyte" xrd lines --cif "$tmp/bad.cif"
printf 'data_x\n_title "never closed\n' > "$tmp/bad2.cif"
expect 3 "bad2.cif:2:8" e2 -- "$solyte" xrd lines --cif "$tmp/bad2.cif"
expect 2 "give a structure" e3 -- "$solyte" xrd lines
expect 2 "MIN must be below MAX" e4 -- "$solyte" xrd lines --cell 4 -g 221 --range 90:5
expect 2 "unknown space group" e5 -- "$solyte" xrd lines --cell 4 -g Xx9
expect 2 "cannot read --wavelength" e6 -- "$solyte" xrd lines --cell 4 -g 221 --wavelength blue
expect 3 "no table of numbers found" e7 -- "$solyte" xrd peaks "$ex/NaCl.cif"
printf 'time[s],potential[V]\n1,0.1\n2,0.2\n3,0.3\n4,0.4\n5,0.5\n6,0.6\n' > "$tmp/cv.csv"
expect 2 "no record with 2θ and intensity" e11 -- "$solyte" xrd peaks "$tmp/cv.csv"
expect 2 "needs --standard" e8 -- "$solyte" xrd size-strain "$tmp/w.csv"
expect 2 "not smaller than the observed" e9 -- "$solyte" xrd size-strain --two-theta 20 --beta 0.1 --instrumental 0.2
expect 2 "lines match an allowed reflection" e10 -- "$solyte" xrd index --positions 10.1,12.3,17.7 --cell 4 -g Pm-3m --tolerance 0.01
if ls "$tmp"/*.tmp.* >/dev/null 2>&1; then echo "FAIL: temporary files left behind"; fail=1; fi
exit $fail
