// End-to-end tests of `marsad serve`: a real server on a loopback port over
// a store built by the engine from articles written for this test (not the
// seeds), queried with an HTTP client. Every endpoint, bad requests
// included, and the responses checked against docs/openapi.json.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "marsad/common/paths.h"
#include "marsad/common/utf8.h"
#include "marsad/engine/engine.h"
#include "marsad/ingest/reader.h"
#include "marsad/serve/server.h"
#include "marsad/store/store.h"
#if MARSAD_SERVE_TEST_STORIES
#include "marsad/stories/stories.h"
#endif

namespace marsad::serve {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Three short articles written for these tests, as JSONL.
//  1. "The Syrian army announced its control of the city of Al-Bukamal on
//     Sunday 19 November 2017, according to the official agency."
//  2. "The Syrian Observatory for Human Rights said that ISIS fighters
//     regained most of Al-Bukamal (written with the preposition: in
//     Al-Bukamal) two days after the army entered it."
//  3. "Iraqi forces reached the border near Al-Qaim in November 2017."
const char* kArticles[] = {
    R"({"title": "الجيش السوري يعلن السيطرة على البوكمال", "outlet": "sana", "published": "2017-11-19", "text": "أعلن الجيش السوري يوم الأحد 19 تشرين الثاني 2017 سيطرته الكاملة على مدينة البوكمال في ريف دير الزور، بحسب الوكالة الرسمية."})",
    R"({"title": "معارك جديدة في البوكمال", "outlet": "al-jazeera", "published": "2017-11-21", "text": "قال المرصد السوري لحقوق الإنسان إن مقاتلي تنظيم الدولة استعادوا السيطرة على معظم أحياء مدينة البوكمال بعد يومين من دخول الجيش السوري إليها.\n\nوتدور اشتباكات عنيفة بالبوكمال منذ صباح اليوم."})",
    R"({"title": "القوات العراقية تصل إلى الحدود", "outlet": "al-sumaria", "published": "2017-11-03", "text": "وصلت القوات العراقية إلى الحدود السورية قرب مدينة القائم في محافظة الأنبار غرب العراق يوم الجمعة 3 تشرين الثاني 2017."})",
};

struct Fixture {
  fs::path dir;
  std::string db;
  std::string assets;
  ~Fixture() {
    std::error_code ec;
    if (!dir.empty()) fs::remove_all(dir, ec);
  }
};

// Builds the store once for the whole test binary (removed at exit).
const Fixture& SharedFixture() {
  static std::unique_ptr<Fixture> f = [] {
    auto fx = std::make_unique<Fixture>();
    fx->dir = fs::temp_directory_path() / ("marsad_serve_test_" + std::to_string(::getpid()));
    fs::remove_all(fx->dir);
    fs::create_directories(fx->dir / "web" / "assets");
    fx->db = (fx->dir / "test.db").string();
    fx->assets = (fx->dir / "web").string();
    std::ofstream(fx->dir / "web" / "index.html") << "<!doctype html><title>marsad</title>";
    std::ofstream(fx->dir / "web" / "assets" / "app.js") << "console.log(1);";
    std::ofstream(fx->dir / "secret.txt") << "secret";
    auto engine = Engine::Create({});
    EXPECT_TRUE(engine.ok()) << engine.status().message();
    std::vector<Document> docs;
    std::string jsonl;
    for (const char* a : kArticles) jsonl += std::string(a) + "\n";
    ingest::ReadBytes(jsonl, "test.jsonl", {}, [&](Document&& d) { docs.push_back(std::move(d)); },
                      [](const ingest::InputError& e) { ADD_FAILURE() << e.message; });
    if (engine.ok()) (*engine)->pipeline().Run(docs, {.threads = 1});
    auto store = Store::Open(fx->db);
    EXPECT_TRUE(store.ok()) << store.status().message();
    for (const Document& d : docs) EXPECT_TRUE((*store)->Put(d).ok());
#if MARSAD_SERVE_TEST_STORIES
    EXPECT_TRUE(stories::UpdateStories(**store, {}).ok());
#endif
    return fx;
  }();
  return *f;
}

std::unique_ptr<Server> StartServer(ServerOptions o) {
  const Fixture& fx = SharedFixture();
  if (o.api.db_path == "marsad.db") o.api.db_path = fx.db;
  if (o.assets_dir.empty()) o.assets_dir = fx.assets;
  o.port = 0;
  o.threads = 4;
  auto server = Server::Create(o);
  if (!server.ok()) {
    ADD_FAILURE() << server.status().message();
    return nullptr;
  }
  auto s = (*server)->Start();
  EXPECT_TRUE(s.ok()) << s.message();
  return std::move(*server);
}

struct Reply {
  int status = 0;
  std::string body;
  std::string content_type;
  json j;
};

Reply Get(int port, const std::string& target) {
  httplib::Client cli("127.0.0.1", port);
  cli.set_read_timeout(30, 0);
  Reply r;
  auto res = cli.Get(target.c_str());
  if (!res) {
    ADD_FAILURE() << "no response for " << target;
    return r;
  }
  r.status = res->status;
  r.body = res->body;
  r.content_type = res->get_header_value("Content-Type");
  if (r.content_type.find("json") != std::string::npos) r.j = json::parse(r.body, nullptr, false);
  return r;
}

Reply Post(int port, const std::string& target, const std::string& body,
           const std::string& token = "") {
  httplib::Client cli("127.0.0.1", port);
  cli.set_read_timeout(60, 0);
  httplib::Headers h;
  if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
  Reply r;
  auto res = cli.Post(target.c_str(), h, body, "application/json");
  if (!res) {
    ADD_FAILURE() << "no response for POST " << target;
    return r;
  }
  r.status = res->status;
  r.body = res->body;
  r.content_type = res->get_header_value("Content-Type");
  r.j = json::parse(r.body, nullptr, false);
  return r;
}

std::string Enc(const std::string& s) {
  std::string out;
  const char* hex = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

void ExpectError(const Reply& r, int status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.body;
  ASSERT_TRUE(r.j.is_object()) << r.body;
  ASSERT_TRUE(r.j.contains("error")) << r.body;
  EXPECT_EQ(r.j["error"].value("code", ""), code) << r.body;
  EXPECT_FALSE(r.j["error"].value("message", "").empty());
}

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ServerOptions o;
    o.rate = 0;  // the suite sends many requests
    server_ = StartServer(o).release();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  int port() const { return server_->port(); }
  static Server* server_;
};
Server* ServeTest::server_ = nullptr;

TEST_F(ServeTest, HealthAndOutlets) {
  auto r = Get(port(), "/api/health");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.j["documents"], 3);
  EXPECT_EQ(r.j["write"], false);
  auto o = Get(port(), "/api/outlets");
  ASSERT_EQ(o.status, 200);
  std::set<std::string> ids;
  for (const auto& it : o.j["items"]) ids.insert(it["id"].get<std::string>());
  EXPECT_TRUE(ids.count("sana") && ids.count("al-jazeera") && ids.count("al-sumaria")) << o.body;
}

TEST_F(ServeTest, DocumentsListFiltersAndPages) {
  auto r = Get(port(), "/api/documents");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.j["total"], 3);
  ASSERT_EQ(r.j["items"].size(), 3u);
  EXPECT_EQ(r.j["items"][0]["published"], "2017-11-21") << "newest first";
  auto f = Get(port(), "/api/documents?outlet=sana");
  EXPECT_EQ(f.j["total"], 1);
  auto d = Get(port(), "/api/documents?from=2017-11-10&to=2017-11");
  EXPECT_EQ(d.j["total"], 2);
  auto p = Get(port(), "/api/documents?limit=1&offset=1");
  EXPECT_EQ(p.j["items"].size(), 1u);
  EXPECT_EQ(p.j["total"], 3);
}

TEST_F(ServeTest, DocumentsRejectMalformedParameters) {
  ExpectError(Get(port(), "/api/documents?limit=abc"), 400, "bad_parameter");
  ExpectError(Get(port(), "/api/documents?limit=0"), 400, "bad_parameter");
  ExpectError(Get(port(), "/api/documents?limit=100000"), 400, "bad_parameter");
  ExpectError(Get(port(), "/api/documents?offset=-1"), 400, "bad_parameter");
  ExpectError(Get(port(), "/api/documents?from=2017-13"), 400, "bad_parameter");
  ExpectError(Get(port(), "/api/documents?to=yesterday"), 400, "bad_parameter");
  ExpectError(Get(port(), "/api/documents?outlet=" + std::string(300, 'a')), 400, "bad_parameter");
}

TEST_F(ServeTest, DocumentByIdHasLayersWithCodePointOffsets) {
  auto list = Get(port(), "/api/documents?outlet=al-jazeera");
  ASSERT_EQ(list.j["items"].size(), 1u);
  int64_t id = list.j["items"][0]["id"];
  auto r = Get(port(), "/api/documents/" + std::to_string(id));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.j["id"], id);
  std::u32string body = utf8::ToU32(r.j["body"].get<std::string>());
  ASSERT_FALSE(body.empty());
  for (const char* layer : {"entities", "dates", "attributions", "events", "removed"}) {
    EXPECT_TRUE(r.j[layer].is_array()) << layer;
  }
  // Every mention's offsets index the body in code points.
  int checked = 0;
  for (const auto& e : r.j["entities"]) {
    for (const auto& m : e["mentions"]) {
      size_t s = m["start"], en = m["end"];
      ASSERT_LE(en, body.size());
      EXPECT_EQ(utf8::FromU32(body.substr(s, en - s)), m["text"].get<std::string>());
      ++checked;
    }
  }
  EXPECT_GT(checked, 0) << "the engine found no entity in " << r.body;
  // The attribution to the Observatory ("قال المرصد" = "the Observatory said").
  ASSERT_FALSE(r.j["attributions"].empty()) << r.body;
}

TEST_F(ServeTest, DocumentByIdErrors) {
  ExpectError(Get(port(), "/api/documents/999999"), 404, "not_found");
  ExpectError(Get(port(), "/api/documents/abc"), 400, "bad_id");
  ExpectError(Get(port(), "/api/documents/-1"), 400, "bad_id");
  ExpectError(Get(port(), "/api/documents/0"), 400, "bad_id");
  ExpectError(Get(port(), "/api/documents/99999999999999999999999"), 400, "bad_id");
  ExpectError(Get(port(), "/api/documents/1/extra"), 404, "unknown_endpoint");
}

TEST_F(ServeTest, EventsFilterAndEvidence) {
  auto r = Get(port(), "/api/events");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_GT(r.j["total"].get<int>(), 0) << r.body;
  for (const auto& e : r.j["items"]) {
    EXPECT_FALSE(e["type"].get<std::string>().empty());
    EXPECT_FALSE(e["evidence"]["text"].get<std::string>().empty());
    EXPECT_LE(e["evidence"]["start"].get<int>(), e["evidence"]["end"].get<int>());
  }
  std::string type = r.j["items"][0]["type"];
  auto t = Get(port(), "/api/events?type=" + type);
  for (const auto& e : t.j["items"]) EXPECT_EQ(e["type"], type);
  auto none = Get(port(), "/api/events?type=NO_SUCH_TYPE");
  EXPECT_EQ(none.j["total"], 0);
  auto dated = Get(port(), "/api/events?from=2017-11-15&to=2017-11-30");
  for (const auto& e : dated.j["items"]) EXPECT_GE(e["date_value"].get<std::string>(), "2017-11-15");
  ExpectError(Get(port(), "/api/events?from=2017-02-30T99"), 400, "bad_parameter");
  ExpectError(Get(port(), "/api/events?background=maybe"), 400, "bad_parameter");
}

TEST_F(ServeTest, ClaimsAreAttributedStatements) {
  auto r = Get(port(), "/api/claims");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_GT(r.j["total"].get<int>(), 0);
  for (const auto& c : r.j["items"]) {
    EXPECT_TRUE(c["stance"] == "asserts" || c["stance"] == "denies");
    EXPECT_FALSE(c["text"].get<std::string>().empty());
  }
  ExpectError(Get(port(), "/api/claims?stance=maybe"), 400, "bad_parameter");
}

TEST_F(ServeTest, EntitiesAndEntityPage) {
  auto r = Get(port(), "/api/entities");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_FALSE(r.j["items"].empty());
  std::string id = r.j["items"][0]["id"];
  auto e = Get(port(), "/api/entities/" + Enc(id));
  ASSERT_EQ(e.status, 200) << e.body;
  for (const char* k : {"aliases_ar", "relations", "mentions_over_time", "stories", "recent_documents",
                        "co_mentioned"}) {
    EXPECT_TRUE(e.j[k].is_array()) << k;
  }
  EXPECT_FALSE(e.j["mentions_over_time"].empty());
  auto places = Get(port(), "/api/entities?type=place");
  for (const auto& p : places.j["items"]) EXPECT_EQ(p["type"], "place");
  ExpectError(Get(port(), "/api/entities?type=dragon"), 400, "bad_parameter");
  ExpectError(Get(port(), "/api/entities/no-such-entity-xyz"), 404, "not_found");
  ExpectError(Get(port(), "/api/entities/" + std::string(200, 'x')), 400, "bad_id");
}

TEST_F(ServeTest, PlacesHaveCoordinates) {
  auto r = Get(port(), "/api/places");
  ASSERT_EQ(r.status, 200);
  bool bukamal = false;
  for (const auto& p : r.j["items"]) {
    if (p["name_ar"] == "البوكمال") {  // Al-Bukamal
      bukamal = true;
      EXPECT_TRUE(p["lat"].is_number()) << p.dump();
    }
  }
  EXPECT_TRUE(bukamal) << r.body;
  ExpectError(Get(port(), "/api/places?limit=x"), 400, "bad_parameter");
}

TEST_F(ServeTest, SearchIsArabicAwareWithFacetsAndHighlights) {
  // "بالبوكمال" ("in Al-Bukamal") finds the articles that say "البوكمال".
  for (const std::string q : {"البوكمال", "بالبوكمال"}) {
    auto r = Get(port(), "/api/search?q=" + Enc(q));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.j["total"], 2) << q << " " << r.body;
    bool marked = false;
    for (const auto& h : r.j["hits"]) {
      for (const auto& part : h["snippet_parts"]) marked |= part["match"].get<bool>();
    }
    EXPECT_TRUE(marked) << r.body;
    std::set<std::string> outlets;
    for (const auto& f : r.j["facets"]["outlet"]) outlets.insert(f["value"].get<std::string>());
    EXPECT_EQ(outlets, (std::set<std::string>{"sana", "al-jazeera"}));
    EXPECT_FALSE(r.j["facets"]["place"].empty());
  }
  auto f = Get(port(), "/api/search?q=" + Enc("البوكمال") + "&outlet=sana");
  EXPECT_EQ(f.j["total"], 1);
  auto m = Get(port(), "/api/search?q=" + Enc("البوكمال") + "&from=2017-11-20");
  EXPECT_EQ(m.j["total"], 1);
  ExpectError(Get(port(), "/api/search"), 400, "missing_parameter");
  ExpectError(Get(port(), "/api/search?q=" + Enc("\"البوكمال")), 400, "bad_query");
  ExpectError(Get(port(), "/api/search?q=" + Enc("(البوكمال")), 400, "bad_query");
  ExpectError(Get(port(), "/api/search?q=x&limit=1000"), 400, "bad_parameter");
  ExpectError(Get(port(), "/api/search?q=" + std::string(600, 'a')), 400, "bad_parameter");

  // Each facet value, applied as a filter, finds as many documents as the
  // facet counted (the filters and the facets read the same rows).
  auto all = Get(port(), "/api/search?q=" + Enc("البوكمال") + "&limit=100");  // Al-Bukamal
  ASSERT_EQ(all.status, 200) << all.body;
  int checked = 0;
  for (const char* kind : {"outlet", "entity", "place", "type"}) {
    for (const auto& v : all.j["facets"][kind]) {
      std::string value = v["value"];
      if (value.empty()) continue;
      auto r = Get(port(), "/api/search?q=" + Enc("البوكمال") + "&" + kind + "=" + Enc(value));
      ASSERT_EQ(r.status, 200) << r.body;
      EXPECT_EQ(r.j["total"], v["count"]) << kind << "=" << value;
      ++checked;
    }
  }
  for (const auto& v : all.j["facets"]["month"]) {
    std::string m = v["value"];
    auto r = Get(port(), "/api/search?q=" + Enc("البوكمال") + "&from=" + m + "&to=" + m);
    EXPECT_EQ(r.j["total"], v["count"]) << m;
    ++checked;
  }
  EXPECT_GE(checked, 6);
  EXPECT_EQ(all.j["total_capped"], false);
  EXPECT_EQ(all.j["ranked_over"], 2);
  // "in" (a function word) does not narrow a query: same documents.
  auto in = Get(port(), "/api/search?q=" + Enc("في البوكمال"));
  EXPECT_EQ(in.j["total"], 2) << in.body;
}

TEST_F(ServeTest, TimelineAndGraph) {
  auto t = Get(port(), "/api/timeline");
  ASSERT_EQ(t.status, 200) << t.body;
  EXPECT_TRUE(t.j["buckets"].is_array());
  auto m = Get(port(), "/api/timeline?unit=month");
  for (const auto& b : m.j["buckets"]) EXPECT_EQ(b["date"].get<std::string>().size(), 7u);
  ExpectError(Get(port(), "/api/timeline?unit=week"), 400, "bad_parameter");
  auto g = Get(port(), "/api/graph");
  ASSERT_EQ(g.status, 200) << g.body;
  EXPECT_FALSE(g.j["nodes"].empty());
  std::set<std::string> nodes;
  for (const auto& n : g.j["nodes"]) nodes.insert(n["id"].get<std::string>());
  for (const auto& e : g.j["edges"]) {
    EXPECT_TRUE(nodes.count(e["source"].get<std::string>())) << e.dump();
    EXPECT_TRUE(nodes.count(e["target"].get<std::string>())) << e.dump();
  }
  std::string first = g.j["nodes"][0]["id"];
  auto ego = Get(port(), "/api/graph?entity=" + Enc(first));
  ASSERT_EQ(ego.status, 200);
  EXPECT_EQ(ego.j["nodes"][0]["id"], first);
  ExpectError(Get(port(), "/api/graph?entity=no-such-entity-xyz"), 404, "not_found");
  ExpectError(Get(port(), "/api/graph?limit=100000"), 400, "bad_parameter");
}

TEST_F(ServeTest, Exports) {
  auto csv = Get(port(), "/api/export/events.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.rfind("event_id_cnty,event_date,event_type,", 0), 0u);
  EXPECT_NE(csv.content_type.find("text/csv"), std::string::npos);
  auto gj = Get(port(), "/api/export/events.geojson");
  ASSERT_EQ(gj.status, 200);
  EXPECT_EQ(gj.j["type"], "FeatureCollection");
  auto jl = Get(port(), "/api/export/events.jsonl");
  ASSERT_EQ(jl.status, 200);
  size_t lines = 0, start = 0;
  while (start < jl.body.size()) {
    size_t nl = jl.body.find('\n', start);
    EXPECT_FALSE(json::parse(jl.body.substr(start, nl - start), nullptr, false).is_discarded());
    ++lines;
    start = nl + 1;
  }
  auto events = Get(port(), "/api/events");
  EXPECT_EQ(lines, events.j["total"].get<size_t>());
  auto ml = Get(port(), "/api/export/graph.graphml");
  ASSERT_EQ(ml.status, 200);
  EXPECT_EQ(ml.body.rfind("<?xml", 0), 0u);
  ExpectError(Get(port(), "/api/export/events.xlsx"), 404, "unknown_endpoint");
  ExpectError(Get(port(), "/api/export/events.csv?limit=0"), 400, "bad_parameter");
}

TEST_F(ServeTest, Stories) {
  auto list = Get(port(), "/api/stories");
  if (!Api::HasStories()) {
    ExpectError(list, 503, "stories_unavailable");
    return;
  }
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_FALSE(list.j["items"].empty()) << list.body;
  std::string id = list.j["items"][0]["id"];
  auto s = Get(port(), "/api/stories/" + Enc(id));
  ASSERT_EQ(s.status, 200) << s.body;
  for (const char* k : {"documents", "events", "claims", "contradictions", "unique_claims", "timeline"}) {
    EXPECT_TRUE(s.j.contains(k)) << k;
  }
  ExpectError(Get(port(), "/api/stories/no-such-story"), 404, "not_found");
  ExpectError(Get(port(), "/api/stories/" + Enc("a b")), 400, "bad_id");
  ExpectError(Get(port(), "/api/stories?limit=-5"), 400, "bad_parameter");
}

TEST_F(ServeTest, UnknownEndpointsAndMethods) {
  ExpectError(Get(port(), "/api/nope"), 404, "unknown_endpoint");
  ExpectError(Get(port(), "/api"), 404, "unknown_endpoint");
  ExpectError(Get(port(), "/api/outlets/x"), 404, "unknown_endpoint");
  ExpectError(Post(port(), "/api/documents", "{}"), 405, "method_not_allowed");
  ExpectError(Get(port(), "/api/articles"), 405, "method_not_allowed");
  ExpectError(Post(port(), "/api/articles", R"({"text":"x"})"), 403, "read_only");
}

TEST_F(ServeTest, StaticFilesStayInsideTheAssetsFolder) {
  auto index = Get(port(), "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("marsad"), std::string::npos);
  EXPECT_NE(index.content_type.find("text/html"), std::string::npos);
  auto js = Get(port(), "/assets/app.js");
  EXPECT_EQ(js.status, 200);
  for (const char* bad : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
                          "/%252e%252e%252fsecret.txt", "/..%5csecret.txt", "/assets/../../secret.txt"}) {
    auto r = Get(port(), bad);
    EXPECT_TRUE(r.status == 400 || r.status == 404) << bad << " -> " << r.status;
    EXPECT_EQ(r.body.find("secret"), std::string::npos) << bad;
  }
  ExpectError(Get(port(), "/missing.js"), 404, "not_found");
}

// A word in very many documents: ranked among the newest 1,000 matches,
// facets over the same newest 1,000, the count capped at 5,000 (docs/api.md).
TEST(ServeSearch, CommonWordsAreRankedAmongTheNewestMatches) {
  char tmpl[] = "/tmp/marsad-serve-search-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  fs::path dir = tmpl;
  std::string db = (dir / "many.db").string();
  {
    auto store = Store::Open(db);
    ASSERT_TRUE(store.ok()) << store.status().message();
    std::vector<Document> docs(5001);
    std::vector<const Document*> ptrs;
    for (size_t i = 0; i < docs.size(); ++i) {
      // "shelling" in every article, "report N" to make each one distinct.
      docs[i].body = "قصف مدفعي على الأحياء الشرقية، تقرير رقم " + std::to_string(i);
      docs[i].title = "قصف " + std::to_string(i);
      docs[i].source = "test";
      ptrs.push_back(&docs[i]);
    }
    ASSERT_TRUE((*store)->PutBatch(ptrs).ok());
  }
  ServerOptions o;
  o.rate = 0;
  o.api.db_path = db;
  auto server = StartServer(o);
  ASSERT_NE(server, nullptr);
  auto r = Get(server->port(), "/api/search?q=" + Enc("قصف") + "&limit=50");  // shelling
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.j["total"], 5000);
  EXPECT_EQ(r.j["total_capped"], true);
  EXPECT_EQ(r.j["ranked_over"], 1000);
  EXPECT_EQ(r.j["facets_over"], 1000);
  ASSERT_EQ(r.j["hits"].size(), 50u);
  for (const auto& h : r.j["hits"]) EXPECT_GT(h["id"].get<int64_t>(), 5001 - 1000) << h.dump();
  // A page beyond the window ranks all matches.
  auto deep = Get(server->port(), "/api/search?q=" + Enc("قصف") + "&offset=1990&limit=20");
  ASSERT_EQ(deep.status, 200) << deep.body;
  EXPECT_EQ(deep.j["hits"].size(), 20u);
  EXPECT_EQ(deep.j["ranked_over"], 5000);
  server.reset();
  std::error_code ec;
  fs::remove_all(dir, ec);
}

TEST(ServeLimits, HugeBodiesAreRejectedWithJson) {
  ServerOptions o;
  o.max_body_bytes = 1024;
  o.api.write_token = "t0ken";
  o.api.db_path = SharedFixture().db;
  auto server = StartServer(o);
  ASSERT_NE(server, nullptr);
  auto r = Post(server->port(), "/api/articles", std::string(4096, 'x'), "t0ken");
  ExpectError(r, 413, "payload_too_large");
}

TEST(ServeLimits, RateLimitAnswers429) {
  ServerOptions o;
  o.rate = 1;
  o.burst = 3;
  auto server = StartServer(o);
  ASSERT_NE(server, nullptr);
  int limited = 0;
  for (int i = 0; i < 8; ++i) {
    auto r = Get(server->port(), "/api/health");
    if (r.status == 429) {
      ++limited;
      ExpectError(r, 429, "rate_limited");
    }
  }
  EXPECT_GE(limited, 4);
}

TEST(ServeWrite, PostArticlesNeedsTheTokenAndIngests) {
  // A private copy of the store: this test writes.
  fs::path copy = SharedFixture().dir / "write.db";
  fs::copy_file(SharedFixture().db, copy, fs::copy_options::overwrite_existing);
  ServerOptions o;
  o.api.db_path = copy.string();
  o.api.write_token = "s3cret";
  o.rate = 0;
  auto server = StartServer(o);
  ASSERT_NE(server, nullptr);
  int port = server->port();
  // "Clashes broke out in the city of Al-Mayadin on Monday."
  const std::string article =
      R"({"title": "اشتباكات في الميادين", "outlet": "al-jazeera", "published": "2017-11-20", "text": "اندلعت اشتباكات عنيفة في مدينة الميادين يوم الإثنين بين الجيش السوري ومقاتلي تنظيم الدولة."})";
  // "clashes" from Al Jazeera: filtered searches read the server's copy of
  // the facets, which must grow with the write.
  const std::string clashes = "/api/search?q=" + Enc("اشتباكات") + "&outlet=al-jazeera&facets=true";
  auto before = Get(port, clashes);
  ASSERT_EQ(before.status, 200) << before.body;
  ExpectError(Post(port, "/api/articles", article), 401, "unauthorized");
  ExpectError(Post(port, "/api/articles", article, "wrong"), 401, "unauthorized");
  ExpectError(Post(port, "/api/articles", "  \n", "s3cret"), 400, "empty_body");
  ExpectError(Post(port, "/api/articles", R"({"title": "no text"})", "s3cret"), 400, "bad_article");
  auto r = Post(port, "/api/articles", article, "s3cret");
  ASSERT_EQ(r.status, 201) << r.body;
  ASSERT_EQ(r.j["stored"].size(), 1u);
  EXPECT_TRUE(r.j["stored"][0]["inserted"].get<bool>());
  auto again = Post(port, "/api/articles", article, "s3cret");
  EXPECT_FALSE(again.j["stored"][0]["inserted"].get<bool>()) << "idempotent on content";
  auto health = Get(port, "/api/health");
  EXPECT_EQ(health.j["documents"], 4);
  auto search = Get(port, "/api/search?q=" + Enc("الميادين"));
  EXPECT_EQ(search.j["total"], 1) << "the response cache saw the write";
  auto after = Get(port, clashes);
  EXPECT_EQ(after.j["total"].get<int>(), before.j["total"].get<int>() + 1) << after.body;
  EXPECT_EQ(after.j["facets"]["outlet"][0]["value"], "al-jazeera") << after.body;
}

// ---- OpenAPI conformance: a small checker of status codes and required
// fields/types against docs/openapi.json.

class OpenApi {
 public:
  explicit OpenApi(json spec) : spec_(std::move(spec)) {}

  const json* Operation(const std::string& path_template, const std::string& method) const {
    if (!spec_["paths"].contains(path_template)) return nullptr;
    const json& p = spec_["paths"][path_template];
    return p.contains(method) ? &p[method] : nullptr;
  }

  const json& Resolve(const json& schema) const {
    if (schema.contains("$ref")) {
      std::string ref = schema["$ref"];  // "#/components/schemas/X"
      const std::string prefix = "#/components/schemas/";
      return spec_["components"]["schemas"][ref.substr(prefix.size())];
    }
    return schema;
  }

  // Appends problems to *errors.
  void Check(const json& schema_in, const json& v, const std::string& where,
             std::vector<std::string>* errors) const {
    const json& schema = Resolve(schema_in);
    if (v.is_null()) {
      if (!schema.value("nullable", false)) errors->push_back(where + ": null but not nullable");
      return;
    }
    std::string type = schema.value("type", "");
    auto bad = [&](const char* want) { errors->push_back(where + ": expected " + want + ", got " + v.dump().substr(0, 60)); };
    if (type == "object" && !v.is_object()) return bad("object");
    if (type == "array" && !v.is_array()) return bad("array");
    if (type == "string" && !v.is_string()) return bad("string");
    if (type == "integer" && !v.is_number_integer()) return bad("integer");
    if (type == "number" && !v.is_number()) return bad("number");
    if (type == "boolean" && !v.is_boolean()) return bad("boolean");
    if (schema.contains("enum") && std::find(schema["enum"].begin(), schema["enum"].end(), v) == schema["enum"].end()) {
      errors->push_back(where + ": value " + v.dump() + " not in enum");
    }
    if (v.is_object()) {
      for (const auto& req : schema.value("required", json::array())) {
        if (!v.contains(req.get<std::string>())) errors->push_back(where + ": missing required " + req.get<std::string>());
      }
      if (schema.contains("properties")) {
        for (const auto& [k, sub] : schema["properties"].items()) {
          if (v.contains(k)) Check(sub, v[k], where + "." + k, errors);
        }
      }
    }
    if (v.is_array() && schema.contains("items")) {
      size_t n = std::min<size_t>(v.size(), 50);
      for (size_t i = 0; i < n; ++i) Check(schema["items"], v[i], where + "[" + std::to_string(i) + "]", errors);
    }
  }

  const json& spec() const { return spec_; }

 private:
  json spec_;
};

TEST_F(ServeTest, ResponsesMatchTheOpenApiDocument) {
  std::string text, error;
  ASSERT_TRUE(ReadFile(std::string(MARSAD_SOURCE_DIR) + "/docs/openapi.json", &text, &error)) << error;
  json spec = json::parse(text, nullptr, false);
  ASSERT_FALSE(spec.is_discarded()) << "docs/openapi.json is not valid JSON";
  OpenApi api(spec);
  auto docs = Get(port(), "/api/documents");
  std::string doc_id = std::to_string(docs.j["items"][0]["id"].get<int64_t>());
  auto ents = Get(port(), "/api/entities");
  std::string ent_id = Enc(ents.j["items"][0]["id"].get<std::string>());
  struct Case {
    std::string tmpl, target;
  };
  std::vector<Case> cases = {
      {"/api/health", "/api/health"},
      {"/api/documents", "/api/documents"},
      {"/api/documents", "/api/documents?limit=x"},
      {"/api/documents/{id}", "/api/documents/" + doc_id},
      {"/api/documents/{id}", "/api/documents/999999"},
      {"/api/documents/{id}", "/api/documents/x"},
      {"/api/events", "/api/events"},
      {"/api/events", "/api/events?from=bad"},
      {"/api/claims", "/api/claims"},
      {"/api/entities", "/api/entities"},
      {"/api/entities/{id}", "/api/entities/" + ent_id},
      {"/api/entities/{id}", "/api/entities/no-such-entity"},
      {"/api/places", "/api/places"},
      {"/api/outlets", "/api/outlets"},
      {"/api/search", "/api/search?q=" + Enc("البوكمال")},
      {"/api/search", "/api/search"},
      {"/api/search", "/api/search?q=" + Enc("(")},
      {"/api/timeline", "/api/timeline"},
      {"/api/graph", "/api/graph"},
      {"/api/stories", "/api/stories"},
  };
  if (Api::HasStories()) {
    auto list = Get(port(), "/api/stories");
    if (!list.j["items"].empty()) {
      cases.push_back({"/api/stories/{id}", "/api/stories/" + Enc(list.j["items"][0]["id"].get<std::string>())});
    }
    cases.push_back({"/api/stories/{id}", "/api/stories/unknown"});
  }
  for (const Case& c : cases) {
    SCOPED_TRACE(c.target);
    const json* op = api.Operation(c.tmpl, "get");
    ASSERT_NE(op, nullptr) << "no GET " << c.tmpl << " in docs/openapi.json";
    auto r = Get(port(), c.target);
    std::string code = std::to_string(r.status);
    ASSERT_TRUE((*op)["responses"].contains(code)) << c.target << " answered " << code
                                                   << ", undocumented for " << c.tmpl;
    const json& resp = (*op)["responses"][code];
    const json* schema = nullptr;
    if (resp.contains("content") && resp["content"].contains("application/json")) {
      schema = &resp["content"]["application/json"]["schema"];
    } else if (resp.contains("$ref")) {
      std::string ref = resp["$ref"];  // "#/components/responses/Error"
      const json& shared = spec["components"]["responses"][ref.substr(ref.rfind('/') + 1)];
      schema = &shared["content"]["application/json"]["schema"];
    }
    ASSERT_NE(schema, nullptr) << "no JSON schema for " << c.tmpl << " " << code;
    std::vector<std::string> errors;
    api.Check(*schema, r.j, "$", &errors);
    for (const auto& e : errors) ADD_FAILURE() << c.target << ": " << e;
  }
  // Every path of the document is implemented (answers something other than unknown_endpoint).
  for (const auto& [path, ops] : spec["paths"].items()) {
    std::string target = path;
    auto brace = target.find('{');
    if (brace != std::string::npos) target = target.substr(0, brace) + "1";
    if (!ops.contains("get")) continue;
    auto r = Get(port(), target);
    if (r.j.is_object() && r.j.contains("error")) {
      EXPECT_NE(r.j["error"]["code"], "unknown_endpoint") << path;
    }
  }
}

}  // namespace
}  // namespace marsad::serve
