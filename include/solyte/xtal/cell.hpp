// Unit cells of every crystal system: volume, metric tensors, d-spacings.
//
//   auto c = solyte::xtal::UnitCell::cubic(7.882);             // bcc NaCB11H12, Im-3m
//   double v = c.volume();                                     // 489.68 Å³
//   double d = c.d_spacing(1, 1, 0);                           // 5.5734 Å
//   auto m = solyte::xtal::UnitCell(5.1, 6.2, 7.3, 90, 101.5, 90);   // monoclinic
//
// Units: lengths in ångström (Å) and angles in degrees, as crystallography always writes
// them (CIF, International Tables); this is the one place, with xtal/packing.hpp, where the
// library departs from SI lengths. Reciprocal quantities are in 1/Å (without the 2π factor).
//
// Formulas (International Tables for Crystallography Vol. B, 3rd ed. 2008, §1.1.2–1.1.4,
// U. Shmueli & D. Sayre): metric tensor G_ij = a_i·a_j,
//   G = | a²        ab cos γ   ac cos β |
//       | ab cos γ  b²         bc cos α |
//       | ac cos β  bc cos α   c²       |,
// V = abc·√(1 − cos²α − cos²β − cos²γ + 2 cos α cos β cos γ) = √det G, reciprocal metric
// G* = G⁻¹, and 1/d²(hkl) = (h k l)·G*·(h k l)ᵀ.
//
// Failures: the constructor throws InvalidArgument for a non-finite or non-positive length,
// an angle outside (0°, 180°), or angles that cannot meet at a corner (one larger than the
// sum of the other two, or a sum of 360° or more: the volume factor under the root ≤ 0).
// d_spacing throws InvalidArgument for (000).
#pragma once

#include <array>

namespace solyte::xtal {

/// A 3×3 matrix, row-major: m[i][j].
using Matrix3 = std::array<std::array<double, 3>, 3>;

class UnitCell {
 public:
  /// a, b, c in Å; α (between b and c), β (between a and c), γ (between a and b) in degrees.
  UnitCell(double a, double b, double c, double alpha_deg = 90, double beta_deg = 90,
           double gamma_deg = 90);

  // One named constructor per lattice system; the constraints of the system are implied.
  static UnitCell cubic(double a) { return {a, a, a}; }
  static UnitCell tetragonal(double a, double c) { return {a, a, c}; }
  static UnitCell orthorhombic(double a, double b, double c) { return {a, b, c}; }
  /// Hexagonal axes (also for trigonal groups in the hexagonal setting): γ = 120°.
  static UnitCell hexagonal(double a, double c) { return {a, a, c, 90, 90, 120}; }
  /// Rhombohedral axes: a = b = c, α = β = γ.
  static UnitCell rhombohedral(double a, double alpha_deg) {
    return {a, a, a, alpha_deg, alpha_deg, alpha_deg};
  }
  /// Monoclinic, unique axis b: α = γ = 90°.
  static UnitCell monoclinic(double a, double b, double c, double beta_deg) {
    return {a, b, c, 90, beta_deg, 90};
  }
  static UnitCell triclinic(double a, double b, double c, double alpha_deg, double beta_deg,
                            double gamma_deg) {
    return {a, b, c, alpha_deg, beta_deg, gamma_deg};
  }

  double a() const { return a_; }
  double b() const { return b_; }
  double c() const { return c_; }
  double alpha_deg() const { return alpha_; }
  double beta_deg() const { return beta_; }
  double gamma_deg() const { return gamma_; }

  /// Cell volume in Å³.
  double volume() const { return volume_; }
  /// Metric tensor G (Å²).
  const Matrix3& metric() const { return g_; }
  /// Reciprocal metric tensor G* = G⁻¹ (1/Å²).
  const Matrix3& reciprocal_metric() const { return g_star_; }

  /// Reciprocal cell: a*, b*, c* in 1/Å and α*, β*, γ* in degrees.
  std::array<double, 6> reciprocal_parameters() const;

  /// Interplanar spacing d(hkl) in Å (Miller indices may be any integers, not all zero).
  double d_spacing(int h, int k, int l) const;

 private:
  double a_, b_, c_, alpha_, beta_, gamma_;
  double volume_;
  Matrix3 g_, g_star_;
};

/// cos of an angle in degrees, exact (0, ±½) at 90°, 60° and 120° so that orthogonal cells
/// have exactly zero off-diagonal metric terms and V = abc to the last bit.
double cos_deg(double angle_deg);

}  // namespace solyte::xtal
