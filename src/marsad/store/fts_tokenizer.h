// The "marsad" FTS5 tokenizer: Arabic-aware full-text indexing for SQLite.
//
// Registered on a connection with RegisterFtsTokenizer(db), then used as
//   CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='marsad');
//
// Tokens come from marsad::Tokenize() (tokenize/tokenizer.h), so the index
// and the query see exactly the words the rest of marsad sees:
//  - Punctuation and symbols are not indexed.
//  - Documents: each word is indexed as its light stem (clitics such as
//    و ف ب ل ك ال and pronoun suffixes removed, in matching form: no
//    tashkeel, unified alef/ya/ta-marbuta) and, at the same position
//    (FTS5_TOKEN_COLOCATED), as its full matching form when that differs.
//  - Queries: each word is looked up by its light stem only, so البوكمال
//    ("Al-Bukamal") finds بالبوكمال ("in Al-Bukamal"), البوكمالِ (with kasra)
//    and fully diacritized spellings.
//  - Prefix queries (word*) look up the full matching form of the word as
//    typed, which matches both indexed stems and indexed full forms.
//  - Offsets reported to FTS5 are byte offsets into the column text, so
//    snippet() and highlight() mark the original (display) text.
//
// The index depends on kNormalizationVersion and kFtsTokenizerVersion; the
// store records both and rebuilds the index when either changes.
//
// Thread-safety: the tokenizer holds no state; FTS5 may call it from any
// connection on any thread.
#pragma once

#include <functional>
#include <string_view>

struct sqlite3;

namespace marsad {

// Bump when what the tokenizer emits changes (forces an index rebuild).
// 2: LightStem keeps protected words and knowledge-base names whole (كركوك).
inline constexpr int kFtsTokenizerVersion = 2;

// Registers the tokenizer under the name "marsad" on `db`, and the ranking
// function marsad_rank(title_weight, body_weight): BM25 without document
// length normalization (b = 0; it spares a %_docsize lookup per match, two
// thirds of the cost of ranking), used as
//   ... AND documents_fts.rank MATCH 'marsad_rank(5.0, 1.0)' ORDER BY rank
// Returns an SQLite result code (SQLITE_OK on success) and sets *error on
// failure.
int RegisterFtsTokenizer(sqlite3* db, std::string* error);

enum class FtsMode {
  kDocument,     // stem, plus the full matching form colocated
  kQuery,        // stem only
  kPrefixQuery,  // full matching form only: a word cut short has no
                 // reliable stem; "بوكم*" matches the stem بوكمال, "البوك*"
                 // the full form البوكمال
};

// The terms the tokenizer emits for `text`, in order, for tests and for
// query validation. `emit(term, start_byte, end_byte, colocated)`.
void FtsTerms(std::string_view text, FtsMode mode,
              const std::function<void(std::string_view, int, int, bool)>& emit);

}  // namespace marsad
