#include "solyte/units.hpp"

#include <cmath>
#include <string>
#include <utility>

#include "core/number_parse.hpp"
#include "solyte/constants.hpp"
#include "solyte/error.hpp"

namespace solyte {

namespace {

struct UnitFactor {
  std::string_view unit;
  double factor;
};

// Splits "12.5 mm" into 12.5 and "mm". Throws when no number leads the text.
std::pair<double, std::string_view> split_value_unit(std::string_view text,
                                                     std::string_view what) {
  std::string_view t = detail::trim(text);
  auto [value, used] = detail::parse_leading_double(t);
  if (used == 0)
    throw InvalidArgument("cannot read " + std::string(what) + " from '" + std::string(text) +
                          "': expected a number followed by a unit");
  if (!std::isfinite(value))
    throw InvalidArgument(std::string(what) + " '" + std::string(text) + "' is not finite");
  return {value, detail::trim(t.substr(used))};
}

double scale_with_units(std::string_view text, std::string_view what,
                        std::initializer_list<UnitFactor> units, std::string_view accepted,
                        bool bare_allowed) {
  auto [value, unit] = split_value_unit(text, what);
  if (unit.empty()) {
    if (bare_allowed) return value;
    throw InvalidArgument(std::string(what) + " '" + std::string(text) +
                          "' has no unit; write it with one of: " + std::string(accepted));
  }
  for (const auto& u : units)
    if (unit == u.unit) return value * u.factor;
  throw InvalidArgument("unknown unit '" + std::string(unit) + "' in " + std::string(what) +
                        " '" + std::string(text) + "'; accepted: " + std::string(accepted));
}

}  // namespace

double parse_number(std::string_view text, std::string_view what) {
  auto v = detail::parse_double(text);
  if (!v || !std::isfinite(*v))
    throw InvalidArgument("expected a number for " + std::string(what) + ", got '" +
                          std::string(text) + "'");
  return *v;
}

double parse_length_m(std::string_view text) {
  double v = scale_with_units(text, "length",
                              {{"m", 1.0},
                               {"cm", 1e-2},
                               {"mm", 1e-3},
                               {"um", 1e-6},
                               {"\xC2\xB5m", 1e-6},   // µ MICRO SIGN
                               {"\xCE\xBCm", 1e-6},   // μ GREEK SMALL LETTER MU
                               {"nm", 1e-9}},
                              "m, cm, mm, um (µm), nm — e.g. 0.5mm", false);
  if (!(v > 0)) throw InvalidArgument("length '" + std::string(text) + "' must be positive");
  return v;
}

double parse_temperature_k(std::string_view text) {
  auto [value, unit] = split_value_unit(text, "temperature");
  // Accept the common spellings of a Celsius suffix, including a space after the degree sign.
  std::string u;
  for (char c : unit)
    if (c != ' ') u.push_back(c);
  double kelvin = 0;
  if (u == "K") {
    kelvin = value;
  } else if (u == "C" || u == "\xC2\xB0" "C" || u == "\xC2\xBA" "C" || u == "degC" ||
             u == "deg" || u == "\xE2\x84\x83" /* ℃ */) {
    kelvin = value + constants::zero_celsius_k;
  } else if (u.empty()) {
    throw InvalidArgument("temperature '" + std::string(text) +
                          "' has no unit; write 25C, '25 °C' or 298.15K");
  } else {
    throw InvalidArgument("unknown temperature unit '" + std::string(unit) + "' in '" +
                          std::string(text) + "'; accepted: C, °C, degC, K");
  }
  if (!(kelvin > 0))
    throw InvalidArgument("temperature '" + std::string(text) + "' is at or below 0 K");
  return kelvin;
}

double parse_frequency_hz(std::string_view text) {
  double v = scale_with_units(text, "frequency",
                              {{"Hz", 1.0}, {"mHz", 1e-3}, {"kHz", 1e3}, {"MHz", 1e6},
                               {"GHz", 1e9}},
                              "Hz, mHz, kHz, MHz, GHz", true);
  if (!(v > 0)) throw InvalidArgument("frequency '" + std::string(text) + "' must be positive");
  return v;
}

double parse_area_m2(std::string_view text) {
  double v = scale_with_units(text, "area",
                              {{"m2", 1.0},
                               {"m^2", 1.0},
                               {"m\xC2\xB2", 1.0},
                               {"cm2", 1e-4},
                               {"cm^2", 1e-4},
                               {"cm\xC2\xB2", 1e-4},
                               {"mm2", 1e-6},
                               {"mm^2", 1e-6},
                               {"mm\xC2\xB2", 1e-6}},
                              "m2, cm2, mm2 (also cm^2, cm²)", false);
  if (!(v > 0)) throw InvalidArgument("area '" + std::string(text) + "' must be positive");
  return v;
}

double parse_conductivity_s_per_m(std::string_view text) {
  double v = scale_with_units(text, "conductivity",
                              {{"S/m", 1.0},
                               {"S/cm", 100.0},
                               {"mS/cm", 0.1},
                               {"uS/cm", 1e-4},
                               {"\xC2\xB5S/cm", 1e-4},
                               {"nS/cm", 1e-7},
                               {"mS/m", 1e-3}},
                              "S/m, S/cm, mS/cm, uS/cm (µS/cm), nS/cm", false);
  if (!(v > 0)) throw InvalidArgument("conductivity '" + std::string(text) + "' must be positive");
  return v;
}

}  // namespace solyte
