// The maps between a fit parameter's natural value and the unbounded variable the optimiser
// moves, templated on the scalar type so automatic differentiation (ceres::Jet) passes
// through them.
//
//   const fit::Parameter q{.name = "Q", .value = 1e-9, .transform = fit::Transform::log};
//   double u = fit::to_internal(q, q.value);        // ln 1e-9
//   double back = fit::to_natural(q, u);            // 1e-9
//
// log:          v = exp(u)                                       (v > 0)
// logistic:     v = lo + (hi − lo)/(1 + exp(−u))                 (lo < v < hi)
// log_logistic: v = exp(ln lo + (ln hi − ln lo)/(1 + exp(−u)))   (0 < lo < v < hi)
// to_internal is the inverse; it expects a value strictly inside the range (check first).
#pragma once

#include <cmath>

#include "solyte/fit/least_squares.hpp"

namespace solyte::fit {

template <class T>
T to_natural(const Parameter& p, const T& u) {
  using std::exp;
  using std::log;
  switch (p.transform) {
    case Transform::none:
      return u;
    case Transform::log:
      return exp(u);
    case Transform::logistic:
      return p.lower + (p.upper - p.lower) / (1.0 + exp(-u));
    case Transform::log_logistic: {
      const double a = std::log(p.lower), b = std::log(p.upper);
      return exp(a + (b - a) / (1.0 + exp(-u)));
    }
  }
  return u;
}

inline double to_internal(const Parameter& p, double v) {
  switch (p.transform) {
    case Transform::none:
      return v;
    case Transform::log:
      return std::log(v);
    case Transform::logistic: {
      const double t = (v - p.lower) / (p.upper - p.lower);
      return std::log(t / (1.0 - t));
    }
    case Transform::log_logistic: {
      const double a = std::log(p.lower), b = std::log(p.upper);
      const double t = (std::log(v) - a) / (b - a);
      return std::log(t / (1.0 - t));
    }
  }
  return v;
}

/// True when the transform confines the value to [lower, upper] (logistic, log_logistic).
inline bool is_bounded(Transform t) {
  return t == Transform::logistic || t == Transform::log_logistic;
}

}  // namespace solyte::fit
