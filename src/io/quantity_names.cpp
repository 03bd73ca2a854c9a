#include "io/quantity_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <optional>

#include "io/column_names.hpp"
#include "io/text_table.hpp"

namespace solyte::io::detail {

namespace {

struct UnitScale {
  std::string_view unit;  // lower case, blanks removed
  double scale;
  double offset = 0.0;
};

struct NameRule {
  solyte::Quantity quantity;
  std::initializer_list<std::string_view> names;  // lower case, blanks and dots removed
  std::initializer_list<UnitScale> units;         // empty list: no unit expected
  std::string_view assumed_unit;  // used when the header states none ("" = needs a unit)
};

// Units compared in lower case with blanks removed: "mA.h", "mA·h", "mAh" are one unit.
const NameRule kRules[] = {
    {solyte::Quantity::time,
     {"time", "t", "elapsedtime", "totaltime", "testtime", "steptime", "timestamp", "time(s)"},
     {{"s", 1}, {"sec", 1}, {"ms", 1e-3}, {"min", 60}, {"h", 3600}, {"hr", 3600}},
     "s"},
    {solyte::Quantity::potential,
     {"ewe", "e", "potential", "voltage", "u", "ecell", "ewe-ece", "vf", "v", "we(1).potential",
      "potentialapplied", "cellpotential", "vwe", "ev", "e(v)"},
     {{"v", 1}, {"mv", 1e-3}, {"kv", 1e3}},
     "V"},
    {solyte::Quantity::current,
     {"i", "current", "im", "we(1).current", "iwe", "control/ma", "i(a)"},
     {{"a", 1}, {"ma", 1e-3}, {"µa", 1e-6}, {"μa", 1e-6}, {"ua", 1e-6}, {"na", 1e-9}},
     "A"},
    {solyte::Quantity::charge,
     {"q", "q-qo", "(q-qo)", "charge", "capacity", "dq", "qcharge/discharge"},
     {{"c", 1}, {"mc", 1e-3}, {"µc", 1e-6}, {"uc", 1e-6}, {"mah", 3.6}, {"ma.h", 3.6},
      {"ma·h", 3.6}, {"ah", 3600}, {"a.h", 3600}, {"µah", 3.6e-3}, {"µa.h", 3.6e-3},
      {"uah", 3.6e-3}},
     ""},
    {solyte::Quantity::cycle, {"cyclenumber", "cycle", "cycleindex", "cycleno", "cyclenr"}, {}, ""},
    {solyte::Quantity::step, {"ns", "step", "stepnumber", "halfcycle", "sequence", "stepindex"}, {}, ""},
    {solyte::Quantity::temperature,
     {"temperature", "temp", "t", "sampletemperature", "ts", "tr", "programtemperature"},
     {{"k", 1}, {"°c", 1, 273.15}, {"c", 1, 273.15}, {"degc", 1, 273.15}, {"ºc", 1, 273.15}},
     ""},
    {solyte::Quantity::two_theta,
     {"2theta", "2θ", "twotheta", "two-theta", "2-theta", "angle", "2th", "pos", "2thetaangle"},
     {{"deg", 1}, {"°", 1}, {"degrees", 1}, {"°2th", 1}, {"°2θ", 1}},
     "deg"},
    {solyte::Quantity::intensity,
     {"intensity", "counts", "cps", "int", "yobs", "y_obs", "countrate", "signal", "absorbance",
      "transmittance", "reflectance", "raman intensity", "ramanintensity"},
     {},
     ""},
    {solyte::Quantity::intensity_sigma, {"esd", "sigma", "err", "error", "stddev", "yerr"}, {}, ""},
    {solyte::Quantity::wavenumber,
     {"wavenumber", "wavenumbers", "ramanshift", "shift", "wn", "ramanshift(cm-1)", "wave"},
     {{"cm-1", 1}, {"1/cm", 1}, {"cm^-1", 1}, {"cm⁻¹", 1}, {"/cm", 1}},
     "1/cm"},
    {solyte::Quantity::chemical_shift, {"chemicalshift", "ppm", "delta", "δ"}, {{"ppm", 1}}, "ppm"},
    {solyte::Quantity::heat_flow,
     {"dsc", "heatflow", "hf", "heatflowendoup", "heatfloexoup"},
     {{"w", 1}, {"mw", 1e-3}, {"µw", 1e-6}, {"uw", 1e-6}},
     ""},
    {solyte::Quantity::mass, {"mass", "weight", "samplemass"}, {{"kg", 1}, {"g", 1e-3}, {"mg", 1e-6}}, ""},
};

// Specific heat flow shares the DSC names but has a mass in its unit.
constexpr UnitScale kSpecificHeatFlowUnits[] = {
    {"w/g", 1}, {"mw/mg", 1}, {"mw/g", 1e-3}, {"w/kg", 1e-3}, {"µw/mg", 1e-3}, {"uw/mg", 1e-3}};

std::string normalise(std::string_view s, bool drop_dots) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '<' || c == '>' || c == '"') continue;
    if (drop_dots && c == '.' ) continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string_view strip_brackets(std::string_view u) {
  u = trim(u);
  while (u.size() >= 2 && ((u.front() == '(' && u.back() == ')') ||
                           (u.front() == '[' && u.back() == ']') ||
                           (u.front() == '{' && u.back() == '}')))
    u = trim(u.substr(1, u.size() - 2));
  return u;
}

bool name_in(const NameRule& r, const std::string& name) {
  return std::find(r.names.begin(), r.names.end(), name) != r.names.end();
}

std::optional<UnitScale> find_unit(std::initializer_list<UnitScale> units, const std::string& u) {
  for (const auto& s : units)
    if (s.unit == u) return s;
  return std::nullopt;
}

}  // namespace

std::pair<std::string_view, std::string_view> split_name_unit(std::string_view header) {
  header = trim(strip_comment_mark(header));
  if (header.empty()) return {header, {}};
  const char last = header.back();
  if (last == ']' || last == ')' || last == '}') {
    const char open = last == ']' ? '[' : (last == ')' ? '(' : '{');
    int depth = 0;
    for (std::size_t i = header.size(); i-- > 0;) {
      if (header[i] == last) ++depth;
      if (header[i] == open && --depth == 0) {
        if (i == 0) break;  // the whole header is bracketed: "(Q-Qo)"
        std::string_view name = trim(header.substr(0, i));
        if (!name.empty() && name.back() == '/') name = trim(name.substr(0, name.size() - 1));
        return {name, strip_brackets(header.substr(i))};
      }
    }
  }
  const auto slash = header.find('/');
  if (slash != std::string_view::npos && slash > 0)
    return {trim(header.substr(0, slash)), strip_brackets(header.substr(slash + 1))};
  return {header, {}};
}

QuantityMatch identify_quantity(std::string_view header, bool impedance) {
  auto [name_part, unit_part] = split_name_unit(header);
  QuantityMatch m;
  m.name = std::string(name_part);
  m.unit = std::string(unit_part);
  const std::string name = normalise(name_part, true);
  const std::string name_dots = normalise(name_part, false);
  const std::string unit = normalise(unit_part, false);

  // solyte's own normalised names ("two_theta/deg", "specific_heat_flow/W/g"), as
  // io::measurement_csv writes them, mean exactly their quantity.
  if (const auto q = quantity_from_string(name_part); q && unit_part == unit_of(*q)) {
    m.quantity = *q;
    return m;
  }

  // Impedance columns are known to the impedance readers' table.
  const ColumnMeaning imp = impedance ? identify_column(header) : ColumnMeaning{};
  switch (imp.quantity) {
    case detail::ImpedanceColumn::frequency: m.quantity = solyte::Quantity::frequency; return m;
    case detail::ImpedanceColumn::real: m.quantity = solyte::Quantity::z_real; return m;
    case detail::ImpedanceColumn::imag:
      m.quantity = solyte::Quantity::z_imag;
      m.scale = imp.negated ? -1.0 : 1.0;
      return m;
    case detail::ImpedanceColumn::modulus: m.quantity = solyte::Quantity::z_modulus; return m;
    case detail::ImpedanceColumn::phase:
      m.quantity = solyte::Quantity::z_phase;
      m.scale = (imp.negated ? -1.0 : 1.0) * (imp.radians ? 57.29577951308232 : 1.0);
      return m;
    default:
      break;
  }

  for (const NameRule& r : kRules) {
    if (!name_in(r, name) && !name_in(r, name_dots)) continue;
    if (r.quantity == solyte::Quantity::heat_flow) {
      for (const auto& s : kSpecificHeatFlowUnits)
        if (s.unit == unit) {
          m.quantity = solyte::Quantity::specific_heat_flow;
          m.scale = s.scale;
          return m;
        }
    }
    if (r.units.size() == 0) {  // dimensionless or arbitrary units: any unit is fine
      m.quantity = r.quantity;
      return m;
    }
    if (unit.empty()) {
      if (r.assumed_unit.empty()) continue;  // e.g. "T" without a unit: time or temperature?
      m.quantity = r.quantity;
      if (const auto s = find_unit(r.units, normalise(r.assumed_unit, false))) m.scale = s->scale;
      m.warning = "column '" + std::string(header) + "' states no unit; taken as " +
                  std::string(r.assumed_unit);
      return m;
    }
    if (const auto s = find_unit(r.units, unit)) {
      m.quantity = r.quantity;
      m.scale = s->scale;
      m.offset = s->offset;
      return m;
    }
    // The name fits but the unit belongs elsewhere ("T/s" is a time, not a temperature):
    // try the other rules before giving up.
  }
  for (const NameRule& r : kRules)
    if (name_in(r, name) && r.units.size() > 0 && !unit.empty()) {
      m.warning = "column '" + std::string(header) + "': unit '" + m.unit + "' not known for " +
                  std::string(to_string(r.quantity)) + "; kept as is";
      break;
    }
  return m;
}

}  // namespace solyte::io::detail
