#include "solyte/peaks/bands.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "core/curve_ops.hpp"
#include "core/format_number.hpp"
#include "solyte/error.hpp"

namespace solyte::peaks {

namespace {
std::string num(double v) { return solyte::detail::format_number(v, 6); }
}  // namespace

BandArea band_area(std::span<const double> x, std::span<const double> y,
                   std::pair<double, double> range, double noise_sigma) {
  if (x.size() != y.size())
    throw InvalidArgument("band area: x has " + std::to_string(x.size()) + " values, y " +
                          std::to_string(y.size()));
  if (x.size() < 2) throw InvalidArgument("band area: at least 2 points are needed");
  const double lo = std::min(range.first, range.second), hi = std::max(range.first, range.second);
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(hi > lo))
    throw InvalidArgument("band range " + num(range.first) + ":" + num(range.second) +
                          " must have two different finite limits");
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
      throw InvalidArgument("band area: non-finite value at point " + std::to_string(i + 1));
  const auto order = solyte::detail::ascending_order(x);
  const double xmin = x[order.front()], xmax = x[order.back()];
  const double tol = 1e-9 * (xmax - xmin);
  if (lo < xmin - tol || hi > xmax + tol)
    throw InvalidArgument("band range " + num(lo) + ":" + num(hi) + " reaches outside the data (" +
                          num(xmin) + " … " + num(xmax) + ")");
  // Exact integral of the piecewise-linear interpolant over [lo, hi] as Σ cᵢyᵢ.
  std::vector<double> c(x.size(), 0.0);
  BandArea b;
  b.lo = lo;
  b.hi = hi;
  for (std::size_t k = 0; k + 1 < order.size(); ++k) {
    const std::size_t i0 = order[k], i1 = order[k + 1];
    const double x0 = x[i0], h = x[i1] - x0;
    if (!(h > 0)) continue;
    const double a = std::max(lo, x0), e = std::min(hi, x[i1]);
    if (!(e > a)) continue;
    const double t_integral = ((e - x0) * (e - x0) - (a - x0) * (a - x0)) / (2 * h);
    c[i1] += t_integral;
    c[i0] += (e - a) - t_integral;
  }
  double var = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    b.area += c[i] * y[i];
    var += c[i] * c[i];
    if (x[i] > lo && x[i] < hi) ++b.points;
  }
  if (b.points == 0)
    throw InvalidArgument("band range " + num(lo) + ":" + num(hi) + " holds no data point");
  b.stderr = std::abs(noise_sigma) * std::sqrt(var);
  return b;
}

double ratio_stderr(double a, double b, double var_a, double var_b, double cov_ab) {
  const double r = a / b;
  const double v = r * r * (var_a / (a * a) + var_b / (b * b) - 2 * cov_ab / (a * b));
  return v >= 0 ? std::sqrt(v) : std::numeric_limits<double>::quiet_NaN();
}

BandRatio band_ratio(std::span<const double> x, std::span<const double> y,
                     std::pair<double, double> numerator, std::pair<double, double> denominator,
                     double noise_sigma) {
  BandRatio r;
  r.numerator = band_area(x, y, numerator, noise_sigma);
  r.denominator = band_area(x, y, denominator, noise_sigma);
  if (r.denominator.area == 0)
    throw NumericalError("band ratio: the denominator band " + num(r.denominator.lo) + ":" +
                         num(r.denominator.hi) + " has zero area");
  r.ratio = r.numerator.area / r.denominator.area;
  r.stderr =
      ratio_stderr(r.numerator.area, r.denominator.area, r.numerator.stderr * r.numerator.stderr,
                   r.denominator.stderr * r.denominator.stderr, 0.0);
  return r;
}

double bh_bond_length_angstrom(double nu) {
  if (!std::isfinite(nu) || nu < 1000 || nu > 4000)
    throw InvalidArgument("B-H stretching wavenumber " + num(nu) +
                          " cm-1 is outside 1000 … 4000 cm-1");
  return 1.482 + bh_bond_length_slope_angstrom_cm * nu;
}

}  // namespace solyte::peaks
