// DC conductivity from the frequency-independent plateau of σ'(f) (METHODS.md §2).
//
//   auto r = solyte::eis::dc_conductivity(spectrum, geometry);
//   if (r.sigma_s_per_m) std::cout << *r.sigma_s_per_m * 0.01 << " S/cm\n";
//   else std::cout << r.message << "\n";     // no plateau: nothing is invented
//
// Method. s(f) = d log10 σ'/d log10 f is estimated at every point by a least-squares line
// through the point and `slope_half_window` neighbours on each side. The plateau candidates
// are the contiguous runs of points with |s| ≤ slope_tolerance and at least min_points
// points; the plateau is the widest run (in decades; `prefer_lowest` picks the
// lowest-frequency run of at least min_width_decades instead). σ_DC is the geometric mean of
// σ' at the flattest point of the plateau (least |s|) and its `slope_half_window` neighbours
// on each side inside the band (its standard error is reported):
// below the plateau σ' falls by electrode polarisation, above it rises by dispersion
// (Jonscher), and the flattest point is where both corrections are smallest.
// Cross-check: the bulk-arc intercept. The valley of −Z'' between the last arc and the
// electrode spike (or the low-frequency end of a closed arc) gives R; σ = K/R.
//
// Quality: good (band ≥ min_width_decades and flattest |s| ≤ flat_tolerance), narrow
// (shorter band: value given, flagged), sloped (σ' still rises by more than flat_tolerance
// per decade where it is flattest, as with strongly depressed arcs: value given, flagged),
// none (no band: sigma_s_per_m empty, message says why). open_low/open_high say that the band
// touches the lowest/highest measured frequency (the plateau may continue beyond it).
// Failures: InvalidArgument for an invalid spectrum or geometry.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/spectrum.hpp"

namespace solyte::eis {

struct PlateauOptions {
  double slope_tolerance = 0.2;       ///< max |d log σ'/d log f| inside the plateau
  double flat_tolerance = 0.05;       ///< the flattest point must be this flat for "good"
  std::size_t slope_half_window = 2;  ///< neighbours each side in the slope fit and estimate
  std::size_t min_points = 3;
  double min_width_decades = 0.5;     ///< narrower bands are flagged "narrow"
  bool prefer_lowest = false;         ///< take the lowest-frequency band, not the widest
};

enum class PlateauQuality { good, narrow, sloped, none };
std::string_view to_string(PlateauQuality q);

struct PlateauBand {
  std::size_t first = 0, last = 0;    ///< indices into the frequency-sorted spectrum
  double f_low_hz = 0, f_high_hz = 0;
  double width_decades = 0;
};

struct DcConductivity {
  std::optional<double> sigma_s_per_m;    ///< σ_DC; empty when no plateau exists
  double sigma_err_s_per_m = 0;           ///< standard error of σ_DC over the estimate window
  PlateauQuality quality = PlateauQuality::none;
  PlateauBand band;                       ///< the chosen plateau (meaningless when none)
  std::size_t n_points = 0;               ///< points in the band
  double spread = 0;                      ///< (max σ' − min σ')/σ_DC within the band
  double flattest_slope = 0;              ///< d log σ'/d log f at the flattest point
  double flattest_frequency_hz = 0;
  bool open_low = false, open_high = false;
  std::vector<PlateauBand> other_bands;   ///< further candidates, e.g. a bulk plateau
  std::string message;                    ///< human-readable verdict

  // Cross-check from the Nyquist plot.
  std::optional<double> arc_resistance_ohm;
  std::optional<double> arc_sigma_s_per_m;
  double arc_frequency_hz = 0;            ///< frequency of the valley point
};

/// σ_DC of one spectrum. Uses `g` for the cell constant.
DcConductivity dc_conductivity(const Spectrum& s, const PelletGeometry& g,
                               const PlateauOptions& options = {});

/// The local slopes d log10 σ'/d log10 f used above, for plotting and tests; frequencies
/// ascending. Inputs must be sorted ascending and positive.
std::vector<double> log_slopes(const std::vector<double>& frequency_hz,
                               const std::vector<double>& sigma_real,
                               std::size_t half_window);

}  // namespace solyte::eis
