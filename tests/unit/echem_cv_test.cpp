// Stability window from slow-scan CV: round trips through sim/cyclic_voltammetry, whose
// irreversible oxidation wave i_lim/(1 + exp(−(E − E½)/b)) has edge potentials in closed form
// (docs/methods.md §11):
//   tangent at the steepest rise ∩ baseline: E½ − 2b (exact for any linear baseline);
//   current i_ox = I reached at E½ − b·ln(i_lim/I − 1) (threshold: I = j_th·A − i_C;
//   deviation: I = k·σ with σ the baseline rms the analysis reports).
// The paper's numbers (METHODS §11): E_e = 4.14 V, a small irreversible peak at 3.3 V, no
// cathodic return. Tolerances: 2 mV clean (smoothing over ±20 mV of a wave of b = 40 mV), 5 mV
// with noise of 0.1 % of i_lim (10 mV for the deviation method, whose crossing is taken on the
// noisy foot of the wave); charge ratios within 0.001.
// Real record: ../shared/data/cv_lsv_gcpl/yadg_eclab/cv.mpt (VMP3, Na | Na2B12H12 | Na2B12H12+C,
// 0.1 mV/s, 1.5 → 5.5 V; the experiment stops in cycle 2 at 3.16 V).
#include <gtest/gtest.h>

#include <cmath>

#include "solyte/echem/cyclic_voltammetry.hpp"
#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "solyte/sim/cyclic_voltammetry.hpp"
#include "test_support.hpp"

using namespace solyte;
using namespace solyte::echem;

namespace {

// The paper's cell: wave with a tangent edge at 4.14 V, irreversible pre-peak at 3.3 V.
sim::CvExperiment paper_like(double noise) {
  sim::CvExperiment x;
  x.oxidation = {.e_half_v = 4.22, .width_v = 0.04, .limiting_current_a = 2e-6};
  // Height Q·ν·G(0) = 4.3e-4 · 5e-5 · 9.39 ≈ 0.2 µA.
  x.peaks = {{.e_v = 3.3, .fwhm_v = 0.1, .charge_c = 4.3e-4}};
  x.noise_a = noise;
  x.seed = 17;
  return x;
}

double wave_potential(const sim::OxidationWave& w, double current) {
  return w.e_half_v - w.width_v * std::log(w.limiting_current_a / current - 1);
}

const EdgeResult& edge(const CvCycle& c, EdgeMethod m) {
  for (const auto& e : c.edges)
    if (e.method == m) return e;
  throw std::runtime_error("method missing");
}

}  // namespace

TEST(EchemCv, SweepsCyclesAndScanRate) {
  auto x = paper_like(0);
  x.cycles = 2;
  const auto m = sim::simulate_cv(x);
  const auto s =
      split_sweeps(m.require(Quantity::potential).values, m.require(Quantity::time).values, {});
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].direction, SweepDirection::anodic);
  EXPECT_EQ(s[1].direction, SweepDirection::cathodic);
  EXPECT_EQ(s[2].cycle, 2);
  EXPECT_NEAR(s[0].e_start_v, 2.5, 1e-12);
  EXPECT_NEAR(s[0].e_end_v, 5.0, 1e-12);
  EXPECT_NEAR(*s[1].scan_rate_v_per_s, 50e-6, 1e-12);
  // The cycle column gives the same numbering.
  const auto t = split_sweeps(m.require(Quantity::potential).values,
                              m.require(Quantity::time).values, m.require(Quantity::cycle).values);
  EXPECT_EQ(t[3].cycle, 2);
}

TEST(EchemCv, EdgeRoundTripClean) {
  const auto x = paper_like(0);
  CvOptions o;
  o.methods = {EdgeMethod::tangent, EdgeMethod::threshold};
  o.edge.threshold_a_per_m2 = 0.01;  // 1 µA/cm² on 0.785 cm²
  const auto a = analyse_cv(sim::simulate_cv(x), o);
  ASSERT_EQ(a.cycles.size(), 1u);
  const auto& c = a.cycles[0];
  const auto& tan = edge(c, EdgeMethod::tangent);
  ASSERT_TRUE(tan.edge_v) << tan.message;
  EXPECT_NEAR(*tan.edge_v, 4.14, 2e-3);
  EXPECT_NEAR(tan.steepest_v, 4.22, 5e-3);
  // The automatic baseline window lies between the pre-peak and the wave.
  EXPECT_GT(tan.baseline_window_v.first, 3.45);
  EXPECT_LT(tan.baseline_window_v.second, 4.0);
  const auto& thr = edge(c, EdgeMethod::threshold);
  ASSERT_TRUE(thr.edge_v);
  const double ic = x.capacitance_f * x.scan_rate_v_per_s;
  EXPECT_NEAR(thr.criterion_a, 0.01 * x.area_m2, 1e-18);
  EXPECT_NEAR(*thr.edge_v, wave_potential(x.oxidation, thr.criterion_a - ic), 2e-3);
  // The pre-peak is found; the return sweep has no cathodic peak.
  ASSERT_EQ(c.peaks.size(), 1u);
  EXPECT_EQ(c.peaks[0].direction, SweepDirection::anodic);
  EXPECT_NEAR(c.peaks[0].potential_v, 3.3, 2e-3);
  // Irreversible: no cathodic charge comes back above the edge.
  ASSERT_TRUE(c.charge);
  EXPECT_NEAR(c.charge->window_v.first, *tan.edge_v, 1e-12);
  EXPECT_LT(c.charge->ratio, 0.01);
}

TEST(EchemCv, EdgeRoundTripWithNoise) {
  const auto x = paper_like(2e-9);  // 0.1 % of i_lim
  CvOptions o;
  o.methods = {EdgeMethod::tangent, EdgeMethod::deviation};
  const auto a = analyse_cv(sim::simulate_cv(x), o);
  const auto& c = a.cycles.at(0);
  const auto& tan = edge(c, EdgeMethod::tangent);
  ASSERT_TRUE(tan.edge_v);
  EXPECT_NEAR(*tan.edge_v, 4.14, 5e-3);
  const auto& dev = edge(c, EdgeMethod::deviation);
  ASSERT_TRUE(dev.edge_v) << dev.message;
  EXPECT_NEAR(dev.baseline_rms_a, 2e-9, 0.3e-9);
  EXPECT_NEAR(dev.criterion_a, 5 * dev.baseline_rms_a, 1e-20);
  // The last upward crossing of a noisy curve comes late: 5σ is crossed where the smoothed
  // noise (≈ 0.3σ) moves E by ≈ 2.4 mV per standard deviation; within 10 mV.
  EXPECT_NEAR(*dev.edge_v, wave_potential(x.oxidation, dev.criterion_a), 10e-3);
  // The pre-peak (0.2 µA, 100× the noise) is above the deviation criterion but is not the edge.
  EXPECT_GT(*dev.edge_v, 3.6);
}

TEST(EchemCv, GivenBaselineWindowIsUsedAndReported) {
  const auto x = paper_like(0);
  CvOptions o;
  o.edge.baseline_window_v = {{3.9, 3.6}};
  const auto a = analyse_cv(sim::simulate_cv(x), o);
  const auto& tan = a.cycles.at(0).edges.at(0);
  EXPECT_FALSE(tan.baseline_window_auto);
  EXPECT_DOUBLE_EQ(tan.baseline_window_v.first, 3.6);
  EXPECT_DOUBLE_EQ(tan.baseline_window_v.second, 3.9);
  EXPECT_NEAR(*tan.edge_v, 4.14, 2e-3);
}

TEST(EchemCv, ReversibleCoupleChargeRatio) {
  // No oxidation wave; a couple at 3.5 V returning 80 % of its charge 60 mV lower. The charge in
  // the window includes the double-layer charge C·ΔE on both sweeps.
  sim::CvExperiment x;
  x.oxidation.limiting_current_a = 0;
  x.peaks = {{.e_v = 3.5, .fwhm_v = 0.1, .charge_c = 2e-2, .return_fraction = 0.8}};
  x.e_upper_v = 4.2;
  CvOptions o;
  o.charge_window_v = {{3.0, 4.0}};
  const auto a = analyse_cv(sim::simulate_cv(x), o);
  const auto& c = a.cycles.at(0);
  ASSERT_TRUE(c.charge);
  const double qdl = x.capacitance_f * 1.0;
  EXPECT_NEAR(c.charge->anodic_c, 2e-2 + qdl, 2e-5);
  EXPECT_NEAR(c.charge->cathodic_c, 0.8 * 2e-2 + qdl, 2e-5);
  EXPECT_NEAR(c.charge->ratio, (0.016 + qdl) / (0.02 + qdl), 1e-3);
  int cathodic = 0;
  for (const auto& p : c.peaks)
    if (p.direction == SweepDirection::cathodic) {
      ++cathodic;
      EXPECT_NEAR(p.potential_v, 3.44, 2e-3);
      EXPECT_LT(p.current_a, 0);
    }
  EXPECT_EQ(cathodic, 1);
}

TEST(EchemCv, CycleSelectionAndConsumedPrePeak) {
  auto x = paper_like(0);
  x.cycles = 2;
  const auto m = sim::simulate_cv(x);
  CvOptions o;
  o.cycle = 2;
  const auto a = analyse_cv(m, o);
  ASSERT_EQ(a.cycles.size(), 1u);
  EXPECT_EQ(a.cycles[0].cycle, 2);
  EXPECT_TRUE(a.cycles[0].peaks.empty());  // the pre-peak was consumed in cycle 1
  EXPECT_NEAR(*a.cycles[0].edges[0].edge_v, 4.14, 2e-3);
  o.cycle = 3;
  try {
    analyse_cv(m, o);
    FAIL() << "cycle 3 accepted";
  } catch (const InvalidArgument& e) {
    EXPECT_NE(std::string(e.what()).find("1, 2"), std::string::npos) << e.what();
  }
}

TEST(EchemCv, BadInputIsRejected) {
  const auto m = sim::simulate_cv(paper_like(0));
  const auto& e = m.require(Quantity::potential).values;
  const auto& i = m.require(Quantity::current).values;
  const std::vector<double> shorter(i.begin(), i.begin() + 5);
  EXPECT_THROW(analyse_cv({}, e, shorter, {}, {}), InvalidArgument);
  EXPECT_THROW(edge_potential(e, i, EdgeMethod::threshold, {}), InvalidArgument);  // no area
  std::vector<double> bad(i);
  bad[10] = NAN;
  EXPECT_THROW(analyse_cv({}, e, bad, {}, {}), InvalidArgument);
  CvOptions o;
  o.edge.baseline_window_v = {{1.0, 1.2}};  // below the record
  EXPECT_THROW(analyse_cv(m, o), InvalidArgument);
  Measurement no_current = m;
  no_current.columns.erase(no_current.columns.begin() + 2);
  EXPECT_THROW(analyse_cv(no_current, {}), InvalidArgument);
}

TEST(EchemCv, RealSlowScanRecord) {
  const auto path = test::shared_data("cv_lsv_gcpl/yadg_eclab/cv.mpt");
  SOLYTE_REQUIRE_SHARED(path);
  const auto m = io::read_measurements(path.string()).at(0);
  CvOptions o;
  o.methods = {EdgeMethod::tangent, EdgeMethod::threshold, EdgeMethod::deviation};
  o.area_m2 = 1e-4;  // the file's header says 0.001 cm², EC-Lab's placeholder; 1 cm² assumed
  const auto a = analyse_cv(m, o);
  ASSERT_EQ(a.sweeps.size(), 4u);
  EXPECT_NEAR(*a.sweeps[1].scan_rate_v_per_s, 1e-4, 1e-6);  // 0.1 mV/s as in the header
  EXPECT_NEAR(a.sweeps[1].e_start_v, 1.5, 2e-3);
  EXPECT_NEAR(a.sweeps[1].e_end_v, 5.5, 2e-3);
  const auto& c1 = a.cycles.at(0);
  // The current rises slowly from 3 V and fastest near 5.4 V; the 1 mA spike at 5.458 V is
  // filtered out. Tangent: 5.03 V; 10 µA/cm² is crossed at 5.26 V; the deviation from the
  // automatic baseline window (2.75–3.05 V, rms 6 nA) starts right above it.
  const auto& tan = edge(c1, EdgeMethod::tangent);
  ASSERT_TRUE(tan.edge_v);
  EXPECT_GT(tan.despiked, 0u);
  EXPECT_NEAR(tan.steepest_v, 5.39, 0.03);
  EXPECT_NEAR(*tan.edge_v, 5.03, 0.05);
  EXPECT_NEAR(*edge(c1, EdgeMethod::threshold).edge_v, 5.26, 0.02);
  EXPECT_LT(*edge(c1, EdgeMethod::deviation).edge_v, 3.2);
  // After the vertex the current stays anodic (≈ 10 mA): nothing is reduced back.
  ASSERT_TRUE(c1.charge);
  EXPECT_EQ(c1.charge->cathodic_c, 0.0);
  EXPECT_GT(c1.charge->anodic_c, 0.1);
  for (const auto& p : c1.peaks) EXPECT_NE(p.direction, SweepDirection::cathodic);
  ASSERT_EQ(a.cycles.size(), 2u);
  EXPECT_FALSE(a.cycles[1].charge);  // the record stops in the second anodic sweep
}
