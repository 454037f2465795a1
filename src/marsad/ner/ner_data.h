// Reading CoNLL/Wojood-style NER data, converting BIO tags to spans, and
// entity-level scoring (conlleval-style: a predicted entity counts only if
// its span and type both match a gold entity exactly).
//
//   auto sents = ReadNerConll("train.txt");          // StatusOr<std::vector<NerSentence>>
//   NerScorer scorer;
//   scorer.Add(gold_spans, predicted_spans);
//   std::printf("%s", scorer.Report().c_str());
//
// Tag rule for nested (Wojood) data: each token line is
//   WORD TAG [TAG ...]
// where the tags list the token's entity at each nesting level, outermost
// first. We keep, per token, the FIRST tag (outermost) whose type is one of
// the kept types (default PERS, ORG, GPE, LOC, FAC); all other types map to
// O. So "secretary of [the Arab national committee]ORG in [Nablus]GPE",
// annotated as one OCC span with nested ORG and GPE, yields ORG and GPE;
// "[Security Council against [Assad]PERS]ORG" yields the single ORG. An I-X
// that does not continue an X entity (the outer level was dropped) is
// repaired to B-X. Blank lines separate sentences.
//
// Thread-safety: free functions are thread-safe; NerScorer is a plain value.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "marsad/common/status.h"

namespace marsad {

// One entity over a token range [first, last) of a sentence.
struct NerSpan {
  size_t first = 0;
  size_t last = 0;   // exclusive
  std::string type;  // "PERS", "ORG", "GPE", "LOC", "FAC"
  float score = 0;   // model confidence in (0, 1); 1 for gold
  bool operator==(const NerSpan& o) const { return first == o.first && last == o.last && type == o.type; }
};

struct NerSentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;  // flat BIO2 over the kept types: "O", "B-GPE", "I-GPE"
};

// The entity types the recognizer is trained and scored on.
const std::vector<std::string>& DefaultNerTypes();

// Parses CoNLL text as described above. Lines with no tag get "O". Never
// fails on content; malformed tags are treated as O.
std::vector<NerSentence> ParseNerConll(std::string_view text,
                                       const std::vector<std::string>& types = DefaultNerTypes());

// Reads and parses a file; IoError if it cannot be read.
StatusOr<std::vector<NerSentence>> ReadNerConll(const std::string& path,
                                                const std::vector<std::string>& types = DefaultNerTypes());

// Entity spans of a BIO2 tag sequence (conlleval chunking: an I-X after O or
// after another type starts a new X entity).
std::vector<NerSpan> SpansFromBio(const std::vector<std::string>& tags);

// Entity-level precision / recall / F1 per type and micro-averaged.
class NerScorer {
 public:
  struct Counts {
    long tp = 0, fp = 0, fn = 0;
    double Precision() const { return tp + fp ? 100.0 * tp / (tp + fp) : 0.0; }
    double Recall() const { return tp + fn ? 100.0 * tp / (tp + fn) : 0.0; }
    double F1() const {
      double p = Precision(), r = Recall();
      return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
  };

  // Adds one sentence's gold and predicted entities.
  void Add(const std::vector<NerSpan>& gold, const std::vector<NerSpan>& predicted);

  Counts Micro() const;
  Counts ForType(const std::string& type) const;
  std::vector<std::string> Types() const;  // every type seen, sorted

  // A table: type, gold, predicted, P, R, F1, then the micro line.
  std::string Report() const;

 private:
  std::vector<std::pair<std::string, Counts>> by_type_;
  Counts* Get(const std::string& type);
};

}  // namespace marsad
