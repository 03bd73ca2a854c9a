// Lin-KK (Schönleber et al. 2014): linear least squares for an RC chain with fixed τ.
#include "solyte/eis/lin_kk.hpp"

#include <Eigen/Dense>
#include <cmath>
#include <limits>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"

namespace solyte::eis {

namespace {

struct Points {
  std::vector<double> f, w, mod;
  std::vector<std::complex<double>> z;
};

// Column layout of the unknowns: R0, R_1 … R_M, [1/C], [L].
struct Layout {
  int m = 0;
  bool c = false, l = false;
  int size() const { return 1 + m + (c ? 1 : 0) + (l ? 1 : 0); }
  int col_c() const { return 1 + m; }
  int col_l() const { return 1 + m + (c ? 1 : 0); }
};

std::vector<double> time_constants(const Points& p, int m) {
  double w_min = p.w[0], w_max = p.w[0];
  for (double w : p.w) {
    w_min = std::min(w_min, w);
    w_max = std::max(w_max, w);
  }
  const double t_min = 1 / w_max, t_max = 1 / w_min;
  std::vector<double> tau(static_cast<std::size_t>(m));
  if (m == 1) {
    tau[0] = t_max;
    return tau;
  }
  for (int k = 0; k < m; ++k)
    tau[static_cast<std::size_t>(k)] =
        std::pow(10.0, std::log10(t_min) + k / double(m - 1) * std::log10(t_max / t_min));
  return tau;
}

// Re and Im rows of the model matrix, divided by |Z_i|.
void design(const Points& p, const std::vector<double>& tau, const Layout& lay,
            Eigen::MatrixXd& a_re, Eigen::MatrixXd& a_im) {
  const auto n = static_cast<Eigen::Index>(p.f.size());
  a_re = Eigen::MatrixXd::Zero(n, lay.size());
  a_im = Eigen::MatrixXd::Zero(n, lay.size());
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto ui = static_cast<std::size_t>(i);
    const double w = p.w[ui], inv = 1 / p.mod[ui];
    a_re(i, 0) = inv;
    for (int k = 0; k < lay.m; ++k) {
      const std::complex<double> rc =
          1.0 / std::complex<double>(1.0, w * tau[static_cast<std::size_t>(k)]);
      a_re(i, 1 + k) = rc.real() * inv;
      a_im(i, 1 + k) = rc.imag() * inv;
    }
    if (lay.c) a_im(i, lay.col_c()) = -inv / w;
    if (lay.l) a_im(i, lay.col_l()) = w * inv;
  }
}

Eigen::VectorXd solve(const Eigen::MatrixXd& a, const Eigen::VectorXd& b) {
  return Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd>(a).solve(b);
}

Eigen::VectorXd fit_once(const Points& p, const std::vector<double>& tau, const Layout& lay,
                         KKFit type) {
  Eigen::MatrixXd a_re, a_im;
  design(p, tau, lay, a_re, a_im);
  const auto n = static_cast<Eigen::Index>(p.f.size());
  Eigen::VectorXd b_re(n), b_im(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto ui = static_cast<std::size_t>(i);
    b_re(i) = p.z[ui].real() / p.mod[ui];
    b_im(i) = p.z[ui].imag() / p.mod[ui];
  }
  switch (type) {
    case KKFit::complex: {
      Eigen::MatrixXd a(2 * n, lay.size());
      a << a_re, a_im;
      Eigen::VectorXd b(2 * n);
      b << b_re, b_im;
      return solve(a, b);
    }
    case KKFit::real: {
      // R0 and R_k from Re Z; then the series L and C from what remains of Im Z.
      Eigen::VectorXd x = solve(a_re.leftCols(1 + lay.m), b_re);
      Eigen::VectorXd full = Eigen::VectorXd::Zero(lay.size());
      full.head(1 + lay.m) = x;
      if (lay.c || lay.l) {
        const Eigen::VectorXd rest = b_im - a_im.leftCols(1 + lay.m) * x;
        const Eigen::MatrixXd tail = a_im.rightCols(lay.size() - 1 - lay.m);
        full.tail(lay.size() - 1 - lay.m) = solve(tail, rest);
      }
      return full;
    }
    case KKFit::imag: {
      Eigen::VectorXd x = solve(a_im.rightCols(lay.size() - 1), b_im);
      Eigen::VectorXd full = Eigen::VectorXd::Zero(lay.size());
      full.tail(lay.size() - 1) = x;
      // R0 by Boukamp's weighted mean of the real parts left over.
      const Eigen::VectorXd re_fit = a_re * full;
      double num = 0, den = 0;
      for (Eigen::Index i = 0; i < n; ++i) {
        const auto ui = static_cast<std::size_t>(i);
        const double wgt = 1 / (p.mod[ui] * p.mod[ui]);
        num += wgt * (p.z[ui].real() - re_fit(i) * p.mod[ui]);
        den += wgt;
      }
      full(0) = num / den;
      return full;
    }
  }
  return {};
}

double mu_of(const Eigen::VectorXd& x, int m) {
  double neg = 0, pos = 0;
  for (int k = 0; k < m; ++k) (x(1 + k) < 0 ? neg : pos) += std::abs(x(1 + k));
  if (pos == 0) return -std::numeric_limits<double>::infinity();
  return 1 - neg / pos;
}

}  // namespace

std::string_view to_string(KKFit f) {
  switch (f) {
    case KKFit::complex:
      return "complex";
    case KKFit::real:
      return "real";
    case KKFit::imag:
      return "imag";
  }
  return "complex";
}

KKFit parse_kk_fit(std::string_view name) {
  if (name == "complex") return KKFit::complex;
  if (name == "real") return KKFit::real;
  if (name == "imag") return KKFit::imag;
  throw InvalidArgument("unknown Lin-KK fit '" + std::string(name) +
                        "'; use complex, real or imag");
}

LinKKResult lin_kk(const Spectrum& s, const LinKKOptions& o) {
  validate(s);
  if (!(o.c > -std::numeric_limits<double>::infinity()) || !(o.c <= 1) || std::isnan(o.c))
    throw InvalidArgument("Lin-KK: the cut-off c must be at most 1");
  if (o.max_m < 1 || (o.m && *o.m < 1)) throw InvalidArgument("Lin-KK: M must be at least 1");
  if (!(o.valid_pct > 0) || !(o.questionable_pct >= o.valid_pct))
    throw InvalidArgument("Lin-KK: thresholds must satisfy 0 < valid ≤ questionable");
  Points p;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const double f = s.frequency_hz[i];
    if (o.f_min_hz && f < *o.f_min_hz * (1 - 1e-6)) continue;
    if (o.f_max_hz && f > *o.f_max_hz * (1 + 1e-6)) continue;
    const double mod = std::abs(s.impedance_ohm[i]);
    if (!(mod > 0))
      throw InvalidArgument(s.label() + ": point " + std::to_string(i + 1) + " has |Z| = 0");
    p.f.push_back(f);
    p.w.push_back(2 * constants::pi * f);
    p.mod.push_back(mod);
    p.z.push_back(s.impedance_ohm[i]);
  }
  if (p.f.size() < 3)
    throw InvalidArgument(s.label() + ": Lin-KK needs at least 3 points in the window, found " +
                          std::to_string(p.f.size()));

  LinKKResult r;
  Layout lay{.c = o.capacitance, .l = o.inductance};
  Eigen::VectorXd x;
  std::vector<double> tau;
  auto fit_m = [&](int m) {
    lay.m = m;
    tau = time_constants(p, m);
    x = fit_once(p, tau, lay, o.fit);
    r.mu = mu_of(x, m);
  };
  if (o.m) {
    fit_m(*o.m);
  } else {
    int m = 0;
    do fit_m(++m);
    while (r.mu > o.c && m < o.max_m);
    r.mu_reached = r.mu <= o.c;
    if (!r.mu_reached)
      r.message = "mu stayed above " + std::to_string(o.c) +
                  " up to M = " + std::to_string(o.max_m) +
                  "; the result uses M = " + std::to_string(o.max_m);
  }
  r.m = lay.m;
  r.tau_s = tau;
  r.r0_ohm = x(0);
  for (int k = 0; k < lay.m; ++k) r.r_k_ohm.push_back(x(1 + k));
  if (lay.c) r.c_f = 1 / x(lay.col_c());
  if (lay.l) r.l_h = x(lay.col_l());

  double ss = 0;
  for (std::size_t i = 0; i < p.f.size(); ++i) {
    const double w = p.w[i];
    std::complex<double> zf = r.r0_ohm;
    for (int k = 0; k < lay.m; ++k)
      zf += r.r_k_ohm[static_cast<std::size_t>(k)] /
            std::complex<double>(1.0, w * tau[static_cast<std::size_t>(k)]);
    if (lay.c) zf += std::complex<double>(0.0, -x(lay.col_c()) / w);
    if (lay.l) zf += std::complex<double>(0.0, w * x(lay.col_l()));
    const std::complex<double> d = (p.z[i] - zf) / p.mod[i];
    r.frequency_hz.push_back(p.f[i]);
    r.impedance_ohm.push_back(p.z[i]);
    r.fitted_ohm.push_back(zf);
    r.residual_re_pct.push_back(100 * d.real());
    r.residual_im_pct.push_back(100 * d.imag());
    r.max_abs_residual_pct =
        std::max({r.max_abs_residual_pct, 100 * std::abs(d.real()), 100 * std::abs(d.imag())});
    ss += 1e4 * std::norm(d);
  }
  r.rms_residual_pct = std::sqrt(ss / (2.0 * static_cast<double>(p.f.size())));
  if (!o.m && r.max_abs_residual_pct > o.valid_pct && r.m < 10)
    r.message += std::string(r.message.empty() ? "" : "; ") + "mu fell to " +
                 std::to_string(r.mu).substr(0, 5) + " already at M = " + std::to_string(r.m) +
                 ": the chain may be too short for these data (try a fixed M, --m 20)";
  r.verdict = r.max_abs_residual_pct <= o.valid_pct          ? "valid"
              : r.max_abs_residual_pct <= o.questionable_pct ? "questionable"
                                                             : "invalid";
  return r;
}

}  // namespace solyte::eis
