#include "io/xy_pattern.hpp"

#include "io/diffraction_record.hpp"
#include "io/numeric_rows.hpp"
#include "io/text_decode.hpp"
#include "io/xy_text.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

// A pattern's 2θ grid is regular: position-sensitive detectors and step scans both write a
// constant step, and re-gridded exports keep it within rounding. A factor of 4 between the
// 10th and 90th percentile of the steps over the first rows leaves room for rounding of short
// steps and for a damaged row, which the reader then reports.
constexpr double kStepSpread = 4.0;

bool names_fit(const std::vector<std::string>& names) {
  static constexpr Quantity allowed[] = {Quantity::two_theta, Quantity::intensity,
                                         Quantity::intensity_sigma};
  for (std::size_t k = 0; k < names.size(); ++k) {
    const Quantity q = xy_name_quantity(names[k]);
    if (q != Quantity::other && q != allowed[k]) return false;
  }
  return true;
}

}  // namespace

bool is_xy_pattern(const std::vector<TextLine>& lines) {
  const auto l = find_xy_layout(lines);
  if (!l || !l->increasing) return false;
  if (l->x_first < -10 || l->x_last > 180) return false;
  if (!(l->step_low > 0) || l->step_high > kStepSpread * l->step_low) return false;
  if (l->columns == 3 && !l->third_non_negative) return false;
  return names_fit(l->names);
}

std::vector<Measurement> read_xy_pattern(const std::vector<TextLine>& lines,
                                         const std::string& file) {
  const auto layout = find_xy_layout(lines);
  if (!layout)
    throw ParseError(file, 0, 0,
                     "expected a powder pattern: rows of 2θ, intensity (and esd) under at most a "
                     "title, a point-count line and comments");
  std::vector<std::string> names = layout->names;
  const bool named = !names.empty();
  if (!named) {
    names = {"2θ", "intensity"};
    if (layout->columns == 3) names.push_back("esd");
  }
  std::vector<std::string> warnings;
  NumericRows rows = read_xy_rows(lines, *layout, file, names, warnings);
  require_monotonic_column(rows, 0, file, "2θ");
  if (layout->columns == 3)
    for (std::size_t i = 0; i < rows.lines.size(); ++i)
      if (rows.columns[2][i] < 0)
        throw ParseError(
            file, rows.lines[i], 3,
            "expected a non-negative esd in field 3, found " + std::to_string(rows.columns[2][i]));
  std::vector<double> sigma;
  if (layout->columns == 3) sigma = std::move(rows.columns[2]);
  Measurement m = make_pattern(std::move(rows.columns[0]), std::move(rows.columns[1]),
                               std::move(sigma), named ? layout->names[0] : std::string(),
                               named ? layout->names[1] : std::string());
  if (named && layout->columns == 3) m.columns[2].source_name = layout->names[2];
  m.meta.format = "xy-pattern";
  m.meta.technique_name = "powder pattern";
  add_header_text(m.meta, "title", layout->title);
  for (const auto& [k, v] : layout->comments) add_header_text(m.meta, k, v);
  if (!named)
    m.meta.warnings.push_back(
        std::string("no column names: read as a powder pattern (2θ in degrees, intensity") +
        (layout->columns == 3 ? ", esd" : "") +
        ") since the first column increases in regular steps within 0–180°");
  for (auto& w : warnings) m.meta.warnings.push_back(std::move(w));
  std::vector<Measurement> out;
  out.push_back(std::move(m));
  return out;
}

namespace {

// The end of the first line and where its NUL padding starts, when the line is text padded
// with NULs; npos otherwise.
std::size_t padded_first_line(std::string_view bytes, std::size_t& pad) {
  const std::size_t nl = bytes.substr(0, 1024).find('\n');
  if (nl == std::string_view::npos) return std::string_view::npos;
  pad = bytes.substr(0, nl).find('\0');
  if (pad == 0 || pad == std::string_view::npos) return std::string_view::npos;
  std::size_t e = pad;
  while (e < nl && bytes[e] == '\0') ++e;
  if (e < nl && bytes[e] == '\r') ++e;
  if (e != nl) return std::string_view::npos;
  for (std::size_t k = 0; k < pad; ++k) {
    const auto c = static_cast<unsigned char>(bytes[k]);
    if (c < 0x20 && c != '\t') return std::string_view::npos;
  }
  return nl;
}

std::string without_padding(std::string_view bytes, std::size_t pad, std::size_t nl) {
  std::string text(bytes.substr(0, pad));
  text += bytes.substr(nl);
  return text;
}

}  // namespace

bool is_nul_padded_pattern(std::string_view bytes) {
  std::size_t pad = 0;
  const std::size_t nl = padded_first_line(bytes, pad);
  if (nl == std::string_view::npos) return false;
  if (bytes.substr(nl, 8192).find('\0') != std::string_view::npos) return false;
  const auto decoded = decode_text(without_padding(bytes.substr(0, nl + 8192), pad, nl));
  return is_xy_pattern(split_lines(decoded.text));
}

std::vector<Measurement> read_nul_padded_pattern(std::string_view bytes, const std::string& file) {
  std::size_t pad = 0;
  const std::size_t nl = padded_first_line(bytes, pad);
  if (nl == std::string_view::npos)
    throw ParseError(file, 1, 0, "expected a title line padded with NUL bytes");
  const auto decoded = decode_text(without_padding(bytes, pad, nl));
  if (looks_binary(decoded.text))
    throw ParseError(file, 0, 0,
                     "binary content after the title line; expected rows of 2θ, intensity");
  auto records = read_xy_pattern(split_lines(decoded.text), file);
  for (auto& m : records) m.meta.format = "diffrac-dat";
  return records;
}

}  // namespace solyte::io::detail
