// Instrument time stamps as readable dates for meta.header. Each format counts from its own
// epoch (OLE automation days from 1899-12-30, Thales seconds from 1980-01-01, .NET ticks from
// 0001-01-01); all end up here as seconds relative to 1970-01-01.
#pragma once

#include <string>

namespace solyte::io::detail {

/// "YYYY-MM-DD hh:mm:ss" of `unix_seconds` (seconds since 1970-01-01 00:00, fractions dropped), in
/// the time zone the instrument wrote (none is converted).
std::string unix_time_text(double unix_seconds);

/// Seconds from 1970-01-01 to the given epochs, to turn instrument clocks into unix time.
inline constexpr double kOleEpochUnixSeconds = -25569.0 * 86400.0;  // 1899-12-30
inline constexpr double kThalesEpochUnixSeconds = 315532800.0;      // 1980-01-01
inline constexpr double kDotNetEpochUnixSeconds = -62135596800.0;   // 0001-01-01

}  // namespace solyte::io::detail
