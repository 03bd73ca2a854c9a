// Peak-shape helpers that need more than a formula (docs/methods.md §9c).
#include "solyte/xtal/profile.hpp"

#include <cerf.h>

#include <cmath>
#include <string>

#include "solyte/error.hpp"

namespace solyte::xtal {

double voigt_integral_breadth(double beta_g, double beta_l) {
  if (!(beta_g >= 0) || !(beta_l >= 0)) throw InvalidArgument("integral breadths must be >= 0");
  if (beta_g == 0) return beta_l;
  // Langford 1978: β = β_G exp(−k²)/erfc(k) = β_G / erfcx(k), k = β_L/(√π β_G); erfcx keeps
  // the ratio finite for large k.
  const double k = beta_l / (std::sqrt(std::numbers::pi) * beta_g);
  return beta_g / erfcx(k);
}

std::pair<double, double> split_pseudo_voigt(double fwhm, double eta) {
  if (!(fwhm > 0) || !std::isfinite(fwhm))
    throw InvalidArgument("pseudo-Voigt FWHM must be positive");
  if (!(eta >= 0 && eta <= 1)) throw InvalidArgument("pseudo-Voigt mixing must lie in [0, 1]");
  // η(q) = 1.36603 q − 0.47719 q² + 0.11116 q³ increases on [0, 1] from 0 to 1: bisection.
  auto eta_of = [](double q) { return 1.36603 * q - 0.47719 * q * q + 0.11116 * q * q * q; };
  double lo = 0, hi = 1;
  for (int i = 0; i < 200 && hi - lo > 1e-15; ++i) {
    const double mid = 0.5 * (lo + hi);
    (eta_of(mid) < eta ? lo : hi) = mid;
  }
  const double q = std::min(1.0, 0.5 * (lo + hi));
  const double fwhm_l = q * fwhm;
  // Γ(Γ_G) of the TCH polynomial increases from Γ_L at Γ_G = 0 to ≥ Γ_G: bisection on [0, Γ].
  double glo = 0, ghi = fwhm;
  for (int i = 0; i < 200 && ghi - glo > 1e-15 * fwhm; ++i) {
    const double mid = 0.5 * (glo + ghi);
    (tch_pseudo_voigt(mid, fwhm_l).first < fwhm ? glo : ghi) = mid;
  }
  return {0.5 * (glo + ghi), fwhm_l};
}

}  // namespace solyte::xtal
