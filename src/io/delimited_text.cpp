#include "io/delimited_text.hpp"

#include <algorithm>
#include <cmath>
#include <complex>

#include "io/column_names.hpp"
#include "io/numeric_block.hpp"
#include "io/numeric_rows.hpp"
#include "io/impedance_rows.hpp"
#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "solyte/units.hpp"

namespace solyte::io::detail {

namespace {

constexpr const char* kNoTable =
    "no table of numbers found; expected delimited text with columns f, Z', Z'' (or f, |Z|, "
    "phase), an EC-Lab .mpt export or a Novocontrol ASCII export";

struct Header {
  std::vector<std::string_view> names;  // empty when there is no usable header
  ColumnMap map;
  std::size_t line = 0;
};

std::string list_names(const std::vector<std::string_view>& names) {
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + quote_for_message(names[i]);
  return s;
}

// Column names come from the nearest non-numeric line above the data whose width matches;
// a few lines are tried because some exports put a units line under the names (Gamry).
Header find_header(const std::vector<TextLine>& lines, const Block& block, Delimiter d,
                   const std::string& file, std::vector<std::string>& warnings) {
  constexpr int candidates = 3;
  Header partial, unrecognised;
  int tried = 0;
  std::vector<std::string_view> names;
  for (std::size_t i = block.start; i-- > 0 && tried < candidates;) {
    if (is_blank(lines[i].text)) continue;
    ++tried;
    split_fields(strip_comment_mark(lines[i].text), d, names);
    if (names.size() != block.fields) split_header_words(lines[i].text, names);
    if (names.size() != block.fields) continue;
    const ColumnMap map = map_columns(names);
    if (map.has_impedance()) return {names, map, lines[i].number};
    if (map.recognises_anything() && partial.line == 0) partial = {names, map, lines[i].number};
    if (unrecognised.line == 0) unrecognised = {names, map, lines[i].number};
  }
  if (partial.line != 0)
    throw ParseError(file, partial.line, 0,
                     "the column header names " + list_names(partial.names) +
                         "; expected a frequency column and either Z' and Z'' or |Z| and phase "
                         "columns (or give the column layout in the read options)");
  if (unrecognised.line != 0)
    warnings.push_back("column header on line " + std::to_string(unrecognised.line) +
                       " not recognised (" + list_names(unrecognised.names) +
                       "); columns taken as f, Z', Z''");
  return {};
}

// The columns to read, whatever decided them.
struct Layout {
  int f = 0, a = 1, b = 2;  // a, b: Z', Z'' or |Z|, phase
  int temperature = -1;
  bool polar = false, negate_b = false, radians = false, detect_sign = true;
  bool temperature_kelvin = false;
  std::vector<std::string> names;  // per field, for messages
};

Layout layout_from(const Header& h, ColumnLayout option, std::size_t fields,
                   const std::string& file, std::size_t line, std::vector<std::string>& warnings) {
  Layout l;
  l.names.assign(fields, std::string());
  if (option == ColumnLayout::automatic && !h.names.empty()) {
    const ColumnMap& m = h.map;
    l.f = m.frequency;
    l.polar = !m.has_cartesian();
    l.a = l.polar ? m.modulus : m.real;
    l.b = l.polar ? m.phase : m.imag;
    l.negate_b = l.polar ? m.phase_negated : m.imag_negated;
    l.radians = l.polar && m.phase_radians;
    l.temperature = m.temperature;
    l.temperature_kelvin = m.temperature_kelvin;
    if (m.temperature < 0 && m.temperature_without_unit >= 0)
      warnings.push_back(
          "temperature column " +
          quote_for_message(h.names[static_cast<std::size_t>(m.temperature_without_unit)]) +
          " states no unit (°C or K); ignored");
    for (std::size_t k = 0; k < fields; ++k) l.names[k] = std::string(h.names[k]);
    return l;
  }
  if (fields < 3)
    throw ParseError(file, line, 0,
                     "expected at least 3 columns (f, Z', Z''), found " + std::to_string(fields));
  l.polar = option == ColumnLayout::modulus_phase;
  l.negate_b = option == ColumnLayout::real_neg_imag;
  l.detect_sign = option != ColumnLayout::real_neg_imag;  // the caller said what it is
  l.names[0] = "frequency";
  l.names[1] = l.polar ? "|Z|" : "Z'";
  l.names[2] = l.polar ? "phase" : (l.negate_b ? "-Z''" : "Z''");
  if (option == ColumnLayout::automatic && fields > 3)
    warnings.push_back("no column header: fields 1-3 taken as f, Z', Z'' and " +
                       std::to_string(fields - 3) + " more ignored");
  return l;
}

// A preamble line such as "# temperature_K: 298.15", "Temperature [°C] = 25" or
// "temperature: 25 °C" (solyte's own synthetic files write the first). The unit comes from
// the key ("_K", "[K]", "(K)", "_C", "[°C]" …) or from the value; without either the line
// is ignored with a warning, since 25 could be °C or K.
std::optional<double> preamble_temperature_k(const std::vector<TextLine>& lines,
                                             std::size_t end,
                                             std::vector<std::string>& warnings) {
  for (std::size_t i = 0; i < end && i < lines.size(); ++i) {
    std::string_view t = lines[i].text;
    while (!t.empty() && (t.front() == '#' || t.front() == ' ' || t.front() == '\t' ||
                          t.front() == '%' || t.front() == ';'))
      t.remove_prefix(1);
    const std::string_view key_word = "temperature";
    if (t.size() <= key_word.size()) continue;
    bool match = true;
    for (std::size_t k = 0; k < key_word.size() && match; ++k)
      match = std::tolower(static_cast<unsigned char>(t[k])) == key_word[k];
    if (!match) continue;
    const auto sep = t.find_first_of(":=");
    if (sep == std::string_view::npos) continue;
    std::string key(t.substr(key_word.size(), sep - key_word.size()));
    std::string value(t.substr(sep + 1));
    while (!value.empty() && (value.back() == '\r' || value.back() == ' ')) value.pop_back();
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
    // The key after "temperature" is a unit tag at most ("_K", "[°C]", "(K)", "_degC");
    // anything longer ("Temperature controller: …") is another field.
    if (key.size() > 6) continue;
    const std::string unit = key.find('K') != std::string::npos   ? "K"
                             : key.find('C') != std::string::npos ? "C"
                                                                  : "";
    try {
      const bool has_unit_in_value =
          !value.empty() && (std::isalpha(static_cast<unsigned char>(value.back())) ||
                             static_cast<unsigned char>(value.back()) >= 0x80);
      return parse_temperature_k(has_unit_in_value || unit.empty() ? value : value + unit);
    } catch (const InvalidArgument&) {
      warnings.push_back("line " + std::to_string(lines[i].number) +
                         ": temperature in the header has no readable value and unit; ignored");
    }
  }
  return std::nullopt;
}

}  // namespace

bool has_numeric_table(const std::vector<TextLine>& lines) {
  std::size_t score = 0;
  choose_delimiter(lines, score);
  return score > 0;
}

std::vector<Spectrum> read_delimited(const std::vector<TextLine>& lines, const std::string& file,
                                     ColumnLayout option) {
  std::size_t score = 0;
  const Delimiter d = choose_delimiter(lines, score);
  const Block block = find_block(lines, d, file, kNoTable);
  std::vector<std::string> warnings;
  const Header header =
      option == ColumnLayout::automatic ? find_header(lines, block, d, file, warnings) : Header{};
  const Layout l = layout_from(header, option, block.fields, file, block.reference, warnings);
  const bool commas = comma_decimal(d);
  const std::string_view dname = delimiter_name(d);

  std::vector<ImpedanceRow> rows;
  rows.reserve(lines.size() - block.start);
  std::vector<std::string_view> fields;
  std::vector<double> values(block.fields);
  for (std::size_t i = block.start; i < lines.size(); ++i) {
    const TextLine& line = lines[i];
    if (!parse_plain_row(line.text, d, block.fields, values.data())) {
      if (is_blank(line.text)) continue;
      split_fields(line.text, d, fields);
      if (fields.size() != block.fields)
        fail_field_count(file, line.number, block.fields, fields.size(), dname, block.reference);
      for (std::size_t k = 0; k < fields.size(); ++k)
        if (!parse_field(fields[k], commas, values[k]))
          fail_not_a_number({&file, line.number, k + 1, l.names[k]}, fields[k]);
    }
    auto at = [&](int k) {
      return FieldRef{&file, line.number, static_cast<std::size_t>(k) + 1,
                      l.names[static_cast<std::size_t>(k)]};
    };
    ImpedanceRow r;
    r.line = line.number;
    r.frequency_hz = values[static_cast<std::size_t>(l.f)];
    check_value(at(l.f), r.frequency_hz, true);
    const double a = values[static_cast<std::size_t>(l.a)];
    const double b = values[static_cast<std::size_t>(l.b)];
    check_value(at(l.a), a, false);
    check_value(at(l.b), b, false);
    if (l.polar && a < 0)
      throw ParseError(file, line.number, static_cast<std::size_t>(l.a) + 1,
                       "expected a non-negative |Z| in field " + std::to_string(l.a + 1));
    r.z = {a, l.negate_b ? -b : b};
    if (l.temperature >= 0) {
      const double t = values[static_cast<std::size_t>(l.temperature)];
      check_value(at(l.temperature), t, false);
      r.temperature_k = l.temperature_kelvin ? t : t + 273.15;
    }
    rows.push_back(r);
  }
  require_points(rows, file, block.reference);
  require_monotonic(rows, file, static_cast<std::size_t>(l.f) + 1);

  // Files disagree on whether they store Z'' or −Z'' (phase or −phase). A capacitive sample
  // (the case for solid electrolytes) has Z'' < 0 at most frequencies, so a majority of
  // positive values means the file stores the negative.
  if (l.detect_sign) {
    const auto positive = static_cast<std::size_t>(std::count_if(
        rows.begin(), rows.end(), [](const ImpedanceRow& r) { return r.z.imag() > 0; }));
    if (2 * positive > rows.size()) {
      for (auto& r : rows) r.z = std::conj(r.z);
      warnings.push_back(std::string(l.polar ? "phase" : "Z''") + " was positive at " +
                         std::to_string(positive) + " of " + std::to_string(rows.size()) +
                         " points; read as " + (l.polar ? "-phase" : "-Z''") +
                         " and negated (capacitive Z'' < 0)");
    }
  }
  if (l.polar) {
    const double to_rad = l.radians ? 1.0 : constants::pi / 180.0;
    for (auto& r : rows) r.z = std::polar(r.z.real(), r.z.imag() * to_rad);
  }

  Spectrum s = make_spectrum(rows);
  if (l.temperature >= 0 && !s.meta.temperature_k)
    warnings.push_back("temperature column gives no temperature above 0 K; ignored");
  if (!s.meta.temperature_k) {
    if (auto t = preamble_temperature_k(lines, block.start, warnings)) {
      s.meta.temperature_k = *t;
      s.meta.temperature_source = TemperatureSource::file;
    }
  }
  s.meta.format = "delimited";
  s.meta.warnings = std::move(warnings);
  std::vector<Spectrum> out;
  out.push_back(std::move(s));
  return out;
}

}  // namespace solyte::io::detail
