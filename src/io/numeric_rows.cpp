#include "io/numeric_rows.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "io/numeric_block.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

// One pass over a line of plain numbers ("1.5e3\t-2\t3"): no field views, no trimming, no
// copy. Anything unusual — quotes, decimal commas, a '+' sign, empty or extra fields, NaN —
// returns false and the line goes through the general path, which gives the same values or
// the error message. So this only decides how fast, never what.
bool fast_row(std::string_view line, char sep, std::size_t columns, double* out) {
  const char* p = line.data();
  const char* const e = p + line.size();
  auto space = [sep](char c) {
    return c == ' ' || c == '\r' || (c == '\t' && sep != '\t') || c == '\f' || c == '\v';
  };
  for (std::size_t k = 0; k < columns; ++k) {
    while (p < e && space(*p)) ++p;
    if (k > 0 && sep != 0) {
      if (p == e || *p != sep) return false;
      ++p;
      while (p < e && space(*p)) ++p;
    }
    if (p == e) return false;
    const auto r = fast_float::from_chars(p, e, out[k]);
    if (r.ec != std::errc() || !std::isfinite(out[k])) return false;
    p = r.ptr;
    if (p < e && !space(*p) && *p != sep) return false;
  }
  while (p < e && space(*p)) ++p;
  if (sep != 0 && p < e && *p == sep) {  // one empty field after a final delimiter: "1;2;3;"
    ++p;
    while (p < e && space(*p)) ++p;
  }
  return p == e;
}

char separator(Delimiter d) {
  switch (d) {
    case Delimiter::tab:
      return '\t';
    case Delimiter::semicolon:
      return ';';
    case Delimiter::comma:
      return ',';
    case Delimiter::whitespace:
      return 0;
  }
  return 0;
}

}  // namespace

bool parse_plain_row(std::string_view line, Delimiter d, std::size_t columns, double* out) {
  return fast_row(line, separator(d), columns, out);
}

NumericRows read_numeric_rows(const std::vector<TextLine>& lines, std::size_t first,
                              std::size_t last, Delimiter d, std::size_t columns,
                              const std::string& file, const std::vector<std::string>& names,
                              std::size_t reference_line) {
  NumericRows rows;
  rows.columns.resize(columns);
  last = std::min(last, lines.size());
  const std::size_t capacity = last > first ? last - first : 0;
  for (auto& c : rows.columns) c.reserve(capacity);
  rows.lines.reserve(capacity);
  const char sep = separator(d);
  const bool commas = comma_decimal(d);
  std::vector<double> values(columns);
  std::vector<std::string_view> fields;
  auto name = [&](std::size_t k) {
    return k < names.size() && !names[k].empty() ? names[k] : "column " + std::to_string(k + 1);
  };
  for (std::size_t i = first; i < last; ++i) {
    const TextLine& line = lines[i];
    if (!fast_row(line.text, sep, columns, values.data())) {
      if (is_blank(line.text)) continue;
      split_fields(line.text, d, fields);
      if (fields.size() != columns)
        throw ParseError(file, line.number, std::min(fields.size(), columns) + 1,
                         "expected " + std::to_string(columns) + " " +
                             std::string(delimiter_name(d)) + "-separated fields as on line " +
                             std::to_string(reference_line) + ", found " +
                             std::to_string(fields.size()) + " (truncated or damaged line?)");
      for (std::size_t k = 0; k < columns; ++k) {
        if (!parse_field(fields[k], commas, values[k]))
          throw ParseError(file, line.number, k + 1,
                           "expected a number for " + name(k) + " (field " + std::to_string(k + 1) +
                               "), found " + quote_for_message(fields[k]));
        if (!std::isfinite(values[k]))
          throw ParseError(file, line.number, k + 1,
                           "expected a finite number for " + name(k) + " (field " +
                               std::to_string(k + 1) + "), found " + quote_for_message(fields[k]));
      }
    }
    for (std::size_t k = 0; k < columns; ++k) rows.columns[k].push_back(values[k]);
    rows.lines.push_back(line.number);
  }
  return rows;
}

void require_monotonic_column(const NumericRows& rows, std::size_t column, const std::string& file,
                              std::string_view what) {
  const auto& x = rows.columns.at(column);
  if (x.size() < 2) return;
  const bool up = x[1] > x[0];
  for (std::size_t i = 1; i < x.size(); ++i) {
    const bool ok = up ? x[i] > x[i - 1] : x[i] < x[i - 1];
    if (ok) continue;
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "expected strictly %s %s values, found %.10g after %.10g (line %zu)",
                  up ? "increasing" : "decreasing", std::string(what).c_str(), x[i], x[i - 1],
                  rows.lines[i - 1]);
    throw ParseError(file, rows.lines[i], column + 1, buf);
  }
}

}  // namespace solyte::io::detail
