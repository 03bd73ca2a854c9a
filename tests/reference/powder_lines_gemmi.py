#!/usr/bin/python3
"""Reference powder lines from gemmi, an independent program, for tests/unit/xtal_powder_lines_test.cpp.

Usage: /usr/bin/python3 tests/reference/powder_lines_gemmi.py FILE.cif [WAVELENGTH_A [TTH_MIN TTH_MAX]]
Needs Debian's python3-gemmi (0.5.7); not used by the build or the tests, which embed its output.

gemmi reads the CIF (its own parser and space-group tables), computes F(hkl) with its IT92
neutral-atom form factors (charges ignored), occupancies made crystallographic for special
positions, isotropic or anisotropic displacements; hkl families are the orbits of the point group
plus Friedel mates; systematic absences from gemmi's operations. Intensity = m |F|^2 LP with
LP = (1 + cos^2 2th) / (sin^2 th cos th); lines closer than 1e-5 deg are merged.
Prints: two_theta_deg,d_A,I_rel_100,I_abs_LP_F2sum,hkl_families(multiplicity)
"""
import itertools
import math
import sys

import gemmi

path = sys.argv[1]
lam = float(sys.argv[2]) if len(sys.argv) > 2 else 1.5406
tmin, tmax = (float(sys.argv[3]), float(sys.argv[4])) if len(sys.argv) > 4 else (5.0, 90.0)

st = gemmi.read_small_structure(path)
st.setup_cell_images()
st.change_occupancies_to_crystallographic()
sg = st.find_spacegroup()
ops = sg.operations()
calc = gemmi.StructureFactorCalculatorX(st.cell)
dmin = lam / (2 * math.sin(math.radians(tmax / 2)))
lims = [int(x / dmin) + 1 for x in (st.cell.a, st.cell.b, st.cell.c)]
seen = set()
lines = []
for h, k, l in itertools.product(*[range(-n, n + 1) for n in lims]):
    if (h, k, l) == (0, 0, 0) or (h, k, l) in seen:
        continue
    d = st.cell.calculate_d([h, k, l])
    if d < dmin:
        continue
    tth = 2 * math.degrees(math.asin(lam / (2 * d)))
    eq = set()
    for op in ops.sym_ops:
        r = op.apply_to_hkl([h, k, l])
        eq.add(tuple(r))
        eq.add(tuple(-x for x in r))
    seen |= eq
    if tth < tmin or tth > tmax or ops.is_systematically_absent([h, k, l]):
        continue
    f2 = abs(calc.calculate_sf_from_small_structure(st, [h, k, l])) ** 2
    th = math.radians(tth / 2)
    lp = (1 + math.cos(2 * th) ** 2) / (math.sin(th) ** 2 * math.cos(th))
    rep = max(eq)
    lines.append([tth, d, len(eq) * f2 * lp, [(rep, len(eq))]])
lines.sort()
merged = []
for line in lines:
    if merged and abs(line[0] - merged[-1][0]) < 1e-5:
        merged[-1][2] += line[2]
        merged[-1][3] += line[3]
    else:
        merged.append(line)
top = max(x[2] for x in merged)
print("two_theta_deg,d_A,I_rel_100,I_abs_LP_F2sum,hkl_families(multiplicity)")
for tth, d, i, fam in merged:
    names = " ".join("(%s)x%d" % ("".join(str(v) for v in hkl), m) for hkl, m in fam)
    print("%.4f,%.5f,%.3f,%g,%s" % (tth, d, 100 * i / top, i, names))
