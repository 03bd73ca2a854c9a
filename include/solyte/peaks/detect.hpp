// Finding peaks in a (baseline-corrected) curve, as starting values for a fit or as results in
// their own right: local maxima of the lightly smoothed curve ranked by topographic prominence,
// with a noise estimate so that noise bumps are not called peaks.
//
//   auto found = solyte::peaks::find_peaks(x, y, {.min_relative_prominence = 0.05});
//   for (const auto& p : found) std::cout << p.x << " " << p.height << " " << p.fwhm << "\n";
//
// Prominence: the height of a maximum above the higher of the two lowest points that separate
// it from higher ground on either side (the usual topographic definition, as in
// scipy.signal.peak_prominences). Noise: σ from the median absolute deviation of the second
// differences of y (robust to the peaks themselves).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace solyte::peaks {

struct DetectOptions {
  /// Keep maxima whose prominence ≥ this fraction of the largest prominence found.
  double min_relative_prominence = 0.05;
  /// … and ≥ min_snr × the noise σ of y.
  double min_snr = 5;
  /// Smoothing before the search: local quadratic over ±smooth_half_width in units of x
  /// (0 → 2 sampling steps). The heights and widths reported are those of the smoothed curve.
  double smooth_half_width = 0;
  /// At most this many peaks, the most prominent (0: no limit); returned in order of x.
  std::size_t max_peaks = 0;
};

struct DetectedPeak {
  std::size_t index = 0;  ///< index into the input of the maximum
  double x = 0;           ///< position of the maximum (vertex of a parabola through 3 points)
  double height = 0;      ///< smoothed y at the maximum
  double prominence = 0;  ///< in units of y
  double fwhm = 0;        ///< width at half prominence, in units of x (interpolated)
};

/// Peaks of y(x) (x ascending or descending) by prominence. Throws InvalidArgument for
/// mismatched sizes, fewer than 3 points or non-finite values.
std::vector<DetectedPeak> find_peaks(std::span<const double> x, std::span<const double> y,
                                     const DetectOptions& options = {});

/// Standard deviation of the white noise on y, from the second differences (0 for fewer than
/// 3 points).
double estimate_noise(std::span<const double> y);

}  // namespace solyte::peaks
