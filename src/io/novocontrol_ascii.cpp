#include "io/novocontrol_ascii.hpp"

#include <cmath>
#include <complex>
#include <optional>
#include <utility>

#include "core/number_parse.hpp"
#include "io/column_names.hpp"
#include "io/impedance_rows.hpp"
#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "solyte/units.hpp"

namespace solyte::io::detail {

namespace {

using solyte::detail::trim;

// The column header sits within the first few lines (title, geometry, fixed values).
constexpr std::size_t kHeaderSearchLines = 12;

std::string squeeze_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == ' ' || c == '\t') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

bool starts_with_lower(std::string_view line, std::string_view prefix) {
  return ascii_lower(trim(line).substr(0, prefix.size())) == prefix;
}

bool is_fixed_values_line(std::string_view line) { return starts_with_lower(line, "fixed value"); }
bool is_geometry_line(std::string_view line) { return starts_with_lower(line, "diameter"); }

std::optional<std::size_t> find_header(const std::vector<TextLine>& lines) {
  for (std::size_t i = 0; i < lines.size() && i < kHeaderSearchLines; ++i) {
    const std::string s = squeeze_lower(lines[i].text);
    if (s.find("freq.[hz]") != std::string::npos || s.find("freq.(hz)") != std::string::npos)
      return i;
  }
  return std::nullopt;
}

// Value after "<key> [unit] :" in a line such as
// "Diameter[mm]: 1.300e+01  Thickness[mm]: 7.500e-01 … Electrode Thickness[mm]: 4.00e+00".
// Returns metres; nullopt when the key, the number or a known unit is missing.
std::optional<double> length_after_key(std::string_view line, std::string_view key) {
  const std::string lower = ascii_lower(line);
  std::size_t pos = 0;
  while ((pos = lower.find(key, pos)) != std::string::npos) {
    // "Electrode Thickness" is the electrode, not the sample.
    std::size_t w = pos;
    while (w > 0 && lower[w - 1] == ' ') --w;
    const bool electrode = w >= 9 && lower.compare(w - 9, 9, "electrode") == 0;
    std::size_t i = pos + key.size();
    if (electrode) {
      pos = i;
      continue;
    }
    while (i < lower.size() && lower[i] == ' ') ++i;
    double scale = 1e-3;  // Novocontrol writes millimetres
    if (i < lower.size() && lower[i] == '[') {
      const std::size_t close = lower.find(']', i);
      if (close == std::string::npos) return std::nullopt;
      const std::string_view unit = std::string_view(lower).substr(i + 1, close - i - 1);
      if (unit == "mm")
        scale = 1e-3;
      else if (unit == "cm")
        scale = 1e-2;
      else if (unit == "m")
        scale = 1.0;
      else if (unit == "um" || unit == "\xC2\xB5m")
        scale = 1e-6;
      else
        return std::nullopt;
      i = close + 1;
    }
    while (i < lower.size() && (lower[i] == ' ' || lower[i] == ':' || lower[i] == '=')) ++i;
    const auto [value, used] = solyte::detail::parse_leading_double(line.substr(i));
    if (used == 0) return std::nullopt;
    return value * scale;
  }
  return std::nullopt;
}

// "Fixed value(s) :  Temperature [°C]=2.5000e+01  AC Volt  [Vrms]=7.1000e-03"
std::optional<double> fixed_temperature_k(std::string_view line) {
  const std::string lower = ascii_lower(line);
  const std::size_t key = lower.find("temp");
  if (key == std::string::npos) return std::nullopt;
  const std::size_t eq = lower.find('=', key);
  if (eq == std::string::npos) return std::nullopt;
  const std::string_view between = std::string_view(lower).substr(key, eq - key);
  const bool kelvin = between.find("[k]") != std::string_view::npos;
  const auto [value, used] = solyte::detail::parse_leading_double(trim(line.substr(eq + 1)));
  if (used == 0 || !std::isfinite(value)) return std::nullopt;
  const double k = kelvin ? value : celsius_to_kelvin(value);
  return k > 0 ? std::optional<double>(k) : std::nullopt;
}

std::string list_names(const std::vector<std::string_view>& names) {
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + quote_for_message(names[i]);
  return s;
}

}  // namespace

bool is_novocontrol_ascii(const std::vector<TextLine>& lines) {
  const auto h = find_header(lines);
  if (!h) return false;
  for (std::size_t i = 0; i < *h; ++i)
    if (is_fixed_values_line(lines[i].text) || is_geometry_line(lines[i].text)) return true;
  const std::string s = squeeze_lower(lines[*h].text);
  for (std::string_view mark : {"zs'", "eps'", "sig'"})
    if (s.find(mark) != std::string::npos) return true;
  return false;
}

std::vector<Spectrum> read_novocontrol_ascii(const std::vector<TextLine>& lines,
                                             const std::string& file) {
  const auto h = find_header(lines);
  if (!h) throw ParseError(file, 0, 0, "expected a Novocontrol column header with 'Freq. [Hz]'");
  const TextLine& header = lines[*h];

  std::string sample;
  std::optional<double> fixed_t;
  std::optional<PelletGeometry> geometry;
  std::vector<std::string> warnings;
  for (std::size_t i = 0; i < *h; ++i) {
    const std::string_view text = lines[i].text;
    if (is_fixed_values_line(text)) {
      if (!fixed_t) fixed_t = fixed_temperature_k(text);
    } else if (is_geometry_line(text)) {
      const auto d = length_after_key(text, "diameter");
      const auto t = length_after_key(text, "thickness");
      // Both below a metre: a damaged exponent must not become an infinite area.
      if (d && t && *d > 0 && *t > 0 && *d < 1.0 && *t < 1.0)
        geometry = PelletGeometry::from_diameter(*d, *t);
      else
        warnings.push_back("geometry line " + std::to_string(lines[i].number) +
                           " gives no usable diameter and thickness; ignored");
    } else if (i == 0) {
      // Title: "s05751_25deg, 26.02.2025, 15:11" → sample name before the date.
      sample = std::string(trim(text.substr(0, text.find(','))));
    }
  }

  // WinDETA separates with tabs; re-saved files may use ';' or ','; some use blanks only.
  std::vector<std::string_view> names;
  std::optional<Delimiter> named_delimiter;
  for (auto [c, delim] : {std::pair{'\t', Delimiter::tab}, std::pair{';', Delimiter::semicolon},
                          std::pair{',', Delimiter::comma}})
    if (header.text.find(c) != std::string_view::npos) {
      named_delimiter = delim;
      break;
    }
  if (named_delimiter)
    split_fields(header.text, *named_delimiter, names);
  else
    split_header_words(header.text, names);
  const ColumnMap map = map_columns(names);
  if (!map.has_impedance())
    throw ParseError(file, header.number, 0,
                     "found columns " + list_names(names) +
                         "; an impedance pair (Zs' and Zs'', or Z' and Z'') and a "
                         "frequency column are needed to read impedance spectra");
  const bool polar = !map.has_cartesian();
  const int a_col = polar ? map.modulus : map.real;
  const int b_col = polar ? map.phase : map.imag;
  const double to_rad = map.phase_radians ? 1.0 : constants::pi / 180.0;

  std::vector<ImpedanceRow> rows;
  std::vector<std::string_view> fields;
  std::vector<double> values(names.size());
  const bool separated = named_delimiter && *named_delimiter != Delimiter::tab;
  Delimiter d = separated ? *named_delimiter : Delimiter::whitespace;
  const bool comma_decimal = d != Delimiter::comma;  // German-locale exports write "1,5e3"
  bool delimiter_known = separated;
  for (std::size_t i = *h + 1; i < lines.size(); ++i) {
    const TextLine& line = lines[i];
    if (is_blank(line.text)) continue;
    if (!delimiter_known) {  // blank-separated numbers read the same with tabs or spaces
      d = line.text.find('\t') != std::string_view::npos ? Delimiter::tab : Delimiter::whitespace;
      delimiter_known = true;
    }
    split_fields(line.text, d, fields);
    if (fields.size() != names.size())
      fail_field_count(file, line.number, names.size(), fields.size(), delimiter_name(d),
                       header.number);
    for (std::size_t k = 0; k < fields.size(); ++k)
      if (!parse_field(fields[k], comma_decimal, values[k]))
        fail_not_a_number({&file, line.number, k + 1, names[k]}, fields[k]);
    auto value = [&](int k, bool is_frequency) {
      const auto idx = static_cast<std::size_t>(k);
      check_value({&file, line.number, idx + 1, names[idx]}, values[idx], is_frequency);
      return values[idx];
    };
    // Novocontrol stores Z'' itself (negative for a capacitive sample).
    rows.push_back(row_from_columns(value, map, a_col, b_col, polar, to_rad, file, line.number));
  }

  const auto sweeps = split_sweeps(rows, file, static_cast<std::size_t>(map.frequency) + 1);
  if (sweeps.empty()) require_points({}, file, header.number);
  std::vector<Spectrum> out;
  out.reserve(sweeps.size());
  for (std::size_t k = 0; k < sweeps.size(); ++k) {
    require_points(sweeps[k], file, header.number);
    Spectrum s = make_spectrum(sweeps[k]);
    if (!s.meta.temperature_k && fixed_t) {
      s.meta.temperature_k = fixed_t;
      s.meta.temperature_source = TemperatureSource::file;
    }
    s.meta.format = "novocontrol-ascii";
    s.meta.sample = sample;
    s.meta.index_in_file = k;
    s.meta.geometry = geometry;
    s.meta.warnings = warnings;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace solyte::io::detail
