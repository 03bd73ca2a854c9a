#include "io/temperature_from_name.hpp"

#include <cmath>
#include <cstddef>

#include "core/number_parse.hpp"
#include "solyte/io/read_spectra.hpp"
#include "solyte/units.hpp"

namespace solyte::io {

namespace detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_ascii_letter(c); }
// Non-ASCII bytes count as letters: "25Cé" is no more a temperature than "25Cu".
bool is_letter_like(char c) { return is_ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80; }

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

enum class Unit { none, celsius, kelvin };

// Length of the unit at the start of `s`, longest spelling first.
std::size_t match_unit(std::string_view s, Unit& unit) {
  unit = Unit::celsius;
  if (starts_with_nocase(s, "degc")) return 4;
  if (starts_with_nocase(s, "deg")) return 3;
  // UTF-8 degree sign, with one blank before it, the ordinal º often typed for it, and the
  // single Latin-1 byte of names written by old Windows programs.
  for (std::string_view degree : {"\u00B0", " \u00B0", "\u00BA", "\xB0"}) {
    if (s.substr(0, degree.size()) == degree && s.size() > degree.size() &&
        (s[degree.size()] == 'C' || s[degree.size()] == 'c'))
      return degree.size() + 1;
  }
  if (!s.empty() && (s[0] == 'C' || s[0] == 'c')) return 1;
  // Only an upper-case K: "5k" in a name is more often kilo-something than kelvin.
  unit = Unit::kelvin;
  if (!s.empty() && s[0] == 'K') return 1;
  unit = Unit::none;
  return 0;
}

}  // namespace

std::string_view base_name(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::vector<double> temperatures_in_name(std::string_view s) {
  std::vector<double> found;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && is_digit(s[j])) ++j;
    if (j + 1 < s.size() && s[j] == '.' && is_digit(s[j + 1])) {
      ++j;
      while (j < s.size() && is_digit(s[j])) ++j;
    }
    // A number glued to a letter or digit is part of a word ("s04147", "v2").
    if (i > 0 && is_alnum(s[i - 1])) {
      i = j;
      continue;
    }
    Unit unit = Unit::none;
    const std::size_t unit_len = match_unit(s.substr(j), unit);
    const std::size_t after = j + unit_len;
    if (unit == Unit::none || (after < s.size() && is_letter_like(s[after]))) {
      i = j;
      continue;
    }
    double value = solyte::detail::parse_leading_double(s.substr(i, j - i)).first;
    // '-' is a minus sign only where it cannot be a separator: at the start of the name or
    // after a non-alphanumeric character ("s04147-140deg" is +140, "x_-10C" is −10).
    if (i > 0 && s[i - 1] == '-' && (i == 1 || !is_alnum(s[i - 2]))) value = -value;
    const double kelvin = unit == Unit::kelvin ? value : celsius_to_kelvin(value);
    if (std::isfinite(kelvin) && kelvin > 0) found.push_back(kelvin);
    i = after;
  }
  return found;
}

}  // namespace detail

std::optional<double> temperature_from_name(std::string_view file_name) {
  const auto all = detail::temperatures_in_name(detail::base_name(file_name));
  if (all.empty()) return std::nullopt;
  return all.back();
}

}  // namespace solyte::io
