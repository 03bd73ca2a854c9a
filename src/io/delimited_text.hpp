// Reader for plain delimited tables of impedance data (CSV, TSV, semicolon, whitespace),
// with or without header lines, as written by spreadsheets, scripts and most potentiostats'
// "export as text". Rules in docs/formats.md § Delimited text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/spectrum.hpp"
#include "solyte/io/read_spectra.hpp"

namespace solyte::io::detail {

/// True when some delimiter splits at least one line into two or more numbers.
bool has_numeric_table(const std::vector<TextLine>& lines);

/// The single spectrum of a delimited table. Throws ParseError naming line and field.
/// Temperature comes from a temperature column when there is one; nothing else is set.
std::vector<Spectrum> read_delimited(const std::vector<TextLine>& lines, const std::string& file,
                                     ColumnLayout layout);

}  // namespace solyte::io::detail
