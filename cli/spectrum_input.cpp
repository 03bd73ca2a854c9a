#include "spectrum_input.hpp"

#include "progress.hpp"
#include "solyte/error.hpp"
#include "solyte/units.hpp"

namespace solyte::cli {

void add_spectrum_files(CLI::App* cmd, std::vector<std::string>& files) {
  cmd->add_option("files", files, "Spectrum files (any supported format)")
      ->required()
      ->check(CLI::ExistingFile);
}

void add_spectrum_input_options(CLI::App* cmd, SpectrumInputOptions& o) {
  cmd->add_option("--diameter,-d", o.diameter, "Pellet diameter with unit, e.g. 10mm")
      ->group("Sample");
  cmd->add_option("--thickness,-L", o.thickness, "Pellet thickness with unit, e.g. 0.5mm")
      ->group("Sample");
  cmd->add_option("--area", o.area, "Electrode area instead of a diameter, e.g. 0.785cm2")
      ->group("Sample");
  cmd->add_option("--temperature,-T", o.temperature,
                  "Temperature when the file carries none, e.g. 25C or 298.15K")
      ->group("Sample");
  cmd->add_flag("--temperature-from-name", o.temperature_from_name,
                "Else read it from the file name (140deg, +25C, -30C, 298K)")
      ->group("Sample");
  cmd->add_option("--run", o.run, "Label the spectra as a heating or cooling run")
      ->check(CLI::IsMember({"heating", "cooling"}))
      ->group("Sample");
  cmd->add_option("--columns", o.columns,
                  "Column layout of delimited files without a telling header: auto, re-im, "
                  "re-negim (f, Z', -Z''), mod-phase (f, |Z|, phase in degrees)")
      ->check(CLI::IsMember({"auto", "re-im", "re-negim", "mod-phase"}))
      ->group("Input");
}

std::optional<PelletGeometry> geometry_from(const SpectrumInputOptions& o) {
  const bool any = !o.diameter.empty() || !o.thickness.empty() || !o.area.empty();
  if (!any) return std::nullopt;
  if (o.thickness.empty())
    throw InvalidArgument("--thickness is needed with --diameter or --area");
  if (o.diameter.empty() == o.area.empty())
    throw InvalidArgument("give exactly one of --diameter and --area with --thickness");
  const double thickness = parse_length_m(o.thickness);
  if (!o.diameter.empty()) return PelletGeometry::from_diameter(parse_length_m(o.diameter), thickness);
  return PelletGeometry{parse_area_m2(o.area), thickness};
}

io::ReadOptions read_options_from(const SpectrumInputOptions& o) {
  io::ReadOptions read;
  read.geometry = geometry_from(o);
  if (!o.temperature.empty()) read.temperature_k = parse_temperature_k(o.temperature);
  read.temperature_from_name = o.temperature_from_name;
  if (o.columns == "re-im") read.columns = io::ColumnLayout::real_imag;
  if (o.columns == "re-negim") read.columns = io::ColumnLayout::real_neg_imag;
  if (o.columns == "mod-phase") read.columns = io::ColumnLayout::modulus_phase;
  return read;
}

std::vector<Spectrum> load_spectra(const std::vector<std::string>& files,
                                   const SpectrumInputOptions& o, bool quiet) {
  const io::ReadOptions read = read_options_from(o);
  const ThermalRun run = o.run == "heating"   ? ThermalRun::heating
                         : o.run == "cooling" ? ThermalRun::cooling
                                              : ThermalRun::unknown;
  std::vector<Spectrum> all;
  Progress progress("reading", files.size(), quiet);
  for (std::size_t i = 0; i < files.size(); ++i) {
    for (auto& s : io::read_spectra(files[i], read)) {
      if (run != ThermalRun::unknown) s.meta.run = run;
      all.push_back(std::move(s));
    }
    progress.step(i + 1);
  }
  return all;
}

const PelletGeometry& require_geometry(const Spectrum& s) {
  if (!s.meta.geometry || !s.meta.geometry->valid())
    throw InvalidArgument(s.label() +
                          ": no pellet geometry in the file; give --diameter (or --area) and "
                          "--thickness");
  return *s.meta.geometry;
}

}  // namespace solyte::cli
