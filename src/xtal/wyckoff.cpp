// Wyckoff orbits and letters (docs/methods.md §4c). The orbit and multiplicity are computed
// here from the group's operations; the letter and oriented site-symmetry symbol come from
// spglib, which holds the Wyckoff tables of the International Tables.
#include "solyte/xtal/wyckoff.hpp"

#include <spglib.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "solyte/error.hpp"
#include "xtal/invariant_lattice.hpp"

namespace solyte::xtal {

namespace {

double reduce(double v, double tolerance) {
  double r = v - std::floor(v);
  if (r >= 1 - tolerance) r = 0;  // 0.9999999 and 1 are the origin
  if (r < 0) r = 0;
  return r;
}

bool same_position(const Fractional& a, const Fractional& b, double tolerance) {
  for (int i = 0; i < 3; ++i) {
    double d = std::abs(a[i] - b[i]);
    d = std::min(d, 1 - d);  // modulo 1
    if (d > tolerance) return false;
  }
  return true;
}

Fractional transform(const SymmetryOperation& op, const Fractional& x) {
  Fractional y{};
  for (int i = 0; i < 3; ++i) {
    y[i] = op.translation[i];
    for (int j = 0; j < 3; ++j) y[i] += op.rotation[i][j] * x[j];
  }
  return y;
}

std::string letter_of(int index) {
  if (index >= 0 && index < 26) return std::string(1, static_cast<char>('a' + index));
  if (index == 26) return "\xCE\xB1";  // α, the 27th position of Pmmm
  return "?";
}

}  // namespace

std::vector<Fractional> orbit(const SpaceGroup& group, const Fractional& position,
                              double tolerance) {
  if (!(tolerance > 0) || !(tolerance < 0.1))
    throw InvalidArgument("position tolerance must be in (0, 0.1)");
  for (double v : position)
    if (!std::isfinite(v)) throw InvalidArgument("position coordinates must be finite");
  if (group.operations.empty()) throw InvalidArgument("space group has no operations");
  std::vector<Fractional> out;
  Fractional first{};
  for (int i = 0; i < 3; ++i) first[i] = reduce(position[i], tolerance);
  out.push_back(first);
  for (const auto& op : group.operations) {
    Fractional y = transform(op, first);
    for (double& v : y) v = reduce(v, tolerance);
    bool seen = false;
    for (const auto& z : out)
      if (same_position(y, z, tolerance)) {
        seen = true;
        break;
      }
    if (!seen) out.push_back(y);
  }
  return out;
}

WyckoffSite wyckoff_site(const SpaceGroup& group, const Fractional& position, double tolerance) {
  WyckoffSite s;
  s.orbit = orbit(group, position, tolerance);
  s.position = s.orbit.front();
  s.multiplicity = static_cast<int>(s.orbit.size());
  if (group.order() % s.multiplicity != 0)
    throw NumericalError("orbit of " + std::to_string(s.multiplicity) +
                         " positions does not divide the group order " +
                         std::to_string(group.order()) + "; is the tolerance too large?");
  s.site_symmetry_order = group.order() / s.multiplicity;

  // The crystal handed to spglib: this orbit (type 1) plus the orbit of a general position
  // (type 2). Alone, a special orbit can have more symmetry than the group (a single atom
  // has the lattice's full symmetry); the general orbit pins the symmetry to the group.
  // spglib reports the letter of y_s = P y + p (y the input atom) in its standardised frame,
  // whose operations are the database's for this Hall number, i.e. ours; that letter is the
  // letter of x whenever y_s lies in the orbit of x, which is checked. spglib may pick a
  // (P, p) in the normaliser (e.g. a → −a, b → −b for P2_1/c), so when x itself does not map
  // onto its orbit, the preimage of x is tried, then other general positions.
  const Fractional markers[] = {{0.1173, 0.2341, 0.3629},
                                {0.3217, 0.0743, 0.1931},
                                {0.2089, 0.4127, 0.0557},
                                {0.0613, 0.3391, 0.4471}};
  const Eigen::Matrix3d a = detail::invariant_lattice(group.operations);
  double lattice[3][3];
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) lattice[i][j] = a(i, j);
  // Cell edges are ~1, so symprec in Cartesian units is about the fractional tolerance.
  const double symprec = std::max(tolerance, 1e-8);
  std::string failure = "no general position tried";
  for (const auto& m : markers) {
    const std::vector<Fractional> general = orbit(group, m, 1e-9);
    // y is the position handed to spglib: first x itself, then the preimage of x under the
    // standardisation spglib chose in the previous try (its linear part is fixed by the
    // operations and the metric, so the second try normally lands on the orbit of x).
    Fractional y = s.position;
    for (int attempt = 0; attempt < 2; ++attempt) {
      const std::vector<Fractional> images = attempt == 0 ? s.orbit : orbit(group, y, tolerance);
      bool clash = false;
      for (const auto& p : general)
        for (const auto& q : images) clash = clash || same_position(p, q, 1e-3);
      if (clash) break;
      const std::size_t n = images.size() + general.size();
      std::vector<double> pos(3 * n);
      std::vector<int> types(n);
      for (std::size_t i = 0; i < n; ++i) {
        const Fractional& p = i < images.size() ? images[i] : general[i - images.size()];
        for (int k = 0; k < 3; ++k) pos[3 * i + k] = p[k];
        types[i] = i < images.size() ? 1 : 2;
      }
      SpglibDataset* d = spg_get_dataset_with_hall_number(
          lattice, reinterpret_cast<double(*)[3]>(pos.data()), types.data(), static_cast<int>(n),
          group.hall_number, symprec);
      if (d == nullptr) {
        failure = std::string("spglib could not analyse the orbit: ") +
                  spg_get_error_message(spg_get_error_code());
        break;
      }
      if (d->hall_number != group.hall_number || d->n_operations != group.order()) {
        failure = "spglib did not recognise the Hall setting in the orbit";
        spg_free_dataset(d);
        break;
      }
      Eigen::Matrix3d pm;
      Eigen::Vector3d shift, yv(y[0], y[1], y[2]);
      for (int i = 0; i < 3; ++i) {
        shift(i) = d->origin_shift[i];
        for (int j = 0; j < 3; ++j) pm(i, j) = d->transformation_matrix[i][j];
      }
      const Eigen::Vector3d ys = pm * yv + shift;
      const Fractional ysf{ys(0), ys(1), ys(2)};
      const bool ok = std::any_of(s.orbit.begin(), s.orbit.end(), [&](const Fractional& q) {
        return same_position(ysf, q, std::max(10 * tolerance, 1e-6));
      });
      if (ok) {
        s.letter = letter_of(d->wyckoffs[0]);
        s.site_symmetry = d->site_symmetry_symbols[0];
      }
      spg_free_dataset(d);
      if (ok) return s;
      failure = "spglib's standardisation moved the position to another orbit";
      const Eigen::Vector3d xv(s.position[0], s.position[1], s.position[2]);
      const Eigen::Vector3d pre = pm.inverse() * (xv - shift);
      for (int k = 0; k < 3; ++k) y[k] = pre(k);
    }
  }
  throw NumericalError("no Wyckoff letter for this position in Hall setting " +
                       std::to_string(group.hall_number) + ": " + failure);
}

}  // namespace solyte::xtal
