// solyte ccd — critical current density of a symmetric cell from galvanostatic cycling:
// sweeps and steps, overpotential and ASR, penetration and short (docs/methods.md §11).
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "curve_input.hpp"
#include "output.hpp"
#include "solyte/echem/critical_current.hpp"
#include "solyte/error.hpp"
#include "solyte/units.hpp"

namespace solyte::cli {

namespace {

struct CcdCliOptions {
  RecordInput in;
  std::string area, current, sweep_time, drop_window, persist, short_time, rest_current;
  std::string short_voltage = "5mV";
  bool alternate = false;
  double drop = 0.3, transient = 0.05, tolerance = 0.02;
  GlobalOptions out;
};

constexpr double kPerCm2 = 0.1;  // A/m² → mA/cm²

std::string g(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}
constexpr double kOhmCm2 = 1e4;  // Ω·m² → Ω·cm²

void run(const CcdCliOptions& o) {
  const Format format = parse_format(o.out.format);
  std::vector<std::string> notes;
  const Measurement m = load_record(o.in, Technique::galvanostatic, notes);
  echem::CcdOptions c;
  if (!o.area.empty())
    c.area_m2 = parse_area_m2(o.area);
  else if (m.meta.electrode_area_m2)
    c.area_m2 = *m.meta.electrode_area_m2;
  else
    throw InvalidArgument(o.in.file + ": the electrode area is not in the file; give --area");
  if (!o.current.empty()) c.constant_current_a = parse_current_a(o.current);
  c.alternate = o.alternate;
  if (!o.sweep_time.empty()) c.sweep_duration_s = parse_duration_s(o.sweep_time);
  c.drop_fraction = o.drop;
  c.transient_fraction = o.transient;
  c.current_tolerance = o.tolerance;
  if (!o.drop_window.empty()) c.drop_window_s = parse_duration_s(o.drop_window);
  if (!o.persist.empty()) c.persist_s = parse_duration_s(o.persist);
  if (!o.short_time.empty()) c.short_duration_s = parse_duration_s(o.short_time);
  c.short_voltage_v = parse_potential_v(o.short_voltage);
  if (!o.rest_current.empty()) c.rest_current_a = std::abs(parse_current_a(o.rest_current));
  const auto r = echem::analyse_ccd(m, c);
  notes.insert(notes.end(), r.notes.begin(), r.notes.end());

  nlohmann::json doc;
  doc["record"] = record_json(m, o.in);
  doc["area_m2"] = c.area_m2;
  doc["area_source"] = o.area.empty() ? "record" : "option";
  doc["current_source"] = r.current_source;
  doc["method"] = {
      {"sweep", r.current_source == "record"
                    ? "constant current (relative change <= tolerance), |I| above the rest current"
                    : "the given constant current" +
                          std::string(c.alternate ? ", sign alternating per sweep" : "")},
      {"current_tolerance", c.current_tolerance},
      {"rest_current_a", r.rest_current_a},
      {"sweep_duration_s", number_or_null(c.sweep_duration_s)},
      {"step", "consecutive sweeps of one |j| (within the tolerance)"},
      {"transient_fraction", c.transient_fraction},
      {"overpotential", "time-weighted median |V| after the transient (the plateau)"},
      {"asr", "overpotential / |j|"},
      {"penetration",
       {{"definition",
         "a sudden drop of |V| at constant current: median |V| over [t, t+P] <= (1 - f) x "
         "median over [t-w, t); CCD = |j| of the first sweep with it (or with a short)"},
        {"drop_fraction_f", c.drop_fraction},
        {"drop_window_s", c.drop_window_s > 0 ? nlohmann::json(c.drop_window_s)
                                              : nlohmann::json("2 % of each sweep, >= 3 samples")},
        {"persistence_s",
         c.persist_s > 0 ? nlohmann::json(c.persist_s) : nlohmann::json("3 drop windows")},
        {"source", "Kazyak et al., Matter 2, 1025 (2020)"}}},
      {"short",
       {{"definition",
         "|V| collapses to ~0 V: median |V| over [t, t+S] <= V_short; CCD = |j| of the first "
         "sweep with it"},
        {"short_voltage_v", c.short_voltage_v},
        {"short_duration_s", c.short_duration_s > 0 ? nlohmann::json(c.short_duration_s)
                                                    : nlohmann::json("the drop window")},
        {"source", "Sharafi et al., J. Power Sources 302, 135 (2016)"}}}};

  Table ccd;
  ccd.title = "Critical current densities";
  ccd.headers = {"quantity", "j_mA_per_cm2", "definition"};
  ccd.digits = 5;
  auto mA = [](const std::optional<double>& v) {
    return v ? Cell{*v * kPerCm2} : Cell{std::string("not reached")};
  };
  ccd.add_row({std::string("CCD_penetration"), mA(r.penetration_ccd_a_per_m2),
               "first sudden |V| drop >= " + g(100 * c.drop_fraction) + " % at constant current"});
  ccd.add_row({std::string("CCD_short"), mA(r.short_ccd_a_per_m2),
               "|V| <= " + g(1e3 * c.short_voltage_v) + " mV, sustained"});
  ccd.add_row({std::string("last_stable"), mA(r.last_stable_a_per_m2),
               std::string("highest step before the first event with no event")});
  doc["ccd"] = {{"penetration_a_per_m2", number_or_null(r.penetration_ccd_a_per_m2)},
                {"short_a_per_m2", number_or_null(r.short_ccd_a_per_m2)},
                {"last_stable_a_per_m2", number_or_null(r.last_stable_a_per_m2)}};

  Table steps;
  steps.title = "Steps (current densities)";
  steps.headers = {"step",        "j_mA_per_cm2", "sweeps",     "overpotential_V",
                   "ASR_ohm_cm2", "mean_abs_V",   "peak_abs_V", "event"};
  steps.digits = 5;
  auto& jst = doc["steps"] = nlohmann::json::array();
  for (std::size_t k = 0; k < r.steps.size(); ++k) {
    const auto& s = r.steps[k];
    steps.add_row({static_cast<long long>(k + 1), s.current_density_a_per_m2 * kPerCm2,
                   static_cast<long long>(s.sweeps), s.overpotential_v, s.asr_ohm_m2 * kOhmCm2,
                   s.mean_abs_v, s.peak_abs_v, std::string(s.event ? "yes" : "")});
    jst.push_back({{"step", k + 1},
                   {"current_density_a_per_m2", s.current_density_a_per_m2},
                   {"first_sweep", s.first_sweep + 1},
                   {"sweeps", s.sweeps},
                   {"overpotential_v", s.overpotential_v},
                   {"asr_ohm_m2", s.asr_ohm_m2},
                   {"mean_abs_v", s.mean_abs_v},
                   {"peak_abs_v", s.peak_abs_v},
                   {"event", s.event}});
  }
  Table sw;
  sw.title = "Sweeps";
  sw.headers = {"sweep",       "step",         "t_start_h",
                "duration_h",  "j_mA_per_cm2", "charge_mAh_per_cm2",
                "mean_abs_V",  "peak_abs_V",   "plateau_abs_V",
                "final_abs_V", "ASR_ohm_cm2",  "event"};
  sw.digits = 5;
  auto& jsw = doc["sweeps"] = nlohmann::json::array();
  for (std::size_t k = 0; k < r.sweeps.size(); ++k) {
    const auto& s = r.sweeps[k];
    const std::string ev = s.short_circuit ? (s.penetration ? "penetration+short" : "short")
                                           : (s.penetration ? "penetration" : "");
    sw.add_row({static_cast<long long>(k + 1), static_cast<long long>(s.step + 1),
                s.t_start_s / 3600, s.duration_s / 3600, s.current_density_a_per_m2 * kPerCm2,
                s.charge_c_per_m2 / 3.6 / 1e4, s.mean_abs_v, s.peak_abs_v, s.plateau_abs_v,
                s.final_abs_v, s.asr_ohm_m2 * kOhmCm2, ev});
    jsw.push_back({{"sweep", k + 1},
                   {"step", s.step + 1},
                   {"rows", {s.begin, s.end}},
                   {"t_start_s", s.t_start_s},
                   {"duration_s", s.duration_s},
                   {"current_a", s.current_a},
                   {"current_density_a_per_m2", s.current_density_a_per_m2},
                   {"charge_c_per_m2", s.charge_c_per_m2},
                   {"mean_abs_v", s.mean_abs_v},
                   {"peak_abs_v", s.peak_abs_v},
                   {"plateau_abs_v", s.plateau_abs_v},
                   {"final_abs_v", s.final_abs_v},
                   {"asr_ohm_m2", s.asr_ohm_m2},
                   {"transient_s", s.transient_s},
                   {"drop_window_s", s.drop_window_s},
                   {"persistence_s", s.persist_s},
                   {"short_duration_s", s.short_duration_s},
                   {"penetration", s.penetration},
                   {"short", s.short_circuit}});
  }
  Table ev;
  ev.title = "Events";
  ev.headers = {"kind", "sweep", "step", "t_h", "j_mA_per_cm2", "V_before", "V_after", "drop_pct"};
  ev.digits = 5;
  auto& jev = doc["events"] = nlohmann::json::array();
  for (const auto& e : r.events) {
    ev.add_row({std::string(echem::to_string(e.kind)), static_cast<long long>(e.sweep + 1),
                static_cast<long long>(e.step + 1), e.time_s / 3600,
                e.current_density_a_per_m2 * kPerCm2, e.v_before, e.v_after, 100 * e.drop});
    jev.push_back({{"kind", std::string(echem::to_string(e.kind))},
                   {"sweep", e.sweep + 1},
                   {"step", e.step + 1},
                   {"time_s", e.time_s},
                   {"current_density_a_per_m2", e.current_density_a_per_m2},
                   {"v_before", e.v_before},
                   {"v_after", e.v_after},
                   {"drop", e.drop}});
  }
  doc["notes"] = notes;
  std::vector<Table> tables{ccd, steps, sw};
  if (!ev.rows.empty()) tables.push_back(ev);
  write_output(o.out.output, render(format, tables, doc));
  print_notes(notes, o.out.quiet);
}

}  // namespace

void register_ccd(CLI::App& app) {
  auto o = std::make_shared<CcdCliOptions>();
  auto* cmd = app.add_subcommand(
      "ccd", "Critical current density of a symmetric cell: steps, ASR, penetration and short");
  add_record_input(cmd, o->in);
  cmd->add_option("--area", o->area, "Electrode area, e.g. 0.785cm2 (else the file's)")
      ->group("Sample");
  cmd->add_option("--current", o->current,
                  "Applied current for records without a current column, e.g. 0.4mA")
      ->group("Input");
  cmd->add_flag("--alternate", o->alternate, "With --current: the sign alternates sweep by sweep")
      ->group("Input");
  cmd->add_option("--sweep-time", o->sweep_time,
                  "Split constant-current stretches into sweeps of this duration, e.g. 1h")
      ->group("Input");
  cmd->add_option("--drop", o->drop, "Penetration: |V| falls by at least this fraction")
      ->capture_default_str()
      ->group("Detection");
  cmd->add_option("--drop-window", o->drop_window, "… within this time (default 2 % of the sweep)")
      ->group("Detection");
  cmd->add_option("--persist", o->persist, "… and stays low this long (default 3 drop windows)")
      ->group("Detection");
  cmd->add_option("--short-voltage", o->short_voltage, "Short: |V| at or below this")
      ->capture_default_str()
      ->group("Detection");
  cmd->add_option("--short-time", o->short_time,
                  "… for at least this long (default the drop window)")
      ->group("Detection");
  cmd->add_option("--transient", o->transient,
                  "Fraction of each sweep left out at its start (plateau and detection)")
      ->capture_default_str()
      ->group("Detection");
  cmd->add_option("--tolerance", o->tolerance, "Relative current change that starts a new sweep")
      ->capture_default_str()
      ->group("Input");
  cmd->add_option("--rest-current", o->rest_current,
                  "|I| at or below this is rest (default 1 % of max)")
      ->group("Input");
  add_output_options(cmd, o->out);
  cmd->footer(
      "Penetration: a sudden drop of |V| at constant current (the dendrite shortens the "
      "electrolyte); short: |V| collapses to ~0 V. Both CCDs are the |j| of the first sweep "
      "with the event; the JSON names every threshold (docs/methods.md 11). For a time/voltage "
      "export without current (e.g. an EC-Lab text export of Ewe only), give --current and "
      "--sweep-time from the settings file.\n"
      "Examples:\n"
      "  solyte ccd cycling.csv --area 0.785cm2\n"
      "  solyte ccd LiLi_GCPL.txt --area 1cm2 --current 0.4mA --sweep-time 1h\n"
      "  solyte ccd cycling.csv --area 0.785cm2 --drop 0.2 --short-voltage 2mV -f json");
  cmd->callback([o] { run(*o); });
}

}  // namespace solyte::cli
