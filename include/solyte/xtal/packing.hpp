// Anion packing: density, touching-sphere anion size and the free volume left for cations
// (METHODS.md §5, the paper's Table 1; docs/methods.md §5).
//
//   using namespace solyte::xtal;
//   double m = molar_mass_g_per_mol("NaCB11H12");                        // 166.0068
//   auto fcc = anion_packing({.lattice = AnionLattice::fcc, .a_angstrom = 10.066, .z = 4,
//                             .molar_mass_g_per_mol = m});
//   auto bcc = anion_packing({.lattice = AnionLattice::bcc, .a_angstrom = 7.882, .z = 2,
//                             .molar_mass_g_per_mol = m});
//   // fcc.free_volume_per_formula_a3 = 66.17, bcc… = 78.31 Å³
//   auto d = compare_free_volume(fcc, bcc);   // +12.13 Å³: 15.5 % of bcc's, 18.3 % of fcc's
//
// Model: the anions are hard spheres on the lattice sites, touching their nearest neighbours,
// one anion per formula unit (so Z anions per cell, as for NaCB11H12 with Z = 4 in fcc and 2
// in bcc). R⁻ is half the nearest anion–anion distance:
//   fcc  R⁻ = a√2/4 (contact along the face diagonal), 4 sites per cubic cell;
//   bcc  R⁻ = a√3/4 (body diagonal), 2 sites;
//   hcp  R⁻ = min(a, √(a²/3 + c²/4))/2 (in-plane or between layers), 2 sites per hexagonal
//        cell; without c the ideal c = √(8/3)·a, where both distances equal a;
//   sc   R⁻ = a/2 (cell edge), 1 site.
// V = a³ (cubic) or (√3/2)·a²·c (hcp), V⁻ = 4πR⁻³/3, ρ = Z·M/(N_A·V), free volume per formula
// unit (per cation for one cation per formula) (V − Z·V⁻)/Z, packing fraction Z·V⁻/V (0.7405
// for fcc and ideal hcp, 0.6802 for bcc, 0.5236 for sc when Z equals the number of sites).
// Nothing is rounded on the way: the paper printed V⁻ = 188.9/166.0 and V_Na/Z = 66.1/78.8
// because it rounded R⁻ to 3.56/3.41 Å before cubing; the unrounded values are
// 188.81/166.53 and 66.17/78.31 Å³.
//
// Units: lengths in Å, volumes in Å³ (the field's units, as in xtal/cell.hpp), density in
// g/cm³, molar mass in g/mol.
// Failures: InvalidArgument for a non-positive or non-finite a, c, Z or M, and for c given
// with a cubic lattice.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace solyte::xtal {

enum class AnionLattice { fcc, bcc, hcp, sc };

/// "fcc", "bcc", "hcp", "sc".
std::string_view to_string(AnionLattice lattice);
/// Accepts fcc|bcc|hcp|sc (also "ccp", "simple-cubic"); throws InvalidArgument otherwise.
AnionLattice parse_anion_lattice(std::string_view name);
/// Anion sites in the conventional cell: fcc 4, bcc 2, hcp 2, sc 1.
int lattice_sites(AnionLattice lattice);

struct PackingInput {
  AnionLattice lattice = AnionLattice::fcc;
  double a_angstrom = 0;
  std::optional<double> c_angstrom;  ///< hcp only; default the ideal √(8/3)·a
  double z = 0;                      ///< formula units (= anions) per cell
  double molar_mass_g_per_mol = 0;
};

struct Packing {
  AnionLattice lattice = AnionLattice::fcc;
  double a_angstrom = 0, c_angstrom = 0;  ///< c = a for the cubic lattices
  double z = 0;
  int sites = 0;                          ///< lattice_sites(lattice)
  double volume_a3 = 0;                   ///< cell volume V
  double volume_per_formula_a3 = 0;       ///< V/Z
  double density_g_per_cm3 = 0;           ///< Z·M/(N_A·V)
  double anion_radius_a = 0;              ///< touching-sphere R⁻
  double anion_volume_a3 = 0;             ///< 4πR⁻³/3
  double free_volume_per_formula_a3 = 0;  ///< (V − Z·V⁻)/Z
  double packing_fraction = 0;            ///< Z·V⁻/V
  std::string note;                       ///< e.g. ideal c assumed, Z ≠ sites
};

Packing anion_packing(const PackingInput& input);

/// ρ = Z·M/(N_A·V) in g/cm³ from V in Å³ (1 Å³ = 1e-24 cm³; N_A CODATA 2018).
double density_g_per_cm3(double z, double molar_mass_g_per_mol, double volume_a3);
/// Half the nearest-neighbour distance of the lattice (Å); c is used for hcp only.
double touching_sphere_radius(AnionLattice lattice, double a_angstrom,
                              std::optional<double> c_angstrom = std::nullopt);
/// 4πr³/3.
double sphere_volume(double radius);

/// Free volume of `b` against `a`: the difference b − a (Å³) as a fraction of b,
/// (b − a)/b, and as a fraction of a, b/a − 1. For fcc (a) and bcc (b) NaCB11H12:
/// +12.13 Å³, 15.5 % and 18.3 % (the paper's "15.7 %" is neither).
struct FreeVolumeComparison {
  double difference_a3 = 0;
  double fraction_of_b = 0;
  double fraction_of_a = 0;
};
FreeVolumeComparison compare_free_volume(const Packing& a, const Packing& b);

}  // namespace solyte::xtal
