// Store methods for the story tables (schema version 2).
#include <sqlite3.h>

#include <cstring>

#include "marsad/store/store.h"

namespace marsad {
namespace {

std::string Col(sqlite3_stmt* s, int i) {
  const unsigned char* p = sqlite3_column_text(s, i);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(s, i))) : "";
}

void BindText(sqlite3_stmt* s, int i, const std::string& v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

// Resets a cached statement when leaving scope.
struct Reset {
  sqlite3_stmt* s;
  ~Reset() {
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
  }
};

}  // namespace

StatusOr<std::string> Store::GetMeta(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto stmt = Prepare("SELECT value FROM meta WHERE key = ?");
  if (!stmt.ok()) return stmt.status();
  Reset r{*stmt};
  BindText(*stmt, 1, key);
  int rc = sqlite3_step(*stmt);
  if (rc == SQLITE_ROW) return Col(*stmt, 0);
  if (rc != SQLITE_DONE) return Error("cannot read meta");
  return std::string();
}

StatusOr<std::vector<int64_t>> Store::DocumentIdsAfter(int64_t after_id, int limit) {
  std::lock_guard<std::mutex> lock(mu_);
  auto stmt = Prepare("SELECT id FROM documents WHERE id > ? ORDER BY id LIMIT ?");
  if (!stmt.ok()) return stmt.status();
  Reset r{*stmt};
  sqlite3_bind_int64(*stmt, 1, after_id);
  sqlite3_bind_int64(*stmt, 2, limit);
  std::vector<int64_t> ids;
  int rc;
  while ((rc = sqlite3_step(*stmt)) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(*stmt, 0));
  if (rc != SQLITE_DONE) return Error("cannot list documents");
  return ids;
}

Status Store::PutStoryUpdate(const StoryUpdate& u) {
  MARSAD_RETURN_IF_ERROR(RequireWritable());
  std::lock_guard<std::mutex> lock(mu_);
  MARSAD_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  auto fail = [&](const std::string& what) {
    Status s = Error(what);
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return s;
  };
  auto doc = Prepare(
      "INSERT INTO story_docs(doc_id, story_id, duplicate_of, similarity, features, signature) "
      "VALUES(?,?,?,?,?,?) ON CONFLICT(doc_id) DO UPDATE SET story_id=excluded.story_id, "
      "duplicate_of=excluded.duplicate_of, similarity=excluded.similarity, "
      "features=CASE WHEN excluded.features = '' THEN features ELSE excluded.features END, "
      "signature=coalesce(excluded.signature, signature)");
  if (!doc.ok()) return fail("cannot prepare story_docs");
  for (const auto& d : u.documents) {
    Reset r{*doc};
    sqlite3_bind_int64(*doc, 1, d.doc_id);
    BindText(*doc, 2, d.story_id);
    sqlite3_bind_int64(*doc, 3, d.duplicate_of);
    sqlite3_bind_double(*doc, 4, d.similarity);
    BindText(*doc, 5, d.features);
    if (d.signature.empty()) {
      sqlite3_bind_null(*doc, 6);
    } else {
      sqlite3_bind_blob(*doc, 6, d.signature.data(), static_cast<int>(d.signature.size() * sizeof(uint32_t)),
                        SQLITE_TRANSIENT);
    }
    if (sqlite3_step(*doc) != SQLITE_DONE) return fail("cannot write story_docs");
  }
  auto st = Prepare(
      "INSERT OR REPLACE INTO stories(id, title, first_date, last_date, documents, outlets, events, "
      "contradictions, links, state) VALUES(?,?,?,?,?,?,?,?,?,?)");
  auto vw = Prepare("INSERT OR REPLACE INTO story_views(story_id, view) VALUES(?,?)");
  if (!vw.ok()) return fail("cannot prepare story_views");
  if (!st.ok()) return fail("cannot prepare stories");
  for (const auto& s : u.stories) {
    Reset r{*st};
    BindText(*st, 1, s.id);
    BindText(*st, 2, s.title);
    BindText(*st, 3, s.first_date);
    BindText(*st, 4, s.last_date);
    sqlite3_bind_int(*st, 5, s.documents);
    sqlite3_bind_int(*st, 6, s.outlets);
    sqlite3_bind_int(*st, 7, s.events);
    sqlite3_bind_int(*st, 8, s.contradictions);
    BindText(*st, 9, s.links);
    BindText(*st, 10, s.state);
    if (sqlite3_step(*st) != SQLITE_DONE) return fail("cannot write stories");
    Reset rv{*vw};
    BindText(*vw, 1, s.id);
    BindText(*vw, 2, s.view);
    if (sqlite3_step(*vw) != SQLITE_DONE) return fail("cannot write story_views");
  }
  auto df = Prepare("INSERT OR REPLACE INTO story_terms(term, df) VALUES(?,?)");
  if (!df.ok()) return fail("cannot prepare story_terms");
  for (const auto& [term, n] : u.term_df) {
    Reset r{*df};
    BindText(*df, 1, term);
    sqlite3_bind_int(*df, 2, n);
    if (sqlite3_step(*df) != SQLITE_DONE) return fail("cannot write story_terms");
  }
  auto meta = Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?,?)");
  if (!meta.ok()) return fail("cannot prepare meta");
  for (const auto& [k, v] : u.meta) {
    Reset r{*meta};
    BindText(*meta, 1, k);
    BindText(*meta, 2, v);
    if (sqlite3_step(*meta) != SQLITE_DONE) return fail("cannot write meta");
  }
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return fail("cannot commit stories");
  return Status::Ok();
}

StatusOr<std::vector<StoryDocRow>> Store::StoryDocuments(const std::string& story_id, bool with_signatures) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string sql = std::string("SELECT doc_id, story_id, duplicate_of, similarity, features, ") +
                    (with_signatures ? "signature" : "NULL") + " FROM story_docs" +
                    (story_id.empty() ? "" : " WHERE story_id = ?") + " ORDER BY doc_id";
  auto stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  Reset r{*stmt};
  if (!story_id.empty()) BindText(*stmt, 1, story_id);
  std::vector<StoryDocRow> out;
  int rc;
  while ((rc = sqlite3_step(*stmt)) == SQLITE_ROW) {
    StoryDocRow d;
    d.doc_id = sqlite3_column_int64(*stmt, 0);
    d.story_id = Col(*stmt, 1);
    d.duplicate_of = sqlite3_column_int64(*stmt, 2);
    d.similarity = sqlite3_column_double(*stmt, 3);
    d.features = Col(*stmt, 4);
    int bytes = sqlite3_column_bytes(*stmt, 5);
    if (bytes > 0 && bytes % 4 == 0) {
      d.signature.resize(static_cast<size_t>(bytes) / 4);
      std::memcpy(d.signature.data(), sqlite3_column_blob(*stmt, 5), static_cast<size_t>(bytes));
    }
    out.push_back(std::move(d));
  }
  if (rc != SQLITE_DONE) return Error("cannot read story_docs");
  return out;
}

StatusOr<std::optional<StoryDocRow>> Store::StoryDocument(int64_t doc_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto stmt = Prepare("SELECT doc_id, story_id, duplicate_of, similarity, features FROM story_docs WHERE doc_id = ?");
  if (!stmt.ok()) return stmt.status();
  Reset r{*stmt};
  sqlite3_bind_int64(*stmt, 1, doc_id);
  int rc = sqlite3_step(*stmt);
  if (rc == SQLITE_DONE) return std::optional<StoryDocRow>();
  if (rc != SQLITE_ROW) return Error("cannot read story_docs");
  StoryDocRow d;
  d.doc_id = sqlite3_column_int64(*stmt, 0);
  d.story_id = Col(*stmt, 1);
  d.duplicate_of = sqlite3_column_int64(*stmt, 2);
  d.similarity = sqlite3_column_double(*stmt, 3);
  d.features = Col(*stmt, 4);
  return std::optional<StoryDocRow>(std::move(d));
}

StatusOr<std::vector<StoryRow>> Store::StoryRows(const std::string& id, int limit, int offset,
                                                 unsigned columns) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string sql =
      "SELECT id, title, first_date, last_date, documents, outlets, events, contradictions, links, ";
  sql += columns & kStoryState ? "state, " : "'{}', ";
  sql += columns & kStoryView ? "coalesce((SELECT view FROM story_views WHERE story_id = stories.id), '') " : "'' ";
  sql += "FROM stories";
  sql += id.empty() ? " ORDER BY last_date DESC, id DESC LIMIT ? OFFSET ?" : " WHERE id = ?";
  auto stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  Reset r{*stmt};
  if (id.empty()) {
    sqlite3_bind_int(*stmt, 1, limit);
    sqlite3_bind_int(*stmt, 2, offset);
  } else {
    BindText(*stmt, 1, id);
  }
  std::vector<StoryRow> out;
  int rc;
  while ((rc = sqlite3_step(*stmt)) == SQLITE_ROW) {
    StoryRow s;
    s.id = Col(*stmt, 0);
    s.title = Col(*stmt, 1);
    s.first_date = Col(*stmt, 2);
    s.last_date = Col(*stmt, 3);
    s.documents = sqlite3_column_int(*stmt, 4);
    s.outlets = sqlite3_column_int(*stmt, 5);
    s.events = sqlite3_column_int(*stmt, 6);
    s.contradictions = sqlite3_column_int(*stmt, 7);
    s.links = Col(*stmt, 8);
    s.state = Col(*stmt, 9);
    s.view = Col(*stmt, 10);
    out.push_back(std::move(s));
  }
  if (rc != SQLITE_DONE) return Error("cannot read stories");
  return out;
}

StatusOr<std::vector<std::pair<std::string, int>>> Store::StoryTermDf() {
  std::lock_guard<std::mutex> lock(mu_);
  auto stmt = Prepare("SELECT term, df FROM story_terms");
  if (!stmt.ok()) return stmt.status();
  Reset r{*stmt};
  std::vector<std::pair<std::string, int>> out;
  int rc;
  while ((rc = sqlite3_step(*stmt)) == SQLITE_ROW) out.emplace_back(Col(*stmt, 0), sqlite3_column_int(*stmt, 1));
  if (rc != SQLITE_DONE) return Error("cannot read story_terms");
  return out;
}

Status Store::ClearStories() {
  MARSAD_RETURN_IF_ERROR(RequireWritable());
  std::lock_guard<std::mutex> lock(mu_);
  return Exec(
      "BEGIN IMMEDIATE; DELETE FROM story_docs; DELETE FROM stories; DELETE FROM story_views; DELETE FROM story_terms; "
      "DELETE FROM meta WHERE key LIKE 'stories.%'; COMMIT;");
}

}  // namespace marsad
