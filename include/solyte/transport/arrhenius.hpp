// Arrhenius analysis of DC conductivity against temperature (METHODS.md §3).
//
//   std::vector<solyte::transport::ConductivityPoint> pts = {{.temperature_k = 298.15,
//       .sigma_s_per_m = 0.4}, ...};
//   auto r = solyte::transport::fit_arrhenius(pts, {});
//   for (auto& g : r.regimes) std::cout << g.ea_ev << " eV\n";
//
// Model: σT = σ0·exp(−Ea/(k_B T)) (form sigma_t, the default) or σ = σ0'·exp(−Ea/(k_B T))
// (form sigma), fitted as a straight line ln(σT) or ln σ against 1/T by weighted least
// squares. Regimes: the points sorted by temperature are split into 1…max_segments
// contiguous segments, each its own line, the split minimising SSE for each count (exact
// dynamic programming); the count is chosen by an information criterion. Between two
// regimes the change is a transition (a jump in σ) when the two lines differ at the gap's
// midpoint by more than jump_threshold_decades and by more than 3 standard errors,
// otherwise a crossover (change of slope) at the intersection of the lines. Standard errors
// come from (XᵀWX)⁻¹ scaled by the regime's reduced χ² (Birge ratio) when it has > 2 points;
// with weights the criterion uses χ² in place of SSE (docs/methods.md §3).
//
// Units: T in K, σ in S/m in and out; ln σ0 is reported with σ0 in S·K/cm (σT form) or
// S/cm (σ form), as the field uses them; Ea in eV.
// Failures: InvalidArgument for T ≤ 0, σ ≤ 0, a negative σ error or non-finite input (the
// message names the point by index and label); NumericalError when fewer than 2 distinct
// temperatures are given. Anything left out (σ_ref, T_superionic, undefined errors) is
// explained in `note`.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "solyte/core/spectrum.hpp"

namespace solyte::transport {

enum class ArrheniusForm { sigma_t, sigma };
enum class InformationCriterion { bic, aic, aicc };

struct ConductivityPoint {
  double temperature_k = 0;
  double sigma_s_per_m = 0;
  std::optional<double> sigma_err_s_per_m;  ///< 1σ; used as weight when use_weights
  ThermalRun run = ThermalRun::unknown;
  std::string label;                        ///< e.g. the source file
};

struct ArrheniusOptions {
  ArrheniusForm form = ArrheniusForm::sigma_t;
  std::size_t max_segments = 4;
  std::size_t min_points_per_segment = 3;
  InformationCriterion criterion = InformationCriterion::bic;
  /// Parameters charged per breakpoint in the criterion, p = 2k + c·(k − 1). A searched
  /// breakpoint fits noise better than one free parameter: with c = 1, BIC reports a spurious
  /// extra regime in about 1 noisy series of 5; c = 3 brings it to about 1 in 50
  /// (docs/methods.md has the simulation).
  double breakpoint_parameters = 3.0;
  /// Neighbouring regimes whose activation energies differ by less than this (eV) and
  /// whose lines meet at the gap (step under a tenth of jump_threshold_decades) are merged:
  /// such a boundary has no physical meaning even when precise data make it significant.
  double min_regime_contrast_ev = 0.005;
  bool use_weights = true;
  double jump_threshold_decades = 0.3;
  double reference_temperature_k = 298.15;       ///< for sigma_ref (25 °C)
  double superionic_threshold_s_per_m = 0.1;     ///< 1 mS/cm
};

struct Regime {
  double t_min_k = 0, t_max_k = 0;
  std::size_t first = 0, last = 0;   ///< indices into ArrheniusResult::points (inclusive)
  std::size_t n_points = 0;
  double ea_ev = 0, ea_err_ev = 0;
  double ln_sigma0 = 0, ln_sigma0_err = 0;   ///< σ0 in S·K/cm (sigma_t) or S/cm (sigma)
  double r_squared = 0;
};

enum class TransitionKind { jump, crossover };

struct Transition {
  TransitionKind kind = TransitionKind::jump;
  double temperature_k = 0;      ///< jump: midpoint of the gap; crossover: line intersection
  double t_below_k = 0, t_above_k = 0;   ///< the neighbouring measured temperatures
  double jump_decades = 0;       ///< log10 σ(upper regime) − log10 σ(lower regime) at temperature_k
  double jump_err_decades = 0;
  ThermalRun run = ThermalRun::unknown;
};

struct ArrheniusResult {
  ArrheniusForm form = ArrheniusForm::sigma_t;
  std::vector<ConductivityPoint> points;   ///< sorted by increasing temperature
  std::vector<Regime> regimes;             ///< from low to high temperature
  std::vector<Transition> transitions;     ///< between consecutive regimes
  std::vector<double> criterion_values;    ///< per segment count 1…, NaN where not feasible
  bool weighted = false;                   ///< whether σ errors weighted the fit
  std::optional<double> sigma_ref_s_per_m; ///< σ at reference_temperature_k
  bool sigma_ref_extrapolated = false;
  std::optional<double> t_superionic_k;    ///< lowest T where σ reaches the threshold
  std::string note;                        ///< why something is missing, in words
};

ArrheniusResult fit_arrhenius(std::span<const ConductivityPoint> points,
                              const ArrheniusOptions& options = {});

/// Heating and cooling runs of one sample: each fitted alone, and the transitions paired.
struct Hysteresis {
  double t_heating_k = 0, t_cooling_k = 0;
  double hysteresis_k = 0;   ///< t_heating − t_cooling
};
struct RunComparison {
  ArrheniusResult heating, cooling;
  std::vector<Hysteresis> hysteresis;
};
RunComparison compare_runs(std::span<const ConductivityPoint> heating,
                           std::span<const ConductivityPoint> cooling,
                           const ArrheniusOptions& options = {});

/// Migration entropy from two prefactors of the same form (METHODS.md §4):
/// ΔS/k_B = ln σ0(a) − ln σ0(b), error from both standard errors in quadrature.
struct MigrationEntropy {
  double delta_s_kb = 0, delta_s_kb_err = 0;
  double delta_s_j_per_mol_k = 0;   ///< ΔS·R
};
MigrationEntropy migration_entropy(const Regime& a, const Regime& b);

/// The regime of `r` whose temperature range covers t_k, else the nearest one.
const Regime& regime_at(const ArrheniusResult& r, double t_k);

}  // namespace solyte::transport
