// A crystal structure: cell, space group and the atoms of the asymmetric unit, as a CIF gives them
// (xtal/cif.hpp) or as a program builds them.
//
//   using namespace solyte::xtal;
//   CrystalStructure nacl{.name = "NaCl", .cell = UnitCell::cubic(5.64),
//                         .group = find_space_group("Fm-3m"),
//                         .sites = {{.label = "Na1", .element = "Na", .position = {0, 0, 0}},
//                                   {.label = "Cl1", .element = "Cl", .position = {.5, .5, .5}}}};
//   auto all = expand_sites(nacl);   // 8 atoms: 4 Na + 4 Cl in the conventional cell
//
// Units: lengths in Å, displacement parameters U in Å² (B = 8π²U, International Tables Vol. C, 3rd
// ed. 2004, §8.7.4.2), positions in fractions of the conventional cell edges.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "solyte/xtal/cell.hpp"
#include "solyte/xtal/space_group.hpp"
#include "solyte/xtal/wyckoff.hpp"

namespace solyte::xtal {

/// One atom site of the asymmetric unit.
struct AtomSite {
  std::string label;        ///< "Na1", unique within a structure
  std::string type_symbol;  ///< as given, e.g. "Ca2+", "F1-"
  std::string element;      ///< element symbol, "Ca"
  int charge = 0;           ///< formal charge from the type symbol (informational)
  Fractional position{};    ///< fractional coordinates
  double occupancy = 1;     ///< fraction of the site occupied by this atom, (0, 1]
  /// Isotropic displacement parameter U_iso, Å²; for an anisotropic site U_eq (as the file gives
  /// it, or computed by `u_equivalent`). Empty: no displacement (B = 0).
  std::optional<double> u_iso_a2;
  /// Anisotropic U (U11, U22, U33, U12, U13, U23), Å², in the CIF convention (dimensionless
  /// reciprocal-axis scaling: T = exp(−2π² Σ U_ij h_i h_j a*_i a*_j)).
  std::optional<std::array<double, 6>> u_aniso_a2;
};

struct CrystalStructure {
  std::string name;        ///< data block name or formula
  UnitCell cell{1, 1, 1};  ///< replaced by every real source
  SpaceGroup group;
  std::vector<AtomSite> sites;
  std::vector<std::string> warnings;  ///< what a reader noticed but could handle
};

/// U_eq = (1/3) Σ_ij U_ij a*_i a*_j a_i·a_j (Fischer & Tillmanns 1988), Å².
double u_equivalent(const std::array<double, 6>& u_aniso_a2, const UnitCell& cell);

/// One atom of the conventional cell, an image of `site_index` under the group.
struct CellAtom {
  std::size_t site_index = 0;
  Fractional position{};  ///< in [0, 1)
};

/// All atoms of the conventional cell: the orbit of every site (duplicates within `tolerance`
/// removed, as xtal::orbit). InvalidArgument when two sites fall on the same position with a total
/// occupancy above 1 + 1e-3.
std::vector<CellAtom> expand_sites(const CrystalStructure& s, double tolerance = 1e-4);

}  // namespace solyte::xtal
