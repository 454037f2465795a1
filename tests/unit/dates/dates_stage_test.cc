// The dates.v1 stage, document-date inference, GoverningDate, and the seed
// articles in ../shared/seeds (skipped when that folder is absent).
#include "marsad/dates/dates_stage.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace marsad {
namespace {

std::string DataDir() { return std::string(MARSAD_SOURCE_DIR) + "/data"; }

const DateExtractor& Extractor() {
  static const DateExtractor* ex = [] {
    auto e = DateExtractor::Load(DataDir());
    if (!e.ok()) std::abort();
    return new DateExtractor(std::move(e).value());
  }();
  return *ex;
}

Document Doc(std::string body, std::optional<PublishedDate> published = std::nullopt) {
  Document d;
  d.body = std::move(body);
  d.published = std::move(published);
  d.layers = {"body", "metadata"};
  return d;
}

PublishedDate Day(const std::string& iso) {
  PublishedDate p;
  p.value = iso;
  p.precision = Precision::kDay;
  p.evidence = "test";
  return p;
}

TEST(DatesStage, NameLayersAndFactory) {
  auto stage = MakeDatesStage(DataDir());
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  EXPECT_EQ((*stage)->Name(), "dates.v1");
  EXPECT_EQ((*stage)->Provides(), std::vector<std::string>{"dates"});
  EXPECT_FALSE(MakeDatesStage("/nonexistent-marsad-data").ok());
}

TEST(DatesStage, UsesPublishedDateAsReference) {
  auto stage = MakeDatesStage(DataDir());
  ASSERT_TRUE(stage.ok());
  // "قصفت الطائرات البلدة أمس" = planes shelled the town yesterday
  Document doc = Doc("قصفت الطائرات البلدة أمس", Day("2019-03-10"));
  ASSERT_TRUE((*stage)->Process(doc).ok());
  ASSERT_EQ(doc.dates.size(), 1u);
  EXPECT_EQ(doc.dates[0].value, "2019-03-09");
  EXPECT_TRUE(doc.layers.count("dates"));
  EXPECT_FALSE(doc.published->inferred);
}

TEST(DatesStage, NoEvidenceLeavesDocumentDateNullAndRelativesUnresolved) {
  auto stage = MakeDatesStage(DataDir());
  ASSERT_TRUE(stage.ok());
  // "وصل الوفد اليوم الخميس" = the delegation arrived today, Thursday
  Document doc = Doc("وصل الوفد اليوم الخميس إلى المدينة");
  ASSERT_TRUE((*stage)->Process(doc).ok());
  EXPECT_FALSE(doc.published.has_value());
  ASSERT_EQ(doc.dates.size(), 1u);
  EXPECT_FALSE(doc.dates[0].resolved);
}

TEST(DatesStage, RelativesResolveAgainstTheInferredDocumentDate) {
  auto stage = MakeDatesStage(DataDir());
  ASSERT_TRUE(stage.ok());
  // A dateline with Hijri and Gregorian dates on the third line (Saturday
  // 11 Nov 2017), then "أعلن الجيش الخميس الماضي" = the army announced last
  // Thursday: that is 9 Nov, resolved against the inferred date.
  Document doc = Doc(
      "عنوان الخبر\n"
      "دمشق: مراسلنا\n"
      "السبت - 22 صفر 1439 هـ - 11 نوفمبر 2017 مـ\n"
      "وكان الجيش قد أعلن الخميس الماضي السيطرة على المدينة.");
  ASSERT_TRUE((*stage)->Process(doc).ok());
  ASSERT_TRUE(doc.published.has_value());
  EXPECT_EQ(doc.published->value, "2017-11-11");
  EXPECT_TRUE(doc.published->inferred);
  bool found = false;
  for (const auto& d : doc.dates) {
    if (d.text != "الخميس الماضي") continue;
    found = true;
    EXPECT_EQ(d.value, "2017-11-09");
    EXPECT_EQ(d.anchor, "document");
    EXPECT_TRUE(d.resolved);
  }
  EXPECT_TRUE(found);
}

TEST(DatesStage, CoarseMetadataDateIsRefinedOnlyByATextDateInsideIt) {
  auto stage = MakeDatesStage(DataDir());
  ASSERT_TRUE(stage.ok());
  PublishedDate month;
  month.value = "2017-11";
  month.precision = Precision::kMonth;
  // "٧ نوفمبر ٢٠١٧" dateline (7 Nov 2017), then "أمس" = yesterday.
  Document doc = Doc("أخبار سورية ٧ نوفمبر ٢٠١٧\nقصفت الطائرات البلدة أمس.", month);
  ASSERT_TRUE((*stage)->Process(doc).ok());
  EXPECT_EQ(doc.published->value, "2017-11-07");
  ASSERT_EQ(doc.dates.size(), 2u);
  EXPECT_EQ(doc.dates[1].value, "2017-11-06");
  // A text date outside the metadata month is not taken.
  PublishedDate other = month;
  other.value = "2018-02";
  Document doc2 = Doc("أخبار سورية ٧ نوفمبر ٢٠١٧\nقصفت الطائرات البلدة أمس.", other);
  ASSERT_TRUE((*stage)->Process(doc2).ok());
  EXPECT_EQ(doc2.published->value, "2018-02");
  EXPECT_FALSE(doc2.dates[1].resolved);
}

TEST(InferDocumentDate, TodayWithWeekdayAndDateTakesTheYearThatFits) {
  // "اليوم، الأربعاء 3 نيسان" = today, Wednesday 3 April; a caption dated 2 April 2019.
  std::string body = "صورة من المعبر - 2 نيسان 2019\nأعلنت اللجنة اليوم، الأربعاء 3 نيسان، نتائجها.";
  auto p = InferDocumentDate(Extractor(), body);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->value, "2019-04-03");
  EXPECT_TRUE(p->inferred);
  EXPECT_EQ(p->precision, Precision::kDay);
  EXPECT_FALSE(p->evidence.empty());
}

TEST(InferDocumentDate, YearsFromRemovedCaptionsCount) {
  // The caption with the year was removed by cleaning; the stage passes it as side text.
  std::string body = "أعلنت اللجنة اليوم، الأربعاء 3 نيسان، نتائجها.";
  EXPECT_FALSE(InferDocumentDate(Extractor(), body).has_value());
  auto p = InferDocumentDate(Extractor(), body, "صورة من المعبر - 2 نيسان 2019");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->value, "2019-04-03");
  // Through the stage, with the caption in doc.removed.
  auto stage = MakeDatesStage(DataDir());
  ASSERT_TRUE(stage.ok());
  Document doc = Doc(body);
  doc.removed.push_back({"صورة من المعبر - 2 نيسان 2019", "image-caption"});
  ASSERT_TRUE((*stage)->Process(doc).ok());
  ASSERT_TRUE(doc.published.has_value());
  EXPECT_EQ(doc.published->value, "2019-04-03");
  EXPECT_TRUE(doc.published->inferred);
}

TEST(InferDocumentDate, WeekdayThatFitsNoStatedYearGivesNothing) {
  // 3 April was a Wednesday in 2019 and a Friday in 2020, never a Thursday ("الخميس").
  std::string body = "صورة - 2 نيسان 2019\nأعلنت اللجنة اليوم، الخميس 3 نيسان، نتائجها.";
  EXPECT_FALSE(InferDocumentDate(Extractor(), body).has_value());
}

TEST(InferDocumentDate, DatelineOnAShortFirstLine) {
  // "الأخبار ١٢ مارس ٢٠٢١" = News 12 March 2021
  std::string body = "عنوان الخبر\nالأخبار ١٢ مارس ٢٠٢١\n\nنص طويل عن الأحداث التي جرت أمس في المدينة.";
  auto p = InferDocumentDate(Extractor(), body);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->value, "2021-03-12");
}

TEST(InferDocumentDate, DatesInsideLongSentencesAreNotDatelines) {
  std::string body =
      "قال المتحدث إن الاتفاق الذي وقع في 12 مارس 2021 لم ينفذ حتى الآن بسبب الخلافات "
      "المستمرة بين الأطراف المعنية";
  EXPECT_FALSE(InferDocumentDate(Extractor(), body).has_value());
}

TEST(GoverningDate, PrefersExpressionInTheClauseThenSentenceThenDefault) {
  auto stage = MakeDatesStage(DataDir());
  ASSERT_TRUE(stage.ok());
  // "هاجم المسلحون القرية أمس. وانسحبوا لاحقا." = militants attacked the village
  // yesterday. They withdrew later.
  std::string body = "هاجم المسلحون القرية أمس. وانسحبوا لاحقا.";
  Document doc = Doc(body, Day("2019-03-10"));
  ASSERT_TRUE((*stage)->Process(doc).ok());
  bool is_default = true;
  Span attack{0, static_cast<int32_t>(body.find('.'))};
  auto d = GoverningDate(doc, attack, &is_default);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->value, "2019-03-09");
  EXPECT_FALSE(is_default);
  int32_t second = static_cast<int32_t>(body.find('.') + 2);
  auto d2 = GoverningDate(doc, Span{second, static_cast<int32_t>(body.size())}, &is_default);
  ASSERT_TRUE(d2.has_value());
  // Same line: the nearest expression in the sentence fallback (no sentence layer).
  EXPECT_EQ(d2->value, "2019-03-09");
  // With sentence boundaries, the second sentence gets the document date by default.
  doc.sentences = {{0, attack.end + 1}, {second, static_cast<int32_t>(body.size())}};
  d2 = GoverningDate(doc, Span{second, static_cast<int32_t>(body.size())}, &is_default);
  ASSERT_TRUE(d2.has_value());
  EXPECT_EQ(d2->value, "2019-03-10");
  EXPECT_TRUE(is_default);
  // No document date: nothing.
  doc.published.reset();
  EXPECT_FALSE(GoverningDate(doc, Span{second, static_cast<int32_t>(body.size())}, &is_default));
  EXPECT_FALSE(is_default);
}

TEST(GoverningDate, LeadDatelineAndSinceDatesGovernNothing) {
  auto stage = MakeDatesStage(DataDir());
  ASSERT_TRUE(stage.ok());
  // "Erbil, 16 February 2021 - A contractor was killed in a rocket attack
  // that targeted the airport yesterday evening, Monday." The dateline dates
  // the report; the killing is of Monday evening.
  std::string body = "أربيل، 16 شباط 2021 - قتل متعاقد بهجوم صاروخي استهدف مساء أمس الاثنين المطار.";
  PublishedDate lead = Day("2021-02-16");
  lead.evidence = "lead: أربيل، 16 شباط 2021";
  Document doc = Doc(body, lead);
  ASSERT_TRUE((*stage)->Process(doc).ok());
  bool is_default = true;
  auto d = GoverningDate(doc, Span{0, static_cast<int32_t>(body.size())}, &is_default);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->value, "2021-02-15TEV");
  EXPECT_FALSE(is_default);
  // "Tripoli, 4 September 2018 - The toll of the clashes since 27 August
  // rose to 61 dead": neither the dateline nor the since-date dates the toll;
  // it takes the document date as a default.
  body = "طرابلس، 4 أيلول 2018 - ارتفعت حصيلة الاشتباكات منذ 27 آب الماضي إلى 61 قتيلا.";
  lead = Day("2018-09-04");
  lead.evidence = "lead: طرابلس، 4 أيلول 2018";
  doc = Doc(body, lead);
  ASSERT_TRUE((*stage)->Process(doc).ok());
  d = GoverningDate(doc, Span{0, static_cast<int32_t>(body.size())}, &is_default);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->value, "2018-09-04");
  EXPECT_TRUE(is_default);
}

// --- Seeds: real articles, read from ../shared/seeds.

std::optional<std::string> ReadSeed(const std::string& prefix) {
  std::filesystem::path dir = std::filesystem::path(MARSAD_SHARED_DIR) / "seeds";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return std::nullopt;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().filename().string().rfind(prefix + "_", 0) == 0) {
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  return std::nullopt;
}

// The value of the first expression whose text is `text`, or "<missing>".
std::string ValueOf(const std::vector<DateExpr>& v, const std::string& text) {
  for (const auto& d : v)
    if (d.text == text) return d.value;
  return "<missing>";
}

#define SEED_OR_SKIP(var, prefix)                                                   \
  auto var##_opt = ReadSeed(prefix);                                                \
  if (!var##_opt) GTEST_SKIP() << "seed " prefix " not found under " MARSAD_SHARED_DIR \
                                  "/seeds (../shared absent)";                      \
  const std::string& var = *var##_opt

TEST(Seeds, EnabBaladiFridayArticle) {
  SEED_OR_SKIP(body, "000");
  // The journalist's reading: Friday 17 November 2017.
  auto v = Extractor().Extract(body, CivilDate{2017, 11, 17});
  EXPECT_EQ(ValueOf(v, "16 تشرين الثاني 2017"), "2017-11-16");         // 16 November 2017
  EXPECT_EQ(ValueOf(v, "اليوم، الجمعة 17 تشرين الثاني"), "2017-11-17");  // today, Friday 17 Nov
  EXPECT_EQ(ValueOf(v, "حزيران الماضي"), "2017-06");                    // last June
  EXPECT_EQ(ValueOf(v, "مطلع الأسبوع الجاري"), "2017-W46");             // early this week
  EXPECT_EQ(ValueOf(v, "الخميس الماضي"), "2017-11-09");                 // last Thursday
  auto p = InferDocumentDate(Extractor(), body);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->value, "2017-11-17");
}

TEST(Seeds, DatedByArabicIndicDate) {
  SEED_OR_SKIP(body, "001");
  auto v = Extractor().Extract(body, CivilDate{2017, 11, 7});
  EXPECT_EQ(ValueOf(v, "٧ نوفمبر ٢٠١٧"), "2017-11-07");  // 7 November 2017
  EXPECT_EQ(ValueOf(v, "منذ ثلاث سنوات"), "(2014-11-07,2017-11-07,P3Y)");  // for three years
  auto p = InferDocumentDate(Extractor(), body);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->value, "2017-11-07");
}

TEST(Seeds, ThursdayArticleWithoutFullDate) {
  SEED_OR_SKIP(body, "002");
  // The journalist's reading: Thursday 16 November 2017.
  auto v = Extractor().Extract(body, CivilDate{2017, 11, 16});
  EXPECT_EQ(ValueOf(v, "اليوم الخميس"), "2017-11-16");                    // today, Thursday
  EXPECT_EQ(ValueOf(v, "منذ أسبوع"), "(2017-11-09,2017-11-16,P1W)");       // a week ago
  auto p = InferDocumentDate(Extractor(), body);
  EXPECT_TRUE(!p.has_value() || p->value.rfind("2017-11-16", 0) == 0);
}

TEST(Seeds, KayhanDatelineAndDuration) {
  SEED_OR_SKIP(body, "003");
  auto v = Extractor().Extract(body, CivilDate{2017, 11, 19});
  EXPECT_EQ(ValueOf(v, "خلال عشرة ايام"), "P10D");  // within ten days
  auto p = InferDocumentDate(Extractor(), body);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->value.substr(0, 10), "2017-11-19");
}

TEST(Seeds, AftermathArticleWithoutYear) {
  SEED_OR_SKIP(body, "004");
  // No reference: "31 من أيار الماضي" (31 May last) cannot get a year.
  auto v = Extractor().Extract(body, std::nullopt);
  EXPECT_EQ(ValueOf(v, "31 من أيار الماضي"), "XXXX-05-31");
  // Never inferred from the 2017 background mention, never the current year.
  auto p = InferDocumentDate(Extractor(), body);
  EXPECT_FALSE(p.has_value());
  // With a reference read off the story (June 2020), it resolves to 2020.
  v = Extractor().Extract(body, CivilDate{2020, 6, 10});
  EXPECT_EQ(ValueOf(v, "31 من أيار الماضي"), "2020-05-31");
  // Through the stage: document date stays null, nothing resolves to 2026.
  auto stage = MakeDatesStage(DataDir());
  ASSERT_TRUE(stage.ok());
  Document doc = Doc(body);
  ASSERT_TRUE((*stage)->Process(doc).ok());
  EXPECT_FALSE(doc.published.has_value());
  for (const auto& d : doc.dates) EXPECT_EQ(d.value.find("2026"), std::string::npos) << d.text;
}

}  // namespace
}  // namespace marsad
