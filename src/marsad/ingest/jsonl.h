// Parser for one line of JSON Lines article input.
//
// Each non-blank line of a JSONL file is one JSON object describing one
// article:
//   {"text": "...", "title": "...", "url": "...", "published": "...",
//    "outlet": "...", "author": "..."}
// `text` is required and must be a non-blank string. The other fields are
// optional; strings are taken as given, numbers (e.g. an epoch time in
// `published`) are kept as their JSON spelling, null is treated as absent,
// any other type is ignored with a note. Unknown fields are ignored.
//
// Thread-safety: ParseJsonlLine is reentrant. It never throws and accepts
// arbitrary bytes (it is a fuzz target: tests/fuzz/fuzz_ingest_jsonl.cc).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "marsad/common/status.h"

namespace marsad::ingest {

// Stable error codes for a rejected line.
inline constexpr const char* kErrorBadJson = "bad-json";          // not parsable JSON
inline constexpr const char* kErrorNotObject = "not-object";      // JSON, but not an object
inline constexpr const char* kErrorMissingText = "missing-text";  // no "text" field
inline constexpr const char* kErrorBadText = "bad-text";          // "text" not a string
inline constexpr const char* kErrorEmptyText = "empty";           // "text" blank

struct JsonlRecord {
  std::string text;
  std::string title;
  std::string url;
  std::string published;
  std::string outlet;
  std::string author;
  // One-line notes about ignored fields (e.g. "field 'title' is an array;
  // ignored"), for the reader to turn into diagnostics.
  std::vector<std::string> notes;
};

// True if the line is empty or only ASCII whitespace (such lines are skipped
// silently by readers; they are not articles and not errors).
bool IsBlankLine(std::string_view line);

// Parses one line (without its line terminator; a trailing '\r' is allowed).
// On failure returns a DataError with a one-line message and sets
// *error_code (if non-null) to one of the kError* codes above.
StatusOr<JsonlRecord> ParseJsonlLine(std::string_view line, std::string* error_code = nullptr);

}  // namespace marsad::ingest
