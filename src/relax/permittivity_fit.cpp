#include "solyte/relax/permittivity_fit.hpp"

#include "relax/fit_window.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "solyte/constants.hpp"
#include "solyte/eis/representations.hpp"
#include "solyte/error.hpp"

namespace solyte::relax {

namespace {

constexpr double kTwoPi = 2.0 * constants::pi;
constexpr double kEps0 = constants::vacuum_permittivity_f_per_m;

using detail::uses_alpha;
using detail::uses_beta;
using detail::uses_gamma;
using Data = detail::WindowedData;

fit::FitReport run(const Data& d, const PermittivityFitOptions& o, double shape0) {
  const double eps_inf0 = std::max(d.permittivity.back().real(), 1e-3);
  const double eps_s0 = d.permittivity.front().real();
  const double delta0 = eps_s0 > eps_inf0 * 1.01 ? eps_s0 - eps_inf0 : eps_inf0;
  // τ: where ε' crosses the geometric middle of its two ends.
  const double mid = std::sqrt(eps_inf0 * (eps_inf0 + delta0));
  double f_mid = std::sqrt(d.f.front() * d.f.back());
  for (std::size_t i = 0; i + 1 < d.f.size(); ++i)
    if (d.permittivity[i].real() >= mid && d.permittivity[i + 1].real() < mid) {
      f_mid = std::sqrt(d.f[i] * d.f[i + 1]);
      break;
    }
  const double sigma0 = std::max(d.permittivity.front().imag() * kEps0 * d.omega.front(), 1e-300);
  const RelaxationModel m = o.model;
  std::vector<fit::Parameter> p = {
      {.name = "eps_inf", .value = eps_inf0, .transform = fit::Transform::log},
      {.name = "delta_eps", .value = delta0, .transform = fit::Transform::log},
      {.name = "tau", .unit = "s", .value = 1.0 / (kTwoPi * f_mid), .transform = fit::Transform::log}};
  const double sh = std::clamp(shape0, 0.1, 0.99);
  if (uses_alpha(m))
    p.push_back({.name = "alpha", .value = sh, .transform = fit::Transform::logistic, .lower = 0.05, .upper = 1});
  if (uses_gamma(m))
    p.push_back({.name = "gamma", .value = sh, .transform = fit::Transform::logistic, .lower = 0.05, .upper = 1});
  if (uses_beta(m))
    p.push_back({.name = "beta", .value = sh, .transform = fit::Transform::logistic, .lower = 0.05, .upper = 1});
  if (o.conduction)
    p.push_back({.name = "sigma_dc", .unit = "S/m", .value = sigma0, .transform = fit::Transform::log});
  const std::size_t n = d.f.size();
  auto residuals = [&, m](std::span<const double> v, std::span<double> r) {
    Shape shape;
    std::size_t k = 3;
    if (uses_alpha(m)) shape.alpha = v[k++];
    if (uses_gamma(m)) shape.gamma = v[k++];
    if (uses_beta(m)) shape.beta = v[k++];
    const double sigma = o.conduction ? v[k] : 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      auto e = permittivity(m, v[0], v[1], v[2], shape, d.omega[i]);
      e += std::complex<double>(0.0, sigma / (kEps0 * d.omega[i]));
      const double scale = std::abs(d.permittivity[i]);
      r[i] = (e.real() - d.permittivity[i].real()) / scale;
      r[n + i] = (e.imag() - d.permittivity[i].imag()) / scale;
    }
  };
  return fit::least_squares(residuals, 2 * n, std::move(p));
}

}  // namespace

PermittivityFitResult fit_permittivity(const Spectrum& s, const PelletGeometry& g,
                                       const PermittivityFitOptions& o) {
  const Data d = detail::windowed_data(s, g, o.f_min_hz, o.f_max_hz, 6, "permittivity fit");
  fit::FitReport best = run(d, o, 0.8);
  const double rms = std::sqrt(best.chi2 / static_cast<double>(best.n_residuals));
  if (!best.usable() || rms > 0.01)
    for (double shape : {0.5, 0.95}) {
      const auto r = run(d, o, shape);
      if ((r.usable() && !best.usable()) || (r.usable() == best.usable() && r.chi2 < best.chi2))
        best = r;
    }
  PermittivityFitResult out;
  out.model = o.model;
  out.report = best;
  out.n_points = d.f.size();
  out.f_min_hz = d.f.front();
  out.f_max_hz = d.f.back();
  out.eps_inf = best.at("eps_inf").value;
  out.eps_inf_err = best.at("eps_inf").stderr;
  out.delta_eps = best.at("delta_eps").value;
  out.delta_eps_err = best.at("delta_eps").stderr;
  out.tau_s = best.at("tau").value;
  out.tau_err_s = best.at("tau").stderr;
  if (uses_alpha(o.model)) { out.shape.alpha = best.at("alpha").value; out.shape_err.alpha = best.at("alpha").stderr; }
  if (uses_gamma(o.model)) { out.shape.gamma = best.at("gamma").value; out.shape_err.gamma = best.at("gamma").stderr; }
  if (uses_beta(o.model)) { out.shape.beta = best.at("beta").value; out.shape_err.beta = best.at("beta").stderr; }
  if (o.conduction) {
    out.sigma_dc_s_per_m = best.at("sigma_dc").value;
    out.sigma_dc_err_s_per_m = best.at("sigma_dc").stderr;
  }
  out.mean_tau_s = mean_relaxation_time(o.model, out.tau_s, out.shape);
  out.message = std::string(fit::to_string(best.status)) + ": " + best.message;
  return out;
}

}  // namespace solyte::relax
