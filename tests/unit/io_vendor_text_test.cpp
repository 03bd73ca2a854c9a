// Gamry .DTA, ZPlot/Z60W, Parstat, VersaStudio, Metrohm NOVA and Autolab .dfr readers on the
// corpus. Point counts and values are those of the files' own rows (awk, counted per table).
#include <gtest/gtest.h>

#include <string>

#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "solyte/io/read_spectra.hpp"
#include "test_support.hpp"

using solyte::Quantity;
using solyte::Technique;
using solyte::io::read_measurements;
using solyte::io::read_measurements_from_bytes;
using solyte::test::shared_data;

TEST(IoGamryDta, CyclicVoltammetryCurvesBecomeOneRecordWithACycleColumn) {
  const auto path = shared_data("cv_lsv_gcpl/chemotion_gamry_cv/DHM-15-CV-Demo.DTA");
  SOLYTE_REQUIRE_SHARED(path);
  const auto v = read_measurements(path.string());
  ASSERT_EQ(v.size(), 1u);
  const auto& m = v[0];
  EXPECT_EQ(m.meta.format, "gamry-dta");
  EXPECT_EQ(m.meta.technique, Technique::cyclic_voltammetry);
  EXPECT_EQ(m.size(), 401u + 400u + 400u + 1u);  // CURVE1..CURVE4 rows
  const auto& cycle = m.require(Quantity::cycle).values;
  EXPECT_EQ(cycle.front(), 1.0);
  EXPECT_EQ(cycle[401], 2.0);
  EXPECT_EQ(cycle.back(), 4.0);
  // Row 1: "0  0,05  2,99932E-001  2,96077E-006 …" (decimal comma)
  EXPECT_DOUBLE_EQ(m.require(Quantity::time).values[0], 0.05);
  EXPECT_DOUBLE_EQ(m.require(Quantity::potential).values[0], 0.299932);
  EXPECT_DOUBLE_EQ(m.require(Quantity::current).values[0], 2.96077e-6);
  ASSERT_TRUE(m.meta.electrode_area_m2);
  EXPECT_DOUBLE_EQ(*m.meta.electrode_area_m2, 7.85e-3 * 1e-4);  // AREA 7,85000E-003 cm²
}

TEST(IoGamryDta, AbortedImpedanceRun) {
  const auto path = shared_data("eis_software_fixtures/impedancepy/exampleDataGamryABORT.DTA");
  SOLYTE_REQUIRE_SHARED(path);
  const auto v = read_measurements(path.string());
  ASSERT_EQ(v.size(), 3u);  // OCVCURVE, ZCURVE, FRACURVE
  EXPECT_EQ(v[0].meta.technique, Technique::open_circuit);
  EXPECT_EQ(v[1].meta.technique, Technique::impedance);
  EXPECT_EQ(v[1].size(), 72u);
  bool warned = false;
  for (const auto& w : v[1].meta.warnings)
    warned = warned || w.find("aborted") != std::string::npos;
  EXPECT_TRUE(warned);
  const auto s = solyte::io::read_spectra(path.string());
  ASSERT_EQ(s.size(), 1u);
  EXPECT_DOUBLE_EQ(s[0].frequency_hz[0], 200015.6);
  EXPECT_EQ(s[0].impedance_ohm[0], std::complex<double>(825.8584, -1367.239));
}

TEST(IoGamryDta, DamageNamesTheLine) {
  const std::string head =
      "EXPLAIN\nTAG\tEISPOT\nZCURVE\tTABLE\n\tPt\tFreq\tZreal\tZimag\n\t#\tHz\tohm\tohm\n";
  try {
    read_measurements_from_bytes(head + "\t0\t1000\t1\t-1\n\t1\t100\tx\t-2\n", "d.DTA");
    ADD_FAILURE();
  } catch (const solyte::ParseError& e) {
    EXPECT_EQ(e.line(), 7u);
    EXPECT_NE(std::string(e.what()).find("Zreal"), std::string::npos) << e.what();
  }
}

TEST(IoZplot, CommentBlockAndDataFileLayouts) {
  const auto dir = shared_data("eis_software_fixtures/impedancepy");
  SOLYTE_REQUIRE_SHARED(dir / "exampleDataZPlot.z");
  const auto z = read_measurements((dir / "exampleDataZPlot.z").string());
  ASSERT_EQ(z.size(), 1u);
  EXPECT_EQ(z[0].meta.format, "zplot");
  EXPECT_EQ(z[0].size(), 21u);  // rows after "End Comments"
  EXPECT_DOUBLE_EQ(z[0].require(Quantity::z_imag).values[0], -1.1335e1);
  // ZPlotW layout, quoted header; the file says 79 points but holds 31.
  const auto w = read_measurements((dir / "exampleDataZPlot_noComments.z").string());
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].size(), 31u);
  EXPECT_DOUBLE_EQ(w[0].require(Quantity::z_real).values[0], 6.4262e2);
  ASSERT_FALSE(w[0].meta.warnings.empty());
  // Autolab's Z60W export: the same layout.
  const auto a = read_measurements((dir / "exampleDataAutolab.txt").string());
  EXPECT_EQ(a[0].meta.format, "zplot");
  EXPECT_EQ(a[0].size(), 41u);
  // A ZPLOT2 file whose comment block names no columns: the ZPlot layout is assumed, so
  // Ampl and Bias are not taken for Z' and Z''.
  const std::string bare =
      "ZPLOT2 ASCII\nEnd Comments\n1e3\t0.01\t0\t1\t10\t-1\t0\t0\t0\n"
      "1e2\t0.01\t0\t2\t20\t-2\t0\t0\t0\n1e1\t0.01\t0\t3\t30\t-3\t0\t0\t0\n";
  const auto b = solyte::io::read_spectra_from_bytes(bare, "bare.z");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].impedance_ohm[1], std::complex<double>(20, -2));
}

TEST(IoParstat, ImpedanceRowsApartFromDcRows) {
  const auto path = shared_data("eis_vendor_formats/impedancepy/exampleDataParstat.txt");
  SOLYTE_REQUIRE_SHARED(path);
  const auto v = read_measurements(path.string());
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].meta.technique, Technique::impedance);
  EXPECT_EQ(v[0].size(), 31u);   // rows with Frequency (Hz) > 0 (awk)
  EXPECT_EQ(v[1].size(), 781u);  // rows with frequency 0
  ASSERT_FALSE(v[0].meta.warnings.empty());
  const auto s = solyte::io::read_spectra(path.string());
  ASSERT_EQ(s.size(), 1u);
  EXPECT_DOUBLE_EQ(s[0].frequency_hz[0], 10000);
  EXPECT_DOUBLE_EQ(s[0].impedance_ohm[0].imag(), 0.0175143479976367);
}

TEST(IoVersaStudio, ImpedanceSegment) {
  const auto path = shared_data("eis_vendor_formats/impedancepy/exampleDataVersaStudio.par");
  SOLYTE_REQUIRE_SHARED(path);
  const auto s = solyte::io::read_spectra(path.string());
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].size(), 61u);
  EXPECT_DOUBLE_EQ(s[0].frequency_hz[0], 100000);
  EXPECT_EQ(s[0].impedance_ohm[0], std::complex<double>(55.31571, 4.575431));
  EXPECT_EQ(s[0].meta.technique_name, "Potentiostatic EIS");
}

TEST(IoMetrohmNova, MeasuredPotentialIsPreferred) {
  const auto path = shared_data("cv_lsv_gcpl/chemotion_metrohm_cv/Cu_TMG2cHexqu_2_PF6.txt");
  SOLYTE_REQUIRE_SHARED(path);
  const auto v = read_measurements(path.string());
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].meta.technique, Technique::cyclic_voltammetry);
  EXPECT_EQ(v[0].size(), 506u);
  EXPECT_EQ(v[0].require(Quantity::potential).source_name, "WE(1).Potential (V)");
  EXPECT_DOUBLE_EQ(v[0].require(Quantity::potential).values[0], 0.3033447265625);
  EXPECT_DOUBLE_EQ(v[0].require(Quantity::current).values[0], -4.32098388671875E-07);
  EXPECT_EQ(v[0].require(Quantity::cycle).values[0], 3.0);
}
