#include "marsad/ingest/extract_content.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string_view>

#include "marsad/common/utf8.h"

namespace marsad::ingest {
namespace {

// Class/id fragments (lower case, matched as substrings). These are layout
// conventions of web publishing software (WordPress themes such as Jannah
// and JNews, Drupal, custom portals), not linguistic knowledge, and are kept
// here beside the algorithm that weighs them (see docs/ingest.md).
constexpr std::array<std::string_view, 39> kUnlikely = {
    "banner",     "breadcrumb", "combx",     "comment",      "community", "disqus",   "gdpr",
    "legends",    "menu",       "related",   "remark",       "replies",   "shoutbox", "sidebar",
    "skyscraper", "social",     "sponsor",   "supplemental", "ad-break",  "agegate",  "pagination",
    "pager",      "popup",      "share",     "newsletter",   "subscribe", "navbar",   "cookie",
    "promo",      "outbrain",   "taboola",   "most-read",    "mostread",  "trending", "footer",
    "masthead",   "topbar",     "read-more", "readmore"};
constexpr std::array<std::string_view, 6> kMaybe = {"article", "body", "column", "content", "main", "shadow"};
constexpr std::array<std::string_view, 12> kPositive = {"article", "body",    "content", "entry",
                                                        "hentry",  "h-entry", "main",    "page",
                                                        "post",    "text",    "blog",    "story"};
constexpr std::array<std::string_view, 39> kNegative = {
    "caption",  "gallery", "slide",      "carousel",  "credit",     "author",  "photo",   "modal",
    "lightbox", "hidden",  "banner",     "combx",     "comment",    "com-",    "contact", "foot",
    "masthead", "media",   "meta",       "outbrain",  "promo",      "related", "scroll",  "share",
    "shoutbox", "sidebar", "skyscraper", "sponsor",   "shopping",   "tags",    "tool",    "widget",
    "advert",   "social",  "newsletter", "subscribe", "breadcrumb", "menu",    "byline"};

template <size_t N>
bool MatchesAny(std::string_view s, const std::array<std::string_view, N>& words) {
  for (std::string_view w : words) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Class names for hint matching: lower case, and a BEM element name
// ("article__caption") stands for its element part ("caption"), since the
// block part names the page region and says nothing about this node.
std::string ClassForHints(std::string_view cls) {
  std::string out;
  size_t i = 0;
  while (i < cls.size()) {
    while (i < cls.size() && std::isspace(static_cast<unsigned char>(cls[i]))) ++i;
    size_t j = i;
    while (j < cls.size() && !std::isspace(static_cast<unsigned char>(cls[j]))) ++j;
    std::string_view token = cls.substr(i, j - i);
    const size_t bem = token.find("__");
    if (bem != std::string_view::npos && bem + 2 < token.size()) token = token.substr(bem + 2);
    if (!token.empty()) {
      if (!out.empty()) out.push_back(' ');
      out.append(token);
    }
    i = j;
  }
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsOneOf(std::string_view tag, std::initializer_list<std::string_view> tags) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

// Elements whose subtree is never article text.
bool IsNeverContent(std::string_view tag) {
  return IsOneOf(
      tag, {"script", "style", "noscript", "template", "svg",    "math",   "iframe",   "object", "embed",
            "canvas", "video", "audio",    "map",      "button", "select", "textarea", "input",  "option",
            "nav",    "aside", "footer",   "head",     "title",  "meta",   "link",     "dialog", "menu"});
}

bool IsBlockTag(std::string_view tag) {
  return IsOneOf(tag, {"p",     "div",      "section",    "article",    "main",    "header",  "h1", "h2",
                       "h3",    "h4",       "h5",         "h6",         "ul",      "ol",      "li", "dl",
                       "dt",    "dd",       "blockquote", "pre",        "table",   "tr",      "td", "th",
                       "tbody", "thead",    "figure",     "figcaption", "center",  "address", "hr", "body",
                       "form",  "fieldset", "details",    "summary",    "caption", "hgroup"});
}

bool IsInlineTag(std::string_view tag) {
  return IsOneOf(tag, {"a",   "b",   "strong", "em",   "i",    "u",   "span", "font", "small", "big",
                       "sub", "sup", "mark",   "abbr", "cite", "q",   "time", "code", "s",     "del",
                       "ins", "bdi", "bdo",    "dfn",  "kbd",  "var", "tt",   "wbr",  "label", "nobr"});
}

bool IsHidden(const HtmlNode& n) {
  if (n.HasAttr("hidden")) return true;
  if (n.Attr("aria-hidden") == "true") return true;
  const std::string style = Lower(n.Attr("style"));
  if (style.empty()) return false;
  std::string compact;
  for (char c : style) {
    if (c != ' ') compact.push_back(c);
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

// Visible characters (code points that are not white space) and commas.
void CountText(std::string_view s, int* chars, int* commas) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
      ++*chars;
      if (c == ',') ++*commas;
      continue;
    }
    int len = 1;
    const char32_t cp = utf8::Decode(s, i, &len);
    i += static_cast<size_t>(len);
    if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0xFEFF) continue;
    ++*chars;
    if (cp == 0x060C /* ARABIC COMMA */ || cp == 0xFF0C) ++*commas;
  }
}

struct NodeInfo {
  bool dropped = false;  // never content, hidden or unlikely (whole subtree)
  int chars = 0;         // visible characters in the subtree (not dropped)
  int link_chars = 0;    // of which inside <a>
  int commas = 0;
  int own_inline_chars = 0;  // characters in text/inline children (not in child blocks)
  int own_commas = 0;
  int paragraphs = 0;  // <p> descendants
  int weight = 0;      // class/id weight
  bool has_block_child = false;
  double score = 0;
  bool scored = false;
};

class Extractor {
 public:
  Extractor(const HtmlDom& dom, const ExtractOptions& options) : dom_(dom), options_(options) {
    info_.resize(static_cast<size_t>(dom.size()));
  }

  void Analyze(bool remove_unlikely) {
    const int n = dom_.size();
    // Top-down: dropped subtrees and weights.
    for (int i = 0; i < n; ++i) {
      const HtmlNode& node = dom_[i];
      NodeInfo& inf = info_[static_cast<size_t>(i)];
      if (node.parent >= 0 && info_[static_cast<size_t>(node.parent)].dropped) {
        inf.dropped = true;
        continue;
      }
      if (node.is_text) continue;
      if (IsNeverContent(node.tag) || IsHidden(node)) {
        inf.dropped = true;
        continue;
      }
      if (!options_.keep_captions && node.tag == "figcaption") {
        inf.dropped = true;
        continue;
      }
      const std::string cls = ClassForHints(node.Attr("class"));
      const std::string id = Lower(node.Attr("id"));
      if (!cls.empty())
        inf.weight += (MatchesAny(cls, kPositive) ? 25 : 0) - (MatchesAny(cls, kNegative) ? 25 : 0);
      if (!id.empty())
        inf.weight += (MatchesAny(id, kPositive) ? 25 : 0) - (MatchesAny(id, kNegative) ? 25 : 0);
      if (remove_unlikely && !IsOneOf(node.tag, {"html", "body", "article", "main", "a"})) {
        const std::string both = cls + " " + id;
        const std::string role = Lower(node.Attr("role"));
        if ((MatchesAny(both, kUnlikely) && !MatchesAny(both, kMaybe)) ||
            IsOneOf(role, {"navigation", "menu", "menubar", "complementary", "banner", "contentinfo",
                           "dialog", "alert", "alertdialog"})) {
          inf.dropped = true;
        }
      }
    }
    // Bottom-up: text statistics (children follow parents in pre-order).
    for (int i = n - 1; i >= 0; --i) {
      const HtmlNode& node = dom_[i];
      NodeInfo& inf = info_[static_cast<size_t>(i)];
      if (inf.dropped) continue;
      if (node.is_text) {
        CountText(node.text, &inf.chars, &inf.commas);
        inf.own_inline_chars = inf.chars;
        inf.own_commas = inf.commas;
      } else {
        if (node.tag == "a") inf.link_chars = inf.chars;
        if (node.tag == "p") ++inf.paragraphs;
        if (node.tag == "br") inf.own_inline_chars = 0;
      }
      if (node.parent < 0) continue;
      NodeInfo& p = info_[static_cast<size_t>(node.parent)];
      p.chars += inf.chars;
      p.link_chars += dom_[node.parent].tag == "a" ? 0 : inf.link_chars;
      p.commas += inf.commas;
      p.paragraphs += inf.paragraphs;
      if (node.is_text || IsInlineTag(node.tag)) {
        p.own_inline_chars += inf.chars;
        p.own_commas += inf.commas;
      } else if (IsBlockTag(node.tag)) {
        p.has_block_child = true;
      }
    }
    // <a> inside <a> aside, link characters of an anchor are its characters.
    for (int i = 0; i < n; ++i) {
      NodeInfo& inf = info_[static_cast<size_t>(i)];
      if (!dom_[i].is_text && dom_[i].tag == "a") inf.link_chars = inf.chars;
      inf.link_chars = std::min(inf.link_chars, inf.chars);
    }
  }

  double LinkDensity(int i) const {
    const NodeInfo& inf = info_[static_cast<size_t>(i)];
    return inf.chars > 0 ? static_cast<double>(inf.link_chars) / inf.chars : 0.0;
  }

  void InitCandidate(int i) {
    NodeInfo& inf = info_[static_cast<size_t>(i)];
    if (inf.scored) return;
    inf.scored = true;
    const std::string& tag = dom_[i].tag;
    double s = 0;
    if (tag == "div" || tag == "article" || tag == "section" || tag == "main")
      s = 5;
    else if (IsOneOf(tag, {"pre", "td", "blockquote"}))
      s = 3;
    else if (IsOneOf(tag, {"address", "ol", "ul", "dl", "dd", "dt", "li", "form"}))
      s = -3;
    else if (IsOneOf(tag, {"h1", "h2", "h3", "h4", "h5", "h6", "th"}))
      s = -5;
    inf.score = s + inf.weight;
  }

  bool IsParagraphLike(int i) const {
    const HtmlNode& node = dom_[i];
    if (node.is_text) return false;
    const NodeInfo& inf = info_[static_cast<size_t>(i)];
    if (inf.dropped) return false;
    if (IsOneOf(node.tag, {"p", "pre", "td", "blockquote", "dd"})) return true;
    // A container holding text directly (Readability turns such divs into
    // paragraphs): its own inline text counts as one paragraph.
    if (IsOneOf(node.tag, {"div", "section", "article", "span", "font", "center", "li"})) {
      return inf.own_inline_chars >= 25 && !inf.has_block_child;
    }
    return false;
  }

  // A container with blocks and runs of inline text between them
  // (Readability wraps those runs in paragraphs): the runs score for it.
  bool HasLooseText(int i) const {
    const HtmlNode& node = dom_[i];
    if (node.is_text) return false;
    const NodeInfo& inf = info_[static_cast<size_t>(i)];
    return !inf.dropped && inf.has_block_child && inf.own_inline_chars >= 25 &&
           IsOneOf(node.tag, {"div", "section", "article", "td", "center", "main", "font"});
  }

  int Score() {
    const int n = dom_.size();
    for (int i = 0; i < n; ++i) {
      const bool loose = HasLooseText(i);
      if (!loose && !IsParagraphLike(i)) continue;
      const NodeInfo& inf = info_[static_cast<size_t>(i)];
      const int chars = loose ? inf.own_inline_chars : inf.chars;
      const int commas = loose ? inf.own_commas : inf.commas;
      if (chars < 25) continue;
      const double content = 1.0 + commas + std::min(std::floor(chars / 100.0), 3.0);
      int anc = loose ? i : dom_[i].parent;
      for (int level = 0; level < 5 && anc >= 0; ++level, anc = dom_[anc].parent) {
        const std::string& tag = dom_[anc].tag;
        if (tag == "html" || tag == "body") break;
        InitCandidate(anc);
        const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
        info_[static_cast<size_t>(anc)].score += content / divider;
      }
    }
    int best = -1;
    double best_score = 0;
    for (int i = 0; i < n; ++i) {
      NodeInfo& inf = info_[static_cast<size_t>(i)];
      if (!inf.scored || inf.dropped) continue;
      inf.score *= 1.0 - LinkDensity(i);
      if (best < 0 || inf.score > best_score) {
        best = i;
        best_score = inf.score;
      }
    }
    if (best < 0) return -1;
    // Move up while an ancestor scores higher (the article is split into
    // several scored containers under it).
    double last = best_score;
    const double threshold = best_score / 3.0;
    for (int p = dom_[best].parent; p >= 0; p = dom_[p].parent) {
      const std::string& tag = dom_[p].tag;
      if (tag == "body" || tag == "html") break;
      const NodeInfo& pi = info_[static_cast<size_t>(p)];
      if (!pi.scored) continue;
      if (pi.score < threshold) break;
      if (pi.score > last) {
        best = p;
        break;
      }
      last = pi.score;
    }
    // A lone child says nothing about its parent's siblings: go up.
    for (int p = dom_[best].parent; p >= 0; p = dom_[p].parent) {
      const std::string& tag = dom_[p].tag;
      if (tag == "body" || tag == "html") break;
      int element_children = 0;
      for (int c = p + 1; c < dom_[p].end; c = dom_[c].end) {
        if (!dom_[c].is_text || info_[static_cast<size_t>(c)].chars > 0) ++element_children;
      }
      if (element_children != 1) break;
      best = p;
    }
    return best;
  }

  // The chosen container and its content-like siblings, in document order.
  std::vector<int> Gather(int top) {
    std::vector<int> out;
    const int parent = dom_[top].parent;
    if (parent < 0) return {top};
    const NodeInfo& ti = info_[static_cast<size_t>(top)];
    const double threshold = std::max(10.0, ti.score * 0.2);
    const std::string top_class(dom_[top].Attr("class"));
    for (int c = parent + 1; c < dom_[parent].end; c = dom_[c].end) {
      if (c == top) {
        out.push_back(c);
        continue;
      }
      const HtmlNode& node = dom_[c];
      const NodeInfo& ci = info_[static_cast<size_t>(c)];
      if (node.is_text || ci.dropped) continue;
      double bonus = 0;
      if (!top_class.empty() && node.Attr("class") == top_class) bonus = ti.score * 0.2;
      if (ci.scored && ci.score + bonus >= threshold) {
        out.push_back(c);
        continue;
      }
      if (node.tag == "p") {
        const double ld = LinkDensity(c);
        if (ci.chars > 80 && ld < 0.25) {
          out.push_back(c);
        } else if (ci.chars > 0 && ci.chars <= 80 && ld == 0) {
          const std::string text = dom_.TextOf(c);
          if (text.find(". ") != std::string::npos || text.find(".") == text.size() - 1) out.push_back(c);
        }
      }
    }
    return out;
  }

  // True if a container inside the content should be dropped.
  bool DropInside(int i, int root, int ref_chars) const {
    const HtmlNode& node = dom_[i];
    const NodeInfo& inf = info_[static_cast<size_t>(i)];
    if (i == root || node.is_text) return false;
    if (IsOneOf(node.tag, {"p", "a", "b", "strong", "em", "i", "span", "br", "h2", "h3", "h4", "h5", "h6",
                           "blockquote", "pre", "code", "sup", "sub"})) {
      return false;
    }
    if (node.tag == "h1" && !options_.keep_h1) return true;
    if (!IsOneOf(node.tag, {"div", "section", "ul", "ol", "table", "header", "form", "figure", "dl", "center",
                            "li", "article", "tr", "td"})) {
      return false;
    }
    // A chrome-like name does not condemn a container holding most of the
    // content (page builders call every block a "widget").
    if (inf.weight < 0 && inf.chars * 2 < ref_chars) return true;
    const double ld = LinkDensity(i);
    if (ld > 0.5) return true;
    if (inf.weight < 25 && ld > 0.33 && inf.paragraphs == 0) return true;
    if (node.tag == "header" && inf.paragraphs < 2) return true;
    return false;
  }

  // `ref_chars`: size of the whole selected content (the top candidate).
  void Emit(int root, bool select, int ref_chars, std::vector<TextBlock>* out) const {
    std::string buffer;
    std::vector<std::pair<int, BlockKind>> open;  // (end index, kind)
    BlockKind kind = BlockKind::kParagraph;
    auto flush = [&] {
      std::string text = CollapseWhitespace(buffer);
      buffer.clear();
      if (!text.empty()) out->push_back({kind, std::move(text)});
    };
    const int end = dom_[root].end;
    for (int k = root; k < end;) {
      while (!open.empty() && k >= open.back().first) {
        flush();
        open.pop_back();
        kind = open.empty() ? BlockKind::kParagraph : open.back().second;
      }
      const HtmlNode& node = dom_[k];
      const NodeInfo& inf = info_[static_cast<size_t>(k)];
      if (inf.dropped || (select && DropInside(k, root, ref_chars))) {
        k = node.end > k ? node.end : k + 1;
        continue;
      }
      if (node.is_text) {
        buffer += node.text;
        ++k;
        continue;
      }
      if (node.tag == "br" || node.tag == "hr") {
        flush();
        ++k;
        continue;
      }
      if (IsBlockTag(node.tag)) {
        flush();
        BlockKind bk = kind;
        if (node.tag.size() == 2 && node.tag[0] == 'h' && node.tag[1] >= '1' && node.tag[1] <= '6') {
          bk = BlockKind::kHeading;
        } else if (node.tag == "li" || node.tag == "dd" || node.tag == "dt") {
          bk = BlockKind::kListItem;
        } else if (node.tag == "blockquote") {
          bk = BlockKind::kQuote;
        } else if (node.tag == "pre") {
          bk = BlockKind::kPre;
        } else if (node.tag == "td" || node.tag == "th") {
          bk = BlockKind::kCell;
        } else if (node.tag == "p") {
          bk = kind == BlockKind::kQuote ? BlockKind::kQuote : BlockKind::kParagraph;
        }
        kind = bk;
        open.emplace_back(node.end, bk);
      } else if (!buffer.empty() && (node.tag == "img" || node.tag == "td")) {
        buffer.push_back(' ');
      }
      ++k;
    }
    flush();
  }

  const NodeInfo& info(int i) const { return info_[static_cast<size_t>(i)]; }
  void Reset() {
    for (auto& inf : info_) inf = NodeInfo{};
  }

 private:
  const HtmlDom& dom_;
  const ExtractOptions& options_;
  std::vector<NodeInfo> info_;
};

int TotalChars(const std::vector<TextBlock>& blocks) {
  int total = 0;
  for (const auto& b : blocks) {
    int commas = 0;
    CountText(b.text, &total, &commas);
  }
  return total;
}

}  // namespace

ExtractResult ExtractMainContent(const HtmlDom& dom, const ExtractOptions& options) {
  ExtractResult result;
  if (dom.size() == 0) return result;
  Extractor ex(dom, options);
  // First pass removes "unlikely" containers; if that leaves too little
  // text (a theme that names its article wrapper "sidebar-content-..."),
  // the second pass keeps them.
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) ex.Reset();
    ex.Analyze(/*remove_unlikely=*/pass == 0);
    const int top = ex.Score();
    if (top < 0) continue;
    std::vector<TextBlock> blocks;
    for (int node : ex.Gather(top)) ex.Emit(node, /*select=*/true, ex.info(top).chars, &blocks);
    if (pass == 0 && TotalChars(blocks) < 250) {
      // Keep as a candidate result, try again without unlikely removal.
      result.blocks = std::move(blocks);
      result.root = top;
      result.score = ex.info(top).score;
      continue;
    }
    if (pass == 1 && TotalChars(blocks) <= TotalChars(result.blocks)) break;
    result.blocks = std::move(blocks);
    result.root = top;
    result.score = ex.info(top).score;
    break;
  }
  if (result.root < 0) {
    // No paragraph anywhere: flatten the body, unless it is mostly links
    // (a navigation or index page has no article).
    const int body = std::max(0, dom.Find("body"));
    if (ex.LinkDensity(body) <= 0.5) {
      result.blocks = FlattenToBlocks(dom, body);
      result.fallback = !result.blocks.empty();
    }
  }
  return result;
}

std::vector<TextBlock> FlattenToBlocks(const HtmlDom& dom, int root) {
  std::vector<TextBlock> blocks;
  if (root < 0 || root >= dom.size()) return blocks;
  ExtractOptions options;
  options.keep_h1 = true;
  options.keep_captions = true;
  Extractor ex(dom, options);
  ex.Analyze(/*remove_unlikely=*/false);
  ex.Emit(root, /*select=*/false, 0, &blocks);
  return blocks;
}

namespace {

// Splits on ASCII white space and the Unicode spaces Python's str.split()
// treats as separators.
std::vector<std::string_view> SplitTokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0, start = std::string_view::npos;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = 1;
    bool space =
        c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || (c >= 0x1C && c <= 0x1F);
    if (c >= 0x80) {
      int l = 1;
      const char32_t cp = utf8::Decode(s, i, &l);
      len = static_cast<size_t>(l);
      space = cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
              cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }
    if (space) {
      if (start != std::string_view::npos) out.push_back(s.substr(start, i - start));
      start = std::string_view::npos;
    } else if (start == std::string_view::npos) {
      start = i;
    }
    i += len;
  }
  if (start != std::string_view::npos) out.push_back(s.substr(start));
  return out;
}

}  // namespace

TokenOverlap CompareTokens(std::string_view gold, std::string_view extracted) {
  std::vector<std::string_view> g = SplitTokens(gold), e = SplitTokens(extracted);
  std::sort(g.begin(), g.end());
  std::sort(e.begin(), e.end());
  TokenOverlap o;
  size_t i = 0, j = 0;
  while (i < g.size() && j < e.size()) {
    if (g[i] == e[j]) {
      ++o.tp;
      ++i;
      ++j;
    } else if (g[i] < e[j]) {
      ++o.fn;
      ++i;
    } else {
      ++o.fp;
      ++j;
    }
  }
  o.fn += g.size() - i;
  o.fp += e.size() - j;
  return o;
}

std::string JoinBlocks(const std::vector<TextBlock>& blocks) {
  std::string out;
  for (const auto& b : blocks) {
    if (!out.empty()) out += "\n\n";
    out += b.text;
  }
  return out;
}

}  // namespace marsad::ingest
