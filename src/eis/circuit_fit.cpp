// Circuit fits: residuals and exact Jacobians (automatic differentiation of the elements, chain
// rule through the tree: eis/circuit_jacobian.hpp), solved by ceres::TinySolver, with a bound
// polish and a seeded multi-start fallback.
#include "solyte/eis/circuit_fit.hpp"

#include <ceres/jet.h>
#include <ceres/tiny_solver.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "eis/circuit_jacobian.hpp"
#include "solyte/error.hpp"
#include "solyte/fit/transform.hpp"

namespace solyte::eis {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The points of one spectrum inside the window, with 1/σ of each residual.
struct Data {
  FrequencyGrid grid;
  std::vector<double> f_hz, zr, zi, wr, wi;
  std::size_t n = 0;
};

// The parameters of one run: natural values (starting values in, fixed ones held), which of them
// move, and how.
struct Setup {
  std::vector<fit::Parameter> params;
  std::vector<std::size_t> free;
  void refresh_free() {
    free.clear();
    for (std::size_t i = 0; i < params.size(); ++i)
      if (!params[i].fixed) free.push_back(i);
  }
};

// Residuals r = (Z_model − Z)/σ, Re block then Im block, and their Jacobian (column-major) with
// respect to the internal variables of the free parameters. The last point's residuals and
// Jacobian are kept: TinySolver evaluates the residuals at a trial step and, when it accepts the
// step, the residuals and Jacobian at the same point again, so the forward pass of a trial serves
// both and the derivatives are computed only where asked for. Buffers are allocated once per
// run, none per evaluation.
template <int P>
class Cost {
 public:
  using Scalar = double;
  enum { NUM_RESIDUALS = Eigen::Dynamic, NUM_PARAMETERS = P };

  Cost(const Circuit& c, const Data& d, const Setup& s)
      : d_(d),
        s_(s),
        cd_(c, d.grid),
        p_(s.params.size()),
        dpdu_(s.free.size()),
        column_(s.params.size(), -1),
        r_(2 * d.n),
        jac_(2 * d.n * s.free.size()) {
    for (std::size_t k = 0; k < s.free.size(); ++k)
      column_[s.free[k]] = static_cast<std::ptrdiff_t>(k);
  }

  int NumResiduals() const { return static_cast<int>(2 * d_.n); }
  int NumParameters() const { return static_cast<int>(s_.free.size()); }

  // As TinySolver's functor: the residuals and, when `jac`, the Jacobian; false when either is
  // not finite (both are computed).
  bool operator()(const double* u, double* r, double* jac) const {
    const bool ok = evaluate(u, true);
    std::copy(r_.begin(), r_.end(), r);
    if (jac) std::copy(jac_.begin(), jac_.end(), jac);
    return ok;
  }

  /// Residuals (and with `jacobian` the Jacobian) at internal values u into residuals() and
  /// jacobian(); false when they are not finite.
  bool evaluate(const double* u, bool jacobian) const {
    const std::size_t m = s_.free.size();
    if (!have_values_ || !std::equal(u, u + m, u_.begin())) {
      for (std::size_t i = 0; i < s_.params.size(); ++i) p_[i] = s_.params[i].value;
      for (std::size_t k = 0; k < m; ++k) {
        // dp/du through the same template the values use.
        const auto y = fit::to_natural(s_.params[s_.free[k]], ceres::Jet<double, 1>(u[k], 0));
        p_[s_.free[k]] = y.a;
        dpdu_[k] = y.v[0];
      }
      u_.assign(u, u + m);
      values_ok_ = residuals_at_p();
      have_values_ = true;
      have_jacobian_ = false;
    }
    if (!values_ok_) return false;
    if (jacobian && !have_jacobian_) {
      jacobian_ok_ = jacobian_at_p();
      have_jacobian_ = true;
    }
    return !jacobian || jacobian_ok_;
  }
  const double* residuals() const { return r_.data(); }
  const double* jacobian() const { return jac_.data(); }

  /// r and ∂r/∂v at natural values v of the free parameters (for the covariance).
  bool natural_jacobian(const double* v, double* r, double* jac) const {
    for (std::size_t i = 0; i < s_.params.size(); ++i) p_[i] = s_.params[i].value;
    for (std::size_t k = 0; k < s_.free.size(); ++k) {
      p_[s_.free[k]] = v[k];
      dpdu_[k] = 1;
    }
    have_values_ = false;
    const bool ok = residuals_at_p() && jacobian_at_p();
    std::copy(r_.begin(), r_.end(), r);
    std::copy(jac_.begin(), jac_.end(), jac);
    return ok;
  }

 private:
  // Non-finite values are caught by summing v·0, which is 0 for finite v and NaN otherwise: no
  // branch in the loops, which the compiler can then vectorise (the pointers are local so that
  // the stores cannot alias the data).
  bool residuals_at_p() const {
    cd_.values(p_.data());
    const Cplx<double>* z = cd_.z();
    const std::size_t n = d_.n;
    const double *wr = d_.wr.data(), *wi = d_.wi.data(), *zr = d_.zr.data(), *zi = d_.zi.data();
    double* re = r_.data();
    double* im = re + n;
    double nan_if_bad = 0;
    for (std::size_t i = 0; i < n; ++i) {
      re[i] = wr[i] * (z[i].re - zr[i]);
      im[i] = wi[i] * (z[i].im - zi[i]);
      nan_if_bad += re[i] * 0.0 + im[i] * 0.0;
    }
    return nan_if_bad == 0;
  }
  // The Jacobian columns are written by the backward pass itself, weighted and scaled by dp/du.
  bool jacobian_at_p() const {
    const detail::CircuitDerivatives::WeightedColumns out{column_.data(), dpdu_.data(),
                                                          d_.wr.data(), d_.wi.data(), jac_.data()};
    return cd_.derivatives(p_.data(), &out);
  }

  const Data& d_;
  const Setup& s_;
  mutable detail::CircuitDerivatives cd_;
  mutable std::vector<double> p_, dpdu_;
  std::vector<std::ptrdiff_t> column_;       // Jacobian column of each parameter, −1 if fixed
  mutable std::vector<double> u_, r_, jac_;  // the last point, its residuals and Jacobian
  mutable bool have_values_ = false, values_ok_ = false, have_jacobian_ = false,
               jacobian_ok_ = false;
};

// JᵀJ (lower and upper triangles) and Jᵀr of a column-major Jacobian, by dot products of its
// columns: cheaper than a general matrix product for a few columns of ~100 rows.
template <int P>
void normal_equations(const double* jac, const double* r, std::size_t rows, Eigen::Index m,
                      Eigen::Matrix<double, P, P>& a, Eigen::Matrix<double, P, 1>& g) {
  const Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, P>> j(
      jac, static_cast<Eigen::Index>(rows), m);
  const Eigen::Map<const Eigen::VectorXd> res(r, static_cast<Eigen::Index>(rows));
  a.resize(m, m);
  g.resize(m);
  for (Eigen::Index k = 0; k < m; ++k) {
    g[k] = j.col(k).dot(res);
    for (Eigen::Index l = 0; l <= k; ++l) a(k, l) = a(l, k) = j.col(k).dot(j.col(l));
  }
}

// The same least-squares problem for TinySolver with m + 1 residuals instead of 2·points.
// TinySolver uses the residuals and Jacobian only through JᵀJ, Jᵀr and ‖r‖² (and ‖r‖² alone at
// a trial step), so any J', r' with J'ᵀJ' = JᵀJ, J'ᵀr' = Jᵀr and ‖r'‖² = ‖r‖² gives the same
// iterations: with JᵀJ = PᵀLDLᵀP (pivoted LDLᵀ), J' = [D^½LᵀP; 0] and r' = [D^-½L⁻¹Pg; ρ],
// ρ² = ‖r‖² − ‖D^-½L⁻¹Pg‖² (the part of r outside the range of J). JᵀJ is formed here by dot
// products of the Jacobian's columns, once, where TinySolver would form it with a general
// matrix product of the tall Jacobian; its own algebra then runs on (m + 1) × m fixed-size
// matrices. At a trial step r' = (‖r‖, 0, …, 0). A pivot that rounding leaves ≤ 0 (a
// parameter the data do not determine) gets a zero row.
//
// A trial is accepted by TinySolver exactly when it lowers ‖r'‖² below that of the last point
// where the Jacobian was asked for (the gain predicted by its damped model is positive), and it
// ends the solve when the change is below the function tolerance. Only then is the Jacobian at
// the trial computed with it, and a trial whose Jacobian is not finite is failed (as when the
// Jacobian came with every evaluation); any other trial is rejected and costs the forward pass
// alone.
template <int P>
class Compressed {
 public:
  using Scalar = double;
  enum { NUM_RESIDUALS = P == Eigen::Dynamic ? Eigen::Dynamic : P + 1, NUM_PARAMETERS = P };

  // `function_tolerance`: the solver's option, read at every trial.
  Compressed(Cost<P>& full, std::size_t rows, std::size_t m, const double& function_tolerance)
      : full_(full), rows_(rows), m_(m), function_tolerance_(function_tolerance) {}

  int NumResiduals() const { return static_cast<int>(m_ + 1); }
  int NumParameters() const { return static_cast<int>(m_); }

  bool operator()(const double* u, double* r, double* jac) const {
    const auto m = static_cast<Eigen::Index>(m_);
    Eigen::Map<Eigen::VectorXd> out(r, m + 1);
    // TinySolver does not look at the return value of a trial: a failed one must leave
    // non-finite residuals for the step to be rejected.
    out.setConstant(std::numeric_limits<double>::quiet_NaN());
    if (!full_.evaluate(u, false)) return false;
    const Eigen::Map<const Eigen::VectorXd> res(full_.residuals(),
                                                static_cast<Eigen::Index>(rows_));
    const double r2 = res.squaredNorm();
    out.setZero();
    if (!jac) {
      out[0] = res.norm();
      const double change = last_r2_ - out.squaredNorm();  // as TinySolver computes it
      const bool ends_or_moves = change > 0 || std::abs(change) < function_tolerance_;
      if (ends_or_moves && !full_.evaluate(u, true)) {
        out.setConstant(std::numeric_limits<double>::quiet_NaN());
        return false;
      }
      return true;
    }
    out.setConstant(std::numeric_limits<double>::quiet_NaN());
    if (!full_.evaluate(u, true)) return false;
    out.setZero();
    Eigen::Matrix<double, P, P> a(m, m);
    Eigen::Matrix<double, P, 1> g(m);
    normal_equations<P>(full_.jacobian(), full_.residuals(), rows_, m, a, g);
    const Eigen::LDLT<Eigen::Matrix<double, P, P>> ldlt(a);
    if (ldlt.info() != Eigen::Success) {
      out.setConstant(std::numeric_limits<double>::quiet_NaN());
      return false;
    }
    // y = D^-½ L⁻¹ P g; rows D^½ Lᵀ P.
    // P is a sequence of row swaps (k, t_k), applied in order; Pᵀ in reverse.
    const auto& t = ldlt.transpositionsP().indices();
    Eigen::Matrix<double, P, 1> y = g;
    for (Eigen::Index k = 0; k < m; ++k) std::swap(y[k], y[t[k]]);
    ldlt.matrixL().solveInPlace(y);
    Eigen::Matrix<double, P, P> lp = ldlt.matrixL();
    for (Eigen::Index k = m - 1; k >= 0; --k) lp.row(k).swap(lp.row(t[k]));
    Eigen::Map<Eigen::Matrix<double, NUM_RESIDUALS, P>> jo(jac, m + 1, m);
    jo.setZero();
    for (Eigen::Index k = 0; k < m; ++k) {
      const double dk = ldlt.vectorD()[k];
      if (!(dk > 0)) continue;
      const double sd = std::sqrt(dk);
      out[k] = y[k] / sd;
      jo.row(k) = sd * lp.col(k).transpose();
    }
    const double rest = r2 - out.head(m).squaredNorm();
    out[m] = std::sqrt(std::max(rest, 0.0));
    last_r2_ = Eigen::Matrix<double, NUM_RESIDUALS, 1>(out).squaredNorm();
    return std::isfinite(last_r2_) && jo.allFinite();
  }

 private:
  Cost<P>& full_;
  std::size_t rows_, m_;
  const double& function_tolerance_;
  mutable double last_r2_ = std::numeric_limits<double>::infinity();
};

struct Run {
  std::vector<double> values;  ///< all parameters, natural
  double chi2 = kInf;
  fit::FitStatus status = fit::FitStatus::failed;
  std::string message;
  std::size_t iterations = 0;
};

// The Gauss–Newton step left at x in units of the standard errors: its Mahalanobis norm
// √(gᵀ(JᵀJ)⁻¹g/s²), g = Jᵀr, s² = χ²/(n − p), which bounds the step of every parameter
// divided by its standard error (Cauchy–Schwarz) and is the same in any parametrisation.
// Infinite when JᵀJ is singular (a parameter the data do not determine).
template <int P>
double gauss_newton_step(Cost<P>& cost, const Eigen::Matrix<double, P, 1>& x, std::size_t rows) {
  const auto m = x.size();
  if (!cost.evaluate(x.data(), true)) return kInf;
  Eigen::Matrix<double, P, P> jtj;
  Eigen::Matrix<double, P, 1> g;
  normal_equations<P>(cost.jacobian(), cost.residuals(), rows, m, jtj, g);
  const Eigen::LDLT<Eigen::Matrix<double, P, P>> ldlt(jtj);
  if (ldlt.info() != Eigen::Success || !ldlt.isPositive()) return kInf;
  const Eigen::Map<const Eigen::VectorXd> r(cost.residuals(), static_cast<Eigen::Index>(rows));
  const double s2 = r.squaredNorm() / static_cast<double>(static_cast<Eigen::Index>(rows) - m);
  const double m2 = g.dot(ldlt.solve(g)) / s2;
  return std::isfinite(m2) && m2 >= 0 ? std::sqrt(m2) : kInf;
}

// TinySolver's cost tolerance is absolute, so it is rescaled to the cost reached and the run
// resumed. A run has converged when (1) after a stop the Gauss–Newton step left is below
// `step_tolerance` standard errors, or (2) the relative change of χ² per iteration is below
// `tolerance` and a restart no longer improves it. While (1) is sought the solver stops at a
// χ² change of step_tolerance²·s², what a step of that many standard errors gains; a stop on
// a plateau (damping grown large, a long step still predicted) is resumed with fresh damping,
// and when that no longer gains the run continues under (2) alone. P is the number of free
// parameters when it is small (fixed-size normal equations), else Eigen::Dynamic.
template <int P>
Run run_p(const Circuit& c, const Data& d, const Setup& s, int max_iterations, double tolerance,
          double step_tolerance) {
  Run out;
  out.values.resize(s.params.size());
  for (std::size_t i = 0; i < s.params.size(); ++i) out.values[i] = s.params[i].value;
  const std::size_t m = s.free.size();
  Cost<P> cost(c, d, s);
  Eigen::Matrix<double, P, 1> x(static_cast<Eigen::Index>(m));
  for (std::size_t k = 0; k < m; ++k)
    x[static_cast<Eigen::Index>(k)] =
        fit::to_internal(s.params[s.free[k]], s.params[s.free[k]].value);
  std::vector<double> r(2 * d.n);
  if (!cost(x.data(), r.data(), nullptr)) {
    out.message = "the model is not finite at the starting values";
    return out;
  }
  double chi2 = 0;
  for (double v : r) chi2 += v * v;

  const double dof = static_cast<double>(2 * d.n - m);
  bool by_step = step_tolerance > 0;
  // The absolute χ² change at which the solver stops, at a χ² level.
  auto function_tolerance = [&](double level) {
    return by_step ? std::max(tolerance, step_tolerance * step_tolerance / dof) * level
                   : tolerance * level;
  };
  ceres::TinySolver<Compressed<P>> solver;
  Compressed<P> compressed(cost, 2 * d.n, m, solver.options.function_tolerance);
  solver.options.max_num_iterations = max_iterations;
  solver.options.gradient_tolerance = 0;
  solver.options.parameter_tolerance = 1e-10;
  solver.options.cost_threshold = std::max(1e-32 * chi2, std::numeric_limits<double>::min());
  solver.options.function_tolerance = function_tolerance(chi2);
  using Status = typename ceres::TinySolver<Compressed<P>>::Status;
  Status status = ceres::TinySolver<Compressed<P>>::HIT_MAX_ITERATIONS;
  int iterations = 0;
  bool small_step = false;
  double previous = chi2;
  for (int round = 0; round < 16 && iterations < max_iterations; ++round) {
    solver.options.max_num_iterations = max_iterations - iterations;
    const auto& summary = solver.Solve(compressed, &x);
    iterations += std::max(summary.iterations, 0);
    status = summary.status;
    const double reached = 2 * summary.final_cost;
    if (status != ceres::TinySolver<Compressed<P>>::COST_CHANGE_TOO_SMALL) break;
    if (by_step && gauss_newton_step(cost, x, 2 * d.n) <= step_tolerance) {
      small_step = true;
      break;
    }
    if (round > 0 && previous - reached <= 10 * function_tolerance(previous)) {
      if (!by_step) break;
      by_step = false;  // no step criterion here: on under (2)
    }
    previous = reached;
    solver.options.function_tolerance = function_tolerance(reached);
  }
  out.iterations = static_cast<std::size_t>(iterations);
  for (std::size_t k = 0; k < m; ++k)
    out.values[s.free[k]] = fit::to_natural(s.params[s.free[k]], x[static_cast<Eigen::Index>(k)]);
  if (!cost(x.data(), r.data(), nullptr)) {
    out.message = "the model is not finite at the optimum";
    return out;
  }
  out.chi2 = 0;
  for (double v : r) out.chi2 += v * v;
  switch (status) {
    case ceres::TinySolver<Compressed<P>>::HIT_MAX_ITERATIONS:
      out.status = fit::FitStatus::max_iterations;
      out.message = "stopped at the iteration limit (" + std::to_string(max_iterations) + ")";
      break;
    case ceres::TinySolver<Compressed<P>>::RELATIVE_STEP_SIZE_TOO_SMALL:
      out.status = fit::FitStatus::converged;
      out.message = "converged: the step became negligible";
      break;
    case ceres::TinySolver<Compressed<P>>::COST_TOO_SMALL:
      out.status = fit::FitStatus::converged;
      out.message = "converged: the misfit vanished";
      break;
    default:
      out.status = fit::FitStatus::converged;
      out.message = small_step ? "converged: the Gauss-Newton step left is below the step "
                                 "tolerance in standard errors"
                               : "converged: the relative change of chi2 per iteration fell "
                                 "below the tolerance";
      break;
  }
  return out;
}

Run run(const Circuit& c, const Data& d, const Setup& s, int max_iterations, double tolerance,
        double step_tolerance) {
  switch (s.free.size()) {
    case 1:
      return run_p<1>(c, d, s, max_iterations, tolerance, step_tolerance);
    case 2:
      return run_p<2>(c, d, s, max_iterations, tolerance, step_tolerance);
    case 3:
      return run_p<3>(c, d, s, max_iterations, tolerance, step_tolerance);
    case 4:
      return run_p<4>(c, d, s, max_iterations, tolerance, step_tolerance);
    case 5:
      return run_p<5>(c, d, s, max_iterations, tolerance, step_tolerance);
    case 6:
      return run_p<6>(c, d, s, max_iterations, tolerance, step_tolerance);
    case 7:
      return run_p<7>(c, d, s, max_iterations, tolerance, step_tolerance);
    case 8:
      return run_p<8>(c, d, s, max_iterations, tolerance, step_tolerance);
    default:
      return run_p<Eigen::Dynamic>(c, d, s, max_iterations, tolerance, step_tolerance);
  }
}

bool natural_jacobian(const Circuit& c, const Data& d, const Setup& s, std::vector<double>& r,
                      std::vector<double>& jac) {
  Cost<Eigen::Dynamic> cost(c, d, s);
  std::vector<double> v;
  for (std::size_t i : s.free) v.push_back(s.params[i].value);
  r.assign(2 * d.n, 0.0);
  jac.assign(2 * d.n * s.free.size(), 0.0);
  return cost.natural_jacobian(v.data(), r.data(), jac.data());
}

std::vector<Cplx<double>> model(const Circuit& c, const Data& d, const std::vector<double>& v) {
  std::vector<Cplx<double>> z(d.n), scratch(c.scratch_size(d.n));
  c.evaluate(v.data(), d.grid, z.data(), scratch.data());
  return z;
}

double rms_relative(const Circuit& c, const Data& d, const std::vector<double>& v) {
  const auto z = model(c, d, v);
  double s = 0;
  for (std::size_t i = 0; i < d.n; ++i) {
    const double dr = z[i].re - d.zr[i], di = z[i].im - d.zi[i];
    s += (dr * dr + di * di) / (d.zr[i] * d.zr[i] + d.zi[i] * d.zi[i]);
  }
  const double rms = std::sqrt(s / static_cast<double>(d.n));
  return std::isfinite(rms) ? rms : kInf;
}

// An arc-like block in series (a parallel block, Zarc, RQ, HN, K, G, Gs, Ws) whose impedance
// stays below 1e-4 of |Z| at every point has lost its arc: the run sits on a plateau where
// the circuit is one element short (resistors and capacitive parts may vanish legitimately).
bool lost_block(const Circuit& c, const Data& d, const std::vector<double>& v) {
  const auto& root = c.nodes()[c.root()];
  if (root.kind != Circuit::NodeKind::series) return false;
  std::vector<Cplx<double>> z(d.n), scratch(c.scratch_size(d.n));
  for (std::size_t child : root.children) {
    const auto& node = c.nodes()[child];
    if (node.kind == Circuit::NodeKind::element) {
      switch (node.type) {
        case ElementType::Zarc:
        case ElementType::RQ:
        case ElementType::HN:
        case ElementType::K:
        case ElementType::G:
        case ElementType::Gs:
        case ElementType::Ws:
          break;
        default:
          continue;
      }
    }
    c.evaluate_node(child, v.data(), d.grid, z.data(), scratch.data());
    double largest = 0;
    for (std::size_t i = 0; i < d.n; ++i) {
      const double rel = std::hypot(z[i].re, z[i].im) / std::hypot(d.zr[i], d.zi[i]);
      largest = std::max(largest, std::isfinite(rel) ? rel : 1.0);
    }
    if (largest < 1e-4) return true;
  }
  return false;
}

Data window(const Spectrum& s, const CircuitFitOptions& o) {
  const double lo = o.f_min_hz ? *o.f_min_hz * (1 - 1e-6) : 0.0;
  const double hi = o.f_max_hz ? *o.f_max_hz * (1 + 1e-6) : kInf;
  if (o.f_min_hz && o.f_max_hz && !(*o.f_min_hz < *o.f_max_hz))
    throw InvalidArgument("fit window: f_min must be below f_max");
  const std::size_t total = s.size();
  if (o.weighting == Weighting::sigma && o.sigma_ohm.size() != total &&
      o.sigma_ohm.size() != 2 * total)
    throw InvalidArgument(s.label() + ": sigma weighting needs " + std::to_string(total) + " or " +
                          std::to_string(2 * total) + " values of σ, " +
                          std::to_string(o.sigma_ohm.size()) + " given");
  Data d;
  for (std::size_t i = 0; i < total; ++i) {
    const double f = s.frequency_hz[i];
    if (f < lo || f > hi) continue;
    const std::complex<double> z = s.impedance_ohm[i];
    const double mod = std::abs(z);
    double sr = 1, si = 1;
    switch (o.weighting) {
      case Weighting::unit:
        break;
      case Weighting::modulus:
        sr = si = mod;
        break;
      case Weighting::proportional:
        sr = std::max(std::abs(z.real()), 1e-3 * mod);
        si = std::max(std::abs(z.imag()), 1e-3 * mod);
        break;
      case Weighting::sigma:
        sr = o.sigma_ohm[i];
        si = o.sigma_ohm.size() == total ? o.sigma_ohm[i] : o.sigma_ohm[total + i];
        break;
    }
    if (!(sr > 0) || !(si > 0) || !std::isfinite(sr) || !std::isfinite(si))
      throw InvalidArgument(s.label() + ": point " + std::to_string(i + 1) +
                            " has no usable weight (σ must be finite and > 0; |Z| = 0?)");
    d.f_hz.push_back(f);
    d.zr.push_back(z.real());
    d.zi.push_back(z.imag());
    d.wr.push_back(1 / sr);
    d.wi.push_back(1 / si);
  }
  d.n = d.f_hz.size();
  d.grid = FrequencyGrid::from_hz(d.f_hz);
  return d;
}

// Parameters with the circuit's transforms, the caller's bounds and fixed values.
Setup make_setup(const Circuit& c, const CircuitFitOptions& o) {
  Setup s;
  for (const auto& cp : c.parameters())
    s.params.push_back({.name = cp.name,
                        .unit = cp.unit,
                        .value = 0,
                        .transform = cp.transform,
                        .lower = cp.lower,
                        .upper = cp.upper});
  for (const auto& b : o.bounds) {
    auto& p = s.params[c.index_of(b.name)];
    if (!(b.lower < b.upper) || std::isnan(b.lower) || std::isnan(b.upper))
      throw InvalidArgument("bounds of " + p.name + ": the lower bound must be below the upper");
    if (b.lower == 0 && b.upper == kInf) {
      p.transform = fit::Transform::log;
    } else if (b.lower == -kInf && b.upper == kInf) {
      p.transform = fit::Transform::none;
    } else if (std::isfinite(b.lower) && std::isfinite(b.upper)) {
      // Positive ranges over decades keep the log scale.
      p.transform = b.lower > 0 && b.upper / b.lower > 100 ? fit::Transform::log_logistic
                                                           : fit::Transform::logistic;
      p.lower = b.lower;
      p.upper = b.upper;
    } else {
      throw InvalidArgument("bounds of " + p.name +
                            ": give two finite bounds, 0:inf (positive) or -inf:inf (free)");
    }
  }
  for (const auto& f : o.fixed) {
    auto& p = s.params[c.index_of(f.name)];
    if (!std::isfinite(f.value))
      throw InvalidArgument("fixed value of " + p.name + " must be finite");
    p.fixed = true;
    p.value = f.value;
  }
  s.refresh_free();
  return s;
}

// Starting values into `s` (free parameters only), moved strictly inside their bounds.
void set_start(Setup& s, const std::vector<double>& start) {
  for (std::size_t i : s.free) {
    auto& p = s.params[i];
    double v = start[i];
    if (p.transform == fit::Transform::log && !(v > 0))
      throw InvalidArgument("starting value of " + p.name + " must be > 0 (it is " +
                            std::to_string(v) + ")");
    if (fit::is_bounded(p.transform)) {
      const double margin = 1e-6 * (p.upper - p.lower);
      if (!std::isfinite(v)) v = 0.5 * (p.lower + p.upper);
      v = std::clamp(v, p.lower + margin, p.upper - margin);
      if (p.transform == fit::Transform::log_logistic)
        v = std::clamp(v, p.lower * (1 + 1e-9), p.upper * (1 - 1e-9));
    }
    p.value = v;
    fit::validate(p);
  }
}

// An optimum on a bound cannot be reached through the logistic map, only approached; a parameter
// within 1e-3 of its range from a bound is held on it when that is no worse.
Run polish_bounds(const Circuit& c, const Data& d, Setup& s, Run best, const CircuitFitOptions& o,
                  std::vector<bool>& at_bound) {
  for (std::size_t i = 0; i < s.params.size(); ++i) {
    auto& p = s.params[i];
    if (p.fixed || !fit::is_bounded(p.transform)) continue;
    const double v = best.values[i], range = p.upper - p.lower;
    double edge;
    if (v - p.lower < 1e-3 * range)
      edge = p.lower;
    else if (p.upper - v < 1e-3 * range)
      edge = p.upper;
    else
      continue;
    Setup trial = s;
    for (std::size_t j = 0; j < trial.params.size(); ++j) trial.params[j].value = best.values[j];
    trial.params[i].fixed = true;
    trial.params[i].value = edge;
    trial.refresh_free();
    if (trial.free.empty()) continue;
    Run held = run(c, d, trial, o.max_iterations, o.tolerance, o.step_tolerance);
    if (held.status == fit::FitStatus::converged && held.chi2 <= best.chi2) {
      held.iterations += best.iterations;
      best = std::move(held);
      s = std::move(trial);
      at_bound[i] = true;
    }
  }
  return best;
}

struct Attempt {
  Run run;
  Setup setup;
  std::vector<bool> at_bound;
  std::vector<double> start;
};

Attempt attempt(const Circuit& c, const Data& d, const Setup& base,
                const std::vector<double>& start, const CircuitFitOptions& o) {
  Attempt a{
      .setup = base, .at_bound = std::vector<bool>(base.params.size(), false), .start = start};
  set_start(a.setup, start);
  for (std::size_t i = 0; i < a.start.size(); ++i) a.start[i] = a.setup.params[i].value;
  a.run = run(c, d, a.setup, o.max_iterations, o.tolerance, o.step_tolerance);
  if (a.run.status != fit::FitStatus::failed)
    a.run = polish_bounds(c, d, a.setup, std::move(a.run), o, a.at_bound);
  return a;
}

bool better(const Run& a, const Run& b) {
  if ((a.status == fit::FitStatus::failed) != (b.status == fit::FitStatus::failed))
    return b.status == fit::FitStatus::failed;
  return a.chi2 < b.chi2;
}

// Blocks of the same structure in series (p(R1,CPE1)-p(R2,CPE2)) are interchangeable: the fit
// may label either arc first. They are put in order of decreasing frequency of their −Z''
// maximum (evaluated alone over the data's grid), so that R1 is always the high-frequency arc
// and a temperature series keeps its columns. Blocks whose parameters the caller names (fixed,
// guessed or bounded) keep their labels.
void order_blocks(const Circuit& c, const Data& d, const CircuitFitOptions& o, Attempt& a) {
  const auto& root = c.nodes()[c.root()];
  if (root.kind != Circuit::NodeKind::series) return;
  std::vector<bool> named(c.parameter_count(), false);
  for (const auto& g : o.guess) named[c.index_of(g.name)] = true;
  for (const auto& f : o.fixed) named[c.index_of(f.name)] = true;
  for (const auto& b : o.bounds) named[c.index_of(b.name)] = true;
  std::vector<bool> done(root.children.size(), false);
  std::vector<Cplx<double>> z(d.n), scratch(c.scratch_size(d.n));
  for (std::size_t i = 0; i < root.children.size(); ++i) {
    if (done[i]) continue;
    const std::string key = c.structure(root.children[i]);
    std::vector<std::size_t> group;
    for (std::size_t j = i; j < root.children.size(); ++j)
      if (!done[j] && c.structure(root.children[j]) == key) {
        group.push_back(root.children[j]);
        done[j] = true;
      }
    if (group.size() < 2) continue;
    bool free = true;
    std::vector<std::pair<double, std::size_t>> peaks;  // (−ω of the −Z'' maximum, node)
    for (std::size_t node : group) {
      const auto [first, count] = c.parameter_range(node);
      for (std::size_t k = first; k < first + count; ++k) free = free && !named[k];
      c.evaluate_node(node, a.run.values.data(), d.grid, z.data(), scratch.data());
      std::size_t top = 0;
      for (std::size_t k = 1; k < d.n; ++k)
        if (-z[k].im > -z[top].im) top = k;
      peaks.push_back({-d.grid.omega[top], node});
    }
    if (!free) continue;
    std::vector<std::pair<double, std::size_t>> sorted = peaks;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    const auto values = a.run.values, start = a.start;
    const auto bound = a.at_bound;
    for (std::size_t slot = 0; slot < group.size(); ++slot) {
      const std::size_t to = c.parameter_range(peaks[slot].second).first;
      const auto [from, count] = c.parameter_range(sorted[slot].second);
      for (std::size_t k = 0; k < count; ++k) {
        a.run.values[to + k] = values[from + k];
        a.start[to + k] = start[from + k];
        a.at_bound[to + k] = bound[from + k];
      }
    }
  }
}

}  // namespace

std::string_view to_string(Weighting w) {
  switch (w) {
    case Weighting::unit:
      return "unit";
    case Weighting::modulus:
      return "modulus";
    case Weighting::proportional:
      return "proportional";
    case Weighting::sigma:
      return "sigma";
  }
  return "unit";
}

Weighting parse_weighting(std::string_view name) {
  if (name == "unit") return Weighting::unit;
  if (name == "modulus") return Weighting::modulus;
  if (name == "proportional") return Weighting::proportional;
  if (name == "sigma") return Weighting::sigma;
  throw InvalidArgument("unknown weighting '" + std::string(name) +
                        "'; use unit, modulus, proportional or sigma");
}

std::vector<double> CircuitFitResult::values() const {
  std::vector<double> v;
  for (const auto& p : report.parameters) v.push_back(p.value);
  return v;
}

CircuitFitResult fit_circuit(const Spectrum& s, const Circuit& c, const CircuitFitOptions& o) {
  validate(s);
  const Data d = window(s, o);
  Setup base = make_setup(c, o);
  const std::size_t m = base.free.size();
  if (m == 0) throw InvalidArgument("every parameter of " + c.to_string() + " is fixed");
  if (2 * d.n <= m)
    throw InvalidArgument(s.label() + ": the fit window holds " + std::to_string(d.n) +
                          " points (" + std::to_string(2 * d.n) + " residuals) for " +
                          std::to_string(m) + " free parameters");
  if (o.max_iterations < 1) throw InvalidArgument("max_iterations must be at least 1");
  if (!(o.tolerance > 0) || !(o.tolerance < 1))
    throw InvalidArgument("the fit tolerance must lie in (0, 1)");
  if (!(o.step_tolerance >= 0) || !(o.step_tolerance < 1))
    throw InvalidArgument("the fit step tolerance must lie in [0, 1) standard errors");

  // Starting values: the caller's vector or the data's, then single guesses.
  std::vector<double> start;
  std::string origin;
  if (!o.start.empty()) {
    if (o.start.size() != c.parameter_count())
      throw InvalidArgument("start: " + std::to_string(o.start.size()) + " values for " +
                            std::to_string(c.parameter_count()) + " parameters of " +
                            c.to_string());
    start = o.start;
    origin = "neighbour";
  } else {
    std::vector<std::complex<double>> z(d.n);
    for (std::size_t i = 0; i < d.n; ++i) z[i] = {d.zr[i], d.zi[i]};
    start = initial_guess(c, d.f_hz, z);
    origin = "data";
  }
  std::vector<bool> guessed(c.parameter_count(), false);
  for (const auto& g : o.guess) {
    const std::size_t i = c.index_of(g.name);
    start[i] = g.value;
    guessed[i] = true;
  }
  if (!o.guess.empty() &&
      std::all_of(base.free.begin(), base.free.end(), [&](std::size_t i) { return guessed[i]; }))
    origin = "given";
  for (std::size_t i = 0; i < base.params.size(); ++i)
    if (base.params[i].fixed) start[i] = base.params[i].value;

  Attempt best = attempt(c, d, base, start, o);
  std::size_t tried = 1;
  double rms =
      best.run.status == fit::FitStatus::failed ? kInf : rms_relative(c, d, best.run.values);
  // Fallback when the first optimum is poor: not converged, misfit above poor_fit_rms, or a
  // block that lost its arc.
  if (o.multistart && (best.run.status != fit::FitStatus::converged || rms > o.poor_fit_rms ||
                       lost_block(c, d, best.run.values))) {
    auto consider = [&](const std::vector<double>& trial, const char* name) {
      Attempt a = attempt(c, d, base, trial, o);
      ++tried;
      if (!better(a.run, best.run)) return false;
      best = std::move(a);
      origin = name;
      rms = rms_relative(c, d, best.run.values);
      return best.run.status == fit::FitStatus::converged && rms < 0.5 * o.poor_fit_rms &&
             !lost_block(c, d, best.run.values);
    };
    // A poor start given by the caller (or a neighbour) first yields to the data's own.
    bool done = false;
    if (origin != "data") {
      std::vector<std::complex<double>> z(d.n);
      for (std::size_t i = 0; i < d.n; ++i) z[i] = {d.zr[i], d.zi[i]};
      std::vector<double> from_data = initial_guess(c, d.f_hz, z);
      for (std::size_t i = 0; i < base.params.size(); ++i)
        if (base.params[i].fixed) from_data[i] = base.params[i].value;
      done = consider(from_data, "data");
    }
    // Then starts spread log-uniformly over ±2 decades around the first start (bounded
    // parameters uniformly over the inner 94 % of their range, unbounded ones by ±2 times
    // their magnitude), from a fixed seed.
    std::mt19937_64 rng(20140207);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int k = 0; k < o.starts && !done; ++k) {
      std::vector<double> trial = start;
      for (std::size_t i : base.free) {
        const auto& p = base.params[i];
        const double u = unit(rng);
        if (fit::is_bounded(p.transform))
          trial[i] = p.lower + (p.upper - p.lower) * (0.03 + 0.94 * u);
        else if (p.transform == fit::Transform::log)
          trial[i] = start[i] * std::pow(10.0, 4 * u - 2);
        else
          trial[i] = start[i] + std::abs(start[i]) * (4 * u - 2);
      }
      done = consider(trial, "multistart");
    }
  }

  if (best.run.status != fit::FitStatus::failed) order_blocks(c, d, o, best);

  // The report: parameters held on a bound count as free (their curvature gives the error, as
  // RelaxIS reports it); the Jacobian is taken at the natural values.
  Setup rs = base;
  for (std::size_t i = 0; i < rs.params.size(); ++i) rs.params[i].value = best.run.values[i];
  rs.refresh_free();
  std::vector<double> r, jac;
  natural_jacobian(c, d, rs, r, jac);
  CircuitFitResult out;
  out.report = fit::report_from_jacobian(rs.params, r, jac, best.run.status, best.run.message,
                                         best.run.iterations, best.at_bound);
  out.circuit = c.to_string();
  out.weighting = o.weighting;
  out.start_values = best.start;
  out.start = origin;
  out.starts_tried = tried;
  out.frequency_hz = d.f_hz;
  out.n_points = d.n;
  out.f_min_hz = *std::min_element(d.f_hz.begin(), d.f_hz.end());
  out.f_max_hz = *std::max_element(d.f_hz.begin(), d.f_hz.end());
  const auto z = model(c, d, best.run.values);
  double ss = 0;
  for (std::size_t i = 0; i < d.n; ++i) {
    const std::complex<double> data{d.zr[i], d.zi[i]}, fitted{z[i].re, z[i].im};
    out.impedance_ohm.push_back(data);
    out.fitted_ohm.push_back(fitted);
    const double mod = std::abs(data);
    out.residual_re.push_back((data.real() - fitted.real()) / mod);
    out.residual_im.push_back((data.imag() - fitted.imag()) / mod);
    ss += std::norm(data - fitted) / (mod * mod);
  }
  out.rms_relative = std::sqrt(ss / static_cast<double>(d.n));
  return out;
}

}  // namespace solyte::eis
