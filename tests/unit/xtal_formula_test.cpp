// Chemical formulas and molar masses (docs/methods.md §5).
//
// Reference values: IUPAC CIAAW, "Standard atomic weights of the elements 2021", Pure Appl.
// Chem. 94 (2022) 573, Table 1 and its conventional values for interval elements; the molar
// masses below are those weights summed by hand (each sum is written out in its comment).
// METHODS.md §5: M(NaCB11H12) = 166.0068 g/mol.
#include <gtest/gtest.h>

#include <string>

#include "solyte/error.hpp"
#include "solyte/xtal/formula.hpp"

using namespace solyte;
using namespace solyte::xtal;

namespace {

std::string error_of(const std::string& text) {
  try {
    parse_formula(text);
  } catch (const InvalidArgument& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST(XtalFormula, NcbMolarMassOfMethodsSection5) {
  // 22.98976928 + 12.011 + 11·10.81 + 12·1.008 = 166.00676928 (METHODS.md §5: 166.0068).
  const auto f = parse_formula("NaCB11H12");
  EXPECT_DOUBLE_EQ(f.count("Na"), 1);
  EXPECT_DOUBLE_EQ(f.count("C"), 1);
  EXPECT_DOUBLE_EQ(f.count("B"), 11);
  EXPECT_DOUBLE_EQ(f.count("H"), 12);
  EXPECT_DOUBLE_EQ(f.count("Cl"), 0);
  EXPECT_NEAR(molar_mass_g_per_mol(f), 166.00676928, 1e-9);
  EXPECT_EQ(std::string(hill_notation(f)), "CH12B11Na");
}

TEST(XtalFormula, WeightSetIsConventionalIupac2021) {
  // The values the 166.0068 of METHODS.md §5 depends on (conventional values for the
  // interval elements H, B, C; the single standard value for Na).
  EXPECT_DOUBLE_EQ(*find_element("H")->atomic_weight, 1.008);
  EXPECT_DOUBLE_EQ(*find_element("B")->atomic_weight, 10.81);
  EXPECT_DOUBLE_EQ(*find_element("C")->atomic_weight, 12.011);
  EXPECT_DOUBLE_EQ(*find_element("Na")->atomic_weight, 22.98976928);
  EXPECT_TRUE(find_element("B")->interval);
  EXPECT_FALSE(find_element("Na")->interval);
  // 2021 changes: Ar and Pb became intervals (conventional 39.95, 207.2), Hf 178.486.
  EXPECT_DOUBLE_EQ(*find_element("Ar")->atomic_weight, 39.95);
  EXPECT_DOUBLE_EQ(*find_element("Pb")->atomic_weight, 207.2);
  EXPECT_DOUBLE_EQ(*find_element("Hf")->atomic_weight, 178.486);
  EXPECT_DOUBLE_EQ(*find_element("U")->atomic_weight, 238.02891);
}

TEST(XtalFormula, AllElementsKnownAndEveryStandardWeightPlausible) {
  const auto all = elements();
  ASSERT_EQ(all.size(), 118u);
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].z, static_cast<int>(i + 1));
    EXPECT_EQ(find_element(all[i].symbol), &all[i]);
  }
  // 84 elements have a standard atomic weight in the 2021 table: H–Bi without Tc and Pm,
  // plus Th, Pa, U.
  int with_weight = 0;
  for (const auto& e : all) with_weight += e.atomic_weight.has_value();
  EXPECT_EQ(with_weight, 84);
  for (const char* s : {"Tc", "Pm", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Np"})
    EXPECT_FALSE(find_element(s)->atomic_weight.has_value()) << s;
  // Plausibility of each value (a typo would show): Z < A_r < 2.6·Z + 1 for all 84.
  for (const auto& e : all)
    if (e.atomic_weight) {
      EXPECT_GT(*e.atomic_weight, e.z) << e.symbol;
      EXPECT_LT(*e.atomic_weight, 2.6 * e.z + 1) << e.symbol;
    }
}

TEST(XtalFormula, GroupsDecimalsAndAdducts) {
  // Li7La3Zr2O12: 7·6.94 + 3·138.90547 + 2·91.224 + 12·15.999 = 839.77641
  EXPECT_NEAR(molar_mass_g_per_mol("Li7La3Zr2O12"),
              7 * 6.94 + 3 * 138.90547 + 2 * 91.224 + 12 * 15.999, 1e-9);
  // Na3(CB11H12)(B12H12): Na3 C B23 H24
  const auto f = parse_formula("Na3(CB11H12)(B12H12)");
  EXPECT_DOUBLE_EQ(f.count("Na"), 3);
  EXPECT_DOUBLE_EQ(f.count("C"), 1);
  EXPECT_DOUBLE_EQ(f.count("B"), 23);
  EXPECT_DOUBLE_EQ(f.count("H"), 24);
  // Ca(OH)2: 40.078 + 2·(15.999 + 1.008) = 74.092
  EXPECT_NEAR(molar_mass_g_per_mol("Ca(OH)2"), 74.092, 1e-9);
  // K4[Fe(CN)6]: nested brackets.
  const auto k = parse_formula("K4[Fe(CN)6]");
  EXPECT_DOUBLE_EQ(k.count("C"), 6);
  EXPECT_DOUBLE_EQ(k.count("N"), 6);
  EXPECT_DOUBLE_EQ(k.count("Fe"), 1);
  // Decimal counts: Li6.4La3Zr1.4Ta0.6O12.
  const auto t = parse_formula("Li6.4La3Zr1.4Ta0.6O12");
  EXPECT_DOUBLE_EQ(t.count("Li"), 6.4);
  EXPECT_DOUBLE_EQ(t.count("Ta"), 0.6);
  // Adduct with a multiplier: CuSO4·5H2O = Cu S O9 H10; 63.546 + 32.06 + 9·15.999 + 10·1.008
  const auto h = parse_formula("CuSO4·5H2O");
  EXPECT_DOUBLE_EQ(h.count("O"), 9);
  EXPECT_DOUBLE_EQ(h.count("H"), 10);
  EXPECT_NEAR(molar_mass_g_per_mol(h), 63.546 + 32.06 + 9 * 15.999 + 10 * 1.008, 1e-9);
  EXPECT_DOUBLE_EQ(parse_formula("CuSO4*5H2O").count("H"), 10);
  // Group multiplier with decimals, blanks between parts.
  EXPECT_DOUBLE_EQ(parse_formula("Na3 (CB11H12)0.5 (B12H12)1.25").count("B"), 5.5 + 15);
  // Co is cobalt, CO is carbon and oxygen.
  EXPECT_DOUBLE_EQ(parse_formula("Co").count("Co"), 1);
  EXPECT_DOUBLE_EQ(parse_formula("CO").count("O"), 1);
  EXPECT_EQ(hill_notation(parse_formula("H2O")), "H2O");
  EXPECT_EQ(hill_notation(parse_formula("NaCl")), "ClNa");
}

TEST(XtalFormula, ErrorsNameThePosition) {
  EXPECT_NE(error_of("NaXb11H12").find("unknown element 'Xb' at position 3"), std::string::npos)
      << error_of("NaXb11H12");
  EXPECT_NE(error_of("Ca(OH2").find("unclosed '(' at position 3"), std::string::npos)
      << error_of("Ca(OH2");
  EXPECT_NE(error_of("CaOH)2").find("')' without a matching opening bracket at position 5"),
            std::string::npos)
      << error_of("CaOH)2");
  EXPECT_NE(error_of("Ca(OH]2").find("']' does not match at position 6"), std::string::npos)
      << error_of("Ca(OH]2");
  EXPECT_NE(error_of("nacl").find("capital letter"), std::string::npos);
  EXPECT_NE(error_of("NaCl$").find("unexpected '$' at position 5"), std::string::npos)
      << error_of("NaCl$");
  EXPECT_NE(error_of("").find("empty"), std::string::npos);
  EXPECT_NE(error_of("H0").find("positive"), std::string::npos);
  EXPECT_NE(error_of("Ca()").find("empty group"), std::string::npos);
  // Position counts characters, not bytes: '·' is one character.
  EXPECT_NE(error_of("CuSO4·5Hx2O").find("position 8"), std::string::npos)
      << error_of("CuSO4·5Hx2O");
  // "Cb" is unknown; the message suggests "CB".
  EXPECT_NE(error_of("NaCb11H12").find("write CB"), std::string::npos) << error_of("NaCb11H12");
  EXPECT_THROW(molar_mass_g_per_mol("TcO2"), InvalidArgument);
  try {
    molar_mass_g_per_mol("RaCl2");
  } catch (const InvalidArgument& e) {
    EXPECT_NE(std::string(e.what()).find("Ra has no standard atomic weight"), std::string::npos);
  }
}
