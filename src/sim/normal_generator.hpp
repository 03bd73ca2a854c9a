// Reproducible standard-normal deviates, private to the simulators (and usable by tests).
//
// std::normal_distribution's algorithm is unspecified, so the same seed gives different
// numbers with libstdc++ and libc++; the Box–Muller transform on std::mt19937_64 (whose output
// is fully specified by the standard) gives the same sequence everywhere up to the last-bit
// differences of the platform's log, sin and cos. G. E. P. Box and M. E. Muller, Ann. Math.
// Statist. 29(2), 610 (1958).
#pragma once

#include <cmath>
#include <cstdint>
#include <random>

#include "solyte/constants.hpp"

namespace solyte::sim::detail {

class NormalGenerator {
 public:
  explicit NormalGenerator(std::uint64_t seed) : engine_(seed) {}

  /// The next N(0, 1) deviate. Deviates come in pairs from one Box–Muller step.
  double operator()() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double u1 = 1.0 - uniform();  // (0, 1]: log(u1) is finite
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * constants::pi * u2;
    spare_ = radius * std::sin(angle);
    has_spare_ = true;
    return radius * std::cos(angle);
  }

 private:
  /// Uniform on [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  std::mt19937_64 engine_;
  double spare_ = 0;
  bool has_spare_ = false;
};

}  // namespace solyte::sim::detail
