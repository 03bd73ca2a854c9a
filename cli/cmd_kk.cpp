// solyte kk — the linear Kramers–Kronig test (Lin-KK, Schönleber et al. 2014) of each
// spectrum (docs/methods.md §8).
#include <cmath>

#include "commands.hpp"
#include "output.hpp"
#include "solyte/eis/lin_kk.hpp"
#include "solyte/units.hpp"
#include "spectrum_input.hpp"

namespace solyte::cli {

namespace {

struct KkCliOptions {
  std::vector<std::string> files;
  eis::LinKKOptions kk;
  std::string fit = "complex";
  std::optional<int> m;
  bool no_inductance = false;
  std::string fmin, fmax;
  bool residuals = false;
  SpectrumInputOptions input;
  GlobalOptions out;
};

void run(KkCliOptions& o) {
  const Format format = parse_format(o.out.format);
  o.kk.fit = eis::parse_kk_fit(o.fit);
  o.kk.m = o.m;
  o.kk.inductance = !o.no_inductance;
  if (!o.fmin.empty()) o.kk.f_min_hz = parse_frequency_hz(o.fmin);
  if (!o.fmax.empty()) o.kk.f_max_hz = parse_frequency_hz(o.fmax);
  const auto spectra = load_spectra(o.files, o.input, o.out.quiet);

  Table t;
  t.title = "Lin-KK test (" + o.fit +
            " fit, M chosen by mu <= " + std::to_string(o.kk.c).substr(0, 4) +
            "; residuals in % of |Z|)";
  if (o.m) t.title = "Lin-KK test (" + o.fit + " fit, M = " + std::to_string(*o.m) + ")";
  t.headers = {"file",        "index",  "T_K", "M",   "mu",     "max_res_pct",
               "rms_res_pct", "R0_Ohm", "L_H", "C_F", "points", "verdict"};
  t.digits = 5;
  Table res;
  res.title = "Lin-KK residuals (Z - Z_KK)/|Z|";
  res.headers = {"file", "index", "f_Hz", "res_re_pct", "res_im_pct"};
  res.digits = 6;
  nlohmann::json doc;
  doc["method"] = {
      {"name",
       "Lin-KK (M. Schonleber, D. Klotz, E. Ivers-Tiffee, Electrochim. "
       "Acta 131 (2014) 20)"},
      {"fit", o.fit},
      {"c", o.kk.c},
      {"max_M", o.kk.max_m},
      {"fixed_M", o.m ? nlohmann::json(*o.m) : nullptr},
      {"inductance", o.kk.inductance},
      {"capacitance", o.kk.capacitance},
      {"residuals", "(Z - Z_KK)/|Z| in percent"},
      {"verdict", {{"valid_pct", o.kk.valid_pct}, {"questionable_pct", o.kk.questionable_pct}}}};
  auto& results = doc["results"] = nlohmann::json::array();
  std::string notes;
  for (const auto& s : spectra) {
    const auto r = eis::lin_kk(s, o.kk);
    const auto index = static_cast<long long>(s.meta.index_in_file);
    t.add_row({s.meta.source_file, index, opt_cell(s.meta.temperature_k),
               static_cast<long long>(r.m), r.mu, r.max_abs_residual_pct, r.rms_residual_pct,
               r.r0_ohm, opt_cell(r.l_h), opt_cell(r.c_f),
               static_cast<long long>(r.frequency_hz.size()), r.verdict});
    if (!r.message.empty()) notes += "note: " + s.label() + ": " + r.message + "\n";
    if (o.residuals)
      for (std::size_t k = 0; k < r.frequency_hz.size(); ++k)
        res.add_row({s.meta.source_file, index, r.frequency_hz[k], r.residual_re_pct[k],
                     r.residual_im_pct[k]});
    nlohmann::json j = {
        {"file", s.meta.source_file},
        {"index", s.meta.index_in_file},
        {"temperature_K", s.meta.temperature_k ? nlohmann::json(*s.meta.temperature_k) : nullptr},
        {"M", r.m},
        {"mu", r.mu},
        {"mu_reached", r.mu_reached},
        {"R0_ohm", r.r0_ohm},
        {"L_H", r.l_h ? nlohmann::json(*r.l_h) : nullptr},
        {"C_F", r.c_f ? nlohmann::json(*r.c_f) : nullptr},
        {"tau_s", r.tau_s},
        {"R_k_ohm", r.r_k_ohm},
        {"frequency_Hz", r.frequency_hz},
        {"residual_real_pct", r.residual_re_pct},
        {"residual_imag_pct", r.residual_im_pct},
        {"max_abs_residual_pct", r.max_abs_residual_pct},
        {"rms_residual_pct", r.rms_residual_pct},
        {"verdict", r.verdict},
        {"message", r.message}};
    results.push_back(std::move(j));
  }
  std::vector<Table> tables = {t};
  if (o.residuals) tables.push_back(res);
  const std::string footer =
      notes + "verdict: valid when every residual is within " +
      std::to_string(o.kk.valid_pct).substr(0, 4) + " % of |Z|, questionable within " +
      std::to_string(o.kk.questionable_pct).substr(0, 4) +
      " %, else invalid. Spectra without a low-frequency intercept need --capacitance.\n";
  write_output(o.out.output, render(format, tables, doc, footer));
}

}  // namespace

void register_kk(CLI::App& app) {
  auto o = std::make_shared<KkCliOptions>();
  auto* cmd = app.add_subcommand(
      "kk", "Linear Kramers-Kronig test (Lin-KK): are the spectra causal, linear and stable?");
  add_spectrum_files(cmd, o->files);
  cmd->add_option("--c", o->kk.c, "Cut-off for mu = 1 - sum|R_k<0|/sum|R_k>=0| choosing M")
      ->capture_default_str();
  cmd->add_option("--max-m", o->kk.max_m, "Largest number of RC elements")->capture_default_str();
  cmd->add_option("--m", o->m, "A fixed number of RC elements instead of the mu search");
  cmd->add_option("--fit", o->fit, "complex (Schonleber eq. 14, default), real or imag")
      ->check(CLI::IsMember({"complex", "real", "imag"}))
      ->capture_default_str();
  cmd->add_flag("--capacitance", o->kk.capacitance,
                "Add a series capacitance (blocking electrodes, no low-frequency intercept)");
  cmd->add_flag("--no-inductance", o->no_inductance, "No series inductance");
  cmd->add_option("--fmin", o->fmin, "Lowest frequency tested");
  cmd->add_option("--fmax", o->fmax, "Highest frequency tested");
  cmd->add_option("--valid", o->kk.valid_pct, "Largest residual (% of |Z|) for 'valid'")
      ->capture_default_str();
  cmd->add_option("--questionable", o->kk.questionable_pct,
                  "Largest residual (% of |Z|) for 'questionable'")
      ->capture_default_str();
  cmd->add_flag("--residuals", o->residuals, "Also print the residuals per point");
  add_spectrum_input_options(cmd, o->input);
  add_output_options(cmd, o->out);
  cmd->footer(
      "Examples:\n"
      "  solyte kk cell.mpt\n"
      "  solyte kk pellet_*.txt --capacitance --residuals -f csv -o kk.csv\n"
      "  solyte kk cell.csv --fit real --c 0.85 -f json");
  cmd->callback([o] { run(*o); });
}

}  // namespace solyte::cli
