#include "marsad/ner/ner_data.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace marsad {
namespace {

TEST(NerDataTest, EmptyAndWhitespaceOnly) {
  EXPECT_TRUE(ParseNerConll("").empty());
  EXPECT_TRUE(ParseNerConll("\n\n  \n\r\n").empty());
}

TEST(NerDataTest, KeepsOutermostKeptTypeAndMapsOthersToO) {
  // An OCC span (not kept) with a nested ORG and GPE; a DATE (not kept).
  const char* text =
      "a O\n"
      "b B-OCC\n"
      "c I-OCC B-ORG\n"
      "d I-OCC I-ORG\n"
      "e I-OCC\n"
      "f I-OCC B-GPE\n"
      "g B-DATE\n"
      "\n"
      "h B-ORG\n"
      "i I-ORG B-PERS\n"
      "j O\n";
  auto sents = ParseNerConll(text);
  ASSERT_EQ(sents.size(), 2u);
  EXPECT_EQ(sents[0].words, (std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g"}));
  EXPECT_EQ(sents[0].tags, (std::vector<std::string>{"O", "O", "B-ORG", "I-ORG", "O", "B-GPE", "O"}));
  // The nested PERS inside an ORG is hidden by the outer ORG.
  EXPECT_EQ(sents[1].tags, (std::vector<std::string>{"B-ORG", "I-ORG", "O"}));
}

TEST(NerDataTest, RepairsDanglingInsideTagAndToleratesJunk) {
  // The ORG starts inside a dropped outer level, so the file says I-ORG first.
  auto sents = ParseNerConll("x I-OCC I-ORG\r\ny I-ORG\r\nz\r\nw B-\r\nv Q-GPE\r\n");
  ASSERT_EQ(sents.size(), 1u);
  EXPECT_EQ(sents[0].tags, (std::vector<std::string>{"B-ORG", "I-ORG", "O", "O", "O"}));
}

TEST(NerDataTest, ReadsAFileAndReportsMissingOnes) {
  std::string path = testing::TempDir() + "/ner_data_test.conll";
  {
    std::ofstream f(path);
    f << "\xD8\xAF\xD9\x85\xD8\xB4\xD9\x82 B-GPE\n";  // دمشق (Damascus)
    f << "\n\n";
  }
  auto sents = ReadNerConll(path);
  ASSERT_TRUE(sents.ok()) << sents.status().message();
  ASSERT_EQ(sents->size(), 1u);
  EXPECT_EQ((*sents)[0].tags[0], "B-GPE");
  std::remove(path.c_str());
  auto missing = ReadNerConll(path + ".absent");
  EXPECT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kIoError);
}

TEST(NerDataTest, SpansFromBioChunksLikeConlleval) {
  auto spans = SpansFromBio({"B-PERS", "I-PERS", "O", "I-GPE", "I-GPE", "B-GPE", "I-ORG"});
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(spans[0], (NerSpan{0, 2, "PERS", 1}));
  EXPECT_EQ(spans[1], (NerSpan{3, 5, "GPE", 1}));  // I after O starts an entity
  EXPECT_EQ(spans[2], (NerSpan{5, 6, "GPE", 1}));
  EXPECT_EQ(spans[3], (NerSpan{6, 7, "ORG", 1}));  // type change starts an entity
  EXPECT_TRUE(SpansFromBio({}).empty());
}

TEST(NerDataTest, ScorerCountsExactSpanAndType) {
  NerScorer s;
  s.Add({{0, 2, "PERS", 1}, {4, 5, "GPE", 1}},
        {{0, 2, "PERS", 0.9f}, {4, 6, "GPE", 0.9f}, {7, 8, "ORG", 0.5f}});
  EXPECT_EQ(s.ForType("PERS").tp, 1);
  EXPECT_EQ(s.ForType("GPE").fp, 1);  // wrong boundary is both a FP and a FN
  EXPECT_EQ(s.ForType("GPE").fn, 1);
  EXPECT_EQ(s.ForType("ORG").fp, 1);
  auto m = s.Micro();
  EXPECT_EQ(m.tp, 1);
  EXPECT_NEAR(m.Precision(), 100.0 / 3, 1e-9);
  EXPECT_NEAR(m.Recall(), 50.0, 1e-9);
  EXPECT_NE(s.Report().find("micro"), std::string::npos);
}

}  // namespace
}  // namespace marsad
