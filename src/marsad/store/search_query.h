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
