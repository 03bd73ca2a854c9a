// Forward model of a pellet's impedance (bulk, grain boundary, blocking electrode).
#include "solyte/sim/pellet_impedance.hpp"

#include <cmath>
#include <complex>
#include <string>

#include "sim/noise.hpp"
#include "solyte/eis/circuit_elements.hpp"
#include "solyte/constants.hpp"
#include "solyte/error.hpp"

namespace solyte::sim {

namespace {

using cplx = std::complex<double>;

bool positive(double v) { return std::isfinite(v) && v > 0; }

void validate(const PelletCell& c) {
  if (!c.geometry.valid() || !std::isfinite(c.geometry.area_m2) ||
      !std::isfinite(c.geometry.thickness_m))
    throw InvalidArgument("pellet: geometry needs a positive area and thickness");
  if (!positive(c.bulk_permittivity))
    throw InvalidArgument("pellet: bulk permittivity must be positive");
  auto alpha_ok = [](double a) { return std::isfinite(a) && a > 0 && a <= 1; };
  if (!alpha_ok(c.bulk_alpha)) throw InvalidArgument("pellet: bulk_alpha must lie in (0, 1]");
  if (c.gb_resistance_ratio) {
    if (!positive(*c.gb_resistance_ratio))
      throw InvalidArgument("pellet: gb_resistance_ratio must be positive");
    if (!positive(c.gb_capacitance_f))
      throw InvalidArgument("pellet: gb_capacitance_f must be positive");
    if (!alpha_ok(c.gb_alpha)) throw InvalidArgument("pellet: gb_alpha must lie in (0, 1]");
  }
  if (c.electrode_q) {
    if (!positive(*c.electrode_q)) throw InvalidArgument("pellet: electrode_q must be positive");
    if (!alpha_ok(c.electrode_alpha))
      throw InvalidArgument("pellet: electrode_alpha must lie in (0, 1]");
  }
  if (!std::isfinite(c.series_resistance_ohm) || c.series_resistance_ohm < 0)
    throw InvalidArgument("pellet: series resistance must be finite and ≥ 0");
}

/// R ‖ CPE(Q, α) = R / (1 + R·Q·(iω)^α) (the RQ element of eis/circuit_elements.hpp). With
/// Q = C^α·R^(α−1) the relaxation frequency (R·Q)^(−1/α) equals 1/(R·C) of the ideal R ‖ C
/// (METHODS.md §8 convention for the CPE).
cplx r_parallel_cpe(double r, double c, double alpha, double omega) {
  const double q = alpha == 1.0 ? c : std::pow(c, alpha) * std::pow(r, alpha - 1);
  const double p[] = {r, q, alpha};
  return eis::element_impedance(eis::ElementType::RQ, p, omega);
}

void check_frequencies(const std::vector<double>& f) {
  if (f.empty()) throw InvalidArgument("pellet: no frequencies given");
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!positive(f[i]))
      throw InvalidArgument("pellet: frequency " + std::to_string(i + 1) +
                            " must be positive and finite");
    const bool ascending = f.size() > 1 && f[1] > f[0];
    if (i >= 1 && !(ascending ? f[i] > f[i - 1] : f[i] < f[i - 1]))
      throw InvalidArgument("pellet: frequencies must be strictly monotonic (at point " +
                            std::to_string(i + 1) + ")");
  }
}

}  // namespace

std::vector<double> log_frequencies(double f_min_hz, double f_max_hz, int per_decade) {
  if (!positive(f_min_hz) || !positive(f_max_hz) || !(f_max_hz > f_min_hz))
    throw InvalidArgument("log_frequencies: need 0 < f_min < f_max, both finite");
  if (per_decade < 1) throw InvalidArgument("log_frequencies: per_decade must be at least 1");
  const double e_max = std::log10(f_max_hz), e_min = std::log10(f_min_hz);
  const long steps = std::max(1L, std::lround((e_max - e_min) * per_decade));
  std::vector<double> f(static_cast<std::size_t>(steps) + 1);
  // Exponents interpolated between the ends, so whole decades come out as exact powers of ten.
  for (long i = 0; i <= steps; ++i)
    f[static_cast<std::size_t>(i)] =
        std::pow(10.0, (e_max * static_cast<double>(steps - i) + e_min * static_cast<double>(i)) /
                           static_cast<double>(steps));
  f.front() = f_max_hz;
  f.back() = f_min_hz;
  return f;
}

std::complex<double> pellet_impedance(const PelletCell& cell, double sigma_bulk_s_per_m,
                                      double omega_rad_s) {
  validate(cell);
  if (!positive(sigma_bulk_s_per_m))
    throw InvalidArgument("pellet: bulk conductivity must be positive and finite");
  if (!positive(omega_rad_s)) throw InvalidArgument("pellet: ω must be positive and finite");
  // R_b = K/σ with K = L/A; C_b = ε_r·ε0·A/L (METHODS.md §1).
  const double r_b = cell.geometry.cell_constant_per_m() / sigma_bulk_s_per_m;
  const double c_b = cell.bulk_permittivity * cell.geometry.vacuum_capacitance_f();
  cplx z = cell.series_resistance_ohm + r_parallel_cpe(r_b, c_b, cell.bulk_alpha, omega_rad_s);
  if (cell.gb_resistance_ratio)
    z += r_parallel_cpe(*cell.gb_resistance_ratio * r_b, cell.gb_capacitance_f, cell.gb_alpha,
                        omega_rad_s);
  if (cell.electrode_q) {
    const double p[] = {*cell.electrode_q, cell.electrode_alpha};
    z += eis::element_impedance(eis::ElementType::CPE, p, omega_rad_s);
  }
  return z;
}

Spectrum simulate_pellet(const PelletCell& cell, double sigma_bulk_s_per_m,
                         const std::vector<double>& frequencies_hz, const Noise& noise) {
  validate(cell);
  check_frequencies(frequencies_hz);
  Spectrum s;
  s.frequency_hz = frequencies_hz;
  s.impedance_ohm.reserve(frequencies_hz.size());
  for (double f : frequencies_hz)
    s.impedance_ohm.push_back(pellet_impedance(cell, sigma_bulk_s_per_m, 2 * constants::pi * f));
  detail::add_relative_noise(s.impedance_ohm, noise);
  s.meta.format = "simulated";
  s.meta.technique = Technique::impedance;
  s.meta.geometry = cell.geometry;
  return s;
}

std::vector<Spectrum> simulate_temperature_series(const PelletCell& cell,
                                                  const ConductivityLaw& law,
                                                  const std::vector<double>& temperatures_k,
                                                  const std::vector<double>& frequencies_hz,
                                                  const Noise& noise) {
  std::vector<Spectrum> out;
  out.reserve(temperatures_k.size());
  for (std::size_t i = 0; i < temperatures_k.size(); ++i) {
    const double t = temperatures_k[i];
    Noise ni = noise;
    ni.seed = noise.seed + i;
    Spectrum s = simulate_pellet(cell, law.sigma_s_per_m(t), frequencies_hz, ni);
    s.meta.temperature_k = t;
    s.meta.temperature_source = TemperatureSource::option;
    s.meta.index_in_file = i;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace solyte::sim
