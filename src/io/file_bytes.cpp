#include "solyte/io/file_bytes.hpp"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace solyte::io {

std::string read_file_bytes(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw std::system_error(std::make_error_code(std::errc::is_a_directory), path);
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::system_error(errno ? errno : ENOENT, std::generic_category(), path);
  // One read of the whole file; sizes come from the stream so pipes and /proc files work too.
  std::string bytes;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size > 0) {
    bytes.resize(static_cast<std::size_t>(size));
    in.seekg(0, std::ios::beg);
    in.read(bytes.data(), size);
    bytes.resize(static_cast<std::size_t>(in.gcount()));
  } else {
    in.clear();
    in.seekg(0, std::ios::beg);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (in.bad()) throw std::system_error(errno ? errno : EIO, std::generic_category(), path);
  return bytes;
}

}  // namespace solyte::io
