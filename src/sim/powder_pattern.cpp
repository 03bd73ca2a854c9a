#include "solyte/sim/powder_pattern.hpp"

#include <cmath>
#include <string>

#include "sim/normal_generator.hpp"
#include "solyte/error.hpp"

namespace solyte::sim {

Measurement simulate_powder_scan(std::span<const double> x, std::span<const xtal::PowderLine> lines,
                                 const xtal::PatternModel& model, const CountingNoise& noise) {
  const auto pl = xtal::pattern_lines(lines);
  return simulate_powder_scan(x, pl, model, noise);
}

Measurement simulate_powder_scan(std::span<const double> x,
                                 std::span<const xtal::PatternLine> lines,
                                 const xtal::PatternModel& model, const CountingNoise& noise) {
  return powder_scan_from_counts(x, xtal::simulate_pattern(x, lines, model), model.radiation,
                                 noise);
}

Measurement powder_scan_from_counts(std::span<const double> x, std::vector<double> y,
                                    const xtal::Radiation& radiation, const CountingNoise& noise) {
  if (y.size() != x.size())
    throw InvalidArgument("powder scan: " + std::to_string(y.size()) + " counts for " +
                          std::to_string(x.size()) + " angles");
  std::vector<double> sigma(y.size());
  if (noise.counting) {
    detail::NormalGenerator normal(noise.seed);
    for (std::size_t i = 0; i < y.size(); ++i) {
      if (y[i] < 0)
        throw InvalidArgument("the model is negative at 2θ = " + std::to_string(x[i]) +
                              "°; counting noise needs counts >= 0");
      y[i] = std::max(0.0, std::round(y[i] + std::sqrt(y[i]) * normal()));
    }
  }
  for (std::size_t i = 0; i < y.size(); ++i) sigma[i] = std::sqrt(std::max(y[i], 1.0));
  Measurement m;
  m.meta.source_file = "synthetic powder scan";
  m.meta.format = "synthetic";
  m.meta.technique = Technique::diffraction;
  m.meta.wavelength_angstrom = radiation.lambda1;
  if (radiation.ratio > 0) {
    m.meta.wavelength2_angstrom = radiation.lambda2;
    m.meta.kalpha2_ratio = radiation.ratio;
  }
  m.add(Quantity::two_theta, std::vector<double>(x.begin(), x.end()));
  m.add(Quantity::intensity, std::move(y));
  m.add(Quantity::intensity_sigma, std::move(sigma));
  return m;
}

}  // namespace solyte::sim
