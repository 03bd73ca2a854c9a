// Crystallite size and microstrain from line breadths: Scherrer, Williamson–Hall, and the
// instrumental correction from a standard (METHODS.md §9; docs/methods.md §9f).
//
//   using namespace solyte::xtal;
//   double L = scherrer_size_angstrom(0.20, 15.8885, 1.5406);        // 401.06 Å (K = 0.9)
//   double b = corrected_breadth(0.25, 0.08, BreadthCorrection::gaussian);   // 0.2369°
//   WilliamsonHall wh = williamson_hall(two_theta, beta, 1.5406);     // L, e from the line
//
// Formulas:
//   Scherrer (P. Scherrer, Nachr. Ges. Wiss. Göttingen (1918) 98; J. I. Langford, A. J. C.
//   Wilson, J. Appl. Cryst. 11 (1978) 102):  L = K λ / (β cos θ), β the sample breadth in
//   radians (FWHM with K = 0.9, or integral breadth with K ≈ 1), θ half the line's 2θ.
//   Williamson–Hall (G. K. Williamson, W. H. Hall, Acta Metall. 1 (1953) 22):
//   β cos θ = K λ / L + 4 e sin θ, a straight line in sin θ: L = Kλ/intercept, e = slope/4
//   (weighted by 1/σ² of β cos θ when errors are given), with the standard errors of the fit.
//   Instrumental correction, breadths in the same unit: Lorentzian β_s = β_obs − β_inst; Gaussian
//   β_s = √(β_obs² − β_inst²); geometric mean √(β_L β_G) of the two (a compromise for
//   intermediate shapes); for pseudo-Voigt fits, Voigt: Lorentzian widths subtract, Gaussian
//   widths subtract in quadrature, and the sample's Voigt integral breadth follows from the two
//   (Langford 1978; voigt_integral_breadth).
//   Apparent strain e = β/(4 tan θ) of a Gaussian strain distribution with rms ε:
//   β = 2√(2π) ε tan θ, so e = √(π/2) ε ≈ 1.2533 ε (A. R. Stokes, A. J. C. Wilson, Proc. Phys.
//   Soc. 56 (1944) 174).
//   Instrument function from a standard: Γ_G² = U tan²θ + V tanθ + W and Γ_L = X tanθ + Y/cosθ
//   fitted to the Gaussian and Lorentzian FWHMs of the standard's fitted peaks (TCH split).
//
// Failures: InvalidArgument for non-positive breadths or wavelength, an angle outside (0, 180°),
// K ≤ 0, an instrumental breadth ≥ the observed one, fewer than 2 lines (3 with weights for
// errors), or arrays of different lengths. NumericalError when the WH intercept is ≤ 0 (no
// finite size).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "solyte/xtal/pattern.hpp"
#include "solyte/xtal/pattern_fit.hpp"

namespace solyte::xtal {

/// Scherrer size in Å from a sample breadth in degrees 2θ at 2θ (degrees).
double scherrer_size_angstrom(double beta_deg, double two_theta_deg, double wavelength_angstrom,
                              double k = 0.9);

enum class BreadthCorrection { lorentzian, gaussian, geometric_mean };
std::string_view to_string(BreadthCorrection c);

/// Sample breadth from observed and instrumental breadths (same unit) by `method`.
double corrected_breadth(double observed, double instrumental, BreadthCorrection method);

struct WilliamsonHall {
  double size_angstrom = 0, size_err = 0;
  double strain = 0, strain_err = 0;  ///< apparent strain e (dimensionless)
  double intercept = 0, slope = 0;    ///< of β cos θ (rad) against sin θ
  double r2 = 0;
  std::size_t n = 0;
};

/// WH fit of breadths `beta_deg` (sample, degrees 2θ) at `two_theta_deg`; `beta_err_deg` may be
/// empty (unweighted).
WilliamsonHall williamson_hall(std::span<const double> two_theta_deg,
                               std::span<const double> beta_deg, double wavelength_angstrom,
                               double k = 0.9, std::span<const double> beta_err_deg = {});

/// β of the line of a WH law (L in Å, e apparent strain) at 2θ, degrees: the inverse, for
/// synthetic data.
double williamson_hall_breadth_deg(double two_theta_deg, double size_angstrom, double strain,
                                   double wavelength_angstrom, double k = 0.9);

/// ε_rms of a Gaussian strain distribution from the apparent strain e: e / √(π/2).
double rms_strain_from_apparent(double apparent_strain);

/// Instrument profile: Caglioti U, V, W for the Gaussian and X, Y for the Lorentzian FWHM, fitted
/// to the split widths of a standard's fitted peaks (at least 3 peaks).
struct InstrumentFunction {
  ProfileWidths widths;
  std::size_t peaks_used = 0;
  double rms_gauss_deg = 0, rms_lorentz_deg = 0;  ///< of the width fits
};
InstrumentFunction instrument_function(std::span<const FittedPeak> standard_peaks);

/// A sample peak corrected for the instrument: Voigt components and breadths, degrees 2θ.
struct SampleBreadth {
  double two_theta_deg = 0;
  double fwhm_gauss_deg = 0, fwhm_lorentz_deg = 0;  ///< after correction
  double beta_deg = 0;                              ///< integral breadth of the corrected Voigt
  bool resolved = true;  ///< false when a component is not broader than the instrument's
};
SampleBreadth sample_breadth(const FittedPeak& peak, const InstrumentFunction& instrument);

}  // namespace solyte::xtal
