// Every file under ../shared/data/xrd and ../shared/data/raman_ir_dsc is read through the front
// door, so that a file added to the corpus and not read fails here. The few files that are not
// measurements, or not read, are listed with the reason and checked for what they give instead.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "pattern_support.hpp"
#include "solyte/io/gsas_instrument.hpp"

namespace {

using solyte::Quantity;
using solyte::Technique;

// File name → why it is not read as a measurement.
const std::map<std::string, std::string> kNotMeasurements = {
    {"SbI3.metadata", "a summary of SbI3.brml written by xrdconversion, no data"},
    {"11bm_gsas.prm", "GSAS instrument parameters, read by io::read_gsas_instrument"},
    {"SCH-179-3.ngb-odg", "NETZSCH Proteus binary, recognised and refused (docs/formats.md)"},
};

void check_record(const solyte::Measurement& m, bool diffraction_folder) {
  SCOPED_TRACE(m.label());
  EXPECT_GT(m.size(), 100u);
  EXPECT_NO_THROW(solyte::validate(m));
  if (diffraction_folder) {
    EXPECT_EQ(m.meta.technique, Technique::diffraction);
    const auto& x = solyte::test::values(m, Quantity::two_theta);
    ASSERT_EQ(x.size(), m.size());
    EXPECT_TRUE(std::is_sorted(x.begin(), x.end()));
    EXPECT_TRUE(std::adjacent_find(x.begin(), x.end()) == x.end()) << "repeated 2θ";
    EXPECT_GE(x.front(), 0.0);
    EXPECT_LE(x.back(), 180.0);
    EXPECT_TRUE(m.has(Quantity::intensity));
  } else if (m.meta.technique == Technique::dsc) {
    EXPECT_TRUE(m.has(Quantity::temperature));
    EXPECT_TRUE(m.has(Quantity::heat_flow) || m.has(Quantity::specific_heat_flow));
    EXPECT_TRUE(m.meta.sample_mass_kg.has_value());
  } else {
    EXPECT_TRUE(m.meta.technique == Technique::raman || m.meta.technique == Technique::infrared)
        << solyte::to_string(m.meta.technique);
    EXPECT_TRUE(m.has(Quantity::wavenumber));
    EXPECT_TRUE(m.has(Quantity::intensity));
  }
}

void read_folder(const std::string& folder, bool diffraction) {
  const auto root = solyte::test::shared_data(folder);
  SOLYTE_REQUIRE_SHARED(root);
  std::size_t read = 0, listed = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    const std::string path = entry.path().string();
    SCOPED_TRACE(path);
    if (const auto it = kNotMeasurements.find(name); it != kNotMeasurements.end()) {
      ++listed;
      if (name == "11bm_gsas.prm")
        EXPECT_EQ(solyte::io::read_gsas_instrument(path).size(), 1u);
      else
        EXPECT_THROW(solyte::io::read_measurements(path), solyte::ParseError) << it->second;
      continue;
    }
    std::vector<solyte::Measurement> records;
    try {
      records = solyte::io::read_measurements(path);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "not read: " << e.what();
      continue;
    }
    EXPECT_FALSE(records.empty());
    for (const auto& m : records) check_record(m, diffraction);
    ++read;
  }
  EXPECT_GT(read, 0u);
  std::cout << "[ corpus ] " << folder << ": " << read << " files read, " << listed
            << " listed as not measurements\n";
}

TEST(IoCorpusPatterns, EveryDiffractionFileIsRead) { read_folder("xrd", true); }

TEST(IoCorpusPatterns, EverySpectrumAndThermalFileIsRead) { read_folder("raman_ir_dsc", false); }

}  // namespace
