// DateExtractor: finds temporal expressions in Arabic text and normalizes
// them to TIMEX-like values, resolving relative ones against a reference
// date (usually the document's publication date).
//
//   auto ex = DateExtractor::Load(DataDir());          // once, at start-up
//   if (!ex.ok()) return ex.status();
//   std::vector<DateExpr> found = ex->Extract(body, CivilDate{2017, 11, 17});
//   // "الخميس الماضي" -> {value "2017-11-09", precision kDay, anchor "document"}
//
// What it recognizes (see docs/dates.md for the full list and the cases
// that are out of scope):
//   * day-month-year with Levantine, Egyptian/Gulf, Maghrebi and Hijri month
//     names; numeric dates (d/m/Y, Y/m/d, m/Y) in ASCII, Arabic-Indic and
//     Persian digits; years with عام/سنة and with era markers (م، هـ);
//   * weekdays, alone or with a date; clock times in digits or words
//     (الساعة 8 مساء، 21:11، الساعة الثامنة والنصف صباحا، منتصف الليل);
//   * relative days (اليوم، أمس، أمس الأول، غدا، بعد غد), relative weeks,
//     months and years (الأسبوع الماضي، مطلع الشهر الجاري، العام المقبل),
//     named months with a direction (حزيران الماضي);
//   * durations and ranges (خلال عشرة أيام، منذ ثلاث سنوات، الأيام الخمسة
//     الماضية، من 4 إلى 22 يناير، بين 2014 و2018), "ago" (قبل يومين);
//   * parts of a day (صباح اليوم، مساء أمس، الليلة الماضية) and sets (يوميا،
//     كل يومين، كل يوم جمعة).
//
// Values (DateExpr::value):
//   date      2017-11-16 | 2017-11 | 2017 | 2017-W46 | XXXX-05-31 (no year known)
//   time      T21:11
//   datetime  2017-11-19T21:11 | 2017-11-15TEV (a part of the day: MO AF EV NI)
//   duration  P10D | P3Y | PXD (an unspecified number of days)
//   range     (2017-11-09,2017-11-16,P7D)   start, end, length
//   set       P1D | P2W | XXXX-WXX-5 (every Friday)
// DateExpr::anchor: "absolute" (needs no reference), "document" (resolved
// against the reference), "unresolved" (relative, but no reference given:
// the value keeps X placeholders or is empty and resolved == false).
//
// Resolution policy for news (documented in docs/dates.md): a date without
// a year takes the year that puts it closest to the reference (ties go to
// the past); a bare weekday is the latest such day on or before the
// reference; "<weekday> الماضي" is the latest such day before the reference
// other than yesterday (news say "أمس الخميس" for yesterday);
// "<month> الماضي" is the latest such month before the reference month.
// Weeks are ISO-8601 weeks (Monday first), see docs/dates.md for why.
//
// Spans are BYTE offsets into `text`, half-open. The extractor works on the
// matching form (normalize/arabic_normalizer.h) and maps spans back through
// its alignment, so diacritics, tatweel, hamza variants and Arabic-Indic
// digits in `text` are all handled.
//
// Thread-safety: a loaded DateExtractor is immutable; Extract() is const and
// safe to call from many threads. Copies share the compiled lexicon.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/common/status.h"
#include "marsad/dates/civil_date.h"
#include "marsad/document/document.h"

namespace marsad {

// An extracted expression with the calendar fields it stated explicitly,
// for callers that reason about evidence (document-date inference).
struct DateMention {
  DateExpr expr;
  int year = 0;      // stated year (Gregorian; 0 = not stated)
  int month = 0;     // stated Gregorian month (0 = not stated)
  int day = 0;       // stated day of month (0 = not stated)
  int weekday = 0;   // stated weekday, ISO 1..7 (0 = not stated)
  bool hijri = false;       // stated in the Hijri calendar
  bool deictic_today = false;  // contains "اليوم"/today as the anchor day
  int relday = 0;           // day offset of a relative-day word (أمس = -1)
  bool has_relday = false;
};

class DateExtractor {
 public:
  // Loads data_dir/months.tsv, data_dir/weekdays.tsv, data_dir/time/lexicon.tsv
  // and data_dir/time/numbers.tsv. Fails with a one-line message naming the
  // file and line on I/O or format errors.
  static StatusOr<DateExtractor> Load(const std::string& data_dir);

  // All temporal expressions in `text`, in text order, non-overlapping.
  // `reference` resolves relative expressions; without it they come back
  // with anchor "unresolved" (and X placeholders where the value is
  // partially known). Never uses the current date.
  std::vector<DateExpr> Extract(std::string_view text,
                                const std::optional<CivilDate>& reference) const;

  // Same as Extract() with the explicitly stated fields of each expression.
  std::vector<DateMention> Analyze(std::string_view text,
                                   const std::optional<CivilDate>& reference) const;

  struct Lexicon;  // compiled data, defined in the .cc

 private:
  explicit DateExtractor(std::shared_ptr<const Lexicon> lex) : lex_(std::move(lex)) {}
  std::shared_ptr<const Lexicon> lex_;
};

}  // namespace marsad
