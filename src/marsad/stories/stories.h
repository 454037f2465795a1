// Stories across outlets: wire copies, incremental story clustering, event
// fusion, comparison (claims matrix, contradictions, unique claims), framing
// and timelines. Design, thresholds and JSON fields: docs/stories.md.
//
//   auto store = Store::Open("marsad.db");
//   StoriesOptions opts;                       // granularity "story" (default)
//   Status s = stories::UpdateStories(**store, opts);   // after Put()s
//   auto list = stories::ListStories(**store, 20, 0);
//   auto story = stories::StoryJson(**store, (*list)[0].id);
//
// Incremental: UpdateStories assigns only documents stored since its last
// call (documents.id greater than the last one it saw) and never re-clusters
// earlier ones. A long-lived process (the server) should keep one
// StoryUpdater, which holds the index in memory between calls; UpdateStories
// builds one, loads the index from the store, updates and drops it.
//
// Thread-safety: the free functions take a Store& (which serializes its own
// calls); a StoryUpdater is not thread-safe (one caller at a time).
// StoriesJson is a pure function of its inputs.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "marsad/common/status.h"
#include "marsad/document/document.h"

namespace marsad {
class Store;
}

namespace marsad::stories {

struct StoriesOptions {
  // "story" (default): a story follows one place / conflict across a time
  // window (the 2020 aftermath of a 2017 battle joins it when it shares the
  // place, the actors and vocabulary). "event": tight clusters of one event
  // (short window, higher similarity); related clusters are linked instead.
  std::string granularity = "story";
  // Documents further apart than this (by published date) never share a
  // story. 0 = the granularity's default (story: 1200 days, event: 4 days).
  int window_days = 0;
  // Minimum similarity to join a story; <= 0 = the granularity's default.
  double join_threshold = 0;
  // Estimated Jaccard similarity of word 3-shingles at or above which a
  // document is a copy of an earlier one (MinHash, 128 hashes, LSH 32x4).
  double duplicate_threshold = 0.6;
  // Data directory holding framing/terms.tsv ("" = marsad::DataDir()).
  std::string data_dir;
};

// Assigns documents stored since the last call to stories, incrementally
// (no re-clustering). The store keeps the granularity it was first run
// with; a different one gives kFailedPrecondition (rebuild with
// RebuildStories).
Status UpdateStories(Store& store, const StoriesOptions& options);
// Drops all story assignments and assigns every stored document again.
Status RebuildStories(Store& store, const StoriesOptions& options);

struct StoryListItem {
  std::string id, title, first_date, last_date;
  int documents = 0;       // all documents, copies included
  int outlets = 0;         // distinct outlets
  int events = 0;          // fused events
  int contradictions = 0;
};

// Stories, most recent last_date first.
StatusOr<std::vector<StoryListItem>> ListStories(Store& store, int limit, int offset);

// The story of a document ("" if it has none yet).
StatusOr<std::string> StoryOfDocument(Store& store, int64_t doc_id);

// The issue-6 object: {id, title, documents, duplicates, events, claims,
// contradictions, unique_claims, framing, timeline, places, links}; every
// claim / contradiction side carries its evidence {doc_id, outlet, text,
// start, end} (code-point offsets into the document body, as in
// docs/schema.md). kNotFound for an unknown id.
// Always computes from the documents (`marsad stories --id`, reports).
StatusOr<nlohmann::json> StoryJson(Store& store, std::string_view story_id);
// The same object serialized, taken from the view kept at the story's last
// update when there is one (stories of up to kMaxCompareOnUpdate documents:
// what `marsad serve` answers without recomputing), else computed.
StatusOr<std::string> StoryJsonText(Store& store, std::string_view story_id);

// The same computation over in-memory analyzed documents (for `marsad
// analyze` JSON "stories"): clusters `docs` (in the given order) and
// returns the list of story objects. Document ids in the output are
// 1 + the index into `docs` (the first document is 1; 0 is never an id, so
// duplicate_of can use null / 0 for "an original").
nlohmann::json StoriesJson(const std::vector<Document>& docs, const StoriesOptions& options);

// Per-outlet framing profiles over the whole store: {outlet: {concept:
// {term: count}}}.
StatusOr<nlohmann::json> FramingProfiles(Store& store, const StoriesOptions& options);

// Keeps the clustering index in memory between updates (for servers).
class StoryUpdater {
 public:
  static StatusOr<std::unique_ptr<StoryUpdater>> Create(Store& store, const StoriesOptions& options);
  virtual ~StoryUpdater() = default;
  // Assigns documents stored since the last update; returns how many.
  virtual StatusOr<int> Update() = 0;
};

}  // namespace marsad::stories
