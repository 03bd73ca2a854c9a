// solyte convert — a spectrum in another representation (METHODS.md §1), or any record of
// any format as a table of normalised columns with units in the header.
#include <algorithm>
#include <cmath>

#include "commands.hpp"
#include "output.hpp"
#include "record_table.hpp"
#include "solyte/constants.hpp"
#include "solyte/eis/representations.hpp"
#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "spectrum_input.hpp"

namespace solyte::cli {

namespace {

struct ConvertOptions {
  std::vector<std::string> files;
  std::string to;  // empty: impedance for impedance spectra, columns for anything else
  std::string technique;  // what an ambiguous file holds (two unnamed columns)
  SpectrumInputOptions input;
  GlobalOptions out;
};

Table convert_one(const Spectrum& s, const std::string& to) {
  Table t;
  t.title = s.label();
  if (s.meta.temperature_k)
    t.title += " at " + std::to_string(*s.meta.temperature_k).substr(0, 7) + " K";
  t.title += " (" + s.meta.format + ")";
  const std::size_t n = s.size();
  if (to == "impedance") {
    t.headers = {"freq_Hz", "Zre_ohm", "Zim_ohm", "Zmod_ohm", "phase_deg"};
    for (std::size_t i = 0; i < n; ++i) {
      const auto z = s.impedance_ohm[i];
      t.add_row({s.frequency_hz[i], z.real(), z.imag(), std::abs(z),
                 std::arg(z) * 180.0 / constants::pi});
    }
    return t;
  }
  if (to == "admittance") {
    t.headers = {"freq_Hz", "Yre_S", "Yim_S"};
    for (std::size_t i = 0; i < n; ++i) {
      if (s.impedance_ohm[i] == std::complex<double>(0, 0))
        throw InvalidArgument(s.label() + ": point " + std::to_string(i + 1) + " has Z = 0");
      const auto y = 1.0 / s.impedance_ohm[i];
      t.add_row({s.frequency_hz[i], y.real(), y.imag()});
    }
    return t;
  }
  const auto r = eis::representations(s, require_geometry(s));
  if (to == "sigma") {
    t.headers = {"freq_Hz", "sigma_re_S_per_cm", "sigma_im_S_per_cm"};
    for (std::size_t i = 0; i < n; ++i)
      t.add_row({r.frequency_hz[i], r.conductivity_s_per_m[i].real() * 0.01,
                 r.conductivity_s_per_m[i].imag() * 0.01});
  } else if (to == "permittivity") {
    t.headers = {"freq_Hz", "eps_re", "eps_loss", "tan_delta"};
    for (std::size_t i = 0; i < n; ++i)
      t.add_row({r.frequency_hz[i], r.permittivity[i].real(), r.permittivity[i].imag(),
                 r.loss_tangent[i]});
  } else if (to == "modulus") {
    t.headers = {"freq_Hz", "M_re", "M_im"};
    for (std::size_t i = 0; i < n; ++i)
      t.add_row({r.frequency_hz[i], r.modulus[i].real(), r.modulus[i].imag()});
  } else {  // all
    t.headers = {"freq_Hz",  "Zre_ohm", "Zim_ohm",  "Yre_S",    "Yim_S",    "sigma_re_S_per_cm",
                 "sigma_im_S_per_cm",   "eps_re",   "eps_loss", "tan_delta", "M_re", "M_im"};
    for (std::size_t i = 0; i < n; ++i)
      t.add_row({r.frequency_hz[i], r.impedance_ohm[i].real(), r.impedance_ohm[i].imag(),
                 r.admittance_s[i].real(), r.admittance_s[i].imag(),
                 r.conductivity_s_per_m[i].real() * 0.01, r.conductivity_s_per_m[i].imag() * 0.01,
                 r.permittivity[i].real(), r.permittivity[i].imag(), r.loss_tangent[i],
                 r.modulus[i].real(), r.modulus[i].imag()});
  }
  return t;
}

// Any record as its normalised columns ("two_theta[deg]", "time[s]" …).
void run_columns(Format format, const ConvertOptions& o, const std::vector<Measurement>& records) {
  std::vector<Table> tables;
  nlohmann::json doc;
  doc["representation"] = "columns";
  doc["records"] = nlohmann::json::array();
  std::string text;
  for (const auto& m : records) {
    tables.push_back(record_table(m));
    nlohmann::json js;
    js["file"] = m.meta.source_file;
    js["index"] = m.meta.index_in_file;
    js["reader"] = m.meta.format;
    js["technique"] = std::string(to_string(m.meta.technique));
    js["columns"] = nlohmann::json::array();
    for (const auto& c : m.columns)
      js["columns"].push_back({{"header", column_header(c)},
                               {"quantity", std::string(to_string(c.quantity))},
                               {"unit", c.unit},
                               {"source_name", c.source_name}});
    js["warnings"] = m.meta.warnings;
    js["points"] = to_json(tables.back());
    doc["records"].push_back(std::move(js));
    for (const auto& w : m.meta.warnings) text += "note: " + m.label() + ": " + w + "\n";
  }
  // Records with the same columns make one machine-readable table, each row tagged with its
  // record; different columns give one table per record.
  bool same = tables.size() > 1;
  for (const auto& t : tables) same = same && t.headers == tables.front().headers;
  if ((format == Format::csv || format == Format::tsv) && same) {
    Table all;
    all.digits = tables.front().digits;
    all.headers = tables.front().headers;
    all.headers.insert(all.headers.begin(), "record");
    for (std::size_t k = 0; k < tables.size(); ++k)
      for (auto row : tables[k].rows) {
        row.insert(row.begin(), records[k].label());
        all.rows.push_back(std::move(row));
      }
    tables = {all};
  }
  if (format == Format::text)
    for (auto& t : tables) t.digits = 7;  // people read the aligned table
  if (o.out.quiet || format != Format::text) text.clear();
  write_output(o.out.output, render(format, tables, doc, text));
}

void run_spectra(Format format, const ConvertOptions& o, const std::string& to) {
  const auto spectra = load_spectra(o.files, o.input, o.out.quiet);
  std::vector<Table> tables;
  nlohmann::json doc;
  doc["representation"] = to;
  doc["spectra"] = nlohmann::json::array();
  for (const auto& s : spectra) {
    tables.push_back(convert_one(s, to));
    nlohmann::json js;
    js["file"] = s.meta.source_file;
    js["index"] = s.meta.index_in_file;
    js["format"] = s.meta.format;
    js["temperature_K"] = s.meta.temperature_k ? nlohmann::json(*s.meta.temperature_k) : nlohmann::json();
    js["warnings"] = s.meta.warnings;
    js["points"] = to_json(tables.back());
    doc["spectra"].push_back(std::move(js));
  }
  if ((format == Format::csv || format == Format::tsv) && tables.size() > 1) {
    // One machine-readable table: prefix each row with its spectrum.
    Table all;
    all.headers = tables[0].headers;
    all.headers.insert(all.headers.begin(), "spectrum");
    for (const auto& t : tables)
      for (auto row : t.rows) {
        row.insert(row.begin(), t.title);
        all.rows.push_back(std::move(row));
      }
    tables = {all};
  }
  std::string text;
  if (format == Format::text)
    for (const auto& s : spectra)
      for (const auto& w : s.meta.warnings) text += "note: " + s.label() + ": " + w + "\n";
  write_output(o.out.output, render(format, tables, doc, text));
}

void run(const CLI::App& cmd, const ConvertOptions& o) {
  const Format format = output_format(cmd, o.out);
  io::ReadOptions read = read_options_from(o.input);
  if (!o.technique.empty()) read.technique = technique_from_string(o.technique);
  std::vector<Measurement> records;
  for (const auto& f : o.files)
    for (auto& m : io::read_measurements(f, read)) records.push_back(std::move(m));
  const bool all_impedance =
      std::all_of(records.begin(), records.end(),
                  [](const Measurement& m) { return m.meta.technique == Technique::impedance; });
  const std::string to = !o.to.empty() ? o.to : (all_impedance ? "impedance" : "columns");
  if (to == "columns") return run_columns(format, o, records);
  for (const auto& m : records)
    if (m.meta.technique != Technique::impedance)
      throw InvalidArgument(m.label() + " holds a " + std::string(to_string(m.meta.technique)) +
                            " record (" + m.meta.format + "); --to " + to +
                            " applies to impedance spectra only; use --to columns");
  run_spectra(format, o, to);
}

}  // namespace

void register_convert(CLI::App& app) {
  auto o = std::make_shared<ConvertOptions>();
  auto* cmd = app.add_subcommand(
      "convert",
      "Write any record as normalised columns with units (--to columns), or a spectrum as "
      "impedance, admittance, conductivity, permittivity or modulus");
  add_spectrum_files(cmd, o->files);
  cmd->add_option("--to", o->to,
                  "Representation: columns (every column in library units; the default for "
                  "records that are not impedance spectra), impedance (the default for spectra), "
                  "admittance, sigma, permittivity, modulus, all")
      ->check(CLI::IsMember(
          {"columns", "impedance", "admittance", "sigma", "permittivity", "modulus", "all"}));
  add_spectrum_input_options(cmd, o->input);
  add_technique_option(cmd, o->technique);
  add_output_options(cmd, o->out);
  cmd->footer(
      "sigma, permittivity and modulus need the pellet geometry (from the file header or "
      "--diameter/--thickness). Columns are written in the library's units, named with them: "
      "two_theta[deg], intensity[a.u.], wavenumber[1/cm], time[s], potential[V], current[A], "
      "temperature[K], specific_heat_flow[W/g]. A -o file ending in .csv, .tsv or .json sets "
      "the format; the file is written only when everything succeeded.\n"
      "Examples:\n"
      "  solyte convert pattern.raw -o pattern.csv\n"
      "  solyte convert ExpDat_sample.csv --to columns -f tsv\n"
      "  solyte convert spectrum.csv\n"
      "  solyte convert s04147-140deg.txt --to sigma --diameter 8mm --thickness 2.1mm\n"
      "  solyte convert cell.mpt --to modulus --area 0.785cm2 --thickness 0.5mm -f csv -o m.csv");
  cmd->callback([o, cmd] { run(*cmd, *o); });
}

}  // namespace solyte::cli
