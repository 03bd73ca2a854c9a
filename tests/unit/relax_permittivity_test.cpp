// Permittivity-representation fits. Reference: spectra written from the model itself,
// Z = 1/(iωC0·ε*_c) with ε*_c = ε' − iε'' and ε* = ε∞ + Δε·F* − iσ/(ε0ω) (closed form), so
// the fit must return the parameters it was made with.
#include "solyte/relax/permittivity_fit.hpp"

#include <gtest/gtest.h>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "solyte/sim/pellet_impedance.hpp"

using namespace solyte;
using relax::RelaxationModel;

namespace {
const PelletGeometry kPellet = PelletGeometry::from_diameter(10e-3, 0.5e-3);

Spectrum from_permittivity(RelaxationModel m, double eps_inf, double delta, double tau,
                           relax::Shape shape, double sigma) {
  Spectrum s;
  const double c0 = kPellet.vacuum_capacitance_f();
  for (double f : sim::log_frequencies(1e-1, 1e7, 10)) {
    const double w = 2 * constants::pi * f;
    const auto e = relax::permittivity(m, eps_inf, delta, tau, shape, w);   // (ε', ε'')
    const std::complex<double> ec(e.real(), -(e.imag() + sigma / (constants::vacuum_permittivity_f_per_m * w)));
    s.frequency_hz.push_back(f);
    s.impedance_ohm.push_back(1.0 / (std::complex<double>(0, w * c0) * ec));
  }
  s.meta.geometry = kPellet;
  return s;
}
}  // namespace

TEST(RelaxPermittivity, HavriliakNegamiWithConductionRoundTrip) {
  const auto s = from_permittivity(RelaxationModel::havriliak_negami, 8, 30, 1e-4,
                                   {.alpha = 0.8, .gamma = 0.6}, 1e-7);
  const auto r = relax::fit_permittivity(s, kPellet);
  ASSERT_TRUE(r.report.usable()) << r.message;
  EXPECT_NEAR(r.eps_inf / 8, 1.0, 1e-3);
  EXPECT_NEAR(r.delta_eps / 30, 1.0, 1e-3);
  EXPECT_NEAR(r.tau_s / 1e-4, 1.0, 1e-3);
  EXPECT_NEAR(r.shape.alpha, 0.8, 1e-3);
  EXPECT_NEAR(r.shape.gamma, 0.6, 1e-3);
  ASSERT_TRUE(r.sigma_dc_s_per_m);
  EXPECT_NEAR(*r.sigma_dc_s_per_m / 1e-7, 1.0, 1e-3);
}

TEST(RelaxPermittivity, DebyeAndColeColeWithoutConduction) {
  for (auto m : {RelaxationModel::debye, RelaxationModel::cole_cole}) {
    const relax::Shape shape{.alpha = m == RelaxationModel::cole_cole ? 0.7 : 1.0};
    const auto s = from_permittivity(m, 5, 12, 3e-3, shape, 0);
    const auto r = relax::fit_permittivity(s, kPellet, {.model = m, .conduction = false});
    ASSERT_TRUE(r.report.usable()) << r.message;
    EXPECT_NEAR(r.tau_s / 3e-3, 1.0, 1e-3) << relax::to_string(m);
    EXPECT_NEAR(r.delta_eps / 12, 1.0, 1e-3) << relax::to_string(m);
    EXPECT_NEAR(r.shape.alpha, shape.alpha, 1e-3) << relax::to_string(m);
    EXPECT_FALSE(r.sigma_dc_s_per_m);
  }
}

TEST(RelaxPermittivity, RejectsBadWindow) {
  const auto s = from_permittivity(RelaxationModel::debye, 5, 12, 3e-3, {}, 0);
  EXPECT_THROW(relax::fit_permittivity(s, kPellet, {.f_min_hz = 1e3, .f_max_hz = 2e3}),
               InvalidArgument);
}
