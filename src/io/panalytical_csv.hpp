// Reader for the CSV export of PANalytical Data Collector / HighScore: "[Measurement
// conditions]" key,value lines, then "[Scan points]" with Angle,Intensity(,ESD) rows.
// docs/formats.md § PANalytical CSV.
#pragma once

#include <string>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when a "[Measurement conditions]" and a "[Scan points]" line open the sections.
bool is_panalytical_csv(const std::vector<TextLine>& lines);

/// The scan as a diffraction record with the conditions in meta.header and the wavelengths,
/// step and time per step in their fields. Throws ParseError naming line and field.
std::vector<Measurement> read_panalytical_csv(const std::vector<TextLine>& lines,
                                              const std::string& file);

}  // namespace solyte::io::detail
