// Gaussian noise relative to |Z|, on Re and Im independently: the one noise model of the
// impedance simulators (reproducible per seed, see normal_generator.hpp).
#pragma once

#include <complex>
#include <vector>

#include "solyte/sim/pellet_impedance.hpp"

namespace solyte::sim::detail {

/// Adds N(0, (relative·|Z|)²) to Re and Im of every value. Throws InvalidArgument for a
/// negative or non-finite level.
void add_relative_noise(std::vector<std::complex<double>>& z, const Noise& noise);

}  // namespace solyte::sim::detail
