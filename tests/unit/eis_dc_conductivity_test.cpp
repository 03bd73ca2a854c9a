// σ_DC from the σ' plateau (METHODS.md §2).
// References: synthetic spectra from sim/ with known bulk conductivity (σ_DC = K/R_b, the
// acceptance of METHODS §2: within 1 %); closed forms for shapes without a plateau; and the
// s04147 series, whose total conductivity an independent equivalent-circuit analysis
// published with the data (EISFitpython @ b3f12f1273e6,
// Example_scripts/Example3/Arrhenius_Analysis_Report.txt, "Total Analysis", circuit
// (R1|Q1)+(R2|Q2)+Q3, D = 0.8 cm, l = 0.21 cm) gives as 1.936e-07 S/cm at 140 °C …
// 3.556e-06 S/cm at 200 °C.
#include "solyte/eis/dc_conductivity.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "solyte/io/read_spectra.hpp"
#include "solyte/sim/pellet_impedance.hpp"
#include "test_support.hpp"

using namespace solyte;

namespace {

sim::PelletCell blocking_cell(double bulk_alpha) {
  sim::PelletCell cell;
  cell.geometry = PelletGeometry::from_diameter(10e-3, 0.5e-3);
  cell.bulk_permittivity = 20;
  cell.bulk_alpha = bulk_alpha;
  cell.electrode_q = 2e-6;
  cell.electrode_alpha = 0.9;
  return cell;
}

}  // namespace

// R_b ‖ CPE in series with a blocking CPE, σ from 1e-9 to 1e-2 S/cm, the paper's frequency
// window (10 mHz – 70 MHz): the plateau value is K/R_b within 1 %.
TEST(EisDcConductivity, SyntheticBulkWithBlockingElectrode) {
  const auto freqs = sim::log_frequencies(1e-2, 7e7, 10);
  for (double alpha : {1.0, 0.9, 0.8}) {
    const auto cell = blocking_cell(alpha);
    for (double sigma_s_per_cm : {1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 4e-3, 1e-2}) {
      const double sigma = sigma_s_per_cm * 100;   // S/m
      const auto s = sim::simulate_pellet(cell, sigma, freqs);
      const auto r = eis::dc_conductivity(s, cell.geometry);
      ASSERT_TRUE(r.sigma_s_per_m.has_value()) << "alpha " << alpha << " sigma " << sigma;
      EXPECT_NEAR(*r.sigma_s_per_m / sigma, 1.0, 0.01)
          << "alpha " << alpha << " sigma " << sigma_s_per_cm << " S/cm: " << r.message;
      EXPECT_EQ(r.quality, eis::PlateauQuality::good) << r.message;
    }
  }
}

// Bulk + grain boundary + electrode: the plateau is the total conductivity K/(R_b + R_gb)
// when the grain-boundary relaxation lies inside the window.
TEST(EisDcConductivity, SyntheticTotalWithGrainBoundary) {
  auto cell = blocking_cell(0.9);
  cell.gb_resistance_ratio = 3.0;
  cell.gb_capacitance_f = 2e-9;
  cell.electrode_q = 1e-6;
  const auto freqs = sim::log_frequencies(1e-2, 1e7, 12);
  const double sigma = 1e-6 * 100;  // bulk 1e-6 S/cm
  const auto s = sim::simulate_pellet(cell, sigma, freqs);
  eis::PlateauOptions lowest;
  lowest.prefer_lowest = true;
  const auto r = eis::dc_conductivity(s, cell.geometry, lowest);
  ASSERT_TRUE(r.sigma_s_per_m);
  EXPECT_NEAR(*r.sigma_s_per_m / (sigma / 4.0), 1.0, 0.01) << r.message;
  // Arc cross-check: the valley before the electrode spike sits at R_b + R_gb.
  ASSERT_TRUE(r.arc_sigma_s_per_m);
  EXPECT_NEAR(*r.arc_sigma_s_per_m / (sigma / 4.0), 1.0, 0.05);
}

// Noise of 1 % of |Z| on Re and Im: the estimate stays within 2 % for ten seeds.
TEST(EisDcConductivity, SyntheticNoisy) {
  const auto cell = blocking_cell(0.85);
  const auto freqs = sim::log_frequencies(1e-2, 7e7, 10);
  const double sigma = 1e-5 * 100;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const auto s = sim::simulate_pellet(cell, sigma, freqs, {.relative = 0.01, .seed = seed});
    const auto r = eis::dc_conductivity(s, cell.geometry);
    ASSERT_TRUE(r.sigma_s_per_m) << "seed " << seed;
    EXPECT_NEAR(*r.sigma_s_per_m / sigma, 1.0, 0.02) << "seed " << seed;
  }
}

// A pure CPE has σ' ∝ ω^α everywhere (slope α = 0.5 > tolerance): no plateau, no value.
TEST(EisDcConductivity, NoPlateauIsSaidNotInvented) {
  Spectrum s;
  s.meta.source_file = "cpe";
  const double q = 1e-6, alpha = 0.5;
  for (double f : sim::log_frequencies(1e-2, 1e6, 10)) {
    const std::complex<double> iw(0.0, 2 * constants::pi * f);
    s.frequency_hz.push_back(f);
    s.impedance_ohm.push_back(1.0 / (q * std::pow(iw, alpha)));
  }
  const auto r = eis::dc_conductivity(s, PelletGeometry::from_diameter(10e-3, 1e-3));
  EXPECT_FALSE(r.sigma_s_per_m.has_value());
  EXPECT_EQ(r.quality, eis::PlateauQuality::none);
  EXPECT_NE(r.message.find("no plateau"), std::string::npos) << r.message;
}

// Local slopes of an exact power law are its exponent.
TEST(EisDcConductivity, LogSlopesOfPowerLaw) {
  std::vector<double> f, sig;
  for (int i = 0; i < 20; ++i) {
    f.push_back(std::pow(10.0, i * 0.25));
    sig.push_back(3e-4 * std::pow(f.back(), 0.7));
  }
  for (double s : eis::log_slopes(f, sig, 2)) EXPECT_NEAR(s, 0.7, 1e-12);
}

TEST(EisDcConductivity, RejectsBadInput) {
  Spectrum s;
  s.meta.source_file = "bad";
  EXPECT_THROW(eis::dc_conductivity(s, PelletGeometry::from_diameter(1e-2, 1e-3)),
               InvalidArgument);
  s.frequency_hz = {1, 2, 3};
  s.impedance_ohm = {{1, -1}, {1, -1}, {1, -1}};
  EXPECT_THROW(eis::dc_conductivity(s, PelletGeometry{}), InvalidArgument);
  eis::PlateauOptions bad;
  bad.slope_tolerance = 0;
  EXPECT_THROW(eis::dc_conductivity(s, PelletGeometry::from_diameter(1e-2, 1e-3), bad),
               InvalidArgument);
}

// Real data: the s04147 pellet (8 mm × 2.1 mm), 140–200 °C. The plateau gives the total
// conductivity; it must agree with the independent circuit analysis within 10 % (the two
// methods read the same arc differently: a fitted resistance vs the flattest σ').
TEST(EisDcConductivity, RealS04147AgreesWithIndependentCircuitFit) {
  // The series ships in examples/ (MIT), so this test never needs the shared corpus.
  const auto dir = std::filesystem::path(SOLYTE_EXAMPLES_DIR) / "s04147";
  const std::vector<std::pair<int, double>> reference = {
      {140, 1.936e-07}, {150, 3.338e-07}, {160, 5.594e-07}, {170, 9.201e-07},
      {180, 1.477e-06}, {190, 2.320e-06}, {200, 3.556e-06}};
  const auto g = PelletGeometry::from_diameter(8e-3, 2.1e-3);
  for (const auto& [t_c, sigma_ref_s_per_cm] : reference) {
    const auto path = dir / ("s04147-" + std::to_string(t_c) + "deg.txt");
    const auto spectra = io::read_spectra(path.string());
    ASSERT_EQ(spectra.size(), 1u);
    const auto r = eis::dc_conductivity(spectra[0], g);
    ASSERT_TRUE(r.sigma_s_per_m) << path << ": " << r.message;
    EXPECT_NEAR(*r.sigma_s_per_m * 0.01 / sigma_ref_s_per_cm, 1.0, 0.10)
        << t_c << " °C: " << r.message;
  }
}
