#include "marsad/dates/civil_date.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <memory>

namespace marsad::civil {
namespace {

// A Gregorian calendar in GMT with ISO week rules, proleptic (no Julian
// switch) so that historical years stay in the Gregorian notation TIMEX uses.
// Building one is costly, so each thread keeps one prototype and hands out
// copies (cheap compared to construction with locale lookup).
std::unique_ptr<icu::GregorianCalendar> MakeGregorian() {
  thread_local std::unique_ptr<icu::GregorianCalendar> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto cal = std::make_unique<icu::GregorianCalendar>(
        icu::TimeZone::getGMT()->clone(), icu::Locale::getRoot(), status);
    if (U_FAILURE(status)) return std::unique_ptr<icu::GregorianCalendar>();
    cal->setGregorianChange(-1e300, status);  // proleptic
    cal->setFirstDayOfWeek(UCAL_MONDAY);
    cal->setMinimalDaysInFirstWeek(4);
    cal->setLenient(true);
    cal->clear();
    return cal;
  }();
  if (!prototype) return nullptr;
  std::unique_ptr<icu::GregorianCalendar> cal(prototype->clone());
  if (cal) cal->clear();
  return cal;
}

void Set(icu::Calendar& cal, const CivilDate& d) {
  cal.clear();
  cal.set(d.year, d.month - 1, d.day);
}

CivilDate Get(icu::Calendar& cal) {
  UErrorCode status = U_ZERO_ERROR;
  CivilDate d;
  int era = cal.get(UCAL_ERA, status);
  int year = cal.get(UCAL_YEAR, status);
  d.year = era == icu::GregorianCalendar::BC ? 1 - year : year;
  d.month = cal.get(UCAL_MONTH, status) + 1;
  d.day = cal.get(UCAL_DATE, status);
  return d;
}

CivilDate Add(const CivilDate& d, UCalendarDateFields field, int amount) {
  auto cal = MakeGregorian();
  if (!cal) return d;
  Set(*cal, d);
  UErrorCode status = U_ZERO_ERROR;
  cal->add(field, amount, status);
  if (U_FAILURE(status)) return d;
  return Get(*cal);
}

}  // namespace

bool IsValid(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= MonthLength(year, month);
}

int MonthLength(int year, int month) {
  auto cal = MakeGregorian();
  if (!cal || month < 1 || month > 12) return 0;
  cal->set(year, month - 1, 1);
  UErrorCode status = U_ZERO_ERROR;
  int n = cal->getActualMaximum(UCAL_DATE, status);
  return U_FAILURE(status) ? 0 : n;
}

std::string ToIso(const CivilDate& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string ToIsoMonth(int year, int month) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

std::string ToIsoYear(int year) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", year);
  return buf;
}

std::string ToIsoWeek(const CivilDate& d) {
  auto cal = MakeGregorian();
  if (!cal) return "";
  Set(*cal, d);
  UErrorCode status = U_ZERO_ERROR;
  int week = cal->get(UCAL_WEEK_OF_YEAR, status);
  int wyear = cal->get(UCAL_YEAR_WOY, status);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", wyear, week);
  return buf;
}

std::optional<CivilDate> ParseIso(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t pos, size_t len, int* out) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  CivilDate d;
  if (!num(0, 4, &d.year) || !num(5, 2, &d.month) || !num(8, 2, &d.day)) return std::nullopt;
  if (!IsValid(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

std::optional<CivilDate> StartOfTimex(std::string_view v) {
  if (!v.empty() && v.front() == '(') v.remove_prefix(1);
  auto num = [&](size_t pos, size_t len) {
    int x = 0;
    for (size_t k = pos; k < pos + len; ++k) {
      if (k >= v.size() || v[k] < '0' || v[k] > '9') return -1;
      x = x * 10 + (v[k] - '0');
    }
    return x;
  };
  const int year = num(0, 4);
  if (year < 1) return std::nullopt;
  if (v.size() >= 8 && v[4] == '-' && v[5] == 'W') {
    const int week = num(6, 2);
    if (week < 1) return std::nullopt;
    return AddDays(WeekStart(CivilDate{year, 1, 4}), (week - 1) * 7);
  }
  if (v.size() >= 10 && v[4] == '-' && v[7] == '-') return ParseIso(v.substr(0, 10));
  if (v.size() >= 7 && v[4] == '-') {
    const int month = num(5, 2);
    if (month < 1 || month > 12) return std::nullopt;
    return CivilDate{year, month, 1};
  }
  if (v.size() == 4 || (v.size() > 4 && v[4] != '-')) return CivilDate{year, 1, 1};
  return std::nullopt;
}

int Weekday(const CivilDate& d) {
  auto cal = MakeGregorian();
  if (!cal) return 0;
  Set(*cal, d);
  UErrorCode status = U_ZERO_ERROR;
  int w = cal->get(UCAL_DAY_OF_WEEK, status);  // 1 = Sunday
  return w == UCAL_SUNDAY ? 7 : w - 1;
}

CivilDate AddDays(const CivilDate& d, int days) { return Add(d, UCAL_DATE, days); }
CivilDate AddMonths(const CivilDate& d, int months) { return Add(d, UCAL_MONTH, months); }
CivilDate AddYears(const CivilDate& d, int years) { return Add(d, UCAL_YEAR, years); }

int DaysBetween(const CivilDate& a, const CivilDate& b) {
  auto cal = MakeGregorian();
  if (!cal) return 0;
  Set(*cal, b);
  UErrorCode status = U_ZERO_ERROR;
  UDate target = cal->getTime(status);
  Set(*cal, a);
  int diff = cal->fieldDifference(target, UCAL_DATE, status);
  return U_FAILURE(status) ? 0 : diff;
}

CivilDate WeekStart(const CivilDate& d) { return AddDays(d, 1 - Weekday(d)); }

namespace {
std::unique_ptr<icu::Calendar> MakeHijri() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(
      icu::TimeZone::getGMT()->clone(), icu::Locale("ar@calendar=islamic-umalqura"), status));
  if (U_FAILURE(status)) return nullptr;
  cal->setLenient(false);
  cal->clear();
  return cal;
}
}  // namespace

std::optional<CivilDate> FromHijri(int hyear, int hmonth, int hday) {
  if (hyear < 1 || hyear > 2000 || hmonth < 1 || hmonth > 12 || hday < 1 || hday > 30) {
    return std::nullopt;
  }
  if (hday > HijriMonthLength(hyear, hmonth)) return std::nullopt;
  auto hijri = MakeHijri();
  auto greg = MakeGregorian();
  if (!hijri || !greg) return std::nullopt;
  hijri->set(hyear, hmonth - 1, hday);
  UErrorCode status = U_ZERO_ERROR;
  UDate t = hijri->getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  greg->setTime(t, status);
  if (U_FAILURE(status)) return std::nullopt;
  return Get(*greg);
}

int HijriMonthLength(int hyear, int hmonth) {
  if (hyear < 1 || hyear > 2000 || hmonth < 1 || hmonth > 12) return 0;
  auto hijri = MakeHijri();
  if (!hijri) return 0;
  hijri->setLenient(true);
  hijri->set(hyear, hmonth - 1, 1);
  UErrorCode status = U_ZERO_ERROR;
  int n = hijri->getActualMaximum(UCAL_DATE, status);
  return U_FAILURE(status) ? 0 : n;
}

}  // namespace marsad::civil
