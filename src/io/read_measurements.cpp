// The front door for every format: read the bytes, try the binary readers by
// their magic, decode text once, try the text readers from the most specific to
// the generic table.
#include "solyte/io/read_measurements.hpp"

#include "io/format_registry.hpp"
#include "io/text_decode.hpp"
#include "io/text_table.hpp"
#include "solyte/error.hpp"
#include "solyte/io/file_bytes.hpp"

namespace solyte::io {

std::vector<Measurement> read_measurements_from_bytes(std::string_view bytes,
                                                      const std::string& name,
                                                      const ReadOptions& options) {
  detail::Detection found;
  detail::detect_reader(bytes, name, found, true);
  const detail::FormatReader* reader = found.reader;
  std::vector<Measurement> records = reader->read(found.content, name, options);
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
    detail::Detection found;
    detail::detect_reader(bytes, "", found, false);
    if (found.reader) return std::string(found.reader->name);
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
