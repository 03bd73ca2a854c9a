// Tables and documents as the command-line tool prints them: aligned text for people,
// CSV/TSV/JSON for machines, written atomically (temporary file + rename) with -o.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace solyte::cli {

enum class Format { text, csv, tsv, json };
Format parse_format(const std::string& name);   // throws InvalidArgument

/// One cell: empty, number (printed with `digits` significant digits), integer or text.
using Cell = std::variant<std::monostate, double, long long, std::string>;

struct Table {
  std::string title;                     ///< printed above the table in text form
  std::vector<std::string> headers;      ///< with units: "sigma_dc_S_per_cm"
  std::vector<std::vector<Cell>> rows;
  int digits = 6;

  void add_row(std::vector<Cell> row) { rows.push_back(std::move(row)); }
};

/// Optional number → cell (empty when absent).
Cell opt_cell(const std::optional<double>& v);

std::string render_text(const Table& t);
std::string render_delimited(const Table& t, char separator);
/// Array of objects keyed by header; numbers stay numbers, empty cells become null.
nlohmann::json to_json(const Table& t);

/// Writes `content` to `path` through a temporary file in the same folder and a rename, so a
/// failure leaves no half-written file; "-" or empty means standard output.
void write_output(const std::string& path, const std::string& content);

/// Renders several tables in `format`: text → titled aligned tables; csv/tsv → tables
/// separated by a blank line, each preceded by "# title" when there is more than one; json →
/// `document` (which the caller fills) is printed instead.
std::string render(Format format, const std::vector<Table>& tables,
                   const nlohmann::json& document, const std::string& text_footer = {});

}  // namespace solyte::cli
