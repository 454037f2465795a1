// ArticleCleaner on small pages written for these tests in the styles of
// several outlets (not copied from any site). Arabic literals carry glosses.
#include "marsad/clean/article_cleaner.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "marsad/clean/fold.h"
#include "unit/clean/test_data.h"

namespace marsad::clean {
namespace {

class ArticleCleanerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto c = ArticleCleaner::Create(test_data::DataDir());
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    cleaner_ = new std::shared_ptr<const ArticleCleaner>(*c);
  }
  static CleanResult Clean(const std::string& raw, const CleanHints& hints = {}) {
    return (*cleaner_)->Clean(raw, hints);
  }
  static int Count(const CleanResult& r, const std::string& reason) {
    return static_cast<int>(std::count_if(r.removed.begin(), r.removed.end(),
                                          [&](const RemovedLine& l) { return l.reason == reason; }));
  }
  static bool HasDiag(const CleanResult& r, const std::string& code) {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                       [&](const auto& d) { return d.first == code; });
  }
  static bool BodyHas(const CleanResult& r, const std::string& text) {
    return FoldKey(r.body).find(FoldKey(text)) != std::string::npos;
  }
  static std::shared_ptr<const ArticleCleaner>* cleaner_;
};
std::shared_ptr<const ArticleCleaner>* ArticleCleanerTest::cleaner_ = nullptr;

// Lead paragraphs used below.
// "Hundreds of displaced people returned in recent days to their villages in
// the northern Hama countryside after weeks without air strikes, local
// activists said."
const char kLead[] =
    "عاد مئات النازحين خلال الأيام الماضية إلى قراهم في ريف حماة الشمالي بعد أسابيع من "
    "توقف القصف الجوي، بحسب ما أفاد به ناشطون محليون.";
// "One of the returnees said most houses were damaged and that people need
// urgent help to repair them before winter."
const char kSecond[] =
    "وقال أحد العائدين إن معظم المنازل تضررت، وإن الأهالي يحتاجون إلى مساعدات عاجلة لإعادة "
    "ترميمها قبل حلول فصل الشتاء.";

TEST_F(ArticleCleanerTest, EmptyAndWhitespaceInput) {
  for (const char* raw : {"", "   ", "\n\n\n", "ـــــ"}) {
    CleanResult r = Clean(raw);
    EXPECT_EQ(r.body, "");
    EXPECT_EQ(r.title, "");
    EXPECT_TRUE(HasDiag(r, "no-article-text")) << raw;
  }
}

TEST_F(ArticleCleanerTest, AllBoilerplateGivesEmptyBodyAndDiagnostic) {
  // Share, related, comment widgets and a back-to-top button only.
  CleanResult r = Clean("مشاركة:\n\nاقرأ أيضاً:\n\nاترك تعليقاً\n\nزر الذهاب إلى الأعلى\n");
  EXPECT_EQ(r.body, "");
  EXPECT_TRUE(HasDiag(r, "no-article-text"));
  EXPECT_EQ(r.removed.size(), 4u);
}

TEST_F(ArticleCleanerTest, PortalPageWithSuffixDatelineAndFooter) {
  // Al Jazeera-like page: site name, breadcrumb, title with site suffix,
  // dateline, two paragraphs, source footer and share buttons.
  // Title: "Displaced people return to villages in the Hama countryside after
  // the shelling stops | Al Jazeera Net".
  std::string raw = std::string("الجزيرة نت\n") + "الرئيسية » أخبار » سياسة\n" +
                    "نازحون يعودون إلى قرى ريف حماة بعد توقف القصف | الجزيرة نت\n" +
                    "تاريخ النشر: 14/06/2020 - 10:45\n\n" + kLead + "\n\n" + kSecond + "\n\n" +
                    "المصدر: الجزيرة نت\n" + "شارك\n" + "فيسبوك تويتر واتساب\n";
  CleanResult r = Clean(raw);
  EXPECT_EQ(r.title, "نازحون يعودون إلى قرى ريف حماة بعد توقف القصف");
  ASSERT_TRUE(r.outlet.has_value());
  EXPECT_EQ(r.outlet->id, "al-jazeera");
  ASSERT_TRUE(r.published.has_value());
  EXPECT_EQ(r.published->value, "2020-06-14T10:45");
  EXPECT_EQ(r.published->precision, Precision::kMinute);
  EXPECT_EQ(r.body, FoldKey("") + kLead + std::string("\n\n") + kSecond);
  EXPECT_EQ(Count(r, "title"), 1);
  EXPECT_EQ(Count(r, "site-name"), 1);
  EXPECT_EQ(Count(r, "navigation"), 1);
  EXPECT_EQ(Count(r, "dateline"), 1);
  EXPECT_EQ(Count(r, "source-footer"), 1);
  EXPECT_EQ(Count(r, "share-widget"), 2);
  EXPECT_TRUE(r.wires.empty());
}

TEST_F(ArticleCleanerTest, TitleHintSuffixStrippedAndCopiesRemoved) {
  // Title printed twice, once with the site suffix "– إرم نيوز" (Erem News).
  std::string title = "نازحون يعودون إلى قرى ريف حماة";  // "Displaced return to Hama villages"
  std::string raw = title + " – إرم نيوز\n\n" + title + "\n\n" + kLead + "\n";
  CleanHints hints;
  hints.title = title + " – إرم نيوز";
  CleanResult r = Clean(raw, hints);
  EXPECT_EQ(r.title, title);
  EXPECT_EQ(Count(r, "title"), 1);
  EXPECT_EQ(Count(r, "duplicate-title"), 1);
  EXPECT_FALSE(BodyHas(r, title));
  ASSERT_TRUE(r.outlet.has_value());
  EXPECT_EQ(r.outlet->id, "erem-news");
}

TEST_F(ArticleCleanerTest, MetadataHintsWin) {
  CleanHints hints;
  hints.url = "https://www.enabbaladi.net/archives/123";
  hints.published = "2020-06-14T08:00:00Z";
  CleanResult r = Clean(std::string("عنوان الخبر هنا\n\n") + kLead, hints);  // "headline here"
  ASSERT_TRUE(r.outlet.has_value());
  EXPECT_EQ(r.outlet->id, "enab-baladi");
  ASSERT_TRUE(r.published.has_value());
  EXPECT_EQ(r.published->value, "2020-06-14T08:00");
}

TEST_F(ArticleCleanerTest, KickerAboveHeadline) {
  // Kicker "After a week of battles.." above the headline "Government forces
  // retake the town of Khan Shaykhun".
  std::string raw = std::string("بعد أسبوع من المعارك..\n\n") +
                    "القوات الحكومية تستعيد السيطرة على بلدة خان شيخون\n\n" + kLead + "\n";
  CleanResult r = Clean(raw);
  EXPECT_EQ(r.title, "القوات الحكومية تستعيد السيطرة على بلدة خان شيخون");
  EXPECT_EQ(Count(r, "kicker"), 1);
  EXPECT_EQ(r.body, kLead);
}

TEST_F(ArticleCleanerTest, KickerAboveHintedHeadline) {
  std::string headline = "القوات الحكومية تستعيد السيطرة على بلدة خان شيخون";
  CleanHints hints;
  hints.title = headline;
  // Kicker "After a week of battles.." above the headline given as a hint.
  CleanResult r = Clean("بعد أسبوع من المعارك..\n" + headline + "\n\n" + kLead, hints);
  EXPECT_EQ(r.title, headline);
  EXPECT_EQ(Count(r, "kicker"), 1);
  EXPECT_EQ(Count(r, "title"), 1);
  EXPECT_EQ(r.body, kLead);
}

TEST_F(ArticleCleanerTest, DeckBelowHeadlineStaysInBody) {
  // Headline, then a standfirst ("The return comes after weeks of calm on the
  // front lines") that is article text, not a kicker.
  std::string deck = "العودة تأتي بعد أسابيع من الهدوء على خطوط الجبهة";
  std::string raw = std::string("نازحون يعودون إلى قرى ريف حماة\n\n") + deck + "\n\n" + kLead;
  CleanResult r = Clean(raw);
  EXPECT_EQ(r.title, "نازحون يعودون إلى قرى ريف حماة");
  EXPECT_TRUE(BodyHas(r, deck));
  EXPECT_EQ(Count(r, "kicker"), 0);
}

TEST_F(ArticleCleanerTest, NoTitleWhenPageStartsWithParagraph) {
  CleanResult r = Clean(std::string(kLead) + "\n\n" + kSecond);
  EXPECT_EQ(r.title, "");
  EXPECT_TRUE(HasDiag(r, "no-title"));
  EXPECT_TRUE(BodyHas(r, kLead));
  EXPECT_TRUE(r.removed.empty());
}

TEST_F(ArticleCleanerTest, WireCreditInLeadAndCreditLine) {
  // SANA style "دمشق-سانا" (Damascus-SANA) opening the lead, Reuters style
  // "بيروت (رويترز) -" and an AFP credit line "(أ ف ب)".
  std::string sana = std::string("قافلة مساعدات تصل إلى دوما\n\n") + "دمشق-سانا " + kLead;
  CleanResult r1 = Clean(sana);
  EXPECT_EQ(r1.wires, std::vector<std::string>{"sana"});
  EXPECT_TRUE(BodyHas(r1, "دمشق-سانا"));  // the lead keeps its credit
  EXPECT_FALSE(r1.outlet.has_value());    // an agency credit is not the publisher

  std::string reuters =
      std::string("قافلة مساعدات تصل إلى دوما\n\n") + "بيروت (رويترز) - " + kLead + "\n\n(أ ف ب)\n";
  CleanResult r2 = Clean(reuters);
  EXPECT_EQ(r2.wires, (std::vector<std::string>{"afp", "reuters"}));
  EXPECT_EQ(Count(r2, "wire-credit"), 1);
}

TEST_F(ArticleCleanerTest, OutletsAndAgenciesMentionedInSentencesAreIgnored) {
  // "Al Mayadeen channel reported, quoting Reuters, that ..." and "Al Arabiya
  // Net said ..." inside article sentences: neither publisher nor wire.
  std::string raw = std::string("تطورات ميدانية في ريف دير الزور\n\n") +
                    "وذكرت قناة الميادين نقلاً عن وكالة رويترز أن القوات الحكومية وصلت إلى أطراف المدينة "
                    "بعد معارك استمرت أياماً مع مسلحي التنظيم.\n\n" +
                    "من جهتها قالت العربية نت إن المعارك ما زالت مستمرة في الأحياء الشرقية من المدينة "
                    "حتى ساعة متأخرة من الليل.\n";
  CleanResult r = Clean(raw);
  EXPECT_FALSE(r.outlet.has_value());
  EXPECT_TRUE(r.wires.empty());
  EXPECT_TRUE(r.removed.size() == 1 && r.removed[0].reason == "title");
}

TEST_F(ArticleCleanerTest, DonationBlockRemovedButShortLastSentenceKept) {
  // "No official comment has been issued so far." ends the article; then a
  // donation block with a pitch line that matches no pattern ("The truth has
  // a price.. and you are our partner in it").
  std::string last = "ولم يصدر أي تعليق رسمي حتى الآن.";
  std::string raw = std::string("نازحون يعودون إلى قرى ريف حماة\n\n") + kLead + "\n\n" + last +
                    "\n\n×\n\nالحقيقة لها ثمن.. وأنت شريكنا فيها\n\nادعم الصحافة المستقلة\n\n"
                    "تبرع الآن\n";
  CleanResult r = Clean(raw);
  EXPECT_TRUE(BodyHas(r, last));
  EXPECT_EQ(Count(r, "donation-appeal"), 3);
  EXPECT_EQ(Count(r, "lone-symbol"), 1);
  EXPECT_EQ(r.body, std::string(kLead) + "\n\n" + last);
}

TEST_F(ArticleCleanerTest, RelatedHeadlinesAfterRelatedHeader) {
  // Two linked headlines after "Related articles" at the end of the page.
  std::string raw = std::string("نازحون يعودون إلى قرى ريف حماة\n\n") + kLead +
                    "\n\nمقالات ذات صلة\n\nافتتاح مدرسة جديدة في ريف إدلب\n\n"
                    "ارتفاع أسعار الخبز في حلب\n";
  CleanResult r = Clean(raw);
  EXPECT_EQ(Count(r, "related-links"), 3);
  EXPECT_EQ(r.body, kLead);
}

TEST_F(ArticleCleanerTest, CaptionAndItsIconDuplicate) {
  // Caption "Children in a camp near Atmeh - 3 March 2019 (photographer)"
  // printed as a caption and again after "camera icon".
  std::string caption = "أطفال في مخيم قرب أطمة - 3 آذار 2019 (المصور سامر)";
  std::string raw = std::string("نازحون يعودون إلى قرى ريف حماة\n\n") + caption + "\n\ncamera icon" +
                    caption + "\n\n" + kLead;
  CleanResult r = Clean(raw);
  EXPECT_EQ(Count(r, "image-caption"), 2);
  EXPECT_EQ(r.body, kLead);
  EXPECT_FALSE(r.published.has_value());  // a photo date is not the dateline
}

TEST_F(ArticleCleanerTest, DateInsideArticleIsNotPublicationDate) {
  // "On 3 March 2019 the town was shelled" as the first paragraph.
  std::string raw = std::string("نازحون يعودون إلى قرى ريف حماة\n\n") +
                    "في 3 آذار 2019 تعرضت البلدة لقصف عنيف أدى إلى دمار واسع في المنازل "
                    "والمحال التجارية ونزوح معظم سكانها نحو المخيمات الحدودية.";
  CleanResult r = Clean(raw);
  EXPECT_FALSE(r.published.has_value());
}

TEST_F(ArticleCleanerTest, ParagraphBreaksAndLineBreaks) {
  std::string raw = std::string("نازحون يعودون إلى قرى ريف حماة\r\n\r\n") + kLead + "\r\n" + kSecond + "\r\n";
  CleanResult r = Clean(raw);
  EXPECT_EQ(r.body, std::string(kLead) + "\n" + kSecond);
}

TEST_F(ArticleCleanerTest, InvalidUtf8DoesNotCrash) {
  std::string raw = std::string("\xFF\xFE\xC3") + "\n\n" + kLead;
  CleanResult r = Clean(raw);
  EXPECT_TRUE(HasDiag(r, "invalid-utf8"));
  EXPECT_TRUE(BodyHas(r, kLead));
}

TEST_F(ArticleCleanerTest, CategoryLabelAboveHeadlineIsKicker) {
  // "Syria news" label above the headline.
  std::string raw =
      std::string("أخبار سورية\n") + "القوات الحكومية تستعيد السيطرة على بلدة خان شيخون\n\n" + kLead;
  CleanResult r = Clean(raw);
  EXPECT_EQ(r.title, "القوات الحكومية تستعيد السيطرة على بلدة خان شيخون");
  EXPECT_EQ(Count(r, "kicker"), 1);
}

TEST_F(ArticleCleanerTest, HeadlineWithADateIsNotADateline) {
  // Headline "Remembering 21 August 2013" (an anniversary), then the lead.
  CleanResult r = Clean(std::string("ذكرى 21 آب 2013\n\n") + kLead);
  EXPECT_EQ(r.title, "ذكرى 21 آب 2013");
  EXPECT_FALSE(r.published.has_value());
}

TEST_F(ArticleCleanerTest, PlaceAndDateLineIsADateline) {
  // "Damascus - Sunday 14 June 2020" under the headline.
  CleanResult r =
      Clean(std::string("نازحون يعودون إلى قرى ريف حماة\n") + "دمشق - الأحد 14 حزيران 2020\n\n" + kLead);
  ASSERT_TRUE(r.published.has_value());
  EXPECT_EQ(r.published->value, "2020-06-14");
  EXPECT_EQ(r.published->precision, Precision::kDay);
  EXPECT_FALSE(r.published->inferred);
  EXPECT_EQ(Count(r, "dateline"), 1);
}

TEST_F(ArticleCleanerTest, PublicationDatePreferredOverUpdateTime) {
  // "Last update: 15/06/2020 - 08:00" printed before "Published: 14/06/2020".
  std::string raw = std::string("نازحون يعودون إلى قرى ريف حماة\n") + "آخر تحديث: 15/06/2020 - 08:00\n" +
                    "نشر في: 14/06/2020 - 10:45\n\n" + kLead;
  CleanResult r = Clean(raw);
  ASSERT_TRUE(r.published.has_value());
  EXPECT_EQ(r.published->value, "2020-06-14T10:45");
  EXPECT_EQ(Count(r, "dateline"), 2);
}

TEST_F(ArticleCleanerTest, UpdateTimeAloneIsInferred) {
  // Only "Last update: 15/06/2020 - 08:00" is printed.
  CleanResult r =
      Clean(std::string("نازحون يعودون إلى قرى ريف حماة\n") + "آخر تحديث: 15/06/2020 - 08:00\n\n" + kLead);
  ASSERT_TRUE(r.published.has_value());
  EXPECT_EQ(r.published->value, "2020-06-15T08:00");
  EXPECT_TRUE(r.published->inferred);
}

TEST_F(ArticleCleanerTest, RtStylePageFooterAndFollowLine) {
  // RT Arabic style: footer "Source: RT" and "Follow RT on Telegram".
  std::string raw = std::string("نازحون يعودون إلى قرى ريف حماة\n\n") + kLead + "\n\n" + kSecond +
                    "\n\nالمصدر: RT\n\nتابعوا RT على تلغرام\n";
  CleanResult r = Clean(raw);
  ASSERT_TRUE(r.outlet.has_value());
  EXPECT_EQ(r.outlet->id, "rt-arabic");
  EXPECT_EQ(Count(r, "source-footer"), 1);
  EXPECT_EQ(Count(r, "subscribe-widget"), 1);
  EXPECT_EQ(r.body, std::string(kLead) + "\n\n" + kSecond);
}

TEST_F(ArticleCleanerTest, QudsStyleTitleAndAgenciesCredit) {
  // Al-Quds Al-Arabi style: "<title> | القدس العربي", "(وكالات)" at the end,
  // and an AFP credit closing the last paragraph.
  std::string raw = std::string("نازحون يعودون إلى قرى ريف حماة | القدس العربي\n\n") + kLead + "\n\n" +
                    "وقال مسؤول محلي إن عدد العائدين "
                    "تجاوز ألف عائلة خلال أسبوع واحد فقط بحسب إحصاءات المجلس المحلي (أ ف ب)\n\n"
                    "(وكالات)\n";
  CleanResult r = Clean(raw);
  EXPECT_EQ(r.title, "نازحون يعودون إلى قرى ريف حماة");
  ASSERT_TRUE(r.outlet.has_value());
  EXPECT_EQ(r.outlet->id, "al-quds-al-arabi");
  EXPECT_EQ(r.wires, std::vector<std::string>{"afp"});
  EXPECT_EQ(Count(r, "source-footer"), 1);
}

TEST_F(ArticleCleanerTest, SyriaTvStyleFollowLineNamesOutlet) {
  // "Follow the latest Syria TV news on Telegram" after the article.
  std::string raw = std::string("نازحون يعودون إلى قرى ريف حماة\n\n") + kLead +
                    "\n\nتابع آخر أخبار تلفزيون سوريا على تيليجرام\n";
  CleanResult r = Clean(raw);
  EXPECT_EQ(Count(r, "subscribe-widget"), 1);
  ASSERT_TRUE(r.outlet.has_value());
  EXPECT_EQ(r.outlet->id, "syria-tv");
}

TEST_F(ArticleCleanerTest, StripSiteNameOnlyForKnownOutlets) {
  const MediaEntry* e = nullptr;
  // "... | Asharq Al-Awsat"
  EXPECT_EQ((*cleaner_)->StripSiteName("عودة النازحين | الشرق الأوسط", &e), "عودة النازحين");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->id, "asharq-al-awsat");
  // "Homs - Hama" is a title with a dash, not a suffix.
  EXPECT_EQ((*cleaner_)->StripSiteName("حمص - حماة", &e), "حمص - حماة");
  EXPECT_EQ(e, nullptr);
}


// Credit lines above the article name the outlet and leave the body.
namespace credit_lines {
// "Clashes went on today in the eastern countryside, according to field sources."
const char* kBody = "تواصلت الاشتباكات اليوم في الريف الشرقي بين الطرفين بحسب ما أفادت مصادر ميدانية متطابقة";
}  // namespace credit_lines

TEST(ArticleCleanerCredit, PlaceThenOutletIsACreditLine) {
  auto c = ArticleCleaner::Create(test_data::DataDir());
  ASSERT_TRUE(c.ok());
  // "Clashes in the eastern countryside" / "Raqqa - Hawar agency" / body
  std::string raw = std::string("اشتباكات في الريف الشرقي\n\nالرقة - وكالة هاوار\n\n") + credit_lines::kBody + "\n";
  CleanResult r = (*c)->Clean(raw, {});
  ASSERT_TRUE(r.outlet.has_value());
  EXPECT_EQ(r.outlet->id, "hawar-news");
  EXPECT_EQ(FoldKey(r.body), FoldKey(credit_lines::kBody));
  // Quoted outlet after a colon: "Beirut: «Asharq Al-Awsat»".
  raw = std::string("اشتباكات في الريف الشرقي\n\nبيروت: «الشرق الأوسط»\n\n") + credit_lines::kBody + "\n";
  r = (*c)->Clean(raw, {});
  ASSERT_TRUE(r.outlet.has_value());
  EXPECT_EQ(r.outlet->id, "asharq-al-awsat");
  EXPECT_EQ(FoldKey(r.body), FoldKey(credit_lines::kBody));
}

TEST(ArticleCleanerCredit, PlaceThenAgencyIsAWireNotTheOutlet) {
  auto c = ArticleCleaner::Create(test_data::DataDir());
  ASSERT_TRUE(c.ok());
  // "Damascus - AFP" above the text: a wire credit, not a publisher.
  std::string raw = std::string("اشتباكات في الريف الشرقي\n\nدمشق - أ ف ب\n\n") + credit_lines::kBody + "\n";
  CleanResult r = (*c)->Clean(raw, {});
  EXPECT_FALSE(r.outlet.has_value());
  ASSERT_EQ(r.wires.size(), 1u);
  EXPECT_EQ(r.wires[0], "afp");
  EXPECT_EQ(FoldKey(r.body), FoldKey(credit_lines::kBody));
}

TEST(ArticleCleanerCredit, SectionBarOutletAndMastheadWordsAreNotTitles) {
  auto c = ArticleCleaner::Create(test_data::DataDir());
  ASSERT_TRUE(c.ok());
  // "Syria news | Orient Net" (a section header) above the real headline.
  std::string headline = "اشتباكات عنيفة في الريف الشرقي لدير الزور";  // "Fierce clashes in rural Deir ez-Zor"
  std::string raw = std::string("أخبار سوريا | أورينت نت\n\n") + headline + "\n\n" + credit_lines::kBody + "\n";
  CleanResult r = (*c)->Clean(raw, {});
  EXPECT_EQ(FoldKey(r.title), FoldKey(headline));
  ASSERT_TRUE(r.outlet.has_value());
  EXPECT_EQ(r.outlet->id, "orient-news");
  // "Al-Alam news channel": masthead words around a registered variant.
  raw = std::string("قناة العالم الإخبارية\n\n") + headline + "\n\n" + credit_lines::kBody + "\n";
  r = (*c)->Clean(raw, {});
  EXPECT_EQ(FoldKey(r.title), FoldKey(headline));
  ASSERT_TRUE(r.outlet.has_value());
  EXPECT_EQ(r.outlet->id, "al-alam");
  // A headline with a colon is not a credit line: "Raqqa: clashes resume in the east".
  std::string colon_headline = "الرقة: تجدد الاشتباكات في الأحياء الشرقية";
  raw = colon_headline + "\n\n" + credit_lines::kBody + "\n";
  r = (*c)->Clean(raw, {});
  EXPECT_EQ(FoldKey(r.title), FoldKey(colon_headline));
}

TEST(ArticleCleanerCredit, AgencyCopyrightNamesItsOwnSite) {
  auto c = ArticleCleaner::Create(test_data::DataDir());
  ASSERT_TRUE(c.ok());
  // "All rights reserved to SANA agency © 2017" at the foot of SANA's own page.
  std::string raw = std::string("اشتباكات في الريف الشرقي\n\n") + credit_lines::kBody +
                    "\n\nجميع الحقوق محفوظة لوكالة سانا © 2017\n";
  CleanResult r = (*c)->Clean(raw, {});
  ASSERT_TRUE(r.outlet.has_value());
  EXPECT_EQ(r.outlet->id, "sana");
}

}  // namespace
}  // namespace marsad::clean

namespace marsad::clean {
namespace {

TEST(ArticleCleanerLead, WireStyleLeadDatelineGivesThePublicationDate) {
  auto c = ArticleCleaner::Create(test_data::DataDir());
  ASSERT_TRUE(c.ok());
  // "Baghdad, 10 July 2017 (Iraqi News Agency) - The prime minister announced ..."
  std::string raw =
      "العبادي يعلن النصر في الموصل\n\n"
      "بغداد، 10 تموز 2017 (وكالة الأنباء العراقية) - أعلن رئيس الوزراء الاثنين النصر على التنظيم "
      "في مدينة الموصل بعد معارك استمرت تسعة أشهر.\n";
  CleanResult r = (*c)->Clean(raw, {});
  ASSERT_TRUE(r.published.has_value());
  EXPECT_EQ(r.published->value, "2017-07-10");
  EXPECT_FALSE(r.published->inferred);
  // A date deep in the first sentence is not a dateline: "The army said on
  // Monday that it had entered the city on 10 July 2017 - ..."
  raw = "العبادي يعلن النصر في الموصل\n\n"
        "قال الجيش العراقي في بيان مطول صدر مساء الاثنين إن قواته دخلت المدينة القديمة بالكامل في 10 تموز 2017 - "
        "وإن المعارك انتهت.\n";
  r = (*c)->Clean(raw, {});
  EXPECT_FALSE(r.published.has_value());
}

}  // namespace
}  // namespace marsad::clean
