// Locale-free parsing of one number from text, shared by the readers and unit parsing.
#pragma once

#include <optional>
#include <string_view>

namespace solyte::detail {

/// Parses the whole of `text` (surrounding blanks allowed) as a double. Accepts a comma as
/// the decimal mark when `comma_decimal` is true. Returns nullopt when anything else is
/// left over or the text is empty. "nan"/"inf" parse (callers decide whether to accept them).
std::optional<double> parse_double(std::string_view text, bool comma_decimal = false);

/// Parses a leading number and returns it with the number of characters consumed
/// (0 when no number starts the text).
std::pair<double, std::size_t> parse_leading_double(std::string_view text);

/// Trims ASCII blanks (space, tab, CR, LF) from both ends.
std::string_view trim(std::string_view text);

}  // namespace solyte::detail
