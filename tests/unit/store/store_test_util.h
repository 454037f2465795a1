// Helpers shared by the store tests: temp directories, hand-built
// documents, raw SQLite access to inspect or tamper with a store file.
#pragma once

#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "marsad/document/document.h"

namespace marsad::store_test {

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "marsad-store-XXXXXX").string();
    char* made = mkdtemp(pattern.data());
    path_ = made ? made : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline Document MakeDoc(const std::string& body, const std::string& title,
                        const std::string& outlet = "", const std::string& published = "") {
  Document d;
  d.source = "test:" + title;
  d.body = body;
  d.title = title;
  if (!outlet.empty()) d.outlet = OutletRef{outlet, "", ""};
  if (!published.empty()) d.published = PublishedDate{published, Precision::kDay, published, false};
  d.layers = {"body", "metadata"};
  return d;
}

// Runs `sql` on the file with a plain connection (no marsad tokenizer) and
// returns the first column of the first row ("" if none, "ERROR: ..." on failure).
inline std::string RawExec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    sqlite3_close(db);
    return "ERROR: open";
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    out = std::string("ERROR: ") + sqlite3_errmsg(db);
  } else {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(stmt, 0);
      out = t ? reinterpret_cast<const char*>(t) : "";
    } else if (rc != SQLITE_DONE) {
      out = std::string("ERROR: ") + sqlite3_errmsg(db);
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

}  // namespace marsad::store_test
