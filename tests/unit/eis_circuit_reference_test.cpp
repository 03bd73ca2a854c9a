// Circuit fits and Lin-KK against other programs, on files of ../shared/data.
//
// impedance.py (ECSHackWeek/impedance.py @ 0b302ca9, Debian 12 python3-numpy 1.24.2 and
// python3-scipy 1.10.1). The numbers below were printed by
//   IMPEDANCE_PY=<that checkout> python3 bench/compare_impedancepy.py reference
//   ../shared/data/eis_software_fixtures/impedancepy/exampleData.csv
// which runs the tool's own tutorial (docs/source/getting-started.rst): readCSV, ignoreBelowX
// (keep Z'' < 0: 57 points), CustomCircuit('R0-p(R1,C1)-p(R2-Wo1,C2)', initial_guess=[.01,
// .01, 100, .01, .05, 100, 1]).fit (curve_fit, unit weights), then linKK(f, Z) with its
// defaults (c = 0.85, max_M = 50, fit_type 'real') and the validation tutorial's
// linKK(f[f < 1000], Z[f < 1000], c=.5, max_M=100, fit_type='complex', add_cap=True)
// (docs/source/examples/validation_example.ipynb).
//
// RelaxIS 3.0.17.9 (test.eis3 of IMbackK/librelaxisloader @ a95c187b): the 35 fits stored in
// the project, read from ../shared/data/eis_software_fixtures/librelaxisloader_test_eis3/
// test.eis3 itself through solyte's reader (io/relaxis_project.hpp, checked value by value
// against the independent CSV exports of that folder in io_relaxis_test): each fitted
// spectrum's points, the model, weighting, window, RelaxIS' values and standard errors. Each
// fit is redone with the same model, weighting and window from solyte's own data-derived
// start; the χ² of solyte's optimum must not exceed the χ² of RelaxIS' parameters under the
// same cost, and every parameter must lie within RelaxIS' stored error of RelaxIS' value.
// RelaxIS' "Proportional Weighting" divides each residual by |Z_i| (solyte's `modulus`): its
// stored errors are reproduced exactly by √(s²(JᵀJ)⁻¹) with that weighting and
// s² = χ²/(n − p), and not with σ = |Z'|, |Z''| or |Z_model|.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "solyte/eis/circuit_fit.hpp"
#include "solyte/eis/lin_kk.hpp"
#include "solyte/io/read_spectra.hpp"
#include "solyte/io/relaxis_project.hpp"
#include "solyte/transport/arrhenius.hpp"
#include "test_support.hpp"

using namespace solyte;
using namespace solyte::eis;

namespace {

Spectrum tutorial_data() {
  const auto path = test::shared_data("eis_software_fixtures/impedancepy/exampleData.csv");
  const auto all = io::read_spectra(path.string()).at(0);
  Spectrum s;
  s.meta = all.meta;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all.impedance_ohm[i].imag() < 0) {
      s.frequency_hz.push_back(all.frequency_hz[i]);
      s.impedance_ohm.push_back(all.impedance_ohm[i]);
    }
  return s;
}

constexpr double kPyChi2 = 1.9430171665193638e-05;
const std::vector<double> kPyParams = {
    0.016518726097199822, 0.0086765505330497969, 3.3214255375955286, 0.0053899627433770247,
    0.06309274351699444,  232.52043507190274,    0.21954182667619945};
const std::vector<double> kPyErrors = {
    0.00015422764349832182, 0.00019127373950427023, 0.18953668846801203, 0.00020579901061506728,
    0.0019397400011417724,  16.226956101769712,     0.017543252311416062};

}  // namespace

TEST(EisCircuitReference, ImpedancePyTutorialFitIsReachedOrBettered) {
  const auto file = test::shared_data("eis_software_fixtures/impedancepy/exampleData.csv");
  SOLYTE_REQUIRE_SHARED(file);
  const Spectrum s = tutorial_data();
  ASSERT_EQ(s.size(), 57u);
  const auto c = Circuit::parse("R0-p(R1,C1)-p(R2-Wo1,C2)");
  // The tool's own start, one Levenberg–Marquardt run: the same optimum, a little further down.
  const auto same = fit_circuit(s, c,
                                {.weighting = Weighting::unit,
                                 .start = {.01, .01, 100, .01, .05, 100, 1},
                                 .multistart = false});
  ASSERT_TRUE(same.report.usable()) << same.report.message;
  EXPECT_LE(same.report.chi2, kPyChi2);
  for (std::size_t i = 0; i < kPyParams.size(); ++i) {
    EXPECT_NEAR(same.report.parameters[i].value, kPyParams[i], kPyErrors[i])
        << c.parameters()[i].name;
    // Errors: impedance.py takes them from curve_fit's covariance, s²(JᵀJ)⁻¹ like solyte.
    EXPECT_NEAR(same.report.parameters[i].stderr / kPyErrors[i], 1.0, 0.1)
        << c.parameters()[i].name;
  }
  // No start at all: the data-derived start and the fallback find a lower optimum still.
  const auto own = fit_circuit(s, c, {.weighting = Weighting::unit});
  ASSERT_TRUE(own.report.usable()) << own.report.message;
  EXPECT_LE(own.report.chi2, kPyChi2);
}

TEST(EisCircuitReference, ImpedancePyLinKKDefaultsAreReproduced) {
  const auto file = test::shared_data("eis_software_fixtures/impedancepy/exampleData.csv");
  SOLYTE_REQUIRE_SHARED(file);
  const Spectrum s = tutorial_data();
  // linKK(f, Z): c = 0.85, max_M = 50, fit_type 'real', series L, no C.
  const auto r = lin_kk(s, {.fit = KKFit::real});
  EXPECT_EQ(r.m, 21);
  EXPECT_NEAR(r.mu, 0.83386364186357009, 1e-12);
  double max_re = 0, max_im = 0;
  for (std::size_t i = 0; i < r.frequency_hz.size(); ++i) {
    max_re = std::max(max_re, std::abs(r.residual_re_pct[i]) / 100);
    max_im = std::max(max_im, std::abs(r.residual_im_pct[i]) / 100);
  }
  EXPECT_NEAR(max_re, 0.00177667067, 1e-10);
  EXPECT_NEAR(max_im, 0.228021464, 1e-8);
  const std::size_t idx[] = {0, 20, 40, 56};
  const double re[] = {0.000301828743, 0.000559393911, -0.000559526755, -2.11708272e-05};
  const double im[] = {-0.228021464, -0.00254280476, -0.00315706627, -3.75746054e-05};
  for (int k = 0; k < 4; ++k) {
    EXPECT_NEAR(r.residual_re_pct[idx[k]] / 100, re[k], 1e-11);
    EXPECT_NEAR(r.residual_im_pct[idx[k]] / 100, im[k], 1e-9);
  }
}

TEST(EisCircuitReference, ImpedancePyLinKKTutorialIsReproduced) {
  const auto file = test::shared_data("eis_software_fixtures/impedancepy/exampleData.csv");
  SOLYTE_REQUIRE_SHARED(file);
  const Spectrum s = tutorial_data();
  // linKK(f[f < 1000], …, c=.5, max_M=100, fit_type='complex', add_cap=True). impedance.py
  // solves the normal equations (AᵀA)⁻¹Aᵀb, solyte a complete orthogonal decomposition of A;
  // at M = 26 AᵀA has a condition number near 1e13, so μ agrees to 1e-5 and the residuals to
  // 1e-8 of |Z|, not to rounding.
  const auto r = lin_kk(
      s, {.c = 0.5, .max_m = 100, .fit = KKFit::complex, .capacitance = true, .f_max_hz = 999.0});
  EXPECT_EQ(r.m, 26);
  EXPECT_NEAR(r.mu, 0.30634285572451747, 1e-4);
  EXPECT_TRUE(r.mu_reached);
  const std::size_t idx[] = {0, 20, 40};
  const double re[] = {0.00165837051, 0.000615540631, -1.4754173e-05};
  const double im[] = {0.00122152558, 0.00087703321, -0.00195947745};
  for (int k = 0; k < 3; ++k) {
    EXPECT_NEAR(r.residual_re_pct[idx[k]] / 100, re[k], 1e-7);
    EXPECT_NEAR(r.residual_im_pct[idx[k]] / 100, im[k], 1e-7);
  }
  EXPECT_NEAR(r.residual_re_pct.back() / 100, -0.000663803599, 1e-7);
  EXPECT_NEAR(r.max_abs_residual_pct / 100, 0.00354557071, 1e-7);
  EXPECT_EQ(r.verdict, "valid");
}

TEST(EisCircuitReference, EveryRelaxisFitIsMatchedOrBettered) {
  const auto path = test::shared_data("eis_software_fixtures/librelaxisloader_test_eis3/test.eis3");
  SOLYTE_REQUIRE_SHARED(path);
  // Everything from the project itself, through solyte's reader: each fitted spectrum's own
  // points, RelaxIS' model, weighting, window, values and standard errors.
  const auto project = io::read_relaxis_project(path.string());
  std::vector<const io::RelaxisSpectrum*> fitted;
  for (const auto& e : project.spectra)
    if (e.fit) fitted.push_back(&e);
  ASSERT_EQ(fitted.size(), 35u);

  int bettered = 0;
  double worst_error_ratio = 0;
  for (const io::RelaxisSpectrum* e : fitted) {
    const io::RelaxisFit& fit = *e->fit;
    const Spectrum& s = e->spectrum;
    ASSERT_EQ(fit.transfer_function, "Impedance") << e->name;
    const auto c = Circuit::parse(fit.model);
    ASSERT_EQ(c.parameter_count(), fit.parameters.size()) << fit.model;
    std::vector<double> relaxis, error;
    for (std::size_t i = 0; i < fit.parameters.size(); ++i) {
      const auto& p = fit.parameters[i];
      ASSERT_EQ(p.index, static_cast<int>(i)) << e->name;  // RelaxIS' order is the circuit's
      ASSERT_TRUE(p.error) << e->name << " " << p.name;
      ASSERT_FALSE(p.fixed) << e->name << " " << p.name;
      relaxis.push_back(p.value);
      error.push_back(*p.error);
    }
    CircuitFitOptions o;
    ASSERT_TRUE(fit.weighting == "No Weighting" || fit.weighting == "Proportional Weighting")
        << e->name << ": " << fit.weighting;
    o.weighting = fit.weighting == "No Weighting" ? Weighting::unit : Weighting::modulus;
    ASSERT_TRUE(fit.f_low_hz && fit.f_high_hz) << e->name;
    o.f_min_hz = *fit.f_low_hz;
    o.f_max_hz = *fit.f_high_hz;
    const std::string what =
        "fit " + std::to_string(e->file_id) + " " + e->name + " " + fit.model + " " +
        (s.meta.temperature_k ? std::to_string(*s.meta.temperature_k) : "") + " K";
    const auto r = fit_circuit(s, c, o);
    ASSERT_TRUE(r.report.usable()) << what << ": " << r.report.message;

    double chi2_relaxis = 0;
    {
      // χ² at RelaxIS' values exactly: Σ ((Z_model − Z)/σ)² over the same points.
      const auto z = c.impedance(relaxis, r.frequency_hz);
      for (std::size_t i = 0; i < r.n_points; ++i) {
        const auto d = z[i] - r.impedance_ohm[i];
        const double sigma = o.weighting == Weighting::unit ? 1.0 : std::abs(r.impedance_ohm[i]);
        chi2_relaxis += std::norm(d) / (sigma * sigma);
      }
    }
    EXPECT_LE(r.report.chi2, chi2_relaxis * (1 + 1e-9)) << what;
    if (r.report.chi2 < chi2_relaxis * (1 - 1e-6)) ++bettered;
    // (In (R)(P)-(R)(P)-P the two blocks are interchangeable; solyte numbers them from high to
    // low frequency, as the RelaxIS user did here.)
    for (std::size_t i = 0; i < relaxis.size(); ++i) {
      EXPECT_LE(std::abs(r.report.parameters[i].value - relaxis[i]), error[i])
          << what << " " << c.parameters()[i].name << " (RelaxIS " << fit.parameters[i].name << ")";
      // The same error estimate at a nearby optimum.
      worst_error_ratio =
          std::max(worst_error_ratio, std::abs(std::log(r.report.parameters[i].stderr / error[i])));
    }
  }
  // Some of RelaxIS' fits stopped short of their optimum (χ² lower by more than 1e-6).
  EXPECT_GT(bettered, 0);
  std::printf("RelaxIS: %d of 35 bettered; standard errors within a factor %.4f of RelaxIS'\n",
              bettered, std::exp(worst_error_ratio));
  EXPECT_LT(worst_error_ratio, std::log(1.2));
}

TEST(EisCircuitReference, EisFitpythonSeriesIsReproduced) {
  // EISFitpython (github.com/Sheyigold/EISFitpython @ b3f12f1273e6, Example 3; numbers as
  // quoted in examples/s04147/README.md and examples/run-demo.sh) fitted (R1|Q1)+(R2|Q2)+Q3
  // to the s04147 spectra at 140–200 °C (8 mm × 2.1 mm pellet): total conductivity
  // σ = (L/A)/(R1 + R2) to 4 digits, and Ea(total) = 0.8555 ± 0.0006 eV from one line.
  // solyte fits the series in temperature order, each spectrum also from its neighbour.
  const std::vector<std::pair<int, double>> reference = {
      {140, 1.936e-07}, {150, 3.338e-07}, {160, 5.594e-07}, {170, 9.201e-07},
      {180, 1.477e-06}, {190, 2.320e-06}, {200, 3.556e-06}};
  std::vector<Spectrum> spectra;
  io::ReadOptions read{.temperature_from_name = true,
                       .geometry = PelletGeometry::from_diameter(8e-3, 2.1e-3)};
  for (auto it = reference.rbegin(); it != reference.rend(); ++it)  // given out of order
    spectra.push_back(io::read_spectra(std::string(SOLYTE_EXAMPLES_DIR) + "/s04147/s04147-" +
                                           std::to_string(it->first) + "deg.txt",
                                       read)
                          .at(0));
  const auto c = Circuit::parse("p(R1,CPE1)-p(R2,CPE2)-CPE3");
  const auto batch = fit_circuit_batch(spectra, c, {.threads = 2, .series = true});
  std::vector<transport::ConductivityPoint> points;
  for (std::size_t k = 0; k < spectra.size(); ++k) {
    const auto& r = batch.fits[k];
    ASSERT_TRUE(r.report.usable()) << spectra[k].label() << ": " << r.report.message;
    const double k_cell = spectra[k].meta.geometry->cell_constant_per_m();
    const double sigma_s_per_cm =
        0.01 * k_cell / (r.report.at("R1").value + r.report.at("R2").value);
    const double expected = reference[reference.size() - 1 - k].second;
    EXPECT_NEAR(sigma_s_per_cm / expected, 1.0, 1e-3) << spectra[k].label();
    // Numbered from high to low frequency: R1 is the bulk arc in every spectrum.
    EXPECT_LT(r.report.at("R1").value, r.report.at("R2").value) << spectra[k].label();
    points.push_back(
        {.temperature_k = *spectra[k].meta.temperature_k, .sigma_s_per_m = 100 * sigma_s_per_cm});
  }
  const auto arr = transport::fit_arrhenius(points, {.max_segments = 1});
  ASSERT_EQ(arr.regimes.size(), 1u);
  EXPECT_NEAR(arr.regimes[0].ea_ev, 0.8555, 0.0015);
}
