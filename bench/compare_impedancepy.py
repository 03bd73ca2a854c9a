#!/usr/bin/env python3
"""Equivalent-circuit fits, solyte beside impedance.py (the fastest other fitter on the
machine), on the same spectra from the same starting values.

    python3 bench/compare_impedancepy.py bench [--solyte-bench build-bench/bench/circuit_fit_bench]
    python3 bench/compare_impedancepy.py reference ../shared/data/eis_software_fixtures/impedancepy/exampleData.csv

impedance.py is not part of solyte and nothing of it is kept here: point IMPEDANCE_PY at a
checkout of github.com/ECSHackWeek/impedance.py (the folder holding the `impedance` package);
it needs numpy and scipy (Debian: python3-numpy python3-scipy python3-matplotlib). Without it
the script says so and times solyte alone. Run it on one core (taskset -c 0) for the figures
of docs/performance.md.

`bench` times, per fit:
  rq60       R0-p(R1,CPE1), R0 = 20 Ohm, R1 = 10 kOhm, Q = 3e-9, alpha = 0.85, at the 60
             frequencies 10**(7 - 8 i/59) Hz, no noise; started from 1.5x the truth
             (alpha 0.8) and from ten times off (alpha 0.5)
  tutorial   impedance.py's exampleData.csv (Z'' < 0), R0-p(R1,C1)-p(R2-Wo1,C2), unit
             weights, from the tutorial's initial guess
and prints the chi2 each program reached (same cost: sum of squared Re and Im residuals).
`reference` prints impedance.py's tutorial fit and its linKK results, the numbers quoted in
tests/unit/eis_circuit_reference_test.cpp.
"""
import argparse
import json
import os
import subprocess
import sys
import time
import types

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TUTORIAL_CSV = os.path.join(ROOT, "tests", "data", "io", "delimited", "exampleData.csv")
RQ_TRUTH = [20.0, 1e4, 3e-9, 0.85]
RQ_GUESSES = {"1.5x": [30.0, 1.5e4, 4.5e-9, 0.8], "tenfold": [200.0, 1e5, 3e-8, 0.5]}
TUTORIAL_GUESS = [.01, .01, 100, .01, .05, 100, 1]
TUTORIAL_CIRCUIT = "R0-p(R1,C1)-p(R2-Wo1,C2)"


def load_peer():
    """impedance.py's fitting and validation modules, or None with the reason."""
    path = os.environ.get("IMPEDANCE_PY")
    if not path:
        return None, "IMPEDANCE_PY is not set (a checkout of ECSHackWeek/impedance.py)"
    if not os.path.isdir(os.path.join(path, "impedance")):
        return None, "IMPEDANCE_PY=%s holds no 'impedance' package" % path
    sys.path.insert(0, path)
    # Its circuits module imports a plotting package the fits do not need.
    try:
        import altair  # noqa: F401
    except ImportError:
        sys.modules["altair"] = types.ModuleType("altair")
    try:
        import numpy as np  # noqa: F401
        from impedance import preprocessing
        from impedance.models.circuits import fitting
        from impedance import validation
    except Exception as e:  # any import failure means: no peer
        return None, "impedance.py could not be imported (%s)" % e
    return (preprocessing, fitting, validation), ""


def rq_spectrum(np):
    f = np.array([10 ** (7 - 8 * i / 59) for i in range(60)])
    w = 2 * np.pi * f
    r0, r1, q, a = RQ_TRUTH
    z = r0 + 1 / (1 / r1 + q * (1j * w) ** a)
    return f, z


def tutorial_spectrum(preprocessing):
    f, z = preprocessing.readCSV(TUTORIAL_CSV)
    return preprocessing.ignoreBelowX(f, z)


def chi2_unit(np, fitting, circuit, f, z, p):
    zf = fitting.wrapCircuit(circuit, {})(f, *p)
    r = zf - np.hstack([z.real, z.imag])
    return float(r @ r)


def time_peer(fit, repeats):
    """Median over five batches of the time per call, in microseconds."""
    fit()
    batches = []
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(repeats):
            fit()
        batches.append((time.perf_counter() - t0) / repeats * 1e6)
    return sorted(batches)[2]


def run_solyte(binary):
    if not os.path.exists(binary):
        return None, "no solyte benchmark at %s (make bench builds it)" % binary
    out = subprocess.run([binary, "--benchmark_format=json", "--benchmark_repetitions=5",
                          "--benchmark_report_aggregates_only=true"],
                         capture_output=True, text=True, check=True).stdout
    rows = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("aggregate_name") == "median":
            rows[b["run_name"]] = b
    return rows, ""


def bench(args):
    peer, why = load_peer()
    rows, why_solyte = run_solyte(args.solyte_bench)
    results = []   # (case, solyte µs, solyte chi2 or iterations, peer µs, peer chi2)
    if peer:
        import numpy as np
        preprocessing, fitting, _ = peer
        f, z = rq_spectrum(np)
        for label, guess in RQ_GUESSES.items():
            p = fitting.circuit_fit(f, z, "R0-p(R1,CPE1)", guess)[0]
            t = time_peer(lambda: fitting.circuit_fit(f, z, "R0-p(R1,CPE1)", guess), args.repeats)
            results.append(("rq60 from " + label, t, chi2_unit(np, fitting, "R0-p(R1,CPE1)", f, z, p)))
        f, z = tutorial_spectrum(preprocessing)
        p = fitting.circuit_fit(f, z, TUTORIAL_CIRCUIT, TUTORIAL_GUESS)[0]
        t = time_peer(lambda: fitting.circuit_fit(f, z, TUTORIAL_CIRCUIT, TUTORIAL_GUESS),
                      max(1, args.repeats // 10))
        results.append(("tutorial from its guess", t, chi2_unit(np, fitting, TUTORIAL_CIRCUIT, f, z, p)))
    else:
        print("impedance.py: skipped, " + why)
    names = {"rq60 from 1.5x": "BM_Rq60FromGuessOneRun/noisy:0",
             "rq60 from tenfold": "BM_Rq60FromTenfold",
             "tutorial from its guess": "BM_TutorialFromGuessOneRun"}
    print("%-26s %12s %14s %16s %14s" % ("case", "solyte_us", "solyte_chi2", "impedancepy_us",
                                        "impy_chi2"))
    cases = [r[0] for r in results] or list(names)
    for case in cases:
        s = rows.get(names[case]) if rows else None
        peer_row = next((r for r in results if r[0] == case), None)
        print("%-26s %12s %14s %16s %14s" % (
            case,
            "%.1f" % s["cpu_time"] if s else "-",
            "%.6g" % s["chi2"] if s else "-",
            "%.1f" % peer_row[1] if peer_row else "-",
            "%.6g" % peer_row[2] if peer_row else "-"))
    if rows is None:
        print("solyte: skipped, " + why_solyte)
    else:
        notes = {"BM_Rq60FromData/noisy:0": "default options, clean",
                 "BM_Rq60FromData/noisy:1": "default options, 1 % noise",
                 "BM_TutorialFromGuessOneRunTol1e6": "tutorial guess, tolerance 1e-6",
                 "BM_TutorialDefault": "default options"}
        for name, note in notes.items():
            if name in rows:
                r = rows[name]
                print("solyte %-34s %10.1f us  chi2 %.6g  (%s, %d iterations, %d starts)" %
                      (name, r["cpu_time"] * (1000 if r["time_unit"] == "ms" else 1), r["chi2"],
                       note, r["iterations"], r["starts"]))


def reference(args):
    peer, why = load_peer()
    if not peer:
        print("impedance.py: skipped, " + why)
        return
    import numpy as np
    preprocessing, fitting, validation = peer
    f, z = preprocessing.readCSV(args.file)
    f, z = preprocessing.ignoreBelowX(f, z)
    p, e = fitting.circuit_fit(f, z, TUTORIAL_CIRCUIT, TUTORIAL_GUESS)
    print("points", len(f))
    print("chi2 %.17g" % chi2_unit(np, fitting, TUTORIAL_CIRCUIT, f, z, p))
    print("params", " ".join("%.17g" % x for x in p))
    print("errors", " ".join("%.17g" % x for x in e))
    picks = [0, 20, 40, -1]
    m, mu, _, rr, ri = validation.linKK(f, z)
    print("linkk_default M", m, "mu %.17g" % mu,
          "max_re %.9g max_im %.9g" % (np.max(np.abs(rr)), np.max(np.abs(ri))))
    print("  re", " ".join("%.9g" % rr[k] for k in picks), "im", " ".join("%.9g" % ri[k] for k in picks))
    keep = f < 1000
    m, mu, _, rr, ri = validation.linKK(f[keep], z[keep], c=.5, max_M=100, fit_type='complex',
                                        add_cap=True)
    print("linkk_tutorial M", m, "mu %.17g" % mu,
          "max_re %.9g max_im %.9g" % (np.max(np.abs(rr)), np.max(np.abs(ri))))
    print("  re", " ".join("%.9g" % rr[k] for k in picks), "im", " ".join("%.9g" % ri[k] for k in picks))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="mode", required=True)
    b = sub.add_parser("bench")
    b.add_argument("--solyte-bench", default=os.environ.get(
        "SOLYTE_BENCH", os.path.join(ROOT, "build-bench", "bench", "circuit_fit_bench")))
    b.add_argument("--repeats", type=int, default=20, help="fits per timed batch (impedance.py)")
    r = sub.add_parser("reference")
    r.add_argument("file")
    args = ap.parse_args()
    (bench if args.mode == "bench" else reference)(args)


if __name__ == "__main__":
    main()
