// Minimal, fast UTF-8 helpers. Decoding never reads past the end and maps
// malformed sequences to U+FFFD with a length of 1 byte, so every caller can
// walk arbitrary bytes safely.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace marsad::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at s[i]; sets *len to the number of bytes consumed
// (>= 1). Invalid or truncated sequences yield kReplacement with *len == 1.
char32_t Decode(std::string_view s, size_t i, int* len);

// Decode with the ASCII and two-byte cases inline (the same result): for
// per-character loops on hot paths (Arabic letters are two bytes).
inline char32_t DecodeInline(std::string_view s, size_t i, int* len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  if (c >= 0xC2 && c <= 0xDF && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
    *len = 2;
    return (static_cast<char32_t>(c & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
  }
  return Decode(s, i, len);
}

// Appends the UTF-8 encoding of cp (surrogates and > 0x10FFFF become U+FFFD).
void Append(char32_t cp, std::string* out);
std::string Encode(char32_t cp);

// True if s is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValid(std::string_view s, size_t* first_bad_offset = nullptr);

// Number of code points.
size_t Length(std::string_view s);

std::u32string ToU32(std::string_view s);
std::string FromU32(std::u32string_view s);

// Byte offset -> code-point offset table for one string. Build once, then
// convert many offsets in O(log n). Offsets in the middle of a sequence map to
// the code point that contains them.
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view s);
  int64_t ToCodePoint(size_t byte_offset) const;
  size_t ToByte(int64_t cp_offset) const;
  int64_t size_code_points() const { return static_cast<int64_t>(starts_.size()); }

 private:
  std::vector<uint32_t> starts_;  // byte offset of each code point
  size_t byte_size_;
};

}  // namespace marsad::utf8
