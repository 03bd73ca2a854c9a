// Bruker RAW1.01 and RAW4.00 (src/io/bruker_raw.cpp): layouts built byte by byte from the
// format description, the corpus files with their values from INVENTORY.md and the files
// themselves, and the text exports of the same scans, point by point.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "pattern_support.hpp"

namespace {

using solyte::Quantity;
using solyte::Technique;
using solyte::test::expect_same_points;
using solyte::test::read_shared;
using solyte::test::values;

template <class T>
void put(std::string& b, std::size_t at, T v) {
  if (b.size() < at + sizeof v) b.resize(at + sizeof v, '\0');
  std::memcpy(b.data() + at, &v, sizeof v);
}

void put_text(std::string& b, std::size_t at, const std::string& s) {
  if (b.size() < at + s.size()) b.resize(at + s.size(), '\0');
  std::memcpy(b.data() + at, s.data(), s.size());
}

struct SyntheticRange {
  double start, step;
  std::vector<float> counts;
};

// A RAW1.01 file as the DIFFRAC-plus manual lays it out (src/io/bruker_raw.cpp).
std::string raw1(const std::vector<SyntheticRange>& ranges, std::uint32_t status = 1) {
  std::string b(712, '\0');
  put_text(b, 0, std::string("RAW1.01\0", 8));
  put<std::uint32_t>(b, 8, status);
  put<std::uint32_t>(b, 12, static_cast<std::uint32_t>(ranges.size()));
  put_text(b, 16, "01/02/24");
  put_text(b, 326, "synthetic sample");
  put_text(b, 608, "Cu");
  put<double>(b, 616, 1.54184);
  put<double>(b, 624, 1.5406);
  put<double>(b, 632, 1.54439);
  put<double>(b, 648, 0.5);
  for (const auto& r : ranges) {
    const std::size_t at = b.size();
    b.resize(at + 304, '\0');
    put<std::uint32_t>(b, at, 304);
    put<std::uint32_t>(b, at + 4, static_cast<std::uint32_t>(r.counts.size()));
    put<double>(b, at + 8, r.start / 2);
    put<double>(b, at + 16, r.start);
    put<double>(b, at + 176, r.step);
    put<float>(b, at + 192, 1.5f);
    put<double>(b, at + 240, 1.5406);
    for (float c : r.counts) put<float>(b, b.size(), c);
  }
  return b;
}

TEST(IoBrukerRaw, SyntheticRaw101RangesAndMetadata) {
  const std::string b = raw1({{10.0, 0.02, {1, 2, 3, 4}}, {40.0, 0.05, {7, 8, 9}}});
  const auto r = solyte::io::read_measurements_from_bytes(b, "s.raw");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].meta.format, "bruker-raw");
  EXPECT_EQ(r[0].meta.technique, Technique::diffraction);
  EXPECT_EQ(r[0].meta.sample, "synthetic sample");
  EXPECT_DOUBLE_EQ(*r[0].meta.wavelength_angstrom, 1.5406);
  EXPECT_DOUBLE_EQ(*r[0].meta.wavelength2_angstrom, 1.54439);
  EXPECT_DOUBLE_EQ(*r[0].meta.kalpha2_ratio, 0.5);
  EXPECT_DOUBLE_EQ(*r[0].meta.two_theta_step_deg, 0.02);
  EXPECT_DOUBLE_EQ(*r[0].meta.time_per_step_s, 1.5);
  EXPECT_EQ(r[0].meta.intensity_unit, "counts");
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::two_theta)[3], 10.0 + 3 * 0.02);
  EXPECT_EQ(values(r[0], Quantity::intensity), (std::vector<double>{1, 2, 3, 4}));
  EXPECT_EQ(r[1].meta.index_in_file, 1u);
  EXPECT_DOUBLE_EQ(values(r[1], Quantity::two_theta)[0], 40.0);
  EXPECT_EQ(values(r[1], Quantity::intensity).size(), 3u);
}

TEST(IoBrukerRaw, AbortedMeasurementIsReadWithAWarning) {
  const auto r = solyte::io::read_measurements_from_bytes(raw1({{10, 0.1, {5, 6, 7}}}, 3), "a.raw");
  ASSERT_EQ(r.size(), 1u);
  ASSERT_FALSE(r[0].meta.warnings.empty());
  EXPECT_NE(r[0].meta.warnings[0].find("aborted"), std::string::npos);
}

TEST(IoBrukerRaw, TruncationNamesTheByteOffset) {
  const std::string b = raw1({{10.0, 0.02, std::vector<float>(100, 5.0f)}});
  for (std::size_t cut : {std::size_t{20}, std::size_t{700}, std::size_t{900}, b.size() - 3}) {
    const auto e = solyte::test::parse_error_of(
        [&] { solyte::io::read_measurements_from_bytes(b.substr(0, cut), "t.raw"); });
    EXPECT_EQ(e.file(), "t.raw");
    EXPECT_NE(e.expected().find("byte "), std::string::npos) << e.what();
    EXPECT_NE(e.expected().find("truncated"), std::string::npos) << e.what();
  }
}

TEST(IoBrukerRaw, NonFiniteCountIsAnErrorAtItsByte) {
  std::string b = raw1({{10.0, 0.02, {1, 2, 3}}});
  put<float>(b, 712 + 304 + 4, std::nanf(""));
  const auto e =
      solyte::test::parse_error_of([&] { solyte::io::read_measurements_from_bytes(b, "n.raw"); });
  EXPECT_NE(e.expected().find("byte " + std::to_string(712 + 304 + 4)), std::string::npos)
      << e.what();
  EXPECT_NE(e.expected().find("step 2"), std::string::npos) << e.what();
}

TEST(IoBrukerRaw, OldVersionsAreRecognisedAndRefused) {
  for (const std::string& magic : {std::string("RAW "), std::string("RAW2")}) {
    std::string b = magic + std::string(200, '\0');
    const auto e = solyte::test::parse_error_of(
        [&] { solyte::io::read_measurements_from_bytes(b, "old.raw"); });
    EXPECT_NE(e.expected().find("not read"), std::string::npos) << e.what();
  }
}

TEST(IoBrukerRaw, Raw101CorpusFiles) {
  const auto path = solyte::test::shared_data("xrd/chemotion_PD-01-02/PD-01-02_2.raw");
  SOLYTE_REQUIRE_SHARED(path);
  // INVENTORY.md: Cu Kα, 20–85° 2θ, 3945 points.
  auto r = read_shared("xrd/chemotion_PD-01-02/PD-01-02_2.raw");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].size(), 3945u);
  EXPECT_EQ(r[0].meta.sample, "PD-01-02");
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::two_theta).front(), 20.0);
  EXPECT_NEAR(values(r[0], Quantity::two_theta).back(), 20.0 + 3944 * 0.0164553, 1e-9);
  EXPECT_EQ(values(r[0], Quantity::intensity).front(), 2782);  // the UXD's first count
  EXPECT_EQ(values(r[0], Quantity::intensity).back(), 2800);
  EXPECT_NEAR(*r[0].meta.time_per_step_s, 738.066, 1e-3);  // UXD _STEPTIME=738.065979
  // INVENTORY.md: Li4Ti5O12 and LAGP, 12–75° 2θ, 0.02° step, 3151 points.
  for (const char* rel :
       {"xrd/thesis_LTO_spinel/LTO_Spinell_Aldrich.raw", "xrd/thesis_LAGP_nasicon/LAGP_850.raw"}) {
    r = read_shared(rel);
    ASSERT_EQ(r.size(), 1u) << rel;
    EXPECT_EQ(r[0].size(), 3151u) << rel;
    EXPECT_DOUBLE_EQ(*r[0].meta.two_theta_step_deg, 0.02);
    EXPECT_DOUBLE_EQ(values(r[0], Quantity::two_theta).back(), 75.0);
    EXPECT_DOUBLE_EQ(*r[0].meta.wavelength_angstrom, 1.5406);
  }
  EXPECT_EQ(values(r[0], Quantity::intensity).front(), 525);  // LAGP_850.xrd line 3
  r = read_shared("xrd/gsas2_LaB6_lab/LaB6_Jan2018.raw");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].size(), 3040u);
  EXPECT_EQ(values(r[0], Quantity::intensity).front(), 7393);
}

TEST(IoBrukerRaw, Raw4CorpusFile) {
  const auto path = solyte::test::shared_data("xrd/xrdconversion_SbI3/SbI3.raw");
  SOLYTE_REQUIRE_SHARED(path);
  const auto r = read_shared("xrd/xrdconversion_SbI3/SbI3.raw");
  ASSERT_EQ(r.size(), 1u);
  // SbI3.metadata: 1399 points, 2θ 10.000–59.987, intensity 51–8412.
  EXPECT_EQ(r[0].size(), 1399u);
  const auto& x = values(r[0], Quantity::two_theta);
  const auto& y = values(r[0], Quantity::intensity);
  EXPECT_DOUBLE_EQ(x.front(), 10.0001);
  EXPECT_NEAR(x.back(), 59.987, 1e-3);
  EXPECT_EQ(*std::min_element(y.begin(), y.end()), 51);
  EXPECT_EQ(*std::max_element(y.begin(), y.end()), 8412);
  EXPECT_EQ(r[0].meta.sample, "SRL-I-49_SbI3");
  EXPECT_EQ(r[0].meta.technique_name, "Locked Coupled");
  EXPECT_NEAR(*r[0].meta.time_per_step_s, 76.8, 1e-5);
  EXPECT_DOUBLE_EQ(*r[0].meta.kalpha2_ratio, 0.5);
}

TEST(IoBrukerRaw, PairsAgreeWithTheirTextExports) {
  const auto raw = solyte::test::shared_data("xrd/chemotion_PD-01-02/PD-01-02_2.raw");
  SOLYTE_REQUIRE_SHARED(raw);
  // PD-01-02: the UXD writes _STEPSIZE with 6 decimals (0.016455 for 0.0164553), so point i
  // may differ by i·5e-7°; counts are the same numbers.
  expect_same_points(
      read_shared("xrd/chemotion_PD-01-02/PD-01-02_2.raw").front(),
      read_shared("xrd/chemotion_PD-01-02/PD-01-02_2.UXD").front(), Quantity::two_theta,
      [](std::size_t i) { return 5e-7 * i + 1e-9; }, 1.0, 0);
  // LTO and LAGP: the .xrd exports write 2θ with 7 significant digits from single-precision
  // arithmetic (73.93999 for 12 + 0.02·3097 = 73.94), so within 2e-5°; counts are the same.
  for (const std::string& stem : {std::string("xrd/thesis_LTO_spinel/LTO_Spinell_Aldrich"),
                                 std::string("xrd/thesis_LAGP_nasicon/LAGP_850")})
    expect_same_points(
        read_shared(stem + ".raw").front(), read_shared(stem + ".xrd").front(), Quantity::two_theta,
        [](std::size_t) { return 2e-5; }, 1.0, 0);
}

}  // namespace
