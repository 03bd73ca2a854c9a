// Error classes shared by the library, the readers and the command-line tool.
//
//   try { auto s = solyte::io::read_spectra("cell.mpt"); }
//   catch (const solyte::ParseError& e) { std::cerr << e.what(); }   // names file, line, column
//
// Mapping to CLI exit codes (DESIGN.md): InvalidArgument → 2, ParseError and
// std::system_error → 3, NumericalError → 4. A fit that does not converge is not an
// error: its report carries a status instead.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace solyte {

/// Base of every solyte exception.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A caller passed a value that makes no sense (negative thickness, unknown unit, …).
class InvalidArgument : public Error {
 public:
  using Error::Error;
};

/// A file does not hold what its format promises. Carries where and what was expected.
/// line and column are 1-based; 0 means "not applicable" (e.g. a byte offset is used).
class ParseError : public Error {
 public:
  ParseError(std::string file, std::size_t line, std::size_t column, std::string expected);
  const std::string& file() const noexcept { return file_; }
  std::size_t line() const noexcept { return line_; }
  std::size_t column() const noexcept { return column_; }
  const std::string& expected() const noexcept { return expected_; }

 private:
  std::string file_;
  std::size_t line_;
  std::size_t column_;
  std::string expected_;
};

/// A computation is impossible for the data given (singular system, too few points, …).
class NumericalError : public Error {
 public:
  using Error::Error;
};

}  // namespace solyte
