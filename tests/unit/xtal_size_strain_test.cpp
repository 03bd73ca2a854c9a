// Scherrer, Williamson–Hall and instrumental correction (src/xtal/size_strain.cpp): every test
// vector of ../shared/reference/xrd/size_strain_examples.txt, and a round trip through simulated
// standard and sample patterns.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "solyte/error.hpp"
#include "solyte/sim/powder_pattern.hpp"
#include "solyte/xtal/pattern_fit.hpp"
#include "solyte/xtal/size_strain.hpp"

namespace {

using namespace solyte;
using namespace solyte::xtal;

// size_strain_examples.txt, line 1: "Scherrer L(110) = 401.06 A (K=0.9, beta=0.20 deg,
// 2th=15.8885)" (Cu Kα1 1.5406 Å).
TEST(XtalSizeStrain, ScherrerVector) {
  EXPECT_NEAR(scherrer_size_angstrom(0.20, 15.8885, 1.5406, 0.9), 401.06, 0.005);
  EXPECT_NEAR(scherrer_size_angstrom(0.20, 15.8885, 1.5406), 401.06, 0.005);  // K = 0.9 default
}

// Line 2: "Lorentzian (linear) beta = 0.1700 ; Gaussian (quadratic) beta = 0.2369 ;
// geometric-mean beta = 0.2007 deg", from observed 0.25° and instrumental 0.08° (0.25 − 0.08 =
// 0.17; √(0.25² − 0.08²) = 0.23685; √(0.17 · 0.23685) = 0.20066).
TEST(XtalSizeStrain, InstrumentalCorrectionVectors) {
  EXPECT_NEAR(corrected_breadth(0.25, 0.08, BreadthCorrection::lorentzian), 0.1700, 5e-5);
  EXPECT_NEAR(corrected_breadth(0.25, 0.08, BreadthCorrection::gaussian), 0.2369, 5e-5);
  EXPECT_NEAR(corrected_breadth(0.25, 0.08, BreadthCorrection::geometric_mean), 0.2007, 5e-5);
  EXPECT_THROW(corrected_breadth(0.08, 0.08, BreadthCorrection::gaussian), InvalidArgument);
  EXPECT_THROW(corrected_breadth(-0.1, 0.08, BreadthCorrection::lorentzian), InvalidArgument);
}

// Lines 3–4: "WH synthetic: beta(deg) = [0.33134, 0.36137, 0.38575, 0.42739, 0.44634, 0.4646,
// 0.49985, 0.53437]" and "WH fit: L = 300.00 A, e = 0.00200 (true 300 A, 0.002)": bcc Im-3m
// a = 7.882 Å at Cu Kα1, K = 0.9. Evaluating the law at every bcc reflection shows which lines
// these are: h² + k² + l² = 2, 4, 6, 10, 12, 14, 18, 22 (110, 200, 211, 310, 222, 321, 411/330,
// 332; 220, 400 and 420 are not in the list).
TEST(XtalSizeStrain, WilliamsonHallVectors) {
  const std::vector<double> beta = {0.33134, 0.36137, 0.38575, 0.42739,
                                    0.44634, 0.4646,  0.49985, 0.53437};
  const int n2[] = {2, 4, 6, 10, 12, 14, 18, 22};  // h² + k² + l²
  std::vector<double> tth;
  for (int i = 0; i < 8; ++i) {
    const double d = 7.882 / std::sqrt(static_cast<double>(n2[i]));
    tth.push_back(bragg_two_theta_deg(d, 1.5406));
    // The forward law gives the printed breadths (5 significant digits).
    EXPECT_NEAR(williamson_hall_breadth_deg(tth.back(), 300, 0.002, 1.5406), beta[i], 6e-6);
  }
  const WilliamsonHall wh = williamson_hall(tth, beta, 1.5406, 0.9);
  EXPECT_NEAR(wh.size_angstrom, 300.00, 0.005 * 300);  // printed breadths carry ±5e-6°
  EXPECT_NEAR(wh.strain, 0.00200, 5e-6);
  EXPECT_GT(wh.r2, 0.99999);
  EXPECT_EQ(wh.n, 8u);
  // Exact breadths give exact parameters.
  std::vector<double> exact;
  for (double t : tth) exact.push_back(williamson_hall_breadth_deg(t, 300, 0.002, 1.5406));
  const WilliamsonHall we = williamson_hall(tth, exact, 1.5406);
  EXPECT_NEAR(we.size_angstrom, 300, 1e-8);
  EXPECT_NEAR(we.strain, 0.002, 1e-12);
}

// Line 5: "apparent strain e = beta/(4 tan th) ~ 1.2533 * eps_rms (Gaussian strain
// distribution)": √(π/2) = 1.25331.
TEST(XtalSizeStrain, ApparentAndRmsStrain) {
  EXPECT_NEAR(0.002 / rms_strain_from_apparent(0.002), 1.2533, 5e-5);
}

TEST(XtalSizeStrain, BadInput) {
  EXPECT_THROW(scherrer_size_angstrom(0, 20, 1.5406), InvalidArgument);
  EXPECT_THROW(scherrer_size_angstrom(0.1, 190, 1.5406), InvalidArgument);
  EXPECT_THROW(scherrer_size_angstrom(0.1, 20, 1.5406, 0), InvalidArgument);
  EXPECT_THROW(williamson_hall(std::vector<double>{20}, std::vector<double>{0.1}, 1.5406),
               InvalidArgument);
  EXPECT_THROW(williamson_hall(std::vector<double>{20, 30}, std::vector<double>{0.1}, 1.5406),
               InvalidArgument);
  EXPECT_THROW(williamson_hall(std::vector<double>{20, 20}, std::vector<double>{0.1, 0.2}, 1.5406),
               InvalidArgument);
  // Breadths that rise with angle faster than strain allows: negative intercept, no size.
  EXPECT_THROW(williamson_hall(std::vector<double>{20, 60}, std::vector<double>{0.05, 0.5}, 1.5406),
               NumericalError);
  EXPECT_THROW(instrument_function(std::vector<FittedPeak>(2)), InvalidArgument);
}

// Round trip: a standard (LaB6) and a sample (W) simulated with the same instrument; the
// sample's lines carry an extra Lorentzian width Kλ/(L cos θ) + 4e tan θ (size L = 300 Å, strain
// e = 0.002). Fitting both, subtracting the standard's Lorentzian width from the sample's
// (Lorentzian subtract, Gaussian in quadrature) and a Williamson–Hall fit of the corrected
// Lorentzian FWHMs recover L and e: to 1 % without noise, and with counting noise to 10 % (L)
// and 5 % (e), each line's corrected width within 20 % (weak lines scatter most).
void standard_and_sample_round_trip(bool noise) {
  const CrystalStructure lab6{
      .name = "LaB6",
      .cell = UnitCell::cubic(4.15689),
      .group = find_space_group("Pm-3m"),
      .sites = {{.label = "La", .element = "La", .position = {0, 0, 0}, .u_iso_a2 = 0.004},
                {.label = "B", .element = "B", .position = {0.1975, 0.5, 0.5}, .u_iso_a2 = 0.005}}};
  // bcc tungsten: six strong, well separated lines in range (110 … 222), so that no weak line
  // the peak search misses sits under a fitted one.
  const CrystalStructure tungsten{
      .name = "W",
      .cell = UnitCell::cubic(3.1652),
      .group = find_space_group("Im-3m"),
      .sites = {{.label = "W", .element = "W", .position = {0, 0, 0}, .u_iso_a2 = 0.003}}};
  const ProfileWidths instrument{
      .gauss = {.u = 0.002, .v = -0.005, .w = 0.006}, .x = 0.007, .y = 0.031};
  const double size = 300, strain = 0.002, k = 0.9, lambda = 1.5406;
  const double deg = 180 / std::numbers::pi;
  ProfileWidths broadened = instrument;
  broadened.x += deg * 4 * strain;
  broadened.y += deg * k * lambda / size;
  const auto grid = uniform_grid(15, 125, 0.01);
  const Radiation cu;
  // The clipping width of the background must exceed the lines' widths: 1.5° (default) for the
  // standard, 4° for the broadened sample whose lines reach 1.6°.
  auto fitted = [&](const CrystalStructure& s, const ProfileWidths& w, double scale, int seed,
                    double clip_deg) {
    const auto lines = powder_lines(s, {.two_theta_min_deg = 15, .two_theta_max_deg = 125});
    const PatternModel m{.profile = w, .scale = scale, .background = {200, -50}};
    const Measurement scan = sim::simulate_powder_scan(
        grid, lines, m, {.counting = noise, .seed = static_cast<std::uint64_t>(seed)});
    const auto& y = scan.require(Quantity::intensity).values;
    const auto& e = scan.require(Quantity::intensity_sigma).values;
    const auto found = find_peaks(grid, y, e, {.background_width_deg = clip_deg, .radiation = cu});
    return fit_peaks(grid, y, e, found, {.radiation = cu});
  };
  const PeakFitReport standard = fitted(lab6, instrument, 3e-3, 11, 1.5);
  ASSERT_TRUE(standard.usable());
  const InstrumentFunction inst = instrument_function(standard.peaks);
  const PeakFitReport sample = fitted(tungsten, broadened, 2e-3, 12, 4.0);
  ASSERT_TRUE(sample.usable());
  ASSERT_EQ(sample.peaks.size(), 6u);
  std::vector<double> tth, beta;
  for (const auto& p : sample.peaks) {
    const SampleBreadth b = sample_breadth(p, inst);
    ASSERT_TRUE(b.resolved);
    tth.push_back(p.two_theta_deg);
    beta.push_back(b.fwhm_lorentz_deg);
    // The corrected Lorentzian FWHM follows the sample law.
    const double th = p.two_theta_deg / 2 / deg;
    const double truth = deg * (k * lambda / (size * std::cos(th)) + 4 * strain * std::tan(th));
    EXPECT_NEAR(b.fwhm_lorentz_deg, truth, (noise ? 0.2 : 0.01) * truth) << p.two_theta_deg;
  }
  const WilliamsonHall wh = williamson_hall(tth, beta, lambda, k);
  EXPECT_NEAR(wh.size_angstrom, size, (noise ? 0.1 : 0.01) * size);
  EXPECT_NEAR(wh.strain, strain, (noise ? 0.05 : 0.01) * strain);
  // Scherrer on the first corrected line ignores strain, so it underestimates L.
  EXPECT_LT(scherrer_size_angstrom(beta.front(), tth.front(), lambda), size);
}

TEST(XtalSizeStrain, StandardAndSampleRoundTripNoiseFree) { standard_and_sample_round_trip(false); }
TEST(XtalSizeStrain, StandardAndSampleRoundTripCountingNoise) {
  standard_and_sample_round_trip(true);
}

}  // namespace
