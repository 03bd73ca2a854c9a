#include "io/xml_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/number_parse.hpp"
#include "io/text_table.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

std::size_t line_of(std::string_view bytes, std::ptrdiff_t offset) {
  if (offset < 0) return 0;
  const auto end = std::min<std::size_t>(static_cast<std::size_t>(offset), bytes.size());
  return 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + end, '\n'));
}

std::string where(const XmlSource& src, std::size_t line) {
  std::string w = src.part;
  if (line > 0) w += ":" + std::to_string(line);
  return w + ": ";
}

}  // namespace

void load_xml(pugi::xml_document& doc, const XmlSource& src) {
  const pugi::xml_parse_result r =
      doc.load_buffer(src.bytes.data(), src.bytes.size(), pugi::parse_default, pugi::encoding_auto);
  if (r) return;
  const std::size_t line = line_of(src.bytes, r.offset);
  const std::string message = "expected well-formed XML, found an error (" +
                              std::string(r.description()) + ") at byte " +
                              std::to_string(r.offset) + " (truncated or damaged file?)";
  if (src.part.empty()) throw ParseError(*src.file, line, 0, message);
  throw ParseError(*src.file, 0, 0, where(src, line) + message);
}

std::size_t xml_line(const XmlSource& src, const pugi::xml_node& node) {
  return line_of(src.bytes, node.offset_debug());
}

void fail_at(const XmlSource& src, const pugi::xml_node& node, std::string_view message) {
  const std::size_t line = xml_line(src, node);
  if (src.part.empty()) throw ParseError(*src.file, line, 0, std::string(message));
  throw ParseError(*src.file, 0, 0, where(src, line) + std::string(message));
}

std::optional<double> xml_number(const XmlSource& src, const pugi::xml_node& node) {
  if (!node) return std::nullopt;
  const std::string_view text = solyte::detail::trim(node.child_value());
  if (text.empty()) return std::nullopt;
  double v = 0;
  if (!parse_field(text, false, v) || !std::isfinite(v))
    fail_at(src, node,
            "expected a number in <" + std::string(node.name()) + ">, found " +
                quote_for_message(text));
  return v;
}

std::vector<double> xml_number_list(const XmlSource& src, const pugi::xml_node& node, char sep) {
  std::vector<double> out;
  const char* p = node.child_value();
  const char* const e = p + std::strlen(p);
  auto skip = [&](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == sep; };
  while (true) {
    while (p < e && skip(*p)) ++p;
    if (p == e) break;
    const char* q = p;
    while (q < e && !skip(*q)) ++q;
    double v = 0;
    const std::string_view field(p, static_cast<std::size_t>(q - p));
    if (!parse_field(field, false, v) || !std::isfinite(v))
      fail_at(src, node,
              "expected a finite number as value " + std::to_string(out.size() + 1) + " of <" +
                  std::string(node.name()) + ">, found " + quote_for_message(field));
    out.push_back(v);
    p = q;
  }
  return out;
}

pugi::xml_node find_descendant(const pugi::xml_node& node, const char* name) {
  return node.find_node([name](const pugi::xml_node& n) {
    return n.type() == pugi::node_element && std::strcmp(n.name(), name) == 0;
  });
}

}  // namespace solyte::io::detail
