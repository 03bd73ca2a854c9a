// Distribution of relaxation times (docs/methods.md §8a), its NNLS solver, RBF basis, and the
// circuit-element forward models used by the round trips.
//
// Reference values and their sources:
// - NNLS: closed-form solutions of 2- and 3-variable problems worked by hand in the comments.
// - Basis: the Debye-kernel integrals and the derivative-penalty Gram matrix against an
//   independent quadrature (Boost.Math tanh–sinh on the defining integrals); the limits
//   I(ωτ → 0) = √π/ε and I(ωτ → ∞) = 0 in closed form.
// - Round trips: the parameters of the simulations (sim/circuit_elements.hpp): a ZARC with
//   R = 100 Ω, τ0 = 1 ms, α = 0.9 behind R∞ = 10 Ω, whose exact DRT (Cole and Cole 1941) has
//   one peak at τ0 holding R; two RC elements (50 Ω at 1 ms, 80 Ω at 10 ms) whose DRT is two
//   delta functions; a series inductance of 1 µH.
// - Real file: impedance.py's tutorial spectrum (tests/data/io/delimited/exampleData.csv,
//   MIT, see NOTICE); there is no published DRT of it, so the test checks what the method
//   promises on any Kramers–Kronig-consistent spectrum: it runs, reconstructs the data within
//   a few % of |Z|, and finds the series terms the data show (the high-frequency intercept
//   and the inductive tail).
#include <gtest/gtest.h>

#include <boost/math/quadrature/tanh_sinh.hpp>
#include <cmath>
#include <complex>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "relax/drt_basis.hpp"
#include "relax/nnls.hpp"
#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "solyte/io/read_spectra.hpp"
#include "solyte/relax/drt.hpp"
#include "solyte/sim/circuit_elements.hpp"
#include "test_support.hpp"

using namespace solyte;
using cplx = std::complex<double>;

namespace {

constexpr double kPi = constants::pi;

// Simulation parameters of the round trips.
constexpr double kRinf = 10, kR = 100, kTau0 = 1e-3, kAlpha = 0.9;

Spectrum zarc_spectrum(double noise, std::uint64_t seed = 1) {
  const double q = sim::zarc_q_from_tau(kR, kTau0, kAlpha);
  return sim::make_spectrum(sim::log_frequencies(1e-2, 1e6, 10),
                            [&](double w) { return kRinf + sim::zarc_impedance(kR, q, kAlpha, w); },
                            {.relative = noise, .seed = seed});
}

Spectrum two_rc_spectrum(double noise, std::uint64_t seed = 1) {
  return sim::make_spectrum(sim::log_frequencies(1e-2, 1e6, 10),
                            [](double w) {
                              return 5.0 + sim::rc_impedance(50, 1e-3, w) +
                                     sim::rc_impedance(80, 1e-2, w);
                            },
                            {.relative = noise, .seed = seed});
}

// The peak holding the most resistance.
const relax::DrtPeak& largest(const relax::DrtResult& r) {
  return *std::max_element(r.peaks.begin(), r.peaks.end(), [](const auto& a, const auto& b) {
    return a.resistance_ohm < b.resistance_ohm;
  });
}

double decades_between(double a, double b) { return std::abs(std::log10(a / b)); }

}  // namespace

// ---------------------------------------------------------------------------------- NNLS

// min ‖Ax − b‖², x ≥ 0 with A = [[1,0],[0,1],[1,1]], b = (2, −1, 1). Unconstrained:
// AᵀA = [[2,1],[1,2]], Aᵀb = (3, 0) → x = (2, −1), infeasible. With x₂ = 0 the problem is
// (x₁ − 2)² + (x₁ − 1)² → x₁ = 1.5; the gradient component w₂ = (Aᵀ(b − Ax))₂ = −1 − 0 +
// (1 − 1.5) = −1.5 < 0, so the KKT conditions hold: x = (1.5, 0).
TEST(RelaxDrtNnls, HandCheckedTwoVariables) {
  const std::vector<double> a{1, 0, 1, 0, 1, 1};  // column-major 3×2
  const std::vector<double> b{2, -1, 1};
  const auto r = relax::detail::nnls(a, 3, b);
  ASSERT_TRUE(r.converged);
  EXPECT_NEAR(r.x[0], 1.5, 1e-14);
  EXPECT_EQ(r.x[1], 0.0);
  EXPECT_TRUE(r.passive[0]);
  EXPECT_FALSE(r.passive[1]);

  // The same with x₂ free: the unconstrained solution (2, −1).
  const auto f = relax::detail::nnls(a, 3, b, {.free = {false, true}});
  EXPECT_NEAR(f.x[0], 2.0, 1e-14);
  EXPECT_NEAR(f.x[1], -1.0, 1e-14);
}

// A = I₃, b = (1, −2, 3): the problem separates, x = max(b, 0) = (1, 0, 3); from a warm start
// that is feasible but wrong, the same answer.
TEST(RelaxDrtNnls, SeparableAndWarmStart) {
  const std::vector<double> a{1, 0, 0, 0, 1, 0, 0, 0, 1};
  const std::vector<double> b{1, -2, 3};
  const std::vector<double> start{0.2, 5, 0};
  for (const auto* s : {static_cast<const std::vector<double>*>(nullptr), &start}) {
    const auto r = relax::detail::nnls(
        a, 3, b, {.start = s ? std::span<const double>(*s) : std::span<const double>()});
    ASSERT_TRUE(r.converged);
    EXPECT_NEAR(r.x[0], 1, 1e-15);
    EXPECT_EQ(r.x[1], 0);
    EXPECT_NEAR(r.x[2], 3, 1e-15);
  }
}

// A pseudo-random overdetermined problem (12×8, fixed generator): the answer must satisfy
// the KKT conditions (x ≥ 0; w = Aᵀ(b − Ax) = 0 where x > 0 and ≤ 0 where x = 0) to rounding.
TEST(RelaxDrtNnls, KktConditionsOnRandomProblem) {
  const std::size_t m = 12, n = 8;
  std::vector<double> a(m * n), b(m);
  std::uint64_t state = 12345;
  auto next = [&] {  // Knuth's MMIX linear congruential generator, mapped to [−1, 1)
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) * 0x1.0p-52 - 1.0;
  };
  for (auto& v : a) v = next();
  for (auto& v : b) v = next();
  const auto r = relax::detail::nnls(a, m, b);
  ASSERT_TRUE(r.converged);
  int at_bound = 0;
  for (std::size_t j = 0; j < n; ++j) {
    double w = 0;
    for (std::size_t i = 0; i < m; ++i) {
      double ax = 0;
      for (std::size_t k = 0; k < n; ++k) ax += a[k * m + i] * r.x[k];
      w += a[j * m + i] * (b[i] - ax);
    }
    EXPECT_GE(r.x[j], 0);
    if (r.x[j] > 0) {
      EXPECT_NEAR(w, 0, 1e-12);
    } else {
      EXPECT_LE(w, 1e-12);
      ++at_bound;
    }
  }
  EXPECT_GT(at_bound, 0);  // the test exercises the constraint
}

TEST(RelaxDrtNnls, RejectsBadShapes) {
  const std::vector<double> a{1, 0, 0, 0, 1, 0, 0, 0, 1};
  EXPECT_THROW(relax::detail::nnls(a, 3, std::vector<double>{1, 2}), InvalidArgument);
  const std::vector<double> b{1, std::numeric_limits<double>::quiet_NaN(), 1};
  EXPECT_THROW(relax::detail::nnls(a, 3, b), NumericalError);
}

// --------------------------------------------------------------------------------- basis

// I(ωτ) = ∫ exp(−(εu)²)/(1 + iωτ eᵘ) du against tanh–sinh on the definition.
TEST(RelaxDrtBasis, DebyeIntegralsMatchIndependentQuadrature) {
  boost::math::quadrature::tanh_sinh<double> ts;
  for (double eps : {0.4, 1.0, 1.6, 3.61, 8.0}) {
    const double scale = std::sqrt(kPi) / eps;
    for (double wt : {1e-6, 1e-2, 0.3, 1.0, 4.0, 1e2, 1e6}) {
      const double lim = 7 / eps;
      auto re = [&](double u) {
        const double t = wt * std::exp(u);
        return std::exp(-eps * eps * u * u) / (1 + t * t);
      };
      auto im = [&](double u) {
        const double t = wt * std::exp(u);
        return -std::exp(-eps * eps * u * u) * t / (1 + t * t);
      };
      const cplx ref{ts.integrate(re, -lim, lim), ts.integrate(im, -lim, lim)};
      const cplx got = relax::detail::debye_integral(wt, eps);
      EXPECT_NEAR(got.real(), ref.real(), 1e-12 * scale) << eps << " " << wt;
      EXPECT_NEAR(got.imag(), ref.imag(), 1e-12 * scale) << eps << " " << wt;
    }
    // Limits: the whole Gaussian at ωτ → 0, nothing at ωτ → ∞ (closed form).
    EXPECT_NEAR(relax::detail::debye_integral(1e-12, eps).real(), scale, 1e-12 * scale);
    EXPECT_NEAR(std::abs(relax::detail::debye_integral(1e12, eps)), 0, 1e-10 * scale);
  }
}

// K_mn = ∫ φ^(k)(y − y_m) φ^(k)(y − y_n) dy against tanh–sinh with the derivatives of
// φ(u) = exp(−ε²u²) written out: φ' = −2ε²u φ, φ'' = (4ε⁴u² − 2ε²) φ.
TEST(RelaxDrtBasis, PenaltyGramMatchesQuadrature) {
  const auto grid = relax::detail::make_grid(std::log(1e-4), std::log(1e-2), 10, 2.0);
  const double e = grid.epsilon, e2 = e * e;
  auto d0 = [&](double u) { return std::exp(-e2 * u * u); };
  auto d1 = [&](double u) { return -2 * e2 * u * d0(u); };
  auto d2 = [&](double u) { return (4 * e2 * e2 * u * u - 2 * e2) * d0(u); };
  boost::math::quadrature::tanh_sinh<double> ts;
  for (int k : {0, 1, 2}) {
    const std::vector<double> gram = relax::detail::penalty_gram(grid, k);
    const std::size_t size = grid.ln_tau.size();
    for (auto [m, n] : {std::pair{0, 0}, {3, 4}, {5, 7}, {2, 9}}) {
      const double ym = grid.ln_tau[static_cast<std::size_t>(m)];
      const double yn = grid.ln_tau[static_cast<std::size_t>(n)];
      auto f = [&](double y) {
        auto d = k == 0   ? d0(y - ym) * d0(y - yn)
                 : k == 1 ? d1(y - ym) * d1(y - yn)
                          : d2(y - ym) * d2(y - yn);
        return d;
      };
      const double ref = ts.integrate(f, std::min(ym, yn) - 10 / e, std::max(ym, yn) + 10 / e);
      EXPECT_NEAR(gram[static_cast<std::size_t>(n) * size + static_cast<std::size_t>(m)], ref,
                  1e-10 * std::abs(gram[0]))
          << k << " " << m << " " << n;
    }
  }
  EXPECT_THROW(relax::detail::penalty_gram(grid, 3), InvalidArgument);
}

// ------------------------------------------------------------------------ forward models

TEST(RelaxDrtCircuit, ZarcClosedForms) {
  // At ω = 1/τ0, R Q ω^α = 1, so Z = R/(1 + i^α) with i^α = e^{iπα/2}.
  const double q = sim::zarc_q_from_tau(kR, kTau0, kAlpha);
  const cplx expected = kR / (1.0 + std::polar(1.0, kPi * kAlpha / 2));
  const cplx z = sim::zarc_impedance(kR, q, kAlpha, 1 / kTau0);
  EXPECT_NEAR(std::abs(z - expected), 0, 1e-12 * kR);
  // α = 1 is R ‖ C with C = Q: R/(1 + iωRC).
  for (double w : {1.0, 1e3, 1e6})
    EXPECT_NEAR(std::abs(sim::zarc_impedance(50, 2e-5, 1, w) - sim::rc_impedance(50, 1e-3, w)), 0,
                1e-12 * 50);
  EXPECT_EQ(sim::rc_impedance(50, 1e-3, 0), cplx(50, 0));
  // The ZARC DRT integrates to R (closed form ∫ dy/(cosh αy − cos θ) = 2(π − θ)/(α sin θ)).
  boost::math::quadrature::tanh_sinh<double> ts;
  auto g = [&](double y) { return sim::zarc_drt(kR, kTau0, kAlpha, kTau0 * std::exp(y)); };
  EXPECT_NEAR(ts.integrate(g, -200.0, 200.0), kR, 1e-9 * kR);
  EXPECT_THROW(sim::zarc_impedance(kR, q, 1.2, 1), InvalidArgument);
  EXPECT_THROW(sim::rc_impedance(-1, 1e-3, 1), InvalidArgument);
}

TEST(RelaxDrtCircuit, MakeSpectrumKeepsOrderAndSeed) {
  const auto f = sim::log_frequencies(1, 1e4, 5);
  auto z = [](double w) { return sim::rc_impedance(10, 1e-3, w); };
  const auto a = sim::make_spectrum(f, z, {.relative = 0.01, .seed = 3});
  const auto b = sim::make_spectrum(f, z, {.relative = 0.01, .seed = 3});
  const auto clean = sim::make_spectrum(f, z);
  ASSERT_EQ(a.size(), f.size());
  EXPECT_EQ(a.frequency_hz, f);
  EXPECT_EQ(a.impedance_ohm, b.impedance_ohm);
  EXPECT_NE(a.impedance_ohm, clean.impedance_ohm);
  EXPECT_EQ(clean.impedance_ohm[0], z(2 * kPi * f[0]));
  EXPECT_THROW(sim::make_spectrum({1, -1}, z), InvalidArgument);
}

// ----------------------------------------------------------------------------------- DRT

// Noise-free ZARC: one peak at τ0 holding R (simulation parameters). Achieved: τ within
// 0.0002 decades, R within 0.001 %, R∞ within 0.001 Ω, residuals 1e-6 rms.
TEST(RelaxDrt, ZarcPeakAndResistance) {
  const auto r = relax::drt(zarc_spectrum(0));
  ASSERT_EQ(r.peaks.size(), 1u) << r.message;
  const auto& p = r.peaks[0];
  EXPECT_LT(decades_between(p.tau_s, kTau0), 0.01);
  EXPECT_NEAR(p.resistance_ohm, kR, 0.02 * kR);
  EXPECT_NEAR(p.share, 1.0, 1e-12);
  EXPECT_NEAR(r.r_inf_ohm, kRinf, 0.01);
  EXPECT_NEAR(r.polarisation_resistance_ohm, kR, 0.02 * kR);
  EXPECT_LT(r.residual_rms, 1e-4);
  EXPECT_LT(r.residual_max, 1e-3);
  EXPECT_EQ(r.inductance_h, 0.0);
  // About as narrow as the exact distribution, whose FWHM is 2·acosh(2 − cos θ)/(α ln 10)
  // = 0.30 decades with θ = (1 − α)π (closed form); regularisation widens it a little.
  ASSERT_TRUE(p.fwhm_decades.has_value());
  EXPECT_GT(*p.fwhm_decades, 0.25);
  EXPECT_LT(*p.fwhm_decades, 0.6);
}

// 0.5 % noise (relative to |Z|, four seeds): the same within 2 % and 0.03 decades; the
// residuals are at the noise level. Achieved: R within 0.3 %, τ within 0.02 decades.
TEST(RelaxDrt, ZarcWithNoise) {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const auto r = relax::drt(zarc_spectrum(0.005, seed));
    ASSERT_FALSE(r.peaks.empty());
    const auto& p = largest(r);
    EXPECT_LT(decades_between(p.tau_s, kTau0), 0.03) << seed;
    EXPECT_NEAR(p.resistance_ohm, kR, 0.02 * kR) << seed << ": " << r.message;
    EXPECT_GT(p.share, 0.97) << seed;
    // R∞ trades against the tails of γ at the level of the noise on the low-frequency
    // points (0.5 % of 110 Ω): within 1 % of the DC resistance R∞ + R.
    EXPECT_NEAR(r.r_inf_ohm, kRinf, 0.01 * (kRinf + kR)) << seed;
    EXPECT_GT(r.residual_rms, 0.003) << seed;  // the noise is not fitted away…
    EXPECT_LT(r.residual_rms, 0.007) << seed;  // …and nothing else is left
    EXPECT_FALSE(r.lambda_at_bound) << seed;
  }
}

// Two RC elements one decade apart: two peaks at 1 ms and 10 ms holding 50 Ω and 80 Ω
// (simulation parameters) within 5 %. Achieved: 50.6 and 79.6 Ω noise-free, 50.4 and 80.8 Ω
// with 0.5 % noise; τ within 0.01 decades.
TEST(RelaxDrt, TwoRcResolved) {
  for (double noise : {0.0, 0.005}) {
    const auto r = relax::drt(two_rc_spectrum(noise, 2));
    ASSERT_EQ(r.peaks.size(), 2u) << noise << ": " << r.message;
    EXPECT_LT(decades_between(r.peaks[0].tau_s, 1e-3), 0.02) << noise;
    EXPECT_LT(decades_between(r.peaks[1].tau_s, 1e-2), 0.02) << noise;
    EXPECT_NEAR(r.peaks[0].resistance_ohm, 50, 0.05 * 50) << noise;
    EXPECT_NEAR(r.peaks[1].resistance_ohm, 80, 0.05 * 80) << noise;
    EXPECT_NEAR(r.peaks[0].share + r.peaks[1].share, 1.0, 1e-12);
    EXPECT_NEAR(r.r_inf_ohm, 5, 0.1);
    // A delta function is narrower than the basis: the peaks are about one RBF wide.
    ASSERT_TRUE(r.peaks[0].fwhm_decades.has_value());
    EXPECT_LT(*r.peaks[0].fwhm_decades, 0.4);
    // The minimum between the peaks bounds both.
    EXPECT_EQ(r.peaks[0].tau_high_s, r.peaks[1].tau_low_s);
    EXPECT_GT(r.peaks[0].tau_high_s, 1e-3);
    EXPECT_LT(r.peaks[0].tau_high_s, 1e-2);
  }
}

// The result's pieces agree with one another: γ on the grid and drt_gamma, the
// reconstruction and the residuals, the peak resistances and R_pol.
TEST(RelaxDrt, ResultIsConsistent) {
  const auto s = two_rc_spectrum(0.002, 5);
  const auto r = relax::drt(s);
  ASSERT_EQ(r.tau_s.size(), r.gamma_ohm.size());
  for (std::size_t j = 0; j < r.tau_s.size(); j += 7)
    EXPECT_NEAR(relax::drt_gamma(r, r.tau_s[j]), r.gamma_ohm[j], 1e-12 * (1 + r.gamma_ohm[j]));
  for (double g : r.gamma_ohm) EXPECT_GE(g, 0);
  // Grid: one decade beyond 1/(2π f) at both ends, 10 per decade.
  EXPECT_NEAR(r.tau_s.front(), 0.1 / (2 * kPi * 1e6), 1e-9 * r.tau_s.front());
  EXPECT_NEAR(r.tau_s.back(), 10 / (2 * kPi * 1e-2), 1e-9 * r.tau_s.back());
  EXPECT_EQ(r.tau_s.size(), 101u);
  double sum = 0;
  for (const auto& p : r.peaks) sum += p.resistance_ohm;
  EXPECT_NEAR(sum, r.polarisation_resistance_ohm, 1e-9 * r.polarisation_resistance_ohm);
  ASSERT_EQ(r.impedance_fit_ohm.size(), s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const double mag = std::abs(s.impedance_ohm[i]);
    EXPECT_NEAR(r.residual_real[i],
                (r.impedance_fit_ohm[i].real() - s.impedance_ohm[i].real()) / mag, 1e-15);
    EXPECT_NEAR(r.residual_imag[i],
                (r.impedance_fit_ohm[i].imag() - s.impedance_ohm[i].imag()) / mag, 1e-15);
  }
  // λ search: the chosen λ is the GCV minimum of the recorded curve, inside the range.
  ASSERT_GT(r.lambda_curve.size(), 10u);
  double best = r.lambda_curve[0].gcv, best_lambda = r.lambda_curve[0].lambda;
  for (const auto& c : r.lambda_curve)
    if (c.gcv < best) best = c.gcv, best_lambda = c.lambda;
  EXPECT_EQ(r.lambda, best_lambda);
  EXPECT_GT(r.dof, 2);
  EXPECT_LT(r.dof, 2.0 * static_cast<double>(s.size()));
}

// λ is dimensionless: the same spectrum in mΩ or kΩ gives the same λ and a scaled γ.
TEST(RelaxDrt, LambdaIsScaleFree) {
  const auto s = zarc_spectrum(0.005, 9);
  auto scaled = s;
  for (auto& z : scaled.impedance_ohm) z *= 1e3;
  const auto a = relax::drt(s), b = relax::drt(scaled);
  EXPECT_NEAR(b.lambda, a.lambda, 1e-6 * a.lambda);
  EXPECT_NEAR(b.polarisation_resistance_ohm, 1e3 * a.polarisation_resistance_ohm,
              1e-6 * b.polarisation_resistance_ohm);
}

// Series inductance (simulation: L = 1 µH): recovered when fitted (achieved within 0.001 %),
// flagged when not.
TEST(RelaxDrt, SeriesInductance) {
  const double l = 1e-6, q = sim::zarc_q_from_tau(kR, kTau0, kAlpha);
  const auto s = sim::make_spectrum(sim::log_frequencies(1e-2, 1e6, 10), [&](double w) {
    return kRinf + cplx(0, w * l) + sim::zarc_impedance(kR, q, kAlpha, w);
  });
  const auto with = relax::drt(s, {.inductance = true});
  EXPECT_NEAR(with.inductance_h, l, 0.01 * l);
  EXPECT_NEAR(largest(with).resistance_ohm, kR, 0.02 * kR);
  EXPECT_LT(with.residual_rms, 1e-3);
  const auto without = relax::drt(s);
  EXPECT_NE(without.message.find("inductance"), std::string::npos) << without.message;
  EXPECT_GT(without.residual_rms, 10 * with.residual_rms);
}

// The other λ rules and the first-derivative penalty also recover the ZARC (0.5 % noise).
TEST(RelaxDrt, LCurveFixedLambdaAndFirstDerivative) {
  const auto s = zarc_spectrum(0.005, 3);
  const auto lc = relax::drt(s, {.lambda_method = relax::LambdaMethod::lcurve});
  EXPECT_EQ(lc.lambda_method, relax::LambdaMethod::lcurve);
  EXPECT_NEAR(largest(lc).resistance_ohm, kR, 0.02 * kR);
  const auto fixed = relax::drt(s, {.lambda_method = relax::LambdaMethod::fixed, .lambda = 1e-3});
  EXPECT_EQ(fixed.lambda, 1e-3);
  EXPECT_EQ(fixed.lambda_curve.size(), 1u);
  EXPECT_NEAR(largest(fixed).resistance_ohm, kR, 0.02 * kR);
  const auto d1 = relax::drt(s, {.derivative = 1});
  EXPECT_NEAR(largest(d1).resistance_ohm, kR, 0.02 * kR);
  // GCV on the constrained estimator: its active-set degrees of freedom are fewer, so it
  // smooths less and the regularisation ripples beside the peak stand apart; the total
  // polarisation resistance and the peak position are still right.
  const auto nonneg = relax::drt(s, {.lambda_estimator = relax::LambdaEstimator::nonnegative});
  EXPECT_EQ(nonneg.lambda_estimator, relax::LambdaEstimator::nonnegative);
  EXPECT_NEAR(nonneg.polarisation_resistance_ohm, kR, 0.02 * kR);
  EXPECT_LT(decades_between(largest(nonneg).tau_s, kTau0), 0.03);
  EXPECT_EQ(relax::lambda_method_from_string("l-curve"), relax::LambdaMethod::lcurve);
  EXPECT_THROW(relax::lambda_method_from_string("aic"), InvalidArgument);
}

// A pure resistor (closed form: Z = R∞ = 10 Ω at every frequency): γ at rounding level, no
// peaks, no NaN.
TEST(RelaxDrt, PureResistorHasNoPeaks) {
  const auto s =
      sim::make_spectrum(sim::log_frequencies(1, 1e5, 5), [](double) { return cplx(10, 0); });
  const auto r = relax::drt(s);
  EXPECT_NEAR(r.r_inf_ohm, 10, 1e-9);
  EXPECT_LT(r.polarisation_resistance_ohm, 1e-9);
  EXPECT_TRUE(r.peaks.empty());
  EXPECT_LT(r.residual_max, 1e-12);
  EXPECT_NE(r.message.find("no relaxation"), std::string::npos) << r.message;
}

TEST(RelaxDrt, BadInputThrows) {
  auto s = zarc_spectrum(0);
  Spectrum few = s;
  few.frequency_hz.resize(4);
  few.impedance_ohm.resize(4);
  EXPECT_THROW(relax::drt(few), InvalidArgument);
  Spectrum nan = s;
  nan.impedance_ohm[7] = {std::numeric_limits<double>::quiet_NaN(), 0};
  EXPECT_THROW(relax::drt(nan), InvalidArgument);
  Spectrum inf = s;
  inf.frequency_hz[3] = std::numeric_limits<double>::infinity();
  EXPECT_THROW(relax::drt(inf), InvalidArgument);
  Spectrum zero = s;
  zero.impedance_ohm[2] = 0;
  EXPECT_THROW(relax::drt(zero), InvalidArgument);
  EXPECT_THROW(relax::drt(s, {.derivative = 3}), InvalidArgument);
  EXPECT_THROW(relax::drt(s, {.lambda_method = relax::LambdaMethod::fixed, .lambda = 0}),
               InvalidArgument);
  EXPECT_THROW(relax::drt(s, {.lambda_min = 1, .lambda_max = 1e-3}), InvalidArgument);
  EXPECT_THROW(relax::drt(s, {.points_per_decade = 0}), InvalidArgument);
  EXPECT_THROW(relax::drt(s, {.points_per_decade = std::numeric_limits<double>::quiet_NaN()}),
               InvalidArgument);
  EXPECT_THROW(relax::drt_gamma(relax::drt(s), -1), InvalidArgument);
}

// impedance.py's tutorial spectrum (66 points, 3.2 mHz – 10 kHz, inductive above ~1.5 kHz).
// Checks: with --inductance the reconstruction is within 1 % rms and 5 % at worst of |Z|
// (achieved 0.42 % and 3.3 %); L > 0 and of the size the top point implies (Z''/ω there is
// 1.6e-7 H); R∞ close to the smallest Z' (0.01509 Ω; achieved 0.01514 Ω); everything
// finite. Without the inductance the inductive points cannot be fitted and the message says so.
TEST(RelaxDrt, RealFileImpedancePyExample) {
  const auto v = io::read_spectra(test::test_data("io/delimited/exampleData.csv").string());
  ASSERT_EQ(v.size(), 1u);
  const auto& s = v[0];
  const auto r = relax::drt(s, {.inductance = true});
  EXPECT_LT(r.residual_rms, 0.01) << r.message;
  EXPECT_LT(r.residual_max, 0.05);
  const double top_l = s.impedance_ohm.back().imag() / (2 * kPi * s.frequency_hz.back());
  EXPECT_GT(r.inductance_h, 0.5 * top_l);
  EXPECT_LT(r.inductance_h, 2.0 * top_l);
  double min_re = std::numeric_limits<double>::infinity();
  for (const auto& z : s.impedance_ohm) min_re = std::min(min_re, z.real());
  EXPECT_NEAR(r.r_inf_ohm, min_re, 0.05 * min_re);
  ASSERT_FALSE(r.peaks.empty());
  for (const auto& p : r.peaks) {
    EXPECT_TRUE(std::isfinite(p.tau_s));
    EXPECT_GE(p.resistance_ohm, 0);
  }
  for (double g : r.gamma_ohm) EXPECT_TRUE(std::isfinite(g));
  const auto without = relax::drt(s);
  EXPECT_GT(without.residual_rms, 0.02);
  EXPECT_NE(without.message.find("inductance"), std::string::npos) << without.message;
}
