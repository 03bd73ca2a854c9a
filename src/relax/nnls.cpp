#include "relax/nnls.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "solyte/error.hpp"

namespace solyte::relax::detail {

namespace {

// Cholesky factor RᵀR = H_PP of the passive block (R upper triangular, stored by columns so
// that the column of a variable is contiguous), kept up to date as variables enter and leave
// the passive set: an entering variable appends a column (one triangular solve, O(p²)); a
// leaving one deletes its column, and Givens rotations on adjacent rows restore the triangle
// (O(p²)); G. H. Golub and C. F. Van Loan, Matrix Computations, 4th ed. (2013), §6.5.4. This
// replaces the O(p³) refactorisation of every Lawson–Hanson step.
class PassiveCholesky {
 public:
  explicit PassiveCholesky(const Eigen::Map<const Eigen::MatrixXd>& h)
      : h_(h), r_(h.rows(), h.rows()) {}

  // Appends variable t; false (and no change) when its column is numerically dependent on
  // the passive ones (pivot below rounding level), which Lawson and Hanson also reject.
  bool add(Eigen::Index t) {
    const auto p = static_cast<Eigen::Index>(order_.size());
    const double htt = h_(t, t);
    if (!(htt > 0)) return false;
    double d2 = htt;
    if (p > 0) {
      auto col = r_.col(p).head(p);
      for (Eigen::Index i = 0; i < p; ++i) col(i) = h_(order_[static_cast<std::size_t>(i)], t);
      r_.topLeftCorner(p, p).transpose().triangularView<Eigen::Lower>().solveInPlace(col);
      d2 -= col.squaredNorm();
      if (!(d2 > kPivotTolerance * htt)) return false;
    }
    r_(p, p) = std::sqrt(d2);
    order_.push_back(t);
    return true;
  }

  void remove(Eigen::Index t) {
    const auto it = std::find(order_.begin(), order_.end(), t);
    if (it == order_.end()) return;
    const auto k = static_cast<Eigen::Index>(it - order_.begin());
    const auto p = static_cast<Eigen::Index>(order_.size());
    // Drop column k; the columns after it then carry one entry below the diagonal.
    for (Eigen::Index j = k; j + 1 < p; ++j) r_.col(j).head(j + 2) = r_.col(j + 1).head(j + 2);
    for (Eigen::Index j = k; j + 1 < p; ++j) {
      const double a = r_(j, j), b = r_(j + 1, j);
      const double rr = std::hypot(a, b);
      if (rr == 0) continue;
      const double c = a / rr, s = b / rr;
      r_(j, j) = rr;
      r_(j + 1, j) = 0;
      for (Eigen::Index col = j + 1; col + 1 < p; ++col) {
        const double x = r_(j, col), y = r_(j + 1, col);
        r_(j, col) = c * x + s * y;
        r_(j + 1, col) = -s * x + c * y;
      }
    }
    order_.erase(it);
  }

  // Factorises H_PP for the variables in `vars` at once (blocked Cholesky); returns the ones
  // kept. If H_PP is not numerically positive definite, adds them one by one instead,
  // leaving out those whose column is dependent on the ones before.
  std::vector<Eigen::Index> reset(const std::vector<Eigen::Index>& vars) {
    order_.clear();
    const auto p = static_cast<Eigen::Index>(vars.size());
    if (p > 0) {
      Eigen::LLT<Eigen::MatrixXd, Eigen::Upper> llt(h_(vars, vars));
      if (llt.info() == Eigen::Success) {
        const Eigen::MatrixXd u = llt.matrixU();
        bool ok = u.allFinite();
        for (Eigen::Index i = 0; ok && i < p; ++i) {
          const auto v = vars[static_cast<std::size_t>(i)];
          ok = u(i, i) * u(i, i) > kPivotTolerance * h_(v, v);
        }
        if (ok) {
          r_.topLeftCorner(p, p) = u;
          order_ = vars;
          return order_;
        }
      }
    }
    for (Eigen::Index v : vars) add(v);
    return order_;
  }

  // The minimiser of ½ zᵀHz − cᵀz over the passive variables, zero elsewhere.
  Eigen::VectorXd solve(const Eigen::Ref<const Eigen::VectorXd>& c) const {
    const auto p = static_cast<Eigen::Index>(order_.size());
    Eigen::VectorXd y(p);
    for (Eigen::Index i = 0; i < p; ++i) y(i) = c(order_[static_cast<std::size_t>(i)]);
    const auto rp = r_.topLeftCorner(p, p);
    rp.transpose().triangularView<Eigen::Lower>().solveInPlace(y);
    rp.triangularView<Eigen::Upper>().solveInPlace(y);
    Eigen::VectorXd z = Eigen::VectorXd::Zero(c.size());
    for (Eigen::Index i = 0; i < p; ++i) z(order_[static_cast<std::size_t>(i)]) = y(i);
    return z;
  }

  const std::vector<Eigen::Index>& order() const { return order_; }

 private:
  // sin² of the angle between a new column and the span of the passive ones (in the metric
  // of H) below which the column counts as dependent: a few hundred ulps.
  static constexpr double kPivotTolerance = 256 * std::numeric_limits<double>::epsilon();
  const Eigen::Map<const Eigen::MatrixXd>& h_;
  Eigen::MatrixXd r_;
  std::vector<Eigen::Index> order_;
};

}  // namespace

NnlsResult nnls_gram(std::span<const double> h_data, std::span<const double> c_data,
                     const NnlsOptions& options) {
  const auto n = static_cast<Eigen::Index>(c_data.size());
  if (h_data.size() != c_data.size() * c_data.size())
    throw InvalidArgument("nnls: H must be square and of the size of c");
  const Eigen::Map<const Eigen::MatrixXd> h(h_data.data(), n, n);
  const Eigen::Map<const Eigen::VectorXd> c(c_data.data(), n);
  if (!h.allFinite() || !c.allFinite())
    throw NumericalError("nnls: non-finite entries in the normal equations");
  const auto un = static_cast<std::size_t>(n);
  std::vector<bool> is_free(un, false);
  if (!options.free.empty()) {
    if (options.free.size() != un) throw InvalidArgument("nnls: free mask has the wrong size");
    is_free = options.free;
  }
  const std::size_t max_iterations = options.max_iterations ? options.max_iterations : 3 * un + 30;

  const bool warm = !options.start.empty();
  if (warm && options.start.size() != c_data.size())
    throw InvalidArgument("nnls: warm start has the wrong size");
  const Eigen::Map<const Eigen::VectorXd> start(warm ? options.start.data() : c_data.data(), n);
  if (warm && !start.allFinite()) throw NumericalError("nnls: non-finite warm start");

  NnlsResult r;
  Eigen::VectorXd x = Eigen::VectorXd::Zero(n);
  r.passive.assign(un, false);
  PassiveCholesky chol(h);
  std::vector<Eigen::Index> initial;
  for (Eigen::Index i = 0; i < n; ++i)
    if (is_free[static_cast<std::size_t>(i)] || (warm && start(i) > 0)) initial.push_back(i);
  // A variable whose column is dependent on the others is left at 0, which stays feasible.
  for (Eigen::Index i : chol.reset(initial)) {
    r.passive[static_cast<std::size_t>(i)] = true;
    x(i) = warm ? start(i) : 0.0;
  }
  for (Eigen::Index i = 0; i < n; ++i)
    if (is_free[static_cast<std::size_t>(i)] && !r.passive[static_cast<std::size_t>(i)])
      throw NumericalError("nnls: an unconstrained variable is linearly dependent on others");
  const double h_norm = h.cwiseAbs().maxCoeff();
  const double c_norm = c.cwiseAbs().maxCoeff();
  const double eps = std::numeric_limits<double>::epsilon();
  std::vector<bool> excluded(un, false);  // w_t > 0 but t cannot enter: skip t for now
  bool solve_first = std::any_of(r.passive.begin(), r.passive.end(), [](bool b) { return b; });
  Eigen::Index added = -1;

  while (true) {
    if (solve_first) {
      // Inner loop: move from the feasible x towards the passive-set minimiser z, dropping
      // variables that reach their bound, until z itself is feasible.
      while (true) {
        if (r.iterations >= max_iterations) {
          r.x.assign(x.data(), x.data() + n);
          return r;
        }
        ++r.iterations;
        const Eigen::VectorXd z = chol.solve(c);
        if (added >= 0 && z(added) <= 0) {
          // Lawson–Hanson's guard: the new variable cannot move inside the feasible set.
          chol.remove(added);
          r.passive[static_cast<std::size_t>(added)] = false;
          excluded[static_cast<std::size_t>(added)] = true;
          added = -1;
          break;
        }
        added = -1;
        double alpha = 1.0;
        Eigen::Index blocking = -1;
        for (Eigen::Index i = 0; i < n; ++i) {
          const auto ui = static_cast<std::size_t>(i);
          if (!r.passive[ui] || is_free[ui] || z(i) > 0) continue;
          const double a = x(i) / (x(i) - z(i));
          if (blocking < 0 || a < alpha) {
            alpha = a;
            blocking = i;
          }
        }
        if (blocking < 0) {
          x = z;
          std::fill(excluded.begin(), excluded.end(), false);
          break;
        }
        x += alpha * (z - x);
        for (Eigen::Index i = 0; i < n; ++i) {
          const auto ui = static_cast<std::size_t>(i);
          if (r.passive[ui] && !is_free[ui] && (i == blocking || x(i) <= 0)) {
            chol.remove(i);
            r.passive[ui] = false;
            x(i) = 0;
          }
        }
      }
    }
    // Outer loop: the constrained variable at its bound whose gradient points most into the
    // feasible set enters the passive set; none → the Karush–Kuhn–Tucker conditions hold.
    // w = c − Hx with x zero outside the passive set.
    Eigen::VectorXd w = c;
    for (Eigen::Index j : chol.order()) w -= x(j) * h.col(j);
    const double tol =
        64 * eps * static_cast<double>(n) * (c_norm + h_norm * x.cwiseAbs().maxCoeff());
    Eigen::Index best = -1;
    for (Eigen::Index i = 0; i < n; ++i) {
      const auto ui = static_cast<std::size_t>(i);
      if (r.passive[ui] || excluded[ui] || w(i) <= tol) continue;
      if (best < 0 || w(i) > w(best)) best = i;
    }
    if (best < 0) {
      r.converged = true;
      r.x.assign(x.data(), x.data() + n);
      return r;
    }
    if (!chol.add(best)) {
      excluded[static_cast<std::size_t>(best)] = true;
      solve_first = false;
      continue;
    }
    r.passive[static_cast<std::size_t>(best)] = true;
    added = best;
    solve_first = true;
  }
}

NnlsResult nnls(std::span<const double> a_data, std::size_t rows, std::span<const double> b_data,
                const NnlsOptions& options) {
  if (rows == 0 || a_data.size() % rows != 0 || b_data.size() != rows)
    throw InvalidArgument("nnls: A and b have inconsistent sizes");
  const auto m = static_cast<Eigen::Index>(rows);
  const auto n = static_cast<Eigen::Index>(a_data.size() / rows);
  const Eigen::Map<const Eigen::MatrixXd> a(a_data.data(), m, n);
  const Eigen::Map<const Eigen::VectorXd> b(b_data.data(), m);
  const Eigen::MatrixXd h = a.transpose() * a;
  const Eigen::VectorXd c = a.transpose() * b;
  return nnls_gram({h.data(), static_cast<std::size_t>(h.size())},
                   {c.data(), static_cast<std::size_t>(c.size())}, options);
}

}  // namespace solyte::relax::detail
