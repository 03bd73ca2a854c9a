// Distribution of relaxation times (DRT) of an impedance spectrum (METHODS.md §8,
// docs/methods.md §8a).
//
//   auto r = solyte::relax::drt(spectrum);                    // λ by GCV, 2nd derivative
//   for (const auto& p : r.peaks)
//     std::cout << p.tau_s << " s  " << p.resistance_ohm << " Ω  " << 100 * p.share << " %\n";
//   // r.tau_s / r.gamma_ohm: γ(ln τ) on the τ grid; r.impedance_fit_ohm: the reconstruction
//
// Model. Z(ω) = R∞ [+ iωL] + ∫ γ(ln τ)/(1 + iωτ) d ln τ, γ ≥ 0 in Ω per unit ln τ, so that
// ∫ γ d ln τ is the polarisation resistance. γ(y) = Σ_m x_m φ(y − y_m) with Gaussian radial
// basis functions φ(u) = exp(−(εu)²) centred on a log-spaced τ grid, x_m ≥ 0 (Wan,
// Saccoccio, Chen, Ciucci, Electrochim. Acta 184 (2015) 483); ε makes the FWHM of φ a fixed
// multiple of the grid spacing. The integrals of φ against the Debye kernel are computed by
// quadrature once per spectrum (Gauss–Hermite or composite Gauss–Legendre, ≤ 1e-12).
//
// Fit. minimise ‖W(A x − Z)‖² + λ ∫ (d^k γ/d(ln τ)^k)² d ln τ subject to x_γ ≥ 0 and R∞ ≥ 0
// (L free in sign), with Re and Im stacked; k = 1 or 2 (default 2); the penalty is xᵀK x with
// K in closed form. W = 1/|Z| by default. The unknowns are scaled by R_ref = max |Z| (and L
// by R_ref/ω_max) so λ is dimensionless: the same λ smooths a spectrum in mΩ and in MΩ alike;
// roughly, the best λ grows as the square of the relative noise (about 1e-4 at 0.5 %).
// Solved by the Lawson–Hanson active-set NNLS (1974) on the normal equations of the
// augmented system [WA; √λ·chol(K)], with Cholesky updates as variables enter and leave.
//
// λ. Generalised cross-validation (Golub, Heath and Wahba 1979), n‖r‖²/(n − dof)², over a log
// grid (lambda_per_decade) refined by golden-section search around its minimum; or the corner
// of the L-curve (largest curvature of (log ‖r‖, log √xᵀKx)); or fixed. By default both are
// computed on the linear Tikhonov estimator (the problem without the constraint, the
// setting GCV was derived for), all λ at once from one generalised eigendecomposition, and
// the constrained problem is solved at the chosen λ. LambdaEstimator::nonnegative solves the
// constrained problem at every λ instead, with the degrees of freedom of the influence matrix
// restricted to its active set; that count is smaller, so GCV then smooths less.
//
// Peaks. Local maxima of γ on a grid ten times finer than the RBF grid; a maximum less
// prominent than min_peak_prominence times the neighbour it would merge into (a ripple of
// the regularisation) is merged into it, as is any maximum below 0.1 % of the tallest. A
// peak's resistance is the exact integral of γ between its bounding minima (−∞/+∞ outside
// the first/last minimum), so the peak resistances add up to R_pol = ∫ γ d ln τ. No peaks
// when R_pol is at rounding level (≤ 1e-9·max |Z|).
//
// Failures: InvalidArgument for fewer than 5 points, non-finite data, or bad options;
// NumericalError when the solver fails (never a silent NaN).
#pragma once

#include <complex>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/spectrum.hpp"

namespace solyte::relax {

enum class LambdaMethod { gcv, lcurve, fixed };
std::string_view to_string(LambdaMethod m);
/// "gcv", "lcurve" or "fixed"; throws InvalidArgument otherwise.
LambdaMethod lambda_method_from_string(std::string_view name);

enum class DrtWeighting {
  modulus,  ///< 1/|Z_n| on Re and Im (relative residuals; default)
  unit,     ///< 1/R_ref (absolute residuals)
};

/// The estimator whose residual and degrees of freedom GCV and the L-curve use.
enum class LambdaEstimator {
  linear,       ///< Tikhonov without the constraint (a linear smoother; fast; default)
  nonnegative,  ///< the NNLS solution at every λ, dof restricted to its active set
};
std::string_view to_string(LambdaEstimator e);

struct DrtOptions {
  LambdaMethod lambda_method = LambdaMethod::gcv;
  double lambda = 1e-3;       ///< used when lambda_method == fixed (dimensionless)
  double lambda_min = 1e-10;  ///< search range of GCV / L-curve
  double lambda_max = 1e1;
  int lambda_per_decade = 2;  ///< coarse search grid; refined around the optimum
  LambdaEstimator lambda_estimator = LambdaEstimator::linear;
  int derivative = 2;             ///< order k of the penalised derivative: 1 or 2
  bool inductance = false;        ///< fit a series inductance L (either sign)
  double points_per_decade = 10;  ///< density of the τ grid
  double extend_decades = 1;      ///< τ grid beyond 1/(2π f_max) and 1/(2π f_min)
  double rbf_fwhm = 2.0;          ///< FWHM of each RBF in grid spacings
  DrtWeighting weighting = DrtWeighting::modulus;
  double min_peak_prominence = 0.1;  ///< fraction of the neighbouring peak's height
};

/// One peak of γ(ln τ).
struct DrtPeak {
  double tau_s = 0;                    ///< τ at the maximum (parabolic refinement), s
  double frequency_hz = 0;             ///< 1/(2πτ)
  double gamma_ohm = 0;                ///< γ at the maximum, Ω per unit ln τ
  double resistance_ohm = 0;           ///< ∫ γ d ln τ between the bounding minima
  double share = 0;                    ///< resistance / R_pol (0 when R_pol = 0)
  std::optional<double> fwhm_decades;  ///< empty when γ does not fall to half height
                                       ///< inside the peak's bounds (overlapping peaks)
                                       ///< or the peak is at the edge of the τ grid
  double tau_low_s = 0;                ///< bounding minima (0 / +inf for the outermost peaks)
  double tau_high_s = 0;
  bool at_edge = false;  ///< maximum within one grid spacing of the τ grid's end:
                         ///< the process extends beyond the measured range
};

/// One λ tried during the search, for the estimator the search used (lambda_estimator).
struct LambdaPoint {
  double lambda = 0;
  double gcv = 0;            ///< n‖r‖²/(n − dof)², n = 2·points (+inf where dof → n)
  double residual_norm = 0;  ///< ‖W(Ax − Z)‖/R_ref (dimensionless)
  double penalty_norm = 0;   ///< √(xᵀKx) of the scaled coefficients
  double dof = 0;            ///< trace of the influence matrix
};

struct DrtResult {
  std::vector<double> tau_s;             ///< τ grid (RBF centres), ascending, s
  std::vector<double> gamma_ohm;         ///< γ at tau_s, Ω per unit ln τ
  std::vector<double> coefficients_ohm;  ///< RBF weights x_m ≥ 0, Ω
  double rbf_epsilon = 0;                ///< shape factor ε of φ(u) = exp(−(εu)²), u = ln τ
  double r_inf_ohm = 0;
  double inductance_h = 0;                 ///< 0 unless options.inductance
  double polarisation_resistance_ohm = 0;  ///< ∫ γ d ln τ
  double lambda = 0;                       ///< λ used (dimensionless)
  LambdaMethod lambda_method = LambdaMethod::gcv;
  LambdaEstimator lambda_estimator = LambdaEstimator::linear;  ///< nonnegative for a fixed λ
  bool lambda_at_bound = false;           ///< the optimum is at the end of the search range
  std::vector<LambdaPoint> lambda_curve;  ///< every λ tried, ascending λ (GCV / L-curve)
  double dof = 0;                         ///< effective parameters at the chosen λ

  std::vector<double> frequency_hz;                     ///< as in the input
  std::vector<std::complex<double>> impedance_fit_ohm;  ///< model at each frequency
  std::vector<double> residual_real;                    ///< (Z'fit − Z')/|Z|
  std::vector<double> residual_imag;                    ///< (Z''fit − Z'')/|Z|
  double residual_rms = 0;                              ///< rms of both, relative to |Z|
  double residual_max = 0;                              ///< largest |residual|

  std::vector<DrtPeak> peaks;  ///< ascending τ
  std::string message;         ///< short verdict and any warnings
};

/// The DRT of `s` (any frequency order). See the header comment for the method.
DrtResult drt(const Spectrum& s, const DrtOptions& options = {});

/// γ(ln τ) of a result evaluated at any τ (s), Ω per unit ln τ.
double drt_gamma(const DrtResult& r, double tau_s);

}  // namespace solyte::relax
