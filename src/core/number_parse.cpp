#include "core/number_parse.hpp"

#include <fast_float/fast_float.h>

#include <string>
#include <utility>

namespace solyte::detail {

std::string_view trim(std::string_view text) {
  const char* blanks = " \t\r\n\f\v";
  auto first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  auto last = text.find_last_not_of(blanks);
  return text.substr(first, last - first + 1);
}

std::pair<double, std::size_t> parse_leading_double(std::string_view text) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  // fast_float rejects a leading '+', which files and users do write.
  const char* start = begin;
  if (start != end && *start == '+') ++start;
  double value = 0.0;
  auto result = fast_float::from_chars(start, end, value);
  if (result.ec != std::errc()) return {0.0, 0};
  return {value, static_cast<std::size_t>(result.ptr - begin)};
}

std::optional<double> parse_double(std::string_view text, bool comma_decimal) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  std::string buffer;
  if (comma_decimal && text.find(',') != std::string_view::npos) {
    buffer.assign(text);
    for (char& c : buffer)
      if (c == ',') c = '.';
    text = buffer;
  }
  auto [value, used] = parse_leading_double(text);
  if (used == 0 || used != text.size()) return std::nullopt;
  return value;
}

}  // namespace solyte::detail
