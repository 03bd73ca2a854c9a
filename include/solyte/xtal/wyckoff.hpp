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
//   // Every Wyckoff position of the group, a → general (derived from the operations):
//   for (const WyckoffPosition& w : wyckoff_positions(g))
//     std::cout << w.label() << " " << w.representative << "\n";    // 2a 0,0,0 … 96l x,y,z
//   find_wyckoff_position(wyckoff_positions(g), "24h")->multiplicity;  // 24 ("h" works too)
#pragma once

#include <array>
#include <string>
#include <string_view>
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

/// One Wyckoff position of a group: a class of points whose site-symmetry groups are
/// conjugate.
struct WyckoffPosition {
  std::string letter;           ///< "a", "b", …; spglib's letter of `example`
  int multiplicity = 0;         ///< points per conventional cell
  int site_symmetry_order = 0;  ///< group.order() / multiplicity
  std::string site_symmetry;    ///< oriented symbol, e.g. "mm2.."
  int free_parameters = 0;      ///< 0 (a point), 1 (a line), 2 (a plane) or 3 (general)
  /// One representative set in the x,y,z form of the International Tables, e.g. "x,0,1/2",
  /// "1/4,y,-y+1/2", "x,x,z" (any member of the class; not always the one ITA prints).
  std::string representative;
  Fractional example{};  ///< a point of the representative with exactly this symmetry
  std::string label() const { return std::to_string(multiplicity) + letter; }  ///< "24g"
};

/// All Wyckoff positions of `group`'s setting, in letter order (a first, the general position
/// last). Derived from the operations alone: every point of the grid of 1/24 cell edges (which
/// holds every fixed coordinate the 230 types have: multiples of 1/8 and 1/12) gets its exact
/// stabiliser; the fixed space of each new stabiliser, mapped by the group, claims the points of
/// its class; spglib names the letter of one point of each class (`wyckoff_site`). The result
/// is checked to hold one position for each letter from a to the general position's.
/// NumericalError when a translation is not a multiple of 1/24 (non-standard settings) or the
/// check fails.
std::vector<WyckoffPosition> wyckoff_positions(const SpaceGroup& group);

/// The position labelled `label` ("24h", or the letter alone, "h") in `positions`, or nullptr
/// when there is no such letter. InvalidArgument when the letter exists with another
/// multiplicity ("12h" when h is 24h).
const WyckoffPosition* find_wyckoff_position(const std::vector<WyckoffPosition>& positions,
                                             std::string_view label);

}  // namespace solyte::xtal
