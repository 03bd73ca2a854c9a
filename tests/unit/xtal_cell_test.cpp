// Unit cells: volume, metric tensors, d-spacings (docs/methods.md §5).
//
// Reference values: closed forms per crystal system (International Tables for
// Crystallography Vol. B, §1.1; e.g. hexagonal 1/d² = 4(h² + hk + k²)/(3a²) + l²/c²), and for
// the triclinic cell an independent route through Cartesian basis vectors and cross products
// (a* = b×c/V), which shares no code with the metric-tensor implementation.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <numbers>

#include "solyte/error.hpp"
#include "solyte/xtal/cell.hpp"

using namespace solyte;
using namespace solyte::xtal;

namespace {

using Vec = std::array<double, 3>;
Vec cross(const Vec& u, const Vec& v) {
  return {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
}
double dot(const Vec& u, const Vec& v) { return u[0] * v[0] + u[1] * v[1] + u[2] * v[2]; }
double rad(double deg) { return deg * std::numbers::pi / 180; }

// Cartesian basis: a along x, b in the xy plane, c from its projections.
std::array<Vec, 3> basis(double a, double b, double c, double al, double be, double ga) {
  const double cx = c * std::cos(rad(be));
  const double cy =
      c * (std::cos(rad(al)) - std::cos(rad(be)) * std::cos(rad(ga))) / std::sin(rad(ga));
  const double cz = std::sqrt(c * c - cx * cx - cy * cy);
  return {Vec{a, 0, 0}, Vec{b * std::cos(rad(ga)), b * std::sin(rad(ga)), 0}, Vec{cx, cy, cz}};
}

}  // namespace

TEST(XtalCell, CubicVolumeIsExactlyACubed) {
  // METHODS.md §5: V = a³ = 489.68 Å³ for bcc NaCB11H12 (a = 7.882 Å).
  const auto c = UnitCell::cubic(7.882);
  EXPECT_EQ(c.volume(), 7.882 * 7.882 * 7.882);
  EXPECT_NEAR(c.volume(), 489.68, 0.005);
  EXPECT_EQ(c.metric()[0][1], 0.0);
  EXPECT_EQ(c.metric()[1][2], 0.0);
  // Cubic: d = a/√(h² + k² + l²).
  EXPECT_NEAR(c.d_spacing(1, 1, 0), 7.882 / std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(c.d_spacing(2, 1, 1), 7.882 / std::sqrt(6.0), 1e-12);
  EXPECT_NEAR(c.d_spacing(-3, 0, 0), 7.882 / 3, 1e-12);
}

TEST(XtalCell, TetragonalAndOrthorhombic) {
  const auto t = UnitCell::tetragonal(4.0, 6.0);
  EXPECT_DOUBLE_EQ(t.volume(), 96.0);
  // 1/d² = (h² + k²)/a² + l²/c²
  EXPECT_NEAR(t.d_spacing(1, 1, 2), 1 / std::sqrt(2 / 16.0 + 4 / 36.0), 1e-12);
  const auto o = UnitCell::orthorhombic(3.0, 5.0, 7.0);
  EXPECT_DOUBLE_EQ(o.volume(), 105.0);
  EXPECT_NEAR(o.d_spacing(1, 2, 3), 1 / std::sqrt(1 / 9.0 + 4 / 25.0 + 9 / 49.0), 1e-12);
}

TEST(XtalCell, Hexagonal) {
  const double a = 3.21, c = 5.21;
  const auto h = UnitCell::hexagonal(a, c);
  EXPECT_NEAR(h.volume(), std::sqrt(3.0) / 2 * a * a * c, 1e-12);
  EXPECT_DOUBLE_EQ(h.metric()[0][1], -0.5 * a * a);  // cos 120° exactly −½
  for (auto [hh, kk, ll] : {std::array{1, 0, 0}, {1, 1, 0}, {1, 0, 1}, {2, -1, 3}}) {
    const double inv_d2 = 4.0 * (hh * hh + hh * kk + kk * kk) / (3 * a * a) + ll * ll / (c * c);
    EXPECT_NEAR(h.d_spacing(hh, kk, ll), 1 / std::sqrt(inv_d2), 1e-12);
  }
  const auto r = h.reciprocal_parameters();
  EXPECT_NEAR(r[5], 60.0, 1e-10);  // γ* = 180° − γ
  EXPECT_NEAR(r[2], 1 / c, 1e-14);
}

TEST(XtalCell, RhombohedralVolume) {
  // V = a³ √(1 − 3cos²α + 2cos³α)
  const double a = 5.0, al = 75.0, ca = std::cos(rad(al));
  const auto r = UnitCell::rhombohedral(a, al);
  EXPECT_NEAR(r.volume(), a * a * a * std::sqrt(1 - 3 * ca * ca + 2 * ca * ca * ca), 1e-11);
}

TEST(XtalCell, Monoclinic) {
  const double a = 5.1, b = 6.2, c = 7.3, be = 101.5;
  const auto m = UnitCell::monoclinic(a, b, c, be);
  const double sb = std::sin(rad(be)), cb = std::cos(rad(be));
  EXPECT_NEAR(m.volume(), a * b * c * sb, 1e-11);
  // 1/d² = [h²/a² + k² sin²β/b² + l²/c² − 2hl cos β/(ac)]/sin²β
  for (auto [h, k, l] : {std::array{1, 0, 0}, {1, 1, 1}, {-1, 0, 2}, {2, 3, -1}}) {
    const double inv_d2 =
        (h * h / (a * a) + k * k * sb * sb / (b * b) + l * l / (c * c) - 2 * h * l * cb / (a * c)) /
        (sb * sb);
    EXPECT_NEAR(m.d_spacing(h, k, l), 1 / std::sqrt(inv_d2), 1e-12);
  }
}

TEST(XtalCell, TriclinicAgainstCartesianReciprocalVectors) {
  const double a = 5.3, b = 7.1, c = 8.9, al = 82.0, be = 107.0, ga = 96.5;
  const auto t = UnitCell::triclinic(a, b, c, al, be, ga);
  const auto [va, vb, vc] = basis(a, b, c, al, be, ga);
  const double V = dot(va, cross(vb, vc));
  EXPECT_NEAR(t.volume(), V, 1e-10);
  Vec as = cross(vb, vc), bs = cross(vc, va), cs = cross(va, vb);
  for (auto* v : {&as, &bs, &cs})
    for (auto& x : *v) x /= V;
  for (auto [h, k, l] : {std::array{1, 0, 0}, {0, 1, 0}, {1, -1, 1}, {2, 3, -4}}) {
    Vec g{};
    for (int i = 0; i < 3; ++i) g[i] = h * as[i] + k * bs[i] + l * cs[i];
    EXPECT_NEAR(t.d_spacing(h, k, l), 1 / std::sqrt(dot(g, g)), 1e-12);
  }
  // G·G* = I, V·V* = 1.
  const auto& G = t.metric();
  const auto& Gs = t.reciprocal_metric();
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      double s = 0;
      for (int k = 0; k < 3; ++k) s += G[i][k] * Gs[k][j];
      EXPECT_NEAR(s, i == j ? 1.0 : 0.0, 1e-12);
    }
  const auto rp = t.reciprocal_parameters();
  const UnitCell rec(rp[0], rp[1], rp[2], rp[3], rp[4], rp[5]);
  EXPECT_NEAR(rec.volume() * t.volume(), 1.0, 1e-12);
  // The reciprocal of the reciprocal cell is the cell.
  const auto back = rec.reciprocal_parameters();
  EXPECT_NEAR(back[0], a, 1e-10);
  EXPECT_NEAR(back[4], be, 1e-9);
}

TEST(XtalCell, ImpossibleCellsThrow) {
  EXPECT_THROW(UnitCell(0, 1, 1), InvalidArgument);
  EXPECT_THROW(UnitCell(-3, 1, 1), InvalidArgument);
  EXPECT_THROW(UnitCell(1, NAN, 1), InvalidArgument);
  EXPECT_THROW(UnitCell(1, 1, 1, 0, 90, 90), InvalidArgument);
  EXPECT_THROW(UnitCell(1, 1, 1, 90, 180, 90), InvalidArgument);
  // One angle larger than the sum of the other two: 100 > 40 + 50.
  EXPECT_THROW(UnitCell(1, 1, 1, 100, 40, 50), InvalidArgument);
  // Sum of 360°: the three vectors are coplanar.
  EXPECT_THROW(UnitCell(1, 1, 1, 120, 120, 120), InvalidArgument);
  try {
    UnitCell(1, 1, 1, 100, 40, 50);
  } catch (const InvalidArgument& e) {
    EXPECT_NE(std::string(e.what()).find("cannot form a cell"), std::string::npos);
  }
  EXPECT_THROW(UnitCell::cubic(5).d_spacing(0, 0, 0), InvalidArgument);
  EXPECT_NO_THROW(UnitCell(1, 1, 1, 119, 119, 119));
}
