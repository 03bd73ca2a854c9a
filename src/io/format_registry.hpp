// The table of file formats the front door (read_measurements.cpp) tries, in
// order. Each reader says whether it recognises some content and reads it. A
// new format is one reader file plus one entry in format_registry.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/text_decode.hpp"
#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"
#include "solyte/io/read_spectra.hpp"

namespace solyte::io::detail {

/// What a reader sees: the raw bytes, and for text content its decoded lines.
struct FileContent {
  std::string_view bytes;                        ///< the file as stored
  const std::vector<TextLine>* lines = nullptr;  ///< UTF-8 lines; nullptr for binary content
};

struct FormatReader {
  std::string_view name;         ///< "biologic-mpt": what meta.format and `solyte info` say
  std::string_view description;  ///< one line for users
  bool binary = false;           ///< detect/read work on bytes (lines is nullptr)
  bool (*detect)(const FileContent&) = nullptr;
  std::vector<Measurement> (*read)(const FileContent&, const std::string& file,
                                   const ReadOptions& options) = nullptr;
};

/// All readers: binary ones first (by magic bytes), then text ones from the
/// most specific to the generic delimited table.
const std::vector<FormatReader>& format_readers();

/// What the front door found: the reader, and the decoded text it reads (for
/// text formats). `content.lines` points into `lines`, which views
/// `decoded.text`: keep the object in place.
struct Detection {
  const FormatReader* reader = nullptr;
  DecodedText decoded;
  std::vector<TextLine> lines;
  FileContent content;
};

/// Finds the reader for `bytes` into `out`. Throws ParseError naming `name`
/// (empty file, binary content of no known format, no table) when `must_find`;
/// else leaves out.reader null.
void detect_reader(std::string_view bytes, const std::string& name, Detection& out, bool must_find);

/// "expected one of: …" listing every format, for messages.
std::string expected_formats();

}  // namespace solyte::io::detail
