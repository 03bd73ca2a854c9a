// Galvanostatic cycling of a symmetric cell (Na | SE | Na) through a critical-current-density
// schedule, with dendrite penetration and short-circuit events, for round trips of the CCD
// analysis (METHODS.md §11; docs/methods.md §11).
//
//   auto protocol = solyte::echem::design_ccd_protocol({.c_rates = {0.1, 0.25, 0.5, 1, 1.25}});
//   solyte::sim::SymmetricCell cell;
//   cell.events = {{.step = 2, .sweep = 1, .fraction = 0.5, .asr_factor = 0.5},    // penetration
//                  {.step = 4, .sweep = 1, .fraction = 0.3, .short_circuit = true}};
//   auto record = solyte::sim::simulate_symmetric_cycling(protocol, cell);
//
// Voltage during a sweep of current I = ±j·A (plating +, stripping −, alternating):
//   V = I/A · (f·ASR₀ + ASR_p·(1 − exp(−t/τ)))    (t from the sweep's start)
// with f = 1 until a penetration multiplies it by asr_factor (for the rest of the record: the
// dendrite stays), and V = I·R_short after a short. During rests I = 0 and V relaxes as
// exp(−t/τ). Sampled every sample_interval_s and at every sweep's start and end; Gaussian noise
// on V. Columns: time (s), potential (V), current (A), step (1-based step of the schedule) and
// cycle (1-based sweep).
#pragma once

#include <cstdint>
#include <vector>

#include "solyte/core/measurement.hpp"
#include "solyte/echem/ccd_protocol.hpp"

namespace solyte::sim {

struct CellEventSpec {
  int step = 0;             ///< 0-based step of the schedule
  int sweep = 0;            ///< 0-based sweep within the step
  double fraction = 0.5;    ///< of the sweep's duration
  double asr_factor = 0.5;  ///< penetration: ASR₀ is multiplied by this (0 < factor < 1)
  bool short_circuit = false;
  double short_resistance_ohm = 1.0;
};

struct SymmetricCell {
  double area_m2 = 0.785e-4;
  double asr_ohm_m2 = 0.05;                ///< ASR₀, 500 Ω·cm²
  double polarisation_asr_ohm_m2 = 0.005;  ///< ASR_p, built up with τ
  double tau_s = 60;
  double sample_interval_s = 10;
  std::vector<CellEventSpec> events;
  double noise_v = 0;
  std::uint64_t seed = 1;
};

/// Throws InvalidArgument for a non-positive area, ASR, τ or sample interval, a negative
/// polarisation ASR or noise, an event outside the schedule, or an ASR factor outside (0, 1).
Measurement simulate_symmetric_cycling(const echem::CcdProtocol& protocol,
                                       const SymmetricCell& cell);

}  // namespace solyte::sim
