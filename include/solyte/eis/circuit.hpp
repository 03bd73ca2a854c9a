// Equivalent circuits written as strings, in impedance.py's syntax or in RelaxIS', parsed by
// a recursive-descent grammar into a tree whose impedance can be evaluated for any scalar
// type (double, ceres::Jet).
//
//   auto c = solyte::eis::Circuit::parse("R0-p(R1,CPE1)");         // impedance.py
//   auto d = solyte::eis::Circuit::parse("R-(R)(P)-P");            // RelaxIS: R1-p(R2,P1)-P2
//   for (const auto& p : c.parameters()) std::cout << p.name << " [" << p.unit << "]\n";
//   auto z = c.impedance(std::vector<double>{10, 100, 1e-6, 0.9}, frequencies_hz);
//
// Grammar (both dialects at once; spaces are ignored):
//   circuit := series END
//   series  := term ('-' term)*                      '-' joins in series
//   term    := element | 'p(' series (',' series)* ')' | group group*
//   group   := '(' series ')'                        adjacent groups are in parallel (RelaxIS)
//   element := SYMBOL LABEL                          e.g. R0, CPE1, Wo_2, P (label optional)
// SYMBOL is one of R C L CPE W Wo Ws G Gs La K Zarc RQ HN TLM, or P and Q for a CPE (RelaxIS,
// EC-Lab); LABEL is digits and underscores. Elements written without a label are numbered
// per symbol in order of appearance (R, R, P → R1, R2, P1), skipping labels already used.
// Parameter names: the element's label for one-parameter elements (R0, C1), else the label
// and a suffix (CPE1_Q, CPE1_alpha, Wo1_R, Wo1_tau); impedance.py's indexed names (CPE1_0,
// CPE1_1) are accepted as aliases by find().
//
// Failures: CircuitSyntaxError (an InvalidArgument) naming the 1-based column and what was
// expected there: "R0-p(R1,,C1)" → "column 9: expected an element".
#pragma once

#include <complex>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "solyte/eis/circuit_elements.hpp"
#include "solyte/error.hpp"

namespace solyte::eis {

/// A circuit string that does not follow the grammar. what() holds the string, the column and what
/// was expected there, with a caret under the column.
class CircuitSyntaxError : public InvalidArgument {
 public:
  CircuitSyntaxError(std::string circuit, std::size_t column, std::string expected);
  std::size_t column() const noexcept { return column_; }  ///< 1-based
  const std::string& expected() const noexcept { return expected_; }

 private:
  std::size_t column_;
  std::string expected_;
};

/// One parameter of a circuit, with its default transform and bounds for fitting.
struct CircuitParameter {
  std::string name;     ///< "CPE1_Q"
  std::string alias;    ///< impedance.py's positional name "CPE1_0" (= name when single)
  std::string unit;     ///< "Ohm", "F", "S*s^a", "s", ""
  std::string element;  ///< label of the element: "CPE1"
  ElementType type = ElementType::R;
  std::size_t index_in_element = 0;
  fit::Transform transform = fit::Transform::log;
  double lower = 0, upper = 0;  ///< for bounded transforms
};

class Circuit {
 public:
  enum class NodeKind : std::uint8_t { element, series, parallel };
  struct Node {
    NodeKind kind = NodeKind::element;
    ElementType type = ElementType::R;  ///< for elements
    std::string label;                  ///< for elements
    std::size_t first_parameter = 0;    ///< for elements: index into parameters()
    std::vector<std::size_t> children;  ///< for series/parallel: indices into nodes()
    bool admittance = false;  ///< the parent wants this node's admittance (it is a parallel)
    std::size_t column = 0;   ///< where the node starts in the source (1-based)
  };

  /// Parses either dialect. Throws CircuitSyntaxError.
  static Circuit parse(std::string_view text);

  const std::string& source() const { return source_; }
  /// The circuit in impedance.py's syntax with every element labelled: "R1-p(R2,CPE1)-CPE2".
  std::string to_string() const;

  const std::vector<CircuitParameter>& parameters() const { return parameters_; }
  std::size_t parameter_count() const { return parameters_.size(); }
  /// Index of a parameter by name or alias (case-sensitive), or nullopt.
  std::optional<std::size_t> find(std::string_view name) const;
  /// Same, throwing InvalidArgument that lists the names when there is none.
  std::size_t index_of(std::string_view name) const;

  const std::vector<Node>& nodes() const { return nodes_; }
  std::size_t root() const { return root_; }

  /// Z at each frequency (Hz) for parameters in natural units, in the order of parameters(). Throws
  /// InvalidArgument for a wrong number of parameters or bad frequencies.
  std::vector<std::complex<double>> impedance(std::span<const double> parameters,
                                              std::span<const double> frequency_hz) const;

  /// Complex values of working space evaluate() needs for a grid of n points.
  std::size_t scratch_size(std::size_t n) const { return depth_ * n; }

  /// Z at every point of the grid into out[0 … n), for any scalar type. `params` holds
  /// parameter_count() values; `scratch` holds scratch_size(n) values. Allocates nothing.
  template <class T>
  void evaluate(const T* params, const FrequencyGrid& grid, Cplx<T>* out, Cplx<T>* scratch) const {
    eval_node(root_, params, grid, out, scratch);
  }

  /// The same for the subtree of node `index` alone: its Z, or its Y when its parent is a
  /// parallel block (Node::admittance).
  template <class T>
  void evaluate_node(std::size_t index, const T* params, const FrequencyGrid& grid, Cplx<T>* out,
                     Cplx<T>* scratch) const {
    eval_node(index, params, grid, out, scratch);
  }

  /// Structure of the subtree of node `index` without labels ("p(R,CPE)"): equal keys mean
  /// interchangeable blocks.
  std::string structure(std::size_t index) const;
  /// Parameters of the subtree of node `index`: [first, first + count) in parameters().
  std::pair<std::size_t, std::size_t> parameter_range(std::size_t index) const;

 private:
  template <class T>
  void eval_node(std::size_t index, const T* params, const FrequencyGrid& g, Cplx<T>* out,
                 Cplx<T>* scratch) const {
    const Node& node = nodes_[index];
    const std::size_t n = g.size();
    if (node.kind == NodeKind::element) {
      element_column(node.type, params + node.first_parameter, g, node.admittance, out);
      return;
    }
    // Children come as Z for a series node and as Y for a parallel one; the sum is the node's Z
    // (series) or Y (parallel), inverted when the parent wants the other.
    eval_node(node.children[0], params, g, out, scratch);
    for (std::size_t c = 1; c < node.children.size(); ++c) {
      eval_node(node.children[c], params, g, scratch, scratch + n);
      for (std::size_t i = 0; i < n; ++i) out[i] = out[i] + scratch[i];
    }
    const bool sum_is_admittance = node.kind == NodeKind::parallel;
    if (sum_is_admittance != node.admittance)
      for (std::size_t i = 0; i < n; ++i) out[i] = reciprocal(out[i]);
  }

  friend class CircuitParser;
  std::string source_;
  std::vector<Node> nodes_;
  std::size_t root_ = 0;
  std::size_t depth_ = 1;
  std::vector<CircuitParameter> parameters_;
};

}  // namespace solyte::eis
