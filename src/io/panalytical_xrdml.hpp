// Reader for PANalytical (Malvern Panalytical) XRDML files, the XML of Data Collector.
// docs/formats.md § PANalytical XRDML.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when the start of the file holds an <xrdMeasurements> element.
bool is_xrdml(std::string_view bytes);

/// One diffraction record per 2θ scan (scan axis Gonio, 2Theta-Omega, 2Theta; positions as
/// start/end or as a list). Scans of other axes are skipped with a warning. Throws ParseError
/// naming the line for malformed XML, missing positions or counts, or lists of different
/// lengths.
std::vector<Measurement> read_xrdml(std::string_view bytes, const std::string& file);

}  // namespace solyte::io::detail
