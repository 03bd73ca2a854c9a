// Critical current density from galvanostatic cycling of a symmetric cell (Na | SE | Na,
// Li | Li …): the record split into sweeps (constant current, one direction) and steps (sweeps of
// one current density), per-sweep and per-step polarisation and area-specific resistance, and
// two events with two CCD values (METHODS.md §11; docs/methods.md §11):
//   penetration  a sudden drop of |V| at constant current — the effective electrolyte thickness
//                shrinks as a dendrite grows through it (Kazyak et al., Matter 2, 1025 (2020));
//                CCD_penetration = |j| of the first sweep with such a drop;
//   short        |V| collapsing to ≈ 0 V and staying there (Sharafi et al., J. Power Sources
//                302, 135 (2016)); CCD_short = |j| of the first sweep with a short.
// A drop that ends at ≈ 0 V is a short and also the first penetration.
//
//   solyte::echem::CcdOptions o{.area_m2 = 0.785e-4};
//   auto r = solyte::echem::analyse_ccd(record, o);
//   if (r.penetration_ccd_a_per_m2) ...;      // A/m² (× 0.1 for mA/cm²)
//
// Detection (times relative to each sweep's start, t_s its duration; time-weighted medians of
// |V|, so that spikes and short glitches do not count, however densely the recorder sampled
// them; at most one penetration and one short per sweep):
//   transient  the first transient_fraction·t_s are left out of the plateau and the searches;
//   drop at τ  median |V| over [τ − w, τ) = B and over [τ, τ + P] = A with A ≤ (1 − f)·B
//              (w = drop window, P = persistence, f = drop fraction); the event time is the
//              first row after τ with |V| ≤ (A + B)/2;
//   short at τ median |V| over [τ, τ + S] ≤ V_short (S = short duration).
// Plateau |V| (the overpotential) = median |V| after the transient; ASR = plateau / |j|.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::echem {

struct CcdOptions {
  double area_m2 = 0;  ///< electrode area, > 0
  /// For records without a current column: the current of every sweep (A, signed).
  std::optional<double> constant_current_a;
  bool alternate = false;  ///< with constant_current_a: sign flips per sweep
  /// Split constant-current stretches into sweeps of this duration (records that do not mark
  /// the sweeps, e.g. a time/voltage export).
  std::optional<double> sweep_duration_s;
  double current_tolerance = 0.02;  ///< relative change of I that starts a new sweep
  double rest_current_a = 0;        ///< |I| ≤ this is rest (0: 1 % of max |I|)
  double transient_fraction = 0.05;
  double drop_fraction = 0.3;      ///< f
  double drop_window_s = 0;        ///< w (0: 2 % of the sweep, ≥ 3 sample steps)
  double persist_s = 0;            ///< P (0: 3w)
  double short_voltage_v = 0.005;  ///< V_short
  double short_duration_s = 0;     ///< S (0: w)
};

enum class CellEventKind { penetration, short_circuit };
std::string_view to_string(CellEventKind k);

struct CellEvent {
  CellEventKind kind = CellEventKind::penetration;
  std::size_t sweep = 0;                ///< 0-based index into sweeps
  std::size_t step = 0;                 ///< 0-based index into steps
  double time_s = 0;                    ///< record time
  double current_density_a_per_m2 = 0;  ///< |j| of the sweep
  double v_before = 0, v_after = 0;     ///< median |V| before and after (B, A), V
  double drop = 0;                      ///< 1 − A/B
};

struct CcdSweep {
  std::size_t begin = 0, end = 0;  ///< rows [begin, end)
  std::size_t step = 0;            ///< 0-based
  double t_start_s = 0, duration_s = 0;
  double current_a = 0;                 ///< median current (signed)
  double current_density_a_per_m2 = 0;  ///< signed
  double charge_c_per_m2 = 0;           ///< |j|·duration
  double mean_abs_v = 0;                ///< time average of |V|
  double peak_abs_v = 0;                ///< max |V|
  double plateau_abs_v = 0;             ///< median |V| after the transient: the overpotential
  double final_abs_v = 0;               ///< median |V| over the last drop window
  double asr_ohm_m2 = 0;                ///< plateau / |j|
  double drop_window_s = 0, persist_s = 0, short_duration_s = 0, transient_s = 0;  ///< used
  bool penetration = false, short_circuit = false;
};

struct CcdStep {
  std::size_t first_sweep = 0, sweeps = 0;
  double current_density_a_per_m2 = 0;  ///< |j|, mean over its sweeps
  double overpotential_v = 0;           ///< mean plateau |V| of its sweeps
  double asr_ohm_m2 = 0;                ///< overpotential / |j|
  double mean_abs_v = 0, peak_abs_v = 0;
  bool event = false;  ///< a sweep of the step has an event
};

struct CcdResult {
  std::vector<CcdSweep> sweeps;
  std::vector<CcdStep> steps;
  std::vector<CellEvent> events;  ///< in time order
  std::optional<double> penetration_ccd_a_per_m2;
  std::optional<double> short_ccd_a_per_m2;
  /// |j| of the highest step before the first event with no event (stable cycling).
  std::optional<double> last_stable_a_per_m2;
  std::string current_source;  ///< "record" or "constant (given)"
  double rest_current_a = 0;   ///< the rest threshold applied
  std::vector<std::string> notes;
};

/// Analyses a galvanostatic record. current_a may be empty when options.constant_current_a is
/// given. Throws InvalidArgument for a non-positive area, mismatched sizes, fewer than 3 rows,
/// non-finite values, time running backwards, neither a current column nor a constant current,
/// or bad thresholds (fractions outside (0, 1), negative windows or voltages).
CcdResult analyse_ccd(std::span<const double> time_s, std::span<const double> voltage_v,
                      std::span<const double> current_a, const CcdOptions& options);

/// Same on a record with time and potential columns (current when present).
CcdResult analyse_ccd(const Measurement& record, const CcdOptions& options);

}  // namespace solyte::echem
