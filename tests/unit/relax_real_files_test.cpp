// Relaxation analyses on real files.
//  * s04147 at 170 °C (examples/, 8 mm × 2.1 mm): the conduction term of a permittivity fit
//    above the electrode polarisation is the DC conductivity, so it must agree with the σ'
//    plateau of the same file (an independent reading of the same data) within 5 %.
//  * RelaxIS series at −100 °C (../shared/data, 10 mm × 2 mm): the bulk M'' peak lies inside
//    the window; the KWW fit converges with a stretched exponent (0.4 < β < 0.8), its peak
//    sits inside the data, and the bulk conductivity ε0/(M∞⟨τ⟩) is not below the total
//    (plateau) conductivity, which includes the grain boundaries.
#include <gtest/gtest.h>

#include "solyte/eis/dc_conductivity.hpp"
#include "solyte/io/read_spectra.hpp"
#include "solyte/relax/modulus_fit.hpp"
#include "solyte/relax/permittivity_fit.hpp"
#include "test_support.hpp"

using namespace solyte;

TEST(RelaxRealFiles, S04147PermittivityConductionMatchesPlateau) {
  const auto path = std::filesystem::path(SOLYTE_EXAMPLES_DIR) / "s04147" / "s04147-170deg.txt";
  const auto s = io::read_spectra(path.string()).at(0);
  const auto g = PelletGeometry::from_diameter(8e-3, 2.1e-3);
  const auto r = relax::fit_permittivity(s, g, {.f_min_hz = 100.0});
  ASSERT_TRUE(r.report.usable()) << r.message;
  const auto p = eis::dc_conductivity(s, g);
  ASSERT_TRUE(r.sigma_dc_s_per_m);
  ASSERT_TRUE(p.sigma_s_per_m);
  EXPECT_NEAR(*r.sigma_dc_s_per_m / *p.sigma_s_per_m, 1.0, 0.05);
}

TEST(RelaxRealFiles, RelaxisLowTemperatureKwwModulus) {
  const auto path = test::shared_data(
      "eis_software_fixtures/librelaxisloader_test_eis3/csv/spectrum_29_-100C.csv");
  SOLYTE_REQUIRE_SHARED(path);
  const auto s = io::read_spectra(path.string()).at(0);
  const auto g = PelletGeometry::from_diameter(10e-3, 2e-3);
  const auto r = relax::fit_modulus(s, g);
  ASSERT_TRUE(r.report.usable()) << r.message;
  EXPECT_GT(r.shape.beta, 0.4);
  EXPECT_LT(r.shape.beta, 0.8);
  EXPECT_FALSE(r.peak_outside_window) << r.message;
  const auto p = eis::dc_conductivity(s, g);
  ASSERT_TRUE(r.sigma_dc_s_per_m);
  ASSERT_TRUE(p.sigma_s_per_m);
  EXPECT_GE(*r.sigma_dc_s_per_m, *p.sigma_s_per_m);
}
