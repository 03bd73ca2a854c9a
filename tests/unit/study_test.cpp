// Whole studies: manifest parsing and its errors, a synthetic two-sample study run end to end
// (simulate with known parameters → run → recover them), the cache (only what depends on a
// changed file is recomputed), and an interrupted run leaving the previous results.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "solyte/error.hpp"
#include "solyte/io/file_bytes.hpp"
#include "solyte/sim/pellet_impedance.hpp"
#include "solyte/study/study.hpp"
#include "solyte/study/virtual_lab.hpp"

namespace {

namespace fs = std::filesystem;
using solyte::study::load_manifest;
using solyte::study::parse_manifest;
using solyte::study::run_study;

fs::path fresh_dir(const std::string& name) {
  std::random_device rd;
  const fs::path d = fs::temp_directory_path() / ("solyte-study-" + name + "-" + std::to_string(rd()));
  fs::create_directories(d);
  return d;
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream f(p, std::ios::binary);
  f << text;
}

// A temperature series written as the CSV files `solyte simulate series` makes.
void write_series(const fs::path& dir, const std::string& prefix, const solyte::sim::ConductivityLaw& law,
                  const std::vector<double>& temps_c, std::uint64_t seed) {
  solyte::sim::PelletCell cell;
  cell.electrode_q = 5e-5;
  std::vector<double> temps;
  for (double c : temps_c) temps.push_back(c + 273.15);
  const auto freqs = solyte::sim::log_frequencies(1e-2, 7e7, 10);
  const auto spectra = solyte::sim::simulate_temperature_series(cell, law, temps, freqs,
                                                                {.relative = 0.002, .seed = seed});
  for (std::size_t i = 0; i < spectra.size(); ++i) {
    std::string text = "# SYNTHETIC\n# temperature_K: " + std::to_string(temps[i]) + "\nfreq_Hz,Zre_ohm,Zim_ohm\n";
    char buf[128];
    for (std::size_t k = 0; k < spectra[i].size(); ++k) {
      std::snprintf(buf, sizeof buf, "%.12g,%.12g,%.12g\n", spectra[i].frequency_hz[k],
                    spectra[i].impedance_ohm[k].real(), spectra[i].impedance_ohm[k].imag());
      text += buf;
    }
    std::snprintf(buf, sizeof buf, "%s_%03zu.csv", prefix.c_str(), i);
    write(dir / prefix / buf, text);
  }
}

// The paper's two samples (METHODS §3–4): milled, two regimes 671/205 meV crossing at 25 °C
// with 4 mS/cm there; pristine 629 meV below 40 °C, 205 meV above, a 2.5-decade jump at 83 °C.
// ln σ0 of their low-temperature regimes then differ by 11.25 when pristine σ(25 °C) is
// 2.6675e-7 S/cm: closed form ln σ0 = ln(σT) + Ea/(k_B T) at 298.15 K.
solyte::sim::ConductivityLaw milled_law() {
  return {.sigma_ref_s_per_m = 0.4, .t_ref_k = 298.15, .ea_ev = {0.671, 0.205},
          .crossover_k = {298.15}};
}
solyte::sim::ConductivityLaw pristine_law() {
  return {.sigma_ref_s_per_m = 2.6675e-5, .t_ref_k = 298.15, .ea_ev = {0.629, 0.205},
          .crossover_k = {313.15}, .jumps = {{356.15, 2.5}}};
}

constexpr const char* kManifest = R"(
[study]
title = "Two samples"

[defaults.impedance]
max_segments = 3

[[sample]]
name = "milled"
milling_min = 45
diameter = "10mm"
thickness = "0.5mm"
  [[sample.impedance]]
  files = "milled/*.csv"
  run = "heating"

[[sample]]
name = "pristine"
milling_min = 0
diameter = "10mm"
thickness = "0.5mm"
  [[sample.impedance]]
  files = "pristine/*.csv"
  run = "heating"

[[packing]]
label = "bcc"
lattice = "bcc"
a = 7.882
z = 2
formula = "NaCB11H12"

[[entropy]]
label = "bcc"
sites = ["24h", "24g"]
multiplicities = [24, 24]
occupancies = [0.008, 0.075]
cations_per_cell = 2

[[ema]]
label = "92-8"
fractions = [0.92, 0.08]
sigma = ["4mS/cm", "4e-4mS/cm"]

[[comparison]]
kind = "migration-entropy"
label = "milled-vs-pristine"
a = "milled"
b = "pristine"

[[comparison]]
kind = "milling-series"

[[paper]]
quantity = "sigma(25 C), milled"
result = "milled/arrhenius/sigma_25C_mS_per_cm"
value = 4.0
tolerance = "2%"
unit = "mS/cm"

[[paper]]
quantity = "missing on purpose"
result = "milled/arrhenius/no_such_value"
value = 1
)";

class StudyRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fresh_dir("run");
    std::vector<double> t_milled, t_pristine;
    for (int c = -100; c <= 180; c += 20) t_milled.push_back(c);
    for (int c = -20; c <= 180; c += 10) t_pristine.push_back(c);
    write_series(dir_, "milled", milled_law(), t_milled, 1);
    write_series(dir_, "pristine", pristine_law(), t_pristine, 2);
    write(dir_ / "study.toml", kManifest);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static fs::path dir_;
};
fs::path StudyRun::dir_;

double scalar(const solyte::study::StudySummary&, const fs::path& out, const std::string& key) {
  const auto doc = nlohmann::json::parse(solyte::io::read_file_bytes((out / "results.json").string()));
  for (const auto& t : doc["tasks"]) {
    const std::string pre = t["prefix"].get<std::string>() + "/";
    if (key.compare(0, pre.size(), pre) == 0 && t.contains("scalars") &&
        t["scalars"].contains(key.substr(pre.size())))
      return t["scalars"][key.substr(pre.size())]["value"].get<double>();
  }
  ADD_FAILURE() << "no scalar " << key;
  return std::nan("");
}

TEST_F(StudyRun, RecoversTheParametersOfASyntheticStudy) {
  const auto m = load_manifest((dir_ / "study.toml").string());
  const fs::path out = dir_ / "out-params";
  const auto s = run_study(m, {.output_dir = out.string(), .threads = 2});
  EXPECT_EQ(s.analyses, 9u);  // 2 series, 2 Arrhenius, packing, entropy, ema, 2 comparisons
  EXPECT_EQ(s.recomputed, 9u);
  // Truth from the forward model (above); tolerances from the 0.2 % noise.
  EXPECT_NEAR(scalar(s, out, "milled/arrhenius/sigma_25C_mS_per_cm"), 4.0, 0.04);
  EXPECT_NEAR(scalar(s, out, "milled/arrhenius/ea_low_meV"), 671, 3);
  EXPECT_NEAR(scalar(s, out, "milled/arrhenius/ea_high_meV"), 205, 3);
  EXPECT_NEAR(scalar(s, out, "pristine/arrhenius/ea_low_meV"), 629, 5);
  // The jump lies between the measured 80 and 90 °C: its midpoint is 85 °C.
  EXPECT_NEAR(scalar(s, out, "pristine/arrhenius/transition_C"), 85, 5.1);
  EXPECT_NEAR(scalar(s, out, "pristine/arrhenius/transition_decades"), 2.5, 0.1);
  EXPECT_NEAR(scalar(s, out, "comparison/milled-vs-pristine/delta_ln_sigma0"), 11.25, 0.3);
  EXPECT_EQ(scalar(s, out, "comparison/milling-series/optimum_milling_min"), 45);
  // METHODS §4–6 reference values.
  EXPECT_NEAR(scalar(s, out, "entropy/bcc/s_per_cation_kB"), 3.7557, 5e-5);
  EXPECT_NEAR(scalar(s, out, "packing/bcc/free_volume_per_z_A3"), 78.31, 5e-3);
  EXPECT_NEAR(scalar(s, out, "ema/92-8/bruggeman-3d_mS_per_cm"), 3.5201, 5e-5);
  ASSERT_EQ(s.paper.size(), 2u);
  EXPECT_TRUE(s.paper[0].within);
  EXPECT_FALSE(s.paper[1].run.has_value());
  EXPECT_FALSE(s.paper[1].within);
  EXPECT_NE(s.paper[1].note.find("did not produce"), std::string::npos);
}

TEST_F(StudyRun, WritesTheDatabaseTablesAndReport) {
  const auto m = load_manifest((dir_ / "study.toml").string());
  const fs::path out = dir_ / "out-files";
  run_study(m, {.output_dir = out.string(), .threads = 1});
  for (const char* f : {"results.json", "results.sqlite", "report.html", "tables/conductivities.csv",
                        "tables/arrhenius_regimes.csv", "figures/arrhenius.svg", "figures/arrhenius.png"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2((out / "results.sqlite").c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  auto count = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK) << sql;
    long n = -1;
    if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
  };
  EXPECT_EQ(count("SELECT COUNT(*) FROM conductivities WHERE sample = 'milled'"), 15);
  EXPECT_EQ(count("SELECT COUNT(*) FROM conductivities WHERE sample = 'pristine'"), 21);
  EXPECT_EQ(count("SELECT COUNT(*) FROM samples"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM arrhenius_regimes WHERE sample = 'milled'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM transitions WHERE kind = 'jump' AND sample = 'pristine'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM paper_comparison"), 2);
  sqlite3_close(db);
  const std::string html = solyte::io::read_file_bytes((out / "report.html").string());
  std::size_t figures = 0;
  for (auto p = html.find("data-figure=\""); p != std::string::npos; p = html.find("data-figure=\"", p + 1))
    ++figures;
  // Arrhenius, the series over milling time, and per series σ'/Bode and the Nyquist grid.
  EXPECT_EQ(figures, 6u);
  EXPECT_NE(html.find("Paper vs this run"), std::string::npos);
}

TEST_F(StudyRun, RecomputesOnlyWhatAChangedFileFeeds) {
  const fs::path work = fresh_dir("cache");
  fs::copy(dir_, work, fs::copy_options::recursive);
  const auto m = load_manifest((work / "study.toml").string());
  const fs::path out = work / "out";
  run_study(m, {.output_dir = out.string(), .figures = false});
  auto again = run_study(m, {.output_dir = out.string(), .figures = false});
  EXPECT_EQ(again.recomputed, 0u);
  EXPECT_EQ(again.reused, 9u);
  // One pristine spectrum changes: its series, pristine's Arrhenius fit and the two
  // comparisons reading it are recomputed; the milled sample and the structure entries not.
  const fs::path f = work / "pristine" / "pristine_003.csv";
  std::string text = solyte::io::read_file_bytes(f.string());
  text += "1e-3,1e9,-1e9\n";   // one more point at 1 mHz
  write(f, text);
  const auto m2 = load_manifest((work / "study.toml").string());
  const auto s = run_study(m2, {.output_dir = out.string(), .figures = false});
  std::vector<std::string> expected = {"pristine/impedance#1", "pristine/arrhenius",
                                       "comparison/milled-vs-pristine", "comparison/milling-series"};
  EXPECT_EQ(s.recomputed_ids, expected);
  fs::remove_all(work);
}

TEST_F(StudyRun, AFailedRunLeavesThePreviousResults) {
  const fs::path work = fresh_dir("fail");
  fs::copy(dir_, work, fs::copy_options::recursive);
  const fs::path out = work / "out";
  run_study(load_manifest((work / "study.toml").string()), {.output_dir = out.string(), .figures = false});
  const std::string before = solyte::io::read_file_bytes((out / "results.json").string());
  write(work / "milled" / "milled_004.csv", "freq_Hz,Zre_ohm,Zim_ohm\n1e6,1,-1\n1e5,abc,-2\n1e4,3,-3\n");
  try {
    run_study(load_manifest((work / "study.toml").string()), {.output_dir = out.string(), .figures = false});
    FAIL() << "expected a ParseError";
  } catch (const solyte::ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("milled_004.csv:3:2"), std::string::npos) << e.what();
  }
  EXPECT_EQ(solyte::io::read_file_bytes((out / "results.json").string()), before);
  for (const auto& e : fs::directory_iterator(out))
    EXPECT_EQ(e.path().filename().string().rfind(".staging", 0), std::string::npos) << e.path();
  fs::remove_all(work);
}

TEST(StudyManifest, KeepsOptionsAsTheCommandLineWritesThem) {
  const auto dir = fresh_dir("manifest");
  write(dir / "a" / "x.csv", "1,2,3\n");
  const auto m = parse_manifest(R"(
[defaults.impedance]
slope_tolerance = 0.25
[[sample]]
name = "s1"
diameter = "10mm"
milling_min = 45
  [[sample.impedance]]
  files = ["a/*.csv"]
  run = "cooling"
  lines = [5.2, -11.4]
)", "m.toml", dir.string());
  ASSERT_EQ(m.samples.size(), 1u);
  const auto& s = m.samples[0];
  EXPECT_EQ(s.properties.get("diameter"), "10mm");
  EXPECT_EQ(*s.number("milling_min", "m.toml"), 45);
  ASSERT_EQ(s.measurements.size(), 1u);
  EXPECT_EQ(s.measurements[0].run, solyte::ThermalRun::cooling);
  EXPECT_EQ(s.measurements[0].files.size(), 1u);
  EXPECT_EQ(s.measurements[0].options.get("lines"), "5.2,-11.4");
  const auto merged = m.options_for(solyte::study::MeasurementKind::impedance, s.measurements[0].options);
  EXPECT_EQ(merged.get("slope_tolerance"), "0.25");
  fs::remove_all(dir);
}

void expect_error_at(const std::string& text, std::size_t line, const std::string& words,
                     const fs::path& dir) {
  try {
    parse_manifest(text, "m.toml", dir.string());
    ADD_FAILURE() << "expected a ParseError for:\n" << text;
  } catch (const solyte::ParseError& e) {
    EXPECT_EQ(e.line(), line) << e.what();
    EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("m.toml"), std::string::npos) << e.what();
  }
}

TEST(StudyManifest, ErrorsNameTheLine) {
  const auto dir = fresh_dir("errors");
  write(dir / "a.csv", "1,2,3\n");
  expect_error_at("[[sample]]\nname = \"x\"\n  [[sample.impedance]]\n  files = \"nothing*.csv\"\n", 4,
                  "no file matches", dir);
  expect_error_at("[[sample]]\nname = 'x'\n[[sample.cyclic]]\nfiles='a.csv'\n", 3,
                  "unknown measurement 'cyclic'", dir);
  expect_error_at("[[sample]]\nmilling_min = 4\n", 1, "expected 'name", dir);
  expect_error_at("[study]\ntitle = \"t\"\n[[sample]]\nname = \"x\"\nname2 = = 3\n", 5, "TOML", dir);
  expect_error_at("[[samples]]\nname = 'x'\n", 1, "unknown section 'samples'", dir);
  expect_error_at("[[sample]]\nname = 'x y'\n", 2, "sample name", dir);
  expect_error_at("[[paper]]\nquantity='q'\nresult='r'\nvalue=1\ntolerance='5'\n", 5, "percentage", dir);
  fs::remove_all(dir);
}

TEST(StudyManifest, AnUnknownAnalysisOptionNamesItsLine) {
  const auto dir = fresh_dir("option");
  write(dir / "a.csv", "1,2,3\n");
  const auto m = parse_manifest("[[sample]]\nname = 'x'\ndiameter='10mm'\nthickness='1mm'\n"
                                "[[sample.impedance]]\nfiles = 'a.csv'\nslope_tolerence = 0.2\n",
                                "m.toml", dir.string());
  try {
    run_study(m, {.output_dir = (dir / "out").string(), .figures = false});
    FAIL() << "expected a ParseError";
  } catch (const solyte::ParseError& e) {
    EXPECT_EQ(e.line(), 7u) << e.what();
    EXPECT_NE(std::string(e.what()).find("slope_tolerence"), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}

}  // namespace

namespace {

// The curve, pattern and spectrum entries on files of the virtual lab: a missing required
// option or two files in one entry name the manifest line.
TEST(StudyEntries, CurveAndPatternEntriesRefuseBadOptions) {
  const auto dir = fresh_dir("entries");
  solyte::study::write_virtual_study(dir.string(), {.milling_min = {0, 45}});
  auto run = [&](const std::string& entry) {
    const std::string text = "[[sample]]\nname = 'x'\n" + entry;
    const auto m = parse_manifest(text, "m.toml", dir.string());
    return run_study(m, {.output_dir = (dir / "out").string(), .figures = false});
  };
  auto expect_line = [&](const std::string& entry, std::size_t line, const std::string& words) {
    try {
      run(entry);
      ADD_FAILURE() << "expected a ParseError for " << entry;
    } catch (const solyte::ParseError& e) {
      EXPECT_EQ(e.line(), line) << e.what();
      EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
    }
  };
  expect_line("[[sample.ccd]]\nfiles = 'milled-45min/ccd/milled-45min_ccd.csv'\n", 3, "area");
  expect_line("[[sample.cv]]\nfiles = 'milled-45min/cv/*.csv'\nedge = 'steepest'\n", 5, "tangent");
  expect_line("[[sample.dsc]]\nfiles = ['pristine/dsc/pristine_dsc.csv', 'milled-45min/dsc/milled-45min_dsc.csv']\n",
              3, "one file");
  expect_line("[[sample.diffraction]]\nfiles = 'pristine/xrd/pristine_xrd.csv'\ncell = [10.066]\n", 5,
              "both cell and spacegroup");
  expect_line("[[sample.infrared]]\nfiles = 'pristine/ir/pristine_ir.csv'\nratio = '2400-2650'\n", 5, "A:B/C:D");
  // A good entry of each kind runs and names its results.
  const auto s = run("[[sample.cv]]\nfiles = 'milled-45min/cv/milled-45min_cv.csv'\narea = '0.785cm2'\n"
                     "[[sample.dsc]]\nfiles = 'pristine/dsc/pristine_dsc.csv'\nexo = 'down'\nmass = '5mg'\n");
  EXPECT_EQ(s.analyses, 2u);
  fs::remove_all(dir);
}

}  // namespace
