// Reader for Scribner ZPlot/ZView files (.z): "ZPLOT2 ASCII" files with their comment block,
// and the "ZPlotW Data File" / "Z60W Data File" comma-separated exports (also written by
// Autolab's Z60W conversion). docs/formats.md § ZView/ZPlot.
#pragma once

#include <string>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True for the "ZPLOT2 ASCII" banner or a quoted "…Data File: Version …" banner.
bool is_zplot(const std::vector<TextLine>& lines);

/// The impedance record(s): frequency, Z', Z'' (ZPlot stores Z'' itself), time, and the
/// other columns under their names. Without a column-name line the ZPlot layout Freq(Hz),
/// Ampl, Bias, Time(Sec), Z'(a), Z''(b), GD, Err, Range is used. The "key: value" lines of
/// the comment block go to meta.header. Throws ParseError naming line and field.
std::vector<Measurement> read_zplot(const std::vector<TextLine>& lines, const std::string& file);

}  // namespace solyte::io::detail
