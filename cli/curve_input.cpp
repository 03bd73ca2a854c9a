#include "curve_input.hpp"

#include <cmath>
#include <iostream>

#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"

namespace solyte::cli {

void add_record_input(CLI::App* cmd, RecordInput& in) {
  cmd->add_option("file", in.file, "The record (any supported format)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--record", in.record, "Which record of a file holding several (1-based)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str()
      ->group("Input");
}

Measurement load_record(const RecordInput& in, std::optional<Technique> hint,
                        std::vector<std::string>& notes) {
  io::ReadOptions options;
  options.technique = hint;
  auto records = io::read_measurements(in.file, options);
  if (records.empty()) throw InvalidArgument(in.file + ": the file holds no record");
  if (static_cast<std::size_t>(in.record) > records.size())
    throw InvalidArgument(in.file + ": --record " + std::to_string(in.record) +
                          " asked, the file holds " + std::to_string(records.size()));
  if (records.size() > 1)
    notes.push_back(in.file + " holds " + std::to_string(records.size()) + " records; record " +
                    std::to_string(in.record) + " is analysed (--record N for another)");
  Measurement m = std::move(records[static_cast<std::size_t>(in.record - 1)]);
  for (const auto& w : m.meta.warnings) notes.push_back(in.file + ": " + w);
  validate(m);
  return m;
}

std::pair<double, double> parse_range(const std::string& text,
                                      const std::function<double(std::string_view)>& value,
                                      std::string_view what) {
  // The separator is the colon that is not the sign of the second number.
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 >= text.size() ||
      text.find(':', colon + 1) != std::string::npos)
    throw InvalidArgument(std::string(what) + " '" + text + "' must be two values A:B");
  return {value(std::string_view(text).substr(0, colon)),
          value(std::string_view(text).substr(colon + 1))};
}

nlohmann::json record_json(const Measurement& m, const RecordInput& in) {
  nlohmann::json j;
  j["file"] = in.file;
  j["record"] = in.record;
  j["format"] = m.meta.format;
  j["technique"] = std::string(to_string(m.meta.technique));
  j["rows"] = m.size();
  auto& cols = j["columns"] = nlohmann::json::array();
  for (const auto& c : m.columns)
    cols.push_back({{"name", c.name}, {"unit", c.unit}, {"source", c.source_name}});
  return j;
}

void print_notes(const std::vector<std::string>& notes, bool quiet) {
  if (quiet) return;
  for (const auto& n : notes) std::cerr << "note: " << n << "\n";
}

nlohmann::json number_or_null(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json();
}
nlohmann::json number_or_null(const std::optional<double>& v) {
  return v ? number_or_null(*v) : nlohmann::json();
}

}  // namespace solyte::cli
