// Effective-medium and bound estimates of a mixture's conductivity (METHODS.md §6;
// docs/methods.md §6). Formulas and citations are in the header.
#include "solyte/transport/effective_medium.hpp"

#include <algorithm>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

#include "solyte/error.hpp"

namespace solyte::transport {

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.8g", v);
  return buf;
}

constexpr double kFractionSumTolerance = 1e-6;

void check_phases(std::span<const MediumPhase> phases) {
  if (phases.empty()) throw InvalidArgument("effective medium: no phases given");
  double sum = 0;
  for (std::size_t i = 0; i < phases.size(); ++i) {
    const auto& p = phases[i];
    const std::string name = "phase " + std::to_string(i + 1);
    if (!std::isfinite(p.volume_fraction) || p.volume_fraction < 0 || p.volume_fraction > 1)
      throw InvalidArgument("effective medium: " + name + " has volume fraction " +
                            num(p.volume_fraction) + "; fractions lie in [0, 1] (not %)");
    if (!std::isfinite(p.sigma_s_per_m) || p.sigma_s_per_m < 0)
      throw InvalidArgument("effective medium: " + name + " has conductivity " +
                            num(p.sigma_s_per_m) + " S/m; it must be finite and not negative");
    sum += p.volume_fraction;
  }
  if (std::abs(sum - 1) > kFractionSumTolerance)
    throw InvalidArgument("effective medium: the volume fractions sum to " + num(sum) +
                          ", not 1; give fractions of the whole sample");
}

void check_dimension(int d) {
  if (d != 2 && d != 3)
    throw InvalidArgument("effective medium: dimension " + std::to_string(d) +
                          " is not supported; use 3 (spheres) or 2 (discs/cylinders)");
}

bool has_insulating_phase(std::span<const MediumPhase> phases) {
  for (const auto& p : phases)
    if (p.volume_fraction > 0 && p.sigma_s_per_m == 0) return true;
  return false;
}

// Σ φ_i (σ_i − s)/(σ_i + (d−1)s) for s > 0: strictly decreasing while a conducting phase
// has φ > 0.
double bruggeman_residual(std::span<const MediumPhase> phases, double s, int d) {
  double f = 0;
  for (const auto& p : phases)
    if (p.volume_fraction > 0)
      f += p.volume_fraction * (p.sigma_s_per_m - s) / (p.sigma_s_per_m + (d - 1) * s);
  return f;
}

// Positive root of (d−1)σ² − bσ − σ1σ2 = 0, written for each sign of b so that no two
// nearly equal numbers are subtracted: σ = (b + r)/(2(d−1)) for b ≥ 0, and
// σ = 2σ1σ2/(r − b) for b < 0, with r = √(b² + 4(d−1)σ1σ2).
double bruggeman_two_phase(const MediumPhase& p1, const MediumPhase& p2, int d) {
  const double s1 = p1.sigma_s_per_m, s2 = p2.sigma_s_per_m;
  const double b = (d * p1.volume_fraction - 1) * s1 + (d * p2.volume_fraction - 1) * s2;
  const double prod = s1 * s2;
  const double r = std::sqrt(b * b + 4 * (d - 1) * prod);
  if (b >= 0) return (b + r) / (2 * (d - 1));
  return r - b > 0 ? 2 * prod / (r - b) : 0.0;
}

}  // namespace

double parallel_conductivity(std::span<const MediumPhase> phases) {
  check_phases(phases);
  double s = 0;
  for (const auto& p : phases) s += p.volume_fraction * p.sigma_s_per_m;
  return s;
}

double series_conductivity(std::span<const MediumPhase> phases) {
  check_phases(phases);
  if (has_insulating_phase(phases)) return 0;
  double r = 0;
  for (const auto& p : phases)
    if (p.volume_fraction > 0) r += p.volume_fraction / p.sigma_s_per_m;
  return 1 / r;
}

double maxwell_garnett_conductivity(std::span<const MediumPhase> phases, std::size_t host,
                                    int dimension) {
  check_phases(phases);
  check_dimension(dimension);
  if (host >= phases.size())
    throw InvalidArgument("Maxwell-Garnett: host phase " + std::to_string(host + 1) +
                          " does not exist (" + std::to_string(phases.size()) + " phases)");
  const auto& h = phases[host];
  if (!(h.volume_fraction > 0))
    throw InvalidArgument("Maxwell-Garnett: the host phase " + std::to_string(host + 1) +
                          " has volume fraction 0; the host must be the continuous matrix");
  const double sh = h.sigma_s_per_m;
  // An insulating matrix isolates every inclusion: no DC path.
  if (sh == 0) return 0;
  const int d = dimension;
  double y = 0;
  for (std::size_t i = 0; i < phases.size(); ++i) {
    if (i == host) continue;
    const auto& p = phases[i];
    y += p.volume_fraction * (p.sigma_s_per_m - sh) / (p.sigma_s_per_m + (d - 1) * sh);
  }
  // y ≤ 1 − φ_h < 1, so the denominator stays positive.
  return sh * (1 + (d - 1) * y) / (1 - y);
}

double bruggeman_conductivity(std::span<const MediumPhase> phases, int dimension) {
  check_phases(phases);
  check_dimension(dimension);
  const int d = dimension;
  std::vector<MediumPhase> present;
  for (const auto& p : phases)
    if (p.volume_fraction > 0) present.push_back(p);
  if (present.size() == 1) return present[0].sigma_s_per_m;
  if (present.size() == 2) return bruggeman_two_phase(present[0], present[1], d);

  double lo = present[0].sigma_s_per_m, hi = lo;
  for (const auto& p : present) {
    lo = std::min(lo, p.sigma_s_per_m);
    hi = std::max(hi, p.sigma_s_per_m);
  }
  if (hi == 0) return 0;
  if (lo == hi) return lo;
  if (lo == 0) {
    // Insulating phases contribute −φ_i/(d−1) for every σ > 0; when that outweighs the
    // conducting phases as σ → 0⁺ the conductors do not percolate and σ = 0.
    double f0 = 0;
    for (const auto& p : present)
      f0 += p.sigma_s_per_m > 0 ? p.volume_fraction : -p.volume_fraction / (d - 1);
    if (f0 <= 0) return 0;
    // Step down by decades to a point where the residual is positive.
    lo = hi;
    for (int k = 0; k < 600 && bruggeman_residual(present, lo, d) <= 0; ++k) lo /= 10;
    if (bruggeman_residual(present, lo, d) <= 0) return 0;  // below representable range
  }
  // The root lies in [lo, hi]; solve in ln σ, where the residual is smooth over decades.
  auto f = [&](double x) { return bruggeman_residual(present, std::exp(x), d); };
  double a = std::log(lo), b = std::log(hi);
  const double fa = f(a), fb = f(b);
  if (fa == 0) return lo;
  if (fb == 0) return hi;
  std::uintmax_t iterations = 200;
  const auto [x0, x1] = boost::math::tools::toms748_solve(
      f, a, b, fa, fb, boost::math::tools::eps_tolerance<double>(50), iterations);
  return std::exp(0.5 * (x0 + x1));
}

double lichtenecker_conductivity(std::span<const MediumPhase> phases) {
  check_phases(phases);
  if (has_insulating_phase(phases)) return 0;
  double ln = 0;
  for (const auto& p : phases)
    if (p.volume_fraction > 0) ln += p.volume_fraction * std::log(p.sigma_s_per_m);
  return std::exp(ln);
}

double bruggeman_percolation_threshold(int dimension) {
  check_dimension(dimension);
  return 1.0 / dimension;
}

std::vector<double> volume_fractions_from_weight_fractions(std::span<const double> w,
                                                           std::span<const double> rho) {
  if (w.empty()) throw InvalidArgument("weight fractions: none given");
  if (w.size() != rho.size())
    throw InvalidArgument("weight fractions: " + std::to_string(w.size()) + " fractions but " +
                          std::to_string(rho.size()) + " densities; give one density per phase");
  double sum_w = 0, sum_v = 0;
  std::vector<double> v(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!std::isfinite(w[i]) || w[i] < 0 || w[i] > 1)
      throw InvalidArgument("weight fraction " + num(w[i]) + " of phase " + std::to_string(i + 1) +
                            " must lie in [0, 1] (not %)");
    if (!std::isfinite(rho[i]) || !(rho[i] > 0))
      throw InvalidArgument("density " + num(rho[i]) + " of phase " + std::to_string(i + 1) +
                            " must be positive");
    sum_w += w[i];
    v[i] = w[i] / rho[i];
    sum_v += v[i];
  }
  if (std::abs(sum_w - 1) > kFractionSumTolerance)
    throw InvalidArgument("weight fractions sum to " + num(sum_w) + ", not 1");
  for (auto& x : v) x /= sum_v;
  return v;
}

std::vector<EffectiveMediumEstimate> effective_medium_estimates(
    std::span<const MediumPhase> phases) {
  check_phases(phases);
  std::vector<EffectiveMediumEstimate> out;
  out.push_back({"parallel", std::nullopt, parallel_conductivity(phases),
                 "Wiener upper bound: phases as slabs along the field"});
  out.push_back({"series", std::nullopt, series_conductivity(phases),
                 "Wiener lower bound: phases as slabs across the field"});
  std::size_t best = 0;
  for (std::size_t i = 1; i < phases.size(); ++i)
    if (phases[i].sigma_s_per_m > phases[best].sigma_s_per_m) best = i;
  for (std::size_t h = 0; h < phases.size(); ++h) {
    if (!(phases[h].volume_fraction > 0)) continue;
    std::string note = "phase " + std::to_string(h + 1) +
                       " continuous, the others isolated spheres (valid for dilute inclusions)";
    if (phases.size() == 2)
      note += h == best ? "; = Hashin-Shtrikman upper bound" : "; = Hashin-Shtrikman lower bound";
    out.push_back({"maxwell-garnett", h, maxwell_garnett_conductivity(phases, h, 3), note});
  }
  out.push_back({"bruggeman-3d", std::nullopt, bruggeman_conductivity(phases, 3),
                 "symmetric random mixture of spheres; a phase percolates above 1/3"});
  out.push_back({"bruggeman-2d", std::nullopt, bruggeman_conductivity(phases, 2),
                 "symmetric random mixture in a plane; a phase percolates above 1/2"});
  out.push_back({"lichtenecker", std::nullopt, lichtenecker_conductivity(phases),
                 "logarithmic mixing rule (empirical)"});
  return out;
}

}  // namespace solyte::transport
