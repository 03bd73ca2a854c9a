// Circuit: names, printing and double-precision evaluation (parsing in circuit_parse.cpp).
#include "solyte/eis/circuit.hpp"

#include <string>

namespace solyte::eis {

namespace {

std::string syntax_message(const std::string& circuit, std::size_t column,
                           const std::string& expected) {
  return "circuit '" + circuit + "', column " + std::to_string(column) + ": " + expected + "\n  " +
         circuit + "\n  " + std::string(column > 0 ? column - 1 : 0, ' ') + "^";
}

}  // namespace

CircuitSyntaxError::CircuitSyntaxError(std::string circuit, std::size_t column,
                                       std::string expected)
    : InvalidArgument(syntax_message(circuit, column, expected)),
      column_(column),
      expected_(std::move(expected)) {}

std::string Circuit::to_string() const {
  std::string out;
  auto write = [&](auto&& self, std::size_t index) -> void {
    const Node& n = nodes_[index];
    if (n.kind == NodeKind::element) {
      out += n.label;
      return;
    }
    if (n.kind == NodeKind::parallel) out += "p(";
    for (std::size_t c = 0; c < n.children.size(); ++c) {
      if (c) out += n.kind == NodeKind::parallel ? "," : "-";
      self(self, n.children[c]);
    }
    if (n.kind == NodeKind::parallel) out += ")";
  };
  write(write, root_);
  return out;
}

std::string Circuit::structure(std::size_t index) const {
  const Node& n = nodes_.at(index);
  if (n.kind == NodeKind::element) return std::string(element_info(n.type).symbol);
  std::string out = n.kind == NodeKind::parallel ? "p(" : "s(";
  for (std::size_t c = 0; c < n.children.size(); ++c)
    out += (c ? "," : "") + structure(n.children[c]);
  return out + ")";
}

std::pair<std::size_t, std::size_t> Circuit::parameter_range(std::size_t index) const {
  const Node& n = nodes_.at(index);
  if (n.kind == NodeKind::element)
    return {n.first_parameter, element_info(n.type).parameters.size()};
  // Elements are numbered in order of appearance, so a subtree's parameters are contiguous.
  const auto first = parameter_range(n.children.front());
  const auto last = parameter_range(n.children.back());
  return {first.first, last.first + last.second - first.first};
}

std::optional<std::size_t> Circuit::find(std::string_view name) const {
  for (std::size_t i = 0; i < parameters_.size(); ++i)
    if (parameters_[i].name == name || parameters_[i].alias == name) return i;
  return std::nullopt;
}

std::size_t Circuit::index_of(std::string_view name) const {
  if (auto i = find(name)) return *i;
  std::string names;
  for (const auto& p : parameters_) names += (names.empty() ? "" : ", ") + p.name;
  throw InvalidArgument("circuit " + to_string() + " has no parameter '" + std::string(name) +
                        "'; its parameters are " + names);
}

std::vector<std::complex<double>> Circuit::impedance(std::span<const double> parameters,
                                                     std::span<const double> frequency_hz) const {
  if (parameters.size() != parameters_.size())
    throw InvalidArgument("circuit " + to_string() + " takes " +
                          std::to_string(parameters_.size()) + " parameters, " +
                          std::to_string(parameters.size()) + " given");
  const FrequencyGrid grid = FrequencyGrid::from_hz(frequency_hz);
  std::vector<Cplx<double>> z(grid.size()), scratch(scratch_size(grid.size()));
  evaluate(parameters.data(), grid, z.data(), scratch.data());
  std::vector<std::complex<double>> out(z.size());
  for (std::size_t i = 0; i < z.size(); ++i) out[i] = {z[i].re, z[i].im};
  return out;
}

}  // namespace solyte::eis
