// Helpers shared by the unit tests: where the data live, and skipping when the shared
// corpus (../shared/data beside the checkout) is absent.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace solyte::test {

inline std::filesystem::path test_data(const std::string& rel) {
  return std::filesystem::path(SOLYTE_TEST_DATA_DIR) / rel;
}
inline std::filesystem::path shared_data(const std::string& rel) {
  return std::filesystem::path(SOLYTE_SHARED_DATA_DIR) / rel;
}

}  // namespace solyte::test

/// Skips the current test, saying why, when a file of ../shared/data is missing.
#define SOLYTE_REQUIRE_SHARED(path)                                                     \
  do {                                                                                  \
    if (!std::filesystem::exists(path))                                                 \
      GTEST_SKIP() << "shared data absent (" << (path).string()                         \
                   << "); this test reads the corpus in ../shared/data";                \
  } while (0)
