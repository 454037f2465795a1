// DatelineParser: reads the publication date of a page from its dateline
// lines ("تاريخ النشر : 2018March4 - 09:30", "● أخبار محلية ٢٢ يونيو ٢٠٢٠",
// "الأحد 19 تشرين الثاني 2017 | 09:30 م", "2017/11/19").
//
// Month names come from data/months.tsv (Levantine, Egyptian, Maghrebi and
// English names; gregorian rows only), weekday names from data/weekdays.tsv.
// Digits may be ASCII, Arabic-Indic or Persian. Forms recognized:
//   <day> [من] <month> [(<month>)] [،] [عام] <year>      19 تشرين الثاني 2017
//   <year><month><day> (compact, as some CMS print it)   2018March4
//   <month> <day>, <year>                                 November 19, 2017
//   <year>-<mm>-<dd>  (also / and .)                     2017-11-19
//   <dd>/<mm>/<yyyy>  (also - and ., day first)           19/11/2017
// optionally followed on the same line by a time "21:11" ["م" | "ص" | pm | am],
// which raises the precision to minutes.
//
// A line is a dateline only if, once the date, the time, weekday names and
// a leading label ("تاريخ النشر", "نشر في", "آخر تحديث", ...) are taken
// away, at most a short category remains ("● أخبار سورية"); a sentence that
// merely contains a date is not a dateline.
//
// Thread-safety: immutable after Load(); const methods are thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "marsad/common/status.h"
#include "marsad/document/document.h"

namespace marsad::clean {

struct FoundDate {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = -1;  // -1 when no time was found
  size_t begin = 0, end = 0;   // byte range of date (and time) in the folded key
  std::string Value() const;   // "2017-11-19" or "2017-11-19T21:11"
  Precision precision() const { return hour >= 0 ? Precision::kMinute : Precision::kDay; }
};

class DatelineParser {
 public:
  // Loads months.tsv and weekdays.tsv from `data_dir`.
  static StatusOr<std::shared_ptr<const DatelineParser>> Load(const std::string& data_dir);

  ~DatelineParser();
  DatelineParser(const DatelineParser&) = delete;
  DatelineParser& operator=(const DatelineParser&) = delete;

  // The first full date (day, month and year) in `text`, with a time if one
  // follows it on the line. Null if none.
  std::optional<FoundDate> FindDate(std::string_view text) const;

  // If `line` is a dateline, returns its date. `labeled` says the caller
  // already knows the line starts with a publication label (chrome.tsv rows
  // with reason "dateline"), which allows a longer remainder.
  std::optional<FoundDate> ParseDatelineLine(std::string_view line, bool labeled) const;

  // Parses a date given as metadata: ISO 8601 ("2017-11-19T21:11:00Z"),
  // the dateline forms above, or RFC 822 as in RSS ("Sun, 19 Nov 2017
  // 21:11:00 GMT"). The clock time is kept as written (no time-zone
  // conversion). Null if unparsable.
  std::optional<FoundDate> ParseMetadataDate(std::string_view text) const;

 private:
  DatelineParser();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace marsad::clean
