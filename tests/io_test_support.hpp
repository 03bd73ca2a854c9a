// Helpers of the reader tests: a file's bytes, a header entry of a record, its warnings, and
// the ParseError a damaged input must raise.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "solyte/core/measurement.hpp"
#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"

namespace solyte::test {

/// The whole file, as stored.
inline std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The value of the first header entry `key`, or "<absent>".
inline std::string header_value(const Measurement& m, const std::string& key) {
  for (const auto& [k, v] : m.meta.header)
    if (k == key) return v;
  return "<absent>";
}

/// True when one of the record's warnings contains `text`.
inline bool has_warning(const Measurement& m, const std::string& text) {
  for (const auto& w : m.meta.warnings)
    if (w.find(text) != std::string::npos) return true;
  return false;
}

/// The ParseError that reading `bytes` through the front door raises (a test failure, and an
/// empty error, when it reads them instead).
inline ParseError parse_error_of(const std::string& bytes, const std::string& name) {
  try {
    io::read_measurements_from_bytes(bytes, name);
  } catch (const ParseError& e) {
    EXPECT_EQ(e.file(), name);
    return e;
  }
  ADD_FAILURE() << name << ": read without a ParseError";
  return ParseError("", 0, 0, "");
}

}  // namespace solyte::test
