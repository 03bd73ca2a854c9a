#include "solyte/eis/representations.hpp"

#include <cmath>
#include <string>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"

namespace solyte::eis {

namespace {
void check_geometry(const Spectrum& s, const PelletGeometry& g) {
  if (!g.valid())
    throw InvalidArgument(s.label() +
                          ": pellet geometry needs a positive area and thickness (give "
                          "--diameter and --thickness)");
}
void check_nonzero(const Spectrum& s, std::size_t i) {
  if (s.impedance_ohm[i] == std::complex<double>(0.0, 0.0))
    throw InvalidArgument(s.label() + ": point " + std::to_string(i + 1) +
                          " has Z = 0; its admittance is infinite");
}
}  // namespace

Representations representations(const Spectrum& s, const PelletGeometry& g) {
  validate(s);
  check_geometry(s, g);
  const double k = g.cell_constant_per_m();
  const double c0 = g.vacuum_capacitance_f();
  const double eps0 = constants::vacuum_permittivity_f_per_m;
  const std::size_t n = s.size();

  Representations r;
  r.frequency_hz = s.frequency_hz;
  r.impedance_ohm = s.impedance_ohm;
  r.admittance_s.resize(n);
  r.conductivity_s_per_m.resize(n);
  r.permittivity.resize(n);
  r.modulus.resize(n);
  r.loss_tangent.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    check_nonzero(s, i);
    const double omega = 2.0 * constants::pi * s.frequency_hz[i];
    const std::complex<double> z = s.impedance_ohm[i];
    const std::complex<double> y = 1.0 / z;
    const std::complex<double> sigma = k * y;
    // ε* = σ*/(iωε0) = σ''/(ωε0) − iσ'/(ωε0): ε' = σ''/(ωε0), ε'' = σ'/(ωε0).
    const double eps_real = sigma.imag() / (omega * eps0);
    const double eps_loss = sigma.real() / (omega * eps0);
    r.admittance_s[i] = y;
    r.conductivity_s_per_m[i] = sigma;
    r.permittivity[i] = {eps_real, eps_loss};
    r.modulus[i] = std::complex<double>(0.0, omega * c0) * z;
    r.loss_tangent[i] = eps_loss / eps_real;
  }
  return r;
}

void real_conductivity(const Spectrum& s, const PelletGeometry& g, std::vector<double>& out) {
  check_geometry(s, g);
  const double k = g.cell_constant_per_m();
  out.resize(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::complex<double> z = s.impedance_ohm[i];
    const double mod2 = std::norm(z);
    if (mod2 == 0.0) check_nonzero(s, i);
    out[i] = k * z.real() / mod2;
  }
}

}  // namespace solyte::eis
