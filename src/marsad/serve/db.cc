#include "marsad/serve/db.h"

#include <sqlite3.h>

#include <algorithm>

#include "marsad/store/fts_tokenizer.h"

namespace marsad::serve {
namespace {
// Address space only (pages are the OS page cache's, shared by sessions);
// SQLite caps it at its compile-time maximum.
constexpr int64_t kMmapBytes = int64_t{16} << 30;
}  // namespace

Session::~Session() {
  for (auto& [sql, stmt] : cache) sqlite3_finalize(stmt);
  if (db != nullptr) sqlite3_close(db);
}

namespace {

constexpr const char* kIdsPointerType = "marsad_ids";

void MarsadIn(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
  const auto* ids = static_cast<const std::vector<int64_t>*>(sqlite3_value_pointer(argv[1], kIdsPointerType));
  int64_t x = sqlite3_value_int64(argv[0]);
  sqlite3_result_int(ctx, ids != nullptr && std::binary_search(ids->begin(), ids->end(), x) ? 1 : 0);
}

}  // namespace

StatusOr<std::unique_ptr<SessionPool>> SessionPool::Open(const std::string& path, int size) {
  auto pool = std::make_unique<SessionPool>();
  pool->path_ = path;
  if (size < 1) size = 1;
  for (int i = 0; i < size; ++i) {
    auto s = std::make_unique<Session>();
    StoreOptions options;
    options.read_only = true;
    options.mmap_bytes = kMmapBytes;
    auto store = Store::Open(path, options);
    if (!store.ok()) return store.status();
    s->store = std::move(*store);
    int rc = sqlite3_open_v2(path.c_str(), &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = s->db ? sqlite3_errmsg(s->db) : "out of memory";
      return IoError("cannot open " + path + " read-only: " + msg);
    }
    sqlite3_busy_timeout(s->db, 5000);
    // Pages come from a shared memory map (no read() per page) and each
    // session keeps a larger page cache than SQLite's 2 MB default.
    std::string pragmas = "PRAGMA mmap_size = " + std::to_string(kMmapBytes) + "; PRAGMA cache_size = -8192;";
    sqlite3_exec(s->db, pragmas.c_str(), nullptr, nullptr, nullptr);
    std::string error;
    if (RegisterFtsTokenizer(s->db, &error) != SQLITE_OK) {
      return Internal("cannot register the marsad FTS tokenizer: " + error);
    }
    if (sqlite3_create_function(s->db, "marsad_in", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, MarsadIn,
                                nullptr, nullptr) != SQLITE_OK) {
      return Internal("cannot register marsad_in");
    }
    pool->free_.push_back(s.get());
    pool->all_.push_back(std::move(s));
  }
  return pool;
}

SessionPool::Lease SessionPool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [this] { return !free_.empty(); });
  Session* s = free_.back();
  free_.pop_back();
  return Lease(this, s);
}

SessionPool::Lease::~Lease() {
  if (s_ == nullptr) return;
  {
    std::lock_guard<std::mutex> lock(pool_->mu_);
    pool_->free_.push_back(s_);
  }
  pool_->cv_.notify_one();
}

Stmt::Stmt(Session& session, const std::string& sql) : session_(session) {
  auto it = session.cache.find(sql);
  if (it != session.cache.end()) {
    stmt_ = it->second;
    return;
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(session.db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    error_ = sqlite3_errmsg(session.db);
    if (stmt) sqlite3_finalize(stmt);
    return;
  }
  session.cache.emplace(sql, stmt);
  stmt_ = stmt;
}

Stmt::~Stmt() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Stmt& Stmt::Bind(std::string_view text) {
  if (stmt_) {
    sqlite3_bind_text(stmt_, next_bind_, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
  }
  ++next_bind_;
  return *this;
}

Stmt& Stmt::Bind(int64_t v) {
  if (stmt_) sqlite3_bind_int64(stmt_, next_bind_, v);
  ++next_bind_;
  return *this;
}

Stmt& Stmt::BindIds(const std::vector<int64_t>* sorted_ids) {
  if (stmt_) {
    sqlite3_bind_pointer(stmt_, next_bind_, const_cast<std::vector<int64_t>*>(sorted_ids), kIdsPointerType,
                         nullptr);
  }
  ++next_bind_;
  return *this;
}

Stmt& Stmt::Bind(double v) {
  if (stmt_) sqlite3_bind_double(stmt_, next_bind_, v);
  ++next_bind_;
  return *this;
}

bool Stmt::Next() {
  if (stmt_ == nullptr) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) error_ = sqlite3_errmsg(session_.db);
  return false;
}

int64_t Stmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::Real(int col) const { return sqlite3_column_double(stmt_, col); }
bool Stmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::string Stmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col));
}

std::string_view Stmt::TextView(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return {};
  return std::string_view(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col));
}

}  // namespace marsad::serve
