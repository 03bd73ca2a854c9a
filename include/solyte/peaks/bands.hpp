// Integrated band areas between two x values, their ratios, and the B–H bond length of a
// closo-borate from its stretching frequency (METHODS.md §10; docs/methods.md §10).
//
//   auto r = solyte::peaks::band_ratio(nu, corrected, {2450, 2650}, {3000, 3100}, sigma);
//   // r.ratio ± r.stderr: ν(B–H) multiplet over ν(C–H)
//   double r1 = solyte::peaks::bh_bond_length_angstrom(2525);   // 1.209805 Å
//
// Areas are trapezoid integrals of the (baseline-corrected) curve over [lo, hi] with the end
// values interpolated at lo and hi, taken over ascending x whatever the order of the axis, so a
// positive band has a positive area on a descending ppm axis too. Their standard errors
// propagate white noise of standard deviation σ on each point (Σ cᵢ²σ² for the trapezoid
// weights cᵢ); the uncertainty of the baseline is not included.
#pragma once

#include <cstddef>
#include <span>
#include <utility>

namespace solyte::peaks {

struct BandArea {
  double lo = 0, hi = 0;   ///< integration limits (lo < hi), unit of x
  double area = 0;         ///< unit of y × unit of x
  double stderr = 0;       ///< from the noise σ only
  std::size_t points = 0;  ///< data points strictly inside (lo, hi)
};

/// ∫_lo^hi y dx (limits in either order). Throws InvalidArgument for mismatched sizes,
/// non-finite values, lo = hi, limits outside the data, or no data point inside.
BandArea band_area(std::span<const double> x, std::span<const double> y,
                   std::pair<double, double> range, double noise_sigma);

struct BandRatio {
  BandArea numerator, denominator;
  double ratio = 0;   ///< numerator.area / denominator.area
  double stderr = 0;  ///< first order, the two areas independent (disjoint ranges)
};

/// Ratio of the band areas over two ranges of the same curve. Throws as band_area, and
/// NumericalError when the denominator area is 0.
BandRatio band_ratio(std::span<const double> x, std::span<const double> y,
                     std::pair<double, double> numerator, std::pair<double, double> denominator,
                     double noise_sigma);

/// Standard error of a ratio a/b from the variances and covariance of a and b (first order).
double ratio_stderr(double a, double b, double var_a, double var_b, double cov_ab);

/// B–H bond length of a closo-(carba)borate from its B–H stretching wavenumber,
/// r[Å] = 1.482 − 1.078e-4·ν[cm⁻¹] (H. Hagemann, M. Sharma, D. Sethio and L. M. Lawson Daku,
/// Helv. Chim. Acta 101, e1700239 (2018), a DFT correlation over several cage anions).
/// 2525 → 1.209805 Å, 2489 → 1.213686 Å (+0.321 %). Throws InvalidArgument for ν outside
/// 1000 … 4000 cm⁻¹ or non-finite.
double bh_bond_length_angstrom(double wavenumber_per_cm);

/// dr/dν of the same correlation, Å per cm⁻¹ (for propagating the error of a fitted ν).
inline constexpr double bh_bond_length_slope_angstrom_cm = -1.078e-4;

}  // namespace solyte::peaks
