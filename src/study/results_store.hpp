// Writing the tables of a study's results: one SQLite database (results.sqlite) and one CSV
// file per table, both following schema.cpp.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "study/task.hpp"

namespace solyte::study::detail {

/// Rows per table name; each row an object whose keys are the table's columns (plus "task"
/// and "sample").
using TableRows = std::map<std::string, std::vector<Json>>;

/// Creates the database at `path` (which must not exist) with every table of the schema and
/// the rows given. Throws std::system_error (code from SQLite) when it cannot be written and
/// std::logic_error for a row with a column the schema does not have.
void write_sqlite(const std::string& path, const TableRows& rows);

/// One CSV per table with rows, `<dir>/<table>.csv`, header = columns with the task and
/// sample first. Returns the file names written.
std::vector<std::string> write_csv_tables(const std::string& dir, const TableRows& rows);

}  // namespace solyte::study::detail
