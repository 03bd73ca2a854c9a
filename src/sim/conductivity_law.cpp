// σ(T) with several Arrhenius regimes and jumps, anchored at one temperature.
#include <cmath>
#include <numbers>
#include <string>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "solyte/sim/pellet_impedance.hpp"

namespace solyte::sim {

namespace {

void validate(const ConductivityLaw& law, double t_k) {
  if (!std::isfinite(t_k) || !(t_k > 0))
    throw InvalidArgument("conductivity law: temperature must be positive and finite, got " +
                          std::to_string(t_k) + " K");
  if (!std::isfinite(law.sigma_ref_s_per_m) || !(law.sigma_ref_s_per_m > 0))
    throw InvalidArgument("conductivity law: sigma_ref must be positive and finite");
  if (!std::isfinite(law.t_ref_k) || !(law.t_ref_k > 0))
    throw InvalidArgument("conductivity law: t_ref must be positive and finite");
  if (law.ea_ev.empty())
    throw InvalidArgument("conductivity law: at least one activation energy is needed");
  for (double ea : law.ea_ev)
    if (!std::isfinite(ea)) throw InvalidArgument("conductivity law: activation energy not finite");
  if (law.crossover_k.size() + 1 != law.ea_ev.size())
    throw InvalidArgument("conductivity law: " + std::to_string(law.ea_ev.size()) +
                          " activation energies need " + std::to_string(law.ea_ev.size() - 1) +
                          " crossover temperatures, got " + std::to_string(law.crossover_k.size()));
  for (std::size_t i = 0; i < law.crossover_k.size(); ++i) {
    const double c = law.crossover_k[i];
    if (!std::isfinite(c) || !(c > 0))
      throw InvalidArgument("conductivity law: crossover temperatures must be positive");
    if (i > 0 && !(c > law.crossover_k[i - 1]))
      throw InvalidArgument("conductivity law: crossover temperatures must ascend strictly");
  }
  for (const auto& j : law.jumps)
    if (!std::isfinite(j.temperature_k) || !(j.temperature_k > 0) || !std::isfinite(j.decades))
      throw InvalidArgument(
          "conductivity law: jump temperatures must be positive and jump sizes finite");
}

/// Unanchored ln(σT) (σT form) or ln σ (σ form) at x = 1/T: piecewise linear in x with slope
/// −Ea_i/k_B, continuous at the crossovers, plus ln 10·decades for every jump below T.
double shape(const ConductivityLaw& law, double t_k) {
  const double x = 1.0 / t_k;
  const auto slope = [&](std::size_t i) { return -law.ea_ev[i] / constants::boltzmann_ev_per_k; };
  // Regime 0 passes through the origin; each following line starts where the previous ends.
  std::size_t i = 0;
  double intercept = 0;
  while (i < law.crossover_k.size() && t_k > law.crossover_k[i]) {
    const double xc = 1.0 / law.crossover_k[i];
    intercept += (slope(i) - slope(i + 1)) * xc;
    ++i;
  }
  double v = intercept + slope(i) * x;
  for (const auto& j : law.jumps)
    if (t_k > j.temperature_k) v += j.decades * std::numbers::ln10;
  if (law.form == transport::ArrheniusForm::sigma_t) v -= std::log(t_k);  // ln σT → ln σ
  return v;
}

}  // namespace

double ConductivityLaw::sigma_s_per_m(double t_k) const {
  validate(*this, t_k);
  // σ_ref·exp(shape(T) − shape(T_ref)): at T = T_ref the exponent is exactly 0, so the anchor
  // is reproduced to the last bit.
  return sigma_ref_s_per_m * std::exp(shape(*this, t_k) - shape(*this, t_ref_k));
}

}  // namespace solyte::sim
