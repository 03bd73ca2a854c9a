// Space groups and Wyckoff orbits through spglib (src/xtal/space_group.cpp, wyckoff.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "solyte/error.hpp"
#include "solyte/xtal/space_group.hpp"
#include "solyte/xtal/wyckoff.hpp"

namespace {

using namespace solyte::xtal;

bool contains(const std::vector<Fractional>& set, const Fractional& p, double tol = 1e-9) {
  return std::any_of(set.begin(), set.end(), [&](const Fractional& q) {
    for (int i = 0; i < 3; ++i) {
      double d = std::abs(p[i] - q[i]);
      d = std::min(d, 1 - d);
      if (d > tol) return false;
    }
    return true;
  });
}

// A position with no special relation to any symmetry element.
constexpr Fractional kGeneral{0.0731, 0.1597, 0.2833};

// "Done when" of issue 6: the general position's multiplicity equals the group order in the
// conventional cell (operations = point-group order × centring translations) for all 230.
TEST(XtalSpaceGroup, GeneralPositionMultiplicityIsGroupOrderForAll230) {
  for (int n = 1; n <= 230; ++n) {
    SCOPED_TRACE("group " + std::to_string(n));
    const SpaceGroup g = space_group(n);
    EXPECT_EQ(g.number, n);
    EXPECT_EQ(g.order(), g.point_group_order * g.centring_count);
    const auto site = wyckoff_site(g, kGeneral);
    EXPECT_EQ(site.multiplicity, g.order());
    EXPECT_EQ(site.site_symmetry_order, 1);
    EXPECT_EQ(site.site_symmetry, "1");
  }
}

// Centring counts by lattice letter and point-group orders of a few known types (ITA Vol. A).
TEST(XtalSpaceGroup, CentringAndPointGroupOrders) {
  for (int n = 1; n <= 230; ++n) {
    const SpaceGroup g = space_group(n);
    const int expected = g.lattice_type == 'P'   ? 1
                         : g.lattice_type == 'F' ? 4
                         : g.lattice_type == 'R' ? 3
                                                 : 2;
    EXPECT_EQ(g.centring_count, expected) << n << " " << g.hall_symbol;
  }
  EXPECT_EQ(space_group(1).order(), 1);  // P1
  EXPECT_EQ(space_group(1).international_short, "P1");
  EXPECT_EQ(space_group(2).order(), 2);
  EXPECT_EQ(space_group(225).order(), 192);  // Fm-3m: 48 × 4
  EXPECT_EQ(space_group(166).order(), 36);   // R-3m hexagonal axes: 12 × 3
}

TEST(XtalSpaceGroup, EveryHallSettingGivesGeneralPositionLetter) {
  for (int h = 1; h <= 530; ++h) {
    SCOPED_TRACE("hall " + std::to_string(h));
    const SpaceGroup g = space_group_from_hall(h);
    const auto site = wyckoff_site(g, kGeneral);
    EXPECT_EQ(site.multiplicity, g.order());
    EXPECT_FALSE(site.letter.empty());
  }
}

TEST(XtalSpaceGroup, FmM3mGeneralPosition192) {
  const SpaceGroup g = find_space_group("Fm-3m");
  EXPECT_EQ(g.number, 225);
  const auto site = wyckoff_site(g, kGeneral);
  EXPECT_EQ(site.multiplicity, 192);
  EXPECT_EQ(site.label(), "192l");
  EXPECT_EQ(wyckoff_site(g, {0, 0, 0}).label(), "4a");
  EXPECT_EQ(wyckoff_site(g, {0.25, 0.25, 0.25}).label(), "8c");
}

TEST(XtalSpaceGroup, P1) {
  const SpaceGroup g = find_space_group("P1");
  EXPECT_EQ(g.order(), 1);
  EXPECT_EQ(g.crystal_system, CrystalSystem::triclinic);
  const auto site = wyckoff_site(g, {0.5, 0.5, 0.5});
  EXPECT_EQ(site.label(), "1a");
}

// Reference: /work/shared/reference/wyckoff/im3m_wyckoff.txt (../shared/reference/wyckoff),
// Im-3m Wyckoff positions enumerated by cctbx (multiplicity, representative) and spglib 2.0.2
// (letter, site symmetry); the numeric representatives are those of its spglib rows.
TEST(XtalSpaceGroup, ImM3mReferenceRows) {
  struct Row {
    int multiplicity;
    const char* letter;
    Fractional rep;
    const char* site_symmetry;
  };
  const Row rows[] = {
      {2, "a", {0, 0, 0}, "m-3m"},
      {6, "b", {0, 0.5, 0.5}, "4/mm.m"},
      {8, "c", {0.25, 0.25, 0.25}, ".-3m"},
      {12, "d", {0.25, 0, 0.5}, "-4m.2"},
      {12, "e", {0.1234, 0, 0}, "4m.m"},
      {16, "f", {0.1234, 0.1234, 0.1234}, ".3m"},
      {24, "g", {0.1234, 0, 0.5}, "mm2.."},
      {24, "h", {0, 0.1987, 0.1987}, "m.m2"},
      {48, "i", {0.25, 0.1987, 0.3013}, "..2"},
      {48, "j", {0, 0.1234, 0.1987}, "m.."},
      {48, "k", {0.1234, 0.1234, 0.1987}, "..m"},
      {96, "l", {0.1234, 0.1987, 0.3311}, "1"},
  };
  const SpaceGroup g = find_space_group("Im-3m");
  EXPECT_EQ(g.order(), 96);  // cctbx order_z = 96
  for (const Row& r : rows) {
    SCOPED_TRACE(std::to_string(r.multiplicity) + r.letter);
    const auto s = wyckoff_site(g, r.rep);
    EXPECT_EQ(s.multiplicity, r.multiplicity);
    EXPECT_EQ(s.letter, r.letter);
    EXPECT_EQ(s.site_symmetry, r.site_symmetry);
    EXPECT_EQ(s.site_symmetry_order, 96 / r.multiplicity);
  }
}

// Same reference file: the 12 point-group images of 12d; the orbit is these ∪ these + (½,½,½).
TEST(XtalSpaceGroup, ImM3m12dOrbit) {
  const std::vector<Fractional> images = {{0.25, 0.0, 0.5}, {0.75, 0.0, 0.5}, {0.0, 0.25, 0.5},
                                          {0.0, 0.75, 0.5}, {0.5, 0.25, 0.0}, {0.5, 0.75, 0.0},
                                          {0.5, 0.0, 0.25}, {0.5, 0.0, 0.75}, {0.0, 0.5, 0.25},
                                          {0.0, 0.5, 0.75}, {0.25, 0.5, 0.0}, {0.75, 0.5, 0.0}};
  const auto o = orbit(find_space_group("Im-3m"), {0.25, 0, 0.5});
  ASSERT_EQ(o.size(), 12u);
  std::vector<Fractional> expected;
  for (const auto& p : images) {
    expected.push_back(p);
    Fractional q{};
    for (int i = 0; i < 3; ++i) q[i] = p[i] + 0.5 >= 1 ? p[i] - 0.5 : p[i] + 0.5;
    expected.push_back(q);
  }
  for (const auto& p : o) EXPECT_TRUE(contains(expected, p)) << p[0] << "," << p[1] << "," << p[2];
  for (const auto& p : expected) EXPECT_TRUE(contains(o, p)) << p[0] << "," << p[1] << "," << p[2];
  for (const auto& p : o)
    for (double v : p) {
      EXPECT_GE(v, 0.0);
      EXPECT_LT(v, 1.0);
    }
}

TEST(XtalSpaceGroup, LookupsAgree) {
  const char* im3m[] = {"229",      "Im-3m",    "I m -3 m", "im-3m",  "I 4/m -3 2/m",
                        "-I 4 2 3", "hall 529", "hall:529", " Im-3m "};
  for (const char* s : im3m) {
    const SpaceGroup g = find_space_group(s);
    EXPECT_EQ(g.number, 229) << s;
    EXPECT_EQ(g.hall_number, 529) << s;
  }
  EXPECT_EQ(space_group_from_hall(529).international_short, "Im-3m");
  EXPECT_EQ(space_group(229).hall_symbol, "-I 4 2 3");
  EXPECT_EQ(space_group(229).crystal_system, CrystalSystem::cubic);
  EXPECT_EQ(space_group(229).point_group, "m-3m");
  EXPECT_EQ(find_space_group("P2_1/c").number, 14);
  EXPECT_EQ(find_space_group("P21/c").hall_number, 81);
  EXPECT_EQ(find_space_group("P 1 2_1/n 1").hall_number, 82);
  EXPECT_EQ(find_space_group("P2_1/c:b2").hall_number, 82);
  EXPECT_EQ(find_space_group("Fd-3m").hall_number, 525);  // origin choice 1 by default
  EXPECT_EQ(find_space_group("Fd-3m:2").hall_number, 526);
  EXPECT_EQ(find_space_group("R-3m:R").lattice_type, 'P');
  EXPECT_EQ(find_space_group("Fm-3m").number, 225);
  // Every type found by its own short symbol and by its number.
  for (int n = 1; n <= 230; ++n) {
    const SpaceGroup g = space_group(n);
    EXPECT_EQ(find_space_group(g.international_short).hall_number, g.hall_number) << n;
    EXPECT_EQ(find_space_group(std::to_string(n)).hall_number, g.hall_number) << n;
    EXPECT_EQ(find_space_group(g.hall_symbol).hall_number, g.hall_number) << n;
  }
}

TEST(XtalSpaceGroup, BadInputThrows) {
  EXPECT_THROW(space_group(0), solyte::InvalidArgument);
  EXPECT_THROW(space_group(231), solyte::InvalidArgument);
  EXPECT_THROW(space_group_from_hall(531), solyte::InvalidArgument);
  EXPECT_THROW(find_space_group(""), solyte::InvalidArgument);
  EXPECT_THROW(find_space_group("Xm-3m"), solyte::InvalidArgument);
  EXPECT_THROW(find_space_group("999"), solyte::InvalidArgument);
  try {
    find_space_group("Im3m");
    FAIL() << "no exception";
  } catch (const solyte::InvalidArgument& e) {
    EXPECT_NE(std::string(e.what()).find("Im-3m"), std::string::npos) << e.what();
  }
  const SpaceGroup g = space_group(229);
  EXPECT_THROW(orbit(g, {std::nan(""), 0, 0}), solyte::InvalidArgument);
  EXPECT_THROW(orbit(g, {0, 0, 0}, 0.0), solyte::InvalidArgument);
}

}  // namespace

namespace {

// Letters of special positions in settings where spglib's standardisation is not the identity
// (monoclinic, triclinic, origin choices). Reference: International Tables for Crystallography
// Vol. A (2016), the Wyckoff tables of P-1 (No. 2), P2_1/c (No. 14, unique axis b, cell choice
// 1), Fd-3m (No. 227, origin choices 1 and 2).
TEST(XtalSpaceGroup, LettersInOtherSettingsFollowItaTables) {
  const SpaceGroup p1bar = space_group(2);
  EXPECT_EQ(wyckoff_site(p1bar, {0, 0, 0}).label(), "1a");
  EXPECT_EQ(wyckoff_site(p1bar, {0, 0, 0.5}).label(), "1b");
  EXPECT_EQ(wyckoff_site(p1bar, {0, 0.5, 0}).label(), "1c");
  EXPECT_EQ(wyckoff_site(p1bar, {0.5, 0, 0}).label(), "1d");
  EXPECT_EQ(wyckoff_site(p1bar, {0.5, 0.5, 0.5}).label(), "1h");
  EXPECT_EQ(wyckoff_site(p1bar, kGeneral).label(), "2i");
  const SpaceGroup p21c = find_space_group("P2_1/c");
  EXPECT_EQ(wyckoff_site(p21c, {0, 0, 0}).label(), "2a");
  EXPECT_EQ(wyckoff_site(p21c, {0.5, 0, 0}).label(), "2b");
  EXPECT_EQ(wyckoff_site(p21c, {0, 0, 0.5}).label(), "2c");
  EXPECT_EQ(wyckoff_site(p21c, {0.5, 0, 0.5}).label(), "2d");
  EXPECT_EQ(wyckoff_site(p21c, kGeneral).label(), "4e");
  const SpaceGroup fd3m1 = find_space_group("Fd-3m");
  EXPECT_EQ(wyckoff_site(fd3m1, {0, 0, 0}).label(), "8a");
  EXPECT_EQ(wyckoff_site(fd3m1, {0.5, 0.5, 0.5}).label(), "8b");
  EXPECT_EQ(wyckoff_site(fd3m1, {0.125, 0.125, 0.125}).label(), "16c");
  EXPECT_EQ(wyckoff_site(fd3m1, {0.625, 0.625, 0.625}).label(), "16d");
  const SpaceGroup fd3m2 = find_space_group("Fd-3m:2");
  EXPECT_EQ(wyckoff_site(fd3m2, {0.125, 0.125, 0.125}).label(), "8a");
  EXPECT_EQ(wyckoff_site(fd3m2, {0.375, 0.375, 0.375}).label(), "8b");
  EXPECT_EQ(wyckoff_site(fd3m2, {0, 0, 0}).label(), "16c");
  EXPECT_EQ(wyckoff_site(fd3m2, {0.5, 0.5, 0.5}).label(), "16d");
}

// Every setting, a set of trial positions: an orbit's size divides the order and spglib's
// letter is found (the standardisation check in wyckoff_site never gives up).
TEST(XtalSpaceGroup, EverySettingGivesLettersForSpecialPositions) {
  const Fractional trial[] = {{0, 0, 0},        {0.5, 0.5, 0.5},         {0.25, 0.25, 0.25},
                              {0, 0.5, 0},      {0.1234, 0, 0},          {0, 0, 0.1234},
                              {0.5, 0, 0.1234}, {1. / 3, 2. / 3, 0.1234}};
  for (int h = 1; h <= 530; ++h) {
    const SpaceGroup g = space_group_from_hall(h);
    for (const auto& p : trial) {
      const auto s = wyckoff_site(g, p);
      EXPECT_EQ(g.order() % s.multiplicity, 0) << h;
      EXPECT_FALSE(s.letter.empty()) << h;
    }
  }
}

}  // namespace
