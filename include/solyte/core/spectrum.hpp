// An impedance spectrum of one sample at one temperature, with what is known about it.
//
//   solyte::Spectrum s;
//   s.frequency_hz = {1e6, 1e5, 1e4};
//   s.impedance_ohm = {{1e3, -2e3}, {5e3, -1e3}, {6e3, -5e2}};   // Z'' < 0: capacitive
//   s.meta.geometry = solyte::PelletGeometry::from_diameter(10e-3, 0.5e-3);
//   s.meta.temperature_k = 298.15;
//
// Conventions (METHODS.md §1): Z* = Z' + iZ'', capacitive response has Z'' < 0; readers
// normalise files that store −Z''. Frequencies are positive and strictly monotonic (either
// direction). Everything is SI.
#pragma once

#include <complex>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace solyte {

/// Pellet (or cell) geometry: electrode area and sample thickness, both SI.
struct PelletGeometry {
  double area_m2 = 0.0;
  double thickness_m = 0.0;

  /// Circular pellet of diameter d (m) and thickness L (m). Throws InvalidArgument unless both > 0.
  static PelletGeometry from_diameter(double diameter_m, double thickness_m);
  /// Cell constant K = L/A in 1/m (METHODS.md §1).
  double cell_constant_per_m() const { return thickness_m / area_m2; }
  /// Empty-cell capacitance C0 = ε0·A/L in F.
  double vacuum_capacitance_f() const;
  /// Diameter of the circle of this area, m.
  double diameter_m() const;
  bool valid() const { return area_m2 > 0 && thickness_m > 0; }
};

/// What kind of measurement a record holds.
enum class Technique { impedance, cyclic_voltammetry, linear_sweep, galvanostatic, other };
std::string_view to_string(Technique t);

/// Where a spectrum's temperature came from.
enum class TemperatureSource { none, file, option, file_name };
std::string_view to_string(TemperatureSource s);

/// Heating or cooling run of a temperature series, when known.
enum class ThermalRun { unknown, heating, cooling };
std::string_view to_string(ThermalRun r);

struct SpectrumMetadata {
  std::string source_file;              ///< path as given by the caller
  std::string format;                   ///< reader that produced it, e.g. "biologic-mpt"
  std::string sample;                   ///< sample name when the file gives one
  std::size_t index_in_file = 0;        ///< 0-based, for files holding several spectra
  Technique technique = Technique::impedance;
  std::optional<double> temperature_k;  ///< K
  TemperatureSource temperature_source = TemperatureSource::none;
  ThermalRun run = ThermalRun::unknown;
  std::optional<PelletGeometry> geometry;
  std::vector<std::string> warnings;    ///< things a reader noticed but could handle
};

struct Spectrum {
  std::vector<double> frequency_hz;                ///< Hz, > 0, strictly monotonic
  std::vector<std::complex<double>> impedance_ohm; ///< Ω, Z' + iZ''
  SpectrumMetadata meta;

  std::size_t size() const { return frequency_hz.size(); }
  /// A name for messages: "file" or "file#2" when the file holds several spectra.
  std::string label() const;
};

/// Throws InvalidArgument when the spectrum breaks the conventions above (sizes differ,
/// fewer than `min_points` points, a frequency ≤ 0 or not finite, frequencies not strictly
/// monotonic, a non-finite impedance). The message names the spectrum and the point.
void validate(const Spectrum& s, std::size_t min_points = 1);

/// Copy of `s` with points ordered by increasing frequency.
Spectrum sorted_by_frequency(const Spectrum& s);

}  // namespace solyte
