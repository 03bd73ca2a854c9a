// STOE RAW_1.06 ("Powdat") layout, little-endian. No public specification was found; the
// offsets below were worked out on the corpus file (DUT-52(Zr), chemotion-converter-app test
// data) and its own text export (.xyd), against which tests/unit/io_stoe_raw_test.cpp checks
// every point, and agree with the offsets used by chemotion-converter-app's reader:
//   0x0000 "RAW_1.06", 0x0008 "Powdat", 0x0010 date and time[16], 0x0020–0x012F title and
//          comments (NUL-separated), 0x0142 Kα1 f32 (Å), 0x0146 Kα2 f32 (Å)
//   0x40600 range header: start and end date-time[16] each, 0x40622 number of points u32,
//          0x4062C 2θ start f32, 0x40630 θ start f32, 0x40634 2θ end f32, 0x40638 θ end f32,
//          0x4063C 2θ step f32
//   0x40800 counts, int32 per point
// The 2θ end must equal start + (n − 1)·step (to the float32 resolution of the step), which
// checks that the range header is where this layout puts it.
#include "io/stoe_raw.hpp"

#include <cmath>

#include "io/byte_reader.hpp"
#include "io/diffraction_record.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {
constexpr std::size_t kRangeHeader = 0x40600;
constexpr std::size_t kCounts = 0x40800;
}  // namespace

bool is_stoe_raw(std::string_view bytes) {
  return bytes.substr(0, 6) == "RAW_1." && bytes.substr(8, 6) == "Powdat";
}

std::vector<Measurement> read_stoe_raw(std::string_view bytes, const std::string& file) {
  ByteReader r(bytes, file);
  if (bytes.substr(0, 8) != "RAW_1.06")
    r.fail_at(0, "this STOE RAW file is of version '" + r.text(8, "the version") +
                     "'; only RAW_1.06 is read (export it as .xy from WinXPOW)");
  r.seek(0x10, "the date");
  const std::string created = r.text(16, "the date");
  // Title and comment lines are NUL-separated fields in 0x20–0x12F.
  std::vector<std::string> notes;
  r.seek(0x20, "the title");
  {
    r.require(0x110, "the title and comments");
    std::size_t p = 0x20;
    while (p < 0x130) {
      std::size_t e = p;
      while (e < 0x130 && bytes[e] != '\0') ++e;
      if (e > p) {
        ByteReader field(bytes.substr(p, e - p), file);
        std::string t = field.text(e - p, "a comment");
        if (!t.empty()) notes.push_back(std::move(t));
      }
      p = e + 1;
    }
  }
  r.seek(0x142, "the wavelengths");
  const double alpha1 = r.f32("Kα1"), alpha2 = r.f32("Kα2");

  r.seek(kRangeHeader, "the range header");
  const std::string started = r.text(16, "the start time");
  const std::string finished = r.text(16, "the end time");
  r.seek(kRangeHeader + 0x22, "the number of points");
  const std::uint32_t n = r.u32("the number of points");
  r.seek(kRangeHeader + 0x2C, "the 2θ range");
  const double start = r.f32("the 2θ start");
  const double theta = r.f32("the θ start");
  const double end = r.f32("the 2θ end");
  r.skip(4, "the θ end");
  const double step = r.f32("the 2θ step");
  if (!std::isfinite(start) || !std::isfinite(end) || !std::isfinite(step) || step <= 0 || n < 2 ||
      std::abs(start) > 360 || std::abs(end) > 360)
    r.fail_at(kRangeHeader + 0x22, "expected a 2θ range (points, start, end, step), found " +
                                       std::to_string(n) + " points from " + std::to_string(start) +
                                       " to " + std::to_string(end) + " by " +
                                       std::to_string(step));
  const double spacing = (end - start) / static_cast<double>(n - 1);
  if (std::abs(spacing - step) > 1e-6 * std::abs(end - start) + 1e-6)
    r.fail_at(kRangeHeader + 0x2C,
              "expected the 2θ end to equal start + (points − 1)·step; found start " +
                  std::to_string(start) + ", end " + std::to_string(end) + ", step " +
                  std::to_string(step) + " and " + std::to_string(n) +
                  " points (damaged header, or a layout other than RAW_1.06?)");
  r.seek(kCounts, "the counts");
  if (n > r.remaining() / 4)
    r.fail_at(kRangeHeader + 0x22, "expected " + std::to_string(n) + " counts (int32) from byte " +
                                       std::to_string(kCounts) + ", but the file ends at byte " +
                                       std::to_string(r.size()) + " (truncated?)");
  std::vector<double> y(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::size_t at = r.offset();
    const std::int32_t c = r.i32("a count");
    if (c < 0)
      r.fail_at(at, "expected a non-negative count at point " + std::to_string(i + 1) + ", found " +
                        std::to_string(c));
    y[i] = c;
  }
  // The end point is stored exactly; the spacing from it is closer to the instrument's
  // positions than the float32 step (0.015 is stored as 0.01499999966).
  Measurement m = make_pattern(stepped_axis(start, spacing, n), std::move(y));
  m.meta.format = "stoe-raw";
  m.meta.technique_name = "STOE RAW_1.06 powder pattern";
  m.meta.intensity_unit = "counts";
  m.meta.two_theta_step_deg = spacing;
  if (!notes.empty()) m.meta.sample = notes.front();
  set_wavelengths(m.meta, alpha1, alpha2, -1, "STOE RAW header");
  add_header_text(m.meta, "version", "RAW_1.06");
  add_header_text(m.meta, "created", created);
  add_header_text(m.meta, "started", started);
  add_header_text(m.meta, "finished", finished);
  for (std::size_t i = 1; i < notes.size(); ++i)
    add_header_text(m.meta, "comment " + std::to_string(i), notes[i]);
  add_header_number(m.meta, "two_theta_start", start, "deg");
  add_header_number(m.meta, "two_theta_end", end, "deg");
  add_header_number(m.meta, "theta_start", theta, "deg");
  std::vector<Measurement> out;
  out.push_back(std::move(m));
  return out;
}

}  // namespace solyte::io::detail
