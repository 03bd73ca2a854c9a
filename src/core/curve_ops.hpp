// Numerics on sampled curves y(x), private to the library and shared by the curve analyses
// (peaks, echem, thermal): medians and robust noise, straight lines, local polynomial
// smoothing and slopes, trapezoid integrals, interpolation and topographic prominence.
//
// All functions take x in any monotonic order unless stated; none modifies its input.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace solyte::detail {

/// Median of the values (copied). NaN for an empty input.
double median(std::vector<double> v);

/// Weighted median: the smallest value at which the cumulative weight (values sorted) reaches
/// half the total. Weights ≥ 0; NaN for an empty input or zero total weight.
double weighted_median(std::span<const double> values, std::span<const double> weights);

/// Normal-consistent median absolute deviation 1.4826·median(|v − median v|) (Rousseeuw &
/// Croux, J. Am. Stat. Assoc. 88, 1273 (1993)). NaN for an empty input.
double mad_sigma(std::vector<double> v);

/// Standard deviation of white noise on a smooth curve sampled densely, from the second
/// differences d_i = y_{i−1} − 2y_i + y_{i+1} (var d = 6σ² for independent noise), with the
/// MAD as a robust scale so that peaks and steps do not count. 0 for fewer than 3 points.
double noise_sigma(std::span<const double> y);

/// Unweighted straight line y = intercept + slope·x in centred form.
struct Line {
  double intercept = 0, slope = 0;
  double rms = 0;  ///< root-mean-square residual
  std::size_t n = 0;
  double value(double x) const { return intercept + slope * x; }
};

/// Least-squares line through (x, y). Throws NumericalError for fewer than two distinct x.
Line fit_line(std::span<const double> x, std::span<const double> y);

/// Value and first derivative at x[i] of the least-squares polynomial of `degree` fitted to
/// the points with |x − x[i]| ≤ half_width (widened symmetrically to at least `min_points`
/// points, and to degree + 2 at least). A Savitzky–Golay filter for uneven sampling
/// (A. Savitzky and M. J. E. Golay, Anal. Chem. 36, 1627 (1964)).
struct LocalPoly {
  double value = 0;
  double slope = 0;  ///< dy/dx at x[i]
};
LocalPoly local_poly(std::span<const double> x, std::span<const double> y, std::size_t i,
                     double half_width, int degree = 2, std::size_t min_points = 5);

/// local_poly at every point.
std::vector<LocalPoly> smooth(std::span<const double> x, std::span<const double> y,
                              double half_width, int degree = 2, std::size_t min_points = 5);

/// ∫ y dx by the trapezoid rule over points [begin, end) (x in either order; the sign follows
/// the order of x).
double trapezoid(std::span<const double> x, std::span<const double> y, std::size_t begin,
                 std::size_t end);

/// Linear interpolation of y at xq on a monotonic x (ascending or descending); clamps to the
/// end values outside the range.
double interpolate(std::span<const double> x, std::span<const double> y, double xq);

/// A local maximum of a sequence with its topographic prominence: the height above the
/// higher of the two lowest points separating it from higher ground on either side (or from
/// the ends).
struct Maximum {
  std::size_t index = 0;
  double prominence = 0;
  std::size_t left_base = 0, right_base = 0;  ///< indices of the bounding minima
};

/// Interior local maxima (plateaus count once, at their middle) whose prominence is at least
/// `min_prominence`, in index order.
std::vector<Maximum> maxima(std::span<const double> y, double min_prominence);

/// Hampel filter: every value further than n_sigma·MAD-σ from the median of its ±half_window
/// neighbours is replaced by that median (F. R. Hampel, J. Am. Stat. Assoc. 69, 383 (1974)).
/// Removes isolated spikes and keeps smooth features wider than the window. Returns the number
/// of values replaced.
std::size_t hampel(std::span<double> y, std::size_t half_window, double n_sigma);

/// Indices sorting x ascending (stable).
std::vector<std::size_t> ascending_order(std::span<const double> x);

}  // namespace solyte::detail
