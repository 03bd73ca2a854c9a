// The virtual lab: a complete synthetic study written from documented physical parameters —
// samples milled 0 … 360 min, each with impedance temperature series, plus the manifest that
// analyses them and the published values to compare with. Every file says in its header that
// it is synthetic and from which parameters; PARAMETERS.md lists them all.
//
//   auto lab = solyte::study::write_virtual_study("examples/ncb-milling", {});
//   // then: solyte study examples/ncb-milling/study.toml -o out/ncb
//
// Model (docs/study.md § Virtual lab): three phases — orthorhombic NaCB11H12 (the pristine
// powder, order–disorder jump at 83 °C on heating, 20 K lower on cooling), bcc NaCB11H12
// (stabilised by milling; 671 meV below and 205 meV above 25 °C) and an amorphous,
// poorly conducting product of long milling. Milling converts the crystalline part to bcc,
// x(t) = x∞(1 − e^{−t/τx}), and amorphises, a(t) = a∞ t²/(t² + t½²); the sample conducts as the
// symmetric Bruggeman medium of the three (METHODS §6). Its bulk relaxes as a KWW function
// (β of the majority crystalline phase) with σ_DC = ε0/(M∞⟨τ⟩); a blocking-electrode CPE is in
// series; Gaussian noise relative to |Z|.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace solyte::study {

struct VirtualLabOptions {
  std::vector<double> milling_min = {0, 15, 30, 45, 60, 120, 240, 360};
  double impedance_noise = 0.003;   ///< relative to |Z|
  std::uint64_t seed = 1;
  /// Temperature step of the series of the samples other than pristine and 45 min (K).
  double coarse_step_k = 20;
};

struct VirtualLab {
  std::string manifest;              ///< path of study.toml
  std::vector<std::string> files;    ///< every file written, relative to the folder
};

/// Writes the study into `dir` (created; existing files of the same names are replaced
/// atomically). Throws InvalidArgument for meaningless options, std::system_error when a file
/// cannot be written.
VirtualLab write_virtual_study(const std::string& dir, const VirtualLabOptions& options = {});

}  // namespace solyte::study
