// Entry points of the impedance readers: read the file, recognise its format
// from the content, dispatch, then settle temperature and geometry by
// precedence (file > options > file name for temperature; options > file for
// geometry).
#include "solyte/io/read_spectra.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "io/biologic_mpt.hpp"
#include "io/delimited_text.hpp"
#include "io/format_registry.hpp"
#include "io/impedance_records.hpp"
#include "io/novocontrol_ascii.hpp"
#include "io/temperature_from_name.hpp"
#include "io/text_decode.hpp"
#include "io/text_table.hpp"
#include "solyte/error.hpp"
#include "solyte/io/file_bytes.hpp"

namespace solyte::io {

namespace {

enum class Format { unknown, delimited, biologic_mpt, novocontrol_ascii };

constexpr const char* kExpected =
    "expected delimited text (columns f, Z', Z'' or f, |Z|, phase), a BioLogic "
    "EC-Lab .mpt "
    "text export or a Novocontrol ASCII export, or one of the instrument "
    "formats of "
    "docs/formats.md (.mpr, .DTA, .z, .ism, .idf, .pssession, .eis3, …)";

// Formats whose impedance reader predates the record readers: they keep their
// own checks and messages. Every other format is read as records and its
// impedance records converted.
bool has_own_impedance_reader(std::string_view format) {
  return format == "biologic-mpt" || format == "novocontrol-ascii" || format == "delimited";
}

std::vector<Spectrum> spectra_from_records(const detail::Detection& found, const std::string& name,
                                           const ReadOptions& options) {
  std::vector<Measurement> records = found.reader->read(found.content, name, options);
  std::vector<Spectrum> out;
  std::string held, warnings;
  for (Measurement& m : records) {
    if (m.meta.format.empty()) m.meta.format = std::string(found.reader->name);
    if (!detail::is_impedance_record(m)) {
      held += (held.empty() ? "" : ", ") + std::string(to_string(m.meta.technique));
      continue;
    }
    if (m.size() == 0) {
      for (const auto& w : m.meta.warnings) warnings += (warnings.empty() ? "" : "; ") + w;
      continue;
    }
    Spectrum s = detail::spectrum_from_record(m, name);
    s.meta.index_in_file = out.size();
    out.push_back(std::move(s));
  }
  if (out.empty()) {
    if (!warnings.empty())
      throw ParseError(name, 0, 0,
                       "expected impedance data, but the file holds no points (" + warnings + ")");
    throw ParseError(name, 0, 0,
                     "expected an impedance spectrum; this " + std::string(found.reader->name) +
                         " file holds " + (held.empty() ? std::string("no records") : held) +
                         " records (read it with read_measurements)");
  }
  return out;
}

Format detect(const std::vector<detail::TextLine>& lines) {
  if (detail::is_biologic_mpt(lines)) return Format::biologic_mpt;
  if (detail::is_novocontrol_ascii(lines)) return Format::novocontrol_ascii;
  if (detail::has_numeric_table(lines)) return Format::delimited;
  return Format::unknown;
}

std::string format_name(Format f) {
  switch (f) {
    case Format::delimited:
      return "delimited";
    case Format::biologic_mpt:
      return "biologic-mpt";
    case Format::novocontrol_ascii:
      return "novocontrol-ascii";
    case Format::unknown:
      return "unknown";
  }
  return "unknown";
}

std::string kelvin_text(double k) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f K", k);
  return buf;
}

bool differ_by_more_than(double a, double b, double rel) {
  return std::abs(a - b) > rel * std::max(std::abs(a), std::abs(b));
}

void settle_temperature(Spectrum& s, const ReadOptions& options,
                        const std::vector<double>& from_name) {
  if (s.meta.temperature_k) {
    if (options.temperature_k && std::abs(*options.temperature_k - *s.meta.temperature_k) > 0.5)
      s.meta.warnings.push_back("the file gives " + kelvin_text(*s.meta.temperature_k) +
                                "; the temperature in the read options (" +
                                kelvin_text(*options.temperature_k) + ") was not used");
    return;
  }
  if (options.temperature_k) {
    s.meta.temperature_k = options.temperature_k;
    s.meta.temperature_source = TemperatureSource::option;
    return;
  }
  if (from_name.empty()) return;
  s.meta.temperature_k = from_name.back();
  s.meta.temperature_source = TemperatureSource::file_name;
  for (double t : from_name)
    if (differ_by_more_than(t, from_name.back(), 1e-12)) {
      std::string all;
      for (double u : from_name) all += (all.empty() ? "" : ", ") + kelvin_text(u);
      s.meta.warnings.push_back("the file name holds several temperatures (" + all +
                                "); the last, " + kelvin_text(from_name.back()) + ", was taken");
      break;
    }
}

void settle_geometry(Spectrum& s, const ReadOptions& options) {
  if (!options.geometry) return;
  const auto& file = s.meta.geometry;
  if (file && (differ_by_more_than(file->area_m2, options.geometry->area_m2, 0.01) ||
               differ_by_more_than(file->thickness_m, options.geometry->thickness_m, 0.01))) {
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "the file gives a pellet of %.4g mm diameter and %.4g mm "
                  "thickness; the "
                  "geometry in the read options (%.4g mm, %.4g mm) was used",
                  file->diameter_m() * 1e3, file->thickness_m * 1e3,
                  options.geometry->diameter_m() * 1e3, options.geometry->thickness_m * 1e3);
    s.meta.warnings.push_back(buf);
  }
  s.meta.geometry = options.geometry;
}

void check_options(const ReadOptions& options) {
  if (options.temperature_k &&
      !(std::isfinite(*options.temperature_k) && *options.temperature_k > 0))
    throw InvalidArgument("ReadOptions::temperature_k must be a positive temperature in K");
  if (options.geometry && !options.geometry->valid())
    throw InvalidArgument("ReadOptions::geometry must have a positive area and thickness");
}

std::vector<Spectrum> read_legacy(const std::vector<detail::TextLine>& lines,
                                  const std::string& name, const ReadOptions& options);
void finish(std::vector<Spectrum>& spectra, const std::string& name, const ReadOptions& options);

}  // namespace

std::string detect_format(std::string_view bytes) {
  try {
    detail::Detection found;
    detail::detect_reader(bytes, "", found, false);
    if (!found.reader) return "unknown";
    if (!has_own_impedance_reader(found.reader->name)) return std::string(found.reader->name);
    return format_name(detect(found.lines));
  } catch (...) {  // only allocation can fail here; detection promises not to throw
    return "unknown";
  }
}

std::vector<Spectrum> read_spectra_from_bytes(std::string_view bytes, const std::string& name,
                                              const ReadOptions& options) {
  check_options(options);
  detail::Detection found;
  detail::detect_reader(bytes, name, found, false);
  std::vector<Spectrum> spectra;
  if (found.reader && !has_own_impedance_reader(found.reader->name)) {
    spectra = spectra_from_records(found, name, options);
  } else {
    const std::string& text = found.decoded.text;
    if (detail::is_blank(text))
      throw ParseError(name, 0, 0, std::string("empty file; ") + kExpected);
    if (detail::looks_binary(text))
      throw ParseError(name, 0, 0, std::string("binary content; ") + kExpected);
    spectra = read_legacy(found.lines, name, options);
  }
  finish(spectra, name, options);
  return spectra;
}

namespace {

std::vector<Spectrum> read_legacy(const std::vector<detail::TextLine>& lines,
                                  const std::string& name, const ReadOptions& options) {
  std::vector<Spectrum> spectra;
  switch (detect(lines)) {
    case Format::biologic_mpt:
      spectra = detail::read_biologic_mpt(lines, name);
      break;
    case Format::novocontrol_ascii:
      spectra = detail::read_novocontrol_ascii(lines, name);
      break;
    case Format::delimited:
      spectra = detail::read_delimited(lines, name, options.columns);
      break;
    case Format::unknown:
      throw ParseError(name, 0, 0, std::string("no table of numbers found; ") + kExpected);
  }
  return spectra;
}

void finish(std::vector<Spectrum>& spectra, const std::string& name, const ReadOptions& options) {
  const std::vector<double> name_temperatures =
      options.temperature_from_name ? detail::temperatures_in_name(detail::base_name(name))
                                    : std::vector<double>{};
  for (Spectrum& s : spectra) {
    s.meta.source_file = name;
    s.meta.technique = Technique::impedance;
    settle_temperature(s, options, name_temperatures);
    settle_geometry(s, options);
  }
}

}  // namespace

std::vector<Spectrum> read_spectra(const std::string& path, const ReadOptions& options) {
  return read_spectra_from_bytes(read_file_bytes(path), path, options);
}

}  // namespace solyte::io
