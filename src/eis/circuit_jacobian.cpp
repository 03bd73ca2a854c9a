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
  aux_.resize(2 * nodes.size() * n_);
  constexpr double kCos45 = 0.70710678118654752440;
  for (double w : g.omega) {
    half_root_omega_.push_back(std::sqrt(w) * kCos45);
    inv_half_root_omega_.push_back(1 / half_root_omega_.back());
    inv_omega_.push_back(1 / w);
  }
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
void CircuitDerivatives::element_derivatives(const Circuit::Node& node, const double* p,
                                             Buffer& buffer) {
  Cplx<double>* dv = dz_.data() + node.first_parameter * n_;
  if constexpr (K == 2) {
    // The CPE and the finite Warburgs, the two-parameter elements of most fits, in closed form:
    // their Jets cost three times the arithmetic for derivatives that reuse V itself.
    if (two_parameter_closed_form(node, p + node.first_parameter)) return;
  }
  using J = ceres::Jet<double, K>;
  J pj[K];
  for (int k = 0; k < K; ++k) pj[k] = J(p[node.first_parameter + k], k);
  element_column(node.type, pj, g_, node.admittance, buffer.data());
  // ∂V/∂p for now; the sensitivities multiply it in during the backward pass. V itself is the
  // forward pass's.
  for (std::size_t i = 0; i < n_; ++i)
    for (int k = 0; k < K; ++k) dv[k * n_ + i] = {buffer[i].re.v[k], buffer[i].im.v[k]};
}

void CircuitDerivatives::warburg_values(const Circuit::Node& node, const double* q) {
  // Z = R·f with f = h(s)/s, s = √(iωτ) = m(1 + i), m = √τ·√ω·cos 45°, h = coth (Wo) or tanh
  // (Ws), 1/s = (1 − i)/(2m); √ω·cos 45° and its reciprocal are the grid's, computed once.
  const std::size_t index = static_cast<std::size_t>(&node - c_.nodes().data());
  Cplx<double>* v = value_.data() + index * n_;
  Cplx<double>* h = aux_.data() + 2 * index * n_;
  Cplx<double>* f = h + n_;
  const bool open = node.type == ElementType::Wo;
  const double root_tau = std::sqrt(q[1]), half_over_root_tau = 0.5 / root_tau;
  for (std::size_t i = 0; i < n_; ++i) {
    const double m = root_tau * half_root_omega_[i];
    h[i] = tanh_or_coth(Cplx<double>{m, m}, open);
    const double k = half_over_root_tau * inv_half_root_omega_[i];  // 1/(2m)
    f[i] = {k * (h[i].re + h[i].im), k * (h[i].im - h[i].re)};
    const Cplx<double> z = scale(f[i], q[0]);
    v[i] = node.admittance ? reciprocal(z) : z;
  }
}

bool CircuitDerivatives::two_parameter_closed_form(const Circuit::Node& node, const double* q) {
  const std::size_t index = static_cast<std::size_t>(&node - c_.nodes().data());
  const Cplx<double>* v = value_.data() + index * n_;
  Cplx<double>* d0 = dz_.data() + node.first_parameter * n_;
  Cplx<double>* d1 = d0 + n_;
  const double* lw = g_.log_omega.data();
  switch (node.type) {
    case ElementType::CPE: {
      // V = Q^{±1}·ω^{±α}·e^{±iπα/2} (+ admittance, − impedance): ∂V/∂Q = ±V/Q and
      // ∂V/∂α = ±V·(ln ω + iπ/2).
      const double sign = node.admittance ? 1.0 : -1.0, half_pi = 0.5 * constants::pi;
      for (std::size_t i = 0; i < n_; ++i) {
        d0[i] = scale(v[i], sign / q[0]);
        d1[i] = scale(v[i] * Cplx<double>{lw[i], half_pi}, sign);
      }
      return true;
    }
    case ElementType::Wo:
    case ElementType::Ws: {
      // With f and h of warburg_values: both h have h' = 1 − h², so ∂Z/∂R = f and
      // ∂Z/∂τ = R·f'(s)·s/(2τ) = R·(1 − h² − f)/(2τ). In admittance form V = 1/Z and
      // ∂V = −V²·∂Z.
      const Cplx<double>* hs = aux_.data() + 2 * index * n_;
      const Cplx<double>* fs = hs + n_;
      for (std::size_t i = 0; i < n_; ++i) {
        const Cplx<double> h = hs[i], f = fs[i];
        const Cplx<double> h2 = h * h;
        Cplx<double> dr = f,
                     dt = scale(Cplx<double>{1 - h2.re - f.re, -h2.im - f.im}, q[0] / (2 * q[1]));
        if (node.admittance) {
          const Cplx<double> my2 = scale(v[i] * v[i], -1.0);
          dr = my2 * dr;
          dt = my2 * dt;
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

void CircuitDerivatives::values(const double* p) {
  const auto& nodes = c_.nodes();
  for (std::size_t index : post_order_) {
    const Circuit::Node& node = nodes[index];
    Cplx<double>* v = value_.data() + index * n_;
    if (node.kind == Circuit::NodeKind::element) {
      if (node.type == ElementType::Wo || node.type == ElementType::Ws)
        warburg_values(node, p + node.first_parameter);
      else
        element_column(node.type, p + node.first_parameter, g_, node.admittance, v);
      continue;
    }
    const bool inverted = (node.kind == Circuit::NodeKind::parallel) != node.admittance;
    const Cplx<double>* a = value_.data() + node.children[0] * n_;
    if (node.children.size() == 2) {  // the common case in one pass
      const Cplx<double>* b = value_.data() + node.children[1] * n_;
      for (std::size_t i = 0; i < n_; ++i) {
        const Cplx<double> t = a[i] + b[i];
        v[i] = inverted ? reciprocal(t) : t;
      }
      continue;
    }
    std::copy_n(a, n_, v);
    for (std::size_t c = 1; c < node.children.size(); ++c) {
      const Cplx<double>* w = value_.data() + node.children[c] * n_;
      for (std::size_t i = 0; i < n_; ++i) v[i] = v[i] + w[i];
    }
    if (inverted)
      for (std::size_t i = 0; i < n_; ++i) v[i] = reciprocal(v[i]);
  }
}

bool CircuitDerivatives::derivatives(const double* p, const WeightedColumns* weighted) {
  const auto& nodes = c_.nodes();
  // Backward pass: parents before children, so the reverse of the post-order. A child's
  // sensitivity is its parent's (a plain sum) or its parent's times −V² (an inverted sum);
  // plain sums share the parent's column instead of copying it. At an element, ∂V/∂p times its
  // sensitivity is ∂Z/∂p, weighted on the way when the caller wants residual columns.
  sens_of_[root_] = sens_.data() + root_ * n_;
  std::fill_n(sens_of_[root_], n_, Cplx<double>{1.0, 0.0});
  // Non-finite values are caught by summing x·0, which is 0 for finite x and NaN otherwise: no
  // branch in the loops.
  double nan_if_bad = 0;
  for (auto it = post_order_.rbegin(); it != post_order_.rend(); ++it) {
    const Circuit::Node& node = nodes[*it];
    const Cplx<double>* s = sens_of_[*it];
    if (node.kind == Circuit::NodeKind::element) {
      // ∂Z/∂p_j at point i is t(i); into dz or into the weighted column of p_j.
      auto emit = [&](std::size_t j, auto&& t) {
        if (!weighted) {
          Cplx<double>* d = dz_.data() + (node.first_parameter + j) * n_;
          for (std::size_t i = 0; i < n_; ++i) d[i] = t(i);
          return;
        }
        const std::ptrdiff_t col = weighted->column[node.first_parameter + j];
        if (col < 0) return;
        const double f = weighted->scale[col];
        const double *wr = weighted->wr, *wi = weighted->wi;
        double* cr = weighted->out + static_cast<std::size_t>(col) * 2 * n_;
        double* ci = cr + n_;
        for (std::size_t i = 0; i < n_; ++i) {
          const Cplx<double> ti = t(i);
          cr[i] = wr[i] * f * ti.re;
          ci[i] = wi[i] * f * ti.im;
          nan_if_bad += cr[i] * 0.0 + ci[i] * 0.0;
        }
      };
      const double q = p[node.first_parameter];
      const bool linear = (node.type == ElementType::C) == node.admittance;
      switch (node.type) {
        // Resistor, capacitor and inductor in closed form, straight into the product with the
        // sensitivity (the Jet path gives the same; tested). R: ∂V/∂R = 1 or −1/R²; C: Y = iωC,
        // Z = −i/(ωC); L: Z = iωL, Y = −i/(ωL), so ∂V/∂p = iω or i/(ωp²).
        case ElementType::R: {
          const double d = node.admittance ? -1 / (q * q) : 1.0;
          emit(0, [&](std::size_t i) { return scale(s[i], d); });
          continue;
        }
        case ElementType::C:
        case ElementType::L: {
          const double* w = linear ? g_.omega.data() : inv_omega_.data();
          const double c = linear ? 1.0 : 1 / (q * q);
          emit(0, [&](std::size_t i) {
            const double x = w[i] * c;
            return Cplx<double>{-s[i].im * x, s[i].re * x};
          });
          continue;
        }
        default:
          break;
      }
      const std::size_t k = element_info(node.type).parameters.size();
      switch (k) {
        case 1:
          element_derivatives<1>(node, p, jets_->j1);
          break;
        case 2:
          element_derivatives<2>(node, p, jets_->j2);
          break;
        case 3:
          element_derivatives<3>(node, p, jets_->j3);
          break;
        default:
          element_derivatives<4>(node, p, jets_->j4);
          break;
      }
      const Cplx<double>* d = dz_.data() + node.first_parameter * n_;
      for (std::size_t j = 0; j < k; ++j, d += n_)
        emit(j, [&](std::size_t i) { return s[i] * d[i]; });
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
  return nan_if_bad == 0;
}

}  // namespace solyte::eis::detail
