// DSC events: round trips through sim/dsc_scan, whose transitions have closed-form tangent
// onsets (the leading edge is the tangent: T_on), peaks (T_on ± u_p) and enthalpies
// ((1/β)∫x dT = ΔH), on a heating and a cooling segment, clean and with noise; the two Netzsch
// exports of ../shared/data; bad input.
// Tolerances: onset 0.05 K clean / 0.3 K noisy; peak 0.1 K (3-point parabola on a sampled
// kink, steps of 0.5 K); end-set within 1.2 K of T_p + θ (the tangent to an exponential decay is
// taken where the smoothed slope is steepest, ≈ 2 steps after the kink); ΔH within 2 % (the
// trapezoid on the sampled kink) — METHODS.md §12: pristine NCB's order–disorder transition
// near 83 °C is the heating transition used here.
#include <gtest/gtest.h>

#include <cmath>

#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "solyte/sim/dsc_scan.hpp"
#include "solyte/thermal/dsc.hpp"
#include "test_support.hpp"

using namespace solyte;
using namespace solyte::thermal;

namespace {

constexpr double kRate = 10.0 / 60;  // 10 K/min

sim::DscScan heat_cool(double noise, bool exo_up) {
  sim::DscScan s;
  s.segments = {{.from_k = 300,
                 .to_k = 420,
                 .rate_k_per_s = kRate,
                 .transitions = {{.onset_k = 356.15, .enthalpy_j_per_g = 30}}},
                {.from_k = 420,
                 .to_k = 300,
                 .rate_k_per_s = kRate,
                 .transitions = {{.onset_k = 340, .enthalpy_j_per_g = -25}}}};
  s.noise_w_per_g = noise;
  s.exo_up = exo_up;
  s.seed = 9;
  return s;
}

void check_round_trip(const DscAnalysis& a, const sim::DscScan& s, double onset_tol) {
  ASSERT_EQ(a.segments.size(), 2u);
  EXPECT_EQ(a.segments[0].direction, ScanDirection::heating);
  EXPECT_EQ(a.segments[1].direction, ScanDirection::cooling);
  EXPECT_NEAR(*a.segments[0].rate_k_per_s, kRate, 1e-9);
  ASSERT_EQ(a.events.size(), 2u);
  for (std::size_t k = 0; k < 2; ++k) {
    const auto& e = a.events[k];
    const auto& tr = s.segments[k].transitions[0];
    const double dir = k == 0 ? 1.0 : -1.0;
    const double up = sim::transition_peak_height(tr, kRate) / tr.leading_slope_w_per_g_k;
    EXPECT_EQ(e.segment, k);
    EXPECT_EQ(e.direction, k == 0 ? EventDirection::endothermic : EventDirection::exothermic);
    ASSERT_TRUE(e.onset_k && e.end_k && e.enthalpy_j_per_g);
    EXPECT_NEAR(*e.onset_k, tr.onset_k, onset_tol) << k;
    EXPECT_NEAR(e.peak_k, tr.onset_k + dir * up, 0.1) << k;
    EXPECT_NEAR(*e.end_k, tr.onset_k + dir * (up + tr.tail_k), 1.2) << k;
    EXPECT_NEAR(*e.enthalpy_j_per_g / tr.enthalpy_j_per_g, 1, 0.02) << k;
  }
}

}  // namespace

TEST(ThermalDsc, RoundTripHeatingAndCooling) {
  for (bool exo_up : {false, true}) {
    const auto s = heat_cool(0, exo_up);
    const auto a = analyse_dsc(sim::simulate_dsc(s), {});  // convention from the record
    EXPECT_EQ(a.exo_up, exo_up);
    check_round_trip(a, s, 0.05);
  }
}

TEST(ThermalDsc, RoundTripWithNoise) {
  const auto s = heat_cool(2e-3, false);  // 0.15 % of the peaks
  check_round_trip(analyse_dsc(sim::simulate_dsc(s), {}), s, 0.3);
}

TEST(ThermalDsc, RateFromOptionsWithoutTimeAndGivenWindows) {
  const auto s = heat_cool(0, false);
  auto m = sim::simulate_dsc(s);
  std::erase_if(m.columns, [](const Column& c) { return c.quantity == Quantity::time; });
  m.meta.heating_rate_k_per_s.reset();
  DscOptions o;
  EXPECT_FALSE(analyse_dsc(m, o).events.at(0).enthalpy_j_per_g);  // no rate: no enthalpy
  o.heating_rate_k_per_s = kRate;
  const auto a = analyse_dsc(m, o);
  EXPECT_EQ(a.segments[0].rate_source, "given");
  EXPECT_NEAR(*a.events.at(0).enthalpy_j_per_g, 30, 0.6);
  o.windows_k = {{350, 375}};  // both segments cover 350–375 K
  const auto w = analyse_dsc(m, o);
  ASSERT_EQ(w.events.size(), 2u);
  EXPECT_TRUE(w.events[0].window_given);
  EXPECT_NEAR(w.events[0].start_k, 350, 0.5);
  EXPECT_NEAR(*w.events[0].enthalpy_j_per_g, 30, 0.6);
  EXPECT_NEAR(*w.events[1].enthalpy_j_per_g, 0, 0.1);  // nothing happens there on cooling
}

TEST(ThermalDsc, HeatFlowInWattsNeedsTheMass) {
  const auto s = heat_cool(0, false);
  auto m = sim::simulate_dsc(s);
  for (auto& c : m.columns)
    if (c.quantity == Quantity::specific_heat_flow) {
      c.quantity = Quantity::heat_flow;
      for (double& v : c.values) v *= s.sample_mass_kg * 1e3;  // W/g → W
    }
  EXPECT_NEAR(*analyse_dsc(m, {}).events.at(0).enthalpy_j_per_g, 30, 0.6);
  m.meta.sample_mass_kg.reset();
  EXPECT_THROW(analyse_dsc(m, {}), InvalidArgument);
  EXPECT_NEAR(*analyse_dsc(m, {}, s.sample_mass_kg).events.at(0).enthalpy_j_per_g, 30, 0.6);
}

TEST(ThermalDsc, BadInputIsRejected) {
  const auto m = sim::simulate_dsc(heat_cool(0, false));
  const auto& t = m.require(Quantity::time).values;
  const auto& temp = m.require(Quantity::temperature).values;
  const auto& q = m.require(Quantity::specific_heat_flow).values;
  EXPECT_THROW(analyse_dsc(t, temp, q, {}), InvalidArgument);  // sign convention unknown
  const std::vector<double> shorter(q.begin(), q.begin() + 5);
  EXPECT_THROW(analyse_dsc({}, temp, shorter, {.exo_up = false}), InvalidArgument);
  std::vector<double> bad(q);
  bad[7] = NAN;
  EXPECT_THROW(analyse_dsc(t, temp, bad, {.exo_up = false}), InvalidArgument);
  EXPECT_THROW(analyse_dsc(t, temp, q, {.exo_up = false, .heating_rate_k_per_s = -1}),
               InvalidArgument);
  EXPECT_THROW(analyse_dsc(t, temp, q, {.exo_up = false, .windows_k = {{350, 350}}}),
               InvalidArgument);
}

TEST(ThermalDsc, RealNetzschMeltingEndotherm) {
  // SCH-179, 5.21 mg, −50 → 100 °C at 10 K/min, EXO +1 (exo up) in the header; no time column.
  const auto path = test::shared_data("raman_ir_dsc/chemotion_dsc_netzsch/ExpDat_SCH-179-3.csv");
  SOLYTE_REQUIRE_SHARED(path);
  const auto m = io::read_measurements(path.string()).at(0);
  DscOptions o;
  o.exo_up = true;
  o.heating_rate_k_per_s = kRate;
  const auto a = analyse_dsc(m, o);
  ASSERT_EQ(a.segments.size(), 1u);
  EXPECT_EQ(a.segments[0].direction, ScanDirection::heating);
  // The main event: a melting endotherm, onset 48.0 °C, peak 53.0 °C, ≈ 138 J/g; before it a
  // small exotherm at 43.6 °C (−10 J/g) and a small endotherm near 39 °C.
  const DscEvent* melt = nullptr;
  for (const auto& e : a.events)
    if (!melt || e.peak_excess_w_per_g > melt->peak_excess_w_per_g) melt = &e;
  ASSERT_TRUE(melt);
  EXPECT_EQ(melt->direction, EventDirection::endothermic);
  EXPECT_NEAR(*melt->onset_k - 273.15, 48.0, 0.3);
  EXPECT_NEAR(melt->peak_k - 273.15, 53.0, 0.3);
  EXPECT_NEAR(*melt->enthalpy_j_per_g, 138, 5);
  bool exotherm = false;
  for (const auto& e : a.events)
    if (e.direction == EventDirection::exothermic) {
      exotherm = true;
      EXPECT_NEAR(e.peak_k - 273.15, 43.6, 0.5);
    }
  EXPECT_TRUE(exotherm);
}

TEST(ThermalDsc, RealNetzschGlassStepIsNoEvent) {
  // SB 175-5, 6.4 mg, −80 → 200 °C at 10 K/min (exported −63 … 77 °C), EXO −1 (exo down): a
  // step of the heat capacity near −35 °C (a glass transition) and no peak.
  const auto path = test::shared_data("raman_ir_dsc/chemotion_dsc_netzsch/ExpDat_SB_175-5-4.csv");
  SOLYTE_REQUIRE_SHARED(path);
  const auto m = io::read_measurements(path.string()).at(0);
  const auto a = analyse_dsc(m, {.exo_up = false});
  ASSERT_EQ(a.segments.size(), 1u);
  EXPECT_NEAR(*a.segments[0].rate_k_per_s * 60, 10.0, 0.01);  // from its time column
  EXPECT_TRUE(a.events.empty());
}
