#include "marsad/recognize/keys.h"

#include <cstring>
#include <utility>
#include <vector>

namespace marsad::recognize_internal {
namespace {

// Proclitic letters in UTF-8 (matching form).
constexpr std::string_view kWaw = "\xD9\x88";      // U+0648 و
constexpr std::string_view kFeh = "\xD9\x81";      // U+0641 ف
constexpr std::string_view kBeh = "\xD8\xA8";      // U+0628 ب
constexpr std::string_view kLam = "\xD9\x84";      // U+0644 ل
constexpr std::string_view kKaf = "\xD9\x83";      // U+0643 ك
constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";     // ال
constexpr std::string_view kLamLam = "\xD9\x84\xD9\x84";      // لل (ل + article)

// Inlined byte compare: the patterns are 2-4 byte constants, and a library
// memcmp call per test dominated ComputeWordForms.
inline bool StartsWith(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (size_t k = 0; k < p.size(); ++k) {
    if (s[k] != p[k]) return false;
  }
  return true;
}

// Every candidate key is a suffix of the same word, so two keys are equal
// exactly when their lengths are.
inline void Add(WordForms* out, std::string_view key, int stripped, char clitic, bool article = false) {
  for (int i = 0; i < out->size; ++i) {
    if (out->forms[i].key.size() == key.size()) return;
  }
  if (out->size < 10) {
    out->forms[out->size++] = {key, static_cast<int8_t>(stripped), clitic, article};
  }
}

// One code point of s at *i (lenient: a malformed lead byte counts as one
// code point of its own value), advancing *i.
inline char32_t DecodeNext(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  char32_t cp = n == 1 ? c : c & (0x7F >> n);
  for (int k = 1; k < n && *i + k < s.size(); ++k) cp = (cp << 6) | (s[*i + k] & 0x3F);
  *i += n;
  return cp;
}

}  // namespace

int CodePoints(std::string_view s) {
  // Bytes that are not continuation bytes (10xxxxxx), eight at a time: a
  // byte is a continuation byte when bit 7 is set and bit 6 is clear.
  size_t continuation = 0;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    uint64_t m = (w & ~(w << 1)) & 0x8080808080808080ULL;
    continuation += static_cast<size_t>(((m >> 7) * 0x0101010101010101ULL) >> 56);
  }
  for (; i < s.size(); ++i) continuation += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return static_cast<int>(s.size() - continuation);
}

void ComputeWordForms(std::string_view word, WordForms* out) {
  out->size = 0;
  if (word.empty()) return;
  Add(out, word, 0, 0);
  const int cps = CodePoints(word);
  // Bases after the conjunction layer.
  std::string_view bases[2] = {word, {}};
  int nbases = 1;
  if ((StartsWith(word, kWaw) || StartsWith(word, kFeh)) && cps - 1 >= 3) {
    bases[nbases++] = word.substr(2);
    Add(out, word.substr(2), 1, 'w');
  }
  for (int b = 0; b < nbases; ++b) {
    std::string_view base = bases[b];
    int lvl = b;  // letters stripped so far
    int bcps = cps - lvl;
    char conj = b ? 'w' : 0;
    if (StartsWith(base, kLamLam) && bcps - 2 >= 2) {
      Add(out, base.substr(4), lvl + 2, 'l', true);
    }
    std::string_view after_prep;
    if ((StartsWith(base, kBeh) || StartsWith(base, kLam) || StartsWith(base, kKaf)) &&
        bcps - 1 >= 3) {
      after_prep = base.substr(2);
      char c = StartsWith(base, kBeh) ? 'b' : StartsWith(base, kLam) ? 'l' : 'k';
      Add(out, after_prep, lvl + 1, c);
      if (StartsWith(after_prep, kArticle) && bcps - 3 >= 2) {
        Add(out, after_prep.substr(4), lvl + 3, c, true);
      }
    }
    if (StartsWith(base, kArticle) && bcps - 2 >= 2) {
      Add(out, base.substr(4), lvl + 2, conj, true);
    }
  }
}

std::string_view CanonicalKey(std::string_view word) {
  if (StartsWith(word, kArticle) && CodePoints(word) - 2 >= 2) return word.substr(4);
  return word;
}

void DecodeCodePoints(std::string_view s, std::u32string* out) {
  out->clear();
  for (size_t i = 0; i < s.size();) out->push_back(DecodeNext(s, &i));
}

bool WithinEditDistance1(std::u32string_view x, std::u32string_view y) {
  if (x.size() > y.size()) std::swap(x, y);
  size_t n = x.size(), m = y.size();
  if (m - n > 1) return false;
  size_t i = 0;
  while (i < n && x[i] == y[i]) ++i;
  if (n == m) {  // one substitution (or none)
    for (size_t k = i + 1; k < n; ++k) {
      if (x[k] != y[k]) return false;
    }
    return true;
  }
  for (size_t k = i; k < n; ++k) {  // one insertion into x
    if (x[k] != y[k + 1]) return false;
  }
  return true;
}

bool WithinEditDistance1(std::string_view a, std::string_view b) {
  if (a == b) return true;
  // Names are short: decode into stack buffers (a code point takes at least
  // one byte, so byte length bounds the count).
  constexpr size_t kStack = 64;
  if (a.size() <= kStack && b.size() <= kStack) {
    char32_t x[kStack], y[kStack];
    size_t n = 0, m = 0;
    for (size_t i = 0; i < a.size();) x[n++] = DecodeNext(a, &i);
    for (size_t i = 0; i < b.size();) y[m++] = DecodeNext(b, &i);
    return WithinEditDistance1(std::u32string_view(x, n), std::u32string_view(y, m));
  }
  std::u32string x, y;
  DecodeCodePoints(a, &x);
  DecodeCodePoints(b, &y);
  return WithinEditDistance1(std::u32string_view(x), std::u32string_view(y));
}

uint64_t Fnv1a64(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace marsad::recognize_internal
