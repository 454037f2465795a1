// KnowledgeBase: entities (actors and places), relations and recognition
// rules loaded from reviewable TSV files under data/kb/ (format described in
// docs/knowledge-base.md).
//
//   auto kb = KnowledgeBase::Load(DataDir());
//   if (!kb.ok()) return kb.status();
//   const KbEntity* e = (*kb)->Find("quds-force");
//   for (const KbEntity* x : (*kb)->LookupName("فيلق القدس")) ...
//
// Files read:
//   data/kb/actors/*.tsv    id type name_ar name_en aliases_ar aliases_en wikidata country source
//   data/kb/places/*.tsv    id kind name_ar name_en aliases_ar lat lon parent_id wikidata source
//                           (countries.tsv rows get type "country", all others "place")
//   data/kb/relations.tsv   subject_id relation object_id from to source
//   data/kb/actors/rules/stopwords.tsv  one word per line: never an entity alone, never fuzzy
//   data/kb/actors/rules/context.tsv    cue side prefer: context cues for ambiguous names
//   data/kb/actors/rules/anaphora.tsv   anaphor heads types: short forms for coreference
//   data/kb/actors/rules/priority.tsv   type or kind=<k>, one a line, most preferred first
//   data/kb/actors/rules/common_names.tsv  city names that are also common words
//   data/kb/places/common_word_names.txt   the gazetteer's list of the same (name<TAB>gloss)
//   data/kb/actors/rules/generic.tsv    names that several countries give their own body
//                                       (الجيش الوطني "the national army"): linked only
//                                       when the document's country context decides
//   data/kb/actors/rules/common_nouns.tsv  names that are also common nouns (القاعدة)
//   data/kb/actors/rules/kind_cues.tsv  cue kinds: a place noun (حي "neighbourhood") and
//                                       the place kinds a name right after it may be
// Minor places (below city level, or common-word city names) named by one
// word need place context; see recognizer.h.
// Malformed lines (wrong column count, duplicate id, unknown type) are
// skipped and reported in warnings(); Load fails only on I/O errors or when
// data/kb/actors holds no file at all.
//
// Thread-safety: a loaded KnowledgeBase is immutable; all const methods are
// safe to call concurrently. The Add* methods are for building (and tests)
// and must not race with anything.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "marsad/common/status.h"

namespace marsad {

struct KbEntity {
  std::string id;        // stable slug, unique across the KB
  std::string type;      // person armed_group state_force gov_body party media intl_org country place
  std::string kind;      // places: city, governorate, ...; empty for actors
  std::string name_ar;
  std::string name_en;
  std::vector<std::string> aliases_ar;
  std::vector<std::string> aliases_en;
  std::string wikidata;
  std::string country;    // actors: ISO alpha-2 of the home country, if any
  std::string parent_id;  // places: admin parent
  std::optional<double> lat, lon;
  std::string source;
  std::string origin;     // "file:line" it was read from
};

struct KbRelation {
  std::string subject;
  std::string relation;  // member_of leader_of spokesman_of backed_by part_of allied_with founded_by
  std::string object;
  std::string from, to;  // ISO date prefixes or empty
  std::string source;
};

// A context cue: when `cue` (a word in matching form, article stripped) is
// the word right before a mention ("before"), right after it ("after"), or a
// proclitic letter glued to it ("clitic"), an ambiguous mention prefers
// candidates with type == prefer_type (if set) and kind in prefer_kinds (if
// set).
struct ContextRule {
  std::string cue;
  std::string side;  // before | after | clitic
  std::string prefer_type;
  std::vector<std::string> prefer_kinds;
};

// A nominal short form (الحركة "the movement") that refers back to the most
// recent entity of one of `types` whose name starts with one of `heads`, or
// that was introduced right after one of `heads` ("ميليشيا النجباء").
struct AnaphorRule {
  std::string anaphor;             // matching form, with the article
  std::vector<std::string> heads;  // matching form, no article
  std::vector<std::string> types;
};

// A place noun that names the kind of the place after it: after حي
// ("neighbourhood") only a neighbourhood, town or village reading is
// linked, never the Golan region or a city of the same name.
// A name that is also a common noun (القاعدة: al-Qaeda, or "the base").
// `after`: words that, right after the name, make it the common noun
// (الجوية "air" in القاعدة الجوية); `doc_words`: words whose presence in the
// document makes the bare name ambiguous (قاعدة "a base"). Canonical keys.
struct CommonNounRule {
  std::vector<std::string> after;
  std::vector<std::string> doc_words;
};

struct KindCue {
  std::string cue;  // canonical key (matching form, article stripped)
  std::vector<std::string> kinds;
};

class KnowledgeBase {
 public:
  // Loads everything under <data_dir>/kb.
  static StatusOr<std::shared_ptr<const KnowledgeBase>> Load(const std::string& data_dir);

  // Building blocks of Load, usable from tests with in-memory text.
  void AddActorsTsv(std::string_view text, const std::string& origin);
  void AddPlacesTsv(std::string_view text, const std::string& origin, bool countries);
  void AddRelationsTsv(std::string_view text, const std::string& origin);
  void AddStopwordsTsv(std::string_view text, const std::string& origin);
  void AddContextTsv(std::string_view text, const std::string& origin);
  void AddAnaphoraTsv(std::string_view text, const std::string& origin);
  void AddPriorityTsv(std::string_view text, const std::string& origin);
  void AddCommonNamesTsv(std::string_view text, const std::string& origin);
  void AddGenericTsv(std::string_view text, const std::string& origin);
  void AddKindCuesTsv(std::string_view text, const std::string& origin);
  void AddCommonNounsTsv(std::string_view text, const std::string& origin);

  const std::vector<KbEntity>& entities() const { return entities_; }
  const std::vector<KbRelation>& relations() const { return relations_; }
  // Index of `id` in entities(), or -1.
  int IndexOf(std::string_view id) const;
  const KbEntity* Find(std::string_view id) const;
  // Entities whose name or alias (Arabic or English) equals `name` after
  // matching-form normalization and removal of a leading article.
  std::vector<const KbEntity*> LookupName(std::string_view name) const;
  // Entities with a name or alias that contains all the words of `words`,
  // in order and whole (same normalization as LookupName): "سليماني" finds
  // قاسم سليماني. At most `limit`, in knowledge-base order. For lookups by
  // people, not for linking text (a surname alone is ambiguous there).
  std::vector<const KbEntity*> LookupWords(std::string_view words, size_t limit = 20) const;
  // Relations where `id` is subject or object.
  std::vector<const KbRelation*> RelationsOf(std::string_view id) const;

  // Rules.
  bool IsStopword(std::string_view key) const { return stopwords_.find(key) != stopwords_.end(); }
  // A city name that is also a common word (rules/common_names.tsv): it
  // needs place context like a village name does.
  bool IsCommonName(std::string_view key) const { return common_names_.find(key) != common_names_.end(); }
  const std::vector<ContextRule>& context_rules() const { return context_; }
  // A generic name (rules/generic.tsv), by NameKey(): what it names depends
  // on the country the text is about.
  bool IsGenericName(std::string_view name_key) const {
    return generic_names_.find(name_key) != generic_names_.end();
  }
  const std::vector<KindCue>& kind_cues() const { return kind_cues_; }
  // True if entity `index` has a name or alias that is generic or a common
  // noun (a cheap test before building a mention's name key).
  bool HasGenericOrCommonNounName(int index) const {
    return index >= 0 && static_cast<size_t>(index) < special_name_.size() && special_name_[index];
  }
  // The rule of a name that is also a common noun (rules/common_nouns.tsv),
  // by NameKey(); null if none.
  const CommonNounRule* FindCommonNounRule(std::string_view name_key) const {
    auto it = common_nouns_.find(name_key);
    return it == common_nouns_.end() ? nullptr : &it->second;
  }
  // The country (an id of type "country") an entity belongs to: an actor's
  // `country` column, a place's ancestor of type country, a country itself;
  // empty if unknown. `index` is an index into entities().
  const std::string& CountryOf(int index) const;
  // The countries a generic name's reading is decided by: the entity's
  // theaters from rules/generic.tsv (a coalition acts outside its own
  // country), else its CountryOf(); empty if neither is known.
  const std::vector<std::string>& GenericCountriesOf(int index) const;
  const std::vector<AnaphorRule>& anaphora() const { return anaphora_; }
  // Fills CountryOf() and HasGenericOrCommonNounName() (Load does; tests
  // that Add* by hand call it last).
  void ComputeCountries();
  // Rank of an entity in the default preference order (lower is preferred).
  int PriorityRank(const KbEntity& e) const;

  const std::vector<std::string>& warnings() const { return warnings_; }

  // The key of one name for LookupName: matching form, each word with a
  // leading article removed, words joined by one space.
  static std::string NameKey(std::string_view name);

 private:
  void AddEntity(KbEntity e);

  std::vector<KbEntity> entities_;
  std::unordered_map<std::string, int> by_id_;
  std::unordered_map<std::string, std::vector<int>> by_name_;
  std::vector<KbRelation> relations_;
  // Looked up by string_view without building a std::string (C++20
  // heterogeneous lookup; same hash as std::hash<std::string>).
  struct SvHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using WordSet = std::unordered_set<std::string, SvHash, std::equal_to<>>;
  WordSet stopwords_;
  WordSet common_names_;
  WordSet generic_names_;
  std::vector<KindCue> kind_cues_;
  std::unordered_map<std::string, CommonNounRule, SvHash, std::equal_to<>> common_nouns_;
  std::vector<std::string> country_of_;  // parallel to entities_, filled by Load
  std::unordered_map<std::string, std::vector<std::string>> generic_theaters_;  // id -> countries
  std::vector<std::vector<std::string>> theaters_of_;  // parallel to entities_: GenericCountriesOf
  std::vector<char> special_name_;       // parallel to entities_: HasGenericOrCommonNounName
  std::vector<ContextRule> context_;
  std::vector<AnaphorRule> anaphora_;
  std::vector<std::string> priority_;
  std::vector<std::string> warnings_;
};

}  // namespace marsad
