// The one place files are read into memory; every reader goes through it.
//
//   std::string bytes = solyte::io::read_file_bytes("cell.mpt");
#pragma once

#include <string>

namespace solyte::io {

/// The whole content of the file at `path`. Throws std::system_error naming the path when it
/// cannot be opened or read, or is a directory.
std::string read_file_bytes(const std::string& path);

}  // namespace solyte::io
