// solyte arrhenius — activation energies, regimes, transitions, σ(25 °C), the superionic
// temperature and migration entropy (METHODS.md §3–4).
#include <cerrno>
#include <cmath>
#include <fstream>
#include <iostream>
#include <iterator>
#include <system_error>

#include "commands.hpp"
#include "output.hpp"
#include "solyte/constants.hpp"
#include "solyte/eis/dc_conductivity.hpp"
#include "solyte/error.hpp"
#include "solyte/io/conductivity_table.hpp"
#include "solyte/io/file_bytes.hpp"
#include "solyte/transport/arrhenius.hpp"
#include "solyte/units.hpp"
#include "spectrum_input.hpp"

namespace solyte::cli {

namespace {

using transport::ArrheniusResult;
using transport::ConductivityPoint;

struct ArrheniusCliOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> compare;
  std::string form = "sigmaT";
  std::string criterion = "bic";
  std::string at;          // temperature for --compare regimes
  bool weights = false;
  transport::ArrheniusOptions fit;
  SpectrumInputOptions input;
  GlobalOptions out;
};

// Conductivity points from tables and/or spectra, in the order given.
std::vector<ConductivityPoint> load_points(const std::vector<std::string>& inputs,
                                           const ArrheniusCliOptions& o, std::string& notes) {
  std::vector<ConductivityPoint> points;
  std::vector<std::string> spectrum_files;
  for (const auto& path : inputs) {
    const std::string bytes = io::read_file_bytes(path);
    if (io::looks_like_conductivity_table(bytes)) {
      auto t = io::read_conductivity_table_from_bytes(bytes, path);
      if (t.skipped)
        notes += "note: " + path + ": " + std::to_string(t.skipped) +
                 " rows without a conductivity (no plateau) were left out\n";
      for (auto& p : t.points) {
        if (p.label.empty()) p.label = path;
        points.push_back(std::move(p));
      }
    } else {
      spectrum_files.push_back(path);
    }
  }
  if (!spectrum_files.empty()) {
    for (const auto& s : load_spectra(spectrum_files, o.input, o.out.quiet)) {
      if (!s.meta.temperature_k)
        throw InvalidArgument(s.label() +
                              ": no temperature; give --temperature-from-name or a table with T_K");
      const auto r = eis::dc_conductivity(s, require_geometry(s));
      if (!r.sigma_s_per_m) {
        notes += "note: " + s.label() + ": " + r.message + " — left out\n";
        continue;
      }
      points.push_back({.temperature_k = *s.meta.temperature_k,
                        .sigma_s_per_m = *r.sigma_s_per_m,
                        .sigma_err_s_per_m = std::nullopt,
                        .run = s.meta.run,
                        .label = s.label()});
    }
  }
  if (!o.input.run.empty()) {
    const ThermalRun run = o.input.run == "heating" ? ThermalRun::heating : ThermalRun::cooling;
    for (auto& p : points)
      if (p.run == ThermalRun::unknown) p.run = run;
  }
  return points;
}

double s_per_cm(double s_per_m) { return s_per_m * 0.01; }

void add_result_rows(const ArrheniusResult& r, const std::string& run, Table& regimes,
                     Table& transitions, Table& summary, nlohmann::json& js) {
  for (const auto& g : r.regimes)
    regimes.add_row({run, g.t_min_k, g.t_max_k, kelvin_to_celsius(g.t_min_k),
                     kelvin_to_celsius(g.t_max_k), static_cast<long long>(g.n_points), g.ea_ev,
                     g.ea_err_ev, g.ea_ev * 1000.0, g.ln_sigma0, g.ln_sigma0_err, g.r_squared});
  for (const auto& t : r.transitions)
    transitions.add_row({run, std::string(t.kind == transport::TransitionKind::jump ? "jump" : "crossover"),
                         t.temperature_k, kelvin_to_celsius(t.temperature_k), t.t_below_k,
                         t.t_above_k, t.jump_decades, t.jump_err_decades});
  summary.add_row({run, static_cast<long long>(r.points.size()),
                   static_cast<long long>(r.regimes.size()),
                   r.sigma_ref_s_per_m ? Cell{s_per_cm(*r.sigma_ref_s_per_m)} : Cell{},
                   std::string(r.sigma_ref_s_per_m ? (r.sigma_ref_extrapolated ? "yes" : "no") : ""),
                   opt_cell(r.t_superionic_k),
                   r.t_superionic_k ? Cell{kelvin_to_celsius(*r.t_superionic_k)} : Cell{}, r.note});
  nlohmann::json j;
  j["run"] = run;
  j["form"] = r.form == transport::ArrheniusForm::sigma_t ? "sigmaT" : "sigma";
  j["regimes"] = nlohmann::json::array();
  for (const auto& g : r.regimes)
    j["regimes"].push_back({{"T_min_K", g.t_min_k}, {"T_max_K", g.t_max_k},
                            {"n_points", g.n_points}, {"ea_eV", g.ea_ev},
                            {"ea_err_eV", g.ea_err_ev}, {"ln_sigma0", g.ln_sigma0},
                            {"ln_sigma0_err", g.ln_sigma0_err}, {"R2", g.r_squared}});
  j["transitions"] = nlohmann::json::array();
  for (const auto& t : r.transitions)
    j["transitions"].push_back(
        {{"kind", t.kind == transport::TransitionKind::jump ? "jump" : "crossover"},
         {"T_K", t.temperature_k}, {"T_below_K", t.t_below_k}, {"T_above_K", t.t_above_k},
         {"jump_decades", t.jump_decades}, {"jump_err_decades", t.jump_err_decades}});
  j["sigma_25C_S_per_cm"] = r.sigma_ref_s_per_m ? nlohmann::json(s_per_cm(*r.sigma_ref_s_per_m)) : nlohmann::json();
  j["sigma_25C_extrapolated"] = r.sigma_ref_extrapolated;
  j["T_superionic_K"] = r.t_superionic_k ? nlohmann::json(*r.t_superionic_k) : nlohmann::json();
  j["criterion_by_segments"] = nlohmann::json::array();
  for (double c : r.criterion_values)
    j["criterion_by_segments"].push_back(std::isfinite(c) ? nlohmann::json(c) : nlohmann::json());
  j["note"] = r.note;
  j["points"] = nlohmann::json::array();
  for (const auto& p : r.points)
    j["points"].push_back({{"T_K", p.temperature_k},
                           {"sigma_S_per_cm", s_per_cm(p.sigma_s_per_m)},
                           {"label", p.label}});
  js["runs"].push_back(std::move(j));
}

struct Tables {
  Table regimes, transitions, summary, hysteresis;
  Tables() {
    regimes.title = "Regimes";
    regimes.headers = {"run", "T_min_K", "T_max_K", "T_min_C", "T_max_C", "n", "ea_eV",
                       "ea_err_eV", "ea_meV", "ln_sigma0", "ln_sigma0_err", "R2"};
    regimes.digits = 5;
    transitions.title = "Transitions";
    transitions.headers = {"run", "kind", "T_K", "T_C", "T_below_K", "T_above_K",
                           "jump_decades", "jump_err_decades"};
    transitions.digits = 5;
    summary.title = "Summary";
    summary.headers = {"run", "points", "regimes", "sigma_25C_S_per_cm", "extrapolated",
                       "T_superionic_K", "T_superionic_C", "note"};
    summary.digits = 5;
    hysteresis.title = "Hysteresis (heating - cooling)";
    hysteresis.headers = {"T_heating_K", "T_cooling_K", "hysteresis_K"};
    hysteresis.digits = 5;
  }
};

transport::ArrheniusOptions fit_options(const ArrheniusCliOptions& o) {
  transport::ArrheniusOptions f = o.fit;
  f.form = o.form == "sigma" ? transport::ArrheniusForm::sigma : transport::ArrheniusForm::sigma_t;
  f.criterion = o.criterion == "aic"    ? transport::InformationCriterion::aic
                : o.criterion == "aicc" ? transport::InformationCriterion::aicc
                                        : transport::InformationCriterion::bic;
  f.use_weights = o.weights;
  return f;
}

std::string form_label(const transport::ArrheniusOptions& f) {
  return f.form == transport::ArrheniusForm::sigma_t
             ? "ln(sigma*T) vs 1/T, sigma0 in S K/cm"
             : "ln(sigma) vs 1/T, sigma0 in S/cm";
}

void run_single(const ArrheniusCliOptions& o, Format format) {
  std::string notes;
  const auto points = load_points(o.inputs, o, notes);
  const auto f = fit_options(o);
  std::vector<ConductivityPoint> heating, cooling, other;
  for (const auto& p : points)
    (p.run == ThermalRun::heating ? heating : p.run == ThermalRun::cooling ? cooling : other)
        .push_back(p);
  Tables t;
  nlohmann::json doc;
  doc["form"] = form_label(f);
  doc["runs"] = nlohmann::json::array();
  if (!heating.empty() && !cooling.empty()) {
    if (!other.empty())
      notes += "note: " + std::to_string(other.size()) +
               " points without a heating/cooling label were left out of the run comparison\n";
    const auto cmp = transport::compare_runs(heating, cooling, f);
    add_result_rows(cmp.heating, "heating", t.regimes, t.transitions, t.summary, doc);
    add_result_rows(cmp.cooling, "cooling", t.regimes, t.transitions, t.summary, doc);
    doc["hysteresis"] = nlohmann::json::array();
    for (const auto& h : cmp.hysteresis) {
      t.hysteresis.add_row({h.t_heating_k, h.t_cooling_k, h.hysteresis_k});
      doc["hysteresis"].push_back({{"T_heating_K", h.t_heating_k},
                                   {"T_cooling_K", h.t_cooling_k},
                                   {"hysteresis_K", h.hysteresis_k}});
    }
  } else {
    const auto r = transport::fit_arrhenius(points, f);
    const std::string run = !heating.empty() ? "heating" : !cooling.empty() ? "cooling" : "all";
    add_result_rows(r, run, t.regimes, t.transitions, t.summary, doc);
  }
  std::vector<Table> tables = {t.regimes, t.transitions, t.summary};
  if (!t.hysteresis.rows.empty()) tables.push_back(t.hysteresis);
  const std::string footer = "Fit: " + form_label(f) + "; Ea from the slope, k_B = " +
                             "8.617333262e-5 eV/K (CODATA 2018).\n";
  if (!o.out.quiet && !notes.empty()) std::cerr << notes;
  write_output(o.out.output, render(format, tables, doc, footer));
}

// --compare A B: ΔS/k_B = ln σ0(A) − ln σ0(B) with regimes chosen at --at, else the
// lowest-temperature regime of each sample (the paper compares the low-temperature regimes).
void run_compare(const ArrheniusCliOptions& o, Format format) {
  if (o.compare.size() != 2)
    throw InvalidArgument("--compare needs exactly two inputs: A B (ΔS = S_A − S_B)");
  std::string notes;
  const auto f = fit_options(o);
  const auto pa = load_points({o.compare[0]}, o, notes);
  const auto pb = load_points({o.compare[1]}, o, notes);
  const auto ra = transport::fit_arrhenius(pa, f);
  const auto rb = transport::fit_arrhenius(pb, f);
  std::optional<double> at;
  if (!o.at.empty()) at = parse_temperature_k(o.at);
  const auto& ga = at ? transport::regime_at(ra, *at) : ra.regimes.front();
  const auto& gb = at ? transport::regime_at(rb, *at) : rb.regimes.front();
  const auto s = transport::migration_entropy(ga, gb);

  Table regimes;
  regimes.title = "Regimes compared";
  regimes.headers = {"sample", "T_min_K", "T_max_K", "ea_eV", "ea_err_eV", "ln_sigma0",
                     "ln_sigma0_err"};
  regimes.digits = 5;
  regimes.add_row({o.compare[0], ga.t_min_k, ga.t_max_k, ga.ea_ev, ga.ea_err_ev, ga.ln_sigma0,
                   ga.ln_sigma0_err});
  regimes.add_row({o.compare[1], gb.t_min_k, gb.t_max_k, gb.ea_ev, gb.ea_err_ev, gb.ln_sigma0,
                   gb.ln_sigma0_err});
  Table entropy;
  entropy.title = "Migration entropy (A - B)";
  entropy.headers = {"dS_kB", "dS_err_kB", "dS_J_per_mol_K"};
  entropy.digits = 5;
  entropy.add_row({s.delta_s_kb, s.delta_s_kb_err, s.delta_s_j_per_mol_k});
  nlohmann::json doc;
  doc["form"] = form_label(f);
  doc["regimes"] = to_json(regimes);
  doc["migration_entropy"] = {{"dS_kB", s.delta_s_kb},
                              {"dS_err_kB", s.delta_s_kb_err},
                              {"dS_J_per_mol_K", s.delta_s_j_per_mol_k},
                              {"regimes_at", at ? "given temperature" : "lowest-temperature regime"}};
  const std::string footer =
      "dS/k_B = ln sigma0(A) - ln sigma0(B), same fit form for both (METHODS.md §4); "
      "assumes equal carrier density, jump distance and attempt frequency.\n";
  if (!o.out.quiet && !notes.empty()) std::cerr << notes;
  write_output(o.out.output, render(format, {regimes, entropy}, doc, footer));
}

}  // namespace

void register_arrhenius(CLI::App& app) {
  auto o = std::make_shared<ArrheniusCliOptions>();
  auto* cmd = app.add_subcommand(
      "arrhenius",
      "Activation energies, regimes, transitions, sigma(25 C) and the superionic temperature");
  cmd->add_option("inputs", o->inputs,
                  "Conductivity tables written by 'solyte conductivity' (CSV, TSV or JSON), or "
                  "spectrum files (then the sample options apply)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--compare", o->compare,
                  "Two inputs A B (tables or spectra of two samples): migration entropy "
                  "dS/k_B = ln sigma0(A) - ln sigma0(B)")
      ->expected(2)
      ->check(CLI::ExistingFile);
  cmd->add_option("--at", o->at,
                  "With --compare: use the regimes covering this temperature (e.g. -50C); "
                  "default: each sample's lowest-temperature regime");
  cmd->add_option("--form", o->form, "sigmaT: ln(sigma*T) vs 1/T (default); sigma: ln(sigma)")
      ->check(CLI::IsMember({"sigmaT", "sigma"}))
      ->group("Method");
  cmd->add_option("--max-segments", o->fit.max_segments,
                  "Most regimes to consider (1 = a single line)")
      ->capture_default_str()
      ->check(CLI::Range(1, 10))
      ->group("Method");
  cmd->add_option("--min-points", o->fit.min_points_per_segment, "Fewest points per regime")
      ->capture_default_str()
      ->check(CLI::Range(2, 1000))
      ->group("Method");
  cmd->add_option("--criterion", o->criterion, "Choice of the number of regimes: bic, aic, aicc")
      ->capture_default_str()
      ->check(CLI::IsMember({"bic", "aic", "aicc"}))
      ->group("Method");
  cmd->add_option("--breakpoint-penalty", o->fit.breakpoint_parameters,
                  "Parameters charged per regime boundary in the criterion (1 = plain BIC; "
                  "higher values call fewer spurious regimes)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber)
      ->group("Method");
  cmd->add_option("--min-contrast", o->fit.min_regime_contrast_ev,
                  "Neighbouring regimes closer than this in Ea (eV), with no step, are merged")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber)
      ->group("Method");
  cmd->add_option("--jump-threshold", o->fit.jump_threshold_decades,
                  "Smallest step in log10(sigma) between regimes called a transition")
      ->capture_default_str()
      ->group("Method");
  cmd->add_flag("--weights", o->weights,
                "Weight the fit by the sigma_err column (default: unweighted, errors from the "
                "scatter about each line; plateau errors say little about systematic error)")
      ->group("Method");
  add_spectrum_input_options(cmd, o->input);
  add_output_options(cmd, o->out);
  cmd->footer(
      "Heating and cooling runs (a 'run' column, or --run for spectra) are fitted separately "
      "and their transitions paired into a hysteresis.\n"
      "Examples:\n"
      "  solyte conductivity s04147-*.txt -d 8mm -L 2.1mm --temperature-from-name -f csv -o "
      "sigma.csv\n"
      "  solyte arrhenius sigma.csv\n"
      "  solyte arrhenius spectra/*.csv --area 0.785cm2 --thickness 2mm --temperature-from-name\n"
      "  solyte arrhenius heating.csv cooling.csv -f json -o arrhenius.json\n"
      "  solyte arrhenius --compare milled.csv pristine.csv --at -50C");
  cmd->callback([o] {
    const Format format = parse_format(o->out.format);
    if (!o->compare.empty()) {
      if (!o->inputs.empty())
        throw InvalidArgument("give either inputs or --compare A B, not both");
      run_compare(*o, format);
    } else {
      if (o->inputs.empty())
        throw InvalidArgument("no input: give conductivity tables or spectrum files");
      run_single(*o, format);
    }
  });
}

}  // namespace solyte::cli
