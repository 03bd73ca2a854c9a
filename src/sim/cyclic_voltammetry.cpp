#include "solyte/sim/cyclic_voltammetry.hpp"

#include <cmath>

#include "sim/curve_noise.hpp"
#include "sim/synthetic_record.hpp"
#include "solyte/error.hpp"
#include "solyte/peaks/profiles.hpp"

namespace solyte::sim {

Measurement simulate_cv(const CvExperiment& x) {
  if (!(x.e_lower_v < x.e_upper_v))
    throw InvalidArgument("simulate_cv: the lower vertex must lie below the upper one");
  if (x.e_start_v < x.e_lower_v || x.e_start_v > x.e_upper_v)
    throw InvalidArgument("simulate_cv: the start potential must lie between the vertices");
  if (!(x.scan_rate_v_per_s > 0) || !(x.step_v > 0) || !(x.area_m2 > 0))
    throw InvalidArgument("simulate_cv: scan rate, step and area must be > 0");
  if (!(x.oxidation.width_v > 0)) throw InvalidArgument("simulate_cv: the wave width must be > 0");
  if (x.cycles < 1) throw InvalidArgument("simulate_cv: at least one cycle");
  for (const auto& p : x.peaks)
    if (!(p.fwhm_v > 0)) throw InvalidArgument("simulate_cv: peak widths must be > 0");

  std::vector<double> t, e, i, cyc;
  double time = 0, last_reversal = 0;
  int old_dir = 1;  // direction before the current leg, for the capacitive relaxation
  auto emit = [&](double ev, int dir, int cycle) {
    double ic = x.capacitance_f * x.scan_rate_v_per_s * dir;
    if (x.capacitive_tau_s > 0 && dir != old_dir)
      ic *= 1 - 2 * std::exp(-(time - last_reversal) / x.capacitive_tau_s);
    double cur = ic + x.leak_conductance_s * (ev - x.e_start_v);
    const auto& w = x.oxidation;
    cur += w.limiting_current_a / (1 + std::exp(-(ev - w.e_half_v) / w.width_v));
    for (const auto& p : x.peaks) {
      if (p.first_cycle_only && cycle > 1) continue;
      // dt = dE/ν, so ∫ i dt = Q for i = Q·ν·G(E − E_p).
      const double nu = x.scan_rate_v_per_s;
      if (dir > 0)
        cur += p.charge_c * nu * peaks::gaussian(ev - p.e_v, p.fwhm_v);
      else
        cur -= p.return_fraction * p.charge_c * nu *
               peaks::gaussian(ev - (p.e_v - p.return_shift_v), p.fwhm_v);
    }
    t.push_back(time);
    e.push_back(ev);
    i.push_back(cur);
    cyc.push_back(cycle);
  };
  // One leg from a to b (inclusive of b), direction dir.
  auto leg = [&](double a, double b, int dir, int cycle, bool first) {
    const auto steps = static_cast<long>(std::llround(std::abs(b - a) / x.step_v));
    for (long k = first ? 0 : 1; k <= steps; ++k) {
      const double ev =
          steps == 0 ? b : a + (b - a) * static_cast<double>(k) / static_cast<double>(steps);
      if (k > 0) time += std::abs(b - a) / static_cast<double>(steps) / x.scan_rate_v_per_s;
      emit(ev, dir, cycle);
    }
  };
  double from = x.e_start_v;
  bool first = true;
  for (int c = 1; c <= x.cycles; ++c) {
    old_dir = first ? 1 : -1;
    if (!first) last_reversal = time;
    leg(from, x.e_upper_v, 1, c, first);
    first = false;
    old_dir = 1;
    last_reversal = time;
    leg(x.e_upper_v, x.e_lower_v, -1, c, false);
    old_dir = -1;
    from = x.e_lower_v;
  }
  detail::add_gaussian_noise(i, x.noise_a, x.seed);
  Measurement m = detail::synthetic_record(Technique::cyclic_voltammetry);
  m.meta.electrode_area_m2 = x.area_m2;
  m.add(Quantity::time, std::move(t));
  m.add(Quantity::potential, std::move(e));
  m.add(Quantity::current, std::move(i));
  m.add(Quantity::cycle, std::move(cyc));
  return m;
}

}  // namespace solyte::sim
