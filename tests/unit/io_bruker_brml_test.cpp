// Bruker .brml (src/io/bruker_brml.cpp): archives built in the test with libzip, the corpus
// files, and the four exports of the SbI3 scan (.brml, RAW4.00, .xye, .xy) point by point.
#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <cmath>

#include "pattern_support.hpp"

namespace {

using solyte::Quantity;
using solyte::test::expect_same_points;
using solyte::test::read_shared;
using solyte::test::values;

// A zip archive in memory holding the given parts.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  for (const auto& [name, text] : parts) {
    zip_source_t* s = zip_source_buffer(z, text.data(), text.size(), 0);
    zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
  }
  zip_close(z);
  zip_source_open(src);
  zip_source_seek(src, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  std::string out(static_cast<std::size_t>(size), '\0');
  zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&err);
  return out;
}

std::string raw_data(const std::string& datums, bool views) {
  std::string x =
      "<?xml version=\"1.0\"?>\n<RawData xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
      "  <MeasurementStatus>Measured</MeasurementStatus>\n  <DataRoutes>\n"
      "    <DataRoute RouteFlag=\"Measured\">\n"
      "      <ScanInformation ScanName=\"LockedCoupled\" VisibleName=\"Coupled TwoTheta/Theta\">\n"
      "        <MeasurementPoints>3</MeasurementPoints>\n"
      "        <TimePerStepEffective>2.5</TimePerStepEffective>\n"
      "        <ScanAxes><ScanAxisInfo AxisId=\"TwoTheta\"><Start>20</Start><Stop>20.2</Stop>"
      "<Increment>0.1</Increment></ScanAxisInfo></ScanAxes>\n"
      "      </ScanInformation>\n" +
      datums;
  if (views)
    x += "      <DataViews>\n"
         "        <RawDataView xsi:type=\"FixedRawDataView\" Start=\"0\" Length=\"1\" "
         "LogicName=\"MeasuredTime\" />\n"
         "        <RawDataView xsi:type=\"VaryingRawDataView\" Start=\"1\" Length=\"2\"><Varying>"
         "<FieldDefinitions FieldName=\"Theta\" /><FieldDefinitions FieldName=\"TwoTheta\" />"
         "</Varying></RawDataView>\n"
         "        <RawDataView xsi:type=\"RecordedRawDataView\" Start=\"3\" Length=\"1\" />\n"
         "      </DataViews>\n";
  x += "    </DataRoute>\n  </DataRoutes>\n  <FixedInformation><Instrument><Tube>"
       "<WaveLengthAlpha1 Unit=\"A\" Value=\"1.78897\" /><WaveLengthAlpha2 Unit=\"A\" "
       "Value=\"1.79285\" /><WaveLengthRatio Value=\"0.5\" /><TubeMaterial>Co</TubeMaterial>"
       "</Tube></Instrument></FixedInformation>\n</RawData>\n";
  return x;
}

TEST(IoBrukerBrml, DataViewsSayWhichFieldIsWhat) {
  // Fields ordered time, θ, 2θ, counts: only the DataViews tell that 2θ is field 3.
  const std::string datums =
      "      <Datum>2.5,10,20,100</Datum>\n      <Datum>2.5,10.05,20.1,110</Datum>\n"
      "      <Datum>2.5,10.1,20.2,90</Datum>\n";
  const std::string z = make_zip({{"Experiment0/RawData0.xml", raw_data(datums, true)}});
  const auto r = solyte::io::read_measurements_from_bytes(z, "v.brml");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].meta.format, "bruker-brml");
  EXPECT_EQ(values(r[0], Quantity::two_theta), (std::vector<double>{20, 20.1, 20.2}));
  EXPECT_EQ(values(r[0], Quantity::intensity), (std::vector<double>{100, 110, 90}));
  EXPECT_DOUBLE_EQ(*r[0].meta.wavelength_angstrom, 1.78897);  // Co Kα1
  EXPECT_DOUBLE_EQ(*r[0].meta.time_per_step_s, 2.5);
  EXPECT_DOUBLE_EQ(*r[0].meta.two_theta_step_deg, 0.1);
  EXPECT_TRUE(r[0].meta.warnings.empty());
}

TEST(IoBrukerBrml, WithoutDataViewsTheUsualLayoutIsTakenWithAWarning) {
  const std::string datums =
      "      <Datum>2.5,1,20,10,100</Datum>\n      <Datum>2.5,1,20.1,10.05,110</Datum>\n"
      "      <Datum>2.5,1,20.2,10.1,90</Datum>\n";
  const auto r = solyte::io::read_measurements_from_bytes(
      make_zip({{"Experiment0/RawData0.xml", raw_data(datums, false)}}), "n.brml");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(values(r[0], Quantity::two_theta), (std::vector<double>{20, 20.1, 20.2}));
  EXPECT_EQ(values(r[0], Quantity::intensity), (std::vector<double>{100, 110, 90}));
  ASSERT_EQ(r[0].meta.warnings.size(), 1u);
  EXPECT_NE(r[0].meta.warnings[0].find("DataViews"), std::string::npos);
}

TEST(IoBrukerBrml, DamagedPartsNameThePartAndLine) {
  const std::string datums =
      "      <Datum>2.5,10,20,100</Datum>\n      <Datum>2.5,10.05,x,110</Datum>\n";
  auto e = solyte::test::parse_error_of([&] {
    solyte::io::read_measurements_from_bytes(
        make_zip({{"Experiment0/RawData0.xml", raw_data(datums, true)}}), "d.brml");
  });
  EXPECT_NE(e.expected().find("Experiment0/RawData0.xml:12"), std::string::npos) << e.what();
  // Truncated XML.
  const std::string half = raw_data(datums, true).substr(0, 300);
  e = solyte::test::parse_error_of([&] {
    solyte::io::read_measurements_from_bytes(make_zip({{"Experiment0/RawData0.xml", half}}),
                                             "h.brml");
  });
  EXPECT_NE(e.expected().find("well-formed XML"), std::string::npos) << e.what();
  // A truncated archive.
  const std::string z = make_zip({{"Experiment0/RawData0.xml", raw_data("", true)}});
  e = solyte::test::parse_error_of(
      [&] { solyte::io::read_measurements_from_bytes(z.substr(0, z.size() - 30), "t.brml"); });
  EXPECT_NE(e.expected().find("zip"), std::string::npos) << e.what();
}

TEST(IoBrukerBrml, CorpusFiles) {
  const auto path = solyte::test::shared_data("xrd/chemotion_brml/File062.brml");
  SOLYTE_REQUIRE_SHARED(path);
  // INVENTORY.md: 9788 data points. Its data container also lists a RawData1.xml that the
  // archive does not hold.
  auto r = read_shared("xrd/chemotion_brml/File062.brml");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].size(), 9788u);
  EXPECT_EQ(r[0].meta.sample, "Corundum Std Bruker");
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::two_theta).front(), 5.0);
  EXPECT_EQ(values(r[0], Quantity::intensity).front(), 9);  // first <Datum>: 19.2,1,5,2.5,9
  ASSERT_EQ(r[0].meta.warnings.size(), 1u);
  EXPECT_NE(r[0].meta.warnings[0].find("RawData1.xml"), std::string::npos);
  r = read_shared("xrd/xrdconversion_SbI3/SbI3.brml");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].size(), 1399u);
  EXPECT_DOUBLE_EQ(*r[0].meta.wavelength_angstrom, 1.5406);
  EXPECT_DOUBLE_EQ(*r[0].meta.wavelength2_angstrom, 1.54439);
  EXPECT_NEAR(*r[0].meta.time_per_step_s, 76.8, 1e-9);
}

TEST(IoBrukerBrml, SbI3FourExportsAgree) {
  const auto path = solyte::test::shared_data("xrd/xrdconversion_SbI3/SbI3.brml");
  SOLYTE_REQUIRE_SHARED(path);
  const auto brml = read_shared("xrd/xrdconversion_SbI3/SbI3.brml").front();
  const auto raw = read_shared("xrd/xrdconversion_SbI3/SbI3.raw").front();
  const auto xye = read_shared("xrd/xrdconversion_SbI3/SbI3.xye").front();
  const auto xy = read_shared("xrd/xrdconversion_SbI3/SbI3.xy").front();
  // The .brml writes 2θ with 4 decimals; the RAW4.00 has start + i·step exactly.
  expect_same_points(
      brml, raw, Quantity::two_theta, [](std::size_t) { return 5e-5 + 1e-12; }, 1.0, 0.0);
  // The .xye repeats the .brml's 2θ and counts, and its esd is √counts.
  expect_same_points(
      brml, xye, Quantity::two_theta, [](std::size_t) { return 1e-9; }, 1.0, 0.0);
  const auto& counts = values(xye, Quantity::intensity);
  const auto& esd = values(xye, Quantity::intensity_sigma);
  ASSERT_EQ(esd.size(), counts.size());
  for (std::size_t i = 0; i < esd.size(); ++i) EXPECT_NEAR(esd[i], std::sqrt(counts[i]), 1e-6);
  // The .xy holds count rates: counts / 76.8 s (the effective time per step of the .brml),
  // written with 3 decimals, so within 0.0005 × 76.8 of the counts. Its 2θ, also written with
  // 4 decimals but from its own arithmetic, differs from the .brml's by one unit of the last
  // decimal at 9 of the 1399 points (25.9475 for 25.9474).
  const double t = *brml.meta.time_per_step_s;
  expect_same_points(
      xy, brml, Quantity::two_theta, [](std::size_t) { return 1e-4 + 1e-9; }, t, 0.0005 * t + 1e-9);
}

}  // namespace
