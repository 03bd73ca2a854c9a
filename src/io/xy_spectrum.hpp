// Readers for vibrational spectra as two-column text: Raman and IR exports (Renishaw WiRE
// "#Wave #Intensity", headerless shift–intensity tables) and Bruker OPUS data-point tables
// (.dpt). docs/formats.md § Spectra.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/text_table.hpp"
#include "io/xy_text.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True for two monotonic columns (wavenumber or Raman shift beyond 180 cm⁻¹, so not a 2θ
/// pattern; intensity) with no names other than those (xy_text.hpp).
bool is_xy_spectrum(const std::vector<TextLine>& lines);

/// The spectrum as a record with wavenumber [1/cm] and intensity columns. The technique is
/// `hint` when it is Raman or infrared, else Raman when the file says so (the word, or WiRE's
/// "#Wave #Intensity" header), else inferred with a warning: Raman when the shifts reach
/// below 350 cm⁻¹ (mid-IR detectors stop at about 400), infrared otherwise.
std::vector<Measurement> read_xy_spectrum(const std::vector<TextLine>& lines,
                                          const std::string& file, std::optional<Technique> hint);

/// True for a Bruker OPUS data-point table: "wavenumber,value" rows from the first line,
/// wavenumbers decreasing from above 180 cm⁻¹.
bool is_opus_dpt(const std::vector<TextLine>& lines);

/// The table as an infrared spectrum (or Raman when `hint` says so), with a warning that the
/// file does not say which.
std::vector<Measurement> read_opus_dpt(const std::vector<TextLine>& lines, const std::string& file,
                                       std::optional<Technique> hint);

/// The record both readers build: wavenumber and intensity columns from `layout`'s rows.
Measurement read_spectrum_columns(const std::vector<TextLine>& lines, const XyLayout& layout,
                                  const std::string& file);

}  // namespace solyte::io::detail
