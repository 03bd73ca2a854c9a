// A measured record of any technique — cyclic voltammetry, galvanostatic cycling, a powder
// pattern, a Raman or DSC scan, an impedance sweep — as named columns of numbers in fixed
// units, with what the file says about it. Readers produce it (io/read_measurements.hpp);
// each analysis takes the columns it needs.
//
//   const solyte::Measurement& m = records.front();
//   if (m.meta.technique == solyte::Technique::cyclic_voltammetry) {
//     std::span<const double> e = m.require(solyte::Quantity::potential).values;   // V
//     std::span<const double> i = m.require(solyte::Quantity::current).values;     // A
//   }
//
// Units: every column of a known Quantity holds values in unit_of(quantity) (SI, except
// degrees for angles, cm⁻¹ for wavenumbers, ppm for chemical shifts and W/g for specific heat
// flow, as the fields always use them). Columns of Quantity::other keep the file's unit.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "solyte/core/spectrum.hpp"

namespace solyte {

/// What a column holds. Readers map the instrument's names ("Ewe/V", "<I>/mA", "2Theta",
/// "DSC/(mW/mg)") onto these and convert to unit_of(q).
enum class Quantity {
  other,               ///< anything else; unit as in the file
  time,                ///< s
  potential,           ///< V (working electrode vs reference, or cell voltage)
  current,             ///< A
  charge,              ///< C
  power,               ///< W
  frequency,           ///< Hz
  z_real,              ///< Ω, Z'
  z_imag,              ///< Ω, Z'' (capacitive < 0)
  z_modulus,           ///< Ω, |Z|
  z_phase,             ///< degrees, arg Z (capacitive < 0)
  cycle,               ///< cycle number (dimensionless, as the file counts)
  step,                ///< step / sequence / half-cycle number
  temperature,         ///< K
  two_theta,           ///< degrees, scattering angle 2θ
  intensity,           ///< counts or arbitrary units (diffraction, spectra)
  intensity_sigma,     ///< standard error of intensity, same unit
  wavenumber,          ///< cm⁻¹ (IR wavenumber or Raman shift)
  chemical_shift,      ///< ppm (NMR)
  heat_flow,           ///< W (DSC, sign convention in MeasurementMetadata::exo_up)
  specific_heat_flow,  ///< W/g (DSC normalised by sample mass)
  mass,                ///< kg (TGA)
};

/// Short name ("time", "potential", "two_theta" …) used as the normalised column name.
std::string_view to_string(Quantity q);
/// Unit of the values of a column of quantity q ("s", "V", "A", "deg", "1/cm", "W/g", "" for
/// counts and cycle numbers, "a.u." for intensity).
std::string_view unit_of(Quantity q);
/// Inverse of to_string ("two_theta" → Quantity::two_theta); nullopt for other names.
std::optional<Quantity> quantity_from_string(std::string_view name);

/// One column: its meaning, its values in unit_of(quantity), and the name the file gave it.
struct Column {
  Quantity quantity = Quantity::other;
  std::string name;         ///< to_string(quantity), or the file's name for Quantity::other
  std::string unit;         ///< unit_of(quantity), or the file's unit for Quantity::other
  std::string source_name;  ///< header as written in the file, e.g. "Ewe/V"
  std::vector<double> values;
};

using MeasurementMetadata = RecordMetadata;

struct Measurement {
  std::vector<Column> columns;  ///< all of the same length
  MeasurementMetadata meta;

  /// Number of rows (0 when there are no columns).
  std::size_t size() const { return columns.empty() ? 0 : columns.front().values.size(); }
  /// First column of quantity q, or nullptr.
  const Column* find(Quantity q) const;
  bool has(Quantity q) const { return find(q) != nullptr; }
  /// First column of quantity q. Throws InvalidArgument naming the record, the quantity and
  /// the columns it does have.
  const Column& require(Quantity q) const;
  /// "file" or "file#2" when the file holds several records.
  std::string label() const;
  /// Appends a column; its name and unit follow from q (for Quantity::other pass them).
  Column& add(Quantity q, std::vector<double> values, std::string source_name = {});
};

/// Throws InvalidArgument unless all columns have the same length and every known quantity's
/// values are finite (NaN may only appear in Quantity::other columns).
void validate(const Measurement& m);

/// An impedance spectrum as a record with frequency, z_real and z_imag columns.
Measurement to_measurement(const Spectrum& s);

}  // namespace solyte
