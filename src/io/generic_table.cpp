#include "io/generic_table.hpp"

#include <algorithm>
#include <cmath>

#include "io/column_names.hpp"
#include "io/numeric_block.hpp"
#include "io/numeric_rows.hpp"
#include "io/quantity_names.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

constexpr const char* kNoTable =
    "no table of numbers found; expected a delimited table of columns (for example time, "
    "potential, current; 2theta, intensity; wavenumber, intensity) under a header line";

struct Header {
  std::vector<std::string> names;  // empty: no header
  std::size_t line = 0;            // 1-based line of the header, 0 when none
};

// The nearest non-numeric line above the data whose field count matches; up to three lines
// are tried because some exports put a units line under the names.
Header find_header(const std::vector<TextLine>& lines, const Block& block, Delimiter d) {
  std::vector<std::string_view> names;
  int tried = 0;
  for (std::size_t i = block.start; i-- > 0 && tried < 3;) {
    if (is_blank(lines[i].text)) continue;
    ++tried;
    split_fields(strip_comment_mark(lines[i].text), d, names);
    if (names.size() != block.fields) split_header_words(lines[i].text, names);
    if (names.size() != block.fields) continue;
    // Renishaw WiRE writes a mark on every name: "#Wave\t\t#Intensity".
    for (auto& n : names) n = strip_comment_mark(n);
    bool any_known = false;
    for (auto n : names) any_known = any_known || identify_quantity(n).quantity != Quantity::other;
    if (!any_known && tried > 1) continue;
    Header h;
    h.line = lines[i].number;
    for (auto n : names) h.names.emplace_back(n);
    return h;
  }
  return {};
}

// "Key: value", "Key = value", "#Key: value", "Key;value" (Netzsch), above the table.
void read_preamble(const std::vector<TextLine>& lines, std::size_t end, Measurement& m) {
  for (std::size_t i = 0; i < end && i < lines.size(); ++i) {
    std::string_view t = strip_comment_mark(lines[i].text);
    while (!t.empty() && (t.back() == '\r' || t.back() == ' ' || t.back() == '\t'))
      t.remove_suffix(1);
    if (t.empty()) continue;
    auto sep = t.find_first_of(":=");
    if (sep == std::string_view::npos || sep == 0) sep = t.find(';');
    if (sep == std::string_view::npos || sep == 0 || sep > 60) continue;
    std::string_view key = t.substr(0, sep), value = t.substr(sep + 1);
    while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.remove_suffix(1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t' || value.front() == ';'))
      value.remove_prefix(1);
    if (key.empty()) continue;
    m.meta.header.emplace_back(std::string(key), std::string(value));
  }
}

bool header_mentions(const Measurement& m, std::string_view word) {
  auto contains = [&](const std::string& s) {
    return ascii_lower(s).find(word) != std::string::npos;
  };
  for (const auto& c : m.columns)
    if (contains(c.source_name)) return true;
  for (const auto& [k, v] : m.meta.header)
    if (contains(k) || contains(v)) return true;
  return false;
}

Technique guess_technique(const Measurement& m) {
  if (m.has(Quantity::two_theta)) return Technique::diffraction;
  if (m.has(Quantity::chemical_shift)) return Technique::nmr;
  if (m.has(Quantity::heat_flow) || m.has(Quantity::specific_heat_flow)) return Technique::dsc;
  if (m.has(Quantity::wavenumber)) {
    if (header_mentions(m, "raman")) return Technique::raman;
    if (header_mentions(m, "transmittance") || header_mentions(m, "absorbance") ||
        header_mentions(m, "ftir") || header_mentions(m, "infrared"))
      return Technique::infrared;
    return Technique::other;
  }
  if (m.has(Quantity::frequency) && (m.has(Quantity::z_real) || m.has(Quantity::z_modulus)))
    return Technique::impedance;
  return Technique::other;
}

}  // namespace

bool generic_table_is_impedance(const std::vector<TextLine>& lines) {
  std::size_t score = 0;
  const Delimiter d = choose_delimiter(lines, score);
  if (score == 0) return false;
  Block block;
  try {
    block = find_block(lines, d, "", kNoTable);
  } catch (const ParseError&) {
    return false;
  }
  const Header h = find_header(lines, block, d);
  if (h.names.empty()) return block.fields >= 3;
  std::vector<std::string_view> views(h.names.begin(), h.names.end());
  return map_columns(views).has_impedance();
}

Measurement read_generic_table(const std::vector<TextLine>& lines, const std::string& file,
                               const GenericTableHints& hints) {
  std::size_t score = 0;
  const Delimiter d = choose_delimiter(lines, score);
  const Block block = find_block(lines, d, file, kNoTable);
  const Header header = find_header(lines, block, d);
  Measurement m;
  m.meta.format = "delimited";
  read_preamble(lines, header.line ? header.line - 1 : block.start, m);

  std::vector<QuantityMatch> matches(block.fields);
  bool has_frequency = false;
  for (std::size_t k = 0; k < block.fields && !header.names.empty(); ++k)
    has_frequency = has_frequency ||
                    identify_quantity(header.names[k]).quantity == Quantity::frequency;
  for (std::size_t k = 0; k < block.fields; ++k) {
    if (header.names.empty()) {
      matches[k].name = "column " + std::to_string(k + 1);
      continue;
    }
    matches[k] = identify_quantity(header.names[k]);
    // Without a frequency there is no impedance: "Angle" next to "Intensity" is a 2θ.
    if (!has_frequency && matches[k].quantity == Quantity::z_phase) {
      QuantityMatch other = identify_quantity(header.names[k], false);
      if (other.quantity != Quantity::other) matches[k] = std::move(other);
    }
    if (!matches[k].warning.empty()) m.meta.warnings.push_back(matches[k].warning);
  }
  if (header.names.empty())
    m.meta.warnings.push_back("no column header: columns named 'column 1' … 'column " +
                              std::to_string(block.fields) + "'");
  // Only the first column of each known quantity keeps its meaning; later ones are kept
  // under their own names, so that a reader never silently prefers one of two.
  for (std::size_t k = 0; k < matches.size(); ++k)
    for (std::size_t j = 0; j < k; ++j)
      if (matches[k].quantity != Quantity::other && matches[j].quantity == matches[k].quantity) {
        m.meta.warnings.push_back("column '" + header.names[k] + "' is a second " +
                                  std::string(to_string(matches[k].quantity)) +
                                  " column; kept as '" + header.names[k] + "'");
        matches[k].quantity = Quantity::other;
        matches[k].scale = 1.0;
        matches[k].offset = 0.0;
        break;
      }

  std::vector<std::string> names(block.fields);
  for (std::size_t k = 0; k < block.fields; ++k)
    names[k] = header.names.empty() ? matches[k].name : header.names[k];
  NumericRows rows =
      read_numeric_rows(lines, block.start, lines.size(), d, block.fields, file, names,
                        block.reference);
  std::vector<std::vector<double>>& values = rows.columns;
  // A pattern's 2θ axis and an esd have meanings that damage can break without making a value
  // unreadable: say so at the line, as the pattern readers do.
  for (std::size_t k = 0; k < block.fields; ++k) {
    if (matches[k].quantity == Quantity::two_theta)
      require_monotonic_column(rows, k, file, names[k]);
    if (matches[k].quantity == Quantity::intensity_sigma)
      for (std::size_t i = 0; i < values[k].size(); ++i)
        if (values[k][i] < 0)
          throw ParseError(file, rows.lines[i], k + 1,
                           "expected a non-negative " + names[k] + " (field " +
                               std::to_string(k + 1) + "), found " + std::to_string(values[k][i]));
  }
  for (std::size_t k = 0; k < block.fields; ++k)
    if (matches[k].scale != 1.0 || matches[k].offset != 0.0)
      for (double& v : values[k]) v = matches[k].scale * v + matches[k].offset;

  for (std::size_t k = 0; k < block.fields; ++k) {
    const QuantityMatch& q = matches[k];
    const std::string source = header.names.empty() ? std::string() : header.names[k];
    Column& c = m.add(q.quantity, std::move(values[k]), source);
    if (q.quantity == Quantity::other) {
      c.name = header.names.empty() ? q.name : (q.name.empty() ? source : q.name);
      c.unit = q.unit;
    }
  }
  m.meta.technique = hints.technique ? *hints.technique : guess_technique(m);
  return m;
}

}  // namespace solyte::io::detail
