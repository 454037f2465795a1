#include "marsad/store/fts_tokenizer.h"

#include <sqlite3.h>

#include <algorithm>
#include <new>
#include <string>

#include "marsad/tokenize/tokenizer.h"

namespace marsad {

namespace {

bool Indexable(const Token& t) {
  switch (t.kind) {
    case TokenKind::kArabic:
    case TokenKind::kLatin:
    case TokenKind::kNumber:
    case TokenKind::kOther:
      return !t.norm.empty() || !t.stem.empty();
    case TokenKind::kPunct:
    case TokenKind::kSymbol:
      return false;
  }
  return false;
}

// FTS5 tokenizer object: stateless, one shared instance.
struct MarsadTokenizer {};
MarsadTokenizer g_tokenizer;

int Create(void* /*ctx*/, const char** /*argv*/, int /*argc*/, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(&g_tokenizer);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* /*tok*/) {}

int TokenizeCallback(Fts5Tokenizer* /*tok*/, void* ctx, int flags, const char* text, int n,
                     int (*x_token)(void*, int, const char*, int, int, int)) {
  if (text == nullptr || n <= 0) return SQLITE_OK;
  // No exception may cross into SQLite's C frames.
  try {
    FtsMode mode = FtsMode::kDocument;
    if (flags & FTS5_TOKENIZE_QUERY) {
      mode = (flags & FTS5_TOKENIZE_PREFIX) ? FtsMode::kPrefixQuery : FtsMode::kQuery;
    }
    int rc = SQLITE_OK;
    FtsTerms(std::string_view(text, static_cast<size_t>(n)), mode,
             [&](std::string_view term, int start, int end, bool colocated) {
               if (rc != SQLITE_OK) return;
               rc = x_token(ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, term.data(),
                            static_cast<int>(term.size()), start, end);
             });
    // SQLITE_DONE from xToken means "stop early", not an error.
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

}  // namespace

void FtsTerms(std::string_view text, FtsMode mode,
              const std::function<void(std::string_view, int, int, bool)>& emit) {
  const int size = static_cast<int>(text.size());
  // Sentence indexes are not needed: no sentence split (the tokens are the same).
  for (const Token& t : Tokenize(text, {})) {
    if (!Indexable(t)) continue;
    // Clamp defensively: FTS5 trusts these offsets when building snippets.
    int start = std::clamp(t.span.start, 0, size);
    int end = std::clamp(t.span.end, start, size);
    if (mode == FtsMode::kPrefixQuery) {
      emit(t.norm.empty() ? t.stem : t.norm, start, end, false);
      continue;
    }
    const std::string& primary = t.stem.empty() ? t.norm : t.stem;
    emit(primary, start, end, false);
    if (mode == FtsMode::kDocument && !t.norm.empty() && t.norm != primary) {
      emit(t.norm, start, end, true);
    }
  }
}

int RegisterFtsTokenizer(sqlite3* db, std::string* error) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
    rc = sqlite3_step(stmt);
    rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? SQLITE_OK : rc;
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_OK || api == nullptr || api->iVersion < 2) {
    if (error) *error = "this SQLite has no FTS5 support: " + std::string(sqlite3_errmsg(db));
    return rc == SQLITE_OK ? SQLITE_ERROR : rc;
  }
  fts5_tokenizer tokenizer = {Create, Delete, TokenizeCallback};
  rc = api->xCreateTokenizer(api, "marsad", nullptr, &tokenizer, nullptr);
  if (rc != SQLITE_OK && error) *error = "cannot register the marsad FTS5 tokenizer";
  return rc;
}

}  // namespace marsad
