// Fits of the complex permittivity ε*(f) of a spectrum with a relaxation model plus an
// optional DC-conduction term (METHODS.md §7, the permittivity representation).
//
//   auto r = solyte::relax::fit_permittivity(spectrum, geometry,
//                                            {.model = RelaxationModel::havriliak_negami});
//
// Data: ε* = σ*/(iωε0) = ε' − iε'' (METHODS §1). Model: ε*(ω) = ε∞ + Δε·F*(ωτ) − iσ_dc/(ε0ω)
// with F* of relaxation_functions.hpp (Kremer & Schönhals 2003, ch. 1). ε' and ε'' are both
// fitted, each residual divided by |ε*| of the data (the two parts span decades). ε∞, Δε, τ,
// σ_dc on log scales, exponents on (0.05, 1]. Starting values: ε∞ from ε' at the highest
// frequency, Δε from ε' at the lowest, τ where ε' is halfway between them (in log), σ_dc from
// ε''·ε0·ω at the lowest frequency; exponents 0.8 then 0.5 and 0.95 if the fit is poor.
// Electrode polarisation inflates ε' at low frequency: fit within a window above it.
// Failures: InvalidArgument for a bad spectrum, geometry or window (fewer than 6 points).
#pragma once

#include <optional>
#include <string>

#include "solyte/core/spectrum.hpp"
#include "solyte/fit/least_squares.hpp"
#include "solyte/relax/relaxation_functions.hpp"

namespace solyte::relax {

struct PermittivityFitOptions {
  RelaxationModel model = RelaxationModel::havriliak_negami;
  bool conduction = true;                  ///< include the σ_dc/(ε0ω) loss term
  std::optional<double> f_min_hz, f_max_hz;
};

struct PermittivityFitResult {
  RelaxationModel model = RelaxationModel::havriliak_negami;
  fit::FitReport report;
  double eps_inf = 0, eps_inf_err = 0;
  double delta_eps = 0, delta_eps_err = 0;
  double tau_s = 0, tau_err_s = 0;
  Shape shape, shape_err;
  std::optional<double> sigma_dc_s_per_m, sigma_dc_err_s_per_m;
  double mean_tau_s = 0;
  std::size_t n_points = 0;
  double f_min_hz = 0, f_max_hz = 0;
  std::string message;
};

PermittivityFitResult fit_permittivity(const Spectrum& s, const PelletGeometry& g,
                                       const PermittivityFitOptions& options = {});

}  // namespace solyte::relax
