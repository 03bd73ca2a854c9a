// The Kohlrausch–Williams–Watts (stretched-exponential) relaxation and its Fourier transform
// (METHODS.md §7; numerics in docs/methods.md §7a).
//
//   auto t = solyte::relax::kww_transform(0.6, 0.78);            // C and S at x = ωτ = 0.78
//   std::complex<double> m = solyte::relax::kww_modulus(1.0, 4.66e-3, 0.66, 2 * pi * 27.75);
//   auto p = solyte::relax::kww_modulus_peak(0.60);               // x_p = 0.78299, 0.32300
//
// Φ(t) = exp(−(t/τ)^β) (Williams & Watts 1970). With x = ωτ,
//   C(x) = ∫0^∞ cos(xs) e^{−s^β} ds,   S(x) = ∫0^∞ sin(xs) e^{−s^β} ds,
// and the electric modulus M*(ω) = M∞[1 + ∫0^∞ (dΦ/dt) e^{−iωt} dt] = M∞[x·S(x) + i·x·C(x)].
// Supported: 0.05 ≤ β ≤ 1 (β = 1 is Debye: C = 1/(1+x²), S = x/(1+x²); β > 1, the compressed
// exponential, is rejected), any finite x ≥ 0. Method: series for small and large x, a
// double-exponential quadrature on a rotated path between (docs/methods.md §7a).
// Accuracy: relative error of C and of S each ≤ 1.3e-14 as measured against mpmath (34–40
// digits) at the 198 points of ../shared/reference/kww and 1630 points off it, β ∈ [0.05, 1],
// x ∈ [1e-16, 1e12]; the tests enforce 1e-12. C underflows to 0 only beyond x ≈ 1e161.
// All functions are pure: thread-safe, no state.
#pragma once

#include <complex>

namespace solyte::relax {

/// Smallest β accepted by the KWW functions (below it C(0) = Γ(1 + 1/β) > 1e18 and the
/// transform spreads over more than 60 decades of x).
inline constexpr double kww_beta_min = 0.05;

/// The cosine and sine transforms of exp(−s^β) at one x.
struct KwwTransform {
  double c = 0;  ///< C(x) = ∫0^∞ cos(xs) e^{−s^β} ds  (> 0 until it underflows)
  double s = 0;  ///< S(x) = ∫0^∞ sin(xs) e^{−s^β} ds  (≥ 0)
};

/// C(x) and S(x) for kww_beta_min ≤ β ≤ 1 and x ≥ 0 (dimensionless; x = ωτ). x = 0 gives
/// C = Γ(1 + 1/β), S = 0. Throws InvalidArgument for β outside [kww_beta_min, 1] or a negative
/// or non-finite x (or β).
KwwTransform kww_transform(double beta, double x);

/// Φ = exp(−(t/τ)^β) for t/τ ≥ 0 (dimensionless). Throws InvalidArgument for β outside
/// [kww_beta_min, 1] or a negative or non-finite t/τ.
double kww_relaxation(double beta, double t_over_tau);

/// Mean relaxation time ⟨τ⟩ = ∫0^∞ Φ dt = τΓ(1/β)/β, in the unit of τ. Throws
/// InvalidArgument for τ ≤ 0 or non-finite, or β outside [kww_beta_min, 1].
double kww_mean_tau(double tau, double beta);

/// Electric modulus of a KWW relaxation, M* = M∞[x·S(x) + i·x·C(x)] with x = ωτ
/// (METHODS.md §7: M'/M∞ = x·S, M''/M∞ = x·C). τ in s, ω in rad/s, M∞ dimensionless.
/// Throws InvalidArgument for τ ≤ 0, ω < 0, non-finite input or β out of range.
std::complex<double> kww_modulus(double m_inf, double tau, double beta, double omega);

/// Maximum of M''/M∞ = x·C(x): its position x_peak = ω_peak·τ and height.
struct KwwPeak {
  double x_peak = 0;  ///< relative accuracy ≈ 1e-8 (a flat maximum, located by Brent's method)
  double height = 0;  ///< relative accuracy ≈ 1e-13
};

/// The M'' peak for a given β (β = 1: x_peak = 1, height = 1/2; β = 0.60: 0.78299, 0.32300).
/// Throws InvalidArgument for β outside [kww_beta_min, 1].
KwwPeak kww_modulus_peak(double beta);

}  // namespace solyte::relax
