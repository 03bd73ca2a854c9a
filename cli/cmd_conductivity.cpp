// solyte conductivity — σ_DC of each spectrum from the σ' plateau (METHODS.md §2).
#include <iostream>

#include "commands.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "solyte/eis/dc_conductivity.hpp"
#include "solyte/units.hpp"
#include "spectrum_input.hpp"

namespace solyte::cli {

namespace {

struct ConductivityOptions {
  std::vector<std::string> files;
  SpectrumInputOptions input;
  GlobalOptions out;
  eis::PlateauOptions plateau;
};

const std::vector<std::string> kHeaders = {
    "file",           "index",          "T_K",      "T_C",     "run",
    "sigma_dc_S_per_cm", "sigma_err_S_per_cm", "plateau_low_Hz", "plateau_high_Hz", "width_dec", "spread",
    "quality",        "sigma_arc_S_per_cm", "R_arc_ohm", "note"};

void run(const ConductivityOptions& o) {
  const Format format = parse_format(o.out.format);
  const auto spectra = load_spectra(o.files, o.input, o.out.quiet);
  Table t;
  t.title = "DC conductivity from the sigma' plateau";
  t.headers = kHeaders;
  t.digits = 5;
  nlohmann::json doc;
  doc["method"] = {{"slope_tolerance", o.plateau.slope_tolerance},
                   {"flat_tolerance", o.plateau.flat_tolerance},
                   {"slope_half_window", o.plateau.slope_half_window},
                   {"min_points", o.plateau.min_points},
                   {"min_width_decades", o.plateau.min_width_decades},
                   {"choice", o.plateau.prefer_lowest ? "lowest" : "widest"}};
  std::string notes;
  std::size_t without_plateau = 0;
  Progress progress("conductivity", spectra.size(), o.out.quiet);
  for (std::size_t i = 0; i < spectra.size(); ++i) {
    const Spectrum& s = spectra[i];
    const auto r = eis::dc_conductivity(s, require_geometry(s), o.plateau);
    const auto& T = s.meta.temperature_k;
    std::string note = r.message;
    for (const auto& w : s.meta.warnings) note += "; " + w;
    if (!T) notes += "note: " + s.label() + ": no temperature (use --temperature or "
                     "--temperature-from-name)\n";
    if (!r.sigma_s_per_m) ++without_plateau;
    auto scale = [](const std::optional<double>& v) -> Cell {
      return v ? Cell{*v * 0.01} : Cell{};
    };
    const bool has = r.quality != eis::PlateauQuality::none;
    t.add_row({s.meta.source_file, static_cast<long long>(s.meta.index_in_file), opt_cell(T),
               T ? Cell{kelvin_to_celsius(*T)} : Cell{}, std::string(to_string(s.meta.run)),
               scale(r.sigma_s_per_m),
               r.sigma_s_per_m ? Cell{r.sigma_err_s_per_m * 0.01} : Cell{},
               has ? Cell{r.band.f_low_hz} : Cell{},
               has ? Cell{r.band.f_high_hz} : Cell{}, has ? Cell{r.band.width_decades} : Cell{},
               has ? Cell{r.spread} : Cell{}, std::string(to_string(r.quality)),
               scale(r.arc_sigma_s_per_m), opt_cell(r.arc_resistance_ohm), note});
    progress.step(i + 1);
  }
  doc["results"] = to_json(t);
  std::string footer;
  if (without_plateau)
    footer = std::to_string(without_plateau) + " of " + std::to_string(spectra.size()) +
             " spectra show no plateau; no value is given for them.\n";
  if (!o.out.quiet && !notes.empty()) std::cerr << notes;
  write_output(o.out.output, render(format, {t}, doc, footer));
}

}  // namespace

void register_conductivity(CLI::App& app) {
  auto o = std::make_shared<ConductivityOptions>();
  auto* cmd = app.add_subcommand(
      "conductivity", "DC conductivity of each spectrum from the plateau of sigma'(f)");
  add_spectrum_files(cmd, o->files);
  add_spectrum_input_options(cmd, o->input);
  cmd->add_option("--slope-tolerance", o->plateau.slope_tolerance,
                  "Largest |dlog sigma'/dlog f| inside a plateau")
      ->capture_default_str()
      ->check(CLI::PositiveNumber)
      ->group("Method");
  cmd->add_option("--flat-tolerance", o->plateau.flat_tolerance,
                  "Largest slope at the flattest point for quality 'good' (else 'sloped')")
      ->capture_default_str()
      ->check(CLI::PositiveNumber)
      ->group("Method");
  cmd->add_option("--slope-window", o->plateau.slope_half_window,
                  "Neighbours on each side in the local slope fit")
      ->capture_default_str()
      ->check(CLI::Range(1, 10))
      ->group("Method");
  cmd->add_option("--min-points", o->plateau.min_points, "Fewest points in a plateau")
      ->capture_default_str()
      ->check(CLI::Range(2, 1000))
      ->group("Method");
  cmd->add_option("--min-width", o->plateau.min_width_decades,
                  "Plateaus narrower than this (decades) are flagged 'narrow'")
      ->capture_default_str()
      ->group("Method");
  cmd->add_flag("--lowest", o->plateau.prefer_lowest,
                "Take the lowest-frequency plateau (total conductivity) instead of the widest")
      ->group("Method");
  add_output_options(cmd, o->out);
  cmd->footer(
      "Output columns: file, index (spectrum in file), T_K, T_C, run, sigma_dc_S_per_cm, "
      "sigma_err_S_per_cm (standard error over the quarter decade around the flattest point), "
      "plateau_low_Hz, plateau_high_Hz, width_dec, spread ((max-min)/sigma_dc in the band), "
      "quality (good | narrow | sloped | none), sigma_arc_S_per_cm and R_arc_ohm (cross-check from the "
      "Nyquist arc's low-frequency intercept), note.\n"
      "Examples:\n"
      "  solyte conductivity s04147-*.txt --diameter 8mm --thickness 2.1mm "
      "--temperature-from-name\n"
      "  solyte conductivity run/*.csv --area 0.785cm2 --thickness 2mm --temperature-from-name "
      "-f csv -o sigma.csv\n"
      "  solyte conductivity Example2a.txt            # geometry from the Novocontrol header");
  cmd->callback([o] { run(*o); });
}

}  // namespace solyte::cli
