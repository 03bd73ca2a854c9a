#include "solyte/error.hpp"

#include <string_view>
#include <utility>

namespace solyte {

namespace {
std::string format_parse_message(const std::string& file, std::size_t line, std::size_t column,
                                 const std::string& expected) {
  // Built with snprintf-free appends of known pieces; GCC 12 warns spuriously (-Wrestrict)
  // on chained operator+ here.
  std::string where;
  where.reserve(file.size() + expected.size() + 32);
  where += file.empty() ? std::string_view("<input>") : std::string_view(file);
  if (line > 0) {
    where += ':';
    where += std::to_string(line);
    if (column > 0) {
      where += ':';
      where += std::to_string(column);
    }
  }
  where += ": ";
  where += expected;
  return where;
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
