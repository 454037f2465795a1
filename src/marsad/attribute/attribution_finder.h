// AttributionFinder: reported speech and sourcing in Arabic news text.
//
// Finds who says what: speech verbs (قال، أفاد، أكد، أعلن، نفى ...), their
// circumstantial participles (مشيرا إلى أن), prepositional cues (بحسب، حسب،
// وفق، نقلا عن، على لسان), relays ("نقلت X عن Y"), headline sources
// ("مصادر عسكرية: ..."), and source footers (المصدر: ...). Each Attribution
// links a speaker (an entity id when the entity layer names it, else the
// speaker phrase itself, e.g. "مصادر ميدانية") to the byte span of content
// it covers, with its stance ("asserts" or "denies").
//
// Chains: Attribution::parent is the index of the attribution through which
// this one reached the reader (its relayer): "نقلت رويترز عن مصادر أمنية ..."
// gives the sources' attribution parent = Reuters'. AddChain() adds the
// document's outlet and wire agencies as the outermost links, so that every
// attribution's chain ends at the outlet: outlet <- wire <- speaker.
//
//   auto finder = AttributionFinder::Load(DataDir());
//   std::vector<Attribution> a = (*finder)->Find({body, &tokens, &entities});
//   AttributionFinder::AddChain(doc.outlet, doc.wires, body.size(), &a);
//
// Lexicons: data/attribution/{cues,sources,function_words}.tsv.
// Thread-safety: immutable after Load(); Find() may run concurrently.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/common/status.h"
#include "marsad/document/document.h"

namespace marsad {

class AttributionFinder {
 public:
  struct Input {
    std::string_view body;
    const std::vector<Token>* tokens = nullptr;     // required; spans into body
    const std::vector<Entity>* entities = nullptr;  // optional: speakers become entity ids
  };

  // Loads the lists under <data_dir>/attribution/.
  static StatusOr<std::shared_ptr<const AttributionFinder>> Load(const std::string& data_dir);

  // Attributions found in the text, in order of their cue, with `parent`
  // set for relays and nested sources (indices into the returned vector).
  std::vector<Attribution> Find(const Input& in) const;

  // Prepends the outlet (cue "outlet") and the wires (cue "wire", parent =
  // outlet) as attributions covering the whole body [0, body_size), shifts
  // the parents of `atts` and links each top-level attribution to the
  // single wire (or to the outlet when there are none or several).
  static void AddChain(const std::optional<OutletRef>& outlet, const std::vector<std::string>& wires,
                       size_t body_size, std::vector<Attribution>* atts);

  // A news source named in the article's dateline: "عدن - سبأ:", "دمشق
  // (سانا) -", "بنغازي 6 يناير 2020 (وال) -". The dateline is the body's
  // first words: up to eight words (a place, a date) before a dash or an
  // opening bracket, then one to four words closed by a colon, a dash or a
  // closing bracket. The name is resolved to a knowledge-base id through a
  // media entity of the entity layer inside it, else through the short names
  // of data/attribution/dateline_sources.tsv (سبأ، وال). Null when the body
  // has no such dateline or the name is unknown.
  struct DatelineSource {
    std::string id;    // knowledge-base id of the outlet or agency
    std::string text;  // the name as written
    Span span;         // of the name in the body
  };
  std::optional<DatelineSource> FindDatelineSource(const Input& in) const;

  // Adds the dateline source (if any, when `wires` is empty and it is not
  // the outlet) as a wire of the chain: AddChain() with it among `wires`, its
  // attribution then gets cue "dateline" and the name's span as cue_span.
  static void AddChainWithDateline(const std::optional<OutletRef>& outlet, std::vector<std::string> wires,
                                   const std::optional<DatelineSource>& dateline, size_t body_size,
                                   std::vector<Attribution>* atts);

  // The chain of an attribution, outermost first (outlet, wire, ..., i).
  static std::vector<int32_t> Chain(const std::vector<Attribution>& atts, int32_t i);

  // True if `norm` (matching form, clitics included) is a complementizer
  // that opens reported content (أن، إن، بأن، أنه ...).
  bool IsComplementizer(std::string_view norm) const;

  enum class CueKind { kVerb, kParticiple, kPrep, kFooter, kRelay };
  struct Cue {
    CueKind kind;
    bool denies = false;
  };

 private:
  AttributionFinder() = default;
  const Cue* LookupCue(const Token& t) const;

  std::unordered_map<std::string, Cue> cues_;
  std::unordered_map<std::string, int> words_;  // 1 complementizer, 2 stop, 3 pronoun
  std::unordered_map<std::string, bool> source_heads_;
  // Common given names (data/ner/given_names.tsv): after a spokesman's body a
  // given name and the next word are the spokesman's name.
  std::unordered_map<std::string, bool> given_names_;
  std::unordered_map<std::string, std::string> dateline_names_;  // matching form -> KB id
};

}  // namespace marsad
