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

// Electrochemistry and thermal analysis. Unit spellings accept "cm2", "cm^2" and "cm²", and
// "u" or "µ" for micro.

/// Current in A from "0.4mA", "10 uA", "-30 µA", "1e-3A", "5nA" (may be negative).
double parse_current_a(std::string_view text);

/// Current density in A/m² from "0.12mA/cm2", "10 uA/cm^2", "1.2 A/m2", "0.1 A/cm²". > 0.
double parse_current_density_a_per_m2(std::string_view text);

/// Potential in V from "4.1V", "50 mV", "-0.2 V"; a bare number is volts.
double parse_potential_v(std::string_view text);

/// Duration in s from "1h", "30 min", "90s", "2.5 h", "500ms", "1d". A bare number is refused.
/// > 0.
double parse_duration_s(std::string_view text);

/// Specific capacity in C/kg from "120mAh/g", "0.12 Ah/g", "120 Ah/kg", "432 C/g". > 0.
double parse_specific_capacity_c_per_kg(std::string_view text);

/// Areal mass (electrode loading) in kg/m² from "2mg/cm2", "20 g/m2", "0.002 g/cm²". > 0.
double parse_areal_mass_kg_per_m2(std::string_view text);

/// Areal capacity (charge per area) in C/m² from "0.24mAh/cm2", "24 uAh/cm^2", "8640 C/m2". > 0.
double parse_areal_capacity_c_per_m2(std::string_view text);

/// Mass in kg from "5.21mg", "0.5 g", "20ug", "1e-6kg". > 0.
double parse_mass_kg(std::string_view text);

/// Heating or cooling rate (magnitude) in K/s from "10K/min", "10 °C/min", "10C/min",
/// "0.5 K/s", "60 K/h". > 0.
double parse_rate_k_per_s(std::string_view text);

/// A C-rate as a multiple of 1C from "C/2" (0.5), "1C", "0.5C", "2C", "C" (1), "C/10". > 0.
double parse_c_rate(std::string_view text);

/// A plain number, locale-free ("1.5e-3"; no thousands separators). Throws InvalidArgument
/// naming `what` when the text is not a finite number.
double parse_number(std::string_view text, std::string_view what);

/// Celsius ↔ kelvin, for the boundary only (the library never holds Celsius).
constexpr double celsius_to_kelvin(double c) { return c + 273.15; }
constexpr double kelvin_to_celsius(double k) { return k - 273.15; }

}  // namespace solyte
