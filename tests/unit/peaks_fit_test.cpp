// Multi-peak fits: synthetic round trips through sim/band_spectrum (known areas, centres and
// widths), constraints, error calibration by Monte Carlo, and bad input.
// Tolerances: clean data must be recovered to the solver's precision (1e-6 relative); noisy
// data within 4 standard errors; the standard error of an area must match the scatter of 200
// noise realisations within 20 % (the χ² scatter of a 200-sample standard deviation is 5 %).
#include <gtest/gtest.h>

#include <cmath>

#include "sim/normal_generator.hpp"
#include "solyte/error.hpp"
#include "solyte/peaks/fit.hpp"
#include "solyte/sim/band_spectrum.hpp"

using namespace solyte;
using namespace solyte::peaks;

namespace {

std::vector<double> column(const Measurement& m, Quantity q) { return m.require(q).values; }

sim::BandSpectrum three_voigts(double noise) {
  sim::BandSpectrum s;
  s.bands = {{.shape = Shape::voigt, .center = 2480, .area = 300, .fwhm = 14, .lorentz_fwhm = 8},
             {.shape = Shape::voigt, .center = 2525, .area = 900, .fwhm = 14, .lorentz_fwhm = 8},
             {.shape = Shape::voigt, .center = 2565, .area = 450, .fwhm = 14, .lorentz_fwhm = 8}};
  s.baseline = {5, 1.5};
  s.noise_sigma = noise;
  s.seed = 7;
  return s;
}

std::vector<PeakStart> starts_for(const sim::BandSpectrum& s, double shift) {
  std::vector<PeakStart> out;
  for (const auto& b : s.bands) {
    PeakStart st;
    st.peak = b;
    st.peak.center += shift;
    st.peak.area *= 0.7;
    st.peak.fwhm *= 1.3;
    st.peak.lorentz_fwhm *= 0.6;
    out.push_back(st);
  }
  return out;
}

}  // namespace

TEST(PeaksFit, CleanVoigtTripletWithBackground) {
  const auto s = three_voigts(0);
  const auto m = sim::simulate_band_spectrum(s, sim::linear_grid(2380, 2680, 601));
  const auto x = column(m, Quantity::wavenumber), y = column(m, Quantity::intensity);
  const auto starts = starts_for(s, 3);
  const auto r = fit_peaks(x, y, starts, {.background_degree = 1});
  ASSERT_TRUE(r.report.usable()) << r.report.message;
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_NEAR(r.peaks[k].peak.area / s.bands[k].area, 1, 1e-6) << k;
    EXPECT_NEAR(r.peaks[k].peak.center, s.bands[k].center, 1e-5) << k;
    EXPECT_NEAR(r.peaks[k].peak.fwhm / 14, 1, 1e-5) << k;
    EXPECT_NEAR(r.peaks[k].peak.lorentz_fwhm / 8, 1, 1e-5) << k;
    EXPECT_NEAR(r.peaks[k].total_fwhm / voigt_fwhm(14, 8), 1, 1e-5) << k;
  }
  // The fitted Chebyshev background equals 5 + 1.5u on the same span.
  EXPECT_NEAR(r.background_at(2380), 3.5, 1e-5);
  EXPECT_NEAR(r.background_at(2680), 6.5, 1e-5);
}

TEST(PeaksFit, NoisyRecoveryWithinStandardErrors) {
  const auto s = three_voigts(0.3);  // ≈ 1 % of the tallest peak
  const auto m = sim::simulate_band_spectrum(s, sim::linear_grid(2380, 2680, 601));
  const auto x = column(m, Quantity::wavenumber), y = column(m, Quantity::intensity);
  const auto r = fit_peaks(x, y, starts_for(s, -4), {.background_degree = 1});
  ASSERT_TRUE(r.report.usable()) << r.report.message;
  for (std::size_t k = 0; k < 3; ++k) {
    const auto& p = r.peaks[k];
    ASSERT_TRUE(std::isfinite(p.area_err) && p.area_err > 0);
    EXPECT_LT(std::abs(p.peak.area - s.bands[k].area), 4 * p.area_err) << k;
    EXPECT_LT(std::abs(p.peak.center - s.bands[k].center), 4 * p.center_err) << k;
    EXPECT_NEAR(p.peak.area / s.bands[k].area, 1, 0.05) << k;
    EXPECT_TRUE(std::isfinite(p.height_err) && p.height_err > 0);
    EXPECT_TRUE(std::isfinite(p.total_fwhm_err) && p.total_fwhm_err > 0);
  }
  EXPECT_NEAR(std::sqrt(r.report.reduced_chi2), 0.3, 0.03);
}

TEST(PeaksFit, StandardErrorsMatchMonteCarloScatter) {
  const auto x = sim::linear_grid(-20, 20, 201);
  const std::vector<Peak> truth{{.shape = Shape::gaussian, .center = -3, .area = 10, .fwhm = 4},
                                {.shape = Shape::lorentzian, .center = 4, .area = 6, .fwhm = 3}};
  const double sigma = 0.05;
  sim::detail::NormalGenerator normal(11);
  std::vector<double> a1, e1, a2, e2;
  for (int trial = 0; trial < 200; ++trial) {
    auto y = evaluate(std::span<const Peak>(truth), x);
    for (double& v : y) v += sigma * normal();
    std::vector<PeakStart> st{{.peak = truth[0]}, {.peak = truth[1]}};
    const auto r = fit_peaks(x, y, st);
    ASSERT_TRUE(r.report.usable());
    a1.push_back(r.peaks[0].peak.area);
    e1.push_back(r.peaks[0].area_err);
    a2.push_back(r.peaks[1].peak.area);
    e2.push_back(r.peaks[1].area_err);
  }
  auto sd = [](const std::vector<double>& v) {
    double m = 0, s = 0;
    for (double a : v) m += a;
    m /= static_cast<double>(v.size());
    for (double a : v) s += (a - m) * (a - m);
    return std::sqrt(s / static_cast<double>(v.size() - 1));
  };
  auto mean = [](const std::vector<double>& v) {
    double m = 0;
    for (double a : v) m += a;
    return m / static_cast<double>(v.size());
  };
  EXPECT_NEAR(mean(e1) / sd(a1), 1, 0.2);
  EXPECT_NEAR(mean(e2) / sd(a2), 1, 0.2);
}

TEST(PeaksFit, TiedWidthsAndFixedPositions) {
  const auto x = sim::linear_grid(0, 100, 401);
  const std::vector<Peak> truth{
      {.shape = Shape::pseudo_voigt, .center = 40, .area = 50, .fwhm = 6, .eta = 0.4},
      {.shape = Shape::pseudo_voigt, .center = 52, .area = 20, .fwhm = 6, .eta = 0.4}};
  const auto y = evaluate(std::span<const Peak>(truth), x);
  std::vector<PeakStart> st;
  for (const auto& p : truth) {
    PeakStart s{.peak = p, .fix_center = true, .width_group = 3};
    s.peak.fwhm = 9;
    s.peak.eta = 0.7;
    s.peak.area *= 1.5;
    st.push_back(s);
  }
  const auto r = fit_peaks(x, y, st);
  ASSERT_TRUE(r.report.usable());
  EXPECT_EQ(r.report.n_free, 4u);  // two areas, one shared FWHM, one shared η
  EXPECT_DOUBLE_EQ(r.peaks[0].peak.fwhm, r.peaks[1].peak.fwhm);
  EXPECT_DOUBLE_EQ(r.peaks[0].peak.eta, r.peaks[1].peak.eta);
  EXPECT_NEAR(r.peaks[0].peak.fwhm, 6, 1e-6);
  EXPECT_NEAR(r.peaks[0].peak.eta, 0.4, 1e-6);
  EXPECT_DOUBLE_EQ(r.peaks[1].peak.center, 52);
  EXPECT_EQ(r.peaks[1].center_err, 0);
  EXPECT_NEAR(r.peaks[1].peak.area, 20, 1e-5);
  EXPECT_NO_THROW(r.report.at("p1.eta"));
  EXPECT_THROW(r.report.at("p2.eta"), InvalidArgument);
}

TEST(PeaksFit, WidthModelSharedAcrossPeaks) {
  // A Caglioti-like law FWHM² = U·x² + W for five fixed reflections: what a powder profile fit
  // needs from the fitter.
  const double u_true = 1e-3, w_true = 0.04;
  const auto x = sim::linear_grid(10, 60, 2001);
  std::vector<Peak> truth;
  std::vector<PeakStart> st;
  for (double c : {15.0, 22.5, 31.0, 40.0, 52.0}) {
    Peak p{.shape = Shape::gaussian,
           .center = c,
           .area = 100 / std::sqrt(c),
           .fwhm = std::sqrt(u_true * c * c + w_true)};
    truth.push_back(p);
    PeakStart s{.peak = p, .fix_center = true};
    s.peak.area *= 1.2;
    st.push_back(s);
  }
  const auto y = evaluate(std::span<const Peak>(truth), x);
  WidthModel wm;
  wm.parameters = {{.name = "U", .value = 2e-3, .transform = fit::Transform::log},
                   {.name = "W", .value = 0.02, .transform = fit::Transform::log}};
  wm.widths = [](double c, std::span<const double> v) {
    return PeakWidths{.fwhm = std::sqrt(v[0] * c * c + v[1])};
  };
  const auto r = fit_peaks(x, y, st, {.width_model = wm});
  ASSERT_TRUE(r.report.usable()) << r.report.message;
  EXPECT_NEAR(r.report.at("w.U").value / u_true, 1, 1e-6);
  EXPECT_NEAR(r.report.at("w.W").value / w_true, 1, 1e-6);
  for (std::size_t k = 0; k < truth.size(); ++k) {
    EXPECT_NEAR(r.peaks[k].peak.area / truth[k].area, 1, 1e-6);
    EXPECT_NEAR(r.peaks[k].peak.fwhm / truth[k].fwhm, 1, 1e-6);
  }
}

TEST(PeaksFit, AreaSumsCarryCovariances) {
  // Two strongly overlapping peaks: their areas anticorrelate, so the error of the sum is
  // smaller than the quadrature sum of the errors.
  const auto x = sim::linear_grid(-10, 10, 201);
  const std::vector<Peak> truth{{.shape = Shape::gaussian, .center = -0.8, .area = 5, .fwhm = 3},
                                {.shape = Shape::gaussian, .center = 0.8, .area = 5, .fwhm = 3}};
  auto y = evaluate(std::span<const Peak>(truth), x);
  sim::detail::NormalGenerator normal(3);
  for (double& v : y) v += 0.02 * normal();
  const std::vector<PeakStart> st{{.peak = truth[0]}, {.peak = truth[1]}};
  const auto r = fit_peaks(x, y, st);
  ASSERT_TRUE(r.report.usable());
  const std::vector<std::size_t> both{0, 1};
  const double quad = std::hypot(r.peaks[0].area_err, r.peaks[1].area_err);
  EXPECT_LT(r.area_sum_err(both), 0.8 * quad);
  EXPECT_NEAR(r.peaks[0].peak.area + r.peaks[1].peak.area, 10, 4 * r.area_sum_err(both));
}

TEST(PeaksFit, BadInputIsRejected) {
  const auto x = sim::linear_grid(0, 10, 50);
  const std::vector<double> y(50, 1.0);
  const std::vector<PeakStart> none;
  EXPECT_THROW(fit_peaks(x, y, none), InvalidArgument);
  const std::vector<PeakStart> outside{{.peak = {.center = 20, .area = 1, .fwhm = 1}}};
  EXPECT_THROW(fit_peaks(x, y, outside), InvalidArgument);
  const std::vector<PeakStart> negative{{.peak = {.center = 5, .area = -1, .fwhm = 1}}};
  EXPECT_THROW(fit_peaks(x, y, negative), InvalidArgument);
  const std::vector<PeakStart> mixed{
      {.peak = {.shape = Shape::gaussian, .center = 4, .area = 1, .fwhm = 1}, .width_group = 0},
      {.peak = {.shape = Shape::lorentzian, .center = 6, .area = 1, .fwhm = 1}, .width_group = 0}};
  EXPECT_THROW(fit_peaks(x, y, mixed), InvalidArgument);
  const std::vector<PeakStart> ok{{.peak = {.center = 5, .area = 1, .fwhm = 1}}};
  const std::vector<double> shorter(10, 1.0);
  EXPECT_THROW(fit_peaks(x, shorter, ok), InvalidArgument);
  std::vector<double> with_nan(y);
  with_nan[3] = NAN;
  EXPECT_THROW(fit_peaks(x, with_nan, ok), InvalidArgument);
  const std::vector<double> bad_sigma(50, 0.0);
  EXPECT_THROW(fit_peaks(x, y, ok, {}, bad_sigma), InvalidArgument);
}
