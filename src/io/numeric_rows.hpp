// The rows of a numeric table, read column-wise: the inner loop of every text reader whose
// data block is all numbers (generic tables, powder patterns, spectra, DSC exports). Written
// for speed (one pass over each line, no allocation per row) with the messages of
// docs/formats.md § Errors.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "io/text_table.hpp"

namespace solyte::io::detail {

struct NumericRows {
  std::vector<std::vector<double>> columns;  ///< columns[k][i]: field k of row i
  std::vector<std::size_t> lines;            ///< 1-based line number of row i
};

/// Reads lines[first, last): every non-blank line must split at `d` into `columns` finite
/// numbers (a comma is a decimal mark unless it is the delimiter). `names[k]` names field k in
/// messages; `reference_line` is the line that fixed the field count. Throws ParseError naming
/// the line and field: a wrong field count ("truncated or damaged line?"), a field that is not
/// a number, NaN or infinity.
NumericRows read_numeric_rows(const std::vector<TextLine>& lines, std::size_t first,
                              std::size_t last, Delimiter d, std::size_t columns,
                              const std::string& file, const std::vector<std::string>& names,
                              std::size_t reference_line);

/// The fast path of read_numeric_rows, for readers with their own row loop: true when `line`
/// is exactly `columns` plain finite numbers separated by `d` (then `out` holds them); false
/// for anything else — blank, quoted, decimal commas, NaN, a wrong count — which the caller
/// then reads field by field as before. It decides how fast, never what.
bool parse_plain_row(std::string_view line, Delimiter d, std::size_t columns, double* out);

/// Throws ParseError at the first row whose value in `column` does not continue the strict
/// increase (or decrease, when the first two rows decrease) of the rows before it; `what`
/// names the column ("2θ").
void require_monotonic_column(const NumericRows& rows, std::size_t column, const std::string& file,
                              std::string_view what);

}  // namespace solyte::io::detail
