#include "marsad/store/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>

#include "marsad/normalize/arabic_normalizer.h"
#include "marsad/store/fts_tokenizer.h"
#include "marsad/store/layers_json.h"
#include "marsad/store/schema.h"
#include "marsad/store/search_query.h"

namespace marsad {

using nlohmann::json;
using store_internal::AnalysisFromJson;
using store_internal::AnalysisToJson;
using store_internal::DiagnosticsFromJson;
using store_internal::DiagnosticsToJson;
using store_internal::EventFromJson;
using store_internal::EventToJson;
using store_internal::PrecisionFromName;

namespace {

// RAII use of a cached statement: binds by position, resets on scope exit.
class Query {
 public:
  explicit Query(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Query() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  Query& Text(std::string_view v) {
    // A null data pointer would bind NULL; empty text must stay ''.
    sqlite3_bind_text(stmt_, ++n_, v.data() ? v.data() : "", static_cast<int>(v.size()),
                      SQLITE_TRANSIENT);
    return *this;
  }
  Query& TextOrNull(std::string_view v) { return v.empty() ? Null() : Text(v); }
  Query& Int(int64_t v) {
    sqlite3_bind_int64(stmt_, ++n_, v);
    return *this;
  }
  Query& Real(double v) {
    sqlite3_bind_double(stmt_, ++n_, v);
    return *this;
  }
  Query& Null() {
    sqlite3_bind_null(stmt_, ++n_);
    return *this;
  }
  Query& OptReal(const std::optional<double>& v) { return v ? Real(*v) : Null(); }

  int Step() { return sqlite3_step(stmt_); }

  std::string ColText(int i) const {
    const unsigned char* p = sqlite3_column_text(stmt_, i);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, i)))
             : std::string();
  }
  int64_t ColInt(int i) const { return sqlite3_column_int64(stmt_, i); }
  double ColReal(int i) const { return sqlite3_column_double(stmt_, i); }
  bool ColNull(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }
  std::optional<double> ColOptReal(int i) const {
    return ColNull(i) ? std::nullopt : std::optional<double>(ColReal(i));
  }

 private:
  sqlite3_stmt* stmt_;
  int n_ = 0;
};

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

json ParseJsonOr(const std::string& text, json fallback) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  return j.is_discarded() ? fallback : j;
}

std::string ToJsonText(const json& j) {
  // Replace invalid UTF-8 rather than throw: a stored blob must not fail a Put.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

const char* kIndexKeys[2] = {"normalization_version", "fts_tokenizer_version"};
const int kIndexVersions[2] = {kNormalizationVersion, kFtsTokenizerVersion};

// Commits on Commit(), rolls back otherwise.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {}
  ~Transaction() {
    if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  int Begin() {
    int rc = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    open_ = rc == SQLITE_OK;
    return rc;
  }
  int Commit() {
    int rc = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) open_ = false;
    return rc;
  }

 private:
  sqlite3* db_;
  bool open_ = false;
};

}  // namespace

Store::Store(sqlite3* db, std::string path, StoreOptions options)
    : db_(db), path_(std::move(path)), options_(std::move(options)) {}

Store::~Store() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Status Store::Error(const std::string& what) const {
  return IoError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

Status Store::Exec(const char* sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string message = err ? err : sqlite3_errstr(rc);
  sqlite3_free(err);
  if (rc == SQLITE_NOTADB) return FailedPrecondition(path_ + " is not an SQLite database");
  return IoError(path_ + ": " + message);
}

Status Store::RequireWritable() const {
  if (options_.read_only) return FailedPrecondition(path_ + " was opened read-only");
  return Status::Ok();
}

StatusOr<sqlite3_stmt*> Store::Prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return it->second;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Error("cannot prepare statement");
  }
  statements_.emplace(sql, stmt);
  return stmt;
}

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  const bool memory = path == ":memory:" || path.empty();
  if (options.read_only && !memory) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return NotFound("no store at " + path);
  }
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  flags |= options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(memory ? ":memory:" : path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return IoError("cannot open store " + path + ": " + message);
  }
  std::unique_ptr<Store> store(new Store(db, memory ? ":memory:" : path, options));
  MARSAD_RETURN_IF_ERROR(store->Init());
  return store;
}

Status Store::Init() {
  sqlite3_busy_timeout(db_, options_.busy_timeout_ms);
  std::string error;
  if (RegisterFtsTokenizer(db_, &error) != SQLITE_OK) return Internal(error);
  // The first real read: fails here on a file that is not a database.
  MARSAD_RETURN_IF_ERROR(Exec("PRAGMA foreign_keys = ON"));
  if (options_.mmap_bytes > 0) {
    MARSAD_RETURN_IF_ERROR(Exec(("PRAGMA mmap_size = " + std::to_string(options_.mmap_bytes)).c_str()));
  }
  {
    sqlite3_stmt* probe = nullptr;
    int rc = sqlite3_prepare_v2(db_, "SELECT count(*) FROM sqlite_master", -1, &probe, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_step(probe);
    sqlite3_finalize(probe);
    if ((rc & 0xff) == SQLITE_NOTADB) {
      return FailedPrecondition(path_ + " is not an SQLite database (not a marsad store)");
    }
    if (rc != SQLITE_ROW) return Error("cannot read");
  }
  if (!options_.read_only) {
    MARSAD_RETURN_IF_ERROR(Exec("PRAGMA journal_mode = WAL"));
    MARSAD_RETURN_IF_ERROR(
        Exec(options_.synchronous_full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL"));
  }
  MARSAD_RETURN_IF_ERROR(Migrate());
  return CheckIndexVersion();
}

Status Store::Migrate() {
  auto user_version = [&]() -> StatusOr<int> {
    auto stmt = Prepare("PRAGMA user_version");
    if (!stmt.ok()) return stmt.status();
    Query q(*stmt);
    if (q.Step() != SQLITE_ROW) return Error("cannot read the schema version");
    return static_cast<int>(q.ColInt(0));
  };
  auto version = user_version();
  if (!version.ok()) return version.status();
  if (*version > kStoreSchemaVersion) {
    return FailedPrecondition(path_ + " was written by a newer marsad (schema " +
                              std::to_string(*version) + "; this marsad reads up to schema " +
                              std::to_string(kStoreSchemaVersion) + ")");
  }
  if (*version == kStoreSchemaVersion) return Status::Ok();
  if (*version == 0) {
    auto stmt = Prepare("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
    if (!stmt.ok()) return stmt.status();
    Query q(*stmt);
    if (q.Step() == SQLITE_ROW && q.ColInt(0) > 0) {
      return FailedPrecondition(path_ + " is an SQLite database but not a marsad store");
    }
  }
  if (options_.read_only) {
    return FailedPrecondition(path_ + " has schema " + std::to_string(*version) +
                              " and needs migrating to schema " +
                              std::to_string(kStoreSchemaVersion) +
                              "; open it read-write once (e.g. `marsad ingest`)");
  }
  for (const store_internal::Migration& m : store_internal::Migrations()) {
    Transaction tx(db_);
    if (tx.Begin() != SQLITE_OK) return Error("cannot start migration");
    // Another process may have migrated while we waited for the lock.
    auto now = user_version();
    if (!now.ok()) return now.status();
    if (*now >= m.version) continue;
    MARSAD_RETURN_IF_ERROR(Exec(m.sql));
    if (m.version == 1) {
      // The FTS index is built by this build's tokenizer.
      for (int i = 0; i < 2; ++i) {
        auto stmt = Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
        if (!stmt.ok()) return stmt.status();
        Query q(*stmt);
        q.Text(kIndexKeys[i]).Text(std::to_string(kIndexVersions[i]));
        if (q.Step() != SQLITE_DONE) return Error("cannot write meta");
      }
    }
    std::string pragma = "PRAGMA user_version = " + std::to_string(m.version);
    MARSAD_RETURN_IF_ERROR(Exec(pragma.c_str()));
    if (tx.Commit() != SQLITE_OK) return Error("cannot commit migration");
  }
  // Statements prepared against the old schema are stale.
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  statements_.clear();
  return Status::Ok();
}

Status Store::CheckIndexVersion() {
  std::string stale;
  for (int i = 0; i < 2; ++i) {
    auto stmt = Prepare("SELECT value FROM meta WHERE key = ?");
    if (!stmt.ok()) return stmt.status();
    Query q(*stmt);
    q.Text(kIndexKeys[i]);
    std::string have = q.Step() == SQLITE_ROW ? q.ColText(0) : "";
    if (have != std::to_string(kIndexVersions[i])) {
      stale = std::string(kIndexKeys[i]) + " " + (have.empty() ? "?" : have) + ", this marsad uses " +
              std::to_string(kIndexVersions[i]);
      break;
    }
  }
  if (stale.empty()) return Status::Ok();
  if (options_.read_only || !options_.reindex_if_stale) {
    return FailedPrecondition("the search index of " + path_ + " is stale (" + stale +
                              "); run `marsad search --reindex`");
  }
  return ReindexLocked();
}

Status Store::Reindex() {
  std::lock_guard<std::mutex> lock(mu_);
  return ReindexLocked();
}

Status Store::ReindexLocked() {
  MARSAD_RETURN_IF_ERROR(RequireWritable());
  Transaction tx(db_);
  if (tx.Begin() != SQLITE_OK) return Error("cannot start reindex");
  MARSAD_RETURN_IF_ERROR(Exec("INSERT INTO documents_fts(documents_fts) VALUES('rebuild')"));
  for (int i = 0; i < 2; ++i) {
    auto stmt = Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
    if (!stmt.ok()) return stmt.status();
    Query q(*stmt);
    q.Text(kIndexKeys[i]).Text(std::to_string(kIndexVersions[i]));
    if (q.Step() != SQLITE_DONE) return Error("cannot write meta");
  }
  if (tx.Commit() != SQLITE_OK) return Error("cannot commit reindex");
  return Status::Ok();
}

// ---------------------------------------------------------------- writing

StatusOr<PutResult> Store::Put(const Document& doc) {
  auto results = PutBatch({&doc});
  if (!results.ok()) return results.status();
  return std::move(results->front());
}

StatusOr<std::vector<PutResult>> Store::PutBatch(const std::vector<const Document*>& docs) {
  std::lock_guard<std::mutex> lock(mu_);
  MARSAD_RETURN_IF_ERROR(RequireWritable());
  std::vector<PutResult> results(docs.size());
  if (docs.empty()) return results;
  Transaction tx(db_);
  if (tx.Begin() != SQLITE_OK) return Error("cannot start a write transaction");
  for (size_t i = 0; i < docs.size(); ++i) {
    if (docs[i] == nullptr) return InvalidArgument("PutBatch: null document");
    MARSAD_RETURN_IF_ERROR(PutLocked(*docs[i], &results[i]));
  }
  if (tx.Commit() != SQLITE_OK) return Error("cannot commit");
  return results;
}

Status Store::PutLocked(const Document& doc, PutResult* r) {
  r->content_hash = doc.content_hash.empty() ? DocumentContentHash(doc.body) : doc.content_hash;
  {
    // Inside the transaction, so a repeat within the same batch is seen too.
    auto stmt = Prepare("SELECT id FROM documents WHERE content_hash = ?");
    if (!stmt.ok()) return stmt.status();
    Query q(*stmt);
    q.Text(r->content_hash);
    int rc = q.Step();
    if (rc == SQLITE_ROW) {
      r->id = q.ColInt(0);
      r->inserted = false;
      return Status::Ok();
    }
    if (rc != SQLITE_DONE) return Error("cannot look up content hash");
  }
  std::string outlet_id;
  if (doc.outlet && !doc.outlet->id.empty()) {
    outlet_id = doc.outlet->id;
    auto stmt = Prepare(
        "INSERT INTO outlets(id, name_ar, name_en) VALUES(?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
        "name_ar = CASE WHEN excluded.name_ar <> '' THEN excluded.name_ar ELSE name_ar END, "
        "name_en = CASE WHEN excluded.name_en <> '' THEN excluded.name_en ELSE name_en END");
    if (!stmt.ok()) return stmt.status();
    Query q(*stmt);
    q.Text(outlet_id).Text(doc.outlet->name_ar).Text(doc.outlet->name_en);
    if (q.Step() != SQLITE_DONE) return Error("cannot store outlet");
  }
  {
    auto stmt = Prepare(
        "INSERT INTO documents(content_hash, source, title, url, outlet_id, outlet_name_ar, "
        "outlet_name_en, published_value, published_precision, published_evidence, "
        "published_inferred, body, ingested_at, failed, wires, diagnostics, layers, analysis) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt.ok()) return stmt.status();
    Query q(*stmt);
    q.Text(r->content_hash).Text(doc.source).Text(doc.title).Text(doc.input.url);
    q.TextOrNull(outlet_id);
    q.Text(doc.outlet ? doc.outlet->name_ar : "").Text(doc.outlet ? doc.outlet->name_en : "");
    if (doc.published && !doc.published->value.empty()) {
      q.Text(doc.published->value).Text(PrecisionName(doc.published->precision));
      q.Text(doc.published->evidence).Int(doc.published->inferred ? 1 : 0);
    } else {
      q.Null().Text("unknown").Text(doc.published ? doc.published->evidence : "").Int(0);
    }
    q.Text(doc.body).Text(NowUtc()).Int(doc.failed ? 1 : 0);
    q.Text(ToJsonText(json(doc.wires))).Text(ToJsonText(DiagnosticsToJson(doc.diagnostics)));
    q.Text(ToJsonText(json(std::vector<std::string>(doc.layers.begin(), doc.layers.end()))));
    q.Text(ToJsonText(AnalysisToJson(doc)));
    if (q.Step() != SQLITE_DONE) return Error("cannot store document");
    r->id = sqlite3_last_insert_rowid(db_);
    r->inserted = true;
  }
  {
    auto stmt = Prepare("INSERT INTO documents_fts(rowid, title, body) VALUES(?, ?, ?)");
    if (!stmt.ok()) return stmt.status();
    Query q(*stmt);
    q.Int(r->id).Text(doc.title).Text(doc.body);
    if (q.Step() != SQLITE_DONE) return Error("cannot index document");
  }
  for (size_t i = 0; i < doc.removed.size(); ++i) {
    auto stmt = Prepare("INSERT INTO removed_lines(doc_id, idx, text, reason) VALUES(?, ?, ?, ?)");
    if (!stmt.ok()) return stmt.status();
    Query q(*stmt);
    q.Int(r->id).Int(static_cast<int64_t>(i)).Text(doc.removed[i].text).Text(doc.removed[i].reason);
    if (q.Step() != SQLITE_DONE) return Error("cannot store removed line");
  }
  for (const Entity& e : doc.entities) {
    if (e.id.empty()) continue;  // kept in the analysis blob only
    {
      auto stmt = Prepare(
          "INSERT INTO entities(id, type, name_ar, name_en, wikidata, lat, lon) "
          "VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
          "type = CASE WHEN excluded.type <> '' THEN excluded.type ELSE type END, "
          "name_ar = CASE WHEN excluded.name_ar <> '' THEN excluded.name_ar ELSE name_ar END, "
          "name_en = CASE WHEN excluded.name_en <> '' THEN excluded.name_en ELSE name_en END, "
          "wikidata = CASE WHEN excluded.wikidata <> '' THEN excluded.wikidata ELSE wikidata END, "
          "lat = coalesce(excluded.lat, lat), lon = coalesce(excluded.lon, lon)");
      if (!stmt.ok()) return stmt.status();
      Query q(*stmt);
      q.Text(e.id).Text(e.type).Text(e.name_ar).Text(e.name_en).Text(e.wikidata);
      q.OptReal(e.lat).OptReal(e.lon);
      if (q.Step() != SQLITE_DONE) return Error("cannot store entity");
    }
    for (const EntityMention& m : e.mentions) {
      auto stmt = Prepare(
          "INSERT INTO mentions(doc_id, entity_id, start_byte, end_byte, text) VALUES(?, ?, ?, ?, ?)");
      if (!stmt.ok()) return stmt.status();
      Query q(*stmt);
      q.Int(r->id).Text(e.id).Int(m.span.start).Int(m.span.end).Text(m.text);
      if (q.Step() != SQLITE_DONE) return Error("cannot store mention");
    }
  }
  for (size_t i = 0; i < doc.dates.size(); ++i) {
    const DateExpr& d = doc.dates[i];
    auto stmt = Prepare(
        "INSERT INTO dates(doc_id, idx, start_byte, end_byte, text, value, precision, anchor, kind, "
        "resolved) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt.ok()) return stmt.status();
    Query q(*stmt);
    q.Int(r->id).Int(static_cast<int64_t>(i)).Int(d.span.start).Int(d.span.end).Text(d.text);
    q.Text(d.value).Text(PrecisionName(d.precision)).Text(d.anchor).Text(d.kind);
    q.Int(d.resolved ? 1 : 0);
    if (q.Step() != SQLITE_DONE) return Error("cannot store date");
  }
  for (size_t i = 0; i < doc.attributions.size(); ++i) {
    const Attribution& a = doc.attributions[i];
    auto stmt = Prepare(
        "INSERT INTO attributions(doc_id, idx, speaker, speaker_text, cue, stance, cue_start, "
        "cue_end, start_byte, end_byte, parent) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt.ok()) return stmt.status();
    Query q(*stmt);
    q.Int(r->id).Int(static_cast<int64_t>(i)).Text(a.speaker).Text(a.speaker_text).Text(a.cue);
    q.Text(a.stance).Int(a.cue_span.start).Int(a.cue_span.end).Int(a.span.start).Int(a.span.end);
    q.Int(a.parent);
    if (q.Step() != SQLITE_DONE) return Error("cannot store attribution");
  }
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    int64_t event_id = 0;
    {
      auto stmt = Prepare(
          "INSERT INTO events(doc_id, idx, type, trigger_text, trigger_start, trigger_end, "
          "place_id, place_text, date_value, date_precision, status, negated, background, "
          "confidence, evidence_start, evidence_end, json) "
          "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      if (!stmt.ok()) return stmt.status();
      Query q(*stmt);
      q.Int(r->id).Int(static_cast<int64_t>(i)).Text(e.type).Text(e.trigger);
      q.Int(e.trigger_span.start).Int(e.trigger_span.end);
      q.TextOrNull(e.place ? std::string_view(e.place->entity_id) : std::string_view());
      q.Text(e.place ? e.place->text : "");
      q.TextOrNull(e.date ? std::string_view(e.date->value) : std::string_view());
      q.Text(e.date ? PrecisionName(e.date->precision) : "unknown");
      q.Text(e.status).Int(e.negated ? 1 : 0).Int(e.background ? 1 : 0).Real(e.confidence);
      q.Int(e.evidence.start).Int(e.evidence.end).Text(ToJsonText(EventToJson(e)));
      if (q.Step() != SQLITE_DONE) return Error("cannot store event");
      event_id = sqlite3_last_insert_rowid(db_);
    }
    auto put_arg = [&](const EventArg& a, const char* default_role) -> Status {
      auto stmt = Prepare(
          "INSERT INTO event_args(event_id, role, entity_id, text, start_byte, end_byte) "
          "VALUES(?, ?, ?, ?, ?, ?)");
      if (!stmt.ok()) return stmt.status();
      Query q(*stmt);
      q.Int(event_id).Text(a.role.empty() ? default_role : a.role).Text(a.entity_id).Text(a.text);
      q.Int(a.span.start).Int(a.span.end);
      if (q.Step() != SQLITE_DONE) return Error("cannot store event argument");
      return Status::Ok();
    };
    for (const EventArg& a : e.actors) MARSAD_RETURN_IF_ERROR(put_arg(a, "actor"));
    for (const EventArg& a : e.targets) MARSAD_RETURN_IF_ERROR(put_arg(a, "target"));
    if (e.place) MARSAD_RETURN_IF_ERROR(put_arg(*e.place, "place"));
  }
  return PutFacetsLocked(doc, r->id, outlet_id);
}

// The doc_facets row (schema.cc, version 4): what the mentions and events
// tables hold for this document, distinct and sorted, space-separated (ids
// hold no spaces).
Status Store::PutFacetsLocked(const Document& doc, int64_t id, const std::string& outlet_id) {
  auto joined = [](std::vector<std::string_view> v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    std::string out;
    for (std::string_view x : v) {
      if (x.empty() || x.find(' ') != std::string_view::npos) continue;
      if (!out.empty()) out += ' ';
      out += x;
    }
    return out;
  };
  std::vector<std::string_view> types, entities;
  for (const Event& e : doc.events) types.push_back(e.type);
  for (const Entity& e : doc.entities) {
    if (!e.id.empty() && !e.mentions.empty()) entities.push_back(e.id);
  }
  auto stmt = Prepare(
      "INSERT INTO doc_facets(doc_id, outlet_id, published, types, entities) VALUES(?, ?, ?, ?, ?)");
  if (!stmt.ok()) return stmt.status();
  Query q(*stmt);
  q.Int(id).Text(outlet_id);
  q.Text(doc.published && !doc.published->value.empty() ? doc.published->value : std::string());
  q.Text(joined(std::move(types))).Text(joined(std::move(entities)));
  if (q.Step() != SQLITE_DONE) return Error("cannot store facets");
  return Status::Ok();
}

// ---------------------------------------------------------------- reading

StatusOr<std::vector<SearchHit>> Store::Search(const std::string& query,
                                               const SearchOptions& options) {
  auto match = CompileSearchQuery(query, options.stopwords);
  if (!match.ok()) return match.status();
  std::lock_guard<std::mutex> lock(mu_);
  auto stmt = Prepare(
      "SELECT d.id, d.title, coalesce(d.outlet_id, ''), d.outlet_name_ar, d.outlet_name_en, "
      "coalesce(d.published_value, ''), d.published_precision, d.source, d.url, "
      "documents_fts.rank, snippet(documents_fts, 1, ?, ?, ?, ?) "
      "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
      "WHERE documents_fts MATCH ? AND documents_fts.rank MATCH 'marsad_rank(5.0, 1.0)' "
      "AND (? = '' OR d.outlet_id = ?) "
      "AND (? = '' OR d.published_value >= ?) "
      "AND (? = '' OR substr(d.published_value, 1, length(?)) <= ?) "
      // FTS5 sorts by rank itself, so snippet() runs only for the rows returned.
      "ORDER BY documents_fts.rank LIMIT ? OFFSET ?");
  if (!stmt.ok()) return stmt.status();
  Query q(*stmt);
  q.Text(options.highlight_open).Text(options.highlight_close).Text(options.ellipsis);
  q.Int(std::clamp(options.snippet_tokens, 1, 64));
  q.Text(*match);
  q.Text(options.outlet).Text(options.outlet);
  q.Text(options.published_from).Text(options.published_from);
  q.Text(options.published_to).Text(options.published_to).Text(options.published_to);
  q.Int(std::max(0, options.limit)).Int(std::max(0, options.offset));
  std::vector<SearchHit> hits;
  for (;;) {
    int rc = q.Step();
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      // The compiled query is always well-formed; still, never crash on it.
      return InvalidArgument("search failed for query '" + query + "': " + sqlite3_errmsg(db_));
    }
    SearchHit h;
    h.doc_id = q.ColInt(0);
    h.title = q.ColText(1);
    h.outlet_id = q.ColText(2);
    std::string name_ar = q.ColText(3), name_en = q.ColText(4);
    h.outlet_name = !name_ar.empty() ? name_ar : !name_en.empty() ? name_en : h.outlet_id;
    h.published = q.ColText(5);
    h.published_precision = q.ColText(6);
    h.source = q.ColText(7);
    h.url = q.ColText(8);
    h.score = -q.ColReal(9);
    h.snippet = q.ColText(10);
    hits.push_back(std::move(h));
  }
  return hits;
}

StatusOr<StoreStats> Store::Stats() {
  std::lock_guard<std::mutex> lock(mu_);
  StoreStats s;
  s.schema_version = kStoreSchemaVersion;
  auto count = [&](const char* sql, int64_t* out) -> Status {
    auto stmt = Prepare(sql);
    if (!stmt.ok()) return stmt.status();
    Query q(*stmt);
    if (q.Step() != SQLITE_ROW) return Error("cannot count");
    *out = q.ColInt(0);
    return Status::Ok();
  };
  MARSAD_RETURN_IF_ERROR(count("SELECT count(*) FROM documents", &s.documents));
  MARSAD_RETURN_IF_ERROR(count("SELECT count(*) FROM outlets", &s.outlets));
  MARSAD_RETURN_IF_ERROR(count("SELECT count(*) FROM removed_lines", &s.removed_lines));
  MARSAD_RETURN_IF_ERROR(count("SELECT count(*) FROM entities", &s.entities));
  MARSAD_RETURN_IF_ERROR(count("SELECT count(*) FROM mentions", &s.mentions));
  MARSAD_RETURN_IF_ERROR(count("SELECT count(*) FROM dates", &s.dates));
  MARSAD_RETURN_IF_ERROR(count("SELECT count(*) FROM attributions", &s.attributions));
  MARSAD_RETURN_IF_ERROR(count("SELECT count(*) FROM events", &s.events));
  int64_t pages = 0, page_size = 0, norm = 0;
  MARSAD_RETURN_IF_ERROR(count("PRAGMA page_count", &pages));
  MARSAD_RETURN_IF_ERROR(count("PRAGMA page_size", &page_size));
  s.file_bytes = pages * page_size;
  MARSAD_RETURN_IF_ERROR(count(
      "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = "
      "'normalization_version'), 0)",
      &norm));
  s.normalization_version = static_cast<int>(norm);
  auto stmt = Prepare("SELECT coalesce(min(published_value), ''), coalesce(max(published_value), '') "
                      "FROM documents");
  if (!stmt.ok()) return stmt.status();
  Query q(*stmt);
  if (q.Step() == SQLITE_ROW) {
    s.first_published = q.ColText(0);
    s.last_published = q.ColText(1);
  }
  return s;
}

StatusOr<std::optional<int64_t>> Store::FindByHash(const std::string& content_hash) {
  std::lock_guard<std::mutex> lock(mu_);
  auto stmt = Prepare("SELECT id FROM documents WHERE content_hash = ?");
  if (!stmt.ok()) return stmt.status();
  Query q(*stmt);
  q.Text(content_hash);
  int rc = q.Step();
  if (rc == SQLITE_ROW) return std::optional<int64_t>(q.ColInt(0));
  if (rc != SQLITE_DONE) return Error("cannot look up content hash");
  return std::optional<int64_t>();
}

StatusOr<std::optional<StoredDocument>> Store::GetDocument(int64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  StoredDocument out;
  out.id = id;
  Document& doc = out.doc;
  {
    auto stmt = Prepare(
        "SELECT content_hash, source, title, url, outlet_id, outlet_name_ar, outlet_name_en, "
        "published_value, published_precision, published_evidence, published_inferred, body, "
        "ingested_at, failed, wires, diagnostics, layers, analysis FROM documents WHERE id = ?");
    if (!stmt.ok()) return stmt.status();
    Query q(*stmt);
    q.Int(id);
    int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<StoredDocument>();
    if (rc != SQLITE_ROW) return Error("cannot read document");
    doc.content_hash = q.ColText(0);
    doc.source = q.ColText(1);
    doc.title = q.ColText(2);
    // The analysis blob restores input metadata (url included) below.
    AnalysisFromJson(ParseJsonOr(q.ColText(17), json::object()), &doc);
    if (doc.input.url.empty()) doc.input.url = q.ColText(3);
    if (!q.ColNull(4) || !q.ColText(5).empty() || !q.ColText(6).empty()) {
      doc.outlet = OutletRef{q.ColText(4), q.ColText(5), q.ColText(6)};
    }
    if (!q.ColNull(7)) {
      doc.published = PublishedDate{q.ColText(7), PrecisionFromName(q.ColText(8)), q.ColText(9),
                                    q.ColInt(10) != 0};
    }
    doc.body = q.ColText(11);
    out.ingested_at = q.ColText(12);
    doc.failed = q.ColInt(13) != 0;
    for (const json& w : ParseJsonOr(q.ColText(14), json::array())) {
      if (w.is_string()) doc.wires.push_back(w.get<std::string>());
    }
    doc.diagnostics = DiagnosticsFromJson(ParseJsonOr(q.ColText(15), json::array()));
    for (const json& l : ParseJsonOr(q.ColText(16), json::array())) {
      if (l.is_string()) doc.layers.insert(l.get<std::string>());
    }
  }
  {
    auto stmt = Prepare("SELECT text, reason FROM removed_lines WHERE doc_id = ? ORDER BY idx");
    if (!stmt.ok()) return stmt.status();
    Query q(*stmt);
    q.Int(id);
    while (q.Step() == SQLITE_ROW) doc.removed.push_back({q.ColText(0), q.ColText(1)});
  }
  {
    auto stmt = Prepare("SELECT json FROM events WHERE doc_id = ? ORDER BY idx");
    if (!stmt.ok()) return stmt.status();
    Query q(*stmt);
    q.Int(id);
    while (q.Step() == SQLITE_ROW) {
      doc.events.push_back(EventFromJson(ParseJsonOr(q.ColText(0), json::object())));
    }
  }
  return std::optional<StoredDocument>(std::move(out));
}

StatusOr<std::vector<StoredEvent>> Store::Events(const EventQuery& query) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string sql =
      "SELECT e.id, e.doc_id, e.idx, coalesce(d.outlet_id, ''), coalesce(d.published_value, ''), "
      "e.json FROM events e JOIN documents d ON d.id = e.doc_id WHERE 1";
  std::vector<std::string> texts;
  if (!query.type.empty()) {
    sql += " AND e.type = ?";
    texts.push_back(query.type);
  }
  if (!query.place_id.empty()) {
    sql += " AND e.place_id = ?";
    texts.push_back(query.place_id);
  }
  if (!query.entity_id.empty()) {
    sql += " AND e.id IN (SELECT event_id FROM event_args WHERE entity_id = ?)";
    texts.push_back(query.entity_id);
  }
  if (!query.date_from.empty()) {
    sql += " AND e.date_value >= ?";
    texts.push_back(query.date_from);
  }
  if (!query.date_to.empty()) {
    sql += " AND substr(e.date_value, 1, length(?)) <= ?";
    texts.push_back(query.date_to);
    texts.push_back(query.date_to);
  }
  if (query.doc_id != 0) sql += " AND e.doc_id = ?";
  if (!query.include_background) sql += " AND e.background = 0";
  if (!query.include_negated) sql += " AND e.negated = 0";
  // Events without a date sort last.
  sql += " ORDER BY e.date_value IS NULL, e.date_value, e.doc_id, e.idx LIMIT ?";
  auto stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  Query q(*stmt);
  for (const std::string& t : texts) q.Text(t);
  if (query.doc_id != 0) q.Int(query.doc_id);
  q.Int(std::max(0, query.limit));
  std::vector<StoredEvent> out;
  for (;;) {
    int rc = q.Step();
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return Error("cannot read events");
    StoredEvent e;
    e.id = q.ColInt(0);
    e.doc_id = q.ColInt(1);
    e.index = static_cast<int32_t>(q.ColInt(2));
    e.outlet_id = q.ColText(3);
    e.published = q.ColText(4);
    e.event = EventFromJson(ParseJsonOr(q.ColText(5), json::object()));
    out.push_back(std::move(e));
  }
  return out;
}

StatusOr<std::vector<StoredEntity>> Store::Entities(const EntityQuery& query) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string sql =
      "SELECT e.id, e.type, e.name_ar, e.name_en, e.wikidata, e.lat, e.lon, "
      "(SELECT count(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id = e.id), "
      "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS n "
      "FROM entities e WHERE 1";
  std::vector<std::string> texts;
  if (!query.id.empty()) {
    sql += " AND e.id = ?";
    texts.push_back(query.id);
  }
  if (!query.type.empty()) {
    sql += " AND e.type = ?";
    texts.push_back(query.type);
  }
  if (!query.name.empty()) {
    sql += " AND (instr(e.name_ar, ?) > 0 OR instr(e.name_en, ?) > 0)";
    texts.push_back(query.name);
    texts.push_back(query.name);
  }
  sql += " ORDER BY n DESC, e.id LIMIT ?";
  auto stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  Query q(*stmt);
  for (const std::string& t : texts) q.Text(t);
  q.Int(std::max(0, query.limit));
  std::vector<StoredEntity> out;
  for (;;) {
    int rc = q.Step();
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return Error("cannot read entities");
    StoredEntity e;
    e.id = q.ColText(0);
    e.type = q.ColText(1);
    e.name_ar = q.ColText(2);
    e.name_en = q.ColText(3);
    e.wikidata = q.ColText(4);
    e.lat = q.ColOptReal(5);
    e.lon = q.ColOptReal(6);
    e.documents = q.ColInt(7);
    e.mentions = q.ColInt(8);
    out.push_back(std::move(e));
  }
  return out;
}

StatusOr<std::vector<int64_t>> Store::DocumentsMentioning(const std::string& entity_id, int limit) {
  std::lock_guard<std::mutex> lock(mu_);
  auto stmt = Prepare(
      "SELECT d.id FROM documents d WHERE d.id IN (SELECT doc_id FROM mentions WHERE entity_id = ?) "
      "ORDER BY d.published_value DESC, d.id DESC LIMIT ?");
  if (!stmt.ok()) return stmt.status();
  Query q(*stmt);
  q.Text(entity_id).Int(std::max(0, limit));
  std::vector<int64_t> out;
  for (;;) {
    int rc = q.Step();
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return Error("cannot read mentions");
    out.push_back(q.ColInt(0));
  }
  return out;
}

}  // namespace marsad
