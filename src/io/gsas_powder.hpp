// Reader for GSAS powder data files (.gsas, .gsa, .fxye, .raw of GSAS): a title line, optional
// instrument-file and '#' comment lines, and BANK records in the STD, ESD, FXY or FXYE layouts
// with 2θ in centidegrees. docs/formats.md § GSAS powder data.
#pragma once

#include <string>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when a line starting "BANK" followed by a bank number appears in the first lines.
bool is_gsas_powder(const std::vector<TextLine>& lines);

/// One diffraction record per constant-wavelength BANK (2θ converted from centidegrees).
/// Time-of-flight banks are refused. Throws ParseError naming line and field.
std::vector<Measurement> read_gsas_powder(const std::vector<TextLine>& lines,
                                          const std::string& file);

}  // namespace solyte::io::detail
