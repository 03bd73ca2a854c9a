// Baselines under peaks: polynomial (through given windows, or the iterative "modified
// polynomial" that sinks below the peaks), SNIP peak clipping, and asymmetric least squares
// (docs/methods.md §10).
//
//   auto b = solyte::peaks::baseline(x, y, {.method = BaselineMethod::als, .als_lambda = 1e6});
//   auto b = solyte::peaks::baseline(x, y, {.method = BaselineMethod::polynomial, .degree = 2,
//                                           .anchors = {{2200, 2350}, {2700, 2900}}});
//
// Sources: modified polynomial — C. A. Lieber and A. Mahadevan-Jansen, Appl. Spectrosc. 57,
// 1363 (2003); SNIP — C. G. Ryan et al., Nucl. Instrum. Methods B 34, 396 (1988), M. Morháč
// et al., Nucl. Instrum. Methods A 401, 113 (1997); asymmetric least squares — P. H. C. Eilers
// and H. F. M. Boelens, "Baseline correction with asymmetric least squares smoothing" (2005).
// x may be ascending or descending (an NMR ppm axis); the baseline is returned point for point.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace solyte::peaks {

enum class BaselineMethod { none, polynomial, snip, als };
/// "none", "polynomial", "snip", "als".
std::string_view to_string(BaselineMethod m);
std::optional<BaselineMethod> baseline_method_from_string(std::string_view name);

struct BaselineOptions {
  BaselineMethod method = BaselineMethod::none;
  // polynomial
  int degree = 1;  ///< 0 … 10
  /// x windows (lo, hi in either order) holding baseline only; the polynomial is fitted to the
  /// points inside them. Empty: the iterative modified polynomial over all points.
  std::vector<std::pair<double, double>> anchors;
  int max_iterations = 500;  ///< modified polynomial and ALS
  // SNIP
  /// Half-width of the clipping window in units of x (≈ the half-width of the widest peak's
  /// base); 0 → a tenth of the x span.
  double snip_half_width = 0;
  /// Apply SNIP to log(log(√(y+1)+1)+1) (Ryan's LLS operator, for counts ≥ 0).
  bool snip_lls = false;
  // ALS
  double als_lambda = 1e6;  ///< smoothness λ (per point²: the penalty is on second differences)
  double als_p = 0.01;      ///< asymmetry: weight of points above the baseline, 0 < p < 0.5
  /// > 0: estimate the baseline from y smoothed by a local quadratic over ±this (units of x).
  /// Clipping and asymmetric methods follow the lower envelope of the noise (a bias of ≈ −σ
  /// to −2σ); smoothing over n points shrinks it by about √n.
  double smooth_half_width = 0;
};

/// What was done, for reports.
struct BaselineResult {
  std::vector<double> values;  ///< baseline at every x
  int iterations = 0;          ///< modified polynomial / ALS passes (0 for the others)
  bool converged = true;       ///< false when max_iterations was reached
  std::string description;     ///< e.g. "als lambda=1e+06 p=0.01"
};

/// The baseline of y(x) with the chosen method (none → zeros). Throws InvalidArgument for
/// mismatched sizes, fewer than 3 points, non-finite data, bad options (degree outside 0 … 10,
/// a polynomial anchored on fewer points than degree + 1, λ ≤ 0, p outside (0, 0.5]).
BaselineResult baseline(std::span<const double> x, std::span<const double> y,
                        const BaselineOptions& options);

/// Least-squares polynomial of `degree` (Chebyshev basis on the x span, for conditioning)
/// through the points inside the anchor windows, evaluated at every x.
std::vector<double> polynomial_baseline(std::span<const double> x, std::span<const double> y,
                                        int degree,
                                        std::span<const std::pair<double, double>> anchors);

/// Modified polynomial: fit, replace y by min(y, fit), refit until the fit changes by less
/// than 1e-6 of the data span.
BaselineResult modified_polynomial_baseline(std::span<const double> x, std::span<const double> y,
                                            int degree, int max_iterations);

/// SNIP with clipping windows 1 … m points, m = half-width in points.
std::vector<double> snip_baseline(std::span<const double> y, std::size_t half_width_points,
                                  bool lls);

/// Asymmetric least squares: minimise Σ wᵢ(yᵢ − zᵢ)² + λ Σ (Δ²z)ᵢ with wᵢ = p above z and
/// 1 − p below, reweighting until the weights no longer change.
BaselineResult als_baseline(std::span<const double> y, double lambda, double p, int max_iterations);

}  // namespace solyte::peaks
