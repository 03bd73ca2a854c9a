#include "io/metrohm_nova.hpp"

#include "io/column_table.hpp"
#include "io/impedance_records.hpp"
#include "io/numeric_block.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

TableColumn nova_column(std::string_view name) {
  TableColumn c;
  c.source_name = std::string(name);
  if (name == "Time (s)" || name == "Corrected time (s)")
    c.quantity = Quantity::time;
  else if (name == "WE(1).Potential (V)")
    c.quantity = Quantity::potential;
  else if (name == "WE(1).Current (A)")
    c.quantity = Quantity::current;
  else if (name == "Scan")
    c.quantity = Quantity::cycle;
  else if (name == "Frequency (Hz)")
    c.quantity = Quantity::frequency;
  else if (name == "Z' (\u03A9)")
    c.quantity = Quantity::z_real;
  else if (name == "-Z'' (\u03A9)") {
    c.quantity = Quantity::z_imag;
    c.scale = -1.0;  // NOVA writes −Z''
  } else if (name == "Z (\u03A9)")
    c.quantity = Quantity::z_modulus;
  else if (name == "-Phase (\u00B0)") {
    c.quantity = Quantity::z_phase;
    c.scale = -1.0;
  }
  return c;
}

Delimiter header_delimiter(std::string_view line) {
  if (line.find('\t') != std::string_view::npos) return Delimiter::tab;
  if (line.find(';') != std::string_view::npos) return Delimiter::semicolon;
  return Delimiter::comma;
}

}  // namespace

bool is_metrohm_nova(const std::vector<TextLine>& lines) {
  if (lines.empty()) return false;
  const std::string_view t = lines[0].text;
  return t.find("WE(1).") != std::string_view::npos ||
         (t.find("Frequency (Hz)") != std::string_view::npos &&
          t.find("-Z'' (\u03A9)") != std::string_view::npos);
}

std::vector<Measurement> read_metrohm_nova(const std::vector<TextLine>& lines,
                                           const std::string& file) {
  const Delimiter d = header_delimiter(lines[0].text);
  std::vector<std::string_view> names;
  split_fields(lines[0].text, d, names);
  std::vector<TableColumn> columns;
  bool scan = false, applied = false;
  for (auto n : names) {
    columns.push_back(nova_column(n));
    scan = scan || n == "Scan";
    applied = applied || n == "Potential applied (V)";
  }
  std::vector<std::vector<double>> values;
  read_table_rows(lines, 1, lines.size(), d, comma_decimal(d), columns, file, values);
  Measurement m = table_record(columns, std::move(values));
  m.meta.format = "metrohm-nova";
  if (is_impedance_record(m))
    m.meta.technique = Technique::impedance;
  else
    m.meta.technique = scan && applied ? Technique::cyclic_voltammetry : Technique::other;
  if (m.size() == 0) m.meta.warnings.push_back("the table holds no rows");
  return records_of(std::move(m));
}

}  // namespace solyte::io::detail
