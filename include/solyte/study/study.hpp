// Running a whole study: every analysis of every sample of a manifest, the comparisons between
// samples and the check against published values, written as a results database, JSON, CSV
// tables, figures and one HTML report.
//
//   auto manifest = solyte::study::load_manifest("examples/ncb-milling/study.toml");
//   auto summary = solyte::study::run_study(manifest, {.output_dir = "out/ncb"});
//   for (const auto& row : summary.paper) std::cout << row.quantity << " " << row.run << "\n";
//
// Re-running reuses the cached result of every analysis whose inputs (file contents, options,
// the results it depends on, the solyte version) did not change (out/cache/). Outputs are
// written to a staging folder and moved into place only when everything succeeded, so an
// interrupted run leaves the previous results intact. docs/study.md describes the outputs.
//
// Failures: ParseError for a bad manifest or an unreadable measurement file (the message
// names the file and line), InvalidArgument for options an analysis cannot use,
// std::system_error when outputs cannot be written. An analysis that finds nothing (no
// plateau, a fit that does not converge) is reported, not thrown.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "solyte/study/manifest.hpp"

namespace solyte::study {

struct StudyOptions {
  std::string output_dir = "out";
  unsigned threads = 0;           ///< 0: all cores
  bool figures = true;            ///< SVG/PNG figures and the HTML report
  bool use_cache = true;          ///< false: recompute everything
  /// Called after each analysis (done, total, what); from the thread that ran it.
  std::function<void(std::size_t, std::size_t, const std::string&)> progress;
};

/// One row of the "paper vs this run" table.
struct PaperComparison {
  std::string quantity, result, unit, source;
  double paper = 0;
  std::optional<double> run;      ///< empty when the run did not produce the result
  double tolerance = 0;
  bool relative = false;
  bool within = false;            ///< |run − paper| ≤ tolerance (relative: ≤ tolerance·|paper|)
  std::string note;               ///< why there is no value, or how it was obtained
};

struct StudySummary {
  std::size_t analyses = 0;       ///< tasks in the study
  std::size_t recomputed = 0;     ///< of which were computed in this run
  std::size_t reused = 0;         ///< and taken from the cache
  std::vector<std::string> recomputed_ids;   ///< "milled-45min/impedance#1", …
  std::vector<PaperComparison> paper;
  std::vector<std::string> outputs;          ///< files written, relative to output_dir
  std::vector<std::string> warnings;         ///< per analysis notes worth reading
};

StudySummary run_study(const Manifest& manifest, const StudyOptions& options = {});

/// The results database as Markdown: one section per table with its columns, units and
/// meaning (docs/study.md carries it).
std::string results_schema_markdown();

}  // namespace solyte::study
