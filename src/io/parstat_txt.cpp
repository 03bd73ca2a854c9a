#include "io/parstat_txt.hpp"

#include "io/column_table.hpp"
#include "io/impedance_records.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

TableColumn parstat_column(std::string_view name) {
  TableColumn c;
  c.source_name = std::string(name);
  if (name == "Potential (V)")
    c.quantity = Quantity::potential;
  else if (name == "Current (A)")
    c.quantity = Quantity::current;
  else if (name == "Elapsed Time (s)")
    c.quantity = Quantity::time;
  else if (name == "Frequency (Hz)")
    c.quantity = Quantity::frequency;
  else if (name == "Zre (ohms)")
    c.quantity = Quantity::z_real;
  else if (name == "Zim (ohms)")
    c.quantity = Quantity::z_imag;
  return c;
}

Measurement rows_where(const Measurement& m, const std::vector<bool>& keep) {
  Measurement out;
  out.meta = m.meta;
  for (const Column& c : m.columns) {
    Column s = c;
    s.values.clear();
    for (std::size_t i = 0; i < c.values.size(); ++i)
      if (keep[i]) s.values.push_back(c.values[i]);
    out.columns.push_back(std::move(s));
  }
  return out;
}

}  // namespace

bool is_parstat_txt(const std::vector<TextLine>& lines) {
  if (lines.empty()) return false;
  const std::string_view t = lines[0].text;
  return t.find("Frequency (Hz)\t") != std::string_view::npos &&
         t.find("Zre (ohms)\t") != std::string_view::npos &&
         t.find("Zim (ohms)") != std::string_view::npos;
}

std::vector<Measurement> read_parstat_txt(const std::vector<TextLine>& lines,
                                          const std::string& file) {
  std::vector<std::string_view> names;
  split_fields(lines[0].text, Delimiter::tab, names);
  std::vector<TableColumn> columns;
  for (auto n : names) columns.push_back(parstat_column(n));
  std::vector<std::vector<double>> values;
  read_table_rows(lines, 1, lines.size(), Delimiter::tab, true, columns, file, values);
  Measurement all = table_record(columns, std::move(values));
  all.meta.format = "parstat-txt";
  const Column& f = all.require(Quantity::frequency);
  std::vector<bool> ac(all.size()), dc(all.size());
  std::size_t n_dc = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    ac[i] = f.values[i] > 0;
    dc[i] = !ac[i];
    n_dc += dc[i] ? 1 : 0;
  }
  std::vector<Measurement> out;
  Measurement eis = rows_where(all, ac);
  eis.meta.technique = Technique::impedance;
  if (n_dc > 0)
    eis.meta.warnings.push_back(std::to_string(n_dc) +
                                " DC rows (frequency 0) are not part of the spectrum; they are "
                                "the next record");
  for (Measurement& s : split_impedance_sweeps(std::move(eis))) out.push_back(std::move(s));
  if (n_dc > 0) {
    Measurement d = rows_where(all, dc);
    for (auto it = d.columns.begin(); it != d.columns.end();)
      if (it->quantity == Quantity::frequency || it->quantity == Quantity::z_real ||
          it->quantity == Quantity::z_imag)
        it = d.columns.erase(it);
      else
        ++it;
    d.meta.technique = Technique::other;
    out.push_back(std::move(d));
  }
  for (std::size_t k = 0; k < out.size(); ++k) out[k].meta.index_in_file = k;
  return out;
}

}  // namespace solyte::io::detail
