// RSS 2.0 (also RSS 0.9x/1.0 RDF) and Atom 1.0 feeds, parsed with libxml2.
//
// Usage:
//   std::string code;
//   auto feed = marsad::ingest::ParseFeed(bytes, &code);
//   for (const FeedItem& item : feed->items) ...
//
// Parsing is safe for untrusted input: XML_PARSE_NONET (no network),
// no entity substitution and no DTD loading (external entities are never
// read), no recovery mode (a malformed feed is an error, not a guess),
// errors not printed. The charset is taken from the BOM or the XML
// declaration and converted to UTF-8 with ICU before libxml2 sees it.
//
// Each item gets: link (RSS <link>, else a permalink <guid>; Atom
// <link rel="alternate"> or a link without rel), title, published (RSS
// pubDate / dc:date; Atom published, else updated), author (dc:creator,
// author; Atom author/name), and a body: content:encoded or Atom <content>
// (HTML flattened to paragraphs, see extract_content.h), else the summary
// (RSS description / Atom summary) with summary_only = true.
//
// Thread-safety: reentrant (libxml2 is initialised once, thread-safely).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "marsad/common/status.h"

namespace marsad::ingest {

struct FeedItem {
  std::string title;
  std::string link;
  std::string published;  // as written in the feed
  std::string author;
  std::string body;           // plain text, paragraphs separated by blank lines
  bool summary_only = false;  // body is the summary/description, not the article
};

struct Feed {
  std::string kind;      // "rss" or "atom"
  std::string title;     // channel / feed title
  std::string link;      // channel / feed home page
  std::string encoding;  // detected input encoding
  std::vector<FeedItem> items;
};

// Error codes set in *error_code on failure.
inline constexpr const char* kErrorBadXml = "bad-xml";
inline constexpr const char* kErrorNotFeed = "not-a-feed";

// Parses a whole feed document. Fails with kErrorBadXml (not well-formed),
// kErrorNotFeed (well-formed but neither RSS nor Atom) or a decoding code.
StatusOr<Feed> ParseFeed(std::string_view bytes, std::string* error_code = nullptr);

// True if the first element of the markup is <rss>, <feed> or <rdf:RDF>
// (after the XML declaration, comments, processing instructions and
// doctype).
bool LooksLikeFeed(std::string_view head);

}  // namespace marsad::ingest
