// The front door for every format: read the bytes, try the binary readers by their magic,
// decode text once, try the text readers from the most specific to the generic table.
#include "solyte/io/read_measurements.hpp"

#include "io/format_registry.hpp"
#include "io/text_decode.hpp"
#include "io/text_table.hpp"
#include "solyte/error.hpp"
#include "solyte/io/file_bytes.hpp"

namespace solyte::io {

namespace {

std::string expected_formats() {
  std::string s = "expected one of: ";
  bool first = true;
  for (const auto& r : detail::format_readers()) {
    s += (first ? "" : "; ") + std::string(r.description);
    first = false;
  }
  return s;
}

const detail::FormatReader* find_reader(const detail::FileContent& c) {
  for (const auto& r : detail::format_readers()) {
    if (r.binary != (c.lines == nullptr)) continue;
    if (r.detect(c)) return &r;
  }
  return nullptr;
}

}  // namespace

std::vector<Measurement> read_measurements_from_bytes(std::string_view bytes,
                                                      const std::string& name,
                                                      const ReadOptions& options) {
  detail::FileContent content{bytes, nullptr};
  const detail::FormatReader* reader = find_reader(content);
  detail::DecodedText decoded;
  std::vector<detail::TextLine> lines;
  if (!reader) {
    decoded = detail::decode_text(bytes);
    if (detail::is_blank(decoded.text))
      throw ParseError(name, 0, 0, "empty file; " + expected_formats());
    if (detail::looks_binary(decoded.text))
      throw ParseError(name, 0, 0, "binary content of no known format; " + expected_formats());
    lines = detail::split_lines(decoded.text);
    content.lines = &lines;
    reader = find_reader(content);
  }
  if (!reader) throw ParseError(name, 0, 0, "no table of numbers found; " + expected_formats());
  std::vector<Measurement> records = reader->read(content, name, options);
  for (std::size_t i = 0; i < records.size(); ++i) {
    Measurement& m = records[i];
    m.meta.source_file = name;
    if (m.meta.format.empty()) m.meta.format = std::string(reader->name);
    if (!m.meta.temperature_k && options.temperature_k) {
      m.meta.temperature_k = options.temperature_k;
      m.meta.temperature_source = TemperatureSource::option;
    }
  }
  return records;
}

std::vector<Measurement> read_measurements(const std::string& path, const ReadOptions& options) {
  return read_measurements_from_bytes(read_file_bytes(path), path, options);
}

std::string detect_measurement_format(std::string_view bytes) {
  try {
    detail::FileContent content{bytes, nullptr};
    if (const auto* r = find_reader(content)) return std::string(r->name);
    const auto decoded = detail::decode_text(bytes);
    if (detail::looks_binary(decoded.text)) return "unknown";
    const auto lines = detail::split_lines(decoded.text);
    content.lines = &lines;
    if (const auto* r = find_reader(content)) return std::string(r->name);
  } catch (...) {  // detection promises not to throw
  }
  return "unknown";
}

std::vector<FormatInfo> supported_formats() {
  std::vector<FormatInfo> out;
  for (const auto& r : detail::format_readers())
    out.push_back({std::string(r.name), std::string(r.description)});
  return out;
}

}  // namespace solyte::io
