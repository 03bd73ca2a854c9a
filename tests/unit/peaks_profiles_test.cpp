// Peak shapes against closed forms and independent numerics.
// Sources:
//  * Gaussian, Lorentzian, pseudo-Voigt: unit area, height √(4 ln2/π)/Γ and 2/(πΓ), half height
//    at ±Γ/2 — closed forms of the definitions (e.g. Wertheim et al., Rev. Sci. Instrum. 45,
//    1369 (1974)); areas checked by Boost exp_sinh quadrature over the whole line.
//  * Voigt: limits Γ_L → 0 (Gaussian) and Γ_G → 0 (Lorentzian); V(0) = e^{y²}erfc(y)/(σ√(2π)),
//    y = γ/(σ√2) (w(iy) = erfcx(y), Abramowitz & Stegun 7.1.3), computed with std::erfc, not
//    libcerf; V(u) against a direct numerical convolution of G and L (Boost tanh_sinh); the
//    FWHM against Olivero & Longbothum, JQSRT 17, 233 (1977): f_V ≈ 0.5346 f_L +
//    √(0.2166 f_L² + f_G²), stated accuracy 0.02 %.
#include <gtest/gtest.h>

#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <cmath>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "solyte/peaks/profiles.hpp"

using namespace solyte;
using namespace solyte::peaks;

namespace {

double area_of(const Peak& p) {
  boost::math::quadrature::exp_sinh<double> q;
  auto right = [&](double u) { return unit_profile(p, u); };
  auto left = [&](double u) { return unit_profile(p, -u); };
  return q.integrate(right, 0.0, std::numeric_limits<double>::infinity()) +
         q.integrate(left, 0.0, std::numeric_limits<double>::infinity());
}

constexpr double kLn2 = 0.69314718055994530942;

}  // namespace

TEST(PeaksProfiles, GaussianClosedForms) {
  const double w = 7.5;
  EXPECT_NEAR(gaussian(0, w), std::sqrt(4 * kLn2 / constants::pi) / w, 1e-15);
  EXPECT_NEAR(gaussian(w / 2, w) / gaussian(0, w), 0.5, 1e-14);
  EXPECT_NEAR(gaussian(-w / 2, w) / gaussian(0, w), 0.5, 1e-14);
  EXPECT_NEAR(area_of({.shape = Shape::gaussian, .fwhm = w}), 1.0, 1e-10);
}

TEST(PeaksProfiles, LorentzianClosedForms) {
  const double w = 3.2;
  EXPECT_NEAR(lorentzian(0, w), 2 / (constants::pi * w), 1e-15);
  EXPECT_NEAR(lorentzian(w / 2, w) / lorentzian(0, w), 0.5, 1e-14);
  // ∫_{−X}^{X} L = (2/π) arctan(2X/Γ)
  boost::math::quadrature::tanh_sinh<double> q;
  const double x = 20;
  const double partial = q.integrate([&](double u) { return lorentzian(u, w); }, -x, x);
  EXPECT_NEAR(partial, 2 / constants::pi * std::atan(2 * x / w), 1e-12);
  EXPECT_NEAR(area_of({.shape = Shape::lorentzian, .fwhm = w}), 1.0, 1e-9);
}

TEST(PeaksProfiles, PseudoVoigtHalfWidthAndArea) {
  for (double eta : {0.0, 0.3, 0.7, 1.0}) {
    const Peak p{.shape = Shape::pseudo_voigt, .fwhm = 2.0, .eta = eta};
    EXPECT_NEAR(unit_profile(p, 1.0) / unit_profile(p, 0.0), 0.5, 1e-14) << eta;
    EXPECT_NEAR(area_of(p), 1.0, 1e-9) << eta;
    EXPECT_NEAR(total_fwhm(p), 2.0, 0);
  }
}

TEST(PeaksProfiles, VoigtLimitsAndCentreIdentity) {
  EXPECT_DOUBLE_EQ(voigt(0.7, 2.0, 0.0), gaussian(0.7, 2.0));
  EXPECT_DOUBLE_EQ(voigt(0.7, 0.0, 2.0), lorentzian(0.7, 2.0));
  // Tiny Lorentzian part: libcerf's general path tends to the Gaussian.
  EXPECT_NEAR(voigt(0.7, 2.0, 1e-9) / gaussian(0.7, 2.0), 1.0, 1e-8);
  for (double gl : {0.1, 1.0, 5.0}) {
    const double g = 2.0, l = gl * g;
    const double sigma = g / (2 * std::sqrt(2 * kLn2)), gamma = l / 2;
    const double y = gamma / (sigma * std::sqrt(2.0));
    const double v0 = std::exp(y * y) * std::erfc(y) / (sigma * std::sqrt(2 * constants::pi));
    EXPECT_NEAR(voigt(0, g, l) / v0, 1.0, 1e-12) << gl;
  }
}

TEST(PeaksProfiles, VoigtIsTheConvolution) {
  const double g = 1.5, l = 0.8;
  boost::math::quadrature::tanh_sinh<double> q;
  for (double u : {0.0, 0.4, 1.3, 4.0}) {
    // (G ∗ L)(u) = ∫ G(s) L(u − s) ds; the Gaussian confines s to ±10 FWHM.
    const double conv = q.integrate([&](double s) { return gaussian(s, g) * lorentzian(u - s, l); },
                                    -10 * g, 10 * g);
    EXPECT_NEAR(voigt(u, g, l) / conv, 1.0, 1e-9) << u;
  }
  EXPECT_NEAR(area_of({.shape = Shape::voigt, .fwhm = g, .lorentz_fwhm = l}), 1.0, 1e-9);
}

TEST(PeaksProfiles, VoigtFwhmSolvedAndOliveroLongbothum) {
  for (double ratio : {0.01, 0.2, 1.0, 3.0, 50.0}) {
    const double g = 1.0, l = ratio;
    const double w = voigt_fwhm(g, l);
    EXPECT_NEAR(voigt(w / 2, g, l) / voigt(0, g, l), 0.5, 1e-12) << ratio;
    const double ol = 0.5346 * l + std::sqrt(0.2166 * l * l + g * g);
    EXPECT_NEAR(w / ol, 1.0, 3e-4) << ratio;
    EXPECT_GE(w, std::max(g, l));
    EXPECT_LE(w, g + l);
  }
  EXPECT_DOUBLE_EQ(voigt_fwhm(2.0, 0.0), 2.0);
  EXPECT_DOUBLE_EQ(voigt_fwhm(0.0, 3.0), 3.0);
}

TEST(PeaksProfiles, PeakEvaluationHeightAndSum) {
  const Peak p{.shape = Shape::gaussian, .center = 100, .area = 5, .fwhm = 2};
  EXPECT_NEAR(height(p), 5 * gaussian(0, 2), 1e-14);
  EXPECT_NEAR(evaluate(p, 101), 2.5 * gaussian(0, 2), 1e-13);
  const std::vector<Peak> two{p, {.shape = Shape::lorentzian, .center = 104, .area = 1, .fwhm = 1}};
  const std::vector<double> x{100, 104};
  const auto y = evaluate(std::span<const Peak>(two), x);
  EXPECT_NEAR(y[0], height(two[0]) + evaluate(two[1], 100), 1e-14);
  EXPECT_NEAR(y[1], evaluate(two[0], 104) + height(two[1]), 1e-14);
}

TEST(PeaksProfiles, ShapeNamesRoundTrip) {
  for (Shape s : {Shape::gaussian, Shape::lorentzian, Shape::pseudo_voigt, Shape::voigt})
    EXPECT_EQ(shape_from_string(to_string(s)), s);
  EXPECT_EQ(shape_from_string("pv"), Shape::pseudo_voigt);
  EXPECT_FALSE(shape_from_string("triangle"));
}

TEST(PeaksProfiles, BadPeaksAreRejected) {
  EXPECT_THROW(validate({.shape = Shape::gaussian, .fwhm = 0}), InvalidArgument);
  EXPECT_THROW(validate({.shape = Shape::lorentzian, .fwhm = -1}), InvalidArgument);
  EXPECT_THROW(validate({.shape = Shape::pseudo_voigt, .fwhm = 1, .eta = 1.5}), InvalidArgument);
  EXPECT_THROW(validate({.shape = Shape::voigt, .fwhm = 0, .lorentz_fwhm = 0}), InvalidArgument);
  EXPECT_THROW(validate({.shape = Shape::gaussian, .center = NAN, .fwhm = 1}), InvalidArgument);
  EXPECT_THROW(voigt_fwhm(-1, 1), InvalidArgument);
  const std::vector<double> x{1, 2};
  std::vector<double> y{0};
  const Peak p{};
  EXPECT_THROW(add_peaks(std::span<const Peak>(&p, 1), x, y), InvalidArgument);
}
