// EC-Lab binary files (.mpr): every file of the corpus against its .mpt export, point by
// point; the empty data module; unknown column IDs; damage. The .mpr/.mpt pairs are
// GPL-3.0 (yadg) and AGPL-3.0 (chemotion), read from ../shared/data.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <string>

#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "solyte/io/read_spectra.hpp"
#include "test_support.hpp"

using solyte::Measurement;
using solyte::ParseError;
using solyte::Quantity;
using solyte::Technique;
using solyte::io::read_measurements;
using solyte::io::read_measurements_from_bytes;
using solyte::test::shared_data;

namespace {

std::string bytes_of(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The .mpt prints a float32 with 8 significant digits (rounding ≤ 5e-8 relative) and the
// float itself carries 6e-8: 2e-7 relative bounds both. Values near zero are compared
// against the column's scale, since the export rounds each to 8 digits of its own exponent
// only down to its last printed digit.
void expect_same_column(const solyte::Column& a, const solyte::Column& b, const std::string& what) {
  ASSERT_EQ(a.values.size(), b.values.size()) << what;
  double scale = 0;
  for (double v : b.values) scale = std::max(scale, std::abs(v));
  for (std::size_t i = 0; i < a.values.size(); ++i) {
    const double x = a.values[i], y = b.values[i];
    const double tol = 2e-7 * std::max(std::abs(x), std::abs(y)) + 1e-12 * scale + 1e-300;
    if (!(std::abs(x - y) <= tol)) {
      ADD_FAILURE() << what << " column " << a.source_name << " row " << i + 1 << ": mpr " << x
                    << " vs mpt " << y;
      return;
    }
  }
}

// The harmonic analysis of the impedance techniques (THD, NSD, NSR, |Ewe hN|, |I hN|): the
// export of the issue_149 files writes -1 and 0 ("not computed") in rows where the binary
// holds values, so the two files do not hold the same numbers there.
bool harmonic_analysis(const std::string& name) {
  for (const char* prefix : {"THD ", "NSD ", "NSR ", "|Ewe h", "|I h", "|Ece h"})
    if (name.rfind(prefix, 0) == 0) return true;
  return false;
}

// Every column of the .mpr is in the .mpt (which adds columns EC-Lab computes on export)
// with the same numbers; a column is found by its name, or by its quantity where EC-Lab
// renamed it between versions (P/W ↔ Pwe/W). Returns how many columns were compared.
std::size_t expect_pair(const std::filesystem::path& mpr, const std::filesystem::path& mpt) {
  const auto a = read_measurements(mpr.string());
  const auto b = read_measurements(mpt.string());
  EXPECT_EQ(a.size(), b.size()) << mpr;
  std::size_t compared = 0;
  for (std::size_t r = 0; r < std::min(a.size(), b.size()); ++r) {
    EXPECT_EQ(a[r].meta.technique, b[r].meta.technique);
    EXPECT_EQ(a[r].meta.format, "biologic-mpr");
    EXPECT_EQ(b[r].meta.format, "biologic-mpt");
    EXPECT_EQ(a[r].size(), b[r].size()) << mpr << " record " << r;
    for (const auto& col : a[r].columns) {
      const solyte::Column* other = nullptr;
      for (const auto& c : b[r].columns)
        if (c.source_name == col.source_name) other = &c;
      if (!other && col.quantity != Quantity::other) other = b[r].find(col.quantity);
      if (harmonic_analysis(col.source_name)) continue;
      if (!other) {
        ADD_FAILURE() << mpr.filename() << ": column " << col.source_name << " not in the .mpt";
        continue;
      }
      EXPECT_EQ(col.quantity, other->quantity) << col.source_name;
      expect_same_column(col, *other, mpr.filename().string());
      ++compared;
    }
  }
  return compared;
}

}  // namespace

TEST(IoBiologicMpr, PairsAgreePointByPoint) {
  struct Pair {
    const char* stem;
    Technique technique;
    std::size_t records, points;  // points of the first record (counted in the .mpt with awk)
  };
  const Pair pairs[] = {
      {"cv_lsv_gcpl/yadg_eclab/cv", Technique::cyclic_voltammetry, 1, 5103},  // data module v2
      {"cv_lsv_gcpl/yadg_eclab/lsv", Technique::linear_sweep, 1, 1186},       // v3
      {"cv_lsv_gcpl/yadg_eclab/cp", Technique::chronopotentiometry, 1, 121},  // v3
      {"cv_lsv_gcpl/yadg_eclab/gcpl.issue_149", Technique::galvanostatic, 1, 132},    // v11
      {"eis_vendor_formats/yadg_eclab/peis", Technique::impedance, 1, 32},            // v3
      {"eis_vendor_formats/yadg_eclab/peis.issue_149", Technique::impedance, 4, 21},  // v11
      {"eis_vendor_formats/yadg_eclab/geis.issue_149", Technique::impedance, 4, 21},  // v11
      {"eis_vendor_formats/yadg_eclab/peis.issue_225.with_ece", Technique::impedance, 1, 32},
  };
  for (const Pair& p : pairs) {
    SCOPED_TRACE(p.stem);
    const auto mpr = shared_data(std::string(p.stem) + ".mpr");
    const auto mpt = shared_data(std::string(p.stem) + ".mpt");
    SOLYTE_REQUIRE_SHARED(mpr);
    const auto records = read_measurements(mpr.string());
    ASSERT_EQ(records.size(), p.records);
    EXPECT_EQ(records[0].size(), p.points);
    EXPECT_EQ(records[0].meta.technique, p.technique);
    EXPECT_GE(expect_pair(mpr, mpt), 10u);
  }
}

TEST(IoBiologicMpr, SpotValuesAndSpectra) {
  const auto cv = shared_data("cv_lsv_gcpl/yadg_eclab/cv.mpr");
  SOLYTE_REQUIRE_SHARED(cv);
  const Measurement m = read_measurements(cv.string()).at(0);
  EXPECT_EQ(m.meta.technique_name, "CV");
  // cv.mpt row 1: time/s 1.727473497390747E+000 (f8), Ewe/V 1.5011302E+000, <I>/mA 8.9999E-004
  // is checked through the pair test; here the unit conversion: <I>/mA → A.
  const auto& i = m.require(Quantity::current);
  EXPECT_EQ(i.source_name, "<I>/mA");
  EXPECT_EQ(i.unit, "A");
  EXPECT_EQ(m.require(Quantity::potential).source_name, "Ewe/V");
  // cv.mpt "cycle number" (awk: 3778 rows of 1, then 1325 of 2).
  EXPECT_EQ(m.require(Quantity::cycle).values.back(), 2.0);
  EXPECT_EQ(m.require(Quantity::cycle).values[3777], 1.0);
  EXPECT_EQ(m.require(Quantity::cycle).values[3778], 2.0);

  // Impedance through read_spectra, same as the text export.
  const auto peis = shared_data("eis_vendor_formats/yadg_eclab/peis.issue_149.mpr");
  SOLYTE_REQUIRE_SHARED(peis);
  const auto a = solyte::io::read_spectra(peis.string());
  const auto b = solyte::io::read_spectra(
      shared_data("eis_vendor_formats/yadg_eclab/peis.issue_149.mpt").string());
  ASSERT_EQ(a.size(), 4u);
  ASSERT_EQ(b.size(), 4u);
  for (std::size_t k = 0; k < a.size(); ++k) {
    ASSERT_EQ(a[k].size(), b[k].size());
    EXPECT_EQ(a[k].meta.format, "biologic-mpr");
    for (std::size_t j = 0; j < a[k].size(); ++j) {
      EXPECT_NEAR(a[k].frequency_hz[j], b[k].frequency_hz[j], 2e-7 * b[k].frequency_hz[j]);
      EXPECT_NEAR(a[k].impedance_ohm[j].imag(), b[k].impedance_ohm[j].imag(),
                  2e-7 * std::abs(b[k].impedance_ohm[j]));
    }
  }
}

TEST(IoBiologicMpr, EmptyDataModuleGivesAnEmptyRecordWithAWarning) {
  const auto path =
      shared_data("eis_vendor_formats/edge_cases_empty_mpr/CHD048_CHD050_60C_C01.mpr");
  SOLYTE_REQUIRE_SHARED(path);
  const auto v = read_measurements(path.string());
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].size(), 0u);
  EXPECT_EQ(v[0].meta.technique, Technique::impedance);
  ASSERT_FALSE(v[0].meta.warnings.empty());
  EXPECT_NE(v[0].meta.warnings[0].find("no points"), std::string::npos);
  // read_spectra has no spectrum to give: a clear error, not a crash.
  try {
    solyte::io::read_spectra(path.string());
    ADD_FAILURE() << "no ParseError";
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("no points"), std::string::npos) << e.what();
  }
}

TEST(IoBiologicMpr, UnknownColumnIdIsSkippedWhenItsWidthFollows) {
  const auto path = shared_data("cv_lsv_gcpl/yadg_eclab/cv.mpr");
  SOLYTE_REQUIRE_SHARED(path);
  const std::string original = bytes_of(path);
  // cv.mpr: old module header (51 bytes), data module v2, IDs little-endian from byte 5:
  // 1 2 3 21 65 4 19 6 11 24 434; ID 11 (<I>/mA, float64) is the 9th.
  const std::size_t data = original.find("MODULEVMP data") + 6 + 51;
  const std::size_t id11 = data + 5 + 2 * 8;
  ASSERT_EQ(static_cast<unsigned char>(original[id11]), 11u);
  std::string m = original;
  m[id11] = static_cast<char>(0x0F);  // 9999 = 0x270F
  m[id11 + 1] = static_cast<char>(0x27);
  const auto read = read_measurements_from_bytes(m, "cv-unknown.mpr");
  ASSERT_EQ(read.size(), 1u);
  bool warned = false;
  for (const auto& w : read[0].meta.warnings)
    warned = warned || w == "unknown column ID 9999 (8 bytes) skipped";
  EXPECT_TRUE(warned);
  EXPECT_FALSE(read[0].has(Quantity::current));
  const auto good = read_measurements(path.string()).at(0);
  EXPECT_EQ(read[0].require(Quantity::cycle).values, good.require(Quantity::cycle).values);
  EXPECT_EQ(read[0].require(Quantity::potential).values, good.require(Quantity::potential).values);

  // Two unknown IDs apart from each other: their widths cannot be told apart.
  std::string two = m;
  const std::size_t id19 = data + 5 + 2 * 6;
  ASSERT_EQ(static_cast<unsigned char>(two[id19]), 19u);
  two[id19] = static_cast<char>(0x0E);
  two[id19 + 1] = static_cast<char>(0x27);
  try {
    read_measurements_from_bytes(two, "cv-two.mpr");
    ADD_FAILURE() << "no ParseError";
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("at byte " + std::to_string(data + 5)), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("9998"), std::string::npos) << e.what();
  }
}

TEST(IoBiologicMpr, TruncationNamesTheByteOffset) {
  const auto path = shared_data("eis_vendor_formats/yadg_eclab/geis.issue_149.mpr");
  SOLYTE_REQUIRE_SHARED(path);
  const std::string original = bytes_of(path);
  for (std::size_t cut : {std::size_t{30}, std::size_t{60}, std::size_t{3000}, std::size_t{9000},
                          original.size() - 1}) {
    try {
      read_measurements_from_bytes(original.substr(0, cut), "cut.mpr");
      ADD_FAILURE() << "no ParseError at " << cut;
    } catch (const ParseError& e) {
      EXPECT_EQ(e.file(), "cut.mpr");
      EXPECT_NE(std::string(e.what()).find("at byte "), std::string::npos) << e.what();
    }
  }
}
