// Reader for Bruker/Siemens DIFFRAC-AT and DIFFRAC-plus UXD text files (.uxd): "_KEY=value"
// lines and, per range, a _COUNTS (or _CPS) list on a constant step or _2THETACOUNTS pairs.
// docs/formats.md § Bruker UXD.
#pragma once

#include <string>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when the first line that is not a ';' comment starts with "_FILEVERSION".
bool is_bruker_uxd(const std::vector<TextLine>& lines);

/// One diffraction record per range (_DRIVE … data). Peak lists (_D-I, _2THETA-I) are skipped.
/// Throws ParseError naming line and value for damaged data or a range without _START and
/// _STEPSIZE.
std::vector<Measurement> read_bruker_uxd(const std::vector<TextLine>& lines,
                                         const std::string& file);

}  // namespace solyte::io::detail
