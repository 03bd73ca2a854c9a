// Reading crystal structures from files: CIF (xtal/cif.hpp does the parsing; this is where the file
// is opened).
//
//   solyte::xtal::CrystalStructure s = solyte::io::read_structure("NaCl.cif");
//
// Failures: std::system_error when the file cannot be opened; ParseError (file, line, column, what
// was expected) when it is not a CIF holding a structure.
#pragma once

#include <string>
#include <string_view>

#include "solyte/xtal/cif.hpp"

namespace solyte::io {

/// The structure in data block `block` (case-insensitive) of the CIF at `path`, or of its first
/// block with a cell when `block` is empty.
xtal::CrystalStructure read_structure(const std::string& path, std::string_view block = {});

/// The whole document (all blocks, items and loops) of the CIF at `path`.
xtal::CifDocument read_cif_document(const std::string& path);

}  // namespace solyte::io
