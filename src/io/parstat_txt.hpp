// Reader for Princeton Applied Research Parstat (VersaStudio/PowerCV) tab-separated exports
// whose rows mix DC points (frequency 0) and impedance points. docs/formats.md § Parstat.
#pragma once

#include <string>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when line 1 names "Frequency (Hz)", "Zre (ohms)" and "Zim (ohms)" among tab-separated
/// columns.
bool is_parstat_txt(const std::vector<TextLine>& lines);

/// The impedance rows (frequency > 0) as the first record, with a warning counting the DC
/// rows, which form a second record (time, potential, current). Zim is Z'' as measured.
std::vector<Measurement> read_parstat_txt(const std::vector<TextLine>& lines,
                                          const std::string& file);

}  // namespace solyte::io::detail
