// Pellet impedance forward model and conductivity law (METHODS.md §1, §3, §8).
//
// Reference values are closed forms: R ‖ C → R at ω → 0; the Debye modulus peak of R ‖ C at
// ωRC = 1 with M''max = C0/(2C) (METHODS.md §1); R ‖ CPE with Q = C^α R^(α−1) at ω = 1/(RC)
// equals R/(1 + i^α); Arrhenius slopes −Ea/k_B; the anchor σ(t_ref) = σ_ref.
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <vector>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "solyte/sim/pellet_impedance.hpp"

using namespace solyte;
using namespace solyte::sim;

namespace {
constexpr double kB = constants::boltzmann_ev_per_k;
using cplx = std::complex<double>;

PelletCell bulk_only() {
  return {.geometry = PelletGeometry::from_diameter(10e-3, 0.5e-3), .bulk_permittivity = 20.0};
}
}  // namespace

TEST(SimPellet, LawAnchorIsExact) {
  ConductivityLaw milled{.sigma_ref_s_per_m = 0.4,
                         .t_ref_k = 298.15,
                         .ea_ev = {0.671, 0.205},
                         .crossover_k = {298.15}};
  EXPECT_EQ(milled.sigma_s_per_m(298.15), 0.4);
  // Anchor in the upper regime, with a jump below it and the σ form.
  ConductivityLaw other{.form = transport::ArrheniusForm::sigma,
                        .sigma_ref_s_per_m = 3.7e-3,
                        .t_ref_k = 420,
                        .ea_ev = {0.6, 0.3, 0.2},
                        .crossover_k = {300, 380},
                        .jumps = {{.temperature_k = 350, .decades = 1.7}}};
  EXPECT_EQ(other.sigma_s_per_m(420), 3.7e-3);
}

// In each regime d ln(σT)/d(1/T) = −Ea/k_B (σT form) or d ln σ/d(1/T) = −Ea/k_B (σ form).
TEST(SimPellet, LawSlopesAndContinuity) {
  ConductivityLaw law{.sigma_ref_s_per_m = 0.1,
                      .t_ref_k = 298.15,
                      .ea_ev = {0.6, 0.3, 0.2},
                      .crossover_k = {260, 340}};
  auto slope = [&](double t1, double t2) {
    return (std::log(law.sigma_s_per_m(t2) * t2) - std::log(law.sigma_s_per_m(t1) * t1)) /
           (1 / t2 - 1 / t1);
  };
  EXPECT_NEAR(slope(200, 250), -0.6 / kB, 1e-6 * 0.6 / kB);
  EXPECT_NEAR(slope(270, 330), -0.3 / kB, 1e-6 * 0.3 / kB);
  EXPECT_NEAR(slope(350, 450), -0.2 / kB, 1e-6 * 0.2 / kB);
  for (double c : {260.0, 340.0}) {
    const double below = law.sigma_s_per_m(c * (1 - 1e-12));
    const double above = law.sigma_s_per_m(c * (1 + 1e-12));
    EXPECT_NEAR(above / below, 1.0, 1e-9) << c;
  }
  law.form = transport::ArrheniusForm::sigma;
  const double s = (std::log(law.sigma_s_per_m(450)) - std::log(law.sigma_s_per_m(350))) /
                   (1.0 / 450 - 1.0 / 350);
  EXPECT_NEAR(s, -0.2 / kB, 1e-6 * 0.2 / kB);
}

TEST(SimPellet, LawJumpFactor) {
  ConductivityLaw law{.sigma_ref_s_per_m = 1e-5,
                      .t_ref_k = 298.15,
                      .ea_ev = {0.629},
                      .jumps = {{.temperature_k = 356.15, .decades = 2.0}}};
  const double r = law.sigma_s_per_m(356.15 * (1 + 1e-12)) / law.sigma_s_per_m(356.15);
  EXPECT_NEAR(r, 100.0, 1e-6);
  EXPECT_EQ(law.sigma_s_per_m(298.15), 1e-5);
}

TEST(SimPellet, LawRejectsInconsistentInput) {
  ConductivityLaw sizes{.ea_ev = {0.6, 0.3}};
  EXPECT_THROW(sizes.sigma_s_per_m(300), InvalidArgument);
  ConductivityLaw order{.ea_ev = {0.6, 0.3, 0.2}, .crossover_k = {340, 260}};
  EXPECT_THROW(order.sigma_s_per_m(300), InvalidArgument);
  ConductivityLaw ok{};
  EXPECT_THROW(ok.sigma_s_per_m(0), InvalidArgument);
  ConductivityLaw neg{.sigma_ref_s_per_m = -1};
  EXPECT_THROW(neg.sigma_s_per_m(300), InvalidArgument);
}

// ω → 0 without electrode: every capacitor is open, Z → R_s + R_b + R_gb.
TEST(SimPellet, LowFrequencyLimitIsTotalResistance) {
  PelletCell cell = bulk_only();
  cell.gb_resistance_ratio = 2.5;
  cell.series_resistance_ohm = 3.0;
  const double sigma = 1e-3;
  const double r_b = cell.geometry.cell_constant_per_m() / sigma;
  const cplx z = pellet_impedance(cell, sigma, 1e-9);
  EXPECT_NEAR(z.real(), 3.0 + r_b * 3.5, 1e-6 * r_b);
  EXPECT_NEAR(z.imag(), 0.0, 1e-6 * r_b);
  EXPECT_LT(z.imag(), 0.0);  // capacitive
}

// Debye check (METHODS.md §1): M'' = ωC0·Z' of R ‖ C peaks at ωRC = 1 with height C0/(2C).
TEST(SimPellet, ModulusPeakOfRC) {
  const PelletCell cell = bulk_only();
  const double sigma = 2e-4;
  const double r = cell.geometry.cell_constant_per_m() / sigma;
  const double c0 = cell.geometry.vacuum_capacitance_f();
  const double c = cell.bulk_permittivity * c0;
  auto m2 = [&](double w) { return w * c0 * pellet_impedance(cell, sigma, w).real(); };
  const double w0 = 1 / (r * c);
  EXPECT_NEAR(m2(w0), c0 / (2 * c), 1e-12);
  // The peak sits at w0: scan 4 decades on a fine log grid.
  double best_w = 0, best = 0;
  for (int i = -2000; i <= 2000; ++i) {
    const double w = w0 * std::pow(10.0, i / 1000.0);
    if (m2(w) > best) best = m2(w), best_w = w;
  }
  EXPECT_NEAR(std::log10(best_w / w0), 0.0, 1.5e-3);
  EXPECT_NEAR(best, c0 / (2 * c), 1e-9);
}

// CPE: α = 1 is an ideal capacitor; for α < 1 the relaxation frequency stays 1/(R_b C_b),
// where R ‖ CPE = R/(1 + i^α); the blocking electrode adds 1/(Q (iω)^α).
TEST(SimPellet, ConstantPhaseElements) {
  PelletCell cell = bulk_only();
  const double sigma = 1e-3, w = 1234.5;
  const double r = cell.geometry.cell_constant_per_m() / sigma;
  const double c = cell.bulk_permittivity * cell.geometry.vacuum_capacitance_f();
  const cplx ideal = r / (1.0 + cplx(0, w * r * c));
  EXPECT_NEAR(std::abs(pellet_impedance(cell, sigma, w) - ideal), 0.0, 1e-12 * r);
  cell.bulk_alpha = 1 - 1e-10;  // the CPE branch, continuous at α = 1
  EXPECT_NEAR(std::abs(pellet_impedance(cell, sigma, w) - ideal), 0.0, 1e-8 * r);

  cell.bulk_alpha = 0.8;
  const cplx z0 = pellet_impedance(cell, sigma, 1 / (r * c));
  const cplx expected = r / (1.0 + std::polar(1.0, constants::pi * 0.8 / 2));
  EXPECT_NEAR(std::abs(z0 - expected), 0.0, 1e-12 * r);

  PelletCell el = bulk_only();
  el.electrode_q = 2e-6;
  el.electrode_alpha = 1.0;
  const cplx d = pellet_impedance(el, sigma, w) - pellet_impedance(bulk_only(), sigma, w);
  const cplx cap = 1.0 / cplx(0, w * 2e-6);
  EXPECT_NEAR(std::abs(d - cap), 0.0, 1e-12 * std::abs(cap));
  el.electrode_alpha = 0.9;
  const cplx d9 = pellet_impedance(el, sigma, w) - pellet_impedance(bulk_only(), sigma, w);
  const cplx cpe = 1.0 / (2e-6 * std::pow(w, 0.9) * std::polar(1.0, constants::pi * 0.45));
  EXPECT_NEAR(std::abs(d9 - cpe), 0.0, 1e-10 * std::abs(cpe));
}

TEST(SimPellet, LogFrequencies) {
  const auto f = log_frequencies(1e-2, 1e7, 10);
  ASSERT_EQ(f.size(), 91u);
  EXPECT_EQ(f.front(), 1e7);
  EXPECT_EQ(f.back(), 1e-2);
  EXPECT_EQ(f[10], 1e6);
  for (std::size_t i = 1; i < f.size(); ++i) EXPECT_LT(f[i], f[i - 1]);
  const auto g = log_frequencies(1e-2, 7e7, 10);  // the paper's range, 9.85 decades
  EXPECT_EQ(g.front(), 7e7);
  EXPECT_EQ(g.back(), 1e-2);
  EXPECT_EQ(g.size(), 99u);  // round(98.45) steps + 1
  EXPECT_THROW(log_frequencies(1e3, 1e2, 10), InvalidArgument);
  EXPECT_THROW(log_frequencies(0, 1e2, 10), InvalidArgument);
  EXPECT_THROW(log_frequencies(1, 1e2, 0), InvalidArgument);
}

TEST(SimPellet, NoiseIsReproducibleWithRequestedSpread) {
  PelletCell cell = bulk_only();
  cell.gb_resistance_ratio = 1.0;
  cell.electrode_q = 1e-6;
  const auto f = log_frequencies(1e-2, 1e7, 100);
  const double sigma = 1e-3;
  const auto clean = simulate_pellet(cell, sigma, f);
  const auto a = simulate_pellet(cell, sigma, f, {.relative = 0.01, .seed = 42});
  const auto b = simulate_pellet(cell, sigma, f, {.relative = 0.01, .seed = 42});
  const auto c = simulate_pellet(cell, sigma, f, {.relative = 0.01, .seed = 43});
  EXPECT_EQ(a.impedance_ohm, b.impedance_ohm);
  EXPECT_NE(a.impedance_ohm, c.impedance_ohm);
  double sum = 0, sum2 = 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const cplx d = (a.impedance_ohm[i] - clean.impedance_ohm[i]) / std::abs(clean.impedance_ohm[i]);
    for (double v : {d.real(), d.imag()}) sum += v, sum2 += v * v, ++n;
  }
  const double mean = sum / n, sd = std::sqrt((sum2 - n * mean * mean) / (n - 1));
  // 1802 deviates: the sample sd has a relative standard error ≈ 1/√(2n) ≈ 1.7 %.
  EXPECT_NEAR(sd, 0.01, 0.001);
  EXPECT_NEAR(mean, 0.0, 0.001);
  ASSERT_TRUE(a.meta.geometry);
  EXPECT_EQ(a.meta.technique, Technique::impedance);
  EXPECT_NO_THROW(validate(a, 2));
}

TEST(SimPellet, TemperatureSeries) {
  const PelletCell cell = bulk_only();
  ConductivityLaw law{.sigma_ref_s_per_m = 0.4,
                      .t_ref_k = 298.15,
                      .ea_ev = {0.671, 0.205},
                      .crossover_k = {298.15}};
  const std::vector<double> temps = {253.15, 298.15, 353.15};
  const auto f = log_frequencies(1e2, 1e7, 5);
  const auto s = simulate_temperature_series(cell, law, temps, f);
  ASSERT_EQ(s.size(), 3u);
  for (std::size_t i = 0; i < temps.size(); ++i) {
    ASSERT_TRUE(s[i].meta.temperature_k);
    EXPECT_EQ(*s[i].meta.temperature_k, temps[i]);
    const cplx z = pellet_impedance(cell, law.sigma_s_per_m(temps[i]), 2 * constants::pi * f[3]);
    EXPECT_EQ(s[i].impedance_ohm[3], z);
  }
  // Noise seeds differ per spectrum (seed + index): with a temperature-independent σ the
  // spectra differ only by their noise, which must not repeat.
  ConductivityLaw flat{.form = transport::ArrheniusForm::sigma,
                       .sigma_ref_s_per_m = 0.01,
                       .t_ref_k = 300,
                       .ea_ev = {0.0}};
  const auto n = simulate_temperature_series(cell, flat, temps, f, {.relative = 0.01, .seed = 7});
  EXPECT_NE(n[0].impedance_ohm, n[1].impedance_ohm);
  EXPECT_EQ(n[1].impedance_ohm,
            simulate_pellet(cell, 0.01, f, {.relative = 0.01, .seed = 8}).impedance_ohm);
}

TEST(SimPellet, RejectsBadInput) {
  const PelletCell cell = bulk_only();
  const auto f = log_frequencies(1, 1e3, 3);
  EXPECT_THROW(simulate_pellet(cell, 0.0, f), InvalidArgument);
  EXPECT_THROW(simulate_pellet(cell, 1e-3, {1.0, 10.0, 5.0}), InvalidArgument);
  EXPECT_THROW(simulate_pellet(cell, 1e-3, f, {.relative = -0.1}), InvalidArgument);
  PelletCell bad = cell;
  bad.bulk_alpha = 1.2;
  EXPECT_THROW(pellet_impedance(bad, 1e-3, 1.0), InvalidArgument);
  bad = cell;
  bad.gb_resistance_ratio = -1;
  EXPECT_THROW(pellet_impedance(bad, 1e-3, 1.0), InvalidArgument);
}
