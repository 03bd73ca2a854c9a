// Content fingerprints for the study cache: 128-bit hashes of bytes and of text, as hex.
// Not cryptographic; they tell whether an input changed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace solyte::study::detail {

class Fingerprint {
 public:
  Fingerprint& add(std::string_view bytes);
  /// Adds a length prefix first, so that ("ab","c") and ("a","bc") differ.
  Fingerprint& field(std::string_view text);
  std::string hex() const;

 private:
  // Two FNV-1a lanes with different offset bases (Fowler–Noll–Vo, 64-bit parameters).
  std::uint64_t a_ = 0xcbf29ce484222325ULL, b_ = 0x84222325cbf29ce4ULL;
};

/// Fingerprint of a file's content. Throws std::system_error when it cannot be read.
std::string file_fingerprint(const std::string& path, std::uintmax_t* size = nullptr);

}  // namespace solyte::study::detail
