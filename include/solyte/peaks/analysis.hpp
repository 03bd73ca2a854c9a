// The band analysis of one spectrum (IR, Raman, NMR, or any y(x) with peaks): window →
// baseline → peak detection → multi-peak fit → band-area ratios, each step recorded with the
// method and parameters used (docs/methods.md §10; `solyte peaks`).
//
//   solyte::peaks::PeakAnalysisOptions o;
//   o.range = {{2300, 3200}};
//   o.baseline = {.method = BaselineMethod::als};
//   o.shape = Shape::voigt;
//   o.ratios = {{{2450, 2650}, {3000, 3100}}};
//   auto a = solyte::peaks::analyse_peaks(nu, intensity, o);
//   // a.fit->peaks[k].peak.area ± a.fit->peaks[k].area_err, a.ratios[0].ratio ± .ratio_err
//
// x may be ascending or descending (NMR ppm); results are in the units of the data.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "solyte/peaks/baseline.hpp"
#include "solyte/peaks/detect.hpp"
#include "solyte/peaks/fit.hpp"
#include "solyte/peaks/profiles.hpp"

namespace solyte::peaks {

/// Where a band area comes from: the integral of the baseline-corrected data over the range,
/// or the sum of the fitted areas of the peaks whose centres lie in the range.
enum class AreaSource { integral, fit };
std::string_view to_string(AreaSource s);

struct RatioRequest {
  std::pair<double, double> numerator;    ///< x range
  std::pair<double, double> denominator;  ///< x range
};

struct PeakAnalysisOptions {
  std::optional<std::pair<double, double>> range;  ///< x window; whole record when absent
  BaselineOptions baseline;                        ///< computed over the window
  bool fit = true;                                 ///< false: baseline, detection, integrals
  Shape shape = Shape::pseudo_voigt;               ///< of every fitted peak
  std::vector<double> positions;                   ///< starting centres; empty: detected
  bool fix_positions = false;
  bool tie_widths = false;  ///< one width (and η / Γ_L) shared by all peaks
  /// Each centre stays within start ± window; 0: ± 1.5 × its starting FWHM.
  double center_window = 0;
  int background_degree = -1;  ///< Chebyshev background fitted with the peaks (−1: none)
  DetectOptions detect{.max_peaks = 8};
  std::vector<RatioRequest> ratios;
  AreaSource ratio_source = AreaSource::integral;
  fit::LeastSquaresOptions solver;
};

struct RatioResult {
  RatioRequest request;
  AreaSource source = AreaSource::integral;
  double numerator = 0, numerator_err = 0;  ///< band areas, unit of y × unit of x
  double denominator = 0, denominator_err = 0;
  double ratio = 0, ratio_err = 0;
  /// Fit source: the (0-based) peaks summed into each area.
  std::vector<std::size_t> numerator_peaks, denominator_peaks;
};

struct PeakAnalysis {
  std::vector<double> x, y;            ///< the window, in input order
  BaselineResult baseline;             ///< over the window
  std::vector<double> corrected;       ///< y − baseline
  double noise_sigma = 0;              ///< of y, from second differences
  std::vector<DetectedPeak> detected;  ///< on the corrected curve
  std::optional<PeakFitResult> fit;    ///< absent when not asked or no peak was found
  std::vector<RatioResult> ratios;
  std::vector<std::string> notes;  ///< what the analysis noticed (no peak, not converged …)
};

/// Runs the analysis. Throws InvalidArgument for mismatched sizes, non-finite data, a window
/// holding fewer than 5 points, bad options (see baseline(), fit_peaks(), band_area()), a
/// ratio range outside the window, or a fit-sourced ratio whose range holds no fitted peak.
PeakAnalysis analyse_peaks(std::span<const double> x, std::span<const double> y,
                           const PeakAnalysisOptions& options);

}  // namespace solyte::peaks
