// Read sessions for the server: a fixed pool, one per worker thread.
//
// A Session pairs a read-only Store (search, documents, stories) with a raw
// read-only SQLite connection (the server's own aggregate queries), both on
// the same file. SQLite in WAL mode lets every session read while another
// process (or the server's writer) commits.
//
//   auto pool = SessionPool::Open("marsad.db", 8);
//   auto lease = (*pool)->Acquire();          // blocks until one is free
//   Stmt q(lease->db, "SELECT count(*) FROM documents");
//
// Thread-safety: SessionPool is thread-safe. A Session is used by one thread
// at a time (the lease holder).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "marsad/common/status.h"
#include "marsad/store/store.h"

struct sqlite3;
struct sqlite3_stmt;

namespace marsad::serve {

struct Session {
  std::unique_ptr<Store> store;
  sqlite3* db = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache;  // prepared statements
  ~Session();
};

class SessionPool {
 public:
  static StatusOr<std::unique_ptr<SessionPool>> Open(const std::string& path, int size);

  class Lease {
   public:
    Lease(SessionPool* pool, Session* s) : pool_(pool), s_(s) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), s_(o.s_) { o.s_ = nullptr; }
    Lease(const Lease&) = delete;
    ~Lease();
    Session* operator->() const { return s_; }
    Session& operator*() const { return *s_; }

   private:
    SessionPool* pool_;
    Session* s_;
  };
  Lease Acquire();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::vector<std::unique_ptr<Session>> all_;
  std::vector<Session*> free_;
  std::mutex mu_;
  std::condition_variable cv_;
};

// Every session connection has the SQL function marsad_in(x, ids): true
// when integer x is in the sorted id list bound with Stmt::BindIds.

// A prepared statement (cached per session), reset on destruction.
//   Stmt q(session, "SELECT id FROM t WHERE a = ?");
//   q.Bind("x"); while (q.Next()) q.Int(0);
class Stmt {
 public:
  Stmt(Session& session, const std::string& sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  bool ok() const { return stmt_ != nullptr; }
  const std::string& error() const { return error_; }
  Stmt& Bind(std::string_view text);
  Stmt& Bind(int64_t v);
  Stmt& Bind(double v);
  // A sorted list of ids for marsad_in(x, ?) (below); not copied: it must
  // outlive the statement's run.
  Stmt& BindIds(const std::vector<int64_t>* sorted_ids);
  // Steps; true while a row is available. Errors end the iteration and set error().
  bool Next();
  int64_t Int(int col) const;
  double Real(int col) const;
  bool IsNull(int col) const;
  std::string Text(int col) const;
  // The column's text without a copy: valid until the next Next() or reset.
  std::string_view TextView(int col) const;

 private:
  Session& session_;
  sqlite3_stmt* stmt_ = nullptr;
  int next_bind_ = 1;
  std::string error_;
};

}  // namespace marsad::serve
