// The three ways of computing the KWW transform (private to the library; kww.cpp chooses).
//
// Each method is exact in part of the (β, x) plane only (docs/methods.md §7a):
//   kww_low_x_series    moment series in x, asymptotic for β < 1 — small x
//   kww_high_x_series   series in x^{−β}, convergent for β < 1 — large x
//   kww_quadrature      double-exponential quadrature on a rotated contour — everywhere,
//                       40–80 integrand evaluations for β ≥ 0.3
// The series return nullopt when they cannot reach full double precision within their term
// budget, so the caller can fall through to the next method. Arguments are not checked here:
// kww_beta_min ≤ β < 1, x > 0 finite.
#pragma once

#include <optional>

#include "solyte/relax/kww.hpp"

namespace solyte::relax::detail {

/// ln Γ(z) for z ≥ 1: absolute error ≤ 1.1e-14 below z = 12, relative ≤ 2ε above (checked
/// against lgammal). Reentrant (std::lgamma writes the global signgam).
double log_gamma(double z);

/// Low-x series (Taylor series of e^{ixs} integrated against e^{−s^β}):
///   C = Σ_k (−1)^k x^{2k}  Γ((2k+1)/β) / (β (2k)!),
///   S = Σ_k (−1)^k x^{2k+1} Γ((2k+2)/β) / (β (2k+1)!).
/// The first omitted term bounds the error of each sum (Taylor remainder of cos and sin), so
/// the result is returned only when that bound is below ~2ε of the sum.
std::optional<KwwTransform> kww_low_x_series(double beta, double x);

/// High-x series (term-by-term integration of the Taylor series of e^{−s^β} on the contour
/// s = iu):
///   C = Σ_{k≥1} (−1)^{k+1} Γ(kβ+1)/k! · sin(πkβ/2) · x^{−kβ−1},
///   S = Σ_{k≥0} (−1)^k     Γ(kβ+1)/k! · cos(πkβ/2) · x^{−kβ−1}.
/// Returned only when it converges within its term budget and the rounding left by
/// cancellation between terms is below 1e-14 of each sum.
std::optional<KwwTransform> kww_high_x_series(double beta, double x);

/// Trapezoidal rule after the double-exponential map r = σ·exp(t − e^{−t}) on the contour
/// s = r·e^{iθ}; valid for every β ∈ [kww_beta_min, 1], x > 0.
KwwTransform kww_quadrature(double beta, double x);

}  // namespace solyte::relax::detail
