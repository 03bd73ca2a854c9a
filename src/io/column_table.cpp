#include "io/column_table.hpp"

#include <cmath>

#include "solyte/error.hpp"

namespace solyte::io::detail {

void read_table_rows(const std::vector<TextLine>& lines, std::size_t begin, std::size_t end,
                     Delimiter d, bool comma_decimal, const std::vector<TableColumn>& columns,
                     const std::string& file, std::vector<std::vector<double>>& values) {
  values.resize(columns.size());
  for (std::size_t k = 0; k < columns.size(); ++k)
    if (!columns[k].skip) values[k].reserve(end - begin);
  std::vector<std::string_view> fields;
  for (std::size_t i = begin; i < end && i < lines.size(); ++i) {
    const TextLine& line = lines[i];
    if (is_blank(line.text)) continue;
    split_fields(line.text, d, fields);
    if (fields.size() < columns.size())
      throw ParseError(file, line.number, fields.size() + 1,
                       "expected " + std::to_string(columns.size()) + " " +
                           std::string(delimiter_name(d)) + "-separated fields, found " +
                           std::to_string(fields.size()) + " (truncated or damaged line?)");
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (columns[k].skip) continue;
      double v = 0;
      if (!parse_field(fields[k], comma_decimal, v) || !std::isfinite(v))
        throw ParseError(file, line.number, k + 1,
                         "expected a finite number for " + columns[k].source_name + " (field " +
                             std::to_string(k + 1) + "), found " + quote_for_message(fields[k]));
      values[k].push_back(columns[k].scale * v + columns[k].offset);
    }
  }
}

Measurement table_record(const std::vector<TableColumn>& columns,
                         std::vector<std::vector<double>> values) {
  Measurement m;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const TableColumn& c = columns[k];
    if (c.skip) continue;
    const bool taken = c.quantity != Quantity::other && m.has(c.quantity);
    if (c.quantity != Quantity::other && !taken) {
      m.add(c.quantity, std::move(values[k]), c.source_name);
      continue;
    }
    Column& col = m.add(Quantity::other, std::move(values[k]), c.source_name);
    col.name = c.source_name;
    col.unit = taken ? std::string(unit_of(c.quantity)) : c.unit;  // values already converted
  }
  return m;
}

}  // namespace solyte::io::detail
