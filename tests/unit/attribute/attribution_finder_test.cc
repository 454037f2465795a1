// Unit tests of AttributionFinder on sentences written for these tests
// (not taken from any corpus). Each Arabic literal carries a gloss.
#include "marsad/attribute/attribution_finder.h"
#include "marsad/attribute/lexicon.h"

#include <gtest/gtest.h>

#include <set>

#include "marsad/attribute/attribution_stage.h"
#include "marsad/tokenize/tokenizer.h"

namespace marsad {
namespace {

class AttributionFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto f = AttributionFinder::Load(std::string(MARSAD_SOURCE_DIR) + "/data");
    ASSERT_TRUE(f.ok()) << f.status().ToString();
    finder_ = new std::shared_ptr<const AttributionFinder>(*f);
  }
  static void TearDownTestSuite() { delete finder_; }

  std::vector<Attribution> Find(const std::string& text) {
    text_ = text;
    tokens_ = Tokenize(text_);
    return (*finder_)->Find({text_, &tokens_, nullptr});
  }
  std::string Content(const Attribution& a) const { return text_.substr(a.span.start, a.span.end - a.span.start); }

  static std::shared_ptr<const AttributionFinder>* finder_;
  std::string text_;
  std::vector<Token> tokens_;
};
std::shared_ptr<const AttributionFinder>* AttributionFinderTest::finder_ = nullptr;

TEST_F(AttributionFinderTest, EmptyAndNonArabicInput) {
  EXPECT_TRUE(Find("").empty());
  EXPECT_TRUE(Find("   \n\t ").empty());
  EXPECT_TRUE(Find("The army said that it took the town.").empty());
  EXPECT_TRUE(Find("ـــــ ،،، ...").empty());  // tatweel and punctuation only
}

TEST_F(AttributionFinderTest, SpeechVerbWithComplementizer) {
  // "The army spokesman said that the forces took control of the town."
  auto a = Find("قال المتحدث باسم الجيش إن القوات سيطرت على البلدة.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "المتحدث باسم الجيش");
  EXPECT_EQ(a[0].cue, "قال");
  EXPECT_EQ(a[0].stance, "asserts");
  EXPECT_EQ(Content(a[0]).rfind("إن القوات", 0), 0u);
  EXPECT_EQ(a[0].parent, -1);
}

TEST_F(AttributionFinderTest, DenialVerb) {
  // "The ministry denied that its aircraft had struck the market."
  auto a = Find("ونفت الوزارة أن تكون طائراتها قد قصفت السوق.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "الوزارة");
  EXPECT_EQ(a[0].stance, "denies");
}

TEST_F(AttributionFinderTest, PrepositionalCueCoversTheClauseBefore) {
  // "The fighters took control of the village, according to the Observatory."
  auto a = Find("وسيطر المقاتلون على القرية، بحسب المرصد.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "المرصد");
  EXPECT_EQ(Content(a[0]), "وسيطر المقاتلون على القرية");
}

TEST_F(AttributionFinderTest, RelayMakesAChain) {
  // "Reuters reported, citing security sources, that the explosion occurred near the airport."
  auto a = Find("ونقلت وكالة رويترز عن مصادر أمنية قولها إن الانفجار وقع قرب المطار.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].speaker_text, "وكالة رويترز");
  EXPECT_EQ(a[1].speaker_text, "مصادر أمنية");
  EXPECT_EQ(a[1].parent, 0);  // the sources reached us through Reuters
  EXPECT_EQ(AttributionFinder::Chain(a, 1), (std::vector<int32_t>{0, 1}));
}

TEST_F(AttributionFinderTest, TrailingPrepositionalSourceRelaysTheSpeaker) {
  // "Local sources confirmed that the convoy arrived yesterday - according to the channel."
  auto a = Find("وأكدت مصادر محلية أن القافلة وصلت أمس - حسب القناة.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].speaker_text, "مصادر محلية");
  EXPECT_EQ(a[1].speaker_text, "القناة");
  EXPECT_EQ(a[0].parent, 1);
}

TEST_F(AttributionFinderTest, ParticipleContinuesTheSpeaker) {
  // "The governor said the roads are closed, pointing out that the rain continues."
  auto a = Find("وقال المحافظ إن الطرق مغلقة، مشيرا إلى أن الأمطار مستمرة.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[1].speaker_text, "المحافظ");
  EXPECT_EQ(a[1].cue, "مشيرا");
  // The first content ends where the participle starts.
  EXPECT_EQ(Content(a[0]), "إن الطرق مغلقة");
}

TEST_F(AttributionFinderTest, SourceFooterCoversTheTextBefore) {
  // "The army entered the town.\nSource: the news agency"
  auto a = Find("دخل الجيش البلدة.\nالمصدر: وكالة الأنباء");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "وكالة الأنباء");
  EXPECT_EQ(a[0].span.start, 0);
}

TEST_F(AttributionFinderTest, HeadlineSource) {
  // "Military sources: the flight of dozens of gunmen"
  auto a = Find("مصادر عسكرية: فرار العشرات من المسلحين");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "مصادر عسكرية");
}

TEST_F(AttributionFinderTest, DatelineNamesTheAgencyByAShortName) {
  // "Aden - Saba: the government accused ..." (سبأ: data/attribution/dateline_sources.tsv)
  Find("عدن - سبأ: اتهمت الحكومة الطائرات بقصف المواقع.");
  auto d = (*finder_)->FindDatelineSource({text_, &tokens_, nullptr});
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->id, "saba-news");
  EXPECT_EQ(d->text, "سبأ");
  EXPECT_EQ(text_.substr(d->span.start, d->span.end - d->span.start), "سبأ");
  // "Benghazi 6 January 2020 (LANA) - ..." (وال in brackets after a date)
  Find("بنغازي 6 يناير 2020 (وال) - أعلن الناطق أن القوات دخلت المدينة.");
  d = (*finder_)->FindDatelineSource({text_, &tokens_, nullptr});
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->id, "lana");
}

TEST_F(AttributionFinderTest, DatelineSourceFromAMediaEntityAndNotFromOrdinaryText) {
  // "Tripoli - Al-Wasat Gate: ..." with the entity layer naming the outlet.
  Find("طرابلس - بوابة الوسط: أعلنت القوات سيطرتها على القاعدة.");
  Entity e;
  e.id = "al-wasat-ly";
  e.type = "media";
  size_t at = text_.find("بوابة الوسط");
  e.mentions.push_back({{static_cast<int32_t>(at), static_cast<int32_t>(at + std::string("بوابة الوسط").size())}, "بوابة الوسط"});
  std::vector<Entity> ents = {e};
  auto d = (*finder_)->FindDatelineSource({text_, &tokens_, &ents});
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->id, "al-wasat-ly");
  // Unknown names, a dash in mid-sentence, and no dateline at all give nothing.
  Find("عدن - مراسلنا: قصفت الطائرات المواقع.");  // "Aden - our correspondent:"
  EXPECT_FALSE((*finder_)->FindDatelineSource({text_, &tokens_, nullptr}).has_value());
  Find("قال الوزير إن القوات التي دخلت المدينة في الصباح والمساء - سبأ: لم تنسحب.");
  EXPECT_FALSE((*finder_)->FindDatelineSource({text_, &tokens_, nullptr}).has_value());
  Find("");
  EXPECT_FALSE((*finder_)->FindDatelineSource({text_, &tokens_, nullptr}).has_value());
}

TEST_F(AttributionFinderTest, DatelineSourceBecomesTheTopOfTheChain) {
  // "Aden - Saba: the minister said that ..."
  auto atts = Find("عدن - سبأ: قال الوزير إن القوات انسحبت.");
  auto d = (*finder_)->FindDatelineSource({text_, &tokens_, nullptr});
  AttributionFinder::AddChainWithDateline(std::nullopt, {}, d, text_.size(), &atts);
  ASSERT_GE(atts.size(), 2u);
  EXPECT_EQ(atts[0].speaker, "saba-news");
  EXPECT_EQ(atts[0].cue, "dateline");
  EXPECT_EQ(atts[1].parent, 0);
  // A wire the cleaner found already stands for the agency: no second link.
  atts = Find("عدن - سبأ: قال الوزير إن القوات انسحبت.");
  AttributionFinder::AddChainWithDateline(std::nullopt, {"saba-news"}, d, text_.size(), &atts);
  for (const auto& a : atts) EXPECT_NE(a.cue, "dateline");
}

TEST(DatelineSourcesDataTest, EveryIdIsAKnowledgeBaseMediaEntity) {
  // data/attribution/dateline_sources.tsv points into data/kb/actors/media.tsv.
  const std::string data = std::string(MARSAD_SOURCE_DIR) + "/data";
  std::vector<std::vector<std::string>> rows, media;
  ASSERT_TRUE(lex::ReadTsv(data + "/attribution/dateline_sources.tsv", &rows).ok());
  ASSERT_TRUE(lex::ReadTsv(data + "/kb/actors/media.tsv", &media).ok());
  std::set<std::string> ids;
  for (const auto& m : media) {
    if (m.size() > 1 && m[1] == "media") ids.insert(m[0]);
  }
  ASSERT_FALSE(rows.empty());
  for (const auto& r : rows) {
    ASSERT_GE(r.size(), 2u) << r[0];
    EXPECT_TRUE(ids.count(r[1])) << r[0] << " -> " << r[1] << " is not a media entity";
  }
}

TEST_F(AttributionFinderTest, NegatedSpeechVerbReportsNothing) {
  // "No party has claimed responsibility for the attack so far."
  EXPECT_TRUE(Find("ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.").empty());
  // "The ministry did not deny the report." (لم ينف: no denial was made)
  EXPECT_TRUE(Find("ولم تنف الوزارة التقرير.").empty());
  // "The ministry announced that the road was open": a speech act.
  EXPECT_FALSE(Find("وأعلنت الوزارة أن الطريق مفتوح.").empty());
}

TEST_F(AttributionFinderTest, AuthorOfAStatementSpeaks) {
  // "..., according to a statement of the coalition": the coalition speaks.
  auto a = Find("واعترضت الدفاعات الجوية طائرة مسيرة، وفق بيان للتحالف.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "التحالف");
  // "according to the military spokesman" (وفقا لـ): the preposition goes.
  a = Find("وتقدمت القوات نحو المدينة وفقا للمتحدث العسكري.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "المتحدث العسكري");
}

TEST_F(AttributionFinderTest, GovernorIsNoPreposition) {
  // "..., as the governor of Hatay announced": والي is one word, not و + إلى.
  auto a = Find("وقتل جنود في الغارات، بحسب ما أعلن والي هاتاي.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "والي هاتاي");
}

TEST_F(AttributionFinderTest, AnotherSpeakersClauseEndsTheContent) {
  // "Military sources denied the accusations about chemical weapons, while the ministry said
  // that the aircraft struck a depot": the denial's content ends at the comma.
  // (A described source: without the entity layer "الجيش" names nobody.)
  auto a = Find("ونفت مصادر عسكرية الاتهامات بشأن الأسلحة الكيميائية، فيما قالت الوزارة إن الطيران قصف مستودعا.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].stance, "denies");
  EXPECT_EQ(Content(a[0]), "الاتهامات بشأن الأسلحة الكيميائية");
  EXPECT_EQ(Content(a[1]), "إن الطيران قصف مستودعا.");
}

TEST_F(AttributionFinderTest, RelayedAfterMaAndQuotingSources) {
  // "..., as the agency relayed from field sources": the sources speak,
  // relayed by the agency.
  auto a = Find("وسيطرت القوات على المدينة، وفق ما نقلت الوكالة عن مصادر ميدانية.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].speaker_text, "الوكالة");
  EXPECT_EQ(a[1].speaker_text, "مصادر ميدانية");
  EXPECT_EQ(a[1].parent, 0);
  // "Sources said that ..., quoting residents": the sources relay the
  // residents (نقلا عن names the one quoted).
  a = Find("وقالت مصادر محلية إن القوات دخلت المدينة، نقلا عن سكان.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[1].speaker_text, "سكان");
  EXPECT_EQ(a[1].parent, 0);
  EXPECT_EQ(a[0].parent, -1);
}

TEST_F(AttributionFinderTest, HasbamaTakesASpeechVerb) {
  // "..., as a military source reported" (حسبما = حسب + ما in one word).
  auto a = Find("وأسقطت الدفاعات عددا من الصواريخ، حسبما أفاد مصدر عسكري.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "مصدر عسكري");
}

TEST_F(AttributionFinderTest, DirectObjectEndsWithItsClause) {
  // "Military sources denied the claims, and called them fabrications that
  // ...": the denial covers the claims only.
  auto a = Find("ونفت مصادر عسكرية الادعاءات، ووصفتها بأنها فبركات تهدف إلى التضليل.");
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(Content(a[0]), "الادعاءات");
}

TEST_F(AttributionFinderTest, ClaimingParticipleAfterADenialAsserts) {
  // "Military sources denied the fall of the city, claiming that the forces
  // withdrew for tactical reasons": the denial covers the fall only; the
  // claim is the same speaker's assertion.
  auto a = Find("ونفت مصادر عسكرية سقوط المدينة، مدعية أن القوات انسحبت لأسباب تكتيكية.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].stance, "denies");
  EXPECT_EQ(Content(a[0]), "سقوط المدينة");
  EXPECT_EQ(a[1].stance, "asserts");
  EXPECT_EQ(a[1].speaker_text, "مصادر عسكرية");
  EXPECT_EQ(Content(a[1]), "أن القوات انسحبت لأسباب تكتيكية.");
  // "..., accusing the other side of fabricating the evidence".
  a = Find("ونفت مصادر عسكرية الاتهامات، متهمة الطرف الآخر بفبركة الأدلة.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(Content(a[0]), "الاتهامات");
  EXPECT_EQ(a[1].stance, "asserts");
}

TEST_F(AttributionFinderTest, AnonymityAsideIsNeitherSpeakerNorContent) {
  // "A military official who spoke to AFP on condition that his name not be
  // revealed denied that there were deaths among the soldiers": كشف after
  // عدم is a verbal noun, no second speech act.
  auto a = Find("ونفى مسؤول عسكري تحدث لوكالة فرانس برس شرط عدم كشف اسمه وقوع قتلى بين الجنود.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].stance, "denies");
  EXPECT_EQ(a[0].speaker_text, "مسؤول عسكري");
  EXPECT_EQ(Content(a[0]), "وقوع قتلى بين الجنود.");
  // "A security source who asked not to be named said that ...".
  a = Find("وقال مصدر أمني طلب عدم الكشف عن هويته إن الطريق أغلق.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "مصدر أمني");
  EXPECT_EQ(Content(a[0]), "إن الطريق أغلق.");
}

TEST_F(AttributionFinderTest, SpokesmanOfAConstructNameThenTheObject) {
  // "The spokesman of the aggression coalition denied the responsibility of
  // the aircraft for the strike": باسم + an indefinite head and its definite
  // genitive is the body; the rest is the object.
  auto a = Find("ونفى المتحدث باسم تحالف العدوان مسؤولية الطيران عن الغارة.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "المتحدث باسم تحالف العدوان");
  EXPECT_EQ(Content(a[0]), "مسؤولية الطيران عن الغارة.");
}

TEST_F(AttributionFinderTest, InLineWithARuleIsNoSource) {
  // "... support for the political solution in line with the agreed terms of
  // reference": وفق before a rule or plan is "in line with", nobody speaks.
  auto a = Find("وقال المسؤول إن الدولة تدعم الحل السياسي وفق المرجعيات المتفق عليها.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].cue, "وقال");
  EXPECT_TRUE(Find("وتقدمت القوات وفق الخطة المرسومة.").empty());
}

TEST_F(AttributionFinderTest, WhatEndsTheSpeaker) {
  // "The military source denied what Saudi media promote about the fall of
  // the city": ما opens the object, the source alone speaks.
  auto a = Find("ونفى المصدر العسكري ما تروج له وسائل إعلام سعودية عن سقوط المدينة.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "المصدر العسكري");
}

TEST_F(AttributionFinderTest, AffiliationStaysInTheSpeaker) {
  // "The Sirte protection force affiliated to the government said that ...":
  // the ل-phrase after التابعة belongs to the speaker.
  auto a = Find("وقالت قوة حماية سرت التابعة لحكومة الوفاق إن قواتها تتقدم.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "قوة حماية سرت التابعة لحكومة الوفاق");
}

TEST_F(AttributionFinderTest, DescribedSourceKeepsWhereItSits) {
  // "A local Libyan channel relayed from a source in the facilities guard
  // his saying that ..., denying that his forces surrendered."
  auto a = Find("ونقلت قناة ليبية محلية عن مصدر في حرس المنشآت قوله إن عناصره انسحبوا، نافياً أن تكون قواته قد استسلمت.");
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].speaker_text, "قناة ليبية محلية");
  EXPECT_EQ(a[1].speaker_text, "مصدر في حرس المنشآت");
  EXPECT_EQ(a[2].stance, "denies");
  // "According to medical sources in the Ataq hospital, ..."
  a = Find("وبحسب مصادر طبية في مستشفى عتق، قتل 35 شخصاً.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "مصادر طبية في مستشفى عتق");
  // Not when the words after في are the content: "sources said in a
  // statement that ..." keeps "مصادر".
  a = Find("وقالت مصادر في بيان إن الطريق أغلق.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "مصادر");
}

TEST_F(AttributionFinderTest, DescribingItEndsTheDenial) {
  // "Sources denied that Damascus was informed, and described it as a
  // breach": the description is asserted, not denied.
  auto a = Find("ونفت مصادر رسمية أن تكون دمشق قد أبلغت بالعملية، ووصفتها بأنها خرق للسيادة.");
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(Content(a[0]), "أن تكون دمشق قد أبلغت بالعملية");
}

TEST_F(AttributionFinderTest, SpokesmanNameWithoutTheEntityLayer) {
  // "The spokesman of the Popular Mobilization Authority, Karim al-Nouri,
  // denied these accusations": a common given name and the next word are
  // the spokesman's name, not what he denied.
  auto a = Find("ونفى المتحدث باسم هيئة الحشد الشعبي كريم النوري هذه الاتهامات.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "المتحدث باسم هيئة الحشد الشعبي كريم النوري");
  EXPECT_EQ(Content(a[0]), "هذه الاتهامات.");
}

TEST_F(AttributionFinderTest, MediumAfterAbra) {
  // "...while it claimed through its agency that aircraft struck the place".
  auto a = Find("في حين زعم عبر وكالة أعماق أن طائرات قصفت المكان.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "وكالة أعماق");
}

TEST_F(AttributionFinderTest, FiHinaEndsTheContentAndRelativeClausesEndSpeakers) {
  // "Field sources said that the forces withdrew, whereas official sources
  // denied the withdrawal": two speakers, the denial not nested in the first.
  auto a = Find("وقالت مصادر ميدانية إن القوات انسحبت من المدينة، في حين نفت مصادر رسمية الانسحاب.");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(Content(a[0]), "إن القوات انسحبت من المدينة");
  EXPECT_EQ(a[1].parent, -1);
  // "The spokesman of the coalition that Washington leads said ...": the
  // relative clause is no part of the speaker.
  a = Find("وقال المتحدث باسم التحالف الذي تقوده واشنطن إن الغارات توقفت.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "المتحدث باسم التحالف");
}

TEST_F(AttributionFinderTest, NotSpeech) {
  // "The town is considered the second largest in the province." (تعتبر = is considered)
  EXPECT_TRUE(Find("وتعتبر البلدة ثاني أكبر مدينة في المحافظة.").empty());
  // "The group declared the 'caliphate' over the lands." (a declaration, not reported speech)
  EXPECT_TRUE(Find("وأعلن ”الخلافة“ على الأراضي التي احتلها.").empty());
  // "A unit affiliated with the army." (تابعة = affiliated, not "went on")
  EXPECT_TRUE(Find("وحدة تابعة للجيش في المدينة.").empty());
}

TEST_F(AttributionFinderTest, SpokesmanSpeakerEndsWithTheBodyHeSpeaksFor) {
  // "The spokesman of the police denied the arrest of the journalists":
  // without a complementizer the speaker is "المتحدث باسم الشرطة".
  auto a = Find("ونفى المتحدث باسم الشرطة اعتقال الصحفيين.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "المتحدث باسم الشرطة");
  EXPECT_EQ(a[0].stance, "denies");
  EXPECT_EQ(Content(a[0]), "اعتقال الصحفيين.");
  // "The official spokesman of the army said that ...": ل after the spokesman
  // does not end the speaker.
  a = Find("وقال المتحدث الرسمي للجيش إن الوحدات تقدمت.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "المتحدث الرسمي للجيش");
}

TEST_F(AttributionFinderTest, WritersCommentEndsTheContent) {
  // "Activists said that the planes shelled the market, which the government
  // denied": the comment after the comma is not the activists'.
  auto a = Find("وقال ناشطون إن الطائرات قصفت السوق، وهو ما نفته الحكومة.");
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(Content(a[0]), "إن الطائرات قصفت السوق");
  // "..., which led to the death of ten": without a speech verb the clause
  // may be the speaker's own words, and stays in the content.
  a = Find("وقال ناشطون إن الطائرات قصفت السوق، وهو ما أدى إلى مقتل عشرة.");
  ASSERT_FALSE(a.empty());
  EXPECT_NE(Content(a[0]).find("مقتل"), std::string::npos);
}

TEST_F(AttributionFinderTest, ReportedWithBaAndCueBehindADateline) {
  // "The civil defence reported the death of four people" (أفاد ... بـ).
  auto a = Find("وأفاد الدفاع المدني بمقتل أربعة أشخاص.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].speaker_text, "الدفاع المدني");
  // "Idlib - according to activists, the planes shelled the town": the cue
  // behind the dateline's dash covers what follows the comma.
  a = Find("إدلب - بحسب ناشطين، قصفت الطائرات البلدة.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(Content(a[0]), "قصفت الطائرات البلدة.");
}

TEST(LexiconTest, FeminineNounBeforeAPronounSuffix) {
  // سيطرتها (its control) = سيطرة + ها: the key with ة comes first.
  std::vector<lex::KeyCandidate> keys;
  lex::TokenKeys(lex::Key("سيطرتها"), &keys);
  bool found = false;
  for (const auto& k : keys) found |= k.key == lex::Key("سيطرة") && k.enclitic == "ها";
  EXPECT_TRUE(found);
}

TEST(AttributionChainTest, OutletAndWireAreTheOuterLinks) {
  std::vector<Attribution> a(2);
  a[0].speaker = "sohr";
  a[0].parent = -1;
  a[1].speaker = "x";
  a[1].parent = 0;
  AttributionFinder::AddChain(OutletRef{"erem-news", "إرم نيوز", "Erem News"}, {"afp"}, 100, &a);
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(a[0].cue, "outlet");
  EXPECT_EQ(a[1].cue, "wire");
  EXPECT_EQ(a[1].parent, 0);
  EXPECT_EQ(a[2].parent, 1);  // sohr <- afp
  EXPECT_EQ(a[3].parent, 2);  // x <- sohr
  EXPECT_EQ(AttributionFinder::Chain(a, 3), (std::vector<int32_t>{0, 1, 2, 3}));
  // Without metadata nothing is added.
  std::vector<Attribution> b(1);
  AttributionFinder::AddChain(std::nullopt, {}, 10, &b);
  EXPECT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].parent, -1);
}

TEST(AttributionStageTest, ContractAndChain) {
  auto stage = MakeAttributionStage(std::string(MARSAD_SOURCE_DIR) + "/data");
  ASSERT_TRUE(stage.ok());
  EXPECT_EQ((*stage)->Name(), "attribute.v1");
  EXPECT_EQ((*stage)->Provides(), (std::vector<std::string>{"attributions"}));
  Document doc;
  // "The Observatory said that clashes are ongoing."
  doc.body = "وقال المرصد إن الاشتباكات مستمرة.";
  doc.tokens = Tokenize(doc.body);
  doc.outlet = OutletRef{"erem-news", "إرم نيوز", ""};
  doc.wires = {"afp"};
  ASSERT_TRUE((*stage)->Process(doc).ok());
  ASSERT_EQ(doc.attributions.size(), 3u);
  EXPECT_EQ(AttributionFinder::Chain(doc.attributions, 2), (std::vector<int32_t>{0, 1, 2}));
  EXPECT_TRUE(doc.layers.count("attributions"));
}

}  // namespace
}  // namespace marsad
