// Reader for Princeton Applied Research VersaStudio project files (.par): "<Section>" blocks
// of key=value lines and "<SegmentN>" blocks holding a "Definition=" column list and
// comma-separated rows. docs/formats.md § VersaStudio .par.
#pragma once

#include <string>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when the file opens with "<Application>" and names VersaStudio.
bool is_versastudio_par(const std::vector<TextLine>& lines);

/// One record per segment; an impedance segment (Frequency(Hz), Z Real, Z Imag) is an
/// impedance record. Key=value lines of the other sections go to meta.header.
std::vector<Measurement> read_versastudio_par(const std::vector<TextLine>& lines,
                                              const std::string& file);

}  // namespace solyte::io::detail
