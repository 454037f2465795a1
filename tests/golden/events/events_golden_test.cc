// Golden test: attributions, chains and events on the seed articles
// (../shared/seeds), checked against expectations.tsv beside this file.
// Each document goes through the default pipeline (clean, normalize,
// tokenize, dates, entities: marsad::Engine without events) and then the
// attribute.v1 and events.v1 stages. Skips when the seeds are absent.
//
// Set MARSAD_GOLDEN_DUMP=1 to print every attribution and event (for review).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "marsad/attribute/attribution_stage.h"
#include "marsad/common/paths.h"
#include "marsad/engine/engine.h"
#include "marsad/events/claims.h"
#include "marsad/events/events_stage.h"
#include "event_expectations.h"

namespace marsad {
namespace {

namespace fs = std::filesystem;

std::string FindSeed(const std::string& prefix) {
  fs::path dir = fs::path(MARSAD_SHARED_DIR) / "seeds";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return "";
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind(prefix + "_", 0) == 0) return e.path().string();
  }
  return "";
}

using golden::Dump;
using golden::ReadRows;

class EventsGolden : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string data = std::string(MARSAD_SOURCE_DIR) + "/data";
    auto engine = Engine::Create({.data_dir = data, .events = false});
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = new std::shared_ptr<const Engine>(*engine);
    auto att = MakeAttributionStage(data);
    ASSERT_TRUE(att.ok()) << att.status().ToString();
    auto ev = MakeEventsStage(data);
    ASSERT_TRUE(ev.ok()) << ev.status().ToString();
    att_ = new StagePtr(*att);
    ev_ = new StagePtr(*ev);
  }
  static void TearDownTestSuite() {
    delete engine_;
    delete att_;
    delete ev_;
  }

  static Document Run(const std::string& path) {
    Document doc;
    std::string err;
    EXPECT_TRUE(ReadFile(path, &doc.raw, &err)) << err;
    doc.source = path;
    doc.input.format = "text";
    doc.layers.insert("raw");
    (*engine_)->pipeline().ProcessOne(doc);
    EXPECT_TRUE((*att_)->Process(doc).ok());
    EXPECT_TRUE((*ev_)->Process(doc).ok());
    return doc;
  }

  static std::shared_ptr<const Engine>* engine_;
  static StagePtr* att_;
  static StagePtr* ev_;
};
std::shared_ptr<const Engine>* EventsGolden::engine_ = nullptr;
StagePtr* EventsGolden::att_ = nullptr;
StagePtr* EventsGolden::ev_ = nullptr;

TEST_F(EventsGolden, Seeds) {
  if (FindSeed("000").empty()) GTEST_SKIP() << "seed articles not found under " << MARSAD_SHARED_DIR;
  const bool dump = std::getenv("MARSAD_GOLDEN_DUMP") != nullptr;
  std::map<std::string, Document> docs;
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    std::string path = FindSeed(seed);
    ASSERT_FALSE(path.empty()) << seed;
    docs[seed] = Run(path);
    const Document& d = docs[seed];
    if (dump) Dump(seed, d);
  }
  auto rows = ReadRows(std::string(MARSAD_SOURCE_DIR) + "/tests/golden/events/expectations.tsv");
  ASSERT_GT(rows.size(), 10u);
  golden::CheckRows(docs, rows, "seed");
}

}  // namespace
}  // namespace marsad
