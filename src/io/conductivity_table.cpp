#include "solyte/io/conductivity_table.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <system_error>

#include "core/number_parse.hpp"
#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "solyte/io/file_bytes.hpp"

namespace solyte::io {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Where each quantity sits, and the factor that takes it to SI.
struct Layout {
  std::optional<std::size_t> t_k, t_c, sigma, sigma_err, run, file;
  double sigma_factor = 1.0, err_factor = 1.0;
};

Layout layout_from_headers(const std::vector<std::string>& headers) {
  Layout l;
  for (std::size_t i = 0; i < headers.size(); ++i) {
    const std::string h = lower(detail::trim(headers[i]));
    if (h == "t_k" || h == "temperature_k") l.t_k = i;
    else if (h == "t_c" || h == "temperature_c") l.t_c = i;
    else if (h == "sigma_dc_s_per_cm" || h == "sigma_s_per_cm") { l.sigma = i; l.sigma_factor = 100.0; }
    else if (h == "sigma_dc_s_per_m" || h == "sigma_s_per_m") { l.sigma = i; l.sigma_factor = 1.0; }
    else if (h == "sigma_err_s_per_cm") { l.sigma_err = i; l.err_factor = 100.0; }
    else if (h == "sigma_err_s_per_m") { l.sigma_err = i; l.err_factor = 1.0; }
    else if (h == "run") l.run = i;
    else if (h == "file") l.file = i;
  }
  return l;
}

ThermalRun parse_run(std::string_view s) {
  const std::string v = lower(detail::trim(s));
  if (v == "heating") return ThermalRun::heating;
  if (v == "cooling") return ThermalRun::cooling;
  return ThermalRun::unknown;
}

std::vector<std::string> split_fields(std::string_view line, char sep) {
  std::vector<std::string> out;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') { field += '"'; ++i; }
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == sep) {
      out.push_back(std::move(field));
      field.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  out.push_back(std::move(field));
  return out;
}

void check_layout(const Layout& l, const std::string& name, std::size_t line) {
  if (!l.t_k && !l.t_c)
    throw ParseError(name, line, 0, "expected a temperature column named T_K or T_C");
  if (!l.sigma)
    throw ParseError(name, line, 0,
                     "expected a conductivity column named sigma_dc_S_per_cm, sigma_S_per_cm "
                     "or sigma_S_per_m");
}

// Builds one point from cell texts; an empty conductivity cell means "no value" (nullopt).
std::optional<transport::ConductivityPoint> make_point(
    const Layout& l, const std::vector<std::string>& cells, const std::string& name,
    std::size_t line) {
  auto cell = [&](std::size_t i) -> std::string_view {
    return i < cells.size() ? detail::trim(cells[i]) : std::string_view{};
  };
  auto number = [&](std::size_t i, const char* what) {
    auto v = detail::parse_double(cell(i));
    if (!v || !std::isfinite(*v))
      throw ParseError(name, line, i + 1,
                       std::string("expected a number for ") + what + ", found '" +
                           std::string(cell(i)) + "'");
    return *v;
  };
  const std::size_t sigma_col = *l.sigma;
  if (cell(sigma_col).empty()) return std::nullopt;
  transport::ConductivityPoint p;
  p.temperature_k = l.t_k ? number(*l.t_k, "T_K") : number(*l.t_c, "T_C") + constants::zero_celsius_k;
  p.sigma_s_per_m = number(sigma_col, "the conductivity") * l.sigma_factor;
  if (l.sigma_err && !cell(*l.sigma_err).empty())
    p.sigma_err_s_per_m = number(*l.sigma_err, "the conductivity error") * l.err_factor;
  if (l.run) p.run = parse_run(cell(*l.run));
  if (l.file) p.label = std::string(cell(*l.file));
  if (!(p.temperature_k > 0))
    throw ParseError(name, line, 0, "expected a temperature above 0 K");
  if (!(p.sigma_s_per_m > 0))
    throw ParseError(name, line, sigma_col + 1, "expected a positive conductivity");
  return p;
}

ConductivityTable from_json(std::string_view bytes, const std::string& name) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(bytes);
  } catch (const nlohmann::json::parse_error& e) {
    throw ParseError(name, 0, 0, std::string("malformed JSON: ") + e.what());
  }
  const nlohmann::json* rows = &doc;
  if (doc.is_object() && doc.contains("results")) rows = &doc["results"];
  if (!rows->is_array() || rows->empty())
    throw ParseError(name, 0, 0, "expected a JSON array of rows (or an object with \"results\")");
  std::vector<std::string> headers;
  for (auto it = (*rows)[0].begin(); it != (*rows)[0].end(); ++it) headers.push_back(it.key());
  const Layout l = layout_from_headers(headers);
  check_layout(l, name, 0);
  ConductivityTable table;
  for (std::size_t r = 0; r < rows->size(); ++r) {
    const auto& row = (*rows)[r];
    if (!row.is_object()) throw ParseError(name, 0, 0, "row " + std::to_string(r + 1) + " is not an object");
    std::vector<std::string> cells(headers.size());
    for (std::size_t c = 0; c < headers.size(); ++c) {
      if (!row.contains(headers[c]) || row[headers[c]].is_null()) continue;
      const auto& v = row[headers[c]];
      if (v.is_string()) cells[c] = v.get<std::string>();
      else if (v.is_number()) {
        std::ostringstream os;
        os.precision(17);
        os << v.get<double>();
        cells[c] = os.str();
      }
    }
    auto p = make_point(l, cells, name + " (row " + std::to_string(r + 1) + ")", 0);
    if (p) table.points.push_back(std::move(*p));
    else ++table.skipped;
  }
  return table;
}

bool is_json(std::string_view bytes) {
  auto t = detail::trim(bytes);
  return !t.empty() && (t.front() == '{' || t.front() == '[');
}

}  // namespace

bool looks_like_conductivity_table(std::string_view bytes) {
  if (is_json(bytes)) return true;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    std::size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = detail::trim(bytes.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty() || line.front() == '#') continue;
    const char sep = line.find('\t') != std::string_view::npos ? '\t' : ',';
    const Layout l = layout_from_headers(split_fields(line, sep));
    return (l.t_k || l.t_c) && l.sigma;
  }
  return false;
}

ConductivityTable read_conductivity_table_from_bytes(std::string_view bytes,
                                                     const std::string& name) {
  if (is_json(bytes)) return from_json(bytes, name);
  ConductivityTable table;
  std::optional<Layout> layout;
  char sep = ',';
  std::size_t ncols = 0, line_no = 0, pos = 0;
  while (pos < bytes.size()) {
    std::size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (detail::trim(line).empty() || detail::trim(line).front() == '#') continue;
    if (!layout) {
      sep = line.find('\t') != std::string_view::npos ? '\t' : ',';
      auto headers = split_fields(line, sep);
      layout = layout_from_headers(headers);
      check_layout(*layout, name, line_no);
      ncols = headers.size();
      continue;
    }
    auto cells = split_fields(line, sep);
    if (cells.size() != ncols)
      throw ParseError(name, line_no, 0,
                       "expected " + std::to_string(ncols) + " fields like the header, found " +
                           std::to_string(cells.size()));
    auto p = make_point(*layout, cells, name, line_no);
    if (p) table.points.push_back(std::move(*p));
    else ++table.skipped;
  }
  if (!layout) throw ParseError(name, 0, 0, "expected a header line and rows; the file is empty");
  return table;
}

ConductivityTable read_conductivity_table(const std::string& path) {
  return read_conductivity_table_from_bytes(read_file_bytes(path), path);
}

}  // namespace solyte::io
