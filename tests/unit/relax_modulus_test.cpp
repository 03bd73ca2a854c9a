// Electric-modulus fits (METHODS.md §7). References: the simulation parameters of spectra
// made by sim/relaxation_spectrum (round trips), closed forms (Debye: M'' peak at ωτ = 1 with
// height M∞/2), and the paper's peak positions (METHODS §7: β = 0.60, τ = 3.94 ms → 31.63 Hz;
// β = 0.66, τ = 4.66 ms → 27.75 Hz, from x_p = 0.78299 and 0.81248).
#include "solyte/relax/modulus_fit.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "solyte/constants.hpp"
#include "solyte/eis/dc_conductivity.hpp"
#include "solyte/error.hpp"
#include "solyte/sim/relaxation_spectrum.hpp"

using namespace solyte;
using relax::RelaxationModel;

namespace {

const PelletGeometry kPellet = PelletGeometry::from_diameter(10e-3, 0.5e-3);
const std::vector<double> kFreqs = sim::log_frequencies(1e-2, 1e7, 10);   // 91 points

Spectrum kww_spectrum(double beta, double tau, bool electrode, double noise, std::uint64_t seed) {
  sim::RelaxingBulk b{.model = RelaxationModel::kww, .m_inf = 0.08, .tau_s = tau,
                      .shape = {.beta = beta}};
  if (electrode) b.electrode_q = 2e-6;
  return sim::simulate_relaxation(b, kPellet, kFreqs, {.relative = noise, .seed = seed});
}

}  // namespace

TEST(RelaxModulus, DebyeExact) {
  sim::RelaxingBulk b{.model = RelaxationModel::debye, .m_inf = 0.1, .tau_s = 2e-4};
  const auto s = sim::simulate_relaxation(b, kPellet, kFreqs);
  const auto r = relax::fit_modulus(s, kPellet, {.model = RelaxationModel::debye});
  ASSERT_TRUE(r.report.usable()) << r.message;
  EXPECT_NEAR(r.m_inf / 0.1, 1.0, 1e-6);
  EXPECT_NEAR(r.tau_s / 2e-4, 1.0, 1e-6);
  // Closed form: peak at ωτ = 1, height M∞/2.
  EXPECT_NEAR(r.peak_frequency_hz * 2 * constants::pi * 2e-4, 1.0, 1e-6);
  EXPECT_NEAR(r.peak_height, 0.05, 1e-7);
  ASSERT_TRUE(r.sigma_dc_s_per_m);
  EXPECT_NEAR(*r.sigma_dc_s_per_m / (constants::vacuum_permittivity_f_per_m / (0.1 * 2e-4)), 1.0,
              1e-6);
}

// The paper's two cases, exact data: β and τ recovered, and the peak where METHODS §7 puts it.
TEST(RelaxModulus, KwwPaperCasesExact) {
  struct Case { double beta, tau, f_peak; };
  for (const Case& c : {Case{0.60, 3.94e-3, 31.63}, Case{0.66, 4.66e-3, 27.75}}) {
    const auto r = relax::fit_modulus(kww_spectrum(c.beta, c.tau, false, 0, 1), kPellet);
    ASSERT_TRUE(r.report.usable()) << r.message;
    EXPECT_NEAR(r.shape.beta, c.beta, 1e-4);
    EXPECT_NEAR(r.tau_s / c.tau, 1.0, 1e-4);
    EXPECT_NEAR(r.peak_frequency_hz, c.f_peak, 0.01);
    ASSERT_TRUE(r.coupling_n);
    EXPECT_NEAR(*r.coupling_n, 1 - c.beta, 1e-4);
    EXPECT_NEAR(r.mean_tau_s / (c.tau * std::tgamma(1 / c.beta) / c.beta), 1.0, 1e-4);
  }
}

// Issue acceptance: with and without a blocking-electrode CPE in series and 0.3 % noise,
// β within 0.005 and τ within 1 %, for several seeds.
TEST(RelaxModulus, KwwNoisyWithAndWithoutElectrode) {
  for (bool electrode : {false, true})
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
      const auto s = kww_spectrum(0.60, 3.94e-3, electrode, 0.003, seed);
      const auto r = relax::fit_modulus(s, kPellet);
      ASSERT_TRUE(r.report.usable()) << r.message;
      EXPECT_NEAR(r.shape.beta, 0.60, 0.005) << "electrode " << electrode << " seed " << seed;
      EXPECT_NEAR(r.tau_s / 3.94e-3, 1.0, 0.01) << "electrode " << electrode << " seed " << seed;
      EXPECT_LT(std::abs(r.shape.beta - 0.60), 4 * r.shape_err.beta + 1e-4);
    }
}

// The modulus DC conductivity ε0/(M∞⟨τ⟩) is the conductivity the spectrum really has: the
// plateau of σ' agrees (METHODS §7 cross-check).
TEST(RelaxModulus, KwwSigmaMatchesPlateau) {
  const auto s = kww_spectrum(0.66, 4.66e-3, true, 0, 1);
  const auto r = relax::fit_modulus(s, kPellet);
  const auto p = eis::dc_conductivity(s, kPellet);
  ASSERT_TRUE(r.sigma_dc_s_per_m);
  ASSERT_TRUE(p.sigma_s_per_m) << p.message;
  EXPECT_NEAR(*r.sigma_dc_s_per_m / *p.sigma_s_per_m, 1.0, 0.02);
}

TEST(RelaxModulus, OtherModelsRoundTrip) {
  struct Case { RelaxationModel m; relax::Shape shape; };
  for (const Case& c : {Case{RelaxationModel::cole_cole, {.alpha = 0.8}},
                        Case{RelaxationModel::cole_davidson, {.gamma = 0.6}},
                        Case{RelaxationModel::havriliak_negami, {.alpha = 0.85, .gamma = 0.7}}}) {
    sim::RelaxingBulk b{.model = c.m, .m_inf = 0.1, .tau_s = 1e-4, .shape = c.shape};
    const auto s = sim::simulate_relaxation(b, kPellet, kFreqs);
    const auto r = relax::fit_modulus(s, kPellet, {.model = c.m, .fit_real_part = true});
    ASSERT_TRUE(r.report.usable()) << relax::to_string(c.m) << ": " << r.message;
    EXPECT_NEAR(r.tau_s / 1e-4, 1.0, 1e-3) << relax::to_string(c.m);
    EXPECT_NEAR(r.shape.alpha, c.shape.alpha, 1e-3) << relax::to_string(c.m);
    EXPECT_NEAR(r.shape.gamma, c.shape.gamma, 1e-3) << relax::to_string(c.m);
  }
}

// Time–temperature superposition: one β at three τ collapses (RMS ≈ 0); a different β does not.
TEST(RelaxModulus, ScalingCollapse) {
  std::vector<Spectrum> same, mixed;
  for (double tau : {1e-5, 1e-4, 1e-3}) same.push_back(kww_spectrum(0.6, tau, false, 0, 1));
  mixed = same;
  mixed.push_back(kww_spectrum(0.95, 1e-4, false, 0, 1));
  const std::vector<PelletGeometry> g3(3, kPellet), g4(4, kPellet);
  const auto a = relax::modulus_scaling(same, g3);
  const auto b = relax::modulus_scaling(mixed, g4);
  EXPECT_LT(a.collapse_rms, 0.01);
  EXPECT_GT(b.collapse_rms, 3 * a.collapse_rms);
  EXPECT_GT(b.collapse_rms, 0.02);
}

TEST(RelaxModulus, RejectsBadInput) {
  const auto s = kww_spectrum(0.6, 1e-3, false, 0, 1);
  EXPECT_THROW(relax::fit_modulus(s, kPellet, {.f_min_hz = 1e3, .f_max_hz = 2e3}), InvalidArgument);
  EXPECT_THROW(relax::fit_modulus(s, kPellet, {.f_min_hz = 1e3, .f_max_hz = 1e2}), InvalidArgument);
  EXPECT_THROW(relax::fit_modulus(s, PelletGeometry{}), InvalidArgument);
  EXPECT_THROW(relax::parse_relaxation_model("lorentz"), InvalidArgument);
  EXPECT_THROW(relax::relaxation_response(RelaxationModel::kww, 1.0, {.beta = 1.5}), InvalidArgument);
}
