// Options shared by every command that reads impedance spectra: geometry, temperature,
// column layout; and the loading itself through the readers' one front door.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "solyte/core/spectrum.hpp"
#include "solyte/io/read_spectra.hpp"

namespace solyte::cli {

struct SpectrumInputOptions {
  std::string diameter, thickness, area;   // with units, e.g. "10mm"
  std::string temperature;                 // "25C", "298.15K"
  bool temperature_from_name = false;
  std::string run;                         // heating | cooling
  std::string columns = "auto";            // auto | re-im | re-negim | mod-phase
};

/// Adds the required positional FILES (existing spectrum files of any supported format).
void add_spectrum_files(CLI::App* cmd, std::vector<std::string>& files);

/// Adds --diameter, --thickness, --area, --temperature, --temperature-from-name, --run,
/// --columns to `cmd`.
void add_spectrum_input_options(CLI::App* cmd, SpectrumInputOptions& o);

/// The geometry the options describe, if any. Throws InvalidArgument for half a geometry
/// (a diameter without a thickness) or bad units.
std::optional<PelletGeometry> geometry_from(const SpectrumInputOptions& o);

/// The read options the sample and input options describe (geometry, temperature, layout).
io::ReadOptions read_options_from(const SpectrumInputOptions& o);

/// Reads all spectra of all files (files holding several spectra give several).
std::vector<Spectrum> load_spectra(const std::vector<std::string>& files,
                                   const SpectrumInputOptions& o, bool quiet);

/// The geometry to use for `s`: the file's (or the options', already merged by the reader).
/// Throws InvalidArgument naming the file when there is none.
const PelletGeometry& require_geometry(const Spectrum& s);

}  // namespace solyte::cli
