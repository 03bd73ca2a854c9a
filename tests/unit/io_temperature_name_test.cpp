// Temperatures in file names. Expected values: T[K] = T[°C] + 273.15 (definition of the
// Celsius scale); the RelaxIS names are checked against the temperatures stored in the
// RelaxIS project database itself (files.csv exported from test.eis3).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "io/temperature_from_name.hpp"
#include "solyte/io/read_spectra.hpp"
#include "test_support.hpp"

using solyte::io::temperature_from_name;

namespace {
double k(double celsius) { return celsius + 273.15; }
}  // namespace

TEST(IoTemperatureName, Spellings) {
  EXPECT_DOUBLE_EQ(*temperature_from_name("s04147-140deg.txt"), k(140));
  EXPECT_DOUBLE_EQ(*temperature_from_name("s04147-140degC.txt"), k(140));
  EXPECT_DOUBLE_EQ(*temperature_from_name("cell_+25C.csv"), k(25));
  EXPECT_DOUBLE_EQ(*temperature_from_name("-30C.txt"), k(-30));
  EXPECT_DOUBLE_EQ(*temperature_from_name("run 25\xC2\xB0"
                                          "C.txt"),
                   k(25));
  EXPECT_DOUBLE_EQ(*temperature_from_name("run_25 \xC2\xB0"
                                          "C.txt"),
                   k(25));
  EXPECT_DOUBLE_EQ(*temperature_from_name("run_298K.txt"), 298.0);
  EXPECT_DOUBLE_EQ(*temperature_from_name("run_298.15K.txt"), 298.15);
  EXPECT_DOUBLE_EQ(*temperature_from_name("pellet_37.5C.dat"), k(37.5));
  EXPECT_DOUBLE_EQ(*temperature_from_name("Example2c_s04147-120deg.txt"), k(120));
}

TEST(IoTemperatureName, MinusOnlyAfterSeparator) {
  EXPECT_DOUBLE_EQ(*temperature_from_name("s04147-140deg"), k(140));  // '-' after a digit
  EXPECT_DOUBLE_EQ(*temperature_from_name("spectrum_20_-10C.csv"), k(-10));
  EXPECT_DOUBLE_EQ(*temperature_from_name("cell--5C.csv"), k(-5));
  EXPECT_DOUBLE_EQ(*temperature_from_name("cell(-5C).csv"), k(-5));
}

TEST(IoTemperatureName, NotTemperatures) {
  EXPECT_FALSE(temperature_from_name("alloy_25Cu.txt"));  // unit followed by a letter
  EXPECT_FALSE(temperature_from_name("s25C.txt"));        // number glued to a letter
  EXPECT_FALSE(temperature_from_name("v2.25C"));          // part of a version word
  EXPECT_FALSE(temperature_from_name("data_25.csv"));     // no unit
  EXPECT_FALSE(temperature_from_name("R_10k.csv"));       // lower-case k is not kelvin
  EXPECT_FALSE(temperature_from_name("cold_-300C.csv"));  // below 0 K
  EXPECT_FALSE(temperature_from_name("x_0K.csv"));
  EXPECT_FALSE(temperature_from_name(""));
}

TEST(IoTemperatureName, DirectoryIsIgnoredAndLastValueWins) {
  EXPECT_FALSE(temperature_from_name("/data/25C/cell.csv"));
  EXPECT_FALSE(temperature_from_name("C:\\runs\\25C\\cell.csv"));
  EXPECT_DOUBLE_EQ(*temperature_from_name("/data/25C/cell_80C.csv"), k(80));
  EXPECT_DOUBLE_EQ(*temperature_from_name("PDAC_COM3_02109_Contact10_2065C_500C.txt"), k(500));
  const auto all = solyte::io::detail::temperatures_in_name("a_20C_30C_20C");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_DOUBLE_EQ(all[1], k(30));
}

TEST(IoTemperatureName, RelaxisExportNamesMatchTheProjectDatabase) {
  const auto dir =
      solyte::test::shared_data("eis_software_fixtures/librelaxisloader_test_eis3/csv");
  SOLYTE_REQUIRE_SHARED(dir / "files.csv");
  // files.csv: file_id first, temperature_C last.
  std::map<int, double> db_celsius;
  std::ifstream in(dir / "files.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const int id = std::stoi(line.substr(0, line.find(',')));
    db_celsius[id] = std::stod(line.substr(line.rfind(',') + 1));
  }
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("spectrum_", 0) != 0) continue;
    const int id = std::stoi(name.substr(9));
    ASSERT_TRUE(db_celsius.count(id)) << name;
    const auto t = temperature_from_name(name);
    ASSERT_TRUE(t) << name;
    EXPECT_NEAR(*t, k(db_celsius[id]), 1e-9) << name;

    // The CSVs themselves: three columns f, Z', Z'' without header, 58 points each.
    const auto spectra =
        solyte::io::read_spectra(entry.path().string(), {.temperature_from_name = true});
    ASSERT_EQ(spectra.size(), 1u);
    EXPECT_EQ(spectra[0].size(), 58u) << name;
    EXPECT_EQ(spectra[0].meta.temperature_source, solyte::TemperatureSource::file_name);
    EXPECT_NEAR(*spectra[0].meta.temperature_k, k(db_celsius[id]), 1e-9);
    EXPECT_TRUE(spectra[0].meta.warnings.empty()) << name;
    ++checked;
  }
  EXPECT_EQ(checked, 23);
}
