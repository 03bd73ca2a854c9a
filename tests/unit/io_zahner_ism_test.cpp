// Zahner Thales .ism reader on Zahner's two example files (MIT, tests/data/io/zahner) and on
// files written here byte by byte from a simulated spectrum. Reference values of the real
// files are the raw big-endian doubles at the offsets the layout gives (src/io/zahner_ism.cpp),
// printed independently with
//   od -A d --endian=big -t f8 -j OFFSET -N 8 FILE
// e.g. rc-data.ism (75 points): frequency 21 at 12 + 8·20 = 172 → 100000; |Z| 21 at
// 12 + 600 + 160 = 772 → 10869.440051829493; phase 21 at 1372 → -1.5555597084866857 rad.
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "io_test_support.hpp"
#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "solyte/io/read_spectra.hpp"
#include "solyte/sim/circuit_elements.hpp"
#include "test_support.hpp"

using solyte::Quantity;
using solyte::Technique;
using solyte::io::read_measurements;
using solyte::io::read_measurements_from_bytes;
using solyte::test::file_bytes;
using solyte::test::header_value;

namespace {

// An .ism written from the layout: big-endian numbers, strings with inverted letter case.
struct IsmWriter {
  std::string bytes;
  void integer(std::uint64_t v, int width) {
    for (int i = width - 1; i >= 0; --i) bytes += static_cast<char>((v >> (8 * i)) & 0xFF);
  }
  void f64(double x) {
    std::uint64_t v;
    std::memcpy(&v, &x, 8);
    integer(v, 8);
  }
  void text(const std::string& s) {
    integer(s.size(), 2);
    for (char c : s) {
      if (c >= 'a' && c <= 'z')
        c = static_cast<char>(c - 'a' + 'A');
      else if (c >= 'A' && c <= 'Z')
        c = static_cast<char>(c - 'A' + 'a');
      bytes += c;
    }
  }
};

struct IsmContent {
  std::vector<double> f, mod, phase, time;
  std::vector<std::string> strings = std::vector<std::string>(12);
  bool settings = true;
  double amplitude_mv = 10;
  std::vector<double> potential, current;  // recorded when not empty
};

std::string ism_bytes(const IsmContent& c) {
  IsmWriter w;
  w.bytes = std::string("\0\0\xFF\xFF\xFF\xFE", 6);
  const std::size_t n = c.f.size();
  w.integer(n - 1, 6);
  for (double x : c.f) w.f64(x);
  for (double x : c.mod) w.f64(x);
  for (double x : c.phase) w.f64(x);
  for (double x : c.time) w.f64(x);
  for (std::size_t i = 0; i < n; ++i) w.integer(1000, 2);
  for (const auto& s : c.strings) w.text(s);
  if (c.settings) {
    w.integer(c.potential.empty() ? 256 : 1456, 2);
    for (int k = 0; k < 32; ++k)
      w.f64(k == 25 ? c.amplitude_mv : (k == 27 ? (c.potential.empty() ? 176.0 : 32944.0) : 0.0));
    for (std::size_t i = 0; i < c.potential.size(); ++i) {
      w.f64(c.potential[i]);
      w.f64(c.current[i]);
    }
  }
  return w.bytes;
}

}  // namespace

TEST(IoZahnerIsm, RcDataMainSweepWithPotentialAndCurrent) {
  const auto v = read_measurements(solyte::test::test_data("io/zahner/rc-data.ism").string());
  ASSERT_EQ(v.size(), 1u);
  const auto& m = v[0];
  EXPECT_EQ(m.meta.format, "zahner-ism");
  EXPECT_EQ(m.meta.technique, Technique::impedance);
  // 75 points: 20 from 1049.3 Hz up to 79624 Hz, then the main sweep 100 kHz … 0.2 Hz.
  ASSERT_EQ(m.size(), 55u);
  EXPECT_TRUE(solyte::test::has_warning(m, "20 points outside the main sweep"))
      << m.meta.warnings.at(0);
  const auto& f = m.require(Quantity::frequency).values;
  const auto& mod = m.require(Quantity::z_modulus).values;
  const auto& ph = m.require(Quantity::z_phase).values;
  EXPECT_EQ(f.front(), 100000.0);                                                      // od -j 172
  EXPECT_EQ(mod.front(), 10869.440051829493);                                          // od -j 772
  EXPECT_DOUBLE_EQ(ph.front(), -1.5555597084866857 * 180.0 / solyte::constants::pi);   // -j 1372
  EXPECT_EQ(f.back(), 0.2);                                                            // od -j 604
  EXPECT_EQ(mod.back(), 99532618.28267004);                                            // od -j 1204
  EXPECT_DOUBLE_EQ(ph.back(), -0.019428335242224447 * 180.0 / solyte::constants::pi);  // -j 1804
  const std::complex<double> z0 = std::polar(10869.440051829493, -1.5555597084866857);
  EXPECT_DOUBLE_EQ(m.require(Quantity::z_real).values.front(), z0.real());
  EXPECT_DOUBLE_EQ(m.require(Quantity::z_imag).values.front(), z0.imag());
  // Time stamps: od -j 1812 → 1405589568.0714998 (point 1), -j 1972 → 1405589599.94 (point 21).
  EXPECT_NEAR(m.require(Quantity::time).values.front(), 1405589599.94 - 1405589568.0714998, 1e-6);
  // Recorded DC values after the settings block, from 2933 = 12 + 34·75 + 113 (strings)
  // + 2 + 256: od -j 2933+16·20 → 0.999628195152851 V, 9.984448571264718e-09 A.
  EXPECT_EQ(m.require(Quantity::potential).values.front(), 0.999628195152851);
  EXPECT_EQ(m.require(Quantity::current).values.front(), 9.984448571264718e-09);
  // Strings: "160724", "RC HIZ", "0.9995V, Ampl: 10mV", …, temperature "23.8+-0.1C".
  EXPECT_EQ(header_value(m, "Date"), "2024-07-16");
  EXPECT_EQ(header_value(m, "System"), "RC HIZ");
  EXPECT_EQ(header_value(m, "Potential"), "0.9995V, Ampl: 10mV");
  EXPECT_EQ(header_value(m, "Comment 4"), "Last Line");
  EXPECT_EQ(header_value(m, "Amplitude (mV or mA)"), "10");
  EXPECT_EQ(header_value(m, "First point measured at"), "2024-07-16 09:32:48");  // window 09:32:45
  ASSERT_TRUE(m.meta.temperature_k);
  EXPECT_DOUBLE_EQ(*m.meta.temperature_k, 23.8 + 273.15);
  EXPECT_EQ(m.meta.temperature_source, solyte::TemperatureSource::file);
}

TEST(IoZahnerIsm, LiIonBatteryAscendingSweepWithoutRecordedDcValues) {
  const auto v =
      read_measurements(solyte::test::test_data("io/zahner/li-ion-battery.ism").string());
  ASSERT_EQ(v.size(), 1u);
  const auto& m = v[0];
  ASSERT_EQ(m.size(), 128u);
  EXPECT_TRUE(m.meta.warnings.empty());
  EXPECT_FALSE(m.has(Quantity::potential));
  EXPECT_FALSE(m.meta.temperature_k);  // "RT"
  EXPECT_EQ(header_value(m, "Temperature"), "RT");
  EXPECT_EQ(header_value(m, "Comment 1"), "Lithium Ionen Akku");
  EXPECT_EQ(header_value(m, "File version"), "-1");  // 0x0000FFFFFFFF
  const auto& f = m.require(Quantity::frequency).values;
  EXPECT_EQ(f.front(), 0.0005);                                       // od -j 12
  EXPECT_EQ(f.back(), 5000.0);                                        // od -j 1028
  EXPECT_EQ(m.require(Quantity::z_modulus).values.front(), 0.67871);  // od -j 1036
  EXPECT_DOUBLE_EQ(m.require(Quantity::z_phase).values.back(),
                   0.7159340591680741 * 180.0 / solyte::constants::pi);  // od -j 3076
  // read_spectra builds Z from Z' and Z'' = |Z|·(cos φ, sin φ).
  const auto s =
      solyte::io::read_spectra(solyte::test::test_data("io/zahner/li-ion-battery.ism").string());
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NEAR(std::abs(s[0].impedance_ohm.front()), 0.67871, 1e-15);
  EXPECT_NEAR(std::arg(s[0].impedance_ohm.front()), -0.9100146719898441, 1e-15);  // od -j 2060
}

TEST(IoZahnerIsm, SimulatedSpectrumRoundTrip) {
  // R ‖ C, R = 1 kΩ, τ = 1 ms, 10 Hz … 100 kHz; written as Thales does: up from the start
  // frequency (1 kHz) to the top, then the whole sweep down.
  const auto sweep =
      solyte::sim::make_spectrum(solyte::sim::log_frequencies(10, 1e5, 5),
                                 [](double w) { return solyte::sim::rc_impedance(1e3, 1e-3, w); });
  IsmContent c;
  const std::vector<double> warm_up = {1000, 2511.886, 6309.573};
  for (double f : warm_up) {
    const auto z = solyte::sim::rc_impedance(1e3, 1e-3, 2 * solyte::constants::pi * f);
    c.f.push_back(f);
    c.mod.push_back(std::abs(z));
    c.phase.push_back(std::arg(z));
  }
  for (std::size_t i = 0; i < sweep.size(); ++i) {
    c.f.push_back(sweep.frequency_hz[i]);
    c.mod.push_back(std::abs(sweep.impedance_ohm[i]));
    c.phase.push_back(std::arg(sweep.impedance_ohm[i]));
  }
  for (std::size_t i = 0; i < c.f.size(); ++i) c.time.push_back(1.4e9 + 2.0 * i);
  c.strings[0] = "010125";
  c.strings[1] = "Li6PS5Cl pellet";
  c.strings[4] =
      "25.0 \xB0"
      "C";  // Latin-1 degree sign, as a Windows program writes it
  for (std::size_t i = 0; i < c.f.size(); ++i) {
    c.potential.push_back(0.001 * static_cast<double>(i));
    c.current.push_back(-1e-9 * static_cast<double>(i));
  }
  const auto v = read_measurements_from_bytes(ism_bytes(c), "sim.ism");
  ASSERT_EQ(v.size(), 1u);
  const auto& m = v[0];
  ASSERT_EQ(m.size(), sweep.size());
  EXPECT_TRUE(solyte::test::has_warning(m, "3 before it (1000 to 6309.57 Hz)"))
      << m.meta.warnings.at(0);
  const auto& re = m.require(Quantity::z_real).values;
  const auto& im = m.require(Quantity::z_imag).values;
  for (std::size_t i = 0; i < sweep.size(); ++i) {
    EXPECT_EQ(m.require(Quantity::frequency).values[i], sweep.frequency_hz[i]);
    EXPECT_NEAR(re[i], sweep.impedance_ohm[i].real(), 1e-12 * std::abs(sweep.impedance_ohm[i]));
    EXPECT_NEAR(im[i], sweep.impedance_ohm[i].imag(), 1e-12 * std::abs(sweep.impedance_ohm[i]));
    EXPECT_DOUBLE_EQ(m.require(Quantity::time).values[i], 2.0 * static_cast<double>(i + 3));
    EXPECT_EQ(m.require(Quantity::potential).values[i], 0.001 * static_cast<double>(i + 3));
  }
  EXPECT_EQ(header_value(m, "System"), "Li6PS5Cl pellet");  // case restored
  EXPECT_EQ(header_value(m, "Date"), "2025-01-01");
  EXPECT_EQ(header_value(m, "Temperature"), "25.0 \u00B0C");
  ASSERT_TRUE(m.meta.temperature_k);
  EXPECT_DOUBLE_EQ(*m.meta.temperature_k, 298.15);
  // The same bytes through read_spectra: one spectrum, the RC arc.
  const auto s = solyte::io::read_spectra_from_bytes(ism_bytes(c), "sim.ism");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NEAR(s[0].impedance_ohm.back().real(), sweep.impedance_ohm.back().real(), 1e-9);

  // A file as Zahner Analysis re-writes it: it ends after the strings.
  c.settings = false;
  const auto bare = read_measurements_from_bytes(ism_bytes(c), "bare.ism");
  ASSERT_EQ(bare.size(), 1u);
  EXPECT_FALSE(bare[0].has(Quantity::potential));
  EXPECT_EQ(header_value(bare[0], "Amplitude (mV or mA)"), "<absent>");
}

TEST(IoZahnerIsm, DetectedFromTheContent) {
  const std::string bytes = file_bytes(solyte::test::test_data("io/zahner/rc-data.ism"));
  EXPECT_EQ(solyte::io::detect_measurement_format(bytes), "zahner-ism");
  EXPECT_EQ(solyte::io::detect_format(bytes), "zahner-ism");
}

TEST(IoZahnerIsm, DamageNamesTheByteOffset) {
  const std::string good = file_bytes(solyte::test::test_data("io/zahner/rc-data.ism"));
  auto message = [](const std::string& bytes) -> std::string {
    return solyte::test::parse_error_of(bytes, "d.ism").what();
  };
  // Truncated inside the arrays, inside the strings, inside the recorded DC values.
  EXPECT_NE(message(good.substr(0, 1000)).find("points (frequency, |Z|, phase, time"),
            std::string::npos);
  const std::string in_strings = message(good.substr(0, 2600));
  EXPECT_NE(in_strings.find("file ends at byte 2600"), std::string::npos) << in_strings;
  EXPECT_NE(message(good.substr(0, 3000)).find("potential and current of 75 points"),
            std::string::npos);
  // A count larger than the file, a NaN frequency at point 21.
  std::string huge = good;
  huge[6] = '\x7F';
  EXPECT_NE(message(huge).find("points"), std::string::npos);
  std::string nan = good;
  for (int k = 0; k < 8; ++k) nan[172 + k] = "\x7F\xF8\0\0\0\0\0\0"[k];
  const std::string nan_message = message(nan);
  EXPECT_NE(nan_message.find("at byte 172: expected a positive frequency of point 21"),
            std::string::npos)
      << nan_message;
  // A negative string length.
  std::string negative = good;
  negative[12 + 34 * 75] = '\xFF';
  EXPECT_NE(message(negative).find("length of the Date string"), std::string::npos);
}
