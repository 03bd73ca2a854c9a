// Gaussian radial-basis discretisation of the DRT (private to the library).
//
// γ(y) = Σ_m x_m φ(y − y_m), y = ln τ, φ(u) = exp(−(εu)²), centres y_m equally spaced by Δ.
// The shape factor follows from the chosen width: FWHM(φ) = 2√(ln 2)/ε = fwhm·Δ (Wan et al.,
// Electrochim. Acta 184 (2015) 483, who tie ε to the spacing the same way).
//
// Debye-kernel integrals: I(ωτ_m) = ∫ φ(u)/(1 + iωτ_m e^u) du depends on ωτ_m only.
// Re = ∫ φ/(1 + t²), Im = −∫ φ·t/(1 + t²), t = ωτ_m e^u. Quadrature: Gauss–Hermite with
// 32 nodes (Golub–Welsch) in v = εu when ε ≥ 1.5 — the integrand's nearest poles sit at
// Im v = ±επ/2, so the rule converges to rounding (checked against tanh–sinh at ≤ 1e-15);
// for wider functions (ε < 1.5, fewer than about four points per decade) composite 10-point
// Gauss–Legendre panels of width ≤ 1 over |εu| ≤ 6.25 (≤ 1e-12).
//
// Penalty: ∫ (γ^(k))² dy = xᵀK x, K_mn = (−1)^k g^(2k)(y_m − y_n) with the autocorrelation
// g(d) = ∫ φ(u) φ(u + d) du = √(π/2)/ε · exp(−ε²d²/2) (closed form).
//
// Matrices are plain column-major arrays (the DRT maps them into Eigen), so that this header
// needs no Eigen on the include path.
#pragma once

#include <cmath>
#include <complex>
#include <span>
#include <vector>

namespace solyte::relax::detail {

struct RbfGrid {
  std::vector<double> ln_tau;  ///< centres y_m, ascending, equally spaced
  double spacing = 0;          ///< Δ in ln τ
  double epsilon = 0;          ///< shape factor

  double phi(double u) const { return std::exp(-(epsilon * u) * (epsilon * u)); }
  /// ∫ φ du over the real line.
  double phi_integral() const;
  /// ∫_a^b φ(u − c) du (a may be −inf, b +inf).
  double phi_integral(double c, double a, double b) const;
  /// γ(y) for coefficients x (size = centres).
  double gamma(std::span<const double> x, double y) const;
};

/// Grid from ln τ_min to ln τ_max (inclusive) with `per_decade` points per decade and
/// FWHM(φ) = fwhm·Δ.
RbfGrid make_grid(double ln_tau_min, double ln_tau_max, double per_decade, double fwhm);

/// I(ωτ) for one product ωτ > 0 (exposed for tests).
std::complex<double> debye_integral(double omega_tau, double epsilon);

/// Re and Im of I(ω_n τ_m) for all frequencies (rows) and centres (columns), N×M
/// column-major each. Throws NumericalError if any is not finite.
void debye_matrices(const std::vector<double>& omega, const RbfGrid& grid, std::vector<double>& re,
                    std::vector<double>& im);

/// K (M×M, column-major) for derivative order k ∈ {0, 1, 2}; InvalidArgument otherwise.
std::vector<double> penalty_gram(const RbfGrid& grid, int derivative);

}  // namespace solyte::relax::detail
