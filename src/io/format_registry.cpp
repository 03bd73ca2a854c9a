#include "io/format_registry.hpp"

#include "io/biologic_mpt.hpp"
#include "io/bruker_brml.hpp"
#include "io/bruker_raw.hpp"
#include "io/bruker_uxd.hpp"
#include "io/delimited_text.hpp"
#include "io/generic_table.hpp"
#include "io/gsas_powder.hpp"
#include "io/netzsch_csv.hpp"
#include "io/novocontrol_ascii.hpp"
#include "io/panalytical_csv.hpp"
#include "io/panalytical_xrdml.hpp"
#include "io/stoe_raw.hpp"
#include "io/xy_pattern.hpp"
#include "io/xy_spectrum.hpp"
#include "solyte/error.hpp"
#include "solyte/io/gsas_instrument.hpp"

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

// Diffraction, spectra and thermal formats. The two-column readers give way to the generic
// table when the caller says the file holds something else.
bool other_than(const ReadOptions& o, std::initializer_list<Technique> ts) {
  if (!o.technique) return false;
  for (Technique t : ts)
    if (*o.technique == t) return false;
  return true;
}

std::vector<Measurement> generic(const FileContent& c, const std::string& file,
                                 const ReadOptions& options) {
  std::vector<Measurement> out;
  out.push_back(read_generic_table(*c.lines, file, {.technique = options.technique}));
  return out;
}

std::vector<Measurement> read_xy_pattern_any(const FileContent& c, const std::string& file,
                                             const ReadOptions& options) {
  if (other_than(options, {Technique::diffraction})) return generic(c, file, options);
  return read_xy_pattern(*c.lines, file);
}

std::vector<Measurement> read_spectrum_any(const FileContent& c, const std::string& file,
                                           const ReadOptions& options) {
  if (other_than(options, {Technique::raman, Technique::infrared}))
    return generic(c, file, options);
  return read_xy_spectrum(*c.lines, file, options.technique);
}

std::vector<Measurement> read_dpt_any(const FileContent& c, const std::string& file,
                                      const ReadOptions& options) {
  if (other_than(options, {Technique::raman, Technique::infrared}))
    return generic(c, file, options);
  return read_opus_dpt(*c.lines, file, options.technique);
}

}  // namespace

const std::vector<FormatReader>& format_readers() {
  static const std::vector<FormatReader> readers = {
      {"biologic-mpr", "BioLogic EC-Lab binary file (.mpr)", true, is_mpr, read_as_spectra},
      {"bruker-raw", "Bruker binary powder pattern (.raw: RAW1.01, RAW4.00)", true,
       [](const FileContent& c) { return is_bruker_raw(c.bytes); },
       [](const FileContent& c, const std::string& f, const ReadOptions&) {
         return read_bruker_raw(c.bytes, f);
       }},
      {"stoe-raw", "STOE WinXPOW binary powder pattern (.raw, RAW_1.06 Powdat)", true,
       [](const FileContent& c) { return is_stoe_raw(c.bytes); },
       [](const FileContent& c, const std::string& f, const ReadOptions&) {
         return read_stoe_raw(c.bytes, f);
       }},
      {"bruker-brml", "Bruker DIFFRAC.SUITE powder pattern (.brml, zip of XML)", true,
       [](const FileContent& c) { return is_brml(c.bytes); },
       [](const FileContent& c, const std::string& f, const ReadOptions&) {
         return read_brml(c.bytes, f);
       }},
      {"diffrac-dat", "two-column powder pattern whose title is padded with NUL bytes (.dat)", true,
       [](const FileContent& c) { return is_nul_padded_pattern(c.bytes); },
       [](const FileContent& c, const std::string& f, const ReadOptions&) {
         return read_nul_padded_pattern(c.bytes, f);
       }},
      {"netzsch-ngb", "NETZSCH Proteus binary (.ngb-*): recognised, not read (export as CSV)", true,
       [](const FileContent& c) { return is_netzsch_binary(c.bytes); },
       [](const FileContent& c, const std::string& f, const ReadOptions&) {
         return refuse_netzsch_binary(c.bytes, f);
       }},
      {"biologic-mpt", "BioLogic EC-Lab / BT-Lab text export (.mpt)", false, is_mpt,
       read_mpt_any},
      {"novocontrol-ascii", "Novocontrol WinDETA / NEISYS ASCII export", false, is_novocontrol,
       read_as_spectra},
      {"panalytical-xrdml", "PANalytical XRDML powder pattern (.xrdml)", false,
       [](const FileContent& c) { return is_xrdml(c.bytes); },
       [](const FileContent& c, const std::string& f, const ReadOptions&) {
         return read_xrdml(c.bytes, f);
       }},
      {"bruker-uxd", "Bruker DIFFRAC-AT / DIFFRAC-plus text pattern (.uxd)", false,
       [](const FileContent& c) { return is_bruker_uxd(*c.lines); },
       [](const FileContent& c, const std::string& f, const ReadOptions&) {
         return read_bruker_uxd(*c.lines, f);
       }},
      {"gsas-instrument",
       "GSAS instrument parameters (.prm): not a measurement (io::read_gsas_instrument)", false,
       [](const FileContent& c) { return is_gsas_instrument(c.bytes); },
       [](const FileContent&, const std::string& f,
          const ReadOptions&) -> std::vector<Measurement> {
         throw ParseError(f, 0, 0,
                          "this is a GSAS instrument parameter file, not a measurement: "
                          "'solyte info' shows its wavelength, io::read_gsas_instrument reads it");
       }},
      {"gsas-powder", "GSAS powder data (.gsas, .gsa, .fxye: STD, ESD, FXY, FXYE banks)", false,
       [](const FileContent& c) { return is_gsas_powder(*c.lines); },
       [](const FileContent& c, const std::string& f, const ReadOptions&) {
         return read_gsas_powder(*c.lines, f);
       }},
      {"panalytical-csv", "PANalytical CSV export ([Measurement conditions], [Scan points])", false,
       [](const FileContent& c) { return is_panalytical_csv(*c.lines); },
       [](const FileContent& c, const std::string& f, const ReadOptions&) {
         return read_panalytical_csv(*c.lines, f);
       }},
      {"netzsch-csv", "NETZSCH Proteus DSC/TG export (semicolon CSV, decimal comma, # header)",
       false, [](const FileContent& c) { return is_netzsch_csv(*c.lines); },
       [](const FileContent& c, const std::string& f, const ReadOptions&) {
         return read_netzsch_csv(*c.lines, f);
       }},
      {"xy-pattern",
       "two- or three-column powder pattern text (.xy, .xye, .xyd, .dat, .xrd with a point "
       "count)",
       false, [](const FileContent& c) { return is_xy_pattern(*c.lines); }, read_xy_pattern_any},
      {"opus-dpt", "Bruker OPUS data-point table (.dpt: wavenumber,value)", false,
       [](const FileContent& c) { return is_opus_dpt(*c.lines); }, read_dpt_any},
      {"xy-spectrum", "two-column Raman or IR spectrum text (shift or wavenumber, intensity)",
       false, [](const FileContent& c) { return is_xy_spectrum(*c.lines); }, read_spectrum_any},
      {"delimited", "delimited text table (CSV, TSV, semicolon, blanks) with named columns",
       false, is_delimited, read_delimited_any},
  };
  return readers;
}

}  // namespace solyte::io::detail
