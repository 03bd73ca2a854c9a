// solyte cv — the oxidative stability window of a slow-scan cyclic voltammogram: edge
// potential (tangent, threshold, deviation), peaks and the charge ratio (docs/methods.md §11).
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "curve_input.hpp"
#include "output.hpp"
#include "solyte/echem/cyclic_voltammetry.hpp"
#include "solyte/error.hpp"
#include "solyte/units.hpp"

namespace solyte::cli {

namespace {

struct CvCliOptions {
  RecordInput in;
  std::string area;
  std::vector<std::string> edges{"tangent"};
  std::optional<int> cycle;
  std::string baseline_window, search_window, charge_window;
  std::string baseline_width = "0.3V", smoothing = "20mV", reversal = "10mV";
  std::string threshold = "10uA/cm2";
  double k = 5;
  bool no_despike = false;
  double prominence = 0.02;
  GlobalOptions out;
};

double volts(std::string_view s) { return parse_potential_v(s); }

void run(const CvCliOptions& o) {
  const Format format = parse_format(o.out.format);
  std::vector<std::string> notes;
  const Measurement m = load_record(o.in, Technique::cyclic_voltammetry, notes);

  echem::CvOptions c;
  if (!o.area.empty()) c.area_m2 = parse_area_m2(o.area);
  c.methods.clear();
  for (const auto& e : o.edges) {
    const auto method = echem::edge_method_from_string(e);
    if (!method) throw InvalidArgument("--edge '" + e + "': use tangent, threshold or deviation");
    c.methods.push_back(*method);
  }
  c.cycle = o.cycle;
  if (!o.baseline_window.empty())
    c.edge.baseline_window_v = parse_range(o.baseline_window, volts, "--baseline-window");
  if (!o.search_window.empty())
    c.edge.search_window_v = parse_range(o.search_window, volts, "--search-window");
  if (!o.charge_window.empty())
    c.charge_window_v = parse_range(o.charge_window, volts, "--charge-window");
  c.edge.baseline_width_v = parse_potential_v(o.baseline_width);
  c.edge.smoothing_v = parse_potential_v(o.smoothing);
  c.min_reversal_v = parse_potential_v(o.reversal);
  if (o.threshold.find("/") != std::string::npos)
    c.edge.threshold_a_per_m2 = parse_current_density_a_per_m2(o.threshold);
  else
    c.edge.threshold_a = parse_current_a(o.threshold);
  c.edge.deviation_k = o.k;
  c.edge.despike = !o.no_despike;
  c.peak_min_relative_prominence = o.prominence;
  const auto a = echem::analyse_cv(m, c);
  const std::optional<double> area = c.area_m2 ? c.area_m2 : m.meta.electrode_area_m2;
  notes.insert(notes.end(), a.notes.begin(), a.notes.end());

  nlohmann::json doc;
  doc["record"] = record_json(m, o.in);
  doc["area_m2"] = number_or_null(area);
  doc["area_source"] = !o.area.empty() ? "option" : (area ? "record" : "none");
  doc["method"] = {
      {"smoothing_half_width_v", c.edge.smoothing_v},
      {"smoothing", "local cubic least squares over +-smoothing (Savitzky-Golay, uneven steps)"},
      {"despike", c.edge.despike ? "Hampel filter, +-5 points, 5 MAD" : "off"},
      {"baseline", "straight line fitted to the raw current in the baseline window"},
      {"baseline_window_v",
       c.edge.baseline_window_v
           ? nlohmann::json({c.edge.baseline_window_v->first, c.edge.baseline_window_v->second})
           : nlohmann::json("automatic: the highest window below the steepest rise about as flat "
                            "as the flattest")},
      {"baseline_width_v", c.edge.baseline_width_v},
      {"search_window_v",
       c.edge.search_window_v
           ? nlohmann::json({c.edge.search_window_v->first, c.edge.search_window_v->second})
           : nlohmann::json("whole anodic sweep above the baseline window")},
      {"tangent", "tangent at the maximum di/dE meets the baseline"},
      {"threshold", c.edge.threshold_a
                        ? "current " + std::to_string(*c.edge.threshold_a) + " A"
                        : "current density " + std::to_string(c.edge.threshold_a_per_m2) + " A/m2"},
      {"deviation", "i - baseline exceeds k sigma, sigma the baseline rms; k = " +
                        std::to_string(c.edge.deviation_k)},
      {"crossing", "the upward crossing that starts the excursion ending in the steepest rise"},
      {"reversal_v", c.min_reversal_v},
      {"peaks",
       {{"min_relative_prominence", c.peak_min_relative_prominence}, {"min_snr", c.peak_min_snr}}},
      {"charge",
       "anodic charge int max(i,0) dt on the anodic sweep and cathodic charge int max(-i,0) dt on "
       "the return, inside the window (default: first edge to vertex)"},
      {"reading",
       {{"reversible_at_or_above", echem::reversible_ratio},
        {"irreversible_at_or_below", echem::irreversible_ratio}}}};

  Table sweeps;
  sweeps.title = "Sweeps";
  sweeps.headers = {"sweep", "cycle", "direction", "E_start_V", "E_end_V", "scan_rate_mV_per_s",
                    "rows"};
  sweeps.digits = 5;
  auto& js = doc["sweeps"] = nlohmann::json::array();
  for (std::size_t k = 0; k < a.sweeps.size(); ++k) {
    const auto& s = a.sweeps[k];
    const std::optional<double> rate =
        s.scan_rate_v_per_s ? std::optional<double>(*s.scan_rate_v_per_s * 1e3) : std::nullopt;
    sweeps.add_row({static_cast<long long>(k + 1), static_cast<long long>(s.cycle),
                    std::string(echem::to_string(s.direction)), s.e_start_v, s.e_end_v,
                    opt_cell(rate), static_cast<long long>(s.end - s.begin)});
    js.push_back({{"cycle", s.cycle},
                  {"direction", std::string(echem::to_string(s.direction))},
                  {"e_start_v", s.e_start_v},
                  {"e_end_v", s.e_end_v},
                  {"scan_rate_v_per_s", number_or_null(s.scan_rate_v_per_s)},
                  {"rows", {s.begin, s.end}}});
  }

  Table edges;
  edges.title = "Edge potential E_e (oxidative stability) by method, with its windows";
  edges.headers = {"cycle",
                   "method",
                   "E_e_V",
                   "baseline_window_V",
                   "baseline_slope_A_per_V",
                   "baseline_rms_A",
                   "steepest_V",
                   "steepest_slope_A_per_V",
                   "criterion_A",
                   "note"};
  edges.digits = 5;
  Table pk;
  pk.title = "Peaks (anodic: maxima on the anodic sweep; cathodic: minima on the return)";
  pk.headers = {"cycle", "direction", "E_p_V", "i_p_A", "j_p_mA_per_cm2", "prominence_A"};
  pk.digits = 5;
  Table ch;
  ch.title = "Charge balance over the window (cathodic / anodic)";
  ch.headers = {"cycle", "window_V", "Q_anodic_C", "Q_cathodic_C", "ratio", "reading"};
  ch.digits = 5;
  auto& jc = doc["cycles"] = nlohmann::json::array();
  for (const auto& cy : a.cycles) {
    nlohmann::json j;
    j["cycle"] = cy.cycle;
    j["notes"] = cy.notes;
    for (const auto& n : cy.notes) notes.push_back("cycle " + std::to_string(cy.cycle) + ": " + n);
    auto& je = j["edges"] = nlohmann::json::array();
    for (const auto& e : cy.edges) {
      std::ostringstream w;
      w << e.baseline_window_v.first << ":" << e.baseline_window_v.second
        << (e.baseline_window_auto ? " (auto)" : "");
      edges.add_row({static_cast<long long>(cy.cycle), std::string(echem::to_string(e.method)),
                     opt_cell(e.edge_v), w.str(), e.baseline_slope_a_per_v, e.baseline_rms_a,
                     e.steepest_v, e.steepest_slope_a_per_v,
                     e.method == echem::EdgeMethod::tangent ? Cell{} : Cell{e.criterion_a},
                     e.message});
      je.push_back(
          {{"method", std::string(echem::to_string(e.method))},
           {"edge_v", number_or_null(e.edge_v)},
           {"baseline_window_v", {e.baseline_window_v.first, e.baseline_window_v.second}},
           {"baseline_window_auto", e.baseline_window_auto},
           {"baseline_intercept_a", e.baseline_intercept_a},
           {"baseline_slope_a_per_v", e.baseline_slope_a_per_v},
           {"baseline_rms_a", e.baseline_rms_a},
           {"steepest_v", e.steepest_v},
           {"steepest_current_a", e.steepest_current_a},
           {"steepest_slope_a_per_v", e.steepest_slope_a_per_v},
           {"criterion_a", e.method == echem::EdgeMethod::tangent ? nlohmann::json()
                                                                  : nlohmann::json(e.criterion_a)},
           {"despiked_points", e.despiked},
           {"message", e.message}});
    }
    auto& jp = j["peaks"] = nlohmann::json::array();
    for (const auto& p : cy.peaks) {
      const std::optional<double> jd =
          area ? std::optional<double>(p.current_a / *area * 0.1) : std::nullopt;
      pk.add_row({static_cast<long long>(cy.cycle), std::string(echem::to_string(p.direction)),
                  p.potential_v, p.current_a, opt_cell(jd), p.prominence_a});
      jp.push_back({{"direction", std::string(echem::to_string(p.direction))},
                    {"potential_v", p.potential_v},
                    {"current_a", p.current_a},
                    {"prominence_a", p.prominence_a}});
    }
    if (cy.charge) {
      const auto& q = *cy.charge;
      std::ostringstream w;
      w << q.window_v.first << ":" << q.window_v.second;
      ch.add_row({static_cast<long long>(cy.cycle), w.str(), q.anodic_c, q.cathodic_c, q.ratio,
                  std::string(echem::reversibility(q.ratio))});
      j["charge"] = {{"window_v", {q.window_v.first, q.window_v.second}},
                     {"anodic_c", q.anodic_c},
                     {"cathodic_c", q.cathodic_c},
                     {"ratio", q.ratio},
                     {"reading", std::string(echem::reversibility(q.ratio))}};
    }
    jc.push_back(std::move(j));
  }
  doc["notes"] = notes;
  std::vector<Table> tables{sweeps, edges};
  if (!pk.rows.empty()) tables.push_back(pk);
  if (!ch.rows.empty()) tables.push_back(ch);
  write_output(o.out.output, render(format, tables, doc));
  print_notes(notes, o.out.quiet);
}

}  // namespace

void register_cv(CLI::App& app) {
  auto o = std::make_shared<CvCliOptions>();
  auto* cmd = app.add_subcommand(
      "cv", "Stability window from a slow-scan CV: edge potential, peaks, charge ratio");
  add_record_input(cmd, o->in);
  cmd->add_option("--area", o->area, "Working-electrode area, e.g. 0.785cm2 (else the file's)")
      ->group("Sample");
  cmd->add_option("--edge", o->edges,
                  "Edge methods: tangent, threshold, deviation (comma-separated)")
      ->delimiter(',')
      ->capture_default_str()
      ->group("Method");
  cmd->add_option("--cycle", o->cycle,
                  "Only this cycle (default: every cycle with an anodic sweep)")
      ->group("Method");
  cmd->add_option("--baseline-window", o->baseline_window,
                  "Potential window A:B of the baseline (V)")
      ->group("Method");
  cmd->add_option("--baseline-width", o->baseline_width, "Width of the automatic baseline window")
      ->capture_default_str()
      ->group("Method");
  cmd->add_option("--search-window", o->search_window,
                  "Potential window A:B where the rise is sought")
      ->group("Method");
  cmd->add_option("--smoothing", o->smoothing, "Half-width of the local cubic smoothing")
      ->capture_default_str()
      ->group("Method");
  cmd->add_option(
         "--threshold", o->threshold,
         "Threshold method: a current density (10uA/cm2, needs the area) or a current (1uA)")
      ->capture_default_str()
      ->group("Method");
  cmd->add_option("--k", o->k, "Deviation method: k in k*sigma")
      ->capture_default_str()
      ->group("Method");
  cmd->add_flag("--no-despike", o->no_despike, "Keep isolated spikes (no Hampel filter)")
      ->group("Method");
  cmd->add_option("--reversal", o->reversal, "Potential reversal that ends a sweep")
      ->capture_default_str()
      ->group("Method");
  cmd->add_option("--prominence", o->prominence,
                  "Peaks: prominence >= this fraction of the sweep's span")
      ->capture_default_str()
      ->group("Method");
  cmd->add_option("--charge-window", o->charge_window,
                  "Window A:B (V) of the charge balance (default: first edge to vertex)")
      ->group("Method");
  add_output_options(cmd, o->out);
  cmd->footer(
      "E_e by tangent (tangent at the steepest rise meets the baseline), threshold (current "
      "density first exceeds --threshold) or deviation (current leaves the baseline by k "
      "sigma); every result names its baseline window, steepest point and criterion "
      "(docs/methods.md 11).\n"
      "Examples:\n"
      "  solyte cv cv.mpt --area 0.785cm2\n"
      "  solyte cv cv.mpt --area 0.785cm2 --edge tangent,threshold,deviation --threshold 1uA/cm2\n"
      "  solyte cv cv.mpt --cycle 1 --baseline-window 3.6:3.9 -f json -o cv.json");
  cmd->callback([o] { run(*o); });
}

}  // namespace solyte::cli
