// Double-exponential quadrature of the KWW transform on a rotated contour
// (docs/methods.md §7a).
//
// F(x) = C + iS = ∫0^∞ e^{ixs} e^{−s^β} ds. Both factors are analytic in the sector
// 0 ≤ arg s ≤ min(π, π/(2β)) and decay there, so the path may turn to s = r·e^{iθ}:
//   F = e^{iθ} ∫0^∞ exp(ixr·e^{iθ} − r^β e^{iβθ}) dr,
// whose integrand decays like exp(−xr sin θ − r^β cos βθ) instead of oscillating without
// decay. θ is the middle of the sector, so the integrand stays analytic and decaying in the
// widest strip |arg r| < d = θ (Ooura & Mori, J. Comput. Appl. Math. 38 (1991) 353 and
// 112 (1999) 229, use the same idea for Fourier integrals; the contour rotation is that of the
// mpmath reference, ../shared/reference/README.md).
//
// The map r = σ·φ(t), φ(t) = exp(t − e^{−t}) (Takahasi & Mori, Publ. RIMS 9 (1974) 721),
// makes the integrand decay double-exponentially at both ends: at r → 0 through φ, which
// removes the cusp of r^β (rules that do not cluster nodes there, Gauss or Filon-type panels
// on the real axis, stall near 1e-6), and at r → ∞ through the exponential decay. The
// trapezoidal rule in t then converges like exp(−2πd/h); h ≤ 0.9·2πd/38 (0.1169 for
// d = π/4) gives ≲ 1e-14 relative to ∫|integrand|. σ = min(1, 1/x) puts the decay scale
// near t = 0. The nodes t_j = t_min + jh and their weights depend on neither β nor x; five
// rules (h = 1, 1.25, 1.5, 1.75, 2 times the step for d = π/4) are tabulated once, in a
// function-local constant.
//
// Rounding: the result carries ≈ 1e-16·∫|integrand|; this is relative to C and S except
// where one is much smaller than |F|: C at x ≳ 1e3 and S at x ≲ 1e-3 for β ≥ 1/2, which the
// series cover, and S at small x for β < 1/2, where the series leave a wide gap and S is
// taken from F(x) − F(0) instead (below).
#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

#include "relax/kww_detail.hpp"

namespace solyte::relax::detail {

namespace {

constexpr double kPi = std::numbers::pi;
// Step for a strip of half-width π/4, the narrowest (β = 1).
constexpr double kBaseStep = 0.9 * 2 * kPi * (kPi / 4) / 38;
// φ(t_min) = exp(−3.7 − e^{3.7}) ≈ 7e-20: the part of the path left out near r = 0.
constexpr double kTMin = -3.7;

struct Node {
  double log_phi;  ///< ln φ(t_j) = t_j − e^{−t_j}
  double phi;      ///< φ(t_j)
  double weight;   ///< h·φ'(t_j) = h·(1 + e^{−t_j})·φ(t_j)
};

// One rule per step h = q·kBaseStep. The strip half-width is π/(4β) for β ≥ 1/2 and π/2
// below, so β may use the largest q ≤ min(1/β, 2). t_max covers the slowest decay the rules
// meet: at small x (σ = 1) the integrands of C and S are those of the moments
// ∫ s^{k−1} e^{−s^β} ds, k = 1, 2, i.e. Gamma densities of shape k/β in u = r^β cos βθ, whose
// tails fall below 1e-19 at u ≈ 54 for β = 1/2 and u ≈ 126 for β = 0.05 (regularised
// incomplete gamma function); with cos βθ ≥ cos π/4 that is t = ln(u/cos βθ)/β ≈ 8.7 for
// β ≥ 1/2 and 97 at β = kww_beta_min.
struct Rule {
  double q;
  std::vector<Node> nodes;
  std::size_t first_positive;  ///< index of the first t_j > 0
};

Rule make_rule(double q, double t_max) {
  Rule rule{q, {}, 0};
  const double h = q * kBaseStep;
  const int n = static_cast<int>(std::ceil((t_max - kTMin) / h)) + 1;
  for (int j = 0; j < n; ++j) {
    const double t = kTMin + j * h;
    const double e = std::exp(-t);
    const double phi = std::exp(t - e);
    rule.nodes.push_back({t - e, phi, h * (1.0 + e) * phi});
    if (t <= 0.0) rule.first_positive = static_cast<std::size_t>(j) + 1;
  }
  return rule;
}

const Rule& rule_for(double beta) {
  static const std::array<Rule, 5> rules = {make_rule(1.0, 12.0), make_rule(1.25, 12.0),
                                            make_rule(1.5, 12.0), make_rule(1.75, 12.0),
                                            make_rule(2.0, 105.0)};
  const double q_max = std::min(1.0 / beta, 2.0);
  for (std::size_t i = rules.size(); i-- > 0;)
    if (rules[i].q <= q_max) return rules[i];
  return rules[0];
}

}  // namespace

KwwTransform kww_quadrature(double beta, double x) {
  // Sector where both e^{ixs} (arg s ∈ (0, π)) and e^{−s^β} (|arg s| < π/(2β)) decay.
  const double theta = beta <= 0.5 ? 0.5 * kPi : 0.25 * kPi / beta;
  const double sin_t = std::sin(theta), cos_t = std::cos(theta);
  const double sin_bt = std::sin(beta * theta), cos_bt = std::cos(beta * theta);
  const double log_sigma = x > 1.0 ? -std::log(x) : 0.0;
  const double sigma = x > 1.0 ? 1.0 / x : 1.0;
  // Integrand exp(re + i·im) with r = σφ: ixr·e^{iθ} = (−a + ib)·φ.
  const double a = x * sigma * sin_t, b = x * sigma * cos_t;
  const double beta_log_sigma = beta * log_sigma;

  const Rule& rule = rule_for(beta);
  const std::size_t n = rule.nodes.size();
  // Σ over the nodes of w·E·P, with E = exp(−r^β e^{iβθ}) and P = exp(ixr e^{iθ}).
  double sum_re = 0.0, sum_im = 0.0;
  if (beta < 0.5 && x < 0.1) {
    // Here S can be ≪ C (C/S reaches 1e5 at β = 0.15), and S taken from Σ w·E·P then carries
    // the rounding of C. But S = Im F(x) = Im[F(x) − F(0)] = Im e^{iθ}∫E·(P − 1) dr (F(0)
    // is real, and the rotated path gives it too), whose integrand is small where S is
    // small. That form is worse where C(0) ≫ |F(x)| (small β, x not small), so both sums
    // are kept with their L1 norms and S comes from the one with the smaller norm, that
    // is, the smaller rounding. θ = π/2 here, so P = e^{−xr} is real (σ = 1, a = x) and
    // F = i·Σ: C = −Im Σ, S = Re Σ.
    double diff_re = 0.0, l1_sum = 0.0, l1_diff = 0.0;
    for (std::size_t j = 0; j < n; ++j) {
      const Node& nd = rule.nodes[j];
      const double r_beta = std::exp(beta * nd.log_phi);
      const double e_mag = nd.weight * std::exp(-r_beta * cos_bt);
      const double e_re = e_mag * std::cos(r_beta * sin_bt);
      const double e_im = -e_mag * std::sin(r_beta * sin_bt);
      // P and P − 1, the latter from expm1 where P is near 1.
      const double p = std::exp(-x * nd.phi);
      const double pm1 = p > 0.5 ? std::expm1(-x * nd.phi) : p - 1.0;
      diff_re += e_re * pm1;
      sum_re += e_re * p;
      sum_im += e_im * p;
      l1_diff += e_mag * std::abs(pm1);
      l1_sum += e_mag * p;
      // Later terms are below e_mag in the difference and below e_mag·p (p falls) in the sum.
      if (j >= rule.first_positive && e_mag <= 0x1p-60 * std::abs(diff_re) &&
          e_mag * p <= 0x1p-60 * (std::abs(sum_re) + std::abs(sum_im)))
        break;
    }
    return KwwTransform{-sum_im, l1_diff < l1_sum ? diff_re : sum_re};
  }
  for (std::size_t j = 0; j < n; ++j) {
    const Node& nd = rule.nodes[j];
    const double r_beta = std::exp(beta_log_sigma + beta * nd.log_phi);
    const double re = -a * nd.phi - r_beta * cos_bt;
    const double im = b * nd.phi - r_beta * sin_bt;
    const double mag = nd.weight * std::exp(re);
    sum_re += mag * std::cos(im);
    sum_im += mag * std::sin(im);
    // Beyond its maximum the integrand only falls (both exponents grow with r), and while
    // it rises it cannot be this small against the sum.
    if (j >= rule.first_positive && mag <= 0x1p-60 * (std::abs(sum_re) + std::abs(sum_im))) break;
  }
  // F = σ·e^{iθ}·Σ.
  return KwwTransform{sigma * (cos_t * sum_re - sin_t * sum_im),
                      sigma * (sin_t * sum_re + cos_t * sum_im)};
}

}  // namespace solyte::relax::detail
