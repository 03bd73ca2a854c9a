// solyte dsc — thermal events of a DSC scan per heating and cooling segment: onset (tangent),
// peak, end, enthalpy and direction (docs/methods.md §12).
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "curve_input.hpp"
#include "output.hpp"
#include "solyte/error.hpp"
#include "solyte/thermal/dsc.hpp"
#include "solyte/units.hpp"

namespace solyte::cli {

namespace {

struct DscCliOptions {
  RecordInput in;
  std::string mass, rate, exo;
  std::vector<std::string> windows;
  double sigma = 5, baseline_width = 3, edge_skip = 0, min_height = 0.01, smoothing = 0;
  GlobalOptions out;
};

double kelvin(std::string_view s) { return parse_temperature_k(s); }
double celsius(double k) { return kelvin_to_celsius(k); }
Cell celsius_cell(const std::optional<double>& k) { return k ? Cell{celsius(*k)} : Cell{}; }

void run(const DscCliOptions& o) {
  const Format format = parse_format(o.out.format);
  std::vector<std::string> notes;
  const Measurement m = load_record(o.in, Technique::dsc, notes);
  thermal::DscOptions d;
  if (!o.exo.empty())
    d.exo_up = o.exo == "up";
  else if (!m.meta.exo_up)
    throw InvalidArgument(o.in.file +
                          ": the file does not say which way exo is; give --exo up or --exo down");
  if (!o.rate.empty()) d.heating_rate_k_per_s = parse_rate_k_per_s(o.rate);
  for (const auto& w : o.windows) d.windows_k.push_back(parse_range(w, kelvin, "--window"));
  d.detection_sigma = o.sigma;
  d.baseline_window_k = o.baseline_width;
  d.edge_skip_k = o.edge_skip;
  d.min_relative_height = o.min_height;
  d.smoothing_k = o.smoothing;
  std::optional<double> mass;
  if (!o.mass.empty()) mass = parse_mass_kg(o.mass);
  const auto a = thermal::analyse_dsc(m, d, mass);
  notes.insert(notes.end(), a.notes.begin(), a.notes.end());

  nlohmann::json doc;
  doc["record"] = record_json(m, o.in);
  doc["exo_up"] = a.exo_up;
  doc["exo_source"] = o.exo.empty() ? "record" : "option";
  doc["method"] = {
      {"segments", "monotonic runs of T (1 K hysteresis); shorter than 5 K: isothermal"},
      {"detection",
       "robust quadratic in T (clipped at 3 MAD) as the reference; events where the smoothed "
       "residual exceeds k sigma, extended to 1 sigma"},
      {"k_sigma", d.detection_sigma},
      {"min_relative_height", d.min_relative_height},
      {"edge_skip_k", d.edge_skip_k > 0 ? nlohmann::json(d.edge_skip_k)
                                        : nlohmann::json("10 % of the segment, >= 5 K")},
      {"baseline",
       "straight line fitted to the rows within the baseline window before and after the event"},
      {"baseline_window_k", d.baseline_window_k},
      {"onset", "tangent at the steepest point of the leading edge meets the baseline"},
      {"end", "tangent at the steepest point of the trailing edge meets the baseline"},
      {"enthalpy", "(1/beta) integral of (q - baseline) dT = integral dt; > 0 endothermic"},
      {"windows_k",
       d.windows_k.empty() ? nlohmann::json("detected") : nlohmann::json(d.windows_k)}};

  Table seg;
  seg.title = "Segments";
  seg.headers = {"segment",        "direction",   "T_start_C",    "T_end_C",
                 "rate_K_per_min", "rate_source", "noise_W_per_g"};
  seg.digits = 5;
  auto& jseg = doc["segments"] = nlohmann::json::array();
  for (std::size_t k = 0; k < a.segments.size(); ++k) {
    const auto& s = a.segments[k];
    const std::optional<double> rate =
        s.rate_k_per_s ? std::optional<double>(*s.rate_k_per_s * 60) : std::nullopt;
    seg.add_row({static_cast<long long>(k + 1), std::string(thermal::to_string(s.direction)),
                 celsius(s.t_start_k), celsius(s.t_end_k), opt_cell(rate), s.rate_source,
                 a.noise_w_per_g[k]});
    jseg.push_back({{"segment", k + 1},
                    {"direction", std::string(thermal::to_string(s.direction))},
                    {"t_start_k", s.t_start_k},
                    {"t_end_k", s.t_end_k},
                    {"rate_k_per_s", number_or_null(s.rate_k_per_s)},
                    {"rate_source", s.rate_source},
                    {"noise_w_per_g", a.noise_w_per_g[k]}});
  }
  Table ev;
  ev.title = "Events (enthalpy > 0 endothermic)";
  ev.headers = {"segment", "scan",   "event",        "start_C",    "onset_C", "peak_C",
                "end_C",   "stop_C", "peak_W_per_g", "dH_J_per_g", "note"};
  ev.digits = 5;
  auto& jev = doc["events"] = nlohmann::json::array();
  for (const auto& e : a.events) {
    const auto& s = a.segments[e.segment];
    ev.add_row({static_cast<long long>(e.segment + 1), std::string(thermal::to_string(s.direction)),
                std::string(thermal::to_string(e.direction)), celsius(e.start_k),
                celsius_cell(e.onset_k), celsius(e.peak_k), celsius_cell(e.end_k),
                celsius(e.stop_k), e.peak_excess_w_per_g, opt_cell(e.enthalpy_j_per_g), e.message});
    jev.push_back({{"segment", e.segment + 1},
                   {"direction", std::string(thermal::to_string(e.direction))},
                   {"start_k", e.start_k},
                   {"stop_k", e.stop_k},
                   {"onset_k", number_or_null(e.onset_k)},
                   {"peak_k", e.peak_k},
                   {"end_k", number_or_null(e.end_k)},
                   {"peak_excess_w_per_g", e.peak_excess_w_per_g},
                   {"enthalpy_j_per_g", number_or_null(e.enthalpy_j_per_g)},
                   {"baseline_intercept_w_per_g", e.baseline_intercept_w_per_g},
                   {"baseline_slope_w_per_g_k", e.baseline_slope_w_per_g_k},
                   {"baseline_points", e.baseline_points},
                   {"window_given", e.window_given},
                   {"message", e.message}});
  }
  if (a.events.empty()) notes.push_back("no thermal event found");
  doc["notes"] = notes;
  write_output(o.out.output, render(format, {seg, ev}, doc));
  print_notes(notes, o.out.quiet);
}

}  // namespace

void register_dsc(CLI::App& app) {
  auto o = std::make_shared<DscCliOptions>();
  auto* cmd = app.add_subcommand(
      "dsc",
      "Thermal events of a DSC scan: onset, peak, end, enthalpy, per heating/cooling segment");
  add_record_input(cmd, o->in);
  cmd->add_option("--exo", o->exo, "Sign convention of the heat flow: up or down (else the file's)")
      ->check(CLI::IsMember({"up", "down"}))
      ->group("Sample");
  cmd->add_option("--mass", o->mass, "Sample mass, e.g. 5.21mg (for heat flow in W)")
      ->group("Sample");
  cmd->add_option("--rate", o->rate, "Heating rate, e.g. 10K/min (for records without time)")
      ->group("Sample");
  cmd->add_option("--window", o->windows,
                  "Integrate this temperature window A:B, e.g. 45C:60C (repeatable)")
      ->group("Method");
  cmd->add_option("--sigma", o->sigma, "Detection threshold in noise sigma")
      ->capture_default_str()
      ->group("Method");
  cmd->add_option("--baseline-width", o->baseline_width,
                  "Baseline windows before and after an event, K")
      ->capture_default_str()
      ->group("Method");
  cmd->add_option("--edge-skip", o->edge_skip,
                  "K left out at both ends of a segment (default 10 %, >= 5 K)")
      ->group("Method");
  cmd->add_option("--min-height", o->min_height,
                  "Drop events smaller than this fraction of the largest")
      ->capture_default_str()
      ->group("Method");
  cmd->add_option("--smoothing", o->smoothing, "Half-width of the slope fits, K (default 2 steps)")
      ->group("Method");
  add_output_options(cmd, o->out);
  cmd->footer(
      "Onset and end by tangent construction, enthalpy dH = (1/beta) int (q - baseline) dT in "
      "J/g, > 0 endothermic (docs/methods.md 12). Netzsch exports say EXO +1 (exo up) or -1 (exo "
      "down) in their header.\n"
      "Examples:\n"
      "  solyte dsc scan.csv --exo down\n"
      "  solyte dsc ExpDat_SCH-179-3.csv --exo up --rate 10K/min\n"
      "  solyte dsc scan.csv --exo down --window 75C:100C -f json");
  cmd->callback([o] { run(*o); });
}

}  // namespace solyte::cli
