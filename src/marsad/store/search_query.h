// User search syntax, compiled into a safe FTS5 MATCH expression.
//
//   البوكمال دير الزور          both words (implicit AND)
//   "دير الزور"                the phrase
//   البوكمال OR الميادين        either word
//   البوكمال NOT الميادين       the first without the second
//   (البوكمال OR الميادين) داعش  grouping
//   البوك*                     prefix (on the light stem)
//
// Operators are the upper-case ASCII words AND, OR, NOT. Every word or
// phrase is emitted as an FTS5 string token (double quotes doubled), so no
// user byte can reach the FTS5 parser as syntax. Words without any
// searchable token (punctuation only) are dropped. Errors are one line for
// people: unbalanced quotes or parentheses, an operator with nothing on one
// side, a query with no searchable word.
//
// With `stopwords`, a function word (data/search/stopwords.tsv: في "in",
// من "from", ...) among the words of an implicit AND is not required: it is
// in nearly every article and costs the most to rank. It stays inside a
// phrase, next to AND / OR / NOT, as a prefix, and when nothing else is left.
//
// Thread-safety: pure function, thread-safe; QueryStopwords is immutable.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "marsad/common/status.h"

namespace marsad {

class QueryStopwords {
 public:
  // The first column of a TSV file ('#' comments, a "word" header line).
  static StatusOr<QueryStopwords> Load(const std::string& path);
  explicit QueryStopwords(const std::vector<std::string>& words);
  // True when `word` is a single query term of the list.
  bool Contains(std::string_view word) const;

 private:
  std::unordered_set<std::string> terms_;
};

StatusOr<std::string> CompileSearchQuery(std::string_view query,
                                         const QueryStopwords* stopwords = nullptr);

}  // namespace marsad

namespace marsad {

// A part of a text for display: `match` marks a word the query asked for.
struct TextPart {
  std::string text;
  bool match = false;
};

// Marks the words of a search query in titles and bodies of the hits, and
// cuts snippets, with the same Arabic-aware matching as the index (a word
// matches by its light stem or full matching form: بالبوكمال "in
// Al-Bukamal" marks البوكمال; word* marks words beginning with it). Cheaper
// than FTS5's snippet(), which tokenizes the whole body twice per hit: the
// snippet tokenizes a prefix of the body and the rest only when the prefix
// has no match.
//
// Thread-safety: immutable after construction.
class QueryHighlighter {
 public:
  // Every word and phrase of `query` (search syntax above) except the
  // operators; function words of `stopwords` too when the query has others.
  // A query that does not parse marks nothing.
  QueryHighlighter(std::string_view query, const QueryStopwords* stopwords = nullptr);

  // The whole text, matching words marked.
  std::vector<TextPart> Highlight(std::string_view text) const;
  // About `words` words of `text` around the first matching word (the start
  // of the text when none matches), with `ellipsis` parts where it is cut.
  std::vector<TextPart> Snippet(std::string_view text, int words, std::string_view ellipsis = "…") const;

 private:
  bool Marks(std::string_view norm, std::string_view stem) const;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view v) const { return std::hash<std::string_view>{}(v); }
  };
  // Looked up by string_view, per token of every hit: no copies.
  std::unordered_set<std::string, Hash, std::equal_to<>> terms_;
  std::vector<std::string> prefixes_;
};

}  // namespace marsad
