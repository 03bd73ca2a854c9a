// Non-negative least squares by the active-set method of Lawson and Hanson (private to the
// library; used by the DRT).
//
//   std::vector<double> a{1, 0, 1,  0, 1, 1};   // 3×2, column-major: columns (1,0,1), (0,1,1)
//   std::vector<double> b{2, -1, 1};
//   auto r = solyte::relax::detail::nnls(a, 3, b);   // x = (1.5, 0): x₂ pinned at its bound
//
// Problem: minimise ½‖A x − b‖² subject to x_i ≥ 0 for every i not marked free. The solver
// works on the Gram form, minimise ½ xᵀH x − cᵀx with H = AᵀA, c = Aᵀb, because the DRT
// solves one problem per regularisation parameter with the same A: H = AᵀA + λ K is formed
// once per λ at the cost of an addition, and each passive-set subproblem is a |P|×|P|
// LDLT factorisation instead of a QR of the tall augmented matrix [A; √λ L] (whose normal
// matrix is exactly H).
//
// Algorithm: C. L. Lawson and R. J. Hanson, Solving Least Squares Problems (Prentice-Hall,
// 1974), ch. 23, algorithm NNLS, with two additions: variables marked free (no bound) are
// in the passive set from the start and never leave it, and the iteration may start from a
// feasible point (warm start) — its support is the initial passive set, the inner loop
// restores optimality on it before the outer loop continues. Both keep the algorithm's
// invariant (x feasible, x_i > 0 on the constrained part of the passive set), so its
// finite-termination argument carries over. Stopping: no constrained variable at its bound
// has a gradient component w_i = (c − Hx)_i above a tolerance of the order of the rounding
// in w.
//
// Matrices are plain column-major arrays (Eigen::Map inside), so the solver can be called and
// tested without Eigen on the include path.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace solyte::relax::detail {

struct NnlsResult {
  std::vector<double> x;       ///< the solution; x_i ≥ 0 for every constrained i
  std::vector<bool> passive;   ///< passive set at the solution (free variables included)
  std::size_t iterations = 0;  ///< passive-set factorisations
  bool converged = false;      ///< false: the iteration cap was reached (x is feasible)
};

struct NnlsOptions {
  std::vector<bool> free;          ///< empty = every variable constrained to ≥ 0
  std::span<const double> start;   ///< feasible warm start (its support is used)
  std::size_t max_iterations = 0;  ///< 0 → 3·n + 30 factorisations
};

/// Gram form: minimise ½ xᵀH x − cᵀx, x_i ≥ 0 unless free. H symmetric positive
/// semi-definite, n×n column-major; c of size n. Throws InvalidArgument for inconsistent
/// sizes, NumericalError for non-finite input.
NnlsResult nnls_gram(std::span<const double> h, std::span<const double> c,
                     const NnlsOptions& options = {});

/// Least-squares form: minimise ‖A x − b‖², x ≥ 0; A has `rows` rows (column-major), b
/// `rows` entries. Forms the Gram matrix and calls nnls_gram.
NnlsResult nnls(std::span<const double> a, std::size_t rows, std::span<const double> b,
                const NnlsOptions& options = {});

}  // namespace solyte::relax::detail
