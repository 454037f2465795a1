#include "marsad/clean/chrome_classifier.h"

#include <unicode/unistr.h>

#include <algorithm>

#include "marsad/clean/fold.h"
#include "marsad/clean/icu_regex.h"
#include "marsad/clean/tsv.h"
#include "marsad/common/utf8.h"

namespace marsad::clean {
namespace {

constexpr char32_t kTatweel = 0x0640;

bool IsSeparatorSymbol(char32_t c) {
  return c == kTatweel || c == '-' || c == '_' || c == '=' || c == '*' || c == '.' || c == '~' || c == '#' ||
         c == '+' || c == 0x2022 || c == 0x25CF || c == 0x00B7 || c == 0x2026 ||
         (c >= 0x2010 && c <= 0x2015) || (c >= 0x2500 && c <= 0x25FF) || c == 0x2212 || c == 0x2E3A ||
         c == 0x2E3B || c == 0xFE4D || c == 0xFE4E || c == 0xFE4F;
}

bool IsBlankChar(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x00A0 || (c >= 0x2000 && c <= 0x200F) ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

// Patterns run on keys whose ASCII letters are already lower-case, so they
// are lower-cased here and compiled case-sensitive (ICU's case-insensitive
// matching folds every character and costs several times more). Letters
// after a backslash are escapes (\S, \p{...}) and keep their case.
std::string PreparePattern(const std::string& pattern) {
  std::string p = FoldKey(pattern, /*lower_latin=*/false);
  bool escaped = false, in_property = false;
  for (char& c : p) {
    if (in_property) {
      if (c == '}') in_property = false;
    } else if (escaped) {
      if (c == 'p' || c == 'P') in_property = true;
      escaped = false;
    } else if (c == '\\') {
      escaped = true;
    } else if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return p;
}

}  // namespace

namespace {

// Index of the ')' closing the '(' at p[open], skipping escapes and
// character classes; npos if unbalanced.
size_t MatchingParen(const std::string& p, size_t open) {
  int depth = 0;
  bool in_class = false;
  for (size_t i = open; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') in_class = true;
    else if (c == '(') ++depth;
    else if (c == ')' && --depth == 0) return i;
  }
  return std::string::npos;
}

// For "alt1|alt2|..." (split at the top level only), the plain-text prefix
// that every match of each alternative must begin with: "word (x|y)" gives
// "word", "ab?c" gives "a" (the "b" is optional). Empty if any alternative
// has no such prefix.
std::vector<std::string> PlainAlternatives(const std::string& body) {
  std::vector<std::string> out;
  std::string cur;
  bool stopped = false;  // the rest of this alternative is not required text
  auto flush = [&]() {
    stopped = false;
    while (!cur.empty() && cur.back() == ' ') cur.pop_back();
    if (cur.empty()) return false;
    out.push_back(cur);
    cur.clear();
    return true;
  };
  // Drops the last UTF-8 character of `cur` (it was made optional).
  auto drop_last_char = [&]() {
    while (!cur.empty() && (static_cast<unsigned char>(cur.back()) & 0xC0) == 0x80) cur.pop_back();
    if (!cur.empty()) cur.pop_back();
  };
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '|') {
      if (!flush()) return {};
      continue;
    }
    if (c == '(' || c == '[') {
      // A group or class ends the literal prefix; skip it whole so that a
      // '|' inside it does not split the top level.
      size_t e = c == '(' ? MatchingParen(body, i) : body.find(']', i + 1);
      if (e == std::string::npos) return {};
      char q = e + 1 < body.size() ? body[e + 1] : '\0';
      (void)q;
      stopped = true;
      i = e;
      continue;
    }
    if (c == '\\') {
      bool simple = i + 1 < body.size() &&
                    std::string_view("()[].*+?{}|^$/-").find(body[i + 1]) != std::string_view::npos;
      ++i;
      if (!stopped) {
        if (simple) cur.push_back(body[i]);
        else stopped = true;
      }
      continue;
    }
    if (stopped) continue;
    if (c == '?' || c == '*' || c == '{') {
      drop_last_char();  // the previous character may be absent
      stopped = true;
      continue;
    }
    if (c == '+') {
      stopped = true;
      continue;
    }
    if (c == '.' || c == '^' || c == '$') {
      stopped = true;
      continue;
    }
    cur.push_back(c);
  }
  if (!flush()) return {};
  return out;
}

// True if p[from..] has no '|' at the top level (outside groups and
// classes) and its groups are balanced.
bool NoTopLevelBarAfter(const std::string& p, size_t from) {
  for (size_t k = from; k < p.size(); ++k) {
    if (p[k] == '\\') {
      ++k;
      continue;
    }
    if (p[k] == '(' || p[k] == '[') {
      size_t e = p[k] == '(' ? MatchingParen(p, k) : p.find(']', k);
      if (e == std::string::npos) return false;
      k = e;
      continue;
    }
    if (p[k] == '|') return false;
  }
  return true;
}

}  // namespace

namespace {

// `p` split at its top-level '|' (outside groups, classes and escapes).
std::vector<std::string> SplitTopLevel(const std::string& p) {
  std::vector<std::string> out(1);
  int depth = 0;
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      out.back().push_back(c);
      out.back().push_back(p[++i]);
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      out.emplace_back();
      continue;
    }
    out.back().push_back(c);
  }
  return out;
}

// A branch with no regex syntax at all ("we use cookies"), anchors aside.
bool PlainLiteral(std::string_view b, std::string* lit) {
  if (!b.empty() && b.front() == '^') b.remove_prefix(1);
  if (!b.empty() && b.back() == '$') b.remove_suffix(1);
  if (b.empty() || b.find_first_of("\\^$.|?*+()[]{}") != std::string_view::npos) return false;
  *lit = std::string(b);
  return true;
}

// "(a|b)" wrapping the whole of `p` with no quantifier: its body.
bool UnwrapWholeGroup(const std::string& p, std::string* body) {
  if (p.size() < 2 || p.front() != '(' || MatchingParen(p, 0) != p.size() - 1) return false;
  *body = p.substr(1, p.size() - 2);
  if (body->compare(0, 2, "?:") == 0) body->erase(0, 2);
  return true;
}

}  // namespace

std::vector<std::string> LiteralPrefilter(const std::string& p) {
  // Top-level alternatives: every branch must require a literal, and any
  // of them may then match ("(we use cookies|(نستخدم|يستخدم) ...)").
  std::string body;
  if (UnwrapWholeGroup(p, &body)) {
    std::vector<std::string> alts = PlainAlternatives(body);
    return alts.empty() ? LiteralPrefilter(body) : alts;
  }
  std::vector<std::string> branches = SplitTopLevel(p);
  if (branches.size() > 1) {
    std::vector<std::string> all;
    for (const std::string& b : branches) {
      std::string lit;
      std::vector<std::string> lits;
      if (PlainLiteral(b, &lit)) {
        lits.push_back(lit);
      } else {
        lits = PlainAlternatives(b);  // a literal prefix ("join us (now|today)")
        if (lits.empty()) lits = LiteralPrefilter(b);
      }
      if (lits.empty()) return {};
      all.insert(all.end(), lits.begin(), lits.end());
    }
    return all;
  }
  // One branch: the first group that is not optional and whose body is
  // plain alternatives (or, recursively, requires such a group) gives the set.
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') {
      in_class = true;
    } else if (c == '|') {
      return {};
    } else if (c == '(') {
      size_t close = MatchingParen(p, i);
      if (close == std::string::npos) return {};
      char q = close + 1 < p.size() ? p[close + 1] : '\0';
      bool optional = q == '?' || q == '*' || (q == '{' && p.compare(close + 2, 1, "0") == 0);
      std::string body = p.substr(i + 1, close - i - 1);
      if (body.compare(0, 2, "?:") == 0) body.erase(0, 2);
      if (!optional) {
        // Top-level alternation inside this group?
        std::vector<std::string> alts = PlainAlternatives(body);
        if (!alts.empty()) {
          // Check no later top-level '|' undoes the requirement.
          if (!NoTopLevelBarAfter(p, close + 1)) return {};
          return alts;
        }
        std::vector<std::string> inner = LiteralPrefilter(body);
        if (!inner.empty()) {
          if (!NoTopLevelBarAfter(p, close + 1)) return {};
          return inner;
        }
      }
      i = close;
    }
  }
  return {};
}

namespace {

// "^(a|b)..." and "^((a|b)...)...": the literal must be at the very start.
bool StartsWithRequiredGroup(const std::string& p) {
  if (p.size() < 2 || p[0] != '^') return false;
  size_t i = 1;
  while (i < p.size() && p[i] == '(') {
    size_t close = MatchingParen(p, i);
    if (close == std::string::npos) return false;
    char q = close + 1 < p.size() ? p[close + 1] : '\0';
    if (q == '?' || q == '*' || q == '{') return false;
    ++i;
    if (p.compare(i, 2, "?:") == 0) i += 2;
    if (i < p.size() && p[i] != '(') return true;
  }
  return false;
}

}  // namespace

void SetPrefilter(ChromeRule* rule) {
  std::string prepared = PreparePattern(rule->pattern);
  rule->required_any = LiteralPrefilter(prepared);
  // Anchored only when the required set is exactly the plain alternatives of
  // a group at the very start ("^(a|b)...", "^((a|b) ?)+"), not a union that
  // includes literals further in ("^(a|[0-9]+ (b|c))").
  rule->required_at_start = false;
  if (!rule->required_any.empty() && SplitTopLevel(prepared).size() == 1 &&
      StartsWithRequiredGroup(prepared)) {
    for (size_t i = 1; i < prepared.size() && prepared[i] == '(';) {
      size_t close = MatchingParen(prepared, i);
      if (close == std::string::npos) break;
      size_t from = i + 1;
      if (prepared.compare(from, 2, "?:") == 0) from += 2;
      std::string body = prepared.substr(from, close - from);
      if (PlainAlternatives(body) == rule->required_any) {
        rule->required_at_start = true;
        break;
      }
      i = from;
    }
  }
  // "...\\)$": a line the pattern matches ends with that character.
  rule->required_last = 0;
  if (SplitTopLevel(prepared).size() == 1 && prepared.size() >= 3 && prepared.back() == '$') {
    const size_t k = prepared.size() - 2;  // the character before '$'
    size_t slashes = 0;
    for (size_t j = k; j-- > 0 && prepared[j] == '\\';) ++slashes;
    const char c = prepared[k];
    if (slashes == 1 && std::string_view(")].!?\"'").find(c) != std::string_view::npos) {
      rule->required_last = c;
    }
  }
}

std::string ClassifySymbolsOnly(std::string_view line) {
  bool any = false, all_separator = true;
  for (size_t i = 0; i < line.size();) {
    int len = 1;
    char32_t c = utf8::Decode(line, i, &len);
    i += static_cast<size_t>(len);
    if (IsBlankChar(c)) continue;
    if (c != kTatweel && IsAlnum(c)) return "";  // tatweel is category Lm
    any = true;
    if (!IsSeparatorSymbol(c)) all_separator = false;
  }
  if (!any) return "";
  return all_separator ? "separator" : "lone-symbol";
}

StatusOr<std::shared_ptr<const ChromeClassifier>> ChromeClassifier::Load(const std::string& path) {
  auto rows = ReadTsv(path, 3);
  if (!rows.ok()) return rows.status();
  std::vector<std::vector<std::string>> fields;
  std::shared_ptr<ChromeClassifier> c(new ChromeClassifier());
  for (const auto& r : *rows) {
    ChromeRule rule;
    rule.reason = r.fields[0];
    rule.max_words = std::atoi(r.fields[1].c_str());
    rule.pattern = r.fields[2];
    rule.line = r.line;
    if (rule.reason.empty() || rule.max_words <= 0) {
      return DataError(path + ":" + std::to_string(r.line) + ": need a reason and max_words > 0");
    }
    auto re = Regex::Compile(PreparePattern(rule.pattern), false);
    if (!re.ok()) {
      return DataError(path + ":" + std::to_string(r.line) + ": " + re.status().message());
    }
    rule.re = *re;
    SetPrefilter(&rule);
    c->rules_.push_back(std::move(rule));
  }
  c->BuildSearchers();
  return std::shared_ptr<const ChromeClassifier>(std::move(c));
}

StatusOr<std::shared_ptr<const ChromeClassifier>> ChromeClassifier::FromRows(
    const std::vector<std::vector<std::string>>& rows, const std::string& origin) {
  std::shared_ptr<ChromeClassifier> c(new ChromeClassifier());
  int n = 0;
  for (const auto& f : rows) {
    ++n;
    if (f.size() < 3) return DataError(origin + ": row " + std::to_string(n) + ": 3 fields needed");
    ChromeRule rule{f[0], std::atoi(f[1].c_str()), f[2], n, nullptr};
    auto re = Regex::Compile(PreparePattern(rule.pattern), false);
    if (!re.ok()) return re.status();
    rule.re = *re;
    SetPrefilter(&rule);
    c->rules_.push_back(std::move(rule));
  }
  c->BuildSearchers();
  return std::shared_ptr<const ChromeClassifier>(std::move(c));
}

void ChromeClassifier::BuildSearchers() {
  searchers_.assign(rules_.size(), {});
  for (size_t i = 0; i < rules_.size(); ++i) {
    if (rules_[i].required_at_start) continue;
    for (const std::string& lit : rules_[i].required_any) {
      searchers_[i].emplace_back(lit.data(), lit.data() + lit.size());
    }
  }
}

bool ChromeClassifier::PrefilterPasses(size_t i, const std::string& key) const {
  const ChromeRule& r = rules_[i];
  if (r.required_last != 0 && (key.empty() || key.back() != r.required_last)) return false;
  if (r.required_any.empty()) return true;
  if (r.required_at_start) {
    for (const auto& lit : r.required_any) {
      if (key.compare(0, lit.size(), lit) == 0) return true;
    }
    return false;
  }
  const char* b = key.data();
  const char* e = b + key.size();
  for (const Searcher& s : searchers_[i]) {
    if (std::search(b, e, s) != e) return true;
  }
  return false;
}

std::string ChromeClassifier::Classify(std::string_view line) const {
  const ChromeRule* unused = nullptr;
  return Classify(line, &unused);
}

std::string ChromeClassifier::Classify(std::string_view line, const ChromeRule** rule) const {
  return ClassifyFolded(line, FoldKey(line), rule);
}

std::string ChromeClassifier::ClassifyFolded(std::string_view line, const std::string& key,
                                             const ChromeRule** rule) const {
  return ClassifyFolded(line, key, CountWords(key), rule);
}

std::string ChromeClassifier::ClassifyFolded(std::string_view line, const std::string& key, int words,
                                             const ChromeRule** rule) const {
  const ChromeRule* unused = nullptr;
  if (rule == nullptr) rule = &unused;
  *rule = nullptr;
  std::string structural = ClassifySymbolsOnly(line);
  if (!structural.empty()) return structural;
  if (key.empty()) return "";
  icu::UnicodeString ukey;
  bool converted = false;
  for (const ChromeRule& r : rules_) {
    if (words > r.max_words) continue;
    if (!PrefilterPasses(static_cast<size_t>(&r - rules_.data()), key)) continue;
    if (!converted) {
      ukey = icu::UnicodeString::fromUTF8(key);
      converted = true;
    }
    if (r.re->Search(ukey)) {
      *rule = &r;
      return r.reason;
    }
  }
  return "";
}

}  // namespace marsad::clean
