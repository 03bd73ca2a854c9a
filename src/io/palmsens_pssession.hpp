// Reader for PalmSens PSTrace / MultiTrace session files (.pssession).
// docs/formats.md § PalmSens .pssession.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when the decoded text is a JSON object naming the type PalmSens.DataFiles.SessionFile near
/// its start.
bool is_palmsens_session(const std::vector<TextLine>& lines);

/// One record per measurement (impedance measurements: one per sweep), from each measurement's data
/// set: impedance as frequency, Z', Z'' (PalmSens stores −Z''), |Z| and phase; other techniques as
/// potential, current, charge and time with a cycle column numbering the scans. Values are
/// converted from the stated units (µA → A …); arrays whose length differs from the record's are
/// left out with a warning. The title, device, time stamp and method parameters go to meta.header.
/// `bytes` is the file as stored (UTF-16 LE with BOM as PSTrace writes it, or UTF-8); characters
/// after the closing brace (PSTrace appends a byte-order mark) are ignored. Throws ParseError
/// naming the byte offset of a JSON syntax error (a truncated file) or the JSON path of a missing
/// or malformed entry.
std::vector<Measurement> read_palmsens_session(std::string_view bytes, const std::string& file);

}  // namespace solyte::io::detail
