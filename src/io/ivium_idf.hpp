// Reader for Ivium IviumSoft data files (.idf, one measurement) and data sets (.ids, several).
// docs/formats.md § Ivium .idf / .ids.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when the bytes open with 16 zero bytes, a 4-byte section length and a line break (the
/// IviumSoft file header).
bool is_ivium_idf(std::string_view bytes);

/// One record per measurement in the file (an .ids holds several one after the other): for
/// Method=Impedance the primary_data table as frequency, Z' and Z''; for other methods its columns
/// under the names "column 1" … (their meaning is not decoded) with a warning. The key=value
/// settings go to meta.header (indexed lists such as Frequencies.freq[k] are left out). Throws
/// ParseError naming the line (lines counted at LF, the binary section lengths included) for a
/// damaged or truncated table.
std::vector<Measurement> read_ivium_idf(std::string_view bytes, const std::string& file);

}  // namespace solyte::io::detail
