// Damaged input never crashes the readers: real files truncated at many byte offsets, with
// bytes flipped, inserted or deleted, must each give valid spectra or a ParseError — no other
// exception, no NaN, no out-of-order frequencies. Run once under -fsanitize=address,undefined
// as well (docs/formats.md records the outcome).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "solyte/io/read_spectra.hpp"
#include "test_support.hpp"

namespace {

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Tally {
  std::size_t read = 0, rejected = 0;
};

// Reads one mutant; fails the test on anything but valid spectra or a ParseError.
void check_mutant(const std::string& bytes, const std::string& name, const std::string& what,
                  Tally& tally) {
  try {
    const auto spectra =
        solyte::io::read_spectra_from_bytes(bytes, name, {.temperature_from_name = true});
    if (spectra.empty()) ADD_FAILURE() << what << ": no spectra and no error";
    for (const auto& s : spectra) {
      try {
        solyte::validate(s, 3);
      } catch (const std::exception& e) {
        ADD_FAILURE() << what << ": invalid spectrum returned: " << e.what();
      }
      if (s.meta.temperature_k && !(*s.meta.temperature_k > 0))
        ADD_FAILURE() << what << ": temperature " << *s.meta.temperature_k;
      if (s.meta.geometry && !s.meta.geometry->valid())
        ADD_FAILURE() << what << ": invalid geometry";
    }
    ++tally.read;
  } catch (const solyte::ParseError&) {
    ++tally.rejected;
  } catch (const std::exception& e) {
    ADD_FAILURE() << what << ": unexpected exception: " << e.what();
  }
}

void torture(const std::string& original, const std::string& name) {
  ASSERT_FALSE(original.empty()) << name;
  Tally tally;
  // Truncation: ~300 offsets spread over the file, and every offset in the last 100 bytes.
  const std::size_t n = original.size();
  const std::size_t stride = std::max<std::size_t>(1, n / 300);
  for (std::size_t cut = 0; cut < n; cut += (n - cut <= 100 ? 1 : stride))
    check_mutant(original.substr(0, cut), name, "truncated at " + std::to_string(cut), tally);
  // Single-byte replacements at spread positions with bytes that matter to a parser.
  const char replacements[] = {'\0', '\xFF', '\xB5', ',', '\t', '\n', '-', 'e', '9', '.', ' ', '"'};
  for (std::size_t pos = 0; pos < n; pos += std::max<std::size_t>(1, n / 120))
    for (char r : replacements) {
      std::string m = original;
      m[pos] = r;
      check_mutant(m, name, "byte " + std::to_string(pos) + " set", tally);
    }
  // Random bursts: a few bytes changed, inserted or deleted (fixed seed: reproducible).
  std::mt19937 rng(12345);
  for (int trial = 0; trial < 400; ++trial) {
    std::string m = original;
    const int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits && !m.empty(); ++e) {
      const std::size_t pos = rng() % m.size();
      const char byte = static_cast<char>(rng() % 256);
      switch (rng() % 3) {
        case 0:
          m[pos] = byte;
          break;
        case 1:
          m.insert(m.begin() + static_cast<std::ptrdiff_t>(pos), byte);
          break;
        default:
          m.erase(pos, 1 + rng() % 16);
          break;
      }
    }
    check_mutant(m, name, "random trial " + std::to_string(trial), tally);
  }
  // Both outcomes must occur, or the mutations did not reach the parser.
  EXPECT_GT(tally.read, 0u) << name;
  EXPECT_GT(tally.rejected, 0u) << name;
}

void torture(const std::filesystem::path& path) {
  torture(file_bytes(path), path.filename().string());
}

}  // namespace

TEST(IoRobustness, BiologicMpt) {
  torture(solyte::test::test_data("io/biologic/exampleDataBioLogic.mpt"));
}

TEST(IoRobustness, NovocontrolAscii) {
  torture(solyte::test::test_data("io/novocontrol/Example2a.txt"));
}

TEST(IoRobustness, DelimitedCsv) {
  torture(solyte::test::test_data("io/delimited/exampleData.csv"));
}

TEST(IoRobustness, DelimitedGamryStyleLatin1) {
  torture(solyte::test::test_data("io/delimited/PDAC_COM3_02109_Contact10_2065C_500C.txt"));
}

TEST(IoRobustness, Utf16Csv) {
  std::string utf16 = "\xFF\xFE";
  for (char c : file_bytes(solyte::test::test_data("io/delimited/exampleData.csv"))) {
    utf16 += c;
    utf16 += '\0';
  }
  torture(utf16, "utf16_+25C.csv");
}

namespace {

// Same torture through the front door for the record readers: every mutant gives valid
// records (validate) or a ParseError, nothing else.
void check_records(const std::string& bytes, const std::string& name, const std::string& what,
                   Tally& tally) {
  try {
    const auto records = solyte::io::read_measurements_from_bytes(bytes, name);
    if (records.empty()) ADD_FAILURE() << what << ": no records and no error";
    for (const auto& m : records) {
      try {
        solyte::validate(m);
      } catch (const std::exception& e) {
        ADD_FAILURE() << what << ": invalid record returned: " << e.what();
      }
    }
    ++tally.read;
  } catch (const solyte::ParseError&) {
    ++tally.rejected;
  } catch (const std::exception& e) {
    ADD_FAILURE() << what << ": unexpected exception: " << e.what();
  }
}

void torture_records(const std::filesystem::path& path) {
  const std::string original = file_bytes(path);
  const std::string name = path.filename().string();
  ASSERT_FALSE(original.empty()) << name;
  Tally tally;
  const std::size_t n = original.size();
  const std::size_t stride = std::max<std::size_t>(1, n / 150);
  for (std::size_t cut = 0; cut < n; cut += (n - cut <= 40 ? 1 : stride))
    check_records(original.substr(0, cut), name, "truncated at " + std::to_string(cut), tally);
  const char replacements[] = {'\0', '\xFF', '\x7F', ',', '\t', '\n', '-', '9', ' '};
  for (std::size_t pos = 0; pos < n; pos += std::max<std::size_t>(1, n / 80))
    for (char r : replacements) {
      std::string m = original;
      m[pos] = r;
      check_records(m, name, "byte " + std::to_string(pos) + " set", tally);
    }
  std::mt19937 rng(4242);
  for (int trial = 0; trial < 150; ++trial) {
    std::string m = original;
    for (int e = 0, edits = 1 + static_cast<int>(rng() % 6); e < edits && !m.empty(); ++e) {
      const std::size_t pos = rng() % m.size();
      if (rng() % 2)
        m[pos] = static_cast<char>(rng() % 256);
      else
        m.erase(pos, 1 + rng() % 8);
    }
    check_records(m, name, "random trial " + std::to_string(trial), tally);
  }
  EXPECT_GT(tally.read, 0u) << name;
  EXPECT_GT(tally.rejected, 0u) << name;
}

}  // namespace

TEST(IoRobustness, RecordFormatsOfTheSharedCorpus) {
  // GPL/AGPL/LGPL files: read from ../shared/data, skipped when absent.
  const char* files[] = {
      "eis_vendor_formats/yadg_eclab/peis.mpr",
      "cv_lsv_gcpl/yadg_eclab/gcpl.issue_149.mpr",
      "cv_lsv_gcpl/yadg_eclab/cp.mpt",
      "cv_lsv_gcpl/chemotion_gamry_cv/DHM-15-CV-Demo.DTA",
      "eis_vendor_formats/pyimpspec_same_spectrum/data.dta",
      "eis_vendor_formats/pyimpspec_same_spectrum/data.z",
      "eis_vendor_formats/pyimpspec_same_spectrum/data.dfr",
      "cv_lsv_gcpl/chemotion_metrohm_cv/Cu_TMG2cHexqu_2_PF6.txt",
      "eis_software_fixtures/librelaxisloader_test_eis3/test.eis3",
      "eis_vendor_formats/pyimpspec_same_spectrum/data.idf",
      "eis_vendor_formats/pyimpspec_same_spectrum/data.ids",
      "eis_vendor_formats/pyimpspec_same_spectrum/data.pssession",
  };
  for (const char* f : files) {
    SCOPED_TRACE(f);
    const auto path = solyte::test::shared_data(f);
    SOLYTE_REQUIRE_SHARED(path);
    torture_records(path);
  }
}

TEST(IoRobustness, RecordFormatsOfTheTestData) {
  // MIT files copied into tests/data.
  for (const char* f :
       {"io/gamry/exampleDataGamryABORT.DTA", "io/zplot/exampleDataZPlot.z",
        "io/parstat/exampleDataParstat.txt", "io/versastudio/exampleDataVersaStudio.par",
        "io/zahner/rc-data.ism", "io/zahner/li-ion-battery.ism"}) {
    SCOPED_TRACE(f);
    torture_records(solyte::test::test_data(f));
  }
}
