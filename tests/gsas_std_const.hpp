// TEST-ONLY reader of the GSAS "STD" powder-data layout with a CONST bank, for the real-file
// test of the LaB6 scan while the project's diffraction readers (io/read_measurements) do not
// yet read .gsas files. To be replaced by the reader once it reads this format.
//
// Layout (GSAS manual, A. C. Larson & R. B. Von Dreele, LANSCE LAUR 86-748, "Powder data"):
// line 1 a title; then "BANK ibank nchan nrec CONST start step 0 0 STD" with start and step in
// centidegrees; then nrec records of ten counts in fields of 8 characters (fewer in the last).
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace solyte::test {

struct GsasConstScan {
  std::vector<double> two_theta_deg, counts;
};

inline GsasConstScan read_gsas_std_const(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::string line;
  std::getline(in, line);  // title
  std::getline(in, line);
  std::istringstream head(line);
  std::string bank, kind, type;
  int ibank = 0, nchan = 0, nrec = 0;
  double start = 0, step = 0, dummy1 = 0, dummy2 = 0;
  head >> bank >> ibank >> nchan >> nrec >> kind >> start >> step >> dummy1 >> dummy2 >> type;
  if (bank != "BANK" || kind != "CONST" || type != "STD" || nchan <= 0)
    throw std::runtime_error(path + ": not a GSAS STD CONST bank: " + line);
  GsasConstScan s;
  for (int r = 0; r < nrec && std::getline(in, line); ++r) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    for (std::size_t k = 0; k < line.size(); k += 8) {
      const std::string field = line.substr(k, 8);
      if (field.find_first_not_of(' ') == std::string::npos) continue;
      s.counts.push_back(std::stod(field));
    }
  }
  if (static_cast<int>(s.counts.size()) != nchan)
    throw std::runtime_error(path + ": expected " + std::to_string(nchan) + " counts, read " +
                             std::to_string(s.counts.size()));
  for (int i = 0; i < nchan; ++i) s.two_theta_deg.push_back((start + i * step) / 100);
  return s;
}

}  // namespace solyte::test
