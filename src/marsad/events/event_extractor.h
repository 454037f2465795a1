// EventExtractor: who did what to whom, where and when, from Arabic news text.
//
// A small ontology after PLOVER (docs/events.md): ASSAULT, TAKE_CONTROL,
// WITHDRAW, SURRENDER, KILL, INJURE, VISIT, DEPLOY, SUPPORT, RECRUIT, ACCUSE,
// DENY, DESIGNATE, SANCTION, AGREE, PROTEST. Triggers come from
// data/events/triggers.tsv (verbs with generated inflections, passives,
// verbal nouns); context words (negation, attempt, future, purpose,
// hypothetical, light verbs, qualifiers, blockers) from data/events/context.tsv.
//
// Precision first: a trigger becomes an Event only when it is used as an
// event (a verb, or a verbal noun with support: a light verb such as شن /
// أسفر عن, a count, a qualifier such as انتحاري / جوي, or both an actor and a
// target), it is not part of a name or label (فريق التحرير، معركة تحرير), it
// is not the goal of another action (للسيطرة على ...), and it has at least one
// argument (actor, target, place or quantity). TAKE_CONTROL needs a place.
// Flags: negated (لم، لا، عدم، دون, or inside a denial), status attempted
// (في محاولة السيطرة), future (س، سوف، يعتزم), hypothetical (إذا، لو), ongoing
// (present tense), background (كان ... قد, سبق أن, or a year before the
// document's).
// Sentence gate: when a classifier is given (models/events-gsr.model), an
// ASSAULT, KILL or PROTEST event survives only if its sentence's score
// reaches the type's threshold (event_classifier.h); its confidence becomes
// the mean of the rule confidence and the score.
//
//   auto ex = EventExtractor::Load(DataDir());
//   std::vector<Event> ev = (*ex)->Extract({.body = body, .tokens = &tokens});
//
// Arguments are entity ids and mention texts when `entities` is given, else
// the phrase text. Spans are byte offsets into `body`.
// Thread-safety: immutable after Load(); Extract() may run concurrently.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/common/status.h"
#include "marsad/document/document.h"
#include "marsad/events/event_classifier.h"

namespace marsad {

// Classifier features of one sentence (see SentenceFeatures below).
struct SentenceFeatures {
  Span sentence;                      // byte span into the body
  std::vector<std::string> features;  // sparse string features
};

struct EventInput {
  std::string_view body;
  const std::vector<Token>* tokens = nullptr;              // required
  const std::vector<Entity>* entities = nullptr;           // optional
  const std::vector<Attribution>* attributions = nullptr;  // optional: chains, denials
  // The document's year (0 = unknown); the engine's stage passes, when the
  // document has no date, the latest year of a full date the text states.
  int document_year = 0;
  // The document's day ("2017-11-19"), empty when unknown: an event dated a
  // year or more before it is background, one dated less than a year before
  // it is not (issue: "background = an event dated years before the article").
  std::string document_date;
  // Optional: the date governing a clause (the dates stage's GoverningDate).
  std::function<std::optional<DateExpr>(Span clause, bool* is_default)> date_of;
  // Apply the sentence gate when the extractor has a classifier (default).
  bool gate = true;
  // Optional: receives the classifier features of every sentence that has a
  // trigger-lexicon hit (for training and inspection), gate or not.
  std::vector<SentenceFeatures>* features_out = nullptr;
};

class EventExtractor {
 public:
  // Loads <data_dir>/events/{triggers,context,units,numbers,nisba}.tsv and, when
  // `model_path` is not empty, the sentence gate from that file (a missing,
  // stale or corrupt model is an error, not a silent fallback). Without a
  // model nothing is gated: this is what the engine uses (docs/events.md, "The
  // sentence gate", says why).
  static StatusOr<std::shared_ptr<const EventExtractor>> Load(const std::string& data_dir,
                                                              const std::string& model_path = "");
  // <data_dir>/../models/events-gsr.model if it exists, else "".
  static std::string DefaultModelPath(const std::string& data_dir);

  // A copy of this extractor gated by `classifier` (nullptr = no gate).
  std::shared_ptr<const EventExtractor> WithClassifier(std::shared_ptr<const EventClassifier> classifier) const;
  const EventClassifier* classifier() const { return classifier_.get(); }

  // The classifier type that gates events of `type`: ASSAULT and KILL (PLOVER's
  // ASSAULT covers killings) -> "ASSAULT", PROTEST -> "PROTEST", others "".
  static std::string_view GateType(std::string_view type);

  // Events in text order. Never fails on content.
  std::vector<Event> Extract(const EventInput& in) const;

  // Parsed lexicon entries (public for tests and docs).
  enum class Pos : uint8_t { kVerb, kPassive, kNoun, kAgent, kAdverb };
  struct Trigger {
    std::string type;
    std::string lemma;
    Pos pos = Pos::kVerb;
    bool needs_place = false, needs_force = false, needs_ala = false, needs_violent = false;
    bool genitive_target = false;
    bool intransitive = false;     // a verb that takes no object pronoun (سيطر على)
    bool speaker_acts = false;     // a participle of the speaker: "متهما X بـ" (accusing X of)  // a noun whose genitive is its object (استهداف المدنيين)
    std::vector<std::string> needs_obj;  // matching forms
    std::vector<std::string> not_obj;    // none of these within the 3 words after
  };
  // Flags of a surface form.
  static constexpr uint8_t kPresent = 1, kFuture = 2, kPassiveForm = 4, kPluralForm = 8;
  struct FormRef {
    int32_t trigger;
    uint8_t flags;
  };
  // Context word classes (bit mask).
  enum Class : uint32_t {
    kNegation = 1u << 0, kAttempt = 1u << 1, kFutureCue = 1u << 2, kPurpose = 1u << 3,
    kHypothetical = 1u << 4, kLight = 1u << 5, kQualifier = 1u << 6, kBlocker = 1u << 7,
    kForce = 1u << 8, kMunition = 1u << 9, kBackground = 1u << 10, kStop = 1u << 11,
    kPlaceNoun = 1u << 12, kWas = 1u << 13, kDemonstrative = 1u << 14, kReference = 1u << 15,
    kViolent = 1u << 16, kAgentive = 1u << 17, kHedge = 1u << 18, kNotTrigger = 1u << 19,
    kWarning = 1u << 20, kFigurative = 1u << 21, kRecent = 1u << 22, kLegal = 1u << 23,
    kTitle = 1u << 24,
  };

  const std::vector<Trigger>& triggers() const { return triggers_; }

 private:
  EventExtractor() = default;
  friend class EventExtractorImpl;

  std::shared_ptr<const EventClassifier> classifier_;
  std::vector<Trigger> triggers_;
  // Forms a verb row excludes because they are also a noun (فجر "dawn"): a
  // verb after قد / لقد ("قد فجر الجامع" = had blown up the mosque).
  std::unordered_map<std::string, int32_t> qad_forms_;
  std::unordered_map<std::string, std::vector<FormRef>> forms_;
  std::unordered_map<std::string, uint32_t> context_;
  std::unordered_map<std::string, std::string> units_;
  std::unordered_map<std::string, std::pair<double, bool>> numbers_;  // value, vague
  std::unordered_map<std::string, std::string> nisba_;  // nisba stem (تركي) -> country id
};

// Type names of the ontology, in documentation order.
const std::vector<std::string>& EventTypes();

}  // namespace marsad
