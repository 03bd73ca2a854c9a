// Unit-cell geometry (International Tables for Crystallography Vol. B, §1.1; docs/methods.md §5).
#include "solyte/xtal/cell.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>

#include "solyte/error.hpp"

namespace solyte::xtal {

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// Inverse of a symmetric positive-definite 3×3 matrix by cofactors; det > 0 is checked by
// the caller (it is V²).
Matrix3 inverse(const Matrix3& m, double det) {
  Matrix3 r{};
  r[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
  r[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
  r[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
  r[1][0] = r[0][1];
  r[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
  r[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
  r[2][0] = r[0][2];
  r[2][1] = r[1][2];
  r[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
  return r;
}

double acos_deg(double x) { return std::acos(std::clamp(x, -1.0, 1.0)) * 180.0 / std::numbers::pi; }

}  // namespace

double cos_deg(double angle_deg) {
  if (angle_deg == 90) return 0;
  if (angle_deg == 60) return 0.5;
  if (angle_deg == 120) return -0.5;
  return std::cos(angle_deg * std::numbers::pi / 180.0);
}

UnitCell::UnitCell(double a, double b, double c, double alpha_deg, double beta_deg,
                   double gamma_deg)
    : a_(a), b_(b), c_(c), alpha_(alpha_deg), beta_(beta_deg), gamma_(gamma_deg) {
  const char* names[3] = {"a", "b", "c"};
  const double lengths[3] = {a, b, c};
  for (int i = 0; i < 3; ++i)
    if (!std::isfinite(lengths[i]) || !(lengths[i] > 0))
      throw InvalidArgument(std::string("unit cell: ") + names[i] + " = " + num(lengths[i]) +
                            " Å; cell lengths must be positive and finite");
  const char* angle_names[3] = {"alpha", "beta", "gamma"};
  const double angles[3] = {alpha_deg, beta_deg, gamma_deg};
  for (int i = 0; i < 3; ++i)
    if (!std::isfinite(angles[i]) || !(angles[i] > 0) || !(angles[i] < 180))
      throw InvalidArgument(std::string("unit cell: ") + angle_names[i] + " = " + num(angles[i]) +
                            "°; cell angles must lie strictly between 0° and 180°");
  const double ca = cos_deg(alpha_deg), cb = cos_deg(beta_deg), cg = cos_deg(gamma_deg);
  // The three angles can meet at a corner only when each is smaller than the sum of the
  // other two and all three sum to less than 360°; this is exactly the condition that the
  // factor under the volume root be positive.
  const double factor = 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg;
  if (!(factor > 1e-12))
    throw InvalidArgument("unit cell: angles alpha = " + num(alpha_deg) +
                          "°, beta = " + num(beta_deg) + "°, gamma = " + num(gamma_deg) +
                          "° cannot form a cell (each angle must be smaller than the sum of "
                          "the other two, and all three must sum to less than 360°)");
  volume_ = a * b * c * std::sqrt(factor);
  g_ = {{{a * a, a * b * cg, a * c * cb},
         {a * b * cg, b * b, b * c * ca},
         {a * c * cb, b * c * ca, c * c}}};
  g_star_ = inverse(g_, volume_ * volume_);
}

std::array<double, 6> UnitCell::reciprocal_parameters() const {
  const double as = std::sqrt(g_star_[0][0]), bs = std::sqrt(g_star_[1][1]),
               cs = std::sqrt(g_star_[2][2]);
  return {as,
          bs,
          cs,
          acos_deg(g_star_[1][2] / (bs * cs)),
          acos_deg(g_star_[0][2] / (as * cs)),
          acos_deg(g_star_[0][1] / (as * bs))};
}

double UnitCell::d_spacing(int h, int k, int l) const {
  if (h == 0 && k == 0 && l == 0) throw InvalidArgument("d_spacing: (000) is not a lattice plane");
  const double v[3] = {static_cast<double>(h), static_cast<double>(k), static_cast<double>(l)};
  double q = 0;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) q += v[i] * g_star_[i][j] * v[j];
  return 1.0 / std::sqrt(q);
}

}  // namespace solyte::xtal
