// Features of a pair of short claims (headlines, claim sentences) for telling
// a paraphrase from a contradiction. The algorithm knows nothing of Document:
// it takes two strings, normalizes them with MatchForm, tokenizes them with
// Tokenize and keys every word with PairWordKey (LightStem plus folding of
// plural / feminine / nisba endings), then measures:
//
//   * overlap: Jaccard of word keys, coverage of each side, length ratio, and
//     a fuzzy alignment (character-trigram Dice >= 0.6 counts as the same
//     word, so يرتفع and ارتفاع need not be listed as synonyms);
//   * unaligned words on each side ("a:KEY", "b:KEY"): the trained model
//     learns which substitutions signal a contradiction (a small learned
//     lexicon). Features of the second sentence alone ("hypothesis-only"
//     words) were tried and dropped: they learn how the corpus was written,
//     not what contradicts (docs/compare.md);
//   * negation mismatch (data/compare/negation.tsv);
//   * polarity: the same axis at opposed poles on the two sides
//     (data/compare/polarity.tsv: up/down, win/lose, assert/deny ...), or the
//     same pole in different words (treated as aligned synonyms);
//   * numbers that differ or agree; places (countries, cities) substituted;
//   * roles: the noun each polarity word is about (the first content word up
//     to 3 words ahead over function words, else up to 3 back: هبوط الدولار,
//     الذهب يصعد مع ...); the same noun at opposed
//     poles on the two sides ("gold up, dollar down" / "gold down, dollar
//     up") is a role conflict even when both sides use both poles.
//
// Every feature that fires for a human-readable reason (negation, opposed
// poles, numbers, places) also adds a line to `reasons`.
//
//   PairLexicon lex;
//   lex.AddPolarityTsv(polarity_tsv, "polarity.tsv");
//   PairFeatureSet f = ExtractPairFeatures("...", "...", lex);
//
// Thread-safety: a PairLexicon is built once, then const; ExtractPairFeatures
// is a pure function of its arguments and safe to call from many threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "marsad/common/status.h"

namespace marsad {

// Version of the feature set below; model files record it and refuse to load
// on a mismatch (the weights would mean something else).
inline constexpr int kPairFeatureVersion = 1;

// The key a word is compared on: LightStem of its matching form, then one
// plural / feminine / nisba ending (ات ون ين يه ه ي) removed when at least 3
// letters remain (المصرية -> مصر, الشركات -> شرك), and after ون / ين a nisba
// yeh too (اللبنانيين -> لبنان). `norm_word` must already be
// in matching form. Words that are not all Arabic letters come back as given.
std::string PairWordKey(std::string_view norm_word);

// Fingerprint of PairWordKey on a fixed probe list; recorded in model files
// so a changed stemmer is reported.
uint64_t PairKeyFingerprint();

// The knowledge the features use. Entries are stored as given (for
// embedding in model files) and keyed with PairWordKey(MatchForm(word)).
class PairLexicon {
 public:
  // "axis<TAB>pole<TAB>space-separated words[<TAB>note]"; '#' lines and the
  // header line "axis..." are skipped. DataError names the line on a
  // malformed row.
  Status AddPolarityTsv(std::string_view tsv, const std::string& source_name);
  // "cue<TAB>kind[<TAB>note]".
  Status AddNegationTsv(std::string_view tsv, const std::string& source_name);
  // "word<TAB>gloss": words a polarity word skips when it looks for the
  // noun it is about.
  Status AddFunctionWordsTsv(std::string_view tsv, const std::string& source_name);
  // One place name (a single word; multi-word names are ignored).
  void AddPlace(std::string_view name);
  // A place already keyed with PairWordKey (as stored in model files).
  void AddPlaceKey(std::string key);

  struct Pole {
    uint16_t axis;
    uint16_t pole;
  };
  // Poles of a word key (a 3rd person plural perfect in -وا falls back to
  // its stem); null if none.
  const std::vector<Pole>* PolesOf(const std::string& key) const;
  bool IsNegation(const std::string& key) const { return negation_.count(key) > 0; }
  bool IsFunctionWord(const std::string& key) const { return function_.count(key) > 0; }
  // The place a word key names, as a canonical key ("" if none): a nisba
  // maps to its place (سوريه / سوري -> سوريا, تركي -> تركيا).
  std::string PlaceOf(const std::string& key) const;

  const std::vector<std::string>& axis_names() const { return axis_names_; }
  const std::vector<std::string>& pole_names() const { return pole_names_; }
  // Canonical text of each lexicon, one entry a line, for model files.
  const std::vector<std::string>& polarity_lines() const { return polarity_lines_; }
  const std::vector<std::string>& negation_lines() const { return negation_lines_; }
  const std::vector<std::string>& function_lines() const { return function_lines_; }
  std::vector<std::string> place_lines() const;
  size_t polarity_size() const { return polarity_.size(); }
  size_t negation_size() const { return negation_.size(); }
  size_t place_size() const { return places_.size(); }

 private:
  uint16_t Intern(std::vector<std::string>* names, const std::string& name);

  std::vector<std::string> axis_names_, pole_names_;  // pole names are "axis:pole"
  std::unordered_map<std::string, std::vector<Pole>> polarity_;
  std::unordered_set<std::string> negation_;
  std::unordered_set<std::string> places_;
  std::unordered_set<std::string> function_;
  std::vector<std::string> polarity_lines_, negation_lines_, function_lines_;
};

struct PairFeatureSet {
  // Feature name -> value (binary features have value 1). Names are stable
  // strings; see docs/compare.md for the list.
  std::vector<std::pair<std::string, float>> features;
  // Evidence a person can check, e.g. "opposed: ارتفع (change:up) / تراجع
  // (change:down)", "negation only in the second: لم".
  std::vector<std::string> reasons;
};

// Features of the ordered pair (a, b): `a` is the reference claim, `b` the
// claim compared with it. Never fails; empty or non-Arabic input gives a
// feature set with only overlap features.
PairFeatureSet ExtractPairFeatures(std::string_view a, std::string_view b, const PairLexicon& lexicon);

}  // namespace marsad
