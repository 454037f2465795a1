// HTML article pages: charset, metadata and main content.
//
// Usage:
//   marsad::ingest::HtmlPageOptions opts;
//   opts.url = "https://www.enabbaladi.net/archives/1";  // when known (WARC)
//   auto page = marsad::ingest::ReadHtmlPage(bytes, opts);
//   if (page.ok()) use(page->body, page->title, page->published ...);
//
// Charset, first match wins: BOM, the HTTP Content-Type charset (from WARC),
// <meta charset> or <meta http-equiv="Content-Type"> in the first 8 KiB;
// then DecodeText() (encoding.h) with that as hint, so windows-1256 and
// ISO-8859-6 are converted by ICU and mislabelled pages still decode.
//
// Metadata, first non-empty source wins:
//   title      JSON-LD headline, og:title, twitter:title, <h1> that starts
//              the <title>, <title> (a " | site" / " - site" suffix naming
//              the site is removed)
//   published  JSON-LD datePublished, article:published_time and similar
//              meta tags, <time itemprop=datePublished>, the first
//              <time datetime> in the content, then the first one in the
//              page, then options.fallback_date ("published-from-crawl-date")
//   author     JSON-LD author(s) (names joined with ", "), article:author /
//              author meta (not URLs), rel=author / itemprop=author text
//   url        <link rel=canonical> or og:url when absolute http(s), else
//              options.url
//   outlet     the outlet registry id owning the URL's host (html_outlets.h);
//              else JSON-LD publisher name, og:site_name, application-name
// JSON-LD: every <script type="application/ld+json">, objects, arrays and
// @graph; NewsArticle, Article, ReportageNewsArticle, BlogPosting and other
// *Article types.
//
// Thread-safety: reentrant. Never throws; any bytes are accepted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "marsad/common/status.h"
#include "marsad/ingest/extract_content.h"

namespace marsad::ingest {

struct HtmlPageOptions {
  std::string url;            // where the page came from (WARC-Target-URI), optional
  std::string charset_hint;   // HTTP Content-Type charset, optional
  std::string fallback_date;  // e.g. WARC-Date, used when the page has none
  std::string outlets_path;   // outlets.tsv; empty = DataDir()/outlets.tsv
  ExtractOptions extract;
};

struct PageNote {
  std::string code;  // "feed-summary-only", "no-article-text", ...
  std::string message;
  bool warning = true;  // false: informational
};

struct HtmlPage {
  std::string title;
  std::string url;
  std::string published;  // as found (ISO 8601 mostly), unparsed
  std::string author;
  std::string outlet;            // registry id, or a name as found on the page
  std::string site_name;         // og:site_name / publisher name as found
  std::string lang;              // <html lang>
  std::string encoding;          // detected input encoding
  bool converted = false;        // the input was not UTF-8
  size_t replaced = 0;           // malformed sequences replaced with U+FFFD
  std::string published_source;  // "json-ld", "meta", "time", "fallback"
  std::vector<TextBlock> blocks;
  std::string body;  // blocks joined by blank lines
  std::vector<PageNote> notes;
};

// Reads one page. Fails (DataError, *error_code set) only when the bytes
// cannot be decoded at all (binary, unknown encoding); a page without
// article text is returned with an empty body and a "no-article-text" note.
StatusOr<HtmlPage> ReadHtmlPage(std::string_view bytes, const HtmlPageOptions& options,
                                std::string* error_code = nullptr);

// The charset declared in the first bytes of an HTML/XML document
// (<meta charset>, <meta http-equiv content="...charset=...">, or
// <?xml encoding="...">), or "".
std::string DeclaredCharset(std::string_view head);

// The charset parameter of a Content-Type header value, or "".
std::string CharsetFromContentType(std::string_view content_type);

}  // namespace marsad::ingest
