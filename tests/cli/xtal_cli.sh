#!/usr/bin/env bash
# packing, entropy and ema through the CLI: the numbers of METHODS.md §4–6 come out, and bad
# input exits 2 with a message and no output file.
# Reference values: METHODS.md §5 Table 1 (unrounded: fcc 1019.93, 254.98, 1.0811, 3.5589,
# 188.81, 66.17; bcc 489.68, 244.84, 1.1259, 3.4130, 166.53, 78.31; 15.5 % and 18.3 %),
# §4 (7.5115 and 3.7557 k_B; 3.7729 k_B from the ratio 0.11; 11.25 k_B = 93.5 J/(mol K)),
# §6 (parallel 3.680, Maxwell-Garnett 3.5385, Bruggeman 3-D 3.5201, series 0.00499 mS/cm).
# Usage: xtal_cli.sh SOLYTE ROOT
set -u
solyte=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# shellcheck source=lib/checks.bash
source "$2/tests/cli/lib/checks.bash"

# --- packing: Table 1 -------------------------------------------------------------------
run "$tmp/pack.csv" -- "$solyte" packing --lattice fcc,bcc --a 10.066,7.882 --z 4,2 \
  --formula NaCB11H12 -f csv
near "$tmp/pack.csv" fcc V_A3 1019.93 2
near "$tmp/pack.csv" fcc V_per_Z_A3 254.98 2
near "$tmp/pack.csv" fcc rho_g_per_cm3 1.0811 4
near "$tmp/pack.csv" fcc R_anion_A 3.5589 4
near "$tmp/pack.csv" fcc V_anion_A3 188.81 2
near "$tmp/pack.csv" fcc V_free_per_Z_A3 66.17 2
near "$tmp/pack.csv" bcc V_A3 489.68 2
near "$tmp/pack.csv" bcc V_per_Z_A3 244.84 2
near "$tmp/pack.csv" bcc rho_g_per_cm3 1.1259 4
near "$tmp/pack.csv" bcc R_anion_A 3.4130 4
near "$tmp/pack.csv" bcc V_anion_A3 166.53 2
near "$tmp/pack.csv" bcc V_free_per_Z_A3 78.31 2
near "$tmp/pack.csv" fcc dV_over_V_B_pct 15.5 1
near "$tmp/pack.csv" fcc dV_over_V_A_pct 18.3 1
near "$tmp/pack.csv" fcc M_g_per_mol 166.0068 4
# The text table and its sentences; units in the value are accepted.
run "$tmp/pack.txt" -- "$solyte" packing --lattice fcc,bcc --a "10.066 Å,7.882A" --z 4,2 \
  --formula NaCB11H12
for s in 1019.93 254.983 1.0811 188.81 489.677 166.533 "15.49 %" "18.33 %"; do
  grep -q -- "$s" "$tmp/pack.txt" || { echo "FAIL: packing text lacks '$s'"; fail=1; }
done

# --- entropy ----------------------------------------------------------------------------
run "$tmp/s1.csv" -- "$solyte" entropy config --sites 24h:0.008,24g:0.075 --cations 2 -f csv
near "$tmp/s1.csv" 2 S_kB_per_cell 7.5115 4
near "$tmp/s1.csv" 2 S_kB_per_cation 3.7557 4
run "$tmp/s1.txt" -- "$solyte" entropy config --sites 24:0.008,24:0.075 --cations 2
grep -q "3.75575" "$tmp/s1.txt" || { echo "FAIL: entropy text lacks 3.75575"; fail=1; }
grep -q "1.992" "$tmp/s1.txt" || { echo "FAIL: entropy text lacks the 1.992 note"; fail=1; }
run "$tmp/s2.csv" -- "$solyte" entropy config --sites 24h,24g --ratio 0.11 --cations 2 -f csv
near "$tmp/s2.csv" 24h occupancy 0.0082583 7
near "$tmp/s2.csv" 24g occupancy 0.0750751 7
near "$tmp/s2.csv" 2 S_kB_per_cation 3.7729 4
# Wyckoff letters through the group's table (multiplicities derived from Im-3m's operations).
run "$tmp/s3.csv" -- "$solyte" entropy config --spacegroup Im-3m --sites h:0.008,g:0.075 --cations 2 -f csv
near "$tmp/s3.csv" 24h multiplicity 24 0
near "$tmp/s3.csv" 2 S_kB_per_cation 3.7557 4
run "$tmp/s4.csv" -- "$solyte" entropy config -g 229 --sites 24h,24g --ratio 0.11 --cations 2 -f csv
near "$tmp/s4.csv" 2 S_kB_per_cation 3.7729 4
run "$tmp/w.csv" -- "$solyte" sites --spacegroup Im-3m -f csv
grep -q '^48i,48,i,\.\.2,2,1,' "$tmp/w.csv" || { echo "FAIL: sites lacks the 48i row"; fail=1; }
run "$tmp/m.csv" -- "$solyte" entropy migration --ln-sigma0 26.29,15.04 --err 0.1,0.2 -f csv
near "$tmp/m.csv" 26.29 dS_kB 11.25 2
near "$tmp/m.csv" 26.29 dS_J_per_mol_K 93.5 1

# --- ema ----------------------------------------------------------------------------------
run "$tmp/e.csv" -- "$solyte" ema --phase 0.92:4mS/cm --phase 0.08:4e-4mS/cm -f csv
near "$tmp/e.csv" parallel sigma_mS_per_cm 3.680 3
near "$tmp/e.csv" maxwell-garnett sigma_mS_per_cm 3.5385 4   # first MG row: phase 1 as host
near "$tmp/e.csv" bruggeman-3d sigma_mS_per_cm 3.5201 4
near "$tmp/e.csv" series sigma_mS_per_cm 0.00499 5
run "$tmp/e.txt" -- "$solyte" ema --phase bcc:92%:4mS/cm --phase ortho:8%:4e-4mS/cm -m bruggeman
grep -q "3.52008" "$tmp/e.txt" || { echo "FAIL: ema text lacks 3.52008"; fail=1; }
if grep -q "^parallel " "$tmp/e.txt"; then echo "FAIL: --method bruggeman printed parallel"; fail=1; fi

# --- bad input: exit 2, a message, no output file ---------------------------------------
expect 2 "unknown element 'Xx' at position 3" b1 -- "$solyte" packing --lattice fcc --a 10 --z 4 --formula NaXx
expect 2 "unknown anion lattice" b2 -- "$solyte" packing --lattice fcx --a 10 --z 4 --formula NaCl
expect 2 "must be positive" b3 -- "$solyte" packing --lattice fcc --a=-10 --z 4 --formula NaCl
expect 2 "strictly between 0 and 1" b4 -- "$solyte" entropy config --sites 24h:1.2,24g:0.075
expect 2 "no multiplicity" b5 -- "$solyte" entropy config --sites h:0.1
expect 2 "needs --cations" b6 -- "$solyte" entropy config --sites 24h,24g --ratio 0.11
expect 2 "sum to 0.99" b7 -- "$solyte" ema --phase 0.92:4mS/cm --phase 0.07:4e-4mS/cm
expect 2 "volume fraction -0.92" b8 -- "$solyte" ema --phase=-0.92:4mS/cm --phase 1.92:4e-4mS/cm
expect 2 "has no unit" b9 -- "$solyte" ema --phase 0.92:4 --phase 0.08:1mS/cm
expect 2 "one --density" b10 -- "$solyte" ema --phase 0.92:4mS/cm --phase 0.08:1mS/cm --weight-fractions
expect 2 "has no Wyckoff position 'm'" b12 -- "$solyte" entropy config -g Im-3m --sites m:0.1
expect 2 "letter h has multiplicity 24" b13 -- "$solyte" entropy config -g Im-3m --sites 12h:0.1
expect 2 "two values" b11 -- "$solyte" entropy migration --ln-sigma0 1
if ls "$tmp"/*.tmp.* >/dev/null 2>&1; then echo "FAIL: temporary files left behind"; fail=1; fi
exit $fail
