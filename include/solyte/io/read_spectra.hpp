// Reading impedance spectra from instrument files. The format is detected from the content,
// not the extension.
//
//   solyte::io::ReadOptions opt{.temperature_from_name = true};
//   for (const auto& s : solyte::io::read_spectra("s04147-140deg.txt", opt)) { ... }
//
// Formats (docs/formats.md): delimited text (CSV/TSV/semicolon/whitespace, with or without a
// header; f/Z'/Z'' or f/|Z|/phase; −Z'' detected and normalised; comma decimals; UTF-8,
// Latin-1, UTF-16 with BOM), BioLogic EC-Lab .mpt (impedance techniques), Novocontrol
// WinDETA/NEISYS ASCII exports with their geometry header.
//
// Temperature: from the file when it carries one, else ReadOptions::temperature_k, else from
// the file name when temperature_from_name is set ("140deg", "+25C", "-30C", "298K").
// Geometry: ReadOptions::geometry when given (a warning notes a different file value), else
// the file's header, else none.
//
// Failures: ParseError naming file, line and column and what was expected (damaged or
// unsupported content); std::system_error when the file cannot be opened.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/spectrum.hpp"

namespace solyte::io {

/// How to interpret the columns of a delimited file when its header does not say.
enum class ColumnLayout {
  automatic,       ///< from the header; without one: f, Z', Z''
  real_imag,       ///< f, Z', Z'' (sign of Z'' detected)
  real_neg_imag,   ///< f, Z', −Z''
  modulus_phase,   ///< f, |Z|, phase in degrees
};

struct ReadOptions {
  std::optional<double> temperature_k;      ///< used when the file carries no temperature
  bool temperature_from_name = false;       ///< else parse it from the file name
  std::optional<PelletGeometry> geometry;   ///< overrides the file's geometry header
  ColumnLayout columns = ColumnLayout::automatic;
  /// What the caller expects the file to hold, when it knows (read_measurements uses it to
  /// read an ambiguous table, e.g. two unnamed columns, the right way); nullopt: detect.
  std::optional<Technique> technique;
};

/// Reads every impedance spectrum in the file at `path`.
std::vector<Spectrum> read_spectra(const std::string& path, const ReadOptions& options = {});

/// Same, from bytes already in memory; `name` is used in messages and for the temperature.
std::vector<Spectrum> read_spectra_from_bytes(std::string_view bytes, const std::string& name,
                                              const ReadOptions& options = {});

/// Name of the detected format ("delimited", "biologic-mpt", "novocontrol-ascii"), or
/// "unknown". Never throws.
std::string detect_format(std::string_view bytes);

/// Temperature in K encoded in a file name ("s04147-140deg.txt" → 413.15, "spec_-30C.csv"
/// → 243.15, "run_298K.txt" → 298). A '-' counts as a minus sign only at the start of the
/// name or after a separator ('_', ' ', '-', '.', '(' …), so "s04147-140deg" is +140 °C.
/// Returns nullopt when the name holds no temperature; when it holds several different
/// ones the last is taken.
std::optional<double> temperature_from_name(std::string_view file_name);

}  // namespace solyte::io
