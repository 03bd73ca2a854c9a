#include "circuit_options.hpp"

#include <cmath>
#include <limits>

#include "solyte/error.hpp"
#include "solyte/units.hpp"

namespace solyte::cli {

namespace {

double bound_value(const std::string& text, const std::string& item) {
  if (text == "inf" || text == "+inf") return std::numeric_limits<double>::infinity();
  if (text == "-inf") return -std::numeric_limits<double>::infinity();
  return parse_number(text, "the bound in --bounds " + item);
}

std::pair<std::string, std::string> split_at(const std::string& item, char sep,
                                             const std::string& option, const char* form) {
  const auto pos = item.find(sep);
  if (pos == std::string::npos || pos == 0 || pos + 1 == item.size())
    throw InvalidArgument(option + " expects " + form + ", got '" + item + "'");
  return {item.substr(0, pos), item.substr(pos + 1)};
}

}  // namespace

std::vector<eis::ParameterValue> parse_assignments(const std::vector<std::string>& items,
                                                   const std::string& option) {
  std::vector<eis::ParameterValue> out;
  for (const auto& item : items) {
    const auto [name, value] = split_at(item, '=', option, "NAME=VALUE (e.g. R1=1e4)");
    out.push_back({name, parse_number(value, "the value in " + option + " " + item)});
  }
  return out;
}

std::vector<eis::ParameterBounds> parse_bounds(const std::vector<std::string>& items) {
  std::vector<eis::ParameterBounds> out;
  for (const auto& item : items) {
    const auto [name, range] =
        split_at(item, '=', "--bounds", "NAME=LOW:HIGH (e.g. CPE1_alpha=0.5:1)");
    const auto [lo, hi] = split_at(range, ':', "--bounds", "NAME=LOW:HIGH (e.g. CPE1_alpha=0.5:1)");
    out.push_back({name, bound_value(lo, item), bound_value(hi, item)});
  }
  return out;
}

std::vector<double> parameter_vector(const eis::Circuit& c, const std::vector<std::string>& items) {
  const std::size_t n = c.parameter_count();
  std::string names;
  for (const auto& p : c.parameters()) names += (names.empty() ? "" : ",") + p.name;
  const bool named = !items.empty() && items.front().find('=') != std::string::npos;
  std::vector<double> v(n, std::numeric_limits<double>::quiet_NaN());
  if (named) {
    for (const auto& a : parse_assignments(items, "--params")) {
      const std::size_t i = c.index_of(a.name);
      if (!std::isnan(v[i])) throw InvalidArgument("--params gives " + a.name + " twice");
      v[i] = a.value;
    }
    for (std::size_t i = 0; i < n; ++i)
      if (std::isnan(v[i]))
        throw InvalidArgument("--params has no value for " + c.parameters()[i].name +
                              "; the circuit needs " + names);
    return v;
  }
  if (items.size() != n)
    throw InvalidArgument("--params: " + c.to_string() + " takes " + std::to_string(n) +
                          " values (" + names + "), " + std::to_string(items.size()) + " given");
  for (std::size_t i = 0; i < n; ++i) {
    if (items[i].find('=') != std::string::npos)
      throw InvalidArgument("--params: give all values by name or all by position");
    v[i] = parse_number(items[i], "--params value for " + c.parameters()[i].name);
  }
  return v;
}

std::string header_unit(const std::string& unit) {
  std::string out;
  for (char ch : unit) out += ch == '*' ? '_' : ch;
  return out;
}

std::string parameter_header(const eis::CircuitParameter& p, const std::string& suffix) {
  std::string h = p.name + suffix;
  if (!p.unit.empty()) h += "_" + header_unit(p.unit);
  return h;
}

}  // namespace solyte::cli
