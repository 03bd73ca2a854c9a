#include "solyte/core/spectrum.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"

namespace solyte {

std::string Spectrum::label() const {
  std::string name = meta.source_file.empty() ? std::string("<spectrum>") : meta.source_file;
  if (meta.index_in_file > 0) name += "#" + std::to_string(meta.index_in_file + 1);
  return name;
}

void validate(const Spectrum& s, std::size_t min_points) {
  const std::string name = s.label();
  if (s.frequency_hz.size() != s.impedance_ohm.size())
    throw InvalidArgument(name + ": " + std::to_string(s.frequency_hz.size()) +
                          " frequencies but " + std::to_string(s.impedance_ohm.size()) +
                          " impedance values");
  if (s.size() < min_points)
    throw InvalidArgument(name + ": " + std::to_string(s.size()) + " points, need at least " +
                          std::to_string(min_points));
  int direction = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const double f = s.frequency_hz[i];
    if (!std::isfinite(f) || !(f > 0))
      throw InvalidArgument(name + ": point " + std::to_string(i + 1) + " has frequency " +
                            std::to_string(f) + " Hz; frequencies must be positive");
    if (!std::isfinite(s.impedance_ohm[i].real()) || !std::isfinite(s.impedance_ohm[i].imag()))
      throw InvalidArgument(name + ": point " + std::to_string(i + 1) +
                            " has a non-finite impedance");
    if (i == 0) continue;
    const double prev = s.frequency_hz[i - 1];
    const int step = f > prev ? 1 : (f < prev ? -1 : 0);
    if (step == 0 || (direction != 0 && step != direction))
      throw InvalidArgument(name + ": frequencies are not strictly monotonic at point " +
                            std::to_string(i + 1) + " (" + std::to_string(f) + " Hz after " +
                            std::to_string(prev) + " Hz)");
    direction = step;
  }
}

Spectrum sorted_by_frequency(const Spectrum& s) {
  std::vector<std::size_t> order(s.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return s.frequency_hz[a] < s.frequency_hz[b];
  });
  Spectrum out;
  out.meta = s.meta;
  out.frequency_hz.reserve(s.size());
  out.impedance_ohm.reserve(s.size());
  for (auto i : order) {
    out.frequency_hz.push_back(s.frequency_hz[i]);
    out.impedance_ohm.push_back(s.impedance_ohm[i]);
  }
  return out;
}

}  // namespace solyte
