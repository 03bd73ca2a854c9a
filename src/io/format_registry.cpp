#include "io/format_registry.hpp"

#include "io/autolab_dfr.hpp"
#include "io/biologic_mpr.hpp"
#include "io/biologic_mpt.hpp"
#include "io/bruker_brml.hpp"
#include "io/bruker_raw.hpp"
#include "io/bruker_uxd.hpp"
#include "io/delimited_text.hpp"
#include "io/gamry_dta.hpp"
#include "io/generic_table.hpp"
#include "io/gsas_powder.hpp"
#include "io/ivium_idf.hpp"
#include "io/metrohm_nova.hpp"
#include "io/netzsch_csv.hpp"
#include "io/novocontrol_ascii.hpp"
#include "io/palmsens_pssession.hpp"
#include "io/panalytical_csv.hpp"
#include "io/panalytical_xrdml.hpp"
#include "io/parstat_txt.hpp"
#include "io/relaxis_eis3.hpp"
#include "io/stoe_raw.hpp"
#include "io/versastudio_par.hpp"
#include "io/xy_pattern.hpp"
#include "io/xy_spectrum.hpp"
#include "io/zahner_ism.hpp"
#include "io/zplot.hpp"
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

// Impedance content of the delimited and Novocontrol formats goes through the
// impedance readers, so that read_spectra and read_measurements agree point for
// point.
std::vector<Measurement> read_as_spectra(const FileContent& c, const std::string& file,
                                         const ReadOptions& options) {
  return as_measurements(read_spectra_from_bytes(c.bytes, file, options));
}

bool is_eis3(const FileContent& c) { return is_sqlite(c.bytes); }
std::vector<Measurement> read_eis3(const FileContent& c, const std::string& file,
                                   const ReadOptions&) {
  return read_relaxis_records(c.bytes, file);
}

bool is_mpr(const FileContent& c) { return is_biologic_mpr(c.bytes); }
bool is_mpt(const FileContent& c) { return is_biologic_mpt(*c.lines); }
bool is_novocontrol(const FileContent& c) { return is_novocontrol_ascii(*c.lines); }
bool is_delimited(const FileContent& c) { return has_numeric_table(*c.lines); }

// Text readers that take decoded lines and need no options.
template <bool (*Detect)(const std::vector<TextLine>&)>
bool on_lines(const FileContent& c) {
  return Detect(*c.lines);
}
template <std::vector<Measurement> (*Read)(const std::vector<TextLine>&, const std::string&)>
std::vector<Measurement> read_lines(const FileContent& c, const std::string& file,
                                    const ReadOptions&) {
  return Read(*c.lines, file);
}

std::vector<Measurement> read_mpr(const FileContent& c, const std::string& file,
                                  const ReadOptions&) {
  std::vector<std::string> warnings;
  auto records = read_biologic_mpr(c.bytes, file, warnings);
  for (auto& m : records)
    m.meta.warnings.insert(m.meta.warnings.begin(), warnings.begin(), warnings.end());
  return records;
}

// Readers of the bytes as stored that need no options (binary formats, and the .pssession
// JSON, which decodes its text itself).
template <bool (*Detect)(std::string_view)>
bool on_bytes(const FileContent& c) {
  return Detect(c.bytes);
}
template <std::vector<Measurement> (*Read)(std::string_view, const std::string&)>
std::vector<Measurement> read_bytes(const FileContent& c, const std::string& file,
                                    const ReadOptions&) {
  return Read(c.bytes, file);
}

std::vector<Measurement> read_mpt(const FileContent& c, const std::string& file,
                                  const ReadOptions&) {
  return read_biologic_mpt_records(*c.lines, file);
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

std::vector<Measurement> refuse_gsas_instrument(const FileContent&, const std::string& f,
                                                const ReadOptions&) {
  throw ParseError(f, 0, 0,
                   "this is a GSAS instrument parameter file, not a measurement: "
                   "'solyte info' shows its wavelength, io::read_gsas_instrument reads it");
}

const FormatReader* find_reader(const FileContent& c) {
  for (const auto& r : format_readers()) {
    if (r.binary != (c.lines == nullptr)) continue;
    if (r.detect(c)) return &r;
  }
  return nullptr;
}

}  // namespace

const std::vector<FormatReader>& format_readers() {
  static const std::vector<FormatReader> readers = {
      {"biologic-mpr", "BioLogic EC-Lab binary file (.mpr)", true, is_mpr, read_mpr},
      {"relaxis-eis3", "RelaxIS 3 project (.eis3, SQLite)", true, is_eis3, read_eis3},
      {"zahner-ism", "Zahner Thales impedance file (.ism)", true, on_bytes<is_zahner_ism>,
       read_bytes<read_zahner_ism>},
      {"ivium-idf", "Ivium IviumSoft data file or data set (.idf, .ids)", true,
       on_bytes<is_ivium_idf>, read_bytes<read_ivium_idf>},
      {"bruker-raw", "Bruker binary powder pattern (.raw: RAW1.01, RAW4.00)", true,
       on_bytes<is_bruker_raw>, read_bytes<read_bruker_raw>},
      {"stoe-raw", "STOE WinXPOW binary powder pattern (.raw, RAW_1.06 Powdat)", true,
       on_bytes<is_stoe_raw>, read_bytes<read_stoe_raw>},
      {"bruker-brml", "Bruker DIFFRAC.SUITE powder pattern (.brml, zip of XML)", true,
       on_bytes<is_brml>, read_bytes<read_brml>},
      {"diffrac-dat", "two-column powder pattern whose title is padded with NUL bytes (.dat)", true,
       on_bytes<is_nul_padded_pattern>, read_bytes<read_nul_padded_pattern>},
      {"netzsch-ngb", "NETZSCH Proteus binary (.ngb-*): recognised, not read (export as CSV)", true,
       on_bytes<is_netzsch_binary>, read_bytes<refuse_netzsch_binary>},
      {"biologic-mpt", "BioLogic EC-Lab / BT-Lab text export (.mpt)", false, is_mpt, read_mpt},
      {"gamry-dta", "Gamry Framework data file (.DTA): EIS, CV, CP/CA, OCV", false,
       on_lines<is_gamry_dta>, read_lines<read_gamry_dta>},
      {"palmsens-pssession", "PalmSens PSTrace / MultiTrace session (.pssession, JSON)", false,
       on_lines<is_palmsens_session>, read_bytes<read_palmsens_session>},
      {"zplot", "Scribner ZPlot/ZView (.z) and Z60W/ZPlotW data files (also Autolab .txt)", false,
       on_lines<is_zplot>, read_lines<read_zplot>},
      {"autolab-dfr", "Eco Chemie / Metrohm Autolab FRA data file (.dfr)", false,
       on_lines<is_autolab_dfr>, read_lines<read_autolab_dfr>},
      {"versastudio-par", "Princeton Applied Research VersaStudio file (.par)", false,
       on_lines<is_versastudio_par>, read_lines<read_versastudio_par>},
      {"parstat-txt", "Parstat text export with DC and impedance rows", false,
       on_lines<is_parstat_txt>, read_lines<read_parstat_txt>},
      {"metrohm-nova", "Metrohm Autolab NOVA ASCII export", false, on_lines<is_metrohm_nova>,
       read_lines<read_metrohm_nova>},
      {"novocontrol-ascii", "Novocontrol WinDETA / NEISYS ASCII export", false, is_novocontrol,
       read_as_spectra},
      {"panalytical-xrdml", "PANalytical XRDML powder pattern (.xrdml)", false,
       on_bytes<is_xrdml>, read_bytes<read_xrdml>},
      {"bruker-uxd", "Bruker DIFFRAC-AT / DIFFRAC-plus text pattern (.uxd)", false,
       on_lines<is_bruker_uxd>, read_lines<read_bruker_uxd>},
      {"gsas-instrument",
       "GSAS instrument parameters (.prm): not a measurement (io::read_gsas_instrument)", false,
       on_bytes<is_gsas_instrument>, refuse_gsas_instrument},
      {"gsas-powder", "GSAS powder data (.gsas, .gsa, .fxye: STD, ESD, FXY, FXYE banks)", false,
       on_lines<is_gsas_powder>, read_lines<read_gsas_powder>},
      {"panalytical-csv", "PANalytical CSV export ([Measurement conditions], [Scan points])", false,
       on_lines<is_panalytical_csv>, read_lines<read_panalytical_csv>},
      {"netzsch-csv", "NETZSCH Proteus DSC/TG export (semicolon CSV, decimal comma, # header)",
       false, on_lines<is_netzsch_csv>, read_lines<read_netzsch_csv>},
      {"xy-pattern",
       "two- or three-column powder pattern text (.xy, .xye, .xyd, .dat, .xrd with a point "
       "count)",
       false, on_lines<is_xy_pattern>, read_xy_pattern_any},
      {"opus-dpt", "Bruker OPUS data-point table (.dpt: wavenumber,value)", false,
       on_lines<is_opus_dpt>, read_dpt_any},
      {"xy-spectrum", "two-column Raman or IR spectrum text (shift or wavenumber, intensity)",
       false, on_lines<is_xy_spectrum>, read_spectrum_any},
      {"delimited", "delimited text table (CSV, TSV, semicolon, blanks) with named columns", false,
       is_delimited, read_delimited_any},
  };
  return readers;
}

std::string expected_formats() {
  std::string s = "expected one of: ";
  bool first = true;
  for (const auto& r : format_readers()) {
    s += (first ? "" : "; ") + std::string(r.description);
    first = false;
  }
  return s;
}

void detect_reader(std::string_view bytes, const std::string& name, Detection& out,
                   bool must_find) {
  out.content = FileContent{bytes, nullptr};
  out.reader = find_reader(out.content);
  if (out.reader) return;
  out.decoded = decode_text(bytes);
  if (is_blank(out.decoded.text)) {
    if (must_find) throw ParseError(name, 0, 0, "empty file; " + expected_formats());
    return;
  }
  if (looks_binary(out.decoded.text)) {
    if (must_find)
      throw ParseError(name, 0, 0, "binary content of no known format; " + expected_formats());
    return;
  }
  out.lines = split_lines(out.decoded.text);
  out.content.lines = &out.lines;
  out.reader = find_reader(out.content);
  if (!out.reader && must_find)
    throw ParseError(name, 0, 0, "no table of numbers found; " + expected_formats());
}

}  // namespace solyte::io::detail
