#include "marsad/clean/clean_stage.h"

#include <gtest/gtest.h>

#include <thread>

#include "unit/clean/test_data.h"

namespace marsad {
namespace {

TEST(CleanStageTest, NameAndLayers) {
  auto stage = MakeCleanStage(clean::test_data::DataDir());
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  EXPECT_EQ((*stage)->Name(), "clean.article.v1");
  EXPECT_EQ((*stage)->Requires(), std::vector<std::string>{"raw"});
  EXPECT_EQ((*stage)->Provides(), (std::vector<std::string>{"body", "metadata"}));
}

TEST(CleanStageTest, BadDataDirIsStatusNotCrash) {
  auto stage = MakeCleanStage("/nonexistent");
  EXPECT_FALSE(stage.ok());
}

TEST(CleanStageTest, FillsDocumentAndIsThreadSafe) {
  auto stage = MakeCleanStage(clean::test_data::DataDir());
  ASSERT_TRUE(stage.ok());
  // "Displaced return to Hama villages" + a lead paragraph + share widget.
  const std::string raw =
      "نازحون يعودون إلى قرى ريف حماة\n\nعاد مئات النازحين خلال الأيام الماضية إلى قراهم في "
      "ريف حماة الشمالي بعد أسابيع من توقف القصف الجوي.\n\nمشاركة:\n";
  std::vector<Document> docs(8);
  std::vector<std::thread> threads;
  for (auto& d : docs) {
    d.raw = raw;
    d.input.url = "https://shaam.org/news/1";
    threads.emplace_back([&stage, &d] { EXPECT_TRUE((*stage)->Process(d).ok()); });
  }
  for (auto& t : threads) t.join();
  for (const Document& d : docs) {
    EXPECT_EQ(d.title, "نازحون يعودون إلى قرى ريف حماة");
    EXPECT_EQ(d.body.find("نازحون يعودون"), std::string::npos);
    ASSERT_TRUE(d.outlet.has_value());
    EXPECT_EQ(d.outlet->id, "shaam-news-network");
    ASSERT_EQ(d.removed.size(), 2u);
    EXPECT_EQ(d.removed[1].reason, "share-widget");
    EXPECT_TRUE(d.layers.count("body") && d.layers.count("metadata"));
  }
}

TEST(CleanStageTest, EmptyRawGivesDiagnostic) {
  auto stage = MakeCleanStage(clean::test_data::DataDir());
  ASSERT_TRUE(stage.ok());
  Document d;
  ASSERT_TRUE((*stage)->Process(d).ok());
  EXPECT_EQ(d.body, "");
  ASSERT_FALSE(d.diagnostics.empty());
  EXPECT_EQ(d.diagnostics.back().stage, "clean.article.v1");
  EXPECT_EQ(d.diagnostics.back().code, "no-article-text");
}

}  // namespace
}  // namespace marsad
