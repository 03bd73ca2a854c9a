#include "solyte/peaks/detect.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/curve_ops.hpp"
#include "solyte/error.hpp"

namespace solyte::peaks {

namespace {

// Vertex of the parabola through three points (x unevenly spaced allowed); the middle x when
// the three are collinear.
double parabola_vertex(double x0, double y0, double x1, double y1, double x2, double y2) {
  const double d = (x0 - x1) * (x0 - x2) * (x1 - x2);
  if (d == 0) return x1;
  const double a = (x2 * (y1 - y0) + x1 * (y0 - y2) + x0 * (y2 - y1)) / d;
  const double b = (x2 * x2 * (y0 - y1) + x1 * x1 * (y2 - y0) + x0 * x0 * (y1 - y2)) / d;
  if (!(a < 0)) return x1;
  const double v = -b / (2 * a);
  return std::clamp(v, std::min({x0, x1, x2}), std::max({x0, x1, x2}));
}

// x where the curve crosses `level` between index a (above) and b (below), linearly.
double crossing(std::span<const double> x, std::span<const double> y, std::size_t a, std::size_t b,
                double level) {
  const double dy = y[a] - y[b];
  if (dy == 0) return x[b];
  return x[a] + (x[b] - x[a]) * (y[a] - level) / dy;
}

}  // namespace

double estimate_noise(std::span<const double> y) { return solyte::detail::noise_sigma(y); }

std::vector<DetectedPeak> find_peaks(std::span<const double> x, std::span<const double> y,
                                     const DetectOptions& o) {
  if (x.size() != y.size())
    throw InvalidArgument("find_peaks: x has " + std::to_string(x.size()) + " values, y " +
                          std::to_string(y.size()));
  const std::size_t n = x.size();
  if (n < 3) throw InvalidArgument("find_peaks: at least 3 points are needed");
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
      throw InvalidArgument("find_peaks: non-finite value at point " + std::to_string(i + 1));
  if (!(o.min_relative_prominence >= 0 && o.min_relative_prominence <= 1))
    throw InvalidArgument("find_peaks: min_relative_prominence must lie in [0, 1]");

  std::vector<double> dx(n - 1);
  for (std::size_t i = 0; i + 1 < n; ++i) dx[i] = std::abs(x[i + 1] - x[i]);
  const double step = solyte::detail::median(dx);
  const double h = o.smooth_half_width > 0 ? o.smooth_half_width : 2 * step;
  std::vector<double> ys(n);
  const auto sm = solyte::detail::smooth(x, y, h, 2, 3);
  for (std::size_t i = 0; i < n; ++i) ys[i] = sm[i].value;

  const double sigma = solyte::detail::noise_sigma(y);
  auto found = solyte::detail::maxima(ys, 0.0);
  double top = 0;
  for (const auto& m : found) top = std::max(top, m.prominence);
  const double floor = std::max(o.min_relative_prominence * top, o.min_snr * sigma);
  std::erase_if(found, [&](const auto& m) { return m.prominence < floor || !(m.prominence > 0); });
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.prominence > b.prominence; });
  if (o.max_peaks > 0 && found.size() > o.max_peaks) found.resize(o.max_peaks);

  std::vector<DetectedPeak> out;
  for (const auto& m : found) {
    DetectedPeak p;
    p.index = m.index;
    p.height = ys[m.index];
    p.prominence = m.prominence;
    const std::size_t i = m.index;
    p.x = parabola_vertex(x[i - 1], ys[i - 1], x[i], ys[i], x[i + 1], ys[i + 1]);
    const double level = p.height - 0.5 * m.prominence;
    std::size_t l = i;
    while (l > m.left_base && ys[l - 1] >= level) --l;
    std::size_t r = i;
    while (r < m.right_base && ys[r + 1] >= level) ++r;
    const double xl = l > m.left_base ? crossing(x, ys, l, l - 1, level) : x[m.left_base];
    const double xr = r < m.right_base ? crossing(x, ys, r, r + 1, level) : x[m.right_base];
    p.fwhm = std::abs(xr - xl);
    out.push_back(p);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.x < b.x; });
  return out;
}

}  // namespace solyte::peaks
