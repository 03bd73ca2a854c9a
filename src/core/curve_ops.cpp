#include "core/curve_ops.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "solyte/error.hpp"

namespace solyte::detail {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

double median(std::vector<double> v) {
  if (v.empty()) return kNaN;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  if (v.size() % 2 == 1) return *mid;
  const double hi = *mid;
  const double lo = *std::max_element(v.begin(), mid);
  return 0.5 * (lo + hi);
}

double weighted_median(std::span<const double> values, std::span<const double> weights) {
  if (values.empty() || values.size() != weights.size()) return kNaN;
  std::vector<std::size_t> idx(values.size());
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  std::sort(idx.begin(), idx.end(),
            [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  double total = 0;
  for (double w : weights) total += w;
  if (!(total > 0)) return kNaN;
  double cum = 0;
  for (std::size_t k : idx) {
    cum += weights[k];
    if (cum >= 0.5 * total) return values[k];
  }
  return values[idx.back()];
}

double mad_sigma(std::vector<double> v) {
  if (v.empty()) return kNaN;
  const double m = median(v);
  for (double& x : v) x = std::abs(x - m);
  return 1.482602218505602 * median(std::move(v));  // 1/Φ⁻¹(3/4)
}

double noise_sigma(std::span<const double> y) {
  if (y.size() < 3) return 0.0;
  std::vector<double> d(y.size() - 2);
  for (std::size_t i = 1; i + 1 < y.size(); ++i) d[i - 1] = y[i - 1] - 2 * y[i] + y[i + 1];
  return mad_sigma(std::move(d)) / std::sqrt(6.0);
}

Line fit_line(std::span<const double> x, std::span<const double> y) {
  if (x.size() != y.size()) throw InvalidArgument("fit_line: x and y differ in length");
  const std::size_t n = x.size();
  if (n < 2) throw NumericalError("a straight line needs at least two points");
  double xm = 0, ym = 0;
  for (std::size_t i = 0; i < n; ++i) {
    xm += x[i];
    ym += y[i];
  }
  xm /= static_cast<double>(n);
  ym /= static_cast<double>(n);
  double sxx = 0, sxy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sxx += (x[i] - xm) * (x[i] - xm);
    sxy += (x[i] - xm) * (y[i] - ym);
  }
  if (!(sxx > 0)) throw NumericalError("a straight line needs at least two distinct x values");
  Line l;
  l.slope = sxy / sxx;
  l.intercept = ym - l.slope * xm;
  l.n = n;
  double ss = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double r = y[i] - l.value(x[i]);
    ss += r * r;
  }
  l.rms = std::sqrt(ss / static_cast<double>(n));
  return l;
}

LocalPoly local_poly(std::span<const double> x, std::span<const double> y, std::size_t i,
                     double half_width, int degree, std::size_t min_points) {
  const std::size_t n = x.size();
  if (n == 0 || i >= n || y.size() != n) throw InvalidArgument("local_poly: bad index or sizes");
  degree = std::max(0, degree);
  min_points = std::max<std::size_t>(min_points, static_cast<std::size_t>(degree) + 2);
  std::size_t lo = i, hi = i;  // inclusive window
  while (lo > 0 && std::abs(x[lo - 1] - x[i]) <= half_width) --lo;
  while (hi + 1 < n && std::abs(x[hi + 1] - x[i]) <= half_width) ++hi;
  while (hi - lo + 1 < min_points && (lo > 0 || hi + 1 < n)) {
    if (lo > 0) --lo;
    if (hi - lo + 1 < min_points && hi + 1 < n) ++hi;
  }
  const std::size_t m = hi - lo + 1;
  const int deg = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(degree), m - 1));
  double scale = 0;
  for (std::size_t k = lo; k <= hi; ++k) scale = std::max(scale, std::abs(x[k] - x[i]));
  if (!(scale > 0)) return {y[i], 0.0};
  Eigen::MatrixXd a(static_cast<Eigen::Index>(m), deg + 1);
  Eigen::VectorXd b(static_cast<Eigen::Index>(m));
  for (std::size_t k = lo; k <= hi; ++k) {
    const double u = (x[k] - x[i]) / scale;
    double p = 1;
    const auto row = static_cast<Eigen::Index>(k - lo);
    for (int d = 0; d <= deg; ++d) {
      a(row, d) = p;
      p *= u;
    }
    b(row) = y[k];
  }
  const Eigen::VectorXd c = a.colPivHouseholderQr().solve(b);
  return {c(0), deg >= 1 ? c(1) / scale : 0.0};
}

std::vector<LocalPoly> smooth(std::span<const double> x, std::span<const double> y,
                              double half_width, int degree, std::size_t min_points) {
  std::vector<LocalPoly> out(x.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    out[i] = local_poly(x, y, i, half_width, degree, min_points);
  return out;
}

double trapezoid(std::span<const double> x, std::span<const double> y, std::size_t begin,
                 std::size_t end) {
  double s = 0;
  for (std::size_t i = begin; i + 1 < end; ++i) s += 0.5 * (y[i] + y[i + 1]) * (x[i + 1] - x[i]);
  return s;
}

double interpolate(std::span<const double> x, std::span<const double> y, double xq) {
  const std::size_t n = x.size();
  if (n == 0) return kNaN;
  if (n == 1) return y[0];
  const bool ascending = x[n - 1] >= x[0];
  auto before = [&](double a, double b) { return ascending ? a < b : a > b; };
  if (!before(x[0], xq)) return y[0];
  if (!before(xq, x[n - 1])) return y[n - 1];
  std::size_t lo = 0, hi = n - 1;
  while (hi - lo > 1) {
    const std::size_t mid = (lo + hi) / 2;
    if (before(xq, x[mid]))
      hi = mid;
    else
      lo = mid;
  }
  const double dx = x[hi] - x[lo];
  if (dx == 0) return y[lo];
  return y[lo] + (y[hi] - y[lo]) * (xq - x[lo]) / dx;
}

std::vector<Maximum> maxima(std::span<const double> y, double min_prominence) {
  std::vector<Maximum> out;
  const std::size_t n = y.size();
  std::size_t i = 1;
  while (i + 1 < n) {
    if (!(y[i] > y[i - 1])) {
      ++i;
      continue;
    }
    std::size_t j = i;  // end of a plateau
    while (j + 1 < n && y[j + 1] == y[i]) ++j;
    if (j + 1 >= n || !(y[j + 1] < y[i])) {
      i = j + 1;
      continue;
    }
    const std::size_t peak = (i + j) / 2;
    const double h = y[peak];
    std::size_t l = i, lmin = i;
    while (l > 0 && y[l - 1] <= h) {
      --l;
      if (y[l] < y[lmin]) lmin = l;
    }
    std::size_t r = j, rmin = j;
    while (r + 1 < n && y[r + 1] <= h) {
      ++r;
      if (y[r] < y[rmin]) rmin = r;
    }
    // Each side is searched up to the first strictly higher point (a peak of the same height
    // does not stop it), as in the usual topographic definition.
    const double prominence = h - std::max(y[lmin], y[rmin]);
    if (prominence >= min_prominence) out.push_back({peak, prominence, lmin, rmin});
    i = j + 1;
  }
  return out;
}

std::size_t hampel(std::span<double> y, std::size_t half_window, double n_sigma) {
  const std::size_t n = y.size();
  if (n < 3 || half_window == 0) return 0;
  const std::vector<double> original(y.begin(), y.end());
  std::vector<double> w;
  std::size_t replaced = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t lo = i >= half_window ? i - half_window : 0;
    const std::size_t hi = std::min(n, i + half_window + 1);
    w.assign(original.begin() + static_cast<std::ptrdiff_t>(lo),
             original.begin() + static_cast<std::ptrdiff_t>(hi));
    const double m = median(w);
    const double s = mad_sigma(w);
    if (std::abs(original[i] - m) > n_sigma * s && s >= 0) {
      y[i] = m;
      ++replaced;
    }
  }
  return replaced;
}

std::vector<std::size_t> ascending_order(std::span<const double> x) {
  std::vector<std::size_t> idx(x.size());
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  std::stable_sort(idx.begin(), idx.end(),
                   [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  return idx;
}

}  // namespace solyte::detail
