// Frequency-domain relaxation functions and the electric modulus they give (METHODS.md §7).
//
//   auto m = solyte::relax::electric_modulus(RelaxationModel::kww, 1.0, 1e-3, {.beta = 0.6},
//                                            2 * pi * 100.0);   // M* at 100 Hz
//
// F*(ω) = ∫0^∞ (−dΦ/dt) e^{−iωt} dt is the normalised response of a decay Φ(t) (F* → 1 for
// ω → 0, → 0 for ω → ∞). With x = ωτ:
//   Debye                 F* = 1/(1 + ix)                          (Debye 1929)
//   Cole–Cole             F* = 1/(1 + (ix)^α), 0 < α ≤ 1           (Cole & Cole 1941)
//   Cole–Davidson         F* = 1/(1 + ix)^γ, 0 < γ ≤ 1             (Davidson & Cole 1951)
//   Havriliak–Negami      F* = 1/(1 + (ix)^α)^γ                    (Havriliak & Negami 1967)
//   KWW, Φ = exp(−(t/τ)^β): F* = 1 − x·S(x) − i·x·C(x) with C, S the KWW transforms
//                                                                (Williams & Watts 1970)
// Electric modulus: M* = M∞ (1 − F*) (Macedo, Moynihan & Bose 1972), so for KWW
// M'/M∞ = x·S(x) and M''/M∞ = x·C(x). Permittivity: ε* = ε∞ + Δε·F* written ε' − iε''.
// Mean relaxation time ⟨τ⟩ = ∫0^∞ Φ dt: τ (Debye), γτ (Cole–Davidson), τΓ(1/β)/β (KWW);
// infinite for Cole–Cole and Havriliak–Negami with α < 1 (their F* is not analytic at 0).
// Failures: InvalidArgument for shape parameters outside (0, 1] or negative x.
#pragma once

#include <complex>
#include <string>
#include <string_view>

namespace solyte::relax {

enum class RelaxationModel { debye, cole_cole, cole_davidson, havriliak_negami, kww };
std::string_view to_string(RelaxationModel m);
/// "debye", "cole-cole", "cole-davidson", "hn" (or "havriliak-negami"), "kww".
RelaxationModel parse_relaxation_model(std::string_view name);

/// Shape exponents; each model uses its own (α: CC, HN; γ: CD, HN; β: KWW).
struct Shape {
  double alpha = 1.0;
  double gamma = 1.0;
  double beta = 1.0;
};

/// Normalised response F*(x), x = ωτ ≥ 0.
std::complex<double> relaxation_response(RelaxationModel m, double x, const Shape& shape);

/// M*(ω) = M∞ (1 − F*(ωτ)).
std::complex<double> electric_modulus(RelaxationModel m, double m_inf, double tau_s,
                                      const Shape& shape, double omega_rad_s);

/// ε*(ω) = ε∞ + Δε F*(ωτ), returned as (ε', ε'') with ε'' ≥ 0 for loss.
std::complex<double> permittivity(RelaxationModel m, double eps_inf, double delta_eps,
                                  double tau_s, const Shape& shape, double omega_rad_s);

/// ⟨τ⟩ = ∫Φ dt in s; +∞ where the model has none (Cole–Cole, HN with α < 1).
double mean_relaxation_time(RelaxationModel m, double tau_s, const Shape& shape);

}  // namespace solyte::relax
