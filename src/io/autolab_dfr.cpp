#include "io/autolab_dfr.hpp"

#include <cmath>

#include "core/number_parse.hpp"
#include "io/impedance_records.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {
using solyte::detail::parse_double;
using solyte::detail::trim;
constexpr std::size_t kValuesPerPoint = 9;
}  // namespace

bool is_autolab_dfr(const std::vector<TextLine>& lines) {
  if (lines.size() < 3) return false;
  const std::string_view first = trim(lines[0].text);
  if (first.substr(0, 7) != "VERSION" || !parse_double(first.substr(7))) return false;
  const auto n = parse_double(lines[1].text);
  return n && *n >= 0 && *n == std::floor(*n);
}

std::vector<Measurement> read_autolab_dfr(const std::vector<TextLine>& lines,
                                          const std::string& file) {
  const double declared = *parse_double(lines[1].text);
  if (declared > 1e8)
    throw ParseError(file, lines[1].number, 0, "expected a plausible point count");
  const auto n = static_cast<std::size_t>(declared);
  const std::size_t first = 3;
  if (lines.size() < first + n * kValuesPerPoint)
    throw ParseError(file, lines.back().number, 0,
                     "expected " + std::to_string(n) + " points of " +
                         std::to_string(kValuesPerPoint) +
                         " lines each after line 3, but the "
                         "file ends at line " +
                         std::to_string(lines.back().number));
  std::vector<std::vector<double>> v(kValuesPerPoint, std::vector<double>(n));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < kValuesPerPoint; ++k) {
      const TextLine& line = lines[first + i * kValuesPerPoint + k];
      const auto x = parse_double(line.text);
      if (!x || !std::isfinite(*x))
        throw ParseError(file, line.number, 1,
                         "expected value " + std::to_string(k + 1) + " of point " +
                             std::to_string(i + 1) + " (one number per line)");
      v[k][i] = *x;
    }
  Measurement m;
  m.meta.format = "autolab-dfr";
  m.meta.technique = Technique::impedance;
  m.meta.header.emplace_back("Version", std::string(trim(lines[0].text).substr(7)));
  for (std::size_t i = first + n * kValuesPerPoint; i < lines.size(); ++i)
    if (!is_blank(lines[i].text))
      m.meta.header.emplace_back("Trailer line " + std::to_string(lines[i].number),
                                 std::string(trim(lines[i].text)));
  for (double& x : v[2]) x = -x;  // the file holds −Z''
  m.add(Quantity::frequency, std::move(v[0]), "value 1");
  m.add(Quantity::z_real, std::move(v[1]), "value 2");
  m.add(Quantity::z_imag, std::move(v[2]), "value 3 (-Z'')");
  for (std::size_t k = 3; k < kValuesPerPoint; ++k) {
    Column& c = m.add(Quantity::other, std::move(v[k]), "value " + std::to_string(k + 1));
    c.name = c.source_name;
  }
  return split_impedance_sweeps(std::move(m));
}

}  // namespace solyte::io::detail
