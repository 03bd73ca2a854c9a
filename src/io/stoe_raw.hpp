// Reader for STOE WinXPOW binary powder patterns, .raw, of the "RAW_1.06" + "Powdat" layout.
// docs/formats.md § STOE RAW.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when the file starts with "RAW_1." and names the "Powdat" file type.
bool is_stoe_raw(std::string_view bytes);

/// The single range of a RAW_1.06 file as a diffraction record. Other RAW_1.x versions are
/// refused (their layout is not known here); truncated or damaged files give a ParseError
/// naming the byte offset.
std::vector<Measurement> read_stoe_raw(std::string_view bytes, const std::string& file);

}  // namespace solyte::io::detail
