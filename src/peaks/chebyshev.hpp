// Chebyshev polynomials of the first kind on a span [lo, hi] mapped to [−1, 1], the basis of
// the polynomial baselines and of the background fitted with peaks (better conditioned than
// powers of x at wavenumbers of thousands).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace solyte::peaks::detail {

/// u = (2x − lo − hi)/(hi − lo), so that lo → −1 and hi → 1.
inline double to_unit(double x, double lo, double hi) { return (2 * x - lo - hi) / (hi - lo); }

/// T_0(u) … T_degree(u) into out (size degree + 1), by the three-term recurrence.
inline void chebyshev(double u, std::span<double> out) {
  if (out.empty()) return;
  out[0] = 1;
  if (out.size() > 1) out[1] = u;
  for (std::size_t k = 2; k < out.size(); ++k) out[k] = 2 * u * out[k - 1] - out[k - 2];
}

/// Σ c_k T_k(u).
inline double chebyshev_sum(std::span<const double> c, double u) {
  if (c.empty()) return 0;
  double s = c[0], previous = 1, current = u;
  for (std::size_t k = 1; k < c.size(); ++k) {
    if (k >= 2) {
      const double next = 2 * u * current - previous;
      previous = current;
      current = next;
    }
    s += c[k] * current;
  }
  return s;
}

/// Least-squares Chebyshev coefficients of y on the points of x selected by `use` (all when
/// empty), on the span [lo, hi]. Throws NumericalError when fewer than degree + 1 points.
std::vector<double> chebyshev_fit(std::span<const double> x, std::span<const double> y,
                                  std::span<const char> use, int degree, double lo, double hi);

}  // namespace solyte::peaks::detail
