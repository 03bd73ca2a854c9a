// solyte peaks — band areas of an IR, Raman or NMR spectrum (or any y(x) with peaks): baseline,
// multi-peak fit, band-area ratios and the B–H bond length (docs/methods.md §10).
#include <cmath>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "curve_input.hpp"
#include "fit_report_json.hpp"
#include "output.hpp"
#include "solyte/error.hpp"
#include "solyte/peaks/analysis.hpp"
#include "solyte/peaks/bands.hpp"
#include "solyte/units.hpp"

namespace solyte::cli {

namespace {

struct PeaksOptions {
  RecordInput in;
  std::string x_column = "auto", y_column = "auto", y_transform = "none", x_quantity = "auto";
  std::string range;
  std::string baseline = "none";
  std::vector<std::string> anchors;
  double baseline_smooth = 0;
  std::string model = "pseudo-voigt";
  bool no_fit = false;
  std::vector<double> positions;
  std::size_t max_peaks = 8;
  double prominence = 0.05, snr = 5;
  bool tie_widths = false, fix_positions = false;
  double center_window = 0;
  int background = -1;
  std::vector<std::string> ratios;
  std::string ratio_from = "integral";
  bool bond_length = false;
  std::optional<double> reference;
  bool curve = false;
  GlobalOptions out;
};

double plain(std::string_view s) { return parse_number(s, "a value of x"); }

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string p; std::getline(ss, p, sep);) out.push_back(p);
  return out;
}

// The x and y columns: by name (quantity, column name or the file's header) or automatic.
const Column& pick(const Measurement& m, const std::string& spec, const Column* not_this,
                   bool want_x) {
  if (spec != "auto") {
    for (const auto& c : m.columns)
      if (c.name == spec || c.source_name == spec || to_string(c.quantity) == spec) return c;
    std::string have;
    for (const auto& c : m.columns) have += (have.empty() ? "" : ", ") + c.name;
    throw InvalidArgument(m.label() + ": no column '" + spec + "' (columns: " + have + ")");
  }
  const Quantity xs[] = {Quantity::wavenumber, Quantity::chemical_shift, Quantity::two_theta};
  if (want_x) {
    for (Quantity q : xs)
      if (const Column* c = m.find(q)) return *c;
  } else if (const Column* c = m.find(Quantity::intensity)) {
    if (c != not_this) return *c;
  }
  for (const auto& c : m.columns)
    if (&c != not_this) return c;
  throw InvalidArgument(m.label() + ": the record needs two columns (x and y)");
}

peaks::BaselineOptions baseline_from(const PeaksOptions& o) {
  peaks::BaselineOptions b;
  const auto parts = split(o.baseline, ':');
  const auto method = peaks::baseline_method_from_string(parts.empty() ? "" : parts[0]);
  if (!method)
    throw InvalidArgument("--baseline '" + o.baseline +
                          "': use none, poly[:DEGREE], snip[:HALF_WIDTH] or als[:LAMBDA[:P]]");
  b.method = *method;
  b.smooth_half_width = o.baseline_smooth;
  auto arg = [&](std::size_t k) { return parse_number(parts.at(k), "a --baseline parameter"); };
  if (b.method == peaks::BaselineMethod::polynomial && parts.size() > 1)
    b.degree = static_cast<int>(arg(1));
  if (b.method == peaks::BaselineMethod::snip && parts.size() > 1) b.snip_half_width = arg(1);
  if (b.method == peaks::BaselineMethod::als) {
    if (parts.size() > 1) b.als_lambda = arg(1);
    if (parts.size() > 2) b.als_p = arg(2);
  }
  for (const auto& a : o.anchors) b.anchors.push_back(parse_range(a, plain, "--anchors window"));
  if (!b.anchors.empty() && b.method != peaks::BaselineMethod::polynomial)
    throw InvalidArgument("--anchors go with --baseline poly");
  return b;
}

std::vector<double> transformed(const Column& y, const std::string& how) {
  std::vector<double> v = y.values;
  if (how == "negate") {
    for (double& t : v) t = -t;
  } else if (how == "absorbance" || how == "absorbance-percent") {
    const double scale = how == "absorbance" ? 1.0 : 0.01;
    for (double& t : v) {
      const double tr = t * scale;
      if (!(tr > 0))
        throw InvalidArgument("--y-transform " + how + ": transmittance " + std::to_string(t) +
                              " is not positive");
      t = -std::log10(tr);
    }
  }
  return v;
}

std::string range_text(std::pair<double, double> r) {
  std::ostringstream s;
  s << r.first << ":" << r.second;
  return s.str();
}

void run(const PeaksOptions& o) {
  const Format format = parse_format(o.out.format);
  std::vector<std::string> notes;
  const Measurement m = load_record(o.in, std::nullopt, notes);
  const Column& xc = pick(m, o.x_column, nullptr, true);
  const Column& yc = pick(m, o.y_column, &xc, false);
  const std::vector<double> y = transformed(yc, o.y_transform);

  peaks::PeakAnalysisOptions a;
  if (!o.range.empty()) a.range = parse_range(o.range, plain, "--range");
  a.baseline = baseline_from(o);
  a.fit = !o.no_fit;
  const auto shape = peaks::shape_from_string(o.model);
  if (!shape)
    throw InvalidArgument("--model '" + o.model +
                          "': use gaussian, lorentzian, pseudo-voigt or voigt");
  a.shape = *shape;
  a.positions = o.positions;
  a.fix_positions = o.fix_positions;
  a.tie_widths = o.tie_widths;
  a.center_window = o.center_window;
  a.background_degree = o.background;
  a.detect.min_relative_prominence = o.prominence;
  a.detect.min_snr = o.snr;
  a.detect.max_peaks = o.max_peaks;
  for (const auto& r : o.ratios) {
    const auto parts = split(r, '/');
    if (parts.size() != 2) throw InvalidArgument("--ratio '" + r + "' must be A:B/C:D");
    a.ratios.push_back({parse_range(parts[0], plain, "--ratio numerator"),
                        parse_range(parts[1], plain, "--ratio denominator")});
  }
  a.ratio_source = o.ratio_from == "fit" ? peaks::AreaSource::fit : peaks::AreaSource::integral;
  // What x is: the file's quantity, or what --x-quantity says for columns the file leaves
  // unnamed ("column 1" of a headerless export).
  Quantity xq = xc.quantity;
  std::string x_unit = xc.unit;
  if (o.x_quantity != "auto") {
    xq = o.x_quantity == "wavenumber"       ? Quantity::wavenumber
         : o.x_quantity == "chemical_shift" ? Quantity::chemical_shift
                                            : Quantity::two_theta;
    if (xc.quantity != Quantity::other && xc.quantity != xq)
      throw InvalidArgument("--x-quantity " + o.x_quantity + ": the file says column '" + xc.name +
                            "' is " + std::string(to_string(xc.quantity)));
    x_unit = std::string(unit_of(xq));
  }
  if (o.bond_length && xq != Quantity::wavenumber)
    throw InvalidArgument("--bond-length needs a wavenumber axis in cm-1 (x is '" + xc.name +
                          "'; --x-quantity wavenumber says so for an unnamed column)");
  const auto r = peaks::analyse_peaks(xc.values, y, a);
  notes.insert(notes.end(), r.notes.begin(), r.notes.end());

  const std::string xu = x_unit.empty() ? "x" : x_unit;
  const std::string xs = xu == "1/cm" ? "cm-1" : xu;
  nlohmann::json doc;
  doc["record"] = record_json(m, o.in);
  doc["x"] = {{"column", xc.name}, {"quantity", std::string(to_string(xq))}, {"unit", x_unit}};
  doc["y"] = {{"column", yc.name}, {"unit", yc.unit}, {"transform", o.y_transform}};
  doc["method"] = {
      {"window", a.range ? nlohmann::json({a.range->first, a.range->second}) : nlohmann::json()},
      {"baseline",
       {{"method", std::string(peaks::to_string(a.baseline.method))},
        {"description", r.baseline.description},
        {"iterations", r.baseline.iterations},
        {"converged", r.baseline.converged}}},
      {"noise_sigma", r.noise_sigma},
      {"noise_method", "MAD of second differences / sqrt(6)"},
      {"detection",
       {{"min_relative_prominence", o.prominence}, {"min_snr", o.snr}, {"max_peaks", o.max_peaks}}},
      {"model", std::string(peaks::to_string(a.shape))},
      {"constraints",
       {{"tie_widths", o.tie_widths},
        {"fix_positions", o.fix_positions},
        {"center_window", o.center_window > 0 ? nlohmann::json(o.center_window)
                                              : nlohmann::json("1.5 x starting FWHM")},
        {"background_degree", o.background}}},
      {"starting_positions",
       o.positions.empty() ? nlohmann::json("detected") : nlohmann::json(o.positions)},
      {"area_errors", "fit: s^2 (J^T J)^-1 propagated; integral: white noise sigma only"}};

  Table summary;
  summary.title = "Peaks: window, baseline, noise and fit";
  summary.headers = {"file",  "x",     "points", "baseline",    "noise_sigma",
                     "peaks", "model", "status", "reduced_chi2"};
  summary.digits = 5;
  summary.add_row({o.in.file, xc.name, static_cast<long long>(r.x.size()), r.baseline.description,
                   r.noise_sigma, static_cast<long long>(r.fit ? r.fit->peaks.size() : 0),
                   r.fit ? std::string(peaks::to_string(a.shape)) : std::string("(none)"),
                   r.fit ? std::string(fit::to_string(r.fit->report.status))
                         : std::string(o.no_fit ? "not fitted" : "no peak"),
                   r.fit ? Cell{r.fit->report.reduced_chi2} : Cell{}});

  Table pt;
  pt.title = "Fitted peaks (centre, area and widths with standard errors)";
  pt.headers = {"peak",       "center_" + xs, "center_err",   "area",
                "area_err",   "fwhm_" + xs,   "fwhm_err",     "height",
                "height_err", "gauss_fwhm",   "lorentz_fwhm", "eta"};
  if (o.bond_length) {
    pt.headers.push_back("r_BH_A");
    pt.headers.push_back("r_BH_err_A");
    if (o.reference) pt.headers.push_back("r_change_pct");
  }
  pt.digits = 6;
  auto& jp = doc["peaks"] = nlohmann::json::array();
  if (r.fit) {
    for (std::size_t k = 0; k < r.fit->peaks.size(); ++k) {
      const auto& f = r.fit->peaks[k];
      const auto& p = f.peak;
      const bool voigt = p.shape == peaks::Shape::voigt;
      std::vector<Cell> row{static_cast<long long>(k + 1),
                            p.center,
                            f.center_err,
                            p.area,
                            f.area_err,
                            f.total_fwhm,
                            f.total_fwhm_err,
                            f.height,
                            f.height_err,
                            voigt ? Cell{p.fwhm} : Cell{},
                            voigt ? Cell{p.lorentz_fwhm} : Cell{},
                            p.shape == peaks::Shape::pseudo_voigt ? Cell{p.eta} : Cell{}};
      nlohmann::json j{{"peak", k + 1},        {"shape", std::string(peaks::to_string(p.shape))},
                       {"center", p.center},   {"center_err", number_or_null(f.center_err)},
                       {"area", p.area},       {"area_err", number_or_null(f.area_err)},
                       {"fwhm", f.total_fwhm}, {"fwhm_err", number_or_null(f.total_fwhm_err)},
                       {"height", f.height},   {"height_err", number_or_null(f.height_err)}};
      if (voigt) {
        j["gaussian_fwhm"] = p.fwhm;
        j["gaussian_fwhm_err"] = number_or_null(f.fwhm_err);
        j["lorentzian_fwhm"] = p.lorentz_fwhm;
        j["lorentzian_fwhm_err"] = number_or_null(f.lorentz_fwhm_err);
      }
      if (p.shape == peaks::Shape::pseudo_voigt) {
        j["eta"] = p.eta;
        j["eta_err"] = number_or_null(f.eta_err);
      }
      if (o.bond_length) {
        const double rb = peaks::bh_bond_length_angstrom(p.center);
        const double re = std::abs(peaks::bh_bond_length_slope_angstrom_cm) * f.center_err;
        row.push_back(rb);
        row.push_back(re);
        j["bh_bond_length_angstrom"] = rb;
        j["bh_bond_length_err_angstrom"] = number_or_null(re);
        if (o.reference) {
          const double change = 100 * (rb / peaks::bh_bond_length_angstrom(*o.reference) - 1);
          row.push_back(change);
          j["bh_bond_length_change_pct"] = change;
        }
      }
      pt.add_row(std::move(row));
      jp.push_back(std::move(j));
    }
    doc["fit"] = fit_report_json(r.fit->report);
    doc["fit"]["background_chebyshev"] = r.fit->background;
    doc["fit"]["background_span"] = {r.fit->x_lo, r.fit->x_hi};
  }
  if (o.bond_length)
    doc["bond_length"] = {{"formula", "r[A] = 1.482 - 1.078e-4 * nu[cm-1]"},
                          {"source", "Hagemann et al., Helv. Chim. Acta 101, e1700239 (2018)"},
                          {"reference_wavenumber", number_or_null(o.reference)}};

  Table rt;
  rt.title = "Band-area ratios (" + std::string(peaks::to_string(a.ratio_source)) + ")";
  rt.headers = {"numerator_" + xs, "denominator_" + xs, "area_num",
                "area_num_err",    "area_den",          "area_den_err",
                "ratio",           "ratio_err",         "source"};
  rt.digits = 6;
  auto& jr = doc["ratios"] = nlohmann::json::array();
  for (const auto& q : r.ratios) {
    rt.add_row({range_text(q.request.numerator), range_text(q.request.denominator), q.numerator,
                q.numerator_err, q.denominator, q.denominator_err, q.ratio, q.ratio_err,
                std::string(peaks::to_string(q.source))});
    nlohmann::json j{
        {"numerator_range", {q.request.numerator.first, q.request.numerator.second}},
        {"denominator_range", {q.request.denominator.first, q.request.denominator.second}},
        {"numerator_area", q.numerator},
        {"numerator_err", number_or_null(q.numerator_err)},
        {"denominator_area", q.denominator},
        {"denominator_err", number_or_null(q.denominator_err)},
        {"ratio", q.ratio},
        {"ratio_err", number_or_null(q.ratio_err)},
        {"source", std::string(peaks::to_string(q.source))},
        {"method", q.source == peaks::AreaSource::fit
                       ? "sum of the fitted areas of the peaks centred in each range; "
                         "error with the fit covariance"
                       : "trapezoid of the baseline-corrected data over each range; "
                         "error from the noise sigma"}};
    if (q.source == peaks::AreaSource::fit) {
      std::vector<std::size_t> a1, b1;
      for (auto k : q.numerator_peaks) a1.push_back(k + 1);
      for (auto k : q.denominator_peaks) b1.push_back(k + 1);
      j["numerator_peaks"] = a1;
      j["denominator_peaks"] = b1;
    }
    jr.push_back(std::move(j));
  }

  Table ct;
  ct.title = "Curve: data, baseline, corrected data and fit";
  ct.headers = {xc.name + "_" + xs, "y", "baseline", "corrected", "fit"};
  ct.digits = 8;
  if (o.curve) {
    auto& jc = doc["curve"];
    jc["x"] = r.x;
    jc["y"] = r.y;
    jc["baseline"] = r.baseline.values;
    jc["corrected"] = r.corrected;
    if (r.fit) jc["fit"] = r.fit->model;
    for (std::size_t i = 0; i < r.x.size(); ++i)
      ct.add_row({r.x[i], r.y[i], r.baseline.values[i], r.corrected[i],
                  r.fit ? Cell{r.fit->model[i]} : Cell{}});
  }
  doc["notes"] = notes;
  std::vector<Table> tables{summary};
  if (r.fit) tables.push_back(pt);
  if (!r.ratios.empty()) tables.push_back(rt);
  if (o.curve) tables.push_back(ct);
  write_output(o.out.output, render(format, tables, doc));
  print_notes(notes, o.out.quiet);
}

}  // namespace

void register_peaks(CLI::App& app) {
  auto o = std::make_shared<PeaksOptions>();
  auto* cmd = app.add_subcommand(
      "peaks", "Band areas of an IR, Raman or NMR spectrum: baseline, multi-peak fit, ratios");
  add_record_input(cmd, o->in);
  cmd->add_option("--x", o->x_column,
                  "x column: auto (wavenumber, chemical_shift or two_theta, else the first), a "
                  "quantity or a column name (e.g. 'column 1' for headerless files)")
      ->capture_default_str()
      ->group("Input");
  cmd->add_option("--x-quantity", o->x_quantity,
                  "What x is when the file does not say: wavenumber (cm-1), chemical_shift (ppm) "
                  "or two_theta (deg)")
      ->check(CLI::IsMember({"auto", "wavenumber", "chemical_shift", "two_theta"}))
      ->capture_default_str()
      ->group("Input");
  cmd->add_option("--y", o->y_column, "y column: auto (intensity, else the next column) or a name")
      ->capture_default_str()
      ->group("Input");
  cmd->add_option("--y-transform", o->y_transform,
                  "none; negate (dips become peaks); absorbance (-log10 T, T in 0-1); "
                  "absorbance-percent (T in %)")
      ->check(CLI::IsMember({"none", "negate", "absorbance", "absorbance-percent"}))
      ->capture_default_str()
      ->group("Input");
  cmd->add_option("--range", o->range, "x window A:B of the analysis (either order)")
      ->group("Method");
  cmd->add_option("--baseline", o->baseline,
                  "none, poly[:DEGREE] (modified polynomial, or through --anchors), "
                  "snip[:HALF_WIDTH in x units], als[:LAMBDA[:P]] (default 1e6, 0.01)")
      ->capture_default_str()
      ->group("Method");
  cmd->add_option("--anchors", o->anchors, "Baseline-only x windows A:B for --baseline poly")
      ->delimiter(',')
      ->group("Method");
  cmd->add_option("--baseline-smooth", o->baseline_smooth,
                  "Estimate the baseline on data smoothed over +-this (x units); clipping "
                  "baselines otherwise sit on the lower envelope of the noise")
      ->check(CLI::NonNegativeNumber)
      ->group("Method");
  cmd->add_option("--model", o->model, "Peak shape: gaussian, lorentzian, pseudo-voigt, voigt")
      ->capture_default_str()
      ->group("Method");
  cmd->add_flag("--no-fit", o->no_fit, "Baseline, detection and integrals only")->group("Method");
  cmd->add_option("--peaks", o->positions,
                  "Starting centres (x units), comma-separated; default: detected")
      ->delimiter(',')
      ->group("Method");
  cmd->add_option("--max-peaks", o->max_peaks, "At most this many detected peaks")
      ->capture_default_str()
      ->group("Method");
  cmd->add_option("--prominence", o->prominence,
                  "Detected peaks: prominence >= this fraction of the largest")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0))
      ->group("Method");
  cmd->add_option("--snr", o->snr, "Detected peaks: prominence >= this many noise sigma")
      ->capture_default_str()
      ->group("Method");
  cmd->add_flag("--tie-widths", o->tie_widths,
                "One width (and eta or Lorentzian width) for all peaks")
      ->group("Method");
  cmd->add_flag("--fix-positions", o->fix_positions, "Hold the centres at their starts")
      ->group("Method");
  cmd->add_option("--center-window", o->center_window,
                  "Centres stay within start +- this (x units); default 1.5 x starting FWHM")
      ->check(CLI::NonNegativeNumber)
      ->group("Method");
  cmd->add_option("--background", o->background,
                  "Degree of a Chebyshev background fitted with the peaks (-1: none)")
      ->capture_default_str()
      ->check(CLI::Range(-1, 10))
      ->group("Method");
  cmd->add_option("--ratio", o->ratios, "Band-area ratio A:B/C:D (repeatable)")->group("Ratios");
  cmd->add_option("--ratio-from", o->ratio_from,
                  "integral (of the baseline-corrected data) or fit (sum of fitted peak areas)")
      ->check(CLI::IsMember({"integral", "fit"}))
      ->capture_default_str()
      ->group("Ratios");
  cmd->add_flag("--bond-length", o->bond_length,
                "B-H bond length r = 1.482 - 1.078e-4 nu of every fitted centre (cm-1 axis)")
      ->group("Ratios");
  cmd->add_option("--reference", o->reference,
                  "With --bond-length: relative change of r against r at this wavenumber")
      ->group("Ratios");
  cmd->add_flag("--curve", o->curve, "Also print x, y, baseline, corrected data and fit")
      ->group("Output");
  add_output_options(cmd, o->out);
  cmd->footer(
      "Peaks have unit-area profiles times an area, so areas and their errors come from the fit "
      "(docs/methods.md 10). Headerless two-column files are read as 'column 1' and 'column 2' "
      "(auto picks them as x and y).\n"
      "Examples:\n"
      "  solyte peaks ir.csv --range 2300:3200 --baseline als:1e7:0.002 --model voigt "
      "--ratio 2400:2650/2990:3110\n"
      "  solyte peaks nmr.csv --peaks 5.2,-11.4 --tie-widths --model voigt --ratio 0:20/-30:-1 "
      "--ratio-from fit\n"
      "  solyte peaks ir.csv --range 2400:2650 --bond-length --reference 2525 -f json");
  cmd->callback([o] { run(*o); });
}

}  // namespace solyte::cli
