// The front door for every technique (io/read_measurements.hpp) and the generic table reader:
// column names to quantities and units, technique guesses, and agreement with read_spectra
// on impedance files.
#include <gtest/gtest.h>

#include "io/quantity_names.hpp"
#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "test_support.hpp"

namespace {

using solyte::Quantity;
using solyte::Technique;
using solyte::io::detail::identify_quantity;
using solyte::io::detail::split_name_unit;

TEST(IoQuantityNames, SplitsNameAndUnit) {
  EXPECT_EQ(split_name_unit("Ewe/V").first, "Ewe");
  EXPECT_EQ(split_name_unit("Ewe/V").second, "V");
  EXPECT_EQ(split_name_unit("DSC/(mW/mg)").second, "mW/mg");
  EXPECT_EQ(split_name_unit("Temp. [°C]").first, "Temp.");
  EXPECT_EQ(split_name_unit("Temp. [°C]").second, "°C");
  EXPECT_EQ(split_name_unit("WE(1).Current (A)").first, "WE(1).Current");
  EXPECT_EQ(split_name_unit("(Q-Qo)/mA.h").first, "(Q-Qo)");
  EXPECT_EQ(split_name_unit("(Q-Qo)/mA.h").second, "mA.h");
  EXPECT_EQ(split_name_unit("Intensity").second, "");
}

TEST(IoQuantityNames, ConvertsToLibraryUnits) {
  auto m = identify_quantity("<I>/mA");
  EXPECT_EQ(m.quantity, Quantity::current);
  EXPECT_DOUBLE_EQ(m.scale, 1e-3);
  m = identify_quantity("(Q-Qo)/mA.h");
  EXPECT_EQ(m.quantity, Quantity::charge);
  EXPECT_DOUBLE_EQ(m.scale, 3.6);  // 1 mAh = 3.6 C
  m = identify_quantity("Temp./°C");
  EXPECT_EQ(m.quantity, Quantity::temperature);
  EXPECT_DOUBLE_EQ(m.offset, 273.15);
  m = identify_quantity("Time/min");
  EXPECT_EQ(m.quantity, Quantity::time);
  EXPECT_DOUBLE_EQ(m.scale, 60.0);
  EXPECT_EQ(identify_quantity("DSC/(mW/mg)").quantity, Quantity::specific_heat_flow);
  EXPECT_EQ(identify_quantity("2Theta").quantity, Quantity::two_theta);
  EXPECT_EQ(identify_quantity("T/K").quantity, Quantity::temperature);
  EXPECT_EQ(identify_quantity("T/s").quantity, Quantity::time);
  EXPECT_EQ(identify_quantity("freq/Hz").quantity, Quantity::frequency);
  EXPECT_EQ(identify_quantity("-Im(Z)/Ohm").quantity, Quantity::z_imag);
  EXPECT_DOUBLE_EQ(identify_quantity("-Im(Z)/Ohm").scale, -1.0);
  EXPECT_EQ(identify_quantity("Colour").quantity, Quantity::other);
}

TEST(IoMeasurements, ReadsNamedColumnsInLibraryUnits) {
  const std::string text =
      "# operator: A. Person\n"
      "time/s\tEwe/V\t<I>/mA\tcycle number\n"
      "0\t3.0\t0.10\t1\n"
      "1\t3.1\t0.10\t1\n"
      "2\t3.2\t0.10\t2\n";
  const auto records = solyte::io::read_measurements_from_bytes(text, "cv.txt");
  ASSERT_EQ(records.size(), 1u);
  const auto& m = records[0];
  EXPECT_EQ(m.meta.format, "delimited");
  EXPECT_EQ(m.size(), 3u);
  EXPECT_DOUBLE_EQ(m.require(Quantity::current).values[0], 1e-4);
  EXPECT_DOUBLE_EQ(m.require(Quantity::potential).values[2], 3.2);
  EXPECT_EQ(m.require(Quantity::cycle).values[2], 2.0);
  EXPECT_EQ(m.require(Quantity::current).source_name, "<I>/mA");
  ASSERT_EQ(m.meta.header.size(), 1u);
  EXPECT_EQ(m.meta.header[0].first, "operator");
  EXPECT_THROW(m.require(Quantity::two_theta), solyte::InvalidArgument);
}

TEST(IoMeasurements, TwoUnnamedColumnsAreKeptWithAWarning) {
  const auto r = solyte::io::read_measurements_from_bytes("1 10\n2 20\n3 30\n", "xy.txt");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].columns.size(), 2u);
  EXPECT_EQ(r[0].columns[0].quantity, Quantity::other);
  EXPECT_EQ(r[0].columns[0].name, "column 1");
  EXPECT_FALSE(r[0].meta.warnings.empty());
}

TEST(IoMeasurements, DamagedRowNamesLineAndField) {
  try {
    solyte::io::read_measurements_from_bytes("2theta,intensity\n10,5\n11,x\n12,7\n", "p.csv");
    FAIL() << "expected a ParseError";
  } catch (const solyte::ParseError& e) {
    EXPECT_EQ(e.line(), 3u);
    EXPECT_EQ(e.column(), 2u);
  }
}

TEST(IoMeasurements, ImpedanceFilesAgreeWithReadSpectra) {
  const auto path = solyte::test::test_data("io/delimited/exampleData.csv");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "fixture absent: " << path;
  const auto spectra = solyte::io::read_spectra(path.string());
  const auto records = solyte::io::read_measurements(path.string());
  ASSERT_EQ(records.size(), spectra.size());
  const auto& f = records[0].require(Quantity::frequency).values;
  const auto& zi = records[0].require(Quantity::z_imag).values;
  ASSERT_EQ(f.size(), spectra[0].size());
  for (std::size_t i = 0; i < f.size(); ++i) {
    EXPECT_EQ(f[i], spectra[0].frequency_hz[i]);
    EXPECT_EQ(zi[i], spectra[0].impedance_ohm[i].imag());
  }
  EXPECT_EQ(records[0].meta.technique, Technique::impedance);
}

TEST(IoMeasurements, RealRamanAndPatternFiles) {
  const auto raman = solyte::test::shared_data("raman_ir_dsc/chemotion_raman/PD-01-02_Average_1.txt");
  SOLYTE_REQUIRE_SHARED(raman);
  auto r = solyte::io::read_measurements(raman.string());
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].size(), 923u);  // INVENTORY.md: 923 points

  const auto xye = solyte::test::shared_data("xrd/xrdconversion_SbI3/SbI3.xye");
  r = solyte::io::read_measurements(xye.string());
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].meta.technique, Technique::diffraction);
  EXPECT_EQ(r[0].size(), 1399u);  // INVENTORY.md: 1399 points
  EXPECT_TRUE(r[0].has(Quantity::intensity_sigma));
}

}  // namespace
