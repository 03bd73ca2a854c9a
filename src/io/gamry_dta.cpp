// Layout (Gamry Framework "EXPLAIN" files): line 1 "EXPLAIN", line 2 "TAG <technique>", then
// tab-separated "KEY TYPE VALUE [description]" lines (NOTES: VALUE is the number of note
// lines that follow). A table is "NAME TABLE [count]", a line of column names, a line of
// units, then rows that each start with a tab. Numbers use the decimal mark of the Windows
// locale, so with tabs between fields a comma is a decimal comma.
#include "io/gamry_dta.hpp"

#include <cctype>
#include <cmath>

#include "core/number_parse.hpp"
#include "io/column_table.hpp"
#include "io/impedance_records.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

using solyte::detail::trim;

Technique technique_of_tag(std::string_view tag) {
  if (tag == "EISPOT" || tag == "EISGALV" || tag == "EISMON") return Technique::impedance;
  if (tag == "CV" || tag == "RCV") return Technique::cyclic_voltammetry;
  if (tag == "LSV" || tag == "POTDYN") return Technique::linear_sweep;
  if (tag == "CHRONOP" || tag == "GALVSTAT") return Technique::chronopotentiometry;
  if (tag == "CHRONOA" || tag == "POTSTAT") return Technique::chronoamperometry;
  if (tag == "CORPOT") return Technique::open_circuit;
  return Technique::other;
}

TableColumn gamry_column(std::string_view name, std::string_view unit) {
  TableColumn c;
  c.source_name = std::string(name);
  c.unit = std::string(unit);
  if (unit == "bits") {
    c.skip = true;  // overload flags written as dots and letters
    return c;
  }
  if (name == "T" || name == "Time")
    c.quantity = Quantity::time;
  else if (name == "Freq")
    c.quantity = Quantity::frequency;
  else if (name == "Zreal")
    c.quantity = Quantity::z_real;
  else if (name == "Zimag")
    c.quantity = Quantity::z_imag;
  else if (name == "Zmod")
    c.quantity = Quantity::z_modulus;
  else if (name == "Zphz")
    c.quantity = Quantity::z_phase;
  else if (name == "Vf" || name == "V" || name == "Vdc")
    c.quantity = Quantity::potential;
  else if (name == "Im" || name == "I" || name == "Idc")
    c.quantity = Quantity::current;
  else if (name == "Q")
    c.quantity = Quantity::charge;
  return c;
}

bool is_curve_n(std::string_view name) {
  if (name.size() <= 5 || name.substr(0, 5) != "CURVE") return false;
  for (char ch : name.substr(5))
    if (!std::isdigit(static_cast<unsigned char>(ch))) return false;
  return true;
}

struct Table {
  std::string name;
  std::size_t line = 0;  // line number of "NAME TABLE"
  std::size_t declared = 0;
  Measurement record;
};

}  // namespace

bool is_gamry_dta(const std::vector<TextLine>& lines) {
  if (lines.size() < 2) return false;
  return trim(lines[0].text) == "EXPLAIN" && lines[1].text.substr(0, 4) == "TAG\t";
}

std::vector<Measurement> read_gamry_dta(const std::vector<TextLine>& lines,
                                        const std::string& file) {
  std::vector<std::string_view> f;
  split_fields(lines[1].text, Delimiter::tab, f);
  const std::string tag = f.size() > 1 ? std::string(f[1]) : std::string();
  RecordMetadata meta;
  meta.format = "gamry-dta";
  meta.technique_name = tag;
  meta.header.emplace_back("TAG", tag);
  std::vector<Table> tables;
  bool aborted = false;

  std::size_t i = 2;
  while (i < lines.size()) {
    const TextLine& line = lines[i];
    if (is_blank(line.text) || line.text.front() == '\t') {
      ++i;
      continue;
    }
    split_fields(line.text, Delimiter::tab, f);
    if (f.size() >= 2 && f[1] == "TABLE") {
      Table t;
      t.name = std::string(f[0]);
      t.line = line.number;
      if (f.size() > 2)
        if (const auto n = solyte::detail::parse_double(f[2]); n && *n >= 0 && *n < 1e9)
          t.declared = static_cast<std::size_t>(*n);
      if (i + 2 >= lines.size())
        throw ParseError(file, line.number, 0,
                         "expected the column names and units of table " + t.name +
                             " on the next two lines, but the file ends");
      std::vector<std::string_view> names, units;
      split_fields(lines[i + 1].text, Delimiter::tab, names);
      split_fields(lines[i + 2].text, Delimiter::tab, units);
      if (names.empty() || units.size() != names.size())
        throw ParseError(file, lines[i + 2].number, 0,
                         "expected as many units as column names (" + std::to_string(names.size()) +
                             ") for table " + t.name + ", found " + std::to_string(units.size()));
      std::vector<TableColumn> columns;
      for (std::size_t k = 0; k < names.size(); ++k)
        columns.push_back(gamry_column(names[k], units[k]));
      std::size_t end = i + 3;
      while (end < lines.size() && !lines[end].text.empty() && lines[end].text.front() == '\t')
        ++end;
      std::vector<std::vector<double>> values;
      read_table_rows(lines, i + 3, end, Delimiter::tab, true, columns, file, values);
      t.record = table_record(columns, std::move(values));
      tables.push_back(std::move(t));
      i = end;
      continue;
    }
    const std::string key = f.empty() ? std::string() : std::string(f[0]);
    const std::string type = f.size() > 1 ? std::string(f[1]) : std::string();
    const std::string value = f.size() > 2 ? std::string(f[2]) : std::string();
    meta.header.emplace_back(key, value);
    if (key == "EXPERIMENTABORTED" && value == "T") aborted = true;
    if (key == "AREA" && type == "QUANT")
      if (const auto a = solyte::detail::parse_double(value, true);
          a && *a > 0 && std::isfinite(*a))
        meta.electrode_area_m2 = *a * 1e-4;  // Gamry states cm²
    if (type == "NOTES") {
      // VALUE lines of free text follow.
      const auto n = solyte::detail::parse_double(value);
      const std::size_t skip = n && *n >= 0 && *n < 1e6 ? static_cast<std::size_t>(*n) : 0;
      i += skip;
    }
    ++i;
  }
  if (tables.empty())
    throw ParseError(file, lines.back().number, 0,
                     "expected at least one data table ('NAME<tab>TABLE' line) in the Gamry file");

  const Technique technique = technique_of_tag(tag);
  std::vector<Measurement> out;
  Measurement* curves = nullptr;
  double curve_number = 0;
  for (Table& t : tables) {
    Measurement& m = t.record;
    m.meta = meta;
    if (t.declared > 0 && m.size() < t.declared)
      m.meta.warnings.push_back("table " + t.name + " (line " + std::to_string(t.line) +
                                ") declares " + std::to_string(t.declared) + " points, holds " +
                                std::to_string(m.size()));
    if (aborted)
      m.meta.warnings.push_back(
          "the experiment was aborted (EXPERIMENTABORTED): the tables hold the points measured "
          "before it stopped");
    m.meta.header.emplace_back("Table", t.name);
    if (is_curve_n(t.name)) {
      // One CV record: the curves one after the other, numbered in a cycle column.
      curve_number += 1;
      const std::size_t n = m.size();
      if (!curves) {
        m.add(Quantity::cycle, std::vector<double>(n, curve_number), "curve number");
        m.meta.technique = technique;
        out.push_back(std::move(m));
        curves = &out.back();
        continue;
      }
      if (m.columns.size() + 1 != curves->columns.size())
        throw ParseError(file, t.line, 0,
                         "expected table " + t.name + " to have the columns of CURVE1");
      for (std::size_t k = 0; k < m.columns.size(); ++k)
        curves->columns[k].values.insert(curves->columns[k].values.end(),
                                         m.columns[k].values.begin(), m.columns[k].values.end());
      curves->columns.back().values.insert(curves->columns.back().values.end(), n, curve_number);
      continue;
    }
    if (t.name == "ZCURVE")
      m.meta.technique = Technique::impedance;
    else if (t.name == "OCVCURVE")
      m.meta.technique = Technique::open_circuit;
    else if (tables.size() == 1)
      m.meta.technique = technique;
    else
      m.meta.technique = Technique::other;
    out.push_back(std::move(m));
    curves = nullptr;  // `out` may reallocate; CURVE tables are adjacent in practice
  }
  for (std::size_t k = 0; k < out.size(); ++k) out[k].meta.index_in_file = k;
  return out;
}

}  // namespace solyte::io::detail
