// What every record carries besides its numbers: the technique, where it came from, the
// sample's geometry and temperature, the file's header entries and the reader's warnings.
// Shared by impedance spectra (core/spectrum.hpp) and records of any technique
// (core/measurement.hpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
enum class Technique {
  impedance,            ///< PEIS/GEIS, any impedance analyser
  cyclic_voltammetry,
  linear_sweep,         ///< LSV
  galvanostatic,        ///< GCPL, galvanostatic cycling / plating–stripping
  chronopotentiometry,  ///< CP: constant current, potential recorded
  chronoamperometry,    ///< CA: constant potential, current recorded
  open_circuit,         ///< OCV rest
  diffraction,          ///< powder X-ray / neutron pattern
  raman,
  infrared,
  nmr,
  dsc,                  ///< differential scanning calorimetry
  other
};
std::string_view to_string(Technique t);
/// Inverse of to_string ("cyclic-voltammetry" …); nullopt for an unknown name.
std::optional<Technique> technique_from_string(std::string_view name);

/// Where a spectrum's temperature came from.
enum class TemperatureSource { none, file, option, file_name };
std::string_view to_string(TemperatureSource s);

/// Heating or cooling run of a temperature series, when known.
enum class ThermalRun { unknown, heating, cooling };
std::string_view to_string(ThermalRun r);

/// What is known about a record (a spectrum or any Measurement): where it came from, what
/// the file says, and what the reader noticed.
struct RecordMetadata {
  std::string source_file;           ///< path as given by the caller
  std::string format;                ///< reader that produced it, e.g. "biologic-mpr"
  std::string sample;                ///< sample name when the file gives one
  std::size_t index_in_file = 0;     ///< 0-based, for files holding several records
  Technique technique = Technique::other;
  std::string technique_name;        ///< as the file names it ("Cyclic Voltammetry", "GCPL")
  std::optional<double> temperature_k;  ///< K
  TemperatureSource temperature_source = TemperatureSource::none;
  ThermalRun run = ThermalRun::unknown;
  std::optional<PelletGeometry> geometry;     ///< impedance: pellet or cell geometry
  std::optional<double> electrode_area_m2;    ///< electrochemistry, when the file states it
  std::optional<double> sample_mass_kg;       ///< DSC/TGA, active material
  std::optional<double> heating_rate_k_per_s; ///< DSC, when constant and stated
  std::optional<bool> exo_up;                 ///< DSC sign convention, when stated
  std::optional<double> wavelength_angstrom;  ///< diffraction: Kα1 (or the single λ)
  std::optional<double> wavelength2_angstrom; ///< diffraction: Kα2, when stated
  std::optional<double> kalpha2_ratio;        ///< diffraction: I(Kα2)/I(Kα1), when stated
  std::optional<double> two_theta_step_deg;   ///< diffraction: nominal 2θ step, when stated
  std::optional<double> time_per_step_s;      ///< diffraction: counting time per step
  /// What the intensity column counts when the file says: "counts" (raw detector counts, so
  /// Poisson statistics apply), "counts/s"; empty when unknown (arbitrary units).
  std::string intensity_unit;
  /// Header entries as the file gives them (key, value), in file order, for `solyte info`.
  std::vector<std::pair<std::string, std::string>> header;
  std::vector<std::string> warnings;  ///< things a reader noticed but could handle
};

}  // namespace solyte
