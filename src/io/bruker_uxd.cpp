// UXD (DIFFRAC-plus XCH manual, appendix on the UXD format): comments start with ';'; a file
// header of "_KEY=value" entries (_WL1, _WL2, _WLRATIO, _ANODE, _SAMPLE …) is followed by
// ranges, each opened by _DRIVE and holding its own entries (_START, _STEPSIZE, _STEPTIME,
// _RANGE_WL …) and one data keyword:
//   _COUNTS or _CPS           intensities on the grid _START + i·_STEPSIZE, several per line
//   _2THETACOUNTS, _2THETACPS pairs 2θ, intensity
//   _2THETACOUNTSTIME         triples 2θ, counts, time
// Values are blank- or comma-separated. Peak lists (_D-I, _2THETA-I) are not patterns.
#include "io/bruker_uxd.hpp"

#include <cmath>

#include "core/number_parse.hpp"
#include "io/diffraction_record.hpp"
#include "io/text_table.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

struct Range {
  std::vector<std::pair<std::string, std::string>> entries;
  enum class Data { none, counts, pairs, triples, peaks } data = Data::none;
  bool per_second = false;
  std::size_t data_line = 0;  // line of the data keyword
  std::vector<double> x, y;
  std::size_t first_line = 0;
};

std::string unquote(std::string_view v) {
  v = solyte::detail::trim(v);
  if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') v = v.substr(1, v.size() - 2);
  return std::string(solyte::detail::trim(v));
}

const std::string* find(const std::vector<std::pair<std::string, std::string>>& e,
                        std::string_view key) {
  for (const auto& [k, v] : e)
    if (k == key) return &v;
  return nullptr;
}

std::optional<double> number_of(const std::vector<std::pair<std::string, std::string>>& range,
                                const std::vector<std::pair<std::string, std::string>>& file,
                                std::string_view key) {
  const std::string* v = find(range, key);
  if (!v) v = find(file, key);
  double x = 0;
  if (v && parse_field(*v, false, x) && std::isfinite(x)) return x;
  return std::nullopt;
}

}  // namespace

bool is_bruker_uxd(const std::vector<TextLine>& lines) {
  for (std::size_t i = 0; i < lines.size() && i < 50; ++i) {
    const std::string_view t = solyte::detail::trim(lines[i].text);
    if (t.empty() || t[0] == ';') continue;
    return t.substr(0, 12) == "_FILEVERSION";
  }
  return false;
}

std::vector<Measurement> read_bruker_uxd(const std::vector<TextLine>& lines,
                                         const std::string& file) {
  std::vector<std::pair<std::string, std::string>> globals;
  std::vector<Range> ranges;
  std::vector<std::string_view> fields;
  for (const TextLine& line : lines) {
    const std::string_view t = solyte::detail::trim(line.text);
    if (t.empty() || t[0] == ';') continue;
    if (t[0] == '_') {
      const auto eq = t.find('=');
      const std::string key(
          solyte::detail::trim(t.substr(1, eq == std::string_view::npos ? t.npos : eq - 1)));
      if (key == "DRIVE") {
        ranges.emplace_back();
        ranges.back().first_line = line.number;
      }
      if (eq != std::string_view::npos) {
        auto& target = ranges.empty() ? globals : ranges.back().entries;
        target.emplace_back(key, unquote(t.substr(eq + 1)));
        continue;
      }
      if (ranges.empty())
        throw ParseError(file, line.number, 1,
                         "expected _DRIVE (the start of a range) before the data keyword _" + key);
      Range& r = ranges.back();
      r.data_line = line.number;
      if (key == "COUNTS" || key == "CPS") {
        r.data = Range::Data::counts;
        r.per_second = key == "CPS";
      } else if (key == "2THETACOUNTS" || key == "2THETACPS") {
        r.data = Range::Data::pairs;
        r.per_second = key == "2THETACPS";
      } else if (key == "2THETACOUNTSTIME") {
        r.data = Range::Data::triples;
      } else if (key == "D-I" || key == "2THETA-I") {
        r.data = Range::Data::peaks;
      } else {
        throw ParseError(file, line.number, 1,
                         "expected a UXD keyword (_KEY=value, _COUNTS, _CPS, _2THETACOUNTS …), "
                         "found " +
                             quote_for_message(t));
      }
      continue;
    }
    // A data line.
    if (ranges.empty() || ranges.back().data == Range::Data::none)
      throw ParseError(file, line.number, 1,
                       "expected a _KEY=value entry or a data keyword before numbers, found " +
                           quote_for_message(t));
    Range& r = ranges.back();
    if (r.data == Range::Data::peaks) continue;
    std::string normalised(t);
    for (char& c : normalised)
      if (c == ',') c = ' ';
    split_fields(normalised, Delimiter::whitespace, fields);
    const std::size_t group =
        r.data == Range::Data::counts ? 1 : (r.data == Range::Data::pairs ? 2 : 3);
    if (fields.size() % group != 0)
      throw ParseError(file, line.number, fields.size() + 1,
                       "expected groups of " + std::to_string(group) + " values, found " +
                           std::to_string(fields.size()) + " values (truncated line?)");
    for (std::size_t k = 0; k < fields.size(); ++k) {
      double v = 0;
      if (!parse_field(fields[k], false, v) || !std::isfinite(v))
        throw ParseError(file, line.number, k + 1,
                         "expected a number (value " + std::to_string(k + 1) + "), found " +
                             quote_for_message(fields[k]));
      if (group == 1 || k % group == 1)
        r.y.push_back(v);
      else if (k % group == 0)
        r.x.push_back(v);
    }
  }

  std::vector<Measurement> out;
  for (std::size_t k = 0; k < ranges.size(); ++k) {
    Range& r = ranges[k];
    if (r.data == Range::Data::none || r.data == Range::Data::peaks) continue;
    if (r.data == Range::Data::counts) {
      const auto start = number_of(r.entries, {}, "START");
      const auto step = number_of(r.entries, globals, "STEPSIZE");
      if (!start || !step || *step == 0)
        throw ParseError(file, r.data_line, 0,
                         "expected _START and a non-zero _STEPSIZE in the range opened on line " +
                             std::to_string(r.first_line));
      r.x = stepped_axis(*start, *step, r.y.size());
    }
    for (std::size_t i = 1; i < r.x.size(); ++i)
      if (!(r.x[i] > r.x[i - 1]))
        throw ParseError(file, r.data_line, 0,
                         "expected increasing 2θ in the range opened on line " +
                             std::to_string(r.first_line) + ", found " + std::to_string(r.x[i]) +
                             " after " + std::to_string(r.x[i - 1]));
    const std::size_t n = r.y.size();
    Measurement m =
        make_pattern(std::move(r.x), std::move(r.y), {}, "2THETA", r.per_second ? "CPS" : "COUNTS");
    m.meta.format = "bruker-uxd";
    m.meta.index_in_file = out.size();
    m.meta.intensity_unit = r.per_second ? "counts/s" : "counts";
    m.meta.technique_name = "UXD range " + std::to_string(k + 1);
    if (const std::string* s = find(globals, "SAMPLE")) m.meta.sample = *s;
    if (const auto step = number_of(r.entries, globals, "STEPSIZE"))
      m.meta.two_theta_step_deg = *step;
    if (const auto t = number_of(r.entries, globals, "STEPTIME"); t && *t > 0)
      m.meta.time_per_step_s = *t;
    set_wavelengths(m.meta, number_of(r.entries, globals, "WL1").value_or(0),
                    number_of(r.entries, globals, "WL2").value_or(0),
                    number_of(r.entries, globals, "WLRATIO").value_or(-1), "UXD header");
    for (const auto& [key, v] : globals) add_header_text(m.meta, key, v);
    for (const auto& [key, v] : r.entries) add_header_text(m.meta, key, v);
    if (n == 0)
      m.meta.warnings.push_back("the range opened on line " + std::to_string(r.first_line) +
                                " holds no data");
    out.push_back(std::move(m));
  }
  if (out.empty())
    throw ParseError(file, 0, 0, "expected a range with _COUNTS or _2THETACOUNTS data");
  return out;
}

}  // namespace solyte::io::detail
