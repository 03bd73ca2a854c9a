#include "solyte/relax/relaxation_functions.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "solyte/relax/kww.hpp"

namespace solyte::relax {

namespace {

void check_exponent(double v, const char* name) {
  if (!(v > 0 && v <= 1))
    throw InvalidArgument(std::string("relaxation shape ") + name + " = " + std::to_string(v) +
                          " must lie in (0, 1]");
}

// (ix)^a = x^a e^{iπa/2}, exactly ix for a = 1.
std::complex<double> i_pow(double x, double a) {
  if (a == 1.0) return {0.0, x};
  if (x == 0.0) return {0.0, 0.0};
  return std::polar(std::pow(x, a), constants::pi * a / 2);
}

}  // namespace

std::string_view to_string(RelaxationModel m) {
  switch (m) {
    case RelaxationModel::debye:
      return "debye";
    case RelaxationModel::cole_cole:
      return "cole-cole";
    case RelaxationModel::cole_davidson:
      return "cole-davidson";
    case RelaxationModel::havriliak_negami:
      return "hn";
    case RelaxationModel::kww:
      return "kww";
  }
  return "debye";
}

RelaxationModel parse_relaxation_model(std::string_view name) {
  if (name == "debye") return RelaxationModel::debye;
  if (name == "cole-cole" || name == "cc") return RelaxationModel::cole_cole;
  if (name == "cole-davidson" || name == "cd") return RelaxationModel::cole_davidson;
  if (name == "hn" || name == "havriliak-negami") return RelaxationModel::havriliak_negami;
  if (name == "kww") return RelaxationModel::kww;
  throw InvalidArgument("unknown relaxation model '" + std::string(name) +
                        "'; use kww, debye, cole-cole, cole-davidson or hn");
}

std::complex<double> relaxation_response(RelaxationModel m, double x, const Shape& s) {
  if (!(x >= 0) || !std::isfinite(x))
    throw InvalidArgument("relaxation response needs x = ωτ ≥ 0, got " + std::to_string(x));
  switch (m) {
    case RelaxationModel::debye:
      return 1.0 / std::complex<double>(1.0, x);
    case RelaxationModel::cole_cole:
      check_exponent(s.alpha, "alpha");
      return 1.0 / (1.0 + i_pow(x, s.alpha));
    case RelaxationModel::cole_davidson:
      check_exponent(s.gamma, "gamma");
      return std::pow(std::complex<double>(1.0, x), -s.gamma);
    case RelaxationModel::havriliak_negami:
      check_exponent(s.alpha, "alpha");
      check_exponent(s.gamma, "gamma");
      return std::pow(1.0 + i_pow(x, s.alpha), -s.gamma);
    case RelaxationModel::kww: {
      check_exponent(s.beta, "beta");
      const auto t = kww_transform(s.beta, x);
      return {1.0 - x * t.s, -x * t.c};
    }
  }
  return {};
}

std::complex<double> electric_modulus(RelaxationModel m, double m_inf, double tau_s,
                                      const Shape& shape, double omega_rad_s) {
  return m_inf * (1.0 - relaxation_response(m, omega_rad_s * tau_s, shape));
}

std::complex<double> permittivity(RelaxationModel m, double eps_inf, double delta_eps, double tau_s,
                                  const Shape& shape, double omega_rad_s) {
  const auto e = eps_inf + delta_eps * relaxation_response(m, omega_rad_s * tau_s, shape);
  return {e.real(), -e.imag()};
}

double mean_relaxation_time(RelaxationModel m, double tau_s, const Shape& s) {
  switch (m) {
    case RelaxationModel::debye:
      return tau_s;
    case RelaxationModel::cole_davidson:
      return s.gamma * tau_s;
    case RelaxationModel::kww:
      return tau_s * std::tgamma(1.0 / s.beta) / s.beta;
    case RelaxationModel::cole_cole:
      return s.alpha == 1.0 ? tau_s : std::numeric_limits<double>::infinity();
    case RelaxationModel::havriliak_negami:
      return s.alpha == 1.0 ? s.gamma * tau_s : std::numeric_limits<double>::infinity();
  }
  return tau_s;
}

}  // namespace solyte::relax
