// The HTML report of a study and its figures (report_html.cpp, figures.cpp).
#pragma once

#include <string>
#include <vector>

#include "solyte/study/study.hpp"
#include "study/task.hpp"

namespace solyte::study::detail {

struct ReportInput {
  const Manifest* manifest = nullptr;
  const std::vector<Task>* tasks = nullptr;
  const std::vector<Json>* results = nullptr;   ///< one per task, with plots
  const std::vector<PaperComparison>* paper = nullptr;
  std::string generated;                        ///< time stamp for the page
};

/// Writes `<dir>/report.html` (self-contained: figures inline as SVG) and, with `figures`,
/// each figure as `<dir>/figures/<name>.svg` and `.png`. Returns the files written, relative
/// to dir.
std::vector<std::string> write_report(const std::string& dir, const ReportInput& in,
                                      bool figures);

}  // namespace solyte::study::detail
