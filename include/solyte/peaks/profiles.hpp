// Peak shapes of unit area — Gaussian, Lorentzian, pseudo-Voigt, Voigt — and peaks built from
// them (shape, centre, integrated area, widths), for spectra (IR, Raman, NMR) and powder
// patterns alike (METHODS.md §9–10; docs/methods.md §10).
//
//   solyte::peaks::Peak p{.shape = Shape::voigt, .center = 2525, .area = 40,
//                         .fwhm = 12, .lorentz_fwhm = 8};          // cm⁻¹, a.u.·cm⁻¹
//   double y = solyte::peaks::evaluate(p, 2530.0);                   // a.u.
//   double h = solyte::peaks::height(p), w = solyte::peaks::total_fwhm(p);
//
// Every profile integrates to 1 over x, so a peak is area × profile(x − centre) and its area is
// a fit parameter with its own uncertainty. Widths are full widths at half maximum (FWHM) in the
// unit of x; the Gaussian, Lorentzian and pseudo-Voigt are those of fit/line_shapes.hpp (one
// templated definition with its sources, shared with the powder profiles of xtal/profile.hpp):
//   Gaussian     G(u; Γ) = √(4 ln2/π)/Γ · exp(−4 ln2 u²/Γ²)
//   Lorentzian   L(u; Γ) = (2/(πΓ)) / (1 + 4u²/Γ²) = (Γ/2) / (π (u² + (Γ/2)²))
//   pseudo-Voigt pV(u; Γ, η) = η L(u; Γ) + (1 − η) G(u; Γ)          (0 ≤ η ≤ 1, one Γ)
//   Voigt        V(u; Γ_G, Γ_L) = (G ∗ L)(u) = Re w((u + iγ)/(σ√2)) / (σ√(2π)),
//                σ = Γ_G/(2√(2 ln2)), γ = Γ_L/2, w the Faddeeva function (libcerf).
// For powder patterns, a Thompson–Cox–Hastings profile is a pseudo-Voigt whose Γ and η come from
// Γ_G and Γ_L; pass those to pseudo_voigt(). All functions are pure and thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace solyte::peaks {

enum class Shape { gaussian, lorentzian, pseudo_voigt, voigt };

/// "gaussian", "lorentzian", "pseudo-voigt", "voigt".
std::string_view to_string(Shape s);
/// Inverse of to_string; also accepts "pv", "pseudovoigt", "gauss", "lorentz". nullopt else.
std::optional<Shape> shape_from_string(std::string_view name);

/// Unit-area Gaussian at offset u = x − centre, FWHM Γ > 0 (same unit as u). 1/unit of u.
double gaussian(double u, double fwhm);
/// Unit-area Lorentzian (Cauchy), FWHM Γ > 0.
double lorentzian(double u, double fwhm);
/// Unit-area pseudo-Voigt η·L + (1 − η)·G with one FWHM Γ > 0 and 0 ≤ η ≤ 1.
double pseudo_voigt(double u, double fwhm, double eta);
/// Unit-area Voigt profile, the convolution of a Gaussian of FWHM Γ_G ≥ 0 with a Lorentzian of
/// FWHM Γ_L ≥ 0 (not both 0), through libcerf's Faddeeva function.
double voigt(double u, double gaussian_fwhm, double lorentzian_fwhm);
/// FWHM of the Voigt profile, solved from V(Γ/2) = V(0)/2 to 1e-12 relative (Brent/TOMS 748 on
/// the exact profile). Same unit as the widths.
double voigt_fwhm(double gaussian_fwhm, double lorentzian_fwhm);

/// One peak: a shape at a centre with an integrated area and widths, all in the units of the
/// data (area in unit of y × unit of x).
struct Peak {
  Shape shape = Shape::gaussian;
  double center = 0;
  double area = 1;          ///< ∫ peak dx (may be negative for a dip)
  double fwhm = 1;          ///< G, L, pV: the FWHM; Voigt: FWHM of the Gaussian part Γ_G
  double eta = 0.5;         ///< pseudo-Voigt only: Lorentzian fraction, 0 ≤ η ≤ 1
  double lorentz_fwhm = 0;  ///< Voigt only: FWHM of the Lorentzian part Γ_L ≥ 0
};

/// Throws InvalidArgument naming the field when a peak cannot be evaluated (non-finite value,
/// Γ ≤ 0 (Voigt: Γ_G < 0, Γ_L < 0 or both 0), η outside [0, 1]).
void validate(const Peak& p);

/// Unit-area profile of the peak's shape and widths at offset u = x − centre.
double unit_profile(const Peak& p, double u);
/// area × unit_profile(x − centre).
double evaluate(const Peak& p, double x);
/// Value at the centre, area × unit_profile(0).
double height(const Peak& p);
/// Full width at half maximum of the whole profile (Voigt: voigt_fwhm).
double total_fwhm(const Peak& p);

/// y[i] += Σ peaks evaluated at x[i]. Sizes must agree (InvalidArgument).
void add_peaks(std::span<const Peak> peaks, std::span<const double> x, std::span<double> y);
/// Σ peaks at every x.
std::vector<double> evaluate(std::span<const Peak> peaks, std::span<const double> x);

}  // namespace solyte::peaks
