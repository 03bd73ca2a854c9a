// Wyckoff orbits: the positions equivalent to a representative under a space group, their
// multiplicity in the conventional cell, the site-symmetry order, and spglib's Wyckoff letter
// and site-symmetry symbol (docs/methods.md §4c).
//
//   using namespace solyte::xtal;
//   SpaceGroup g = find_space_group("Im-3m");
//   WyckoffSite s = wyckoff_site(g, {0.12, 0.0, 0.5});
//   s.multiplicity;        // 24
//   s.letter;              // "g"   → label "24g"
//   s.site_symmetry;       // "mm2.."
//   s.orbit.size();        // 24 positions, each coordinate in [0, 1)
//
// Not provided: a table of all Wyckoff positions of a group (letter, multiplicity, site
// symmetry, representative). spglib 2.0 keeps that table internal; only the letter of a given
// position is exposed, which is what `wyckoff_site` uses.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "solyte/xtal/space_group.hpp"

namespace solyte::xtal {

using Fractional = std::array<double, 3>;

/// Default tolerance for "the same position": per coordinate, in fractions of the cell edge,
/// after reduction modulo 1.
inline constexpr double kPositionTolerance = 1e-6;

/// The distinct images R·x + t of `position` under `group.operations`, each coordinate reduced
/// to [0, 1) (values within `tolerance` of 1 become 0), in the order the operations first
/// produce them; two images are the same when every coordinate differs by at most `tolerance`
/// modulo 1. The first entry is the reduced `position`. InvalidArgument for a non-finite
/// coordinate or tolerance ≤ 0.
std::vector<Fractional> orbit(const SpaceGroup& group, const Fractional& position,
                              double tolerance = kPositionTolerance);

struct WyckoffSite {
  Fractional position{};          ///< the input, reduced to [0, 1)
  int multiplicity = 0;           ///< orbit size in the conventional cell
  int site_symmetry_order = 0;    ///< group.order() / multiplicity
  std::string letter;             ///< spglib's Wyckoff letter ("a"…"z", "α" for the 27th)
  std::string site_symmetry;      ///< oriented site-symmetry symbol, e.g. "mm2..", "-4m.2"
  std::vector<Fractional> orbit;  ///< as `orbit()`
  std::string label() const { return std::to_string(multiplicity) + letter; }  ///< "24g"
};

/// Orbit, multiplicity, site-symmetry order and Wyckoff letter of `position` in `group`'s
/// setting. The letter comes from spglib (spg_get_dataset_with_hall_number on a crystal made
/// of this orbit plus the orbit of a general position, in a cell whose metric the group's
/// rotations preserve). `tolerance` is used for the orbit; spglib's symprec is derived from it.
/// InvalidArgument for bad input; NumericalError when spglib cannot identify the setting (it
/// then cannot give a letter consistent with the orbit).
WyckoffSite wyckoff_site(const SpaceGroup& group, const Fractional& position,
                         double tolerance = kPositionTolerance);

}  // namespace solyte::xtal
