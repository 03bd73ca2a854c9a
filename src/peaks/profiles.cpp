#include "solyte/peaks/profiles.hpp"

#include <cerf.h>

#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <cstdint>
#include <string>

#include "solyte/error.hpp"
#include "solyte/fit/line_shapes.hpp"

namespace solyte::peaks {

namespace {

// FWHM = 2√(2 ln2)·σ for a Gaussian.
constexpr double kFwhmPerSigma = 2.35482004503094938202;

std::string text(double v) { return std::to_string(v); }

}  // namespace

std::string_view to_string(Shape s) {
  switch (s) {
    case Shape::gaussian:
      return "gaussian";
    case Shape::lorentzian:
      return "lorentzian";
    case Shape::pseudo_voigt:
      return "pseudo-voigt";
    case Shape::voigt:
      return "voigt";
  }
  return "gaussian";
}

std::optional<Shape> shape_from_string(std::string_view name) {
  if (name == "gaussian" || name == "gauss") return Shape::gaussian;
  if (name == "lorentzian" || name == "lorentz" || name == "cauchy") return Shape::lorentzian;
  if (name == "pseudo-voigt" || name == "pseudovoigt" || name == "pv" || name == "pseudo_voigt")
    return Shape::pseudo_voigt;
  if (name == "voigt") return Shape::voigt;
  return std::nullopt;
}

// The shapes are the one templated definition of fit/line_shapes.hpp.
double gaussian(double u, double fwhm) { return fit::gaussian(u, fwhm); }

double lorentzian(double u, double fwhm) { return fit::lorentzian(u, fwhm); }

double pseudo_voigt(double u, double fwhm, double eta) { return fit::pseudo_voigt(u, fwhm, eta); }

double voigt(double u, double gaussian_fwhm, double lorentzian_fwhm) {
  if (lorentzian_fwhm == 0) return gaussian(u, gaussian_fwhm);
  if (gaussian_fwhm == 0) return lorentzian(u, lorentzian_fwhm);
  // libcerf: voigt(x, σ, γ) = Re w((x + iγ)/(σ√2)) / (σ√(2π)), unit area.
  return ::voigt(u, gaussian_fwhm / kFwhmPerSigma, 0.5 * lorentzian_fwhm);
}

double voigt_fwhm(double gaussian_fwhm, double lorentzian_fwhm) {
  if (!(gaussian_fwhm >= 0) || !(lorentzian_fwhm >= 0) || !(gaussian_fwhm + lorentzian_fwhm > 0) ||
      !std::isfinite(gaussian_fwhm + lorentzian_fwhm))
    throw InvalidArgument("Voigt widths must be finite, >= 0 and not both 0 (got G = " +
                          text(gaussian_fwhm) + ", L = " + text(lorentzian_fwhm) + ")");
  if (lorentzian_fwhm == 0) return gaussian_fwhm;
  if (gaussian_fwhm == 0) return lorentzian_fwhm;
  // The Voigt FWHM lies between the larger component width and the sum of both.
  const double half_peak = 0.5 * voigt(0, gaussian_fwhm, lorentzian_fwhm);
  auto f = [&](double h) { return voigt(h, gaussian_fwhm, lorentzian_fwhm) - half_peak; };
  double lo = 0.5 * std::max(gaussian_fwhm, lorentzian_fwhm);
  double hi = 0.5 * (gaussian_fwhm + lorentzian_fwhm);
  const double flo = f(lo), fhi = f(hi);
  if (flo <= 0) return 2 * lo;
  if (fhi >= 0) return 2 * hi;
  std::uintmax_t iterations = 200;
  const auto r = boost::math::tools::toms748_solve(
      f, lo, hi, flo, fhi, boost::math::tools::eps_tolerance<double>(44), iterations);
  return r.first + r.second;  // = 2 · midpoint of the bracket
}

void validate(const Peak& p) {
  if (!std::isfinite(p.center) || !std::isfinite(p.area))
    throw InvalidArgument("peak centre and area must be finite");
  switch (p.shape) {
    case Shape::gaussian:
    case Shape::lorentzian:
      if (!(p.fwhm > 0) || !std::isfinite(p.fwhm))
        throw InvalidArgument("peak FWHM must be > 0 and finite (got " + text(p.fwhm) + ")");
      break;
    case Shape::pseudo_voigt:
      if (!(p.fwhm > 0) || !std::isfinite(p.fwhm))
        throw InvalidArgument("peak FWHM must be > 0 and finite (got " + text(p.fwhm) + ")");
      if (!(p.eta >= 0 && p.eta <= 1))
        throw InvalidArgument("pseudo-Voigt eta must lie in [0, 1] (got " + text(p.eta) + ")");
      break;
    case Shape::voigt:
      if (!(p.fwhm >= 0) || !(p.lorentz_fwhm >= 0) || !(p.fwhm + p.lorentz_fwhm > 0) ||
          !std::isfinite(p.fwhm + p.lorentz_fwhm))
        throw InvalidArgument("Voigt widths must be finite, >= 0 and not both 0 (got G = " +
                              text(p.fwhm) + ", L = " + text(p.lorentz_fwhm) + ")");
      break;
  }
}

double unit_profile(const Peak& p, double u) {
  switch (p.shape) {
    case Shape::gaussian:
      return gaussian(u, p.fwhm);
    case Shape::lorentzian:
      return lorentzian(u, p.fwhm);
    case Shape::pseudo_voigt:
      return pseudo_voigt(u, p.fwhm, p.eta);
    case Shape::voigt:
      return voigt(u, p.fwhm, p.lorentz_fwhm);
  }
  return 0;
}

double evaluate(const Peak& p, double x) { return p.area * unit_profile(p, x - p.center); }

double height(const Peak& p) { return p.area * unit_profile(p, 0.0); }

double total_fwhm(const Peak& p) {
  return p.shape == Shape::voigt ? voigt_fwhm(p.fwhm, p.lorentz_fwhm) : p.fwhm;
}

void add_peaks(std::span<const Peak> peaks, std::span<const double> x, std::span<double> y) {
  if (x.size() != y.size()) throw InvalidArgument("add_peaks: x and y differ in length");
  for (const auto& p : peaks) {
    validate(p);
    for (std::size_t i = 0; i < x.size(); ++i) y[i] += evaluate(p, x[i]);
  }
}

std::vector<double> evaluate(std::span<const Peak> peaks, std::span<const double> x) {
  std::vector<double> y(x.size(), 0.0);
  add_peaks(peaks, x, y);
  return y;
}

}  // namespace solyte::peaks
