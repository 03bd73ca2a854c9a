// CIF 1.1 syntax: a tokenizer that keeps the line and column of every token, and a parser of
// blocks, items and loops on it (docs/methods.md §9a). Grammar: International Tables Vol. G (2005)
// §2.2.7, "CIF 1.1 syntax specification".
#include "solyte/xtal/cif.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "solyte/error.hpp"

namespace solyte::xtal {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && lower(s.substr(0, prefix.size())) == prefix;
}

enum class TokenKind { end, data, loop, save, global, stop, tag, value };

struct Token {
  TokenKind kind = TokenKind::end;
  CifValue value;  // text (block name for data_/save_), position
};

class Tokenizer {
 public:
  Tokenizer(std::string_view text, const std::string& source) : text_(text), source_(source) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte-order mark
  }

  Token next() {
    skip_blanks_and_comments();
    Token t;
    t.value.line = line_;
    t.value.column = column();
    if (pos_ >= text_.size()) return t;
    const char c = text_[pos_];
    if (c == ';' && at_line_start()) return text_field(t);
    if (c == '\'' || c == '"') return quoted(t, c);
    const std::size_t start = pos_;
    while (pos_ < text_.size() && !is_blank(text_[pos_])) {
      check_char(text_[pos_]);
      ++pos_;
    }
    const std::string_view word = text_.substr(start, pos_ - start);
    t.value.text = std::string(word);
    if (word[0] == '_') {
      t.kind = TokenKind::tag;
    } else if (starts_with_ci(word, "data_")) {
      t.kind = TokenKind::data;
      t.value.text = std::string(word.substr(5));
    } else if (starts_with_ci(word, "save_")) {
      t.kind = TokenKind::save;
      t.value.text = std::string(word.substr(5));
    } else if (lower(word) == "loop_") {
      t.kind = TokenKind::loop;
    } else if (lower(word) == "global_") {
      t.kind = TokenKind::global;
    } else if (lower(word) == "stop_") {
      t.kind = TokenKind::stop;
    } else {
      t.kind = TokenKind::value;
    }
    return t;
  }

  [[noreturn]] void fail(std::size_t line, std::size_t column, const std::string& what) const {
    throw ParseError(source_, line, column, what);
  }

 private:
  static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  bool at_line_start() const {
    return pos_ == 0 || text_[pos_ - 1] == '\n' || text_[pos_ - 1] == '\r' ||
           (pos_ == 3 && text_.substr(0, 3) == "\xEF\xBB\xBF");
  }
  std::size_t column() const { return pos_ - line_start_ + 1; }

  void check_char(char c) const {
    if (c == '\0' || (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r'))
      fail(line_, column(),
           "printable text (found control byte " + std::to_string(static_cast<unsigned char>(c)) +
               "; is this a CIF?)");
  }

  // Advances over one line end (\n, \r\n or \r) at pos_.
  void newline() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
    line_start_ = pos_;
  }

  void skip_blanks_and_comments() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\n' || c == '\r') {
        newline();
      } else if (c == ' ' || c == '\t') {
        ++pos_;
      } else if (c == '#') {
        while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
      } else {
        return;
      }
    }
  }

  Token quoted(Token t, char q) {
    ++pos_;
    const std::size_t start = pos_;
    // A quote closes the string only when white space or the end of the text follows it, so
    // 'O'Hara' is the value O'Hara.
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\n' || c == '\r') break;
      check_char(c);
      if (c == q && (pos_ + 1 == text_.size() || is_blank(text_[pos_ + 1]))) {
        t.kind = TokenKind::value;
        t.value.text = std::string(text_.substr(start, pos_ - start));
        t.value.quoted = true;
        ++pos_;
        return t;
      }
      ++pos_;
    }
    fail(t.value.line, t.value.column,
         std::string("a closing ") + q +
             " on the same line (the string opened here is not "
             "terminated; a quote closes only before a blank)");
  }

  Token text_field(Token t) {
    ++pos_;  // the opening ';'
    std::string content;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\n' || c == '\r') {
        newline();
        if (pos_ < text_.size() && text_[pos_] == ';') {
          ++pos_;
          // The line end before the closing ';' belongs to the delimiter, and so does the first one
          // when nothing follows the opening ';' on its line.
          if (!content.empty() && content.front() == '\n') content.erase(0, 1);
          t.kind = TokenKind::value;
          t.value.text = std::move(content);
          t.value.quoted = true;
          return t;
        }
        content += '\n';
        continue;
      }
      check_char(c);
      content += c;
      ++pos_;
    }
    fail(t.value.line, t.value.column,
         "a line starting with ';' to close the text field opened here");
  }

  std::string_view text_;
  const std::string& source_;
  std::size_t pos_ = 0, line_ = 1, line_start_ = 0;
};

}  // namespace

std::optional<std::size_t> CifLoop::column(std::string_view tag) const {
  const std::string key = lower(tag);
  for (std::size_t i = 0; i < tags.size(); ++i)
    if (tags[i] == key) return i;
  return std::nullopt;
}

const CifValue* CifBlock::find(std::string_view tag) const {
  const std::string key = lower(tag);
  for (const auto& item : items)
    if (item.tag == key) return &item.value;
  return nullptr;
}

const CifLoop* CifBlock::find_loop(std::string_view tag) const {
  for (const auto& loop : loops)
    if (loop.column(tag)) return &loop;
  return nullptr;
}

CifDocument parse_cif(std::string_view text, const std::string& source) {
  CifDocument doc;
  doc.source = source;
  Tokenizer tok(text, source);
  CifBlock* block = nullptr;
  Token t = tok.next();

  // Every tag of the current block with the line it was first given on, for repeats.
  std::vector<std::pair<std::string, std::size_t>> seen;
  auto declare = [&](const std::string& tag, const CifValue& where) {
    for (const auto& [name, line] : seen)
      if (name == tag)
        tok.fail(where.line, where.column,
                 "each tag once per data block (" + tag + " was already given on line " +
                     std::to_string(line) + ")");
    seen.emplace_back(tag, where.line);
  };
  auto need_block = [&](const Token& at) {
    if (block == nullptr)
      tok.fail(at.value.line, at.value.column,
               "a data_ block header before the first item (found '" + at.value.text + "')");
  };

  while (t.kind != TokenKind::end) {
    switch (t.kind) {
      case TokenKind::data: {
        if (t.value.text.empty())
          tok.fail(t.value.line, t.value.column, "a block name after data_ (e.g. data_NaCl)");
        for (const auto& b : doc.blocks)
          if (lower(b.name) == lower(t.value.text))
            tok.fail(t.value.line, t.value.column,
                     "a new block name (data_" + t.value.text + " was already used on line " +
                         std::to_string(b.line) + ")");
        doc.blocks.push_back({.name = t.value.text, .line = t.value.line});
        block = &doc.blocks.back();
        seen.clear();
        t = tok.next();
        break;
      }
      case TokenKind::tag: {
        need_block(t);
        const Token tag = t;
        const std::string name = lower(tag.value.text);
        declare(name, tag.value);
        t = tok.next();
        if (t.kind != TokenKind::value)
          tok.fail(t.value.line, t.value.column,
                   "a value for " + tag.value.text + " (tag on line " +
                       std::to_string(tag.value.line) + ")" +
                       (t.kind == TokenKind::end ? ", found the end of the file" : ""));
        block->items.push_back({.tag = name, .value = t.value, .line = tag.value.line});
        t = tok.next();
        break;
      }
      case TokenKind::loop: {
        need_block(t);
        CifLoop loop;
        loop.line = t.value.line;
        t = tok.next();
        while (t.kind == TokenKind::tag) {
          const std::string name = lower(t.value.text);
          declare(name, t.value);
          loop.tags.push_back(name);
          t = tok.next();
        }
        if (loop.tags.empty())
          tok.fail(t.value.line, t.value.column,
                   "tags (_name) after loop_ (line " + std::to_string(loop.line) + ")");
        std::vector<CifValue> values;
        while (t.kind == TokenKind::value) {
          values.push_back(t.value);
          t = tok.next();
        }
        const std::size_t n = loop.tags.size();
        if (values.empty())
          tok.fail(t.value.line, t.value.column,
                   "values for the loop of line " + std::to_string(loop.line) + " (" +
                       std::to_string(n) + " tags, no values)");
        if (values.size() % n != 0) {
          const CifValue& last_row_start = values[values.size() - values.size() % n];
          tok.fail(last_row_start.line, last_row_start.column,
                   std::to_string(n) + " values per row for the loop of line " +
                       std::to_string(loop.line) + " (" + loop.tags.front() + " …); its " +
                       std::to_string(values.size()) + " values leave " +
                       std::to_string(values.size() % n) + " over in this last row");
        }
        for (std::size_t i = 0; i < values.size(); i += n)
          loop.rows.emplace_back(values.begin() + static_cast<std::ptrdiff_t>(i),
                                 values.begin() + static_cast<std::ptrdiff_t>(i + n));
        block->loops.push_back(std::move(loop));
        break;
      }
      case TokenKind::save: {
        need_block(t);
        if (t.value.text.empty())
          tok.fail(t.value.line, t.value.column, "a frame name after save_ (save_NAME)");
        // Save frames belong to dictionaries; their content is read for syntax and dropped.
        const Token open = t;
        t = tok.next();
        while (t.kind != TokenKind::end && !(t.kind == TokenKind::save && t.value.text.empty())) {
          if (t.kind == TokenKind::data || t.kind == TokenKind::save)
            tok.fail(t.value.line, t.value.column,
                     "save_ closing the frame save_" + open.value.text + " of line " +
                         std::to_string(open.value.line));
          t = tok.next();
        }
        if (t.kind == TokenKind::end)
          tok.fail(open.value.line, open.value.column,
                   "save_ closing the frame opened here before the end of the file");
        t = tok.next();
        break;
      }
      case TokenKind::value:
        need_block(t);
        tok.fail(t.value.line, t.value.column,
                 "a tag (_name) or loop_ before the value '" + t.value.text + "'");
      case TokenKind::global:
      case TokenKind::stop:
        tok.fail(t.value.line, t.value.column,
                 "CIF content; '" + t.value.text + "' is a STAR reserved word CIF does not allow");
      case TokenKind::end:
        break;
    }
  }
  if (doc.blocks.empty()) throw ParseError(source, 0, 0, "a data_ block (the text has none)");
  return doc;
}

}  // namespace solyte::xtal
