// Peak shapes, simulated patterns, peak search, profile fits and indexing: closed forms,
// synthetic round trips through sim/powder_pattern, and the LaB6 scan of the shared corpus.
#include <cerf.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numbers>
#include <vector>

#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "solyte/sim/powder_pattern.hpp"
#include "solyte/xtal/pattern_fit.hpp"
#include "solyte/xtal/pattern_index.hpp"
#include "solyte/xtal/size_strain.hpp"
#include "test_support.hpp"

namespace {

using namespace solyte;
using namespace solyte::xtal;

// Trapezoidal integral of f over [a, b] with n intervals.
template <class F>
double integrate(F f, double a, double b, int n = 200000) {
  const double h = (b - a) / n;
  double s = 0.5 * (f(a) + f(b));
  for (int i = 1; i < n; ++i) s += f(a + i * h);
  return s * h;
}

TEST(XtalProfile, ShapesHaveUnitAreaAndTheirFwhm) {
  const double g = 0.3;
  EXPECT_NEAR(integrate([&](double x) { return gaussian(x, g); }, -5, 5), 1, 1e-9);
  // The Lorentzian's tails beyond ±L hold (2/π) atan(Γ/2L)-complement: 1 − (2/π) atan(2L/Γ).
  EXPECT_NEAR(integrate([&](double x) { return lorentzian(x, g); }, -500, 500, 2000000),
              2 / std::numbers::pi * std::atan(1000 / g), 1e-6);
  for (double eta : {0.0, 0.3, 1.0}) {
    const double peak = pseudo_voigt(0.0, g, eta);
    EXPECT_NEAR(pseudo_voigt(g / 2, g, eta), peak / 2, 1e-12);  // half maximum at ±Γ/2
    EXPECT_NEAR(pseudo_voigt_integral_breadth(g, eta), 1 / peak, 1e-12);
  }
  EXPECT_NEAR(gaussian_integral_breadth(g), 1 / gaussian(0.0, g), 1e-12);
  EXPECT_NEAR(lorentzian_integral_breadth(g), 1 / lorentzian(0.0, g), 1e-12);
}

// FWHM of the true Voigt (libcerf's voigt, an independent computation), by bisection on the
// half maximum.
double voigt_fwhm(double sigma, double gamma) {
  const double half = voigt(0.0, sigma, gamma) / 2;
  double lo = 0, hi = 10 * (sigma + gamma);
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    (voigt(mid, sigma, gamma) > half ? lo : hi) = mid;
  }
  return lo + hi;
}

// TCH 1987: pure limits, and closeness to the true Voigt. TCH fitted Γ and η to the Voigt's
// shape, not to its FWHM: their Γ lies up to ~0.45 % below the Voigt's FWHM (0.42 % at
// Γ_L/Γ_G = 0.5; the Voigt FWHM here agrees with Olivero & Longbothum's 0.02 % formula,
// J. Quant. Spectrosc. Radiat. Transfer 17 (1977) 233, which gives 0.129401 for 0.1 and 0.05).
TEST(XtalProfile, TchMixingMatchesTheVoigt) {
  auto [f0, e0] = tch_pseudo_voigt(0.2, 0.0);
  EXPECT_NEAR(f0, 0.2, 1e-12);
  EXPECT_NEAR(e0, 0, 1e-12);
  auto [f1, e1] = tch_pseudo_voigt(0.0, 0.2);
  EXPECT_NEAR(f1, 0.2, 1e-12);
  EXPECT_NEAR(e1, 1, 1e-4);  // η(1) = 1.36603 − 0.47719 + 0.11116
  const double c = 2 * std::sqrt(2 * std::numbers::ln2);
  for (double ratio : {0.1, 0.5, 1.0, 2.0, 5.0}) {
    const double fg = 0.1, fl = ratio * fg;
    EXPECT_NEAR(tch_pseudo_voigt(fg, fl).first / voigt_fwhm(fg / c, fl / 2), 1, 5e-3) << ratio;
  }
  EXPECT_NEAR(voigt_fwhm(0.1 / c, 0.025), 0.129401, 0.0002 * 0.129401);
}

// split_pseudo_voigt inverts tch_pseudo_voigt; Langford's Voigt breadth equals 1/V(0) of the
// unit-area Voigt (libcerf).
TEST(XtalProfile, SplitAndVoigtBreadth) {
  for (double ratio : {0.0, 0.2, 1.0, 3.0}) {
    const double fg = 0.08, fl = ratio * fg;
    const auto [f, e] = tch_pseudo_voigt(fg, fl);
    const auto [g, l] = split_pseudo_voigt(f, e);
    EXPECT_NEAR(g, fg, 1e-9);
    EXPECT_NEAR(l, fl, 1e-9);
  }
  const double c = 2 * std::sqrt(2 * std::numbers::ln2);
  const double fg = 0.1, fl = 0.07;
  EXPECT_NEAR(
      voigt_integral_breadth(gaussian_integral_breadth(fg), lorentzian_integral_breadth(fl)),
      1 / voigt(0.0, fg / c, fl / 2), 1e-10);
  EXPECT_DOUBLE_EQ(voigt_integral_breadth(0, 0.3), 0.3);
  EXPECT_THROW(split_pseudo_voigt(0.1, 1.2), InvalidArgument);
  EXPECT_THROW(split_pseudo_voigt(-0.1, 0.5), InvalidArgument);
}

TEST(XtalPattern, ChebyshevAndCagliotiAndKalpha2) {
  const std::vector<double> c = {1.5, -0.5, 0.25, 0.125};
  for (double x : {10.0, 35.0, 60.0}) {
    const double t = 2 * (x - 10) / 50 - 1;
    const double direct = 1.5 - 0.5 * t + 0.25 * (2 * t * t - 1) + 0.125 * (4 * t * t * t - 3 * t);
    EXPECT_NEAR(chebyshev_background(x, c, 10, 60), direct, 1e-14);
  }
  const Caglioti cg{.u = 0.01, .v = -0.004, .w = 0.003};
  const double t = std::tan(40 * std::numbers::pi / 180);
  EXPECT_NEAR(caglioti_fwhm2(cg, 80.0), 0.01 * t * t - 0.004 * t + 0.003, 1e-15);
  // Kα2 of the 110 line of bcc a = 7.882 Å: 2 asin(λ2 / 2d).
  const double d = 7.882 / std::sqrt(2.0);
  EXPECT_NEAR(kalpha2_two_theta_deg(15.8885, {}),
              2 * std::asin(1.5444 / (2 * d)) * 180 / std::numbers::pi, 1e-4);
}

// One line: its area is scale·I·(1 + ratio), its maximum (monochromatic) sits at the Bragg
// angle plus the zero shift, and the background adds Σ c_j T_j.
TEST(XtalPattern, SimulatedLineAreaAndPosition) {
  const PatternLine line{.d_angstrom = 7.882 / std::sqrt(2.0), .intensity = 1000};
  PatternModel m{.profile = {.gauss = {.w = 0.004}, .y = 0.02}, .zero_shift_deg = 0.03, .scale = 2};
  const auto grid = uniform_grid(10, 22, 0.0005);
  const auto y = simulate_pattern(grid, std::span<const PatternLine>(&line, 1), m);
  double area = 0;
  for (std::size_t i = 1; i < y.size(); ++i) area += 0.5 * (y[i] + y[i - 1]) * 0.0005;
  // Lorentzian tails outside the grid hold about 0.1 % of the area here.
  EXPECT_NEAR(area / (2 * 1000 * 1.5), 1, 2e-3);
  PatternModel mono = m;
  mono.radiation = Radiation::monochromatic(1.5406);
  const auto ym = simulate_pattern(grid, std::span<const PatternLine>(&line, 1), mono);
  const auto top = std::max_element(ym.begin(), ym.end()) - ym.begin();
  EXPECT_NEAR(grid[static_cast<std::size_t>(top)], 15.8885 + 0.03, 5e-4);
  m.background = {100, 10};
  const auto yb = simulate_pattern(grid, std::span<const PatternLine>(&line, 1), m);
  EXPECT_NEAR(yb.front() - y.front(), 90, 1e-9);  // t = −1 at the first point: 100 − 10
  EXPECT_THROW(uniform_grid(10, 5, 0.1), InvalidArgument);
  m.profile.gauss = {.w = -0.01};
  EXPECT_THROW(simulate_pattern(grid, std::span<const PatternLine>(&line, 1), m), InvalidArgument);
}

// LaB6 (Pm-3m: La 1a, B 6f x = 0.1975; NIST SRM 660c a = 4.15689 Å) as the synthetic standard.
CrystalStructure lab6() {
  return {
      .name = "LaB6",
      .cell = UnitCell::cubic(4.15689),
      .group = find_space_group("Pm-3m"),
      .sites = {{.label = "La", .element = "La", .position = {0, 0, 0}, .u_iso_a2 = 0.004},
                {.label = "B", .element = "B", .position = {0.1975, 0.5, 0.5}, .u_iso_a2 = 0.005}}};
}

// Round trip: a LaB6 scan simulated with known U, V, W, X, Y, Kα1/Kα2 (ratio 0.5), a Chebyshev
// background, a zero shift of −0.05° and counting noise; peak search, profile fits and indexing
// recover a, the zero shift and the widths.
TEST(XtalPattern, SyntheticLab6RoundTrip) {
  const auto lines = powder_lines(lab6(), {.two_theta_min_deg = 15, .two_theta_max_deg = 125});
  ASSERT_EQ(lines.size(), 20u);
  const PatternModel m{
      .profile = {.gauss = {.u = 0.002, .v = -0.005, .w = 0.006}, .x = 0.007, .y = 0.031},
      .zero_shift_deg = -0.05,
      .scale = 3e-3,
      .background = {300, -150, 40}};
  const auto grid = uniform_grid(15, 125, 0.0131303);
  const Measurement scan = sim::simulate_powder_scan(grid, lines, m, {.counting = true, .seed = 3});
  const auto& y = scan.require(Quantity::intensity).values;
  const auto& s = scan.require(Quantity::intensity_sigma).values;
  const auto found = find_peaks(grid, y, s, {.radiation = m.radiation});
  ASSERT_EQ(found.size(), 20u);  // every line once; no Kα2 component taken for a line
  const PeakFitReport r = fit_peaks(grid, y, s, found, {.radiation = m.radiation});
  EXPECT_TRUE(r.usable());
  std::vector<double> pos;
  for (const auto& p : r.peaks) {
    pos.push_back(p.two_theta_deg);
    const auto [g, l] = m.profile.at(p.two_theta_deg - m.zero_shift_deg);
    const double fwhm = tch_pseudo_voigt(g, l).first;
    EXPECT_NEAR(p.fwhm_deg, fwhm, 0.15 * fwhm) << p.two_theta_deg;
    EXPECT_LT(r.windows[p.window].fit.reduced_chi2, 1.6) << p.two_theta_deg;
  }
  const IndexResult ix = index_lines(pos, UnitCell::cubic(4.16), find_space_group("Pm-3m"), {});
  EXPECT_EQ(ix.assigned, 20u);
  EXPECT_NEAR(ix.cell.a(), 4.15689, 3 * ix.cell_err[0] + 2e-5);
  EXPECT_LT(ix.cell_err[0], 1e-4);
  EXPECT_NEAR(ix.zero_shift_deg, -0.05, 3 * ix.zero_shift_err + 1e-4);
  EXPECT_LT(ix.rms_deg, 0.005);
  for (const auto& l : ix.lines) EXPECT_LT(std::abs(l.residual_deg), 0.01);
  // The instrument function from the fitted widths reproduces the true widths at 30–110°.
  const InstrumentFunction inst = instrument_function(r.peaks);
  for (double tth : {30.0, 70.0, 110.0}) {
    const auto [g, l] = m.profile.at(tth);
    const auto [gi, li] = inst.widths.at(tth);
    EXPECT_NEAR(tch_pseudo_voigt(gi, li).first, tch_pseudo_voigt(g, l).first, 0.006) << tth;
  }
}

// The profile fit's exact derivatives (Kα2 position and pseudo-Voigt through dual numbers): a
// two-line window refitted from its optimum by the central-difference path of fit/least_squares
// on the same model (y = Σ A[pV(x − x1) + r pV(x − x2)] + b0 + b1(x − x_c), weights 1/σ) stays
// there and gives the same standard errors.
TEST(XtalPattern, FitDerivativesMatchDifferences) {
  const std::vector<PatternLine> lines = {{.d_angstrom = 2.95, .intensity = 1000},
                                          {.d_angstrom = 2.90, .intensity = 600}};
  const PatternModel m{
      .profile = {.gauss = {.w = 0.006}, .y = 0.05}, .scale = 40, .background = {150, -20}};
  const auto grid = uniform_grid(29, 32.5, 0.01);
  const Measurement scan = sim::simulate_powder_scan(grid, lines, m, {.counting = true, .seed = 5});
  const auto& y = scan.require(Quantity::intensity).values;
  const auto& s = scan.require(Quantity::intensity_sigma).values;
  const auto found = find_peaks(grid, y, s, {.radiation = m.radiation});
  ASSERT_EQ(found.size(), 2u);
  const PeakFitReport r = fit_peaks(grid, y, s, found, {.radiation = m.radiation, .passes = 1});
  ASSERT_TRUE(r.usable());
  ASSERT_EQ(r.windows.size(), 1u);
  const PeakWindow& w = r.windows[0];
  const auto first = std::lower_bound(grid.begin(), grid.end(), w.from_deg) - grid.begin();
  const auto n = static_cast<std::size_t>(std::upper_bound(grid.begin(), grid.end(), w.to_deg) -
                                          grid.begin() - first);
  auto model = [&](std::span<const double> v, std::span<double> res) {
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t k = static_cast<std::size_t>(first) + i;
      double yi = v[8] + v[9] * (grid[k] - w.centre_deg);
      for (std::size_t j = 0; j < 2; ++j) {
        const double x2 = kalpha2_two_theta_deg(v[4 * j], m.radiation);
        yi += v[4 * j + 1] *
              (pseudo_voigt(grid[k] - v[4 * j], v[4 * j + 2], v[4 * j + 3]) +
               m.radiation.ratio * pseudo_voigt(grid[k] - x2, v[4 * j + 2], v[4 * j + 3]));
      }
      res[i] = (y[k] - yi) / s[k];
    }
  };
  std::vector<fit::Parameter> p;
  for (const auto& q : w.fit.parameters) p.push_back({.name = q.name, .value = q.value});
  const fit::FitReport again = fit::least_squares(model, n, p);
  ASSERT_TRUE(again.usable()) << again.message;
  for (std::size_t k = 0; k < p.size(); ++k) {
    const auto& a = w.fit.parameters[k];
    const auto& b = again.parameters[k];
    EXPECT_NEAR(a.value, b.value, 1e-3 * b.stderr) << a.name;
    EXPECT_NEAR(a.stderr, b.stderr, 1e-4 * b.stderr) << a.name;
  }
  for (const auto& f : r.peaks) EXPECT_GT(f.eta, 0.05);  // inside (0, 1): no bound in play
  for (const auto& f : r.peaks) EXPECT_LT(f.eta, 0.95);
}

// Indexing recovers tetragonal a and c from exact line positions (closed-form d), and refuses a
// start cell that matches nothing.
TEST(XtalPattern, IndexingTetragonalAndBadStarts) {
  const UnitCell truth = UnitCell::tetragonal(4.59, 2.96);  // rutile-like, P4_2/mnm
  const SpaceGroup g = find_space_group("P4_2/mnm");
  const auto lines =
      powder_line_positions(truth, g, {.two_theta_min_deg = 20, .two_theta_max_deg = 100});
  std::vector<double> pos;
  for (const auto& l : lines) pos.push_back(l.two_theta_deg + 0.02);
  const IndexResult r = index_lines(pos, UnitCell::tetragonal(4.585, 2.965), g, {});
  EXPECT_EQ(r.assigned, pos.size());
  EXPECT_NEAR(r.cell.a(), 4.59, 1e-7);
  EXPECT_NEAR(r.cell.c(), 2.96, 1e-7);
  EXPECT_NEAR(r.zero_shift_deg, 0.02, 1e-7);
  EXPECT_EQ(r.free_parameters, (std::vector<std::string>{"a", "c", "zero"}));
  EXPECT_THROW(index_lines(pos, UnitCell::tetragonal(6, 4), g, {.tolerance_deg = 0.05}),
               InvalidArgument);
  EXPECT_THROW(index_lines(std::vector<double>{200}, truth, g, {}), InvalidArgument);
}

TEST(XtalPattern, BadInputToSearchAndFit) {
  const std::vector<double> x = {1, 2, 3, 4, 5, 6}, y = {1, 2, 3, 2, 1, 1};
  EXPECT_THROW(find_peaks(x, std::vector<double>{1, 2}, {}, {}), InvalidArgument);
  EXPECT_THROW(find_peaks(std::vector<double>{1, 3, 2, 4, 5, 6}, y, {}, {}), InvalidArgument);
  EXPECT_THROW(find_peaks(x, std::vector<double>{1, 2, NAN, 2, 1, 1}, {}, {}), InvalidArgument);
  EXPECT_THROW(find_peaks(x, y, std::vector<double>{1, 1, 0, 1, 1, 1}, {}), InvalidArgument);
  const PeakCandidate outside{.two_theta_deg = 50};
  EXPECT_THROW(fit_peaks(x, y, {}, std::span<const PeakCandidate>(&outside, 1), {}),
               InvalidArgument);
  EXPECT_TRUE(fit_peaks(x, y, {}, {}, {}).peaks.empty());
}

// A measured pattern through the project's readers (io/read_measurements): 2θ, intensities, σ
// when the file has them, and the radiation the file states (Cu Kα1/Kα2, ratio 0.5, if none).
struct MeasuredPattern {
  std::vector<double> two_theta_deg, intensity, sigma;
  Radiation radiation;
};

MeasuredPattern read_pattern(const std::filesystem::path& path) {
  const std::vector<Measurement> records = io::read_measurements(path.string());
  EXPECT_EQ(records.size(), 1u);
  const Measurement& m = records.front();
  MeasuredPattern p{.two_theta_deg = m.require(Quantity::two_theta).values,
                    .intensity = m.require(Quantity::intensity).values};
  if (const Column* s = m.find(Quantity::intensity_sigma)) p.sigma = s->values;
  if (m.meta.wavelength_angstrom) {
    p.radiation = Radiation::monochromatic(*m.meta.wavelength_angstrom);
    if (m.meta.wavelength2_angstrom && m.meta.kalpha2_ratio)
      p.radiation = {*m.meta.wavelength_angstrom, *m.meta.wavelength2_angstrom,
                     *m.meta.kalpha2_ratio};
  }
  return p;
}

// NIST SRM 660c certificate: LaB6, a = 4.15689 Å (22.5 °C).
constexpr double kLab6CertifiedA = 4.15689;

// The LaB6 scan ../shared/data/xrd/gsas2_LaB6_lab/NIST660CBI.gsas (NIST SRM 660c, lab Cu
// Kα1/Kα2 Bragg–Brentano, GSAS STD CONST format, 15–125° 2θ; the file states no wavelength, so
// Cu Kα1/Kα2 with ratio 0.5 is assumed). Expected: the 20 LaB6 lines of Pm-3m in range found,
// fitted and indexed (one weak line at 47.14°, not LaB6, stays unassigned); with a zero shift
// and a sample-displacement term a agrees with the certified 4.15689 Å within three standard
// errors. The zero shift alone gives a = 4.1554 Å: the displacement of the lab sample is not
// negligible.
TEST(XtalPattern, RealLab6ScanFittedAndIndexed) {
  const auto path = test::shared_data("xrd/gsas2_LaB6_lab/NIST660CBI.gsas");
  SOLYTE_REQUIRE_SHARED(path);
  const MeasuredPattern scan = read_pattern(path);
  ASSERT_EQ(scan.intensity.size(), 8378u);
  const Radiation cu;  // 1.5406 / 1.5444 Å, ratio 0.5
  EXPECT_EQ(scan.radiation.lambda1, cu.lambda1);
  const auto found = find_peaks(scan.two_theta_deg, scan.intensity, scan.sigma, {.radiation = cu});
  const PeakFitReport r =
      fit_peaks(scan.two_theta_deg, scan.intensity, scan.sigma, found, {.radiation = cu});
  EXPECT_TRUE(r.usable());
  std::vector<double> pos;
  for (const auto& p : r.peaks) pos.push_back(p.two_theta_deg);
  const SpaceGroup pm3m = find_space_group("Pm-3m");
  const IndexResult zero_only = index_lines(pos, UnitCell::cubic(4.1569), pm3m, {});
  EXPECT_EQ(zero_only.assigned, 20u);
  EXPECT_LT(zero_only.rms_deg, 0.006);
  EXPECT_NEAR(zero_only.cell.a(), 4.1554, 5e-4);
  const IndexResult both =
      index_lines(pos, UnitCell::cubic(4.1569), pm3m, {.refine_displacement = true});
  EXPECT_EQ(both.assigned, 20u);
  EXPECT_NEAR(both.cell.a(), kLab6CertifiedA, 3 * both.cell_err[0]);
  EXPECT_LT(both.cell_err[0], 2e-3);
  // The instrument function of this standard: FWHM 0.08–0.11° over the range.
  const InstrumentFunction inst = instrument_function(r.peaks);
  for (double tth : {30.0, 70.0, 110.0}) {
    const auto [g, l] = inst.widths.at(tth);
    const double f = tch_pseudo_voigt(g, l).first;
    EXPECT_GT(f, 0.07);
    EXPECT_LT(f, 0.12);
  }
}

// The second LaB6 scan ../shared/data/xrd/gsas2_LaB6_lab/LaB6_Jan2018.raw (Bruker RAW1.01, one
// range 10–70° 2θ in 0.0197° steps, 3040 points; the file states Cu Kα1 1.5406 Å, Kα2
// 1.54439 Å, ratio 0.5, which the fit uses). Found and fitted: 9 lines, every window converged.
// Indexed against Pm-3m: the 8 LaB6 lines of the range (100 … 221/300) within 0.002° (rms
// 0.001°); the ninth, a weak line at 27.38° (0.25 % of the 110 area), is unassigned — it sits
// where Cu Kβ (1.39222 Å) diffracts from 110 (27.40°; 27.39° with the fitted zero shift), a
// remnant of the filtered Kβ. Refined a against the certified 4.15689 Å:
//   zero shift only:            a = 4.15574(10) Å, zero −0.009(1)°: 0.028 % (11 σ) low;
//   zero shift + displacement:  a = 4.1535(5) Å, zero −0.21(5)°, D = +0.19(4)°: 0.08 % (6 σ)
//                               low.
// Over 10–70° cos θ only falls from 1.00 to 0.82, so D cos θ and the zero shift are nearly the
// same function (correlation −0.9999): the displacement cannot be separated from the zero here and
// its fit only moves a further off. This scan therefore does not reproduce the certified cell
// to its standard error; both refinements are asserted as they come out, 0.03–0.08 % low.
TEST(XtalPattern, RealLab6BrukerRawScanFittedAndIndexed) {
  const auto path = test::shared_data("xrd/gsas2_LaB6_lab/LaB6_Jan2018.raw");
  SOLYTE_REQUIRE_SHARED(path);
  const MeasuredPattern scan = read_pattern(path);
  ASSERT_EQ(scan.intensity.size(), 3040u);
  EXPECT_DOUBLE_EQ(scan.radiation.lambda1, 1.5406);
  EXPECT_DOUBLE_EQ(scan.radiation.lambda2, 1.54439);
  EXPECT_DOUBLE_EQ(scan.radiation.ratio, 0.5);
  const auto found =
      find_peaks(scan.two_theta_deg, scan.intensity, scan.sigma, {.radiation = scan.radiation});
  const PeakFitReport r = fit_peaks(scan.two_theta_deg, scan.intensity, scan.sigma, found,
                                    {.radiation = scan.radiation});
  ASSERT_EQ(r.peaks.size(), 9u);
  EXPECT_TRUE(r.usable());
  std::vector<double> pos;
  for (const auto& p : r.peaks) pos.push_back(p.two_theta_deg);
  const SpaceGroup pm3m = find_space_group("Pm-3m");
  const IndexOptions with_file_lambda{.wavelength_angstrom = scan.radiation.lambda1};
  const IndexResult zero_only = index_lines(pos, UnitCell::cubic(4.1569), pm3m, with_file_lambda);
  EXPECT_EQ(zero_only.assigned, 8u);
  EXPECT_LT(zero_only.rms_deg, 0.002);
  for (const auto& l : zero_only.lines) {
    if (l.two_theta_calc_deg) {
      EXPECT_LT(std::abs(l.residual_deg), 0.002) << l.two_theta_obs_deg;
    } else {
      EXPECT_NEAR(l.two_theta_obs_deg, 27.38, 0.01);  // the Kβ remnant of 110
      const double d110 = kLab6CertifiedA / std::sqrt(2.0);
      const double kbeta = 2 * std::asin(1.39222 / (2 * d110)) * 180 / std::numbers::pi;
      EXPECT_NEAR(l.two_theta_obs_deg - zero_only.zero_shift_deg, kbeta, 0.02);
    }
  }
  EXPECT_NEAR(zero_only.cell.a(), 4.15574, 3 * zero_only.cell_err[0]);
  EXPECT_LT(zero_only.cell_err[0], 2e-4);
  EXPECT_NEAR(zero_only.cell.a() / kLab6CertifiedA - 1, -2.8e-4, 0.5e-4);
  IndexOptions with_displacement = with_file_lambda;
  with_displacement.refine_displacement = true;
  const IndexResult both = index_lines(pos, UnitCell::cubic(4.1569), pm3m, with_displacement);
  EXPECT_EQ(both.assigned, 8u);
  EXPECT_NEAR(both.cell.a(), 4.1535, 3 * both.cell_err[0]);
  EXPECT_LT(both.cell_err[0], 1e-3);
  EXPECT_NEAR(both.zero_shift_deg, -0.21, 3 * both.zero_shift_err);
  EXPECT_NEAR(both.displacement_deg, 0.19, 3 * both.displacement_err);
  // The zero shift and the displacement are the last two free parameters of the index fit.
  const std::size_t k = both.fit.correlation.size();
  ASSERT_GE(k, 3u);
  EXPECT_LT(both.fit.correlation[k - 2][k - 1], -0.99);
}

}  // namespace
