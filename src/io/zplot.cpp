// Two layouts share the ZPlot column set:
//   ZPLOT2 ASCII   comment lines up to "End Comments" (the last of them usually the column
//                  names), then tab- or blank-separated rows;
//   "ZPlotW Data File: Version 3.2c" / "Z60W Data File: Version 1.1"   quoted title lines,
//                  a line of six sweep settings, the point count, the quoted column names,
//                  then comma-separated rows.
#include "io/zplot.hpp"

#include <cmath>

#include "core/number_parse.hpp"
#include "io/column_table.hpp"
#include "io/impedance_records.hpp"
#include "io/numeric_block.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

using solyte::detail::trim;

constexpr std::string_view kDefaultNames[] = {"Freq(Hz)", "Ampl", "Bias", "Time(Sec)", "Z'(a)",
                                              "Z''(b)",   "GD",   "Err",  "Range"};

TableColumn zplot_column(std::string_view name) {
  TableColumn c;
  c.source_name = std::string(name);
  std::string n;
  for (char ch : ascii_lower(name))
    if (ch != ' ') n += ch;
  if (n == "freq(hz)")
    c.quantity = Quantity::frequency;
  else if (n == "z'(a)")
    c.quantity = Quantity::z_real;
  else if (n == "z''(b)")
    c.quantity = Quantity::z_imag;
  else if (n == "time(sec)")
    c.quantity = Quantity::time;
  return c;
}

std::string unquote(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return std::string(trim(s));
}

bool data_file_banner(std::string_view first) {
  const std::string t = unquote(first);
  return t.find("Data File: Version") != std::string::npos;
}

}  // namespace

bool is_zplot(const std::vector<TextLine>& lines) {
  if (lines.empty()) return false;
  const std::string_view first = trim(lines[0].text);
  return first == "ZPLOT2 ASCII" || data_file_banner(first);
}

std::vector<Measurement> read_zplot(const std::vector<TextLine>& lines, const std::string& file) {
  Measurement m;
  m.meta.format = "zplot";
  std::vector<std::string_view> names;
  std::string names_line;  // owns what `names` views for the quoted layout
  std::size_t data = 0;
  Delimiter d = Delimiter::tab;
  std::size_t declared = 0;
  if (trim(lines[0].text) == "ZPLOT2 ASCII") {
    std::size_t end = 0;
    for (std::size_t i = 1; i < lines.size(); ++i)
      if (trim(lines[i].text) == "End Comments") {
        end = i;
        break;
      }
    if (end == 0)
      throw ParseError(file, lines.back().number, 0,
                       "expected an 'End Comments' line closing the ZPlot comment block");
    for (std::size_t i = 1; i < end; ++i) {
      const std::string_view t = trim(lines[i].text);
      const std::size_t colon = t.find(':');
      if (colon != std::string_view::npos && colon > 0)
        m.meta.header.emplace_back(std::string(trim(t.substr(0, colon))),
                                   std::string(trim(t.substr(colon + 1))));
    }
    std::vector<std::string_view> candidate;
    split_fields(lines[end - 1].text, Delimiter::tab, candidate);
    if (!candidate.empty() && ascii_lower(candidate[0]) == "freq(hz)") names = candidate;
    data = end + 1;
    std::size_t score = 0;
    std::vector<TextLine> rows(lines.begin() + static_cast<std::ptrdiff_t>(data), lines.end());
    d = rows.empty() ? Delimiter::tab : choose_delimiter(rows, score);
  } else {
    m.meta.header.emplace_back("Title", unquote(lines[0].text));
    // The count line is the first line holding one integer; names follow it.
    for (std::size_t i = 1; i < lines.size(); ++i) {
      const auto n = solyte::detail::parse_double(lines[i].text);
      if (n && *n >= 0 && *n == std::floor(*n) && *n < 1e9) {
        declared = static_cast<std::size_t>(*n);
        if (i + 1 >= lines.size())
          throw ParseError(file, lines[i].number, 0,
                           "expected the quoted column names after the point count");
        names_line = unquote(lines[i + 1].text);
        split_header_words(names_line, names);
        data = i + 2;
        break;
      }
      if (!unquote(lines[i].text).empty())
        m.meta.header.emplace_back("Line " + std::to_string(lines[i].number),
                                   unquote(lines[i].text));
    }
    if (data == 0)
      throw ParseError(file, lines.back().number, 0,
                       "expected a line with the point count before the data");
    d = Delimiter::comma;
  }
  std::vector<TableColumn> columns;
  if (names.empty()) {
    for (auto n : kDefaultNames) columns.push_back(zplot_column(n));
    m.meta.warnings.push_back(
        "no column names: the ZPlot layout Freq(Hz), Ampl, Bias, Time(Sec), Z'(a), Z''(b), GD, "
        "Err, Range was assumed");
  } else {
    for (auto n : names) columns.push_back(zplot_column(n));
  }
  std::vector<std::vector<double>> values;
  read_table_rows(lines, data, lines.size(), d, comma_decimal(d), columns, file, values);
  Measurement r = table_record(columns, std::move(values));
  r.meta = std::move(m.meta);
  r.meta.technique = Technique::impedance;
  if (declared > 0 && r.size() != declared)
    r.meta.warnings.push_back("the file declares " + std::to_string(declared) + " points, holds " +
                              std::to_string(r.size()) + " (truncated?)");
  if (!is_impedance_record(r))
    throw ParseError(file, data > 0 ? lines[data - 1].number : 0, 0,
                     "expected the ZPlot columns Freq(Hz), Z'(a) and Z''(b)");
  return split_impedance_sweeps(std::move(r));
}

}  // namespace solyte::io::detail
