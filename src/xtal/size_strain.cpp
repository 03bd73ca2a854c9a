// Scherrer, Williamson–Hall and instrumental correction (docs/methods.md §9f; formulas and sources
// in xtal/size_strain.hpp).
#include "solyte/xtal/size_strain.hpp"

#include <Eigen/Dense>
#include <cmath>
#include <numbers>
#include <string>

#include "solyte/error.hpp"

namespace solyte::xtal {

namespace {

constexpr double kDeg = std::numbers::pi / 180;

void check_angle(double two_theta_deg) {
  if (!(two_theta_deg > 0 && two_theta_deg < 180))
    throw InvalidArgument("2θ = " + std::to_string(two_theta_deg) + "° is not in (0, 180)");
}

void check_common(double wavelength, double k) {
  if (!(wavelength > 0)) throw InvalidArgument("wavelength must be positive");
  if (!(k > 0)) throw InvalidArgument("Scherrer constant K must be positive");
}

}  // namespace

std::string_view to_string(BreadthCorrection c) {
  switch (c) {
    case BreadthCorrection::lorentzian:
      return "lorentzian";
    case BreadthCorrection::gaussian:
      return "gaussian";
    case BreadthCorrection::geometric_mean:
      return "geometric-mean";
  }
  return "unknown";
}

double scherrer_size_angstrom(double beta_deg, double two_theta_deg, double wavelength, double k) {
  check_common(wavelength, k);
  check_angle(two_theta_deg);
  if (!(beta_deg > 0)) throw InvalidArgument("line breadth must be positive");
  return k * wavelength / (beta_deg * kDeg * std::cos(two_theta_deg * kDeg / 2));
}

double corrected_breadth(double observed, double instrumental, BreadthCorrection method) {
  if (!(observed > 0) || !(instrumental >= 0))
    throw InvalidArgument("breadths must be positive (instrumental >= 0)");
  if (!(instrumental < observed))
    throw InvalidArgument("instrumental breadth " + std::to_string(instrumental) +
                          " is not smaller than the observed " + std::to_string(observed) +
                          ": the line is not broadened beyond the instrument");
  const double l = observed - instrumental;
  const double g = std::sqrt(observed * observed - instrumental * instrumental);
  switch (method) {
    case BreadthCorrection::lorentzian:
      return l;
    case BreadthCorrection::gaussian:
      return g;
    case BreadthCorrection::geometric_mean:
      return std::sqrt(l * g);
  }
  return l;
}

WilliamsonHall williamson_hall(std::span<const double> tth, std::span<const double> beta,
                               double wavelength, double k, std::span<const double> err) {
  check_common(wavelength, k);
  if (tth.size() != beta.size() || (!err.empty() && err.size() != beta.size()))
    throw InvalidArgument("Williamson-Hall: 2θ, breadths and errors must have the same length");
  if (tth.size() < 2) throw InvalidArgument("Williamson-Hall needs at least 2 lines");
  const std::size_t n = tth.size();
  Eigen::MatrixXd a(n, 2);
  Eigen::VectorXd y(n), w(n);
  for (std::size_t i = 0; i < n; ++i) {
    check_angle(tth[i]);
    if (!(beta[i] > 0)) throw InvalidArgument("line breadths must be positive");
    const double th = tth[i] * kDeg / 2;
    a(i, 0) = 1;
    a(i, 1) = std::sin(th);
    y(i) = beta[i] * kDeg * std::cos(th);
    double wi = 1;
    if (!err.empty()) {
      if (!(err[i] > 0)) throw InvalidArgument("breadth errors must be positive");
      wi = 1 / (err[i] * kDeg * std::cos(th));
    }
    w(i) = wi;
  }
  const Eigen::MatrixXd aw = w.asDiagonal() * a;
  const Eigen::VectorXd yw = w.asDiagonal() * y;
  const Eigen::Matrix2d ata = aw.transpose() * aw;
  if (std::abs(ata.determinant()) < 1e-300)
    throw InvalidArgument("Williamson-Hall needs lines at two or more different angles");
  const Eigen::Vector2d c = ata.ldlt().solve(aw.transpose() * yw);
  const Eigen::VectorXd r = yw - aw * c;
  WilliamsonHall out;
  out.n = n;
  out.intercept = c(0);
  out.slope = c(1);
  // Covariance: absolute with given errors, else scaled by the residual variance.
  Eigen::Matrix2d cov = ata.inverse();
  if (err.empty()) cov *= n > 2 ? r.squaredNorm() / static_cast<double>(n - 2) : 0.0;
  const double mean = y.mean();
  const double tss = (y.array() - mean).square().sum();
  const Eigen::VectorXd ru = y - a * c;
  out.r2 = tss > 0 ? 1 - ru.squaredNorm() / tss : 1;
  if (!(c(0) > 0))
    throw NumericalError("Williamson-Hall intercept " + std::to_string(c(0)) +
                         " rad is not positive: no finite crystallite size (strain-only "
                         "broadening or breadths not corrected for the instrument?)");
  out.size_angstrom = k * wavelength / c(0);
  out.size_err = k * wavelength / (c(0) * c(0)) * std::sqrt(std::max(cov(0, 0), 0.0));
  out.strain = c(1) / 4;
  out.strain_err = std::sqrt(std::max(cov(1, 1), 0.0)) / 4;
  return out;
}

double williamson_hall_breadth_deg(double tth, double size, double strain, double wavelength,
                                   double k) {
  check_common(wavelength, k);
  check_angle(tth);
  if (!(size > 0) || !(strain >= 0)) throw InvalidArgument("size must be > 0 and strain >= 0");
  const double th = tth * kDeg / 2;
  return (k * wavelength / size + 4 * strain * std::sin(th)) / std::cos(th) / kDeg;
}

double rms_strain_from_apparent(double e) { return e / std::sqrt(std::numbers::pi / 2); }

InstrumentFunction instrument_function(std::span<const FittedPeak> peaks) {
  if (peaks.size() < 3)
    throw InvalidArgument(
        "the instrument function needs at least 3 fitted peaks of the standard, "
        "got " +
        std::to_string(peaks.size()));
  const std::size_t n = peaks.size();
  Eigen::MatrixXd ag(n, 3), al(n, 2);
  Eigen::VectorXd yg(n), yl(n);
  for (std::size_t i = 0; i < n; ++i) {
    check_angle(peaks[i].two_theta_deg);
    const double th = peaks[i].two_theta_deg * kDeg / 2;
    const double t = std::tan(th);
    ag(i, 0) = t * t;
    ag(i, 1) = t;
    ag(i, 2) = 1;
    yg(i) = peaks[i].fwhm_gauss_deg * peaks[i].fwhm_gauss_deg;
    al(i, 0) = t;
    al(i, 1) = 1 / std::cos(th);
    yl(i) = peaks[i].fwhm_lorentz_deg;
  }
  const Eigen::Vector3d g = ag.colPivHouseholderQr().solve(yg);
  const Eigen::Vector2d l = al.colPivHouseholderQr().solve(yl);
  InstrumentFunction f;
  f.widths.gauss = {.u = g(0), .v = g(1), .w = g(2)};
  f.widths.x = l(0);
  f.widths.y = l(1);
  f.peaks_used = n;
  double sg = 0, sl = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double g2 = std::max((ag.row(static_cast<Eigen::Index>(i)) * g)(0), 0.0);
    sg += std::pow(std::sqrt(g2) - peaks[i].fwhm_gauss_deg, 2);
    sl += std::pow((al.row(static_cast<Eigen::Index>(i)) * l)(0) - peaks[i].fwhm_lorentz_deg, 2);
  }
  f.rms_gauss_deg = std::sqrt(sg / static_cast<double>(n));
  f.rms_lorentz_deg = std::sqrt(sl / static_cast<double>(n));
  return f;
}

SampleBreadth sample_breadth(const FittedPeak& p, const InstrumentFunction& inst) {
  check_angle(p.two_theta_deg);
  const double th = p.two_theta_deg * kDeg / 2;
  const double g2 = caglioti_fwhm2(inst.widths.gauss, p.two_theta_deg);
  const double gi = std::sqrt(std::max(g2, 0.0));
  const double li = std::max(inst.widths.x * std::tan(th) + inst.widths.y / std::cos(th), 0.0);
  SampleBreadth s;
  s.two_theta_deg = p.two_theta_deg;
  const double dg = p.fwhm_gauss_deg * p.fwhm_gauss_deg - gi * gi;
  const double dl = p.fwhm_lorentz_deg - li;
  s.fwhm_gauss_deg = std::sqrt(std::max(dg, 0.0));
  s.fwhm_lorentz_deg = std::max(dl, 0.0);
  s.resolved = s.fwhm_gauss_deg > 0 || s.fwhm_lorentz_deg > 0;
  s.beta_deg = voigt_integral_breadth(gaussian_integral_breadth(s.fwhm_gauss_deg),
                                      lorentzian_integral_breadth(s.fwhm_lorentz_deg));
  return s;
}

}  // namespace solyte::xtal
