// The two series of the KWW transform (docs/methods.md §7a).
//
// Low x: expanding e^{ixs} in powers of xs and integrating against e^{−s^β} gives the moments
// ∫ s^n e^{−s^β} ds = Γ((n+1)/β)/β. For β < 1 the moments grow faster than n!, so the series
// diverges for every x > 0, but it is the asymptotic expansion of C and S and its error is
// bounded by the first omitted term (Taylor remainder of cos and sin: |R_n(u)| ≤ |u|^n/n!).
// Lindsey & Patterson, J. Chem. Phys. 73 (1980) 3348; Montroll & Bendler, J. Stat. Phys. 34
// (1984) 129.
//
// High x: on the contour s = iu the transform is i∫ e^{−xu} exp(−(iu)^β) du; expanding the
// second exponential and integrating term by term (Watson's lemma, exact here because the
// series converges for β < 1) gives
//   C + iS = Σ_k (−1)^k Γ(kβ+1)/k! · i^{kβ+1} · x^{−kβ−1}.
// Williams, Watts, Dev & North, Trans. Faraday Soc. 67 (1971) 1323; Dishon, Weiss & Bendler,
// J. Res. NBS 90 (1985) 27. Terms a_k = Γ(kβ+1)/k!·x^{−kβ} rise before they fall when
// x^β < Γ(1+β), and then cancel; the series is used only where the rounding that leaves is
// below 1e-14 of the sum.
#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "relax/kww_detail.hpp"

namespace solyte::relax::detail {

namespace {

// Relative size of the first omitted term (or of the tail) at which a series stops.
constexpr double kTailTolerance = 0x1p-56;

// k! for k ≤ 170, exact up to 22! and correctly rounded products beyond.
constexpr std::array<double, 171> kFactorial = [] {
  std::array<double, 171> f{};
  f[0] = 1.0;
  for (std::size_t k = 1; k < f.size(); ++k) f[k] = f[k - 1] * static_cast<double>(k);
  return f;
}();

// ln k!, tabulated once (a function-local constant; C++ makes its initialisation
// thread-safe).
double log_factorial(int k) {
  static const std::array<double, 171> table = [] {
    std::array<double, 171> t{};
    for (std::size_t i = 0; i < t.size(); ++i) t[i] = std::log(kFactorial[i]);
    return t;
  }();
  return table[static_cast<std::size_t>(k)];
}

}  // namespace

double log_gamma(double z) {
  // Γ(z) = Γ(z + n)/[z(z+1)…(z+n−1)] with z + n ≥ 12, where Stirling's series truncated
  // after B16 is accurate to 2e-18 (Abramowitz & Stegun 6.1.40).
  double shift = 1.0;
  while (z < 12.0) {
    shift *= z;
    z += 1.0;
  }
  const double r = 1.0 / z;
  const double r2 = r * r;
  // B_2m / (2m(2m−1)), m = 1…8.
  const double series =
      r *
      (1.0 / 12 +
       r2 * (-1.0 / 360 +
             r2 * (1.0 / 1260 +
                   r2 * (-1.0 / 1680 +
                         r2 * (1.0 / 1188 + r2 * (-691.0 / 360360 +
                                                  r2 * (1.0 / 156 + r2 * (-3617.0 / 122400))))))));
  constexpr double half_log_two_pi = 0.91893853320467274178;  // ½ ln 2π
  return (z - 0.5) * std::log(z) - z + half_log_two_pi + series - std::log(shift);
}

std::optional<KwwTransform> kww_low_x_series(double beta, double x) {
  // At most 24 terms (12 for C, 12 for S). A priori: the first omitted S term, relative to
  // S's leading term, must already be negligible; the C criterion is weaker by the factor
  // (n+1)^{1/β−1}.
  constexpr int kMaxTerms = 24;
  const double ln_x = std::log(x);
  const double ln_beta = std::log(beta);
  {
    constexpr int n = kMaxTerms + 1;  // odd: an S term
    const double ln_ratio = log_gamma((n + 1) / beta) - log_gamma(2 / beta) - log_factorial(n) +
                            log_factorial(1) + (n - 1) * ln_x;
    if (!(ln_ratio < std::log(kTailTolerance))) return std::nullopt;
  }
  // Leading terms from tgamma (≤ a few ulp); the rest in logarithms, whose rounding
  // (≈ ε·|ln T_n|) matters little because the rest is small.
  const double t0 = std::tgamma(1.0 + 1.0 / beta);
  const double t1 = x * std::tgamma(2.0 / beta) / beta;
  double c = t0, s = t1;
  bool c_done = false, s_done = false;
  for (int n = 2; n <= kMaxTerms + 1; ++n) {
    const double term = std::exp(log_gamma((n + 1) / beta) - log_factorial(n) + n * ln_x - ln_beta);
    const double signed_term = ((n / 2) % 2 == 0) ? term : -term;
    if (n % 2 == 0) {
      // The Taylor remainder after the previous C term is bounded by this term.
      if (term <= kTailTolerance * c) c_done = true;
      if (!c_done) c += signed_term;
    } else {
      if (term <= kTailTolerance * s) s_done = true;
      if (!s_done) s += signed_term;
    }
    if (c_done && s_done) return KwwTransform{c, s};
  }
  return std::nullopt;
}

std::optional<KwwTransform> kww_high_x_series(double beta, double x) {
  // At most 64 terms, about the cost of the quadrature.
  constexpr int kMaxTerms = 64;
  // A priori: the series meets the two checks below (convergence within kMaxTerms,
  // cancellation) for z = x^{−β} below z_max(β), tabulated at β = 0.05, 0.10, …, 1 from the
  // checks themselves; interpolated linearly. The checks stay in force, so the table only
  // saves the cost of attempts bound to fail.
  static constexpr std::array<double, 20> kZMax = {
      0.8872, 0.9068, 0.9247, 0.9419, 0.9594, 0.9795, 1.0035, 1.0316, 1.0593, 1.0940,
      1.1054, 1.1181, 1.1003, 1.0752, 1.0556, 1.0127, 0.9016, 0.7354, 0.5970, 0.4842};
  const double z = std::pow(x, -beta);  // x^{−β}
  {
    const double u = std::clamp(beta / 0.05 - 1.0, 0.0, 19.0);
    const auto i = std::min<std::size_t>(static_cast<std::size_t>(u), 18);
    const double f = u - static_cast<double>(i);
    if (z > (1.0 - f) * kZMax[i] + f * kZMax[i + 1]) return std::nullopt;
  }
  const double half_angle = 0.5 * std::numbers::pi * beta;
  const double sin_half = std::sin(half_angle), cos_half = std::cos(half_angle);
  const double gamma_1 = std::tgamma(1.0 + beta);
  // Σ (−1)^k a_k e^{iπkβ/2}: x·S is the real part of the k-sum with sign (−1)^k, x·C the
  // imaginary part with sign (−1)^{k+1}. e^{iπkβ/2} by rotation (error ≈ kε, harmless
  // since a_k falls geometrically).
  double sum_s = 1.0, sum_c = 0.0;  // k = 0: a_0 = 1, cos 0 = 1, sin 0 = 0
  double abs_s = 1.0, abs_c = 0.0;  // Σ|terms|, for the cancellation check
  double rot_re = 1.0, rot_im = 0.0;
  double z_k = 1.0, a_prev = 1.0;
  for (int k = 1; k <= kMaxTerms; ++k) {
    const double re = rot_re * cos_half - rot_im * sin_half;
    rot_im = rot_re * sin_half + rot_im * cos_half;
    rot_re = re;
    z_k *= z;
    const double g = (k == 1) ? gamma_1 : std::exp(log_gamma(k * beta + 1) - log_factorial(k));
    const double a = g * z_k;
    const double sign = (k % 2 == 0) ? 1.0 : -1.0;
    sum_s += sign * a * rot_re;
    sum_c -= sign * a * rot_im;
    abs_s += a * std::abs(rot_re);
    abs_c += a * std::abs(rot_im);
    const double rho = a / a_prev;
    a_prev = a;
    // Ratios a_{k+1}/a_k decrease with k for β < 1, so the tail after k is below
    // a_k·ρ/(1 − ρ).
    if (rho < 1.0 &&
        a * rho <= kTailTolerance * (1.0 - rho) * std::min(std::abs(sum_c), std::abs(sum_s))) {
      // Rounding: each term carries ≈ 8ε (log_gamma, exp, the rotation); where the
      // terms cancel more than that allows for 1e-14, the quadrature is both more
      // accurate and no slower.
      constexpr double kTermError = 8 * 0x1p-52;
      if (kTermError * abs_c > 1e-14 * std::abs(sum_c) ||
          kTermError * abs_s > 1e-14 * std::abs(sum_s))
        return std::nullopt;
      return KwwTransform{sum_c / x, sum_s / x};
    }
  }
  return std::nullopt;
}

}  // namespace solyte::relax::detail
