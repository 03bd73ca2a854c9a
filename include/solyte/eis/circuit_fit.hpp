// Complex nonlinear least-squares fits of equivalent circuits to impedance spectra.
//
//   auto c = solyte::eis::Circuit::parse("R0-p(R1,CPE1)");
//   auto r = solyte::eis::fit_circuit(spectrum, c, {.weighting = Weighting::modulus});
//   if (r.report.usable()) std::cout << r.report.at("R1").value << " ± " <<
//   r.report.at("R1").stderr;
//
// Residuals: Re and Im of Z_model − Z at every point of the window, each divided by σ:
//   unit          σ = 1 Ω                      (impedance.py's default; RelaxIS "No Weighting")
//   modulus       σ = |Z_i|                    (impedance.py weight_by_modulus; RelaxIS
//                                               "Proportional Weighting")
//   proportional  σ_re = |Z'_i|, σ_im = |Z''_i|, each at least 1e-3·|Z_i|
//                                              (B. A. Boukamp, Solid State Ionics 20 (1986) 31)
//   sigma         σ given per point
// χ² is the sum of their squares. Positive parameters are optimised as ln p, exponents through
// a logistic map onto their bounds; an optimum that runs onto a bound is held there (and
// flagged) when that is no worse. Solver: ceres::TinySolver (Levenberg–Marquardt) with exact
// Jacobians (automatic differentiation of the elements, chain rule through the tree), stopped
// when the Gauss–Newton step left is below step_tolerance standard errors (or, where it cannot
// shrink, when χ² changes by less than `tolerance` relatively; docs/methods.md §8);
// standard errors from cov = s²(JᵀJ)⁻¹, s² = χ²/(n − p), n = 2·points (fit/least_squares.hpp).
// Starting values: those given, else a neighbour's optimum, else from the data
// (initial_guess). When the first optimum is poor (not converged, or relative misfit above
// poor_fit_rms) the data-derived start and then further starts spread around the first one
// are tried and the lowest χ² is kept; the sequence is seeded, so a fit gives the same result
// on every run and thread.
// Failures: InvalidArgument for an unknown parameter name, a value outside its bounds, or a
// window with too few points (2·points must exceed the free parameters). Non-convergence is
// a status in the report.
#pragma once

#include <complex>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/spectrum.hpp"
#include "solyte/eis/circuit.hpp"
#include "solyte/fit/least_squares.hpp"

namespace solyte::eis {

enum class Weighting { unit, modulus, proportional, sigma };
std::string_view to_string(Weighting w);
/// "unit", "modulus", "proportional", "sigma"; InvalidArgument otherwise.
Weighting parse_weighting(std::string_view name);

struct ParameterValue {
  std::string name;  ///< parameter name or impedance.py alias
  double value = 0;
};
struct ParameterBounds {
  std::string name;
  double lower = 0,
         upper = 0;  ///< natural units; ±inf allowed as "0:inf" or "-inf:inf"
};

struct CircuitFitOptions {
  Weighting weighting = Weighting::modulus;
  /// Weighting::sigma: σ in Ω per point of the whole spectrum (both parts), or 2·points values (σ
  /// of Re for every point, then of Im).
  std::vector<double> sigma_ohm;
  std::optional<double> f_min_hz,
      f_max_hz;  ///< inclusive window (relative slack 1e-6)
  /// Starting values for all parameters in circuit order (a neighbour's optimum); empty: from the
  /// data. `guess` entries override single values either way.
  std::vector<double> start;
  std::vector<ParameterValue> guess;
  std::vector<ParameterValue> fixed;    ///< held at these values
  std::vector<ParameterBounds> bounds;  ///< replace the element's default bounds
  bool multistart = true;
  double poor_fit_rms = 0.02;  ///< relative RMS misfit above which more starts are tried
  int starts = 24;             ///< further starts of the fallback
  int max_iterations = 200;    ///< per Levenberg–Marquardt run
  double tolerance = 1e-10;    ///< a run stops when χ² changes by less than this, relatively
  /// …or earlier, when the Gauss–Newton step left at a stop is below this many standard errors
  /// (its Mahalanobis norm, which bounds every parameter's step over its standard error); a stop
  /// on a plateau, where that step is long, is resumed. 0: `tolerance` alone.
  double step_tolerance = 1e-3;
};

struct CircuitFitResult {
  fit::FitReport report;  ///< parameters in circuit order, natural units
  std::string circuit;    ///< Circuit::to_string()
  Weighting weighting = Weighting::modulus;
  std::vector<double> start_values;  ///< where the kept optimum's run started
  std::string start;                 ///< "given", "data", "neighbour" or "multistart"
  std::size_t starts_tried = 1;
  std::vector<double> frequency_hz;  ///< the points fitted, as in the spectrum
  std::vector<std::complex<double>> impedance_ohm, fitted_ohm;
  std::vector<double> residual_re, residual_im;  ///< (Z − Z_fit)/|Z|
  double rms_relative = 0;                       ///< √(mean |Z − Z_fit|²/|Z|²)
  double f_min_hz = 0, f_max_hz = 0;
  std::size_t n_points = 0;

  /// Parameter values in circuit order.
  std::vector<double> values() const;
};

CircuitFitResult fit_circuit(const Spectrum& s, const Circuit& c,
                             const CircuitFitOptions& options = {});

/// Starting values for every parameter from the shape of the data (frequencies in Hz, any order):
/// the high-frequency intercept for series resistors, the apex frequency, diameter and depression
/// of each arc (−Z'' maxima, high to low frequency) for the parallel blocks in order of appearance,
/// the slope and phase of the low-frequency tail for series capacitive elements, a positive Z'' at
/// the highest frequency for an inductor. Values are inside the default bounds. Throws
/// InvalidArgument for fewer than 3 points.
std::vector<double> initial_guess(const Circuit& c, std::span<const double> frequency_hz,
                                  std::span<const std::complex<double>> impedance_ohm);

/// Fits of many spectra with the same circuit, on `threads` threads (0: all cores). Results are in
/// the order of `spectra` and identical for any number of threads.
struct BatchFitOptions {
  CircuitFitOptions fit;
  unsigned threads = 0;
  /// Temperature series: spectra are ordered by temperature (input order when any has none) and
  /// each is also fitted from its neighbour's optimum, keeping the lower χ².
  bool series = false;
  /// Called with the number of spectra fitted so far (one call at a time, from any thread);
  /// for progress bars. May be empty.
  std::function<void(std::size_t done)> progress;
};
struct BatchFitResult {
  std::vector<CircuitFitResult> fits;  ///< in input order
  std::vector<std::size_t> order;      ///< indices into `fits` in temperature order
  std::string message;
};
BatchFitResult fit_circuit_batch(std::span<const Spectrum> spectra, const Circuit& c,
                                 const BatchFitOptions& options = {});

}  // namespace solyte::eis
