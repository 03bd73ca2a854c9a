#include "solyte/error.hpp"

#include <utility>

namespace solyte {

namespace {
std::string format_parse_message(const std::string& file, std::size_t line, std::size_t column,
                                 const std::string& expected) {
  std::string where = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    where += ":" + std::to_string(line);
    if (column > 0) where += ":" + std::to_string(column);
  }
  return where + ": " + expected;
}
}  // namespace

ParseError::ParseError(std::string file, std::size_t line, std::size_t column,
                       std::string expected)
    : Error(format_parse_message(file, line, column, expected)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      expected_(std::move(expected)) {}

}  // namespace solyte
