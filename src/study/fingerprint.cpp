#include "study/fingerprint.hpp"

#include <cstdio>

#include "solyte/io/file_bytes.hpp"

namespace solyte::study::detail {

namespace {
constexpr std::uint64_t kPrime = 0x100000001b3ULL;
}

Fingerprint& Fingerprint::add(std::string_view bytes) {
  for (unsigned char c : bytes) {
    a_ = (a_ ^ c) * kPrime;
    b_ = (b_ ^ static_cast<unsigned char>(c + 0x5b)) * kPrime;
  }
  return *this;
}

Fingerprint& Fingerprint::field(std::string_view text) {
  const std::string len = std::to_string(text.size()) + ":";
  return add(len).add(text);
}

std::string Fingerprint::hex() const {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a_),
                static_cast<unsigned long long>(b_));
  return buf;
}

std::string file_fingerprint(const std::string& path, std::uintmax_t* size) {
  const std::string bytes = io::read_file_bytes(path);
  if (size) *size = bytes.size();
  return Fingerprint().add(bytes).hex();
}

}  // namespace solyte::study::detail
