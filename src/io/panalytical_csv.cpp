#include "io/panalytical_csv.hpp"

#include <cmath>

#include "core/number_parse.hpp"
#include "io/diffraction_record.hpp"
#include "io/numeric_rows.hpp"
#include "io/text_table.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

constexpr std::size_t kLookAhead = 200;  // the conditions section is a few dozen lines

std::size_t find_line(const std::vector<TextLine>& lines, std::string_view text, std::size_t from,
                      std::size_t limit) {
  for (std::size_t i = from; i < lines.size() && i < limit; ++i)
    if (solyte::detail::trim(lines[i].text) == text) return i;
  return lines.size();
}

std::optional<double> number(std::string_view text) {
  double v = 0;
  if (parse_field(solyte::detail::trim(text), false, v) && std::isfinite(v)) return v;
  return std::nullopt;
}

}  // namespace

bool is_panalytical_csv(const std::vector<TextLine>& lines) {
  const std::size_t c = find_line(lines, "[Measurement conditions]", 0, 5);
  return c < lines.size() && find_line(lines, "[Scan points]", c, kLookAhead) < lines.size();
}

std::vector<Measurement> read_panalytical_csv(const std::vector<TextLine>& lines,
                                              const std::string& file) {
  const std::size_t c = find_line(lines, "[Measurement conditions]", 0, 5);
  const std::size_t s = find_line(lines, "[Scan points]", c, kLookAhead);
  if (s >= lines.size())
    throw ParseError(file, 0, 0,
                     "expected a '[Scan points]' line after '[Measurement conditions]'");
  Measurement m;
  double a1 = 0, a2 = 0, ratio = -1;
  std::optional<double> step, time, points;
  std::vector<std::string_view> fields;
  for (std::size_t i = c + 1; i < s; ++i) {
    split_fields(lines[i].text, Delimiter::comma, fields);
    if (fields.empty() || fields[0].empty()) continue;
    std::string value;
    for (std::size_t k = 1; k < fields.size(); ++k)
      value += (k > 1 ? "," : "") + std::string(fields[k]);
    const std::string key(fields[0]);
    m.meta.header.emplace_back(key, value);
    const std::string_view first = fields.size() > 1 ? fields[1] : std::string_view();
    if (key == "K-Alpha1 wavelength") a1 = number(first).value_or(0);
    if (key == "K-Alpha2 wavelength") a2 = number(first).value_or(0);
    if (key == "Ratio K-Alpha2/K-Alpha1") ratio = number(first).value_or(-1);
    if (key == "Scan step size") step = number(first);
    if (key == "Time per step") time = number(first);
    if (key == "No. of points") points = number(first);
    if (key == "Sample identification") m.meta.sample = std::string(first);
  }
  // The column header ("Angle,Intensity") is the line after "[Scan points]".
  std::size_t h = s + 1;
  while (h < lines.size() && is_blank(lines[h].text)) ++h;
  if (h >= lines.size())
    throw ParseError(file, lines[s].number, 0,
                     "expected a column header and rows after '[Scan points]'");
  split_fields(lines[h].text, Delimiter::comma, fields);
  std::vector<std::string> names(fields.begin(), fields.end());
  if (names.size() < 2 || names.size() > 3)
    throw ParseError(file, lines[h].number, 0,
                     "expected the columns Angle,Intensity (and ESD), found " +
                         std::to_string(names.size()) + " names");
  NumericRows rows = read_numeric_rows(lines, h + 1, lines.size(), Delimiter::comma, names.size(),
                                       file, names, lines[h].number);
  if (rows.lines.empty())
    throw ParseError(file, lines[h].number, 0, "expected rows of numbers under the column header");
  require_monotonic_column(rows, 0, file, "2θ");
  std::vector<double> sigma;
  if (names.size() == 3) sigma = std::move(rows.columns[2]);
  Measurement p = make_pattern(std::move(rows.columns[0]), std::move(rows.columns[1]),
                               std::move(sigma), names[0], names[1]);
  if (names.size() == 3) p.columns[2].source_name = names[2];
  p.meta.header = std::move(m.meta.header);
  p.meta.sample = m.meta.sample;
  p.meta.format = "panalytical-csv";
  p.meta.technique_name = "PANalytical scan (CSV export)";
  if (step && *step > 0) p.meta.two_theta_step_deg = *step;
  if (time && *time > 0) p.meta.time_per_step_s = *time;
  set_wavelengths(p.meta, a1, a2, ratio, "measurement conditions");
  if (points && static_cast<std::size_t>(*points) != p.size())
    p.meta.warnings.push_back("the conditions give " + std::to_string(static_cast<long>(*points)) +
                              " points; " + std::to_string(p.size()) + " rows were read");
  std::vector<Measurement> out;
  out.push_back(std::move(p));
  return out;
}

}  // namespace solyte::io::detail
