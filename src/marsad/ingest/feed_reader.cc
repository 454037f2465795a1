#include "marsad/ingest/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cctype>
#include <cstring>
#include <mutex>

#include "marsad/ingest/encoding.h"
#include "marsad/ingest/extract_content.h"
#include "marsad/ingest/html_dom.h"
#include "marsad/ingest/html_page.h"

namespace marsad::ingest {
namespace {

constexpr const char* kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr const char* kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

std::string_view Name(const xmlNode* n) {
  return n->name != nullptr ? reinterpret_cast<const char*>(n->name) : "";
}
std::string_view NsHref(const xmlNode* n) {
  return n->ns != nullptr && n->ns->href != nullptr ? reinterpret_cast<const char*>(n->ns->href) : "";
}

bool Is(const xmlNode* n, std::string_view name) { return n->type == XML_ELEMENT_NODE && Name(n) == name; }

// Text and CDATA directly and deeply inside n. Entity references other than
// the predefined ones (which the parser already substituted) are skipped:
// nothing declared in a DTD is ever expanded.
void AppendText(const xmlNode* n, std::string* out, int depth = 0) {
  if (depth > 64) return;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != nullptr) {
      out->append(reinterpret_cast<const char*>(c->content));
    } else if (c->type == XML_ELEMENT_NODE) {
      AppendText(c, out, depth + 1);
    }
  }
}

std::string Text(const xmlNode* n) {
  std::string s;
  AppendText(n, &s);
  return s;
}

std::string Attr(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name != nullptr && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) {
      std::string v;
      for (const xmlNode* c = a->children; c != nullptr; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content != nullptr) v += reinterpret_cast<const char*>(c->content);
      }
      return v;
    }
  }
  return "";
}

// Serialises an Atom xhtml <content> back to markup for the flattener.
void AppendMarkup(const xmlNode* n, std::string* out, int depth = 0) {
  if (depth > 64) return;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != nullptr) {
      for (const char* p = reinterpret_cast<const char*>(c->content); *p != '\0'; ++p) {
        if (*p == '<')
          out->append("&lt;");
        else if (*p == '&')
          out->append("&amp;");
        else
          out->push_back(*p);
      }
    } else if (c->type == XML_ELEMENT_NODE) {
      out->append("<").append(Name(c)).append(">");
      AppendMarkup(c, out, depth + 1);
      out->append("</").append(Name(c)).append(">");
    }
  }
}

// HTML (or plain text) of a content/summary element -> paragraphs.
std::string HtmlToText(const std::string& html) {
  const HtmlDom dom = HtmlDom::Parse(html);
  return JoinBlocks(FlattenToBlocks(dom, 0));
}

std::string ContentText(const xmlNode* n) {
  const std::string type = Attr(n, "type");
  if (type == "xhtml") {
    std::string markup;
    AppendMarkup(n, &markup);
    return HtmlToText(markup);
  }
  const std::string text = Text(n);
  if (type == "text") return CollapseWhitespace(text);
  return HtmlToText(text);  // "html", RSS description/content:encoded
}

FeedItem ReadRssItem(const xmlNode* item) {
  FeedItem out;
  std::string content, description, guid;
  bool guid_permalink = true;
  for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = Name(c);
    const std::string_view ns = NsHref(c);
    if (name == "encoded" && ns == kContentNs) {
      if (content.empty()) content = Text(c);
    } else if (name == "creator" && ns == kDcNs) {
      if (out.author.empty()) out.author = CollapseWhitespace(Text(c));
    } else if (name == "date" && ns == kDcNs) {
      if (out.published.empty()) out.published = CollapseWhitespace(Text(c));
    } else if (!ns.empty() && ns != kAtomNs) {
      continue;  // other extension elements (media:, slash:, wfw: ...)
    } else if (name == "title") {
      out.title = HtmlToText(Text(c));
    } else if (name == "link") {
      if (out.link.empty()) out.link = CollapseWhitespace(Text(c));
      if (out.link.empty()) out.link = Attr(c, "href");
    } else if (name == "guid") {
      guid = CollapseWhitespace(Text(c));
      guid_permalink = Attr(c, "isPermaLink") != "false";
    } else if (name == "pubDate") {
      out.published = CollapseWhitespace(Text(c));
    } else if (name == "author") {
      if (out.author.empty()) out.author = CollapseWhitespace(Text(c));
    } else if (name == "description") {
      description = Text(c);
    }
  }
  if (out.link.empty() && guid_permalink && guid.rfind("http", 0) == 0) out.link = guid;
  if (!content.empty()) out.body = HtmlToText(content);
  if (out.body.empty()) {
    out.body = HtmlToText(description);
    out.summary_only = true;
  }
  return out;
}

FeedItem ReadAtomEntry(const xmlNode* entry) {
  FeedItem out;
  std::string updated;
  const xmlNode* content = nullptr;
  const xmlNode* summary = nullptr;
  for (const xmlNode* c = entry->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = Name(c);
    if (name == "title") {
      out.title = ContentText(c);
    } else if (name == "link") {
      const std::string rel = Attr(c, "rel");
      if ((rel.empty() || rel == "alternate") && out.link.empty()) out.link = Attr(c, "href");
    } else if (name == "published") {
      out.published = CollapseWhitespace(Text(c));
    } else if (name == "updated") {
      updated = CollapseWhitespace(Text(c));
    } else if (name == "author") {
      for (const xmlNode* a = c->children; a != nullptr; a = a->next) {
        if (Is(a, "name")) {
          const std::string n = CollapseWhitespace(Text(a));
          if (!n.empty()) out.author += (out.author.empty() ? "" : ", ") + n;
        }
      }
    } else if (name == "content") {
      content = c;
    } else if (name == "summary") {
      summary = c;
    }
  }
  if (out.published.empty()) out.published = updated;
  if (content != nullptr && Attr(content, "src").empty()) out.body = ContentText(content);
  if (out.body.empty() && summary != nullptr) {
    out.body = ContentText(summary);
    out.summary_only = true;
  }
  if (out.body.empty()) out.summary_only = true;
  return out;
}

struct DocCloser {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

// Skips the XML declaration, comments, PIs, doctype and white space;
// returns the name of the first element ("" if none seen).
std::string FirstElementName(std::string_view s) {
  size_t i = 0;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  for (int guard = 0; guard < 64 && i < s.size(); ++guard) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size() || s[i] != '<') return "";
    if (s.substr(i, 4) == "<!--") {
      size_t e = s.find("-->", i + 4);
      if (e == std::string_view::npos) return "";
      i = e + 3;
    } else if (s.substr(i, 2) == "<?" || s.substr(i, 2) == "<!") {
      size_t e = s.find('>', i + 2);
      if (e == std::string_view::npos) return "";
      i = e + 1;
    } else {
      size_t e = i + 1;
      while (e < s.size() &&
             (std::isalnum(static_cast<unsigned char>(s[e])) || s[e] == ':' || s[e] == '-' || s[e] == '_'))
        ++e;
      return std::string(s.substr(i + 1, e - i - 1));
    }
  }
  return "";
}

}  // namespace

bool LooksLikeFeed(std::string_view head) {
  const std::string name = FirstElementName(head);
  return name == "rss" || name == "feed" || name == "rdf:RDF" || name == "RDF";
}

StatusOr<Feed> ParseFeed(std::string_view bytes, std::string* error_code) {
  InitLibxml();
  Feed feed;
  std::string code;
  auto decoded = DecodeText(bytes, DeclaredCharset(bytes), &code);
  if (!decoded.ok()) {
    if (error_code != nullptr) *error_code = code;
    return decoded.status();
  }
  feed.encoding = decoded->encoding;
  const std::string& text = decoded->text;
  if (text.size() > (size_t{1} << 30)) {
    if (error_code != nullptr) *error_code = kErrorBadXml;
    return DataError("feed too large");
  }
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  std::unique_ptr<xmlDoc, DocCloser> doc(
      xmlReadMemory(text.data(), static_cast<int>(text.size()), nullptr, "UTF-8", options));
  if (!doc) {
    const xmlError* err = xmlGetLastError();
    std::string detail = err != nullptr && err->message != nullptr ? err->message : "parse error";
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
    if (err != nullptr && err->line > 0) detail += " (line " + std::to_string(err->line) + ")";
    if (error_code != nullptr) *error_code = kErrorBadXml;
    return DataError("malformed XML: " + detail);
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) {
    if (error_code != nullptr) *error_code = kErrorNotFeed;
    return DataError("no root element");
  }
  if (Is(root, "rss") || Is(root, "RDF")) {
    feed.kind = "rss";
    const xmlNode* channel = nullptr;
    for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (Is(c, "channel")) channel = c;
    }
    auto read_items = [&](const xmlNode* parent) {
      for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
        if (Is(c, "item")) feed.items.push_back(ReadRssItem(c));
      }
    };
    if (channel != nullptr) {
      for (const xmlNode* c = channel->children; c != nullptr; c = c->next) {
        if (Is(c, "title") && feed.title.empty()) feed.title = CollapseWhitespace(Text(c));
        if (Is(c, "link") && feed.link.empty() && NsHref(c).empty()) feed.link = CollapseWhitespace(Text(c));
      }
      read_items(channel);
    }
    read_items(root);  // RSS 1.0 (RDF) puts items beside the channel
  } else if (Is(root, "feed")) {
    feed.kind = "atom";
    for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
      if (Is(c, "title") && feed.title.empty()) feed.title = CollapseWhitespace(Text(c));
      if (Is(c, "link") && feed.link.empty()) {
        const std::string rel = Attr(c, "rel");
        if (rel.empty() || rel == "alternate") feed.link = Attr(c, "href");
      }
      if (Is(c, "entry")) feed.items.push_back(ReadAtomEntry(c));
    }
  } else {
    if (error_code != nullptr) *error_code = kErrorNotFeed;
    return DataError("XML root element <" + std::string(Name(root)) + "> is neither RSS nor Atom");
  }
  return feed;
}

}  // namespace marsad::ingest
