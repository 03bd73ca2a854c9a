// The analyses of a study as tasks: what each reads, which results it needs, and the function
// that computes it. plan.cpp makes them from a manifest; runner.cpp runs and caches them.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "solyte/study/manifest.hpp"

namespace solyte::study::detail {

using Json = nlohmann::json;

/// What a task's function is given.
struct TaskInput {
  const Manifest* manifest = nullptr;
  const SampleSpec* sample = nullptr;          ///< null for study-level tasks
  const MeasurementSpec* measurement = nullptr; ///< null for aggregate tasks
  const Entry* entry = nullptr;                 ///< study-level entries and comparisons
  Options options;                              ///< merged with the manifest defaults
  std::string label;                            ///< the entry's `label` option, if any
  std::vector<const Json*> dependencies;        ///< results of Task::deps, in order
};

/// A task result is a JSON document:
///   {"scalars": {"key": {"value": 1.0, "unit": "eV", "method": "…"}, …},
///    "rows": {"<table>": [{column: value, …}, …], …},   // results database rows (schema.cpp)
///    "plots": {…},                                       // data for figures only
///    "notes": ["…"]}
struct Task {
  std::string id;         ///< unique and stable: "milled-45min/impedance#1"
  std::string sample;     ///< "" for study-level tasks
  std::string analysis;   ///< "conductivity", "arrhenius", "modulus", "packing", …
  std::string prefix;     ///< scalars become "<prefix>/<key>" in the paper lookup
  std::vector<std::string> files;
  std::vector<std::size_t> deps;   ///< indices of tasks whose results this one reads
  TaskInput input;
  std::function<Json(const TaskInput&)> run;
};

std::vector<Task> plan_tasks(const Manifest& manifest);

// Helpers for task functions.
void add_scalar(Json& result, const std::string& key, double value, const std::string& unit,
                const std::string& method);
void add_row(Json& result, const std::string& table, Json row);
void add_note(Json& result, const std::string& note);

}  // namespace solyte::study::detail
