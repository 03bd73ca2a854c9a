// Crystallographic Information Files (CIF 1.1, small-molecule core dictionary): the syntax (data
// blocks, items, loops, quoted strings, text fields) and a crystal structure from it (cell,
// symmetry, atom sites with occupancy and displacement parameters). Text only: files are opened by
// io/read_structure.hpp.
//
//   using namespace solyte::xtal;
//   CrystalStructure s = structure_from_cif(text, "NaCl.cif");
//   s.cell.a();                 // 5.6402 (from "5.6402(3)")
//   s.group.number;             // 225
//   s.sites[0].element;         // "Na"
//
//   CifDocument doc = parse_cif(text, "x.cif");          // the syntax alone
//   const CifValue* v = doc.blocks[0].find("_cell_length_a");
//
// Syntax (S. R. Hall, F. H. Allen, I. D. Brown, Acta Cryst. A47 (1991) 655; CIF 1.1 syntax,
// International Tables Vol. G, 2005, §2.2.7): `data_NAME` opens a block; `_tag value` items;
// `loop_` + tags + values row by row; values unquoted, 'single' or "double" quoted (a quote closes
// only when followed by white space), or text fields between lines that start with `;`; `#`
// comments; `?` (unknown) and `.` (inapplicable). Tags and reserved words are case-insensitive
// (tags are stored in lower case). Save frames (dictionaries) are skipped. Numbers may carry a
// standard uncertainty in parentheses: "5.6402(3)" = 5.6402 ± 0.0003.
//
// Structure (core dictionary names, with their older synonyms):
//   cell        _cell_length_a/b/c, _cell_angle_alpha/beta/gamma (angles default to 90°)
//   symmetry    _space_group_symop_operation_xyz or _symmetry_equiv_pos_as_xyz (preferred);
//               else _space_group_name_Hall / _symmetry_space_group_name_Hall; else
//               _space_group_name_H-M_alt / _symmetry_space_group_name_H-M; else
//               _space_group_IT_number / _symmetry_Int_Tables_number
//   atom sites  _atom_site_label, _atom_site_type_symbol, _atom_site_fract_x/y/z,
//               _atom_site_occupancy, _atom_site_U_iso_or_equiv or _atom_site_B_iso_or_equiv,
//               _atom_site_adp_type; _atom_site_aniso_label with _atom_site_aniso_U_11…_23
//               (or _B_11…_23)
// The element is the leading one- or two-letter symbol of the type symbol ("Ca2+" → Ca, charge +2),
// else of the label ("CA1" → Ca).
//
// Failures: ParseError with file, line, column and what was expected — for broken syntax
// (unterminated quote or text field, a value without a tag, a loop whose values do not fill its
// rows, an item before the first data_ header, a repeated tag) and for a structure that cannot be
// built (a missing cell length, a coordinate that is not a number, an unknown element, operations
// that are not a group, an aniso label without a site).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "solyte/xtal/structure.hpp"

namespace solyte::xtal {

/// One value as written, with where it starts (1-based line and column).
struct CifValue {
  std::string text;     ///< without quotes; text fields without their delimiting lines
  bool quoted = false;  ///< quoted string or text field (then '?' and '.' are plain text)
  std::size_t line = 0, column = 0;
  bool is_unknown() const { return !quoted && text == "?"; }
  bool is_inapplicable() const { return !quoted && text == "."; }
  /// '?' or '.': no value.
  bool is_null() const { return is_unknown() || is_inapplicable(); }
};

struct CifItem {
  std::string tag;  ///< lower case, with the leading '_'
  CifValue value;
  std::size_t line = 0;  ///< of the tag
};

struct CifLoop {
  std::vector<std::string> tags;            ///< lower case
  std::vector<std::vector<CifValue>> rows;  ///< each of tags.size() values
  std::size_t line = 0;                     ///< of `loop_`
  /// Index of `tag` (case-insensitive) among the tags, or nullopt.
  std::optional<std::size_t> column(std::string_view tag) const;
};

struct CifBlock {
  std::string name;  ///< after data_, as written
  std::size_t line = 0;
  std::vector<CifItem> items;
  std::vector<CifLoop> loops;
  /// The value of a single (non-loop) item `tag` (case-insensitive), or nullptr.
  const CifValue* find(std::string_view tag) const;
  /// The loop that has `tag` among its tags, or nullptr.
  const CifLoop* find_loop(std::string_view tag) const;
};

struct CifDocument {
  std::string source;  ///< name used in messages
  std::vector<CifBlock> blocks;
};

/// Parses CIF 1.1 text. `source` names the file in messages. ParseError on broken syntax; an input
/// with no data block is an error too ("a data_ block").
CifDocument parse_cif(std::string_view text, const std::string& source);

/// A number with its standard uncertainty, "5.6402(3)" → {5.6402, 0.0003}.
struct CifNumber {
  double value = 0;
  std::optional<double> su;
};

/// Reads `v` as a number (with optional "(su)"); ParseError at v's line and column, naming `what`,
/// when it is not one (or is '?'/'.').
CifNumber cif_number(const CifValue& v, const std::string& source, const std::string& what);

/// The structure of block `block_name` (case-insensitive), or of the first block that has atom
/// sites or a cell when empty. ParseError as described above; warnings (an H-M name that disagrees
/// with the operations, a stated multiplicity that differs from the orbit, …) go to
/// CrystalStructure::warnings.
CrystalStructure structure_from_cif(const CifDocument& doc, std::string_view block_name = {});

/// parse_cif + structure_from_cif.
CrystalStructure structure_from_cif(std::string_view text, const std::string& source,
                                    std::string_view block_name = {});

}  // namespace solyte::xtal
