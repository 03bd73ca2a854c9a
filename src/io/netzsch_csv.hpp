// Reader for NETZSCH Proteus ASCII/CSV exports of DSC (and other thermal) curves: "#KEY:;value"
// header lines, a "##"-marked column header, semicolon-separated rows with the decimal mark
// the header states. docs/formats.md § NETZSCH Proteus CSV.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when the header opens with "#EXPORTTYPE:" or names the NETZSCH format.
bool is_netzsch_csv(const std::vector<TextLine>& lines);

/// The exported curve as a record: columns by their names (Temp./°C → temperature in K,
/// Time/min → s, DSC/(mW/mg) → specific heat flow in W/g, DSC/mW → heat flow in W), header
/// entries, sample mass, heating rate and run of the exported segment(s), exo direction.
/// Throws ParseError naming line and field.
std::vector<Measurement> read_netzsch_csv(const std::vector<TextLine>& lines,
                                          const std::string& file);

/// True for a NETZSCH Proteus binary file (.ngb-*): its UTF-16 signature names NETZSCH.
bool is_netzsch_binary(std::string_view bytes);

/// Always throws ParseError: the binary format is not read; the message says how to export.
std::vector<Measurement> refuse_netzsch_binary(std::string_view bytes, const std::string& file);

}  // namespace solyte::io::detail
