// Reader for Metrohm Autolab NOVA ASCII exports: one header line of "Name (unit)" columns
// such as "Potential applied (V)", "WE(1).Potential (V)", "WE(1).Current (A)", "Scan",
// or the FRA columns "Frequency (Hz)", "Z' (Ω)", "-Z'' (Ω)". docs/formats.md § Metrohm NOVA.
#pragma once

#include <string>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when line 1 names a "WE(1)." column, or NOVA's FRA columns.
bool is_metrohm_nova(const std::vector<TextLine>& lines);

/// One record. The measured WE(1).Potential is the potential; "Potential applied" is kept
/// as a column of its own. "Scan" is the cycle. A record with Scan and Potential applied is
/// a cyclic voltammogram; one with frequency and impedance columns an impedance record.
std::vector<Measurement> read_metrohm_nova(const std::vector<TextLine>& lines,
                                           const std::string& file);

}  // namespace solyte::io::detail
