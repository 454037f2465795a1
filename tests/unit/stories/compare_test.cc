#include "marsad/stories/compare.h"

#include <gtest/gtest.h>

#include "marsad/stories/lexicon.h"
#include "unit/stories/test_docs.h"

namespace marsad::stories {
namespace {

using nlohmann::json;
using testing::EntitySpec;
using testing::MakeDoc;

const EntitySpec kPlace{"sy-abu-kamal", "place", "البوكمال"};
const EntitySpec kArmy{"syrian-arab-army", "state_force", "الجيش السوري"};
const EntitySpec kRegime{"syrian-arab-army", "state_force", "قوات النظام"};
const EntitySpec kIsis{"isis", "armed_group", "داعش"};
const EntitySpec kSoleimani{"qasem-soleimani", "person", "قاسم سليماني"};

// "The Syrian army liberated the city of Al-Bukamal completely."
const char* kLiberated = "حرر الجيش السوري مدينة البوكمال بشكل كامل.";
// "Daesh regained control of the city of Al-Bukamal."
const char* kIsisRetook = "استعاد تنظيم داعش السيطرة على مدينة البوكمال.";
// "Regime forces entered the city of Al-Bukamal. The Observatory said clashes are going on inside the city."
const char* kEnteredClashes = "دخلت قوات النظام مدينة البوكمال. وقال المرصد إن الاشتباكات تدور داخل المدينة.";
// "Regime forces took control of Al-Bukamal." (same side as kLiberated, other words)
const char* kRegimeControl = "سيطرت قوات النظام على مدينة البوكمال.";
// "Daesh is trying to regain control of Al-Bukamal." (an attempt, not a claim of control)
const char* kIsisAttempt = "يحاول تنظيم داعش استعادة السيطرة على مدينة البوكمال.";

const StoryLexicon& Lex() {
  static const StoryLexicon* lex = [] {
    auto l = StoryLexicon::Load(testing::DataDirForTests());
    EXPECT_TRUE(l.ok()) << l.status().ToString();
    return new StoryLexicon(l.ok() ? std::move(*l) : StoryLexicon());
  }();
  return *lex;
}

json Compare(const std::vector<Document>& docs, std::vector<int64_t> duplicate_of = {}) {
  std::vector<StoryMember> members;
  for (size_t i = 0; i < docs.size(); ++i) {
    members.push_back({static_cast<int64_t>(i) + 1, &docs[i], i < duplicate_of.size() ? duplicate_of[i] : 0, 0});
  }
  return CompareStory({"s1", "story", {}}, members, Lex());
}

std::vector<json> OfKind(const json& story, const std::string& kind, const std::string& field = "") {
  std::vector<json> out;
  for (const auto& c : story["contradictions"]) {
    if (c["kind"] == kind && (field.empty() || c.value("field", "") == field)) out.push_back(c);
  }
  return out;
}

TEST(Lexicon, SidesFollowRelations) {
  EXPECT_EQ(Lex().SideOf("syrian-arab-army"), "pro_government");
  EXPECT_EQ(Lex().SideOf("isis"), "isis");
  EXPECT_EQ(Lex().SideOf("qasem-soleimani"), "pro_government");  // leader of the Quds Force (relations.tsv)
  EXPECT_EQ(Lex().SideOf("no-such-entity"), "");
  EXPECT_TRUE(Lex().SameChain("qasem-soleimani", "irgc"));
  EXPECT_FALSE(Lex().SameChain("qasem-soleimani", "syrian-arab-army"));
}

TEST(Lexicon, MissingDataDirIsAnError) {
  auto l = StoryLexicon::Load("/nonexistent-marsad-data");
  EXPECT_FALSE(l.ok());
}

TEST(Framing, CountsTermsPerConcept) {
  // "Daesh and the State organisation; the separatist SDF militias; the Axis of Resistance."
  Document d = MakeDoc("داعش وتنظيم الدولة، وميليشيات قسد الانفصالية، ومحور المقاومة وداعش.", "a", "2017-11-19", {});
  json f = FramingCounts(d, Lex());
  EXPECT_EQ(f["isis"]["داعش"], 2);
  EXPECT_EQ(f["isis"]["تنظيم الدولة"], 1);
  EXPECT_EQ(f["sdf"]["ميليشيات قسد"], 1);  // longest term wins over ميليشيات + قسد
  EXPECT_EQ(f["sdf"]["الانفصالية"], 1);
  EXPECT_EQ(f["pro_government_forces"]["محور المقاومة"], 1);
  EXPECT_FALSE(f["pro_government_forces"].contains("ميليشيات"));
  EXPECT_TRUE(FramingCounts(MakeDoc("", "a", "", {}), Lex()).empty());
}

TEST(ControlStatements, SideStatusAndGoals) {
  auto lib = ControlStatements(MakeDoc(kLiberated, "a", "2017-11-19", {kPlace, kArmy}), Lex());
  ASSERT_EQ(lib.size(), 1u);
  EXPECT_EQ(lib[0].place, "sy-abu-kamal");
  EXPECT_EQ(lib[0].side, "pro_government");
  EXPECT_EQ(lib[0].status, "complete");
  EXPECT_FALSE(lib[0].background);
  auto isis = ControlStatements(MakeDoc(kIsisRetook, "b", "2017-11-18", {kPlace, kIsis}), Lex());
  ASSERT_EQ(isis.size(), 1u);
  EXPECT_EQ(isis[0].side, "isis");
  EXPECT_TRUE(ControlStatements(MakeDoc(kIsisAttempt, "b", "2017-11-18", {kPlace, kIsis}), Lex()).empty());
  // "To take control of Al-Bukamal" (a goal with ل).
  EXPECT_TRUE(ControlStatements(MakeDoc("تتقدم القوات للسيطرة على مدينة البوكمال.", "b", "2017-11-18", {kPlace}), Lex()).empty());
  // "...which the organisation controls" (a relative clause describes, it does not report).
  auto rel = ControlStatements(MakeDoc("البوكمال من أهم المدن التي يسيطر عليها تنظيم داعش.", "b", "2017-11-18", {kPlace, kIsis}), Lex());
  for (const auto& s : rel) EXPECT_TRUE(s.background);
  // "Clashes are going on inside the city" -> a partial statement about the document's place.
  auto clashes = ControlStatements(MakeDoc(kEnteredClashes, "c", "2017-11-19", {kPlace, kRegime}), Lex());
  ASSERT_EQ(clashes.size(), 2u);
  EXPECT_EQ(clashes[0].status, "control");
  EXPECT_EQ(clashes[1].status, "partial");
  EXPECT_EQ(clashes[1].place, "sy-abu-kamal");
}

TEST(Contradictions, ControlBySidesWithBothSidesEvidence) {
  json s = Compare({MakeDoc(kLiberated, "a", "2017-11-19", {kPlace, kArmy}),
                    MakeDoc(kIsisRetook, "b", "2017-11-18", {kPlace, kIsis})});
  auto c = OfKind(s, "control", "controller_side");
  ASSERT_EQ(c.size(), 1u);
  ASSERT_EQ(c[0]["sides"].size(), 2u);
  for (const auto& side : c[0]["sides"]) {
    ASSERT_FALSE(side["evidence"].empty());
    const auto& e = side["evidence"][0];
    EXPECT_TRUE(e.contains("doc_id") && e.contains("outlet") && e.contains("text") && e.contains("start") && e.contains("end"));
  }
  EXPECT_EQ(c[0]["sides"][0]["value"], "isis");
  EXPECT_EQ(c[0]["sides"][0]["outlets"][0], "b");
  EXPECT_EQ(c[0]["sides"][0]["evidence"][0]["start"], 0);
}

TEST(Contradictions, NoneForTheSameSideInOtherWords) {
  json s = Compare({MakeDoc(kLiberated, "a", "2017-11-19", {kPlace, kArmy}),
                    MakeDoc(kRegimeControl, "d", "2017-11-19", {kPlace, kRegime})});
  EXPECT_TRUE(s["contradictions"].empty()) << s["contradictions"].dump();
}

TEST(Contradictions, NoneForAnAttempt) {
  json s = Compare({MakeDoc(kLiberated, "a", "2017-11-19", {kPlace, kArmy}),
                    MakeDoc(kIsisAttempt, "b", "2017-11-19", {kPlace, kIsis})});
  EXPECT_TRUE(OfKind(s, "control").empty()) << s["contradictions"].dump();
}

TEST(Contradictions, NoneForReportsFarApartInTime) {
  json s = Compare({MakeDoc(kLiberated, "a", "2017-11-19", {kPlace, kArmy}),
                    MakeDoc(kIsisRetook, "b", "2017-09-01", {kPlace, kIsis})});
  EXPECT_TRUE(OfKind(s, "control").empty()) << s["contradictions"].dump();
}

TEST(Contradictions, NoneWithinOneOutletOrFromACopy) {
  // The same outlet reporting both (an update) is not a disagreement between outlets.
  json same = Compare({MakeDoc(kLiberated, "a", "2017-11-19", {kPlace, kArmy}),
                       MakeDoc(kIsisRetook, "a", "2017-11-18", {kPlace, kIsis})});
  EXPECT_TRUE(same["contradictions"].empty());
  // A copy never counts as a side.
  json copy = Compare({MakeDoc(kLiberated, "a", "2017-11-19", {kPlace, kArmy}),
                       MakeDoc(kIsisRetook, "b", "2017-11-18", {kPlace, kIsis})},
                      {0, 1});
  EXPECT_TRUE(copy["contradictions"].empty());
}

TEST(Contradictions, CompleteVersusStillContested) {
  json s = Compare({MakeDoc(kLiberated, "a", "2017-11-19", {kPlace, kArmy}),
                    MakeDoc(kEnteredClashes, "c", "2017-11-19", {kPlace, kRegime})});
  auto c = OfKind(s, "control", "control_status");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["sides"][0]["value"], "complete");
  EXPECT_EQ(c[0]["sides"][1]["value"], "contested");
  EXPECT_EQ(c[0]["sides"][1]["outlets"][0], "c");
  // Contested days before a complete capture is a sequence, not a contradiction.
  json seq = Compare({MakeDoc(kLiberated, "a", "2017-11-19", {kPlace, kArmy}),
                      MakeDoc(kEnteredClashes, "c", "2017-11-10", {kPlace, kRegime})});
  EXPECT_TRUE(OfKind(seq, "control", "control_status").empty());
}

TEST(Contradictions, Leadership) {
  // "Qasem Soleimani led the battle to liberate Al-Bukamal." / "The operation in Al-Bukamal ran under the command of regime forces."
  json s = Compare({MakeDoc("قاد قاسم سليماني بنفسه معركة تحرير البوكمال.", "a", "2017-11-19", {kPlace, kSoleimani}),
                    MakeDoc("وجرت العملية في البوكمال بقيادة قوات النظام.", "c", "2017-11-19", {kPlace, kRegime})});
  auto c = OfKind(s, "leadership");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["sides"][0]["value"], "qasem-soleimani");
  EXPECT_EQ(c[0]["sides"][1]["value"], "syrian-arab-army");
  // The leaders (القادة "the commanders") are not a claim of who led.
  json none = Compare({MakeDoc("قاد قاسم سليماني بنفسه معركة تحرير البوكمال.", "a", "2017-11-19", {kPlace, kSoleimani}),
                       MakeDoc("وصل القادة إلى البوكمال مع قوات النظام.", "c", "2017-11-19", {kPlace, kRegime})});
  EXPECT_TRUE(OfKind(none, "leadership").empty());
}

TEST(Story, DocumentsDatesAndFraming) {
  Document undated = MakeDoc(kRegimeControl, "d", "", {kPlace, kRegime});
  json s = Compare({MakeDoc(kLiberated, "a", "2017-11-19", {kPlace, kArmy}), undated,
                    MakeDoc(kIsisRetook, "b", "2017-11-17", {kPlace, kIsis})});
  EXPECT_EQ(s["first_date"], "2017-11-17");
  EXPECT_EQ(s["last_date"], "2017-11-19");
  EXPECT_EQ(s["documents"][1]["date"], "2017-11-19");  // median of the dated documents
  EXPECT_EQ(s["documents"][1]["date_inferred"], true);
  EXPECT_EQ(s["framing"]["isis"]["b"]["تنظيم داعش"], 1);  // the longest term
  EXPECT_EQ(s["places"][0]["id"], "sy-abu-kamal");
  EXPECT_FALSE(s["timeline"].empty());
  for (const char* key : {"id", "title", "documents", "duplicates", "events", "claims", "contradictions",
                          "unique_claims", "framing", "timeline"}) {
    EXPECT_TRUE(s.contains(key)) << key;
  }
}

TEST(Story, EmptyMembers) {
  json s = Compare({});
  EXPECT_TRUE(s["documents"].empty());
  EXPECT_TRUE(s["contradictions"].empty());
}

}  // namespace
}  // namespace marsad::stories

namespace marsad::stories {
namespace {

void AddEvent(Document* d, const std::string& type, double count, bool negated = false,
              const std::string& status = "completed") {
  Event e;
  e.type = type;
  e.place = EventArg{"place", "sy-abu-kamal", "البوكمال", {}};
  size_t pos = d->body.find("البوكمال");
  if (pos != std::string::npos) e.place->span = {static_cast<int32_t>(pos), static_cast<int32_t>(pos + 16)};
  e.evidence = {0, static_cast<int32_t>(d->body.size())};
  e.negated = negated;
  e.status = status;
  if (count > 0) e.quantities.push_back({"", count, "people", {}});
  d->events.push_back(e);
}

// "N people were killed in the shelling of Al-Bukamal."
const char* kKilled = "قتل أشخاص في قصف على مدينة البوكمال.";

TEST(Fusion, SameTypeAndPlaceMergeWithAllReports) {
  std::vector<Document> docs = {MakeDoc(kKilled, "a", "2017-11-19", {kPlace}), MakeDoc(kKilled, "b", "2017-11-20", {kPlace}),
                                MakeDoc(kKilled, "c", "2017-11-20", {kPlace})};
  AddEvent(&docs[0], "KILL", 15);
  AddEvent(&docs[1], "KILL", 17);   // within 25%: the same count in other words
  AddEvent(&docs[2], "KILL", 0);
  json s = Compare(docs);
  ASSERT_EQ(s["events"].size(), 1u);
  EXPECT_EQ(s["events"][0]["reports"].size(), 3u);
  EXPECT_EQ(s["events"][0]["independent_outlets"], 3);
  EXPECT_TRUE(OfKind(s, "count").empty());
  ASSERT_EQ(s["claims"].size(), 1u);
  EXPECT_EQ(s["claims"][0]["outlets"]["c"], "asserts");
}

TEST(Fusion, CountsThatDifferKeepEverySourcesVersion) {
  std::vector<Document> docs = {MakeDoc(kKilled, "a", "2017-11-19", {kPlace}), MakeDoc(kKilled, "b", "2017-11-19", {kPlace})};
  AddEvent(&docs[0], "KILL", 15);
  AddEvent(&docs[1], "KILL", 40);
  json s = Compare(docs);
  auto c = OfKind(s, "count");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]["sides"].size(), 2u);
  EXPECT_TRUE(s["events"][0]["contested"].contains("count"));
}

TEST(Fusion, DenialAndSilence) {
  std::vector<Document> docs = {MakeDoc(kKilled, "a", "2017-11-19", {kPlace}), MakeDoc(kKilled, "b", "2017-11-19", {kPlace}),
                                MakeDoc("طقس معتدل في البوكمال.", "c", "2017-11-19", {kPlace})};  // "mild weather in Al-Bukamal"
  AddEvent(&docs[0], "KILL", 0);
  AddEvent(&docs[1], "KILL", 0, /*negated=*/true);
  json s = Compare(docs);
  auto c = OfKind(s, "denial");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(s["claims"][0]["outlets"]["a"], "asserts");
  EXPECT_EQ(s["claims"][0]["outlets"]["b"], "denies");
  EXPECT_EQ(s["claims"][0]["outlets"]["c"], "silent");
}

TEST(Fusion, AttemptIsNotDeniedOrContradicted) {
  std::vector<Document> docs = {MakeDoc(kKilled, "a", "2017-11-19", {kPlace}), MakeDoc(kKilled, "b", "2017-11-19", {kPlace})};
  AddEvent(&docs[0], "TAKE_CONTROL", 0);
  AddEvent(&docs[1], "TAKE_CONTROL", 0, /*negated=*/true, "attempted");
  EXPECT_TRUE(Compare(docs)["contradictions"].empty());
}

TEST(Fusion, UniqueClaims) {
  std::vector<Document> docs = {MakeDoc(kKilled, "a", "2017-11-19", {kPlace}), MakeDoc("طقس معتدل في البوكمال.", "b", "2017-11-19", {kPlace})};
  AddEvent(&docs[0], "KILL", 3);
  json s = Compare(docs);
  ASSERT_EQ(s["unique_claims"].size(), 1u);
  EXPECT_EQ(s["unique_claims"][0]["outlet"], "a");
}

}  // namespace
}  // namespace marsad::stories
