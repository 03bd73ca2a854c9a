#include "solyte/io/write_csv.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace solyte::io {

namespace {

void comment_block(std::string& out, const std::vector<std::string>& comments) {
  for (const auto& c : comments) out += "# " + c + "\n";
}

void number(std::string& out, double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.12g", v);
  out += buf;
}

}  // namespace

std::string spectrum_csv(const Spectrum& s, const std::vector<std::string>& comments) {
  std::string out;
  out.reserve(64 * s.size() + 256);
  comment_block(out, comments);
  out += "freq_Hz,Zre_ohm,Zim_ohm\n";
  for (std::size_t k = 0; k < s.size(); ++k) {
    number(out, s.frequency_hz[k]);
    out += ',';
    number(out, s.impedance_ohm[k].real());
    out += ',';
    number(out, s.impedance_ohm[k].imag());
    out += '\n';
  }
  return out;
}

std::string measurement_csv(const Measurement& m, const std::vector<std::string>& comments) {
  std::string out;
  comment_block(out, comments);
  for (std::size_t c = 0; c < m.columns.size(); ++c) {
    const auto& col = m.columns[c];
    out += (c ? "," : "") + col.name + (col.unit.empty() ? "" : "/" + col.unit);
  }
  out += '\n';
  for (std::size_t r = 0; r < m.size(); ++r) {
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
      if (c) out += ',';
      number(out, m.columns[c].values[r]);
    }
    out += '\n';
  }
  return out;
}

void write_file_atomically(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  const fs::path p(path);
  if (p.has_parent_path()) fs::create_directories(p.parent_path());
  const fs::path tmp = p.string() + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream f(tmp, std::ios::binary);
    f << content;
    f.flush();
    if (!f) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw std::system_error(errno, std::generic_category(), "cannot write " + path);
    }
  }
  fs::rename(tmp, p);
}

}  // namespace solyte::io
