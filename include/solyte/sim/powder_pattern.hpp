// Synthetic powder-diffraction scans for round trips: the pattern model of xtal/pattern.hpp on a
// 2θ grid, with counting noise, as the Measurement record a diffraction reader produces.
//
//   auto lines = xtal::powder_lines(lab6, {.two_theta_min_deg = 15, .two_theta_max_deg = 125});
//   Measurement m = sim::simulate_powder_scan(xtal::uniform_grid(15, 125, 0.01), lines, model,
//                                             {.counting = true, .seed = 7});
//   m.require(Quantity::two_theta).values;   // deg
//   m.require(Quantity::intensity).values;   // counts
//
// Noise: counting statistics in the normal approximation, y + √y·N(0, 1) rounded to whole
// counts and clipped at 0 (adequate above ~20 counts per point; reproducible per seed through
// sim's Box–Muller generator); intensity_sigma = √max(y_obs, 1).
// Failures: as xtal::simulate_pattern; InvalidArgument for a negative model value when noise is
// requested.
#pragma once

#include <cstdint>
#include <span>

#include "solyte/core/measurement.hpp"
#include "solyte/xtal/pattern.hpp"

namespace solyte::sim {

struct CountingNoise {
  bool counting = false;
  std::uint64_t seed = 1;
};

Measurement simulate_powder_scan(std::span<const double> two_theta_deg,
                                 std::span<const xtal::PowderLine> lines,
                                 const xtal::PatternModel& model, const CountingNoise& noise = {});
Measurement simulate_powder_scan(std::span<const double> two_theta_deg,
                                 std::span<const xtal::PatternLine> lines,
                                 const xtal::PatternModel& model, const CountingNoise& noise = {});

/// A scan whose expected counts at each 2θ are given (e.g. several phases and an amorphous
/// hump summed by the caller), with the same noise and record as above; `radiation` goes into
/// the metadata. InvalidArgument for sizes that differ or, with noise, a negative count.
Measurement powder_scan_from_counts(std::span<const double> two_theta_deg,
                                    std::vector<double> expected_counts,
                                    const xtal::Radiation& radiation,
                                    const CountingNoise& noise = {});

}  // namespace solyte::sim
