// The 230 space-group types and their symmetry operations, from spglib's database
// (A. Togo, K. Shinohara, I. Tanaka, Sci. Technol. Adv. Mater. Meth. 4 (2024) 2384822;
// docs/methods.md §4c).
//
//   using namespace solyte::xtal;
//   SpaceGroup g = find_space_group("Im-3m");      // also "I m -3 m", "229", "hall 529",
//                                                  // "-I 4 2 3", "P2_1/c", "P 1 21/n 1"
//   g.number;               // 229
//   g.operations.size();    // 96 = 48 point operations × 2 centring translations
//
// Settings: spglib's database lists 530 Hall settings of the 230 types. A type looked up by
// its number or short symbol gets the *first* Hall setting spglib lists for that number, which
// is also the setting spglib itself uses by default: unique axis b and cell choice 1 for
// monoclinic groups, hexagonal axes for R groups, and ORIGIN CHOICE 1 for the 24 groups with
// two origins (e.g. Fd-3m → Hall 525). Other settings: a suffix with spglib's choice label
// ("Fd-3m:2", "R-3:R", "P2_1/c:b2"), a full symbol of the setting ("P 1 2_1/n 1"), a Hall
// symbol ("-F 4vw 2vw 3") or a Hall number (`space_group_from_hall(526)`, "hall 526").
//
// Operations act on fractional coordinates of the conventional cell: x' = R x + t. The list
// holds every operation of the conventional cell, i.e. the centring translations combined
// with the coset representatives, so its size is the general-position multiplicity.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "solyte/xtal/cell.hpp"

namespace solyte::xtal {

/// One symmetry operation x' = rotation · x + translation (fractional coordinates).
struct SymmetryOperation {
  std::array<std::array<int, 3>, 3> rotation{};  ///< integer matrix, row-major
  std::array<double, 3> translation{};           ///< fractions of the cell edges, in [0, 1)
};

enum class CrystalSystem {
  triclinic,
  monoclinic,
  orthorhombic,
  tetragonal,
  trigonal,
  hexagonal,
  cubic
};
std::string_view to_string(CrystalSystem s);

struct SpaceGroup {
  int number = 0;                   ///< ITA number, 1–230
  int hall_number = 0;              ///< spglib's Hall number, 1–530
  std::string international_short;  ///< e.g. "Im-3m", "P2_1/c"
  std::string international_full;   ///< e.g. "I 4/m -3 2/m", "P 1 2_1/c 1"
  std::string international;        ///< symbol of this setting, e.g. "P 2_1/c = P 1 2_1/n 1"
  std::string hall_symbol;          ///< e.g. "-I 4 2 3"
  std::string choice;               ///< spglib's setting label ("b1", "2", "H", "R") or empty
  std::string schoenflies;          ///< e.g. "Oh^9"
  std::string point_group;          ///< Hermann–Mauguin point group, e.g. "m-3m"
  CrystalSystem crystal_system = CrystalSystem::triclinic;
  char lattice_type = 'P';                    ///< centring letter of this setting: P A B C I F R
  std::vector<SymmetryOperation> operations;  ///< all operations of the conventional cell
  /// Pure translations among `operations` (always includes 0,0,0): 1 for P, 2 for A/B/C/I,
  /// 3 for R in hexagonal axes, 4 for F.
  int centring_count = 1;
  /// operations.size() / centring_count: the point-group order.
  int point_group_order = 1;
  /// operations.size(): the order of the group modulo lattice translations of the
  /// conventional cell = multiplicity of the general position.
  int order() const { return static_cast<int>(operations.size()); }
};

/// Group number 1–230 in its default setting (see above). InvalidArgument outside 1–230.
SpaceGroup space_group(int number);

/// Setting `hall_number` (1–530) of spglib's database. InvalidArgument outside 1–530.
SpaceGroup space_group_from_hall(int hall_number);

/// Any of: an ITA number ("229"); "hall 529" / "hall:529" / "H529"; a Hermann–Mauguin short or
/// full symbol, with or without spaces and underscores, optionally ":choice" ("Im-3m",
/// "I m -3 m", "P21/c", "Fd-3m:2"); a Hall symbol ("-I 4 2 3"). Letters must have their usual
/// case, but an unambiguous case-insensitive match is accepted too. InvalidArgument for
/// anything else, naming close matches when there are some.
SpaceGroup find_space_group(std::string_view text);

/// The cell of `group`'s lattice system from its free parameters (lengths in Å, angles in
/// degrees): 1 value a (cubic), 2 a, c (tetragonal, or hexagonal axes for hexagonal and
/// trigonal-P groups), 3 a, b, c, 4 a, b, c, β (monoclinic), 6 a, b, c, α, β, γ. Throws
/// InvalidArgument for another count or an impossible cell.
UnitCell cell_from_parameters(std::span<const double> parameters, const SpaceGroup& group);

/// A group given by explicit operations (a CIF's symmetry-operation loop, say).
/// When spglib's database has a Hall setting with the same operations modulo
/// lattice translations, that setting is returned (its symbols, Hall number and
/// operations). Otherwise the type comes from spglib's identification
/// (spg_get_spacegroup_type_from_symmetry), hall_number is 0, the
/// `international` field says "non-standard setting", and `operations` are the
/// given ones (translations reduced to [0, 1)). InvalidArgument when the list
/// is empty, has a singular or non-integer rotation, a repeated operation, or
/// is not closed under composition (not a group); NumericalError when spglib
/// cannot identify the type.
SpaceGroup space_group_from_operations(std::span<const SymmetryOperation> operations);

/// Parses one operation in the x,y,z form of CIF and the International Tables:
/// "-y+1/2,x,z", "1/2+x, 1/2-y, -z", "x-y,x,z+1/6", "x+0.5,y,z" (X, Y, Z
/// accepted too). InvalidArgument naming the component and what was expected.
SymmetryOperation parse_xyz_operation(std::string_view text);

/// The x,y,z form of an operation, translations as fractions: "-y+1/2,x,z".
std::string to_xyz(const SymmetryOperation& op);

/// True when a and b are the same operation modulo lattice translations
/// (translations equal within `tolerance` modulo 1).
bool same_operation(const SymmetryOperation& a, const SymmetryOperation& b,
                    double tolerance = 1e-6);

}  // namespace solyte::xtal
