// Impedance spectra of a pellet whose bulk relaxes with a given electric-modulus model (KWW,
// Debye, Cole–Cole, Cole–Davidson, Havriliak–Negami), optionally with a blocking-electrode
// CPE in series, for round trips of the modulus analysis.
//
//   auto s = solyte::sim::simulate_relaxation(
//       {.model = RelaxationModel::kww, .m_inf = 0.05, .tau_s = 4.66e-3,
//        .shape = {.beta = 0.66}}, geometry, sim::log_frequencies(1e-2, 1e7, 10));
//
// Bulk: Z_b = M*(ω)/(iωC0), C0 = ε0A/L (METHODS.md §1), M* from relax::electric_modulus.
// Electrode: Z_el = 1/(Q(iω)^α). Noise as in pellet_impedance.hpp (relative to |Z|).
#pragma once

#include <optional>
#include <vector>

#include "solyte/core/spectrum.hpp"
#include "solyte/relax/relaxation_functions.hpp"
#include "solyte/sim/pellet_impedance.hpp"

namespace solyte::sim {

struct RelaxingBulk {
  relax::RelaxationModel model = relax::RelaxationModel::kww;
  double m_inf = 0.05;          ///< M∞ = 1/ε∞
  double tau_s = 1e-3;
  relax::Shape shape;
  std::optional<double> electrode_q;   ///< blocking CPE in series, F·s^(α−1)
  double electrode_alpha = 0.9;
};

/// Throws InvalidArgument for non-positive M∞, τ, geometry or frequencies.
Spectrum simulate_relaxation(const RelaxingBulk& bulk, const PelletGeometry& g,
                             const std::vector<double>& frequencies_hz, const Noise& noise = {});

}  // namespace solyte::sim
