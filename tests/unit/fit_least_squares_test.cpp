// Bounded least squares (fit/least_squares). References: a straight line, whose optimum and
// covariance have closed forms (normal equations: cov = s²(XᵀX)⁻¹); an exponential decay with
// known parameters (round trip); the transforms keep parameters inside their bounds.
#include "solyte/fit/least_squares.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "solyte/error.hpp"

using namespace solyte;

TEST(FitLeastSquares, StraightLineMatchesNormalEquations) {
  const std::vector<double> x = {0, 1, 2, 3, 4, 5};
  const std::vector<double> y = {1.1, 2.9, 5.2, 6.8, 9.1, 11.0};
  auto res = [&](std::span<const double> p, std::span<double> r) {
    for (std::size_t i = 0; i < x.size(); ++i) r[i] = p[0] + p[1] * x[i] - y[i];
  };
  const auto rep = fit::least_squares(res, x.size(), {{.name = "a", .value = 0}, {.name = "b", .value = 1}});
  ASSERT_TRUE(rep.usable()) << rep.message;
  // Closed form from the normal equations.
  double n = 0, sx = 0, sxx = 0, sy = 0, sxy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    n += 1;
    sx += x[i];
    sxx += x[i] * x[i];
    sy += y[i];
    sxy += x[i] * y[i];
  }
  const double det = n * sxx - sx * sx;
  const double b = (n * sxy - sx * sy) / det, a = (sy - b * sx) / n;
  // The solver stops when the cost changes by less than 1e-12 relative, which bounds the
  // parameters' relative error near √1e-12 = 1e-6 of their standard errors' scale.
  EXPECT_NEAR(rep.at("a").value, a, 1e-6);
  EXPECT_NEAR(rep.at("b").value, b, 1e-6);
  double ssr = 0;
  for (std::size_t i = 0; i < x.size(); ++i) ssr += std::pow(a + b * x[i] - y[i], 2);
  const double s2 = ssr / (n - 2);
  EXPECT_NEAR(rep.at("a").stderr, std::sqrt(s2 * sxx / det), 1e-6);
  EXPECT_NEAR(rep.at("b").stderr, std::sqrt(s2 * n / det), 1e-6);
  EXPECT_NEAR(rep.correlation[0][1], -sx / std::sqrt(n * sxx), 1e-6);
  EXPECT_NEAR(rep.chi2, ssr, 1e-9 * ssr + 1e-12);
}

TEST(FitLeastSquares, ExponentialDecayOverDecades) {
  // y = A exp(−t/τ) with A = 3e9, τ = 2e-12: the log transform copes with the scales.
  std::vector<double> t, y;
  for (int i = 0; i < 40; ++i) {
    t.push_back(i * 2e-13);
    y.push_back(3e9 * std::exp(-t.back() / 2e-12));
  }
  auto res = [&](std::span<const double> p, std::span<double> r) {
    for (std::size_t i = 0; i < t.size(); ++i) r[i] = (p[0] * std::exp(-t[i] / p[1]) - y[i]) / 3e9;
  };
  const auto rep = fit::least_squares(
      res, t.size(),
      {{.name = "A", .value = 1e9, .transform = fit::Transform::log},
       {.name = "tau", .unit = "s", .value = 5e-12, .transform = fit::Transform::log}});
  ASSERT_TRUE(rep.usable()) << rep.message;
  EXPECT_NEAR(rep.at("A").value / 3e9, 1.0, 1e-8);
  EXPECT_NEAR(rep.at("tau").value / 2e-12, 1.0, 1e-8);
}

TEST(FitLeastSquares, BoundsAndFixedParametersHold) {
  // The unconstrained optimum of (p − 2)² is 2, outside (0, 1): the logistic map keeps it in.
  auto res = [](std::span<const double> p, std::span<double> r) {
    r[0] = p[0] - 2.0;
    r[1] = p[1] - 5.0;
  };
  const auto rep = fit::least_squares(
      res, 2,
      {{.name = "p", .value = 0.5, .transform = fit::Transform::logistic, .lower = 0, .upper = 1},
       {.name = "q", .value = 3.0, .fixed = true}});
  EXPECT_LE(rep.at("p").value, 1.0);   // the logistic map saturates at the bound
  EXPECT_GT(rep.at("p").value, 0.99);
  EXPECT_EQ(rep.at("q").value, 3.0);
  EXPECT_TRUE(rep.at("q").fixed);
}

TEST(FitLeastSquares, RejectsInconsistentParameters) {
  auto res = [](std::span<const double> p, std::span<double> r) { r[0] = p[0]; };
  EXPECT_THROW(fit::least_squares(res, 1, {{.name = "a", .value = -1, .transform = fit::Transform::log}}),
               InvalidArgument);
  EXPECT_THROW(fit::least_squares(res, 1, {{.name = "a", .value = 2, .transform = fit::Transform::logistic,
                                            .lower = 0, .upper = 1}}),
               InvalidArgument);
  EXPECT_THROW(fit::least_squares(res, 1, {{.name = "a", .value = 1, .fixed = true}}), InvalidArgument);
  EXPECT_THROW(fit::least_squares(res, 1, {{.name = "a", .value = 1}, {.name = "b", .value = 1}}),
               InvalidArgument);
  const auto ok = fit::least_squares(res, 1, {{.name = "a", .value = 1}});
  EXPECT_THROW(ok.at("zzz"), InvalidArgument);
}

// The overload with the model's exact Jacobian: on the straight line it reproduces the normal
// equations (closed form, as above); on a bounded decay y = A exp(−t/τ) + c with A on a log
// scale and τ through the logistic map, it reaches the optimum and the standard errors of the
// central-difference path.
TEST(FitLeastSquares, ExactJacobianMatchesClosedFormAndDifferences) {
  const std::vector<double> x = {0, 1, 2, 3, 4, 5};
  const std::vector<double> y = {1.1, 2.9, 5.2, 6.8, 9.1, 11.0};
  auto line = [&](std::span<const double> p, std::span<double> r, std::span<double> j) {
    for (std::size_t i = 0; i < x.size(); ++i) {
      r[i] = p[0] + p[1] * x[i] - y[i];
      if (!j.empty()) {
        j[2 * i] = 1;
        j[2 * i + 1] = x[i];
      }
    }
  };
  const auto rep = fit::least_squares(fit::ResidualJacobianFunction(line), x.size(),
                                      {{.name = "a", .value = 0}, {.name = "b", .value = 1}});
  ASSERT_TRUE(rep.usable()) << rep.message;
  const double n = 6, sx = 15, sxx = 55, sy = 36.1, sxy = 0 + 2.9 + 10.4 + 20.4 + 36.4 + 55;
  const double det = n * sxx - sx * sx;
  const double b = (n * sxy - sx * sy) / det, a = (sy - b * sx) / n;
  double ssr = 0;
  for (std::size_t i = 0; i < x.size(); ++i) ssr += std::pow(a + b * x[i] - y[i], 2);
  const double s2 = ssr / (n - 2);
  // Same stopping rule as above: the parameters to ~1e-6; the standard errors come from the
  // exact Jacobian, which for a line does not depend on the parameters.
  EXPECT_NEAR(rep.at("a").value, a, 1e-6);
  EXPECT_NEAR(rep.at("b").value, b, 1e-6);
  EXPECT_NEAR(rep.at("a").stderr, std::sqrt(s2 * sxx / det), 1e-6);
  EXPECT_NEAR(rep.at("b").stderr, std::sqrt(s2 * n / det), 1e-6);

  std::vector<double> t, yd;
  for (int i = 0; i < 30; ++i) {
    t.push_back(0.1 * i);
    yd.push_back(5 * std::exp(-t.back() / 0.7) + 0.3 + 0.01 * std::sin(7.0 * i));
  }
  auto decay = [&](std::span<const double> p, std::span<double> r, std::span<double> j) {
    for (std::size_t i = 0; i < t.size(); ++i) {
      const double e = std::exp(-t[i] / p[1]);
      r[i] = p[0] * e + p[2] - yd[i];
      if (!j.empty()) {
        j[3 * i] = e;
        j[3 * i + 1] = p[0] * e * t[i] / (p[1] * p[1]);
        j[3 * i + 2] = 1;
      }
    }
  };
  const std::vector<fit::Parameter> start = {
      {.name = "A", .value = 2, .transform = fit::Transform::log},
      {.name = "tau", .value = 0.4, .transform = fit::Transform::logistic, .lower = 0.1, .upper = 2},
      {.name = "c", .value = 0}};
  const auto exact = fit::least_squares(fit::ResidualJacobianFunction(decay), t.size(), start);
  const auto numeric = fit::least_squares(
      [&](std::span<const double> p, std::span<double> r) { decay(p, r, {}); }, t.size(), start);
  ASSERT_TRUE(exact.usable()) << exact.message;
  ASSERT_TRUE(numeric.usable()) << numeric.message;
  for (const char* name : {"A", "tau", "c"}) {
    EXPECT_NEAR(exact.at(name).value, numeric.at(name).value, 1e-6 * numeric.at(name).stderr)
        << name;
    EXPECT_NEAR(exact.at(name).stderr, numeric.at(name).stderr, 1e-5 * numeric.at(name).stderr)
        << name;
  }
  EXPECT_LT(exact.iterations, 50u);
  // A fixed parameter's column is ignored.
  auto fixed = start;
  fixed[2].value = 0.3;
  fixed[2].fixed = true;
  const auto f = fit::least_squares(fit::ResidualJacobianFunction(decay), t.size(), fixed);
  ASSERT_TRUE(f.usable()) << f.message;
  EXPECT_EQ(f.at("c").value, 0.3);
  EXPECT_NEAR(f.at("tau").value, 0.7, 0.01);
}
