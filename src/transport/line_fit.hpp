// Weighted straight-line least squares y = a + b·x, private to the transport domain.
//
// Computed in centred form (x̄, ȳ weighted means), which keeps the slope accurate when x = 1/T
// is small and nearly constant. The covariance of (a, b) is the unscaled (XᵀWX)⁻¹; callers
// scale it (Birge ratio) as they see fit. Reference: P. R. Bevington and D. K. Robinson,
// Data Reduction and Error Analysis for the Physical Sciences, 3rd ed. (2003), ch. 6.
#pragma once

#include <cstddef>
#include <span>

namespace solyte::transport::detail {

struct LineFit {
  double intercept = 0, slope = 0;
  double sum_w = 0;   ///< W = Σ w
  double x_mean = 0;  ///< Σ w x / W
  double sxx = 0;     ///< Σ w (x − x̄)²
  double chi2 = 0;    ///< Σ w (y − a − b x)² (the weighted SSE)
  double ss_tot = 0;  ///< Σ w (y − ȳ)²
  std::size_t n = 0;

  double value(double x) const { return intercept + slope * x; }
  /// Elements of the unscaled covariance (XᵀWX)⁻¹.
  double var_intercept() const { return 1.0 / sum_w + x_mean * x_mean / sxx; }
  double var_slope() const { return 1.0 / sxx; }
  double cov_intercept_slope() const { return -x_mean / sxx; }
  /// Unscaled variance of a + b·x: 1/W + (x − x̄)²/Sxx (the same as the full quadratic form,
  /// without its cancellation).
  double var_value(double x) const { return 1.0 / sum_w + (x - x_mean) * (x - x_mean) / sxx; }
  /// Weighted coefficient of determination 1 − χ²/SS_tot (1 when both vanish).
  double r_squared() const;
};

/// Fits y = a + b·x with weights w (w.empty() → all 1). Needs at least two distinct x;
/// throws NumericalError otherwise. Sizes must agree (InvalidArgument).
LineFit fit_line(std::span<const double> x, std::span<const double> y,
                 std::span<const double> w = {});

}  // namespace solyte::transport::detail
