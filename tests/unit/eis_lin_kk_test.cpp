// Lin-KK (eis/lin_kk). Closed form: a spectrum made of R0, L and RC elements on Lin-KK's own
// time constants is reproduced to rounding with those R_k. Round trips through
// sim::simulate_circuit: KK-consistent spectra pass, a spectrum that drifts during the sweep
// (not time-invariant, so not KK) fails; a blocking electrode needs the series capacitance.
// The reproduction of impedance.py's linKK is in eis_circuit_reference_test.cpp.
#include <gtest/gtest.h>

#include <cmath>

#include "solyte/eis/lin_kk.hpp"
#include "solyte/error.hpp"
#include "solyte/sim/circuit_elements.hpp"
#include "solyte/sim/pellet_impedance.hpp"

using namespace solyte;
using namespace solyte::eis;

TEST(EisLinKK, RcChainOnItsOwnTimeConstantsIsExact) {
  const auto f = sim::log_frequencies(1e-2, 1e6, 10);
  const double w_max = 2 * 3.14159265358979323846 * 1e6, w_min = 2 * 3.14159265358979323846 * 1e-2;
  const int m = 5;
  const std::vector<double> rk = {3, 40, 0, 200, 15};
  Spectrum s;
  s.frequency_hz = f;
  for (double fi : f) {
    const double w = 2 * 3.14159265358979323846 * fi;
    std::complex<double> z = 7.0 + std::complex<double>(0, w * 2e-7);
    for (int k = 0; k < m; ++k) {
      const double tau =
          std::pow(10.0, std::log10(1 / w_max) + k / double(m - 1) * std::log10(w_max / w_min));
      z += rk[static_cast<std::size_t>(k)] / std::complex<double>(1, w * tau);
    }
    s.impedance_ohm.push_back(z);
  }
  const auto r = lin_kk(s, {.m = m});
  EXPECT_EQ(r.m, m);
  EXPECT_NEAR(r.r0_ohm, 7.0, 1e-9);
  ASSERT_TRUE(r.l_h);
  EXPECT_NEAR(*r.l_h, 2e-7, 1e-15);
  for (int k = 0; k < m; ++k)
    EXPECT_NEAR(r.r_k_ohm[static_cast<std::size_t>(k)], rk[static_cast<std::size_t>(k)], 1e-8);
  EXPECT_LT(r.max_abs_residual_pct, 1e-9);
  EXPECT_EQ(r.verdict, "valid");
  EXPECT_NEAR(r.tau_s.front(), 1 / w_max, 1e-12 / w_max);
  EXPECT_NEAR(r.tau_s.back(), 1 / w_min, 1e-12 / w_min);
}

TEST(EisLinKK, ConsistentSpectraPass) {
  const auto c = Circuit::parse("R0-p(R1,CPE1)-p(R2,CPE2)");
  const auto s =
      sim::simulate_circuit(c, std::vector<double>{10, 1e3, 1e-7, 0.8, 5e3, 1e-5, 0.9},
                            sim::log_frequencies(1e-2, 1e6, 10), {.relative = 0.001, .seed = 9});
  const auto r = lin_kk(s);
  EXPECT_LE(r.mu, 0.85);
  EXPECT_TRUE(r.mu_reached);
  EXPECT_GT(r.m, 10);
  EXPECT_LT(r.max_abs_residual_pct, 0.6);  // 0.1 % noise: a few σ at most
  EXPECT_EQ(r.verdict, "valid");
  // The residuals are noise: their RMS is the noise level (0.1 % of |Z| on each part).
  EXPECT_NEAR(r.rms_residual_pct, 0.1, 0.03);
}

TEST(EisLinKK, MuCanStopEarlyOnAnIdealArc) {
  // A known limit of the μ criterion: with an ideal RC arc at low frequency, negative R_k
  // appear while the chain is still too short (here μ = 0.846 at M = 5) and the test stops
  // underfitted, as Schönleber's algorithm (and impedance.py's linKK) does. A fixed M shows
  // that the data are consistent; the message says what happened.
  const auto c = Circuit::parse("R0-p(R1,CPE1)-p(R2,C2)");
  const auto s =
      sim::simulate_circuit(c, std::vector<double>{10, 1e3, 1e-7, 0.8, 5e3, 1e-5},
                            sim::log_frequencies(1e-2, 1e6, 10), {.relative = 0.001, .seed = 9});
  const auto r = lin_kk(s);
  EXPECT_EQ(r.m, 5);
  EXPECT_NE(r.message.find("--m"), std::string::npos) << r.message;
  EXPECT_EQ(lin_kk(s, {.m = 20}).verdict, "valid");
}

TEST(EisLinKK, DriftDuringTheSweepFails) {
  // The sample changes while the sweep runs from high to low frequency: the last (lowest)
  // points are 15 % larger than a steady sample would give. Such data obey no KK relation.
  const auto c = Circuit::parse("R0-p(R1,CPE1)");
  auto s = sim::simulate_circuit(c, std::vector<double>{10, 1e4, 1e-8, 0.85},
                                 sim::log_frequencies(1e-2, 1e6, 10));
  for (std::size_t i = 0; i < s.size(); ++i) {
    const double t = double(i) / double(s.size() - 1);  // 0 at the start of the sweep
    s.impedance_ohm[i] *= 1 + 0.15 * t * t;
  }
  const auto r = lin_kk(s);
  EXPECT_GT(r.max_abs_residual_pct, 1.0);
  EXPECT_NE(r.verdict, "valid");
}

TEST(EisLinKK, BlockingElectrodeNeedsTheCapacitance) {
  sim::PelletCell cell;
  cell.electrode_q = 2e-6;
  const auto s = sim::simulate_pellet(cell, 1e-3, sim::log_frequencies(1e-2, 1e7, 10));
  const auto without = lin_kk(s);
  const auto with = lin_kk(s, {.capacitance = true});
  ASSERT_TRUE(with.c_f);
  EXPECT_LT(with.max_abs_residual_pct, without.max_abs_residual_pct);
  EXPECT_EQ(with.verdict, "valid");
}

TEST(EisLinKK, BadInputIsRefused) {
  const auto s =
      sim::simulate_circuit(Circuit::parse("R0-p(R1,C1)"), std::vector<double>{1, 10, 1e-3},
                            sim::log_frequencies(1e-1, 1e3, 5));
  EXPECT_THROW(lin_kk(s, {.f_min_hz = 100.0, .f_max_hz = 200.0}), InvalidArgument);
  EXPECT_THROW(lin_kk(s, {.c = 1.5}), InvalidArgument);
  EXPECT_THROW(lin_kk(s, {.max_m = 0}), InvalidArgument);
  EXPECT_THROW(lin_kk(s, {.m = 0}), InvalidArgument);
  EXPECT_THROW(lin_kk(s, {.valid_pct = 5, .questionable_pct = 1}), InvalidArgument);
  EXPECT_THROW(parse_kk_fit("both"), InvalidArgument);
  Spectrum zero = s;
  zero.impedance_ohm[3] = 0;
  EXPECT_THROW(lin_kk(zero), InvalidArgument);
}
