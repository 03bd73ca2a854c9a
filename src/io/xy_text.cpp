#include "io/xy_text.hpp"

#include <algorithm>
#include <cmath>

#include "core/number_parse.hpp"
#include "io/numeric_block.hpp"
#include "io/quantity_names.hpp"
#include "io/text_table.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

constexpr std::size_t kMaxPreamble = 40;  // lines above the data that are looked at
constexpr std::size_t kProbeRows = 200;   // data rows looked at for detection
constexpr std::size_t kMinRows = 20;      // fewer rows: not enough to tell what the table is

bool is_comment(std::string_view t) {
  t = solyte::detail::trim(t);
  return !t.empty() &&
         (t[0] == '#' || t[0] == '!' || t[0] == ';' || t[0] == '%' || t.substr(0, 2) == "//");
}

bool is_count(std::string_view t, std::size_t& n) {
  t = solyte::detail::trim(t);
  if (t.empty() || t.size() > 9) return false;
  n = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n > 0;
}

// A row of 2 or 3 numbers under one of the delimiters (tab, ';', ',', blanks, in that order).
bool numeric_2_or_3(std::string_view t, std::vector<std::string_view>& scratch, Delimiter& d,
                    std::size_t& fields) {
  for (Delimiter c :
       {Delimiter::tab, Delimiter::semicolon, Delimiter::comma, Delimiter::whitespace}) {
    if (numeric_row(t, c, scratch, fields) && (fields == 2 || fields == 3)) {
      d = c;
      return true;
    }
  }
  return false;
}

bool row_values(std::string_view t, Delimiter d, std::size_t columns,
                std::vector<std::string_view>& scratch, double* v) {
  split_fields(t, d, scratch);
  if (scratch.size() != columns) return false;
  for (std::size_t k = 0; k < columns; ++k)
    if (!parse_field(scratch[k], comma_decimal(d), v[k]) || !std::isfinite(v[k])) return false;
  return true;
}

void add_comment(std::string_view t, XyLayout& l) {
  t = strip_comment_mark(t);
  const auto sep = t.find_first_of(":=");
  if (sep == std::string_view::npos || sep == 0 || sep > 60) return;
  std::string_view key = solyte::detail::trim(t.substr(0, sep));
  std::string_view value = solyte::detail::trim(t.substr(sep + 1));
  if (!key.empty()) l.comments.emplace_back(std::string(key), std::string(value));
}

}  // namespace

Quantity xy_name_quantity(const std::string& name) {
  return identify_quantity(name, false).quantity;
}

std::optional<XyLayout> find_xy_layout(const std::vector<TextLine>& lines) {
  XyLayout l;
  std::vector<std::string_view> scratch;
  std::size_t i = 0, last_comment = lines.size(), fields = 0;
  bool found = false;
  for (std::size_t seen = 0; i < lines.size() && seen <= kMaxPreamble; ++i) {
    const std::string_view t = lines[i].text;
    if (is_blank(t)) continue;
    ++seen;
    if (is_comment(t)) {
      last_comment = i;
      add_comment(t, l);
      continue;
    }
    if (numeric_2_or_3(t, scratch, l.delimiter, fields)) {
      found = true;
      break;
    }
    std::size_t n = 0;
    if (l.declared_points == 0 && is_count(t, n)) {
      l.declared_points = n;
      l.count_line = lines[i].number;
      continue;
    }
    // One title line, first of all; a line that names known quantities is a column header
    // for the generic table instead.
    if (!l.title.empty() || l.declared_points != 0) return std::nullopt;
    split_header_words(t, scratch);
    for (auto w : scratch)
      if (xy_name_quantity(std::string(strip_comment_mark(w))) != Quantity::other)
        return std::nullopt;
    l.title = std::string(solyte::detail::trim(t));
  }
  if (!found) return std::nullopt;
  l.data_start = i;
  l.columns = fields;

  if (last_comment < i) {
    bool adjacent = true;
    for (std::size_t k = last_comment + 1; k < i; ++k)
      adjacent = adjacent && is_blank(lines[k].text);
    split_header_words(lines[last_comment].text, scratch);
    if (adjacent && scratch.size() == l.columns) {
      for (auto w : scratch) l.names.emplace_back(strip_comment_mark(w));
      l.names_line = lines[last_comment].number;
    }
  }

  // The first rows.
  double v[3] = {0, 0, 0}, prev = 0;
  std::size_t rows = 0, up = 0, down = 0;
  std::vector<double> steps;
  l.third_non_negative = true;
  std::size_t k = i;
  for (; k < lines.size() && rows < kProbeRows; ++k) {
    if (is_blank(lines[k].text)) continue;
    if (!row_values(lines[k].text, l.delimiter, l.columns, scratch, v)) return std::nullopt;
    if (rows == 0) {
      l.x_first = v[0];
    } else {
      up += v[0] > prev;
      down += v[0] < prev;
      steps.push_back(std::abs(v[0] - prev));
    }
    if (l.columns == 3) l.third_non_negative = l.third_non_negative && v[2] >= 0;
    prev = v[0];
    ++rows;
  }
  l.x_last = prev;
  // The last row (a damaged or partial last line is left to the reader to report).
  std::size_t total = rows;
  if (k < lines.size()) {
    for (std::size_t j = lines.size(), tried = 0; j-- > k && tried < 4;) {
      if (is_blank(lines[j].text)) continue;
      ++tried;
      if (!row_values(lines[j].text, l.delimiter, l.columns, scratch, v)) continue;
      l.x_last = v[0];
      total = rows + (j - k + 1);  // at least this many lines follow the probe
      break;
    }
  }
  const std::size_t n_steps = steps.size();
  l.increasing = n_steps > 0 && 10 * up >= 9 * n_steps && l.x_last > l.x_first;
  l.decreasing = n_steps > 0 && 10 * down >= 9 * n_steps && l.x_last < l.x_first;
  if (n_steps > 0) {
    std::sort(steps.begin(), steps.end());
    l.step_low = steps[n_steps / 10];
    l.step_high = steps[(9 * n_steps) / 10];
  }
  // A point-count line that promises enough rows settles it, so that a truncated file is
  // reported as such rather than read as a short table of another kind.
  if (total < kMinRows && l.declared_points < kMinRows) return std::nullopt;
  return l;
}

NumericRows read_xy_rows(const std::vector<TextLine>& lines, const XyLayout& layout,
                         const std::string& file, const std::vector<std::string>& names,
                         std::vector<std::string>& warnings) {
  NumericRows rows =
      read_numeric_rows(lines, layout.data_start, lines.size(), layout.delimiter, layout.columns,
                        file, names, lines[layout.data_start].number);
  const std::size_t n = rows.lines.size();
  if (layout.declared_points != 0 && n < layout.declared_points)
    throw ParseError(file, layout.count_line, 0,
                     "expected " + std::to_string(layout.declared_points) +
                         " data rows as this line says, found " + std::to_string(n) +
                         " (truncated file?)");
  if (layout.declared_points != 0 && n > layout.declared_points)
    warnings.push_back("line " + std::to_string(layout.count_line) + " declares " +
                       std::to_string(layout.declared_points) + " points; all " +
                       std::to_string(n) + " rows were read");
  return rows;
}

}  // namespace solyte::io::detail
