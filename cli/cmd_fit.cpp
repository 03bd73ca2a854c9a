// solyte fit — equivalent-circuit fits of spectra, one by one, as a batch on all cores or as a
// temperature series (docs/methods.md §8).
#include <cmath>
#include <cstdio>

#include "circuit_options.hpp"
#include "commands.hpp"
#include "fit_report_json.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "solyte/eis/circuit_fit.hpp"
#include "solyte/error.hpp"
#include "solyte/units.hpp"
#include "spectrum_input.hpp"

namespace solyte::cli {

namespace {

struct FitCliOptions {
  std::vector<std::string> files;
  std::string circuit;
  std::vector<std::string> guess, fix, bounds;
  std::string weight = "modulus";
  std::string fmin, fmax;
  unsigned threads = 0;
  bool series = false;
  std::string sigma;  // "R1" or "R1+R2": σ = K/R
  bool residuals = false;
  bool no_multistart = false;
  int max_iterations = 200;
  double tolerance = 1e-10;
  double step_tolerance = 1e-3;
  SpectrumInputOptions input;
  GlobalOptions out;
};

Cell finite_cell(double v) { return std::isfinite(v) ? Cell{v} : Cell{}; }
nlohmann::json finite_json(double v) { return std::isfinite(v) ? nlohmann::json(v) : nullptr; }

// The resistances whose sum gives σ = K/ΣR, checked to be resistances of the circuit.
std::vector<std::size_t> sigma_parameters(const eis::Circuit& c, const std::string& spec) {
  std::vector<std::size_t> out;
  std::size_t start = 0;
  while (start <= spec.size()) {
    const std::size_t plus = std::min(spec.find('+', start), spec.size());
    const std::string name = spec.substr(start, plus - start);
    const std::size_t i = c.index_of(name);
    if (c.parameters()[i].unit != "Ohm")
      throw InvalidArgument("--sigma " + spec + ": " + name + " is not a resistance (unit " +
                            (c.parameters()[i].unit.empty() ? "1" : c.parameters()[i].unit) + ")");
    out.push_back(i);
    start = plus + 1;
  }
  return out;
}

struct Conductivity {
  double sigma_s_per_m = NAN, err_s_per_m = NAN;
};

// σ = K/ΣR and its error from the covariance of the resistances (first order).
Conductivity conductivity(const eis::CircuitFitResult& r, const std::vector<std::size_t>& which,
                          const PelletGeometry& g) {
  std::vector<long> free_index(r.report.parameters.size(), -1);
  long k = 0;
  for (std::size_t i = 0; i < r.report.parameters.size(); ++i)
    if (!r.report.parameters[i].fixed) free_index[i] = k++;
  double sum = 0, var = 0;
  for (std::size_t a : which) {
    sum += r.report.parameters[a].value;
    for (std::size_t b : which)
      if (free_index[a] >= 0 && free_index[b] >= 0)
        var += r.report.covariance[static_cast<std::size_t>(free_index[a])]
                                  [static_cast<std::size_t>(free_index[b])];
  }
  const double kc = g.cell_constant_per_m();
  return {kc / sum, kc * std::sqrt(var) / (sum * sum)};
}

void run(const FitCliOptions& o) {
  const Format format = parse_format(o.out.format);
  const auto circuit = eis::Circuit::parse(o.circuit);
  eis::BatchFitOptions bo;
  bo.fit.weighting = eis::parse_weighting(o.weight);
  bo.fit.guess = parse_assignments(o.guess, "--guess");
  bo.fit.fixed = parse_assignments(o.fix, "--fix");
  bo.fit.bounds = parse_bounds(o.bounds);
  for (const auto& g : bo.fit.guess) (void)circuit.index_of(g.name);
  for (const auto& f : bo.fit.fixed) (void)circuit.index_of(f.name);
  if (!o.fmin.empty()) bo.fit.f_min_hz = parse_frequency_hz(o.fmin);
  if (!o.fmax.empty()) bo.fit.f_max_hz = parse_frequency_hz(o.fmax);
  bo.fit.multistart = !o.no_multistart;
  bo.fit.max_iterations = o.max_iterations;
  bo.fit.tolerance = o.tolerance;
  bo.fit.step_tolerance = o.step_tolerance;
  bo.threads = o.threads;
  bo.series = o.series;
  const auto sigma_of =
      o.sigma.empty() ? std::vector<std::size_t>{} : sigma_parameters(circuit, o.sigma);

  const auto spectra = load_spectra(o.files, o.input, o.out.quiet);
  // Per-point σ would come from the record itself; spectra as read carry Z alone (no reader
  // keeps uncertainty columns of Z yet), so that weighting is refused, naming the file.
  if (bo.fit.weighting == eis::Weighting::sigma)
    throw InvalidArgument(spectra.at(0).label() +
                          ": --weight sigma needs per-point uncertainties of Z, and the record "
                          "carries none; use --weight modulus, proportional or unit");
  std::vector<PelletGeometry> geometry;
  if (!sigma_of.empty())
    for (const auto& s : spectra) geometry.push_back(require_geometry(s));
  Progress progress("fitting", spectra.size(), o.out.quiet);
  bo.progress = [&progress](std::size_t done) { progress.step(done); };
  const auto batch = eis::fit_circuit_batch(spectra, circuit, bo);
  const auto& params = circuit.parameters();

  // One row per spectrum (temperature order for a series): the parameter-versus-temperature
  // table, readable by `solyte arrhenius` when it carries a conductivity.
  Table wide;
  wide.title = "Fits of " + circuit.to_string() + " (" + o.weight + " weighting)";
  wide.headers = {"file", "index", "T_K"};
  for (const auto& p : params) {
    wide.headers.push_back(parameter_header(p));
    wide.headers.push_back(parameter_header(p, "_err"));
  }
  if (!sigma_of.empty()) {
    wide.headers.push_back("sigma_dc_S_per_cm");
    wide.headers.push_back("sigma_err_S_per_cm");
  }
  for (const char* h : {"chi2", "chi2_red", "rms_misfit_pct", "points", "status"})
    wide.headers.push_back(h);
  wide.digits = 6;

  Table residuals;
  residuals.title = "Data, fitted impedance and residuals (Z - Z_fit)/|Z|";
  residuals.headers = {"file",        "index",       "f_Hz",       "Zre_Ohm",   "Zim_Ohm",
                       "Zfit_re_Ohm", "Zfit_im_Ohm", "res_re_pct", "res_im_pct"};
  residuals.digits = 7;

  nlohmann::json doc;
  doc["method"] = {{"name", "complex nonlinear least squares"},
                   {"solver",
                    "ceres::TinySolver (Levenberg-Marquardt); Jacobian by automatic "
                    "differentiation of the elements and the chain rule"},
                   {"residuals", "(Z_model - Z)/sigma for Re and Im at every point of the window"},
                   {"weighting", o.weight},
                   {"window_Hz",
                    {bo.fit.f_min_hz ? nlohmann::json(*bo.fit.f_min_hz) : nullptr,
                     bo.fit.f_max_hz ? nlohmann::json(*bo.fit.f_max_hz) : nullptr}},
                   {"errors", "cov = s^2 (J^T J)^-1, s^2 = chi2/(n - p)"},
                   {"tolerance", o.tolerance},
                   {"step_tolerance", o.step_tolerance},
                   {"multistart", bo.fit.multistart},
                   {"series", o.series}};
  doc["circuit"] = circuit.to_string();
  doc["circuit_input"] = o.circuit;
  auto& jp = doc["parameters"] = nlohmann::json::array();
  for (const auto& p : params)
    jp.push_back({{"name", p.name}, {"alias", p.alias}, {"unit", p.unit}, {"element", p.element}});
  if (!sigma_of.empty()) doc["sigma"] = {{"from", o.sigma}, {"formula", "sigma = (L/A)/sum(R)"}};
  auto& fits = doc["fits"] = nlohmann::json::array();
  for (std::size_t i : batch.order) {
    const Spectrum& s = spectra[i];
    const auto& r = batch.fits[i];
    const auto index = static_cast<long long>(s.meta.index_in_file);
    std::vector<Cell> row = {s.meta.source_file, index, opt_cell(s.meta.temperature_k)};
    for (const auto& p : r.report.parameters) {
      row.push_back(p.value);
      row.push_back(p.fixed ? Cell{} : finite_cell(p.stderr));
    }
    nlohmann::json j = fit_report_json(r.report);
    j["file"] = s.meta.source_file;
    j["index"] = s.meta.index_in_file;
    j["temperature_K"] = s.meta.temperature_k ? nlohmann::json(*s.meta.temperature_k) : nullptr;
    j["window_Hz"] = {r.f_min_hz, r.f_max_hz};
    j["points"] = r.n_points;
    j["start"] = r.start;
    j["starts_tried"] = r.starts_tried;
    j["start_values"] = r.start_values;
    j["rms_misfit"] = r.rms_relative;
    if (!sigma_of.empty()) {
      const auto sg = conductivity(r, sigma_of, geometry[i]);
      const bool ok = r.report.usable() && std::isfinite(sg.sigma_s_per_m);
      row.push_back(ok ? Cell{sg.sigma_s_per_m * 0.01} : Cell{});
      row.push_back(ok ? finite_cell(sg.err_s_per_m * 0.01) : Cell{});
      j["sigma_dc_S_per_cm"] = ok ? nlohmann::json(sg.sigma_s_per_m * 0.01) : nullptr;
      j["sigma_err_S_per_cm"] = ok ? finite_json(sg.err_s_per_m * 0.01) : nullptr;
    }
    row.push_back(r.report.chi2);
    row.push_back(finite_cell(r.report.reduced_chi2));
    row.push_back(100 * r.rms_relative);
    row.push_back(static_cast<long long>(r.n_points));
    row.push_back(std::string(fit::to_string(r.report.status)));
    wide.add_row(std::move(row));
    if (o.residuals) {
      nlohmann::json jr = {{"frequency_Hz", r.frequency_hz}};
      std::vector<double> fre, fim;
      for (std::size_t k = 0; k < r.n_points; ++k) {
        residuals.add_row({s.meta.source_file, index, r.frequency_hz[k], r.impedance_ohm[k].real(),
                           r.impedance_ohm[k].imag(), r.fitted_ohm[k].real(),
                           r.fitted_ohm[k].imag(), 100 * r.residual_re[k], 100 * r.residual_im[k]});
        fre.push_back(r.fitted_ohm[k].real());
        fim.push_back(r.fitted_ohm[k].imag());
      }
      jr["z_fit_real_ohm"] = fre;
      jr["z_fit_imag_ohm"] = fim;
      jr["residual_real"] = r.residual_re;
      jr["residual_imag"] = r.residual_im;
      j["fitted"] = jr;
    }
    fits.push_back(std::move(j));
  }
  if (!batch.message.empty()) doc["message"] = batch.message;

  std::vector<Table> tables;
  if (format == Format::text && spectra.size() == 1) {
    // One spectrum on a terminal: the parameters as a list, then the summary.
    const auto& r = batch.fits[0];
    Table t;
    t.title = "Fit of " + spectra[0].label() + " with " + circuit.to_string() + " (" + o.weight +
              " weighting, " + std::to_string(r.n_points) + " points)";
    t.headers = {"parameter", "value", "stderr", "rel_err_pct", "unit", "note"};
    t.digits = 6;
    for (std::size_t k = 0; k < params.size(); ++k) {
      const auto& p = r.report.parameters[k];
      t.add_row({p.name, p.value, p.fixed ? Cell{} : finite_cell(p.stderr),
                 p.fixed ? Cell{} : finite_cell(100 * p.rel_err), params[k].unit,
                 std::string(p.fixed                    ? "fixed"
                             : p.at_bound               ? "at bound"
                             : !std::isfinite(p.stderr) ? "not determined"
                                                        : "")});
    }
    Table q;
    q.title = "Fit quality";
    q.headers = {"quantity", "value"};
    auto g6 = [](double v) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.6g", v);
      return std::string(buf);
    };
    q.add_row({"chi2", g6(r.report.chi2)});
    q.add_row({"reduced chi2", g6(r.report.reduced_chi2)});
    q.add_row({"AIC, BIC", g6(r.report.aic) + ", " + g6(r.report.bic)});
    q.add_row({"rms misfit |Z - Z_fit|/|Z|", g6(100 * r.rms_relative) + " %"});
    q.add_row({"window", g6(r.f_min_hz) + " - " + g6(r.f_max_hz) + " Hz"});
    q.add_row({"start", r.start + " (" + std::to_string(r.starts_tried) + " tried)"});
    q.add_row({"iterations", std::to_string(r.report.iterations)});
    q.add_row({"status", std::string(fit::to_string(r.report.status))});
    q.add_row({"message", r.report.message});
    if (!sigma_of.empty()) {
      const auto sg = conductivity(r, sigma_of, geometry[0]);
      q.add_row({"sigma_dc from " + o.sigma,
                 g6(sg.sigma_s_per_m * 0.01) + " +- " + g6(sg.err_s_per_m * 0.01) + " S/cm"});
    }
    tables = {t, q};
  } else {
    tables = {wide};
  }
  if (o.residuals) tables.push_back(residuals);
  std::string footer;
  if (!batch.message.empty()) footer += "note: " + batch.message + "\n";
  write_output(o.out.output, render(format, tables, doc, footer));
}

}  // namespace

void register_fit(CLI::App& app) {
  auto o = std::make_shared<FitCliOptions>();
  auto* cmd = app.add_subcommand(
      "fit",
      "Fit an equivalent circuit (impedance.py or RelaxIS syntax) to spectra: one, a "
      "batch on all cores, or a temperature series");
  add_spectrum_files(cmd, o->files);
  cmd->add_option("--circuit,-c", o->circuit,
                  "Circuit, e.g. 'R0-p(R1,CPE1)' or RelaxIS 'R-(R)(P)-P' (docs/methods.md §8)")
      ->required();
  cmd->add_option("--guess", o->guess,
                  "Starting values NAME=VALUE in SI units (others from the data)")
      ->delimiter(',');
  cmd->add_option("--fix", o->fix, "Hold parameters: NAME=VALUE")->delimiter(',');
  cmd->add_option("--bounds", o->bounds, "Bounds NAME=LOW:HIGH (inf allowed)")->delimiter(',');
  cmd->add_option("--weight", o->weight,
                  "modulus (sigma = |Z|, default; RelaxIS 'Proportional Weighting'), unit "
                  "(impedance.py's default), proportional (sigma = |Z'|, |Z''|) or sigma (the "
                  "record's own uncertainties of Z; refused when it carries none)")
      ->check(CLI::IsMember({"unit", "modulus", "proportional", "sigma"}))
      ->capture_default_str();
  cmd->add_option("--fmin", o->fmin, "Lowest frequency fitted, e.g. 10Hz");
  cmd->add_option("--fmax", o->fmax, "Highest frequency fitted, e.g. 1MHz");
  cmd->add_option("--threads", o->threads, "Threads for a batch (0 = all cores)")
      ->capture_default_str();
  cmd->add_flag("--series", o->series,
                "Temperature series: fit in temperature order, each spectrum also from its "
                "neighbour's optimum (the lower chi2 is kept)");
  cmd->add_option("--sigma", o->sigma,
                  "Conductivity sigma = (L/A)/R from this resistance (or a sum R1+R2); needs "
                  "the geometry; adds sigma_dc_S_per_cm for 'solyte arrhenius'");
  cmd->add_flag("--residuals", o->residuals, "Also print data, fit and residuals per point");
  cmd->add_flag("--no-multistart", o->no_multistart,
                "One Levenberg-Marquardt run only, no fallback starts");
  cmd->add_option("--max-iterations", o->max_iterations, "Per run")->capture_default_str();
  cmd->add_option("--step-tolerance", o->step_tolerance,
                  "A run stops when the Gauss-Newton step left is below this many standard "
                  "errors (0: --tolerance alone)")
      ->capture_default_str();
  cmd->add_option("--tolerance", o->tolerance,
                  "Where that step cannot shrink, a run stops when chi2 changes by less than "
                  "this, relatively, per iteration")
      ->capture_default_str();
  add_spectrum_input_options(cmd, o->input);
  add_output_options(cmd, o->out);
  cmd->footer(
      "Parameter names: R0, C1, CPE1_Q, CPE1_alpha, Wo1_R, Wo1_tau … (impedance.py's CPE1_0, "
      "CPE1_1 also work); values in SI units (Ohm, F, s, S*s^a).\n"
      "Examples:\n"
      "  solyte fit cell.csv --circuit 'R0-p(R1,CPE1)-CPE2'\n"
      "  solyte fit cell.mpt -c 'R0-p(R1,C1)-p(R2-Wo1,C2)' --weight unit --guess R1=0.01,C1=100\n"
      "  solyte fit series/*.txt -c 'p(R1,CPE1)-p(R2,CPE2)-CPE3' --series --sigma R1+R2 \\\n"
      "      -d 8mm -L 2.1mm --temperature-from-name -f csv -o fits.csv && solyte arrhenius "
      "fits.csv\n"
      "  solyte fit cell.csv -c 'R-(R)(P)-P' --fmin 800Hz --fix R1=20 -f json");
  cmd->callback([o] { run(*o); });
}

}  // namespace solyte::cli
