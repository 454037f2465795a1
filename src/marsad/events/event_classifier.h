// EventClassifier: a sentence-level gate for event types (logistic regression).
//
// The rule-based EventExtractor finds trigger words and their arguments; many
// sentences that carry a trigger do not report a fresh event (a threat, a
// plan, a negation, a metaphor, an attack told elsewhere, a sports "attack").
// The classifier scores a sentence for one gated type (ASSAULT, PROTEST) from
// sparse string features that the extractor computes (stems, stem bigrams,
// trigger-lexicon hits and their context, the events the rules accepted and
// their flags, cue-word classes); an event of a gated type is asserted only
// when the rules found it AND the score reaches the type's threshold
// (docs/events.md, "The sentence gate").
//
//   auto clf = EventClassifier::Load("models/events-gsr.model");
//   double p = (*clf)->Score("ASSAULT", features);   // in [0, 1]
//   bool ok = p >= (*clf)->Threshold("ASSAULT");
//
// Model file (text, one record a line):
//   MARSAD-EVENTS format=1 normalization=<kNormalizationVersion> features=<kFeatureVersion>
//   provenance: <data and command that produced it>
//   type <TYPE> bias <b> threshold <t> weights <n>
//   <feature><TAB><weight>            (n lines)
//   ... (more types)
// Load() refuses a file whose magic, format, normalization or feature version
// differs from this build's (FailedPrecondition, with the command to retrain).
//
// Thread-safety: immutable after Load()/Train(); Score() may run concurrently.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/common/status.h"

namespace marsad {

class EventClassifier {
 public:
  static constexpr const char* kMagic = "MARSAD-EVENTS";
  static constexpr int kFormatVersion = 1;
  // Bump when EventExtractor::SentenceFeatures changes what it emits.
  static constexpr int kFeatureVersion = 2;

  struct TypeModel {
    double bias = 0;
    double threshold = 0.5;
    std::unordered_map<std::string, double> weights;
  };

  // Reads a model file: IoError if unreadable, FailedPrecondition if stale,
  // DataError if malformed.
  static StatusOr<std::shared_ptr<const EventClassifier>> Load(const std::string& path);
  static StatusOr<std::shared_ptr<const EventClassifier>> Parse(std::string_view text, const std::string& origin);

  EventClassifier(std::map<std::string, TypeModel> types, std::string provenance)
      : types_(std::move(types)), provenance_(std::move(provenance)) {}

  // Whether `type` is gated by this model.
  bool Has(std::string_view type) const { return types_.count(std::string(type)) > 0; }
  // Probability that the sentence reports an event of `type`; 1 when the type
  // is not gated. Unknown features weigh nothing; repeated features count once.
  double Score(std::string_view type, const std::vector<std::string>& features) const;
  double Threshold(std::string_view type) const;
  const std::string& provenance() const { return provenance_; }
  const std::map<std::string, TypeModel>& types() const { return types_; }

  // The model file text (see above).
  std::string Serialize() const;

  // ---- Training (marsad train events) ----
  struct Example {
    std::vector<std::string> features;
    bool positive = false;
    double weight = 1;  // loss weight (times positive_weight for positives)
  };
  struct TrainOptions {
    int epochs = 10;
    double learning_rate = 0.2;
    double l2 = 1e-4;
    int min_count = 2;          // features seen in fewer training examples are dropped
    double positive_weight = 1; // loss weight of positive examples
    uint64_t seed = 1;
    int runs = 1;               // models trained on different shuffles, weights averaged
  };
  // Logistic regression by SGD with a decaying rate, examples in a seeded
  // shuffle (deterministic); with runs > 1 the weights of models trained on
  // different shuffles are averaged. The threshold is left at 0.5.
  static TypeModel Train(const std::vector<Example>& examples, const TrainOptions& options);
  static double ScoreWith(const TypeModel& m, const std::vector<std::string>& features);

 private:
  std::map<std::string, TypeModel> types_;
  std::string provenance_;
};

}  // namespace marsad
