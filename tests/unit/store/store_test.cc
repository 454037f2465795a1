#include "marsad/store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "marsad/normalize/arabic_normalizer.h"
#include "marsad/store/fts_tokenizer.h"
#include "store_test_util.h"

namespace marsad {
namespace {

using store_test::MakeDoc;
using store_test::RawExec;
using store_test::TempDir;

std::set<int64_t> HitIds(const std::vector<SearchHit>& hits) {
  std::set<int64_t> ids;
  for (const SearchHit& h : hits) ids.insert(h.doc_id);
  return ids;
}

class StoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> OpenOrDie(const StoreOptions& options = {}) {
    auto s = Store::Open(path_, options);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s.value()) : nullptr;
  }
  TempDir dir_;
  std::string path_ = dir_.path() + "/marsad.db";
};

// A store written at schema 2 (before story_views and the facet indexes)
// opens read-write at the current schema with its documents intact; read-only it is
// refused with a hint.
TEST_F(StoreTest, MigratesSchema2Store) {
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->Put(MakeDoc("قصفت الطائرات مدينة البوكمال", "غارات")).ok());  // "planes bombed Al-Bukamal", "air strikes"
  }
  for (const char* sql : {"DROP TABLE doc_facets", "DROP TABLE story_views", "DROP INDEX documents_facets", "DROP INDEX events_by_doc_type",
                          "DROP INDEX mentions_by_doc_entity", "CREATE INDEX mentions_by_doc ON mentions(doc_id)",
                          "PRAGMA user_version = 2"}) {
    RawExec(path_, sql);
  }
  StoreOptions ro;
  ro.read_only = true;
  EXPECT_EQ(Store::Open(path_, ro).status().code(), StatusCode::kFailedPrecondition);
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    auto hits = store->Search("البوكمال", {});  // Al-Bukamal
    ASSERT_TRUE(hits.ok()) << hits.status().ToString();
    EXPECT_EQ(hits->size(), 1u);
  }
  EXPECT_EQ(RawExec(path_, "PRAGMA user_version"), std::to_string(kStoreSchemaVersion));
  EXPECT_EQ(RawExec(path_, "SELECT count(*) FROM sqlite_master WHERE name IN "
                           "('story_views', 'documents_facets', 'events_by_doc_type', 'mentions_by_doc_entity')"),
            "4");
  EXPECT_EQ(RawExec(path_, "SELECT count(*) FROM sqlite_master WHERE name = 'mentions_by_doc'"), "0");
}

// A schema-3 store gains doc_facets filled from its documents, mentions and
// events; documents stored later get their row from Put.
TEST_F(StoreTest, MigratesSchema3StoreWithSearchFacets) {
  // "planes bombed Al-Bukamal", "air strikes"
  auto doc = MakeDoc("قصفت الطائرات مدينة البوكمال", "غارات", "enab", "2017-11-08");
  Entity place;
  place.id = "sy-abu-kamal";
  place.type = "place";
  place.mentions.push_back({{21, 37}, "البوكمال"});
  doc.entities.push_back(place);
  Event e;
  e.type = "ASSAULT";
  doc.events.push_back(e);
  doc.events.push_back(e);  // a type counts once per document
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->Put(doc).ok());
  }
  const char* kRow = "SELECT outlet_id || '|' || published || '|' || types || '|' || entities FROM doc_facets";
  EXPECT_EQ(RawExec(path_, kRow), "enab|2017-11-08|ASSAULT|sy-abu-kamal");
  RawExec(path_, "DROP TABLE doc_facets");
  RawExec(path_, "PRAGMA user_version = 3");
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
  }
  EXPECT_EQ(RawExec(path_, kRow), "enab|2017-11-08|ASSAULT|sy-abu-kamal");
}

TEST_F(StoreTest, MigratesEmptyFileToCurrentSchema) {
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    auto stats = store->Stats();
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
    EXPECT_EQ(stats->schema_version, kStoreSchemaVersion);
    EXPECT_EQ(stats->normalization_version, kNormalizationVersion);
    EXPECT_EQ(stats->documents, 0);
  }
  EXPECT_EQ(RawExec(path_, "PRAGMA user_version"), std::to_string(kStoreSchemaVersion));
  EXPECT_EQ(RawExec(path_, "PRAGMA journal_mode"), "wal");
  for (const char* table : {"documents", "removed_lines", "outlets", "entities", "mentions", "dates",
                            "attributions", "events", "event_args", "documents_fts", "meta"}) {
    EXPECT_EQ(RawExec(path_, std::string("SELECT count(*) FROM sqlite_master WHERE name = '") +
                                 table + "'"),
              "1")
        << table;
  }
}

TEST_F(StoreTest, ReopenKeepsDocuments) {
  int64_t id = 0;
  {
    auto store = OpenOrDie();
    // "The convoy arrived in the city."
    auto put = store->Put(MakeDoc("وصلت القافلة إلى المدينة.", "title one", "outlet-a"));
    ASSERT_TRUE(put.ok()) << put.status().ToString();
    EXPECT_TRUE(put->inserted);
    id = put->id;
  }
  auto store = OpenOrDie();
  auto got = store->GetDocument(id);
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ((*got)->doc.title, "title one");
  EXPECT_EQ(store->Stats()->documents, 1);
}

TEST_F(StoreTest, PutIsIdempotentOnContent) {
  auto store = OpenOrDie();
  // "Clashes in the east of the city" plain, then with tashkeel.
  Document a = MakeDoc("اشتباكات في شرق المدينة", "t");
  Document b = MakeDoc("اشْتِبَاكَاتٌ فِي شَرْقِ المَدِينَةِ", "t2");
  auto first = store->Put(a);
  auto again = store->Put(a);
  auto variant = store->Put(b);
  ASSERT_TRUE(first.ok() && again.ok() && variant.ok());
  EXPECT_TRUE(first->inserted);
  EXPECT_FALSE(again->inserted);
  EXPECT_FALSE(variant->inserted);
  EXPECT_EQ(first->id, again->id);
  EXPECT_EQ(first->id, variant->id);
  EXPECT_EQ(first->content_hash, DocumentContentHash(a.body));
  EXPECT_EQ(store->Stats()->documents, 1);
}

TEST_F(StoreTest, GivenContentHashIsUsed) {
  auto store = OpenOrDie();
  Document a = MakeDoc("text one", "t");
  a.content_hash = "00112233445566778899aabbccddeeff";
  auto put = store->Put(a);
  ASSERT_TRUE(put.ok());
  EXPECT_EQ(put->content_hash, a.content_hash);
  auto found = store->FindByHash(a.content_hash);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->value_or(-1), put->id);
}

TEST_F(StoreTest, PutBatchStoresAllAndDedupesInsideTheBatch) {
  auto store = OpenOrDie();
  std::vector<Document> docs;
  for (int i = 0; i < 50; ++i) docs.push_back(MakeDoc("document number " + std::to_string(i), "t"));
  docs.push_back(docs[7]);  // repeated inside the batch
  std::vector<const Document*> ptrs;
  for (const Document& d : docs) ptrs.push_back(&d);
  auto results = store->PutBatch(ptrs);
  ASSERT_TRUE(results.ok()) << results.status().ToString();
  ASSERT_EQ(results->size(), 51u);
  EXPECT_TRUE((*results)[7].inserted);
  EXPECT_FALSE((*results)[50].inserted);
  EXPECT_EQ((*results)[50].id, (*results)[7].id);
  EXPECT_EQ(store->Stats()->documents, 50);
  auto empty = store->PutBatch({});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

TEST_F(StoreTest, RoundTripsAllLayers) {
  auto store = OpenOrDie();
  // "The army took control of the town on Sunday, a source said."
  Document doc = MakeDoc("قال مصدر إن الجيش سيطر على البلدة يوم الأحد.", "عنوان", "outlet-x",
                         "2017-11-19");
  doc.outlet->name_ar = "منفذ";  // "outlet"
  doc.outlet->name_en = "Outlet X";
  doc.input.url = "https://example.org/a";
  doc.input.author = "someone";
  doc.wires = {"afp"};
  doc.removed.push_back({"Share on Facebook", "share-widget"});
  doc.layers = {"body", "metadata", "entities", "dates", "attributions", "events"};
  doc.AddDiagnostic("dates.v1", "unresolved-date", "could not anchor", Severity::kInfo, Span{1, 2});
  Entity army;
  army.id = "Q-army";
  army.type = "state_force";
  army.name_ar = "الجيش";  // "the army"
  army.salience = 0.5;
  army.mentions.push_back({Span{21, 31}, "الجيش"});
  Entity town;
  town.id = "Q-town";
  town.type = "place";
  town.lat = 34.46;
  town.lon = 40.93;
  town.mentions.push_back({Span{45, 57}, "البلدة"});
  doc.entities = {army, town};
  DateExpr sunday{Span{62, 74}, "الأحد", "2017-11-19", Precision::kDay, "document", "date", true};
  doc.dates = {sunday};
  Attribution attr;
  attr.speaker = "source";
  attr.speaker_text = "مصدر";  // "a source"
  attr.cue = "قال";             // "said"
  attr.stance = "asserts";
  attr.cue_span = {0, 6};
  attr.span = {17, 75};
  doc.attributions = {attr};
  Event ev;
  ev.type = "TAKE_CONTROL";
  ev.trigger = "سيطر";  // "took control"
  ev.trigger_span = {32, 40};
  ev.actors.push_back({"actor", "Q-army", "الجيش", Span{21, 31}});
  ev.place = EventArg{"place", "Q-town", "البلدة", Span{45, 57}};
  ev.date = sunday;
  ev.quantities.push_back({"3", 3, "brigades", Span{0, 1}});
  ev.attributed_to = {0};
  ev.confidence = 0.8;
  ev.evidence = {0, 75};
  doc.events = {ev};

  auto put = store->Put(doc);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  auto got = store->GetDocument(put->id);
  ASSERT_TRUE(got.ok() && got->has_value());
  const Document& d = (*got)->doc;
  EXPECT_FALSE((*got)->ingested_at.empty());
  EXPECT_EQ(d.body, doc.body);
  EXPECT_EQ(d.title, doc.title);
  EXPECT_EQ(d.content_hash, put->content_hash);
  ASSERT_TRUE(d.outlet.has_value());
  EXPECT_EQ(d.outlet->id, "outlet-x");
  EXPECT_EQ(d.outlet->name_en, "Outlet X");
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(d.published->value, "2017-11-19");
  EXPECT_EQ(d.published->precision, Precision::kDay);
  EXPECT_EQ(d.input.url, doc.input.url);
  EXPECT_EQ(d.input.author, "someone");
  EXPECT_EQ(d.wires, doc.wires);
  ASSERT_EQ(d.removed.size(), 1u);
  EXPECT_EQ(d.removed[0].reason, "share-widget");
  EXPECT_EQ(d.layers, doc.layers);
  ASSERT_EQ(d.diagnostics.size(), 1u);
  EXPECT_EQ(d.diagnostics[0].code, "unresolved-date");
  EXPECT_EQ(d.diagnostics[0].severity, Severity::kInfo);
  EXPECT_EQ(d.diagnostics[0].span, (Span{1, 2}));
  ASSERT_EQ(d.entities.size(), 2u);
  EXPECT_EQ(d.entities[0].mentions[0].span, (Span{21, 31}));
  EXPECT_EQ(d.entities[1].lat, 34.46);
  ASSERT_EQ(d.dates.size(), 1u);
  EXPECT_EQ(d.dates[0].value, "2017-11-19");
  EXPECT_EQ(d.dates[0].precision, Precision::kDay);
  ASSERT_EQ(d.attributions.size(), 1u);
  EXPECT_EQ(d.attributions[0].cue, "قال");
  EXPECT_EQ(d.attributions[0].parent, -1);
  ASSERT_EQ(d.events.size(), 1u);
  const Event& e = d.events[0];
  EXPECT_EQ(e.type, "TAKE_CONTROL");
  ASSERT_TRUE(e.place.has_value());
  EXPECT_EQ(e.place->entity_id, "Q-town");
  ASSERT_TRUE(e.date.has_value());
  EXPECT_EQ(e.date->value, "2017-11-19");
  ASSERT_EQ(e.quantities.size(), 1u);
  EXPECT_EQ(e.quantities[0].unit, "brigades");
  EXPECT_EQ(e.attributed_to, std::vector<int32_t>{0});
  EXPECT_DOUBLE_EQ(e.confidence, 0.8);

  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->entities, 2);
  EXPECT_EQ(stats->mentions, 2);
  EXPECT_EQ(stats->dates, 1);
  EXPECT_EQ(stats->attributions, 1);
  EXPECT_EQ(stats->events, 1);
  EXPECT_EQ(stats->removed_lines, 1);
  EXPECT_EQ(stats->outlets, 1);
  EXPECT_EQ(stats->first_published, "2017-11-19");

  auto missing = store->GetDocument(put->id + 100);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(StoreTest, EventAndEntityQueries) {
  auto store = OpenOrDie();
  auto make_event = [](const char* type, const char* place, const char* date, const char* actor) {
    Event e;
    e.type = type;
    e.place = EventArg{"place", place, "", {}};
    if (*date) e.date = DateExpr{{}, "", date, Precision::kDay, "absolute", "date", true};
    e.actors.push_back({"actor", actor, "", {}});
    return e;
  };
  Document a = MakeDoc("doc a", "a", "o1", "2017-11-10");
  a.events = {make_event("ASSAULT", "P1", "2017-11-08", "A1"),
              make_event("TAKE_CONTROL", "P1", "2017-11-09", "A2")};
  a.entities.push_back(Entity{"A1", "armed_group", "مجموعة", "Group", "", {}, {}, 0,
                              {{Span{0, 3}, "doc"}}});  // "group"
  Document b = MakeDoc("doc b", "b", "o2", "2017-12-01");
  b.events = {make_event("ASSAULT", "P2", "2017-11-20", "A1"), make_event("ASSAULT", "P1", "", "A3")};
  b.events[1].background = true;
  b.entities.push_back(Entity{"A1", "", "", "", "Q123", {}, {}, 0, {{Span{0, 3}, "doc"}}});
  ASSERT_TRUE(store->PutBatch({&a, &b}).ok());

  auto assaults = store->Events({.type = "ASSAULT"});
  ASSERT_TRUE(assaults.ok()) << assaults.status().ToString();
  EXPECT_EQ(assaults->size(), 3u);
  auto in_p1 = store->Events({.place_id = "P1", .include_background = false});
  ASSERT_TRUE(in_p1.ok());
  ASSERT_EQ(in_p1->size(), 2u);
  EXPECT_EQ((*in_p1)[0].event.type, "ASSAULT");  // sorted by date
  EXPECT_EQ((*in_p1)[0].outlet_id, "o1");
  auto november = store->Events({.date_from = "2017-11-09", .date_to = "2017-11"});
  ASSERT_TRUE(november.ok());
  EXPECT_EQ(november->size(), 2u);
  auto by_actor = store->Events({.entity_id = "A1"});
  ASSERT_TRUE(by_actor.ok());
  EXPECT_EQ(by_actor->size(), 2u);

  // The entity row merges what both documents knew.
  auto ents = store->Entities({.id = "A1"});
  ASSERT_TRUE(ents.ok());
  ASSERT_EQ(ents->size(), 1u);
  EXPECT_EQ((*ents)[0].type, "armed_group");
  EXPECT_EQ((*ents)[0].name_en, "Group");
  EXPECT_EQ((*ents)[0].wikidata, "Q123");
  EXPECT_EQ((*ents)[0].documents, 2);
  auto by_name = store->Entities({.name = "مجموعة"});
  ASSERT_TRUE(by_name.ok());
  EXPECT_EQ(by_name->size(), 1u);
  auto docs = store->DocumentsMentioning("A1");
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ(docs->size(), 2u);
}

// The search corpus. Sentences written for this test (not from any data set).
class SearchTest : public StoreTest {
 protected:
  void SetUp() override {
    store_ = OpenOrDie();
    ASSERT_NE(store_, nullptr);
    // "Heavy clashes took place in-Al-Bukamal (bi-l-Bukamal) on Sunday."
    Put(&clitic_, "وقعت اشتباكات عنيفة بالبوكمال يوم الأحد.", "خبر أول", "o1", "2017-11-12");
    // "Residents returned to Al-Bukamal (with kasra) after the battles."
    Put(&kasra_, "عاد السكان إلى البوكمالِ بعد المعارك.", "خبر ثان", "o2", "2017-11-20");
    // Fully diacritized: "The convoys arrived in Al-Bukamal yesterday."
    Put(&vocalized_, "وَصَلَتِ القَوَافِلُ إِلَى البُوكَمَالِ أَمْسِ.", "خبر ثالث", "o1", "2017-12-01");
    // "A new market opened in the city of al-Mayadin."
    Put(&other_, "افتتح سوق جديد في مدينة الميادين.", "خبر رابع", "o2", "2018-01-05");
    Put(&latin_, "Reuters reported fighting near Albu Kamal on Friday.", "Latin", "o3", "2017-11-10");
  }
  void Put(int64_t* id, const std::string& body, const std::string& title, const std::string& outlet,
           const std::string& date) {
    auto r = store_->Put(MakeDoc(body, title, outlet, date));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    *id = r->id;
  }
  std::set<int64_t> Find(const std::string& q, SearchOptions options = {}) {
    auto hits = store_->Search(q, options);
    EXPECT_TRUE(hits.ok()) << q << ": " << hits.status().ToString();
    return hits.ok() ? HitIds(*hits) : std::set<int64_t>{};
  }
  std::unique_ptr<Store> store_;
  int64_t clitic_ = 0, kasra_ = 0, vocalized_ = 0, other_ = 0, latin_ = 0;
};

TEST_F(SearchTest, FindsCliticAndDiacriticVariants) {
  const std::set<int64_t> bukamal = {clitic_, kasra_, vocalized_};
  EXPECT_EQ(Find("البوكمال"), bukamal);        // al-Bukamal
  EXPECT_EQ(Find("بالبوكمال"), bukamal);       // bi-l-Bukamal, "in Al-Bukamal"
  EXPECT_EQ(Find("البُوكَمَالِ"), bukamal);      // fully diacritized
  EXPECT_EQ(Find("الميادين"), std::set<int64_t>{other_});  // al-Mayadin
  EXPECT_EQ(Find("reuters"), std::set<int64_t>{latin_});
  EXPECT_EQ(Find("REUTERS"), std::set<int64_t>{latin_});
}

TEST_F(SearchTest, NoFalseMatches) {
  EXPECT_TRUE(Find("دمشق").empty());  // Dimashq (Damascus): not in the corpus
  EXPECT_TRUE(Find("بوكمالية").empty());  // a different word sharing letters
}

TEST_F(SearchTest, PhrasesAndOperators) {
  // "ishtibakat anifa" (heavy clashes) as a phrase, and reversed.
  EXPECT_EQ(Find("\"اشتباكات عنيفة\""), std::set<int64_t>{clitic_});
  EXPECT_TRUE(Find("\"عنيفة اشتباكات\"").empty());
  EXPECT_EQ(Find("عنيفة اشتباكات"), std::set<int64_t>{clitic_});
  // al-Mayadin OR al-qawafil (the convoys).
  EXPECT_EQ(Find("الميادين OR القوافل"), (std::set<int64_t>{other_, vocalized_}));
  // al-Bukamal NOT al-sukkan (the residents).
  EXPECT_EQ(Find("البوكمال NOT السكان"), (std::set<int64_t>{clitic_, vocalized_}));
  // Prefixes: "bukam*" matches the stem, "al-buk*" the full form with the
  // article (not bi-l-Bukamal, whose full form starts with another letter).
  EXPECT_EQ(Find("بوكم*"), (std::set<int64_t>{clitic_, kasra_, vocalized_}));
  EXPECT_EQ(Find("البوك*"), (std::set<int64_t>{kasra_, vocalized_}));
  EXPECT_EQ(Find("repor*"), std::set<int64_t>{latin_});
}

TEST_F(SearchTest, TitleIsSearchedToo) {
  // "khabar rabi'" (fourth news item): only in a title.
  EXPECT_EQ(Find("رابع"), std::set<int64_t>{other_});
}

TEST_F(SearchTest, FiltersLimitAndHitFields) {
  EXPECT_EQ(Find("البوكمال", {.outlet = "o1"}), (std::set<int64_t>{clitic_, vocalized_}));
  EXPECT_EQ(Find("البوكمال", {.published_from = "2017-11-13", .published_to = "2017-11"}),
            std::set<int64_t>{kasra_});
  auto limited = store_->Search("البوكمال", {.limit = 1});
  ASSERT_TRUE(limited.ok());
  EXPECT_EQ(limited->size(), 1u);
  auto hits = store_->Search("بالبوكمال", {.highlight_open = "<b>", .highlight_close = "</b>"});
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 3u);
  for (const SearchHit& h : *hits) {
    EXPECT_GT(h.score, 0);
    EXPECT_FALSE(h.title.empty());
    EXPECT_FALSE(h.published.empty());
    EXPECT_NE(h.snippet.find("<b>"), std::string::npos) << h.snippet;
  }
  // The highlight wraps the original (display) form, clitic and kasra kept.
  std::set<std::string> marked;
  for (const SearchHit& h : *hits) {
    size_t open = h.snippet.find("<b>");
    size_t close = h.snippet.find("</b>", open);
    ASSERT_NE(close, std::string::npos);
    marked.insert(h.snippet.substr(open + 3, close - open - 3));
  }
  EXPECT_TRUE(marked.count("بالبوكمال")) << *marked.begin();
  EXPECT_TRUE(marked.count("البوكمالِ"));
  EXPECT_TRUE(marked.count("البُوكَمَالِ"));
}

TEST_F(SearchTest, MalformedQueriesAreErrorsNotCrashes) {
  for (const std::string& q : {std::string("\"open"), std::string("OR"), std::string("a AND"),
                               std::string("(x"), std::string("NOT x"), std::string("")}) {
    auto r = store_->Search(q, {});
    EXPECT_FALSE(r.ok()) << q;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << q;
  }
  // FTS5 syntax typed by a user is searched as text, not interpreted.
  for (const std::string& q : {std::string("body:x"), std::string("NEAR(a b)"), std::string("^a"),
                               std::string("a + b"), std::string("\xff\xfe broken utf8"),
                               std::string("-x"), std::string("*"), std::string("{a b}:c")}) {
    auto r = store_->Search(q, {});
    EXPECT_TRUE(r.ok() || r.status().code() == StatusCode::kInvalidArgument) << q;
  }
}

TEST(FtsTokenizerTest, IndexesStemAndColocatedFullFormWithByteOffsets) {
  // "wa-bi-l-Bukamal" (and in Al-Bukamal), then a comma and "Dayr".
  const std::string text = "وبالبوكمال، دير";
  struct Term {
    std::string text;
    int start, end;
    bool colocated;
  };
  std::vector<Term> index_terms, query_terms;
  FtsTerms(text, FtsMode::kDocument, [&](std::string_view t, int s, int e, bool c) {
    index_terms.push_back({std::string(t), s, e, c});
  });
  FtsTerms(text, FtsMode::kQuery, [&](std::string_view t, int s, int e, bool c) {
    query_terms.push_back({std::string(t), s, e, c});
  });
  ASSERT_GE(index_terms.size(), 3u);
  EXPECT_FALSE(index_terms[0].colocated);
  EXPECT_EQ(index_terms[0].start, 0);
  EXPECT_EQ(text.substr(index_terms[0].start, index_terms[0].end - index_terms[0].start),
            "وبالبوكمال");
  EXPECT_TRUE(index_terms[1].colocated);  // the full form at the same place
  EXPECT_EQ(index_terms[1].start, index_terms[0].start);
  for (const Term& t : query_terms) EXPECT_FALSE(t.colocated);
  ASSERT_EQ(query_terms.size(), 2u);  // the comma is not a term
  EXPECT_EQ(query_terms[0].text, index_terms[0].text);
  for (const Term& t : index_terms) {
    EXPECT_LE(0, t.start);
    EXPECT_LE(t.start, t.end);
    EXPECT_LE(t.end, static_cast<int>(text.size()));
  }
}

TEST_F(StoreTest, ReadOnlyOpen) {
  {
    auto missing = Store::Open(path_, {.read_only = true});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
    EXPECT_FALSE(std::filesystem::exists(path_));
  }
  {
    auto store = OpenOrDie();
    ASSERT_TRUE(store->Put(MakeDoc("النص الأول", "t")).ok());  // "the first text"
  }
  auto ro = OpenOrDie({.read_only = true});
  ASSERT_NE(ro, nullptr);
  EXPECT_TRUE(ro->read_only());
  auto hits = ro->Search("النص", {});  // "the text"
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(hits->size(), 1u);
  auto put = ro->Put(MakeDoc("نص آخر", "t"));  // "another text"
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().code(), StatusCode::kFailedPrecondition);
}

TEST_F(StoreTest, RefusesNewerSchema) {
  { OpenOrDie(); }
  RawExec(path_, "PRAGMA user_version = 99");
  for (bool read_only : {false, true}) {
    auto store = Store::Open(path_, {.read_only = read_only});
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
    EXPECT_NE(store.status().message().find("was written by a newer marsad (schema 99"),
              std::string::npos)
        << store.status().message();
  }
}

TEST_F(StoreTest, RefusesFilesThatAreNotStores) {
  {
    std::ofstream junk(path_);
    junk << "this is not a database, just some text that is long enough to look like a header";
  }
  auto store = Store::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not an SQLite database"), std::string::npos)
      << store.status().message();

  std::string other = dir_.path() + "/other.db";
  RawExec(other, "CREATE TABLE t(x)");
  auto foreign = Store::Open(other);
  ASSERT_FALSE(foreign.ok());
  EXPECT_NE(foreign.status().message().find("not a marsad store"), std::string::npos);
}

TEST_F(StoreTest, StaleIndexIsRebuiltOrRefused) {
  int64_t id = 0;
  {
    auto store = OpenOrDie();
    id = store->Put(MakeDoc("سقطت قذيفة على السوق", "t"))->id;  // "a shell fell on the market"
  }
  RawExec(path_, "UPDATE meta SET value = '0' WHERE key = 'normalization_version'");
  // Wreck the index so only a rebuild can find the document again.
  RawExec(path_, "DELETE FROM documents_fts_data WHERE id > 10");
  {
    auto ro = Store::Open(path_, {.read_only = true});
    ASSERT_FALSE(ro.ok());
    EXPECT_NE(ro.status().message().find("--reindex"), std::string::npos) << ro.status().message();
    auto strict = Store::Open(path_, {.reindex_if_stale = false});
    ASSERT_FALSE(strict.ok());
  }
  auto store = OpenOrDie();  // rebuilds
  auto hits = store->Search("السوق", {});  // "the market"
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(HitIds(*hits), std::set<int64_t>{id});
  EXPECT_EQ(RawExec(path_, "SELECT value FROM meta WHERE key = 'normalization_version'"),
            std::to_string(kNormalizationVersion));
  EXPECT_EQ(RawExec(path_, "PRAGMA integrity_check"), "ok");
}

TEST_F(StoreTest, ConcurrentWritersOnOneFileAndOneSharedStore) {
  constexpr int kThreads = 4, kDocs = 30;
  auto shared = OpenOrDie();
  ASSERT_NE(shared, nullptr);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Even threads share one Store; odd threads open their own connection.
      std::unique_ptr<Store> own;
      if (t % 2) own = std::move(Store::Open(path_).value());
      Store* store = own ? own.get() : shared.get();
      for (int i = 0; i < kDocs; ++i) {
        auto r = store->Put(MakeDoc("thread " + std::to_string(t) + " doc " + std::to_string(i), "t"));
        ASSERT_TRUE(r.ok()) << r.status().ToString();
        auto hits = store->Search("thread", {.limit = 1});
        ASSERT_TRUE(hits.ok()) << hits.status().ToString();
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(shared->Stats()->documents, kThreads * kDocs);
  EXPECT_EQ(RawExec(path_, "PRAGMA integrity_check"), "ok");
}

TEST(StoreMemoryTest, InMemoryStoreWorks) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ASSERT_TRUE((*store)->Put(MakeDoc("hello world", "t")).ok());
  auto hits = (*store)->Search("hello", {});
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 1u);
}

}  // namespace
}  // namespace marsad

namespace marsad {
namespace {

// marsad_rank (fts_tokenizer.h): a word in the title counts five times one in
// the body; more occurrences rank higher, with diminishing returns; a rare
// word weighs more than a common one.
TEST(MarsadRankTest, TitleFrequencyAndRarityOrderHits) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto put = [&](const std::string& body, const std::string& title) {
    auto r = (*store)->Put(MakeDoc(body, title));
    EXPECT_TRUE(r.ok());
    return r.ok() ? r->id : 0;
  };
  // "shelling on the city" / "news": the word قصف (shelling) once in a body.
  int64_t body_once = put("قصف على المدينة صباحا", "خبر أول");
  // twice in a body
  int64_t body_twice = put("قصف على المدينة ثم قصف آخر", "خبر ثان");
  // once in a title ("shelling of the city")
  int64_t title_once = put("أخبار المدينة اليوم", "قصف المدينة");
  auto order = [&](const std::string& q) {
    std::vector<int64_t> ids;
    auto hits = (*store)->Search(q, {});
    EXPECT_TRUE(hits.ok()) << hits.status().message();
    if (!hits.ok()) return ids;
    for (size_t i = 0; i < hits->size(); ++i) {
      if (i > 0) {
        EXPECT_GE((*hits)[i - 1].score, (*hits)[i].score);
      }
      ids.push_back((*hits)[i].doc_id);
    }
    return ids;
  };
  EXPECT_EQ(order("قصف"), (std::vector<int64_t>{title_once, body_twice, body_once}));
  // "city" is in all three and "morning" (صباحا) in one: the rare word decides.
  EXPECT_EQ(order("المدينة OR صباحا").front(), body_once);
}

}  // namespace
}  // namespace marsad
