// Chrome patterns (data/chrome.tsv) on example lines written for these tests
// in the styles of several Arabic news sites. Each Arabic literal carries a
// gloss.
#include "marsad/clean/chrome_classifier.h"

#include <gtest/gtest.h>

#include "marsad/clean/fold.h"
#include "marsad/clean/icu_regex.h"
#include "unit/clean/test_data.h"

namespace marsad::clean {
namespace {

class ChromeClassifierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto c = ChromeClassifier::Load(test_data::DataDir() + "/chrome.tsv");
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    classifier_ = new std::shared_ptr<const ChromeClassifier>(*c);
  }
  static std::string Classify(const std::string& line) { return (*classifier_)->Classify(line); }
  static std::shared_ptr<const ChromeClassifier>* classifier_;
};
std::shared_ptr<const ChromeClassifier>* ChromeClassifierTest::classifier_ = nullptr;

TEST_F(ChromeClassifierTest, EdgeCases) {
  EXPECT_EQ(Classify(""), "");
  EXPECT_EQ(Classify("   "), "");
  EXPECT_EQ(Classify("ـــــــــ ـــ"), "separator");  // tatweel only
  EXPECT_EQ(Classify("------"), "separator");
  EXPECT_EQ(Classify("• • •"), "separator");
  EXPECT_EQ(Classify("×"), "lone-symbol");
  EXPECT_EQ(Classify("»"), "lone-symbol");
}

TEST_F(ChromeClassifierTest, ShareAndFollowWidgets) {
  EXPECT_EQ(Classify("مشاركة:"), "share-widget");                       // "Share:"
  EXPECT_EQ(Classify("شارك على:"), "share-widget");                     // "Share on:"
  EXPECT_EQ(Classify("فيسبوك تويتر واتساب تيليجرام"), "share-widget");  // share buttons
  EXPECT_EQ(Classify("Facebook Twitter WhatsApp Telegram"), "share-widget");
  EXPECT_EQ(Classify("طباعة"), "share-widget");                   // "Print"
  // "Share the news: Facebook | Twitter | WhatsApp"
  EXPECT_EQ(Classify("شارك الخبر: فيسبوك | تويتر | واتساب"), "share-widget");
  EXPECT_EQ(Classify("تابعونا على تلغرام"), "subscribe-widget");  // "Follow us on Telegram"
  // "Follow Syria TV's news on Telegram"
  EXPECT_EQ(Classify("لمتابعة أخبار تلفزيون سوريا على تلغرام"), "subscribe-widget");
}

TEST_F(ChromeClassifierTest, RelatedLinks) {
  EXPECT_EQ(Classify("اقرأ أيضاً:"), "related-links");      // "Read also:"
  EXPECT_EQ(Classify("إقرأ أيضا"), "related-links");       // hamza-below variant
  EXPECT_EQ(Classify("مواضيع ذات صلة"), "related-links");  // "Related topics"
  EXPECT_EQ(Classify("الأكثر قراءة"), "related-links");    // "Most read"
  // "Read also: the UN calls for a ceasefire in Idlib" (a linked headline)
  EXPECT_EQ(Classify("اقرأ أيضاً: الأمم المتحدة تدعو إلى وقف إطلاق النار في إدلب"), "related-links");
}

TEST_F(ChromeClassifierTest, MenuOfShortItemsBetweenBars) {
  // A site menu: "<site> | Home | Local | World | Economy | Sport".
  EXPECT_EQ(Classify("ليبيا الأحرار | الرئيسية | محلي | دولي | اقتصاد | رياضة"), "navigation");
  // A sentence with one bar, or a related-links line, is not a menu.
  EXPECT_NE(Classify("قال الوزير إن المفاوضات | متعثرة منذ أشهر طويلة"), "navigation");
  // A menu that opens with Home, its items between spaces.
  EXPECT_EQ(Classify("الرئيسية  أخبار  لبنان  فلسطين  برامج"), "navigation");
  // Share buttons after "شارك المقال" without a colon.
  EXPECT_EQ(Classify("شارك المقال  فيسبوك  تويتر  تلغرام"), "share-widget");
}

TEST_F(ChromeClassifierTest, CommentFormsAndNavigation) {
  EXPECT_EQ(Classify("أضف تعليقك"), "comment-widget");     // "Add your comment"
  EXPECT_EQ(Classify("التعليقات (3)"), "comment-widget");  // "Comments (3)"
  EXPECT_EQ(Classify("Your email address will not be published. Required fields are marked *"),
            "comment-widget");
  // "Your e-mail address will not be published." (WordPress, Arabic)
  EXPECT_EQ(Classify("لن يتم نشر عنوان بريدك الإلكتروني."), "comment-widget");
  EXPECT_EQ(Classify("العودة إلى الأعلى"), "navigation");         // "Back to top"
  EXPECT_EQ(Classify("الرئيسية » أخبار » سوريا"), "navigation");  // breadcrumb
  EXPECT_EQ(Classify("الخبر التالي"), "navigation");              // "Next story"
}

TEST_F(ChromeClassifierTest, DonationAppeals) {
  EXPECT_EQ(Classify("ادعم الصحافة المستقلة"), "donation-appeal");    // "Support independent press"
  EXPECT_EQ(Classify("تبرع الآن"), "donation-appeal");                // "Donate now"
  EXPECT_EQ(Classify("انقر هنا للتبرع"), "donation-appeal");          // "Click here to donate"
  EXPECT_EQ(Classify("خمسة دولارات شهريا تكفي"), "donation-appeal");  // "Five dollars a month"
}

TEST_F(ChromeClassifierTest, CaptionsAndIcons) {
  // "camera icon" glued to a caption: "Volunteers hand out bread in al-Firdous"
  EXPECT_EQ(Classify("camera iconمتطوعون يوزعون الخبز في حي الفردوس"), "image-caption");
  // "<caption> - 12 May 2021 (<photographer>)"
  EXPECT_EQ(Classify("سوق شعبي في مدينة إدلب - 12 أيار 2021 (المصور سامر)"), "image-caption");
  EXPECT_EQ(Classify("صورة أرشيفية (رويترز)"), "image-caption");  // "Archive photo (Reuters)"
  EXPECT_EQ(Classify("(تعبيرية)"), "image-caption");              // "(illustrative)"
  EXPECT_EQ(Classify("Getty Images"), "image-caption");
  EXPECT_EQ(Classify("clock icon"), "icon-residue");
  EXPECT_EQ(Classify("A A A"), "icon-residue");     // font-size buttons
  EXPECT_EQ(Classify("ع ع ع"), "icon-residue");     // same, Arabic letter
  EXPECT_EQ(Classify("حجم الخط"), "icon-residue");  // "Font size"
}

TEST_F(ChromeClassifierTest, ContactCopyrightMeta) {
  EXPECT_EQ(Classify("للتواصل: info@example.org"), "contact");    // "Contact: ..."
  EXPECT_EQ(Classify("للتصحيح أو الإضافة راسلونا"), "contact");   // "For corrections ..."
  EXPECT_EQ(Classify("جميع الحقوق محفوظة © 2023"), "copyright");  // "All rights reserved"
  EXPECT_EQ(Classify("رقم الخبر: 120045"), "news-id");            // "News number"
  EXPECT_EQ(Classify("تاريخ النشر: 05/03/2021"), "dateline");     // "Published: ..."
  EXPECT_EQ(Classify("عدد المشاهدات: 1,204"), "page-meta");       // "Views"
  EXPECT_EQ(Classify("3 دقائق للقراءة"), "page-meta");            // "3 minutes read"
  EXPECT_EQ(Classify("الوسوم: سوريا، إدلب، النزوح"), "tags");     // "Tags: ..."
  EXPECT_EQ(Classify("إعلان"), "advertisement");                  // "Advertisement"
  EXPECT_EQ(Classify("www.alquds.co.uk"), "site-name");
  EXPECT_EQ(Classify("example.ir"), "site-name");
}

TEST_F(ChromeClassifierTest, SourceFootersAndBylines) {
  EXPECT_EQ(Classify("المصدر: الجزيرة نت"), "source-footer");  // "Source: Al Jazeera Net"
  EXPECT_EQ(Classify("المصدر : وكالات"), "source-footer");     // "Source: agencies"
  EXPECT_EQ(Classify("(وكالات)"), "source-footer");            // "(agencies)"
  EXPECT_EQ(Classify("بقلم: سامي الخطيب"), "source-footer");   // "By: Sami al-Khatib"
  EXPECT_EQ(Classify("بقلم سامي الخطيب"), "byline");           // "By Sami al-Khatib"
}

TEST_F(ChromeClassifierTest, DisclaimersCookiesAppsRelativeTimes) {
  // "What is stated in the article expresses its author's opinion and not
  // necessarily the site's"
  EXPECT_EQ(Classify("ما ورد في المقال يعبر عن رأي كاتبه ولا يعبر بالضرورة عن رأي الموقع"), "disclaimer");
  EXPECT_EQ(Classify("تنويه: تم تعديل العنوان"), "disclaimer");  // "Note: headline edited"
  // "This site uses cookies to improve your experience"
  EXPECT_EQ(Classify("يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك"), "cookie-notice");
  EXPECT_EQ(Classify("حمّل تطبيق الموقع على هاتفك"), "subscribe-widget");  // "Download the app"
  EXPECT_EQ(Classify("منذ 3 ساعات"), "page-meta");                        // "3 hours ago"
  EXPECT_EQ(Classify("للمزيد من الأخبار اضغط هنا"), "related-links");     // "For more, click here"
  EXPECT_EQ(Classify("(المصدر: وكالة الأناضول)"), "source-footer");       // "(Source: Anadolu)"
  EXPECT_EQ(Classify("ترجمة وتحرير: نون بوست"), "source-footer");         // "Translated and edited by"
  EXPECT_EQ(Classify("إلغاء الرد"), "comment-widget");                    // "Cancel reply"
}

TEST_F(ChromeClassifierTest, KeepsArticleSentencesAboutTheseTopics) {
  // "The European Union adopted rules obliging sites to ask users before
  // using cookies" (an article about cookies, not a notice).
  EXPECT_EQ(Classify("وتبنى الاتحاد الأوروبي قواعد تلزم المواقع بسؤال المستخدمين قبل استخدام "
                     "ملفات تعريف الارتباط"),
            "");
  // "Three hours after the explosion, rescue teams arrived"
  EXPECT_EQ(Classify("منذ 3 ساعات على الانفجار وصلت فرق الإنقاذ"), "");
}

// Article sentences that contain chrome words must be kept.
TEST_F(ChromeClassifierTest, KeepsArticleSentencesWithChromeWords) {
  // "The source said government forces shelled the town with heavy artillery
  // this morning."
  EXPECT_EQ(Classify("وقال المصدر إن القوات الحكومية قصفت البلدة بالمدفعية الثقيلة صباح اليوم."), "");
  // "Source: regime forces began shelling the eastern districts of the city
  // this morning with heavy artillery and warplanes, and..." (long)
  EXPECT_EQ(Classify("المصدر: قوات النظام بدأت منذ الصباح بقصف الأحياء الشرقية للمدينة "
                     "بالمدفعية الثقيلة والطيران الحربي وسط حركة نزوح واسعة"),
            "");
  // "He confirmed the participation of about a thousand fighters in the attack."
  EXPECT_EQ(Classify("وأكد مشاركة نحو ألف مقاتل في الهجوم على المدينة."), "");
  // "Wide participation in the municipal elections" (a headline)
  EXPECT_EQ(Classify("مشاركة واسعة في الانتخابات البلدية"), "");
  // "Hundreds of fighters took part in the attack"
  EXPECT_EQ(Classify("اشترك مئات المقاتلين في الهجوم"), "");
  // "The shelling contributed to destroying the city"
  EXPECT_EQ(Classify("ساهم القصف في تدمير المدينة"), "");
  // "The liberation of the city of Raqqa" (a subheading, not a byline)
  EXPECT_EQ(Classify("تحرير مدينة الرقة"), "");
  // "He wrote on his Twitter account"
  EXPECT_EQ(Classify("كتب على حسابه في تويتر"), "");
  // "A video clip was published on YouTube showing the destruction"
  EXPECT_EQ(Classify("نشر في موقع يوتيوب مقطع فيديو يظهر الدمار"), "");
  // "The comment on the decision came hours after it was issued"
  EXPECT_EQ(Classify("التعليق على القرار جاء بعد ساعات من صدوره"), "");
  // A long sentence quoting a "read also" phrase mid-line.
  EXPECT_EQ(Classify("ودعا الناشطون الأهالي إلى أن يقرؤوا أيضاً البيانات الرسمية قبل تداول "
                     "الشائعات على مواقع التواصل الاجتماعي"),
            "");
  // "Reuters" alone is not decided here (the cleaner treats credit lines).
  EXPECT_EQ(Classify("رويترز"), "");
}

TEST(ChromeClassifierRowsTest, MaxWordsBoundsARule) {
  auto c = ChromeClassifier::FromRows({{"x", "2", "^foo"}}, "test");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ((*c)->Classify("foo bar"), "x");
  EXPECT_EQ((*c)->Classify("foo bar baz"), "");
}

TEST(ChromeClassifierRowsTest, BadRegexIsDataError) {
  auto c = ChromeClassifier::FromRows({{"x", "2", "^(foo"}}, "test");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kDataError);
}

}  // namespace
}  // namespace marsad::clean

namespace marsad::clean {
namespace {

TEST(LiteralPrefilterTest, LeadingGroupOfLiterals) {
  // "read also" / "see also" widgets: any match must contain one of these.
  EXPECT_EQ(LiteralPrefilter("^(read also|see also) ?[:|-]"),
            (std::vector<std::string>{"read also", "see also"}));
  EXPECT_EQ(LiteralPrefilter("(copyright|©)"), (std::vector<std::string>{"copyright", "©"}));
  // Optional trailing space inside an alternative still requires the word.
  EXPECT_EQ(LiteralPrefilter("^(tags ?|topics)"), (std::vector<std::string>{"tags", "topics"}));
}

TEST(LiteralPrefilterTest, NoPrefilterWhenNotPlainLiterals) {
  EXPECT_TRUE(LiteralPrefilter("[a-z]+@[a-z]+").empty());
  // An alternative that starts with a group still requires one of its literals.
  EXPECT_EQ(LiteralPrefilter("^((a|b)c|d)"), (std::vector<std::string>{"a", "b", "d"}));
  EXPECT_TRUE(LiteralPrefilter("^(\\dx|mail)").empty());        // ... or with a class escape
  // "name ?*": only "name" is required (the space is optional).
  EXPECT_EQ(LiteralPrefilter("^(name ?\\*|mail)"), (std::vector<std::string>{"name", "mail"}));
  EXPECT_TRUE(LiteralPrefilter("^.{3,}? - [0-9]").empty());
  EXPECT_TRUE(LiteralPrefilter("(|x)").empty());               // empty alternative
}

}  // namespace
}  // namespace marsad::clean

namespace marsad::clean {
namespace {

TEST(LiteralPrefilterTest, PlainPrefixOfEachAlternative) {
  // Text before a nested group, a class escape or a quantifier is required.
  EXPECT_EQ(LiteralPrefilter("^(a (b )?c|d)"), (std::vector<std::string>{"a", "d"}));
  EXPECT_EQ(LiteralPrefilter("^(name\\d|mail)"), (std::vector<std::string>{"name", "mail"}));
  EXPECT_EQ(LiteralPrefilter("(join us (now|today)|subscribe)"),
            (std::vector<std::string>{"join us", "subscribe"}));
  // Top-level branches each requiring a literal: any of them ("cookie notices").
  EXPECT_EQ(LiteralPrefilter("((we|they) use (cookies|x)|this site uses cookies|no tracking)"),
            (std::vector<std::string>{"we", "they", "this site uses cookies", "no tracking"}));
  // "abc?" : the "c" may be absent.
  EXPECT_EQ(LiteralPrefilter("(abc?|xyz)"), (std::vector<std::string>{"ab", "xyz"}));
}

TEST(LiteralPrefilterTest, MandatoryGroupLaterInThePattern) {
  // An e-mail-like contact line needs "@" or an "(at)" spelling.
  EXPECT_EQ(LiteralPrefilter("[a-z]+ ?(@|\\(at\\)|\\[at\\]) ?[a-z]+"),
            (std::vector<std::string>{"@", "(at)", "[at]"}));
  // Nested: the outer group starts with a plain alternation.
  EXPECT_EQ(LiteralPrefilter("^((share|tweet) ?)+$"), (std::vector<std::string>{"share", "tweet"}));
  // An optional group cannot be required; a later top-level '|' undoes it.
  EXPECT_TRUE(LiteralPrefilter("x(a|b)?y").empty());
  EXPECT_TRUE(LiteralPrefilter("(a|b)?c|d").empty());
  // Each top-level branch requires a literal: the union is required.
  EXPECT_EQ(LiteralPrefilter("(a|b)c|d"), (std::vector<std::string>{"a", "b", "d"}));
}

}  // namespace
}  // namespace marsad::clean

namespace marsad::clean {
namespace {

// The literal prefilters only skip lines a rule's regex cannot match: lines
// the regex of each rule does match are still classified, whatever their
// position and length. Lines written for this test in several sites' styles.
TEST_F(ChromeClassifierTest, PrefilterNeverHidesAMatch) {
  const std::vector<std::string> lines = {
      // "We use cookies to improve your experience"
      "نستخدم ملفات تعريف الارتباط لتحسين تجربتك",
      "this website uses cookies",
      // "Displaced people in a camp near Idlib - 16 November 2017 (AFP)"
      "نازحون في مخيم قرب إدلب - 16 تشرين الثاني 2017 (أ ف ب)",
      // "Leave a comment", "3 comments"
      "اترك تعليقاً", "3 تعليقات",
      // "Tags", font-size buttons "ع ع ع"
      "الوسوم", "ع ع ع"};
  for (const std::string& line : lines) {
    std::string key = FoldKey(line);
    bool some_regex_matches = false;
    for (const ChromeRule& r : (*classifier_)->rules()) {
      some_regex_matches |= CountWords(key) <= r.max_words && r.re->Search(key);
    }
    EXPECT_TRUE(some_regex_matches) << line;
    EXPECT_FALSE(Classify(line).empty()) << line;
  }
}

}  // namespace
}  // namespace marsad::clean
