// Helpers of the pattern and spectrum reader tests: reading one record of a corpus file and
// comparing two exports of the same measurement point by point.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>

#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "test_support.hpp"

namespace solyte::test {

inline std::string bytes_of(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The records of a file of ../shared/data.
inline std::vector<Measurement> read_shared(const std::string& rel) {
  return io::read_measurements(shared_data(rel).string());
}

/// Column values of quantity q (empty when absent, so that a test fails on sizes, not a throw).
inline const std::vector<double>& values(const Measurement& m, Quantity q) {
  static const std::vector<double> none;
  const Column* c = m.find(q);
  return c ? c->values : none;
}

/// Points of `a` and `b` agree: same count; |x_a − x_b| ≤ x_tolerance(i); |k·y_a − y_b| ≤
/// y_tolerance. Reports the first few disagreements only.
inline void expect_same_points(const Measurement& a, const Measurement& b, Quantity xq,
                               const std::function<double(std::size_t)>& x_tolerance,
                               double y_scale, double y_tolerance) {
  const auto& xa = values(a, xq);
  const auto& xb = values(b, xq);
  const auto& ya = values(a, Quantity::intensity);
  const auto& yb = values(b, Quantity::intensity);
  ASSERT_EQ(xa.size(), xb.size()) << a.label() << " vs " << b.label();
  ASSERT_EQ(ya.size(), yb.size());
  ASSERT_FALSE(xa.empty());
  int reported = 0;
  std::size_t bad = 0;
  for (std::size_t i = 0; i < xa.size(); ++i) {
    const bool x_ok = std::abs(xa[i] - xb[i]) <= x_tolerance(i);
    const bool y_ok = std::abs(y_scale * ya[i] - yb[i]) <= y_tolerance;
    if (x_ok && y_ok) continue;
    ++bad;
    if (reported++ < 5)
      ADD_FAILURE() << "point " << i << ": x " << xa[i] << " vs " << xb[i] << ", y " << ya[i]
                    << " (×" << y_scale << ") vs " << yb[i];
  }
  EXPECT_EQ(bad, 0u) << a.label() << " vs " << b.label();
}

/// Runs `read` and returns the ParseError it must throw.
template <class F>
ParseError parse_error_of(F&& read) {
  try {
    read();
  } catch (const ParseError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a ParseError";
  return ParseError("", 0, 0, "");
}

}  // namespace solyte::test
