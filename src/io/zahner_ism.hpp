// Reader for Zahner Thales impedance files (.ism). docs/formats.md § Zahner .ism.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when the bytes open with a Thales file version word (0x0000FFFFFFFE or 0x0000FFFFFFFF)
/// followed by a point count.
bool is_zahner_ism(std::string_view bytes);

/// The spectrum as one impedance record: frequency, |Z| and phase as stored, Z' and Z'' derived
/// from them, time (s since the first point), significance (0–1000) and, when the file holds them,
/// the potential and current of every point. The main sweep is the run between the highest and the
/// lowest frequency; points measured before it (Thales starts at a middle frequency and first
/// sweeps up) are left out with a warning. The comment strings, date, excitation amplitude and the
/// temperature (when its string is a number in °C or K) go to the metadata. Throws ParseError
/// naming the byte offset for a truncated or damaged file.
std::vector<Measurement> read_zahner_ism(std::string_view bytes, const std::string& file);

}  // namespace solyte::io::detail
