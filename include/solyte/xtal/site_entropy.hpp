// Configurational (lattice-gas) entropy of mobile cations spread over partially occupied
// site sets (METHODS.md §4; docs/methods.md §4b).
//
//   using namespace solyte::xtal;
//   std::vector<SiteSet> s = {{.label = "24h", .multiplicity = 24, .occupancy = 0.008},
//                             {.label = "24g", .multiplicity = 24, .occupancy = 0.075}};
//   auto e = configurational_entropy(s, 2.0);   // 7.5115 k_B per cell, 3.7557 k_B per Na
//
//   // Occupancies from a ratio c(24h)/c(24g) = 0.11 and 2 Na per cell:
//   auto c = occupancies_from_ratios(std::vector<double>{24, 24}, std::vector<double>{0.11}, 2);
//   // c = {0.0082583, 0.0750751} → 3.7729 k_B per Na
//
// Model: the cations are distributed at random over the sites of each set, at most one per
// site, with no interaction (ideal lattice gas; e.g. T. L. Hill, An Introduction to
// Statistical Thermodynamics, Addison-Wesley 1960, §7-1). A set of m sites holding m·c
// cations has W = m!/[(mc)!(m(1−c))!] arrangements; with Stirling's formula
//   S/k_B = −Σ_i m_i [c_i ln c_i + (1 − c_i) ln(1 − c_i)]   per cell,
// and per mobile cation S/(N k_B) with N the cations per cell (N = Σ m_i c_i unless given).
// In J/(mol·K) the values are multiplied by R = N_A k_B (CODATA 2018): per mole of cells and
// per mole of cations.
//
// Units: multiplicities are sites per cell (any positive number; usually the Wyckoff
// multiplicity), occupancies are fractions, entropies in k_B and J/(mol·K).
// Failures: InvalidArgument for no site sets, a multiplicity ≤ 0, an occupancy outside (0, 1)
// (a set that is empty or full adds no configurational entropy: leave it out), a cation
// count ≤ 0, a ratio ≤ 0, or ratios that would need an occupancy ≥ 1.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace solyte::xtal {

/// One set of equivalent sites (a Wyckoff orbit) in the cell.
struct SiteSet {
  std::string label;        ///< e.g. "24h"; only for reports
  double multiplicity = 0;  ///< sites of the set per cell, m_i
  double occupancy = 0;     ///< fraction of those sites holding a cation, c_i in (0, 1)
};

struct ConfigurationalEntropy {
  std::vector<SiteSet> sites;
  std::vector<double> s_set_kb;  ///< each set's contribution per cell, k_B
  double occupied_per_cell = 0;  ///< Σ m_i c_i
  double cations_per_cell = 0;   ///< N used for the per-cation values
  double s_per_cell_kb = 0;
  double s_per_cation_kb = 0;
  double s_per_cell_j_per_mol_k = 0;
  double s_per_cation_j_per_mol_k = 0;
  std::string note;  ///< e.g. Σ m·c differs from the cation count given
};

/// Lattice-gas entropy of `sites`. `cations_per_cell` (when given) is N for the per-cation
/// values, e.g. the nominal 2 Na per cell when the occupancies are rounded (Σ m·c = 1.992);
/// a difference from Σ m·c beyond 1e-6 relative is explained in `note`.
ConfigurationalEntropy configurational_entropy(std::span<const SiteSet> sites,
                                               std::optional<double> cations_per_cell = {});

/// Occupancies that hold `cations_per_cell` cations in sets of the given multiplicities with
/// c_i/c_n = ratios[i] for i < n (each set relative to the last; ratios has n − 1 entries).
/// Solves Σ m_i c_i = N: c_n = N / (m_n + Σ_{i<n} m_i r_i), c_i = r_i c_n.
std::vector<double> occupancies_from_ratios(std::span<const double> multiplicities,
                                            std::span<const double> ratios,
                                            double cations_per_cell);

/// −[c ln c + (1 − c) ln(1 − c)], the mixing entropy of one site in k_B; c in (0, 1).
double site_mixing_entropy_kb(double occupancy);

}  // namespace solyte::xtal
