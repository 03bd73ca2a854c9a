// What a column header of a non-impedance table means — "time/s", "Ewe/V", "<I>/mA",
// "(Q-Qo)/mA.h", "2Theta", "Wavenumber [cm-1]", "Temp./°C", "DSC/(mW/mg)" — and the factor
// that brings its values to the units of solyte::Quantity (core/measurement.hpp).
#pragma once

#include <string>
#include <string_view>

#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

struct QuantityMatch {
  solyte::Quantity quantity = solyte::Quantity::other;
  double scale = 1.0;    ///< value_in_unit_of(quantity) = scale·file_value + offset
  double offset = 0.0;
  std::string name;      ///< the header's name part, as written ("Ewe")
  std::string unit;      ///< the header's unit part, as written ("V"), may be empty
  std::string warning;   ///< non-empty when the unit was missing and assumed, or unknown
};

/// Splits a header into name and unit: "Ewe/V" → {"Ewe", "V"}, "Temp. [°C]" → {"Temp.",
/// "°C"}, "DSC/(mW/mg)" → {"DSC", "mW/mg"}, "Intensity" → {"Intensity", ""}.
std::pair<std::string_view, std::string_view> split_name_unit(std::string_view header);

/// The meaning of one header. Quantity::other when the name is not known, or when it is
/// known but the unit cannot be converted (then `warning` says so and the file's unit is
/// kept in `unit`). With `impedance` false the impedance names are not tried, for tables
/// without a frequency column ("Angle" is then a 2θ, not a phase).
QuantityMatch identify_quantity(std::string_view header, bool impedance = true);

}  // namespace solyte::io::detail
