// NerModel: a recognizer for names of people, organizations and places that
// are not (or not only) in the knowledge base. An averaged structured
// perceptron over BIO2 tags of five types (PERS, ORG, GPE, LOC, FAC), decoded
// with first-order Viterbi under BIO constraints (I-X only after B-X / I-X).
//
// Features (see docs/ner.md): matching form and light stem of the word and
// its neighbours (window +-2), stem prefixes/suffixes of 1-3 letters, word
// shape, the proclitic/enclitic strings, trigger-word hits (data/ner/
// triggers.tsv: titles, organization and place words), a place/organization
// lexicon (data/ner/gazetteer.tsv), and an optional caller-supplied
// per-token gazetteer tag. Features are hashed into a flat weight array.
//
//   StatusOr<NerModel> m = NerModel::Load(DataDir() + "/../models/ner-wojood.model");
//   std::vector<NerSpan> spans = m->Predict(doc.tokens, first_token, end_token);
//
// The model file is self-contained: it carries the lexicons it was trained
// with, so prediction reads nothing else. It begins with a text header
// naming the magic "MARSAD-NER", the format version, kNormalizationVersion
// and the feature-set version; Load() refuses a mismatch with a message that
// says how to retrain.
//
// Thread-safety: a loaded NerModel is immutable; Predict() is const and safe
// to call from many threads at once.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/common/status.h"
#include "marsad/document/document.h"
#include "marsad/ner/ner_data.h"

namespace marsad {

inline constexpr int kNerFormatVersion = 1;
inline constexpr int kNerFeatureVersion = 1;
inline constexpr std::string_view kNerMagic = "MARSAD-NER";

// A phrase lexicon matched over token stems (greedy longest match, left to
// right). Each matched token gets a label index and whether it begins the
// phrase. Built once, then const.
class NerPhraseLexicon {
 public:
  // Adds a phrase (any spelling; it is normalized with MatchForm and each
  // word light-stemmed) with a label such as "title" or "GPE".
  void Add(std::string_view phrase, std::string_view label);
  // Reads "phrase<TAB>label[<TAB>note]" lines; '#' starts a comment line.
  Status AddTsv(std::string_view tsv_text, const std::string& source_name);

  // out[i - begin] = label index + 1 (0 = no match), begin_out[i - begin] =
  // true on the first token of a match.
  void Match(const std::vector<Token>& tokens, size_t begin, size_t end, std::vector<uint8_t>* labels,
             std::vector<uint8_t>* is_begin) const;
  // Same over precomputed stem hashes: stem_hashes[k] is the 64-bit FNV-1a
  // hash of the stem of the k-th token (the features compute these anyway);
  // labels / is_begin get n entries.
  void MatchHashed(const uint64_t* stem_hashes, size_t n, std::vector<uint8_t>* labels,
                   std::vector<uint8_t>* is_begin) const;

  const std::vector<std::string>& labels() const { return labels_; }
  const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }

 private:
  std::vector<std::string> labels_;                           // at most 254
  std::vector<std::pair<std::string, std::string>> entries_;  // as given (phrase, label)
  std::unordered_map<uint64_t, uint8_t> phrases_;             // hash of stem sequence -> label + 1
  std::unordered_map<uint64_t, uint8_t> max_len_;             // hash of first stem -> longest phrase
};

// Builds a Token for one given word (CoNLL data): norm = MatchForm(word),
// stem = LightStem(norm), clitic byte counts from where the stem sits.
Token NerTokenFromWord(std::string_view word);
std::vector<Token> NerTokensFromWords(const std::vector<std::string>& words);

struct NerTrainOptions {
  int epochs = 16;
  int runs = 5;  // perceptrons on different shuffles, averaged
  // Subtracted from the O tag's score at prediction time (not in training):
  // > 0 trades precision for recall. In raw perceptron score units, which
  // grow with data size and epochs: 4 was chosen by cross-validation on the
  // Wojood sample's train.txt; set 0 for other data until tuned.
  float o_bias = 4;
  int log2_buckets = 18;  // 2^18 hashed feature rows
  uint32_t seed = 1;      // shuffling order
  // Words for the provenance header: which data and which command.
  std::string trained_on;  // e.g. "wojood-sample/train.txt"
  std::string command;     // e.g. "marsad train ner --train ... --epochs 16"
  std::string date;        // YYYY-MM-DD
  // Lexicon text (TSV) to embed; may be empty.
  std::string triggers_tsv;
  std::string gazetteer_tsv;
  // Learn from names seen in the training data (a "memory" lexicon built
  // with 10-fold jackknife at training time, stored in the model).
  bool memory = true;
  // Called with one line per epoch (may be empty).
  std::function<void(const std::string&)> log;
};

class NerModel {
 public:
  NerModel();
  NerModel(NerModel&&) noexcept;
  NerModel& operator=(NerModel&&) noexcept;
  ~NerModel();

  // Reads a model file; FailedPrecondition on wrong magic / version /
  // normalization version, DataError on a corrupt file, IoError if unreadable.
  static StatusOr<NerModel> Load(const std::string& path);
  // Same from bytes in memory (used by Load and by the fuzz target).
  static StatusOr<NerModel> Parse(std::string_view bytes);

  Status Save(const std::string& path) const;
  std::string Serialize() const;

  // Recognizes entities in one sentence: tokens [begin, end). Returned spans
  // use indices into `tokens` (absolute, not relative to begin), in order,
  // non-overlapping. `gazetteer`, if given and of size tokens.size(), holds a
  // per-token knowledge-base tag ("B-place", "I-armed_group", "" for none).
  std::vector<NerSpan> Predict(const std::vector<Token>& tokens, size_t begin, size_t end,
                               const std::vector<std::string>* gazetteer = nullptr) const;

  // Convenience for CoNLL data: tags (BIO2) for a tokenized sentence.
  std::vector<std::string> PredictTags(const std::vector<Token>& tokens) const;

  const std::vector<std::string>& tags() const;
  const std::string& provenance() const;  // the "provenance:" header line: data, command, date
  // False when the stemmer fingerprint recorded at training time differs from
  // the current LightStem (the model still loads; figures may drop).
  bool stemmer_matches() const;

  friend Status TrainNer(const NerTrainOptions& options, const std::vector<NerSentence>& train,
                         const std::vector<NerSentence>* dev, NerModel* out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Trains a model on `train` (flat BIO2 sentences, see ner_data.h). If `dev`
// is given, logs entity micro-F1 on it after each epoch (for information
// only: it does not select anything).
Status TrainNer(const NerTrainOptions& options, const std::vector<NerSentence>& train,
                const std::vector<NerSentence>* dev, NerModel* out);

// Fingerprint of LightStem on a fixed probe list (recorded in model files).
uint64_t NerStemmerFingerprint();

}  // namespace marsad
