// EC-Lab .mpt reader. Real files are checked against their own rows (first/last values read
// with awk, point counts per "cycle number" counted with awk/wc); synthetic files cover comma
// decimals, Latin-1, temperatures, sweep splitting and damage.
#include <gtest/gtest.h>

#include <complex>
#include <string>

#include "solyte/error.hpp"
#include "solyte/io/read_spectra.hpp"
#include "test_support.hpp"

using solyte::ParseError;
using solyte::Spectrum;
using solyte::io::read_spectra;
using solyte::io::read_spectra_from_bytes;
using solyte::test::shared_data;
using solyte::test::test_data;

namespace {

// A minimal EC-Lab export: banner, header count, technique, `settings` lines, column names.
std::string mpt(const std::string& settings, const std::string& columns, const std::string& rows,
                const std::string& technique = "Potentio Electrochemical Impedance Spectroscopy") {
  std::string head = "\n" + technique + "\n\n" + settings;
  std::size_t n = 2;
  for (char c : head)
    if (c == '\n') ++n;
  return "EC-Lab ASCII FILE\r\nNb header lines : " + std::to_string(n + 1) + "\r\n" + head +
         columns + "\n" + rows;
}

const std::string kColumns = "freq/Hz\tRe(Z)/Ohm\t-Im(Z)/Ohm\t|Z|/Ohm\tcycle number\t";

void expect_error(const std::string& text, std::size_t line, const std::string& needle) {
  try {
    read_spectra_from_bytes(text, "x.mpt");
    ADD_FAILURE() << "no ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.line(), line) << e.what();
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
  }
}

std::vector<Spectrum> read_checked(const std::filesystem::path& p) {
  auto v = read_spectra(p.string());
  for (const auto& s : v) solyte::validate(s, 3);
  return v;
}

}  // namespace

TEST(IoBiologicMpt, ImpedancePyExample) {
  // SP-150 PEIS, Latin-1 header (µ, ²), 61 header lines, 43 points, one cycle.
  const auto v = read_checked(test_data("io/biologic/exampleDataBioLogic.mpt"));
  ASSERT_EQ(v.size(), 1u);
  const Spectrum& s = v[0];
  EXPECT_EQ(s.size(), 43u);
  EXPECT_EQ(s.meta.format, "biologic-mpt");
  EXPECT_DOUBLE_EQ(s.frequency_hz.front(), 1.0003201E+003);
  EXPECT_EQ(s.impedance_ohm.front(), std::complex<double>(6.5470886E+001, -3.8998979E-001));
  EXPECT_DOUBLE_EQ(s.frequency_hz.back(), 1.6895540E-002);
  EXPECT_EQ(s.impedance_ohm.back(), std::complex<double>(1.1097003E+002, -2.3458567E+000));
  EXPECT_FALSE(s.meta.temperature_k);
  EXPECT_TRUE(s.meta.warnings.empty());  // no sign guessing for a format that states −Im(Z)
}

TEST(IoBiologicMpt, MissingFrequencyColumnIsAParseError) {
  try {
    read_spectra(test_data("io/biologic/exampleDataBioLogic_MissingFreq.mpt").string());
    ADD_FAILURE() << "no ParseError";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.line(), 61u);
    EXPECT_NE(std::string(e.what()).find("expected an impedance technique (PEIS/GEIS) file"),
              std::string::npos)
        << e.what();
  }
}

TEST(IoBiologicMpt, PyEisTwoCyclesCrlf) {
  const auto v = read_checked(test_data("io/biologic/ex1.mpt"));
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].size(), 59u);
  EXPECT_EQ(v[1].size(), 59u);
  EXPECT_EQ(v[1].meta.index_in_file, 1u);
  EXPECT_EQ(v[0].impedance_ohm.front(), std::complex<double>(4.2890558E+002, -3.7231183E+002));
  EXPECT_EQ(v[0].impedance_ohm.back(), std::complex<double>(6.1969063E+004, -2.3548105E+004));
  EXPECT_EQ(v[1].impedance_ohm.front(), std::complex<double>(4.1834854E+002, -3.8373511E+002));
  EXPECT_EQ(v[1].label(), v[1].meta.source_file + "#2");
}

TEST(IoBiologicMpt, CommaDecimalsLatin1AndTemperatureColumn) {
  const std::string text = mpt("Electrode surface area : 0,785 cm\xB2\n",
                               "freq/Hz\tRe(Z)/Ohm\t-Im(Z)/Ohm\tTemperature/\xB0"
                               "C\tcycle number\t",
                               "1,0E+03\t1,5E+01\t2,5E+00\t24,0\t1,0\n"
                               "1,0E+02\t2,5E+01\t5,0E+00\t25,0\t1,0\n"
                               "1,0E+01\t3,5E+01\t1,0E+00\t26,0\t1,0\n");
  const auto v = read_spectra_from_bytes(text, "x.mpt");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].impedance_ohm[0], std::complex<double>(15, -2.5));
  ASSERT_TRUE(v[0].meta.temperature_k);
  EXPECT_NEAR(*v[0].meta.temperature_k, 298.15, 1e-9);
  EXPECT_EQ(v[0].meta.temperature_source, solyte::TemperatureSource::file);
}

TEST(IoBiologicMpt, TemperatureInTheSettings) {
  const std::string text =
      mpt("T (\xC2\xB0"
          "C)              60.000              \n",
          kColumns, "1e3\t1\t1\t1.4\t1\n1e2\t2\t2\t2.8\t1\n1e1\t3\t3\t4.2\t1\n");
  const auto v = read_spectra_from_bytes(text, "x.mpt", {.temperature_k = 250.0});
  EXPECT_NEAR(*v[0].meta.temperature_k, 333.15, 1e-9);
  EXPECT_EQ(v[0].meta.temperature_source, solyte::TemperatureSource::file);
  EXPECT_EQ(v[0].meta.warnings.size(), 1u);  // the option's different value was not used
}

TEST(IoBiologicMpt, SweepsSplitAtCycleChangeAndFrequencyRestart) {
  const std::string rows =
      "1e3\t1\t1\t1\t1\n1e2\t2\t2\t2\t1\n1e1\t3\t3\t3\t1\n"   // cycle 1
      "1e3\t4\t1\t4\t2\n1e2\t5\t2\t5\t2\n1e1\t6\t3\t6\t2\n"   // cycle 2
      "1e3\t7\t1\t7\t2\n1e2\t8\t2\t8\t2\n1e1\t9\t3\t9\t2\n"   // cycle 2 again: f restarts
      "1e1\t1\t1\t1\t3\n1e2\t1\t1\t1\t3\n1e3\t1\t1\t1\t3\n";  // an increasing sweep
  const auto v = read_spectra_from_bytes(mpt("", kColumns, rows), "x.mpt");
  ASSERT_EQ(v.size(), 4u);
  for (std::size_t k = 0; k < v.size(); ++k) {
    EXPECT_EQ(v[k].size(), 3u);
    EXPECT_EQ(v[k].meta.index_in_file, k);
    solyte::validate(v[k], 3);
  }
  EXPECT_EQ(v[2].impedance_ohm[0].real(), 7.0);
  EXPECT_EQ(v[3].frequency_hz[0], 10.0);
}

TEST(IoBiologicMpt, OtherTechniquesAndDamage) {
  // A cyclic voltammetry export: no frequency column.
  expect_error(mpt("", "mode\tox/red\ttime/s\tEwe/V\t<I>/mA\tcycle number",
                   "2\t1\t0.1\t1.5\t0.01\t1\n", "Cyclic Voltammetry"),
               6, "this file holds 'Cyclic Voltammetry'");
  expect_error("EC-Lab ASCII FILE\nNb header lines : many\n", 2, "Nb header lines : N");
  expect_error("EC-Lab ASCII FILE\nNb header lines : 90\nfreq/Hz\n", 3, "ends at line 3");
  expect_error("EC-Lab ASCII FILE\n", 2, "Nb header lines");
  expect_error(
      "EC-Lab ASCII FILE\nNb header lines : 4\n\nsettings\n\n" + kColumns + "\n1e3\t1\t1\t1\t1\n",
      2, "but it is on line 6");
  const std::string good = "1e3\t1\t1\t1\t1\n1e2\t2\t2\t2\t1\n1e1\t3\t3\t3\t1\n";
  expect_error(mpt("", kColumns, good + "1e0\t4\t4"), 10, "truncated");
  expect_error(mpt("", kColumns, "1e3\t1\t1\t1\t1\n1e2\tx\t2\t2\t1\n"), 8,
               "expected a number for Re(Z)/Ohm (field 2), found 'x'");
  expect_error(mpt("", kColumns, good + "1e3\t1\t1\t1\t2\n1e2\t1\t1\t1\t2\n"), 11,
               "at least 3 data points");
  expect_error(mpt("", kColumns, "1e3\t1\t1\t1\t1\n1e3\t2\t2\t2\t1\n1e1\t3\t3\t3\t1\n"), 8,
               "again");
  expect_error(mpt("", kColumns, ""), 6, "at least 3 data points");
  expect_error(mpt("", kColumns, "0\t1\t1\t1\t1\n1e2\t2\t2\t2\t1\n1e1\t3\t3\t3\t1\n"), 7,
               "positive frequency");
  expect_error(mpt("", "freq/Hz\tRe(Z)/Ohm\tcycle number", good), 6, "'-Im(Z)/Ohm'");
  expect_error(mpt("", kColumns, "1e3\t1\n"), 7, "to reach the impedance columns");
}

TEST(IoBiologicMpt, SharedCorpus) {
  // GPL-3.0 files (pyimpspec, yadg): read from ../shared/data, never copied.
  const auto dir = shared_data("eis_vendor_formats");
  struct Case {
    const char* file;
    std::size_t spectra, points;
  };
  const Case cases[] = {
      {"pyimpspec_same_spectrum/data.mpt", 1, 29},
      {"pyimpspec_same_spectrum/case-multiple-spectra.mpt", 3, 29},  // f restarts, cycle 0
      {"yadg_eclab/peis.mpt", 1, 32},
      {"yadg_eclab/peis.issue_149.mpt", 4, 21},
      {"yadg_eclab/geis.issue_149.mpt", 4, 21},
      {"yadg_eclab/peis.issue_225.with_ece.mpt", 1, 32},  // header wider than the rows
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    SOLYTE_REQUIRE_SHARED(dir / c.file);
    const auto v = read_checked(dir / c.file);
    ASSERT_EQ(v.size(), c.spectra);
    for (const auto& s : v) EXPECT_EQ(s.size(), c.points);
  }
  // The three spectra of case-multiple-spectra.mpt repeat data.mpt's single spectrum.
  const auto one = read_checked(dir / "pyimpspec_same_spectrum/data.mpt");
  const auto three = read_checked(dir / "pyimpspec_same_spectrum/case-multiple-spectra.mpt");
  for (const auto& s : three) EXPECT_EQ(s.impedance_ohm, one[0].impedance_ohm);
  EXPECT_DOUBLE_EQ(one[0].frequency_hz.front(), 1.0e4);
  EXPECT_EQ(one[0].impedance_ohm.front(), std::complex<double>(1.0900918E+02, -2.6555680E+01));

  const auto cv = shared_data("cv_lsv_gcpl/yadg_eclab/cv.mpt");
  SOLYTE_REQUIRE_SHARED(cv);
  EXPECT_THROW(read_spectra(cv.string()), ParseError);
}
