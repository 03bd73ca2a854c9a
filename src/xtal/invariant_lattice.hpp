// A lattice whose metric every rotation of a space group preserves, for handing model crystals or
// bare operations to spglib (Wyckoff letters, type identification).
#pragma once

#include <Eigen/Dense>

#include "solyte/xtal/space_group.hpp"

namespace solyte::xtal::detail {

// The group average of a generic positive-definite metric, G = (1/n) Σ Rᵀ G0 R. Its Cholesky factor
// gives lattice vectors of that cell, so spglib sees a lattice of exactly the group's holohedry (or
// a subgroup-compatible one). Returns basis vectors as columns (spglib's layout).
template <class Ops>
Eigen::Matrix3d invariant_lattice(const Ops& operations) {
  Eigen::Matrix3d g0;
  g0 << 1.00, 0.013, 0.007,  //
      0.013, 1.31, 0.011,    //
      0.007, 0.011, 1.73;
  Eigen::Matrix3d sum = Eigen::Matrix3d::Zero();
  std::size_t n = 0;
  for (const auto& op : operations) {
    Eigen::Matrix3d r;
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j) r(i, j) = op.rotation[i][j];
    sum += r.transpose() * g0 * r;
    ++n;
  }
  const Eigen::Matrix3d metric = sum / static_cast<double>(n);
  // G = L Lᵀ; the columns of A = Lᵀ are basis vectors with AᵀA = G.
  const Eigen::Matrix3d l = metric.llt().matrixL();
  return l.transpose();
}

}  // namespace solyte::xtal::detail
