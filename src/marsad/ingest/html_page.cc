#include "marsad/ingest/html_page.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "marsad/ingest/encoding.h"
#include "marsad/ingest/html_dom.h"
#include "marsad/ingest/html_outlets.h"

namespace marsad::ingest {
namespace {

using json = nlohmann::json;

constexpr size_t kCharsetScanBytes = 8192;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view TrimView(std::string_view s) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// Value after "charset=" in a lower-cased attribute or header text.
std::string CharsetParam(std::string_view lower) {
  size_t p = lower.find("charset");
  if (p == std::string_view::npos) return "";
  p += 7;
  while (p < lower.size() && (lower[p] == ' ' || lower[p] == '\t')) ++p;
  if (p >= lower.size() || lower[p] != '=') return "";
  ++p;
  while (p < lower.size() && (lower[p] == ' ' || lower[p] == '"' || lower[p] == '\'')) ++p;
  size_t e = p;
  while (e < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[e])) || lower[e] == '-' ||
                              lower[e] == '_' || lower[e] == ':' || lower[e] == '.')) {
    ++e;
  }
  return std::string(lower.substr(p, e - p));
}

bool IsAbsoluteHttp(std::string_view url) {
  const std::string l = Lower(url.substr(0, 8));
  return l.rfind("http://", 0) == 0 || l.rfind("https://", 0) == 0;
}

bool IsArticleType(const json& type) {
  auto one = [](const json& t) {
    if (!t.is_string()) return false;
    const std::string s = t.get<std::string>();
    return s.size() >= 7 && (s.find("Article") != std::string::npos || s == "BlogPosting" ||
                             s == "LiveBlogPosting" || s == "Report");
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
  return one(type);
}

std::string JsonString(const json& obj, const char* key) {
  if (!obj.is_object()) return "";
  auto it = obj.find(key);
  if (it == obj.end()) return "";
  if (it->is_string()) return CollapseWhitespace(it->get<std::string>());
  if (it->is_array() && !it->empty() && it->front().is_string()) {
    return CollapseWhitespace(it->front().get<std::string>());
  }
  return "";
}

// Names of a JSON-LD author value: a string, a Person/Organization object,
// or an array of those.
std::string JsonNames(const json& v) {
  std::vector<std::string> names;
  auto one = [&](const json& x) {
    std::string n;
    if (x.is_string())
      n = CollapseWhitespace(x.get<std::string>());
    else if (x.is_object())
      n = JsonString(x, "name");
    if (!n.empty() && !IsAbsoluteHttp(n) && std::find(names.begin(), names.end(), n) == names.end()) {
      names.push_back(n);
    }
  };
  if (v.is_array()) {
    for (const json& x : v) one(x);
  } else {
    one(v);
  }
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

struct JsonLdArticle {
  std::string headline, published, author, publisher, url;
  bool found = false;
};

void VisitJsonLd(const json& v, JsonLdArticle* out, int depth) {
  if (depth > 8 || out->found) return;
  if (v.is_array()) {
    for (const json& x : v) VisitJsonLd(x, out, depth + 1);
    return;
  }
  if (!v.is_object()) return;
  auto graph = v.find("@graph");
  if (graph != v.end()) VisitJsonLd(*graph, out, depth + 1);
  if (out->found) return;
  auto type = v.find("@type");
  if (type == v.end() || !IsArticleType(*type)) return;
  out->found = true;
  out->headline = JsonString(v, "headline");
  if (out->headline.empty()) out->headline = JsonString(v, "name");
  out->published = JsonString(v, "datePublished");
  if (out->published.empty()) out->published = JsonString(v, "dateCreated");
  auto author = v.find("author");
  if (author != v.end()) out->author = JsonNames(*author);
  auto publisher = v.find("publisher");
  if (publisher != v.end()) out->publisher = JsonNames(*publisher);
  out->url = JsonString(v, "url");
  if (out->url.empty()) {
    auto main = v.find("mainEntityOfPage");
    if (main != v.end()) {
      if (main->is_string())
        out->url = main->get<std::string>();
      else
        out->url = JsonString(*main, "@id");
    }
  }
}

// Removes a trailing " | Site" / " - Site" / " — Site" (or leading "Site | ")
// from a <title> when the part names the site.
std::string StripSiteFromTitle(std::string title, const std::string& site_name) {
  static const char* kSeps[] = {" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " / "};
  for (const char* sep : kSeps) {
    const size_t p = title.rfind(sep);
    if (p != std::string::npos && p > 0) {
      const std::string tail = title.substr(p + std::string_view(sep).size());
      if (!site_name.empty() && (tail == site_name || site_name.find(tail) != std::string::npos ||
                                 tail.find(site_name) != std::string::npos)) {
        return title.substr(0, p);
      }
    }
    const size_t q = title.find(sep);
    if (q != std::string::npos && !site_name.empty()) {
      const std::string head = title.substr(0, q);
      if (head == site_name) return title.substr(q + std::string_view(sep).size());
    }
  }
  return title;
}

}  // namespace

std::string CharsetFromContentType(std::string_view content_type) {
  return CharsetParam(Lower(content_type));
}

std::string DeclaredCharset(std::string_view head) {
  const std::string lower = Lower(head.substr(0, kCharsetScanBytes));
  if (lower.rfind("<?xml", 0) == 0 || lower.find("<?xml") < 16) {
    const size_t end = lower.find("?>");
    const std::string decl = lower.substr(0, end);
    const size_t p = decl.find("encoding");
    if (p != std::string::npos) {
      size_t q = decl.find_first_of("\"'", p);
      if (q != std::string::npos) {
        const size_t r = decl.find(decl[q], q + 1);
        if (r != std::string::npos) return decl.substr(q + 1, r - q - 1);
      }
    }
  }
  for (size_t p = lower.find("<meta"); p != std::string::npos; p = lower.find("<meta", p + 5)) {
    const size_t end = lower.find('>', p);
    const std::string_view tag =
        std::string_view(lower).substr(p, end == std::string::npos ? std::string::npos : end - p);
    const size_t cs = tag.find("charset");
    if (cs == std::string_view::npos) continue;
    // <meta charset="x"> or content="text/html; charset=x".
    std::string v = CharsetParam(tag.substr(cs > 0 ? cs : 0));
    if (!v.empty()) return v;
  }
  return "";
}

StatusOr<HtmlPage> ReadHtmlPage(std::string_view bytes, const HtmlPageOptions& options,
                                std::string* error_code) {
  HtmlPage page;
  std::string hint = options.charset_hint;
  if (hint.empty()) hint = DeclaredCharset(bytes);
  std::string code;
  auto decoded = DecodeText(bytes, hint, &code);
  if (!decoded.ok()) {
    if (error_code != nullptr) *error_code = code;
    return decoded.status();
  }
  page.encoding = decoded->encoding;
  page.converted = decoded->converted;
  page.replaced = decoded->replaced;
  const HtmlDom dom = HtmlDom::Parse(decoded->text);

  std::map<std::string, std::string> meta;  // first value per key (lower case)
  std::string title_tag, canonical, h1, time_first, time_itemprop, rel_author;
  JsonLdArticle ld;
  for (int i = 0; i < dom.size(); ++i) {
    const HtmlNode& n = dom[i];
    if (n.is_text) continue;
    if (n.tag == "html" && page.lang.empty()) page.lang = Lower(TrimView(n.Attr("lang")));
    if (n.tag == "meta") {
      std::string key = Lower(TrimView(n.Attr("property")));
      if (key.empty()) key = Lower(TrimView(n.Attr("name")));
      if (key.empty()) key = Lower(TrimView(n.Attr("itemprop")));
      const std::string value = CollapseWhitespace(n.Attr("content"));
      if (!key.empty() && !value.empty()) meta.emplace(key, value);
    } else if (n.tag == "title" && title_tag.empty()) {
      title_tag = dom.TextOf(i);
    } else if (n.tag == "link") {
      const std::string rel = Lower(n.Attr("rel"));
      if (rel == "canonical" && canonical.empty()) canonical = std::string(TrimView(n.Attr("href")));
    } else if (n.tag == "h1" && h1.empty()) {
      h1 = dom.TextOf(i);
    } else if (n.tag == "time") {
      std::string dt(TrimView(n.Attr("datetime")));
      if (dt.empty()) continue;
      if (time_first.empty()) time_first = dt;
      const std::string prop = Lower(n.Attr("itemprop"));
      const std::string cls = Lower(n.Attr("class"));
      if (time_itemprop.empty() &&
          (prop == "datepublished" || n.HasAttr("pubdate") || cls.find("publish") != std::string::npos ||
           cls.find("entry-date") != std::string::npos)) {
        time_itemprop = dt;
      }
    } else if (n.tag == "script" && Lower(n.Attr("type")).find("ld+json") != std::string::npos && !ld.found) {
      std::string text;
      for (int k = i + 1; k < n.end; ++k) {
        if (dom[k].is_text) text += dom[k].text;
      }
      json v = json::parse(text, nullptr, /*allow_exceptions=*/false);
      if (!v.is_discarded()) VisitJsonLd(v, &ld, 0);
    } else if ((n.tag == "a" || n.tag == "span" || n.tag == "div") && rel_author.empty()) {
      const std::string rel = Lower(n.Attr("rel"));
      const std::string prop = Lower(n.Attr("itemprop"));
      if (rel == "author" || prop == "author") {
        std::string t = dom.TextOf(i);
        if (!t.empty() && t.size() < 120) rel_author = t;
      }
    }
  }
  auto get = [&](std::initializer_list<const char*> keys) -> std::string {
    for (const char* k : keys) {
      auto it = meta.find(k);
      if (it != meta.end() && !it->second.empty()) return it->second;
    }
    return "";
  };

  page.site_name = !ld.publisher.empty() ? ld.publisher : get({"og:site_name", "application-name"});
  // Title.
  page.title = ld.headline;
  if (page.title.empty()) page.title = get({"og:title", "twitter:title", "title", "headline"});
  if (page.title.empty() && !h1.empty() && title_tag.rfind(h1, 0) == 0) page.title = h1;
  if (page.title.empty()) page.title = StripSiteFromTitle(title_tag, page.site_name);
  // URL.
  for (const std::string& u : {canonical, get({"og:url"}), ld.url}) {
    if (IsAbsoluteHttp(u)) {
      page.url = u;
      break;
    }
  }
  if (page.url.empty()) page.url = options.url;
  // Date.
  if (!ld.published.empty()) {
    page.published = ld.published;
    page.published_source = "json-ld";
  } else {
    static const char* kOrder[] = {"article:published_time",
                                   "og:article:published_time",
                                   "published_time",
                                   "datepublished",
                                   "pubdate",
                                   "publishdate",
                                   "publish-date",
                                   "publish_date",
                                   "dc.date.issued",
                                   "dcterms.issued",
                                   "sailthru.date",
                                   "parsely-pub-date",
                                   "article.published",
                                   "ptime",
                                   "citation_publication_date",
                                   "dc.date",
                                   "date"};
    for (const char* k : kOrder) {
      auto it = meta.find(k);
      if (it != meta.end()) {
        page.published = it->second;
        page.published_source = "meta";
        break;
      }
    }
  }
  if (page.published.empty() && !time_itemprop.empty()) {
    page.published = time_itemprop;
    page.published_source = "time";
  }
  // Author.
  page.author = ld.author;
  if (page.author.empty()) {
    for (const char* k :
         {"article:author", "author", "byl", "dc.creator", "sailthru.author", "parsely-author"}) {
      auto it = meta.find(k);
      if (it != meta.end() && !IsAbsoluteHttp(it->second)) {
        page.author = it->second;
        break;
      }
    }
  }
  if (page.author.empty()) page.author = rel_author;
  // Outlet.
  const std::string lookup_url = !page.url.empty() ? page.url : options.url;
  if (!lookup_url.empty()) page.outlet = OutletDomains::Shared(options.outlets_path)->Lookup(lookup_url);
  if (page.outlet.empty() && !options.url.empty() && options.url != lookup_url) {
    page.outlet = OutletDomains::Shared(options.outlets_path)->Lookup(options.url);
  }
  if (page.outlet.empty()) page.outlet = page.site_name;

  // Content.
  ExtractResult ex = ExtractMainContent(dom, options.extract);
  page.blocks = std::move(ex.blocks);
  // The headline repeated as the first block of the content is metadata.
  if (!page.blocks.empty() && (page.blocks.front().text == page.title || page.blocks.front().text == h1)) {
    page.blocks.erase(page.blocks.begin());
  }
  // Byline lines ("By X | date", "كتب: X") left inside the content: a short
  // block near either end that names the author is chrome, not text.
  if (!page.author.empty() && page.author.size() >= 4) {
    auto words = [](const std::string& t) { return std::count(t.begin(), t.end(), ' ') + 1; };
    for (size_t k = 0; k < page.blocks.size();) {
      const bool near_end = k < 3 || k + 3 >= page.blocks.size();
      const std::string& t = page.blocks[k].text;
      bool names_author = false;
      for (size_t b = 0; b <= page.author.size();) {
        size_t e = page.author.find(", ", b);
        if (e == std::string::npos) e = page.author.size();
        const std::string one = page.author.substr(b, e - b);
        if (one.size() >= 4 && t.find(one) != std::string::npos) names_author = true;
        b = e + 2;
      }
      if (near_end && page.blocks.size() > 1 && words(t) <= 25 && names_author) {
        page.blocks.erase(page.blocks.begin() + static_cast<std::ptrdiff_t>(k));
        continue;
      }
      ++k;
    }
  }
  if (page.published.empty()) {
    if (!time_first.empty()) {
      page.published = time_first;
      page.published_source = "time";
    } else if (!options.fallback_date.empty()) {
      page.published = options.fallback_date;
      page.published_source = "fallback";
      page.notes.push_back({"published-from-crawl-date",
                            "no publication date in the page; took the crawl date " + options.fallback_date +
                                " (the article may be older)",
                            true});
    }
  }
  page.body = JoinBlocks(page.blocks);
  if (page.body.empty()) {
    page.notes.push_back({"no-article-text", "no article text found in the page", true});
  } else if (ex.fallback) {
    page.notes.push_back(
        {"extraction-fallback", "no article container found; the whole page text was kept", true});
  }
  return page;
}

}  // namespace marsad::ingest
