#include "relax/drt_basis.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <boost/math/quadrature/gauss.hpp>
#include <cmath>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"

namespace solyte::relax::detail {

namespace {

constexpr double kSqrtPi = 1.7724538509055160273;  // √π

// Nodes u_k and weights w_k with ∫ φ(u) f(u) du ≈ Σ w_k f(u_k) (φ folded into w).
struct Rule {
  std::vector<double> u, w;
};

// Gauss–Hermite nodes and weights for ∫ e^{−v²} f(v) dv by the Golub–Welsch method: the
// nodes are the eigenvalues of the Jacobi matrix of the Hermite recurrence (off-diagonal
// √(k/2)), the weights √π times the squared first components of its eigenvectors.
// G. H. Golub and J. H. Welsch, Math. Comp. 23 (1969) 221.
const Rule& gauss_hermite_32() {
  static const Rule rule = [] {
    constexpr int n = 32;
    Eigen::MatrixXd jacobi = Eigen::MatrixXd::Zero(n, n);
    for (int k = 1; k < n; ++k) jacobi(k, k - 1) = jacobi(k - 1, k) = std::sqrt(k / 2.0);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(jacobi);
    Rule r;
    for (int i = 0; i < n; ++i) {
      const double v0 = es.eigenvectors()(0, i);
      r.u.push_back(es.eigenvalues()(i));
      r.w.push_back(kSqrtPi * v0 * v0);
    }
    return r;
  }();
  return rule;
}

Rule quadrature_rule(double epsilon) {
  Rule r;
  if (epsilon >= 1.5) {
    const Rule& gh = gauss_hermite_32();
    for (std::size_t k = 0; k < gh.u.size(); ++k) {
      r.u.push_back(gh.u[k] / epsilon);
      r.w.push_back(gh.w[k] / epsilon);
    }
    return r;
  }
  // exp(−6.25²) ≈ 1e-17: the Gaussian is negligible beyond |εu| = 6.25.
  using GL = boost::math::quadrature::gauss<double, 10>;
  const double half = 6.25 / epsilon;
  const int panels = static_cast<int>(std::ceil(2 * half));
  const double h = 2 * half / panels;
  const auto& x = GL::abscissa();
  const auto& wx = GL::weights();
  for (int p = 0; p < panels; ++p) {
    const double mid = -half + (p + 0.5) * h;
    for (std::size_t k = 0; k < x.size(); ++k) {
      for (int sign : {-1, 1}) {
        if (x[k] == 0 && sign > 0) continue;
        const double u = mid + sign * x[k] * h / 2;
        r.u.push_back(u);
        r.w.push_back(wx[k] * h / 2 * std::exp(-(epsilon * u) * (epsilon * u)));
      }
    }
  }
  return r;
}

}  // namespace

double RbfGrid::phi_integral() const { return kSqrtPi / epsilon; }

double RbfGrid::phi_integral(double c, double a, double b) const {
  return kSqrtPi / (2 * epsilon) * (std::erf(epsilon * (b - c)) - std::erf(epsilon * (a - c)));
}

double RbfGrid::gamma(std::span<const double> x, double y) const {
  // Only centres within |ε(y − y_m)| ≤ 6.25 contribute above 1e-17 of their weight.
  const double reach = 6.25 / epsilon;
  const double first = std::ceil((y - reach - ln_tau.front()) / spacing);
  const double last = std::floor((y + reach - ln_tau.front()) / spacing);
  const double top = static_cast<double>(ln_tau.size()) - 1;
  if (last < 0 || first > top) return 0.0;
  double g = 0;
  for (auto m = static_cast<std::size_t>(std::max(first, 0.0));
       m <= static_cast<std::size_t>(std::min(last, top)); ++m) {
    const double c = x[m];
    if (c != 0) g += c * phi(y - ln_tau[m]);
  }
  return g;
}

RbfGrid make_grid(double ln_tau_min, double ln_tau_max, double per_decade, double fwhm) {
  if (!(ln_tau_max > ln_tau_min) || !(per_decade > 0) || !(fwhm > 0))
    throw InvalidArgument("drt: empty τ range, or non-positive density or RBF width");
  const double decades = (ln_tau_max - ln_tau_min) / std::log(10.0);
  const auto intervals = static_cast<std::size_t>(std::max(1.0, std::round(decades * per_decade)));
  RbfGrid g;
  g.spacing = (ln_tau_max - ln_tau_min) / static_cast<double>(intervals);
  for (std::size_t m = 0; m <= intervals; ++m)
    g.ln_tau.push_back(ln_tau_min + g.spacing * static_cast<double>(m));
  g.ln_tau.back() = ln_tau_max;
  g.epsilon = 2 * std::sqrt(std::log(2.0)) / (fwhm * g.spacing);
  return g;
}

std::complex<double> debye_integral(double omega_tau, double epsilon) {
  const Rule r = quadrature_rule(epsilon);
  double re = 0, im = 0;
  for (std::size_t k = 0; k < r.u.size(); ++k) {
    const double t = omega_tau * std::exp(r.u[k]);
    const double d = 1 / (1 + t * t);
    re += r.w[k] * d;
    im -= r.w[k] * t * d;
  }
  return {re, im};
}

void debye_matrices(const std::vector<double>& omega, const RbfGrid& grid, std::vector<double>& re,
                    std::vector<double>& im) {
  const Rule r = quadrature_rule(grid.epsilon);
  const std::size_t nk = r.u.size();
  std::vector<double> eu(nk);
  for (std::size_t k = 0; k < nk; ++k) eu[k] = std::exp(r.u[k]);
  const std::size_t n = omega.size(), m = grid.ln_tau.size();
  re.assign(n * m, 0.0);
  im.assign(n * m, 0.0);
  bool finite = true;
  for (std::size_t j = 0; j < m; ++j) {
    const double tau = std::exp(grid.ln_tau[j]);
    for (std::size_t i = 0; i < n; ++i) {
      const double t0 = omega[i] * tau;
      double sr = 0, si = 0;
      for (std::size_t k = 0; k < nk; ++k) {
        const double t = t0 * eu[k];
        const double d = r.w[k] / (1 + t * t);
        sr += d;
        si -= t * d;
      }
      re[j * n + i] = sr;
      im[j * n + i] = si;
      finite = finite && std::isfinite(sr) && std::isfinite(si);
    }
  }
  if (!finite)
    throw NumericalError("drt: non-finite kernel integrals (frequency or τ range too wide)");
}

std::vector<double> penalty_gram(const RbfGrid& grid, int derivative) {
  if (derivative < 0 || derivative > 2)
    throw InvalidArgument("drt: the penalised derivative must be of order 0, 1 or 2");
  const auto m = static_cast<Eigen::Index>(grid.ln_tau.size());
  const double e = grid.epsilon;
  const double c = e * e / 2;  // g(d) = C exp(−c d²)
  const double big_c = std::sqrt(constants::pi / 2) / e;
  Eigen::MatrixXd k(m, m);  // filled here, returned as a column-major array
  for (Eigen::Index i = 0; i < m; ++i) {
    for (Eigen::Index j = 0; j <= i; ++j) {
      const double d =
          grid.ln_tau[static_cast<std::size_t>(i)] - grid.ln_tau[static_cast<std::size_t>(j)];
      const double d2 = d * d;
      const double g = big_c * std::exp(-c * d2);
      double v = g;                                           // ∫ φ φ
      if (derivative == 1) v = g * (2 * c - 4 * c * c * d2);  // −g''
      if (derivative == 2)
        v = g * (16 * c * c * c * c * d2 * d2 - 48 * c * c * c * d2 + 12 * c * c);  // g''''
      k(i, j) = k(j, i) = v;
    }
  }
  return {k.data(), k.data() + k.size()};
}

}  // namespace solyte::relax::detail
