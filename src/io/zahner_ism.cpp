// Layout of Zahner Thales impedance files (.ism). Zahner publishes no specification; what
// is read here follows the public reader and writer in Zahner's Zahner-Analysis-Python
// (zahner_analysis/file_import/ism_import.py and thales_file_utils.py), checked against the
// two example files in tests/data/io/zahner. Every number is big-endian.
//
//   0     6-byte integer: file version (0x0000FFFFFFFE in Thales files and Zahner Analysis
//         exports, 0x0000FFFFFFFF in li-ion-battery.ism)
//   6     6-byte integer: N − 1
//   12    N × f64 frequency (Hz), N × f64 |Z| (Ω), N × f64 phase (rad), N × f64 time (s
//         since 1980-01-01 00:00), N × i16 significance (0–1000)
//   then  12 strings, each an i16 length and that many characters with the case of every
//         letter inverted: date (DDMMYY), system, potential, current, temperature, time
//         window, comments 1–4, electrode area, one more (written empty by every file seen)
//   then  i16 acquisition flags, 32 × f64 settings (index 25: the excitation amplitude in
//         mV, or mA for galvanostatic runs)
//   then  when the flags exceed 256 and bit 15 of setting 27 is set: N × (f64 potential in
//         V, f64 current in A), the DC values recorded with each point
// Bytes after that are not decoded.
#include "io/zahner_ism.hpp"

#include <cmath>
#include <cstdio>
#include <optional>

#include "core/number_parse.hpp"
#include "io/binary_reader.hpp"
#include "io/date_text.hpp"
#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "solyte/units.hpp"

namespace solyte::io::detail {

namespace {

using solyte::detail::trim;

constexpr std::size_t kHeader = 12;
constexpr std::size_t kBytesPerPoint = 4 * 8 + 2;
constexpr std::size_t kSettings = 32;
constexpr std::size_t kAmplitudeSetting = 25;
constexpr std::size_t kChannelSetting = 27;

constexpr const char* kStringNames[] = {
    "Date",      "System",    "Potential", "Current",   "Temperature",    "Time window",
    "Comment 1", "Comment 2", "Comment 3", "Comment 4", "Electrode area", "Serial quantity"};

// Thales stores text with the case of every ASCII letter inverted; other bytes are taken as Latin-1
// (a Windows program's code page).
std::string thales_text(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (char ch : raw) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z')
      out += static_cast<char>(c - 'a' + 'A');
    else if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if (c < 0x80)
      out += static_cast<char>(c);
    else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return std::string(trim(out));
}

// "160724" → "2024-07-16"; Thales keeps two digits of the year (1970–2069 assumed, as Zahner's
// reader does).
std::string date_text(const std::string& ddmmyy) {
  if (ddmmyy.size() < 6) return ddmmyy;
  for (std::size_t i = 0; i < 6; ++i)
    if (ddmmyy[i] < '0' || ddmmyy[i] > '9') return ddmmyy;
  const int day = std::stoi(ddmmyy.substr(0, 2)), month = std::stoi(ddmmyy.substr(2, 2));
  int year = std::stoi(ddmmyy.substr(4, 2));
  if (day < 1 || day > 31 || month < 1 || month > 12) return ddmmyy;
  year += year < 70 ? 2000 : 1900;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// The temperature string Thales writes from its sensor card: "23.8+-0.1C", "25 °C", "298.2K".
// Anything else ("RT", empty) gives no temperature.
std::optional<double> temperature_kelvin(std::string_view s) {
  s = trim(s);
  auto [value, used] = solyte::detail::parse_leading_double(s);
  if (used == 0 || !std::isfinite(value)) return std::nullopt;
  std::string_view rest = trim(s.substr(used));
  for (std::string_view pm : {std::string_view("+-"), std::string_view("\u00B1")})
    if (rest.substr(0, pm.size()) == pm) {
      rest.remove_prefix(pm.size());
      const auto [spread, n] = solyte::detail::parse_leading_double(trim(rest));
      if (n == 0 || !std::isfinite(spread)) return std::nullopt;
      rest = trim(trim(rest).substr(n));
    }
  if (rest.substr(0, 2) == "\u00B0") rest = trim(rest.substr(2));
  double k = 0;
  if (rest == "C")
    k = celsius_to_kelvin(value);
  else if (rest == "K")
    k = value;
  else
    return std::nullopt;
  if (!(k > 0)) return std::nullopt;
  return k;
}

std::string number_text(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace

bool is_zahner_ism(std::string_view bytes) {
  if (bytes.size() < kHeader) return false;
  auto u = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  return u(0) == 0 && u(1) == 0 && u(2) == 0xFF && u(3) == 0xFF && u(4) == 0xFF &&
         (u(5) == 0xFE || u(5) == 0xFF);
}

std::vector<Measurement> read_zahner_ism(std::string_view bytes, const std::string& file) {
  const ByteReader r(bytes, file);
  if (!is_zahner_ism(bytes))
    r.fail(0, "expected the Thales file version 0x0000FFFFFFFE or 0x0000FFFFFFFF");
  const std::uint64_t last = r.u48be(6, "the point count");
  // Every point takes 34 bytes, so a count beyond the file size is damage, not a large file.
  if (last >= r.size() / kBytesPerPoint + 1)
    r.fail_end(kHeader, (last + 1) * kBytesPerPoint,
               std::to_string(last + 1) + " points (frequency, |Z|, phase, time, significance)");
  const std::size_t n = static_cast<std::size_t>(last) + 1;
  r.need(kHeader, n * kBytesPerPoint,
         std::to_string(n) + " points (frequency, |Z|, phase, time, significance)");

  const std::size_t at_f = kHeader, at_z = at_f + 8 * n, at_phase = at_z + 8 * n;
  const std::size_t at_time = at_phase + 8 * n, at_sig = at_time + 8 * n;
  std::vector<double> f(n), mod(n), phase(n), time(n), sig(n);
  for (std::size_t i = 0; i < n; ++i) {
    f[i] = r.f64be(at_f + 8 * i, "a frequency");
    mod[i] = r.f64be(at_z + 8 * i, "an |Z|");
    phase[i] = r.f64be(at_phase + 8 * i, "a phase");
    time[i] = r.f64be(at_time + 8 * i, "a time stamp");
    sig[i] = r.i16be(at_sig + 2 * i, "a significance");
    const std::string point = " of point " + std::to_string(i + 1);
    if (!(std::isfinite(f[i]) && f[i] > 0))
      r.fail(at_f + 8 * i,
             "expected a positive frequency" + point + ", found " + number_text(f[i]));
    if (!(std::isfinite(mod[i]) && mod[i] >= 0))
      r.fail(at_z + 8 * i,
             "expected a non-negative |Z|" + point + ", found " + number_text(mod[i]));
    // Any phase is representable within ±2π; a value beyond is damage (and a huge one would
    // overflow in degrees).
    if (!(std::abs(phase[i]) <= 2 * constants::pi))
      r.fail(at_phase + 8 * i,
             "expected a phase within ±2π rad" + point + ", found " + number_text(phase[i]));
    // Seconds since 1980: beyond ±30 000 years is damage (and would overflow the differences taken
    // below).
    if (!(std::abs(time[i]) < 1e12))
      r.fail(at_time + 8 * i,
             "expected a time stamp (s since 1980)" + point + ", found " + number_text(time[i]));
  }

  Measurement m;
  m.meta.format = "zahner-ism";
  m.meta.technique = Technique::impedance;
  m.meta.technique_name = "EIS";
  m.meta.header.emplace_back("File version",
                             std::to_string(static_cast<std::int32_t>(r.u32be(2, "version"))));
  std::size_t at = at_sig + 2 * n;
  for (const char* key : kStringNames) {
    const std::int16_t len = r.i16be(at, std::string("the length of the ") + key + " string");
    if (len < 0)
      r.fail(at, std::string("expected the length of the ") + key + " string, found " +
                     std::to_string(len));
    const std::size_t size = static_cast<std::size_t>(len);
    r.need(at + 2, size, std::string("the ") + key + " string");
    std::string value = thales_text(bytes.substr(at + 2, size));
    at += 2 + size;
    if (std::string_view(key) == "Date") value = date_text(value);
    if (std::string_view(key) == "Temperature")
      if (const auto k = temperature_kelvin(value)) {
        m.meta.temperature_k = k;
        m.meta.temperature_source = TemperatureSource::file;
      }
    if (!value.empty()) m.meta.header.emplace_back(key, value);
  }
  if (time[0] > 365.0 * 86400.0)  // files written by Zahner Analysis number the points instead
    m.meta.header.emplace_back("First point measured at",
                               unix_time_text(time[0] + kThalesEpochUnixSeconds));

  // Files re-written by Zahner Analysis end after the strings; Thales files go on.
  std::vector<double> potential, current;
  if (at + 2 + 8 * kSettings <= r.size()) {
    const std::int16_t flags = r.i16be(at, "the acquisition flags");
    std::vector<double> k(kSettings);
    for (std::size_t i = 0; i < kSettings; ++i) k[i] = r.f64be(at + 2 + 8 * i, "a setting");
    at += 2 + 8 * kSettings;
    const double amplitude = k[kAmplitudeSetting];
    if (std::isfinite(amplitude) && amplitude > 0 && amplitude < 1e5)
      m.meta.header.emplace_back("Amplitude (mV or mA)", number_text(amplitude));
    const double channels = k[kChannelSetting];
    if (flags > 256 && std::isfinite(channels) && channels >= 0 && channels < 65536 &&
        (static_cast<unsigned>(channels) & 0x8000u) != 0) {
      r.need(at, 16 * n, "the potential and current of " + std::to_string(n) + " points");
      potential.resize(n);
      current.resize(n);
      for (std::size_t i = 0; i < n; ++i) {
        potential[i] = r.f64be(at + 16 * i, "a potential");
        current[i] = r.f64be(at + 16 * i + 8, "a current");
        if (!std::isfinite(potential[i]) || !std::isfinite(current[i]))
          r.fail(at + 16 * i,
                 "expected a finite potential and current of point " + std::to_string(i + 1));
      }
      at += 16 * n;
    }
  }
  if (at < r.size()) m.meta.header.emplace_back("Bytes not decoded", std::to_string(r.size() - at));

  // The main sweep runs between the extreme frequencies.
  std::size_t i_max = 0, i_min = 0;
  for (std::size_t i = 1; i < n; ++i) {
    if (f[i] > f[i_max]) i_max = i;
    if (f[i] < f[i_min]) i_min = i;
  }
  const std::size_t from = std::min(i_max, i_min), to = std::max(i_max, i_min) + 1;
  if (from > 0 || to < n) {
    std::string w = std::to_string(from + n - to) +
                    " points outside the main sweep (from the highest to the "
                    "lowest frequency) "
                    "are left out:";
    if (from > 0)
      w += " " + std::to_string(from) + " before it (" + number_text(f[0]) + " to " +
           number_text(f[from - 1]) + " Hz)";
    if (to < n)
      w += std::string(from > 0 ? "," : "") + " " + std::to_string(n - to) + " after it (" +
           number_text(f[to]) + " to " + number_text(f[n - 1]) + " Hz)";
    m.meta.warnings.push_back(w +
                              "; Thales sweeps up from its start frequency "
                              "before the main sweep, and Zahner's "
                              "software shows the main sweep only");
  }
  auto slice = [&](const std::vector<double>& v) {
    return std::vector<double>(v.begin() + static_cast<std::ptrdiff_t>(from),
                               v.begin() + static_cast<std::ptrdiff_t>(to));
  };
  const double t0 = time[0];
  std::vector<double> re, im, deg, t;
  for (std::size_t i = from; i < to; ++i) {
    re.push_back(mod[i] * std::cos(phase[i]));
    im.push_back(mod[i] * std::sin(phase[i]));
    deg.push_back(phase[i] * 180.0 / constants::pi);
    t.push_back(time[i] - t0);
  }
  m.add(Quantity::frequency, slice(f), "frequency/Hz");
  m.add(Quantity::z_real, std::move(re), "|Z|·cos(phase)");
  m.add(Quantity::z_imag, std::move(im), "|Z|·sin(phase)");
  m.add(Quantity::z_modulus, slice(mod), "impedance/Ohm");
  m.add(Quantity::z_phase, std::move(deg), "phase/rad");
  m.add(Quantity::time, std::move(t), "time/s (since the first point)");
  if (!potential.empty()) {
    m.add(Quantity::potential, slice(potential), "Voltage/V");
    m.add(Quantity::current, slice(current), "Current/A");
  }
  Column& s = m.add(Quantity::other, slice(sig), "significance");
  s.name = "significance";
  s.unit = "1/1000";
  std::vector<Measurement> out;
  out.push_back(std::move(m));
  return out;
}

}  // namespace solyte::io::detail
