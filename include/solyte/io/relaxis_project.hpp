// RelaxIS 3 projects (.eis3, an SQLite database): every spectrum with its temperature and
// geometry, and the equivalent-circuit fits RelaxIS stored with them, so that solyte's own
// fits can be compared with the program's.
//
//   const auto project = solyte::io::read_relaxis_project("series.eis3");
//   for (const auto& e : project.spectra) {
//     if (!e.fit) continue;
//     std::cout << e.name << " " << e.fit->model << "\n";        // "R-(R)(P)-P"
//     for (const auto& p : e.fit->parameters)                      // "Resistance 1" 207.08 ± 32.7
//       std::cout << "  " << p.name << " " << p.value << " ± " << p.error.value_or(0) << "\n";
//   }
//
// The database is opened read-only (sqlite3_open_v2 with SQLITE_OPEN_READONLY and the URI
// parameter immutable=1, so that not even a journal is looked for); the file is never
// changed. read_measurements / read_spectra read the same spectra through the front door.
//
// Units: frequencies Hz, impedance Ω (Z'' < 0 capacitive, as RelaxIS stores it), temperature
// K, area m², thickness m (RelaxIS stores SI values without units; a thickness of 0.002 and an
// area of 7.854e-5 are a 10 mm pellet 2 mm thick). Fit parameters are in RelaxIS' units
// (Ω for resistances, S·s^α for CPE Q, dimensionless α), as the program shows them.
//
// Failures: std::system_error when the file cannot be opened; ParseError naming the file
// when it is not an SQLite database or lacks the RelaxIS tables, or a value is damaged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/spectrum.hpp"

namespace solyte::io {

/// One fitted parameter, in the order RelaxIS numbers them (pindex).
struct RelaxisParameter {
  int index = 0;     ///< RelaxIS' pindex, 0-based
  std::string name;  ///< "Resistance 1", "CPE Q 1", "CPE Alpha 1"
  double value = 0.0;
  std::optional<double> error;        ///< standard error RelaxIS reports; nullopt when absent
  bool fixed = false;                 ///< held fixed during the fit
  std::optional<double> lower_limit;  ///< bounds of the fit; nullopt when not stored
  std::optional<double> upper_limit;
  bool global = false;  ///< shared between the spectra of a global fit
};

/// The fit RelaxIS stored with one spectrum.
struct RelaxisFit {
  std::string model;               ///< circuit in RelaxIS syntax: "-" series, adjacent "(…)(…)"
                                   ///< parallel, R resistor, P CPE, C capacitor …: "(R)(P)-P"
  std::string weighting;           ///< "Proportional Weighting", "No Weighting", …
  std::string transfer_function;   ///< what was fitted, e.g. "Impedance"
  std::optional<double> f_low_hz;  ///< fit window: lowest frequency used, Hz
  std::optional<double> f_high_hz;           ///< highest frequency used, Hz
  std::string date_fitted;                   ///< as RelaxIS wrote it
  std::vector<RelaxisParameter> parameters;  ///< by index

  /// The parameter called `name`, or nullptr.
  const RelaxisParameter* find(std::string_view name) const;
};

/// One spectrum of the project (a "file" in RelaxIS' terms).
struct RelaxisSpectrum {
  std::int64_t file_id = 0;  ///< RelaxIS' file ID
  std::string name;          ///< data source, e.g. "5-1.EPS_01" or "Copy of 5-1.EPS_11"
  std::string group;         ///< group in the project tree ("Unassigned Spectra", or the model)
  Spectrum spectrum;         ///< the points; meta carries temperature and geometry
  std::optional<RelaxisFit> fit;  ///< present when RelaxIS stored fit parameters
};

struct RelaxisProject {
  std::string name;                      ///< project name
  std::string relaxis_version;           ///< "3.0.17.9" (Properties table), empty when not stored
  std::vector<RelaxisSpectrum> spectra;  ///< by file ID
};

/// Reads the project at `path` (read-only).
RelaxisProject read_relaxis_project(const std::string& path);

/// Same, from the database bytes already in memory (deserialised read-only); `name` is used
/// in messages.
RelaxisProject read_relaxis_project_from_bytes(std::string_view bytes, const std::string& name);

}  // namespace solyte::io
