// Quantities with units, as typed by users on the command line or found in file headers.
//
//   double L = solyte::parse_length_m("0.5mm");        // 5e-4
//   double T = solyte::parse_temperature_k("-30 °C");   // 243.15
//
// The library works in SI (DESIGN.md); these functions are the boundary. A bare number
// without a unit is rejected for lengths and temperatures, because "0.5" or "25" is
// ambiguous; the error says which units are accepted. All throw solyte::InvalidArgument.
#pragma once

#include <string_view>

namespace solyte {

/// Length in metres from "0.5mm", "10 mm", "2.1e-3 m", "500um", "500 µm", "0.05cm".
double parse_length_m(std::string_view text);

/// Absolute temperature in kelvin from "25C", "25 °C", "25degC", "298.15K", "-30 °C".
/// Rejects temperatures below 0 K.
double parse_temperature_k(std::string_view text);

/// Frequency in hertz from "1e6", "1 MHz", "10mHz", "100 kHz" (a bare number is hertz).
double parse_frequency_hz(std::string_view text);

/// Area in m² from "0.785 cm2", "78.5mm2", "1 cm^2", "0.5 cm²".
double parse_area_m2(std::string_view text);

/// Conductivity in S/m from "4mS/cm", "4 mS/cm", "1e-3 S/cm", "0.4 S/m", "2 uS/cm".
double parse_conductivity_s_per_m(std::string_view text);

/// A plain number, locale-free ("1.5e-3"; no thousands separators). Throws InvalidArgument
/// naming `what` when the text is not a finite number.
double parse_number(std::string_view text, std::string_view what);

/// Celsius ↔ kelvin, for the boundary only (the library never holds Celsius).
constexpr double celsius_to_kelvin(double c) { return c + 273.15; }
constexpr double kelvin_to_celsius(double k) { return k - 273.15; }

}  // namespace solyte
