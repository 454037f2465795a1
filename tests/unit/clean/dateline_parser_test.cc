#include "marsad/clean/dateline_parser.h"

#include <gtest/gtest.h>

#include "unit/clean/test_data.h"

namespace marsad::clean {
namespace {

class DatelineParserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto p = DatelineParser::Load(test_data::DataDir());
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    parser_ = new std::shared_ptr<const DatelineParser>(*p);
  }
  static std::string Line(const std::string& s, bool labeled = false) {
    auto d = (*parser_)->ParseDatelineLine(s, labeled);
    return d ? d->Value() : "none";
  }
  static std::shared_ptr<const DatelineParser>* parser_;
};
std::shared_ptr<const DatelineParser>* DatelineParserTest::parser_ = nullptr;

TEST_F(DatelineParserTest, EmptyAndNoDate) {
  EXPECT_EQ(Line(""), "none");
  EXPECT_EQ(Line("   "), "none");
  EXPECT_EQ(Line("الأحد"), "none");  // "Sunday" without a date
}

TEST_F(DatelineParserTest, LevantineEgyptianAndEnglishMonths) {
  // "Sunday 3 March 2019" (Levantine month name)
  EXPECT_EQ(Line("الأحد 3 آذار 2019"), "2019-03-03");
  // "● Syria news 7 November 2017" with Arabic-Indic digits (category line)
  EXPECT_EQ(Line("● أخبار محلية ٢٢ يونيو ٢٠٢٠"), "2020-06-22");
  // "5 May 2021" Egyptian name with "من" (of) and "عام" (year)
  EXPECT_EQ(Line("5 من مايو عام 2021"), "2021-05-05");
  // "12 Tishreen al-Awwal (October) 2018": both names
  EXPECT_EQ(Line("12 تشرين الأول (أكتوبر) 2018"), "2018-10-12");
  EXPECT_EQ(Line("March 4, 2019"), "2019-03-04");
}

TEST_F(DatelineParserTest, NumericAndCompactForms) {
  EXPECT_EQ(Line("2019-03-04"), "2019-03-04");
  EXPECT_EQ(Line("04/03/2019"), "2019-03-04");  // day first
  // "Published: 2018March4 - 09:30" (compact CMS form), labeled
  EXPECT_EQ(Line("تاريخ النشر : 2018March4 - 09:30", true), "2018-03-04T09:30");
  // "Date of publication" with the Iraqi spelling "تأريخ"
  EXPECT_EQ(Line("تأريخ النشر: 2018/03/04"), "2018-03-04");
}

TEST_F(DatelineParserTest, TimeWithAmPmMarker) {
  // "Tuesday 4 March 2019 | 09:30 PM" (م = evening)
  EXPECT_EQ(Line("الثلاثاء 4 آذار 2019 | 09:30 م"), "2019-03-04T21:30");
  EXPECT_EQ(Line("الثلاثاء 4 آذار 2019 | 09:30 ص"), "2019-03-04T09:30");  // morning
}

TEST_F(DatelineParserTest, RejectsInvalidDates) {
  EXPECT_EQ(Line("31/02/2019"), "none");
  EXPECT_EQ(Line("12/13/2019"), "none");
  EXPECT_EQ(Line("5 مايو 1850"), "none");
}

TEST_F(DatelineParserTest, ASentenceWithADateIsNotADateline) {
  // "Five people were killed in the shelling on 3 March 2019"
  EXPECT_EQ(Line("قتل خمسة أشخاص في القصف يوم 3 آذار 2019"), "none");
  // "The town was liberated on 3 March 2019"
  EXPECT_EQ(Line("تحررت البلدة في 3 آذار 2019"), "none");
  // But FindDate still finds the date in it.
  auto d = (*parser_)->FindDate("قتل خمسة أشخاص في القصف يوم 3 آذار 2019");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->Value(), "2019-03-03");
  EXPECT_EQ(d->precision(), Precision::kDay);
}

TEST_F(DatelineParserTest, MetadataDates) {
  auto d = (*parser_)->ParseMetadataDate("2017-11-19T21:11:00Z");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->Value(), "2017-11-19T21:11");
  EXPECT_EQ(d->precision(), Precision::kMinute);
  EXPECT_FALSE((*parser_)->ParseMetadataDate("yesterday").has_value());
  auto rss = (*parser_)->ParseMetadataDate("Sun, 19 Nov 2017 21:11:00 GMT");
  ASSERT_TRUE(rss.has_value());
  EXPECT_EQ(rss->Value(), "2017-11-19T21:11");
  EXPECT_FALSE((*parser_)->ParseMetadataDate("Sun, 31 Feb 2017").has_value());
}

TEST(DatelineParserLoadTest, MissingDataDirIsError) {
  EXPECT_FALSE(DatelineParser::Load("/nonexistent").ok());
}

}  // namespace
}  // namespace marsad::clean
