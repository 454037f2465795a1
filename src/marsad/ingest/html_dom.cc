#include "marsad/ingest/html_dom.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>

#include "marsad/common/utf8.h"

namespace marsad::ingest {
namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string TagName(const GumboNode* node) {
  const GumboElement& el = node->v.element;
  if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
  GumboStringPiece piece = el.original_tag;
  gumbo_tag_from_original_text(&piece);  // strips "<" ... ">" and attributes
  return LowerAscii(std::string_view(piece.data == nullptr ? "" : piece.data, piece.length));
}

bool IsSkippedTextContainer(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "template" || tag == "noscript";
}

// Unicode white space that separates words in HTML text.
bool IsSpaceAt(std::string_view s, size_t i, size_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    *len = 1;
    return true;
  }
  if (c < 0x80) return false;
  int l = 1;
  const char32_t cp = utf8::Decode(s, i, &l);
  *len = static_cast<size_t>(l);
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

}  // namespace

std::string_view HtmlNode::Attr(std::string_view name) const {
  for (const auto& [k, v] : attrs) {
    if (k == name) return v;
  }
  return {};
}

bool HtmlNode::HasAttr(std::string_view name) const {
  return std::any_of(attrs.begin(), attrs.end(), [&](const auto& kv) { return kv.first == name; });
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    if (IsSpaceAt(s, i, &len)) {
      pending_space = true;
      i += len;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

HtmlDom HtmlDom::Parse(std::string_view utf8_html) {
  HtmlDom dom;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never read parse errors; do not store them
  GumboOutput* output = gumbo_parse_with_options(&options, utf8_html.data(), utf8_html.size());
  if (output == nullptr) return dom;

  struct Frame {
    const GumboNode* node;
    int index;          // our node index (-1 for flattened elements)
    unsigned next = 0;  // next child to visit
  };
  std::vector<Frame> stack;
  auto add_element = [&](const GumboNode* g, int parent, int depth) {
    HtmlNode n;
    n.tag = TagName(g);
    n.parent = parent;
    n.depth = depth;
    const GumboVector& attrs = g->v.element.attributes;
    n.attrs.reserve(attrs.length);
    for (unsigned i = 0; i < attrs.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
      n.attrs.emplace_back(LowerAscii(a->name), a->value);
    }
    dom.nodes_.push_back(std::move(n));
    return static_cast<int>(dom.nodes_.size()) - 1;
  };
  const GumboNode* root = output->root;
  if (root != nullptr && (root->type == GUMBO_NODE_ELEMENT || root->type == GUMBO_NODE_TEMPLATE)) {
    stack.push_back({root, add_element(root, -1, 0)});
  }
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector& children = f.node->v.element.children;
    if (f.next >= children.length) {
      if (f.index >= 0) dom.nodes_[static_cast<size_t>(f.index)].end = dom.size();
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[f.next++]);
    // The nearest ancestor that has a node of its own.
    int parent = f.index;
    for (size_t k = stack.size(); parent < 0 && k-- > 0;) parent = stack[k].index;
    const int depth = parent >= 0 ? dom[parent].depth + 1 : 0;
    switch (child->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const int index = depth <= kMaxDepth ? add_element(child, parent, depth) : -1;
        stack.push_back({child, index});
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE: {
        const char* t = child->v.text.text;
        if (t == nullptr) break;
        // Merge adjacent text (flattened deep nesting produces runs).
        if (!dom.nodes_.empty() && dom.nodes_.back().is_text && dom.nodes_.back().parent == parent) {
          dom.nodes_.back().text += t;
          break;
        }
        HtmlNode n;
        n.is_text = true;
        n.text = t;
        n.parent = parent;
        n.depth = depth;
        dom.nodes_.push_back(std::move(n));
        dom.nodes_.back().end = dom.size();
        break;
      }
      default:
        break;  // comments, document
    }
  }
  gumbo_destroy_output(&options, output);
  return dom;
}

int HtmlDom::Find(std::string_view tag) const {
  for (int i = 0; i < size(); ++i) {
    if (!nodes_[static_cast<size_t>(i)].is_text && nodes_[static_cast<size_t>(i)].tag == tag) return i;
  }
  return -1;
}

std::string HtmlDom::TextOf(int i) const {
  if (i < 0 || i >= size()) return {};
  std::string raw;
  const int end = nodes_[static_cast<size_t>(i)].end;
  for (int k = i; k < end; ++k) {
    const HtmlNode& n = nodes_[static_cast<size_t>(k)];
    if (!n.is_text) {
      if (k != i && IsSkippedTextContainer(n.tag))
        k = n.end - 1;
      else if (n.tag == "br" || n.tag == "p" || n.tag == "div" || n.tag == "li")
        raw.push_back(' ');
      continue;
    }
    raw += n.text;
  }
  return CollapseWhitespace(raw);
}

}  // namespace marsad::ingest
