// PairClassifier: tells whether two short claims (headlines, claim
// sentences) say the same thing ("paraphrase"), contradict each other
// ("contradiction") or are about different things ("other").
//
// A multinomial logistic regression over the features of pair_features.h,
// trained on the Arabic News Stance corpus (ANS, Khouja 2020; see
// docs/compare.md) by `marsad train pairs`. The shipped model is
// models/pairs-ans.model.
//
//   StatusOr<PairClassifier> c = PairClassifier::Load(DataDir() + "/../models/pairs-ans.model");
//   PairVerdict v = c->Classify(claim_a, claim_b);
//   if (v.label == "contradiction") ... v.reasons ...
//
// Decision rule (precision of "contradiction" first): the label with the
// highest probability, except that "contradiction" is only returned when its
// probability reaches contradiction_threshold() (chosen at training time on
// the dev split for a contradiction precision target); below it the verdict
// is "other" with a reason saying so ("other" thus means: no relation
// asserted). The pair is ordered as in training: `a` is the reference claim
// (ANS: the original headline), `b` the claim compared with it. Averaging
// both orders (SymmetricProbabilities) makes the verdict order-free but costs
// about 0.03-0.05 macro-F1 on ANS dev/test (docs/compare.md), so it is not the
// default.
//
// The model file is self-contained (text): a header with the magic
// "MARSAD-PAIRS", the format version, kNormalizationVersion and
// kPairFeatureVersion, a provenance line (training data, command, date), the
// embedded lexicons (polarity, negation, function words, places) and the
// weights. Load() refuses a version mismatch with a message that says how to
// retrain.
//
// Thread-safety: a loaded PairClassifier is immutable; Classify() is const
// and safe to call from many threads at once.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/common/status.h"
#include "marsad/compare/pair_features.h"

namespace marsad {

inline constexpr int kPairFormatVersion = 1;
inline constexpr std::string_view kPairMagic = "MARSAD-PAIRS";

// Label indices, in the order of PairVerdict::probabilities.
enum class PairLabel : int { kParaphrase = 0, kContradiction = 1, kOther = 2 };
inline constexpr int kPairLabels = 3;
const char* PairLabelName(PairLabel label);  // "paraphrase", "contradiction", "other"
// "paraphrase" / "agree" -> kParaphrase, "contradiction" / "disagree" ->
// kContradiction, "other" / "unrelated" -> kOther; false otherwise.
bool ParsePairLabel(std::string_view name, PairLabel* out);

struct PairVerdict {
  std::string label;                                // "paraphrase" | "contradiction" | "other"
  double score = 0;                                 // probability of `label`, in [0, 1]
  std::array<double, kPairLabels> probabilities{};  // paraphrase, contradiction, other
  // Evidence: rule hits (negation, opposed poles, numbers, places) and the
  // learned features that weighed most for the label, e.g.
  // "learned: second has ينفصل (+1.3)".
  std::vector<std::string> reasons;
};

struct LabeledPair {
  std::string a, b;
  PairLabel label = PairLabel::kOther;
};

struct PairTrainOptions {
  int epochs = 15;
  // Learning rate and L2 chosen on the ANS dev split (docs/compare.md): less
  // training (lower rate, more decay) generalizes better on 2.6k pairs.
  double learning_rate = 0.05;
  double l2 = 1e-3;   // per-update weight decay
  uint32_t seed = 1;  // shuffling order
  // Final weights = mean of the weights after each epoch (less variance
  // than the last epoch's weights).
  bool average = true;
  int runs = 5;  // models on different shuffles, averaged
  // Weights with |w| below this after training are dropped from the file.
  double prune = 1e-3;
  double contradiction_threshold = 0.5;  // stored in the model; see above
  // Provenance words for the header.
  std::string trained_on;                       // e.g. "ans/data/stance/train.csv"
  std::string command;                          // e.g. "marsad train pairs"
  std::string date;                             // YYYY-MM-DD
  std::function<void(const std::string&)> log;  // one line per epoch; may be empty
};

class PairClassifier {
 public:
  // Reads a model file: FailedPrecondition on a wrong magic or version,
  // DataError on a corrupt file, IoError if unreadable.
  static StatusOr<PairClassifier> Load(const std::string& path);
  // The same from bytes in memory (used by Load and the fuzz target).
  static StatusOr<PairClassifier> Parse(std::string_view bytes);

  // Trains on `train` with `lexicon` (copied into the model).
  static StatusOr<PairClassifier> Train(const PairLexicon& lexicon, const std::vector<LabeledPair>& train,
                                        const PairTrainOptions& options);

  Status Save(const std::string& path) const;
  std::string Serialize() const;

  // Verdict for the ordered pair (a = reference, b = compared claim); never
  // fails (empty text gives a low-confidence verdict).
  PairVerdict Classify(std::string_view a, std::string_view b) const;
  // Probabilities for the ordered pair (a = reference, b = compared claim),
  // as the model was trained (ANS: a is the original headline).
  std::array<double, kPairLabels> Probabilities(std::string_view a, std::string_view b) const;
  // Averaged over both orders (order-free, slightly less accurate).
  std::array<double, kPairLabels> SymmetricProbabilities(std::string_view a, std::string_view b) const;
  // The decision rule above applied to given probabilities.
  PairLabel Decide(const std::array<double, kPairLabels>& probabilities) const;

  double contradiction_threshold() const { return threshold_; }
  void set_contradiction_threshold(double t) { threshold_ = t; }
  const std::string& provenance() const { return provenance_; }
  void set_provenance(std::string p) { provenance_ = std::move(p); }
  const PairLexicon& lexicon() const { return lexicon_; }
  size_t num_features() const { return weights_.size(); }
  // False when PairWordKey changed since training (the model still loads;
  // figures may drop; retrain).
  bool stemmer_matches() const { return stemmer_matches_; }

 private:
  std::array<double, kPairLabels> Scores(const PairFeatureSet& f) const;

  PairLexicon lexicon_;
  std::unordered_map<std::string, std::array<float, kPairLabels>> weights_;
  double threshold_ = 0.5;
  std::string provenance_;
  bool stemmer_matches_ = true;
};

}  // namespace marsad
