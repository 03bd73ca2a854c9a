// Reader for Bruker (Siemens) binary powder patterns, .raw: DIFFRAC-plus "RAW1.01" and
// DIFFRAC.SUITE "RAW4.00". docs/formats.md § Bruker RAW.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True for the magic of any Bruker RAW version ("RAW ", "RAW2", "RAW1.01", "RAW4.00").
bool is_bruker_raw(std::string_view bytes);

/// One diffraction record per 2θ range (diffraction_record.hpp). Versions 1 ("RAW ") and 2
/// ("RAW2") are recognised and refused. Throws ParseError naming the byte offset for
/// truncated or damaged files.
std::vector<Measurement> read_bruker_raw(std::string_view bytes, const std::string& file);

}  // namespace solyte::io::detail
