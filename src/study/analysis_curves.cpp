#include "study/analysis_curves.hpp"

#include <algorithm>
#include <cmath>

#include "core/format_number.hpp"
#include "solyte/echem/critical_current.hpp"
#include "solyte/echem/cyclic_voltammetry.hpp"
#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "solyte/peaks/analysis.hpp"
#include "solyte/peaks/bands.hpp"
#include "solyte/thermal/dsc.hpp"
#include "solyte/units.hpp"
#include "study/option_values.hpp"

namespace solyte::study::detail {

namespace {

std::string num(double v) { return solyte::detail::format_number(v, 6); }

std::string what_of(const TaskInput& in) {
  return "sample '" + in.sample->name + "', " + std::string(to_string(in.measurement->kind)) +
         " entry on line " + std::to_string(in.measurement->line);
}

// The one record of an entry: its single file, record `record` (1-based) of it.
Measurement record_of(const TaskInput& in, const OptionReader& r, std::optional<Technique> hint) {
  if (in.measurement->files.size() != 1)
    r.fail("files", "expected one file for this entry, found " +
                        std::to_string(in.measurement->files.size()) +
                        " (give each measurement its own entry)");
  io::ReadOptions ro;
  ro.technique = hint;
  auto records = io::read_measurements(in.measurement->files.front(), ro);
  const long k = r.integer("record").value_or(1);
  if (k < 1 || static_cast<std::size_t>(k) > records.size())
    r.fail("record", "the file holds " + std::to_string(records.size()) + " record(s)");
  return std::move(records[static_cast<std::size_t>(k - 1)]);
}

Json vec(std::span<const double> v) { return Json(std::vector<double>(v.begin(), v.end())); }

Json opt(const std::optional<double>& v) { return v ? Json(*v) : Json(); }

double volts(std::string_view s) { return parse_potential_v(s); }
double plain(std::string_view s) { return parse_number(s, "a number"); }

// Every n-th point, so that a figure of a long record stays small.
std::vector<double> thin(std::span<const double> v, std::size_t max_points) {
  const std::size_t step = std::max<std::size_t>(1, v.size() / max_points);
  std::vector<double> out;
  for (std::size_t i = 0; i < v.size(); i += step) out.push_back(v[i]);
  return out;
}

}  // namespace

Json run_cv(const TaskInput& in) {
  OptionReader r(in.options, in.manifest->path, what_of(in), in.measurement->line);
  r.allow_only({"record", "area", "edge", "cycle", "baseline_window", "search_window",
                "charge_window", "threshold", "k", "smoothing"});
  const Measurement m = record_of(in, r, Technique::cyclic_voltammetry);
  echem::CvOptions c;
  c.area_m2 = r.area_m2("area");
  if (auto e = r.text("edge")) {
    c.methods.clear();
    std::string_view v = *e;
    while (!v.empty()) {
      const auto comma = v.find(',');
      const auto method = echem::edge_method_from_string(v.substr(0, comma));
      if (!method) r.fail("edge", "expected tangent, threshold or deviation");
      c.methods.push_back(*method);
      if (comma == std::string_view::npos) break;
      v.remove_prefix(comma + 1);
    }
  }
  if (auto v = r.integer("cycle")) c.cycle = static_cast<int>(*v);
  c.edge.baseline_window_v = r.range("baseline_window", volts);
  c.edge.search_window_v = r.range("search_window", volts);
  c.charge_window_v = r.range("charge_window", volts);
  if (auto t = r.text("threshold")) {
    try {
      if (t->find('/') != std::string::npos)
        c.edge.threshold_a_per_m2 = parse_current_density_a_per_m2(*t);
      else
        c.edge.threshold_a = parse_current_a(*t);
    } catch (const InvalidArgument& e) {
      r.fail("threshold", e.what());
    }
  }
  if (auto k = r.number("k")) c.edge.deviation_k = *k;
  if (auto s = r.quantity("smoothing", volts)) c.edge.smoothing_v = *s;
  const auto a = echem::analyse_cv(m, c);
  Json out = Json::object();
  const auto area = c.area_m2 ? c.area_m2 : m.meta.electrode_area_m2;
  for (const auto& n : a.notes) add_note(out, n);
  bool first = true;
  for (const auto& cy : a.cycles) {
    for (const auto& e : cy.edges) {
      add_row(out, "cv_edges",
              {{"cycle", cy.cycle},
               {"method", std::string(echem::to_string(e.method))},
               {"edge_v", opt(e.edge_v)},
               {"baseline_from_v", e.baseline_window_v.first},
               {"baseline_to_v", e.baseline_window_v.second},
               {"baseline_auto", e.baseline_window_auto},
               {"steepest_v", e.steepest_v},
               {"criterion_a", e.criterion_a},
               {"message", e.message}});
      if (first && e.edge_v && &e == &cy.edges.front()) {
        const std::string method = std::string(echem::to_string(e.method)) + " edge, cycle " +
                                   std::to_string(cy.cycle) + ", baseline " +
                                   num(e.baseline_window_v.first) + "-" +
                                   num(e.baseline_window_v.second) + " V";
        add_scalar(out, "edge_V", *e.edge_v, "V", method);
        add_scalar(out, std::string("edge_") + std::string(echem::to_string(e.method)) + "_V",
                   *e.edge_v, "V", method);
      }
    }
    for (const auto& p : cy.peaks)
      add_row(out, "cv_peaks",
              {{"cycle", cy.cycle},
               {"direction", std::string(echem::to_string(p.direction))},
               {"potential_v", p.potential_v},
               {"current_a", p.current_a},
               {"prominence_a", p.prominence_a}});
    if (first) {
      for (std::size_t k = 1; k < cy.edges.size(); ++k)
        if (cy.edges[k].edge_v)
          add_scalar(
              out, std::string("edge_") + std::string(echem::to_string(cy.edges[k].method)) + "_V",
              *cy.edges[k].edge_v, "V", "cycle " + std::to_string(cy.cycle));
      if (cy.charge) {
        add_scalar(out, "charge_ratio", cy.charge->ratio, "",
                   "cathodic/anodic charge over " + num(cy.charge->window_v.first) + "-" +
                       num(cy.charge->window_v.second) +
                       " V: " + std::string(echem::reversibility(cy.charge->ratio)));
      }
      std::size_t anodic_peaks = 0;
      for (const auto& p : cy.peaks) anodic_peaks += p.direction == echem::SweepDirection::anodic;
      add_scalar(out, "anodic_peaks", static_cast<double>(anodic_peaks), "",
                 "on the first cycle's anodic sweep");
      // Figure: the first analysed cycle, current density against potential.
      const auto& e = m.require(Quantity::potential).values;
      const auto& i = m.require(Quantity::current).values;
      const std::size_t b = cy.anodic.begin, end = cy.reverse ? cy.reverse->end : cy.anodic.end;
      std::vector<double> ee(e.begin() + b, e.begin() + end), jj(i.begin() + b, i.begin() + end);
      if (area)
        for (double& x : jj) x /= *area * 10.0;  // A/m² → mA/cm²
      Json edges = Json::array();
      for (const auto& x : cy.edges)
        if (x.edge_v)
          edges.push_back(
              {{"method", std::string(echem::to_string(x.method))}, {"edge_v", *x.edge_v}});
      out["plots"]["cv"] = {{"cycle", cy.cycle},
                            {"potential_v", thin(ee, 3000)},
                            {"current", thin(jj, 3000)},
                            {"current_unit", area ? "mA/cm²" : "A"},
                            {"edges", edges}};
      first = false;
    }
  }
  out["method"] = {{"area_m2", opt(area)},
                   {"smoothing_v", c.edge.smoothing_v},
                   {"deviation_k", c.edge.deviation_k}};
  if (!area) add_note(out, "no electrode area: currents in A and no threshold edge");
  return out;
}

Json run_ccd(const TaskInput& in) {
  OptionReader r(in.options, in.manifest->path, what_of(in), in.measurement->line);
  r.allow_only(
      {"record", "area", "current", "alternate", "sweep_time", "drop_fraction", "short_voltage"});
  const Measurement m = record_of(in, r, Technique::galvanostatic);
  echem::CcdOptions c;
  const auto area = r.area_m2("area");
  if (!area) r.fail("area", "expected the electrode area (area = \"0.785cm2\")");
  c.area_m2 = *area;
  c.constant_current_a =
      r.quantity("current", [](std::string_view s) { return parse_current_a(s); });
  c.alternate = r.flag("alternate").value_or(false);
  c.sweep_duration_s =
      r.quantity("sweep_time", [](std::string_view s) { return parse_duration_s(s); });
  if (auto f = r.number("drop_fraction")) c.drop_fraction = *f;
  if (auto v = r.quantity("short_voltage", volts)) c.short_voltage_v = *v;
  const auto a = echem::analyse_ccd(m, c);
  Json out = Json::object();
  for (const auto& n : a.notes) add_note(out, n);
  const double to_ma_cm2 = 0.1;  // A/m² → mA/cm²
  for (std::size_t k = 0; k < a.steps.size(); ++k) {
    const auto& s = a.steps[k];
    add_row(out, "ccd_steps",
            {{"step", k + 1},
             {"sweeps", s.sweeps},
             {"current_density_ma_per_cm2", s.current_density_a_per_m2 * to_ma_cm2},
             {"overpotential_v", s.overpotential_v},
             {"asr_ohm_cm2", s.asr_ohm_m2 * 1e4},
             {"peak_abs_v", s.peak_abs_v},
             {"event", s.event}});
  }
  for (const auto& e : a.events)
    add_row(out, "ccd_events",
            {{"kind", std::string(echem::to_string(e.kind))},
             {"time_s", e.time_s},
             {"sweep", e.sweep + 1},
             {"step", e.step + 1},
             {"current_density_ma_per_cm2", e.current_density_a_per_m2 * to_ma_cm2},
             {"v_before", e.v_before},
             {"v_after", e.v_after},
             {"drop", e.drop}});
  const std::string def = "drop of |V| by " + num(c.drop_fraction) +
                          " at constant current; short: |V| below " + num(c.short_voltage_v) + " V";
  if (a.penetration_ccd_a_per_m2)
    add_scalar(out, "penetration_ccd_mA_per_cm2", *a.penetration_ccd_a_per_m2 * to_ma_cm2, "mA/cm²",
               "first sweep with a sudden " + def);
  if (a.short_ccd_a_per_m2)
    add_scalar(out, "short_ccd_mA_per_cm2", *a.short_ccd_a_per_m2 * to_ma_cm2, "mA/cm²",
               "first sweep whose " + def.substr(def.find("short:") + 7));
  if (a.last_stable_a_per_m2)
    add_scalar(out, "last_stable_mA_per_cm2", *a.last_stable_a_per_m2 * to_ma_cm2, "mA/cm²",
               "highest step before the first event with no event");
  if (!a.steps.empty())
    add_scalar(out, "asr_first_step_ohm_cm2", a.steps.front().asr_ohm_m2 * 1e4, "Ω·cm²",
               "plateau |V| over |j| of the first step");
  const auto& t = m.require(Quantity::time).values;
  const auto& v = m.require(Quantity::potential).values;
  Json ev = Json::array();
  for (const auto& e : a.events)
    ev.push_back({{"kind", std::string(echem::to_string(e.kind))}, {"time_s", e.time_s}});
  out["plots"]["ccd"] = {{"time_s", thin(t, 4000)}, {"voltage_v", thin(v, 4000)}, {"events", ev}};
  return out;
}

Json run_dsc(const TaskInput& in) {
  OptionReader r(in.options, in.manifest->path, what_of(in), in.measurement->line);
  r.allow_only({"record", "mass", "rate", "exo", "sigma", "window"});
  const Measurement m = record_of(in, r, Technique::dsc);
  thermal::DscOptions c;
  if (auto e = r.choice("exo", {"up", "down"})) c.exo_up = *e == "up";
  c.heating_rate_k_per_s =
      r.quantity("rate", [](std::string_view s) { return parse_rate_k_per_s(s); });
  if (auto k = r.number("sigma")) c.detection_sigma = *k;
  if (auto w = r.range("window", [](std::string_view s) { return parse_temperature_k(s); }))
    c.windows_k.push_back(*w);
  const auto mass = r.quantity("mass", [](std::string_view s) { return parse_mass_kg(s); });
  const auto a = thermal::analyse_dsc(m, c, mass);
  Json out = Json::object();
  for (const auto& n : a.notes) add_note(out, n);
  std::size_t heating_events = 0;
  const thermal::DscEvent* main = nullptr;
  for (const auto& e : a.events) {
    const auto& seg = a.segments[e.segment];
    add_row(out, "dsc_events",
            {{"segment", e.segment + 1},
             {"scan", std::string(thermal::to_string(seg.direction))},
             {"direction", std::string(thermal::to_string(e.direction))},
             {"onset_k", opt(e.onset_k)},
             {"peak_k", e.peak_k},
             {"end_k", opt(e.end_k)},
             {"enthalpy_j_per_g", opt(e.enthalpy_j_per_g)},
             {"peak_excess_w_per_g", e.peak_excess_w_per_g},
             {"message", e.message}});
    if (seg.direction == thermal::ScanDirection::heating) {
      ++heating_events;
      if (!main || e.peak_excess_w_per_g > main->peak_excess_w_per_g) main = &e;
    }
  }
  add_scalar(out, "heating_events", static_cast<double>(heating_events), "",
             "events above " + num(c.detection_sigma) + " sigma on heating");
  if (main) {
    const std::string method = "largest event on heating, tangent construction";
    if (main->onset_k) add_scalar(out, "onset_C", *main->onset_k - 273.15, "°C", method);
    add_scalar(out, "peak_C", main->peak_k - 273.15, "°C", method);
    if (main->enthalpy_j_per_g)
      add_scalar(out, "enthalpy_J_per_g", *main->enthalpy_j_per_g, "J/g",
                 method + ", interpolated baseline");
  }
  const auto& temp = m.require(Quantity::temperature).values;
  const Column* q = m.find(Quantity::specific_heat_flow);
  if (!q) q = m.find(Quantity::heat_flow);
  Json segs = Json::array();
  for (const auto& s : a.segments) {
    std::vector<double> tt(temp.begin() + s.begin, temp.begin() + s.end);
    for (double& x : tt) x -= 273.15;
    Json sg = {{"scan", std::string(thermal::to_string(s.direction))},
               {"temperature_c", thin(tt, 2000)}};
    if (q)
      sg["heat_flow"] =
          thin(std::span<const double>(q->values).subspan(s.begin, s.end - s.begin), 2000);
    segs.push_back(sg);
  }
  Json ev = Json::array();
  for (const auto& e : a.events)
    ev.push_back({{"peak_c", e.peak_k - 273.15}, {"segment", e.segment}});
  out["plots"]["dsc"] = {{"segments", segs},
                         {"events", ev},
                         {"unit", q && q->quantity == Quantity::heat_flow ? "W" : "W/g"},
                         {"exo_up", a.exo_up}};
  return out;
}

Json run_bands(const TaskInput& in) {
  OptionReader r(in.options, in.manifest->path, what_of(in), in.measurement->line);
  r.allow_only({"record", "range", "baseline", "model", "positions", "fix_positions", "tie_widths",
                "ratio", "ratio_source", "band", "max_peaks"});
  const MeasurementKind kind = in.measurement->kind;
  const Technique hint = kind == MeasurementKind::nmr     ? Technique::nmr
                         : kind == MeasurementKind::raman ? Technique::raman
                                                          : Technique::infrared;
  const Measurement m = record_of(in, r, hint);
  // x: the spectrum's axis, else the first column of a headerless file.
  const Column* xc =
      m.find(kind == MeasurementKind::nmr ? Quantity::chemical_shift : Quantity::wavenumber);
  if (!xc && !m.columns.empty() && m.columns.front().quantity == Quantity::other)
    xc = &m.columns.front();
  const Column* yc = m.find(Quantity::intensity);
  if (!yc && m.columns.size() >= 2) yc = &m.columns[1];
  if (!xc || !yc) r.fail("files", "the record has no spectrum axis and intensity columns");
  peaks::PeakAnalysisOptions o;
  o.range = r.range("range", plain);
  if (auto b = r.text("baseline")) {
    const auto method = peaks::baseline_method_from_string(*b);
    if (!method) r.fail("baseline", "expected none, polynomial, snip or als");
    o.baseline.method = *method;
  }
  if (auto s = r.text("model")) {
    const auto shape = peaks::shape_from_string(*s);
    if (!shape) r.fail("model", "expected gaussian, lorentzian, pseudo-voigt or voigt");
    o.shape = *shape;
  }
  o.positions = r.numbers("positions");
  o.fix_positions = r.flag("fix_positions").value_or(false);
  o.tie_widths = r.flag("tie_widths").value_or(false);
  if (auto n = r.integer("max_peaks")) o.detect.max_peaks = static_cast<std::size_t>(*n);
  if (auto ratio = r.text("ratio")) {
    const auto slash = ratio->find('/');
    if (slash == std::string::npos)
      r.fail("ratio", "expected A:B/C:D (numerator/denominator ranges)");
    auto part = [&](std::string_view t) {
      const auto colon = t.find(':');
      if (colon == std::string_view::npos) r.fail("ratio", "expected A:B/C:D");
      try {
        return std::pair<double, double>{plain(t.substr(0, colon)), plain(t.substr(colon + 1))};
      } catch (const InvalidArgument& e) {
        r.fail("ratio", e.what());
      }
    };
    o.ratios.push_back({part(std::string_view(*ratio).substr(0, slash)),
                        part(std::string_view(*ratio).substr(slash + 1))});
  }
  if (auto src = r.choice("ratio_source", {"integral", "fit"}))
    o.ratio_source = *src == "fit" ? peaks::AreaSource::fit : peaks::AreaSource::integral;
  const auto band = r.range("band", plain);
  const auto a = peaks::analyse_peaks(xc->values, yc->values, o);
  Json out = Json::object();
  for (const auto& n : a.notes) add_note(out, n);
  const std::string unit = kind == MeasurementKind::nmr ? "ppm" : "1/cm";
  const std::string base = std::string(peaks::to_string(o.baseline.method)) + " baseline, " +
                           std::string(peaks::to_string(o.shape)) + " peaks";
  if (a.fit)
    for (std::size_t k = 0; k < a.fit->peaks.size(); ++k) {
      const auto& p = a.fit->peaks[k];
      add_row(out, "bands",
              {{"peak", k + 1},
               {"shape", std::string(peaks::to_string(p.peak.shape))},
               {"center", p.peak.center},
               {"center_err", p.center_err},
               {"area", p.peak.area},
               {"area_err", p.area_err},
               {"fwhm", p.total_fwhm},
               {"unit", unit}});
    }
  for (std::size_t k = 0; k < a.ratios.size(); ++k) {
    const auto& q = a.ratios[k];
    add_row(out, "band_ratios",
            {{"numerator_from", q.request.numerator.first},
             {"numerator_to", q.request.numerator.second},
             {"denominator_from", q.request.denominator.first},
             {"denominator_to", q.request.denominator.second},
             {"source", std::string(peaks::to_string(q.source))},
             {"numerator_area", q.numerator},
             {"denominator_area", q.denominator},
             {"ratio", q.ratio},
             {"ratio_err", q.ratio_err},
             {"unit", unit}});
    if (k == 0) {
      const std::string method = "area over " + num(q.request.numerator.first) + ":" +
                                 num(q.request.numerator.second) + " / area over " +
                                 num(q.request.denominator.first) + ":" +
                                 num(q.request.denominator.second) + " " + unit + " (" +
                                 std::string(peaks::to_string(q.source)) + "), " + base;
      add_scalar(out, "ratio", q.ratio, "", method);
      add_scalar(out, "ratio_err", q.ratio_err, "", method);
    }
  }
  if (band) {
    // Centre of the band: the fitted position of its strongest peak, else the centroid of the
    // baseline-corrected curve over it (a multiplet's position without assuming components).
    const double lo = std::min(band->first, band->second), hi = std::max(band->first, band->second);
    std::optional<double> centre;
    std::string method;
    const peaks::FittedPeak* strongest = nullptr;
    if (a.fit)
      for (const auto& p : a.fit->peaks)
        if (p.peak.center >= lo && p.peak.center <= hi &&
            (!strongest || p.peak.area > strongest->peak.area))
          strongest = &p;
    if (strongest) {
      centre = strongest->peak.center;
      method = "fitted centre of the strongest peak in " + num(lo) + ":" + num(hi) + " " + unit +
               " (± " + num(strongest->center_err) + ")";
    } else {
      double sw = 0, swx = 0;
      for (std::size_t i = 0; i < a.x.size(); ++i)
        if (a.x[i] >= lo && a.x[i] <= hi && a.corrected[i] > 0) {
          sw += a.corrected[i];
          swx += a.corrected[i] * a.x[i];
        }
      if (sw > 0) {
        centre = swx / sw;
        method = "centroid of the corrected band over " + num(lo) + ":" + num(hi) + " " + unit;
      }
    }
    if (centre) {
      add_scalar(out, kind == MeasurementKind::nmr ? "band_center_ppm" : "band_center_per_cm",
                 *centre, unit, method);
      if (kind != MeasurementKind::nmr && *centre >= 1000 && *centre <= 4000)
        add_scalar(out, "bh_bond_length_A", peaks::bh_bond_length_angstrom(*centre), "Å",
                   "r = 1.482 - 1.078e-4 nu (Hagemann et al. 2018) at the band centre");
    } else {
      add_note(out, "the band range holds no signal above the baseline");
    }
  }
  Json fit_curve = Json();
  if (a.fit && a.fit->model.size() == a.x.size()) {
    std::vector<double> f = a.fit->model;
    for (std::size_t i = 0; i < f.size(); ++i) f[i] += a.baseline.values[i];
    fit_curve = vec(f);
  }
  out["plots"]["bands"] = {
      {"x", vec(a.x)},    {"y", vec(a.y)}, {"baseline", vec(a.baseline.values)},
      {"fit", fit_curve}, {"unit", unit},  {"descending_axis", kind == MeasurementKind::nmr}};
  out["method"] = {{"baseline", std::string(peaks::to_string(o.baseline.method))},
                   {"shape", std::string(peaks::to_string(o.shape))}};
  return out;
}

Json run_bond_length(const TaskInput& in) {
  OptionReader r(in.options, in.manifest->path,
                 "[[comparison]] bond-length on line " + std::to_string(in.entry->line));
  r.allow_only({"a", "b", "measurement"});
  Json out = Json::object();
  auto centre = [&](const Json& res, const std::string& sample) -> std::optional<double> {
    const auto& sc = res["scalars"];
    if (sc.is_object() && sc.contains("band_center_per_cm"))
      return sc["band_center_per_cm"]["value"].get<double>();
    add_note(out, sample + ": its spectrum gives no band centre (give band = \"A:B\")");
    return std::nullopt;
  };
  const auto na = centre(*in.dependencies.at(0), r.text("a").value());
  const auto nb = centre(*in.dependencies.at(1), r.text("b").value());
  if (!na || !nb) return out;
  const double ra = peaks::bh_bond_length_angstrom(*na), rb = peaks::bh_bond_length_angstrom(*nb);
  const std::string method = "r = 1.482 - 1.078e-4 nu at the band centres: " + r.text("a").value() +
                             " " + num(*na) + ", " + r.text("b").value() + " " + num(*nb) + " 1/cm";
  add_scalar(out, "shift_per_cm", *na - *nb, "1/cm", method);
  add_scalar(out, "r_a_A", ra, "Å", method);
  add_scalar(out, "r_b_A", rb, "Å", method);
  add_scalar(out, "elongation_percent", (ra - rb) / rb * 100.0, "%", method);
  add_row(out, "bond_lengths",
          {{"sample_a", r.text("a").value()},
           {"sample_b", r.text("b").value()},
           {"center_a_per_cm", *na},
           {"center_b_per_cm", *nb},
           {"r_a_angstrom", ra},
           {"r_b_angstrom", rb},
           {"elongation_percent", (ra - rb) / rb * 100.0}});
  return out;
}

}  // namespace solyte::study::detail
