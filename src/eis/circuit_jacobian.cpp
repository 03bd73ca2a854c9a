#include "eis/circuit_jacobian.hpp"

#include <ceres/jet.h>

#include <algorithm>
#include <cmath>

#include "solyte/constants.hpp"

namespace solyte::eis::detail {

struct CircuitDerivatives::JetBuffers {
  std::vector<Cplx<ceres::Jet<double, 1>>> j1;
  std::vector<Cplx<ceres::Jet<double, 2>>> j2;
  std::vector<Cplx<ceres::Jet<double, 3>>> j3;
  std::vector<Cplx<ceres::Jet<double, 4>>> j4;
};

CircuitDerivatives::~CircuitDerivatives() = default;
CircuitDerivatives::CircuitDerivatives(CircuitDerivatives&&) noexcept = default;

CircuitDerivatives::CircuitDerivatives(const Circuit& c, const FrequencyGrid& g)
    : c_(c), g_(g), n_(g.size()), root_(c.root()), jets_(std::make_unique<JetBuffers>()) {
  const auto& nodes = c.nodes();
  auto visit = [&](auto&& self, std::size_t i) -> void {
    for (std::size_t ch : nodes[i].children) self(self, ch);
    post_order_.push_back(i);
  };
  visit(visit, root_);
  value_.resize(nodes.size() * n_);
  // Per node: its sensitivity column (the root's) and the one it hands to its children when
  // its sum is inverted.
  sens_.resize(2 * nodes.size() * n_);
  sens_of_.resize(nodes.size(), nullptr);
  dz_.resize(c.parameter_count() * n_);
  for (const auto& node : nodes) {
    if (node.kind != Circuit::NodeKind::element) continue;
    switch (element_info(node.type).parameters.size()) {
      case 1:
        jets_->j1.resize(n_);
        break;
      case 2:
        jets_->j2.resize(n_);
        break;
      case 3:
        jets_->j3.resize(n_);
        break;
      default:
        jets_->j4.resize(n_);
        break;
    }
  }
}

template <int K, class Buffer>
void CircuitDerivatives::element(const Circuit::Node& node, const double* p, bool derivatives,
                                 Buffer& buffer) {
  const std::size_t index = static_cast<std::size_t>(&node - c_.nodes().data());
  Cplx<double>* v = value_.data() + index * n_;
  if (!derivatives) {
    element_column(node.type, p + node.first_parameter, g_, node.admittance, v);
    return;
  }
  if constexpr (K == 1) {
    // Resistor, capacitor and inductor in closed form (the Jet path gives the same; tested).
    const double q = p[node.first_parameter];
    Cplx<double>* dv = dz_.data() + node.first_parameter * n_;
    const double* w = g_.omega.data();
    switch (node.type) {
      case ElementType::R:
        for (std::size_t i = 0; i < n_; ++i) {
          v[i] = node.admittance ? Cplx<double>{1 / q, 0} : Cplx<double>{q, 0};
          dv[i] = node.admittance ? Cplx<double>{-1 / (q * q), 0} : Cplx<double>{1, 0};
        }
        return;
      case ElementType::C:
      case ElementType::L: {
        // C: Y = iωC, Z = −i/(ωC); L: Z = iωL, Y = −i/(ωL).
        const bool linear = (node.type == ElementType::C) == node.admittance;
        for (std::size_t i = 0; i < n_; ++i) {
          if (linear) {
            v[i] = {0, w[i] * q};
            dv[i] = {0, w[i]};
          } else {
            v[i] = {0, -1 / (w[i] * q)};
            dv[i] = {0, 1 / (w[i] * q * q)};
          }
        }
        return;
      }
      default:
        break;
    }
  }
  if constexpr (K == 2) {
    // The CPE and the finite Warburgs, the two-parameter elements of most fits, in closed form:
    // their Jets cost three times the arithmetic for derivatives that reuse V itself.
    if (two_parameter_closed_form(node, p + node.first_parameter, v)) return;
  }
  using J = ceres::Jet<double, K>;
  J pj[K];
  for (int k = 0; k < K; ++k) pj[k] = J(p[node.first_parameter + k], k);
  element_column(node.type, pj, g_, node.admittance, buffer.data());
  // ∂V/∂p for now; the sensitivities multiply it in after the backward pass.
  for (std::size_t i = 0; i < n_; ++i) {
    v[i] = {buffer[i].re.a, buffer[i].im.a};
    for (int k = 0; k < K; ++k)
      dz_[(node.first_parameter + k) * n_ + i] = {buffer[i].re.v[k], buffer[i].im.v[k]};
  }
}

bool CircuitDerivatives::two_parameter_closed_form(const Circuit::Node& node, const double* q,
                                                   Cplx<double>* v) {
  Cplx<double>* d0 = dz_.data() + node.first_parameter * n_;
  Cplx<double>* d1 = d0 + n_;
  const double* w = g_.omega.data();
  const double* lw = g_.log_omega.data();
  switch (node.type) {
    case ElementType::CPE: {
      // V = Q^{±1}·ω^{±α}·e^{±iπα/2} (+ admittance, − impedance): ∂V/∂Q = ±V/Q and
      // ∂V/∂α = ±V·(ln ω + iπ/2).
      element_column(node.type, q, g_, node.admittance, v);
      const double sign = node.admittance ? 1.0 : -1.0, half_pi = 0.5 * constants::pi;
      for (std::size_t i = 0; i < n_; ++i) {
        d0[i] = scale(v[i], sign / q[0]);
        d1[i] = scale(v[i] * Cplx<double>{lw[i], half_pi}, sign);
      }
      return true;
    }
    case ElementType::Wo:
    case ElementType::Ws: {
      // Z = R·f with f = h(s)/s, s = √(iωτ), h = coth (Wo) or tanh (Ws); both have h' = 1 − h²,
      // so ∂Z/∂R = f and ∂Z/∂τ = R·f'(s)·s/(2τ) = R·(1 − h² − f)/(2τ). In admittance form
      // V = 1/Z and ∂V = −V²·∂Z.
      const bool open = node.type == ElementType::Wo;
      constexpr double kCos45 = 0.70710678118654752440;
      for (std::size_t i = 0; i < n_; ++i) {
        const double m = std::sqrt(q[1] * w[i]) * kCos45;  // s = m(1 + i)
        const Cplx<double> h = tanh_or_coth(Cplx<double>{m, m}, open);
        const double k = 1 / (2 * m);
        const Cplx<double> f{k * (h.re + h.im), k * (h.im - h.re)};  // h·(1 − i)/(2m)
        const Cplx<double> h2 = h * h;
        const Cplx<double> z = scale(f, q[0]);
        Cplx<double> dr = f,
                     dt = scale(Cplx<double>{1 - h2.re - f.re, -h2.im - f.im}, q[0] / (2 * q[1]));
        if (node.admittance) {
          const Cplx<double> y = reciprocal(z), my2 = scale(y * y, -1.0);
          v[i] = y;
          dr = my2 * dr;
          dt = my2 * dt;
        } else {
          v[i] = z;
        }
        d0[i] = dr;
        d1[i] = dt;
      }
      return true;
    }
    default:
      return false;
  }
}

void CircuitDerivatives::evaluate(const double* p, bool derivatives) {
  const auto& nodes = c_.nodes();
  for (std::size_t index : post_order_) {
    const Circuit::Node& node = nodes[index];
    if (node.kind == Circuit::NodeKind::element) {
      switch (element_info(node.type).parameters.size()) {
        case 1:
          element<1>(node, p, derivatives, jets_->j1);
          break;
        case 2:
          element<2>(node, p, derivatives, jets_->j2);
          break;
        case 3:
          element<3>(node, p, derivatives, jets_->j3);
          break;
        default:
          element<4>(node, p, derivatives, jets_->j4);
          break;
      }
      continue;
    }
    Cplx<double>* v = value_.data() + index * n_;
    std::copy_n(value_.data() + node.children[0] * n_, n_, v);
    for (std::size_t c = 1; c < node.children.size(); ++c) {
      const Cplx<double>* w = value_.data() + node.children[c] * n_;
      for (std::size_t i = 0; i < n_; ++i) v[i] = v[i] + w[i];
    }
    if ((node.kind == Circuit::NodeKind::parallel) != node.admittance)
      for (std::size_t i = 0; i < n_; ++i) v[i] = reciprocal(v[i]);
  }
  if (!derivatives) return;
  // Backward pass: parents before children, so the reverse of the post-order. A child's
  // sensitivity is its parent's (a plain sum) or its parent's times −V² (an inverted sum);
  // plain sums share the parent's column instead of copying it.
  sens_of_[root_] = sens_.data() + root_ * n_;
  std::fill_n(sens_of_[root_], n_, Cplx<double>{1.0, 0.0});
  for (auto it = post_order_.rbegin(); it != post_order_.rend(); ++it) {
    const Circuit::Node& node = nodes[*it];
    const Cplx<double>* s = sens_of_[*it];
    if (node.kind == Circuit::NodeKind::element) {
      Cplx<double>* d = dz_.data() + node.first_parameter * n_;
      const std::size_t k = element_info(node.type).parameters.size();
      for (std::size_t j = 0; j < k; ++j)
        for (std::size_t i = 0; i < n_; ++i) d[j * n_ + i] = s[i] * d[j * n_ + i];
      continue;
    }
    const bool inverted = (node.kind == Circuit::NodeKind::parallel) != node.admittance;
    if (!inverted) {
      for (std::size_t ch : node.children) sens_of_[ch] = sens_of_[*it];
      continue;
    }
    const Cplx<double>* v = value_.data() + *it * n_;
    Cplx<double>* own = sens_.data() + *it * n_ + n_ * nodes.size();
    for (std::size_t i = 0; i < n_; ++i) {
      const Cplx<double> v2 = v[i] * v[i];
      own[i] = s[i] * Cplx<double>{-v2.re, -v2.im};
    }
    for (std::size_t ch : node.children) sens_of_[ch] = own;
  }
}

}  // namespace solyte::eis::detail
