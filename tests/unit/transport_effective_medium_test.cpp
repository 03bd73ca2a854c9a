// Effective-medium estimates of a two-phase conductivity (METHODS.md §6; docs/methods.md §6).
//
// Reference values: METHODS.md §6 — 92 % bcc at 4 mS/cm + 8 % at 4e-4 mS/cm: parallel 3.680,
// Maxwell-Garnett (bcc host) 3.5385, Bruggeman 3-D 3.5201, series 0.00499 mS/cm. Closed forms:
// the Wiener bounds, Bruggeman with an insulating phase σ = σ1(dφ1 − 1)/(d − 1) above the
// percolation threshold 1/d and 0 below, Maxwell-Garnett in the dilute limit
// σ ≈ σh(1 + 3φ(σi − σh)/(σi + 2σh)), the weight→volume conversion φ_i ∝ w_i/ρ_i.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "solyte/error.hpp"
#include "solyte/transport/effective_medium.hpp"

using namespace solyte;
using namespace solyte::transport;

namespace {

// mS/cm ↔ S/m: 1 mS/cm = 0.1 S/m.
constexpr double kMsPerCm = 0.1;

std::vector<MediumPhase> paper() {
  return {{.volume_fraction = 0.92, .sigma_s_per_m = 4 * kMsPerCm},
          {.volume_fraction = 0.08, .sigma_s_per_m = 4e-4 * kMsPerCm}};
}

double ms_per_cm(double s_per_m) { return s_per_m / kMsPerCm; }

}  // namespace

TEST(TransportEma, MethodsSection6Numbers) {
  const auto p = paper();
  EXPECT_NEAR(ms_per_cm(parallel_conductivity(p)), 3.680, 0.5e-3);
  EXPECT_NEAR(ms_per_cm(maxwell_garnett_conductivity(p, 0)), 3.5385, 0.5e-4);
  EXPECT_NEAR(ms_per_cm(bruggeman_conductivity(p, 3)), 3.5201, 0.5e-4);
  EXPECT_NEAR(ms_per_cm(series_conductivity(p)), 0.00499, 0.5e-5);
  // Closed forms of the same numbers: 0.92·4 + 0.08·4e-4; 1/(0.92/4 + 0.08/4e-4).
  EXPECT_NEAR(ms_per_cm(parallel_conductivity(p)), 3.680032, 1e-12);
  EXPECT_NEAR(ms_per_cm(series_conductivity(p)), 1 / (0.23 + 200.0), 1e-15);
  // Order of the estimates: series ≤ MG(poor host) ≤ Bruggeman ≤ MG(good host) ≤ parallel.
  const double mg_low = maxwell_garnett_conductivity(p, 1);
  EXPECT_LT(series_conductivity(p), mg_low);
  EXPECT_LT(mg_low, bruggeman_conductivity(p));
  EXPECT_LT(bruggeman_conductivity(p), maxwell_garnett_conductivity(p, 0));
  EXPECT_LT(maxwell_garnett_conductivity(p, 0), parallel_conductivity(p));
  // Lichtenecker: 4^0.92 · (4e-4)^0.08.
  EXPECT_NEAR(ms_per_cm(lichtenecker_conductivity(p)), std::pow(4.0, 0.92) * std::pow(4e-4, 0.08),
              1e-12);
  const auto all = effective_medium_estimates(p);
  ASSERT_EQ(all.size(), 7u);  // parallel, series, MG ×2, Bruggeman 3-D, 2-D, Lichtenecker
  EXPECT_EQ(all[2].method, "maxwell-garnett");
  EXPECT_EQ(all[2].host, 0u);
  EXPECT_NE(all[2].note.find("upper"), std::string::npos);
  EXPECT_EQ(all[4].method, "bruggeman-3d");
}

TEST(TransportEma, LimitsAndEqualConductivities) {
  for (double phi : {0.0, 1.0}) {
    const std::vector<MediumPhase> p = {{phi, 2.0}, {1 - phi, 0.5}};
    const double expect = phi == 1.0 ? 2.0 : 0.5;
    EXPECT_DOUBLE_EQ(parallel_conductivity(p), expect);
    EXPECT_DOUBLE_EQ(series_conductivity(p), expect);
    EXPECT_NEAR(bruggeman_conductivity(p, 3), expect, 1e-15);
    EXPECT_NEAR(bruggeman_conductivity(p, 2), expect, 1e-15);
    EXPECT_NEAR(lichtenecker_conductivity(p), expect, 1e-15);
    EXPECT_NEAR(maxwell_garnett_conductivity(p, phi == 1.0 ? 0 : 1), expect, 1e-15);
  }
  // Equal conductivities: every estimate gives that value.
  const std::vector<MediumPhase> same = {{0.3, 1.7}, {0.5, 1.7}, {0.2, 1.7}};
  for (const auto& e : effective_medium_estimates(same))
    EXPECT_NEAR(e.sigma_s_per_m, 1.7, 1e-13) << e.method;
  // Dilute Maxwell-Garnett: first order in φ.
  const double phi = 1e-6, sh = 1.0, si = 10.0;
  const std::vector<MediumPhase> dil = {{1 - phi, sh}, {phi, si}};
  EXPECT_NEAR(maxwell_garnett_conductivity(dil, 0), sh * (1 + 3 * phi * (si - sh) / (si + 2 * sh)),
              1e-11);
  // Two phases: Bruggeman closed form and the n-phase root solver agree (split phase 2 in two).
  const auto p = paper();
  const std::vector<MediumPhase> split = {
      p[0], {0.05, p[1].sigma_s_per_m}, {0.03, p[1].sigma_s_per_m}};
  EXPECT_NEAR(bruggeman_conductivity(split, 3), bruggeman_conductivity(p, 3), 1e-13);
  EXPECT_NEAR(bruggeman_conductivity(split, 2), bruggeman_conductivity(p, 2), 1e-13);
  // ...and the residual of the Bruggeman equation vanishes for three distinct phases.
  const std::vector<MediumPhase> three = {{0.2, 1e-3}, {0.5, 0.4}, {0.3, 7.0}};
  const double s = bruggeman_conductivity(three, 3);
  double f = 0;
  for (const auto& q : three)
    f += q.volume_fraction * (q.sigma_s_per_m - s) / (q.sigma_s_per_m + 2 * s);
  EXPECT_NEAR(f, 0.0, 1e-13);
}

TEST(TransportEma, BruggemanPercolationWithInsulatingPhase) {
  EXPECT_DOUBLE_EQ(bruggeman_percolation_threshold(3), 1.0 / 3);
  EXPECT_DOUBLE_EQ(bruggeman_percolation_threshold(2), 0.5);
  for (int d : {3, 2}) {
    const double pc = 1.0 / d;
    for (double phi : {0.05, 0.2, pc - 1e-9, pc, pc + 1e-6, 0.4, 0.6, 0.9}) {
      const std::vector<MediumPhase> p = {{phi, 1.0}, {1 - phi, 0.0}};
      const double expect = phi > pc ? (d * phi - 1) / (d - 1) : 0.0;
      EXPECT_NEAR(bruggeman_conductivity(p, d), expect, 1e-12) << "d " << d << " phi " << phi;
      // The n-phase solver (insulator split in two) agrees.
      const std::vector<MediumPhase> q = {
          {phi, 1.0}, {0.5 * (1 - phi), 0.0}, {0.5 * (1 - phi), 0.0}};
      EXPECT_NEAR(bruggeman_conductivity(q, d), expect, 1e-10) << "d " << d << " phi " << phi;
    }
  }
  // With an insulating phase present series and Lichtenecker vanish, and an insulating host
  // isolates the inclusions.
  const std::vector<MediumPhase> p = {{0.7, 1.0}, {0.3, 0.0}};
  EXPECT_EQ(series_conductivity(p), 0.0);
  EXPECT_EQ(lichtenecker_conductivity(p), 0.0);
  EXPECT_EQ(maxwell_garnett_conductivity(p, 1), 0.0);
  // Conducting host with insulating spheres (3-D): σh·(1 − φ)/(1 + φ/2).
  EXPECT_NEAR(maxwell_garnett_conductivity(p, 0), (1 - 0.3) / (1 + 0.15), 1e-15);
}

TEST(TransportEma, WeightToVolumeFractions) {
  // φ_i = (w_i/ρ_i)/Σ(w_j/ρ_j): 0.92/1.126 and 0.08/1.25.
  const std::vector<double> w = {0.92, 0.08}, rho = {1.126, 1.25};
  const auto v = volume_fractions_from_weight_fractions(w, rho);
  const double a = 0.92 / 1.126, b = 0.08 / 1.25;
  EXPECT_NEAR(v[0], a / (a + b), 1e-15);
  EXPECT_NEAR(v[1], b / (a + b), 1e-15);
  EXPECT_NEAR(v[0] + v[1], 1.0, 1e-15);
  EXPECT_THROW(volume_fractions_from_weight_fractions(w, std::vector<double>{1.1}),
               InvalidArgument);
  EXPECT_THROW(volume_fractions_from_weight_fractions(w, std::vector<double>{1.1, 0}),
               InvalidArgument);
  EXPECT_THROW(volume_fractions_from_weight_fractions(std::vector<double>{0.9, 0.2}, rho),
               InvalidArgument);
}

TEST(TransportEma, BadInputThrows) {
  auto p = paper();
  p[1].volume_fraction = -0.08;
  EXPECT_THROW(parallel_conductivity(p), InvalidArgument);
  p = paper();
  p[1].volume_fraction = 0.07;  // sums to 0.99
  try {
    bruggeman_conductivity(p);
    FAIL() << "no exception";
  } catch (const InvalidArgument& e) {
    EXPECT_NE(std::string(e.what()).find("sum to 0.99"), std::string::npos) << e.what();
  }
  p = paper();
  p[0].sigma_s_per_m = -1;
  EXPECT_THROW(series_conductivity(p), InvalidArgument);
  EXPECT_THROW(bruggeman_conductivity(paper(), 4), InvalidArgument);
  EXPECT_THROW(maxwell_garnett_conductivity(paper(), 2), InvalidArgument);
  EXPECT_THROW(parallel_conductivity(std::vector<MediumPhase>{}), InvalidArgument);
  const std::vector<MediumPhase> z = {{1.0, 1.0}, {0.0, 2.0}};
  EXPECT_THROW(maxwell_garnett_conductivity(z, 1), InvalidArgument);  // host fraction 0
}
