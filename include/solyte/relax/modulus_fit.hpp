// Fits of the electric modulus M*(f) of a spectrum with a relaxation model (METHODS.md §7).
//
//   auto r = solyte::relax::fit_modulus(spectrum, geometry, {.model = RelaxationModel::kww});
//   if (r.report.usable()) std::cout << r.shape.beta << " " << r.tau_s << "\n";
//
// Data: M* = iωC0·Z* (C0 = ε0A/L). Fitted: M'' alone (default) or M' and M'' together, within
// an optional frequency window. Parameters: M∞ and τ on log scales, the shape exponents
// through a logistic map onto (0.05, 1]. Residuals are divided by the largest |M''| of the
// data (unit weighting on a normalised scale) or by |M*| at each point (proportional).
// Starting values come from the data (peak of M'', its width in decades, M' at the highest
// frequency); several starts are tried and the best χ² kept.
// Reported: the parameters with standard errors, ⟨τ⟩ = ∫Φ dt, for KWW the coupling parameter
// n = 1 − β, the frequency and height of the fitted M'' peak, and σ_DC = ε0/(M∞⟨τ⟩) where ⟨τ⟩
// is finite (Moynihan, Boesch & Laberge 1973).
// Failures: InvalidArgument for a bad spectrum, geometry, window (fewer than 5 points) or
// options. Non-convergence is a status in the report.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "solyte/core/spectrum.hpp"
#include "solyte/fit/least_squares.hpp"
#include "solyte/relax/relaxation_functions.hpp"

namespace solyte::relax {

enum class ModulusWeight { unit, proportional };

struct ModulusFitOptions {
  RelaxationModel model = RelaxationModel::kww;
  bool fit_real_part = false;              ///< fit M' as well as M''
  std::optional<double> f_min_hz, f_max_hz;
  ModulusWeight weight = ModulusWeight::unit;
  std::optional<double> tau_guess_s, beta_guess;   ///< override the data-driven start
};

struct ModulusFitResult {
  RelaxationModel model = RelaxationModel::kww;
  fit::FitReport report;
  double m_inf = 0, m_inf_err = 0;
  double tau_s = 0, tau_err_s = 0;
  Shape shape;                       ///< the exponents the model uses; others stay 1
  Shape shape_err;
  double mean_tau_s = 0;             ///< ⟨τ⟩; +∞ where undefined
  std::optional<double> coupling_n;  ///< 1 − β (KWW)
  double peak_frequency_hz = 0;      ///< maximum of the fitted M''
  double peak_height = 0;
  bool peak_outside_window = false;  ///< the fit extrapolates: its peak is not in the data
  std::optional<double> sigma_dc_s_per_m;   ///< ε0/(M∞⟨τ⟩) when ⟨τ⟩ is finite
  std::size_t n_points = 0;
  double f_min_hz = 0, f_max_hz = 0;        ///< the window actually fitted
  std::string message;
};

ModulusFitResult fit_modulus(const Spectrum& s, const PelletGeometry& g,
                             const ModulusFitOptions& options = {});

/// Master curve of a temperature series: M''/M''max against f/f_max for each spectrum, and
/// how well they collapse (time–temperature superposition). `collapse_rms` is the RMS
/// deviation of log10(M''/M''max) from the mean curve over the common range of log10(f/f_max)
/// (0 = perfect superposition).
struct ScaledCurve {
  std::string label;
  double temperature_k = 0;   ///< 0 when unknown
  double f_max_hz = 0, m2_max = 0;
  std::vector<double> f_scaled, m2_scaled;
};
struct ModulusScaling {
  std::vector<ScaledCurve> curves;
  double collapse_rms = 0;
  double common_low = 0, common_high = 0;   ///< common range of log10(f/f_max)
};
ModulusScaling modulus_scaling(const std::vector<Spectrum>& spectra,
                               const std::vector<PelletGeometry>& geometries);

}  // namespace solyte::relax
