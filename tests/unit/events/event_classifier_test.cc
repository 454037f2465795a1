// Unit tests of EventClassifier (the events sentence gate): model file round
// trip, refusal of stale or corrupt files, scoring, training on a toy
// problem, and the gate inside EventExtractor. Sentences are written for
// these tests (not taken from any corpus); Arabic literals carry a gloss.
#include "marsad/events/event_classifier.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "marsad/events/event_extractor.h"
#include "marsad/events/gsr.h"
#include "marsad/normalize/arabic_normalizer.h"
#include "marsad/tokenize/tokenizer.h"

namespace marsad {
namespace {

const std::string kData = std::string(MARSAD_SOURCE_DIR) + "/data";

std::string Header() {
  return std::string(EventClassifier::kMagic) + " format=" + std::to_string(EventClassifier::kFormatVersion) +
         " normalization=" + std::to_string(kNormalizationVersion) +
         " features=" + std::to_string(EventClassifier::kFeatureVersion) + "\n";
}

TEST(EventClassifierTest, EmptyTextIsRefused) {
  auto c = EventClassifier::Parse("", "empty");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kFailedPrecondition);
}

TEST(EventClassifierTest, StaleVersionsAreRefusedWithTheRetrainCommand) {
  auto c = EventClassifier::Parse(std::string(EventClassifier::kMagic) + " format=1 normalization=999 features=1\n" +
                                      "type ASSAULT bias 0 threshold 0.5 weights 0\n",
                                  "old.model");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(c.status().message().find("marsad train events"), std::string::npos);
}

TEST(EventClassifierTest, TruncatedWeightsAreADataError) {
  auto c = EventClassifier::Parse(Header() + "type ASSAULT bias 0 threshold 0.5 weights 3\nhit:ASSAULT\t1\n", "cut");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kDataError);
  auto d = EventClassifier::Parse(Header() + "type ASSAULT bias 0 threshold 0.5 weights 1\nno-tab-here\n", "bad");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kDataError);
}

TEST(EventClassifierTest, ScoreIsTheLogisticOfTheSumOfDistinctFeatures) {
  auto c = EventClassifier::Parse(Header() + "provenance: test\n" +
                                      "type ASSAULT bias -1 threshold 0.6 weights 2\nhit:ASSAULT\t2\nc:negation\t-3\n",
                                  "t");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  const EventClassifier& m = **c;
  EXPECT_TRUE(m.Has("ASSAULT"));
  EXPECT_FALSE(m.Has("PROTEST"));
  EXPECT_EQ(m.provenance(), "test");
  EXPECT_DOUBLE_EQ(m.Threshold("ASSAULT"), 0.6);
  EXPECT_NEAR(m.Score("ASSAULT", {}), 1 / (1 + std::exp(1.0)), 1e-9);
  // A repeated feature counts once; unknown features weigh nothing.
  EXPECT_NEAR(m.Score("ASSAULT", {"hit:ASSAULT", "hit:ASSAULT", "s:unknown"}), 1 / (1 + std::exp(-1.0)), 1e-9);
  EXPECT_NEAR(m.Score("ASSAULT", {"hit:ASSAULT", "c:negation"}), 1 / (1 + std::exp(2.0)), 1e-9);
  // Types the model does not gate always pass.
  EXPECT_EQ(m.Score("PROTEST", {}), 1.0);
}

TEST(EventClassifierTest, SerializeParseRoundTrip) {
  EventClassifier::TypeModel a;
  a.bias = 0.25;
  a.threshold = 0.7;
  a.weights = {{"hit:ASSAULT", 1.5}, {"s:قصف", 0.75}};  // s:qasf "shelling"
  EventClassifier m({{"ASSAULT", a}}, "made by a test");
  auto back = EventClassifier::Parse(m.Serialize(), "round");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ((*back)->provenance(), "made by a test");
  std::vector<std::string> f = {"hit:ASSAULT", "s:قصف"};
  EXPECT_NEAR((*back)->Score("ASSAULT", f), m.Score("ASSAULT", f), 1e-5);
  EXPECT_NEAR((*back)->Threshold("ASSAULT"), 0.7, 1e-9);
}

TEST(EventClassifierTest, TrainingSeparatesAToyProblemDeterministically) {
  std::vector<EventClassifier::Example> ex;
  for (int i = 0; i < 40; ++i) {
    ex.push_back({{"good", "n" + std::to_string(i % 5)}, true});
    ex.push_back({{"bad", "n" + std::to_string(i % 5)}, false});
  }
  EventClassifier::TrainOptions o;
  o.runs = 3;
  auto m1 = EventClassifier::Train(ex, o);
  auto m2 = EventClassifier::Train(ex, o);
  EXPECT_GT(EventClassifier::ScoreWith(m1, {"good", "n1"}), 0.9);
  EXPECT_LT(EventClassifier::ScoreWith(m1, {"bad", "n1"}), 0.1);
  EXPECT_EQ(EventClassifier::ScoreWith(m1, {"good"}), EventClassifier::ScoreWith(m2, {"good"}));
}

TEST(EventClassifierTest, MinCountDropsRareFeatures) {
  std::vector<EventClassifier::Example> ex = {{{"once", "common"}, true}, {{"common"}, false}, {{"common"}, true}};
  EventClassifier::TrainOptions o;
  o.min_count = 2;
  auto m = EventClassifier::Train(ex, o);
  EXPECT_EQ(m.weights.count("once"), 0u);
}

TEST(GsrTest, CsvQuotesAndSplitIsStable) {
  auto rows = ParseCsv("a,b\n\"x, \"\"y\"\"\",2\r\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][0], "x, \"y\"");
  EXPECT_EQ(rows[1][1], "2");
  EXPECT_EQ(Fnv1a64(""), 1469598103934665603ull);
  EXPECT_EQ(InTrainSplit("some-id"), Fnv1a64("some-id") % 10 < 7);
}

class GateTest : public ::testing::Test {
 protected:
  std::vector<Event> Run(const EventExtractor& ex, const std::string& text, std::vector<SentenceFeatures>* feats,
                         bool gate = true) {
    text_ = text;
    toks_ = Tokenize(text_);
    EventInput in;
    in.body = text_;
    in.tokens = &toks_;
    in.gate = gate;
    in.features_out = feats;
    return ex.Extract(in);
  }
  std::string text_;
  std::vector<Token> toks_;
};

TEST_F(GateTest, FeaturesNameTheTriggerAndTheAcceptedEvent) {
  auto ex = EventExtractor::Load(kData);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  EXPECT_EQ((*ex)->classifier(), nullptr);  // Load without a model path: no gate
  std::vector<SentenceFeatures> feats;
  // "قصفت الطائرات مواقع المسلحين في المدينة" = "the planes shelled the militants' positions in the city"
  auto events = Run(**ex, "قصفت الطائرات مواقع المسلحين في المدينة.", &feats);
  ASSERT_EQ(feats.size(), 1u);
  const auto& f = feats[0].features;
  auto has = [&](const std::string& x) { return std::find(f.begin(), f.end(), x) != f.end(); };
  EXPECT_TRUE(has("hit:ASSAULT"));
  EXPECT_TRUE(has("ev:ASSAULT"));
  EXPECT_TRUE(has("evst:ASSAULT:completed"));
  EXPECT_EQ(feats[0].sentence.start, 0);
  // No trigger, no features: "الطقس جميل اليوم" = "the weather is nice today".
  feats.clear();
  Run(**ex, "الطقس جميل اليوم.", &feats);
  EXPECT_TRUE(feats.empty());
}

TEST_F(GateTest, GateDropsGatedTypesBelowThresholdOnly) {
  auto ex = EventExtractor::Load(kData);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  // "قصفت الطائرات مدينة حلب" = "the planes shelled the city of Aleppo";
  // "سيطرت القوات الحكومية على مدينة تدمر" = "government forces took the city
  // of Palmyra" (TAKE_CONTROL: never gated).
  const std::string text = "قصفت الطائرات مدينة حلب. سيطرت القوات الحكومية على مدينة تدمر أمس.";
  auto ungated = Run(**ex, text, nullptr);
  int assault = 0, control = 0;
  for (const auto& e : ungated) {
    assault += e.type == "ASSAULT";
    control += e.type == "TAKE_CONTROL";
  }
  ASSERT_GE(assault, 1);
  ASSERT_GE(control, 1);
  // A model that rejects every ASSAULT sentence.
  auto reject = EventClassifier::Parse(Header() + "type ASSAULT bias -10 threshold 0.5 weights 0\n", "reject");
  ASSERT_TRUE(reject.ok());
  auto gated = Run(*(*ex)->WithClassifier(*reject), text, nullptr);
  for (const auto& e : gated) EXPECT_NE(e.type, "ASSAULT");
  int control_after = 0;
  for (const auto& e : gated) control_after += e.type == "TAKE_CONTROL";
  EXPECT_EQ(control_after, control);
  // gate = false ignores the model.
  EXPECT_EQ(Run(*(*ex)->WithClassifier(*reject), text, nullptr, false).size(), ungated.size());
  // A model that accepts: same events, confidence is the mean of rule and score.
  auto accept = EventClassifier::Parse(Header() + "type ASSAULT bias 10 threshold 0.5 weights 0\n", "accept");
  ASSERT_TRUE(accept.ok());
  auto kept = Run(*(*ex)->WithClassifier(*accept), text, nullptr);
  ASSERT_EQ(kept.size(), ungated.size());
  for (size_t i = 0; i < kept.size(); ++i) {
    if (kept[i].type == "ASSAULT") {
      EXPECT_NEAR(kept[i].confidence, std::min(0.95, 0.5 * ungated[i].confidence + 0.5), 1e-4);
    }
  }
}

TEST_F(GateTest, LoadWithAMissingModelFails) {
  auto ex = EventExtractor::Load(kData, "/nonexistent/events.model");
  EXPECT_FALSE(ex.ok());
}

TEST_F(GateTest, ShippedModelLoadsWhenPresent) {
  std::string path = EventExtractor::DefaultModelPath(kData);
  if (path.empty()) GTEST_SKIP() << "models/events-gsr.model absent";
  auto clf = EventClassifier::Load(path);
  ASSERT_TRUE(clf.ok()) << clf.status().ToString();
  EXPECT_TRUE((*clf)->Has("ASSAULT"));
  EXPECT_TRUE((*clf)->Has("PROTEST"));
  EXPECT_NE((*clf)->provenance().find("marsad train events"), std::string::npos);
}

}  // namespace
}  // namespace marsad
