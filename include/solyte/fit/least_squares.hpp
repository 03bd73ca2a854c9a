// Bounded nonlinear least squares through Ceres, with parameters in natural units outside and
// transformed inside (log for positive quantities spanning decades, logistic for bounded
// exponents), and uncertainties from the Jacobian at the optimum.
//
//   std::vector<solyte::fit::Parameter> p = {
//       {.name = "tau", .unit = "s", .value = 1e-3, .transform = fit::Transform::log},
//       {.name = "beta", .value = 0.7, .transform = fit::Transform::logistic,
//        .lower = 0.05, .upper = 1.0}};
//   auto report = solyte::fit::least_squares(
//       [&](std::span<const double> v, std::span<double> r) { ... }, n_residuals, p);
//   if (report.usable()) ...
//
// Standard errors: cov = s²·(JᵀJ)⁻¹ with J the Jacobian of the residuals with respect to the
// natural parameters (central differences, or the caller's exact Jacobian) and s² = χ²/(n − p)
// (the residuals are taken as weighted already). A fit that does not converge is a status, not
// an exception.
//
// Models with cheap exact derivatives pass them (the second overload): the solver then needs one
// evaluation per iteration instead of one per free parameter, and the derivatives carry no
// finite-difference error. The derivatives are with respect to the natural parameters; the
// transforms' chain rule is applied here.
// Failures: InvalidArgument for inconsistent parameters (value outside its bounds, a log
// parameter ≤ 0, no free parameter, fewer residuals than free parameters).
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace solyte::fit {

enum class Transform {
  none,      ///< unbounded
  log,       ///< value > 0; optimised as ln(value)
  logistic,  ///< lower < value < upper; optimised through a logistic map
  log_logistic,  ///< 0 < lower < value < upper; logistic map of ln(value) (bounds over decades)
};

struct Parameter {
  std::string name;
  std::string unit;
  double value = 0;      ///< starting value in, optimum out
  Transform transform = Transform::none;
  double lower = 0, upper = 1;   ///< for logistic and log_logistic only
  bool fixed = false;
};

/// Throws InvalidArgument when `p` cannot start a fit: a non-finite value; for a free
/// parameter a log value ≤ 0, or a bounded value not strictly inside its bounds.
void validate(const Parameter& p);

struct ParameterResult {
  std::string name;
  std::string unit;
  double value = 0;
  double stderr = 0;     ///< NaN when undefined (singular Jacobian, n = p)
  double rel_err = 0;    ///< stderr/|value|
  bool fixed = false;
  bool at_bound = false; ///< the optimum lies on a bound of the parameter (held there)
};

enum class FitStatus { converged, max_iterations, failed };
std::string_view to_string(FitStatus s);

struct FitReport {
  std::vector<ParameterResult> parameters;
  std::vector<std::vector<double>> covariance;    ///< free parameters, natural units
  std::vector<std::vector<double>> correlation;
  double chi2 = 0;            ///< Σ r²
  double reduced_chi2 = 0;    ///< χ²/(n − p)
  double aic = 0, bic = 0;    ///< n ln(χ²/n) + 2p, + p ln n
  std::size_t n_residuals = 0, n_free = 0, iterations = 0;
  std::vector<double> residuals;
  FitStatus status = FitStatus::failed;
  std::string message;
  bool usable() const { return status == FitStatus::converged; }
  /// Value of the named parameter; throws InvalidArgument for an unknown name.
  const ParameterResult& at(std::string_view name) const;
};

/// Residuals r(p) for parameters p in natural units (same order as given), written into r.
using ResidualFunction = std::function<void(std::span<const double>, std::span<double>)>;

/// Residuals and, when `jacobian` is not empty, their derivatives ∂r_i/∂p_k with respect to the
/// natural parameters p, row-major (n_residuals × parameters.size(), fixed parameters included;
/// their columns are ignored): jacobian[i · parameters.size() + k]. The callee overwrites every
/// element it is given.
using ResidualJacobianFunction =
    std::function<void(std::span<const double>, std::span<double>, std::span<double>)>;

struct LeastSquaresOptions {
  int max_iterations = 200;
  double function_tolerance = 1e-12;
  double parameter_tolerance = 1e-12;
};

FitReport least_squares(const ResidualFunction& residuals, std::size_t n_residuals,
                        std::vector<Parameter> parameters, const LeastSquaresOptions& options = {});

/// As above with exact derivatives from the model (see ResidualJacobianFunction); the covariance
/// uses them too. Same failures.
FitReport least_squares(const ResidualJacobianFunction& residuals_and_jacobian,
                        std::size_t n_residuals, std::vector<Parameter> parameters,
                        const LeastSquaresOptions& options = {});

/// The report of a fit done elsewhere: `parameters` hold the optimum (fixed ones at their
/// held values), `residuals` the weighted residuals there, `jacobian` their derivatives with
/// respect to the natural values of the parameters not fixed (column-major, n_residuals ×
/// n_free, in the order of `parameters`). Fills χ², reduced χ², AIC/BIC, cov = s²(JᵀJ)⁻¹ with
/// s² = χ²/(n − p), standard and relative errors and the correlation matrix; `at_bound` flags
/// (one per parameter, or empty) mark optima held on a bound. A singular JᵀJ or n = p leaves
/// NaN errors and says so in the message. Throws InvalidArgument on inconsistent sizes.
FitReport report_from_jacobian(const std::vector<Parameter>& parameters,
                               std::span<const double> residuals, std::span<const double> jacobian,
                               FitStatus status, std::string message, std::size_t iterations,
                               const std::vector<bool>& at_bound = {});

}  // namespace solyte::fit
