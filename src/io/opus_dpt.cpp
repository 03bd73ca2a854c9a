// Bruker OPUS "data point table" export (.dpt): one "x,y" pair per line, no header, x the
// wavenumber in cm⁻¹ in the order OPUS stores it (decreasing for FTIR).
#include <cstdio>

#include "io/xy_spectrum.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

bool is_opus_dpt(const std::vector<TextLine>& lines) {
  const auto l = find_xy_layout(lines);
  return l && l->columns == 2 && l->delimiter == Delimiter::comma && l->title.empty() &&
         l->declared_points == 0 && l->comments.empty() && l->names.empty() && l->decreasing &&
         l->x_first > 180 && l->x_first < 100000;
}

std::vector<Measurement> read_opus_dpt(const std::vector<TextLine>& lines, const std::string& file,
                                       std::optional<Technique> hint) {
  const auto layout = find_xy_layout(lines);
  if (!layout || layout->columns != 2)
    throw ParseError(file, 0, 0, "expected an OPUS data-point table: rows of wavenumber,value");
  Measurement m = read_spectrum_columns(lines, *layout, file);
  m.meta.format = "opus-dpt";
  m.meta.technique_name = "Bruker OPUS data-point table";
  if (hint && *hint == Technique::raman) {
    m.meta.technique = Technique::raman;
  } else {
    m.meta.technique = Technique::infrared;
    m.meta.warnings.insert(m.meta.warnings.begin(),
                           "an OPUS data-point table does not say what it holds: read as an "
                           "infrared spectrum (wavenumber in cm⁻¹, value)");
  }
  std::vector<Measurement> out;
  out.push_back(std::move(m));
  return out;
}

}  // namespace solyte::io::detail
