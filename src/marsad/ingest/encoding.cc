#include "marsad/ingest/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "marsad/common/utf8.h"

namespace marsad::ingest {
namespace {

// ICU's conversion API takes int32_t lengths; a UTF-16 buffer for N input
// bytes needs up to N UChars, so cap the input well below INT32_MAX.
constexpr size_t kMaxDecodeBytes = size_t{512} << 20;

// Share of the sniffed prefix used by the statistical tests; long enough to
// be representative, short enough to keep detection O(1) per file.
constexpr size_t kSniffBytes = 64 * 1024;

// A single-byte Arabic reading is accepted when at least this share of the
// decoded non-ASCII characters are Arabic letters/digits/marks ...
constexpr double kMinArabicLetterShare = 0.5;
// ... and at least this share are Arabic or common typographic characters.
constexpr double kMinArabicLikeShare = 0.85;
// Share of well-formed non-ASCII sequences above which damaged UTF-8 is
// repaired rather than re-read in another charset.
constexpr double kMinUtf8WellFormedShare = 0.75;

struct Signature {
  std::string_view magic;
  const char* what;
};

// File signatures of binary formats an article folder may contain by
// mistake (from the formats' specifications; see also `file(1)` magic).
constexpr std::array<Signature, 17> kBinarySignatures = {{
    {"\x89PNG\r\n\x1a\n", "PNG image"},
    {"\xFF\xD8\xFF", "JPEG image"},
    {"GIF87a", "GIF image"},
    {"GIF89a", "GIF image"},
    {"%PDF-", "PDF document"},
    {"PK\x03\x04", "ZIP archive (or DOCX/EPUB)"},
    {"\x1F\x8B", "gzip data"},
    {"\x7F" "ELF", "ELF executable"},
    {"BZh91AY&SY", "bzip2 data"},
    {"\xFD" "7zXZ", "xz data"},
    {"7z\xBC\xAF\x27\x1C", "7-Zip archive"},
    {"\x28\xB5\x2F\xFD", "zstd data"},
    {std::string_view("OggS\0", 5), "Ogg media"},
    {std::string_view("ID3\x03\0", 5), "MP3 audio"},
    {"\x1A\x45\xDF\xA3", "Matroska/WebM media"},
    {std::string_view("SQLite format 3\0", 16), "SQLite database"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "MS Office (OLE) document"},
}};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// C0 control bytes that never occur in text files (tab, LF, VT, FF, CR and
// SUB, the DOS end-of-file mark, are allowed).
bool IsBadControl(uint32_t c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1A;
}

bool TooManyControls(size_t controls, size_t total) {
  return controls > 1 && controls * 50 > total;  // more than 2%
}

struct Converter {
  UConverter* cnv = nullptr;
  explicit Converter(const char* name) {
    UErrorCode err = U_ZERO_ERROR;
    cnv = ucnv_open(name, &err);
    if (U_FAILURE(err)) cnv = nullptr;
  }
  ~Converter() {
    if (cnv != nullptr) ucnv_close(cnv);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
};

// Converts `bytes` from `charset` to UTF-8 with ICU. In strict mode the first
// illegal or unassigned byte sequence fails the conversion; otherwise such
// sequences become U+FFFD and are counted in *substitutions.
bool IcuToUtf8(const char* charset, std::string_view bytes, bool strict, std::string* out,
               size_t* substitutions) {
  Converter c(charset);
  if (c.cnv == nullptr) return false;
  UErrorCode err = U_ZERO_ERROR;
  if (strict) {
    ucnv_setToUCallBack(c.cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  } else {
    // Substitute U+FFFD (not the codepage's SUB character).
    ucnv_setSubstString(c.cnv, u"\uFFFD", 1, &err);
    ucnv_setToUCallBack(c.cnv, UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &err);
  }
  if (U_FAILURE(err)) return false;
  const auto len = static_cast<int32_t>(bytes.size());
  // Preflight for the exact UTF-16 length.
  err = U_ZERO_ERROR;
  int32_t needed = ucnv_toUChars(c.cnv, nullptr, 0, bytes.data(), len, &err);
  if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) return false;
  std::vector<UChar> u16(static_cast<size_t>(needed) + 1);
  err = U_ZERO_ERROR;
  ucnv_resetToUnicode(c.cnv);
  int32_t n = ucnv_toUChars(c.cnv, u16.data(), static_cast<int32_t>(u16.size()), bytes.data(), len,
                            &err);
  if (U_FAILURE(err)) return false;
  size_t fffd_in = 0;
  if (!strict) fffd_in = static_cast<size_t>(std::count(u16.begin(), u16.begin() + n, u'\uFFFD'));

  // UTF-16 -> UTF-8; unpaired surrogates (possible from UTF-16 input) become
  // U+FFFD and are counted.
  int32_t out_len = 0;
  int32_t subs = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8WithSub(nullptr, 0, &out_len, u16.data(), n, 0xFFFD, &subs, &err);
  if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) return false;
  out->assign(static_cast<size_t>(out_len), '\0');
  err = U_ZERO_ERROR;
  subs = 0;
  u_strToUTF8WithSub(out->data(), out_len, &out_len, u16.data(), n, 0xFFFD, &subs, &err);
  if (U_FAILURE(err) && err != U_STRING_NOT_TERMINATED_WARNING) return false;
  if (strict && subs > 0) return false;
  if (substitutions != nullptr) *substitutions = fffd_in + static_cast<size_t>(subs);
  return true;
}

// Character classes for the single-byte plausibility test.
bool IsArabicLetterLike(char32_t cp) {
  return (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x0620 && cp <= 0x0669) ||
         (cp >= 0x066E && cp <= 0x06D3) || (cp >= 0x06D5 && cp <= 0x06FF);
}

bool IsArabicOrTypographicPunct(char32_t cp) {
  switch (cp) {
    case 0x060C: case 0x061B: case 0x061F: case 0x066A: case 0x066B: case 0x066C: case 0x066D:
    case 0x06D4: case 0x00A0: case 0x00AB: case 0x00BB: case 0x00D7: case 0x00F7: case 0x00B0:
    case 0x00A9: case 0x00AE: case 0x2013: case 0x2014: case 0x2018: case 0x2019: case 0x201A:
    case 0x201C: case 0x201D: case 0x201E: case 0x2022: case 0x2026: case 0x2030: case 0x2039:
    case 0x203A: case 0x20AC: case 0x200C: case 0x200D: case 0x200E: case 0x200F:
      return true;
    default:
      return false;
  }
}

bool IsSpaceOrFormat(char32_t cp) {
  return cp == 0x00A0 || cp == 0x00AD || (cp >= 0x2000 && cp <= 0x200F) || cp == 0x202F ||
         cp == 0x2060 || cp == 0xFEFF;
}

bool IsAsciiLetter(char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'); }

// True if a single-byte decoding looks like Arabic text rather than mojibake:
// the non-ASCII characters are mostly Arabic, and Arabic letters form their
// own words instead of being glued to Latin letters (Latin text read in an
// Arabic code page gives words like "caf\u0649").
bool PlausibleArabic(std::string_view text) {
  size_t non_ascii = 0, letters = 0, punct = 0, controls = 0, total = 0;
  size_t arabic_words = 0, mixed_words = 0;
  bool in_word = false, word_arabic = false, word_latin = false;
  auto end_word = [&] {
    if (in_word && word_arabic) {
      ++arabic_words;
      mixed_words += word_latin;
    }
    in_word = word_arabic = word_latin = false;
  };
  // A symbol glued between two Arabic letters ("\u0627\u00D7\u0628") is
  // another sign of the wrong code page: in windows-1256 the letter TAH of
  // ISO-8859-6 reads as the multiplication sign.
  char32_t prev = 0, prev2 = 0;
  for (size_t i = 0; i < text.size();) {
    int len = 1;
    char32_t cp = utf8::Decode(text, i, &len);
    i += static_cast<size_t>(len);
    ++total;
    const bool arabic = IsArabicLetterLike(cp);
    if (arabic && IsArabicLetterLike(prev2) && prev >= 0x80 && !IsArabicLetterLike(prev) &&
        !IsSpaceOrFormat(prev)) {
      ++mixed_words;
    }
    prev2 = prev;
    prev = cp;
    const bool latin = IsAsciiLetter(cp) || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
    if (arabic || latin) {
      in_word = true;
      word_arabic |= arabic;
      word_latin |= latin;
    } else {
      end_word();
    }
    if (cp < 0x80) {
      controls += IsBadControl(cp);
      continue;
    }
    ++non_ascii;
    if (cp >= 0x80 && cp < 0xA0) ++controls;  // C1 controls: never text
    if (arabic) {
      ++letters;
    } else if (IsArabicOrTypographicPunct(cp)) {
      ++punct;
    }
  }
  end_word();
  if (non_ascii == 0 || TooManyControls(controls, total)) return false;
  if (mixed_words * 10 > arabic_words) return false;  // more than 10% mixed-script words
  // Latin text whose only non-ASCII characters are dashes, quotes or NBSP
  // (same bytes in windows-1252 and windows-1256) is fine too.
  if (letters == 0) return punct == non_ascii;
  const double n = static_cast<double>(non_ascii);
  return letters >= kMinArabicLetterShare * n && letters + punct >= kMinArabicLikeShare * n;
}

bool IsHaraka(char32_t cp) { return cp >= 0x064B && cp <= 0x0652; }

// Diacritics where Arabic orthography never puts them: a haraka at the start
// of a word, or a tanween (U+064B..U+064D, word-final by definition)
// followed by a letter other than ALEF or ALEF MAKSURA. The wrong one of
// windows-1256/ISO-8859-6 produces these (e.g. windows-1256 YEH is the
// ISO-8859-6 KASRATAN).
size_t MisplacedMarks(std::string_view text) {
  size_t n = 0;
  char32_t prev = 0;
  for (size_t i = 0; i < text.size();) {
    int len = 1;
    const char32_t cp = utf8::Decode(text, i, &len);
    i += static_cast<size_t>(len);
    if (IsHaraka(cp) && !IsArabicLetterLike(prev)) ++n;  // marks are letter-like: chains pass
    if (prev >= 0x064B && prev <= 0x064D && IsArabicLetterLike(cp) && !IsHaraka(cp) &&
        cp != 0x0627 && cp != 0x0649) {
      ++n;
    }
    prev = cp;
  }
  return n;
}

// Number of words starting with the definite article ALEF LAM, the most
// frequent word start in Arabic. Used to choose between windows-1256 and
// ISO-8859-6 when both readings are plausible: each code page reads the
// other's LAM as another letter (NOON or FEH), so the wrong reading has
// almost no such words.
size_t DefiniteArticleWords(std::string_view text) {
  static constexpr std::string_view kAlefLam = "\xD8\xA7\xD9\x84";  // U+0627 U+0644
  size_t n = 0;
  for (size_t pos = text.find(kAlefLam); pos != std::string_view::npos;
       pos = text.find(kAlefLam, pos + kAlefLam.size())) {
    if (pos == 0) {
      ++n;
      continue;
    }
    // Word start: the previous character is not an Arabic letter.
    size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    int len = 1;
    if (!IsArabicLetterLike(utf8::Decode(text, start, &len))) ++n;
  }
  return n;
}

// Counts well-formed and malformed non-ASCII sequences (each malformed byte
// counts once).
void Utf8Census(std::string_view s, size_t* good, size_t* bad) {
  *good = *bad = 0;
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    int len = 1;
    char32_t cp = utf8::Decode(s, i, &len);
    if (cp == utf8::kReplacement && len == 1) {
      ++*bad;
    } else {
      ++*good;
    }
    i += static_cast<size_t>(len);
  }
}

std::string RepairUtf8(std::string_view s, size_t* replaced) {
  std::string out;
  out.reserve(s.size() + 16);
  *replaced = 0;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    int len = 1;
    char32_t cp = utf8::Decode(s, i, &len);
    if (cp == utf8::kReplacement && len == 1) {
      // One U+FFFD per run of malformed bytes: a run is one damaged spot.
      size_t j = i + 1;
      while (j < s.size()) {
        auto cj = static_cast<unsigned char>(s[j]);
        if (cj < 0x80) break;
        int lj = 1;
        char32_t cpj = utf8::Decode(s, j, &lj);
        if (!(cpj == utf8::kReplacement && lj == 1)) break;
        ++j;
      }
      utf8::Append(utf8::kReplacement, &out);
      ++*replaced;
      i = j;
    } else {
      out.append(s.substr(i, static_cast<size_t>(len)));
      i += static_cast<size_t>(len);
    }
  }
  return out;
}

// Controls in decoded UTF-8 text (used after UTF-16 and hinted decoding).
bool DecodedLooksBinary(std::string_view text) {
  size_t controls = 0, total = 0;
  for (size_t i = 0; i < text.size() && i < 4 * kSniffBytes;) {
    int len = 1;
    char32_t cp = utf8::Decode(text, i, &len);
    i += static_cast<size_t>(len);
    ++total;
    if (cp == 0 || IsBadControl(cp) || (cp >= 0x80 && cp < 0xA0)) ++controls;
  }
  return TooManyControls(controls, total);
}

// Canonical IANA/MIME name of a charset ICU knows, or "" if unknown.
std::string CanonicalCharset(std::string_view hint) {
  std::string name(hint);
  // Trim whitespace and quotes that come with <meta charset="..."> values.
  auto not_junk = [](char ch) { return ch != ' ' && ch != '\t' && ch != '"' && ch != '\''; };
  auto b = std::find_if(name.begin(), name.end(), not_junk);
  auto e = std::find_if(name.rbegin(), name.rend(), not_junk).base();
  if (b >= e) return "";
  name = std::string(b, e);
  Converter c(name.c_str());
  if (c.cnv == nullptr) return "";
  UErrorCode err = U_ZERO_ERROR;
  const char* internal = ucnv_getName(c.cnv, &err);
  if (U_FAILURE(err) || internal == nullptr) return "";
  for (const char* standard : {"MIME", "IANA"}) {
    err = U_ZERO_ERROR;
    const char* std_name = ucnv_getStandardName(internal, standard, &err);
    if (U_SUCCESS(err) && std_name != nullptr) return std_name;
  }
  return internal;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool IsUtf8Name(std::string_view n) { return n == "UTF-8"; }
bool IsWeakLatinName(std::string_view n) {
  return n == "windows-1252" || n == "ISO-8859-1" || n == "US-ASCII";
}

// True if the UTF-8 string has a character other than whitespace (ASCII and
// the Unicode spaces/format marks that carry no content).
bool HasContent(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (!IsAsciiSpace(static_cast<char>(c))) return true;
      ++i;
      continue;
    }
    // Multi-byte: U+00A0 (C2 A0), U+2000..U+200F, U+2028/9, U+202F, U+205F,
    // U+3000, U+FEFF, U+061C are blank; anything else is content.
    auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
    if (c == 0xC2 && at(1) == 0xA0) { i += 2; continue; }
    if (c == 0xD8 && at(1) == 0x9C) { i += 2; continue; }
    if (c == 0xE2 && at(1) == 0x80 &&
        ((at(2) >= 0x80 && at(2) <= 0x8F) || at(2) == 0xA8 || at(2) == 0xA9 || at(2) == 0xAF)) {
      i += 3;
      continue;
    }
    if (c == 0xE2 && at(1) == 0x81 && at(2) == 0x9F) { i += 3; continue; }
    if (c == 0xE3 && at(1) == 0x80 && at(2) == 0x80) { i += 3; continue; }
    if (c == 0xEF && at(1) == 0xBB && at(2) == 0xBF) { i += 3; continue; }
    return true;
  }
  return false;
}

bool Fail(std::string* error_code, const char* code) {
  if (error_code != nullptr) *error_code = code;
  return false;
}

}  // namespace

int DetectUtf16WithoutBom(std::string_view bytes) {
  const size_t n = std::min(bytes.size(), kSniffBytes) & ~size_t{1};
  if (n < 4) return 0;
  // In UTF-16 text of ASCII, Latin, Greek, Cyrillic, Hebrew or Arabic the
  // high byte of most code units is 0x00..0x07, while the low byte rarely is.
  size_t low_even = 0, low_odd = 0, nul_even = 0, nul_odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    auto a = static_cast<unsigned char>(bytes[i]);
    auto b = static_cast<unsigned char>(bytes[i + 1]);
    low_even += a <= 0x07;
    low_odd += b <= 0x07;
    nul_even += a == 0;
    nul_odd += b == 0;
  }
  const size_t units = n / 2;
  auto dominant = [&](size_t hi) { return hi * 10 >= units * 7; };  // >= 70%
  auto rare = [&](size_t lo) { return lo * 10 < units * 3; };       // < 30%
  if (dominant(low_odd) && rare(low_even) && nul_even * 10 < units) return 1;
  if (dominant(low_even) && rare(low_odd) && nul_odd * 10 < units) return 2;
  return 0;
}

bool LooksBinary(std::string_view bytes, std::string* what) {
  for (const auto& sig : kBinarySignatures) {
    if (StartsWith(bytes, sig.magic)) {
      if (what != nullptr) *what = sig.what;
      return true;
    }
  }
  // ISO media starts with a big-endian box size (first byte 0) and "ftyp".
  if (bytes.size() >= 12 && bytes[0] == '\0' && bytes.substr(4, 4) == "ftyp") {
    if (what != nullptr) *what = "MP4/ISO media";
    return true;
  }
  if (bytes.size() >= 12 && StartsWith(bytes, "RIFF") &&
      (bytes.substr(8, 4) == "WEBP" || bytes.substr(8, 4) == "WAVE" || bytes.substr(8, 4) == "AVI ")) {
    if (what != nullptr) *what = "RIFF media (WebP/WAV/AVI)";
    return true;
  }
  const std::string_view head = bytes.substr(0, kSniffBytes);
  size_t controls = 0;
  for (unsigned char c : head) {
    if (c == 0) {
      if (what != nullptr) *what = "NUL bytes";
      return true;
    }
    controls += IsBadControl(c);
  }
  if (TooManyControls(controls, head.size())) {
    if (what != nullptr) *what = "control bytes";
    return true;
  }
  return false;
}

StatusOr<DecodedText> DecodeText(std::string_view bytes, std::string_view charset_hint,
                                 std::string* error_code) {
  DecodedText out;
  if (bytes.size() > kMaxDecodeBytes) {
    Fail(error_code, kErrorTooLarge);
    return DataError("input of " + std::to_string(bytes.size()) +
                     " bytes is too large to decode (limit " + std::to_string(kMaxDecodeBytes) +
                     " bytes)");
  }

  // 1. Byte-order marks.
  const char* bom_charset = nullptr;
  size_t bom_len = 0;
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    bom_charset = "UTF-8";
    bom_len = 3;
  } else if (StartsWith(bytes, "\xFF\xFE")) {
    bom_charset = "UTF-16LE";
    bom_len = 2;
  } else if (StartsWith(bytes, "\xFE\xFF")) {
    bom_charset = "UTF-16BE";
    bom_len = 2;
  }
  std::string_view body = bytes.substr(bom_len);
  out.had_bom = bom_charset != nullptr;

  // 3. UTF-16 (with BOM, or by the byte-parity heuristic).
  const char* utf16 = nullptr;
  if (bom_charset != nullptr && std::string_view(bom_charset) != "UTF-8") {
    utf16 = bom_charset;
  } else if (bom_charset == nullptr) {
    // 2. Binary signatures are checked before the UTF-16 heuristic so that
    //    e.g. a PNG is never read as UTF-16.
    std::string what;
    if (LooksBinary(body, &what) && what != "NUL bytes" && what != "control bytes") {
      Fail(error_code, kErrorBinary);
      return DataError("binary content (" + what + ")");
    }
    switch (DetectUtf16WithoutBom(body)) {
      case 1: utf16 = "UTF-16LE"; break;
      case 2: utf16 = "UTF-16BE"; break;
      default: break;
    }
  }
  if (utf16 != nullptr) {
    size_t subs = 0;
    if (!IcuToUtf8(utf16, body, /*strict=*/false, &out.text, &subs)) {
      Fail(error_code, kErrorUnknownEncoding);
      return DataError(std::string("cannot decode as ") + utf16);
    }
    if (DecodedLooksBinary(out.text)) {
      Fail(error_code, kErrorBinary);
      return DataError(std::string("binary content (control characters after decoding as ") +
                       utf16 + ")");
    }
    out.encoding = utf16;
    out.converted = true;
    out.replaced = subs;
    return out;
  }

  // 4. NUL or many control bytes outside UTF-16: binary.
  {
    std::string what;
    if (LooksBinary(body, &what)) {
      Fail(error_code, kErrorBinary);
      return DataError("binary content (" + what + ")");
    }
  }

  const std::string hint = charset_hint.empty() ? std::string() : CanonicalCharset(charset_hint);
  const bool hint_given = !charset_hint.empty();

  // 5. Well-formed UTF-8 (pure ASCII included).
  if (utf8::IsValid(body)) {
    out.text.assign(body);
    out.encoding = "UTF-8";
    out.hint_ignored = hint_given && !IsUtf8Name(hint) && hint != "US-ASCII";
    return out;
  }

  // 6. Damaged UTF-8.
  size_t good = 0, bad = 0;
  Utf8Census(body.substr(0, 4 * kSniffBytes), &good, &bad);
  const bool mostly_utf8 =
      good > 0 && static_cast<double>(good) >= kMinUtf8WellFormedShare * static_cast<double>(good + bad);
  if (mostly_utf8 || (bom_charset != nullptr && good >= bad)) {
    out.text = RepairUtf8(body, &out.replaced);
    out.encoding = "UTF-8";
    out.hint_ignored = hint_given && !IsUtf8Name(hint);
    return out;
  }

  // 7. A strong charset hint that converts cleanly.
  if (!hint.empty() && !IsUtf8Name(hint) && !IsWeakLatinName(hint)) {
    std::string text;
    if (IcuToUtf8(hint.c_str(), body, /*strict=*/true, &text, nullptr) && !DecodedLooksBinary(text)) {
      out.text = std::move(text);
      out.encoding = hint;
      out.converted = true;
      return out;
    }
  }

  // 8./9. Arabic single-byte code pages. When both readings are plausible
  // (short texts whose letters sit where the two tables overlap or map to
  // other letters), the one with more definite articles wins; ties go to
  // windows-1256, by far the more common.
  {
    std::string cp1256, iso;
    const bool cp_ok = IcuToUtf8("windows-1256", body, /*strict=*/true, &cp1256, nullptr) &&
                       PlausibleArabic(cp1256);
    const bool iso_ok = IcuToUtf8("ISO-8859-6", body, /*strict=*/true, &iso, nullptr) &&
                        PlausibleArabic(iso);
    bool pick_iso = iso_ok && !cp_ok;
    if (iso_ok && cp_ok && iso != cp1256) {
      const size_t bad_iso = MisplacedMarks(iso), bad_cp = MisplacedMarks(cp1256);
      const size_t al_iso = DefiniteArticleWords(iso), al_cp = DefiniteArticleWords(cp1256);
      pick_iso = bad_iso < bad_cp || (bad_iso == bad_cp && al_iso > al_cp);
      out.ambiguous = bad_iso == bad_cp && al_iso == al_cp;
    }
    if (cp_ok || iso_ok) {
      out.text = pick_iso ? std::move(iso) : std::move(cp1256);
      out.encoding = pick_iso ? "ISO-8859-6" : "windows-1256";
      out.converted = true;
      out.hint_ignored = hint_given && hint != out.encoding;
      return out;
    }
  }

  // 10. A weak Latin hint.
  if (IsWeakLatinName(hint)) {
    std::string text;
    if (IcuToUtf8(hint.c_str(), body, /*strict=*/true, &text, nullptr) && !DecodedLooksBinary(text)) {
      out.text = std::move(text);
      out.encoding = hint;
      out.converted = true;
      return out;
    }
  }

  Fail(error_code, kErrorUnknownEncoding);
  return DataError("unknown encoding: not UTF-8 (" + std::to_string(bad) + " malformed of " +
                   std::to_string(good + bad) +
                   " non-ASCII sequences), not Arabic windows-1256 or ISO-8859-6" +
                   (hint_given ? ", not the declared charset '" + std::string(charset_hint) + "'"
                               : std::string()));
}

bool IsBlankText(std::string_view utf8_text) { return !HasContent(utf8_text); }

StatusOr<std::string> DecodeToUtf8(std::string_view bytes, std::string_view charset_hint,
                                   std::string* detected_encoding) {
  auto decoded = DecodeText(bytes, charset_hint);
  if (!decoded.ok()) return decoded.status();
  if (detected_encoding != nullptr) *detected_encoding = decoded->encoding;
  return std::move(decoded->text);
}

}  // namespace marsad::ingest
