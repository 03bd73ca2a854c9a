// DRT by Tikhonov-regularised non-negative least squares on a Gaussian RBF basis; the method
// and its sources are in the public header and docs/methods.md §8a.
#include "solyte/relax/drt.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "relax/drt_basis.hpp"
#include "relax/drt_peaks.hpp"
#include "relax/nnls.hpp"
#include "solyte/constants.hpp"
#include "solyte/error.hpp"

namespace solyte::relax {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kTwoPi = 2 * constants::pi;

std::string fmt_g(double v, int digits = 3) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

void check_options(const DrtOptions& o) {
  auto finite_pos = [](double v) { return std::isfinite(v) && v > 0; };
  if (o.lambda_method == LambdaMethod::fixed && !finite_pos(o.lambda))
    throw InvalidArgument("drt: λ must be finite and > 0, got " + fmt_g(o.lambda));
  if (o.lambda_method != LambdaMethod::fixed &&
      (!finite_pos(o.lambda_min) || !finite_pos(o.lambda_max) || o.lambda_min >= o.lambda_max))
    throw InvalidArgument("drt: the λ search range needs 0 < lambda_min < lambda_max");
  if (o.lambda_per_decade < 1 || o.lambda_per_decade > 100)
    throw InvalidArgument("drt: lambda_per_decade must be between 1 and 100");
  if (o.derivative != 1 && o.derivative != 2)
    throw InvalidArgument("drt: the penalised derivative must be of order 1 or 2, got " +
                          std::to_string(o.derivative));
  if (!(o.points_per_decade >= 1 && o.points_per_decade <= 100))
    throw InvalidArgument("drt: points per decade must be between 1 and 100, got " +
                          fmt_g(o.points_per_decade));
  if (!(o.extend_decades >= 0 && o.extend_decades <= 5))
    throw InvalidArgument("drt: extend_decades must be between 0 and 5");
  if (!(o.rbf_fwhm >= 0.5 && o.rbf_fwhm <= 10))
    throw InvalidArgument("drt: rbf_fwhm must be between 0.5 and 10 grid spacings");
  if (!(o.min_peak_prominence >= 0 && o.min_peak_prominence < 1))
    throw InvalidArgument("drt: min_peak_prominence must be in [0, 1)");
}

// The scaled, weighted problem: rows [Re; Im] of W(A v − b), unknowns
// v = [R∞/R_ref, (L·ω_max/R_ref), x_1/R_ref … x_M/R_ref].
struct Problem {
  Eigen::MatrixXd a;     // 2N × p
  Eigen::VectorXd b;     // 2N
  Eigen::MatrixXd gram;  // AᵀA
  Eigen::VectorXd atb;   // Aᵀb
  Eigen::MatrixXd k;     // penalty on the γ block, zero elsewhere (p × p)
  std::vector<bool> free;
};

struct Solution {
  double lambda = 0;
  Eigen::VectorXd v;  // NNLS solution (empty for the linear estimator)
  LambdaPoint point;
};

double gcv_value(double n, double residual_norm, double dof) {
  const double denom = n - dof;
  // The trace can reach n when λ is tiny and the data few: GCV is then undefined and such
  // a λ is never chosen.
  return denom > 1e-9 * n ? n * residual_norm * residual_norm / (denom * denom) : kInf;
}

std::size_t nnls_cap(const Problem& pr) {
  return 10 * static_cast<std::size_t>(pr.atb.size()) + 100;
}

// NNLS at one λ (warm-started from `start` when given).
Eigen::VectorXd nonnegative_solution(const Problem& pr, double lambda,
                                     const Eigen::VectorXd* start) {
  const Eigen::MatrixXd h = pr.gram + lambda * pr.k;
  std::span<const double> warm;
  if (start) warm = {start->data(), static_cast<std::size_t>(start->size())};
  auto nn = detail::nnls_gram({h.data(), static_cast<std::size_t>(h.size())},
                              {pr.atb.data(), static_cast<std::size_t>(pr.atb.size())},
                              {.free = pr.free, .start = warm, .max_iterations = nnls_cap(pr)});
  if (!nn.converged)
    throw NumericalError("drt: the non-negative least-squares solver did not converge at λ = " +
                         fmt_g(lambda));
  Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(nn.x.data(), pr.atb.size());
  if (!x.allFinite()) throw NumericalError("drt: non-finite solution at λ = " + fmt_g(lambda));
  return x;
}

// The λ-selection criteria evaluated for either estimator.
//
// linear: the Tikhonov estimator without the constraint, x(λ) = (G + λK)⁻¹Aᵀb, a linear
// smoother, for which GCV was derived (Golub, Heath and Wahba 1979). G and K are diagonalised
// together once, G v = θ (G + K) v with Vᵀ(G + K)V = I, VᵀGV = Θ, VᵀKV = I − Θ (G + K is
// positive definite: K is on the γ block and the R∞ and L columns of A are non-zero), so for
// every λ, with β = VᵀAᵀb and d_i = θ_i + λ(1 − θ_i):
//   x = V (β/d),  dof = tr[A(G + λK)⁻¹Aᵀ] = Σ θ_i/d_i,  xᵀKx = Σ (1 − θ_i) β_i²/d_i²,
// and the residual is (AV)(β/d) − b: O(N·p) per λ after one O(p³) decomposition.
//
// nonnegative: the constrained NNLS solution at every λ (warm-started from the nearest λ
// already solved); its degrees of freedom are those of the linear smoother obtained by fixing
// the active set, tr[(G_PP + λK_PP)⁻¹G_PP] over the passive set P: coefficients held at zero
// by the constraint do not count.
class Criteria {
 public:
  Criteria(const Problem& pr, LambdaEstimator estimator) : pr_(pr), estimator_(estimator) {
    if (estimator_ == LambdaEstimator::linear) {
      Eigen::GeneralizedSelfAdjointEigenSolver<Eigen::MatrixXd> ges(pr.gram, pr.gram + pr.k);
      if (ges.info() != Eigen::Success)
        throw NumericalError("drt: the eigenproblem of the λ search failed");
      theta_ = ges.eigenvalues().cwiseMax(0.0).cwiseMin(1.0);
      vecs_ = ges.eigenvectors();
      beta_ = vecs_.transpose() * pr.atb;
      av_ = pr.a * vecs_;
      if (!theta_.allFinite() || !beta_.allFinite() || !av_.allFinite())
        throw NumericalError("drt: non-finite eigenvectors in the λ search");
    }
  }

  const Solution& evaluate(double lambda) {
    Solution s;
    s.lambda = lambda;
    s.point.lambda = lambda;
    const double n = static_cast<double>(pr_.b.size());
    if (estimator_ == LambdaEstimator::linear) {
      const Eigen::ArrayXd d = theta_.array() + lambda * (1 - theta_.array());
      const Eigen::VectorXd y = (beta_.array() / d).matrix();
      s.point.residual_norm = (av_ * y - pr_.b).norm();
      s.point.penalty_norm =
          std::sqrt(std::max(0.0, ((1 - theta_.array()) * y.array().square()).sum()));
      s.point.dof = (theta_.array() / d).sum();
    } else {
      s.v = nonnegative_solution(pr_, lambda, nearest(lambda));
      s.point.residual_norm = (pr_.a * s.v - pr_.b).norm();
      s.point.penalty_norm = std::sqrt(std::max(0.0, s.v.dot(pr_.k * s.v)));
      std::vector<Eigen::Index> idx;
      for (Eigen::Index i = 0; i < s.v.size(); ++i)
        if (s.v(i) > 0 || pr_.free[static_cast<std::size_t>(i)]) idx.push_back(i);
      if (!idx.empty()) {
        const Eigen::MatrixXd gp = pr_.gram(idx, idx);
        const Eigen::MatrixXd hp = gp + lambda * pr_.k(idx, idx);
        Eigen::LDLT<Eigen::MatrixXd> ldlt(hp);
        Eigen::MatrixXd sol;
        if (ldlt.info() == Eigen::Success) sol = ldlt.solve(gp);
        if (sol.size() == 0 || !sol.allFinite())
          sol = hp.completeOrthogonalDecomposition().solve(gp);
        s.point.dof = sol.trace();
      }
    }
    if (!std::isfinite(s.point.residual_norm) || !std::isfinite(s.point.dof))
      throw NumericalError("drt: non-finite residual or degrees of freedom at λ = " +
                           fmt_g(lambda));
    s.point.gcv = gcv_value(n, s.point.residual_norm, s.point.dof);
    tried_.push_back(std::move(s));
    return tried_.back();
  }

  // The NNLS solution at λ: reused when the nonnegative search solved it already, else
  // started from the unconstrained solution with its negative coefficients set to zero.
  Eigen::VectorXd final_solution(double lambda) const {
    if (estimator_ == LambdaEstimator::nonnegative) {
      for (const auto& t : tried_)
        if (t.lambda == lambda) return t.v;
      return nonnegative_solution(pr_, lambda, nearest(lambda));
    }
    const Eigen::ArrayXd d = theta_.array() + lambda * (1 - theta_.array());
    Eigen::VectorXd start = vecs_ * (beta_.array() / d).matrix();
    for (Eigen::Index i = 0; i < start.size(); ++i)
      if (!pr_.free[static_cast<std::size_t>(i)] && !(start(i) > 0)) start(i) = 0;
    return nonnegative_solution(pr_, lambda, &start);
  }

  const std::vector<Solution>& tried() const { return tried_; }

 private:
  const Eigen::VectorXd* nearest(double lambda) const {
    const Solution* best = nullptr;
    for (const auto& t : tried_)
      if (t.v.size() > 0 && (!best || std::abs(std::log(t.lambda / lambda)) <
                                          std::abs(std::log(best->lambda / lambda))))
        best = &t;
    return best ? &best->v : nullptr;
  }

  const Problem& pr_;
  LambdaEstimator estimator_;
  Eigen::VectorXd theta_, beta_;
  Eigen::MatrixXd vecs_, av_;
  std::vector<Solution> tried_;
};

// Signed Menger curvature of the L-curve (log ρ, log η) at the middle of three points:
// positive where the curve turns left as λ grows, as it does at the corner.
double menger(const LambdaPoint& p0, const LambdaPoint& p1, const LambdaPoint& p2) {
  auto xy = [](const LambdaPoint& p) {
    return std::pair{std::log(std::max(p.residual_norm, 1e-300)),
                     std::log(std::max(p.penalty_norm, 1e-300))};
  };
  const auto [x0, y0] = xy(p0);
  const auto [x1, y1] = xy(p1);
  const auto [x2, y2] = xy(p2);
  const double cross = (x1 - x0) * (y2 - y1) - (y1 - y0) * (x2 - x1);
  const double a = std::hypot(x1 - x0, y1 - y0), b = std::hypot(x2 - x1, y2 - y1),
               c = std::hypot(x2 - x0, y2 - y0);
  const double d = a * b * c;
  return d > 0 ? 2 * cross / d : 0.0;
}

}  // namespace

std::string_view to_string(LambdaMethod m) {
  switch (m) {
    case LambdaMethod::gcv:
      return "gcv";
    case LambdaMethod::lcurve:
      return "lcurve";
    case LambdaMethod::fixed:
      return "fixed";
  }
  return "?";
}

std::string_view to_string(LambdaEstimator e) {
  return e == LambdaEstimator::linear ? "linear" : "nonnegative";
}

LambdaMethod lambda_method_from_string(std::string_view name) {
  if (name == "gcv") return LambdaMethod::gcv;
  if (name == "lcurve" || name == "l-curve") return LambdaMethod::lcurve;
  if (name == "fixed") return LambdaMethod::fixed;
  throw InvalidArgument("drt: unknown λ method '" + std::string(name) +
                        "' (expected gcv, lcurve or fixed)");
}

DrtResult drt(const Spectrum& s, const DrtOptions& o) {
  check_options(o);
  validate(s, 5);
  const std::size_t n = s.size();
  const auto ni = static_cast<Eigen::Index>(n);
  double f_min = kInf, f_max = 0, r_ref = 0;
  for (std::size_t i = 0; i < n; ++i) {
    f_min = std::min(f_min, s.frequency_hz[i]);
    f_max = std::max(f_max, s.frequency_hz[i]);
    r_ref = std::max(r_ref, std::abs(s.impedance_ohm[i]));
  }
  if (!(r_ref > 0) || !std::isfinite(r_ref))
    throw InvalidArgument(s.label() + ": the impedance is zero everywhere");
  std::vector<double> weight(n);  // multiplies Z/R_ref
  for (std::size_t i = 0; i < n; ++i) {
    const double mag = std::abs(s.impedance_ohm[i]);
    if (o.weighting == DrtWeighting::modulus && !(mag > 0))
      throw InvalidArgument(s.label() + ": |Z| = 0 at point " + std::to_string(i + 1) +
                            "; use unit weighting");
    weight[i] = o.weighting == DrtWeighting::modulus ? r_ref / mag : 1.0;
  }

  const double ln10 = std::log(10.0);
  const auto grid = detail::make_grid(std::log(1 / (kTwoPi * f_max)) - o.extend_decades * ln10,
                                      std::log(1 / (kTwoPi * f_min)) + o.extend_decades * ln10,
                                      o.points_per_decade, o.rbf_fwhm);
  const auto m = static_cast<Eigen::Index>(grid.ln_tau.size());
  if (m > 1000)
    throw InvalidArgument("drt: the τ grid would have " + std::to_string(m) +
                          " points; lower points_per_decade");
  std::vector<double> omega(n);
  for (std::size_t i = 0; i < n; ++i) omega[i] = kTwoPi * s.frequency_hz[i];
  const double omega_max = kTwoPi * f_max;
  std::vector<double> kre_data, kim_data;
  detail::debye_matrices(omega, grid, kre_data, kim_data);
  const Eigen::Map<const Eigen::MatrixXd> kre(kre_data.data(), ni, m), kim(kim_data.data(), ni, m);

  Problem pr;
  const Eigen::Index p = (o.inductance ? 2 : 1) + m;
  pr.a = Eigen::MatrixXd::Zero(2 * ni, p);
  pr.b.resize(2 * ni);
  for (Eigen::Index i = 0; i < ni; ++i) {
    const auto ui = static_cast<std::size_t>(i);
    const double w = weight[ui];
    pr.a(i, 0) = w;
    if (o.inductance) pr.a(ni + i, 1) = w * omega[ui] / omega_max;
    pr.a.row(i).tail(m) = w * kre.row(i);
    pr.a.row(ni + i).tail(m) = w * kim.row(i);
    pr.b(i) = w * s.impedance_ohm[ui].real() / r_ref;
    pr.b(ni + i) = w * s.impedance_ohm[ui].imag() / r_ref;
  }
  pr.gram = pr.a.transpose() * pr.a;
  pr.atb = pr.a.transpose() * pr.b;
  pr.k = Eigen::MatrixXd::Zero(p, p);
  const std::vector<double> k_data = detail::penalty_gram(grid, o.derivative);
  pr.k.bottomRightCorner(m, m) = Eigen::Map<const Eigen::MatrixXd>(k_data.data(), m, m);
  pr.free.assign(static_cast<std::size_t>(p), false);
  if (o.inductance) pr.free[1] = true;  // L may be of either sign

  DrtResult res;
  res.lambda_method = o.lambda_method;
  // A fixed λ needs no search: its one point describes the NNLS solution itself.
  res.lambda_estimator =
      o.lambda_method == LambdaMethod::fixed ? LambdaEstimator::nonnegative : o.lambda_estimator;
  Criteria crit(pr, res.lambda_estimator);
  double lambda = o.lambda;
  if (o.lambda_method == LambdaMethod::fixed) {
    crit.evaluate(lambda);
  } else {
    // Coarse grid from large λ (smooth, few active-set changes for the warm starts) down.
    const double lo = std::log10(o.lambda_min), hi = std::log10(o.lambda_max);
    const int steps = std::max(2, static_cast<int>(std::ceil((hi - lo) * o.lambda_per_decade)));
    std::vector<LambdaPoint> grid_points;
    for (int j = steps; j >= 0; --j)
      grid_points.push_back(crit.evaluate(std::pow(10.0, lo + (hi - lo) * j / steps)).point);
    std::reverse(grid_points.begin(), grid_points.end());  // ascending λ
    const std::size_t count = grid_points.size();
    if (o.lambda_method == LambdaMethod::gcv) {
      std::size_t ib = 0;
      for (std::size_t j = 1; j < count; ++j)
        if (grid_points[j].gcv < grid_points[ib].gcv) ib = j;
      if (!std::isfinite(grid_points[ib].gcv))
        throw NumericalError(s.label() + ": GCV is undefined at every λ (too few points)");
      if (ib == 0 || ib + 1 == count) {
        res.lambda_at_bound = true;
      } else {
        // Golden-section search of GCV in log λ between the neighbours of the grid minimum.
        const double gr = (std::sqrt(5.0) - 1) / 2;
        double a = std::log10(grid_points[ib - 1].lambda);
        double b = std::log10(grid_points[ib + 1].lambda);
        auto f = [&](double t) { return crit.evaluate(std::pow(10.0, t)).point.gcv; };
        double c = b - gr * (b - a), d = a + gr * (b - a);
        double fc = f(c), fd = f(d);
        const double tolerance = res.lambda_estimator == LambdaEstimator::linear ? 0.01 : 0.05;
        while (b - a > tolerance) {
          if (fc < fd) {
            b = d;
            d = c;
            fd = fc;
            c = b - gr * (b - a);
            fc = f(c);
          } else {
            a = c;
            c = d;
            fc = fd;
            d = a + gr * (b - a);
            fd = f(d);
          }
        }
      }
      const auto& tried = crit.tried();
      lambda = std::min_element(tried.begin(), tried.end(), [](const auto& x, const auto& y) {
                 return x.point.gcv < y.point.gcv;
               })->lambda;
    } else {
      // L-curve: the largest signed curvature on the coarse grid, then the vertex of the
      // parabola through the curvatures at that point and its neighbours.
      std::vector<double> kappa(count, -kInf);
      for (std::size_t j = 1; j + 1 < count; ++j)
        kappa[j] = menger(grid_points[j - 1], grid_points[j], grid_points[j + 1]);
      std::size_t ib = 1;
      for (std::size_t j = 2; j + 1 < count; ++j)
        if (kappa[j] > kappa[ib]) ib = j;
      lambda = grid_points[ib].lambda;
      if (ib >= 2 && ib + 2 < count) {
        const double x0 = std::log10(grid_points[ib - 1].lambda);
        const double x1 = std::log10(grid_points[ib].lambda);
        const double x2 = std::log10(grid_points[ib + 1].lambda);
        const double k0 = kappa[ib - 1], k1 = kappa[ib], k2 = kappa[ib + 1];
        const double denom = k0 - 2 * k1 + k2;
        if (denom < 0) {
          lambda = std::pow(10.0, std::clamp(x1 + 0.5 * (x1 - x0) * (k0 - k2) / denom, x0, x2));
          crit.evaluate(lambda);
        }
      } else {
        res.lambda_at_bound = true;
      }
    }
  }
  for (const auto& t : crit.tried()) {
    res.lambda_curve.push_back(t.point);
    if (t.lambda == lambda) res.dof = t.point.dof;
  }
  std::sort(res.lambda_curve.begin(), res.lambda_curve.end(),
            [](const auto& x, const auto& y) { return x.lambda < y.lambda; });
  res.lambda = lambda;
  const Eigen::VectorXd v = crit.final_solution(lambda);

  // Back to physical units.
  res.r_inf_ohm = v(0) * r_ref;
  res.inductance_h = o.inductance ? v(1) * r_ref / omega_max : 0.0;
  const Eigen::VectorXd x = v.tail(m) * r_ref;
  res.rbf_epsilon = grid.epsilon;
  res.coefficients_ohm.assign(x.data(), x.data() + m);
  for (std::size_t j = 0; j < grid.ln_tau.size(); ++j) {
    res.tau_s.push_back(std::exp(grid.ln_tau[j]));
    res.gamma_ohm.push_back(grid.gamma(res.coefficients_ohm, grid.ln_tau[j]));
  }
  res.polarisation_resistance_ohm = x.sum() * grid.phi_integral();

  res.frequency_hz = s.frequency_hz;
  const Eigen::VectorXd zre = kre * x, zim = kim * x;
  double sum2 = 0;
  std::size_t inductive = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto ii = static_cast<Eigen::Index>(i);
    const std::complex<double> z{res.r_inf_ohm + zre(ii), omega[i] * res.inductance_h + zim(ii)};
    res.impedance_fit_ohm.push_back(z);
    const double mag = std::abs(s.impedance_ohm[i]);
    const double scale = mag > 0 ? mag : r_ref;
    const double dr = (z.real() - s.impedance_ohm[i].real()) / scale;
    const double di = (z.imag() - s.impedance_ohm[i].imag()) / scale;
    res.residual_real.push_back(dr);
    res.residual_imag.push_back(di);
    sum2 += dr * dr + di * di;
    res.residual_max = std::max({res.residual_max, std::abs(dr), std::abs(di)});
    // Noise alone makes Z'' slightly positive where it tends to zero: count clear cases.
    if (s.impedance_ohm[i].imag() > 0.01 * mag) ++inductive;
  }
  res.residual_rms = std::sqrt(sum2 / static_cast<double>(2 * n));
  if (!std::isfinite(res.residual_rms) || !std::isfinite(res.r_inf_ohm) ||
      !std::isfinite(res.polarisation_resistance_ohm))
    throw NumericalError(s.label() + ": non-finite DRT result");

  // A γ at rounding level (a spectrum without dispersion) has no peaks worth the name.
  const bool no_polarisation = res.polarisation_resistance_ohm <= 1e-9 * r_ref;
  if (!no_polarisation)
    res.peaks = detail::find_peaks(grid, res.coefficients_ohm, res.polarisation_resistance_ohm,
                                   o.min_peak_prominence);

  res.message = "λ = " + fmt_g(res.lambda) + " (" + std::string(to_string(o.lambda_method)) +
                "), " + std::to_string(res.peaks.size()) +
                (res.peaks.size() == 1 ? " peak" : " peaks") + ", rms residual " +
                fmt_g(100 * res.residual_rms, 2) + " % of |Z|";
  if (no_polarisation) res.message += "; γ ≈ 0: the spectrum shows no relaxation";
  if (res.lambda_at_bound)
    res.message += "; λ is at the end of the search range [" + fmt_g(o.lambda_min) + ", " +
                   fmt_g(o.lambda_max) + "]";
  if (inductive > 0 && !o.inductance)
    res.message += "; " + std::to_string(inductive) +
                   " inductive points (Z'' > 1 % of |Z|): consider fitting a series inductance";
  if (res.residual_rms > 0.02)
    res.message += "; large residuals: the spectrum may not be Kramers–Kronig consistent";
  for (const auto& pk : res.peaks)
    if (pk.at_edge) {
      res.message += "; a peak sits at the edge of the τ grid (process beyond the data)";
      break;
    }
  return res;
}

double drt_gamma(const DrtResult& r, double tau_s) {
  if (!(tau_s > 0) || !std::isfinite(tau_s))
    throw InvalidArgument("drt_gamma: τ must be finite and > 0");
  if (r.tau_s.size() < 2 || r.coefficients_ohm.size() != r.tau_s.size()) return 0.0;
  const double y = std::log(tau_s);
  double g = 0;
  for (std::size_t m = 0; m < r.tau_s.size(); ++m) {
    const double u = r.rbf_epsilon * (y - std::log(r.tau_s[m]));
    g += r.coefficients_ohm[m] * std::exp(-u * u);
  }
  return g;
}

}  // namespace solyte::relax
