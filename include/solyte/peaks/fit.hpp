// Least-squares fit of several peaks at once (any mix of shapes from profiles.hpp), with an
// optional Chebyshev background fitted jointly, constraints (fixed or bounded centres, widths
// shared by a group of peaks, fixed widths or η) and standard errors of every area, centre,
// width and height (docs/methods.md §10).
//
//   std::vector<solyte::peaks::PeakStart> starts = {
//       {.peak = {.shape = Shape::pseudo_voigt, .center = 5.2, .area = 1, .fwhm = 3},
//        .width_group = 0},
//       {.peak = {.shape = Shape::pseudo_voigt, .center = -11.4, .area = 10, .fwhm = 3},
//        .width_group = 0}};
//   auto r = solyte::peaks::fit_peaks(ppm, intensity, starts, {.background_degree = 1});
//   if (r.report.usable()) ratio = r.peaks[0].peak.area / r.peaks[1].peak.area;
//
// Reuse for powder patterns: give a WidthModel (shared parameters → widths of a peak at its
// centre, e.g. Caglioti U, V, W with a Thompson–Cox–Hastings η) and fix the centres at the
// reflection positions; the fitter then refines intensities, the width law and the background.
//
// Method: residuals (y − model)/σ minimised by fit::least_squares (Ceres; areas on a log scale
// so they stay positive; widths on a logistic scale between a quarter of the sampling step and
// twice the data span; η on a logistic scale in (0, 1); bounded centres on a logistic scale).
// Errors: from the covariance s²(JᵀJ)⁻¹; quantities derived from several parameters (height, total
// FWHM, sums of areas) by first-order propagation with the full covariance. A fit that does not
// converge is reported in `report.status`, not thrown.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "solyte/fit/least_squares.hpp"
#include "solyte/peaks/profiles.hpp"

namespace solyte::peaks {

/// Width fields of a peak (as in Peak).
struct PeakWidths {
  double fwhm = 1;
  double eta = 0.5;
  double lorentz_fwhm = 0;
};

/// Widths of every peak computed from shared, fitted parameters instead of per peak.
struct WidthModel {
  std::vector<fit::Parameter> parameters;  ///< names must be unique; reported as "w.<name>"
  /// Widths of a peak centred at `center` for parameter values `values` (same order).
  std::function<PeakWidths(double center, std::span<const double> values)> widths;
};

/// One peak to fit: its shape and starting values, and the constraints on it.
struct PeakStart {
  Peak peak;                ///< shape and starting values
  bool fix_center = false;  ///< hold the centre at its start
  /// > 0: the centre stays within start ± window; 0: anywhere inside the data's x span.
  double center_window = 0;
  /// ≥ 0: all peaks with this group share fwhm (and η or Γ_L); their shapes must agree.
  int width_group = -1;
  bool fix_widths = false;      ///< hold fwhm, η and Γ_L at their starts
  bool fix_eta = false;         ///< pseudo-Voigt: hold η only
  bool allow_negative = false;  ///< the area may take either sign (default: area > 0)
};

struct PeakFitOptions {
  /// Degree of a Chebyshev background over the data's x span fitted with the peaks; −1: none.
  int background_degree = -1;
  std::optional<WidthModel> width_model;  ///< when set, every peak's widths come from it
  fit::LeastSquaresOptions solver;
};

/// A fitted peak with standard errors (0 for a fixed quantity, NaN when undefined).
struct FittedPeak {
  Peak peak;
  double center_err = 0, area_err = 0, fwhm_err = 0, eta_err = 0, lorentz_fwhm_err = 0;
  double height = 0, height_err = 0;          ///< value at the centre
  double total_fwhm = 0, total_fwhm_err = 0;  ///< FWHM of the whole profile
};

struct PeakFitResult {
  std::vector<FittedPeak> peaks;   ///< in the order of the starts
  std::vector<double> background;  ///< Chebyshev coefficients on [x_lo, x_hi]
  std::vector<double> background_err;
  double x_lo = 0, x_hi = 0;
  std::vector<double> model;  ///< peaks + background at every x
  /// Parameters "p1.center", "p1.area", "p1.fwhm", "p1.eta", "p1.lorentz_fwhm", "b0" …,
  /// "w.<name>"; a width shared by a group belongs to its first peak.
  fit::FitReport report;
  /// Parameters that ended on a bound and were held there while the errors of the others
  /// were computed (their own errors are NaN).
  std::vector<std::string> at_bound;

  double background_at(double x) const;
  /// Standard error of Σ_{k ∈ indices} area_k, with the covariances between the areas.
  double area_sum_err(std::span<const std::size_t> indices) const;
  /// Covariance of Σ_{a} area and Σ_{b} area (for ratios of sums).
  double area_sum_covariance(std::span<const std::size_t> a, std::span<const std::size_t> b) const;

  // Index of each peak's area parameter among the free parameters (−1: fixed), for the above.
  std::vector<int> area_free_index;
};

/// Fits the peaks to y(x) (x in either order), weighting residuals by 1/σ when sigma is given
/// (same size as x, all > 0). Throws InvalidArgument for mismatched sizes, non-finite data,
/// invalid starts (validate()), a centre outside the data, a positive-only area starting ≤ 0,
/// a width group of mixed shapes, or fewer points than free parameters.
PeakFitResult fit_peaks(std::span<const double> x, std::span<const double> y,
                        std::span<const PeakStart> starts, const PeakFitOptions& options = {},
                        std::span<const double> sigma = {});

}  // namespace solyte::peaks
