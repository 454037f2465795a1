#include "marsad/store/search_query.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <vector>

#include "marsad/store/fts_tokenizer.h"
#include "marsad/tokenize/tokenizer.h"

namespace marsad {

namespace {

constexpr int kMaxDepth = 32;
constexpr size_t kMaxQueryBytes = 4096;

enum class Lex { kWord, kPhrase, kAnd, kOr, kNot, kOpen, kClose };

struct Item {
  Lex kind;
  std::string text;
  bool prefix = false;
};

// ASCII whitespace and control bytes (NUL included) separate words.
bool IsSpace(char c) {
  auto u = static_cast<unsigned char>(c);
  return u <= 0x20 || u == 0x7f;
}

StatusOr<std::vector<Item>> Lexer(std::string_view q) {
  std::vector<Item> items;
  size_t i = 0;
  while (i < q.size()) {
    char c = q[i];
    if (IsSpace(c)) {
      ++i;
    } else if (c == '"') {
      size_t close = q.find('"', i + 1);
      if (close == std::string_view::npos) {
        return InvalidArgument("unbalanced quote in search query: close the phrase with \"");
      }
      items.push_back({Lex::kPhrase, std::string(q.substr(i + 1, close - i - 1))});
      i = close + 1;
    } else if (c == '(') {
      items.push_back({Lex::kOpen, ""});
      ++i;
    } else if (c == ')') {
      items.push_back({Lex::kClose, ""});
      ++i;
    } else {
      size_t j = i;
      while (j < q.size() && !IsSpace(q[j]) && q[j] != '"' && q[j] != '(' && q[j] != ')') ++j;
      std::string word(q.substr(i, j - i));
      i = j;
      if (word == "AND") {
        items.push_back({Lex::kAnd, ""});
      } else if (word == "OR") {
        items.push_back({Lex::kOr, ""});
      } else if (word == "NOT") {
        items.push_back({Lex::kNot, ""});
      } else {
        bool prefix = false;
        while (!word.empty() && word.back() == '*') {
          word.pop_back();
          prefix = true;
        }
        items.push_back({Lex::kWord, std::move(word), prefix});
      }
    }
  }
  return items;
}

bool HasSearchableTerm(std::string_view text) {
  bool any = false;
  FtsTerms(text, FtsMode::kQuery, [&](std::string_view, int, int, bool) { any = true; });
  return any;
}

std::string FtsString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    // FTS5 reads its expression as a C string: a NUL would cut it short.
    out += IsSpace(c) ? ' ' : c;
  }
  out += '"';
  return out;
}

// The single query term of `text`, or "" when it has none or several.
std::string SingleTerm(std::string_view text) {
  std::string term;
  int n = 0;
  FtsTerms(text, FtsMode::kQuery, [&](std::string_view t, int, int, bool) {
    if (++n == 1) term = std::string(t);
  });
  return n == 1 ? term : std::string();
}

// Recursive descent over the lexed items; an empty result string means the
// sub-expression had no searchable words (it is dropped, not an error).
class Parser {
 public:
  Parser(std::vector<Item> items, const QueryStopwords* stopwords)
      : items_(std::move(items)), stopwords_(stopwords) {}

  StatusOr<std::string> Parse() {
    std::string out;
    MARSAD_RETURN_IF_ERROR(ParseOr(0, &out));
    if (pos_ < items_.size()) {
      if (items_[pos_].kind == Lex::kClose) {
        return InvalidArgument("unbalanced ')' in search query");
      }
      return InvalidArgument("cannot parse the search query near item " + std::to_string(pos_ + 1));
    }
    if (out.empty()) return InvalidArgument("the search query has no searchable words");
    return out;
  }

 private:
  bool At(Lex k) const { return pos_ < items_.size() && items_[pos_].kind == k; }
  bool AtPrimary() const { return At(Lex::kWord) || At(Lex::kPhrase) || At(Lex::kOpen); }

  // "(a OP b OP c)" over the non-empty parts (a part is empty when its words
  // normalized to nothing); one part is returned as it is.
  static std::string Flat(const std::vector<std::string>& parts, const char* op) {
    std::vector<const std::string*> kept;
    for (const std::string& p : parts) {
      if (!p.empty()) kept.push_back(&p);
    }
    if (kept.empty()) return "";
    if (kept.size() == 1) return *kept[0];
    std::string out = "(";
    for (size_t i = 0; i < kept.size(); ++i) {
      if (i > 0) out += std::string(" ") + op + " ";
      out += *kept[i];
    }
    return out + ")";
  }

  Status ParseOr(int depth, std::string* out) {
    // Chains are emitted flat ("(a OR b OR c)"): FTS5's parser overflows its
    // stack on a few hundred nested parentheses (a pasted paragraph).
    std::vector<std::string> parts(1);
    MARSAD_RETURN_IF_ERROR(ParseAnd(depth, &parts[0]));
    while (At(Lex::kOr)) {
      ++pos_;
      if (!AtPrimary()) return InvalidArgument("OR needs a word or phrase on both sides");
      parts.emplace_back();
      MARSAD_RETURN_IF_ERROR(ParseAnd(depth, &parts.back()));
    }
    *out = Flat(parts, "OR");
    return Status::Ok();
  }

  Status ParseAnd(int depth, std::string* out) {
    if (At(Lex::kAnd) || At(Lex::kOr)) {
      return InvalidArgument(std::string(At(Lex::kAnd) ? "AND" : "OR") +
                             " needs a word or phrase on both sides");
    }
    if (At(Lex::kNot)) {
      return InvalidArgument("NOT needs something to exclude from: write `a NOT b`");
    }
    std::vector<std::string> parts(1);
    // Parts that are a function word joined without an explicit operator.
    std::vector<bool> optional(1, ImplicitStopword(false));
    MARSAD_RETURN_IF_ERROR(ParseNot(depth, &parts[0]));
    while (At(Lex::kAnd) || AtPrimary()) {
      bool explicit_and = At(Lex::kAnd);
      if (explicit_and) {
        ++pos_;
        if (!AtPrimary()) return InvalidArgument("AND needs a word or phrase on both sides");
        optional.back() = false;  // "في AND x": the user asked for it
      }
      optional.push_back(ImplicitStopword(explicit_and));
      parts.emplace_back();
      MARSAD_RETURN_IF_ERROR(ParseNot(depth, &parts.back()));
    }
    std::vector<std::string> required;
    for (size_t i = 0; i < parts.size(); ++i) {
      if (!optional[i] && !parts[i].empty()) required.push_back(parts[i]);
    }
    *out = required.empty() ? Flat(parts, "AND") : Flat(required, "AND");
    return Status::Ok();
  }

  // True when the item at pos_ is a plain word of the stopword list that is
  // not tied to its neighbours by an operator (`explicit_and`: an AND before
  // it; NOT or AND after it).
  bool ImplicitStopword(bool explicit_and) const {
    if (stopwords_ == nullptr || explicit_and || !At(Lex::kWord)) return false;
    const Item& item = items_[pos_];
    if (item.prefix || !stopwords_->Contains(item.text)) return false;
    if (pos_ > 0 && (items_[pos_ - 1].kind == Lex::kOr || items_[pos_ - 1].kind == Lex::kNot)) return false;
    if (pos_ + 1 < items_.size()) {
      Lex next = items_[pos_ + 1].kind;
      if (next == Lex::kNot || next == Lex::kAnd || next == Lex::kOr) return false;
    }
    return true;
  }

  Status ParseNot(int depth, std::string* out) {
    MARSAD_RETURN_IF_ERROR(ParsePrimary(depth, out));
    std::vector<std::string> excluded;
    while (At(Lex::kNot)) {
      ++pos_;
      if (!AtPrimary()) return InvalidArgument("NOT needs a word or phrase after it");
      std::string rhs;
      MARSAD_RETURN_IF_ERROR(ParsePrimary(depth, &rhs));
      if (out->empty() && !rhs.empty()) {
        return InvalidArgument("NOT needs something to exclude from: write `a NOT b`");
      }
      if (!rhs.empty()) excluded.push_back(std::move(rhs));
    }
    if (!excluded.empty()) {
      // Flat and left-associative in FTS5: "(a NOT b NOT c)".
      std::string flat = "(" + *out;
      for (const std::string& e : excluded) flat += " NOT " + e;
      *out = flat + ")";
    }
    return Status::Ok();
  }

  Status ParsePrimary(int depth, std::string* out) {
    out->clear();
    if (pos_ >= items_.size()) return InvalidArgument("the search query ends too early");
    const Item& item = items_[pos_];
    switch (item.kind) {
      case Lex::kWord:
      case Lex::kPhrase:
        ++pos_;
        if (HasSearchableTerm(item.text)) {
          *out = FtsString(item.text);
          if (item.prefix) *out += " *";
        }
        return Status::Ok();
      case Lex::kOpen: {
        if (depth >= kMaxDepth) return InvalidArgument("the search query is nested too deeply");
        ++pos_;
        if (At(Lex::kClose)) {
          ++pos_;
          return Status::Ok();  // "()" : nothing to search
        }
        MARSAD_RETURN_IF_ERROR(ParseOr(depth + 1, out));
        if (!At(Lex::kClose)) return InvalidArgument("unbalanced '(' in search query");
        ++pos_;
        return Status::Ok();
      }
      case Lex::kClose:
        return InvalidArgument("unbalanced ')' in search query");
      case Lex::kAnd:
      case Lex::kOr:
      case Lex::kNot:
        return InvalidArgument("two operators in a row in the search query");
    }
    return Internal("unreachable");
  }

  std::vector<Item> items_;
  const QueryStopwords* stopwords_;
  size_t pos_ = 0;
};

}  // namespace

QueryStopwords::QueryStopwords(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    std::string term = SingleTerm(w);
    if (!term.empty()) terms_.insert(std::move(term));
  }
}

StatusOr<QueryStopwords> QueryStopwords::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound("cannot read " + path);
  std::vector<std::string> words;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::string word = line.substr(0, line.find('\t'));
    if (!word.empty() && word != "word") words.push_back(std::move(word));
  }
  return QueryStopwords(words);
}

bool QueryStopwords::Contains(std::string_view word) const {
  if (terms_.empty()) return false;
  std::string term = SingleTerm(word);
  return !term.empty() && terms_.count(term) > 0;
}

StatusOr<std::string> CompileSearchQuery(std::string_view query, const QueryStopwords* stopwords) {
  if (query.size() > kMaxQueryBytes) {
    return InvalidArgument("the search query is too long (over " + std::to_string(kMaxQueryBytes) +
                           " bytes)");
  }
  auto items = Lexer(query);
  if (!items.ok()) return items.status();
  if (items->empty()) return InvalidArgument("the search query is empty");
  return Parser(std::move(items.value()), stopwords).Parse();
}

QueryHighlighter::QueryHighlighter(std::string_view query, const QueryStopwords* stopwords) {
  if (query.size() > kMaxQueryBytes) return;
  auto items = Lexer(query);
  if (!items.ok()) return;
  std::vector<const Item*> words;
  bool other = false;
  for (const Item& item : *items) {
    if (item.kind != Lex::kWord && item.kind != Lex::kPhrase) continue;
    words.push_back(&item);
    other = other || stopwords == nullptr || item.kind == Lex::kPhrase || !stopwords->Contains(item.text);
  }
  for (const Item* item : words) {
    if (other && stopwords != nullptr && item->kind == Lex::kWord && !item->prefix &&
        stopwords->Contains(item->text)) {
      continue;
    }
    FtsTerms(item->text, item->prefix ? FtsMode::kPrefixQuery : FtsMode::kQuery,
             [&](std::string_view t, int, int, bool) {
               if (item->prefix) {
                 prefixes_.emplace_back(t);
               } else {
                 terms_.emplace(t);
               }
             });
  }
}

bool QueryHighlighter::Marks(std::string_view norm, std::string_view stem) const {
  if (terms_.empty() && prefixes_.empty()) return false;
  // The index holds each word as its stem and its full matching form.
  if (terms_.count(stem.empty() ? norm : stem) || (!norm.empty() && terms_.count(norm))) return true;
  for (const std::string& p : prefixes_) {
    if (norm.substr(0, p.size()) == p || stem.substr(0, p.size()) == p) return true;
  }
  return false;
}

namespace {

bool Searchable(const Token& t) {
  return t.kind != TokenKind::kPunct && t.kind != TokenKind::kSymbol && !(t.norm.empty() && t.stem.empty());
}

// Appends text to parts, merging with the previous part of the same kind.
void AddPart(std::vector<TextPart>& parts, std::string_view text, bool match) {
  if (text.empty()) return;
  if (!parts.empty() && parts.back().match == match) {
    parts.back().text += text;
  } else {
    parts.push_back({std::string(text), match});
  }
}

// Parts of text[from, to) with the marked tokens among `tokens`.
void AddSpan(std::vector<TextPart>& parts, std::string_view text, const std::vector<Token>& tokens,
             const std::vector<char>& marked, size_t first, size_t last, size_t from, size_t to) {
  size_t at = from;
  for (size_t i = first; i < last; ++i) {
    if (!marked[i]) continue;
    auto b = static_cast<size_t>(tokens[i].span.start), e = static_cast<size_t>(tokens[i].span.end);
    if (b < at || e > to) continue;
    AddPart(parts, text.substr(at, b - at), false);
    AddPart(parts, text.substr(b, e - b), true);
    at = e;
  }
  if (to > at) AddPart(parts, text.substr(at, to - at), false);
}

}  // namespace

std::vector<TextPart> QueryHighlighter::Highlight(std::string_view text) const {
  std::vector<TextPart> parts;
  std::vector<Token> tokens = Tokenize(text, {});
  std::vector<char> marked(tokens.size(), 0);
  for (size_t i = 0; i < tokens.size(); ++i) marked[i] = Searchable(tokens[i]) && Marks(tokens[i].norm, tokens[i].stem);
  AddSpan(parts, text, tokens, marked, 0, tokens.size(), 0, text.size());
  return parts;
}

namespace {

// The searchable tokens of text[from, to), spans into `text`.
std::vector<Token> SearchableTokens(std::string_view text, size_t from, size_t to) {
  std::vector<Token> out;
  for (Token& t : Tokenize(text.substr(from, to - from), {})) {
    if (!Searchable(t)) continue;
    t.span.start += static_cast<int32_t>(from);
    t.span.end += static_cast<int32_t>(from);
    out.push_back(std::move(t));
  }
  return out;
}

bool HasTextIn(std::string_view text, size_t from, size_t to) {
  return from < to && text.substr(from, to - from).find_first_not_of(" \t\r\n") != std::string_view::npos;
}

constexpr std::string_view kSpace = " \t\r\n";

}  // namespace

std::vector<TextPart> QueryHighlighter::Snippet(std::string_view text, int words,
                                                std::string_view ellipsis) const {
  const auto n = static_cast<size_t>(std::max(words, 1));
  // `n` words from a quarter of them before the first marked token (the
  // start when none is marked); empty when the window is short of words.
  auto cut = [&](const std::vector<Token>& tokens, bool need_match, bool need_words) {
    std::vector<TextPart> parts;
    std::vector<char> marked(tokens.size(), 0);
    size_t first = tokens.size();
    for (size_t i = 0; i < tokens.size(); ++i) {
      marked[i] = Marks(tokens[i].norm, tokens[i].stem);
      if (marked[i] && first == tokens.size()) first = i;
    }
    if (tokens.empty() || (need_match && first == tokens.size())) return parts;
    if (first == tokens.size()) first = 0;
    size_t start = first > n / 4 ? first - n / 4 : 0;
    size_t end = std::min(tokens.size(), start + n);
    // A window cut from the middle of a text must hold all n words.
    if (need_words && end - start < n) return parts;
    if (end - start < n) start = end > n ? end - n : 0;
    auto b = static_cast<size_t>(tokens[start].span.start), e = static_cast<size_t>(tokens[end - 1].span.end);
    if (HasTextIn(text, 0, b)) AddPart(parts, ellipsis, false);
    AddSpan(parts, text, tokens, marked, start, end, b, e);
    if (HasTextIn(text, e, text.size())) AddPart(parts, ellipsis, false);
    return parts;
  };
  // Fast path: the first place a query term occurs verbatim (most hits
  // spell the name as the query does), tokenized a few words around.
  size_t p = std::string_view::npos;
  for (const std::string& t : terms_) p = std::min(p, text.find(t));
  for (const std::string& t : prefixes_) p = std::min(p, text.find(t));
  if (p != std::string_view::npos) {
    size_t from = p;
    // n words back: a match near the end takes its words from before it.
    for (size_t k = 0; k < n + 2 && from > 0; ++k) {
      size_t q = text.find_last_of(kSpace, from - 1);
      from = q == std::string_view::npos ? 0 : q;
    }
    size_t to = p;
    for (size_t k = 0; k < n + 2 && to < text.size(); ++k) {
      size_t q = text.find_first_of(kSpace, to + 1);
      to = q == std::string_view::npos ? text.size() : q;
    }
    auto parts = cut(SearchableTokens(text, from, to), /*need_match=*/true, /*need_words=*/to < text.size());
    if (!parts.empty()) return parts;
  }
  // A prefix, then the whole text when the prefix has no match.
  constexpr size_t kPrefixBytes = 2048;
  if (text.size() > kPrefixBytes) {
    size_t end = text.find_first_of(kSpace, kPrefixBytes);
    if (end != std::string_view::npos) {
      auto parts = cut(SearchableTokens(text, 0, end), /*need_match=*/true, /*need_words=*/true);
      if (!parts.empty()) return parts;
    }
  }
  return cut(SearchableTokens(text, 0, text.size()), /*need_match=*/false, /*need_words=*/false);
}

}  // namespace marsad
