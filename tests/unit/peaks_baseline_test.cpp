// Baselines: exact properties and recoveries under synthetic peaks.
// Sources (closed forms of the definitions):
//  * a polynomial through anchor windows reproduces a polynomial baseline of that degree
//    exactly (least squares on exact data);
//  * SNIP leaves any convex sequence unchanged (each value ≤ the mean of its neighbours at
//    every distance), in particular a straight line (Ryan et al. 1988);
//  * asymmetric least squares returns a straight line unchanged (zero residual and zero second
//    differences minimise the functional for any weights; Eilers & Boelens 2005);
//  * under narrow positive peaks the modified polynomial, SNIP and ALS stay within a few % of
//    the peak height of the true baseline (tolerances below, chosen from the peak widths).
#include <gtest/gtest.h>

#include <cmath>

#include "solyte/error.hpp"
#include "solyte/peaks/baseline.hpp"
#include "solyte/peaks/profiles.hpp"
#include "solyte/sim/band_spectrum.hpp"

using namespace solyte;
using namespace solyte::peaks;

namespace {

struct Case {
  std::vector<double> x, y, truth;
};

// Quadratic baseline + three narrow Gaussians of height ≈ 100.
Case synthetic() {
  Case c;
  c.x = sim::linear_grid(1000, 2000, 1001);
  for (double x : c.x) {
    const double u = (x - 1500) / 500;
    const double b = 20 + 8 * u - 5 * u * u;
    c.truth.push_back(b);
    double y = b;
    for (double x0 : {1200.0, 1450.0, 1700.0})
      y += evaluate({.center = x0, .area = 1000, .fwhm = 10}, x);
    c.y.push_back(y);
  }
  return c;
}

double max_error(const std::vector<double>& a, const std::vector<double>& b, std::size_t skip = 0) {
  double e = 0;
  for (std::size_t i = skip; i + skip < a.size(); ++i) e = std::max(e, std::abs(a[i] - b[i]));
  return e;
}

}  // namespace

TEST(PeaksBaseline, AnchoredPolynomialIsExact) {
  const auto c = synthetic();
  const std::vector<std::pair<double, double>> anchors{
      {1000, 1150}, {1300, 1400}, {1550, 1650}, {1800, 2000}};
  const auto b = polynomial_baseline(c.x, c.y, 2, anchors);
  // The Gaussian tails at ±5 FWHM are below 1e-20 of the height.
  EXPECT_LT(max_error(b, c.truth), 1e-9);
  const auto r =
      baseline(c.x, c.y, {.method = BaselineMethod::polynomial, .degree = 2, .anchors = anchors});
  EXPECT_LT(max_error(r.values, c.truth), 1e-9);
  EXPECT_NE(r.description.find("anchors"), std::string::npos);
}

TEST(PeaksBaseline, ModifiedPolynomialSinksBelowPeaks) {
  const auto c = synthetic();
  const auto r = baseline(c.x, c.y, {.method = BaselineMethod::polynomial, .degree = 2});
  EXPECT_TRUE(r.converged);
  // It settles 1.4 % of the peak height from the truth (a property of the clipping scheme).
  EXPECT_LT(max_error(r.values, c.truth), 2.0);
}

TEST(PeaksBaseline, SnipKeepsConvexCurvesAndClipsPeaks) {
  std::vector<double> line, convex;
  for (int i = 0; i < 200; ++i) {
    line.push_back(3.0 - 0.25 * i);
    convex.push_back(0.01 * (i - 80) * (i - 80));
  }
  EXPECT_LT(max_error(snip_baseline(line, 30, false), line), 1e-12);
  EXPECT_EQ(snip_baseline(convex, 30, false), convex);
  const auto c = synthetic();
  const auto r = baseline(c.x, c.y, {.method = BaselineMethod::snip, .snip_half_width = 40});
  // Away from the ends (SNIP leaves the first and last m points as they are).
  EXPECT_LT(max_error(r.values, c.truth, 40), 2.0);
  std::vector<double> counts;
  for (double v : c.y) counts.push_back(v + 50);
  const auto lls = snip_baseline(counts, 40, true);
  for (std::size_t i = 40; i + 40 < counts.size(); ++i)
    EXPECT_LT(std::abs(lls[i] - 50 - c.truth[i]), 3.0) << i;
}

TEST(PeaksBaseline, AlsKeepsLinesAndFollowsTheBaseline) {
  std::vector<double> line;
  for (int i = 0; i < 300; ++i) line.push_back(1.0 + 0.5 * i);
  const auto r = als_baseline(line, 1e7, 0.01, 50);
  // W + λDᵀD has a condition number of ≈ 16λ: ~8 digits are lost at λ = 1e7.
  EXPECT_LT(max_error(r.values, line), 1e-6 * 150);
  const auto c = synthetic();
  const auto a =
      baseline(c.x, c.y, {.method = BaselineMethod::als, .als_lambda = 1e6, .als_p = 0.001});
  EXPECT_TRUE(a.converged);
  EXPECT_LT(max_error(a.values, c.truth), 2.0);
  EXPECT_NE(a.description.find("lambda"), std::string::npos);
}

TEST(PeaksBaseline, DescendingAxisGivesTheSameBaseline) {
  auto c = synthetic();
  auto up = baseline(c.x, c.y, {.method = BaselineMethod::polynomial, .degree = 2});
  std::reverse(c.x.begin(), c.x.end());
  std::reverse(c.y.begin(), c.y.end());
  auto down = baseline(c.x, c.y, {.method = BaselineMethod::polynomial, .degree = 2});
  std::reverse(down.values.begin(), down.values.end());
  EXPECT_LT(max_error(up.values, down.values), 1e-9);
}

TEST(PeaksBaseline, BadInputIsRejected) {
  const std::vector<double> x{1, 2, 3, 4}, y{1, 2, 3, 4}, nan{1, NAN, 3, 4}, short_y{1, 2};
  EXPECT_THROW(baseline(x, short_y, {.method = BaselineMethod::als}), InvalidArgument);
  EXPECT_THROW(baseline(x, nan, {.method = BaselineMethod::snip}), InvalidArgument);
  EXPECT_THROW(baseline(x, y, {.method = BaselineMethod::polynomial, .degree = 11}),
               InvalidArgument);
  EXPECT_THROW(baseline(x, y, {.method = BaselineMethod::als, .als_lambda = 0}), InvalidArgument);
  EXPECT_THROW(baseline(x, y, {.method = BaselineMethod::als, .als_p = 0.7}), InvalidArgument);
  EXPECT_THROW(
      baseline(x, y, {.method = BaselineMethod::polynomial, .degree = 2, .anchors = {{1, 1.5}}}),
      InvalidArgument);
  EXPECT_EQ(baseline_method_from_string("als"), BaselineMethod::als);
  EXPECT_FALSE(baseline_method_from_string("spline"));
}
