// CIF syntax and crystal structures from CIFs: the reference NaCl file, the GSAS-II exports of the
// shared corpus (NAC, CaF2), hand-written syntax cases, and broken input.
#include <gtest/gtest.h>

#include <numbers>
#include <string>

#include "solyte/error.hpp"
#include "solyte/io/read_structure.hpp"
#include "solyte/xtal/cif.hpp"
#include "test_support.hpp"

namespace {

using namespace solyte;
using namespace solyte::xtal;

std::filesystem::path reference(const std::string& rel) {
  return std::filesystem::path(SOLYTE_SHARED_REFERENCE_DIR) / rel;
}

// Expects a ParseError at `line` (and `column` when non-zero) whose message contains `text`.
void expect_parse_error(const std::string& cif, std::size_t line, std::size_t column,
                        const std::string& text) {
  try {
    (void)structure_from_cif(cif, "bad.cif");
    ADD_FAILURE() << "no error for:\n" << cif;
  } catch (const ParseError& e) {
    EXPECT_EQ(e.file(), "bad.cif");
    EXPECT_EQ(e.line(), line) << e.what();
    if (column != 0) {
      EXPECT_EQ(e.column(), column) << e.what();
    }
    EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
  }
}

TEST(XtalCif, SyntaxQuotesTextFieldsCommentsAndLoops) {
  const std::string text =
      "# comment\n"
      "data_test\n"
      "_journal_name_full   'O'Hara's \"journal\"'   # "
      "quote inside a quoted string\n"
      "_publ_section_title\n"
      ";\n"
      "Line one\n"
      "  line two; not a delimiter\n"
      ";\n"
      "_Cell_Length_A 5.6402(3)\n"
      "LOOP_\n"
      "_a _b\n"
      "1 'x y'\n"
      "? .\n";
  const CifDocument doc = parse_cif(text, "t.cif");
  ASSERT_EQ(doc.blocks.size(), 1u);
  const CifBlock& b = doc.blocks[0];
  EXPECT_EQ(b.name, "test");
  ASSERT_NE(b.find("_journal_name_full"), nullptr);
  EXPECT_EQ(b.find("_journal_name_full")->text, "O'Hara's \"journal\"");
  EXPECT_EQ(b.find("_publ_section_title")->text, "Line one\n  line two; not a delimiter");
  const CifValue* a = b.find("_cell_length_a");  // tags are case-insensitive
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->line, 9u);
  EXPECT_EQ(a->column, 16u);
  const CifNumber n = cif_number(*a, "t.cif", "a");
  EXPECT_DOUBLE_EQ(n.value, 5.6402);
  ASSERT_TRUE(n.su);
  EXPECT_NEAR(*n.su, 0.0003, 1e-15);
  const CifLoop* loop = b.find_loop("_b");
  ASSERT_NE(loop, nullptr);
  ASSERT_EQ(loop->rows.size(), 2u);
  EXPECT_EQ(loop->rows[0][1].text, "x y");
  EXPECT_TRUE(loop->rows[1][0].is_unknown());
  EXPECT_TRUE(loop->rows[1][1].is_inapplicable());
}

TEST(XtalCif, NumbersWithStandardUncertainties) {
  auto num = [](const std::string& t) { return cif_number({.text = t}, "n", "x"); };
  EXPECT_NEAR(*num("-0.25(12)").su, 0.12, 1e-15);
  EXPECT_DOUBLE_EQ(num("-0.25(12)").value, -0.25);
  EXPECT_NEAR(*num("1.23e-4(5)").su, 5e-6,
              1e-20);  // 5 in the last of 2 decimals, ×1e-4
  EXPECT_NEAR(*num("120(3)").su, 3, 1e-12);
  EXPECT_FALSE(num("0.5").su);
  EXPECT_THROW(num("abc"), ParseError);
  EXPECT_THROW(num("1.2(x)"), ParseError);
  EXPECT_THROW(num("?"), ParseError);
}

TEST(XtalCif, ReferenceNaClFromPymatgen) {
  // ../shared/reference/xrd/nacl.cif: written by pymatgen, Fm-3m with 192 operations listed.
  const auto path = reference("xrd/nacl.cif");
  SOLYTE_REQUIRE_SHARED(path);
  const CrystalStructure s = io::read_structure(path.string());
  EXPECT_EQ(s.name, "NaCl");
  EXPECT_DOUBLE_EQ(s.cell.a(), 5.64);
  EXPECT_EQ(s.group.number, 225);
  EXPECT_EQ(s.group.hall_number,
            523);  // the database setting with these operations
  EXPECT_EQ(s.group.order(), 192);
  ASSERT_EQ(s.sites.size(), 2u);
  EXPECT_EQ(s.sites[0].label, "Na0");
  EXPECT_EQ(s.sites[0].element, "Na");
  EXPECT_EQ(s.sites[1].element, "Cl");
  EXPECT_DOUBLE_EQ(s.sites[1].position[2], 0.5);
  EXPECT_FALSE(s.sites[0].u_iso_a2);
  EXPECT_EQ(expand_sites(s).size(), 8u);
  EXPECT_TRUE(s.warnings.empty()) << s.warnings.front();
}

TEST(XtalCif, SharedCorpusNacAnisotropic) {
  // Na2Ca3Al2F14, I2_13, GSAS-II export: 24 operations, ionic type symbols, Uani sites with an
  // aniso loop, stated multiplicities 12, 8, 8, 24, 24, 8 (checked against the orbits).
  const auto path = test::shared_data("cif/NAC.cif");
  SOLYTE_REQUIRE_SHARED(path);
  const CrystalStructure s = io::read_structure(path.string());
  EXPECT_EQ(s.group.number, 199);
  EXPECT_EQ(s.group.order(), 24);
  EXPECT_NEAR(s.cell.a(), 10.251218, 1e-12);
  ASSERT_EQ(s.sites.size(), 6u);
  EXPECT_EQ(s.sites[0].type_symbol, "Ca2+");
  EXPECT_EQ(s.sites[0].element, "Ca");
  EXPECT_EQ(s.sites[0].charge, 2);
  EXPECT_EQ(s.sites[3].element, "F");
  EXPECT_EQ(s.sites[3].charge, -1);
  ASSERT_TRUE(s.sites[0].u_iso_a2);
  EXPECT_DOUBLE_EQ(*s.sites[0].u_iso_a2, 0.0086);  // U_eq as the file gives it
  ASSERT_TRUE(s.sites[2].u_aniso_a2);
  EXPECT_DOUBLE_EQ((*s.sites[2].u_aniso_a2)[3], -0.0074);
  // U_eq of a cubic cell is the mean of the diagonal: Ca1 (0.0083 + 0.0096 + 0.0080)/3.
  EXPECT_NEAR(u_equivalent(*s.sites[0].u_aniso_a2, s.cell), 0.0259 / 3, 1e-15);
  EXPECT_EQ(expand_sites(s).size(), 84u);  // 4 × Na2Ca3Al2F14
  EXPECT_TRUE(s.warnings.empty()) << s.warnings.front();
}

TEST(XtalCif, SharedCorpusCaF2) {
  const auto path = test::shared_data("cif/CaF2.cif");
  SOLYTE_REQUIRE_SHARED(path);
  const CrystalStructure s = io::read_structure(path.string());
  EXPECT_EQ(s.group.number, 225);
  ASSERT_EQ(s.sites.size(), 2u);
  EXPECT_EQ(s.sites[0].label, "CA1");
  EXPECT_EQ(s.sites[0].element, "Ca");
  EXPECT_DOUBLE_EQ(*s.sites[1].u_iso_a2, 0.0085);
  EXPECT_EQ(expand_sites(s).size(), 12u);
  EXPECT_TRUE(s.warnings.empty()) << s.warnings.front();
}

TEST(XtalCif, SymmetryFromNamesAndNonStandardSettings) {
  const std::string head =
      "data_x\n_cell_length_a 4\n_cell_length_b 5\n_cell_length_c 6\n"
      "_cell_angle_beta 100\n";
  const std::string atoms =
      "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n"
      "_atom_site_fract_z\n_atom_site_B_iso_or_equiv\nO1 0.1 0.2 0.3 1.5\n";
  // Hermann–Mauguin name only.
  CrystalStructure a =
      structure_from_cif(head + "_symmetry_space_group_name_H-M 'P 1 21/c 1'\n" + atoms, "a");
  EXPECT_EQ(a.group.number, 14);
  EXPECT_EQ(a.sites[0].element, "O");
  EXPECT_NEAR(*a.sites[0].u_iso_a2, 1.5 / (8 * std::numbers::pi * std::numbers::pi), 1e-15);
  // Number only.
  EXPECT_EQ(structure_from_cif(head + "_space_group_IT_number 14\n" + atoms, "b").group.number, 14);
  // P2_1/c with its origin moved by (1/4, 0, 0): no database setting has these operations, so they
  // are kept and the type identified.
  const std::string shifted =
      "loop_\n_space_group_symop_operation_xyz\nx,y,z\n-x+1/2,y+1/2,-z+1/2\n"
      "-x+1/2,-y,-z\nx,-y+1/2,z+1/2\n";
  CrystalStructure c = structure_from_cif(head + shifted + atoms, "c");
  EXPECT_EQ(c.group.number, 14);
  EXPECT_EQ(c.group.hall_number, 0);
  EXPECT_EQ(c.group.order(), 4);
  EXPECT_NE(c.group.international.find("non-standard"), std::string::npos);
  EXPECT_EQ(expand_sites(c).size(), 4u);
  // A name that disagrees with the operations is a warning; the operations win.
  CrystalStructure d =
      structure_from_cif(head + "_symmetry_space_group_name_H-M 'P 1'\n" + shifted + atoms, "d");
  EXPECT_EQ(d.group.number, 14);
  ASSERT_EQ(d.warnings.size(),
            3u);  // alpha and gamma absent (90°), and the name
  EXPECT_NE(d.warnings[2].find("operations are used"), std::string::npos);
}

TEST(XtalCif, BadInputNamesLineColumnAndWhatWasExpected) {
  const std::string cell = "_cell_length_a 5\n_cell_length_b 5\n_cell_length_c 5\n";
  const std::string loop =
      "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n"
      "_atom_site_fract_z\n";
  expect_parse_error("", 0, 0, "a data_ block");
  expect_parse_error("_cell_length_a 5\n", 1, 1, "data_ block header before the first item");
  expect_parse_error("data_x\n_cell_length_a 'five\n", 2, 16, "closing '");
  expect_parse_error("data_x\n_title\n;\nnever closed\n", 3, 1, "close the text field");
  expect_parse_error("data_x\n_cell_length_a\n_cell_length_b 5\n", 3, 1,
                     "a value for _cell_length_a");
  expect_parse_error("data_x\n_cell_length_a 5 6\n", 2, 18,
                     "a tag (_name) or loop_ before the value '6'");
  expect_parse_error("data_x\n_a 1\n_A 2\n", 3, 1, "already given on line 2");
  expect_parse_error("data_x\nloop_\n_a\n_b\n1 2\n3\n", 6, 1, "2 values per row");
  expect_parse_error("data_x\n_cell_length_a 5\n", 1, 1, "_cell_length_b in data_x");
  expect_parse_error("data_x\n" + cell + "_cell_angle_gamma 200\n", 5, 19, "between 0 and 180");
  expect_parse_error("data_x\n" + cell + loop + "Na 0 0 0\n", 1, 1, "the symmetry in data_x");
  expect_parse_error("data_x\n" + cell + "_symmetry_space_group_name_H-M 'Q 9'\n", 5, 32,
                     "a space group spglib knows");
  expect_parse_error("data_x\n" + cell + "loop_\n_symmetry_equiv_pos_as_xyz\nx,y,z\n-x,-y,w\n", 8,
                     1, "neither a coordinate");
  expect_parse_error("data_x\n" + cell + "loop_\n_symmetry_equiv_pos_as_xyz\nx,y,z\n-y,x,z\n", 5, 1,
                     "not a group");
  const std::string p1 = "_space_group_IT_number 1\n";
  expect_parse_error("data_x\n" + cell + p1 + loop + "Na 0 abc 0\n", 11, 6,
                     "_atom_site_fract_y of atom Na as a number (found 'abc')");
  expect_parse_error("data_x\n" + cell + p1 + loop + "Qq 0 0 0\n", 11, 1, "an element symbol");
  expect_parse_error("data_x\n" + cell + p1 + loop + "Na 0 0 0\nNa 0.5 0 0\n", 12, 1, "used twice");
  expect_parse_error("data_x\n" + cell + p1 +
                         "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n"
                         "_atom_site_fract_z\n_atom_site_occupancy\nNa 0 0 0 1.5\n",
                     12, 10, "an occupancy in (0, 1]");
  expect_parse_error("data_x\n" + cell + p1 + loop +
                         "Na 0 0 0\nloop_\n_atom_site_aniso_label\n"
                         "_atom_site_aniso_U_11\n_atom_site_aniso_U_22\n_atom_"
                         "site_aniso_U_33\n"
                         "_atom_site_aniso_U_12\n_atom_site_aniso_U_13\n_atom_"
                         "site_aniso_U_23\n"
                         "Cl 0.01 0.01 0.01 0 0 0\n",
                     20, 1, "'Cl' is not one");
  expect_parse_error(std::string("data_x\n_a 1\x01\n"), 2, 5, "control byte");
  expect_parse_error("data_x\nglobal_\n", 2, 1, "STAR reserved word");
  EXPECT_THROW(io::read_structure("/nonexistent/x.cif"), std::system_error);
}

TEST(XtalCif, XyzOperationsParseAndPrint) {
  const SymmetryOperation op = parse_xyz_operation(" 1/2+x-y , -y+1/2, -z+0.25 ");
  EXPECT_EQ(op.rotation[0][0], 1);
  EXPECT_EQ(op.rotation[0][1], -1);
  EXPECT_EQ(op.rotation[1][1], -1);
  EXPECT_EQ(op.rotation[2][2], -1);
  EXPECT_DOUBLE_EQ(op.translation[2], 0.25);
  EXPECT_EQ(to_xyz(op), "x-y+1/2,-y+1/2,-z+1/4");
  EXPECT_EQ(to_xyz(parse_xyz_operation("-X,-Y,Z+1/6")), "-x,-y,z+1/6");
  EXPECT_THROW(parse_xyz_operation("x,y"), InvalidArgument);
  EXPECT_THROW(parse_xyz_operation("x,x,z"), InvalidArgument);  // singular
  EXPECT_THROW(parse_xyz_operation("x,y,1/0"), InvalidArgument);
}

}  // namespace
