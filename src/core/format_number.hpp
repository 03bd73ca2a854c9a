// Numbers in messages of the library (error texts, notes, descriptions): "%g" with a chosen
// number of significant digits, locale-free.
#pragma once

#include <cstdio>
#include <string>

namespace solyte::detail {

inline std::string format_number(double v, int significant = 6) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*g", significant, v);
  return buf;
}

}  // namespace solyte::detail
