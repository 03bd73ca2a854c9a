#include "solyte/sim/symmetric_cell.hpp"

#include <cmath>

#include "sim/curve_noise.hpp"
#include "sim/synthetic_record.hpp"
#include "solyte/error.hpp"

namespace solyte::sim {

Measurement simulate_symmetric_cycling(const echem::CcdProtocol& p, const SymmetricCell& c) {
  if (!(c.area_m2 > 0) || !(c.asr_ohm_m2 > 0) || !(c.tau_s > 0) || !(c.sample_interval_s > 0))
    throw InvalidArgument(
        "simulate_symmetric_cycling: area, ASR, tau and sample interval must be > 0");
  if (!(c.polarisation_asr_ohm_m2 >= 0))
    throw InvalidArgument("simulate_symmetric_cycling: the polarisation ASR must be >= 0");
  for (const auto& e : c.events) {
    if (e.step < 0 || e.step >= static_cast<int>(p.steps.size()) || e.sweep < 0 ||
        e.sweep >= p.steps[static_cast<std::size_t>(e.step)].sweeps ||
        !(e.fraction >= 0 && e.fraction < 1))
      throw InvalidArgument("simulate_symmetric_cycling: an event lies outside the schedule");
    if (!e.short_circuit && !(e.asr_factor > 0 && e.asr_factor < 1))
      throw InvalidArgument(
          "simulate_symmetric_cycling: a penetration's ASR factor must lie in (0, 1)");
  }
  std::vector<double> t, v, i, step_col, sweep_col;
  double time = 0, factor = 1, r_short = 0;
  bool shorted = false;
  int sweep_no = 0;
  double last_v = 0;
  for (std::size_t s = 0; s < p.steps.size(); ++s) {
    const auto& st = p.steps[s];
    for (int q = 0; q < st.sweeps; ++q) {
      ++sweep_no;
      const double sign = (sweep_no % 2 == 1) ? 1.0 : -1.0;
      const double current = sign * st.current_density_a_per_m2 * c.area_m2;
      const CellEventSpec* event = nullptr;
      for (const auto& e : c.events)
        if (e.step == static_cast<int>(s) && e.sweep == q) event = &e;
      const double t_event = event ? event->fraction * st.sweep_time_s : -1;
      const auto samples = static_cast<long>(std::ceil(st.sweep_time_s / c.sample_interval_s));
      bool applied = false;
      for (long k = 0; k <= samples; ++k) {
        const double tr = std::min(static_cast<double>(k) * c.sample_interval_s, st.sweep_time_s);
        if (event && !applied && tr >= t_event) {
          applied = true;
          if (event->short_circuit) {
            shorted = true;
            r_short = event->short_resistance_ohm;
          } else {
            factor *= event->asr_factor;
          }
        }
        double volt;
        if (shorted) {
          volt = current * r_short;
        } else {
          const double asr =
              factor * c.asr_ohm_m2 + c.polarisation_asr_ohm_m2 * (1 - std::exp(-tr / c.tau_s));
          volt = current / c.area_m2 * asr;
        }
        t.push_back(time + tr);
        v.push_back(volt);
        i.push_back(current);
        step_col.push_back(static_cast<double>(s + 1));
        sweep_col.push_back(sweep_no);
        last_v = volt;
      }
      time += st.sweep_time_s;
      if (p.rest_s > 0) {
        const auto rest_samples = static_cast<long>(std::ceil(p.rest_s / c.sample_interval_s));
        for (long k = 1; k <= rest_samples; ++k) {
          const double tr = std::min(static_cast<double>(k) * c.sample_interval_s, p.rest_s);
          t.push_back(time + tr);
          v.push_back(shorted ? 0.0 : last_v * std::exp(-tr / c.tau_s));
          i.push_back(0.0);
          step_col.push_back(static_cast<double>(s + 1));
          sweep_col.push_back(sweep_no);
        }
        time += p.rest_s;
      }
    }
  }
  detail::add_gaussian_noise(v, c.noise_v, c.seed);
  Measurement m = detail::synthetic_record(Technique::galvanostatic);
  m.meta.electrode_area_m2 = c.area_m2;
  m.add(Quantity::time, std::move(t));
  m.add(Quantity::potential, std::move(v));
  m.add(Quantity::current, std::move(i));
  m.add(Quantity::step, std::move(step_col));
  m.add(Quantity::cycle, std::move(sweep_col));
  return m;
}

}  // namespace solyte::sim
