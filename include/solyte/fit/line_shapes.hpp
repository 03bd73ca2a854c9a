// Unit-area line shapes in the full-width-at-half-maximum (FWHM) parametrisation: Gaussian,
// Lorentzian and pseudo-Voigt. The one definition that the powder-pattern profiles
// (xtal/profile.hpp) and the spectral peaks (peaks/profiles.hpp) build on. Templated on the
// scalar, so that automatic differentiation (ceres::Jet) runs through them.
//
//   double y = area * solyte::fit::pseudo_voigt(x - x0, fwhm, eta);   // 1/unit of x × area
//
// With u the offset from the centre and Γ > 0 the FWHM (same unit as u):
//   Gaussian     G(u; Γ) = √(4 ln2/π)/Γ · exp(−4 ln2 u²/Γ²)
//                (the normal density of standard deviation σ = Γ/(2√(2 ln2)))
//   Lorentzian   L(u; Γ) = (Γ/2) / (π (u² + (Γ/2)²))
//                (the Cauchy density of half width at half maximum γ = Γ/2)
//   pseudo-Voigt pV(u; Γ, η) = η L(u; Γ) + (1 − η) G(u; Γ), 0 ≤ η ≤ 1, one Γ for both parts
//                (G. K. Wertheim, M. A. Butler, K. W. West, D. N. E. Buchanan, Rev. Sci.
//                Instrum. 45 (1974) 1369; the powder-profile form of P. Thompson, D. E. Cox,
//                J. B. Hastings, J. Appl. Cryst. 20 (1987) 79)
// Each integrates to 1 over u and has its half maximum at u = ±Γ/2.
// Failures: none reported; the functions assume Γ > 0 and 0 ≤ η ≤ 1 (the callers that take user
// input check them).
#pragma once

#include <cmath>
#include <numbers>

namespace solyte::fit {

/// Unit-area Gaussian of full width at half maximum `fwhm`, at offset x from its centre.
template <class T>
T gaussian(T x, T fwhm) {
  using std::exp;
  using std::sqrt;
  const double c = 4 * std::numbers::ln2;
  return sqrt(T(c / std::numbers::pi)) / fwhm * exp(-c * x * x / (fwhm * fwhm));
}

/// Unit-area Lorentzian (Cauchy) of full width at half maximum `fwhm`.
template <class T>
T lorentzian(T x, T fwhm) {
  const T h = fwhm / 2.0;
  return h / (std::numbers::pi * (x * x + h * h));
}

/// Unit-area pseudo-Voigt η L + (1 − η) G with a common FWHM.
template <class T>
T pseudo_voigt(T x, T fwhm, T eta) {
  return eta * lorentzian(x, fwhm) + (1.0 - eta) * gaussian(x, fwhm);
}

}  // namespace solyte::fit
