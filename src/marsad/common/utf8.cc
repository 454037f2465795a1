#include "marsad/common/utf8.h"

#include <algorithm>

namespace marsad::utf8 {

char32_t Decode(std::string_view s, size_t i, int* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) { *len = 1; return c; }
  auto cont = [&](size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) {
    if (cont(1)) { *len = 2; return ((c & 0x1F) << 6) | (p[i + 1] & 0x3F); }
  } else if (c >= 0xE0 && c <= 0xEF) {
    if (cont(1) && cont(2)) {
      char32_t cp = ((c & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) { *len = 3; return cp; }
    }
  } else if (c >= 0xF0 && c <= 0xF4) {
    if (cont(1) && cont(2) && cont(3)) {
      char32_t cp = ((c & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) |
                    ((p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
      if (cp >= 0x10000 && cp <= 0x10FFFF) { *len = 4; return cp; }
    }
  }
  *len = 1;
  return kReplacement;
}

void Append(char32_t cp, std::string* out) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacement;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string Encode(char32_t cp) {
  std::string s;
  Append(cp, &s);
  return s;
}

bool IsValid(std::string_view s, size_t* first_bad_offset) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
    int len;
    char32_t cp = Decode(s, i, &len);
    if (cp == kReplacement && len == 1) {
      // U+FFFD itself is 3 bytes, so len==1 means malformed.
      if (first_bad_offset) *first_bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

size_t Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::u32string ToU32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    int len;
    out.push_back(Decode(s, i, &len));
    i += len;
  }
  return out;
}

std::string FromU32(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t c : s) Append(c, &out);
  return out;
}

OffsetMap::OffsetMap(std::string_view s) : byte_size_(s.size()) {
  starts_.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    starts_.push_back(static_cast<uint32_t>(i));
    int len;
    Decode(s, i, &len);
    i += len;
  }
}

int64_t OffsetMap::ToCodePoint(size_t byte_offset) const {
  if (byte_offset >= byte_size_) return static_cast<int64_t>(starts_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), static_cast<uint32_t>(byte_offset));
  return static_cast<int64_t>(it - starts_.begin()) - 1;
}

size_t OffsetMap::ToByte(int64_t cp) const {
  if (cp <= 0) return 0;
  if (cp >= static_cast<int64_t>(starts_.size())) return byte_size_;
  return starts_[static_cast<size_t>(cp)];
}

}  // namespace marsad::utf8
