// EntityMatcher: finds mentions of knowledge-base names in tokenized text.
//
//   auto kb = KnowledgeBase::Load(DataDir());
//   EntityMatcher matcher(*kb);                 // compiles once
//   std::vector<KbMatch> m = matcher.Match(doc.tokens);
//
// Longest match over word keys (see keys.h): clitics on the first word
// (وداعش، لقسد، بالبوكمال), the article on every word, quotes between words
// (فيلق "القدس"), split and joined spellings (البو كمال = البوكمال,
// أميرعبد اللهيان), and one misspelled word in a known multi-word name
// (قاسيم سليماني) when the word has 5+ letters, is not a stop word and is not
// itself a known name. Names that are stop words alone never match. A match
// may carry several candidate entities (الميادين: channel and city); the
// linker decides (see linker.h).
//
// Thread-safety: immutable after construction; Match() is safe to call
// concurrently. The matcher keeps a shared_ptr to the knowledge base.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "marsad/document/document.h"
#include "marsad/recognize/knowledge_base.h"

namespace marsad {

struct KbMatch {
  int32_t first_token = 0;  // index of the first token of the mention
  int32_t end_token = 0;    // one past the last token
  std::vector<int32_t> candidates;  // indexes into KnowledgeBase::entities()
  int32_t stripped = 0;     // letters removed from the first token (clitics and article)
  int32_t clitic_letters = 0;  // of which proclitics before the article (و ب ل ك ف)
  char clitic = 0;          // 'b' 'l' 'k' (ب ل ك) or 'w' (و ف) glued to the first token, else 0
  bool fuzzy = false;       // one word matched within edit distance 1
  bool joined = false;      // a split or joined spelling was bridged
};

class EntityMatcher {
 public:
  explicit EntityMatcher(std::shared_ptr<const KnowledgeBase> kb);

  // Non-overlapping matches in token order. `tokens` need span, kind and norm.
  std::vector<KbMatch> Match(const std::vector<Token>& tokens) const;

  const KnowledgeBase& kb() const { return *kb_; }
  // Number of distinct alias paths compiled (for diagnostics and tests).
  size_t alias_count() const { return alias_count_; }

  // True if a token is a quote or bracket that may sit inside a name.
  static bool IsSkippable(const Token& t);

 private:
  struct SvHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using KeyMap = std::unordered_map<std::string, int32_t, SvHash, std::equal_to<>>;
  struct Node {
    std::vector<std::pair<std::string, int32_t>> children;
    std::vector<int32_t> entities;
    // Parallel to entities: bit 1 if some alias ending here was keyed by
    // removing the article of its first word (الرقة), bit 0 if some alias
    // was keyed as written (حماة, داعش). A text word reaches an entity only
    // with the same article status: الحماة "the protectors" is not حماة,
    // ورقة "and a sheet" is not الرقة, but والرقة and بحماة are.
    std::vector<uint8_t> article_mask;
  };
  struct Path {
    int32_t node = -1;
    int32_t next = 0;  // next token index
    bool fuzzy = false;
    bool joined = false;
    bool anchored = false;  // a distinctive (non stop word) word matched exactly
  };

  void AddAlias(const std::vector<std::string>& words, int32_t entity);
  void InsertPath(const std::vector<std::string>& keys, int32_t entity, bool article);
  int32_t Child(int32_t node, std::string_view key) const;
  int32_t NextWord(const std::vector<Token>& tokens, int32_t j) const;
  void Extend(const std::vector<Token>& tokens, Path p, int32_t depth,
              std::vector<Path>* done) const;
  bool FuzzyAllowed(std::string_view text_key) const;

  std::shared_ptr<const KnowledgeBase> kb_;
  std::vector<Node> nodes_;  // nodes_[0] is the root; its children live in root_
  KeyMap root_;
  // Deletion variants of first words of multi-word names -> those first words.
  std::unordered_map<std::string, std::vector<std::string>, SvHash, std::equal_to<>> root_deletes_;
  // Keys of non-first words of multi-word names (gate for fuzzy first words).
  std::unordered_set<std::string, SvHash, std::equal_to<>> later_keys_;
  size_t alias_count_ = 0;
};

}  // namespace marsad
