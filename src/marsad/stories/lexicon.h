// Knowledge the story comparison reads from data/ (reviewable TSV):
//   framing/terms.tsv       concept -> terms outlets use for it
//   framing/sides.tsv       entity -> side of the war (for control claims)
//   framing/claim_cues.tsv  leadership / operation / completeness cues
//   kb/relations.tsv        memberships that extend sides and leaders
// Phrases are matched on token stems (tokenize/LightStem), longest first.
//
// Thread-safety: immutable after Load; Find* are const and thread-safe.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "marsad/common/status.h"
#include "marsad/document/document.h"

namespace marsad::stories {

struct Phrase {
  std::string kind;     // framing: the concept; cues: the cue kind
  std::string text;     // as written in the TSV
  std::string gloss;
  std::string extra;    // framing: connotation; cues: position
  std::vector<std::string> stems;
};

struct PhraseHit {
  int phrase = -1;      // index into the lexicon's phrases
  size_t first = 0;     // token range [first, last)
  size_t last = 0;
};

// Longest-match, non-overlapping phrase matcher over token stems. A verb cue
// (extra == "verb") also matches a token whose stem starts with the cue's
// stem and has at most 3 more bytes... (inflections: قاد -> قادت، يقود -> يقودها).
class PhraseMatcher {
 public:
  void Add(Phrase p);
  std::vector<PhraseHit> Find(const std::vector<Token>& tokens, size_t begin = 0,
                              size_t end = static_cast<size_t>(-1)) const;
  const std::vector<Phrase>& phrases() const { return phrases_; }

 private:
  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, std::vector<int>> by_first_;
};

class StoryLexicon {
 public:
  // Reads the files above from `data_dir` (marsad::DataDir() when empty).
  // A missing framing/ file is an error (kNotFound); a missing relations
  // file only loses the extension of sides.
  static StatusOr<StoryLexicon> Load(const std::string& data_dir = "");

  const PhraseMatcher& framing() const { return framing_; }
  const PhraseMatcher& cues() const { return cues_; }
  // Side of an entity ("" if unknown), through relations if not listed.
  std::string SideOf(const std::string& entity_id) const;
  // The organization a person leads or belongs to ("" if none known), else the id itself
  // for organizations.
  std::string OrganizationOf(const std::string& entity_id) const;
  // True if a is b, or a is (transitively) part of / member of / led by b, or the reverse.
  bool SameChain(const std::string& a, const std::string& b) const;
  std::vector<std::string> Concepts() const;

 private:
  PhraseMatcher framing_, cues_;
  std::unordered_map<std::string, std::string> sides_;
  std::unordered_multimap<std::string, std::string> up_;  // entity -> parent (part_of, member_of, leader_of, backed_by)
};

}  // namespace marsad::stories
