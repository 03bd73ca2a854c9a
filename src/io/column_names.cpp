#include "io/column_names.hpp"

#include <string>

#include "core/number_parse.hpp"

namespace solyte::io::detail {

namespace {

struct Known {
  std::string_view text;
  ImpedanceColumn quantity;
  bool function_word;  // "re", "phase" …: "re(y)" is the real part of something else
  bool specimen;
};

// Names seen in instrument exports (EC-Lab, Gamry, Novocontrol, CHI, Autolab, ZView,
// PowerSuite, Parstat, RelaxIS) and in hand-written CSV headers. Longest match wins.
constexpr Known kKnown[] = {
    {"frequency", ImpedanceColumn::frequency, false, false},
    {"frequenz", ImpedanceColumn::frequency, false, false},
    {"freq", ImpedanceColumn::frequency, false, false},
    {"f", ImpedanceColumn::frequency, false, false},
    {"re(z)", ImpedanceColumn::real, false, false},
    {"real(z)", ImpedanceColumn::real, false, false},
    {"zreal", ImpedanceColumn::real, false, false},
    {"zre", ImpedanceColumn::real, false, false},
    {"z'", ImpedanceColumn::real, false, false},
    {"zs'", ImpedanceColumn::real, false, true},
    {"real", ImpedanceColumn::real, true, false},
    {"re", ImpedanceColumn::real, true, false},
    {"rez", ImpedanceColumn::real, false, false},
    {"realz", ImpedanceColumn::real, false, false},
    {"zr", ImpedanceColumn::real, false, false},
    {"im(z)", ImpedanceColumn::imag, false, false},
    {"imag(z)", ImpedanceColumn::imag, false, false},
    {"zimag", ImpedanceColumn::imag, false, false},
    {"zimg", ImpedanceColumn::imag, false, false},
    {"zim", ImpedanceColumn::imag, false, false},
    {"z''", ImpedanceColumn::imag, false, false},
    {"zs''", ImpedanceColumn::imag, false, true},
    {"imaginary", ImpedanceColumn::imag, false, false},
    {"imag", ImpedanceColumn::imag, true, false},
    {"im", ImpedanceColumn::imag, true, false},
    {"imz", ImpedanceColumn::imag, false, false},
    {"imagz", ImpedanceColumn::imag, false, false},
    {"zi", ImpedanceColumn::imag, false, false},
    {"|z|", ImpedanceColumn::modulus, false, false},
    {"|zs|", ImpedanceColumn::modulus, false, false},
    {"abs(z)", ImpedanceColumn::modulus, false, false},
    {"mod(z)", ImpedanceColumn::modulus, false, false},
    {"zmod", ImpedanceColumn::modulus, false, false},
    {"zabs", ImpedanceColumn::modulus, false, false},
    {"absz", ImpedanceColumn::modulus, false, false},
    {"modz", ImpedanceColumn::modulus, false, false},
    {"abs", ImpedanceColumn::modulus, true, false},
    {"mod", ImpedanceColumn::modulus, true, false},
    {"magnitude", ImpedanceColumn::modulus, false, false},
    {"mag", ImpedanceColumn::modulus, false, false},
    {"z", ImpedanceColumn::modulus, false, false},
    {"phase(z)", ImpedanceColumn::phase, false, false},
    {"arg(z)", ImpedanceColumn::phase, false, false},
    {"phase", ImpedanceColumn::phase, true, false},
    {"zphz", ImpedanceColumn::phase, false, false},
    {"zphase", ImpedanceColumn::phase, false, false},
    {"phz", ImpedanceColumn::phase, false, false},
    {"phi", ImpedanceColumn::phase, false, false},
    {"theta", ImpedanceColumn::phase, false, false},
    {"angle", ImpedanceColumn::phase, false, false},
    {"arg", ImpedanceColumn::phase, true, false},
    {"degrees", ImpedanceColumn::phase, false, false},
    {"degree", ImpedanceColumn::phase, false, false},
    {"deg", ImpedanceColumn::phase, false, false},
    {"rad", ImpedanceColumn::phase, false, false},
    {"temperature", ImpedanceColumn::temperature, false, false},
    {"temp", ImpedanceColumn::temperature, false, false},
    {"t", ImpedanceColumn::temperature, false, false},
};

// Characters that may follow a name and start its unit: "freq/Hz", "Zre_Ohm", "Freq.[Hz]".
bool is_unit_start(char c) {
  return c == '/' || c == '[' || c == '(' || c == '{' || c == '_' || c == '.' || c == ',' ||
         c == ':';
}

// Lower case, blanks removed, '"' read as '' (CHI writes Z" for Z'').
std::string normalise(std::string_view name) {
  std::string n;
  n.reserve(name.size() + 2);
  for (char c : solyte::detail::trim(name)) {
    if (c == ' ' || c == '\t') continue;
    if (c == '"') {
      n += "''";
      continue;
    }
    n.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return n;
}

// After "phase" or "re", parentheses hold either a unit ("Phase (deg)") or the argument of
// a function of another quantity ("Phase(Y)", "Re(Zce)").
bool parenthesised_unit(std::string_view rest) {
  const std::size_t close = rest.find(')');
  const std::string_view inside = rest.substr(1, close == std::string_view::npos ? 0 : close - 1);
  for (std::string_view unit : {"deg", "\u00B0", "rad", "ohm", "kohm", "mohm", "\u03A9"})
    if (inside.substr(0, unit.size()) == unit) return true;
  return false;
}

TemperatureUnit temperature_unit(std::string_view rest) {
  while (!rest.empty() && (is_unit_start(rest.front()))) rest.remove_prefix(1);
  while (!rest.empty() && (rest.back() == ')' || rest.back() == ']' || rest.back() == '}'))
    rest.remove_suffix(1);
  if (rest == "k" || rest == "kelvin") return TemperatureUnit::kelvin;
  for (std::string_view c : {"c", "\u00B0c", "\u00BAc", "degc", "deg.c", "celsius"})
    if (rest == c) return TemperatureUnit::celsius;
  return TemperatureUnit::unknown;
}

}  // namespace

ColumnMeaning identify_column(std::string_view name) {
  std::string n = normalise(name);
  ColumnMeaning m;
  std::string_view s = n;
  if (!s.empty() && s.front() == '-') {
    m.negated = true;
    s.remove_prefix(1);
  } else if (s.substr(0, 3) == "\xE2\x88\x92") {  // U+2212 minus sign
    m.negated = true;
    s.remove_prefix(3);
  }
  const Known* best = nullptr;
  for (const Known& k : kKnown) {
    if (s.substr(0, k.text.size()) != k.text) continue;
    const std::string_view rest = s.substr(k.text.size());
    if (!rest.empty() && !is_unit_start(rest.front())) continue;
    if (k.function_word && !rest.empty() && rest.front() == '(' && !parenthesised_unit(rest))
      continue;
    if (!best || k.text.size() > best->text.size()) best = &k;
  }
  if (!best) return {};
  const std::string_view rest = s.substr(best->text.size());
  m.quantity = best->quantity;
  m.specimen = best->specimen;
  if (m.quantity == ImpedanceColumn::phase)
    m.radians = best->text == "rad" || rest.find("rad") != std::string_view::npos;
  if (m.quantity == ImpedanceColumn::temperature) {
    m.temperature_unit = temperature_unit(rest);
    // A bare "T" is too ambiguous without its unit.
    if (best->text == "t" && m.temperature_unit == TemperatureUnit::unknown) return {};
  }
  return m;
}

ColumnMap map_columns(const std::vector<std::string_view>& names) {
  ColumnMap map;
  bool real_specimen = false, imag_specimen = false;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const ColumnMeaning m = identify_column(names[i]);
    const int col = static_cast<int>(i);
    switch (m.quantity) {
      case ImpedanceColumn::none:
        break;
      case ImpedanceColumn::frequency:
        if (map.frequency < 0) map.frequency = col;
        break;
      case ImpedanceColumn::real:
        if (map.real < 0 || (m.specimen && !real_specimen)) {
          map.real = col;
          real_specimen = m.specimen;
        }
        break;
      case ImpedanceColumn::imag:
        if (map.imag < 0 || (m.specimen && !imag_specimen)) {
          map.imag = col;
          map.imag_negated = m.negated;
          imag_specimen = m.specimen;
        }
        break;
      case ImpedanceColumn::modulus:
        if (map.modulus < 0) map.modulus = col;
        break;
      case ImpedanceColumn::phase:
        if (map.phase < 0) {
          map.phase = col;
          map.phase_negated = m.negated;
          map.phase_radians = m.radians;
        }
        break;
      case ImpedanceColumn::temperature:
        if (m.temperature_unit == TemperatureUnit::unknown) {
          if (map.temperature_without_unit < 0) map.temperature_without_unit = col;
        } else if (map.temperature < 0) {
          map.temperature = col;
          map.temperature_kelvin = m.temperature_unit == TemperatureUnit::kelvin;
        }
        break;
    }
  }
  return map;
}

}  // namespace solyte::io::detail
