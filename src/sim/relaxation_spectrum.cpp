#include "solyte/sim/relaxation_spectrum.hpp"

#include <cmath>

#include "sim/noise.hpp"
#include "solyte/constants.hpp"
#include "solyte/error.hpp"

namespace solyte::sim {

Spectrum simulate_relaxation(const RelaxingBulk& bulk, const PelletGeometry& g,
                             const std::vector<double>& frequencies_hz, const Noise& noise) {
  if (!(bulk.m_inf > 0) || !(bulk.tau_s > 0))
    throw InvalidArgument("relaxing bulk: M_inf and tau must be positive");
  if (!g.valid()) throw InvalidArgument("relaxing bulk: geometry needs area and thickness");
  if (bulk.electrode_q && !(*bulk.electrode_q > 0))
    throw InvalidArgument("relaxing bulk: electrode Q must be positive");
  const double c0 = g.vacuum_capacitance_f();
  Spectrum s;
  for (double f : frequencies_hz) {
    if (!(f > 0) || !std::isfinite(f))
      throw InvalidArgument("relaxing bulk: frequencies must be positive and finite");
    const double w = 2 * constants::pi * f;
    const std::complex<double> iw(0.0, w);
    std::complex<double> z =
        relax::electric_modulus(bulk.model, bulk.m_inf, bulk.tau_s, bulk.shape, w) / (iw * c0);
    if (bulk.electrode_q)
      z += 1.0 / (*bulk.electrode_q * std::polar(std::pow(w, bulk.electrode_alpha),
                                                 constants::pi * bulk.electrode_alpha / 2));
    s.frequency_hz.push_back(f);
    s.impedance_ohm.push_back(z);
  }
  detail::add_relative_noise(s.impedance_ohm, noise);
  s.meta.format = "simulated";
  s.meta.technique = Technique::impedance;
  s.meta.geometry = g;
  return s;
}

}  // namespace solyte::sim
