#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "marsad/document/document.h"
#include "marsad/normalize/arabic_normalizer.h"
#include "marsad/tokenize/tokenize_stage.h"
#include "marsad/tokenize/tokenizer.h"

namespace marsad {
namespace {

std::string Text(std::string_view s, const Span& sp) {
  return std::string(s.substr(sp.start, sp.end - sp.start));
}

std::vector<std::string> Texts(std::string_view s) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(s)) out.push_back(Text(s, t.span));
  return out;
}

// --- Edge cases -----------------------------------------------------------

TEST(TokenizeTest, EmptyAndWhitespaceOnly) {
  EXPECT_TRUE(Tokenize("").empty());
  EXPECT_TRUE(Tokenize(" \t\n\r\n ").empty());
  EXPECT_TRUE(SplitSentences("").empty());
  EXPECT_TRUE(SplitSentences("  \n\n ").empty());
}

TEST(TokenizeTest, TatweelOnlyAndDiacriticsOnly) {
  auto toks = Tokenize("ـــ");  // tatweels only
  ASSERT_EQ(toks.size(), 1u);
  EXPECT_EQ(toks[0].kind, TokenKind::kOther);
  EXPECT_EQ(toks[0].norm, "");
  toks = Tokenize("\u064E\u0651");  // fatha + shadda alone
  ASSERT_EQ(toks.size(), 1u);
  EXPECT_EQ(toks[0].kind, TokenKind::kOther);
}

TEST(TokenizeTest, MixedScriptsAndDigits) {
  // "qal" (said) AFP: "25%" of "1,000" ... 3.5 and Arabic-Indic 2017.
  std::string s = "قال AFP: 25% من 1,000 و3.5 عام ٢٠١٧.";
  EXPECT_EQ(Texts(s), (std::vector<std::string>{"قال", "AFP", ":", "25%", "من", "1,000", "و", "3.5",
                                                "عام", "٢٠١٧", "."}));
  auto toks = Tokenize(s);
  EXPECT_EQ(toks[0].kind, TokenKind::kArabic);
  EXPECT_EQ(toks[1].kind, TokenKind::kLatin);
  EXPECT_EQ(toks[1].norm, "afp");
  EXPECT_EQ(toks[2].kind, TokenKind::kPunct);
  EXPECT_EQ(toks[3].kind, TokenKind::kNumber);
  EXPECT_EQ(toks[9].kind, TokenKind::kNumber);
  EXPECT_EQ(toks[9].norm, "2017");
}

TEST(TokenizeTest, NumberForms) {
  EXPECT_EQ(Texts("٣٫٥٪ 10,5 7."), (std::vector<std::string>{"٣٫٥٪", "10,5", "7", "."}));
  EXPECT_EQ(Tokenize("٣٫٥٪")[0].norm, "3.5%");
}

TEST(TokenizeTest, PunctuationAndSymbols) {
  // "hal?" (question) in guillemets, an ellipsis, a dollar sign.
  auto toks = Tokenize("«هل؟» ... $");
  ASSERT_EQ(toks.size(), 6u);
  EXPECT_EQ(toks[0].kind, TokenKind::kPunct);   // «
  EXPECT_EQ(toks[0].norm, "\"");
  EXPECT_EQ(toks[2].kind, TokenKind::kPunct);   // ؟
  EXPECT_EQ(toks[4].kind, TokenKind::kPunct);   // ...
  EXPECT_EQ(toks[5].kind, TokenKind::kSymbol);  // $
}

TEST(TokenizeTest, ArabicWordKeepsDiacriticsAndTatweel) {
  // al-jaysh "the army" with a damma and a tatweel inside.
  auto toks = Tokenize("الجـيشُ");
  ASSERT_EQ(toks.size(), 1u);
  EXPECT_EQ(toks[0].norm, "الجيش");
  EXPECT_EQ(toks[0].stem, "جيش");
}

TEST(TokenizeTest, CliticsAndStems) {
  // wa-bi-l-Bukamal "and in Al-Bukamal".
  auto toks = Tokenize("وبالبوكمال");
  ASSERT_EQ(toks.size(), 1u);
  EXPECT_EQ(toks[0].stem, "بوكمال");
  EXPECT_EQ(toks[0].prefix_bytes, 8);  // و ب ا ل
  EXPECT_EQ(toks[0].suffix_bytes, 0);
  // quwwatuhum "their forces".
  toks = Tokenize("قواتهم");
  EXPECT_EQ(toks[0].stem, "قوات");
  EXPECT_EQ(toks[0].suffix_bytes, 4);
}

TEST(TokenizeTest, SentenceIndexOfTokens) {
  std::string s = "دخل الجيش. انسحب التنظيم";  // "the army entered. the group withdrew"
  auto toks = Tokenize(s);
  ASSERT_EQ(toks.size(), 5u);
  EXPECT_EQ(toks[2].sentence, 0);  // the full stop
  EXPECT_EQ(toks[3].sentence, 1);
  EXPECT_EQ(toks[4].sentence, 1);
}

// --- LightStem ------------------------------------------------------------

TEST(LightStemTest, ArticleAndPrepositions) {
  EXPECT_EQ(LightStem("البوكمال"), "بوكمال");    // al-Bukamal
  EXPECT_EQ(LightStem("للبوكمال"), "بوكمال");    // li-l-Bukamal
  EXPECT_EQ(LightStem("فالجيش"), "جيش");        // fa-l-jaysh
  EXPECT_EQ(LightStem("كالعاده"), "عاده");       // ka-l-'ada "as usual"
  EXPECT_EQ(LightStem("بمدينه"), "مدينه");       // bi-madina "in a city"
  EXPECT_EQ(LightStem("ولقوات"), "قوات");        // wa-li-quwwat "and for forces"
}

TEST(LightStemTest, WordsWhoseFirstLetterOnlyLooksLikeAClitic) {
  // Listed words (data/tokenize/stem_protected.tsv) keep their first letter,
  // alone and after a real proclitic.
  EXPECT_EQ(LightStem(MatchForm("بركان")), MatchForm("بركان"));    // burkan "volcano", not bi + rkan
  EXPECT_EQ(LightStem(MatchForm("كمين")), MatchForm("كمين"));      // kamin "ambush"
  EXPECT_EQ(LightStem(MatchForm("بكمين")), MatchForm("كمين"));     // bi-kamin "in an ambush"
  // Names from the knowledge base (stem_protected_names.tsv, generated).
  EXPECT_EQ(LightStem(MatchForm("كركوك")), MatchForm("كركوك"));    // Kirkuk, not ka + rkuk
  EXPECT_EQ(LightStem(MatchForm("وبنغازي")), MatchForm("بنغازي"));  // wa-Benghazi
  EXPECT_EQ(LightStem(MatchForm("لبنغازي")), MatchForm("بنغازي"));  // li-Benghazi
}

TEST(LightStemTest, ProtectedFeminineNounBeforeAPronoun) {
  // وفاة "death" is listed; its ة is written ت before a pronoun.
  EXPECT_EQ(LightStem(MatchForm("وفاته")), MatchForm("وفاته"));    // wafatuhu "his death", not wa + fatuh
  auto split = LightStemSplit(MatchForm("وفاته"));
  EXPECT_EQ(split.prefix_bytes, 0);
  // An unlisted word of the same shape keeps its conjunction split:
  // "وسيارته" (wa-sayyaratuhu "and his car").
  EXPECT_EQ(LightStemSplit(MatchForm("وسيارته")).prefix_bytes, 2);
}

TEST(LightStemTest, ShortWordsAreNotMangled) {
  EXPECT_EQ(LightStem("الله"), "الله");  // Allah: remainder would be 2 letters
  EXPECT_EQ(LightStem("الليل"), "ليل");  // al-layl "the night"
  EXPECT_EQ(LightStem("ليل"), "ليل");    // layl "night"
  EXPECT_EQ(LightStem("بلد"), "بلد");    // balad "country"
  EXPECT_EQ(LightStem("بين"), "بين");    // bayna "between"
}

TEST(LightStemTest, ProtectedStems) {
  EXPECT_EQ(LightStem("وزير"), "وزير");     // wazir "minister"
  EXPECT_EQ(LightStem("الوزير"), "وزير");   // the minister
  EXPECT_EQ(LightStem("والوزير"), "وزير");  // and the minister
  EXPECT_EQ(LightStem("فريق"), "فريق");     // fariq "team"
  EXPECT_EQ(LightStem("كتاب"), "كتاب");     // kitab "book"
  EXPECT_EQ(LightStem("لليبيا"), "ليبيا");   // li-Libya "for Libya"
  EXPECT_EQ(LightStem("تفاهم"), "تفاهم");   // tafahum "understanding", not tafa+hum
}

TEST(LightStemTest, PronounSuffixes) {
  EXPECT_EQ(LightStem("مقاتليها"), "مقاتلي");  // its fighters
  EXPECT_EQ(LightStem("قادتنا"), "قادت");      // our leaders
  EXPECT_EQ(LightStem("مدينه"), "مدينه");      // madina: a bare heh is never stripped
  EXPECT_EQ(LightStem("منهم"), "منهم");        // minhum: remainder too short
  EXPECT_EQ(LightStem("بعضها"), "بعض");        // ba'duha "some of it": not bi + 'adha
  EXPECT_EQ(LightStem("بلادنا"), "بلاد");      // biladuna "our country": protected + suffix
  EXPECT_EQ(LightStem("وصولهم"), "وصول");      // wusuluhum "their arrival"
  EXPECT_EQ(LightStem("الحكم"), "حكم");        // al-hukm "the rule": not al-h + kum
}

TEST(LightStemTest, LoanPatternsKept) {
  EXPECT_EQ(LightStem("فيها"), "فيها");    // fiha "in it": no fa + yha
  EXPECT_EQ(LightStem("فيروس"), "فيروس");  // virus
  EXPECT_EQ(LightStem("كافه"), "كافه");    // kaffa "all"
  EXPECT_EQ(LightStem("كالعاده"), "عاده");  // ka + al-'ada still stripped
}

TEST(LightStemTest, NonArabicUntouched) {
  EXPECT_EQ(LightStem("isis"), "isis");
  EXPECT_EQ(LightStem("2017"), "2017");
  EXPECT_EQ(LightStem(""), "");
}

TEST(LightStemTest, StemIsSubstring) {
  for (std::string_view w : {"وبالبوكمال", "للجنه", "وقواتهم", "فسيقوم", "الاتفاق"}) {
    StemSplit s = LightStemSplit(w);
    std::string stem = LightStem(w);
    EXPECT_EQ(std::string(w.substr(s.prefix_bytes, w.size() - s.prefix_bytes - s.suffix_bytes)), stem);
  }
}

// --- SplitSentences -------------------------------------------------------

TEST(SplitSentencesTest, Terminators) {
  // "he said. then he went? yes! no؛ end"
  std::string s = "قال. ثم ذهب؟ نعم! لا؛ انتهى";
  auto sents = SplitSentences(s);
  ASSERT_EQ(sents.size(), 5u);
  EXPECT_EQ(Text(s, sents[0]), "قال.");
  EXPECT_EQ(Text(s, sents[1]), "ثم ذهب؟");
  EXPECT_EQ(Text(s, sents[4]), "انتهى");
}

TEST(SplitSentencesTest, NotInsideNumbersOrAfterInitials) {
  // "reached 3.5 million." / "Dr. (a.) Muhammad said." / "J. Smith came."
  EXPECT_EQ(SplitSentences("بلغ 3.5 مليون.").size(), 1u);
  EXPECT_EQ(SplitSentences("قال أ. محمد إنه وصل.").size(), 1u);
  EXPECT_EQ(SplitSentences("J. Smith came. Then left.").size(), 2u);
  EXPECT_EQ(SplitSentences("see example.com now").size(), 1u);
}

TEST(SplitSentencesTest, NewlinesAndClosingQuotes) {
  std::string s = "قال: «انتهى.» ثم\n\nسطر";  // said: «it ended.» then / line
  auto sents = SplitSentences(s);
  ASSERT_EQ(sents.size(), 3u);
  EXPECT_EQ(Text(s, sents[0]), "قال: «انتهى.»");
  EXPECT_EQ(Text(s, sents[1]), "ثم");
  EXPECT_EQ(Text(s, sents[2]), "سطر");
}

// --- SegmentClitics -------------------------------------------------------

TEST(SegmentCliticsTest, FarasaScheme) {
  using V = std::vector<std::string>;
  EXPECT_EQ(SegmentClitics("والتلفزيون"), (V{"و", "ال", "تلفزيون"}));  // and the television
  EXPECT_EQ(SegmentClitics("للمؤتمر"), (V{"ل", "ال", "مؤتمر"}));      // for the conference
  EXPECT_EQ(SegmentClitics("ترشيحاتها"), (V{"ترشيح", "ات", "ها"}));    // its nominations
  EXPECT_EQ(SegmentClitics("في"), (V{"في"}));                         // fi "in"
  EXPECT_EQ(SegmentClitics("2014"), (V{"2014"}));
  EXPECT_EQ(SegmentClitics("للمدينة"), (V{"ل", "ال", "مدين", "ة"}));   // for the city
  EXPECT_EQ(SegmentClitics("منهم"), (V{"من", "هم"}));                 // from them
  EXPECT_EQ(SegmentClitics("عليه"), (V{"علي", "ه"}));                 // on him
  EXPECT_EQ(SegmentClitics("والتي"), (V{"و", "التي"}));               // and which (f.)
  EXPECT_EQ(SegmentClitics("لكل"), (V{"ل", "كل"}));                   // for each
  EXPECT_EQ(SegmentClitics("وسيعلن"), (V{"و", "س", "يعلن"}));         // and he will announce
  EXPECT_EQ(SegmentClitics("انسحبت"), (V{"انسحب", "ت"}));             // she/it withdrew
  EXPECT_EQ(SegmentClitics("قيادته"), (V{"قياد", "ت", "ه"}));         // its command (ة -> ت)
  EXPECT_EQ(SegmentClitics("الوزير"), (V{"ال", "وزير"}));             // the minister
  EXPECT_EQ(SegmentClitics("الله"), (V{"الله"}));                     // God: never split
  EXPECT_EQ(SegmentClitics("وُزَراء"), (V{"وزراء"}));                  // ministers, vocalized
}

// --- Stage ----------------------------------------------------------------

TEST(TokenizeStageTest, FillsLayers) {
  StagePtr stage = MakeTokenizeStage();
  EXPECT_EQ(stage->Name(), "tokenize.arabic.v1");
  EXPECT_EQ(stage->Provides(), std::vector<std::string>({"sentences", "tokens"}));
  Document doc;
  doc.body = "سيطر الجيش على المدينة. وانسحب التنظيم.";  // the army took the city. the group withdrew.
  ASSERT_TRUE(stage->Process(doc).ok());
  EXPECT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.tokens.size(), 8u);
  EXPECT_EQ(doc.tokens.back().sentence, 1);
  EXPECT_TRUE(doc.layers.count("tokens"));
  EXPECT_TRUE(doc.layers.count("sentences"));
}

}  // namespace
}  // namespace marsad
