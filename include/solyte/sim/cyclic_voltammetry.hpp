// A slow-scan cyclic voltammogram of a blocking working electrode on a solid electrolyte, for
// round trips of the stability-window analysis (METHODS.md §11; docs/methods.md §11).
//
//   solyte::sim::CvExperiment x;                     // 2.5 → 5 → 2.5 V at 50 µV/s
//   x.oxidation = {.e_half_v = 4.30, .width_v = 0.04, .limiting_current_a = 2e-6};
//   x.peaks = {{.e_v = 3.3, .fwhm_v = 0.1, .charge_c = 2e-4}};   // irreversible pre-peak
//   auto record = solyte::sim::simulate_cv(x);
//
// Current i = i_C + i_leak + i_ox + Σ peaks + noise:
//   i_C    = C·dE/dt, relaxing from the old to the new sign with time constant τ after a reversal;
//   i_leak = G·(E − e_start_v);
//   i_ox   = i_lim / (1 + exp(−(E − E½)/b)), an irreversible oxidation wave (no cathodic
//            current on the return). Its edge potentials in closed form: tangent at the
//            steepest rise meets the baseline at E½ − 2b; a current i_ox = I is reached at
//            E½ − b·ln(i_lim/I − 1);
//   peak   = ±Q·ν·G(E − E_p; Γ) (G the unit-area Gaussian of FWHM Γ, ν the scan rate), so that
//            the charge under it is Q; on the return a cathodic peak of charge f·Q at E_p − ΔE
//            (f = 0: irreversible). A first-cycle-only peak is consumed in cycle 1.
// Potentials on a staircase of step_v, time = Σ|ΔE|/ν; columns time (s), potential (V),
// current (A) and cycle; meta.electrode_area_m2 is set.
#pragma once

#include <cstdint>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::sim {

struct OxidationWave {
  double e_half_v = 4.3;
  double width_v = 0.04;             ///< b
  double limiting_current_a = 2e-6;  ///< i_lim (0: no wave)
};

struct CvPeakSpec {
  double e_v = 3.3;
  double fwhm_v = 0.1;
  double charge_c = 1e-4;        ///< anodic charge Q
  double return_fraction = 0;    ///< cathodic charge on the return / Q (0 = irreversible)
  double return_shift_v = 0.06;  ///< the cathodic peak sits at e_v − shift
  bool first_cycle_only = true;
};

struct CvExperiment {
  double e_start_v = 2.5;
  double e_upper_v = 5.0;
  double e_lower_v = 2.5;
  int cycles = 1;
  double scan_rate_v_per_s = 50e-6;
  double step_v = 1e-3;
  double area_m2 = 0.785e-4;
  double capacitance_f = 4e-4;
  double capacitive_tau_s = 0;
  double leak_conductance_s = 0;
  OxidationWave oxidation;
  std::vector<CvPeakSpec> peaks;
  double noise_a = 0;
  std::uint64_t seed = 1;
};

/// Throws InvalidArgument for e_lower ≥ e_upper, a start outside [lower, upper], a
/// non-positive scan rate, step, area or width, cycles < 1, or a negative noise level.
Measurement simulate_cv(const CvExperiment& experiment);

}  // namespace solyte::sim
