// The elements of equivalent circuits: their impedance (or admittance) over a frequency grid,
// templated on the scalar type so that ceres::Jet carries derivatives through them.
//
//   const auto grid = solyte::eis::FrequencyGrid::from_hz(std::vector<double>{1e3, 1e4});
//   const double p[2] = {1e-6, 0.9};                                  // CPE: Q, α
//   solyte::eis::Cplx<double> z[2];
//   solyte::eis::element_column(solyte::eis::ElementType::CPE, p, grid, false, z);
//
// Conventions: ω = 2πf in rad/s, Z in Ω with Z'' < 0 for a capacitive response, parameters in
// SI (table in element_info() and docs/methods.md §8, which give each formula's source).
// (iω)^α is ω^α·e^{iπα/2}, written with its real exponent so no complex power is taken.
// The formulas (ω in rad/s):
//   R     Z = R                        C     Z = 1/(iωC)
//   L     Z = iωL                      CPE   Z = 1/(Q(iω)^α)       (RelaxIS P, EC-Lab Q)
//   W     Z = A_W(1 − i)/√ω            Wo    Z = Z0·coth(√(iωτ))/√(iωτ)
//   Ws    Z = Z0·tanh(√(iωτ))/√(iωτ)   G     Z = R/√(1 + iωτ)
//   Gs    Z = R/(√(1 + iωτ)·tanh(φ√(1 + iωτ)))
//   La    Z = L(iω)^α                  K     Z = R/(1 + iωτ)
//   Zarc  Z = R/(1 + (iωτ)^α)          RQ    Z = R/(1 + RQ(iω)^α)
//   HN    Z = R/(1 + (iωτ)^α)^β
//   TLM   Z = √(R·Z_s)·coth(√(R/Z_s)) with Z_s = 1/(Q(iω)^α)
#pragma once

#include <cmath>
#include <complex>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

#include "solyte/fit/least_squares.hpp"

namespace solyte::eis {

/// A complex number over any scalar (std::complex<T> is unspecified for T other than the
/// floating-point types, and Jets are such a T).
template <class T>
struct Cplx {
  T re{}, im{};
};

template <class T>
inline Cplx<T> operator+(const Cplx<T>& a, const Cplx<T>& b) {
  return {a.re + b.re, a.im + b.im};
}
template <class T>
inline Cplx<T> operator-(const Cplx<T>& a, const Cplx<T>& b) {
  return {a.re - b.re, a.im - b.im};
}
template <class T>
inline Cplx<T> operator*(const Cplx<T>& a, const Cplx<T>& b) {
  return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}
template <class T, class S>
inline Cplx<T> scale(const Cplx<T>& a, const S& s) {
  return {a.re * s, a.im * s};
}
/// 1/z.
template <class T>
inline Cplx<T> reciprocal(const Cplx<T>& z) {
  const T d = 1.0 / (z.re * z.re + z.im * z.im);
  return {z.re * d, -z.im * d};
}
template <class T>
inline Cplx<T> operator/(const Cplx<T>& a, const Cplx<T>& b) {
  return a * reciprocal(b);
}
/// Principal square root, without cancellation on either half plane.
template <class T>
inline Cplx<T> sqrt(const Cplx<T>& z) {
  using std::abs;
  using std::sqrt;
  const T r = sqrt(z.re * z.re + z.im * z.im);
  if (z.re >= 0.0) {
    const T t = sqrt((r + z.re) * 0.5);
    if (t == 0.0) return {t, t};
    return {t, z.im / (2.0 * t)};
  }
  const T t = sqrt((r - z.re) * 0.5);
  return {abs(z.im) / (2.0 * t), z.im >= 0.0 ? t : -t};
}
/// e^{iθ} = (cos θ, sin θ) with one sine-cosine evaluation, also for a dual number (a type with a
/// value `a` and derivatives `v`, as ceres::Jet), whose own cos and sin would each evaluate both.
template <class T>
inline Cplx<T> cis(const T& theta) {
  if constexpr (requires(T t) {
                  t.a;
                  t.v;
                }) {
    const double c = std::cos(theta.a), s = std::sin(theta.a);
    T cr = theta, ci = theta;
    cr.a = c;
    cr.v = -s * theta.v;
    ci.a = s;
    ci.v = c * theta.v;
    return {cr, ci};
  } else {
    using std::cos;
    using std::sin;
    return {cos(theta), sin(theta)};
  }
}
/// tanh z = (1 − q)/(1 + q) and coth z = (1 + q)/(1 − q) with q = e^{−2z} for Re z ≥ 0 (odd
/// symmetry otherwise): no overflow for any Re z, unlike sinh/cosh.
template <class T>
inline Cplx<T> tanh_or_coth(const Cplx<T>& z, bool coth) {
  using std::exp;
  const bool negative = z.re < 0.0;
  const T x = negative ? T(-z.re) : z.re;
  const T y = negative ? T(-z.im) : z.im;
  // Beyond Re z = 20, |q| < 5e-18: both functions are ±1 to double precision.
  if (x > 20.0) return {T(negative ? -1.0 : 1.0), T(0.0)};
  const T t = exp(-2.0 * x);
  const Cplx<T> e = cis(T(-2.0 * y));
  const Cplx<T> q{t * e.re, t * e.im};
  const Cplx<T> one{T(1.0), T(0.0)};
  const Cplx<T> r = coth ? (one + q) / (one - q) : (one - q) / (one + q);
  return negative ? Cplx<T>{-r.re, -r.im} : r;
}
template <class T>
inline Cplx<T> tanh(const Cplx<T>& z) {
  return tanh_or_coth(z, false);
}

/// The angular frequencies of a spectrum with the quantities the elements reuse at every evaluation
/// (ln ω, ω^(−1/2)), computed once per spectrum.
struct FrequencyGrid {
  std::vector<double> omega;      ///< rad/s
  std::vector<double> log_omega;  ///< ln ω
  std::vector<double> inv_sqrt_omega;
  std::size_t size() const { return omega.size(); }
  /// From frequencies in Hz (> 0, finite; InvalidArgument otherwise).
  static FrequencyGrid from_hz(std::span<const double> frequency_hz);
};

enum class ElementType : std::uint8_t { R, C, L, CPE, W, Wo, Ws, G, Gs, La, K, Zarc, RQ, HN, TLM };

/// One parameter of an element: the suffix of its name ("" for single-parameter elements, whose
/// parameter takes the element's label), unit, and default transform and bounds.
struct ElementParameterInfo {
  std::string_view suffix;
  std::string_view unit;
  fit::Transform transform = fit::Transform::log;
  double lower = 0, upper = 0;  ///< for bounded transforms
  std::string_view meaning;
};

struct ElementInfo {
  ElementType type;
  std::string_view symbol;  ///< impedance.py name: "CPE", "Wo", …
  std::string_view description;
  std::span<const ElementParameterInfo> parameters;
};

/// Z of one element at one angular frequency ω ≥ 0 (rad/s), parameters in the order of
/// element_info(type).parameters. Throws InvalidArgument for a wrong parameter count or ω.
std::complex<double> element_impedance(ElementType type, std::span<const double> parameters,
                                       double omega_rad_s);

/// Table entry of an element type (never throws).
const ElementInfo& element_info(ElementType type);
/// Every element type, in the order of ElementType.
std::span<const ElementInfo> all_elements();

namespace detail {
inline constexpr double kHalfPi = 1.5707963267948966192;
/// e^{iπα/2} = (cos, sin)(πα/2), exact for α = 1 so that ideal capacitors have no real part.
template <class T>
inline Cplx<T> i_power_phase(const T& alpha) {
  if constexpr (std::is_same_v<T, double>) {
    if (alpha == 1.0) return {0.0, 1.0};
  }
  return cis(T(kHalfPi * alpha));
}
template <class T>
inline Cplx<T> coth(const Cplx<T>& z) {
  return tanh_or_coth(z, true);
}
}  // namespace detail

/// Z (admittance = false) or Y = 1/Z (admittance = true) of one element at every point of the grid,
/// written to out[0 … grid.size()). `p` points at the element's parameters in the order of
/// element_info(type).parameters. No checks: the caller keeps parameters in range.
template <class T>
void element_column(ElementType type, const T* p, const FrequencyGrid& g, bool admittance,
                    Cplx<T>* out) {
  using std::atan2;
  using std::cos;
  using std::exp;
  using std::log;
  using std::sin;
  using std::sqrt;
  const std::size_t n = g.size();
  const double* w = g.omega.data();
  const double* lw = g.log_omega.data();
  auto finish = [&](std::size_t i, const Cplx<T>& z) { out[i] = admittance ? reciprocal(z) : z; };
  switch (type) {
    case ElementType::R: {
      const T v = admittance ? T(1.0 / p[0]) : p[0];
      for (std::size_t i = 0; i < n; ++i) out[i] = {v, T(0.0)};
      return;
    }
    case ElementType::C:
      for (std::size_t i = 0; i < n; ++i)
        out[i] = admittance ? Cplx<T>{T(0.0), p[0] * w[i]} : Cplx<T>{T(0.0), -1.0 / (p[0] * w[i])};
      return;
    case ElementType::L:
      for (std::size_t i = 0; i < n; ++i)
        out[i] = admittance ? Cplx<T>{T(0.0), -1.0 / (p[0] * w[i])} : Cplx<T>{T(0.0), p[0] * w[i]};
      return;
    case ElementType::CPE: {
      // Y = Q ω^α e^{iπα/2}; Z = ω^{−α} e^{−iπα/2}/Q.
      const Cplx<T> ph = detail::i_power_phase(p[1]);
      if (admittance) {
        const T a = p[0] * ph.re, b = p[0] * ph.im;
        for (std::size_t i = 0; i < n; ++i) {
          const T e = exp(p[1] * lw[i]);
          out[i] = {a * e, b * e};
        }
      } else {
        const T a = ph.re / p[0], b = ph.im / p[0];
        for (std::size_t i = 0; i < n; ++i) {
          const T e = exp(-p[1] * lw[i]);
          out[i] = {a * e, -(b * e)};
        }
      }
      return;
    }
    case ElementType::La: {
      const Cplx<T> ph = detail::i_power_phase(p[1]);
      const T a = p[0] * ph.re, b = p[0] * ph.im;
      for (std::size_t i = 0; i < n; ++i) {
        const T e = exp(p[1] * lw[i]);
        finish(i, {a * e, b * e});
      }
      return;
    }
    case ElementType::W:
      for (std::size_t i = 0; i < n; ++i) {
        const T v = p[0] * g.inv_sqrt_omega[i];
        finish(i, {v, -v});
      }
      return;
    case ElementType::Wo:
    case ElementType::Ws: {
      // s = √(iωτ) = √(ωτ)·e^{iπ/4}.
      const bool open = type == ElementType::Wo;
      constexpr double kCos45 = 0.70710678118654752440;
      for (std::size_t i = 0; i < n; ++i) {
        // h(s)/s with 1/s = (1 − i)/(2m).
        const T m = sqrt(p[1] * w[i]) * kCos45;
        const Cplx<T> h = tanh_or_coth(Cplx<T>{m, m}, open);
        const T k = p[0] / (2.0 * m);
        finish(i, {k * (h.re + h.im), k * (h.im - h.re)});
      }
      return;
    }
    case ElementType::G:
    case ElementType::Gs:
      for (std::size_t i = 0; i < n; ++i) {
        const Cplx<T> r = sqrt(Cplx<T>{T(1.0), p[1] * w[i]});
        Cplx<T> d = r;
        if (type == ElementType::Gs) d = r * tanh(scale(r, p[2]));
        // Y = d/R is direct; Z = R/d.
        out[i] = admittance ? scale(d, 1.0 / p[0]) : scale(reciprocal(d), p[0]);
      }
      return;
    case ElementType::K:
      for (std::size_t i = 0; i < n; ++i) {
        const Cplx<T> d{T(1.0), p[1] * w[i]};
        out[i] = admittance ? scale(d, 1.0 / p[0]) : scale(reciprocal(d), p[0]);
      }
      return;
    case ElementType::Zarc: {
      const Cplx<T> ph = detail::i_power_phase(p[2]);
      const T ltau = log(p[1]);
      for (std::size_t i = 0; i < n; ++i) {
        const T e = exp(p[2] * (lw[i] + ltau));
        const Cplx<T> d{1.0 + e * ph.re, e * ph.im};
        out[i] = admittance ? scale(d, 1.0 / p[0]) : scale(reciprocal(d), p[0]);
      }
      return;
    }
    case ElementType::RQ: {
      // Y = 1/R + Q(iω)^α.
      const Cplx<T> ph = detail::i_power_phase(p[2]);
      const T g0 = 1.0 / p[0], a = p[1] * ph.re, b = p[1] * ph.im;
      for (std::size_t i = 0; i < n; ++i) {
        const T e = exp(p[2] * lw[i]);
        const Cplx<T> y{g0 + a * e, b * e};
        out[i] = admittance ? y : reciprocal(y);
      }
      return;
    }
    case ElementType::HN: {
      // (1 + (iωτ)^α)^β = |w|^β e^{iβ arg w}.
      const Cplx<T> ph = detail::i_power_phase(p[2]);
      const T ltau = log(p[1]);
      for (std::size_t i = 0; i < n; ++i) {
        const T e = exp(p[2] * (lw[i] + ltau));
        const T wr = 1.0 + e * ph.re, wi = e * ph.im;
        const T lm = 0.5 * log(wr * wr + wi * wi), arg = atan2(wi, wr);
        const T m = exp(-p[3] * lm), phi = -p[3] * arg;
        const Cplx<T> z{p[0] * m * cos(phi), p[0] * m * sin(phi)};
        finish(i, z);
      }
      return;
    }
    case ElementType::TLM: {
      // a = √(R/Z_s) = √(RQ)·ω^{α/2}·e^{iπα/4}; Z = (R/a)·coth(a) (Landesfeind et al. 2016).
      const Cplx<T> ph = detail::i_power_phase(T(0.5 * p[2]));
      const T k = sqrt(p[0] * p[1]);
      for (std::size_t i = 0; i < n; ++i) {
        const T m = k * exp(0.5 * p[2] * lw[i]);
        const Cplx<T> a{m * ph.re, m * ph.im};
        finish(i, scale(detail::coth(a) / a, p[0]));
      }
      return;
    }
  }
}

}  // namespace solyte::eis
