// Unit tests for the knowledge base, matcher and linker, on a small in-memory
// KB and on sentences written for these tests (glossed in comments).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "marsad/recognize/entities_stage.h"
#include "marsad/recognize/keys.h"
#include "marsad/recognize/recognizer.h"
#include "marsad/tokenize/tokenizer.h"

namespace marsad {
namespace {

// id type name_ar name_en aliases_ar aliases_en wikidata country source
constexpr const char* kActors =
    "# test actors\n"
    "isis\tarmed_group\tتنظيم الدولة الإسلامية\tIslamic State\tداعش|تنظيم الدولة\tISIS\t\t\t\n"
    "sdf\tarmed_group\tقوات سوريا الديمقراطية\tSyrian Democratic Forces\tقسد\tSDF\t\tsy\t\n"
    "pmf\tstate_force\tهيئة الحشد الشعبي\tPopular Mobilization Forces\tالحشد الشعبي|الحشد\tPMF\t\tiq\t\n"
    "quds-force\tstate_force\tفيلق القدس\tQuds Force\t\t\t\tir\t\n"
    "liwa-al-quds\tarmed_group\tلواء القدس\tLiwa al-Quds\t\t\t\tsy\t\n"
    "hezbollah\tarmed_group\tحزب الله\tHezbollah\tحزب الله اللبناني\t\t\tlb\t\n"
    "kataib-hezbollah\tarmed_group\tكتائب حزب الله\tKata'ib Hezbollah\tحزب الله العراقي\t\t\tiq\t\n"
    "al-mayadeen\tmedia\tقناة الميادين\tAl Mayadeen\tالميادين\t\t\tlb\t\n"
    "qasem-soleimani\tperson\tقاسم سليماني\tQasem Soleimani\t\t\t\tir\t\n"
    "nujaba\tarmed_group\tحركة النجباء\tHarakat al-Nujaba\tالنجباء\t\t\tiq\t\n"
    "dawla\tarmed_group\tالدولة\tThe State\t\t\t\t\ttest: a stop word alone never matches\n"
    "bad-line\tarmed_group\tonly three columns\n";
// id kind name_ar name_en aliases_ar lat lon parent_id wikidata source
constexpr const char* kPlaces =
    "sy-abu-kamal\tcity\tالبوكمال\tAbu Kamal\tأبو كمال\t34.4500\t40.9186\tsy-deir-ez-zor-gov\t\t\n"
    "sy-al-mayadin\tcity\tالميادين\tal-Mayadin\t\t35.0206\t40.4506\tsy-deir-ez-zor-gov\t\t\n"
    "sy-deir-ez-zor\tcity\tدير الزور\tDeir ez-Zor\t\t35.3333\t40.1500\tsy-deir-ez-zor-gov\t\t\n"
    "sy-raqqa\tcity\tالرقة\tRaqqa\t\t35.95\t39.01\t\t\t\n"
    "sy-hama\tcity\tحماة\tHama\t\t35.13\t36.75\t\t\t\n"
    "sy-nasib\ttown\tنصيب\tNasib\t\t32.55\t36.20\tsy-daraa-gov\t\t\n"
    "sy-daraa-gov\tgovernorate\tمحافظة درعا\tDaraa Governorate\tدرعا\t32.6\t36.1\tsy\t\t\n"
    "sy-deir-ez-zor-gov\tgovernorate\tمحافظة دير الزور\tDeir ez-Zor Governorate\tدير الزور\t35.0\t40.5\tsy\t\t\n";
constexpr const char* kRelations =
    "quds-force\tpart_of\tirgc-missing\t\t\t\n"
    "qasem-soleimani\tleader_of\tquds-force\t1998\t2020-01-03\t\n";
constexpr const char* kStopwords = "في\nمن\nحشد\nالدولة\nحركة\nتنظيم\n";
constexpr const char* kContext =
    "قناة\tbefore\ttype=media\n"
    "مدينة\tbefore\tkind=city\n"
    "محافظة\tbefore\tkind=governorate\n"
    "في\tbefore\ttype=place\n"
    "ب\tclitic\ttype=place\n";
constexpr const char* kPriority = "kind=city\ntype=armed_group\ntype=media\nkind=governorate\n";
constexpr const char* kAnaphora =
    "الحركة\tحركة\tarmed_group\n"
    "التنظيم\tتنظيم\tarmed_group\n";

std::shared_ptr<const KnowledgeBase> TestKb() {
  static std::shared_ptr<const KnowledgeBase> kb = [] {
    auto k = std::make_shared<KnowledgeBase>();
    k->AddStopwordsTsv(kStopwords, "stop");
    k->AddActorsTsv(kActors, "actors");
    k->AddPlacesTsv(kPlaces, "places", false);
    k->AddRelationsTsv(kRelations, "rel");
    k->AddContextTsv(kContext, "ctx");
    k->AddPriorityTsv(kPriority, "prio");
    k->AddAnaphoraTsv(kAnaphora, "ana");
    return std::shared_ptr<const KnowledgeBase>(k);
  }();
  return kb;
}

const EntityRecognizer& Rec() {
  static EntityRecognizer rec(TestKb());
  return rec;
}

std::vector<Entity> Recog(const std::string& text, const std::vector<ExternalSpan>& extra = {}) {
  return Rec().Recognize(text, Tokenize(text), {}, extra);
}

const Entity* FindId(const std::vector<Entity>& ents, const std::string& id) {
  for (const auto& e : ents) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

std::vector<std::string> MentionTexts(const Entity* e) {
  std::vector<std::string> out;
  if (e) {
    for (const auto& m : e->mentions) out.push_back(m.text);
  }
  return out;
}

// --- Knowledge base -------------------------------------------------------

TEST(KnowledgeBaseTest, ParsesRowsAndReportsBadLines) {
  auto kb = TestKb();
  ASSERT_NE(kb->Find("isis"), nullptr);
  EXPECT_EQ(kb->Find("isis")->aliases_ar.size(), 2u);
  EXPECT_EQ(kb->Find("sy-abu-kamal")->type, "place");
  EXPECT_EQ(kb->Find("sy-abu-kamal")->kind, "city");
  EXPECT_NEAR(*kb->Find("sy-abu-kamal")->lat, 34.45, 1e-6);
  EXPECT_EQ(kb->Find("bad-line"), nullptr);
  bool reported = std::any_of(kb->warnings().begin(), kb->warnings().end(), [](const auto& w) {
    return w.find("actors:13") != std::string::npos;
  });
  EXPECT_TRUE(reported);
}

TEST(KnowledgeBaseTest, LookupNameIgnoresArticleHamzaAndDiacritics) {
  auto kb = TestKb();
  auto found = kb->LookupName("قَاسِم سُلَيْمَانِي");  // qasim sulaymani, with harakat
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->id, "qasem-soleimani");
  EXPECT_EQ(kb->LookupName("Quds Force").at(0)->id, "quds-force");
  EXPECT_EQ(kb->LookupName("الميادين").size(), 2u);  // the channel and the city
  EXPECT_EQ(kb->RelationsOf("quds-force").size(), 2u);
}

TEST(KnowledgeBaseTest, LookupWordsFindsWholeWordsOfLongerNames) {
  auto kb = TestKb();
  auto found = kb->LookupWords("سليماني");  // sulaymani: the surname alone
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->id, "qasem-soleimani");
  EXPECT_EQ(kb->LookupWords("القدس").size(), 2u);  // al-quds: Quds Force and Liwa al-Quds
  EXPECT_TRUE(kb->LookupWords("سليم").empty());     // salim: part of a word is not a word
  EXPECT_TRUE(kb->LookupWords("").empty());
  EXPECT_EQ(kb->LookupWords("القدس", 1).size(), 1u);
}

TEST(KnowledgeBaseTest, ProjectDataLoadsWithoutActorWarnings) {
  const std::string data = std::string(MARSAD_SOURCE_DIR) + "/data";
  auto kb = KnowledgeBase::Load(data);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  size_t actors = 0;
  for (const auto& e : (*kb)->entities()) actors += e.type != "place" && e.type != "country";
  EXPECT_GE(actors, 500u);
  for (const auto& w : (*kb)->warnings()) {
    // Gazetteer files belong to another module; the actor side must be clean.
    EXPECT_EQ(w.rfind("places/", 0), 0u) << w;
  }
  for (const auto& r : (*kb)->relations()) {
    EXPECT_NE((*kb)->Find(r.subject), nullptr) << r.subject;
    EXPECT_NE((*kb)->Find(r.object), nullptr) << r.object;
  }
}

TEST(KnowledgeBaseTest, MissingDirectoryIsAnError) {
  auto kb = KnowledgeBase::Load("/nonexistent-marsad-dir");
  EXPECT_FALSE(kb.ok());
}

// --- Keys -----------------------------------------------------------------

TEST(KeysTest, WordFormsStripProcliticsAndArticle) {
  recognize_internal::WordForms f;
  recognize_internal::ComputeWordForms("وبالبوكمال", &f);  // wa-bi-l-bukamal
  bool found = false;
  for (int i = 0; i < f.size; ++i) found |= f.forms[i].key == "بوكمال";
  EXPECT_TRUE(found);
  recognize_internal::ComputeWordForms("بدر", &f);  // badr: no 2-letter remainder
  for (int i = 0; i < f.size; ++i) EXPECT_NE(f.forms[i].key, "در");
}

TEST(KeysTest, EditDistanceOne) {
  using recognize_internal::WithinEditDistance1;
  EXPECT_TRUE(WithinEditDistance1("قاسيم", "قاسم"));     // qasim with an extra ya
  EXPECT_TRUE(WithinEditDistance1("سليمان", "سليماني"));  // sulayman / sulaymani
  EXPECT_FALSE(WithinEditDistance1("سلمان", "سليماني"));
  EXPECT_TRUE(WithinEditDistance1("", ""));
}

TEST(KeysTest, EditDistanceOneOnDecodedCodePointsAgrees) {
  using recognize_internal::DecodeCodePoints;
  using recognize_internal::WithinEditDistance1;
  // Pairs compared both ways: as UTF-8 and as code points decoded once.
  const std::pair<std::string, std::string> pairs[] = {
      {"قاسيم", "قاسم"},      // qasim with an extra ya
      {"سلمان", "سليماني"},   // salman / sulaymani: two edits
      {"البوكمال", "البكمال"},  // al-bukamal without waw
      {"raqqa", "raka"},       // Latin: two edits
      {"raqqa", "raqa"},       // Latin: one deletion
      {"\xD9", "\xD9\x84"},   // a truncated lead byte vs lam
      {"", "a"},
  };
  std::u32string a, b;
  for (const auto& [x, y] : pairs) {
    DecodeCodePoints(x, &a);
    DecodeCodePoints(y, &b);
    EXPECT_EQ(WithinEditDistance1(std::u32string_view(a), std::u32string_view(b)), WithinEditDistance1(x, y))
        << x << " / " << y;
  }
  DecodeCodePoints("قاسم", &a);  // qasim: four letters
  EXPECT_EQ(a.size(), 4u);
}

TEST(KeysTest, WordFormsAreDistinctSuffixesOfTheWord) {
  recognize_internal::WordForms f;
  recognize_internal::ComputeWordForms("وللقوات", &f);  // wa-li-l-quwwat "and for the forces"
  ASSERT_GT(f.size, 1);
  for (int i = 0; i < f.size; ++i) {
    EXPECT_TRUE(std::string_view("وللقوات").ends_with(f.forms[i].key));
    for (int j = 0; j < i; ++j) EXPECT_NE(f.forms[i].key, f.forms[j].key);
  }
}

// --- Matching -------------------------------------------------------------

TEST(MatcherTest, CliticsAreToleratedAndLeftOutOfTheMention) {
  // "and ISIS attacked the SDF in al-Bukamal"
  auto ents = Recog("وداعش هاجم لقسد بالبوكمال");
  EXPECT_EQ(MentionTexts(FindId(ents, "isis")), std::vector<std::string>{"داعش"});
  EXPECT_EQ(MentionTexts(FindId(ents, "sdf")), std::vector<std::string>{"قسد"});
  EXPECT_EQ(MentionTexts(FindId(ents, "sy-abu-kamal")), std::vector<std::string>{"البوكمال"});
}

TEST(MatcherTest, DiacriticsAndTatweel) {
  auto ents = Recog("قاتل دَاعِش وقـسـد");  // "fought ISIS and the SDF" with harakat and tatweel
  EXPECT_NE(FindId(ents, "isis"), nullptr);
  EXPECT_NE(FindId(ents, "sdf"), nullptr);
}

TEST(MatcherTest, SplitAndJoinedSpellings) {
  // "al-Bu Kamal" written in two words; "Deir ez-Zor" written as one.
  auto ents = Recog("وصلوا إلى البو كمال ثم ديرالزور");
  EXPECT_NE(FindId(ents, "sy-abu-kamal"), nullptr);
  EXPECT_NE(FindId(ents, "sy-deir-ez-zor"), nullptr);
}

TEST(MatcherTest, MisspelledWordOfAMultiWordName) {
  auto ents = Recog("زار قاسيم سليماني الجبهة");  // "Qasim (misspelled) Soleimani visited the front"
  const Entity* e = FindId(ents, "qasem-soleimani");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->mentions.at(0).text, "قاسيم سليماني");
}

TEST(MatcherTest, QuotesInsideANameAreSkipped) {
  auto ents = Recog("قائد فيلق \"القدس\" وصل");  // "the commander of the Quds "Force" arrived"
  EXPECT_NE(FindId(ents, "quds-force"), nullptr);
}

TEST(MatcherTest, LongestMatchSeparatesLookalikeNames) {
  // "the Quds Force is not Liwa al-Quds; Iraqi Hezbollah is not Hezbollah"
  auto ents = Recog("فيلق القدس ليس لواء القدس وحزب الله العراقي غير حزب الله");
  EXPECT_EQ(FindId(ents, "quds-force")->mentions.size(), 1u);
  EXPECT_EQ(FindId(ents, "liwa-al-quds")->mentions.size(), 1u);
  EXPECT_EQ(MentionTexts(FindId(ents, "kataib-hezbollah")),
            std::vector<std::string>{"حزب الله العراقي"});
  EXPECT_EQ(MentionTexts(FindId(ents, "hezbollah")), std::vector<std::string>{"حزب الله"});
}

// --- Negative cases -------------------------------------------------------

TEST(MatcherTest, CommonWordsNeverMatch) {
  // "the army massed (hashd) its forces in the state (al-dawla)": حشد and
  // الدولة are common words; the KB alias الحشد needs its article.
  auto ents = Recog("حشد الجيش قواته في الدولة");
  EXPECT_TRUE(ents.empty()) << ents.size() << " " << (ents.empty() ? "" : ents[0].id);
  auto pmf = Recog("قاتل الحشد قرب الحدود");  // "al-Hashd (the PMF) fought near the border"
  EXPECT_NE(FindId(pmf, "pmf"), nullptr);
}

TEST(MatcherTest, NoFuzzyMatchOnSingleOrUnanchoredWords) {
  // "Qasim went to the market; Sulayman came": no full name, so neither the
  // given name nor the near-miss surname links to Soleimani.
  auto ents = Recog("ذهب قاسم إلى السوق وجاء سليمان");
  EXPECT_EQ(FindId(ents, "qasem-soleimani"), nullptr);
}

TEST(MatcherTest, EmptyAndPunctuationOnlyInput) {
  EXPECT_TRUE(Recog("").empty());
  EXPECT_TRUE(Recog(" ... ، ؟ \"\" ").empty());
  EXPECT_TRUE(Recog("ـــ").empty());  // tatweel only
}

// --- Disambiguation -------------------------------------------------------

TEST(LinkerTest, ContextCuesDecideBetweenChannelAndCity) {
  // "he told the Mayadeen channel that the city of al-Mayadin fell"
  auto ents = Recog("قال لقناة الميادين إن مدينة الميادين سقطت");
  EXPECT_EQ(FindId(ents, "al-mayadeen")->mentions.size(), 1u);
  EXPECT_EQ(FindId(ents, "sy-al-mayadin")->mentions.size(), 1u);
  auto in_city = Recog("قصف في الميادين");  // "shelling in al-Mayadin"
  EXPECT_NE(FindId(in_city, "sy-al-mayadin"), nullptr);
  EXPECT_EQ(FindId(in_city, "al-mayadeen"), nullptr);
  auto clitic = Recog("اشتباكات بالميادين");  // "clashes in (bi-) al-Mayadin"
  EXPECT_NE(FindId(clitic, "sy-al-mayadin"), nullptr);
}

TEST(LinkerTest, CityAndGovernorateOfTheSameName) {
  // "in the governorate of Deir ez-Zor ... in Deir ez-Zor"
  auto ents = Recog("في محافظة دير الزور وقرب دير الزور");
  EXPECT_NE(FindId(ents, "sy-deir-ez-zor-gov"), nullptr);
  EXPECT_NE(FindId(ents, "sy-deir-ez-zor"), nullptr);
  const Entity* city = FindId(ents, "sy-deir-ez-zor");
  ASSERT_NE(city, nullptr);
  ASSERT_TRUE(city->lat.has_value());
  EXPECT_NEAR(*city->lat, 35.3333, 1e-4);
}

TEST(MatcherTest, ArticleOnlyReachesNamesWrittenWithIt) {
  // "the protectors (al-humat) of the homeland" vs "in Hama and al-Bukamal"
  EXPECT_TRUE(Recog("قال الحماة إن الوطن باق").empty());
  // "he put the sheet (waraqa) in the box": و + رقة is not al-Raqqa.
  EXPECT_TRUE(Recog("وضع ورقة في الصندوق").empty());
  EXPECT_NE(FindId(Recog("وصلوا إلى والرقة"), "sy-raqqa"), nullptr);  // "... and Raqqa"
  auto ents = Recog("في حماة والبوكمال");
  EXPECT_NE(FindId(ents, "sy-hama"), nullptr);
  EXPECT_NE(FindId(ents, "sy-abu-kamal"), nullptr);
}

TEST(LinkerTest, MinorPlaceNamedByACommonWordNeedsPlaceContext) {
  // "the individual's share (nasib) rose": نصيب is a common word and a town.
  EXPECT_TRUE(Recog("ارتفع نصيب الفرد").empty());
  // "clashes in Nasib" (cue word) and "Nasib ... Daraa" (its governorate).
  EXPECT_NE(FindId(Recog("اشتباكات في نصيب"), "sy-nasib"), nullptr);
  EXPECT_NE(FindId(Recog("سقط نصيب ثم درعا"), "sy-nasib"), nullptr);
}

// --- Coreference ----------------------------------------------------------

TEST(LinkerTest, SurnameAndNearMissSurnameLinkToTheFullName) {
  // "Qasem Soleimani arrived ... Soleimani met ... Sulayman (typo) left"
  auto ents = Recog("وصل قاسم سليماني. والتقى سليماني القادة. ثم غادر سليمان");
  const Entity* e = FindId(ents, "qasem-soleimani");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(MentionTexts(e),
            (std::vector<std::string>{"قاسم سليماني", "سليماني", "سليمان"}));
}

TEST(LinkerTest, NominalShortFormsLinkToTheMostRecentFittingGroup) {
  // "ISIS withdrew. The Nujaba Movement entered, and the movement said the
  // organization fled."
  auto ents = Recog("انسحب تنظيم الدولة. ودخلت حركة النجباء، وقالت الحركة إن التنظيم فر");
  EXPECT_EQ(MentionTexts(FindId(ents, "nujaba")),
            (std::vector<std::string>{"حركة النجباء", "الحركة"}));
  EXPECT_EQ(MentionTexts(FindId(ents, "isis")),
            (std::vector<std::string>{"تنظيم الدولة", "التنظيم"}));
}

TEST(LinkerTest, ShortFormWithoutAntecedentStaysUnlinked) {
  auto ents = Recog("قالت الحركة إنها ستواصل");  // "the movement said it will go on"
  EXPECT_TRUE(ents.empty());
}

// --- External spans and provisional ids -----------------------------------

TEST(LinkerTest, UnknownNamesGetStableProvisionalIds) {
  const std::string a = "قال أبو سمير الحلبي إن داعش انسحب";  // "Abu Samir al-Halabi said ISIS withdrew"
  const std::string b = "وأكد أبو سمير الحلبي ذلك";           // "and Abu Samir al-Halabi confirmed it"
  auto span_of = [](const std::string& text, const std::string& name) {
    int32_t s = static_cast<int32_t>(text.find(name));
    return ExternalSpan{{s, s + static_cast<int32_t>(name.size())}, "person"};
  };
  const std::string name = "أبو سمير الحلبي";
  auto ea = Recog(a, {span_of(a, name), span_of(a, "داعش")});
  auto eb = Recog(b, {span_of(b, name)});
  ASSERT_EQ(ea.size(), 2u);  // the KB mention of ISIS is not duplicated
  const Entity* pa = nullptr;
  for (const auto& e : ea) {
    if (e.id.rfind("new:", 0) == 0) pa = &e;
  }
  ASSERT_NE(pa, nullptr);
  ASSERT_EQ(eb.size(), 1u);
  EXPECT_EQ(pa->id, eb[0].id);
  EXPECT_EQ(pa->type, "person");
  EXPECT_EQ(pa->id, EntityRecognizer::ProvisionalId(name));
}

TEST(LinkerTest, ExternalSpanWithAKnownNameGetsTheKbId) {
  const std::string t = "قال Hezbollah ذلك";
  int32_t s = static_cast<int32_t>(t.find("Hezbollah"));
  auto ents = Recog(t, {{{s, s + 9}, "armed_group"}});
  EXPECT_NE(FindId(ents, "hezbollah"), nullptr);
}

TEST(LinkerTest, OutOfRangeExternalSpansAreIgnored) {
  auto ents = Recog("نص", {{{-3, 100}, "person"}, {{2, 1}, "person"}});
  EXPECT_TRUE(ents.empty());
}

// --- Salience and offsets -------------------------------------------------

TEST(LinkerTest, SalienceOrdersByMentionsAndOffsetsPointIntoBody) {
  const std::string t = "قسد وداعش. قسد. قسد";  // "SDF and ISIS. SDF. SDF"
  auto ents = Recog(t);
  ASSERT_EQ(ents.size(), 2u);
  EXPECT_EQ(ents[0].id, "sdf");
  for (const auto& e : ents) {
    for (const auto& m : e.mentions) {
      ASSERT_GE(m.span.start, 0);
      ASSERT_LE(m.span.end, static_cast<int32_t>(t.size()));
      EXPECT_EQ(t.substr(m.span.start, m.span.end - m.span.start), m.text);
    }
  }
}

// --- Stage ----------------------------------------------------------------

TEST(EntitiesStageTest, ContractAndProcess) {
  auto rec = std::make_shared<EntityRecognizer>(TestKb());
  StagePtr stage = MakeEntitiesStage(rec);
  EXPECT_EQ(stage->Name(), "entities.kb.v1");
  EXPECT_EQ(stage->Requires(), (std::vector<std::string>{"body", "tokens"}));
  EXPECT_EQ(stage->Provides(), (std::vector<std::string>{"entities"}));
  Document doc;
  doc.body = "دخلت قسد البوكمال";  // "the SDF entered al-Bukamal"
  doc.tokens = Tokenize(doc.body);
  ASSERT_TRUE(stage->Process(doc).ok());
  EXPECT_EQ(doc.entities.size(), 2u);
  EXPECT_TRUE(doc.layers.count("entities"));
}

TEST(EntitiesStageTest, FactoryFailsOnMissingData) {
  auto stage = MakeEntitiesStage("/nonexistent-marsad-dir");
  EXPECT_FALSE(stage.ok());
}

}  // namespace
}  // namespace marsad

// --- Minor places: coordination and the local reading ----------------------

namespace marsad {
namespace {

std::shared_ptr<const KnowledgeBase> VillageKb() {
  static std::shared_ptr<const KnowledgeBase> kb = [] {
    auto k = std::make_shared<KnowledgeBase>();
    k->AddPlacesTsv(
        "sy-hama-gov\tgovernorate\tمحافظة حماة\tHama Governorate\t\t35.2\t36.9\tsy\t\t\n"
        "sy-hama\tcity\tحماة\tHama\t\t35.13\t36.75\tsy-hama-gov\t\t\n"
        "sy-harran-v\tvillage\tحران\tHarran (Hama)\t\t\t\tsy-hama-gov\t\t\n"
        "sy-hardana-v\tvillage\tحردانة\tHardana\t\t\t\tsy-hama-gov\t\t\n"
        "tr-urfa-gov\tgovernorate\tولاية أورفة\tSanliurfa Province\t\t37.2\t38.8\ttr\t\t\n"
        "tr-harran\ttown\tحران\tHarran (Turkey)\t\t36.86\t39.03\ttr-urfa-gov\t\t\n",
        "places", false);
    k->AddContextTsv("قرية\tbefore\tkind=village\nقريتي\tbefore\tkind=village\nريف\tbefore\tkind=city\n", "ctx");
    k->AddPriorityTsv("kind=city\nkind=town\n", "prio");
    return std::shared_ptr<const KnowledgeBase>(k);
  }();
  return kb;
}

std::vector<Entity> RecogVillages(const std::string& text) {
  static EntityRecognizer rec(VillageKb());
  return rec.Recognize(text, Tokenize(text));
}

TEST(MinorPlacesTest, CoordinatedVillageSharesTheCueOfItsNeighbour) {
  // "The forces took the two villages of Harran and Hardana in the Hama
  // countryside."
  auto ents = RecogVillages("سيطرت القوات على قريتي حران وحردانة في ريف حماة");
  EXPECT_NE(FindId(ents, "sy-harran-v"), nullptr);
  EXPECT_NE(FindId(ents, "sy-hardana-v"), nullptr);
  EXPECT_EQ(FindId(ents, "tr-harran"), nullptr);
}

TEST(MinorPlacesTest, AmbiguousNamePrefersTheReadingUnderANamedAncestor) {
  // "Clashes near Harran, north of the city of Hama": no village cue, but
  // Hama is named, so Harran is the Hama village, not the Turkish town.
  auto ents = RecogVillages("اشتباكات قرب حران شمال مدينة حماة");
  EXPECT_NE(FindId(ents, "sy-harran-v"), nullptr);
  EXPECT_EQ(FindId(ents, "tr-harran"), nullptr);
}

TEST(MinorPlacesTest, UncuedVillageWithoutContextIsDropped) {
  // "He spoke about Hardana": no cue, no ancestor named -> not asserted.
  auto ents = RecogVillages("تحدث الرجل عن حردانة طويلا");
  EXPECT_EQ(FindId(ents, "sy-hardana-v"), nullptr);
}

}  // namespace
}  // namespace marsad

#include "marsad/recognize/kunya.h"

namespace marsad {
namespace {

std::vector<std::string> KunyaTexts(const std::string& text) {
  static auto finder = KunyaFinder::Load(std::string(MARSAD_SOURCE_DIR) + "/data");
  std::vector<std::string> out;
  if (!finder) return out;
  std::vector<ExternalSpan> spans;
  finder->Find(Tokenize(text), &spans);
  for (const auto& s : spans) out.push_back(text.substr(s.span.start, s.span.end - s.span.start));
  return out;
}

TEST(KunyaTest, AbuPlusGivenNameAndNisba) {
  // "The commander known as Abu Omar al-Shami fled with Abu Khalid."
  EXPECT_EQ(KunyaTexts("فر القيادي المعروف بأبو عمر الشامي مع أبو خالد"),
            (std::vector<std::string>{"أبو خالد"}))
      << "a clitic-glued بأبو is not taken (precision), the bare one is";
  EXPECT_EQ(KunyaTexts("قال أبو عمر الشامي إن الهجوم فشل"), (std::vector<std::string>{"أبو عمر الشامي"}));
}

TEST(KunyaTest, PlaceNamesAndNonNamesAreNotKunyas) {
  // "He flew to Abu Dhabi; the father of the family said..."
  EXPECT_TRUE(KunyaTexts("سافر إلى أبو ظبي أمس").empty());
  EXPECT_TRUE(KunyaTexts("قال أبو العائلة إن البيت دمر").empty());
}

TEST(KunyaTest, KnowledgeBaseNameWinsOverAKunyaSpan) {
  // "The forces entered Abu Kamal": كمال is also a given name, but the town
  // is in the knowledge base, so no person is created.
  std::string text = "دخلت القوات أبو كمال صباحا";
  auto finder = KunyaFinder::Load(std::string(MARSAD_SOURCE_DIR) + "/data");
  ASSERT_NE(finder, nullptr);
  std::vector<Token> toks = Tokenize(text);
  std::vector<ExternalSpan> spans;
  finder->Find(toks, &spans);
  auto ents = Rec().Recognize(text, toks, {}, spans);
  EXPECT_NE(FindId(ents, "sy-abu-kamal"), nullptr);
  for (const auto& e : ents) EXPECT_NE(e.type, "person") << e.id;
}

}  // namespace
}  // namespace marsad

// --- Country context, generic names, kind cues, common nouns ----------------
// A second small KB: names that several countries share. Sentences written
// for these tests.

namespace marsad {
namespace {

std::shared_ptr<const KnowledgeBase> CountryKb() {
  static std::shared_ptr<const KnowledgeBase> kb = [] {
    auto k = std::make_shared<KnowledgeBase>();
    k->AddActorsTsv(
        "lna\tarmed_group\tالجيش الوطني الليبي\tLibyan National Army\tالجيش الوطني|قوات الجيش الوطني\t\t\tly\t\n"
        "yemeni-army\tstate_force\tالجيش اليمني\tYemeni Army\tالجيش الوطني|قوات الجيش الوطني\t\t\tye\t\n"
        "houthis\tarmed_group\tجماعة أنصار الله\tHouthis\tالحوثيين\t\t\tye\t\n"
        "gna\tgov_body\tحكومة الوفاق\tGNA\t\t\t\tly\t\n"
        "al-qaeda\tarmed_group\tتنظيم القاعدة\tal-Qaeda\tالقاعدة\t\t\t\t\n"
        "us-led\tarmed_group\tالتحالف الدولي\tUS-led coalition\tطيران التحالف\t\t\tus\t\n"
        "saudi-led\tarmed_group\tالتحالف العربي\tSaudi-led coalition\tطيران التحالف\t\t\tsa\t\n",
        "actors");
    k->AddPlacesTsv(
        "ly\tcountry\tليبيا\tLibya\t\t27\t17\t\t\t\n"
        "lb\tcountry\tلبنان\tLebanon\t\t33.9\t35.9\t\t\t\n"
        "ye\tcountry\tاليمن\tYemen\t\t15.5\t48\t\t\t\n"
        "sy\tcountry\tسوريا\tSyria\t\t35\t38\t\t\t\n"
        "us\tcountry\tالولايات المتحدة\tUnited States\t\t38\t-97\t\t\t\n"
        "sa\tcountry\tالسعودية\tSaudi Arabia\t\t24\t45\t\t\t\n",
        "countries", true);
    k->AddPlacesTsv(
        "ly-tripoli\tcity\tطرابلس\tTripoli\t\t32.9\t13.2\tly\t\t\n"
        "lb-tripoli\tcity\tطرابلس\tTripoli\t\t34.4\t35.8\tlb\t\t\n"
        "ly-sirte\tcity\tسرت\tSirte\t\t31.2\t16.6\tly\t\t\n"
        "ye-aden\tcity\tعدن\tAden\t\t12.8\t45.0\tye\t\t\n"
        "sy-golan\tregion\tالجولان\tGolan Heights\t\t33.0\t35.75\tsy\t\t\n"
        "sy-raqqa\tcity\tالرقة\tRaqqa\t\t35.95\t39.0\tsy\t\t\n"
        "ly-watiya-base\tbase\tقاعدة الوطية\tal-Watiya Air Base\t\t32.5\t11.9\tly\t\t\n",
        "places", false);
    k->AddContextTsv("في\tbefore\ttype=place\nحي\tbefore\ttype=place\nعناصر\tbefore\ttype=armed_group\n", "ctx");
    k->AddPriorityTsv("kind=city\ntype=armed_group\n", "prio");
    k->AddGenericTsv(
        "الجيش الوطني\tnote\nقوات الجيش الوطني\tnote\n"
        "طيران التحالف\tnote\tus-led=sy|iq saudi-led=ye\n",
        "generic");
    k->AddKindCuesTsv("حي\tneighbourhood|town|village\n", "kinds");
    k->AddCommonNounsTsv("القاعدة\tالجوية|العسكرية\tقاعدة|قواعد\n", "common");
    k->ComputeCountries();
    return std::shared_ptr<const KnowledgeBase>(k);
  }();
  return kb;
}

std::vector<Entity> CountryRecog(const std::string& text, const std::vector<ExternalSpan>& extra = {}) {
  static EntityRecognizer rec(CountryKb());
  return rec.Recognize(text, Tokenize(text), {}, extra);
}

TEST(CountryContextTest, CountryOfPlacesAndActors) {
  const KnowledgeBase& kb = *CountryKb();
  EXPECT_EQ(kb.CountryOf(kb.IndexOf("ly-sirte")), "ly");
  EXPECT_EQ(kb.CountryOf(kb.IndexOf("lna")), "ly");
  EXPECT_EQ(kb.CountryOf(kb.IndexOf("ly")), "ly");
  EXPECT_EQ(kb.CountryOf(kb.IndexOf("al-qaeda")), "");  // no home country listed
  EXPECT_EQ(kb.CountryOf(-1), "");
  EXPECT_TRUE(kb.IsGenericName(KnowledgeBase::NameKey("قوات الجيش الوطني")));
  EXPECT_FALSE(kb.IsGenericName(KnowledgeBase::NameKey("الجيش الوطني الليبي")));
}

TEST(CountryContextTest, GenericNameFollowsTheDocumentsCountry) {
  // "National army forces withdrew from Sirte after clashes with GNA forces"
  auto libya = CountryRecog("انسحبت قوات الجيش الوطني من سرت بعد اشتباكات مع حكومة الوفاق");
  EXPECT_NE(FindId(libya, "lna"), nullptr);
  EXPECT_EQ(FindId(libya, "yemeni-army"), nullptr);
  // "The national army advanced on the Houthis near Aden"
  auto yemen = CountryRecog("تقدم الجيش الوطني نحو مواقع الحوثيين قرب عدن");
  EXPECT_NE(FindId(yemen, "yemeni-army"), nullptr);
  EXPECT_EQ(FindId(yemen, "lna"), nullptr);
}

TEST(CountryContextTest, GenericNameReadingsActInTheirTheaters) {
  const KnowledgeBase& kb = *CountryKb();
  // Theaters listed in generic.tsv replace the home country (iq is unknown
  // to this KB and dropped); other entities keep their own country.
  EXPECT_EQ(kb.GenericCountriesOf(kb.IndexOf("us-led")), std::vector<std::string>{"sy"});
  EXPECT_EQ(kb.GenericCountriesOf(kb.IndexOf("saudi-led")), std::vector<std::string>{"ye"});
  EXPECT_EQ(kb.GenericCountriesOf(kb.IndexOf("lna")), std::vector<std::string>{"ly"});
  bool warned = false;
  for (const auto& w : kb.warnings()) warned |= w.find("'iq'") != std::string::npos;
  EXPECT_TRUE(warned);
  // "Coalition aircraft struck Houthi positions near Aden": the Saudi-led
  // coalition, from Saudi Arabia, acting in Yemen.
  auto yemen = CountryRecog("شن طيران التحالف غارات على مواقع الحوثيين قرب عدن");
  EXPECT_NE(FindId(yemen, "saudi-led"), nullptr);
  EXPECT_EQ(FindId(yemen, "us-led"), nullptr);
  // "Coalition aircraft struck the city of Raqqa": the US-led coalition.
  auto syria = CountryRecog("قصف طيران التحالف مدينة الرقة");
  EXPECT_NE(FindId(syria, "us-led"), nullptr);
  EXPECT_EQ(FindId(syria, "saudi-led"), nullptr);
  // Neither theater named (Libya): unlinked.
  auto libya = CountryRecog("قصف طيران التحالف مواقع قرب سرت");
  EXPECT_EQ(FindId(libya, "us-led"), nullptr);
  EXPECT_EQ(FindId(libya, "saudi-led"), nullptr);
}

TEST(CountryContextTest, GenericNameWithoutContextStaysUnlinked) {
  // "The national army announced its control of the area" (no country named)
  auto ents = CountryRecog("أعلن الجيش الوطني سيطرته على المنطقة");
  EXPECT_EQ(FindId(ents, "lna"), nullptr);
  EXPECT_EQ(FindId(ents, "yemeni-army"), nullptr);
  bool provisional = false;
  for (const auto& e : ents) provisional |= e.id.rfind("new:", 0) == 0 && e.name_ar == "الجيش الوطني";
  EXPECT_TRUE(provisional);
  // A tie between two candidate countries does not decide either.
  auto tie = CountryRecog("قال الجيش الوطني إن ليبيا واليمن");  // "... said that Libya and Yemen"
  EXPECT_EQ(FindId(tie, "lna"), nullptr);
  EXPECT_EQ(FindId(tie, "yemeni-army"), nullptr);
}

TEST(CountryContextTest, PlaceNamedInTwoCountriesGoesToTheDocumentsCountry) {
  // "shelling in Tripoli ... Sirte" -> Libya's capital
  auto libya = CountryRecog("قصف في طرابلس وفي سرت");
  EXPECT_NE(FindId(libya, "ly-tripoli"), nullptr);
  EXPECT_EQ(FindId(libya, "lb-tripoli"), nullptr);
  // "clashes in Tripoli in Lebanon"
  auto lebanon = CountryRecog("اشتباكات في طرابلس في لبنان");
  EXPECT_NE(FindId(lebanon, "lb-tripoli"), nullptr);
  // No country named: neither.
  auto none = CountryRecog("قصف في طرابلس");
  EXPECT_EQ(FindId(none, "ly-tripoli"), nullptr);
  EXPECT_EQ(FindId(none, "lb-tripoli"), nullptr);
}

TEST(CountryContextTest, KindCueRejectsAPlaceOfAnotherKind) {
  // "clashes in the al-Jolan neighbourhood" is not the Golan region, and an
  // external span over it is not relinked by its text.
  const std::string text = "اشتباكات في حي الجولان";
  size_t at = text.find("الجولان");
  auto ents = CountryRecog(text, {{{static_cast<int32_t>(at), static_cast<int32_t>(text.size())}, "place"}});
  EXPECT_EQ(FindId(ents, "sy-golan"), nullptr);
  ASSERT_FALSE(ents.empty());
  EXPECT_EQ(ents[0].id.rfind("new:", 0), 0u);
  EXPECT_EQ(ents[0].type, "place");
  // Without the cue the region is linked: "in the Golan".
  EXPECT_NE(FindId(CountryRecog("اشتباكات في الجولان"), "sy-golan"), nullptr);
}

TEST(CountryContextTest, CommonNounNameNeedsNoOtherSense) {
  // "forces withdrew from the air base" (القاعدة الجوية): not al-Qaeda.
  EXPECT_EQ(FindId(CountryRecog("انسحبت القوات من القاعدة الجوية"), "al-qaeda"), nullptr);
  // "the al-Watiya base ... the base was not damaged": a base is named.
  EXPECT_EQ(FindId(CountryRecog("سيطرت القوات على قاعدة الوطية وقالت إن القاعدة لم تتضرر"), "al-qaeda"), nullptr);
  // "al-Qaeda claimed the attack": no other sense in the text.
  EXPECT_NE(FindId(CountryRecog("تبنت القاعدة الهجوم"), "al-qaeda"), nullptr);
  // A base is named, but "تنظيم القاعدة" names the group too.
  EXPECT_NE(FindId(CountryRecog("هاجم تنظيم القاعدة قاعدة عسكرية ثم انسحبت القاعدة"), "al-qaeda"), nullptr);
  // A base is named, but a cue before the name prefers a group: "members of al-Qaeda".
  EXPECT_NE(FindId(CountryRecog("هاجم عناصر القاعدة قاعدة عسكرية"), "al-qaeda"), nullptr);
}

TEST(CountryContextTest, DatelinePlaceIsPlaceContext) {
  // "Tripoli - (agency): ... Libya": the dateline place is kept and decided.
  auto ents = CountryRecog("طرابلس - وكالة: قالت حكومة الوفاق في ليبيا");
  EXPECT_NE(FindId(ents, "ly-tripoli"), nullptr);
}

}  // namespace
}  // namespace marsad
