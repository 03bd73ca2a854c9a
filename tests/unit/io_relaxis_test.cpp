// RelaxIS 3 projects: test.eis3 (LGPL-3.0, read from ../shared/data) against the CSV exports
// that eis_software_fixtures/librelaxisloader_test_eis3/export_eis3.py (Python's sqlite3,
// read-only) made from it: every point, every stored fit parameter.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "solyte/io/read_spectra.hpp"
#include "solyte/io/relaxis_project.hpp"
#include "test_support.hpp"

using solyte::io::read_relaxis_project;

namespace {

const char* kDir = "eis_software_fixtures/librelaxisloader_test_eis3";

std::vector<std::vector<std::string>> csv_rows(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // names
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) f.push_back(cell);
    rows.push_back(f);
  }
  return rows;
}

const solyte::io::RelaxisSpectrum& by_id(const solyte::io::RelaxisProject& p, long id) {
  for (const auto& e : p.spectra)
    if (e.file_id == id) return e;
  throw std::runtime_error("no file " + std::to_string(id));
}

}  // namespace

TEST(IoRelaxis, SpectraAgreeWithTheExport) {
  const auto path = solyte::test::shared_data(std::string(kDir) + "/test.eis3");
  SOLYTE_REQUIRE_SHARED(path);
  const auto before = std::filesystem::last_write_time(path);
  const auto p = read_relaxis_project(path.string());
  EXPECT_EQ(std::filesystem::last_write_time(path), before);  // opened read-only
  EXPECT_FALSE(std::filesystem::exists(path.string() + "-journal"));
  EXPECT_EQ(p.relaxis_version, "3.0.17.9");
  ASSERT_EQ(p.spectra.size(), 58u);  // 23 raw spectra + 35 fitted copies (README §4)

  std::map<long, std::size_t> seen;
  for (const auto& r : csv_rows(path.parent_path() / "csv/spectra_long.csv")) {
    ASSERT_EQ(r.size(), 6u);
    const long id = std::stol(r[0]);
    const auto& e = by_id(p, id);
    const std::size_t i = seen[id]++;
    ASSERT_LT(i, e.spectrum.size());
    EXPECT_EQ(e.name, r[1]);
    // The export printed each double with repr(): the same double back.
    EXPECT_EQ(e.spectrum.frequency_hz[i], std::stod(r[3]));
    EXPECT_EQ(e.spectrum.impedance_ohm[i].real(), std::stod(r[4]));
    EXPECT_EQ(e.spectrum.impedance_ohm[i].imag(), std::stod(r[5]));
    ASSERT_TRUE(e.spectrum.meta.temperature_k);
    EXPECT_NEAR(*e.spectrum.meta.temperature_k, std::stod(r[2]) + 273.15, 1e-9);
  }
  EXPECT_EQ(seen.size(), 23u);  // the long export holds the raw spectra
  for (const auto& [id, n] : seen) EXPECT_EQ(n, by_id(p, id).spectrum.size());

  const auto& first = by_id(p, 12);  // 5-1.EPS_01 at +60 °C
  EXPECT_EQ(first.group, "Unassigned Spectra");
  EXPECT_FALSE(first.fit);
  ASSERT_TRUE(first.spectrum.meta.geometry);
  EXPECT_NEAR(first.spectrum.meta.geometry->area_m2, 7.853981e-05, 1e-11);  // 10 mm pellet
  // csv/file_information.csv: Thickness 0.0020000000949949 (0.002 once held as a float32).
  EXPECT_NEAR(first.spectrum.meta.geometry->thickness_m, 0.0020000000949949, 1e-16);
}

TEST(IoRelaxis, StoredFitsAgreeWithTheExport) {
  const auto path = solyte::test::shared_data(std::string(kDir) + "/test.eis3");
  SOLYTE_REQUIRE_SHARED(path);
  const auto p = read_relaxis_project(path.string());
  std::size_t fits = 0;
  for (const auto& e : p.spectra) fits += e.fit ? 1 : 0;
  EXPECT_EQ(fits, 35u);
  std::size_t rows = 0;
  // file_id,group_model,spectrum_name,temperature_C,weighting,fit_f_low_Hz,fit_f_high_Hz,
  // pindex,name,fixed,value,error,lowerlimit,upperlimit,isglobal
  for (const auto& r : csv_rows(path.parent_path() / "csv/fit_parameters.csv")) {
    ASSERT_EQ(r.size(), 15u);
    const auto& e = by_id(p, std::stol(r[0]));
    ASSERT_TRUE(e.fit) << e.name;
    const auto& f = *e.fit;
    EXPECT_EQ(f.model, r[1]);
    EXPECT_EQ(e.name, r[2]);
    EXPECT_EQ(f.weighting, r[4]);
    ASSERT_TRUE(f.f_low_hz && f.f_high_hz);
    EXPECT_EQ(*f.f_low_hz, std::stod(r[5]));
    EXPECT_EQ(*f.f_high_hz, std::stod(r[6]));
    const auto index = static_cast<std::size_t>(std::stoi(r[7]));
    ASSERT_LT(index, f.parameters.size());
    const auto& q = f.parameters[index];
    EXPECT_EQ(q.index, static_cast<int>(index));
    EXPECT_EQ(q.name, r[8]);
    EXPECT_EQ(q.fixed, r[9] == "1");
    EXPECT_EQ(q.value, std::stod(r[10]));
    ASSERT_TRUE(q.error);
    EXPECT_EQ(*q.error, std::stod(r[11]));
    ASSERT_TRUE(q.lower_limit && q.upper_limit);
    EXPECT_EQ(*q.lower_limit, std::stod(r[12]));
    EXPECT_EQ(*q.upper_limit, std::stod(r[13]));
    EXPECT_EQ(q.global, r[14] == "1");
    ++rows;
  }
  EXPECT_EQ(rows, 221u);
  // Spot check from the export: file 1, "Copy of 5-1.EPS_11" at −30 °C.
  const auto& one = by_id(p, 1);
  ASSERT_NE(one.fit->find("Resistance 1"), nullptr);
  EXPECT_DOUBLE_EQ(one.fit->find("Resistance 1")->value, 207.08130666112896);
  EXPECT_EQ(one.fit->find("no such"), nullptr);
}

TEST(IoRelaxis, FrontDoorAndDamage) {
  const auto path = solyte::test::shared_data(std::string(kDir) + "/test.eis3");
  SOLYTE_REQUIRE_SHARED(path);
  const auto spectra = solyte::io::read_spectra(path.string());
  ASSERT_EQ(spectra.size(), 58u);
  EXPECT_EQ(spectra[0].meta.format, "relaxis-eis3");
  EXPECT_TRUE(spectra[11].meta.geometry);
  EXPECT_EQ(solyte::io::detect_measurement_format(std::string("SQLite format 3\0", 16)),
            "relaxis-eis3");
  std::ifstream in(path, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  for (std::size_t cut : {std::size_t{100}, std::size_t{4096}, bytes.size() / 2}) {
    try {
      solyte::io::read_measurements_from_bytes(bytes.substr(0, cut), "cut.eis3");
      ADD_FAILURE() << "no ParseError at " << cut;
    } catch (const solyte::ParseError& e) {
      EXPECT_EQ(e.file(), "cut.eis3");
    }
  }
  EXPECT_THROW(read_relaxis_project("/nonexistent/x.eis3"), std::system_error);
}
