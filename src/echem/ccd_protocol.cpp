#include "solyte/echem/ccd_protocol.hpp"

#include <cmath>
#include <string>

#include "solyte/error.hpp"

namespace solyte::echem {

namespace {
constexpr double kHour = 3600.0;

void positive(double v, const char* what) {
  if (!(v > 0) || !std::isfinite(v))
    throw InvalidArgument(std::string("ccd protocol: ") + what + " must be > 0 and finite");
}
}  // namespace

std::vector<double> ramp(double first, double last, double step) {
  if (!(first > 0) || !(last >= first) || !(step > 0) || !std::isfinite(last + step))
    throw InvalidArgument("ramp: need 0 < first <= last and step > 0");
  const double n = std::floor((last - first) / step + 1e-9);
  if (n > 10000) throw InvalidArgument("ramp: more than 10 000 steps");
  std::vector<double> out;
  for (long k = 0; k <= static_cast<long>(n); ++k)
    out.push_back(first + step * static_cast<double>(k));
  return out;
}

CcdProtocol design_ccd_protocol(const CcdProtocolOptions& o) {
  positive(o.specific_capacity_c_per_kg, "the specific capacity");
  positive(o.loading_kg_per_m2, "the loading");
  if (o.current_densities_a_per_m2.empty() == o.c_rates.empty())
    throw InvalidArgument("ccd protocol: give the steps either as current densities or as C-rates");
  if (o.sweeps_per_step < 1) throw InvalidArgument("ccd protocol: at least one sweep per step");
  if (!(o.rest_s >= 0) || !std::isfinite(o.rest_s))
    throw InvalidArgument("ccd protocol: the rest must be >= 0");
  if (o.area_m2) positive(*o.area_m2, "the area");
  CcdProtocol p;
  p.areal_capacity_c_per_m2 = o.specific_capacity_c_per_kg * o.loading_kg_per_m2;
  p.one_c_a_per_m2 = p.areal_capacity_c_per_m2 / kHour;
  p.charge_per_sweep_c_per_m2 = o.charge_per_sweep_c_per_m2.value_or(p.areal_capacity_c_per_m2);
  positive(p.charge_per_sweep_c_per_m2, "the charge per sweep");
  p.sweeps_per_step = o.sweeps_per_step;
  p.rest_s = o.rest_s;
  std::vector<double> j = o.current_densities_a_per_m2;
  if (j.empty())
    for (double c : o.c_rates) {
      positive(c, "every C-rate");
      j.push_back(c * p.one_c_a_per_m2);
    }
  double t = 0;
  for (std::size_t k = 0; k < j.size(); ++k) {
    positive(j[k], "every current density");
    ProtocolStep s;
    s.index = static_cast<int>(k + 1);
    s.current_density_a_per_m2 = j[k];
    s.c_rate = j[k] / p.one_c_a_per_m2;
    if (o.area_m2) s.current_a = j[k] * *o.area_m2;
    s.sweep_time_s = p.charge_per_sweep_c_per_m2 / j[k];
    s.sweeps = o.sweeps_per_step;
    s.start_s = t;
    s.duration_s = s.sweeps * (s.sweep_time_s + o.rest_s);
    t += s.duration_s;
    p.steps.push_back(s);
  }
  p.total_time_s = t;
  return p;
}

}  // namespace solyte::echem
