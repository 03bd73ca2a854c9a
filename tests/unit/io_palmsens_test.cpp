// PalmSens .pssession reader on pyimpspec's data.pssession (GPL-3.0, read from ../shared/data)
// and on sessions written here in the layout of PSTrace (UTF-16 LE with a byte-order mark, one
// more mark after the JSON). Reference values of the real file are its JSON numbers, printed by
//   python3 -c "import json; t=open('data.pssession','rb').read().decode('utf-16');
//     d=json.loads(t[:t.rfind('}')+1])['Measurements'][0]['DataSet']['Values'];
//     print([(a['Description'], a['DataValues'][0]['V'], a['DataValues'][-1]['V']) for a in d])"
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "io_test_support.hpp"
#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "solyte/io/read_spectra.hpp"
#include "test_support.hpp"

using solyte::Quantity;
using solyte::Technique;
using solyte::io::read_measurements;
using solyte::io::read_measurements_from_bytes;
using solyte::test::file_bytes;
using solyte::test::header_value;

namespace {

// UTF-8 (BMP only) → UTF-16 LE with a byte-order mark before and after, as PSTrace writes.
std::string pstrace_bytes(const std::string& utf8) {
  std::string out = "\xFF\xFE";
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    unsigned u = c;
    std::size_t n = 1;
    if (c >= 0xE0) {
      u = ((c & 0x0Fu) << 12) | ((utf8[i + 1] & 0x3Fu) << 6) | (utf8[i + 2] & 0x3Fu);
      n = 3;
    } else if (c >= 0xC0) {
      u = ((c & 0x1Fu) << 6) | (utf8[i + 1] & 0x3Fu);
      n = 2;
    }
    out += static_cast<char>(u & 0xFF);
    out += static_cast<char>(u >> 8);
    i += n;
  }
  return out + "\xFF\xFE";
}

std::string values_json(const std::vector<double>& v) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s{\"V\":%.17g}", i ? "," : "", v[i]);
    s += buf;
  }
  return s + "]";
}

std::string array_json(int type, const std::string& description, const std::string& unit,
                       const std::string& symbol, const std::vector<double>& v) {
  return "{\"Type\":\"PalmSens.Data.DataArray\",\"ArrayType\":" + std::to_string(type) +
         ",\"Description\":\"" + description + "\",\"Unit\":{\"Type\":\"PalmSens.Units." + unit +
         "\",\"S\":\"" + symbol + "\"},\"DataValues\":" + values_json(v) + "}";
}

// Two measurements: an impedance run of two sweeps of 3 frequencies, and a CV of two scans
// (lower-case keys, as older PSTrace versions write).
std::string session_json() {
  const std::vector<double> f = {1000, 100, 10, 1000, 100, 10};
  std::string eis =
      "{\"Title\":\"EIS run\",\"TimeStamp\":638283044195322907,"
      "\"DeviceSerial\":\"PS4X\",\"Method\":\"#PSTrace\\r\\nMETHOD_ID=eis\\r\\n"
      "E_BEGIN=0.000E+000\\r\\n\",\"DataSet\":{\"Type\":\"PalmSens.Data.DataSetEIS\","
      "\"Values\":[";
  eis += array_json(2, "Idc", "MicroAmpere", "A", {1, 2, 3, 4, 5, 6}) + ",";
  eis += array_json(0, "time", "Time", "s", {0, 1, 2, 3, 4, 5}) + ",";
  eis += array_json(5, "Frequency", "Hertz", "Hz", f) + ",";
  eis += array_json(7, "ZRe", "ZRe", "\u03A9", {100, 110, 150, 101, 111, 151}) + ",";
  eis += array_json(8, "ZIm", "ZIm", "\u03A9", {5, 20, 40, 6, 21, 41}) + ",";
  eis += array_json(6, "Phase", "Phase", "\u00B0", {2.8, 10.3, 14.9, 3.4, 10.7, 15.2}) + ",";
  eis += array_json(16383, "nPointsAC", "FixedUnit", "npoints", {0, 0, 0, 0, 0, 0}) + ",";
  eis += array_json(14, "Capacitance", "Farad", "F", {1e-9, 2e-9, 3e-9, 4e-9, 5e-9}) + "]}}";
  std::string cv =
      "{\"title\":\"CV\",\"method\":\"METHOD_ID=cv\\r\\n\",\"dataset\":{\"type\":"
      "\"PalmSens.Data.DataSetCommon\",\"values\":[";
  auto lower = [](std::string s) {
    for (const char* k : {"\"Type\"", "\"ArrayType\"", "\"Description\"", "\"Unit\"", "\"S\"",
                          "\"DataValues\"", "\"V\""})
      for (std::size_t at; (at = s.find(k)) != std::string::npos;)
        for (std::size_t i = at; i < at + std::string(k).size(); ++i)
          s[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
    return s;
  };
  cv += lower(array_json(0, "time", "Time", "s", {0, 0.1, 0.2, 0.3})) + ",";
  cv += lower(array_json(1, "scan1", "Volt", "V", {-0.5, 0, 0.5, 0})) + ",";
  cv += lower(array_json(2, "scan1", "MilliAmpere", "A", {-1, 0, 1, 0})) + ",";
  cv += lower(array_json(3, "scan1", "MicroCoulomb", "C", {0, 1, 2, 3, 4})) + ",";
  cv += lower(array_json(1, "scan2", "Volt", "V", {-0.5, 0, 0.5, 0})) + ",";
  cv += lower(array_json(2, "scan2", "MilliAmpere", "A", {-2, 0, 2, 0})) + ",";
  cv += lower(array_json(3, "scan2", "MicroCoulomb", "C", {0, 1, 2, 3, 4})) + "]}}";
  return "{\"Type\":\"PalmSens.DataFiles.SessionFile\",\"CoreVersion\":\"5.9\","
         "\"Measurements\":[" +
         eis + "," + cv + "]}";
}

// Byte offset in pstrace_bytes(utf8) of the character at utf8[pos]: the BOM, then 2 bytes per
// character (BMP only).
std::size_t utf16_offset(const std::string& utf8, std::size_t pos) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < pos; ++i)
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) ++chars;
  return 2 + 2 * chars;
}

solyte::ParseError parse_error(const std::string& bytes) {
  return solyte::test::parse_error_of(bytes, "d.pssession");
}

}  // namespace

TEST(IoPalmSens, SessionOfPyimpspec) {
  const auto path =
      solyte::test::shared_data("eis_vendor_formats/pyimpspec_same_spectrum/data.pssession");
  SOLYTE_REQUIRE_SHARED(path);
  EXPECT_EQ(solyte::io::detect_measurement_format(file_bytes(path)), "palmsens-pssession");
  const auto v = read_measurements(path.string());
  ASSERT_EQ(v.size(), 1u);
  const auto& m = v[0];
  EXPECT_EQ(m.meta.format, "palmsens-pssession");
  EXPECT_EQ(m.meta.technique, Technique::impedance);
  EXPECT_EQ(m.meta.technique_name, "eis");
  ASSERT_EQ(m.size(), 29u);
  EXPECT_EQ(m.require(Quantity::frequency).values.front(), 10000.0);
  EXPECT_EQ(m.require(Quantity::z_real).values.front(), 109.00918219439);
  EXPECT_EQ(m.require(Quantity::z_imag).values.front(), -26.5556798765152);  // ZIm is −Z''
  EXPECT_EQ(m.require(Quantity::z_phase).values.front(), -13.69112189232731);
  EXPECT_EQ(m.require(Quantity::frequency).values.back(), 1.0);
  EXPECT_EQ(m.require(Quantity::z_real).values.back(), 645.478700150494);
  EXPECT_EQ(m.require(Quantity::z_imag).values.back(), -90.618128307383);
  // The file's data set mixes the 29-point spectrum with 51-point arrays of another run.
  ASSERT_EQ(m.meta.warnings.size(), 1u);
  EXPECT_NE(m.meta.warnings[0].find("9 arrays of another length than the 29 frequencies"),
            std::string::npos)
      << m.meta.warnings[0];
  EXPECT_EQ(header_value(m, "Title"), "Test data");
  EXPECT_EQ(header_value(m, "DeviceSerial"), "PS4A22B003671");
  // 638283044195322907 ticks of 100 ns from 0001-01-01 (Python: datetime(1,1,1) +
  // timedelta(microseconds=t//10) → 2023-08-22 12:33:39.532290).
  EXPECT_EQ(header_value(m, "TimeStamp"), "2023-08-22 12:33:39");
  EXPECT_EQ(header_value(m, "MAX_FREQ"), "1.000E+005");
}

TEST(IoPalmSens, ImpedanceSweepsAndCyclicVoltammetry) {
  const std::string bytes = pstrace_bytes(session_json());
  EXPECT_EQ(solyte::io::detect_measurement_format(bytes), "palmsens-pssession");
  const auto v = read_measurements_from_bytes(bytes, "s.pssession");
  ASSERT_EQ(v.size(), 3u);  // two sweeps, one CV
  for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(v[k].meta.index_in_file, k);
  const auto& s2 = v[1];
  EXPECT_EQ(s2.meta.technique, Technique::impedance);
  ASSERT_EQ(s2.size(), 3u);
  EXPECT_EQ(s2.require(Quantity::frequency).values[0], 1000.0);
  EXPECT_EQ(s2.require(Quantity::z_real).values[2], 151.0);
  EXPECT_EQ(s2.require(Quantity::z_imag).values[2], -41.0);
  EXPECT_EQ(s2.require(Quantity::z_phase).values[1], -10.7);
  EXPECT_DOUBLE_EQ(s2.require(Quantity::current).values[0], 4e-6);  // µA → A
  EXPECT_EQ(s2.require(Quantity::time).values[1], 4.0);
  for (const auto& c : s2.columns) EXPECT_NE(c.name, "nPointsAC");  // diagnostics not read
  EXPECT_NE(s2.meta.warnings.at(0).find("F 'Capacitance'"), std::string::npos);
  EXPECT_EQ(header_value(s2, "E_BEGIN"), "0.000E+000");
  EXPECT_EQ(header_value(s2, "CoreVersion"), "5.9");

  const auto& cv = v[2];
  EXPECT_EQ(cv.meta.technique, Technique::cyclic_voltammetry);
  ASSERT_EQ(cv.size(), 8u);
  const auto& i = cv.require(Quantity::current).values;
  EXPECT_DOUBLE_EQ(i[2], 1e-3);  // mA → A
  EXPECT_DOUBLE_EQ(i[6], 2e-3);
  const auto& cycle = cv.require(Quantity::cycle).values;
  EXPECT_EQ(cycle[3], 1.0);
  EXPECT_EQ(cycle[4], 2.0);
  EXPECT_FALSE(cv.has(Quantity::charge));  // 5 values for 4 points
  EXPECT_FALSE(cv.has(Quantity::time));    // one time array for two scans
  ASSERT_EQ(cv.meta.warnings.size(), 1u);
  EXPECT_NE(cv.meta.warnings[0].find("charge 'scan1' (5 values for 4 points)"), std::string::npos)
      << cv.meta.warnings[0];

  // read_spectra takes the impedance records only.
  const auto spectra = solyte::io::read_spectra_from_bytes(bytes, "s.pssession");
  ASSERT_EQ(spectra.size(), 2u);
  EXPECT_EQ(spectra[0].impedance_ohm[1], std::complex<double>(110, -20));
}

TEST(IoPalmSens, TruncationNamesTheByteOffset) {
  const std::string bytes = pstrace_bytes(session_json());
  std::size_t checked = 0;
  for (std::size_t cut = 2; cut + 4 < bytes.size(); cut += 37) {
    const auto e = parse_error(bytes.substr(0, cut));
    const std::string what = e.what();
    if (cut < 200) continue;  // too short to be recognised: "no table of numbers found"
    EXPECT_NE(what.find("at byte " + std::to_string(cut - cut % 2) + ":"), std::string::npos)
        << what;
    EXPECT_NE(what.find("truncated?"), std::string::npos) << what;
    ++checked;
  }
  EXPECT_GT(checked, 50u);
}

TEST(IoPalmSens, MalformedEntriesNameTheirJsonPath) {
  std::string json = session_json();
  json.replace(json.find("{\"V\":110}"), 9, "{\"V\":\"x\"}");
  auto e = parse_error(pstrace_bytes(json));
  EXPECT_NE(std::string(e.what()).find("at Measurements[0].DataSet.Values[3].DataValues[1]: "
                                       "expected a finite number 'V' in array 'ZRe'"),
            std::string::npos)
      << e.what();
  e = parse_error(pstrace_bytes("{\"Type\":\"PalmSens.DataFiles.SessionFile\",\"x\":1}"));
  EXPECT_NE(std::string(e.what()).find("'Measurements'"), std::string::npos) << e.what();
  std::string no_z = session_json();
  no_z.replace(no_z.find("\"ArrayType\":7"), 13, "\"ArrayType\":77");
  no_z.replace(no_z.find("\"ArrayType\":6,"), 14, "\"ArrayType\":66,");
  e = parse_error(pstrace_bytes(no_z));
  EXPECT_NE(std::string(e.what()).find("Z' and Z'' arrays"), std::string::npos) << e.what();
  // A number no double holds: the parser reports it without a position; it is looked up (the
  // "Ω" of the ZRe unit before it is one UTF-16 unit for two UTF-8 bytes).
  std::string overflow = session_json();
  const std::size_t big = overflow.find("{\"V\":110}") + 5;
  overflow.replace(big, 3, "1e99999");
  e = parse_error(pstrace_bytes(overflow));
  EXPECT_NE(std::string(e.what()).find("at byte " + std::to_string(utf16_offset(overflow, big)) +
                                       ": expected a number within the range of a double, "
                                       "found '1e99999'"),
            std::string::npos)
      << e.what();
  // A JSON syntax error in the middle: the byte offset is that of the bad character.
  std::string broken = session_json();
  const std::size_t at = broken.find("\"Frequency\"");
  broken[at] = '?';
  e = parse_error(pstrace_bytes(broken));
  EXPECT_NE(std::string(e.what()).find("at byte " + std::to_string(utf16_offset(broken, at)) + ":"),
            std::string::npos)
      << e.what();
}
