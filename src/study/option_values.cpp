#include "study/option_values.hpp"

#include <algorithm>
#include <charconv>

#include "solyte/error.hpp"
#include "solyte/units.hpp"

namespace solyte::study::detail {

void OptionReader::fail(std::string_view key, const std::string& expected) const {
  const Option* o = options_.find(key);
  throw ParseError(manifest_, o ? o->line : line_, 0,
                   what_ + ": " + (o ? "option '" + o->key + "' = '" + o->value + "': " : "") +
                       expected);
}

void OptionReader::allow_only(std::initializer_list<std::string_view> known) const {
  for (const auto& o : options_.items) {
    if (std::find(known.begin(), known.end(), o.key) != known.end()) continue;
    std::string list;
    for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    throw ParseError(manifest_, o.line, 0,
                     what_ + ": unknown option '" + o.key + "'; known options: " + list);
  }
}

template <class F>
auto OptionReader::convert(std::string_view key, F&& f) const
    -> std::optional<decltype(f(std::string()))> {
  const Option* o = options_.find(key);
  if (!o) return std::nullopt;
  try {
    return f(o->value);
  } catch (const InvalidArgument& e) {
    fail(key, e.what());
  }
}

std::optional<double> OptionReader::number(std::string_view key) const {
  return convert(key, [&](const std::string& v) { return parse_number(v, std::string(key)); });
}

std::optional<long> OptionReader::integer(std::string_view key) const {
  return convert(key, [&](const std::string& v) {
    long out = 0;
    const auto r = std::from_chars(v.data(), v.data() + v.size(), out);
    if (r.ec != std::errc() || r.ptr != v.data() + v.size())
      throw InvalidArgument("expected a whole number");
    return out;
  });
}

std::optional<bool> OptionReader::flag(std::string_view key) const {
  return convert(key, [&](const std::string& v) {
    if (v == "true") return true;
    if (v == "false") return false;
    throw InvalidArgument("expected true or false");
  });
}

std::optional<std::string> OptionReader::text(std::string_view key) const {
  const Option* o = options_.find(key);
  return o ? std::optional<std::string>(o->value) : std::nullopt;
}

std::optional<double> OptionReader::length_m(std::string_view key) const {
  return convert(key, [](const std::string& v) { return parse_length_m(v); });
}
std::optional<double> OptionReader::area_m2(std::string_view key) const {
  return convert(key, [](const std::string& v) { return parse_area_m2(v); });
}
std::optional<double> OptionReader::temperature_k(std::string_view key) const {
  return convert(key, [](const std::string& v) { return parse_temperature_k(v); });
}
std::optional<double> OptionReader::conductivity_s_per_m(std::string_view key) const {
  return convert(key, [](const std::string& v) { return parse_conductivity_s_per_m(v); });
}

std::optional<double> OptionReader::mass_kg(std::string_view key) const {
  return convert(key, [&](const std::string& v) {
    for (auto [unit, f] : {std::pair<std::string_view, double>{"mg", 1e-6}, {"kg", 1.0},
                           {"g", 1e-3}, {"ug", 1e-9}, {"µg", 1e-9}}) {
      if (v.size() > unit.size() && v.compare(v.size() - unit.size(), unit.size(), unit) == 0) {
        const double x = parse_number(v.substr(0, v.size() - unit.size()), "a mass");
        if (!(x > 0)) throw InvalidArgument("expected a positive mass");
        return x * f;
      }
    }
    throw InvalidArgument("expected a mass with a unit (mg, g, kg)");
  });
}

std::optional<std::pair<double, double>> OptionReader::range(
    std::string_view key, const std::function<double(std::string_view)>& value) const {
  return convert(key, [&](const std::string& v) {
    const auto colon = v.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == v.size())
      throw InvalidArgument("expected a range A:B");
    return std::pair<double, double>{value(std::string_view(v).substr(0, colon)),
                                     value(std::string_view(v).substr(colon + 1))};
  });
}

std::optional<double> OptionReader::quantity(
    std::string_view key, const std::function<double(std::string_view)>& value) const {
  return convert(key, [&](const std::string& v) { return value(v); });
}

std::vector<double> OptionReader::numbers(std::string_view key) const {
  std::vector<double> out;
  const Option* o = options_.find(key);
  if (!o) return out;
  std::string_view v = o->value;
  while (!v.empty()) {
    const auto comma = v.find(',');
    const std::string part(v.substr(0, comma));
    try {
      out.push_back(parse_number(part, std::string(key)));
    } catch (const InvalidArgument& e) {
      fail(key, e.what());
    }
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  return out;
}

std::optional<std::string> OptionReader::choice(
    std::string_view key, std::initializer_list<std::string_view> choices) const {
  const auto v = text(key);
  if (!v) return v;
  if (std::find(choices.begin(), choices.end(), *v) != choices.end()) return v;
  std::string list;
  for (auto c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
  fail(key, "expected one of " + list);
}

}  // namespace solyte::study::detail
