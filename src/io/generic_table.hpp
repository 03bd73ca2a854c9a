// Reader for delimited tables of any technique — time/potential/current records, 2θ/intensity
// patterns, Raman/IR spectra, DSC exports — whose columns are recognised by name
// (io/quantity_names.hpp). docs/formats.md § Generic tables.
#pragma once

#include <string>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// What the caller expects, when it knows (a CLI command for CV says cyclic voltammetry).
struct GenericTableHints {
  std::optional<Technique> technique;
};

/// The single record of a delimited table. Columns named in a header line are mapped onto
/// quantities and converted to their units; unknown ones are kept as Quantity::other. Without
/// a header the columns are "column 1", "column 2", … (Quantity::other) with a warning.
/// "key: value" and "key = value" lines above the table go to meta.header. The technique is
/// the hint, else guessed from the quantities (2θ → diffraction, wavenumber → infrared or
/// Raman by the header's words, chemical shift → NMR, heat flow → DSC, time + potential +
/// current → other with a note). Throws ParseError naming line and field for a damaged row.
Measurement read_generic_table(const std::vector<TextLine>& lines, const std::string& file,
                               const GenericTableHints& hints = {});

/// True when the table's header names impedance columns (frequency with Z'/Z'' or |Z|/phase),
/// or it has no header and three or more columns: then the impedance reader takes it.
bool generic_table_is_impedance(const std::vector<TextLine>& lines);

}  // namespace solyte::io::detail
