// solyte info — what a file holds, as the readers see it: format, technique, columns with
// units, points, ranges, metadata, header entries and warnings (docs/formats.md).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "commands.hpp"
#include "output.hpp"
#include "record_table.hpp"
#include "solyte/error.hpp"
#include "solyte/io/file_bytes.hpp"
#include "solyte/io/gsas_instrument.hpp"
#include "solyte/io/read_measurements.hpp"

namespace solyte::cli {

namespace {

struct InfoOptions {
  std::vector<std::string> files;
  bool formats = false;
  std::string technique;
  GlobalOptions out;
};

std::string number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.7g", v);
  return buf;
}

nlohmann::json opt_json(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

struct Range {
  double min = 0, max = 0, first = 0, last = 0;
  bool any = false;
};

Range range_of(const Column& c) {
  Range r;
  for (double v : c.values) {
    if (!std::isfinite(v)) continue;
    if (!r.any) {
      r.min = r.max = r.first = v;
      r.any = true;
    }
    r.min = std::min(r.min, v);
    r.max = std::max(r.max, v);
    r.last = v;
  }
  return r;
}

// The metadata lines of the text form, one "name: value" per fact the file states.
std::vector<std::pair<std::string, std::string>> metadata_lines(const RecordMetadata& m) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!m.sample.empty()) out.emplace_back("sample", m.sample);
  if (m.temperature_k)
    out.emplace_back("temperature", number(*m.temperature_k) + " K (" +
                                        number(*m.temperature_k - 273.15) + " °C, from " +
                                        std::string(to_string(m.temperature_source)) + ")");
  if (m.run != ThermalRun::unknown) out.emplace_back("run", std::string(to_string(m.run)));
  if (m.geometry)
    out.emplace_back("geometry", "area " + number(m.geometry->area_m2 * 1e4) + " cm², thickness " +
                                     number(m.geometry->thickness_m * 1e3) + " mm");
  if (m.electrode_area_m2)
    out.emplace_back("electrode area", number(*m.electrode_area_m2 * 1e4) + " cm²");
  if (m.wavelength_angstrom) {
    std::string w = number(*m.wavelength_angstrom) + " Å";
    if (m.wavelength2_angstrom) w += ", Kα2 " + number(*m.wavelength2_angstrom) + " Å";
    if (m.kalpha2_ratio) w += ", I(Kα2)/I(Kα1) " + number(*m.kalpha2_ratio);
    out.emplace_back("wavelength", w);
  }
  if (m.two_theta_step_deg) out.emplace_back("2θ step", number(*m.two_theta_step_deg) + " deg");
  if (m.time_per_step_s) out.emplace_back("time per step", number(*m.time_per_step_s) + " s");
  if (!m.intensity_unit.empty()) out.emplace_back("intensity", m.intensity_unit);
  if (m.sample_mass_kg) out.emplace_back("sample mass", number(*m.sample_mass_kg * 1e6) + " mg");
  if (m.heating_rate_k_per_s)
    out.emplace_back("heating rate", number(*m.heating_rate_k_per_s * 60) + " K/min");
  if (m.exo_up) out.emplace_back("exothermic", *m.exo_up ? "up" : "down");
  return out;
}

std::string record_text(const Measurement& m) {
  std::string s =
      m.label() + ": " + m.meta.format + ", " + std::string(to_string(m.meta.technique));
  if (!m.meta.technique_name.empty()) s += " (" + m.meta.technique_name + ")";
  s += ", " + std::to_string(m.size()) + " points\n";
  Table t;
  t.headers = {"column", "unit", "min", "max", "first", "last", "in the file"};
  t.digits = 7;
  for (const auto& c : m.columns) {
    const Range r = range_of(c);
    t.add_row({c.name, c.unit, r.any ? Cell{r.min} : Cell{}, r.any ? Cell{r.max} : Cell{},
               r.any ? Cell{r.first} : Cell{}, r.any ? Cell{r.last} : Cell{}, c.source_name});
  }
  if (!m.columns.empty()) {
    const std::string table = render_text(t);
    std::size_t p = 0;
    while (p < table.size()) {
      const std::size_t e = table.find('\n', p);
      s += "  " + table.substr(p, e - p) + "\n";
      p = e == std::string::npos ? table.size() : e + 1;
    }
  }
  for (const auto& [k, v] : metadata_lines(m.meta)) s += "  " + k + ": " + v + "\n";
  if (!m.meta.header.empty()) {
    s += "  header:\n";
    for (const auto& [k, v] : m.meta.header) s += "    " + k + (v.empty() ? "" : ": " + v) + "\n";
  }
  for (const auto& w : m.meta.warnings) s += "  warning: " + w + "\n";
  return s;
}

nlohmann::json record_json(const Measurement& m) {
  nlohmann::json j;
  j["file"] = m.meta.source_file;
  j["index"] = m.meta.index_in_file;
  j["reader"] = m.meta.format;
  j["technique"] = std::string(to_string(m.meta.technique));
  j["technique_name"] = m.meta.technique_name;
  j["sample"] = m.meta.sample;
  j["points"] = m.size();
  j["columns"] = nlohmann::json::array();
  for (const auto& c : m.columns) {
    const Range r = range_of(c);
    j["columns"].push_back({{"name", c.name},
                            {"quantity", std::string(to_string(c.quantity))},
                            {"unit", c.unit},
                            {"header", column_header(c)},
                            {"source_name", c.source_name},
                            {"min", r.any ? nlohmann::json(r.min) : nlohmann::json()},
                            {"max", r.any ? nlohmann::json(r.max) : nlohmann::json()},
                            {"first", r.any ? nlohmann::json(r.first) : nlohmann::json()},
                            {"last", r.any ? nlohmann::json(r.last) : nlohmann::json()}});
  }
  const auto& md = m.meta;
  nlohmann::json meta;
  meta["temperature_K"] = opt_json(md.temperature_k);
  meta["temperature_source"] = std::string(to_string(md.temperature_source));
  meta["run"] = std::string(to_string(md.run));
  meta["geometry"] = md.geometry ? nlohmann::json{{"area_m2", md.geometry->area_m2},
                                                  {"thickness_m", md.geometry->thickness_m}}
                                 : nlohmann::json();
  meta["electrode_area_m2"] = opt_json(md.electrode_area_m2);
  meta["wavelength_angstrom"] = opt_json(md.wavelength_angstrom);
  meta["wavelength2_angstrom"] = opt_json(md.wavelength2_angstrom);
  meta["kalpha2_ratio"] = opt_json(md.kalpha2_ratio);
  meta["two_theta_step_deg"] = opt_json(md.two_theta_step_deg);
  meta["time_per_step_s"] = opt_json(md.time_per_step_s);
  meta["intensity_unit"] =
      md.intensity_unit.empty() ? nlohmann::json() : nlohmann::json(md.intensity_unit);
  meta["sample_mass_kg"] = opt_json(md.sample_mass_kg);
  meta["heating_rate_K_per_s"] = opt_json(md.heating_rate_k_per_s);
  meta["exo_up"] = md.exo_up ? nlohmann::json(*md.exo_up) : nlohmann::json();
  j["metadata"] = meta;
  j["header"] = nlohmann::json::array();
  for (const auto& [k, v] : md.header) j["header"].push_back({{"key", k}, {"value", v}});
  j["warnings"] = md.warnings;
  return j;
}

std::string instrument_text(const std::string& file, const std::vector<io::GsasInstrument>& banks) {
  std::string s = file + ": gsas-instrument, GSAS instrument parameters (no measurement)\n";
  for (const auto& b : banks) {
    s += "  bank " + std::to_string(b.bank) + (b.type.empty() ? "" : " (" + b.type + ")") + ": λ " +
         number(*b.wavelength_angstrom) + " Å";
    if (b.wavelength2_angstrom) s += ", λ2 " + number(*b.wavelength2_angstrom) + " Å";
    if (b.kalpha2_ratio) s += ", ratio " + number(*b.kalpha2_ratio);
    s += ", zero " + number(b.zero_deg) + " deg";
    if (b.polarization) s += ", polarization " + number(*b.polarization);
    s += "\n";
  }
  return s;
}

nlohmann::json instrument_json(const std::string& file,
                               const std::vector<io::GsasInstrument>& banks) {
  nlohmann::json j;
  j["file"] = file;
  j["reader"] = "gsas-instrument";
  j["banks"] = nlohmann::json::array();
  for (const auto& b : banks)
    j["banks"].push_back({{"bank", b.bank},
                          {"type", b.type},
                          {"wavelength_angstrom", opt_json(b.wavelength_angstrom)},
                          {"wavelength2_angstrom", opt_json(b.wavelength2_angstrom)},
                          {"kalpha2_ratio", opt_json(b.kalpha2_ratio)},
                          {"zero_deg", b.zero_deg},
                          {"polarization", opt_json(b.polarization)}});
  return j;
}

void run_formats(const CLI::App& cmd, const InfoOptions& o) {
  const Format format = output_format(cmd, o.out);
  Table t;
  t.title = "Formats read by solyte (recognised by content, in this order)";
  t.headers = {"format", "description"};
  nlohmann::json doc = nlohmann::json::array();
  for (const auto& f : io::supported_formats()) {
    t.add_row({f.name, f.description});
    doc.push_back({{"name", f.name}, {"description", f.description}});
  }
  write_output(o.out.output, render(format, {t}, doc));
}

void run(const CLI::App& cmd, const InfoOptions& o) {
  if (o.formats) return run_formats(cmd, o);
  if (o.files.empty()) throw InvalidArgument("give one or more files (or --formats)");
  const Format format = output_format(cmd, o.out);
  io::ReadOptions read;
  if (!o.technique.empty()) read.technique = technique_from_string(o.technique);
  std::string text;
  nlohmann::json doc;
  doc["files"] = nlohmann::json::array();
  Table t;
  t.headers = {"file", "index", "format", "technique", "points", "column", "unit", "min", "max"};
  t.digits = 10;
  for (const auto& file : o.files) {
    const std::string bytes = io::read_file_bytes(file);
    if (io::is_gsas_instrument(bytes)) {
      const auto banks = io::read_gsas_instrument_from_bytes(bytes, file);
      text += (text.empty() ? "" : "\n") + instrument_text(file, banks);
      doc["files"].push_back(instrument_json(file, banks));
      continue;
    }
    const auto records = io::read_measurements_from_bytes(bytes, file, read);
    nlohmann::json jf;
    jf["file"] = file;
    jf["records"] = nlohmann::json::array();
    for (const auto& m : records) {
      text += (text.empty() ? "" : "\n") + record_text(m);
      jf["records"].push_back(record_json(m));
      for (const auto& c : m.columns) {
        const Range r = range_of(c);
        t.add_row({file, static_cast<long long>(m.meta.index_in_file), m.meta.format,
                   std::string(to_string(m.meta.technique)), static_cast<long long>(m.size()),
                   c.name, c.unit, r.any ? Cell{r.min} : Cell{}, r.any ? Cell{r.max} : Cell{}});
      }
    }
    if (records.empty()) text += (text.empty() ? "" : "\n") + file + ": no records\n";
    doc["files"].push_back(std::move(jf));
  }
  if (format == Format::text) return write_output(o.out.output, text);
  write_output(o.out.output, render(format, {t}, doc));
}

}  // namespace

void register_info(CLI::App& app) {
  auto o = std::make_shared<InfoOptions>();
  auto* cmd =
      app.add_subcommand("info",
                         "Show what files hold: format, technique, columns with units and ranges, "
                         "metadata, header entries and warnings");
  cmd->add_option("files", o->files, "Files of any supported format")->check(CLI::ExistingFile);
  cmd->add_flag("--formats", o->formats, "List the formats solyte reads, in the order tried");
  add_technique_option(cmd, o->technique);
  add_output_options(cmd, o->out);
  cmd->footer(
      "The format is recognised from the content, not the extension. --format json gives every "
      "column's range and every metadata field (null when the file does not state it); csv/tsv "
      "give one row per column. A -o file ending in .csv, .tsv or .json sets the format.\n"
      "Examples:\n"
      "  solyte info pattern.raw\n"
      "  solyte info SbI3.brml SbI3.xy SbI3.xye -f json\n"
      "  solyte info spectrum.txt --technique raman\n"
      "  solyte info --formats");
  cmd->callback([o, cmd] { run(*cmd, *o); });
}

}  // namespace solyte::cli
