// Entry points: format detection, encodings end to end, temperature and geometry precedence,
// file-system errors.
#include <gtest/gtest.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "solyte/error.hpp"
#include "solyte/io/read_spectra.hpp"
#include "test_support.hpp"

using solyte::ParseError;
using solyte::TemperatureSource;
using solyte::io::detect_format;
using solyte::io::read_spectra;
using solyte::io::read_spectra_from_bytes;

namespace {
const std::string kCsv = "f,Z',Z''\n1e3,1,-1\n1e2,2,-2\n1e1,3,-3\n";

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
}  // namespace

TEST(IoReadSpectra, DetectFormat) {
  using solyte::test::test_data;
  EXPECT_EQ(detect_format(file_bytes(test_data("io/biologic/exampleDataBioLogic.mpt"))),
            "biologic-mpt");
  EXPECT_EQ(detect_format(file_bytes(test_data("io/novocontrol/Example2a.txt"))),
            "novocontrol-ascii");
  EXPECT_EQ(detect_format(file_bytes(test_data("io/delimited/exampleData.csv"))), "delimited");
  EXPECT_EQ(detect_format(kCsv), "delimited");
  EXPECT_EQ(detect_format(""), "unknown");
  EXPECT_EQ(detect_format("just some words\n"), "unknown");
  EXPECT_EQ(detect_format(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), "unknown");
  // A plain CSV whose header happens to say "Freq.[Hz]" stays delimited.
  EXPECT_EQ(detect_format("Freq.[Hz],Z'[Ohm],Z''[Ohm]\n1,2,3\n"), "delimited");
}

TEST(IoReadSpectra, EncodingsEndToEnd) {
  const std::string utf8 =
      "Freq/Hz\tZ'/\xCE\xA9\tZ''/\xCE\xA9\n1e3\t1\t-1\n1e2\t2\t-2\n1e1\t3\t-3\n";
  std::string utf16le = "\xFF\xFE", utf16be = "\xFE\xFF";
  // Transcode by hand: every character here is in the BMP.
  for (std::size_t i = 0; i < utf8.size();) {
    unsigned cp = static_cast<unsigned char>(utf8[i]);
    if (cp >= 0xC0) {
      cp = ((cp & 0x1F) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F);
      i += 2;
    } else {
      ++i;
    }
    utf16le += static_cast<char>(cp & 0xFF);
    utf16le += static_cast<char>(cp >> 8);
    utf16be += static_cast<char>(cp >> 8);
    utf16be += static_cast<char>(cp & 0xFF);
  }
  for (const std::string& bytes : {utf8, "\xEF\xBB\xBF" + utf8, utf16le, utf16be}) {
    const auto v = read_spectra_from_bytes(bytes, "e.txt");
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].impedance_ohm[2], std::complex<double>(3, -3));
  }
}

TEST(IoReadSpectra, TemperaturePrecedence) {
  const std::string with_column = "f,Z',Z'',T/K\n1e3,1,-1,300\n1e2,2,-2,300\n1e1,3,-3,300\n";
  // File beats option beats name.
  auto s = read_spectra_from_bytes(with_column, "cell_25C.csv",
                                   {.temperature_k = 310.0, .temperature_from_name = true})[0];
  EXPECT_DOUBLE_EQ(*s.meta.temperature_k, 300.0);
  EXPECT_EQ(s.meta.temperature_source, TemperatureSource::file);
  s = read_spectra_from_bytes(kCsv, "cell_25C.csv",
                              {.temperature_k = 310.0, .temperature_from_name = true})[0];
  EXPECT_DOUBLE_EQ(*s.meta.temperature_k, 310.0);
  EXPECT_EQ(s.meta.temperature_source, TemperatureSource::option);
  s = read_spectra_from_bytes(kCsv, "dir_80C/cell_25C.csv", {.temperature_from_name = true})[0];
  EXPECT_DOUBLE_EQ(*s.meta.temperature_k, 298.15);
  EXPECT_EQ(s.meta.temperature_source, TemperatureSource::file_name);
  EXPECT_TRUE(s.meta.warnings.empty());
  // Only when asked.
  s = read_spectra_from_bytes(kCsv, "cell_25C.csv")[0];
  EXPECT_FALSE(s.meta.temperature_k);
  EXPECT_EQ(s.meta.temperature_source, TemperatureSource::none);
  // Several different values: the last, with a warning.
  s = read_spectra_from_bytes(kCsv, "cell_25C_then_30C.csv", {.temperature_from_name = true})[0];
  EXPECT_DOUBLE_EQ(*s.meta.temperature_k, 303.15);
  EXPECT_EQ(s.meta.warnings.size(), 1u);
  // A meaningless option is the caller's error, not the file's.
  EXPECT_THROW(read_spectra_from_bytes(kCsv, "c.csv", {.temperature_k = -1.0}),
               solyte::InvalidArgument);
}

TEST(IoReadSpectra, MetadataOfEverySpectrum) {
  const auto s = read_spectra_from_bytes(kCsv, "some/dir/c.csv")[0];
  EXPECT_EQ(s.meta.source_file, "some/dir/c.csv");
  EXPECT_EQ(s.meta.technique, solyte::Technique::impedance);
  EXPECT_EQ(s.meta.index_in_file, 0u);
  EXPECT_FALSE(s.meta.geometry);
  const auto g = solyte::PelletGeometry::from_diameter(8e-3, 2.1e-3);
  const auto t = read_spectra_from_bytes(kCsv, "c.csv", {.geometry = g})[0];
  EXPECT_EQ(t.meta.geometry->area_m2, g.area_m2);
  EXPECT_TRUE(t.meta.warnings.empty());
}

TEST(IoReadSpectra, FileSystemErrors) {
  try {
    read_spectra("/nonexistent/dir/cell.csv");
    ADD_FAILURE();
  } catch (const std::system_error& e) {
    EXPECT_EQ(e.code().value(), ENOENT);
    EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/cell.csv"), std::string::npos);
  }
  const auto dir = std::filesystem::temp_directory_path();
  EXPECT_THROW(read_spectra(dir.string()), std::system_error);
}

TEST(IoReadSpectra, UnsupportedContent) {
  try {
    // A truncated .mpr: its banner, then nothing.
    read_spectra_from_bytes(std::string("BIO-LOGIC MODULAR FILE\x1a\0\0\0", 26), "a.mpr");
    ADD_FAILURE();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.file(), "a.mpr");
    EXPECT_NE(std::string(e.what()).find("at byte 0: expected the file banner"), std::string::npos)
        << e.what();
  }
  try {
    read_spectra_from_bytes(std::string("\0\x01\x02\x03\x04garbage\0\0", 14), "b.bin");
    ADD_FAILURE();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.file(), "b.bin");
    EXPECT_NE(std::string(e.what()).find("EC-Lab .mpt"), std::string::npos) << e.what();
  }
}
