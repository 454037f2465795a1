// ChromeClassifier: decides whether ONE line, judged alone, is page chrome
// (widgets, captions, footers ...) and with which reason code.
//
// Rules come from data/chrome.tsv (TAB-separated, '#' comments):
//   reason  max_words  pattern  example
// `pattern` is an ICU regular expression matched (case-insensitive, search
// semantics: anchor it yourself with ^ and $) against the line's FoldKey()
// form; the pattern text is folded the same way when loaded, so it may be
// written in ordinary spelling (ة, أ, ى, tashkeel are all fine). A rule only
// applies to lines of at most `max_words` words, which is what keeps a long
// article sentence that happens to contain "المصدر" or "مشاركة" in the body.
// The first matching rule wins, so order rows from specific to general.
//
// Two structural rules are built in (they need Unicode categories, not
// words): a line with no letter or digit is "separator" when made of
// tatweel, dashes, underscores, dots, bullets or box-drawing characters, and
// "lone-symbol" otherwise (×, », ✕ ...).
//
// Context rules (titles, kickers, caption duplicates, blocks of short lines
// between widgets) live in ArticleCleaner, which calls this class.
//
// Thread-safety: immutable after Load(); const methods are thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/common/status.h"

namespace marsad::clean {

class Regex;

struct ChromeRule {
  std::string reason;
  int max_words = 0;
  std::string pattern;  // as written in the file
  int line = 0;         // line number in the file
  std::shared_ptr<const Regex> re;
  // Literal prefilter derived from the pattern (see LiteralPrefilter in the
  // .cc): when non-empty, the regex can only match a line whose key contains
  // one of these strings, so other lines skip the regex.
  std::vector<std::string> required_any;
  bool required_at_start = false;  // pattern is anchored: a literal must start the line
  char required_last = 0;          // pattern ends in an escaped "\\)$": the line ends with ')'
};

// The literals one of which any match of `prepared_pattern` must contain,
// when the pattern starts with a group of plain-literal alternatives
// ("^(a|b|c) ...", "(a|b)..."); empty when no such set can be derived.
std::vector<std::string> LiteralPrefilter(const std::string& prepared_pattern);

// Fills rule->required_any / required_at_start from rule->pattern.
void SetPrefilter(ChromeRule* rule);

class ChromeClassifier {
 public:
  static StatusOr<std::shared_ptr<const ChromeClassifier>> Load(const std::string& path);

  // rows: {reason, max_words, pattern}; `origin` names them in errors.
  static StatusOr<std::shared_ptr<const ChromeClassifier>> FromRows(
      const std::vector<std::vector<std::string>>& rows, const std::string& origin);

  // The reason code if `line` is chrome on its own, else "". Blank lines
  // return "".
  std::string Classify(std::string_view line) const;

  // Like Classify() but also reports the rule that fired (null for the
  // structural rules or no match).
  std::string Classify(std::string_view line, const ChromeRule** rule) const;

  // Like Classify() when the caller already has FoldKey(line).
  std::string ClassifyFolded(std::string_view line, const std::string& key,
                             const ChromeRule** rule = nullptr) const;
  // Same when the caller also has CountWords(key) (`words`).
  std::string ClassifyFolded(std::string_view line, const std::string& key, int words,
                             const ChromeRule** rule = nullptr) const;

  const std::vector<ChromeRule>& rules() const { return rules_; }

 private:
  using Searcher = std::boyer_moore_horspool_searcher<const char*>;
  ChromeClassifier() = default;
  ChromeClassifier(const ChromeClassifier&) = delete;
  ChromeClassifier& operator=(const ChromeClassifier&) = delete;
  // Called once the rules are final: searchers point into rules_' strings.
  void BuildSearchers();
  bool PrefilterPasses(size_t rule_index, const std::string& key) const;
  std::vector<ChromeRule> rules_;
  std::vector<std::vector<Searcher>> searchers_;  // per rule, for unanchored literals
};

// Structural check used by Classify(): "separator", "lone-symbol" or "".
std::string ClassifySymbolsOnly(std::string_view line);

}  // namespace marsad::clean
