#include "sim/curve_noise.hpp"

#include <cmath>

#include "sim/normal_generator.hpp"
#include "solyte/error.hpp"

namespace solyte::sim::detail {

void add_gaussian_noise(std::span<double> values, double sigma, std::uint64_t seed) {
  if (!std::isfinite(sigma) || sigma < 0)
    throw InvalidArgument("noise standard deviation must be finite and >= 0");
  if (sigma == 0) return;
  NormalGenerator normal(seed);
  for (double& v : values) v += sigma * normal();
}

}  // namespace solyte::sim::detail
