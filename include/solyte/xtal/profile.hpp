// Powder-diffraction peak shapes: unit-area Gaussian, Lorentzian and pseudo-Voigt (those of
// fit/line_shapes.hpp), the Thompson–Cox–Hastings mixing of a Gaussian and a Lorentzian width
// into one pseudo-Voigt, the Caglioti width law, integral breadths, and the inverse split of a
// pseudo-Voigt into its Gaussian and Lorentzian widths (docs/methods.md §9c). Templated on the
// scalar so that automatic differentiation can run through them.
//
//   using namespace solyte::xtal;
//   double g2 = caglioti_fwhm2({.u = 0.01, .v = -0.005, .w = 0.003}, 15.0);  // Γ_G² in deg²
//   auto [fwhm, eta] = tch_pseudo_voigt(std::sqrt(g2), 0.02);            // TCH 1987
//   double y = pseudo_voigt(x - x0, fwhm, eta);                          // area 1
//
// Sources: P. Thompson, D. E. Cox, J. B. Hastings, J. Appl. Cryst. 20 (1987) 79, eqs. 2–4
// (Γ⁵ polynomial and η(Γ_L/Γ)); G. Caglioti, A. Paoletti, F. P. Ricci, Nucl. Instrum. 3 (1958)
// 223 (Γ² = U tan²θ + V tanθ + W); integral breadths of the Gaussian (Γ/2)√(π/ln 2) and the
// Lorentzian (π/2)Γ, and of the Voigt β = β_G exp(−k²)/erfc(k), k = β_L/(√π β_G)
// (J. I. Langford, J. Appl. Cryst. 11 (1978) 10).
// Units: whatever the caller uses for x and the widths (degrees 2θ here); θ in degrees.
// Failures: the shape functions assume fwhm > 0 and 0 ≤ η ≤ 1 (checked by the callers that
// take user input); split_pseudo_voigt throws InvalidArgument outside those.
#pragma once

#include <cmath>
#include <numbers>
#include <utility>

#include "solyte/fit/line_shapes.hpp"

namespace solyte::xtal {

/// Unit-area Gaussian G(x; Γ), Lorentzian L(x; Γ) and pseudo-Voigt η L + (1 − η) G of full width
/// at half maximum Γ = `fwhm` at offset x from the centre: the templated definitions of
/// fit/line_shapes.hpp (formulas and sources there), gaussian(x, fwhm), lorentzian(x, fwhm),
/// pseudo_voigt(x, fwhm, eta).
using fit::gaussian;
using fit::lorentzian;
using fit::pseudo_voigt;

/// TCH 1987: the FWHM Γ and mixing η of the pseudo-Voigt that stands for the Voigt of Gaussian
/// FWHM Γ_G and Lorentzian FWHM Γ_L.
template <class T>
std::pair<T, T> tch_pseudo_voigt(T fwhm_g, T fwhm_l) {
  using std::pow;
  const T g = fwhm_g, l = fwhm_l;
  const T g2 = g * g, l2 = l * l;
  const T f5 = g2 * g2 * g + 2.69269 * g2 * g2 * l + 2.42843 * g2 * g * l2 + 4.47163 * g2 * l2 * l +
               0.07842 * g * l2 * l2 + l2 * l2 * l;
  const T f = pow(f5, 0.2);
  const T q = l / f;
  const T eta = 1.36603 * q - 0.47719 * q * q + 0.11116 * q * q * q;
  return {f, eta};
}

/// Caglioti 1958: Γ_G² = U tan²θ + V tanθ + W at diffraction angle 2θ (degrees); U, V, W in
/// deg² give Γ_G² in deg².
struct Caglioti {
  double u = 0, v = 0, w = 0;
};
template <class T>
T caglioti_fwhm2(const Caglioti& c, T two_theta_deg) {
  using std::tan;
  const T t = tan(two_theta_deg * (std::numbers::pi / 360.0));
  return c.u * t * t + c.v * t + c.w;
}

/// Integral breadth (area / height) of a unit-area pseudo-Voigt.
inline double pseudo_voigt_integral_breadth(double fwhm, double eta) {
  const double height = eta * 2 / (std::numbers::pi * fwhm) +
                        (1 - eta) * 2 / fwhm * std::sqrt(std::numbers::ln2 / std::numbers::pi);
  return 1 / height;
}

/// Integral breadths of a Gaussian and a Lorentzian of the given FWHM.
inline double gaussian_integral_breadth(double fwhm) {
  return fwhm / 2 * std::sqrt(std::numbers::pi / std::numbers::ln2);
}
inline double lorentzian_integral_breadth(double fwhm) { return std::numbers::pi / 2 * fwhm; }

/// Integral breadth of the Voigt whose Gaussian and Lorentzian components have integral
/// breadths beta_g and beta_l (Langford 1978; either may be 0).
double voigt_integral_breadth(double beta_g, double beta_l);

/// The Gaussian and Lorentzian FWHM (Γ_G, Γ_L) whose TCH pseudo-Voigt has FWHM `fwhm` and
/// mixing `eta` (the inverse of tch_pseudo_voigt). InvalidArgument for fwhm ≤ 0 or η ∉ [0, 1].
std::pair<double, double> split_pseudo_voigt(double fwhm, double eta);

}  // namespace solyte::xtal
