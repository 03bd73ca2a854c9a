// solyte modulus — electric-modulus fits (KWW, Debye, Cole–Cole, Cole–Davidson, HN) and the
// master curve of a temperature series (METHODS.md §7).
#include <cmath>
#include <iostream>

#include "commands.hpp"
#include "fit_report_json.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "solyte/eis/dc_conductivity.hpp"
#include "solyte/relax/modulus_fit.hpp"
#include "solyte/relax/permittivity_fit.hpp"
#include "solyte/units.hpp"
#include "spectrum_input.hpp"

namespace solyte::cli {

namespace {

struct ModulusCliOptions {
  std::vector<std::string> files;
  std::string model = "kww";
  std::string fmin, fmax, weight = "unit";
  bool real_part = false;
  bool scaling = false;
  std::string in = "modulus";
  bool no_conduction = false;
  SpectrumInputOptions input;
  GlobalOptions out;
};

Cell finite_or_empty(double v) { return std::isfinite(v) ? Cell{v} : Cell{}; }

// --in permittivity: ε* = ε∞ + Δε·F* − iσ/(ε0ω) fitted to ε' and ε''.
void run_permittivity(const ModulusCliOptions& o, const std::vector<Spectrum>& spectra,
                      Format format) {
  relax::PermittivityFitOptions fo;
  fo.model = relax::parse_relaxation_model(o.model);
  fo.conduction = !o.no_conduction;
  if (!o.fmin.empty()) fo.f_min_hz = parse_frequency_hz(o.fmin);
  if (!o.fmax.empty()) fo.f_max_hz = parse_frequency_hz(o.fmax);
  Table t;
  t.title = "Permittivity fits (" + std::string(relax::to_string(fo.model)) +
            (fo.conduction ? " + DC conduction" : "") + ", eps' and eps'')";
  t.headers = {"file", "index", "T_K", "eps_inf", "eps_inf_err", "delta_eps", "delta_eps_err",
               "tau_s", "tau_err_s", "alpha", "gamma", "beta", "sigma_dc_S_per_cm",
               "sigma_dc_err_S_per_cm", "mean_tau_s", "chi2_red", "points", "status"};
  t.digits = 5;
  nlohmann::json doc;
  doc["representation"] = "permittivity";
  doc["model"] = relax::to_string(fo.model);
  doc["conduction_term"] = fo.conduction;
  doc["fits"] = nlohmann::json::array();
  for (const auto& s : spectra) {
    const auto r = relax::fit_permittivity(s, require_geometry(s), fo);
    auto per_cm = [](const std::optional<double>& v) { return v ? Cell{*v * 0.01} : Cell{}; };
    t.add_row({s.meta.source_file, static_cast<long long>(s.meta.index_in_file),
               opt_cell(s.meta.temperature_k), r.eps_inf, r.eps_inf_err, r.delta_eps,
               r.delta_eps_err, r.tau_s, r.tau_err_s, r.shape.alpha, r.shape.gamma, r.shape.beta,
               per_cm(r.sigma_dc_s_per_m), per_cm(r.sigma_dc_err_s_per_m),
               finite_or_empty(r.mean_tau_s), r.report.reduced_chi2,
               static_cast<long long>(r.n_points), std::string(fit::to_string(r.report.status))});
    nlohmann::json j = fit_report_json(r.report);
    j["file"] = s.meta.source_file;
    j["index"] = s.meta.index_in_file;
    j["window_Hz"] = {r.f_min_hz, r.f_max_hz};
    j["message"] = r.message;
    doc["fits"].push_back(std::move(j));
  }
  write_output(o.out.output, render(format, {t}, doc,
                                    "eps* = eps_inf + delta_eps F*(w tau) - i sigma_dc/(eps0 w); "
                                    "residuals relative to |eps*|.\n"));
}

void run(const ModulusCliOptions& o) {
  const Format format = parse_format(o.out.format);
  const auto spectra = load_spectra(o.files, o.input, o.out.quiet);
  if (o.in == "permittivity") return run_permittivity(o, spectra, format);
  relax::ModulusFitOptions fo;
  fo.model = relax::parse_relaxation_model(o.model);
  fo.fit_real_part = o.real_part;
  fo.weight = o.weight == "proportional" ? relax::ModulusWeight::proportional
                                         : relax::ModulusWeight::unit;
  if (!o.fmin.empty()) fo.f_min_hz = parse_frequency_hz(o.fmin);
  if (!o.fmax.empty()) fo.f_max_hz = parse_frequency_hz(o.fmax);

  Table t;
  t.title = "Electric modulus fits (" + std::string(relax::to_string(fo.model)) + ", " +
            (o.real_part ? "M' and M''" : "M''") + ")";
  t.headers = {"file", "index", "T_K", "M_inf", "M_inf_err", "tau_s", "tau_err_s", "shape",
               "shape_value", "shape_err", "mean_tau_s", "coupling_n", "f_peak_Hz", "M2_peak",
               "sigma_dc_fit_S_per_cm", "sigma_dc_plateau_S_per_cm", "chi2_red", "points",
               "status"};
  t.digits = 5;
  nlohmann::json doc;
  doc["model"] = relax::to_string(fo.model);
  doc["fitted"] = o.real_part ? "M' and M''" : "M''";
  doc["weight"] = o.weight;
  doc["fits"] = nlohmann::json::array();
  Progress progress("modulus", spectra.size(), o.out.quiet);
  std::vector<PelletGeometry> geoms;
  for (std::size_t i = 0; i < spectra.size(); ++i) {
    const Spectrum& s = spectra[i];
    const PelletGeometry& g = require_geometry(s);
    geoms.push_back(g);
    const auto r = relax::fit_modulus(s, g, fo);
    const auto plateau = eis::dc_conductivity(s, g);
    std::string shape_name = "-";
    double shape_value = NAN, shape_err = NAN;
    if (fo.model == relax::RelaxationModel::kww) {
      shape_name = "beta"; shape_value = r.shape.beta; shape_err = r.shape_err.beta;
    } else if (fo.model == relax::RelaxationModel::cole_cole) {
      shape_name = "alpha"; shape_value = r.shape.alpha; shape_err = r.shape_err.alpha;
    } else if (fo.model == relax::RelaxationModel::cole_davidson) {
      shape_name = "gamma"; shape_value = r.shape.gamma; shape_err = r.shape_err.gamma;
    } else if (fo.model == relax::RelaxationModel::havriliak_negami) {
      shape_name = "alpha,gamma"; shape_value = r.shape.alpha; shape_err = r.shape_err.alpha;
    }
    t.add_row({s.meta.source_file, static_cast<long long>(s.meta.index_in_file),
               opt_cell(s.meta.temperature_k), r.m_inf, r.m_inf_err, r.tau_s, r.tau_err_s,
               shape_name, finite_or_empty(shape_value), finite_or_empty(shape_err),
               finite_or_empty(r.mean_tau_s), opt_cell(r.coupling_n), r.peak_frequency_hz,
               r.peak_height,
               r.sigma_dc_s_per_m ? Cell{*r.sigma_dc_s_per_m * 0.01} : Cell{},
               plateau.sigma_s_per_m ? Cell{*plateau.sigma_s_per_m * 0.01} : Cell{},
               r.report.reduced_chi2, static_cast<long long>(r.n_points),
               std::string(fit::to_string(r.report.status)) +
                   (r.peak_outside_window ? ", peak outside window" : "")});
    nlohmann::json j = fit_report_json(r.report);
    j["file"] = s.meta.source_file;
    j["index"] = s.meta.index_in_file;
    j["temperature_K"] = s.meta.temperature_k ? nlohmann::json(*s.meta.temperature_k) : nlohmann::json();
    j["window_Hz"] = {r.f_min_hz, r.f_max_hz};
    j["mean_tau_s"] = std::isfinite(r.mean_tau_s) ? nlohmann::json(r.mean_tau_s) : nlohmann::json();
    j["coupling_n"] = r.coupling_n ? nlohmann::json(*r.coupling_n) : nlohmann::json();
    j["peak_frequency_Hz"] = r.peak_frequency_hz;
    j["peak_height"] = r.peak_height;
    j["peak_outside_window"] = r.peak_outside_window;
    j["sigma_dc_fit_S_per_cm"] = r.sigma_dc_s_per_m ? nlohmann::json(*r.sigma_dc_s_per_m * 0.01) : nlohmann::json();
    j["sigma_dc_plateau_S_per_cm"] = plateau.sigma_s_per_m ? nlohmann::json(*plateau.sigma_s_per_m * 0.01) : nlohmann::json();
    j["message"] = r.message;
    doc["fits"].push_back(std::move(j));
    progress.step(i + 1);
  }
  std::vector<Table> tables = {t};
  if (o.scaling) {
    const auto sc = relax::modulus_scaling(spectra, geoms);
    Table m;
    m.title = "Master curve M''/M''max against f/f_max (collapse RMS " +
              std::to_string(sc.collapse_rms).substr(0, 6) + " decades)";
    m.headers = {"file", "T_K", "f_over_fmax", "M2_over_M2max"};
    m.digits = 6;
    doc["scaling"] = {{"collapse_rms_decades", sc.collapse_rms},
                      {"common_log10_range", {sc.common_low, sc.common_high}}};
    for (const auto& c : sc.curves)
      for (std::size_t k = 0; k < c.f_scaled.size(); ++k)
        m.add_row({c.label, c.temperature_k > 0 ? Cell{c.temperature_k} : Cell{}, c.f_scaled[k],
                   c.m2_scaled[k]});
    doc["scaling"]["curves"] = to_json(m);
    tables.push_back(m);
  }
  const std::string footer =
      "M* = i w C0 Z*; sigma_dc_fit = eps0/(M_inf <tau>) where <tau> is finite (Debye, "
      "Cole-Davidson, KWW); coupling n = 1 - beta.\n";
  write_output(o.out.output, render(format, tables, doc, footer));
}

}  // namespace

void register_modulus(CLI::App& app) {
  auto o = std::make_shared<ModulusCliOptions>();
  auto* cmd = app.add_subcommand(
      "modulus", "Fit the electric modulus M''(f) with KWW, Debye, Cole-Cole, Cole-Davidson or "
                 "Havriliak-Negami; master curves of a series");
  add_spectrum_files(cmd, o->files);
  cmd->add_option("--fit", o->model, "Model: kww (default), debye, cole-cole, cole-davidson, hn")
      ->check(CLI::IsMember({"kww", "debye", "cole-cole", "cole-davidson", "hn"}))
      ->capture_default_str();
  cmd->add_option("--fmin", o->fmin, "Lowest frequency fitted, e.g. 1Hz");
  cmd->add_option("--fmax", o->fmax, "Highest frequency fitted, e.g. 1MHz");
  cmd->add_flag("--real", o->real_part, "Fit M' together with M'' (M* as a whole)");
  cmd->add_option("--weight", o->weight, "unit (normalised to the M'' peak) or proportional")
      ->check(CLI::IsMember({"unit", "proportional"}))
      ->capture_default_str();
  cmd->add_option("--in", o->in,
                  "Representation fitted: modulus (M'', default) or permittivity (eps' and "
                  "eps'' with a DC-conduction term)")
      ->check(CLI::IsMember({"modulus", "permittivity"}))
      ->capture_default_str();
  cmd->add_flag("--no-conduction", o->no_conduction,
                "With --in permittivity: no sigma_dc/(eps0 w) loss term");
  cmd->add_flag("--scaling", o->scaling,
                "Also print M''/M''max against f/f_max for all spectra and how well they "
                "collapse onto one curve");
  add_spectrum_input_options(cmd, o->input);
  add_output_options(cmd, o->out);
  cmd->footer(
      "Examples:\n"
      "  solyte modulus pellet_-90C.csv -d 10mm -L 0.5mm --fit kww\n"
      "  solyte modulus s04147-140deg.txt -d 8mm -L 2.1mm --fit debye --fmin 1kHz\n"
      "  solyte modulus series/*.csv -d 10mm -L 0.5mm --temperature-from-name --scaling -f json\n"
      "  solyte modulus cell.csv -d 10mm -L 0.5mm --in permittivity --fit hn --fmin 10Hz");
  cmd->callback([o] { run(*o); });
}

}  // namespace solyte::cli
