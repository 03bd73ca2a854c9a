// The whole chain on real temperature series: files → σ_DC(T) → Arrhenius.
// Independent references:
//  * s04147 (8 mm × 2.1 mm, 140–200 °C): EISFitpython @ b3f12f1273e6,
//    Example_scripts/Example3/Arrhenius_Analysis_Report.txt, "Total Analysis": equivalent-
//    circuit fits (R1|Q1)+(R2|Q2)+Q3, Ea(total) = 0.8555 ± 0.0006 eV.
//  * RelaxIS series (test.eis3 of librelaxisloader @ a95c187b, 10 mm × 2 mm; exported to CSV
//    in ../shared/data): the project's own RelaxIS fits, model R-(R)(P)-P for +60 … −30 °C,
//    stored in the file (fit_parameters.csv). Total σ = K/(R1 + R2) with K = L/A,
//    A = 7.853981e-5 m², L = 2 mm. Their Arrhenius slope over +60 … −30 °C is 0.3759 eV
//    (ln(σT) vs 1/T, unweighted, computed from those eleven fitted resistances).
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "solyte/eis/dc_conductivity.hpp"
#include "solyte/io/read_spectra.hpp"
#include "solyte/transport/arrhenius.hpp"
#include "test_support.hpp"

using namespace solyte;

namespace {

std::vector<transport::ConductivityPoint> conductivities(const std::vector<std::string>& files,
                                                         const PelletGeometry& g) {
  io::ReadOptions opt;
  opt.temperature_from_name = true;
  std::vector<transport::ConductivityPoint> pts;
  for (const auto& f : files) {
    for (const auto& s : io::read_spectra(f, opt)) {
      const auto r = eis::dc_conductivity(s, g);
      EXPECT_TRUE(r.sigma_s_per_m) << f << ": " << r.message;
      EXPECT_TRUE(s.meta.temperature_k) << f;
      if (r.sigma_s_per_m && s.meta.temperature_k)
        pts.push_back({.temperature_k = *s.meta.temperature_k, .sigma_s_per_m = *r.sigma_s_per_m});
    }
  }
  return pts;
}

}  // namespace

TEST(ChainRealSeries, S04147ActivationEnergyMatchesIndependentAnalysis) {
  const auto dir = std::filesystem::path(SOLYTE_EXAMPLES_DIR) / "s04147";
  ASSERT_TRUE(std::filesystem::exists(dir)) << dir;
  std::vector<std::string> files;
  for (int t : {140, 150, 160, 170, 180, 190, 200})
    files.push_back((dir / ("s04147-" + std::to_string(t) + "deg.txt")).string());
  const auto pts = conductivities(files, PelletGeometry::from_diameter(8e-3, 2.1e-3));
  ASSERT_EQ(pts.size(), 7u);
  const auto r = transport::fit_arrhenius(pts, {.max_segments = 1});
  ASSERT_EQ(r.regimes.size(), 1u);
  EXPECT_NEAR(r.regimes[0].ea_ev, 0.8555, 0.010);
  EXPECT_LT(r.regimes[0].ea_err_ev, 0.01);
}

TEST(ChainRealSeries, RelaxisSeriesRunsAndShowsItsChangeOfSlope) {
  const auto dir = test::shared_data("eis_software_fixtures/librelaxisloader_test_eis3/csv");
  SOLYTE_REQUIRE_SHARED(dir);
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const auto name = e.path().filename().string();
    if (name.rfind("spectrum_", 0) == 0 && name.size() > 5 &&
        name.substr(name.size() - 5) == "C.csv")
      files.push_back(e.path().string());
  }
  ASSERT_EQ(files.size(), 23u);
  const auto g = PelletGeometry::from_diameter(10e-3, 2e-3);
  const auto pts = conductivities(files, g);
  ASSERT_EQ(pts.size(), 23u);

  // Per temperature: within 15 % of RelaxIS's fitted total (model R-(R)(P)-P), +60 … −30 °C.
  const double k = 0.002 / 7.853981e-05;
  const std::map<int, double> fitted_r_total = {
      {60, 19.69 + 37.49},  {50, 21.67 + 64.66}, {40, 22.92 + 110.3}, {30, 25.12 + 184.7},
      {20, 28.71 + 308},    {10, 34.47 + 518.9}, {-10, 60.9 + 1559},  {-20, 83.81 + 2803},
      {-30, 139.8 + 5164}};
  std::vector<transport::ConductivityPoint> upper;
  for (const auto& p : pts) {
    const int t_c = static_cast<int>(std::lround(p.temperature_k - 273.15));
    if (auto it = fitted_r_total.find(t_c); it != fitted_r_total.end()) {
      EXPECT_NEAR(p.sigma_s_per_m / (k / it->second), 1.0, 0.15) << t_c << " °C";
    }
    if (t_c >= -30) upper.push_back(p);
  }
  const auto one = transport::fit_arrhenius(upper, {.max_segments = 1});
  EXPECT_NEAR(one.regimes[0].ea_ev, 0.3759, 0.010);

  // The whole series bends: more than one regime, and the activation energy rises with T.
  const auto all = transport::fit_arrhenius(pts);
  ASSERT_GE(all.regimes.size(), 2u);
  EXPECT_GT(all.regimes.back().ea_ev - all.regimes.front().ea_ev, 0.03);
  ASSERT_TRUE(all.sigma_ref_s_per_m);
  EXPECT_FALSE(all.sigma_ref_extrapolated);
}
