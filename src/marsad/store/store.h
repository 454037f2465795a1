// The marsad store: analyzed documents in one SQLite file (marsad.db), with
// Arabic-aware full-text search and query tables for later stages.
//
//   auto store = Store::Open("marsad.db");
//   if (!store.ok()) return store.status();
//   auto put = (*store)->Put(doc);             // idempotent on content
//   auto hits = (*store)->Search("البوكمال", {.limit = 10});
//
// What is stored (schema and policies: docs/store.md):
//  - documents: identity, metadata (title, url, outlet, published date with
//    precision/evidence), the clean body, wires, diagnostics, and a JSON blob
//    of the layers that have no table of their own (store.analysis/1).
//  - removed_lines, outlets, entities (one row per KB id, merged across
//    documents), mentions, dates, attributions, events (+ event_args).
//  - documents_fts: FTS5 over title+body with the "marsad" tokenizer
//    (store/fts_tokenizer.h).
// All spans stored are BYTE offsets into documents.body, like Document.
//
// Idempotence: a document is keyed on its content hash (Document::content_hash,
// or DocumentContentHash(body) when empty), so re-ingesting the same article,
// or a copy differing only in tashkeel/tatweel/hamza spelling, stores nothing
// and returns the existing id.
//
// Durability: each Put/PutBatch is one transaction in WAL mode
// (synchronous=NORMAL): a process killed at any point (kill -9) loses only
// the transaction in flight; power loss may also lose the last commits but
// never corrupts the file. StoreOptions::synchronous_full trades speed for
// durability against power loss.
//
// Thread-safety: a Store owns one SQLite connection and serializes every
// call on an internal mutex, so one Store may be shared by threads (calls
// do not run in parallel). Several Stores / processes may open the same file:
// SQLite's WAL locking lets readers run beside one writer, and a writer waits
// up to busy_timeout_ms for another writer.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/common/status.h"
#include "marsad/document/document.h"
#include "marsad/store/content_hash.h"
#include "marsad/store/search_query.h"

struct sqlite3;
struct sqlite3_stmt;

namespace marsad {

// Version of the SQL schema this build writes (PRAGMA user_version).
inline constexpr int kStoreSchemaVersion = 4;

struct StoreOptions {
  bool read_only = false;
  // When the FTS index was built with another normalization/tokenizer
  // version: rebuild it on open (read-write only). If false, or read-only,
  // Open fails with kFailedPrecondition and says to run `marsad search --reindex`.
  bool reindex_if_stale = true;
  int busy_timeout_ms = 10000;
  bool synchronous_full = false;  // fsync each commit (power-loss durable)
  // Reads through a memory map of up to this many bytes (0 = SQLite's
  // default, read() calls). A server reading a large store at random wins
  // most from it: no system call per page.
  int64_t mmap_bytes = 0;
};

struct PutResult {
  int64_t id = 0;            // documents.id
  bool inserted = false;     // false: the same content was already stored
  std::string content_hash;
};

struct SearchOptions {
  int limit = 20;
  int offset = 0;
  std::string outlet;          // only this outlet id ("" = all)
  std::string published_from;  // ISO prefix, inclusive ("" = open)
  std::string published_to;    // ISO prefix, inclusive: "2017-11" covers all of November
  std::string highlight_open = "[";
  std::string highlight_close = "]";
  std::string ellipsis = "…";
  int snippet_tokens = 24;     // words in the snippet (1..64)
  // Function words not required by a query of several words (see
  // search_query.h); null: every word is required.
  const QueryStopwords* stopwords = nullptr;
};

struct SearchHit {
  int64_t doc_id = 0;
  std::string title;
  std::string outlet_id;
  std::string outlet_name;     // Arabic name, else English, else id
  std::string published;       // ISO prefix, "" if unknown
  std::string published_precision;
  std::string source;
  std::string url;
  double score = 0;            // -bm25 (title weighted x5): higher is better
  std::string snippet;         // from the body, matches between highlight markers
};

struct StoreStats {
  int schema_version = 0;
  int normalization_version = 0;  // the FTS index was built with
  int64_t documents = 0;
  int64_t outlets = 0;
  int64_t removed_lines = 0;
  int64_t entities = 0;
  int64_t mentions = 0;
  int64_t dates = 0;
  int64_t attributions = 0;
  int64_t events = 0;
  std::string first_published;  // "" if none
  std::string last_published;
  int64_t file_bytes = 0;       // page_count * page_size (excluding the WAL)
};

// A document as stored. `doc` carries everything that was put except
// tokens, sentences' tokens and the normalized text (recomputed on demand).
struct StoredDocument {
  int64_t id = 0;
  std::string ingested_at;  // UTC, ISO 8601
  Document doc;
};

struct EventQuery {
  std::string type;          // "" = any
  std::string place_id;      // entity id of the place, "" = any
  std::string entity_id;     // an actor, target or place, "" = any
  std::string date_from;     // ISO prefixes compared on the event date value,
  std::string date_to;       // inclusive; events without a date are excluded when set
  int64_t doc_id = 0;        // 0 = any
  bool include_background = true;
  bool include_negated = true;
  int limit = 1000;
};

struct StoredEvent {
  int64_t id = 0;            // events.id
  int64_t doc_id = 0;
  int32_t index = 0;         // index in Document::events
  std::string outlet_id;
  std::string published;     // of the document
  Event event;
};

struct EntityQuery {
  std::string id;            // exact id, "" = any
  std::string type;          // "" = any
  std::string name;          // substring of name_ar or name_en, "" = any
  int limit = 100;
};

struct StoredEntity {
  std::string id, type, name_ar, name_en, wikidata;
  std::optional<double> lat, lon;
  int64_t documents = 0;     // documents that mention it
  int64_t mentions = 0;
};

// Story tables (written by stories/stories.h; schema version 2).
struct StoryDocRow {
  int64_t doc_id = 0;
  std::string story_id;
  int64_t duplicate_of = 0;     // 0 = an original
  double similarity = 0;        // estimated Jaccard with the original
  std::string features;         // JSON (stories/clusterer.h DocFeatures)
  std::vector<uint32_t> signature;  // MinHash; empty = none
};

struct StoryRow {
  std::string id, title, first_date, last_date;
  int documents = 0, outlets = 0, events = 0, contradictions = 0;
  std::string links = "[]";     // JSON
  std::string state = "{}";     // JSON, the clusterer's state of the story
  // JSON, the full story object computed at the last update; "" = not kept
  // (compute on request). Table story_views; read by StoryRows on request.
  std::string view;
};

struct StoryUpdate {
  std::vector<StoryDocRow> documents;                 // upserted
  std::vector<StoryRow> stories;                      // upserted
  std::vector<std::pair<std::string, int>> term_df;   // upserted
  std::vector<std::pair<std::string, std::string>> meta;  // upserted
};

class Store {
 public:
  // Opens (creating if needed, unless read_only) the store at `path`
  // (":memory:" for a private in-memory store) and migrates it to
  // kStoreSchemaVersion. Fails with kFailedPrecondition when the file was
  // written by a newer marsad, is not a marsad store, or needs a migration /
  // reindex while read_only; kNotFound when read_only and missing.
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path,
                                               const StoreOptions& options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores one document and all the layers it has, in one transaction.
  StatusOr<PutResult> Put(const Document& doc);
  // Many documents in one transaction; results in input order. A content
  // hash repeated inside the batch is stored once. On error nothing of the
  // batch is stored.
  StatusOr<std::vector<PutResult>> PutBatch(const std::vector<const Document*>& docs);

  // Full-text search, best first. `query` uses the syntax of
  // store/search_query.h; bad syntax gives kInvalidArgument with a one-line
  // message.
  StatusOr<std::vector<SearchHit>> Search(const std::string& query, const SearchOptions& options);

  StatusOr<StoreStats> Stats();
  StatusOr<std::optional<StoredDocument>> GetDocument(int64_t id);
  StatusOr<std::optional<int64_t>> FindByHash(const std::string& content_hash);
  StatusOr<std::vector<StoredEvent>> Events(const EventQuery& query);
  StatusOr<std::vector<StoredEntity>> Entities(const EntityQuery& query);
  // Ids of documents mentioning the entity, newest published first.
  StatusOr<std::vector<int64_t>> DocumentsMentioning(const std::string& entity_id, int limit = 1000);

  // Stories (stories/stories.h). Meta: "" when the key is absent.
  StatusOr<std::string> GetMeta(const std::string& key);
  // Ids of documents with id > after_id, ascending, at most `limit`.
  StatusOr<std::vector<int64_t>> DocumentIdsAfter(int64_t after_id, int limit);
  // Writes a batch of story changes in one transaction.
  Status PutStoryUpdate(const StoryUpdate& update);
  // Assigned documents of one story ("" = all), by doc id.
  StatusOr<std::vector<StoryDocRow>> StoryDocuments(const std::string& story_id, bool with_signatures = false);
  // The story row of one document, if assigned.
  StatusOr<std::optional<StoryDocRow>> StoryDocument(int64_t doc_id);
  // Story rows: one id, or all (id "") newest last_date first.
  // One story (id non-empty) or a page of stories, latest last_date first
  // (ties: id descending, so the date index serves the order). `columns`
  // picks the large ones to read besides the summary: kStoryState,
  // kStoryView (left empty otherwise).
  static constexpr unsigned kStoryState = 1, kStoryView = 2;
  StatusOr<std::vector<StoryRow>> StoryRows(const std::string& id, int limit, int offset,
                                            unsigned columns = kStoryState | kStoryView);
  StatusOr<std::vector<std::pair<std::string, int>>> StoryTermDf();
  // Deletes all story rows, assignments, term statistics and story meta keys.
  Status ClearStories();

  // Rebuilds the FTS index from documents (after a normalization change).
  Status Reindex();

  const std::string& path() const { return path_; }
  bool read_only() const { return options_.read_only; }

 private:
  Store(sqlite3* db, std::string path, StoreOptions options);
  Status Init();
  Status Migrate();
  Status CheckIndexVersion();
  Status ReindexLocked();
  Status PutLocked(const Document& doc, PutResult* result);
  Status PutFacetsLocked(const Document& doc, int64_t id, const std::string& outlet_id);
  Status Exec(const char* sql);
  Status Error(const std::string& what) const;
  // A cached prepared statement, reset and with bindings cleared.
  StatusOr<sqlite3_stmt*> Prepare(const std::string& sql);
  Status RequireWritable() const;

  sqlite3* db_ = nullptr;
  std::string path_;
  StoreOptions options_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
  std::mutex mu_;
};

}  // namespace marsad
