#include "transport/line_fit.hpp"

#include <cmath>

#include "solyte/error.hpp"

namespace solyte::transport::detail {

double LineFit::r_squared() const {
  if (ss_tot > 0) return 1.0 - chi2 / ss_tot;
  return 1.0;  // all y equal and fitted exactly by the horizontal line
}

LineFit fit_line(std::span<const double> x, std::span<const double> y, std::span<const double> w) {
  if (x.size() != y.size() || (!w.empty() && w.size() != x.size()))
    throw InvalidArgument("fit_line: x, y and weights differ in size");
  const std::size_t n = x.size();
  auto weight = [&](std::size_t i) { return w.empty() ? 1.0 : w[i]; };

  // Two-pass centred sums: the one-pass Σx², Σxy form loses most digits when x = 1/T.
  LineFit f;
  f.n = n;
  double swx = 0, swy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    f.sum_w += weight(i);
    swx += weight(i) * x[i];
    swy += weight(i) * y[i];
  }
  if (!(f.sum_w > 0)) throw NumericalError("fit_line: weights sum to zero");
  f.x_mean = swx / f.sum_w;
  const double y_mean = swy / f.sum_w;
  double sxy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double dx = x[i] - f.x_mean, dy = y[i] - y_mean;
    f.sxx += weight(i) * dx * dx;
    sxy += weight(i) * dx * dy;
    f.ss_tot += weight(i) * dy * dy;
  }
  if (!(f.sxx > 0))
    throw NumericalError("fit_line: a straight line needs at least two distinct x values");
  f.slope = sxy / f.sxx;
  f.intercept = y_mean - f.slope * f.x_mean;
  for (std::size_t i = 0; i < n; ++i) {
    // Residual in centred form, so a noise-free line gives χ² at the rounding level of y.
    const double r = (y[i] - y_mean) - f.slope * (x[i] - f.x_mean);
    f.chi2 += weight(i) * r * r;
  }
  return f;
}

}  // namespace solyte::transport::detail
