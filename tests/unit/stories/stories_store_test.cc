#include "marsad/stories/stories.h"

#include <gtest/gtest.h>

#include "marsad/store/store.h"
#include "unit/stories/test_docs.h"

namespace marsad::stories {
namespace {

using testing::MakeDoc;

const std::vector<testing::EntitySpec> kBukamal = {
    {"sy-abu-kamal", "place", "البوكمال"}, {"syrian-arab-army", "state_force", "الجيش السوري"}, {"isis", "armed_group", "داعش"}};
// "The Syrian army liberated Al-Bukamal completely after battles with Daesh."
const char* kA = "حرر الجيش السوري مدينة البوكمال بشكل كامل بعد معارك مع تنظيم داعش في ريف دير الزور.";
// "Daesh regained control of Al-Bukamal after a counter-attack on the Syrian army."
const char* kB = "استعاد تنظيم داعش السيطرة على مدينة البوكمال بعد هجوم معاكس على مواقع الجيش السوري في المدينة.";
// "Protesters in Beirut demanded the government's resignation."
const char* kC = "طالب المتظاهرون في بيروت باستقالة الحكومة وتحسين الأوضاع المعيشية في البلاد.";

StoriesOptions Options(const std::string& granularity = "story") {
  StoriesOptions o;
  o.granularity = granularity;
  o.data_dir = testing::DataDirForTests();
  return o;
}

TEST(StoriesStore, IncrementalUpdateListAndStoryJson) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Store& s = **store;
  ASSERT_TRUE(s.Put(MakeDoc(kA, "kayhan", "2017-11-19", kBukamal)).ok());
  ASSERT_TRUE(UpdateStories(s, Options()).ok());
  auto list = ListStories(s, 10, 0);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].documents, 1);
  const std::string first_id = (*list)[0].id;
  auto first_view = StoryJsonText(s, first_id);
  ASSERT_TRUE(first_view.ok());
  EXPECT_EQ(nlohmann::json::parse(*first_view)["documents"].size(), 1u);
  // New documents join incrementally.
  ASSERT_TRUE(s.Put(MakeDoc(kB, "enab-baladi", "2017-11-18", kBukamal)).ok());
  ASSERT_TRUE(s.Put(MakeDoc(kC, "other", "2017-11-18", {{"lb-beirut", "place", "بيروت"}})).ok());
  // A copy of the first report by a third outlet.
  ASSERT_TRUE(s.Put(MakeDoc(std::string(kA) + " المصدر: وكالات", "copier", "2017-11-20", kBukamal)).ok());
  ASSERT_TRUE(UpdateStories(s, Options()).ok());
  list = ListStories(s, 10, 0);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  const StoryListItem* bukamal = nullptr;
  for (const auto& item : *list) {
    if (item.documents == 3) bukamal = &item;
  }
  ASSERT_NE(bukamal, nullptr);
  EXPECT_EQ(bukamal->outlets, 2);  // the copier is a copy, not an independent outlet
  EXPECT_EQ(bukamal->first_date, "2017-11-18");
  EXPECT_EQ(bukamal->contradictions, 1);
  auto story = StoryJson(s, bukamal->id);
  ASSERT_TRUE(story.ok()) << story.status().ToString();
  ASSERT_EQ((*story)["duplicates"].size(), 1u);
  EXPECT_EQ((*story)["duplicates"][0]["duplicate_of"], 1);
  EXPECT_EQ((*story)["contradictions"][0]["kind"], "control");
  auto of = StoryOfDocument(s, 4);
  ASSERT_TRUE(of.ok());
  EXPECT_EQ(*of, bukamal->id);
  // Nothing new: no change.
  ASSERT_TRUE(UpdateStories(s, Options()).ok());
  EXPECT_EQ(ListStories(s, 10, 0)->size(), 2u);
  // Paging.
  EXPECT_EQ(ListStories(s, 1, 1)->size(), 1u);
  EXPECT_TRUE(ListStories(s, 10, 5)->empty());
  EXPECT_EQ(StoryJson(s, "nope").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(StoryJsonText(s, "nope").status().code(), StatusCode::kNotFound);
  // The view kept at the update is the object StoryJson computes.
  auto text = StoryJsonText(s, bukamal->id);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(nlohmann::json::parse(*text), *story);
  // Framing profiles over the store, copies excluded.
  auto prof = FramingProfiles(s, Options());
  ASSERT_TRUE(prof.ok());
  EXPECT_TRUE((*prof)["kayhan"]["isis"].contains("تنظيم داعش"));  // "the Daesh organisation"
  EXPECT_FALSE(prof->contains("copier"));
}

TEST(StoriesStore, GranularityIsKeptUntilRebuild) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Put(MakeDoc(kA, "kayhan", "2017-11-19", kBukamal)).ok());
  ASSERT_TRUE(UpdateStories(**store, Options("story")).ok());
  Status s = UpdateStories(**store, Options("event"));
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(RebuildStories(**store, Options("event")).ok());
  EXPECT_EQ(ListStories(**store, 10, 0)->size(), 1u);
  EXPECT_EQ(UpdateStories(**store, Options("bogus")).code(), StatusCode::kInvalidArgument);
}

TEST(StoriesStore, StateSurvivesReopening) {
  std::string path = ::testing::TempDir() + "/stories_reopen.db";
  std::remove(path.c_str());
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Put(MakeDoc(kA, "kayhan", "2017-11-19", kBukamal)).ok());
    ASSERT_TRUE(UpdateStories(**store, Options()).ok());
  }
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Put(MakeDoc(kB, "enab-baladi", "2017-11-18", kBukamal)).ok());
    ASSERT_TRUE(UpdateStories(**store, Options()).ok());
    auto list = ListStories(**store, 10, 0);
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ((*list)[0].documents, 2);
  }
  std::remove(path.c_str());
}

TEST(StoriesJson, InMemoryDocuments) {
  std::vector<Document> docs = {MakeDoc(kA, "kayhan", "2017-11-19", kBukamal), MakeDoc(kB, "enab-baladi", "2017-11-18", kBukamal),
                                MakeDoc(kC, "other", "2017-11-18", {{"lb-beirut", "place", "بيروت"}}), Document{}};
  nlohmann::json j = StoriesJson(docs, Options());
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["documents"].size(), 2u);
  EXPECT_EQ(j[0]["documents"][0]["id"], 1);
  EXPECT_TRUE(StoriesJson({}, Options()).empty());
}

}  // namespace
}  // namespace marsad::stories

namespace marsad::stories {
namespace {

TEST(StoriesStore, UpdaterReloadsAfterAnotherWriter) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  ASSERT_TRUE(s.Put(MakeDoc(kA, "kayhan", "2017-11-19", kBukamal)).ok());
  auto updater = StoryUpdater::Create(s, Options());
  ASSERT_TRUE(updater.ok());
  EXPECT_EQ(*(*updater)->Update(), 1);
  // Another writer assigns the next document ...
  ASSERT_TRUE(s.Put(MakeDoc(kB, "enab-baladi", "2017-11-18", kBukamal)).ok());
  ASSERT_TRUE(UpdateStories(s, Options()).ok());
  // ... the long-lived updater notices and does not assign it again.
  EXPECT_EQ(*(*updater)->Update(), 0);
  ASSERT_TRUE(s.Put(MakeDoc(kC, "other", "2017-11-18", {{"lb-beirut", "place", "بيروت"}})).ok());
  EXPECT_EQ(*(*updater)->Update(), 1);
  EXPECT_EQ(ListStories(s, 10, 0)->size(), 2u);
}

}  // namespace
}  // namespace marsad::stories
