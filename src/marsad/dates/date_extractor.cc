// Date extraction: a small hand-written grammar over the matching form.
//
// Pipeline inside Analyze():
//   1. MatchForm(text) with alignment; split into word, number and
//      punctuation tokens.
//   2. At each token, try every pattern and keep the longest parse
//      (ties: the pattern tried first). Patterns consume tokens only; all
//      words come from the lexicons in data/.
//   3. Resolve each parse against the reference date with ICU calendar
//      arithmetic (civil_date.h) and map the span back to `text`.
#include "marsad/dates/date_extractor.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <climits>
#include <deque>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "marsad/common/utf8.h"
#include "marsad/normalize/arabic_normalizer.h"

namespace marsad {

// ---------------------------------------------------------------------------
// Lexicon

namespace {

struct Entry {
  std::vector<std::string> words;  // matching form, split on spaces
  std::string cls;                 // lexicon class (see data/time/lexicon.tsv)
  std::string val;
  int ival = 0;
};

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

// Reads a TSV file; calls fn(fields, line_no) for each non-comment line.
template <typename Fn>
Status ReadTsv(const std::string& path, size_t min_fields, Fn fn) {
  std::ifstream in(path);
  if (!in) return IoError("cannot open " + path);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto fields = SplitTabs(line);
    if (fields.size() < min_fields) {
      return DataError(path + ":" + std::to_string(line_no) + ": expected " +
                       std::to_string(min_fields) + " tab-separated fields");
    }
    MARSAD_RETURN_IF_ERROR(fn(fields, line_no));
  }
  return Status::Ok();
}

bool ParseInt(const std::string& s, int* out) {
  if (s.empty()) return false;
  size_t i = 0;
  bool neg = false;
  if (s[0] == '-' || s[0] == '+') {
    neg = s[0] == '-';
    i = 1;
  }
  if (i >= s.size()) return false;
  int v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = neg ? -v : v;
  return true;
}

// The year a TIMEX value starts with ("2017-11", "2017-W46"), 0 for none
// ("XXXX-11").
int LeadingYear(const std::string& value) {
  int year = 0;
  return value.size() >= 4 && value[0] >= '0' && value[0] <= '9' && ParseInt(value.substr(0, 4), &year) ? year : 0;
}

}  // namespace

struct DateExtractor::Lexicon {
  struct SvHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // Keyed by the first word; looked up with string views of token suffixes.
  std::unordered_multimap<std::string, Entry, SvHash, std::equal_to<>> by_first;
  // A cheap signature of every first word (length and two bytes): most
  // candidate forms of most tokens fail this test and skip the hash lookup.
  std::bitset<1 << 16> first_sig;
  // The same for the last bytes (up to 3). Every candidate form of a token
  // is the token itself or a suffix of it at least 3 bytes long (clitics and
  // the article are stripped only from longer words), so a token whose tail
  // no first word has starts nothing.
  std::bitset<1 << 16> tail_sig;
  static uint32_t TailSig(std::string_view w) {
    size_t n = std::min<size_t>(3, w.size());
    uint32_t h = static_cast<uint32_t>(n);
    for (size_t k = w.size() - n; k < w.size(); ++k) h = h * 257 + static_cast<uint8_t>(w[k]);
    return (h ^ (h >> 16)) & 0xFFFF;
  }
  static uint32_t Sig(std::string_view w) {
    uint32_t b1 = w.size() > 1 ? static_cast<uint8_t>(w[1]) : 0;
    uint32_t b3 = w.size() > 3 ? static_cast<uint8_t>(w[3]) : 0;
    return ((b1 * 131 + b3) * 131 + static_cast<uint32_t>(w.size())) & 0xFFFF;
  }

  void Add(const std::string& phrase, std::string cls, std::string val, int ival) {
    Entry e;
    e.words = SplitWords(MatchForm(phrase));
    if (e.words.empty()) return;
    e.cls = std::move(cls);
    e.val = std::move(val);
    e.ival = ival;
    std::string first = e.words[0];
    first_sig.set(Sig(first));
    tail_sig.set(TailSig(first));
    by_first.emplace(std::move(first), std::move(e));
  }
};

StatusOr<DateExtractor> DateExtractor::Load(const std::string& data_dir) {
  auto lex = std::make_shared<Lexicon>();
  std::string dir = data_dir.empty() ? "." : data_dir;
  Status st = ReadTsv(dir + "/months.tsv", 4, [&](const std::vector<std::string>& f, int line) {
    int m = 0;
    if (!ParseInt(f[1], &m) || m < 1 || m > 12) {
      return DataError(dir + "/months.tsv:" + std::to_string(line) + ": bad month number");
    }
    if (f[0] == "gregorian") {
      lex->Add(f[2], "month", f[3], m);
    } else if (f[0] == "islamic") {
      lex->Add(f[2], "hmonth", f[3], m);
    }
    return Status::Ok();
  });
  MARSAD_RETURN_IF_ERROR(st);
  st = ReadTsv(dir + "/weekdays.tsv", 2, [&](const std::vector<std::string>& f, int line) {
    int w = 0;
    if (!ParseInt(f[0], &w) || w < 1 || w > 7) {
      return DataError(dir + "/weekdays.tsv:" + std::to_string(line) + ": bad weekday number");
    }
    lex->Add(f[1], "weekday", "", w);
    return Status::Ok();
  });
  MARSAD_RETURN_IF_ERROR(st);
  st = ReadTsv(dir + "/time/lexicon.tsv", 3, [&](const std::vector<std::string>& f, int) {
    int iv = 0;
    ParseInt(f[1], &iv);
    lex->Add(f[2], f[0], f[1], iv);
    return Status::Ok();
  });
  MARSAD_RETURN_IF_ERROR(st);
  st = ReadTsv(dir + "/time/numbers.tsv", 3, [&](const std::vector<std::string>& f, int line) {
    int v = 0;
    if (!ParseInt(f[0], &v)) {
      return DataError(dir + "/time/numbers.tsv:" + std::to_string(line) + ": bad value");
    }
    lex->Add(f[1], "num_" + f[2], f[2], v);
    return Status::Ok();
  });
  MARSAD_RETURN_IF_ERROR(st);
  return DateExtractor(std::move(lex));
}

// ---------------------------------------------------------------------------
// Tokens and parses

namespace {

// The matching form of a literal, computed once per call site: the parser
// compares tokens with a few function words at every position, and
// normalizing the literal each time was a large share of its run time.
#define MF(lit)                                                \
  ([]() -> const std::string& {                                \
    static const std::string kForm = ::marsad::MatchForm(lit); \
    return kForm;                                              \
  }())

enum class TokType { kWord, kNum, kPunct };

struct Tok {
  int32_t b = 0, e = 0;  // bytes in the matching form
  TokType type = TokType::kPunct;
  std::string_view s;  // into the matching form, which outlives the tokens
  int num = 0;      // value if kNum (saturates)
  int ndigits = 0;  // if kNum
};

bool IsWordChar(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return IsArabicLetter(c);
}

std::vector<Tok> Tokenize(const std::string& m) {
  std::vector<Tok> toks;
  size_t i = 0;
  while (i < m.size()) {
    int len = 1;
    char32_t c = utf8::Decode(m, i, &len);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      i += len;
      continue;
    }
    Tok t;
    t.b = static_cast<int32_t>(i);
    if (c >= '0' && c <= '9') {
      t.type = TokType::kNum;
      size_t j = i;
      long long v = 0;
      while (j < m.size() && m[j] >= '0' && m[j] <= '9') {
        if (v < 100000000) v = v * 10 + (m[j] - '0');
        ++t.ndigits;
        ++j;
      }
      t.num = static_cast<int>(v);
      t.e = static_cast<int32_t>(j);
    } else if (IsWordChar(c)) {
      t.type = TokType::kWord;
      size_t j = i;
      while (j < m.size()) {
        int l2 = 1;
        char32_t c2 = utf8::Decode(m, j, &l2);
        if (!IsWordChar(c2)) break;
        j += l2;
      }
      t.e = static_cast<int32_t>(j);
    } else {
      t.type = TokType::kPunct;
      t.e = static_cast<int32_t>(i + len);
    }
    t.s = std::string_view(m).substr(t.b, t.e - t.b);
    toks.push_back(std::move(t));
    i = t.e;
  }
  return toks;
}

struct Hit {
  const Entry* entry = nullptr;
  int end = 0;           // token index after the phrase
  int clitic_bytes = 0;  // bytes stripped from the first token
  bool definite = false;  // the article ال was stripped to match (part of the span)
};

// Partial calendar date as stated in text.
struct PDate {
  int y = 0, m = 0, d = 0, wd = 0;
  bool hijri = false;
  int dir = 0;  // -1 past, +1 next, 2 current/this, 0 none
};

enum class Unit { kNone, kDay, kWeek, kMonth, kYear, kDecade, kHour, kMinute, kSecond };

// A parse: tokens [tb, te) plus its meaning, already resolved.
struct Parse {
  int tb = 0, te = 0;
  int clitic_bytes = 0;  // bytes of the first token not in the span
  DateMention mention;
  // For range building: resolved day-precision endpoints if any.
  std::optional<CivilDate> start, end;
  PDate pd;            // stated fields, for ranges that inherit month/year
  bool day_only = false;  // a bare day number (left end of "من 6 إلى 18 آذار")
  bool is_year = false;
  int len() const { return te - tb; }
};

constexpr int kPast = -1, kNext = 1, kThis = 2;

std::string UnitLetter(Unit u) {
  switch (u) {
    case Unit::kDay: return "D";
    case Unit::kWeek: return "W";
    case Unit::kMonth: return "M";
    case Unit::kYear: return "Y";
    case Unit::kDecade: return "DE";
    case Unit::kHour: return "H";
    case Unit::kMinute: return "MIN";
    case Unit::kSecond: return "S";
    default: return "";
  }
}

Precision UnitPrecision(Unit u) {
  switch (u) {
    case Unit::kDay: return Precision::kDay;
    case Unit::kWeek: return Precision::kWeek;
    case Unit::kMonth: return Precision::kMonth;
    case Unit::kYear:
    case Unit::kDecade: return Precision::kYear;
    case Unit::kHour:
    case Unit::kMinute:
    case Unit::kSecond: return Precision::kMinute;
    default: return Precision::kUnknown;
  }
}

Unit UnitFromName(const std::string& s) {
  if (s == "day") return Unit::kDay;
  if (s == "week") return Unit::kWeek;
  if (s == "month") return Unit::kMonth;
  if (s == "year") return Unit::kYear;
  if (s == "decade") return Unit::kDecade;
  if (s == "hour") return Unit::kHour;
  if (s == "minute") return Unit::kMinute;
  if (s == "second") return Unit::kSecond;
  return Unit::kNone;
}

// "P3Y", "P10D", "PT2H"; decades are P10Y multiples.
std::string DurationValue(Unit u, int n) {
  if (u == Unit::kHour) return "PT" + std::to_string(n) + "H";
  if (u == Unit::kMinute) return "PT" + std::to_string(n) + "M";
  if (u == Unit::kSecond) return "PT" + std::to_string(n) + "S";
  if (u == Unit::kDecade) return "P" + std::to_string(n * 10) + "Y";
  return "P" + std::to_string(n) + UnitLetter(u);
}

CivilDate Shift(const CivilDate& d, Unit u, int n) {
  switch (u) {
    case Unit::kDay: return civil::AddDays(d, n);
    case Unit::kWeek: return civil::AddDays(d, 7 * n);
    case Unit::kMonth: return civil::AddMonths(d, n);
    case Unit::kYear: return civil::AddYears(d, n);
    case Unit::kDecade: return civil::AddYears(d, 10 * n);
    default: return d;
  }
}

std::string RangeValue(const CivilDate& a, const CivilDate& b, const std::string& dur = "") {
  std::string out;
  out.reserve(40);
  out.push_back('(');
  out.append(civil::ToIso(a));
  out.push_back(',');
  out.append(civil::ToIso(b));
  out.push_back(',');
  if (dur.empty()) {
    out.push_back('P');
    out.append(std::to_string(civil::DaysBetween(a, b)));
    out.push_back('D');
  } else {
    out.append(dur);
  }
  out.push_back(')');
  return out;
}

// ---------------------------------------------------------------------------
// The parser for one text.

class Parser {
 public:
  Parser(const DateExtractor::Lexicon& lex, const std::vector<Tok>& toks,
         const std::optional<CivilDate>& ref)
      : lex_(lex), t_(toks), ref_(ref) {}

  std::optional<Parse> Best(int i) const;

 private:
  // --- token helpers
  bool InRange(int i) const { return i >= 0 && i < static_cast<int>(t_.size()); }
  bool IsPunct(int i, std::string_view p) const {
    return InRange(i) && t_[i].type == TokType::kPunct && t_[i].s == p;
  }
  bool IsSep(int i) const {
    return IsPunct(i, "/") || IsPunct(i, "-") || IsPunct(i, ".") || IsPunct(i, ",") ||
           IsPunct(i, "،");
  }
  bool IsComma(int i) const { return IsPunct(i, ",") || IsPunct(i, "،"); }
  // Adjacent (no space) tokens i and i+1.
  bool Glued(int i) const { return InRange(i + 1) && t_[i].e == t_[i + 1].b; }

  // All lexicon hits at token i. With allow_clitic, the first token may carry
  // the proclitics و ف ب ل ك (and "لل" for "ل+ال").
  // Lexicon entries starting at token i (memoized: the sub-parsers ask for
  // the same position many times).
  // All hits with clitics and the article allowed; callers filter on
  // Hit::clitic_bytes and Hit::definite (the order is that of a search
  // without them, so filtering gives the restricted search's result).
  const std::vector<Hit>& Hits(int i) const;
  std::vector<Hit> ComputeHits(int i, bool allow_clitic, bool allow_article) const;
  // Longest hit of class `cls` at i.
  std::optional<Hit> Find(int i, std::string_view cls, bool allow_clitic = false,
                          std::string_view val = {}) const;
  bool Word(int i, std::string_view cls, std::string_view val, int* end,
            bool allow_clitic = false) const {
    auto h = Find(i, cls, allow_clitic, val);
    if (!h) return false;
    *end = h->end;
    return true;
  }

  // --- numbers
  // A number written in digits or words: value and end token.
  bool Number(int i, int* value, int* end, bool allow_clitic = false, int* clitic = nullptr,
              bool cardinal_only = false) const;
  bool DayNumber(int i, int* day, int* end, bool allow_clitic = false, int* clitic = nullptr) const;
  // A year: 4 digits (optionally in parentheses), 3 digits only after a
  // year word. Era marker consumed if present (sets *hijri).
  bool Year(int i, bool after_yearword, int* year, int* end, bool* hijri,
            bool allow_words = true) const;
  // A year in words: "ألفين وسبعة عشر" (2017), "ألف وتسعمائة وخمسة وثمانون"
  // (1985); after a year word also "تسعة عشر ستة وتسعون" (1996).
  bool WordYear(int i, bool after_yearword, int* year, int* end) const;

  // --- patterns
  std::optional<Parse> DayMonth(int i) const;       // 16 تشرين الثاني 2017
  std::optional<Parse> MonthFirst(int i) const;     // يونيو 2016, حزيران الماضي
  std::optional<Parse> YearFirst(int i) const;      // 2017November19
  std::optional<Parse> Season(int i) const;         // الصيف الماضي, صيف 2016
  std::optional<Parse> Rest(int i) const;           // بقية الأسبوع
  std::optional<Parse> Quarter(int i) const;        // الربع الأول من عام 2019
  std::optional<Parse> Decade(int i) const;         // السبعينيات
  std::optional<Parse> Weekend(int i) const;        // عطلة نهاية الأسبوع المقبل
  std::optional<Parse> WeekOf(int i) const;         // الأسبوع الثاني من عام 2018
  std::optional<Parse> SetExpr(int i) const;        // أسبوعيا, كل يوم, كل يومين
  std::optional<Parse> DayPart(int i) const;        // صباح اليوم, الليلة الماضية
  // Adds a following "الساعة ..." clock time to a part-of-day parse.
  void AttachClock(Parse* p, const std::string& part) const;
  // Adds a following adverbial part of the day to a day parse ("الخميس
  // صباحا" = Thursday morning), then a clock time inside it.
  void AttachDayPartAfter(Parse* p) const;
  // ISO weekday of a weekday name written without the article ("جمعة" in
  // "كل يوم جمعة"), 0 if the token is not one.
  int BareWeekday(int j) const;
  std::optional<Parse> NthWeekday(int i) const;     // أول يوم خميس من آب
  // Durations with several parts, halves or decimals: "عامين وثلاثة أشهر
  // و10 أيام" (P2Y3M10D), "ساعة ونصف" (PT1.5H), "3.5 سنوات" (P3.5Y), "يوم كامل",
  // "طوال العام" (P1Y).
  std::optional<Parse> CompoundDuration(int i) const;
  std::optional<Parse> DayOfMonthWord(int i) const;  // يوم 27
  // DAY [من|في] (الشهر الجاري|هذا الشهر|الجاري|الماضي|المقبل); j is after
  // the day and an optional separator.
  std::optional<Parse> DayOfRelMonth(int i, int day, int j, int clitic) const;
  // Resolves day `day` of the month `offset` months from the reference.
  void ResolveDayOfMonth(int day, int offset, Parse* p) const;
  std::optional<Parse> Numeric(int i) const;        // 29/12/2011, 3/2015
  std::optional<Parse> YearExpr(int i) const;       // عام 2017, 1441 هـ
  std::optional<Parse> WeekdayExpr(int i) const { return Memo(0, i, &Parser::WeekdayExprAt); }
  std::optional<Parse> RelDay(int i) const { return Memo(1, i, &Parser::RelDayAt); }
  std::optional<Parse> WeekdayExprAt(int i) const;  // الخميس الماضي, الجمعة 17 ...
  std::optional<Parse> RelDayAt(int i) const;       // اليوم، الأربعاء 8 آذار
  std::optional<Parse> RelUnit(int i) const;        // مطلع الأسبوع الجاري
  std::optional<Parse> Quantity(int i) const;       // منذ ثلاث سنوات, خلال عشرة أيام
  // With in_daypart, the text just before already named the part of the day
  // ("مساء أمس في السابعة"), so an hour word after "في" needs no day part.
  std::optional<Parse> TimeExpr(int i, bool in_daypart = false) const;  // الساعة 8 مساء, 21:11
  std::optional<Parse> Range(int i) const;          // من 6 إلى 18 آذار
  std::optional<Parse> MonthDayRange(int i) const;  // شهر آذار بين 3 و 5
  std::optional<Parse> DateLike(int i, bool) const { return Memo(2, i, &Parser::DateLikeAt); }
  std::optional<Parse> DateLikeAt(int i) const;  // the date patterns
  // Sub-parses are pure functions of the position and are asked for
  // repeatedly (Best() and Range() both try them), so they are memoized.
  using SubParser = std::optional<Parse> (Parser::*)(int) const;
  // The index is dense (4 bytes a token) and the parses sparse: only the
  // few positions where a pattern starts are ever asked for, and a dense
  // vector of parses costs a page-faulting allocation per document.
  std::optional<Parse> Memo(int slot, int i, SubParser fn) const {
    if (!InRange(i)) return (this->*fn)(i);
    auto& idx = memo_idx_[slot];
    if (idx.empty()) idx.assign(t_.size(), -1);
    if (idx[i] < 0) {
      std::optional<Parse> r = (this->*fn)(i);
      idx[i] = static_cast<int32_t>(memo_.size());
      memo_.push_back(std::move(r));
    }
    return memo_[idx[i]];
  }
  mutable std::deque<std::optional<Parse>> memo_;
  mutable std::vector<int32_t> memo_idx_[3];

  // Adds an optional trailing time to a date parse.
  void AttachTime(Parse* p) const;
  // Adds an optional following date to a time parse.
  void AttachDate(Parse* p) const;

  // --- resolution
  void ResolvePDate(const PDate& pd, Parse* p) const;
  // Value of a unit period (week/month/year) offset n from the reference.
  void ResolveRelUnit(Unit u, int offset, Parse* p) const;

  const DateExtractor::Lexicon& lex_;
  const std::vector<Tok>& t_;
  const std::optional<CivilDate>& ref_;
  // Hits() cache, one slot per (allow_clitic, allow_article) combination.
  // Per token: -2 not computed, -1 no hit, else an index into
  // hits_store_. Most tokens start nothing, so the store stays small.
  mutable std::vector<int32_t> hits_idx_;
  mutable std::deque<std::vector<Hit>> hits_store_;
};

const std::vector<Hit>& Parser::Hits(int i) const {
  static const std::vector<Hit> kNone;
  if (!InRange(i)) return kNone;
  if (hits_idx_.empty()) hits_idx_.assign(t_.size(), -2);
  int32_t& idx = hits_idx_[i];
  if (idx == -2) {
    std::vector<Hit> h = ComputeHits(i, true, true);
    if (h.empty()) {
      idx = -1;
    } else {
      idx = static_cast<int32_t>(hits_store_.size());
      hits_store_.push_back(std::move(h));
    }
  }
  return idx < 0 ? kNone : hits_store_[idx];
}

std::vector<Hit> Parser::ComputeHits(int i, bool allow_clitic, bool allow_article) const {
  std::vector<Hit> out;
  if (!InRange(i) || t_[i].type != TokType::kWord) return out;
  const std::string_view w = t_[i].s;
  if (!lex_.tail_sig.test(DateExtractor::Lexicon::TailSig(w))) return out;
  // Candidate first-word forms (views into the token) with the bytes
  // stripped: at most the word, one of و/ف, then one of ب/ل/ك and "لل".
  struct Form {
    std::string_view s;
    int stripped;
    bool definite;
  };
  std::array<Form, 16> forms;
  int nf = 0;
  std::array<std::string, 2> lal;  // "ال" + rest for "لل" (owned)
  int nlal = 0;
  forms[nf++] = {w, 0, false};
  if (allow_clitic) {
    static constexpr std::string_view kWaw = "\xd9\x88", kFa = "\xd9\x81", kBa = "\xd8\xa8",
                                      kLam = "\xd9\x84", kKaf = "\xd9\x83", kAlef = "\xd8\xa7";
    auto starts = [](std::string_view s, std::string_view p) {
      return s.size() > p.size() + 2 && s.compare(0, p.size(), p) == 0;
    };
    std::array<Form, 2> first = {Form{w, 0, false}, Form{}};
    int n1 = 1;
    if (starts(w, kWaw) || starts(w, kFa)) first[n1++] = {w.substr(2), 2, false};
    for (int a = 0; a < n1; ++a) {
      const Form& f = first[a];
      if (f.stripped > 0) forms[nf++] = f;
      for (std::string_view p : {kBa, kLam, kKaf}) {
        if (!starts(f.s, p)) continue;
        std::string_view rest = f.s.substr(2);
        forms[nf++] = {rest, f.stripped + 2, false};
        // ل + ال is written لل: "للثاني" = ل + الثاني.
        if (p == kLam && rest.compare(0, 2, kLam) == 0) {
          lal[nlal] = std::string(kAlef) + std::string(rest);
          forms[nf++] = {lal[nlal], f.stripped + 2, false};
          ++nlal;
        }
      }
    }
  }
  // Each form, then (with allow_article) the form without the article:
  // the article is part of the expression ("الأيام" = ال + أيام).
  std::array<Form, 32> all;
  int no = 0;
  static constexpr std::string_view kAl = "\xd8\xa7\xd9\x84";
  for (int a = 0; a < nf; ++a) {
    const Form& f = forms[a];
    all[no++] = f;
    if (allow_article && f.s.size() > kAl.size() + 2 && f.s.compare(0, kAl.size(), kAl) == 0) {
      all[no++] = {f.s.substr(kAl.size()), f.stripped, true};
    }
  }
  for (int o = 0; o < no; ++o) {
    const Form& f = all[o];
    if (!lex_.first_sig.test(DateExtractor::Lexicon::Sig(f.s))) continue;
    auto [lo, hi] = lex_.by_first.equal_range(f.s);
    for (auto it = lo; it != hi; ++it) {
      const Entry& e = it->second;
      int j = i + 1;
      bool ok = true;
      for (size_t k = 1; k < e.words.size(); ++k, ++j) {
        if (!InRange(j) || t_[j].s != e.words[k]) {
          ok = false;
          break;
        }
      }
      if (ok) out.push_back({&e, j, f.stripped, f.definite});
    }
  }
  return out;
}

std::optional<Hit> Parser::Find(int i, std::string_view cls, bool allow_clitic,
                                std::string_view val) const {
  std::optional<Hit> best;
  bool article = cls == "unit" || cls == "num_cardinal" || cls == "season" ||
                 cls == "num_thousands" || cls == "yearnoun";
  for (const Hit& h : Hits(i)) {
    if ((h.clitic_bytes && !allow_clitic) || (h.definite && !article)) continue;
    if (h.entry->cls != cls) continue;
    if (!val.empty() && h.entry->val != val) continue;
    if (!best || h.end > best->end || (h.end == best->end && h.clitic_bytes < best->clitic_bytes)) {
      best = h;
    }
  }
  return best;
}

bool Parser::Number(int i, int* value, int* end, bool allow_clitic, int* clitic,
                    bool cardinal_only) const {
  if (!InRange(i)) return false;
  if (clitic) *clitic = 0;
  if (t_[i].type == TokType::kNum) {
    // Reject decimals like 4.5 and numbers glued to letters on the left.
    if (IsPunct(i + 1, ".") && Glued(i) && InRange(i + 2) && t_[i + 2].type == TokType::kNum &&
        Glued(i + 1) && t_[i + 2].ndigits <= 2 && t_[i].ndigits <= 2) {
      // "4.22" handled by Numeric(); a plain number stops here.
    }
    *value = t_[i].num;
    *end = i + 1;
    return t_[i].ndigits <= 9;
  }
  // Words: <unit|ordinal> [عشر] [و<tens>] | <tens>
  std::optional<Hit> h;
  for (std::string_view cls : {"num_cardinal", "num_ordinal", "num_tens"}) {
    if (cardinal_only && cls == "num_ordinal") continue;
    auto x = Find(i, cls, allow_clitic);
    if (x && (!h || x->end > h->end)) h = x;
  }
  if (!h) return false;
  int v = h->entry->ival;
  int j = h->end;
  if (clitic) *clitic = h->clitic_bytes;
  if (h->entry->cls != "num_tens") {
    // teens: "خمسة عشر", "الحادي عشر"
    if (v < 10 && InRange(j) && t_[j].type == TokType::kWord) {
      auto ten = Find(j, "num_cardinal");
      if (ten && ten->entry->ival == 10) {
        v += 10;
        j = ten->end;
      }
    }
    if (v < 10) {
      auto tens = Find(j, "num_tens", /*allow_clitic=*/true);
      if (tens && tens->clitic_bytes == 2) {  // و<tens>
        v += tens->entry->ival;
        j = tens->end;
      } else if (t_.size() > static_cast<size_t>(j + 1) && t_[j].s == "\xd9\x88") {
        auto tens2 = Find(j + 1, "num_tens");
        if (tens2) {
          v += tens2->entry->ival;
          j = tens2->end;
        }
      }
    }
  }
  *value = v;
  *end = j;
  return true;
}

bool Parser::DayNumber(int i, int* day, int* end, bool allow_clitic, int* clitic) const {
  int v = 0, e = 0;
  if (!Number(i, &v, &e, allow_clitic, clitic)) return false;
  if (t_[i].type == TokType::kNum && t_[i].ndigits > 2) return false;
  if (v < 1 || v > 31) return false;
  *day = v;
  *end = e;
  return true;
}

bool Parser::WordYear(int i, bool after_yearword, int* year, int* end) const {
  int v = 0, j = i;
  if (auto th = Find(i, "num_thousands")) {
    v = th->entry->ival;
    j = th->end;
  } else if (auto hu = Find(i, "num_hundreds"); hu && after_yearword) {
    v = hu->entry->ival;
    j = hu->end;
  } else if (after_yearword) {
    // "تسعة عشر تسعة وتسعون" = nineteen ninety-nine
    int a = 0, ae = 0, b = 0, be = 0;
    if (!Number(i, &a, &ae, false, nullptr, true) || a < 10 || a > 20) return false;
    if (!Number(ae, &b, &be, true, nullptr, true) || b < 1 || b > 99) return false;
    *year = a * 100 + b;
    *end = be;
    return true;
  } else {
    return false;
  }
  if (v == 1000 || v == 2000) {
    if (auto hu = Find(j, "num_hundreds", true); hu && hu->clitic_bytes == 2) {
      v += hu->entry->ival;
      j = hu->end;
    }
  }
  int n = 0, ne = 0, cl = 0;
  // "وأحد" normalizes to "واحد" (one): a leading و is the conjunction here.
  bool waw = InRange(j) && t_[j].s.compare(0, 2, "\xd9\x88") == 0;
  if (Number(j, &n, &ne, true, &cl, true) && (cl == 2 || waw) && n >= 1 && n <= 99) {
    v += n;
    j = ne;
  }
  if (v == 1000) return false;  // "ألف" alone is a count
  *year = v;
  *end = j;
  return v >= 100 && v <= 2200;
}

bool Parser::Year(int i, bool after_yearword, int* year, int* end, bool* hijri,
                  bool allow_words) const {
  int j = i;
  bool paren = false;
  if (allow_words && InRange(i) && t_[i].type == TokType::kWord) {
    int y = 0, e = 0;
    if (!WordYear(i, after_yearword, &y, &e)) return false;
    *hijri = false;
    int k = 0;
    if (Word(e, "era", "ah", &k)) *hijri = true, e = k;
    else if (Word(e, "era", "ad", &k)) e = k;
    *year = y;
    *end = e;
    return true;
  }
  if (IsPunct(j, "(")) {
    paren = true;
    ++j;
  }
  if (!InRange(j) || t_[j].type != TokType::kNum) return false;
  int nd = t_[j].ndigits;
  int v = t_[j].num;
  if (nd == 4) {
    if (v < 1000 || v > 2200) return false;
  } else if (nd == 3 && after_yearword) {
    if (v < 100) return false;
  } else {
    return false;
  }
  ++j;
  if (paren) {
    if (!IsPunct(j, ")")) return false;
    ++j;
  }
  *hijri = false;
  int k = 0;
  if (Word(j, "era", "ah", &k)) {
    *hijri = true;
    j = k;
  } else if (Word(j, "era", "ad", &k)) {
    j = k;
  }
  *year = v;
  *end = j;
  return true;
}

// ---------------------------------------------------------------------------
// Resolution

void SetUnresolved(Parse* p, std::string value, Precision prec, std::string kind = "date") {
  DateExpr& x = p->mention.expr;
  x.value = std::move(value);
  x.precision = prec;
  x.anchor = "unresolved";
  x.kind = std::move(kind);
  x.resolved = false;
}

void SetValue(Parse* p, std::string value, Precision prec, const std::string& anchor,
              std::string kind = "date") {
  DateExpr& x = p->mention.expr;
  x.value = std::move(value);
  x.precision = prec;
  x.anchor = anchor;
  x.kind = std::move(kind);
  x.resolved = true;
}

void Parser::ResolvePDate(const PDate& pd, Parse* p) const {
  p->pd = pd;
  DateMention& mm = p->mention;
  mm.weekday = pd.wd;
  mm.hijri = pd.hijri;
  if (pd.hijri) {
    mm.expr.kind = "date";
    if (pd.y && pd.m && pd.d) {
      auto g = civil::FromHijri(pd.y, pd.m, pd.d);
      if (!g) return SetUnresolved(p, "", Precision::kDay);
      mm.year = g->year, mm.month = g->month, mm.day = g->day;
      p->start = p->end = *g;
      return SetValue(p, civil::ToIso(*g), Precision::kDay, "absolute");
    }
    if (pd.y && pd.m) {
      auto a = civil::FromHijri(pd.y, pd.m, 1);
      int len = civil::HijriMonthLength(pd.y, pd.m);
      if (!a || len == 0) return SetUnresolved(p, "", Precision::kMonth);
      CivilDate b = civil::AddDays(*a, len);
      p->start = *a;
      p->end = b;
      return SetValue(p, RangeValue(*a, b), Precision::kMonth, "absolute", "range");
    }
    if (pd.y) {
      auto a = civil::FromHijri(pd.y, 1, 1);
      auto b = civil::FromHijri(pd.y + 1, 1, 1);
      if (!a || !b) return SetUnresolved(p, "", Precision::kYear);
      p->start = *a;
      p->end = *b;
      return SetValue(p, RangeValue(*a, *b), Precision::kYear, "absolute", "range");
    }
    // Hijri day/month without a year: we do not guess the Hijri year.
    return SetUnresolved(p, "", pd.d ? Precision::kDay : Precision::kMonth);
  }

  mm.month = pd.m;
  mm.day = pd.d;
  mm.year = pd.y;
  if (pd.y) {
    if (pd.m && pd.d) {
      if (!civil::IsValid(pd.y, pd.m, pd.d)) return SetUnresolved(p, "", Precision::kDay);
      CivilDate d{pd.y, pd.m, pd.d};
      p->start = p->end = d;
      return SetValue(p, civil::ToIso(d), Precision::kDay, "absolute");
    }
    if (pd.m) return SetValue(p, civil::ToIsoMonth(pd.y, pd.m), Precision::kMonth, "absolute");
    p->is_year = true;
    return SetValue(p, civil::ToIsoYear(pd.y), Precision::kYear, "absolute");
  }
  if (!pd.m) return;
  // Month (and maybe day) without a year.
  if (!ref_) {
    char buf[32];
    if (pd.d) {
      std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", pd.m, pd.d);
      return SetUnresolved(p, buf, Precision::kDay);
    }
    std::snprintf(buf, sizeof buf, "XXXX-%02d", pd.m);
    return SetUnresolved(p, buf, Precision::kMonth);
  }
  const CivilDate& r = *ref_;
  int year = r.year;
  if (pd.dir == kPast) {
    year = pd.m < r.month ? r.year : r.year - 1;
  } else if (pd.dir == kNext) {
    year = pd.m > r.month ? r.year : r.year + 1;
  } else if (pd.dir == kThis) {
    year = r.year;
  } else {
    // Closest occurrence to the reference; ties go to the past.
    int best = INT_MAX;
    for (int y : {r.year - 1, r.year, r.year + 1}) {
      int d = pd.d ? std::min(pd.d, civil::MonthLength(y, pd.m)) : 15;
      int refd = pd.d ? r.day : 15;
      int dist = std::abs(civil::DaysBetween(CivilDate{r.year, r.month, pd.d ? refd : 15},
                                             CivilDate{y, pd.m, d}));
      if (!pd.d) dist = std::abs((y * 12 + pd.m) - (r.year * 12 + r.month)) * 31;
      bool past = (y * 12 + pd.m) * 32 + (pd.d ? pd.d : 0) <=
                  (r.year * 12 + r.month) * 32 + (pd.d ? r.day : 0);
      if (dist < best || (dist == best && past)) {
        best = dist;
        year = y;
      }
    }
  }
  mm.year = 0;  // not stated
  if (pd.d) {
    if (!civil::IsValid(year, pd.m, pd.d)) return SetUnresolved(p, "", Precision::kDay);
    CivilDate d{year, pd.m, pd.d};
    p->start = p->end = d;
    return SetValue(p, civil::ToIso(d), Precision::kDay, "document");
  }
  return SetValue(p, civil::ToIsoMonth(year, pd.m), Precision::kMonth, "document");
}

void Parser::ResolveRelUnit(Unit u, int offset, Parse* p) const {
  Precision prec = UnitPrecision(u);
  if (!ref_) return SetUnresolved(p, "", prec);
  CivilDate d = Shift(*ref_, u, offset);
  switch (u) {
    case Unit::kDay:
      p->start = p->end = d;
      return SetValue(p, civil::ToIso(d), prec, "document");
    case Unit::kWeek:
      return SetValue(p, civil::ToIsoWeek(d), prec, "document");
    case Unit::kMonth:
      return SetValue(p, civil::ToIsoMonth(d.year, d.month), prec, "document");
    case Unit::kYear:
      return SetValue(p, civil::ToIsoYear(d.year), prec, "document");
    case Unit::kDecade: {
      int start = (ref_->year / 10 + offset) * 10;
      CivilDate a{start, 1, 1}, b{start + 10, 1, 1};
      return SetValue(p, RangeValue(a, b, "P10Y"), Precision::kYear, "document", "range");
    }
    default:
      return SetUnresolved(p, "", prec);
  }
}

// ---------------------------------------------------------------------------
// Patterns

std::optional<Parse> Parser::DayMonth(int i) const {
  int day = 0, j = 0, clitic = 0;
  if (!DayNumber(i, &day, &j, /*allow_clitic=*/true, &clitic)) return std::nullopt;
  // Separator between day and month.
  int k = 0;
  if (InRange(j) && t_[j].s == "\xd9\x85\xd9\x86") {  // "من"
    ++j;
  } else if (IsPunct(j, ".") || IsPunct(j, "-") || IsPunct(j, "/") || IsComma(j)) {
    ++j;
  }
  auto mh = Find(j, "month");
  auto hh = Find(j, "hmonth");
  bool hijri = false;
  std::optional<Hit> month = mh;
  if (hh && (!mh || hh->end > mh->end)) {
    month = hh;
    hijri = true;
  }
  if (!month) return DayOfRelMonth(i, day, j, clitic);
  PDate pd;
  pd.d = day;
  pd.m = month->entry->ival;
  pd.hijri = hijri;
  j = month->end;
  // "19 مايو / أيار": the same month in another naming style.
  if (IsPunct(j, "/") || IsPunct(j, "-")) {
    auto alt = Find(j + 1, "month");
    if (alt && alt->entry->ival == pd.m && !hijri) j = alt->end;
  }
  // Optional year: [,|.|-] [من] [عام] YEAR [era]
  int y = 0, ye = 0;
  bool yh = false;
  int q = j;
  if (IsComma(q) || IsPunct(q, ".") || IsPunct(q, "-")) ++q;
  if (InRange(q) && t_[q].s == "\xd9\x85\xd9\x86") {  // من [عام]
    int r = 0;
    if (Word(q + 1, "yearword", "", &r)) q = r;
  } else if (Word(q, "yearword", "", &k)) {
    q = k;
  }
  if (Year(q, q != j, &y, &ye, &yh)) {
    pd.y = y;
    if (yh) pd.hijri = true;
    j = ye;
  } else {
    int e = 0;
    auto d = Find(j, "dir");
    if (d && d->entry->val == "past") pd.dir = kPast, j = d->end;
    else if (d && d->entry->val == "next") pd.dir = kNext, j = d->end;
    else if (d && d->entry->val == "current" && Word(j, "dir", "current", &e) &&
             t_[j].s != MF("هذا") && t_[j].s != MF("هذه"))
      pd.dir = kThis, j = e;
    // "20 من الشهر القادم", "4 من هذا الشهر"
  }
  Parse p;
  p.tb = i;
  p.te = j;
  p.clitic_bytes = clitic;
  ResolvePDate(pd, &p);
  // A numeric date in parentheses restating the same date: "تشرين الثاني ( 27 / 11 / 1946 )".
  return p;
}

void Parser::ResolveDayOfMonth(int day, int offset, Parse* p) const {
  p->mention.day = day;
  if (!ref_) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "XXXX-XX-%02d", day);
    return SetUnresolved(p, buf, Precision::kDay);
  }
  CivilDate first = civil::AddMonths(CivilDate{ref_->year, ref_->month, 1}, offset);
  if (!civil::IsValid(first.year, first.month, day)) return SetUnresolved(p, "", Precision::kDay);
  CivilDate d{first.year, first.month, day};
  p->start = p->end = d;
  p->pd.y = d.year, p->pd.m = d.month, p->pd.d = d.day;
  SetValue(p, civil::ToIso(d), Precision::kDay, "document");
}

std::optional<Parse> Parser::DayOfRelMonth(int i, int day, int j, int clitic) const {
  if (InRange(j) && t_[j].s == MF("في")) ++j;
  int q = j;
  bool this_word = InRange(q) && (t_[q].s == MF("هذا") || t_[q].s == MF("هذه"));
  if (this_word) ++q;
  int offset = INT_MIN;
  int end = q;
  auto u = Find(q, "unit");
  bool month_unit = u && u->entry->val == "month/1";
  if (month_unit) end = u->end;
  if (this_word && month_unit) {
    offset = 0;
  }
  int dq = month_unit ? u->end : q;
  if (!this_word) {
    if (auto d = Find(dq, "dir"); d && !(t_[dq].s == MF("هذا") || t_[dq].s == MF("هذه"))) {
      offset = d->entry->val == "past" ? -1 : d->entry->val == "next" ? 1 : 0;
      end = d->end;
    }
  }
  if (offset == INT_MIN) return std::nullopt;
  // "15 الجاري" needs the day in digits; with words it must say "الشهر".
  if (!month_unit && t_[i].type != TokType::kNum) return std::nullopt;
  Parse p;
  p.tb = i;
  p.te = end;
  p.clitic_bytes = clitic;
  ResolveDayOfMonth(day, offset, &p);
  return p;
}

std::optional<Parse> Parser::DayOfMonthWord(int i) const {
  auto h = Find(i, "dateword", true);
  if (!h || t_[i].s.size() - h->clitic_bytes != 6) return std::nullopt;  // "يوم"
  int j = h->end;
  if (!InRange(j) || t_[j].type != TokType::kNum || t_[j].ndigits > 2) return std::nullopt;
  int day = t_[j].num;
  if (day < 1 || day > 31) return std::nullopt;
  if (DayMonth(j)) return std::nullopt;  // "يوم 2 أكتوبر": the date pattern takes it
  int k = j + 1;
  if (InRange(k) && (t_[k].type == TokType::kNum || IsPunct(k, "%") || Find(k, "unit") ||
                     Find(k, "month") || Find(k, "hmonth") || IsPunct(k, "/") || IsPunct(k, ":"))) {
    return std::nullopt;
  }
  Parse p;
  p.tb = i;
  p.te = k;
  p.clitic_bytes = h->clitic_bytes;
  if (auto r = DayOfRelMonth(j, day, k, 0)) {
    p.te = r->te;
    p.mention = r->mention;
    p.start = r->start;
    p.end = r->end;
    p.pd = r->pd;
    return p;
  }
  ResolveDayOfMonth(day, 0, &p);
  return p;
}

std::optional<Parse> Parser::YearFirst(int i) const {
  if (!InRange(i) || t_[i].type != TokType::kNum || t_[i].ndigits != 4) return std::nullopt;
  int y = t_[i].num;
  if (y < 1000 || y > 2200) return std::nullopt;
  int j = i + 1;
  if (IsPunct(j, "-") || IsPunct(j, "/")) ++j;
  auto month = Find(j, "month");
  if (!month) return std::nullopt;
  int k = month->end;
  if (IsPunct(k, "-") || IsPunct(k, "/")) ++k;
  int day = 0, de = 0;
  if (!InRange(k) || t_[k].type != TokType::kNum || !DayNumber(k, &day, &de)) return std::nullopt;
  PDate pd;
  pd.y = y, pd.m = month->entry->ival, pd.d = day;
  Parse p;
  p.tb = i;
  p.te = de;
  ResolvePDate(pd, &p);
  return p;
}

std::optional<Parse> Parser::Season(int i) const {
  int j = i, clitic = 0;
  bool cue = false, this_word = false;
  if (auto h = Find(i, "part", true)) {
    j = h->end;
    clitic = h->clitic_bytes;
    cue = true;
  }
  if (InRange(j) && (t_[j].s == MF("هذا") || t_[j].s == MF("هذه"))) {
    if (!cue) clitic = 0;
    this_word = cue = true;
    ++j;
  }
  if (auto h = Find(j, "seasonword", !cue)) {
    if (!cue) clitic = h->clitic_bytes;
    j = h->end;
    cue = true;
  }
  auto se = Find(j, "season", !cue);
  if (!se) return std::nullopt;
  if (!cue) clitic = se->clitic_bytes;
  // "ربيع الأول" is a Hijri month, not spring.
  if (auto hm = Find(j, "hmonth", true); hm && hm->end > se->end) return std::nullopt;
  const std::string& code = se->entry->val;
  int k = se->end;
  int year = 0;
  int y = 0, ye = 0, r = 0;
  bool yh = false;
  int q = k;
  if (Word(q, "yearword", "", &r)) {
    if (auto d = Find(r, "dir"); d && ref_) {
      year = ref_->year + (d->entry->val == "past" ? -1 : d->entry->val == "next" ? 1 : 0);
      k = d->end;
    }
    q = r;
  }
  if (!year && Year(q, q != k, &y, &ye, &yh) && !yh) {
    year = y;
    k = ye;
  }
  int dir = 0;
  if (!year) {
    if (auto d = Find(k, "dir"); d && t_[k].s != MF("هذا") && t_[k].s != MF("هذه")) {
      dir = d->entry->val == "past" ? kPast : d->entry->val == "next" ? kNext : kThis;
      k = d->end;
    }
  }
  if (this_word && !dir) dir = kThis;
  // A bare season needs the article and no adjective after it: "الصيف"
  // (the summer) is a season, "الربيع العربي" (the Arab Spring) is not.
  if (!year && !dir && !cue) {
    if (!se->definite) return std::nullopt;
    if (InRange(k) && t_[k].type == TokType::kWord && t_[k].s.compare(0, 4, "\xd8\xa7\xd9\x84") == 0) {
      return std::nullopt;
    }
  }
  Parse p;
  p.tb = i;
  p.te = k;
  p.clitic_bytes = clitic;
  if (year) {
    SetValue(&p, civil::ToIsoYear(year) + "-" + code, Precision::kMonth, "absolute");
    return p;
  }
  if (!dir) {
    SetUnresolved(&p, code, Precision::kMonth);
    return p;
  }
  if (!ref_) {
    SetUnresolved(&p, "", Precision::kMonth);
    return p;
  }
  int start = code == "SP" ? 3 : code == "SU" ? 6 : code == "FA" ? 9 : 12;
  year = ref_->year;
  if (dir == kPast) year = start + 2 < ref_->month ? ref_->year : ref_->year - 1;
  if (dir == kNext) year = start > ref_->month ? ref_->year : ref_->year + 1;
  SetValue(&p, civil::ToIsoYear(year) + "-" + code, Precision::kMonth, "document");
  return p;
}

std::optional<Parse> Parser::Rest(int i) const {
  auto h = Find(i, "rest", true);
  if (!h) return std::nullopt;
  int j = h->end;
  bool this_word = InRange(j) && (t_[j].s == MF("هذا") || t_[j].s == MF("هذه"));
  if (this_word) ++j;
  auto u = Find(j, "unit");
  // "بقية أسبوعي" (the rest of my week): the possessive unit is the current one.
  if (!u && !this_word) u = Find(j, "ownunit");
  if (!u) return std::nullopt;
  Unit unit = UnitFromName(u->entry->val.substr(0, u->entry->val.find('/')));
  if (u->entry->val.find("/1") == std::string::npos) return std::nullopt;
  if (unit != Unit::kWeek && unit != Unit::kMonth && unit != Unit::kYear) return std::nullopt;
  int k = u->end;
  if (auto d = Find(k, "dir", false, "current")) k = d->end;
  Parse p;
  p.tb = i;
  p.te = k;
  p.clitic_bytes = h->clitic_bytes;
  if (!ref_) {
    SetUnresolved(&p, "", Precision::kDay, "range");
    return p;
  }
  CivilDate end = *ref_;
  if (unit == Unit::kWeek) end = civil::AddDays(civil::WeekStart(*ref_), 6);
  if (unit == Unit::kMonth) end = CivilDate{ref_->year, ref_->month, civil::MonthLength(ref_->year, ref_->month)};
  if (unit == Unit::kYear) end = CivilDate{ref_->year, 12, 31};
  p.start = *ref_;
  p.end = end;
  SetValue(&p, RangeValue(*ref_, end), Precision::kDay, "document", "range");
  return p;
}

std::optional<Parse> Parser::Quarter(int i) const {
  auto h = Find(i, "quarter", true);
  if (!h) return std::nullopt;
  auto o = Find(h->end, "num_ordinal");
  if (!o || o->entry->ival < 1 || o->entry->ival > 4) return std::nullopt;
  int q = o->end, k = 0;
  if (InRange(q) && t_[q].s == MF("من")) ++q;
  bool this_word = InRange(q) && (t_[q].s == MF("هذا") || t_[q].s == MF("هذه"));
  if (this_word) ++q;
  int year = 0, end = 0, y = 0, ye = 0;
  bool yh = false;
  bool yw = Word(q, "yearword", "", &k);
  int r = yw ? k : q;
  if (Year(r, yw, &y, &ye, &yh) && !yh) {
    year = y;
    end = ye;
  } else if (yw && this_word && ref_) {
    year = ref_->year;
    end = k;
  } else if (yw && ref_) {
    if (auto d = Find(k, "dir")) {
      year = ref_->year + (d->entry->val == "past" ? -1 : d->entry->val == "next" ? 1 : 0);
      end = d->end;
    }
  }
  if (!year) return std::nullopt;
  Parse p;
  p.tb = i;
  p.te = end;
  p.clitic_bytes = h->clitic_bytes;
  CivilDate a{year, 3 * (o->entry->ival - 1) + 1, 1};
  CivilDate b = civil::AddMonths(a, 3);
  p.start = a;
  p.end = b;
  SetValue(&p, RangeValue(a, b, "P3M"), Precision::kMonth, this_word || !ref_ ? "absolute" : "absolute",
           "range");
  return p;
}

std::optional<Parse> Parser::Decade(int i) const {
  auto h = Find(i, "decade", true);
  if (!h) return std::nullopt;
  int start = h->entry->ival;
  Parse p;
  p.tb = i;
  p.te = h->end;
  p.clitic_bytes = h->clitic_bytes;
  CivilDate a{start, 1, 1}, b{start + 10, 1, 1};
  SetValue(&p, RangeValue(a, b, "P10Y"), Precision::kYear, "absolute", "range");
  return p;
}

std::optional<Parse> Parser::Weekend(int i) const {
  auto h = Find(i, "weekend", true);
  if (!h) return std::nullopt;
  int k = h->end, offset = 0;
  if (auto d = Find(k, "dir"); d && t_[k].s != MF("هذا") && t_[k].s != MF("هذه")) {
    offset = d->entry->val == "past" ? -1 : d->entry->val == "next" ? 1 : 0;
    if (d->entry->words.size() == 2 && d->entry->val == "next") offset = 2;
    k = d->end;
  }
  Parse p;
  p.tb = i;
  p.te = k;
  p.clitic_bytes = h->clitic_bytes;
  if (!ref_) {
    SetUnresolved(&p, "", Precision::kDay);
    return p;
  }
  SetValue(&p, civil::ToIsoWeek(civil::AddDays(*ref_, 7 * offset)) + "-WE", Precision::kDay,
           "document");
  return p;
}

std::optional<Parse> Parser::WeekOf(int i) const {
  // الأسبوع <ordinal> [من] (عام YEAR | العام dir | هذا العام | هذا الشهر | الشهر dir)
  auto u = Find(i, "unit", true);
  if (!u || u->entry->val != "week/1") return std::nullopt;
  // "الأسبوع الأخير" (the last week) or an ordinal up to the fifth.
  auto o = Find(u->end, "num_ordinal");
  auto fin = Find(u->end, "final");
  if (fin) o.reset();
  if ((!o || o->entry->ival > 5) && !fin) return std::nullopt;
  int n = o ? o->entry->ival : 0;
  int q = o ? o->end : fin->end;
  if (InRange(q) && t_[q].s == MF("من")) ++q;
  bool this_word = InRange(q) && (t_[q].s == MF("هذا") || t_[q].s == MF("هذه"));
  if (this_word) ++q;
  int year = 0, month = 0, end = 0;
  bool year_stated = false;
  int k = 0, y = 0, ye = 0;
  bool yh = false;
  auto mu = Find(q, "unit");
  std::optional<Parse> named;  // "الأسبوع الأول من أكتوبر"
  if (!this_word && (!mu || mu->entry->val != "month/1")) {
    if (auto m = MonthFirst(q); m && m->pd.m && !m->pd.d && !m->pd.hijri) named = m;
  }
  if (named) {
    month = named->pd.m;
    end = named->te;
    const std::string& v = named->mention.expr.value;
    year = LeadingYear(v);
    if (!year) {
      if (!n) return std::nullopt;
      Parse p;
      p.tb = i;
      p.te = end;
      p.clitic_bytes = u->clitic_bytes;
      char buf[32];
      std::snprintf(buf, sizeof buf, "XXXX-%02d-W%02d", month, n);
      SetUnresolved(&p, buf, Precision::kWeek);
      return p;
    }
  } else if (mu && mu->entry->val == "month/1") {
    if (!ref_) return std::nullopt;
    int off = 0;
    end = mu->end;
    if (auto d = Find(end, "dir")) {
      off = d->entry->val == "past" ? -1 : d->entry->val == "next" ? 1 : 0;
      end = d->end;
    } else if (!this_word) {
      return std::nullopt;
    }
    CivilDate m = civil::AddMonths(CivilDate{ref_->year, ref_->month, 1}, off);
    year = m.year;
    month = m.month;
  } else if (Word(q, "yearword", "", &k)) {
    if (Year(k, true, &y, &ye, &yh) && !yh) {
      year = y;
      end = ye;
      year_stated = true;
    } else if (ref_) {
      if (auto d = Find(k, "dir")) {
        year = ref_->year + (d->entry->val == "past" ? -1 : d->entry->val == "next" ? 1 : 0);
        end = d->end;
      } else if (this_word) {
        year = ref_->year;
        end = k;
      }
    }
    month = 1;
  }
  if (!year) return std::nullopt;
  if (!n) {
    // The last week: of a month, the week starting on its last Monday
    // (weeks of a month are counted from its first Monday); of a year, its
    // last ISO week, written as a week of December ("2015-12-W53").
    if (month == 1 && !named && !(mu && mu->entry->val == "month/1")) {
      std::string w = civil::ToIsoWeek(CivilDate{year, 12, 28});
      n = std::stoi(w.substr(w.size() - 2));
      month = 12;
    } else {
      int last = civil::MonthLength(year, month);
      int wd = civil::Weekday(CivilDate{year, month, last});
      n = (last - (wd - 1) - 1) / 7 + 1;
    }
  }
  Parse p;
  p.tb = i;
  p.te = end;
  p.clitic_bytes = u->clitic_bytes;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-W%02d", year, month, n);
  bool stated = named ? named->mention.expr.anchor == "absolute" : year_stated || !ref_;
  SetValue(&p, buf, Precision::kWeek, stated ? "absolute" : "document");
  return p;
}

std::optional<Parse> Parser::NthWeekday(int i) const {
  // <ordinal> يوم <weekday without article> (من|في) (<month> | هذا الشهر)
  auto o = Find(i, "num_ordinal", true);
  if (!o || o->entry->ival > 4) return std::nullopt;
  int j = o->end;
  if (!InRange(j) || t_[j].s != MF("يوم")) return std::nullopt;
  ++j;
  if (!InRange(j) || t_[j].type != TokType::kWord) return std::nullopt;
  int w = 0;
  {
    auto [lo, hi] = lex_.by_first.equal_range(MF("ال") + std::string(t_[j].s));
    for (auto it = lo; it != hi; ++it) {
      if (it->second.cls == "weekday" && it->second.words.size() == 1) w = it->second.ival;
    }
  }
  if (!w) return std::nullopt;
  ++j;
  if (!InRange(j) || (t_[j].s != MF("من") && t_[j].s != MF("في"))) return std::nullopt;
  ++j;
  int year = 0, month = 0, end = 0;
  if (InRange(j) && (t_[j].s == MF("هذا") || t_[j].s == MF("هذه"))) {
    auto u = Find(j + 1, "unit");
    if (!u || u->entry->val != "month/1" || !ref_) return std::nullopt;
    year = ref_->year;
    month = ref_->month;
    end = u->end;
  } else if (auto m = MonthFirst(j); m && m->pd.m && !m->pd.d && !m->pd.hijri) {
    month = m->pd.m;
    end = m->te;
    const std::string& v = m->mention.expr.value;
    year = LeadingYear(v);
  } else {
    return std::nullopt;
  }
  Parse p;
  p.tb = i;
  p.te = end;
  p.clitic_bytes = o->clitic_bytes;
  p.mention.weekday = w;
  if (!year) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "XXXX-%02d-WXX-%d-#%d", month, w, o->entry->ival);
    SetUnresolved(&p, buf, Precision::kDay);
    return p;
  }
  CivilDate first{year, month, 1};
  CivilDate d = civil::AddDays(first, (w - civil::Weekday(first) + 7) % 7 + 7 * (o->entry->ival - 1));
  if (d.month != month) return std::nullopt;
  p.start = p.end = d;
  SetValue(&p, civil::ToIso(d), Precision::kDay, ref_ ? "document" : "absolute");
  return p;
}

std::optional<Parse> Parser::CompoundDuration(int i) const {
  int j = i, clitic = 0;
  bool throughout = false;
  if (auto h = Find(i, "prep", true, "for")) {
    clitic = h->clitic_bytes;
    j = h->end;
  } else if (auto w = Find(i, "prep", true, "within")) {
    std::string_view word(t_[i].s);
    word.remove_prefix(w->clitic_bytes);
    throughout = word == MF("طوال") || word == MF("طيلة");
    clitic = w->clitic_bytes;
    j = w->end;
  }
  std::map<Unit, double> amount;
  bool special = false;  // a half, a decimal, "كامل"/"واحد", or several parts
  int parts = 0;
  bool prev_bare = false;  // the last part was a unit word alone ("العام")
  int k = j;
  while (true) {
    int q = k;
    bool joined = false;
    if (parts > 0) {
      if (IsComma(q) || (InRange(q) && t_[q].s == "\xd9\x88")) {
        ++q;
        joined = true;
      }
    }
    double v = 0;
    int ve = q;
    bool have = false, half_first = false;
    // After a bare unit word, a later part needs a connector ("عام وثلاثة
    // أيام"): in "الحداد العام ثلاثة أيام" (three days of general mourning)
    // العام is an adjective, not one year. "أسبوع واحد ثلاثة أيام" is fine.
    bool need_connector = parts > 0 && !joined && prev_bare;
    if (need_connector && InRange(q) && t_[q].type == TokType::kNum) break;
    if (InRange(q) && t_[q].type == TokType::kNum && t_[q].ndigits <= 6) {
      v = t_[q].num;
      ve = q + 1;
      if (InRange(q + 2) && (IsPunct(q + 1, ".") || IsPunct(q + 1, ",")) && Glued(q) &&
          Glued(q + 1) && t_[q + 2].type == TokType::kNum && t_[q + 2].ndigits <= 3) {
        double frac = t_[q + 2].num;
        for (int d = 0; d < t_[q + 2].ndigits; ++d) frac /= 10;
        v += frac;
        ve = q + 3;
        special = true;
      }
      have = true;
    } else if (auto hf = Find(q, "half", parts > 0 && !joined)) {
      if (parts > 0 && !joined && hf->clitic_bytes != 2) break;
      v = 0.5;
      ve = hf->end;
      have = half_first = true;
      special = true;
    } else {
      int nv = 0, nve = 0, ncl = 0;
      if (Number(q, &nv, &nve, parts > 0 && !joined, &ncl, true) && nv >= 1 && Find(nve, "unit")) {
        if (need_connector && ncl != 2) break;  // no "و" glued to the number
        v = nv;
        ve = nve;
        have = true;
      }
    }
    auto u = Find(ve, "unit", /*allow_clitic=*/!have && parts > 0 && !joined);
    if (!u) break;
    if (!have && parts > 0 && !joined && u->clitic_bytes != 2) break;
    const std::string& uv = u->entry->val;
    Unit unit = UnitFromName(uv.substr(0, uv.find('/')));
    std::string form = uv.substr(uv.find('/') + 1);
    if (unit == Unit::kNone || unit == Unit::kDecade) break;
    if (!have) {
      if (form == "1") v = 1;
      else if (form == "2") v = 2;
      else break;
    }
    int e = u->end;
    bool whole = false;
    if (auto w = Find(e, "whole"); w && (form == "1" || half_first)) {
      e = w->end;
      special = true;
      whole = true;
    }
    prev_bare = !have && !whole;
    // "ساعة ونصف", "ساعتين ونصف"
    if (auto hf = Find(e, "half", true); hf && hf->clitic_bytes == 2) {
      v += 0.5;
      e = hf->end;
      special = true;
    }
    amount[unit] += v;
    ++parts;
    k = e;
  }
  if (parts == 0) return std::nullopt;
  if (throughout && parts == 1 && amount.begin()->second == 1) special = true;
  if (parts == 1 && !special) return std::nullopt;  // Quantity handles it
  // "من الآن" makes it a point in time: Quantity's compound path.
  if (auto nw = Find(k, "now"); nw && nw->entry->words.size() == 2) return std::nullopt;
  auto fmt = [](double x) {
    char buf[32];
    if (x == static_cast<long long>(x)) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(x));
    else std::snprintf(buf, sizeof buf, "%g", x);
    return std::string(buf);
  };
  std::string value = "P";
  Precision prec = Precision::kUnknown;
  for (Unit u : {Unit::kYear, Unit::kMonth, Unit::kWeek, Unit::kDay}) {
    if (amount.count(u)) {
      value += fmt(amount[u]) + UnitLetter(u);
      prec = UnitPrecision(u);
    }
  }
  bool t = false;
  for (Unit u : {Unit::kHour, Unit::kMinute, Unit::kSecond}) {
    if (amount.count(u)) {
      if (!t) value += "T";
      t = true;
      value += fmt(amount[u]) + (u == Unit::kHour ? "H" : u == Unit::kMinute ? "M" : "S");
      prec = Precision::kMinute;
    }
  }
  Parse p;
  p.tb = i;
  p.te = k;
  p.clitic_bytes = clitic;
  SetValue(&p, value, prec, "absolute", "duration");
  return p;
}

std::optional<Parse> Parser::DayPart(int i) const {
  // "الليلة" (tonight), "الليلة الماضية" (last night), "هذا الصباح" (this
  // morning): a part of the reference day, or of the day before or after.
  if (auto h = Find(i, "thisdaypart", true)) {
    // Narrative nights are not tonight: "تلك الليلة" (that night), "طوال
    // الليلة" (all night), "الليلة الأولى" (the first night), "الليلة
    // التي" (the night when).
    if (InRange(i - 1) && h->clitic_bytes == 0 &&
        (t_[i - 1].s == MF("تلك") || t_[i - 1].s == MF("ذات") || t_[i - 1].s == MF("طوال") ||
         t_[i - 1].s == MF("طيلة") || t_[i - 1].s == MF("نفس"))) {
      return std::nullopt;
    }
    int k = h->end, off = 0;
    // "الليلة قبل الماضية" (the night before last), "الليلة بعد المقبلة".
    bool two = InRange(k) && (t_[k].s == MF("قبل") || t_[k].s == MF("بعد"));
    if (two) {
      auto d = Find(k + 1, "dir");
      bool before = t_[k].s == MF("قبل");
      if (!d || d->entry->val != (before ? "past" : "next")) return std::nullopt;
      off = before ? -2 : 2;
      k = d->end;
    } else if (auto d = Find(k, "dir"); d && d->entry->val != "current") {
      off = d->entry->val == "past" ? -1 : 1;
      k = d->end;
    } else if (InRange(k) && (Find(k, "num_ordinal") || t_[k].s == MF("التي") ||
                              t_[k].s == MF("نفسها") || t_[k].s == MF("ذاتها"))) {
      return std::nullopt;
    }
    Parse p;
    p.tb = i;
    p.te = k;
    p.clitic_bytes = h->clitic_bytes;
    p.mention.has_relday = true;
    p.mention.relday = off;
    if (!ref_) {
      SetUnresolved(&p, "", Precision::kDay, "datetime");
      return p;
    }
    CivilDate d = civil::AddDays(*ref_, off);
    p.start = p.end = d;
    SetValue(&p, civil::ToIso(d) + "T" + h->entry->val, Precision::kDay, "document", "datetime");
    AttachClock(&p, h->entry->val);
    return p;
  }
  // <part of day> <day>: "صباح اليوم" (this morning), "مساء أمس" (yesterday
  // evening), "فجر الخميس" (Thursday at dawn), "بعد ظهر يوم الجمعة الماضي".
  auto h = Find(i, "dpnoun", true);
  if (!h) return std::nullopt;
  // "منتصف ليل أمس" (midnight of last night): which midnight is ambiguous,
  // left to the day alone (see docs/dates.md).
  if (h->clitic_bytes == 0 && Find(i - 1, "part")) return std::nullopt;
  int j = h->end;
  std::optional<Parse> inner;
  if (auto r = RelDay(j)) inner = r;
  if (auto w = WeekdayExpr(j); w && (!inner || w->te > inner->te)) {
    // "ليلة الجمعة" is the eve of Friday (Thursday night) in much usage:
    // ambiguous, left to the weekday alone.
    if (h->entry->val == "NI") return std::nullopt;
    inner = w;
  }
  if (auto d = DateLike(j, false); d && (!inner || d->te > inner->te)) inner = d;
  if (!inner || inner->clitic_bytes != 0) return std::nullopt;
  const DateExpr& x = inner->mention.expr;
  if (x.kind != "date" || x.precision != Precision::kDay) return std::nullopt;
  Parse p = *inner;
  p.tb = i;
  p.clitic_bytes = h->clitic_bytes;
  p.mention.expr.kind = "datetime";
  if (!p.mention.expr.value.empty()) p.mention.expr.value += "T" + h->entry->val;
  AttachClock(&p, h->entry->val);
  return p;
}

void Parser::AttachDayPartAfter(Parse* p) const {
  DateExpr& x = p->mention.expr;
  if (x.kind != "date" || x.precision != Precision::kDay) return;
  auto a = Find(p->te, "dpadverb");
  if (!a) return;
  // "الخميس مساء الجمعة": the part of the day belongs to the day after it.
  if (Find(a->end, "relday", true) || Find(a->end, "weekday", true) ||
      DateLike(a->end, false)) {
    return;
  }
  const std::string& part = a->entry->val;
  p->te = a->end;
  x.kind = "datetime";
  if (!x.value.empty()) x.value += "T" + part;
  AttachClock(p, part);
}

void Parser::AttachClock(Parse* p, const std::string& part) const {
  // "<part of day> <day> [،] [حوالي] [في] الساعة 7": the clock time inside
  // that part of the day ("مساء أمس الساعة 7" = 19:00 yesterday).
  int q = p->te;
  if (IsComma(q)) ++q;
  if (auto ap = Find(q, "approx")) q = ap->end;  // "حوالي الساعة 7"
  if (InRange(q) && t_[q].s == MF("في")) ++q;
  // TimeExpr() itself is strict: a bare number needs a day part ("7 صباحا"),
  // an hour word without "الساعة" needs "في" and the article ("في السابعة").
  auto t = TimeExpr(q, /*in_daypart=*/true);
  if (!t || t->clitic_bytes != 0 || t->mention.expr.kind != "time") return;
  const std::string& tv = t->mention.expr.value;  // "T07:00" or "T07:00:20"
  if (tv.size() < 6 || tv[0] != 'T') return;
  int hh = (tv[1] - '0') * 10 + (tv[2] - '0');
  if (hh < 12 && (part == "AF" || part == "EV" || (part == "NI" && hh >= 6))) hh += 12;
  if (part == "MO" && hh >= 12) return;  // "صباح اليوم الساعة 8 مساء": contradictory
  p->te = t->te;
  DateExpr& x = p->mention.expr;
  if (!x.value.empty()) {
    std::string clock = tv.substr(1);
    clock[0] = static_cast<char>('0' + hh / 10);
    clock[1] = static_cast<char>('0' + hh % 10);
    x.value = x.value.substr(0, x.value.find('T')) + "T" + clock;
  }
  x.precision = Precision::kMinute;
}

int Parser::BareWeekday(int j) const {
  if (!InRange(j) || t_[j].type != TokType::kWord) return 0;
  auto [lo, hi] = lex_.by_first.equal_range(MF("ال") + std::string(t_[j].s));
  for (auto it = lo; it != hi; ++it) {
    if (it->second.cls == "weekday" && it->second.words.size() == 1) return it->second.ival;
  }
  return 0;
}

std::optional<Parse> Parser::SetExpr(int i) const {
  std::optional<Parse> best;
  if (auto h = Find(i, "set", true)) {
    Parse p;
    p.tb = i;
    p.te = h->end;
    p.clitic_bytes = h->clitic_bytes;
    SetValue(&p, h->entry->val, Precision::kUnknown, "absolute", "set");
    best = std::move(p);
  }
  // كل + (dual unit | N units) = every N units: "كل يومين" (P2D), "كل 3
  // أشهر" (P3M), "كل ساعتين" (PT2H).
  // كل يوم <weekday> = that weekday every week: "كل يوم جمعة" (XXXX-WXX-5).
  auto every = Find(i, "every", true);
  if (!every) return best;
  int j = every->end;
  Parse p;
  p.tb = i;
  p.clitic_bytes = every->clitic_bytes;
  int n = 0, ne = 0;
  std::optional<Hit> u;
  if (Number(j, &n, &ne, false, nullptr, true) && n >= 2 && n <= 1000) {
    u = Find(ne, "unit");
    if (u && u->entry->val.find("/1") != std::string::npos) u.reset();  // "كل 3 يوم"
    j = ne;
  } else {
    u = Find(j, "unit");
    if (u && u->entry->val.find("/2") == std::string::npos) u.reset();
    n = 2;
  }
  if (u) {
    Unit unit = UnitFromName(u->entry->val.substr(0, u->entry->val.find('/')));
    if (unit == Unit::kNone) return best;
    p.te = u->end;
    SetValue(&p, DurationValue(unit, n), Precision::kUnknown, "absolute", "set");
  } else if (InRange(every->end) && t_[every->end].s == MF("يوم")) {
    int k = every->end + 1;
    int w = BareWeekday(k);
    if (!w) return best;
    // "أحد" and "اثنين" are also the numbers one and two: "كل يوم أحد
    // المدنيين" is "every day one of the civilians". Then only a clause end
    // or a clock time may follow.
    if (Find(k, "num_cardinal") && InRange(k + 1) && t_[k + 1].type == TokType::kWord &&
        !Find(k + 1, "hourword") && !Find(k + 1, "daypart")) {
      return best;
    }
    p.te = k + 1;
    SetValue(&p, "XXXX-WXX-" + std::to_string(w), Precision::kDay, "absolute", "set");
  } else {
    return best;
  }
  if (!best || p.te > best->te) best = std::move(p);
  return best;
}

std::optional<Parse> Parser::MonthFirst(int i) const {
  int j = i;
  int k = 0;
  bool had_monthword = false;
  if (Word(i, "monthword", "", &k, true)) {
    j = k;
    had_monthword = true;
  }
  auto mh = Find(j, "month", !had_monthword);
  auto hh = Find(j, "hmonth", !had_monthword);
  bool hijri = false;
  std::optional<Hit> month = mh;
  if (hh && (!mh || hh->end > mh->end)) {
    month = hh;
    hijri = true;
  }
  if (!month) return std::nullopt;
  int clitic = had_monthword ? Find(i, "monthword", true)->clitic_bytes : month->clitic_bytes;
  PDate pd;
  pd.m = month->entry->ival;
  pd.hijri = hijri;
  j = month->end;
  if (IsPunct(j, "/")) {
    auto alt = Find(j + 1, "month");
    if (alt && alt->entry->ival == pd.m && !hijri) j = alt->end;
  }
  // Month DAY[,] YEAR  |  Month-DAY  |  Month YEAR | Month من عام YEAR | Month dir
  int y = 0, ye = 0;
  bool yh = false;
  int q = j;
  if (IsPunct(q, "-") && Glued(q - 1)) ++q;
  int day = 0, de = 0;
  if (DayNumber(q, &day, &de) && !(InRange(q) && t_[q].type == TokType::kNum && t_[q].ndigits == 4)) {
    int r = de;
    if (IsComma(r)) ++r;
    bool from_word = false;
    if (InRange(r) && t_[r].s == MF("من")) {  // "من [عام] ألف وتسعمائة..."
      ++r;
      int yw = 0;
      if (Word(r, "yearword", "", &yw)) r = yw;
      from_word = true;
    }
    if (Year(r, from_word, &y, &ye, &yh)) {
      pd.d = day;
      pd.y = y;
      j = ye;
    } else if (IsPunct(q - 1, "-") || t_[q].type == TokType::kWord) {
      // "يناير-1", "يناير الثاني والعشرين"
      pd.d = day;
      j = de;
    } else if (had_monthword && t_[q].ndigits <= 2 &&
               (!InRange(de) || (t_[de].type == TokType::kPunct && !IsPunct(de, "%") &&
                                 !IsPunct(de, "/") && !IsPunct(de, ".") && !IsPunct(de, ":")) ||
                (IsPunct(de, ".") && !(InRange(de + 1) && t_[de + 1].type == TokType::kNum)))) {
      // "شهر سبتمبر 16" (September 16) at the end of a clause; a number
      // followed by a noun ("شهر سبتمبر 16 قتيلا") is a count.
      pd.d = day;
      j = de;
    }
  }
  if (!pd.y) {
    q = j;
    if (IsComma(q) || IsPunct(q, "-")) ++q;
    int r = 0;
    if (InRange(q) && t_[q].s == "\xd9\x85\xd9\x86" && Word(q + 1, "yearword", "", &r)) {
      q = r;
    } else if (Word(q, "yearword", "", &r)) {
      // "يونيو العام المقبل"
      auto d = Find(r, "dir");
      if (d && ref_) {
        int off = d->entry->val == "past" ? -1 : d->entry->val == "next" ? 1 : 0;
        pd.y = ref_->year + off;
        j = d->end;
      } else if (d) {
        j = d->end;
        Parse p;
        p.tb = i;
        p.te = j;
        p.clitic_bytes = clitic;
        p.mention.month = pd.m;
        SetUnresolved(&p, "", Precision::kMonth);
        return p;
      }
      q = r;
    }
    if (!pd.y && Year(q, q != j, &y, &ye, &yh)) {
      pd.y = y;
      if (yh) pd.hijri = true;
      j = ye;
    }
  }
  if (!pd.y && !pd.d) {
    auto d = Find(j, "dir");
    if (d && d->entry->val == "past") pd.dir = kPast, j = d->end;
    else if (d && d->entry->val == "next") pd.dir = kNext, j = d->end;
  }
  // Preceding "هذا": "هذا سبتمبر".
  Parse p;
  p.tb = i;
  p.te = j;
  p.clitic_bytes = clitic;
  // A bare month name is ambiguous in a few cases (مارس "to practise",
  // ماي, آب "father"...); require a cue for bare names of 3 letters or less,
  // and never accept Latin-script month names alone.
  if (!pd.y && !pd.d && !pd.dir && !had_monthword) {
    std::string_view w = t_[i].s;
    bool latin = static_cast<unsigned char>(w[0]) < 0x80;
    if (latin || utf8::Length(w) - (month->clitic_bytes / 2) <= 3) {
      {
        // Accept after a preposition cue: في / منذ / حتى / خلال / مطلع / نهاية...
        bool cue = false;
        if (InRange(i - 1) && t_[i - 1].type == TokType::kWord) {
          static const std::vector<std::string> kCues = {MF("في"), MF("منذ"),
                                                         MF("حتى"), MF("خلال")};
          cue = std::find(kCues.begin(), kCues.end(), t_[i - 1].s) != kCues.end() ||
                Find(i - 1, "part").has_value();
        }
        if (latin || !cue) return std::nullopt;
      }
    }
  }
  ResolvePDate(pd, &p);
  return p;
}

std::optional<Parse> Parser::Numeric(int i) const {
  if (!InRange(i) || t_[i].type != TokType::kNum) return std::nullopt;
  // Collect up to three numbers joined by the same separator (spaces allowed
  // around it, as in "29 / 12 / 2011").
  std::vector<int> idx = {i};
  std::string sep;
  int j = i + 1;
  while (idx.size() < 3 && InRange(j + 1) &&
         (IsPunct(j, "/") || IsPunct(j, "-") || IsPunct(j, ".")) &&
         t_[j + 1].type == TokType::kNum) {
    if (sep.empty()) sep = t_[j].s;
    if (t_[j].s != sep) break;
    idx.push_back(j + 1);
    j += 2;
  }
  // Decimal numbers and scores continue: "4.5.6" is not a date; "3.5" is not.
  if (InRange(j) && (IsPunct(j, "/") || IsPunct(j, "-") || IsPunct(j, ".")) && InRange(j + 1) &&
      t_[j + 1].type == TokType::kNum && Glued(j)) {
    return std::nullopt;
  }
  if (IsPunct(j, "%") || IsPunct(j, "\xd9\xaa")) return std::nullopt;
  auto val = [&](int k) { return t_[idx[k]].num; };
  auto nd = [&](int k) { return t_[idx[k]].ndigits; };
  PDate pd;
  if (idx.size() == 3) {
    if (nd(0) == 4 && nd(1) <= 2 && nd(2) <= 2) {
      pd.y = val(0), pd.m = val(1), pd.d = val(2);
    } else if (nd(2) == 4 && nd(0) <= 2 && nd(1) <= 2) {
      pd.d = val(0), pd.m = val(1), pd.y = val(2);
      if (pd.m > 12 && pd.d <= 12) std::swap(pd.d, pd.m);  // US order m/d/Y
    } else if (nd(0) <= 2 && nd(1) <= 2 && nd(2) == 2) {
      pd.d = val(0), pd.m = val(1), pd.y = val(2) + (val(2) < 50 ? 2000 : 1900);
      if (pd.m > 12 && pd.d <= 12) std::swap(pd.d, pd.m);
    } else {
      return std::nullopt;
    }
    if (sep == "." && nd(0) != 4 && nd(2) != 4) return std::nullopt;
    if (!civil::IsValid(pd.y, pd.m, pd.d)) return std::nullopt;
  } else if (idx.size() == 2) {
    if (sep != "/" && nd(0) <= 2 && nd(1) <= 2) {
      // "4.22" and "22-4" are decimals and scores, except as an unambiguous
      // day and month after a date cue and before the end of the clause:
      // "سأعود في 22-4" (I'll be back on 22 April).
      bool cue = false;
      if (InRange(i - 1) && t_[i - 1].type == TokType::kWord) {
        static const std::vector<std::string> kCues = {MF("في"), MF("يوم"),
                                                       MF("بتاريخ"), MF("تاريخ")};
        cue = std::find(kCues.begin(), kCues.end(), t_[i - 1].s) != kCues.end();
      }
      bool clause_end = !InRange(j) || (t_[j].type == TokType::kPunct && !IsPunct(j, "(") &&
                                        !IsPunct(j, ":") && !IsPunct(j, "-") && !IsPunct(j, "/"));
      if (!cue || !clause_end || (val(0) > 12) == (val(1) > 12)) return std::nullopt;
      pd.d = std::max(val(0), val(1));
      pd.m = std::min(val(0), val(1));
      if (pd.m < 1 || pd.d > 31) return std::nullopt;
      Parse p;
      p.tb = i;
      p.te = idx.back() + 1;
      ResolvePDate(pd, &p);
      return p;
    }
    if (sep == ".") return std::nullopt;  // decimals
    if (nd(1) == 4 && nd(0) <= 2 && val(0) >= 1 && val(0) <= 12) {
      pd.m = val(0), pd.y = val(1);
    } else if (nd(0) == 4 && nd(1) <= 2 && val(1) >= 1 && val(1) <= 12 && sep == "/") {
      pd.y = val(0), pd.m = val(1);
    } else if (nd(0) <= 2 && nd(1) <= 2 && sep == "/") {
      // Day/month needs a cue before it: في، يوم، بتاريخ، منذ، حتى.
      bool cue = false;
      if (InRange(i - 1) && t_[i - 1].type == TokType::kWord) {
        static const std::vector<std::string> kCues = {
            MF("في"), MF("يوم"), MF("بتاريخ"), MF("تاريخ"),
            MF("منذ"), MF("حتى")};
        cue = std::find(kCues.begin(), kCues.end(), t_[i - 1].s) != kCues.end();
      }
      // Without a cue only an unambiguous day/month ("22/04", "4/22").
      bool unambiguous = (val(0) > 12) != (val(1) > 12);
      if (!cue && !unambiguous) return std::nullopt;
      pd.d = val(0), pd.m = val(1);
      if (pd.m > 12 && pd.d <= 12) std::swap(pd.d, pd.m);
      if (pd.m < 1 || pd.m > 12 || pd.d < 1 || pd.d > 31) return std::nullopt;
    } else {
      return std::nullopt;
    }
    if (pd.y && (pd.y < 1000 || pd.y > 2200)) return std::nullopt;
  } else {
    return std::nullopt;
  }
  Parse p;
  p.tb = i;
  p.te = idx.back() + 1;
  ResolvePDate(pd, &p);
  return p;
}

std::optional<Parse> Parser::YearExpr(int i) const {
  int j = i, k = 0;
  bool yearword = false;
  int clitic = 0;
  if (auto h = Find(i, "yearword", true)) {
    j = h->end;
    clitic = h->clitic_bytes;
    yearword = true;
  }
  int y = 0, ye = 0;
  bool hijri = false;
  bool after_fi = InRange(i - 1) && t_[i - 1].s == MF("في");
  bool words = InRange(j) && t_[j].type == TokType::kWord;
  if (words && !yearword && !after_fi) return std::nullopt;
  if (!Year(j, yearword, &y, &ye, &hijri)) return std::nullopt;
  if (words && !yearword) {
    // "في ألف وثمانمائة وستين": a composite year at the end of a clause.
    if (ye - j < 2 || (InRange(ye) && t_[ye].type != TokType::kPunct)) return std::nullopt;
    yearword = true;
  }
  bool era = ye > j + 1 && !(IsPunct(j, "(") && ye == j + 3) && !words;
  if (!yearword && !era) {
    // A bare 4-digit number is a year only in a year-like context: after a
    // governing word or in parentheses, and in the range 1900..2099.
    if (y < 1900 || y > 2099) return std::nullopt;
    bool cue = IsPunct(j, "(");
    if (InRange(i - 1) && t_[i - 1].type == TokType::kWord) {
      static const std::vector<std::string> kCues = {
          MF("في"), MF("منذ"), MF("حتى"), MF("قبل"),
          MF("بعد"), MF("خلال"), MF("مطلع"), MF("نهاية"),
          MF("بداية"), MF("أواخر"), MF("أوائل"), MF("منتصف"),
          MF("عامي"), MF("و"), MF("من"), MF("إلى"), MF("بين"),
          MF("ربيع"), MF("صيف"), MF("خريف"), MF("شتاء")};
      cue = cue || std::find(kCues.begin(), kCues.end(), t_[i - 1].s) != kCues.end();
    }
    // A noun that names an event by its year ("حرب 1967", the 1967 war;
    // "الانتفاضة الأولى 1987", the first intifada of 1987; data/time/lexicon.tsv
    // class yearnoun), when the number is not a count of what follows it
    // ("حصار 2000 عائلة", the siege of 2000 families): only the end of a
    // clause, a definite adjective, a conjunction or a function word may
    // follow.
    if (!cue && InRange(i - 1) && t_[i].type == TokType::kNum) {
      int n = i - 1;
      if (auto o = Find(n, "num_ordinal"); o && o->end == i && n > 0) --n;
      auto yn = Find(n, "yearnoun", true);
      if (yn && yn->end == n + 1 && !Find(ye, "unit", true) && !Find(ye, "num_thousands", true) &&
          !Find(ye, "num_cardinal", true)) {
        bool follower_ok = !InRange(ye) || t_[ye].type == TokType::kPunct;
        if (!follower_ok && t_[ye].type == TokType::kWord) {
          std::string_view w(t_[ye].s);
          static const std::vector<std::string> kFunction = {
              MF("في"), MF("مع"), MF("على"), MF("ضد"), MF("عندما"), MF("حين"), MF("حتى"),
              MF("بين"), MF("إلى"), MF("من"), MF("ثم"), MF("قد"), MF("لم"), MF("كما"),
              MF("التي"), MF("الذي"), MF("أو"), MF("عن"), MF("قبل"), MF("بعد"), MF("منذ"),
              MF("خلال"), MF("حيث"), MF("إذ"), MF("لكن"), MF("بل"), MF("عند"), MF("لدى")};
          follower_ok = w.substr(0, 4) == "\xd8\xa7\xd9\x84" ||            // ال
                        w.substr(0, 2) == "\xd9\x88" || w.substr(0, 2) == "\xd9\x81" ||  // و ف
                        std::find(kFunction.begin(), kFunction.end(), w) != kFunction.end();
        }
        cue = follower_ok;
      }
    }
    // End of text, end of line or punctuation follows: a year-like standalone
    // number (headlines, captions, "(1948)").
    if (!InRange(ye) || t_[ye].type == TokType::kPunct) cue = true;
    if (InRange(ye) && (IsPunct(ye, "%") || IsPunct(ye, "\xd9\xaa"))) cue = false;
    if (!cue) return std::nullopt;
  }
  (void)k;
  PDate pd;
  pd.y = y;
  pd.hijri = hijri;
  Parse p;
  p.tb = i;
  p.te = ye;
  p.clitic_bytes = clitic;
  ResolvePDate(pd, &p);
  return p;
}

std::optional<Parse> Parser::DateLikeAt(int i) const {
  std::optional<Parse> best;
  auto consider = [&](std::optional<Parse> p) {
    if (p && (!best || p->te > best->te)) best = std::move(p);
  };
  consider(DayMonth(i));
  consider(MonthFirst(i));
  consider(Numeric(i));
  consider(YearExpr(i));
  consider(YearFirst(i));
  consider(DayOfMonthWord(i));
  return best;
}

std::optional<Parse> Parser::WeekdayExprAt(int i) const {
  int j = i;
  int clitic = 0;
  bool dayword = false;
  if (auto h = Find(i, "dateword", true); h && h->entry->words.size() == 1 &&
                                          t_[i].s.size() - h->clitic_bytes == 6) {
    // "يوم" before a weekday is part of the span: "يوم الخميس".
    if (Find(h->end, "weekday")) {
      j = h->end;
      clitic = h->clitic_bytes;
      dayword = true;
    }
  }
  auto wd = Find(j, "weekday", !dayword);
  if (!wd) return std::nullopt;
  if (!dayword) clitic = wd->clitic_bytes;
  int w = wd->entry->ival;
  j = wd->end;
  Parse p;
  p.tb = i;
  p.clitic_bytes = clitic;
  // "الأحد الثاني من الشهر المقبل", "الجمعة الأولى من أيار": an ordinal
  // adjective right after the weekday, then "من" and a month, is the nth such
  // weekday of that month (the adjective agrees with the weekday; "Sunday, the
  // 2nd of next month" would put a number or "الموافق" there). Up to the
  // fifth; a compound ordinal ("الثاني عشر") is not read here.
  // The ordinal agrees in gender with the weekday (only الجمعة is feminine):
  // "الجمعة الثانية" is the second Friday, "الجمعة الثاني من أيار" is Friday,
  // 2 May (a day of the month takes the masculine ordinal).
  auto agrees = [&](const Hit& o) {
    std::string_view ow(t_[o.end - 1].s);
    static const std::string kTehMarbuta = MF("ة");
    bool feminine = (ow.size() >= kTehMarbuta.size() &&
                     ow.substr(ow.size() - kTehMarbuta.size()) == kTehMarbuta) ||
                    ow == MF("الأولى");
    return feminine == (w == 5);
  };
  if (auto o = Find(j, "num_ordinal"); o && o->entry->ival <= 5 && InRange(o->end) &&
                                       t_[o->end].s == MF("من") && agrees(*o)) {
    int r = o->end + 1, end = 0, year = 0, month = 0;
    bool found = false, absolute = false;
    bool this_word = InRange(r) && t_[r].s == MF("هذا");
    if (this_word) ++r;
    auto named = this_word ? std::nullopt : MonthFirst(r);  // "من أيار", "من شهر أيار"
    if (named && !(named->pd.m && !named->pd.d)) named.reset();
    if (auto mu = Find(r, "unit", true);
        !named && mu && mu->entry->val == "month/1" && (mu->definite || this_word)) {
      int off = 0;
      end = mu->end;
      if (auto d = Find(end, "dir"); d && t_[end].s != MF("هذا") && t_[end].s != MF("هذه")) {
        off = d->entry->val == "past" ? -1 : d->entry->val == "next" ? 1 : 0;
        end = d->end;
      }
      if (ref_) {
        CivilDate m = civil::AddMonths(CivilDate{ref_->year, ref_->month, 1}, off);
        year = m.year, month = m.month;
      }
      found = true;
    } else if (const auto& m = named) {
      // A Hijri month ("الجمعة الأولى من رمضان") keeps its text, unresolved.
      end = m->te;
      month = m->pd.hijri ? 0 : m->pd.m;
      const std::string& v = m->mention.expr.value;
      year = LeadingYear(v);
      absolute = m->mention.expr.anchor == "absolute";
      found = true;
    }
    // A masculine weekday with a masculine ordinal may also be "Sunday, the
    // 2nd of May": that reading is kept when the calendar agrees with it.
    if (found && year && month && civil::IsValid(year, month, o->entry->ival) &&
        civil::Weekday(CivilDate{year, month, o->entry->ival}) == w) {
      found = false;
    }
    if (found) {
      p.te = end;
      p.mention.weekday = w;
      if (!year || !month) {
        SetUnresolved(&p, "", Precision::kDay);
        return p;
      }
      CivilDate first{year, month, 1};
      int delta = (w - civil::Weekday(first) + 7) % 7;
      CivilDate d = civil::AddDays(first, delta + 7 * (o->entry->ival - 1));
      if (d.month != month) {
        SetUnresolved(&p, "", Precision::kDay);
        return p;
      }
      p.start = p.end = d;
      SetValue(&p, civil::ToIso(d), Precision::kDay, absolute ? "absolute" : "document");
      return p;
    }
  }
  // weekday [،] date
  int q = j;
  if (IsComma(q) || IsPunct(q, "-")) ++q;
  if (InRange(q) && t_[q].s == MF("في")) ++q;
  if (auto d = DateLike(q, false); d && d->pd.d) {
    PDate pd = d->pd;
    pd.wd = w;
    p.te = d->te;
    ResolvePDate(pd, &p);
    return p;
  }
  // weekday DAY (day of the current month): "الخميس 21"
  int day = 0, de = 0;
  if (DayNumber(q, &day, &de) && (t_[q].type == TokType::kNum || q > j) && !Find(de, "unit") &&
      !(InRange(de) && t_[de].type == TokType::kNum)) {
    p.te = de;
    p.mention.weekday = w;
    p.mention.day = day;
    if (!ref_) {
      SetUnresolved(&p, "", Precision::kDay);
      return p;
    }
    // The month around the reference where that day falls on that weekday.
    std::optional<CivilDate> found;
    for (int off : {0, -1, 1}) {
      CivilDate base = civil::AddMonths(CivilDate{ref_->year, ref_->month, 1}, off);
      if (!civil::IsValid(base.year, base.month, day)) continue;
      CivilDate c{base.year, base.month, day};
      if (civil::Weekday(c) == w) {
        found = c;
        break;
      }
    }
    if (!found) {
      SetUnresolved(&p, "", Precision::kDay);
      return p;
    }
    p.start = p.end = found;
    SetValue(&p, civil::ToIso(*found), Precision::kDay, "document");
    return p;
  }
  // "الأحد الثاني" = the second Sunday of the reference month. Not when the
  // ordinal counts a series, as protest news count Fridays: "للجمعة الثالثة
  // على التوالي" (for the third Friday running), "الجمعة الرابعة من
  // الاحتجاجات" (the fourth Friday of the protests), "الجمعة الثانية عشرة"
  // (the twelfth Friday); there the weekday alone is read below.
  if (auto o = Find(j, "num_ordinal"); o && o->entry->ival <= 5 && !Find(o->end, "unit", true) &&
                                       !Find(o->end, "month") && agrees(*o)) {
    const int q = o->end;
    auto starts_with_lam = [](std::string_view s) { return s.substr(0, 2) == "\xd9\x84"; };  // ل
    std::string_view prefix = std::string_view(t_[i].s).substr(0, clitic);
    bool series = prefix.find("\xd9\x84") != std::string_view::npos;  // "للجمعة", "ليوم الجمعة"
    if (InRange(q) && t_[q].type == TokType::kWord) {
      // A compound ordinal ("الثانية عشرة", "الثاني والعشرين") is no week count.
      series = series || Find(q, "num_cardinal", true) || Find(q, "num_tens", true);
      series = series || (t_[q].s == MF("على") && InRange(q + 1) && t_[q + 1].s == MF("التوالي"));
      // "من" is read only before the month: "الأحد الثاني من الشهر [الجاري]",
      // "من هذا الشهر", "من كل شهر"; "من الاحتجاجات" (of the protests) and
      // "للاحتجاجات" count a series.
      if (t_[q].s == MF("من")) {
        int r = q + 1;
        bool det = InRange(r) && (t_[r].s == MF("هذا") || t_[r].s == MF("كل"));  // "من كل شهر"
        if (det) ++r;
        auto mu = Find(r, "unit", true);
        // "من شهر رمضان" names another month: no reading of the reference month.
        bool month_follows = mu && mu->entry->val == "month/1" && (mu->definite || det);
        series = series || !month_follows;
      }
      series = series || starts_with_lam(t_[q].s);
    }
    if (!series && ref_) {
      CivilDate first{ref_->year, ref_->month, 1};
      int delta = (w - civil::Weekday(first) + 7) % 7;
      CivilDate d = civil::AddDays(first, delta + 7 * (o->entry->ival - 1));
      p.te = o->end;
      p.mention.weekday = w;
      if (d.month != ref_->month) {
        // "الأحد الخامس" in a month with four Sundays: no such day.
        SetUnresolved(&p, "", Precision::kDay);
        return p;
      }
      p.start = p.end = d;
      SetValue(&p, civil::ToIso(d), Precision::kDay, "document");
      return p;
    }
  }
  // weekday dir | weekday من الأسبوع dir
  int dir = 0;
  if (auto d = Find(j, "dir")) {
    dir = d->entry->val == "past" ? kPast : d->entry->val == "next" ? kNext : kThis;
    if (t_[j].s == MF("هذا") || t_[j].s == MF("هذه")) dir = 0;
    else j = d->end;
  }
  // "<weekday> الماضي/المقبل" directly after the name: the latest such day
  // before the reference (resp. the next after it), skipping yesterday and
  // tomorrow, which news call أمس and غدا (see docs/dates.md).
  int week_off = dir == kThis ? 0 : INT_MIN;
  int near_dir = dir == kPast || dir == kNext ? dir : 0;
  if (week_off == INT_MIN && InRange(j) && t_[j].s == MF("من")) {
    auto u = Find(j + 1, "unit", true);
    if (u && UnitFromName(u->entry->val.substr(0, u->entry->val.find('/'))) == Unit::kWeek) {
      if (auto d = Find(u->end, "dir")) {
        week_off = d->entry->val == "past" ? -1 : d->entry->val == "next" ? 1 : 0;
        j = d->end;
      }
    }
  }
  // "هذا يوم الجمعة", "هذا الجمعة"
  if (week_off == INT_MIN && InRange(i - 1) &&
      (t_[i - 1].s == MF("هذا") || t_[i - 1].s == MF("هذه"))) {
    week_off = 0;
    p.tb = i - 1;
    p.clitic_bytes = 0;
  }
  p.te = j;
  p.mention.weekday = w;
  if (!ref_) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", w);
    SetUnresolved(&p, buf, Precision::kDay);
    return p;
  }
  CivilDate d;
  if (near_dir == kPast) {
    int back = (civil::Weekday(*ref_) - w + 7) % 7;
    if (back <= 1) back += 7;
    d = civil::AddDays(*ref_, -back);
  } else if (near_dir == kNext) {
    int ahead = (w - civil::Weekday(*ref_) + 7) % 7;
    if (ahead <= 1) ahead += 7;
    d = civil::AddDays(*ref_, ahead);
  } else if (week_off != INT_MIN) {
    d = civil::AddDays(civil::WeekStart(*ref_), 7 * week_off + (w - 1));
  } else {
    // The latest such weekday on or before the reference (news report the past).
    int back = (civil::Weekday(*ref_) - w + 7) % 7;
    d = civil::AddDays(*ref_, -back);
  }
  p.start = p.end = d;
  SetValue(&p, civil::ToIso(d), Precision::kDay, "document");
  return p;
}

std::optional<Parse> Parser::RelDayAt(int i) const {
  auto h = Find(i, "relday", true);
  if (!h) return std::nullopt;
  // "اليوم" inside "اليوم الماضي"-like phrases is handled by the lexicon;
  // "اليوم" followed by a unit word is something else ("اليوم الأول").
  // "في اليوم نفسه" / "ذاته" / "عينه" is the same day as something told
  // before, not today: unresolved here, so no expression.
  if (h->entry->ival == 0 && InRange(h->end) &&
      (t_[h->end].s == MF("نفسه") || t_[h->end].s == MF("ذاته") || t_[h->end].s == MF("عينه"))) {
    return std::nullopt;
  }
  Parse p;
  p.tb = i;
  p.te = h->end;
  p.clitic_bytes = h->clitic_bytes;
  int off = h->entry->ival;
  p.mention.has_relday = true;
  p.mention.relday = off;
  p.mention.deictic_today = off == 0;
  // relday [،] weekday [date]
  int q = h->end;
  if (IsComma(q)) ++q;
  if (auto w = WeekdayExpr(q); w && w->clitic_bytes == 0) {
    p.te = w->te;
    p.mention.weekday = w->mention.weekday;
    if (w->pd.d && w->pd.m) {
      // An explicit date wins over the relative day.
      DateMention keep = p.mention;
      ResolvePDate(w->pd, &p);
      p.mention.has_relday = keep.has_relday;
      p.mention.relday = keep.relday;
      p.mention.deictic_today = keep.deictic_today;
      return p;
    }
  }
  if (!ref_) {
    SetUnresolved(&p, "", Precision::kDay);
    return p;
  }
  CivilDate d = civil::AddDays(*ref_, off);
  p.start = p.end = d;
  SetValue(&p, civil::ToIso(d), Precision::kDay, "document");
  return p;
}

std::optional<Parse> Parser::RelUnit(int i) const {
  int j = i;
  int clitic = 0;
  std::string part;
  if (auto h = Find(i, "part", true)) {
    part = h->entry->val;
    clitic = h->clitic_bytes;
    j = h->end;
  }
  bool this_word = false;
  if (InRange(j) && (t_[j].s == MF("هذا") || t_[j].s == MF("هذه"))) {
    this_word = true;
    if (part.empty()) clitic = 0;
    ++j;
  }
  auto u = Find(j, "unit", part.empty() && !this_word);
  if (!u) return std::nullopt;
  if (part.empty() && !this_word) clitic = u->clitic_bytes;
  const std::string& uv = u->entry->val;
  Unit unit = UnitFromName(uv.substr(0, uv.find('/')));
  std::string num = uv.substr(uv.find('/') + 1);
  // Only the definite singular ("الأسبوع", "الشهر", "العام", "السنة") or
  // "هذا + unit" makes a calendar period.
  std::string_view word(t_[j].s);
  word.remove_prefix(u->clitic_bytes);
  bool definite = word.size() > 4 && word.substr(0, 4) == "\xd8\xa7\xd9\x84";  // ال
  if (num != "1" || unit == Unit::kHour || unit == Unit::kMinute) return std::nullopt;
  if (!definite && !this_word) return std::nullopt;
  int k = u->end;
  int offset = INT_MIN;
  if (auto d = Find(k, "dir"); d && !(t_[k].s == MF("هذا") || t_[k].s == MF("هذه"))) {
    const std::string& dv = d->entry->val;
    offset = dv == "past" ? -1 : dv == "next" ? 1 : 0;
    // "الأسبوع بعد القادم" = two weeks ahead
    if (d->entry->words.size() == 2 && dv == "next") offset = 2;
    k = d->end;
  }
  if (offset == INT_MIN) {
    if (this_word || !part.empty()) {
      offset = 0;
    } else {
      return std::nullopt;
    }
  }
  if (unit == Unit::kDay) {
    // "اليوم"-type day words are handled by RelDay.
    return std::nullopt;
  }
  Parse p;
  p.tb = i;
  p.te = k;
  p.clitic_bytes = clitic;
  // "نهاية الأسبوع [الجاري/الحالي]" (the end of the current week): the end
  // of a week that has not ended is still to come, so it lies between the
  // reference and the last day of the week; the range says that more tightly
  // than the week label. On a Sunday the ISO week ends that day while the
  // Sunday-first week common in the region begins (docs/dates.md, weeks), so
  // the week label is kept there. "نهاية هذا الأسبوع" is the weekend
  // (lexicon), a past or next week keeps its label.
  if (part == "end" && unit == Unit::kWeek && offset == 0 && !this_word && ref_ &&
      civil::Weekday(*ref_) != 7) {
    CivilDate end = civil::AddDays(civil::WeekStart(*ref_), 6);
    p.start = *ref_;
    p.end = end;
    SetValue(&p, RangeValue(*ref_, end), Precision::kWeek, "document", "range");
    return p;
  }
  ResolveRelUnit(unit, offset, &p);
  // "الأسبوع المقبل بين الاثنين والخميس", "هذا الأسبوع من الأحد إلى الثلاثاء"
  if (unit == Unit::kWeek && ref_ && InRange(k) &&
      (Find(k, "prep", false, "between") || Find(k, "prep", false, "from"))) {
    int q = Find(k, "prep", false, "between") ? Find(k, "prep", false, "between")->end
                                              : Find(k, "prep", false, "from")->end;
    auto w1 = Find(q, "weekday");
    if (w1) {
      int r = w1->end;
      std::optional<Hit> w2;
      if (InRange(r) && t_[r].s == "\xd9\x88") w2 = Find(r + 1, "weekday");
      else if (auto to = Find(r, "prep", false, "to")) w2 = Find(to->end, "weekday");
      if (!w2) w2 = Find(r, "weekday", true);  // glued "والجمعة"
      if (w2) {
        CivilDate ws = civil::AddDays(civil::WeekStart(*ref_), 7 * offset);
        CivilDate a = civil::AddDays(ws, w1->entry->ival - 1);
        CivilDate b = civil::AddDays(ws, w2->entry->ival - 1);
        if (b < a) b = civil::AddDays(b, 7);
        p.te = w2->end;
        p.start = a;
        p.end = b;
        SetValue(&p, RangeValue(a, b), Precision::kDay, "document", "range");
        return p;
      }
    }
  }
  // "الأسبوع المقبل [يوم] الجمعة"
  if (unit == Unit::kWeek && ref_) {
    int q = k;
    int dw = 0;
    if (Word(q, "dateword", "", &dw) && t_[q].s == MF("يوم")) q = dw;
    if (auto w = Find(q, "weekday")) {
      CivilDate d = civil::AddDays(civil::WeekStart(*ref_), 7 * offset + (w->entry->ival - 1));
      p.te = w->end;
      p.start = p.end = d;
      p.mention.weekday = w->entry->ival;
      SetValue(&p, civil::ToIso(d), Precision::kDay, "document");
    }
  }
  return p;
}

std::optional<Parse> Parser::Quantity(int i) const {
  // [prep] [ال]? (number|few)? unit [number]? [dir] [من الآن]
  int j = i;
  int clitic = 0;
  std::string prep;
  for (std::string_view role : {"since", "ago", "after", "within", "for", "last"}) {
    if (auto h = Find(i, "prep", true, role)) {
      prep = std::string(role);
      clitic = h->clitic_bytes;
      j = h->end;
      break;
    }
  }
  int n = 0, ne = 0;
  bool have_n = false, few = false;
  if (auto ap = Find(j, "approx", prep.empty())) {
    if (prep.empty()) clitic = ap->clitic_bytes;
    j = ap->end;
  }
  if (InRange(j) && t_[j].type == TokType::kNum &&
      ((j >= 2 && (IsPunct(j - 1, ".") || IsPunct(j - 1, ",")) && Glued(j - 1) && Glued(j - 2) &&
        t_[j - 2].type == TokType::kNum) ||
       (InRange(j + 2) && (IsPunct(j + 1, ".") || IsPunct(j + 1, ",")) && Glued(j) &&
        Glued(j + 1) && t_[j + 2].type == TokType::kNum))) {
    return std::nullopt;  // a decimal number: CompoundDuration reads "3.5 سنوات"
  }
  if (InRange(j) && t_[j].type == TokType::kNum && t_[j].ndigits <= 4) {
    n = t_[j].num;
    ne = j + 1;
    have_n = true;
  } else if (auto f = Find(j, "few"); f && f->entry->words.size() == 1 &&
                                        t_[j].s != MF("القليلة")) {
    n = f->entry->ival;
    ne = f->end;
    few = true;
  } else if (Number(j, &n, &ne, false, nullptr, /*cardinal_only=*/true) && n >= 1 &&
             Find(ne, "unit", true)) {
    have_n = true;
  }
  int uj = (have_n || few) ? ne : j;
  auto u = Find(uj, "unit", /*allow_clitic=*/prep.empty() && !have_n && !few);
  if (!u) return std::nullopt;
  if (prep.empty() && !have_n && !few) clitic = u->clitic_bytes;
  const std::string& uv = u->entry->val;
  Unit unit = UnitFromName(uv.substr(0, uv.find('/')));
  std::string form = uv.substr(uv.find('/') + 1);
  std::string_view uword(t_[uj].s);
  uword.remove_prefix(u->clitic_bytes);
  bool definite = uword.size() > 4 && uword.substr(0, 4) == "\xd8\xa7\xd9\x84";
  // A number before a definite singular unit is not a count: "في 15 الساعة
  // 8:00" is the 15th at 8:00, not fifteen hours.
  if (have_n && definite && form == "1") return std::nullopt;
  int k = u->end;
  // Compound offsets from now: "3 سنوات و2 شهر و10 أيام من الآن".
  if ((!few && !definite && form != "pl") || have_n) {
    std::vector<std::pair<Unit, int>> parts = {{unit, have_n ? n : form == "2" ? 2 : 1}};
    int kk = k;
    while (true) {
      int q = kk;
      bool joined = false;
      if (IsComma(q) || (InRange(q) && t_[q].s == "\xd9\x88")) {  // "," or "و"
        ++q;
        joined = true;
      }
      int m = 0, me = q;
      if (InRange(q) && t_[q].type == TokType::kNum) {
        m = t_[q].num;
        me = q + 1;
      }
      auto u2 = Find(me, "unit", /*allow_clitic=*/!joined && m == 0);
      if (!u2 || (!joined && u2->clitic_bytes != 2)) break;
      const std::string& v2 = u2->entry->val;
      std::string f2 = v2.substr(v2.find('/') + 1);
      if (m == 0) m = f2 == "1" ? 1 : f2 == "2" ? 2 : 0;
      if (m == 0) break;
      parts.push_back({UnitFromName(v2.substr(0, v2.find('/'))), m});
      kk = u2->end;
    }
    auto nw = Find(kk, "now");
    if (parts.size() > 1 && nw && nw->entry->words.size() == 2) {
      Parse p;
      p.tb = i;
      p.te = nw->end;
      p.clitic_bytes = clitic;
      if (!ref_) {
        SetUnresolved(&p, "", Precision::kDay);
        return p;
      }
      int sign = prep == "after" ? 1 : -1;
      CivilDate d = *ref_;
      for (const auto& [pu, pn] : parts) d = Shift(d, pu, sign * pn);
      p.start = p.end = d;
      SetValue(&p, civil::ToIso(d), Precision::kDay, "document");
      return p;
    }
  }
  if (!have_n && !few) {
    if (form == "1") {
      n = 1;
      if (definite) return std::nullopt;  // "الشهر" etc.: RelUnit
      // "منذ عام 2011" (since 2011): the unit word introduces a year.
      int yv = 0, yend = 0;
      bool yh = false;
      if (unit == Unit::kYear && Year(k, true, &yv, &yend, &yh)) return std::nullopt;
      if (prep.empty()) return std::nullopt;
    } else if (form == "2") {
      n = 2;
    } else {
      // plural: "الأيام الخمسة الماضية", "الأيام القليلة الماضية", "أيام"
      int m = 0, me = 0;
      if (Number(k, &m, &me, false, nullptr, /*cardinal_only=*/true) && m >= 3) {
        n = m;
        have_n = true;
        k = me;
      } else if (auto f = Find(k, "few")) {
        n = f->entry->ival;
        few = true;
        k = f->end;
      } else {
        n = -1;  // unspecified count
      }
    }
  }
  // direction after the unit: "الأيام الماضية", "اليومين المقبلين"
  int dir = 0;
  if (auto d = Find(k, "dir")) {
    if (!(t_[k].s == MF("هذا") || t_[k].s == MF("هذه"))) {
      dir = d->entry->val == "past" ? kPast : d->entry->val == "next" ? kNext : 0;
      if (dir) k = d->end;
    }
  } else if (InRange(k)) {
    // dual forms of the direction words: الماضيين / المقبلين / القادمين
    static const std::vector<std::string> kPastDual = {MF("الماضيين"),
                                                       MF("الماضيان")};
    static const std::vector<std::string> kNextDual = {MF("المقبلين"),
                                                       MF("القادمين")};
    if (std::find(kPastDual.begin(), kPastDual.end(), t_[k].s) != kPastDual.end()) dir = kPast, ++k;
    if (std::find(kNextDual.begin(), kNextDual.end(), t_[k].s) != kNextDual.end()) dir = kNext, ++k;
  }
  bool from_now = false;
  if (auto nw = Find(k, "now"); nw && nw->entry->words.size() == 2) {
    from_now = true;
    k = nw->end;
  }
  if (prep.empty() && !have_n && !few && !dir && form != "2") return std::nullopt;
  if (prep.empty() && !have_n && !few && form == "2" && !dir) return std::nullopt;
  if (unit == Unit::kNone) return std::nullopt;
  if (have_n && (n <= 0 || n > 1000)) return std::nullopt;

  Parse p;
  p.tb = i;
  p.te = k;
  p.clitic_bytes = clitic;
  Precision prec = UnitPrecision(unit);
  bool clock = unit == Unit::kHour || unit == Unit::kMinute;
  std::string dur = n > 0 ? DurationValue(unit, n) : "PX" + UnitLetter(unit);
  if (few && n > 0 && !clock) dur = "PX" + UnitLetter(unit);

  // "قبل N units" / "N units from now": a point in time.
  if ((prep == "ago" || (prep == "after" && from_now) || (prep.empty() && from_now)) && !clock &&
      !dir) {
    if (n < 0) {
      n = 3;  // "قبل أيام": a few
      few = true;
    }
    int sign = prep == "ago" ? -1 : 1;
    if (prep.empty() && from_now) sign = 1;
    if (!ref_) {
      SetUnresolved(&p, "", prec);
      return p;
    }
    CivilDate d = Shift(*ref_, unit, sign * n);
    // Vague counts are less precise than the arithmetic suggests.
    if (few) prec = unit == Unit::kDay ? Precision::kWeek
                    : unit == Unit::kWeek ? Precision::kMonth
                                          : Precision::kYear;
    p.start = p.end = d;
    SetValue(&p, civil::ToIso(d), prec, "document");
    return p;
  }
  if (prep == "after" && !from_now) return std::nullopt;  // "بعد أيام من ..." anchors elsewhere
  // "آخر يوم من المفاوضات" (the last day of the talks), "آخر 3 أيام في
  // الحملة": the last units of something else, not of the time before the
  // reference.
  if (prep == "last" && !dir && InRange(k) &&
      (t_[k].s == MF("من") || t_[k].s == MF("في") || Find(k, "hmonth", true) ||
       Find(k, "month", true))) {
    return std::nullopt;
  }
  // A period ending (or starting) at the reference.
  if ((prep == "since" || dir || prep == "last") && !clock) {
    if (n < 0 || few) {
      if (n < 0 && prep != "since" && !dir) return std::nullopt;
      SetValue(&p, "PX" + UnitLetter(unit), prec, "document", "duration");
      if (!ref_) p.mention.expr.anchor = "unresolved", p.mention.expr.resolved = false;
      if (few && ref_ && dir) {
        CivilDate a = dir == kPast ? Shift(*ref_, unit, -n) : civil::AddDays(*ref_, 1);
        CivilDate b = dir == kPast ? *ref_ : Shift(a, unit, n);
        SetValue(&p, RangeValue(a, b, DurationValue(unit, n)), prec, "document", "range");
      }
      return p;
    }
    if (!ref_) {
      SetUnresolved(&p, "", prec, "range");
      return p;
    }
    CivilDate a, b;
    if (dir == kNext && unit == Unit::kDecade) {
      a = CivilDate{(ref_->year / 10 + 1) * 10, 1, 1};
      b = CivilDate{a.year + 10 * n, 1, 1};
    } else if (dir == kNext) {
      a = civil::AddDays(*ref_, 1);
      b = Shift(a, unit, n);
    } else {
      b = *ref_;
      a = Shift(b, unit, -n);
      if (unit == Unit::kDecade) {
        int end = ref_->year / 10 * 10;
        a = CivilDate{end - 10 * n, 1, 1};
        b = CivilDate{end, 1, 1};
      }
    }
    p.start = a;
    p.end = b;
    SetValue(&p, RangeValue(a, b, DurationValue(unit, n)), prec, "document", "range");
    return p;
  }
  // A plain duration: "خلال عشرة أيام", "لمدة يومين", "12 عاما".
  if (n < 0) return std::nullopt;
  SetValue(&p, dur, prec, "absolute", "duration");
  return p;
}

std::optional<Parse> Parser::TimeExpr(int i, bool in_daypart) const {
  int j = i;
  bool hourword = false;
  int clitic = 0;
  if (auto h = Find(i, "hourword", true)) {
    hourword = true;
    clitic = h->clitic_bytes;
    j = h->end;
  }
  int hour = -1, minute = 0, second = -1;
  int k = j;
  // A named time of day: "منتصف الليل" (midnight), "منتصف النهار" (noon).
  if (auto ct = Find(j, "clocktime", !hourword)) {
    const std::string& v = ct->entry->val;
    Parse p;
    p.tb = i;
    p.te = ct->end;
    p.clitic_bytes = hourword ? clitic : ct->clitic_bytes;
    SetValue(&p, "T" + v, Precision::kMinute, "absolute", "time");
    return p;
  }
  bool word_hour = false, need_minutes = false;
  if (InRange(j) && t_[j].type == TokType::kNum && t_[j].ndigits <= 2) {
    hour = t_[j].num;
    k = j + 1;
    if (IsPunct(k, ":") && InRange(k + 1) && t_[k + 1].type == TokType::kNum &&
        t_[k + 1].ndigits == 2 && Glued(k) && Glued(j)) {
      minute = t_[k + 1].num;
      k += 2;
      // seconds: "8:00:20"
      if (IsPunct(k, ":") && InRange(k + 1) && t_[k + 1].type == TokType::kNum &&
          t_[k + 1].ndigits == 2 && Glued(k) && Glued(k - 1) && t_[k + 1].num < 60) {
        second = t_[k + 1].num;
        k += 2;
      }
    } else if (!hourword) {
      // a bare number is a time only with a day part: "8 مساء"
      auto dp = Find(k, "daypart");
      if (!dp) return std::nullopt;
    }
  } else if (hourword) {
    int v = 0, e = 0;
    if (!Number(j, &v, &e) || v < 1 || v > 12) {
      // "الساعة السابعة وعشرين دقيقة": Number() read 7 + 20; the hour is the
      // first word alone when minutes follow (checked below).
      std::optional<Hit> o = Find(j, "num_ordinal");
      if (!o) o = Find(j, "num_cardinal");
      if (!o || o->entry->ival < 1 || o->entry->ival > 12) return std::nullopt;
      v = o->entry->ival;
      e = o->end;
      need_minutes = true;
    }
    hour = v;
    k = e;
    word_hour = true;
  } else if (auto o = Find(j, "num_ordinal", true)) {
    // Without "الساعة" an hour in words is a time only as a feminine ordinal
    // with the article and a day part, after a preposition: "في السابعة
    // مساء" (at seven in the evening); "السابعة" alone is too often "the
    // seventh", and "الجولة السابعة مساء" is "the seventh round, in the evening".
    static const std::string kPreps[] = {MF("في"), MF("عند"), MF("حتى"),
                                         MF("منذ"), MF("قرابة"), MF("نحو")};
    if (!InRange(i - 1) || std::find(std::begin(kPreps), std::end(kPreps), t_[i - 1].s) ==
                               std::end(kPreps)) {
      return std::nullopt;
    }
    int v = 0, e = 0;
    if (!Number(j, &v, &e, true, &clitic) || v < 1 || v > 12) return std::nullopt;
    std::string_view w(t_[j].s);
    w.remove_prefix(clitic);
    if (w.substr(0, 4) != "\xd8\xa7\xd9\x84") return std::nullopt;  // "ال"
    int fe = e;
    if (auto f = Find(e, "clockfrac")) fe = f->end;
    if (!Find(fe, "daypart") && !in_daypart) return std::nullopt;
    hour = v;
    k = e;
    word_hour = true;
  } else {
    return std::nullopt;
  }
  // "والنصف" (and a half), "إلا ربعا" (a quarter to).
  if (word_hour || (hourword && minute == 0 && k == j + 1)) {
    if (auto f = Find(k, "clockfrac")) {
      int df = f->entry->ival;
      if (df < 0) {
        hour = hour == 0 ? 23 : hour - 1;
        minute = 60 + df;
      } else {
        minute = df;
      }
      k = f->end;
    }
  }
  // "الساعة السابعة وعشرين دقيقة" / "الساعة 7 و 40 دقيقة": minutes in
  // words or digits after the hour, with the minute unit.
  if ((word_hour || hourword) && minute == 0 && second < 0 && InRange(k)) {
    static constexpr std::string_view kWaw = "\xd9\x88";
    int q = k, n = 0, ne = 0, cl = 0;
    bool waw_tok = t_[q].s == kWaw;
    if (waw_tok) ++q;
    if (Number(q, &n, &ne, !waw_tok, &cl, true) && n >= 1 && n <= 59 &&
        (waw_tok || (cl == 2 && t_[q].s.substr(0, 2) == kWaw))) {
      auto u = Find(ne, "unit");
      if (u && u->entry->val.rfind("minute/", 0) == 0) {
        minute = n;
        k = u->end;
      }
    }
  }
  if (need_minutes && minute == 0) return std::nullopt;
  if (hour < 0 || hour > 24 || minute > 59) return std::nullopt;
  bool today = false;
  if (auto dp = Find(k, "daypart")) {
    const std::string& v = dp->entry->val;
    if (v.rfind("pm", 0) == 0 && hour < 12) hour += 12;
    if (v.rfind("am", 0) == 0 && hour == 12) hour = 0;
    today = v.find("_today") != std::string::npos;
    k = dp->end;
  }
  Parse p;
  p.tb = i;
  p.te = k;
  p.clitic_bytes = clitic;
  char buf[32];
  if (second >= 0) {
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hour % 24, minute, second);
  } else {
    std::snprintf(buf, sizeof buf, "T%02d:%02d", hour % 24, minute);
  }
  if (today && ref_) {
    // "الساعة 8 مساء اليوم" = 8 pm today
    SetValue(&p, civil::ToIso(*ref_) + buf, Precision::kMinute, "document", "datetime");
    p.start = p.end = *ref_;
    return p;
  }
  SetValue(&p, buf, Precision::kMinute, "absolute", "time");
  return p;
}

void Parser::AttachDate(Parse* p) const {
  // "الساعة 6 مساءً يوم 12", "18:30 ، 2019-03-07", "الساعة 6 مساءً ، 4 آذار"
  if (p->mention.expr.kind != "time") return;
  int q = p->te;
  if (IsComma(q) || IsPunct(q, "-")) ++q;
  if (InRange(q) && (t_[q].s == MF("في") || t_[q].s == MF("من"))) ++q;
  std::optional<Parse> d = DateLike(q, false);
  if (auto w = WeekdayExpr(q); w && (!d || w->te > d->te)) d = w;
  if (auto r = RelDay(q); r && (!d || r->te > d->te)) d = r;
  if (!d || d->clitic_bytes != 0) return;
  const DateExpr& x = d->mention.expr;
  if (x.kind != "date" || x.precision != Precision::kDay) return;
  std::string time = p->mention.expr.value;
  p->te = d->te;
  p->mention = d->mention;
  p->start = d->start;
  p->end = d->end;
  DateExpr& y = p->mention.expr;
  if (!y.value.empty()) y.value += time;
  y.kind = "datetime";
  y.precision = Precision::kMinute;
}

void Parser::AttachTime(Parse* p) const {
  if (p->mention.expr.kind != "date" || p->mention.expr.precision != Precision::kDay) return;
  int q = p->te;
  if (IsComma(q) || IsPunct(q, "-")) ++q;
  if (InRange(q) && t_[q].s == MF("في") && Find(q + 1, "hourword")) ++q;
  auto t = TimeExpr(q);
  if (t && t->mention.expr.kind != "time") return;
  if (!t || t->clitic_bytes != 0) return;
  p->te = t->te;
  DateExpr& x = p->mention.expr;
  if (!x.value.empty()) x.value += t->mention.expr.value;
  x.kind = "datetime";
  x.precision = Precision::kMinute;
}

std::optional<Parse> Parser::MonthDayRange(int i) const {
  // [شهر] <month> [YEAR] (بين|من) DAY (و|إلى|حتى|-) DAY: "شهر آذار بين 3 و 5".
  auto m = MonthFirst(i);
  if (!m || !m->pd.m || m->pd.d || m->pd.hijri) return std::nullopt;
  int j = m->te;
  std::string opener;
  for (std::string_view role : {"from", "between"}) {
    if (auto h = Find(j, "prep", false, role)) {
      opener = std::string(role);
      j = h->end;
      break;
    }
  }
  if (opener.empty() || !InRange(j) || t_[j].type != TokType::kNum) return std::nullopt;
  int d1 = 0, e1 = 0, d2 = 0, e2 = 0;
  if (!DayNumber(j, &d1, &e1)) return std::nullopt;
  int k = e1;
  if (IsPunct(k, "-") || (InRange(k) && t_[k].s == "\xd9\x88" && opener == "between")) {
    ++k;
  } else if (auto c = Find(k, "prep", false, "to")) {
    k = c->end;
  } else {
    return std::nullopt;
  }
  if (!InRange(k) || t_[k].type != TokType::kNum || !DayNumber(k, &d2, &e2) || d2 <= d1) {
    return std::nullopt;
  }
  // A day number followed by a unit or a month is something else.
  if (InRange(e2) && (Find(e2, "unit") || Find(e2, "month"))) return std::nullopt;
  Parse l, r;
  PDate pd = m->pd;
  pd.d = d1;
  ResolvePDate(pd, &l);
  pd.d = d2;
  ResolvePDate(pd, &r);
  Parse p;
  p.tb = i;
  p.te = e2;
  p.clitic_bytes = m->clitic_bytes;
  const DateExpr& L = l.mention.expr;
  const DateExpr& R = r.mention.expr;
  if (l.start && r.start) {
    bool doc = L.anchor == "document" || R.anchor == "document";
    SetValue(&p, RangeValue(*l.start, *r.start), Precision::kDay, doc ? "document" : "absolute",
             "range");
    p.start = l.start;
    p.end = r.start;
    p.mention.month = m->pd.m;
    p.mention.year = m->pd.y;
    return p;
  }
  if (!L.value.empty() && !R.value.empty()) {
    SetUnresolved(&p, "(" + L.value + "," + R.value + ",P" + std::to_string(d2 - d1) + "D)",
                  Precision::kDay, "range");
    return p;
  }
  return std::nullopt;
}

std::optional<Parse> Parser::Range(int i) const {
  // (من|بين) X (إلى|حتى|و|-) Y   or   X - Y (days or years)
  if (auto mr = MonthDayRange(i)) return mr;
  int j = i;
  int clitic = 0;
  std::string opener;
  for (std::string_view role : {"from", "between"}) {
    if (auto h = Find(i, "prep", true, role)) {
      opener = std::string(role);
      clitic = h->clitic_bytes;
      j = h->end;
      break;
    }
  }
  // Left end.
  std::optional<Parse> left;
  int day = 0, de = 0;
  bool left_day = false;
  if (auto d = DateLike(j, false)) left = d;
  if (auto w = WeekdayExpr(j); w && (!left || w->te > left->te)) left = w;
  if (auto r = RelDay(j); r && (!left || r->te > left->te)) left = r;
  if (DayNumber(j, &day, &de) && InRange(j) && t_[j].type == TokType::kNum &&
      (!left || de >= left->te)) {
    left_day = true;
    left.reset();
  }
  int wy1 = 0, wy1e = 0;
  if (!left && !left_day && !opener.empty() && WordYear(j, false, &wy1, &wy1e)) {
    int q = wy1e;
    if (auto c = Find(q, "prep", false, "to")) {
      int wy2 = 0, wy2e = 0;
      if (WordYear(c->end, false, &wy2, &wy2e) && wy2 > wy1) {
        Parse p;
        p.tb = i;
        p.te = wy2e;
        p.clitic_bytes = clitic;
        SetValue(&p,
                 RangeValue(CivilDate{wy1, 1, 1}, CivilDate{wy2, 1, 1},
                            "P" + std::to_string(wy2 - wy1) + "Y"),
                 Precision::kYear, "absolute", "range");
        return p;
      }
    }
  }
  int k = left ? left->te : left_day ? de : -1;
  if (k < 0) return std::nullopt;
  // Connector.
  if (IsPunct(k, "-")) {
    ++k;
  } else if (auto c = Find(k, "prep", false, "to")) {
    k = c->end;
  } else if (InRange(k) && t_[k].s == "\xd9\x88" && opener == "between") {  // و
    ++k;
  } else {
    return std::nullopt;
  }
  // Right end (may carry a clitic و: "و22").
  std::optional<Parse> right;
  if (auto d = DateLike(k, false)) right = d;
  if (auto w = WeekdayExpr(k); w && (!right || w->te > right->te)) right = w;
  if (auto r = RelDay(k); r && (!right || r->te > right->te)) right = r;
  if (!right) return std::nullopt;
  Parse p;
  p.tb = i;
  p.te = right->te;
  p.clitic_bytes = opener.empty() ? 0 : clitic;
  if (left_day) {
    // Inherit month and year from the right end: "من 6 إلى 18 آذار 2019".
    if (!right->pd.m || !right->pd.d) return std::nullopt;
    PDate lp = right->pd;
    lp.d = day;
    lp.wd = 0;
    Parse l;
    ResolvePDate(lp, &l);
    left = l;
  }
  if (right->is_year && left->is_year) {
    int a = left->pd.y, b = right->pd.y;
    if (b <= a) return std::nullopt;
    SetValue(&p, RangeValue(CivilDate{a, 1, 1}, CivilDate{b, 1, 1}, "P" + std::to_string(b - a) + "Y"),
             Precision::kYear, "absolute", "range");
    return p;
  }
  const DateExpr& L = left->mention.expr;
  const DateExpr& R = right->mention.expr;
  if (L.precision != Precision::kDay || R.precision != Precision::kDay) return std::nullopt;
  if (left->start && right->start) {
    if (!(*left->start < *right->start)) return std::nullopt;
    bool doc = L.anchor == "document" || R.anchor == "document";
    SetValue(&p, RangeValue(*left->start, *right->start), Precision::kDay,
             doc ? "document" : "absolute", "range");
    p.start = left->start;
    p.end = right->start;
    return p;
  }
  if (!L.value.empty() && !R.value.empty() && L.value.rfind("XXXX", 0) == 0) {
    // Both without a year and no reference: keep the notation, days apart.
    int days = 0;
    if (civil::IsValid(2001, left->pd.m, left->pd.d) && civil::IsValid(2001, right->pd.m, right->pd.d)) {
      days = civil::DaysBetween(CivilDate{2001, left->pd.m, left->pd.d},
                                CivilDate{2001, right->pd.m, right->pd.d});
    }
    SetUnresolved(&p, "(" + L.value + "," + R.value + ",P" + std::to_string(days) + "D)",
                  Precision::kDay, "range");
    return p;
  }
  SetUnresolved(&p, "", Precision::kDay, "range");
  return p;
}

std::optional<Parse> Parser::Best(int i) const {
  // Every expression starts with a number or a lexicon word (month, weekday,
  // preposition, relative word, unit, number word ...), possibly with a
  // clitic or the article, or with "("; other tokens start nothing.
  if (InRange(i) && t_[i].type == TokType::kWord && Hits(i).empty()) return std::nullopt;
  // Of punctuation, only "(" starts an expression ("( 1948 )", a year).
  if (InRange(i) && t_[i].type == TokType::kPunct && t_[i].s != "(") return std::nullopt;
  std::optional<Parse> best;
  auto consider = [&](std::optional<Parse> p) {
    if (!p || p->te <= p->tb) return;
    if (!best || p->te > best->te) best = std::move(p);
  };
  consider(Range(i));
  consider(RelDay(i));
  consider(WeekdayExpr(i));
  consider(DateLike(i, true));
  consider(Weekend(i));
  consider(RelUnit(i));
  consider(Quantity(i));
  consider(Season(i));
  consider(Rest(i));
  consider(Quarter(i));
  consider(Decade(i));
  consider(WeekOf(i));
  consider(SetExpr(i));
  consider(NthWeekday(i));
  consider(CompoundDuration(i));
  consider(DayPart(i));
  if (best) {
    int te = best->te;
    AttachTime(&*best);
    if (best->te == te) AttachDayPartAfter(&*best);
  }
  if (auto t = TimeExpr(i); t && (!best || t->te > best->te)) {
    AttachDate(&*t);
    best = std::move(t);
  }
  return best;
}

}  // namespace

// ---------------------------------------------------------------------------

std::vector<DateMention> DateExtractor::Analyze(std::string_view text,
                                                const std::optional<CivilDate>& reference) const {
  std::vector<DateMention> out;
  if (!lex_ || text.empty()) return out;
  std::string m;
  std::vector<int32_t> align;
  MatchForm(text, &m, &align);
  if (align.size() != m.size() + 1) return out;  // contract violated: do nothing
  std::vector<Tok> toks;
  {
    // Line breaks in the input are hard boundaries: no expression spans two
    // lines (the matching form folds them into spaces, so look at the input).
    std::vector<Tok> raw = Tokenize(m);
    toks.reserve(raw.size());
    for (size_t k = 0; k < raw.size(); ++k) {
      if (k > 0) {
        int32_t from = align[raw[k - 1].e], to = align[raw[k].b];
        if (text.substr(from, to - from).find('\n') != std::string_view::npos) {
          Tok br;
          br.b = br.e = raw[k].b;
          br.type = TokType::kPunct;
          br.s = "\n";
          toks.push_back(std::move(br));
        }
      }
      toks.push_back(std::move(raw[k]));
    }
  }
  Parser parser(*lex_, toks, reference);
  int n = static_cast<int>(toks.size());
  for (int i = 0; i < n;) {
    auto p = parser.Best(i);
    if (!p) {
      ++i;
      continue;
    }
    int32_t mb = toks[p->tb].b + p->clitic_bytes;
    int32_t me = toks[p->te - 1].e;
    // Map to the input. A start inside a code point cannot happen: the
    // alignment is per output byte and clitics are whole letters.
    int32_t sb = align[mb];
    int32_t se = align[me];
    // The end maps to the start of the next output char; trim trailing
    // input bytes that produced nothing (tatweel, marks) only if they are
    // spaces.
    while (se > sb && (text[se - 1] == ' ' || text[se - 1] == '\n')) --se;
    DateMention mention = std::move(p->mention);
    mention.expr.span = {sb, se};
    mention.expr.text = std::string(text.substr(sb, se - sb));
    if (mention.expr.anchor.empty()) mention.expr.anchor = "unresolved";
    out.push_back(std::move(mention));
    i = p->te;
  }
  return out;
}

std::vector<DateExpr> DateExtractor::Extract(std::string_view text,
                                             const std::optional<CivilDate>& reference) const {
  std::vector<DateExpr> out;
  for (auto& m : Analyze(text, reference)) out.push_back(std::move(m.expr));
  return out;
}

#undef MF

}  // namespace marsad
