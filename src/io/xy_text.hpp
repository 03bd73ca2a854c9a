// The layout shared by two- and three-column text exports whose columns carry no names a
// generic table could use — powder patterns (.xy, .xye, .xyd, .dat, thesis .xrd with a
// point-count line) and spectra (Raman .txt, Bruker OPUS .dpt): a few optional lines (a
// title, a point count, '#' comments, a commented column header) above rows of 2–3 numbers.
// Detection looks at the first rows and the last one only, so it costs the same for any size.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/numeric_rows.hpp"
#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

struct XyLayout {
  std::size_t data_start = 0;  ///< index into lines of the first data row
  std::size_t columns = 0;     ///< 2 or 3
  Delimiter delimiter = Delimiter::whitespace;
  std::string title;                ///< a first line of text, when there is one
  std::size_t declared_points = 0;  ///< from a point-count line; 0 when none
  std::size_t count_line = 0;       ///< its line number
  std::vector<std::string> names;   ///< from a commented header of `columns` names, else empty
  std::size_t names_line = 0;
  std::vector<std::pair<std::string, std::string>> comments;  ///< "# key: value" lines
  // What the first rows and the last row say about the first column. "Increasing" allows a
  // damaged row or two (9 in 10 steps up and the last row above the first), so that the
  // reader, not another format, reports the damage at its line.
  double x_first = 0, x_last = 0;
  bool increasing = false, decreasing = false;
  double step_low = 0, step_high = 0;  ///< 10th and 90th percentiles of |Δx| over those rows
  bool third_non_negative = false;     ///< column 3 ≥ 0 over the rows looked at
};

/// The layout, or nullopt when the content is not such a table (a named header that is not a
/// comment, more columns, too few rows — fewer than 20, unless a point-count line declares
/// that many — or lines that are neither).
std::optional<XyLayout> find_xy_layout(const std::vector<TextLine>& lines);

/// Quantity that a commented header name means (identify_quantity without impedance names).
Quantity xy_name_quantity(const std::string& name);

/// Reads the rows of `layout` (all of them, with the messages of numeric_rows.hpp) and checks
/// a declared point count against them: fewer rows than declared is a ParseError ("truncated?"),
/// more is a warning in `warnings`.
NumericRows read_xy_rows(const std::vector<TextLine>& lines, const XyLayout& layout,
                         const std::string& file, const std::vector<std::string>& names,
                         std::vector<std::string>& warnings);

}  // namespace solyte::io::detail
