// Comparisons between samples of a study: migration entropy from Arrhenius prefactors
// (METHODS §4) and σ(25 °C) over a treatment such as milling time (METHODS §13).
#include <cmath>
#include <limits>

#include "solyte/error.hpp"
#include "solyte/transport/arrhenius.hpp"
#include "study/analysis_structure.hpp"
#include "study/option_values.hpp"

namespace solyte::study::detail {

namespace {

std::string what_of(const TaskInput& in) {
  return "[[comparison]] " + in.entry->kind + " on line " + std::to_string(in.entry->line);
}

// The regime of the main run ("" rows = the first run fitted: heating, all, cooling).
std::optional<transport::Regime> regime_of(const Json& arrhenius, const std::string& which,
                                           std::string& run_out) {
  const auto& rows = arrhenius["rows"]["arrhenius_regimes"];
  if (!rows.is_array() || rows.empty()) return std::nullopt;
  const std::string run = rows[0]["run"].get<std::string>();
  run_out = run;
  std::vector<const Json*> of_run;
  for (const auto& r : rows)
    if (r["run"] == run) of_run.push_back(&r);
  const Json& r = which == "high" ? *of_run.back() : *of_run.front();
  transport::Regime g;
  g.t_min_k = r["t_min_k"];
  g.t_max_k = r["t_max_k"];
  g.ea_ev = r["ea_ev"];
  g.ea_err_ev = r["ea_err_ev"];
  g.ln_sigma0 = r["ln_sigma0"];
  g.ln_sigma0_err = r["ln_sigma0_err"];
  return g;
}

}  // namespace

Json run_migration_entropy(const TaskInput& in) {
  OptionReader r(in.options, in.manifest->path, what_of(in), in.entry->line);
  r.allow_only({"a", "b", "regime"});
  const std::string which = r.choice("regime", {"low", "high"}).value_or("low");
  Json out = Json::object();
  std::string run_a, run_b;
  const auto ga = regime_of(*in.dependencies.at(0), which, run_a);
  const auto gb = regime_of(*in.dependencies.at(1), which, run_b);
  if (!ga || !gb) {
    add_note(out, std::string("no Arrhenius regime for sample ") + (!ga ? r.text("a")->c_str() : r.text("b")->c_str()));
    return out;
  }
  const auto m = transport::migration_entropy(*ga, *gb);
  const std::string method = "ln sigma0(" + r.text("a").value() + ") - ln sigma0(" +
                             r.text("b").value() + "), " + which + "-temperature regimes";
  add_scalar(out, "delta_ln_sigma0", m.delta_s_kb, "", method);
  add_scalar(out, "delta_s_kB", m.delta_s_kb, "k_B", method);
  add_scalar(out, "delta_s_J_per_molK", m.delta_s_j_per_mol_k, "J/(mol K)", method);
  add_row(out, "migration_entropy",
          {{"label", in.label.empty() ? std::string("migration") : in.label}, {"sample_a", r.text("a").value()},
           {"sample_b", r.text("b").value()}, {"regime", which}, {"run_a", run_a},
           {"run_b", run_b}, {"ln_sigma0_a", ga->ln_sigma0}, {"ln_sigma0_b", gb->ln_sigma0},
           {"ea_a_ev", ga->ea_ev}, {"ea_b_ev", gb->ea_ev}, {"delta_s_kb", m.delta_s_kb},
           {"delta_s_kb_err", m.delta_s_kb_err},
           {"delta_s_j_per_mol_k", m.delta_s_j_per_mol_k}});
  return out;
}

Json run_property_series(const TaskInput& in) {
  OptionReader r(in.options, in.manifest->path, what_of(in), in.entry->line);
  r.allow_only({"property"});
  const std::string property = r.text("property").value_or("milling_min");
  Json out = Json::object();
  double best = -std::numeric_limits<double>::infinity();
  std::optional<double> best_x;
  std::string best_sample;
  std::size_t k = 0;
  for (const auto& s : in.manifest->samples) {
    const auto x = s.number(property, in.manifest->path);
    if (!x) continue;
    bool has_impedance = false;
    for (const auto& m : s.measurements) has_impedance |= m.kind == MeasurementKind::impedance;
    if (!has_impedance) continue;
    const Json& a = *in.dependencies.at(k++);
    const auto& sc = a["scalars"];
    if (!sc.contains("sigma_25C_S_per_cm")) {
      add_note(out, s.name + ": no sigma(25 C)");
      continue;
    }
    const double sigma = sc["sigma_25C_S_per_cm"]["value"].get<double>();
    add_row(out, "property_series", {{"sample", s.name}, {"property", property}, {"value", *x},
                                     {"sigma_25C_s_per_cm", sigma}});
    if (sigma > best) {
      best = sigma;
      best_x = x;
      best_sample = s.name;
    }
  }
  if (best_x) {
    add_scalar(out, "optimum_" + property, *best_x, "", "sample with the highest sigma(25 C): " + best_sample);
    add_scalar(out, "optimum_sigma_25C_mS_per_cm", best * 1e3, "mS/cm", "at the optimum");
  }
  out["plots"]["series"] = out["rows"]["property_series"];
  return out;
}

}  // namespace solyte::study::detail
