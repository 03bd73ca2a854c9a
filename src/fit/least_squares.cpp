#include "solyte/fit/least_squares.hpp"

#include <ceres/ceres.h>

#include <Eigen/Dense>
#include <cmath>
#include <functional>
#include <limits>

#include "solyte/error.hpp"
#include "solyte/fit/transform.hpp"

namespace solyte::fit {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Problem {
  const ResidualFunction& f;
  const std::vector<Parameter>& params;
  const std::vector<std::size_t>& free;   // indices of free parameters
  std::size_t n;

  // Full natural vector from the free internal variables.
  void natural(const double* u, std::vector<double>& v) const {
    v.resize(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) v[i] = params[i].value;
    for (std::size_t k = 0; k < free.size(); ++k) v[free[k]] = to_natural(params[free[k]], u[k]);
  }
};

struct CostFunctor {
  const Problem* problem;
  bool operator()(double const* const* u, double* r) const {
    std::vector<double> v;
    problem->natural(u[0], v);
    problem->f(v, std::span<double>(r, problem->n));
    for (std::size_t i = 0; i < problem->n; ++i)
      if (!std::isfinite(r[i])) return false;   // Ceres shortens the step
    return true;
  }
};

// d(natural)/d(internal) at the internal value u: exp(u) = v for log; for the logistic map
// (upper − lower)·s(1 − s) with s = 1/(1 + e^(−u)), written as e/(1 + e)², e = e^(−|u|), which
// keeps its accuracy where the map saturates.
double natural_slope(const Parameter& p, double u) {
  switch (p.transform) {
    case Transform::none: return 1;
    case Transform::log: return std::exp(u);
    case Transform::logistic: {
      const double e = std::exp(-std::abs(u));
      return (p.upper - p.lower) * e / ((1 + e) * (1 + e));
    }
    case Transform::log_logistic: {  // v = exp(a + (b − a)s): dv/du = v (b − a) s(1 − s)
      const double e = std::exp(-std::abs(u));
      const double a = std::log(p.lower), b = std::log(p.upper);
      return to_natural(p, u) * (b - a) * e / ((1 + e) * (1 + e));
    }
  }
  return 1;
}

// Exact derivatives from the model, mapped onto the free internal variables by the chain rule.
class AnalyticCost final : public ceres::CostFunction {
 public:
  AnalyticCost(const ResidualJacobianFunction& f, const Problem& problem)
      : f_(f), problem_(problem) {
    set_num_residuals(static_cast<int>(problem.n));
    mutable_parameter_block_sizes()->push_back(static_cast<int>(problem.free.size()));
  }
  bool Evaluate(double const* const* u, double* r, double** jacobians) const override {
    std::vector<double> v;
    problem_.natural(u[0], v);
    const std::size_t n = problem_.n, np = v.size(), m = problem_.free.size();
    if (jacobians == nullptr || jacobians[0] == nullptr) {
      f_(v, std::span<double>(r, n), {});
    } else {
      std::vector<double> jn(n * np);
      f_(v, std::span<double>(r, n), jn);
      for (std::size_t k = 0; k < m; ++k) {
        const std::size_t c = problem_.free[k];
        const double slope = natural_slope(problem_.params[c], u[0][k]);
        for (std::size_t i = 0; i < n; ++i) {
          const double d = jn[i * np + c] * slope;
          if (!std::isfinite(d)) return false;
          jacobians[0][i * m + k] = d;
        }
      }
    }
    for (std::size_t i = 0; i < n; ++i)
      if (!std::isfinite(r[i])) return false;  // Ceres shortens the step
    return true;
  }

 private:
  const ResidualJacobianFunction& f_;
  const Problem& problem_;
};

}  // namespace

void validate(const Parameter& p) {
  if (!std::isfinite(p.value))
    throw InvalidArgument("fit parameter '" + p.name + "' has a non-finite starting value");
  if (p.fixed) return;
  if (p.transform == Transform::log && !(p.value > 0))
    throw InvalidArgument("fit parameter '" + p.name + "' must start positive (log scale)");
  if (p.transform == Transform::log_logistic && !(p.lower > 0))
    throw InvalidArgument("fit parameter '" + p.name + "' needs a positive lower bound");
  if (is_bounded(p.transform) && !(p.lower < p.value && p.value < p.upper))
    throw InvalidArgument("fit parameter '" + p.name + "' must start strictly inside (" +
                          std::to_string(p.lower) + ", " + std::to_string(p.upper) + ")");
}

std::string_view to_string(FitStatus s) {
  switch (s) {
    case FitStatus::converged: return "converged";
    case FitStatus::max_iterations: return "max-iterations";
    case FitStatus::failed: return "failed";
  }
  return "failed";
}

const ParameterResult& FitReport::at(std::string_view name) const {
  for (const auto& p : parameters)
    if (p.name == name) return p;
  throw InvalidArgument("no fit parameter named '" + std::string(name) + "'");
}

FitReport report_from_jacobian(const std::vector<Parameter>& parameters,
                               std::span<const double> residuals, std::span<const double> jacobian,
                               FitStatus status, std::string message, std::size_t iterations,
                               const std::vector<bool>& at_bound) {
  std::size_t m = 0;
  for (const auto& p : parameters) m += p.fixed ? 0 : 1;
  const std::size_t n_res = residuals.size();
  if (jacobian.size() != n_res * m)
    throw InvalidArgument(
        "report_from_jacobian: the Jacobian must hold n_residuals × n_free values");
  if (!at_bound.empty() && at_bound.size() != parameters.size())
    throw InvalidArgument("report_from_jacobian: one at_bound flag per parameter");

  FitReport rep;
  rep.n_residuals = n_res;
  rep.n_free = m;
  rep.iterations = iterations;
  rep.status = status;
  rep.message = std::move(message);
  rep.residuals.assign(residuals.begin(), residuals.end());
  for (double r : rep.residuals) rep.chi2 += r * r;
  if (!std::isfinite(rep.chi2)) {
    rep.status = FitStatus::failed;
    rep.message = "the residuals are not finite at the optimum";
  }
  const double n = static_cast<double>(n_res), p = static_cast<double>(m);
  rep.reduced_chi2 = n > p ? rep.chi2 / (n - p) : kNaN;
  const double chi2_floor = std::max(rep.chi2, std::numeric_limits<double>::min());
  rep.aic = n * std::log(chi2_floor / n) + 2 * p;
  rep.bic = n * std::log(chi2_floor / n) + p * std::log(n);

  // cov = s²(JᵀJ)⁻¹ from the Jacobian in natural units. Parameters spanning decades
  // (R ~ 1e9 Ω beside C ~ 1e-12 F) make JᵀJ span 40 decades, so its columns are equilibrated
  // first: (JᵀJ)⁻¹ = D(DJᵀJD)⁻¹D with D = diag(1/‖J_k‖). Parameters without a separate effect
  // on the residuals (an element that ran to zero or infinity, or became a copy of another)
  // get no error and the others keep theirs: they are the columns a QR with column pivoting
  // of J·diag(scale) leaves beyond its rank (threshold 1e-8), the scale being a parameter's
  // own size (its range when bounded), so that of two equivalent columns the one that moves
  // the residuals least is left out.
  const Eigen::Map<const Eigen::MatrixXd> jac(jacobian.data(), static_cast<Eigen::Index>(n_res),
                                              static_cast<Eigen::Index>(m));
  const Eigen::VectorXd norms = jac.colwise().norm().transpose();
  std::vector<std::size_t> used;
  std::string idle;
  if (m > 0 && jac.allFinite()) {
    Eigen::VectorXd scale(static_cast<Eigen::Index>(m));
    std::vector<std::string> names;
    for (const auto& q : parameters) {
      if (q.fixed) continue;
      const auto k = static_cast<Eigen::Index>(names.size());
      scale(k) = q.transform == Transform::logistic ? q.upper - q.lower
                 : q.value != 0                     ? std::abs(q.value)
                                                    : 1.0;
      names.push_back(q.name);
    }
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(jac * scale.asDiagonal());
    qr.setThreshold(1e-8);
    std::vector<bool> independent(m, false);
    for (Eigen::Index j = 0; j < qr.rank(); ++j)
      independent[static_cast<std::size_t>(qr.colsPermutation().indices()(j))] = true;
    for (std::size_t k = 0; k < m; ++k) {
      if (independent[k] && norms(static_cast<Eigen::Index>(k)) > 0)
        used.push_back(k);
      else
        idle += (idle.empty() ? "" : ", ") + names[k];
    }
  }
  Eigen::MatrixXd cov =
      Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(m), kNaN);
  const auto mu = static_cast<Eigen::Index>(used.size());
  Eigen::MatrixXd sub(static_cast<Eigen::Index>(n_res), mu);
  Eigen::VectorXd d(mu);
  for (Eigen::Index j = 0; j < mu; ++j) {
    const auto col = static_cast<Eigen::Index>(used[static_cast<std::size_t>(j)]);
    d(j) = 1 / norms(col);
    sub.col(j) = jac.col(col) * d(j);
  }
  const Eigen::MatrixXd jtj = sub.transpose() * sub;
  Eigen::FullPivLU<Eigen::MatrixXd> lu(jtj);
  const bool invertible =
      mu > 0 && sub.allFinite() && lu.isInvertible() && n > p && std::isfinite(rep.reduced_chi2);
  if (invertible) {
    const Eigen::MatrixXd c = d.asDiagonal() * lu.inverse() * d.asDiagonal() * rep.reduced_chi2;
    for (Eigen::Index a = 0; a < mu; ++a)
      for (Eigen::Index b = 0; b < mu; ++b)
        cov(static_cast<Eigen::Index>(used[static_cast<std::size_t>(a)]),
            static_cast<Eigen::Index>(used[static_cast<std::size_t>(b)])) = c(a, b);
  }
  if (rep.usable() && !invertible)
    rep.message += " (covariance undefined: the Jacobian is singular or n = p)";
  else if (rep.usable() && !idle.empty())
    rep.message += " (no error for " + idle + ": no separate effect on the residuals)";

  rep.covariance.assign(m, std::vector<double>(m));
  rep.correlation.assign(m, std::vector<double>(m));
  for (std::size_t a = 0; a < m; ++a)
    for (std::size_t b = 0; b < m; ++b) {
      const auto ia = static_cast<Eigen::Index>(a), ib = static_cast<Eigen::Index>(b);
      rep.covariance[a][b] = cov(ia, ib);
      rep.correlation[a][b] = cov(ia, ib) / std::sqrt(cov(ia, ia) * cov(ib, ib));
    }
  std::size_t k = 0;
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    ParameterResult pr{parameters[i].name,
                       parameters[i].unit,
                       parameters[i].value,
                       0.0,
                       0.0,
                       parameters[i].fixed,
                       !at_bound.empty() && at_bound[i]};
    if (!parameters[i].fixed) {
      const double var = cov(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(k));
      pr.stderr = var >= 0 ? std::sqrt(var) : kNaN;
      pr.rel_err = pr.stderr / std::abs(pr.value);
      ++k;
    }
    rep.parameters.push_back(pr);
  }
  return rep;
}

namespace {

// Checks the parameters and lists the free ones.
std::vector<std::size_t> free_parameters(const std::vector<Parameter>& parameters,
                                         std::size_t n_residuals) {
  std::vector<std::size_t> free;
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    validate(parameters[i]);
    if (!parameters[i].fixed) free.push_back(i);
  }
  if (free.empty()) throw InvalidArgument("least squares: no free parameter");
  if (n_residuals < free.size())
    throw InvalidArgument("least squares: " + std::to_string(n_residuals) + " residuals for " +
                          std::to_string(free.size()) + " free parameters");
  return free;
}

std::vector<double> internal_start(const std::vector<Parameter>& parameters,
                                   const std::vector<std::size_t>& free) {
  std::vector<double> u(free.size());
  for (std::size_t k = 0; k < free.size(); ++k)
    u[k] = to_internal(parameters[free[k]], parameters[free[k]].value);
  return u;
}

// Jacobian of the residuals with respect to the natural free parameters at natural v,
// column-major (n_residuals × n_free).
using JacobianAt = std::function<std::vector<double>(const std::vector<double>&)>;

// Solves with the given cost (which it owns from here on) and reports through
// report_from_jacobian with `jacobian_at` at the optimum.
FitReport solve(ceres::CostFunction* cost, std::vector<double>& u, const Problem& problem,
                std::vector<Parameter>& parameters, const LeastSquaresOptions& options,
                const ResidualFunction& residuals, const JacobianAt& jacobian_at) {
  const std::vector<std::size_t>& free = problem.free;
  ceres::Problem cp;
  cp.AddResidualBlock(cost, nullptr, u.data());
  ceres::Solver::Options so;
  so.linear_solver_type = ceres::DENSE_QR;
  so.max_num_iterations = options.max_iterations;
  so.function_tolerance = options.function_tolerance;
  so.parameter_tolerance = options.parameter_tolerance;
  so.gradient_tolerance = 1e-14;
  so.logging_type = ceres::SILENT;
  so.minimizer_progress_to_stdout = false;
  so.num_threads = 1;
  ceres::Solver::Summary summary;
  ceres::Solve(so, &cp, &summary);

  FitStatus status = FitStatus::failed;
  if (summary.termination_type == ceres::CONVERGENCE)
    status = FitStatus::converged;
  else if (summary.termination_type == ceres::NO_CONVERGENCE)
    status = FitStatus::max_iterations;

  std::vector<double> v;
  problem.natural(u.data(), v);
  for (std::size_t k = 0; k < free.size(); ++k) parameters[free[k]].value = v[free[k]];
  std::vector<double> r(problem.n, 0.0);
  residuals(v, r);
  return report_from_jacobian(parameters, r, jacobian_at(v), status, summary.message,
                              static_cast<std::size_t>(summary.iterations.size()));
}

}  // namespace

FitReport least_squares(const ResidualFunction& residuals, std::size_t n_residuals,
                        std::vector<Parameter> parameters, const LeastSquaresOptions& options) {
  const std::vector<std::size_t> free = free_parameters(parameters, n_residuals);
  std::vector<double> u = internal_start(parameters, free);
  const Problem problem{residuals, parameters, free, n_residuals};
  auto* cost = new ceres::DynamicNumericDiffCostFunction<CostFunctor, ceres::FORWARD>(
      new CostFunctor{&problem});
  cost->AddParameterBlock(static_cast<int>(free.size()));
  cost->SetNumResiduals(static_cast<int>(n_residuals));
  // The covariance from central differences with relative steps.
  auto jacobian_at = [&](const std::vector<double>& v) {
    std::vector<double> jac(n_residuals * free.size());
    std::vector<double> rp(n_residuals), rm(n_residuals);
    for (std::size_t k = 0; k < free.size(); ++k) {
      const std::size_t i = free[k];
      const double h = 1e-6 * std::max(std::abs(v[i]), 1e-300);
      auto vp = v, vm = v;
      vp[i] += h;
      vm[i] -= h;
      // Stay inside a bounded parameter's range (a model may reject β > 1): one-sided there.
      if (is_bounded(parameters[i].transform)) {
        if (vp[i] > parameters[i].upper) vp[i] = v[i];
        if (vm[i] < parameters[i].lower) vm[i] = v[i];
      }
      residuals(vp, rp);
      residuals(vm, rm);
      const double step = vp[i] - vm[i];
      for (std::size_t j = 0; j < n_residuals; ++j)
        jac[k * n_residuals + j] = (rp[j] - rm[j]) / step;
    }
    return jac;
  };
  return solve(cost, u, problem, parameters, options, residuals, jacobian_at);
}

FitReport least_squares(const ResidualJacobianFunction& residuals_and_jacobian,
                        std::size_t n_residuals, std::vector<Parameter> parameters,
                        const LeastSquaresOptions& options) {
  const std::vector<std::size_t> free = free_parameters(parameters, n_residuals);
  std::vector<double> u = internal_start(parameters, free);
  const ResidualFunction residuals = [&](std::span<const double> v, std::span<double> r) {
    residuals_and_jacobian(v, r, {});
  };
  const Problem problem{residuals, parameters, free, n_residuals};
  auto* cost = new AnalyticCost(residuals_and_jacobian, problem);
  // The covariance from the model's own derivatives.
  auto jacobian_at = [&](const std::vector<double>& v) {
    const std::size_t np = v.size();
    std::vector<double> r(n_residuals), jn(n_residuals * np);
    residuals_and_jacobian(v, r, jn);
    std::vector<double> jac(n_residuals * free.size());
    for (std::size_t k = 0; k < free.size(); ++k)
      for (std::size_t i = 0; i < n_residuals; ++i) jac[k * n_residuals + i] = jn[i * np + free[k]];
    return jac;
  };
  return solve(cost, u, problem, parameters, options, residuals, jacobian_at);
}

}  // namespace solyte::fit
