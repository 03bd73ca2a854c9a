// Peaks of measured powder patterns: a peak search on the background-subtracted, smoothed
// pattern, and least-squares profile fits of pseudo-Voigt peaks (with their Kα2 doublet) and a
// local linear background in windows around them (docs/methods.md §9d).
//
//   using namespace solyte::xtal;
//   auto found = find_peaks(tth, counts, {});                      // candidates
//   PeakFitReport r = fit_peaks(tth, counts, {}, found, {.radiation = {}});
//   for (const FittedPeak& p : r.peaks) p.two_theta_deg, p.fwhm_deg, p.eta, p.area;
//
// Peak search: the background is SNIP's clipping of the smoothed data (C. G. Ryan et al., Nucl.
// Instrum. Methods B 34 (1988) 396; M. Morháč et al., Nucl. Instrum. Methods A 401 (1997) 113),
// on the log-log-sqrt transformed counts, with a clipping half-width of `background_width_deg`;
// the data are smoothed by a 5-point Savitzky–Golay quadratic (A. Savitzky, M. J. E. Golay, Anal.
// Chem. 36 (1964) 1627). A candidate is a local maximum of the smoothed data and of the net
// signal that stands `min_significance` noise standard deviations above the background and by
// its topographic prominence (height over the higher of the lowest points on either side before
// higher data, within half the clipping width; so bumps on the tails of strong lines are not
// taken for peaks), and is not much broader than the typical
// candidate (`max_width_ratio`); the noise is the given
// sigma, else √counts of the point when the values are counts (non-negative integers), else a
// robust global
// estimate 1.4826·median|Δ²y|/√6 from second differences. Resolved Kα2 components of stronger
// candidates are dropped when the radiation is given.
//
// Profile fit: in each window (peaks whose windows of ±`window_fwhm`·FWHM overlap share one),
// y = Σ_p A_p [pV(x − x_p; Γ_p, η_p) + r pV(x − x_p,2; Γ_p, η_p)] + b0 + b1 (x − x_c), with
// x_p,2 = 2 asin((λ2/λ1) sin(x_p/2)) the Kα2 position and r the Kα2/Kα1 ratio; weights 1/σ.
// Bounded least squares on Ceres (fit/least_squares.hpp): A positive (log), Γ within a factor
// 5 of its start and η in [0, 1] (logistic), x_p within ±Γ of its start, with the exact
// Jacobian of the model (the pseudo-Voigt's derivatives through dual numbers, the Kα2 slope
// (λ2/λ1) cos θ1/cos θ2). Each peak carries its window's fit report; a window that does not
// converge is a status, not an exception.
//
// Failures: InvalidArgument for arrays of different lengths, fewer than 5 points, 2θ not
// increasing, non-finite values, a negative sigma, or a start outside the data.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "solyte/fit/least_squares.hpp"
#include "solyte/xtal/pattern.hpp"

namespace solyte::xtal {

struct PeakSearchOptions {
  double min_significance = 6;        ///< net height / noise σ for a candidate
  double background_width_deg = 1.5;  ///< SNIP clipping half-width, degrees 2θ
  /// Of maxima closer than this, or than half the FWHM of the higher, the higher is kept.
  double min_separation_deg = 0.05;
  /// Candidates with the net height below this fraction of the strongest are dropped (Kα2
  /// shoulders and noise on high backgrounds). 0 keeps all significant ones.
  double min_relative_height = 0.002;
  /// Candidates broader than this multiple of the median FWHM of the more significant half are
  /// dropped (clipping artefacts beside strong lines, amorphous humps); 0 keeps all.
  double max_width_ratio = 5;
  /// With a Kα2 ratio > 0: a candidate at the Kα2 position of a stronger one (within half its
  /// FWHM, or 3 steps) and lower than (ratio + 0.35) of its height is that line's Kα2 component
  /// and is dropped.
  Radiation radiation{.ratio = 0};
};

struct PeakCandidate {
  double two_theta_deg = 0;
  double height = 0;        ///< net (above background), smoothed
  double fwhm_deg = 0;      ///< from the half-height crossings (0 when not found)
  double significance = 0;  ///< height / noise σ
  std::size_t index = 0;    ///< of the maximum in the input
};

/// Background of the pattern by SNIP (see above), same length as the input.
std::vector<double> snip_background(std::span<const double> two_theta_deg,
                                    std::span<const double> intensity, double width_deg);

/// Candidate peaks by increasing 2θ. `sigma` may be empty.
std::vector<PeakCandidate> find_peaks(std::span<const double> two_theta_deg,
                                      std::span<const double> intensity,
                                      std::span<const double> sigma,
                                      const PeakSearchOptions& options = {});

struct PeakFitOptions {
  Radiation radiation;            ///< ratio 0 = no Kα2 component
  double window_fwhm = 5;         ///< half-width of a peak's window in units of its start FWHM
  double default_fwhm_deg = 0.1;  ///< start width when a candidate has none
  double default_eta = 0.5;
  /// Passes over the windows: from the second on, each window starts from the previous pass and
  /// includes the other windows' peaks as a fixed contribution (tails of broad neighbours).
  int passes = 2;
  fit::LeastSquaresOptions solver{.max_iterations = 300};
};

struct FittedPeak {
  double two_theta_deg = 0, two_theta_err = 0;  ///< Kα1 position
  double fwhm_deg = 0, fwhm_err = 0;
  double eta = 0, eta_err = 0;
  double area = 0, area_err = 0;                    ///< of the Kα1 component (counts·deg)
  double height = 0;                                ///< of the Kα1 component
  double integral_breadth_deg = 0;                  ///< area / height
  double fwhm_gauss_deg = 0, fwhm_lorentz_deg = 0;  ///< split_pseudo_voigt(fwhm, eta)
  std::size_t window = 0;                           ///< index into PeakFitReport::windows
};

struct PeakWindow {
  double from_deg = 0, to_deg = 0;
  std::vector<std::size_t> peaks;           ///< indices into PeakFitReport::peaks
  double background0 = 0, background1 = 0;  ///< b0 + b1 (x − centre)
  double centre_deg = 0;
  fit::FitReport fit;
};

struct PeakFitReport {
  std::vector<FittedPeak> peaks;  ///< by increasing 2θ
  std::vector<PeakWindow> windows;
  std::size_t converged_windows = 0;
  bool usable() const { return !windows.empty() && converged_windows == windows.size(); }
};

/// Fits peaks started at `starts` (from find_peaks, or positions with fwhm 0 and height 0 to
/// estimate). `sigma` may be empty (then √max(y, 1) for counts, else unit weights).
PeakFitReport fit_peaks(std::span<const double> two_theta_deg, std::span<const double> intensity,
                        std::span<const double> sigma, std::span<const PeakCandidate> starts,
                        const PeakFitOptions& options = {});

}  // namespace solyte::xtal
