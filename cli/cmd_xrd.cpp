// solyte xrd — powder diffraction: lines of a structure, simulated patterns, peak fits of
// measured patterns, indexing against a cell, crystallite size and strain (METHODS.md §9;
// docs/methods.md §9a–9f).
#include <cmath>
#include <cstdio>
#include <memory>
#include <numbers>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "output.hpp"
#include "solyte/error.hpp"
#include "solyte/sim/powder_pattern.hpp"
#include "solyte/units.hpp"
#include "solyte/xtal/pattern_fit.hpp"
#include "solyte/xtal/pattern_index.hpp"
#include "solyte/xtal/powder_lines.hpp"
#include "solyte/xtal/size_strain.hpp"
#include "xtal_input.hpp"

namespace solyte::cli {

namespace {

// --- shared options --------------------------------------------------------------------------

struct StructureOptions {
  std::string cif, block, spacegroup;
  std::vector<std::string> cell;
};

void add_structure_options(CLI::App* cmd, StructureOptions& s) {
  cmd->add_option("--cif", s.cif, "Crystal structure (CIF 1.1)")->check(CLI::ExistingFile);
  cmd->add_option("--block", s.block, "Data block of the CIF (default: the first with a cell)");
  cmd->add_option("--cell", s.cell,
                  "Cell instead of a CIF, Å and degrees: a | a,c | a,b,c | a,b,c,beta | "
                  "a,b,c,alpha,beta,gamma (positions only; needs --spacegroup)")
      ->delimiter(',');
  cmd->add_option("--spacegroup,-g", s.spacegroup,
                  "Space group with --cell: number, Hermann-Mauguin or Hall symbol");
}

struct RadiationOptions {
  std::string wavelength = "CuKa1", wavelength2 = "CuKa2", ratio = "0.5";
};

void add_radiation_options(CLI::App* cmd, RadiationOptions& r, bool doublet) {
  cmd->add_option("--wavelength,-l", r.wavelength,
                  "Wavelength (Kα1) in Å or a line name (CuKa1, MoKa1, CoKa1, …)")
      ->capture_default_str();
  if (!doublet) return;
  cmd->add_option("--wavelength2", r.wavelength2, "Kα2 wavelength in Å or a line name")
      ->capture_default_str();
  cmd->add_option("--ratio", r.ratio, "I(Kα2)/I(Kα1); 0 for monochromatic radiation")
      ->capture_default_str();
}

// The radiation: options given on the command line win, then the file's, then Cu Kα1/Kα2.
xtal::Radiation radiation_of(const RadiationOptions& r, const CLI::App* cmd,
                             const std::optional<xtal::Radiation>& from_file) {
  xtal::Radiation out;
  if (from_file) out = *from_file;
  auto given = [cmd](const char* name) {
    const CLI::Option* opt = cmd->get_option_no_throw(name);
    return opt != nullptr && opt->count() > 0;
  };
  const bool l1 = given("--wavelength"), l2 = given("--wavelength2"), rt = given("--ratio");
  if (l1 || !from_file) out.lambda1 = parse_wavelength_angstrom(r.wavelength);
  if (l2 || !from_file) out.lambda2 = parse_wavelength_angstrom(r.wavelength2);
  if (rt || !from_file) out.ratio = parse_number(r.ratio, "--ratio");
  if (!(out.ratio >= 0)) throw InvalidArgument("--ratio must be >= 0");
  return out;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string hkl_text(const std::vector<xtal::HklFamily>& families) {
  std::string out;
  for (const auto& f : families) {
    std::string h;
    for (int v : f.hkl) h += (v < 0 ? "-" : "") + std::to_string(std::abs(v)) + " ";
    h.pop_back();
    out += (out.empty() ? "" : " ") + std::string("(") + h + ")";
  }
  return out;
}

nlohmann::json families_json(const std::vector<xtal::HklFamily>& families) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& f : families) {
    nlohmann::json j = {{"hkl", f.hkl}, {"multiplicity", f.multiplicity}};
    if (f.f_squared) j["F2"] = *f.f_squared;
    a.push_back(j);
  }
  return a;
}

nlohmann::json structure_json(const StructureInput& in) {
  const auto& s = in.structure;
  return {{"source", in.source},
          {"name", s.name},
          {"cell_A_deg",
           {s.cell.a(), s.cell.b(), s.cell.c(), s.cell.alpha_deg(), s.cell.beta_deg(),
            s.cell.gamma_deg()}},
          {"space_group", s.group.international_short},
          {"space_group_number", s.group.number},
          {"hall_number", s.group.hall_number},
          {"sites", s.sites.size()},
          {"warnings", s.warnings}};
}

// Lines of the structure; without atoms, intensities m·LP (|F|² = 1) when `flat_intensities`.
std::vector<xtal::PowderLine> lines_of(const StructureInput& in,
                                       const xtal::PowderLinesOptions& o) {
  if (in.has_atoms) return xtal::powder_lines(in.structure, o);
  return xtal::powder_line_positions(in.structure.cell, in.structure.group, o);
}

// --- xrd lines -------------------------------------------------------------------------------

struct LinesOptions {
  StructureOptions structure;
  RadiationOptions radiation;
  std::string range = "5:90";
  bool anomalous = false;
  double min_relative = 0;
  GlobalOptions out;
};

void run_lines(const LinesOptions& o, const CLI::App* cmd) {
  const Format format = parse_format(o.out.format);
  const StructureInput in =
      load_structure(o.structure.cif, o.structure.block, o.structure.cell, o.structure.spacegroup);
  const auto [lo, hi] = parse_range_deg(o.range, "--range");
  const double lambda = radiation_of(o.radiation, cmd, std::nullopt).lambda1;
  const xtal::PowderLinesOptions opt{.wavelength_angstrom = lambda,
                                     .two_theta_min_deg = lo,
                                     .two_theta_max_deg = hi,
                                     .anomalous = o.anomalous};
  const auto lines = lines_of(in, opt);
  Table t;
  t.title = "Powder lines of " + in.structure.name + " (" + in.structure.group.international_short +
            "), lambda = " + num(lambda) + " A";
  t.headers = {"two_theta_deg", "d_A", "hkl", "multiplicity", "F2_mean", "LP", "I_abs", "I_rel"};
  t.digits = 7;
  nlohmann::json jl = nlohmann::json::array();
  for (const auto& l : lines) {
    if (l.relative_intensity && *l.relative_intensity < o.min_relative) continue;
    std::optional<double> f2;
    if (l.intensity) f2 = *l.intensity / (l.multiplicity * l.lp);
    t.add_row({l.two_theta_deg, l.d_angstrom, hkl_text(l.families),
               static_cast<long long>(l.multiplicity), opt_cell(f2), l.lp, opt_cell(l.intensity),
               opt_cell(l.relative_intensity)});
    nlohmann::json j = {{"two_theta_deg", l.two_theta_deg},
                        {"d_A", l.d_angstrom},
                        {"families", families_json(l.families)},
                        {"multiplicity", l.multiplicity},
                        {"LP", l.lp}};
    if (l.intensity) j["I_abs"] = *l.intensity;
    if (l.relative_intensity) j["I_rel"] = *l.relative_intensity;
    jl.push_back(j);
  }
  nlohmann::json doc;
  doc["method"] = {
      {"name",
       "powder lines: Bragg positions, absences from the operations, |F|^2 with xraylib "
       "form factors, I = m |F|^2 LP"},
      {"wavelength_A", lambda},
      {"two_theta_range_deg", {lo, hi}},
      {"anomalous", o.anomalous},
      {"form_factors", in.has_atoms ? "xraylib FF_Rayl (neutral atoms)" : "none (positions only)"},
      {"LP", "(1 + cos^2 2theta) / (sin^2 theta cos theta)"},
      {"reference", "docs/methods.md §9b"}};
  doc["structure"] = structure_json(in);
  doc["lines"] = jl;
  std::string footer =
      in.has_atoms ? "I = m |F|^2 LP, LP = (1 + cos^2 2th)/(sin^2 th cos th); I_rel = 100 for the "
                     "strongest line in range (docs/methods.md §9b).\n"
                   : "Positions only (no atoms given): allowed reflections of the space group.\n";
  for (const auto& w : in.structure.warnings) footer += "note: " + w + "\n";
  write_output(o.out.output, render(format, {t}, doc, footer));
}

// --- xrd pattern -----------------------------------------------------------------------------

struct PatternOptions {
  StructureOptions structure;
  RadiationOptions radiation;
  std::string range = "10:90";
  double step = 0.02;
  double u = 0.002, v = -0.005, w = 0.006, x = 0.007, y = 0.031;
  double zero = 0, scale = 1e-3;
  std::vector<double> background = {100};
  bool noise = false;
  unsigned long long seed = 1;
  GlobalOptions out;
};

void run_pattern(const PatternOptions& o, const CLI::App* cmd) {
  const Format format = parse_format(o.out.format);
  const StructureInput in =
      load_structure(o.structure.cif, o.structure.block, o.structure.cell, o.structure.spacegroup);
  const auto [lo, hi] = parse_range_deg(o.range, "--range");
  const xtal::Radiation rad = radiation_of(o.radiation, cmd, std::nullopt);
  // Lines a little beyond the range so that their tails reach into it.
  const auto lines = lines_of(in, {.wavelength_angstrom = rad.lambda1,
                                   .two_theta_min_deg = std::max(0.5, lo - 5),
                                   .two_theta_max_deg = std::min(179.0, hi + 5)});
  std::vector<xtal::PatternLine> pl;
  for (const auto& l : lines)
    pl.push_back({l.d_angstrom, l.intensity.value_or(l.multiplicity * l.lp)});
  const xtal::PatternModel m{
      .profile = {.gauss = {.u = o.u, .v = o.v, .w = o.w}, .x = o.x, .y = o.y},
      .radiation = rad,
      .zero_shift_deg = o.zero,
      .scale = o.scale,
      .background = o.background};
  const auto grid = xtal::uniform_grid(lo, hi, o.step);
  const Measurement scan =
      sim::simulate_powder_scan(grid, pl, m, {.counting = o.noise, .seed = o.seed});
  Table t;
  t.title = "Simulated pattern of " + in.structure.name;
  // Headers the readers map back to 2θ, intensity and sigma.
  t.headers = {"2theta[deg]", "intensity", "sigma"};
  t.digits = 8;
  const auto& xs = scan.require(Quantity::two_theta).values;
  const auto& ys = scan.require(Quantity::intensity).values;
  const auto& ss = scan.require(Quantity::intensity_sigma).values;
  for (std::size_t i = 0; i < xs.size(); ++i) t.add_row({xs[i], ys[i], ss[i]});
  nlohmann::json doc;
  doc["method"] = {
      {"name",
       "Thompson-Cox-Hastings pseudo-Voigt, Caglioti Gaussian width, Chebyshev "
       "background, Kalpha1/Kalpha2"},
      {"U_deg2", o.u},
      {"V_deg2", o.v},
      {"W_deg2", o.w},
      {"X_deg", o.x},
      {"Y_deg", o.y},
      {"lambda1_A", rad.lambda1},
      {"lambda2_A", rad.lambda2},
      {"ratio", rad.ratio},
      {"zero_shift_deg", o.zero},
      {"scale", o.scale},
      {"background_chebyshev", o.background},
      {"counting_noise", o.noise},
      {"seed", o.seed},
      {"intensities", in.has_atoms ? "m |F|^2 LP (xraylib)" : "m LP (|F|^2 = 1, no atoms)"},
      {"reference", "docs/methods.md §9c"}};
  doc["structure"] = structure_json(in);
  doc["pattern"] = to_json(t);
  write_output(o.out.output, render(format, {t}, doc, ""));
}

// --- xrd peaks -------------------------------------------------------------------------------

struct PeaksOptions {
  std::string file, range;
  RadiationOptions radiation;
  double significance = 6, background_width = 1.5, window = 5;
  GlobalOptions out;
};

struct FittedPattern {
  PatternInput input;
  xtal::Radiation radiation;
  xtal::PeakFitReport report;
};

FittedPattern fit_file(const std::string& file, const std::string& range, const RadiationOptions& r,
                       const CLI::App* cmd, double significance, double background_width,
                       double window) {
  FittedPattern f;
  std::optional<std::pair<double, double>> rg;
  if (!range.empty()) rg = parse_range_deg(range, "--range");
  f.input = load_pattern(file, rg);
  f.radiation = radiation_of(r, cmd, f.input.radiation);
  const auto found = xtal::find_peaks(f.input.two_theta, f.input.intensity, f.input.sigma,
                                      {.min_significance = significance,
                                       .background_width_deg = background_width,
                                       .radiation = f.radiation});
  if (found.empty())
    throw NumericalError(file + ": no peak stands " + num(significance) +
                         " noise deviations above the background; lower --significance?");
  f.report = xtal::fit_peaks(f.input.two_theta, f.input.intensity, f.input.sigma, found,
                             {.radiation = f.radiation, .window_fwhm = window});
  return f;
}

Table peaks_table(const FittedPattern& f) {
  Table t;
  t.title = "Fitted peaks (pseudo-Voigt, Kalpha2 ratio " + num(f.radiation.ratio) + ")";
  t.headers = {"two_theta_deg", "two_theta_err_deg",
               "d_A",           "fwhm_deg",
               "fwhm_err_deg",  "eta",
               "area",          "height",
               "beta_deg",      "fwhm_G_deg",
               "fwhm_L_deg",    "status"};
  t.digits = 6;
  for (const auto& p : f.report.peaks) {
    const double d = f.radiation.lambda1 / (2 * std::sin(p.two_theta_deg * std::numbers::pi / 360));
    t.add_row({p.two_theta_deg, p.two_theta_err, d, p.fwhm_deg, p.fwhm_err, p.eta, p.area, p.height,
               p.integral_breadth_deg, p.fwhm_gauss_deg, p.fwhm_lorentz_deg,
               std::string(fit::to_string(f.report.windows[p.window].fit.status))});
  }
  return t;
}

nlohmann::json peak_method_json(const FittedPattern& f) {
  return {{"name",
           "SNIP background, Savitzky-Golay smoothing, prominence peak search; "
           "pseudo-Voigt + Kalpha2 + linear background least squares per window"},
          {"lambda1_A", f.radiation.lambda1},
          {"lambda2_A", f.radiation.lambda2},
          {"ratio", f.radiation.ratio},
          {"points", f.input.two_theta.size()},
          {"windows", f.report.windows.size()},
          {"converged_windows", f.report.converged_windows},
          {"reference", "docs/methods.md §9d"}};
}

void run_peaks(const PeaksOptions& o, const CLI::App* cmd) {
  const Format format = parse_format(o.out.format);
  const FittedPattern f =
      fit_file(o.file, o.range, o.radiation, cmd, o.significance, o.background_width, o.window);
  const Table t = peaks_table(f);
  nlohmann::json doc;
  doc["method"] = peak_method_json(f);
  doc["source"] = o.file;
  doc["peaks"] = to_json(t);
  std::string footer = std::to_string(f.report.converged_windows) + " of " +
                       std::to_string(f.report.windows.size()) +
                       " fit windows converged (docs/methods.md §9d).\n";
  write_output(o.out.output, render(format, {t}, doc, footer));
}

// --- xrd index -------------------------------------------------------------------------------

struct IndexCliOptions {
  std::string file, range, spacegroup;
  std::vector<std::string> cell, positions;
  RadiationOptions radiation;
  double tolerance = 0.15, significance = 6, background_width = 1.5;
  bool displacement = false, no_zero = false;
  GlobalOptions out;
};

void run_index(const IndexCliOptions& o, const CLI::App* cmd) {
  const Format format = parse_format(o.out.format);
  if (o.file.empty() == o.positions.empty())
    throw InvalidArgument("give a pattern FILE or --positions, one of the two");
  if (o.cell.empty() || o.spacegroup.empty())
    throw InvalidArgument("indexing needs the starting --cell and the --spacegroup");
  const xtal::SpaceGroup g = xtal::find_space_group(o.spacegroup);
  const xtal::UnitCell start = parse_cell(o.cell, g);
  std::vector<double> pos;
  double lambda = 0;
  std::optional<FittedPattern> fitted;
  if (!o.file.empty()) {
    fitted = fit_file(o.file, o.range, o.radiation, cmd, o.significance, o.background_width, 5);
    for (const auto& p : fitted->report.peaks) pos.push_back(p.two_theta_deg);
    lambda = fitted->radiation.lambda1;
  } else {
    for (const auto& s : o.positions) pos.push_back(parse_number(s, "--positions"));
    lambda = parse_wavelength_angstrom(o.radiation.wavelength);
  }
  const xtal::IndexResult r = xtal::index_lines(pos, start, g,
                                                {.wavelength_angstrom = lambda,
                                                 .tolerance_deg = o.tolerance,
                                                 .refine_zero = !o.no_zero,
                                                 .refine_displacement = o.displacement});
  Table lt;
  lt.title = "Indexed lines (" + g.international_short + ")";
  lt.headers = {"two_theta_obs_deg", "two_theta_calc_deg", "residual_deg", "d_obs_A", "hkl",
                "multiplicity"};
  lt.digits = 7;
  for (const auto& l : r.lines)
    lt.add_row({l.two_theta_obs_deg, opt_cell(l.two_theta_calc_deg),
                l.two_theta_calc_deg ? Cell{l.residual_deg} : Cell{}, l.d_obs_angstrom,
                l.families.empty() ? std::string("unassigned") : hkl_text(l.families),
                static_cast<long long>(l.multiplicity)});
  Table ct;
  ct.title = "Refined cell";
  ct.headers = {"a_A",       "a_err_A",  "b_A",          "b_err_A",
                "c_A",       "c_err_A",  "alpha_deg",    "beta_deg",
                "gamma_deg", "zero_deg", "zero_err_deg", "displacement_deg",
                "assigned",  "lines",    "rms_deg",      "status"};
  ct.digits = 8;
  ct.add_row({r.cell.a(), r.cell_err[0], r.cell.b(), r.cell_err[1], r.cell.c(), r.cell_err[2],
              r.cell.alpha_deg(), r.cell.beta_deg(), r.cell.gamma_deg(), r.zero_shift_deg,
              r.zero_shift_err, r.displacement_deg, static_cast<long long>(r.assigned),
              static_cast<long long>(r.lines.size()), r.rms_deg,
              std::string(fit::to_string(r.fit.status))});
  nlohmann::json doc;
  doc["method"] = {{"name",
                    "nearest allowed reflection within the tolerance, then least squares "
                    "of 2theta over the free cell parameters"},
                   {"wavelength_A", lambda},
                   {"tolerance_deg", o.tolerance},
                   {"free_parameters", r.free_parameters},
                   {"space_group", g.international_short},
                   {"reference", "docs/methods.md §9e"}};
  if (fitted) doc["peak_fit"] = peak_method_json(*fitted);
  doc["lines"] = to_json(lt);
  doc["cell"] = to_json(ct).at(0);
  write_output(o.out.output, render(format, {lt, ct}, doc, ""));
}

// --- xrd size-strain -------------------------------------------------------------------------

struct SizeStrainOptions {
  std::string file, standard, range, correction = "lorentzian";
  std::vector<std::string> two_theta, beta;
  std::string instrumental;
  RadiationOptions radiation;
  double k = 0.9, significance = 6, background_width = 1.5;
  GlobalOptions out;
};

xtal::BreadthCorrection correction_of(const std::string& s) {
  if (s == "lorentzian") return xtal::BreadthCorrection::lorentzian;
  if (s == "gaussian") return xtal::BreadthCorrection::gaussian;
  if (s == "geometric-mean") return xtal::BreadthCorrection::geometric_mean;
  throw InvalidArgument("--correction '" + s + "': use lorentzian, gaussian or geometric-mean");
}

void run_size_strain(const SizeStrainOptions& o, const CLI::App* cmd) {
  const Format format = parse_format(o.out.format);
  std::vector<double> tth, beta;
  std::vector<Table> tables;
  nlohmann::json doc;
  std::string footer;
  double lambda = 0;
  std::string breadth_kind;
  if (!o.file.empty()) {
    if (!o.two_theta.empty() || !o.beta.empty())
      throw InvalidArgument("give a sample pattern FILE or --two-theta/--beta, not both");
    if (o.standard.empty())
      throw InvalidArgument(
          "a sample pattern needs --standard (a pattern of a line-profile "
          "standard such as LaB6) for the instrumental correction");
    const FittedPattern std_fit =
        fit_file(o.standard, o.range, o.radiation, cmd, o.significance, 1.5, 5);
    const xtal::InstrumentFunction inst = xtal::instrument_function(std_fit.report.peaks);
    const FittedPattern sample =
        fit_file(o.file, o.range, o.radiation, cmd, o.significance, o.background_width, 5);
    lambda = sample.radiation.lambda1;
    Table st;
    st.title =
        "Sample lines corrected for the instrument (Lorentzian widths subtract, Gaussian "
        "in quadrature)";
    st.headers = {"two_theta_deg", "fwhm_obs_deg", "fwhm_G_deg", "fwhm_L_deg",
                  "beta_deg",      "L_scherrer_A", "resolved"};
    for (const auto& p : sample.report.peaks) {
      const xtal::SampleBreadth b = xtal::sample_breadth(p, inst);
      Cell size{};
      if (b.resolved && b.fwhm_lorentz_deg > 0) {
        size = xtal::scherrer_size_angstrom(b.fwhm_lorentz_deg, b.two_theta_deg, lambda, o.k);
        tth.push_back(b.two_theta_deg);
        beta.push_back(b.fwhm_lorentz_deg);
      }
      st.add_row({b.two_theta_deg, p.fwhm_deg, b.fwhm_gauss_deg, b.fwhm_lorentz_deg, b.beta_deg,
                  size, std::string(b.resolved ? "yes" : "no")});
    }
    Table it;
    it.title = "Instrument function from " + o.standard;
    it.headers = {"U_deg2", "V_deg2", "W_deg2",    "X_deg",
                  "Y_deg",  "peaks",  "rms_G_deg", "rms_L_deg"};
    it.add_row({inst.widths.gauss.u, inst.widths.gauss.v, inst.widths.gauss.w, inst.widths.x,
                inst.widths.y, static_cast<long long>(inst.peaks_used), inst.rms_gauss_deg,
                inst.rms_lorentz_deg});
    tables = {it, st};
    doc["instrument"] = to_json(it).at(0);
    doc["sample_lines"] = to_json(st);
    breadth_kind = "corrected Lorentzian FWHM of each line (K = " + num(o.k) + ")";
  } else {
    if (o.two_theta.empty() || o.two_theta.size() != o.beta.size())
      throw InvalidArgument(
          "give --two-theta and --beta lists of the same length (degrees), or "
          "a sample pattern FILE with --standard");
    lambda = parse_wavelength_angstrom(o.radiation.wavelength);
    std::optional<double> inst;
    if (!o.instrumental.empty()) inst = parse_number(o.instrumental, "--instrumental");
    const auto method = correction_of(o.correction);
    Table st;
    st.title = "Scherrer sizes";
    st.headers = {"two_theta_deg",   "beta_obs_deg", "beta_inst_deg",
                  "beta_sample_deg", "L_scherrer_A", "L_scherrer_nm"};
    for (std::size_t i = 0; i < o.two_theta.size(); ++i) {
      const double t = parse_number(o.two_theta[i], "--two-theta");
      const double b0 = parse_number(o.beta[i], "--beta");
      const double b = inst ? xtal::corrected_breadth(b0, *inst, method) : b0;
      const double size = xtal::scherrer_size_angstrom(b, t, lambda, o.k);
      st.add_row({t, b0, opt_cell(inst), b, size, size / 10});
      tth.push_back(t);
      beta.push_back(b);
    }
    tables = {st};
    doc["lines"] = to_json(st);
    breadth_kind = inst ? "given breadths corrected (" + std::string(xtal::to_string(method)) + ")"
                        : "given breadths (no instrumental correction)";
  }
  doc["method"] = {{"name",
                    "Scherrer L = K lambda/(beta cos theta); Williamson-Hall beta cos "
                    "theta = K lambda/L + 4 e sin theta"},
                   {"K", o.k},
                   {"wavelength_A", lambda},
                   {"breadths", breadth_kind},
                   {"reference", "docs/methods.md §9f"}};
  if (tth.size() >= 2) {
    try {
      const xtal::WilliamsonHall wh = xtal::williamson_hall(tth, beta, lambda, o.k);
      Table wt;
      wt.title = "Williamson-Hall";
      wt.headers = {"L_A",           "L_err_A",   "strain", "strain_err", "strain_rms_gauss",
                    "intercept_rad", "slope_rad", "r2",     "lines"};
      wt.add_row({wh.size_angstrom, wh.size_err, wh.strain, wh.strain_err,
                  xtal::rms_strain_from_apparent(wh.strain), wh.intercept, wh.slope, wh.r2,
                  static_cast<long long>(wh.n)});
      tables.push_back(wt);
      doc["williamson_hall"] = to_json(wt).at(0);
    } catch (const NumericalError& e) {
      footer += std::string("note: no Williamson-Hall size: ") + e.what() + "\n";
      doc["williamson_hall_note"] = e.what();
    }
  }
  footer += "Breadths: " + breadth_kind +
            "; strain_rms_gauss = e / sqrt(pi/2) for a Gaussian "
            "strain distribution (docs/methods.md §9f).\n";
  write_output(o.out.output, render(format, tables, doc, footer));
}

}  // namespace

void register_xrd(CLI::App& app) {
  auto* xrd =
      app.add_subcommand("xrd",
                         "Powder diffraction: lines of a structure, simulated patterns, peak fits, "
                         "indexing, crystallite size and strain");
  xrd->require_subcommand(1);
  xrd->footer(
      "Examples:\n"
      "  solyte xrd lines --cif NaCl.cif\n"
      "  solyte xrd lines --cell 7.882 --spacegroup Im-3m --range 10:40\n"
      "  solyte xrd pattern --cif LaB6.cif --range 15:125 --noise -o lab6.csv\n"
      "  solyte xrd peaks lab6.csv\n"
      "  solyte xrd index lab6.csv --cell 4.16 --spacegroup Pm-3m\n"
      "  solyte xrd size-strain sample.csv --standard lab6.csv\n"
      "  solyte xrd size-strain --two-theta 15.8885 --beta 0.20");

  auto lo = std::make_shared<LinesOptions>();
  auto* lines = xrd->add_subcommand(
      "lines",
      "Powder lines of a structure: 2theta, d, hkl families, multiplicity, |F|^2, LP, "
      "intensities");
  add_structure_options(lines, lo->structure);
  add_radiation_options(lines, lo->radiation, false);
  lines->add_option("--range", lo->range, "2theta range MIN:MAX in degrees")->capture_default_str();
  lines->add_flag("--anomalous", lo->anomalous,
                  "Add the anomalous terms f' + i f'' (xraylib) at the wavelength's energy");
  lines->add_option("--min-intensity", lo->min_relative,
                    "Leave out lines below this relative intensity (0-100)");
  add_output_options(lines, lo->out);
  lines->footer(
      "From a CIF: positions, d, hkl families with multiplicity, |F|^2 (xraylib form factors, "
      "occupancies, U/B), LP = (1 + cos^2 2th)/(sin^2 th cos th), I = m |F|^2 LP and I_rel (100 "
      "= strongest). From --cell and --spacegroup: positions only. Absences come from the "
      "group's operations.\n"
      "Output columns: two_theta_deg, d_A, hkl, multiplicity, F2_mean (per reflection), LP, "
      "I_abs, I_rel.\n"
      "Examples:\n"
      "  solyte xrd lines --cif NaCl.cif                       # 200 at 31.7043 deg = 100\n"
      "  solyte xrd lines --cell 7.882 -g Im-3m --range 10:40  # 110 at 15.8885, 200 at 22.543\n"
      "  solyte xrd lines --cif NAC.cif --wavelength MoKa1 --range 5:40 -f json");
  lines->callback([lo, lines] { run_lines(*lo, lines); });

  auto po = std::make_shared<PatternOptions>();
  auto* pattern =
      xrd->add_subcommand("pattern",
                          "Simulated powder pattern (TCH pseudo-Voigt, Caglioti U V W, Kalpha1/2, "
                          "Chebyshev background, zero shift, counting noise)");
  add_structure_options(pattern, po->structure);
  add_radiation_options(pattern, po->radiation, true);
  pattern->add_option("--range", po->range, "2theta range MIN:MAX in degrees")
      ->capture_default_str();
  pattern->add_option("--step", po->step, "2theta step, degrees")->capture_default_str();
  pattern->add_option("--u", po->u, "Caglioti U, deg^2")->capture_default_str();
  pattern->add_option("--v", po->v, "Caglioti V, deg^2")->capture_default_str();
  pattern->add_option("--w", po->w, "Caglioti W, deg^2")->capture_default_str();
  pattern->add_option("--x", po->x, "Lorentzian X (X tan theta), deg")->capture_default_str();
  pattern->add_option("--y", po->y, "Lorentzian Y (Y / cos theta), deg")->capture_default_str();
  pattern->add_option("--zero", po->zero, "Zero shift added to every 2theta, deg")
      ->capture_default_str();
  pattern->add_option("--scale", po->scale, "Scale of the line intensities")->capture_default_str();
  pattern
      ->add_option("--background", po->background,
                   "Chebyshev background coefficients c0,c1,... (counts)")
      ->delimiter(',');
  pattern->add_flag("--noise", po->noise, "Add counting noise (sqrt(counts), rounded)");
  pattern->add_option("--seed", po->seed, "Seed of the noise")->capture_default_str();
  add_output_options(pattern, po->out);
  pattern->footer(
      "y(2th) = sum over lines and Kalpha1/2 of scale r_k I pV(2th - 2th_k - zero; Gamma, eta) + "
      "sum c_j T_j(t), Gamma and eta from the TCH mixing of Gamma_G^2 = U tan^2 th + V tan th + W "
      "and Gamma_L = X tan th + Y / cos th. Columns 2theta[deg], intensity, sigma: the file "
      "reads back into 'xrd peaks'. The defaults are a lab Cu instrument (the LaB6 standard's "
      "widths).\n"
      "Examples:\n"
      "  solyte xrd pattern --cif LaB6.cif --range 15:125 --step 0.013 --noise -o lab6.csv\n"
      "  solyte xrd pattern --cell 7.882 -g Im-3m --ratio 0 --y 0.3 -f json");
  pattern->callback([po, pattern] { run_pattern(*po, pattern); });

  auto ko = std::make_shared<PeaksOptions>();
  auto* peaks = xrd->add_subcommand(
      "peaks", "Peak search and pseudo-Voigt profile fits (with Kalpha2) of a measured pattern");
  peaks->add_option("FILE", ko->file, "Pattern file (any format the readers know)")
      ->required()
      ->check(CLI::ExistingFile);
  peaks->add_option("--range", ko->range, "Fit only MIN:MAX degrees 2theta");
  add_radiation_options(peaks, ko->radiation, true);
  peaks
      ->add_option("--significance", ko->significance,
                   "Smallest peak height over the noise, in standard deviations")
      ->capture_default_str();
  peaks
      ->add_option("--background-width", ko->background_width,
                   "SNIP clipping half-width, degrees (wider than the broadest line)")
      ->capture_default_str();
  peaks->add_option("--window", ko->window, "Fit window half-width in FWHM")->capture_default_str();
  add_output_options(peaks, ko->out);
  peaks->footer(
      "The radiation comes from the file when it states it, else Cu Kalpha1/Kalpha2 (ratio "
      "0.5); --wavelength/--wavelength2/--ratio override. Output columns: two_theta_deg, "
      "two_theta_err_deg, d_A, fwhm_deg, fwhm_err_deg, eta, area, height, beta_deg (integral "
      "breadth), fwhm_G_deg, fwhm_L_deg (TCH split), status.\n"
      "Examples:\n"
      "  solyte xrd peaks lab6.csv\n"
      "  solyte xrd peaks scan.xy --ratio 0 --range 20:60 -f csv");
  peaks->callback([ko, peaks] { run_peaks(*ko, peaks); });

  auto io = std::make_shared<IndexCliOptions>();
  auto* index = xrd->add_subcommand(
      "index", "Index fitted lines against a cell and space group; refine the cell and the zero");
  index->add_option("FILE", io->file, "Pattern file (fitted first, as 'xrd peaks')")
      ->check(CLI::ExistingFile);
  index->add_option("--positions", io->positions, "Line positions (deg) instead of a file")
      ->delimiter(',');
  index->add_option("--cell", io->cell, "Starting cell, Å and degrees (as 'xrd lines')")
      ->delimiter(',');
  index->add_option("--spacegroup,-g", io->spacegroup, "Space group");
  index->add_option("--range", io->range, "Use only MIN:MAX degrees 2theta of the file");
  add_radiation_options(index, io->radiation, true);
  index->add_option("--tolerance", io->tolerance, "Largest |2th_obs - 2th_calc|, deg")
      ->capture_default_str();
  index->add_flag("--displacement", io->displacement,
                  "Also refine a sample-displacement term D cos(theta)");
  index->add_flag("--no-zero", io->no_zero, "Do not refine a zero shift");
  add_output_options(index, io->out);
  index->footer(
      "Each line gets the nearest allowed reflection of the group within the tolerance; the "
      "cell parameters free in the crystal system (cubic a; tetragonal/hexagonal a, c; …) and "
      "the zero shift are refined by least squares of 2theta. Output: the lines "
      "(two_theta_obs_deg, two_theta_calc_deg, residual_deg, d_obs_A, hkl, multiplicity) and the "
      "refined cell.\n"
      "Examples:\n"
      "  solyte xrd index lab6.csv --cell 4.16 --spacegroup Pm-3m\n"
      "  solyte xrd index --positions 15.89,22.54,27.70 --cell 7.88 -g Im-3m --no-zero");
  index->callback([io, index] { run_index(*io, index); });

  auto so = std::make_shared<SizeStrainOptions>();
  auto* ss =
      xrd->add_subcommand("size-strain",
                          "Crystallite size (Scherrer) and strain (Williamson-Hall) from line "
                          "breadths, corrected with a standard's pattern");
  ss->add_option("FILE", so->file, "Sample pattern (with --standard)")->check(CLI::ExistingFile);
  ss->add_option("--standard", so->standard, "Pattern of a line-profile standard (LaB6, Si)")
      ->check(CLI::ExistingFile);
  ss->add_option("--two-theta", so->two_theta, "Line positions, deg (instead of patterns)")
      ->delimiter(',');
  ss->add_option("--beta", so->beta, "Line breadths, deg 2theta (with --two-theta)")
      ->delimiter(',');
  ss->add_option("--instrumental", so->instrumental, "Instrumental breadth, deg (numbers mode)");
  ss->add_option("--correction", so->correction,
                 "With --instrumental: lorentzian (subtract), gaussian (quadrature) or "
                 "geometric-mean (of the two)")
      ->capture_default_str();
  ss->add_option("--k", so->k, "Scherrer constant (0.9 for FWHM)")->capture_default_str();
  ss->add_option("--range", so->range, "Use only MIN:MAX degrees 2theta of the patterns");
  add_radiation_options(ss, so->radiation, true);
  ss->add_option("--background-width", so->background_width,
                 "SNIP clipping half-width for the sample, degrees")
      ->capture_default_str();
  add_output_options(ss, so->out);
  ss->footer(
      "Patterns: both are fitted; the standard's Gaussian and Lorentzian widths give the "
      "instrument function (Caglioti U, V, W and X, Y); each sample line's Lorentzian width "
      "minus the instrument's and Gaussian width in quadrature give the sample's; Scherrer per "
      "line and Williamson-Hall over the lines use the corrected Lorentzian FWHM. Numbers: "
      "--two-theta and --beta (and --instrumental with --correction).\n"
      "Examples:\n"
      "  solyte xrd size-strain --two-theta 15.8885 --beta 0.20                  # 401.06 A\n"
      "  solyte xrd size-strain --two-theta 15.8885 --beta 0.25 --instrumental 0.08 "
      "--correction gaussian\n"
      "  solyte xrd size-strain sample.csv --standard lab6.csv --background-width 4");
  ss->callback([so, ss] { run_size_strain(*so, ss); });
}

}  // namespace solyte::cli
