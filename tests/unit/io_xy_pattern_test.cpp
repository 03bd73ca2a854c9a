// Two-column patterns and UXD (src/io/xy_pattern.cpp, bruker_uxd.cpp): layouts written in the
// test, the detection limits (a Raman spectrum or a short table is not a pattern), and the
// corpus files with values read off them.
#include <gtest/gtest.h>

#include <cstdio>

#include "pattern_support.hpp"

namespace {

using solyte::Quantity;
using solyte::Technique;
using solyte::test::read_shared;
using solyte::test::values;

// n rows "2θ counts" from `start` by `step`, as .xy exports write them.
std::string rows(double start, double step, int n, const char* format = "%.4f %d\n") {
  std::string s;
  char buf[64];
  for (int i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, format, start + i * step, 100 + i);
    s += buf;
  }
  return s;
}

TEST(IoXyPattern, HeaderlessTwoColumnsAreAPatternWithAWarning) {
  const auto r = solyte::io::read_measurements_from_bytes(rows(10, 0.02, 50), "p.xy");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].meta.format, "xy-pattern");
  EXPECT_EQ(r[0].meta.technique, Technique::diffraction);
  EXPECT_EQ(r[0].size(), 50u);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::two_theta)[1], 10.02);
  ASSERT_EQ(r[0].meta.warnings.size(), 1u);
  EXPECT_NE(r[0].meta.warnings[0].find("powder pattern"), std::string::npos);
}

TEST(IoXyPattern, TitleAndPointCountLine) {
  const std::string text = "Sample Original Data\n 30 \n" + rows(12, 0.02, 30, " %.2f  %d \n");
  const auto r = solyte::io::read_measurements_from_bytes(text, "s.xrd");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].size(), 30u);
  ASSERT_FALSE(r[0].meta.header.empty());
  EXPECT_EQ(r[0].meta.header[0].second, "Sample Original Data");
  // Fewer rows than the count line declares: a truncated file.
  const std::string cut = "Sample\n 40 \n" + rows(12, 0.02, 30, " %.2f  %d \n");
  const auto e =
      solyte::test::parse_error_of([&] { solyte::io::read_measurements_from_bytes(cut, "c.xrd"); });
  EXPECT_EQ(e.line(), 2u);
  EXPECT_NE(e.expected().find("truncated"), std::string::npos) << e.what();
}

TEST(IoXyPattern, CommentedNamesAndEsd) {
  std::string text = "# Two-Theta Intensity Error\n";
  for (int i = 0; i < 25; ++i)
    text += std::to_string(20 + 0.05 * i) + " " + std::to_string(100 + i) + " 10\n";
  const auto r = solyte::io::read_measurements_from_bytes(text, "e.xye");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].meta.format, "xy-pattern");
  EXPECT_TRUE(r[0].meta.warnings.empty());
  EXPECT_EQ(r[0].columns[0].source_name, "Two-Theta");
  EXPECT_EQ(values(r[0], Quantity::intensity_sigma).size(), 25u);
}

TEST(IoXyPattern, DamageIsReportedAtItsLine) {
  std::string text = rows(10, 0.02, 30);
  text.replace(text.find("10.2000"), 7, "10.1000");  // 2θ turns back on line 11
  auto e =
      solyte::test::parse_error_of([&] { solyte::io::read_measurements_from_bytes(text, "b.xy"); });
  EXPECT_EQ(e.line(), 11u) << e.what();
  text = rows(10, 0.02, 30) + "10.6";  // a last line cut in the middle
  e = solyte::test::parse_error_of([&] { solyte::io::read_measurements_from_bytes(text, "t.xy"); });
  EXPECT_EQ(e.line(), 31u) << e.what();
}

TEST(IoXyPattern, WhatIsNotAPattern) {
  // A Raman spectrum from 25 to 4000 cm⁻¹: the last row is far beyond 180°.
  auto r = solyte::io::read_measurements_from_bytes(rows(25, 13.3, 300, "%.3f\t%d\n"), "r.txt");
  EXPECT_NE(r[0].meta.technique, Technique::diffraction);
  // Three rows: too few to tell; kept as unnamed columns.
  r = solyte::io::read_measurements_from_bytes("1 10\n2 20\n3 30\n", "short.txt");
  EXPECT_EQ(r[0].meta.format, "delimited");
  // The caller says it is something else.
  r = solyte::io::read_measurements_from_bytes(rows(10, 0.02, 50), "p.xy",
                                               {.technique = Technique::galvanostatic});
  EXPECT_EQ(r[0].meta.technique, Technique::galvanostatic);
}

TEST(IoXyPattern, CorpusFiles) {
  const auto path = solyte::test::shared_data("xrd/chemotion_PD-01-02/PD-01-02_1.dat");
  SOLYTE_REQUIRE_SHARED(path);
  // The .dat's title is padded with NUL bytes; 20–84.9°, step 0.0165.
  auto r = read_shared("xrd/chemotion_PD-01-02/PD-01-02_1.dat");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].meta.format, "diffrac-dat");
  EXPECT_EQ(r[0].size(), 3945u);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::two_theta).front(), 20.0);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::two_theta).back(), 84.9);
  EXPECT_EQ(values(r[0], Quantity::intensity).back(), 2891);
  // LTO .xrd: title, "3151", then rows.
  r = read_shared("xrd/thesis_LTO_spinel/LTO_Spinell_Aldrich.xrd");
  EXPECT_EQ(r[0].size(), 3151u);
  EXPECT_EQ(values(r[0], Quantity::intensity).front(), 323);
  // DUT-52(Zr) .xy (6474 points) and .xyd (2704).
  EXPECT_EQ(read_shared("xrd/chemotion_DUT52Zr/LA_P37cd_DUT52Zr_25C_1.xy")[0].size(), 6474u);
  EXPECT_EQ(read_shared("xrd/chemotion_DUT52Zr/LA_P-37cd_DUT-52Zr_act_EtOH.xyd")[0].size(), 2704u);
}

TEST(IoUxd, CountsAndPairs) {
  const std::string text =
      "; a comment\n_FILEVERSION=2\n_SAMPLE='S'\n_WL1=1.540600\n_WL2=1.544390\n_WLRATIO=0.5\n"
      "; (Data for Range number 1)\n_DRIVE='COUPLED'\n_STEPTIME=2.0\n_STEPSIZE=0.020000\n"
      "_START=10.000000\n_COUNTS\n   1   2   3   4\n   5   6\n"
      "_DRIVE='COUPLED'\n_2THETACOUNTS\n 30.0 7\n 30.5 8\n";
  const auto r = solyte::io::read_measurements_from_bytes(text, "u.uxd");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].meta.format, "bruker-uxd");
  EXPECT_EQ(r[0].meta.sample, "S");
  EXPECT_EQ(values(r[0], Quantity::intensity), (std::vector<double>{1, 2, 3, 4, 5, 6}));
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::two_theta)[5], 10.1);
  EXPECT_DOUBLE_EQ(*r[0].meta.time_per_step_s, 2.0);
  EXPECT_DOUBLE_EQ(*r[0].meta.kalpha2_ratio, 0.5);
  EXPECT_EQ(values(r[1], Quantity::two_theta), (std::vector<double>{30.0, 30.5}));
  const auto e = solyte::test::parse_error_of([] {
    solyte::io::read_measurements_from_bytes(
        "_FILEVERSION=2\n_DRIVE='C'\n_START=1\n_STEPSIZE=0.1\n_COUNTS\n 1 2 x 4\n", "b.uxd");
  });
  EXPECT_EQ(e.line(), 6u);
  EXPECT_EQ(e.column(), 3u);
}

TEST(IoUxd, CorpusFile) {
  const auto path = solyte::test::shared_data("xrd/chemotion_PD-01-02/PD-01-02_2.UXD");
  SOLYTE_REQUIRE_SHARED(path);
  const auto r = read_shared("xrd/chemotion_PD-01-02/PD-01-02_2.UXD");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].size(), 3945u);
  EXPECT_EQ(r[0].meta.sample, "PD-01-02");
  EXPECT_DOUBLE_EQ(*r[0].meta.wavelength_angstrom, 1.5406);
  EXPECT_DOUBLE_EQ(*r[0].meta.two_theta_step_deg, 0.016455);
}

}  // namespace
