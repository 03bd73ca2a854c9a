// Reader for Gamry Framework data files (.DTA): EISPOT/EISGALV impedance, CV, chronopotentio-
// and chronoamperometry, open-circuit curves. docs/formats.md § Gamry .DTA.
#pragma once

#include <string>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when the file opens with "EXPLAIN" and a "TAG" line.
bool is_gamry_dta(const std::vector<TextLine>& lines);

/// One record per table in file order (OCVCURVE → open circuit, ZCURVE → impedance, …),
/// except that the CURVE1 … CURVEn tables of a CV become one record with a cycle column
/// (the curve number). Header "KEY TYPE VALUE" lines go to meta.header; AREA sets the
/// electrode area; an aborted run (EXPERIMENTABORTED) is read up to where it stopped, with
/// a warning. Decimal commas are read. Throws ParseError naming line and field.
std::vector<Measurement> read_gamry_dta(const std::vector<TextLine>& lines,
                                        const std::string& file);

}  // namespace solyte::io::detail
