// From a manifest to the list of tasks: one per measurement entry, one Arrhenius analysis per
// sample with impedance data, one per study-level entry and comparison. Tasks come in
// dependency order (every task after the ones it reads).
#include <map>

#include "solyte/error.hpp"
#include "study/analysis_curves.hpp"
#include "study/analysis_diffraction.hpp"
#include "study/analysis_impedance.hpp"
#include "study/analysis_structure.hpp"
#include "study/task.hpp"

namespace solyte::study::detail {

void add_scalar(Json& result, const std::string& key, double value, const std::string& unit,
                const std::string& method) {
  result["scalars"][key] = {{"value", value}, {"unit", unit}, {"method", method}};
}

void add_row(Json& result, const std::string& table, Json row) {
  result["rows"][table].push_back(std::move(row));
}

void add_note(Json& result, const std::string& note) { result["notes"].push_back(note); }

namespace {

using Runner = Json (*)(const TaskInput&);

// The analysis of each measurement kind.
Runner measurement_runner(MeasurementKind k) {
  switch (k) {
    case MeasurementKind::impedance: return run_conductivity;
    case MeasurementKind::modulus: return run_modulus;
    case MeasurementKind::diffraction: return run_diffraction;
    case MeasurementKind::infrared:
    case MeasurementKind::raman:
    case MeasurementKind::nmr: return run_bands;
    case MeasurementKind::cv: return run_cv;
    case MeasurementKind::ccd: return run_ccd;
    case MeasurementKind::dsc: return run_dsc;
  }
  return run_conductivity;  // not reached: every kind has its analysis
}

// The `label` option names an entry in results; it is not an analysis option.
std::string take_label(Options& o) {
  std::string label;
  for (auto it = o.items.begin(); it != o.items.end(); ++it)
    if (it->key == "label") {
      label = it->value;
      o.items.erase(it);
      break;
    }
  return label;
}

}  // namespace

std::vector<Task> plan_tasks(const Manifest& manifest) {
  std::vector<Task> tasks;
  std::map<std::string, std::size_t> arrhenius_of;  // sample → task index
  std::map<std::pair<std::string, MeasurementKind>, std::size_t> first_of;  // sample, kind
  for (const auto& sample : manifest.samples) {
    std::map<MeasurementKind, int> count;
    std::vector<std::size_t> impedance;
    for (const auto& m : sample.measurements) {
      const Runner run = measurement_runner(m.kind);
      Task t;
      const int k = ++count[m.kind];
      t.sample = sample.name;
      t.id = sample.name + "/" + std::string(to_string(m.kind)) + "#" + std::to_string(k);
      t.analysis = m.kind == MeasurementKind::impedance ? "conductivity" : std::string(to_string(m.kind));
      t.files = m.files;
      t.input.manifest = &manifest;
      t.input.sample = &sample;
      t.input.measurement = &m;
      t.input.options = manifest.options_for(m.kind, m.options);
      t.input.label = take_label(t.input.options);
      t.prefix = sample.name + "/" +
                 (t.input.label.empty() ? std::string(to_string(m.kind)) + (k > 1 ? "#" + std::to_string(k) : "")
                                        : t.input.label);
      t.run = run;
      if (m.kind == MeasurementKind::impedance) impedance.push_back(tasks.size());
      first_of.emplace(std::pair{sample.name, m.kind}, tasks.size());
      tasks.push_back(std::move(t));
    }
    if (!impedance.empty()) {
      Task t;
      t.sample = sample.name;
      t.id = sample.name + "/arrhenius";
      t.analysis = "arrhenius";
      t.prefix = t.id;
      t.deps = impedance;
      t.input.manifest = &manifest;
      t.input.sample = &sample;
      t.run = run_arrhenius;
      arrhenius_of[sample.name] = tasks.size();
      tasks.push_back(std::move(t));
    }
  }
  std::map<std::string, int> count;
  for (const auto& e : manifest.entries) {
    Task t;
    t.input.manifest = &manifest;
    t.input.entry = &e;
    t.input.options = e.options;
    t.input.label = take_label(t.input.options);
    const int k = ++count[e.kind];
    const bool comparison = e.kind != "packing" && e.kind != "entropy" && e.kind != "ema";
    const std::string name = t.input.label.empty()
                                 ? e.kind + (k > 1 ? "#" + std::to_string(k) : "")
                                 : t.input.label;
    t.id = (comparison ? "comparison/" : e.kind + "/") + name;
    t.prefix = t.id;
    t.analysis = e.kind;
    auto arrhenius_for = [&](const std::string& key) {
      const Option* o = t.input.options.find(key);
      if (!o) throw ParseError(manifest.path, e.line, 0,
                               "[[comparison]] " + e.kind + ": expected " + key + " = \"<sample>\"");
      const auto it = arrhenius_of.find(o->value);
      if (it == arrhenius_of.end())
        throw ParseError(manifest.path, o->line, 0,
                         "[[comparison]] " + e.kind + ": '" + o->value +
                             "' is not a sample with impedance data");
      return it->second;
    };
    if (e.kind == "packing") {
      t.run = run_packing;
    } else if (e.kind == "entropy") {
      t.run = run_entropy;
    } else if (e.kind == "ema") {
      t.run = run_ema;
    } else if (e.kind == "migration-entropy") {
      t.run = run_migration_entropy;
      t.deps = {arrhenius_for("a"), arrhenius_for("b")};
    } else if (e.kind == "bond-length") {
      t.run = run_bond_length;
      const std::string kind_text = t.input.options.get("measurement", "infrared");
      const auto kind = measurement_kind_from_string(kind_text);
      if (!kind || (*kind != MeasurementKind::infrared && *kind != MeasurementKind::raman))
        throw ParseError(manifest.path, e.line, 0,
                         "[[comparison]] bond-length: measurement must be infrared or raman");
      for (const char* key : {"a", "b"}) {
        const Option* o = t.input.options.find(key);
        if (!o) throw ParseError(manifest.path, e.line, 0,
                                 std::string("[[comparison]] bond-length: expected ") + key +
                                     " = \"<sample>\"");
        const auto it = first_of.find({o->value, *kind});
        if (it == first_of.end())
          throw ParseError(manifest.path, o->line, 0,
                           "[[comparison]] bond-length: sample '" + o->value + "' has no " +
                               kind_text + " entry");
        t.deps.push_back(it->second);
      }
    } else if (e.kind == "milling-series" || e.kind == "property-series") {
      t.run = run_property_series;
      const std::string property = t.input.options.get("property", "milling_min");
      for (const auto& s : manifest.samples) {
        const auto x = s.number(property, manifest.path);
        const auto it = arrhenius_of.find(s.name);
        if (x && it != arrhenius_of.end()) t.deps.push_back(it->second);
      }
    } else {
      throw ParseError(manifest.path, e.line, 0,
                       "unknown comparison kind '" + e.kind +
                           "'; expected migration-entropy, milling-series or bond-length");
    }
    tasks.push_back(std::move(t));
  }
  std::map<std::string, std::size_t> ids;
  for (std::size_t i = 0; i < tasks.size(); ++i)
    if (!ids.emplace(tasks[i].id, i).second)
      throw ParseError(manifest.path, 0, 0, "two entries are both named '" + tasks[i].id +
                                                "'; give them different labels");
  return tasks;
}

}  // namespace solyte::study::detail
