#include "record_table.hpp"

#include <filesystem>

namespace solyte::cli {

std::string column_header(const Column& c) {
  return c.unit.empty() ? c.name : c.name + "[" + c.unit + "]";
}

Table record_table(const Measurement& m) {
  Table t;
  t.title =
      m.label() + " (" + m.meta.format + ", " + std::string(to_string(m.meta.technique)) + ")";
  t.digits = 15;  // machines get every digit a double carries (CSV, TSV, JSON)
  for (const auto& c : m.columns) t.headers.push_back(column_header(c));
  const std::size_t n = m.size();
  t.rows.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<Cell> row;
    row.reserve(m.columns.size());
    for (const auto& c : m.columns) row.emplace_back(c.values[i]);
    t.rows.push_back(std::move(row));
  }
  return t;
}

void add_technique_option(CLI::App* cmd, std::string& technique) {
  std::vector<std::string> names;
  for (int t = 0; t <= static_cast<int>(Technique::other); ++t)
    names.emplace_back(to_string(static_cast<Technique>(t)));
  cmd->add_option("--technique", technique,
                  "What the file holds when its content cannot tell (two unnamed columns), e.g. "
                  "raman, infrared, diffraction, galvanostatic")
      ->check(CLI::IsMember(names))
      ->group("Input");
}

Format output_format(const CLI::App& cmd, const GlobalOptions& g) {
  if (cmd.count("--format") > 0 || g.output.empty() || g.output == "-")
    return parse_format(g.format);
  const std::string ext = std::filesystem::path(g.output).extension().string();
  if (ext == ".csv" || ext == ".CSV") return Format::csv;
  if (ext == ".tsv" || ext == ".TSV") return Format::tsv;
  if (ext == ".json" || ext == ".JSON") return Format::json;
  return parse_format(g.format);
}

}  // namespace solyte::cli
