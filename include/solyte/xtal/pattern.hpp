// Simulated powder patterns: every line a Thompson–Cox–Hastings pseudo-Voigt whose Gaussian
// width follows Caglioti's law and whose Lorentzian width follows X tanθ + Y/cosθ, Kα1 and Kα2
// components, a Chebyshev background and a zero shift (METHODS.md §9; docs/methods.md §9c).
//
//   using namespace solyte::xtal;
//   auto lines = powder_lines(structure, {.two_theta_min_deg = 10, .two_theta_max_deg = 120});
//   PatternModel m{.profile = {.gauss = {.u = 0.004, .v = -0.002, .w = 0.002}, .y = 0.02},
//                  .scale = 1e-3, .background = {200, -20}};
//   std::vector<double> tth = uniform_grid(10, 120, 0.01);
//   std::vector<double> y = simulate_pattern(tth, lines, m);
//
// Model at angle x (degrees 2θ):
//   y(x) = Σ_lines Σ_(k = 1, 2) scale · r_k · I_line · pV(x − 2θ_k − zero; Γ, η) + B(x)
// with 2θ_k = 2 asin(λ_k / 2d) of the line's d, r_1 = 1 and r_2 = I(Kα2)/I(Kα1); Γ and η from
// tch_pseudo_voigt(Γ_G, Γ_L) at 2θ_k, Γ_G² = U tan²θ + V tanθ + W, Γ_L = X tanθ + Y/cosθ
// (TCH 1987 eqs. 2–4; Caglioti et al. 1958); B(x) = Σ_j c_j T_j(t), T_j Chebyshev polynomials
// of the first kind, t = 2(x − x_min)/(x_max − x_min) − 1 over the background range. The line
// intensities (m|F|²LP of powder_lines, computed at λ1) are used for both components.
// Failures: InvalidArgument for a non-positive wavelength, a ratio < 0, an empty or reversed
// background range, a non-finite parameter, or a Gaussian width² ≤ 0 at a line's angle.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "solyte/xtal/powder_lines.hpp"
#include "solyte/xtal/profile.hpp"

namespace solyte::xtal {

/// Peak widths as functions of 2θ, degrees.
struct ProfileWidths {
  Caglioti gauss{.u = 0, .v = 0, .w = 0.01};  ///< Γ_G² = U tan²θ + V tanθ + W (deg²)
  double x = 0;  ///< Lorentzian Γ_L = X tanθ + Y/cosθ (deg): X strain-like, Y size-like
  double y = 0;
  /// (Γ_G, Γ_L) at 2θ; InvalidArgument when Γ_G² ≤ 0 there.
  std::pair<double, double> at(double two_theta_deg) const;
};

/// Wavelengths (Å) and the Kα2/Kα1 intensity ratio; ratio 0 = monochromatic.
struct Radiation {
  double lambda1 = 1.5406;  ///< Cu Kα1 (METHODS.md §9)
  double lambda2 = 1.5444;  ///< Cu Kα2
  double ratio = 0.5;       ///< I(Kα2)/I(Kα1)
  static Radiation monochromatic(double lambda) { return {lambda, lambda, 0}; }
};

struct PatternModel {
  ProfileWidths profile;
  Radiation radiation;
  double zero_shift_deg = 0;       ///< added to every calculated 2θ
  double scale = 1;                ///< multiplies the line intensities
  std::vector<double> background;  ///< Chebyshev coefficients c_0, c_1, … (counts)
  /// Range the background polynomial is defined on; default: the simulated grid's ends.
  std::optional<std::pair<double, double>> background_range_deg;
};

/// One line of a pattern: spacing and integrated intensity (before `scale`).
struct PatternLine {
  double d_angstrom = 0;
  double intensity = 0;
};

/// PatternLine list from powder lines (their Σ m|F|²LP, or 1 when positions only).
std::vector<PatternLine> pattern_lines(std::span<const PowderLine> lines);

/// The model at each 2θ of `two_theta_deg` (degrees).
std::vector<double> simulate_pattern(std::span<const double> two_theta_deg,
                                     std::span<const PatternLine> lines, const PatternModel& m);
std::vector<double> simulate_pattern(std::span<const double> two_theta_deg,
                                     std::span<const PowderLine> lines, const PatternModel& m);

/// Σ c_j T_j(t) at x, t mapped from [x_min, x_max] onto [−1, 1].
double chebyshev_background(double x, std::span<const double> coefficients, double x_min,
                            double x_max);

/// from, from + step, … up to `to` (inclusive within step/1000). InvalidArgument for step ≤ 0
/// or to < from.
std::vector<double> uniform_grid(double from, double to, double step);

/// 2θ of the Kα2 component of a line whose Kα1 component is at `two_theta1_deg`:
/// 2 asin((λ2/λ1) sin θ1). InvalidArgument when it does not exist (sin > 1).
double kalpha2_two_theta_deg(double two_theta1_deg, const Radiation& r);

}  // namespace solyte::xtal
