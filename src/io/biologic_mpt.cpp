#include "io/biologic_mpt.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <optional>

#include "core/number_parse.hpp"
#include "io/column_names.hpp"
#include "io/impedance_rows.hpp"
#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "solyte/units.hpp"

namespace solyte::io::detail {

namespace {

using solyte::detail::trim;

// Sanity bound on "Nb header lines": real files have 50–150; a damaged digit must not make
// us index past the file.
constexpr std::size_t kMaxHeaderLines = 100000;

std::size_t header_line_count(const std::vector<TextLine>& lines, const std::string& file) {
  auto fail = [&]() -> std::size_t {
    throw ParseError(file, 2, 0, "expected 'Nb header lines : N' on line 2 of an EC-Lab text file");
  };
  if (lines.size() < 2) fail();
  const std::string_view line = lines[1].text;
  if (ascii_lower(line.substr(0, 15)) != "nb header lines") fail();
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) fail();
  const auto n = solyte::detail::parse_double(line.substr(colon + 1));
  if (!n || *n < 3 || *n > static_cast<double>(kMaxHeaderLines) || *n != std::floor(*n)) fail();
  const auto count = static_cast<std::size_t>(*n);
  if (count > lines.size())
    throw ParseError(file, lines.back().number, 0,
                     "expected " + std::to_string(count) +
                         " header lines (as line 2 says), but the file ends at line " +
                         std::to_string(lines.back().number));
  return count;
}

// The technique is the first non-blank line after the banner ("Potentio Electrochemical
// Impedance Spectroscopy"); named in messages when a file of another technique is given.
std::string technique_name(const std::vector<TextLine>& lines, std::size_t header_lines) {
  for (std::size_t i = 2; i + 1 < header_lines && i < 6; ++i)
    if (!is_blank(lines[i].text)) return std::string(trim(lines[i].text));
  return {};
}

// A temperature among the settings, when a thermostat was driven: "T (°C)  25.0" or
// "Temperature (K) : 298".
std::optional<double> header_temperature_k(const std::vector<TextLine>& lines,
                                           std::size_t header_lines) {
  struct Key {
    std::string_view text;
    bool kelvin;
  };
  constexpr Key keys[] = {
      {"temperature (\u00B0c)", false}, {"t (\u00B0c)", false}, {"temperature/\u00B0c", false},
      {"temperature (k)", true},        {"t (k)", true},        {"temperature/k", true}};
  for (std::size_t i = 2; i + 1 < header_lines; ++i) {
    const std::string_view line = trim(lines[i].text);
    const std::string lower = ascii_lower(line.substr(0, 24));
    for (const Key& k : keys) {
      if (lower.compare(0, k.text.size(), k.text) != 0) continue;
      std::string_view rest = line.substr(k.text.size());
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t' || rest.front() == ':' ||
                               rest.front() == '='))
        rest.remove_prefix(1);
      const auto [value, used] = solyte::detail::parse_leading_double(rest);
      if (used == 0 || !std::isfinite(value)) continue;
      const double kelvin = k.kelvin ? value : celsius_to_kelvin(value);
      if (kelvin > 0) return kelvin;
    }
  }
  return std::nullopt;
}

}  // namespace

bool is_biologic_mpt(const std::vector<TextLine>& lines) {
  if (lines.empty()) return false;
  const std::string_view first = trim(lines[0].text);
  return first.substr(0, 17) == "EC-Lab ASCII FILE" || first.substr(0, 17) == "BT-Lab ASCII FILE";
}

std::vector<Spectrum> read_biologic_mpt(const std::vector<TextLine>& lines,
                                        const std::string& file) {
  const std::size_t header_lines = header_line_count(lines, file);
  const TextLine& header = lines[header_lines - 1];
  std::vector<std::string_view> names;
  split_fields(header.text, Delimiter::tab, names);
  const ColumnMap map = map_columns(names);
  int cycle = -1;
  for (std::size_t k = 0; k < names.size(); ++k)
    if (ascii_lower(names[k]) == "cycle number") {
      cycle = static_cast<int>(k);
      break;
    }

  if (map.frequency < 0) {
    // A damaged header count points at the wrong line; say where the columns really are.
    for (std::size_t i = 2; i < lines.size() && i < kMaxHeaderLines; ++i)
      if (i + 1 != header.number && ascii_lower(lines[i].text.substr(0, 8)) == "freq/hz\t")
        throw ParseError(file, 2, 0,
                         "expected the column header on line " + std::to_string(header.number) +
                             " as 'Nb header lines' says, but it is on line " +
                             std::to_string(lines[i].number));
    const std::string technique = technique_name(lines, header_lines);
    throw ParseError(
        file, header.number, 0,
        "expected an impedance technique (PEIS/GEIS) file: the column header has "
        "no 'freq/Hz' column" +
            (technique.empty() ? std::string() : "; this file holds '" + technique + "'"));
  }
  if (!map.has_cartesian() && !map.has_polar())
    throw ParseError(file, header.number, 0,
                     "expected impedance columns 'Re(Z)/Ohm' and '-Im(Z)/Ohm' (or '|Z|/Ohm' and "
                     "'Phase(Z)/deg') in the column header");
  const bool polar = !map.has_cartesian();
  const int a_col = polar ? map.modulus : map.real;
  const int b_col = polar ? map.phase : map.imag;
  const double to_rad = map.phase_radians ? 1.0 : constants::pi / 180.0;
  const std::size_t needed =
      static_cast<std::size_t>(std::max({map.frequency, a_col, b_col, map.temperature, cycle})) + 1;

  auto name_of = [&](int k) -> std::string_view {
    return k >= 0 && static_cast<std::size_t>(k) < names.size() ? names[static_cast<std::size_t>(k)]
                                                                : std::string_view();
  };
  std::vector<ImpedanceRow> rows;
  rows.reserve(lines.size() - header_lines);
  std::vector<std::string_view> fields;
  std::size_t width = 0, width_line = 0;
  for (std::size_t i = header_lines; i < lines.size(); ++i) {
    const TextLine& line = lines[i];
    if (is_blank(line.text)) continue;
    split_fields(line.text, Delimiter::tab, fields);
    if (width == 0) {
      // Data rows often have one field fewer than the header (its trailing tab); the
      // first row sets the width the others must have.
      width = fields.size();
      width_line = line.number;
      if (width < needed)
        throw ParseError(file, line.number, width + 1,
                         "expected at least " + std::to_string(needed) +
                             " tab-separated fields to reach the impedance columns, found " +
                             std::to_string(width));
    }
    if (fields.size() != width)
      fail_field_count(file, line.number, width, fields.size(), "tab", width_line);
    auto number = [&](int k, bool is_frequency) {
      const auto idx = static_cast<std::size_t>(k);
      const FieldRef at{&file, line.number, idx + 1, name_of(k)};
      double v = 0;
      // EC-Lab writes the decimal mark of the Windows locale; with tabs between fields a
      // comma can only be a decimal comma.
      if (!parse_field(fields[idx], true, v)) fail_not_a_number(at, fields[idx]);
      check_value(at, v, is_frequency);
      return v;
    };
    ImpedanceRow r =
        row_from_columns(number, map, a_col, b_col, polar, to_rad, file, line.number);
    if (cycle >= 0) r.group = number(cycle, false);
    rows.push_back(r);
  }

  const auto f_field = static_cast<std::size_t>(map.frequency) + 1;
  const auto sweeps = split_sweeps(rows, file, f_field);
  if (sweeps.empty()) require_points({}, file, header.number);
  const std::optional<double> header_t = header_temperature_k(lines, header_lines);
  std::vector<Spectrum> out;
  out.reserve(sweeps.size());
  for (std::size_t k = 0; k < sweeps.size(); ++k) {
    require_points(sweeps[k], file, header.number);
    Spectrum s = make_spectrum(sweeps[k]);
    if (!s.meta.temperature_k && header_t) {
      s.meta.temperature_k = header_t;
      s.meta.temperature_source = TemperatureSource::file;
    }
    s.meta.format = "biologic-mpt";
    s.meta.index_in_file = k;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace solyte::io::detail
