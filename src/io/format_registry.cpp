#include "io/format_registry.hpp"

#include "io/biologic_mpt.hpp"
#include "io/delimited_text.hpp"
#include "io/generic_table.hpp"
#include "io/novocontrol_ascii.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

std::vector<Measurement> as_measurements(std::vector<Spectrum> spectra) {
  std::vector<Measurement> out;
  out.reserve(spectra.size());
  for (const auto& s : spectra) out.push_back(to_measurement(s));
  return out;
}

// Impedance content goes through the impedance readers, so that read_spectra and
// read_measurements agree point for point.
std::vector<Measurement> read_as_spectra(const FileContent& c, const std::string& file,
                                         const ReadOptions& options) {
  return as_measurements(read_spectra_from_bytes(c.bytes, file, options));
}

bool is_mpr(const FileContent& c) { return c.bytes.substr(0, 22) == "BIO-LOGIC MODULAR FILE"; }
bool is_mpt(const FileContent& c) { return is_biologic_mpt(*c.lines); }
bool is_novocontrol(const FileContent& c) { return is_novocontrol_ascii(*c.lines); }
bool is_delimited(const FileContent& c) { return has_numeric_table(*c.lines); }

// Until the EC-Lab reader knows every technique, non-impedance .mpt tables are read as
// generic named-column tables (their column header is the last header line).
std::vector<Measurement> read_mpt_any(const FileContent& c, const std::string& file,
                                      const ReadOptions& options) {
  const bool impedance = options.technique ? *options.technique == Technique::impedance
                                           : generic_table_is_impedance(*c.lines);
  if (impedance) return read_as_spectra(c, file, options);
  std::vector<Measurement> out;
  out.push_back(read_generic_table(*c.lines, file, {.technique = options.technique}));
  out.back().meta.format = "biologic-mpt";
  return out;
}

std::vector<Measurement> read_delimited_any(const FileContent& c, const std::string& file,
                                            const ReadOptions& options) {
  const bool impedance = options.technique ? *options.technique == Technique::impedance
                                           : generic_table_is_impedance(*c.lines);
  if (impedance) return read_as_spectra(c, file, options);
  GenericTableHints hints{.technique = options.technique};
  std::vector<Measurement> out;
  out.push_back(read_generic_table(*c.lines, file, hints));
  return out;
}

}  // namespace

const std::vector<FormatReader>& format_readers() {
  static const std::vector<FormatReader> readers = {
      {"biologic-mpr", "BioLogic EC-Lab binary file (.mpr)", true, is_mpr, read_as_spectra},
      {"biologic-mpt", "BioLogic EC-Lab / BT-Lab text export (.mpt)", false, is_mpt,
       read_mpt_any},
      {"novocontrol-ascii", "Novocontrol WinDETA / NEISYS ASCII export", false, is_novocontrol,
       read_as_spectra},
      {"delimited", "delimited text table (CSV, TSV, semicolon, blanks) with named columns",
       false, is_delimited, read_delimited_any},
  };
  return readers;
}

}  // namespace solyte::io::detail
