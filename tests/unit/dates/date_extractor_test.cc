// Behaviour of DateExtractor, one pattern class per test. Arabic literals
// carry a gloss. Case-by-case coverage of whole sentences is in
// tests/golden/dates/.
#include "marsad/dates/date_extractor.h"

#include <gtest/gtest.h>

#include <thread>

namespace marsad {
namespace {

class DateExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto ex = DateExtractor::Load(std::string(MARSAD_SOURCE_DIR) + "/data");
    ASSERT_TRUE(ex.ok()) << ex.status().ToString();
    ex_ = new DateExtractor(std::move(ex).value());
  }
  static void TearDownTestSuite() {
    delete ex_;
    ex_ = nullptr;
  }
  // The single expression found in `text`, or a failing test.
  static DateExpr One(const std::string& text, std::optional<CivilDate> ref = std::nullopt) {
    auto v = ex_->Extract(text, ref);
    EXPECT_EQ(v.size(), 1u) << text;
    return v.empty() ? DateExpr{} : v[0];
  }
  static DateExtractor* ex_;
};
DateExtractor* DateExtractorTest::ex_ = nullptr;

constexpr CivilDate kFri17Nov2017{2017, 11, 17};

TEST(DateExtractorLoad, MissingDataDirIsAnError) {
  auto ex = DateExtractor::Load("/nonexistent-marsad-data");
  EXPECT_FALSE(ex.ok());
}

TEST_F(DateExtractorTest, EmptyAndDegenerateInputs) {
  EXPECT_TRUE(ex_->Extract("", kFri17Nov2017).empty());
  EXPECT_TRUE(ex_->Extract("   \n\t ", kFri17Nov2017).empty());
  EXPECT_TRUE(ex_->Extract("ـــــ", kFri17Nov2017).empty());       // tatweel only
  EXPECT_TRUE(ex_->Extract("َُِّْ", kFri17Nov2017).empty());  // diacritics only
  EXPECT_TRUE(ex_->Extract("12345 678", kFri17Nov2017).empty());
  EXPECT_TRUE(ex_->Extract("\xff\xfe\xd8", kFri17Nov2017).empty());  // invalid UTF-8
}

TEST_F(DateExtractorTest, EndOfTheCurrentWeekIsTheRestOfIt) {
  // "تنتهي المهلة نهاية الأسبوع الحالي" = the deadline ends at the end of the
  // current week; on Friday 17 Nov 2017 that lies in 17..19 Nov.
  DateExpr d = One("تنتهي المهلة نهاية الأسبوع الحالي", kFri17Nov2017);
  EXPECT_EQ(d.text, "نهاية الأسبوع الحالي");
  EXPECT_EQ(d.value, "(2017-11-17,2017-11-19,P2D)");
  EXPECT_EQ(d.kind, "range");
  EXPECT_EQ(d.precision, Precision::kWeek);
  // "مطلع الأسبوع الحالي" (the start of the current week) keeps the week.
  EXPECT_EQ(One("بدأت المهلة مطلع الأسبوع الحالي", kFri17Nov2017).value, "2017-W46");
  // "نهاية الأسبوع المقبل" (the end of next week) keeps the week label.
  EXPECT_EQ(One("تنتهي المهلة نهاية الأسبوع المقبل", kFri17Nov2017).value, "2017-W47");
  // Without a reference it stays unresolved.
  EXPECT_FALSE(One("تنتهي المهلة نهاية الأسبوع الحالي").resolved);
}

TEST_F(DateExtractorTest, TheSameDayIsNotToday) {
  // "وزار الوزير أنقرة في اليوم نفسه" = the minister visited Ankara the same
  // day (as something told before): not the document's day.
  for (const char* s : {"وزار الوزير أنقرة في اليوم نفسه", "وزار الوزير أنقرة في اليوم ذاته"}) {
    for (const auto& d : ex_->Extract(s, kFri17Nov2017)) EXPECT_NE(d.value, "2017-11-17") << s;
  }
  // "اليوم" alone still is.
  EXPECT_EQ(One("وزار الوزير أنقرة اليوم", kFri17Nov2017).value, "2017-11-17");
}

TEST_F(DateExtractorTest, YearAfterAnEventNoun) {
  // "بعد حرب 1973 التي ..." = after the 1973 war, which ...
  DateExpr d = One("وقع الاتفاق بعد حرب 1973 التي غيرت المنطقة");
  EXPECT_EQ(d.text, "1973");
  EXPECT_EQ(d.value, "1973");
  EXPECT_EQ(d.precision, Precision::kYear);
  // "موازنة 2019 الجديدة" = the new 2019 budget (a definite adjective follows)
  EXPECT_EQ(One("ناقش البرلمان موازنة 2019 الجديدة").value, "2019");
  // A count before a counted noun: "أزمة 1500 نازح" = the crisis of 1500
  // displaced people; a number with a unit: "حرب 1000 يوم" = a 1000-day war.
  EXPECT_TRUE(ex_->Extract("تفاقمت أزمة 1500 نازح في المخيم", std::nullopt).empty());
  for (const auto& e : ex_->Extract("انتهت حرب 1000 يوم", std::nullopt)) EXPECT_NE(e.value, "1000");
  // A noun not in the list: "القرار 2254" (resolution 2254) is no year.
  EXPECT_TRUE(ex_->Extract("طالب بتطبيق القرار 2254 كاملا", std::nullopt).empty());
}

TEST_F(DateExtractorTest, OrdinalAfterAWeekdayCountingASeriesIsNoNthWeekday) {
  // "الجمعة الثانية عشرة للاحتجاجات" = the twelfth Friday of the protests:
  // the weekday alone (the latest Friday), not the second Friday of the month.
  DateExpr d = One("تظاهر الآلاف في الجمعة الثانية عشرة للاحتجاجات", kFri17Nov2017);
  EXPECT_EQ(d.text, "الجمعة");
  EXPECT_EQ(d.value, "2017-11-17");
  // "الجمعة الثالثة من الحراك" = the third Friday of the movement
  EXPECT_EQ(One("دعا إلى التظاهر في الجمعة الثالثة من الحراك", kFri17Nov2017).text, "الجمعة");
  // "الخميس الثاني" alone = the second Thursday of the month (9 Nov 2017).
  EXPECT_EQ(One("يجتمع المجلس الخميس الثاني", kFri17Nov2017).value, "2017-11-09");
  // "الخميس الخامس": November 2017 has five Thursdays (30 Nov).
  EXPECT_EQ(One("يجتمع المجلس الخميس الخامس", kFri17Nov2017).value, "2017-11-30");
  // "الأحد الخامس": it has four Sundays; the text is kept without a value.
  DateExpr none = One("يجتمع المجلس الأحد الخامس", kFri17Nov2017);
  EXPECT_EQ(none.text, "الأحد الخامس");
  EXPECT_FALSE(none.resolved);
}

TEST_F(DateExtractorTest, LevantineMonthDayYear) {
  // "16 تشرين الثاني 2017" = 16 November 2017
  DateExpr d = One("في 16 تشرين الثاني 2017 وصل");
  EXPECT_EQ(d.value, "2017-11-16");
  EXPECT_EQ(d.text, "16 تشرين الثاني 2017");
  EXPECT_EQ(d.anchor, "absolute");
  EXPECT_EQ(d.precision, Precision::kDay);
  EXPECT_TRUE(d.resolved);
}

TEST_F(DateExtractorTest, BrokenLamAlefAndHamzaVariantsStillMatch) {
  // "4 تشرين األول 2017": October written with a broken lam-alef order.
  EXPECT_EQ(One("صورة - 4 تشرين األول 2017").value, "2017-10-04");
  // "15 ايار 2019" without hamza = 15 May 2019
  EXPECT_EQ(One("في 15 ايار 2019").value, "2019-05-15");
}

TEST_F(DateExtractorTest, ArabicIndicDigitsAndEgyptianMonths) {
  // "٧ نوفمبر ٢٠١٧" = 7 November 2017
  DateExpr d = One("أخبار ٧ نوفمبر ٢٠١٧");
  EXPECT_EQ(d.value, "2017-11-07");
  EXPECT_EQ(d.text, "٧ نوفمبر ٢٠١٧");
}

TEST_F(DateExtractorTest, DiacriticsInsideTheExpressionStayInTheSpan) {
  // "غداً" = tomorrow, with tanwin
  DateExpr d = One("نلتقي غداً", kFri17Nov2017);
  EXPECT_EQ(d.text, "غداً");
  EXPECT_EQ(d.value, "2017-11-18");
}

TEST_F(DateExtractorTest, NoYearResolvesToTheClosestYearOrStaysUnresolved) {
  // "2 أكتوبر" = 2 October
  EXPECT_EQ(One("في 2 أكتوبر", CivilDate{2016, 11, 7}).value, "2016-10-02");
  EXPECT_EQ(One("في 2 يناير", CivilDate{2016, 11, 7}).value, "2017-01-02");
  DateExpr d = One("في 2 أكتوبر");
  EXPECT_EQ(d.value, "XXXX-10-02");
  EXPECT_EQ(d.anchor, "unresolved");
  EXPECT_FALSE(d.resolved);
}

TEST_F(DateExtractorTest, RelativeDays) {
  // اليوم today, أمس yesterday, أمس الأول the day before, غدا tomorrow, بعد غد after tomorrow
  EXPECT_EQ(One("اليوم", kFri17Nov2017).value, "2017-11-17");
  EXPECT_EQ(One("وقال أمس", kFri17Nov2017).value, "2017-11-16");
  EXPECT_EQ(One("أمس الأول", kFri17Nov2017).value, "2017-11-15");
  EXPECT_EQ(One("غدا", kFri17Nov2017).value, "2017-11-18");
  EXPECT_EQ(One("بعد غد", kFri17Nov2017).value, "2017-11-19");
  // "بالأمس" = yesterday with the preposition ب, which is not in the span
  DateExpr d = One("بالأمس", kFri17Nov2017);
  EXPECT_EQ(d.value, "2017-11-16");
  EXPECT_EQ(d.text, "الأمس");
}

TEST_F(DateExtractorTest, RelativeWithoutReferenceIsUnresolvedNeverToday) {
  DateExpr d = One("اليوم");
  EXPECT_FALSE(d.resolved);
  EXPECT_EQ(d.anchor, "unresolved");
  EXPECT_EQ(d.value, "");
}

TEST_F(DateExtractorTest, Weekdays) {
  // "الخميس" Thursday alone = latest Thursday on or before the reference
  EXPECT_EQ(One("الخميس", kFri17Nov2017).value, "2017-11-16");
  // "الخميس الماضي" last Thursday: the latest Thursday before the reference,
  // skipping yesterday (which news call "أمس الخميس")
  EXPECT_EQ(One("الخميس الماضي", kFri17Nov2017).value, "2017-11-09");
  EXPECT_EQ(One("الخميس الماضي", CivilDate{2017, 11, 11}).value, "2017-11-09");
  EXPECT_EQ(One("الاثنين الماضي", CivilDate{2017, 11, 15}).value, "2017-11-13");
  // "الأحد المقبل" next Sunday: the next Sunday after the reference, skipping tomorrow
  EXPECT_EQ(One("الأحد المقبل", kFri17Nov2017).value, "2017-11-19");
  EXPECT_EQ(One("السبت المقبل", kFri17Nov2017).value, "2017-11-25");
  // "الجمعة من الأسبوع المقبل" = Friday of next week (ISO)
  EXPECT_EQ(One("الجمعة من الأسبوع المقبل", kFri17Nov2017).value, "2017-11-24");
  // "يوم الجمعة" = on Friday: "يوم" is in the span
  EXPECT_EQ(One("يوم الجمعة", kFri17Nov2017).text, "يوم الجمعة");
  EXPECT_EQ(One("الخميس").value, "XXXX-WXX-4");
}

TEST_F(DateExtractorTest, WeekdayWithDayOfMonth) {
  // "الخميس 21" = Thursday the 21st, month taken from the reference
  EXPECT_EQ(One("عدت يوم الخميس 21", CivilDate{2017, 9, 27}).value, "2017-09-21");
}

TEST_F(DateExtractorTest, RelativeWeeksMonthsYears) {
  // مطلع الأسبوع الجاري early this week; الشهر الماضي last month; العام المقبل next year
  EXPECT_EQ(One("مطلع الأسبوع الجاري", kFri17Nov2017).value, "2017-W46");
  EXPECT_EQ(One("الأسبوع الماضي", kFri17Nov2017).value, "2017-W45");
  EXPECT_EQ(One("الشهر الماضي", kFri17Nov2017).value, "2017-10");
  EXPECT_EQ(One("مطلع الشهر", kFri17Nov2017).value, "2017-11");
  EXPECT_EQ(One("العام الماضي", kFri17Nov2017).value, "2016");
  EXPECT_EQ(One("السنة المقبلة", kFri17Nov2017).value, "2018");
  EXPECT_EQ(One("هذا العام", kFri17Nov2017).value, "2017");
  // A bare "الشهر" (the month) is not a date.
  EXPECT_TRUE(ex_->Extract("الشهر", kFri17Nov2017).empty());
}

TEST_F(DateExtractorTest, NamedMonthWithDirection) {
  // "في حزيران الماضي" = last June
  EXPECT_EQ(One("في حزيران الماضي", kFri17Nov2017).value, "2017-06");
  // "كانون الأول المقبل" = next December
  EXPECT_EQ(One("في كانون الأول المقبل", kFri17Nov2017).value, "2017-12");
  // "تشرين الثاني الماضي" said in November = November of last year
  EXPECT_EQ(One("في تشرين الثاني الماضي", kFri17Nov2017).value, "2016-11");
}

TEST_F(DateExtractorTest, HijriDatesConvertThroughIcu) {
  // "1 رمضان 1439 هـ" = 1 Ramadan 1439 AH
  DateExpr d = One("في 1 رمضان 1439 هـ");
  EXPECT_EQ(d.value, "2018-05-16");  // ICU Umm al-Qura tables
  EXPECT_EQ(d.anchor, "absolute");
  // Hijri day and month without a year: not guessed.
  EXPECT_FALSE(One("في 1 رمضان", kFri17Nov2017).resolved);
}

TEST_F(DateExtractorTest, Years) {
  // "عام 2017" = the year 2017
  EXPECT_EQ(One("في عام 2017 انتهت").value, "2017");
  // "سنة ( 1935 ) م" = the year (1935) AD
  EXPECT_EQ(One("سنة ( 1935 ) م").value, "1935");
  // A count of fighters is not a year.
  EXPECT_TRUE(ex_->Extract("ولديه 2000 مقاتل", kFri17Nov2017).empty());
}

TEST_F(DateExtractorTest, NumericDates) {
  EXPECT_EQ(One("بتاريخ 29/12/2011").value, "2011-12-29");
  EXPECT_EQ(One("بتاريخ ( 29 / 12 / 2011 )").value, "2011-12-29");
  EXPECT_EQ(One("في 2016/02/22").value, "2016-02-22");
  EXPECT_EQ(One("في 21-04-2016").value, "2016-04-21");
  EXPECT_EQ(One("في 3/2015").value, "2015-03");
  // Scores, decimals and percentages are not dates.
  EXPECT_TRUE(ex_->Extract("فاز 2-1 بنسبة 4.5 و 3/4", kFri17Nov2017).empty());
}

TEST_F(DateExtractorTest, Times) {
  // "الساعة 8 مساءً" = at 8 pm
  EXPECT_EQ(One("في الساعة 8 مساءً").value, "T20:00");
  EXPECT_EQ(One("عند 21:11").value, "T21:11");
  // date + time
  DateExpr d = One("2017November19 - 21:11");
  EXPECT_EQ(d.value, "2017-11-19T21:11");
  EXPECT_EQ(d.kind, "datetime");
  EXPECT_EQ(d.precision, Precision::kMinute);
}

TEST_F(DateExtractorTest, ClockTimesInWords) {
  // "الساعة الثامنة مساءً" = at eight in the evening
  EXPECT_EQ(One("في الساعة الثامنة مساءً").value, "T20:00");
  // "الساعة الثامنة والنصف صباحا" = at half past eight in the morning
  EXPECT_EQ(One("الساعة الثامنة والنصف صباحا").value, "T08:30");
  // "التاسعة إلا ربعا مساء" = a quarter to nine in the evening (after "في")
  EXPECT_EQ(One("في التاسعة إلا ربعا مساء").value, "T20:45");
  // "عند منتصف الليل" = at midnight; "عند الظهيرة" = at noon
  EXPECT_EQ(One("عند منتصف الليل").value, "T00:00");
  EXPECT_EQ(One("عند الظهيرة").value, "T12:00");
  // "الساعة العاشرة من صباح يوم الأحد" = at ten on Sunday morning
  DateExpr d = One("الساعة العاشرة من صباح يوم الأحد", kFri17Nov2017);
  EXPECT_EQ(d.value, "2017-11-12T10:00");
  EXPECT_EQ(d.kind, "datetime");
  EXPECT_EQ(d.anchor, "document");
  // "في السابعة مساء أمس" = at seven yesterday evening
  EXPECT_EQ(One("وصلوا في السابعة مساء أمس", kFri17Nov2017).value, "2017-11-16T19:00");
}

TEST_F(DateExtractorTest, OrdinalsThatAreNotClockTimes) {
  // "الجولة السابعة مساء" = the seventh round, in the evening: no preposition
  // before the ordinal, so it is not a clock time.
  EXPECT_TRUE(ex_->Extract("انطلقت الجولة السابعة مساء", std::nullopt).empty());
  // "في السابعة" alone (no day part) = "in the seventh": not a time.
  EXPECT_TRUE(ex_->Extract("حل في السابعة", std::nullopt).empty());
  // "منتصف ليل الجمعة": the midnight of "ليلة الجمعة" is ambiguous, so only
  // the weekday is read.
  auto v = ex_->Extract("منتصف ليل الجمعة", kFri17Nov2017);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].text, "الجمعة");
}

TEST_F(DateExtractorTest, WeeksOfAMonthOrYear) {
  const CivilDate ref{2016, 11, 7};
  // "الأسبوع الأخير من يوليو" = the last week of July (starts on its last Monday, the 25th)
  EXPECT_EQ(One("الأسبوع الأخير من يوليو", ref).value, "2016-07-W04");
  // "الأسبوع الأول من تشرين الأول" = the first week of October
  EXPECT_EQ(One("الأسبوع الأول من تشرين الأول", ref).value, "2016-10-W01");
  // "الأسبوع الأخير من عام 2015" = the last (ISO) week of 2015, W53
  DateExpr d = One("الأسبوع الأخير من عام 2015", ref);
  EXPECT_EQ(d.value, "2015-12-W53");
  EXPECT_EQ(d.anchor, "absolute");
  // Without a reference the year stays open.
  EXPECT_EQ(One("الأسبوع الثاني من أيار").value, "XXXX-05-W02");
}

TEST_F(DateExtractorTest, WeeksAreIsoWeeks) {
  // Decision (docs/dates.md): week values are ISO-8601 weeks (Monday first).
  // "الأسبوع الماضي" = last week, on Wednesday 15 Nov 2017: 6..12 Nov.
  EXPECT_EQ(One("الأسبوع الماضي", CivilDate{2017, 11, 15}).value, "2017-W45");
  // On Sunday 19 Nov 2017 "الأسبوع الجاري" (this week) is the ISO week
  // ending that day, 13..19 Nov.
  EXPECT_EQ(One("الأسبوع الجاري", CivilDate{2017, 11, 19}).value, "2017-W46");
  // "بقية الأسبوع" = the rest of the week, to the ISO Sunday.
  EXPECT_EQ(One("بقية الأسبوع", CivilDate{2017, 11, 15}).value,
            "(2017-11-15,2017-11-19,P4D)");
}

TEST_F(DateExtractorTest, MonthWithADayRangeOrATrailingDay) {
  const CivilDate ref{2016, 11, 7};
  // "شهر آذار بين 3 و 5" = in March, between the 3rd and the 5th
  EXPECT_EQ(One("في شهر آذار بين 3 و 5", ref).value, "(2017-03-03,2017-03-05,P2D)");
  // "شهر أيلول 16." = September 16, at the end of a clause
  EXPECT_EQ(One("في شهر أيلول 16.", ref).value, "2016-09-16");
  // "شهر أيلول 16 قتيلا" = 16 killed in September: a count, not a day
  EXPECT_EQ(One("سقط في شهر أيلول 16 قتيلا", ref).value, "2016-09");
}

TEST_F(DateExtractorTest, DayMonthWithDashOrDotNeedsACueAndAClauseEnd) {
  const CivilDate ref{2016, 11, 7};
  // "سأعود في 22-4" = I will be back on 22 April
  EXPECT_EQ(One("سأعود في 22-4", ref).value, "2017-04-22");
  EXPECT_EQ(One("سأعود في 4.22", ref).value, "2017-04-22");
  // A score and a decimal are not dates.
  EXPECT_TRUE(ex_->Extract("فاز في 22-4 على خصمه", ref).empty());  // won 22-4 against
  EXPECT_TRUE(ex_->Extract("ارتفع في 4.22%", ref).empty());        // rose by 4.22%
  EXPECT_TRUE(ex_->Extract("انتهت المباراة 22-4", ref).empty());   // the match ended 22-4
}

TEST_F(DateExtractorTest, SinceAYearIsTheYearNotOneYear) {
  // "منذ عام 2011" = since 2011 (not "for a year" followed by a number)
  DateExpr d = One("منذ عام 2011", kFri17Nov2017);
  EXPECT_EQ(d.value, "2011");
  EXPECT_EQ(d.text, "عام 2011");
  // "منذ عام" alone = for a year / a year ago
  EXPECT_EQ(One("منذ عام", kFri17Nov2017).value, "(2016-11-17,2017-11-17,P1Y)");
}

TEST_F(DateExtractorTest, LastUnitsOfSomethingElseAreNotRelative) {
  // "في آخر يوم من المفاوضات" = on the last day of the talks: not the day
  // before the reference.
  EXPECT_TRUE(ex_->Extract("في آخر يوم من المفاوضات", kFri17Nov2017).empty());
  // "خلال آخر يومين" = during the last two days: a period ending at the reference.
  EXPECT_EQ(One("خلال آخر يومين", kFri17Nov2017).value, "(2017-11-15,2017-11-17,P2D)");
}

TEST_F(DateExtractorTest, SeasonsAndDecadesInWords) {
  // "خلال الصيف" = during the summer: a season without a year
  DateExpr d = One("خلال الصيف", kFri17Nov2017);
  EXPECT_EQ(d.value, "SU");
  EXPECT_FALSE(d.resolved);
  // "الربيع العربي" = the Arab Spring: not a season
  EXPECT_TRUE(ex_->Extract("الربيع العربي", kFri17Nov2017).empty());
  // "في الألفين" = in the 2000s
  EXPECT_EQ(One("في الألفين").value, "(2000-01-01,2010-01-01,P10Y)");
}

TEST_F(DateExtractorTest, Durations) {
  // "خلال عشرة أيام" = within ten days
  DateExpr d = One("خلال عشرة أيام", kFri17Nov2017);
  EXPECT_EQ(d.value, "P10D");
  EXPECT_EQ(d.kind, "duration");
  // "12 عاما" = 12 years; "لمدة يومين" = for two days
  EXPECT_EQ(One("12 عاما").value, "P12Y");
  EXPECT_EQ(One("لمدة يومين").value, "P2D");
  // "الأيام الماضية" = the past days, an unspecified number
  EXPECT_EQ(One("طيلة الأيام الماضية", kFri17Nov2017).value, "PXD");
  // "أول يوم" = the first day: an ordinal is not a count
  for (const auto& x : ex_->Extract("أول يوم", kFri17Nov2017)) EXPECT_NE(x.value, "P1D");
}

TEST_F(DateExtractorTest, SinceAndAgo) {
  // "منذ ثلاث سنوات" = since three years: a period ending at the reference
  DateExpr d = One("منذ ثلاث سنوات", kFri17Nov2017);
  EXPECT_EQ(d.value, "(2014-11-17,2017-11-17,P3Y)");
  EXPECT_EQ(d.kind, "range");
  // "قبل يومين" = two days ago
  EXPECT_EQ(One("قبل يومين", kFri17Nov2017).value, "2017-11-15");
  // "قبل أيام" = days ago: a vague count, week precision
  DateExpr v = One("قبل أيام", kFri17Nov2017);
  EXPECT_EQ(v.precision, Precision::kWeek);
  // "بعد أيام من ..." = days after (another event): not anchored to the document
  EXPECT_TRUE(ex_->Extract("بعد أيام من استعادة", kFri17Nov2017).empty());
}

TEST_F(DateExtractorTest, Ranges) {
  // "من 6 إلى 18 آذار 2019" = from 6 to 18 March 2019
  EXPECT_EQ(One("من 6 إلى 18 آذار 2019").value, "(2019-03-06,2019-03-18,P12D)");
  // "بين 2014 و2018" = between 2014 and 2018
  EXPECT_EQ(One("بين 2014 و2018").value, "(2014-01-01,2018-01-01,P4Y)");
  // "19-20 نوفمبر" = 19-20 November
  EXPECT_EQ(One("19-20 نوفمبر", CivilDate{2016, 11, 7}).value, "(2016-11-19,2016-11-20,P1D)");
}

TEST_F(DateExtractorTest, PartOfDayBeforeADay) {
  // "مساء أمس" = yesterday evening
  DateExpr d = One("وقعت الاشتباكات مساء أمس", kFri17Nov2017);
  EXPECT_EQ(d.text, "مساء أمس");
  EXPECT_EQ(d.value, "2017-11-16TEV");
  EXPECT_EQ(d.kind, "datetime");
  EXPECT_EQ(d.precision, Precision::kDay);
  // Without a reference the day part is kept but the value is unknown.
  DateExpr u = One("وقعت الاشتباكات مساء أمس");
  EXPECT_EQ(u.text, "مساء أمس");
  EXPECT_EQ(u.anchor, "unresolved");
  EXPECT_FALSE(u.resolved);
  // "وصباح الجمعة" = and on Friday morning (the conjunction stays outside).
  DateExpr c = One("انسحبوا وصباح الجمعة عادوا", kFri17Nov2017);
  EXPECT_EQ(c.text, "صباح الجمعة");
  EXPECT_EQ(c.value, "2017-11-17TMO");
}

TEST_F(DateExtractorTest, PartOfDayAfterTheDay) {
  // "أمس مساءً" = yesterday evening; "الخميس ليلا" = on Thursday night.
  EXPECT_EQ(One("وصل الوفد أمس مساءً", kFri17Nov2017).value, "2017-11-16TEV");
  EXPECT_EQ(One("قصفت الطائرات الخميس ليلا", kFri17Nov2017).value, "2017-11-16TNI");
  // "اليوم صباحا الساعة 9" = this morning at 9.
  EXPECT_EQ(One("بدأ الهجوم اليوم صباحا الساعة 9", kFri17Nov2017).value, "2017-11-17T09:00");
}

TEST_F(DateExtractorTest, PartOfDayWithAClockTime) {
  // "الليلة الساعة العاشرة" = tonight at ten: 22:00
  DateExpr d = One("يبدأ حظر التجول الليلة الساعة العاشرة", kFri17Nov2017);
  EXPECT_EQ(d.value, "2017-11-17T22:00");
  EXPECT_EQ(d.precision, Precision::kMinute);
  // "فجر أمس حوالي الساعة الرابعة" = at dawn yesterday at about four;
  // "مساء أمس في السابعة" = yesterday evening at seven.
  EXPECT_EQ(One("بدأ الهجوم فجر أمس حوالي الساعة الرابعة", kFri17Nov2017).value,
            "2017-11-16T04:00");
  EXPECT_EQ(One("وصل الوفد مساء أمس في السابعة", kFri17Nov2017).value, "2017-11-16T19:00");
  // "صباح اليوم في 7 مناطق" = this morning in 7 areas: no clock time.
  EXPECT_EQ(One("سقطت قذائف صباح اليوم في 7 مناطق", kFri17Nov2017).value, "2017-11-17TMO");
  // "صباح اليوم الساعة 8 مساء" (this morning at 8 pm) contradicts itself:
  // the clock time is not merged into the morning.
  auto v = ex_->Extract("صباح اليوم الساعة 8 مساء", kFri17Nov2017);
  ASSERT_FALSE(v.empty());
  EXPECT_EQ(v[0].text, "صباح اليوم");
  EXPECT_EQ(v[0].value, "2017-11-17TMO");
}

TEST_F(DateExtractorTest, NightsThatAreNotTonight) {
  // "الليلة الأولى" (the first night), "طوال الليلة" (all night long),
  // "الليلة التي" (the night when) are narrative, not the reference night.
  EXPECT_TRUE(ex_->Extract("في الليلة الأولى من الحصار", kFri17Nov2017).empty());
  EXPECT_TRUE(ex_->Extract("استمر القصف طوال الليلة", kFri17Nov2017).empty());
  EXPECT_TRUE(ex_->Extract("الليلة التي سقطت فيها المدينة", kFri17Nov2017).empty());
}

TEST_F(DateExtractorTest, EveryNUnitsAndEveryWeekday) {
  // "كل ساعتين" = every two hours, "كل 5 سنوات" = every 5 years
  EXPECT_EQ(One("تجري الانتخابات كل 5 سنوات").value, "P5Y");
  EXPECT_EQ(One("يطلق صافرة الإنذار كل ساعتين").value, "PT2H");
  // "كل يوم اثنين" = every Monday; "كل اثنين" alone ("every two") is not.
  EXPECT_EQ(One("يجتمعون كل يوم اثنين").value, "XXXX-WXX-1");
  EXPECT_TRUE(ex_->Extract("وزعت الخبز على كل اثنين من السكان", std::nullopt).empty());
  // "كل يوم أحد المدنيين" = every day one of the civilians: a daily set only.
  EXPECT_EQ(One("يقتل كل يوم أحد المدنيين").value, "P1D");
}

TEST_F(DateExtractorTest, PossessiveUnitOnlyAfterARestWord) {
  // "باقي شهري" = the rest of my month; "راتب شهري" = a monthly salary.
  DateExpr d = One("سأبقى هنا باقي شهري", kFri17Nov2017);
  EXPECT_EQ(d.value, "(2017-11-17,2017-11-30,P13D)");
  EXPECT_TRUE(ex_->Extract("يتقاضى راتب شهري ثابت", kFri17Nov2017).empty());
}

TEST_F(DateExtractorTest, YearInParenthesesStillStartsAnExpression) {
  // Punctuation other than "(" starts nothing; "( 1948 )" is still a year.
  DateExpr d = One("ولد في القدس ( 1948 ) وهاجر", kFri17Nov2017);
  EXPECT_EQ(d.value, "1948");
  EXPECT_TRUE(ex_->Extract("، . ! ؟ : ; - / ) «»", kFri17Nov2017).empty());
}

TEST_F(DateExtractorTest, ClockMinutesWithTheMinuteUnit) {
  // "الساعة السابعة وخمس وعشرين دقيقة مساء" = 7:25 pm; "الساعة 9 و 15 دقيقة" = 9:15
  EXPECT_EQ(One("بدأ القصف الساعة السابعة وخمس وعشرين دقيقة مساء").value, "T19:25");
  EXPECT_EQ(One("انطلقت القافلة الساعة 9 و 15 دقيقة").value, "T09:15");
  // Without the minute unit, "الثامنة وعشرين" is not a clock time.
  EXPECT_TRUE(ex_->Extract("الساعة الثامنة وعشرين", std::nullopt).empty());
}

TEST_F(DateExtractorTest, NumberBeforeADefiniteSingularUnitIsNotACount) {
  // "قتل عشرة الأسبوع الماضي" = ten were killed last week: not "ten weeks".
  DateExpr d = One("قتل عشرة الأسبوع الماضي", kFri17Nov2017);
  EXPECT_EQ(d.text, "الأسبوع الماضي");
  EXPECT_EQ(d.value, "2017-W45");
  // "طائرة 737 اليوم" = a 737 plane today: not "737 days".
  DateExpr t = One("هبطت طائرة 737 اليوم في المطار", kFri17Nov2017);
  EXPECT_EQ(t.text, "اليوم");
}

TEST_F(DateExtractorTest, SpansAreBytesIntoTheInputAndOrdered) {
  std::string text = "قال أمس إن الهجوم بدأ الخميس الماضي في 16 تشرين الثاني 2017";
  auto v = ex_->Extract(text, kFri17Nov2017);
  ASSERT_EQ(v.size(), 3u);
  int32_t last = 0;
  for (const auto& d : v) {
    EXPECT_LE(last, d.span.start);
    EXPECT_LT(d.span.start, d.span.end);
    EXPECT_LE(d.span.end, static_cast<int32_t>(text.size()));
    EXPECT_EQ(text.substr(d.span.start, d.span.end - d.span.start), d.text);
    last = d.span.end;
  }
}

TEST_F(DateExtractorTest, ConcurrentExtractionIsSafe) {
  std::string text = "اليوم الخميس 16 تشرين الثاني 2017 وقبل يومين";
  auto expected = ex_->Extract(text, kFri17Nov2017);
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        auto got = ex_->Extract(text, kFri17Nov2017);
        if (got.size() != expected.size() || got[0].value != expected[0].value) ++mismatches;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace marsad
