// The linear Kramers–Kronig test of M. Schönleber, D. Klotz, E. Ivers-Tiffée, Electrochim.
// Acta 131 (2014) 20: a spectrum is KK-consistent when a chain of RC elements with fixed time
// constants reproduces it within its noise.
//
//   auto kk = solyte::eis::lin_kk(spectrum);                        // M chosen by μ ≤ 0.85
//   std::cout << kk.m << " RC elements, max residual " << kk.max_abs_residual_pct << " %, "
//             << kk.verdict << "\n";
//
// Model: Z = R0 + iωL [+ 1/(iωC)] + Σ_k R_k/(1 + iωτ_k), τ_1 = 1/ω_max … τ_M = 1/ω_min
// log-spaced (τ = 1/ω_min when M = 1). The fit is linear in R0, R_k, L and 1/C: least squares
// on the residuals divided by |Z_i| (Schönleber eq. 14 for `complex`; `real` fits Re Z and
// then L (and C) to the remaining Im Z; `imag` fits Im Z and then R0 by the 1/|Z|²-weighted
// mean of Re(Z − Z_fit), B. A. Boukamp, J. Electrochem. Soc. 142 (1995) 1885, eq. 7).
// M grows from 1 until μ = 1 − Σ_{R_k<0}|R_k| / Σ_{R_k≥0}|R_k| falls to c or below (or M
// reaches max_m). Residuals Δ = (Z − Z_fit)/|Z| in % of |Z|. Verdict from the largest |Δ|
// of Re and Im: "valid" up to valid_pct, "questionable" up to questionable_pct, else
// "invalid".
// Failures: InvalidArgument for a bad spectrum, fewer than 3 points in the window, or bad
// options.
#pragma once

#include <complex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/spectrum.hpp"

namespace solyte::eis {

enum class KKFit { complex, real, imag };
std::string_view to_string(KKFit f);
KKFit parse_kk_fit(std::string_view name);  ///< "complex", "real", "imag"

struct LinKKOptions {
  double c = 0.85;  ///< μ cut-off (Schönleber et al.)
  int max_m = 50;
  std::optional<int> m;  ///< a fixed number of RC elements instead of the μ search
  KKFit fit = KKFit::complex;
  bool inductance = true;    ///< series L
  bool capacitance = false;  ///< series C (spectra without a low-frequency intercept)
  std::optional<double> f_min_hz, f_max_hz;
  double valid_pct = 1.0, questionable_pct = 5.0;
};

struct LinKKResult {
  int m = 0;
  double mu = 0;
  bool mu_reached = false;  ///< μ ≤ c was reached (else M = max_m)
  double r0_ohm = 0;
  std::optional<double> l_h, c_f;
  std::vector<double> tau_s, r_k_ohm;
  std::vector<double> frequency_hz;
  std::vector<std::complex<double>> impedance_ohm, fitted_ohm;
  std::vector<double> residual_re_pct, residual_im_pct;
  double max_abs_residual_pct = 0, rms_residual_pct = 0;
  std::string verdict;
  std::string message;
};

LinKKResult lin_kk(const Spectrum& s, const LinKKOptions& options = {});

}  // namespace solyte::eis
