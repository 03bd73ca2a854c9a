#include "solyte/sim/circuit_elements.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "sim/noise.hpp"
#include "solyte/eis/circuit_elements.hpp"
#include "solyte/constants.hpp"
#include "solyte/error.hpp"

namespace solyte::sim {

namespace {

void require_positive(double v, const char* what) {
  if (!std::isfinite(v) || v <= 0)
    throw InvalidArgument(std::string(what) + " must be finite and > 0");
}

void require_omega(double omega) {
  if (!std::isfinite(omega) || omega < 0)
    throw InvalidArgument("angular frequency must be finite and ≥ 0");
}

void require_alpha(double alpha) {
  if (!std::isfinite(alpha) || alpha <= 0 || alpha > 1)
    throw InvalidArgument("CPE exponent α must be in (0, 1]");
}

}  // namespace

std::complex<double> rc_impedance(double r_ohm, double tau_s, double omega_rad_s) {
  require_positive(r_ohm, "R");
  require_positive(tau_s, "τ");
  require_omega(omega_rad_s);
  const double p[] = {r_ohm, tau_s};
  return eis::element_impedance(eis::ElementType::K, p, omega_rad_s);
}

std::complex<double> zarc_impedance(double r_ohm, double q, double alpha, double omega_rad_s) {
  require_positive(r_ohm, "R");
  require_positive(q, "Q");
  require_alpha(alpha);
  require_omega(omega_rad_s);
  const double p[] = {r_ohm, q, alpha};
  return eis::element_impedance(eis::ElementType::RQ, p, omega_rad_s);
}

double zarc_q_from_tau(double r_ohm, double tau_s, double alpha) {
  require_positive(r_ohm, "R");
  require_positive(tau_s, "τ");
  require_alpha(alpha);
  return std::pow(tau_s, alpha) / r_ohm;
}

double zarc_drt(double r_ohm, double tau0_s, double alpha, double tau_s) {
  require_positive(r_ohm, "R");
  require_positive(tau0_s, "τ0");
  require_positive(tau_s, "τ");
  require_alpha(alpha);
  const double y = std::log(tau_s / tau0_s);
  if (alpha == 1) return y == 0 ? std::numeric_limits<double>::infinity() : 0.0;
  const double theta = (1 - alpha) * constants::pi;
  return r_ohm / (2 * constants::pi) * std::sin(theta) / (std::cosh(alpha * y) - std::cos(theta));
}

Spectrum make_spectrum(const std::vector<double>& frequencies_hz,
                       const std::function<std::complex<double>(double omega_rad_s)>& impedance,
                       const Noise& noise) {
  if (!impedance) throw InvalidArgument("make_spectrum: no impedance function");
  Spectrum s;
  s.frequency_hz = frequencies_hz;
  s.impedance_ohm.reserve(frequencies_hz.size());
  for (double f : frequencies_hz) {
    require_positive(f, "frequency");
    s.impedance_ohm.push_back(impedance(2 * constants::pi * f));
  }
  s.meta.format = "simulated";
  s.meta.technique = Technique::impedance;
  validate(s);
  detail::add_relative_noise(s.impedance_ohm, noise);
  return s;
}

Spectrum simulate_circuit(const eis::Circuit& c, std::span<const double> p,
                          const std::vector<double>& frequencies_hz, const Noise& noise) {
  Spectrum s;
  s.frequency_hz = frequencies_hz;
  s.impedance_ohm = c.impedance(p, frequencies_hz);
  s.meta.format = "simulated";
  s.meta.technique = Technique::impedance;
  validate(s);
  detail::add_relative_noise(s.impedance_ohm, noise);
  return s;
}

}  // namespace solyte::sim
