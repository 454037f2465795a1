// Readers that turn input paths (files, directories, stdin) into Documents.
//
// Usage:
//   marsad::ingest::ReadOptions opts;
//   auto stats = marsad::ingest::ReadInputs(
//       {"articles/", "extra.jsonl", "-"}, opts,
//       [&](marsad::Document&& doc) { queue.push(std::move(doc)); },
//       [&](const marsad::ingest::InputError& e) { std::cerr << e.message << "\n"; });
//
// Every Document handed to `sink` has:
//   source  the path as reached ("dir/a.txt"), "path.jsonl:LINE" for a JSONL
//           line, "path.json#N" for the N-th (1-based) element of a JSON
//           array, "<stdin>" or "<stdin>:LINE" for standard input;
//   raw     the article text in UTF-8 (BOM removed; CRLF/CR -> LF and stray
//           control characters removed, each with a diagnostic);
//           "page.html", "feed.xml#N" for the N-th item of a feed,
//           "crawl.warc.gz@OFFSET" for the record of a WARC at that offset;
//   input   format ("text", "jsonl", "stdin", "html", "rss", "atom", "warc"),
//           detected encoding, and for JSON, HTML, feed and WARC input the
//           title, url, published, outlet, author found (html_page.h,
//           feed_reader.h, warc_reader.h);
//   layers  {"raw"};
//   diagnostics (stage "ingest") when the input was converted or repaired:
//           "converted-encoding" (info), "invalid-utf8-replaced",
//           "invalid-utf16-replaced", "control-chars-removed",
//           "ambiguous-encoding" (warnings),
//           "line-endings-normalized" (info), "jsonl-field-ignored",
//           "feed-summary-only" (a feed item carrying only its summary),
//           "published-from-crawl-date" (the WARC-Date stood in for a
//           missing publication date), "extraction-fallback".
//
// Inputs that yield no article are reported to `on_error` with a stable
// code (see docs/ingest.md): not-found, unreadable, symlink-loop,
// not-regular-file, empty, binary, too-large, unknown-encoding,
// unsupported-format, bad-json, not-object, missing-text, bad-text, io-error,
// no-article-text, bad-xml, not-a-feed, bad-gzip, bad-warc-record, bad-http.
// The rest of the inputs are still read.
//
// Order: paths in the order given; directory entries sorted by byte-wise
// name; JSONL records in line order. The same file (device+inode) is read at
// most once per call.
//
// Thread-safety: ReadInputs/ReadBytes are reentrant; callbacks are invoked
// synchronously on the calling thread. They never throw (exceptions thrown
// by the callbacks themselves propagate) and never crash on any input.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/document/document.h"

namespace marsad::ingest {

// Stage name used for diagnostics added by the readers.
inline constexpr const char* kIngestStage = "ingest";

struct ReadOptions {
  // Largest article accepted: a text file, or one JSONL line. Checked with
  // stat() before reading, so an oversized file is never loaded. JSONL files
  // are streamed line by line and may be larger than this in total.
  size_t max_file_bytes = size_t{32} << 20;
  // Largest in-memory input: standard input ("-" is read whole, then split
  // into JSONL records if it is JSONL) and ReadBytes().
  size_t max_stdin_bytes = size_t{512} << 20;
  // Walk directories recursively (symlinks are followed; loops detected).
  bool recursive = true;
  // Convert CRLF and lone CR line endings to LF.
  bool normalize_newlines = true;
  // Declared charset for all inputs (e.g. "windows-1256"); empty = detect.
  // A BOM or well-formed UTF-8 still wins (see encoding.h). For HTML the
  // page's own <meta charset> / the HTTP header of a WARC record come first.
  std::string charset_hint;
  // Outlet registry used to name the outlet of HTML pages and feed items
  // from their URL (html_outlets.h); empty = DataDir()/outlets.tsv.
  std::string outlets_path;
};

// An input that produced no article (or a JSONL line that was rejected).
struct InputError {
  std::string source;   // path, "path.jsonl:LINE", "<stdin>"
  std::string code;     // stable machine code, see above
  std::string message;  // one line, starts with the source
};

struct ReadStats {
  size_t documents = 0;   // passed to sink
  size_t errors = 0;      // passed to on_error
  size_t skipped = 0;     // directory entries ignored: hidden files, other
                          // extensions, subdirectories when !recursive
  size_t duplicates = 0;  // files/directories reached a second time
};

using DocumentSink = std::function<void(Document&&)>;
using ErrorSink = std::function<void(const InputError&)>;

// Expands `paths` ("-" = stdin) and calls `sink` for every article found.
// A directory is walked (hidden entries skipped) taking *.txt, *.text,
// *.jsonl, *.json, *.html, *.htm, *.xhtml, *.xml, *.rss, *.atom, *.warc, *.gz
// and files without extension. A file named explicitly is read whatever its
// extension. The format is detected from the content: '{' -> JSONL, '[' ->
// JSON array, '<' + tag -> RSS/Atom feed (root <rss>, <feed>, <rdf:RDF>) or
// HTML page, "WARC/1." -> WARC (streamed), gzip magic -> WARC.gz (streamed)
// or a gzip-compressed file of another format (inflated, then detected).
ReadStats ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options,
                     const DocumentSink& sink, const ErrorSink& on_error);

// Reads an in-memory input as if it were a file named `source` (for HTTP
// uploads and tests): same detection, limits and diagnostics.
ReadStats ReadBytes(std::string_view bytes, const std::string& source, const ReadOptions& options,
                    const DocumentSink& sink, const ErrorSink& on_error);

// Content-based format of an input, from its first bytes.
enum class InputFormat {
  kText,
  kJsonLines,   // starts with '{'
  kJsonArray,   // starts with '['
  kMarkup,      // HTML/XML/RSS: '<' followed by a tag, comment or declaration
  kWarc,        // "WARC/1."
  kGzip,        // 1F 8B
};

// Detects the format from the first bytes (a UTF-8 BOM and leading
// whitespace are skipped). '[' is only a candidate: callers confirm it by
// parsing. UTF-16 input must be decoded first.
InputFormat SniffFormat(std::string_view head);

}  // namespace marsad::ingest
