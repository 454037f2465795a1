// Small pieces of the server that are worth testing on their own: static
// path resolution, the per-client rate limiter, parameter parsing, and
// byte -> code-point offset conversion.
//
// Thread-safety: RateLimiter is thread-safe; the rest are pure functions.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace marsad::serve {

// Maps a request target path ("/assets/app.js") to a file under `root`.
// Returns nullopt for anything that could leave the folder: "..", "." or
// empty segments that hide traversal, backslashes, NUL or control bytes,
// percent-encoded '.', '/', '\' or '%' (double encoding), and symlinks whose
// target lies outside `root` (checked on the canonical path). "/" maps to
// index.html. `raw_target` is the undecoded request target (may include a
// query string, which is ignored). The file must exist and be regular.
std::optional<std::string> ResolveAssetPath(const std::string& root, std::string_view raw_target);

// A content type for a static file name (by extension).
std::string ContentTypeFor(std::string_view path);

// Token bucket per client key (the peer address): `rate` requests per second
// with bursts up to `burst`. rate <= 0 disables limiting.
class RateLimiter {
 public:
  RateLimiter(double rate, double burst) : rate_(rate), burst_(burst) {}
  // True if the request may proceed (and takes a token).
  bool Allow(const std::string& client);
  bool Allow(const std::string& client, std::chrono::steady_clock::time_point now);

 private:
  struct Bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point last;
  };
  double rate_, burst_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

// Parses a decimal integer in [lo, hi]; nullopt when malformed or out of range.
std::optional<int64_t> ParseInt(std::string_view s, int64_t lo, int64_t hi);

// True for an ISO 8601 date prefix: YYYY, YYYY-MM, YYYY-MM-DD (digits checked,
// month 01-12, day 01-31), optionally followed by THH or THH:MM.
bool IsIsoDatePrefix(std::string_view s);

// Code points in the first `byte_offset` bytes of `text` (clamped to size).
int32_t CodePointOffset(std::string_view text, int32_t byte_offset);

// text[start, end) in bytes, clamped and kept on UTF-8 boundaries.
std::string SafeSlice(std::string_view text, int32_t start, int32_t end);

// A JSON error body: {"error":{"code":code,"message":message}}.
std::string ErrorBody(std::string_view code, std::string_view message);

}  // namespace marsad::serve
