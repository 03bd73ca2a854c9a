// Round trips of the whole chain: spectra simulated by sim/ with known σ(T) → σ_DC from the
// plateau → Arrhenius regimes. References are the simulation parameters themselves:
// the milled NaCB11H12 shape of METHODS.md §3 (4 mS/cm at 25 °C, 671 meV below and 205 meV
// above 25 °C) and a pristine-like series with a 2-decade jump at 83 °C.
#include <gtest/gtest.h>

#include <cmath>

#include "solyte/eis/dc_conductivity.hpp"
#include "solyte/sim/pellet_impedance.hpp"
#include "solyte/transport/arrhenius.hpp"

using namespace solyte;

namespace {

sim::PelletCell paper_cell() {
  sim::PelletCell cell;   // 10 mm × 0.5 mm, carbon-coated faces: a large blocking CPE
  cell.geometry = PelletGeometry::from_diameter(10e-3, 0.5e-3);
  cell.bulk_alpha = 0.9;
  cell.electrode_q = 5e-5;
  cell.electrode_alpha = 0.9;
  return cell;
}

std::vector<double> every_10C(double from_c, double to_c) {
  std::vector<double> t;
  for (double c = from_c; c <= to_c + 1e-9; c += 10) t.push_back(c + 273.15);
  return t;
}

std::vector<transport::ConductivityPoint> chain(const std::vector<Spectrum>& spectra,
                                                const sim::ConductivityLaw& law,
                                                const PelletGeometry& g, double sigma_tol) {
  std::vector<transport::ConductivityPoint> pts;
  for (const auto& s : spectra) {
    const auto r = eis::dc_conductivity(s, g);
    EXPECT_TRUE(r.sigma_s_per_m) << s.meta.temperature_k.value_or(0) << " K: " << r.message;
    if (!r.sigma_s_per_m) continue;
    const double truth = law.sigma_s_per_m(*s.meta.temperature_k);
    EXPECT_NEAR(*r.sigma_s_per_m / truth, 1.0, sigma_tol) << *s.meta.temperature_k << " K";
    pts.push_back({.temperature_k = *s.meta.temperature_k, .sigma_s_per_m = *r.sigma_s_per_m});
  }
  return pts;
}

const sim::ConductivityLaw kMilled{.sigma_ref_s_per_m = 0.4,
                                   .t_ref_k = 298.15,
                                   .ea_ev = {0.671, 0.205},
                                   .crossover_k = {298.15}};

}  // namespace

// Noise-free: σ within 1 % at every temperature, Ea within 1 meV, σ(25 °C) within 1 %.
TEST(ChainSynthetic, MilledNcbNoiseFree) {
  const auto cell = paper_cell();
  const auto spectra = sim::simulate_temperature_series(
      cell, kMilled, every_10C(-100, 180), sim::log_frequencies(1e-2, 7e7, 10));
  const auto pts = chain(spectra, kMilled, cell.geometry, 0.01);
  ASSERT_EQ(pts.size(), 29u);
  const auto r = transport::fit_arrhenius(pts);
  ASSERT_EQ(r.regimes.size(), 2u);
  EXPECT_NEAR(r.regimes[0].ea_ev, 0.671, 0.001);
  EXPECT_NEAR(r.regimes[1].ea_ev, 0.205, 0.001);
  ASSERT_EQ(r.transitions.size(), 1u);
  EXPECT_EQ(r.transitions[0].kind, transport::TransitionKind::crossover);
  EXPECT_NEAR(r.transitions[0].temperature_k, 298.15, 2.0);
  ASSERT_TRUE(r.sigma_ref_s_per_m);
  EXPECT_NEAR(*r.sigma_ref_s_per_m / 0.4, 1.0, 0.01);
}

// 1 % noise on the spectra: Ea within 3 reported standard errors (and 10 meV) for each seed.
TEST(ChainSynthetic, MilledNcbNoisy) {
  const auto cell = paper_cell();
  int within = 0;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const auto spectra = sim::simulate_temperature_series(
        cell, kMilled, every_10C(-100, 180), sim::log_frequencies(1e-2, 7e7, 10),
        {.relative = 0.01, .seed = seed * 1000});
    const auto pts = chain(spectra, kMilled, cell.geometry, 0.03);
    const auto r = transport::fit_arrhenius(pts);
    ASSERT_EQ(r.regimes.size(), 2u) << "seed " << seed;
    const double e0 = std::abs(r.regimes[0].ea_ev - 0.671);
    const double e1 = std::abs(r.regimes[1].ea_ev - 0.205);
    EXPECT_LT(e0, 0.010);
    EXPECT_LT(e1, 0.010);
    within += e0 <= 3 * r.regimes[0].ea_err_ev && e1 <= 3 * r.regimes[1].ea_err_ev;
  }
  EXPECT_GE(within, 4) << "Ea outside 3 standard errors for more than one of five seeds";
}

// A pristine-like series: 629 meV, a 2-decade jump at 83 °C, then 300 meV. The jump is found
// between 80 and 90 °C with its size.
TEST(ChainSynthetic, JumpIsFoundAsATransition) {
  sim::ConductivityLaw pristine{.sigma_ref_s_per_m = 1e-5,
                                .t_ref_k = 298.15,
                                .ea_ev = {0.629, 0.300},
                                .crossover_k = {356.15},
                                .jumps = {{356.15, 2.0}}};
  const auto cell = paper_cell();
  const auto spectra = sim::simulate_temperature_series(
      cell, pristine, every_10C(-20, 170), sim::log_frequencies(1e-2, 7e7, 10));
  const auto pts = chain(spectra, pristine, cell.geometry, 0.01);
  const auto r = transport::fit_arrhenius(pts);
  ASSERT_EQ(r.regimes.size(), 2u);
  EXPECT_NEAR(r.regimes[0].ea_ev, 0.629, 0.001);
  ASSERT_EQ(r.transitions.size(), 1u);
  EXPECT_EQ(r.transitions[0].kind, transport::TransitionKind::jump);
  EXPECT_GT(r.transitions[0].temperature_k, 353.15);
  EXPECT_LT(r.transitions[0].temperature_k, 363.15);
  EXPECT_NEAR(r.transitions[0].jump_decades, 2.0, 0.05);
}
