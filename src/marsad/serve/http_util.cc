#include "marsad/serve/http_util.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace marsad::serve {

namespace fs = std::filesystem;

namespace {

bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

int HexVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  return (std::tolower(static_cast<unsigned char>(c)) - 'a') + 10;
}

}  // namespace

std::optional<std::string> ResolveAssetPath(const std::string& root, std::string_view raw_target) {
  if (root.empty()) return std::nullopt;
  std::string_view path = raw_target.substr(0, raw_target.find_first_of("?#"));
  if (path.empty() || path[0] != '/') return std::nullopt;
  // Decode once, refusing encodings that only an attacker needs.
  std::string decoded;
  for (size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '%') {
      if (i + 2 >= path.size() || !IsHex(path[i + 1]) || !IsHex(path[i + 2])) return std::nullopt;
      char d = static_cast<char>(HexVal(path[i + 1]) * 16 + HexVal(path[i + 2]));
      if (d == '.' || d == '/' || d == '\\' || d == '%') return std::nullopt;
      c = d;
      i += 2;
    }
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\') return std::nullopt;
    decoded += c;
  }
  if (decoded == "/") decoded = "/index.html";
  // Segment checks: no "..", no ".", no empty segment (//), no hidden files.
  std::string rel;
  size_t pos = 1;
  while (pos <= decoded.size()) {
    size_t next = decoded.find('/', pos);
    if (next == std::string::npos) next = decoded.size();
    std::string_view seg(decoded.data() + pos, next - pos);
    if (seg.empty() || seg[0] == '.') return std::nullopt;
    if (!rel.empty()) rel += '/';
    rel += seg;
    pos = next + 1;
  }
  std::error_code ec;
  fs::path canon_root = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  fs::path candidate = fs::weakly_canonical(canon_root / rel, ec);
  if (ec) return std::nullopt;
  // The canonical file must stay under the canonical root (symlinks resolved).
  auto [r, c] = std::mismatch(canon_root.begin(), canon_root.end(), candidate.begin(),
                              candidate.end());
  if (r != canon_root.end()) return std::nullopt;
  if (!fs::is_regular_file(candidate, ec) || ec) return std::nullopt;
  return candidate.string();
}

std::string ContentTypeFor(std::string_view path) {
  auto ends = [&](std::string_view ext) {
    return path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json")) return "application/json; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".woff")) return "font/woff";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool RateLimiter::Allow(const std::string& client) {
  return Allow(client, std::chrono::steady_clock::now());
}

bool RateLimiter::Allow(const std::string& client, std::chrono::steady_clock::time_point now) {
  if (rate_ <= 0) return true;
  std::lock_guard<std::mutex> lock(mu_);
  if (buckets_.size() > 100000) buckets_.clear();  // bounded memory under address churn
  auto [it, inserted] = buckets_.try_emplace(client);
  Bucket& b = it->second;
  if (inserted) {
    b.tokens = burst_;
  } else {
    double elapsed = std::chrono::duration<double>(now - b.last).count();
    if (elapsed > 0) b.tokens = std::min(burst_, b.tokens + elapsed * rate_);
  }
  b.last = now;
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

std::optional<int64_t> ParseInt(std::string_view s, int64_t lo, int64_t hi) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  bool neg = false;
  size_t i = 0;
  if (s[0] == '-') {
    neg = true;
    i = 1;
    if (s.size() == 1) return std::nullopt;
  }
  int64_t v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  if (neg) v = -v;
  if (v < lo || v > hi) return std::nullopt;
  return v;
}

bool IsIsoDatePrefix(std::string_view s) {
  auto digits = [&](size_t at, size_t n) {
    if (at + n > s.size()) return false;
    for (size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
    }
    return true;
  };
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  if (!digits(0, 4)) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || !digits(5, 2) || num(5, 2) < 1 || num(5, 2) > 12) return false;
  if (s.size() == 7) return true;
  if (s[7] != '-' || !digits(8, 2) || num(8, 2) < 1 || num(8, 2) > 31) return false;
  if (s.size() == 10) return true;
  if (s[10] != 'T' || !digits(11, 2) || num(11, 2) > 23) return false;
  if (s.size() == 13) return true;
  return s.size() == 16 && s[13] == ':' && digits(14, 2) && num(14, 2) <= 59;
}

int32_t CodePointOffset(std::string_view text, int32_t byte_offset) {
  size_t end = std::min<size_t>(text.size(), static_cast<size_t>(std::max(0, byte_offset)));
  int32_t n = 0;
  for (size_t i = 0; i < end; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string SafeSlice(std::string_view text, int32_t start, int32_t end) {
  auto fix = [&](int32_t b) {
    size_t p = std::min<size_t>(text.size(), static_cast<size_t>(std::max(0, b)));
    while (p > 0 && p < text.size() && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    return p;
  };
  size_t s = fix(start), e = fix(end);
  if (e <= s) return "";
  return std::string(text.substr(s, e - s));
}

std::string ErrorBody(std::string_view code, std::string_view message) {
  nlohmann::json j = {{"error", {{"code", code}, {"message", message}}}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace marsad::serve
