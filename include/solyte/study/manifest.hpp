// A study manifest: the samples of a study, their measurement files, the analyses to run on
// them with their options, the comparisons between samples and the published values to check
// the run against. Written in TOML (docs/study.md has the full schema).
//
//   [study]
//   title = "Ball-milled NaCB11H12"
//
//   [[sample]]
//   name = "milled-45min"
//   milling_min = 45
//   diameter = "10mm"
//   thickness = "0.5mm"
//
//     [[sample.impedance]]
//     files = "milled-45min/eis/heating/*.csv"
//     run = "heating"
//
//   auto m = solyte::study::parse_manifest(text, "study.toml", "/data/ncb");
//   for (const auto& s : m.samples) std::cout << s.name << "\n";
//
// Options are kept as the text the manifest gives (numbers as written, arrays joined with
// commas), so that every analysis reads them like the command line does ("10mm", "25C",
// "2450:2650/3000:3100"). Failures: ParseError naming the manifest, its line and column and
// what was expected (TOML syntax, unknown keys, missing names, globs that match no file).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/metadata.hpp"

namespace solyte::study {

/// One `key = value` of the manifest, with where it stands.
struct Option {
  std::string key;
  std::string value;      ///< as text: 0.2, "10mm" → 10mm, [5.2, -11.4] → 5.2,-11.4
  std::size_t line = 0;   ///< 1-based line in the manifest
};

/// The options of one analysis or entry, in manifest order.
struct Options {
  std::vector<Option> items;
  const Option* find(std::string_view key) const;
  bool has(std::string_view key) const { return find(key) != nullptr; }
  /// The value of `key`, or `fallback` when absent.
  std::string get(std::string_view key, std::string_view fallback = {}) const;
};

/// What a measurement entry of a sample is analysed with.
enum class MeasurementKind {
  impedance,    ///< a temperature series → σ_DC(T) → Arrhenius (METHODS §2–3)
  modulus,      ///< electric-modulus relaxation fit of chosen spectra (§7)
  diffraction,  ///< powder pattern (§9)
  infrared,     ///< IR bands (§10)
  raman,        ///< Raman bands (§10)
  nmr,          ///< NMR lines (§10)
  cv,           ///< slow-scan CV → edge potential (§11)
  ccd,          ///< symmetric-cell cycling → critical current density (§11)
  dsc,          ///< DSC events (§12)
};
std::string_view to_string(MeasurementKind k);
std::optional<MeasurementKind> measurement_kind_from_string(std::string_view name);

struct MeasurementSpec {
  MeasurementKind kind = MeasurementKind::impedance;
  std::vector<std::string> patterns;  ///< as written: paths or globs relative to base_dir
  std::vector<std::string> files;     ///< resolved absolute paths, sorted, no duplicates
  ThermalRun run = ThermalRun::unknown;
  Options options;                    ///< everything but files and run
  std::size_t line = 0;
};

struct SampleSpec {
  std::string name;                   ///< unique; letters, digits, '-', '_', '.'
  Options properties;                 ///< milling_min, diameter, thickness, mass, … as given
  std::vector<MeasurementSpec> measurements;
  std::size_t line = 0;

  /// A numeric property (e.g. milling_min); nullopt when absent. Throws ParseError when
  /// present but not a number.
  std::optional<double> number(std::string_view key, const std::string& manifest) const;
};

/// A study-level entry: a packing row, an entropy model, an EMA estimate, a comparison.
struct Entry {
  std::string kind;     ///< "packing", "entropy", "ema", "migration-entropy", "milling-series"
  Options options;
  std::size_t line = 0;
};

/// A published value to check the run against: `result` names a scalar the run produces
/// ("milled-45min/arrhenius/sigma_25C_mS_per_cm", see docs/study.md), `value` the paper's
/// number, `tolerance` absolute or relative ("5%").
struct PaperValue {
  std::string quantity;     ///< what a reader sees: "σ(25 °C), 45 min milled"
  std::string result;
  double value = 0;
  double tolerance = 0;
  bool relative = false;    ///< tolerance is a fraction of value
  std::string unit;
  std::string source;       ///< "paper, Fig. 2", "METHODS §5"
  std::size_t line = 0;
};

struct Manifest {
  std::string path;         ///< the manifest file as given
  std::string base_dir;     ///< folder the file patterns are relative to
  std::string title;
  std::string reference;    ///< citation of the study, when given
  /// Options for every measurement of a kind (`[defaults.impedance]`); a measurement's own
  /// options win.
  std::vector<std::pair<MeasurementKind, Options>> defaults;
  std::vector<SampleSpec> samples;
  std::vector<Entry> entries;
  std::vector<PaperValue> paper;

  const SampleSpec* sample(std::string_view name) const;
  /// Defaults of `kind` merged under `own` (own entries first).
  Options options_for(MeasurementKind kind, const Options& own) const;
};

/// Parses manifest text. `name` is used in messages; patterns are resolved against
/// `base_dir` (each must match at least one file).
Manifest parse_manifest(std::string_view text, const std::string& name,
                        const std::string& base_dir);

/// Reads and parses the manifest at `path` (patterns relative to its folder).
Manifest load_manifest(const std::string& path);

}  // namespace solyte::study
