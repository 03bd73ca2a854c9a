// Novocontrol ASCII reader. Real files are checked against their own header and rows (point
// counts from wc -l minus the header lines); the pellet area is π d²/4 of the header diameter.
#include <gtest/gtest.h>

#include <complex>
#include <string>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "solyte/io/read_spectra.hpp"
#include "test_support.hpp"

using solyte::ParseError;
using solyte::PelletGeometry;
using solyte::Spectrum;
using solyte::io::read_spectra;
using solyte::io::read_spectra_from_bytes;

namespace {

const std::string kTable =
    " 1.00000e+06\t 2.0e+04\t-5.0e+04\n"
    " 1.00000e+05\t 3.0e+04\t-7.0e+04\n"
    " 1.00000e+04\t 5.0e+04\t-9.0e+04\n";

Spectrum read_one(const std::string& text, const solyte::io::ReadOptions& opt = {}) {
  auto v = read_spectra_from_bytes(text, "n.txt", opt);
  EXPECT_EQ(v.size(), 1u);
  solyte::validate(v.at(0), 3);
  return v.at(0);
}

}  // namespace

TEST(IoNovocontrol, Example2aWithGeometry) {
  const auto v = read_spectra(solyte::test::test_data("io/novocontrol/Example2a.txt").string());
  ASSERT_EQ(v.size(), 1u);
  const Spectrum& s = v[0];
  solyte::validate(s, 3);
  EXPECT_EQ(s.meta.format, "novocontrol-ascii");
  EXPECT_EQ(s.size(), 51u);
  EXPECT_EQ(s.meta.sample, "s05751_25deg");
  ASSERT_TRUE(s.meta.geometry);
  EXPECT_NEAR(s.meta.geometry->diameter_m(), 13.0e-3, 1e-15);
  EXPECT_NEAR(s.meta.geometry->area_m2, solyte::constants::pi * 6.5e-3 * 6.5e-3, 1e-15);
  EXPECT_DOUBLE_EQ(s.meta.geometry->thickness_m, 0.75e-3);  // not the electrode's 4 mm
  EXPECT_DOUBLE_EQ(s.frequency_hz.front(), 1.0e6);
  EXPECT_EQ(s.impedance_ohm.front(), std::complex<double>(3.8055903e+03, -6.3180615e+03));
  EXPECT_DOUBLE_EQ(s.frequency_hz.back(), 3.0000001e-01);
  EXPECT_EQ(s.impedance_ohm.back(), std::complex<double>(2.1831467e+05, -1.5082122e+05));
  EXPECT_FALSE(s.meta.temperature_k);
  EXPECT_TRUE(s.meta.warnings.empty());
}

TEST(IoNovocontrol, LagpHeaderWithSpacedUnits) {
  // "Freq. [Hz]\tZs' [Ohms]\tZs'' [Ohms]", no final newline, 50 points.
  const auto v =
      read_spectra(solyte::test::test_data("io/novocontrol/Example2b_LAGP_dynamicVT.txt").string());
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].size(), 50u);
  EXPECT_EQ(v[0].meta.sample, "LAGP dynamicVT");
  EXPECT_FALSE(v[0].meta.geometry);
  EXPECT_EQ(v[0].impedance_ohm.back(), std::complex<double>(1.82762e+05, -4.35920e+05));
}

TEST(IoNovocontrol, S04147TemperatureSeries) {
  const auto dir = solyte::test::shared_data("eis_solid_T_series/EISFitpython_s04147");
  struct Case {
    const char* file;
    double celsius;
    std::size_t points;
  };
  const Case cases[] = {{"Example2c_s04147-120deg.txt", 120, 42}, {"s04147-140deg.txt", 140, 42},
                        {"s04147-150deg.txt", 150, 42},           {"s04147-160deg.txt", 160, 42},
                        {"s04147-170deg.txt", 170, 41},           {"s04147-180deg.txt", 180, 41},
                        {"s04147-190deg.txt", 190, 41},           {"s04147-200deg.txt", 200, 40}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    SOLYTE_REQUIRE_SHARED(dir / c.file);
    const auto v = read_spectra((dir / c.file).string(), {.temperature_from_name = true});
    ASSERT_EQ(v.size(), 1u);
    solyte::validate(v[0], 3);
    EXPECT_EQ(v[0].size(), c.points);
    EXPECT_DOUBLE_EQ(*v[0].meta.temperature_k, c.celsius + 273.15);
    EXPECT_EQ(v[0].meta.temperature_source, solyte::TemperatureSource::file_name);
    EXPECT_EQ(v[0].meta.sample.rfind("s04147-", 0), 0u);
    EXPECT_DOUBLE_EQ(v[0].frequency_hz.front(), 1.0e6);
  }
}

TEST(IoNovocontrol, PermittivityOnlyIsAParseError) {
  const std::string text =
      "film A\nFixed value(s) :  AC Volt  [Vrms]=1.0000e+00\n"
      " Freq. [Hz]\tEps'\tEps''\tSig' [S/cm]\n"
      "1e6\t10\t1\t1e-9\n1e5\t11\t2\t1e-10\n1e4\t12\t3\t1e-11\n";
  try {
    read_spectra_from_bytes(text, "film.txt");
    ADD_FAILURE() << "no ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.line(), 3u);
    const std::string what = e.what();
    EXPECT_NE(what.find("'Eps'''"), std::string::npos) << what;
    EXPECT_NE(what.find("impedance pair"), std::string::npos) << what;
  }
}

TEST(IoNovocontrol, SpecimenImpedanceIsPreferredAndFixedTemperatureRead) {
  const Spectrum s = read_one(
      "pellet\nFixed value(s) :  Temperature [\xC2\xB0"
      "C]=2.5000e+01  AC Volt  [Vrms]=1e-2\n"
      "Freq.[Hz]\tZ'[ohm]\tZ''[ohm]\tZs'[ohm]\tZs''[ohm]\n"
      "1e6\t1\t-1\t2\t-2\n1e5\t1\t-1\t3\t-3\n1e4\t1\t-1\t4\t-4\n",
      {.temperature_k = 300.0, .temperature_from_name = true});
  EXPECT_EQ(s.impedance_ohm[1], std::complex<double>(3, -3));
  EXPECT_NEAR(*s.meta.temperature_k, 298.15, 1e-9);
  EXPECT_EQ(s.meta.temperature_source, solyte::TemperatureSource::file);
}

TEST(IoNovocontrol, GeometryPrecedence) {
  const std::string text =
      "s1\nDiameter[mm]: 1.000e+01  Thickness[mm]: 1.000e+00  Electrode Thickness[mm]: 4\n"
      "Freq.[Hz]\tZs'[ohm]\tZs''[ohm]\n" +
      kTable;
  const auto same = PelletGeometry::from_diameter(10.05e-3, 1.0e-3);  // area +1.0 %: no warning
  Spectrum s = read_one(text, {.geometry = same});
  EXPECT_EQ(s.meta.geometry->area_m2, same.area_m2);
  EXPECT_TRUE(s.meta.warnings.empty());
  const auto other = PelletGeometry::from_diameter(8e-3, 2.1e-3);
  s = read_one(text, {.geometry = other});
  EXPECT_EQ(s.meta.geometry->thickness_m, 2.1e-3);
  ASSERT_EQ(s.meta.warnings.size(), 1u);
  EXPECT_NE(s.meta.warnings[0].find("10 mm diameter"), std::string::npos) << s.meta.warnings[0];
  // A zero diameter (geometry not entered in WinDETA) gives no geometry, with a warning.
  s = read_one("s1\nDiameter[mm]: 0.000e+00  Thickness[mm]: 1.0\nFreq.[Hz]\tZs'[ohm]\tZs''[ohm]\n" +
               kTable);
  EXPECT_FALSE(s.meta.geometry);
  EXPECT_EQ(s.meta.warnings.size(), 1u);
}

TEST(IoNovocontrol, CommaDecimalsBlankSeparatedAndDamage) {
  Spectrum s = read_one(
      "probe, 1.12.2020\nFixed value(s) : AC Volt [Vrms]=1\n"
      "Freq. [Hz]   Zs' [Ohms]   Zs'' [Ohms]\n1,0e+06 2,5e+04 -5,0e+04\n1,0e+05 3e4 -7e4\n"
      "1,0e+04 5e4 -9e4\n");
  EXPECT_EQ(s.impedance_ohm[0], std::complex<double>(2.5e4, -5e4));
  EXPECT_EQ(s.meta.sample, "probe");

  const std::string head = "s\nFixed value(s) : AC Volt [Vrms]=1\nFreq.[Hz]\tZs'[ohm]\tZs''[ohm]\n";
  try {
    read_spectra_from_bytes(head + kTable + " 1.0e+03\t 6.0e+04", "n.txt");
    ADD_FAILURE();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.line(), 7u);
    EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos);
  }
  try {
    read_spectra_from_bytes(head + kTable + "1e3\t6e4\t-1e5x\n", "n.txt");
    ADD_FAILURE();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.line(), 7u);
    EXPECT_EQ(e.column(), 3u);
    EXPECT_NE(std::string(e.what()).find("Zs''[ohm] (field 3)"), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_spectra_from_bytes(head + " 1e6\t1\t-1\n", "n.txt"), ParseError);
}

TEST(IoNovocontrol, ResavedAsCsv) {
  const Spectrum s = read_one(
      "s1, 1.1.2021\nFixed value(s) : AC Volt [Vrms]=1\nFreq.[Hz],Zs'[ohm],Zs''[ohm]\n"
      "1e6,2e4,-5e4\n1e5,3e4,-7e4\n1e4,5e4,-9e4\n");
  EXPECT_EQ(s.impedance_ohm[2], std::complex<double>(5e4, -9e4));
  EXPECT_EQ(s.meta.format, "novocontrol-ascii");
}
