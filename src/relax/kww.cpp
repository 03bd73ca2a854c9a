// KWW transform: argument checks, choice of method, and the quantities derived from it
// (METHODS.md §7; docs/methods.md §7a).
#include "solyte/relax/kww.hpp"

#include <boost/math/tools/minima.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>

#include "relax/kww_detail.hpp"
#include "solyte/error.hpp"

namespace solyte::relax {

namespace {

// Shortest text that reads back as the same double, for messages.
std::string num(double v) {
  char buf[32];
  for (int digits : {15, 16, 17}) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

void check_beta(double beta) {
  if (!(beta >= kww_beta_min && beta <= 1.0))
    throw InvalidArgument("KWW: beta must lie in [" + num(kww_beta_min) + ", 1], got " + num(beta));
}

void check_x(double x, const char* name) {
  if (!(x >= 0.0) || !std::isfinite(x))
    throw InvalidArgument(std::string("KWW: ") + name + " must be finite and >= 0, got " + num(x));
}

// β = 1: exp(−s) transforms to 1/(1 − ix) (Debye). Written in 1/x above x = 1 so that x² does
// not overflow.
KwwTransform debye(double x) {
  if (x <= 1.0) {
    const double d = 1.0 / (1.0 + x * x);
    return {d, x * d};
  }
  const double u = 1.0 / x;
  const double d = 1.0 / (1.0 + u * u);
  return {u * u * d, u * d};
}

}  // namespace

KwwTransform kww_transform(double beta, double x) {
  check_beta(beta);
  check_x(x, "x");
  if (x == 0.0) return {std::tgamma(1.0 + 1.0 / beta), 0.0};
  if (beta == 1.0) return debye(x);
  // Each series checks its own error bound and declines when it cannot reach full
  // precision; the quadrature is valid everywhere but ~5 times dearer.
  std::optional<KwwTransform> r;
  if (x < 1.0) {
    r = detail::kww_low_x_series(beta, x);
    if (!r) r = detail::kww_high_x_series(beta, x);
  } else {
    r = detail::kww_high_x_series(beta, x);
  }
  const KwwTransform t = r ? *r : detail::kww_quadrature(beta, x);
  if (!std::isfinite(t.c) || !std::isfinite(t.s))
    throw NumericalError("KWW transform not finite at beta = " + num(beta) + ", x = " + num(x));
  return t;
}

double kww_relaxation(double beta, double t_over_tau) {
  check_beta(beta);
  check_x(t_over_tau, "t/tau");
  return std::exp(-std::pow(t_over_tau, beta));
}

double kww_mean_tau(double tau, double beta) {
  check_beta(beta);
  if (!(tau > 0.0) || !std::isfinite(tau))
    throw InvalidArgument("KWW: tau must be finite and > 0, got " + num(tau));
  // ⟨τ⟩ = ∫0^∞ exp(−(t/τ)^β) dt = τ·Γ(1/β)/β = τ·Γ(1 + 1/β).
  return tau * std::tgamma(1.0 + 1.0 / beta);
}

std::complex<double> kww_modulus(double m_inf, double tau, double beta, double omega) {
  if (!std::isfinite(m_inf)) throw InvalidArgument("KWW: M_inf must be finite, got " + num(m_inf));
  if (!(tau > 0.0) || !std::isfinite(tau))
    throw InvalidArgument("KWW: tau must be finite and > 0, got " + num(tau));
  check_x(omega, "omega");
  const double x = omega * tau;
  check_x(x, "omega*tau");
  const KwwTransform t = kww_transform(beta, x);
  return {m_inf * x * t.s, m_inf * x * t.c};
}

KwwPeak kww_modulus_peak(double beta) {
  check_beta(beta);
  if (beta == 1.0) return {1.0, 0.5};
  // M''/M∞ = x·C(x) has one maximum; it sits near x ≈ 0.5…1 for β ≥ 0.3 but is very broad
  // for small β, so a coarse scan over log10 x ∈ [−8, 4] brackets it first.
  const auto minus_height = [beta](double ln_x) {
    const double x = std::exp(ln_x);
    return -x * kww_transform(beta, x).c;
  };
  constexpr double kLn10 = 2.302585092994045684;
  constexpr double kStep = 0.25 * kLn10;
  constexpr int kPoints = 49;  // log10 x = −8 … 4
  int best = 0;
  double best_value = std::numeric_limits<double>::infinity();
  for (int i = 0; i < kPoints; ++i) {
    const double v = minus_height(-8 * kLn10 + i * kStep);
    if (v < best_value) {
      best_value = v;
      best = i;
    }
  }
  const double lo = -8 * kLn10 + (best - 1) * kStep;
  const double hi = -8 * kLn10 + (best + 1) * kStep;
  std::uintmax_t max_iter = 200;
  const auto [ln_x, value] = boost::math::tools::brent_find_minima(
      minus_height, lo, hi, std::numeric_limits<double>::digits / 2, max_iter);
  return {std::exp(ln_x), -value};
}

}  // namespace solyte::relax
