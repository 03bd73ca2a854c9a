// The virtual lab: examples/ncb-milling is exactly what `solyte simulate study` writes (so the
// committed example can always be regenerated), and analysing it reproduces every published
// value of its manifest within the stated tolerance (the acceptance of `make demo`).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <random>
#include <sstream>

#include "solyte/error.hpp"
#include "solyte/io/file_bytes.hpp"
#include "solyte/study/study.hpp"
#include "solyte/study/virtual_lab.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kExample = fs::path(SOLYTE_EXAMPLES_DIR) / "ncb-milling";

fs::path fresh_dir() {
  std::random_device rd;
  const fs::path d = fs::temp_directory_path() / ("solyte-vlab-" + std::to_string(rd()));
  fs::create_directories(d);
  return d;
}

// Numbers compared to 1e-9 relative (optimisation levels may change the last digits of a
// sum); every other character exactly.
void expect_same_text(const std::string& a, const std::string& b, const std::string& name) {
  std::istringstream sa(a), sb(b);
  std::string la, lb;
  std::size_t line = 0;
  while (true) {
    const bool ga = static_cast<bool>(std::getline(sa, la)), gb = static_cast<bool>(std::getline(sb, lb));
    ++line;
    if (!ga || !gb) {
      EXPECT_EQ(ga, gb) << name << ": different number of lines";
      return;
    }
    if (la == lb) continue;
    if (la.rfind("#", 0) == 0 && la.find("solyte ") != std::string::npos) continue;  // version
    std::istringstream ta(la), tb(lb);
    std::string xa, xb;
    bool same = true;
    while (std::getline(ta, xa, ',') && std::getline(tb, xb, ',')) {
      if (xa == xb) continue;
      try {
        const double va = std::stod(xa), vb = std::stod(xb);
        same = same && std::abs(va - vb) <= 1e-9 * std::max(std::abs(va), std::abs(vb));
      } catch (...) {
        same = false;
      }
    }
    if (!same) {
      ADD_FAILURE() << name << ":" << line << " differs:\n  committed: " << la << "\n  written:   " << lb
                    << "\n(regenerate with: solyte simulate study -o examples/ncb-milling)";
      return;
    }
  }
}

TEST(StudyVirtualLab, TheCommittedExampleIsWhatTheLabWrites) {
  const fs::path dir = fresh_dir();
  const auto lab = solyte::study::write_virtual_study(dir.string());
  ASSERT_GT(lab.files.size(), 100u);
  std::size_t committed = 0;
  for (const auto& e : fs::recursive_directory_iterator(kExample))
    if (e.is_regular_file()) ++committed;
  EXPECT_EQ(committed, lab.files.size()) << "files in examples/ncb-milling vs written";
  for (const auto& rel : lab.files) {
    const fs::path c = kExample / rel;
    ASSERT_TRUE(fs::exists(c)) << rel << " is written but not in examples/ncb-milling";
    expect_same_text(solyte::io::read_file_bytes(c.string()),
                     solyte::io::read_file_bytes((dir / rel).string()), rel);
  }
  fs::remove_all(dir);
}

TEST(StudyVirtualLab, EveryFileSaysItIsSynthetic) {
  for (const auto& e : fs::recursive_directory_iterator(kExample)) {
    if (!e.is_regular_file()) continue;
    const std::string text = solyte::io::read_file_bytes(e.path().string());
    EXPECT_NE(text.substr(0, 400).find("SYNTHETIC"), std::string::npos) << e.path();
  }
}

TEST(StudyVirtualLab, AnalysingItReproducesThePaper) {
  const fs::path out = fresh_dir();
  const auto manifest = solyte::study::load_manifest((kExample / "study.toml").string());
  const auto s = solyte::study::run_study(manifest, {.output_dir = out.string(), .figures = false});
  ASSERT_GE(s.paper.size(), 27u);
  for (const auto& row : s.paper) {
    ASSERT_TRUE(row.run.has_value()) << row.quantity << ": " << row.note;
    EXPECT_TRUE(row.within) << row.quantity << ": paper " << row.paper << ", run " << *row.run
                            << " (tolerance " << row.tolerance << (row.relative ? " relative" : "") << ")";
  }
  fs::remove_all(out);
}

TEST(StudyVirtualLab, RefusesMeaninglessOptions) {
  EXPECT_THROW(solyte::study::write_virtual_study(fresh_dir().string(), {.milling_min = {15, 30}}),
               solyte::InvalidArgument);
  EXPECT_THROW(solyte::study::write_virtual_study(fresh_dir().string(), {.impedance_noise = -1}),
               solyte::InvalidArgument);
}

}  // namespace
