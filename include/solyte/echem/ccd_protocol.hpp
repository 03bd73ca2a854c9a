// Designing a critical-current-density schedule for a symmetric cell: current-density steps,
// each of plating and stripping sweeps whose duration keeps the charge per sweep constant, and
// the C-rate of each step for a reference positive electrode (METHODS.md §11; Murgia et al.
// 2022, Fig. 5).
//
//   auto p = solyte::echem::design_ccd_protocol(
//       {.specific_capacity_c_per_kg = 432e3,   // 120 mAh/g
//        .loading_kg_per_m2 = 0.02,             // 2 mg/cm²
//        .c_rates = {0.1, 0.2, 0.5, 1, 2}});
//   // p.one_c_a_per_m2 = 2.4 (0.24 mA/cm²); p.steps[2]: 1.2 A/m² (C/2), 2 h sweeps
//
// Areal capacity Q_A = specific capacity × loading; 1C = Q_A / 1 h (the current that delivers the
// whole capacity in one hour; C/n in n hours). Sweep time t = q / j for a charge q per sweep
// (default Q_A, one full charge of the reference electrode per sweep). SI throughout: C/kg,
// kg/m², A/m², C/m², s.
#pragma once

#include <optional>
#include <vector>

namespace solyte::echem {

struct CcdProtocolOptions {
  double specific_capacity_c_per_kg = 432e3;  ///< 120 mAh/g
  double loading_kg_per_m2 = 0.02;            ///< 2 mg/cm²
  /// The steps, as current densities or as C-rates (exactly one of the two non-empty).
  std::vector<double> current_densities_a_per_m2;
  std::vector<double> c_rates;
  std::optional<double> charge_per_sweep_c_per_m2;  ///< default: the areal capacity
  int sweeps_per_step = 2;                          ///< plating + stripping
  double rest_s = 0;                                ///< rest after every sweep
  std::optional<double> area_m2;                    ///< to print currents in A
};

struct ProtocolStep {
  int index = 1;  ///< 1-based
  double current_density_a_per_m2 = 0;
  double c_rate = 0;                ///< j / (1C)
  std::optional<double> current_a;  ///< j·A when the area is given
  double sweep_time_s = 0;
  int sweeps = 2;
  double start_s = 0;     ///< from the start of the schedule
  double duration_s = 0;  ///< sweeps × (sweep time + rest)
};

struct CcdProtocol {
  double areal_capacity_c_per_m2 = 0;
  double one_c_a_per_m2 = 0;
  double charge_per_sweep_c_per_m2 = 0;
  int sweeps_per_step = 2;
  double rest_s = 0;
  std::vector<ProtocolStep> steps;
  double total_time_s = 0;
};

/// Throws InvalidArgument for a non-positive capacity, loading, charge per sweep, area or step,
/// a negative rest, fewer than 1 sweep per step, both or neither of the step lists.
CcdProtocol design_ccd_protocol(const CcdProtocolOptions& options);

/// first, first + step, … up to last (inclusive within 1e-9 of a step). Throws InvalidArgument
/// unless 0 < first ≤ last and step > 0, or for more than 10 000 values.
std::vector<double> ramp(double first, double last, double step);

}  // namespace solyte::echem
