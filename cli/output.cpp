#include "output.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>
#include <unistd.h>

#include "solyte/error.hpp"

namespace solyte::cli {

Format parse_format(const std::string& name) {
  if (name == "text" || name == "table") return Format::text;
  if (name == "csv") return Format::csv;
  if (name == "tsv") return Format::tsv;
  if (name == "json") return Format::json;
  throw InvalidArgument("unknown output format '" + name + "'; use text, csv, tsv or json");
}

Cell opt_cell(const std::optional<double>& v) {
  if (!v) return std::monostate{};
  return *v;
}

namespace {

std::string cell_text(const Cell& c, int digits) {
  if (std::holds_alternative<std::monostate>(c)) return "";
  if (auto* s = std::get_if<std::string>(&c)) return *s;
  if (auto* i = std::get_if<long long>(&c)) return std::to_string(*i);
  const double v = std::get<double>(c);
  if (!std::isfinite(v)) return std::isnan(v) ? "nan" : (v > 0 ? "inf" : "-inf");
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

bool is_numeric(const Cell& c) {
  return std::holds_alternative<double>(c) || std::holds_alternative<long long>(c);
}

std::string quote_csv(const std::string& s, char sep) {
  if (s.find_first_of(std::string("\"\n\r") + sep) == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

// Display width of UTF-8 text: count code points, not bytes.
std::size_t display_width(const std::string& s) {
  std::size_t w = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++w;
  return w;
}

}  // namespace

std::string render_text(const Table& t) {
  const std::size_t ncol = t.headers.size();
  std::vector<std::size_t> width(ncol);
  std::vector<std::vector<std::string>> cells;
  for (std::size_t c = 0; c < ncol; ++c) width[c] = display_width(t.headers[c]);
  for (const auto& row : t.rows) {
    std::vector<std::string> r;
    for (std::size_t c = 0; c < ncol; ++c) {
      r.push_back(c < row.size() ? cell_text(row[c], t.digits) : "");
      width[c] = std::max(width[c], display_width(r.back()));
    }
    cells.push_back(std::move(r));
  }
  std::string out;
  if (!t.title.empty()) out += t.title + "\n";
  auto pad = [](const std::string& s, std::size_t w, bool right) {
    std::string fill(w - std::min(w, display_width(s)), ' ');
    return right ? fill + s : s + fill;
  };
  for (std::size_t c = 0; c < ncol; ++c)
    out += (c ? "  " : "") + pad(t.headers[c], width[c], false);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += "\n";
  for (std::size_t r = 0; r < cells.size(); ++r) {
    std::string line;
    for (std::size_t c = 0; c < ncol; ++c) {
      const bool right = c < t.rows[r].size() && is_numeric(t.rows[r][c]);
      line += (c ? "  " : "") + pad(cells[r][c], width[c], right);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string render_delimited(const Table& t, char sep) {
  std::string out;
  for (std::size_t c = 0; c < t.headers.size(); ++c)
    out += (c ? std::string(1, sep) : "") + quote_csv(t.headers[c], sep);
  out += "\n";
  const int digits = std::max(t.digits, 10);   // machines get more digits than people
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < t.headers.size(); ++c) {
      if (c) out += sep;
      if (c < row.size()) out += quote_csv(cell_text(row[c], digits), sep);
    }
    out += "\n";
  }
  return out;
}

nlohmann::json to_json(const Table& t) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : t.rows) {
    nlohmann::json obj = nlohmann::json::object();
    for (std::size_t c = 0; c < t.headers.size(); ++c) {
      const Cell cell = c < row.size() ? row[c] : Cell{};
      if (auto* d = std::get_if<double>(&cell)) {
        obj[t.headers[c]] = std::isfinite(*d) ? nlohmann::json(*d) : nlohmann::json();
      } else if (auto* i = std::get_if<long long>(&cell)) {
        obj[t.headers[c]] = *i;
      } else if (auto* s = std::get_if<std::string>(&cell)) {
        obj[t.headers[c]] = *s;
      } else {
        obj[t.headers[c]] = nullptr;
      }
    }
    rows.push_back(std::move(obj));
  }
  return rows;
}

std::string render(Format format, const std::vector<Table>& tables,
                   const nlohmann::json& document, const std::string& text_footer) {
  std::string out;
  switch (format) {
    case Format::json:
      return document.dump(2) + "\n";
    case Format::text:
      for (std::size_t i = 0; i < tables.size(); ++i) {
        if (i) out += "\n";
        out += render_text(tables[i]);
      }
      if (!text_footer.empty()) out += "\n" + text_footer;
      return out;
    case Format::csv:
    case Format::tsv: {
      const char sep = format == Format::csv ? ',' : '\t';
      for (std::size_t i = 0; i < tables.size(); ++i) {
        if (i) out += "\n";
        if (tables.size() > 1) out += "# " + tables[i].title + "\n";
        out += render_delimited(tables[i], sep);
      }
      return out;
    }
  }
  return out;
}

void write_output(const std::string& path, const std::string& content) {
  if (path.empty() || path == "-") {
    std::cout << content << std::flush;
    return;
  }
  namespace fs = std::filesystem;
  const fs::path target(path);
  if (target.has_parent_path() && !fs::exists(target.parent_path()))
    fs::create_directories(target.parent_path());
  const fs::path tmp = target.string() + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) throw std::system_error(errno, std::generic_category(), "cannot write " + tmp.string());
    f << content;
    f.flush();
    if (!f) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw std::system_error(errno, std::generic_category(), "cannot write " + tmp.string());
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw std::system_error(ec, "cannot move the result into place at " + path);
  }
}

}  // namespace solyte::cli
