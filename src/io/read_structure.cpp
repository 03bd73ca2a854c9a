#include "solyte/io/read_structure.hpp"

#include "solyte/io/file_bytes.hpp"

namespace solyte::io {

xtal::CrystalStructure read_structure(const std::string& path, std::string_view block) {
  return xtal::structure_from_cif(read_cif_document(path), block);
}

xtal::CifDocument read_cif_document(const std::string& path) {
  return xtal::parse_cif(read_file_bytes(path), path);
}

}  // namespace solyte::io
