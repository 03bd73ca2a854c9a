// solyte study — every analysis of a study manifest: results database, JSON, CSV tables,
// figures and an HTML report, with the "paper vs this run" table (docs/study.md).
#include <cstdio>
#include <iostream>
#include <mutex>

#include "commands.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "solyte/error.hpp"
#include "solyte/study/study.hpp"

namespace solyte::cli {

namespace {

struct StudyCmdOptions {
  std::string manifest;
  std::string output = "out";
  unsigned threads = 0;
  bool no_cache = false;
  bool no_figures = false;
  std::string format = "text";
  bool quiet = false;
  bool schema = false;
};

Table paper_table(const study::StudySummary& s) {
  Table t;
  t.title = "Paper vs this run";
  t.headers = {"quantity", "paper", "this_run", "unit", "tolerance", "ok", "source"};
  t.digits = 5;
  for (const auto& c : s.paper) {
    char tol[48];
    if (c.relative) std::snprintf(tol, sizeof tol, "%.3g %%", c.tolerance * 100);
    else std::snprintf(tol, sizeof tol, "± %.3g", c.tolerance);
    t.add_row({c.quantity, c.paper, c.run ? Cell{*c.run} : Cell{}, c.unit, std::string(tol),
               std::string(c.run ? (c.within ? "yes" : "NO") : "missing"), c.source});
  }
  return t;
}

void run(const StudyCmdOptions& o) {
  if (o.schema) {
    write_output("-", study::results_schema_markdown());
    return;
  }
  if (o.manifest.empty())
    throw InvalidArgument("give a study manifest (solyte study study.toml -o out/)");
  const Format format = parse_format(o.format);
  const auto manifest = study::load_manifest(o.manifest);
  std::unique_ptr<Progress> bar;
  std::mutex mu;
  study::StudyOptions so{.output_dir = o.output, .threads = o.threads, .figures = !o.no_figures,
                         .use_cache = !o.no_cache};
  so.progress = [&](std::size_t done, std::size_t total, const std::string&) {
    std::lock_guard lock(mu);
    if (!bar) bar = std::make_unique<Progress>("study", total, o.quiet);
    bar->step(done);
  };
  const auto s = study::run_study(manifest, so);
  bar.reset();
  nlohmann::json doc;
  doc["output"] = o.output;
  doc["analyses"] = s.analyses;
  doc["recomputed"] = s.recomputed_ids;
  doc["reused"] = s.reused;
  doc["outputs"] = s.outputs;
  doc["warnings"] = s.warnings;
  const Table t = paper_table(s);
  doc["paper"] = to_json(t);
  std::size_t ok = 0;
  for (const auto& c : s.paper) ok += c.within ? 1 : 0;
  std::string footer = std::to_string(s.analyses) + " analyses: " + std::to_string(s.recomputed) +
                       " computed, " + std::to_string(s.reused) + " reused from the cache.\n";
  if (!s.paper.empty())
    footer += std::to_string(ok) + " of " + std::to_string(s.paper.size()) +
              " published values reproduced within their tolerance.\n";
  footer += "Results in " + o.output + "/ (results.sqlite, results.json, tables/" +
            (o.no_figures ? std::string(")") : std::string(", figures/, report.html)")) + "\n";
  if (!o.quiet && !s.warnings.empty() && format == Format::text)
    std::cerr << s.warnings.size() << " notes from the analyses (see the report's Notes or "
              << o.output << "/tables/notes.csv)\n";
  write_output("-", render(format, s.paper.empty() ? std::vector<Table>{} : std::vector<Table>{t},
                           doc, footer));
}

}  // namespace

void register_study(CLI::App& app) {
  auto o = std::make_shared<StudyCmdOptions>();
  auto* cmd = app.add_subcommand(
      "study", "Run every analysis of a study manifest: results database, tables, figures, "
               "HTML report and the comparison with published values");
  cmd->add_option("manifest", o->manifest, "Study manifest (TOML)")->check(CLI::ExistingFile);
  cmd->add_flag("--schema", o->schema, "Print the tables of results.sqlite (Markdown) and exit");
  cmd->add_option("--output,-o", o->output, "Output folder (created)")->capture_default_str();
  cmd->add_option("--threads,-j", o->threads, "Worker threads (0 = all cores)")->capture_default_str();
  cmd->add_flag("--no-cache", o->no_cache, "Recompute every analysis even when its inputs did not change");
  cmd->add_flag("--no-figures", o->no_figures, "Skip the figures and the HTML report");
  cmd->add_option("--format,-f", o->format, "Summary on standard output: text, csv, tsv or json")
      ->check(CLI::IsMember({"text", "table", "csv", "tsv", "json"}));
  cmd->add_flag("--quiet,-q", o->quiet, "No progress bar or notes on standard error");
  cmd->footer(
      "Writes OUTPUT/results.sqlite, results.json, tables/*.csv, figures/*.svg|png and "
      "report.html. Re-running recomputes only the analyses whose files or options changed; an "
      "interrupted run leaves the previous results in place. The manifest format is described "
      "in docs/study.md.\n"
      "Examples:\n"
      "  solyte study examples/ncb-milling/study.toml -o out/ncb\n"
      "  solyte study study.toml -o out --threads 2 -f json\n"
      "  solyte simulate study -o mystudy/     # a complete synthetic study to try it on");
  cmd->callback([o] { run(*o); });
}

}  // namespace solyte::cli
