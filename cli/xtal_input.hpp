// Inputs shared by the structure and diffraction commands: cell lengths in Å, cells, 2θ ranges,
// wavelengths, a structure from a CIF or a bare cell and group, and a powder pattern from a file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "solyte/core/measurement.hpp"
#include "solyte/xtal/pattern.hpp"
#include "solyte/xtal/structure.hpp"

namespace solyte::cli {

/// A length in Å: "10.066" (bare = Å), "10.066A", "10.066 Å", "1.0066nm". InvalidArgument
/// naming `what` otherwise, or when not positive.
double parse_length_angstrom(const std::string& text, const std::string& what);

/// A cell from 1 (cubic a), 2 (a, c: hexagonal axes when `group` is trigonal or hexagonal, else
/// tetragonal), 3 (a, b, c), 4 (a, b, c, β) or 6 values (a, b, c, α, β, γ).
xtal::UnitCell parse_cell(const std::vector<std::string>& values, const xtal::SpaceGroup& group);

/// "5:90" → {5, 90} in degrees 2θ.
std::pair<double, double> parse_range_deg(const std::string& text, const std::string& what);

/// A wavelength in Å: a number ("1.5406", "1.5406A", "0.15406nm") or a line name: CuKa1 (1.5406),
/// CuKa2 (1.5444), CuKa (1.5418), MoKa1 (0.70932), CoKa1 (1.78896), CrKa1 (2.28970),
/// FeKa1 (1.93604), AgKa1 (0.55941).
double parse_wavelength_angstrom(const std::string& text);

/// The structure of a CIF (`cif` non-empty; `block` optional) or, from a cell and a group, a
/// structure without atoms. InvalidArgument when neither or both are given.
struct StructureInput {
  xtal::CrystalStructure structure;
  bool has_atoms = false;
  std::string source;  ///< "file.cif" or "cell + space group"
};
StructureInput load_structure(const std::string& cif, const std::string& block,
                              const std::vector<std::string>& cell, const std::string& spacegroup);

/// A powder pattern from any file the readers know: 2θ, intensity and (when present) sigma of
/// its first diffraction record, restricted to `range` when given; the file's radiation when it
/// states one. InvalidArgument when no record has 2θ and intensity columns.
struct PatternInput {
  std::vector<double> two_theta, intensity, sigma;
  std::optional<xtal::Radiation> radiation;  ///< from the file
  std::string source;
};
PatternInput load_pattern(const std::string& path,
                          const std::optional<std::pair<double, double>>& range);

}  // namespace solyte::cli
