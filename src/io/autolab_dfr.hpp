// Reader for Eco Chemie / Metrohm Autolab FRA data files (.dfr). docs/formats.md § Autolab .dfr.
#pragma once

#include <string>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when line 1 is "VERSION<number>" and line 2 a point count.
bool is_autolab_dfr(const std::vector<TextLine>& lines);

/// The spectrum: after the version, the point count N and one more integer, 9·N numbers one
/// per line, each point f, Z', −Z'' and six further values (kept as "value 4" … "value 9");
/// the trailing lines (numbers and dates) go to meta.header. This layout was established
/// on a file holding a spectrum known from eight other formats (docs/formats.md).
std::vector<Measurement> read_autolab_dfr(const std::vector<TextLine>& lines,
                                          const std::string& file);

}  // namespace solyte::io::detail
