#include "marsad/clean/article_cleaner.h"

#include <algorithm>
#include <optional>
#include <set>

#include "marsad/clean/fold.h"
#include "marsad/common/utf8.h"

#ifdef MARSAD_CLEAN_HAVE_NORMALIZE
#include "marsad/normalize/arabic_normalizer.h"
#endif

namespace marsad::clean {
namespace {

struct Line {
  std::string text;  // trimmed display text
  std::string key;   // FoldKey(text)
  int words = 0;
  bool blank = true;
  std::string reason;  // "" = article text
};

bool IsTrimmable(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == 0x00A0 ||
         (c >= 0x2000 && c <= 0x200F) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

std::string TrimLine(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e) {
    int len = 1;
    char32_t c = utf8::Decode(s, b, &len);
    if (!IsTrimmable(c)) break;
    b += static_cast<size_t>(len);
  }
  while (e > b) {
    size_t p = e - 1;
    while (p > b && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
    int len = 1;
    char32_t c = utf8::Decode(s, p, &len);
    if (!IsTrimmable(c)) break;
    e = p;
  }
  return std::string(s.substr(b, e - b));
}

// Last code points of a line, ignoring closing quotes and brackets.
std::u32string Tail(std::string_view key, size_t n) {
  std::u32string cps = utf8::ToU32(key);
  while (!cps.empty() &&
         (cps.back() == '"' || cps.back() == '\'' || cps.back() == ')' || cps.back() == ' ')) {
    cps.pop_back();
  }
  return cps.size() <= n ? cps : cps.substr(cps.size() - n);
}

// Ends like a sentence: a single full stop, or ! ? ؟.
bool EndsLikeSentence(std::string_view key) {
  std::u32string t = Tail(key, 2);
  if (t.empty()) return false;
  char32_t last = t.back();
  if (last == '!' || last == '?' || last == 0x061F) return true;
  if (last == '.' || last == 0x06D4) return t.size() < 2 || (t[0] != '.' && t[0] != 0x06D4);
  return false;
}

// Ends with a single full stop (headlines may end in ? or ! but not ".").
bool EndsWithFullStop(std::string_view key) {
  std::u32string t = Tail(key, 2);
  if (t.empty() || (t.back() != '.' && t.back() != 0x06D4)) return false;
  return t.size() < 2 || (t[0] != '.' && t[0] != 0x06D4);
}

// Ends like a kicker: "..", "…" or ":".
bool EndsLikeKicker(std::string_view key) {
  std::u32string t = Tail(key, 2);
  if (t.empty()) return false;
  if (t.back() == 0x2026 || t.back() == ':') return true;
  return t.size() == 2 && t[0] == '.' && t[1] == '.';
}

// Reasons after which a block of short lines can only be more chrome.
bool IsTailAnchor(const std::string& r) {
  static const std::set<std::string> kAnchors = {
      "related-links",  "donation-appeal", "share-widget", "subscribe-widget",
      "comment-widget", "navigation",      "lone-symbol",  "separator",
      "tags",           "copyright",       "contact",      "source-footer",
      "advertisement",  "icon-residue",    "disclaimer",   "cookie-notice"};
  return kAnchors.count(r) > 0;
}

bool IsNamedAnchor(const std::string& r) {
  return r == "related-links" || r == "comment-widget" || r == "share-widget" || r == "subscribe-widget" ||
         r == "navigation" || r == "donation-appeal" || r == "tags";
}

constexpr const char* kIconPrefixes[] = {"camera icon", "photo icon", "image icon",   "picture icon",
                                         "video icon",  "play icon",  "gallery icon", "cameraicon"};

std::string StripIconPrefix(const std::string& key) {
  for (const char* p : kIconPrefixes) {
    std::string_view pv(p);
    if (key.rfind(pv, 0) == 0) return FoldKey(key.substr(pv.size()));
  }
  return key;
}

// Does `key` consist only of names from `reg` and filler ("وكالة", "و",
// punctuation)? Fills `found` in order.
bool OnlyNames(const MediaRegistry& reg, const std::string& key, std::vector<const MediaEntry*>* found) {
  static const std::set<std::string> kFiller = {FoldKey("وكالة"),
                                                FoldKey("وكالات"),
                                                FoldKey("و"),
                                                FoldKey("المصدر"),
                                                FoldKey("نقلا"),
                                                FoldKey("عن"),
                                                FoldKey("الأنباء"),
                                                FoldKey("انباء"),
                                                FoldKey("للأنباء"),
                                                "news",
                                                "agency",
                                                "via",
                                                "source"};
  auto hits = reg.FindHits(key);
  if (hits.empty()) return false;
  std::string rest = key;
  for (auto it = hits.rbegin(); it != hits.rend(); ++it) {
    rest = rest.substr(0, it->begin) + " " + rest.substr(it->end);
  }
  std::string token;
  auto bad_token = [&]() {
    bool alnum = false;
    for (size_t i = 0; i < token.size();) {
      int len = 1;
      if (IsAlnum(utf8::Decode(token, i, &len))) alnum = true;
      i += static_cast<size_t>(len);
    }
    return alnum && !kFiller.count(token);
  };
  for (size_t i = 0; i <= rest.size(); ++i) {
    char c = i < rest.size() ? rest[i] : ' ';
    bool sep = c == ' ' || c == '(' || c == ')' || c == '[' || c == ']' || c == '-' || c == ',' || c == ':' ||
               c == '/' || c == '"' || c == '.';
    if (!sep) {
      token.push_back(c);
      continue;
    }
    if (!token.empty() && bad_token()) return false;
    token.clear();
  }
  for (const auto& h : hits) {
    if (std::find(found->begin(), found->end(), h.entry) == found->end()) {
      found->push_back(h.entry);
    }
  }
  return true;
}

// Generic words around an outlet's name in page chrome ("قناة العالم
// الإخبارية", "موقع عنب بلدي"): tried off when the whole line is not a name.
// Grammar of mastheads, not facts about outlets, hence kept here.
const std::vector<std::string>& LeadingDescriptors() {
  static const std::vector<std::string> k = {FoldKey("قناة"),  FoldKey("شبكة"),    FoldKey("موقع"),
                                             FoldKey("صحيفة"), FoldKey("جريدة"),   FoldKey("وكالة"),
                                             FoldKey("تلفزيون"), FoldKey("إذاعة")};
  return k;
}
const std::vector<std::string>& TrailingDescriptors() {
  static const std::vector<std::string> k = {FoldKey("الإخبارية"), FoldKey("الفضائية"), FoldKey("نيوز"),
                                             FoldKey("نت"),        FoldKey("الإلكتروني"), FoldKey("الإلكترونية"),
                                             FoldKey("اونلاين"),   "news", "tv"};
  return k;
}

std::string StripQuotes(std::string_view s) {
  static const char* kQuotes[] = {"«", "»", "\"", "“", "”", "'", "(", ")"};
  std::string t(s);
  bool changed = true;
  while (changed && !t.empty()) {
    changed = false;
    for (const char* q : kQuotes) {
      std::string_view qv(q);
      if (t.size() >= qv.size() && t.compare(0, qv.size(), qv) == 0) {
        t.erase(0, qv.size());
        changed = true;
      }
      if (t.size() >= qv.size() && t.compare(t.size() - qv.size(), qv.size(), qv) == 0) {
        t.erase(t.size() - qv.size());
        changed = true;
      }
    }
    while (!t.empty() && t.front() == ' ') { t.erase(0, 1); changed = true; }
    while (!t.empty() && t.back() == ' ') { t.pop_back(); changed = true; }
  }
  return t;
}

// An outlet named by the whole of `text`, allowing quotes and generic
// masthead words around the name.
const MediaEntry* FindOutletLoose(const MediaRegistry& reg, std::string_view text) {
  std::string t = StripQuotes(text);
  if (t.empty()) return nullptr;
  if (const MediaEntry* e = reg.FindByName(t)) return e;
  // Try the name without trailing words, without leading words, and without
  // both ("قناة العالم الإخبارية" -> "قناة العالم").
  auto strip = [](std::string key, const std::vector<std::string>& words, bool leading) {
    for (bool again = true; again;) {
      again = false;
      for (const std::string& d : words) {
        if (key.size() <= d.size() + 1) continue;
        if (leading && key.compare(0, d.size(), d) == 0 && key[d.size()] == ' ') {
          key.erase(0, d.size() + 1);
          again = true;
        } else if (!leading && key.compare(key.size() - d.size(), d.size(), d) == 0 &&
                   key[key.size() - d.size() - 1] == ' ') {
          key.erase(key.size() - d.size() - 1);
          again = true;
        }
      }
    }
    return key;
  };
  const std::string key = FoldKey(t);
  const std::string no_tail = strip(key, TrailingDescriptors(), false);
  const std::string no_head = strip(key, LeadingDescriptors(), true);
  for (const std::string& k : {no_tail, no_head, strip(no_tail, LeadingDescriptors(), true)}) {
    if (k != key && !k.empty()) {
      if (const MediaEntry* e = reg.FindByName(k)) return e;
    }
  }
  return nullptr;
}

// A short head-of-page line split once at a credit separator: "الرقة - وكالة
// هاوار", "دير الزور-سانا", "بيروت: «الشرق الأوسط»", "أخبار سوريا | أورينت نت".
struct CreditSplit {
  std::string head, tail;
  bool bar = false;  // split at '|' (a section header) rather than a dash/colon
};
std::optional<CreditSplit> SplitCredit(std::string_view line) {
  static const char* kSeps[] = {"|", " - ", " – ", " — ", ": ", "-", "–", "—"};
  size_t best = std::string_view::npos, best_len = 0;
  bool bar = false;
  for (const char* sep : kSeps) {
    size_t p = line.find(sep);
    if (p != std::string_view::npos && p > 0 && p < best) {
      best = p;
      best_len = std::string_view(sep).size();
      bar = sep[0] == '|';
    }
  }
  if (best == std::string_view::npos) return std::nullopt;
  CreditSplit c{StripQuotes(line.substr(0, best)), StripQuotes(line.substr(best + best_len)), bar};
  if (c.head.empty() || c.tail.empty()) return std::nullopt;
  return c;
}

char32_t PrevNonSpace(std::string_view key, size_t pos) {
  while (pos > 0) {
    size_t p = pos - 1;
    while (p > 0 && (static_cast<unsigned char>(key[p]) & 0xC0) == 0x80) --p;
    int len = 1;
    char32_t c = utf8::Decode(key, p, &len);
    if (c != ' ') return c;
    pos = p;
  }
  return 0;
}

char32_t NextNonSpace(std::string_view key, size_t pos) {
  while (pos < key.size()) {
    int len = 1;
    char32_t c = utf8::Decode(key, pos, &len);
    if (c != ' ') return c;
    pos += static_cast<size_t>(len);
  }
  return 0;
}

// At most `max_bytes` of `s`, cut at a code-point boundary.
std::string Truncate(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end) + "…";
}

OutletRef ToRef(const MediaEntry& e) { return OutletRef{e.id, e.name_ar, e.name_en}; }

void AddWire(const MediaEntry* e, std::vector<std::string>* wires) {
  if (e && std::find(wires->begin(), wires->end(), e->id) == wires->end()) {
    wires->push_back(e->id);
  }
}

}  // namespace

StatusOr<std::shared_ptr<const ArticleCleaner>> ArticleCleaner::Create(const std::string& data_dir,
                                                                       CleanerOptions options) {
  auto outlets = MediaRegistry::Load(data_dir + "/outlets.tsv");
  if (!outlets.ok()) return outlets.status();
  auto wires = MediaRegistry::Load(data_dir + "/wires.tsv");
  if (!wires.ok()) return wires.status();
  auto chrome = ChromeClassifier::Load(data_dir + "/chrome.tsv");
  if (!chrome.ok()) return chrome.status();
  auto datelines = DatelineParser::Load(data_dir);
  if (!datelines.ok()) return datelines.status();
  return std::make_shared<const ArticleCleaner>(std::make_shared<const MediaRegistry>(std::move(*outlets)),
                                                std::make_shared<const MediaRegistry>(std::move(*wires)),
                                                *chrome, *datelines, options);
}

ArticleCleaner::ArticleCleaner(std::shared_ptr<const MediaRegistry> outlets,
                               std::shared_ptr<const MediaRegistry> wires,
                               std::shared_ptr<const ChromeClassifier> chrome,
                               std::shared_ptr<const DatelineParser> datelines, CleanerOptions options)
    : outlets_(std::move(outlets)),
      wires_(std::move(wires)),
      chrome_(std::move(chrome)),
      datelines_(std::move(datelines)),
      options_(options) {}

std::string ArticleCleaner::StripSiteName(std::string_view title, const MediaEntry** outlet) const {
  *outlet = nullptr;
  std::string t = TrimLine(title);
  // Separators between a headline and a site name, as sites print them.
  static const char* kSeps[] = {" | ", " - ", " – ",  " — ", " :: ", " ـ ",
                                " « ", " » ", " || ", " / ", "| ",   " |"};
  for (const char* sep : kSeps) {
    std::string_view s(sep);
    // Suffix: "<title> – <outlet>".
    size_t p = t.rfind(s);
    if (p != std::string::npos && p > 0) {
      std::string tail = TrimLine(t.substr(p + s.size()));
      if (const MediaEntry* e = outlets_->FindByName(tail)) {
        *outlet = e;
        return TrimLine(t.substr(0, p));
      }
    }
    // Prefix: "<outlet> | <title>".
    p = t.find(s);
    if (p != std::string::npos && p > 0) {
      std::string head = TrimLine(t.substr(0, p));
      if (const MediaEntry* e = outlets_->FindByName(head)) {
        *outlet = e;
        return TrimLine(t.substr(p + s.size()));
      }
    }
  }
  return t;
}

CleanResult ArticleCleaner::Clean(std::string_view raw, const CleanHints& hints) const {
  CleanResult res;
  std::string text;
  if (SanitizeUtf8(raw, &text)) {
    res.diagnostics.emplace_back("invalid-utf8",
                                 "malformed UTF-8 bytes replaced with U+FFFD before cleaning");
  }
#ifdef MARSAD_CLEAN_HAVE_NORMALIZE
  text = DisplayForm(text);
#endif

  // ---- 1. lines, each classified alone ------------------------------------
  std::vector<Line> lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    Line l;
    l.text = TrimLine(std::string_view(text).substr(pos, nl - pos));
    l.key = FoldKey(l.text);
    l.blank = l.text.empty();
    if (!l.blank) {
      l.words = CountWords(l.key);
      l.reason = chrome_->ClassifyFolded(l.text, l.key, l.words);
    }
    lines.push_back(std::move(l));
    pos = nl + 1;
  }
  const int n = static_cast<int>(lines.size());

  // Labeled datelines: keep the label rule only if a date parses or the line
  // is short; otherwise it is a sentence that starts like a label.
  std::optional<FoundDate> labeled_date, unlabeled_date, updated_date;
  std::string labeled_evidence, unlabeled_evidence, updated_evidence;
  const std::string kUpdateAr = FoldKey("تحديث"), kUpdateEn = "updated";
  for (Line& l : lines) {
    if (l.reason != "dateline") continue;
    if (auto d = datelines_->ParseDatelineLine(l.text, true)) {
      // "آخر تحديث" (last update) is a later date than publication.
      bool update = l.key.find(kUpdateAr) != std::string::npos || l.key.find(kUpdateEn) != std::string::npos;
      if (update && !updated_date) {
        updated_date = d;
        updated_evidence = l.text;
      } else if (!update && !labeled_date) {
        labeled_date = d;
        labeled_evidence = l.text;
      }
    } else if (l.words > 6) {
      l.reason.clear();
    }
  }

  auto is_article_line = [&](const Line& l) {
    return !l.blank && l.reason.empty() && l.words >= options_.article_line_words;
  };
  auto first_long = [&]() {
    for (int i = 0; i < n; ++i) {
      if (is_article_line(lines[i])) return i;
    }
    return n;
  };
  auto last_long = [&]() {
    for (int i = n - 1; i >= 0; --i) {
      if (is_article_line(lines[i])) return i;
    }
    return -1;
  };

  // ---- 2. unlabeled datelines, outlet-name lines, wire credit lines ---------
  std::vector<std::pair<const MediaEntry*, std::string>> credit_outlets;
  {
    int head_end = first_long(), tail_start = last_long();
    for (int i = 0; i < n; ++i) {
      Line& l = lines[i];
      if (l.blank || !l.reason.empty()) continue;
      bool edge = i < head_end || i > tail_start;
      if (edge && l.words <= 14) {
        if (auto d = datelines_->ParseDatelineLine(l.text, false)) {
          l.reason = "dateline";
          if (!unlabeled_date) {
            unlabeled_date = d;
            unlabeled_evidence = l.text;
          }
          continue;
        }
      }
      if (l.words <= 4 && FindOutletLoose(*outlets_, l.text)) {
        l.reason = "site-name";
        continue;
      }
      // Credit datelines and section headers above the article: "<place> -
      // <outlet>", "<outlet> - خاص", "<section> | <outlet>".
      if (i < head_end && l.words <= 7) {
        if (auto c = SplitCredit(l.text)) {
          const int head_words = CountWords(FoldKey(c->head));
          const int tail_words = CountWords(FoldKey(c->tail));
          std::vector<const MediaEntry*> wire_found;
          if (head_words <= 3) {
            if (const MediaEntry* e = FindOutletLoose(*outlets_, c->tail)) {
              l.reason = c->bar ? "site-name" : "credit-line";
              credit_outlets.push_back({e, l.text});
              continue;
            }
            if (!c->bar && OnlyNames(*wires_, FoldKey(c->tail), &wire_found)) {
              l.reason = "wire-credit";
              for (const MediaEntry* e : wire_found) AddWire(e, &res.wires);
              continue;
            }
          }
          if (tail_words <= 3) {
            if (const MediaEntry* e = FindOutletLoose(*outlets_, c->head)) {
              l.reason = c->bar ? "site-name" : "credit-line";
              credit_outlets.push_back({e, l.text});
              continue;
            }
          }
        }
      }
      std::vector<const MediaEntry*> found;
      if (l.words <= 6 && OnlyNames(*wires_, l.key, &found)) {
        l.reason = "wire-credit";
        for (const MediaEntry* e : found) AddWire(e, &res.wires);
      }
    }
  }

  // ---- 3. title, kicker, duplicates ----------------------------------------
  const MediaEntry* suffix_outlet = nullptr;
  auto headline_like = [&](const Line& l) {
    return !l.blank && l.reason.empty() && l.words >= 1 && l.words <= options_.max_title_words &&
           !EndsWithFullStop(l.key);
  };
  auto next_candidate = [&](int from, const std::string& skip_key) {
    for (int j = from + 1; j < n; ++j) {
      if (lines[j].blank || !lines[j].reason.empty()) continue;
      if (lines[j].key == skip_key) continue;
      return j;
    }
    return -1;
  };
  std::string title_key;
  std::string hint_title;
  if (!hints.title.empty()) {
    SanitizeUtf8(hints.title, &hint_title);
#ifdef MARSAD_CLEAN_HAVE_NORMALIZE
    hint_title = DisplayForm(hint_title);
#endif
    hint_title = TrimLine(hint_title);
    // A hint that is itself chrome (a bare domain, "Home") or a paragraph is
    // not a headline: fall back to the page.
    if (!chrome_->Classify(hint_title).empty() || CountWords(hint_title) > options_.max_title_words) {
      res.diagnostics.emplace_back("title-hint-ignored",
                                   "title hint is not headline-like: " + Truncate(hint_title, 80));
      hint_title.clear();
    }
  }
  if (!hint_title.empty()) {
    res.title = StripSiteName(hint_title, &suffix_outlet);
    title_key = FoldKey(res.title);
  } else {
    int t = next_candidate(-1, "");
    if (t >= 0 && headline_like(lines[t])) {
      int nx = next_candidate(t, lines[t].key);
      bool kicker = false;
      if (nx >= 0 && headline_like(lines[nx]) && nx < first_long()) {
        if (EndsLikeKicker(lines[t].key)) kicker = true;
        // A short label above a longer headline ("سياسة", "أخبار سورية").
        if (lines[t].words <= 2 && lines[nx].words >= 5) {
          kicker = true;
        }
      }
      if (kicker) {
        lines[t].reason = "kicker";
        t = nx;
      }
      res.title = StripSiteName(lines[t].text, &suffix_outlet);
      title_key = FoldKey(res.title);
      lines[t].reason = "title";
    } else {
      res.diagnostics.emplace_back("no-title", "no headline-like line before the article text");
    }
  }
  if (!title_key.empty()) {
    bool title_seen = false;
    int first_title = -1;
    for (int i = 0; i < n; ++i) {
      Line& l = lines[i];
      if (l.reason == "title") {
        title_seen = true;
        if (first_title < 0) first_title = i;
        continue;
      }
      if (l.blank || !l.reason.empty()) continue;
      const MediaEntry* ignored = nullptr;
      // A title reprinted with a site name is the title plus a short suffix or
      // prefix, so longer lines (article paragraphs), and lines whose key does
      // not contain the title's, need no site-name check.
      constexpr size_t kMaxSiteNameBytes = 160;
      bool may_be_title = l.text.size() <= res.title.size() + kMaxSiteNameBytes &&
                          l.key.size() > title_key.size() && l.key.find(title_key) != std::string::npos;
      if (l.key == title_key ||
          (may_be_title && FoldKey(StripSiteName(l.text, &ignored)) == title_key)) {
        l.reason = title_seen ? "duplicate-title" : "title";
        if (!suffix_outlet && ignored) suffix_outlet = ignored;
        if (first_title < 0) first_title = i;
        title_seen = true;
      }
    }
    // With a title hint, a kicker directly above the printed headline.
    if (!hint_title.empty() && first_title > 0) {
      int k = first_title - 1;
      while (k >= 0 && lines[k].blank) --k;
      if (k >= 0 && headline_like(lines[k]) && EndsLikeKicker(lines[k].key)) {
        lines[k].reason = "kicker";
      }
    }
  }

  // ---- 4. context rules -------------------------------------------------------
  // A caption repeated without its icon prefix (or before it).
  {
    std::set<std::string> caption_keys;
    for (const Line& l : lines) {
      if (l.reason == "image-caption") caption_keys.insert(StripIconPrefix(l.key));
    }
    for (Line& l : lines) {
      if (!l.blank && l.reason.empty() && caption_keys.count(l.key)) l.reason = "image-caption";
    }
  }
  // After the last article paragraph: short lines between two widgets, and
  // short lines after a related-links header.
  {
    int tail_start = last_long();
    auto short_line = [&](const Line& l, int max_words) {
      return l.words <= max_words && !EndsLikeSentence(l.key);
    };
    for (int i = tail_start + 1; i < n;) {
      if (lines[i].blank || !lines[i].reason.empty()) {
        ++i;
        continue;
      }
      int run_end = i;  // exclusive end of the run of unclassified lines
      bool all_short = true;
      while (run_end < n && (lines[run_end].blank || lines[run_end].reason.empty())) {
        if (!lines[run_end].blank && !short_line(lines[run_end], options_.context_line_words)) {
          all_short = false;
        }
        ++run_end;
      }
      std::string prev, next;
      for (int j = i - 1; j > tail_start; --j) {
        if (!lines[j].blank) {
          prev = lines[j].reason;
          break;
        }
      }
      if (run_end < n) next = lines[run_end].reason;
      if (all_short && IsTailAnchor(prev) && IsTailAnchor(next)) {
        std::string reason = next == "donation-appeal" ? next
                             : IsNamedAnchor(prev)     ? prev
                             : IsNamedAnchor(next)     ? next
                                                       : prev;
        for (int j = i; j < run_end; ++j) {
          if (!lines[j].blank) lines[j].reason = reason;
        }
      }
      i = run_end;
    }
    bool after_related = false;
    for (int i = tail_start + 1; i < n; ++i) {
      Line& l = lines[i];
      if (l.blank) continue;
      if (l.reason == "related-links") {
        after_related = true;
      } else if (l.reason.empty()) {
        if (after_related && short_line(l, 20)) {
          l.reason = "related-links";
        } else {
          after_related = false;
        }
      }
    }
  }

  // ---- 5. wires from footers and the lead's credit -------------------------------
  int first_kept = -1, last_kept = -1;
  for (int i = 0; i < n; ++i) {
    if (lines[i].blank || !lines[i].reason.empty()) continue;
    if (first_kept < 0) first_kept = i;
    last_kept = i;
  }
  for (const Line& l : lines) {
    if (l.reason == "source-footer") {
      for (const MediaEntry* e : wires_->FindAllNamesIn(l.key)) AddWire(e, &res.wires);
    }
  }
  if (first_kept >= 0) {
    const std::string& key = lines[first_kept].key;
    for (const auto& h : wires_->FindHits(key)) {
      int words_before = CountWords(std::string_view(key).substr(0, h.begin));
      if (words_before > 8) break;
      char32_t before = PrevNonSpace(key, h.begin);
      char32_t after = NextNonSpace(key, h.end);
      bool bracketed = before == '(' && after == ')';
      // A bracketed credit after a dateline with a country and a full date
      // ("ترهونة (ليبيا)، 12 حزيران 2020 (فرانس برس) -") may come after up
      // to eight words; other credits within four.
      if (words_before > 4 && !bracketed) break;
      bool dashed = before == '-' || (after == '-' && (before == 0 || before == '('));
      if (bracketed || dashed || (after == ':' && before == '-')) AddWire(h.entry, &res.wires);
    }
  }
  // A wire-style lead dateline: "بغداد، 10 تموز 2017 (وكالة ...) - <text>":
  // a short prefix before the first dash that holds a full date.
  std::optional<FoundDate> lead_date;
  std::string lead_evidence;
  if (first_kept >= 0) {
    const std::string& key = lines[first_kept].key;
    size_t dash = key.find(" - ");
    if (dash == std::string::npos) dash = key.find("- ");
    if (dash != std::string::npos && dash > 0 && dash <= 160) {
      std::string_view prefix = std::string_view(key).substr(0, dash);
      if (CountWords(prefix) <= 10) {
        if (auto d = datelines_->FindDate(prefix)) {
          lead_date = d;
          lead_evidence = "lead: " + std::string(prefix);
        }
      }
    }
  }
  if (last_kept >= 0) {
    const std::string& key = lines[last_kept].key;
    auto hits = wires_->FindHits(key);
    if (!hits.empty()) {
      const auto& h = hits.back();
      if (PrevNonSpace(key, h.begin) == '(' && NextNonSpace(key, h.end) == ')') {
        size_t close = key.find(')', h.end);
        if (close != std::string::npos && NextNonSpace(key, close + 1) == 0) {
          AddWire(h.entry, &res.wires);
        }
      }
    }
  }

  // ---- 6. outlet: metadata, then page chrome only -------------------------------
  struct Evidence {
    int priority;
    const MediaEntry* entry;
    std::string text;
  };
  std::vector<Evidence> evidence;
  if (!hints.outlet.empty()) {
    if (const MediaEntry* e = outlets_->FindByName(hints.outlet)) {
      evidence.push_back({0, e, "metadata: " + hints.outlet});
    } else {
      res.diagnostics.emplace_back("unknown-outlet", "outlet '" + hints.outlet + "' is not in outlets.tsv");
    }
  }
  if (!hints.url.empty()) {
    if (const MediaEntry* e = outlets_->FindByUrl(hints.url)) {
      evidence.push_back({1, e, "url: " + hints.url});
    }
  }
  for (const Line& line : lines) {
    const std::string& r = line.reason;
    if (r.empty()) continue;
    // Agency names ("وكالة أنباء الشرق الأوسط") are credits, not the
    // publisher: blank them before looking for outlet names.
    // A copyright line names the publisher even when it is an agency
    // ("جميع الحقوق محفوظة لوكالة سانا").
    Line l = line;
    if (r != "copyright") {
      auto wire_hits = wires_->FindHits(l.key);
      for (auto it = wire_hits.rbegin(); it != wire_hits.rend(); ++it) {
        l.key = l.key.substr(0, it->begin) + " " + l.key.substr(it->end);
      }
    }
    const MediaEntry* e = nullptr;
    int priority = -1;
    if (r == "site-name") {
      e = outlets_->FindDomainIn(l.key);
      if (!e) e = FindOutletLoose(*outlets_, l.text);
      priority = 2;
    } else if (r == "contact") {
      e = outlets_->FindDomainIn(l.key);
      if (!e) e = outlets_->FindNameIn(l.key);
      priority = 3;
    } else if (r == "copyright") {
      e = outlets_->FindNameIn(l.key);
      if (!e) e = outlets_->FindDomainIn(l.key);
      priority = 5;
    } else if (r == "donation-appeal" || r == "subscribe-widget") {
      e = outlets_->FindNameIn(l.key);
      priority = 6;
    } else if (r == "source-footer") {
      e = outlets_->FindNameIn(l.key);
      priority = 7;
    }
    if (e) evidence.push_back({priority, e, r + ": " + l.text});
  }
  for (const auto& [entry, text] : credit_outlets) evidence.push_back({2, entry, "credit-line: " + text});
  if (suffix_outlet) evidence.push_back({4, suffix_outlet, "title-suffix"});
  if (!evidence.empty()) {
    std::stable_sort(evidence.begin(), evidence.end(),
                     [](const Evidence& a, const Evidence& b) { return a.priority < b.priority; });
    res.outlet = ToRef(*evidence.front().entry);
    res.outlet_evidence = evidence.front().text;
    for (const Evidence& ev : evidence) {
      if (ev.entry != evidence.front().entry) {
        res.diagnostics.emplace_back("outlet-evidence-conflict",
                                     "chose " + evidence.front().entry->id + " (" + evidence.front().text +
                                         ") over " + ev.entry->id + " (" + ev.text + ")");
        break;
      }
    }
  }

  // ---- 7. published date ----------------------------------------------------------
  if (!hints.published.empty()) {
    if (auto d = datelines_->ParseMetadataDate(hints.published)) {
      res.published = PublishedDate{d->Value(), d->precision(), "metadata: " + hints.published, false};
    }
  }
  if (!res.published) {
    if (labeled_date) {
      res.published =
          PublishedDate{labeled_date->Value(), labeled_date->precision(), labeled_evidence, false};
    } else if (unlabeled_date) {
      res.published =
          PublishedDate{unlabeled_date->Value(), unlabeled_date->precision(), unlabeled_evidence, false};
    } else if (lead_date) {
      res.published = PublishedDate{lead_date->Value(), lead_date->precision(), lead_evidence, false};
    } else if (updated_date) {
      // Only an update time is printed: the article is at least that old,
      // but it may have been published earlier; mark it inferred.
      res.published = PublishedDate{updated_date->Value(), updated_date->precision(), updated_evidence, true};
    }
  }

  // ---- 8. body and removed lines --------------------------------------------------
  bool pending_break = false;
  for (const Line& l : lines) {
    if (l.blank) {
      pending_break = true;
      continue;
    }
    if (!l.reason.empty()) {
      res.removed.push_back({l.text, l.reason});
      pending_break = true;
      continue;
    }
    if (!res.body.empty()) res.body += pending_break ? "\n\n" : "\n";
    res.body += l.text;
    pending_break = false;
  }
  if (res.body.empty()) {
    res.diagnostics.emplace_back("no-article-text", "every line of the page is boilerplate");
  }
  return res;
}

}  // namespace marsad::clean
