// Transitions in a DSC scan: heating and cooling segments, and in each the thermal events with
// extrapolated onset and end (tangent construction), peak temperature, enthalpy and direction
// (METHODS.md §12; docs/methods.md §12).
//
//   solyte::thermal::DscOptions o;
//   o.exo_up = false;                       // the instrument's sign convention
//   auto a = solyte::thermal::analyse_dsc(record, o);
//   for (const auto& e : a.events)
//     std::cout << e.onset_k - 273.15 << " °C, " << *e.enthalpy_j_per_g << " J/g\n";
//
// Heat flow q in W/g (specific), temperatures in K, rates in K/s. Internally the signal is turned
// endothermic-up (q_endo = q, or −q when exo is up). Per segment:
//   detection  a robust quadratic in T (iteratively clipped at 3 MAD) stands for the baseline;
//              events are runs where the smoothed residual exceeds k·σ (σ the larger of the
//              clipped residual scatter and the white noise), extended to where it falls back
//              below 1σ (the integration limits);
//   baseline   the straight line fitted to the rows within baseline_window_k before the start
//              and after the stop of the event (ISO 11357-1's interpolated baseline for a
//              transition without a change of heat capacity);
//   onset/end  the tangent at the steepest point of the leading (trailing) edge of the excess
//              x = q_endo − baseline meets x = 0;
//   enthalpy   ΔH = (1/β)∫ x dT = ∫ x dt over the limits, J/g; > 0 endothermic, < 0
//              exothermic (with a time column ∫x dt is used, else the segment's rate).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::thermal {

enum class ScanDirection { heating, cooling, isothermal };
std::string_view to_string(ScanDirection d);

struct DscSegment {
  std::size_t begin = 0, end = 0;  ///< rows [begin, end)
  ScanDirection direction = ScanDirection::heating;
  double t_start_k = 0, t_end_k = 0;
  std::optional<double> rate_k_per_s;  ///< |dT/dt|
  std::string rate_source;             ///< "time column", "given", "record" or "" (unknown)
};

enum class EventDirection { endothermic, exothermic };
std::string_view to_string(EventDirection d);

struct DscEvent {
  std::size_t segment = 0;
  EventDirection direction = EventDirection::endothermic;
  double start_k = 0, stop_k = 0;          ///< integration limits (in scan order)
  std::optional<double> onset_k;           ///< extrapolated onset
  double peak_k = 0;                       ///< extremum of the excess heat flow
  std::optional<double> end_k;             ///< extrapolated end
  double peak_excess_w_per_g = 0;          ///< |x| at the peak
  std::optional<double> enthalpy_j_per_g;  ///< signed; absent without a rate
  double baseline_intercept_w_per_g = 0;   ///< q_endo baseline = intercept + slope·T
  double baseline_slope_w_per_g_k = 0;
  std::size_t baseline_points = 0;
  bool window_given = false;  ///< limits from the options instead of detection
  std::string message;
};

struct DscOptions {
  std::optional<bool> exo_up;                  ///< else the record's; required
  std::optional<double> heating_rate_k_per_s;  ///< used when there is no time column
  double detection_sigma = 5;                  ///< k
  double baseline_window_k = 3;
  /// Rows this close to either end of a segment are not searched (start-up hook, stop);
  /// 0: 3 % of the segment's span, at least 2 K.
  double edge_skip_k = 0;
  double min_width_k = 0;  ///< narrower events are dropped (0: 3 steps)
  /// Detected events whose peak excess is below this fraction of the segment's largest are
  /// dropped (0 keeps all).
  double min_relative_height = 0.01;
  double smoothing_k = 0;         ///< slope half-width (0: 2 steps)
  double min_segment_span_k = 5;  ///< shorter segments count as isothermal
  /// Explicit event windows (T_a, T_b in K, either order): integrated in every segment that
  /// covers them, instead of the detection.
  std::vector<std::pair<double, double>> windows_k;
};

struct DscAnalysis {
  std::vector<DscSegment> segments;
  std::vector<DscEvent> events;
  std::vector<double> noise_w_per_g;  ///< σ per segment (0 for isothermal ones)
  bool exo_up = false;                ///< the convention applied
  std::vector<std::string> notes;
};

/// time_s may be empty. Throws InvalidArgument for mismatched sizes, fewer than 10 rows,
/// non-finite values, an unknown sign convention, or a non-positive rate.
DscAnalysis analyse_dsc(std::span<const double> time_s, std::span<const double> temperature_k,
                        std::span<const double> heat_flow_w_per_g, const DscOptions& options);

/// Same on a record with temperature and specific heat flow columns (or heat flow in W with
/// meta.sample_mass_kg, or `sample_mass_kg`); exo_up and the rate default to the record's
/// metadata. Throws InvalidArgument when the heat flow cannot be made specific.
DscAnalysis analyse_dsc(const Measurement& record, const DscOptions& options,
                        std::optional<double> sample_mass_kg = std::nullopt);

}  // namespace solyte::thermal
