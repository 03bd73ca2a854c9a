// Bruker RAW layouts, little-endian throughout. Sources: the file-structure appendix of the
// DIFFRAC-plus XCH 5.0 user's manual (2002) for RAW1.01, as summarised in xylib's format notes
// (github.com/wojdyr/xylib, bruker_raw.cpp), and the same notes for RAW4.00; both checked
// byte by byte against the corpus files and their text exports (tests/unit/io_bruker_raw_test.cpp).
//
// RAW1.01: a 712-byte file header, then per range a header (304 bytes), an optional
// supplementary header and the counts as float32.
//   file header  8 status u32 (1 done, 2 active, 3 aborted, 4 interrupted), 12 range count u32,
//                16 date[10], 26 time[10], 36 user[72], 108 site[218], 326 sample[60],
//                386 comment[160], 608 anode[4], 616 Kα average f64, 624 Kα1 f64, 632 Kα2 f64,
//                640 Kβ f64, 648 I(Kα2)/I(Kα1) f64, 664 measurement time f32
//   range header 0 length u32, 4 steps u32, 8 θ start f64, 16 2θ start f64, 176 step f64,
//                192 time per step f32, 224 kV u32, 228 mA u32, 240 λ used f64,
//                256 supplementary header length u32
// RAW4.00: a 61-byte header (12 date[12], 24 time[10]) and a chain of tagged segments
// (u32 type, u32 length): 10 = named text value (name[24] at +12, value at +36), 30 = hardware
// (Kα average, Kα1, Kα2, Kβ, ratio as f64 from +72, anode[4] at +116); type 0 or 160 starts a
// range: 32 scan type[24], 72 start f64, 80 step f64, 88 steps u32, 92 time per step f32,
// 100 kV f32, 104 mA f32, 112 λ used f64, 136 datum size u32, 140 extra header length u32,
// 160 extra headers, then the counts.
#include "io/bruker_raw.hpp"

#include <cmath>

#include "io/byte_reader.hpp"
#include "io/diffraction_record.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

constexpr std::size_t kV1FileHeader = 712;
constexpr std::size_t kV1RangeHeader = 304;
constexpr std::size_t kV4FileHeader = 61;
constexpr std::size_t kV4RangeHeader = 160;

struct Anode {
  std::string material;
  double alpha1 = 0, alpha2 = 0, ratio = -1;
};

// The counts of one range as float32; each must be finite.
std::vector<double> read_counts(ByteReader& r, std::size_t steps, std::size_t range) {
  const std::string what = "the counts of range " + std::to_string(range + 1);
  r.require(steps * 4, what + " (" + std::to_string(steps) + " float32)");
  std::vector<double> y(steps);
  for (std::size_t i = 0; i < steps; ++i) {
    const std::size_t at = r.offset();
    y[i] = r.f32(what);
    if (!std::isfinite(y[i]))
      r.fail_at(at, "expected a finite count at step " + std::to_string(i + 1) + " of range " +
                        std::to_string(range + 1) + ", found " +
                        (std::isnan(y[i]) ? "NaN" : "inf"));
  }
  return y;
}

void check_axis(const ByteReader& r, std::size_t at, double start, double step, std::size_t range) {
  if (!std::isfinite(start) || std::abs(start) > 360)
    r.fail_at(at, "expected the 2θ start of range " + std::to_string(range + 1) +
                      " in degrees, found " + std::to_string(start));
  if (!std::isfinite(step) || step <= 0 || step > 90)
    r.fail_at(at, "expected a positive 2θ step of range " + std::to_string(range + 1) +
                      " in degrees, found " + std::to_string(step));
}

void add_common(Measurement& m, const std::string& date, const std::string& time,
                const Anode& anode, std::string_view where) {
  add_header_text(m.meta, "date", date);
  add_header_text(m.meta, "time", time);
  add_header_text(m.meta, "anode", anode.material);
  set_wavelengths(m.meta, anode.alpha1, anode.alpha2, anode.ratio, where);
}

std::vector<Measurement> read_v1_01(std::string_view bytes, const std::string& file) {
  ByteReader r(bytes, file);
  r.require(kV1FileHeader, "the 712-byte RAW1.01 file header");
  r.seek(8, "the file status");
  const std::uint32_t status = r.u32("the file status");
  const std::uint32_t ranges = r.u32("the number of ranges");
  const std::string date = r.text(10, "the date");
  const std::string time = r.text(10, "the time");
  const std::string user = r.text(72, "the user");
  const std::string site = r.text(218, "the site");
  const std::string sample = r.text(60, "the sample name");
  const std::string comment = r.text(160, "the comment");
  r.seek(608, "the anode");
  Anode anode;
  anode.material = r.text(4, "the anode");
  r.seek(624, "the wavelengths");
  anode.alpha1 = r.f64("Kα1");
  anode.alpha2 = r.f64("Kα2");
  r.skip(8, "Kβ");
  anode.ratio = r.f64("the Kα2/Kα1 ratio");
  r.seek(664, "the measurement time");
  const double total_time = r.f32("the measurement time");

  // Each range needs its header and at least one count: more ranges than that is damage.
  if (ranges > (bytes.size() - kV1FileHeader) / (kV1RangeHeader + 4))
    r.fail_at(12, "expected the number of ranges, found " + std::to_string(ranges) +
                      ", more than the " + std::to_string(bytes.size()) +
                      "-byte file can hold (truncated?)");

  std::vector<Measurement> out;
  r.seek(kV1FileHeader, "the first range header");
  for (std::uint32_t k = 0; k < ranges; ++k) {
    const std::size_t start_of_range = r.offset();
    const std::string rn = "range " + std::to_string(k + 1);
    r.require(kV1RangeHeader, "the 304-byte header of " + rn);
    const std::uint32_t header_length = r.u32("the header length of " + rn);
    if (header_length < kV1RangeHeader || header_length > r.size())
      r.fail_at(start_of_range, "expected the header length of " + rn + " (304), found " +
                                    std::to_string(header_length));
    const std::uint32_t steps = r.u32("the number of steps of " + rn);
    const double theta = r.f64("the θ start of " + rn);
    const std::size_t axis_at = r.offset();
    const double start = r.f64("the 2θ start of " + rn);
    r.seek(start_of_range + 176, "the step of " + rn);
    const double step = r.f64("the step of " + rn);
    check_axis(r, axis_at, start, step, k);
    r.seek(start_of_range + 192, "the time per step of " + rn);
    const double time_per_step = r.f32("the time per step of " + rn);
    r.seek(start_of_range + 224, "the generator settings of " + rn);
    const std::uint32_t kv = r.u32("the generator voltage"), ma = r.u32("the generator current");
    r.seek(start_of_range + 240, "the wavelength used in " + rn);
    const double used = r.f64("the wavelength used in " + rn);
    r.seek(start_of_range + 256, "the supplementary header length of " + rn);
    const std::uint32_t supplementary = r.u32("the supplementary header length of " + rn);
    r.seek(start_of_range + header_length, "the supplementary header of " + rn);
    r.skip(supplementary, "the supplementary header of " + rn);
    if (steps > r.remaining() / 4)
      r.fail_at(start_of_range + 4, "expected the number of steps of " + rn + ", found " +
                                        std::to_string(steps) + " but only " +
                                        std::to_string(r.remaining()) +
                                        " bytes of counts follow (truncated?)");
    std::vector<double> y = read_counts(r, steps, k);

    Measurement m = make_pattern(stepped_axis(start, step, steps), std::move(y));
    m.meta.index_in_file = k;
    m.meta.sample = sample;
    m.meta.format = "bruker-raw";
    m.meta.technique_name = "RAW1.01 range " + std::to_string(k + 1);
    m.meta.intensity_unit = "counts";
    m.meta.two_theta_step_deg = step;
    if (std::isfinite(time_per_step) && time_per_step > 0) m.meta.time_per_step_s = time_per_step;
    add_header_text(m.meta, "version", "RAW1.01");
    add_common(m, date, time, anode, "RAW1.01 file header");
    add_header_text(m.meta, "user", user);
    add_header_text(m.meta, "site", site);
    add_header_text(m.meta, "comment", comment);
    add_header_number(m.meta, "theta_start", theta, "deg");
    add_header_number(m.meta, "two_theta_start", start, "deg");
    if (kv > 0 && kv < 1000) add_header_number(m.meta, "generator_voltage", kv, "kV");
    if (ma > 0 && ma < 1000) add_header_number(m.meta, "generator_current", ma, "mA");
    if (std::isfinite(used) && used > 0) add_header_number(m.meta, "wavelength_used", used, "Å");
    if (std::isfinite(total_time) && total_time > 0)
      add_header_number(m.meta, "measurement_time", total_time, "s");
    static constexpr const char* kStatus[] = {"unknown", "done", "active", "aborted",
                                              "interrupted"};
    add_header_text(m.meta, "status", kStatus[status <= 4 ? status : 0]);
    if (status == 3 || status == 4)
      m.meta.warnings.push_back(std::string("the file says the measurement was ") +
                                kStatus[status] + "; the pattern may be incomplete");
    out.push_back(std::move(m));
  }
  if (ranges == 0) {
    // A measurement that never started: a record without points says so.
    Measurement m = make_pattern({}, {});
    m.meta.format = "bruker-raw";
    m.meta.sample = sample;
    add_common(m, date, time, anode, "RAW1.01 file header");
    m.meta.warnings.push_back("the RAW1.01 header says the file holds no range: no data");
    out.push_back(std::move(m));
  }
  return out;
}

bool is_two_theta_scan(std::string scan) {
  for (char& c : scan)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return scan.find("coupled") != std::string::npos || scan.find("detector") != std::string::npos ||
         scan.find("2theta") != std::string::npos || scan.find("twotheta") != std::string::npos;
}

std::vector<Measurement> read_v4(std::string_view bytes, const std::string& file) {
  ByteReader r(bytes, file);
  r.require(kV4FileHeader, "the 61-byte RAW4.00 file header");
  r.seek(12, "the date");
  const std::string date = r.text(12, "the date");
  const std::string time = r.text(10, "the time");
  r.seek(kV4FileHeader, "the first segment");

  Anode anode;
  std::vector<std::pair<std::string, std::string>> variables;
  std::uint32_t type = 0;
  while (true) {
    const std::size_t at = r.offset();
    type = r.u32("a segment type (or the first range)");
    if (type == 0 || type == 160) break;
    const std::uint32_t length = r.u32("the segment length");
    if (length < 8 || length - 8 > r.remaining())
      r.fail_at(at + 4, "expected the length of segment type " + std::to_string(type) + " (8 to " +
                            std::to_string(r.remaining() + 8) + " bytes), found " +
                            std::to_string(length));
    if (type == 10 && length >= 36) {
      r.skip(4, "a text segment");
      std::string name = r.text(24, "a text segment's name");
      std::string value = r.text(length - 36, "a text segment's value");
      variables.emplace_back(std::move(name), std::move(value));
    } else if (type == 30 && length >= 120) {
      r.skip(64 + 8, "the hardware segment");
      anode.alpha1 = r.f64("Kα1");
      anode.alpha2 = r.f64("Kα2");
      r.skip(8, "Kβ");
      anode.ratio = r.f64("the Kα2/Kα1 ratio");
      r.skip(4, "the hardware segment");
      anode.material = r.text(4, "the anode");
      r.seek(at + length, "the next segment");
    } else {
      r.seek(at + length, "the next segment");
    }
  }

  auto variable = [&](std::string_view name) {
    for (const auto& [k, v] : variables)
      if (k == name) return v;
    return std::string();
  };

  std::vector<Measurement> out;
  std::vector<std::string> skipped;
  for (std::size_t k = 0;; ++k) {
    const std::size_t start_of_range = r.offset() - 4;
    const std::string rn = "range " + std::to_string(k + 1);
    r.seek(start_of_range, rn);
    r.require(kV4RangeHeader, "the 160-byte header of " + rn);
    r.seek(start_of_range + 32, "the scan type of " + rn);
    const std::string scan = r.text(24, "the scan type of " + rn);
    r.seek(start_of_range + 72, "the 2θ start of " + rn);
    const double start = r.f64("the 2θ start of " + rn);
    const double step = r.f64("the step of " + rn);
    const std::uint32_t steps = r.u32("the number of steps of " + rn);
    const double time_per_step = r.f32("the time per step of " + rn);
    r.skip(4, rn);
    const double kv = r.f32("the generator voltage"), ma = r.f32("the generator current");
    r.skip(4, rn);
    const double used = r.f64("the wavelength used in " + rn);
    r.seek(start_of_range + 136, "the datum size of " + rn);
    const std::uint32_t datum = r.u32("the datum size of " + rn);
    const std::uint32_t extra = r.u32("the extra header length of " + rn);
    r.seek(start_of_range + kV4RangeHeader, "the extra headers of " + rn);
    r.skip(extra, "the extra headers of " + rn);
    if (datum != 4)
      r.fail_at(start_of_range + 136, "expected float32 counts (datum size 4) in " + rn +
                                          ", found datum size " + std::to_string(datum));
    if (steps > r.remaining() / 4)
      r.fail_at(start_of_range + 88, "expected the number of steps of " + rn + ", found " +
                                         std::to_string(steps) + " but only " +
                                         std::to_string(r.remaining()) +
                                         " bytes of counts follow (truncated?)");
    if (is_two_theta_scan(scan)) {
      check_axis(r, start_of_range + 72, start, step, k);
      std::vector<double> y = read_counts(r, steps, k);
      Measurement m = make_pattern(stepped_axis(start, step, steps), std::move(y));
      m.meta.index_in_file = out.size();
      m.meta.sample = variable("SAMPLEID");
      m.meta.format = "bruker-raw";
      m.meta.technique_name = scan;
      m.meta.intensity_unit = "counts";
      m.meta.two_theta_step_deg = step;
      if (std::isfinite(time_per_step) && time_per_step > 0) m.meta.time_per_step_s = time_per_step;
      add_header_text(m.meta, "version", "RAW4.00");
      add_common(m, date, time, anode, "RAW4.00 hardware segment");
      for (const auto& [name, value] : variables) add_header_text(m.meta, name, value);
      add_header_text(m.meta, "scan_type", scan);
      add_header_number(m.meta, "two_theta_start", start, "deg");
      if (kv > 0 && kv < 1000) add_header_number(m.meta, "generator_voltage", kv, "kV");
      if (ma > 0 && ma < 1000) add_header_number(m.meta, "generator_current", ma, "mA");
      if (std::isfinite(used) && used > 0) add_header_number(m.meta, "wavelength_used", used, "Å");
      out.push_back(std::move(m));
    } else {
      r.skip(std::size_t{steps} * 4, "the counts of " + rn);
      skipped.push_back(rn + " ('" + scan + "')");
    }
    if (r.at_end()) break;
    const std::size_t next = r.offset();
    const std::uint32_t t = r.u32("the next range");
    if (t != 0 && t != 160) {
      if (!out.empty())
        out.back().meta.warnings.push_back(std::to_string(r.size() - next) +
                                           " bytes after the last range (byte " +
                                           std::to_string(next) + ") ignored");
      break;
    }
  }
  return patterns_or_fail(std::move(out), skipped, file, "a 2θ range (coupled or detector scan)");
}

}  // namespace

bool is_bruker_raw(std::string_view bytes) {
  return bytes.substr(0, 7) == "RAW1.01" || bytes.substr(0, 7) == "RAW4.00" ||
         bytes.substr(0, 4) == "RAW2" || bytes.substr(0, 4) == "RAW ";
}

std::vector<Measurement> read_bruker_raw(std::string_view bytes, const std::string& file) {
  if (bytes.substr(0, 7) == "RAW1.01") return read_v1_01(bytes, file);
  if (bytes.substr(0, 7) == "RAW4.00") return read_v4(bytes, file);
  throw ParseError(file, 0, 0,
                   "byte 0: this is a Bruker DIFFRAC-AT RAW file of version " +
                       std::string(bytes.substr(0, 4) == "RAW2" ? "2 ('RAW2')" : "1 ('RAW ')") +
                       ", which is not read; expected version RAW1.01 or RAW4.00 (convert it "
                       "with DIFFRAC.EVA or export it as .xy/.uxd)");
}

}  // namespace solyte::io::detail
