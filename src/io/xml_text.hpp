// XML documents inside instrument files (PANalytical .xrdml, the parts of a Bruker .brml),
// parsed with pugixml, with errors that name the file, the part and the line.
#pragma once

#include <cstddef>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace solyte::io::detail {

/// Where a document came from, for messages: "file" or "file: part".
struct XmlSource {
  const std::string* file;
  std::string part;        ///< "Experiment0/RawData0.xml", or empty for the file itself
  std::string_view bytes;  ///< the document's bytes (kept alive by the caller)
};

/// Parses `src.bytes` into `doc`. Throws ParseError naming the line and what pugixml expected.
void load_xml(pugi::xml_document& doc, const XmlSource& src);

/// 1-based line of `node` in the document's text.
std::size_t xml_line(const XmlSource& src, const pugi::xml_node& node);

/// Throws ParseError at `node`'s line: "<part:>line N: <message>".
[[noreturn]] void fail_at(const XmlSource& src, const pugi::xml_node& node,
                          std::string_view message);

/// The element's text as a finite number; nullopt when the element is absent or empty. Throws
/// ParseError when it holds something else.
std::optional<double> xml_number(const XmlSource& src, const pugi::xml_node& node);

/// Numbers separated by blanks (or by `sep` as well) in the element's text. Throws ParseError
/// naming the element, the position and the text found.
std::vector<double> xml_number_list(const XmlSource& src, const pugi::xml_node& node,
                                    char sep = ' ');

/// First descendant element (depth-first) with this name, or an empty node.
pugi::xml_node find_descendant(const pugi::xml_node& node, const char* name);

}  // namespace solyte::io::detail
