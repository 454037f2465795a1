// Tests of the pair features on team-written Arabic pairs (each with a
// gloss). The lexicon is built in the test from small TSV snippets, so the
// behaviour tested does not move when data/compare grows; one test loads the
// real data files.
#include "marsad/compare/pair_features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "marsad/compare/pair_data.h"

namespace marsad {
namespace {

PairLexicon TestLexicon() {
  PairLexicon lex;
  EXPECT_TRUE(lex.AddPolarityTsv("axis\tpole\twords\n"
                                 "# comment\n"
                                 "change\tup\tارتفع ارتفعت يرتفع ارتفاع صعود\n"     // rose, rise
                                 "change\tdown\tانخفض انخفضت ينخفض انخفاض تراجع\n"  // fell, fall
                                 "control\tgain\tسيطر سيطرت دخل دخلت\n"             // took, entered
                                 "control\tloss\tانسحب انسحبت\n",                   // withdrew
                                 "test polarity")
                  .ok());
  EXPECT_TRUE(lex.AddNegationTsv("cue\tkind\nلم\tparticle\nلا\tparticle\nنفى\tverb\n", "test negation").ok());
  lex.AddPlace("دمشق");   // Dimashq, Damascus
  lex.AddPlace("بغداد");  // Baghdad
  lex.AddPlace("سوريا");  // Suriya, Syria
  return lex;
}

bool Has(const PairFeatureSet& f, const std::string& name) {
  return std::any_of(f.features.begin(), f.features.end(), [&](const auto& p) { return p.first == name; });
}

float Value(const PairFeatureSet& f, const std::string& name) {
  for (const auto& [n, v] : f.features)
    if (n == name) return v;
  return -1;
}

bool ReasonContains(const PairFeatureSet& f, const std::string& text) {
  return std::any_of(f.reasons.begin(), f.reasons.end(),
                     [&](const std::string& r) { return r.find(text) != std::string::npos; });
}

TEST(PairWordKeyTest, FoldsCliticsAndEndings) {
  EXPECT_EQ(PairWordKey("المصريه"), "مصر");       // al-misriyya (the Egyptian, f.) -> misr
  EXPECT_EQ(PairWordKey("اللبنانيين"), "لبنان");  // al-lubnaniyyin (the Lebanese, pl.) -> lubnan
  EXPECT_EQ(PairWordKey("والشركات"), "شرك");      // wa-al-sharikat (and the companies)
  EXPECT_EQ(PairWordKey("2017"), "2017");
  EXPECT_EQ(PairWordKey("abc"), "abc");
  EXPECT_EQ(PairWordKey(""), "");
}

TEST(PairFeaturesTest, EmptyAndNonArabicInputDoNotCrash) {
  PairLexicon lex = TestLexicon();
  for (const char* a : {"", " ", "\u0640\u0640", "\u064E\u064F", "abc 123", "\xff\xfe"}) {
    PairFeatureSet f = ExtractPairFeatures(a, "", lex);
    EXPECT_TRUE(Has(f, "bias"));
    EXPECT_TRUE(Has(f, "jaccard"));
  }
}

TEST(PairFeaturesTest, IdenticalSentencesOverlapFully) {
  PairLexicon lex = TestLexicon();
  // "The army entered the city of Deir ez-Zor"
  const char* s = "الجيش دخل مدينة دير الزور";
  PairFeatureSet f = ExtractPairFeatures(s, s, lex);
  EXPECT_FLOAT_EQ(Value(f, "jaccard"), 1.0f);
  EXPECT_FLOAT_EQ(Value(f, "unaligned_b"), 0.0f);
  EXPECT_FALSE(Has(f, "negation_differs"));
  EXPECT_FALSE(Has(f, "polarity_conflict"));
  EXPECT_TRUE(f.reasons.empty());
}

TEST(PairFeaturesTest, NegationOnlyInSecond) {
  PairLexicon lex = TestLexicon();
  // "The army entered the city" / "The army did not enter the city"
  PairFeatureSet f = ExtractPairFeatures("الجيش دخل المدينة", "الجيش لم يدخل المدينة", lex);
  EXPECT_TRUE(Has(f, "negation_differs"));
  EXPECT_TRUE(Has(f, "negation_more_in_b"));
  EXPECT_FALSE(Has(f, "negation_more_in_a"));
  EXPECT_TRUE(ReasonContains(f, "لم"));
}

TEST(PairFeaturesTest, OpposedPolesAreAConflict) {
  PairLexicon lex = TestLexicon();
  // "Wheat prices rose in the markets" / "Wheat prices fell in the markets"
  PairFeatureSet f =
      ExtractPairFeatures("ارتفعت أسعار القمح في الأسواق", "انخفضت أسعار القمح في الأسواق", lex);
  EXPECT_FLOAT_EQ(Value(f, "polarity_conflict"), 1.0f);
  EXPECT_TRUE(Has(f, "polarity_conflict:change"));
  EXPECT_TRUE(ReasonContains(f, "change:up"));
  EXPECT_TRUE(ReasonContains(f, "change:down"));
}

TEST(PairFeaturesTest, ControlAxisConflict) {
  PairLexicon lex = TestLexicon();
  // "The fighters took the village" / "The fighters withdrew from the village"
  PairFeatureSet f = ExtractPairFeatures("المقاتلون سيطروا على القرية", "المقاتلون انسحبوا من القرية", lex);
  EXPECT_TRUE(Has(f, "polarity_conflict:control"));
  // "The fighters took the village" twice, in other words: no conflict.
  PairFeatureSet g = ExtractPairFeatures("المقاتلون سيطروا على القرية", "دخل المقاتلون القرية", lex);
  EXPECT_FALSE(Has(g, "polarity_conflict"));
}

TEST(PairFeaturesTest, SamePoleInDifferentWordsIsASynonym) {
  PairLexicon lex = TestLexicon();
  // "Wheat prices rose" / "A rise in wheat prices" (verb vs noun of one pole)
  PairFeatureSet f = ExtractPairFeatures("ارتفعت أسعار القمح", "صعود أسعار القمح", lex);
  EXPECT_FALSE(Has(f, "polarity_conflict"));
  EXPECT_TRUE(Has(f, "polarity_same"));
  EXPECT_TRUE(Has(f, "polarity_synonyms"));
  // The synonym pair is not a learned substitution feature.
  EXPECT_FALSE(Has(f, "b:صعود"));
}

TEST(PairFeaturesTest, DifferentNumbers) {
  PairLexicon lex = TestLexicon();
  // "12 civilians killed in shelling of the village" / "40 civilians ..."
  PairFeatureSet f =
      ExtractPairFeatures("مقتل 12 مدنيا في قصف على القرية", "مقتل 40 مدنيا في قصف على القرية", lex);
  EXPECT_TRUE(Has(f, "numbers_differ"));
  EXPECT_TRUE(ReasonContains(f, "12"));
  // Eastern Arabic digits are the same number: "١٢" = 12.
  PairFeatureSet g = ExtractPairFeatures("مقتل 12 مدنيا", "مقتل ١٢ مدنيا", lex);
  EXPECT_TRUE(Has(g, "numbers_equal"));
  EXPECT_FALSE(Has(g, "numbers_differ"));
}

TEST(PairFeaturesTest, PlaceSubstitution) {
  PairLexicon lex = TestLexicon();
  // "Explosion in a market in Baghdad" / "Explosion in a market in Damascus"
  PairFeatureSet f = ExtractPairFeatures("انفجار في سوق ببغداد", "انفجار في سوق بدمشق", lex);
  EXPECT_TRUE(Has(f, "place_substituted"));
  EXPECT_TRUE(ReasonContains(f, "places differ"));
  // A nisba is its place: "Syrian forces" / "forces of Syria" is no substitution.
  PairFeatureSet g = ExtractPairFeatures("القوات السورية في دمشق", "قوات سوريا في دمشق", lex);
  EXPECT_FALSE(Has(g, "place_substituted"));
}

TEST(PairFeaturesTest, InflectionsAreAlignedNotSubstituted) {
  PairLexicon lex = TestLexicon();
  // "The minister visits the capital" / "The minister's visit to the capital":
  // يزور / زيارة share no stem but are one word family; only the
  // preposition is new.
  PairFeatureSet f = ExtractPairFeatures("الوزير يزور العاصمة", "زيارة الوزير إلى العاصمة", lex);
  EXPECT_FALSE(Has(f, "polarity_conflict"));
  EXPECT_FALSE(Has(f, "negation_differs"));
  EXPECT_GT(Value(f, "jaccard"), 0.3f);
}

TEST(PairLexiconTest, RejectsMalformedRows) {
  PairLexicon lex;
  Status s = lex.AddPolarityTsv("change\tup\n", "bad.tsv");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bad.tsv:1"), std::string::npos);
  EXPECT_FALSE(lex.AddNegationTsv("two words\tparticle\n", "bad.tsv").ok());
}

TEST(PairLexiconTest, LoadsTheShippedDataFiles) {
  auto lex = LoadPairLexicon(std::string(MARSAD_SOURCE_DIR) + "/data");
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_GT(lex->polarity_size(), 200u);
  EXPECT_GT(lex->negation_size(), 10u);
  EXPECT_TRUE(lex->IsNegation(PairWordKey("لم")));
  // "They deny" / "they confirm" sit on opposed poles of one axis.
  PairFeatureSet f = ExtractPairFeatures("الحكومة تؤكد وقوع الهجوم", "الحكومة تنفي وقوع الهجوم", *lex);
  EXPECT_TRUE(Has(f, "polarity_conflict:speech"));
}

}  // namespace
}  // namespace marsad
