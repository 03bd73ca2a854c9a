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

namespace {

constexpr const char* kMu = "\xC2\xB5";      // µ MICRO SIGN
constexpr const char* kMuGreek = "\xCE\xBC";  // μ GREEK SMALL LETTER MU

// Blanks removed; "^2" and "²" written "2"; the micro signs written "u".
std::string canonical_unit(std::string_view u) {
  std::string out;
  for (std::size_t k = 0; k < u.size(); ++k) {
    if (u[k] == ' ') continue;
    if (u[k] == '^') continue;
    if (u.substr(k, 2) == "\xC2\xB2") {   // ²
      out += '2';
      ++k;
      continue;
    }
    if (u.substr(k, 2) == kMu || u.substr(k, 2) == kMuGreek) {
      out += 'u';
      ++k;
      continue;
    }
    out += u[k];
  }
  return out;
}

double scaled(std::string_view text, std::string_view what,
              std::initializer_list<UnitFactor> units, std::string_view accepted, bool bare_allowed,
              bool positive) {
  auto [value, unit_raw] = split_value_unit(text, what);
  const std::string unit = canonical_unit(unit_raw);
  double v = 0;
  bool found = false;
  if (unit.empty()) {
    if (!bare_allowed)
      throw InvalidArgument(std::string(what) + " '" + std::string(text) +
                            "' has no unit; write it with one of: " + std::string(accepted));
    v = value;
    found = true;
  }
  for (const auto& u : units)
    if (!found && unit == u.unit) {
      v = value * u.factor;
      found = true;
    }
  if (!found)
    throw InvalidArgument("unknown unit '" + std::string(unit_raw) + "' in " + std::string(what) +
                          " '" + std::string(text) + "'; accepted: " + std::string(accepted));
  if (positive && !(v > 0))
    throw InvalidArgument(std::string(what) + " '" + std::string(text) + "' must be positive");
  return v;
}

constexpr double kMilliAmpHour = 3.6;   // C

}  // namespace

double parse_current_a(std::string_view text) {
  return scaled(text, "current",
                {{"A", 1}, {"mA", 1e-3}, {"uA", 1e-6}, {"nA", 1e-9}},
                "A, mA, uA (µA), nA — e.g. 0.4mA", false, false);
}

double parse_current_density_a_per_m2(std::string_view text) {
  return scaled(text, "current density",
                {{"A/m2", 1}, {"A/cm2", 1e4}, {"mA/cm2", 10}, {"uA/cm2", 1e-2}, {"mA/m2", 1e-3},
                 {"nA/cm2", 1e-5}},
                "mA/cm2, uA/cm2, A/cm2, A/m2 — e.g. 0.12mA/cm2", false, true);
}

double parse_potential_v(std::string_view text) {
  return scaled(text, "potential", {{"V", 1}, {"mV", 1e-3}, {"uV", 1e-6}},
                "V, mV (a bare number is volts)", true, false);
}

double parse_duration_s(std::string_view text) {
  return scaled(text, "duration",
                {{"s", 1}, {"ms", 1e-3}, {"min", 60}, {"h", 3600}, {"d", 86400}},
                "s, ms, min, h, d — e.g. 1h, 30min", false, true);
}

double parse_specific_capacity_c_per_kg(std::string_view text) {
  return scaled(text, "specific capacity",
                {{"mAh/g", kMilliAmpHour * 1e3}, {"Ah/g", 3600 * 1e3}, {"Ah/kg", 3600},
                 {"mAh/kg", kMilliAmpHour}, {"C/g", 1e3}, {"C/kg", 1}},
                "mAh/g, Ah/g, Ah/kg, C/g, C/kg — e.g. 120mAh/g", false, true);
}

double parse_areal_mass_kg_per_m2(std::string_view text) {
  return scaled(text, "areal mass",
                {{"mg/cm2", 1e-2}, {"g/cm2", 10}, {"g/m2", 1e-3}, {"kg/m2", 1}, {"mg/m2", 1e-6}},
                "mg/cm2, g/cm2, g/m2, kg/m2 — e.g. 2mg/cm2", false, true);
}

double parse_areal_capacity_c_per_m2(std::string_view text) {
  return scaled(text, "areal capacity",
                {{"mAh/cm2", kMilliAmpHour * 1e4}, {"uAh/cm2", kMilliAmpHour * 10},
                 {"Ah/m2", 3600}, {"mAh/m2", kMilliAmpHour}, {"C/m2", 1}, {"C/cm2", 1e4},
                 {"mC/cm2", 10}},
                "mAh/cm2, uAh/cm2, Ah/m2, C/m2, C/cm2 — e.g. 0.24mAh/cm2", false, true);
}

double parse_mass_kg(std::string_view text) {
  return scaled(text, "mass", {{"kg", 1}, {"g", 1e-3}, {"mg", 1e-6}, {"ug", 1e-9}},
                "kg, g, mg, ug (µg) — e.g. 5.21mg", false, true);
}

double parse_rate_k_per_s(std::string_view text) {
  const double v = scaled(text, "rate",
                          {{"K/s", 1}, {"K/min", 1.0 / 60}, {"K/h", 1.0 / 3600},
                           {"C/s", 1}, {"C/min", 1.0 / 60}, {"\xC2\xB0" "C/min", 1.0 / 60},
                           {"\xC2\xB0" "C/s", 1}, {"degC/min", 1.0 / 60}},
                          "K/min, K/s, K/h, C/min, °C/min — e.g. 10K/min", false, true);
  return v;
}

double parse_c_rate(std::string_view text) {
  std::string t;
  for (char c : text)
    if (c != ' ') t += c;
  double v = 0;
  if (t == "C" || t == "c") {
    v = 1;
  } else if (t.size() > 2 && (t[0] == 'C' || t[0] == 'c') && t[1] == '/') {
    const auto n = detail::parse_double(t.substr(2));
    if (!n || !(*n > 0)) throw InvalidArgument("cannot read the C-rate '" + std::string(text) + "'");
    v = 1 / *n;
  } else if (!t.empty() && (t.back() == 'C' || t.back() == 'c')) {
    const auto n = detail::parse_double(t.substr(0, t.size() - 1));
    if (!n) throw InvalidArgument("cannot read the C-rate '" + std::string(text) + "'");
    v = *n;
  } else {
    throw InvalidArgument("cannot read the C-rate '" + std::string(text) +
                          "'; write C/2, 1C, 0.5C or 2C");
  }
  if (!(v > 0) || !std::isfinite(v))
    throw InvalidArgument("the C-rate '" + std::string(text) + "' must be positive");
  return v;
}

}  // namespace solyte
