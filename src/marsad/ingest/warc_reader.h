// WARC (ISO 28500, versions 1.0 and 1.1) and WARC.gz, streamed with
// bounded memory, plus the HTTP response parsing and gzip helpers it needs.
//
// Usage:
//   int fd = open("crawl.warc.gz", O_RDONLY);
//   marsad::ingest::WarcReader warc(marsad::ingest::FdReadFn(fd), {});
//   marsad::ingest::WarcRecord rec;
//   std::string error;
//   for (;;) {
//     auto r = warc.Next(&rec, &error);
//     if (r == WarcReader::Result::kEnd) break;
//     if (r == WarcReader::Result::kError) { report(error); continue; }
//     if (rec.type == "response") { auto http = ParseHttpResponse(rec.block, ...); }
//   }
//
// Compression is detected from the first bytes: a gzip stream is inflated
// member after member (Common Crawl writes one member per record; a single
// member around the whole file works too). Memory: one record block at a
// time, capped at WarcOptions::max_record_bytes (larger blocks are skipped
// without being held) plus fixed 256 KiB buffers.
//
// Errors (returned as kError with a one-line message naming the record's
// offset; reading continues with the next record when it can be found):
//   - a header block that is not "WARC/1.x" + fields + blank line,
//   - a missing or non-numeric Content-Length,
//   - a block not followed by the CRLF CRLF terminator (a lying
//     Content-Length: resynchronised at the next "WARC/1." line, searched
//     from the end of the bad record's header),
//   - truncated input, or corrupt deflate data (resynchronised at the next
//     gzip member header when the file is gzip-per-record).
// Offsets: the byte offset of the record's "WARC/" line in the file; for a
// gzip file, the offset of the gzip member where the record starts.
//
// Thread-safety: a WarcReader is used by one thread; the free functions are
// reentrant. Nothing throws; any bytes are accepted.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace marsad::ingest {

// Reads up to n bytes into buf; returns bytes read, 0 at end, -1 on error
// (errno set).
using ReadFn = std::function<ssize_t(char* buf, size_t n)>;

// A ReadFn over a file descriptor (EINTR retried) / over memory (the view
// must outlive the reader).
ReadFn FdReadFn(int fd);
ReadFn MemoryReadFn(std::string_view bytes);

struct WarcOptions {
  size_t max_record_bytes = size_t{32} << 20;
};

struct WarcRecord {
  uint64_t offset = 0;       // see above
  std::string version;       // "WARC/1.0"
  std::string type;          // WARC-Type, lower case ("response", "request", ...)
  std::string target_uri;    // WARC-Target-URI (angle brackets removed)
  std::string date;          // WARC-Date
  std::string content_type;  // Content-Type of the block
  std::vector<std::pair<std::string, std::string>> headers;  // all, names lower case
  std::string block;                                         // the record block (empty if skipped_large)
  bool skipped_large = false;  // block exceeded max_record_bytes and was skipped
};

class WarcReader {
 public:
  enum class Result { kRecord, kError, kEnd };

  WarcReader(ReadFn read, WarcOptions options);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Reads the next record into *rec, or reports one corrupt record in
  // *error (one line, without the file name) and skips it.
  Result Next(WarcRecord* rec, std::string* error);

  bool gzip() const;
  // Compressed (file) bytes consumed so far, for progress reporting.
  uint64_t bytes_consumed() const;
  // Uncompressed bytes produced so far.
  uint64_t bytes_decoded() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// An HTTP/1.x response as stored in a WARC "response" record.
struct HttpResponse {
  int status = 0;
  std::string content_type;                                  // lower case, without parameters
  std::string charset;                                       // from the Content-Type parameter, or ""
  std::string body;                                          // de-chunked and decompressed
  std::vector<std::pair<std::string, std::string>> headers;  // names lower case
};

// Parses the HTTP status line and headers, undoes Transfer-Encoding:
// chunked and Content-Encoding: gzip/deflate (at most max_body bytes out).
// Returns false with *error set when the block is not an HTTP response or
// its body cannot be decoded.
bool ParseHttpResponse(std::string_view block, size_t max_body, HttpResponse* out, std::string* error);

// Inflates gzip data (all members) or, with `zlib_or_raw`, a zlib/raw
// deflate stream. Fails on corrupt or truncated data or when the output
// would exceed max_out bytes.
bool Gunzip(std::string_view in, size_t max_out, std::string* out, std::string* error,
            bool zlib_or_raw = false);

// The first bytes (at most max_out) that a gzip stream inflates to, best
// effort (empty if the data is corrupt from the start). For sniffing.
std::string GunzipPrefix(std::string_view gz, size_t max_out);

// True if `bytes` starts with the gzip magic 1F 8B.
bool IsGzip(std::string_view bytes);

}  // namespace marsad::ingest
