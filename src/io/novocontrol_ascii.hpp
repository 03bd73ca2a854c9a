// Reader for Novocontrol WinDETA / NEISYS ASCII exports: a title line, optional geometry and
// "Fixed value(s)" lines, a column header ("Freq.[Hz]  Zs'[ohm]  Zs''[ohm]") and the table.
// docs/formats.md § Novocontrol.
#pragma once

#include <string>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/spectrum.hpp"

namespace solyte::io::detail {

/// True when the first lines carry a Novocontrol column header ("Freq.[Hz]" with Zs', eps'
/// or sig' columns, or after a "Fixed value(s)" / "Diameter[mm]" line).
bool is_novocontrol_ascii(const std::vector<TextLine>& lines);

/// The spectra of the file (one per sweep), with sample name, file geometry and fixed
/// temperature when the header gives them. Throws ParseError when no impedance pair is
/// among the columns or the table is damaged.
std::vector<Spectrum> read_novocontrol_ascii(const std::vector<TextLine>& lines,
                                             const std::string& file);

}  // namespace solyte::io::detail
