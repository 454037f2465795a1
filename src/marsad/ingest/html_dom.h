// A compact, read-only DOM built from an HTML5 parse (gumbo), used by the
// content extractor and the page-metadata reader.
//
// Usage:
//   marsad::ingest::HtmlDom dom = marsad::ingest::HtmlDom::Parse(utf8_html);
//   for (int i = 0; i < dom.size(); ++i) if (dom[i].tag == "p") ...
//
// Nodes are stored in document (pre-)order, so a node's descendants follow it
// contiguously: node i's subtree is [i, dom[i].end). Only elements and text
// are kept (comments, doctype and whitespace-only text between blocks are
// dropped; CDATA counts as text). Tag and attribute names are lower case.
// Nesting deeper than kMaxDepth is flattened into the ancestor at that depth,
// so every traversal is bounded and nothing recurses on input depth.
//
// Thread-safety: Parse is reentrant; an HtmlDom is immutable after Parse and
// may be read from several threads. Parse never throws and accepts any bytes
// (invalid UTF-8 must be repaired by the caller; gumbo replaces it anyway).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace marsad::ingest {

struct HtmlNode {
  bool is_text = false;
  std::string tag;                                         // lower-case element name; "" for text nodes
  std::string text;                                        // text nodes only: the character data as parsed
  std::vector<std::pair<std::string, std::string>> attrs;  // elements only
  int parent = -1;
  int end = 0;  // one past the last descendant (pre-order index)
  int depth = 0;

  // Attribute value, or "" if absent.
  std::string_view Attr(std::string_view name) const;
  bool HasAttr(std::string_view name) const;
};

class HtmlDom {
 public:
  // Elements nested deeper than this are attached to their ancestor at this
  // depth (their text is kept, their structure is not).
  static constexpr int kMaxDepth = 256;

  // Parses UTF-8 HTML (a full page or a fragment).
  static HtmlDom Parse(std::string_view utf8_html);

  int size() const { return static_cast<int>(nodes_.size()); }
  const HtmlNode& operator[](int i) const { return nodes_[static_cast<size_t>(i)]; }
  const std::vector<HtmlNode>& nodes() const { return nodes_; }

  // Index of the first element with this tag, or -1.
  int Find(std::string_view tag) const;
  // All text inside node i, whitespace collapsed to single spaces and
  // trimmed. Script/style/template content is skipped.
  std::string TextOf(int i) const;

 private:
  std::vector<HtmlNode> nodes_;
};

// Collapses runs of ASCII/Unicode white space (incl. U+00A0) into one space
// and trims both ends.
std::string CollapseWhitespace(std::string_view s);

}  // namespace marsad::ingest
