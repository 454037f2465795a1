#include "marsad/clean/dateline_parser.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>

#include "marsad/clean/fold.h"
#include "marsad/clean/icu_regex.h"
#include "marsad/clean/tsv.h"
#include "marsad/common/utf8.h"

namespace marsad::clean {
namespace {

enum class Order { kDmy, kYmd, kMdy };

struct DateRule {
  std::shared_ptr<const Regex> re;
  Order order;
  bool named_month;  // the month group is a name, not a number
};

std::string QuoteRegex(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool ValidDate(int y, int m, int d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  int max_day = kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
  return d <= max_day;
}

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

int ToInt(const icu::UnicodeString& s) {
  int v = 0;
  for (int32_t i = 0; i < s.length(); ++i) {
    UChar c = s[i];
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
    if (v > 100000) return -1;
  }
  return v;
}

// Punctuation that separates tokens of a dateline remainder.
bool IsSeparatorChar(char32_t c) {
  return c == ' ' || c == '|' || c == '-' || c == '/' || c == ',' || c == 0x060C || c == ':' || c == 0x25CF ||
         c == 0x2022 || c == '*' || c == 0x00B7 || c == '(' || c == ')' || c == '[' || c == ']' || c == '.' ||
         c == 0x25A0 || c == 0x25AA || c == 0x2013 || c == 0x2014 || c == '>' || c == '<' || c == 0x00BB ||
         c == 0x00AB || c == '"' || c == 0x061B;
}

bool IsBulletChar(char32_t c) {
  return c == 0x25CF || c == 0x2022 || c == '*' || c == 0x00B7 || c == 0x25A0 || c == 0x25AA || c == '-' ||
         c == 0x25C6 || c == 0x25B6 || c == 0x2B24;
}

}  // namespace

std::string FoundDate::Value() const {
  char buf[32];
  if (hour >= 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

struct DatelineParser::Impl {
  std::map<std::string, int> months;  // folded name -> month number
  std::set<std::string> weekdays;     // folded names
  std::vector<DateRule> rules;
  std::shared_ptr<const Regex> time_re;
  std::shared_ptr<const Regex> label_re;
  std::set<std::string> filler;  // tokens that do not count in a remainder

  std::optional<FoundDate> Find(const icu::UnicodeString& key, int32_t* b16, int32_t* e16, int32_t* tb16,
                                int32_t* te16) const;
};

DatelineParser::DatelineParser() : impl_(std::make_unique<Impl>()) {}
DatelineParser::~DatelineParser() = default;

StatusOr<std::shared_ptr<const DatelineParser>> DatelineParser::Load(const std::string& data_dir) {
  std::shared_ptr<DatelineParser> p(new DatelineParser());
  Impl& impl = *p->impl_;
  auto months = ReadTsv(data_dir + "/months.tsv", 3);
  if (!months.ok()) return months.status();
  for (const auto& row : *months) {
    if (row.fields[0] != "gregorian") continue;
    int m = std::atoi(row.fields[1].c_str());
    if (m < 1 || m > 12) {
      return DataError(data_dir + "/months.tsv:" + std::to_string(row.line) + ": bad month number");
    }
    impl.months[FoldKey(row.fields[2])] = m;
  }
  if (impl.months.empty()) return DataError(data_dir + "/months.tsv: no gregorian month names");
  auto weekdays = ReadTsv(data_dir + "/weekdays.tsv", 2);
  if (!weekdays.ok()) return weekdays.status();
  for (const auto& row : *weekdays) impl.weekdays.insert(FoldKey(row.fields[1]));

  std::vector<std::string> names;
  for (const auto& [name, m] : impl.months) names.push_back(name);
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string alt;
  for (const auto& n : names) {
    if (!alt.empty()) alt.push_back('|');
    alt.append(QuoteRegex(n));
  }
  const std::string m = "(" + alt + ")";
  const std::string m_nc = "(?:" + alt + ")";
  struct Spec {
    std::string re;
    Order order;
    bool named;
  };
  const std::vector<Spec> specs = {
      // 19 تشرين الثاني (نوفمبر) 2017 / 7 من نوفمبر، عام 2017
      {"(?<![0-9])([0-9]{1,2})\\s*(?:من\\s+)?(?:شهر\\s+)?" + m + "(?![\\p{L}])(?:\\s*[(\\[]" + m_nc +
           "[)\\]])?\\s*[,،/-]?\\s*(?:(?:من\\s+)?(?:عام|العام|سنه)\\s+)?([0-9]{4})(?![0-9])",
       Order::kDmy, true},
      // 2017November19 (compact CMS form)
      {"(?<![0-9])([0-9]{4})\\s*[-/]?\\s*" + m + "\\s*[-/]?\\s*([0-9]{1,2})(?![0-9])", Order::kYmd, true},
      // November 19, 2017
      {"(?<![\\p{L}])" + m + "\\s+([0-9]{1,2}),?\\s+([0-9]{4})(?![0-9])", Order::kMdy, true},
      // 2017-11-19, 2017/11/19
      {"(?<![0-9])([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?![0-9])", Order::kYmd, false},
      // 19/11/2017 (day first, as Arabic sites print it)
      {"(?<![0-9])([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})(?![0-9])", Order::kDmy, false},
  };
  for (const auto& s : specs) {
    // Keys are lower-cased already: case-sensitive matching is faster.
    auto re = Regex::Compile(s.re, false);
    if (!re.ok()) return re.status();
    impl.rules.push_back({*re, s.order, s.named});
  }
  auto time_re = Regex::Compile(
      "(?<![0-9:])([0-9]{1,2}):([0-9]{2})(?::[0-9]{2})?(?![0-9])"
      "(?:\\s*(صباحا|مساء|ص|م|am|pm)(?![\\p{L}]))?",
      false);
  if (!time_re.ok()) return time_re.status();
  impl.time_re = *time_re;
  auto label_re = Regex::Compile(
      "^\\s*(?:تاريخ|التاريخ)(?:\\s+(?:النشر|الخبر|الاضافه|التحديث|المقال))?|"
      "^\\s*(?:نشر|تم النشر|نشرت)(?:\\s+(?:في|بتاريخ|يوم))?|"
      "^\\s*(?:اخر|احدث)\\s+تحديث|^\\s*(?:published|updated|posted|date)(?:\\s+on)?",
      false);
  if (!label_re.ok()) return label_re.status();
  impl.label_re = *label_re;
  for (const char* f :
       {"م", "ه", "ص", "الساعه", "الساعة", "بتوقيت", "gmt", "utc", "am", "pm", "مساء", "صباحا"}) {
    impl.filler.insert(FoldKey(f));
  }
  return std::shared_ptr<const DatelineParser>(std::move(p));
}

std::optional<FoundDate> DatelineParser::Impl::Find(const icu::UnicodeString& key, int32_t* b16, int32_t* e16,
                                                    int32_t* tb16, int32_t* te16) const {
  std::optional<FoundDate> best;
  int32_t best_start = INT32_MAX;
  for (const DateRule& rule : rules) {
    int32_t from = 0;
    int32_t g[8];
    while (from <= key.length() && rule.re->Find(key, from, g, 4)) {
      if (g[0] >= best_start) break;
      auto group = [&](int i) { return key.tempSubStringBetween(g[2 * i], g[2 * i + 1]); };
      int a = 0, mo = 0, c = 0;
      FoundDate d;
      if (rule.named_month) {
        int name_group = rule.order == Order::kMdy ? 1 : 2;
        std::string name = Utf8(group(name_group));
        for (char& ch : name) {
          if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        }
        auto it = months.find(name);
        mo = it == months.end() ? -1 : it->second;
      }
      switch (rule.order) {
        case Order::kDmy:
          a = ToInt(group(1));
          c = ToInt(group(3));
          if (!rule.named_month) mo = ToInt(group(2));
          d.day = a, d.month = mo, d.year = c;
          break;
        case Order::kYmd:
          a = ToInt(group(1));
          c = ToInt(group(3));
          if (!rule.named_month) mo = ToInt(group(2));
          d.year = a, d.month = mo, d.day = c;
          break;
        case Order::kMdy:
          d.day = ToInt(group(2));
          d.year = ToInt(group(3));
          d.month = mo;
          break;
      }
      if (ValidDate(d.year, d.month, d.day)) {
        best = d;
        best_start = g[0];
        *b16 = g[0];
        *e16 = g[1];
        break;
      }
      from = g[0] + 1;
    }
  }
  if (!best) return best;
  *tb16 = *te16 = -1;
  // A time on the same line: prefer one after the date, else one before it.
  int32_t g[8];
  int32_t from = 0;
  int32_t chosen_b = -1, chosen_e = -1, hour = -1, minute = -1;
  while (time_re->Find(key, from, g, 4)) {
    // Skip "times" inside the date itself.
    if (!(g[1] <= *b16 || g[0] >= *e16)) {
      from = g[1];
      continue;
    }
    int h = ToInt(key.tempSubStringBetween(g[2], g[3]));
    int mi = ToInt(key.tempSubStringBetween(g[4], g[5]));
    if (h >= 0 && h <= 23 && mi >= 0 && mi <= 59) {
      if (g[6] >= 0) {
        std::string ampm = Utf8(key.tempSubStringBetween(g[6], g[7]));
        bool pm = ampm == "pm" || ampm == "PM" || ampm == FoldKey("م") || ampm == FoldKey("مساء");
        bool am = !pm;
        if (pm && h < 12) h += 12;
        if (am && h == 12) h = 0;
      }
      chosen_b = g[0];
      chosen_e = g[1];
      hour = h;
      minute = mi;
      if (g[0] >= *e16) break;  // after the date: best choice
    }
    from = g[1];
  }
  if (hour >= 0) {
    best->hour = hour;
    best->minute = minute;
    *tb16 = chosen_b;
    *te16 = chosen_e;
  }
  return best;
}

std::optional<FoundDate> DatelineParser::FindDate(std::string_view text) const {
  std::string key = FoldKey(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(key);
  int32_t b, e, tb, te;
  auto d = impl_->Find(u, &b, &e, &tb, &te);
  if (!d) return d;
  int32_t lo = tb >= 0 ? std::min(b, tb) : b;
  int32_t hi = te >= 0 ? std::max(e, te) : e;
  d->begin = Utf8(u.tempSubString(0, lo)).size();
  d->end = Utf8(u.tempSubString(0, hi)).size();
  return d;
}

std::optional<FoundDate> DatelineParser::ParseDatelineLine(std::string_view line, bool labeled) const {
  std::string key = FoldKey(line);
  if (key.empty() || key.size() > 400) return std::nullopt;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(key);
  int32_t b, e, tb, te;
  auto d = impl_->Find(u, &b, &e, &tb, &te);
  if (!d) return std::nullopt;
  // The remainder: the line without the date, the time and a leading label.
  icu::UnicodeString rest(u);
  auto blank = [&rest](int32_t from, int32_t to) {
    for (int32_t i = from; i < to; ++i) rest.setCharAt(i, u' ');
  };
  blank(b, e);
  if (tb >= 0) blank(tb, te);
  int32_t g[4];
  if (impl_->label_re->Find(rest, 0, g, 2)) {
    labeled = true;
    blank(g[0], g[1]);
  }
  std::string r = Utf8(rest);
  // A separator between a category or place and the date ("دمشق - ...",
  // "أخبار | ..."): without one, words next to a date are a headline or a
  // sentence ("ذكرى 21 آب 2013"), not a dateline.
  bool has_separator = false;
  for (size_t i = 0; i < r.size();) {
    int len = 1;
    char32_t c = utf8::Decode(r, i, &len);
    if (c == '|' || c == '-' || c == 0x060C || c == ',' || c == '/' || IsBulletChar(c)) {
      has_separator = true;
    }
    i += static_cast<size_t>(len);
  }
  // Leading bullet ("● أخبار سورية ...") marks a category line.
  bool bullet = false;
  {
    int len = 1;
    size_t i = 0;
    while (i < key.size() && key[i] == ' ') ++i;
    if (i < key.size()) bullet = IsBulletChar(utf8::Decode(key, i, &len));
  }
  int words = 0;
  bool digits = false;
  std::string token;
  auto flush = [&] {
    if (token.empty()) return;
    bool has_letter = false;
    for (size_t i = 0; i < token.size();) {
      int len = 1;
      char32_t c = utf8::Decode(token, i, &len);
      if (c >= '0' && c <= '9')
        digits = true;
      else if (IsAlnum(c))
        has_letter = true;
      i += static_cast<size_t>(len);
    }
    if (has_letter && !impl_->weekdays.count(token) && !impl_->filler.count(token)) ++words;
    token.clear();
  };
  for (size_t i = 0; i < r.size();) {
    int len = 1;
    char32_t c = utf8::Decode(r, i, &len);
    if (IsSeparatorChar(c) || IsBulletChar(c)) {
      flush();
    } else {
      token.append(r, i, static_cast<size_t>(len));
    }
    i += static_cast<size_t>(len);
  }
  flush();
  if (labeled) {
    if (words > 4) return std::nullopt;
  } else {
    if (digits || words > 3 || (words > 2 && !bullet)) return std::nullopt;
    if (words > 0 && !bullet && !has_separator) return std::nullopt;
  }
  d->begin = Utf8(u.tempSubString(0, tb >= 0 ? std::min(b, tb) : b)).size();
  d->end = Utf8(u.tempSubString(0, te >= 0 ? std::max(e, te) : e)).size();
  return d;
}

std::optional<FoundDate> DatelineParser::ParseMetadataDate(std::string_view text) const {
  std::string key = FoldKey(text);
  if (key.empty() || key.size() > 200) return std::nullopt;
  // ISO 8601 with "T": make the time visible to the time pattern.
  for (size_t i = 1; i + 1 < key.size(); ++i) {
    if (key[i] == 't' && key[i - 1] >= '0' && key[i - 1] <= '9' && key[i + 1] >= '0' && key[i + 1] <= '9') {
      key[i] = ' ';
    }
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(key);
  int32_t b, e, tb, te;
  if (auto d = impl_->Find(u, &b, &e, &tb, &te)) return d;
  // RFC 822 / RSS pubDate: "Sun, 19 Nov 2017 21:11:00 GMT" (month
  // abbreviations are part of that format, not a lexicon).
  static const char* kAbbrev[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  int day = 0, year = 0, hour = -1, minute = -1;
  char mon[4] = {0};
  const char* p = key.c_str();
  if (const char* comma = std::strchr(p, ',')) p = comma + 1;
  int consumed = 0;
  if (std::sscanf(p, " %2d %3c %4d%n", &day, mon, &year, &consumed) < 3) return std::nullopt;
  int month = 0;
  for (int i = 0; i < 12; ++i) {
    if (std::strncmp(mon, kAbbrev[i], 3) == 0) month = i + 1;
  }
  if (!ValidDate(year, month, day)) return std::nullopt;
  FoundDate d;
  d.year = year;
  d.month = month;
  d.day = day;
  if (std::sscanf(p + consumed, " %2d:%2d", &hour, &minute) == 2 && hour >= 0 && hour <= 23 && minute >= 0 &&
      minute <= 59) {
    d.hour = hour;
    d.minute = minute;
  }
  return d;
}

}  // namespace marsad::clean
