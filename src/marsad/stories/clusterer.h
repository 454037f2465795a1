// Incremental, time-windowed story clustering.
//
//   StoryClusterer c(ClustererOptions::ForGranularity("story"));
//   DocFeatures f = ExtractFeatures(doc, id);
//   Assignment a = c.Add(f);   // a.story: the story joined or started
//
// A new document is compared only with candidate stories found through an
// inverted index (its KB entities, places and its rarest terms; the latest
// kMaxPostings stories per key; of those, the kMaxScored sharing the most
// keys), never with all stories, so one Add costs the same at 100 documents
// or 100,000. Score (docs/stories.md):
//   0.35 * cosine(tf-idf of stems, story centroid)
// + 0.25 * weighted share of the document's non-place entities in the story
// + 0.15 * weighted share of its places in the story
// + 0.10 * share of its event types in the story
// + 0.15 if its main place (most salient) is a main place of the story
// where "in the story" counts in proportion to the share of the story's
// members that carry the feature (in full from a third of them up), so a
// broad story does not become an attractor for every document.
// times a date factor (1 inside the story's date range, falling to 0.5 at
// the window's edge, 0 beyond). The best story at or above the join threshold
// wins; otherwise the document starts a story, linked to the best candidate
// when that scored at least the link threshold.
// Copies (DuplicateIndex) join the story of their original.
//
// IDF is kept incrementally (document frequency of every stem seen).
// Thread-safety: not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "marsad/document/document.h"
#include "marsad/stories/minhash.h"

namespace marsad::stories {

inline constexpr int32_t kNoDay = INT32_MIN;

// Days since 1970-01-01 of an ISO date prefix (YYYY, YYYY-MM, YYYY-MM-DD...;
// a year or month counts as its middle); kNoDay if unparsable.
int32_t DayNumber(std::string_view iso);
std::string DayString(int32_t day);  // YYYY-MM-DD

struct DocFeatures {
  int64_t id = 0;
  std::string outlet;
  int32_t day = kNoDay;          // published date, else kNoDay
  std::vector<std::pair<std::string, int>> terms;  // stem -> count, sorted by stem
  std::vector<std::string> entities;  // non-place entity ids (KB and provisional)
  std::vector<std::string> places;    // place and country ids
  std::string main_place;             // the most salient place (not a country), "" if none
  std::vector<std::string> event_types;
  Signature signature;
  std::string title;
};

// Features of an analyzed document (tokens are recomputed from the body when
// the document carries none, as documents read back from the store do).
DocFeatures ExtractFeatures(const Document& doc, int64_t id, const MinHasher& hasher);

struct ClustererOptions {
  std::string granularity = "story";
  int window_days = 1200;
  double join_threshold = 0.30;
  double link_threshold = 0.18;
  double duplicate_threshold = 0.6;
  // A document with no date joins only at this score or above.
  double undated_join_threshold = 0.30;
  static ClustererOptions ForGranularity(const std::string& granularity);
};

struct Assignment {
  std::string story;
  bool new_story = false;
  int64_t duplicate_of = 0;       // 0 = original
  double duplicate_similarity = 0;
  double score = 0;               // similarity to the story joined (1 for copies)
  std::string linked_story;       // event granularity: closest story not joined
  double link_score = 0;
  // Earlier copies whose original became this (earlier-published) document.
  std::vector<int64_t> repointed_copies;
};

class StoryClusterer {
 public:
  explicit StoryClusterer(ClustererOptions options);
  Assignment Add(const DocFeatures& doc);

  // Persistence (the store keeps these between runs).
  nlohmann::json StoryState(const std::string& story) const;
  void RestoreStory(const std::string& story, const nlohmann::json& state);
  // Re-registers an already assigned document (its signature, date and
  // story) without scoring; df is not touched (restore it with SetDf).
  void RestoreDocument(const DocFeatures& doc, const std::string& story, int64_t duplicate_of);
  void SetDf(const std::string& term, int df) { df_[term] = df; }
  void SetDocCount(int64_t n) { docs_ = n; }
  const std::unordered_map<std::string, int>& df() const { return df_; }
  int64_t doc_count() const { return docs_; }
  // Terms whose df changed since the last call (and clears the list).
  std::vector<std::string> TakeChangedTerms();
  size_t story_count() const { return stories_.size(); }

  static constexpr size_t kMaxPostings = 32;
  static constexpr size_t kCentroidTerms = 120;
  static constexpr size_t kKeyTerms = 6;
  static constexpr size_t kMaxScored = 64;  // candidates scored per document

 private:
  struct Story {
    std::unordered_map<std::string, double> centroid;  // summed unit doc vectors (top terms)
    std::unordered_map<std::string, int> entities, places, types, main_places;
    int32_t first_day = kNoDay, last_day = kNoDay;
    int docs = 0;
    int members = 0;  // documents that joined on their own (copies not counted)
    double centroid_norm = 0;  // kept with the centroid
  };
  // What Score needs of a document that does not depend on the story,
  // computed once per Add rather than once per candidate.
  struct DocWeights {
    std::vector<double> entities, places;  // IDF weights, parallel to DocFeatures
    double entities_total = 0, places_total = 0;
  };
  double Idf(const std::string& term) const;
  std::vector<std::pair<std::string, double>> Vector(const DocFeatures& doc) const;
  DocWeights Weights(const DocFeatures& doc) const;
  double Score(const DocFeatures& doc, const std::vector<std::pair<std::string, double>>& vec,
               const DocWeights& weights, const Story& s) const;
  void Join(const std::string& id, const DocFeatures& doc,
            const std::vector<std::pair<std::string, double>>& vec);
  void Post(const std::string& key, const std::string& story);

  ClustererOptions options_;
  MinHasher hasher_;
  DuplicateIndex duplicates_;
  std::unordered_map<int64_t, std::pair<std::string, int32_t>> doc_story_;  // id -> (story, day)
  std::unordered_map<int64_t, int64_t> copy_of_;                             // copy -> original
  std::unordered_map<int64_t, std::vector<int64_t>> copies_;                 // original -> copies
  std::unordered_map<std::string, Story> stories_;
  std::unordered_map<std::string, std::vector<std::string>> postings_;
  std::unordered_map<std::string, int> df_;
  std::unordered_set<std::string> changed_terms_;  // bounded by the vocabulary
  int64_t docs_ = 0;
};

}  // namespace marsad::stories
