// The impedance of a circuit and its derivatives with respect to every parameter, for the fits:
// each element is differentiated by forward-mode automatic differentiation with as many Jet
// components as it has parameters (1 … 4), and the tree is differentiated by the chain rule in
// complex arithmetic. Z_root is a holomorphic function of every node's value V (sums and
// reciprocals), so ∂Z/∂p = S_e·∂V_e/∂p with the sensitivity S of element e, S_root = 1 and S_child
// = S_node·∂V_node/∂V_child, where ∂V/∂V_child = 1 for a plain sum and −V² for an inverted one. The
// cost per point grows with the number of nodes, not with the number of parameters times the number
// of operations as a Jet over the whole tree does.
#pragma once

#include <memory>
#include <vector>

#include "solyte/eis/circuit.hpp"

namespace solyte::eis::detail {

class CircuitDerivatives {
 public:
  CircuitDerivatives(const Circuit& c, const FrequencyGrid& g);
  ~CircuitDerivatives();
  CircuitDerivatives(CircuitDerivatives&&) noexcept;

  /// Where derivatives() writes the Jacobian of weighted residuals instead of ∂Z/∂p: column
  /// column[j] (−1: none) of `out`, leading dimension 2n, receives Re and Im of
  /// scale[column[j]]·∂Z/∂p_j weighted by wr and wi, in the same pass as the chain rule.
  struct WeightedColumns {
    const std::ptrdiff_t* column;
    const double* scale;
    const double *wr, *wi;
    double* out;
  };

  /// The forward pass: values at natural parameters `p`.
  void values(const double* p);
  /// ∂Z/∂p_j for every j at the `p` of the last values() call (the same p is passed again), into
  /// dz() or, with `weighted`, into its columns. False when a written column is not finite.
  bool derivatives(const double* p, const WeightedColumns* weighted = nullptr);
  /// Values at natural parameters `p`; with `derivatives`, also ∂Z/∂p_j for every j.
  void evaluate(const double* p, bool with_derivatives) {
    values(p);
    if (with_derivatives) derivatives(p);
  }
  const Cplx<double>* z() const { return value_.data() + root_ * n_; }
  /// ∂Z/∂p_j at every point (after derivatives without `weighted`).
  const Cplx<double>* dz(std::size_t j) const { return dz_.data() + j * n_; }

 private:
  struct JetBuffers;  // Cplx<ceres::Jet<double, K>> columns, K = 1 … 4 (kept out
                      // of the header)
  // ∂V/∂p of the elements with closed-form derivatives (CPE, Wo, Ws) from the forward pass's
  // values; false for others.
  bool two_parameter_closed_form(const Circuit::Node& node, const double* q);
  // The finite Warburgs' forward pass, keeping h(s) and h(s)/s for their derivatives.
  void warburg_values(const Circuit::Node& node, const double* q);
  template <int K, class Buffer>
  void element_derivatives(const Circuit::Node& node, const double* p, Buffer& buffer);

  const Circuit& c_;
  const FrequencyGrid& g_;
  std::size_t n_, root_;
  std::vector<std::size_t> post_order_;  // children before parents
  std::vector<Cplx<double>> value_, sens_, dz_;
  std::vector<Cplx<double>> aux_;  // per node: h(s) and f = h(s)/s of the finite Warburgs
  std::vector<double> half_root_omega_, inv_half_root_omega_;  // √ω·cos 45°, its reciprocal
  std::vector<double> inv_omega_;
  std::vector<Cplx<double>*> sens_of_;  // each node's sensitivity column
  std::unique_ptr<JetBuffers> jets_;
};

}  // namespace solyte::eis::detail
