#include "marsad/recognize/keys.h"

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

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

void Add(WordForms* out, std::string_view key, int stripped, char clitic, bool article = false) {
  for (int i = 0; i < out->size; ++i) {
    if (out->forms[i].key == key) return;
  }
  if (out->size < 10) {
    out->forms[out->size++] = {key, static_cast<int8_t>(stripped), clitic, article};
  }
}

void DecodeUtf8(std::string_view s, std::vector<char32_t>* out) {
  out->clear();
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out->push_back(cp);
    i += n;
  }
}

}  // namespace

int CodePoints(std::string_view s) {
  int n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
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

bool WithinEditDistance1(std::string_view a, std::string_view b) {
  if (a == b) return true;
  thread_local std::vector<char32_t> x, y;
  DecodeUtf8(a, &x);
  DecodeUtf8(b, &y);
  if (x.size() > y.size()) std::swap(x, y);
  size_t n = x.size(), m = y.size();
  if (m - n > 1) return false;
  size_t i = 0;
  while (i < n && x[i] == y[i]) ++i;
  if (n == m) {  // one substitution
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

uint64_t Fnv1a64(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace marsad::recognize_internal
