#include "solyte/peaks/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/curve_ops.hpp"
#include "core/format_number.hpp"
#include "solyte/error.hpp"
#include "solyte/peaks/bands.hpp"

namespace solyte::peaks {

namespace {

std::string num(double v) { return solyte::detail::format_number(v, 6); }

bool inside(double v, std::pair<double, double> r) {
  return v >= std::min(r.first, r.second) && v <= std::max(r.first, r.second);
}

// Starting widths of a peak of `shape` whose whole FWHM is about w.
Peak start_peak(Shape shape, double center, double height_guess, double w) {
  Peak p;
  p.shape = shape;
  p.center = center;
  p.fwhm = w;
  p.eta = 0.5;
  if (shape == Shape::voigt) {  // Γ_G = 0.7w, Γ_L = 0.5w has a Voigt FWHM of ≈ w
    p.fwhm = 0.7 * w;
    p.lorentz_fwhm = 0.5 * w;
  }
  p.area = 1;
  p.area = std::max(height_guess, 0.0) / unit_profile(p, 0.0);
  return p;
}

std::vector<std::size_t> peaks_in(const PeakFitResult& f, std::pair<double, double> r) {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < f.peaks.size(); ++k)
    if (inside(f.peaks[k].peak.center, r)) out.push_back(k);
  return out;
}

}  // namespace

std::string_view to_string(AreaSource s) { return s == AreaSource::fit ? "fit" : "integral"; }

PeakAnalysis analyse_peaks(std::span<const double> x, std::span<const double> y,
                           const PeakAnalysisOptions& o) {
  if (x.size() != y.size())
    throw InvalidArgument("peaks: x has " + std::to_string(x.size()) + " values, y " +
                          std::to_string(y.size()));
  PeakAnalysis a;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
      throw InvalidArgument("peaks: non-finite value at point " + std::to_string(i + 1));
    if (!o.range || inside(x[i], *o.range)) {
      a.x.push_back(x[i]);
      a.y.push_back(y[i]);
    }
  }
  if (a.x.size() < 5)
    throw InvalidArgument("peaks: the window " +
                          (o.range ? num(o.range->first) + ":" + num(o.range->second)
                                   : std::string("(whole record)")) +
                          " holds " + std::to_string(a.x.size()) + " points, at least 5 needed");
  a.baseline = baseline(a.x, a.y, o.baseline);
  if (!a.baseline.converged)
    a.notes.push_back("baseline (" + a.baseline.description + ") stopped after " +
                      std::to_string(a.baseline.iterations) + " iterations without converging");
  a.corrected.resize(a.x.size());
  for (std::size_t i = 0; i < a.x.size(); ++i) a.corrected[i] = a.y[i] - a.baseline.values[i];
  a.noise_sigma = solyte::detail::noise_sigma(a.y);
  a.detected = find_peaks(a.x, a.corrected, o.detect);

  std::vector<double> steps(a.x.size() - 1);
  for (std::size_t i = 0; i + 1 < a.x.size(); ++i) steps[i] = std::abs(a.x[i + 1] - a.x[i]);
  const double step = solyte::detail::median(steps);
  const auto [lo_it, hi_it] = std::minmax_element(a.x.begin(), a.x.end());
  const double span = *hi_it - *lo_it;

  if (o.fit) {
    std::vector<PeakStart> starts;
    auto add = [&](double center, double h, double w) {
      PeakStart s;
      w = std::max(w, 2 * step);
      s.peak = start_peak(o.shape, center, h, w);
      s.fix_center = o.fix_positions;
      s.center_window = o.center_window > 0 ? o.center_window : 1.5 * w;
      s.width_group = o.tie_widths ? 0 : -1;
      if (!(s.peak.area > 0)) s.peak.area = std::max(a.noise_sigma, 1e-12 * span) * w;
      starts.push_back(s);
    };
    if (!o.positions.empty()) {
      for (double c : o.positions) {
        if (!(c > *lo_it && c < *hi_it))
          throw InvalidArgument("peaks: starting position " + num(c) +
                                " lies outside the window (" + num(*lo_it) + " … " + num(*hi_it) +
                                ")");
        double w = 0.05 * span;  // nearest detected peak's width when one is close
        double best = std::numeric_limits<double>::infinity();
        for (const auto& d : a.detected)
          if (std::abs(d.x - c) < best && std::abs(d.x - c) < 3 * d.fwhm) {
            best = std::abs(d.x - c);
            w = d.fwhm;
          }
        add(c, solyte::detail::interpolate(a.x, a.corrected, c), w);
      }
    } else {
      for (const auto& d : a.detected) add(d.x, d.height, d.fwhm);
    }
    if (starts.empty()) {
      a.notes.push_back("no peak found above the detection thresholds; nothing fitted");
    } else {
      PeakFitOptions fo;
      fo.background_degree = o.background_degree;
      fo.solver = o.solver;
      a.fit = fit_peaks(a.x, a.corrected, starts, fo);
      // Detected peaks whose area collapses (< 1e-6 of the largest) are not in the data: drop
      // them and refit, so that they do not make the errors of the others undefined.
      for (int pass = 0; pass < 3 && o.positions.empty(); ++pass) {
        double largest = 0;
        for (const auto& p : a.fit->peaks) largest = std::max(largest, std::abs(p.peak.area));
        std::vector<PeakStart> kept;
        for (std::size_t k = 0; k < starts.size(); ++k)
          if (std::abs(a.fit->peaks[k].peak.area) >= 1e-6 * largest) {
            kept.push_back(starts[k]);
          } else {
            a.notes.push_back("the peak detected at " + num(starts[k].peak.center) +
                              " fitted to zero area and was dropped");
          }
        if (kept.size() == starts.size() || kept.empty()) break;
        starts = std::move(kept);
        a.fit = fit_peaks(a.x, a.corrected, starts, fo);
      }
      if (!a.fit->at_bound.empty()) {
        std::string names;
        for (const auto& b : a.fit->at_bound) names += (names.empty() ? "" : ", ") + b;
        a.notes.push_back("at a bound (held there, error undefined): " + names);
      }
      if (!a.fit->report.usable())
        a.notes.push_back("peak fit: " + std::string(fit::to_string(a.fit->report.status)) + " (" +
                          a.fit->report.message + ")");
    }
  }

  for (const auto& req : o.ratios) {
    RatioResult r;
    r.request = req;
    r.source = o.ratio_source;
    if (o.ratio_source == AreaSource::integral) {
      const auto br = band_ratio(a.x, a.corrected, req.numerator, req.denominator, a.noise_sigma);
      r.numerator = br.numerator.area;
      r.numerator_err = br.numerator.stderr;
      r.denominator = br.denominator.area;
      r.denominator_err = br.denominator.stderr;
      r.ratio = br.ratio;
      r.ratio_err = br.stderr;
    } else {
      if (!a.fit) throw InvalidArgument("peaks: a ratio of fitted areas needs a peak fit");
      r.numerator_peaks = peaks_in(*a.fit, req.numerator);
      r.denominator_peaks = peaks_in(*a.fit, req.denominator);
      if (r.numerator_peaks.empty() || r.denominator_peaks.empty())
        throw InvalidArgument(
            "peaks: no fitted peak has its centre in " +
            std::string(r.numerator_peaks.empty() ? "the numerator" : "the denominator") +
            " range of the ratio");
      for (auto k : r.numerator_peaks) r.numerator += a.fit->peaks[k].peak.area;
      for (auto k : r.denominator_peaks) r.denominator += a.fit->peaks[k].peak.area;
      if (r.denominator == 0) throw NumericalError("peaks: the denominator area is 0");
      const double va = a.fit->area_sum_covariance(r.numerator_peaks, r.numerator_peaks);
      const double vb = a.fit->area_sum_covariance(r.denominator_peaks, r.denominator_peaks);
      const double cab = a.fit->area_sum_covariance(r.numerator_peaks, r.denominator_peaks);
      r.numerator_err = va >= 0 ? std::sqrt(va) : std::numeric_limits<double>::quiet_NaN();
      r.denominator_err = vb >= 0 ? std::sqrt(vb) : std::numeric_limits<double>::quiet_NaN();
      r.ratio = r.numerator / r.denominator;
      r.ratio_err = ratio_stderr(r.numerator, r.denominator, va, vb, cab);
    }
    a.ratios.push_back(std::move(r));
  }
  return a;
}

}  // namespace solyte::peaks
