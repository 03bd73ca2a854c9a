// Additive Gaussian noise of a fixed standard deviation, for the curve simulators (CV, cycling,
// DSC, spectra); reproducible per seed (normal_generator.hpp).
#pragma once

#include <cstdint>
#include <span>

namespace solyte::sim::detail {

/// Adds N(0, σ²) to every value. Throws InvalidArgument for a negative or non-finite σ.
void add_gaussian_noise(std::span<double> values, double sigma, std::uint64_t seed);

}  // namespace solyte::sim::detail
