#include "marsad/stories/clusterer.h"

#include <gtest/gtest.h>

#include "unit/stories/test_docs.h"

namespace marsad::stories {
namespace {

using testing::MakeDoc;

const std::vector<testing::EntitySpec> kBukamal = {
    {"sy-abu-kamal", "place", "البوكمال"}, {"syrian-arab-army", "state_force", "الجيش السوري"}, {"isis", "armed_group", "داعش"}};

// "The Syrian army entered Al-Bukamal after battles with Daesh."
const char* kEntered = "دخل الجيش السوري مدينة البوكمال بعد معارك عنيفة مع تنظيم داعش في ريف دير الزور الشرقي";
// "Daesh fighters withdrew from Al-Bukamal before the Syrian army advanced."
const char* kWithdrew = "انسحب مسلحو داعش من البوكمال قبل تقدم الجيش السوري نحو المدينة الحدودية مع العراق";
// "Protesters in Beirut demanded the government's resignation."
const char* kBeirut = "طالب المتظاهرون في بيروت باستقالة الحكومة وتحسين الأوضاع المعيشية في البلاد";

TEST(DayNumber, ParsesPrefixesAndWeeks) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayString(DayNumber("2017-11-19T21:11")), "2017-11-19");
  EXPECT_EQ(DayString(DayNumber("2017-11")), "2017-11-15");
  EXPECT_EQ(DayString(DayNumber("2017-W46")), "2017-11-16");  // Thursday of ISO week 46
  EXPECT_EQ(DayNumber(""), kNoDay);
  EXPECT_EQ(DayNumber("P10D"), kNoDay);
  EXPECT_EQ(DayNumber("20x7"), kNoDay);
  EXPECT_EQ(DayString(kNoDay), "");
}

DocFeatures Features(const Document& d, int64_t id) {
  static const MinHasher hasher;
  return ExtractFeatures(d, id, hasher);
}

TEST(Clusterer, SameEventJoinsUnrelatedStartsNew) {
  StoryClusterer c(ClustererOptions::ForGranularity("story"));
  auto a = c.Add(Features(MakeDoc(kEntered, "a", "2017-11-16", kBukamal), 1));
  EXPECT_TRUE(a.new_story);
  EXPECT_EQ(a.story, "s1");
  auto b = c.Add(Features(MakeDoc(kWithdrew, "b", "2017-11-17", kBukamal), 2));
  EXPECT_FALSE(b.new_story);
  EXPECT_EQ(b.story, "s1");
  auto d = c.Add(Features(MakeDoc(kBeirut, "c", "2017-11-17", {{"lb-beirut", "place", "بيروت"}}), 3));
  EXPECT_TRUE(d.new_story);
  EXPECT_EQ(c.story_count(), 2u);
}

TEST(Clusterer, TimeWindowSeparatesEvents) {
  StoryClusterer c(ClustererOptions::ForGranularity("event"));
  c.Add(Features(MakeDoc(kEntered, "a", "2017-11-16", kBukamal), 1));
  // The same words three weeks later: another event in "event" granularity ...
  auto late = c.Add(Features(MakeDoc(kWithdrew, "b", "2017-12-09", kBukamal), 2));
  EXPECT_TRUE(late.new_story);
  // ... but one story in "story" granularity.
  StoryClusterer s(ClustererOptions::ForGranularity("story"));
  s.Add(Features(MakeDoc(kEntered, "a", "2017-11-16", kBukamal), 1));
  EXPECT_FALSE(s.Add(Features(MakeDoc(kWithdrew, "b", "2017-12-09", kBukamal), 2)).new_story);
}

TEST(Clusterer, CopyPointsToTheEarliestVersion) {
  StoryClusterer c(ClustererOptions::ForGranularity("story"));
  c.Add(Features(MakeDoc(kEntered, "wire-client", "2017-11-17", kBukamal), 1));
  // The same text published a day earlier by the agency: it becomes the original.
  auto agency = c.Add(Features(MakeDoc(kEntered, "afp", "2017-11-16", kBukamal), 2));
  EXPECT_EQ(agency.story, "s1");
  EXPECT_EQ(agency.duplicate_of, 0);
  ASSERT_EQ(agency.repointed_copies.size(), 1u);
  EXPECT_EQ(agency.repointed_copies[0], 1);
  // A third copy, later: points to the agency's version.
  auto third = c.Add(Features(MakeDoc(kEntered, "other", "2017-11-18", kBukamal), 3));
  EXPECT_EQ(third.duplicate_of, 2);
  EXPECT_GE(third.duplicate_similarity, 0.99);
}

TEST(Clusterer, StateRoundTripsThroughJson) {
  StoryClusterer c(ClustererOptions::ForGranularity("story"));
  Document a = MakeDoc(kEntered, "a", "2017-11-16", kBukamal);
  c.Add(Features(a, 1));
  StoryClusterer restored(ClustererOptions::ForGranularity("story"));
  restored.RestoreStory("s1", c.StoryState("s1"));
  for (const auto& [t, n] : c.df()) restored.SetDf(t, n);
  restored.SetDocCount(c.doc_count());
  DocFeatures f = Features(a, 1);
  restored.RestoreDocument(f, "s1", 0);
  auto b = restored.Add(Features(MakeDoc(kWithdrew, "b", "2017-11-17", kBukamal), 2));
  EXPECT_EQ(b.story, "s1");
  // A damaged state restores as an empty story rather than throwing.
  restored.RestoreStory("s9", nlohmann::json::parse("{\"centroid\": 3}"));
  EXPECT_EQ(restored.story_count(), 2u);
}

}  // namespace
}  // namespace marsad::stories
