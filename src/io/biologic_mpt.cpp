#include "io/biologic_mpt.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <optional>

#include "core/number_parse.hpp"
#include "io/column_names.hpp"
#include "io/eclab_columns.hpp"
#include "io/impedance_records.hpp"
#include "io/impedance_rows.hpp"
#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "solyte/units.hpp"

namespace solyte::io::detail {

namespace {

using solyte::detail::trim;

// Sanity bound on "Nb header lines": real files have 50–150; a damaged digit
// must not make us index past the file.
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

// The technique is the first non-blank line after the banner ("Potentio
// Electrochemical Impedance Spectroscopy"); named in messages when a file of
// another technique is given.
std::string technique_name(const std::vector<TextLine>& lines, std::size_t header_lines) {
  for (std::size_t i = 2; i + 1 < header_lines && i < 6; ++i)
    if (!is_blank(lines[i].text)) return std::string(trim(lines[i].text));
  return {};
}

// A temperature among the settings, when a thermostat was driven: "T
// (°C)  25.0" or "Temperature (K) : 298".
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
    // A damaged header count points at the wrong line; say where the columns
    // really are.
    for (std::size_t i = 2; i < lines.size() && i < kMaxHeaderLines; ++i)
      if (i + 1 != header.number && ascii_lower(lines[i].text.substr(0, 8)) == "freq/hz\t")
        throw ParseError(file, 2, 0,
                         "expected the column header on line " + std::to_string(header.number) +
                             " as 'Nb header lines' says, but it is on line " +
                             std::to_string(lines[i].number));
    const std::string technique = technique_name(lines, header_lines);
    throw ParseError(
        file, header.number, 0,
        "expected an impedance technique (PEIS/GEIS) file: the "
        "column header has "
        "no 'freq/Hz' column" +
            (technique.empty() ? std::string() : "; this file holds '" + technique + "'"));
  }
  if (!map.has_cartesian() && !map.has_polar())
    throw ParseError(file, header.number, 0,
                     "expected impedance columns 'Re(Z)/Ohm' and '-Im(Z)/Ohm' "
                     "(or '|Z|/Ohm' and "
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
      // Data rows often have one field fewer than the header (its trailing
      // tab); the first row sets the width the others must have.
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
      // EC-Lab writes the decimal mark of the Windows locale; with tabs between
      // fields a comma can only be a decimal comma.
      if (!parse_field(fields[idx], true, v)) fail_not_a_number(at, fields[idx]);
      check_value(at, v, is_frequency);
      return v;
    };
    ImpedanceRow r = row_from_columns(number, map, a_col, b_col, polar, to_rad, file, line.number);
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

namespace solyte::io::detail {

namespace {

// "Electrode surface area : 0.001 cm²" in m², when stated and positive. EC-Lab
// writes the Windows locale's decimal mark here too ("0,000 cm²").
std::optional<double> area_m2(std::string_view value) {
  const std::size_t blank = value.find(' ');
  if (blank == std::string_view::npos) return std::nullopt;
  const auto x = solyte::detail::parse_double(value.substr(0, blank), true);
  const std::string_view unit = trim(value.substr(blank));
  double scale = 0;
  if (unit == "cm\u00B2" || unit == "cm2")
    scale = 1e-4;
  else if (unit == "mm\u00B2" || unit == "mm2")
    scale = 1e-6;
  else if (unit == "m\u00B2" || unit == "m2")
    scale = 1.0;
  if (!x || scale == 0 || !(*x > 0) || !std::isfinite(*x)) return std::nullopt;
  return *x * scale;
}

// Header lines: "Key : value" (first " : "), technique settings "Name (unit)
// value" in a 20-character key column, and the rest as remarks.
void read_mpt_header(const std::vector<TextLine>& lines, std::size_t header_lines, Measurement& m) {
  for (std::size_t i = 2; i + 1 < header_lines; ++i) {
    const std::string_view line = trim(lines[i].text);
    if (line.empty()) continue;
    const std::size_t colon = line.find(" : ");
    if (colon != std::string_view::npos) {
      const std::string key(trim(line.substr(0, colon)));
      const std::string value(trim(line.substr(colon + 3)));
      if (key == "Electrode surface area")
        if (const auto a = area_m2(value)) m.meta.electrode_area_m2 = a;
      m.meta.header.emplace_back(key, value);
      continue;
    }
    const std::string_view raw = lines[i].text;
    if (raw.size() > 20 && raw[0] != '\t' && raw.substr(18, 2) == "  ") {
      m.meta.header.emplace_back(std::string(trim(raw.substr(0, 20))),
                                 std::string(trim(raw.substr(20))));
      continue;
    }
    m.meta.header.emplace_back(std::string(line), std::string());
  }
}

}  // namespace

std::vector<Measurement> read_biologic_mpt_records(const std::vector<TextLine>& lines,
                                                   const std::string& file) {
  const std::size_t header_lines = header_line_count(lines, file);
  const TextLine& header = lines[header_lines - 1];
  std::vector<std::string_view> fields;
  split_fields(header.text, Delimiter::tab, fields);
  std::vector<std::string> names(fields.begin(), fields.end());
  if (names.empty())
    throw ParseError(file, header.number, 0,
                     "expected the tab-separated column names on line " +
                         std::to_string(header.number) + " (as 'Nb header lines' says)");

  std::vector<std::vector<double>> values(names.size());
  for (auto& v : values) v.reserve(lines.size() - header_lines);
  std::vector<std::size_t> row_line;
  row_line.reserve(lines.size() - header_lines);
  std::size_t width = 0, width_line = 0;
  for (std::size_t i = header_lines; i < lines.size(); ++i) {
    const TextLine& line = lines[i];
    if (is_blank(line.text)) continue;
    split_fields(line.text, Delimiter::tab, fields);
    if (width == 0) {
      // Rows may be narrower than the header (EC-Lab lists columns it then
      // leaves out).
      width = std::min(fields.size(), names.size());
      width_line = line.number;
    }
    if (fields.size() != width && !(width == names.size() && fields.size() > width))
      fail_field_count(file, line.number, width, fields.size(), "tab", width_line);
    for (std::size_t k = 0; k < width; ++k) {
      double v = 0;
      if (!parse_field(fields[k], true, v))
        fail_not_a_number({&file, line.number, k + 1, names[k]}, fields[k]);
      values[k].push_back(v);
    }
    row_line.push_back(line.number);
  }
  std::vector<std::string> dropped;
  if (width > 0 && width < names.size()) {
    for (std::size_t k = width; k < names.size(); ++k) dropped.push_back(names[k]);
    names.resize(width);
    values.resize(width);
  }

  Measurement m =
      eclab_record(names, std::move(values), eclab_technique(technique_name(lines, header_lines)));
  for (const Column& c : m.columns) {
    if (c.quantity == Quantity::other) continue;
    for (std::size_t i = 0; i < c.values.size(); ++i)
      if (!std::isfinite(c.values[i])) {
        std::size_t field = 0;
        for (std::size_t k = 0; k < names.size(); ++k)
          if (names[k] == c.source_name) field = k + 1;
        throw ParseError(file, row_line[i], field,
                         "expected a finite number for " + c.source_name + " (field " +
                             std::to_string(field) + ")");
      }
  }
  m.meta.format = "biologic-mpt";
  m.meta.technique_name = technique_name(lines, header_lines);
  read_mpt_header(lines, header_lines, m);
  if (const auto t = header_temperature_k(lines, header_lines)) {
    m.meta.temperature_k = t;
    m.meta.temperature_source = TemperatureSource::file;
  }
  if (!dropped.empty()) {
    std::string list;
    for (const auto& d : dropped) list += (list.empty() ? "'" : ", '") + d + "'";
    m.meta.warnings.push_back("the column header names " +
                              std::to_string(names.size() + dropped.size()) +
                              " columns but the rows hold " + std::to_string(names.size()) +
                              "; not in the rows: " + list);
  }
  if (m.size() == 0) m.meta.warnings.push_back("the table holds no rows");
  return records_of(std::move(m));
}

}  // namespace solyte::io::detail
