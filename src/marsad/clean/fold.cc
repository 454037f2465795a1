#include "marsad/clean/fold.h"

#include <unicode/uchar.h>

#include "marsad/common/utf8.h"

namespace marsad::clean {
namespace {

constexpr char32_t kAlef = 0x0627;
constexpr char32_t kAlefHamzaAbove = 0x0623;
constexpr char32_t kAlefHamzaBelow = 0x0625;
constexpr char32_t kAlefMadda = 0x0622;
constexpr char32_t kAlefWasla = 0x0671;
constexpr char32_t kLam = 0x0644;
constexpr char32_t kTatweel = 0x0640;
constexpr char32_t kAlefMaksura = 0x0649;
constexpr char32_t kFarsiYeh = 0x06CC;
constexpr char32_t kYeh = 0x064A;
constexpr char32_t kTehMarbuta = 0x0629;
constexpr char32_t kHeh = 0x0647;
constexpr char32_t kWawHamza = 0x0624;
constexpr char32_t kWaw = 0x0648;
constexpr char32_t kYehHamza = 0x0626;
constexpr char32_t kKeheh = 0x06A9;
constexpr char32_t kKaf = 0x0643;

bool IsHamzaAlef(char32_t c) { return c == kAlefHamzaAbove || c == kAlefHamzaBelow || c == kAlefMadda; }

inline bool IsDropped(char32_t c) {
  if (c < kTatweel) return c == 0x00AD;  // the common cases: ASCII, most Arabic letters
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) || c == kTatweel ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0xFEFF || c == 0x00AD;
}

inline bool IsSpace(char32_t c) {
  if (c > ' ' && c < 0x80) return false;  // the common case: printable ASCII
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x00A0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

char32_t FoldChar(char32_t c, bool lower_latin) {
  switch (c) {
    case kAlefHamzaAbove:
    case kAlefHamzaBelow:
    case kAlefMadda:
    case kAlefWasla:
      return kAlef;
    case kAlefMaksura:
    case kFarsiYeh:
    case kYehHamza:
      return kYeh;
    case kTehMarbuta:
      return kHeh;
    case kWawHamza:
      return kWaw;
    case kKeheh:
      return kKaf;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
      return '"';
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x2032:
      return '\'';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return '-';
    default:
      break;
  }
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
  if (lower_latin && c >= 'A' && c <= 'Z') return c + ('a' - 'A');
  return c;
}

}  // namespace

namespace {

// utf8::Append into a raw buffer with room for 4 bytes; returns the new end.
inline char* AppendAt(char32_t cp, char* p) {
  if (cp < 0x80) {
    *p++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *p++ = static_cast<char>(0xC0 | (cp >> 6));
    *p++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    std::string tmp;
    utf8::Append(cp, &tmp);
    for (char c : tmp) *p++ = c;
  }
  return p;
}

}  // namespace

std::string FoldKey(std::string_view text, bool lower_latin) {
  // Per-thread scratch: FoldKey runs once per line of every article.
  thread_local std::u32string cps;
  cps.clear();
  cps.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    int len = 1;
    char32_t c = utf8::DecodeInline(text, i, &len);
    i += static_cast<size_t>(len);
    if (IsDropped(c)) continue;
    cps.push_back(c);
  }
  // Broken lam-alef order: ا + أ/إ/آ + ل  ->  ا + ل + ا (the article
  // "al-" followed by a hamza-initial word whose ligature was split wrongly).
  for (size_t i = 0; i + 2 < cps.size(); ++i) {
    if (cps[i] == kAlef && IsHamzaAlef(cps[i + 1]) && cps[i + 2] == kLam &&
        (i == 0 || !IsAlnum(cps[i - 1]))) {
      cps[i + 1] = kLam;
      cps[i + 2] = kAlef;
    }
  }
  // Each code point becomes at most 4 bytes, plus one pending space.
  std::string out(cps.size() * 4 + 1, '\0');
  char* const begin = out.data();
  char* p = begin;
  bool pending_space = false;
  for (char32_t c : cps) {
    if (IsSpace(c)) {
      pending_space = p != begin;
      continue;
    }
    if (pending_space) {
      *p++ = ' ';
      pending_space = false;
    }
    p = AppendAt(FoldChar(c, lower_latin), p);
  }
  out.resize(static_cast<size_t>(p - begin));
  return out;
}

bool IsAlnum(char32_t cp) { return u_isalnum(static_cast<UChar32>(cp)) != 0; }

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false, has_alnum = false;
  for (size_t i = 0; i <= text.size();) {
    int len = 1;
    char32_t c = i < text.size() ? utf8::DecodeInline(text, i, &len) : U' ';
    bool space = IsSpace(c);
    if (space) {
      if (in_word && has_alnum) ++words;
      in_word = has_alnum = false;
    } else {
      in_word = true;
      if (!has_alnum && IsAlnum(c)) has_alnum = true;
    }
    i += static_cast<size_t>(len);
  }
  return words;
}

bool SanitizeUtf8(std::string_view in, std::string* out) {
  if (utf8::IsValid(in)) {
    out->assign(in);
    return false;
  }
  out->clear();
  out->reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    int len = 1;
    char32_t c = utf8::Decode(in, i, &len);
    utf8::Append(c, out);
    i += static_cast<size_t>(len);
  }
  return true;
}

}  // namespace marsad::clean
