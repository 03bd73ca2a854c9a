// The oxidative stability window from a slow-scan cyclic voltammogram: sweeps and cycles, the
// edge potential E_e where faradaic current starts (three definitions, each reported with the
// windows and thresholds it used), anodic and cathodic peaks, and the cathodic/anodic charge
// ratio that says whether the oxidation is reversible (METHODS.md §11; docs/methods.md §11).
//
//   solyte::echem::CvOptions o;
//   o.area_m2 = 0.785e-4;
//   o.methods = {EdgeMethod::tangent, EdgeMethod::deviation};
//   auto a = solyte::echem::analyse_cv(record, o);
//   for (const auto& c : a.cycles)
//     for (const auto& e : c.edges) if (e.edge_v) std::cout << c.cycle << " " << *e.edge_v << "\n";
//
// Definitions (on the anodic sweep, current smoothed by local cubic fits over ±smoothing_v):
//   baseline  straight line i_b(E) = a + cE fitted to the raw current in the baseline window
//             (given, or the highest window of baseline_width_v below the steepest rise that
//             is about as flat as the flattest one);
//   tangent   E_e where the tangent at the steepest rise (maximum di/dE) meets the baseline;
//   threshold E_e where the current density first exceeds j_th on the way up into the steepest
//             rise (the last upward crossing before it);
//   deviation E_e where i − i_b first exceeds k·σ on the way up into the steepest rise, σ the
//             rms of i − i_b in the baseline window.
// "On the way up into the steepest rise" means the crossing that starts the excursion ending in
// the main wave, so a small irreversible pre-peak that returns to the baseline is not the edge
// (the paper's 3.3 V peak before E_e = 4.14 V). Isolated spikes are removed first (Hampel
// filter). Peaks are local extrema of the smoothed current of the right sign (anodic > 0,
// cathodic < 0) whose prominence exceeds a fraction of the sweep's current span and a multiple
// of the sweep's noise. Currents are in A, potentials in V.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::echem {

enum class SweepDirection { anodic, cathodic };  ///< E rising / falling
std::string_view to_string(SweepDirection d);

/// A monotonic part of the potential trace.
struct Sweep {
  std::size_t begin = 0, end = 0;  ///< rows [begin, end) of the record
  SweepDirection direction = SweepDirection::anodic;
  int cycle = 1;
  double e_start_v = 0, e_end_v = 0;
  std::optional<double> scan_rate_v_per_s;  ///< |dE/dt| of a line fit (needs time)
};

/// Splits E(t) into sweeps at its reversals (E back by more than min_reversal_v from its
/// running extreme). Cycle of a sweep: the cycle column at its second row (the first is the vertex)
/// when given, else 1 until the first anodic sweep and +1 at every later anodic sweep. Throws
/// InvalidArgument for mismatched sizes, fewer than 3 rows or non-finite values.
std::vector<Sweep> split_sweeps(std::span<const double> potential_v, std::span<const double> time_s,
                                std::span<const double> cycle, double min_reversal_v = 0.01);

enum class EdgeMethod { tangent, threshold, deviation };
std::string_view to_string(EdgeMethod m);
std::optional<EdgeMethod> edge_method_from_string(std::string_view name);

struct EdgeOptions {
  std::optional<std::pair<double, double>> baseline_window_v;  ///< auto when absent
  double baseline_width_v = 0.3;  ///< width of the automatic baseline window
  std::optional<std::pair<double, double>> search_window_v;  ///< where the rise is sought
  double smoothing_v = 0.02;                                 ///< half-width of the local cubic fits
  double threshold_a_per_m2 = 0.1;    ///< threshold method: 10 µA/cm² (needs the area)
  std::optional<double> threshold_a;  ///< threshold as a current; overrides the density
  double deviation_k = 5;             ///< deviation method: k in k·σ
  /// Replace isolated spikes (Hampel filter over ±5 points, 5 MAD) before smoothing, so that
  /// a breakdown spike is not taken for the steepest rise.
  bool despike = true;
};

struct EdgeResult {
  EdgeMethod method = EdgeMethod::tangent;
  std::optional<double> edge_v;  ///< absent when the criterion is never met
  std::pair<double, double> baseline_window_v{0, 0};
  bool baseline_window_auto = true;
  double baseline_intercept_a = 0, baseline_slope_a_per_v = 0, baseline_rms_a = 0;
  double steepest_v = 0;  ///< potential of the maximum di/dE
  double steepest_current_a = 0, steepest_slope_a_per_v = 0;
  double criterion_a = 0;    ///< threshold: the current threshold; deviation: k·σ; tangent: 0
  std::size_t despiked = 0;  ///< current values replaced by the spike filter
  std::string message;
};

/// The edge potential of one anodic sweep given as potential (ascending) and current.
/// `area_m2` (> 0) converts the threshold density to a current. Throws InvalidArgument for
/// mismatched sizes, fewer than 10 points, a threshold method with neither an area nor a
/// current threshold, or a baseline window holding fewer than 3 points.
EdgeResult edge_potential(std::span<const double> potential_v, std::span<const double> current_a,
                          EdgeMethod method, const EdgeOptions& options,
                          std::optional<double> area_m2 = std::nullopt);

struct CvPeak {
  SweepDirection direction = SweepDirection::anodic;  ///< anodic: maximum; cathodic: minimum
  double potential_v = 0;
  double current_a = 0;     ///< smoothed current at the extremum
  double prominence_a = 0;  ///< topographic prominence of |i| on its sweep
};

/// Charges passed in a potential window on the anodic sweep and on the sweep that follows it.
struct ChargeBalance {
  std::pair<double, double> window_v{0, 0};
  double anodic_c = 0;    ///< ∫ max(i, 0) dt on the anodic sweep inside the window
  double cathodic_c = 0;  ///< ∫ max(−i, 0) dt on the return sweep inside the window
  double ratio = 0;       ///< cathodic_c / anodic_c: ≈ 1 reversible, ≈ 0 irreversible
};

/// Reading of a charge ratio: "irreversible" (≤ irreversible_ratio), "partly reversible",
/// "reversible" (reversible_ratio … cathodic_excess_ratio) or "cathodic excess" (more charge
/// back than out: a reduction of something else). A convention of this library, stated in
/// every report that uses it.
inline constexpr double reversible_ratio = 0.8;
inline constexpr double irreversible_ratio = 0.2;
inline constexpr double cathodic_excess_ratio = 1.25;
std::string_view reversibility(double ratio);

struct CvCycle {
  int cycle = 1;
  Sweep anodic;                   ///< the widest anodic sweep of the cycle
  std::optional<Sweep> reverse;   ///< the cathodic sweep right after it, when recorded
  std::vector<EdgeResult> edges;  ///< one per requested method
  std::vector<CvPeak> peaks;      ///< on the anodic sweep and its return
  std::optional<ChargeBalance> charge;
  std::vector<std::string> notes;
};

struct CvOptions {
  std::optional<double> area_m2;  ///< electrode area; else the record's
  std::vector<EdgeMethod> methods{EdgeMethod::tangent};
  EdgeOptions edge;
  std::optional<int> cycle;  ///< only this cycle
  double min_reversal_v = 0.01;
  double peak_min_relative_prominence = 0.02;  ///< of the sweep's current span
  double peak_min_snr = 10;                    ///< prominence over the current noise σ
  /// Window of the charge balance; default from the first edge found to the vertex.
  std::optional<std::pair<double, double>> charge_window_v;
};

struct CvAnalysis {
  std::vector<Sweep> sweeps;
  std::vector<CvCycle> cycles;    ///< cycles holding an anodic sweep
  std::optional<double> area_m2;  ///< the area used
  std::vector<std::string> notes;
};

/// Analyses every cycle with an anodic sweep (or the one asked). time_s and cycle may be empty
/// (no scan rates and no charges without time). Throws InvalidArgument for mismatched sizes,
/// non-finite values, an absent requested cycle (naming the cycles present) or bad options.
CvAnalysis analyse_cv(std::span<const double> time_s, std::span<const double> potential_v,
                      std::span<const double> current_a, std::span<const double> cycle,
                      const CvOptions& options);

/// Same on a record with potential and current columns (time and cycle when present); the
/// area comes from the options, else from meta.electrode_area_m2.
CvAnalysis analyse_cv(const Measurement& record, const CvOptions& options);

}  // namespace solyte::echem
