// EntityRecognizer: knowledge-base matching + linking + within-document
// coreference, producing Document::entities.
//
//   auto rec = EntityRecognizer::Create(DataDir());
//   std::vector<Entity> ents = (*rec)->Recognize(doc.body, doc.tokens, doc.title);
//
// Steps (all data-driven, see docs/knowledge-base.md):
//  1. EntityMatcher finds KB names (longest match, clitics, split/joined
//     spellings, guarded misspellings).
//  2. A name shared by several entities (الميادين: channel and city) is
//     decided by context rules (rules/context.tsv: the word before or after,
//     or a glued preposition), then by the same name resolved elsewhere in the
//     document, then, for readings in different countries (طرابلس), by the
//     country the document names most (unlinked if none or a tie), then by
//     rules/priority.tsv. After a kind cue (rules/kind_cues.tsv: حي) a place
//     reading of another kind is dropped. A generic name (rules/generic.tsv:
//     الجيش الوطني) takes the reading of the document's country, or stays
//     unlinked; a name that is also a common noun (rules/common_nouns.tsv:
//     القاعدة) is dropped where the other sense is in sight. Names left
//     unlinked this way become provisional entities (step 4), and statistical
//     spans over them are not relinked by their text.
//  3. Coreference: a person's surname alone (سليماني), or within edit
//     distance 1 of it when 5+ letters (سليمان), links to a person named in
//     full in the same document; nominal short forms (rules/anaphora.tsv:
//     الحركة، التنظيم، الشبكة) link to the most recent fitting entity before.
//  4. External spans (e.g. from a statistical recognizer) that overlap no KB
//     mention become entities: a KB entity if their text is a KB name, else a
//     provisional id "new:<16 hex digits of FNV-1a of the name key>", so the
//     same unknown name gets the same id in every document.
//  5. Entities are ordered by salience: mentions, presence in the title,
//     earliness of the first mention.
// Mention spans are byte offsets into `body`, without glued proclitics
// (وداعش -> داعش).
//
// Thread-safety: immutable after Create; Recognize() is safe concurrently.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/common/status.h"
#include "marsad/document/document.h"
#include "marsad/recognize/knowledge_base.h"
#include "marsad/recognize/matcher.h"

namespace marsad {

// A name found by another recognizer: a byte span into the body and an
// entity type (person, armed_group, place, ...).
struct ExternalSpan {
  Span span;
  std::string type;
};

using ExtraSpansFn = std::function<std::vector<ExternalSpan>(const Document&)>;

class EntityRecognizer {
 public:
  // Loads the KB from <data_dir>/kb and compiles the matcher.
  static StatusOr<std::shared_ptr<const EntityRecognizer>> Create(const std::string& data_dir);
  explicit EntityRecognizer(std::shared_ptr<const KnowledgeBase> kb);

  std::vector<Entity> Recognize(std::string_view body, const std::vector<Token>& tokens,
                                std::string_view title = {},
                                const std::vector<ExternalSpan>& extra = {}) const;

  const KnowledgeBase& kb() const { return *kb_; }
  const EntityMatcher& matcher() const { return matcher_; }

  // The provisional id of a name the KB lacks.
  static std::string ProvisionalId(std::string_view name);

 private:
  std::shared_ptr<const KnowledgeBase> kb_;
  EntityMatcher matcher_;
  // Per entity: word keys of name_ar and of each Arabic alias (name first),
  // precomputed for coreference.
  std::vector<std::vector<std::vector<std::string>>> name_words_;
};

}  // namespace marsad
