// A DSC scan of heating and cooling segments with first-order transitions of known onset and
// enthalpy, for round trips of the DSC analysis (METHODS.md §12; docs/methods.md §12).
//
//   solyte::sim::DscScan s;
//   s.segments = {{.from_k = 300, .to_k = 420, .rate_k_per_s = 10.0 / 60,
//                  .transitions = {{.onset_k = 356.15, .enthalpy_j_per_g = 30}}}};
//   auto record = solyte::sim::simulate_dsc(s);
//
// Heat flow, endothermic positive: q = c_p(T)·β + offset + Σ transitions, β the signed rate,
// c_p(T) = c_p + c_p'·(T − T of the first segment's start). A transition is a peak in the
// progress u = |T − T_on| along the scan: x = s·u up to the peak at u_p, then x_p·exp(−(u − u_p)/θ)
// (the shape of a melting peak limited by the heat transfer to the sample), signed by ΔH
// (> 0 endothermic). Its height x_p = s·u_p solves x_p²/(2s) + x_p·θ = |β|·|ΔH|, so that
// (1/|β|)∫x dT = ΔH. In closed form: the tangent onset is T_on (the leading edge is the tangent),
// the peak lies u_p = x_p/s after it, and the tangent at the start of the decay meets the baseline
// θ after the peak. The record is written with the instrument's sign (q when exo is down, −q when
// exo is up), columns time (s), temperature (K) and specific_heat_flow (W/g); meta.exo_up,
// meta.sample_mass_kg and, when all segments share one rate, meta.heating_rate_k_per_s.
#pragma once

#include <cstdint>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::sim {

struct DscTransition {
  double onset_k = 356.15;
  double enthalpy_j_per_g = 30;          ///< > 0 endothermic (melting), < 0 exothermic
  double leading_slope_w_per_g_k = 0.5;  ///< s
  double tail_k = 1.5;                   ///< θ
};

struct DscSegmentSpec {
  double from_k = 300, to_k = 420;
  double rate_k_per_s = 10.0 / 60;  ///< magnitude
  std::vector<DscTransition> transitions;
};

struct DscScan {
  std::vector<DscSegmentSpec> segments;
  double heat_capacity_j_per_g_k = 1.2;
  double heat_capacity_slope_j_per_g_k2 = 0.002;
  double offset_w_per_g = 0;
  bool exo_up = false;
  double sample_interval_s = 3;
  double sample_mass_kg = 5e-6;
  double noise_w_per_g = 0;
  std::uint64_t seed = 1;
};

/// Throws InvalidArgument for no segment, a segment of zero span or rate, a transition outside
/// its segment or with a non-positive slope or tail, or a non-positive sample interval.
Measurement simulate_dsc(const DscScan& scan);

/// Peak height x_p (W/g) of a transition scanned at |β| (K/s): the root of
/// x²/(2s) + xθ = |β|·|ΔH|.
double transition_peak_height(const DscTransition& t, double rate_k_per_s);

}  // namespace solyte::sim
