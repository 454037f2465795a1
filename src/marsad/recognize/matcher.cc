#include "marsad/recognize/matcher.h"

#include <algorithm>

#include "marsad/recognize/keys.h"
#include "marsad/tokenize/tokenizer.h"

namespace marsad {
namespace {

using recognize_internal::CanonicalKey;
using recognize_internal::CodePoints;
using recognize_internal::ComputeWordForms;
using recognize_internal::WithinEditDistance1;
using recognize_internal::WordForms;

constexpr int kMaxAliasWords = 12;
constexpr int kMinFuzzyLetters = 5;  // the longer of the two words
constexpr int kMaxSplitPiece = 3;    // a split spelling has a piece of <= 3 letters

bool IsWord(const Token& t) {
  return t.kind == TokenKind::kArabic || t.kind == TokenKind::kLatin ||
         t.kind == TokenKind::kNumber;
}

// Deletion variants (one code point removed) of a UTF-8 string.
std::vector<std::string> Deletions(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    std::string d(s.substr(0, i));
    d.append(s.substr(i + n));
    out.push_back(std::move(d));
    i += n;
  }
  return out;
}

}  // namespace

bool EntityMatcher::IsSkippable(const Token& t) {
  if (t.kind != TokenKind::kPunct && t.kind != TokenKind::kSymbol) return false;
  std::string_view n = t.norm.empty() ? std::string_view() : std::string_view(t.norm);
  return n == "\"" || n == "'" || n == "\xC2\xAB" || n == "\xC2\xBB" ||  // « »
         n == "\xE2\x80\x9C" || n == "\xE2\x80\x9D" || n == "\xE2\x80\x9E" ||  // “ ” „
         n == "\xE2\x80\x98" || n == "\xE2\x80\x99" || n == "`" || n == "(" || n == ")";
}

EntityMatcher::EntityMatcher(std::shared_ptr<const KnowledgeBase> kb) : kb_(std::move(kb)) {
  nodes_.emplace_back();
  const auto& ents = kb_->entities();
  for (int32_t e = 0; e < static_cast<int32_t>(ents.size()); ++e) {
    std::vector<const std::string*> names = {&ents[e].name_ar, &ents[e].name_en};
    for (const auto& a : ents[e].aliases_ar) names.push_back(&a);
    for (const auto& a : ents[e].aliases_en) names.push_back(&a);
    for (const std::string* name : names) {
      if (name->empty()) continue;
      std::vector<std::string> words;
      for (const Token& t : Tokenize(*name)) {
        if (IsWord(t) && !t.norm.empty()) words.push_back(t.norm);
      }
      if (!words.empty() && static_cast<int>(words.size()) <= kMaxAliasWords) AddAlias(words, e);
    }
  }
}

void EntityMatcher::AddAlias(const std::vector<std::string>& words, int32_t entity) {
  // The first word is keyed without its article; later words keep theirs
  // (حركة مقاومة إسلامية is not حركة المقاومة الإسلامية).
  std::vector<std::string> keys;
  for (const auto& w : words) keys.emplace_back(keys.empty() ? CanonicalKey(w) : w);
  bool article = keys[0] != words[0];
  if (keys.size() == 1) {
    // A lone name must be distinctive: not a stop word, at least 3 letters
    // (Latin acronyms included: "sdf", "ypg").
    // A common word keeps its article: الحشد is the PMF, حشد is "massing".
    if (kb_->IsStopword(keys[0])) {
      if (keys[0] == words[0] || kb_->IsStopword(words[0])) return;
      keys[0] = words[0];  // keyed as written, article included
      article = false;
    }
    if (CodePoints(keys[0]) < 3) return;
    InsertPath(keys, entity, article);
    return;
  }
  InsertPath(keys, entity, article);
  // Joined spellings: each adjacent pair written as one word.
  for (size_t k = 0; k + 1 < keys.size(); ++k) {
    std::vector<std::string> joined;
    for (size_t i = 0; i < keys.size(); ++i) {
      if (i == k) {
        joined.push_back(keys[k] + words[k + 1]);  // keys[k+1] == words[k+1]
        ++i;
      } else {
        joined.push_back(keys[i]);
      }
    }
    if (joined.size() > 1 || !kb_->IsStopword(joined[0])) InsertPath(joined, entity, article);
  }
  // Fuzzy gate for a misspelled first word.
  if (CodePoints(keys[0]) >= kMinFuzzyLetters - 1 && !kb_->IsStopword(keys[0])) {
    auto& self = root_deletes_[keys[0]];
    if (std::find(self.begin(), self.end(), keys[0]) == self.end()) self.push_back(keys[0]);
    for (auto& d : Deletions(keys[0])) {
      auto& v = root_deletes_[d];
      if (std::find(v.begin(), v.end(), keys[0]) == v.end()) v.push_back(keys[0]);
    }
    for (size_t i = 1; i < keys.size(); ++i) later_keys_.insert(keys[i]);
  }
}

void EntityMatcher::InsertPath(const std::vector<std::string>& keys, int32_t entity,
                               bool article) {
  int32_t node = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    int32_t next = -1;
    if (i == 0) {
      auto it = root_.find(keys[0]);
      if (it != root_.end()) next = it->second;
    } else {
      next = Child(node, keys[i]);
    }
    if (next < 0) {
      next = static_cast<int32_t>(nodes_.size());
      nodes_.emplace_back();
      if (i == 0) root_.emplace(keys[0], next);
      else nodes_[node].children.emplace_back(keys[i], next);
    }
    node = next;
  }
  auto& ents = nodes_[node].entities;
  auto it = std::find(ents.begin(), ents.end(), entity);
  if (it == ents.end()) {
    ents.push_back(entity);
    nodes_[node].article_mask.push_back(article ? 2 : 1);
    ++alias_count_;
  } else {
    nodes_[node].article_mask[it - ents.begin()] |= article ? 2 : 1;
  }
}

int32_t EntityMatcher::Child(int32_t node, std::string_view key) const {
  for (const auto& [k, c] : nodes_[node].children) {
    if (k == key) return c;
  }
  return -1;
}

int32_t EntityMatcher::NextWord(const std::vector<Token>& tokens, int32_t j) const {
  const int32_t n = static_cast<int32_t>(tokens.size());
  int skipped = 0;
  while (j < n && skipped < 2 && IsSkippable(tokens[j])) ++j, ++skipped;
  if (j < n && IsWord(tokens[j])) return j;
  return -1;
}

bool EntityMatcher::FuzzyAllowed(std::string_view key) const {
  if (CodePoints(key) < kMinFuzzyLetters - 1) return false;
  if (kb_->IsStopword(key)) return false;
  return root_.find(key) == root_.end();  // a known name is never a misspelling of another
}

void EntityMatcher::Extend(const std::vector<Token>& tokens, Path p, int32_t depth,
                           std::vector<Path>* done) const {
  const Node& node = nodes_[p.node];
  // A fuzzy reading needs a distinctive exact word too.
  if (!node.entities.empty() && (!p.fuzzy || p.anchored)) done->push_back(p);
  if (node.children.empty() || depth >= kMaxAliasWords) return;
  int32_t j = NextWord(tokens, p.next);
  if (j < 0) return;
  std::string_view norm = tokens[j].norm;
  int32_t c = Child(p.node, norm);
  if (c >= 0) {
    Extend(tokens, {c, j + 1, p.fuzzy, p.joined, p.anchored || !kb_->IsStopword(norm)},
           depth + 1, done);
  }
  // Split spelling inside a name: this word and the next one joined.
  if (j + 1 < static_cast<int32_t>(tokens.size()) && IsWord(tokens[j + 1]) &&
      (CodePoints(norm) <= kMaxSplitPiece || CodePoints(tokens[j + 1].norm) <= kMaxSplitPiece)) {
    std::string joined(norm);
    joined += tokens[j + 1].norm;
    int32_t jc = Child(p.node, joined);
    if (jc >= 0) Extend(tokens, {jc, j + 2, p.fuzzy, true, true}, depth + 1, done);
  }
  // One misspelled word, never the first of the match (handled in Match),
  // and only next to a distinctive exact word.
  if (!p.fuzzy && p.anchored && FuzzyAllowed(norm)) {
    for (const auto& [k, kc] : node.children) {
      if (std::max(CodePoints(k), CodePoints(norm)) >= kMinFuzzyLetters &&
          WithinEditDistance1(norm, k)) {
        Extend(tokens, {kc, j + 1, true, p.joined, true}, depth + 1, done);
      }
    }
  }
}

std::vector<KbMatch> EntityMatcher::Match(const std::vector<Token>& tokens) const {
  std::vector<KbMatch> out;
  const int32_t n = static_cast<int32_t>(tokens.size());
  std::vector<Path> done;
  WordForms forms;
  std::string joined;    // reused: "<word><next word>" probes
  std::string deletion;  // reused: deletion variants of a word
  struct Start {
    size_t first_done;
    int8_t stripped;
    char clitic;
    int8_t clitic_letters;
    bool article;
  };
  std::vector<Start> starts;  // parallel bookkeeping: which form produced which completions
  int32_t i = 0;
  while (i < n) {
    const Token& t = tokens[i];
    if (!IsWord(t) || t.norm.empty()) {
      ++i;
      continue;
    }
    done.clear();
    starts.clear();
    ComputeWordForms(t.norm, &forms);
    int32_t next_word = (i + 1 < n && IsWord(tokens[i + 1])) ? i + 1 : -1;
    for (int f = 0; f < forms.size; ++f) {
      const auto& form = forms.forms[f];
      size_t before = done.size();
      auto it = root_.find(form.key);
      const bool distinctive = !kb_->IsStopword(form.key);
      if (it != root_.end()) {
        Extend(tokens, {it->second, i + 1, false, false, distinctive}, 1, &done);
      }
      // Split spelling: this word and the next written apart (البو كمال).
      if (next_word >= 0 && distinctive && tokens[next_word].kind == TokenKind::kArabic &&
          !kb_->IsStopword(tokens[next_word].norm)) {
        joined.assign(form.key);
        joined += tokens[next_word].norm;
        auto jt = root_.find(joined);
        if (jt != root_.end()) {
          Extend(tokens, {jt->second, next_word + 1, false, true, true}, 1, &done);
        }
      }
      const int clitic_letters = form.stripped - (form.article ? 2 : 0);
      for (size_t d = before; d < done.size(); ++d) {
        starts.push_back(
            {d, form.stripped, form.clitic, static_cast<int8_t>(clitic_letters), form.article});
      }
    }
    // A misspelled first word of a multi-word name, gated on the next word
    // being a later word of some name.
    if (done.empty() && t.kind == TokenKind::kArabic) {
      int32_t j = NextWord(tokens, i + 1);
      std::string_view canon = CanonicalKey(t.norm);
      if (j >= 0 && later_keys_.count(tokens[j].norm) && FuzzyAllowed(canon) &&
          CodePoints(canon) >= kMinFuzzyLetters - 1) {
        std::vector<std::string_view> firsts;
        auto probe = [&](std::string_view pr) {
          auto it = root_deletes_.find(pr);
          if (it == root_deletes_.end()) return;
          for (const auto& k : it->second) {
            if (std::find(firsts.begin(), firsts.end(), k) == firsts.end() &&
                std::max(CodePoints(k), CodePoints(canon)) >= kMinFuzzyLetters &&
                WithinEditDistance1(canon, k)) {
              firsts.push_back(k);
            }
          }
        };
        // Each deletion variant (one code point removed), then the word.
        for (size_t at = 0; at < canon.size();) {
          size_t len = 1;
          while (at + len < canon.size() && (static_cast<unsigned char>(canon[at + len]) & 0xC0) == 0x80) ++len;
          deletion.assign(canon.substr(0, at));
          deletion.append(canon.substr(at + len));
          probe(deletion);
          at += len;
        }
        probe(canon);
        for (std::string_view k : firsts) {
          auto it = root_.find(k);
          if (it == root_.end()) continue;
          size_t before = done.size();
          std::vector<Path> sub;
          // The rest must match exactly: mark the path fuzzy from the start.
          Extend(tokens, {it->second, i + 1, true, false, false}, 1, &sub);
          for (const Path& p : sub) {
            if (p.next > i + 1) done.push_back(p);  // at least one more (exact) word
          }
          for (size_t d = before; d < done.size(); ++d) starts.push_back({d, 0, 0, 0, false});
        }
      }
    }
    if (done.empty()) {
      ++i;
      continue;
    }
    size_t best = 0;
    auto better = [&](size_t a, size_t b) {  // is starts[a] better than starts[b]
      const Path& pa = done[starts[a].first_done];
      const Path& pb = done[starts[b].first_done];
      if (pa.next != pb.next) return pa.next > pb.next;
      if (pa.fuzzy != pb.fuzzy) return !pa.fuzzy;
      if (starts[a].stripped != starts[b].stripped) return starts[a].stripped < starts[b].stripped;
      return !pa.joined && pb.joined;
    };
    for (size_t s = 1; s < starts.size(); ++s) {
      if (better(s, best)) best = s;
    }
    const Path& p = done[starts[best].first_done];
    KbMatch m;
    m.first_token = i;
    m.end_token = p.next;
    const Node& hit = nodes_[p.node];
    const uint8_t need = starts[best].article ? 2 : 1;
    for (size_t c = 0; c < hit.entities.size(); ++c) {
      if (hit.article_mask[c] & need) m.candidates.push_back(hit.entities[c]);
    }
    if (m.candidates.empty()) {  // e.g. الحماة is not the city حماة
      ++i;
      continue;
    }
    m.stripped = starts[best].stripped;
    m.clitic = starts[best].clitic;
    m.clitic_letters = starts[best].clitic_letters;
    m.fuzzy = p.fuzzy;
    m.joined = p.joined;
    out.push_back(std::move(m));
    i = p.next;
  }
  return out;
}

}  // namespace marsad
