// Critical current density: the schedule (METHODS.md §11 numbers), round trips through
// sim/symmetric_cell with a penetration and a short at known current densities (the paper's
// 0.12 and 0.3 mA/cm²), and the real Li | Li record.
// Sources: Murgia et al. 2022 (Fig. 5 caption): 120 mAh/g × 2 mg/cm² → 0.24 mAh/cm², 1C =
// 0.24 mA/cm², C/2 = 0.12 mA/cm²; CCD by penetration 0.12 mA/cm², by short 0.3 mA/cm².
// Tolerances: current densities exact (they are the schedule's); ASR within 1 % clean, 3 % with
// 1 mV noise; event times within two sample intervals.
#include <gtest/gtest.h>

#include <cmath>

#include "solyte/echem/ccd_protocol.hpp"
#include "solyte/echem/critical_current.hpp"
#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "solyte/sim/symmetric_cell.hpp"
#include "test_support.hpp"

using namespace solyte;
using namespace solyte::echem;

namespace {

constexpr double kMilliAmpPerCm2 = 10.0;  // A/m²

// The paper's schedule in mA/cm², one tenth of the areal capacity per sweep (short sweeps).
CcdProtocol paper_schedule() {
  std::vector<double> j;
  for (double v : {0.02, 0.05, 0.08, 0.12, 0.16, 0.2, 0.25, 0.3}) j.push_back(v * kMilliAmpPerCm2);
  return design_ccd_protocol({.current_densities_a_per_m2 = j, .charge_per_sweep_c_per_m2 = 864});
}

sim::SymmetricCell paper_cell(double noise) {
  sim::SymmetricCell c;
  c.events = {
      {.step = 3, .sweep = 1, .fraction = 0.6, .asr_factor = 0.5},
      {.step = 7, .sweep = 1, .fraction = 0.3, .short_circuit = true, .short_resistance_ohm = 0.5}};
  c.noise_v = noise;
  c.seed = 4;
  return c;
}

}  // namespace

TEST(EchemCcd, ProtocolMethodsNumbers) {
  const auto p = design_ccd_protocol({.specific_capacity_c_per_kg = 120 * 3.6 * 1000,
                                      .loading_kg_per_m2 = 2e-6 / 1e-4,
                                      .c_rates = {0.1, 0.5, 1, 2},
                                      .area_m2 = 1e-4});
  EXPECT_NEAR(p.areal_capacity_c_per_m2, 0.24 * 3.6 / 1e-4, 1e-9);  // 0.24 mAh/cm²
  EXPECT_NEAR(p.one_c_a_per_m2, 2.4, 1e-12);                        // 0.24 mA/cm²
  ASSERT_EQ(p.steps.size(), 4u);
  EXPECT_NEAR(p.steps[1].current_density_a_per_m2, 1.2, 1e-12);  // C/2 = 0.12 mA/cm²
  EXPECT_NEAR(p.steps[1].sweep_time_s, 2 * 3600, 1e-9);          // full capacity per sweep
  EXPECT_NEAR(*p.steps[1].current_a, 0.12e-3, 1e-15);            // on 1 cm²
  EXPECT_NEAR(p.steps[0].sweep_time_s, 10 * 3600, 1e-9);
  EXPECT_NEAR(p.total_time_s, 2 * 3600 * (10 + 2 + 1 + 0.5), 1e-6);
  EXPECT_NEAR(p.steps[3].start_s, 2 * 3600 * 13, 1e-6);
  const auto q =
      design_ccd_protocol({.current_densities_a_per_m2 = {1.2}, .charge_per_sweep_c_per_m2 = 864});
  EXPECT_NEAR(q.steps[0].c_rate, 0.5, 1e-12);
  EXPECT_NEAR(q.steps[0].sweep_time_s, 720, 1e-9);
  const auto r = ramp(0.2, 1.0, 0.2);
  ASSERT_EQ(r.size(), 5u);
  EXPECT_NEAR(r.back(), 1.0, 1e-12);
}

TEST(EchemCcd, ProtocolBadInput) {
  EXPECT_THROW(design_ccd_protocol({}), InvalidArgument);  // no steps
  EXPECT_THROW(design_ccd_protocol({.current_densities_a_per_m2 = {1}, .c_rates = {1}}),
               InvalidArgument);
  EXPECT_THROW(design_ccd_protocol({.specific_capacity_c_per_kg = 0, .c_rates = {1}}),
               InvalidArgument);
  EXPECT_THROW(design_ccd_protocol({.c_rates = {1, -1}}), InvalidArgument);
  EXPECT_THROW(design_ccd_protocol({.c_rates = {1}, .sweeps_per_step = 0}), InvalidArgument);
  EXPECT_THROW(ramp(1, 0.5, 0.1), InvalidArgument);
  EXPECT_THROW(ramp(1e-9, 1, 1e-9), InvalidArgument);  // too many steps
}

TEST(EchemCcd, RoundTripPenetrationAndShort) {
  for (double noise : {0.0, 1e-3}) {
    const auto protocol = paper_schedule();
    const auto cell = paper_cell(noise);
    const auto m = sim::simulate_symmetric_cycling(protocol, cell);
    const auto r = analyse_ccd(m, {.area_m2 = cell.area_m2});
    ASSERT_EQ(r.steps.size(), 8u) << noise;
    ASSERT_EQ(r.sweeps.size(), 16u) << noise;
    ASSERT_EQ(r.events.size(), 2u) << noise;
    EXPECT_EQ(r.events[0].kind, CellEventKind::penetration);
    EXPECT_EQ(r.events[1].kind, CellEventKind::short_circuit);
    ASSERT_TRUE(r.penetration_ccd_a_per_m2 && r.short_ccd_a_per_m2 && r.last_stable_a_per_m2);
    EXPECT_NEAR(*r.penetration_ccd_a_per_m2, 0.12 * kMilliAmpPerCm2, 1e-9);
    EXPECT_NEAR(*r.short_ccd_a_per_m2, 0.3 * kMilliAmpPerCm2, 1e-9);
    EXPECT_NEAR(*r.last_stable_a_per_m2, 0.08 * kMilliAmpPerCm2, 1e-9);
    // Event times: the penetration at 60 % of the 8th sweep, the short at 30 % of the 16th.
    const auto& s7 = r.sweeps[7];
    EXPECT_NEAR(r.events[0].time_s, s7.t_start_s + 0.6 * s7.duration_s, 2 * cell.sample_interval_s);
    EXPECT_NEAR(r.events[0].drop, 1 - (0.5 * 0.05 + 0.005) / 0.055, 0.03);
    const auto& s15 = r.sweeps[15];
    EXPECT_NEAR(r.events[1].time_s, s15.t_start_s + 0.3 * s15.duration_s,
                2 * cell.sample_interval_s);
    // ASR per step: ASR₀ + ASR_p before the penetration, 0.5·ASR₀ + ASR_p after it.
    const double tol = noise > 0 ? 0.03 : 0.01;
    for (std::size_t k = 0; k < 3; ++k) EXPECT_NEAR(r.steps[k].asr_ohm_m2 / 0.055, 1, tol) << k;
    for (std::size_t k = 4; k < 7; ++k) EXPECT_NEAR(r.steps[k].asr_ohm_m2 / 0.030, 1, tol) << k;
    EXPECT_TRUE(r.steps[3].event);
    EXPECT_FALSE(r.steps[2].event);
    // Sweeps alternate in sign; the plateau equals |j|·ASR.
    EXPECT_GT(r.sweeps[0].current_density_a_per_m2, 0);
    EXPECT_LT(r.sweeps[1].current_density_a_per_m2, 0);
    EXPECT_NEAR(r.sweeps[2].plateau_abs_v, 0.5 * 0.055, noise > 0 ? 1e-3 : 1e-4);
  }
}

TEST(EchemCcd, HealthyCellHasNoEvent) {
  const auto protocol = paper_schedule();
  auto cell = paper_cell(1e-3);
  cell.events.clear();
  const auto r =
      analyse_ccd(sim::simulate_symmetric_cycling(protocol, cell), {.area_m2 = cell.area_m2});
  EXPECT_TRUE(r.events.empty());
  EXPECT_FALSE(r.penetration_ccd_a_per_m2);
  EXPECT_FALSE(r.short_ccd_a_per_m2);
  EXPECT_NEAR(*r.last_stable_a_per_m2, 3.0, 1e-9);
}

TEST(EchemCcd, ConstantCurrentAndSweepTimeForVoltageOnlyRecords) {
  // The same record without its current column: the sweeps come from the sweep time and the
  // alternating sign of the given current (one step of 0.12 mA/cm²).
  const auto protocol =
      design_ccd_protocol({.current_densities_a_per_m2 = {1.2}, .charge_per_sweep_c_per_m2 = 864});
  sim::SymmetricCell cell;
  cell.sample_interval_s = 7;
  auto m = sim::simulate_symmetric_cycling(protocol, cell);
  std::erase_if(m.columns, [](const Column& c) {
    return c.quantity != Quantity::time && c.quantity != Quantity::potential;
  });
  // (Each sweep's last row and the next sweep's first share an instant; the duration rule keeps
  // both in the first sweep.)
  const CcdOptions o{.area_m2 = cell.area_m2,
                     .constant_current_a = 1.2 * cell.area_m2,
                     .alternate = true,
                     .sweep_duration_s = 720};
  const auto r = analyse_ccd(m, o);
  EXPECT_EQ(r.current_source, "constant (given)");
  ASSERT_EQ(r.sweeps.size(), 2u);
  EXPECT_LT(r.sweeps[1].current_density_a_per_m2, 0);
  EXPECT_NEAR(r.sweeps[0].asr_ohm_m2, 0.055, 1e-3);
  EXPECT_THROW(analyse_ccd(m, {.area_m2 = cell.area_m2}), InvalidArgument);  // no current at all
}

TEST(EchemCcd, BadInputIsRejected) {
  const std::vector<double> t{0, 1, 2, 3}, v{0.1, 0.1, 0.1, 0.1}, i{1e-3, 1e-3, 1e-3, 1e-3};
  EXPECT_THROW(analyse_ccd(t, v, i, {}), InvalidArgument);  // no area
  EXPECT_THROW(analyse_ccd(t, v, i, {.area_m2 = 1e-4, .drop_fraction = 1.2}), InvalidArgument);
  const std::vector<double> back{0, 2, 1, 3};
  EXPECT_THROW(analyse_ccd(back, v, i, {.area_m2 = 1e-4}), InvalidArgument);
  const std::vector<double> nan{0.1, NAN, 0.1, 0.1};
  EXPECT_THROW(analyse_ccd(t, nan, i, {.area_m2 = 1e-4}), InvalidArgument);
  const std::vector<double> zero(4, 0.0);
  EXPECT_THROW(analyse_ccd(t, v, zero, {.area_m2 = 1e-4}), InvalidArgument);
  const std::vector<double> shorter{0.1, 0.1};
  EXPECT_THROW(analyse_ccd(t, shorter, i, {.area_m2 = 1e-4}), InvalidArgument);
}

TEST(EchemCcd, RealLiLiRecordHasNoShort) {
  // Li | 1 M LiTFSI in TEGDME | Li (liquid), 0.4 mA in 1 h steps (from the .mps settings file;
  // the text export holds time and Ewe only), 45 steps with impedance in between. The electrode
  // area is not stated; 1 cm² is assumed (the ASR scales with it).
  const auto path = test::shared_data(
      "cv_lsv_gcpl/datalab_LiLi_symmetric/"
      "jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA_03_GCPL_C05.txt");
  SOLYTE_REQUIRE_SHARED(path);
  const auto m = io::read_measurements(path.string()).at(0);
  const auto r =
      analyse_ccd(m, {.area_m2 = 1e-4, .constant_current_a = 0.4e-3, .sweep_duration_s = 3600});
  ASSERT_EQ(r.sweeps.size(), 45u);
  ASSERT_EQ(r.steps.size(), 1u);                                 // one current density throughout
  EXPECT_NEAR(r.steps[0].current_density_a_per_m2, 4.0, 1e-12);  // 0.4 mA/cm²
  EXPECT_FALSE(r.short_ccd_a_per_m2);
  for (const auto& e : r.events) EXPECT_EQ(e.kind, CellEventKind::penetration);
  for (const auto& s : r.sweeps) {
    EXPECT_NEAR(s.duration_s, 3600, 1);
    // Plateaus of 39–133 mV at 0.4 mA/cm²: ASR of 97–335 Ω·cm².
    EXPECT_GT(s.asr_ohm_m2, 0.008);
    EXPECT_LT(s.asr_ohm_m2, 0.035);
    EXPECT_GT(s.plateau_abs_v, 0.03);
  }
  // The first hour: 0.13 V falling to 0.09 V (the first plating through the native film).
  EXPECT_NEAR(r.sweeps[0].plateau_abs_v, 0.106, 0.005);
  // The sudden drops the penetration criterion finds are those of hours 26–28, where |V| flips
  // between ≈ 0.04 and ≈ 0.12 V (soft shorts, what this in-situ study looked for).
  ASSERT_FALSE(r.events.empty());
  EXPECT_GE(r.events.front().sweep, 24u);
  EXPECT_LE(r.events.back().sweep, 28u);
}
