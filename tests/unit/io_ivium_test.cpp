// Ivium .idf / .ids reader on pyimpspec's data.idf and data.ids (GPL-3.0, read from
// ../shared/data) and on files written here. Line numbers and rows of the real files are those
// printed by
//   grep -a -n 'primary_data\|^1.09009E+02\|^6.45479E+02' data.idf
// (lines counted at LF; the binary section lengths sit on lines of their own).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "io_test_support.hpp"
#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "solyte/io/read_spectra.hpp"
#include "test_support.hpp"

using solyte::Quantity;
using solyte::Technique;
using solyte::io::read_measurements;
using solyte::io::read_measurements_from_bytes;
using solyte::test::file_bytes;
using solyte::test::header_value;

namespace {

// An IviumSoft file: 16 zero bytes, length words on lines of their own, settings, objects.
// Line 1 is the header with the first length word; the settings start on line 2.
std::string idf(const std::string& settings, const std::string& objects) {
  return std::string(16, '\0') + std::string("H\0\0\0\r\n", 6) + settings +
         std::string("\x10\0\0\0\r\n", 6) + objects + std::string("\0\0\0\0\r\n\0\0\0\0\r\n", 12);
}

const std::string kObjectsHead =
    "2         \r\nData Objects    \r\n0         \r\nprimary_data    \r\n";

solyte::ParseError parse_error(const std::string& bytes) {
  return solyte::test::parse_error_of(bytes, "d.idf");
}

}  // namespace

TEST(IoIvium, IdfImpedanceSpectrum) {
  const auto path =
      solyte::test::shared_data("eis_vendor_formats/pyimpspec_same_spectrum/data.idf");
  SOLYTE_REQUIRE_SHARED(path);
  EXPECT_EQ(solyte::io::detect_measurement_format(file_bytes(path)), "ivium-idf");
  const auto v = read_measurements(path.string());
  ASSERT_EQ(v.size(), 1u);
  const auto& m = v[0];
  EXPECT_EQ(m.meta.format, "ivium-idf");
  EXPECT_EQ(m.meta.technique, Technique::impedance);
  ASSERT_EQ(m.size(), 29u);
  // Line 169: "1.09009E+02  -2.65557E+01<tab>1.00000E+04";
  // line 197: "6.45479E+02  -9.06181E+01<tab>1.00000E+00".
  EXPECT_EQ(m.require(Quantity::z_real).values.front(), 109.009);
  EXPECT_EQ(m.require(Quantity::z_imag).values.front(), -26.5557);
  EXPECT_EQ(m.require(Quantity::frequency).values.front(), 1e4);
  EXPECT_EQ(m.require(Quantity::z_real).values.back(), 645.479);
  EXPECT_EQ(m.require(Quantity::z_imag).values.back(), -90.6181);
  EXPECT_EQ(m.require(Quantity::frequency).values.back(), 1.0);
  EXPECT_EQ(header_value(m, "Method"), "Impedance");
  EXPECT_EQ(header_value(m, "Technique"), "Constant E");
  EXPECT_EQ(header_value(m, "Title"), "Test");
  EXPECT_EQ(header_value(m, "Frequencies"), "29");
  EXPECT_NE(header_value(m, "Report.Process data").find("hw config   : IviumStat+HiSens+FRA60Hz; "),
            std::string::npos);
  for (const auto& [k, value] : m.meta.header)
    EXPECT_EQ(k.find('['), std::string::npos) << k;  // indexed lists are left out
}

TEST(IoIvium, IdsHoldsTwoMeasurements) {
  const auto path =
      solyte::test::shared_data("eis_vendor_formats/pyimpspec_same_spectrum/data.ids");
  SOLYTE_REQUIRE_SHARED(path);
  const auto v = read_measurements(path.string());
  ASSERT_EQ(v.size(), 2u);
  for (std::size_t k = 0; k < 2; ++k) {
    EXPECT_EQ(v[k].meta.index_in_file, k);
    ASSERT_EQ(v[k].size(), 29u);
    EXPECT_EQ(v[k].require(Quantity::z_real).values.front(), 109.009);
  }
  // The second measurement's table: primary_data on line 1295, the rows on 1298 … 1326.
  std::string bytes = file_bytes(path);
  std::size_t at = 0;
  for (int line = 1; line < 1299; ++line) at = bytes.find('\n', at) + 1;  // start of line 1299
  bytes[at] = 'x';
  const auto e = parse_error(bytes);
  EXPECT_EQ(e.line(), 1299u) << e.what();
  EXPECT_EQ(e.column(), 1u);
}

TEST(IoIvium, TruncatedRealFileNamesTheLine) {
  const auto path =
      solyte::test::shared_data("eis_vendor_formats/pyimpspec_same_spectrum/data.idf");
  SOLYTE_REQUIRE_SHARED(path);
  const std::string bytes = file_bytes(path);
  std::size_t at = 0;
  for (int line = 1; line < 180; ++line) at = bytes.find('\n', at) + 1;  // start of line 180
  const auto mid_row = parse_error(bytes.substr(0, at + 15));            // "3.28959E+02  -8" …
  EXPECT_EQ(mid_row.line(), 180u) << mid_row.what();
  const auto at_row = parse_error(bytes.substr(0, at));
  EXPECT_NE(std::string(at_row.what()).find("expected 29 rows of primary_data from line 169"),
            std::string::npos)
      << at_row.what();
  const auto in_settings = parse_error(bytes.substr(0, 3000));
  EXPECT_NE(std::string(in_settings.what()).find("'Method=' is on line 67"), std::string::npos)
      << in_settings.what();
}

TEST(IoIvium, WrittenFileAndItsDamage) {
  const std::string settings = "Method=Impedance\r\nTitle=pellet 1\r\nFrequencies.freq[1]=1000\r\n";
  const std::string rows =
      "1.0E+02  -5.0E+01\t1.0E+03 \r\n2.0E+02  -1.0E+02\t1.0E+02 \r\n"
      "3.0E+02  -5.0E+01\t1.0E+01 \r\n";
  // Lines: 1 header, 2–4 settings, 5 length word, 6 "2", 7 Data Objects, 8 "0", 9 primary_data,
  // 10 columns, 11 rows, 12–14 the table.
  const auto v =
      read_measurements_from_bytes(idf(settings, kObjectsHead + "3\r\n3\r\n" + rows), "w.idf");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].size(), 3u);
  EXPECT_EQ(v[0].require(Quantity::z_imag).values[1], -100.0);
  EXPECT_EQ(header_value(v[0], "Title"), "pellet 1");
  EXPECT_EQ(header_value(v[0], "Frequencies.freq[1]"), "<absent>");
  const auto s =
      solyte::io::read_spectra_from_bytes(idf(settings, kObjectsHead + "3\r\n3\r\n" + rows), "w");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].impedance_ohm[2], std::complex<double>(300, -50));

  std::string bad = rows;
  bad.replace(bad.find("-1.0E+02"), 8, "-1.0E+0x");
  auto e = parse_error(idf(settings, kObjectsHead + "3\r\n3\r\n" + bad));
  EXPECT_EQ(e.line(), 13u);
  EXPECT_EQ(e.column(), 2u);
  EXPECT_NE(std::string(e.what()).find("Z''"), std::string::npos) << e.what();
  e = parse_error(idf(settings, kObjectsHead + "3\r\n7\r\n" + rows));
  EXPECT_NE(std::string(e.what()).find("expected 7 rows of primary_data from line 12"),
            std::string::npos)
      << e.what();
  e = parse_error(idf(settings, kObjectsHead + "3\r\n5\r\n" + rows));  // rows 4, 5: length words
  EXPECT_EQ(e.line(), 15u) << e.what();
  e = parse_error(idf(settings, kObjectsHead + "2\r\n3\r\n" + rows));
  EXPECT_EQ(e.line(), 10u);
  e = parse_error(idf(settings, kObjectsHead + "3\r\nmany\r\n" + rows));
  EXPECT_EQ(e.line(), 11u);
  EXPECT_NE(std::string(e.what()).find("row count"), std::string::npos);
  e = parse_error(idf("Title=x\r\n", kObjectsHead + "3\r\n3\r\n" + rows));
  EXPECT_NE(std::string(e.what()).find("'Method=' line"), std::string::npos);
  e = parse_error(idf(settings, "2\r\nData Objects\r\n"));
  EXPECT_NE(std::string(e.what()).find("'primary_data'"), std::string::npos);
  std::string zero = rows;
  zero.replace(zero.find("1.0E+01"), 7, "0.0E+00");
  e = parse_error(idf(settings, kObjectsHead + "3\r\n3\r\n" + zero));
  EXPECT_EQ(e.line(), 14u);
}

TEST(IoIvium, OtherMethodsKeepTheirColumnsUnnamed) {
  const auto v = read_measurements_from_bytes(
      idf("Method=CyclicVoltammetry\r\n", kObjectsHead + "2\r\n2\r\n0.1 1e-6\r\n0.2 2e-6\r\n"),
      "cv.idf");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].meta.technique, Technique::other);
  EXPECT_EQ(v[0].meta.technique_name, "CyclicVoltammetry");
  ASSERT_EQ(v[0].columns.size(), 2u);
  EXPECT_EQ(v[0].columns[1].name, "column 2");
  EXPECT_EQ(v[0].columns[1].values[1], 2e-6);
  ASSERT_EQ(v[0].meta.warnings.size(), 1u);
  EXPECT_NE(v[0].meta.warnings[0].find("not known"), std::string::npos);
}
