// GSAS powder data and instrument files (src/io/gsas_powder.cpp, gsas_instrument.cpp): banks
// written in the test in each layout, and the corpus files with values read off them.
#include <gtest/gtest.h>

#include "pattern_support.hpp"
#include "solyte/io/gsas_instrument.hpp"

namespace {

using solyte::Quantity;
using solyte::test::read_shared;
using solyte::test::values;

TEST(IoGsas, StdBankIsOnCentidegreeSteps) {
  // 12 points in two records of 10 fixed 8-column fields; 2θ from 10° by 0.05°.
  const std::string text =
      "synthetic STD file\n"
      "BANK 1 12 2 CONST 1000.0 5.0 0 0 STD\n"
      "      10      20      30      40      50      60      70      80      90     100\n"
      "     110     120\n";
  const auto r = solyte::io::read_measurements_from_bytes(text, "s.gsas");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].meta.format, "gsas-powder");
  ASSERT_EQ(r[0].size(), 12u);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::two_theta)[0], 10.0);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::two_theta)[11], 10.0 + 11 * 0.05);
  EXPECT_EQ(values(r[0], Quantity::intensity)[11], 120);
  EXPECT_DOUBLE_EQ(*r[0].meta.two_theta_step_deg, 0.05);
  EXPECT_FALSE(r[0].has(Quantity::intensity_sigma));
}

TEST(IoGsas, EsdAndFxyeBanksCarryAnEsd) {
  const std::string esd =
      "ESD file\nBANK 1 3 1 CONST 2000 10 0 0 ESD\n"
      "    100.     10.    121.     11.    144.     12.\n";
  auto r = solyte::io::read_measurements_from_bytes(esd, "e.gsa");
  ASSERT_EQ(r[0].size(), 3u);
  EXPECT_EQ(values(r[0], Quantity::intensity_sigma), (std::vector<double>{10, 11, 12}));
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::two_theta)[2], 20.2);
  const std::string fxye =
      "FXYE file\n# Calibrated wavelength = 0.4\n# Temp (K) = 300\n"
      "BANK 1 3 3 CONS 50 0.1 0 0 FXYE\n 50 10 1\n 50.1 11 1.1\n 50.3 12 1.2\n";
  r = solyte::io::read_measurements_from_bytes(fxye, "f.fxye");
  EXPECT_EQ(values(r[0], Quantity::two_theta), (std::vector<double>{0.5, 0.501, 0.503}));
  EXPECT_DOUBLE_EQ(*r[0].meta.wavelength_angstrom, 0.4);
  EXPECT_DOUBLE_EQ(*r[0].meta.temperature_k, 300.0);
}

TEST(IoGsas, BadBanksAreParseErrors) {
  auto e = solyte::test::parse_error_of([] {
    solyte::io::read_measurements_from_bytes(
        "STD\nBANK 1 12 2 CONST 1000.0 5.0 0 0 STD\n      10      20      30\n", "t.gsas");
  });
  EXPECT_EQ(e.line(), 3u);
  EXPECT_NE(e.expected().find("truncated"), std::string::npos) << e.what();
  e = solyte::test::parse_error_of([] {
    solyte::io::read_measurements_from_bytes(
        "STD\nBANK 1 3 1 CONST 1000.0 5.0 0 0 STD\n      10     2x0      30\n", "x.gsas");
  });
  EXPECT_EQ(e.line(), 3u);
  EXPECT_EQ(e.column(), 11u);
  e = solyte::test::parse_error_of([] {
    solyte::io::read_measurements_from_bytes(
        "TOF\nBANK 1 3 1 TIME_MAP 1 0 0 0 STD\n      10      20      30\n", "tof.gsas");
  });
  EXPECT_NE(e.expected().find("time-of-flight"), std::string::npos) << e.what();
}

TEST(IoGsas, CorpusFiles) {
  const auto fxye = solyte::test::shared_data("xrd/gsas2_NAC_cubic/11BM_NAC.fxye");
  SOLYTE_REQUIRE_SHARED(fxye);
  // INVENTORY.md: 11-BM, λ = 0.413909 Å, 298 K, 59 498 points from 0.5°; the BANK line says
  // 59497, so a warning notes the difference.
  auto r = read_shared("xrd/gsas2_NAC_cubic/11BM_NAC.fxye");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].size(), 59498u);
  EXPECT_DOUBLE_EQ(*r[0].meta.wavelength_angstrom, 0.413909);
  EXPECT_DOUBLE_EQ(*r[0].meta.temperature_k, 298.0);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::two_theta).front(), 0.5);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::intensity).front(), 239.933);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::intensity_sigma).back(), 43.1);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::two_theta).back(), 59.9893);
  ASSERT_EQ(r[0].meta.warnings.size(), 1u);
  // INVENTORY.md: NIST 660c LaB6, 8378 points, 15–125° 2θ; BANK … CONST 1500.66 1.31303.
  r = read_shared("xrd/gsas2_LaB6_lab/NIST660CBI.gsas");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].size(), 8378u);
  EXPECT_DOUBLE_EQ(values(r[0], Quantity::two_theta).front(), 15.0066);
  EXPECT_NEAR(values(r[0], Quantity::two_theta).back(), 15.0066 + 8377 * 0.0131303, 1e-9);
  EXPECT_EQ(values(r[0], Quantity::intensity).front(), 2364);
  EXPECT_EQ(values(r[0], Quantity::intensity).back(), 370);
}

TEST(IoGsas, InstrumentFileGivesTheWavelength) {
  const auto prm = solyte::test::shared_data("xrd/gsas2_NAC_cubic/11bm_gsas.prm");
  SOLYTE_REQUIRE_SHARED(prm);
  // Not a measurement: the front door says so rather than reading numbers out of it.
  const auto e = solyte::test::parse_error_of([&] { solyte::io::read_measurements(prm.string()); });
  EXPECT_NE(e.expected().find("instrument parameter file"), std::string::npos) << e.what();
  const auto banks = solyte::io::read_gsas_instrument(prm.string());
  ASSERT_EQ(banks.size(), 1u);
  EXPECT_EQ(banks[0].type, "PXCR");
  EXPECT_DOUBLE_EQ(*banks[0].wavelength_angstrom, 0.413909);  // INS 1 ICONS 0.4139090
  EXPECT_FALSE(banks[0].wavelength2_angstrom);                // λ2 0.0000: none
  EXPECT_DOUBLE_EQ(*banks[0].polarization, 0.990);
  // A pattern whose file states no wavelength takes the instrument's.
  auto pattern =
      solyte::io::read_measurements_from_bytes(
          "no wavelength\nBANK 1 3 1 CONST 1000 5 0 0 STD\n       1       2       3\n", "n.gsas")
          .front();
  EXPECT_FALSE(pattern.meta.wavelength_angstrom);
  solyte::io::apply_instrument(pattern, banks[0]);
  EXPECT_DOUBLE_EQ(*pattern.meta.wavelength_angstrom, 0.413909);
  EXPECT_THROW(solyte::io::read_gsas_instrument_from_bytes("INS   BANK      1\n", "x.prm"),
               solyte::ParseError);
}

}  // namespace
