// The shared line shapes (fit/line_shapes.hpp) against their closed forms: the peak values
// √(4 ln2/π)/Γ and 2/(πΓ), half maximum at ±Γ/2, unit area (trapezoid over ±2000 Γ for the
// Lorentzian, whose tail beyond ±kΓ holds 1 − (2/π) atan(2k) of the area); and the domain
// wrappers are the same functions. (Their derivatives through ceres::Jet are checked by the
// powder-fit test XtalPattern.FitDerivativesMatchDifferences.)
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "solyte/fit/line_shapes.hpp"
#include "solyte/peaks/profiles.hpp"
#include "solyte/xtal/profile.hpp"

namespace {

using namespace solyte;

TEST(FitLineShapes, ClosedFormsAndUnitArea) {
  const double g = 0.37, ln2 = std::numbers::ln2, pi = std::numbers::pi;
  EXPECT_NEAR(fit::gaussian(0.0, g), std::sqrt(4 * ln2 / pi) / g, 1e-14);
  EXPECT_NEAR(fit::gaussian(g / 2, g), fit::gaussian(0.0, g) / 2, 1e-14);
  EXPECT_NEAR(fit::lorentzian(0.0, g), 2 / (pi * g), 1e-14);
  EXPECT_NEAR(fit::lorentzian(-g / 2, g), fit::lorentzian(0.0, g) / 2, 1e-14);
  EXPECT_NEAR(fit::pseudo_voigt(0.1, g, 0.3),
              0.3 * fit::lorentzian(0.1, g) + 0.7 * fit::gaussian(0.1, g), 1e-15);
  auto area = [&](auto f, double half) {
    const int n = 2000000;
    const double h = 2 * half / n;
    double s = 0.5 * (f(-half) + f(half));
    for (int i = 1; i < n; ++i) s += f(-half + i * h);
    return s * h;
  };
  EXPECT_NEAR(area([&](double u) { return fit::gaussian(u, g); }, 10 * g), 1, 1e-10);
  const double k = 2000;
  EXPECT_NEAR(area([&](double u) { return fit::lorentzian(u, g); }, k * g),
              2 / pi * std::atan(2 * k), 1e-8);
}

TEST(FitLineShapes, DomainWrappersAreTheSameFunctions) {
  for (double u : {-3.0, -0.05, 0.0, 0.4, 12.0}) {
    EXPECT_EQ(peaks::gaussian(u, 0.8), fit::gaussian(u, 0.8));
    EXPECT_EQ(peaks::lorentzian(u, 0.8), fit::lorentzian(u, 0.8));
    EXPECT_EQ(peaks::pseudo_voigt(u, 0.8, 0.4), fit::pseudo_voigt(u, 0.8, 0.4));
    EXPECT_EQ(xtal::gaussian(u, 0.8), fit::gaussian(u, 0.8));
    EXPECT_EQ(xtal::lorentzian(u, 0.8), fit::lorentzian(u, 0.8));
    EXPECT_EQ(xtal::pseudo_voigt(u, 0.8, 0.4), fit::pseudo_voigt(u, 0.8, 0.4));
  }
}

}  // namespace
