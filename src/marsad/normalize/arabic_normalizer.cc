// Implementation notes.
//
// Both forms run the same streaming loop: decode one code point, expand
// presentation forms (via ICU NFKC, tabulated once), map each resulting code
// point with the per-mode rules, and hand it to a Writer that applies the two
// contextual rules on the OUTPUT (so that they are idempotent by
// construction):
//   * hamza composition (display only): alef/waw/yeh/heh + U+0653..U+0655
//     -> the precomposed letter (what NFC does);
//   * broken lam-alef repair: at the start of a word, after at most two
//     proclitic letters (و ف ب ك ل), "ا X ل" with X in {أ إ آ ا} becomes
//     "ا ل X" (scraped PDFs emit the lam-alef ligature in visual order:
//     "األول" for "الأول", "واإلعلام" for "والإعلام"). Two alefs in a row never
//     occur in Arabic orthography, so the rule cannot damage a correct word.
// The matching rules are applied before the writer sees a code point, so
// the repair in the matching form works on folded letters (it also repairs
// "اَأل" where a diacritic separated the letters).
//
// Alignment: every output byte maps to the first byte of the input code
// point it came from; the two letters of a repaired pair both map to the
// start of the first of them, which keeps the alignment monotonic.
#include "marsad/normalize/arabic_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <mutex>

#include "marsad/common/utf8.h"

namespace marsad {
namespace {

// Named code points.
constexpr char32_t kAlef = 0x0627;
constexpr char32_t kAlefMadda = 0x0622;
constexpr char32_t kAlefHamzaAbove = 0x0623;
constexpr char32_t kAlefHamzaBelow = 0x0625;
constexpr char32_t kAlefWasla = 0x0671;
constexpr char32_t kLam = 0x0644;
constexpr char32_t kWaw = 0x0648;
constexpr char32_t kWawHamza = 0x0624;
constexpr char32_t kYeh = 0x064A;
constexpr char32_t kYehHamza = 0x0626;
constexpr char32_t kAlefMaksura = 0x0649;
constexpr char32_t kTehMarbuta = 0x0629;
constexpr char32_t kHeh = 0x0647;
constexpr char32_t kKaf = 0x0643;
constexpr char32_t kTatweel = 0x0640;
constexpr char32_t kMaddaAbove = 0x0653;
constexpr char32_t kHamzaAbove = 0x0654;
constexpr char32_t kHamzaBelow = 0x0655;
constexpr char32_t kSuperscriptAlef = 0x0670;
constexpr char32_t kFarsiYeh = 0x06CC;
constexpr char32_t kKeheh = 0x06A9;
constexpr char32_t kSwashKaf = 0x06AA;
constexpr char32_t kHehGoal = 0x06C1;
constexpr char32_t kHehGoalHamza = 0x06C2;
constexpr char32_t kHehDoachashmee = 0x06BE;
constexpr char32_t kAe = 0x06D5;
constexpr char32_t kHehYehAbove = 0x06C0;
constexpr char32_t kYehBarree = 0x06D2;
constexpr char32_t kYehBarreeHamza = 0x06D3;
constexpr char32_t kArabicPercent = 0x066A;
constexpr char32_t kArabicDecimalSep = 0x066B;
constexpr char32_t kArabicThousandsSep = 0x066C;
constexpr char32_t kNbsp = 0x00A0;
constexpr char32_t kLineSeparator = 0x2028;
constexpr char32_t kParagraphSeparator = 0x2029;
constexpr char32_t kBom = 0xFEFF;

// ---------------------------------------------------------------------------
// Presentation forms: U+FB50..U+FDFF and U+FE70..U+FEFE expanded with NFKC
// (ICU), computed once. A leading space that NFKC puts before an isolated
// harakah (U+FE70 -> " ً") is dropped: the mark is what the text meant.

constexpr char32_t kPresA0 = 0xFB50, kPresA1 = 0xFDFF;
constexpr char32_t kPresB0 = 0xFE70, kPresB1 = 0xFEFE;
constexpr size_t kPresASize = kPresA1 - kPresA0 + 1;
constexpr size_t kPresBSize = kPresB1 - kPresB0 + 1;

struct PresentationTable {
  // For each code point, [begin, end) into pool; begin == end: no expansion.
  std::array<uint32_t, kPresASize + kPresBSize + 1> begin{};
  std::u32string pool;
};

const PresentationTable& Presentation() {
  static const PresentationTable* table = [] {
    auto* t = new PresentationTable();
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    size_t idx = 0;
    auto add = [&](char32_t cp) {
      t->begin[idx++] = static_cast<uint32_t>(t->pool.size());
      if (!nfkc || U_FAILURE(status)) return;
      UErrorCode st = U_ZERO_ERROR;
      icu::UnicodeString src(static_cast<UChar32>(cp));
      icu::UnicodeString dst = nfkc->normalize(src, st);
      if (U_FAILURE(st) || dst == src) return;
      std::u32string exp;
      for (int32_t i = 0; i < dst.length();) {
        UChar32 c = dst.char32At(i);
        exp.push_back(static_cast<char32_t>(c));
        i += U16_LENGTH(c);
      }
      if (exp.size() > 1 && exp[0] == U' ') exp.erase(0, 1);
      t->pool += exp;
    };
    for (char32_t cp = kPresA0; cp <= kPresA1; ++cp) add(cp);
    for (char32_t cp = kPresB0; cp <= kPresB1; ++cp) add(cp);
    t->begin[idx] = static_cast<uint32_t>(t->pool.size());
    return t;
  }();
  return *table;
}

// Returns the expansion of a presentation form, or an empty view.
std::u32string_view ExpandPresentation(char32_t cp) {
  size_t idx;
  if (cp >= kPresA0 && cp <= kPresA1) {
    idx = cp - kPresA0;
  } else if (cp >= kPresB0 && cp <= kPresB1) {
    idx = kPresASize + (cp - kPresB0);
  } else {
    return {};
  }
  const PresentationTable& t = Presentation();
  return std::u32string_view(t.pool).substr(t.begin[idx], t.begin[idx + 1] - t.begin[idx]);
}

// ---------------------------------------------------------------------------
// Character classes.

bool IsArabicDiacritic(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == kSuperscriptAlef || (c >= 0x0610 && c <= 0x061A) ||
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 ||
         c == 0x06E8 || (c >= 0x06EA && c <= 0x06ED) || (c >= 0x08D3 && c <= 0x08E1) ||
         (c >= 0x08E3 && c <= 0x08FF);
}

bool IsArabicLetterCp(char32_t c) {
  return (c >= 0x0620 && c <= 0x063F) || (c >= 0x0641 && c <= 0x064A) || (c >= 0x066E && c <= 0x066F) ||
         (c >= 0x0671 && c <= 0x06D3) || c == 0x06D5 || (c >= 0x06EE && c <= 0x06EF) ||
         (c >= 0x06FA && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08C9);
}

// Removed in both forms: zero-width characters, bidi controls, soft hyphen,
// BOM, variation selectors and C0/C1 controls other than tab and newlines.
bool IsRemovedControl(char32_t c) {
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f';
  if (c < 0x7F) return false;
  if (c <= 0x9F) return true;  // DEL and C1
  return c == 0x00AD || c == 0x061C || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206F) || c == kBom ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0x180E;
}

// Unicode space separators other than ASCII space (map to ' ').
bool IsOtherSpace(char32_t c) {
  return c == kNbsp || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

bool IsQuoteVariant(char32_t c) {
  switch (c) {
    case 0x00AB: case 0x00BB: case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x2039:
    case 0x203A: case 0x2032: case 0x02BA: case 0xFF02:
      return true;
    default:
      return false;
  }
}

bool IsDashVariant(char32_t c) {
  return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D;
}

// Matching fold for U+0600..U+06FF: 0 = drop, otherwise the replacement.
struct ArabicFoldTable {
  std::array<char32_t, 256> map{};
  ArabicFoldTable() {
    for (char32_t c = 0x0600; c <= 0x06FF; ++c) map[c - 0x0600] = c;
    for (char32_t c = 0x0600; c <= 0x06FF; ++c)
      if (IsArabicDiacritic(c)) map[c - 0x0600] = 0;
    auto set = [&](char32_t from, char32_t to) { map[from - 0x0600] = to; };
    set(kTatweel, 0);
    for (char32_t c : {kAlefMadda, kAlefHamzaAbove, kAlefHamzaBelow, kAlefWasla, char32_t{0x0672},
                       char32_t{0x0673}, char32_t{0x0675}})
      set(c, kAlef);
    for (char32_t c : {kAlefMaksura, kYehHamza, kFarsiYeh}) set(c, kYeh);
    for (char32_t c : {kTehMarbuta, kHehYehAbove, kHehGoal, kHehGoalHamza, kHehDoachashmee, kAe,
                       char32_t{0x06C3}})
      set(c, kHeh);
    set(kWawHamza, kWaw);
    set(0x0676, kWaw);
    set(kKeheh, kKaf);
    set(kSwashKaf, kKaf);
    for (int d = 0; d < 10; ++d) {
      set(0x0660 + d, '0' + d);
      set(0x06F0 + d, '0' + d);
    }
    set(kArabicPercent, '%');
    set(kArabicDecimalSep, '.');
    set(kArabicThousandsSep, ',');
    set(0x066D, '*');
    set(0x061C, 0);  // ARABIC LETTER MARK (bidi control)
  }
};

const ArabicFoldTable kFold;

bool IsProcliticLetter(char32_t c) {
  return c == kWaw || c == 0x0641 /*feh*/ || c == 0x0628 /*beh*/ || c == kKaf || c == kLam;
}

char32_t ComposeHamza(char32_t base, char32_t mark) {
  if (mark == kMaddaAbove) return base == kAlef ? kAlefMadda : 0;
  if (mark == kHamzaAbove) {
    switch (base) {
      case kAlef: return kAlefHamzaAbove;
      case kWaw: return kWawHamza;
      case kYeh: return kYehHamza;
      case kHehGoal: return kHehGoalHamza;
      case kYehBarree: return kYehBarreeHamza;
      case kAe: return kHehYehAbove;
      default: return 0;
    }
  }
  if (mark == kHamzaBelow) return base == kAlef ? kAlefHamzaBelow : 0;
  return 0;
}

// ---------------------------------------------------------------------------
// Output writer with the contextual rules.

enum class Mode { kDisplay, kMatch };

template <Mode kMode>
class Writer {
 public:
  Writer(std::string* out, std::vector<int32_t>* align) : out_(out), align_(align) {}

  // Emits one (already mapped) code point that came from input offset src.
  void Emit(char32_t cp, int32_t src) {
    if constexpr (kMode == Mode::kMatch) FlushSpace();
    if constexpr (kMode == Mode::kDisplay) {
      if (cp >= kMaddaAbove && cp <= kHamzaBelow && last_.cp != 0) {
        char32_t composed = ComposeHamza(last_.cp, cp);
        if (composed != 0) {
          out_->resize(last_.pos);
          if (align_) align_->resize(last_.pos);
          Put(composed, last_.src);
          last_.cp = composed;
          return;
        }
      }
    }
    if (cp == kLam && prev_.cp == kAlef && prev_.prefix_ok && IsRepairAlef(last_.cp)) {
      // "ا X ل" -> "ا ل X"; both letters map to the start of X.
      char32_t x = last_.cp;
      int32_t xsrc = last_.src;
      size_t xpos = last_.pos;
      out_->resize(xpos);
      if (align_) align_->resize(xpos);
      Put(kLam, xsrc);
      size_t xpos2 = out_->size();
      Put(x, xsrc);
      prev_ = {kLam, xsrc, xpos, false};
      last_ = {x, xsrc, xpos2, false};
      word_letters_ += 1;
      word_all_clitic_ = false;
      return;
    }
    bool letter = IsArabicLetter(cp);
    bool prefix_ok = letter && word_all_clitic_ && word_letters_ <= 2;
    size_t pos = out_->size();
    Put(cp, src);
    prev_ = last_;
    last_ = {cp, src, pos, prefix_ok};
    if (letter) {
      ++word_letters_;
      word_all_clitic_ = word_all_clitic_ && IsProcliticLetter(cp);
    } else if (kMode == Mode::kMatch || !(IsArabicDiacritic(cp) || cp == kTatweel)) {
      // Marks and tatweel (display form only; the matching form drops them)
      // do not end a word.
      word_letters_ = 0;
      word_all_clitic_ = true;
    }
  }

  // Matching form: a whitespace character; runs collapse to one space, or
  // to one newline if the run contains a line break.
  void Space(bool newline, int32_t src) {
    if (!space_pending_) {
      space_pending_ = true;
      space_src_ = src;
      space_newline_ = false;
    }
    if (newline && !space_newline_) {
      space_newline_ = true;
      space_src_ = src;
    }
  }

  void FlushSpace() {
    if (!space_pending_) return;
    space_pending_ = false;
    size_t pos = out_->size();
    char32_t cp = space_newline_ ? U'\n' : U' ';
    Put(cp, space_src_);
    prev_ = last_;
    last_ = {cp, space_src_, pos, false};
    word_letters_ = 0;
    word_all_clitic_ = true;
  }

  void Finish(int32_t input_size) {
    if constexpr (kMode == Mode::kMatch) FlushSpace();
    if (align_) align_->push_back(input_size);
  }

 private:
  struct Last {
    char32_t cp = 0;
    int32_t src = 0;
    size_t pos = 0;
    bool prefix_ok = false;  // a letter preceded in its word by <= 2 proclitic letters
  };

  static bool IsRepairAlef(char32_t c) {
    if constexpr (kMode == Mode::kMatch) return c == kAlef;
    return c == kAlef || c == kAlefHamzaAbove || c == kAlefHamzaBelow || c == kAlefMadda;
  }

  void Put(char32_t cp, int32_t src) {
    size_t before = out_->size();
    if (cp < 0x80) {
      out_->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      char buf[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
      out_->append(buf, 2);
    } else {
      utf8::Append(cp, out_);
    }
    if (align_) align_->insert(align_->end(), out_->size() - before, src);
  }

  std::string* out_;
  std::vector<int32_t>* align_;
  Last prev_, last_;
  int word_letters_ = 0;
  bool word_all_clitic_ = true;
  bool space_pending_ = false;
  bool space_newline_ = false;
  int32_t space_src_ = 0;
};

// Display mapping of one base (non-presentation) code point.
template <Mode kMode>
inline void FeedDisplay(char32_t cp, int32_t src, Writer<kMode>& w);

// Matching mapping applied after the display mapping.
inline void FeedMatch(char32_t cp, int32_t src, Writer<Mode::kMatch>& w) {
  if (cp < 0x80) {
    if (cp == ' ' || cp == '\t') return w.Space(false, src);
    if (cp == '\n') return w.Space(true, src);
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    return w.Emit(cp, src);
  }
  if (cp >= 0x0600 && cp <= 0x06FF) {
    char32_t m = kFold.map[cp - 0x0600];
    if (m != 0) w.Emit(m, src);
    return;
  }
  if (IsArabicDiacritic(cp)) return;
  if (IsQuoteVariant(cp)) return w.Emit('"', src);
  if (IsDashVariant(cp)) return w.Emit('-', src);
  if (cp != utf8::kReplacement) {
    UChar32 lower = u_tolower(static_cast<UChar32>(cp));
    if (lower > 0) cp = static_cast<char32_t>(lower);
  }
  w.Emit(cp, src);
}

template <Mode kMode>
inline void FeedDisplay(char32_t cp, int32_t src, Writer<kMode>& w) {
  // Caller handled \r. Controls and zero-width characters vanish.
  if (cp == '\v' || cp == '\f' || cp == kLineSeparator || cp == kParagraphSeparator) cp = '\n';
  else if (IsOtherSpace(cp)) cp = ' ';
  else if (IsRemovedControl(cp)) return;
  if constexpr (kMode == Mode::kMatch) {
    FeedMatch(cp, src, w);
  } else {
    w.Emit(cp, src);
  }
}

template <Mode kMode>
void Run(std::string_view text, std::string* out, std::vector<int32_t>* alignment) {
  out->clear();
  out->reserve(text.size());
  if (alignment) {
    alignment->clear();
    alignment->reserve(text.size() + 1);
  }
  Writer<kMode> w(out, alignment);
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    unsigned char b = p[i];
    int32_t src = static_cast<int32_t>(i);
    char32_t cp;
    if (b < 0x80) {
      cp = b;
      if (b == '\r') {
        // CRLF and lone CR -> LF; the LF of a CRLF pair is the one kept.
        if (i + 1 < n && p[i + 1] == '\n') {
          ++i;
          continue;
        }
        cp = '\n';
      }
      ++i;
      if (cp >= 0x20 && cp != 0x7F) {
        if constexpr (kMode == Mode::kMatch) {
          FeedMatch(cp, src, w);
        } else {
          w.Emit(cp, src);
        }
        continue;
      }
    } else if (b >= 0xD8 && b <= 0xDB && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      // Fast path: the Arabic block U+0600..U+06FF.
      cp = ((b & 0x1F) << 6) | (p[i + 1] & 0x3F);
      i += 2;
      if constexpr (kMode == Mode::kMatch) {
        char32_t m = kFold.map[cp - 0x0600];
        if (m != 0) w.Emit(m, src);
      } else if (cp != 0x061C) {  // U+061C ARABIC LETTER MARK is a bidi control
        w.Emit(cp, src);
      }
      continue;
    } else {
      int len;
      cp = utf8::Decode(text, i, &len);
      i += len;
      std::u32string_view exp = ExpandPresentation(cp);
      if (!exp.empty()) {
        for (char32_t c : exp) FeedDisplay<kMode>(c, src, w);
        continue;
      }
    }
    FeedDisplay<kMode>(cp, src, w);
  }
  w.Finish(static_cast<int32_t>(n));
}

}  // namespace

void DisplayForm(std::string_view text, std::string* out, std::vector<int32_t>* alignment) {
  Run<Mode::kDisplay>(text, out, alignment);
}

std::string DisplayForm(std::string_view text) {
  std::string out;
  Run<Mode::kDisplay>(text, &out, nullptr);
  return out;
}

void MatchForm(std::string_view text, std::string* out, std::vector<int32_t>* alignment) {
  Run<Mode::kMatch>(text, out, alignment);
}

std::string MatchForm(std::string_view text) {
  std::string out;
  Run<Mode::kMatch>(text, &out, nullptr);
  return out;
}

bool IsArabicLetterOutsideCore(char32_t cp) { return IsArabicLetterCp(cp); }

bool IsArabicMark(char32_t cp) { return IsArabicDiacritic(cp); }

}  // namespace marsad
