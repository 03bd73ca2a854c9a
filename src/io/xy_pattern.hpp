// Reader for powder patterns as two- or three-column text: .xy, .xye, .xyd, .dat exports and
// .xrd files with a title and a point-count line. docs/formats.md § Two-column patterns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when the text is a table of 2θ (strictly increasing, within −10…180°, near-constant
/// step), intensity and optionally esd (≥ 0), with no column names other than those, under at
/// most a title, a point-count line and comments (xy_text.hpp).
bool is_xy_pattern(const std::vector<TextLine>& lines);

/// The pattern as a diffraction record (diffraction_record.hpp). Throws ParseError naming the
/// line for damaged rows, a 2θ that does not increase, a negative esd, or fewer rows than a
/// point-count line declares.
std::vector<Measurement> read_xy_pattern(const std::vector<TextLine>& lines,
                                         const std::string& file);

/// True for a title line padded with NUL bytes (as some Diffrac-Plus .dat exports write it)
/// followed by text: the bytes are a pattern text except for that padding.
bool is_nul_padded_pattern(std::string_view bytes);

/// Reads such a file: the padding is dropped and the text read by read_xy_pattern.
std::vector<Measurement> read_nul_padded_pattern(std::string_view bytes, const std::string& file);

}  // namespace solyte::io::detail
