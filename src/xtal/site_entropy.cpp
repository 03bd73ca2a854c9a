// Lattice-gas configurational entropy (METHODS.md §4; docs/methods.md §4b).
#include "solyte/xtal/site_entropy.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"

namespace solyte::xtal {

namespace {

std::string num(double v, int digits = 6) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

std::string set_name(std::size_t i, const std::string& label) {
  return "site set " + std::to_string(i + 1) + (label.empty() ? "" : " (" + label + ")");
}

void check_multiplicity(std::size_t i, const std::string& label, double m) {
  if (!std::isfinite(m) || !(m > 0))
    throw InvalidArgument(set_name(i, label) + ": multiplicity " + num(m) +
                          " must be a positive number of sites per cell");
}

void check_cations(double n) {
  if (!std::isfinite(n) || !(n > 0))
    throw InvalidArgument("cations per cell = " + num(n) + "; it must be positive");
}

}  // namespace

double site_mixing_entropy_kb(double c) {
  if (!std::isfinite(c) || !(c > 0) || !(c < 1))
    throw InvalidArgument("occupancy " + num(c) + " must lie strictly between 0 and 1");
  // log1p keeps (1 − c) ln(1 − c) accurate for the small occupancies of mobile-ion sites.
  return -(c * std::log(c) + (1 - c) * std::log1p(-c));
}

ConfigurationalEntropy configurational_entropy(std::span<const SiteSet> sites,
                                               std::optional<double> cations_per_cell) {
  if (sites.empty()) throw InvalidArgument("configurational entropy: no site sets given");
  ConfigurationalEntropy r;
  r.sites.assign(sites.begin(), sites.end());
  for (std::size_t i = 0; i < sites.size(); ++i) {
    const auto& s = sites[i];
    check_multiplicity(i, s.label, s.multiplicity);
    const double c = s.occupancy;
    if (!std::isfinite(c) || !(c > 0) || !(c < 1))
      throw InvalidArgument(set_name(i, s.label) + ": occupancy " + num(c) +
                            " must lie strictly between 0 and 1 (an empty or full set adds no "
                            "configurational entropy: leave it out)");
    r.s_set_kb.push_back(s.multiplicity * site_mixing_entropy_kb(c));
    r.s_per_cell_kb += r.s_set_kb.back();
    r.occupied_per_cell += s.multiplicity * c;
  }
  r.cations_per_cell = r.occupied_per_cell;
  if (cations_per_cell) {
    check_cations(*cations_per_cell);
    r.cations_per_cell = *cations_per_cell;
    const double rel = (r.occupied_per_cell - r.cations_per_cell) / r.cations_per_cell;
    if (std::abs(rel) > 1e-6)
      r.note = "the occupancies hold sum(m*c) = " + num(r.occupied_per_cell) +
               " cations per cell, " + num(100 * rel, 3) + " % from the " +
               num(r.cations_per_cell) + " given; per-cation values use " +
               num(r.cations_per_cell) + " (with " + num(r.occupied_per_cell) + ": " +
               num(r.s_per_cell_kb / r.occupied_per_cell, 5) + " k_B per cation)";
  }
  r.s_per_cation_kb = r.s_per_cell_kb / r.cations_per_cell;
  const double R = constants::gas_constant_j_per_mol_k;
  r.s_per_cell_j_per_mol_k = r.s_per_cell_kb * R;
  r.s_per_cation_j_per_mol_k = r.s_per_cation_kb * R;
  return r;
}

std::vector<double> occupancies_from_ratios(std::span<const double> multiplicities,
                                            std::span<const double> ratios,
                                            double cations_per_cell) {
  const std::size_t n = multiplicities.size();
  if (n == 0) throw InvalidArgument("occupancies from ratios: no site sets given");
  if (ratios.size() + 1 != n)
    throw InvalidArgument("occupancies from ratios: " + std::to_string(n) + " site sets need " +
                          std::to_string(n - 1) + " ratios c_i/c_last, got " +
                          std::to_string(ratios.size()));
  check_cations(cations_per_cell);
  for (std::size_t i = 0; i < n; ++i) check_multiplicity(i, "", multiplicities[i]);
  double denom = multiplicities[n - 1];
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (!std::isfinite(ratios[i]) || !(ratios[i] > 0))
      throw InvalidArgument("occupancy ratio " + num(ratios[i]) + " (set " + std::to_string(i + 1) +
                            " to the last) must be positive");
    denom += multiplicities[i] * ratios[i];
  }
  const double c_last = cations_per_cell / denom;
  std::vector<double> c(n);
  for (std::size_t i = 0; i + 1 < n; ++i) c[i] = ratios[i] * c_last;
  c[n - 1] = c_last;
  for (std::size_t i = 0; i < n; ++i)
    if (!(c[i] < 1))
      throw InvalidArgument("occupancies from ratios: " + num(cations_per_cell) +
                            " cations per cell would need an occupancy of " + num(c[i]) + " on " +
                            set_name(i, "") + "; occupancies must stay below 1");
  return c;
}

}  // namespace solyte::xtal
