#include "marsad/store/fts_tokenizer.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <new>
#include <string>
#include <vector>

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

// marsad_rank(title_weight, body_weight): BM25 without document-length
// normalization (b = 0), k1 = 1.2, over the weighted term frequency
// title_weight * tf(title) + body_weight * tf(body), summed over the query's
// phrases with BM25's idf (log((N - n + 0.5) / (n + 0.5)), at least a small
// positive value; n sampled for common phrases, below). Returned negated, like bm25(), so ORDER BY rank
// puts the best first. Why not bm25(): it reads each matching document's
// length (a lookup in the %_docsize table), which was two thirds of the cost
// of ranking, and news articles vary little in length.
struct RankData {
  std::vector<double> idf;
};

// Document frequency of a phrase for its idf. Counting a word found in most
// of the archive walks its whole posting list (a millisecond per 70,000
// documents, on every query), so the count stops at kDfSample documents and
// extrapolates from their density over the rowids they span (document ids
// are dense): exact for rarer phrases, within a few percent for common ones,
// whose idf is near zero anyway.
constexpr int64_t kDfSample = 1000;
struct DfCount {
  int64_t n = 0;
  int64_t first_rowid = 0, last_rowid = 0;
};

int CountPhraseDoc(const Fts5ExtensionApi* api, Fts5Context* ctx, void* user) {
  auto* c = static_cast<DfCount*>(user);
  int64_t rowid = api->xRowid(ctx);
  if (c->n == 0) c->first_rowid = rowid;
  c->last_rowid = rowid;
  return ++c->n >= kDfSample ? SQLITE_DONE : SQLITE_OK;
}

void MarsadRank(const Fts5ExtensionApi* api, Fts5Context* ctx, sqlite3_context* out, int argc,
                sqlite3_value** argv) {
  const double title_w = argc > 0 ? sqlite3_value_double(argv[0]) : 5.0;
  const double body_w = argc > 1 ? sqlite3_value_double(argv[1]) : 1.0;
  const int phrases = api->xPhraseCount(ctx);
  auto* data = static_cast<RankData*>(api->xGetAuxdata(ctx, 0));
  if (data == nullptr) {
    auto fresh = std::make_unique<RankData>();
    sqlite3_int64 n_rows = 0;
    int rc = api->xRowCount(ctx, &n_rows);
    for (int p = 0; rc == SQLITE_OK && p < phrases; ++p) {
      DfCount count;
      rc = api->xQueryPhrase(ctx, p, &count, CountPhraseDoc);
      double n_hit = static_cast<double>(count.n);
      if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
        double span = static_cast<double>(count.last_rowid - count.first_rowid + 1);
        n_hit = std::min(static_cast<double>(n_rows), n_hit * static_cast<double>(n_rows) / std::max(span, n_hit));
      }
      double idf = std::log((static_cast<double>(n_rows) - n_hit + 0.5) / (n_hit + 0.5));
      fresh->idf.push_back(std::max(idf, 1e-6));
    }
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(out, rc);
      return;
    }
    data = fresh.get();
    rc = api->xSetAuxdata(ctx, fresh.release(), [](void* p) { delete static_cast<RankData*>(p); });
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(out, rc);
      return;
    }
  }
  constexpr double kK1 = 1.2;
  double score = 0;
  for (int p = 0; p < phrases && p < static_cast<int>(data->idf.size()); ++p) {
    Fts5PhraseIter it;
    int col = 0, off = 0;
    double tf = 0;
    for (api->xPhraseFirst(ctx, p, &it, &col, &off); col >= 0; api->xPhraseNext(ctx, &it, &col, &off)) {
      tf += col == 0 ? title_w : body_w;
    }
    if (tf > 0) score += data->idf[p] * tf * (kK1 + 1) / (tf + kK1);
  }
  sqlite3_result_double(out, -score);
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
  if (rc != SQLITE_OK) {
    if (error) *error = "cannot register the marsad FTS5 tokenizer";
    return rc;
  }
  rc = api->xCreateFunction(api, "marsad_rank", nullptr, MarsadRank, nullptr);
  if (rc != SQLITE_OK && error) *error = "cannot register the marsad_rank FTS5 function";
  return rc;
}

}  // namespace marsad
