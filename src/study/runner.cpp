// Running a study: fingerprint every task from its inputs, take unchanged results from the
// cache, compute the others on all cores in dependency order, then write every output into a
// staging folder and move it into place (so an interrupted run leaves the old results).
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "solyte/error.hpp"
#include "solyte/io/file_bytes.hpp"
#include "solyte/study/study.hpp"
#include "solyte/version.hpp"
#include "study/fingerprint.hpp"
#include "study/report.hpp"
#include "study/results_store.hpp"
#include "study/task.hpp"

namespace solyte::study {

namespace fs = std::filesystem;
using detail::Json;
using detail::Task;

namespace {

std::string options_text(const Options& o) {
  std::string s;
  for (const auto& x : o.items) s += x.key + "=" + x.value + "\n";
  return s;
}

// Everything a task's result depends on: its kind, options, the files' contents, the
// sample's properties (geometry, treatment), the results it reads, and the program version.
std::vector<std::string> task_fingerprints(const std::vector<Task>& tasks, const Manifest& m,
                                           std::map<std::string, std::string>& file_fp,
                                           std::map<std::string, std::uintmax_t>& file_size) {
  std::vector<std::string> fps(tasks.size());
  std::string all_samples;
  for (const auto& s : m.samples) all_samples += s.name + "{" + options_text(s.properties) + "}";
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const Task& t = tasks[i];
    detail::Fingerprint f;
    f.field(version()).field(t.analysis).field(t.id).field(options_text(t.input.options));
    if (t.input.measurement) f.field(std::string(to_string(t.input.measurement->run)));
    if (t.input.sample) f.field(options_text(t.input.sample->properties));
    if (t.input.sample && !t.input.measurement)  // sample aggregates read its first entries' options
      for (const auto& me : t.input.sample->measurements)
        f.field(options_text(m.options_for(me.kind, me.options)));
    if (t.input.entry) f.field(all_samples);
    for (const auto& path : t.files) {
      auto it = file_fp.find(path);
      if (it == file_fp.end()) {
        std::uintmax_t size = 0;
        it = file_fp.emplace(path, detail::file_fingerprint(path, &size)).first;
        file_size[path] = size;
      }
      f.field(path).field(it->second);
    }
    for (std::size_t d : t.deps) f.field(fps[d]);
    fps[i] = f.hex();
  }
  return fps;
}

void write_text_atomically(const fs::path& path, const std::string& content) {
  const fs::path tmp = path.string() + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream f(tmp, std::ios::binary);
    f << content;
    f.flush();
    if (!f) throw std::system_error(errno, std::generic_category(), "cannot write " + tmp.string());
  }
  fs::rename(tmp, path);
}

std::optional<Json> read_cache(const fs::path& p) {
  std::error_code ec;
  if (!fs::exists(p, ec)) return std::nullopt;
  try {
    return Json::parse(io::read_file_bytes(p.string()));
  } catch (...) {  // a damaged cache entry is recomputed
    return std::nullopt;
  }
}

// Runs the tasks marked in `todo` on `threads` workers, each once its dependencies are done.
// The first failure (in task order) is rethrown after the workers stop.
void run_parallel(std::vector<Task>& tasks, std::vector<Json>& results, std::vector<bool>& todo,
                  unsigned threads, const StudyOptions& o, std::size_t& done_count) {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<int> state(tasks.size(), 0);  // 0 waiting, 1 running, 2 done
  for (std::size_t i = 0; i < tasks.size(); ++i)
    if (!todo[i]) state[i] = 2;
  std::vector<std::exception_ptr> errors(tasks.size());
  bool failed = false;
  const std::size_t total = tasks.size();
  auto ready = [&](std::size_t i) {
    if (state[i] != 0) return false;
    for (std::size_t d : tasks[i].deps)
      if (state[d] != 2) return false;
    return true;
  };
  auto worker = [&] {
    std::unique_lock lock(mu);
    while (true) {
      std::size_t pick = tasks.size();
      bool any_waiting = false;
      for (std::size_t i = 0; i < tasks.size(); ++i) {
        any_waiting = any_waiting || state[i] != 2;
        if (pick == tasks.size() && !failed && ready(i)) pick = i;
      }
      if (pick == tasks.size()) {
        bool running = false;
        for (int s : state) running = running || s == 1;
        if (!any_waiting || (failed && !running) || !running) {
          cv.notify_all();
          return;
        }
        cv.wait(lock);
        continue;
      }
      state[pick] = 1;
      Task& t = tasks[pick];
      t.input.dependencies.clear();
      for (std::size_t d : t.deps) t.input.dependencies.push_back(&results[d]);
      lock.unlock();
      Json r;
      std::exception_ptr err;
      try {
        r = t.run(t.input);
        if (!r.is_object()) r = Json::object();
      } catch (...) {
        err = std::current_exception();
      }
      lock.lock();
      if (err) {
        errors[pick] = err;
        failed = true;
      } else {
        results[pick] = std::move(r);
      }
      state[pick] = 2;
      ++done_count;
      if (o.progress && !err) {
        lock.unlock();
        o.progress(done_count, total, t.id);
        lock.lock();
      }
      cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned k = 0; k < threads; ++k) pool.emplace_back(worker);
  for (auto& th : pool) th.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

std::string now_text() {
  const std::time_t t = std::time(nullptr);
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", std::gmtime(&t));
  return buf;
}

// The paper table: every [[paper]] row looked up among the scalars of the tasks.
std::vector<PaperComparison> compare_with_paper(const Manifest& m, const std::vector<Task>& tasks,
                                                const std::vector<Json>& results) {
  std::vector<PaperComparison> out;
  for (const auto& p : m.paper) {
    PaperComparison c;
    c.quantity = p.quantity;
    c.result = p.result;
    c.unit = p.unit;
    c.source = p.source;
    c.paper = p.value;
    c.tolerance = p.tolerance;
    c.relative = p.relative;
    bool task_found = false;
    for (std::size_t i = 0; i < tasks.size() && !c.run; ++i) {
      const std::string& pre = tasks[i].prefix;
      if (p.result.size() <= pre.size() + 1 || p.result.compare(0, pre.size(), pre) != 0 ||
          p.result[pre.size()] != '/')
        continue;
      task_found = true;
      const std::string key = p.result.substr(pre.size() + 1);
      const auto& sc = results[i]["scalars"];
      if (sc.is_object() && sc.contains(key)) {
        c.run = sc[key]["value"].get<double>();
        c.note = sc[key]["method"].get<std::string>();
      }
    }
    if (!c.run)
      c.note = task_found ? "the analysis did not produce this value (see its notes)"
                          : "no analysis of the study produces '" + p.result + "'";
    if (c.run) {
      const double allowed = p.relative ? p.tolerance * std::abs(p.value) : p.tolerance;
      c.within = std::abs(*c.run - p.value) <= allowed * (1 + 1e-12);
    }
    out.push_back(std::move(c));
  }
  return out;
}

void move_into_place(const fs::path& staging, const fs::path& out,
                     const std::vector<std::string>& top_level) {
  for (const auto& name : top_level) {
    const fs::path from = staging / name, to = out / name;
    if (fs::is_directory(from)) {
      const fs::path old = out / (name + ".old" + std::to_string(::getpid()));
      std::error_code ec;
      if (fs::exists(to)) fs::rename(to, old);
      fs::rename(from, to);
      fs::remove_all(old, ec);
    } else {
      fs::rename(from, to);
    }
  }
}

}  // namespace

StudySummary run_study(const Manifest& manifest, const StudyOptions& o) {
  std::vector<Task> tasks = detail::plan_tasks(manifest);
  std::map<std::string, std::string> file_fp;
  std::map<std::string, std::uintmax_t> file_size;
  const auto fps = task_fingerprints(tasks, manifest, file_fp, file_size);

  const fs::path out = o.output_dir;
  fs::create_directories(out / "cache");
  std::vector<Json> results(tasks.size());
  std::vector<bool> todo(tasks.size(), true);
  StudySummary summary;
  summary.analyses = tasks.size();
  std::size_t done = 0;
  for (std::size_t i = 0; i < tasks.size() && o.use_cache; ++i)
    if (auto cached = read_cache(out / "cache" / (fps[i] + ".json"))) {
      results[i] = std::move(*cached);
      todo[i] = false;
      ++done;
    }
  summary.reused = done;
  if (o.progress && done) o.progress(done, tasks.size(), "cached results");
  const unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  run_parallel(tasks, results, todo, threads, o, done);
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (!todo[i]) continue;
    ++summary.recomputed;
    summary.recomputed_ids.push_back(tasks[i].id);
    write_text_atomically(out / "cache" / (fps[i] + ".json"), results[i].dump());
  }

  // Tables, scalars and notes of every task, tagged with the task and its sample.
  detail::TableRows rows;
  Json doc;
  doc["study"] = {{"title", manifest.title}, {"reference", manifest.reference},
                  {"manifest", manifest.path}, {"solyte_version", version()},
                  {"generated", now_text()}};
  for (const auto& s : manifest.samples) {
    Json props = Json::object();
    for (const auto& p : s.properties.items) props[p.key] = p.value;
    Json row = {{"sample", s.name}, {"name", s.name}, {"properties", props.dump()}};
    if (auto mm = s.number("milling_min", manifest.path)) row["milling_min"] = *mm;
    rows["samples"].push_back(row);
    for (const auto& me : s.measurements)
      for (const auto& f : me.files)
        rows["measurements"].push_back({{"sample", s.name},
                                        {"kind", std::string(to_string(me.kind))},
                                        {"file", f},
                                        {"fingerprint", file_fp[f]},
                                        {"bytes", file_size[f]}});
  }
  Json task_docs = Json::array();
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const Task& t = tasks[i];
    const Json& r = results[i];
    Json td = {{"id", t.id}, {"analysis", t.analysis}, {"sample", t.sample},
               {"prefix", t.prefix}, {"files", t.files}, {"fingerprint", fps[i]},
               {"recomputed", static_cast<bool>(todo[i])}};
    for (const char* k : {"scalars", "rows", "notes", "method"})
      if (r.contains(k)) td[k] = r[k];
    task_docs.push_back(td);
    if (r.contains("rows"))
      for (const auto& [table, list] : r["rows"].items())
        for (Json row : list) {
          row["task"] = t.id;
          if (!row.contains("sample")) row["sample"] = t.sample;
          rows[table].push_back(std::move(row));
        }
    if (r.contains("scalars"))
      for (const auto& [key, v] : r["scalars"].items())
        rows["scalars"].push_back({{"task", t.id}, {"sample", t.sample},
                                   {"key", t.prefix + "/" + key}, {"value", v["value"]},
                                   {"unit", v["unit"]}, {"method", v["method"]}});
    if (r.contains("notes"))
      for (const auto& n : r["notes"]) {
        rows["notes"].push_back({{"task", t.id}, {"sample", t.sample}, {"note", n}});
        summary.warnings.push_back(t.id + ": " + n.get<std::string>());
      }
  }
  doc["tasks"] = std::move(task_docs);
  summary.paper = compare_with_paper(manifest, tasks, results);
  Json paper = Json::array();
  for (const auto& c : summary.paper) {
    Json row = {{"quantity", c.quantity}, {"result", c.result}, {"paper", c.paper},
                {"run", c.run ? Json(*c.run) : Json()}, {"unit", c.unit},
                {"tolerance", c.tolerance}, {"relative", c.relative ? 1 : 0},
                {"within", c.within ? 1 : 0}, {"source", c.source}, {"note", c.note}};
    paper.push_back(row);
    row["task"] = "paper";
    row["sample"] = "";
    rows["paper_comparison"].push_back(std::move(row));
  }
  doc["paper"] = std::move(paper);

  // Everything into a staging folder first; only a complete set replaces the old one.
  std::random_device rd;
  const fs::path staging = out / (".staging-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 100000));
  fs::create_directories(staging / "tables");
  try {
    std::vector<std::string> top = {"results.json", "results.sqlite", "tables"};
    {
      std::ofstream f(staging / "results.json", std::ios::binary);
      f << doc.dump(1) << "\n";
      if (!f) throw std::system_error(errno, std::generic_category(), "cannot write results.json");
    }
    detail::write_sqlite((staging / "results.sqlite").string(), rows);
    for (const auto& name : detail::write_csv_tables((staging / "tables").string(), rows))
      summary.outputs.push_back("tables/" + name);
    summary.outputs.insert(summary.outputs.begin(), {"results.json", "results.sqlite"});
    if (o.figures) {
      detail::ReportInput ri{&manifest, &tasks, &results, &summary.paper, now_text()};
      const auto files = detail::write_report(staging.string(), ri, true);
      for (const auto& f : files) summary.outputs.push_back(f);
      top.push_back("report.html");
      if (fs::exists(staging / "figures")) top.push_back("figures");
    }
    move_into_place(staging, out, top);
    fs::remove_all(staging);
  } catch (...) {
    std::error_code ec;
    fs::remove_all(staging, ec);
    throw;
  }
  return summary;
}

}  // namespace solyte::study
