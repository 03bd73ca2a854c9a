#include "solyte/peaks/baseline.hpp"

#include <Eigen/Dense>
#include <Eigen/Sparse>
#include <Eigen/SparseCholesky>
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/curve_ops.hpp"
#include "core/format_number.hpp"
#include "peaks/chebyshev.hpp"
#include "solyte/error.hpp"

namespace solyte::peaks {

namespace detail {

std::vector<double> chebyshev_fit(std::span<const double> x, std::span<const double> y,
                                  std::span<const char> use, int degree, double lo, double hi) {
  std::size_t m = 0;
  for (std::size_t i = 0; i < x.size(); ++i) m += use.empty() || use[i];
  const auto k = static_cast<std::size_t>(degree) + 1;
  if (m < k)
    throw NumericalError("a polynomial of degree " + std::to_string(degree) + " needs at least " +
                         std::to_string(k) + " points, " + std::to_string(m) + " given");
  Eigen::MatrixXd a(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(k));
  Eigen::VectorXd b(static_cast<Eigen::Index>(m));
  std::vector<double> t(k);
  Eigen::Index row = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!use.empty() && !use[i]) continue;
    chebyshev(to_unit(x[i], lo, hi), t);
    for (std::size_t j = 0; j < k; ++j) a(row, static_cast<Eigen::Index>(j)) = t[j];
    b(row++) = y[i];
  }
  const Eigen::VectorXd c = a.colPivHouseholderQr().solve(b);
  return {c.data(), c.data() + c.size()};
}

}  // namespace detail

namespace {

std::string fmt(double v) { return solyte::detail::format_number(v, 6); }

void check_data(std::span<const double> x, std::span<const double> y) {
  if (x.size() != y.size())
    throw InvalidArgument("baseline: x has " + std::to_string(x.size()) + " values, y " +
                          std::to_string(y.size()));
  if (x.size() < 3) throw InvalidArgument("baseline: at least 3 points are needed");
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
      throw InvalidArgument("baseline: non-finite value at point " + std::to_string(i + 1));
}

void check_degree(int degree) {
  if (degree < 0 || degree > 10)
    throw InvalidArgument("baseline polynomial degree must be 0 … 10 (got " +
                          std::to_string(degree) + ")");
}

std::pair<double, double> span_of(std::span<const double> x) {
  const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
  if (!(*hi > *lo)) throw InvalidArgument("baseline: x does not span an interval");
  return {*lo, *hi};
}

std::vector<double> evaluate_chebyshev(std::span<const double> c, std::span<const double> x,
                                       double lo, double hi) {
  std::vector<double> out(x.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    out[i] = detail::chebyshev_sum(c, detail::to_unit(x[i], lo, hi));
  return out;
}

}  // namespace

std::string_view to_string(BaselineMethod m) {
  switch (m) {
    case BaselineMethod::none:
      return "none";
    case BaselineMethod::polynomial:
      return "polynomial";
    case BaselineMethod::snip:
      return "snip";
    case BaselineMethod::als:
      return "als";
  }
  return "none";
}

std::optional<BaselineMethod> baseline_method_from_string(std::string_view name) {
  if (name == "none") return BaselineMethod::none;
  if (name == "polynomial" || name == "poly") return BaselineMethod::polynomial;
  if (name == "snip") return BaselineMethod::snip;
  if (name == "als" || name == "asls") return BaselineMethod::als;
  return std::nullopt;
}

std::vector<double> polynomial_baseline(std::span<const double> x, std::span<const double> y,
                                        int degree,
                                        std::span<const std::pair<double, double>> anchors) {
  check_data(x, y);
  check_degree(degree);
  const auto [lo, hi] = span_of(x);
  std::vector<char> use(x.size(), anchors.empty() ? 1 : 0);
  for (const auto& [a, b] : anchors) {
    const double w_lo = std::min(a, b), w_hi = std::max(a, b);
    for (std::size_t i = 0; i < x.size(); ++i)
      if (x[i] >= w_lo && x[i] <= w_hi) use[i] = 1;
  }
  std::size_t m = 0;
  for (char u : use) m += u;
  if (m < static_cast<std::size_t>(degree) + 1)
    throw InvalidArgument("baseline anchor windows hold " + std::to_string(m) +
                          " points, a polynomial of degree " + std::to_string(degree) +
                          " needs at least " + std::to_string(degree + 1));
  const auto c = detail::chebyshev_fit(x, y, use, degree, lo, hi);
  return evaluate_chebyshev(c, x, lo, hi);
}

BaselineResult modified_polynomial_baseline(std::span<const double> x, std::span<const double> y,
                                            int degree, int max_iterations) {
  check_data(x, y);
  check_degree(degree);
  if (max_iterations < 1) throw InvalidArgument("baseline: max_iterations must be >= 1");
  const auto [lo, hi] = span_of(x);
  const auto [ymin, ymax] = std::minmax_element(y.begin(), y.end());
  const double tol = 1e-6 * std::max(*ymax - *ymin, 1e-300);
  std::vector<double> work(y.begin(), y.end());
  BaselineResult r;
  r.converged = false;
  std::vector<double> fit;
  for (int it = 1; it <= max_iterations; ++it) {
    const auto c = detail::chebyshev_fit(x, work, {}, degree, lo, hi);
    auto next = evaluate_chebyshev(c, x, lo, hi);
    double change = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!fit.empty()) change = std::max(change, std::abs(next[i] - fit[i]));
      work[i] = std::min(work[i], next[i]);
    }
    fit = std::move(next);
    r.iterations = it;
    if (it > 1 && change < tol) {
      r.converged = true;
      break;
    }
  }
  r.values = std::move(fit);
  r.description = "modified polynomial degree=" + std::to_string(degree);
  return r;
}

std::vector<double> snip_baseline(std::span<const double> y, std::size_t half_width_points,
                                  bool lls) {
  std::vector<double> v(y.begin(), y.end());
  if (lls) {
    for (double& t : v) {
      if (t < 0) throw InvalidArgument("SNIP with the LLS operator needs y >= 0 (counts)");
      t = std::log(std::log(std::sqrt(t + 1) + 1) + 1);
    }
  }
  const std::size_t n = v.size();
  std::vector<double> next(v);
  for (std::size_t p = 1; p <= half_width_points && 2 * p < n; ++p) {
    for (std::size_t i = p; i + p < n; ++i) next[i] = std::min(v[i], 0.5 * (v[i - p] + v[i + p]));
    std::copy(next.begin() + static_cast<std::ptrdiff_t>(p),
              next.end() - static_cast<std::ptrdiff_t>(p),
              v.begin() + static_cast<std::ptrdiff_t>(p));
  }
  if (lls)
    for (double& t : v) {
      const double a = std::exp(std::exp(t) - 1) - 1;
      t = a * a - 1;
    }
  return v;
}

BaselineResult als_baseline(std::span<const double> y, double lambda, double p,
                            int max_iterations) {
  if (!(lambda > 0) || !std::isfinite(lambda))
    throw InvalidArgument("ALS lambda must be > 0 (got " + fmt(lambda) + ")");
  if (!(p > 0 && p <= 0.5))
    throw InvalidArgument("ALS p must lie in (0, 0.5] (got " + fmt(p) + ")");
  if (max_iterations < 1) throw InvalidArgument("baseline: max_iterations must be >= 1");
  const auto n = static_cast<Eigen::Index>(y.size());
  if (n < 3) throw InvalidArgument("baseline: at least 3 points are needed");
  // λDᵀD for the second-difference operator D: a symmetric pentadiagonal matrix.
  std::vector<Eigen::Triplet<double>> triplets;
  triplets.reserve(static_cast<std::size_t>(5 * n));
  for (Eigen::Index k = 0; k + 2 < n; ++k) {
    const double d[3] = {1, -2, 1};
    for (int a = 0; a < 3; ++a)
      for (int b = 0; b < 3; ++b) triplets.emplace_back(k + a, k + b, lambda * d[a] * d[b]);
  }
  Eigen::SparseMatrix<double> penalty(n, n);
  penalty.setFromTriplets(triplets.begin(), triplets.end());
  Eigen::SparseMatrix<double> identity(n, n);
  identity.setIdentity();
  Eigen::VectorXd w = Eigen::VectorXd::Ones(n), z(n), rhs(n);
  const Eigen::Map<const Eigen::VectorXd> yv(y.data(), n);
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> solver;
  BaselineResult r;
  r.converged = false;
  for (int it = 1; it <= max_iterations; ++it) {
    Eigen::SparseMatrix<double> a = penalty;
    for (Eigen::Index i = 0; i < n; ++i) a.coeffRef(i, i) += w(i);
    if (it == 1) solver.analyzePattern(a);
    solver.factorize(a);
    if (solver.info() != Eigen::Success)
      throw NumericalError("ALS baseline: the smoothing system could not be factorised");
    rhs = w.cwiseProduct(yv);
    z = solver.solve(rhs);
    r.iterations = it;
    bool changed = false;
    for (Eigen::Index i = 0; i < n; ++i) {
      const double wi = yv(i) > z(i) ? p : 1 - p;
      changed = changed || wi != w(i);
      w(i) = wi;
    }
    if (!changed) {
      r.converged = true;
      break;
    }
  }
  r.values.assign(z.data(), z.data() + n);
  r.description = "als lambda=" + fmt(lambda) + " p=" + fmt(p);
  return r;
}

namespace {

// The chosen method on (possibly smoothed) y.
BaselineResult baseline_of(std::span<const double> x, std::span<const double> y,
                           const BaselineOptions& o) {
  switch (o.method) {
    case BaselineMethod::none: {
      BaselineResult r;
      r.values.assign(x.size(), 0.0);
      r.description = "none";
      return r;
    }
    case BaselineMethod::polynomial: {
      if (o.anchors.empty()) return modified_polynomial_baseline(x, y, o.degree, o.max_iterations);
      BaselineResult r;
      r.values = polynomial_baseline(x, y, o.degree, o.anchors);
      r.description = "polynomial degree=" + std::to_string(o.degree) + " anchors=";
      for (std::size_t k = 0; k < o.anchors.size(); ++k)
        r.description += (k ? "," : "") + fmt(o.anchors[k].first) + ":" + fmt(o.anchors[k].second);
      return r;
    }
    case BaselineMethod::snip: {
      const auto [lo, hi] = span_of(x);
      const double width = o.snip_half_width > 0 ? o.snip_half_width : 0.1 * (hi - lo);
      if (!std::isfinite(width)) throw InvalidArgument("SNIP half-width must be finite");
      const double step = (hi - lo) / static_cast<double>(x.size() - 1);
      const auto points = static_cast<std::size_t>(std::max(1.0, std::round(width / step)));
      BaselineResult r;
      r.values = snip_baseline(y, points, o.snip_lls);
      r.description = "snip half_width=" + fmt(width) + " (" + std::to_string(points) + " points)" +
                      (o.snip_lls ? " lls" : "");
      return r;
    }
    case BaselineMethod::als:
      return als_baseline(y, o.als_lambda, o.als_p, o.max_iterations);
  }
  throw InvalidArgument("unknown baseline method");
}

}  // namespace

BaselineResult baseline(std::span<const double> x, std::span<const double> y_in,
                        const BaselineOptions& o) {
  check_data(x, y_in);
  if (!(o.smooth_half_width >= 0) || !std::isfinite(o.smooth_half_width))
    throw InvalidArgument("baseline smoothing half-width must be >= 0 and finite");
  std::vector<double> smoothed;
  if (o.smooth_half_width > 0 && o.method != BaselineMethod::none) {
    const auto sm = solyte::detail::smooth(x, y_in, o.smooth_half_width, 2, 3);
    for (const auto& p : sm) smoothed.push_back(p.value);
  }
  const std::span<const double> y = smoothed.empty() ? y_in : std::span<const double>(smoothed);
  BaselineResult r = baseline_of(x, y, o);
  if (!smoothed.empty()) r.description += " smoothed=" + fmt(o.smooth_half_width);
  return r;
}

}  // namespace solyte::peaks
