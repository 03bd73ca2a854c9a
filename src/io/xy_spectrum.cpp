#include "io/xy_spectrum.hpp"

#include <algorithm>
#include <cmath>

#include "io/diffraction_record.hpp"
#include "io/numeric_rows.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

// Mid-infrared spectrometers (KBr optics, DTGS/MCT detectors) stop near 400 cm⁻¹; Raman
// spectra usually start well below that, often at 50–200 cm⁻¹.
constexpr double kRamanBelow = 350.0;

bool mentions_raman(const XyLayout& l) {
  auto has = [](const std::string& s) { return ascii_lower(s).find("raman") != std::string::npos; };
  if (has(l.title)) return true;
  for (const auto& n : l.names)
    if (has(n)) return true;
  for (const auto& [k, v] : l.comments)
    if (has(k) || has(v)) return true;
  return false;
}

bool is_wire_header(const XyLayout& l) {
  return l.names.size() == 2 && ascii_lower(l.names[0]) == "wave" &&
         ascii_lower(l.names[1]) == "intensity";
}

}  // namespace

Measurement read_spectrum_columns(const std::vector<TextLine>& lines, const XyLayout& layout,
                                  const std::string& file) {
  const bool named = !layout.names.empty();
  const std::vector<std::string> names =
      named ? layout.names : std::vector<std::string>{"wavenumber", "intensity"};
  std::vector<std::string> warnings;
  NumericRows rows = read_xy_rows(lines, layout, file, names, warnings);
  require_monotonic_column(rows, 0, file, "wavenumber");
  Measurement m;
  m.add(Quantity::wavenumber, std::move(rows.columns[0]), named ? layout.names[0] : std::string());
  m.add(Quantity::intensity, std::move(rows.columns[1]), named ? layout.names[1] : std::string());
  add_header_text(m.meta, "title", layout.title);
  for (const auto& [k, v] : layout.comments) add_header_text(m.meta, k, v);
  for (auto& w : warnings) m.meta.warnings.push_back(std::move(w));
  return m;
}

bool is_xy_spectrum(const std::vector<TextLine>& lines) {
  const auto l = find_xy_layout(lines);
  if (!l || l->columns != 2 || !(l->increasing || l->decreasing)) return false;
  const double lo = std::min(l->x_first, l->x_last), hi = std::max(l->x_first, l->x_last);
  if (hi <= 180 || lo < -1000 || hi > 100000) return false;
  if (!l->names.empty()) {
    const Quantity x = xy_name_quantity(l->names[0]), y = xy_name_quantity(l->names[1]);
    if ((x != Quantity::other && x != Quantity::wavenumber) ||
        (y != Quantity::other && y != Quantity::intensity))
      return false;
  }
  return true;
}

std::vector<Measurement> read_xy_spectrum(const std::vector<TextLine>& lines,
                                          const std::string& file, std::optional<Technique> hint) {
  const auto layout = find_xy_layout(lines);
  if (!layout || layout->columns != 2)
    throw ParseError(file, 0, 0, "expected a spectrum: two columns, wavenumber and intensity");
  Measurement m = read_spectrum_columns(lines, *layout, file);
  m.meta.format = "xy-spectrum";
  const auto& x = m.columns[0].values;
  const double lo = x.empty() ? 0 : std::min(x.front(), x.back());
  if (hint && (*hint == Technique::raman || *hint == Technique::infrared)) {
    m.meta.technique = *hint;
  } else if (is_wire_header(*layout)) {
    m.meta.technique = Technique::raman;
    m.meta.technique_name = "Renishaw WiRE text export";
  } else if (mentions_raman(*layout)) {
    m.meta.technique = Technique::raman;
  } else {
    m.meta.technique = lo < kRamanBelow ? Technique::raman : Technique::infrared;
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "the file does not say what it holds: read as %s (the first column, %.6g to "
                  "%.6g, taken as %s in cm⁻¹)",
                  lo < kRamanBelow ? "a Raman spectrum" : "an infrared spectrum", x.front(),
                  x.back(), lo < kRamanBelow ? "Raman shift" : "wavenumber");
    m.meta.warnings.insert(m.meta.warnings.begin(), buf);
  }
  std::vector<Measurement> out;
  out.push_back(std::move(m));
  return out;
}

}  // namespace solyte::io::detail
