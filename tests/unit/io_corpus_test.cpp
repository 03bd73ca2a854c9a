// Every electrochemistry and impedance file of ../shared/data is read through the front
// door. The folders are walked, so a file added to the corpus fails here until it is read
// or listed below with the reason it is not a measurement or not read yet
// (docs/formats.md "Not read (yet)").
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "test_support.hpp"

namespace {

// File names (or suffixes) that are not measurements, or formats not read yet.
const std::map<std::string, std::string>& not_read() {
  static const std::map<std::string, std::string> m = {
      {"README.md", "documentation"},
      {"SHA256SUMS.txt", "checksums"},
      {"Notes.txt", "notes of the bayes-drt data set"},
      {"export_eis3.py", "the script that made the csv/ exports"},
      {"spectra_long.csv", "reference table generated from test.eis3 (io_relaxis_test)"},
      {"file_information.csv", "reference table generated from test.eis3 (io_relaxis_test)"},
      {"fit_parameters.csv", "reference table generated from test.eis3 (io_relaxis_test)"},
      {"files.csv", "reference table generated from test.eis3 (io_relaxis_test)"},
      {".mps", "EC-Lab settings file (technique parameters, no data)"},
      {".mpl", "EC-Lab log file (no data)"},
      {"_LOOP.txt", "EC-Lab loop index export (no data)"},
  };
  return m;
}

bool excluded(const std::string& name, std::string& why) {
  if (name.rfind("LICENSE", 0) == 0) {
    why = "licence text";
    return true;
  }
  for (const auto& [suffix, reason] : not_read())
    if (name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      why = reason;
      return true;
    }
  return false;
}

}  // namespace

TEST(IoCorpus, EveryElectrochemistryFileIsRead) {
  const auto root = solyte::test::shared_data("");
  SOLYTE_REQUIRE_SHARED(root / "eis_vendor_formats");
  std::size_t read = 0, records = 0;
  for (const char* folder :
       {"eis_vendor_formats", "eis_software_fixtures", "eis_solid_T_series", "cv_lsv_gcpl"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / folder)) {
      if (!entry.is_regular_file()) continue;
      const std::string name = entry.path().filename().string();
      std::string why;
      if (excluded(name, why)) continue;
      SCOPED_TRACE(entry.path().string());
      try {
        const auto v = solyte::io::read_measurements(entry.path().string());
        ASSERT_FALSE(v.empty());
        for (const auto& m : v) {
          EXPECT_NE(m.meta.format, "");
          solyte::validate(m);
        }
        ++read;
        records += v.size();
      } catch (const std::exception& e) {
        ADD_FAILURE() << "not read: " << e.what();
      }
    }
  }
  // 95 files at the time of writing; the count guards against the walk finding nothing.
  EXPECT_GE(read, 90u);
  EXPECT_GT(records, read);
}
