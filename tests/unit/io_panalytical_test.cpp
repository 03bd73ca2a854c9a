// PANalytical XRDML and CSV (src/io/panalytical_xrdml.cpp, panalytical_csv.cpp): XML built in
// the test, the corpus files, and the exports of the same scans (.xrdml, .xy, .csv) point by
// point.
#include <gtest/gtest.h>

#include "pattern_support.hpp"

namespace {

using solyte::Quantity;
using solyte::test::expect_same_points;
using solyte::test::read_shared;
using solyte::test::values;

std::string xrdml(const std::string& data_points) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<xrdMeasurements xmlns=\"http://www.xrdml.com/XRDMeasurement/2.1\">\n"
         "  <sample><id>S1</id><name>test sample</name></sample>\n"
         "  <xrdMeasurement measurementType=\"Scan\">\n"
         "    <usedWavelength intended=\"K-Alpha 1\"><kAlpha1 unit=\"Angstrom\">1.5405980</kAlpha1>"
         "<kAlpha2 unit=\"Angstrom\">1.5444260</kAlpha2>"
         "<ratioKAlpha2KAlpha1>0.5000</ratioKAlpha2KAlpha1></usedWavelength>\n"
         "    <scan mode=\"Continuous\" scanAxis=\"Gonio\" status=\"Completed\">\n"
         "      <dataPoints>\n" +
         data_points +
         "      </dataPoints>\n    </scan>\n  </xrdMeasurement>\n</xrdMeasurements>\n";
}

TEST(IoXrdml, StartEndAndListPositions) {
  auto r = solyte::io::read_measurements_from_bytes(
      xrdml("<positions axis=\"2Theta\" unit=\"deg\"><startPosition>10</startPosition>"
            "<endPosition>11</endPosition></positions>\n"
            "<commonCountingTime unit=\"seconds\">2.0</commonCountingTime>\n"
            "<intensities unit=\"counts\">5 6 7 8 9</intensities>\n"),
      "a.xrdml");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].meta.format, "panalytical-xrdml");
  EXPECT_EQ(r[0].meta.sample, "test sample");
  EXPECT_EQ(values(r[0], Quantity::two_theta), (std::vector<double>{10, 10.25, 10.5, 10.75, 11}));
  EXPECT_EQ(values(r[0], Quantity::intensity), (std::vector<double>{5, 6, 7, 8, 9}));
  EXPECT_DOUBLE_EQ(*r[0].meta.two_theta_step_deg, 0.25);
  EXPECT_DOUBLE_EQ(*r[0].meta.time_per_step_s, 2.0);
  EXPECT_DOUBLE_EQ(*r[0].meta.kalpha2_ratio, 0.5);
  EXPECT_EQ(r[0].meta.intensity_unit, "counts");
  r = solyte::io::read_measurements_from_bytes(
      xrdml("<positions axis=\"2Theta\" unit=\"deg\"><listPositions>10 10.5 11.5</listPositions>"
            "</positions>\n<counts unit=\"cps\">1.5 2.5 3.5</counts>\n"),
      "b.xrdml");
  EXPECT_EQ(values(r[0], Quantity::two_theta), (std::vector<double>{10, 10.5, 11.5}));
  EXPECT_EQ(r[0].meta.intensity_unit, "counts/s");
}

TEST(IoXrdml, ErrorsNameTheLine) {
  auto e = solyte::test::parse_error_of([] {
    solyte::io::read_measurements_from_bytes(
        xrdml("<positions axis=\"2Theta\"><listPositions>10 10.5</listPositions></positions>\n"
              "<counts>1 2 3</counts>\n"),
        "c.xrdml");
  });
  EXPECT_EQ(e.line(), 8u) << e.what();
  e = solyte::test::parse_error_of([] {
    solyte::io::read_measurements_from_bytes(
        xrdml("<positions axis=\"2Theta\"><startPosition>10</startPosition><endPosition>11"
              "</endPosition></positions>\n<counts>1 2 x 4</counts>\n"),
        "d.xrdml");
  });
  EXPECT_EQ(e.line(), 9u) << e.what();
  EXPECT_NE(e.expected().find("value 3"), std::string::npos) << e.what();
  const std::string whole = xrdml(
      "<positions axis=\"2Theta\"><startPosition>10</startPosition>"
      "<endPosition>11</endPosition></positions><counts>1 2</counts>");
  e = solyte::test::parse_error_of([&] {
    solyte::io::read_measurements_from_bytes(whole.substr(0, whole.size() / 2), "t.xrdml");
  });
  EXPECT_GT(e.line(), 0u) << e.what();
  EXPECT_NE(e.expected().find("well-formed XML"), std::string::npos) << e.what();
}

TEST(IoXrdml, FixedTwoThetaScanIsNotAPattern) {
  const auto e = solyte::test::parse_error_of([] {
    solyte::io::read_measurements_from_bytes(
        xrdml("<positions axis=\"2Theta\"><commonPosition>30</commonPosition></positions>\n"
              "<positions axis=\"Omega\"><startPosition>10</startPosition><endPosition>20"
              "</endPosition></positions>\n<counts>1 2 3</counts>\n"),
        "rocking.xrdml");
  });
  EXPECT_NE(e.expected().find("2θ fixed"), std::string::npos) << e.what();
}

TEST(IoXrdml, CorpusFilesAgreeWithTheirXyAndCsv) {
  const auto path = solyte::test::shared_data("xrd/yadg_panalytical/210520step1_30min.xrdml");
  SOLYTE_REQUIRE_SHARED(path);
  const auto x = read_shared("xrd/yadg_panalytical/210520step1_30min.xrdml").front();
  const auto xy = read_shared("xrd/yadg_panalytical/210520step1_30min.xy").front();
  const auto csv = read_shared("xrd/yadg_panalytical/210520step1_30min.csv").front();
  // INVENTORY.md: Cu Kα1 (Ge111 monochromator), 5–80° 2θ, 4489 points.
  EXPECT_EQ(x.size(), 4489u);
  EXPECT_DOUBLE_EQ(*x.meta.wavelength_angstrom, 1.5405980);
  EXPECT_DOUBLE_EQ(*x.meta.kalpha2_ratio, 0.0);  // monochromated: no Kα2
  EXPECT_DOUBLE_EQ(*x.meta.time_per_step_s, 50.165);
  EXPECT_EQ(csv.meta.format, "panalytical-csv");
  EXPECT_DOUBLE_EQ(*csv.meta.wavelength_angstrom, 1.5405980);
  EXPECT_DOUBLE_EQ(*csv.meta.two_theta_step_deg, 0.0167113);
  // The .xy and .csv write 2θ with 9 decimals.
  expect_same_points(
      x, xy, Quantity::two_theta, [](std::size_t) { return 5e-9 + 1e-12; }, 1, 0);
  expect_same_points(
      x, csv, Quantity::two_theta, [](std::size_t) { return 5e-9 + 1e-12; }, 1, 0);
  // DUT-52(Zr) at 25 °C: 5–90°, 6474 points.
  const auto d = read_shared("xrd/chemotion_DUT52Zr/LA_P37cd_DUT52Zr_25C_1.xrdml").front();
  EXPECT_EQ(d.size(), 6474u);
  expect_same_points(
      d, read_shared("xrd/chemotion_DUT52Zr/LA_P37cd_DUT52Zr_25C_1.xy").front(),
      Quantity::two_theta, [](std::size_t) { return 5e-9 + 1e-12; }, 1, 0);
}

TEST(IoPanalyticalCsv, DamagedRowNamesLineAndField) {
  const std::string text =
      "[Measurement conditions]\nK-Alpha1 wavelength,1.5405980\nNo. of points, 3\n"
      "[Scan points]\nAngle,Intensity\n10.0,5\n10.1,abc\n10.2,7\n";
  const auto e = solyte::test::parse_error_of(
      [&] { solyte::io::read_measurements_from_bytes(text, "p.csv"); });
  EXPECT_EQ(e.line(), 7u);
  EXPECT_EQ(e.column(), 2u);
}

}  // namespace
