// Finding the table of numbers in a text file: which delimiter splits it, and where the
// data block starts. Shared by the impedance and the generic table readers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "io/text_table.hpp"

namespace solyte::io::detail {

/// A comma inside a field can only be a decimal mark when it is not the delimiter.
inline bool comma_decimal(Delimiter d) { return d != Delimiter::comma; }

/// True when the line splits at `d` into two or more fields that are all numbers; `fields`
/// receives the field count.
bool numeric_row(std::string_view line, Delimiter d, std::vector<std::string_view>& scratch,
                 std::size_t& fields);

/// The delimiter (tab, ';', ',', blanks — ties in that order) giving the longest run of
/// numeric lines of one width; `score` is that run's length (0: no numeric table at all).
Delimiter choose_delimiter(const std::vector<TextLine>& lines, std::size_t& score);

struct Block {
  std::size_t start = 0;      ///< index into lines of the first data row
  std::size_t fields = 0;     ///< field count of the table
  std::size_t reference = 0;  ///< line number that fixed the field count
};

/// The data block: the first run of `min_rows` numeric rows of equal width; rows just before
/// it that look like damaged data (numeric first field, or mostly numbers at the table's
/// width) belong to it, so that damage there is reported instead of skipped. Throws
/// ParseError(file, 0, 0, no_table_message) when no line is numeric.
Block find_block(const std::vector<TextLine>& lines, Delimiter d, const std::string& file,
                 std::string_view no_table_message, std::size_t min_rows = 3);

}  // namespace solyte::io::detail
