// Anion packing: the paper's Table 1 (METHODS.md §5; docs/methods.md §5).
//
// Reference values: METHODS.md §5 table (unrounded values, printed to 2–4 decimals), its note
// on the paper's rounding (R⁻ rounded to 3.56/3.41 Å before cubing gives 188.9/166.0 and
// 66.1/78.8) and on the relative free-volume difference (15.5 % and 18.3 %, not 15.7 %);
// closed-form hard-sphere packing fractions π√2/6 (fcc, ideal hcp), π√3/8 (bcc), π/6 (sc).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>

#include "solyte/error.hpp"
#include "solyte/xtal/formula.hpp"
#include "solyte/xtal/packing.hpp"

using namespace solyte;
using namespace solyte::xtal;

namespace {

const double kNcb = molar_mass_g_per_mol("NaCB11H12");  // 166.0068 g/mol (METHODS §5)

Packing fcc() {
  return anion_packing(
      {.lattice = AnionLattice::fcc, .a_angstrom = 10.066, .z = 4, .molar_mass_g_per_mol = kNcb});
}
Packing bcc() {
  return anion_packing(
      {.lattice = AnionLattice::bcc, .a_angstrom = 7.882, .z = 2, .molar_mass_g_per_mol = kNcb});
}

// |x − printed| within half a unit of the last printed decimal.
void expect_printed(double x, double printed, int decimals, const char* what) {
  EXPECT_LE(std::abs(x - printed), 0.5 * std::pow(10.0, -decimals) + 1e-12)
      << what << " = " << x << ", Table 1 prints " << printed;
}

}  // namespace

TEST(XtalPacking, Table1FccRow) {
  // METHODS.md §5: fcc, a = 10.066, Z = 4: V 1019.93, V/Z 254.98, ρ 1.0811, R⁻ 3.5589,
  // V⁻ 188.81, V_Na/Z 66.17.
  const auto p = fcc();
  expect_printed(p.volume_a3, 1019.93, 2, "V");
  expect_printed(p.volume_per_formula_a3, 254.98, 2, "V/Z");
  expect_printed(p.density_g_per_cm3, 1.0811, 4, "rho");
  expect_printed(p.anion_radius_a, 3.5589, 4, "R-");
  expect_printed(p.anion_volume_a3, 188.81, 2, "V-");
  expect_printed(p.free_volume_per_formula_a3, 66.17, 2, "V_Na/Z");
  EXPECT_NEAR(p.packing_fraction, std::numbers::pi * std::sqrt(2.0) / 6, 1e-14);
  EXPECT_TRUE(p.note.empty()) << p.note;
}

TEST(XtalPacking, Table1BccRow) {
  // METHODS.md §5: bcc, a = 7.882, Z = 2: 489.68, 244.84, 1.1259, 3.4130, 166.53, 78.31.
  const auto p = bcc();
  expect_printed(p.volume_a3, 489.68, 2, "V");
  expect_printed(p.volume_per_formula_a3, 244.84, 2, "V/Z");
  expect_printed(p.density_g_per_cm3, 1.1259, 4, "rho");
  expect_printed(p.anion_radius_a, 3.4130, 4, "R-");
  expect_printed(p.anion_volume_a3, 166.53, 2, "V-");
  expect_printed(p.free_volume_per_formula_a3, 78.31, 2, "V_Na/Z");
  EXPECT_NEAR(p.packing_fraction, std::numbers::pi * std::sqrt(3.0) / 8, 1e-14);
}

TEST(XtalPacking, PaperRoundingNoteAndRelativeDifference) {
  // METHODS.md §5: the paper's 188.9/166.0 come from R⁻ rounded to 3.56/3.41 before cubing
  // (4π·3.56³/3 = 188.99, 4π·3.41³/3 = 166.09, which it prints truncated), and its
  // 66.1/78.8 from subtracting those: 254.98 − 188.9 = 66.08, 244.84 − 166.0 = 78.84.
  EXPECT_NEAR(sphere_volume(3.56), 188.99, 0.005);
  EXPECT_NEAR(sphere_volume(3.41), 166.09, 0.005);
  expect_printed(fcc().volume_per_formula_a3 - 188.9, 66.1, 1, "paper fcc");
  expect_printed(bcc().volume_per_formula_a3 - 166.0, 78.8, 1, "paper bcc");
  // Relative difference both ways: (78.31 − 66.17)/78.31 = 15.5 %, 78.31/66.17 − 1 = 18.3 %.
  const auto d = compare_free_volume(fcc(), bcc());
  EXPECT_NEAR(d.difference_a3, 78.31 - 66.17, 0.01);
  EXPECT_NEAR(100 * d.fraction_of_b, 15.5, 0.05);
  EXPECT_NEAR(100 * d.fraction_of_a, 18.3, 0.05);
}

TEST(XtalPacking, HcpAndSimpleCubicClosedForms) {
  const double a = 6.0, m = 100.0;
  // Ideal hcp: c = √(8/3)·a, R = a/2, packing fraction π√2/6 like fcc.
  const auto h = anion_packing(
      {.lattice = AnionLattice::hcp, .a_angstrom = a, .z = 2, .molar_mass_g_per_mol = m});
  EXPECT_NEAR(h.c_angstrom, a * std::sqrt(8.0 / 3.0), 1e-12);
  EXPECT_NEAR(h.anion_radius_a, a / 2, 1e-12);
  EXPECT_NEAR(h.volume_a3, std::sqrt(3.0) / 2 * a * a * h.c_angstrom, 1e-10);
  EXPECT_NEAR(h.packing_fraction, std::numbers::pi * std::sqrt(2.0) / 6, 1e-12);
  EXPECT_FALSE(h.note.empty());  // says the ideal c was used
  // Compressed hcp (c/a = 1.5 < 1.633): spheres touch between layers, R = √(a²/3 + c²/4)/2.
  const auto hc = anion_packing({.lattice = AnionLattice::hcp,
                                 .a_angstrom = a,
                                 .c_angstrom = 9.0,
                                 .z = 2,
                                 .molar_mass_g_per_mol = m});
  EXPECT_NEAR(hc.anion_radius_a, std::sqrt(a * a / 3 + 81.0 / 4) / 2, 1e-12);
  EXPECT_LT(hc.anion_radius_a, a / 2);
  // Stretched hcp (c/a = 2): in-plane contact, R = a/2.
  const auto hs = anion_packing({.lattice = AnionLattice::hcp,
                                 .a_angstrom = a,
                                 .c_angstrom = 12.0,
                                 .z = 2,
                                 .molar_mass_g_per_mol = m});
  EXPECT_NEAR(hs.anion_radius_a, a / 2, 1e-12);
  const auto s = anion_packing(
      {.lattice = AnionLattice::sc, .a_angstrom = a, .z = 1, .molar_mass_g_per_mol = m});
  EXPECT_NEAR(s.packing_fraction, std::numbers::pi / 6, 1e-14);
  // Density: ρ = Z·M/(N_A·V), V in cm³.
  EXPECT_NEAR(s.density_g_per_cm3, m / (6.02214076e23 * 216e-24), 1e-12);
}

TEST(XtalPacking, BadInputThrows) {
  EXPECT_THROW(
      anion_packing(
          {.lattice = AnionLattice::fcc, .a_angstrom = -1, .z = 4, .molar_mass_g_per_mol = kNcb}),
      InvalidArgument);
  EXPECT_THROW(
      anion_packing(
          {.lattice = AnionLattice::fcc, .a_angstrom = 10, .z = 0, .molar_mass_g_per_mol = kNcb}),
      InvalidArgument);
  EXPECT_THROW(
      anion_packing(
          {.lattice = AnionLattice::fcc, .a_angstrom = 10, .z = 4, .molar_mass_g_per_mol = 0}),
      InvalidArgument);
  EXPECT_THROW(anion_packing({.lattice = AnionLattice::bcc,
                              .a_angstrom = 10,
                              .c_angstrom = 12,
                              .z = 2,
                              .molar_mass_g_per_mol = kNcb}),
               InvalidArgument);
  EXPECT_THROW(parse_anion_lattice("fcx"), InvalidArgument);
  EXPECT_EQ(parse_anion_lattice("BCC"), AnionLattice::bcc);
  // Z different from the lattice sites is computed, with a note.
  const auto p = anion_packing(
      {.lattice = AnionLattice::bcc, .a_angstrom = 7.882, .z = 4, .molar_mass_g_per_mol = kNcb});
  EXPECT_NE(p.note.find("differs"), std::string::npos);
  EXPECT_NE(p.note.find("overfill"), std::string::npos);
}
