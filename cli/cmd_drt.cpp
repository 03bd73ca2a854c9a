// solyte drt — distribution of relaxation times of each spectrum (docs/methods.md §8a).
#include <cmath>
#include <iostream>
#include <limits>

#include "commands.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "solyte/relax/drt.hpp"
#include "spectrum_input.hpp"

namespace solyte::cli {

namespace {

struct DrtCliOptions {
  std::vector<std::string> files;
  SpectrumInputOptions input;
  GlobalOptions out;
  relax::DrtOptions drt;
  std::optional<double> lambda;
  std::vector<double> lambda_range;
  std::string lambda_method = "gcv";
  std::string estimator = "linear";
  std::string weighting = "modulus";
  bool gamma = false;
};

// Infinite or NaN numbers become empty cells (null in JSON).
Cell finite_cell(double v) { return std::isfinite(v) ? Cell{v} : Cell{}; }

nlohmann::json finite_json(double v) { return std::isfinite(v) ? nlohmann::json(v) : nullptr; }

nlohmann::json to_json(const Spectrum& s, const relax::DrtResult& r) {
  nlohmann::json j;
  j["file"] = s.meta.source_file;
  j["index"] = s.meta.index_in_file;
  j["temperature_k"] = s.meta.temperature_k ? nlohmann::json(*s.meta.temperature_k) : nullptr;
  j["r_inf_ohm"] = r.r_inf_ohm;
  j["inductance_h"] = r.inductance_h;
  j["polarisation_resistance_ohm"] = r.polarisation_resistance_ohm;
  j["lambda"] = r.lambda;
  j["lambda_method"] = std::string(relax::to_string(r.lambda_method));
  j["lambda_estimator"] = std::string(relax::to_string(r.lambda_estimator));
  j["lambda_at_bound"] = r.lambda_at_bound;
  j["dof"] = r.dof;
  j["rbf_epsilon"] = r.rbf_epsilon;
  j["residual_rms"] = r.residual_rms;
  j["residual_max"] = r.residual_max;
  j["message"] = r.message;
  auto& peaks = j["peaks"] = nlohmann::json::array();
  for (const auto& p : r.peaks)
    peaks.push_back({{"tau_s", p.tau_s},
                     {"frequency_hz", p.frequency_hz},
                     {"gamma_ohm", p.gamma_ohm},
                     {"resistance_ohm", p.resistance_ohm},
                     {"share", p.share},
                     {"fwhm_decades", p.fwhm_decades ? nlohmann::json(*p.fwhm_decades) : nullptr},
                     {"tau_low_s", p.tau_low_s > 0 ? nlohmann::json(p.tau_low_s) : nullptr},
                     {"tau_high_s", finite_json(p.tau_high_s)},
                     {"at_edge", p.at_edge}});
  j["tau_s"] = r.tau_s;
  j["gamma_ohm"] = r.gamma_ohm;
  j["coefficients_ohm"] = r.coefficients_ohm;
  auto& curve = j["lambda_curve"] = nlohmann::json::array();
  for (const auto& c : r.lambda_curve)
    curve.push_back({{"lambda", c.lambda},
                     {"gcv", finite_json(c.gcv)},
                     {"residual_norm", c.residual_norm},
                     {"penalty_norm", c.penalty_norm},
                     {"dof", c.dof}});
  auto& sp = j["spectrum"];
  sp["frequency_hz"] = r.frequency_hz;
  std::vector<double> re, im, fre, fim;
  for (std::size_t i = 0; i < s.size(); ++i) {
    re.push_back(s.impedance_ohm[i].real());
    im.push_back(s.impedance_ohm[i].imag());
    fre.push_back(r.impedance_fit_ohm[i].real());
    fim.push_back(r.impedance_fit_ohm[i].imag());
  }
  sp["z_real_ohm"] = re;
  sp["z_imag_ohm"] = im;
  sp["z_fit_real_ohm"] = fre;
  sp["z_fit_imag_ohm"] = fim;
  sp["residual_real"] = r.residual_real;
  sp["residual_imag"] = r.residual_imag;
  return j;
}

void run(DrtCliOptions& o) {
  const Format format = parse_format(o.out.format);
  if (o.lambda) {
    o.drt.lambda_method = relax::LambdaMethod::fixed;
    o.drt.lambda = *o.lambda;
  } else {
    o.drt.lambda_method = relax::lambda_method_from_string(o.lambda_method);
  }
  if (o.lambda_range.size() == 2) {
    o.drt.lambda_min = o.lambda_range[0];
    o.drt.lambda_max = o.lambda_range[1];
  }
  o.drt.lambda_estimator = o.estimator == "nonnegative" ? relax::LambdaEstimator::nonnegative
                                                        : relax::LambdaEstimator::linear;
  o.drt.weighting =
      o.weighting == "unit" ? relax::DrtWeighting::unit : relax::DrtWeighting::modulus;
  const auto spectra = load_spectra(o.files, o.input, o.out.quiet);

  Table summary;
  summary.title = "DRT: series terms, regularisation and fit quality";
  summary.headers = {"file",
                     "index",
                     "T_K",
                     "R_inf_ohm",
                     "L_H",
                     "R_pol_ohm",
                     "lambda",
                     "lambda_method",
                     "dof",
                     "peaks",
                     "rms_residual_pct",
                     "max_residual_pct",
                     "note"};
  summary.digits = 5;
  Table peaks;
  peaks.title = "DRT peaks (resistance between the bounding minima of gamma)";
  peaks.headers = {"file",  "index",     "peak",     "tau_s",     "f_Hz",
                   "R_ohm", "share_pct", "fwhm_dec", "gamma_ohm", "edge"};
  peaks.digits = 5;
  Table gamma;
  gamma.title = "gamma(tau), ohm per unit ln tau";
  gamma.headers = {"file", "index", "tau_s", "gamma_ohm"};
  gamma.digits = 6;

  nlohmann::json doc;
  doc["method"] = {{"lambda_method", std::string(relax::to_string(o.drt.lambda_method))},
                   {"lambda_estimator", std::string(relax::to_string(o.drt.lambda_estimator))},
                   {"lambda_range", {o.drt.lambda_min, o.drt.lambda_max}},
                   {"derivative", o.drt.derivative},
                   {"inductance", o.drt.inductance},
                   {"points_per_decade", o.drt.points_per_decade},
                   {"extend_decades", o.drt.extend_decades},
                   {"rbf_fwhm_spacings", o.drt.rbf_fwhm},
                   {"weighting", o.weighting},
                   {"min_peak_prominence", o.drt.min_peak_prominence}};
  auto& results = doc["results"] = nlohmann::json::array();
  Progress progress("drt", spectra.size(), o.out.quiet);
  for (std::size_t i = 0; i < spectra.size(); ++i) {
    const Spectrum& s = spectra[i];
    const auto r = relax::drt(s, o.drt);
    const auto index = static_cast<long long>(s.meta.index_in_file);
    std::string note = r.message;
    for (const auto& w : s.meta.warnings) note += "; " + w;
    summary.add_row({s.meta.source_file, index, opt_cell(s.meta.temperature_k), r.r_inf_ohm,
                     r.inductance_h, r.polarisation_resistance_ohm, r.lambda,
                     std::string(relax::to_string(r.lambda_method)), r.dof,
                     static_cast<long long>(r.peaks.size()), 100 * r.residual_rms,
                     100 * r.residual_max, note});
    for (std::size_t k = 0; k < r.peaks.size(); ++k) {
      const auto& p = r.peaks[k];
      peaks.add_row({s.meta.source_file, index, static_cast<long long>(k + 1), p.tau_s,
                     p.frequency_hz, p.resistance_ohm, 100 * p.share, opt_cell(p.fwhm_decades),
                     p.gamma_ohm, std::string(p.at_edge ? "yes" : "")});
    }
    if (o.gamma)
      for (std::size_t k = 0; k < r.tau_s.size(); ++k)
        gamma.add_row({s.meta.source_file, index, r.tau_s[k], finite_cell(r.gamma_ohm[k])});
    results.push_back(to_json(s, r));
    progress.step(i + 1);
  }
  std::vector<Table> tables{summary, peaks};
  if (o.gamma) tables.push_back(gamma);
  const std::string footer =
      "R_pol = integral of gamma over ln tau; share = peak resistance / R_pol; residuals are "
      "relative to |Z|. --gamma prints gamma(tau); --format json gives everything.\n";
  write_output(o.out.output, render(format, tables, doc, footer));
}

}  // namespace

void register_drt(CLI::App& app) {
  auto o = std::make_shared<DrtCliOptions>();
  auto* cmd = app.add_subcommand(
      "drt", "Distribution of relaxation times of each spectrum, with its peaks");
  add_spectrum_files(cmd, o->files);
  add_spectrum_input_options(cmd, o->input);
  auto* lambda = cmd->add_option("--lambda", o->lambda,
                                 "Fixed regularisation parameter (dimensionless; skips the search)")
                     ->check(CLI::PositiveNumber)
                     ->group("Method");
  cmd->add_option("--lambda-method", o->lambda_method,
                  "How lambda is chosen: gcv (generalised cross-validation) or lcurve "
                  "(corner of the L-curve)")
      ->capture_default_str()
      ->check(CLI::IsMember({"gcv", "lcurve", "l-curve"}))
      ->excludes(lambda)
      ->group("Method");
  cmd->add_option("--lambda-estimator", o->estimator,
                  "Estimator the lambda criterion is computed on: linear (Tikhonov without the "
                  "constraint) or nonnegative (the constrained solution at every lambda)")
      ->capture_default_str()
      ->check(CLI::IsMember({"linear", "nonnegative"}))
      ->group("Method");
  cmd->add_option("--lambda-range", o->lambda_range, "Search range of lambda (default 1e-10 10)")
      ->expected(2)
      ->type_name("MIN MAX")
      ->check(CLI::PositiveNumber)
      ->group("Method");
  cmd->add_option("--derivative", o->drt.derivative,
                  "Order of the penalised derivative of gamma in ln tau")
      ->capture_default_str()
      ->check(CLI::IsMember({1, 2}))
      ->group("Method");
  cmd->add_flag("--inductance", o->drt.inductance,
                "Fit a series inductance L (either sign) with R_inf")
      ->group("Method");
  cmd->add_option("--per-decade", o->drt.points_per_decade,
                  "Radial basis functions per decade of tau")
      ->capture_default_str()
      ->check(CLI::Range(1.0, 100.0))
      ->group("Method");
  cmd->add_option("--extend", o->drt.extend_decades,
                  "Decades of tau beyond 1/(2 pi f) of the data at both ends")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 5.0))
      ->group("Method");
  cmd->add_option("--weighting", o->weighting, "Residual weights: modulus (1/|Z|) or unit")
      ->capture_default_str()
      ->check(CLI::IsMember({"modulus", "unit"}))
      ->group("Method");
  cmd->add_option("--min-prominence", o->drt.min_peak_prominence,
                  "Peaks less prominent than this fraction of their neighbour are merged into it")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 0.99))
      ->group("Method");
  cmd->add_flag("--gamma", o->gamma, "Also print gamma(tau) on the tau grid")->group("Output");
  add_output_options(cmd, o->out);
  cmd->footer(
      "Model: Z = R_inf [+ i w L] + integral of gamma(ln tau)/(1 + i w tau) d ln tau, gamma >= 0 "
      "on Gaussian radial basis functions, Tikhonov penalty on the derivative of gamma, "
      "non-negative least squares; lambda by GCV unless given (docs/methods.md 8a).\n"
      "Tables: summary (R_inf_ohm, L_H, R_pol_ohm, lambda, dof, rms and max residual in % of "
      "|Z|, note) and peaks (tau_s, f_Hz = 1/(2 pi tau), R_ohm, share_pct of R_pol, fwhm_dec "
      "(empty when gamma does not fall to half height inside the peak), gamma_ohm at the "
      "maximum, edge = the peak touches the end of the tau grid).\n"
      "Examples:\n"
      "  solyte drt cell.csv\n"
      "  solyte drt cell.csv --inductance --gamma -f csv -o drt.csv\n"
      "  solyte drt cell.mpt --lambda-method lcurve --derivative 1\n"
      "  solyte drt cell.txt --lambda 1e-4 -f json -o drt.json");
  cmd->callback([o] { run(*o); });
}

}  // namespace solyte::cli
