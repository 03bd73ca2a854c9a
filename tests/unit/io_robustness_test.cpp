// Damaged input never crashes the readers: real files truncated at many byte offsets, with
// bytes flipped, inserted or deleted, must each give valid spectra or a ParseError — no other
// exception, no NaN, no out-of-order frequencies. The readers of other techniques are tried
// the same way through read_measurements: valid records (finite values, strictly monotonic 2θ,
// non-negative esd, plausible wavelengths) or a ParseError. Run once under
// -fsanitize=address,undefined as well (docs/formats.md records the outcome).
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
void check_spectra_mutant(const std::string& bytes, const std::string& name,
                          const std::string& what, Tally& tally) {
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

// A record of any technique returned for a mutant must be as valid as one from a good file.
void check_records(const std::vector<solyte::Measurement>& records, const std::string& what) {
  for (const auto& m : records) {
    try {
      solyte::validate(m);
    } catch (const std::exception& e) {
      ADD_FAILURE() << what << ": invalid record returned: " << e.what();
    }
    if (const auto* x = m.find(solyte::Quantity::two_theta))
      for (std::size_t i = 1; i < x->values.size(); ++i)
        if (!(x->values[i] > x->values[i - 1])) {
          ADD_FAILURE() << what << ": 2θ not increasing at point " << i;
          break;
        }
    if (const auto* e = m.find(solyte::Quantity::intensity_sigma))
      for (double v : e->values)
        if (v < 0) {
          ADD_FAILURE() << what << ": negative esd";
          break;
        }
    if (m.meta.wavelength_angstrom &&
        !(*m.meta.wavelength_angstrom > 0.01 && *m.meta.wavelength_angstrom < 10))
      ADD_FAILURE() << what << ": wavelength " << *m.meta.wavelength_angstrom;
    if (m.meta.sample_mass_kg && !(*m.meta.sample_mass_kg > 0))
      ADD_FAILURE() << what << ": sample mass " << *m.meta.sample_mass_kg;
  }
}

using Reader = void (*)(const std::string&, const std::string&, const std::string&, Tally&);

void check_mutant_measurements(const std::string& bytes, const std::string& name,
                               const std::string& what, Tally& tally) {
  try {
    check_records(solyte::io::read_measurements_from_bytes(bytes, name), what);
    ++tally.read;
  } catch (const solyte::ParseError&) {
    ++tally.rejected;
  } catch (const std::exception& e) {
    ADD_FAILURE() << what << ": unexpected exception: " << e.what();
  }
}

void torture(const std::string& original, const std::string& name,
             Reader check_mutant = check_spectra_mutant) {
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

// A corpus file of ../shared/data through read_measurements; `max_bytes` keeps the first part
// of a large text file (at a line break) so that the thousands of mutants stay quick.
void torture_measurements(const std::string& rel, std::size_t max_bytes = 0) {
  const auto path = solyte::test::shared_data(rel);
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data absent: " << path;
  std::string bytes = file_bytes(path);
  if (max_bytes && bytes.size() > max_bytes) bytes.resize(bytes.rfind('\n', max_bytes) + 1);
  torture(bytes, path.filename().string(), check_mutant_measurements);
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

TEST(IoRobustness, BrukerRaw101) {
  torture_measurements("xrd/thesis_LTO_spinel/LTO_Spinell_Aldrich.raw");
}
TEST(IoRobustness, BrukerRaw4) { torture_measurements("xrd/xrdconversion_SbI3/SbI3.raw"); }
TEST(IoRobustness, BrukerBrml) { torture_measurements("xrd/xrdconversion_SbI3/SbI3.brml"); }
TEST(IoRobustness, StoeRaw) {
  torture_measurements("xrd/chemotion_DUT52Zr/LA_P-37cd_DUT-52Zr_act_EtOH.raw");
}
TEST(IoRobustness, PanalyticalXrdml) {
  torture_measurements("xrd/yadg_panalytical/210520step1_30min.xrdml");
}
TEST(IoRobustness, PanalyticalCsv) {
  torture_measurements("xrd/yadg_panalytical/210520step1_30min.csv", 20000);
}
TEST(IoRobustness, GsasStd) { torture_measurements("xrd/gsas2_LaB6_lab/NIST660CBI.gsas"); }
TEST(IoRobustness, GsasFxye) { torture_measurements("xrd/gsas2_NAC_cubic/11BM_NAC.fxye", 40000); }
TEST(IoRobustness, BrukerUxd) { torture_measurements("xrd/chemotion_PD-01-02/PD-01-02_2.UXD"); }
TEST(IoRobustness, XyPatternWithCountLine) {
  // Whole: its line 2 declares 3151 points, so any cut copy is (rightly) refused.
  torture_measurements("xrd/thesis_LTO_spinel/LTO_Spinell_Aldrich.xrd");
}
TEST(IoRobustness, XyePattern) { torture_measurements("xrd/xrdconversion_SbI3/SbI3.xye"); }
TEST(IoRobustness, NulPaddedDat) {
  torture_measurements("xrd/chemotion_PD-01-02/PD-01-02_1.dat", 20000);
}
TEST(IoRobustness, OpusDpt) {
  torture_measurements("raman_ir_dsc/chemotion_ir_bruker/SCH-176.0.dpt");
}
TEST(IoRobustness, RamanWire) {
  torture_measurements("raman_ir_dsc/chemotion_raman/PD-01-02_Average_1.txt");
}
TEST(IoRobustness, NetzschCsv) {
  torture_measurements("raman_ir_dsc/chemotion_dsc_netzsch/ExpDat_SB_175-5-4.csv");
}
