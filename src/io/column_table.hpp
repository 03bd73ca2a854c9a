// Tables whose columns a reader has identified (Gamry, ZPlot, Parstat, VersaStudio, NOVA …):
// reading their rows into numbers and turning them into a record. Shared so that every
// reader reports a damaged row the same way.
#pragma once

#include <string>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

struct TableColumn {
  std::string source_name;  ///< as the file names it
  Quantity quantity = Quantity::other;
  double scale = 1.0;  ///< value in unit_of(quantity) = scale·file value + offset
  double offset = 0.0;
  std::string unit;   ///< the file's unit, kept for Quantity::other
  bool skip = false;  ///< not numeric (bit fields): its fields are not read
};

/// Reads rows lines[begin, end) split at `d` (blank lines skipped) into `values` (one vector
/// per column, skipped columns stay empty). Every row must have columns.size() fields.
/// Throws ParseError naming line and field for a missing field or a field that is not a
/// finite number.
void read_table_rows(const std::vector<TextLine>& lines, std::size_t begin, std::size_t end,
                     Delimiter d, bool comma_decimal, const std::vector<TableColumn>& columns,
                     const std::string& file, std::vector<std::vector<double>>& values);

/// The record of these columns (skipped ones left out). Only the first column of each known
/// quantity keeps it; later ones become Quantity::other under their own names.
Measurement table_record(const std::vector<TableColumn>& columns,
                         std::vector<std::vector<double>> values);

}  // namespace solyte::io::detail
