// Raman/IR text, OPUS .dpt and NETZSCH Proteus exports (src/io/xy_spectrum.cpp, opus_dpt.cpp,
// netzsch_csv.cpp): layouts written in the test, the technique inference, and the corpus files
// with values from INVENTORY.md and the files.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "pattern_support.hpp"

namespace {

using solyte::Quantity;
using solyte::Technique;
using solyte::test::read_shared;
using solyte::test::values;

std::string spectrum(double from, double to, int n, const char* format) {
  std::string s;
  char buf[64];
  for (int i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, format, from + (to - from) * i / (n - 1), 0.5 + 0.001 * i);
    s += buf;
  }
  return s;
}

TEST(IoSpectra, TechniqueIsInferredWithAWarningUnlessStated) {
  // From 100 cm⁻¹: below any mid-IR detector, so Raman.
  auto r =
      solyte::io::read_measurements_from_bytes(spectrum(100, 4000, 60, "%.2f\t%.4f\n"), "a.txt");
  EXPECT_EQ(r[0].meta.format, "xy-spectrum");
  EXPECT_EQ(r[0].meta.technique, Technique::raman);
  ASSERT_FALSE(r[0].meta.warnings.empty());
  EXPECT_NE(r[0].meta.warnings[0].find("does not say"), std::string::npos);
  // From 600 cm⁻¹: infrared.
  r = solyte::io::read_measurements_from_bytes(spectrum(600, 4000, 60, "%.2f\t%.4f\n"), "b.txt");
  EXPECT_EQ(r[0].meta.technique, Technique::infrared);
  // The caller's word wins, without a warning.
  r = solyte::io::read_measurements_from_bytes(spectrum(600, 4000, 60, "%.2f\t%.4f\n"), "c.txt",
                                               {.technique = Technique::raman});
  EXPECT_EQ(r[0].meta.technique, Technique::raman);
  EXPECT_TRUE(r[0].meta.warnings.empty());
  // WiRE's header says Raman.
  r = solyte::io::read_measurements_from_bytes(
      "#Wave\t\t#Intensity\n" + spectrum(1300, 200, 40, "%.6f\t%.6f\n"), "w.txt");
  EXPECT_EQ(r[0].meta.technique, Technique::raman);
  EXPECT_TRUE(r[0].meta.warnings.empty());
}

TEST(IoSpectra, OpusDataPointTable) {
  const auto r =
      solyte::io::read_measurements_from_bytes(spectrum(3998, 400, 80, "%.5f,%.5f\n"), "s.dpt");
  EXPECT_EQ(r[0].meta.format, "opus-dpt");
  EXPECT_EQ(r[0].meta.technique, Technique::infrared);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::wavenumber).front(), 3998.0);
  std::string damaged = spectrum(3998, 400, 80, "%.5f,%.5f\n");
  damaged.insert(damaged.find("\n", 200) + 1, "3900.1,abc\n");
  const auto e = solyte::test::parse_error_of(
      [&] { solyte::io::read_measurements_from_bytes(damaged, "d.dpt"); });
  EXPECT_EQ(e.column(), 2u) << e.what();
}

TEST(IoSpectra, CorpusSpectra) {
  const auto dpt = solyte::test::shared_data("raman_ir_dsc/chemotion_ir_bruker/SCH-176.0.dpt");
  SOLYTE_REQUIRE_SHARED(dpt);
  // INVENTORY.md: IR, 400–3998 cm⁻¹, 1757 points, transmittance-like 0.55–0.99.
  auto r = read_shared("raman_ir_dsc/chemotion_ir_bruker/SCH-176.0.dpt");
  EXPECT_EQ(r[0].meta.technique, Technique::infrared);
  EXPECT_EQ(r[0].size(), 1757u);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::wavenumber).front(), 3997.84587);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::intensity).back(), 0.84423);
  const auto& t = values(r[0], Quantity::intensity);
  EXPECT_NEAR(*std::min_element(t.begin(), t.end()), 0.55, 0.01);
  // INVENTORY.md: Raman of PD-01-02, 199–1298 cm⁻¹, 923 points (WiRE export).
  r = read_shared("raman_ir_dsc/chemotion_raman/PD-01-02_Average_1.txt");
  EXPECT_EQ(r[0].meta.technique, Technique::raman);
  EXPECT_EQ(r[0].size(), 923u);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::wavenumber).front(), 1298.302734);
  // rampy's glass spectra, headerless, from 24.7 and 100 cm⁻¹ to 4000: Raman by the rule.
  r = read_shared("raman_ir_dsc/rampy_glass_raman/ac8014.txt");
  EXPECT_EQ(r[0].meta.technique, Technique::raman);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::wavenumber).front(), 24.7175);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::wavenumber).back(), 4000.03);
  r = read_shared("raman_ir_dsc/rampy_glass_raman/Som-13-17.txt");
  EXPECT_EQ(r[0].meta.technique, Technique::raman);
  EXPECT_EQ(r[0].size(), 1929u);  // one point per line
}

TEST(IoNetzsch, HeaderColumnsAndProgramme) {
  const std::string text =
      "#EXPORTTYPE:   ;DATA SINGLE\n#DECIMAL:   ;COMMA\n#SEPARATOR:  ;SEMICOLON\n"
      "#MTYPE:  ;DSC\n#SAMPLE:  ;X\n#SAMPLE MASS /mg:  ;5,21\n#EXO:  ;+1\n"
      "#RANGE:  ;100\xC2\xB0"
      "C/5,0(K/min)/20\xC2\xB0"
      "C\n\n"
      "##Temp./\xC2\xB0"
      "C;Time/min;DSC/mW\n100,0;0,0;0,5\n99,0;0,2;0,25\n";
  const auto r = solyte::io::read_measurements_from_bytes(text, "n.csv");
  ASSERT_EQ(r.size(), 1u);
  const auto& m = r[0];
  EXPECT_EQ(m.meta.format, "netzsch-csv");
  EXPECT_EQ(m.meta.technique, Technique::dsc);
  EXPECT_DOUBLE_EQ(values(m, Quantity::temperature)[1], 99.0 + 273.15);
  EXPECT_DOUBLE_EQ(values(m, Quantity::time)[1], 12.0);
  EXPECT_DOUBLE_EQ(values(m, Quantity::heat_flow)[0], 0.5e-3);
  EXPECT_DOUBLE_EQ(*m.meta.sample_mass_kg, 5.21e-6);
  EXPECT_TRUE(*m.meta.exo_up);
  EXPECT_DOUBLE_EQ(*m.meta.heating_rate_k_per_s, -5.0 / 60.0);  // cooling 100 → 20 °C
  EXPECT_EQ(m.meta.run, solyte::ThermalRun::cooling);
  const auto e = solyte::test::parse_error_of([&] {
    std::string bad = text;
    bad.replace(bad.find("0,25"), 4, "0,2x");
    solyte::io::read_measurements_from_bytes(bad, "b.csv");
  });
  EXPECT_EQ(e.line(), 12u);
  EXPECT_EQ(e.column(), 3u);
}

TEST(IoNetzsch, CorpusExportsAndTheBinaryFile) {
  const auto csv =
      solyte::test::shared_data("raman_ir_dsc/chemotion_dsc_netzsch/ExpDat_SB_175-5-4.csv");
  SOLYTE_REQUIRE_SHARED(csv);
  // INVENTORY.md: SB 175-5, 6.4 mg, −80 → 200 °C at 10 K/min, 141 points.
  auto r = read_shared("raman_ir_dsc/chemotion_dsc_netzsch/ExpDat_SB_175-5-4.csv");
  EXPECT_EQ(r[0].size(), 141u);
  EXPECT_DOUBLE_EQ(*r[0].meta.sample_mass_kg, 6.4e-6);
  EXPECT_DOUBLE_EQ(*r[0].meta.heating_rate_k_per_s, 10.0 / 60.0);
  EXPECT_FALSE(*r[0].meta.exo_up);  // #EXO: -1
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::temperature).front(), -63.0 + 273.15);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::specific_heat_flow).front(), 0.11677);  // mW/mg = W/g
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::time).front(), 45.52937 * 60);
  // SCH-179: 5.21 mg, −50 → 100 °C, 151 points.
  r = read_shared("raman_ir_dsc/chemotion_dsc_netzsch/ExpDat_SCH-179-3.csv");
  EXPECT_EQ(r[0].size(), 151u);
  EXPECT_DOUBLE_EQ(*r[0].meta.sample_mass_kg, 5.21e-6);
  EXPECT_TRUE(*r[0].meta.exo_up);  // #EXO: +1
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::specific_heat_flow)[2], 7.571247e-02);
  // The Proteus binary is recognised and refused with advice.
  const auto e = solyte::test::parse_error_of(
      [] { read_shared("raman_ir_dsc/chemotion_dsc_netzsch/SCH-179-3.ngb-odg"); });
  EXPECT_NE(e.expected().find("NETZSCH Proteus binary"), std::string::npos) << e.what();
}

}  // namespace
