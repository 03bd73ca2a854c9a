#include "io/versastudio_par.hpp"

#include "core/number_parse.hpp"
#include "io/column_table.hpp"
#include "io/impedance_records.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

using solyte::detail::trim;

TableColumn par_column(std::string_view name) {
  TableColumn c;
  c.source_name = std::string(name);
  if (name == "E(V)")
    c.quantity = Quantity::potential;
  else if (name == "I(A)")
    c.quantity = Quantity::current;
  else if (name == "Elapsed Time(s)")
    c.quantity = Quantity::time;
  else if (name == "Frequency(Hz)")
    c.quantity = Quantity::frequency;
  else if (name == "Z Real")
    c.quantity = Quantity::z_real;
  else if (name == "Z Imag")
    c.quantity = Quantity::z_imag;
  else if (name == "Segment #")
    c.quantity = Quantity::step;
  return c;
}

}  // namespace

bool is_versastudio_par(const std::vector<TextLine>& lines) {
  return lines.size() > 2 && trim(lines[0].text) == "<Application>" &&
         trim(lines[1].text).substr(0, 16) == "Name=VersaStudio";
}

std::vector<Measurement> read_versastudio_par(const std::vector<TextLine>& lines,
                                              const std::string& file) {
  RecordMetadata meta;
  meta.format = "versastudio-par";
  std::string section;
  std::vector<Measurement> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view t = trim(lines[i].text);
    if (t.empty()) continue;
    if (t.front() == '<' && t.back() == '>') {
      section = std::string(t.substr(1, t.size() - 2));
      continue;
    }
    if (section.substr(0, 7) != "Segment") {
      const std::size_t eq = t.find('=');
      if (eq != std::string_view::npos && eq > 0) {
        std::string key = section + "/" + std::string(trim(t.substr(0, eq)));
        std::string value(trim(t.substr(eq + 1)));
        if (key.find("/Name") != std::string::npos && section.substr(0, 6) == "Action")
          meta.technique_name = value;
        meta.header.emplace_back(std::move(key), std::move(value));
      }
      continue;
    }
    if (t.substr(0, 11) != "Definition=") continue;
    std::vector<std::string_view> names;
    split_fields(t.substr(11), Delimiter::comma, names);
    // The list closes with a number that names no column.
    if (!names.empty() && solyte::detail::parse_double(names.back())) names.pop_back();
    std::vector<TableColumn> columns;
    for (auto n : names) columns.push_back(par_column(n));
    std::size_t end = i + 1;
    while (end < lines.size() && trim(lines[end].text).substr(0, 1) != "<") ++end;
    std::vector<std::vector<double>> values;
    read_table_rows(lines, i + 1, end, Delimiter::comma, false, columns, file, values);
    Measurement m = table_record(columns, std::move(values));
    m.meta = meta;
    m.meta.header.emplace_back("Segment", section);
    m.meta.technique = is_impedance_record(m) ? Technique::impedance : Technique::other;
    for (Measurement& r : records_of(std::move(m))) out.push_back(std::move(r));
    i = end - 1;
  }
  if (out.empty())
    throw ParseError(file, lines.back().number, 0,
                     "expected a <Segment> block with a 'Definition=' column list");
  for (std::size_t k = 0; k < out.size(); ++k) out[k].meta.index_in_file = k;
  return out;
}

}  // namespace solyte::io::detail
