// IR, Raman and NMR spectra with known bands on a smooth baseline, for round trips of the peak
// analysis (docs/methods.md §10).
//
//   solyte::sim::BandSpectrum s;
//   s.technique = Technique::nmr;
//   s.x_quantity = Quantity::chemical_shift;
//   s.bands = {{.shape = peaks::Shape::voigt, .center = 5.2, .area = 0.09, .fwhm = 3, .lorentz_fwhm
//   = 2},
//              {.shape = peaks::Shape::voigt, .center = -11.4, .area = 1, .fwhm = 3, .lorentz_fwhm
//              = 2}};
//   auto m = solyte::sim::simulate_band_spectrum(s, sim::linear_grid(40, -60, 1001));
//
// y(x) = Σ bands (peaks/profiles.hpp, unit-area profiles × area) + Σ_k c_k u^k with
// u = (x − x_mid)/(half the x span) + N(0, σ²) noise from a seeded generator. The record has
// an x column of x_quantity and an intensity column; its metadata name the technique and say
// it is synthetic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "solyte/core/measurement.hpp"
#include "solyte/peaks/profiles.hpp"

namespace solyte::sim {

struct BandSpectrum {
  Technique technique = Technique::raman;
  Quantity x_quantity = Quantity::wavenumber;  ///< wavenumber, chemical_shift, two_theta …
  std::vector<peaks::Peak> bands;
  std::vector<double> baseline;  ///< c_0, c_1, … of the polynomial in u
  double noise_sigma = 0;        ///< absolute, unit of y
  std::uint64_t seed = 1;
};

/// The spectrum on the grid x (any order). Throws InvalidArgument for an empty or non-finite
/// grid, an invalid band (peaks::validate) or a negative noise level.
Measurement simulate_band_spectrum(const BandSpectrum& spectrum, std::span<const double> x);

/// n ≥ 2 evenly spaced values from first to last inclusive (either direction). Throws
/// InvalidArgument for n < 2 or non-finite ends.
std::vector<double> linear_grid(double first, double last, std::size_t n);

}  // namespace solyte::sim
