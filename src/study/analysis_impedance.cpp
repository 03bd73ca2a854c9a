// Study analyses of impedance data: σ_DC of every spectrum of a series (METHODS §2), the
// Arrhenius regimes, transitions and hysteresis of a sample (§3), and electric-modulus
// relaxation fits (§7). Each returns a task result (task.hpp).
#include "study/analysis_impedance.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "solyte/constants.hpp"
#include "solyte/eis/dc_conductivity.hpp"
#include "solyte/eis/representations.hpp"
#include "solyte/error.hpp"
#include "solyte/io/read_spectra.hpp"
#include "solyte/relax/modulus_fit.hpp"
#include "solyte/transport/arrhenius.hpp"
#include "solyte/units.hpp"
#include "study/option_values.hpp"

namespace solyte::study::detail {

namespace {

std::string what_of(const TaskInput& in) {
  return "sample '" + in.sample->name + "', " +
         std::string(to_string(in.measurement->kind)) + " entry on line " +
         std::to_string(in.measurement->line);
}

// Geometry from the measurement's options, else the sample's properties.
std::optional<PelletGeometry> geometry_of(const TaskInput& in) {
  for (const Options* o : {&in.options, &in.sample->properties}) {
    OptionReader r(*o, in.manifest->path, what_of(in));
    const auto d = r.length_m("diameter");
    const auto a = r.area_m2("area");
    const auto l = r.length_m("thickness");
    if (!d && !a && !l) continue;
    if (!l || (!d && !a)) r.fail(l ? "diameter" : "thickness",
                                 "a pellet geometry needs a thickness and a diameter or area");
    return d ? PelletGeometry::from_diameter(*d, *l) : PelletGeometry{*a, *l};
  }
  return std::nullopt;
}

std::vector<Spectrum> read_series(const TaskInput& in, const PelletGeometry* geometry) {
  io::ReadOptions ro;
  ro.temperature_from_name = true;
  if (geometry) ro.geometry = *geometry;
  std::vector<Spectrum> all;
  for (const auto& f : in.measurement->files) {
    auto s = io::read_spectra(f, ro);
    for (auto& x : s) {
      if (in.measurement->run != ThermalRun::unknown) x.meta.run = in.measurement->run;
      all.push_back(std::move(x));
    }
  }
  return all;
}

Json vec(const std::vector<double>& v) { return Json(v); }

}  // namespace

Json run_conductivity(const TaskInput& in) {
  OptionReader r(in.options, in.manifest->path, what_of(in), in.measurement->line);
  r.allow_only({"diameter", "thickness", "area", "slope_tolerance", "flat_tolerance",
                "slope_window", "min_points", "min_width", "lowest", "form", "max_segments",
                "min_points_per_segment", "jump_threshold", "breakpoint_parameters",
                "criterion"});
  eis::PlateauOptions p;
  if (auto v = r.number("slope_tolerance")) p.slope_tolerance = *v;
  if (auto v = r.number("flat_tolerance")) p.flat_tolerance = *v;
  if (auto v = r.integer("slope_window")) p.slope_half_window = static_cast<std::size_t>(*v);
  if (auto v = r.integer("min_points")) p.min_points = static_cast<std::size_t>(*v);
  if (auto v = r.number("min_width")) p.min_width_decades = *v;
  if (auto v = r.flag("lowest")) p.prefer_lowest = *v;
  const auto geometry = geometry_of(in);
  const auto spectra = read_series(in, geometry ? &*geometry : nullptr);

  Json out = Json::object();
  Json plots = Json::array();
  for (const Spectrum& s : spectra) {
    if (!s.meta.geometry)
      throw InvalidArgument(s.label() + ": no pellet geometry; give diameter and thickness in "
                            "the sample or the impedance entry of '" + in.sample->name + "'");
    const auto& T = s.meta.temperature_k;
    const auto c = eis::dc_conductivity(s, *s.meta.geometry, p);
    const Spectrum sorted = sorted_by_frequency(s);
    add_row(out, "spectra",
            {{"file", s.meta.source_file}, {"index", s.meta.index_in_file},
             {"format", s.meta.format}, {"run", std::string(to_string(s.meta.run))},
             {"temperature_k", T ? Json(*T) : Json()},
             {"temperature_source", std::string(to_string(s.meta.temperature_source))},
             {"n_points", s.size()}, {"f_min_hz", sorted.frequency_hz.front()},
             {"f_max_hz", sorted.frequency_hz.back()},
             {"area_m2", s.meta.geometry->area_m2}, {"thickness_m", s.meta.geometry->thickness_m}});
    const bool has = c.quality != eis::PlateauQuality::none;
    add_row(out, "conductivities",
            {{"file", s.meta.source_file}, {"index", s.meta.index_in_file},
             {"run", std::string(to_string(s.meta.run))},
             {"temperature_k", T ? Json(*T) : Json()},
             {"sigma_s_per_cm", c.sigma_s_per_m ? Json(*c.sigma_s_per_m * 0.01) : Json()},
             {"sigma_err_s_per_cm", c.sigma_s_per_m ? Json(c.sigma_err_s_per_m * 0.01) : Json()},
             {"plateau_low_hz", has ? Json(c.band.f_low_hz) : Json()},
             {"plateau_high_hz", has ? Json(c.band.f_high_hz) : Json()},
             {"quality", std::string(to_string(c.quality))},
             {"sigma_arc_s_per_cm", c.arc_sigma_s_per_m ? Json(*c.arc_sigma_s_per_m * 0.01) : Json()},
             {"message", c.message}});
    if (!T) add_note(out, s.label() + ": no temperature in the file or its name; left out of "
                                      "the Arrhenius analysis");
    std::vector<double> zr, zi, sig;
    for (const auto& z : sorted.impedance_ohm) {
      zr.push_back(z.real());
      zi.push_back(z.imag());
    }
    eis::real_conductivity(sorted, *s.meta.geometry, sig);
    for (double& x : sig) x *= 0.01;  // S/cm for the figures
    plots.push_back({{"label", s.label()}, {"temperature_k", T ? Json(*T) : Json()},
                     {"run", std::string(to_string(s.meta.run))},
                     {"f_hz", vec(sorted.frequency_hz)}, {"z_real_ohm", vec(zr)},
                     {"z_imag_ohm", vec(zi)}, {"sigma_real_s_per_cm", vec(sig)},
                     {"plateau", has ? Json::array({c.band.f_low_hz, c.band.f_high_hz}) : Json()},
                     {"sigma_dc_s_per_cm",
                      c.sigma_s_per_m ? Json(*c.sigma_s_per_m * 0.01) : Json()}});
    for (const auto& w : s.meta.warnings) add_note(out, s.label() + ": " + w);
  }
  out["plots"]["spectra"] = std::move(plots);
  out["method"] = {{"slope_tolerance", p.slope_tolerance}, {"flat_tolerance", p.flat_tolerance},
                   {"slope_half_window", p.slope_half_window}, {"min_points", p.min_points},
                   {"min_width_decades", p.min_width_decades},
                   {"choice", p.prefer_lowest ? "lowest" : "widest"}};
  return out;
}

transport::ArrheniusOptions arrhenius_options(const TaskInput& in, const Options& o) {
  OptionReader r(o, in.manifest->path, "sample '" + in.sample->name + "', Arrhenius options");
  transport::ArrheniusOptions a;
  if (auto v = r.choice("form", {"sigmaT", "sigma"})) a.form = *v == "sigma"
      ? transport::ArrheniusForm::sigma : transport::ArrheniusForm::sigma_t;
  if (auto v = r.integer("max_segments")) a.max_segments = static_cast<std::size_t>(*v);
  if (auto v = r.integer("min_points_per_segment"))
    a.min_points_per_segment = static_cast<std::size_t>(*v);
  if (auto v = r.number("jump_threshold")) a.jump_threshold_decades = *v;
  if (auto v = r.number("breakpoint_parameters")) a.breakpoint_parameters = *v;
  if (auto v = r.choice("criterion", {"bic", "aic", "aicc"}))
    a.criterion = *v == "aic" ? transport::InformationCriterion::aic
                  : *v == "aicc" ? transport::InformationCriterion::aicc
                                 : transport::InformationCriterion::bic;
  return a;
}

namespace {

std::string run_name(ThermalRun r) {
  return r == ThermalRun::unknown ? std::string("all") : std::string(to_string(r));
}

// Scalars named "<prefix><key>"; with `rows` also the regimes and transitions of this run.
void describe_fit(Json& out, const std::string& prefix, const std::string& run,
                  const transport::ArrheniusResult& a, const std::string& method, bool rows) {
  const double meV = 1000.0;
  for (std::size_t i = 0; rows && i < a.regimes.size(); ++i) {
    const auto& g = a.regimes[i];
    add_row(out, "arrhenius_regimes",
            {{"run", run}, {"regime", i}, {"t_min_k", g.t_min_k}, {"t_max_k", g.t_max_k},
             {"n_points", g.n_points}, {"ea_ev", g.ea_ev}, {"ea_err_ev", g.ea_err_ev},
             {"ln_sigma0", g.ln_sigma0}, {"ln_sigma0_err", g.ln_sigma0_err},
             {"r_squared", g.r_squared},
             {"form", a.form == transport::ArrheniusForm::sigma ? "sigma" : "sigmaT"}});
  }
  for (std::size_t i = 0; rows && i < a.transitions.size(); ++i) {
    const auto& t = a.transitions[i];
    add_row(out, "transitions",
            {{"run", run}, {"kind", t.kind == transport::TransitionKind::jump ? "jump" : "crossover"},
             {"temperature_k", t.temperature_k}, {"t_below_k", t.t_below_k},
             {"t_above_k", t.t_above_k}, {"jump_decades", t.jump_decades},
             {"jump_err_decades", t.jump_err_decades}});
  }
  if (a.regimes.empty()) return;
  const auto& low = a.regimes.front();
  const auto& high = a.regimes.back();
  add_scalar(out, prefix + "ea_low_meV", low.ea_ev * meV, "meV", method + ", lowest-temperature regime");
  add_scalar(out, prefix + "ea_high_meV", high.ea_ev * meV, "meV", method + ", highest-temperature regime");
  add_scalar(out, prefix + "ln_sigma0_low", low.ln_sigma0, "", method + ", lowest-temperature regime");
  add_scalar(out, prefix + "ln_sigma0_high", high.ln_sigma0, "", method + ", highest-temperature regime");
  add_scalar(out, prefix + "regimes", static_cast<double>(a.regimes.size()), "", method);
  if (a.sigma_ref_s_per_m) {
    add_scalar(out, prefix + "sigma_25C_S_per_cm", *a.sigma_ref_s_per_m * 0.01, "S/cm",
               method + (a.sigma_ref_extrapolated ? ", extrapolated" : ", from the covering regime"));
    add_scalar(out, prefix + "sigma_25C_mS_per_cm", *a.sigma_ref_s_per_m * 10.0, "mS/cm",
               method + (a.sigma_ref_extrapolated ? ", extrapolated" : ", from the covering regime"));
  }
  if (a.t_superionic_k)
    add_scalar(out, prefix + "t_superionic_C", kelvin_to_celsius(*a.t_superionic_k), "°C",
               "lowest temperature where sigma reaches 1 mS/cm");
  const transport::Transition* biggest = nullptr;
  for (const auto& t : a.transitions)
    if (t.kind == transport::TransitionKind::jump &&
        (!biggest || std::abs(t.jump_decades) > std::abs(biggest->jump_decades)))
      biggest = &t;
  if (biggest) {
    add_scalar(out, prefix + "transition_C", kelvin_to_celsius(biggest->temperature_k), "°C",
               "midpoint of the largest conductivity jump");
    add_scalar(out, prefix + "transition_decades", biggest->jump_decades, "decades",
               "log10 sigma above minus below at the transition");
  }
}

}  // namespace

Json run_arrhenius(const TaskInput& in) {
  Json out = Json::object();
  std::vector<transport::ConductivityPoint> by_run[3];  // unknown, heating, cooling
  Options opts;
  for (const Json* d : in.dependencies) {
    for (const auto& row : (*d)["rows"]["conductivities"]) {
      if (row["temperature_k"].is_null() || row["sigma_s_per_cm"].is_null()) continue;
      transport::ConductivityPoint p;
      p.temperature_k = row["temperature_k"].get<double>();
      p.sigma_s_per_m = row["sigma_s_per_cm"].get<double>() * 100.0;
      p.sigma_err_s_per_m = row["sigma_err_s_per_cm"].get<double>() * 100.0;
      const std::string run = row["run"].get<std::string>();
      p.run = run == "heating" ? ThermalRun::heating
              : run == "cooling" ? ThermalRun::cooling : ThermalRun::unknown;
      p.label = row["file"].get<std::string>();
      by_run[static_cast<int>(p.run)].push_back(p);
    }
  }
  // Arrhenius options come from the sample's first impedance entry (merged with defaults).
  for (const auto& m : in.sample->measurements)
    if (m.kind == MeasurementKind::impedance) {
      opts = in.manifest->options_for(m.kind, m.options);
      break;
    }
  const auto a_opts = arrhenius_options(in, opts);
  const std::string method =
      std::string(a_opts.form == transport::ArrheniusForm::sigma ? "ln sigma" : "ln(sigma T)") +
      " vs 1/T, piecewise-linear regimes by BIC";
  Json plots = Json::object();
  const ThermalRun order[] = {ThermalRun::heating, ThermalRun::unknown, ThermalRun::cooling};
  bool main_done = false;
  for (ThermalRun run : order) {
    auto& pts = by_run[static_cast<int>(run)];
    if (pts.size() < 2) {
      if (!pts.empty()) add_note(out, run_name(run) + " run: one point only; no Arrhenius fit");
      continue;
    }
    const auto a = transport::fit_arrhenius(pts, a_opts);
    describe_fit(out, run_name(run) + "/", run_name(run), a, method, true);
    if (!main_done) {  // the first run present (heating first) also gives the plain names
      describe_fit(out, "", "", a, method, false);
      main_done = true;
    }
    if (!a.note.empty()) add_note(out, run_name(run) + " run: " + a.note);
    Json p = Json::array();
    for (const auto& x : a.points) p.push_back({x.temperature_k, x.sigma_s_per_m * 0.01});
    Json lines = Json::array();
    for (const auto& g : a.regimes)
      lines.push_back({{"t_min_k", g.t_min_k}, {"t_max_k", g.t_max_k}, {"ea_ev", g.ea_ev},
                       {"ln_sigma0", g.ln_sigma0}});
    plots[run_name(run)] = {{"points", p}, {"regimes", lines},
                            {"form", a.form == transport::ArrheniusForm::sigma ? "sigma" : "sigmaT"}};
  }
  auto& heat = by_run[static_cast<int>(ThermalRun::heating)];
  auto& cool = by_run[static_cast<int>(ThermalRun::cooling)];
  if (heat.size() >= 2 && cool.size() >= 2) {
    const auto cmp = transport::compare_runs(heat, cool, a_opts);
    for (const auto& h : cmp.hysteresis) {
      add_row(out, "hysteresis", {{"t_heating_k", h.t_heating_k}, {"t_cooling_k", h.t_cooling_k},
                                  {"hysteresis_k", h.hysteresis_k}});
    }
    if (!cmp.hysteresis.empty())
      add_scalar(out, "hysteresis_K", cmp.hysteresis.front().hysteresis_k, "K",
                 "transition temperature on heating minus on cooling");
  }
  if (!main_done) add_note(out, "no temperature series with two or more conductivities");
  out["plots"]["arrhenius"] = std::move(plots);
  return out;
}

Json run_modulus(const TaskInput& in) {
  OptionReader r(in.options, in.manifest->path, what_of(in), in.measurement->line);
  r.allow_only({"diameter", "thickness", "area", "model", "temperature", "fmin", "fmax", "real",
                "weight"});
  relax::ModulusFitOptions mo;
  if (auto v = r.text("model")) {
    try {
      mo.model = relax::parse_relaxation_model(*v);
    } catch (const InvalidArgument& e) {
      r.fail("model", e.what());
    }
  }
  if (auto v = r.text("fmin")) mo.f_min_hz = parse_frequency_hz(*v);
  if (auto v = r.text("fmax")) mo.f_max_hz = parse_frequency_hz(*v);
  if (auto v = r.flag("real")) mo.fit_real_part = *v;
  if (auto v = r.choice("weight", {"unit", "proportional"}))
    mo.weight = *v == "unit" ? relax::ModulusWeight::unit : relax::ModulusWeight::proportional;
  const auto target = r.temperature_k("temperature");
  const auto geometry = geometry_of(in);
  auto spectra = read_series(in, geometry ? &*geometry : nullptr);
  if (target) {  // the spectrum nearest to the requested temperature
    const Spectrum* best = nullptr;
    for (const auto& s : spectra)
      if (s.meta.temperature_k &&
          (!best || std::abs(*s.meta.temperature_k - *target) <
                        std::abs(*best->meta.temperature_k - *target)))
        best = &s;
    if (!best) r.fail("temperature", "no spectrum of this entry has a temperature");
    Spectrum keep = *best;
    spectra = {keep};
  }
  Json out = Json::object();
  Json plots = Json::array();
  const std::string model(relax::to_string(mo.model));
  for (const Spectrum& s : spectra) {
    if (!s.meta.geometry)
      throw InvalidArgument(s.label() + ": no pellet geometry for the modulus fit");
    const auto f = relax::fit_modulus(s, *s.meta.geometry, mo);
    const auto& T = s.meta.temperature_k;
    add_row(out, "modulus_fits",
            {{"file", s.meta.source_file}, {"index", s.meta.index_in_file},
             {"temperature_k", T ? Json(*T) : Json()}, {"model", model},
             {"beta", f.shape.beta}, {"beta_err", f.shape_err.beta}, {"alpha", f.shape.alpha},
             {"gamma", f.shape.gamma}, {"tau_s", f.tau_s}, {"tau_err_s", f.tau_err_s},
             {"mean_tau_s", std::isfinite(f.mean_tau_s) ? Json(f.mean_tau_s) : Json()},
             {"m_inf", f.m_inf}, {"peak_frequency_hz", f.peak_frequency_hz},
             {"sigma_dc_s_per_cm", f.sigma_dc_s_per_m ? Json(*f.sigma_dc_s_per_m * 0.01) : Json()},
             {"status", std::string(fit::to_string(f.report.status))},
             {"reduced_chi2", f.report.reduced_chi2}, {"message", f.message}});
    if (spectra.size() == 1) {
      const std::string method = model + " fit of M''(f)" + (mo.fit_real_part ? " and M'(f)" : "");
      add_scalar(out, "beta", f.shape.beta, "", method);
      add_scalar(out, "tau_ms", f.tau_s * 1e3, "ms", method);
      add_scalar(out, "peak_Hz", f.peak_frequency_hz, "Hz", method + ", maximum of the fitted M''");
      if (T) add_scalar(out, "temperature_C", kelvin_to_celsius(*T), "°C", "spectrum fitted");
    }
    // M'' of the data and of the fitted model, for the figure.
    const Spectrum sorted = sorted_by_frequency(s);
    const double c0 = s.meta.geometry->vacuum_capacitance_f();
    std::vector<double> m2, fit_f, fit_m2;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
      const double w = 2 * constants::pi * sorted.frequency_hz[i];
      m2.push_back(w * c0 * sorted.impedance_ohm[i].real());
    }
    const double lo = std::log10(sorted.frequency_hz.front()), hi = std::log10(sorted.frequency_hz.back());
    for (int k = 0; k <= 200; ++k) {
      const double fk = std::pow(10.0, lo + (hi - lo) * k / 200.0);
      fit_f.push_back(fk);
      fit_m2.push_back(relax::electric_modulus(mo.model, f.m_inf, f.tau_s, f.shape,
                                               2 * constants::pi * fk).imag());
    }
    plots.push_back({{"label", s.label()}, {"temperature_k", T ? Json(*T) : Json()},
                     {"model", model}, {"beta", f.shape.beta}, {"f_hz", sorted.frequency_hz},
                     {"m2", m2}, {"fit_f_hz", fit_f}, {"fit_m2", fit_m2}});
    if (!f.report.usable()) add_note(out, s.label() + ": modulus fit " + f.message);
  }
  out["plots"]["modulus"] = std::move(plots);
  return out;
}

}  // namespace solyte::study::detail
