// CivilDate: a proleptic Gregorian calendar date, and the calendar arithmetic
// the date resolver needs. All arithmetic goes through ICU calendars
// (icu::GregorianCalendar with ISO-8601 week rules, and the Umm al-Qura
// Islamic calendar for Hijri dates); nothing here hand-codes month lengths
// or leap rules.
//
// Thread-safety: all functions are pure and thread-safe (each call builds
// its own ICU calendar object).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace marsad {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  bool operator==(const CivilDate&) const = default;
  auto operator<=>(const CivilDate&) const = default;
};

namespace civil {

// True if year/month/day names a real Gregorian date (years 1..9999).
bool IsValid(int year, int month, int day);

// "2017-11-16". Years are zero-padded to four digits.
std::string ToIso(const CivilDate& d);
// "2017-11". / "2017".
std::string ToIsoMonth(int year, int month);
std::string ToIsoYear(int year);
// "2017-W46" (ISO-8601 week-numbering year and week of `d`).
std::string ToIsoWeek(const CivilDate& d);

// Parses "YYYY-MM-DD" (a longer ISO timestamp is accepted and truncated).
std::optional<CivilDate> ParseIso(std::string_view s);

// The first day of a TIMEX-like value of the dates stage: "2017" (1 Jan),
// "2017-11" (1 Nov), "2017-11-16", "2017-11-16T21:11", "2017-W46" (its
// Monday), "(2017-11-07,2017-11-12,P5D)" (its start); nullopt otherwise
// (unresolved "XXXX-...", seasons "2017-SU", durations).
std::optional<CivilDate> StartOfTimex(std::string_view timex);

// ISO weekday, 1 = Monday ... 7 = Sunday.
int Weekday(const CivilDate& d);

CivilDate AddDays(const CivilDate& d, int days);
// Adds months/years; the day is clamped to the length of the target month
// (ICU semantics: Jan 31 + 1 month = Feb 28/29).
CivilDate AddMonths(const CivilDate& d, int months);
CivilDate AddYears(const CivilDate& d, int years);

// Whole days from `a` to `b` (b - a).
int DaysBetween(const CivilDate& a, const CivilDate& b);

// Monday of the ISO week containing `d`.
CivilDate WeekStart(const CivilDate& d);

// Number of days in the month.
int MonthLength(int year, int month);

// Hijri (Umm al-Qura) to Gregorian. Returns nullopt for an invalid Hijri
// date (e.g. day 30 of a 29-day month) or a year outside 1..2000 AH.
std::optional<CivilDate> FromHijri(int hyear, int hmonth, int hday);
// Length of a Hijri month in days (29 or 30), 0 if out of range.
int HijriMonthLength(int hyear, int hmonth);

}  // namespace civil
}  // namespace marsad
