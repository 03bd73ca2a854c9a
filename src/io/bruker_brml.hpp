// Reader for Bruker DIFFRAC.SUITE .brml files: a zip archive of XML parts. docs/formats.md §
// Bruker BRML.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True for a zip archive whose directory names an Experiment*/RawData*.xml part.
bool is_brml(std::string_view bytes);

/// One diffraction record per measured data route of each RawData part, in the order of the
/// DataContainer's reference list. Throws ParseError for a damaged archive (naming the part),
/// malformed XML (naming part and line) or data that do not match their description.
std::vector<Measurement> read_brml(std::string_view bytes, const std::string& file);

}  // namespace solyte::io::detail
