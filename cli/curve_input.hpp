// What the curve commands (peaks, cv, ccd, dsc) share: the one record they read through the
// readers' front door, the A:B range syntax, and how a record and notes are reported.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::cli {

struct RecordInput {
  std::string file;
  int record = 1;  ///< 1-based, for files holding several records
};

/// Adds the required positional FILE and --record N.
void add_record_input(CLI::App* cmd, RecordInput& in);

/// Reads the file (the technique as a hint for ambiguous tables) and returns record N. Throws
/// InvalidArgument when the file holds fewer records, ParseError/system_error from the reader.
/// When the file holds several records, a note says which one is used.
Measurement load_record(const RecordInput& in, std::optional<Technique> hint,
                        std::vector<std::string>& notes);

/// "A:B" with each end read by `value` (e.g. parse_potential_v). Throws InvalidArgument naming
/// `what` unless there are two ends.
std::pair<double, double> parse_range(const std::string& text,
                                      const std::function<double(std::string_view)>& value,
                                      std::string_view what);

/// {file, record, format, technique, rows, columns: [{name, unit, source}]} for the JSON.
nlohmann::json record_json(const Measurement& m, const RecordInput& in);

/// Prints the notes (and the record's reader warnings) to stderr unless quiet.
void print_notes(const std::vector<std::string>& notes, bool quiet);

/// Number or null (NaN, infinite or absent).
nlohmann::json number_or_null(double v);
nlohmann::json number_or_null(const std::optional<double>& v);

}  // namespace solyte::cli
