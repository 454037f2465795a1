// Tests of the pair classifier: training on a tiny team-written set, the
// model file (round trip, rejection of bad files), the decision rule, the
// ANS CSV reader, the scorer, and the shipped model on team-written pairs
// (each Arabic literal with a gloss; none comes from the ANS corpus).
#include "marsad/compare/pair_classifier.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "marsad/compare/pair_data.h"
#include "marsad/compare/pair_eval.h"

namespace marsad {
namespace {

PairLexicon SmallLexicon() {
  PairLexicon lex;
  EXPECT_TRUE(
      lex.AddPolarityTsv("change\tup\tارتفع ارتفعت ارتفاع\nchange\tdown\tانخفض انخفضت انخفاض\n", "t").ok());
  EXPECT_TRUE(lex.AddNegationTsv("لم\tparticle\n", "t").ok());
  lex.AddPlace("حلب");  // Halab, Aleppo
  return lex;
}

// A few team-written pairs: contradictions by antonym and negation,
// paraphrases by reordering, unrelated pairs.
std::vector<LabeledPair> TinyTrainingSet() {
  return {
      // "Gold price rose" / "Gold price fell"
      {"ارتفع سعر الذهب", "انخفض سعر الذهب", PairLabel::kContradiction},
      // "Wheat exports rose" / "Wheat exports fell"
      {"ارتفعت صادرات القمح", "انخفضت صادرات القمح", PairLabel::kContradiction},
      // "The delegation arrived in Aleppo" / "The delegation did not arrive in Aleppo"
      {"وصل الوفد إلى حلب", "الوفد لم يصل إلى حلب", PairLabel::kContradiction},
      // "Gold price rose" / "A rise in the price of gold"
      {"ارتفع سعر الذهب", "ارتفاع في سعر الذهب", PairLabel::kParaphrase},
      // "The delegation arrived in Aleppo" / "Arrival of the delegation in Aleppo"
      {"وصل الوفد إلى حلب", "الوفد يصل إلى حلب", PairLabel::kParaphrase},
      // "Wheat exports fell" / "A fall in wheat exports"
      {"انخفضت صادرات القمح", "انخفاض صادرات القمح", PairLabel::kParaphrase},
      // "Gold price rose" / "The football team won the cup"
      {"ارتفع سعر الذهب", "فاز فريق الكرة بالكأس", PairLabel::kOther},
      // "The delegation arrived in Aleppo" / "A new film opens tonight"
      {"وصل الوفد إلى حلب", "عرض فيلم جديد الليلة", PairLabel::kOther},
  };
}

PairClassifier TrainTiny() {
  PairTrainOptions o;
  o.epochs = 30;
  o.trained_on = "team-written test pairs";
  auto m = PairClassifier::Train(SmallLexicon(), TinyTrainingSet(), o);
  EXPECT_TRUE(m.ok()) << m.status().message();
  return std::move(m).value();
}

TEST(PairClassifierTest, LearnsTheTrainingPairs) {
  PairClassifier m = TrainTiny();
  for (const LabeledPair& p : TinyTrainingSet()) {
    auto pr = m.Probabilities(p.a, p.b);
    int best = static_cast<int>(std::max_element(pr.begin(), pr.end()) - pr.begin());
    EXPECT_EQ(best, static_cast<int>(p.label)) << p.a << " / " << p.b;
  }
}

TEST(PairClassifierTest, ClassifyExplainsAndSymmetricAverages) {
  PairClassifier m = TrainTiny();
  m.set_contradiction_threshold(0.0);
  // "Oil price rose" / "Oil price fell" (not in the training pairs)
  PairVerdict v = m.Classify("ارتفع سعر النفط", "انخفض سعر النفط");
  EXPECT_EQ(v.label, "contradiction");
  EXPECT_DOUBLE_EQ(v.score, v.probabilities[1]);
  bool opposed = false;
  for (const std::string& r : v.reasons) opposed |= r.find("opposed") != std::string::npos;
  EXPECT_TRUE(opposed);
  auto s1 = m.SymmetricProbabilities("ارتفع سعر النفط", "انخفض سعر النفط");
  auto s2 = m.SymmetricProbabilities("انخفض سعر النفط", "ارتفع سعر النفط");
  for (int k = 0; k < kPairLabels; ++k) EXPECT_NEAR(s1[k], s2[k], 1e-9);
}

TEST(PairClassifierTest, ThresholdFallsBackToNoAssertion) {
  PairClassifier m = TrainTiny();
  m.set_contradiction_threshold(1.0);  // never sure enough
  PairVerdict v = m.Classify("ارتفع سعر النفط", "انخفض سعر النفط");
  EXPECT_EQ(v.label, "other");
  ASSERT_FALSE(v.reasons.empty());
  EXPECT_NE(v.reasons[0].find("below the threshold"), std::string::npos);
  EXPECT_EQ(m.Decide({0.2, 0.7, 0.1}), PairLabel::kOther);
  m.set_contradiction_threshold(0.6);
  EXPECT_EQ(m.Decide({0.2, 0.7, 0.1}), PairLabel::kContradiction);
  EXPECT_EQ(m.Decide({0.7, 0.2, 0.1}), PairLabel::kParaphrase);
}

TEST(PairClassifierTest, EmptyInputGivesAVerdict) {
  PairClassifier m = TrainTiny();
  PairVerdict v = m.Classify("", "");
  EXPECT_FALSE(v.label.empty());
  EXPECT_GE(v.score, 0.0);
  EXPECT_LE(v.score, 1.0);
}

TEST(PairClassifierTest, SerializeRoundTrip) {
  PairClassifier m = TrainTiny();
  m.set_contradiction_threshold(0.75);
  std::string bytes = m.Serialize();
  EXPECT_EQ(bytes.rfind("MARSAD-PAIRS format=1", 0), 0u);
  auto back = PairClassifier::Parse(bytes);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_DOUBLE_EQ(back->contradiction_threshold(), 0.75);
  EXPECT_EQ(back->provenance(), m.provenance());
  EXPECT_TRUE(back->stemmer_matches());
  for (const LabeledPair& p : TinyTrainingSet()) {
    auto x = m.Probabilities(p.a, p.b), y = back->Probabilities(p.a, p.b);
    for (int k = 0; k < kPairLabels; ++k) EXPECT_NEAR(x[k], y[k], 1e-5);
  }
  EXPECT_EQ(back->Serialize(), bytes);
}

TEST(PairClassifierTest, RejectsBadModelFiles) {
  EXPECT_EQ(PairClassifier::Parse("").status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(PairClassifier::Parse("hello\n").status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(
      PairClassifier::Parse("MARSAD-PAIRS format=999 normalization=1 features=1\nend\n").status().code(),
      StatusCode::kFailedPrecondition);
  std::string good = TrainTiny().Serialize();
  // Truncated anywhere before the final "end" line: an error, never a crash
  // (only the last newline may be missing).
  for (size_t cut = 0; cut + 1 < good.size(); cut += 7) {
    auto m = PairClassifier::Parse(good.substr(0, cut));
    EXPECT_FALSE(m.ok()) << "cut at " << cut;
  }
  std::string bad = good;
  bad.replace(bad.find("weights "), 8, "weights 99999999999999999999 ");
  EXPECT_FALSE(PairClassifier::Parse(bad).ok());
  EXPECT_EQ(PairClassifier::Load("/nonexistent/pairs.model").status().code(), StatusCode::kIoError);
}

TEST(PairClassifierTest, TrainRejectsEmptyData) {
  EXPECT_FALSE(PairClassifier::Train(SmallLexicon(), {}, PairTrainOptions()).ok());
}

TEST(AnsCsvTest, ParsesHeaderQuotesAndLabels) {
  // Team-written rows in the ANS layout.
  auto pairs = ParseAnsStanceCsv(
      "s1,s2,stance\n"
      "ارتفع الذهب,انخفض الذهب,disagree\r\n"           // gold rose / gold fell
      "\"الذهب، والفضة\",\"قال \"\"نعم\"\"\",agree\n"  // "gold, and silver" / said "yes"
      "أ,ب,other\n",
      "test.csv");
  ASSERT_TRUE(pairs.ok()) << pairs.status().message();
  ASSERT_EQ(pairs->size(), 3u);
  EXPECT_EQ((*pairs)[0].label, PairLabel::kContradiction);
  EXPECT_EQ((*pairs)[0].b, "انخفض الذهب");
  EXPECT_EQ((*pairs)[1].a, "الذهب، والفضة");
  EXPECT_EQ((*pairs)[1].b, "قال \"نعم\"");
  EXPECT_EQ((*pairs)[1].label, PairLabel::kParaphrase);
  EXPECT_EQ((*pairs)[2].label, PairLabel::kOther);
  EXPECT_FALSE(ParseAnsStanceCsv("s1,s2,stance\na,b,maybe\n", "t").ok());
  EXPECT_FALSE(ParseAnsStanceCsv("s1,s2,stance\na,b\n", "t").ok());
}

TEST(PairConfusionTest, Arithmetic) {
  PairConfusion c;
  c.Add(PairLabel::kContradiction, PairLabel::kContradiction);
  c.Add(PairLabel::kContradiction, PairLabel::kContradiction);
  c.Add(PairLabel::kContradiction, PairLabel::kParaphrase);
  c.Add(PairLabel::kParaphrase, PairLabel::kParaphrase);
  c.Add(PairLabel::kParaphrase, PairLabel::kContradiction);
  EXPECT_DOUBLE_EQ(c.Precision(PairLabel::kContradiction), 2.0 / 3);
  EXPECT_DOUBLE_EQ(c.Recall(PairLabel::kContradiction), 2.0 / 3);
  EXPECT_DOUBLE_EQ(c.Precision(PairLabel::kParaphrase), 0.5);
  EXPECT_DOUBLE_EQ(c.Accuracy(), 0.6);
  EXPECT_NEAR(c.MacroF1({PairLabel::kParaphrase, PairLabel::kContradiction}), (2.0 / 3 + 0.5) / 2, 1e-12);
  EXPECT_DOUBLE_EQ(c.Precision(PairLabel::kOther), 0.0);  // nothing predicted: 0, not NaN
}

// The shipped model (models/pairs-ans.model) on team-written pairs.
class ShippedModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The model is part of the repository (trained by `marsad train pairs`).
    std::string path = std::string(MARSAD_SOURCE_DIR) + "/models/pairs-ans.model";
    auto m = PairClassifier::Load(path);
    ASSERT_TRUE(m.ok()) << m.status().message();
    model_ = std::make_unique<PairClassifier>(std::move(m).value());
  }
  double PContra(const char* a, const char* b) { return model_->Classify(a, b).probabilities[1]; }
  double PPara(const char* a, const char* b) { return model_->Classify(a, b).probabilities[0]; }
  std::unique_ptr<PairClassifier> model_;
};

TEST_F(ShippedModelTest, LoadsWithProvenance) {
  EXPECT_NE(model_->provenance().find("ans/data/stance/train.csv"), std::string::npos);
  EXPECT_TRUE(model_->stemmer_matches());
  EXPECT_GE(model_->contradiction_threshold(), 0.5);
  EXPECT_GT(model_->num_features(), 100u);
}

TEST_F(ShippedModelTest, AntonymContradiction) {
  // "Wheat prices rise in Egyptian markets" / "Wheat prices fall in Egyptian markets"
  const char* a = "ارتفاع أسعار القمح في الأسواق المصرية";
  const char* b = "انخفاض أسعار القمح في الأسواق المصرية";
  EXPECT_GT(PContra(a, b), PPara(a, b));
}

TEST_F(ShippedModelTest, NegationContradiction) {
  // "The minister attends the summit in Amman" / "The minister will not attend the summit in Amman"
  const char* a = "الوزير يحضر القمة في عمان";
  const char* b = "الوزير لن يحضر القمة في عمان";
  EXPECT_GT(PContra(a, b), PPara(a, b));
}

TEST_F(ShippedModelTest, ReorderedParaphrase) {
  // "The central bank raises the interest rate" / "Raising of the interest rate by the central bank"
  const char* a = "البنك المركزي يرفع سعر الفائدة";
  const char* b = "رفع سعر الفائدة من قبل البنك المركزي";
  EXPECT_GT(PPara(a, b), PContra(a, b));
}

TEST_F(ShippedModelTest, ClassifyIsThreadSafe) {
  // Same answers from several threads at once (run under TSan/ASan in CI).
  const char* a = "ارتفاع أسعار القمح في الأسواق المصرية";  // wheat prices rise in Egyptian markets
  const char* b = "انخفاض أسعار القمح في الأسواق المصرية";  // wheat prices fall in Egyptian markets
  PairVerdict expected = model_->Classify(a, b);
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i)
        if (model_->Classify(a, b).label != expected.label) ++mismatches;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace marsad
