// Impedance representations (METHODS.md §1). References are closed forms for an ideal
// R‖C element: σ' = K/R at every frequency, ε' = C/C0, tan δ = 1/(ωRC), and the modulus
// peak at ωRC = 1 with M''max = C0/(2C) (Macdonald & Barsoukov 2018, §2.1.2.3).
#include "solyte/eis/representations.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"

using namespace solyte;

namespace {
Spectrum parallel_rc(double r, double c, const std::vector<double>& freqs) {
  Spectrum s;
  s.meta.source_file = "rc";
  for (double f : freqs) {
    const double w = 2 * constants::pi * f;
    s.frequency_hz.push_back(f);
    s.impedance_ohm.push_back(r / std::complex<double>(1.0, w * r * c));
  }
  return s;
}
std::vector<double> log_grid(double lo, double hi, int n) {
  std::vector<double> f;
  for (int i = 0; i < n; ++i) f.push_back(lo * std::pow(hi / lo, double(i) / (n - 1)));
  return f;
}
}  // namespace

TEST(EisRepresentations, ParallelRcClosedForms) {
  const double r = 1e5, c = 1e-10;
  const auto g = PelletGeometry::from_diameter(10e-3, 0.5e-3);
  const auto s = parallel_rc(r, c, log_grid(1e-1, 1e7, 81));
  const auto t = eis::representations(s, g);
  const double k = g.cell_constant_per_m();
  const double c0 = g.vacuum_capacitance_f();
  for (std::size_t i = 0; i < s.size(); ++i) {
    const double w = 2 * constants::pi * s.frequency_hz[i];
    EXPECT_NEAR(t.conductivity_s_per_m[i].real(), k / r, 1e-12 * k / r);
    EXPECT_NEAR(t.conductivity_s_per_m[i].imag(), k * w * c, 1e-9 * k * w * c);
    EXPECT_NEAR(t.permittivity[i].real(), c / c0, 1e-9 * c / c0);
    EXPECT_NEAR(t.permittivity[i].imag(), k / (r * w * constants::vacuum_permittivity_f_per_m),
                1e-9 * t.permittivity[i].imag());
    EXPECT_NEAR(t.loss_tangent[i], 1.0 / (w * r * c), 1e-9 / (w * r * c));
    // M* = iωC0·Z*, and M*·ε* = 1.
    const std::complex<double> eps(t.permittivity[i].real(), -t.permittivity[i].imag());
    EXPECT_NEAR(std::abs(t.modulus[i] * eps - 1.0), 0.0, 1e-12);
    EXPECT_NEAR(std::abs(t.admittance_s[i] * s.impedance_ohm[i] - 1.0), 0.0, 1e-12);
  }
}

TEST(EisRepresentations, ModulusPeakOfDebyeElement) {
  const double r = 2e4, c = 5e-11;
  const auto g = PelletGeometry::from_diameter(8e-3, 2.1e-3);
  const double f_peak = 1.0 / (2 * constants::pi * r * c);
  const auto s = parallel_rc(r, c, {f_peak * 0.999, f_peak, f_peak * 1.001});
  const auto t = eis::representations(s, g);
  const double expected = g.vacuum_capacitance_f() / (2 * c);
  EXPECT_NEAR(t.modulus[1].imag(), expected, 1e-12 * expected);
  EXPECT_GT(t.modulus[1].imag(), t.modulus[0].imag());
  EXPECT_GT(t.modulus[1].imag(), t.modulus[2].imag());
}

TEST(EisRepresentations, RejectsBadInput) {
  auto s = parallel_rc(1e3, 1e-9, {1e3, 1e4});
  EXPECT_THROW(eis::representations(s, PelletGeometry{}), InvalidArgument);
  s.impedance_ohm[1] = {0.0, 0.0};
  EXPECT_THROW(eis::representations(s, PelletGeometry::from_diameter(1e-2, 1e-3)),
               InvalidArgument);
  s.frequency_hz[1] = -1;
  EXPECT_THROW(eis::representations(s, PelletGeometry::from_diameter(1e-2, 1e-3)),
               InvalidArgument);
}
