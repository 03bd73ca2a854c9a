#include "solyte/sim/dsc_scan.hpp"

#include <cmath>

#include "sim/curve_noise.hpp"
#include "sim/synthetic_record.hpp"
#include "solyte/error.hpp"

namespace solyte::sim {

double transition_peak_height(const DscTransition& t, double rate) {
  const double s = t.leading_slope_w_per_g_k, theta = t.tail_k;
  const double a = rate * std::abs(t.enthalpy_j_per_g);
  return s * (-theta + std::sqrt(theta * theta + 2 * a / s));
}

Measurement simulate_dsc(const DscScan& x) {
  if (x.segments.empty()) throw InvalidArgument("simulate_dsc: no segment");
  if (!(x.sample_interval_s > 0))
    throw InvalidArgument("simulate_dsc: the sample interval must be > 0");
  for (const auto& s : x.segments) {
    if (s.from_k == s.to_k || !(s.rate_k_per_s > 0))
      throw InvalidArgument("simulate_dsc: a segment needs a span and a rate > 0");
    for (const auto& tr : s.transitions) {
      if (!(tr.leading_slope_w_per_g_k > 0) || !(tr.tail_k > 0))
        throw InvalidArgument("simulate_dsc: transition slopes and tails must be > 0");
      if (tr.onset_k <= std::min(s.from_k, s.to_k) || tr.onset_k >= std::max(s.from_k, s.to_k))
        throw InvalidArgument("simulate_dsc: a transition lies outside its segment");
    }
  }
  const double t_ref = x.segments.front().from_k;
  std::vector<double> time, temp, q;
  double clock = 0;
  for (std::size_t si = 0; si < x.segments.size(); ++si) {
    const auto& s = x.segments[si];
    const double dir = s.to_k > s.from_k ? 1.0 : -1.0;
    const double beta = dir * s.rate_k_per_s;
    const double duration = std::abs(s.to_k - s.from_k) / s.rate_k_per_s;
    const auto samples = static_cast<long>(std::ceil(duration / x.sample_interval_s));
    for (long k = si == 0 ? 0 : 1; k <= samples; ++k) {
      const double tr = std::min(static_cast<double>(k) * x.sample_interval_s, duration);
      const double T = s.from_k + beta * tr;
      const double cp = x.heat_capacity_j_per_g_k + x.heat_capacity_slope_j_per_g_k2 * (T - t_ref);
      double flow = cp * beta + x.offset_w_per_g;
      for (const auto& p : s.transitions) {
        const double u = dir * (T - p.onset_k);  // progress since the onset
        if (u <= 0) continue;
        const double h = transition_peak_height(p, s.rate_k_per_s);
        const double up = h / p.leading_slope_w_per_g_k;
        const double v =
            u <= up ? p.leading_slope_w_per_g_k * u : h * std::exp(-(u - up) / p.tail_k);
        flow += (p.enthalpy_j_per_g >= 0 ? 1.0 : -1.0) * v;
      }
      time.push_back(clock + tr);
      temp.push_back(T);
      q.push_back(x.exo_up ? -flow : flow);
    }
    clock += duration;
  }
  detail::add_gaussian_noise(q, x.noise_w_per_g, x.seed);
  Measurement m = detail::synthetic_record(Technique::dsc);
  m.meta.exo_up = x.exo_up;
  m.meta.sample_mass_kg = x.sample_mass_kg;
  bool one_rate = true;
  for (const auto& s : x.segments)
    one_rate = one_rate && s.rate_k_per_s == x.segments.front().rate_k_per_s;
  if (one_rate) m.meta.heating_rate_k_per_s = x.segments.front().rate_k_per_s;
  m.add(Quantity::time, std::move(time));
  m.add(Quantity::temperature, std::move(temp));
  m.add(Quantity::specific_heat_flow, std::move(q));
  return m;
}

}  // namespace solyte::sim
