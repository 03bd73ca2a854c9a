#include "study/analysis_diffraction.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/format_number.hpp"
#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "solyte/units.hpp"
#include "solyte/xtal/pattern_fit.hpp"
#include "solyte/xtal/pattern_index.hpp"
#include "solyte/xtal/size_strain.hpp"
#include "solyte/xtal/space_group.hpp"
#include "study/option_values.hpp"

namespace solyte::study::detail {

namespace {

std::string num(double v) { return solyte::detail::format_number(v, 6); }

std::string what_of(const TaskInput& in) {
  return "sample '" + in.sample->name + "', diffraction entry on line " +
         std::to_string(in.measurement->line);
}

double plain(std::string_view s) { return parse_number(s, "a number"); }

std::string hkl_text(const std::vector<xtal::HklFamily>& f) {
  std::string s;
  for (const auto& h : f) {
    if (!s.empty()) s += "/";
    s += std::to_string(h.hkl[0]) + " " + std::to_string(h.hkl[1]) + " " + std::to_string(h.hkl[2]);
  }
  return s;
}

}  // namespace

Json run_diffraction(const TaskInput& in) {
  OptionReader r(in.options, in.manifest->path, what_of(in), in.measurement->line);
  r.allow_only({"record", "range", "wavelength", "wavelength2", "kalpha2_ratio", "cell",
                "spacegroup", "tolerance", "min_significance", "background_width", "scherrer_k",
                "phase"});
  if (in.measurement->files.size() != 1)
    r.fail("files", "expected one pattern file for this entry, found " +
                        std::to_string(in.measurement->files.size()));
  io::ReadOptions ro;
  ro.technique = Technique::diffraction;
  const auto records = io::read_measurements(in.measurement->files.front(), ro);
  const long k = r.integer("record").value_or(1);
  if (k < 1 || static_cast<std::size_t>(k) > records.size())
    r.fail("record", "the file holds " + std::to_string(records.size()) + " record(s)");
  const Measurement& m = records[static_cast<std::size_t>(k - 1)];
  const auto& tth_all = m.require(Quantity::two_theta).values;
  const auto& y_all = m.require(Quantity::intensity).values;
  const Column* sg = m.find(Quantity::intensity_sigma);
  const auto range = r.range("range", plain);
  std::vector<double> tth, y, sigma;
  for (std::size_t i = 0; i < tth_all.size(); ++i) {
    if (range && (tth_all[i] < range->first || tth_all[i] > range->second)) continue;
    tth.push_back(tth_all[i]);
    y.push_back(y_all[i]);
    if (sg) sigma.push_back(sg->values[i]);
  }
  if (tth.size() < 20) r.fail("range", "fewer than 20 points of the pattern in the range");

  // Radiation: the options, else the file's, else Cu Kα1 alone (stated in the notes).
  Json out = Json::object();
  xtal::Radiation rad;
  rad.lambda1 = r.number("wavelength").value_or(m.meta.wavelength_angstrom.value_or(0));
  if (rad.lambda1 <= 0) {
    rad.lambda1 = 1.5406;
    add_note(out, "no wavelength in the file or the options: Cu Kα1, 1.5406 Å, assumed");
  }
  rad.lambda2 = r.number("wavelength2").value_or(m.meta.wavelength2_angstrom.value_or(rad.lambda1));
  rad.ratio = r.number("kalpha2_ratio").value_or(m.meta.kalpha2_ratio.value_or(0));
  xtal::PeakSearchOptions so;
  so.radiation = rad;
  if (auto v = r.number("min_significance")) so.min_significance = *v;
  if (auto v = r.number("background_width")) so.background_width_deg = *v;
  const auto found = xtal::find_peaks(tth, y, sigma, so);
  if (found.empty()) {
    add_note(out, "no peak found in the pattern");
    return out;
  }
  const auto fit = xtal::fit_peaks(tth, y, sigma, found, {.radiation = rad});
  if (!fit.usable())
    add_note(out, std::to_string(fit.windows.size() - fit.converged_windows) + " of " +
                      std::to_string(fit.windows.size()) + " peak windows did not converge");
  std::vector<double> positions;
  for (const auto& p : fit.peaks) positions.push_back(p.two_theta_deg);

  std::optional<xtal::IndexResult> idx;
  const auto cell = r.numbers("cell");
  const auto group_text = r.text("spacegroup");
  if (!cell.empty() || group_text) {
    if (cell.empty() || !group_text)
      r.fail(cell.empty() ? "spacegroup" : "cell", "indexing needs both cell and spacegroup");
    xtal::SpaceGroup group;
    xtal::UnitCell start = xtal::UnitCell::cubic(1);
    try {
      group = xtal::find_space_group(*group_text);
    } catch (const InvalidArgument& e) {
      r.fail("spacegroup", e.what());
    }
    try {
      start = xtal::cell_from_parameters(cell, group);
    } catch (const InvalidArgument& e) {
      r.fail("cell", e.what());
    }
    xtal::IndexOptions io{.wavelength_angstrom = rad.lambda1};
    if (auto t = r.number("tolerance")) io.tolerance_deg = *t;
    try {
      idx = xtal::index_lines(positions, start, group, io);
    } catch (const InvalidArgument& e) {
      add_note(out, std::string("indexing: ") + e.what());
    }
  }
  const double kk = r.number("scherrer_k").value_or(0.9);
  std::vector<double> wh_t, wh_b;
  double scherrer_sum = 0;
  std::size_t scherrer_n = 0;
  for (std::size_t i = 0; i < fit.peaks.size(); ++i) {
    const auto& p = fit.peaks[i];
    const xtal::IndexedLine* line = idx ? &idx->lines[i] : nullptr;
    const bool assigned = line && line->two_theta_calc_deg.has_value();
    add_row(
        out, "diffraction_peaks",
        {{"two_theta_deg", p.two_theta_deg},
         {"two_theta_err_deg", p.two_theta_err},
         {"d_angstrom", rad.lambda1 / (2 * std::sin(p.two_theta_deg * std::numbers::pi / 360.0))},
         {"fwhm_deg", p.fwhm_deg},
         {"eta", p.eta},
         {"area", p.area},
         {"area_err", p.area_err},
         {"integral_breadth_deg", p.integral_breadth_deg},
         {"hkl", assigned ? Json(hkl_text(line->families)) : Json()},
         {"two_theta_calc_deg", assigned ? Json(*line->two_theta_calc_deg) : Json()}});
    // Size from the observed integral breadth (no instrumental correction in a study entry:
    // the sizes are lower bounds).
    if (assigned || !idx) {
      const double beta = p.integral_breadth_deg;
      if (beta > 0) {
        scherrer_sum += xtal::scherrer_size_angstrom(beta, p.two_theta_deg, rad.lambda1, kk);
        ++scherrer_n;
        wh_t.push_back(p.two_theta_deg);
        wh_b.push_back(beta);
      }
    }
  }
  add_scalar(out, "peaks", static_cast<double>(fit.peaks.size()), "",
             "peak search and pseudo-Voigt fits");
  if (idx) {
    const std::string method = "lines indexed against " + *group_text + " and refined (" +
                               std::to_string(idx->assigned) + " lines, rms " + num(idx->rms_deg) +
                               " deg)";
    add_scalar(out, "a_A", idx->cell.a(), "Å", method);
    add_scalar(out, "a_err_A", idx->cell_err[0], "Å", method);
    if (cell.size() >= 2) add_scalar(out, "c_A", idx->cell.c(), "Å", method);
    if (cell.size() >= 3) add_scalar(out, "b_A", idx->cell.b(), "Å", method);
    add_scalar(out, "lines_assigned", static_cast<double>(idx->assigned), "", method);
    add_scalar(out, "lines_unassigned", static_cast<double>(idx->lines.size() - idx->assigned), "",
               "fitted lines of no reflection of " + *group_text + " (another phase?)");
    add_scalar(out, "zero_shift_deg", idx->zero_shift_deg, "deg", method);
  }
  if (scherrer_n)
    add_scalar(out, "scherrer_size_nm", scherrer_sum / scherrer_n / 10.0, "nm",
               "mean Scherrer size from the integral breadths, K = " + num(kk) +
                   ", no instrumental correction (a lower bound)");
  if (wh_t.size() >= 3) {
    try {
      const auto wh = xtal::williamson_hall(wh_t, wh_b, rad.lambda1, kk);
      add_scalar(
          out, "wh_size_nm", wh.size_angstrom / 10.0, "nm",
          "Williamson-Hall over " + std::to_string(wh.n) + " lines, no instrumental correction");
      add_scalar(out, "wh_strain", wh.strain, "", "Williamson-Hall apparent strain");
    } catch (const std::exception& e) {
      add_note(out, std::string("Williamson-Hall: ") + e.what());
    }
  }
  // Figure: the pattern, the fitted peaks and the positions of the indexed reflections.
  std::vector<double> calc;
  if (idx)
    for (const auto& l : idx->lines)
      if (l.two_theta_calc_deg) calc.push_back(*l.two_theta_calc_deg);
  out["plots"]["pattern"] = {{"two_theta_deg", tth},
                             {"intensity", y},
                             {"peaks", positions},
                             {"calculated", calc},
                             {"phase", r.text("phase").value_or(group_text.value_or(""))}};
  out["method"] = {{"wavelength_angstrom", rad.lambda1},
                   {"kalpha2_ratio", rad.ratio},
                   {"min_significance", so.min_significance},
                   {"background_width_deg", so.background_width_deg}};
  return out;
}

}  // namespace solyte::study::detail
