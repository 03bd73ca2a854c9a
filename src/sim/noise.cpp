#include "sim/noise.hpp"

#include <cmath>

#include "sim/normal_generator.hpp"
#include "solyte/error.hpp"

namespace solyte::sim::detail {

void add_relative_noise(std::vector<std::complex<double>>& z, const Noise& noise) {
  if (!std::isfinite(noise.relative) || noise.relative < 0)
    throw InvalidArgument("relative noise must be finite and ≥ 0");
  if (noise.relative == 0) return;
  NormalGenerator normal(noise.seed);
  for (auto& v : z) {
    const double sd = noise.relative * std::abs(v);
    const double re = normal(), im = normal();
    v += std::complex<double>(sd * re, sd * im);
  }
}

}  // namespace solyte::sim::detail
