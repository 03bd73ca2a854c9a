#include "io/date_text.hpp"

#include <cmath>
#include <cstdio>

namespace solyte::io::detail {

std::string unix_time_text(double unix_seconds) {
  const long long s = static_cast<long long>(std::floor(unix_seconds));
  long long z = (s >= 0 ? s : s - 86399) / 86400;  // days, rounded towards −∞
  const long long secs = s - z * 86400;
  // civil-from-days (H. Hinnant, "chrono-compatible low-level date algorithms")
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1;
  const long long m = mp < 10 ? mp + 3 : mp - 9;
  const long long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld %02lld:%02lld:%02lld", y, m, d, secs / 3600,
                secs / 60 % 60, secs % 60);
  return buf;
}

}  // namespace solyte::io::detail
